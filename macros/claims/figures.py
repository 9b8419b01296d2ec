"""Figures: a number as a passage writes it, with its kind, the source's qualifier and a date.

A figure says only what its passage says: its value is a complete number of the passage and not the
day or year of a date, its qualifier the words right before it, its unit the words right after it (or a
currency symbol right before it), its subject the passage's words by it (subjects.py), and its kind's words
are there.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..corpus import Match, Source, is_partial_date
from ..pages import Call
from ..problems import Problem, clip
from ..yamlfile import LOADER
from .dates import date_problems
from .placing import NEAR_WORDS, Sentence, dropped_qualifier, near, reads_as_year, whole_sentence
from .subjects import kind_country_problems, subject_place_problems, subject_problems
from .wording import (Number, ends_with_words, folded_parts, is_currency, lowered, numbers, starts_with_words,
                      without_currency)

HERE = Path(__file__).parent
FIGURE_KINDS: dict[str, dict] = yaml.load((HERE / "figure_kinds.yml").read_text("utf-8"), LOADER)
QUALIFIERS: dict[str, list[str]] = yaml.load((HERE / "qualifiers.yml").read_text("utf-8"), LOADER)
MAX_DIGITS = 15
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})++|\d++(?:\.\d++)?")
THOUSANDS_POINT = re.compile(r"\d{1,3}\.\d{3}")  # "2.500": 2,500 written the European way, or 2.5?
WORDINGS = [wording for wordings in QUALIFIERS.values() for wording in wordings]


def figure_problems(call: Call, match: Match, source: Source) -> list[Problem]:
    """What the figure's words say against its passage; then, where they all hold, whose number it is."""
    found = list(_word_problems(call, match, source))
    parts = folded_parts(match.parts)
    written = _written(call.args["value"], parts)
    if found or not written:
        return found
    kind = call.args["kind"]
    sentences = [whole_sentence(match, parts, number) for number in written]
    return list(kind_country_problems(call, kind, FIGURE_KINDS[kind], parts, sentences))


def _written(value: str, parts: list[str]) -> list[Number]:
    """Where the passage writes the value as a count (where it is none, its own problem says so)."""
    return [number for number in numbers(parts) if number.text == value and not number.joined
            and not number.is_date]


def _word_problems(call: Call, match: Match, source: Source) -> Iterator[Problem]:
    args = call.args
    value, kind, date = args["value"], args["kind"], args["date"]
    parts = folded_parts(match.parts)
    written = _written(value, parts)
    if kind not in FIGURE_KINDS:
        yield Problem(call.path, call.line, f"unknown figure kind '{kind}'", "",
                      "known kinds: " + ", ".join(FIGURE_KINDS) + " (macros/claims/figure_kinds.yml)")
    elif written:  # by the value: an elided part, or another sentence, does not say what it counts
        yield from _kind_problems(call, kind, written, [whole_sentence(match, parts, one) for one in written])
    if len(re.sub(r"\D", "", value)) > MAX_DIGITS:
        yield Problem(call.path, call.line, f"figure value has more than {MAX_DIGITS} digits", repr(value[:40]),
                      "a figure is a count or a measure a reader can compare")
    elif THOUSANDS_POINT.fullmatch(value):
        yield Problem(call.path, call.line, "figure value is ambiguous", repr(value),
                      f"a point before three digits may group thousands ({value.replace('.', ',')}) or mark "
                      f"decimals ({float(value):g}): cite a number the source writes unambiguously")
    elif not NUMBER.fullmatch(value):
        yield Problem(call.path, call.line, "figure value must be a number as the source writes it", repr(value),
                      "e.g. \"238\", \"2,000\", \"5000\"")
    else:
        yield from _value_problems(call, match, value, parts)
    if _has_digits(args.get("unit", "")):
        yield Problem(call.path, call.line, "figure unit holds digits", repr(args["unit"]),
                      "write the whole number as the figure's value, and as unit only the words that name what "
                      "it counts")
    yield from subject_problems(call, args.get("subject", ""), parts)
    if not is_partial_date(date):
        yield Problem(call.path, call.line, "figure date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(date))
    else:
        yield from date_problems(call, "figure", date, parts, source.value("date"), source.id)


def _kind_words(kind: str) -> list[str]:
    return FIGURE_KINDS.get(kind, {}).get("words", []) + FIGURE_KINDS.get(kind, {}).get("also", [])


def _kind_problems(call: Call, kind: str, written: list[Number],
                   sentences: list[Sentence]) -> Iterator[Problem]:
    for key in ("words", "also"):
        wanted = FIGURE_KINDS[kind].get(key, [])
        if wanted and not any(near(sentence, words) for sentence in sentences for words in wanted):
            yield Problem(call.path, call.line, f"figure passage does not say what kind '{kind}' counts",
                          f'"{clip(written[0].part, 90)}"', f"the sentence that gives the number must hold one of: "
                          f"{', '.join(wanted)} (macros/claims/figure_kinds.yml), within {NEAR_WORDS} words of it and "
                          "nearer it than any other number of that sentence in the source: quote the words that say "
                          "it, or choose another kind")


def _value_problems(call: Call, match: Match, value: str, parts: list[str]) -> Iterator[Problem]:
    written = numbers(parts)
    found = [number for number in written if number.text == value]
    whole = [number for number in found if not number.joined]
    counted = [number for number in whole if not number.is_date]
    followers = [call.args.get("unit", "")] + _kind_words(call.args["kind"])
    counts = [number for number in counted if not reads_as_year(number, followers)]
    if not found:
        listed = ", ".join(number.text for number in written) or "none"
        yield Problem(call.path, call.line, "figure value is not in its passage", repr(value),
                      f"numbers in the passage: {listed}")
    elif not whole:
        yield Problem(call.path, call.line, "figure value is joined to a word in its passage", repr(value),
                      f'"{_around(found[0])}": a number joined by a hyphen or an apostrophe is part of a word '
                      "(\"30-year\"), not a count: cite a number that stands alone")
    elif not counted:
        yield Problem(call.path, call.line, "figure value is a day or year of a date in its passage", repr(value),
                      f'"{_around(whole[0])}": a figure counts or measures something; a day beside its month '
                      "(\"6 January\") and a year after a month or after 'in', 'since', 'until', 'till', 'during', "
                      "'before', 'after' or 'year' date it")
    elif not counts:
        yield Problem(call.path, call.line, "figure value reads as a year", repr(value),
                      f'"{_around(counted[0])}": a number from 1800 to 2099 written without a separator is a year, '
                      "unless the figure's unit or one of its kind's words comes right after it (\"2000 troops\")")
    else:
        yield from _qualifier_and_unit_problems(call, match, parts, counts)


def _around(number: Number) -> str:
    """A few words of the passage around a number."""
    return " ".join(number.part[: number.end].split()[-4:]) + re.match(r"\S*(?:\s+\S+)?", number.after).group()


def _qualifier_and_unit_problems(call: Call, match: Match, parts: list[str],
                                 counted: list[Number]) -> Iterator[Problem]:
    qualifier, unit = call.args.get("qualifier", ""), call.args.get("unit", "")
    wanted = lowered(qualifier)
    fitting = [number for number in counted if _qualifies(without_currency(number.before), wanted)]
    if not fitting:
        before = " ".join(counted[0].before.split()[-4:])
        rule = "figure qualifier is not the words right before its value" if qualifier else \
            "figure qualifier is missing"
        yield Problem(call.path, call.line, rule, repr(qualifier), f'before {counted[0].text} the passage reads '
                      f'"{before}": the qualifier is the source\'s words right before the number (a currency '
                      "symbol may stand between), or none where it has none")
    elif qualifier and bound(qualifier) is None:
        yield Problem(call.path, call.line, "figure qualifier does not say what kind of number it is", repr(qualifier),
                      "a qualifier is one wording of macros/claims/qualifiers.yml (a lower or upper bound, or an "
                      "approximate number), the one the passage writes right before the number: give that wording "
                      "alone, or add the source's wording there")
    else:
        yield from _dropped_problems(call, match, parts, fitting, qualifier)
    yield from subject_place_problems(call, match, parts, fitting, _kind_words(call.args["kind"]))
    if unit and not _has_digits(unit) and fitting and not any(_unit_fits(number, unit) for number in fitting):
        yield Problem(call.path, call.line, "figure unit is not the passage's own words by its value", repr(unit),
                      f'the passage reads "{clip(fitting[0].part[fitting[0].start:], 40)}": the unit is the words '
                      "right after the number or a currency symbol right before it, as the source writes them")


def _dropped_problems(call: Call, match: Match, parts: list[str], fitting: list[Number],
                      qualifier: str) -> Iterator[Problem]:
    dropped = [(number, wording) for number in fitting
               if (wording := dropped_qualifier(match, parts, number, WORDINGS, qualifier))]
    if dropped:
        number, wording = dropped[0]
        yield Problem(call.path, call.line, "figure passage drops the source's qualifier", repr(number.text),
                      f"the source writes '{wording}' right before {number.text}: begin the passage there and give "
                      f"qualifier=\"{wording}\"")


def _has_digits(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _qualifies(before: str, qualifier: str) -> bool:
    """Whether `before`, the words before a value, ends with the qualifier; with none, with no wording of one."""
    if qualifier:
        return ends_with_words(before, qualifier)
    return not any(ends_with_words(before, wording) for wordings in QUALIFIERS.values() for wording in wordings)


def _unit_fits(number: Number, unit: str) -> bool:
    wanted = lowered(unit)
    if not wanted:
        return False
    if is_currency(unit):
        return number.part[: number.start].rstrip().endswith(unit)
    return starts_with_words(lowered(number.after), wanted)




def bound(qualifier: str) -> str | None:
    """'exact', 'lower', 'upper' or 'approximate': the class of the wording the qualifier is; None if it is none
    ("over the airport has led to the death of" holds "over", but says nothing of the number after it)."""
    if not qualifier:
        return "exact"
    wanted = lowered(qualifier)
    return next((name for name, wordings in QUALIFIERS.items() if wanted in map(lowered, wordings)), None)


def figure_record(args: dict) -> dict:
    value = args["value"]
    number = float(value.replace(",", ""))
    return {"kind": args["kind"], "value": value, "number": int(number) if number.is_integer() else number,
            "qualifier": args.get("qualifier", ""), "date": args["date"], "subject": args.get("subject", ""),
            "unit": args.get("unit", "")}
