"""What a translation's words of a source (seeds/catalogue.<language>.yml, translation.py) may say beyond the
catalogue's English: nothing. Every reference and source page of the edition shows them, no citation checks them,
so they hold the same rule as any text that needs no citation, keyed by the English word they translate:

- a number only where the English word states the same (a note's «2 января 2022 года» for "2 January 2022"), and
  a quotation only of words the English word holds (a note quotes the source in English: «the author»);
- a short name keeps the English one's acronyms (CEPA) and the publisher's name it gives (The Independent), and
  takes no Latin word the English one lacks; no short
  name, supplied title, genre or licence has an acronym the English lacks («доклад ООН» for a think tank's text);
- a source's language is CLDR's name for the catalogue's language in the edition's locale («английский»), and an
  English genre or licence has one translation in the whole file: the same words for every source that has it.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from babel import Locale, UnknownLocaleError

from ..problems import Problem, clip
from ..quotation_marks import quotations, words
from ..written_numbers import locale_of
from .catalogue import CATALOGUE

ENGLISH = "en"
ONE = Decimal(1)
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
ANY_ACRONYM = re.compile(r"\b[^\W\d_a-zа-яё]{2,}\b")  # CEPA, ООН: capitals only, of any script
NAMING = ("short", "title.value", "genre.value", "licence")  # what names the source, or what it is
LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ][\wÀ-ɏ'’]*")
CLOSED = ("genre.value", "licence")  # one translation for each English value, in the whole file


def english_of(source, name: str) -> str | None:
    """The catalogue's English that a word translates ('short', 'licence', 'genre.value', 'date.note')."""
    if name == "short":
        return source.short  # what the English edition shows: the catalogue's short, else the author…
    if name == "licence":
        return source.licence
    field, _, key = name.partition(".")
    described = source.meta.get(field)
    return None if described is None else getattr(described, key, None)


def word_problems(source, given: dict[str, tuple[object, int]], where: str, language: str) -> Iterator[Problem]:
    """The problems of one source's words, each at its line."""
    for name, (value, line) in given.items():
        english = english_of(source, name)
        if not (isinstance(value, str) and isinstance(english, str)):
            continue
        at = f"'{source.id}': {name}"
        if name == "language.value":
            yield from _language(value, english, (where, line, at), language)
            continue
        for number in unstated_numbers(value, english, language):
            yield Problem(where, line, "a source's word states a number its English does not", f"{at} {number!r}",
                          f"translate the number of {CATALOGUE} ({english!r}), or remove it")
        for quoted in _unheld_quotations(value, english):
            yield Problem(where, line, "a source's word quotes what its English does not", f"{at} «{clip(quoted, 60)}»",
                          f"quote only words of {CATALOGUE} ({clip(english, 80)!r}), or word it without marks")
        if name == "short":
            yield from _short(value, english, (where, line, at), getattr(source.meta.get("publisher"), "value", None))
        if name in NAMING:
            for acronym in dict.fromkeys(ANY_ACRONYM.findall(value)):
                if not re.search(rf"\b{re.escape(acronym)}\b", english):
                    yield Problem(where, line, "a source's word names what its English does not", f"{at} {acronym!r}",
                                  f"translate {clip(english, 80)!r} of {CATALOGUE}, naming no one it does not")


def unstated_numbers(value: str, english: str, language: str) -> Iterator[str]:
    """The numbers of a translation that the English it translates does not state, by value («два» for "Two").
    A word for one is read as the pronoun it also is («ни одного из них» for "none of them"); a digit 1 is not."""
    from ..pages.prose_numbers import numbers_beyond, readings  # here: the pages package imports the corpus
    return (number for number in numbers_beyond(value, language, english)
            if not (readings(number, language) == {ONE} and not any(char.isdigit() for char in number)))


def unstated_months(value: str, english: str, language: str) -> Iterator[str]:
    """The months a translation names (Babel's names of them, each form the locale writes) that the English it
    translates does not name: «Данные на {date} год (январь)» for "As of {date}" dates what no passage dates."""
    english_names, names = _months("en"), _months(language)
    stated = {month for word in re.findall(r"\w+", english.casefold()) for month in english_names.get(word, ())}
    for word in dict.fromkeys(re.findall(r"\w+", value.casefold())):
        if names.get(word, set()) - stated:
            yield word


def _months(language: str) -> dict[str, set[int]]:
    """Each name of a month in the language, lower-cased, without its abbreviation's full stop: its months."""
    months: dict[str, set[int]] = {}
    locale = Locale.parse(locale_of(language))
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                months.setdefault(name.casefold().rstrip("."), set()).add(number)
    return months


def _folded(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _unheld_quotations(value: str, english: str) -> list[str]:
    """The quotations of the word that its English does not hold. Each quotation of the English may also be given
    translated, beside it or instead («вчера, 6 января» for ‘yesterday, 6 January’): as many quotations with no
    Latin letter as the English has (the source is in English: a quotation in it is its words, held verbatim)."""
    held = _folded(english)
    unheld = [words(found) for found in quotations(value) if _folded(words(found)) not in held]
    translations = [quoted for quoted in unheld if not LATIN_WORD.search(quoted)][:len(list(quotations(english)))]
    return [quoted for quoted in unheld if quoted not in translations]


def _short(value: str, english: str, place: tuple[str, int, str], publisher) -> Iterator[Problem]:
    """The English short name's acronyms (CEPA) and the publisher's name where it gives it (The Independent, which
    no edition translates) stay as they are; no Latin word comes in that the English lacks."""
    where, line, at = place
    names = ACRONYM.findall(english) + ([publisher] if isinstance(publisher, str) and publisher in english else [])
    for acronym in dict.fromkeys(names):
        if not re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", value):
            yield Problem(where, line, "a source's short name drops a name of its English one", f"{at} {value!r}",
                          f"keep {acronym!r} as the English short name {english!r} writes it")
    english_words = set(LATIN_WORD.findall(english))
    for word in dict.fromkeys(LATIN_WORD.findall(value)):
        if word not in english_words:
            yield Problem(where, line, "a source's short name adds a name its English one lacks", f"{at} {word!r}",
                          f"translate the English short name {english!r}, adding no name to it")


def _language(value: str, english: str, place: tuple[str, int, str], language: str) -> Iterator[Problem]:
    """CLDR's name of the catalogue's language, where CLDR names it (else the file's own list, same_words)."""
    try:
        names = Locale.parse(locale_of(language)).languages
    except (UnknownLocaleError, ValueError, TypeError):
        return
    codes = [code for code, name in Locale.parse(ENGLISH).languages.items() if name == english]
    expected = next((names[code] for code in codes if code in names), None)
    if expected is not None and value != expected:
        where, line, at = place
        yield Problem(where, line, "a source's language is not the catalogue's", f"{at} {value!r} for {english!r}",
                      f"write {expected!r}, CLDR's name of {english} in '{language}'")


def same_words(sources: dict, given: dict[str, dict[str, tuple[object, int]]], where: str) -> Iterator[Problem]:
    """Each English genre and licence translated one way: a second translation of it is refused at its line."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for source_id, words_of in given.items():
        for name in CLOSED:
            value, line = words_of.get(name, (None, 0))
            english = english_of(sources[source_id], name)
            if not (isinstance(value, str) and isinstance(english, str)):
                continue
            seen = first.setdefault((name, english), (value, source_id))
            if seen[0] != value:
                yield Problem(where, line, "a source's word translates an English value otherwise than another's",
                              f"'{source_id}': {name} {clip(value, 60)!r}",
                              f"{english!r} reads {clip(seen[0], 60)!r} for '{seen[1]}': give it the same words")
