"""The site's own Markdown blocks, written `/// name` … `///` (pymdownx.blocks), so a page holds no raw HTML.

    /// facts            <div class="qq-facts">: the numbers at a glance; in its lists, the line under a
                         figure is the figure's caption, set small (<small>)
    /// cards            <div class="qq-cards">: links as cards; in its lists, the line under a link is the
                         card's description (after a <br>)
    /// gaps | Heading   <aside class="qq-gaps qq-editors-note" aria-labelledby="…"> with its <h2>: what the
                         sources do not tell us
    /// about            <p class="qq-about qq-editors-note">: a note about the site's name and promise
    /// note             <p class="qq-editors-note">: an editors' note about the site, never about the events

The engine writes two blocks of its own into the Markdown it renders (render/markup.py), which the citations
plugin adds (`EngineBlocks`) and mkdocs.yml does not list, so that a page that writes one is refused by the static
pass as not a block of the site:

    ///////// qq-blockquote           <blockquote class="qq-blockquote">: a blockquote() and its signature
    ///////// qq-references | Summary <details class="qq-references" id="references"> with its <summary>: the
                                      page's references, where Python-Markdown's footnotes go

The HTML is what the pages wrote by hand before (the site's CSS, the checks and the pull-request check of
editors' notes key on these classes: sitecheck/classes.py LAYOUT). mkdocs.yml lists this module as a Markdown
extension, so MkDocs, the static pass and `make check-pr` all read the same blocks. A block's `attrs:` option
passes the content allow-list, as an attribute list does (pages/rawhtml.py). Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from ..proofmarks import BLOCKQUOTE, REFERENCES, REFERENCES_ID

NOTE = "qq-editors-note"
GAPS_TITLE_ID = "qq-gaps-title"
ENGINE_FENCE = "/" * 9  # the engine's blocks: a block of the page's, closed by ///, cannot close one of them


class _SiteBlock(Block):
    """One element with the site's classes; its content parsed as blocks (a <div> or <aside>) or inline (a <p>)."""

    TAG = "div"
    CLASSES = ""
    MODE = "block"

    def on_markdown(self) -> str:
        return self.MODE

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, self.TAG, {"class": self.CLASSES})


class Facts(_SiteBlock):
    NAME, CLASSES = "facts", "qq-facts"

    def on_inline_end(self, block: etree.Element) -> None:
        for item in block.findall("./ul/li"):
            _second_line_in(item, "small")


class Cards(_SiteBlock):
    NAME, CLASSES = "cards", "qq-cards"

    def on_inline_end(self, block: etree.Element) -> None:
        for item in block.findall("./ul/li"):
            _second_line_in(item, "br")


class Gaps(_SiteBlock):
    NAME, TAG, CLASSES, ARGUMENT = "gaps", "aside", f"qq-gaps {NOTE}", True

    def on_create(self, parent: etree.Element) -> etree.Element:
        count = self.tracker["count"] = self.tracker.get("count", 0) + 1  # ids stay unique on a page
        title_id = GAPS_TITLE_ID if count == 1 else f"{GAPS_TITLE_ID}-{count}"
        aside = etree.SubElement(parent, self.TAG, {"class": self.CLASSES, "aria-labelledby": title_id})
        etree.SubElement(aside, "h2", {"id": title_id}).text = self.argument
        return aside


class About(_SiteBlock):
    NAME, TAG, CLASSES, MODE = "about", "p", f"qq-about {NOTE}", "inline"


class Note(_SiteBlock):
    NAME, TAG, CLASSES, MODE = "note", "p", NOTE, "inline"


class QuotedPassage(_SiteBlock):
    NAME, TAG, CLASSES = "qq-blockquote", "blockquote", BLOCKQUOTE


class References(_SiteBlock):
    NAME, TAG, CLASSES, ARGUMENT = "qq-references", "details", REFERENCES, True

    def on_create(self, parent: etree.Element) -> etree.Element:
        # data-search-exclude: the passages are searched on their source pages, not in every reference list
        details = etree.SubElement(parent, self.TAG, {"class": self.CLASSES, "id": REFERENCES_ID,
                                                      "data-search-exclude": ""})
        etree.SubElement(details, "summary").text = self.argument
        return details


BLOCKS = (Facts, Cards, Gaps, About, Note)


def _second_line_in(item: etree.Element, tag: str) -> None:
    """A list item's words from its second line on go into <small> (`tag` "small"), or follow a <br> ("br"). An item
    of paragraphs (a list with blank lines between its items) is left as it is."""
    if item.find("p") is not None:
        return
    pieces = [(item, "text"), *((child, "tail") for child in item)]
    for position, (element, field) in enumerate(pieces):
        text = getattr(element, field) or ""
        if "\n" not in text:
            continue
        first, rest = text.split("\n", 1)
        rest = rest.lstrip()  # the second line's indent
        setattr(element, field, first + (" " if tag == "small" else ""))
        added = etree.Element(tag)
        item.insert(position, added)
        moved = [child for child, _ in pieces[position + 1:]]
        if tag == "br":
            added.tail = rest
            return
        added.text = rest
        for child in moved:
            item.remove(child)
            added.append(child)
        return


class SiteBlocks(BlocksExtension):
    blocks = BLOCKS

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        for block in self.blocks:
            block_mgr.register(block, {})


class EngineBlocks(SiteBlocks):
    blocks = (QuotedPassage, References)


def makeExtension(**kwargs) -> SiteBlocks:  # noqa: N802: the name Python-Markdown looks for
    return SiteBlocks(**kwargs)
