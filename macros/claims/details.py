"""Events, places and block quotes: what a citation shows beyond its passage is the passage's own.

An event's date agrees with its passage or its source (dates.py); its label, shown on the timeline as a
cited claim, is made of its passage's words: each of its numbers is one the passage writes, and each word is
a word of the passage compared by stem (Snowball's English stemmer: "arrive" for "arrived"), a small word of
label_words.yml ("the", "in"), or a country the passage names by one of its forms (countries.yml). A place is
named in its passage. A block quote, signed with the source's name, is never words the source itself quotes
from someone else.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import snowballstemmer
import yaml

from ..corpus import Match, Source, is_partial_date
from ..pages import Call
from ..problems import Problem, clip
from ..yamlfile import LOADER
from .dates import date_problems
from .subjects import COUNTRIES
from .wording import NUMBER_RUN, folded_parts, has_words, numbers

DETAIL_KEYS = {"event": ("date", "label"), "place": ("name",)}
MAX_LABEL = 60
LABEL_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Words that state nothing, which a label may use although its passage does not ("Demonstrations began in Mangystau").
FREE_WORDS = frozenset(yaml.load((Path(__file__).parent / "label_words.yml").read_text("utf-8"), LOADER))
STEMMER = snowballstemmer.stemmer("english")
POSSESSIVE = re.compile(r"['’]s\Z")
COUNTRY_OF = {form.casefold(): country for country, forms in COUNTRIES.items() for form in forms}


def event_problems(call: Call, match: Match, source: Source) -> Iterator[Problem]:
    date, label = call.args["date"], call.args["label"]
    parts = folded_parts(match.parts)
    if not is_partial_date(date):
        yield Problem(call.path, call.line, "event date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(date))
    if not label.strip() or len(label) > MAX_LABEL or any(char in label for char in '<>"{}'):
        yield Problem(call.path, call.line, f"event label must be plain text of at most {MAX_LABEL} characters",
                      repr(clip(label, 80)), "a few words for the timeline: the sentence around it says the rest")
    else:
        yield from _label_problems(call, label, parts)
    if is_partial_date(date):
        yield from date_problems(call, "event", date, parts, source.value("date"), source.id)


def _label_problems(call: Call, label: str, parts: list[str]) -> Iterator[Problem]:
    """A label's numbers and words are its passage's: the timeline shows it as a cited claim."""
    written = {number.text for number in numbers(parts)}
    foreign = [run.group().rstrip(".,") for run in NUMBER_RUN.finditer(label)
               if run.group().rstrip(".,") not in written]
    stems = {_stem(word) for part in parts for word in LABEL_WORD.findall(part)}
    foreign += [word for word in LABEL_WORD.findall(label)
                if word.casefold() not in FREE_WORDS and not _named(word, stems)]
    if foreign:
        yield Problem(call.path, call.line, "event label says what its passage does not", repr(label),
                      f"not in the passage: {', '.join(dict.fromkeys(foreign))}; the timeline shows the label as a "
                      "cited claim: each of its numbers and words is the passage's own (words compared by stem), a "
                      "small word of macros/claims/label_words.yml, or a country the passage names by one of its "
                      "forms in macros/claims/countries.yml")


def _stem(word: str) -> str:
    return STEMMER.stemWord(POSSESSIVE.sub("", word.casefold()).replace("’", "'"))


def _named(word: str, stems: set[str]) -> bool:
    """Whether the passage has the word (by stem), or, for a country, any of its forms ("Russia": "Russian")."""
    country = COUNTRY_OF.get(POSSESSIVE.sub("", word.casefold()))
    if country:
        return any(_stem(form) in stems for form in COUNTRIES[country])
    return _stem(word) in stems


def place_problems(call: Call, match: Match, source: Source) -> Iterator[Problem]:
    name = call.args["name"]
    if not has_words(folded_parts(match.parts), name):
        yield Problem(call.path, call.line, "place is not named in its passage", repr(clip(name, 60)),
                      "cite a passage that names the place")


def blockquote_problems(call: Call, match: Match, source: Source) -> Iterator[Problem]:
    """A block quote of words the source puts in quotation marks would sign someone else's words."""
    text, start, end = match.paragraph.text, match.spans[0][0], match.spans[-1][1]
    if _inside_quotation(text, start, end):
        yield Problem(call.path, call.line, "block quote of words its source quotes from someone else",
                      f'"{clip(call.args["passage"], 90)}"', "the source puts these words in quotation marks, and "
                      "blockquote() signs them as the source's own: use quote() in a sentence that names who said "
                      "them")


def _inside_quotation(text: str, start: int, end: int) -> bool:
    if any(mark in text[start:end] for mark in '“”"'):
        return False
    opened = text.rfind("“", 0, start) > text.rfind("”", 0, start)
    closing, reopening = text.find("”", end), text.find("“", end)
    if opened and closing >= 0 and (reopening < 0 or closing < reopening):
        return True
    return text.count('"', 0, start) % 2 == 1 and '"' in text[end:]
