"""A figure's subject: what its number counts, or whose count it is, as the passage says it by the number.

A subject is words of the passage. Words that are not a country stand in the value's own sentence, within
SUBJECT_WORDS words of it and with no other number between ("more than 225 citizens", "the average monthly
salary is around €500"): words elsewhere in the passage may name what another number counts. A country
(countries.yml, by any of its forms) is named in the value's own sentence, in the passage or in the source's
words of that sentence before it, outside the kind's own words ("ethnic Russians" says what is counted, not
whose count it is), and it is the country named nearest the value there.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from ..corpus import Match
from ..pages import Call
from ..problems import Problem
from ..yamlfile import LOADER
from .placing import SENTENCE_END, Sentence, between, countries_named, distance, in_its_sentence, places
from .wording import Number, has_words

COUNTRIES: dict[str, list[str]] = yaml.load((Path(__file__).parent / "countries.yml").read_text("utf-8"), LOADER)
SUBJECT_WORDS = 4  # words between a figure's value and its subject, at most


def subject_problems(call: Call, subject: str, parts: list[str]) -> Iterator[Problem]:
    """The subject is words of the passage, or a country the passage names by one of its forms."""
    if not subject or has_words(parts, subject):
        return
    country = next((name for name in COUNTRIES if name.casefold() == subject.strip().casefold()), None)
    if country == subject and any(has_words(parts, form) for form in COUNTRIES[country]):
        return  # the country's own name, as the map and the charts need it
    forms = f" or, written '{country}', a country the passage names by one of its forms in macros/claims/" \
        f"countries.yml ({', '.join(COUNTRIES[country])})" if country else ""
    yield Problem(call.path, call.line, "figure subject is not in its passage", repr(subject),
                  f"the subject is words of the passage{forms}: quote the words that name it, with an elided part "
                  "(…) from the same paragraph if they stand apart")


def subject_place_problems(call: Call, match: Match, parts: list[str], fitting: list[Number],
                           kind_words: list[str]) -> Iterator[Problem]:
    """Where the subject stands from the value (`fitting`: where the passage writes it)."""
    subject = call.args.get("subject", "").strip()
    country = next((name for name, forms in COUNTRIES.items()
                    if subject.casefold() in {form.casefold() for form in forms + [name]}), None)
    if not subject or not fitting:
        return
    if country:
        yield from _country_problems(call, match, parts, fitting, country, kind_words)
    elif has_words(parts, subject) and not any(_beside(number, subject) for number in fitting):
        yield Problem(call.path, call.line, "figure subject does not stand by its value", repr(subject),
                      f"the subject is the passage's words in the sentence that gives {fitting[0].text}, within "
                      f"{SUBJECT_WORDS} words of it and with no other number between (\"more than 225 citizens\"): "
                      "words elsewhere may name what another number counts")


def _beside(number: Number, subject: str) -> bool:
    return any(not SENTENCE_END.search(gap := between(number, span)) and not any(char.isdigit() for char in gap)
               and distance(number, span) <= SUBJECT_WORDS for span in places(number.part, subject))


def _country_problems(call: Call, match: Match, parts: list[str], fitting: list[Number], country: str,
                      kind_words: list[str]) -> Iterator[Problem]:
    if not any(has_words(parts, form) for form in COUNTRIES[country]):
        return  # a subject the passage does not name has its own problem
    named = [countries_named(in_its_sentence(match, parts, number), COUNTRIES, kind_words) for number in fitting]
    if not any(country in found for found in named):
        listed = ", ".join(sorted(named[0])) or "no country"
        yield Problem(call.path, call.line, "figure subject is not named in its value's sentence",
                      repr(call.args["subject"]), f"the sentence that gives {fitting[0].text} names {listed} (its "
                      "kind's own words aside): a country subject is named in the number's own sentence, in the "
                      "passage or in the source's words of that sentence before it; where the sentence names none, "
                      "give no subject")
        return
    nearest = [{name for name, words in found.items() if words == min(found.values())} for found in named]
    if all(names and country not in names for names in nearest):
        yield Problem(call.path, call.line, "figure subject is not the country named nearest its value",
                      repr(call.args["subject"]), f"nearest {fitting[0].text} the passage names "
                      f"{', '.join(sorted(nearest[0]))}: a country subject is the one its passage names nearest the "
                      "number")


def kind_country_problems(call: Call, kind: str, about: dict, parts: list[str],
                          sentences: list[Sentence]) -> Iterator[Problem]:
    """A kind whose label names a country ("Size of Kazakhstan’s armed forces", `country` in figure_kinds.yml)
    counts that country's number: its passage names the country, its subject is no other country, and no other
    country is named nearer the number in its whole sentence as the source writes it."""
    country = about.get("country")
    if not country:
        return
    counts = f"kind '{kind}' (“{about['label']}”) counts {country}'s (macros/claims/figure_kinds.yml)"
    subject = next((name for name, forms in COUNTRIES.items() if call.args.get("subject", "").strip().casefold()
                    in {form.casefold() for form in forms + [name]}), None)
    if subject and subject != country:
        yield Problem(call.path, call.line, "figure subject is not the country its kind counts",
                      repr(call.args["subject"]), f"{counts}: give subject=\"{country}\" or none, or choose another kind")
    elif not any(has_words(parts, form) for form in COUNTRIES[country]):
        yield Problem(call.path, call.line, "figure passage does not name the country its kind counts", repr(kind),
                      f"{counts}: quote the words that name it ({', '.join(COUNTRIES[country])}), with an elided "
                      "part (…) from the same paragraph if they stand apart, or choose another kind")
    elif others := _nearest_other(country, about, sentences):
        yield Problem(call.path, call.line, "figure value stands nearest another country than its kind's",
                      repr(sentences[0].number.text), f"nearest {sentences[0].number.text} its sentence in the source "
                      f"names {', '.join(sorted(others))}; {counts}: cite a number the source gives as {country}'s, "
                      "or choose another kind")


def _nearest_other(country: str, about: dict, sentences: list[Sentence]) -> set[str]:
    """The countries named nearest the value in each of its whole sentences, where none of them is the kind's
    own; a form the kind's own words hold ("Russian" of "ethnic Russians") names what is counted, wherever it
    stands ("the Russian language"), not whose count it is."""
    kind_words = about.get("words", []) + about.get("also", [])
    own = {word.casefold() for words in kind_words for word in words.split()}
    countries = {name: [form for form in forms if form.casefold() not in own] for name, forms in COUNTRIES.items()}
    nearest = []
    for sentence in sentences:
        found = countries_named(sentence.number, countries, kind_words)
        names = {name for name, words in found.items() if words == min(found.values())}
        if not names or country in names:
            return set()
        nearest.append(names)
    return nearest[0] if nearest else set()
