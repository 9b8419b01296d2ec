"""A table of contents entry reads as its heading.

Python-Markdown's toc takes an entry's text from a heading's `data-toc-label` where it has one, and removes
the attribute, so the HTML allow-list never sees it: the sidebar could read "Russian troops killed 10,412
protesters" beside a heading "The toll". Compared on what was made, whatever wrote the attribute (an attribute
list, a raw heading in a `markdown="1"` block). Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import html as entities
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser

HEADINGS = "h1, h2, h3, h4, h5, h6"
NOT_ITS_TEXT = 'a.headerlink, sup[id^="fnref"]'  # the permalink, and the markers the toc leaves out


def relabelled(html: str, entries: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(the entry's text, its heading's) of each table of contents entry (title, "#id") that reads otherwise
    than the heading it links to."""
    body = LexborHTMLParser(f"<!doctype html><html><body>{html}</body></html>").body
    for node in body.css(NOT_ITS_TEXT):
        node.decompose()
    shown: dict[str, str] = {}
    for heading in body.css(HEADINGS):
        shown.setdefault(heading.attributes.get("id") or "", " ".join(heading.text().split()))
    for title, url in entries:
        own = shown.get(url.removeprefix("#"))
        if own is not None and " ".join(entities.unescape(title).split()) != own:
            yield title, own
