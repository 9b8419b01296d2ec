"""Raw HTML in a page, found the way Python-Markdown finds it, and the attributes Markdown writes.

A page is written in Markdown and the site's blocks (macros/render/blocks.py): `/// facts`, `/// cards`,
`/// gaps`, `/// about`, `/// note`. Raw HTML is refused, each piece at its line with the block to use
instead. What counts as raw HTML is what Python-Markdown itself takes as such when it converts the page (as
the static pass renders it, each call standing as plain text, with mkdocs.yml's extensions): the blocks its
HTML block preprocessor stashes and the tags its inline `html` pattern matches, so HTML inside code is not
raw HTML. The attributes Markdown writes (an attribute list `{: … }`, a block's `attrs:` option) pass the
content allow-list (sitecheck/rules.py CONTENT_ATTRIBUTES), and an id it writes is not in the engine's names
(`qq-…`, which the /// gaps heading carries, `fn:qq…`, `fnref:qq…`). A blockquote() call stands as the engine's
block it writes, which an inline block (/// note, /// about) shows as text, as in the build: refused there. The
check of each page's HTML in the build (sitecheck/content.py) stays the guarantee. Pure Python: nothing here
imports MkDocs.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from bisect import bisect_right
from itertools import chain, zip_longest
from collections.abc import Iterable, Iterator

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import RE_START as BLOCK_START
from selectolax.lexbor import LexborHTMLParser

from ..lines import LineIndex
from ..problems import Problem, capped, clip
from ..render.blocks import ENGINE_FENCE, GAPS_TITLE_ID, NOTE
from ..render.markup import md_escape, render_page
from ..sitecheck.rules import CONTENT_ATTRIBUTES
from . import ParsedPage
from .body import Call
from .converter import ConversionBudget, markdown_converter

RULE = "raw HTML is not allowed in a page"
ATTRIBUTE_RULE = "attribute not allowed in page content"  # as sitecheck/rules.py says it of the built page
ATTRIBUTE_HINT = "pages hold text, links, images and citations: see SECURITY.md"
BLOCKS = "/// facts, /// cards, /// gaps | heading, /// about or /// note, each closed by /// (CONTRIBUTING.md)"
# The block (or the Markdown) that writes what a piece of raw HTML wrote, by its element's class, then its element
BY_CLASS = {"qq-gaps": "write the block /// gaps | its heading … ///",
            "qq-about": "write the block /// about … ///", "qq-editors-note": "write the block /// note … ///",
            "qq-facts": "write the block /// facts … ///", "qq-cards": "write the block /// cards … ///"}
BY_TAG = {"small": "in /// facts, a figure's caption is the line under it, indented: the block sets it small",
          "br": "in /// cards, a card's description is the line under its link, indented; elsewhere start a new "
                "paragraph",
          "a": "write a link in Markdown: [its words](page.md#heading)"}
UNREAD_RULE = "not a block of the site"
UNREAD_HINT = ("the blocks are /// facts, /// cards, /// gaps | heading, /// about and /// note, whose only option is "
               "attrs: a mapping of attribute names to text (CONTRIBUTING.md)")
COMMENT_HINT = "a page holds what readers see: remove the comment, and tell the maintainers in the pull request"
ID_RULE = "ids starting with qq- are the engine's"
ID_HINT = ("give the element another id, or none: the engine names its own elements qq-… (its citations fn:qq…, "
           "fnref:qq…)")
ENGINE_IDS = ("qq-", "fn:qq", "fnref:qq")
INLINE_QUOTE_RULE = "a block quote cannot stand inside a /// note or /// about"
INLINE_QUOTE_HINT = "put the block quote outside the note: close the note with /// before the blockquote() call"
QUOTE_TOKEN = "qqblockquotecall"  # the words a blockquote() call's block holds here, with the call's number
FIRST_TAG = re.compile(HTML_RE)  # a tag or a comment, as Python-Markdown's inline pattern reads one
HTML_BLOCK_PRIORITY, HTML_INLINE_PRIORITY = 20, 90  # Python-Markdown's own, for the processors watched here


class RawHtmlFinder(Extension):
    """Watches Python-Markdown's own HTML processors while it converts a page (add it last)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        self.blocks: list[str] = []  # raw HTML blocks, as the page wrote them
        self.tags: list[tuple[str, str]] = []  # inline tags and comments, each with the words before it
        self.attributes: list[tuple[str, str]] = []  # (element, attribute) that Markdown wrote, off the allow-list
        self.unread: list[str] = []  # the first line of each `/// name` that pymdownx.blocks left as text
        self.ids: list[tuple[str, str]] = []  # (element, id) the page wrote in the engine's names
        self.inline_quotes: list[int] = []  # the number of each blockquote() call left as text in an inline block
        md.preprocessors.register(_StashWatch(md, md.preprocessors["html_block"], self.blocks), "html_block",
                                  HTML_BLOCK_PRIORITY)
        md.inlinePatterns.register(_InlineWatch(HTML_RE, md, self.tags), "html", HTML_INLINE_PRIORITY)
        md.treeprocessors.register(_TreeWatch(md, self), "qq_tree_watch", 1)  # after attr_list, toc and the blocks

    def reset(self) -> None:
        for found in (self.blocks, self.tags, self.attributes, self.unread, self.ids, self.inline_quotes):
            found.clear()


class _StashWatch(Preprocessor):
    """The HTML block preprocessor (Python-Markdown's, or md_in_html's), noting what it stashes."""

    def __init__(self, md, watched: Preprocessor, found: list[str]):
        super().__init__(md)
        self.watched, self.found = watched, found

    def run(self, lines: list[str]) -> list[str]:
        before = len(self.md.htmlStash.rawHtmlBlocks)
        lines = self.watched.run(lines)
        self.found += [piece if isinstance(piece, str) else _start_tag(piece)
                       for piece in self.md.htmlStash.rawHtmlBlocks[before:]]
        return lines


def _start_tag(element: etree.Element) -> str:
    """The start tag as the page wrote it, but for md_in_html's `markdown` attribute (which it rewrote)."""
    attributes = "".join(f' {name}="{value}"' for name, value in element.attrib.items() if name != "markdown")
    return f"<{element.tag}{attributes}"


class _InlineWatch(HtmlInlineProcessor):
    def __init__(self, pattern: str, md, found: list[str]):
        super().__init__(pattern, md)
        self.found = found

    def handleMatch(self, m, data):  # noqa: N802: Python-Markdown's name
        before = data[:m.start()]  # the words before it on its line, up to what Markdown took out (a code span)
        before = before[max(before.rfind("\n"), before.rfind(markdown.util.ETX)) + 1:]
        self.found.append((m.group(1), before + m.group(1)))
        return super().handleMatch(m, data)


class _TreeWatch(Treeprocessor):
    """The elements Markdown made (raw HTML is still stashed at this point): their attributes, and a block's first
    line that pymdownx.blocks left as a paragraph (an unknown name, an unknown option, or an option it refused)."""

    def __init__(self, md, finder: RawHtmlFinder):
        super().__init__(md)
        self.finder = finder

    def run(self, root) -> None:
        engine_made = _gaps_titles(root)
        for element in root.iter():
            self.finder.attributes += [(element.tag, name) for name in element.attrib
                                       if name.lower() not in CONTENT_ATTRIBUTES]
            given = element.get("id") or ""
            if given.startswith(ENGINE_IDS) and element not in engine_made and \
                    not (given.startswith(("fn:", "fnref:")) and element.tag in ("li", "sup")):  # footnotes': refused
                self.finder.ids.append((element.tag, given))
            quotes = _stand_ins(element) if element.tag == "p" else []
            if NOTE in (element.get("class") or "").split():  # an inline block: it shows the quote's block as text
                self.finder.inline_quotes += quotes
            start = BLOCK_START.match(element.text or "") if element.tag == "p" and not quotes else None
            if start:
                self.finder.unread.append(start.group(0).strip())


def _gaps_titles(root) -> list[etree.Element]:
    """The headings the /// gaps blocks wrote, with the engine's ids."""
    return [aside[0] for aside in root.iter("aside") if "qq-gaps" in (aside.get("class") or "").split()
            and len(aside) and (aside[0].get("id") or "").startswith(GAPS_TITLE_ID)]


def _stand_ins(paragraph: etree.Element) -> list[int]:
    """The numbers of the blockquote() calls whose block (the engine's, unknown here) a paragraph shows as text."""
    return [int(word[len(QUOTE_TOKEN):]) for word in "".join(paragraph.itertext()).split()
            if word.startswith(QUOTE_TOKEN)]


def raw_html_converter(extensions: dict[str, dict]) -> tuple[markdown.Markdown, RawHtmlFinder]:
    """Python-Markdown as MkDocs sets it up from mkdocs.yml's markdown_extensions, watched; raises ImportError or
    ValueError (as MkDocs would) if one of them cannot be loaded."""
    md, finder = markdown_converter(extensions), RawHtmlFinder()
    md.registerExtensions([finder], {})
    return md, finder


def raw_html_problems(page: ParsedPage, md: markdown.Markdown, finder: RawHtmlFinder,
                      budget: ConversionBudget) -> list[Problem]:
    """Each piece of raw HTML in the page, and each attribute Markdown writes off the allow-list, at its line.
    The page converted as it is checked (pages/rendered.py), within the same budget: a conversion that fails
    is that check's problem, reported once."""
    numbered = {id(call): index for index, call in enumerate(page.calls)}
    try:
        budget.convert(md, render_page(page.pieces, lambda call: _as_text(call, numbered[id(call)])))
    except Exception:  # noqa: BLE001 (pages/rendered.py reports why the converter failed on this page)
        return []
    index = LineIndex.of_lines(page.body_lines())
    return capped(chain(_problems(page.path, index, finder), _engine_problems(page, index, finder)))


def _problems(path: str, index: LineIndex, finder: RawHtmlFinder) -> Iterator[Problem]:
    """One problem a line: its first piece of raw HTML (a closing tag only where no other stands)."""
    tags = [tag for tag, _ in finder.tags]
    found = [*zip(finder.blocks, _lines(index, finder.blocks, map(_first_tag, finder.blocks))),
             *zip(tags, _lines(index, [in_context for _, in_context in finder.tags], tags))]
    first = {}
    for raw, line in sorted(found, key=lambda pair: (pair[1], pair[0].lstrip().startswith("</"))):
        first.setdefault((line, raw) if line == 0 else line, raw)  # pieces whose line is unknown: each its own
    for key, raw in first.items():
        line = 0 if isinstance(key, tuple) else key
        shown = _first_tag(raw) or (raw if raw.rstrip().endswith(">") else f"{raw}…>")  # md_in_html's start
        yield Problem(path, line, RULE, repr(clip(shown, 80)), _hint(raw))
    for header, line in zip(finder.unread, _lines(index, finder.unread)):
        yield Problem(path, line, UNREAD_RULE, repr(header), UNREAD_HINT)
    for tag, name in dict.fromkeys(finder.attributes):
        yield Problem(path, index.first_line([f"{name}=", f"{name}:"], 1), ATTRIBUTE_RULE, f"{name} on <{tag}>",
                      ATTRIBUTE_HINT)


def _engine_problems(page: ParsedPage, index: LineIndex, finder: RawHtmlFinder) -> Iterator[Problem]:
    """The engine's ids the page gave its own elements, and block quotes a note holds."""
    for tag, given in dict.fromkeys(finder.ids):
        yield Problem(page.path, index.first_line([f"#{given}", given]), ID_RULE, f"id={given!r} on <{tag}>", ID_HINT)
    for number in dict.fromkeys(finder.inline_quotes):
        call = page.calls[number]
        passage = clip(str(call.args.get("passage", "")), 50)
        yield Problem(page.path, call.line, INLINE_QUOTE_RULE, f"{call.macro}({passage!r})", INLINE_QUOTE_HINT)


def _lines(index: LineIndex, pieces: Iterable[str], alone: Iterable[str] = ()) -> Iterator[int]:
    """The line of each piece as the page wrote it, each looked for after the one before (Python-Markdown finds
    them in the page's order), else from the top; else the piece `alone` (its first tag: a block's text holds
    each call as its name, not as the page wrote it), after the one before; else 0, no line rather than a guess."""
    start = 0
    for piece, short in zip_longest(pieces, alone):
        position = index.text.find(piece, start)
        position = index.text.find(piece) if position < 0 else position
        if position < 0 and short:
            piece, position = short, index.text.find(short, start)
        if position < 0:  # Python-Markdown expanded a tab, or unescaped: its first line
            position = index.text.find(piece.strip().split("\n")[0], start)
        start = max(start, position + 1)
        yield bisect_right(index.starts, position) if position >= 0 else 0


def _first_tag(raw: str) -> str | None:
    tag = FIRST_TAG.match(raw.lstrip())
    return tag.group(1) if tag else None


def _hint(raw: str) -> str:
    """The block or the Markdown that writes what this raw HTML writes."""
    if raw.lstrip().startswith("<!--"):
        return COMMENT_HINT
    element = next(iter(LexborHTMLParser(f"<!doctype html><html><body>{raw}</body></html>").body.iter()), None)
    if element is None:
        return f"write it in Markdown, or in a block: {BLOCKS}"
    classes = (element.attributes.get("class") or "").split()
    return next((BY_CLASS[name] for name in BY_CLASS if name in classes), None) or BY_TAG.get(element.tag) or \
        f"write it in Markdown, or in a block: {BLOCKS}"


def _as_text(call: Call, number: int) -> str:
    """A call stands as its name: plain text, which holds no HTML; a blockquote() as the engine's block it
    writes (as in the build, an inline block shows it as text), with the call's number."""
    if call.macro == "blockquote":
        return f"\n\n{ENGINE_FENCE} qq-blockquote | {QUOTE_TOKEN}{number}\n\n{ENGINE_FENCE}\n\n"
    return md_escape(call.macro)
