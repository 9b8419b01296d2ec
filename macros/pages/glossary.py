"""The hover glossary: the names on docs/people.md and their one-line descriptions.

Each entry on the people page is a `### Name` heading, optionally with more names
to mark in an attribute list (`### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev" }`),
followed by one paragraph. That paragraph, without its citation markers, is what a
reader sees on hovering the name on any page.

An alias can open only its own entry's card: it is the last word of the entry's heading, its
surname ("Tokayev" of "Kassym-Jomart Tokayev"), or listed for the entry's id in glossary_aliases.yml,
which a maintainer reviews, and then never part of another entry's name. A title ("President" of
"President of Belarus") is no surname. Names are compared as a reader sees them: NFKC-normalised, look-alike
letters folded and without case, so "Erdoğan" with a combining breve is the same name as "Erdoğan", defined twice.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown.extensions.attr_list import get_attrs_and_remainder

from ..corpus.characters import read_as
from ..problems import Problem, clip
from .frontmatter import FrontMatter

PEOPLE_PAGE = "people.md"
ALIASES_FILE = "macros/pages/glossary_aliases.yml"
# entry id -> the other names it may go by that are not words of its heading
ALIASES: dict[str, list[str]] = yaml.safe_load((Path(__file__).parent / "glossary_aliases.yml").read_text("utf-8"))
MAX_TERMS = 10  # names of one entry: its heading and its data-terms
MAX_ENTRIES = 100
MAX_TERM_LENGTH = 80
WORD = re.compile(r"\w++(?:[-‐'’]\w++)*+")  # as text.cuts reads a name: "editor-in-chief", "RT’s" are one word each
LINK = re.compile(r"\[([^\[\]]++)\]\([^()\[\]]*+\)")
EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=\S)([^*\n]++)(?<=\S)\*{1,2}(?![\w*])")


def read_glossary(path: str, front: FrontMatter) -> tuple[dict[str, str], list[Problem]]:
    """{term: description} for every entry of the people page; an alias's description starts with the entry's name."""
    entries, problems = _entries(path, front)
    glossary: dict[str, str] = {}
    seen: set[str] = set()  # the names as a reader sees them
    names = [(entry.name, entry.line) for entry in entries]
    for entry in entries:
        found = list(_alias_problems(path, entry, names))
        problems += found
        for term in [] if found else entry.terms:
            if _seen_as(term) in seen:
                problems.append(Problem(path, entry.line, "glossary term defined twice", repr(term)))
            seen.add(_seen_as(term))
            glossary[term] = entry.description if term == entry.name else f"{entry.name}: {entry.description}"
    return glossary, problems


def _seen_as(name: str) -> str:
    """The name as a reader sees it: compatibility forms and look-alike letters folded (NFKC, "Рutin" with a
    Cyrillic Р), without case."""
    return read_as(name).casefold()


@dataclass(frozen=True)
class _Entry:
    line: int  # of its heading, in the page
    name: str  # the heading
    id: str  # the heading's id, or ""
    terms: list[str]  # its name, then its aliases
    description: str


def _entries(path: str, front: FrontMatter) -> tuple[list[_Entry], list[Problem]]:
    """Each well-formed entry of the page, and the problems of the others."""
    lines = front.body.split("\n")
    entries, problems, count = [], [], 0
    for number, line in enumerate(lines, 1):
        heading = _entry(line)
        if not heading:
            continue
        name, attributes = heading
        paragraph = _paragraph_after(lines, number)
        attributes = dict(get_attrs_and_remainder(attributes)[0])  # as attr_list reads them: the last one wins
        terms = [name, *(term.strip() for term in attributes.get("data-terms", "").split(";") if term.strip())]
        problem = _entry_problem(terms, paragraph, count)
        if problem:
            problems.append(Problem(path, front.offset + number, problem[0], clip(name, 60), problem[1]))
            continue
        entries.append(_Entry(front.offset + number, name, attributes.get("id", ""), terms, _plain(paragraph)))
        count += len(terms)
    return entries, problems


def _entry_problem(terms: list[str], paragraph: str, count: int) -> tuple[str, str] | None:
    """(rule, what to do) if the entry may not be in the glossary; `count` names are in it so far."""
    if not _plain(paragraph):
        return "glossary entry has no description", "follow the heading with a one-paragraph description"
    if "{{" not in paragraph or paragraph.startswith("<"):
        return ("glossary description must be a cited paragraph", "the text after the heading shows on every "
                "page: write it in Markdown, with its citation")
    limit = _limit_problem(terms, count)
    return (limit, "the glossary marks every name on every page: keep it to the people and organisations a "
                   "reader needs") if limit else None


def _alias_problems(path: str, entry: _Entry, names: list[tuple[str, int]]) -> Iterator[Problem]:
    """An alias must be its entry's surname, or listed for it in ALIASES_FILE and not part of another
    entry's name: "Nazarbayev" on Tokayev's entry would open Tokayev's card on Nazarbayev."""
    listed = {_seen_as(alias) for alias in ALIASES.get(entry.id, [])}
    for alias in entry.terms[1:]:
        if _words(alias) == _words(entry.name)[-1:]:
            continue
        other = next(((name, line) for name, line in names if line != entry.line and _part_of(alias, name)), None)
        if other:
            yield Problem(path, entry.line, "a glossary alias must be its entry's surname",
                          f"{alias!r} on {entry.name!r} is part of {other[0]!r} (line {other[1]})",
                          "a name opens its own entry's card only: remove it from data-terms")
        elif _seen_as(alias) not in listed:
            yield Problem(path, entry.line, "a glossary alias must be its entry's surname",
                          f"{alias!r} is not the last word of {entry.name!r}", "use the last word of the heading, "
                          f"or ask a maintainer to list it under the entry's id ('{entry.id or '#id'}') in "
                          f"{ALIASES_FILE}")


def _words(name: str) -> list[str]:
    """The name's words as a reader sees them: "RT’s editor-in-chief" is two, joined by a hyphen or an
    apostrophe."""
    return WORD.findall(_seen_as(name))


def _part_of(alias: str, name: str) -> bool:
    """Whether the alias's words are a run of the name's words, as a reader sees them."""
    words, within = _words(alias), _words(name)
    return bool(words) and any(within[start:start + len(words)] == words for start in range(len(within)))


def _limit_problem(terms: list[str], entries: int) -> str | None:
    if len(terms) > MAX_TERMS:
        return f"a glossary entry has more than {MAX_TERMS} names"
    if any(len(term) > MAX_TERM_LENGTH for term in terms):
        return f"a glossary name is longer than {MAX_TERM_LENGTH} characters"
    if entries >= MAX_ENTRIES * MAX_TERMS:
        return f"the glossary has more than {MAX_ENTRIES * MAX_TERMS} names"
    return None


def _entry(line: str) -> tuple[str, str] | None:
    """(name, attribute list) of a '### Name { … }' heading."""
    if not line.startswith("###") or line.startswith("####") or not line[3:4].isspace():
        return None
    heading, attributes = line[3:].strip(), ""
    if heading.endswith("}") and "{" in heading:
        heading, _, attributes = heading[:-1].rpartition("{")
        heading = heading.strip()
    return (heading, attributes) if heading else None


def _paragraph_after(lines: list[str], heading: int) -> str:
    paragraph: list[str] = []
    for line in lines[heading:]:
        if line.strip() and not paragraph and line.lstrip().startswith("#"):
            break
        if not line.strip():
            if paragraph:
                break
            continue
        paragraph.append(line.strip())
    return " ".join(paragraph)


def _plain(markdown: str) -> str:
    text = _without_calls(markdown)
    text = LINK.sub(r"\1", text)
    text = EMPHASIS.sub(r"\1", text)
    return " ".join(text.split())


def _without_calls(text: str) -> str:
    pieces, position = [], 0
    while (start := text.find("{{", position)) >= 0:
        end = text.find("}}", start)
        if end < 0:
            break
        pieces.append(text[position:start])
        position = end + 2
    return "".join(pieces) + text[position:]
