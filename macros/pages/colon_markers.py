"""A citation the build writes as a bare marker, `[^qq3]`, that Python-Markdown reads as a footnote's definition.

cite(), event() and place() become `[^label]` in the build's Markdown (render/markup.py marker); where one opens
a line and a colon follows it, "[^qq3]: …" is a footnote's definition to Python-Markdown, and the words after it
vanish from the paragraph. Whether it does is Python-Markdown's to say: a page that has such a call is converted
once more, as the build writes it, each bare marker named by its call, and every definition the footnotes
extension made of one (`<li id="fn:name">`) is refused at its call's line. Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

import secrets

import markdown
from selectolax.lexbor import LexborHTMLParser

from ..problems import Problem, clip
from ..render.markup import render_page
from .body import Call
from .converter import ConversionBudget
from .rendered import stands_for

BARE_MARKER = {"cite", "event", "place"}  # what the build writes as a footnote's bare marker (render/markup.py)
HINT = "Markdown would read it as a footnote's definition: put the citation after the words it cites"


def markers_read_as_definitions(page, md: markdown.Markdown, budget: ConversionBudget) -> list[Problem]:
    """The problem of each bare-marker call of the page (`page`: a ParsedPage) that Python-Markdown reads as a
    footnote's definition. Only a page with such a call before a colon is converted again; the conversion that
    fails is left to the page's own rendering (rendered.render_or_refuse), which reports it."""
    pieces = page.pieces
    if not any(isinstance(piece, Call) and piece.macro in BARE_MARKER and isinstance(after, str) and
               after.startswith(":") for piece, after in zip(pieces, pieces[1:])):
        return []
    key, numbered = secrets.token_hex(8), {id(call): index for index, call in enumerate(page.calls)}

    def as_built(call: Call) -> str:
        index = numbered[id(call)]
        return f"[^{key}-{index}]" if call.macro in BARE_MARKER else stands_for(key, index, call)

    try:
        html = budget.convert(md, render_page(pieces, as_built))
    except Exception:  # noqa: BLE001 (converted again just below, where a failure is reported)
        return []
    found = []
    for item in LexborHTMLParser(html).css("div.footnote > ol > li"):
        prefix, _, index = (item.attributes.get("id") or "").partition(f":{key}-")
        if prefix == "fn" and index.isdigit():
            call = page.calls[int(index)]
            found.append(Problem(page.path, call.line, "a line may not open with a citation and a colon",
                                 clip(call.line_text), HINT))
    return found
