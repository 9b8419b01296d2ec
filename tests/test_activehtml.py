"""Active HTML in a page is refused, with the line it is on."""
import pytest

from macros.activehtml import active_html

HINT = ("pages hold text and citations; scripts, frames, styles, forms, event handlers and script URLs "
        "are refused")


@pytest.mark.parametrize("line, found", [
    ("<script>alert(1)</script>", "<script>"),
    ('<SCRIPT src="../assets/x.js"></SCRIPT>', "<script>"),
    ('<iframe src="x"></iframe>', "<iframe>"),
    ('<img src="x" onerror="alert(1)">', "an event handler on <img>"),
    ('<a href="#" ONclick = "x()">y</a>', "an event handler on <a>"),
    ('<a href="java\tscript:alert(1)">y</a>', "a script URL"),
    ('<a href="&#106;avascript:alert(1)">y</a>', "a script URL"),
    ("[click](javascript:alert(1))", "a script URL"),
    ("<style>body{}</style>", "<style>"),
    ('<svg onload="x">', "<svg>"),
])
def test_active_html_is_refused(line, found):
    assert [str(p) for p in active_html("docs/p.md", f"Text.\n{line}\n", offset=2)] == [
        f"docs/p.md:4: active HTML is not allowed — found {found} — {HINT}"]


@pytest.mark.parametrize("line", [
    '<q class="qq-quote">x</q>', '<abbr title="Once upon a time">CSTO</abbr>', "A sentence about onions = good.",
    '<a href="../sources/">sources</a>', "Scripts and iframes are words, not tags.",
])
def test_plain_html_and_prose_pass(line):
    assert active_html("docs/p.md", line) == []


def test_the_static_pass_checks_page_text_but_not_macro_arguments_which_are_escaped():
    from macros.pages import parse_page
    text = '---\ntitle: T\n---\n# T\n\nA {{ cite("s", "<script>x</script>") }} b\n\nc <iframe src="x">\n'
    assert [str(p) for p in parse_page("docs/p.md", text).problems] == [
        f"docs/p.md:8: active HTML is not allowed — found <iframe> — {HINT}"]
