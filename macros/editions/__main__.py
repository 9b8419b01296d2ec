"""python -m macros.editions [SITE_DIR]: every edition built apart with `mkdocs build --strict` (each checks its own
pages and site), merged into SITE_DIR (site/ by default), and the merged site checked once: `make build`."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from ..problems import counted, report
from . import read_editions
from .merge import folder_problems, merge, merged_site_problems


def main(argv: list[str]) -> int:
    root = Path.cwd()
    name = argv[0] if argv else "site"
    site = root / name
    editions, problems = read_editions(root)
    if problems:
        print(report(problems, "in the editions"), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="qq-editions-") as work:
        built = {}
        for edition in editions:
            built[edition.lang] = Path(work) / edition.lang
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", edition.config,
                       "-d", str(built[edition.lang])]
            print(f"editions: building the {edition.lang} edition ({edition.config})", file=sys.stderr, flush=True)
            if subprocess.run(command, cwd=root).returncode:
                return 1
        problems = folder_problems(editions, built)
        if problems:
            print(report(problems, "in the editions"), file=sys.stderr)
            return 1
        entries = merge(editions, built, site)
    problems = merged_site_problems(root, editions, site, entries)
    if problems:
        print(report(problems, "in the merged site"), file=sys.stderr)
        return 1
    print(f"editions: {', '.join(edition.lang for edition in editions)} merged into {name}/, "
          f"{counted(len(entries), 'citation')}: every link and anchor of every edition resolves")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
