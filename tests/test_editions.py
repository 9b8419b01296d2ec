"""The editions (macros/editions): one config per language, built apart, merged into one site and checked once.

The rules of the list of editions and the link check's view of one edition are checked on small samples; the
merged site is the real one, built once (`merged` in conftest.py) as `make build` builds it.
"""
from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.editions import Edition, edition_of, read_editions
from macros.editions.switcher import alternates, live_reload_policy
from macros.sitecheck.builtsite import BuiltSite
from macros.sitecheck.links import check_site
from macros.sitecheck.sources import MarkdownSources
from macros.render.search import CONTRIBUTORS_PAGE
from macros.render.theme_words import search_languages
from macros.siteurls import page_url, url_of
from macros.pages.converter import markdown_converter
from macros.pages.rendered import render, written_links
from macros.sitecheck import read_config
from tests.conftest import CONFIG, ROOT, build, parse

EXTENSIONS = read_config(ROOT)["markdown_extensions"]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EDITIONS = [Edition("en", "English", "mkdocs.yml", "", "docs", "site", "https://example.org/p/", ()),
            Edition("ru", "Русский", "mkdocs.ru.yml", "ru", "docs-ru", "site-ru", "https://example.org/p/ru/", ())]


# --- every config is a whole site: its plugins, its language ------------------------------------------------

def missing_plugins(config_file: Path) -> set[str]:
    """The plugins of the site's chain that MkDocs, loading the config, does not load."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return {"citations", "macros", "search"} - {name.rpartition("/")[2] for name in config.plugins}


def test_every_config_of_the_project_loads_the_citation_and_macros_plugins():
    from mkdocs.config import load_config

    configs = sorted(ROOT.glob("mkdocs*.yml"))
    assert {"mkdocs.ru.yml", "mkdocs.yml"} <= {config.name for config in configs}
    for config_file in configs:
        assert missing_plugins(config_file) == set(), config_file.name
        config = load_config(str(config_file))
        language = config.theme["language"]
        if language != "en" and language in search_languages():  # a translation's own search (English's: default)
            assert config.plugins["material/search"].config.lang == [language]


def test_a_translation_that_lists_only_search_loses_the_citation_plugin(tmp_path):
    """A child's `plugins:` replaces the parent's list: the test above fails on such a config."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs-kk").mkdir()
    (tmp_path / "mkdocs.kk.yml").write_text("INHERIT: mkdocs.yml\ndocs_dir: docs-kk\nplugins:\n  - search:\n"
                                            "      lang: ru\n", encoding="utf-8")
    assert missing_plugins(tmp_path / "mkdocs.kk.yml") == {"citations", "macros"}


def test_the_project_has_an_english_original_and_a_russian_translation():
    editions, problems = read_editions(ROOT)
    assert problems == []
    english, russian = editions[0], edition_of(editions, "ru")  # and any language added after them
    assert [(edition.lang, edition.folder, edition.config) for edition in (english, russian)] == [
        ("en", "", "mkdocs.yml"), ("ru", "ru", "mkdocs.ru.yml")]
    assert russian.site_url == CONFIG["site_url"] + "ru/"
    assert not (ROOT / russian.docs_dir).is_relative_to(ROOT / english.docs_dir)  # English never reads them


# --- the list of editions: each broken sample and its exact message ------------------------------------------

ORIGINAL = "site_url: https://example.org/p/\nextra:\n  editions:\n    - {lang: en, name: English}\n" \
           "    - {lang: ru, name: Русский}\n"
TRANSLATION = {"INHERIT": "mkdocs.yml", "site_url": "https://example.org/p/ru/", "docs_dir": "docs-ru",
               "site_dir": "site-ru", "theme": "{language: ru}"}
BROKEN = {
    "no config": (ORIGINAL, None, "mkdocs.yml: edition 'ru' has no config — no mkdocs.ru.yml — write mkdocs.ru.yml "
                                  "with INHERIT: mkdocs.yml (CONTRIBUTING: adding a language)"),
    "its language": (ORIGINAL, {"theme": "{language: en}"},
                     "mkdocs.ru.yml: an edition's theme.language is its language — 'en' in the edition 'ru' — "
                     "set theme.language: ru"),
    "pages inside the original's": (ORIGINAL, {"docs_dir": "docs/ru"},
                                    "mkdocs.ru.yml: an edition's pages are apart from another's — docs_dir 'docs/ru' "
                                    "and mkdocs.yml's 'docs' — set docs_dir: docs-ru, a folder beside docs"),
    "the original's pages": (ORIGINAL, {"docs_dir": None},
                             "mkdocs.ru.yml: an edition's pages are apart from another's — docs_dir 'docs' and "
                             "mkdocs.yml's 'docs' — set docs_dir: docs-ru, a folder beside docs"),
    "the original's site_dir": (ORIGINAL, {"site_dir": None},
                                "mkdocs.ru.yml: each edition has its own site_dir — 'site' is also mkdocs.yml's — "
                                "set site_dir: site-ru"),
    "not under its language": (ORIGINAL, {"site_url": "https://example.org/p/russian/"},
                               "mkdocs.ru.yml: a translation is served under its language — site_url "
                               "'https://example.org/p/russian/' — set site_url: https://example.org/p/ru/"),
    "not a list": ("extra:\n  editions: {en: English}\n", None,
                   "mkdocs.yml: extra.editions is not a list of editions — {'en': 'English'} — list each edition as "
                   "{lang: <code>, name: <its name in that language>}, the original first (CONTRIBUTING)"),
}


@pytest.mark.parametrize("original, changes, message", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_list_of_editions_is_refused_with_its_message(tmp_path, original, changes, message):
    (tmp_path / "mkdocs.yml").write_text(original, encoding="utf-8")
    if changes is not None:
        settings = {key: value for key, value in {**TRANSLATION, **changes}.items() if value is not None}
        (tmp_path / "mkdocs.ru.yml").write_text("".join(f"{key}: {value}\n" for key, value in settings.items()),
                                                encoding="utf-8")
    assert [str(problem) for problem in read_editions(tmp_path)[1]] == [message]


def test_a_language_without_number_words_is_refused(tmp_path):
    """Without its number_words.<lang>.yml, no number word of a translation's prose would be compared."""
    (tmp_path / "mkdocs.yml").write_text(ORIGINAL.replace("{lang: ru, name: Русский}", "{lang: kk, name: Қазақша}"),
                                         encoding="utf-8")
    settings = {**TRANSLATION, "site_url": "https://example.org/p/kk/", "docs_dir": "docs-kk", "site_dir": "site-kk",
                "theme": "{language: kk}"}
    (tmp_path / "mkdocs.kk.yml").write_text("".join(f"{key}: {value}\n" for key, value in settings.items()),
                                            encoding="utf-8")
    assert [str(problem) for problem in read_editions(tmp_path)[1]] == [
        "macros/pages/number_words.kk.yml: no number words for an edition's language — 'kk' (mkdocs.kk.yml) — write "
        "it as number_words.ru.yml is written: each number word in every form with its value, and the words by which "
        "a year reads as a date (CONTRIBUTING: adding a language)"]


def test_a_good_list_of_editions_reads_each_config(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "mkdocs.ru.yml").write_text("".join(f"{key}: {value}\n" for key, value in TRANSLATION.items()),
                                            encoding="utf-8")
    editions, problems = read_editions(tmp_path)
    assert problems == []
    assert editions[1] == Edition("ru", "Русский", "mkdocs.ru.yml", "ru", "docs-ru", "site-ru",
                                  "https://example.org/p/ru/", ())


def test_a_build_of_a_language_that_is_not_an_edition_fails_with_its_message(project):
    site = project({"index.md": "# Home\n"})
    (site / "docs-kk").mkdir()
    (site / "mkdocs.kk.yml").write_text("INHERIT: mkdocs.yml\ndocs_dir: docs-kk\ntheme:\n  language: kk\n",
                                        encoding="utf-8")
    result = build(site, "-f", "mkdocs.kk.yml")
    assert result.returncode == 1
    assert "mkdocs.kk.yml: theme.language is not an edition — 'kk'; mkdocs.yml's extra.editions lists en — add it " \
           "there (CONTRIBUTING: adding a language)" in result.stderr


def test_the_original_may_build_no_folder_where_a_translation_goes(tmp_path):
    from macros.editions.merge import folder_problems

    (tmp_path / "en" / "ru").mkdir(parents=True)
    assert [str(problem) for problem in folder_problems(EDITIONS, {"en": tmp_path / "en", "ru": tmp_path / "ru"})] == [
        "docs/ru: the original builds a folder where a translation goes — 'ru/' of the built site is the ru "
        "edition's — rename the page or folder that MkDocs builds as /ru/"]
    assert folder_problems(EDITIONS, {"en": tmp_path / "ru", "ru": tmp_path / "en"}) == []


def test_a_config_that_inherits_itself_reads_as_nothing_more(tmp_path):
    from macros.sitecheck import read_yaml

    (tmp_path / "a.yml").write_text("INHERIT: b.yml\nsite_url: https://example.org/\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("INHERIT: a.yml\ndocs_dir: pages\n", encoding="utf-8")
    assert read_yaml(tmp_path / "a.yml") == {"site_url": "https://example.org/", "docs_dir": "pages"}


# --- the switcher's links, and the policy under `make serve` -------------------------------------------------

def test_the_switcher_links_the_counterpart_else_the_other_editions_home():
    english, russian = EDITIONS
    russian_pages = {"index.md", "sources/index.md"}

    def hrefs(src, url, edition):
        return [(entry["lang"], entry["href"], entry["current"])
                for entry in alternates(src, url, edition, EDITIONS, lambda other, page: page in russian_pages)]

    assert hrefs("crackdown.md", "crackdown/", english) == [("en", "./", True), ("ru", "../ru/", False)]
    assert hrefs("sources/index.md", "sources/", english) == [("en", "./", True), ("ru", "../ru/sources/", False)]
    assert hrefs("index.md", "", english) == [("en", "./", True), ("ru", "ru/", False)]
    assert hrefs("sources/index.md", "sources/", russian) == [("en", "../../sources/", False), ("ru", "./", True)]
    assert hrefs("index.md", "", russian) == [("en", "../", False), ("ru", "./", True)]


def test_live_reload_adds_inline_scripts_to_script_src_only():
    policy = CONFIG["extra"]["csp"]
    relaxed = live_reload_policy(policy)
    assert relaxed == policy.replace("script-src 'self';", "script-src 'self' 'unsafe-inline';")
    assert live_reload_policy("default-src 'none'") == "default-src 'none'; script-src 'self' 'unsafe-inline'"


# --- the link check of one edition, and of the merged site -------------------------------------------------

def site_of(tmp_path: Path, pages: dict[str, str]) -> BuiltSite:
    for name, links in pages.items():
        path = tmp_path / "site" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><body>{links}</body></html>", encoding="utf-8")
    return BuiltSite.read(tmp_path / "site")


def test_the_original_alone_leaves_its_links_into_a_translation_to_the_merged_site(tmp_path):
    site = site_of(tmp_path, {"index.html": '<a href="ru/">ru</a> <a href="ru/figures/">ru</a>'})
    assert check_site(site, base="/p/", edition=("", frozenset({"ru"}))) == []
    assert [problem.rule for problem in check_site(site, base="/p/")] == ["broken link", "broken link"]


def test_a_translation_alone_leaves_its_links_out_of_its_folder_to_the_merged_site(tmp_path):
    site = site_of(tmp_path, {"index.html": '<a href="../crackdown/">en</a> <a href="/p/timeline/">en</a> '
                                            '<a href="figures/">missing</a>'})
    problems = check_site(site, base="/p/ru/", edition=("ru", frozenset()))
    assert [str(problem) for problem in problems] == [
        "site/index.html:1: broken link — 'figures/' — nothing is built at 'figures/'; link to an existing page's "
        ".md file (this link is generated, not written in a page)"]


def test_the_merged_site_finds_a_translations_broken_link_at_its_markdown_line(tmp_path):
    site = site_of(tmp_path, {"index.html": '<a href="ru/">ru</a>', "crackdown/index.html": "",
                              "ru/index.html": '<a href="../crackdown/">ok</a> <a href="../nothing/">broken</a>'})
    page, _ = parse("# Главная\n\n[ok](../crackdown/)\n\n[broken](../nothing/)\n", "index.md")
    written = {"docs-ru/index.md": written_links(render(page, markdown_converter(EXTENSIONS)))}  # the static pass's
    sources = MarkdownSources(tmp_path / "docs", "docs", (("ru", tmp_path / "docs-ru", "docs-ru"),))
    assert [str(problem) for problem in check_site(site, written, sources, "/p/")] == [
        "docs-ru/index.md:5: broken link — '../nothing/' — nothing is built at 'nothing/'; link to an existing "
        "page's .md file"]


# --- the merged site, built as `make build` builds it --------------------------------------------------------

def page_urls(site: Path, under: str = "") -> set[str]:
    """The URL path, inside the site, of every page built under a folder ('' for the whole site)."""
    return {url_of(path.relative_to(site).as_posix()) for path in (site / under).rglob("index.html")}


def test_each_page_says_its_editions_language_and_carries_the_built_policy(merged):
    """Built with QQ_LIVE_RELOAD=1, which only `mkdocs serve` obeys: the policy is mkdocs.yml's, on every page."""
    for path in merged.rglob("*.html"):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        inside = path.relative_to(merged).as_posix()
        assert tree.css_first("html").attributes["lang"] == ("ru" if inside.startswith("ru/") else "en"), inside
        policy = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
        assert policy == CONFIG["extra"]["csp"], inside
        # no <link rel=alternate>: Material's bundle fetches <its href>sitemap.xml for each (a 404 per page and
        # link) and sends clicks under it to that edition's home; the hreflang alternates are in the sitemap
        assert tree.css('link[rel="alternate"]') == [], inside


def test_claims_json_lists_both_editions_each_entry_unique_and_in_its_language(merged):
    entries = json.loads((merged / "claims.json").read_text(encoding="utf-8"))
    keys = [(entry["page"], entry["anchor"]) for entry in entries]
    assert len(keys) == len(set(keys))
    assert {entry["lang"] for entry in entries} == {"en", "ru"}
    for entry in entries:
        russian = entry["lang"] == "ru"
        assert entry["page"].startswith("ru/") == russian == entry["markdown"].startswith("docs-ru/"), entry["page"]
        assert entry["source_page"].startswith("ru/sources/") == russian
        assert (merged / entry["source_page"].partition("#")[0] / "index.html").is_file()
    assert not (merged / "ru" / "claims.json").exists()


def test_one_sitemap_lists_both_editions_with_each_pages_counterparts(merged):
    assert not (merged / "ru" / "sitemap.xml").exists()
    urls = ET.parse(merged / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    base = CONFIG["site_url"]
    listed = {url.findtext(f"{SITEMAP}loc").removeprefix(base): url for url in urls}
    assert set(listed) == page_urls(merged) - {"404.html"}
    russian = page_urls(merged, "ru")
    for path, url in listed.items():
        inside = path.removeprefix("ru/")
        pair = {"en": base + inside, "ru": base + "ru/" + inside}
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        if "ru/" + inside in russian and inside in listed:
            assert alternates == {**pair, "x-default": pair["en"]}, path
        else:
            assert alternates == {}, path
    assert "" in listed and "ru/" in listed and "crackdown/" in listed


def test_every_switcher_link_leads_to_the_counterpart_else_the_other_editions_home(merged):
    english, russian = page_urls(merged) - page_urls(merged, "ru"), page_urls(merged, "ru")
    assert {"", "figures/", "sources/"} <= {url.removeprefix("ru/") for url in russian}
    for url in english | russian:
        in_russian = url.startswith("ru/")
        inside = url.removeprefix("ru/")
        tree = LexborHTMLParser((merged / url / "index.html").read_text(encoding="utf-8"))
        links = {node.attributes["hreflang"]: node.attributes["href"] for node in tree.css("a.md-select__link")}
        assert set(links) == {"en", "ru"}, url
        counterpart = inside if in_russian else "ru/" + inside
        other = counterpart if counterpart in english | russian else ("" if in_russian else "ru/")
        assert posixpath.normpath(posixpath.join(url, links["en" if in_russian else "ru"])) == \
            (other.rstrip("/") or "."), url
        assert links["ru" if in_russian else "en"] == "./", url


def test_the_merged_site_holds_each_edition_as_it_was_built_alone(merged, built, tmp_path):
    """Nothing wiped by a --clean, nothing changed by the merge: the English files are an English build's, the
    Russian ones a Russian build's, but for the one claims.json and the one sitemap."""
    from tests.test_site import BUILD_DAY_FILES, differences, files_of, site_contents

    russian = tmp_path / "ru"
    result = build(ROOT, "-f", "mkdocs.ru.yml", "-d", str(russian))
    assert result.returncode == 0, result.stderr[-3000:]
    everything = site_contents(files_of(merged))
    merged_english = {name: data for name, data in everything.items() if not name.startswith("ru/")}
    merged_russian = {name[3:]: data for name, data in everything.items() if name.startswith("ru/")}
    alone_english = site_contents(files_of(built))
    alone_russian = site_contents(files_of(russian))
    assert differences(merged_english, alone_english) == ["claims.json"]
    assert differences(merged_russian, alone_russian) == ["claims.json"]
    assert BUILD_DAY_FILES <= set(files_of(merged)) and not BUILD_DAY_FILES & set(merged_russian)


def test_each_edition_searches_its_own_pages_in_its_own_language(merged):
    english = json.loads((merged / "search" / "search_index.json").read_text(encoding="utf-8"))
    russian = json.loads((merged / "ru" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and russian["config"]["lang"] == ["ru"]
    assert (merged / "ru" / "assets" / "javascripts" / "lunr" / "min" / "lunr.ru.min.js").is_file()
    for index, folder in ((english, ""), (russian, "ru")):
        pages = {doc["location"].partition("#")[0] for doc in index["docs"]}
        built = {url.removeprefix("ru/") for url in page_urls(merged, folder) if url.startswith("ru/") == bool(folder)}
        assert pages == built - {"404.html", page_url(CONTRIBUTORS_PAGE)}, folder  # the conventions: not indexed
    assert any("Токаев" in doc["text"] for doc in russian["docs"])
    assert not any("Токаев" in doc["text"] for doc in english["docs"])


def test_the_offline_copy_holds_both_editions_with_their_search(merged, tmp_path):
    from macros.offline import make_offline

    copy = make_offline(merged, tmp_path / "copy")
    for folder in (copy, copy / "ru"):
        assert (folder / "index.html").is_file()
        assert (folder / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
        assert (folder / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()
    home = LexborHTMLParser((copy / "ru" / "index.html").read_text(encoding="utf-8"))
    assert home.css_first('a.md-select__link[hreflang="en"]').attributes["href"] == "../index.html"


@pytest.mark.parametrize("arguments, config", [((), "mkdocs.yml"), (("LANG=ru",), "mkdocs.ru.yml")])
def test_make_serve_serves_the_edition_lang_names_and_never_a_locale(arguments, config):
    """`make serve LANG=ru` serves the Russian edition; LANG from the environment is a locale, not an edition."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    env = {**os.environ, "LANG": "ru_RU.UTF-8"}
    result = subprocess.run(["make", "-n", "--no-print-directory", "-f", str(ROOT / "Makefile"), "serve", *arguments],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    [serve] = [line for line in result.stdout.splitlines() if " serve " in line]
    assert serve.endswith(f"mkdocs serve --strict --dev-addr 127.0.0.1:8000 -f {config}"), serve
    assert "QQ_LIVE_RELOAD=1" in serve
