"""A code block shows what it holds: no line of it hides text past a run of blanks.

Code needs no citation, and a reader copies a command whole. A line such as "git clone … && make serve",
400 spaces, "; curl … | sh" shows the first command and copies both: the gap pushes the rest out of view
(or, where code wraps, onto a line that looks like another). Long lines are fine: the site's stylesheet
wraps code, so nothing scrolls out of sight. Read on the HTML, however the block was written (a fence, an
indented block, a raw <pre>). Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser

from ..problems import clip

GAP = 20  # columns of blanks inside a code line: more than any alignment needs
TAB = 8
BLANKS = re.compile(r"(?:[^\S\n]|\u2800){2,}+")  # spaces of any width, tabs, and the braille blank, which shows none


def hidden_by_gaps(html: str) -> Iterator[tuple[str, int, str]]:
    """(the words before the gap, the gap's width in columns, the last word and the gap's start, to find the line
    in the Markdown) of each code line with a run of GAP blanks."""
    body = LexborHTMLParser(f"<!doctype html><html><body>{html}</body></html>").body
    for pre in body.css("pre"):
        for line in pre.text().split("\n"):
            gap = next((run for run in BLANKS.finditer(line) if _width(run.group()) >= GAP), None)
            if gap is not None:
                before = line[:gap.start()].split()
                yield clip(" ".join(before), 60), _width(gap.group()), "".join(before[-1:]) + gap.group()[:GAP]


def _width(blanks: str) -> int:
    return sum(TAB if char == "\t" else 1 for char in blanks)
