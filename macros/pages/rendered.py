"""A page as HTML, as the static pass renders it: the one reading of a page's blocks that its rules share.

The page's body is rendered as the build renders it, each macro call standing as an element where its marker
will stand (`<sup data-qq-call="KEY:N">`, with a key of this rendering that no page can write; after a quote's or
a figure's words, inside a block quote for blockquote(), nothing for a visual, which cites nothing and is the
engine's), then converted by Python-Markdown with the extensions of mkdocs.yml (converter.py), within the render
budget. Coverage, the cited numbers, the typed quotations, the block quotes and footnotes by hand, the numbers
and images of text exempt from citations, the glossary and the page's heading are read in this HTML; each block
is found in the page's Markdown by its first words (lines.WordLocator, on the page's one PageLines). Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
import secrets
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import markdown
from selectolax.lexbor import LexborHTMLParser

from ..lines import PageLines, WordLocator
from ..problems import Problem
from ..render.blocks import ENGINE_FENCE, NOTE
from ..render.markup import md_escape, render_page
from .textblocks import CALL, WORDS_OF_CALL, Block, exempt_by_links, text_blocks
from .body import Call
from .converter import ConversionBudget, conversion_problem

PERMALINK = "headerlink"  # the class of the toc extension's ¶ link in each heading
# A list item's Markdown is quoted in a message without its marker ("- ", "1. "): Python-Markdown keeps no source
# positions, so which characters of the line are the marker only the line itself tells; this shapes a message only.
LIST_MARKER = re.compile(r"^\s*+(?:[-*+]|\d{1,9}[.)])\s++")


@dataclass
class Located:
    """A block of the HTML, with the lines of the page's file it was written on."""
    block: Block
    first: int
    last: int
    source: str  # its Markdown, as a message quotes it
    links: bool = False  # exempt as links, a way round the site: no prose of its own

    @property
    def kind(self) -> str:
        return self.block.kind


@dataclass
class RenderedPage:
    root: object  # the content, inside <div id="qq-root">
    calls: list[Call]
    where: PageLines  # the page's lines, numbered as in its file, and where a text is found in them
    key: str  # of this rendering: the calls' elements carry it (blocks.text_blocks)
    blocks: list[Located] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.where.lines

    @property
    def heading(self) -> str | None:
        """The page's heading, as MkDocs takes it for the page's title: the first element, if an <h1>."""
        first = next((node for node in self.root.iter(include_text=False)), None)
        if first is None or first.tag != "h1":
            return None
        hidden = {inner.mem_id for link in first.css(f"a.{PERMALINK}") for inner in link.traverse(include_text=True)}
        return " ".join("".join(piece.text(deep=False) or "" for piece in first.traverse(include_text=True)
                                if piece.tag == "-text" and piece.mem_id not in hidden).split())


def written_links(rendered: RenderedPage) -> list[tuple[int, str]]:
    """(line, address) of each href and src of the page's HTML, in order, as Python-Markdown wrote it: at the
    line of its block that holds the address as written, else at the block's first line; a link outside the
    blocks (in a heading) at the first line that holds its address, else at 0 (not found)."""
    blocks = {located.block.node.mem_id: located for located in rendered.blocks if located.first}
    found = []
    for node in rendered.root.traverse(include_text=False):
        for name in ("href", "src"):
            address = node.attributes.get(name)
            if address is not None:
                found.append((_line_in_block(rendered.where, _block_of(node, blocks), address), address))
    return found


def line_written(rendered: RenderedPage, node, needle: str) -> int:
    """The line that writes `needle` (markup, as written) for an element of the page's HTML: within the located
    block that holds the element, else at the block's first line; outside the blocks (in a heading) at the first
    line that writes it, else at 0 (not found)."""
    blocks = {located.block.node.mem_id: located for located in rendered.blocks if located.first}
    return _line_in_block(rendered.where, _block_of(node, blocks), needle)


def _block_of(node, blocks: dict[int, Located]) -> Located | None:
    while node is not None and node.mem_id not in blocks:
        node = node.parent
    return blocks[node.mem_id] if node is not None else None


def _line_in_block(where: PageLines, block: Located | None, needle: str) -> int:
    if block is None:
        return where.markup.line_of(needle)
    written = where.markup.line_of(needle, since=block.first)
    return written if 0 < written <= block.last else block.first


def render_or_refuse(page, md: markdown.Markdown, budget: ConversionBudget) \
        -> tuple[RenderedPage | None, list[Problem]]:
    """The rendered page, or why Python-Markdown could not convert it within the budget."""
    try:
        return render(page, md, budget), []
    except Exception as error:  # noqa: BLE001 (any failure of the converter on a contributor's page)
        return None, [conversion_problem(page.path, error)]


def render(page, md: markdown.Markdown, budget: ConversionBudget | None = None,
           stand_in: Callable[[Call], str] | None = None) -> RenderedPage:
    """The page's HTML, its blocks and where each was written (`page`: a ParsedPage). `stand_in`: what each call
    becomes instead of the element that stands for it (notes.py: text that changes when the call does)."""
    calls, key = page.calls, secrets.token_hex(8)
    numbered = {id(call): index for index, call in enumerate(calls)}
    markdown_text = render_page(page.pieces, stand_in or (lambda call: stands_for(key, numbered[id(call)], call)))
    html = budget.convert(md, markdown_text) if budget is not None else md.reset().convert(markdown_text)
    root = LexborHTMLParser(f'<!doctype html><html><body><div id="qq-root">{html}</div></body></html>') \
        .css_first("#qq-root")
    rendered = RenderedPage(root, calls, page.where, key)
    rendered.blocks = _located(text_blocks(root, key), rendered)
    return rendered


def stands_for(key: str, index: int, call: Call) -> str:
    """What a call becomes in the page's Markdown: an element the HTML shows where the marker will stand, after
    the words the macro shows."""
    mark = f'<sup {CALL}="{key}:{index}">{index + 1}</sup>'
    words = f'{WORDS_OF_CALL}="{key}"'
    passage = md_escape(str(call.args.get("passage", "")))
    if call.macro == "quote":
        return f'<q class="qq-quote" {words}>{passage}</q>{mark}'
    if call.macro == "figure":
        return f'<span class="qq-figure" {words}>{md_escape(str(call.args.get("value", "")))}</span>{mark}'
    if call.macro == "blockquote":  # the engine's block, as blockquote() writes it (an inline block shows it as text)
        return f"\n\n{ENGINE_FENCE} qq-blockquote\n\n<span {words}>{passage}</span>{mark}\n\n{ENGINE_FENCE}\n\n"
    if call.macro == "visual":
        return ""
    return mark


def quotes_in_notes(rendered: RenderedPage) -> Iterator[tuple[object, Call]]:
    """(the note, the call) of each blockquote() whose block an inline block (/// note, /// about: a <p>) shows as
    text, as the build does: its marker stands in the note."""
    for note in rendered.root.css(f"p.{NOTE}"):
        for mark in note.css(f"sup[{CALL}]"):
            key, _, index = mark.attributes[CALL].partition(":")
            if key == rendered.key and rendered.calls[int(index)].macro == "blockquote":
                yield note, rendered.calls[int(index)]


def _located(blocks: list[Block], rendered: RenderedPage) -> list[Located]:
    """The blocks with words or images, each at its first line, and up to the next block or a blank line."""
    locator = WordLocator(rendered.where)
    texts = [block for block in blocks if block.text.strip() or block.images or block.calls]
    links = {block.node.mem_id for block in exempt_by_links(texts)}
    firsts = [_first_line(locator, block, rendered) for block in texts]
    starts = sorted(set(firsts))  # a block runs at most up to the next block's first line: one sort, not a scan each
    located = []
    for block, first in zip(texts, firsts):
        following = bisect_right(starts, first)
        last = _last_line(rendered.lines, first,
                          (starts[following] if following < len(starts) else len(rendered.lines) + 1) - 1)
        located.append(Located(block, first, last, _source(rendered.lines, first, last, block.tag == "li"),
                               block.node.mem_id in links))
    return located


def _first_line(locator: WordLocator, block: Block, rendered: RenderedPage) -> int:
    """Where the block's words are written, 0 where they are not found (no line rather than a guess); a cited
    block starts at its first call at the latest."""
    call_line = rendered.calls[block.calls[0]].line if block.calls else None
    # a single word recurs by chance: a cited block is found by two words or more, else at its first call
    line = locator.line_of(block.text or block.image, default=call_line or 0, fewest=2 if call_line else 1)
    return min(line, call_line) if call_line and line > call_line else line


def _last_line(lines: list[str], first: int, limit: int) -> int:
    last = first
    while last < limit and last < len(lines) and lines[last].strip():  # lines[last] is line last + 1
        last += 1
    return last


def _source(lines: list[str], first: int, last: int, item: bool) -> str:
    text = "\n".join(lines[first - 1:last])
    return LIST_MARKER.sub("", text, count=1) if item else text
