"""The built site as the post-build checks see it: every file, and every HTML page parsed once.

Pages are parsed by lexbor (through selectolax), a spec-compliant HTML5 parser: the
checks read each page as a browser would, not as a pattern over its text would.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..lines import LineIndex


@dataclass
class BuiltPage:
    path: str  # inside site/, e.g. "crackdown/index.html"
    text: str
    _tree: LexborHTMLParser | None = field(default=None, repr=False)
    _lines: LineIndex | None = field(default=None, repr=False)

    @property
    def tree(self) -> LexborHTMLParser:
        if self._tree is None:
            self._tree = LexborHTMLParser(self.text)
        return self._tree

    def elements(self):
        """Every element of the document, in document order (no comments, no processing instructions)."""
        nodes = self.tree.root.traverse(include_text=False) if self.tree.root else iter(())
        return (node for node in nodes if is_element(node))

    def line_of(self, needle: str, default: int = 1) -> int:
        """The HTML line where `needle` first occurs (the parser keeps no positions)."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines.line_of(needle, default)


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    files: frozenset[str]  # every file inside site/, e.g. "crackdown/index.html", "assets/x.css"
    directories: frozenset[str]  # every directory inside site/
    pages: dict[str, BuiltPage]  # HTML file -> the page, in path order

    @classmethod
    def read(cls, site: Path) -> BuiltSite:
        files, directories = [], set()
        for folder, _, names in os.walk(site):
            inside = Path(folder).relative_to(site).as_posix()
            prefix = "" if inside == "." else inside + "/"
            if prefix:
                directories.add(inside)
            files += [prefix + name for name in names]
        files.sort()
        pages = {name: BuiltPage(name, (site / name).read_text(encoding="utf-8", errors="replace"))
                 for name in files if name.endswith(".html")}
        return cls(site, frozenset(files), frozenset(directories), pages)

    def is_file(self, path: str) -> bool:
        return path in self.files

    def is_dir(self, path: str) -> bool:
        return path in self.directories


def is_element(node: LexborNode) -> bool:
    """An element, not text, a comment or a node lexbor gives no tag (a processing instruction)."""
    return bool(node.tag) and not node.tag.startswith("-")

