"""What a passage states, read from its parts: whole words, complete numbers, days, months and years.

Words compare without case (the site shows the macro's own casing); a month is a capitalised name, so
the verb "may" is not May. Each part of an elided passage is read on its own: nothing here joins words
or numbers across an elision.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..corpus.stated import MONTH_NAMES as MONTHS
from ..corpus.text import cuts, fold

_MONTH = "(?:" + "|".join(MONTHS) + r")\b"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
# "6 January", "6th of January", "January 2nd", "January 6": a day; "January" alone: a month.
DAY_MONTH = re.compile(rf"\b(?P<before>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})"
                       rf"|\b(?P<named>{_MONTH})(?:\s+(?P<after>{_DAY})\b(?![.,]?\d))?")
# A year of a date: four digits right after a month, with or without its day ("January 2022", "6 January
# 2022", "January 2nd, 2022"), or right after "in", "since", "until", "till", "during", "before", "after"
# or "year" ("in 2019").
YEAR_BEFORE = re.compile(rf"(?:\b{_MONTH}(?:\s+{_DAY})?|\b(?i:in|since|until|till|during|before|after|year)),?\s+\Z")
NUMBER_RUN = re.compile(r"\d[\d,.]*+")


@dataclass(frozen=True)
class Number:
    part: str  # the folded part of the passage the number is written in
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.part[self.start: self.end]

    @property
    def is_year(self) -> bool:
        """Whether it is the year of a date, as YEAR_BEFORE says."""
        return len(self.text) == 4 and self.text.isdigit() and bool(
            YEAR_BEFORE.search(self.part[max(0, self.start - 40): self.start]))

    @property
    def is_date(self) -> bool:
        """Whether it is the year of a date or the day of a month ("6 January", "January 2nd")."""
        return self.is_year or any(self.start in (named.start("before"), named.start("after"))
                                   for named in DAY_MONTH.finditer(self.part, max(0, self.start - 15), self.end + 15))

    @property
    def joined(self) -> bool:
        """Whether a hyphen or an apostrophe joins it to a word or a number ("30-year", "COVID-19")."""
        return cuts(self.part, self.start) or cuts(self.part, self.end)

    @property
    def before(self) -> str:
        """The words before it in its part, in lower case, on one line."""
        return " ".join(self.part[: self.start].casefold().split())

    @property
    def after(self) -> str:
        return self.part[self.end:]


def folded_parts(parts: list[str]) -> list[str]:
    return [fold(part) for part in parts]


def numbers(parts: list[str]) -> list[Number]:
    """Every complete number the parts write, as written: '2,000', '3000', '2.7' (a full stop dropped)."""
    found = []
    for part in parts:
        for run in NUMBER_RUN.finditer(part):
            text = run.group().rstrip(".,")
            found.append(Number(part, run.start(), run.start() + len(text)))
    return found


def places(part: str, words: str) -> Iterator[tuple[int, int]]:
    """Where `part` holds `words` as whole words, whatever their case."""
    text, wanted = part.casefold(), lowered(words)
    position = text.find(wanted) if wanted else -1
    while position >= 0:
        if not cuts(text, position) and not cuts(text, position + len(wanted)):
            yield position, position + len(wanted)
        position = text.find(wanted, position + 1)


def has_words(parts: list[str], words: str) -> bool:
    """Whether a part holds `words` as whole words, whatever their case."""
    return any(next(places(part, words), None) for part in parts)


def stated_days(parts: list[str]) -> list[tuple[int, int | None]]:
    """(month, day or None) of each day or month the parts name: 'January 2nd' is (1, 2), 'May' (5, None)."""
    found = []
    for part in parts:
        for named in DAY_MONTH.finditer(part):
            month = named.group("month") or named.group("named")
            day = named.group("before") or named.group("after")
            found.append((MONTHS.index(month) + 1, int(day.rstrip("stndrh")) if day else None))
    return found


def stated_years(parts: list[str]) -> list[str]:
    return [number.text for number in numbers(parts) if number.is_year]


def lowered(text: str) -> str:
    """Folded, in lower case, on one line: how a figure's words are compared with its passage's."""
    return " ".join(fold(text).casefold().split())


def ends_with_words(text: str, words: str) -> bool:
    return text.endswith(words) and not cuts(text, len(text) - len(words))


def starts_with_words(text: str, words: str) -> bool:
    return text.startswith(words) and not cuts(text, len(words))


def is_currency(text: str) -> bool:
    """Whether `text` is only currency symbols (€, £, $): the site shows it before the number."""
    return bool(text) and all(unicodedata.category(char) == "Sc" for char in text)


def without_currency(before: str) -> str:
    """The words before a value, less a currency symbol right before it ('around €' is 'around')."""
    end = len(before)
    while end and (before[end - 1].isspace() or is_currency(before[end - 1])):
        end -= 1
    return before[:end]
