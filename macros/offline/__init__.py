"""`make offline`: a copy of the built site that works opened from disk (file://), as a zip.

    python -m macros.offline SITE_DIR OUT_DIR ZIP

Takes a normal build (directory URLs) and rewrites the copy for file://, where a link to
`background/` opens a folder listing and the theme's search cannot fetch its index:
- every relative link or asset URL that names a folder gets `index.html`;
- each edition's search index is also written as `search/search_index.js` (`var __index = ...`), which
  Material's bundle loads on file:// instead of fetching JSON, with its locations rewritten;
- the iframe-worker shim (MIT, squidfunk; vendored here from the npm package iframe-worker
  1.0.4) lets the search worker run from file://, as Material's own offline plugin does,
  without fetching it from a CDN;
- the Content-Security-Policy meta is removed: the shim runs the worker in an iframe it
  writes itself, which the online policy forbids. Nothing in the copy refers to another host.
Each page is read and written again with selectolax (lexbor), the site's HTML parser: the copy's
pages are the same documents, serialized by lexbor (`<!DOCTYPE html>`, no blank text in the head).
"""
from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ..siteurls import directory_index, scheme_of

HERE = Path(__file__).resolve().parent
SHIM = "assets/javascripts/iframe-worker-shim.js"
BUNDLE = "assets/javascripts/bundle."  # Material's bundle.<hash>.min.js
URL_ATTRIBUTES = ("href", "src")


def file_url(url: str) -> str:
    """A relative URL that works on file://: a folder gets its index.html."""
    if not url or url.startswith(("#", "/", "data:")) or scheme_of(url):
        return url
    path, hash_, fragment = url.partition("#")
    path, query_mark, query = path.partition("?")
    if path in (".", ".."):
        path += "/"
    if path.endswith("/"):
        path = directory_index(path)
    return path + query_mark + query + hash_ + fragment


def rewrite_page(html: str) -> str:
    """The page for file://, read and written again by selectolax (lexbor)."""
    page = LexborHTMLParser(html)
    for meta in page.css("meta[http-equiv]"):
        if (meta.attributes["http-equiv"] or "").lower() == "content-security-policy":
            meta.decompose()
    for name in URL_ATTRIBUTES:
        for node in page.css(f"[{name}]"):
            node.attrs[name] = file_url(node.attributes[name] or "")
    bundle = next((script for script in page.css("script[src]") if _is_bundle(script.attributes["src"] or "")), None)
    if bundle is not None:
        shim = LexborHTMLParser("<script></script>").css_first("script")
        shim.attrs["src"] = bundle.attributes["src"].rpartition(BUNDLE)[0] + SHIM
        bundle.insert_before(shim)
    return page.html


def _is_bundle(src: str) -> bool:
    name = src.rpartition(BUNDLE)[2]
    digest = name.removesuffix(".min.js")
    return BUNDLE in src and name.endswith(".min.js") and bool(digest) and set(digest) <= set("0123456789abcdef")


def search_index(site: Path) -> None:
    """Each edition's index (search/ and ru/search/), its locations relative to that edition's root."""
    for index_file in sorted(site.glob("**/search/search_index.json")):
        _inline_index(index_file)


def _inline_index(index_file: Path) -> None:
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        doc["location"] = file_url(doc["location"]) if doc["location"] else "index.html"
        if doc["location"].startswith("#"):
            doc["location"] = "index.html" + doc["location"]
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(text, encoding="utf-8")
    (index_file.parent / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def make_offline(site: Path, out: Path) -> Path:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(site, out)
    for page in out.rglob("*.html"):
        page.write_text(rewrite_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    search_index(out)
    for scripts in sorted({bundle.parent for bundle in out.glob(f"**/{BUNDLE}*.min.js")}):  # each edition's
        shutil.copy(HERE / "iframe-worker-shim.js", scripts / Path(SHIM).name)
        shutil.copy(HERE / "iframe-worker-LICENSE", scripts / "iframe-worker-LICENSE.txt")
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (out / name).unlink(missing_ok=True)
    (out / "README.txt").write_text(
        "Qandy Qantar, offline copy. Open index.html in a browser: navigation, search and\n"
        "citations work from disk, with no network. Each page's references link to the\n"
        "cited passage on its source page.\n", encoding="utf-8")
    return out


def make_zip(folder: Path, archive: Path, top: str = "qandy-qantar") -> Path:
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zipped.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
    return archive


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    site, out, archive = map(Path, argv)
    make_offline(site, out)
    make_zip(out, archive)
    size = archive.stat().st_size
    print(f"{archive}: {size / 1024:.0f} KiB; unzip it and open qandy-qantar/index.html")
    return 0


