"""Seed text as the site shows it: bidirectional and invisible format characters shown, never applied.

A source may hold a right-to-left override that makes "13" display as "31", or a zero-width space
inside a word. The text keeps them (it is evidence, and matching treats U+200B and U+FEFF as space),
but every place the site shows seed text shows each one as its code point, a small marked "U+202E",
instead of letting it reorder or hide what the reader sees. Pure Python.
"""
from __future__ import annotations

import html

from markupsafe import Markup

from ..corpus.characters import FORMAT, code_point

TOKEN = '<span class="qq-format-char">{}</span>'  # styled in overrides/assets/citations.css


def visible(text: str, escape=html.escape) -> str:
    """`text` as HTML (each piece through `escape`), every format character a marked code point."""
    pieces, done = [], 0
    for found in FORMAT.finditer(text):
        pieces += [escape(text[done: found.start()]), TOKEN.format(escape(code_point(found.group())))]
        done = found.end()
    pieces.append(escape(text[done:]))
    return "".join(pieces)


def visible_markup(text) -> Markup:
    """The Jinja filter `visible` of the engine's templates: any value shown as autoescaped text would be."""
    return Markup(visible(str(text), escape=lambda piece: str(Markup.escape(piece))))
