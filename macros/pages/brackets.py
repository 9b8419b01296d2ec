"""What Python-Markdown's link parser will read of the pages, bounded before any page is converted.

For each '[' of a paragraph, the link, image and reference patterns read on to its matching ']'
(markdown.inlinepatterns.LinkInlineProcessor.getText), and after a '](' on to its ')'. In a paragraph of
unclosed brackets that is every '[' times the rest of the paragraph: 8,000 '[a' take 14 s, 70,000 take
hours (the render budget stops them after 20 s). So each paragraph counts its '[' times its length, an
upper bound of that reading that needs one pass over the text, and the pages together may count at most
MAX_LINK_WORK. The pages of the site count about 40,000. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem

MAX_LINK_WORK = 10_000_000  # characters: about a second of the converter at its slowest
RULE = "brackets that Markdown's link parser would read for minutes"
HINT = "close each '[' with ']' and split long paragraphs; write \\[ for a bracket that opens no link"


def link_work(body: str, offset: int) -> Iterator[tuple[int, int, int, int]]:
    """(work, line, brackets, characters) of each paragraph with a '[': the lines between blank lines, as
    Python-Markdown splits them (a line of spaces and tabs is blank; other spaces are not)."""
    start, brackets, length = offset + 1, 0, 0
    for number, line in enumerate([*body.split("\n"), ""], offset + 1):
        if line.strip(" \t"):
            start = start if length else number
            brackets += line.count("[") - line.count("\\[")  # an escaped bracket is taken out first
            length += len(line) + 1
            continue
        if brackets:
            yield brackets * length, start, brackets, length
        brackets, length = 0, 0


def link_work_problems(bodies: Iterator[tuple[str, str, int]]) -> list[Problem]:
    """One problem, at the paragraph that costs most, when the pages (path, body, lines before the body)
    together count more than MAX_LINK_WORK."""
    total, worst = 0, (0, "", 1, 0, 0)
    for path, body, offset in bodies:
        for work, line, brackets, length in link_work(body, offset):
            total += work
            worst = max(worst, (work, path, line, brackets, length))
    if total <= MAX_LINK_WORK:
        return []
    _, path, line, brackets, length = worst
    return [Problem(path, line, RULE, f"{brackets:,} '[' in a paragraph of {length:,} characters; the pages "
                                      f"count {total:,}, the limit is {MAX_LINK_WORK:,}", HINT)]
