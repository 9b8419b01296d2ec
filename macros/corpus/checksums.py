"""seeds/SHA256SUMS: one `<sha256>  <file>` line per seed file, as `sha256sum` prints it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..problems import Problem, clip

CHECKSUMS = "SHA256SUMS"
LINE = re.compile(r"(?P<digest>[0-9a-fA-F]{64}) [ *](?P<name>.+)")
HINT = "write '<sha256>  <file name>', as `sha256sum <file>` prints it inside seeds/"


@dataclass(frozen=True)
class Checksum:
    name: str
    digest: str  # lower case
    line: int


def read_checksums(text: str, label: str) -> tuple[dict[str, Checksum], list[Problem]]:
    """The checksum of each file name, and a problem for every line that is not one."""
    where = f"{label}/{CHECKSUMS}"
    sums: dict[str, Checksum] = {}
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        found = LINE.fullmatch(line.rstrip())
        if not found:
            problems.append(Problem(where, number, "malformed checksum line", repr(clip(line, 80)), HINT))
            continue
        name = found["name"]
        if "/" in name or "\\" in name or name.startswith(".") or name != name.strip():
            problems.append(Problem(where, number, "checksum line names a file outside seeds/", repr(clip(name, 80)),
                                    "list each seed file by its plain name"))
        elif name in sums:
            problems.append(Problem(where, number, "a second checksum line for the same file",
                                    f"{name} (first on line {sums[name].line})", "keep one line per file"))
        else:
            sums[name] = Checksum(name, found["digest"].lower(), number)
    return sums, problems
