"""What states a number in text: a digit of any script, a number word (macros/pages/number_words.yml), a word
made of them ("tenfold", "zehntausend"), a Roman numeral ("CCXXV"), or a symbol named for one ("🔟").

Text that needs no citation may state none (pages/exempt_text.py, pages/coverage.py), except a year
that a passage of the same page states, naming the events by their date in a heading or a title ("The
crackdown on the January 2022 protests"), and only where it reads as a date (reads_as_date). Pure Python.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from .corpus.characters import read_as

LISTS = yaml.safe_load((Path(__file__).parent / "pages" / "number_words.yml").read_text("utf-8"))
ENDINGS = frozenset(LISTS.pop("endings"))  # what makes a number word into a multiple: "fold", "fach"
BEFORE_OF = frozenset(LISTS.pop("before_of"))  # a count only before "of": "a gross of", "a quarter of"
WORDS = frozenset(word for words in LISTS.values() for word in words)
LONGEST = max(map(len, WORDS))
TOKEN = re.compile(r"\w++(?:[.,]\w++)*+|[^\w\s]")  # "10,412", "2.7", "Ten", "30"; and each sign or symbol
# Symbols that picture a count, by their Unicode names: "🔟" KEYCAP TEN, "💯", "⚀" DIE FACE-1, tally marks, dominoes.
PICTURED = re.compile(r"\b(?:KEYCAP|DIGIT|DIE FACE|HUNDRED POINTS|TALLY MARK|COUNTING ROD|DOMINO TILE|PLAYING CARD "
                      r"(?:ACE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN))\b")
YEAR = re.compile(r"[12]\d{3}")
# Letters standing for digits, as a reader's eye takes them: O and o for 0, l and I for 1. Narrow on purpose,
# so that no English word is taken: groups joined by "," or "." ("lO,OOO"), or a run holding "OO" ("lOOO").
LETTERS_AS_DIGITS = re.compile(r"[0-9OolI]++(?:[.,][0-9OolI]++)*+")
# A Roman numeral: two or more capitals, all of them numeral letters ("VI", "CCXXV", "MMCCCLXXX"; "I" is a word),
# or three or more letters of any case that form one by the rules ("xiv", "Ccxxv", "Mmxxii"; not "civil", "mill",
# "dim", "Xi" Jinping), but "mix".
ROMAN = re.compile(r"[IVXLCDM]{2,}+")
SMALL_ROMAN = re.compile(r"(?=[mdclxvi]{3})m{0,4}(?:cm|cd|d?c{0,4})(?:xc|xl|l?x{0,4})(?:ix|iv|v?i{0,4})")
ROMAN_WORDS = {"mix"}
# A year reads as a date right after a month ("January 2022"), or after a word of time when nothing but
# punctuation, the end or "to" follows ("Before 2022", "in 1989 to"). "2022 protesters", "of 2022 protesters"
# and "in 2022 protesters" read as counts.
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
AFTER_MONTH = re.compile(rf"(?<!\w)(?:{MONTHS})\s++\Z")  # "March 2022"; not "protesters march 2022 strong"
AFTER_TIME_WORD = re.compile(r"(?<!\w)(?i:in|since|until|till|before|after|during)\s++\Z")
ENDS_DATE = re.compile(r"\s*+(?:[^\w\s]|\Z)|\s++to(?!\w)")


def is_number(token: str) -> bool:
    """Whether the word states a number: a digit, a number word without case ("Десять" too), a word made of
    one and a number word or an ending ("tenfold", "zehntausend"), a Roman numeral in capitals, or any of them
    written in look-alike letters ("ΝΙΝΕ" in Greek capitals, fullwidth "ｔｅｎ", "lO,OOO")."""
    if any(char.isnumeric() for char in token):
        return True
    if len(token) == 1 and not token.isalpha():
        return _is_number_symbol(token)
    seen = read_as(token)
    return any(_is_word_number(word) for word in dict.fromkeys((token, seen))) or \
        (bool(LETTERS_AS_DIGITS.fullmatch(seen)) and ("OO" in seen or "," in seen or "." in seen))


@lru_cache(maxsize=4096)  # a page of signs asks about the same few many times
def _is_number_symbol(char: str) -> bool:
    return bool(PICTURED.search(unicodedata.name(char, "")))


def _is_word_number(word: str) -> bool:
    folded = word.casefold()
    if folded in WORDS or ROMAN.fullmatch(word) or SMALL_ROMAN.fullmatch(folded) and folded not in ROMAN_WORDS:
        return True
    cuts = range(2, min(LONGEST, len(folded) - 1) + 1)  # a number word, then a number word or an ending
    return any(folded[:cut] in WORDS and _ends_number(folded[cut:]) for cut in cuts)


def _ends_number(rest: str) -> bool:
    """What may follow a number word inside one word: a number word or an ending ("fünfundzwanzig" too)."""
    return rest in WORDS or rest in ENDINGS or (rest.startswith("und") and rest[3:] in WORDS)


def numbers_in(text: str) -> Iterator[str]:
    """Each word of the text that states a number, in order."""
    return (found.group() for found in _numbers(text))


def _numbers(text: str) -> Iterator[re.Match]:
    """Each word of the text that states a number, with where it stands: a number (is_number), or a word that
    states a count only before "of" ("a gross of rifles")."""
    tokens = list(TOKEN.finditer(text))
    for index, found in enumerate(tokens):
        following = tokens[index + 1].group().casefold() if index + 1 < len(tokens) else ""
        if is_number(found.group()) or found.group().casefold() in BEFORE_OF and following == "of":
            yield found


def years_in(texts: Iterable[str]) -> set[str]:
    """The years the texts state: four digits, as a whole word."""
    return {token for text in texts for token in TOKEN.findall(text) if YEAR.fullmatch(token)}


def first_unsupported(text: str, years: set[str]) -> re.Match | None:
    """The first number of the text, other than a year of `years` that reads as a date; None if there is none."""
    return next((found for found in _numbers(text)
                 if not (found.group() in years and reads_as_date(text, found))), None)


def unsupported(text: str, years: set[str]) -> str | None:
    """The first number of the text, other than a year of `years` that reads as a date; None if there is none."""
    found = first_unsupported(text, years)
    return found.group() if found else None


def reads_as_date(text: str, year: re.Match) -> bool:
    """Whether the year reads as a date where it stands (the module's docstring says where)."""
    start = max(0, year.start() - 24)
    return bool(AFTER_MONTH.search(text, start, year.start()) or (
        AFTER_TIME_WORD.search(text, start, year.start()) and ENDS_DATE.match(text, year.end())))
