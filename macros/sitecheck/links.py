"""The post-build link check: every link inside the built site resolves.

After MkDocs has written site/, every `href` and `src` of every HTML file is
checked (srcset is refused everywhere), wherever it came from: a Markdown link, raw HTML in a page,
the citation engine's generated pages and references, or the theme. A link
that points inside the site must name a file that was built, and its
#fragment an element id (or <a name>) on that page. Links with a scheme or a
host (https:, mailto:, data:, //host/…) leave the site and are not checked
here; `python -m macros.sitecheck.external` lists and checks them.

Each error names the Markdown line of a link the page wrote: the line of the block whose
HTML, as the static pass rendered the page with Python-Markdown, holds that link
(pages/rendered.written_links). A link the page did not write (the engine's, the theme's)
is named at the built page and its HTML line. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..problems import Problem, capped
from ..siteurls import built_path, directory_index, leaves_site
from .builtsite import BuiltPage, BuiltSite
from .sources import MarkdownSources, Written
from .targets import Target, resolve, shown_path, split
from .urls import browser_url

HINTED = 50  # broken links that get a suggestion; the rest are listed plainly


@dataclass(frozen=True)
class Link:
    url: str  # as the browser reads it from the HTML
    attribute: str  # the attribute's name, to find it in the HTML text when it must be reported


@dataclass
class HtmlPage:
    path: str  # inside site/, e.g. "crackdown/index.html"
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


def scan(page: BuiltPage) -> HtmlPage:
    """The ids and links of a built page."""
    found = HtmlPage(page.path)
    for node in page.elements():
        for name, value in node.attributes.items():
            if value is None:
                continue
            if name == "id" or (name == "name" and node.tag == "a"):
                found.ids.add(value)
            elif name in ("href", "src"):  # srcset is refused everywhere (rules.py)
                found.links.append(Link(browser_url(value), name))
    return found


def check_site(site: BuiltSite, written: Mapping[str, list[tuple[int, str]]] | None = None,
               sources: MarkdownSources | None = None, base: str = "/", site_label: str = "site",
               edition: tuple[str, frozenset] = ("", frozenset())) -> list[Problem]:
    """Every broken internal link and anchor of the built site, as problems. `written`: the links of each page,
    by its label ('docs/crackdown.md', 'docs-ru/index.md'), as the static pass rendered it (ParsedPage.links);
    `sources`: the Markdown the built pages come from (of several editions). `edition`: where this site is built
    in a site of several editions, (its folder, the other editions' folders); a link into another edition is
    checked when the editions are merged (macros/editions), not here."""
    pages = {path: scan(page) for path, page in site.pages.items()}
    located = _WrittenSources(written, sources or MarkdownSources(Path("docs"))) if written is not None else None
    problems: list[Problem] = []
    for path, page in pages.items():
        broken = []
        for link in page.links:
            if not link.url or leaves_site(link.url) or _in_another_edition(path, link.url, base, *edition):
                continue
            target = resolve(path, link.url, base)
            complaint = _complaint(site, pages, target, link.url, hinted=len(problems) + len(broken) < HINTED)
            if complaint:
                broken.append((link, target, complaint))
        if broken:
            problems += capped(_locate(site.pages[path], broken, located, site_label, base))
    return sorted(set(problems))


def _in_another_edition(path: str, url: str, base: str, folder: str, others: frozenset) -> bool:
    """Whether a link of site/<path> points into another edition: resolved from where this edition is built in
    the whole site (under its folder, whose site_url ends in it), it lands outside the folder, or in another's."""
    if folder:
        whole_base = base.rstrip("/").removesuffix("/" + folder) + "/"
        target = resolve(f"{folder}/{path}", url, whole_base).path
        return target is not None and not target.startswith(folder + "/")
    target = resolve(path, url, base).path or ""
    return any(target.startswith(other + "/") for other in others)


def _complaint(site: BuiltSite, pages: dict[str, HtmlPage], target: Target, url: str,
               hinted: bool = True) -> tuple[str, str] | None:
    """(rule, hint) if the target does not exist, else None; the hint looks for what was meant if `hinted`."""
    if target.path is None:
        return "broken link", "it points outside the site; link to a page's .md file instead"
    path = target.path
    if path not in pages and not site.is_file(path):
        if site.is_dir(path) and site.is_file(directory_index(path)):
            path = directory_index(path)
        else:
            return "broken link", _missing_hint(pages, target, url) if hinted else "nothing is built there"
    if target.fragment and path.endswith(".html") and target.fragment not in pages[path].ids:
        return "broken anchor", _anchor_hint(pages[path], target.fragment, shown_path(path)) if hinted else \
            f"page '{shown_path(path)}' has no id '{target.fragment}'"
    return None


def _missing_hint(pages, target: Target, url: str) -> str:
    built = sorted({shown_path(path) for path in pages})
    stem = target.shown.rstrip("/")
    close = [page for page in built if stem and page.startswith(stem)] or \
        difflib.get_close_matches(target.shown, built, n=1, cutoff=0.6)
    if urlsplit(url).path.endswith(".md"):
        what = f"'{unquote(urlsplit(url).path)}' is not a page of the site"
    else:
        what = f"nothing is built at '{target.shown}'"
    suggestion = f"; did you mean '{close[0]}'?" if close else "; link to an existing page's .md file"
    return what + suggestion


def _anchor_hint(page: HtmlPage, fragment: str, shown: str) -> str:
    close = difflib.get_close_matches(fragment, sorted(page.ids), n=3, cutoff=0.6)
    ids = ", ".join(f"'{name}'" for name in close)
    return f"page '{shown}' has no id '{fragment}'" + (f"; ids close to it: {ids}" if ids else "")


def _locate(page: BuiltPage, broken, sources, site_label, base) -> Iterator[Problem]:
    """Problems for the broken links of one page, at their Markdown line where it can be found."""
    written = sources.links_of(page.path, base) if sources else None
    taken: dict[tuple, int] = {}
    for link, target, (rule, hint) in broken:
        place = written.find(link, target, taken) if written else None
        if place:
            label, line, text = place
            yield Problem(label, line, rule, repr(text), hint)
        else:
            line = page.line_of(f'{link.attribute}="{link.url}"', page.line_of(link.url))
            yield Problem(f"{site_label}/{page.path}", line, rule, repr(link.url),
                          hint + " (this link is generated, not written in a page)")


class _WrittenLinks:
    """The links of one page's Markdown: (line, text, resolved as raw HTML, resolved as Markdown)."""

    def __init__(self, label: str, found: list[tuple[int, str, Target, Target]]):
        self.label = label  # e.g. docs/crackdown.md
        self.by_text: dict[str, list] = {}
        self.by_target: dict[Target, list] = {}
        for entry in found:
            self.by_text.setdefault(entry[1], []).append(entry)
            for target in {entry[2], entry[3]}:
                self.by_target.setdefault(target, []).append(entry)

    def find(self, link: Link, target: Target, taken: dict) -> tuple[str, int, str] | None:
        """The Markdown line of a link: its text as written, or the same target; the n-th use pairs with the n-th."""
        candidates = self.by_text.get(link.url) or self.by_target.get(target, [])
        if not candidates:
            return None
        key = (link.url, target)
        index = taken.get(key, 0)
        taken[key] = index + 1
        line, text, _, _ = candidates[min(index, len(candidates) - 1)]
        return self.label, line, text


class _WrittenSources:
    """The links each page was written with, resolved as the built page's links are."""

    def __init__(self, written: Mapping[str, list[tuple[int, str]]], sources: MarkdownSources):
        self.written, self.sources = written, sources

    def links_of(self, html_path: str, base: str) -> _WrittenLinks | None:
        page = next((page for page, _ in self.sources.candidates(html_path) if page.label in self.written), None)
        if page is None:
            return None
        found = [(line, url, resolve(html_path, url, base), _as_markdown(page, html_path, url, base))
                 for line, address in self.written[page.label] if line
                 for url in (browser_url(address),) if url and not leaves_site(url)]
        return _WrittenLinks(page.label, found)


def _as_markdown(page: Written, html_path: str, written: str, base: str) -> Target:
    """Where MkDocs sends a Markdown link: .md files become their pages, other files keep their place."""
    parts = split(written)
    if parts is None:
        return Target(None, "", written)
    path = unquote(parts.path)
    if not path or path.startswith("/"):
        return resolve(html_path, written, base)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), path))
    if target.endswith(".md"):
        target = built_path(target)
    target = posixpath.join(page.folder, target) if page.folder else target
    fragment = unquote(parts.fragment)
    return Target(target, fragment, shown_path(target))
