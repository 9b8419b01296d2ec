"""Events and places: citations that also give a date and a short label, or the name of a place."""
from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Match, is_partial_date
from ..pages import Call
from ..problems import Problem, clip
from .wording import MONTHS, folded_parts, has_words, stated_days, stated_years

DETAIL_KEYS = {"event": ("date", "label"), "place": ("name",)}
MAX_LABEL = 60


def event_problems(call: Call, match: Match) -> Iterator[Problem]:
    date, label = call.args["date"], call.args["label"]
    if not is_partial_date(date):
        yield Problem(call.path, call.line, "event date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(date))
    if not label.strip() or len(label) > MAX_LABEL or any(char in label for char in '<>"{}'):
        yield Problem(call.path, call.line, f"event label must be plain text of at most {MAX_LABEL} characters",
                      repr(clip(label, 80)), "a few words for the timeline: the sentence around it says the rest")
    if is_partial_date(date):
        yield from _date_problems(call, date, folded_parts(match.parts))


def _date_problems(call: Call, date: str, parts: list[str]) -> Iterator[Problem]:
    """An event's month (and day) agree with one its passage states, if it states any; its year likewise."""
    year, month, day = ([int(piece) for piece in date.split("-")] + [None, None])[:3]
    days, years = stated_days(parts), stated_years(parts)
    if month and days and not any(named == month and (day is None or on in (None, day)) for named, on in days):
        stated = ", ".join(dict.fromkeys(f"{on} {MONTHS[named - 1]}" if on else MONTHS[named - 1]
                                         for named, on in days))
        yield Problem(call.path, call.line, "event date does not agree with its passage", repr(date),
                      f"the passage states: {stated}; date the event by what its passage says")
    if years and str(year) not in years:
        yield Problem(call.path, call.line, "event year is not one its passage states", repr(date),
                      f"the passage states: {', '.join(dict.fromkeys(years))}; date the event by what its passage "
                      "says")


def place_problems(call: Call, match: Match) -> Iterator[Problem]:
    name = call.args["name"]
    if not has_words(folded_parts(match.parts), name):
        yield Problem(call.path, call.line, "place is not named in its passage", repr(clip(name, 60)),
                      "cite a passage that names the place")
