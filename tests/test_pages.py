"""The static pass: what a page may contain, and where each call is."""
import pytest

from macros.pages import frontmatter
from macros.pages.signatures import MACROS
from tests.conftest import parse


def messages(text):
    return parse(text)[1]


def test_calls_are_found_with_their_line_after_front_matter():
    text = ('---\ntitle: T\n---\n\n# Head\n\nText.{{ cite("a", "x") }}\n\n'
            '{{ figure("a", "238 killed", "238", kind="deaths", date="2022-01") }}\n')
    page, problems = parse(text)
    assert problems == []
    assert [(c.line, c.macro, c.args) for c in page.calls] == [
        (7, "cite", {"source": "a", "passage": "x"}),
        (9, "figure", {"source": "a", "passage": "238 killed", "value": "238", "kind": "deaths",
                       "date": "2022-01"}),
    ]


def test_raw_blocks_show_braces_without_calls():
    page, problems = parse("{% raw %}{{ cycler.__init__ }}{% endraw %}\n")
    assert page.calls == [] and problems == []


@pytest.mark.parametrize("text, expected", [
    ("a\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n",
     "docs/p.md:2: only text and citation macro calls with literal arguments are allowed — found a call of "
     "something that is not a macro of the site: {{ cycler.__init__.__globals__.os.popen('id').read() }} — "
     "see the conventions page for the macros a page may use"),
    ("{{ config }}", "docs/p.md:1: only text and citation macro calls with literal arguments are allowed — "
     "found variable 'config': {{ config }} — see the conventions page for the macros a page may use"),
    ("{% set x = 1 %}", "docs/p.md:1: only text and citation macro calls with literal arguments are allowed — "
     "found '{% set %}' statement: {% set x = 1 %} — see the conventions page for the macros a page may use"),
    ("\n{% include 'x.md' %}", "docs/p.md:2: only text and citation macro calls with literal arguments are "
     "allowed — found '{% include %}' statement: {% include 'x.md' %} — see the conventions page for the macros "
     "a page may use"),
    ('{{ "x" | upper }}', "docs/p.md:1: only text and citation macro calls with literal arguments are allowed — "
     "found filter '|upper': {{ \"x\" | upper }} — see the conventions page for the macros a page may use"),
    ("{{ now() }}", "docs/p.md:1: 'now' is not a macro of the site — {{ now() }} — use one of: " + ", ".join(MACROS)),
    ('{{ cite("a", x) }}', "docs/p.md:1: macro arguments must be literal strings — {{ cite(\"a\", x) }} — "
     "write each argument as \"…\""),
    ('{{ cite("a") }}', "docs/p.md:1: wrong macro arguments — cite() needs 'passage'; its parameters: "
     "source, passage"),
    ('{{ cite("a", "b", page="c") }}', "docs/p.md:1: wrong macro arguments — cite() has no parameter 'page'; "
     "its parameters: source, passage"),
    ('{{ cite("a", 3) }}', "docs/p.md:1: wrong macro arguments — cite() argument 'passage' must be a string, "
     "got 3"),
    # a number Python cannot format (more than 4,300 digits; 0x, 0o and 0b literals have no limit): by its size
    ('{{ cite("a", 0x' + "f" * 6000 + ') }}', "docs/p.md:1: wrong macro arguments — cite() argument 'passage' must "
     "be a string, got a number of about 7,200 digits"),
    ('{{ cite("a", 0o' + "7" * 6000 + ') }}', "docs/p.md:1: wrong macro arguments — cite() argument 'passage' must "
     "be a string, got a number of about 5,400 digits"),
    ('{{ cite("a", 1e999999) }}', "docs/p.md:1: wrong macro arguments — cite() argument 'passage' must be a string, "
     "got inf"),
    ('Text {{ blockquote("a", "b") }}', "docs/p.md:1: blockquote() must stand alone on its line — "
     "Text {{ blockquote(\"a\", \"b\") }} — put it on a line of its own, with blank lines around it"),
    ("{{ cite(", "docs/p.md:1: template syntax error — unexpected 'end of template' — write "
     "{% raw %}…{% endraw %} around text that must show braces literally"),
    ("---\ntitle: \"{{ config }}\"\n---\nx", "docs/p.md:2: template syntax in front matter — {{ config }} — "
     "front matter is plain text; put citations in the page body"),
    ("---\ntitle: \"\\x7b\\x7b 7 * 7 }}\"\n---\nx", "docs/p.md:2: template syntax in front matter — {{ 7 * 7 }} "
     "— front matter is plain text; put citations in the page body"),
    ("---\nrender_macros: false\n---\nx", "docs/p.md:2: front matter may not set 'render_macros' — a page may "
     "set only title, description; every page is checked and rendered the same way"),
    ("{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", "docs/p.md:1: template syntax error — expressions nested too "
     "deeply — pages hold text and citation macros only"),
])
def test_everything_but_text_and_literal_macro_calls_is_refused(text, expected):
    assert messages(text) == [expected]


def test_the_front_matter_is_split_with_the_patterns_mkdocs_uses():
    from mkdocs.utils import meta

    assert frontmatter.YAML_BLOCK.pattern == meta.YAML_RE.pattern and frontmatter.YAML_BLOCK.flags == meta.YAML_RE.flags
    assert frontmatter.META_LINE.pattern == meta.META_RE.pattern
    assert frontmatter.META_MORE.pattern == meta.META_MORE_RE.pattern
    assert frontmatter.yamlfile.LOADER is meta.SafeLoader


@pytest.mark.parametrize("text", [
    "---\ntitle: T\ndescription: D\n---\n\n\n# Body\n", "---\n- a list\n---\nbody\n", "---\n---\nbody\n",
    "Title: T\nMore: m\n    continued\n\nBody\n", "Plain first line.\nTitle: x\n", "\n\n# Leading blank lines\n",
    "---\ntitle: [unclosed\n---\nbody\n", "---\r\ntitle: T\r\n---\r\nbody\r\n", "\ufeff---\ntitle: T\n---\nx\n",
    "# No front matter\n\nText.\n", "---\ntitle: T\n...\nbody\n", "---\ntitle: T\n---\nA\n\n---\n\nB: c\n---\n",
    "---\n\n---\nbody\n", "---\ntitle: T\n---", "----\ntitle: T\n----\nx\n", "--- \t\ntitle: T\n... \nx\n",
    "# T\n\n---\ntitle: T\n---\n", "   Title: T\n\tcontinued\n    more\nx\n", "    Title: T\n\nx\n", "\r\r# T\r",
    "\ufeff\ufeffTitle: T\n", "Title: T\n---\nx\n", "---\ntitle: T\r---\r\nx\n",
])
def test_the_body_is_what_mkdocs_renders_and_the_metadata_what_it_reads(text, tmp_path):
    """The static pass's reading of a page's file, against MkDocs' own (mkdocs.utils.meta.get_data)."""
    from mkdocs.utils import meta

    path = tmp_path / "p.md"
    path.write_bytes(text.encode("utf-8"))
    with open(path, encoding="utf-8-sig") as file:  # as mkdocs.structure.files.File.content_string reads it
        body, data = meta.get_data(file.read())
    page, _ = parse(text)
    assert page.front.body == body
    assert page.front.data == data


@pytest.mark.parametrize("docs", ["docs", "docs-ru"])
def test_every_page_of_each_edition_is_split_as_mkdocs_splits_it(docs):
    """Each page's metadata and body as the static pass reads them, against mkdocs.utils.meta.get_data."""
    from mkdocs.utils import meta

    from macros.corpus.files import as_read
    from macros.pages import read_page
    from tests.conftest import ROOT

    pages = sorted((ROOT / docs).rglob("*.md"))
    assert pages
    for path in pages:
        with open(path, encoding="utf-8-sig") as file:  # as mkdocs.structure.files.File.content_string reads it
            body, data = meta.get_data(file.read())
        src = path.relative_to(ROOT / docs).as_posix()
        page, _ = read_page(f"{docs}/{src}", src, as_read(path.read_text(encoding="utf-8")))
        assert (page.front.body, page.front.data) == (body, data), path


def test_docs_holds_at_most_a_limit_of_files_and_images_are_checked_by_their_headers(tmp_path):
    from macros.pages import read_docs
    from tests.test_images import gif, png

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "big.png").write_bytes(png(1, 1) + bytes(20_000_000))  # its first bytes and header read, not 20 MB
    for n in range(1_000):
        (docs / f"x{n:04d}.gif").write_bytes(gif(1, 1))
    pages, problems = read_docs(docs)
    assert [str(problem) for problem in problems] == [
        "docs/x0999.gif:1: more than 1,000 files in docs/ — ask a maintainer to raise the limit"]


def test_thousands_of_pages_are_refused_by_the_static_pass_without_counting_them_all(tmp_path):
    """8,000 one-paragraph pages took 74 s of MkDocs before (attack 66): the pages are counted up to the file
    limit, and the message does not claim the count is exact."""
    from macros.pages import read_docs

    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(1_001):
        (docs / f"p{n:04d}.md").write_text("x", encoding="utf-8")
    assert [str(problem) for problem in read_docs(docs)[1]] == [
        "docs/p1000.md:1: more than 1,000 files in docs/ — ask a maintainer to raise the limit",
        "docs/p0200.md:1: more than 200 pages in docs/ — 1,000 pages or more — ask a maintainer to raise the limit"]


def test_the_pages_hold_at_most_a_limit_of_bytes_named_at_the_page_past_it(tmp_path):
    from macros.pages import MAX_DOCS_BYTES, MAX_PAGE_BYTES, read_docs

    docs = tmp_path / "docs"
    docs.mkdir()
    count = MAX_DOCS_BYTES // MAX_PAGE_BYTES + 1  # each page under its own limit, all of them over the folder's
    for n in range(count):
        (docs / f"p{n:02d}.md").write_bytes(b"x" * MAX_PAGE_BYTES)
    pages, problems = read_docs(docs)
    assert len(pages) == count
    past = MAX_DOCS_BYTES // MAX_PAGE_BYTES  # the page whose bytes take the total past the limit
    assert [str(problem) for problem in problems] == [
        f"docs/p{past:02d}.md:1: the pages hold more than {MAX_DOCS_BYTES:,} bytes — "
        f"{(past + 1) * MAX_PAGE_BYTES:,} bytes up to this page — ask a maintainer to raise the limit"]


def test_brackets_that_the_link_parser_would_read_for_minutes_are_refused_at_their_paragraph(tmp_path):
    """Each '[' makes Python-Markdown read on to its ']' or the paragraph's end: 70,000 unclosed '[a' took the
    whole render budget (attack 40). The smallest paragraph over the limit, after a site's worth of links."""
    from macros.pages import parse_docs
    from macros.pages.brackets import MAX_LINK_WORK

    docs = tmp_path / "docs"
    docs.mkdir()
    links = [f"See [the source](https://example.org/{n:04d}) and \\[this\\]." for n in range(2_000)]  # 1 '[' each
    (docs / "links.md").write_text("\n\n".join(links) + "\n", encoding="utf-8")
    side = int((MAX_LINK_WORK / 2) ** 0.5) + 1  # '[a' times its length: 2 × side² characters read
    (docs / "storm.md").write_text("# Storm\n\nA paragraph " + "[a" * side + "\nends here.\n", encoding="utf-8")
    count = side * (2 * side + 24) + 2_000 * (len(links[0]) + 1)  # the storm's paragraph, and the links'
    assert [str(problem) for problem in parse_docs(docs)[1]] == [
        f"docs/storm.md:3: brackets that Markdown's link parser would read for minutes — {side:,} '[' in a "
        f"paragraph of {2 * side + 24:,} characters; the pages count {count:,}, the "
        f"limit is {MAX_LINK_WORK:,} — close each '[' with ']' and split long paragraphs; write \\[ for a bracket "
        "that opens no link"]
    (docs / "storm.md").write_text("# Storm\n\nA paragraph " + "[a" * (side - 30) + "\nends here.\n",
                                   encoding="utf-8")
    assert parse_docs(docs)[1] == []
