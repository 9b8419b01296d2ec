"""What a page may not write by hand, as the static pass sees it in the page's HTML: a footnote, a number in
square brackets, which reads as a citation's marker, and a link around a citation.

A footnote's marker is numbered and opens its tooltip as a citation's does, and a page footnote named [^qq3]
would redefine the engine's reference 3 (macros/proofmarks.py). Found in the HTML the static pass renders
(rendered.py), as Python-Markdown's footnotes extension wrote it: each reference (`<sup id="fnref:name">`),
each definition (`<li id="fn:name">` in its `<div class="footnote">`), and the text `[^name]` it left as it was
(a reference without its definition), outside code; each at the line of its block that writes it
(rendered.line_written). A marker right after a number shows as "238[21]" (render/markup.py): a "[21]" the page
types, left as text outside code and the calls' words, would look like one and link nowhere. A call inside a
link's text (`[{{ figure(…) }} confirmed](https://…)`) would make its checked figure or quote the text of a link
elsewhere, and its marker, a link itself, a link inside a link, which HTML has not: told at the call's line.
A call inside a footnote's label (`[^{{ cite(…) }}]`) would make the engine's footnote reference stand inside
another, and show no marker: told at the call's line too.
Block quotes by hand: coverage.block_quotes_by_hand. The build checks the HTML again (sitecheck/proof.py, where a
link around a marker shows as a footnote link not written by a citation macro). Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem, clip
from .rendered import RenderedPage, line_written
from .textblocks import CALL, WORDS_OF_CALL

FOOTNOTE_HINT = ("a footnote's marker looks like a citation's: cite with cite(), quote(), blockquote() or "
                 "figure(), which number and write the references")
MARKER_RULE = "a number in square brackets reads as a citation's marker"
MARKER_HINT = ("the site writes each citation's marker itself, as [21] after a number: cite with cite(), and write "
               "a number of your own in parentheses, (21), or in words")
LINKED_RULE = "a figure, a quote or a marker may not stand inside a link"
STOP_RULE = "a full stop, a comma or a colon between two markers reads as one number"
STOP_HINT = ("“5.6”, “5,6” or “5:6” reads as a decimal, a section or a time, not as references 5 and 6: put the mark "
             "after the second call, and the markers read as one run, “5, 6.”")
BETWEEN_MARKERS = {".", ",", ":", ";"}
HIDDEN_RULE = "a figure, a quote or a marker must stand in the page's text"
HIDDEN_HINT = ("inside an image's description or code the call shows as text, with no marker and nothing checked: "
               "write the call in a sentence, after the words its passage supports")
IN_FOOTNOTE_RULE = "a figure, a quote or a marker may not stand inside a footnote's [^…]"
IN_FOOTNOTE_HINT = ("a call writes its own marker and reference, as a footnote of the site's: a footnote around it "
                    "would hold one in another, and the marker would show nowhere; remove the [^ ] around the call, "
                    "and write the call after the words its passage supports")
LINKED_HINT = ("a citation's marker is a link to its reference, and what a link's text says reads as what its "
               "address proves: end the link's [text](…) before the call, and write the call after the words its "
               "passage supports")
CODE = {"code", "pre"}
# the elements that end a footnote's [^label]: Python-Markdown reads one within a block's inline text only
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary",
          "blockquote", "div", "details", "body"}
# square brackets, fullwidth ones too, around what may be digits of any script, superscript ones too ("[²¹]")
BRACKETED = re.compile(r"[\[［]([^\[\]［］\s]+)[\]］]")


def handmade(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    """A problem for every footnote the page writes itself, at the line that writes it, once a line; none for an
    element of raw HTML that poses as one (refused as raw HTML: rawhtml.py)."""
    found: dict[Problem, None] = {}
    for node, written in footnotes(rendered):
        line = line_written(rendered, node, written)
        if line and written.lower() in rendered.lines[line - 1].lower():
            found[Problem(path, line, "footnotes are the citation engine's", repr(written), FOOTNOTE_HINT)] = None
    for node, written in typed_markers(rendered):
        found[Problem(path, line_written(rendered, node, written), MARKER_RULE, repr(written), MARKER_HINT)] = None
    yield from found
    yield from calls_in_links(path, rendered)
    yield from calls_out_of_text(path, rendered)
    yield from calls_in_footnotes(path, rendered)
    yield from stops_between_markers(path, rendered)


def calls_in_links(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    """Each call that stands inside a link's text, at the call's line, once (a link inside a link holds it twice)."""
    told: set[int] = set()
    for link in rendered.root.css("a"):
        for call in filter(None, (_call_of(mark, rendered) for mark in link.css(f"sup[{CALL}]"))):
            if id(call) not in told:
                told.add(id(call))
                yield Problem(path, call.line, LINKED_RULE, f"{_named(call)} in a link to "
                              f"{clip(link.attributes.get('href') or '', 60)!r}", LINKED_HINT)


def calls_out_of_text(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    """Each call Python-Markdown kept as text, not as an element: in an attribute (an image's alt text, a title)
    or in code. Its element's markup then stands in that text, with this rendering's key, which no page can know."""
    written = f'{CALL}="{rendered.key}:'
    told: set[int] = set()
    for node in rendered.root.traverse():
        texts = [*node.attributes.values()] + ([node.text()] if node.tag in CODE else [])
        for text in filter(None, texts):
            for piece in text.split(written)[1:]:
                index = int(piece.partition('"')[0])
                if index not in told:
                    told.add(index)
                    call = rendered.calls[index]
                    yield Problem(path, call.line, HIDDEN_RULE, _named(call), HIDDEN_HINT)


def calls_in_footnotes(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    """Each call written inside a footnote's label, `[^{{ cite(…) }}]`: the footnotes extension leaves the `[^`
    as text before the call's element, which the build makes a footnote reference of its own, inside the other.
    Told where the text of its block before it opens a `[^` that no `]` closes. One walk of the page: a page of
    thousands of calls in one block is read once, not once a call."""
    opened = None  # the page's text from an unclosed `[^` of the block being read
    for node in rendered.root.traverse(include_text=True):
        if node.tag in BLOCKS:
            opened = None
        elif node.tag == "-text":
            text = node.text(deep=False) or ""
            # whose text it is matters only where it opens or closes: a page nested thousands deep is walked once
            if ("[" not in text and "]" not in text) or not any(map(_not_the_pages_text, _ancestors(node))):
                opened = _still_open(opened, text)
        elif opened is not None and node.tag == "sup" and (call := _call_of(node, rendered)):
            yield Problem(path, call.line, IN_FOOTNOTE_RULE, f"{_named(call)} after {clip(opened, 40)!r}",
                          IN_FOOTNOTE_HINT)


def _still_open(opened: str | None, text: str) -> str | None:
    """The text from the last `[^` that `text`, read after `opened`, leaves unclosed (enough of it to show)."""
    start = text.rfind("[^")
    if start >= 0:
        return text[start:start + 400] if "]" not in text[start:] else None
    return None if opened is None or "]" in text else (opened + text)[:400]


def stops_between_markers(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    """Each call whose marker is followed by a full stop, a comma, a colon or a semicolon alone and at once by
    another call's marker."""
    for mark in rendered.root.css(f"sup[{CALL}]"):
        stop = mark.next
        after = stop.next if stop is not None else None
        if stop is not None and stop.tag == "-text" and stop.text() in BETWEEN_MARKERS and after is not None \
                and after.tag == "sup" and CALL in after.attributes and (call := _call_of(mark, rendered)):
            yield Problem(path, call.line, STOP_RULE, f"{_named(call)}, {stop.text()!r}, and the next call", STOP_HINT)


def _call_of(mark, rendered: RenderedPage):
    """The call an element stands for, if this rendering wrote it (its CALL attribute holds the rendering's key)."""
    key, _, index = (mark.attributes.get(CALL) or "").partition(":")
    return rendered.calls[int(index)] if key == rendered.key else None


def _named(call) -> str:
    return f"{call.macro}() of {call.args.get('source')!r}"


def typed_markers(rendered: RenderedPage) -> Iterator[tuple[object, str]]:
    """(the text's node, `[digits]` as shown) of each number in square brackets the page's text shows: outside code
    and the words of the page's calls (a quote's passage may hold one)."""
    for node in rendered.root.traverse(include_text=True):
        text = node.text(deep=False) if node.tag == "-text" else ""
        if BRACKETED.search(text) and not any(_not_the_pages_text(above) for above in _ancestors(node)):
            yield from ((node, found.group()) for found in BRACKETED.finditer(text) if found.group(1).isdigit())


def _not_the_pages_text(node) -> bool:
    return node.tag in CODE or any(name in node.attributes for name in (CALL, WORDS_OF_CALL))


def footnotes(rendered: RenderedPage) -> Iterator[tuple[object, str]]:
    """(the element, the footnote as written: [^name]) of each footnote of the page, in the order of its HTML."""
    for node in rendered.root.traverse(include_text=True):
        if node.tag == "-text":
            yield from ((node, written) for written in _left_as_text(node))
            continue
        if _extensions_own(node):
            yield node, f"[^{(node.attributes.get('id') or '').partition(':')[2]}]"


def _extensions_own(node) -> bool:
    """A reference or a definition as the footnotes extension writes them: not an element a page gave such an id
    (refused for its id: rawwatch.py)."""
    prefix = (node.attributes.get("id") or "").partition(":")[0]
    if node.tag == "sup" and prefix.startswith("fnref"):
        return node.css_first("a.footnote-ref") is not None
    if node.tag == "li" and prefix == "fn":
        listed = node.parent.parent if node.parent is not None else None
        return listed is not None and listed.tag == "div" and \
            "footnote" in (listed.attributes.get("class") or "").split()
    return False


def _left_as_text(node) -> list[str]:
    """The references the extension left as text, having no definition to link them to: `[^name]` on one line,
    outside code."""
    text = node.text(deep=False) or ""
    if "[^" not in text or any(above.tag in CODE for above in _ancestors(node)):
        return []
    found = []
    for after in text.split("[^")[1:]:
        name, closed, _ = after.partition("]")
        if closed and "\n" not in name:
            found.append(f"[^{name}]")
    return found


def _ancestors(node) -> Iterator[object]:
    node = node.parent
    while node is not None:
        yield node
        node = node.parent
