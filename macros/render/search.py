"""Where a page stands in the site's search: the pages that tell the story first.

Material's search plugin reads a page's `search` metadata: a `boost` scales every score of the
page's sections. A search for a place or a person then lists the reader's pages that mention it
before the source pages, which quote it at length, and the method page, whose examples mention it
too, last. The contributors' page (conventions) stays out of the index: its examples are macro calls,
which a reader would meet as code in a result. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

SOURCE_PAGES = "sources/"  # the generated page of each source, and their index
SOURCE_BOOST = 0.05
ABOUT_THE_SITE_BOOST = 0.01
CONTRIBUTORS_PAGE = "conventions.md"  # linked from every page's footer, not from the readers' menu


def search_meta(src_uri: str, exempt) -> dict:
    """The page's `search` metadata: none for a page about the events."""
    if src_uri == CONTRIBUTORS_PAGE:
        return {"exclude": True}
    if src_uri in exempt:
        return {"boost": ABOUT_THE_SITE_BOOST}
    if src_uri.startswith(SOURCE_PAGES):
        return {"boost": SOURCE_BOOST}
    return {}
