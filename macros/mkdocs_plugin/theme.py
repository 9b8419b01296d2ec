"""What the theme reads from the engine: its templates (overrides/) the interface words and the contributors'
page, which every page's footer links to since it is not in the readers' menu; Material's search plugin a
page's `search` metadata (search_meta)."""
from __future__ import annotations

from ..render import search_meta, words
from ..render.search import CONTRIBUTORS_PAGE

__all__ = ["CONTRIBUTORS_PAGE", "search_meta", "theme_globals"]


def theme_globals(files) -> dict:
    """The templates' globals: qq_words, and qq_contributors, the contributors' page's URL (None without one)."""
    contributors = files.get_file_from_path(CONTRIBUTORS_PAGE)
    return {"qq_words": words(), "qq_contributors": contributors.url if contributors else None}
