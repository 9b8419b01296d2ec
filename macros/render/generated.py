"""The pages generated from the corpus and the claims: /sources/, /sources/<id>/ and /figures/.

Their HTML comes from the templates in templates/, with autoescaping on, so every
value from a source or the catalogue is shown as text. Pure Python: nothing here
imports MkDocs.
"""
from __future__ import annotations

import json
from pathlib import Path

import jinja2

from ..claims import FIGURE_KINDS, Claim, doc_url
from ..corpus import BASES, Source
from ..problems import counted
from .labels import byline, dated, figure_text, human_date, relative_url
from .markup import no_braces
from .sourceplan import SourcePlan

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    keep_trailing_newline=True,
)
KIND_LABELS = {"cite": "cited", "quote": "quoted", "figure": "a figure"}


def source_page(plan: SourcePlan, titles: dict[str, str]) -> str:
    """The source's metadata, its cited (or all) paragraphs, and back-links to every marker."""
    source = plan.source
    body = TEMPLATES.get_template("source_page.html").render(
        plan=plan, source=source, fields=_fields(source), dated=dated(source), human_date=human_date,
        backlinks=lambda shown: _backlinks(plan, shown, titles),
    )
    return _generated_page(f"Source: {source.value('title')}",
                           f"The cited passages of {byline(source)}, {dated(source)}, and every place that cites them.",
                           body)


def _backlinks(plan: SourcePlan, shown, titles: dict[str, str]) -> list[tuple[str, str]]:
    """(link text, href) for every claim on a shown paragraph, by page title, then marker number."""
    claims = [claim for highlight in shown.highlights for claim in highlight.claims]
    claims.sort(key=lambda claim: (titles.get(claim.page, claim.page), claim.number))
    return [(f"{titles.get(c.page, c.page)}, note {c.number} ({KIND_LABELS[c.kind]})",
             relative_url(plan.url, f"{doc_url(c.page)}#{c.anchor}")) for c in claims]


def sources_index(plans: dict[str, SourcePlan]) -> str:
    sources = [plan.source for plan in plans.values()]
    genres = sorted({source.value("genre") for source in sources})
    by_date = sorted(sources, key=lambda source: (source.value("date") or "", source.id))
    body = TEMPLATES.get_template("sources_index.html").render(
        plans=list(plans.values()), genres=genres, by_date=by_date, byline=byline, dated=dated, counted=counted)
    return _generated_page("Sources", "Every source text the site cites, with what is known about it.", body)


def figures_page(claims: list[Claim], titles: dict[str, str]) -> str:
    figures = [claim for claim in claims if claim.figure]
    groups = []
    for kind, label in FIGURE_KINDS.items():
        of_kind = [claim for claim in figures if claim.figure["kind"] == kind]
        largest: dict[str, float] = {}
        for claim in of_kind:
            subject = claim.figure["subject"]
            largest[subject] = max(largest.get(subject, 0), claim.figure["number"])
        subjects = sorted(largest, key=lambda subject: (-largest[subject], subject))
        rows = [(subject, _same_figures([c for c in of_kind if c.figure["subject"] == subject]))
                for subject in subjects]
        if rows:
            groups.append((kind, label, rows))
    body = TEMPLATES.get_template("figures.html").render(
        groups=groups, dated=dated, human_date=human_date, figure_text=figure_text,
        title=lambda claim: titles.get(claim.page, claim.page),
        link=lambda claim: relative_url("figures/", f"{doc_url(claim.page)}#{claim.anchor}"),
        source_link=lambda claim: relative_url("figures/", claim.source_page),
        differ=lambda rows: len({claims[0].figure["number"] for claims in rows}) > 1,
    )
    return _generated_page("Figures", "Every number on the site, grouped by what it measures, with every source's value.",
                           body)


def _same_figures(claims: list[Claim]) -> list[list[Claim]]:
    """Claims of one figure (same source, value, qualifier and date) share a row, largest value first."""
    rows: dict[tuple, list[Claim]] = {}
    for claim in claims:
        figure = claim.figure
        rows.setdefault((claim.source.id, figure["value"], figure["qualifier"], figure["date"]), []).append(claim)
    return sorted(rows.values(), key=lambda row: (-row[0].figure["number"], row[0].source.id))


def _fields(source: Source) -> list[tuple[str, object, str]]:
    return [(name, source.meta[name], BASES[source.meta[name].basis]) for name in source.meta]


def _generated_page(title: str, description: str, body: str) -> str:
    # JSON strings are valid YAML scalars, with every character escaped
    head = f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n---\n\n"
    return head + no_braces(body)
