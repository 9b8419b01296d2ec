"""Material's own words (the search box, "Skip to content", the footer's links, <html lang>, the search's language)
in an edition whose language Material ships no file for: the `theme:` section of its strings file
(macros/render/theme_words.py, overrides/partials/language.html).

The proof: a pseudo Kazakh edition of a tiny site, built once, with a strings file whose every word is marked
(⟦…⟧). Material's words come from it, and none of Material's English words is left around the pages' content.
A strings file without one of Material's keys is refused at its line; a language Material ships (Russian) may
give some of its words instead of Material's.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from jinja2 import Environment, FileSystemLoader
from selectolax.lexbor import LexborHTMLParser

from macros import written_numbers
from macros.render import interface
from macros.render.interface_check import interface_problems
from macros.render.theme_words import material_languages, material_words, search_languages
from tests.conftest import FIXTURES, ROOT, make_project

LANGUAGE = "kk"  # Material ships no partials/languages/kk.html
NOT_WORDS = ("language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator")
MARK = re.compile("⟦[^⟦⟧]*⟧")
PAGES = {"index.md": ("# Home\n\nA reporter wrote it down.", "# ⟦Home⟧\n\n⟦A reporter wrote it down⟧."),
         "more.md": ("# More\n\nThe same, again.", "# ⟦More⟧\n\n⟦The same, again⟧.")}  # pseudo, not Kazakh
CITATION = '{{ cite("alpha", "said the reporter\'s notes") }}\n'


def marked(value):
    if isinstance(value, dict):
        return {key: marked(item) for key, item in value.items()}
    return f"⟦{value}⟧" if isinstance(value, str) else value


def pseudo_strings() -> dict:
    """interface.en.yml marked, in Kazakh's plural forms, with Material's en.html marked as its theme: section: the
    language and the search's settings as they are, the Cyrillic stemmer of Material's search (it has no Kazakh)."""
    english = yaml.safe_load(interface.strings_file("en").read_text(encoding="utf-8"))
    forms = [form for form in interface.PLURAL_FORMS if form in interface.forms_needed(LANGUAGE)]
    counted = {key.rsplit(".", 1)[0] for key in english if key.endswith(".other")}
    strings = {key: marked(value) for key, value in english.items() if key.rsplit(".", 1)[0] not in counted}
    strings.update({f"{key}.{form}": marked(english[f"{key}.other"]) for key in counted for form in forms})
    theme = {key: value if key in NOT_WORDS else f"⟦{value}⟧" for key, value in material_words("en").items()}
    theme.update({"language": LANGUAGE, "search.config.lang": "ru"})
    return {**strings, interface.LOCALE: LANGUAGE, "theme": theme}


def kazakh_config() -> dict:
    """mkdocs.ru.yml made Kazakh: its whole list of plugins, its search's language left to the theme's words."""
    config = yaml.safe_load((ROOT / "mkdocs.ru.yml").read_text(encoding="utf-8"))
    for key in ("nav", "not_in_nav", "edit_uri"):
        config.pop(key, None)
    config["plugins"] = ["search" if plugin == {"search": {"lang": "ru"}} else plugin for plugin in config["plugins"]]
    config.update({"site_url": config["site_url"].replace("/ru/", f"/{LANGUAGE}/"), "docs_dir": f"docs-{LANGUAGE}",
                   "site_dir": f"site-{LANGUAGE}", "theme": {"language": LANGUAGE}})
    return config


@pytest.fixture(scope="module")
def kazakh(tmp_path_factory) -> Path:
    """The pseudo Kazakh edition's built site."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    where = tmp_path_factory.mktemp("kazakh")
    project = make_project(where / "project", {name: english + CITATION for name, (english, _) in PAGES.items()})
    for name, (_, kazakh) in PAGES.items():
        (project / f"docs-{LANGUAGE}").mkdir(exist_ok=True)
        (project / f"docs-{LANGUAGE}" / name).write_text(kazakh + CITATION, encoding="utf-8")
    source_words = yaml.safe_load((FIXTURES / "mini" / "seeds" / "catalogue.ru.yml").read_text(encoding="utf-8"))
    source_words = marked(source_words)
    source_words["alpha"]["language"]["value"] = "ағылшын тілі"  # CLDR's name of English in Kazakh (words_rules.py)
    (project / "seeds" / f"catalogue.{LANGUAGE}.yml").write_text(yaml.safe_dump(source_words, allow_unicode=True),
                                                                encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("\nextra:\n", "\nextra:\n  editions:\n    - {lang: en, name: "
                                                       f"English}}\n    - {{lang: {LANGUAGE}, name: ⟦Қазақша⟧}}\n"))
    (project / f"mkdocs.{LANGUAGE}.yml").write_text("INHERIT: mkdocs.yml\n" + yaml.safe_dump(kazakh_config()),
                                                    encoding="utf-8")
    strings = where / "strings"
    strings.mkdir()
    shutil.copy(interface.strings_file("en"), strings)
    (strings / f"interface.{LANGUAGE}.yml").write_text(yaml.safe_dump(pseudo_strings(), allow_unicode=True),
                                                      encoding="utf-8")
    numbers = where / "number_words"  # the engine's, and an empty list for Kazakh: the pages state no number
    shutil.copytree(written_numbers.WORDS_FILES, numbers, ignore=lambda _, names: [
        name for name in names if not name.startswith("number_words.")])
    (numbers / f"number_words.{LANGUAGE}.yml").write_text("{}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(interface, "STRINGS", strings)
        patch.setattr(written_numbers, "WORDS_FILES", numbers)
        _forget_words()
        try:
            build(load_config(str(project / f"mkdocs.{LANGUAGE}.yml"), site_dir=str(where / "site")))
        finally:
            _forget_words()
    return where / "site"


def _forget_words() -> None:
    interface.words.cache_clear()
    interface.plural_forms.cache_clear()


def around_the_content(tree) -> str:
    """What Material writes around a page's article, as a reader sees and hears it: text and the read-aloud
    attributes, scripts aside."""
    for node in tree.css("article, script"):
        node.decompose()
    texts = [tree.body.text(deep=True, separator=" ")]
    texts += [node.attributes[name] or "" for node in tree.body.traverse(include_text=False)
              for name in ("title", "aria-label", "placeholder", "alt") if name in node.attributes]
    return " ".join(texts)


def test_materials_words_come_from_the_strings_file_where_material_has_none(kazakh):
    theme = pseudo_strings()["theme"]
    tree = LexborHTMLParser((kazakh / "index.html").read_text(encoding="utf-8"))
    assert tree.css_first("html").attributes["lang"] == LANGUAGE
    assert tree.css_first("input.md-search__input").attributes["placeholder"] == theme["search.placeholder"]
    assert tree.css_first("a.md-skip").text(strip=True) == theme["action.skip"]
    assert tree.css_first("footer .md-footer__link--next").attributes["aria-label"].startswith(theme["footer.next"])
    assert [label.attributes["title"] for label in tree.css("[data-qq-palette] label")] == [
        f"⟦{name}⟧" for name in interface.words("en")["palette_toggle"].values()]
    translations = json.loads(tree.css_first("script#__config").text())["translations"]
    assert translations and all(value == theme[key] for key, value in translations.items())  # the search's counts
    search = json.loads((kazakh / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert search["lang"] == ["ru"] and search["separator"] == theme["search.config.separator"]


def test_no_english_word_of_material_is_left_around_the_content(kazakh):
    """Around a page's article, once the marked words are taken out, only the data is left: the site's name and
    the English edition's, which the switcher names in its own language; no word of Material's en.html, and none of
    mkdocs.yml's (the light/dark toggle's names are the strings file's palette_toggle)."""
    english = {value for key, value in material_words("en").items() if key not in NOT_WORDS}
    data = ("Qandy Qantar", "English")
    for page in ("index.html", "more/index.html"):
        left = MARK.sub(" ", around_the_content(LexborHTMLParser((kazakh / page).read_text(encoding="utf-8"))))
        assert [word for word in sorted(english) if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", left, re.I)] \
            == [], page
        for name in data:
            left = left.replace(name, " ")
        assert not re.search(r"\w", left), (page, left)


@pytest.fixture
def strings(tmp_path, monkeypatch):
    shutil.copy(interface.strings_file("en"), tmp_path)
    monkeypatch.setattr(interface, "STRINGS", tmp_path)
    _forget_words()
    yield tmp_path
    _forget_words()


KK_FILE = "macros/render/interface.kk.yml"


def written(strings, pseudo: dict) -> dict[str, int]:
    """The pseudo strings file written where the check reads it: each key's line."""
    text = yaml.safe_dump(pseudo, allow_unicode=True, width=200)
    (strings / "interface.kk.yml").write_text(text, encoding="utf-8")
    return {key: number for number, key in enumerate((row.strip().split(":")[0] for row in text.splitlines()), 1)}


def test_a_language_material_does_not_ship_is_refused_without_all_of_materials_words(strings):
    pseudo = pseudo_strings()
    del pseudo["theme"]["top"]
    pseudo["theme"]["footer.nxt"] = "⟦Next⟧"
    pseudo["theme"].update({"language": "ru", "search.config.lang": LANGUAGE})
    line = written(strings, pseudo)
    assert [str(problem) for problem in interface_problems(LANGUAGE)] == [
        f"{KK_FILE}:{line['theme']}: a word of Material's missing — 'top' — Material ships no kk.html: translate its "
        "en.html's 'top' ('Back to top') under theme:",
        f"{KK_FILE}:{line['footer.nxt']}: not a word of Material's — 'footer.nxt' — Material's en.html has no such key: "
        "remove it",
        f"{KK_FILE}:{line['language']}: the theme's language is the file's — 'ru' in interface.kk.yml — write language: "
        "kk: Material writes it as the pages' <html lang>",
        f"{KK_FILE}:{line['search.config.lang']}: Material's search has no such language — 'kk' — the search would fail "
        f"in the browser: give one of {', '.join(sorted(search_languages()))} (the nearest in its script)",
    ]
    assert {"en", "ru", "tr"} <= search_languages() and "multi" not in search_languages()
    del pseudo["theme"]
    (strings / "interface.kk.yml").write_text(yaml.safe_dump(pseudo, allow_unicode=True), encoding="utf-8")
    assert [str(problem) for problem in interface_problems(LANGUAGE)] == [
        f"{KK_FILE}: Material has no words for this language — no theme: section; Material ships no kk.html — add a "
        "theme: section with every key of Material's en.html translated (CONTRIBUTING: “Translating the interface”)"]


def test_a_word_of_materials_is_text_without_markup(strings):
    """Material writes its words into the HTML unescaped, and shows its English word for an empty one."""
    pseudo = pseudo_strings()
    pseudo["theme"].update({"footer.next": '⟦<b title="x">⟧', "top": ""})
    line = written(strings, pseudo)
    assert [str(problem) for problem in interface_problems(LANGUAGE)] == [
        f"{KK_FILE}:{line['footer.next']}: a word of Material's may not hold < > or \" — 'footer.next' — Material writes "
        "it into the HTML unescaped: write “ ” for quotes",
        f"{KK_FILE}:{line['top']}: a word of Material's that is not text — 'top' — write it as a YAML string (Material "
        "shows its English word for an empty one)"]


def render_t(language: str, theme_words: dict | None, ships: bool | None):
    """The override's t(), as Material's templates and its search plugin call it, without a build."""
    templates = material_languages().parent.parent
    env = Environment(loader=FileSystemLoader([str(ROOT / "overrides"), str(templates)]))
    theme = {"language": language}
    if theme_words is not None:
        theme.update({"qq_theme_words": theme_words, "qq_material_ships": ships})
    return env.get_template("partials/language.html", globals={"config": {"theme": theme}}).module.t


def test_a_language_material_ships_takes_the_strings_files_words_first():
    """The Russian file's «Вперёд» over Material's «Вперед»; Material's other words, and English's where Material's
    file has none; Material's alone without the citations plugin (`make bench`)."""
    words = interface.words("ru")["theme"]
    t = render_t("ru", words, True)
    assert (str(t("footer.next")), str(t("footer.previous")), str(t("language"))) == ("Вперёд", "Назад", "ru")
    assert str(render_t("ru", None, None)("footer.next")) == material_words("ru")["footer.next"] == "Вперед"
    assert str(render_t("mn", {}, True)("search.config.lang")) == "en"  # Material's mn.html has none: English's
    assert str(render_t(LANGUAGE, {"footer.next": "⟦Next⟧"}, False)("footer.next")) == "⟦Next⟧"


def test_without_materials_files_every_strings_file_is_refused(monkeypatch):
    from macros.render import theme_words

    monkeypatch.setattr(theme_words, "material_languages", lambda: None)
    theme_words.material_words.cache_clear()
    try:
        assert [str(problem) for problem in interface_problems("ru")] == [
            "macros/render/interface.ru.yml: Material's language files are not where the theme's package is — no "
            "material/templates/partials/languages/en.html — install the pinned requirements"]
    finally:
        theme_words.material_words.cache_clear()
