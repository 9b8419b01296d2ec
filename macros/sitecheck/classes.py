"""The classes a page's content may carry: one allow-list, on the HTML the page became.

A class is how the theme and the site's styles show an element: Material's admonitions ("success"
draws a green box with a check mark), its permalinks (`headerlink`, invisible until hovered), the
figures page's cards. A page that borrows one shows something it is not: a "verified" box, a card of
the figures page, a command hidden inside a code block that a reader copies with the rest. So a class
in content is one of:

- a layout class that CONTRIBUTING.md documents (LAYOUT): it arranges text, and says nothing of where
  it comes from;
- the engine's: the proof marks (macros/proofmarks.py), which the check of the built site compares
  with claims.json (proof.py), refusing any the engine did not write; and the parts of a reference
  and of a passage (ENGINE_PARTS), only inside the engine's own reference, passage or marker;
- what Python-Markdown writes: `headerlink` (toc), only the ¶ link of a heading, to its id; and
  `language-…` (fenced_code), only on the <code> of a code block.

The engine's visuals and the note under a translated page's title (`drawn`) are taken out first: the note's class
(qq-translation-note) is on no other element. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser

from ..proofmarks import (BACK_LINK, BLOCKQUOTE, FIGURE, MARKER_ELEMENT, MARKER_LINK, NOTES, OURS, PASSAGE, QUOTE,
                          REFERENCES, TOOLTIP)
from .builtsite import is_element

LAYOUT = {"qq-facts", "qq-cards", "qq-gaps", "qq-about", "qq-editors-note"}
# The proof marks' classes: the check of the built site (proof.py) refuses each one that no call of claims.json
# wrote, on whatever element, with a message that says so; the tooltip's, on every element.
PROOF = {QUOTE, BLOCKQUOTE, FIGURE, PASSAGE, MARKER_LINK, BACK_LINK, NOTES, REFERENCES, TOOLTIP}
# class -> (its element, the proof mark it stands inside)
ENGINE_PARTS = {"qq-source": ("span", NOTES), "qq-read": ("a", NOTES), "qq-date-note": ("span", NOTES),
                OURS: ("span", f"{NOTES} {BLOCKQUOTE}"),  # our translation of a quote: its reference, its signature
                "qq-next": (MARKER_ELEMENT, None),  # a marker right after another: the element is the check
                "qq-then": (MARKER_ELEMENT, None),  # a marker right before another
                "qq-format-char": ("span", f"{QUOTE} {BLOCKQUOTE} {FIGURE} {PASSAGE}")}
PERMALINK = "headerlink"
PERMALINK_TEXT = "¶"  # toc's `permalink: true`
LANGUAGE = "language-"  # fenced_code's, on a code block: ```text
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def unknown_classes(html: str, drawn: list[str]) -> Iterator[tuple[str, str]]:
    """(the class, the element it is on as '<tag>') for each class the content may not carry."""
    for piece in drawn:
        html = html.replace(piece, "", 1)
    wrapper = LexborHTMLParser(f"<!doctype html><html><body><div>{html}</div></body></html>").body.child
    for node in wrapper.traverse(include_text=False):
        if not is_element(node) or node.mem_id == wrapper.mem_id:  # the wrapper itself, whatever the page's ids
            continue
        for name in (node.attributes.get("class") or "").split():
            if not _allowed(name, node):
                yield name, f"<{node.tag}>"


def _allowed(name: str, node) -> bool:
    if name in LAYOUT or name in PROOF:
        return True
    if name in ENGINE_PARTS:
        tag, within = ENGINE_PARTS[name]
        return node.tag == tag and (within is None or _inside(node, set(within.split())))
    if name.startswith(LANGUAGE):
        return node.tag == "code" and node.parent is not None and node.parent.tag == "pre"
    return name == PERMALINK and _is_permalink(node)


def _inside(node, classes: set[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if set((parent.attributes.get("class") or "").split()) & classes:
            return True
        parent = parent.parent
    return False


def _is_permalink(node) -> bool:
    """A heading's own permalink: `<a class="headerlink" href="#ID">¶</a>`, last in the heading whose id is ID."""
    heading = node.parent
    return (node.tag == "a" and heading is not None and heading.tag in HEADINGS and node.next is None
            and bool(heading.attributes.get("id")) and node.attributes.get("href") == f"#{heading.attributes['id']}"
            and node.text() == PERMALINK_TEXT and not any(is_element(child) for child in node.iter()))
