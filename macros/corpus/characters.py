"""Characters a seed text or the catalogue may not hold, and the ones the site never applies.

Control characters (NUL, C0, DEL, C1) have no place in a collected text: they hide from a reviewer and
break what reads the text. Bidirectional and invisible format characters can reorder or hide what a page
shows ("13" displayed as "31"): a seed keeps them, as evidence, and the site shows each as its code point
(macros/render/visible.py); the catalogue, which contributors write, may not hold them. Pure Python.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html.entities import html5

from ..problems import Problem

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab, line feed and carriage return
# U+202A–U+202E (embeddings and overrides: "13" between U+202E and U+202C displays as "31"), U+2066–U+2069
# (isolates), U+200B–U+200F (zero-width space, non-joiner and joiner, the left-to-right and right-to-left marks),
# U+2060 (word joiner), U+FEFF (zero-width no-break space, also the byte-order mark), U+061C (Arabic letter mark)
FORMAT = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
RULE = "bidirectional and invisible format characters are not allowed"
HINT = "they make text display in another order than it reads, or hide what it holds: delete them"


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    return f"{code_point(char)} {unicodedata.name(char, '')}".strip()


def found_in(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line, character) of each format character in `text`, each character once a line, in order."""
    seen, line, position = set(), 1, 0
    for match in FORMAT.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if (line, match.group()) not in seen:
            seen.add((line, match.group()))
            yield line, match.group()


def written_as(char: str) -> list[str]:
    """The ways a page can write the character in HTML: itself, and its character references."""
    names = sorted(f"&{name}" for name, value in html5.items() if value == char)
    return [char, f"&#x{ord(char):x};", f"&#{ord(char)};", *names]


def first_of_each(pattern: re.Pattern, text: str) -> Iterator[tuple[int, str]]:
    """(line, character) for the first occurrence of each different character the pattern finds."""
    seen = {}
    for found in pattern.finditer(text):
        seen.setdefault(found.group(), found.start())
    for char, offset in sorted(seen.items(), key=lambda item: item[1]):
        yield text.count("\n", 0, offset) + 1, char


def control_problems(text: str, where: str) -> Iterator[Problem]:
    """A seed text's control characters, one problem for each different one, at its first line."""
    for line, char in first_of_each(CONTROL, text):
        yield Problem(where, line, "seed text holds a control character", code_point(char),
                      "a seed text may hold tab, line feed and carriage return, no other control character: "
                      "add the text without them, as a reader saw it")


def format_problems(text: str, where: str) -> Iterator[Problem]:
    """The catalogue's bidirectional and invisible format characters, one problem for each different one."""
    for line, char in first_of_each(FORMAT, text):
        yield Problem(where, line, "bidirectional and invisible format characters are not allowed in the "
                      "catalogue", code_point(char), "delete it; quote evidence that does not hold one")
