"""What a page may not write by hand, as the static pass sees it in the page's HTML: a footnote.

A footnote's marker is numbered and opens its tooltip as a citation's does, and a page footnote named [^qq3]
would redefine the engine's reference 3 (macros/proofmarks.py). Found in the HTML the static pass renders
(rendered.py): the references and definitions Python-Markdown made, and the text `[^name]` it left as it was
(a reference without its definition, or inside raw HTML), outside code; then each is shown at every line of the
page that writes it. Block quotes by hand: coverage.block_quotes_by_hand. The build checks the HTML again
(sitecheck/proof.py). Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from .rendered import RenderedPage

FOOTNOTE = re.compile(r"\[\^[^\]\n]*+\]")  # Python-Markdown's footnote reference and definition: [^name]
FOOTNOTE_HINT = ("a footnote's marker looks like a citation's: cite with cite(), quote(), blockquote() or "
                 "figure(), which number and write the references")
CODE = {"code", "pre"}


def handmade(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    """A problem for every footnote the page writes itself, at each line that writes it."""
    for written in footnotes(rendered):
        for number, line in enumerate(rendered.lines, 1):
            if written in line:
                yield Problem(path, number, "footnotes are the citation engine's", repr(written), FOOTNOTE_HINT)


def footnotes(rendered: RenderedPage) -> list[str]:
    """Each footnote of the page, as it is written: [^name]."""
    found: dict[str, None] = {}
    stack = [(rendered.root, False)]
    while stack:
        node, in_code = stack.pop()
        if node.tag == "-text":
            if not in_code:
                found.update(dict.fromkeys(FOOTNOTE.findall(node.text(deep=False) or "")))
            continue
        prefix, colon, name = (node.attributes.get("id") or "").partition(":") if node.tag in ("sup", "li") \
            else ("", "", "")
        if colon and (prefix == "fn" or prefix.startswith("fnref")):
            found[f"[^{name}]"] = None
        children, child = [], node.child
        while child is not None:
            children.append((child, in_code or node.tag in CODE))
            child = child.next
        stack += reversed(children)
    return list(found)
