"""How each edition's language writes a number, for macros/numbers.py and pages/prose_numbers.py to read it.

- Digits: the group and decimal symbols of the edition's Babel locale (its interface.<language>.yml `locale:`):
  English "10,000" and "2.7", Russian «40 000» and «2,7». Where the group symbol is a kind of space, any kind of
  space groups, as Babel's parse_decimal reads it (babel.numbers.SPACE_CHARS). A number and the abbreviation of a
  power of ten after it are one («238 тыс.», `abbreviations` of the language's file).
- Words: a language's number words with their values, and the words a year reads as a date by (and those that also
  mean "up to", «до 2022», after which only a word for a year makes it one), in
  pages/number_words.<language>.yml (English's are in the code: prose_numbers.WORD_VALUES, numbers.py); the months
  come from Babel, in every form the locale writes them («января», «январь»).

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.numbers import SPACE_CHARS, get_decimal_symbol, get_group_symbol

WORDS_FILES = Path(__file__).parent / "pages"
OTHER_TOKEN = r"\w++(?:[.,]\w++)*+|[^\w\s]"  # "10,412", "2.7", "Ten", "30"; and each sign or symbol
ENGLISH_DATE_WORDS = {"time_words": ["in", "since", "until", "till", "before", "after", "during"],
                      "to_words": ["to"], "year_words": []}


def words_file(language: str) -> Path:
    return WORDS_FILES / f"number_words.{language}.yml"


@cache
def language_words(language: str) -> dict:
    """The language's number_words.<language>.yml; empty where it has none (English: the code's)."""
    path = words_file(language)
    return yaml.safe_load(path.read_text("utf-8")) if path.is_file() else {}


def every_language_word() -> set[str]:
    """The number words of every language's file: any page may be written in any of them."""
    found: set[str] = set()
    for path in sorted(WORDS_FILES.glob("number_words.*.yml")):
        lists = language_words(path.name.split(".")[1])
        found |= {word for key in ("values", "more_values", "words") for words in lists.get(key, {}).values()
                  for word in words}
    return found


@cache
def locale_of(language: str) -> str:
    """The edition's Babel locale, as its interface.<language>.yml names it; where that file is missing or wrong
    (render/interface_check.py reports it), the language itself, else English's: never a traceback here."""
    from .render import interface  # imported here: the render package imports this module's users
    for name in (lambda: interface.locale_of(language), lambda: language):
        try:
            return str(Locale.parse(name()))
        except (OSError, LookupError, TypeError, ValueError, UnknownLocaleError, yaml.YAMLError):
            continue
    return interface.locale_of("en")


@cache
def symbols(language: str) -> tuple[str, str]:
    """(a pattern of the group symbol, of the decimal symbol) of the language's locale."""
    locale = locale_of(language)
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    spaces = "".join(sorted(SPACE_CHARS))
    return (f"[{spaces}]" if group in SPACE_CHARS else re.escape(group)), re.escape(decimal)


@cache
def token_pattern(language: str) -> re.Pattern:
    """A word, a number as the language writes it, or a sign. A number grouped by a space («7 644») is one word;
    one grouped by "," or "." is one already ("10,000")."""
    group, decimal = symbols(language)
    abbreviated = ""
    if abbreviations(language):  # «238 тыс.»: the number and its abbreviation, as one
        number = rf"(?:\d{{1,3}}(?:{group}\d{{3}})++|\d++)(?:{decimal}\d++)?+"
        words = "|".join(map(re.escape, abbreviations(language)))
        abbreviated = rf"(?<!\w){number}[{''.join(sorted(SPACE_CHARS))}]*+(?:{words})(?!\w)|"
    if group in (",", r"\."):
        return re.compile(abbreviated + OTHER_TOKEN)
    return re.compile(rf"{abbreviated}(?<!\w)\d{{1,3}}(?:{group}\d{{3}})++(?:{decimal}\d++)?+(?!\w)|{OTHER_TOKEN}")


def abbreviations(language: str) -> dict[str, int]:
    """The language's abbreviations of a power of ten that make one number with the number before them («тыс.»)."""
    return language_words(language).get("abbreviations", {})


def abbreviated_worth(number: str, language: str) -> int:
    """What the abbreviation ending a number multiplies it by («238 тыс.»: 1000); 1 where none ends it."""
    return next((worth for word, worth in abbreviations(language).items()
                 if re.search(rf"(?<![^\W\d_]){re.escape(word)}\Z", number)), 1)  # «238тыс» too


@cache
def digit_patterns(language: str) -> tuple[re.Pattern, re.Pattern]:
    """A grouped number ("10,000", «40 000»), and digits with their decimals ("5000", "2.7", «2,7», the "6" of
    "6th", the "1990" of "1990s")."""
    group, decimal = symbols(language)
    return (re.compile(rf"\d{{1,3}}(?:{group}\d{{3}})++(?:{decimal}\d++)?+"),
            re.compile(rf"\d++(?:{decimal}\d++)?+"))


@cache
def word_readings(language: str) -> dict[str, frozenset]:
    """Each number word of the language's file, casefolded, and what it may be worth: a value («пятью»: 5), or
    the English word with no plain value it says («миллиарды»: "billions"); «тысячи» is worth both."""
    found: dict[str, set] = {}
    lists = language_words(language)
    for worth, words in [*lists.get("values", {}).items(), *lists.get("more_values", {}).items()]:
        for word in words:
            found.setdefault(word.casefold(), set()).add(Decimal(str(worth)))
    for english, words in lists.get("words", {}).items():
        for word in words:
            found.setdefault(word.casefold(), set()).add(english)
    return {word: frozenset(readings) for word, readings in found.items()}


@cache
def month_next(language: str) -> re.Pattern:
    """A month, in any form the language's locale writes it, after blanks: the «января» of «7 января»."""
    locale = locale_of(language)
    names = {name for context in ("format", "stand-alone") for width in ("wide", "abbreviated")
             for name in get_month_names(width, context, locale).values()}
    forms = sorted({form for name in names for form in (name, name.capitalize())}, key=len, reverse=True)
    return re.compile(rf"\s++(?:{'|'.join(map(re.escape, forms))})(?!\w)")


@cache
def date_patterns(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern | None]:
    """(a month right before the year, a word of time before it, what may end a date after a word of time, the
    year word right after the year), in the language's words."""
    lists = ENGLISH_DATE_WORDS if language == "en" else language_words(language)
    locale = locale_of(language)
    names = {name for context in ("format", "stand-alone")
             for name in get_month_names("wide", context, locale).values()}
    months = {form for name in names for form in (name, name[:1].upper() + name[1:])}  # «Январь» opens a heading

    def any_of(words) -> str:  # a list the language does not give matches nothing
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"

    year_words, up_to = lists.get("year_words", []), lists.get("up_to_words", [])
    time_words = [word for word in lists.get("time_words", []) if word not in up_to]
    to_words = any_of(lists.get("to_words", []))
    a_range = rf"(?i:{any_of(lists.get('time_words', []))})\s++[12]\d{{3}}\s++(?i:{to_words})"  # «с 1989 по»
    return (re.compile(rf"(?<!\w)(?:{any_of(months)})\s++\Z"),
            re.compile(rf"(?<!\w)(?:(?i:{any_of(time_words)})|{a_range})\s++\Z"),
            re.compile(rf"\s*+(?:[^\w\s]|\Z)|\s++(?i:{to_words})(?!\w)"),
            re.compile(rf"\s++(?i:{any_of(year_words)})(?!\w)") if year_words else None)
