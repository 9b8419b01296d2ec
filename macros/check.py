"""The static pass: the corpus, every page, every claim, the source-page plan and the dateline's day, before
any rendering.

    python -m macros.check [PROJECT_DIR]

What both the build (macros.mkdocs_plugin) and contributors (`make check`, pre-commit)
run. Every problem of a run is listed; the exit status is 1 if there is one. Pure
Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import sys
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .claims import Claim, Verifier
from .claims.parity import PageEvidence, blocks_of, page_evidence
from .claims.quotations import quotation_problems
from .claims.translations import translation_problems
from .claims.units import unit_problems
from .corpus import CATALOGUE, Corpus, load_corpus
from .corpus.translation import CATALOGUE_LANGUAGE, in_words, read_words
from .editions import Edition, read_editions
from .editions.parity import edition_parity, review_list
from .pages import ParsedPage
from .pages import parse_docs
from .pages.converter import ConversionBudget, converter_or_problem
from .pages.exempt_text import exempt_text_problems
from .pages.coverage import block_quotes_by_hand, numbers_in_front_matter, uncited
from .pages.people import PEOPLE_PAGE, EntryHeading, entry_headings, read_glossary
from .pages.colon_markers import markers_read_as_definitions
from .pages.handmade import handmade
from .pages.prose_numbers import numbers_beyond_passages, passages_by_line
from .pages.rawhtml import raw_html_found
from .pages.rawwatch import watch_raw_html
from .pages.rendered import RenderedPage, render_or_refuse, written_links
from .problems import Problem, capped, counted, report
from .render.dateline import last_update
from .render.interface import languages, say
from .render.interface_check import every_interface_problem, interface_problems
from .render.sourceplan import SourcePlan, plan_sources
from .render.terms import term_problems
from .render.visuals import visual_problems
from .sitecheck import read_config

HOME_PAGE = "index.md"


@dataclass
class Checked:
    corpus: Corpus
    pages: dict[str, ParsedPage]  # by path inside docs/
    claims: dict[str, list[Claim]]  # by path inside docs/
    plans: dict[str, SourcePlan]  # by source id
    glossary: dict[str, str]  # term -> description, from the people page
    problems: list[Problem]
    exempt: frozenset[str] = frozenset()  # the pages about the site, as mkdocs.yml lists them
    # Of the problems, those of the pages' HTML, which rendering does not need fixed first: the build reports
    # them with the problems of each page's content (mkdocs_plugin), so that a page hears of both at once. Raw
    # HTML that holds a call is not among them: the build would lose the call's marker.
    of_the_html: frozenset = frozenset()
    updated: date | None = None  # the last change to the pages or the sources, for the dateline (render/dateline.py)
    # Each page's cited blocks with what they rest on, by path inside docs/: a translation's are compared with
    # its original's (editions/parity.py)
    evidence: dict[str, PageEvidence] = field(default_factory=dict)
    # The people page's entries' headings, and its other elements with an id: a translation's entry ids stand on
    # headings of the original's level that name whom the original's of their ids name
    people: list[EntryHeading] = field(default_factory=list)

    def titles(self, language: str) -> dict[str, str]:
        """Each page's name in back-links and tables, by path inside docs/, in the edition's language."""
        return {src: say("home_page", language) if src == HOME_PAGE else page.title for src, page in self.pages.items()}

    def all_claims(self) -> list[Claim]:
        return [claim for page in sorted(self.claims) for claim in self.claims[page]]

    def about_the_events(self) -> list[Claim]:
        """The claims the map, the timeline and the figures page draw: not the examples of the pages about
        the site (the method and the conventions pages)."""
        about_the_site = self.pages_about_the_site()
        return [claim for claim in self.all_claims() if claim.page not in about_the_site]

    def pages_about_the_site(self) -> set[str]:
        """The pages about the site rather than the events, exempt from coverage: those of the pages that
        mkdocs.yml lists under the citations plugin's `exempt` (the method and the conventions pages)."""
        return {src for src in self.pages if src in self.exempt}

    def about_the_events_first(self) -> list[Claim]:
        """Every claim, those of the pages about the site last (the figures page links the first one)."""
        events = self.about_the_events()
        return events + [claim for claim in self.all_claims() if claim not in events]


def check_project(root: Path, docs_dir: str = "docs", seeds_dir: str = "seeds",
                  exempt: Collection[str] | None = None, render_budget: float | None = None,
                  translation: bool = False, language: str | None = None) -> Checked:
    """Check every Markdown page under docs/ against the seeds; collect every problem. `exempt` lists the
    pages about the site and `render_budget` the seconds converting them may take (the citations plugin's
    options, as MkDocs read them); by default, as mkdocs.yml gives them. A `translation`'s pages (macros/editions)
    need not cite every source: the original's do; they translate each quote, and show a figure's or an event's
    words in the edition's language (render/terms.py). The pages are read in `language` (by default, the
    theme.language of the edition whose pages docs_dir holds): their numbers, and the people page's names."""
    config = read_config(root)
    language = _language_of(root, docs_dir, config) if language is None else language
    exempt = frozenset(config["exempt"] if exempt is None else exempt)
    budget = ConversionBudget(config["render_budget"] if render_budget is None else render_budget)
    md, problems = converter_or_problem(config["markdown_extensions"])
    finder = watch_raw_html(md) if md is not None else None  # finds raw HTML as md converts each page
    corpus, found = load_corpus(root / seeds_dir, seeds_dir)
    problems += found
    verifier = Verifier(corpus, seeds_read=not problems)
    pages, found = parse_docs(root / docs_dir, docs_dir)
    problems += found
    claims: dict[str, list[Claim]] = {}
    glossary: dict[str, str] = {}
    people: list[EntryHeading] = []
    evidence: dict[str, PageEvidence] = {}
    unparsed, of_the_html = {problem.path for problem in problems}, []
    for src, page in sorted(pages.items()):
        found = markers_read_as_definitions(page, md, budget) if md is not None else []
        problems, unparsed = problems + found, unparsed | ({page.path} if found else set())  # as a parse's
        rendered, found = render_or_refuse(page, md, budget) if md is not None else (None, [])
        problems += found
        if found:  # a conversion that failed half-way leaves the converter's state behind: start afresh
            md, _ = converter_or_problem(config["markdown_extensions"])
            finder = watch_raw_html(md)
        page.title = (rendered.heading if rendered is not None else None) or src
        page.links = written_links(rendered) if rendered is not None else []
        if rendered is not None and page.path not in unparsed:  # a page read within the limits on work
            found, losing = raw_html_found(page, finder, rendered)  # losing a call's marker: the build stops
            problems, of_the_html = problems + losing, of_the_html + [problem for problem in found
                                                                      if problem not in losing]
        claims[src], found = verifier.verify(src, page.calls)
        problems += found + list(translation_problems(page.calls, translation, language))
        if rendered is not None and not found:  # every citation verified: what the page rests on, for parity
            evidence[src] = page_evidence(page.path, blocks_of(rendered, claims[src]))
        if rendered is not None:  # coverage counts calls: only once the page parses
            covered = page.path not in unparsed and src not in exempt
            found, html_found = _text_problems(page, rendered, claims[src], covered, verifier.seeds_read, language,
                                               translation)
            problems, of_the_html = problems + found, of_the_html + html_found
        if src == PEOPLE_PAGE and rendered is not None:
            glossary, found = read_glossary(page.path, rendered, language)
            people = entry_headings(rendered)
            problems += found
    problems += verifier.unchecked_problems()
    named = {call.args["source"] for page in pages.values() for call in page.calls if "source" in call.args}
    problems += [] if translation else _uncited_sources(corpus, named, seeds_dir)
    everything = [claim for src in sorted(claims) for claim in claims[src]]
    problems += visual_problems(pages, everything, exempt)
    problems += capped(unit_problems(everything)) + list(term_problems(everything, language))
    updated, found = last_update(root, (docs_dir, seeds_dir))
    problems += found + every_interface_problem()
    if translation and language != CATALOGUE_LANGUAGE:  # verified: now the sources as the edition shows them
        corpus, found = _in_edition_words(root, seeds_dir, language, corpus, everything)
        problems += found
    return Checked(corpus, pages, claims, plan_sources(corpus, everything), glossary,
                   sorted(set(problems + of_the_html)), exempt, frozenset(of_the_html), updated, evidence, people)


def _language_of(root: Path, docs_dir: str, config: dict) -> str:
    """The theme.language of the edition whose pages are in docs_dir (macros/editions), else of mkdocs.yml."""
    editions, _ = read_editions(root)
    return next((edition.lang for edition in editions if edition.docs_dir == docs_dir), config["language"])


def _text_problems(page: ParsedPage, rendered: RenderedPage, claims: list[Claim], covered: bool,
                   seeds_read: bool, language: str, translation: bool) -> tuple[list[Problem], list[Problem]]:
    """The problems of the page's text, read in its HTML: those its rendering needs fixed first, and those of the
    HTML alone (Checked.of_the_html). `covered`: the page is about the events, and parses. Where the seeds could
    not be read, nothing is compared with their passages: every page would seem to state what no passage does."""
    problems, of_the_html = list(handmade(page.path, rendered)), list(block_quotes_by_hand(page.path, rendered))
    if covered:
        of_the_html += capped(uncited(page.path, rendered))
    if covered and seeds_read:
        stated = [str(text) for claim in claims for text in (claim.match.passage, claim.source.meta["date"].value)]
        of_the_html += exempt_text_problems(page.path, rendered, stated, language)
        problems += [*numbers_in_front_matter(page.path, page.front, stated, language),
                     *capped(quotation_problems(page.path, rendered, claims, translation)),
                     *capped(numbers_beyond_passages(page.path, rendered, passages_by_line(claims), language))]
    return problems, of_the_html


def _in_edition_words(root: Path, seeds_dir: str, language: str, corpus: Corpus,
                      claims: list[Claim]) -> tuple[Corpus, list[Problem]]:
    """The corpus in a translation's words (seeds/catalogue.<language>.yml), which its claims now point to: every
    page, reference and source page of the edition shows them. Only after every claim was verified."""
    words, problems = read_words(root / seeds_dir, seeds_dir, language, corpus.sources)
    shown = Corpus({source_id: in_words(source, words.get(source_id, {}))
                    for source_id, source in corpus.sources.items()})
    for claim in claims:
        claim.source = shown.sources[claim.source.id]
    return shown, problems


def _uncited_sources(corpus: Corpus, named: set[str], seeds_dir: str) -> Iterator[Problem]:
    """Sources that no page names; a source named only by a broken citation is reported there."""
    for source in corpus.sources.values():
        if source.id not in named:
            yield Problem(f"{seeds_dir}/{CATALOGUE}", source.catalogue_line, f"source '{source.id}' is never cited",
                          "", "cite it from a page, or remove it from the catalogue")


def check_editions(root: Path) -> tuple[list[tuple[Edition, Checked]], list[Problem]]:
    """The static pass of every edition's pages (macros/editions): docs/, then each translation's docs_dir, and
    each translated page against the original page of its name."""
    editions, problems = read_editions(root)
    checked = [(edition, check_project(root, edition.docs_dir, exempt=edition.exempt,
                                       translation=not edition.original, language=edition.lang))
               for edition in editions]
    problems += [problem for _, one in checked for problem in one.problems]
    # an edition without its strings file (every_interface_problem checks the files there are)
    problems += [problem for edition in editions if edition.lang not in languages()
                 for problem in interface_problems(edition.lang)]
    for edition, one in checked[1:]:
        problems += edition_parity(checked[0][1], checked[0][0].docs_dir, one, edition.docs_dir, edition.lang)
    return checked, problems


def links_by_page(checked: list[tuple[Edition, Checked]]) -> dict[str, list[tuple[int, str]]]:
    """Each page's links as the static pass rendered them, by its label (docs/crackdown.md, docs-ru/index.md)."""
    return {f"{edition.docs_dir}/{src}": page.links for edition, one in checked for src, page in one.pages.items()}


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    checked, problems = check_editions(root)
    reviews = [line for edition, one in checked[1:]
               for line in review_list(root, checked[0][1], checked[0][0].docs_dir, one, edition.docs_dir)]
    if reviews:  # to read, not to fix: the check does not fail on them
        print("\n".join(reviews) + f"\n{counted(len(reviews), 'translated block')} to review")
    done = [f"{counted(sum(len(claims) for claims in one.claims.values()), 'citation')} on "
            f"{counted(len(one.claims), 'page')}" + ("" if edition.original else f" of {edition.docs_dir}/")
            for edition, one in checked]
    if problems:
        print(report(problems, "in the citation check"))
        print(f"{'; '.join(done)} checked", file=sys.stderr)
        return 1
    print(f"ok: {'; '.join(done)}, {counted(len(checked[0][1].corpus.sources), 'source')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
