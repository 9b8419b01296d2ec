"""MkDocs hook: the stylesheets as shipped, smaller. It drops the theme's CSS rules that no page
of this site can use, and ships the site's own stylesheets (extra_css) without their comments,
which are written for contributors (read with tinycss2, so a comment inside a string stays).

Material ships one stylesheet for every feature (admonitions, tabs, code, blog, all colour
palettes...). After the build, a rule is kept when every class it names outside parentheses
occurs in a built page or in the theme's JavaScript (which builds the search results and
tooltips), and, for the palette, when its [data-md-color-*=value] occurs in a page. The
result is written under a new content-hashed name and every page is pointed at it, so a
browser never mixes a cached stylesheet with a page that needs another.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2

THEME_CSS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
COLOR_ATTR = re.compile(r"\[(data-md-color-(?:primary|accent|scheme))=[\"']?([\w-]+)[\"']?\]")
TOKEN = re.compile(r"[\w-]+")
PARENS = re.compile(r"\([^()]*\)")


def _blocks(text: str):
    """Top-level (prelude, body) pairs of a minified stylesheet."""
    position = 0
    while True:
        brace = text.find("{", position)
        if brace < 0:
            return
        depth, end = 1, brace + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        yield text[position:brace], text[brace + 1:end - 1]
        position = end


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    return parts + [prelude[start:]]


def purge(css: str, tokens: set[str], attributes: set[tuple[str, str]]) -> str:
    def used(selector: str) -> bool:
        outer = selector
        while PARENS.search(outer):  # classes inside :not(), :is(), :has() are not required
            outer = PARENS.sub("", outer)
        if any(name not in tokens for name in CLASS.findall(outer)):
            return False
        return all(pair in attributes for pair in COLOR_ATTR.findall(selector))

    out = []
    for prelude, body in _blocks(css):
        head = prelude.strip()
        if head.startswith(("@media", "@supports", "@container", "@layer")):
            inner = purge(body, tokens, attributes)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [selector for selector in _split_selectors(prelude) if used(selector)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def without_comments(css: str) -> str:
    return tinycss2.serialize(tinycss2.parse_stylesheet(css, skip_comments=True))


def on_post_build(config):
    site = Path(config["site_dir"])
    for name in config["extra_css"]:
        path = site / str(name)
        if path.suffix == ".css" and path.is_file():
            path.write_text(without_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    scripts = "".join(path.read_text(encoding="utf-8", errors="replace")
                      for path in (site / "assets").rglob("*.js"))
    corpus = "".join(pages.values()) + scripts
    tokens = set(TOKEN.findall(corpus))
    attributes = set(re.findall(r'(data-md-color-(?:primary|accent|scheme))="([\w-]+)"', corpus))
    renamed = {}
    for old in sorted({match.group(0) for text in pages.values() for match in THEME_CSS.finditer(text)}):
        source = site / old
        if not source.is_file():
            continue
        text = purge(source.read_text(encoding="utf-8"), tokens, attributes)
        digest = hashlib.sha256(text.encode()).hexdigest()[:8]
        new = re.sub(r"\.[0-9a-f]{8}\.min\.css$", f".{digest}.min.css", old)
        (site / new).write_text(text, encoding="utf-8")
        if new != old:
            source.unlink()
            source.with_name(source.name + ".map").unlink(missing_ok=True)  # maps the original, not this
        renamed[old] = new
    for path, text in pages.items():
        changed = THEME_CSS.sub(lambda match: renamed.get(match.group(0), match.group(0)), text)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
