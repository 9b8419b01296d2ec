"""The interface's words (interface.<language>.yml), Material's words under its `theme:` section and the terms
(terms.<language>.yml) are shown on every page, around and inside what the citations check, and no citation
checks them: like any text that needs no citation they state no number, and name no one («ООН»), that the English
words they translate do not (a {placeholder} is the engine's, filled with checked values). A term's English is its
key ("citizens", "Two EU leaders visited in the fall"); Material's words translate Material's, which state none.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
import string
from collections.abc import Iterator

from ..claims.figures import FIGURE_KINDS
from ..corpus.words_rules import ANY_ACRONYM, unstated_months, unstated_numbers
from ..problems import Problem
from .theme_words import ENGLISH, LANGUAGE_KEY, SEARCH_KEY, material_words

HINT = ("no citation checks these words: translate the English ({english}), giving no number or name it "
        "does not; a checked number reaches a page through a {{placeholder}} or a citation")


def _literal(text: str) -> str:
    """The text outside its {placeholders} (a text Python cannot parse as a format is read as it is)."""
    try:
        return " ".join(part for part, *_ in string.Formatter().parse(text))
    except ValueError:
        return text


def uncited_problems(label: str, line: int, what: str, value: str, english: str, language: str) -> Iterator[Problem]:
    """A number, then a name, of `value` that `english` does not give, at the value's line."""
    value, english = _literal(value), _literal(english)
    hint = HINT.format(english=repr(english[:60]) if english.strip() else "which states none")
    for number in unstated_numbers(value, english, language):
        yield Problem(label, line, "an interface word states a number its English does not", f"{what} {number!r}",
                      hint)
    for month in unstated_months(value, english, language):
        yield Problem(label, line, "an interface word names a month its English does not", f"{what} {month!r}", hint)
    for acronym in dict.fromkeys(ANY_ACRONYM.findall(value)):
        if not re.search(rf"\b{re.escape(acronym)}\b", english):
            yield Problem(label, line, "an interface word names what its English does not", f"{what} {acronym!r}",
                          hint)


def interface_word_problems(label: str, english: dict, translated: dict, theme, forms: set[str],
                            language: str) -> Iterator[Problem]:
    """Each string of a strings file against the English file's string of its key (a plural form the locale uses:
    its 'other'), and each of Material's words of its `theme:` section against Material's English word."""
    for key, (value, line) in sorted(translated.items()):
        group, _, form = key.rpartition(".")
        counterpart = english.get(key) or (english.get(f"{group}.other") if form in forms else None)
        if isinstance(value, str) and counterpart and isinstance(counterpart[0], str):
            yield from uncited_problems(label, line, repr(key), value, counterpart[0], language)
    materials = material_words(ENGLISH)
    for key, value in (theme.items() if isinstance(theme, dict) else ()):
        if isinstance(value, str) and key not in (LANGUAGE_KEY, SEARCH_KEY):
            yield from uncited_problems(label, theme.line_of(key), f"theme {key!r}", value,
                                        str(materials.get(key, "")), language)


def term_word_problems(label: str, lists: dict, language: str) -> Iterator[Problem]:
    """Each term against its English words: a subject «граждан, в том числе 100 детей,» for "citizens" is refused.
    A kind's English is its label (figure_kinds.yml: "Area (million square kilometres)"), not its key."""
    for name, entries in lists.items():
        for english, value in entries.items():
            if isinstance(value, str) and isinstance(english, str):
                said = FIGURE_KINDS.get(english, {}).get("label", english) if name == "kinds" else english
                yield from _term_numbers(label, entries.line_of(english), f"{name} {english!r}", value, said,
                                         language)


def _term_numbers(label: str, line: int, what: str, value: str, english: str, language: str) -> Iterator[Problem]:
    hint = HINT.format(english=repr(english[:60]))
    for number in unstated_numbers(value, english, language):
        yield Problem(label, line, "a term states a number its English does not", f"{what} {number!r}", hint)
    for month in unstated_months(value, english, language):
        yield Problem(label, line, "a term names a month its English does not", f"{what} {month!r}", hint)
