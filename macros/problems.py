"""Error records, reported like a compiler's: path:line: rule — found — what to do."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    rule: str
    found: str = ""
    hint: str = ""

    def __str__(self) -> str:
        message = " — ".join(part for part in (self.rule, self.found, self.hint) if part)
        return f"{self.path}:{self.line}: {message}"


class CheckFailed(Exception):
    """Raised with every problem of a run, so a build lists them all before failing."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(problem) for problem in self.problems]
        count = len(lines)
        lines.append(f"{count} citation check error{'s' if count != 1 else ''}")
        return "\n".join(lines)
