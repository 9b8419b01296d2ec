"""Active content: no built page may run code, or load anything from another host.

Every HTML file in site/ is parsed as a browser parses it (lexbor, through
selectolax) and checked against allow-lists, whatever wrote it: a page's Markdown,
raw HTML in it, the engine's generated pages, or the theme.

- Everywhere: no event handler, no style attribute or element, no base, frame,
  object or embed; a script is one of the site's own files, or JSON data; meta
  and link elements only in the head, of known kinds; a form sends only to the
  site; no URL that runs script, and nothing loaded from another host. URLs are
  read as a browser reads them: entities decoded by the parser, then spaces and
  control characters at the ends, tabs and line breaks inside, and backslashes
  made slashes.
- In page content (the <article>): only the elements and attributes below.
- Every page starts its <head> with the site's Content-Security-Policy.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..problems import Problem, clip
from .builtsite import BuiltPage, BuiltSite
from .links import resolve
from .sources import MarkdownSources
from .urls import SCHEME, browser_url

NEVER = {"base", "frame", "frameset", "iframe", "object", "embed", "applet", "portal", "style", "param",
         "noembed", "xmp", "plaintext"}
CONTENT = {
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "picture", "pre", "q", "s", "samp",
    "section", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "var", "wbr",
    # drawings made by the engine: shapes and text, no scripts, styles, links to other files or animation
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "title", "desc",
}
GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "role", "tabindex", "hidden", "translate"}
CONTENT_ATTRIBUTES = GLOBAL_ATTRIBUTES | {
    "href", "hreflang", "rel", "target", "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding",
    "colspan", "rowspan", "scope", "headers", "abbr", "start", "reversed", "type", "value", "open", "datetime",
    "cite", "media", "span",
    "xmlns", "viewbox", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "points", "fill",
    "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity", "fill-opacity",
    "stroke-opacity", "fill-rule", "clip-rule", "transform", "text-anchor", "dominant-baseline", "font-size",
    "font-weight", "dx", "dy", "preserveaspectratio", "focusable", "vector-effect", "paint-order", "pathlength",
    "shape-rendering", "textlength", "letter-spacing",
}
URL_ATTRIBUTES = {"href", "src", "srcset", "imagesrcset", "action", "formaction", "poster", "data", "cite",
                  "background", "longdesc", "ping", "xlink:href", "codebase", "archive", "manifest", "icon", "lowsrc",
                  "dynsrc", "usemap", "classid", "profile", "xml:base"}
NAVIGATIONS = {("a", "href"), ("area", "href"), ("link", "href"), ("q", "cite"), ("blockquote", "cite"),
               ("del", "cite"), ("ins", "cite"), ("meta", "refresh")}
REFRESH = re.compile(r"\s*+\d*+(?:\.\d*+)?\s*+[;,]?\s*+(?:url\s*+=\s*+)?(?P<url>.*)", re.I | re.S)
LINK_SCHEMES = {"http", "https", "mailto"}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon",
                "mask-icon", "shortcut", "preconnect", "dns-prefetch", "prerender"}
LINK_RELS = LOADING_RELS | {"canonical", "prev", "next", "alternate", "search", "author", "license"}
META_NAMES = re.compile(r"viewport|description|generator|referrer|theme-color|color-scheme|robots|twitter:[\w:-]+")
IMAGE_DATA = re.compile(r"data:image/(?:png|jpeg|gif|webp|avif|svg\+xml)[;,]", re.I)
HINT = "pages hold text, links, images and citations: see SECURITY.md"
CSP_HINT = "every page extends the theme's main.html, which writes the policy first in <head>"


def check_active_content(site: BuiltSite, site_url: str | None, policy: str, sources: MarkdownSources,
                         site_label: str = "site") -> Iterator[Problem]:
    """Every element of every built page that could run code or load from elsewhere, as problems."""
    for path, page in site.pages.items():
        checker = _PageCheck(site, page, site_url, sources, site_label)
        yield from checker.csp(policy)
        yield from checker.elements()


class _PageCheck:
    def __init__(self, site: BuiltSite, page: BuiltPage, site_url: str | None, sources: MarkdownSources,
                 site_label: str):
        self.site, self.page, self.sources, self.site_label = site, page, sources, site_label
        self.host = urlsplit(site_url or "").hostname or ""
        self.base = urlsplit(site_url or "").path or "/"
        article = page.tree.css_first("article")
        self.content = {node.mem_id for node in article.traverse(include_text=False)} if article else set()
        self.head = {node.mem_id for node in page.tree.head.traverse(include_text=False)} if page.tree.head else set()

    def csp(self, policy: str) -> Iterator[Problem]:
        head = self.page.tree.head
        first = next((node for node in head.iter() if not node.tag.startswith("-")), None) if head else None
        attributes = first.attributes if first is not None else {}
        if first is None or first.tag != "meta" or (attributes.get("http-equiv") or "").lower() != \
                "content-security-policy" or attributes.get("content") != policy:
            yield Problem(f"{self.site_label}/{self.page.path}", 1, "page without the Content-Security-Policy "
                          "first in its head", "", CSP_HINT)

    def elements(self) -> Iterator[Problem]:
        for node in self.page.elements():
            tag = node.tag.lower()
            if tag.startswith("-"):
                continue  # a comment
            in_content = node.mem_id in self.content
            yield from self._element(node, tag, in_content)
            for name, value in node.attributes.items():
                yield from self._attribute(node, tag, name.lower(), value or "", in_content)

    def _element(self, node, tag: str, in_content: bool) -> Iterator[Problem]:
        if tag in NEVER or (in_content and tag not in CONTENT):
            where = "in page content" if in_content and tag not in NEVER else "on a page"
            yield self._problem(f"<{tag}> elements are not allowed {where}", f"<{tag}>", f"<{tag}")
        elif tag == "script":
            yield from self._script(node)
        elif tag in ("meta", "link") and node.mem_id not in self.head:
            yield self._problem(f"<{tag}> elements belong in the theme's <head>", f"<{tag}>", f"<{tag}")
        elif tag == "meta" and not self._known_meta(node.attributes):
            yield self._problem("unknown kind of <meta>", clip(str(node.attributes), 80), "<meta")
        elif tag == "meta" and (node.attributes.get("http-equiv") or "").lower() == "refresh":
            target = REFRESH.match(node.attributes.get("content") or "").group("url").strip("'\" ")
            yield from self._urls(node, tag, "refresh", target)
        elif tag == "link" and not set((node.attributes.get("rel") or "").lower().split()) <= LINK_RELS:
            yield self._problem("unknown kind of <link>", f"rel={node.attributes.get('rel')!r}", "<link")

    def _script(self, node) -> Iterator[Problem]:
        attributes = node.attributes
        src = attributes.get("src")
        if src is None and (attributes.get("type") or "").lower() == "application/json":
            return  # data the theme reads, never run
        if src is None or (node.text() or "").strip():
            yield self._problem("inline scripts are not allowed", clip(node.text() or "<script>", 60), "<script")
        elif self._target_file(src) is None:
            yield self._problem("a script must be one of the site's own files", repr(clip(src, 80)), src)

    @staticmethod
    def _known_meta(attributes: dict) -> bool:
        if "charset" in attributes:
            return len(attributes) == 1
        if attributes.get("http-equiv") is not None:
            return attributes["http-equiv"].lower() in ("content-security-policy", "refresh")
        name, prop = attributes.get("name"), attributes.get("property")
        return bool(name and META_NAMES.fullmatch(name.lower())) or bool(prop and prop.startswith("og:"))

    def _attribute(self, node, tag: str, name: str, value: str, in_content: bool) -> Iterator[Problem]:
        if name.startswith("on"):
            yield self._problem("event handler attributes are not allowed", f"{name} on <{tag}>", f"{name}=", f"<{tag}")
        elif name in ("style", "srcdoc"):
            yield self._problem(f"{name} attributes are not allowed", f"{name} on <{tag}>", f"{name}=", f"<{tag}")
        elif in_content and not (name in CONTENT_ATTRIBUTES or name.startswith("aria-")
                                 or (name.startswith("data-") and not name.startswith("data-md-"))):
            yield self._problem("attribute not allowed in page content", f"{name} on <{tag}>", f"{name}=", f"<{tag}")
        elif name in URL_ATTRIBUTES:
            yield from self._urls(node, tag, name, value)

    def _urls(self, node, tag: str, name: str, value: str) -> Iterator[Problem]:
        urls = [part.split()[0] for part in value.split(",") if part.split()] if name.endswith("srcset") else \
            value.split() if name == "ping" else [value]
        for url in urls:
            url = browser_url(url)
            scheme = SCHEME.match(url)
            scheme = scheme.group(1).lower() if scheme else ""
            navigation = (tag, name) in NAVIGATIONS and not (tag == "link" and self._loading(node))
            if navigation and (scheme in LINK_SCHEMES or not scheme):
                continue
            if not navigation and tag == "img" and name in ("src", "srcset") and IMAGE_DATA.match(url):
                continue
            if scheme and scheme not in ("http", "https"):
                yield self._problem("a URL that runs script or leaves the web is not allowed",
                                    f"{name}={clip(value, 80)!r} on <{tag}>", scheme + ":", value, f"<{tag}")
            elif not navigation and not self._same_site(url):
                yield self._problem("nothing may load from another host", f"<{tag} {name}> loads {clip(url, 80)}",
                                    value, f"<{tag}")

    @staticmethod
    def _loading(node) -> bool:
        return bool(set((node.attributes.get("rel") or "").lower().split()) & LOADING_RELS)

    def _same_site(self, url: str) -> bool:
        parts = urlsplit(url)
        if not parts.scheme and not url.startswith("//"):
            return True
        return bool(self.host) and (parts.hostname or "") == self.host

    def _target_file(self, url: str) -> str | None:
        """The file in site/ a same-site URL names, if it exists."""
        url = browser_url(url)
        if SCHEME.match(url) or url.startswith("//"):
            return None
        target = resolve(self.page.path, url, self.base)
        return target.path if target.path and self.site.is_file(target.path) else None

    def _problem(self, rule: str, found: str, *needles: str) -> Problem:
        """The problem, at the first line of the page's Markdown (else of its HTML) that holds a needle:
        the needles go from the most telling (the attribute or the URL) to the least (the tag)."""
        for needle in needles:
            place = self.sources.find(self.page.path, needle)
            if place:
                return Problem(place[0], place[1], rule, found, HINT)
        line = next((self.page.line_of(needle, 0) for needle in needles if self.page.line_of(needle, 0)), 1)
        return Problem(f"{self.site_label}/{self.page.path}", line, rule, found, HINT)
