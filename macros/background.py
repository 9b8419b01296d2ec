"""Run a function in a forked child process while the build goes on; collect its result later.

The checks of the built site need nothing from the build's last hooks (the CSS purge
takes longer than they do), and MkDocs builds on one core: in a child process they
cost no wall-clock time on a machine with two. The child gets a copy of the parent's
memory, so the function and its arguments are not pickled; only the result comes back.

Where fork is missing (Windows) or unsafe (other threads running, as under
`mkdocs serve`), the function runs at once, in this process. Either way `result()`
returns what the function returned or raises what it raised.
"""
from __future__ import annotations

import gc
import os
import pickle
import threading
from typing import Any, Callable


class Pending:
    """The result of function(*args), computed in a child process or already here."""

    def __init__(self, function: Callable, args: tuple):
        self.function, self.args = function, args
        self.child: tuple[int, int] | None = None  # (process id, read end of its pipe) until collected
        self.forked = False
        self.outcome: tuple[bool, Any] | None = None  # (returned normally, value or exception)

    def result(self) -> Any:
        if self.outcome is None:
            self.outcome = self._collect()
        returned, value = self.outcome
        if not returned:
            raise value
        return value

    def _collect(self) -> tuple[bool, Any]:
        pid, pipe = self.child
        self.child = None
        with os.fdopen(pipe, "rb") as reader:
            data = reader.read()
        os.waitpid(pid, 0)
        try:
            return pickle.loads(data)
        except Exception:  # no answer (the child died, or its outcome did not pickle): do the work here
            return _outcome(self.function, self.args)


def start(function: Callable, *args) -> Pending:
    """function(*args) in a child process when that is safe, else here and now."""
    pending = Pending(function, args)
    if not hasattr(os, "fork") or threading.active_count() > 1:
        pending.outcome = _outcome(function, args)
        return pending
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer, then leave at once, whatever happens (never return into MkDocs)
        try:
            os.close(read)
            gc.disable()  # collecting would touch, and so copy, the memory it shares with the parent
            with os.fdopen(write, "wb") as writer:
                writer.write(_answer(function, args))
        finally:
            os._exit(0)
    os.close(write)
    pending.child, pending.forked = (pid, read), True
    return pending


def _outcome(function: Callable, args: tuple) -> tuple[bool, Any]:
    try:
        return True, function(*args)
    except Exception as error:
        return False, error


def _answer(function: Callable, args: tuple) -> bytes:
    try:
        return pickle.dumps(_outcome(function, args))
    except Exception:
        return b""  # an outcome that does not pickle: no answer, so the parent does the work itself
