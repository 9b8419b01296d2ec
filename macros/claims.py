"""Verify macro calls against the corpus and turn them into claim records.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .corpus import PARTIAL_DATE, Corpus, Source
from .matching import Failure, Match
from .pages import Call
from .problems import Problem
from .text import fold

FIGURE_KINDS: dict[str, str] = yaml.safe_load((Path(__file__).parent / "figure_kinds.yml").read_text("utf-8"))
NUMBER = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
FAILURE_RULES = {
    "empty": "empty passage",
    "not-found": "passage not found in source '{source}'",
    "ambiguous": "ambiguous passage in source '{source}'",
    "across-paragraphs": "passage spans two paragraphs of source '{source}'",
}


@dataclass
class Claim:
    call: Call
    page: str  # src path inside docs/, e.g. "crackdown.md"
    number: int  # 1-based order of the citation on its page
    source: Source
    match: Match
    figure: dict | None = None
    target: str = field(default="")  # anchor on the source page, set by the source-page plan

    @property
    def macro(self) -> str:
        return self.call.macro

    @property
    def kind(self) -> str:
        return {"cite": "cite", "quote": "quote", "blockquote": "quote", "figure": "figure"}[self.macro]

    @property
    def label(self) -> str:
        """Footnote label: Markdown renders the marker as id 'fnref:<label>'."""
        return f"qq{self.number}"

    @property
    def anchor(self) -> str:
        return f"fnref:{self.label}"

    @property
    def source_page(self) -> str:
        """Site-relative URL of the cited passage on its source page."""
        return f"{source_url(self.source.id)}#{self.target}"


def source_url(source_id: str) -> str:
    return f"sources/{source_id}/"


def verify(corpus: Corpus, page: str, calls: list[Call]) -> tuple[list[Claim], list[Problem]]:
    claims, problems = [], []
    for call in calls:
        claim = _verify_call(corpus, page, len(claims) + 1, call, problems)
        if claim:
            claims.append(claim)
    return claims, problems


def _verify_call(corpus, page, number, call, problems) -> Claim | None:
    source_id, passage = call.args["source"], call.args["passage"]
    source = corpus.get(source_id)
    if source is None:
        problems.append(Problem(call.path, call.line, f"unknown source '{source_id}'", "",
                                "known sources: " + ", ".join(sorted(corpus.sources))))
        return None
    found = source.find(passage)
    if isinstance(found, Failure):
        rule = FAILURE_RULES[found.reason].format(source=source_id)
        problems.append(Problem(call.path, call.line, rule, _quoted(passage), found.detail))
        return None
    figure = None
    if call.macro == "figure":
        figure = _figure(call, found, problems)
        if figure is None:
            return None
    return Claim(call, page, number, source, found, figure)


def _figure(call, match, problems) -> dict | None:
    args = call.args
    value, kind, date = args["value"], args["kind"], args["date"]
    qualifier, subject, unit = args.get("qualifier", ""), args.get("subject", ""), args.get("unit", "")
    text = fold(" ".join(match.parts))
    before = len(problems)
    if kind not in FIGURE_KINDS:
        problems.append(Problem(call.path, call.line, f"unknown figure kind '{kind}'", "",
                                "known kinds: " + ", ".join(FIGURE_KINDS) + " (macros/figure_kinds.yml)"))
    if not NUMBER.match(value):
        problems.append(Problem(call.path, call.line, "figure value must be a number as the source writes it",
                                repr(value), "e.g. \"238\", \"2,000\", \"5000\""))
    elif not re.search(rf"(?<![\d.,]){re.escape(value)}(?![\d]|[.,]\d)", text):
        numbers = ", ".join(re.findall(r"\d[\d,.]*\d|\d", text)) or "none"
        problems.append(Problem(call.path, call.line, "figure value is not in its passage", repr(value),
                                f"numbers in the passage: {numbers}"))
    if qualifier and fold(qualifier).lower() not in text.lower():
        problems.append(Problem(call.path, call.line, "figure qualifier is not in its passage", repr(qualifier),
                                "use the source's own wording, e.g. \"at least\", \"more than\", \"about\""))
    if not PARTIAL_DATE.match(date):
        problems.append(Problem(call.path, call.line, "figure date must be YYYY, YYYY-MM or YYYY-MM-DD",
                                repr(date)))
    if len(problems) > before:
        return None
    number = float(value.replace(",", ""))
    return {"kind": kind, "value": value, "number": int(number) if number.is_integer() else number,
            "qualifier": qualifier, "date": date, "subject": subject, "unit": unit}


def _quoted(passage: str, width: int = 90) -> str:
    text = " ".join(passage.split())
    return f'"{text}"' if len(text) <= width else f'"{text[: width - 1]}…"'


def page_url(page: str) -> str:
    """Site-relative URL of a docs page with directory URLs, as MkDocs makes it."""
    stem = page[: -len(".md")] if page.endswith(".md") else page
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


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
    return entry
