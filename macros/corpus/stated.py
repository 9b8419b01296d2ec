"""`stated` means stated: the evidence of a stated catalogue field holds the value itself.

A date's evidence names the day, month and year the value gives ("7 January 2022", "January 7th, 2022",
"Jan. 7, 2022", "2022-01-07"), in one mention; any other field's evidence holds the value as whole words,
ignoring case, spacing and typographic variants. Pure Python.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import clip
from .text import fold

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTHS = {**{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
          **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, 1)}, "sept": 9}
ORDINAL = r"(?:st|nd|rd|th)?"
MENTION = re.compile(rf"""
    (?<![\w.,])(?:(?P<before>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?)?    # 7 January, 7th of January
    (?P<month>{"|".join(sorted(MONTHS, key=len, reverse=True))})(?![a-z])\.?
    (?:\s+(?P<after>\d{{1,2}}){ORDINAL}(?!\w))?                     # January 7th, Jan. 7
    (?:,?\s+(?P<year>\d{{4}})(?!\d))?                               # … 2022
""", re.VERBOSE | re.IGNORECASE)
ISO_DATE = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")
YEAR = re.compile(r"(?<![\d.,])\d{4}(?!\d|[.,]\d)")
PARTS = ("day", "month", "year")
GIVES = ("gives its year", "gives its month and year together", "gives its day, month and year together")
HINT = "quote a passage that {verb}, or use basis: inferred with a note on how it was worked out"


def stated_problems(name: str, value: str, evidence: str, line: int) -> Iterator[tuple[int, str, str, str]]:
    """(line, rule, found, hint) when a stated field's evidence does not hold its value."""
    if name == "date":
        lacking = _date_lacks(value, evidence)
        if lacking:
            yield line, "'date' is stated but its evidence does not give it", \
                f"{value!r}: {clip(evidence, 80)!r} lacks {lacking}", \
                HINT.format(verb=GIVES[value.count("-")])
    elif not holds(evidence, value):
        yield line, f"'{name}' is stated but its evidence does not contain it", \
            f"{clip(value, 60)!r} is not in {clip(evidence, 80)!r} as whole words", HINT.format(verb="contains it")


def holds(evidence: str, value: str) -> bool:
    """Whether the value stands in the evidence as whole words (never inside a word or a number)."""
    text, wanted = fold(evidence).casefold(), fold(value).casefold()
    start = text.find(wanted)
    while wanted and start >= 0:
        end = start + len(wanted)
        if _boundary(text, start) and _boundary(text, end):
            return True
        start = text.find(wanted, start + 1)
    return False


def _boundary(text: str, at: int) -> bool:
    before, after = text[at - 1: at], text[at: at + 1]
    return not (before.isalpha() and after.isalpha() or before.isdigit() and after.isdigit())


def _date_lacks(value: str, evidence: str) -> str:
    """What of the date the evidence does not name, in words ('the day 7 with its month'), or ''."""
    wanted = dict(zip(("year", "month", "day"), map(int, value.split("-"))))
    if set(wanted) == {"year"} and any(int(year) == wanted["year"] for year in YEAR.findall(evidence)):
        return ""
    best = max((_agreeing(mention, wanted) for mention in _mentions(evidence)), key=len, default=set())
    missing = [part for part in PARTS if part in wanted and part not in best]
    shown = {"day": str(wanted.get("day")), "month": MONTH_NAMES[wanted.get("month", 1) - 1],
             "year": str(wanted["year"])}
    named = [f"the {part} {shown[part]}" for part in missing]
    lacks = " and ".join(filter(None, (", ".join(named[:-1]), named[-1] if named else "")))
    beside = " ".join(shown[part] for part in PARTS if part in best)
    return f"{lacks} beside {beside}" if missing and best else lacks


def _mentions(evidence: str) -> Iterator[dict[str, int]]:
    for found in MENTION.finditer(evidence):
        if found["month"][0].isupper():  # "may" and "march" are words too
            day = found["before"] or found["after"]
            yield {"month": MONTHS[found["month"].lower()], **({"day": int(day)} if day else {}),
                   **({"year": int(found["year"])} if found["year"] else {})}
    for found in ISO_DATE.finditer(evidence):
        yield {part: int(found[part]) for part in PARTS}


def _agreeing(mention: dict[str, int], wanted: dict[str, int]) -> set[str]:
    return {part for part in wanted if mention.get(part) == wanted[part]}
