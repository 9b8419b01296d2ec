"""Every word the engine writes comes from interface.<language>.yml, in the edition's language (theme.language).

The proof: the real Russian edition, built with a strings file that marks every value (⟦…⟧). In what the engine
writes (the generated pages, the visuals, the dateline, the references, the figure chips, the block quotes'
signatures, the theme's words and the JSON-LD), once the marked strings and the data (the sources, the claims,
the pages' titles, the map's names, a figure's and an event's words from terms.<language>.yml, Babel's month
names) are taken out, no letter may be left: a word left is a word written in code. The marked file is made from
interface.en.yml, so a key added there is marked too.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from babel.dates import get_month_names
from selectolax.lexbor import LexborHTMLParser

from macros.render import interface
from macros.siteurls import url_of
from macros.sitecheck import read_yaml
from tests.conftest import ROOT

LANGUAGE = "ru"  # the Russian edition, built with its strings file marked
TRANSLATION = f"mkdocs.{LANGUAGE}.yml"
INNERMOST_MARK = re.compile("⟦[^⟦⟧]*⟧")
ENGINE_MADE = (".qq-visual, .qq-visual-text, .qq-dateline, details.qq-references, .qq-correction, .qq-contributors, "
               "blockquote.qq-blockquote, .qq-figure, a.headerlink")  # the last: its title, Python-Markdown's
READ_ALOUD = ("title", "aria-label", "alt")
GENERATED = ("sources/", "figures/")


def marked(value, forms: list[str]):
    """The English file with every string marked, and each counted string in the forms the locale needs."""
    if isinstance(value, dict):
        counted = {key.rsplit(".", 1)[0] for key in value if key.endswith(".other")}
        out = {key: marked(item, forms) for key, item in value.items() if key.rsplit(".", 1)[0] not in counted}
        out.update({f"{key}.{form}": marked(value[f"{key}.other"], forms) for key in counted for form in forms})
        return out
    return f"⟦{value}⟧"


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    where = tmp_path_factory.mktemp("pseudo")
    strings = where / "strings"
    strings.mkdir()
    shutil.copy(interface.strings_file("en"), strings)
    english = yaml.safe_load(interface.strings_file("en").read_text(encoding="utf-8"))
    forms = [form for form in interface.PLURAL_FORMS if form in interface.forms_needed(LANGUAGE)]
    pseudo = {**marked(english, forms), interface.LOCALE: LANGUAGE}
    (strings / f"interface.{LANGUAGE}.yml").write_text(yaml.safe_dump(pseudo, allow_unicode=True), encoding="utf-8")
    project = where / "project"
    for folder in ("docs", "docs-ru", "seeds", "overrides"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ("mkdocs.yml", TRANSLATION):
        shutil.copy(ROOT / config, project / config)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(interface, "STRINGS", strings)
        patch.setenv("SOURCE_DATE_EPOCH", "1641427200")  # the dateline is drawn
        _forget_words()
        try:  # the translation, as `make build` builds it alone: its pages, its language, its strings file marked
            build(load_config(str(project / TRANSLATION), site_dir=str(where / "site")))
        finally:
            _forget_words()
    return where


def _forget_words() -> None:
    interface.words.cache_clear()
    interface.plural_forms.cache_clear()


def data_strings(project: Path) -> list[str]:
    """Everything the engine shows that is not its own words: the sources, the claims, the pages' titles (and
    their names in the menu and the site's, from the config), the map's credit and the locale's month names (Babel
    writes the dates), longest first."""
    from macros.check import check_project
    from macros.claims import FIGURE_KINDS
    from macros.render.labels import figure_text
    from macros.render.terms import lists_of
    from macros.render.visuals import BASEMAP

    config = read_yaml(project / TRANSLATION)
    checked = check_project(project, config["docs_dir"], translation=True, language=LANGUAGE)
    found = set(checked.titles(LANGUAGE).values()) | {config["site_name"]} | set(_menu_names(config["nav"]))
    for source in checked.corpus.sources.values():
        found |= {source.short, source.id, f"seeds/{source.file}", source.licence or "", source.url or "",
                  hashlib.sha256(source.text.encode("utf-8")).hexdigest()}
        found |= {paragraph.text for paragraph in source.paragraphs}
        for field in source.meta.values():
            found |= {str(field.value or ""), str(field.value or "").capitalize(), field.evidence or "",
                      field.note or ""}
    for claim in checked.all_claims():
        found |= {claim.match.passage, *map(str, claim.detail.values())} if claim.detail else {claim.match.passage}
        found |= {claim.call.args.get("translation") or ""}  # a quote's words, the page's
        if claim.figure:
            found |= {figure_text(claim.figure, LANGUAGE), *(str(value) for value in claim.figure.values())}
    found |= {about["label"] for about in FIGURE_KINDS.values()}
    found |= {words for entries in lists_of(LANGUAGE)[0].values() for words in entries.values()}  # terms.<lang>.yml
    found |= {BASEMAP["credit"], "г."}  # the map's names and notes are the strings file's (map_names, map_notes)
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            found |= set(get_month_names(width, context, locale=LANGUAGE).values())
    return sorted({" ".join(text.split()) for text in found if text and text.strip()}, key=len, reverse=True)


def _menu_names(nav) -> list[str]:
    if isinstance(nav, list):
        return [name for item in nav for name in _menu_names(item)]
    if isinstance(nav, dict):
        return [*nav, *(name for value in nav.values() for name in _menu_names(value))]
    return []


def engine_text(tree, url: str) -> list[str]:
    """The text and the read-aloud attributes of what the engine writes on a page."""
    if url.startswith(GENERATED):
        regions = [tree.css_first("article"), tree.css_first("head title")]
    else:
        regions = tree.css(ENGINE_MADE)
    texts = []
    for region in regions:
        texts.append(region.text(deep=True, separator=""))
        texts += [node.attributes[name] or "" for node in region.traverse(include_text=False)
                  for name in READ_ALOUD if name in node.attributes]
    return texts


def left_over(text: str, data: list[str]) -> str:
    text = " ".join(text.split())
    while INNERMOST_MARK.search(text):
        text = INNERMOST_MARK.sub(" ", text)
    for found in data:
        text = text.replace(found, " ")
    return " ".join(text.split())


def test_the_engine_writes_no_word_that_is_not_in_the_strings_file(pseudo_site):
    site, data = pseudo_site / "site", data_strings(pseudo_site / "project")
    pages = {url_of(path.relative_to(site).as_posix()): LexborHTMLParser(path.read_text(encoding="utf-8"))
             for path in sorted(site.rglob("index.html"))}
    assert {url for url in pages if url.startswith(GENERATED)} and pages[""].css_first(".qq-dateline")
    hard_coded = {}
    for url, tree in pages.items():
        for text in engine_text(tree, url):
            rest = left_over(text, data)
            if any(unicodedata.category(char).startswith("L") for char in rest):
                hard_coded.setdefault(url or "/", []).append(rest[:160])
    assert hard_coded == {}


def test_the_json_ld_is_in_the_editions_language(pseudo_site):
    site = pseudo_site / "site"
    found = [json.loads(script.text()) for path in sorted(site.rglob("index.html"))
             for script in LexborHTMLParser(path.read_text(encoding="utf-8")).css('script[type="application/ld+json"]')]
    articles = [data for data in found if data["@type"] == "Article"]
    [dataset] = [data for data in found if data["@type"] == "Dataset"]
    assert articles and all(data["inLanguage"] == LANGUAGE for data in articles)
    assert dataset["name"].startswith("⟦") and dataset["description"].startswith("⟦")
