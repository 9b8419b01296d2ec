"""python -m macros.check [PROJECT_DIR]: the static pass alone, for contributors and pre-commit."""
from __future__ import annotations

import sys
from pathlib import Path

from .build import check_project


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    checked = check_project(root)
    for problem in checked.problems:
        print(problem)
    count = sum(len(claims) for claims in checked.claims.values())
    if checked.problems:
        print(f"{len(checked.problems)} error(s); {count} citations checked", file=sys.stderr)
        return 1
    print(f"ok: {count} citations on {len(checked.claims)} pages, {len(checked.corpus.sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
