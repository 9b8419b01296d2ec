"""MkDocs hook: the stylesheets as shipped, smaller. It drops what of the theme's CSS no page of this site can
use (macros/stylesheets: rules whose selectors cannot match, then custom properties and @keyframes nothing
reads), and ships the site's own stylesheets (extra_css) without their unused rules and without their comments,
which are written for contributors (read with tinycss2, so a comment inside a string stays).

Material ships one stylesheet for every feature (admonitions, tabs, code, blog, all colour palettes,
right-to-left scripts...). After the build, the pages' elements give the classes and attributes that exist,
the strings of the scripts they load the words the JavaScript may add at run time (it builds the search
results and tooltips, and sets custom properties by name), and the pages' style attributes and the site's own
stylesheets the custom properties they read. Each purged stylesheet is written under a new content-hashed name
and every page is pointed at it, so a browser never mixes a cached stylesheet with a page that needs another.
"""
from __future__ import annotations

import hashlib
import posixpath
import string
from pathlib import Path
from urllib.parse import urlsplit

import tinycss2
from pygments.lexers import JavascriptLexer
from pygments.token import Comment, String
from selectolax.lexbor import LexborHTMLParser

from macros.stylesheets.selectors import TRACKED_ATTRIBUTES, purge
from macros.stylesheets.unread import without_unread

STYLESHEETS = "assets/stylesheets/"
THEME_STYLESHEETS = ("main", "palette")  # Material's own: assets/stylesheets/<name>.<8 hex digits>.min.css
WORD_CHARACTERS = set(string.ascii_letters + string.digits + "_-")  # what a class or a custom property is made of


def without_comments(css: str) -> str:
    return tinycss2.serialize(tinycss2.parse_stylesheet(css, skip_comments=True))


def on_post_build(config):
    site = Path(config["site_dir"])
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    trees = {path: LexborHTMLParser(text) for path, text in pages.items()}
    used = _Used(trees.values())
    scripts = _loaded_scripts(site, trees)
    script_words = _script_words(scripts)
    used.classes |= script_words
    _ship_without_comments(site, scripts, getattr(config.get("theme"), "custom_dir", None))
    own = []  # the site's own stylesheets: purged of their unused rules, and readers of the theme's properties
    for name in config["extra_css"]:
        path = site / str(name)
        if path.suffix == ".css" and path.is_file():
            own.append(purge(without_comments(path.read_text(encoding="utf-8")), used.classes, used.attributes))
            path.write_text(own[-1], encoding="utf-8")
    links = {path: _theme_stylesheets(tree) for path, tree in trees.items()}
    olds = sorted({old for found in links.values() for old in found.values()})
    renamed = _purged_copies(site, olds, used, own, script_words)
    for path, found in links.items():
        text = pages[path]
        for href, name in found.items():
            text = _pointed_at(text, href, posixpath.basename(renamed[name]))
        if text != pages[path]:
            path.write_text(text, encoding="utf-8")


class _Used:
    """What the pages' elements carry: their classes, the attributes the selectors depend on (with their
    values), their style attributes and the text of their <style> elements."""

    def __init__(self, trees):
        self.classes, self.attributes, self.styles, self.style_sheets = set(), set(), [], []
        for tree in trees:
            for node in tree.root.traverse():
                self._read(node)

    def _read(self, node):
        if node.tag == "style":
            self.style_sheets.append(node.text())
        for name, value in node.attributes.items():
            if name == "class" and value:
                self.classes.update(value.split())
            elif name == "style" and value:
                self.styles.append(value)
            elif name in TRACKED_ATTRIBUTES and value:
                self.attributes.add((name, value))


def _loaded_scripts(site: Path, trees: dict) -> set[Path]:
    """The site's files the pages load with <script src>. The search worker, and the language files it
    loads, are not among them: they never touch a page."""
    scripts = set()
    for path, tree in trees.items():
        for script in tree.css("script[src]"):
            source = (path.parent / urlsplit(script.attributes["src"] or "").path).resolve()
            if source.is_file() and source.is_relative_to(site.resolve()):
                scripts.add(source)
    return scripts


def _script_words(scripts: set[Path]) -> set[str]:
    """The words of the scripts' string literals (read with Pygments' JavaScript lexer): the theme's
    JavaScript writes the classes it adds (search results, tooltips, the header's shadow...) and the custom
    properties it sets as strings, or as selectors in strings. Its names of variables are not classes: a
    rule for `.tip` stays only when a page or a string has it."""
    words = set()
    for source in sorted(scripts):
        for kind, text in JavascriptLexer().get_tokens(source.read_text(encoding="utf-8", errors="replace")):
            if kind in String and kind not in String.Regex:
                words.update(_words(text))
    return words


def _ship_without_comments(site: Path, scripts: set[Path], custom_dir: str | None):
    """The site's own scripts (the theme's custom_dir holds them) lose their comments, written for
    contributors. A comment /* … */ across lines becomes a line break, as JavaScript reads it (a statement
    may end there), one within a line a space; strings and regular expressions stay as written."""
    for source in sorted(scripts):
        if custom_dir and (Path(custom_dir) / source.relative_to(site.resolve())).is_file():
            text = []
            for kind, value in JavascriptLexer(stripnl=False).get_tokens(source.read_text(encoding="utf-8")):
                if kind in Comment.Multiline:
                    text.append("\n" if "\n" in value else " ")
                elif kind not in Comment:  # a // comment: the line break after it is the next token
                    text.append(value)
            source.write_text("".join(text), encoding="utf-8")


def _words(text: str) -> list[str]:
    return "".join(char if char in WORD_CHARACTERS or char.isalnum() else " " for char in text).split()


def _theme_stylesheets(tree: LexborHTMLParser) -> dict[str, str]:
    """{href as the page writes it: the theme stylesheet's path in the site} for each one it links."""
    found = {}
    for link in tree.css('link[rel~="stylesheet"][href]'):
        href = link.attributes["href"] or ""
        name = posixpath.basename(href)
        parts = name.split(".")
        if (href.endswith(STYLESHEETS + name) and len(parts) == 4 and parts[0] in THEME_STYLESHEETS
                and len(parts[1]) == 8 and set(parts[1]) <= set("0123456789abcdef") and parts[2:] == ["min", "css"]):
            found[href] = STYLESHEETS + name
    return found


def _purged_copies(site: Path, olds: list[str], used: _Used, own: list[str], script_words: set[str]) -> dict[str, str]:
    """{path of a theme stylesheet: that of its purged copy, under its own content hash}; the originals go."""
    texts = {old: purge((site / old).read_text(encoding="utf-8"), used.classes, used.attributes)
             for old in olds if (site / old).is_file()}
    texts = without_unread(texts, own + used.style_sheets, used.styles, script_words)
    renamed = {old: old for old in olds}
    for old, text in texts.items():
        stem = posixpath.basename(old).split(".")[0]
        renamed[old] = new = f"{STYLESHEETS}{stem}.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.css"
        (site / new).write_text(text, encoding="utf-8")
        if new != old:
            (site / old).unlink()
            (site / (old + ".map")).unlink(missing_ok=True)  # maps the original, not this
    return renamed


def _pointed_at(page: str, href: str, new_name: str) -> str:
    """The page with the link's href pointing at `new_name`. Only that attribute changes: the page
    is not written out again by a parser, which would rewrite all of it (its doctype, its spaces)."""
    attribute = f'href="{href}"'  # the theme writes its stylesheets' URLs plainly, nothing to escape
    if attribute not in page:
        raise ValueError(f"purge_css: the page links {href} but not as {attribute}; the theme changed")
    return page.replace(attribute, f'href="{href[:-len(posixpath.basename(href))]}{new_name}"')
