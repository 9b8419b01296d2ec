"""Typed quotations: words a page's own prose puts inside quotation marks are words of a passage it cites.

A reader takes “…” for a quotation whether quote() checked it or a contributor typed it. So the words a
prose block (coverage.prose_blocks: a paragraph, a list item, a table row, a block quote) puts inside
double quotation marks of any style (“…”, "…", «…», „…“) must occur in one of the passages that the
macro calls of that block cite, compared as passages are matched (macros/corpus/matching.py: typographic
variants and spacing folded, case kept, whole words, '…' leaving words out). Single marks are not read:
they are also apostrophes. A mark with no closing one quotes to the end of the block. Pure Python.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..corpus.matching import align, split_elisions
from ..corpus.text import ELLIPSIS, fold
from ..pages import ParsedPage
from ..pages.body import prose_pieces
from ..pages.coverage import Block, prose_blocks
from ..problems import Problem, clip
from . import Claim

MARKS = "“”„‟\"«»"
QUOTATION = re.compile(rf"[{MARKS}]([^{MARKS}]*+)(?:[{MARKS}]|$)")
# A plain mark after '=' opens an attribute's value, in a tag or a `{: … }` list, even one that Jinja
# joins from pieces ("o{# #}nerror"): not a quotation; the build reads attributes (sitecheck). It ends at
# its mark, else at the line's end or a typographic mark, so each match consumes what it reads.
ATTRIBUTE_VALUE = re.compile(r'=[^\S\n]*+"[^"\n“”„‟«»]*+"?')
CALL = "\0"  # a macro call inside the marks: its words are checked by the call, and leave words out here
RULE = "quotation not in the passages it cites"
HINT = "quote a source with quote(), which checks it; in your own words use no quotation marks"


def quotation_problems(page: ParsedPage, claims: list[Claim]) -> Iterator[Problem]:
    """A problem for each quotation typed in a prose block whose words no passage cited by the block has."""
    cited = sorted((claim.call.line, index) for index, claim in enumerate(claims))
    for block in prose_blocks(page.body, page.front.offset):
        start = bisect.bisect_left(cited, (block.first, -1))
        stop = bisect.bisect_right(cited, (block.last, len(claims)))
        passages = "\n".join(fold(part) for _, index in cited[start:stop] for part in claims[index].match.parts)
        for line, words in quotations(block):
            parts = [part for part in split_elisions(words.replace(CALL, f" {ELLIPSIS} "))[0] if part]
            if parts and not align(passages, parts).ways:
                shown = clip(words.replace(CALL, ELLIPSIS), 90)
                yield Problem(page.path, line, RULE, f"'{shown}'", HINT)


def quotations(block: Block) -> Iterator[tuple[int, str]]:
    """(line in the page, words) of each quotation in the block's own text, its macro calls as CALL."""
    pieces = prose_pieces(block.text)
    text = ATTRIBUTE_VALUE.sub(_blank, "".join(piece for _, piece in pieces))
    starts, position = [], 0
    for _, piece in pieces:
        starts.append(position)
        position += len(piece)
    for found in QUOTATION.finditer(text):
        index = bisect.bisect_right(starts, found.start()) - 1
        line, piece_start = pieces[index][0], starts[index]
        yield block.first + line - 1 + text.count("\n", piece_start, found.start()), found.group(1)


def _blank(value: re.Match) -> str:
    """The value as blanks, its line breaks kept: the lines of the quotations after it stay right."""
    return re.sub(r"[^\n]", " ", value.group())
