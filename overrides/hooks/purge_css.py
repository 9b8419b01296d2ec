"""MkDocs hook: the stylesheets as shipped, smaller. It drops the theme's CSS rules that no page
of this site can use, and ships the site's own stylesheets (extra_css) without their comments,
which are written for contributors (read with tinycss2, so a comment inside a string stays).

Material ships one stylesheet for every feature (admonitions, tabs, code, blog, all colour
palettes...). After the build, a rule is kept when every class it names outside parentheses
is the class of an element of a built page or a word of the theme's JavaScript (which builds
the search results and tooltips), and, for the palette, when an element of a page carries its
[data-md-color-*=value]. The
result is written under a new content-hashed name and every page is pointed at it, so a
browser never mixes a cached stylesheet with a page that needs another.

The stylesheets are read with tinycss2 and the pages with selectolax. A kept rule is copied from
the stylesheet as it stands: tinycss2's serializer would rewrite some of it (an escape in a
string, `1n+2` in a selector), so its nodes give only where each piece starts.
"""
from __future__ import annotations

import hashlib
import posixpath
import string
from pathlib import Path

import tinycss2
from selectolax.lexbor import LexborHTMLParser

STYLESHEETS = "assets/stylesheets/"
THEME_STYLESHEETS = ("main", "palette")  # Material's own: assets/stylesheets/<name>.<8 hex digits>.min.css
NESTING = {"media", "supports", "container", "layer"}  # at-rules whose rules are purged one by one
COLOR_ATTRIBUTES = {"data-md-color-primary", "data-md-color-accent", "data-md-color-scheme"}
WORD_CHARACTERS = set(string.ascii_letters + string.digits + "_-")


class _Stylesheet:
    """A stylesheet's text, and where each of tinycss2's nodes starts in it (nodes know their line
    and column, 1-based)."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]

    def offset(self, node) -> int:
        return self.line_starts[node.source_line - 1] + node.source_column - 1

    def block_start(self, rule, end: int) -> int:
        """Where the rule's {…} block opens: just before its content, or `{}` at its end."""
        return self.offset(rule.content[0]) - 1 if rule.content else end - 2


def purge(css: str, tokens: set[str], attributes: set[tuple[str, str]]) -> str:
    """The stylesheet without the rules that need a class not in `tokens` or a palette attribute
    not in `attributes`; comments and whitespace between rules go too."""
    sheet = _Stylesheet(css)
    nodes = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=False)
    return _kept_rules(sheet, nodes, len(css), lambda selector: _used(selector, tokens, attributes))


def _kept_rules(sheet: _Stylesheet, nodes: list, end: int, used) -> str:
    """`nodes` (rules of one level, ending at offset `end`), each kept as written or left out."""
    out = []
    for node, following in zip(nodes, [*nodes[1:], None]):
        stop = sheet.offset(following) if following is not None else end
        out.append(_kept_rule(sheet, node, sheet.offset(node), stop, used))
    return "".join(out)


def _kept_rule(sheet: _Stylesheet, rule, start: int, stop: int, used) -> str:
    if rule.type in ("whitespace", "comment"):
        return ""
    if rule.type == "qualified-rule":
        brace = sheet.block_start(rule, stop)
        kept = [sheet.text[begin:end] for begin, end, selector in _selectors(sheet, rule, start, brace)
                if used(selector)]
        return ",".join(kept) + sheet.text[brace:stop] if kept else ""
    if rule.type == "at-rule" and rule.lower_at_keyword in NESTING and rule.content is not None:
        brace = sheet.block_start(rule, stop)
        inner_rules = tinycss2.parse_rule_list(rule.content, skip_comments=False, skip_whitespace=False)
        inner = _kept_rules(sheet, inner_rules, stop - 1, used)
        return f"{sheet.text[start:brace]}{{{inner}}}" if inner else ""
    return sheet.text[start:stop]  # @font-face, @keyframes…: kept whole


def _selectors(sheet: _Stylesheet, rule, start: int, brace: int):
    """(start, end, tokens) of each selector of the rule's comma-separated list."""
    begin, tokens = start, []
    for token in rule.prelude:
        if token == ",":
            yield begin, sheet.offset(token), tokens
            begin, tokens = sheet.offset(token) + 1, []
        else:
            tokens.append(token)
    yield begin, brace, tokens


def _used(selector: list, tokens: set[str], attributes: set[tuple[str, str]]) -> bool:
    """Every class outside parentheses (those inside :not(), :is(), :has() are not required) is
    used, and so is every palette attribute, wherever it stands."""
    if any(name not in tokens for name in _classes(selector)):
        return False
    return all(pair in attributes for pair in _color_attributes(selector))


def _classes(selector: list):
    for before, token in zip([None, *selector], selector):
        if token.type == "ident" and before is not None and before == ".":
            yield token.value


def _color_attributes(tokens: list):
    """(name, value) of each [data-md-color-…=value] among the tokens and inside their blocks."""
    for token in tokens:
        if token.type == "[] block":
            parts = [part for part in token.content if part.type != "whitespace"]
            if (len(parts) == 3 and parts[0].type == "ident" and parts[0].value in COLOR_ATTRIBUTES
                    and parts[1] == "=" and parts[2].type in ("ident", "string")):
                yield parts[0].value, parts[2].value
        inside = getattr(token, "arguments", None) or getattr(token, "content", None)
        if isinstance(inside, list):
            yield from _color_attributes(inside)


def without_comments(css: str) -> str:
    return tinycss2.serialize(tinycss2.parse_stylesheet(css, skip_comments=True))


def on_post_build(config):
    site = Path(config["site_dir"])
    for name in config["extra_css"]:
        path = site / str(name)
        if path.suffix == ".css" and path.is_file():
            path.write_text(without_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    trees = {path: LexborHTMLParser(text) for path, text in pages.items()}
    tokens, attributes = _used_in_pages(trees.values())
    tokens |= _script_words(site)
    links = {path: _theme_stylesheets(tree) for path, tree in trees.items()}
    renamed = {old: _purged_copy(site, old, tokens, attributes)
               for old in sorted({old for found in links.values() for old in found.values()})}
    for path, found in links.items():
        text = pages[path]
        for href, name in found.items():
            text = _pointed_at(text, href, posixpath.basename(renamed[name]))
        if text != pages[path]:
            path.write_text(text, encoding="utf-8")


def _used_in_pages(trees) -> tuple[set[str], set[tuple[str, str]]]:
    """The classes of the pages' elements, and the palette's attributes with their values."""
    classes, attributes = set(), set()
    for tree in trees:
        for node in tree.root.traverse():
            for name, value in node.attributes.items():
                if name == "class" and value:
                    classes.update(value.split())
                elif name in COLOR_ATTRIBUTES and value:
                    attributes.add((name, value))
    return classes, attributes


def _script_words(site: Path) -> set[str]:
    """Every word of the theme's JavaScript, which writes class names as strings."""
    words = set()
    for path in (site / "assets").rglob("*.js"):
        text = path.read_text(encoding="utf-8", errors="replace")
        words.update("".join(char if char in WORD_CHARACTERS or char.isalnum() else " " for char in text).split())
    return words


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


def _purged_copy(site: Path, old: str, tokens: set[str], attributes: set[tuple[str, str]]) -> str:
    """The purged stylesheet's path, under its own content hash; the original goes."""
    source = site / old
    if not source.is_file():
        return old
    text = purge(source.read_text(encoding="utf-8"), tokens, attributes)
    stem = posixpath.basename(old).split(".")[0]
    new = f"{STYLESHEETS}{stem}.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.css"
    (site / new).write_text(text, encoding="utf-8")
    if new != old:
        source.unlink()
        source.with_name(source.name + ".map").unlink(missing_ok=True)  # maps the original, not this
    return new


def _pointed_at(page: str, href: str, new_name: str) -> str:
    """The page with the link's href pointing at `new_name`. Only that attribute changes: the page
    is not written out again by a parser, which would rewrite all of it (its doctype, its spaces)."""
    attribute = f'href="{href}"'  # the theme writes its stylesheets' URLs plainly, nothing to escape
    if attribute not in page:
        raise ValueError(f"purge_css: the page links {href} but not as {attribute}; the theme changed")
    return page.replace(attribute, f'href="{href[:-len(posixpath.basename(href))]}{new_name}"')
