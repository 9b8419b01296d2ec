"""Render: the markup of each claim, each page's references, and the generated pages.

Pure Python: nothing in this package imports MkDocs.
"""
from .generated import figures_page, generated_pages, source_page, sources_index
from .markup import mark_adjacent_markers, marker, references, render_page
from .sourceplan import SourcePlan, plan_sources

__all__ = ["SourcePlan", "figures_page", "generated_pages", "mark_adjacent_markers", "marker",
           "plan_sources", "references", "render_page", "source_page", "sources_index"]
