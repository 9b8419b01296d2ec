"""Render: the markup of each claim, each page's references, and the generated pages.

Pure Python: nothing in this package imports MkDocs.
"""
from .generated import figures_page, generated_pages, source_page, sources_index
from .interface import words
from .markup import finish_markers, marker, references, render_page
from .search import search_meta
from .sourceplan import SourcePlan, plan_sources
from .translated import page_marks

__all__ = ["SourcePlan", "figures_page", "finish_markers", "generated_pages", "marker", "page_marks",
           "plan_sources", "references", "render_page", "search_meta", "source_page", "sources_index", "words"]
