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
    footnotes = html_text.find(FOOTNOTES)
    end = footnotes if footnotes >= 0 else len(html_text)  # the references come last and are not marked
    skipped = SKIPPED.finditer(html_text, 0, end)  # the tags that open and close unmarked text, in order
    upcoming = next(skipped, None)
    described: set[str] = set()
    pieces, done, depth = [], 0, 0
    for match in _mentions(pattern, html_text, end):
        while upcoming and upcoming.start() < match.start():
            depth = _skip_depth(upcoming, depth)
            upcoming = next(skipped, None)
        if depth or _inside_tag(html_text, match.start()) or glossary[match.group(1)] in described:
            continue
        described.add(glossary[match.group(1)])
        pieces += [html_text[done:match.start()], _abbr(match.group(1), glossary)]
        done = match.end()
    return "".join(pieces) + html_text[done:]


FOOTNOTES = '<div class="footnote"'
WORD_OR_HYPHEN = re.compile(r"[\w-]")
SKIPPED = re.compile(r"<(/?)(a|q|h[1-6]|abbr|code|pre|sup|cite|script|style|button|mark)\b[^>]*>", re.I)


def _inside_tag(html_text: str, position: int) -> bool:
    """A name in an attribute value, not in the text."""
    return html_text.rfind("<", 0, position) > html_text.rfind(">", 0, position)


def _terms_pattern(glossary: dict[str, str]):
    if not glossary:
        return None
    terms = sorted(glossary, key=len, reverse=True)  # "Kassym-Jomart Tokayev" before "Tokayev"
    return re.compile("(" + "|".join(re.escape(term) for term in terms) + r")(?![\w-])")


def _mentions(pattern: re.Pattern, html_text: str, end: int):
    """The matches of `pattern` that no word character or hyphen precedes. A lookbehind in the
    pattern would do the same, but a pattern that starts with its terms lets the regular-expression
    engine skip ahead to their first letters: twice as fast."""
    position = 0
    while match := pattern.search(html_text, position, end):
        if match.start() and WORD_OR_HYPHEN.match(html_text, match.start() - 1):
            position = match.start() + 1  # a shorter term may still start later inside this one
            continue
        yield match
        position = match.end()


def _skip_depth(tag: re.Match, depth: int) -> int:
    if tag.group(0).endswith("/>"):
        return depth
    return max(0, depth - 1) if tag.group(1) else depth + 1


def _abbr(term: str, glossary: dict[str, str]) -> str:
    return f'<abbr title="{html.escape(glossary[term], quote=True)}" tabindex="0">{term}</abbr>'
