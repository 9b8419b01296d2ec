"""What states a number in text: a digit of any script, or a number word (macros/pages/number_words.yml).

Text that needs no citation may state none (pages/coverage.py, sitecheck/coverage.py), except a year
that a passage of the same page states, naming the events by their date in a heading or a title ("The
crackdown on the January 2022 protests"). Pure Python.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from .corpus.characters import read_as

LISTS = yaml.safe_load((Path(__file__).parent / "pages" / "number_words.yml").read_text("utf-8"))
WORDS = frozenset(word for words in LISTS.values() for word in words)
TOKEN = re.compile(r"\w++(?:[.,]\w++)*+")  # "10,412", "2.7", "Ten", "30": a hyphen or a space ends a word
YEAR = re.compile(r"[12]\d{3}")
# Letters standing for digits, as a reader's eye takes them: O and o for 0, l and I for 1. Narrow on purpose,
# so that no English word is taken: groups joined by "," or "." ("lO,OOO"), or a run holding "OO" ("lOOO").
LETTERS_AS_DIGITS = re.compile(r"[0-9OolI]++(?:[.,][0-9OolI]++)*+")


def is_number(token: str) -> bool:
    """Whether the word states a number: a digit, a number word without case ("Десять" too), or either
    written in look-alike letters ("ΝΙΝΕ" in Greek capitals, fullwidth "ｔｅｎ", "lO,OOO")."""
    if any(char.isnumeric() for char in token) or token.casefold() in WORDS:
        return True
    seen = read_as(token)
    return seen.casefold() in WORDS or (bool(LETTERS_AS_DIGITS.fullmatch(seen)) and
                                        ("OO" in seen or "," in seen or "." in seen))


def numbers_in(text: str) -> Iterator[str]:
    """Each word of the text that states a number, in order."""
    return (token for token in TOKEN.findall(text) if is_number(token))


def years_in(texts: Iterable[str]) -> set[str]:
    """The years the texts state: four digits, as a whole word."""
    return {token for text in texts for token in TOKEN.findall(text) if YEAR.fullmatch(token)}


def unsupported(text: str, years: set[str]) -> str | None:
    """The first number of the text, other than a year of `years`; None if there is none."""
    return next((number for number in numbers_in(text) if number not in years), None)
