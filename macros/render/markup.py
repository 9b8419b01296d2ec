"""What a citation becomes in a page's Markdown: its marker, and the page's references.

Everything a source says is escaped here on its way into Markdown or HTML.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element

from markdown.util import HTML_PLACEHOLDER_RE
from selectolax.lexbor import LexborHTMLParser

from ..claims import Claim
from ..proofmarks import FIGURE, OURS, PASSAGE, QUOTE
from ..siteurls import page_url, relative_url
from .blocks import ENGINE_FENCE
from .interface import say, say_count
from .labels import dated, figure_text, sources_lang
from .visible import visible

MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|~^=:$%"
# HTML's specials become entity references, Markdown's and Jinja's numeric character references
ESCAPES = {**{char: html.escape(char, quote=True) for char in "&<>\"'"},
           **{char: f"&#{ord(char)};" for char in MARKDOWN_SPECIALS}}
SPECIAL = re.compile("[" + re.escape("".join(ESCAPES)) + "]")
# Material's search leaves out an element with this attribute, then removes the attribute (with a value) from the page
OUT_OF_SEARCH = ("data-search-exclude", "marker")
# Babel's no-break spaces in a figure's words («5 000», «500 €») stay unbreakable: md_escape makes spaces of them
NO_BREAK = "&#160;"
# The elements inside a line of text, which a reader reads through (markup.finish_markers); any other ends the line
INLINE = frozenset({"a", "abbr", "b", "bdi", "cite", "code", "del", "dfn", "em", "i", "img", "ins", "kbd", "mark", "q",
                    "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var"})
LINE_BREAK = "\n"
# What finish_markers reads at the end of a checked figure's chip, whatever the chip ends with (a digit, «млн», %, €)
FIGURE_END = "\ue000"


def md_escape(text: str) -> str:
    """Text that Markdown, HTML and Jinja all show as itself: specials become character references, and
    format characters marked code points (visible.py)."""
    escaped = visible(" ".join(text.split()), escape=_escape_specials)
    return f"&#47;{escaped[1:]}" if escaped.startswith("/") else escaped  # where it starts a line, no /// block


def _escape_specials(text: str) -> str:
    return SPECIAL.sub(lambda match: ESCAPES[match.group()], text)


def no_braces(text: str) -> str:
    """Generated HTML reaches the macros plugin too: leave it no template syntax."""
    return text.replace("{", "&#123;").replace("}", "&#125;")


def marker(claim: Claim, language: str) -> str:
    """What a macro call turns into inside the page's Markdown, in the edition's language."""
    ref = f"[^{claim.label}]"
    passage = md_escape(claim.match.passage if claim.translation is None else claim.translation)
    if claim.macro in ("cite", "event", "place"):
        return ref
    if claim.macro == "quote":
        return f'<q class="{QUOTE}">{passage}</q>{ref}'
    if claim.macro == "figure":
        figure = claim.figure
        chip = NO_BREAK.join(md_escape(part) for part in figure_text(figure, language).split("\xa0"))
        return f'<span class="{FIGURE}" data-kind="{figure["kind"]}">{chip}</span>{ref}'
    # The class on the <blockquote> itself (attr_list can only reach its last paragraph): the site
    # check refuses every block quote without it, and every one with it that this did not write.
    ours = _ours(claim, language, "· {}", "our_translation")
    return (f"\n\n{ENGINE_FENCE} qq-blockquote\n\n{passage}\n\n— {md_escape(claim.source.short)}, "
            f"{md_escape(dated(claim.source, language))}{ours}{ref}\n\n{ENGINE_FENCE}\n\n")


def finish_markers(root: Element, stashed=lambda index: "") -> None:
    """The markers of a page's element tree, as Python-Markdown built it, ready for the theme:
    - markers with nothing between them form a run: each but the first gets the class qq-next, each but the last
      qq-then, so that CSS sets their numbers close together and keeps their 24 px tap targets apart (a sibling
      selector cannot tell whether text stands between two markers);
    - a marker right after a digit (a year's, any number's) or a checked figure (whatever its chip ends with:
      «19 млн», «20 %», «500 €») shows its number in brackets, as an encyclopedia does: "238[21]", never "23821",
      which the eye, a copy or a screen reader would read as one number, and every figure's marker alike;
    - markers' numbers are not words: in the search index they ran into each other ("232425").
    "Between" and "right after" are as a reader reads the line: in document order, across the inline elements
    that wrap a marker or the text before it (`238*{{ cite(…) }}*`, `**225**{{ cite(…) }}`, a link, code).
    Raw inline HTML stands in the text as Python-Markdown's placeholders: `stashed(index)` gives what one
    stands for (a tag, or a character reference such as md_escape writes)."""
    for block in root.iter():
        if block.tag not in INLINE:
            _finish_line(block, stashed)


def _finish_line(block: Element, stashed) -> None:
    """The markers of one block's own line of text (a paragraph's, a list item's, a cell's)."""
    before = ""  # what the reader read last: shown text, or the marker itself
    for piece in _line_of(block, top=True):
        if isinstance(piece, str):
            before = _shown(piece, stashed) or before
            continue
        piece.set(*OUT_OF_SEARCH)
        if isinstance(before, Element):
            _add_class(before, "qq-then")
            _add_class(piece, "qq-next")
        elif before[-1:].isdigit() or before.endswith(FIGURE_END):
            _bracketed(piece)
        before = piece


def _add_class(element: Element, name: str) -> None:
    element.set("class", " ".join(filter(None, (element.get("class"), name))))


def _line_of(element: Element, top: bool = False):
    """The element's text and the markers in it, in document order: into inline elements, not into a marker or a
    block (which has its own line, and breaks this one)."""
    if not top and (_is_marker(element) or element.tag not in INLINE):
        yield element if _is_marker(element) else LINE_BREAK
        return
    yield element.text or ""
    for child in element:
        yield from _line_of(child)
        yield child.tail or ""


def _shown(text: str, stashed) -> str:
    """The text with each placeholder as what it shows: a tag nothing, a character reference its character; the
    tag that closes a checked figure FIGURE_END. A figure's chip is escaped text (markup.marker), so its opening and
    closing tags stand in one piece of text, with no element between them."""
    in_figure = False

    def shown(found) -> str:
        nonlocal in_figure
        raw = str(stashed(int(found.group(1))))
        if not raw.startswith("<"):
            return html.unescape(raw)
        closes_figure, in_figure = in_figure, in_figure or _opens_figure(raw)
        if closes_figure:
            in_figure = False
            return FIGURE_END
        return ""
    return HTML_PLACEHOLDER_RE.sub(shown, text)


def _opens_figure(tag: str) -> bool:
    return LexborHTMLParser(tag).css_first(f"body > span.{FIGURE}") is not None


def _bracketed(marker: Element) -> None:
    link = marker.find("a")
    if link is not None and link.text:
        link.text = f"[{link.text}]"


def _is_marker(element: Element) -> bool:
    return element.tag == "sup" and (element.get("id") or "").startswith("fnref:")


def render_page(pieces: list, output_of) -> str:
    """A page's Markdown: its text pieces, with each call replaced by output_of(call).
    The same string Jinja renders from the page, without evaluating it (tests/test_rendering.py)."""
    return "".join(piece if isinstance(piece, str) else output_of(piece) for piece in pieces)


def footnote(claim: Claim, language: str) -> str:
    """The reference: source, genre, date (and how it is known, if worked out) and the passage, marked where the
    page shows our translation of it, with a link to the passage in its source."""
    source = claim.source
    link = relative_url(page_url(claim.page), claim.source_page)
    date = source.meta["date"]
    how = f' <span class="qq-date-note">{md_escape(say("date_note", language, note=date.note))}</span>' \
        if date.basis in ("inferred", "supplied") and date.note else ""
    genre = source.value("genre")  # said once: a short name may say it already ("The Independent (editorial)")
    about = say("reference_about_named" if genre.casefold() in source.short.casefold() else "reference_about",
                language, genre=genre, date=dated(source, language), number=claim.match.paragraph.number)
    ours = _ours(claim, language, "({})", "translated_in_text")
    lang = f' lang="{sources_lang(language)}"' if sources_lang(language) else ""  # the passage: the source's words
    return (f'[^{claim.label}]: <span class="qq-source">{md_escape(source.short)}</span> · {md_escape(about)}: '
            f'<q class="{PASSAGE}"{lang}>{md_escape(claim.match.passage)}</q>{ours} '
            f'<a class="qq-read" href="{link}">{md_escape(say("read_in_source", language))}</a>{how}')


def _ours(claim: Claim, language: str, form: str, key: str) -> str:
    """Where a page shows our translation of a quote's passage, what says so: in its signature, in its reference."""
    if claim.translation is None:
        return ""
    return f' <span class="{OURS}">{form.format(md_escape(say(key, language)))}</span>'


def references(claims: list[Claim], language: str) -> str:
    """The page's references, collapsed under a summary: Python-Markdown's footnotes go where the
    marker line stands, inside the details element."""
    if not claims:
        return ""
    notes = "\n".join(footnote(claim, language) for claim in claims)
    summary = md_escape(say_count("references", len(claims), language))
    return (f"\n\n{ENGINE_FENCE} qq-references | {summary}\n\n///Footnotes Go Here///\n\n{ENGINE_FENCE}\n\n"
            f"{notes}\n")
