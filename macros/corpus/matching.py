"""Find a contributor's passage in a source: inside one paragraph, elisions in order, exactly once.

The work is linear in the paragraph's length: two searches of it per part, one
for the earliest way the parts occur in order and one for the latest; the
passage is unique when they are the same way. Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from .meter import Meter
from .text import ELLIPSIS, Normalised, Paragraph, cuts, fold, whole_words

WORD = re.compile(r"\S+")
MAX_LENGTH = 1000  # characters of a passage; longer quotes leave words out with …
MAX_PARTS = 10
CLOSEST_WORDS = 20  # the closest passage is looked for with the first words of the part not found
CLOSEST_WINDOWS = 3_000  # runs of source words compared, at most, for one closest passage
CLOSEST_SCORED = 8  # of those, the most alike by a quick count are scored in full
CLOSEST_CHARS = 300  # characters of a run, and of the words looked for: scoring costs their product


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
    reason: str  # "empty", "too-long", "not-found", "ambiguous", "across-paragraphs", "cut"
    detail: str  # what to do, or what the source says instead


class Explanations:
    """How many more failures of a run get their closest passage: the search costs time, and a
    contributor reads the first errors of a list."""

    def __init__(self, count: int = 20):
        self.left = count

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


@dataclass(frozen=True)
class Alignment:
    ways: int  # how many ways the parts occur in order: 0, 1, or 2 for two or more
    spans: tuple[tuple[int, int], ...]  # the first way, in offsets of the text; () if none
    steps: int  # searches of the text made: 2 × parts, and one more for each occurrence cut inside a word


def split_elisions(passage: str) -> tuple[list[str], bool, bool]:
    """Parts of a passage written with '…' elisions, each folded for matching."""
    pieces = [fold(piece) for piece in passage.split(ELLIPSIS)]
    leading = len(pieces) > 1 and not pieces[0]
    trailing = len(pieces) > 1 and not pieces[-1]
    inner = pieces[int(leading): len(pieces) - int(trailing)]
    return inner, leading, trailing


def align(text: str, parts: list[str], whole: bool = True, meter: Meter | None = None) -> Alignment:
    """How the parts occur in `text` in order, each starting after the previous one ends (with `whole`, an
    occurrence cut inside a word or a number does not count). The earliest way (each part at its first place
    after the previous one) is the least of all ways, part by part, and the latest (found so from the end)
    the greatest: one way exactly when they are the same."""
    meter = meter or Meter()
    searches = meter.searches
    first = _earliest(text, parts, whole, meter)
    if first is None:
        return Alignment(0, (), meter.searches - searches)
    backwards = _earliest(_reversed(text), [part[::-1] for part in reversed(parts)], whole, meter)
    last = tuple((len(text) - end, len(text) - start) for start, end in reversed(backwards))
    return Alignment(1 if last == first else 2, first, meter.searches - searches)


def _earliest(text: str, parts: list[str], whole: bool, meter: Meter) -> tuple[tuple[int, int], ...] | None:
    """Each part at its first occurrence after the previous part ends; None if one has none. Whether an
    occurrence cuts a word reads the same forwards and backwards, so this finds the latest way too."""
    spans, start = [], 0
    for part in parts:
        position = meter.find(text, part, start)
        while whole and position >= 0 and (cuts(text, position) or cuts(text, position + len(part))):
            position = meter.find(text, part, position + 1)  # each occurrence skipped is metered
        if position < 0:
            return None
        start = position + len(part)
        spans.append((position, start))
    return tuple(spans)


@lru_cache(maxsize=16)
def _reversed(text: str) -> str:
    """The text backwards, made once for the several passages of one paragraph (str.rfind has no
    linear-time guarantee, str.find has)."""
    return text[::-1]


def find_passage(paragraphs: list[Paragraph], normalised: list[Normalised], passage: str,
                 explain: bool = True, meter: Meter | None = None) -> Match | Failure:
    """The passage's one place in the source, or why there is none (with the closest passage if `explain`)."""
    meter = meter or Meter()
    parts, leading, trailing = split_elisions(passage)
    if not parts or any(not part for part in parts):
        return Failure("empty", "an empty passage, or two elisions with nothing between them")
    if len(passage) > MAX_LENGTH or len(parts) > MAX_PARTS:
        return Failure("too-long", f"it has {len(passage)} characters and {len(parts)} parts; quote at most "
                                   f"{MAX_LENGTH} characters in at most {MAX_PARTS} parts, leaving words out with …")
    found = []
    for paragraph, norm in zip(paragraphs, normalised):
        if meter.find(norm.text, parts[0]) < 0:
            continue  # the common case, decided before counting alignments
        alignment = align(norm.text, parts, meter=meter)
        if alignment.ways:
            found.append((paragraph, norm, alignment))
            if sum(entry[2].ways for entry in found) > 1:
                where = " and ".join(str(entry[0].number) for entry in found)
                return Failure("ambiguous", f"it occurs more than once (paragraph {where}); quote more words "
                                            "so it is unique")
    if not found:
        return _cut_inside_words(paragraphs, normalised, parts, meter) or \
            _explain_missing(paragraphs, normalised, parts, explain, meter)
    paragraph, norm, alignment = found[0]
    spans = tuple(norm.raw_span(a, b) for a, b in alignment.spans)
    return Match(paragraph, spans, leading, trailing)


def _cut_inside_words(paragraphs, normalised, parts, meter: Meter) -> Failure | None:
    """Why a passage found only cut inside words is refused, with the whole words the source has there."""
    for paragraph, norm in zip(paragraphs, normalised):
        if meter.find(norm.text, parts[0]) < 0:
            continue
        alignment = align(norm.text, parts, whole=False, meter=meter)
        if alignment.ways:
            spans = (norm.raw_span(*whole_words(norm.text, a, b)) for a, b in alignment.spans)
            words = f" {ELLIPSIS} ".join(paragraph.text[a:b] for a, b in spans)
            return Failure("cut", f"it starts or ends inside a word or a number; the whole words there, paragraph "
                                  f'{paragraph.number}: "{words}"')
    return None


def _explain_missing(paragraphs, normalised, parts, explain: bool, meter: Meter) -> Failure:
    starts, position = [], 0
    for norm in normalised:
        starts.append(position)
        position += len(norm.text) + 1
    joined = " ".join(norm.text for norm in normalised)
    across = align(joined, parts, meter=meter)
    closest = (lambda wanted: closest_passage(paragraphs, wanted)) if explain else (lambda wanted: "")
    if across.ways:
        start, end = across.spans[0][0], across.spans[-1][1]
        first, last = _paragraph_at(starts, start), _paragraph_at(starts, end - 1)
        where = ", ".join(str(paragraphs[index].number) for index in range(first, last))
        return Failure("across-paragraphs", _joined(
            f"it runs across paragraphs {where} and {paragraphs[last].number}; a quote must lie within one "
            "paragraph", _largest_piece(paragraphs, normalised, starts, start, end, first, last)))
    lines = "\n".join(norm.text for norm in normalised)  # no part holds a line break: none runs across two
    missing = [part for part in parts if meter.find(lines, part) < 0]
    if not missing:
        return Failure("not-found", "each part occurs, but not in this order within one paragraph")
    return Failure("not-found", closest(missing[0]) or "the closest passage is shown for the first errors only")


def _largest_piece(paragraphs, normalised, starts, start, end, first, last) -> str:
    """The largest piece of a passage that runs from `start` to `end` of the joined text, in its paragraph."""
    pieces = []
    for index in range(first, last + 1):
        norm = normalised[index]
        a, b = max(start - starts[index], 0), min(end - starts[index], len(norm.text))
        if b > a:
            pieces.append((b - a, index, norm.raw_span(a, b)))
    _, index, (a, b) = max(pieces)
    return f'closest passage, paragraph {paragraphs[index].number}: "{paragraphs[index].text[a:b]}"'


def _paragraph_at(starts: list[int], offset: int) -> int:
    """Index of the paragraph whose text holds `offset` of the joined text."""
    return bisect_right(starts, offset) - 1


def _joined(*parts: str) -> str:
    return " — ".join(part for part in parts if part)


def closest_passage(paragraphs: list[Paragraph], wanted: str) -> str:
    """The run of source words most like the start of `wanted`, as 'closest passage, paragraph N: "…"'.
    Bounded: at most CLOSEST_WINDOWS runs are compared quickly, and the best few in full."""
    wanted = " ".join(wanted.split()[:CLOSEST_WORDS])[:CLOSEST_CHARS]
    size = max(1, len(wanted.split()))
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    candidates: list[tuple[float, int, int, str]] = []
    for number, raw in _windows(paragraphs, size):
        matcher.set_seq1(fold(raw))
        candidates.append((matcher.quick_ratio(), -len(candidates), number, raw))
    if not candidates:
        return "the source has no text"
    best_score, best = -1.0, None
    for _, _, number, raw in sorted(candidates, reverse=True)[:CLOSEST_SCORED]:
        matcher.set_seq1(fold(raw))
        if matcher.ratio() > best_score:
            best_score, best = matcher.ratio(), (number, raw)
    number, raw = best
    return f'closest passage, paragraph {number}: "{raw}"'


def _windows(paragraphs: list[Paragraph], size: int):
    """(paragraph number, raw text) of each run of `size` words, in order, at most CLOSEST_WINDOWS of them,
    each cut to CLOSEST_CHARS characters."""
    count = 0
    for paragraph in paragraphs:
        words: deque[re.Match] = deque(maxlen=size)
        for word in WORD.finditer(paragraph.text):  # read no further than the windows need
            words.append(word)
            if len(words) >= size:
                if count == CLOSEST_WINDOWS:
                    return
                count += 1
                yield paragraph.number, _window(paragraph.text, words[0], word)
        if 0 < len(words) < size and count < CLOSEST_WINDOWS:
            count += 1
            yield paragraph.number, _window(paragraph.text, words[0], words[-1])


def _window(text: str, first: re.Match, last: re.Match) -> str:
    return text[first.start(): min(last.end(), first.start() + CLOSEST_CHARS)]
