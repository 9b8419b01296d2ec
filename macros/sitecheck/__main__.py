"""python -m macros.sitecheck [PROJECT_DIR]: the checks of the last build in site/ (part of `make check`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..check import check_editions, links_by_page
from ..editions.merge import merged_site_config
from ..problems import counted, report
from . import SiteConfig, check_built_site, read_config
from .builtsite import BuiltSite
from .css import check_stylesheets


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    config = read_config(root)
    site, docs = root / config["site_dir"], root / config["docs_dir"]
    if not (site / "index.html").is_file():
        print(f"sitecheck: {config['site_dir']}/ has not been built; `make build` builds it and checks it")
        return 0
    built_at = (site / "index.html").stat().st_mtime
    if any(path.stat().st_mtime > built_at for path in docs.rglob("*.md")):
        print(f"sitecheck: note: {config['docs_dir']}/ changed after {config['site_dir']}/ was built; "
              "run `make build` to check the pages as they are")
    claims = site / "claims.json"
    entries = json.loads(claims.read_text(encoding="utf-8")) if claims.is_file() else []
    built = BuiltSite.read(site)
    checked, _ = check_editions(root)  # `make build` merges the editions into site/: their pages are checked there
    editions = [edition for edition, _ in checked]
    checks = merged_site_config(root, editions, config["site_dir"]) if len(editions) > 1 else \
        SiteConfig(config["site_url"], config["csp"], config["docs_dir"], config["site_dir"], frozenset(config["exempt"]),
                   language=config["language"])
    host = urlsplit(config["site_url"] or "").hostname or ""
    problems = check_built_site(built, docs, entries, checks, links_by_page(checked)) + \
        list(check_stylesheets(built, host, config["site_dir"]))
    if problems:
        print(report(problems, f"in {config['site_dir']}/"))
        return 1
    print(f"ok: {counted(len(built.pages), 'HTML file')}: every internal link and anchor resolves, no orphan figure, "
          "every proof mark comes from a citation in claims.json, no active content, nothing loaded from another "
          "host")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
