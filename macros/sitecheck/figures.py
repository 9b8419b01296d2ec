"""No orphan figure: every figure on the site is a checked figure() and is listed on /figures/.

An orphan figure is a number styled as a figure that no citation backs, or a
figure() citation that the figures page leaves out. After the build:

- every element with class `qq-figure` in a page is followed at once by the
  marker of a figure() claim of that page (a hand-written
  `<span class="qq-figure">` has none);
- every figure claim in claims.json is linked from the figures page, and
  every marker the figures page links to is a figure claim.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from .active import capped
from .builtsite import BuiltPage, BuiltSite, built_page_url
from .links import scan
from .targets import resolve
from .sources import MarkdownSources

FIGURE_CLASS = "qq-figure"
FIGURES_PAGE = "figures/index.html"
BUG = "the figures page is generated from every figure(): report this as a bug"


def check_figures(site: BuiltSite, entries: list[dict], sources: MarkdownSources,
                  site_label: str = "site") -> Iterator[Problem]:
    figures = {(entry["page"], entry["anchor"]): entry for entry in entries if entry["kind"] == "figure"}
    for path, page in site.pages.items():
        if FIGURE_CLASS not in page.text:
            continue  # most pages
        yield from capped(_orphan(site_label, page, text, sources) for text, marker_id in shown_figures(page)
                          if (built_page_url(path), marker_id) not in figures)
    listed = _listed(site)
    for key, entry in sorted(figures.items()):
        if key not in listed:
            where, _, line = entry["markdown"].rpartition(":")
            yield Problem(where, int(line), "figure missing from the figures page",
                          f"{entry['value']} ({entry['figure']['kind']})", BUG)
    for key in sorted(listed):
        if key not in figures:
            yield Problem(f"{site_label}/{FIGURES_PAGE}", site.pages[FIGURES_PAGE].line_of(key[1]),
                          "figures page lists a marker that is not a figure()", f"{key[0]}#{key[1]}", BUG)


def shown_figures(page: BuiltPage) -> list[tuple[str, str | None]]:
    """(text, id of the element right after it) for every element of class qq-figure not inside another."""
    inner = {node.mem_id for node in page.tree.css(f".{FIGURE_CLASS} .{FIGURE_CLASS}")}
    return [(node.text(), _next_id(node)) for node in page.tree.css(f".{FIGURE_CLASS}") if node.mem_id not in inner]


def _next_id(node) -> str | None:
    """The id of the element that follows `node`, unless text comes first (climbing out of its parents)."""
    while node is not None:
        following = node.next
        while following is not None and following.tag == "-text" and not (following.text() or "").strip():
            following = following.next
        if following is not None:
            return following.attributes.get("id") if following.tag not in ("-text", "-comment") else None
        node = node.parent
    return None


def _orphan(site_label: str, page: BuiltPage, text: str, sources: MarkdownSources) -> Problem:
    text = " ".join(text.split())
    hint = "write numbers with figure(), which checks them against a source and lists them on the figures page"
    place = sources.find(page.path, FIGURE_CLASS)
    if place:
        return Problem(place[0], place[1], "figure without a citation", repr(text), hint)
    return Problem(f"{site_label}/{page.path}", page.line_of(FIGURE_CLASS), "figure without a citation",
                   repr(text), hint)


def _listed(site: BuiltSite) -> set[tuple[str, str]]:
    """(page URL, marker id) of every marker the figures page links to."""
    if FIGURES_PAGE not in site.pages:
        return set()
    listed = set()
    for link in scan(site.pages[FIGURES_PAGE]).links:
        target = resolve(FIGURES_PAGE, link.url)
        if target.path and target.fragment.startswith("fnref:"):
            listed.add((built_page_url(target.path), target.fragment))
    return listed
