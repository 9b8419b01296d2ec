"""Checks of the built site: links and anchors (links.py) and orphan figures (orphans.py).

The build runs them from macros/hooks.py after MkDocs has written site/;
`python -m macros.sitecheck [PROJECT_DIR]` runs them on the last build (part of
`make check`). Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from .links import check_site, html_files, site_base
from .orphans import check_figures
from .problems import Problem


def check_built_site(site: Path, docs: Path, entries: list[dict], site_url: str | None = None,
                     docs_label: str = "docs", site_label: str = "site") -> list[Problem]:
    problems = check_site(site, docs, site_base(site_url), docs_label, site_label)
    problems += check_figures(site, entries, docs, docs_label, site_label)
    return sorted(set(problems))


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
    problems = check_built_site(site, docs, entries, config["site_url"], config["docs_dir"], config["site_dir"])
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} error(s) in {config['site_dir']}/", file=sys.stderr)
        return 1
    print(f"ok: every internal link and anchor of {len(html_files(site))} HTML files resolves; no orphan figure")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
