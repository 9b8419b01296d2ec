"""Every figure() is on the figures page, and the figures page lists only figure() claims.

After the build, every figure claim in claims.json is linked from the figures page,
and every marker the figures page links to is a figure claim. That every figure shown
on a page is a figure() claim is proof.py's rule (an orphan figure).

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from .builtsite import BuiltSite, built_page_url
from .links import scan
from .targets import resolve

FIGURES_PAGE = "figures/index.html"
BUG = "the figures page is generated from every figure(): report this as a bug"


def check_figures(site: BuiltSite, entries: list[dict], site_label: str = "site") -> Iterator[Problem]:
    figures = {(entry["page"], entry["anchor"]): entry for entry in entries if entry["kind"] == "figure"}
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
