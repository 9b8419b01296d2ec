"""The site's editions, one per language: the original (mkdocs.yml: its pages in docs/, built at the site's root)
and each translation (mkdocs.<lang>.yml, which INHERITs mkdocs.yml: its pages in their own docs_dir, which the
original's build never reads, built under /<lang>/).

mkdocs.yml's `extra.editions` lists them, the original first, each with its language and its name in that
language (the switcher shows it). A site without the list is one edition. `python -m macros.editions` builds
every edition apart, merges them into one site and checks it (merge.py, __main__.py). Pure Python: nothing here
imports MkDocs (the editions are built by running it).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem
from ..sitecheck import read_config
from ..written_numbers import words_file

CONFIG = "mkdocs.yml"
HINT = "list each edition as {lang: <code>, name: <its name in that language>}, the original first (CONTRIBUTING)"


@dataclass(frozen=True)
class Edition:
    lang: str  # 'en', 'ru': theme.language of its config
    name: str  # in its own language: 'Русский'
    config: str  # its config file, in the project's folder: 'mkdocs.ru.yml'
    folder: str  # where it is built in the site: '' for the original, else its language
    docs_dir: str  # relative to the project's folder: 'docs-ru'
    site_dir: str
    site_url: str | None
    exempt: tuple[str, ...]  # the citations plugin's pages about the site

    @property
    def original(self) -> bool:
        return not self.folder


def config_of(lang: str, original: bool) -> str:
    return CONFIG if original else f"mkdocs.{lang}.yml"


def read_editions(root: Path) -> tuple[list[Edition], list[Problem]]:
    """The editions of the project in `root`, the original first, and what is wrong with the list."""
    config = read_config(root)
    listed = config["editions"]
    if listed is None:
        return [_edition(root, config["language"], "", True)], []
    entries = listed if isinstance(listed, list) else []
    if not entries or not all(_is_entry(entry) for entry in entries):
        return [], [Problem(CONFIG, 0, "extra.editions is not a list of editions", repr(listed)[:80], HINT)]
    editions, problems = [], []
    for index, entry in enumerate(entries):
        edition = _edition(root, entry["lang"], entry["name"], index == 0)
        problems += _edition_problems(root, edition, editions)
        editions.append(edition)
    return editions, problems


def _is_entry(entry) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("lang"), str) and isinstance(entry.get("name"), str) \
        and entry["lang"].isascii() and entry["lang"].isalpha() and entry["lang"].islower()


def _edition(root: Path, lang: str, name: str, original: bool) -> Edition:
    config = read_config(root, config_of(lang, original))
    return Edition(lang, name, config_of(lang, original), "" if original else lang, config["docs_dir"],
                   config["site_dir"], config["site_url"], tuple(config["exempt"]))


def _edition_problems(root: Path, edition: Edition, before: list[Edition]) -> list[Problem]:
    """Each translation is a config of its own, in its language, with its own folders, served under /<lang>/."""
    if not (root / edition.config).is_file():
        return [Problem(CONFIG, 0, f"edition '{edition.lang}' has no config", f"no {edition.config}",
                        f"write {edition.config} with INHERIT: {CONFIG} (CONTRIBUTING: adding a language)")]
    problems = []
    language = read_config(root, edition.config)["language"]
    if language != edition.lang:
        problems.append(Problem(edition.config, 0, "an edition's theme.language is its language",
                                f"'{language}' in the edition '{edition.lang}'", f"set theme.language: {edition.lang}"))
    problems += _number_words_problems(edition)
    for other in before:
        if Path(edition.docs_dir).is_relative_to(other.docs_dir) or Path(other.docs_dir).is_relative_to(edition.docs_dir):
            problems.append(Problem(edition.config, 0, "an edition's pages are apart from another's",
                                    f"docs_dir '{edition.docs_dir}' and {other.config}'s '{other.docs_dir}'",
                                    f"set docs_dir: docs-{edition.lang}, a folder beside {other.docs_dir}"))
            continue
        if other.site_dir == edition.site_dir:
            problems.append(Problem(edition.config, 0, "each edition has its own site_dir",
                                    f"'{edition.site_dir}' is also {other.config}'s", f"set site_dir: site-{edition.lang}"))
        wanted = (other.site_url or "").rstrip("/") + f"/{edition.folder}/"
        if other.original and edition.site_url != wanted:
            problems.append(Problem(edition.config, 0, "a translation is served under its language",
                                    f"site_url {edition.site_url!r}", f"set site_url: {wanted}"))
    return problems


def _number_words_problems(edition: Edition) -> list[Problem]:
    """A translation's pages state numbers in words too («пять», «тысяч»): without its language's list, the check of
    prose numbers would read none of them. English's are in the code (written_numbers.py)."""
    path = words_file(edition.lang)
    if edition.lang == "en" or path.is_file():
        return []
    return [Problem(f"macros/pages/{path.name}", 0, "no number words for an edition's language",
                    f"'{edition.lang}' ({edition.config})", "write it as number_words.ru.yml is written: each number "
                    "word in every form with its value, and the words by which a year reads as a date (CONTRIBUTING: "
                    "adding a language)")]


def edition_of(editions: list[Edition], lang: str) -> Edition | None:
    return next((edition for edition in editions if edition.lang == lang), None)
