"""What a page may not write by hand, as the static pass sees it: a footnote, a block quote.

Both look like the engine's proof (macros/proofmarks.py): a footnote's marker is numbered and
opens its tooltip as a citation's does, and a page footnote named [^qq3] would redefine the
engine's reference 3; a block quote looks like a blockquote(). The build checks the HTML again
(sitecheck/proof.py), raw HTML included. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem
from .frontmatter import FrontMatter

FOOTNOTE = re.compile(r"\[\^[^\]\n]*+\]")  # Python-Markdown's footnote reference and definition: [^name]
FENCE = re.compile(r"^\s*+(`{3,}|~{3,})")
FOOTNOTE_HINT = ("a footnote's marker looks like a citation's: cite with cite(), quote(), blockquote() or "
                 "figure(), which number and write the references")


def handmade(path: str, front: FrontMatter) -> Iterator[Problem]:
    """A problem for every footnote the page writes itself (coverage.block_quotes_by_hand: its block quotes)."""
    for number, line in _outside_code(front.body, front.offset):
        for footnote in FOOTNOTE.finditer(line):
            yield Problem(path, number, "footnotes are the citation engine's", repr(footnote.group()),
                          FOOTNOTE_HINT)


def _outside_code(body: str, offset: int) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line outside fenced code, without its code spans."""
    fence = None
    for number, line in enumerate(body.split("\n"), offset + 1):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None:
            fence = None if closes_fence(fence, line) else fence
        else:
            yield number, " ".join(line.split("`")[0::2])


def closes_fence(fence: str, line: str) -> bool:
    """A fence closes with at least as many of its characters, alone on the line."""
    stripped = line.strip()
    return len(stripped) >= len(fence) and stripped == fence[0] * len(stripped)
