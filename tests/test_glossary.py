"""The hover glossary read from the people page, marked on the first mention in running text."""
import pytest

from macros.pages.converter import markdown_converter
from macros.pages.people import read_glossary
from macros.pages.rendered import render
from macros.sitecheck import read_config
from tests.conftest import ROOT, parse
import re

import markdown

from macros.mkdocs_plugin.treesteps import GlossaryMarking

MD = markdown_converter(read_config(ROOT)["markdown_extensions"])  # the site's own, as the static pass sets it up


def glossary_of(body: str, offset: int = 0, language: str = "en"):
    """The glossary of a people page whose body starts after `offset` lines, read from its HTML."""
    page, _ = parse("\n" * offset + body, "people.md")
    return read_glossary("docs/people.md", render(page, MD), language)


PEOPLE = """# People

### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev" }

President of Kazakhstan since 2019, who called in the [CSTO](csto.md).{{ cite("a", "b") }}
It says *more*.

### Collective Security Treaty Organization

### Nobody
"""


def test_entries_give_each_name_and_alias_its_description_without_markers():
    glossary, problems = glossary_of(PEOPLE, 3)
    description = "President of Kazakhstan since 2019, who called in the CSTO. It says more."
    assert glossary == {"Kassym-Jomart Tokayev": description, "Tokayev": f"Kassym-Jomart Tokayev: {description}"}
    assert [str(p) for p in problems] == [
        "docs/people.md:11: glossary entry has no description — Collective Security Treaty Organization — "
        "follow the heading with a one-paragraph description",
        "docs/people.md:13: glossary entry has no description — Nobody — follow the heading with a "
        "one-paragraph description",
    ]


ALIAS = "docs/people.md:{}: a glossary alias must be its entry's surname — {}"
ENTRIES = """# People

### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev; Nazarbayev; President Tokayev; Erdogan" }

President.{{ cite("a", "b") }}

### Nursultan Nazarbayev { #nazarbayev data-terms="Nazarbayev" }

Leader.{{ cite("a", "b") }}

### Recep Tayyip Erdoğan { #erdogan data-terms="Erdoğan; Erdogan" }

President of Turkey.{{ cite("a", "b") }}
"""


LISTED = ("use the last word of the heading, or ask a maintainer to list it under the entry's id ('{}') in "
          "macros/pages/glossary_aliases.yml")


def test_an_alias_is_its_entrys_surname_or_listed_for_its_entry_and_never_opens_another_card():
    glossary, problems = glossary_of(ENTRIES, 0)
    assert [str(p) for p in problems] == [
        ALIAS.format(3, "'Nazarbayev' on 'Kassym-Jomart Tokayev' is part of 'Nursultan Nazarbayev' (line 7) — a "
                        "name opens its own entry's card only: remove it from data-terms"),
        ALIAS.format(3, "'President Tokayev' is not the last word of 'Kassym-Jomart Tokayev' — " + LISTED.format(
            "tokayev")),
        ALIAS.format(3, "'Erdogan' is not the last word of 'Kassym-Jomart Tokayev' — " + LISTED.format("tokayev")),
    ]
    # an entry with a refused alias opens no card; "Erdogan" is listed for #erdogan in glossary_aliases.yml
    assert sorted(glossary) == ["Erdogan", "Erdoğan", "Nazarbayev", "Nursultan Nazarbayev", "Recep Tayyip Erdoğan"]
    assert glossary["Nazarbayev"].startswith("Nursultan Nazarbayev: ")


def test_an_alias_is_the_last_whole_word_where_a_hyphen_or_an_apostrophe_joins_one_word():
    entries = ("# People\n\n### RT’s editor-in-chief { #rt-editor data-terms=\"chief; RT’s; editor-in-chief\" }\n\n"
               "The editor.{{ cite(\"a\", \"b\") }}\n")
    glossary, problems = glossary_of(entries, 0)
    assert [str(p) for p in problems] == [
        ALIAS.format(3, "'chief' is not the last word of 'RT’s editor-in-chief' — " + LISTED.format("rt-editor")),
        ALIAS.format(3, "'RT’s' is not the last word of 'RT’s editor-in-chief' — " + LISTED.format("rt-editor"))]
    assert "chief" not in glossary


def test_a_title_is_no_surname_and_a_name_written_otherwise_is_the_same_name():
    # "President" is a word of its own heading, and would open Lukashenko's card on "President Tokayev"
    cited = '{{ cite("a", "b") }}'
    entries = (f"# People\n\n### President of Belarus {{ #belarus data-terms=\"President\" }}\n\nLukashenko.{cited}\n\n"
               f"### Recep Tayyip Erdoğan\n\nPresident of Turkey.{cited}\n\n"
               f"### Recep Tayyip Erdog\u0306an\n\nBelarus’ leader.{cited}\n\n"
               f"### RECEP TAYYIP ERDOĞAN\n\nBelarus’ leader.{cited}\n")
    glossary, problems = glossary_of(entries, 0)
    assert [str(p) for p in problems] == [
        ALIAS.format(3, "'President' is not the last word of 'President of Belarus' — " + LISTED.format("belarus")),
        "docs/people.md:11: glossary term defined twice — 'Recep Tayyip Erdog\u0306an'",
        "docs/people.md:15: glossary term defined twice — 'RECEP TAYYIP ERDOĞAN'"]


def test_the_listed_aliases_are_listed_for_entries_of_the_people_page():
    from macros.check import check_project
    from macros.pages.people import ALIASES
    from tests.conftest import ROOT

    ids = set(re.findall(r"\{[^}]*#([\w-]+)", (ROOT / "docs" / "people.md").read_text(encoding="utf-8")))
    assert set(ALIASES) <= ids
    glossary = check_project(ROOT).glossary | check_project(ROOT, "docs-ru", language="ru").glossary  # each edition's
    assert all(alias in glossary for aliases in ALIASES.values() for alias in aliases)


GLOSSARY = {"Kassym-Jomart Tokayev": "President \"K\"", "Tokayev": "President \"K\"", "CSTO": "An alliance"}


def marked(text: str, glossary=GLOSSARY) -> str:
    """The page's HTML as the build converts it, with the glossary's step."""
    extensions = ["footnotes", "attr_list", "md_in_html", GlossaryMarking(lambda: glossary)]
    return markdown.markdown(text, extensions=extensions)


def test_only_the_first_mention_of_each_entry_in_running_text_is_marked():
    text = ("## Tokayev\n\nThen [Tokayev](x.md) and <q>Tokayev said</q>; Kassym-Jomart Tokayev asked the CSTO. "
            "Tokayev again, CSTO-led, CSTO.[^1]\n\n[^1]: Tokayev in a reference.\n")
    html = marked(text)
    assert '<abbr tabindex="0" title="President &quot;K&quot;">Kassym-Jomart Tokayev</abbr> asked the ' \
           '<abbr tabindex="0" title="An alliance">CSTO</abbr>. Tokayev again, CSTO-led, CSTO.' in html
    assert html.count("<abbr") == 2


@pytest.mark.parametrize("text, names", [
    ("xKassym-Jomart Tokayev met the CSTO", ["Tokayev", "CSTO"]),  # inside a word: a shorter name may follow
    ("pro-Tokayev, anti-CSTO, CSTO_x, Tokayev2 and then Tokayev", ["Tokayev"]),
    ("Kassym-Jomart Tokayevs, Kassym-Jomart Tokayev", ["Kassym-Jomart Tokayev"]),
])
def test_names_inside_other_words_are_left_alone(text, names):
    assert re.findall(r'">([^<]*)</abbr>', marked(text)) == names


def test_names_are_marked_only_in_text_markdown_made_and_their_description_is_escaped():
    html = marked('<p title="> Tokayev" class="x">raw HTML about Tokayev</p>\n\n'
                  '`Tokayev` in code, **Tokayev** in bold.', {"Tokayev": '"><b onclick=x>'})
    assert '<p title="> Tokayev" class="x">raw HTML about Tokayev</p>' in html  # as its author wrote it
    assert '<strong><abbr tabindex="0" title="&quot;&gt;&lt;b onclick=x&gt;">Tokayev</abbr></strong>' in html


def test_no_glossary_leaves_the_page_alone():
    assert marked("Tokayev", {}) == "<p>Tokayev</p>"


def test_on_the_site_each_entry_is_marked_once_per_page_outside_links_quotes_headings_and_references(built):
    from selectolax.lexbor import LexborHTMLParser

    from macros.check import check_project
    from tests.conftest import ROOT

    glossary = check_project(ROOT).glossary
    marked_pages = 0
    for page in sorted(built.rglob("*.html")):
        article = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("article")
        marks = article.css("abbr[title][tabindex]") if article else []
        descriptions = [mark.attributes["title"] for mark in marks]
        assert len(descriptions) == len(set(descriptions)), page
        for mark in marks:
            assert glossary.get(mark.text()) == mark.attributes["title"], (page, mark.text())
            ancestor = mark.parent
            while ancestor is not None and ancestor.tag != "article":
                skipped = ("a", "q", "blockquote", "h1", "h2", "h3", "sup", "code")
                assert ancestor.tag not in skipped, (page, mark.text())
                assert "footnote" not in (ancestor.attributes.get("class") or ""), page
                ancestor = ancestor.parent
        marked_pages += bool(marks)
    assert marked_pages


@pytest.mark.parametrize("text", [
    '<q class="qq-quote">the *CSTO* and **Tokayev**</q> then Tokayev and the CSTO',  # the quote spans runs
    '<Q>Tokayev, <em>CSTO</em></Q > then Tokayev and the CSTO',  # tags as HTML reads them: any case, spaces
    '<a href="x.md">Tokayev</a>, <code>CSTO</code>, <br/> then Tokayev and the CSTO',  # <br/> opens nothing
    '<q>Tokayev <!-- </q> --> CSTO</q> then Tokayev and the CSTO',  # a comment closes nothing
])
def test_raw_quotes_links_and_code_are_skipped_as_html_reads_their_tags(text):
    html = marked(text)
    assert html.endswith('then <abbr tabindex="0" title="President &quot;K&quot;">Tokayev</abbr> and the '
                         '<abbr tabindex="0" title="An alliance">CSTO</abbr></p>'), html


def test_a_block_quote_is_a_quotation_too():
    text = ('<blockquote class="qq-blockquote" markdown="1">\n\nTokayev and the CSTO, in a passage.\n\n'
            "</blockquote>\n\n> Tokayev in a Markdown block quote.\n\nThen Tokayev.")
    assert marked(text).endswith('<p>Then <abbr tabindex="0" title="President &quot;K&quot;">Tokayev</abbr>.</p>')


# --- a translation's people page: its names in its language, declined where the language declines them --------

RUSSIAN = """# Кто есть кто

### Касым-Жомарт Токаев { #tokayev data-terms="Токаев" }

Президент.{{ cite("a", "b") }}

### Нурсултан Назарбаев { #nazarbayev data-terms="Назарбаев" }

Лидер нации.{{ cite("a", "b") }}

### Кремль { #kremlin }

Кремль.{{ cite("a", "b") }}

### Анти Макроянни { #makrogianni data-terms="Макроянни" }

Автор.{{ cite("a", "b") }}
"""


def test_a_russian_surname_opens_its_card_in_any_case_and_only_its_first_mention():
    glossary, problems = glossary_of(RUSSIAN, 0, "ru")
    assert problems == []
    assert glossary["Токаева"] == glossary["Токаев"] == "Касым-Жомарт Токаев: Президент."
    assert {"Токаеву", "Токаевым", "Токаеве", "Назарбаева", "Кремлём", "Кремля"} <= set(glossary)
    assert "Макроянни" in glossary and not any(term.startswith("Макроянни") and term != "Макроянни"
                                               for term in glossary)  # a name ending in -и does not decline
    html = marked("Протестующие требовали отставки Назарбаева, а не Токаева. Токаеву и Токаев звонили из Кремля.",
                  glossary)
    assert re.findall(r'title="([^"]*)">([^<]*)</abbr>', html) == [
        ("Нурсултан Назарбаев: Лидер нации.", "Назарбаева"), ("Касым-Жомарт Токаев: Президент.", "Токаева"),
        ("Кремль.", "Кремля")]


def test_a_russian_people_page_refuses_another_persons_name_a_declined_alias_and_an_english_one():
    entries = RUSSIAN.replace('data-terms="Токаев"', 'data-terms="Токаев; Назарбаев; Токаева; Tokayev"')
    glossary, problems = glossary_of(entries, 0, "ru")
    assert [str(p) for p in problems] == [
        ALIAS.format(3, "'Назарбаев' on 'Касым-Жомарт Токаев' is part of 'Нурсултан Назарбаев' (line 7) — a "
                        "name opens its own entry's card only: remove it from data-terms"),
        ALIAS.format(3, "'Токаева' is not the last word of 'Касым-Жомарт Токаев' — " + LISTED.format("tokayev")),
        ALIAS.format(3, "'Tokayev' is not the last word of 'Касым-Жомарт Токаев' — " + LISTED.format("tokayev"))]
    assert "Токаева" not in glossary and glossary["Назарбаева"].startswith("Нурсултан Назарбаев: ")


def test_english_names_are_marked_as_written():
    glossary, _ = glossary_of(PEOPLE, 0, "en")
    assert sorted(glossary) == ["Kassym-Jomart Tokayev", "Tokayev"]


def test_the_russian_people_page_names_each_card_as_the_english_one_does():
    """Its ids are the English page's, so each card is the same person in both editions; its names decline."""
    from macros.check import check_project

    def card_ids(folder: str) -> list[str]:
        page, _ = parse((ROOT / folder / "people.md").read_text(encoding="utf-8"), "people.md")
        return [heading.attributes.get("id") for heading in render(page, MD).root.css("h3")]

    assert card_ids("docs-ru") == card_ids("docs")
    russian = check_project(ROOT, "docs-ru", translation=True, language="ru")
    assert [str(problem) for problem in russian.problems if "glossary" in problem.rule] == []
    assert russian.glossary["Токаева"].startswith("Касым-Жомарт Токаев: ")
