"""Numbers and dates in the site's own words, written one way, through Babel.

Every number and date the engine writes around the sources' words (figure chips, chart labels, rail
dates, "As of …" lines, reference dates) comes from here, with the edition's language, whose strings
file names its locale (interface.py): the English edition uses en_GB's patterns ("5,000", "6 January
2022"; Babel's plain `en` is American, "January 6, 2022"), and the Russian edition ru's ("5 000",
"6 января 2022 г."). A passage keeps its own digits: only the site's text is formatted. Pure Python:
nothing here imports MkDocs.
"""
from __future__ import annotations

import datetime

from babel import Locale
from babel.dates import format_date, format_skeleton, match_skeleton, tokenize_pattern, untokenize_pattern
from babel.numbers import format_decimal

from . import interface

# A date the site writes, by how much of it is known ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'): Babel's skeletons,
# which each locale orders and spells its own way. `short` is for the rail's marks, where space is tight.
SKELETONS = {1: "y", 2: "yMMMM", 3: "yMMMMd"}
SHORT_SKELETONS = {1: "y", 2: "yMMM", 3: "dMMM"}


def number(value: float, language: str) -> str:
    """'5,000' for 5000, '2.7' for 2.7 (en); '5 000' and '2,7' in Russian."""
    return format_decimal(value, locale=interface.locale_of(language))


def with_currency(value: str, symbol: str, language: str) -> str:
    """A written value with its currency symbol where the locale's currency pattern puts it (CLDR):
    '€500' in en_GB, «500 €» (a no-break space) in ru."""
    pattern = Locale.parse(interface.locale_of(language)).currency_formats["standard"]
    return pattern.prefix[0].replace("¤", symbol) + value + pattern.suffix[0].replace("¤", symbol)


def date(value: str, language: str, short: bool = False) -> str:
    """'6 January 2022', 'January 2022' or '2022' for '2022-01-06', '2022-01' or '2022';
    short: '6 Jan', 'Jan 2022', '2022' (a day's year is given by the rail's group)."""
    parts = [int(part) for part in value.split("-")]
    day = datetime.date(*(parts + [1, 1])[:3])
    locale = interface.locale_of(language)
    if len(parts) == 3 and not short:
        return format_date(day, "long", locale=locale)
    if short:
        return format_date(day, _fields_only(SHORT_SKELETONS[len(parts)], locale), locale=locale).strip()
    return format_skeleton(SKELETONS[len(parts)], day, locale=locale)


def _fields_only(skeleton: str, locale: str) -> str:
    """The locale's pattern for the skeleton without its words: ru's month «LLL y 'г'.» becomes «LLL y», so that on
    the rail a month's year reads as a year alone does («авг. 2020», «2021»), where CLDR writes a bare «2021»."""
    patterns = Locale.parse(locale).datetime_skeletons
    tokens = tokenize_pattern(patterns[match_skeleton(skeleton, patterns)].pattern)
    return untokenize_pattern([token for token in tokens if token[0] == "field" or
                               not any(char.isalpha() for char in token[1])])


def day_of_month(value: str, language: str) -> str:
    """'6 January' for '2022-01-06': a day whose month and year a heading already gives."""
    return format_skeleton("MMMMd", datetime.date.fromisoformat(value), locale=interface.locale_of(language))
