"""The pull-request check's part for a translation's words of the sources (seeds/catalogue.<language>.yml).

Those words are shown in every reference, tooltip and source page of their edition: a short name, a genre, a
language, a licence, how a field is known. No machine can tell whether «доклад ООН» is a fair rendering of "CEPA
commentary", so each word a pull request adds or changes is listed, with its source, its field and both values,
for a maintainer who reads it and adds the label `source-words` (changes.py). Not `source-correction`: translating
is not a change of attribution. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator

from .. import yamlfile
from .shown import around, one_line, typed
from .translation import is_words_file

WORDS_RULE = "a translation's words of a source added or changed"
REMOVED_RULE = "a translation's words of a source removed"
UNREADABLE_RULE = "a translation's words of the sources are not a mapping of valid YAML"
WORDS_ASK = ("they are shown in every reference and source page of the edition, and no check can tell whether they "
             "render the catalogue's words faithfully: a maintainer reads them, then adds the label 'source-words'")


def words_changes(base: dict[str, bytes], head: dict[str, bytes], label: str) -> Iterator[tuple]:
    """(path, line, rule, found) for every word of every words file that is not as it was at the base (a file
    that cannot be read is refused by the build itself, at its line: listed here as one change)."""
    for name in sorted({name for name in (*base, *head) if is_words_file(name)}):
        where = f"{label}/{name}"
        before, _ = _words(base.get(name))
        after, problem = _words(head.get(name))
        if problem is not None:
            yield where, problem[0], UNREADABLE_RULE, problem[1]
            continue
        for key, (value, line) in after.items():
            old = before.get(key, (None, 0))[0]
            if typed(old) != typed(value):
                old_shown, new_shown = around(old, value)
                yield where, line, WORDS_RULE, f"{_named(key)}: {old_shown} → {new_shown}"
        first = {}  # a source's first line in the new file: where a word of it was taken out
        for (source_id, _), (_, line) in after.items():
            first[source_id] = min(line, first.get(source_id, line))
        for key, (value, _) in before.items():
            if key not in after:
                yield where, first.get(key[0], 1), REMOVED_RULE, f"{_named(key)}: {one_line(value)}"


def _named(key: tuple) -> str:
    source_id, field = key
    return f"{one_line(source_id)} {field}" if field else one_line(source_id)


def _words(data: bytes | None) -> tuple[dict[tuple, tuple], tuple[int, str] | None]:
    """{(source id, 'genre.value'): (value, line)} as the build's loader reads the file, or where it cannot."""
    if data is None:
        return {}, None
    try:
        loaded = yamlfile.load(data.decode("utf-8", "replace"))
    except yamlfile.YamlProblem as error:
        return {}, (error.line, error.message)
    if loaded is None:
        return {}, None
    if not isinstance(loaded, yamlfile.LineDict):
        return {}, (1, "not a mapping of each source's id to its words")
    words = {}
    for source_id, entry in loaded.items():
        if not isinstance(entry, yamlfile.LineDict):
            words[(source_id, "")] = (entry, loaded.line_of(source_id))
            continue
        for key, value in entry.items():
            if isinstance(value, yamlfile.LineDict):
                words.update({(source_id, f"{key}.{inner}"): (text, value.line_of(inner))
                              for inner, text in value.items()})
            else:
                words[(source_id, str(key))] = (value, entry.line_of(key))
    return words, None
