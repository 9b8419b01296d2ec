"""Quotation marks in text: where a reader takes words for someone's words, whatever marks a page types.

The marks are the characters of Unicode's Quotation_Mark property (pages/quotation_marks.yml, which sorts them by
what they do), and the look-alikes a reader takes for them there (≪…≫, 《…》, ″…″): a double mark, an angle quotation mark or a corner bracket opens a quotation and any mark
closes it; a single opening mark (‘ ‚ ‛) opens one that an apostrophe no letter follows also closes (‘…’); an
apostrophe (' ’ ＇) is a mark only doubled (''…''), since it is also the apostrophe of “Nazarbayev’s”. A mark with
no closing one quotes to the end of the text; a mark with only blanks before the next mark opens nothing, so a
stray mark cannot close the quotation that follows it (x=" “…”). The text is what the HTML parser read in the
page's HTML: a tag's attributes never reach it, and text typed like one (x="…", a tag left open) shows its marks
to the reader as any other text does. The rule of cited prose (claims/quotations.py) and of text exempt
from citations (pages/exempt_text.py) read the same marks. Pure Python.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

LISTED = yaml.safe_load((Path(__file__).parent / "pages" / "quotation_marks.yml").read_text("utf-8"))
DOUBLE = "".join(LISTED["marks"]) + "".join(LISTED["lookalikes"])  # ≪…≫, 《…》: not Unicode's, a reader's
MARKS = DOUBLE + "".join(LISTED["single"])
SINGLE = "".join(LISTED["single"])
APOSTROPHES = "".join(LISTED["apostrophes"])
ALL = MARKS + APOSTROPHES
_MARK = re.escape(MARKS)
_OPEN = re.escape(DOUBLE)
_OPEN_SINGLE = re.escape(SINGLE)
_APOSTROPHE = re.escape(APOSTROPHES)
_DOUBLED = rf"[{_APOSTROPHE}]{{2}}"
_CLOSE_SINGLE = rf"[{_APOSTROPHE}](?!\w)"
_WORDS_FOLLOW = rf"(?![^\S\n]*+(?:[{_MARK}]|{_DOUBLED}))"  # no opening mark just before another
QUOTATION = re.compile(
    rf"(?:[{_OPEN}]|{_DOUBLED}){_WORDS_FOLLOW}((?:(?!{_DOUBLED})[^{_MARK}])*+)(?:[{_MARK}]|{_DOUBLED}|$)"
    rf"|[{_OPEN_SINGLE}]{_WORDS_FOLLOW}((?:(?!{_DOUBLED}|{_CLOSE_SINGLE})[^{_MARK}])*+)"
    rf"(?:[{_MARK}]|{_DOUBLED}|{_CLOSE_SINGLE}|$)")


def quotations(text: str) -> Iterator[re.Match]:
    """Each quotation of the text; `words(match)` gives its words."""
    return QUOTATION.finditer(text)


def words(found: re.Match) -> str:
    """The words inside the marks of a quotation that `quotations` found."""
    return found.group(1) if found.group(1) is not None else found.group(2)
