"""What a page of one edition links to in the others: the language switcher's links (overrides/partials/
alternate.html, set by overrides/hooks/editions.py), each to the page's counterpart, else to that edition's home
page. Material's own switcher links each edition's home page, and its script then looks the page up in that
edition's sitemap by its path after the site's root: with the original at '/', every path is under it, and the
reader lands on the other edition's home page.

The Content-Security-Policy allows no inline script; `mkdocs serve` injects one to reload a page when a file
changes. `make serve` asks for live reload (QQ_LIVE_RELOAD=1 in the environment), and only then, only under
`mkdocs serve`, does the citation plugin add 'unsafe-inline' to the policy of the pages it serves: serve builds
into a temporary folder, and `mkdocs build` never relaxes it. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path

from ..render.generated import FIGURES
from ..siteurls import SOURCES, page_url, relative_url
from . import Edition, edition_of, read_editions

HOME_PAGE = "index.md"
LIVE_RELOAD = "QQ_LIVE_RELOAD"  # set to 1 by `make serve`


class Switcher:
    """The switcher's links of the edition in `language` of the project in `root`: none for a site of one edition,
    or whose list of editions is wrong (the citation plugin reports that). A page the engine generates from the
    seeds (the sources, the figures) is in every edition; another page is in the editions whose docs_dir holds it."""

    def __init__(self, root: Path, language: str):
        self.root = root
        editions, problems = read_editions(root)
        self.edition = edition_of(editions, language)
        self.editions = editions if not problems and self.edition is not None and len(editions) > 1 else []

    def links(self, src: str, url: str) -> list[dict]:
        """The entries of the page docs/<src>, served at `url` inside its edition."""
        return alternates(src, url, self.edition, self.editions, self._translated) if self.editions else []

    def _translated(self, other: Edition, page: str) -> bool:
        return page == FIGURES or page.startswith(f"{SOURCES}/") or (self.root / other.docs_dir / page).is_file()


def alternates(src: str, url: str, edition: Edition, editions: list[Edition],
               translated: Callable[[Edition, str], bool]) -> list[dict]:
    """The switcher's entries for the page docs/<src> of `edition`, served at `url` ('crackdown/') inside it:
    each edition's name, language and link, relative to the page. `translated(edition, src)`: whether that
    edition has the page."""
    here = posixpath.join(edition.folder, url) if edition.folder else url
    entries = []
    for other in editions:
        target = src if other == edition or translated(other, src) else HOME_PAGE
        entries.append({"name": other.name, "lang": other.lang, "current": other == edition,
                        "counterpart": other != edition and target == src,  # not that edition's home page instead
                        "href": relative_url(here, page_url(target, other.folder))})
    return entries


def live_reload_policy(policy: str) -> str:
    """The policy with the inline script of `mkdocs serve`'s live reload allowed: 'unsafe-inline' added to
    script-src (CSP 3 §2.2.1: directives are separated by ';', a name from its values by white space)."""
    directives = [directive.strip() for directive in policy.split(";") if directive.strip()]
    allowed = [f"{directive} 'unsafe-inline'" if directive.split()[0].lower() == "script-src" else directive
               for directive in directives]
    if not any(directive.split()[0].lower() == "script-src" for directive in directives):
        allowed.append("script-src 'self' 'unsafe-inline'")
    return "; ".join(allowed)
