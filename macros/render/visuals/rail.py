"""The timeline's date rail: 2 to 7 January 2022 day by day, what came before and after, each event
linked to its citation; and the home page's strip of the same six days."""
from __future__ import annotations

import calendar
import datetime

from ...claims import Claim
from ..interface import words
from ..labels import human_date
from ..templates_env import TEMPLATES

FIRST, LAST = datetime.date(2022, 1, 2), datetime.date(2022, 1, 7)
TIMELINE = "timeline.md"  # the page the strip leads to
DAYS = [(FIRST + datetime.timedelta(days=n)).isoformat() for n in range((LAST - FIRST).days + 1)]


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


def _days(events: list[Claim]) -> list[tuple[str, list[Claim]]]:
    return [(day, [event for event in events if event.detail["date"] == day]) for day in DAYS]


def draw_rail(claims: list[Claim], link, page: str) -> str:
    events = _events(claims)
    month = DAYS[0][:7]
    # an event dated only "2022" may have come after the six days: it goes with the later ones
    return _render(days=_days(events), strip=False,
                   before=[event for event in events if _end(event.detail["date"]) < DAYS[0]],
                   month=[event for event in events if event.detail["date"] == month],
                   after=[event for event in events if _end(event.detail["date"]) > DAYS[-1]
                          and event.detail["date"] != month], link=link, timeline="")


def draw_strip(claims: list[Claim], link, page: str) -> str:
    events = _events(claims)
    return _render(days=[(day, found) for day, found in _days(events) if found], strip=True,
                   before=[], month=[], after=[], link=link, timeline=link.page(TIMELINE))


def _render(**parts) -> str:
    return TEMPLATES.get_template("visuals/rail.html").render(
        t=words(), human_date=human_date, day_label=_day_label,
        id="qq-rail-strip" if parts["strip"] else "qq-rail", **parts)


def _day_label(day: str) -> str:
    """'5 January', from 2022-01-05."""
    return human_date(day).rsplit(" ", 1)[0]
