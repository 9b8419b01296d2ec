"""The hover glossary: names on docs/people.md and their one-line descriptions.

Each entry on the people page is a `### Name` heading, optionally with more names
to mark in an attribute list (`### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev" }`),
followed by one paragraph. That paragraph, without its citation markers, is what a
reader sees on hovering the name on any page. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import html
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


def mark_first_mentions(html_text: str, glossary: dict[str, str]) -> str:
    """Wrap the first mention of each person or organisation in running text in <abbr title>.

    Only text outside links, quotations, headings, code and the references is marked, and only
    once per entry (a name and its aliases share one description).
    """
    pattern = _terms_pattern(glossary)
    if pattern is None:
        return html_text
    described: set[str] = set()
    pieces = HTML_PIECES.split(html_text)  # text, tag, text, tag, …
    skipping = 0
    for index, piece in enumerate(pieces):
        if index % 2 == 0 and not skipping:
            pieces[index] = pattern.sub(lambda m: _mark(m, glossary, described), piece)
        elif index % 2:
            if FOOTNOTES.match(piece):
                break  # the references come last and are not marked
            skipping = _skip_depth(piece, skipping)
    return "".join(pieces)


HTML_PIECES = re.compile(r"(<[^>]*>)")
FOOTNOTES = re.compile(r'<div class="footnote"')
SKIPPED = re.compile(r"<(/?)(a|q|h[1-6]|abbr|code|pre|sup|cite|script|style|button|mark)\b", re.I)


def _terms_pattern(glossary: dict[str, str]):
    if not glossary:
        return None
    terms = sorted(glossary, key=len, reverse=True)  # "Kassym-Jomart Tokayev" before "Tokayev"
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(term) for term in terms) + r")(?![\w-])")


def _skip_depth(tag: str, depth: int) -> int:
    found = SKIPPED.match(tag)
    if not found or tag.endswith("/>"):
        return depth
    return max(0, depth - 1) if found.group(1) else depth + 1


def _mark(match, glossary: dict[str, str], described: set[str]) -> str:
    term = match.group(1)
    description = glossary[term]
    if description in described:
        return term
    described.add(description)
    return f'<abbr title="{html.escape(description, quote=True)}" tabindex="0">{term}</abbr>'
