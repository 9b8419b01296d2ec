"""Plain-text handling of source texts: paragraphs and matching normalisation.

Matching compares normalised text, but every match is mapped back to the
source's own characters, so the site never shows the contributor's typing.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, repeat

NUMBER_SEPARATORS = ",."  # "2,238" and "2.7" are one number each: a part may not start or end inside one
WORD_JOINERS = "-'"  # as folded: "anti-Russian" and "Nazarbayev's" are one word each, "30-year" too
BLANK_LINE = re.compile(r"\n[^\S\n]*+\n")  # a line holding only whitespace (incl. NBSP)
LINE_BREAK = re.compile(r"\n")
ELLIPSIS = "…"

_TYPOGRAPHIC = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}
_SPACE = r"[\s\u200b\ufeff]"  # \s matches exactly what str.isspace() accepts; plus the zero-width ones
# What folding changes, found by scanning for one character class first (much faster than alternatives).
_CHANGES = re.compile(rf"""
    [\s\u200b\ufeff{re.escape("".join(_TYPOGRAPHIC))}]   # a character folding may change,
    (?<!\ (?!{_SPACE}))                                  # but not a lone plain space: it stays as it is;
    (?:(?<={_SPACE}) {_SPACE}*)?                         # whitespace takes the rest of its run
""", re.VERBOSE)


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


def split_paragraphs(text: str, by_lines: bool = False) -> list[Paragraph]:
    """Blocks of text separated by blank lines (or, `by_lines`, each non-blank line), numbered from 1."""
    paragraphs = []
    position, line = 0, 1
    for block in (LINE_BREAK if by_lines else BLANK_LINE).split(text):
        stripped = block.strip()
        if stripped:
            offset = text.find(stripped, position)
            line += text.count("\n", position, offset)
            paragraphs.append(Paragraph(len(paragraphs) + 1, stripped, line))
            line += stripped.count("\n")
            position = offset + len(stripped)
    return paragraphs


def normalise(raw: str) -> Normalised:
    """Fold whitespace runs to one space and typographic variants to ASCII."""
    pieces: list[str] = []
    origins: list[Iterable[int]] = []  # for each piece, the raw index of each of its characters
    done = 0
    for change in _CHANGES.finditer(raw):
        start = change.start()
        folded = _folded(change)
        pieces += (raw[done:start], folded)
        origins += (range(done, start), repeat(start, len(folded)))
        done = change.end()
    pieces.append(raw[done:])
    origins.append(range(done, len(raw)))
    return Normalised("".join(pieces), tuple(chain.from_iterable(origins)))


def fold(raw: str) -> str:
    """Normalised text alone, trimmed: what a contributor's passage is compared as."""
    return _CHANGES.sub(_folded, raw).strip()


def _folded(change: re.Match) -> str:
    return _TYPOGRAPHIC.get(change.group(), " ")


def cuts(text: str, offset: int) -> bool:
    """Whether a part of a passage that starts or ends at `offset` of `text` cuts a word or a number:
    it would lie between two letters, two digits, inside a digit-separator-digit run ("2,238"), or inside
    a word joined by a hyphen or an apostrophe ("anti-Russian", "Nazarbayev's")."""
    if offset <= 0 or offset >= len(text):
        return False
    before, after = text[offset - 1], text[offset]
    if (_letter(before) and _letter(after)) or (before.isdecimal() and after.isdecimal()):
        return True
    if after in NUMBER_SEPARATORS and before.isdecimal():
        return text[offset + 1: offset + 2].isdecimal()
    if before in NUMBER_SEPARATORS and after.isdecimal() and text[offset - 2: offset - 1].isdecimal():
        return True
    if after in WORD_JOINERS and _word_char(before):
        return _word_char(text[offset + 1: offset + 2])
    return before in WORD_JOINERS and _word_char(after) and _word_char(text[offset - 2: offset - 1])


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) of `text` widened to the whole words and numbers it cuts."""
    while cuts(text, start):
        start -= 1
    while cuts(text, end):
        end += 1
    return start, end


def _word_char(char: str) -> bool:
    return bool(char) and (_letter(char) or char.isdecimal())


def _letter(char: str) -> bool:
    return char.isalpha() or unicodedata.category(char).startswith("M")  # a combining accent joins its letter
