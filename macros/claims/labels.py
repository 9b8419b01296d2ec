"""An event's label reads as its passage does: the timeline shows it as a cited claim.

Its words are its passage's (details.py); beyond that, a label
- keeps their order: its words, small words of label_words.yml aside, follow one another as in the passage,
  so "Armenia sought help to counter Azerbaijan" is never labelled "Azerbaijan sought help to counter
  Armenia". One allowance, from how a short label is written: it may end on a place or a person, led by a
  small word ("… in Belarus", "… of Soviet Kazakhstan"), named anywhere in the passage;
- keeps every negation of the clauses it draws on, and adds none ("will most likely not be used to confront
  protesters" is not "used to confront protesters");
- takes words its passage has only inside quotation marks (someone's words, that the source reports) only
  with the word of saying that reports them (speech_words.yml: "declared", "ordered"); the marks and what they
  quote are read as every rule reads them (macros/quotation_marks.py);
- writes as a number only a count of its passage, never the day, year or hour of a date ("6 January" is not
  "6 Russian troops"), nor a number from 1800 to 2099, which reads as a year: the timeline shows the date.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
import yaml

from ..corpus import Match
from ..pages import Call
from ..problems import Problem
from ..quotation_marks import quotations
from ..yamlfile import LOADER
from .clauses import CLAUSE_END
from .elisions import NEGATIONS
from .placing import YEAR_LIKE  # a count of 2000 reads as a year on a date rail
from .subjects import COUNTRIES
from .wording import Number

TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.]*+")
PLACE_LEADS = frozenset({"in", "of", "to", "at", "from", "for", "on"})  # not "by": a doer stays where it is
# Words that state nothing, which a label may use although its passage does not ("Demonstrations began in Mangystau").
FREE_WORDS = frozenset(yaml.load((Path(__file__).parent / "label_words.yml").read_text("utf-8"), LOADER))
STEMMER = snowballstemmer.stemmer("english")
POSSESSIVE = re.compile(r"['’]s\Z")
SPEECH_WORDS = yaml.load((Path(__file__).parent / "speech_words.yml").read_text("utf-8"), LOADER)
COUNTRY_OF = {form.casefold(): country for country, forms in COUNTRIES.items() for form in forms}


@dataclass(frozen=True)
class Word:
    """A word or a number of the passage, as the label's are compared with it."""
    text: str
    clause: int  # which clause of the passage (a new part starts a new one)
    quoted: bool  # whether the source puts it inside quotation marks
    count: bool  # for a number: whether it counts something (not a day, a year or a time)


def passage_words(match: Match) -> list[Word]:
    words, clause = [], 0
    quoted = _quoted_spans(match.paragraph.text)
    for (start, _), part in zip(match.spans, match.parts):
        clause += 1
        done = 0
        for token in TOKEN.finditer(part):
            clause += len(CLAUSE_END.findall(part[done: token.start()]))
            value = token.group().rstrip(".,") if token.group()[0].isdigit() else token.group()
            words.append(Word(value, clause, _inside(quoted, start + token.start()),
                              _is_count(part, token.start(), len(value))))
            done = token.start() + len(value)
    return words


def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the paragraph's quotations hold words: (start, end) of each, in order."""
    return tuple(found.span(1) if found.group(1) is not None else found.span(2) for found in quotations(text))


def _inside(spans: tuple[tuple[int, int], ...], position: int) -> bool:
    before = bisect_right(spans, (position, float("inf")))  # how many start at or before it
    return before > 0 and position < spans[before - 1][1]


def _is_count(part: str, start: int, length: int) -> bool:
    """Whether a number counts: not the day or year of a date, not a year-like number, not the hour or
    minutes of a time ("21:30")."""
    end = start + length
    if not part[start].isdigit() or YEAR_LIKE.fullmatch(part[start:end]) or Number(part, start, end).is_date:
        return False
    return not (part[end: end + 1] == ":" and part[end + 1: end + 2].isdigit() or
                part[start - 1: start] == ":" and part[start - 2: start - 1].isdigit())


def stem(word: str) -> str:
    return STEMMER.stemWord(POSSESSIVE.sub("", word.casefold()).replace("’", "'"))


def keys(word: str) -> set[str]:
    """What a label's word or number matches in its passage: a number as written, a word by stem, a country
    by the stem of any of its forms ("Russia": "Russian")."""
    if word[0].isdigit():
        return {word}
    country = COUNTRY_OF.get(POSSESSIVE.sub("", word.casefold()))
    return {stem(form) for form in COUNTRIES[country]} if country else {stem(word)}


def key(word: Word) -> str:
    return word.text if word.text[0].isdigit() else stem(word.text)


def negates(word: str) -> bool:
    word = word.casefold().replace("’", "'")
    return word in NEGATIONS or word.endswith("n't")


SPEECH = frozenset(stem(word) for word in SPEECH_WORDS)


def reading_problems(call: Call, label: str, match: Match) -> Iterator[Problem]:
    """A label made of its passage's words (details.py) that reads otherwise than the passage."""
    words, tokens = passage_words(match), [_token(token) for token in TOKEN.findall(label)]
    uncounted = [token for token in tokens if token[0].isdigit()
                 and not any(word.count and word.text == token for word in words)]
    if uncounted:
        yield Problem(call.path, call.line, "event label's number is not a count of its passage", repr(label),
                      f"the passage writes {', '.join(uncounted)} as a day, year or time (or it is a number from 1800 "
                      "to 2099, which reads as a year): a label's number counts what its passage counts (\"238 "
                      "killed\"), and the timeline shows the event's date itself")
        return
    passage = [key(word) for word in words]
    found = in_order(tokens, words, passage)
    if found is None:
        yield _order_problem(call, label, tokens, passage)
        return
    drawn = [words[at].clause for at in found if not negates(words[at].text)]  # a negation draws on nothing
    yield from _negation_problems(call, label, tokens, drawn, words)
    yield from _quotation_problems(call, label, tokens, words, passage)


def _token(token: str) -> str:
    return token.rstrip(".,") if token[0].isdigit() else token


def in_order(tokens: list[str], words: list[Word], passage: list[str]) -> list[int] | None:
    """Where the label's words (small words aside) stand in the passage, in the label's order; or where they
    stand with a closing place or person ("… in Belarus") taken from anywhere; None if neither."""
    content = [at for at, token in enumerate(tokens) if token.casefold() not in FREE_WORDS]
    found = _subsequence([tokens[at] for at in content], passage)
    for cut in range(1, len(content)):
        if found is not None:
            break
        led = tokens[content[cut] - 1].casefold() in PLACE_LEADS
        if led and all(_is_name(tokens[at], words, passage) for at in content[cut:]):
            head = _subsequence([tokens[at] for at in content[:cut]], passage)
            tail = _subsequence([tokens[at] for at in content[cut:]], passage)
            found = None if head is None or tail is None else head + tail
    return found


def _subsequence(tokens: list[str], passage: list[str]) -> list[int] | None:
    found, at = [], -1
    for token in tokens:
        wanted = keys(token)
        at = next((index for index in range(at + 1, len(passage)) if passage[index] in wanted), None)
        if at is None:
            return None
        found.append(at)
    return found


def _is_name(token: str, words: list[Word], passage: list[str]) -> bool:
    """A country, or a word that the label and its passage both write with a capital letter."""
    if POSSESSIVE.sub("", token.casefold()) in COUNTRY_OF:
        return True
    wanted = stem(token)
    return token[0].isupper() and any(word.text[0].isupper() and found == wanted for word, found in zip(words, passage))


def _order_problem(call: Call, label: str, tokens: list[str], passage: list[str]) -> Problem:
    content = [token for token in tokens if token.casefold() not in FREE_WORDS]
    ordered = sorted(content, key=lambda token: min(at for at, found in enumerate(passage) if found in keys(token)))
    return Problem(call.path, call.line, "event label's words are not in its passage's order", repr(label),
                   f"the passage has them in the order: {', '.join(ordered)}; a label keeps its passage's order, so "
                   "that it never swaps who did what to whom (\"Armenia sought help to counter Azerbaijan\" is not "
                   "\"Azerbaijan sought help to counter Armenia\"); it may end on a place or a person named elsewhere "
                   "in the passage, led by a small word (\"… in Belarus\")")


def _negation_problems(call: Call, label: str, tokens: list[str], clauses: list[int],
                       words: list[Word]) -> Iterator[Problem]:
    stated = {_negation(word.text) for word in words if word.clause in clauses and negates(word.text)}
    given = {_negation(token) for token in tokens if negates(token)}
    if stated != given:
        dropped, added = sorted(stated - given), sorted(given - stated)
        yield Problem(call.path, call.line, "event label does not keep its passage's negation", repr(label),
                      f"{_listed('the clauses it draws on say', dropped)}{'; ' if dropped and added else ''}"
                      f"{_listed('the label adds', added)}: a label keeps every negation of the clauses of its "
                      "passage that it draws on, and adds none")


def _negation(word: str) -> str:
    word = word.casefold().replace("’", "'")
    return "not" if word.endswith("n't") or word == "cannot" else word


def _listed(what: str, found: list[str]) -> str:
    return f"{what} {', '.join(repr(word) for word in found)}" if found else ""


def _quotation_problems(call: Call, label: str, tokens: list[str], words: list[Word],
                        passage: list[str]) -> Iterator[Problem]:
    """Words only the source's quotation marks hold are someone else's: the label says whose, with its word
    of saying ("declared", "ordered"), as the passage writes it outside the quotation marks."""
    def quoted_only(token: str) -> bool:
        wanted = keys(token)
        return all(word.quoted for word, found in zip(words, passage) if found in wanted)
    content = [token for token in tokens if not token[0].isdigit() and token.casefold() not in FREE_WORDS]
    quoted = [token for token in content if quoted_only(token)]
    if quoted and not any(stem(token) in SPEECH and not quoted_only(token) for token in content):
        yield Problem(call.path, call.line, "event label gives words its source quotes as the event", repr(label),
                      f"the passage has {', '.join(quoted)} only inside quotation marks: they are someone's words, "
                      "which the source reports; take into the label the word of saying that reports them, as the "
                      "passage writes it (macros/claims/speech_words.yml: declared, ordered, said, …), or label the "
                      "event with the source's own words")
