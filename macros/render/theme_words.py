"""Material's own interface words (the search box, "Skip to content", the footer's "Previous" and "Next", `<html
lang>`, the search's language): Material's file of the edition's language, partials/languages/<language>.html,
under the `theme:` section of the site's strings file (interface.<language>.yml), which overrides/partials/
language.html puts first. A language Material ships no file for (Kazakh) takes them from that section alone, which
must then give every key of Material's English file, as Material has them: read from its en.html, with Jinja's
own parser, so that a key Material adds is asked of every such file.

The theme's templates are found as the installed package `material`, without importing it (or MkDocs). Pure
Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from jinja2 import Environment, nodes

from ..problems import Problem

SECTION = "theme"  # the strings file's section of Material's words
ENGLISH = "en"
LANGUAGE_KEY = "language"  # Material's <html lang> and hreflang: the edition's language itself
SEARCH_KEY = "search.config.lang"  # the stemmer of Material's search where the edition's config gives none
UNSAFE = set('<>"')  # Material writes its words into HTML and attributes unescaped
STEPS = "CONTRIBUTING: “Translating the interface”"


@cache
def material_languages() -> Path | None:
    """Material's folder of language files (templates/partials/languages), or None where Material is missing."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / "partials" / "languages"
    return folder if (folder / f"{ENGLISH}.html").is_file() else None


def search_languages() -> set[str]:
    """The languages Material's search can stem: English, and each of its lunr.<language>.min.js."""
    folder = material_languages()
    lunr = folder.parent.parent / "assets" / "javascripts" / "lunr" / "min" if folder else None
    names = [path.name.split(".") for path in lunr.glob("lunr.*.min.js")] if lunr else []
    return {ENGLISH} | {name[1] for name in names if len(name) == 4} - {"multi"}  # lunr.multi: several at once


def material_ships(language: str) -> bool:
    """Whether Material has a file of its words for this language (ru: yes; kk: no)."""
    folder = material_languages()
    return folder is not None and (folder / f"{language}.html").is_file()


@cache
def material_words(language: str) -> dict[str, str]:
    """The words of Material's file of a language, key -> text, as Jinja parses the file's one dictionary."""
    folder = material_languages()
    if folder is None or not (folder / f"{language}.html").is_file():
        return {}
    tree = Environment().parse((folder / f"{language}.html").read_text(encoding="utf-8"))
    return {pair.key.value: pair.value.value for table in tree.find_all(nodes.Dict) for pair in table.items
            if isinstance(pair.key, nodes.Const) and isinstance(pair.value, nodes.Const)}


def theme_problems(label: str, strings: dict, language: str) -> list[Problem]:
    """The problems of a strings file's `theme:` section: required, with every key of Material's en.html, where
    Material ships no file for the language; else optional, and then only Material's keys."""
    english = material_words(ENGLISH)
    if not english:
        return [Problem(label, 0, "Material's language files are not where the theme's package is",
                        "no material/templates/partials/languages/en.html", "install the pinned requirements")]
    section = strings.get(SECTION)
    ships = material_ships(language)
    if section is None and ships:
        return []
    if not isinstance(section, dict):
        found = "no theme: section" if section is None else f"theme: {type(section).__name__}"
        return [Problem(label, strings.line_of(SECTION) if section is not None else 0,
                        "Material has no words for this language", f"{found}; Material ships no {language}.html",
                        f"add a theme: section with every key of Material's {ENGLISH}.html translated ({STEPS})")]
    line = strings.line_of(SECTION)
    problems = [] if ships else [
        Problem(label, line, "a word of Material's missing", repr(key),
                f"Material ships no {language}.html: translate its {ENGLISH}.html's '{key}' ({english[key]!r}) "
                f"under theme:") for key in sorted(set(english) - set(section))]
    for key, value in section.items():
        problems += _word_problems(label, section.line_of(key), key, value, english, language)
    return problems


def _word_problems(label: str, line: int, key, value, english: dict, language: str) -> list[Problem]:
    if key not in english:
        return [Problem(label, line, "not a word of Material's", repr(key),
                        f"Material's {ENGLISH}.html has no such key: remove it")]
    if not isinstance(value, str) or not value:
        return [Problem(label, line, "a word of Material's that is not text", repr(key),
                        "write it as a YAML string (Material shows its English word for an empty one)")]
    if UNSAFE & set(value):
        return [Problem(label, line, "a word of Material's may not hold < > or \"", repr(key),
                        "Material writes it into the HTML unescaped: write “ ” for quotes")]
    if key == SEARCH_KEY and value not in search_languages():
        return [Problem(label, line, "Material's search has no such language", f"{value!r}",
                        "the search would fail in the browser: give one of "
                        f"{', '.join(sorted(search_languages()))} (the nearest in its script)")]
    if key == LANGUAGE_KEY and value != language:
        return [Problem(label, line, "the theme's language is the file's", f"{value!r} in interface.{language}.yml",
                        f"write language: {language}: Material writes it as the pages' <html lang>")]
    return []
