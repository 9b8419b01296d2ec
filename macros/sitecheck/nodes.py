"""Elements of a built page as a reader sees them: their words, the element that follows, the footnote
ids Python-Markdown writes. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser

from ..lines import Words
from ..problems import clip
from .builtsite import is_element

INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q",
          "s", "samp", "small", "span", "strong", "sub", "time", "u", "var"}  # text that runs on, in a block
SEPARATE = {"br", "img", "hr"}  # what stands between two runs of text
MARKER_TAG = "sup"  # a marker follows a figure; every superscript is a marker (the others are refused)

JOINERS = ".,'’ \u00a0\u2009\u202f"  # what joins two runs of digits into one number: "1,238", "225 000"


def is_footnote_id(ident: str) -> bool:
    """Python-Markdown's footnote ids: fn:name, fnref:name, and fnref2:name for a second marker."""
    prefix, colon, _ = ident.partition(":")
    return bool(colon) and (prefix == "fn" or prefix.startswith("fnref"))


def footnote_name(ident: str) -> str:
    """The footnote name in an id or a link: fnref:qq3, #fn:qq3 -> qq3."""
    return ident.partition(":")[2]


def words(node) -> str:
    """The element's text as a reader sees it, its spaces collapsed, without its markers' numbers."""
    markers = {inner.mem_id for sup in node.css("sup[id]") if is_footnote_id(sup.attributes.get("id") or "")
               for inner in sup.traverse(include_text=False)}
    texts = (piece.text(deep=False) or "" for piece in node.traverse(include_text=True)
             if piece.tag == "-text" and piece.parent is not None and piece.parent.mem_id not in markers)
    return " ".join("".join(texts).split())


def shown(html: str) -> str:
    """The words a reader sees of a piece of the engine's HTML (render.markup.md_escape's, for one)."""
    body = LexborHTMLParser(f"<!doctype html><html><head></head><body>{html}</body></html>").body
    return words(body) if body is not None else ""


def first_words(node) -> Words:
    """Its first words: a way to find the element in the page's Markdown, as a reader reads them."""
    return Words(" ".join(words(node).split()[:4]))


def excerpt(node) -> str:
    return clip(words(node), 80)


def own_text(node) -> str:
    """A marker's or a link's own text, its number included."""
    return clip(node.text() or "", 40)


def closest(node, tag: str):
    while node is not None and node.tag != tag:
        node = node.parent
    return node


def children(node) -> Iterator:
    child = node.child
    while child is not None:
        if is_element(child):
            yield child
        child = child.next


def next_id(node) -> str | None:
    """The id of the element that follows `node`, unless text comes first (climbing out of its parents)."""
    following = next_element(node)
    return following.attributes.get("id") if following is not None else None


def next_element(node):
    """The element that follows `node`, unless text comes first (climbing out of its parents)."""
    while node is not None:
        following = node.next
        while following is not None and following.tag == "-text" and not (following.text() or "").strip():
            following = following.next
        if following is not None:
            return following if following.tag not in ("-text", "-comment") else None
        node = node.parent
    return None


def text_beside(node, forward: bool, enough: int = 2) -> str:
    """The text a reader sees right before (or after) the element in its block, climbing out of inline
    elements, past empty ones and markers, up to `enough` characters at least: what runs into it."""
    found = ""
    while node is not None:
        beside = node.next if forward else node.prev
        while beside is not None:
            text = "" if beside.tag in ("-comment", MARKER_TAG) else beside.text(deep=beside.tag != "-text") or ""
            found = found + text if forward else text + found
            if len(found) >= enough or beside.tag in SEPARATE:
                return found
            beside = beside.next if forward else beside.prev
        node = node.parent
        if node is None or node.tag not in INLINE:
            return found
    return found


def runs_into(nearest: str, symbols: str) -> bool:
    """Whether the text beside a figure (`nearest`: its one or two characters nearest the figure, the nearest
    first) reads as part of it: a letter, digit, combining mark or currency symbol, a sign or percent, or a digit
    joined by a separator ("1," or "2 " before it, ",000" after it)."""
    near, far = nearest[:1], nearest[1:2]
    return bool(near) and (unicodedata.category(near)[0] in "LNM" or unicodedata.category(near) == "Sc" or
                           near in symbols or (near in JOINERS and bool(far) and far.isdigit()))
