"""`make bench`, part 2: the first-load weight of each page of the built site: its HTML and every stylesheet,
script and icon it loads, gzip level 6. The assets are read in the page as the HTML parser reads it (lexbor).
"""
from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

LOADED = 'link[rel~="stylesheet"][href], link[rel~="icon"][href], script[src]'  # what a first load fetches


def page_weights(site: Path) -> list[tuple[str, int]]:
    """(page, gzip bytes of the HTML and every stylesheet, script and icon it loads)."""
    sizes: dict[Path, int] = {}

    def gz(path: Path) -> int:
        if path not in sizes:
            data = path.read_bytes()
            sizes[path] = len(gzip.compress(data, 6)) if path.suffix in (".html", ".css", ".js", ".svg") else len(data)
        return sizes[path]

    weights = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        assets = {(page.parent / address).resolve() for address in assets_of(page.read_text(encoding="utf-8"))}
        weights.append((page.relative_to(site).as_posix(), gz(page) + sum(gz(a) for a in assets if a.is_file())))
    return weights


def assets_of(html: str) -> list[str]:
    """The paths of the site's own files the page loads, relative to the page (another host's are not counted)."""
    found = []
    for node in LexborHTMLParser(html).css(LOADED):
        parts = urlsplit(node.attributes.get("href" if node.tag == "link" else "src") or "")
        if not parts.scheme and not parts.netloc and parts.path:
            found.append(unquote(parts.path))
    return found


def report_weights(site: Path) -> tuple[float, float]:
    weights = page_weights(site)
    values = [weight for _, weight in weights]
    heaviest = max(weights, key=lambda item: item[1])
    print("\n2. First-load weight per page of the site (HTML + CSS + JS + icon, gzip -6)")
    print(f"   pages {len(values)}, median {statistics.median(values) / 1024:.1f} KiB (target <= 70), "
          f"max {heaviest[1] / 1024:.1f} KiB {heaviest[0]} (target <= 100)")
    return statistics.median(values) / 1024, heaviest[1] / 1024
