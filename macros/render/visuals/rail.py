"""The date rails, drawn from the event() claims, each mark linked to its citation; only days with events.

/timeline/'s rail is the picture of its list, which is the text: one mark per date, before January 2022,
the days of 2 to 7 January 2022 that have events, and later, each mark leading to the first event of its
date in the list, whose entries say what happened. The home page's strip has no list beside it: it shows
those days with what happened on each.
"""
from __future__ import annotations

import calendar
import datetime

from ...claims import Claim
from .. import formats
from ..interface import words
from ..terms import term
from ..templates_env import TEMPLATES

FIRST, LAST = datetime.date(2022, 1, 2), datetime.date(2022, 1, 7)
TIMELINE = "timeline.md"  # the page the strip leads to
DAYS = [(FIRST + datetime.timedelta(days=n)).isoformat() for n in range((LAST - FIRST).days + 1)]
MONTH = DAYS[0][:7]  # an event dated only "2022-01": on the January rail, after its days, "day not given"


def _events(claims: list[Claim]) -> list[Claim]:
    events = [claim for claim in claims if claim.macro == "event"]
    return sorted(events, key=lambda claim: (_end(claim.detail["date"]), claim.detail["date"], claim.page,
                                             claim.number))


def _end(date: str) -> str:
    """The last day a date of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' stands for: '2022' ends on 2022-12-31."""
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 3:
        return date
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _by_date(events: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """(date, its events), in the events' order: one mark per date."""
    dates: dict[str, list[Claim]] = {}
    for event in events:
        dates.setdefault(event.detail["date"], []).append(event)
    return list(dates.items())


def draw_rail(claims: list[Claim], link, page: str, language: str) -> str:
    events, t = _events(claims), words(language)
    # an event dated only "2022" may have come after the six days: it goes with the later ones
    groups = [(t["rail_earlier"], [event for event in events if _end(event.detail["date"]) < DAYS[0]]),
              (t["rail_days"], [event for event in events if event.detail["date"] in DAYS + [MONTH]]),
              (t["rail_later"], [event for event in events if _end(event.detail["date"]) > DAYS[-1]
                                 and event.detail["date"] != MONTH])]
    return TEMPLATES.get_template("visuals/rail.html").render(
        t=t, strip=False, id="qq-rail", link=link, mark_text=lambda date: _mark_text(date, language),
        groups=[(heading, _by_date(found)) for heading, found in groups if found])


def draw_strip(claims: list[Claim], link, page: str, language: str) -> str:
    days = [(day, found) for day, found in _by_date(_events(claims)) if day in DAYS]
    return TEMPLATES.get_template("visuals/rail.html").render(
        t=words(language), strip=True, id="qq-rail-strip", link=link, days=days,
        event_label=lambda event: term("events", event.detail["label"], language),
        day_label=lambda day: formats.day_of_month(day, language),
        timeline=link.page(TIMELINE))


def _mark_text(date: str, language: str) -> str:
    """A mark's date, short: '1989', 'Aug 2020', '2 Jan'; the January group's undated events, 'day not given'."""
    return words(language)["rail_day_not_given"] if date == MONTH else formats.date(date, language, short=True)
