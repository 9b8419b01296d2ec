"""Raw HTML in a page, found the way Python-Markdown finds it, and the attributes Markdown writes.

A page is written in Markdown and the site's blocks (macros/render/blocks.py): `/// facts`, `/// cards`, `/// gaps`,
`/// about`, `/// note`. Raw HTML is refused, each piece at its line with the block to use instead. What counts as
raw HTML is what Python-Markdown itself takes as such when it converts the page (in the one conversion of the static
pass, pages/rendered.py, with mkdocs.yml's extensions): the blocks its HTML block preprocessor stashes and the tags
its inline `html` pattern matches (pages/rawwatch.py watches them), so HTML inside code is not raw HTML; nor are the
elements that stand for the page's calls, which carry the rendering's key, and their end tags. The attributes
Markdown writes (an attribute list `{: … }`, a block's `attrs:` option) pass the content allow-list
(sitecheck/rules.py CONTENT_ATTRIBUTES), and an id it writes is not in the engine's names (`qq-…`, which the /// gaps
heading carries, `fn:qq…`, `fnref:qq…`: only the footnotes extension's own are left to pages/handmade.py), nor a
mark only the engine writes (lang, hreflang, the translation note's class: pages/rawwatch.py). An attribute list
right after a call would be the marker's in the build: refused. A blockquote() stands as the engine's block it
writes, which an inline block (/// note, /// about) shows as text, as in the build: refused there. Raw HTML that
holds a call, and an attribute list on a call's marker, keep the page from being built (the build would lose the
marker); the rest is reported with the built page's checks. The check of each page's HTML in the build
(sitecheck/content.py) stays the guarantee. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, zip_longest

import markdown
from markdown.inlinepatterns import HTML_RE
from selectolax.lexbor import LexborHTMLParser

from ..lines import LineIndex
from ..problems import Problem, capped, clip
from ..proofmarks import REFERENCES
from ..render.blocks import ENGINE_FENCE
from ..sitecheck.content import CLASS_HINT, CLASS_RULE, class_needles
from ..sitecheck.engineonly import written_as
from . import ParsedPage
from .converter import ConversionBudget
from .rawwatch import RawHtmlFinder
from .rendered import RenderedPage, quotes_in_notes, render
from .textblocks import CALL, WORDS_OF_CALL

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
# (rule, hint) of what only the engine marks (pages/rawwatch.py ENGINE_ATTRIBUTES, ENGINE_CLASSES)
ENGINE_MARKS = {"lang": ("lang attributes are the engine's", "the engine marks the sources' own words with their "
                         "language: write the page in its edition's language, with no lang"),
                "hreflang": ("hreflang attributes are the engine's", "the engine marks each link out of the edition "
                             "with its page's language: write the link with no hreflang"),
                "class": (CLASS_RULE, CLASS_HINT)}  # as the built page's check says it of any class off its list
MARKER_ATTRIBUTES_RULE = "an attribute list cannot follow a macro call"
MARKER_ATTRIBUTES_HINT = ("Markdown would give its attributes to the citation's marker, which is the engine's: remove "
                          "the {…} after the call")
INLINE_QUOTE_RULE = "a block quote cannot stand inside a /// note or /// about"
QUOTE_BLOCK = f"{ENGINE_FENCE} qq-blockquote"  # how rendered.stands_for opens a blockquote()'s block
INLINE_QUOTE_HINT = "put the block quote outside the note: close the note with /// before the blockquote() call"
FIRST_TAG = re.compile(HTML_RE)  # a tag or a comment, as Python-Markdown's inline pattern reads one
def raw_html_problems(page: ParsedPage, md: markdown.Markdown, finder: RawHtmlFinder,
                      budget: ConversionBudget) -> list[Problem]:
    """The page rendered as the static pass renders it, and what raw_html_found finds in it."""
    return raw_html_found(page, finder, render(page, md, budget))[0]


def raw_html_found(page: ParsedPage, finder: RawHtmlFinder, rendered: RenderedPage) \
        -> tuple[list[Problem], list[Problem]]:
    """Each piece of raw HTML in the page, each attribute Markdown writes off the allow-list and each id in the
    engine's names, at its line, as the finder saw them when the page was last converted (`rendered`); and each
    block quote a note holds; each attribute list right after a call. Then those of them that keep the page from
    being built: raw HTML that holds a call, which Markdown does not read, and an attribute list on a call's
    marker, which would rename or restyle it: the build would lose the marker."""
    index = LineIndex.of_lines(page.body_lines())
    quotes = list(_quotes_in_notes(page.path, rendered))
    for _ in quotes:  # the block's first line, if the note shows it first: told as the block quote it is
        if QUOTE_BLOCK in finder.unread:
            finder.unread.remove(QUOTE_BLOCK)
    finder.unread += _engine_blocks_written(rendered, finder)
    holding, listed = [], list(_listed_after_calls(page.path, finder, rendered))
    found = capped(chain(_problems(page.path, index, finder, rendered, holding),
                         _engine_ids(page.path, index, finder), listed, quotes))
    losing = [problem for problem in found if problem in holding or problem in listed]
    if not losing and (listed or _holds_a_call(finder, rendered.key)):  # past the cap: "and more" stops the build
        losing = found[-1:]
    return found, losing


def _holds_a_call(finder: RawHtmlFinder, key: str) -> bool:
    """Whether a piece of raw HTML the page wrote holds what stands for a call."""
    return any(key in raw and not _stands_for_a_call(raw, key) for raw in finder.blocks) or \
        any(key in tag for tag, _ in _the_pages_own(finder.tags, key))


def _problems(path: str, index: LineIndex, finder: RawHtmlFinder, rendered: RenderedPage,
              holding: list[Problem]) -> Iterator[Problem]:
    """One problem a line: its first piece of raw HTML (a closing tag only where no other stands); each one whose
    line holds a piece with a call in it also goes into `holding`."""
    key = rendered.key
    blocks = [block for block in finder.blocks if not _stands_for_a_call(block, key)]
    in_contexts = _the_pages_own(finder.tags, key)
    tags = [tag for tag, _ in in_contexts]
    found = [*zip(blocks, _lines(index, blocks, map(_first_tag, blocks))),
             *zip(tags, _lines(index, [in_context for _, in_context in in_contexts], tags))]
    first, with_a_call = {}, set()
    found = [(raw, line or _line_of_its_call(raw, rendered)) for raw, line in found]
    for raw, line in sorted(found, key=lambda pair: (pair[1], pair[0].lstrip().startswith("</"))):
        place = (line, raw) if line == 0 else line  # pieces whose line is unknown: each its own
        first.setdefault(place, raw)
        if key in raw:  # what stands for a call (rendered.stands_for), in a block or a tag the page wrote
            with_a_call.add(place)
    for place, raw in first.items():
        line = 0 if isinstance(place, tuple) else place
        shown = _first_tag(raw) or (raw if raw.rstrip().endswith(">") else f"{raw}…>")  # md_in_html's start
        if key in shown:  # a call inside the tag itself: what stands for it is not what the page wrote
            shown = "<!-- … -->" if raw.lstrip().startswith("<!--") else f"<{_first_element(raw).tag} …>"
        problem = Problem(path, line, RULE, repr(clip(shown, 80)), _hint(raw))
        holding += [problem] if place in with_a_call else []
        yield problem
    for header, line in zip(finder.unread, _lines(index, finder.unread)):
        yield Problem(path, line, UNREAD_RULE, repr(header), UNREAD_HINT)
    for tag, name in dict.fromkeys(finder.attributes):
        yield Problem(path, index.first_line([f"{name}=", f"{name}:"], 1), ATTRIBUTE_RULE, f"{name} on <{tag}>",
                      ATTRIBUTE_HINT)


def _line_of_its_call(raw: str, rendered: RenderedPage) -> int:
    """The line of the first call that stands in a piece whose own words were not found (they hold what stands for
    the call, not the call as the page wrote it), else 0."""
    after = raw.partition(f"{rendered.key}:")[2]
    number = after[:len(after) - len(after.lstrip("0123456789"))]
    return rendered.calls[int(number)].line if number and int(number) < len(rendered.calls) else 0


def _listed_after_calls(path: str, finder: RawHtmlFinder, rendered: RenderedPage) -> Iterator[Problem]:
    """An attribute list right after a call: after the end tag of what stands for its marker."""
    for before, end, listed in finder.listed:
        call = _call_it_stands_for(before, rendered.key) if end.startswith("</") else None
        if call is not None:
            yield Problem(path, rendered.calls[call].line, MARKER_ATTRIBUTES_RULE, repr(listed), MARKER_ATTRIBUTES_HINT)


def _engine_ids(path: str, index: LineIndex, finder: RawHtmlFinder) -> Iterator[Problem]:
    for tag, given in dict.fromkeys(finder.ids):
        yield Problem(path, index.first_line([f"#{given}", given]), ID_RULE, f"id={given!r} on <{tag}>", ID_HINT)
    for tag, name, value in dict.fromkeys(finder.engine_marks):  # an attribute list's, a block's attrs:
        written = class_needles(value) if name == "class" else written_as(name, value)
        rule, hint = ENGINE_MARKS[name.lower()]
        found = f"{value!r} on <{tag}>" if name == "class" else f"{name}={value!r} on <{tag}>"
        yield Problem(path, index.first_line(written, 1), rule, found, hint)


def _engine_blocks_written(rendered: RenderedPage, finder: RawHtmlFinder) -> list[str]:
    """The first line of each of the engine's blocks the page wrote itself: a list of references (the build writes
    it after the page), or a block quote that does not stand for a blockquote() call."""
    def stands_for_a_quote(raw) -> bool:
        call = _call_it_stands_for(raw, rendered.key) if isinstance(raw, str) else None
        return call is not None and rendered.calls[call].macro == "blockquote"

    return [f"{ENGINE_FENCE} {name}" for name, stashed in finder.engine_blocks
            if name == REFERENCES or not any(map(stands_for_a_quote, stashed))]


def _quotes_in_notes(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    for _, call in quotes_in_notes(rendered):
        passage = clip(str(call.args.get("passage", "")), 50)
        yield Problem(path, call.line, INLINE_QUOTE_RULE, f"{call.macro}({passage!r})", INLINE_QUOTE_HINT)


def _the_pages_own(tags: list[tuple[str, str]], key: str) -> list[tuple[str, str]]:
    """The inline tags the page wrote: not the start tags that stand for its calls (rendered.stands_for), nor as
    many of the end tags after them as they opened, in order, so that a stray end tag of the page's own stays."""
    opened, own = Counter(), []
    for tag, in_context in tags:
        if _stands_for_a_call(tag, key):
            opened[f"</{_first_element(tag).tag}>"] += 1
        elif opened[tag]:
            opened[tag] -= 1
        else:
            own.append((tag, in_context))
    return own


def _call_it_stands_for(raw: str, key: str) -> int | None:
    """The number of the call whose marker rendered.stands_for wrote as `raw`, if it did."""
    element = _first_element(raw)
    rendering, _, number = ((element.attributes.get(CALL) if element is not None else None) or "").partition(":")
    return int(number) if rendering == key and number.isdigit() else None


def _stands_for_a_call(raw: str, key: str) -> bool:
    """Whether the piece's first element is one rendered.stands_for wrote: it carries this rendering's key, which
    no page can write."""
    element = _first_element(raw)
    if element is None:
        return False
    attributes = element.attributes
    return key in ((attributes.get(CALL) or "").partition(":")[0], attributes.get(WORDS_OF_CALL))


def _lines(index: LineIndex, pieces: Iterable[str], alone: Iterable[str] = ()) -> Iterator[int]:
    """The line of each piece as the page wrote it, each looked for after the one before (Python-Markdown finds
    them in the page's order), else from the top; else the piece `alone` (its first tag: a block's text holds
    each call as the element that stands for it, not as the page wrote it), after the one before; else 0, no line
    rather than a guess."""
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
    element = _first_element(raw)
    if element is None:
        return f"write it in Markdown, or in a block: {BLOCKS}"
    classes = (element.attributes.get("class") or "").split()
    return next((BY_CLASS[name] for name in BY_CLASS if name in classes), None) or BY_TAG.get(element.tag) or \
        f"write it in Markdown, or in a block: {BLOCKS}"


def _first_element(raw: str):
    return next(iter(LexborHTMLParser(f"<!doctype html><html><body>{raw}</body></html>").body.iter()), None)
