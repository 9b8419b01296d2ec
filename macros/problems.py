"""Error records, reported like a compiler's: `path:line: rule — what was found — what to do`.

Line 0 is no line: where a check cannot tell which line wrote what it found, the record
names the file alone (`path: rule — …`), and what was found names the text; a wrong line
would send the contributor to the wrong place.

Each check is a generator of Problem records, in the style of python/peps'
check-peps.py; a run lists every problem, sorted, then fails. Pure Python:
nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

PER_PAGE = 30  # problems reported per page, and per rule of the static pass
MORE = "and more problems of the same page"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    rule: str
    found: str = ""
    hint: str = ""

    def __str__(self) -> str:
        message = " — ".join(part for part in (self.rule, self.found, self.hint) if part)
        return f"{self.path}:{self.line}: {message}" if self.line else f"{self.path}: {message}"


def report(problems: Iterable[Problem], where: str) -> str:
    """Every problem on its own line, sorted, then how many: '2 errors in the citation check'."""
    unique = sorted(set(problems))
    return "\n".join([*map(str, unique), f"{counted(len(unique), 'error')} {where}"])


def counted(count: int, noun: str) -> str:
    """'1 error', '2 errors', 'cited 1 time'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def clip(text: str, width: int = 100) -> str:
    """The text on one line, cut to at most `width` characters with '…'."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def capped(problems: Iterable[Problem]) -> list[Problem]:
    """At most PER_PAGE problems of one page, then one that says there are more. Problems are made
    lazily and the rest are never made: finding the line of each one costs a search of the page."""
    first = list(islice(problems, PER_PAGE + 1))
    if len(first) <= PER_PAGE:
        return first
    last = first[PER_PAGE - 1]
    return first[:PER_PAGE] + [Problem(last.path, last.line, MORE, "", "fix these first")]
