"""Near copies: a source text that is mostly another source's text is refused, naming the other.

Each text is cut into shingles, the runs of SHINGLE words (case and punctuation ignored, and letters
that look alike read as one: characters.FOLDED). Two texts
are near copies when the shared shingles make up at least NEAR of the shorter one's: a copy with a
number changed, an excerpt, or a copy padded with other text; a text of fewer than SHORTEST shingles
is too short to judge. Each shingle is indexed once, with the first few sources that hold it; one that
more than COMMON sources hold is boilerplate and counts for no one. So the work grows with the total
number of words, never with the square of the sources (the bench's 500 sources: about 0.3 s).
Pure Python.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Protocol

from .characters import FORMAT, read_as

SHINGLE = 3  # words; a changed number breaks only three shingles, so short texts are caught too
NEAR = 0.9
COMMON = 8
SHORTEST = 10  # shingles: below that, a text is too short to call a copy (a title, a line)
WORD = re.compile(r"\w+")
class Text(Protocol):
    id: str
    file: str
    text: str
    catalogue_line: int


def shingles(text: str) -> set[int]:
    words = _words(text)
    return {hash(run) for run in zip(*(words[at:] for at in range(SHINGLE)))}


def _words(text: str) -> list[str]:
    """The words of a text as a reader sees them: a zero-width space inside each hides nothing, nor do
    look-alike letters."""
    return WORD.findall(read_as(FORMAT.sub("", text)).casefold())


def near_copies(sources: Sequence[Text]) -> Iterator[tuple[Text, Text, float]]:
    """(later, earlier, share) for each source that nearly copies an earlier one, in catalogue order."""
    holders: dict[int, list[int]] = {}  # shingle -> the first COMMON + 1 sources that hold it
    sizes: list[int] = []
    for number, source in enumerate(sources):
        own = shingles(source.text)
        sizes.append(len(own))
        seen_in = []
        for shingle in own:
            held = holders.setdefault(shingle, [])
            if len(held) <= COMMON:
                seen_in += held
                held.append(number)
        shared = Counter(seen_in)
        enough = NEAR * SHORTEST  # fewer shared shingles than this cannot make a near copy
        found = [(count / min(len(own), sizes[other]), -other) for other, count in shared.items()
                 if count >= enough and min(len(own), sizes[other]) >= SHORTEST]
        share, other = max(found, default=(0.0, 0))
        if share >= NEAR:
            yield source, sources[-other], share
