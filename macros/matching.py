"""Find a contributor's passage in a source: one paragraph, elisions in order, no ambiguity."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .text import ELLIPSIS, Normalised, Paragraph, fold, normalise

WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Match:
    paragraph: Paragraph
    spans: tuple[tuple[int, int], ...]  # raw character spans in paragraph.text, in order
    leading_elision: bool
    trailing_elision: bool

    @property
    def parts(self) -> list[str]:
        return [self.paragraph.text[a:b] for a, b in self.spans]

    @property
    def passage(self) -> str:
        """The cited text in the source's own characters, elisions shown as ' … '."""
        text = f" {ELLIPSIS} ".join(self.parts)
        if self.leading_elision:
            text = f"{ELLIPSIS} {text}"
        if self.trailing_elision:
            text = f"{text} {ELLIPSIS}"
        return text


@dataclass(frozen=True)
class Failure:
    reason: str  # "empty", "not-found", "ambiguous", "across-paragraphs"
    detail: str


def split_elisions(passage: str) -> tuple[list[str], bool, bool]:
    """Parts of a passage written with '…' elisions, each folded for matching."""
    pieces = [fold(piece) for piece in passage.split(ELLIPSIS)]
    leading = len(pieces) > 1 and not pieces[0]
    trailing = len(pieces) > 1 and not pieces[-1]
    inner = pieces[int(leading): len(pieces) - int(trailing)]
    return inner, leading, trailing


def _occurrences(haystack: str, needle: str, start: int):
    position = haystack.find(needle, start)
    while position != -1:
        yield position
        position = haystack.find(needle, position + 1)


def _alignments(haystack: str, parts: list[str], start: int = 0):
    """Every way the parts occur in order (each after the previous one ends)."""
    first, rest = parts[0], parts[1:]
    for position in _occurrences(haystack, first, start):
        end = position + len(first)
        if not rest:
            yield ((position, end),)
            continue
        for tail in _alignments(haystack, rest, end):
            yield ((position, end),) + tail


def find_passage(paragraphs: list[Paragraph], normalised: list[Normalised], passage: str) -> Match | Failure:
    parts, leading, trailing = split_elisions(passage)
    if not parts or any(not part for part in parts):
        return Failure("empty", "an empty passage, or two elisions with nothing between them")
    found = []
    for paragraph, norm in zip(paragraphs, normalised):
        if parts[0] not in norm.text:
            continue  # the common case, decided without starting the search below
        for alignment in _alignments(norm.text, parts):
            found.append((paragraph, norm, alignment))
            if len(found) > 1:
                break
        if len(found) > 1:
            break
    if len(found) > 1:
        where = sorted({paragraph.number for paragraph, _, _ in found})
        places = "paragraph " + " and ".join(map(str, where))
        return Failure("ambiguous", f"it occurs more than once ({places}); quote more words so it is unique")
    if not found:
        return _explain_missing(paragraphs, normalised, parts)
    paragraph, norm, alignment = found[0]
    spans = tuple(norm.raw_span(a, b) for a, b in alignment)
    return Match(paragraph, spans, leading, trailing)


def _explain_missing(paragraphs, normalised, parts) -> Failure:
    joined = " ".join(norm.text for norm in normalised)
    if next(_alignments(joined, parts), None):
        return Failure("across-paragraphs", "it runs across a paragraph break; a quote must lie within one paragraph")
    missing = [part for part in parts if not any(part in norm.text for norm in normalised)]
    if not missing:
        return Failure("not-found", "each part occurs, but not in this order within one paragraph")
    return Failure("not-found", closest_passage(paragraphs, missing[0]))


def closest_passage(paragraphs: list[Paragraph], wanted: str) -> str:
    """The run of source words most like `wanted`, as 'paragraph N: "…"'."""
    size = max(1, len(wanted.split()))
    best_score, best = -1.0, None
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for paragraph in paragraphs:
        words = list(WORD.finditer(paragraph.text))
        for index in range(max(1, len(words) - size + 1)):
            window = words[index: index + size]
            raw = paragraph.text[window[0].start(): window[-1].end()]
            matcher.set_seq1(fold(raw))
            if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                continue
            score = matcher.ratio()
            if score > best_score:
                best_score, best = score, (paragraph.number, raw)
    if best is None:
        return "the source has no text"
    number, raw = best
    return f'closest passage, paragraph {number}: "{raw}"'
