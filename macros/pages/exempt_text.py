"""Text that needs no citation states no number and shows no image, on the page's HTML as the static pass
renders it (rendered.py).

- A block of the class `qq-editors-note` is for notes about the site itself, never about the events: it holds no
  number (a numeric character or a number word, macros/numbers.py), which would be an uncited way to state one.
- Nor does the other text that needs no citation (textblocks.py): a heading, a table's header, code, a block of
  links, an image's alt text (a title, a tooltip, is the engine's alone: sitecheck/engineonly.py). A year that the
  page's references state (a passage, a source's date) may date the events there, where it reads as a date.
- None of it shows an image: a chart in a heading would be as uncited as a number.
- None of it, a note's neither, quotes anyone but in words the page's cited text quotes, by quote() or
  blockquote() or in quotation marks its citation's passage holds (claims/quotations.py): a quotation in a
  heading (“Terrorists”) repeats one the page checks, never one it makes up. The marks are Unicode's
  (macros/quotation_marks.py); the words are compared without case and punctuation.
- Nor does a page hold a link without text: no reader sees it, and it would count as a link of a block of links.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..lines import WordLocator
from ..numbers import first_unsupported, years_in
from ..problems import Problem, capped, clip
from ..quotation_marks import quotations, words
from .textblocks import CALL, NOTE, READ_WORDS, exempt, in_class
from .rendered import RenderedPage, quotes_in_notes

NOTE_HINT = ("a note about the site (class qq-editors-note) is not cited, so it states no number: give the number "
             "in cited text, with figure()")
NUMBER_HINT = ("headings, links, a table's header, code and an image's text are not cited, so they state no number "
               "(a year the page's references state may date the events, as in “January 2022” or “before 2022”): "
               "give the number in cited text, with figure()")
QUOTATION_HINT = ("headings, links, a table's header, code, notes and an image's text are not cited, so they quote "
                  "only words the page's cited text quotes: quote the source with quote() in cited text, and word "
                  "this text without quotation marks or with that quotation")
EMPTY_LINK_HINT = "give the link the words a reader clicks, or remove it"
EXEMPT_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "thead", "pre"}  # text that needs no citation, outside the blocks
IMAGE_HINT = ("headings, a table's header, code and notes are not cited, and a picture states as much as a sentence "
              "(a chart): show it in a paragraph or a table row with its citation")


def exempt_text_problems(path: str, rendered: RenderedPage, stated: Iterable[str],
                         language: str) -> list[Problem]:
    """The numbers of the notes, the numbers of the other text exempt from citations, the images in both, the
    quotations in both that the page's cited text does not give, and the links without text. `stated`: the
    page's passages and its cited sources' dates; `language`: the page's, which its numbers and dates are read in."""
    locator = WordLocator(rendered.where)
    since = _lines_before(rendered, locator)

    def line(onward: str, text: str, node) -> int:
        """The text's first words, else the words from the number on, else the line of a call inside it (whose
        words the page does not write), else its first word; else no line rather than a guess. Each is looked for
        from where the element stands (_lines_before), so that a note repeating an earlier paragraph's first words
        is found where it is."""
        start = since.get(node.mem_id, 0)
        return locator.line_of(text, move=False, fewest=2, since=start) or \
            locator.line_of(onward, move=False, fewest=2, since=start) or \
            _call_line(node, rendered) or locator.line_of(text, move=False, since=start)

    return capped(Problem(path, line(onward, text, node), "a block exempt from citations may not hold a number",
                          f"{number!r} in {text!r}", NOTE_HINT)
                  for number, text, onward, node in numbers_in_notes(rendered, language)) + \
        capped(Problem(path, line(onward, text, node), "text exempt from citations may not hold a number",
                       f"{number!r} in {kind} {text!r}", NUMBER_HINT)
               for kind, number, text, onward, node in numbers_in_exempt_text(rendered, years_in(stated), language)) + \
        capped(Problem(path, line, "text exempt from citations may not hold an image", f"{name!r} in {kind}",
                       IMAGE_HINT) for kind, name, line in images_in_exempt_text(rendered, locator, since)) + \
        capped(Problem(path, written or line(said, text, node),
                       "text exempt from citations may quote only what cited text quotes",
                       f"{quoted!r} in {kind} {text!r}", QUOTATION_HINT)
               for kind, quoted, said, text, node, written in quotations_in_exempt_text(rendered)) + \
        capped(Problem(path, written or line(text, text, node), "a link without text", f"{href!r} in {text!r}",
                       EMPTY_LINK_HINT) for href, text, node, written in links_without_text(rendered))


def numbers_in_notes(rendered: RenderedPage, language: str) -> Iterator[tuple[str, str, str]]:
    """(the words up to its first number, the start of its text, the words from the number on) of each note that
    holds a number, the numbers of its citations aside; not of a note that shows a block quote's block as text,
    refused as that (pages/rawhtml.py)."""
    showing_quotes = {note.mem_id for note, _ in quotes_in_notes(rendered)}
    for note in (note for note in rendered.root.css(f".{NOTE}") if note.mem_id not in showing_quotes):
        yield from ((*found, note) for found in _first_number(shown_words(note, rendered.key).split(), set(),
                                                                          language))


def numbers_in_exempt_text(rendered: RenderedPage, years: set[str],
                           language: str) -> Iterator[tuple[str, str, str, str]]:
    """(what it is, the words up to its first number, the start of its text, the words from the number on) of
    each text outside the notes that needs no citation and states a number."""
    top = rendered.root
    in_notes = _inside_notes(top)
    texts = [*(("heading", node) for node in top.css("h1, h2, h3, h4, h5, h6")),
             *(("table header", node) for node in top.css("thead") if exempt(node)),
             *(("code", node) for node in top.css("pre"))]
    for kind, node in texts:
        if node.mem_id not in in_notes:
            for found in _first_number(shown_words(node, rendered.key).split(), years, language):
                yield kind, *found, node
    for located in (located for located in rendered.blocks if located.links):
        yield from (("links", *found, located.block.node)
                    for found in _first_number(located.block.text.split(), years, language))
    for image in top.css("img"):
        alt = (image.attributes.get("alt") or "").split()
        yield from (("image alt", *found, image) for found in _first_number(alt, years, language))


def quotations_in_exempt_text(rendered: RenderedPage) -> Iterator[tuple[str, str, str, str, object, int]]:
    """(what it is, its quotation, its words, the start of its text, its element, its line if known) of each
    quotation in text exempt from citations that the page's cited text does not quote."""
    quoted = quoted_in_cited_text(rendered)
    for kind, node, text, written in exempt_texts(rendered):
        for found in quotations(text):
            if _said(words(found)) not in quoted:
                yield kind, clip(found.group(), 70), words(found), clip(text, 60), node, written


def quoted_in_cited_text(rendered: RenderedPage) -> set[tuple[str, ...]]:
    """The words of each quotation of the page's cited text: a quote() or blockquote(), and words in quotation
    marks in a block that cites (checked against its passages by claims/quotations.py)."""
    said = {_said(str(call.args.get("passage", ""))) for call in rendered.calls
            if call.macro in ("quote", "blockquote")}
    return said | {_said(words(found)) for located in rendered.blocks if located.block.calls and not located.links
                   for found in quotations(located.block.speech)}


def exempt_texts(rendered: RenderedPage) -> Iterator[tuple[str, object, str, int]]:
    """(what it is, its element, its words, its line where the block of links gives it, else 0) of each text
    that needs no citation: a note, and outside notes a heading, a table's header, code, a block of links; and
    an image's alt text."""
    top = rendered.root
    in_notes = _inside_notes(top)
    texts = [*(("note", node) for node in top.css(f".{NOTE}")),
             *(("heading", node) for node in top.css("h1, h2, h3, h4, h5, h6")),
             *(("table header", node) for node in top.css("thead") if exempt(node)),
             *(("code", node) for node in top.css("pre"))]
    for kind, node in texts:
        if kind == "note" or node.mem_id not in in_notes:
            yield kind, node, shown_words(node, rendered.key), 0
    yield from (("links", located.block.node, located.block.text, located.first)
                for located in rendered.blocks if located.links)
    yield from (("image alt", image, image.attributes.get("alt") or "", 0) for image in top.css("img"))


def links_without_text(rendered: RenderedPage) -> Iterator[tuple[str, str, object, int]]:
    """(its address, the words around it, the element that holds them, the line of its block or 0) of each link
    that shows no text and no image: `[](page.md)`."""
    lines = {located.block.node.mem_id: located.first for located in rendered.blocks}
    for link in rendered.root.css("a"):
        if not link.text().strip() and link.css_first("img") is None:
            holder = link.parent
            while holder.parent is not None and holder.mem_id not in lines and not holder.text().strip():
                holder = holder.parent
            written = next((lines[node.mem_id] for node in _ancestors(link) if node.mem_id in lines), 0)
            yield link.attributes.get("href") or "", clip(shown_words(holder, rendered.key), 60), holder, written


def _ancestors(node) -> Iterator:
    while node.parent is not None:
        node = node.parent
        yield node


def _said(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in READ_WORDS.findall(text))


def images_in_exempt_text(rendered: RenderedPage, locator: WordLocator, since: dict[int, int]) \
        -> Iterator[tuple[str, str, int]]:
    """(what it is in, its file name, its line) of each image in text that needs no citation, in one walk;
    `since`: where each element's words are looked for from (_lines_before)."""
    stack = [(child, None) for child in reversed(_children(rendered.root))]
    while stack:
        node, holder = stack.pop()  # holder: the innermost element around it that needs no citation
        if node.tag == "img" and holder is not None:
            kind = "note" if in_class(holder, NOTE) else \
                "table header" if holder.tag == "thead" else "code" if holder.tag == "pre" else holder.tag
            name = (node.attributes.get("src") or "").rpartition("/")[2]
            yield kind, name, locator.line_of(shown_words(holder, rendered.key) or name, move=False,
                                                   since=since.get(holder.mem_id, 0)) or \
                _call_line(holder, rendered)
        holder = node if exempt(node) else holder
        stack += [(child, holder) for child in reversed(_children(node))]


def _lines_before(rendered: RenderedPage, locator: WordLocator) -> dict[int, int]:
    """For each element of the content, the line its words are looked for from, in one walk in the page's order:
    the first line of the located block (rendered.blocks) or exempt text it is or is in, else the line after the
    last one before it. A note, a heading, a table's header or code is found by its words from there."""
    located = {found.block.node.mem_id: found for found in rendered.blocks if found.first}
    lines, after, stack = {}, 0, [(rendered.root, 0)]
    while stack:
        node, within = stack.pop()
        block = located.get(node.mem_id)
        if block:
            within, after = block.first, block.last + 1
        elif not within and (in_class(node, NOTE) or node.tag in EXEMPT_TAGS):
            found = locator.line_of(shown_words(node, rendered.key), move=False, fewest=2, since=after)
            within, after = (found, found + 1) if found and found >= after else (within, after)
        lines[node.mem_id] = within or after
        stack += [(child, within) for child in reversed(_children(node))]
    return lines


def _call_line(node, rendered: RenderedPage) -> int:
    """The line of the first call inside the element, or 0."""
    for sup in node.css(f"sup[{CALL}]"):
        key, _, index = (sup.attributes.get(CALL) or "").partition(":")
        if key == rendered.key:
            return rendered.calls[int(index)].line
    return 0


def shown_words(node, key: str) -> str:
    """The element's words as a reader sees them, without the numbers of the citations' markers."""
    hidden = {sup.mem_id for sup in node.css(f"sup[{CALL}]")
              if (sup.attributes.get(CALL) or "").partition(":")[0] == key}
    hidden |= {link.mem_id for link in node.css("a.headerlink")}  # a heading's ¶, which no reader reads as a word
    texts = (piece.text(deep=False) or "" for piece in node.traverse(include_text=True)
             if piece.tag == "-text" and piece.parent is not None and piece.parent.mem_id not in hidden)
    return " ".join("".join(texts).split())


def _first_number(words: list[str], years: set[str], language: str) -> Iterator[tuple[str, str, str]]:
    """(the words up to the first number, the start of the text, the words from the number on)."""
    text = " ".join(words)  # read whole: whether a year is a date depends on the words around it
    found = first_unsupported(text, years, language)
    if found is not None:
        first = text.count(" ", 0, found.start())
        yield " ".join(words[max(0, first - 3):first + 1]), clip(text, 60), " ".join(words[first:first + 6])


def _inside_notes(root) -> set[int]:
    """The elements inside a note, in one walk."""
    inside, stack = set(), [(root, False)]
    while stack:
        node, in_note = stack.pop()
        if in_note:
            inside.add(node.mem_id)
        stack += [(child, in_note or in_class(node, NOTE)) for child in _children(node)]
    return inside


def _children(node) -> list:
    children, child = [], node.child
    while child is not None:
        if child.tag and not child.tag.startswith("-"):
            children.append(child)
        child = child.next
    return children
