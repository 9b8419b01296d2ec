"""The charts of /figures/: every source's value of one kind on one scale, each mark linked to its citation.

A kind's values are drawn as dots on one axis, or (`chart: bars` in figure_kinds.yml) as bars
grouped by subject. A lower bound ("more than", "at least") is drawn as a dot or bar with an
arrow towards more, an upper bound with one towards less, an approximate value as a ring or
an open bar. Each row says whose value it is, the date it refers to and when its text was
written: values written at different times are snapshots side by side, not a contradiction.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ...claims import Claim, bound
from ..formats import number
from ..interface import words
from ..labels import figure_dates, figure_text
from ..templates_env import TEMPLATES
from ..terms import term

WIDTH = 360  # of each row's drawing: about one unit per CSS pixel on a phone
LEFT, RIGHT = 8, 352
ARROW = 48  # a bound's arrow: short, so that it reads "more than", not "up to the end of the scale"


@dataclass
class Row:
    claims: list[Claim]  # the same figure, cited in one or more places
    group: str  # the subject, for bars
    x: float  # where the value falls on the scale, in view-box units

    @property
    def figure(self) -> dict:
        return self.claims[0].figure

    @property
    def bound(self) -> str:
        return bound(self.figure["qualifier"]) or "exact"


def draw_chart(chart: str, figures: list[list[Claim]], link, label: str, title, language: str) -> str:
    """The chart ('dots' or 'bars') of one kind's figures, each a list of the claims of one figure. Its rows
    are its text: each gives its value, date and source, and every page that cites it (`title(claim)`)."""
    top = max(claims[0].figure["number"] for claims in figures)
    scale_end = nice_ceiling(top * 1.15)
    rows = [Row(claims, claims[0].figure["subject"], LEFT + (RIGHT - LEFT) * claims[0].figure["number"] / scale_end)
            for claims in in_chart_order(chart, figures)]
    ticks = [(LEFT + (RIGHT - LEFT) * value / scale_end, _tick_text(value, language)) for value in
             (0, scale_end / 2, scale_end)]
    return TEMPLATES.get_template("visuals/chart.html").render(
        t=words(language), chart=chart, rows=rows, ticks=ticks, left=LEFT, right=RIGHT, width=WIDTH, arrow=ARROW,
        label=label, link=link, title=title, figure_text=lambda figure: figure_text(figure, language),
        subject=lambda name: term("subjects", name, language),
        dates=lambda claim: figure_dates(claim.figure["date"], claim.source, language),
        key=_key(rows, chart),
        groups_start=_groups_start(rows) if chart == "bars" else set())


def in_chart_order(chart: str, figures: list[list[Claim]]) -> list[list[Claim]]:
    """Bars by subject, the largest first, then by when their sources wrote; dots by when they wrote."""
    largest: dict[str, float] = {}
    for claims in figures:
        subject = claims[0].figure["subject"]
        largest[subject] = max(largest.get(subject, 0), claims[0].figure["number"])

    def order(claims: list[Claim]) -> tuple:
        subject = claims[0].figure["subject"]
        return (-largest[subject], subject, *written(claims[0])) if chart == "bars" else written(claims[0])

    return sorted(figures, key=order)


def written(claim: Claim) -> tuple:
    """A figure's place in time: when its source wrote, then the date the value refers to."""
    return claim.source.value("date") or "", claim.figure["date"], claim.source.id


def _key(rows: list[Row], chart: str) -> list[str]:
    """The marks of the chart that need a word of explanation, in a fixed order."""
    bounds = {row.bound for row in rows}
    marks = [("lower", "lower"), ("upper", "upper"), ("approximate", f"approximate_{chart}")]
    # bars side by side look like parts of a whole: say that no cited figure adds them up
    parts = chart == "bars" and len({row.group for row in rows}) > 1 and all(row.group for row in rows)
    return [key for bound, key in marks if bound in bounds] + (["parts"] if parts else [])


def _groups_start(rows: list[Row]) -> set[int]:
    starts, previous = set(), None
    for index, row in enumerate(rows):
        if row.group != previous:
            starts.add(index)
        previous = row.group
    return starts


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at least `value`."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * power >= value)


def _tick_text(value: float, language: str) -> str:
    return number(round(value) if value >= 10 else value, language)
