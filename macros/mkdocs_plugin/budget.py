"""Markdown's conversion of the pages: the time it may take in one build, and a page it cannot convert."""
from __future__ import annotations

import signal
import threading
import time

from mkdocs.exceptions import BuildError, PluginError

from ..problems import clip


class RenderBudget:
    """Time that Markdown's conversion of every page may take in one build, enforced by an alarm
    (in the main thread, where signals arrive)."""

    def __init__(self, seconds: float):
        self.left = seconds
        self.page = ""
        self.started: float | None = None

    def start(self, page: str) -> None:
        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            return
        self.page, self.started = page, time.monotonic()
        signal.signal(signal.SIGALRM, self._exceeded)
        signal.setitimer(signal.ITIMER_REAL, max(self.left, 0.001))

    def stop(self) -> None:
        if self.started is None:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        self.left -= time.monotonic() - self.started
        self.started = None

    def _exceeded(self, signum, frame):
        self.started = None
        raise PluginError(f"Refusing to build:\n{self.page}:1: converting the pages' Markdown took longer than the "
                          "render budget — "
                          "this page was being converted when it ran out — Markdown with thousands of unclosed "
                          "brackets or tags makes the converter slow: simplify it (plugins: citations: "
                          "render_budget in mkdocs.yml)")


def guard_conversion(page, budget: RenderBudget) -> None:
    """A page whose conversion raises (Python-Markdown recurses once per nested block) fails with its
    path and what went wrong, not with a traceback."""
    render = page.render

    def render_or_refuse(config, files):
        try:
            return render(config, files)
        except BuildError:
            raise
        except Exception as error:  # noqa: BLE001 (any failure of the converter on a contributor's page)
            budget.stop()
            raise PluginError(f"Refusing to build:\ndocs/{page.file.src_uri}:1: Markdown could not convert this "
                              f"page — {type(error).__name__}: {clip(str(error), 80)} — blocks nested very deeply "
                              "(/// blocks, lists, quotes) are the usual cause") from None

    page.render = render_or_refuse
