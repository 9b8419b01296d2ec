"""Plain-text handling of source texts: paragraphs and matching normalisation.

Matching compares normalised text, but every match is mapped back to the
source's own characters, so the site never shows the contributor's typing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # a line holding only whitespace (incl. NBSP)
ELLIPSIS = "…"

_TYPOGRAPHIC = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based, in the order of the source
    text: str  # the source's own characters, stripped
    line: int  # 1-based line of the file where the paragraph starts


@dataclass(frozen=True)
class Normalised:
    text: str
    origin: tuple[int, ...]  # origin[i] = index in the raw text of text[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span covering the normalised span [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blocks of text separated by blank lines, numbered from 1."""
    paragraphs = []
    position = 0
    for block in BLANK_LINE.split(text):
        stripped = block.strip()
        if stripped:
            offset = text.find(stripped, position)
            position = offset + len(stripped)
            line = text.count("\n", 0, offset) + 1
            paragraphs.append(Paragraph(len(paragraphs) + 1, stripped, line))
    return paragraphs


def normalise(raw: str) -> Normalised:
    """Fold whitespace runs to one space and typographic variants to ASCII."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(raw):
        if char.isspace() or char in "\u200b\ufeff":
            if chars and chars[-1] == " ":
                continue
            char = " "
        for folded in _TYPOGRAPHIC.get(char, char):
            chars.append(folded)
            origin.append(index)
    return Normalised("".join(chars), tuple(origin))


def fold(raw: str) -> str:
    """Normalised text alone, trimmed: what a contributor's passage is compared as."""
    return normalise(raw).text.strip()
