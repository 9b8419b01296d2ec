"""The pages generated from the corpus and the claims: /sources/, /sources/<id>/ and /figures/.

Their HTML comes from the templates in templates/, with autoescaping on, so every
value from a source or the catalogue is shown as text. Pure Python: nothing here
imports MkDocs.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Collection

from markupsafe import Markup

from ..claims import FIGURE_KINDS, Claim
from ..corpus import Source
from ..corpus.catalogue import UNSIGNED
from ..siteurls import SOURCES, page_url, relative_url, source_page_path
from .interface import say, say_count, words
from .labels import byline, date_notes, dated, figure_dates, figure_text, human_date, sources_lang, sources_words
from .markup import no_braces
from .sourceplan import ShownParagraph, SourcePlan
from .templates_env import TEMPLATES
from .terms import CALLS, term
from .visuals.charts import draw_chart, in_chart_order

FIGURES = "figures.md"  # the figures page, as if in docs/
SOURCES_INDEX = f"{SOURCES}/index.md"


def generated_pages(plans: dict[str, SourcePlan], claims: list[Claim], titles: dict[str, str],
                    about_the_site: Collection[str], language: str) -> dict[str, str]:
    """Every generated page's Markdown, by its path as if in docs/, in the edition's language."""
    pages = {SOURCES_INDEX: sources_index(plans, language),
             FIGURES: figures_page(claims, titles, about_the_site, language)}
    pages.update({source_page_path(plan.source.id): source_page(plan, titles, about_the_site, language)
                  for plan in plans.values()})
    return pages


def source_page(plan: SourcePlan, titles: dict[str, str], about_the_site: Collection[str], language: str) -> str:
    """The source's cited (or all) paragraphs, each cited passage with the way back to every sentence that
    cites it, then how we know what the text is."""
    source = plan.source

    def back(claim: Claim) -> str:
        return relative_url(plan.url, f"{page_url(claim.page)}#{claim.anchor}")

    def back_text(claim: Claim) -> str:
        return say("back_to_sentence", language, page=titles.get(claim.page, claim.page), number=claim.number)

    body = TEMPLATES.get_template("source_page.html").render(
        plan=plan, source=source, t=words(language), fields=_fields(source, language), unsigned=UNSIGNED,
        human_date=lambda value: human_date(value, language), back=back, back_text=back_text,
        cited_in=lambda shown: _cited_in(shown, titles, back, about_the_site),
        summary=Markup("{} {}").format(
            sentence(byline(source, language, marked=True)),
            sentence(Markup("{}, {}").format(source.value("genre").capitalize(), dated(source, language)))),
        lang=sources_lang(language), own=lambda text: sources_words(text, language),
        checksum=hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
    )
    return _generated_page(say("source_title", language, title=source.value("title")),
                           say("source_description", language, byline=byline(source, language),
                               date=dated(source, language)), body)


def sentence(text: str) -> Markup:
    """The text ending as a sentence does: a full stop, unless it ends with one already («7 января 2022 г.»)."""
    text = Markup.escape(text)
    return text if text.striptags().endswith((".", "!", "?", "…")) else text + Markup(".")


def _cited_in(shown: ShownParagraph, titles: dict[str, str], back, about_the_site: Collection[str]):
    """(page title, how many of its citations rest on the paragraph, link to the first), by title: first the
    pages about the events, then, apart, the pages about the site that cite the paragraph as an example."""
    by_page: dict[str, dict[int, Claim]] = {}
    for highlight in shown.highlights:
        for claim in highlight.claims:  # a claim of two parts is in two highlights: count it once
            by_page.setdefault(claim.page, {})[claim.number] = claim
    rows = {page: (titles.get(page, page), len(claims), back(claims[min(claims)])) for page, claims in by_page.items()}
    return (sorted(row for page, row in rows.items() if page not in about_the_site),
            sorted(row for page, row in rows.items() if page in about_the_site))


def _addresses(known: int, language: str) -> str:
    return say("addresses_known", language, count=known) if known else say("addresses_none", language)


def sources_index(plans: dict[str, SourcePlan], language: str) -> str:
    sources = [plan.source for plan in plans.values()]
    intro = say("sources_intro", language, texts=say_count("texts", len(sources), language),
                date_notes=date_notes(sources, language),
                addresses=_addresses(sum(1 for source in sources if source.url), language)).strip()
    body = TEMPLATES.get_template("sources_index.html").render(
        plans=list(plans.values()), intro=intro, byline=lambda source: byline(source, language, marked=True),
        dated=lambda source: dated(source, language),
        cited_times=lambda count: say_count("cited_times", count, language))
    return _generated_page(say("sources_title", language), say("sources_description", language), body)


def figures_page(claims: list[Claim], titles: dict[str, str], about_the_site: Collection[str], language: str) -> str:
    """Every figure the pages about the events cite, by kind: a kind with more than one value is a chart,
    whose rows are its text and list every page that cites each value; a kind with one value, a card.
    The examples of the pages about the site (method, conventions) are not shown: readers do not need them."""
    figures = [claim for claim in claims if claim.figure and claim.page not in about_the_site]
    link = lambda claim: relative_url(page_url(FIGURES), f"{page_url(claim.page)}#{claim.anchor}")  # noqa: E731
    title = lambda claim: titles.get(claim.page, claim.page)  # noqa: E731
    groups = []
    for kind, about in FIGURE_KINDS.items():
        of_kind = [claim for claim in figures if claim.figure["kind"] == kind]
        if not of_kind:
            continue
        every = in_chart_order(about.get("chart", "dots"), _same_figures(of_kind))
        label = about["label"] if language == CALLS else term("kinds", kind, language)
        chart = draw_chart(about.get("chart", "dots"), every, link, label, title, language) \
            if len(every) > 1 else ""
        subjects = [name for name in dict.fromkeys(same[0].figure["subject"] for same in every) if name]
        named = ", ".join(say("figures_subject", language, subject=term("subjects", name, language))
                          for name in subjects)
        counts = say("figures_subjects", language, subjects=named) if chart and about.get("chart") != "bars" \
            and len(subjects) > 1 else ""
        by_subject = [[same[0].figure["number"] for same in every if same[0].figure["subject"] == name]
                      for name in dict.fromkeys(same[0].figure["subject"] for same in every)]
        groups.append({"kind": kind, "label": label, "card": None if chart else every[0],
                       "chart": Markup(chart), "counts": counts,
                       "differ": any(len(set(numbers)) > 1 for numbers in by_subject)})
    cited_sources = {claim.source.id: claim.source for claim in figures}.values()
    intro = say("figures_intro", language, date_notes=date_notes(cited_sources, language)).strip()
    body = TEMPLATES.get_template("figures.html").render(
        groups=groups, t=words(language), intro=intro,
        dates=lambda claim: figure_dates(claim.figure["date"], claim.source, language),
        figure_text=lambda figure: figure_text(figure, language),
        subject=lambda name: term("subjects", name, language), title=title, link=link,
        source_link=lambda claim: relative_url(page_url(FIGURES), claim.source_page),
    )
    return _generated_page(say("figures_title", language), say("figures_description", language), body)


def _same_figures(claims: list[Claim]) -> list[list[Claim]]:
    """Claims of one figure (same subject, source, value, qualifier and date) share a card."""
    rows: dict[tuple, list[Claim]] = {}
    for claim in claims:
        figure = claim.figure
        key = (figure["subject"], claim.source.id, figure["value"], figure["qualifier"], figure["date"])
        rows.setdefault(key, []).append(claim)
    return list(rows.values())


def _fields(source: Source, language: str) -> list[tuple[str, object, str]]:
    return [(name, source.meta[name], words(language)["bases"][source.meta[name].basis]) for name in source.meta]


def _generated_page(title: str, description: str, body: str) -> str:
    # JSON strings are valid YAML scalars, with every character escaped
    head = f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n---\n\n"
    return head + no_braces(body)
