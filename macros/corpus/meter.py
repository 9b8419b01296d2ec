"""What the searches of a run have read: the measure of the work that citations may cost.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations


class Meter:
    """What searches have read, in characters: str.find reads from where it starts to where it stops, and
    each step of Python between two searches counts as STEP characters. A run's citations read at most
    a limit (claims.READ_LIMIT), however its passages and sources are made."""

    STEP = 1_000  # a step of Python, about a microsecond: what str.find reads of 300 characters at its slowest

    def __init__(self):
        self.read = 0
        self.searches = 0

    def find(self, text: str, part: str, start: int = 0) -> int:
        position = text.find(part, start)
        self.searches += 1
        self.read += (position + len(part) if position >= 0 else len(text)) - start + self.STEP
        return position
