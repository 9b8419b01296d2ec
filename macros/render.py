"""Markup for claims: markers in pages, references, and the generated pages.

Everything a source says is escaped here on its way into Markdown or HTML.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jinja2

from .claims import FIGURE_KINDS, Claim, page_url
from .corpus import BASES, Source
from .sourcepages import SourcePlan

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|~^=:$%"
# HTML's specials become entity references, Markdown's and Jinja's numeric character references
ESCAPES = {**{char: html.escape(char, quote=True) for char in "&<>\"'"},
           **{char: f"&#{ord(char)};" for char in MARKDOWN_SPECIALS}}
SPECIAL = re.compile("[" + re.escape("".join(ESCAPES)) + "]")  # one pass stopping only at these: 2x str.translate
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    keep_trailing_newline=True,
)


def md_escape(text: str) -> str:
    """Text that Markdown, HTML and Jinja all show as itself: specials become character references."""
    return SPECIAL.sub(lambda match: ESCAPES[match.group()], " ".join(text.split()))


def no_braces(text: str) -> str:
    """Generated HTML goes through the macros plugin too: leave it no template syntax."""
    return text.replace("{", "&#123;").replace("}", "&#125;")


def human_date(value: str | None) -> str:
    if not value:
        return "undated"
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def dated(source: Source) -> str:
    date = source.meta["date"]
    text = human_date(date.value)
    return f"{text} (date {date.basis})" if date.basis in ("inferred", "supplied") else text


def byline(source: Source) -> str:
    """'Author, “Title”, Publisher' with only what is known."""
    author = source.meta["author"].value
    publisher = source.meta["publisher"].value
    title = source.value("title")
    if source.meta["title"].basis != "supplied":  # a supplied title is a description, not a quotation
        title = f"“{title}”"
    parts = [author if author and author != "unsigned" else None, title, publisher]
    return ", ".join(part for part in parts if part)


def relative_url(from_page_url: str, to_url: str) -> str:
    """Relative link between two site-relative directory URLs ('' is the home page)."""
    start = [part for part in from_page_url.split("/") if part]
    target_path, _, fragment = to_url.partition("#")
    target = [part for part in target_path.split("/") if part]
    shared = 0
    while shared < min(len(start), len(target)) and start[shared] == target[shared]:
        shared += 1
    parts = [".."] * (len(start) - shared) + target[shared:]
    path = "/".join(parts) + "/" if parts else "./"
    return path + (f"#{fragment}" if fragment else "")


def figure_text(figure: dict) -> str:
    """'at least 238', 'about 20%', 'around 500 euros': qualifier, value and unit."""
    unit = figure["unit"]
    value = figure["value"] + (unit if unit[:1] in ("%", "") else f" {unit}")
    return f"{figure['qualifier']} {value}".strip()


def marker(claim: Claim) -> str:
    """What a macro call turns into inside the page's Markdown."""
    ref = f"[^{claim.label}]"
    passage = md_escape(claim.match.passage)
    if claim.macro == "cite":
        return ref
    if claim.macro == "quote":
        return f'<q class="qq-quote">{passage}</q>{ref}'
    if claim.macro == "figure":
        figure = claim.figure
        shown = md_escape(figure_text(figure))
        return f'<span class="qq-figure" data-kind="{figure["kind"]}">{shown}</span>{ref}'
    return (f"\n\n> {passage}\n>\n> — {md_escape(byline(claim.source))}, "
            f"{md_escape(dated(claim.source))}{ref}\n{{: .qq-blockquote }}\n\n")


def render_page(pieces: list, output_of) -> str:
    """A page's Markdown: its text pieces, with each call replaced by output_of(call).
    The same string Jinja renders from the page, without compiling it (tests/test_rendering.py)."""
    return "".join(piece if isinstance(piece, str) else output_of(piece) for piece in pieces)


def footnote(claim: Claim) -> str:
    """The reference: source, date, genre and the passage, linking to it on the source page."""
    source = claim.source
    here = page_url(claim.page)
    link = relative_url(here, claim.source_page)
    return (f'[^{claim.label}]: <a class="qq-source" href="{link}">{md_escape(source.short)}</a> '
            f'({md_escape(source.value("genre"))}, {md_escape(dated(source))}, '
            f'paragraph {claim.match.paragraph.number}): '
            f'<q class="qq-passage">{md_escape(claim.match.passage)}</q>')


def references(claims: list[Claim]) -> str:
    if not claims:
        return ""
    notes = "\n".join(footnote(claim) for claim in claims)
    return f"\n\n## References {{ #references }}\n\n{notes}\n"


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


KIND_LABELS = {"cite": "cited", "quote": "quoted", "figure": "a figure"}


def _backlinks(plan: SourcePlan, shown, titles: dict[str, str]) -> list[tuple[str, str]]:
    """(link text, href) for every claim on a shown paragraph, by page title, then marker number."""
    claims = [claim for highlight in shown.highlights for claim in highlight.claims]
    claims.sort(key=lambda claim: (titles.get(claim.page, claim.page), claim.number))
    return [(f"{titles.get(c.page, c.page)}, note {c.number} ({KIND_LABELS[c.kind]})",
             relative_url(plan.url, f"{page_url(c.page)}#{c.anchor}")) for c in claims]


def sources_index(plans: dict[str, SourcePlan]) -> str:
    genres = sorted({plan.source.value("genre") for plan in plans.values()})
    body = TEMPLATES.get_template("sources_index.html").render(
        plans=list(plans.values()), genres=genres, byline=byline, dated=dated)
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
        link=lambda claim: relative_url("figures/", f"{page_url(claim.page)}#{claim.anchor}"),
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
    head = f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\nrender_macros: false\n---\n\n"
    return head + no_braces(body)
