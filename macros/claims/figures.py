"""Figures: a number as a passage writes it, with its kind, the source's qualifier and a date."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..corpus import Match, is_partial_date
from ..corpus.text import fold
from ..pages import Call
from ..problems import Problem
from ..yamlfile import LOADER

FIGURE_KINDS: dict[str, dict] = yaml.load((Path(__file__).parent / "figure_kinds.yml").read_text("utf-8"), LOADER)
QUALIFIERS: dict[str, list[str]] = yaml.load((Path(__file__).parent / "qualifiers.yml").read_text("utf-8"), LOADER)
MAX_DIGITS = 15
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})++|\d++(?:\.\d++)?")
NUMBERS = re.compile(r"\d[\d,.]*+")


def figure_problems(call: Call, match: Match) -> Iterator[Problem]:
    args = call.args
    value, kind, date, qualifier = args["value"], args["kind"], args["date"], args.get("qualifier", "")
    text = fold(" ".join(match.parts))
    if kind not in FIGURE_KINDS:
        yield Problem(call.path, call.line, f"unknown figure kind '{kind}'", "",
                      "known kinds: " + ", ".join(FIGURE_KINDS) + " (macros/claims/figure_kinds.yml)")
    if len(re.sub(r"\D", "", value)) > MAX_DIGITS:
        yield Problem(call.path, call.line, f"figure value has more than {MAX_DIGITS} digits", repr(value[:40]),
                      "a figure is a count or a measure a reader can compare")
    elif not NUMBER.fullmatch(value):
        yield Problem(call.path, call.line, "figure value must be a number as the source writes it", repr(value),
                      "e.g. \"238\", \"2,000\", \"5000\"")
    elif value not in _numbers(text):
        numbers = ", ".join(_numbers(text)) or "none"
        yield Problem(call.path, call.line, "figure value is not in its passage", repr(value),
                      f"numbers in the passage: {numbers}")
    if qualifier and fold(qualifier).lower() not in text.lower():
        yield Problem(call.path, call.line, "figure qualifier is not in its passage", repr(qualifier),
                      "use the source's own wording, e.g. \"at least\", \"more than\", \"about\"")
    elif qualifier and bound(qualifier) is None:
        yield Problem(call.path, call.line, "figure qualifier does not say what kind of number it is", repr(qualifier),
                      "it must hold a wording of macros/claims/qualifiers.yml (a lower or upper bound, or an "
                      "approximate number): add the wording there")
    if not is_partial_date(date):
        yield Problem(call.path, call.line, "figure date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(date))


def bound(qualifier: str) -> str | None:
    """'exact', 'lower', 'upper' or 'approximate', from the qualifier's wording; None if it holds none."""
    if not qualifier:
        return "exact"
    words = f" {' '.join(fold(qualifier).lower().split())} "
    return next((name for name, wordings in QUALIFIERS.items() if any(f" {w} " in words for w in wordings)), None)


def _numbers(text: str) -> list[str]:
    """The numbers a text writes, as written: '2,000', '3000', '1.5' (a sentence's full stop dropped)."""
    return [number.rstrip(".,") for number in NUMBERS.findall(text)]


def figure_record(args: dict) -> dict:
    value = args["value"]
    number = float(value.replace(",", ""))
    return {"kind": args["kind"], "value": value, "number": int(number) if number.is_integer() else number,
            "qualifier": args.get("qualifier", ""), "date": args["date"], "subject": args.get("subject", ""),
            "unit": args.get("unit", "")}
