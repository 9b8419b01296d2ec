"""The site's URL scheme, tested once: macros/siteurls.py against MkDocs' own File and Page, with and without
directory URLs and a language's prefix, and the one test of whether a URL names a scheme."""
import posixpath

import pytest

from macros.siteurls import (built_path, built_url, directory_index, leaves_site, page_url, pages_built_as,
                             relative_url, scheme_of, source_page_path, source_url, url_of)

# docs/<src> → (site/ file, URL) with directory URLs, then without
PAGES = [
    ("index.md", "index.html", "", "index.html", "index.html"),
    ("README.md", "index.html", "", "index.html", "index.html"),
    ("a.md", "a/index.html", "a/", "a.html", "a.html"),
    ("nested/index.md", "nested/index.html", "nested/", "nested/index.html", "nested/index.html"),
    ("nested/README.md", "nested/index.html", "nested/", "nested/index.html", "nested/index.html"),
    ("nested/a.md", "nested/a/index.html", "nested/a/", "nested/a.html", "nested/a.html"),
    ("sources/cepa-2023.md", "sources/cepa-2023/index.html", "sources/cepa-2023/", "sources/cepa-2023.html",
     "sources/cepa-2023.html"),
]
CASES = [(src, language, True, path, url) for src, path, url, _, _ in PAGES for language in ("", "ru")] + \
        [(src, language, False, path, url) for src, _, _, path, url in PAGES for language in ("", "ru")]


def _prefixed(language: str, path: str) -> str:
    return f"{language}/{path}" if language else path


@pytest.mark.parametrize("src, language, directory_urls, path, url", CASES)
def test_a_page_is_built_and_served_where_mkdocs_puts_it(src, language, directory_urls, path, url):
    assert built_path(src, language, directory_urls) == _prefixed(language, path)
    assert page_url(src, language, directory_urls) == (_prefixed(language, url) if language or url else "")


@pytest.mark.parametrize("src, language, directory_urls, path, url", CASES)
def test_a_built_page_leads_back_to_its_markdown(src, language, directory_urls, path, url):
    candidates = pages_built_as(_prefixed(language, path), language, directory_urls)
    assert src in candidates
    if "index.md" in candidates:  # MkDocs keeps index.md over a README.md beside it
        assert candidates.index("index.md") < candidates.index("README.md")
    assert pages_built_as(_prefixed(language, path), "kk" if language else "ru", directory_urls) == []


@pytest.mark.parametrize("src", [src for src, *_ in PAGES])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_scheme_is_mkdocs_own(src, directory_urls, tmp_path):
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page
    file = File(src, str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=directory_urls)
    assert built_path(src, directory_urls=directory_urls) == file.dest_uri
    assert page_url(src, directory_urls=directory_urls) == Page(None, file, {}).url


def test_the_theme_s_own_pages_come_from_no_markdown():
    assert pages_built_as("404.html") == []
    assert pages_built_as("404.html", directory_urls=False) == ["404.md"]
    assert pages_built_as("assets/stylesheets/citations.css") == []


def test_a_source_page_is_a_page_of_the_sources_folder():
    assert source_page_path("cepa-2023") == "sources/cepa-2023.md"
    assert source_url("cepa-2023") == "sources/cepa-2023/"
    assert source_url("cepa-2023", "ru") == "ru/sources/cepa-2023/"
    assert source_url("cepa-2023", directory_urls=False) == "sources/cepa-2023.html"


@pytest.mark.parametrize("path, url", [("index.html", ""), ("crackdown/index.html", "crackdown/"),
                                       ("ru/index.html", "ru/"), ("404.html", "404.html"),
                                       ("a/xindex.html", "a/xindex.html"), ("a b/index.html", "a b/")])
def test_a_built_file_is_served_at_its_folder_when_it_is_an_index(path, url):
    assert url_of(path) == url
    assert url_of(path, directory_urls=False) == path
    assert built_url(path) == url.replace(" ", "%20")  # percent-encoded, as MkDocs' File.url


@pytest.mark.parametrize("folder, path", [("", "index.html"), ("a", "a/index.html"), ("a/", "a/index.html"),
                                          ("../", "../index.html")])
def test_a_folder_is_served_as_its_index(folder, path):
    assert directory_index(folder) == path


@pytest.mark.parametrize("url, scheme", [
    ("https://example.org/", "https"), ("HTTP://x", "http"), ("mailto:a@b", "mailto"), ("data:,x", "data"),
    ("javascript:alert(1)", "javascript"), ("web+app:x", "web+app"), ("a.b-c:x", "a.b-c"),
    ("crackdown/", ""), ("../a.md#x", ""), ("#fnref:qq1", ""), ("/abs", ""), ("//host/x", ""), ("", ""),
    ("1http:x", ""), ("+x:y", ""), ("a/b:c", ""), (":x", ""), ("ht tp:x", ""),
])
def test_a_scheme_is_a_letter_then_letters_digits_plus_dot_or_hyphen_before_a_colon(url, scheme):
    assert scheme_of(url) == scheme
    assert leaves_site(url) == (bool(scheme) or url.startswith("//"))


@pytest.mark.parametrize("start", ["", "crackdown/", "sources/", "sources/cepa/", "a/b/c/", "ru/", "ru/a/"])
@pytest.mark.parametrize("to", ["", "crackdown/#fnref:qq1", "sources/", "sources/cepa/#p-3", "a/b/d/", "a/",
                                "ru/", "ru/sources/cepa/#p-3"])
def test_relative_url_is_the_posix_relative_path(start, to):
    target, _, fragment = to.partition("#")
    expected = posixpath.relpath(target.rstrip("/") or ".", start.rstrip("/") or ".")
    expected = ("./" if expected == "." else expected + "/") + (f"#{fragment}" if fragment else "")
    assert relative_url(start, to) == expected
