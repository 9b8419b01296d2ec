"""What only the engine writes in a page's content: drawings, the glossary's cards, and what assistive
technology or a tooltip tells a reader instead of the page's words.

Checked on each page's content as Python-Markdown made it (content.py), raw HTML included, with the
engine's visuals taken out first (`drawn`: the HTML visual() returned):

- A drawing (<svg> and its shapes and text) is a visual's: by hand it is a chart of anything.
- An <abbr> is the glossary's (render/first_mentions.py): the name of an entry of the people page, titled
  with that entry's card, as it wrote it. qq-tooltips.js opens the site's own tooltip on any
  abbr[title]: by hand it is a card for anyone, or a note over a checked figure.
- No role, and no aria-* attribute: a screen reader would announce their words instead of what the
  page shows ("at least 10,412" over a checked "at least 238"). Only a landmark (aside, section, nav)
  may be named, by aria-labelledby, after the heading it holds.
- A link to a citation's marker or reference on another page (`…#fnref:qq3`, `…#fn:qq3`) is a
  visual's; on its own page, the site check proves it is the marker's or the reference's own (proof.py).
- A title is a tooltip: only the ones Python-Markdown writes (a heading's permalink, a reference's
  link back) and the glossary's.
- A lang is the engine's mark of the sources' own words (a reference's passage): on a page's words, a screen
  reader would read them in another language's voice. (A link's hreflang the engine writes where a link leaves its
  edition, which this check of one page's content cannot tell; the static pass refuses every one a page writes.)
- A datetime is a date for machines, which readers never see: only the home page's dateline writes one,
  so a <time> by hand cannot give search engines a date other than the cited one it shows.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.toc import TocExtension
from selectolax.lexbor import LexborHTMLParser

from ..problems import clip
from ..proofmarks import BACK_LINK, PASSAGE
from .builtsite import is_element
from .nodes import is_footnote_id, words

# The shapes the content allow-list (rules.py) keeps for the visuals; <math>, <canvas> and the like are off it.
DRAWINGS = {"svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect",
            "text", "tspan", "title", "desc"}
READ_ALOUD = {"role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-details",
              "aria-description", "aria-roledescription"}
LANDMARKS = {"aside", "section", "nav"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PERMALINK = "headerlink"
# Python-Markdown's own titles of a heading's permalink and a reference's link back to its marker: "Permanent link",
# "Jump back to footnote {} in the text". An edition in another language has its own (mkdocs_plugin/theme.py).
MARKDOWN_TITLES = (TocExtension().getConfig("permalink_title"), FootnoteExtension().getConfig("BACKLINK_TITLE"))
DRAWING_HINT = ("charts and maps are drawn from the citations by visual(); write a number with figure(), which "
                "puts it on the figures page's charts")
ABBR_HINT = ("the glossary marks a name's first mention with its card from docs/people.md: write the name as plain "
             "text, and describe people in docs/people.md")
ARIA_HINT = ("a screen reader reads what the page shows: write no role or aria-* attribute (a landmark — aside, "
             "section, nav — may name itself after its own heading with aria-labelledby)")
LINK_HINT = ("a marker and its reference are the citation engine's: link to the page, or to a heading of it (the "
             "maps and timelines link to the markers)")
TITLE_HINT = "a title is a tooltip over the page's words: say it in cited text instead"
LANG_RULE = "lang attributes are the engine's"  # as the static pass says it of an attribute list's (pages/rawhtml.py)
LANG_HINT = ("the engine marks the sources' own words with their language: write the page in its edition's language, "
             "with no lang")
DATETIME_HINT = "write the date as text, cited: a machine-readable date is the engine's (the home page's dateline)"


def handwritten(html: str, drawn: list[str], glossary: dict[str, str], locator,
                titles: tuple[str, str] = MARKDOWN_TITLES) -> Iterator:
    """The problems of what only the engine writes, found in a page's content; `locator(hint)` gives the
    function that makes a Problem at its Markdown line: problem(rule, found, *needles); `titles`, those of
    Python-Markdown's permalinks and links back to a marker in the build."""
    for piece in drawn:
        html = html.replace(piece, "", 1)
    top = LexborHTMLParser(f'<!doctype html><html><body><div id="qq-root">{html}</div></body></html>')
    root = top.css_first("#qq-root")
    drawing, abbr, aria, title, link, machine, language = (locator(hint) for hint in (
        DRAWING_HINT, ABBR_HINT, ARIA_HINT, TITLE_HINT, LINK_HINT, DATETIME_HINT, LANG_HINT))
    inside_drawing = set()
    for node in root.traverse(include_text=False):
        if node.mem_id == root.mem_id or not is_element(node):
            continue
        if node.tag in DRAWINGS and node.mem_id not in inside_drawing:
            inside_drawing |= {inner.mem_id for inner in node.traverse(include_text=False)}
            yield drawing(f"<{node.tag}> elements are drawn only by the engine's visuals",
                          f"<{node.tag}> {clip(node.text(separator=' ') or '', 60)!r}", f"<{node.tag}")
        if node.tag == "abbr" and not _glossary_mark(node, glossary):
            yield abbr("<abbr> not written by the glossary", f"{clip(words(node), 40)!r} titled "
                       f"{clip(node.attributes.get('title') or '', 60)!r}", node.attributes.get("title") or "",
                       node.text() or "", "<abbr")
        if node.tag == "a" and _to_another_pages_marker(node.attributes.get("href") or ""):
            yield link("link to a citation's marker or reference through a page path", repr(node.attributes["href"]),
                       node.attributes["href"], "#" + node.attributes["href"].partition("#")[2])
        for name, value in node.attributes.items():
            if name.lower() in READ_ALOUD and not _named_by_its_heading(node, name.lower(), root):
                yield aria("role and aria-* attributes are the engine's", f"{name}={clip(value or '', 50)!r} on "
                           f"<{node.tag}>", f"{name}=", *_named_after(name.lower(), value or ""), f"<{node.tag}")
            elif name.lower() == "title" and node.tag != "abbr" and not _markdown_title(node, value or "", titles):
                yield title("title attributes are the engine's", f"title={clip(value or '', 50)!r} on <{node.tag}>",
                            value or "", "title=")
            elif name.lower() == "lang" and not _engines_language_mark(node):
                yield language(LANG_RULE, f"lang={clip(value or '', 20)!r} on <{node.tag}>",
                               *written_as(name.lower(), value or ""), f"<{node.tag}")
            elif name.lower() == "datetime":
                yield machine("datetime attributes are the engine's", f"datetime={clip(value or '', 30)!r} on "
                              f"<{node.tag}>", "datetime=")


def written_as(name: str, value: str) -> list[str]:
    """How a page writes an attribute, in an attribute list or a block's attrs:, with its value, then without."""
    return [f"{start}{name}{sign}{value}" for sign in ("=", '="', "='", ": ") for start in " {"] + [f" {name}="]


def _engines_language_mark(node) -> bool:
    """The language of a passage in a reference (render/markup.py footnote): the sources' own words."""
    return node.tag == "q" and PASSAGE in (node.attributes.get("class") or "").split()


def _to_another_pages_marker(href: str) -> bool:
    path, hash_, fragment = unquote(href).partition("#")
    return bool(hash_ and path) and is_footnote_id(fragment)


def _glossary_mark(node, glossary: dict[str, str]) -> bool:
    """As render/first_mentions.py writes it: <abbr title="card" tabindex="0">term</abbr>, text only."""
    term, card = node.text() or "", node.attributes.get("title")
    return dict(node.attributes) == {"title": card, "tabindex": "0"} and glossary.get(term) == card and \
        node.child is not None and node.child.tag == "-text" and node.child.next is None


def _named_by_its_heading(node, name: str, root) -> bool:
    ident = node.attributes.get(name) or ""
    if name != "aria-labelledby" or node.tag not in LANDMARKS or not ident or len(ident.split()) != 1:
        return False
    named = root.css(f'[id="{ident}"]') if '"' not in ident and "\\" not in ident else []
    return len(named) == 1 and named[0].tag in HEADINGS and \
        any(inner.mem_id == named[0].mem_id for inner in node.traverse(include_text=False))


def _named_after(name: str, ident: str) -> tuple[str, ...]:
    """Where the page wrote the id a landmark is named after (the engine's own, `{ #qq-gaps-title }` on a heading of
    its own): the page's line, where the engine's landmark has none."""
    return (f"#{ident}", ident) if name == "aria-labelledby" and ident.strip() else ()


def _markdown_title(node, value: str, titles: tuple[str, str]) -> bool:
    """A heading's permalink, or a reference's link back to its marker, as Python-Markdown titles them."""
    classes = (node.attributes.get("class") or "").split()
    if node.tag != "a":
        return False
    if PERMALINK in classes:
        return value == titles[0]
    before, _, after = titles[1].partition("{}")
    number = value[len(before):len(value) - len(after)] if value.startswith(before) and value.endswith(after) else ""
    return BACK_LINK in classes and number.isdigit()
