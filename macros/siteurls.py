"""The site's addresses, worked out once: where MkDocs writes and serves each page and source page, the way
back from a built file to its page, and whether a URL names a scheme.

MkDocs' scheme (`File.dest_uri`, `File.url` and `Page.url` in mkdocs/structure/): docs/a.md is written as
a.html, or as a/index.html with `use_directory_urls` (mkdocs.yml turns it on, the default); index.md and
README.md are their folder's index.html; with directory URLs an index.html is served at its folder's URL,
the home page at ''. An edition in another language is the same scheme under its prefix: with `language="ru"`
docs/a.md is served at ru/a/. The engine's callers take the defaults: relative_url and the site checks
assume directory URLs, so `directory_urls=False` is MkDocs' other scheme, tested, not a way to build the site.
Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*+):")  # RFC 3986 §3.1, at the start of a URL
INDEX = "index.html"
SOURCES = "sources"  # the folder of the generated source pages


def built_path(src: str, language: str = "", directory_urls: bool = True) -> str:
    """The file of site/ that MkDocs writes the page docs/<src> as: a.md → a/index.html (a.html without
    directory URLs), index.md and README.md → index.html; under the language's folder if one is given."""
    folder, name = posixpath.split(src)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    path = posixpath.join(folder, stem, INDEX) if directory_urls and stem != "index" else \
        posixpath.join(folder, stem + ".html")
    return posixpath.join(language, path) if language else path


def url_of(site_path: str, directory_urls: bool = True) -> str:
    """The site-relative URL path that serves site/<site_path>, not percent-encoded: with directory URLs
    crackdown/index.html is 'crackdown/' and index.html is '' (the home page); 404.html stays 404.html."""
    folder, name = posixpath.split(site_path)
    if not directory_urls or name != INDEX:
        return site_path
    return folder + "/" if folder else ""  # MkDocs' File.url writes the home page './', its Page.url ''


def built_url(site_path: str, directory_urls: bool = True) -> str:
    """The site-relative URL of the page built as site/<site_path>, as MkDocs gives it (percent-encoded)."""
    return quote(url_of(site_path, directory_urls))


def page_url(src: str, language: str = "", directory_urls: bool = True) -> str:
    """The site-relative URL of the page docs/<src>, as MkDocs gives it (percent-encoded)."""
    return built_url(built_path(src, language, directory_urls), directory_urls)


def source_page_path(source_id: str) -> str:
    """The path of a source's generated page, as if in docs/."""
    return f"{SOURCES}/{source_id}.md"


def source_url(source_id: str, language: str = "", directory_urls: bool = True) -> str:
    """The site-relative URL of a source's page."""
    return page_url(source_page_path(source_id), language, directory_urls)


def pages_built_as(site_path: str, language: str = "", directory_urls: bool = True) -> list[str]:
    """The pages of docs/ that MkDocs writes as site/<site_path>, first the one it would take: the inverse of
    built_path ([] for a file no page becomes, such as the theme's 404.html)."""
    if language:
        if not site_path.startswith(language + "/"):
            return []
        site_path = site_path[len(language) + 1:]
    folder, name = posixpath.split(site_path)
    if name == INDEX:
        indexes = [posixpath.join(folder, "index.md"), posixpath.join(folder, "README.md")]
        return [folder + ".md", *indexes] if directory_urls and folder else indexes
    return [site_path[: -len(".html")] + ".md"] if name.endswith(".html") and not directory_urls else []


def directory_index(folder: str) -> str:
    """The file a server sends for a folder's URL ('' is the site's root)."""
    return posixpath.join(folder, INDEX)


def relative_url(from_page_url: str, to_url: str) -> str:
    """Relative link between two site-relative directory URLs ('' is the home page)."""
    start = [part for part in from_page_url.split("/") if part]
    target_path, _, fragment = to_url.partition("#")
    target = [part for part in target_path.split("/") if part]
    shared = 0
    while shared < min(len(start), len(target)) and start[shared] == target[shared]:
        shared += 1
    parts = [".."] * (len(start) - shared) + target[shared:]
    path = "/".join(parts) + "/" if parts else "./"
    return path + (f"#{fragment}" if fragment else "")


def scheme_of(url: str) -> str:
    """The scheme a URL starts with, in lower case ('' for none): 'https', 'mailto', 'javascript'."""
    found = SCHEME.match(url)
    return found.group(1).lower() if found else ""


def leaves_site(url: str) -> bool:
    """Whether a URL names a scheme or a host (https:, mailto:, data:, //host/…), so it points outside the site."""
    return bool(SCHEME.match(url)) or url.startswith("//")
