"""Parity: a translated page rests on the same evidence as its English original, block by block.

A block's evidence is what its citations rest on, in their order: for each, the source, the paragraph, the passage
(in the source's own words, as the claim matched it) and the kind of citation; a figure's value and an event's
date too; and the id of the heading the block stands under (the `{ #id }` a translation keeps), since a people
page's card is the block under its heading. The translation's cited blocks are aligned with the original's
(difflib, as `diff` aligns lines), so a paragraph added to or dropped from one side is told once, at its line,
and the blocks after it still pair.
Russian wording is never compared with anything: only what the calls cite. Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..problems import Problem, clip
from . import Claim

RULE = "a translation cites what its original does not"
MISSING_RULE = "a translation does not cite what its original does"
ORDER_RULE = "a translation cites in another order than its original"
SECTION_RULE = "a translation places a block under another heading than its original"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
HINT = ("a translated block cites the same passages as the English block it translates: change the translation's "
        "citations to match, or, if the English page changed, translate its new version (CONTRIBUTING: “Updating a "
        "translation”)")
ORDER_HINT = ("put each call where the English block has it, after the words its passage supports, in the English "
              "block's order: a marker moved to another sentence vouches for words its passage does not say")
SECTION_HINT = ("keep the English page's headings, each with its { #id }, each over the translation of the blocks "
                "under it there (a card of the people page is the block under its heading)")


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
    evidence: tuple[Evidence, ...]  # its calls', each in its place: a marker moved to another sentence is a change
    words: str = ""  # what a reader reads in it: a translation of it is to review when the original's change
    section: str = ""  # the id of the nearest heading before it ("": none)

    @property
    def rests_on(self) -> tuple[str, tuple[Evidence, ...]]:
        return self.section, self.evidence


@dataclass(frozen=True)
class PageEvidence:
    path: str  # as problems name it, e.g. docs/ru/crackdown.md
    blocks: tuple[CitedBlock, ...]


def evidence(claim: Claim) -> Evidence:
    figure, detail = claim.figure or {}, claim.detail or {}
    dated = " ".join(str(part) for part in (detail.get("when"), detail.get("date")) if part)  # "by 2022-01-07"
    return Evidence(claim.source.id, claim.match.paragraph.number, claim.match.passage, claim.kind,
                    str(figure.get("value", "")), str(figure.get("date") or dated))


def blocks_of(rendered, claims: list[Claim]) -> list[tuple[int, str, list[Claim], str]]:
    """(first line, words, claims in order, the id of the heading before it) of each block of a rendered page
    (pages/rendered.py) that holds a verified citation."""
    by_call = {id(claim.call): claim for claim in claims}
    sections = _sections(rendered.root, {located.block.node.mem_id for located in rendered.blocks})
    cited = [(located.first, " ".join(located.block.text.split()),
              [by_call[id(rendered.calls[index])] for index in located.block.calls if id(rendered.calls[index]) in by_call],
              sections.get(located.block.node.mem_id, "")) for located in rendered.blocks]
    return [(line, words, found, section) for line, words, found, section in cited if found]


def _sections(root, blocks: set[int]) -> dict[int, str]:
    """The id of the nearest heading before each of the blocks (by mem_id), in the page's order."""
    section, found = "", {}
    for node in root.traverse(include_text=False):
        if node.tag in HEADINGS:
            section = node.attributes.get("id") or ""
        elif node.mem_id in blocks:
            found[node.mem_id] = section
    return found


def page_evidence(path: str, blocks: Iterable[tuple[int, str, Iterable[Claim], str]]) -> PageEvidence:
    """The evidence of a page's cited blocks, each given as (its first line, its words, the claims of its calls in
    order, the id of its heading)."""
    cited = (CitedBlock(line, tuple(map(evidence, claims)), words, section)
             for line, words, claims, section in blocks)
    return PageEvidence(path, tuple(block for block in cited if block.evidence))


def parity_problems(original: PageEvidence, translation: PageEvidence) -> list[Problem]:
    """Each cited block of the translation whose evidence differs from the block of the original it stands for,
    and each cited block of either page that the other lacks, told at the translation's line and the original's."""
    pairs = difflib.SequenceMatcher(None, [block.rests_on for block in original.blocks],
                                    [block.rests_on for block in translation.blocks], autojunk=False)
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
    """The indices of the blocks of two pages that cite the same evidence in order under the same heading, aligned."""
    matcher = difflib.SequenceMatcher(None, [block.rests_on for block in first], [block.rests_on for block in second],
                                      autojunk=False)
    for block in matcher.get_matching_blocks():
        yield from zip(range(block.a, block.a + block.size), range(block.b, block.b + block.size))


def _differences(original: PageEvidence, translation: PageEvidence, theirs: tuple[CitedBlock, ...],
                 ours: tuple[CitedBlock, ...], at: int) -> Iterator[Problem]:
    """The blocks of one stretch that differ: paired in order where both sides have one, else alone."""
    for index in range(max(len(theirs), len(ours))):
        english = theirs[index] if index < len(theirs) else None
        russian = ours[index] if index < len(ours) else None
        if english and russian:
            yield from _block_differences(original, translation, english, russian)
        elif russian:
            yield from (Problem(translation.path, russian.line, RULE, f"cites {cited}, which {original.path} does not "
                                "cite there", HINT) for cited in sorted(set(russian.evidence)))
        elif english:
            yield from (Problem(translation.path, _line_before(translation.blocks, at + index), MISSING_RULE,
                                f"{original.path}:{english.line} cites {cited}, which this page does not", HINT)
                        for cited in sorted(set(english.evidence)))


def _block_differences(original: PageEvidence, translation: PageEvidence, english: CitedBlock,
                       russian: CitedBlock) -> Iterator[Problem]:
    """How a translated block differs from the original block it stands for: a citation more or fewer (a copy of
    one counts), the same citations in another order (told at the first place they differ), another heading."""
    theirs, ours, where = Counter(english.evidence), Counter(russian.evidence), f"{original.path}:{english.line}"
    for cited in sorted(ours - theirs):
        yield Problem(translation.path, russian.line, RULE, f"cites {cited}" + (
            f" {_times(ours[cited])}, which {where} cites {_times(theirs[cited])}" if theirs[cited]
            else f", which {where} does not"), HINT)
    for cited in sorted(theirs - ours):
        yield Problem(translation.path, russian.line, MISSING_RULE, f"{where} cites {cited}" + (
            f" {_times(theirs[cited])}, which this block cites {_times(ours[cited])}" if ours[cited]
            else ", which this block does not"), HINT)
    if theirs == ours and english.evidence != russian.evidence:
        place = next(index for index, pair in enumerate(zip(english.evidence, russian.evidence)) if len(set(pair)) > 1)
        yield Problem(translation.path, russian.line, ORDER_RULE, f"its citation {place + 1} is "
                      f"{russian.evidence[place]}, where {where} has {english.evidence[place]}", ORDER_HINT)
    if english.section != russian.section:
        yield Problem(translation.path, russian.line, SECTION_RULE, f"it stands under {_heading(russian.section)}, "
                      f"where {where} stands under {_heading(english.section)}", SECTION_HINT)


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _heading(section: str) -> str:
    return f"the heading {{ #{section} }}" if section else "no heading"


def _line_before(blocks: tuple[CitedBlock, ...], index: int) -> int:
    """Where a block missing from the translation would stand: after the cited block before it (0: no line)."""
    return blocks[index - 1].line if 0 < index <= len(blocks) else 0
