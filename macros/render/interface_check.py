"""Each interface.<language>.yml checked against the English one before a build writes with it: the same keys,
the same {placeholders} in each string, a locale Babel knows, and for each counted string exactly the plural
forms that locale's rules use (CLDR, through Babel). Pure Python: nothing here imports MkDocs."""
from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path

from babel import UnknownLocaleError

from .. import yamlfile
from ..problems import Problem
from .map_names import map_name_problems
from .interface import LOCALE, PLURAL_FORMS, forms_needed, languages, strings_file
from .theme_words import SECTION, theme_problems
from .uncited_words import interface_word_problems
from .visuals.map import BASEMAP, HOME, shown_names
from .visuals.placement import misfits

ENGLISH = "en"
STEPS = "CONTRIBUTING: “Translating the interface”"


def every_interface_problem() -> list[Problem]:
    """The problems of every strings file beside the engine (`python -m macros.check` runs this)."""
    return [problem for language in languages() for problem in interface_problems(language)]


def interface_problems(language: str) -> list[Problem]:
    """The problems of the strings file of an edition whose theme.language is `language`."""
    path = strings_file(language)
    label = f"macros/render/{path.name}"
    if not path.is_file():
        return [Problem(label, 0, f"no interface strings for theme.language '{language}'", "",
                        f"add this file with every key of interface.{ENGLISH}.yml translated ({STEPS})")]
    translated, problem = _read(path, label)
    english, _ = _read(strings_file(ENGLISH), f"macros/render/interface.{ENGLISH}.yml")
    if problem or english is None:
        return [problem] if problem else []
    locale = translated.get(LOCALE)
    try:
        needed = forms_needed(locale) if isinstance(locale, str) else None
    except (UnknownLocaleError, ValueError):
        needed = None
    if needed is None:
        return [Problem(label, translated.line_of(LOCALE), "no locale Babel knows", repr(locale),
                        "give `locale:` the edition's locale, as Babel names it (en_GB, ru, kk)")]
    problems = _map_problems(label, translated) if language == ENGLISH else []
    problems += theme_problems(label, translated, language)  # Material's words: checked against Material's
    problems += _room_problems(label, translated)
    problems += list(map_name_problems(label, translated["map_names"], locale)) \
        if isinstance(translated.get("map_names"), dict) else []
    problems += interface_word_problems(label, _flat(english), _flat(translated), translated.get(SECTION), needed,
                                        language)
    return sorted(problems + list(_key_problems(label, _flat(english), _flat(translated), needed)))


def _map_problems(label: str, english: dict) -> list[Problem]:
    """The English file gives every name the map shows, and a note for each place places.yml notes: the other
    files give the same keys."""
    problems = []
    for key, wanted in (("map_names", shown_names()),
                        ("map_notes", {name for name, point in BASEMAP["points"].items() if point.get("note")})):
        given = english.get(key) if isinstance(english.get(key), dict) else {}
        problems += [Problem(label, english.line_of(key) if key in english else 0, f"{key} lacks a name of the map",
                             repr(name), "the map shows it (basemap/places.yml): give it as this edition writes it")
                     for name in sorted(wanted - set(given))]
        problems += [Problem(label, given.line_of(name), f"{key} names what the map does not show", repr(name),
                             "remove it, or add the place to basemap/places.yml and run make basemap")
                     for name in sorted(set(given) - wanted)]
    return problems


def _room_problems(label: str, translated: dict) -> list[Problem]:
    """Every name of the map finds a spot on it, in this edition's words (visuals/placement.py): once the file
    gives them all, as text."""
    given = translated.get("map_names")
    if not isinstance(given, dict) or set(given) != shown_names() or \
            not all(isinstance(text, str) for text in given.values()):
        return []  # the key checks name what is missing
    return [Problem(label, given.line_of(name), "a name the map has no room for", repr(given[name]),
                    "write it shorter, or give its label another spot in basemap/places.yml (side, nudge) and run "
                    "make basemap")
            for name in misfits(BASEMAP, given, HOME)]


def _read(path: Path, label: str) -> tuple[yamlfile.LineDict | None, Problem | None]:
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8"))
    except (yamlfile.YamlProblem, UnicodeDecodeError) as error:
        return None, Problem(label, getattr(error, "line", 0), "the strings file is not YAML",
                             str(error), "write it as interface.en.yml is written")
    if not isinstance(data, dict):
        return None, Problem(label, 1, "the strings file is not a mapping of keys to strings", "",
                             "write it as interface.en.yml is written")
    return data, None


def _flat(data: dict, prefix: str = "") -> dict[str, tuple[object, int]]:
    """'fields.title' -> (its value, its line), for every string of the file, nested keys joined with dots; not
    the theme: section, Material's words (theme_words.py)."""
    flat = {}
    for key, value in data.items():
        if not prefix and key == SECTION:
            continue
        name, line = f"{prefix}{key}", data.line_of(key) if hasattr(data, "line_of") else 0
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}."))
        else:
            flat[name] = (value, line)
    return flat


def _counted(keys) -> set[str]:
    """The strings chosen by a count: those with a form '.other'."""
    return {key.rsplit(".", 1)[0] for key in keys if key.endswith(".other")}


def _key_problems(label: str, english: dict, translated: dict, needed: set[str]) -> Iterator[Problem]:
    counted = _counted(english)
    forms = [form for form in PLURAL_FORMS if form in needed]
    wanted = {key: value for key, (value, _) in english.items() if key.rsplit(".", 1)[0] not in counted}
    wanted.update({f"{key}.{form}": english[f"{key}.other"][0] for key in counted for form in forms})
    for key in sorted(set(wanted) - set(translated)):
        rule = "plural form missing" if key.rsplit(".", 1)[0] in counted else "interface string missing"
        yield Problem(label, 0, rule, repr(key), f"translate interface.{ENGLISH}.yml's "
                      f"'{key if key in english else key.rsplit('.', 1)[0] + '.other'}'"
                      + (f" (the locale's plural forms: {', '.join(forms)})" if key not in english else ""))
    for key, (value, line) in sorted(translated.items()):
        if key not in wanted:
            group, _, form = key.rpartition(".")
            surplus = group in counted and form in PLURAL_FORMS
            yield Problem(label, line, "plural form the locale does not use" if surplus else "unknown interface "
                          "string", repr(key), f"the locale's plural forms are {', '.join(forms)}" if surplus
                          else f"interface.{ENGLISH}.yml has no such key: remove it, or add it there first")
        elif not isinstance(value, str):
            yield Problem(label, line, "interface string that is not text", repr(key), "write it as a YAML string")
        elif key != LOCALE:
            yield from _placeholder_problems(label, line, key, value, str(wanted[key]))


def _placeholder_problems(label: str, line: int, key: str, value: str, english: str) -> Iterator[Problem]:
    try:
        names, wanted = _placeholders(value), _placeholders(english)
    except ValueError as error:
        yield Problem(label, line, "a {placeholder} not written as Python writes one", f"'{key}': {error}",
                      "write each as {name}, and a brace of the text as {{ or }}")
        return
    if names != wanted:
        shown = lambda found: ", ".join(f"{{{name}}}" for name in sorted(found)) or "none"  # noqa: E731
        yield Problem(label, line, f"placeholders differ from interface.{ENGLISH}.yml",
                      f"'{key}' has {shown(names)}, the English {shown(wanted)}",
                      "keep every {placeholder} of the English string, untranslated, and add none")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


__all__ = ["every_interface_problem", "interface_problems"]
