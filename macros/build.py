"""The whole static pass: corpus, every page, every claim, the source-page plan.

This is what both the MkDocs build and `python -m macros.check` run. Pure Python.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .claims import Claim, verify
from .corpus import CATALOGUE, Corpus, load_corpus, symlink_problems
from .coverage import uncited
from .glossary import PEOPLE_PAGE, read_glossary
from .pages import FRONT_MATTER, ParsedPage, parse_page
from .problems import Problem
from .sourcepages import SourcePlan, plan_sources

HEADING = re.compile(r"^# +(.+?)(?:\s*\{[^}]*\})?\s*$", re.M)

MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")  # mkdocs.utils.markdown_extensions


@dataclass
class Checked:
    corpus: Corpus
    claims: dict[str, list[Claim]]  # by page path inside docs/
    plans: dict[str, SourcePlan]
    problems: list[Problem]
    glossary: dict[str, str]  # term -> description, from the people page
    titles: dict[str, str]  # page path inside docs/ -> its first heading, for back-links
    pages: dict[str, ParsedPage] = field(default_factory=dict)  # page path inside docs/ -> its parse

    def all_claims(self) -> list[Claim]:
        return [claim for page in sorted(self.claims) for claim in self.claims[page]]


def check_project(root: Path, docs_dir: str = "docs", seeds_dir: str = "seeds") -> Checked:
    """Check every Markdown page under docs/ against the seeds; collect every problem."""
    corpus, problems = load_corpus(root / seeds_dir, seeds_dir)
    claims: dict[str, list[Claim]] = {}
    glossary: dict[str, str] = {}
    titles: dict[str, str] = {}
    parsed_pages: dict[str, ParsedPage] = {}
    docs = root / docs_dir
    for path in _pages(docs, docs_dir, problems):
        page = path.relative_to(docs).as_posix()
        label = f"{docs_dir}/{page}"
        text = path.read_text(encoding="utf-8")
        parsed = parsed_pages[page] = parse_page(label, text)
        titles[page] = _first_heading(text) or page
        if page == PEOPLE_PAGE:
            glossary, found = _glossary(label, text)
            problems += found
        problems += parsed.problems
        if not parsed.problems:  # coverage counts calls, so only once the page parses
            problems += uncited(label, text, parsed.calls)
        claims[page], found = verify(corpus, page, parsed.calls)
        problems += found
    everything = [claim for page in sorted(claims) for claim in claims[page]]
    problems += _uncited_sources(corpus, everything, seeds_dir)
    return Checked(corpus, claims, plan_sources(corpus, everything), sorted(problems), glossary,
                   titles, parsed_pages)


def _first_heading(text: str) -> str | None:
    heading = HEADING.search(text)
    return heading.group(1).strip() if heading else None


def _glossary(label: str, text: str):
    front = FRONT_MATTER.match(text)
    if not front:
        return read_glossary(label, text)
    return read_glossary(label, text[front.end():], offset=text.count("\n", 0, front.end()))


def _pages(docs: Path, label: str, problems: list[Problem]) -> list[Path]:
    """Every page under docs/, walked without following links. MkDocs renders every Markdown suffix
    as a page; only .md is checked and built here, so the others are refused, as are links."""
    problems += symlink_problems(docs, label)
    pages = []
    for base, dirs, files in os.walk(docs):
        dirs.sort()
        for name in sorted(files):
            path = Path(base) / name
            if path.is_symlink():
                continue
            if name.endswith(".md"):
                pages.append(path)
            elif name.endswith(MARKDOWN_SUFFIXES):
                problems.append(Problem(f"{label}/{path.relative_to(docs).as_posix()}", 1,
                                        "Markdown pages must end in .md",
                                        "MkDocs would render this file as a page the citation check does not read",
                                        "rename it to .md"))
    return sorted(pages)


def _uncited_sources(corpus, claims, seeds_dir) -> list[Problem]:
    cited = {claim.source.id for claim in claims}
    return [
        Problem(f"{seeds_dir}/{CATALOGUE}", source.catalogue_line, f"source '{source.id}' is never cited", "",
                "cite it from a page, or remove it from the catalogue")
        for source in corpus.sources.values() if source.id not in cited
    ]
