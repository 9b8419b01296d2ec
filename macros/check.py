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
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .claims import Claim, Verifier
from .claims.quotations import quotation_problems
from .claims.units import unit_problems
from .corpus import CATALOGUE, Corpus, load_corpus
from .pages import ParsedPage
from .pages import parse_docs
from .pages.coverage import numbers_in_front_matter, uncited
from .pages.glossary import PEOPLE_PAGE, read_glossary
from .pages.handmade import handmade
from .pages.rawhtml import raw_html_converter, raw_html_problems
from .pages.prose_numbers import numbers_beyond_passages, passages_by_line
from .problems import Problem, capped, clip, counted, report
from .render.dateline import last_update
from .render.interface import say
from .render.sourceplan import SourcePlan, plan_sources
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
    updated: date | None = None  # the last change to the pages or the sources, for the dateline (render/dateline.py)

    @property
    def titles(self) -> dict[str, str]:
        """Each page's name in back-links and tables, by path inside docs/."""
        return {src: say("home_page") if src == HOME_PAGE else page.title for src, page in self.pages.items()}

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
                  exempt: Collection[str] | None = None) -> Checked:
    """Check every Markdown page under docs/ against the seeds; collect every problem. `exempt` lists the
    pages about the site (the citations plugin's option, as MkDocs read it); by default, as mkdocs.yml lists them."""
    config = read_config(root)
    exempt = frozenset(config["exempt"] if exempt is None else exempt)
    corpus, problems = load_corpus(root / seeds_dir, seeds_dir)
    converter, problems_of_config = _converter(config["markdown_extensions"])
    problems += problems_of_config
    verifier = Verifier(corpus, seeds_read=not problems)
    pages, found = parse_docs(root / docs_dir, docs_dir)
    problems += found
    claims: dict[str, list[Claim]] = {}
    glossary: dict[str, str] = {}
    unparsed = {problem.path for problem in problems}
    for src, page in sorted(pages.items()):
        if page.path not in unparsed and src not in exempt:  # coverage counts calls: only once the page parses
            problems += capped(uncited(page.path, page.front, page.calls))
        problems += handmade(page.path, page.front)
        if converter and page.path not in unparsed:  # a page the static pass read, within its limits on work
            problems += raw_html_problems(page, *converter)
        claims[src], found = verifier.verify(src, page.calls)
        problems += found
        if page.path not in unparsed and src not in exempt:
            stated = [text for claim in claims[src] for text in (claim.match.passage, claim.source.meta["date"].value)]
            problems += numbers_in_front_matter(page.path, page.front, map(str, stated))
            problems += capped(quotation_problems(page, claims[src]))
            problems += capped(numbers_beyond_passages(page.path, page.front, passages_by_line(claims[src])))
        if src == PEOPLE_PAGE:
            glossary, found = read_glossary(page.path, page.front)
            problems += found
    problems += verifier.unchecked_problems()
    named = {call.args["source"] for page in pages.values() for call in page.calls if "source" in call.args}
    problems += _uncited_sources(corpus, named, seeds_dir)
    everything = [claim for src in sorted(claims) for claim in claims[src]]
    problems += visual_problems(pages, everything, exempt)
    problems += capped(unit_problems(everything))
    updated, found = last_update(root, (docs_dir, seeds_dir))
    problems += found
    return Checked(corpus, pages, claims, plan_sources(corpus, everything), glossary, sorted(set(problems)), exempt,
                   updated)


def _converter(extensions: dict[str, dict]) -> tuple[tuple | None, list[Problem]]:
    """Python-Markdown as MkDocs sets it up, watched for raw HTML; a problem if mkdocs.yml names an extension
    that cannot be loaded (MkDocs would fail on it too)."""
    try:
        return raw_html_converter(extensions), []
    except (ImportError, ValueError, TypeError) as error:
        return None, [Problem("mkdocs.yml", 1, "a Markdown extension cannot be loaded", clip(str(error), 120),
                              "fix markdown_extensions in mkdocs.yml")]


def _uncited_sources(corpus: Corpus, named: set[str], seeds_dir: str) -> Iterator[Problem]:
    """Sources that no page names; a source named only by a broken citation is reported there."""
    for source in corpus.sources.values():
        if source.id not in named:
            yield Problem(f"{seeds_dir}/{CATALOGUE}", source.catalogue_line, f"source '{source.id}' is never cited",
                          "", "cite it from a page, or remove it from the catalogue")


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    checked = check_project(root)
    count = counted(sum(len(claims) for claims in checked.claims.values()), "citation")
    if checked.problems:
        print(report(checked.problems, "in the citation check"))
        print(f"{count} checked", file=sys.stderr)
        return 1
    print(f"ok: {count} on {counted(len(checked.claims), 'page')}, {counted(len(checked.corpus.sources), 'source')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
