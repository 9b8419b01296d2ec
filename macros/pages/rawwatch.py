"""Python-Markdown's own processors, watched while it converts a page (pages/rawhtml.py reads what they saw).

Added last to the converter the static pass makes from mkdocs.yml's extensions: the HTML blocks its HTML block
preprocessor stashes, the tags its inline `html` pattern matches, the attributes and ids the page's attribute lists
and blocks write, the ids the footnotes extension itself writes (noted before attr_list runs, which can write the
same ids on any element), a `/// name` line that pymdownx.blocks left as text (in a paragraph or a tight list
item), an attribute list right after a piece of raw HTML (where the build writes a call's marker, attr_list gives
it the list), and the engine's blocks with the raw HTML stashed in each. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterator

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from pymdownx.blocks import RE_START as BLOCK_START

from ..proofmarks import BLOCKQUOTE, REFERENCES
from ..render.blocks import GAPS_TITLE_ID
from ..render.translated import TRANSLATION_NOTE
from ..sitecheck.rules import CONTENT_ATTRIBUTES
from .converter import markdown_converter

ENGINE_IDS = ("qq-", "fn:qq", "fnref:qq")
# What the engine alone marks, which a page's attribute list or a block's attrs: would imitate: the language of the
# sources' own words and of a link out of the edition (render/markup.py, render/translated.py), and the note under a
# translated page's title
ENGINE_ATTRIBUTES = ("lang", "hreflang")
ENGINE_CLASSES = (TRANSLATION_NOTE,)

HTML_BLOCK_PRIORITY, HTML_INLINE_PRIORITY = 20, 90  # Python-Markdown's own, for the processors watched here
ENGINE_BLOCK_PRIORITY = 15  # after the inline processor (20) and the blocks' (19.99), before attr_list (8)
FOOTNOTES_PRIORITY = 12  # after the footnotes' own tree processors (50, 19, 15), before attr_list (8)
FOOTNOTE_IDS = ("fn:", "fnref:")
CODE = {"code", "pre"}  # whose text is the page's code, shown as written


class RawHtmlFinder(Extension):
    """Watches Python-Markdown's own HTML processors while it converts a page (add it last)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        self.blocks: list[str] = []  # raw HTML blocks, as the page wrote them
        self.tags: list[tuple[str, str]] = []  # inline tags and comments, each with the words before it
        self.attributes: list[tuple[str, str]] = []  # (element, attribute) that Markdown wrote, off the allow-list
        self.unread: list[str] = []  # the first line of each `/// name` that pymdownx.blocks left as text
        self.ids: list[tuple[str, str]] = []  # (element, id) the page wrote in the engine's names
        self.engine_marks: list[tuple[str, str, str]] = []  # (element, attribute, value) only the engine writes
        self.engine_blocks: list[tuple[str, list]] = []  # (name, the raw HTML stashed in it) of each engine's block
        self.footnotes: dict[etree.Element, str] = {}  # each element the footnotes extension gave an id, with it
        self.listed: list[tuple[str, str, str]] = []  # (raw HTML, the raw HTML after it, the {…} that follows that)
        md.preprocessors.register(_StashWatch(md, md.preprocessors["html_block"], self.blocks), "html_block",
                                  HTML_BLOCK_PRIORITY)
        md.inlinePatterns.register(_InlineWatch(HTML_RE, md, self.tags), "html", HTML_INLINE_PRIORITY)
        md.treeprocessors.register(_TreeWatch(md, self), "qq_tree_watch", 1)  # after attr_list, toc and the blocks
        md.treeprocessors.register(_EngineBlockWatch(md, self.engine_blocks), "qq_engine_block_watch",
                                   ENGINE_BLOCK_PRIORITY)
        md.treeprocessors.register(_FootnoteWatch(md, self.footnotes), "qq_footnote_watch", FOOTNOTES_PRIORITY)

    def reset(self) -> None:
        for found in (self.blocks, self.tags, self.attributes, self.unread, self.ids, self.engine_marks,
                      self.engine_blocks,
                      self.footnotes, self.listed):
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
    line that pymdownx.blocks left as text (an unknown name, an unknown option, or an option it refused), in a
    paragraph or in a list item's own text."""

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
                    self.finder.footnotes.get(element) != given:  # the footnotes' own: refused (pages/handmade.py)
                self.finder.ids.append((element.tag, given))
            self.finder.engine_marks += _engine_marks(element)
            if element.tag not in CODE:  # a tight list item holds its text as a <li>'s, not a <p>'s
                self.finder.unread += [start.group(0).strip() for text in _texts(element)
                                       for start in BLOCK_START.finditer(text)]
                self.finder.listed += [(self._stashed(number - 1), self._stashed(number), listed)
                                       for text in _texts(element) for number, listed in _listed_after_html(text)]

    def _stashed(self, number: int) -> str:
        piece = self.md.htmlStash.rawHtmlBlocks[number] if 0 <= number < len(self.md.htmlStash.rawHtmlBlocks) else ""
        return piece if isinstance(piece, str) else ""


class _EngineBlockWatch(Treeprocessor):
    """The engine's blocks that pymdownx.blocks made (before attr_list adds the page's classes), each with the raw
    HTML still stashed in it: what stands for a call tells which call it is."""

    def __init__(self, md, found: list[tuple[str, list]]):
        super().__init__(md)
        self.found = found

    def run(self, root) -> None:
        for element in root.iter():
            name = next((name for name in (BLOCKQUOTE, REFERENCES) if name in (element.get("class") or "").split()),
                        None)
            if name:
                self.found.append((name, [self.md.htmlStash.rawHtmlBlocks[int(number)]
                                          for text in element.itertext() for number in HTML_PLACEHOLDER_RE.findall(text)]))


class _FootnoteWatch(Treeprocessor):
    """The ids the footnotes extension wrote (its references' <sup>s and its definitions' <li>s), noted before
    attr_list writes the page's own: an attribute list can write the same id on any element."""

    def __init__(self, md, found: dict[etree.Element, str]):
        super().__init__(md)
        self.found = found

    def run(self, root) -> None:
        self.found.update((element, element.get("id")) for element in root.iter()
                          if element.tag in ("sup", "li") and (element.get("id") or "").startswith(FOOTNOTE_IDS))


def _listed_after_html(text: str) -> Iterator[tuple[int, str]]:
    """(its number in the stash, the attribute list) of each piece of raw HTML that an attribute list follows at
    once, as attr_list reads one after an inline element: where the build writes a marker, it takes the list."""
    for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
        listed = AttrListTreeprocessor.INLINE_RE.match(text[placeholder.end():])
        if listed:  # shown up to its first }: what follows it is the page's text, and what stands for calls
            yield int(placeholder.group(1)), listed.group(0).partition("}")[0] + "}"


def _engine_marks(element) -> list[tuple[str, str, str]]:
    """The marks only the engine writes, on an element the page's Markdown made (the static pass's converter has
    none of the engine's steps that write them)."""
    marks = [(name, value) for name, value in element.attrib.items() if name.lower() in ENGINE_ATTRIBUTES]
    marks += [("class", name) for name in (element.get("class") or "").split() if name in ENGINE_CLASSES]
    return [(element.tag, name, value) for name, value in marks]


def _texts(element) -> Iterator[str]:
    """The element's own text: before its first child and after each child."""
    yield element.text or ""
    yield from (child.tail or "" for child in element)


def _gaps_titles(root) -> list[etree.Element]:
    """The headings the /// gaps blocks wrote, with the engine's ids."""
    return [aside[0] for aside in root.iter("aside") if "qq-gaps" in (aside.get("class") or "").split()
            and len(aside) and (aside[0].get("id") or "").startswith(GAPS_TITLE_ID)]


def watch_raw_html(md: markdown.Markdown) -> RawHtmlFinder:
    """The finder, watching every page `md` converts from now on (register it after the other extensions)."""
    finder = RawHtmlFinder()
    md.registerExtensions([finder], {})
    return finder


def raw_html_converter(extensions: dict[str, dict]) -> tuple[markdown.Markdown, RawHtmlFinder]:
    """Python-Markdown as MkDocs sets it up from mkdocs.yml's markdown_extensions, watched; raises ImportError or
    ValueError (as MkDocs would) if one of them cannot be loaded."""
    md = markdown_converter(extensions)
    return md, watch_raw_html(md)
