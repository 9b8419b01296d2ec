"""The notes about the site on a page, as the build finds them: the blocks exempt from citations by their class.

A block of the class `qq-editors-note` (blocks.NOTE: an editors' note, and the home page's "What
the sources do not tell us", which carries it) needs no citation. It may hold no number, but its words can still
claim something about the events, and no check can tell such a claim from a note about the site: the pull-request
check (corpus/changes.py) shows a maintainer every note that a pull request adds or changes.

A page is read as the build reads it: its front matter split off and its body parsed by the static pass
(read_page), each citation call standing for itself, converted by Python-Markdown with the extensions of mkdocs.yml
and those MkDocs adds (converter.py), and the notes found in that HTML by their class, as coverage finds them.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

import markdown

from ..corpus.files import as_read
from ..lines import PageLines, WordLocator
from ..problems import clip
from ..render.markup import md_escape
from . import MARKDOWN_SUFFIXES, read_page
from .textblocks import NOTE
from .body import Call
from .rendered import render


@dataclass(frozen=True)
class Note:
    line: int  # of its first words in the page's file
    text: str  # its words, on one line
    addresses: tuple[str, ...] = ()  # where its links lead and its images load from: a reader follows them too

    @property
    def read(self) -> tuple[str, tuple[str, ...]]:
        """What a reader takes from it: its words and its addresses."""
        return self.text, self.addresses

    @property
    def shown(self) -> str:
        """Its words, and where its links lead: a link retargeted is a change a maintainer reads too."""
        leads = ", ".join(repr(clip(address, 120)) for address in self.addresses)
        return repr(clip(self.text, 300)) + (f", linking to {leads}" if leads else "")


def new_notes(base: dict[str, bytes], head: dict[str, bytes], label: str,
              md: markdown.Markdown) -> Iterator[tuple[str, Note]]:
    """(path, note) of each note of the working tree's pages (`head`, by path inside docs/) that the same page at
    the base does not hold with the same words and the same addresses (a link retargeted changes what a reader
follows): added, changed, or moved there. Only the pages that changed
    are read."""
    for name, data in sorted(head.items()):
        if name.endswith(MARKDOWN_SUFFIXES) and base.get(name) != data:
            path = f"{label}/{name}"
            before = Counter(note.read for note in notes_of(path, name, base[name], md)) \
                if name in base else Counter()
            for note in notes_of(path, name, data, md):
                if before[note.read]:
                    before[note.read] -= 1
                else:
                    yield path, note


def notes_of(path: str, src: str, data: bytes, md: markdown.Markdown) -> list[Note]:
    """The outermost notes of a page's file, in order."""
    page, problems = read_page(path, src, as_read(data.decode("utf-8", "replace")))
    # A page the static pass refuses (a Jinja statement, whose text its parse leaves out) is read as it is
    # written, every word of it: the build refuses it anyway.
    root = render(replace(page, pieces=[page.body]) if problems else page, md, stand_in=_stands_for).root
    nodes = [node for node in root.css(f".{NOTE}") if not _inside_another(node, root)]
    texts = [" ".join(node.text().split()) for node in nodes]
    lines = _lines(texts, page.where)
    return [Note(line, text, _addresses(node)) for line, text, node in zip(lines, texts, nodes)]


def _addresses(node) -> tuple[str, ...]:
    """Where the note's links lead and its images load from, in order; a heading's own permalink (¶) aside."""
    return tuple(inner.attributes.get("href") or "" if inner.tag == "a" else inner.attributes.get("src") or ""
                 for inner in node.css("a, img") if "headerlink" not in (inner.attributes.get("class") or "").split())


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


def _lines(texts: list[str], lines: PageLines) -> list[int]:
    """The line of each note's first words, each looked for after the one before (two notes can start alike)."""
    locator = WordLocator(lines)
    return [locator.line_of(text, default=1) for text in texts]
