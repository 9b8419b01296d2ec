"""No orphan figure: every figure on the site is a checked figure() and is listed on /figures/.

An orphan figure is a number styled as a figure that no citation backs, or a
figure() citation that the figures page leaves out. After the build:

- every element with class `qq-figure` in a page is followed at once by the
  marker of a figure() claim of that page (a hand-written
  `<span class="qq-figure">` has none);
- every figure claim in claims.json is linked from the figures page, and
  every marker the figures page links to is a figure claim.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .links import resolve, scan
from .problems import Problem

FIGURE_CLASS = "qq-figure"
FIGURES_PAGE = "figures/index.html"


@dataclass
class ShownFigure:
    line: int  # in the HTML file
    text: str
    next_id: str | None = None  # id of the element right after it: its marker


class _FigureScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shown: list[ShownFigure] = []
        self._open: ShownFigure | None = None  # inside a qq-figure element
        self._depth = 0
        self._waiting: ShownFigure | None = None  # closed, marker not seen yet

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._waiting:
            self._waiting.next_id = attributes.get("id")
            self._waiting = None
        if self._open:
            self._depth += 1
        elif FIGURE_CLASS in (attributes.get("class") or "").split():
            self._open = ShownFigure(self.getpos()[0], "")
            self._depth = 1

    def handle_endtag(self, tag):
        if self._open:
            self._depth -= 1
            if self._depth == 0:
                self.shown.append(self._open)
                self._waiting, self._open = self._open, None

    def handle_data(self, data):
        if self._open:
            self._open.text += data
        elif self._waiting and data.strip():
            self._waiting = None  # text between the figure and anything else: no marker follows


def shown_figures(html: str) -> list[ShownFigure]:
    scanner = _FigureScanner()
    scanner.feed(html)
    scanner.close()
    return scanner.shown


def check_figures(site: Path, entries: list[dict], docs: Path | None = None, docs_label: str = "docs",
                  site_label: str = "site") -> list[Problem]:
    problems: list[Problem] = []
    figures = {(entry["page"], entry["anchor"]): entry for entry in entries if entry["kind"] == "figure"}
    for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
        page_url = path[: -len("index.html")] if path.endswith("index.html") else path
        for shown in shown_figures((site / path).read_text(encoding="utf-8")):
            if (page_url, shown.next_id) not in figures:
                problems.append(_orphan(site_label, path, shown, docs, docs_label))
    listed = _listed(site)
    for key, entry in sorted(figures.items()):
        if key not in listed:
            where, _, line = entry["markdown"].rpartition(":")
            problems.append(Problem(where, int(line), "figure missing from the figures page",
                                    f"{entry['value']} ({entry['figure']['kind']})",
                                    "the figures page is generated from every figure(): report this as a bug"))
    for key, line in sorted(listed.items()):
        if key not in figures:
            problems.append(Problem(f"{site_label}/{FIGURES_PAGE}", line,
                                    "figures page lists a marker that is not a figure()", f"{key[0]}#{key[1]}",
                                    "the figures page is generated from every figure(): report this as a bug"))
    return sorted(problems)


def _orphan(site_label, path, shown, docs, docs_label) -> Problem:
    text = " ".join(shown.text.split())
    hint = "write numbers with figure(), which checks them against a source and lists them on the figures page"
    if docs:
        stem = path[: -len("index.html")].rstrip("/") if path.endswith("index.html") else path[:-5]
        for name in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
            source = docs / name
            if source.is_file():
                for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
                    if FIGURE_CLASS in line:
                        return Problem(f"{docs_label}/{name}", number, "figure without a citation", repr(text), hint)
    return Problem(f"{site_label}/{path}", shown.line, "figure without a citation", repr(text), hint)


def _listed(site: Path) -> dict[tuple[str, str], int]:
    """(page URL, marker id) -> HTML line, for every marker the figures page links to."""
    if not (site / FIGURES_PAGE).is_file():
        return {}
    listed = {}
    for link in scan(site, FIGURES_PAGE).links:
        target = resolve(FIGURES_PAGE, link.url)
        if target.path and target.fragment.startswith("fnref:"):
            page = target.path[: -len("index.html")] if target.path.endswith("index.html") else target.path
            listed.setdefault((page, target.fragment), link.line)
    return listed
