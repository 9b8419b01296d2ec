"""Where a problem found in the built site was written: the Markdown page a built page comes from.

A site may hold several editions (macros/editions): the translations are built under their folder ('ru/'),
each from its own docs_dir, and the original at the root."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..lines import PageLines
from ..siteurls import pages_built_as


@dataclass(frozen=True)
class Written:
    """The Markdown page a built page comes from."""

    label: str  # as problems name it: 'docs/crackdown.md', 'docs-ru/index.md'
    folder: str  # its edition's folder in the site: '' or 'ru'
    name: str  # inside its docs_dir: 'crackdown.md'


class MarkdownSources:
    """The docs' Markdown, to point errors at a line a contributor can edit. `translations` are the other
    editions built into the same site: (folder, docs_dir, label) each."""

    def __init__(self, docs: Path | None, label: str = "docs", translations: tuple = ()):
        self.shelves = sorted(translations, key=lambda shelf: -len(shelf[0])) + [("", docs, label)]
        self.files: dict[str, Path] = {}  # label -> the file
        self._pages: dict[str, PageLines] = {}

    def written(self, html_path: str) -> Written | None:
        """The page built as site/<html_path>, if it has one."""
        for page, file in self.candidates(html_path):
            if file.is_file():
                self.files[page.label] = file
                return page
        return None

    def candidates(self, html_path: str) -> list[tuple[Written, Path]]:
        """The Markdown pages that MkDocs would build as site/<html_path>, with their files, in its order: of the
        edition whose folder holds it."""
        for folder, docs, label in self.shelves:
            if docs is None or (folder and not html_path.startswith(folder + "/")):
                continue
            return [(Written(f"{label}/{name}", folder, name), docs / name) for name in pages_built_as(html_path, folder)]
        return []

    def lines(self, label: str) -> PageLines:
        """The lines of a page that `written` found, by its label."""
        if label not in self._pages:
            text = self.files[label].read_text(encoding="utf-8-sig", errors="replace")
            self._pages[label] = PageLines(text.splitlines())
        return self._pages[label]

    def find(self, html_path: str, *needles: str) -> tuple[str, int] | None:
        """(docs/page.md, line) of the first line of the page's Markdown that holds one of the needles,
        in any case; a needle of Words as lines.WordIndex finds them."""
        written = self.written(html_path)
        if written is None:
            return None
        found = [line for line in map(self.lines(written.label).line_of, needles) if line]
        return (written.label, min(found)) if found else None
