"""The hover glossary: the names on docs/people.md and their one-line descriptions.

Each entry on the people page is a `### Name` heading, optionally with more names
to mark in an attribute list (`### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev" }`),
followed by one paragraph. That paragraph, without its citation markers, is what a
reader sees on hovering the name on any page. Both are read in the page's HTML as the static pass renders it
(rendered.py): an <h3>, its id and data-terms, and the <p> that follows it.

An alias can open only its own entry's card: it is the last word of the entry's heading, its
surname ("Tokayev" of "Kassym-Jomart Tokayev"), or listed for the entry's id in glossary_aliases.yml,
which a maintainer reviews, and then never part of another entry's name. A title ("President" of
"President of Belarus") is no surname. In a language whose names decline, an alias and a one-word heading are
marked in their case forms too (case_endings.yml: «Токаева» of «Токаев»); the ids stay the original's, so that a
card is the same person in every edition. Names are compared as a reader sees them: NFKC-normalised, look-alike
letters folded and without case, so "Erdoğan" with a combining breve is the same name as "Erdoğan", defined twice.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..corpus.characters import read_as
from ..lines import WordLocator
from ..problems import Problem, clip
from .textblocks import CALL, WORDS_OF_CALL
from .rendered import PERMALINK, Located, RenderedPage

PEOPLE_PAGE = "people.md"
ALIASES_FILE = "macros/pages/glossary_aliases.yml"
# entry id -> the other names it may go by that are not words of its heading
ALIASES: dict[str, list[str]] = yaml.safe_load((Path(__file__).parent / "glossary_aliases.yml").read_text("utf-8"))
# language -> how its names' endings change with their case
CASE_ENDINGS: dict[str, dict] = yaml.safe_load((Path(__file__).parent / "case_endings.yml").read_text("utf-8"))
MAX_TERMS = 10  # names of one entry: its heading and its data-terms
MAX_ENTRIES = 100
MAX_TERM_LENGTH = 80
WORD = re.compile(r"\w++(?:[-‐'’]\w++)*+")  # as text.cuts reads a name: "editor-in-chief", "RT’s" are one word each
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def read_glossary(path: str, rendered: RenderedPage, language: str) -> tuple[dict[str, str], list[Problem]]:
    """{term: description} for every entry of the people page, in the page's `language`; an alias's description
    starts with the entry's name, and its case forms share it."""
    entries, problems = _entries(path, rendered)
    glossary: dict[str, str] = {}
    seen: set[str] = set()  # the names as a reader sees them
    names = [(entry.name, entry.line) for entry in entries]
    for entry in entries:
        found = list(_alias_problems(path, entry, names))
        problems += found
        for term, written in [] if found else _written(entry, language):
            if _seen_as(written) in seen:
                problems.append(Problem(path, entry.line, "glossary term defined twice", repr(written)))
            seen.add(_seen_as(written))
            glossary[written] = entry.description if term == entry.name else f"{entry.name}: {entry.description}"
    return glossary, problems


def _written(entry: _Entry, language: str) -> Iterator[tuple[str, str]]:
    """(term, a way it is written) for each of the entry's terms: as given, then, for an alias or a one-word
    heading, in the other cases of the language."""
    for term in entry.terms:
        yield term, term
        if term != entry.name or len(_words(term)) == 1:
            yield from ((term, form) for form in case_forms(term, language))


def case_forms(name: str, language: str) -> list[str]:
    """The name in the other cases, as the language's closed list changes its last letters (case_endings.yml);
    none where it ends otherwise, or where the language's names do not decline."""
    rules = CASE_ENDINGS.get(language) or {}
    endings = rules.get("endings") or {}
    for ending in sorted(endings, key=len, reverse=True):
        if name.endswith(ending):
            return [name.removesuffix(ending) + other for other in endings[ending]]
    if name[-1:] and name[-1:] in rules.get("consonants", ""):
        return [name + other for other in rules["after_consonant"]]
    return []


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


@dataclass(frozen=True)
class EntryHeading:
    line: int  # where it is written in the page
    name: str  # as a reader sees it
    id: str  # its { #id }, the same in every edition, or ""
    tag: str = "h3"  # an entry's heading is an <h3>; any other element that carries an id is listed too


def entry_headings(rendered: RenderedPage) -> list[EntryHeading]:
    """The heading of each entry of the people page (each <h3>), and every other element that carries an id, in
    order: a translation's entry ids stand on headings of the original's level that name whom the original's of
    their ids name (editions/parity.py), since a name opens the card of its id, and a link lands on its id."""
    lines = _heading_lines(rendered)
    shown = [(node, _shown(node, rendered.key)) for node in rendered.root.traverse(include_text=False)
             if node.mem_id in lines]
    return [EntryHeading(lines[node.mem_id], name, node.attributes.get("id") or "", node.tag)
            for node, name in shown if name or node.tag != "h3"]


def _heading_lines(rendered: RenderedPage) -> dict[int, int]:
    """The line of each <h3> and of each other element that carries an id (by mem_id): a heading's words, looked
    for after the block before it, in the page's order (a name is also written in the paragraphs before its
    heading: «Назарбаев» in Tokayev's card); an element inside a block, at the block's first line."""
    located = {found.block.node.mem_id: found for found in rendered.blocks if found.first}
    locator, after, lines = WordLocator(rendered.where), 0, {}
    for node in rendered.root.traverse(include_text=False):
        if node.mem_id == rendered.root.mem_id:  # the page's own container, no element of its text
            continue
        block = _block_of(node, located)
        if block is not None:
            after = max(after, block.last + 1)
            lines.update({node.mem_id: block.first} if node.attributes.get("id") else {})
        elif node.tag == "h3" or node.attributes.get("id"):
            lines[node.mem_id] = locator.line_of(_shown(node, rendered.key), default=1, move=False, since=after)
            after = max(after, lines[node.mem_id] + 1)
    return lines


def _block_of(node, located: dict) -> Located | None:
    """The located block the node is, or stands inside."""
    while node is not None and node.mem_id not in located:
        node = node.parent
    return located[node.mem_id] if node is not None else None


def _entries(path: str, rendered: RenderedPage) -> tuple[list[_Entry], list[Problem]]:
    """Each well-formed entry of the page, and the problems of the others."""
    lines = _heading_lines(rendered)
    entries, problems, count = [], [], 0
    for heading in rendered.root.css("h3"):
        name = _shown(heading, rendered.key)
        line = lines[heading.mem_id]
        terms = [name, *(term.strip() for term in (heading.attributes.get("data-terms") or "").split(";")
                         if term.strip())]
        description, cited = _description(heading, rendered.key)
        problem = _entry_problem(terms, description, cited, count) if name else None
        if problem:
            problems.append(Problem(path, line, problem[0], clip(name, 60), problem[1]))
        elif name:
            entries.append(_Entry(line, name, heading.attributes.get("id") or "", terms, description))
            count += len(terms)
    return entries, problems


def _description(heading, key: str) -> tuple[str, bool]:
    """The words of what follows the heading, and whether it is a paragraph that cites."""
    following = heading.next
    while following is not None and following.tag in ("-text", "-comment") and not (following.text() or "").strip():
        following = following.next
    if following is None or following.tag in HEADINGS or following.tag.startswith("-"):
        return "", False
    cited = following.tag == "p" and any((sup.attributes.get(CALL) or "").partition(":")[0] == key
                                         for sup in following.css(f"sup[{CALL}]"))
    return _shown(following, key), cited


def _shown(node, key: str) -> str:
    """What a reader sees of it, without the citations' markers and words or a heading's ¶."""
    hidden = {inner.mem_id for element in node.traverse(include_text=False) if _hidden(element, key)
              for inner in element.traverse(include_text=True)}
    return " ".join("".join(piece.text(deep=False) or "" for piece in node.traverse(include_text=True)
                            if piece.tag == "-text" and piece.mem_id not in hidden).split())


def _hidden(element, key: str) -> bool:
    return (element.attributes.get(CALL) or "").partition(":")[0] == key or \
        element.attributes.get(WORDS_OF_CALL) == key or PERMALINK in (element.attributes.get("class") or "").split()


def _entry_problem(terms: list[str], description: str, cited: bool, count: int) -> tuple[str, str] | None:
    """(rule, what to do) if the entry may not be in the glossary; `count` names are in it so far."""
    if not description:
        return "glossary entry has no description", "follow the heading with a one-paragraph description"
    if not cited:
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
