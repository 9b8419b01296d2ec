"""A figure's or an event's date says no more than its passage, or its source's catalogue date, says.

Where the passage names days or months, the date's month is one of them; where it names none, the month
is the source's own (its catalogue date). A day is a day the passage names with that month, or the
source's own day. A year is one the passage gives, where it gives any. Where the passage names a day or a
month but no year, the year is its source's, or the year before where that day or month comes later in the
year than the source's date (a source of 7 January 2022 writes of "6 January" 2022 alone; one of January
2023, of "May" 2022 or 2023 and of "this June", 2023); a source dated by its year alone allows both.
A passage that states no date at all gives its source's date, or less of it (2022-01-07 allows 2022,
2022-01 and 2022-01-07; a source dated only 2022 allows 2022 alone): a count then stands as of when its
source wrote it, and an event happened by then. An event's passage may also count its year back from
its source's ("5 years ago", "last year") or name a season ("this fall"), which gives a year alone: the
source's year less the count (or one more, as "30 years ago" is rounded), or as for a month, the season's.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..corpus import is_partial_date
from ..pages import Call
from ..problems import Problem
from .wording import MONTHS, stated_days, stated_years

COUNTS = ("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
YEARS_AGO = re.compile(rf"\b(?:(?P<count>\d{{1,3}}|an?|{'|'.join(COUNTS[1:])})\s+years?\s+ago|last\s+year)\b",
                       re.IGNORECASE)
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # the month it ends nearest
SEASON = re.compile(rf"\b(?:this|last|in\s+the)\s+(?P<season>{'|'.join(SEASONS)})\b", re.IGNORECASE)


def date_problems(call: Call, what: str, date: str, parts: list[str], source: str | None,
                  source_id: str) -> Iterator[Problem]:
    """`what` is "event" or "figure"; `source` the source's catalogue date (None if unknown)."""
    source = source if is_partial_date(source) else None  # a malformed one has its own catalogue problem
    days, years = stated_days(parts), stated_years(parts)
    dated = f"its source '{source_id}' is dated {source}" if source else f"its source '{source_id}' has no date"
    if not days and not years:
        yield from _undated(call, what, date, parts, source, dated)
        return
    year, month, day = date_pieces(date)
    known = date_pieces(source) if source else (None, None, None)
    month_ok = True
    if month and days and not any(named == month and (day is None or on in (None, day)) for named, on in days):
        month_ok = False
        yield Problem(call.path, call.line, f"{what} date does not agree with its passage", repr(date),
                      f"the passage states: {_stated(days)}; date the {what} by what its passage says")
    elif month and not days and (year, month) != known[:2]:
        month_ok = False
        yield Problem(call.path, call.line, f"{what} month is neither its passage's nor its source's", repr(date),
                      f"the passage names no day or month, and {dated}: give only the year, or quote the words "
                      "that state the month")
    if month_ok and day and not any(named == month and on == day for named, on in days) and \
            (year, month, day) != known:
        yield Problem(call.path, call.line, f"{what} day is neither its passage's nor its source's", repr(date),
                      f"the passage states: {_stated(days) or 'no day'}, and {dated}: give only the year and "
                      "month, or quote the words that state the day")
    if days and not years:
        meant = [(named, on) for named, on in days if month in (None, named) and (None in (day, on) or on == day)]
        allowed = _years_of(meant or days, known)
        if year not in allowed:
            yield _not_sources_year(call, what, date, days, allowed, dated)
    if years and str(year) not in years:
        yield Problem(call.path, call.line, f"{what} year is not one its passage states", repr(date),
                      f"the passage states: {', '.join(dict.fromkeys(years))}; date the {what} by what its passage "
                      "says")


def _undated(call: Call, what: str, date: str, parts: list[str], source: str | None,
             dated: str) -> Iterator[Problem]:
    """A passage that states no day, month or year: its source's date or less of it, or for an event also a
    year its passage counts back from its source's, or a season's."""
    counted = _counted_years(parts, source) if what == "event" and source else []
    if source and source.startswith(date) or re.fullmatch(r"\d{4}", date) and int(date) in counted:
        return
    if counted:
        yield Problem(call.path, call.line, f"{what} year is not the one its passage counts", repr(date),
                      f"the passage gives no date but counts from its source's, and {dated}: give the year "
                      f"{' or '.join(str(year) for year in counted)} alone, or the source's date (or less of it), "
                      "or quote the words that state the date")
    else:
        give = "give the source's date (or less of it), or " if source else ""
        yield Problem(call.path, call.line, f"{what} date is not its passage's or its source's", repr(date),
                      f"its passage states no day, month or year, and {dated}: {give}quote a part of the "
                      f"paragraph that states the {what}'s date")


def _counted_years(parts: list[str], source: str) -> list[int]:
    """The years an event's passage counts back from its source's year, or that a season it names is in."""
    known = date_pieces(source)
    counted = []
    for part in parts:
        for ago in YEARS_AGO.finditer(part):
            count = (ago.group("count") or "a").casefold()
            back = int(count) if count.isdigit() else 1 if count == "an" else COUNTS.index(count) + 1
            counted += [known[0] - back, known[0] - back - 1]
        counted += [year for season in SEASON.finditer(part)
                    for year in _years_of([(SEASONS[season.group("season").casefold()], None)], known)]
    return sorted(set(counted), reverse=True)


def _years_of(days: list[tuple[int, int | None]], known: tuple[int | None, ...]) -> list[int]:
    """The years a day or month written without a year may be in: its source's, or the year before where it
    comes later in the year than the source's date (or the source's date has no month)."""
    year, month, day = known
    if not year:
        return []
    later = any(not month or named > month or (named == month and on and (not day or on > day))
                for named, on in days)
    return [year, year - 1] if later else [year]


def _not_sources_year(call: Call, what: str, date: str, days: list[tuple[int, int | None]], allowed: list[int],
                      dated: str) -> Problem:
    give = f"give {' or '.join(str(year) for year in allowed)}, or " if allowed else ""
    return Problem(call.path, call.line, f"{what} year is not its source's", repr(date),
                   f"the passage states {_stated(days)} but no year, and {dated}: a day or month without a year is "
                   "in its source's year, or the year before where it comes later in the year than the source's "
                   f"date, so {give}quote the words that state the year")


def date_pieces(date: str) -> tuple[int | None, int | None, int | None]:
    numbers = [int(piece) for piece in date.split("-")]
    return tuple(numbers + [None] * (3 - len(numbers)))


def _stated(days: list[tuple[int, int | None]]) -> str:
    return ", ".join(dict.fromkeys(f"{on} {MONTHS[named - 1]}" if on else MONTHS[named - 1] for named, on in days))
