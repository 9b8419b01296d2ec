"""The tags of a built HTML page, found with regular expressions.

The post-build checks read the HTML that Python-Markdown, Jinja and the engine
wrote. html.parser gave them the same answers (tests/test_site.py compares the
two on every built page) at five times the cost, a tenth of the whole build:
here the regular-expression engine passes over every tag a check does not need.
Comments and the content of <script> and <style> hold no tags.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from typing import NamedTuple

# Possessive (++, *+) so that a tag that does not match fails at once, without backtracking.
VALUES = r"""(?:[^<>"']++|"[^"]*+"|'[^']*+')*+"""  # attribute text; quoted values may hold > or <
SKIPPED = (r"<!--.*?(?:-->|\Z)"
           rf"|<(?P<raw>script|style)\b(?P<raw_attributes>{VALUES})>.*?(?:</(?P=raw)\s*>|\Z)")
TAG = re.compile(rf"{SKIPPED}|<(?P<end>/)?(?P<name>[a-zA-Z][-.:\w]*+)(?P<attributes>{VALUES})>", re.S | re.I)
ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


@dataclass(slots=True)
class Tag:
    name: str  # lower case
    attributes: dict[str, str | None]  # lower-case names, character references decoded; first of a name wins
    line: int
    start: int  # offsets in the page
    end: int
    closing: bool = False  # </name>
    self_closing: bool = False  # <name … />


class StartTag(NamedTuple):
    """A start tag as found, its attributes read only when asked for."""

    name: str  # lower case
    attribute_text: str
    line: int
    start: int  # offset in the page

    @property
    def attributes(self) -> dict[str, str | None]:
        return attributes(self.attribute_text)

    @property
    def self_closing(self) -> bool:
        return self.attribute_text.rstrip().endswith("/")


@functools.lru_cache
def _having(attribute: str) -> re.Pattern:
    """Comments, raw-text elements, and start tags with an attribute that `attribute` matches whole."""
    before = rf"""(?:[^<>"'\s]++|\s(?!{attribute})|"[^"]*+"|'[^']*+')*+"""
    return re.compile(rf"{SKIPPED}|<(?P<name>[a-zA-Z][-.:\w]*+)(?P<attributes>{before}\s(?:{attribute}){VALUES})>",
                      re.S | re.I)


def start_tags_having(page: str, attribute: str):
    """The start tags with an attribute that the regular expression `attribute` matches from its
    name on (e.g. r"(?:id|href)\\s*="), in order. No other tag becomes a Python object."""
    line, counted = 1, 0
    for match in _having(attribute).finditer(page):
        text = match.group("attributes")
        if text is None:
            text = match.group("raw_attributes")
            if text is None or not re.search(rf"\s(?:{attribute})", text, re.I):
                continue  # a comment, or a script or style element without the attribute
        line += page.count("\n", counted, match.start())
        counted = match.start()
        yield StartTag((match.group("name") or match.group("raw")).lower(), text, line, match.start())


def tags(page: str, start: int = 0, line: int = 1):
    """Every start and end tag from offset `start` (on line `line`) on, in order."""
    counted = start
    for match in TAG.finditer(page, start):
        name = match.group("name") or match.group("raw")
        if not name:
            continue  # a comment
        line += page.count("\n", counted, match.start())
        counted = match.start()
        if match.group("raw"):
            yield _tag(name, match.group("raw_attributes"), line, match)
            yield Tag(name.lower(), {}, line + match.group(0).count("\n"), match.end(), match.end(), True)
        elif match.group("end"):
            yield Tag(name.lower(), {}, line, match.start(), match.end(), True)
        else:
            yield _tag(name, match.group("attributes"), line, match)


def _tag(name: str, text: str, line: int, match: re.Match) -> Tag:
    return Tag(name.lower(), attributes(text), line, match.start(), match.end(),
               self_closing=text.rstrip().endswith("/"))


def attributes(text: str) -> dict[str, str | None]:
    """Attribute names and values; the first of a name wins, as in the DOM."""
    found: dict[str, str | None] = {}
    for name, value in attribute_pairs(text):
        found.setdefault(name, value)
    return found


def attribute_pairs(text: str):
    """(lower-case name, value with character references decoded, or None for <a hidden>), in order."""
    for name, assigned, double, single, bare in ATTRIBUTE.findall(text):
        value = (double or single or bare) if assigned else None
        yield name.lower(), html.unescape(value) if value and "&" in value else value


def text_between(page: str, before: Tag, after: Tag) -> str:
    """The text between two tags, character references decoded."""
    return html.unescape(page[before.end:after.start])
