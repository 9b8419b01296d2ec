"""The words of the site's interface, from interface.<language>.yml: one place to translate them."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from ..yamlfile import LOADER  # libyaml's safe loader, as MkDocs uses it
from . import formats

HERE = Path(__file__).parent


@cache
def words(language: str = "en") -> dict:
    """The interface words of one edition (read once per build process; the file is code, not content)."""
    return yaml.load((HERE / f"interface.{language}.yml").read_text(encoding="utf-8"), Loader=LOADER)


def say(key: str, language: str = "en", **values) -> str:
    """One interface string with its {placeholders} filled."""
    return words(language)[key].format(**values)


def say_count(key: str, count: int, language: str = "en", **values) -> str:
    """'1 reference', '36 references': the form for the count."""
    form = "one" if count == 1 else "other"
    return words(language)[f"{key}.{form}"].format(count=formats.number(count, language), **values)
