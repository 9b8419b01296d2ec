"""Values of the catalogue and lines of seed texts as the pull-request check (changes.py) compares and shows
them. Pure Python: nothing here imports MkDocs."""
from __future__ import annotations

import datetime
from itertools import zip_longest

SHOWN = 60  # characters of a changed value


def first_difference(old: bytes, new: bytes) -> tuple[int, str, str]:
    """The first line that differs, and the two versions of it around the first character that does."""
    pairs = zip_longest(old.decode("utf-8", "replace").split("\n"), new.decode("utf-8", "replace").split("\n"))
    for number, (before, after) in enumerate(pairs, 1):
        if before != after:
            return (number, *around(before, after))
    return 1, "bytes that are not UTF-8", "other bytes"


def plain(value):
    """A value as the build uses it: a date as YYYY-MM-DD (catalogue.py), a mapping by its fields."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def typed(value):
    """A value as the build uses it, with its type: YAML's `false` and `0` are equal in Python, not here."""
    value = plain(value)
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    return [typed(item) for item in value] if isinstance(value, list) else (type(value).__name__, value)


def one_line(value) -> str:
    """A value on one line, clipped: 'none' for a missing one."""
    value = plain(value)
    if value is None:
        return "none"
    if isinstance(value, str) and len(value) > SHOWN:
        return repr(value[:SHOWN - 1] + "…")
    shown = repr(value)
    return shown if len(shown) <= SHOWN else shown[:SHOWN - 1] + "…"


def around(before, after) -> tuple[str, str]:
    """Two values as shown, texts from a little before their first difference ('38' → '238', not the
    same first sixty characters twice)."""
    before, after = plain(before), plain(after)
    if not (isinstance(before, str) and isinstance(after, str)):
        return one_line(before), one_line(after)
    same = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
    start = max(0, same - SHOWN // 3)
    cut = lambda text: ("…" if start else "") + text[start:]  # noqa: E731
    return one_line(cut(before)), one_line(cut(after))
