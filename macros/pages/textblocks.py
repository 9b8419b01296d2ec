"""The blocks of text of a page's HTML, as the static pass rendered it (rendered.py), and which of them cite.

- A block is a paragraph, a list item, a table body row, a definition, a block quote, a caption, a summary, or
  any other element with text of its own (a div, an aside). A list item, a row, a definition and a block quote
  count as one block with the paragraphs inside them; a list or a table nested inside is blocks of its own.
- It cites when its own text holds a citation call (rendered.CALL: each call stands in the HTML as an element).
- Exempt (needs_citation): headings, code blocks, a table's header, a block of the class `qq-editors-note`,
  text that is only links and punctuation (each link of 1 to 12 words), and a list whose every item begins with a
  link to a page of the site with at most 15 words after it, linked or not. A link's words are what a reader reads
  in it, an address's too: its runs of letters and digits, so that an autolink's slug
  (`<https://…/troops-shot-protesters>`) is as many words as it holds. A block that holds an image is never exempt.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re

from ..sitecheck.builtsite import is_element
from ..siteurls import leaves_site

OWN_BLOCKS = {"li", "tr", "dd", "dt", "blockquote", "caption", "figcaption", "summary"}  # absorb their paragraphs
ABSORBED = {"p", "div", "td", "th"}
BLOCKS = OWN_BLOCKS | ABSORBED | {"aside", "section", "header", "footer", "figure", "details", "nav", "address",
                                  "article", "main"}
SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "script", "style", "template"}
NOTE = "qq-editors-note"  # a note about the site, never about the events: exempt, and it states no number
CALL = "data-qq-call"  # the attribute of the element a citation call stands as (rendered.py)
WORDS_OF_CALL = "data-qq-words"  # on a quote's or a figure's words: the macro's, checked against its passage
STANDS_FOR_CALL = "\0"  # a call, in a block's speech
KINDS = {"li": "list item", "tr": "table row", "blockquote": "block quote"}
WORDS = re.compile(r"\w")
READ_WORDS = re.compile(r"[^\W_]+")  # the words a reader reads, also in an address: "troops-shot" is two
LINK_WORDS = 12  # a link of a block that is only links: more words than this is a sentence, not a way round
ITEM_WORDS = 15  # the words after a list item's leading link to a page: "[Timeline](timeline.md): the events"


class Block:
    def __init__(self, node):
        self.node, self.tag = node, node.tag
        self.absorbs = node.tag in OWN_BLOCKS
        self.text, self.unlinked, self.links, self.images = "", "", 0, 0
        self.link_texts: list[str] = []  # the text of each of its links, in order
        self.speech = ""  # its own words, outside code, each call as STANDS_FOR_CALL: what its prose says
        self.calls: list[int] = []  # the indices of the citation calls it holds, in order
        self.image = ""  # the file name of its first image, to name a block that is only a picture
        self.first = None  # the first node with text, for a list item that starts with a link

    @property
    def kind(self) -> str:
        return KINDS.get(self.tag, "paragraph")

    def add_text(self, text: str, node, around: frozenset = frozenset()) -> None:
        """Text of the block; `around`: the tags of the inline elements it is in, up to the block."""
        if not text.strip():
            if self.text and not self.text[-1].isspace():
                self.text, self.speech = self.text + " ", self.speech + " "
            return
        if self.first is None:
            self.first = node
        self.text += text
        if "a" in around and self.link_texts:
            self.link_texts[-1] += text
        else:
            self.unlinked += text
        if "code" not in around:  # a command or a name, shown as written: not a statement of the prose
            self.speech += text

    @property
    def prose(self) -> str:
        """The words its prose states, the calls' aside."""
        return self.speech.replace(STANDS_FOR_CALL, " ")

    def only_links(self) -> bool:
        """Text that is links and punctuation only, each link short: a way round the site. A link without
        words counts for nothing (and is refused: exempt_text.py)."""
        counts = [len(READ_WORDS.findall(text)) for text in self.link_texts]
        return not WORDS.search(self.unlinked) and any(counts) and max(counts) <= LINK_WORDS

    def leads_with_a_page(self) -> bool:
        """A list item that begins with a link to a page of the site, and says little more: every word the
        reader sees after that link counts, a second link's too."""
        if self.tag != "li" or self.first is None or not _starts_with_site_link(self.first):
            return False
        lead = len(READ_WORDS.findall(self.link_texts[0])) if self.link_texts else 0
        return len(READ_WORDS.findall(self.text)) - lead <= ITEM_WORDS


def text_blocks(top, key: str) -> list[Block]:
    """The blocks of the content's text, in the order of the page. A call stands as an element whose CALL
    attribute is `key:index`: a key of this rendering, which no page can write to pass as a call."""
    blocks: dict[int, Block] = {}
    stack = [(top, _block_for(blocks, top), frozenset())]
    while stack:
        node, block, around = stack.pop()
        if node.tag == "-text":
            block.add_text(node.text(deep=False), node, around)
            continue
        if not is_element(node) or exempt(node):
            continue
        call = (node.attributes.get(CALL) or "").partition(":")
        if call[0] == key and node.tag == "sup":
            block.calls.append(int(call[2]))
            block.speech += STANDS_FOR_CALL
            continue  # its number is the marker's, not the block's words
        if node.attributes.get(WORDS_OF_CALL) == key or _footnote_marker(node):
            continue  # the macro's words, checked against its passage; a footnote's number (handmade.py)
        inner = block if node.tag in ABSORBED and block.absorbs else _block_for(blocks, node) \
            if node.tag in BLOCKS else block
        if inner is block and node.tag in ABSORBED:
            block.add_text(" ", node)  # a cell or a paragraph of the block: its words stand apart
        if node.tag == "a":
            inner.links += 1
            inner.link_texts.append("")
        elif node.tag == "img":  # a picture can state as much as a sentence: a chart, a scan
            inner.images += 1
            inner.image = inner.image or (node.attributes.get("src") or "").rpartition("/")[2]
        inside = frozenset() if node.tag in BLOCKS else around | {node.tag} if node.tag in ("a", "code") else around
        stack += [(child, inner, inside) for child in reversed(_children(node))]
    return list(blocks.values())


def uncited(blocks: list[Block]) -> list[Block]:
    """The blocks that need a citation and hold none (the module's docstring says which are exempt)."""
    led = _lists_led_by_pages(blocks)
    return [block for block in blocks if not block.calls and (block.images or (
        WORDS.search(block.text) and not block.only_links() and block.node.mem_id not in led))]


def exempt_by_links(blocks: list[Block]) -> list[Block]:
    """The blocks with words that need no citation because they are links, not because they cite."""
    led = _lists_led_by_pages(blocks)
    return [block for block in blocks if not block.calls and not block.images and WORDS.search(block.text)
            and (block.only_links() or block.node.mem_id in led)]


def _lists_led_by_pages(blocks: list[Block]) -> set[int]:
    """The items of the lists whose every item leads with a link to a page: "- [Timeline](timeline.md): …"."""
    items: dict[int, list[Block]] = {}
    for block in blocks:
        if block.tag == "li" and block.node.parent is not None:
            items.setdefault(block.node.parent.mem_id, []).append(block)
    return {block.node.mem_id for group in items.values() if all(item.leads_with_a_page() for item in group)
            for block in group}


def exempt(node) -> bool:
    """Headings, code, a note and a table's header need no citation."""
    if node.tag == "thead":  # a header labels the rows below it; a table of only a header is text like any other
        rows = node.parent.css("tbody tr") if node.parent is not None else []
        return any(WORDS.search(row.text()) for row in rows)
    return node.tag in SKIPPED or in_class(node, NOTE)


def in_class(node, name: str) -> bool:
    return name in (node.attributes.get("class") or "").split()


def _block_for(blocks: dict, node) -> Block:
    return blocks.setdefault(node.mem_id, Block(node))


def _children(node) -> list:
    children, child = [], node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children


def _footnote_marker(node) -> bool:
    """A superscript with a footnote's id, as Python-Markdown writes one: fnref:name."""
    return node.tag == "sup" and (node.attributes.get("id") or "").startswith("fnref")


def _starts_with_site_link(node) -> bool:
    parent = node.parent
    while parent is not None and parent.tag != "a" and parent.tag not in BLOCKS:
        parent = parent.parent
    if parent is None or parent.tag != "a":
        return False
    href = parent.attributes.get("href") or "#"
    return not leaves_site(href) and not href.startswith("#")  # a path of this site, not an anchor
