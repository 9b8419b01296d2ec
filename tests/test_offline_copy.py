"""`make offline` (macros/offline): each page rewritten for file://, read and written by selectolax."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from macros.offline import file_url, rewrite_page

PAGE = """<!doctype html><html><head>
<meta http-equiv="content-security-policy" content="default-src 'none'">
<meta name="viewport" content="width=device-width">
<link rel="stylesheet" href='../assets/site.css'><link rel="canonical" href="https://example.org/a/">
<script src="../assets/javascripts/bundle.0a1b2c3d.min.js"></script>
</head><body>
<a href="../">home</a> <a href=../background/#why>why</a> <a href="./">here</a> <a href="..">up</a>
<a href="#qq-references">refs</a> <a href="/qandy-qantar/">root</a> <a href="mailto:a@b.c">mail</a>
<a href="sources/x/?q=1#p3">source</a> <img src="../assets/map/" alt="">
<svg><use href="../icons/"></use></svg>
<p>Text that says href="kept/" is text, not a link.</p><code>&lt;a href="x/"&gt;</code>
</body></html>"""


def _rewritten():
    return LexborHTMLParser(rewrite_page(PAGE))


def test_every_relative_folder_url_gets_its_index_html():
    page = _rewritten()
    urls = [node.attributes.get("href") or node.attributes.get("src") for node in page.css("[href], [src]")
            if not node.attributes.get("src", "").endswith(".js")]
    assert urls == ["../assets/site.css", "https://example.org/a/", "../index.html",
                    "../background/index.html#why", "./index.html", "../index.html", "#qq-references",
                    "/qandy-qantar/", "mailto:a@b.c", "sources/x/index.html?q=1#p3", "../assets/map/index.html",
                    "../icons/index.html"]


def test_text_that_looks_like_an_attribute_stays_text():
    page = _rewritten()
    assert 'says href="kept/" is text' in page.css_first("p").text()
    assert page.css_first("code").text() == '<a href="x/">'


def test_the_policy_goes_and_the_search_shim_comes_before_the_bundle():
    page = _rewritten()
    assert [meta.attributes.get("name") for meta in page.css("meta")] == ["viewport"]
    assert [script.attributes["src"] for script in page.css("script")] == [
        "../assets/javascripts/iframe-worker-shim.js", "../assets/javascripts/bundle.0a1b2c3d.min.js"]


def test_a_page_without_the_bundle_gets_no_shim():
    assert "iframe-worker" not in rewrite_page('<p><a href="a/">a</a></p><script src="x/bundle.js"></script>')


def test_file_url_leaves_other_hosts_and_schemes_alone():
    assert [file_url(url) for url in ("", "//cdn.example/x/", "data:,x/", "javascript:x/", "a/b/")] == [
        "", "//cdn.example/x/", "data:,x/", "javascript:x/", "a/b/index.html"]
