"""One strings file per edition's language (macros/render/interface.<language>.yml): each has every key of the
English file, the plural forms its locale's rules need (Babel's CLDR data), the same {placeholders}, and a
locale whose dates and numbers Babel writes; a broken or missing file is refused, with its path and line."""
from __future__ import annotations

import inspect
import pkgutil
import shutil

import pytest
import yaml

import macros
from macros.render import formats, interface
from macros.render.interface_check import every_interface_problem, interface_problems
from tests.conftest import CONFIG, build, make_project

RUSSIAN = interface.strings_file("ru")  # the engine's, read before a test puts a folder of its own in its place


def test_every_strings_file_has_the_english_keys_and_its_locales_plural_forms():
    assert {"en", "ru"} <= set(interface.languages())
    assert every_interface_problem() == []
    for language in interface.languages():
        counted = {key.rsplit(".", 1)[0] for key in interface.words("en") if key.endswith(".other")}
        forms = interface.forms_needed(interface.locale_of(language))
        assert counted and all({key for key in interface.words(language) if key.startswith(f"{name}.")}
                               == {f"{name}.{form}" for form in forms} for name in counted), language
    assert interface.forms_needed("ru") == {"one", "few", "many", "other"}
    assert interface.forms_needed("en_GB") == {"one", "other"}


def test_russian_counts_dates_and_numbers_come_from_babel():
    assert [interface.say_count("references", count, "ru") for count in (1, 2, 5, 21, 5000)] == [
        "1 ссылка", "2 ссылки", "5 ссылок", "21 ссылка", "5\xa0000 ссылок"]  # translations/ru.md: ссылки
    assert [interface.say_count("texts", count, "ru") for count in (1, 3, 11, 22)] == [
        "1 текст", "3 текста", "11 текстов", "22 текста"]
    assert [interface.say_count("references", count, "en") for count in (1, 2, 21)] == [
        "1 reference", "2 references", "21 references"]
    assert formats.date("2022-01-06", "ru") == "6 января 2022\u202fг."  # Babel's narrow no-break space before г.
    assert formats.number(5000, "ru") == "5\xa0000"


def test_no_function_the_plugin_calls_guesses_the_language():
    """A `language` parameter never has a default language: a call that forgets to pass the edition's fails. None
    may stand for "as the project's config gives it" (check_project, run from the command line)."""
    defaults = []
    for module in pkgutil.walk_packages(macros.__path__, "macros."):
        if module.name.endswith(("make_basemap", "__main__", ".siteurls")):
            continue  # `make basemap` and the commands are not the build; siteurls' `language` is a URL's folder
        loaded = __import__(module.name, fromlist=["_"])
        for _, function in inspect.getmembers(loaded, inspect.isfunction) + [
                (name, method) for _, cls in inspect.getmembers(loaded, inspect.isclass)
                for name, method in inspect.getmembers(cls, inspect.isfunction)]:
            parameter = inspect.signature(function).parameters.get("language")
            if parameter is not None and parameter.default not in (inspect.Parameter.empty, None) and \
                    function.__module__ == module.name:
                defaults.append(f"{module.name}.{function.__qualname__}")
    assert defaults == []


@pytest.fixture
def strings(tmp_path, monkeypatch):
    """A folder of strings files in place of the engine's, starting with its English one."""
    shutil.copy(interface.strings_file("en"), tmp_path)
    monkeypatch.setattr(interface, "STRINGS", tmp_path)
    interface.words.cache_clear()
    interface.plural_forms.cache_clear()
    yield tmp_path
    interface.words.cache_clear()
    interface.plural_forms.cache_clear()


def _russian(strings, edit) -> list[str]:
    text = edit(RUSSIAN.read_text(encoding="utf-8"))
    (strings / "interface.ru.yml").write_text(text, encoding="utf-8")
    return [str(problem) for problem in interface_problems("ru")]


def _line(key: str) -> int:
    lines = RUSSIAN.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(f"{key}:"))


def test_a_strings_file_that_differs_from_the_english_one_is_refused_at_its_line(strings):
    def broken(text: str) -> str:
        text = text.replace('references.many: "{count} ссылок"\n', "")  # a form Russian needs
        text = text.replace('texts.few: "{count} текста"\n', 'texts.few: "{count} текста"\ntexts.two: "два"\n')
        text = text.replace('home_page: Главная страница\n', "")
        text = text.replace('updated: "Обновлено {date}"', 'updated: "Обновлено {день}"')
        return text + "unused: слово\n"

    assert _russian(strings, lambda text: text) == []
    file = "macros/render/interface.ru.yml"
    assert _russian(strings, broken) == [
        f"{file}: interface string missing — 'home_page' — translate interface.en.yml's 'home_page'",
        f"{file}: plural form missing — 'references.many' — translate interface.en.yml's 'references.other' (the "
        "locale's plural forms: one, few, many, other)",
        f"{file}:{_line('texts.few') - 1}: plural form the locale does not use — 'texts.two' — the locale's plural "
        "forms are one, few, many, other",
        f"{file}:{_line('updated') - 1}: placeholders differ from interface.en.yml — 'updated' has {{день}}, the "
        "English {date} — keep every {placeholder} of the English string, untranslated, and add none",
        f"{file}:{len(RUSSIAN.read_text(encoding='utf-8').splitlines())}: unknown interface string — 'unused' — "
        "interface.en.yml has no such key: remove it, or add it there first",
    ]
    assert _russian(strings, lambda text: text.replace("locale: ru\n", "locale: xx_YY\n")) == [
        f"{file}:{_line('locale')}: no locale Babel knows — 'xx_YY' — give `locale:` the edition's locale, as "
        "Babel names it (en_GB, ru, kk)"]
    assert _russian(strings, lambda text: text.replace('"{count} ссылка"', '"{count ссылка"')) == [
        f"{file}:{_line('references.one')}: a {{placeholder}} not written as Python writes one — 'references.one': "
        "expected '}' before end of string — write each as {name}, and a brace of the text as {{ or }}"]


def test_an_edition_without_its_strings_file_is_refused_before_anything_is_built(tmp_path):
    project = make_project(tmp_path / "project", {"index.md": "# Home\n\nNo citations here.\n"})
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("\n  language: en\n", "\n  language: de\n"), encoding="utf-8")
    result = build(project, "-d", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "macros/render/interface.de.yml: no interface strings for theme.language 'de' — add this file with every " \
           "key of interface.en.yml translated (CONTRIBUTING: “Translating the interface”)" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_an_edition_writes_in_the_language_its_config_gives(tmp_path):
    """theme.language: ru — the engine's words, counts and dates, Python-Markdown's titles and the JSON-LD in
    Russian, with no other change to the project."""
    import json

    from selectolax.lexbor import LexborHTMLParser

    from macros.mkdocs_plugin.theme import edition_language

    page = ("# Главная\n\n## Раздел\n\nAt least 238 people were killed.{{ cite(\"alpha\", \"At least 238 people were "
            "killed\") }} Troops arrived.{{ cite(\"alpha\", \"about 2,000 troops arrived\") }}\n\n"
            "{{ visual(\"dateline\") }}\n")
    project = make_project(tmp_path / "project", {"index.md": page})
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("\n  language: en\n", "\n  language: ru\n"), encoding="utf-8")
    result = build(project, "-d", str(tmp_path / "site"), env={"SOURCE_DATE_EPOCH": "1641427200"})
    assert result.returncode == 0, result.stderr
    home = LexborHTMLParser((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert home.css_first("html").attributes["lang"] == "ru"
    assert home.css_first("details.qq-references summary").text() == "2 ссылки"
    assert home.css_first(".qq-dateline").text().split() == "Обновлено 6 января 2022 г. · Редакция Qandy Qantar".split()
    assert home.css_first("a.headerlink").attributes["title"] == "Постоянная ссылка"
    assert home.css_first("a.footnote-backref").attributes["title"] == "Вернуться к сноске 1 в тексте"
    assert home.css_first("a.qq-read").text() == "Читать в контексте"
    source = LexborHTMLParser((tmp_path / "site" / "sources" / "alpha" / "index.html").read_text(encoding="utf-8"))
    assert source.css_first("h2.qq-paragraph-number").text().startswith("Абзац ")
    [article] = [json.loads(script.text()) for script in home.css('script[type="application/ld+json"]')]
    assert article["inLanguage"] == "ru"
    assert edition_language({}) == "en" and edition_language({"language": "ru"}) == "ru"


def test_the_static_pass_checks_every_strings_file(strings, tmp_path):
    """`python -m macros.check` refuses a broken strings file of any edition, not only the one it builds."""
    from macros.check import check_project

    _russian(strings, lambda text: text.replace("home_page: Главная страница\n", ""))
    project = make_project(tmp_path / "project", {"index.md": "# Home\n\nNo citations here.\n"})
    assert "macros/render/interface.ru.yml: interface string missing — 'home_page' — translate interface.en.yml's " \
           "'home_page'" in [str(problem) for problem in check_project(project).problems]


def test_the_static_pass_names_an_edition_without_its_strings_file(tmp_path):
    """A language listed in extra.editions with no interface.<language>.yml is refused by `python -m macros.check`
    too, not only by its build."""
    from macros.check import check_editions

    project = make_project(tmp_path / "project", {"index.md": "# Home\n\nNo citations here.\n"})
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("\nextra:\n", "\nextra:\n  editions:\n    - {lang: en, name: "
                                                       "English}\n    - {lang: de, name: Deutsch}\n"), encoding="utf-8")
    (project / "docs-de").mkdir()
    (project / "mkdocs.de.yml").write_text("INHERIT: mkdocs.yml\nsite_url: " + CONFIG["site_url"] + "de/\n"
                                           "docs_dir: docs-de\nsite_dir: site-de\ntheme:\n  language: de\n",
                                           encoding="utf-8")
    assert "macros/render/interface.de.yml: no interface strings for theme.language 'de' — add this file with every " \
           "key of interface.en.yml translated (CONTRIBUTING: “Translating the interface”)" in [
               str(problem) for problem in check_editions(project)[1]]


def test_the_map_writes_its_names_as_the_edition_does():
    """The map's labels, key and notes come from map_names and map_notes, which give every name it can show."""
    from selectolax.lexbor import LexborHTMLParser

    from macros.render.visuals import Links
    from macros.render.visuals.map import BASEMAP, HOME, draw_map, shown_names

    for language in interface.languages():
        names = interface.words(language)["map_names"]
        assert set(names) == shown_names() and set(interface.words(language)["map_notes"]) == \
            {name for name, point in BASEMAP["points"].items() if point.get("note")}
        drawn = LexborHTMLParser(draw_map([], Links("/"), "index.md", language))
        labelled = [name for name, country in BASEMAP["countries"].items() if "label" in country]
        assert [text.text() for text in drawn.css("text.qq-country-label")] == [names[name] for name in labelled]
        assert drawn.css_first(".qq-map-key").text() == names[HOME]
    assert interface.words("ru")["map_names"]["Almaty"] == "Алматы"


def test_the_english_file_must_name_every_place_the_map_shows(strings):
    english = strings / "interface.en.yml"
    text = english.read_text(encoding="utf-8")
    line = text.splitlines().index("map_names:  # every name the map shows (its labelled countries and its places, "
                                   "basemap/places.yml), in this edition") + 1
    english.write_text(text.replace("  Almaty: Almaty\n", "  Atlantis: Atlantis\n"), encoding="utf-8")
    file = "macros/render/interface.en.yml"
    assert [str(problem) for problem in interface_problems("en")] == [
        f"{file}:{line}: map_names lacks a name of the map — 'Almaty' — the map shows it (basemap/places.yml): give "
        "it as this edition writes it",
        f"{file}:{line + 1}: map_names names what the map does not show — 'Atlantis' — remove it, or add the place to "
        "basemap/places.yml and run make basemap",
    ]


def test_a_name_the_map_has_no_room_for_is_refused_at_its_line(strings):
    """The map moves a label that would leave it or touch another (visuals/placement.py); one that no spot fits
    is refused, in the edition that writes it."""
    long = "Тянь-Шань, горная система Центральной Азии"
    problems = _russian(strings, lambda text: text.replace("  Tien Shan: Тянь-Шань\n", f"  Tien Shan: {long}\n"))
    line = RUSSIAN.read_text(encoding="utf-8").splitlines().index("  Tien Shan: Тянь-Шань") + 1
    assert problems == [f"macros/render/interface.ru.yml:{line}: a name the map has no room for — '{long}' — write it "
                        "shorter, or give its label another spot in basemap/places.yml (side, nudge) and run make "
                        "basemap"]
    assert interface_problems("en") == []


def test_a_sea_name_that_reaches_its_water_by_no_spot_is_refused_at_its_line(strings):
    """A sea's name lies on its water or beside it with a short leader line (visuals/placement.py): one too long for
    either is refused, in the edition that writes it."""
    long = "Каспийское море, крупнейшее бессточное озеро Земли"
    problems = _russian(strings, lambda text: text.replace("  Caspian Sea: Каспийское море\n",
                                                           f"  Caspian Sea: {long}\n"))
    line = RUSSIAN.read_text(encoding="utf-8").splitlines().index("  Caspian Sea: Каспийское море") + 1
    assert problems == [f"macros/render/interface.ru.yml:{line}: a name the map has no room for — '{long}' — write it "
                        "shorter, or give its label another spot in basemap/places.yml (side, nudge) and run make "
                        "basemap"]


@pytest.mark.parametrize("written", ['""', '" – "', '"2022"'])
def test_a_map_name_without_a_letter_is_refused_at_its_line(strings, written):
    """The map draws each name as the label of the place of its key (round 7, 60: an empty label)."""
    problems = _russian(strings, lambda text: text.replace("  Caspian Sea: Каспийское море\n",
                                                           f"  Caspian Sea: {written}\n"))
    line = RUSSIAN.read_text(encoding="utf-8").splitlines().index("  Caspian Sea: Каспийское море") + 1
    assert f"macros/render/interface.ru.yml:{line}: a map name holds no letter — Caspian Sea: " \
           f"{yaml.safe_load(written)!r} — the map draws it as the label of the place of its key: write that " \
           "place's name as this edition writes it" in problems


def test_a_map_name_that_is_another_places_is_refused_at_its_line(strings):
    """Almaty and Nur-Sultan swapped (round 7, 63): «Алматы» is CLDR's Russian name of Almaty's time zone; a
    country's name, drawn or labelled, is CLDR's; an English name or alias, and what the file gives another place."""
    lines = RUSSIAN.read_text(encoding="utf-8").splitlines()
    hint = ("the map draws it at the point of its key, with that place's citations: write the name of the place of "
            "its key, as this edition writes it")
    swapped = _russian(strings, lambda text: text.replace("  Almaty: Алматы\n", "  Almaty: X\n")
                       .replace("  Nur-Sultan: Нур-Султан\n", "  Nur-Sultan: Алматы\n")
                       .replace("  Almaty: X\n", "  Almaty: Нур-Султан\n"))
    assert swapped == [f"macros/render/interface.ru.yml:{lines.index('  Nur-Sultan: Нур-Султан') + 1}: a map name is "
                       f"another place's name — Nur-Sultan: 'Алматы' is the name of 'Almaty' in CLDR (ru) — {hint}"]
    sea = lines.index("  Caspian Sea: Каспийское море") + 1
    for written, said in (("Иран", "'Iran' in CLDR (ru)"), ("Astana", "'Nur-Sultan' in English")):
        assert _russian(strings, lambda text: text.replace("  Caspian Sea: Каспийское море\n",
                                                           f"  Caspian Sea: {written}\n")) == \
            [f"macros/render/interface.ru.yml:{sea}: a map name is another place's name — Caspian Sea: {written!r} is "
             f"the name of {said} — {hint}"]
    range_ = lines.index("  Tien Shan: Тянь-Шань") + 1
    assert _russian(strings, lambda text: text.replace("  Caspian Sea: Каспийское море\n",
                                                       "  Caspian Sea: Тянь Шань\n")) == [
        f"macros/render/interface.ru.yml:{sea}: a map name is another place's name — Caspian Sea: 'Тянь Шань' is the "
        f"name of 'Tien Shan' on line {range_} — {hint}",
        f"macros/render/interface.ru.yml:{range_}: a map name is another place's name — Tien Shan: 'Тянь-Шань' is the "
        f"name of 'Caspian Sea' on line {sea} — {hint}"]
    english = strings / "interface.en.yml"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("  Almaty: Almaty\n", "  Almaty: Nur-Sultan\n"), encoding="utf-8")
    assert [str(problem) for problem in interface_problems("en")] == [
        f"macros/render/interface.en.yml:{text.splitlines().index('  Almaty: Almaty') + 1}: a map name is another place's name — Almaty: 'Nur-Sultan' is the name "
        f"of 'Nur-Sultan' in English — {hint}"]
