"""The line a problem points at: where a needle first occurs in a text, from an index built once.

A page can hold thousands of problems, each found in its HTML and reported at a line
of its Markdown (or of its HTML). Walking the lines from the top for each one costs
problems × lines; here the text is searched for a needle (in C) and the line is found
by bisection among the line starts; the problems themselves are capped before they are
made (problems.capped). Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class LineIndex:
    """The 1-based line of the first occurrence of each needle looked up in one text."""

    def __init__(self, text: str, ignore_case: bool = False):
        self.ignore_case = ignore_case
        self.text = text.lower() if ignore_case else text  # lower() keeps every line break
        self.starts = [0]
        position = self.text.find("\n")
        while position >= 0:
            self.starts.append(position + 1)
            position = self.text.find("\n", position + 1)

    @classmethod
    def of_lines(cls, lines: Iterable[str], ignore_case: bool = False) -> LineIndex:
        return cls("\n".join(lines), ignore_case)

    def line_of(self, needle: str, default: int = 0) -> int:
        """The line where `needle` first occurs, or `default` if it does not (or is empty)."""
        if not needle:
            return default
        position = self.text.find(needle.lower() if self.ignore_case else needle)
        return bisect_right(self.starts, position) if position >= 0 else default

    def first_line(self, needles: Iterable[str], default: int = 0) -> int:
        """The line of the first needle that occurs, trying them in order (the most telling first)."""
        return next((line for line in (self.line_of(needle) for needle in needles) if line), default)
