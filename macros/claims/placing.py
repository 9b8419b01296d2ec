"""Where a figure's words stand from its value, in the part of the passage that writes it.

Its kind's words are in that part, in the value's sentence, within NEAR_WORDS words, and nearer it than any
other number of the whole sentence as the source writes it (a passage that leaves the other number out does
not make the words its value's); the countries named in its sentence (subjects.py); a year-like number (1800
to 2099, no separator) is a count only when its unit or its kind's words follow it; and the qualifier the
source writes right before the value is not dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..corpus import Match
from ..corpus.text import fold
from .wording import Number, ends_with_words, lowered, numbers, places, starts_with_words, without_currency

NEAR_WORDS = 8  # words between a figure's value and its kind's words, at most
SENTENCE_END = re.compile(r"[.!?](?!\d)|(?<!\d)[.!?]")  # not the point of "2.7"
TOKEN = re.compile(r"\w+")
# What ends a clause between a word and a number: a comma, semicolon, colon, bracket, dash (folded: "-"), or a
# joining word ("238 people were killed and about 2,000 troops": "killed" is the 238's).
CLAUSE_MARK = re.compile(r"[,;:()]|(?<!\w)-(?!\w)|\b(?i:and|or|but)\b")
YEAR_LIKE = re.compile(r"(?:18|19|20)\d\d")
LOOK_BACK = 300  # characters of the source read before a part: a figure's cost does not grow with its paragraph


def between(number: Number, span: tuple[int, int]) -> str:
    start, end = span
    return number.part[number.end: start] if start >= number.end else number.part[end: number.start]


def distance(number: Number, span: tuple[int, int]) -> int:
    return len(TOKEN.findall(between(number, span)))


@dataclass(frozen=True)
class Sentence:
    """A number in its whole sentence as the source writes it (folded), and where its part of the passage lies."""
    number: Number
    part: tuple[int, int]


def whole_sentence(match: Match, parts: list[str], number: Number) -> Sentence:
    """The number's sentence, read in the source paragraph on both sides of its part (at most LOOK_BACK
    characters each way): what the passage leaves out of it still stands by the number."""
    index = next(index for index, part in enumerate(parts) if part is number.part)
    start, end = match.spans[index]
    text = match.paragraph.text
    before, after = fold(text[max(0, start - LOOK_BACK): start]), fold(text[end: end + LOOK_BACK])
    whole = f"{before} {number.part} {after}"
    offset = len(before) + 1
    at, until = offset + number.start, offset + number.end
    ends = list(SENTENCE_END.finditer(whole))
    first = max((found.end() for found in ends if found.end() <= at), default=0)
    last = min((found.start() for found in ends if found.start() >= until), default=len(whole))
    sentence = Number(whole[first: last], at - first, until - first)
    return Sentence(sentence, (max(0, offset - first), min(last, offset + len(number.part)) - first))


def near(sentence: Sentence, words: str) -> bool:
    """Whether `words` stand in the number's part, within NEAR_WORDS words of it and nearer to it than to any
    other number of its whole sentence in the source: "killed" beside 225 says nothing of 5000, even where
    the passage leaves the 225 out."""
    number, (low, high) = sentence.number, sentence.part
    # a day or year of a date counts nothing, so it takes no kind word from a count ("42 held in custody on 5 January")
    rivals = [other for other in numbers([number.part]) if other.start != number.start and not other.is_date]
    return any(low <= span[0] and span[1] <= high and distance(number, span) <= NEAR_WORDS
               and all(_apart(other, span) > _apart(number, span) for other in rivals)
               for span in places(number.part, words))


def _apart(number: Number, span: tuple[int, int]) -> int:
    """Words and clause marks between a number and a span ("225 citizens have been killed, and more than 5000":
    the comma and the "and" put "killed" nearer 225); one that overlaps the span is not apart from it."""
    start, end = span
    if start < number.end and number.start < end:
        return -1
    return distance(number, span) + len(CLAUSE_MARK.findall(between(number, span)))


def countries_named(number: Number, countries: dict[str, list[str]], kind_words: list[str]) -> dict[str, int]:
    """The countries whose forms stand in the number's part, each with its fewest words from the number; a form
    inside the kind's own words ("ethnic Russians") names what is counted, not whose count it is."""
    counted = [span for words in kind_words for span in places(number.part, words)]
    found: dict[str, int] = {}
    for name, forms in countries.items():
        for form in forms:
            for span in places(number.part, form):
                if not any(start <= span[0] and span[1] <= end for start, end in counted):
                    found[name] = min(found.get(name, len(number.part)), distance(number, span))
    return found


def in_its_sentence(match: Match, parts: list[str], number: Number) -> Number:
    """The number with the source's words of its sentence before it (which a part may have cut off:
    "Belarus … (200 troops)" leaves out "Tajikistan") and its part's words after it, to its sentence's end."""
    before = " ".join(_source_before(match, parts, number).split())
    ends = list(SENTENCE_END.finditer(before))
    before = before[ends[-1].end():] if ends else before
    after = number.part[number.end:]
    end = SENTENCE_END.search(after)
    text = f"{before}{number.text}{after[: end.start() if end else len(after)]}"
    return Number(text, len(before), len(before) + len(number.text))


def _source_before(match: Match, parts: list[str], number: Number) -> str:
    """The source paragraph's words before the number, folded; the number's own part up to it."""
    index = next(index for index, part in enumerate(parts) if part is number.part)
    start = match.spans[index][0]
    return f"{fold(match.paragraph.text[max(0, start - LOOK_BACK): start])} {number.part[: number.start]}"


def reads_as_year(number: Number, followers: list[str]) -> bool:
    """A number from 1800 to 2099 written without a separator is a year, unless one of `followers` (the
    figure's unit, its kind's words) comes right after it ("2000 troops")."""
    if not YEAR_LIKE.fullmatch(number.text):
        return False
    after = lowered(number.after)
    return not any(starts_with_words(after, wanted) for wanted in map(lowered, followers) if wanted)


def dropped_qualifier(match: Match, parts: list[str], number: Number, wordings: list[str],
                      qualifier: str) -> str | None:
    """The wording the source writes right before the number ("more than 225") that the figure's qualifier
    leaves out, even where the passage starts at the number or inside the wording ("than 225")."""
    source_before = without_currency(lowered(_source_before(match, parts, number)))  # "around" of "around €500"
    wording = next((wording for wording in wordings if ends_with_words(source_before, wording)), None)
    return wording if wording and not ends_with_words(lowered(qualifier), wording) else None
