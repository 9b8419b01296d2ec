"""Every citation marker in the built HTML has its entry in claims.json, and every entry its marker."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from .builtsite import BuiltSite, built_page_url

MARKER_ID = re.compile(r"fnref:qq\d++")
BUG = "claims.json and the HTML must list the same markers: report this as a bug"


def check_markers(site: BuiltSite, entries: list[dict], site_label: str = "site") -> Iterator[Problem]:
    expected = {(entry["page"], entry["anchor"]): entry for entry in entries}
    found = {}
    for path, page in site.pages.items():
        if "fnref:qq" not in page.text:
            continue
        for node in page.tree.css("[id]"):
            marker = node.attributes.get("id") or ""
            if MARKER_ID.fullmatch(marker) and (built_page_url(path), marker) in found:
                yield Problem(f"{site_label}/{path}", page.line_of(f'id="{marker}"'), "two markers with one id",
                              marker, "a marker is written by its citation macro, never by hand")
            elif MARKER_ID.fullmatch(marker):
                found[(built_page_url(path), marker)] = (path, page)
    for (url, anchor), entry in expected.items():
        if (url, anchor) not in found:
            where, _, line = entry["markdown"].rpartition(":")
            yield Problem(where, int(line), "citation without a marker in the built page", f"{url or '/'}#{anchor}",
                          BUG)
    for (url, anchor), (path, page) in found.items():
        if (url, anchor) not in expected:
            yield Problem(f"{site_label}/{path}", page.line_of(f'id="{anchor}"'), "marker without a citation in "
                          "claims.json", f"{url or '/'}#{anchor}", BUG)
