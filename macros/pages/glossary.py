"""The hover glossary: the names on docs/people.md and their one-line descriptions.

Each entry on the people page is a `### Name` heading, optionally with more names
to mark in an attribute list (`### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev" }`),
followed by one paragraph. That paragraph, without its citation markers, is what a
reader sees on hovering the name on any page. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re

from ..problems import Problem, clip
from .frontmatter import FrontMatter

PEOPLE_PAGE = "people.md"
MAX_TERMS = 10  # names of one entry: its heading and its data-terms
MAX_ENTRIES = 100
MAX_TERM_LENGTH = 80
TERMS = re.compile(r'data-terms="([^"]*+)"')
LINK = re.compile(r"\[([^\[\]]++)\]\([^()\[\]]*+\)")
EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=\S)([^*\n]++)(?<=\S)\*{1,2}(?![\w*])")


def read_glossary(path: str, front: FrontMatter) -> tuple[dict[str, str], list[Problem]]:
    """{term: description} for every entry of the people page; an alias's description starts with the entry's name."""
    lines = front.body.split("\n")
    glossary: dict[str, str] = {}
    problems = []
    for number, line in enumerate(lines, 1):
        entry = _entry(line)
        if not entry:
            continue
        name, attributes = entry
        paragraph = _paragraph_after(lines, number)
        description = _plain(paragraph)
        if not description:
            problems.append(Problem(path, front.offset + number, "glossary entry has no description", name,
                                    "follow the heading with a one-paragraph description"))
            continue
        if "{{" not in paragraph or paragraph.startswith("<"):
            problems.append(Problem(path, front.offset + number, "glossary description must be a cited paragraph",
                                    name, "the text after the heading shows on every page: write it in Markdown, "
                                    "with its citation"))
            continue
        terms = [name]
        extra = TERMS.search(attributes)
        if extra:
            terms += [term.strip() for term in extra.group(1).split(";") if term.strip()]
        limit = _limit_problem(terms, len(glossary))
        if limit:
            problems.append(Problem(path, front.offset + number, limit, clip(name, 60),
                                    "the glossary marks every name on every page: keep it to the people and "
                                    "organisations a reader needs"))
            continue
        for term in terms:
            if term in glossary:
                problems.append(Problem(path, front.offset + number, "glossary term defined twice", repr(term)))
            glossary[term] = description if term == name else f"{name}: {description}"  # an alias says whose
    return glossary, problems


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
