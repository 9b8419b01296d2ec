"""Where a problem found in the built site was written: the Markdown page a built page comes from."""
from __future__ import annotations

from pathlib import Path

from ..lines import PageLines
from ..siteurls import pages_built_as


class MarkdownSources:
    """The docs' Markdown, to point errors at a line a contributor can edit."""

    def __init__(self, docs: Path | None, label: str = "docs"):
        self.docs = docs
        self.label = label
        self._pages: dict[str, PageLines] = {}

    def source_of(self, html_path: str) -> str | None:
        """Path inside docs/ of the page built as site/<html_path>, if it has one."""
        if self.docs is None:
            return None
        return next((name for name in pages_built_as(html_path) if (self.docs / name).is_file()), None)

    def lines(self, name: str) -> PageLines:
        if name not in self._pages:
            text = (self.docs / name).read_text(encoding="utf-8-sig", errors="replace")
            self._pages[name] = PageLines(text.splitlines())
        return self._pages[name]

    def find(self, html_path: str, *needles: str) -> tuple[str, int] | None:
        """(docs/page.md, line) of the first line of the page's Markdown that holds one of the needles,
        in any case; a needle of Words as lines.WordIndex finds them."""
        name = self.source_of(html_path)
        if name is None:
            return None
        found = [line for line in map(self.lines(name).line_of, needles) if line]
        return (f"{self.label}/{name}", min(found)) if found else None
