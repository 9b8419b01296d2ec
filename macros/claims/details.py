"""Events, places and block quotes: what a citation shows beyond its passage is the passage's own.

An event's date agrees with its passage or its source (dates.py); its label, shown on the timeline as a
cited claim, is made of its passage's words: each of its numbers is one the passage writes, and each word is
a word of the passage compared by stem (Snowball's English stemmer: "arrive" for "arrived"), a small word of
label_words.yml ("the", "in"), or a country the passage names by one of its forms (countries.yml). Where the
passage states a date, most of the label's words stand in the clause that states the event's date, and no
clause that states another date holds more of them (clauses.py): "5 January" does not date the troops that
arrived "6 January" in the next sentence, and no word of it stands only in a clause of another date. It also
reads as its passage does: in its order, with its negations, quoted words with their word of saying, and
numbers that count (labels.py). A place is named in its passage. A block quote, signed with the
source's name, is never words the source itself quotes from someone else.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..corpus import Match, Source, is_partial_date
from ..pages import Call
from ..problems import Problem, clip
from .clauses import dated_clauses, dating
from .dates import date_pieces, date_problems
from .labels import COUNTRY_OF, FREE_WORDS, POSSESSIVE, reading_problems, stem
from .subjects import COUNTRIES
from .wording import NUMBER_RUN, folded_parts, has_words, numbers

DETAIL_KEYS = {"event": ("date", "label", "when"), "place": ("name",)}
# How a date is held where the source gives no more than a span around it ("About 2017", "By 7 January 2022"):
# each word, with the precisions of date (1 year, 2 month, 3 day) it may qualify. The timeline writes it in the
# edition's words, interface.<lang>.yml's rail_when, so that no mark is more precise than its entry.
WHEN = {"about": (1, 2, 3), "by": (1, 2, 3), "early": (1, 2), "by early": (1, 2), "autumn": (1,)}
MAX_LABEL = 60
CLAUSE_HINT = ("a clause is a sentence or a part of one between semicolons, and a date on one side of a "
               "'from … to …' range dates that side alone")
LABEL_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def event_problems(call: Call, match: Match, source: Source) -> list[Problem]:
    date, label = call.args["date"], call.args["label"]
    parts = folded_parts(match.parts)
    found = []
    if not is_partial_date(date):
        found.append(Problem(call.path, call.line, "event date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(date)))
    if not label.strip() or len(label) > MAX_LABEL or any(char in label for char in '<>"{}'):
        found.append(Problem(call.path, call.line, f"event label must be plain text of at most {MAX_LABEL} "
                             "characters", repr(clip(label, 80)), "a few words for the timeline: the sentence "
                             "around it says the rest"))
    else:
        found += list(_label_problems(call, label, parts)) or list(reading_problems(call, label, match))
    if is_partial_date(date):
        found += date_problems(call, "event", date, parts, source.value("date"), source.id)
        found += _when_problems(call, date)
    # a label and a date that each hold, but not together: the date dates other words than the label's
    return found or list(_clause_problems(call, label, match, parts))


def _when_problems(call: Call, date: str) -> list[Problem]:
    when = call.args.get("when", "")
    if "when" in call.args and (not isinstance(when, str) or when not in WHEN):
        return [Problem(call.path, call.line, "event when is not one of the timeline's words", repr(when),
                        f"give one of {', '.join(map(repr, WHEN))}, or leave it out where the date is exact")]
    if when and date.count("-") + 1 not in WHEN[when]:
        precision = ("a year", "a month", "a day")
        return [Problem(call.path, call.line, "event when does not fit its date", f"{when!r} on {date!r}",
                        f"'{when}' qualifies {' or '.join(precision[size - 1] for size in WHEN[when])}: "
                        "give the date that much, or another word")]
    return []


def _label_problems(call: Call, label: str, parts: list[str]) -> Iterator[Problem]:
    """A label's numbers and words are its passage's: the timeline shows it as a cited claim."""
    written = {number.text for number in numbers(parts)}
    foreign = [run.group().rstrip(".,") for run in NUMBER_RUN.finditer(label)
               if run.group().rstrip(".,") not in written]
    stems = {stem(word) for part in parts for word in LABEL_WORD.findall(part)}
    foreign += [word for word in LABEL_WORD.findall(label)
                if word.casefold() not in FREE_WORDS and not _named(word, stems)]
    if foreign:
        yield Problem(call.path, call.line, "event label says what its passage does not", repr(label),
                      f"not in the passage: {', '.join(dict.fromkeys(foreign))}; the timeline shows the label as a "
                      "cited claim: each of its numbers and words is the passage's own (words compared by stem), a "
                      "small word of macros/claims/label_words.yml, or a country the passage names by one of its "
                      "forms in macros/claims/countries.yml")


def _clause_problems(call: Call, label: str, match: Match, parts: list[str]) -> Iterator[Problem]:
    """A stated date dates its own clause (clauses.py): the label's words stand by the event's date, not by
    another one, and most of them stand in its clause."""
    words = [word for word in dict.fromkeys(LABEL_WORD.findall(label)) if word.casefold() not in FREE_WORDS]
    date, stated = call.args["date"], dated_clauses(match, parts)
    own = dating(stated, *date_pieces(date))
    if not words or not own:  # a date the passage does not state has its own problem
        return
    held = {dated.clause: _held(words, dated.clause) for dated in stated}
    clause = max((dated.clause for dated in own), key=lambda clause: len(held[clause]))
    rival = max(held, key=lambda other: len(held[other]))
    if len(held[rival]) > len(held[clause]):
        yield Problem(call.path, call.line, "event date is not the one its label's words stand by", repr(date),
                      f"the clause {_shown(rival)} holds {_of(held[rival], words)}; the clause that states {date}, "
                      f"{_shown(clause)}, holds {_of(held[clause], words)}: date the event by the clause that holds "
                      f"most of its label's words ({CLAUSE_HINT})")
    elif 2 * len(held[clause]) <= len(words):
        yield Problem(call.path, call.line, "event label's words are not in its date's clause", _shown(clause),
                      f"the passage dates these words by {date}, and they hold {_of(held[clause], words)}: most of "
                      f"a label's words stand in its date's clause ({CLAUSE_HINT}); label the event with "
                      "the words its date dates, or date it by the words its label uses")
    else:
        yield from _borrowed(call, label, words, held, {dated.clause for dated in own})


def _borrowed(call: Call, label: str, words: list[str], held: dict[str, list[str]],
              own: set[str]) -> Iterator[Problem]:
    """A word that stands only in a clause of another date belongs to that date's event: "Tokayev visited
    Ankara in May; Erdoğan paid a return visit in October" has no return visit of Tokayev's."""
    mine = {word for clause in own for word in held[clause]}
    for clause, found in held.items():
        taken = [word for word in found if clause not in own and word not in mine]
        if taken:
            yield Problem(call.path, call.line, "event label takes words from the clause of another date",
                          repr(label), f"the clause {_shown(clause)} states another date than {call.args['date']} "
                          f"and alone holds the label's {', '.join(taken)}: a date dates only its own clause "
                          f"({CLAUSE_HINT}); label the event with the words its date dates")
            return


def _held(words: list[str], clause: str) -> list[str]:
    stems = {stem(word) for word in LABEL_WORD.findall(clause)}
    return [word for word in words if _named(word, stems)]


def _of(held: list[str], words: list[str]) -> str:
    if not held:
        return f"none of the label's {len(words)} words ({', '.join(words)})"
    return f"{len(held)} of the label's {len(words)} words ({', '.join(held)})"


def _shown(clause: str) -> str:
    return repr(clip(" ".join(clause.split()), 90))


def _named(word: str, stems: set[str]) -> bool:
    """Whether the passage has the word (by stem), or, for a country, any of its forms ("Russia": "Russian")."""
    country = COUNTRY_OF.get(POSSESSIVE.sub("", word.casefold()))
    if country:
        return any(stem(form) in stems for form in COUNTRIES[country])
    return stem(word) in stems


def place_problems(call: Call, match: Match, source: Source) -> Iterator[Problem]:
    name = call.args["name"]
    if not has_words(folded_parts(match.parts), name):
        yield Problem(call.path, call.line, "place is not named in its passage", repr(clip(name, 60)),
                      "cite a passage that names the place")


def blockquote_problems(call: Call, match: Match, source: Source) -> Iterator[Problem]:
    """A block quote of words the source puts in quotation marks would sign someone else's words. Each part is
    read on its own: an elision that leaves out the marks ("under attack … a band of international terrorists",
    out of "under attack from “a band of international terrorists”") still quotes the words inside them."""
    text, spans = match.paragraph.text, match.spans
    if any(_quoted_unmarked(text, spans, *quotation) for start, end in spans
           if (quotation := _quotation_around(text, start, end))):
        yield Problem(call.path, call.line, "block quote of words its source quotes from someone else",
                      f'"{clip(call.args["passage"], 90)}"', "the source puts these words in quotation marks, and "
                      "blockquote() signs them as the source's own: use quote() in a sentence that names who said "
                      "them")


def _quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The source's opening and closing quotation marks around the part [start, end), if it lies wholly inside."""
    if any(mark in text[start:end] for mark in '“”"'):
        return None
    opening = text.rfind("“", 0, start)
    closing, reopening = text.find("”", end), text.find("“", end)
    if opening > text.rfind("”", 0, start) and closing >= 0 and (reopening < 0 or closing < reopening):
        return opening, closing
    if text.count('"', 0, start) % 2 == 1 and '"' in text[end:]:
        return text.rfind('"', 0, start), text.find('"', end)
    return None


def _quoted_unmarked(text: str, spans: tuple[tuple[int, int], ...], opening: int, closing: int) -> bool:
    """Whether the passage leaves out the opening or the closing mark of a quotation (shown, both mark the
    words between as someone else's, as in "He said “we will … fight” loudly")."""
    return not all(any(start <= mark < end for start, end in spans) for mark in (opening, closing))
