"""How the site names things in running text: dates, sources, figures."""
from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from ..claims.wording import is_currency
from ..corpus import Source
from ..corpus.translation import CATALOGUE_LANGUAGE
from . import formats
from .interface import say, words
from .terms import term


def human_date(value: str | None, language: str) -> str:
    """'6 January 2022', 'January 2022', '2022' (formats.py), or 'undated'."""
    return formats.date(value, language) if value else say("undated", language)


def as_of(value: str, language: str) -> str:
    """'As of 2022', «Данные на 2022 год»: a year alone takes its own words, since Russian (CLDR writes
    a bare «2022») needs «год» after it where a month or a day needs nothing."""
    key = "figure_refers_to_year" if len(value) == 4 else "figure_refers_to"
    return say(key, language, date=human_date(value, language))


MARKED_DATES = ("inferred", "supplied")  # the bases a source's date is shown with


def dated(source: Source, language: str) -> str:
    return human_date(source.meta["date"].value, language) + _date_mark(source, language)


def _date_mark(source: Source, language: str) -> str:
    """' (date inferred)' after a source's date that is not stated in it, else nothing."""
    basis = source.meta["date"].basis
    return f" ({words(language)['date_marks'][basis]})" if basis in MARKED_DATES else ""


def figure_dates(value: str, source: Source, language: str) -> tuple[str, str]:
    """What a figure's card or chart row says before and after its source's name: the date its value stands for
    ('As of January 2022'), and when the source was written ('written 7 January 2022 (date inferred)'). Where the
    two are one date, it is said once, with the source date's mark: on a page of figures, each in its line, the
    same date twice read as a form filled in."""
    if source.meta["date"].value != value:
        return as_of(value, language), say("chart_written", language, date=dated(source, language))
    return as_of(value, language) + _date_mark(source, language), ""


def date_notes(sources: Iterable[Source], language: str) -> str:
    """What the marks that dated() puts on these sources' dates mean, for the marks they carry."""
    bases = {source.meta["date"].basis for source in sources}
    return " ".join(say(f"date_notes.{basis}", language) for basis in MARKED_DATES if basis in bases)


# The language of the sources' own words (their texts and passages, a title they state, their author, publisher and
# evidence): the original edition's, which reads them without a mark. A page of another edition marks them with it.
SOURCES_LANGUAGE = CATALOGUE_LANGUAGE


def sources_lang(language: str) -> str | None:
    """The lang attribute of the sources' own words on a page of the edition, or None where they are its language."""
    return None if language == SOURCES_LANGUAGE else SOURCES_LANGUAGE


def sources_words(text: str, language: str) -> Markup:
    """The sources' own words as HTML: in a span with their lang where it is not the edition's (a screen reader
    then reads English as English), else the text alone, escaped."""
    lang = sources_lang(language)
    return Markup('<span lang="{}">{}</span>').format(lang, text) if lang else escape(text)


def byline(source: Source, language: str, marked: bool = False) -> str:
    """'Author, “Title”, Publisher' with only what is known; `marked`: as HTML, the source's own words in their
    language (sources_words)."""
    publisher, title = source.meta["publisher"].value, source.value("title")
    own = (lambda text: sources_words(text, language)) if marked else str
    plain = escape if marked else str
    if title and source.meta["title"].basis != "supplied":  # a supplied title is a description, not a quotation
        title = plain(words(language)["quoted"]).format(text=own(title))
    elif title:
        title = plain(title)  # the editors' words, in the edition's language
    parts = [own(source.named_author) if source.named_author else "", title, own(publisher) if publisher else ""]
    return plain(", ").join(part for part in parts if part)


def figure_text(figure: dict, language: str) -> str:
    """'at least 238', 'about 20%', 'around €500', 'more than 5,000': qualifier, value and unit, a currency
    symbol where the edition's locale puts it (formats.py: «около 500 €»). The value is written the site's way (formats.py), not
    with the passage's digits ("5000"), which its tooltip and reference keep. Its qualifier and unit are the
    edition's words for the call's (terms.py): 'более 225'."""
    unit, value = term("units", figure["unit"], language), formats.number(figure["number"], language)
    if is_currency(figure["unit"]):
        value = formats.with_currency(value, unit, language)
    elif unit:
        value += unit if unit[:1] == "%" else f" {unit}"
    return f"{term('qualifiers', figure['qualifier'], language)} {value}".strip()

