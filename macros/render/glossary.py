"""Names of people and organisations show their people-page description on their first mention.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import re

FOOTNOTES = '<div class="footnote"'
WORD_OR_HYPHEN = re.compile(r"[\w-]")
# Tags that open or close text the glossary leaves alone. A tag stops at the next < or >.
SKIPPED = re.compile(r"<(/?)(a|q|h[1-6]|abbr|code|pre|sup|cite|script|style|button|mark)\b[^<>]*+>", re.I)


def mark_first_mentions(html_text: str, glossary: dict[str, str]) -> str:
    """Wrap the first mention of each person or organisation in running text in <abbr title>.

    Only text outside links, quotations, headings, code and the references is marked, and only
    once per entry (a name and its aliases share one description). One pass over the page.
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
    in_tag, scanned = False, 0
    for match in _mentions(pattern, html_text, end):
        while upcoming and upcoming.start() < match.start():
            depth = _skip_depth(upcoming, depth)
            upcoming = next(skipped, None)
        in_tag, scanned = _inside_tag(html_text, scanned, match.start(), in_tag), match.start()
        description = glossary[match.group(1)]
        if depth or in_tag or description in described:
            continue
        described.add(description)
        pieces += [html_text[done:match.start()], _abbr(match.group(1), description)]
        done = match.end()
        if len(described) == len(set(glossary.values())):
            break
    return "".join(pieces) + html_text[done:]


def _inside_tag(html_text: str, scanned: int, position: int, was_inside: bool) -> bool:
    """Whether `position` is inside a tag (a name in an attribute), from the state at `scanned`:
    only the text between the two is read."""
    opening = html_text.rfind("<", scanned, position)
    closing = html_text.rfind(">", scanned, position)
    if opening < 0 and closing < 0:
        return was_inside
    return opening > closing


def _terms_pattern(glossary: dict[str, str]):
    if not glossary:
        return None
    terms = sorted(glossary, key=len, reverse=True)  # "Kassym-Jomart Tokayev" before "Tokayev"
    return re.compile("(" + "|".join(re.escape(term) for term in terms) + r")(?![\w-])")


def _mentions(pattern: re.Pattern, html_text: str, end: int):
    """The matches of `pattern` that no word character or hyphen precedes."""
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


def _abbr(term: str, description: str) -> str:
    return f'<abbr title="{html.escape(description, quote=True)}" tabindex="0">{term}</abbr>'
