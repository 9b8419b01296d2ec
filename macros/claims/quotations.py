"""Typed quotations: words a page's own prose puts inside quotation marks are words of a passage it cites.

A reader takes “…” for a quotation whether quote() checked it or a contributor typed it. So the words a
block of text (pages/textblocks.py, on the page's HTML as the static pass renders it) puts inside
quotation marks of any style (“…”, «…», ‹…›, 「…」, ‚…‘, ''…'': macros/quotation_marks.py says which,
from Unicode's list) must occur in one of the passages that the macro calls of that block cite, compared as
passages are matched (macros/corpus/matching.py: typographic variants and spacing folded, case kept, whole words,
'…' leaving words out). A mark with no closing one quotes to the end of the block. Text exempt from citations
quotes only what the page's cited text quotes (pages/exempt_text.py). On a page of a translation, whose quotes
show our translation marked as ours (claims/translations.py), a quotation typed in the prose would look like one
of them, and is refused whatever its words. Pure Python.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..corpus.matching import align, split_elisions
from ..corpus.text import ELLIPSIS, fold
from ..lines import WordLocator
from ..pages.textblocks import STANDS_FOR_CALL
from ..pages.rendered import Located, RenderedPage
from ..problems import Problem, clip
from .. import quotation_marks
from ..quotation_marks import words
from . import Claim

CALL = STANDS_FOR_CALL  # a macro call inside the marks: its words are checked by the call, and leave words out
RULE = "quotation not in the passages it cites"
HINT = "quote a source with quote(), which checks it; in your own words use no quotation marks"
TRANSLATED_RULE = "quotation typed on a page of a translation"
TRANSLATED_HINT = ('quote a source with quote(…, translation="…"), which shows your translation marked as ours; '
                   "in your own words use no quotation marks (write indirect speech)")


def quotation_problems(path: str, rendered: RenderedPage, claims: list[Claim],
                       translation: bool = False) -> Iterator[Problem]:
    """A problem for each quotation typed in a block of text whose words no passage cited by the block has, or,
    on a page of a `translation`, for each one."""
    claimed = {id(claim.call): claim for claim in claims}
    for located in (located for located in rendered.blocks if not located.links):
        cited = [claimed[id(rendered.calls[index])] for index in located.block.calls
                 if id(rendered.calls[index]) in claimed]
        passages = "\n".join(fold(part) for claim in cited for part in claim.match.parts)
        for line, quoted in quotations(located, rendered.lines):
            parts = [part for part in split_elisions(quoted.replace(CALL, f" {ELLIPSIS} "))[0] if part]
            shown = clip(quoted.replace(CALL, ELLIPSIS), 90)
            if translation:
                yield Problem(path, line, TRANSLATED_RULE, f"'{shown}'", TRANSLATED_HINT)
            elif parts and not align(passages, parts).ways:
                yield Problem(path, line, RULE, f"'{shown}'", HINT)


def quotations(located: Located, lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line in the page, words) of each quotation in the block's own text, its macro calls as CALL."""
    found = list(quotation_marks.quotations(located.block.speech))
    locator = WordLocator(lines[located.first - 1:located.last]) if found else None  # most blocks quote nothing
    for quotation in found:
        yield located.first - 1 + locator.line_of(words(quotation), default=1), words(quotation)
