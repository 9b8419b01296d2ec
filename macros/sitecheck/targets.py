"""Where an internal URL of a built page points: a file of site/ and a fragment, resolved as a browser would.
Pure Python: nothing here imports MkDocs."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..siteurls import directory_index, url_of


@dataclass(frozen=True)
class Target:
    """Where a link inside the site points: a file in site/ and a fragment ('' for none)."""

    path: str | None  # inside site/; None when it leaves the site's root
    fragment: str
    shown: str  # the path as a reader would see it, for messages


def resolve(page_path: str, url: str, base: str = "/") -> Target:
    """Resolve an internal URL found on site/<page_path> to a site path (directory URLs end in '/')."""
    parts = split(url)
    if parts is None:
        return Target(None, "", url)
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if not path:
        return Target(page_path, fragment, shown_path(page_path))
    if path.startswith("/"):
        root = "/" + base.strip("/") + "/" if base.strip("/") else "/"
        if not (path + "/").startswith(root) and path != root.rstrip("/"):
            return Target(None, fragment, path)
        joined = path[len(root):] if len(path) >= len(root) else ""
    else:
        joined = posixpath.join(posixpath.dirname(page_path), path)
    trailing = path.endswith("/") or path.endswith("/.") or path in (".", "..")
    normal = posixpath.normpath(joined) if joined else "."
    if normal == ".." or normal.startswith("../"):
        return Target(None, fragment, path)
    normal = "" if normal == "." else normal
    if trailing or not normal:
        normal = directory_index(normal)
    return Target(normal, fragment, shown_path(normal))


def shown_path(site_path: str) -> str:
    return url_of(site_path) or "/"


def split(url: str):
    try:
        return urlsplit(url)
    except ValueError:  # Python cannot read it (an unclosed IPv6 bracket): it leads nowhere on the site
        return None


def site_base(site_url: str | None) -> str:
    """The path the site is served under, from mkdocs.yml's site_url ('/' without one)."""
    return urlsplit(site_url or "").path or "/"
