"""A quote's translation gives the passage's words, never who said them: that is its citation's to tell (the
reference, a block quote's signature), from the catalogue.

No check can read a translation's meaning, but an attribution has a shape: a dash after a full stop, a comma or a
closing quotation mark («…. — Верховный комиссар ООН», «…, — сказал он»), or a dash before a capital («…
кончится — Верховный комиссар»). A translation may have no more dashes of that shape than its passage has dashes:
a Russian dash that stands for the English "is" («Для населения — либо процветание») is neither. `make check-pr`
lists every translation a pull request adds or changes for a person to read (corpus/quote_translations.py).
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..pages import Call
from ..problems import Problem, clip

RULE = "translation with an attribution its passage does not give"
HINT = ("translate the passage's words only: who said them is the citation's to tell, in its reference and a block "
        "quote's signature; a dash after a full stop, a comma or a quotation mark, or before a capital, stands only "
        "where the passage has a dash")
MINUS = "\u2212"


def added_attribution(call: Call, given, passage) -> Iterator[Problem]:
    """A problem if the translation `given` has more dashes shaped as an attribution than `passage` has dashes."""
    if not isinstance(given, str) or not isinstance(passage, str):
        return
    shaped, allowed = [start for start, end in _dashes(given) if _shaped(given, start, end)], len(_dashes(passage))
    if len(shaped) > allowed:
        where = shaped[allowed]
        yield Problem(call.path, call.line, RULE, f'«{clip(given[where:].strip(), 60)}» in translation='
                      f'"{clip(given, 60)}"', HINT)


def _dashes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of dashes that is not a hyphen inside a word ("5–7" and "well-known" are not)."""
    runs, start = [], None
    for index, char in enumerate(text + " "):
        if _is_dash(char):
            start = index if start is None else start
        elif start is not None:
            if not (_word_char(text, start - 1) and _word_char(text, index)):
                runs.append((start, index))
            start = None
    return runs


def _shaped(text: str, start: int, end: int) -> bool:
    """After punctuation or at the start (nothing but spaces between), or before a word with a capital."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return not before or unicodedata.category(before[-1]).startswith("P") or (bool(after) and after[0].isupper())


def _is_dash(char: str) -> bool:
    return unicodedata.category(char) == "Pd" or char == MINUS


def _word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()
