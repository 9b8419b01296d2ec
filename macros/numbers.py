"""What states a number in text: a digit of any script, a number word (macros/pages/number_words.yml), a word
made of them ("tenfold", "zehntausend"), a Roman numeral ("CCXXV"), or a symbol named for one ("🔟").

Text that needs no citation may state none (pages/exempt_text.py, pages/coverage.py), except a year
that a passage of the same page states, naming the events by their date in a heading or a title ("The
crackdown on the January 2022 protests"), and only where it reads as a date (reads_as_date). Text is read in its
page's language (written_numbers.py): «7 644» is one number on a Russian page. Pure Python.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from .corpus.characters import read_as
from .written_numbers import date_patterns, every_language_word, month_next, token_pattern

LISTS = yaml.safe_load((Path(__file__).parent / "pages" / "number_words.yml").read_text("utf-8"))
ENDINGS = frozenset(LISTS.pop("endings"))  # what makes a number word into a multiple: "fold", "fach"
BEFORE_OF = frozenset(LISTS.pop("before_of"))  # a count only before "of": "a gross of", "a quarter of"
WORDS = frozenset({word for words in LISTS.values() for word in words} | every_language_word())
LONGEST = max(map(len, WORDS))
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


def numbers_in(text: str, language: str) -> Iterator[str]:
    """Each word of the text that states a number, in order, as the language writes it («7 644» is one)."""
    return (found.group() for found in _numbers(text, language))


def number_matches(text: str, language: str) -> Iterator[re.Match]:
    """Each word of the text that states a number, with where it stands (numbers_in, and what reads_as_date needs)."""
    return _numbers(text, language)


def _numbers(text: str, language: str) -> Iterator[re.Match]:
    """Each word of the text that states a number, with where it stands: a number (is_number), or a word that
    states a count only before "of" ("a gross of rifles")."""
    tokens = list(token_pattern(language).finditer(text))
    for index, found in enumerate(tokens):
        following = tokens[index + 1].group().casefold() if index + 1 < len(tokens) else ""
        if is_number(found.group()) or found.group().casefold() in BEFORE_OF and following == "of":
            yield found


def years_in(texts: Iterable[str]) -> set[str]:
    """The years the texts state: four digits, as a whole word."""
    return {token for text in texts for token in token_pattern("en").findall(text) if YEAR.fullmatch(token)}


def first_unsupported(text: str, years: set[str], language: str) -> re.Match | None:
    """The first number of the text, other than a year of `years` that reads as a date; None if there is none."""
    return next((found for found in _numbers(text, language)
                 if not (found.group() in years and reads_as_date(text, found, language))), None)


def unsupported(text: str, years: set[str], language: str) -> str | None:
    """The first number of the text, other than a year of `years` that reads as a date; None if there is none."""
    found = first_unsupported(text, years, language)
    return found.group() if found else None


def reads_as_date(text: str, year: re.Match, language: str) -> bool:
    """Whether the year reads as a date where it stands: right after a month ("January 2022", «января 2022»), or
    after a word of time when nothing but punctuation, the end or "to" follows ("Before 2022", "in 1989 to"), or
    right before the language's word for a year («2022 года», «в 2019 году»: a count of 2022 years is no count a
    page states). "2022 protesters", "of 2022 protesters" and "in 2022 protesters" read as counts. The words are
    the language's (written_numbers.py)."""
    after_month, after_time_word, ends_date, year_word = date_patterns(language)
    start = max(0, year.start() - 24)
    return bool(after_month.search(text, start, year.start()) or (
        after_time_word.search(text, start, year.start()) and ends_date.match(text, year.end())) or (
        year_word is not None and year_word.match(text, year.end())))


def reads_as_dated(text: str, number: re.Match, language: str) -> bool:
    """Whether the year or day of a checked date (an event's, a cited source's) reads as that date where it stands:
    next to a month ("7 January", «7 января», "January 7"); a year also as a date (reads_as_date) or with no word
    after it ("About 2017 (date inferred)", "Makrogianni, 2022 (date inferred)"). Before a word it is a count:
    «Всего погибли 2023 человека»; and a day without its month is one: «погибли 7»."""
    after_month, ends_date = date_patterns(language)[0], date_patterns(language)[2]
    if month_next(language).match(text, number.end()) or after_month.search(text, max(0, number.start() - 24), number.start()):
        return True
    return bool(YEAR.fullmatch(number.group())) and (
        reads_as_date(text, number, language) or bool(ends_date.match(text, number.end())))
