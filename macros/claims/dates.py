"""A figure's or an event's date says no more than its passage, or its source's catalogue date, says.

Where the passage names days or months, the date's month is one of them; where it names none, the month
is the source's own (its catalogue date). A day is a day the passage names with that month, or the
source's own day. A year is one the passage gives, where it gives any; where the passage names a day or a
month but no year, the year is its source's, or the year before or after it (a source dated January 2023
writes of "May" 2022 and of "this June", 2023). A figure whose passage states no
date at all takes its source's date, or less of it (2022-01-07 allows 2022, 2022-01 and 2022-01-07; a source
dated only 2022 allows 2022 alone): a count then stands as of when its source wrote it.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..corpus import is_partial_date
from ..pages import Call
from ..problems import Problem
from .wording import MONTHS, stated_days, stated_years


def date_problems(call: Call, what: str, date: str, parts: list[str], source: str | None,
                  source_id: str) -> Iterator[Problem]:
    """`what` is "event" or "figure"; `source` the source's catalogue date (None if unknown)."""
    source = source if is_partial_date(source) else None  # a malformed one has its own catalogue problem
    days, years = stated_days(parts), stated_years(parts)
    dated = f"its source '{source_id}' is dated {source}" if source else f"its source '{source_id}' has no date"
    if what == "figure" and not days and not years:
        if not source or not source.startswith(date):
            give = "give the source's date (or less of it), or " if source else ""
            yield Problem(call.path, call.line, "figure date is not its passage's or its source's", repr(date),
                          f"its passage states no day, month or year, and {dated}: {give}quote a part of the "
                          "paragraph that states the figure's date")
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
    if days and not years and (not known[0] or abs(year - known[0]) > 1):
        yield _year_far(call, what, date, days, known[0], dated)
    if years and str(year) not in years:
        yield Problem(call.path, call.line, f"{what} year is not one its passage states", repr(date),
                      f"the passage states: {', '.join(dict.fromkeys(years))}; date the {what} by what its passage "
                      "says")


def _year_far(call: Call, what: str, date: str, days: list[tuple[int, int | None]], source_year: int | None,
              dated: str) -> Problem:
    give = f"give {source_year - 1}, {source_year} or {source_year + 1}, or " if source_year else ""
    return Problem(call.path, call.line, f"{what} year is not near its source's", repr(date),
                   f"the passage states {_stated(days)} but no year, and {dated}: a source writes of months near its "
                   f"own date, so {give}quote the words that state the year")


def date_pieces(date: str) -> tuple[int | None, int | None, int | None]:
    numbers = [int(piece) for piece in date.split("-")]
    return tuple(numbers + [None] * (3 - len(numbers)))


def _stated(days: list[tuple[int, int | None]]) -> str:
    return ", ".join(dict.fromkeys(f"{on} {MONTHS[named - 1]}" if on else MONTHS[named - 1] for named, on in days))
