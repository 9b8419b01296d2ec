"""The line a problem points at: where a needle first occurs in a text, from an index built once.

A page can hold thousands of problems, each found in its HTML and reported at a line
of its Markdown (or of its HTML). Walking the lines from the top for each one costs
problems × lines; here the text is searched for a needle (in C) and the line is found
by bisection among the line starts; the problems themselves are capped before they are
made (problems.capped). The text of an element of a built page is looked up by its words
(WordIndex), since its Markdown may split them with emphasis or tags, or write them with a
macro; a single word, which recurs by chance, counts only where it is the page's only one.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate

from selectolax.lexbor import LexborHTMLParser

LETTERS = re.compile(r"[^\W_]+")  # the letters and digits of a word: what is left of it without marks
MOST_TRIES = 1_000  # occurrences of a needle inside longer words, looked past before giving up


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


class Words(str):
    """A needle of words, the text of an element of the built page: looked up as a reader reads them
    (WordIndex), not as the characters of its Markdown."""


class WordIndex:
    """The 1-based line where words first occur in a page's Markdown, read as a reader reads them: in any case,
    as whole words, whatever marks stand between or inside them (emphasis, HTML tags, punctuation, line breaks).
    "Te*n* thou<b>sand</b>" holds "ten thousand"; "often" does not hold "ten"."""

    def __init__(self, lines: Iterable[str]):
        runs = [(number, run) for number, line in enumerate(lines, 1)
                for run in LETTERS.findall(_as_read(line).lower())]
        self.letters = "".join(run for _, run in runs)  # the page's letters and digits, nothing between them
        self.lines = [number for number, _ in runs]
        self.starts = list(accumulate((len(run) for _, run in runs[:-1]), initial=0)) if runs else []
        self.bounds = {*self.starts, len(self.letters)}  # where a word begins or ends

    def line_of(self, needle: str, default: int = 0) -> int:
        """The line where the needle's words first occur; a single word only where it is the page's only one
        (a word recurs by chance, and the first is then a guess), else `default`."""
        letters = "".join(LETTERS.findall(needle.lower()))
        found = self._find(letters, 0) if letters else -1
        if found < 0 or (len(LETTERS.findall(needle)) == 1 and self._find(letters, found + 1) >= 0):
            return default
        return self.lines[bisect_right(self.starts, found) - 1]

    def _find(self, letters: str, start: int) -> int:
        """Where the letters first stand from `start` as whole words, or -1; after MOST_TRIES occurrences
        inside words, -1: the cost of a search stays that of a scan of the page."""
        for _ in range(MOST_TRIES):
            found = self.letters.find(letters, start)
            if found < 0 or (found in self.bounds and found + len(letters) in self.bounds):
                return found
            after = bisect_right(self.starts, found)  # the next word's start: no whole word begins before it
            if after == len(self.starts):
                return -1
            start = self.starts[after]
        return -1


@lru_cache(maxsize=1)
def word_index(lines: tuple[str, ...]) -> WordIndex:
    """The page's WordIndex, made once for all the checks of the page that need one."""
    return WordIndex(lines)


def _as_read(line: str) -> str:
    """The line's text without its HTML tags and with its character references read, as the parser reads them
    (a tag between two words is a break between them)."""
    if "<" not in line and "&" not in line:
        return line
    root = LexborHTMLParser(line).root
    return root.text(separator=" ") if root is not None else line
