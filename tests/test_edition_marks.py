"""What a page of each edition tells its reader about its quotes, languages and figures, on the merged site as
`make build` builds it (`merged` in conftest.py): a translated page that cites the sources says under its title that
they are in English and whose words its quotes are; the sources' own words carry their lang there; a currency sign
stands where the edition's locale puts it; a marker never runs into the number before it; the map's credit is in
the edition's words. The original edition's pages carry none of the translation's marks."""
from __future__ import annotations

import posixpath

import markdown
from babel import Locale
from selectolax.lexbor import LexborHTMLParser

from macros.editions import read_editions
from macros.render.interface import locale_of, say, words
from macros.render.labels import SOURCES_LANGUAGE
from macros.render.markup import INLINE
from macros.render.translated import TRANSLATION_NOTE, page_marks
from macros.render.visuals.map import BASEMAP, credit
from tests.conftest import ROOT

MARKER = "sup[id^='fnref']"
CURRENCIES = "€£$"
SOURCE_TEXT = "section.qq-paragraph > p"  # a paragraph of a source, on its page (render/templates/source_page.html)


def _editions_pages(merged):
    """(edition, page path, parsed page) of every page of every edition of the merged site."""
    editions, _ = read_editions(ROOT)
    translations = [edition.folder for edition in editions if edition.folder]
    for path in sorted(merged.rglob("index.html")):
        inside = path.relative_to(merged).as_posix()
        folder = inside.split("/", 1)[0] if "/" in inside else ""
        edition = next(e for e in editions if e.folder == (folder if folder in translations else ""))
        yield edition, inside, LexborHTMLParser(path.read_text(encoding="utf-8"))


def test_every_translated_page_that_cites_says_under_its_title_whose_words_its_quotes_are(merged):
    """A translated page that cites the sources, or shows a source's own text (a source's page), says so under its
    title; a page that does neither (the figures page: its figures are in the edition's words) and every page of
    the original say nothing."""
    seen = {"en": 0, "ru": 0, "source": 0}
    for edition, path, tree in _editions_pages(merged):
        article = tree.css_first("article")
        notes = tree.css(f".{TRANSLATION_NOTE}")
        source_text = article is not None and article.css(SOURCE_TEXT)
        if edition.original or article is None or not (article.css(MARKER) or source_text):
            assert notes == [], path
            continue
        quotes = article.css("q.qq-quote, blockquote.qq-blockquote")
        said = say("translation_note_source" if source_text else
                   "translation_note_quotes" if quotes else "translation_note_cites", edition.lang)
        seen["source"] += bool(source_text)
        assert [note.text() for note in notes] == [said], path
        before = _element_before(notes[0])  # under the title, or after the key facts a page opens with
        assert before is not None and (before.tag == "h1" or "qq-facts" in (before.attributes.get("class") or "")), \
            path
        marked = [node for node in article.traverse() if node.tag in ("p", "q", "blockquote") and
                  {TRANSLATION_NOTE, "qq-quote", "qq-blockquote"} & set((node.attributes.get("class") or "").split())]
        assert marked[0].attributes.get("class") == TRANSLATION_NOTE, path  # read before any quote
        assert "data-search-exclude" in notes[0].attributes, path
        seen[edition.lang] += 1
    assert seen["ru"] and seen["source"] and not seen["en"]


def _element_before(node):
    before = node.prev
    while before is not None and before.tag == "-text":
        before = before.prev
    return before


def test_the_sources_own_words_carry_their_language_on_a_translated_page_and_no_mark_on_the_original(merged):
    checked = 0
    for edition, path, tree in _editions_pages(merged):
        article = tree.css_first("article")
        if article is None:
            continue
        english = article.css("q.qq-passage") + article.css("section.qq-paragraph > p:not([class])")  # a source's text
        if edition.lang == SOURCES_LANGUAGE:
            assert article.css("[lang]") == [], path  # the original's pages read them in their own language
            continue
        for element in english:
            assert element.attributes.get("lang") == SOURCES_LANGUAGE, (path, element.text()[:60])
            checked += 1
    assert checked


def test_a_translated_sources_list_marks_each_stated_title_as_the_sources_language(merged):
    from macros.check import check_project
    corpus = check_project(ROOT).corpus
    for edition, path, tree in _editions_pages(merged):
        if edition.original or not path.endswith("sources/index.html"):
            continue
        marked = {span.text() for span in tree.css(f"article span[lang='{SOURCES_LANGUAGE}']")}
        for source in corpus.sources.values():
            if source.meta["title"].basis != "supplied":
                assert source.value("title") in marked, source.id


def test_a_currency_sign_stands_where_the_editions_locale_puts_it(merged):
    found = set()
    for edition, path, tree in _editions_pages(merged):
        pattern = Locale.parse(locale_of(edition.lang)).currency_formats["standard"]
        for figure in tree.css("span.qq-figure"):
            text = figure.text()
            sign = next((char for char in text if char in CURRENCIES), None)
            if sign is None:
                continue
            value = text[text.index(next(char for char in text if char.isdigit())):]
            if pattern.suffix[0]:
                assert value.endswith(pattern.suffix[0].replace("¤", sign)), (path, text)
            else:
                assert text.split()[-1].startswith(pattern.prefix[0].replace("¤", sign)), (path, text)
            found.add(edition.lang)
    assert found == {"en", "ru"}


def _before(marker) -> tuple[str, bool]:
    """The text right before a marker, as a reader sees the line: in document order, across the inline elements
    around the marker or the text (`238*{{ cite(…) }}*`); and whether that text ends a checked figure's chip."""
    line = marker.parent
    while line.parent is not None and line.tag in INLINE:
        line = line.parent
    shown, last = "", None
    for node in line.traverse(include_text=True):
        if node.mem_id == marker.mem_id:
            break
        if node.tag == "-text" and (node.text(deep=False) or ""):
            shown, last = shown + node.text(deep=False), node
    return shown, last is not None and _in_figure(last)


def _in_figure(node) -> bool:
    while node is not None:
        if node.tag == "span" and "qq-figure" in (node.attributes.get("class") or "").split():
            return True
        node = node.parent
    return False


def test_no_marker_runs_into_the_number_before_it_in_either_edition(merged):
    """A marker right after a digit or a checked figure (whatever the chip ends with: «19 млн», «20 %», «500 €»)
    shows its number in brackets; every other marker a plain number."""
    bracketed, after_unit = set(), set()
    for edition, path, tree in _editions_pages(merged):
        for marker in tree.css(MARKER):
            shown = marker.text()
            if "qq-next" in (marker.attributes.get("class") or ""):
                continue  # after another marker, apart from it by CSS's comma
            text, after_figure = _before(marker)
            if text[-1:].isdigit() or after_figure:
                assert shown.startswith("[") and shown.endswith("]"), (path, text[-20:], shown)
                bracketed.add(edition.lang)
                if not text[-1:].isdigit():
                    after_unit.add(edition.lang)
            else:
                assert shown.isdigit(), (path, shown)  # the site's look: a plain number elsewhere
    assert bracketed == {"en", "ru"}
    assert after_unit  # a figure that ends with a unit, % or a currency sign is among them


def test_the_map_credit_is_in_the_editions_words(merged):
    shown = set()
    for edition, path, tree in _editions_pages(merged):
        wanted = say("map_credit", edition.lang, credit=credit(BASEMAP["points"], edition.lang))
        for caption in tree.css("figure.qq-map figcaption"):
            assert wanted in " ".join(caption.text().split()), path
            shown.add(edition.lang)
    assert shown == {"en", "ru"}


def test_the_glossary_gives_the_date_marks_as_the_russian_strings_file_writes_them():
    """One fixed rendering: the translators' glossary and the pages' generated marks say the same words."""
    html = markdown.markdown((ROOT / "translations" / "ru.md").read_text(encoding="utf-8"), extensions=["tables"])
    rows = {row.css("td")[0].text(): row.css("td")[1].text() for row in LexborHTMLParser(html).css("tr")
            if len(row.css("td")) == 2}
    for basis, english in words("en")["date_marks"].items():
        assert rows[english] == words("ru")["date_marks"][basis], english


def test_a_link_out_of_a_translated_edition_says_the_language_of_the_page_it_leads_to(merged):
    """A translated page's link to a page only the original has (the conventions page) carries its hreflang;
    links inside the edition, other sites' and every link of the original's pages carry none."""
    leaving = 0
    for edition, path, tree in _editions_pages(merged):
        article = tree.css_first("article")
        if article is None:
            continue
        here = "/" + path.rsplit("index.html", 1)[0]
        for link in article.css("a[href]"):
            href = link.attributes["href"]
            target = posixpath.normpath(posixpath.join(here, href)) if "://" not in href else ""
            out = bool(target) and not href.startswith("#") and edition.folder != "" and \
                not (target + "/").startswith(f"/{edition.folder}/")
            assert link.attributes.get("hreflang") == ("en" if out else None), (path, href)
            leaving += out
    assert leaving


def test_a_sources_page_of_a_translated_edition_says_its_text_is_the_originals():
    """On the parse, no build: a source's page of a translated edition gets the note that its text is in English;
    the sources list, the figures page and every page of the original get none (they cite nothing)."""
    editions, _ = read_editions(ROOT)
    for edition in editions:
        marks = {page: page_marks([], page, edition.lang, edition, editions).note
                 for page in ("sources/any-source.md", "sources/index.md", "figures.md")}
        wanted = "" if edition.original else say("translation_note_source", edition.lang)
        assert marks == {"sources/any-source.md": wanted, "sources/index.md": "", "figures.md": ""}, edition.lang
    assert any(not edition.original for edition in editions)


# Latin capitals that a Cyrillic capital draws the same: a Latin acronym of only these («CEPA») reads, in Cyrillic
# text, as a Cyrillic word («СЕРА», sulphur).
CYRILLIC_TWINS = frozenset("ABCEHKMOPTXY")
LATIN_WORD = "A-Za-z"
AWAY = ("q", "blockquote", "code", "pre", "script", "style", "svg", "mark")  # quoted or drawn, not the edition's


def _script_of(language: str) -> str:
    from babel.core import get_global, parse_locale
    return parse_locale(get_global("likely_subtags").get(language, language))[2] or ""


def _edition_text(tree) -> str:
    """The article's words in the edition's own language: not in quotes, code, drawings or the sources' words."""
    article = tree.css_first("article")
    if article is None:
        return ""
    for node in article.css(", ".join((*AWAY, "[lang]"))):
        node.decompose()
    return article.text(separator=" ")


def _acronym_heads(tree, lang: str) -> dict[str, str]:
    """{acronym: the first word of the name it stands for} from the glossary's headings, «Центр … (CEPA)»."""
    heads = {}
    for heading in tree.css("article h3"):
        name, _, rest = heading.text().strip().rstrip("¶").rpartition(" (")
        if name and rest.endswith(")") and rest[:-1].isascii():
            heads[rest[:-1]] = name.split()[0].lower()
    return heads


def test_a_latin_acronym_a_cyrillic_reader_would_read_as_a_word_never_stands_alone(merged):
    """In an edition written in Cyrillic, «CEPA» alone reads «СЕРА»: such an acronym stands in brackets after the
    name it stands for, right after that name's first word («центра CEPA», as Russian-language media write
    «аналитический центр CEPA»), or inside a phrase in Latin letters («CC BY»)."""
    import re
    pages = list(_editions_pages(merged))
    checked = 0
    for edition, path, tree in pages:
        if _script_of(edition.lang) != "Cyrl":
            continue
        people = next(t for e, p, t in pages if e.lang == edition.lang and p.endswith("people/index.html"))
        heads = _acronym_heads(people, edition.lang)
        words = re.findall(r"\(|[^\W\d_]+", _edition_text(tree))
        for at, word in enumerate(words):
            if not (len(word) > 1 and set(word) <= CYRILLIC_TWINS):
                continue
            before, after = (words[at - 1] if at else ""), (words[at + 1] if at + 1 < len(words) else "")
            head = heads.get(word, "")
            in_latin = any(re.fullmatch(f"[{LATIN_WORD}]+", near) for near in (before, after))
            named = before == "(" or bool(head) and before.lower().startswith(head[:-1])
            assert in_latin or named, (path, " ".join(words[max(0, at - 6):at + 3]))
            checked += 1
    assert checked


def test_a_references_header_says_each_thing_once_in_either_edition(merged):
    """«The Independent (редакционная статья) · 7 января 2022 г. · абзац 3», not «… (редакционная статья) ·
    редакционная статья · …»: a short name that says its source's genre is not followed by the genre again, and the
    tooltip and the phone's sheet, copies of the reference, say it once too."""
    checked = set()
    for edition, path, tree in _editions_pages(merged):
        for note in tree.css("div.footnote li > p"):
            passage = note.css_first("q.qq-passage")
            if passage is None:
                continue
            header = note.text()[:note.text().index(passage.text())].rstrip(": ")
            parts = [part.strip().casefold() for part in header.split(" · ")]
            for at, part in enumerate(parts):
                assert not any(part in other for other in parts[:at] + parts[at + 1:]), (path, header)
            checked.add(edition.lang)
    assert checked == {"en", "ru"}
