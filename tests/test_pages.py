"""The static pass: what a page may contain, and where each call is."""
import random

import jinja2
import pytest
from jinja2 import nodes

from macros.literalcalls import _read_directly, literal_template
from macros.pages import PARSER, parse_page
from macros.signatures import MACROS
from tests.conftest import ROOT


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


def _same_nodes(fast, slow) -> bool:
    """Equal nodes (Jinja compares fields), on the same lines."""
    if fast != slow:
        return False
    kinds = (nodes.Output, nodes.Call, nodes.Name, nodes.Keyword, nodes.TemplateData, nodes.Const)
    return [(type(n).__name__, n.lineno) for n in fast.find_all(kinds)] == \
        [(type(n).__name__, n.lineno) for n in slow.find_all(kinds)]


def test_the_literal_call_short_cut_builds_what_jinja_parses_for_every_page_of_the_site():
    for page in sorted((ROOT / "docs").rglob("*.md")):
        body = parse_page(f"docs/{page.name}", page.read_text(encoding="utf-8")).body
        fast = literal_template(PARSER, body, MACROS)
        assert fast is not None, page  # the real pages take the short cut
        assert _same_nodes(fast, PARSER.parse(body)), page


SHORT_CUT = [
    'a {{ cite("s", "p") }} b\n\n{{ quote(\'s\', "p\\" q") }}',
    '{{ figure("s", "p", "1", "deaths", "2022", qualifier="at least", unit="people") }}',
    '{{- cite("s", "p") -}}\n\n{# note #}x{% raw %}{{ y }}{% endraw %}\n',
    '{{ cite(source="s", passage="p") }}', "plain text\n", "", "{{ cite() }}",
    '{{\n  cite(\n    "s",\n    "p"\n  )\n}}\n',
]
PARSER_DECIDES = [
    '{{ cite("s", "p",) }}', '{{ cite("s" "p") }}', '{{ cite(source="s", "p") }}', '{{ cite("s", p) }}',
    '{{ cite("s", "p") | upper }}', '{{ cite("s", "p").x }}', '{{ cite("s", "p"), 1 }}', '{{ other("s") }}',
    '{{ cite("s", 1) }}', '{{ cite("s", -1) }}', '{% if x %}{{ cite("s", "p") }}{% endif %}',
    '{{ cite("s", "p") if x }}', '{{ cite(*a) }}', '{{ cite(**k) }}', '{{ cite("s", "p")(1) }}',
    '{{ cite["x"]("s") }}', '{{ cite("s", "p") ~ "x" }}', '{{ cite("s", "p") }', '{{ cite("s", ',
    '{{ true("s") }}', '{{ cite("s", "p" }}', '{{ cite("s", key=) }}',
]


@pytest.mark.parametrize("body", SHORT_CUT + PARSER_DECIDES)
def test_the_short_cut_takes_only_what_it_reads_exactly_as_jinja_does(body):
    fast = literal_template(PARSER, body, MACROS)
    assert (fast is not None) is (body in SHORT_CUT)
    if fast is not None:
        assert _same_nodes(fast, PARSER.parse(body))


def test_pages_without_blocks_or_comments_are_read_without_jinjas_lexer_and_get_the_same_nodes():
    direct = 0
    for page in sorted((ROOT / "docs").rglob("*.md")):
        body = parse_page(f"docs/{page.name}", page.read_text(encoding="utf-8")).body
        read = _read_directly(body, MACROS)
        assert (read is not None) is not any(mark in body for mark in ("{%", "{#", "\r")), page
        if read is not None:
            assert _same_nodes(read, PARSER.parse(body)), page
            direct += 1
    assert direct >= 9


PIECES = [
    "text ", "\n", "\n\n", " }} ", "{ x }", "é ", "\u2028", "\r\n", "{% raw %}{{ x }}{% endraw %}", "{# c #}",
    '{{ cite("s", "p") }}', "{{cite('s','p')}}", '{{\n cite(\n"s",\n  "two\nlines")\n}}', '{{ cite() }}',
    '{{ figure("s", "p", "1", kind="deaths", unit=\'%\') }}', '{{ quote("s", "a }} b {{ c") }}',
    '{{ cite("s", "p",) }}', '{{ cite("s" "p") }}', '{{ cite(source="s", "p") }}', '{{ cite("s", p) }}',
    '{{ cite("s", "back\\tslash") }}', '{{ cite("s", "p") | upper }}', '{{ cite("s", key=="p") }}',
    '{{- cite("s", "p") }}', '{{ cite("s", "p") -}}', '{{+ cite("s", "p") }}', '{{ citeé("s") }}',
    '{{ cite("s", kindé="p") }}', '{{ other("s") }}', '{{ cite("s", 1) }}', '{{ cite("s", "p") }',
    '{{ cite("s", ', '{{{ cite("s") }}', '{{ cite\u00a0("s", "p") }}', '{{ cite(\t"s" ,\n"p"  ) }}',
    '{{ cite\n("s", kind=\n"p") }}',
]


def test_reading_without_the_lexer_agrees_with_jinja_on_random_pages():
    rng = random.Random(2022)
    read = 0
    for _ in range(3000):
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
        direct = _read_directly(body, MACROS)
        try:
            parsed = PARSER.parse(body)
        except jinja2.TemplateSyntaxError:
            assert direct is None, body
            continue
        if direct is not None:
            assert _same_nodes(direct, parsed), body
            read += 1
    assert 300 < read < 2700  # both ways are taken often
