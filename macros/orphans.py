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
from pathlib import Path

from .builtsite import BuiltSite, page_url
from .htmltags import StartTag, start_tags_having, tags, text_between
from .links import resolve, scan
from .problems import Problem

FIGURE_CLASS = "qq-figure"
FIGURE_ATTRIBUTE = r"""class\s*=\s*(?:"[^"]*\bqq-figure\b[^"]*"|'[^']*\bqq-figure\b[^']*'|qq-figure(?=[\s/>]))"""
FIGURES_PAGE = "figures/index.html"


@dataclass
class ShownFigure:
    line: int  # in the HTML file
    text: str
    next_id: str | None = None  # id of the element right after it: its marker


def shown_figures(page: str) -> list[ShownFigure]:
    """Every element of class qq-figure (not inside another), its text, and the id of the tag right after it."""
    shown: list[ShownFigure] = []
    if FIGURE_CLASS not in page:
        return shown  # most pages: no need to look at their tags
    end = 0
    for opening in start_tags_having(page, FIGURE_ATTRIBUTE):
        if opening.start >= end and FIGURE_CLASS in (opening.attributes.get("class") or "").split():
            figure, end = _figure_at(page, opening)
            shown.append(figure)
    return shown


def _figure_at(page: str, opening: StartTag) -> tuple[ShownFigure, int]:
    """The figure that starts with `opening`, and the offset where it ends."""
    figure = ShownFigure(opening.line, "")
    walk = tags(page, opening.start, opening.line)
    depth, previous = 0, None
    for tag in walk:
        if previous:
            figure.text += text_between(page, previous, tag)
        previous = tag
        depth += (0 if tag.closing else 1) - (1 if tag.closing or tag.self_closing else 0)
        if depth == 0:
            break
    end = previous.end
    for tag in walk:  # its marker: the next start tag, unless text comes first
        if text_between(page, previous, tag).strip():
            break
        if not tag.closing:
            figure.next_id = tag.attributes.get("id")
            break
        previous = tag
    return figure, end


def check_figures(site: BuiltSite, entries: list[dict], docs: Path | None = None, docs_label: str = "docs",
                  site_label: str = "site") -> list[Problem]:
    problems: list[Problem] = []
    figures = {(entry["page"], entry["anchor"]): entry for entry in entries if entry["kind"] == "figure"}
    for path, text in site.pages.items():
        for shown in shown_figures(text):
            if (page_url(path), shown.next_id) not in figures:
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


def _listed(site: BuiltSite) -> dict[tuple[str, str], int]:
    """(page URL, marker id) -> HTML line, for every marker the figures page links to."""
    if FIGURES_PAGE not in site.pages:
        return {}
    listed = {}
    for link in scan(FIGURES_PAGE, site.pages[FIGURES_PAGE]).links:
        target = resolve(FIGURES_PAGE, link.url)
        if target.path and target.fragment.startswith("fnref:"):
            listed.setdefault((page_url(target.path), target.fragment), link.line)
    return listed
