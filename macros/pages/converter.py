"""Python-Markdown as MkDocs sets it up for this project: the one converter the static pass reads pages with.

The extensions are mkdocs.yml's `markdown_extensions` (by name, with their options, as sitecheck.read_config reads
the file) and those MkDocs adds to every build. Coverage, the cited numbers, the typed quotations, the glossary
and the pull-request check of editors' notes all read the HTML this makes of a page (pages/rendered.py), so a
rule sees what a reader will. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import signal
import threading
import time

import markdown

from ..problems import Problem, clip
from ..render.blocks import EngineBlocks

MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")  # what MkDocs adds to mkdocs.yml's markdown_extensions
CONFIG = "mkdocs.yml"


def markdown_converter(extensions: dict[str, dict]) -> markdown.Markdown:
    """Python-Markdown as MkDocs sets it up, from mkdocs.yml's markdown_extensions (by name, with their options);
    raises ImportError or ValueError (and so does MkDocs) if one cannot be loaded."""
    # the engine's blocks (a blockquote()'s block, the references), as the plugin adds them to the build's
    return markdown.Markdown(extensions=[*dict.fromkeys([*MKDOCS_EXTENSIONS, *extensions]), EngineBlocks()],
                             extension_configs={name: dict(options) for name, options in extensions.items()})


def converter_or_problem(extensions: dict[str, dict]) -> tuple[markdown.Markdown | None, list[Problem]]:
    """The converter, or the problem of an extension that cannot be loaded (MkDocs would fail on it too)."""
    try:
        return markdown_converter(extensions), []
    except (ImportError, ValueError, TypeError, AttributeError) as error:
        return None, [Problem(CONFIG, 1, "a Markdown extension of markdown_extensions cannot be loaded",
                              repr(str(error)), "name an installed extension, with the options it takes")]


class OutOfTime(Exception):
    """The conversion budget ran out."""


class ConversionBudget:
    """Seconds that converting every page's Markdown may take in one static pass, as the build's render budget
    (mkdocs.yml: plugins: citations: render_budget) bounds the build's: an alarm, in the main thread."""

    def __init__(self, seconds: float):
        self.left = seconds

    def convert(self, md: markdown.Markdown, text: str) -> str:
        """The HTML of `text`; raises OutOfTime when the budget runs out, and whatever the converter raises."""
        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            return md.reset().convert(text)
        if self.left <= 0:
            raise OutOfTime
        started = time.monotonic()
        previous = signal.signal(signal.SIGALRM, _out_of_time)
        signal.setitimer(signal.ITIMER_REAL, self.left)
        try:
            return md.reset().convert(text)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            self.left -= time.monotonic() - started


def _out_of_time(signum, frame):
    raise OutOfTime


def conversion_problem(path: str, error: BaseException) -> Problem:
    """Why a page could not be converted, as the build says it (mkdocs_plugin/budget.py)."""
    if isinstance(error, OutOfTime):
        return Problem(path, 1, "converting the pages' Markdown took longer than the render budget",
                       "this page was being converted when it ran out", "Markdown with thousands of unclosed "
                       "brackets or tags makes the converter slow: simplify it (plugins: citations: render_budget "
                       "in mkdocs.yml)")
    return Problem(path, 1, "Markdown could not convert this page", f"{type(error).__name__}: {clip(str(error), 80)}",
                   "blocks nested very deeply (/// blocks, lists, quotes) are the usual cause")
