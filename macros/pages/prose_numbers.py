"""A cited block's own numbers: every number the prose of a block states (digits, and number words as
macros/numbers.py finds them in uncited text) is a number one of the passages the block cites states.

The block is the unit the coverage rule cites (pages/textblocks.py, on the page's HTML as the static pass renders it);
the prose is its text outside the macro calls and code (a figure()'s chip and a quote()'s words are the engine's,
checked against their passage already). Numbers are compared as numbers: "5,000" is the passage's "5000", "6th"
its "6", "ten" its "10"; a word with no value of its own ("hundreds") is matched as a word. The prose is read in
its page's language (macros/written_numbers.py: «7 644», «2,7», «пятью» is 5, «миллиарды» "billions"), the
passages in English. Without this,
"About 10,000 people were killed" could end on a citation of "At least 238 people were killed." The prose is
what a reader sees of it (a link's address, an attribute or code is not prose); an event()'s or a figure()'s
date (its year and day: the engine checked it) and the year and day of a cited source's date count as stated where
the prose reads them as a date (numbers.reads_as_dated: «7 января», "Makrogianni, 2022 (date inferred)"), not as a
count («Всего погибли 2023 человека»). Nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from babel.numbers import NumberFormatError, parse_decimal

from ..numbers import number_matches, numbers_in, reads_as_dated
from ..problems import Problem, clip
from ..written_numbers import (abbreviated_worth, abbreviations, digit_patterns, language_words, locale_of,
                               word_readings)

if TYPE_CHECKING:  # claims/translations.py reads numbers as this module does, and rendered.py imports it
    from .rendered import RenderedPage

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth"]
WORD_VALUES = {**{word: value for value, word in enumerate(WORDS)},
               **{word: 20 + 10 * index for index, word in enumerate(TENS)},
               **{word: value for value, word in enumerate(ORDINALS) if word},
               **{word[:-1] + "ieth": 20 + 10 * index for index, word in enumerate(TENS)},
               "hundred": 100, "thousand": 1000, "million": 10 ** 6, "billion": 10 ** 9, "dozen": 12}


SEPARATED = re.compile(r"\d++(?:[.,'’_]\d++)++")  # digits joined by a sign a language may group or split them with
SUFFIXED = re.compile(r"\d([^\W\d_]++)")  # letters right after digits: "6th", "1990s"; and "238k", "5bn", "10млн"
SUFFIXES = {"st", "nd", "rd", "th", "s"}  # an English ordinal's or decade's, which leave the number as it is

# The language the passages are read in, whatever the page's: every source is in English (seeds/catalogue.yml,
# `language`). A source in another language would need its passages read in its own.
PASSAGES = "en"


def numbers_beyond_passages(path: str, rendered: RenderedPage, passages_by_line: dict[int, list[str]],
                            language: str) -> Iterator[Problem]:
    """A problem for each number of a cited block that none of the block's passages states.
    `passages_by_line`: the passages of the page's citations, by the line of their call; `language`: the page's."""
    for located in (located for located in rendered.blocks if not located.links):
        lines = dict.fromkeys(rendered.calls[index].line for index in located.block.calls)
        passages = [text for line in lines for text in passages_by_line.get(line, ())]
        if not passages:
            continue  # an uncited block is the coverage rule's
        stated = {worth for text in passages if not isinstance(text, Dated)
                  for number in numbers_in(text, PASSAGES) for worth in readings(number, PASSAGES)}
        dates = {worth for text in passages if isinstance(text, Dated) for worth in readings(text, PASSAGES)}
        prose = " ".join(located.block.prose.split())
        found = (number for number in number_matches(prose, language)
                 if not (readings(number.group(), language) & stated or
                         readings(number.group(), language) & dates and reads_as_dated(prose, number, language)))
        for missing in dict.fromkeys(number.group() for number in found):
            yield Problem(path, located.first, "number not in the passages it cites", repr(clip(missing, 40)),
                          "give the number with figure(), or cite the passage that states it")


def numbers_beyond(text: str, language: str, original: str, also: Iterable = ()) -> list[str]:
    """The numbers of `text` (read in `language`) that `original` (read in English, as passages are) does not state,
    each once, in order: by value, or written as the original writes them («£2.500» for the source's "£2.500")."""
    written = list(numbers_in(original, PASSAGES))
    stated = {worth for number in written for worth in readings(number, PASSAGES)} | {*map(str.casefold, written)}
    stated |= set(also)
    return [number for number in dict.fromkeys(numbers_in(" ".join(text.split()), language))
            if not readings(number, language) & stated]


def readings(number: str, language: str) -> set[Decimal | str]:
    """What a number word or figure may be worth, to compare: its digits as a number, as the language writes them
    (also where a word is glued to them, "killed.6", or an ordinal's ending, "6th"), times the abbreviation after
    them («238 тыс.»); digits joined by a sign the language writes no number with («225.238», "1,2,3"), or followed
    by other letters ("238k", "5bn"), as themselves, which only the same writing in a passage states; a number word as its value where it has a plain one, or as the English word it says
    («миллиарды»: "billions"); else the word itself without case."""
    grouped, leading = digit_patterns(language)
    if any(not (grouped.fullmatch(run) or leading.fullmatch(run)) for run in SEPARATED.findall(number)) or any(
            suffix.casefold() not in suffixes(language) for suffix in SUFFIXED.findall(number)):
        return {number.casefold()}  # «225.238» on a Russian page, "238k": no number the locale writes, none stated
    digits = grouped.search(number) or leading.search(number)
    if digits:
        try:
            return {parse_decimal(digits.group(), locale=locale_of(language)) * abbreviated_worth(number, language)}
        except (InvalidOperation, NumberFormatError):
            pass
    folded = number.casefold()
    if folded in WORD_VALUES:
        return {Decimal(WORD_VALUES[folded])}
    return set(word_readings(language).get(folded, ())) or {folded}


def suffixes(language: str) -> set[str]:
    """The letters that may follow digits in one word and leave their number read: an English ordinal's ending,
    the language's abbreviations («238тыс») and its words for a year («2022г.»)."""
    return SUFFIXES | abbreviations(language).keys() | set(language_words(language).get("year_words", []))


def passages_by_line(claims: Iterable) -> dict[int, list[str]]:
    """The passages of the claims, by the line of their call; an event's or a figure's date too, which the
    engine checked against its passage or its source's date ("5 January 2022 (year inferred)"), and the year and
    day of the source's catalogue date, which the prose may give as the catalogue does ("a post of 7 January 2022
    (date inferred)") and which dates what it reports as the front matter's years do ("in January 2022")."""
    found: dict[int, list[str]] = {}
    for claim in claims:
        date = claim.call.args.get("date", "") if claim.macro in ("event", "figure") else ""
        year_and_day = date.split("-")[::2]  # prose names the month: "01" would make any "one" stated
        source_date = str(claim.source.meta["date"].value or "").split("-")[::2]  # "a post of 7 January 2022"
        dated = [Dated(part) for part in (*source_date, *year_and_day) if part]
        found.setdefault(claim.call.line, []).extend([claim.match.passage, *dated])
    return found


class Dated(str):
    """A year or day of a date the engine checked (an event's, a figure's, a cited source's): stated only where the
    prose reads it as a date. Otherwise «Всего погибли 2023 человека» would pass on a citation of a source of 2023."""
