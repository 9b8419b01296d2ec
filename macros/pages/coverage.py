"""Citation coverage: every prose block of an explainer page carries a citation.

The rule, applied to every Markdown page under docs/ (the generated source and
figures pages are not in docs/):

- A page opts out as a whole only by being listed in mkdocs.yml, under the
  citations plugin's `exempt` (the caller leaves it out): that is for pages about
  the site rather than the events (the method and the conventions pages), and
  mkdocs.yml is code a maintainer reviews, not a page's own front matter.
- On every other page, each prose block must hold at least one citation macro
  call (cite, quote, blockquote or figure) between its first and last line. A
  prose block is a paragraph, a list item (each item on its own, with its
  continuation lines), a table body row, or a block quote.
- Exempt by rule: headings (ATX and setext), fenced and indented code, raw HTML
  blocks and HTML comments, Jinja raw tags on their own line, attribute lists
  such as `{: .class }`, link reference definitions, horizontal rules, table
  header and delimiter rows, and any block whose text is only links (a list of
  links, a row of links, "[Figures](figures.md) · [Sources](sources/index.md)")
  and punctuation, and a list whose every item begins with a link to a page
  of the site ("[Timeline](timeline.md): the dated events, in order"). An image
  is not a link: a block that shows one needs its citation (a chart states numbers).

Pure Python: nothing here imports MkDocs. It works on the page's body and the
lines of the macro calls the static pass found. Every pattern here reads one line,
or stops at the next bracket, so its work grows with the text, never faster.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pymdownx.blocks import RE_END as BLOCK_END, RE_START as BLOCK_START

from ..numbers import unsupported, years_in
from ..problems import Problem, clip
from .body import Call
from .frontmatter import FrontMatter

FENCE = re.compile(r"^\s*+(`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^#{1,6}")  # as Python-Markdown reads it: no space needed after the '#'s
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=++|-++)\s*+$")
RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*+\1){2,}+\s*+$")
NOTE_BLOCKS = {"note", "about", "gaps"}  # the site's blocks of notes about the site (macros/render/blocks.py)
JINJA_RAW_TAG = re.compile(r"^\s*+\{%-?\s*+(raw|endraw)\s*+-?%\}\s*+$")
ATTRIBUTE_LIST = re.compile(r"^\s*+\{:?\s*+[.#:\w][^{}]*+\}\s*+$")
LINK_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\[\]]++\]:\s*+\S")
LIST_ITEM = re.compile(r"^(\s*+)([-*+]|\d{1,9}[.)])(\s++|$)")
TABLE_ROW = re.compile(r"^\s*+\|")
TABLE_DELIMITER = re.compile(r"^\s*+\|?\s*+:?-++:?\s*+(?:\|\s*+:?-++:?\s*+)*+\|?\s*+$")
BLOCK_QUOTE = re.compile(r"^ {0,3}>")
HTML_COMMENT = re.compile(r"^ {0,3}<!--")
HTML_BLOCK = re.compile(
    r"^ {0,3}</?(address|article|aside|blockquote|body|canvas|center|dd|details|dialog|dir|div|dl|dt|fieldset|"
    r"figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|html|iframe|legend|li|main|map|menu|nav|noscript|"
    r"object|ol|p|pre|script|section|style|summary|table|tbody|td|tfoot|th|thead|tr|ul|video)(\s|/?>|$)",
    re.I)
SITE_URL = r"(?![a-zA-Z][\w+.-]*+:|//)"
# A list item that begins with a link to a page of the site: "[Timeline](timeline.md): the dated events".
LEADING_LINK = re.compile(rf"^\s*+(?:\[[^\[\]]++\]\({SITE_URL}[^()\s]++\)|<a\s[^<>]*?href=\"{SITE_URL})")
# What a link-only block may hold besides links: punctuation and separators. A link's text holds no brackets.
LINKS = (
    re.compile(r"(?<!!)\[[^\[\]]*+\]\([^()]*+\)"),  # [text](url); not ![alt](src): a picture needs its citation
    re.compile(r"(?<!!)\[[^\[\]]++\]\[[^\[\]]*+\]"),  # [text][ref]
    re.compile(r"<a\b[^<>]*+>[^<]*+</a>", re.I),  # raw HTML links
    re.compile(r"<(?:https?|mailto):[^<>\s]++>"),  # autolinks
)


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "list item", "table row", "block quote"
    first: int  # 1-based lines in the page file, inclusive
    last: int
    text: str
    group: int = 0  # list items of one list share a number


def uncited(path: str, front: FrontMatter, calls: list[Call]) -> Iterator[Problem]:
    """A problem for every prose block of the page that holds no citation."""
    cited = sorted({call.line for call in calls})
    for block in prose_blocks(front.body, front.offset):
        if not _any_between(cited, block.first, block.last):
            yield Problem(path, block.first, f"{block.kind} without a citation", _excerpt(block.text),
                          "cite the passage it rests on with cite(), quote(), blockquote() or figure() "
                          "(CONTRIBUTING.md lists what is exempt)")


def numbers_in_front_matter(path: str, front: FrontMatter, stated: Iterable[str]) -> Iterator[Problem]:
    """The page's title and description are not cited: they state no number (macros/numbers.py), but for a year
    that the page's references state (`stated`: its passages and its sources' dates), which may date the
    events where it reads as a date ("the January 2022 protests"; macros/numbers.py says where)."""
    years = years_in(stated)
    for key in ("title", "description"):
        value = front.data.get(key)
        number = unsupported(value, years) if isinstance(value, str) else None
        if number:
            yield Problem(path, front.lines.get(key, 1), "text exempt from citations may not hold a number",
                          f"{number!r} in {key} {clip(value, 60)!r}",
                          "a page's title and description are not cited, so they state no number (a year the "
                          "page's references state may date the events, as in “January 2022” or “before 2022”): "
                          "give the number in cited text")


def _any_between(sorted_lines: list[int], first: int, last: int) -> bool:
    index = bisect.bisect_left(sorted_lines, first)
    return index < len(sorted_lines) and sorted_lines[index] <= last


def prose_blocks(body: str, offset: int = 0) -> list[Block]:
    """Every block of the body that must carry a citation, with its lines in the page."""
    lines = body.splitlines()
    blocks = [block for block in _blocks(lines, offset) if block.kind]
    link_lists = {block.group for block in blocks if block.kind == "list item"} - \
        {block.group for block in blocks if block.kind == "list item" and not LEADING_LINK.match(block.text)}
    return [block for block in blocks
            if not _only_links(block.text) and not (block.kind == "list item" and block.group in link_lists)]


def _blocks(lines: list[str], offset: int):
    """Blocks of the page; exempt ones have kind ''."""
    reader = _BlockReader(lines, offset)
    while reader.index < len(lines):
        yield from reader.next_line()
    yield from reader.close()


class _BlockReader:
    """Reads a page's lines in order; each call of next_line consumes one line (or a run of them)."""

    def __init__(self, lines: list[str], offset: int):
        self.lines, self.offset = lines, offset
        self.index, self.in_list, self.fence, self.group = 0, False, None, 0
        self.current: list | None = None  # [kind, first, last, lines]

    def close(self):
        if self.current:
            kind, first, last, lines = self.current
            self.current = None
            yield Block(kind, first, last, "\n".join(lines), self.group)

    def next_line(self):
        line, number = self.lines[self.index], self.offset + self.index + 1
        self.index += 1
        if self.fence:
            if closes_fence(self.fence, line):
                self.fence = None
            return
        if line.strip() and _indent(line) < 2 and self.current is None and not LIST_ITEM.match(line):
            self.in_list = False  # anything at the margin after a blank line ends a list
        if opening := FENCE.match(line):
            yield from self.close()
            self.fence = opening.group(1)
        elif not line.strip() or JINJA_RAW_TAG.match(line):
            yield from self.close()
        elif self.current and self.current[0] == "paragraph" and SETEXT_UNDERLINE.match(line):
            self.current[0], self.current[2] = "", number  # the paragraph was a setext heading
            yield from self.close()
        elif ATX_HEADING.match(line) or (RULE.match(line) and not self.current):
            yield from self.close()
        elif item := LIST_ITEM.match(line):
            yield from self.close()
            self.group += 0 if self.in_list else 1
            self.in_list = True
            self.current = ["list item", number, number, [line[item.end():]]]
        elif self.current and not (TABLE_ROW.match(line) and self.current[0] != "list item"):
            self.current[2] = number  # a continuation line, lazy or not
            self.current[3].append(line)
        else:
            yield from self.close()
            yield from self._new_block(line, number)

    def _new_block(self, line: str, number: int):
        if self.in_list and _indent(line) >= 2:
            self.current = ["list item", number, number, [line]]  # a further paragraph of an item
            return
        self.in_list = False
        if _indent(line) >= 4 or ATTRIBUTE_LIST.match(line) or LINK_DEFINITION.match(line):
            return  # indented code, an attribute list, a link definition
        if start := BLOCK_START.match(line):  # a block's own lines; a note's words are not cited
            while start.group(2) in NOTE_BLOCKS and self.index < len(self.lines) and \
                    not BLOCK_END.match(self.lines[self.index]):
                self.index += 1
        elif BLOCK_END.match(line):
            return
        elif HTML_COMMENT.match(line) or HTML_BLOCK.match(line):
            while self.index < len(self.lines) and self.lines[self.index].strip():
                self.index += 1  # a raw HTML block runs to the next blank line
        elif TABLE_ROW.match(line):
            yield from _table(self.lines, self.index - 1, self.offset)
            while self.index < len(self.lines) and TABLE_ROW.match(self.lines[self.index]):
                self.index += 1
        else:
            self.current = ["block quote" if BLOCK_QUOTE.match(line) else "paragraph", number, number, [line]]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _table(lines, start, offset):
    """Table body rows are prose; the header row and the delimiter row are not."""
    row = start
    while row < len(lines) and TABLE_ROW.match(lines[row]):
        is_header = row == start and row + 1 < len(lines) and TABLE_DELIMITER.match(lines[row + 1])
        if not is_header and not TABLE_DELIMITER.match(lines[row]):
            yield Block("table row", offset + row + 1, offset + row + 1, lines[row])
        row += 1


def closes_fence(fence: str, line: str) -> bool:
    """A fence closes with at least as many of its characters, alone on the line."""
    stripped = line.strip()
    return len(stripped) >= len(fence) and stripped == fence[0] * len(stripped)


def _only_links(text: str) -> bool:
    if "[" in text or "<" in text:  # every link pattern needs one of them; most prose has neither
        for pattern in LINKS:
            text = pattern.sub("", text)
    return not re.search(r"\w", text)


def _excerpt(text: str) -> str:
    return f'"{clip(text, 70)}"'
