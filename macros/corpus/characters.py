"""Characters a seed text or the catalogue may not hold, and the ones the site never applies.

Control characters (NUL, C0, DEL, C1) have no place in a collected text: they hide from a reviewer and
break what reads the text. Bidirectional and invisible format characters can reorder or hide what a page
shows ("13" displayed as "31"): a seed keeps them, as evidence, and the site shows each as its code point
(macros/render/visible.py); the catalogue, which contributors write, may not hold them. Pure Python.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab, line feed and carriage return
FORMAT = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


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
