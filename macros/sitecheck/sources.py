"""Where a problem found in the built site was written: the Markdown page a built page comes from."""
from __future__ import annotations

from pathlib import Path

from ..lines import LineIndex, WordIndex, Words
from ..siteurls import pages_built_as


class MarkdownSources:
    """The docs' Markdown, to point errors at a line a contributor can edit."""

    def __init__(self, docs: Path | None, label: str = "docs"):
        self.docs = docs
        self.label = label
        self._lines: dict[str, tuple[str, ...]] = {}
        self._indexes: dict[str, LineIndex] = {}
        self._words: dict[str, WordIndex] = {}  # made for a page when a needle of words is first looked up in it

    def source_of(self, html_path: str) -> str | None:
        """Path inside docs/ of the page built as site/<html_path>, if it has one."""
        if self.docs is None:
            return None
        return next((name for name in pages_built_as(html_path) if (self.docs / name).is_file()), None)

    def lines(self, name: str) -> tuple[str, ...]:
        if name not in self._lines:
            text = (self.docs / name).read_text(encoding="utf-8-sig", errors="replace")
            self._lines[name] = tuple(text.splitlines())
        return self._lines[name]

    def find(self, html_path: str, *needles: str) -> tuple[str, int] | None:
        """(docs/page.md, line) of the first line of the page's Markdown that holds one of the needles,
        in any case; a needle of Words as lines.WordIndex finds them."""
        name = self.source_of(html_path)
        if name is None:
            return None
        if name not in self._indexes:
            self._indexes[name] = LineIndex.of_lines(self.lines(name), ignore_case=True)
        found = [line for line in (self._line_of(name, needle) for needle in needles) if line]
        return (f"{self.label}/{name}", min(found)) if found else None

    def _line_of(self, name: str, needle: str) -> int:
        if not isinstance(needle, Words):
            return self._indexes[name].line_of(needle)
        if name not in self._words:
            self._words[name] = WordIndex(self.lines(name))
        return self._words[name].line_of(needle)
