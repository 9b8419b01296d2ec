"""Names of people and organisations show their people-page description on their first mention.

The names are marked in the element tree Python-Markdown builds for a page, after its inline
patterns have run (mkdocs_plugin/treesteps.py registers the step): only in text that Markdown
itself made, outside links, quotations (inline and block), headings, code, citation markers and the
references.
Raw HTML stays as its author wrote it. The <abbr> is a new element, so the serializer escapes its
description like any attribute value, and the work runs inside the page's render budget.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from markdown.util import HTML_PLACEHOLDER_RE  # Python-Markdown's stand-in for a piece of raw HTML

SKIPPED = {"a", "q", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "code", "pre", "sup", "cite", "script",
           "style", "button", "mark", "kbd", "samp"}


def mark_first_mentions(root: Element, glossary: dict[str, str], stashed=lambda index: "") -> None:
    """Wrap the first mention of each entry (a name and its aliases share one description) in <abbr>.

    Raw inline HTML stands in the text as Python-Markdown's placeholders; `stashed(index)` gives
    the tag a placeholder stands for, so that text inside a raw <q>, <a> or <code> is left alone.
    """
    pattern = terms_pattern(glossary)
    if pattern is None:
        return
    described: set[str] = set()
    depth = [0]  # of raw skipped tags open, across the text runs in document order
    for owner, parent, is_tail in _text_slots(root):
        text = owner.tail if is_tail else owner.text
        if not text:
            continue
        pieces = _split(text, pattern, glossary, described, _outside_raw_tags(text, stashed, depth))
        if len(pieces) > 1:
            _insert(owner, parent, is_tail, pieces)
        if len(described) == len(set(glossary.values())):
            return


def terms_pattern(glossary: dict[str, str]) -> re.Pattern | None:
    if not glossary:
        return None
    terms = sorted(glossary, key=len, reverse=True)  # "Kassym-Jomart Tokayev" before "Tokayev"
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(term) for term in terms) + r")(?![\w-])")


def _text_slots(root: Element):
    """(element, its parent, is_tail) for every run of text Markdown made outside skipped elements,
    in document order: an element's text, then each child's subtree and the text after it."""
    stack = [(root, None, False)]
    while stack:
        element, parent, is_tail = stack.pop()
        if is_tail:
            yield element, parent, True
            continue
        if _skipped(element):
            continue
        yield element, parent, False
        for child in reversed(list(element)):
            stack.append((child, element, True))  # the text after the child, once its subtree is done
            stack.append((child, element, False))


def _skipped(element: Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.lower() in SKIPPED or "footnote" in (element.get("class") or "")


def _outside_raw_tags(text: str, stashed, depth: list[int]) -> list[tuple[int, int]]:
    """The spans of `text` outside raw skipped elements, given the depth before it; updates the depth."""
    spans, start = [], 0
    for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
        name, opens = _first_tag(stashed(int(placeholder.group(1))))
        if name not in SKIPPED or opens is None:
            continue
        if depth[0] == 0:
            spans.append((start, placeholder.start()))
        depth[0] = depth[0] + 1 if opens else max(0, depth[0] - 1)
        start = placeholder.end()
    if depth[0] == 0:
        spans.append((start, len(text)))
    return spans


class _FirstTag(HTMLParser):
    """The first tag of a piece of raw HTML, read by Python's HTML tokenizer, the one Python-Markdown
    reads raw HTML with (markdown.htmlparser): (name, True) for a start tag, (name, False) for an
    end tag, (name, None) for a self-closing one. A piece of inline HTML is one tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: tuple[str, bool | None] = ("", None)

    def _found(self, name: str, opens: bool | None) -> None:
        if not self.found[0]:
            self.found = (name, opens)

    def handle_starttag(self, tag, attrs):
        self._found(tag, True)

    def handle_endtag(self, tag):
        self._found(tag, False)

    def handle_startendtag(self, tag, attrs):
        self._found(tag, None)


def _first_tag(piece: str) -> tuple[str, bool | None]:
    reader = _FirstTag()
    reader.feed(piece)
    reader.close()
    return reader.found


def _split(text: str, pattern: re.Pattern, glossary: dict[str, str], described: set[str],
           outside: list[tuple[int, int]]) -> list:
    """The text cut around the first mentions it holds: [text, (name, description), text, …]."""
    pieces, done = [], 0
    for match in pattern.finditer(text):
        description = glossary[match.group(1)]
        if description in described or not any(start <= match.start() and match.end() <= end
                                                for start, end in outside):
            continue
        described.add(description)
        pieces += [text[done:match.start()], (match.group(1), description)]
        done = match.end()
    return pieces + [text[done:]]


def _insert(owner: Element, parent: Element | None, is_tail: bool, pieces: list) -> None:
    marks = []
    for name, description in pieces[1::2]:
        abbr = Element("abbr", {"title": description, "tabindex": "0"})
        abbr.text = name
        marks.append(abbr)
    for abbr, after in zip(marks, pieces[2::2]):
        abbr.tail = after
    if is_tail:
        owner.tail = pieces[0]
        at = list(parent).index(owner) + 1
        for offset, abbr in enumerate(marks):
            parent.insert(at + offset, abbr)
    else:
        owner.text = pieces[0]
        for offset, abbr in enumerate(marks):
            owner.insert(offset, abbr)
