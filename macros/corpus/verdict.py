"""The pull-request check's verdict (changes.py): every change with what it needs, then one line saying how many a
label did not allow, or which labels allowed them all. Pure Python.
"""
from __future__ import annotations

from ..problems import counted


def report(changes: list, labels: set[str], base: str, editors_note: str) -> int:
    """Every change, then one line: how many are refused, or what the labels allowed."""
    refused = [change for change in changes if change.label not in labels]
    for change in changes:
        print(change.problem(labels))
    if refused:
        allowed = len(changes) - len(refused)
        print(f"{counted(len(refused), 'error')} in the pull-request check against {base}"
              + (f" ({allowed} allowed by a label)" if allowed else ""))
        return 1
    if not changes:
        print(f"no source or editors' note changed since {base}")
        return 0
    used = sorted({change.label for change in changes})
    notes = sum(change.label == editors_note for change in changes)
    changed = " and ".join(name for name, count in (("the sources", len(changes) - notes),
                                                    ("the editors' notes", notes)) if count)
    print(f"ok: {counted(len(changes), 'change')} to {changed} since {base}, allowed by the label"
          f"{'s' if len(used) > 1 else ''} {', '.join(used)}")
    return 0
