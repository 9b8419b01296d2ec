"""Refuse HTML in a page that could run code or load content: scripts, frames, handlers, script URLs.

The Content-Security-Policy already blocks most of this in the browser; this rule keeps it
out of the published pages in the first place. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import re

from .problems import Problem

TAG = re.compile(r"<\s*/?\s*([A-Za-z][\w:-]*)([^>]*)>?")
ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "meta", "link",
               "base", "style", "svg", "math", "template", "portal"}
HANDLER = re.compile(r"(?:^|[\s\"'/])on[a-z]+\s*=", re.I)
SCRIPT_URL = re.compile(r"(?:java|vb)script:|data:text/html", re.I)
INVISIBLE = re.compile(r"[\x00-\x20]+")  # browsers ignore these inside a URL scheme
HINT = "pages hold text and citations; scripts, frames, styles, forms, event handlers and script URLs are refused"


def active_html(path: str, body: str, offset: int = 0) -> list[Problem]:
    problems = []
    for number, line in enumerate(body.split("\n"), offset + 1):
        found = _first_active(line)
        if found:
            problems.append(Problem(path, number, "active HTML is not allowed", f"found {found}", HINT))
    return problems


def _first_active(line: str) -> str | None:
    for tag in TAG.finditer(line):
        name, attributes = tag.group(1).lower(), html.unescape(tag.group(2))
        if name in ACTIVE_TAGS:
            return f"<{name}>"
        if HANDLER.search(attributes):
            return f"an event handler on <{name}>"
    if SCRIPT_URL.search(INVISIBLE.sub("", html.unescape(line))):
        return "a script URL"
    return None
