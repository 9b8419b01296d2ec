"""MkDocs hook, one job: fail the build on any resource a page would load from another host.

Design §4: "Any reference to a third-party host for a resource the page loads (fonts,
scripts, styles, images, frames)". Every built page is parsed after rendering, and every
stylesheet in the site after the build; outbound <a href> links are fine (they are not
fetched on page load). All findings are listed, then the build fails.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
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


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []  # (line, what, url)
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        line = self.getpos()[0]
        for name, value in attrs.items():
            if value is None:
                continue
            if (tag, name) in FETCHED:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name.endswith("srcset") else [value]
                self.found += [(line, f"<{tag} {name}>", url) for url in urls if is_external(url)]
            if name == "style":
                self.found += [(line, f"<{tag} style> url()", url) for url in _css_urls(value) if is_external(url)]
        if tag == "link" and attrs.get("href") and LINK_RELS & set((attrs.get("rel") or "").lower().split()):
            if is_external(attrs["href"]):
                self.found.append((line, f"<link rel={attrs.get('rel')}>", attrs["href"]))
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh" and "url=" in (attrs.get("content") or "").lower():
            url = attrs["content"].split("=", 1)[1].split("=", 1)[-1]
            if is_external(url):
                self.found.append((line, "<meta refresh>", url))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            line = self.getpos()[0]
            self.found += [(line, "<style> url()", url) for url in _css_urls(data) if is_external(url)]


def _css_urls(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(text)]


def scan_html(text: str) -> list[tuple[int, str, str]]:
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.found


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
