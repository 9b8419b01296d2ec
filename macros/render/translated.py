"""What a page of a translated edition says of its languages, beyond its words: under its title, that the sources
are in the original's language and whose words its quotes are (on a source's page, that its text is the original's);
on a link that leaves the edition, the language of
the page it leads to. A step of Python-Markdown's conversion (mkdocs_plugin/treesteps.py) adds both to the page's
element tree; the original edition's pages get neither. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown.serializers import to_xhtml_string

from ..claims import Claim
from ..siteurls import SOURCES, page_url
from .interface import say

TRANSLATION_NOTE = "qq-translation-note"  # class of the paragraph that says the sources' language
KEY_FACTS = "qq-facts"  # the class of the `/// facts` block (render/blocks.py)
OUT_OF_SEARCH = "data-search-exclude"  # Material's search leaves out an element with it: every page says the note


@dataclass(frozen=True)
class PageMarks:
    """What the page being converted gets: nothing, on a page of the original edition."""
    note: str = ""  # translation_note()
    page: str = ""  # the page, as in its docs_dir: 'method.md'
    folder: str = ""  # its edition's folder in the site ('ru'), '' for the original
    original: str = ""  # the original edition's language: where a link out of the edition leads


def page_marks(claims: list[Claim], page: str, language: str, edition, editions) -> PageMarks:
    """The marks of a page of `edition` (macros/editions' Edition), with its citations."""
    if edition is None or edition.original:
        return PageMarks()
    original = next((other.lang for other in editions if other.original), "")
    note = say("translation_note_source", language) if _is_source_page(page) else translation_note(claims, language)
    return PageMarks(note, page, edition.folder, original)


def _is_source_page(page: str) -> bool:
    """A source's generated page (render/generated.py): its paragraphs are the source's own words, untranslated.
    The figures page shows no source's words: its figures are in the edition's, and it has no notes to tap."""
    folder, _, name = page.rpartition("/")
    return folder == SOURCES and name != "index.md"


def translation_note(claims: list[Claim], language: str) -> str:
    """Where a translated page cites the sources: that they are in English, whose passage each reference shows,
    and, where it quotes them, that the words in quotation marks are ours."""
    if not claims:
        return ""
    quotes = any(claim.translation is not None for claim in claims)
    return say("translation_note_quotes" if quotes else "translation_note_cites", language)


def mark_translated_page(root: Element, marks: PageMarks) -> None:
    """The note as the paragraph after the page's title (after its key facts, where it opens with them), and each
    link out of the edition with its hreflang."""
    if marks.note:
        root.insert(_note_place(list(root)), note_paragraph(marks.note))
    if marks.folder and marks.original:
        for link in root.iter("a"):
            if _leaves(link.get("href") or "", "/" + page_url(marks.page, marks.folder), marks.folder):
                link.set("hreflang", marks.original)


def _note_place(children: list[Element]) -> int:
    """Under the title; but a page that opens with the key facts (the home page's `/// facts`, which quote nothing)
    keeps them on the first phone screen, as in the original, and the note follows them, before any quote."""
    first = 1 if children and children[0].tag == "h1" else 0
    facts = [index for index, child in enumerate(children) if KEY_FACTS in (child.get("class") or "").split()]
    return facts[0] + 1 if facts else first


def note_paragraph(note: str) -> Element:
    paragraph = Element("p", {"class": TRANSLATION_NOTE, OUT_OF_SEARCH: ""})
    paragraph.text = note
    return paragraph


def note_html(note: str) -> str:
    """The note's paragraph as the page's HTML holds it (Python-Markdown's serializer, MkDocs' XHTML): what the
    check of the page's content takes out as the engine's, before it refuses the note's class anywhere else."""
    return to_xhtml_string(note_paragraph(note)) if note else ""


def _leaves(href: str, here: str, folder: str) -> bool:
    """Whether a link of the page served at `here` ('/ru/method/') leads out of its edition's folder: a page
    of the original ('../../conventions/', English only). An address with a scheme or a host is another site's."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path))
    return target != f"/{folder}" and not target.startswith(f"/{folder}/")
