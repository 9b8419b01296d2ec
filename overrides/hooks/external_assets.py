"""MkDocs hook, one job: fail the build on any resource a page would load from another host.

Design §4: "Any reference to a third-party host for a resource the page loads (fonts,
scripts, styles, images, frames)". Every built page is parsed after rendering, and every
stylesheet in the site after the build; outbound <a href> links are fine (they are not
fetched on page load). All findings are listed, then the build fails.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# (tag, attribute) pairs whose URL the browser fetches on page load.
FETCHED = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
    ("iframe", "src"), ("frame", "src"), ("embed", "src"), ("object", "data"), ("video", "src"),
    ("video", "poster"), ("audio", "src"), ("track", "src"), ("input", "src"), ("image", "href"),
    ("image", "xlink:href"), ("use", "href"), ("use", "xlink:href"), ("form", "action"),
}
# <link rel=...> values that fetch or connect.
LINK_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon",
             "shortcut", "apple-touch-icon", "manifest", "mask-icon", "prerender"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)
EXTERNAL = re.compile(r"^\s*(//|[a-z][a-z0-9+.-]*:)", re.I)
HARMLESS_SCHEMES = ("data:", "about:", "blob:", "javascript:", "mailto:", "tel:", "#")

_findings: list[str] = []


def is_external(url: str) -> bool:
    url = url.strip()
    return bool(EXTERNAL.match(url)) and not url.lower().startswith(HARMLESS_SCHEMES)


TAG = re.compile(r"<!--.*?-->|<style\b[^>]*>(?P<css>.*?)</style>|<([a-zA-Z][\w:-]*)(\s[^<>]*?)?/?>", re.S)
ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


def _attributes(text: str) -> dict[str, str | None]:
    found = {}
    for match in ATTR.finditer(text or ""):
        value = next((group for group in match.groups()[1:] if group is not None), None)
        found.setdefault(match.group(1).lower(), html.unescape(value) if value is not None else None)
    return found


def _tag_findings(tag: str, attrs: dict[str, str | None]) -> list[tuple[str, str]]:
    found = []
    for name, value in attrs.items():
        if value is None:
            continue
        if (tag, name) in FETCHED:
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if name.endswith("srcset") else [value]
            found += [(f"<{tag} {name}>", url) for url in urls if is_external(url)]
        if name == "style":
            found += [(f"<{tag} style> url()", url) for url in _css_urls(value) if is_external(url)]
    if tag == "link" and attrs.get("href") and LINK_RELS & set((attrs.get("rel") or "").lower().split()):
        if is_external(attrs["href"]):
            found.append((f"<link rel={attrs.get('rel')}>", attrs["href"]))
    if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
        url = (attrs.get("content") or "").partition("=")[2].strip()
        if url and is_external(url):
            found.append(("<meta refresh>", url))
    return found


def scan_html(text: str) -> list[tuple[int, str, str]]:
    """(line, what, url) for every resource the page would load from another host.

    A regular-expression scan of the tags (html.parser was a tenth of a 5,000-citation build).
    """
    found, line, position = [], 1, 0
    for match in TAG.finditer(text):
        if match.group(0).startswith("<!--"):
            continue
        line += text.count("\n", position, match.start())
        position = match.start()
        if match.group("css") is not None:  # a <style> element
            found += [(line, "<style> url()", url) for url in _css_urls(match.group("css")) if is_external(url)]
            continue
        found += [(line, what, url) for what, url in _tag_findings(match.group(2).lower(), _attributes(match.group(3)))]
    return found


def _css_urls(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(text)]


def scan_css(text: str) -> list[tuple[int, str, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        found += [(number, "CSS url()/@import", url) for url in _css_urls(line) if is_external(url)]
    return found


def on_config(config):
    _findings.clear()


def on_post_page(output, page, config):
    where = f"site/{page.file.dest_uri}"
    for line, what, url in scan_html(output):
        _findings.append(f"{where}:{line}: external asset — {what} loads {url} — serve it from this site "
                         "(copy it under docs/assets/) or remove it")
    return output


def on_post_build(config):
    site = Path(config["site_dir"])
    for css in sorted(site.rglob("*.css")):
        for line, what, url in scan_css(css.read_text(encoding="utf-8", errors="replace")):
            _findings.append(f"site/{css.relative_to(site).as_posix()}:{line}: external asset — {what} {url} — "
                             "serve it from this site or remove it")
    if _findings:
        raise PluginError("Pages load resources from another host:\n" + "\n".join(_findings))
