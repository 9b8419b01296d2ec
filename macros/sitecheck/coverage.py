"""Every block of text on a page about the events holds a citation marker, in the HTML the page became.

The static pass reads the Markdown for the same rule (pages/coverage.py) to give its message
early; this is the guarantee, on the HTML Python-Markdown produced, raw HTML included:

- A block is a paragraph, a list item, a table body row, a definition, a block quote, a
  caption, a summary, or any other element with text of its own (a div, an aside). A list
  item, a row, a definition and a block quote count as one block with the paragraphs inside
  them; a list or a table nested inside is blocks of its own.
- Its own text must hold a citation marker, `<sup id="fnref:qqN">` (the markers check proves
  each is a real citation, once).
- A block that holds an image needs its citation like any other, even with no words: a picture can
  state a number as well as a sentence (a chart).
- Exempt: headings, code blocks, a table's header, the engine's own output (the page's
  visuals, dropped before the check, and its references: the last details#references of the
  page), text that is only links and punctuation (at most 12 words a link), a list item that
  begins with a link to a page of the site (at most 15 words after it), and a block of the
  class `qq-editors-note`, for notes about the site itself, never about the events: such a
  note holds no number (numbers_in_notes), which would be an uncited way to state one.
- Exempt text holds no image (images_in_exempt_text): a chart in a heading would be as uncited as a number.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser

from ..numbers import first_unsupported, years_in
from ..problems import clip
from .builtsite import is_element
from .nodes import words

OWN_BLOCKS = {"li", "tr", "dd", "dt", "blockquote", "caption", "figcaption", "summary"}  # absorb their paragraphs
ABSORBED = {"p", "div", "td", "th"}
BLOCKS = OWN_BLOCKS | ABSORBED | {"aside", "section", "header", "footer", "figure", "details", "nav", "address",
                                  "article", "main", "td", "th"}
SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "script", "style", "template"}
NOTE = "qq-editors-note"
MARKER = re.compile(r"fnref:qq\d++")
ENGINE_NOTE = re.compile(r"fn:qq\d++")  # the reference of a citation, written by the engine
WORDS = re.compile(r"\w")
PERMALINK = "¶"  # the toc extension's link at the end of each heading
LINK_WORDS = 12  # a link of a block that is only links: more words than this is a sentence, not a way round
ITEM_WORDS = 15  # the words after a list item's leading link to a page: "[Timeline](timeline.md): the events"


def uncited_blocks(html: str, drawn: list[str]) -> Iterator[tuple[str, str, str]]:
    """(the start of its text, the start of the text of the outermost element that holds it: a table, a list, and
    the file name of its first image) of each block without a citation marker; `drawn` is the engine's HTML for
    the page's visuals, taken out first."""
    for block in _blocks(_content(html, drawn)):
        if block.needs_citation():
            yield clip(block.text, 60) or block.image, clip(words(_outermost(block.node)), 60), block.image


def _content(html: str, drawn: list[str]):
    """The page's content without its visuals, parsed, inside <div id="qq-root">."""
    for piece in drawn:
        html = html.replace(piece, "", 1)
    root = LexborHTMLParser(f'<!doctype html><html><body><div id="qq-root">{html}</div></body></html>')
    return root.css_first("#qq-root")


def _blocks(top) -> list[_Block]:
    """The blocks of the content's text (the module's docstring says what a block is)."""
    markers = Counter(node.attributes.get("id") for node in top.css("sup[id]"))
    references = top.css("details#references")  # the engine's, last on the page: its summary and its notes
    skipped = {node.mem_id for node in references[-1].css("summary, li") if node.tag == "summary"
               or ENGINE_NOTE.fullmatch(node.attributes.get("id") or "")} if references else set()
    blocks: dict[int, _Block] = {}
    stack = [(top, _block_for(blocks, top))]
    while stack:
        node, block = stack.pop()
        if node.tag == "-text":
            block.add_text(node.text(deep=False), node)
            continue
        if not is_element(node) or node.mem_id in skipped or _exempt(node):
            continue
        marker = (node.attributes.get("id") or "") if node.tag == "sup" else ""
        if MARKER.fullmatch(marker) and markers[marker] == 1:  # a second one with its id is a copy
            block.cited = True
        inner = block if node.tag in ABSORBED and block.absorbs else _block_for(blocks, node) \
            if node.tag in BLOCKS else block
        if node.tag == "a":
            inner.links += 1
        elif node.tag == "img":  # a picture can state as much as a sentence: a chart, a scan
            inner.images += 1
            inner.image = inner.image or (node.attributes.get("src") or "").rpartition("/")[2]
        stack += [(child, inner) for child in reversed(_children(node))]
    return list(blocks.values())


class _Block:
    def __init__(self, node):
        self.node, self.tag = node, node.tag
        self.absorbs = node.tag in OWN_BLOCKS
        self.text, self.linked, self.unlinked, self.cited, self.links, self.images = "", "", "", False, 0, 0
        self.image = ""  # the file name of its first image, to name a block that is only a picture
        self.first = None  # the first node with text, for a list item that starts with a link

    def add_text(self, text: str, node) -> None:
        if not text.strip():
            return
        if self.first is None:
            self.first = node
        self.text += text
        if _inside_link(node):
            self.linked += text
        else:
            self.unlinked += text

    def exempt_by_links(self) -> bool:
        """Text that needs no citation because it is links (a way round the site), not because it cites."""
        return not self.cited and bool(WORDS.search(self.text)) and not self.needs_citation()

    def needs_citation(self) -> bool:
        if self.cited or self.images:
            return not self.cited
        if not WORDS.search(self.text):
            return False
        if not WORDS.search(self.unlinked):  # links and punctuation only: a way round the site, if short
            return len(self.linked.split()) > LINK_WORDS * max(self.links, 1)
        starts = self.tag == "li" and self.first is not None and _starts_with_site_link(self.first)
        return not (starts and len(self.unlinked.split()) <= ITEM_WORDS)


def numbers_in_notes(html: str) -> Iterator[tuple[str, str]]:
    """(the words up to its first number, the start of its text) of each block exempt by its class that
    holds a number (a numeric character or a number word, macros/numbers.py), the numbers of its citation
    markers aside."""
    root = LexborHTMLParser(f'<!doctype html><html><body><div id="qq-root">{html}</div></body></html>')
    for note in root.css_first("#qq-root").css(f".{NOTE}"):
        words = "".join(node.text(deep=False) for node in note.traverse(include_text=True)
                        if node.tag == "-text" and not _marker_number(node, note)).split()
        yield from _first_number(words, set())


def numbers_in_exempt_text(html: str, drawn: list[str]) -> Iterator[tuple[str, str, str]]:
    """(what it is, the words up to its first number, the start of its text) of each text outside the notes that
    needs no citation and states a number: a heading, a table's header, code, a block of links, an image's alt
    text (a title, a tooltip, is the engine's alone: engineonly.py). A year that the page's references state (a
    passage, a source's date) may date the events, where it reads as a date (macros/numbers.py)."""
    top = _content(html, drawn)
    years = years_in(words(node) for node in top.css("details#references li"))
    texts = [*(("heading", node) for node in top.css("h1, h2, h3, h4, h5, h6")),
             *(("table header", node) for node in top.css("thead") if _exempt(node)),
             *(("code", node) for node in top.css("pre")),
             *(("links", block) for block in _blocks(top) if block.exempt_by_links())]
    for kind, node in texts:
        if isinstance(node, _Block) or not _in_note(node):
            text = node.text if isinstance(node, _Block) else words(node).removesuffix(PERMALINK)
            for found in _first_number(text.split(), years):
                yield (kind, *found)
    for image in top.css("img"):
        alt = (image.attributes.get("alt") or "").split()
        yield from (("image alt", *found) for found in _first_number(alt, years))


def images_in_exempt_text(html: str, drawn: list[str]) -> Iterator[tuple[str, str]]:
    """(what it is in, its file name) of each image in text that needs no citation: a heading, a table's header,
    code, a note. A picture states as much as a sentence (a chart), and there no citation would stand beside it."""
    for image in _content(html, drawn).css("img"):
        parent = image.parent
        while parent is not None and parent.attributes.get("id") != "qq-root" and not _exempt(parent):
            parent = parent.parent
        if parent is not None and parent.attributes.get("id") != "qq-root":
            kind = "note" if NOTE in (parent.attributes.get("class") or "").split() else \
                "table header" if parent.tag == "thead" else "code" if parent.tag == "pre" else parent.tag
            yield kind, (image.attributes.get("src") or "").rpartition("/")[2]


def _first_number(words: list[str], years: set[str]) -> Iterator[tuple[str, str]]:
    text = " ".join(words)  # read whole: whether a year is a date depends on the words around it
    found = first_unsupported(text, years)
    if found is not None:
        first = text.count(" ", 0, found.start())
        yield " ".join(words[max(0, first - 3):first + 1]), clip(text, 60)


def _in_note(node) -> bool:
    parent = node.parent
    while parent is not None and NOTE not in (parent.attributes.get("class") or "").split():
        parent = parent.parent
    return parent is not None


def _marker_number(text, note) -> bool:
    """Whether the text is the number of the citation marker it is in: N in <sup id="fnref:qqN">."""
    parent = text.parent
    while parent is not None and parent.mem_id != note.mem_id:
        marker = (parent.attributes.get("id") or "") if parent.tag == "sup" else ""
        if MARKER.fullmatch(marker):
            return text.text(deep=False).strip() == marker.removeprefix("fnref:qq")
        parent = parent.parent
    return False


def _outermost(node):
    """The element right inside the content that holds the node, or is the node."""
    outer = node
    while node.parent is not None and node.attributes.get("id") != "qq-root":
        outer, node = node, node.parent
    return outer


def _block_for(blocks: dict, node) -> _Block:
    return blocks.setdefault(node.mem_id, _Block(node))


def _exempt(node) -> bool:
    if node.tag == "thead":  # a header labels the rows below it; a table of only a header is text like any other
        rows = node.parent.css("tbody tr") if node.parent is not None else []
        return any(WORDS.search(row.text()) for row in rows)
    return node.tag in SKIPPED or NOTE in (node.attributes.get("class") or "").split()


def _children(node) -> list:
    children, child = [], node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children


def _inside_link(node) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in BLOCKS:
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


def _starts_with_site_link(node) -> bool:
    parent = node.parent
    while parent is not None and parent.tag != "a" and parent.tag not in BLOCKS:
        parent = parent.parent
    if parent is None or parent.tag != "a":
        return False
    href = parent.attributes.get("href") or ""
    return not re.match(r"[a-zA-Z][\w+.-]*:|//", href) and not href.startswith("#")
