"""The hover glossary: names on docs/people.md and their one-line descriptions.

Each entry on the people page is a `### Name` heading, optionally with more names
to mark in an attribute list (`### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev" }`),
followed by one paragraph. That paragraph, without its citation markers, is what a
reader sees on hovering the name on any page. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re

from .problems import Problem

PEOPLE_PAGE = "people.md"
ENTRY = re.compile(r"^###\s+(?P<name>.+?)\s*(?:\{:?(?P<attrs>[^}]*)\})?\s*$")
TERMS = re.compile(r'data-terms="([^"]*)"')
MACRO_CALL = re.compile(r"\{\{.*?\}\}", re.S)
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def read_glossary(path: str, body: str, offset: int = 0) -> tuple[dict[str, str], list[Problem]]:
    """{term: description} for every entry of the people page; `offset` lines precede the body."""
    lines = body.split("\n")
    glossary: dict[str, str] = {}
    problems = []
    for number, line in enumerate(lines, 1):
        entry = ENTRY.match(line)
        if not entry:
            continue
        description = _plain(_paragraph_after(lines, number))
        if not description:
            problems.append(Problem(path, offset + number, "glossary entry has no description",
                                    entry["name"], "follow the heading with a one-paragraph description"))
            continue
        terms = [entry["name"]]
        extra = TERMS.search(entry["attrs"] or "")
        if extra:
            terms += [term.strip() for term in extra.group(1).split(";") if term.strip()]
        for term in terms:
            if term in glossary:
                problems.append(Problem(path, offset + number, "glossary term defined twice", repr(term)))
            glossary[term] = description
    return glossary, problems


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
    text = MACRO_CALL.sub("", markdown)
    text = LINK.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def abbreviations(glossary: dict[str, str]) -> str:
    """Markdown abbreviation definitions: the abbr extension marks every use of each term."""
    if not glossary:
        return ""
    lines = [f"*[{term}]: {description}" for term, description in sorted(glossary.items())]
    return "\n\n" + "\n".join(lines) + "\n"
