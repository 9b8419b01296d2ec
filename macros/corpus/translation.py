"""seeds/catalogue.<language>.yml: the words a translated edition shows for each source, by source id.

The catalogue (catalogue.yml) stays the one record of attribution, in English. A translation gives, for each
source, only the words that are the editors' own: its short name, its genre and language, its licence, the note
of each field (how it is known), and a title the editors supplied (a description, not the work's name). A title
the text states, the author, the publisher, the address and the evidence are the source's own words: they stay
as catalogue.yml gives them, and a translation that gives one is refused.

Only a translated edition reads its file (macros/check.py), once every citation is verified against the
catalogue and the texts: nothing in it can change what the English edition shows, or what a citation rests on.
The pull-request check lists each word changed for a maintainer (words_changes.py, the label `source-words`).
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from .. import yamlfile
from ..problems import Problem
from .catalogue import CATALOGUE, TITLE_HINT, Described
from .characters import format_problems
from .files import decode
from .words_rules import same_words, word_problems

CATALOGUE_LANGUAGE = "en"  # the language catalogue.yml is written in: the original edition's
WORDS_FILE = re.compile(r"catalogue\.([a-z]{2,3})\.yml")
ALWAYS = ("short", "licence")  # what every source's words give
PLAIN = ("short", "title.value", "genre.value", "language.value")  # shown in titles too: as plain as the catalogue's
VALUES = ("genre", "language")  # the fields whose value the editors write for every source
NOT_THE_EDITORS = "a title the text states, the author, the publisher, the url and the evidence are the source's " \
                  f"own words, and the date is written by the edition's rules: they stay as {CATALOGUE} gives them; " \
                  "remove it"


def words_file(language: str) -> str:
    return f"catalogue.{language}.yml"


def is_words_file(name: str) -> bool:
    """catalogue.ru.yml, catalogue.kk.yml: a translation's words, which belong beside the catalogue."""
    match = WORDS_FILE.fullmatch(name)
    return bool(match) and match.group(1) != CATALOGUE_LANGUAGE


def words_needed(meta: dict[str, Described]) -> list[str]:
    """What a translation gives for a source: 'short', 'licence', then 'genre.value', 'date.note'…"""
    needed = list(ALWAYS)
    for name, described in meta.items():
        supplied_title = name == "title" and described.basis == "supplied"
        if described.value is not None and (name in VALUES or supplied_title):
            needed.append(f"{name}.value")
        if described.note:
            needed.append(f"{name}.note")
    return needed


def read_words(seeds_dir: Path, label: str, language: str, sources: dict) -> tuple[dict[str, dict], list[Problem]]:
    """The words of each source in the edition's `language` ({id: {'short': …, 'genre.value': …}}), and a problem
    for every source without its words, every word missing, and every word a translation may not give."""
    where = f"{label}/{words_file(language)}"
    path = seeds_dir / words_file(language)
    if path.is_symlink():
        return {}, []  # reported as a link by load_corpus, and never read through
    if not path.is_file():
        return {}, [Problem(where, 0, f"the sources have no words in '{language}'", "",
                            f"add {words_file(language)} beside {CATALOGUE}: for each source its short name, genre, "
                            "language, licence and the note of each field, translated (CONTRIBUTING.md)")]
    text, problems = decode(path.read_bytes(), where, "file is not UTF-8 text", "save it as UTF-8")
    if text is None:
        return {}, problems
    problems += format_problems(text, where)
    try:
        data = yamlfile.load(text)
    except yamlfile.YamlProblem as error:
        return {}, problems + [Problem(where, error.line, "not valid YAML", error.message)]
    if not isinstance(data, yamlfile.LineDict):
        return {}, problems + [Problem(where, 1, "must be a mapping: each source's id, then its words")]
    words, lines = {}, {}
    for source_id, raw in data.items():
        found, given = _entry(raw, (where, f"{label}/{CATALOGUE}"), data.line_of(source_id), source_id, sources)
        problems += found
        if given is not None:
            words[source_id], lines[source_id] = given, dict(_given(raw))
            problems += word_problems(sources[source_id], lines[source_id], where, language)
    problems += same_words(sources, lines, where)
    problems += [Problem(where, 1, "a source has no words in this file", repr(source.id),
                         f"add an entry '{source.id}' with {', '.join(words_needed(source.meta))}")
                 for source in sources.values() if source.id not in data]
    return words, problems


def _entry(raw, files: tuple[str, str], line: int, source_id, sources: dict) -> tuple[list[Problem], dict | None]:
    """The problems and the words of one source; `files`: the words' file and the catalogue, as messages name them."""
    where, catalogue = files
    source = sources.get(source_id)
    if source is None:
        return [Problem(where, line, "words for a source that is not in the catalogue", repr(source_id),
                        f"use the id of an entry of {CATALOGUE}, or remove these words")], None
    if not isinstance(raw, yamlfile.LineDict):
        return [Problem(where, line, "a source's words must be a mapping", repr(source_id),
                        "e.g. short: …, genre: {value: …}")], None
    given, problems = dict(_given(raw)), []
    needed = words_needed(source.meta)
    for name in needed:
        if name not in given:
            problems.append(Problem(where, line, "a source's words lack a field", f"'{source_id}': {name}",
                                    f"add it, translated from {catalogue}:{source.catalogue_line}"))
    for name, (value, at) in given.items():
        if name not in needed:
            problems.append(Problem(where, at, "a source's words give a field they may not", f"'{source_id}': {name}",
                                    _why_not(name, source.meta)))
        elif not (isinstance(value, str) and value.strip()):
            problems.append(Problem(where, at, "a source's word must be text", f"'{source_id}': {name}"))
        elif name in PLAIN and any(char in value for char in '<>"'):  # as the catalogue's (catalogue.py)
            problems.append(Problem(where, at, "a source's name or value may not hold < > or \"",
                                    f"'{source_id}': {name} {value!r}", TITLE_HINT))
    return problems, {name: value for name, (value, _) in given.items() if name in needed and isinstance(value, str)}


def _given(raw: yamlfile.LineDict) -> Iterator[tuple[str, tuple[object, int]]]:
    """('short', (text, line)), ('genre.value', (text, line)): each word given, named as words_needed names it."""
    for key, value in raw.items():
        if isinstance(value, yamlfile.LineDict):
            yield from ((f"{key}.{inner}", (text, value.line_of(inner))) for inner, text in value.items())
        else:
            yield str(key), (value, raw.line_of(key))


def _why_not(name: str, meta: dict[str, Described]) -> str:
    field, _, key = name.partition(".")
    if field in meta and key == "note":
        return f"{CATALOGUE} gives '{field}' no note to translate: remove it"
    if field in VALUES and key == "value":
        return f"{CATALOGUE} gives '{field}' no value to translate: remove it"
    return NOT_THE_EDITORS


def in_words(source, words: dict[str, str]):
    """The source as a translated edition shows it: its own text and paragraphs, the catalogue's attribution, the
    edition's words (those given; a source without any stays as it is, and its problem fails the run)."""
    if not words:
        return source
    shown = copy.copy(source)  # the same text, paragraphs and identity of content: not split again
    shown.meta = {name: dataclasses.replace(described, value=words.get(f"{name}.value", described.value),
                                            note=words.get(f"{name}.note", described.note))
                  for name, described in source.meta.items()}
    shown.licence, shown.short_label = words.get("licence", source.licence), words.get("short", source.short_label)
    return shown
