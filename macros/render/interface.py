"""The words of the site's interface, from interface.<language>.yml: one file per edition's language.

The language is the edition's `theme.language` (mkdocs.yml), which the citations plugin passes to every
call that writes words: no function here guesses it. A key ending in a plural form (.one, .few, .many,
.other) is chosen by a count, with the plural rules of the file's `locale` as Babel gives them (CLDR).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from babel import Locale

from ..yamlfile import LOADER  # libyaml's safe loader, as MkDocs uses it
from . import formats

STRINGS = Path(__file__).parent  # where interface.<language>.yml are
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # CLDR's plural categories
LOCALE = "locale"  # the key of the Babel locale whose dates, numbers and plurals the edition writes


def strings_file(language: str) -> Path:
    return STRINGS / f"interface.{language}.yml"


def languages() -> list[str]:
    """The languages with a strings file: 'en', 'ru'."""
    return sorted(path.name.split(".")[1] for path in STRINGS.glob("interface.*.yml"))


@cache
def words(language: str) -> dict:
    """The interface words of one edition (read once per build process; the file is code, not content)."""
    return yaml.load(strings_file(language).read_text(encoding="utf-8"), Loader=LOADER)


def locale_of(language: str) -> str:
    """The Babel locale of an edition: 'en_GB' for English (Babel's plain `en` is American), 'ru'."""
    return words(language)[LOCALE]


def say(key: str, language: str, **values) -> str:
    """One interface string with its {placeholders} filled."""
    return words(language)[key].format(**values)


def say_count(key: str, count: int, language: str, **values) -> str:
    """'1 reference', '36 references'; «1 цитата», «2 цитаты», «5 цитат»: the form the locale's rules give."""
    form = plural_forms(language)(count)
    return words(language)[f"{key}.{form}"].format(count=formats.number(count, language), **values)


@cache
def plural_forms(language: str):
    """The locale's plural rule: a count -> 'one', 'few', 'many' or 'other' (Babel's CLDR data)."""
    return Locale.parse(locale_of(language)).plural_form


def forms_needed(locale: str) -> set[str]:
    """The plural forms a language's strings file gives for each counted key: its locale's, and 'other'."""
    return set(Locale.parse(locale).plural_form.tags) | {"other"}
