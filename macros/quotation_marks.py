"""Quotation marks in text: where a reader takes words for someone's words, whatever marks a page types.

The marks are the characters of Unicode's Quotation_Mark property (pages/quotation_marks.yml, which sorts them by
what they do): a double mark, an angle quotation mark or a corner bracket opens a quotation and any mark
closes it; a single opening mark (‘ ‚ ‛) opens one that an apostrophe no letter follows also closes (‘…’); an
apostrophe (' ’ ＇) is a mark only doubled (''…''), since it is also the apostrophe of “Nazarbayev’s”. A mark with
no closing one quotes to the end of the text. The rule of cited prose (claims/quotations.py) and of text exempt
from citations (pages/exempt_text.py) read the same marks. Pure Python.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

LISTED = yaml.safe_load((Path(__file__).parent / "pages" / "quotation_marks.yml").read_text("utf-8"))
MARKS = "".join(LISTED["marks"]) + "".join(LISTED["single"])
SINGLE = "".join(LISTED["single"])
APOSTROPHES = "".join(LISTED["apostrophes"])
ALL = MARKS + APOSTROPHES
_MARK = re.escape(MARKS)
_OPEN = re.escape("".join(LISTED["marks"]))
_OPEN_SINGLE = re.escape(SINGLE)
_APOSTROPHE = re.escape(APOSTROPHES)
_DOUBLED = rf"[{_APOSTROPHE}]{{2}}"
_CLOSE_SINGLE = rf"[{_APOSTROPHE}](?!\w)"
QUOTATION = re.compile(
    rf"(?:[{_OPEN}]|{_DOUBLED})((?:(?!{_DOUBLED})[^{_MARK}])*+)(?:[{_MARK}]|{_DOUBLED}|$)"
    rf"|[{_OPEN_SINGLE}]((?:(?!{_DOUBLED}|{_CLOSE_SINGLE})[^{_MARK}])*+)(?:[{_MARK}]|{_DOUBLED}|{_CLOSE_SINGLE}|$)")
# A plain mark after '=' opens what reads as an attribute's value, in text a tag left open or a `{: … }` list
# that is not one: not a quotation. It ends at its mark, else at the line's end or a typographic mark, so each
# match consumes what it reads.
ATTRIBUTE_VALUE = re.compile(rf'=[^\S\n]*+"[^\n{_MARK}]*+"?')


def quotations(text: str) -> Iterator[re.Match]:
    """Each quotation of the text; `words(match)` gives its words."""
    return QUOTATION.finditer(text)


def quotations_in_prose(text: str) -> Iterator[re.Match]:
    """Each quotation of a block's prose, an attribute's value aside (its offsets are the text's)."""
    return QUOTATION.finditer(ATTRIBUTE_VALUE.sub(lambda value: " " * len(value.group()), text))


def words(found: re.Match) -> str:
    """The words inside the marks of a quotation that `quotations` found."""
    return found.group(1) if found.group(1) is not None else found.group(2)
