"""A figure's, an event's words in an edition's language, from closed lists: terms.<language>.yml.

A figure's qualifier, subject, unit and kind and an event's label stay English in the call: they are what the
integrity rules check against the passage (macros/claims/). An edition in another language shows each of them
from its list, keyed by those English words, so that no page writes them as free text, and none shows English
silently: a key missing from the list fails the static pass at the call. The people page's entry headings are
listed too (`names:`), keyed by the English heading: editions/parity.py holds each translated one to its list. A
place's name is the map's, from map_names in interface.<language>.yml (checked there, render/interface_check.py).
Pure Python.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from .. import yamlfile
from ..claims import Claim
from ..claims.figures import bound
from ..problems import Problem
from .uncited_words import term_word_problems

CALLS = "en"  # the language the calls are written in, as the integrity rules read them
FOLDER = Path(__file__).parent
LISTS = {"qualifiers": "a figure's qualifier", "units": "a figure's unit", "subjects": "a figure's subject",
         "kinds": "a figure's kind", "events": "an event's label", "names": "a people-page heading"}


def terms_file(language: str) -> Path:
    return FOLDER / f"terms.{language}.yml"


def label(language: str) -> str:
    return f"macros/render/{terms_file(language).name}"


@cache
def lists_of(language: str) -> tuple[dict, list[Problem]]:
    """The file's lists, and what is wrong with it: read once per build process (the file is code)."""
    path = terms_file(language)
    if not path.is_file():
        return {}, []
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8"))
    except (yamlfile.YamlProblem, UnicodeDecodeError) as error:
        return {}, [Problem(label(language), getattr(error, "line", 0), "the terms file is not YAML", str(error),
                            "write it as terms.ru.yml is written")]
    problems = []
    lists = data if isinstance(data, dict) else {}
    for name in lists:
        entries = lists[name]
        if name not in LISTS:
            problems.append(Problem(label(language), lists.line_of(name), "unknown list of terms", repr(name),
                                    "the lists are " + ", ".join(LISTS)))
        elif not isinstance(entries, dict) or not all(isinstance(value, str) and value.strip()
                                                      for value in entries.values()):
            problems.append(Problem(label(language), lists.line_of(name), "a list of terms maps English words to "
                                    "this edition's", repr(name), "write each entry as `English words: its words`"))
    if not isinstance(data, dict):
        problems.append(Problem(label(language), 1, "the terms file is not a mapping of lists", "",
                                "write it as terms.ru.yml is written"))
    lists = {name: entries for name, entries in lists.items() if name in LISTS and isinstance(entries, dict)}
    problems += term_word_problems(label(language), lists, language)
    return lists, problems + list(_bound_problems(lists.get("qualifiers", {}), language))


def _bound_problems(qualifiers: dict, language: str) -> Iterator[Problem]:
    """A qualifier says what its English does: a lower bound ("more than") in a wording of the language's lower
    bounds (bounds.<language>.yml), so that «менее» cannot turn "more than 225" into less."""
    path = FOLDER / f"bounds.{language}.yml"
    try:
        wordings = yamlfile.load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (yamlfile.YamlProblem, UnicodeDecodeError) as error:
        wordings = None
        yield Problem(f"macros/render/{path.name}", getattr(error, "line", 0), "the bounds file is not YAML",
                      str(error), "write it as bounds.ru.yml is written")
    for english, words in qualifiers.items():
        kind = bound(english) if isinstance(english, str) else None
        if kind in ("lower", "upper", "approximate") and words not in (wordings or {}).get(kind, []):
            yield Problem(label(language), qualifiers.line_of(english), "a qualifier's words are not of its kind",
                          f"{english!r} ({kind}): {words!r}", f"use a wording of `{kind}:` in "
                          f"macros/render/{path.name}, or add one there that says the same")


def term(kind: str, english: str, language: str) -> str:
    """The edition's words for what a call says in English ('more than' -> 'более'); the English itself in the
    calls' language, and an empty word (no qualifier, no unit) as it is. The static pass made sure it is listed."""
    if language == CALLS or not english:
        return english
    return lists_of(language)[0][kind][english]


def needed(claim: Claim) -> Iterator[tuple[str, str]]:
    """(list, English words) that the pages of an edition show of a claim."""
    if claim.figure:
        for kind, key in (("qualifiers", "qualifier"), ("units", "unit"), ("subjects", "subject"), ("kinds", "kind")):
            if claim.figure.get(key):
                yield kind, claim.figure[key]
    if claim.macro == "event":
        yield "events", claim.detail["label"]


def term_problems(claims: Iterable[Claim], language: str) -> Iterator[Problem]:
    """Each word a claim's edition would show that its list lacks, at the call; and the file's own problems."""
    if language == CALLS:
        return
    lists, problems = lists_of(language)
    yield from problems
    for claim in claims:
        for kind, english in needed(claim):
            if english not in lists.get(kind, {}):
                yield Problem(claim.call.path, claim.call.line, f"no '{language}' words for {LISTS[kind]}",
                              repr(english), f"add `{english}: …` under `{kind}:` in {label(language)}, as "
                              f"translations/{language}.md renders it")


def languages_with_terms() -> list[str]:
    """The languages with a terms file: 'ru'."""
    return sorted(path.name.split(".")[1] for path in FOLDER.glob("terms.*.yml"))
