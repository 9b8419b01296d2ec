"""Which words of a passage a date it states dates: the date's clause.

A clause is a sentence, or a piece of one between semicolons, read in the source paragraph and kept to the
part of the passage that states the date (nothing joins words across an elision). Where the clause holds a
range, "from … to …" (or "until", "till"), a date on one side of it dates that side and the words before
"from", not the other side: "from the end of the Ceausescus in 1989 to the tottering government of
Lukashenko" dates nothing of Lukashenko's, even where the passage starts after "from".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..corpus import Match
from ..corpus.text import fold
from .placing import LOOK_BACK, SENTENCE_END
from .wording import DAY_MONTH, MONTHS, numbers, places

CLAUSE_END = re.compile(rf"{SENTENCE_END.pattern}|;")
RANGE_ENDS = ("to", "until", "till")


@dataclass(frozen=True)
class Dated:
    """A day, month or year the passage states, and the words of its clause."""
    year: int | None
    month: int | None
    day: int | None
    clause: str


def dated_clauses(match: Match, parts: list[str]) -> list[Dated]:
    """Each day or month (with its day, if any) and each year of a date the parts state, with its clause."""
    found = []
    for index, part in enumerate(parts):
        start = match.spans[index][0]
        before = f"{fold(match.paragraph.text[max(0, start - LOOK_BACK): start])} "
        text = before + part
        for named in DAY_MONTH.finditer(part):
            day = named.group("before") or named.group("after")
            found.append(Dated(None, MONTHS.index(named.group("month") or named.group("named")) + 1,
                               int(day.rstrip("stndrh")) if day else None,
                               _clause(text, len(before) + named.start(), len(before))))
        found += [Dated(int(number.text), None, None, _clause(text, len(before) + number.start, len(before)))
                  for number in numbers([part]) if number.is_year]
    return found


def dating(stated: list[Dated], year: int, month: int | None, day: int | None) -> list[Dated]:
    """The stated dates that give the event's date: its day or month where it has one and the passage names
    any, else its year where the passage gives any, else (a year alone) every day or month named."""
    days = [dated for dated in stated if dated.month]
    if month and days:
        return [dated for dated in days if dated.month == month and (None in (dated.day, day) or dated.day == day)]
    years = [dated for dated in stated if dated.year]
    return [dated for dated in years if dated.year == year] if years else days


def _clause(text: str, at: int, part_start: int) -> str:
    """The words of `text` that the date written at `at` dates, from `part_start` on (the passage's part)."""
    start = max((end.end() for end in CLAUSE_END.finditer(text, 0, at)), default=0)
    end = next((end.start() for end in CLAUSE_END.finditer(text, at)), len(text))
    pieces = [(start + a, start + b) for a, b in _side(text[start:end], at - start)]
    return " ".join(text[max(a, part_start): b] for a, b in pieces if b > part_start)


def _side(clause: str, at: int) -> list[tuple[int, int]]:
    """The spans of the clause less the other side of a "from … to …" range that the date at `at` stands in."""
    opened = next(places(clause, "from"), None)
    turn = opened and min((span for word in RANGE_ENDS for span in places(clause[opened[1]:], word)), default=None)
    if not turn or at < opened[1]:
        return [(0, len(clause))]
    turn = opened[1] + turn[0]
    return [(0, turn)] if at < turn else [(0, opened[1]), (turn, len(clause))]
