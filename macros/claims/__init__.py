"""Claims: each macro call verified against its source, as the record site/claims.json publishes.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..corpus import Corpus, Explanations, Failure, Match, Meter, Source
from ..pages import Call
from ..problems import PER_PAGE, Problem, clip  # PER_PAGE failed citations, then the rest unchecked
from ..proofmarks import LABEL, MARKER
from ..siteurls import page_url, source_url
from ..pages.signatures import MACROS
from .details import DETAIL_KEYS, blockquote_problems, event_problems, place_problems
from .elisions import elision_problems
from .figures import FIGURE_KINDS, bound, figure_problems, figure_record

DETAIL_PROBLEMS = {"figure": figure_problems, "event": event_problems, "place": place_problems,
                   "blockquote": blockquote_problems}

__all__ = ["FIGURE_KINDS", "Claim", "bound", "Verifier", "record"]
FAILURE_RULES = {
    "empty": "empty passage",
    "too-long": "passage too long",
    "not-found": "passage not found in source '{source}'",
    "ambiguous": "ambiguous passage in source '{source}'",
    "across-paragraphs": "passage spans two paragraphs of source '{source}'",
    "cut": "passage cut inside a word in source '{source}'",
}
MAX_CITATIONS = 10_000  # on the site: the source pages and the figures page list them all
READ_LIMIT = 3_000_000_000  # characters of source the citations of one run may read (Meter): ten seconds at worst
KINDS = {"cite": "cite", "quote": "quote", "blockquote": "quote", "figure": "figure", "event": "cite",
         "place": "cite"}


@dataclass(eq=False)  # one object per claim: compared by identity
class Claim:
    call: Call
    page: str  # src path inside docs/, e.g. "crackdown.md"
    number: int  # 1-based order of the citation on its page
    source: Source
    match: Match
    figure: dict | None = None
    detail: dict | None = None  # an event's date and label, or a place's name
    target: str = field(default="")  # id of the passage's highlight on the source page, set by the source-page plan

    @property
    def macro(self) -> str:
        return self.call.macro

    @property
    def translation(self) -> str | None:
        """A quote's words on a page of a translation (claims/translations.py), shown for its English passage."""
        return self.call.args.get("translation")

    @property
    def kind(self) -> str:
        return KINDS[self.macro]

    @property
    def label(self) -> str:
        """Footnote label: Markdown renders the marker as id 'fnref:<label>'."""
        return f"{LABEL}{self.number}"

    @property
    def anchor(self) -> str:
        return f"{MARKER}{self.label}"

    @property
    def source_anchor(self) -> str:
        """Id on the source page of this claim's way back to its sentence, just before the passage."""
        stem = self.page[: -len(".md")] if self.page.endswith(".md") else self.page
        return f"from-{stem.replace('/', '-')}-{self.label}"

    @property
    def source_page(self) -> str:
        """Site-relative URL of the cited passage on its source page, arriving at this claim's way back."""
        return f"{source_url(self.source.id)}#{self.source_anchor}"


class Verifier:
    """Verifies the calls of every page against one corpus."""

    def __init__(self, corpus: Corpus, seeds_read: bool = True):
        self.corpus = corpus
        self.seeds_read = seeds_read  # False: a seeds problem is reported, and a source may be missing for it
        self.explanations = Explanations()
        self.meter = Meter()  # what the citations checked so far have read of their sources
        self.citations = 0  # the citing calls met so far
        self.unchecked: list[Call] = []  # the calls left when MAX_CITATIONS or READ_LIMIT was reached

    def verify(self, page: str, calls: list[Call]) -> tuple[list[Claim], list[Problem]]:
        """The page's claims, and the problems of its first PER_PAGE failed calls, then one line for the rest."""
        claims, problems = [], []
        citing = [call for call in calls if MACROS[call.macro].cites]  # a visual is drawn from the claims
        for index, call in enumerate(citing):
            if len(problems) >= PER_PAGE:
                return claims, problems + [Problem(call.path, call.line, "and more problems of the same page",
                                                   f"{len(citing) - index:,} citations after this line not checked",
                                                   "fix these first")]
            claim, found = self._claim(page, len(claims) + 1, call)
            problems += found
            if claim:
                claims.append(claim)
        return claims, problems

    def unchecked_problems(self) -> list[Problem]:
        """One problem at the first call left unchecked when the run had met or read all it may."""
        if not self.unchecked:
            return []
        first, more = self.unchecked[0], f"this and {len(self.unchecked) - 1:,} more citations not checked"
        if self.citations > MAX_CITATIONS:
            return [Problem(first.path, first.line, f"more than {MAX_CITATIONS:,} citations on the site", more,
                            "ask a maintainer to raise the limit")]
        return [Problem(first.path, first.line, f"the citations read more than {READ_LIMIT:,} characters of the "
                        "sources", more, "each citation may read its whole source several times: cite fewer or "
                        "shorter sources, or ask a maintainer to raise the limit")]

    def _claim(self, page: str, number: int, call: Call) -> tuple[Claim | None, list[Problem]]:
        source_id, passage = call.args["source"], call.args["passage"]
        source = self.corpus.get(source_id)
        if source is None and not self.seeds_read:
            return None, []  # the seeds' own problem says why; the build fails on it
        if source is None:
            return None, [Problem(call.path, call.line, f"unknown source '{source_id}'", "", self._known(source_id))]
        self.citations += 1
        if self.citations > MAX_CITATIONS or self.meter.read > READ_LIMIT:
            self.unchecked.append(call)
            return None, []
        # the closest passage, and the other sources, are searched for the first few failures only
        found, explain = source.find_or_explain(passage, self.explanations, self.meter)
        if isinstance(found, Failure):
            hint = self._elsewhere(source, passage) if explain else None
            return None, [Problem(call.path, call.line, FAILURE_RULES[found.reason].format(source=source_id),
                                  f'"{clip(passage, 90)}"', hint or found.detail)]
        problems = list(elision_problems(call, found))
        problems += list(DETAIL_PROBLEMS[call.macro](call, found, source)) if call.macro in DETAIL_PROBLEMS else []
        if problems:
            return None, problems
        figure = figure_record(call.args) if call.macro == "figure" else None
        detail = {key: call.args[key] for key in DETAIL_KEYS.get(call.macro, ()) if key in call.args} or None
        return Claim(call, page, number, source, found, figure, detail), []

    def _known(self, source_id: str) -> str:
        """The id meant, or the ids there are, for the first few unknown ids (each a search of them all)."""
        if not self.explanations.take():
            return "the ids are those of seeds/catalogue.yml"
        near = difflib.get_close_matches(source_id, sorted(self.corpus.sources), n=1, cutoff=0.5)
        return f"did you mean '{near[0]}'?" if near else "known sources: " + ", ".join(sorted(self.corpus.sources))

    def _elsewhere(self, source: Source, passage: str) -> str | None:
        """Where the passage is, if another source holds it."""
        for other in self.corpus.sources.values():
            match = other.find(passage, explain=False, meter=self.meter) if other is not source else None
            if isinstance(match, Match):
                return f"it is in source '{other.id}', paragraph {match.paragraph.number}: cite that source"
        return None


def record(claim: Claim) -> dict:
    """One entry of site/claims.json."""
    paragraph = claim.match.paragraph
    entry = {
        "page": page_url(claim.page),
        "anchor": claim.anchor,
        "number": claim.number,
        "source": claim.source.id,
        "file": claim.source.file,
        "paragraph": paragraph.number,
        "passage": claim.match.passage,
        "parts": claim.match.parts,
        "offsets": [list(span) for span in claim.match.spans],
        "kind": claim.kind,
        "macro": claim.macro,
        "markdown": f"{claim.call.path}:{claim.call.line}",
        "source_page": claim.source_page,
    }
    if claim.figure:
        entry["value"] = claim.figure["value"]
        entry["figure"] = claim.figure
    if claim.detail:
        entry[claim.macro] = claim.detail
    if claim.translation is not None:
        entry["translation"] = claim.translation
    return entry
