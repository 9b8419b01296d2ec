"""Checks of the built site: links and anchors (links.py), orphan figures (orphans.py), and
citation markers against claims.json.

The build runs them from macros/hooks.py after MkDocs has written site/;
`python -m macros.sitecheck [PROJECT_DIR]` runs them on the last build (part of
`make check`). Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

from .builtsite import BuiltSite, page_url
from .links import check_site, site_base
from .orphans import check_figures
from .problems import Problem

MARKER_ID = re.compile(r'\bid="(fnref:qq\d+)"')
BUG = "claims.json and the HTML must list the same markers: report this as a bug"


def check_built_site(site: BuiltSite, docs: Path, entries: list[dict], site_url: str | None = None,
                     docs_label: str = "docs", site_label: str = "site") -> list[Problem]:
    problems = check_site(site, docs, site_base(site_url), docs_label, site_label)
    problems += check_figures(site, entries, docs, docs_label, site_label)
    problems += check_markers(site, entries, site_label)
    return sorted(set(problems))


def check_markers(site: BuiltSite, entries: list[dict], site_label: str = "site") -> list[Problem]:
    """Every citation marker in the HTML has a claims.json entry, and every entry a marker."""
    expected = {(entry["page"], entry["anchor"]): entry for entry in entries}
    found = {}
    for path, text in site.pages.items():
        page = page_url(path)
        for match in MARKER_ID.finditer(text):
            found[(page, match.group(1))] = (path, text.count("\n", 0, match.start()) + 1)
    problems = []
    for (page, anchor), entry in expected.items():
        if (page, anchor) not in found:
            where, _, line = entry["markdown"].rpartition(":")
            problems.append(Problem(where, int(line), "citation without a marker in the built page",
                                    f"{page or '/'}#{anchor}", BUG))
    for (page, anchor), (path, line) in found.items():
        if (page, anchor) not in expected:
            problems.append(Problem(f"{site_label}/{path}", line, "marker without a citation in claims.json",
                                    f"{page or '/'}#{anchor}", BUG))
    return problems


def report(problems: list[Problem]) -> str:
    lines = [str(problem) for problem in problems]
    lines.append(f"{len(problems)} error{'s' if len(problems) != 1 else ''} in the built site")
    return "\n".join(lines)


def read_config(root: Path) -> dict:
    """The few mkdocs.yml settings the command-line checks need, without importing MkDocs."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python/… and !ENV tags
    path = root / "mkdocs.yml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) if path.is_file() else None
    data = data if isinstance(data, dict) else {}
    return {"site_url": data.get("site_url"), "docs_dir": data.get("docs_dir") or "docs",
            "site_dir": data.get("site_dir") or "site"}


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    config = read_config(root)
    site, docs = root / config["site_dir"], root / config["docs_dir"]
    if not (site / "index.html").is_file():
        print(f"sitecheck: {config['site_dir']}/ has not been built; `make build` builds it and checks every link")
        return 0
    built = (site / "index.html").stat().st_mtime
    if any(path.stat().st_mtime > built for path in docs.rglob("*.md")):
        print(f"sitecheck: note: {config['docs_dir']}/ changed after {config['site_dir']}/ was built; run `make build` to check the pages as they are")
    claims = site / "claims.json"
    entries = json.loads(claims.read_text(encoding="utf-8")) if claims.is_file() else []
    built = BuiltSite.read(site)
    problems = check_built_site(built, docs, entries, config["site_url"], config["docs_dir"], config["site_dir"])
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} error(s) in {config['site_dir']}/", file=sys.stderr)
        return 1
    print(f"ok: every internal link and anchor of {len(built.pages)} HTML files resolves; no orphan figure; "
          "every citation marker is in claims.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
