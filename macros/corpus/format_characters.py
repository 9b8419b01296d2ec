"""Bidirectional and invisible format characters: text that displays otherwise than it reads.

U+202A–U+202E (embeddings and overrides: "13" between U+202E and U+202C displays as "31"),
U+2066–U+2069 (isolates), U+200B–U+200F (zero-width space, non-joiner and joiner, the
left-to-right and right-to-left marks), U+2060 (word joiner), U+FEFF (zero-width no-break
space, which is also the byte-order mark) and U+061C (Arabic letter mark). Pure Python:
nothing here imports MkDocs.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html.entities import html5

FORMAT_CHARACTERS = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff\u061c]")
RULE = "bidirectional and invisible format characters are not allowed"
HINT = "they make text display in another order than it reads, or hide what it holds: delete them"


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()


def found_in(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line, character) of each such character in `text`, each character once a line, in order."""
    seen, line, position = set(), 1, 0
    for match in FORMAT_CHARACTERS.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if (line, match.group()) not in seen:
            seen.add((line, match.group()))
            yield line, match.group()


def written_as(char: str) -> list[str]:
    """The ways a page can write the character in HTML: itself, and its character references."""
    names = sorted(f"&{name}" for name, value in html5.items() if value == char)
    return [char, f"&#x{ord(char):x};", f"&#{ord(char)};", *names]
