"""The line a problem points at: where a needle first occurs in a text, from an index built once.

A page can hold thousands of problems, each found in its HTML and reported at a line
of its Markdown (or of its HTML). Walking the lines from the top for each one costs
problems × lines; here the text is searched for a needle (in C) and the line is found
by bisection among the line starts; the problems themselves are capped before they are
made (problems.capped). The text of an element of a built page is looked up by its words
(WordIndex), since its Markdown may split them with emphasis or tags, or write them with a
macro; a single word, which recurs by chance, counts only where it is the page's only one.
A page's Markdown has one PageLines, which makes each of these indexes once, when a check
first needs it, for every check of the page (the static pass's and the build's); a
WordLocator keeps its own place in it. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cached_property
from itertools import accumulate

from selectolax.lexbor import LexborHTMLParser

LETTERS = re.compile(r"[^\W_]+")  # the letters and digits of a word: what is left of it without marks
MOST_TRIES = 1_000  # occurrences of a needle inside longer words, looked past before giving up

WORD = re.compile(r"\w++")  # a word of text, as the locator compares them
SEPARATOR = "\0"


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

    def line_of(self, needle: str, default: int = 0, since: int = 1) -> int:
        """The line where `needle` first occurs (from the line `since` on), or `default` if it does not (or is
        empty)."""
        if not needle:
            return default
        start = self.starts[since - 1] if since <= len(self.starts) else len(self.text)
        position = self.text.find(needle.lower() if self.ignore_case else needle, start)
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

    def line_of(self, needle: str, default: int = 0, since: int = 0) -> int:
        """The line where the needle's words first occur (from the line `since` on, where the element is known to
        come after it); a single word only where it is the page's only one (a word recurs by chance, and the
        first is then a guess), else `default`."""
        letters = "".join(LETTERS.findall(needle.lower()))
        first = bisect_left(self.lines, since) if since else 0
        start = self.starts[first] if first < len(self.starts) else len(self.letters)
        found = self._find(letters, start) if letters else -1
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


def _as_read(line: str) -> str:
    """The line's text without its HTML tags and with its character references read, as the parser reads them
    (a tag between two words is a break between them)."""
    if "<" not in line and "&" not in line:
        return line
    root = LexborHTMLParser(line).root
    return root.text(separator=" ") if root is not None else line


class PageLines:
    """A page's Markdown lines, and the one place a text of its HTML is found in them: each index is made once,
    when first needed, and serves every check of the page (the static pass's, and the build's, which keep the
    page's PageLines: pages.ParsedPage.where). A needle of markup (an attribute, a tag, a class) is found as
    written, in any case; a needle of Words as a reader reads them (WordIndex); a block's first words as a run
    of the source's words (WordLocator, which keeps its own place)."""

    def __init__(self, lines: Iterable[str]):
        self.lines = list(lines)

    @classmethod
    def of(cls, lines: PageLines | Iterable[str]) -> PageLines:
        """The page's PageLines, as given or made from its lines."""
        return lines if isinstance(lines, PageLines) else cls(lines)

    @cached_property
    def markup(self) -> LineIndex:
        return LineIndex.of_lines(self.lines, ignore_case=True)

    @cached_property
    def read_words(self) -> WordIndex:
        return WordIndex(self.lines)

    @cached_property
    def word_runs(self) -> WordRuns:
        return WordRuns(self.lines)

    def line_of(self, needle: str, default: int = 0) -> int:
        """The line of a needle of markup as written, or of Words as a reader reads them; `default` if nowhere."""
        found = self.read_words.line_of(needle) if isinstance(needle, Words) else self.markup.line_of(needle)
        return found or default

    def first_line(self, needles: Iterable[str], default: int = 0) -> int:
        """The line of the first needle found, trying them in order (the most telling first)."""
        return next((line for line in map(self.line_of, needles) if line), default)


class WordRuns:
    """The words of a page's Markdown as letters, digits and underscores without case, in a row: where a run of
    them is written (WordLocator)."""

    def __init__(self, lines: list[str]):
        found = [(number, match.group()) for number, line in enumerate(lines, 1)
                 for match in WORD.finditer(line.casefold())]
        self.lines = [number for number, _ in found]
        self.words = [word for _, word in found]
        self.joined = SEPARATOR + SEPARATOR.join(word for _, word in found) + SEPARATOR
        self.starts, position = [], 0  # where each word starts in `joined`
        for _, word in found:
            self.starts.append(position + 1)
            position += len(word) + 1

    def find(self, words: list[str], after: int) -> int | None:
        """The index of the first of the words written in a row, from the word `after` on, else from the top."""
        needle = SEPARATOR + SEPARATOR.join(words) + SEPARATOR
        start = self.starts[after] - 1 if after < len(self.starts) else len(self.joined)
        position = self.joined.find(needle, start)
        position = self.joined.find(needle) if position < 0 else position
        return bisect_right(self.starts, position + 1) - 1 if position >= 0 else None

    def run_end(self, index: int, words: list[str]) -> int:
        """The index after as many of the words as are written in a row from `index`."""
        end = index
        while end < len(self.words) and end - index < len(words) and self.words[end] == words[end - index]:
            end += 1
        return end


class WordLocator:
    """The line of a block of a page's HTML in the page's Markdown, found by its first words.

    The one way a text of a page's HTML is found where it was written (the blocks the static pass renders,
    pages/rendered.py, and the texts its checks report): the words of the text, as letters and digits without
    case (a link's brackets, a table's bars, emphasis and a list's marker are not words), looked for as a run of
    the source's words, its first six, else three, two or one. Blocks are looked up in the order of the page,
    each from where the one before was found (two blocks can start alike), else from the top: the locator keeps
    that place; the page's indexes are its PageLines'."""

    def __init__(self, page: PageLines | list[str]):
        self.page = PageLines.of(page)
        self.after = 0  # the word after the last one found

    def line_of(self, text: str, default: int = 0, move: bool = True, fewest: int = 1, since: int = 0) -> int:
        """The line where the text's first words are written (at least `fewest` of them), from the last one found
        on (or from the line `since`, where the text's element is known to come after it); `default` if nowhere.
        With `move`, the next look-up starts after as many of its words as are written there in a row."""
        words, runs = WORD.findall(text.casefold()), self.page.word_runs
        for count in (count for count in (6, 3, 2, 1) if count >= fewest):
            if len(words) >= count:
                index = runs.find(words[:count], bisect_left(runs.lines, since) if since else self.after)
                if index is not None:
                    self.after = runs.run_end(index, words) if move else self.after
                    return runs.lines[index]
            if count == 3:  # before fewer words, the first ones as a reader reads them: "Te*n* thou<b>sand</b>"
                line = self.page.read_words.line_of(" ".join(LETTERS.findall(text)[:6]), since=since)
                if line:
                    return line
        return default
