"""The allow-lists for what a built page may hold, element by element and attribute by attribute.

The checks that read the HTML (active.py for whole built pages, content.py for each page's
content as it is rendered) hand every element to `ElementRules`. Pure Python: nothing here
imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..problems import clip
from ..siteurls import leaves_site, scheme_of
from .urls import browser_url, host_of, refresh_target

# Never, anywhere: frames and plugins, styles, and what a parser reads differently with scripting on
# and off or keeps out of the tree (noscript, template), and SVG animation, which can set a link.
NEVER = {"base", "frame", "frameset", "iframe", "object", "embed", "applet", "portal", "style", "param",
         "noembed", "noframes", "noscript", "template", "xmp", "plaintext", "set", "animate", "animatemotion",
         "animatetransform", "foreignobject"}
CONTENT = {
    # no cite (a signature under a checked quote), del, ins, s or u (a checked figure struck out and "corrected")
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "i", "img", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "samp",
    "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "ul", "var", "wbr",
    # drawings made by the engine (its visuals only: engineonly.py): shapes and text, no scripts, styles, links
    # to other files or animation
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "title", "desc",
}
# The one allow-list of attributes in page content, whatever wrote them: `{: … }` attribute lists, a block's
# `attrs:` (both also checked by the static pass, pages/rawhtml.py), raw HTML, the engine. No `dir` (it reorders "13 people" into "people 13"), no `hidden`.
GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "role", "tabindex", "translate"}
CONTENT_ATTRIBUTES = GLOBAL_ATTRIBUTES | {
    "href", "hreflang", "rel", "target", "src", "alt", "width", "height", "loading", "decoding",
    # no start or value: a list's numbers are uncited text ("10412." before a link-led item), so a list counts from 1
    "colspan", "rowspan", "scope", "headers", "abbr", "reversed", "type", "open", "datetime", "cite", "media", "span",
    # no fill, stroke, mask, filter or clip-path: their values are CSS, where url() loads a file
    "xmlns", "viewbox", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "points",
    "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity", "fill-opacity",
    "stroke-opacity", "fill-rule", "clip-rule", "transform", "text-anchor", "dominant-baseline", "font-size",
    "font-weight", "dx", "dy", "preserveaspectratio", "focusable", "vector-effect", "paint-order", "pathlength",
    "shape-rendering", "textlength", "letter-spacing",
    # what the engine writes (a figure's kind, the passages a back-link marks, what search leaves out),
    # the other names of an entry of the people page, and the labels assistive technology reads (the engine's
    # only: engineonly.py, as are title, role and the glossary's abbr). No other
    # data-*: Material's clipboard copies data-clipboard-text when a reader clicks, and data-md-* are the theme's.
    "data-kind", "data-marks", "data-search-exclude", "data-terms",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
}
URL_ATTRIBUTES = {"href", "src", "srcset", "imagesrcset", "action", "formaction", "poster", "data", "cite",
                  "background", "longdesc", "ping", "xlink:href", "codebase", "archive", "manifest", "icon", "lowsrc",
                  "dynsrc", "usemap", "classid", "profile", "xml:base"}
NAVIGATIONS = {("a", "href"), ("area", "href"), ("link", "href"), ("q", "cite"), ("blockquote", "cite"),
               ("del", "cite"), ("ins", "cite"), ("meta", "refresh")}
LINK_SCHEMES = {"http", "https", "mailto"}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon",
                "mask-icon", "shortcut", "preconnect", "dns-prefetch", "prerender"}
HEAD_LINKS = {"stylesheet", "icon", "canonical", "prev", "next"}  # the kinds the theme writes
DATA_SCRIPTS = {"application/json", "application/ld+json"}  # data the theme and search engines read, never run
ID_MARKS = "_.:-"  # with letters and digits, all an id may hold: the theme writes ids into its contents unescaped
META_NAMES = {"viewport", "description", "generator", "referrer"}  # and twitter:…, as is_id reads its rest
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/svg+xml"}


def is_id(value: str, marks: str = ID_MARKS) -> bool:
    """Whether the value is an id the theme can write unescaped: letters, digits and the marks only, at least one."""
    return bool(value) and all(character.isalnum() or character in marks for character in value)


def _image_data(url: str, scheme: str) -> bool:
    """Whether the URL is a data: URL of an image, by its media type (data:image/png;base64,…)."""
    after = url[len("data:"):].lower()
    return scheme == "data" and any(after.startswith(kind + mark) for kind in IMAGE_TYPES for mark in ";,")


class ElementRules:
    """Checks one element and its attributes; `problem(rule, found, *needles)` makes the Problem,
    `existing(url)` says whether a same-site URL names a file of the site."""

    def __init__(self, site_url: str | None, problem, existing):
        self.host = urlsplit(site_url or "").hostname or ""
        self.problem, self.existing = problem, existing

    def check(self, node, in_content: bool, in_head: bool) -> Iterator:
        tag = node.tag.lower()
        yield from self._element(node, tag, in_content, in_head)
        for name, value in node.attributes.items():
            yield from self._attribute(node, tag, name.lower(), value or "", in_content)

    def _element(self, node, tag: str, in_content: bool, in_head: bool) -> Iterator:
        if tag in NEVER or (in_content and tag not in CONTENT):
            where = "in page content" if in_content and tag not in NEVER else "on a page"
            yield self.problem(f"<{tag}> elements are not allowed {where}", f"<{tag}>", f"<{tag}")
        elif tag == "script":
            yield from self._script(node)
        elif tag in ("meta", "link") and not in_head:
            yield self.problem(f"<{tag}> elements belong in the theme's <head>", f"<{tag}>", f"<{tag}")
        elif tag == "meta" and not self._known_meta(node.attributes):
            yield self.problem("unknown kind of <meta>", clip(str(node.attributes), 80), "<meta")
        elif tag == "meta" and (node.attributes.get("http-equiv") or "").lower() == "refresh":
            target = refresh_target(node.attributes.get("content") or "")
            yield from self._urls(node, tag, "refresh", target)
        elif tag == "link" and not set((node.attributes.get("rel") or "").lower().split()) <= HEAD_LINKS:
            yield self.problem("unknown kind of <link>", f"rel={node.attributes.get('rel')!r}", "<link")

    def _script(self, node) -> Iterator:
        src = node.attributes.get("src")
        if src is None and (node.attributes.get("type") or "").lower() in DATA_SCRIPTS:
            return
        if src is None or (node.text() or "").strip():
            yield self.problem("inline scripts are not allowed", clip(node.text() or "<script>", 60), "<script")
        elif not self.existing(src):
            yield self.problem("a script must be one of the site's own files", repr(clip(src, 80)), src)

    @staticmethod
    def _known_meta(attributes: dict) -> bool:
        if "charset" in attributes:
            return len(attributes) == 1
        if attributes.get("http-equiv") is not None:
            return attributes["http-equiv"].lower() in ("content-security-policy", "refresh")
        name, prop = attributes.get("name"), attributes.get("property")
        if name and name.lower() == "referrer":
            return attributes.get("content") == "no-referrer"
        name = (name or "").lower()
        twitter = name.startswith("twitter:") and is_id(name.removeprefix("twitter:"), "_:-")
        return name in META_NAMES or twitter or bool(prop and prop.startswith("og:"))

    def _attribute(self, node, tag: str, name: str, value: str, in_content: bool) -> Iterator:
        if name.startswith("on"):
            yield self.problem("event handler attributes are not allowed", f"{name} on <{tag}>", f"{name}=", f"<{tag}")
        elif name in ("style", "srcdoc", "srcset", "imagesrcset"):
            yield self.problem(f"{name} attributes are not allowed", f"{name} on <{tag}>", f"{name}=", f"<{tag}")
        elif in_content and name not in CONTENT_ATTRIBUTES:
            yield self.problem("attribute not allowed in page content", f"{name} on <{tag}>", f"{name}=", f"<{tag}")
        elif in_content and name == "id" and not is_id(value):
            yield self.problem("an id is letters, digits, '-', '_', '.' and ':' only", f"id={clip(value, 40)!r} on "
                               f"<{tag}>", "id=", f"<{tag}")
        elif in_content and name == "id" and value.startswith("__"):
            yield self.problem("ids starting with '__' belong to the theme", f"id={clip(value, 40)!r} on <{tag}>",
                               value, f"<{tag}")
        elif name in URL_ATTRIBUTES:
            yield from self._urls(node, tag, name, value, in_content)

    def _urls(self, node, tag: str, name: str, value: str, in_content: bool = False) -> Iterator:
        urls = value.split() if name == "ping" else [value]
        for url in urls:
            url = browser_url(url)
            scheme = scheme_of(url)
            navigation = (tag, name) in NAVIGATIONS and not (tag == "link" and self._loading(node))
            if navigation and (scheme in LINK_SCHEMES or not scheme):
                continue
            if not navigation and tag == "img" and name in ("src", "srcset") and _image_data(url, scheme):
                if in_content:  # a drawing in the URL would be a chart no file of docs/ shows a reviewer
                    yield self.problem("an image in page content is a file of docs/",
                                       f"<{tag} {name}> is a data: URL, {clip(url, 40)}", value, f"<{tag}")
                continue
            if scheme and scheme not in ("http", "https"):
                yield self.problem("a URL that runs script or leaves the web is not allowed",
                                   f"{name}={clip(value, 80)!r} on <{tag}>", scheme + ":", value, f"<{tag}")
            elif not navigation and not self._same_site(url):
                yield self.problem("nothing may load from another host", f"<{tag} {name}> loads {clip(url, 80)}",
                                   value, f"<{tag}")

    @staticmethod
    def _loading(node) -> bool:
        return bool(set((node.attributes.get("rel") or "").lower().split()) & LOADING_RELS)

    def _same_site(self, url: str) -> bool:
        if not leaves_site(url):
            return True
        return bool(self.host) and host_of(url) == self.host
