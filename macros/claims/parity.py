"""Parity: a translated page rests on the same evidence as its English original, block by block.

A block's evidence is what its citations rest on: for each, the source, the paragraph, the passage (in the
source's own words, as the claim matched it) and the kind of citation; a figure's value and an event's date
too. The translation's cited blocks are aligned with the original's (difflib, as `diff` aligns lines), so a
paragraph added to or dropped from one side is told once, at its line, and the blocks after it still pair.
Russian wording is never compared with anything: only what the calls cite. Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..problems import Problem, clip
from . import Claim

RULE = "a translation cites what its original does not"
MISSING_RULE = "a translation does not cite what its original does"
HINT = ("a translated block cites the same passages as the English block it translates: change the translation's "
        "citations to match, or, if the English page changed, translate its new version (CONTRIBUTING: “Updating a "
        "translation”)")


@dataclass(frozen=True, order=True)
class Evidence:
    source: str
    paragraph: int
    passage: str
    kind: str
    value: str = ""  # a figure's, as the page gives it
    date: str = ""  # an event's, or a figure's

    def __str__(self) -> str:
        extra = "".join(f" {name} {value}" for name, value in (("value", self.value), ("date", self.date)) if value)
        return f"{self.source} ¶{self.paragraph} {clip(self.passage, 40)!r} ({self.kind}{extra})"


@dataclass(frozen=True)
class CitedBlock:
    line: int  # where the block is written in its page
    evidence: frozenset[Evidence]
    words: str = ""  # what a reader reads in it: a translation of it is to review when the original's change


@dataclass(frozen=True)
class PageEvidence:
    path: str  # as problems name it, e.g. docs/ru/crackdown.md
    blocks: tuple[CitedBlock, ...]


def evidence(claim: Claim) -> Evidence:
    figure, detail = claim.figure or {}, claim.detail or {}
    return Evidence(claim.source.id, claim.match.paragraph.number, claim.match.passage, claim.kind,
                    str(figure.get("value", "")), str(figure.get("date") or detail.get("date") or ""))


def blocks_of(rendered, claims: list[Claim]) -> list[tuple[int, str, list[Claim]]]:
    """(first line, words, claims) of each block of a rendered page (pages/rendered.py) that holds a verified
    citation."""
    by_call = {id(claim.call): claim for claim in claims}
    cited = [(located.first, " ".join(located.block.text.split()),
              [by_call[id(rendered.calls[index])] for index in located.block.calls if id(rendered.calls[index]) in by_call])
             for located in rendered.blocks]
    return [(line, words, found) for line, words, found in cited if found]


def page_evidence(path: str, blocks: Iterable[tuple[int, str, Iterable[Claim]]]) -> PageEvidence:
    """The evidence of a page's cited blocks, each given as (its first line, its words, the claims of its calls)."""
    cited = (CitedBlock(line, frozenset(map(evidence, claims)), words) for line, words, claims in blocks)
    return PageEvidence(path, tuple(block for block in cited if block.evidence))


def parity_problems(original: PageEvidence, translation: PageEvidence) -> list[Problem]:
    """Each cited block of the translation whose evidence differs from the block of the original it stands for,
    and each cited block of either page that the other lacks, told at the translation's line and the original's."""
    pairs = difflib.SequenceMatcher(None, [block.evidence for block in original.blocks],
                                    [block.evidence for block in translation.blocks], autojunk=False)
    problems = []
    for tag, first, last, start, end in pairs.get_opcodes():
        if tag != "equal":
            problems += _differences(original, translation, original.blocks[first:last],
                                     translation.blocks[start:end], start)
    return problems


def to_review(before: PageEvidence, now: PageEvidence, translation: PageEvidence) -> list[tuple[int, int]]:
    """(the translation's line, the original's line) of each translated block whose original was reworded since
    `before` (the original when the translation was last changed): the same evidence, other words. Not a
    problem of the build, a list for the translator."""
    reworded = {new for old, new in _paired(before.blocks, now.blocks)
                if before.blocks[old].words != now.blocks[new].words}
    return [(translation.blocks[ours].line, now.blocks[theirs].line)
            for theirs, ours in _paired(now.blocks, translation.blocks) if theirs in reworded]


def _paired(first: tuple[CitedBlock, ...], second: tuple[CitedBlock, ...]) -> Iterator[tuple[int, int]]:
    """The indices of the blocks of two pages that cite the same evidence, aligned."""
    matcher = difflib.SequenceMatcher(None, [block.evidence for block in first], [block.evidence for block in second],
                                      autojunk=False)
    for block in matcher.get_matching_blocks():
        yield from zip(range(block.a, block.a + block.size), range(block.b, block.b + block.size))


def _differences(original: PageEvidence, translation: PageEvidence, theirs: tuple[CitedBlock, ...],
                 ours: tuple[CitedBlock, ...], at: int) -> Iterator[Problem]:
    """The blocks of one stretch that differ: paired in order where both sides have one, else alone."""
    for index in range(max(len(theirs), len(ours))):
        english = theirs[index] if index < len(theirs) else None
        russian = ours[index] if index < len(ours) else None
        line = russian.line if russian else _line_before(translation.blocks, at + index)
        extra = russian.evidence - (english.evidence if english else frozenset()) if russian else frozenset()
        lacking = english.evidence - (russian.evidence if russian else frozenset()) if english else frozenset()
        where = f"{original.path}:{english.line} does not" if english else f"{original.path} does not cite there"
        yield from (Problem(translation.path, line, RULE, f"cites {cited}, which {where}", HINT)
                    for cited in sorted(extra))
        yield from (Problem(translation.path, line, MISSING_RULE, f"{original.path}:{english.line} cites {cited}, "
                            f"which this {'block' if russian else 'page'} does not", HINT) for cited in sorted(lacking))


def _line_before(blocks: tuple[CitedBlock, ...], index: int) -> int:
    """Where a block missing from the translation would stand: after the cited block before it (0: no line)."""
    return blocks[index - 1].line if 0 < index <= len(blocks) else 0
