"""Run a function in a forked child process while the build goes on; collect its result later.

The checks of the built site need nothing from the build's last hooks (the CSS purge
takes longer than they do), and MkDocs builds on one core: in a child process they
cost little wall-clock time on a machine with two. The child gets a copy of the
parent's memory, so the function and its arguments are not pickled; only the outcome
comes back.

Where fork is missing (Windows), unsafe (other threads running, as in `mkdocs serve`'s
rebuilds) or fails, the function runs at once, in this process. If the child dies or
its outcome does not pickle, the parent runs the function itself. Either way `result()`
returns what the function returned or raises what it raised.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
import traceback
from typing import Any, Callable

INTERRUPTS = {signal.SIGINT, signal.SIGTERM}


class Pending:
    """The outcome of function(*args), computed in a child process or already here."""

    def __init__(self, function: Callable, args: tuple):
        self.function, self.args = function, args
        self.child: tuple[int, int] | None = None  # (process id, read end of its pipe) until collected
        self.forked = False  # a child process was started
        self.answered_by_child = False  # and it was the child's outcome that came back
        self.outcome: tuple[bool, Any] | None = None  # (returned normally, value or exception)

    def result(self) -> Any:
        if self.outcome is None:
            self.outcome = self._collect()
        returned, value = self.outcome
        if not returned:
            raise value
        return value

    def cancel(self) -> None:
        """Stop the child, if it still runs, and forget its outcome (the build failed elsewhere)."""
        if self.child:
            pid, pipe = self.child
            self.child = None
            os.close(pipe)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
        self.outcome = (True, None) if self.outcome is None else self.outcome

    def _collect(self) -> tuple[bool, Any]:
        pid, pipe = self.child
        self.child = None
        with os.fdopen(pipe, "rb") as reader:
            data = reader.read()
        os.waitpid(pid, 0)
        try:
            outcome = pickle.loads(data)
        except Exception:  # no answer (the child died, or its outcome did not pickle): do the work here
            return _outcome(self.function, self.args)
        self.answered_by_child = True
        return outcome


def start(function: Callable, *args) -> Pending:
    """function(*args) in a child process when that is safe, else here and now."""
    pending = Pending(function, args)
    if not hasattr(os, "fork") or threading.active_count() > 1:
        pending.outcome = _outcome(function, args)
        return pending
    # Ctrl-C must not reach the child before it is ready to die of it: a KeyboardInterrupt
    # there would unwind into MkDocs' code in a second process.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, INTERRUPTS)
    try:
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            raise
    except OSError:  # no process or descriptor to spare: do the work here
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        pending.outcome = _outcome(function, args)
        return pending
    if pid == 0:
        _child(function, args, read, write, mask)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    os.close(write)
    pending.child, pending.forked = (pid, read), True
    return pending


def _child(function: Callable, args: tuple, read: int, write: int, mask) -> None:
    """Answer, then leave at once, whatever happens: never return into the parent's code."""
    try:
        for number in INTERRUPTS:
            signal.signal(number, signal.SIG_DFL)  # an interrupt ends the child, with no exception to unwind
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(read)
        gc.disable()  # collecting would touch, and so copy, the memory it shares with the parent
        with os.fdopen(write, "wb") as writer:
            writer.write(_answer(function, args))
    finally:
        os._exit(0)


def _outcome(function: Callable, args: tuple) -> tuple[bool, Any]:
    try:
        return True, function(*args)
    except Exception as error:
        return False, error


def _answer(function: Callable, args: tuple) -> bytes:
    returned, value = _outcome(function, args)
    if not returned:  # the parent raises it far from where it happened: send where that was
        value.add_note("".join(traceback.format_exception(value)).rstrip())
    try:
        return pickle.dumps((returned, value))
    except Exception:
        return b""  # an outcome that does not pickle: no answer, so the parent does the work itself
