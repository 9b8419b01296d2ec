"""Every figure() of a page about the events is on the figures page, and the figures page lists only those.

After the build, every figure claim in claims.json of a page about the events is linked from the
figures page, and every marker the figures page links to is such a claim: the examples of the pages
about the site (method, conventions: the citations plugin's `exempt`) are not shown to readers as
places a figure is cited. That every figure shown on a page is a figure() claim is proof.py's rule
(an orphan figure).

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterator

from ..problems import Problem
from ..render.generated import FIGURES
from ..siteurls import built_path, built_url
from .builtsite import BuiltSite
from .links import scan
from .targets import resolve

FIGURES_PAGE = built_path(FIGURES)
BUG = "the figures page is generated from every figure(): report this as a bug"


def check_figures(site: BuiltSite, entries: list[dict], site_label: str = "site",
                  about_the_site: Collection[str] = (), folder: str = "") -> Iterator[Problem]:
    """`about_the_site`: the URLs of the pages about the site ('method/'); `folder`: the edition's, whose
    entries these are, in a site of several editions ('ru')."""
    figures = {(entry["page"], entry["anchor"]): entry for entry in entries if entry["kind"] == "figure"}
    figures_page = posixpath.join(folder, FIGURES_PAGE)
    listed = _listed(site, figures_page)
    for key, entry in sorted(figures.items()):
        if key not in listed and key[0] not in about_the_site:
            where, _, line = entry["markdown"].rpartition(":")
            yield Problem(where, int(line), "figure missing from the figures page",
                          f"{entry['value']} ({entry['figure']['kind']})", BUG)
    for key in sorted(listed):
        if key not in figures or key[0] in about_the_site:
            rule = "a marker that is not a figure()" if key not in figures else "an example of a page about the site"
            yield Problem(f"{site_label}/{figures_page}", site.pages[figures_page].line_of(key[1]),
                          f"figures page lists {rule}", f"{key[0]}#{key[1]}", BUG)


def _listed(site: BuiltSite, figures_page: str) -> set[tuple[str, str]]:
    """(page URL, marker id) of every marker the figures page links to."""
    if figures_page not in site.pages:
        return set()
    listed = set()
    for link in scan(site.pages[figures_page]).links:
        target = resolve(figures_page, link.url)
        if target.path and target.fragment.startswith("fnref:"):
            listed.add((built_url(target.path), target.fragment))
    return listed
