"""The quotes' translations a pull request adds or changes, listed by the pull-request check (changes.py) for a
second reader: a translation is checked for its numbers and for an attribution's shape (claims/translations.py,
attributions.py), but no check can read whether it says what its passage says, and no more. A list, not a
failure: translating is the Russian edition's everyday work.

Each page is parsed by the static pass (read_page): a call's translation is what the build shows. Pure Python.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..claims.translations import ARGUMENT, QUOTES
from ..pages import MARKDOWN_SUFFIXES, Call, read_page
from ..problems import clip
from .files import as_read

RULE = "translation added or changed"
ASK = ("a second reader, fluent in the language, checks that it says what the passage says and no more (no figure, "
       "name or attribution of its own): no check can read its meaning")


def translations_to_read(base: dict[str, bytes], head: dict[str, bytes], label: str) -> Iterator[str]:
    """`path:line: …` for each quote's translation that the pages of a folder (both as {name: bytes}) hold and the
    same page at the base does not hold for the same passage: added, changed, or moved there."""
    for name, data in sorted(head.items()):
        if name.endswith(MARKDOWN_SUFFIXES) and base.get(name) != data:
            path = f"{label}/{name}"
            before = Counter(_read(call) for call in _translated(path, name, base[name])) if name in base else Counter()
            for call in _translated(path, name, data):
                if before[_read(call)]:
                    before[_read(call)] -= 1
                else:
                    yield (f'{path}:{call.line}: {RULE} — {call.macro}("{clip(call.args.get("passage", ""), 80)}") '
                           f'as «{clip(call.args[ARGUMENT], 300)}» — {ASK}')


def _translated(path: str, src: str, data: bytes) -> list[Call]:
    """The quotes of a page's file that give a translation, in order."""
    page, _ = read_page(path, src, as_read(data.decode("utf-8", "replace")))  # a page it refuses, the build refuses
    return [call for call in page.calls if call.macro in QUOTES and isinstance(call.args.get(ARGUMENT), str)]


def _read(call: Call) -> tuple[str, str]:
    return str(call.args.get("passage", "")), call.args[ARGUMENT]
