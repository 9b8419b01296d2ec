"""Quotes on the pages of a translation: each shows our translation of its English passage, which stays the one
checked against the source (translations/<language>.md says how to write it).

On a page of a translation (macros/editions), every quote() and blockquote() gives `translation="…"`, the page's
words for exactly its passage, shown marked as ours; the English passage stays in the tooltip, the reference and
the source page. On a page of the original edition, which shows the source's own words, the argument is refused.
A translation states no number its passage does not, read as the prose of a page in its language is
(pages/prose_numbers.py): digits of every kind compared as numbers ("5 000" for "5000", "7" for "07"), number words
in every case («пятьюстами»: 500), and digits no locale writes («⑤⓪⓪», a superscript «²¹» like a marker) as
numbers no passage states. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..pages import Call
from ..pages.prose_numbers import numbers_beyond
from ..problems import Problem, clip
from .attributions import added_attribution

QUOTES = ("quote", "blockquote")
ARGUMENT = "translation"
ARTICLE = re.compile(r"\b(?i:an?)\b")


def translation_problems(calls: Iterable[Call], translation: bool, language: str) -> Iterator[Problem]:
    """A problem for each quote of a page that is not as its edition needs it (`translation`: a page of one, in
    `language`)."""
    for call in calls:
        if call.macro not in QUOTES:
            continue
        given, passage = call.args.get(ARGUMENT), call.args.get("passage", "")
        yield from added_attribution(call, given, passage) if translation else ()
        shown = f'{call.macro}("{clip(passage, 60)}")'
        if not translation and given is not None:
            yield Problem(call.path, call.line, "translation on a page of the original edition",
                          f'{shown}, translation="{clip(given, 40)}"', "remove translation=: the original shows the "
                          "source's own words; a translation goes in the same call on the translated page")
        elif translation and given is None:
            yield Problem(call.path, call.line, "quote without its translation", shown,
                          f'add translation="…": your translation of exactly this passage (translations/{language}'
                          ".md), which the page shows marked as ours, the passage staying in the tooltip and the "
                          "reference")
        elif translation and isinstance(given, str) and not given.strip():
            yield Problem(call.path, call.line, "empty translation", shown,
                          "give the translation of the passage's words")
        elif translation and isinstance(given, str) and isinstance(passage, str):
            extra = _numbers_beyond(given, passage, language)
            if extra:
                yield Problem(call.path, call.line, "translation with a number its passage does not give",
                              f"{', '.join(extra)} in translation=\"{clip(given, 60)}\"",
                              "translate the passage's own numbers, and no others")


def _numbers_beyond(given: str, passage: str, language: str) -> list[str]:
    """The numbers of the translation that the passage does not state. An article of the passage allows a one
    ("a reason why": «одной из причин», in a language with no article)."""
    return numbers_beyond(given, language, passage, {Decimal(1)} if ARTICLE.search(passage) else ())


def quoted(entry: dict) -> str:
    """What a quote shows, by its entry in claims.json: its passage, or on a page of a translation our translation
    of it, which claims.json records beside it (sitecheck/proof.py compares the page with it)."""
    return entry.get("translation", entry["passage"])
