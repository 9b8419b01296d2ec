"""One unit per kind of figure: /figures/ draws a kind's figures on one scale, so "€ a month" and
"£ a year" never share one."""
from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from .wording import lowered


def unit_problems(claims: list) -> Iterator[Problem]:
    """Figures of one kind share one unit, as /figures/ draws them on one scale: the first figure of a kind
    (in page order) sets it."""
    first: dict[str, object] = {}
    for claim in claims:
        if not claim.figure:
            continue
        kind, unit = claim.figure["kind"], lowered(claim.figure["unit"])
        setter = first.setdefault(kind, claim)
        if lowered(setter.figure["unit"]) != unit:
            other = f"{setter.call.path}:{setter.call.line}"
            yield Problem(claim.call.path, claim.call.line, f"figures of kind '{kind}' do not share one unit",
                          repr(claim.figure["unit"]), f"{other} gives it the unit {setter.figure['unit']!r}; /figures/ "
                          "draws a kind's figures on one scale: give the same unit, or cite a figure in that unit")
