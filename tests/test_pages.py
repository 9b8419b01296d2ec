"""The static pass: what a page may contain, and where each call is."""
import pytest

from macros.pages import parse_page


def messages(text):
    return [str(problem) for problem in parse_page("docs/p.md", text).problems]


def test_calls_are_found_with_their_line_after_front_matter():
    text = ('---\ntitle: T\n---\n\n# Head\n\nText.{{ cite("a", "x") }}\n\n'
            '{{ figure("a", "238 killed", "238", kind="deaths", date="2022-01") }}\n')
    parsed = parse_page("docs/p.md", text)
    assert parsed.problems == []
    assert [(c.line, c.macro, c.args) for c in parsed.calls] == [
        (7, "cite", {"source": "a", "passage": "x"}),
        (9, "figure", {"source": "a", "passage": "238 killed", "value": "238", "kind": "deaths",
                       "date": "2022-01"}),
    ]


def test_raw_blocks_show_braces_without_calls():
    parsed = parse_page("docs/p.md", "{% raw %}{{ cycler.__init__ }}{% endraw %}\n")
    assert parsed.calls == [] and parsed.problems == []


@pytest.mark.parametrize("text, expected", [
    ("a\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n",
     "docs/p.md:2: only text and citation macro calls with literal arguments are allowed — found a call of "
     "something that is not a citation macro: {{ cycler.__init__.__globals__.os.popen('id').read() }} — "
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
    ("{{ now() }}", "docs/p.md:1: 'now' is not a citation macro — {{ now() }} — use one of: cite, quote, "
     "blockquote, figure"),
    ('{{ cite("a", x) }}', "docs/p.md:1: macro arguments must be literal strings — {{ cite(\"a\", x) }} — "
     "write each argument as \"…\""),
    ('{{ cite("a") }}', "docs/p.md:1: wrong macro arguments — cite() needs 'passage'; its parameters: "
     "source, passage"),
    ('{{ cite("a", "b", page="c") }}', "docs/p.md:1: wrong macro arguments — cite() has no parameter 'page'; "
     "its parameters: source, passage"),
    ('{{ cite("a", 3) }}', "docs/p.md:1: wrong macro arguments — cite() argument 'passage' must be a string, "
     "got 3"),
    ('Text {{ blockquote("a", "b") }}', "docs/p.md:1: blockquote() must stand alone on its line — "
     "Text {{ blockquote(\"a\", \"b\") }} — put it on a line of its own, with blank lines around it"),
    ("{{ cite(", "docs/p.md:1: template syntax error — unexpected 'end of template' — write "
     "{% raw %}…{% endraw %} around text that must show braces literally"),
    ("---\ntitle: \"{{ config }}\"\n---\nx", "docs/p.md:2: template syntax in front matter — {{ config }} — "
     "front matter is plain text; put citations in the page body"),
    ("---\ntitle: \"\\x7b\\x7b 7 * 7 }}\"\n---\nx", "docs/p.md:2: template syntax in front matter — {{ 7 * 7 }} "
     "— front matter is plain text; put citations in the page body"),
    ("---\nrender_macros: false\n---\nx", "docs/p.md:2: front matter may not set 'render_macros' — every page "
     "is checked and rendered the same way"),
])
def test_everything_but_text_and_literal_macro_calls_is_refused(text, expected):
    assert messages(text) == [expected]
