"""Stylesheets load nothing from another host: every CSS file in site/, read with a CSS tokenizer.

tinycss2 reads a stylesheet as a browser does (escapes decoded, comments dropped),
and every URL a browser would fetch from it is checked: url() and src(), the
strings of image-set(), and @import. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator

import tinycss2

from ..problems import Problem, clip
from ..siteurls import leaves_site, scheme_of
from .urls import browser_url, host_of
from .builtsite import BuiltSite

FETCHING_FUNCTIONS = {"url", "src", "image-set", "-webkit-image-set", "image", "cross-fade"}
HINT = "serve it from this site (under overrides/assets/) or remove it"


def check_stylesheets(site: BuiltSite, host: str, site_label: str = "site") -> Iterator[Problem]:
    for name in sorted(site.files):
        if name.endswith(".css"):
            text = (site.root / name).read_text(encoding="utf-8", errors="replace")
            for line, url in fetched_urls(text):
                if not _harmless(url, host):
                    yield Problem(f"{site_label}/{name}", line, "a stylesheet may load nothing from another host",
                                  clip(url, 100), HINT)


def fetched_urls(css: str) -> Iterator[tuple[int, str]]:
    """(line, URL) of every URL a browser would fetch from the stylesheet."""
    yield from _walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), fetching=False)


def _walk(tokens, fetching: bool) -> Iterator[tuple[int, str]]:
    stack = [(iter(tokens), fetching)]
    while stack:
        token = next(stack[-1][0], None)
        if token is None:
            stack.pop()
            continue
        fetching = stack[-1][1]
        if token.type == "url" or (token.type == "string" and fetching):
            yield token.source_line, token.value
        elif token.type == "function":
            stack.append((iter(token.arguments), token.lower_name in FETCHING_FUNCTIONS))
        elif token.type == "at-rule":
            stack.append((iter(token.content or []), False))
            stack.append((iter(token.prelude), token.lower_at_keyword == "import"))
        elif token.type == "qualified-rule":
            stack.append((iter(token.content), False))
            stack.append((iter(token.prelude), False))
        elif token.type in ("() block", "[] block", "{} block"):
            stack.append((iter(token.content), fetching))


def _harmless(url: str, host: str) -> bool:
    url = browser_url(url)
    name = scheme_of(url)
    if name:
        return name == "data" or (name in ("http", "https") and bool(host) and host_of(url) == host)
    return not leaves_site(url)
