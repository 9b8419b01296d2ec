"""The site's blocks (/// facts, cards, gaps, about, note) and the refusal of raw HTML in a page, on the parse.

Each block writes the HTML a page once wrote by hand, which the site's CSS, the checks and the pull-request check
of editors' notes key on; a raw HTML tag, a block the site does not have and an attribute off the content
allow-list are refused by the static pass at their line, with what to write instead. mkdocs.yml turns on no
Markdown extension that reads files, runs code or writes raw tags.
"""
import pytest

from macros.pages import parse_docs
from macros.pages.converter import ConversionBudget, markdown_converter
from macros.pages.rawhtml import raw_html_problems
from macros.pages.rawwatch import raw_html_converter
from macros.sitecheck import read_config
from tests.conftest import ROOT, parse

EXTENSIONS = read_config(ROOT)["markdown_extensions"]
BLOCKS = "/// facts, /// cards, /// gaps | heading, /// about or /// note, each closed by /// (CONTRIBUTING.md)"
RAW = "raw HTML is not allowed in a page"
CONTENT = "pages hold text, links, images and citations: see SECURITY.md"
UNREAD = ("the blocks are /// facts, /// cards, /// gaps | heading, /// about and /// note, whose only option is "
          "attrs: a mapping of attribute names to text (CONTRIBUTING.md)")


@pytest.fixture(scope="module")
def html():
    md = markdown_converter(EXTENSIONS)
    return lambda text: md.reset().convert(text)


@pytest.fixture(scope="module")
def refused():
    md, finder = raw_html_converter(EXTENSIONS)

    def problems(text: str) -> list[str]:
        page, _ = parse(text)
        return [str(problem) for problem in raw_html_problems(page, md, finder, ConversionBudget(60))]

    return problems


@pytest.mark.parametrize("markdown, expected", [
    ("/// facts\n\n- 238\n  people · CEPA *commentary*\n\nMore.\n\n///",
     '<div class="qq-facts">\n<ul>\n<li>238 <small>people · CEPA <em>commentary</em></small></li>\n</ul>\n'
     '<p>More.</p>\n</div>'),
    ("/// cards\n\n- [Background](background.md)\n  An oil-rich country\n\n///",
     '<div class="qq-cards">\n<ul>\n<li><a href="background.md">Background</a><br />\nAn oil-rich country</li>\n'
     '</ul>\n</div>'),
    ("/// about\nOur name, and the [method](method.md).\n///",
     '<p class="qq-about qq-editors-note">Our name, and the <a href="method.md">method</a>.</p>'),
    ("/// note\nEach is an opinion piece.\n///", '<p class="qq-editors-note">Each is an opinion piece.</p>'),
])
def test_each_block_writes_the_html_the_pages_wrote_by_hand(html, markdown, expected):
    assert html(markdown) == expected


def test_the_gaps_block_is_a_landmark_named_by_its_own_heading_with_ids_unique_on_the_page(html):
    converted = html("/// gaps | What the sources do not tell us\n\n- No toll.\n\n///\n\n/// gaps | More\n\nNone.\n\n///")
    assert converted.startswith('<aside aria-labelledby="qq-gaps-title" class="qq-gaps qq-editors-note">\n'
                                '<h2 id="qq-gaps-title">What the sources do not tell us<a class="headerlink"')
    assert '<aside aria-labelledby="qq-gaps-title-2" class="qq-gaps qq-editors-note">\n<h2 id="qq-gaps-title-2">More' \
        in converted


@pytest.mark.parametrize("text, expected", [
    ('# T\n\n<div class="qq-facts" markdown="1">\n\n- One.\n\n</div>\n',
     [f"docs/p.md:3: {RAW} — '<div class=\"qq-facts\" markdown=\"1\">' — write the block /// facts … ///"]),
    ('# T\n\nText.\n\n<aside class="qq-gaps qq-editors-note" aria-labelledby="g">\n<h2 id="g">Gaps</h2>\n</aside>\n',
     [f"docs/p.md:5: {RAW} — '<aside class=\"qq-gaps qq-editors-note\" aria-labelledby=\"g\">' — write the block "
      "/// gaps | its heading … ///"]),
    ('# T\n\n<p class="qq-editors-note">A note.</p>\n',
     [f"docs/p.md:3: {RAW} — '<p class=\"qq-editors-note\">' — write the block /// note … ///"]),
    ("# T\n\n- 238 <small>people</small>\n- 13 <small>officers</small>\n",
     [f"docs/p.md:{line}: {RAW} — '<small>' — in /// facts, a figure's caption is the line under it, indented: the "
      "block sets it small" for line in (3, 4)]),
    ("# T\n\nOne<br>two, and <b>bold</b>.\n\n<!-- a hidden word -->\n",
     [f"docs/p.md:3: {RAW} — '<br>' — in /// cards, a card's description is the line under its link, indented; "
      "elsewhere start a new paragraph",
      f"docs/p.md:5: {RAW} — '<!-- a hidden word -->' — a page holds what readers see: remove the comment, and tell "
      "the maintainers in the pull request"]),
    ('# T\n\nSee the <a href="#x">texts</a>, <span>or</span> <i>not</i>.\n',  # one problem a line
     [f"docs/p.md:3: {RAW} — '<a href=\"#x\">' — write a link in Markdown: [its words](page.md#heading)"]),
    ("# T\n\nWords.\n\n</div>\n", [f"docs/p.md:5: {RAW} — '</div>' — write it in Markdown, or in a block: {BLOCKS}"]),
])
def test_raw_html_is_refused_at_its_line_with_the_block_to_write(refused, text, expected):
    assert refused(text) == expected


def test_html_inside_code_is_not_raw_html(refused):
    assert refused('# T\n\nWrite `<div class="qq-facts">` no more.\n\n```html\n<p class="qq-editors-note">x</p>\n'
                   '```\n\n    <aside>indented code</aside>\n') == []


def test_the_same_tag_again_is_found_at_its_own_line(refused):
    assert [line.split(":")[1] for line in refused("# T\n\n`<b>` here\n\nand <b>bold</b>\n\nand <b>more</b>\n")] \
        == ["5", "7"]


def test_each_block_of_raw_html_with_a_call_inside_is_found_at_its_own_line(refused):
    """A stashed block holds each call as its name, not as the page wrote it: found by its first tag, in order,
    and none dropped (a piece whose line is not found is reported without one)."""
    cited = '{{ cite("alpha", "At least 238 people were killed") }}'
    text = (f"# T\n\nThe toll.{cited}\n\n<table><tr><td>Toll{cited}</td></tr></table>\n\n"
            f"<dl><dt>Toll</dt><dd>Told.{cited}</dd></dl>\n\n<table><tr><td>Again{cited}</td></tr></table>\n")
    assert [(line.split(":")[1], line.split("— '")[1].split("'")[0]) for line in refused(text)] == \
        [("5", "<table>"), ("7", "<dl>"), ("9", "<table>")]


def test_raw_html_that_holds_a_call_keeps_the_page_from_being_built():
    """Markdown does not read raw HTML: a call in a block, a tag's attribute or a comment would lose its marker in
    the build, which then stops at the static pass (at the call's line where the piece's own is not found); a call
    between two inline tags keeps its marker, and the build goes on to check the page's HTML."""
    from macros.pages.rawhtml import raw_html_found
    from macros.pages.rendered import render

    md, finder = raw_html_converter(EXTENSIONS)
    cited = '{{ cite("alpha", "At least 238 people were killed") }}'
    page, _ = parse(f"# T\n\nSaid <b>so.{cited}</b>\n\n<table><tr><td>Toll{cited}</td></tr></table>\n\n"
                    f"Said <span title='{cited}'>so</span>.\n\nSo.{cited} <!-- {cited} -->\n")
    found, losing = raw_html_found(page, finder, render(page, md, ConversionBudget(60)))
    assert [(problem.line, problem.found) for problem in found] == \
        [(3, "'<b>'"), (5, "'<table>'"), (7, "'<span …>'"), (9, "'<!-- … -->'")]
    assert losing == found[1:]
    page, _ = parse("# T\n\n" + "Said <b>so</b>.\n\n" * 31 + f"<table><tr><td>Toll{cited}</td></tr></table>\n")
    found, losing = raw_html_found(page, finder, render(page, md, ConversionBudget(60)))
    assert [problem.rule for problem in losing] == ["and more problems of the same page"]  # past the cap


@pytest.mark.parametrize("text, expected", [
    ("# T\n\n/// note\n    attrs: {onclick: alert(1), lang: kk}\nA note.\n///\n",
     [f"docs/p.md:4: attribute not allowed in page content — onclick on <p> — {CONTENT}",
      "docs/p.md:4: lang attributes are the engine's — lang='kk' on <p> — the engine marks the sources' own words "
      "with their language: write the page in its edition's language, with no lang"]),
    ('# T\n\n/// facts\n    attrs: {style: "color: red", data-md-component: x}\n\n- One.\n\n///\n',
     [f"docs/p.md:4: attribute not allowed in page content — style on <div> — {CONTENT}",
      f"docs/p.md:4: attribute not allowed in page content — data-md-component on <div> — {CONTENT}"]),
    ('# T\n\nA paragraph.\n{: style="display: none" }\n',
     [f"docs/p.md:4: attribute not allowed in page content — style on <p> — {CONTENT}"]),
    ("# T\n\n### Tokayev { #tokayev data-terms=\"Tokayev\" }\n\n/// note\n    attrs: {id: n}\nOurs.\n///\n",
     []),  # the allow-list's own attributes pass
])
def test_block_options_and_attribute_lists_pass_only_the_content_allow_list(refused, text, expected):
    assert refused(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("# T\n\n/// fact\nOne.\n///\n", [f"docs/p.md:3: not a block of the site — '/// fact' — {UNREAD}"]),
    ("# T\n\n/// note\n    style: red\nOne.\n///\n", [f"docs/p.md:3: not a block of the site — '/// note' — {UNREAD}"]),
    ("# T\n\n/// gaps\nNo heading.\n///\n", [f"docs/p.md:3: not a block of the site — '/// gaps' — {UNREAD}"]),
    # in a tight list item's own text, or on a paragraph's later line, a block is text too (round 5, 02)
    ("# T\n\n- One.\n  /// warning | Checked\n  Two.\n  ///\n",
     [f"docs/p.md:4: not a block of the site — '/// warning | Checked' — {UNREAD}"]),
    ("# T\n\nOne *two*\n/// tip\nThree.\n///\n", [f"docs/p.md:4: not a block of the site — '/// tip' — {UNREAD}"]),
    ("# T\n\n- One.\n  ///////// qq-references | Checked\n  Two.\n",
     [f"docs/p.md:4: not a block of the site — '///////// qq-references' — {UNREAD}"]),
    ("# T\n\n- `/// note` and\n\n        /// note\n", []),  # code shows it as written
])
def test_a_block_pymdownx_leaves_unread_is_refused(refused, text, expected):
    assert refused(text) == expected


def test_the_pages_hold_no_raw_html():
    md, finder = raw_html_converter(EXTENSIONS)
    pages, _ = parse_docs(ROOT / "docs")
    assert pages and [problem for page in pages.values()
                      for problem in raw_html_problems(page, md, finder, ConversionBudget(60))] == []


# What a Markdown extension may not do on this site: read a file into a page (snippets), write raw HTML of the page's
# choosing (the html block), load a script (arithmatex's MathJax output), or run code on a code block (superfences'
# custom fences: their validator and formatter are Python functions, named by !!python/name).
FORBIDDEN = {"pymdownx.snippets", "pymdownx.blocks.html", "markdown.extensions.snippets"}


def test_no_extension_reads_files_runs_code_or_writes_raw_tags():
    extensions = read_config(ROOT)["markdown_extensions"]
    assert not FORBIDDEN & set(extensions)
    assert extensions.get("pymdownx.arithmatex", {"generic": True}).get("generic") is True  # no <script type="math/tex">
    fences = extensions.get("pymdownx.superfences", {}).get("custom_fences") or []
    assert not [fence for fence in fences if not isinstance(fence, dict) or {"validator", "format"} & set(fence)]


def test_the_engines_blocks_write_its_block_quote_and_references():
    """blockquote() and the page's references are blocks the citations plugin adds (render/markup.py)."""
    import markdown

    from macros.render.blocks import ENGINE_FENCE, EngineBlocks
    md = markdown.Markdown(extensions=[*EXTENSIONS, EngineBlocks()], extension_configs=EXTENSIONS)
    quoted = md.convert(f"{ENGINE_FENCE} qq-blockquote\n\nWords.\n\n— Alpha, 2022\n\n{ENGINE_FENCE}\n")
    assert quoted == '<blockquote class="qq-blockquote">\n<p>Words.</p>\n<p>— Alpha, 2022</p>\n</blockquote>'
    listed = md.reset().convert(f"Said.[^qq1]\n\n{ENGINE_FENCE} qq-references | 1 reference\n\n///Footnotes Go Here///"
                                f"\n\n{ENGINE_FENCE}\n\n[^qq1]: Alpha.\n")
    assert listed.startswith('<p>Said.<sup id="fnref:qq1"><a class="footnote-ref" href="#fn:qq1">1</a></sup></p>\n'
                             '<details class="qq-references" data-search-exclude="" id="references">\n'
                             '<summary>1 reference</summary>\n<div class="footnote">')


def test_a_page_may_not_write_the_engines_blocks(refused):
    assert refused("# T\n\n///////// qq-blockquote\n\nWords.\n\n/////////\n") == \
        [f"docs/p.md:3: not a block of the site — '///////// qq-blockquote' — {UNREAD}"]


def test_text_the_engine_writes_never_opens_a_block(html):
    from macros.render.markup import md_escape
    assert html(f"{md_escape('/// note')}\nA claim.\n///") == "<p>&#47;// note\nA claim.\n///</p>"


@pytest.mark.parametrize("before", ["", "The editors add one thing.\n\n"])
def test_a_block_quote_inside_a_note_is_refused_once_at_its_call(refused, before):
    assert refused(f'# T\n\n/// note\n\n{before}{{{{ blockquote("alpha", "Words of a source") }}}}\n\n///\n') == [
        f"docs/p.md:{5 + before.count(chr(10))}: a block quote cannot stand inside a /// note or /// about — "
        "blockquote('Words of a source') — put the block quote outside the note: close the note with /// before "
        "the blockquote() call"]


def test_a_page_may_not_write_the_engines_references(refused):
    assert refused("# T\n\nSaid.\n\n///////// qq-references | 1 reference\n\nWords.\n\n/////////\n") == \
        [f"docs/p.md:5: not a block of the site — '///////// qq-references' — {UNREAD}"]


ENGINE_IDS = ("give the element another id, or none: the engine names its own elements qq-… (its citations fn:qq…, "
              "fnref:qq…)")


@pytest.mark.parametrize("text, expected", [
    # an attribute list writes the footnotes' ids on any element, a list item among them
    ("# T\n\n- One.\n  {: #fn:qq1 }\n- Two.\n", [f"docs/p.md:4: ids starting with qq- are the engine's — "
                                                  f"id='fn:qq1' on <li> — {ENGINE_IDS}"]),
    ("# T\n\nOne.\n{: #fnref:qq2 }\n", [f"docs/p.md:4: ids starting with qq- are the engine's — id='fnref:qq2' on "
                                       f"<p> — {ENGINE_IDS}"]),
    ("# T\n\n## Words { #fnref:qq3 }\n", [f"docs/p.md:3: ids starting with qq- are the engine's — id='fnref:qq3' "
                                          f"on <h2> — {ENGINE_IDS}"]),
])
def test_an_id_in_the_engines_names_is_refused_on_any_element_the_page_writes(refused, text, expected):
    assert refused(text) == expected


def test_the_footnotes_own_ids_are_left_to_the_footnote_rule(refused):
    """A page's footnote is refused as such (pages/handmade.py), not for the ids its extension writes."""
    assert refused("# T\n\nSaid.[^qq1]\n\n[^qq1]: A note.\n") == []


LISTED = ("Markdown would give its attributes to the citation's marker, which is the engine's: remove the {…} after "
          "the call")


def test_an_attribute_list_right_after_a_call_is_refused_at_the_calls_line():
    """The build writes a call's marker where the call stands, and attr_list gives a {…} right after it to the
    marker: a new id loses it, a class restyles it. A space between them leaves the list as text."""
    from macros.pages.rawhtml import raw_html_found
    from macros.pages.rendered import render

    md, finder = raw_html_converter(EXTENSIONS)
    cited = '{{ cite("alpha", "At least 238 people were killed") }}'
    page, _ = parse(f"# T\n\n- Said.{cited}{{: #fnref:qq7 }}\n- Said {{{{ quote(\"alpha\", \"Shal, ket!\") }}}}{{.x}} "
                    f"and *so*{{: .y }}.{cited} {{: #z }}\n")
    found, losing = raw_html_found(page, finder, render(page, md, ConversionBudget(60)))
    assert [str(problem) for problem in found] == [
        f"docs/p.md:3: an attribute list cannot follow a macro call — '{{: #fnref:qq7 }}' — {LISTED}",
        f"docs/p.md:4: an attribute list cannot follow a macro call — '{{.x}}' — {LISTED}"]
    assert losing == found
