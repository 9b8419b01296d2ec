"""A translation's citations (macros/claims/translations.py, macros/render/terms.py): its quotes show our translation
marked as ours, the English passage staying the one checked and shown in the reference; a figure's and an event's
words come from the edition's closed lists; the original edition refuses a translation."""
from __future__ import annotations

import shutil

import markdown

from macros.check import check_editions
from macros.claims import Claim, Verifier, record
from macros.claims.quotations import quotation_problems
from macros.claims.translations import translation_problems
from macros.corpus import load_corpus
from macros.pages.converter import markdown_converter
from macros.pages.rendered import render
from macros.render.labels import figure_text
from macros.render.markup import footnote, marker
from macros.render.terms import LISTS, languages_with_terms, lists_of, term
from macros.sitecheck import read_config
from macros.sitecheck.builtsite import BuiltSite
from macros.sitecheck.proof import check_proof_marks
from macros.sitecheck.sources import MarkdownSources
from tests.conftest import FIXTURES, ROOT, make_project, parse

CORPUS, _ = load_corpus(FIXTURES / "mini" / "seeds")
MD = markdown_converter(read_config(ROOT)["markdown_extensions"])
KILLED = "At least 238 people were killed"
TROOPS = "about 2,000 troops arrived on 6 January"
ADD = ('add translation="…": your translation of exactly this passage (translations/ru.md), which the page shows '
       "marked as ours, the passage staying in the tooltip and the reference")


def problems_of(body: str, translation: bool) -> list[str]:
    page, problems = parse(body)
    assert problems == []
    return [str(problem) for problem in translation_problems(page.calls, translation, "ru")]


def claims_of(body: str, page=None) -> list[Claim]:
    page = page or parse(body)[0]
    claims, problems = Verifier(CORPUS).verify("p.md", page.calls)
    assert problems == []
    return claims


def test_a_quote_on_a_translations_page_needs_its_translation_and_the_original_refuses_one():
    body = (f'Said {{{{ quote("alpha", "{KILLED}") }}}}.\n\n'
            f'{{{{ blockquote("alpha", "{KILLED}", translation="  ") }}}}\n\n'
            f'Said {{{{ quote("alpha", "{KILLED}", translation="погибли не менее 238 человек") }}}}.\n')
    assert problems_of(body, translation=True) == [
        f'docs/p.md:1: quote without its translation — quote("{KILLED}") — {ADD}',
        f'docs/p.md:3: empty translation — blockquote("{KILLED}") — give the translation of the passage\'s words']
    assert problems_of(body, translation=False) == [
        f'docs/p.md:3: translation on a page of the original edition — blockquote("{KILLED}"), translation="" '
        "— remove translation=: the original shows the source's own words; a translation goes in the same call on "
        "the translated page",
        f'docs/p.md:5: translation on a page of the original edition — quote("{KILLED}"), translation="погибли не '
        "менее 238 человек\" — remove translation=: the original shows the source's own words; a translation goes "
        "in the same call on the translated page"]


def test_a_translation_states_no_number_its_passage_does_not():
    good = f'{{{{ quote("alpha", "{TROOPS}", translation="около 2 000 военных прибыли 06 января") }}}}'
    bad = f'{{{{ quote("alpha", "{TROOPS}", translation="около 3 000 военных прибыли 6 января") }}}}'
    assert problems_of(f"Said {good}.\n\nSaid {bad}.\n", translation=True) == [
        "docs/p.md:3: translation with a number its passage does not give — 3 000 in translation=\"около 3 000 "
        "военных прибыли 6 января\" — translate the passage's own numbers, and no others"]


def test_a_translations_numbers_are_read_as_the_pages_prose_words_and_every_kind_of_digit():
    words = f'{{{{ quote("alpha", "{KILLED}", translation="погибли пятьюстами, не менее двухсот тридцати восьми") }}}}'
    circled = f'{{{{ quote("alpha", "{KILLED}", translation="погибли не менее 238 (⑤⓪⓪ человек)") }}}}'
    superscript = f'{{{{ quote("alpha", "{KILLED}", translation="погибли не менее 238 человек²¹") }}}}'
    assert problems_of(f"Said {words}.\n\nSaid {circled}.\n\nSaid {superscript}.\n", translation=True) == [
        "docs/p.md:1: translation with a number its passage does not give — пятьюстами, двухсот, тридцати, восьми in "
        "translation=\"погибли пятьюстами, не менее двухсот тридцати восьми\" — translate the passage's own numbers, "
        "and no others",
        "docs/p.md:3: translation with a number its passage does not give — ⑤⓪⓪ in translation=\"погибли не менее 238 "
        "(⑤⓪⓪ человек)\" — translate the passage's own numbers, and no others",
        "docs/p.md:5: translation with a number its passage does not give — человек²¹ in translation=\"погибли не "
        "менее 238 человек²¹\" — translate the passage's own numbers, and no others"]


def test_on_a_translations_page_every_typed_quotation_is_refused_even_of_the_passages_words():
    body = f'Reports said «{KILLED}».{{{{ cite("alpha", "{KILLED}") }}}}\n'
    page, _ = parse(body)
    claims = claims_of(body, page)
    assert list(quotation_problems(page.path, render(page, MD), claims)) == []  # the original's rule: its passage
    assert [str(problem) for problem in quotation_problems(page.path, render(page, MD), claims, True)] == [
        f"docs/p.md:1: quotation typed on a page of a translation — '{KILLED}' — quote a source with "
        'quote(…, translation="…"), which shows your translation marked as ours; in your own words use no '
        "quotation marks (write indirect speech)"]


def test_on_a_translations_page_a_quotation_typed_in_look_alike_marks_is_refused():
    body = f'Токаев назвал их ≪наёмниками≫ и 《иностранными агентами》.{{{{ cite("alpha", "{KILLED}") }}}}\n'
    page, _ = parse(body)
    problems = quotation_problems(page.path, render(page, MD), claims_of(body, page), True)
    assert [str(problem) for problem in problems] == [
        f"docs/p.md:1: quotation typed on a page of a translation — '{words}' — quote a source with "
        'quote(…, translation="…"), which shows your translation marked as ours; in your own words use no '
        "quotation marks (write indirect speech)" for words in ("наёмниками", "иностранными агентами")]


def test_the_static_pass_of_a_translation_needs_each_quotes_translation_and_each_word_in_its_lists(tmp_path):
    page = (f'# T\n\nSaid {{{{ quote("alpha", "{KILLED}") }}}}.\n\n'
            f'Arrived: {{{{ figure("alpha", "{TROOPS}", "2,000", kind="csto-troops", date="2022-01-06", '
            'qualifier="about", unit="troops") }}.\n\n'
            f'- 6 January: troops.{{{{ event("alpha", "{TROOPS}", date="2022-01-06", label="Troops arrive") }}}}\n')
    project = make_project(tmp_path / "project", {"index.md": page})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "\nextra:\n", "\nextra:\n  editions:\n    - {lang: en, name: English}\n    - {lang: ru, name: Русский}\n", 1),
        encoding="utf-8")
    (project / "mkdocs.ru.yml").write_text("INHERIT: mkdocs.yml\nsite_url: https://example.org/p/ru/\n"
                                           "docs_dir: docs-ru\nsite_dir: site-ru\ntheme:\n  language: ru\n",
                                           encoding="utf-8")
    shutil.copytree(project / "docs", project / "docs-ru")
    checked, problems = check_editions(project)
    assert [str(problem) for problem in problems if problem.path.startswith("docs-ru/")] == [
        f'docs-ru/index.md:3: quote without its translation — quote("{KILLED}") — {ADD}',
        "docs-ru/index.md:5: no 'ru' words for a figure's unit — 'troops' — add `troops: …` under `units:` in "
        "macros/render/terms.ru.yml, as translations/ru.md renders it",
        "docs-ru/index.md:7: no 'ru' words for an event's label — 'Troops arrive' — add `Troops arrive: …` under "
        "`events:` in macros/render/terms.ru.yml, as translations/ru.md renders it"]
    assert [one.problems for _, one in checked][0] == []  # the original: the calls' own words, nothing to look up


def test_a_translated_quote_shows_our_words_marked_as_ours_and_its_reference_keeps_the_passage():
    quote, block = claims_of(f'Said {{{{ quote("alpha", "{KILLED}", translation="погибли не менее 238 человек") }}}}.'
                             f'\n\n{{{{ blockquote("alpha", "{KILLED}", translation="Погибли не менее 238 человек.") '
                             "}}\n")
    assert marker(quote, "ru") == '<q class="qq-quote">погибли не менее 238 человек</q>[^qq1]'
    assert "qq-blockquote\n\nПогибли не менее 238 человек&#46;\n\n— The Alpha Gazette, 7 января 2022 г&#46; " \
        '&#40;дата указана редакцией&#41; <span class="qq-ours">· перевод редакции</span>[^qq2]' in marker(block, "ru")
    note = footnote(quote, "ru")
    assert f'<q class="qq-passage" lang="en">{KILLED}</q> <span class="qq-ours">(в тексте — перевод редакции)</span>' \
        in note  # the passage in the sources' language, which a screen reader then reads as English
    assert '<q class="qq-passage">' in footnote(quote, "en")  # the original edition's page: no mark
    assert record(quote)["passage"] == KILLED and record(quote)["translation"] == "погибли не менее 238 человек"
    assert "translation" not in record(claims_of(f'Said {{{{ quote("alpha", "{KILLED}") }}}}.')[0])


def test_the_site_check_compares_a_translated_quote_with_our_translation_and_its_mark(tmp_path):
    """A translated quote shows the translation claims.json records, and its reference marks it as ours; the same
    words shown for an entry without one, a look-alike of a translated quote, are refused as any quote that is not
    its passage, and a reference's mark must be its quote's."""
    def problems(entry: dict, mark: str) -> list[str]:
        page = ('Said <q class="qq-quote">наши слова</q>[^qq1].\n\n[^qq1]: <span class="qq-source">Alpha</span>: '
                f'<q class="qq-passage">our words</q>{mark}\n')
        write = tmp_path / "site" / "index.html"
        write.parent.mkdir(exist_ok=True)
        write.write_text(markdown.markdown(page, extensions=["footnotes"]), encoding="utf-8")
        return [str(problem) for problem in check_proof_marks(BuiltSite.read(tmp_path / "site"), [entry],
                                                              MarkdownSources(None), "ru")]

    entry = {"page": "", "anchor": "fnref:qq1", "macro": "quote", "passage": "our words", "markdown": "docs/p.md:1"}
    ours = ' <span class="qq-ours">(в тексте — перевод редакции)</span>'
    by_hand = "quotes, figures, markers and references are written by the citation macros, never by hand"
    assert problems({**entry, "translation": "наши слова"}, ours) == []
    assert problems(entry, ours) == [
        f"site/index.html:1: quote that is not its passage — 'наши слова', where quote() wrote 'our words' — {by_hand}",
        "site/index.html:6: reference whose mark of our translation is not its quote's — 'Alpha: our words (в "
        f"тексте — перевод редакции) ↩' — {by_hand}"]
    assert problems({**entry, "translation": "наши слова"}, "") == [
        "site/index.html:6: reference whose mark of our translation is not its quote's — 'Alpha: our words ↩' — "
        f"{by_hand}"]


def test_a_figures_words_are_the_editions_from_its_list():
    area = {"qualifier": "over", "number": 2.7, "unit": "million square kilometres"}
    income = {"qualifier": "around", "number": 500, "unit": "€"}
    assert [figure_text(area, "en"), figure_text(income, "en")] == ["over 2.7 million square kilometres", "around €500"]
    assert [figure_text(area, "ru"), figure_text(income, "ru")] == ["свыше 2,7 млн кв. км", "около 500\xa0€"]
    assert term("events", "Russian troops arrive", "ru") == "Прибывают российские войска"
    assert term("subjects", "", "ru") == ""  # no subject, nothing to look up


def test_every_terms_file_holds_only_the_lists_and_each_entry_is_words():
    for language in languages_with_terms():
        lists, problems = lists_of(language)
        assert problems == [] and set(lists) <= set(LISTS)
        assert all(isinstance(words, str) and words.strip() for entries in lists.values() for words in entries.values())


def test_a_translation_adds_no_attribution_shaped_dash_its_passage_has_not():
    closing = "A closing paragraph – with a dash"
    calls = [f'{{{{ blockquote("alpha", "{KILLED}", translation="{words}") }}}}' for words in (
        "Погибли не менее 238 человек. — Верховный комиссар ООН", "Погибли не менее 238 человек, — сказал он",
        "Погибли не менее 238 человек — Верховный комиссар", "Погибших — не менее 238, с северо-запада")]
    calls.append(f'{{{{ blockquote("alpha", "{closing}", translation="Заключительный абзац, — с тире") }}}}')
    hint = ("translate the passage's words only: who said them is the citation's to tell, in its reference and a block "
            "quote's signature; a dash after a full stop, a comma or a quotation mark, or before a capital, stands "
            "only where the passage has a dash")
    assert problems_of("\n\n".join(calls) + "\n", translation=True) == [
        f'docs/p.md:1: translation with an attribution its passage does not give — «— Верховный комиссар ООН» in '
        f'translation="Погибли не менее 238 человек. — Верховный комиссар ООН" — {hint}',
        f'docs/p.md:3: translation with an attribution its passage does not give — «— сказал он» in '
        f'translation="Погибли не менее 238 человек, — сказал он" — {hint}',
        f'docs/p.md:5: translation with an attribution its passage does not give — «— Верховный комиссар» in '
        f'translation="Погибли не менее 238 человек — Верховный комиссар" — {hint}']
    assert not [problem for problem in problems_of("\n\n".join(calls) + "\n", translation=False)
                if "attribution" in problem]  # the original edition refuses any translation= (above)
