"""The steps the engine adds to Python-Markdown's conversion: marking the glossary's names
(render/first_mentions.py), and readying the citation markers for the theme (render/markup.py)."""
from __future__ import annotations

from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..render.first_mentions import mark_first_mentions
from ..render.markup import finish_markers
from ..render.translated import PageMarks, mark_translated_page

AFTER_INLINE = 15  # Python-Markdown's inline patterns run at 20, its prettifier at 10
LAST = 1  # after attr_list (8) and toc (5): the tree as it is written out, bar the unescaping (0)


class GlossaryMarking(Extension):
    """`glossary()` gives the names to mark on the page being converted, or {} for none."""

    def __init__(self, glossary: Callable[[], dict[str, str]]):
        super().__init__()
        self.glossary = glossary

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_MarkFirstMentions(md, self.glossary), "qq_glossary", AFTER_INLINE)


class _MarkFirstMentions(Treeprocessor):
    def __init__(self, md: Markdown, glossary: Callable[[], dict[str, str]]):
        super().__init__(md)
        self.glossary = glossary

    def run(self, root):
        stash = self.md.htmlStash.rawHtmlBlocks
        mark_first_mentions(root, self.glossary(), lambda index: str(stash[index]) if index < len(stash) else "")


class MarkerFinishing(Extension):
    """`marks()` gives what the page being converted says of its languages (render/translated.py)."""

    def __init__(self, marks: Callable[[], PageMarks] = PageMarks):
        super().__init__()
        self.marks = marks

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_MarkersForTheme(md, self.marks), "qq_markers", LAST)


class _MarkersForTheme(Treeprocessor):
    def __init__(self, md: Markdown, marks: Callable[[], PageMarks]):
        super().__init__(md)
        self.marks = marks

    def run(self, root):
        stash = self.md.htmlStash.rawHtmlBlocks
        finish_markers(root, lambda index: str(stash[index]) if index < len(stash) else "")
        mark_translated_page(root, self.marks())
