"""The built site as the post-build checks see it: every file's path and every HTML page's text.

It is read once, before the build's last hooks change site/ (the CSS purge renames
stylesheets), so the checks can run alongside those hooks (macros/background.py) and
still read one consistent site.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuiltSite:
    files: frozenset[str]  # every file inside site/, e.g. "crackdown/index.html", "assets/x.css"
    directories: frozenset[str]  # every directory inside site/
    pages: dict[str, str]  # HTML file -> its text, in path order

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
        pages = {name: (site / name).read_text(encoding="utf-8", errors="replace")
                 for name in files if name.endswith(".html")}
        return cls(frozenset(files), frozenset(directories), pages)

    def is_file(self, path: str) -> bool:
        return path in self.files

    def is_dir(self, path: str) -> bool:
        return path in self.directories


def page_url(html_path: str) -> str:
    """The site-relative URL of the page built as site/<html_path>: crackdown/index.html is
    'crackdown/', index.html is '' (the home page), 404.html stays 404.html."""
    return html_path[: -len("index.html")] if html_path.endswith("index.html") else html_path
