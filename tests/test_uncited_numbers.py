"""Text that needs no citation states no number (macros/numbers.py, macros/pages/number_words.yml): editors'
notes, headings (raw <h6> too), the text of link-only blocks and link-led list items, a table's header row, code
blocks, an image's alt, a page's title and description (a title attribute, a tooltip, is the engine's alone:
engineonly.py). A year the page's references state may date the events in all but a note, where it reads as a
date. And a block that holds an image needs its citation, even with no words.
Checked on the HTML the static pass renders of each sample, with the extensions MkDocs and mkdocs.yml use."""
from __future__ import annotations

import markdown
import pytest

from macros.pages.converter import markdown_converter
from macros.pages.coverage import uncited
from macros.pages.exempt_text import exempt_text_problems
from macros.pages.rendered import render
from macros.sitecheck import read_config
from tests.conftest import ROOT, parse

HINT = ("headings, links, a table's header, code and an image's text are not cited, so they state no number (a "
        "year the page's references state may date the events, as in “January 2022” or “before 2022”): give the "
        "number in cited text, with figure()")
NOTE = ("a note about the site (class qq-editors-note) is not cited, so it states no number: give the number in "
        "cited text, with figure()")
UNCITED = "cite the passage it rests on with cite(), quote(), blockquote() or figure() (CONTRIBUTING.md lists what is exempt)"
IMAGE = ("headings, a table's header, code and notes are not cited, and a picture states as much as a sentence (a "
         "chart): show it in a paragraph or a table row with its citation")
# one citation: its passage and its source's date state the years 2022 and 2023
CITE = '{{ cite("cepa", "the protests of January 2022") }}'
STATED = ["the protests of January 2022", "2023-01"]
NOTE_QQ1 = ""
CITED = f"Cited.{CITE}\n"
MD = markdown_converter(read_config(ROOT)["markdown_extensions"])  # the site's own, as the static pass sets it up


def problems(text: str) -> list[str]:
    page, found = parse(text)
    assert found == []
    rendered = render(page, MD)
    stated = STATED if CITE in text else []
    return [str(problem) for problem in [*uncited("docs/p.md", rendered),
                                         *exempt_text_problems("docs/p.md", rendered, stated, "en")]]


def number(line: int, found: str) -> str:
    return f"docs/p.md:{line}: text exempt from citations may not hold a number — {found} — {HINT}"


@pytest.mark.parametrize("text, expected", [
    # an editors' note: no digit, and no number word either
    ('# T\n\n<aside class="qq-editors-note">\n<p>Ten thousand people were killed, most of them on the sixth of '
     'January.</p>\n</aside>\n',
     [f"docs/p.md:4: a block exempt from citations may not hold a number — 'Ten' in 'Ten thousand people were "
      f"killed, most of them on the sixth …' — {NOTE}"]),
    ("# T\n\n## At least 10,000 protesters shot dead\n", [
        number(3, "'At least 10,000' in heading 'At least 10,000 protesters shot dead'")]),
    ('# T\n\n<h6 id="n">Note on the toll: twenty-five people were killed.</h6>\n', [
        number(3, "'on the toll: twenty-five' in heading 'Note on the toll: twenty-five people were killed.'")]),
    ("# T\n\n[Russian troops shot 10,000 protesters dead in Almaty](timeline.md)\n", [
        number(3, "'Russian troops shot 10,000' in links 'Russian troops shot 10,000 protesters dead in Almaty'")]),
    ("# T\n\n- [Timeline](timeline.md): troops killed 10,000 protesters on 6 January.\n", [
        number(3, "'Timeline: troops killed 10,000' in links 'Timeline: troops killed 10,000 protesters on 6 "
                  "January.'")]),
    ("# T\n\n| Killed: 10,000 | Source |\n| --- | --- |\n| Ordered to shoot." + CITE + " | CEPA |\n\n" + NOTE_QQ1, [
        number(3, "'Killed: 10,000' in table header 'Killed: 10,000 Source'")]),
    ("# T\n\n```text\nOfficial death toll: 10,412\n```\n", [
        number(4, "'Official death toll: 10,412' in code 'Official death toll: 10,412'")]),
    ('# T\n\nThe toll.' + CITE + ' ![Toll: 10,412 killed](chart.png "Ministry of Health: 10,412")\n\n' + NOTE_QQ1, [
        number(3, "'Toll: 10,412' in image alt 'Toll: 10,412 killed'")]),  # its title: engineonly.py refuses any
    # a picture states as much as a sentence: none in a heading, a table's header or a note, where no citation is
    ("# T\n\n## The toll ![Chart of deaths](img/toll-chart.png)\n\n| ![](toll.png) | Source |\n| --- | --- |\n"
     '| Ordered to shoot.' + CITE + ' | CEPA |\n\n<p class="qq-editors-note">See <img src="a.png" alt="chart"></p>\n\n' +
     NOTE_QQ1, [f"docs/p.md:3: text exempt from citations may not hold an image — 'toll-chart.png' in h2 — {IMAGE}",
                f"docs/p.md:5: text exempt from citations may not hold an image — 'toll.png' in table header — {IMAGE}",
                f"docs/p.md:9: text exempt from citations may not hold an image — 'a.png' in note — {IMAGE}"]),
    # and a paragraph that is only an image needs its citation
    ("# T\n\n![](toll-chart.png)\n", [f'docs/p.md:3: paragraph without a citation — "![](toll-chart.png)" — {UNCITED}']),
    # a year the page's references state may name the events; another year, or a count, may not
    ("# T\n\n## The protests of January 2022\n\n## After 2023\n\n" + CITED, []),
    ("# T\n\n## The massacre of 2021\n\n" + CITED,
     [number(3, "'The massacre of 2021' in heading 'The massacre of 2021'")]),
    # a year the references state reads as a date only after a month, or after a word of time with nothing but
    # punctuation, the end or "to" next: before a noun it is a count
    ("# T\n\n## In 2022, the unrest\n\n## Before 2022\n\n## From the January 2022 unrest in 2023 to now\n\n" + CITED,
     []),
    ("# T\n\n## 2022 protesters shot dead by Russian troops\n\n## The deaths of 2022 protesters\n\n"
     "## In 2022 protesters were shot\n\n" + CITED,
     [number(3, "'2022' in heading '2022 protesters shot dead by Russian troops'"),
      number(5, "'The deaths of 2022' in heading 'The deaths of 2022 protesters'"),
      number(7, "'In 2022' in heading 'In 2022 protesters were shot'")]),
    ("# T\n\n[2022 protesters were shot dead by Russian troops](timeline.md)\n\n" + CITED,
     [number(3, "'2022' in links '2022 protesters were shot dead by Russian troops'")]),
    # Roman numerals in capitals, multiples, and the number words of French, German and Kazakh
    ('# T\n\n<p class="qq-editors-note">Russian troops shot CCXXV protesters dead on the night of VI January.</p>\n',
     [f"docs/p.md:3: a block exempt from citations may not hold a number — 'Russian troops shot CCXXV' in 'Russian "
      f"troops shot CCXXV protesters dead on the night of V…' — {NOTE}"]),
    ('# T\n\n<p class="qq-editors-note">The death toll rose tenfold, then a hundredfold.</p>\n',
     [f"docs/p.md:3: a block exempt from citations may not hold a number — 'death toll rose tenfold,' in 'The death "
      f"toll rose tenfold, then a hundredfold.' — {NOTE}"]),
    ('# T\n\n<p class="qq-editors-note">Dix mille manifestants ont été tués par les troupes russes.</p>\n',
     [f"docs/p.md:3: a block exempt from citations may not hold a number — 'Dix' in 'Dix mille manifestants ont été "
      f"tués par les troupes russes.' — {NOTE}"]),
    ("# T\n\n## Он мың адам қаза тапты\n\n## Zehntausend Demonstranten\n", [
        number(3, "'Он мың' in heading 'Он мың адам қаза тапты'"),
        number(5, "'Zehntausend' in heading 'Zehntausend Demonstranten'")]),
    ("# T\n\n## Protesters march 2022 strong\n\n## xiv killed\n\n## 🔟🔟 protesters shot dead\n", [
        number(3, "'Protesters march 2022' in heading 'Protesters march 2022 strong'"),
        number(5, "'xiv' in heading 'xiv killed'"),
        number(7, "'🔟🔟' in heading '🔟🔟 protesters shot dead'")]),
    # words that look like those and are not: a name, a millennium, "manifold", "simple", words of numeral letters
    ("# T\n\n## Xi Jinping, a manifold Jahrtausend, einfach I, a civil mix, a dim mill, cm\n\n" + CITED, []),
    ("# T\n\n## Mix, Mild, Dim, Vivid, Civic, Lid, Mid, Di, Mi, a gross violation, brace for the old quarter\n\n" +
     CITED, []),
    # a Roman numeral in any case, and the number words that are rarer: "myriad", "twain", "nil", "a gross of"
    ("# T\n\n## Ccxxv shot\n\n## Mmxxii shot\n\n## A myriad shot\n\n## The toll doubled\n\n"
     "## Shot in twain\n\n## Shot a gross of them\n\n## A quarter of them shot\n\n" + CITED,
     [number(3, "'Ccxxv' in heading 'Ccxxv shot'"), number(5, "'Mmxxii' in heading 'Mmxxii shot'"),
      number(7, "'A myriad' in heading 'A myriad shot'"), number(9, "'The toll doubled' in heading 'The toll doubled'"),
      number(11, "'Shot in twain' in heading 'Shot in twain'"),
      number(13, "'Shot a gross' in heading 'Shot a gross of them'"),
      number(15, "'A quarter' in heading 'A quarter of them shot'")]),
    # number words and numbers in look-alike letters: Greek capitals, fullwidth letters, O and l for 0 and 1
    ('# T\n\n<p class="qq-editors-note">No: ΝΙΝΕ ΗΥΝ protesters were shot.</p>\n',
     [f"docs/p.md:3: a block exempt from citations may not hold a number — 'No: ΝΙΝΕ' in 'No: ΝΙΝΕ ΗΥΝ protesters "
      f"were shot.' — {NOTE}"]),
    ("# T\n\n## Troops shot ｔｅｎ ｔｈｏｕｓａｎｄ protesters\n", [
        number(3, "'Troops shot ｔｅｎ' in heading 'Troops shot ｔｅｎ ｔｈｏｕｓａｎｄ protesters'")]),
    ('# T\n\n<p class="qq-editors-note">Russian troops shot lO,OOO protesters dead.</p>\n',
     [f"docs/p.md:3: a block exempt from citations may not hold a number — 'Russian troops shot lO,OOO' in 'Russian "
      f"troops shot lO,OOO protesters dead.' — {NOTE}"]),
    # the number words of the Russian edition, without case
    ('# T\n\n<p class="qq-editors-note">Десять тысяч протестующих были убиты.</p>\n',
     [f"docs/p.md:3: a block exempt from citations may not hold a number — 'Десять' in 'Десять тысяч протестующих "
      f"были убиты.' — {NOTE}"]),
    ("# T\n\n## ДВЕ СОТНИ задержанных\n", [number(3, "'ДВЕ' in heading 'ДВЕ СОТНИ задержанных'")]),
    ("# T\n\n## Пятеро задержанных\n", [number(3, "'Пятеро' in heading 'Пятеро задержанных'")]),
    # a number is reported where its note or heading stands, not where an earlier paragraph starts with its words
    ("# T\n\nThe authorities answered the protests with arrests." + CITE + "\n\nMore." + CITE + "\n\n"
     "/// note\nThe authorities answered the protests with ten thousand arrests, we believe.\n///\n\n"
     "## The authorities answered the protests with ten\n",
     [f"docs/p.md:8: a block exempt from citations may not hold a number — 'the protests with ten' in 'The "
      f"authorities answered the protests with ten thousand arr…' — {NOTE}",
      number(11, "'the protests with ten' in heading 'The authorities answered the protests with ten'")]),
    # words that are not numbers, and the first and second of something
    ("# T\n\n## Russian-led troops, for the first time, and a second look\n\n" + CITED, []),
])
def test_text_that_needs_no_citation_states_no_number(text, expected):
    assert problems(text) == expected


FRONT_HINT = ("a page's title and description are not cited, so they state no number (a year the page's references "
              "state may date the events, as in “January 2022” or “before 2022”): give the number in cited text")


def in_front(key: str, found: str, value: str) -> list[str]:
    return [f"docs/p.md:2: text exempt from citations may not hold a number — {found!r} in {key} {value!r} — "
            f"{FRONT_HINT}"]


@pytest.mark.parametrize("front, expected", [
    ("title: Russian troops kill 10,000 protesters in Almaty",
     in_front("title", "10,000", "Russian troops kill 10,000 protesters in Almaty")),
    ("description: Ten thousand were killed in January 2022",
     in_front("description", "Ten", "Ten thousand were killed in January 2022")),
    ("title: The protests of January 2022", []),
    # a year as a count, and a Roman numeral
    ("description: 2022 protesters were shot dead by Russian troops.",
     in_front("description", "2022", "2022 protesters were shot dead by Russian troops.")),
    ("title: MMCCCLXXX killed by Russian troops in Almaty",
     in_front("title", "MMCCCLXXX", "MMCCCLXXX killed by Russian troops in Almaty")),
])
def test_a_title_or_description_states_no_number(front, expected):
    from macros.pages.coverage import numbers_in_front_matter

    page, _ = parse(f"---\n{front}\n---\n# T\n")
    stated = ["the protests of January 2022", "2023-01"]  # a passage of the page, and its source's date
    assert [str(problem) for problem in numbers_in_front_matter(page.path, page.front, stated, "en")] == expected


def test_the_number_words_are_one_list():
    from macros.numbers import WORDS, numbers_in

    assert {"zero", "ten", "twenty", "ninety", "hundred", "thousand", "million", "billion", "dozen"} <= WORDS
    assert list(numbers_in("Ten thousand on the sixth; twenty-five; a 30-year history; ٣٠٠", "en")) == [
        "Ten", "thousand", "sixth", "twenty", "five", "30", "٣٠٠"]


def test_a_number_in_look_alike_letters_is_a_number():
    from macros.numbers import numbers_in

    assert list(numbers_in("ΤΕΝ ΤΗΟ; ΝΙΝΕ; ｔｅｎ ｔｈｏｕｓａｎｄ; lO,OOO; lOOO; IO.OOO", "en")) == [
        "ΤΕΝ", "ΝΙΝΕ", "ｔｅｎ", "ｔｈｏｕｓａｎｄ", "lO,OOO", "lOOO", "IO.OOO"]
    # words of O, o, l and I that are words, and the names of the real pages
    assert list(numbers_in("lol, loo, Io, O’Brien, Oslo, Ó Beacháin, Erdoğan, Шал, кет", "en")) == []


def test_the_static_pass_does_not_take_an_image_for_a_link():
    page, _ = parse("# T\n\n![](toll-chart.png)\n\n[Timeline](timeline.md) · [Figures](figures.md)\n")
    assert [str(problem) for problem in uncited(page.path, render(page, MD))] == [
        'docs/p.md:3: paragraph without a citation — "![](toll-chart.png)" — cite the passage it rests on with '
        "cite(), quote(), blockquote() or figure() (CONTRIBUTING.md lists what is exempt)"]


def test_a_table_of_contents_entry_reads_as_its_heading():
    from macros.sitecheck.content import check_titles

    text = ('# T\n\n## The toll { data-toc-label="Russian troops killed 10,412 protesters" }\n\n'
            '## Tokayev & “order”\n\n<div markdown="1">\n<h2 data-toc-label="Shot dead" markdown="1">Raw</h2>\n</div>\n')
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"],
                           extension_configs={"toc": {"permalink": True}})
    html = md.convert(text)
    entries, stack = [], list(md.toc_tokens)
    while stack:
        token = stack.pop(0)
        entries.append((token["name"], f"#{token['id']}"))
        stack = token["children"] + stack
    hint = "the page's contents show the heading's own text: remove data-toc-label"
    assert [str(problem) for problem in check_titles("docs/p.md", "T", entries, text.split("\n"), html)] == [
        "docs/p.md:3: a table of contents entry must read as its heading — 'Russian troops killed 10,412 protesters' "
        f"for the heading 'The toll' — {hint}",
        f"docs/p.md:8: a table of contents entry must read as its heading — 'Shot dead' for the heading 'Raw' — {hint}"]
