"""The words every page shows around what the citations check, from code files a maintainer reviews: the terms of a
figure (macros/render/terms.<language>.yml), the interface's and Material's words (interface.<language>.yml). No
citation checks them, so they state no number and name no one their English does not, and a qualifier's words are
of its kind (round 6, attacks 35, 36, 38); the site's words that say what is checked are the glossary's (40).
"""
from __future__ import annotations

import shutil

import markdown
import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from macros.corpus.words_rules import unstated_months
from macros.render import interface, terms
from macros.render.interface_check import interface_problems
from tests.conftest import ROOT

HINT = ("no citation checks these words: translate the English ({}), giving no number or name it does "
        "not; a checked number reaches a page through a {{placeholder}} or a citation")
TERMS = "macros/render/terms.ru.yml"
STRINGS = "macros/render/interface.ru.yml"


def line_of(path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.startswith(text))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The engine's terms, bounds and strings files, in a folder a test may edit."""
    for name in ("terms.ru.yml", "bounds.ru.yml", "interface.en.yml", "interface.ru.yml"):
        shutil.copy(terms.FOLDER / name, tmp_path)
    monkeypatch.setattr(terms, "FOLDER", tmp_path)
    monkeypatch.setattr(interface, "STRINGS", tmp_path)
    for cached in (terms.lists_of, interface.words, interface.plural_forms):
        cached.cache_clear()
    yield tmp_path
    for cached in (terms.lists_of, interface.words, interface.plural_forms):
        cached.cache_clear()


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_engines_terms_and_strings_pass(folder):
    assert terms.lists_of("ru")[1] == [] and interface_problems("ru") == []


def test_a_term_states_no_number_and_a_qualifier_says_what_its_english_does(folder):
    edit(folder / "terms.ru.yml", "  more than: более", "  more than: менее")
    edit(folder / "terms.ru.yml", "  citizens: граждан", "  citizens: граждан, в том числе 100 детей,")
    edit(folder / "terms.ru.yml", "  about: около", "  about: не менее")
    citizens, about, more_than = (line_of(folder / "terms.ru.yml", f"  {term}:")
                                  for term in ("citizens", "about", "more than"))
    assert [str(problem) for problem in terms.lists_of("ru")[1]] == [
        f"{TERMS}:{citizens}: a term states a number its English does not — subjects 'citizens' '100' — "
        + HINT.format("'citizens'"),
        f"{TERMS}:{about}: a qualifier's words are not of its kind — 'about' (approximate): 'не менее' — "
        "use a wording of `approximate:` in macros/render/bounds.ru.yml, or add one there that says the same",
        f"{TERMS}:{more_than}: a qualifier's words are not of its kind — 'more than' (lower): 'менее' — "
        "use a wording of `lower:` in macros/render/bounds.ru.yml, or add one there that says the same"]


def test_an_event_label_may_say_the_number_its_english_says(folder):
    edit(folder / "terms.ru.yml", "Осенью приезжают два лидера ЕС", "Осенью приезжают три лидера ЕС")
    assert [str(problem) for problem in terms.lists_of("ru")[1]] == [
        f"{TERMS}:{line_of(folder / 'terms.ru.yml', '  Two EU')}: a term states a number its English does not — "
        "events 'Two EU leaders visited in the fall' 'три' — " + HINT.format("'Two EU leaders visited in the fall'")]


def test_a_kinds_words_are_read_against_its_english_label(folder):
    """A kind's English is its label in figure_kinds.yml ("Area (million square kilometres)"): «млн» translates it,
    and a number that label lacks is refused."""
    edit(folder / "terms.ru.yml", "  area: Площадь (млн кв. км)", "  area: Площадь (млрд кв. км)")
    english = "'Area (million square kilometres)'"
    assert [str(problem) for problem in terms.lists_of("ru")[1]] == [
        f"{TERMS}:{line_of(folder / 'terms.ru.yml', '  area:')}: a term states a number its English does not — "
        f"kinds 'area' 'млрд' — " + HINT.format(english)]


def test_materials_and_the_interfaces_words_state_no_number_and_name_no_one(folder):
    edit(folder / "interface.ru.yml", "footer.next: Вперёд", 'footer.next: "Вперёд: погибли 500 мирных жителей"\n'
         "  action.skip: Перейти к содержанию (все цифры проверены ООН)")
    edit(folder / "interface.ru.yml", "our_translation: перевод редакции", "our_translation: перевод 2 редакторов")
    line = line_of(folder / "interface.ru.yml", "  footer.next")
    assert [str(problem) for problem in interface_problems("ru")] == [
        f"{STRINGS}:{line_of(folder / 'interface.ru.yml', 'our_translation')}: an interface word states a number its "
        "English does not — 'our_translation' '2' — " + HINT.format("'our translation'"),
        f"{STRINGS}:{line}: an interface word states a number its English does not — theme 'footer.next' '500' — "
        + HINT.format("'Next'"),
        f"{STRINGS}:{line + 1}: an interface word names what its English does not — theme 'action.skip' 'ООН' — "
        + HINT.format("'Skip to content'")]


def test_an_interface_word_or_a_term_names_no_month_its_english_does_not(folder):
    """Round 7, 52: «Данные на {date} год (январь)» for "As of {date}" dated a year-only figure to January. Every
    form Babel writes a month in counts; a month the English names may be named («До 2 января» for "Before 2 January")."""
    edit(folder / "interface.ru.yml", 'figure_refers_to_year: "Данные на {date} год"',
         'figure_refers_to_year: "Данные на {date} год (январь)"')
    edit(folder / "terms.ru.yml", "  citizens: граждан", "  citizens: граждан (на 6 янв.)")
    assert [str(problem) for problem in interface_problems("ru")] == [
        f"{STRINGS}:{line_of(folder / 'interface.ru.yml', 'figure_refers_to_year')}: an interface word names a "
        "month its English does not — 'figure_refers_to_year' 'январь' — " + HINT.format("'As of '")]
    assert [str(problem) for problem in terms.lists_of("ru")[1]] == [
        f"{TERMS}:{line_of(folder / 'terms.ru.yml', '  citizens:')}: a term states a number its English does not — "
        "subjects 'citizens' '6' — " + HINT.format("'citizens'"),
        f"{TERMS}:{line_of(folder / 'terms.ru.yml', '  citizens:')}: a term names a month its English does not — "
        "subjects 'citizens' 'янв' — " + HINT.format("'citizens'")]
    assert list(unstated_months("До 2 января 2022 года", "Before 2 January 2022", "ru")) == []


def glossary_rows(section: str) -> dict[str, str]:
    """The rows of a table of translations/ru.md under its heading, as Python-Markdown makes them."""
    html = markdown.markdown((ROOT / "translations" / "ru.md").read_text(encoding="utf-8"), extensions=["tables"])
    tree, rows, inside = LexborHTMLParser(html), {}, False
    for node in tree.body.iter():
        if node.tag == "h2":
            inside = node.text(strip=True) == section
        elif inside and node.tag == "table":
            for row in node.css("tbody tr"):
                english, russian = (cell.text(strip=True) for cell in row.css("td")[:2])
                rows[english] = russian
    return rows


def test_the_site_words_that_say_what_is_checked_are_the_glossarys():
    """«перевод редакции» marks our translation: an interface string that is the glossary's English word says what
    the glossary says, and one that holds it holds the glossary's words (round 6, attack 40: «дословная цитата»)."""
    marks = ("our translation", "date inferred", "date supplied", "year inferred")  # what says how a thing is known
    rows = {word: words for word, words in glossary_rows("The site's words").items() if word in marks}
    assert set(rows) == set(marks) and rows["our translation"] == "перевод редакции"
    english, russian = (yaml.safe_load((interface.STRINGS / f"interface.{lang}.yml").read_text(encoding="utf-8"))
                        for lang in ("en", "ru"))
    checked = 0
    for key, text in english.items():
        for word, words in rows.items():
            if isinstance(text, str) and word.casefold() in text.casefold():
                assert words.casefold() in russian[key].casefold(), (key, word, words)
                checked += 1
    assert checked >= 5  # our_translation, the translation note, the three dates' marks
