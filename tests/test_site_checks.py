"""Unit tests of the built-site checks (links, proof marks, the figures page) and of the coverage rule."""
import markdown
import pytest

from macros.pages.converter import markdown_converter
from macros.pages.coverage import block_quotes_by_hand, uncited
from macros.pages.rendered import render, written_links
from macros.sitecheck import read_config
from macros.sitecheck.builtsite import BuiltSite
from macros.sitecheck.figures_page import check_figures
from macros.sitecheck.links import check_site
from macros.sitecheck.targets import resolve
from macros.sitecheck.proof import check_proof_marks
from macros.sitecheck.sources import MarkdownSources
from tests.conftest import ROOT, make_project, parse

MD = markdown_converter(read_config(ROOT)["markdown_extensions"])  # the site's own, as the static pass sets it up


@pytest.mark.parametrize("page, url, base, expected", [
    ("crackdown/index.html", "../triggers/", "/", ("triggers/index.html", "")),
    ("crackdown/index.html", "../triggers/#the-lpg-price", "/", ("triggers/index.html", "the-lpg-price")),
    ("crackdown/index.html", "#references", "/", ("crackdown/index.html", "references")),
    ("crackdown/index.html", "..", "/", ("index.html", "")),
    ("crackdown/index.html", "../assets/citations.css", "/", ("assets/citations.css", "")),
    ("404.html", "/qandy-qantar/assets/x.css", "/qandy-qantar/", ("assets/x.css", "")),
    ("404.html", "/qandy-qantar/.", "/qandy-qantar/", ("index.html", "")),
    ("404.html", "/crackdown/", "/qandy-qantar/", (None, "")),  # outside the path the site is served under
    ("index.html", "../elsewhere/", "/", (None, "")),
    ("index.html", "#%C3%A9t%C3%A9", "/", ("index.html", "été")),
])
def test_internal_urls_resolve_to_files_of_the_site(page, url, base, expected):
    target = resolve(page, url, base)
    assert (target.path, target.fragment) == expected


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_generated_links_are_reported_at_the_built_page_and_external_ones_are_left_alone(tmp_path):
    write(tmp_path / "site", {
        "index.html": '<a href="https://example.org/x">e</a> <a href="mailto:a@b.c">m</a> <a href="//cdn.example/x">c</a>\n'
                      '<img src="data:image/png;base64,AA"> <a href="a/">a</a> <a href="a/#top">top</a>\n'
                      '<img src="img/small.png"> <img src="img/big.png">\n'
                      '<a href="a/#gone">gone</a>\n',
        "a/index.html": '<h1 id="top">A</h1><a name="old-style"></a><a href="../a/#old-style">x</a>',
        "img/small.png": "",
    })
    assert [str(problem) for problem in check_site(BuiltSite.read(tmp_path / "site"))] == [
        "site/index.html:3: broken link — 'img/big.png' — nothing is built at 'img/big.png'; link to an existing "
        "page's .md file (this link is generated, not written in a page)",
        "site/index.html:4: broken anchor — 'a/#gone' — page 'a/' has no id 'gone' (this link is generated, not "
        "written in a page)",
    ]


def test_a_markdown_link_is_reported_at_its_line_and_a_second_use_at_the_second_line(tmp_path):
    page, _ = parse("# Home\n\nSee [x](gone.md).\n\nAnd again <a href='gone.md'>x</a>.\n", "index.md")
    write(tmp_path, {
        "site/index.html": '<p>See <a href="gone.md">x</a>.</p>\n<p>And again <a href="gone.md">x</a>.</p>\n',
    })
    written = {"docs/index.md": written_links(render(page, MD))}  # as the static pass renders the page
    assert [str(problem) for problem in check_site(BuiltSite.read(tmp_path / "site"), written)] == [
        "docs/index.md:3: broken link — 'gone.md' — 'gone.md' is not a page of the site; link to an existing "
        "page's .md file",
        "docs/index.md:5: broken link — 'gone.md' — 'gone.md' is not a page of the site; link to an existing "
        "page's .md file",
    ]


def test_a_link_is_reported_at_the_line_of_its_block_and_one_the_page_did_not_write_at_the_built_page(tmp_path):
    page, _ = parse("# Home\n\nA paragraph\nover [two](gone.md) lines, [by reference][r].\n\n"
                    "- an item with ![a chart](img/gone.png)\n\n[r]: also-gone.md\n", "index.md")
    write(tmp_path, {
        "site/index.html": '<p><a href="gone.md">two</a> <a href="also-gone.md">ref</a></p>\n'
                           '<li><img src="img/gone.png"></li>\n<a href="theme/gone/">the theme</a>\n',
    })
    written = {"docs/index.md": written_links(render(page, MD))}
    assert [str(problem) for problem in check_site(BuiltSite.read(tmp_path / "site"), written)] == [
        "docs/index.md:3: broken link — 'also-gone.md' — 'also-gone.md' is not a page of the site; link to an "
        "existing page's .md file",
        "docs/index.md:4: broken link — 'gone.md' — 'gone.md' is not a page of the site; link to an existing "
        "page's .md file",
        "docs/index.md:6: broken link — 'img/gone.png' — nothing is built at 'img/gone.png'; link to an existing "
        "page's .md file",
        "site/index.html:3: broken link — 'theme/gone/' — nothing is built at 'theme/gone/'; link to an existing "
        "page's .md file (this link is generated, not written in a page)",
    ]


def test_a_figure_missing_from_the_figures_page_and_a_stray_one_on_it_are_reported(tmp_path):
    write(tmp_path / "site", {
        "a/index.html": '<span class="qq-figure">238</span><sup id="fnref:qq1"></sup>',
        "figures/index.html": '<a href="../a/#fnref:qq2">a [2]</a>',
    })
    entries = [{"page": "a/", "anchor": "fnref:qq1", "kind": "figure", "value": "238", "markdown": "docs/a.md:7",
                "figure": {"kind": "deaths"}},
               {"page": "a/", "anchor": "fnref:qq2", "kind": "cite", "markdown": "docs/a.md:9"}]
    assert [str(problem) for problem in check_figures(BuiltSite.read(tmp_path / "site"), entries)] == [
        "docs/a.md:7: figure missing from the figures page — 238 (deaths) — the figures page is generated from "
        "every figure(): report this as a bug",
        "site/figures/index.html:1: figures page lists a marker that is not a figure() — a/#fnref:qq2 — the figures "
        "page is generated from every figure(): report this as a bug",
    ]



def test_the_figures_page_lists_no_example_of_a_page_about_the_site_and_need_not(tmp_path):
    write(tmp_path / "site", {
        "a/index.html": '<span class="qq-figure">238</span><sup id="fnref:qq1"></sup>',
        "method/index.html": '<span class="qq-figure">238</span><sup id="fnref:qq1"></sup>'
                             '<span class="qq-figure">225</span><sup id="fnref:qq2"></sup>',
        "figures/index.html": '<a href="../a/#fnref:qq1">a [1]</a>\n<a href="../method/#fnref:qq2">Method [2]</a>',
    })
    entries = [{"page": "a/", "anchor": "fnref:qq1", "kind": "figure", "value": "238", "markdown": "docs/a.md:7",
                "figure": {"kind": "deaths"}},
               *({"page": "method/", "anchor": f"fnref:qq{number}", "kind": "figure", "value": value,
                  "markdown": f"docs/method.md:{number}", "figure": {"kind": "deaths"}}
                 for number, value in ((1, "238"), (2, "225")))]
    problems = check_figures(BuiltSite.read(tmp_path / "site"), entries, about_the_site={"method/"})
    assert [str(problem) for problem in problems] == [
        "site/figures/index.html:2: figures page lists an example of a page about the site — method/#fnref:qq2 — "
        "the figures page is generated from every figure(): report this as a bug",
    ]


PAGE = """---
title: T
---

# Heading

A paragraph
over two lines.

Setext heading
--------------

- [A](a.md): a list of page links
- [B](b.md)

Another list:

- a claim
  continued on a second line
- [C](c.md) led by a link, in a list that is not all links

  a second paragraph of the item

```
code
```

    indented code

<div class="x">
raw HTML
</div>

<!-- a comment -->

| Header | Row |
| --- | --- |
| [x](x.md) | [y](y.md) |
| a claim | in a row |

> a quotation

{: .class }
[ref]: https://example.org

[Only](a.md) · [links](b.md)
{% raw %}
{{ not a call }}
{% endraw %}
"""


def test_the_blocks_that_need_a_citation_are_read_on_the_html():
    page, _ = parse(PAGE)
    assert [(problem.line, problem.rule) for problem in uncited(page.path, render(page, MD))] == [
        (7, "paragraph without a citation"),
        (16, "paragraph without a citation"),
        (18, "list item without a citation"),
        (20, "list item without a citation"),
        (22, "paragraph without a citation"),  # Python-Markdown keeps an item's paragraph only 4 spaces in
        (31, "paragraph without a citation"),  # raw HTML is text like any other
        (39, "table row without a citation"),
        (41, "block quote without a citation"),
        (43, "paragraph without a citation"),  # an attribute list alone is text Python-Markdown shows
        (48, "paragraph without a citation"),  # text inside {% raw %} is shown as text: prose
    ]


def test_a_call_anywhere_in_a_block_covers_it():
    text = "# T\n\nFirst line\nsecond line{{ cite(\"a\", \"b\") }}\n\nUncited.\n"
    page, _ = parse(text)
    assert [str(p) for p in uncited("docs/p.md", render(page, MD))] == [
        "docs/p.md:6: paragraph without a citation — \"Uncited.\" — cite the passage it rests on with cite(), "
        "quote(), blockquote() or figure() (CONTRIBUTING.md lists what is exempt)"]


def test_a_page_cannot_write_what_stands_for_a_call():
    """A call stands in the rendered HTML as an element with a key of that rendering, which no page can guess."""
    page, _ = parse('# T\n\nUncited.<sup data-qq-call="0">1</sup>\n\nTwo.{{ cite("a", "b") }}\n')
    assert [problem.line for problem in uncited("docs/p.md", render(page, MD))] == [3]


def test_only_the_list_in_mkdocs_yml_exempts_a_page_from_coverage(tmp_path):
    from macros.check import check_project

    cited = 'At least 238 people were killed.{{ cite("alpha", "At least 238 people were killed") }}\n'
    project = make_project(tmp_path / "project", {"index.md": cited, "about.md": "# About\n\nUncited.\n"})
    listed = check_project(project, exempt=["about.md", "not-a-page.md"])  # as MkDocs read the plugin's option
    assert listed.problems == [] and listed.pages_about_the_site() == {"about.md"}
    assert "about.md" not in read_config(project)["exempt"]  # the real mkdocs.yml, copied: read by default
    assert [(p.path, p.line) for p in check_project(project).problems] == [("docs/about.md", 3)]


def test_markers_and_claims_json_must_list_the_same_citations(tmp_path):
    write(tmp_path / "site", {
        "a/index.html": '<p>One.<sup id="fnref:qq1"><a class="footnote-ref" href="#fn:qq1">1</a></sup></p>\n'
                        '<p>Two.<sup id="fnref:qq3"><a class="footnote-ref" href="#fn:qq3">3</a></sup></p>\n',
        "sources/alpha/index.html": '<a href="../../a/#fnref:qq1">back to note 1</a>',  # a link is not a marker
    })
    entries = [{"page": "a/", "anchor": "fnref:qq1", "markdown": "docs/a.md:3"},
               {"page": "a/", "anchor": "fnref:qq2", "markdown": "docs/a.md:5"}]
    assert [str(problem) for problem in check_proof_marks(BuiltSite.read(tmp_path / "site"), entries,
                                                          MarkdownSources(None), "en")] == [
        f"site/a/index.html:2: marker without a citation in claims.json — a/#fnref:qq3 '3' — {BY_HAND}",
        "docs/a.md:5: citation without a marker in the built page — a/#fnref:qq2 — claims.json and the HTML must "
        "list the same markers: report this as a bug",
    ]


BY_HAND = "quotes, figures, markers and references are written by the citation macros, never by hand"
# What the engine appends to a page's Markdown (render/markup.py references), for two citations
REFERENCES = ('\n\n<details class="qq-references" id="references" markdown="1">\n<summary>2 references</summary>\n\n'
              '///Footnotes Go Here///\n\n</details>\n\n'
              '[^qq1]: <span class="qq-source">Alpha</span> · news: <q class="qq-passage">real one</q>\n'
              '[^qq2]: <span class="qq-source">Alpha</span> · news: <q class="qq-passage">real two</q>\n')
CITES = [{"page": "", "anchor": f"fnref:qq{number}", "macro": "cite", "passage": passage,
          "markdown": f"docs/index.md:{number}"} for number, passage in ((1, "real one"), (2, "real two"))]


def proof_problems(root, html, entries=CITES):
    write(root / "site", {"index.html": html})
    return sorted({str(problem) for problem in check_proof_marks(BuiltSite.read(root / "site"), entries,
                                                                  MarkdownSources(None), "en")})


def test_what_the_static_pass_refuses_in_markdown_the_build_refuses_in_the_html(tmp_path):
    """A second marker for a reference, a page's own footnote (it renumbers every citation after it) and a
    block quote given the engine's class with attr_list, as Python-Markdown renders them."""
    page = ("A claim.[^qq1] The same marker again.[^qq1]\n\n> A quotation of nobody.[^qq2]\n{: .qq-blockquote }\n\n"
            "A note of our own.[^note]\n\n[^note]: Our note.\n")
    html = markdown.markdown(page + REFERENCES, extensions=["footnotes", "attr_list", "md_in_html"])
    assert proof_problems(tmp_path, html) == [
        f"site/index.html:11: reference without a citation in claims.json — /#fn:note 'Our note. ↩' — {BY_HAND}",
        f"site/index.html:1: marker without a citation in claims.json — /#fnref2:qq1 '2' — {BY_HAND}",
        "site/index.html:3: block quote not written by blockquote() — 'A quotation of nobody.' — quote a source "
        "with blockquote(), which checks the passage and signs it; other words go in a paragraph",
        f"site/index.html:5: marker without a citation in claims.json — /#fnref:note '1' — {BY_HAND}",
    ]


def test_a_proof_mark_shows_what_its_call_wrote(tmp_path):
    """Guards of the engine itself: a quote, a figure or a reference that differs from claims.json."""
    marker = '<sup id="fnref:qq{0}"><a class="footnote-ref" href="#fn:qq{0}">{0}</a></sup>'.format
    html = (f'<p><q class="qq-quote">real, changed</q>{marker(1)} <span class="qq-figure">at least 283</span>'
            f'{marker(2)}</p>\n<ol><li id="fn:qq1"><q class="qq-passage">real one</q></li>\n'
            '<li id="fn:qq2">A reference the page redefined</li></ol>')
    entries = [{**CITES[0], "macro": "quote"}, {**CITES[1], "macro": "figure", "figure": {
        "qualifier": "at least", "value": "238", "number": 238, "unit": ""}}]
    assert proof_problems(tmp_path, html, entries) == [
        f"site/index.html:1: figure that is not its figure()'s words — 'at least 283', where figure() wrote "
        f"'at least 238' — {BY_HAND}",
        f"site/index.html:1: quote that is not its passage — 'real, changed', where quote() wrote 'real one' — "
        f"{BY_HAND}",
        "site/index.html:3: reference without its citation's passage — /#fn:qq2 — a page writes no footnote: "
        f"{BY_HAND}",
    ]


def test_a_figure_is_checked_as_its_edition_wrote_it(tmp_path):
    """The site check writes a figure's words in the edition's language, as the engine did (5 000 in Russian)."""
    marker = '<sup id="fnref:qq1"><a class="footnote-ref" href="#fn:qq1">1</a></sup>'
    entries = [{**CITES[0], "macro": "figure", "figure": {"qualifier": "", "value": "5000", "number": 5000,
                                                         "unit": ""}}]

    def problems(chip: str, language: str) -> list[str]:
        write(tmp_path / "site", {"index.html": f'<p><span class="qq-figure">{chip}</span>{marker}</p>'})
        return [str(problem) for problem in check_proof_marks(BuiltSite.read(tmp_path / "site"), entries,
                                                              MarkdownSources(None), language)
                if "figure" in problem.rule]

    assert problems("5\xa0000", "ru") == [] and problems("5,000", "en") == []
    assert problems("5,000", "ru") == [f"site/index.html:1: figure that is not its figure()'s words — '5,000', "
                                       f"where figure() wrote '5 000' — {BY_HAND}"]  # the message's spaces are plain


def test_the_built_site_is_read_once_with_its_files_folders_and_pages(tmp_path):
    write(tmp_path / "site", {"index.html": "<p>home</p>", "a/b/index.html": "<p>b</p>", "a/b/c.css": "p{}",
                              "assets/x.js": ""})
    site = BuiltSite.read(tmp_path / "site")
    assert sorted(site.files) == ["a/b/c.css", "a/b/index.html", "assets/x.js", "index.html"]
    assert sorted(site.directories) == ["a", "a/b", "assets"]
    assert list(site.pages) == ["a/b/index.html", "index.html"] and site.pages["index.html"].text == "<p>home</p>"
    assert site.is_dir("a") and not site.is_dir("a/b/c.css") and site.is_file("a/b/c.css") and not site.is_file("a")


def test_make_check_reads_the_stylesheets_of_the_last_build(tmp_path, capsys):
    from macros.sitecheck.__main__ import main
    (tmp_path / "mkdocs.yml").write_text("site_url: https://example.org/\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<!doctype html><title>T</title>", encoding="utf-8")
    (tmp_path / "site" / "x.css").write_text("\na{background:url(https://evil.example/x.png)}", encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert "site/x.css:2: a stylesheet may load nothing from another host" in capsys.readouterr().out


@pytest.mark.parametrize("html, found", [
    ('<p class="qq-editors-note">Our note.{{ cite("a", "b") }}</p>', []),  # a citation's marker
    ('<p class="qq-editors-note">About the site, with a <a href="x/">link</a>.</p><p>238 cited elsewhere</p>', []),
    ('<p class="qq-editors-note">Toll<sup id="fnref:qq9">238</sup></p>', [("Toll238", "Toll238")]),  # not its number
    ('<div class="qq-editors-note"><p>Some say &#51;00 died.</p></div>', [("Some say 300", "Some say 300 died.")]),
    ('<aside class="x qq-editors-note"><ul><li>Toll: ٣٠٠</li></ul></aside>', [("Toll: ٣٠٠", "Toll: ٣٠٠")]),
])
def test_a_block_exempt_by_its_class_holds_no_number(html, found):
    from macros.pages.exempt_text import numbers_in_notes

    page, _ = parse(f"# T\n\n{html}\n")
    assert [found[:2] for found in numbers_in_notes(render(page, MD), "en")] == found


def test_a_page_writes_no_footnote_and_no_block_quote_of_its_own():
    from macros.pages.handmade import handmade
    page, _ = parse('# T\n\nA claim.[^qq3] Markdown writes `[^name]`.\n\n```\n[^qq1]: in code\n```\n\n'
                    '> Words of nobody.\n{: .qq-blockquote }\n\n[^qq3]: A reference of our own.\n')
    rendered = render(page, MD)
    found = [*handmade(page.path, rendered), *block_quotes_by_hand(page.path, rendered)]
    assert [str(problem) for problem in found] == [
        "docs/p.md:3: footnotes are the citation engine's — '[^qq3]' — a footnote's marker looks like a citation's: "
        "cite with cite(), quote(), blockquote() or figure(), which number and write the references",
        "docs/p.md:12: footnotes are the citation engine's — '[^qq3]' — a footnote's marker looks like a "
        "citation's: cite with cite(), quote(), blockquote() or figure(), which number and write the references",
        "docs/p.md:9: block quote not written by blockquote() — \"> Words of nobody. {: .qq-blockquote }\" — quote a source with "
        "blockquote(), which checks the passage and signs it; other words go in a paragraph",
    ]


def test_a_page_types_no_number_in_square_brackets():
    """A "[238]" in the page's text reads as the bracketed marker the site writes after a number (round 6, 05),
    however the page writes it; code, and a quote's passage, may hold one."""
    from macros.pages.handmade import handmade
    page, _ = parse('# T\n\nChildren died.[238] Also \\[12\\], ［٣］, [²¹] and [[7]](x.md), not `[9]` or [a] or [2a].\n\n'
                    'The cry was {{ quote("alpha", "Shal [3] ket") }}.\n')
    hint = ("the site writes each citation's marker itself, as [21] after a number: cite with cite(), and write a "
            "number of your own in parentheses, (21), or in words")
    assert [str(problem) for problem in handmade(page.path, render(page, MD))] == [
        f"docs/p.md:3: a number in square brackets reads as a citation's marker — '{written}' — {hint}"
        for written in ("[238]", "[12]", "［٣］", "[²¹]", "[7]")]


def test_the_proof_marks_are_the_ones_the_engine_and_the_tooltips_write():
    from macros import proofmarks
    from tests.conftest import ROOT
    script = (ROOT / "overrides" / "assets" / "qq-tooltips.js").read_text(encoding="utf-8")
    assert f'tip.id = "{proofmarks.TOOLTIP}";' in script and f'tip.className = "{proofmarks.TOOLTIP} ' in script
    assert f'var HOSTS = "a.{proofmarks.MARKER_LINK}, ' in script  # what opens a reference's tooltip


def test_a_block_quote_is_the_engines_whole(tmp_path):
    """The engine's block quote, as blockquote() writes it, passes; wrapped in one that repeats its passage, not."""
    engine = ('<blockquote class="qq-blockquote" markdown="1">\n\nreal one\n\n— Alpha, 7 January 2022[^qq1]\n\n'
              '</blockquote>\n\n')
    wrapped = f'<blockquote class="qq-blockquote" markdown="1">\n\nreal one\n\n{engine}</blockquote>\n\n'
    entries = [{**CITES[0], "macro": "blockquote"}, CITES[1]]
    for page, expected in ((engine, []), (wrapped, [f"site/index.html:1: block quote that is not its passage — "
                                                    f"'real one real one — Alpha, 7 January 2022' — {BY_HAND}"])):
        html = markdown.markdown(page + "Two.[^qq2]\n" + REFERENCES, extensions=["footnotes", "attr_list",
                                                                                  "md_in_html"])
        assert proof_problems(tmp_path, html, entries) == expected


def test_a_needle_is_found_at_its_line_in_any_case():
    from macros.lines import LineIndex

    index = LineIndex.of_lines(["# Title", "", "Some <SPAN class='qq-figure'>", "span"], ignore_case=True)
    assert [index.line_of("<span"), index.line_of("SPAN"), index.line_of("absent"), index.line_of("")] == [3, 3, 0, 0]
    assert index.first_line(["absent", "title"]) == 1


def test_words_are_found_as_a_reader_reads_them_whatever_marks_split_them():
    """A needle of words (the text of an element of the built page) is looked up as whole words across emphasis,
    tags and line breaks; a single word only where it is the page's only one."""
    from macros.lines import WordIndex

    index = WordIndex(["Written often: the toll.", "", "## Te*n* thou*sand* protesters", "<p><span>Kil</span>led &amp; "
                       "wounded</p>", "The toll rose.", "A paragraph that runs", "on to a second line."])
    assert [index.line_of(needle) for needle in ("Ten thousand protesters", "ten", "Killed & wounded", "the toll",
                                                 "runs on to", "toll", "ritten", "absent", "")] == [3, 3, 4, 1, 6, 0, 0,
                                                                                                  0, 0]


def test_the_built_site_checks_find_an_element_in_its_markdown_by_its_words(tmp_path):
    """A block quote's first words (nodes.first_words) across its emphasis; a needle of markup, as written."""
    from selectolax.lexbor import LexborHTMLParser

    from macros.lines import Words
    from macros.sitecheck.nodes import first_words

    write(tmp_path / "docs", {"index.md": "Often written.\n\n> The square was *emp*ty, the reporter wrote.\n"})
    quote = LexborHTMLParser("<blockquote>The square was <em>emp</em>ty, the reporter wrote.</blockquote>").body.child
    sources = MarkdownSources(tmp_path / "docs")
    assert isinstance(first_words(quote), Words)
    assert [sources.find("index.html", first_words(quote)), sources.find("index.html", "ten")] == [
        ("docs/index.md", 3), ("docs/index.md", 1)]


def test_the_problems_of_a_long_page_are_capped_before_they_are_made(monkeypatch):
    """Three thousand headings after 90,000 blank lines: 15 s before, each problem searched from the top."""
    from macros import lines
    from macros.sitecheck.content import check_titles

    looked, line_of = [], lines.LineIndex.line_of
    monkeypatch.setattr(lines.LineIndex, "line_of", lambda self, *args: looked.append(args) or line_of(self, *args))
    markdown = [""] * 90_000 + [f"## <b>H{n}</b>" for n in range(3_000)]
    problems = check_titles("docs/x.md", "T", [(f"<b>H{n}</b>", f"#h{n}") for n in range(3_000)], markdown)
    hint = "a heading is plain text: no tags, comments or '<'"
    assert [str(problem) for problem in problems[:2] + problems[-1:]] == [
        f"docs/x.md:90001: more than 200 headings on one page — 3000 — {hint}",
        f"docs/x.md:90001: a page title or heading must be plain text — '<b>H0</b>' — {hint}",
        "docs/x.md:90029: and more problems of the same page — fix these first"]
    assert len(problems) == 31 and len(looked) == 31  # one lookup a problem made, and no more made


def test_the_static_pass_lists_a_page_s_first_uncited_paragraphs_then_one_line_for_the_rest(tmp_path):
    from macros.check import check_project
    from tests.conftest import make_project

    cited = 'Cited.{{ cite("alpha", "At least 238") }}\n'
    text = "\n" * 90_000 + "".join(f"Claim {n}.\n\n" for n in range(8_000)) + cited
    problems = check_project(make_project(tmp_path / "project", {"index.md": text})).problems
    assert len(problems) == 31
    assert str(problems[0]) == ("docs/index.md:90001: paragraph without a citation — \"Claim 0.\" — cite the "
                                "passage it rests on with cite(), quote(), blockquote() or figure() (CONTRIBUTING.md "
                                "lists what is exempt)")
    assert "docs/index.md:90059: and more problems of the same page — fix these first" in map(str, problems)


@pytest.mark.parametrize("html, before, after", [
    ('<p><b>2022</b> <span id="f">13</span><sup id="m">1</sup> <i>0</i></p>', "2022 ", " 0"),
    ('<p>x <span id="f">13</span><sup id="m">1</sup><sup>2</sup>.</p>', "x ", "."),
    ('<p>1<span><span id="f">13</span><sup id="m">1</sup></span><!-- c -->0</p>', "1", "0"),
    ('<p>A</p><p><span id="f">13</span><sup id="m">1</sup></p><p>B</p>', "", ""),
])
def test_the_text_beside_a_figure_is_read_across_inline_elements_within_its_block(html, before, after):
    """What a reader sees run into a figure and its marker (proof.py refuses a letter or digit there)."""
    from selectolax.lexbor import LexborHTMLParser

    from macros.sitecheck.nodes import text_beside

    tree = LexborHTMLParser(html)
    assert text_beside(tree.css_first("#f"), forward=False) == before
    assert text_beside(tree.css_first("#m"), forward=True) == after


def test_a_page_of_many_short_blocks_is_located_in_linear_time():
    """Round 5, 11/32/44: thousands of blocks of one or three words each looked the page's words up again
    (the reader's word index was rebuilt on every look-up) and scanned every later block for its end."""
    from macros.lines import WordLocator
    from macros.pages.rendered import render
    locator = WordLocator(["x"] * 10)
    assert locator.page.read_words is locator.page.read_words  # made once
    page, _ = parse("# T\n\n" + "- a b c\n" * 3000)
    located = render(page, markdown_converter(read_config(ROOT)["markdown_extensions"])).blocks
    assert [block.first for block in located[:3]] == [3, 4, 5] and located[-1].first == 3002


def test_a_page_s_word_indexes_are_made_once_for_all_its_checks(monkeypatch):
    """The static pass's blocks and its checks of exempt text find texts in one PageLines per page
    (ParsedPage.where, which the build's content check reads too): each index is made once, and no cache
    outlives the page."""
    from macros import lines
    from macros.pages.exempt_text import exempt_text_problems

    made = []
    for index in (lines.WordRuns, lines.WordIndex):
        monkeypatch.setattr(index, "__init__", lambda self, *args, init=index.__init__: made.append(type(self))
                            or init(self, *args))
    page, _ = parse("# T\n\n- Te*n* thou*sand* came\n- 12 came\n\n/// note\nNote 3.\n///\n")
    rendered = render(page, MD)
    assert rendered.where is page.where
    assert [problem.line for problem in exempt_text_problems(page.path, rendered, [], "en")] == [7]
    assert sorted(index.__name__ for index in made) == ["WordIndex", "WordRuns"]


def test_a_short_heading_is_found_from_where_it_stands_not_where_its_words_first_occur():
    """Round 4, 54 on the final tree: '## The toll ![chart](c.png)' on the last line was put at an earlier
    paragraph that says 'the toll': the fallback to the reader's words looked from the top."""
    from macros.lines import WordLocator
    lines = ["# T", "", "Often the toll was high.", "", "## The toll ![Chart](c.png)"]
    assert WordLocator(lines).line_of("The toll", move=False, since=4) == 5
    assert WordLocator(lines).line_of("Te*n* thou*sand*".replace("*", ""), move=False) == 0


COLON = ("a line may not open with a citation and a colon — {line} — Markdown would read it as a footnote's "
         "definition: put the citation after the words it cites")


@pytest.mark.parametrize("body, lines", [
    ("Words.\n{cited}: so the gazette put it.\n", [4]),  # a line of a paragraph
    ("- One.\n- {cited}: so it was.\n", [4]),  # a list item
    ("> {cited}: so it was.\n", [3]),  # a block quote's line
    ("1. > - {cited}: so it was.\n", [3]),  # nested
    ("Words. {cited}: so it was.\n", []),  # after words
    ("*{cited}*: so it was.\n", []),  # inside emphasis
    ("Words.{cited}\n\nNo colon.{cited}\n", []),
    ("| A | B |\n|---|---|\n| {cited}: x | y |\n", []),  # a table's cell: no definition there
])
def test_a_bare_marker_that_markdown_reads_as_a_footnotes_definition_is_refused_at_its_line(body, lines):
    from macros.pages.colon_markers import markers_read_as_definitions
    from macros.pages.converter import ConversionBudget

    cited = '{{ cite("alpha", "At least 238 people were killed") }}'
    page, _ = parse("# T\n\n" + body.format(cited=cited))
    found = markers_read_as_definitions(page, MD, ConversionBudget(60))
    assert [str(problem) for problem in found] == [
        f"docs/p.md:{line}: " + COLON.format(line=page.where.lines[line - 1].strip()) for line in lines]
