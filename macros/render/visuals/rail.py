"""The date rails, drawn from the event() claims, each mark linked to its citation; only days with events.

/timeline/'s rail is the picture of its list, which is the text: one mark per date, in the list's order (the
list's writer orders spans and days as they read: "Beginning of January 2022" before "2 January", "Autumn
2022" between October and November), grouped as before January 2022, the days of 2 to 7 January 2022 and
later, each mark leading to the first event of its date in the list, whose entries say what happened. A
mark says its date as the event() gives it, with its `when` ("About 2017", "By 7 Jan"), in the edition's
words: never more precise than the entry. The home page's strip has no list beside it: it shows those days
with what happened on each, only the events dated to the day (not "by" it).
"""
from __future__ import annotations

import calendar
import datetime
import itertools

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
    """The events in the list's order (all of them are cited on /timeline/: visuals/__init__.py)."""
    return sorted((claim for claim in claims if claim.macro == "event"), key=lambda claim: (claim.page, claim.number))


def _end(date: str) -> str:
    """The last day a date of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' stands for: '2022' ends on 2022-12-31."""
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 3:
        return date
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _by_date(events: list[Claim]) -> list[tuple[tuple[str, str], list[Claim]]]:
    """((date, when), its events), in the events' order: one mark per date as the list gives it."""
    dates: dict[tuple[str, str], list[Claim]] = {}
    for event in events:
        dates.setdefault(_dated(event), []).append(event)
    return list(dates.items())


def _dated(event: Claim) -> tuple[str, str]:
    return event.detail["date"], event.detail.get("when") or ""


def group_of(date: str) -> str:
    """The rail's group of a date: an event dated only "2022" may have come after the six days, so it is later."""
    if _end(date) < DAYS[0]:
        return "rail_earlier"
    return "rail_days" if date in DAYS + [MONTH] else "rail_later"


def draw_rail(claims: list[Claim], link, page: str, language: str) -> str:
    t = words(language)
    marks = _by_date(_events(claims))
    # the list's runs: a group heading stands wherever the list passes into another group
    groups = [(t[key], list(run)) for key, run in itertools.groupby(marks, key=lambda mark: group_of(mark[0][0]))]
    return TEMPLATES.get_template("visuals/rail.html").render(
        t=t, strip=False, id="qq-rail", link=link, mark_text=lambda dated: mark_text(*dated, language),
        groups=groups)


def draw_strip(claims: list[Claim], link, page: str, language: str) -> str:
    days = sorted(((day, found) for (day, when), found in _by_date(_events(claims)) if day in DAYS and not when),
                  key=lambda item: item[0])
    return TEMPLATES.get_template("visuals/rail.html").render(
        t=words(language), strip=True, id="qq-rail-strip", link=link, days=days,
        event_label=lambda event: term("events", event.detail["label"], language),
        day_label=lambda day: formats.day_of_month(day, language),
        timeline=link.page(TIMELINE))


def mark_text(date: str, when: str, language: str) -> str:
    """A mark's date, short: '1989', 'Aug 2020', '2 Jan', 'About 2017', 'By 7 Jan' (its `when` in the edition's
    words); the January group's events dated by their month alone, 'day not given'."""
    if when:
        return words(language)["rail_when"][when].format(date=formats.date(date, language, short=True))
    return words(language)["rail_day_not_given"] if date == MONTH else formats.date(date, language, short=True)
