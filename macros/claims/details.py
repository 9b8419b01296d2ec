"""Events and places: citations that also give a date and a short label, or the name of a place."""
from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Match, is_partial_date
from ..corpus.text import fold
from ..pages import Call
from ..problems import Problem, clip

DETAIL_KEYS = {"event": ("date", "label"), "place": ("name",)}
MAX_LABEL = 60


def event_problems(call: Call, match: Match) -> Iterator[Problem]:
    date, label = call.args["date"], call.args["label"]
    if not is_partial_date(date):
        yield Problem(call.path, call.line, "event date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(date))
    if not label.strip() or len(label) > MAX_LABEL or any(char in label for char in '<>"{}'):
        yield Problem(call.path, call.line, f"event label must be plain text of at most {MAX_LABEL} characters",
                      repr(clip(label, 80)), "a few words for the timeline: the sentence around it says the rest")


def place_problems(call: Call, match: Match) -> Iterator[Problem]:
    name = call.args["name"]
    if fold(name).lower() not in fold(" ".join(match.parts)).lower():
        yield Problem(call.path, call.line, "place is not named in its passage", repr(clip(name, 60)),
                      "cite a passage that names the place")
