"""The notes about the site on a page, as the build finds them: the blocks exempt from citations by their class.

A block of the class `qq-editors-note` (sitecheck/coverage.py NOTE: an editors' note, and the home page's "What
the sources do not tell us", which carries it) needs no citation. It may hold no number, but its words can still
claim something about the events, and no check can tell such a claim from a note about the site: the pull-request
check (corpus/changes.py) shows a maintainer every note that a pull request adds or changes.

A page is read as the build reads it: its front matter split off and its body parsed by the static pass
(read_page), each citation call standing for itself, converted by Python-Markdown with the extensions of mkdocs.yml
and those MkDocs adds, and the notes found in that HTML by their class, as the build's coverage check finds them.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

import markdown
from selectolax.lexbor import LexborHTMLParser

from ..corpus.files import as_read
from ..lines import LineIndex
from ..render.markup import md_escape, render_page
from ..sitecheck.coverage import NOTE
from . import MARKDOWN_SUFFIXES, read_page
from .body import Call

MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")  # what MkDocs adds to mkdocs.yml's markdown_extensions


@dataclass(frozen=True)
class Note:
    line: int  # of its first words in the page's file
    text: str  # its words, on one line


def markdown_converter(extensions: dict[str, dict]) -> markdown.Markdown:
    """Python-Markdown as MkDocs sets it up, from mkdocs.yml's markdown_extensions (by name, with their options);
    raises ImportError or ValueError (and so does MkDocs) if one cannot be loaded."""
    return markdown.Markdown(extensions=[*dict.fromkeys([*MKDOCS_EXTENSIONS, *extensions])],
                             extension_configs={name: dict(options) for name, options in extensions.items()})


def new_notes(base: dict[str, bytes], head: dict[str, bytes], label: str,
              md: markdown.Markdown) -> Iterator[tuple[str, Note]]:
    """(path, note) of each note of the working tree's pages (`head`, by path inside docs/) that the same page at
    the base does not hold with the same words: added, changed, or moved there. Only the pages that changed
    are read."""
    for name, data in sorted(head.items()):
        if name.endswith(MARKDOWN_SUFFIXES) and base.get(name) != data:
            path = f"{label}/{name}"
            before = Counter(note.text for note in notes_of(path, name, base[name], md)) \
                if name in base else Counter()
            for note in notes_of(path, name, data, md):
                if before[note.text]:
                    before[note.text] -= 1
                else:
                    yield path, note


def notes_of(path: str, src: str, data: bytes, md: markdown.Markdown) -> list[Note]:
    """The outermost notes of a page's file, in order."""
    page, problems = read_page(path, src, as_read(data.decode("utf-8", "replace")))
    # A page the static pass refuses (a Jinja statement, whose text its parse leaves out) is read as it is
    # written, every word of it: the build refuses it anyway.
    body = page.body if problems else render_page(page.pieces, _stands_for)
    html = md.reset().convert(body)
    root = LexborHTMLParser(f'<!doctype html><html><body><div id="qq-root">{html}</div>'
                            "</body></html>").css_first("#qq-root")
    texts = [" ".join(node.text().split()) for node in root.css(f".{NOTE}") if not _inside_another(node, root)]
    return [Note(line, text) for line, text in zip(_lines(texts, page.body_lines()), texts)]


def _stands_for(call: Call) -> str:
    """A citation call, as text that changes when the call does."""
    arguments = ", ".join(f"{name}={value!r}" for name, value in call.args.items())
    return md_escape(f"{call.macro}({arguments})")


def _inside_another(node, root) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        if NOTE in (parent.attributes.get("class") or "").split():
            return True
        parent = parent.parent
    return False


def _lines(texts: list[str], lines: list[str]) -> list[int]:
    """The line of each note's first words, each looked for after the one before (two notes can start alike)."""
    index = LineIndex.of_lines(lines, ignore_case=True)
    found, start = [], 0
    for text in texts:
        needles = [needle.lower() for needle in _needles(text)]
        position = next((position for position in chain((index.text.find(needle, start) for needle in needles),
                                                        (index.text.find(needle) for needle in needles))
                         if position >= 0), -1)
        found.append(bisect_right(index.starts, position) if position >= 0 else 1)
        start = max(start, position + 1)
    return found


def _needles(text: str) -> list[str]:
    """Ways to find a note in its Markdown, the most telling first: its first words (as content.py finds a block)."""
    words = text.split()
    return [" ".join(words[:count]) for count in (6, 3, 1) if len(words) >= count]
