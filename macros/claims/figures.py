"""Figures: a number as a passage writes it, with its kind, the source's qualifier and a date.

A figure says only what its passage says: its value is a complete number of the passage and not the
day or year of a date, its qualifier the words right before it, its unit the words right after it (or a
currency symbol right before it), its subject words of the passage, and its kind's words are there.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..corpus import Match, is_partial_date
from ..corpus.text import cuts, fold
from ..pages import Call
from ..problems import Problem, clip
from ..yamlfile import LOADER
from .wording import Number, folded_parts, has_words, numbers

HERE = Path(__file__).parent
FIGURE_KINDS: dict[str, dict] = yaml.load((HERE / "figure_kinds.yml").read_text("utf-8"), LOADER)
QUALIFIERS: dict[str, list[str]] = yaml.load((HERE / "qualifiers.yml").read_text("utf-8"), LOADER)
COUNTRIES: dict[str, list[str]] = yaml.load((HERE / "countries.yml").read_text("utf-8"), LOADER)
MAX_DIGITS = 15
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})++|\d++(?:\.\d++)?")


def figure_problems(call: Call, match: Match) -> Iterator[Problem]:
    args = call.args
    value, kind, date = args["value"], args["kind"], args["date"]
    parts = folded_parts(match.parts)
    if kind not in FIGURE_KINDS:
        yield Problem(call.path, call.line, f"unknown figure kind '{kind}'", "",
                      "known kinds: " + ", ".join(FIGURE_KINDS) + " (macros/claims/figure_kinds.yml)")
    else:  # in the part that writes the value: an elided part from elsewhere in the paragraph does not count
        yield from _kind_problems(call, kind, [part for part in parts if value in _written(part)] or parts)
    if len(re.sub(r"\D", "", value)) > MAX_DIGITS:
        yield Problem(call.path, call.line, f"figure value has more than {MAX_DIGITS} digits", repr(value[:40]),
                      "a figure is a count or a measure a reader can compare")
    elif not NUMBER.fullmatch(value):
        yield Problem(call.path, call.line, "figure value must be a number as the source writes it", repr(value),
                      "e.g. \"238\", \"2,000\", \"5000\"")
    else:
        yield from _value_problems(call, value, parts)
    if _has_digits(args.get("unit", "")):
        yield Problem(call.path, call.line, "figure unit holds digits", repr(args["unit"]),
                      "write the whole number as the figure's value, and as unit only the words that name what "
                      "it counts")
    yield from _subject_problems(call, args.get("subject", ""), parts)
    if not is_partial_date(date):
        yield Problem(call.path, call.line, "figure date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(date))


def _written(part: str) -> list[str]:
    return [number.text for number in numbers([part])]


def _kind_problems(call: Call, kind: str, parts: list[str]) -> Iterator[Problem]:
    for key in ("words", "also"):
        wanted = FIGURE_KINDS[kind].get(key, [])
        if wanted and not any(has_words(parts, words) for words in wanted):
            yield Problem(call.path, call.line, f"figure passage does not say what kind '{kind}' counts",
                          f'"{clip(" … ".join(parts), 90)}"', "the part of its passage that gives the number must "
                          f"hold one of: {', '.join(wanted)} (macros/claims/figure_kinds.yml): quote the words that "
                          "say it, or choose another kind")


def _value_problems(call: Call, value: str, parts: list[str]) -> Iterator[Problem]:
    written = numbers(parts)
    found = [number for number in written if number.text == value]
    counted = [number for number in found if not number.is_date]
    if not found:
        listed = ", ".join(number.text for number in written) or "none"
        yield Problem(call.path, call.line, "figure value is not in its passage", repr(value),
                      f"numbers in the passage: {listed}")
    elif not counted:
        yield Problem(call.path, call.line, "figure value is a day or year of a date in its passage", repr(value),
                      f'"{_around(found[0])}": a figure counts or measures something; a day beside its month '
                      "(\"6 January\") and a year after a month or after 'in', 'since', 'until', 'till', 'during', "
                      "'before', 'after' or 'year' date it")
    else:
        yield from _qualifier_and_unit_problems(call, counted)


def _around(number: Number) -> str:
    """A few words of the passage around a number."""
    return " ".join(number.part[: number.end].split()[-4:]) + re.match(r"\S*(?:\s+\S+)?", number.after).group()


def _qualifier_and_unit_problems(call: Call, counted: list[Number]) -> Iterator[Problem]:
    qualifier, unit = call.args.get("qualifier", ""), call.args.get("unit", "")
    wanted = " ".join(fold(qualifier).casefold().split())
    fitting = [number for number in counted if _qualifies(_without_symbol(number.before), wanted)]
    if not fitting:
        before = " ".join(counted[0].before.split()[-4:])
        rule = "figure qualifier is not the words right before its value" if qualifier else \
            "figure qualifier is missing"
        yield Problem(call.path, call.line, rule, repr(qualifier), f'before {counted[0].text} the passage reads '
                      f'"{before}": the qualifier is the source\'s words right before the number (a currency '
                      "symbol may stand between), or none where it has none")
    elif qualifier and bound(qualifier) is None:
        yield Problem(call.path, call.line, "figure qualifier does not say what kind of number it is", repr(qualifier),
                      "it must hold a wording of macros/claims/qualifiers.yml (a lower or upper bound, or an "
                      "approximate number): add the wording there")
    if unit and not _has_digits(unit) and fitting and not any(_unit_fits(number, unit) for number in fitting):
        yield Problem(call.path, call.line, "figure unit is not the passage's own words by its value", repr(unit),
                      f'the passage reads "{clip(fitting[0].part[fitting[0].start:], 40)}": the unit is the words '
                      "right after the number or a currency symbol right before it, as the source writes them")


def _has_digits(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _qualifies(before: str, qualifier: str) -> bool:
    """Whether `before`, the words before a value, ends with the qualifier; with none, with no wording of one."""
    if qualifier:
        return _ends_with_words(before, qualifier)
    return not any(_ends_with_words(before, wording) for wordings in QUALIFIERS.values() for wording in wordings)


def _ends_with_words(text: str, words: str) -> bool:
    return text.endswith(words) and not cuts(text, len(text) - len(words))


def _without_symbol(before: str) -> str:
    """The words before a value, less a currency symbol right before it ('around €' is 'around')."""
    end = len(before)
    while end and (before[end - 1].isspace() or is_currency(before[end - 1])):
        end -= 1
    return before[:end]


def _unit_fits(number: Number, unit: str) -> bool:
    wanted = " ".join(fold(unit).casefold().split())
    if not wanted:
        return False
    if is_currency(unit):
        return number.part[: number.start].rstrip().endswith(unit)
    after = " ".join(number.after.casefold().split())
    return after.startswith(wanted) and not cuts(after, len(wanted))


def _subject_problems(call: Call, subject: str, parts: list[str]) -> Iterator[Problem]:
    if not subject or has_words(parts, subject):
        return
    country = next((name for name in COUNTRIES if name.casefold() == subject.strip().casefold()), None)
    if country == subject and any(has_words(parts, form) for form in COUNTRIES[country]):
        return  # the country's own name, as the map and the charts need it
    forms = f" or, written '{country}', a country the passage names by one of its forms in macros/claims/" \
        f"countries.yml ({', '.join(COUNTRIES[country])})" if country else ""
    yield Problem(call.path, call.line, "figure subject is not in its passage", repr(subject),
                  f"the subject is words of the passage{forms}: quote the words that name it, with an elided part "
                  "(…) from the same paragraph if they stand apart")


def is_currency(text: str) -> bool:
    """Whether `text` is only currency symbols (€, £, $): the site shows it before the number."""
    return bool(text) and all(unicodedata.category(char) == "Sc" for char in text)


def bound(qualifier: str) -> str | None:
    """'exact', 'lower', 'upper' or 'approximate', from the qualifier's wording; None if it holds none."""
    if not qualifier:
        return "exact"
    words = f" {' '.join(fold(qualifier).lower().split())} "
    return next((name for name, wordings in QUALIFIERS.items() if any(f" {w} " in words for w in wordings)), None)


def figure_record(args: dict) -> dict:
    value = args["value"]
    number = float(value.replace(",", ""))
    return {"kind": args["kind"], "value": value, "number": int(number) if number.is_integer() else number,
            "qualifier": args.get("qualifier", ""), "date": args["date"], "subject": args.get("subject", ""),
            "unit": args.get("unit", "")}
