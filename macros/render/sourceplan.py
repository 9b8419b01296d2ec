"""Plan the source pages: which paragraphs are shown, what is highlighted, where each claim points.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..claims import Claim
from ..corpus import Corpus, Source
from ..corpus.text import Paragraph
from ..siteurls import source_url


@dataclass
class Highlight:
    """A stretch of a paragraph that the same citations cover: no citation starts or ends inside it."""

    anchor: str  # id of the <mark> on the source page
    start: int
    end: int
    claims: list[Claim] = field(default_factory=list)


@dataclass
class ShownParagraph:
    paragraph: Paragraph
    highlights: list[Highlight]
    marks: dict[Claim, list[str]] = field(init=False)  # each claim's marks, found once for all the claims

    def __post_init__(self):
        self.marks = {}
        for highlight in self.highlights:
            for claim in highlight.claims:
                self.marks.setdefault(claim, []).append(highlight.anchor)

    @property
    def anchor(self) -> str:
        return f"p{self.paragraph.number}"

    def marks_of(self, claim: Claim) -> list[str]:
        """The ids of the marks that make up the claim's passage, all its parts."""
        return self.marks.get(claim, [])

    def pieces(self):
        """(text, highlight or None) in order, covering the whole paragraph."""
        position = 0
        for highlight in self.highlights:
            if highlight.start > position:
                yield self.paragraph.text[position: highlight.start], None
            yield self.paragraph.text[highlight.start: highlight.end], highlight
            position = highlight.end
        if position < len(self.paragraph.text):
            yield self.paragraph.text[position:], None


@dataclass
class SourcePlan:
    source: Source
    paragraphs: list[ShownParagraph]  # every paragraph if republishable, else the cited ones
    claims: list[Claim]

    @property
    def url(self) -> str:
        return source_url(self.source.id)


def plan_sources(corpus: Corpus, claims: list[Claim]) -> dict[str, SourcePlan]:
    """One plan per source; sets claim.target to the highlight each claim links to."""
    by_source: dict[str, list[Claim]] = {}
    by_paragraph: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source.id, []).append(claim)
        by_paragraph.setdefault((claim.source.id, claim.match.paragraph.number), []).append(claim)
    plans = {}
    for source_id, source in sorted(corpus.sources.items()):
        shown = []
        for paragraph in source.paragraphs:
            in_paragraph = by_paragraph.get((source_id, paragraph.number), [])
            if in_paragraph or source.republish:
                shown.append(ShownParagraph(paragraph, _highlights(paragraph, in_paragraph)))
        plans[source_id] = SourcePlan(source, shown, by_source.get(source_id, []))
    return plans


def _highlights(paragraph: Paragraph, claims: list[Claim]) -> list[Highlight]:
    """Cut the paragraph's cited spans at every start and end of a citation, so that each claim's
    passage is exactly a run of highlights, even where citations overlap."""
    order = {claim: index for index, claim in enumerate(claims)}
    changes: dict[int, list[tuple[Claim, int]]] = {}  # offset -> the spans that start (+1) or end (-1) there
    for claim in claims:
        for start, end in claim.match.spans:
            changes.setdefault(start, []).append((claim, 1))
            changes.setdefault(end, []).append((claim, -1))
    cuts = sorted(changes)
    covering: dict[Claim, int] = {}  # the claims with a span over the offset reached: one sweep, not one a cut
    highlights: list[Highlight] = []
    for start, end in zip(cuts, cuts[1:]):
        for claim, change in changes[start]:
            covering[claim] = covering.get(claim, 0) + change
            if not covering[claim]:
                del covering[claim]
        if covering:
            highlight = Highlight(f"p{paragraph.number}-{len(highlights) + 1}", start, end)
            highlight.claims = sorted(covering, key=order.__getitem__)
            highlights.append(highlight)
    for highlight in highlights:
        for claim in highlight.claims:
            claim.target = claim.target or highlight.anchor
    return highlights
