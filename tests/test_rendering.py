"""Pages are rendered from the static pass's parse (macros/render/markup.py render_page), never by
Jinja: the result must be the very string Jinja would render from the same page."""
from __future__ import annotations

import html

import jinja2
import pytest

from macros.check import check_project
from macros.pages import Call
from macros.pages.signatures import MACROS
from macros.render.markup import marker, render_page
from tests.conftest import LANGUAGE, ROOT, parse


def by_jinja(body: str, outputs) -> str:
    """What mkdocs-macros' Jinja environment (default syntax, strict undefined) renders."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals.update({name: (lambda *args, **kwargs: next(outputs)) for name in MACROS})
    return env.from_string(body).render()


def numbered(pieces):
    """Each call's output names its place and arguments, so a swapped or dropped call shows."""
    calls = [piece for piece in pieces if isinstance(piece, Call)]
    return {id(call): f"<{number}:{call.macro}:{call.args['passage']}>" for number, call in enumerate(calls)}


TRICKY = {
    "raw block and comment": 'A {% raw %}{{ shown }}{% endraw %} b{# hidden #} c{{ cite("a", "x") }}.\n',
    "whitespace control": 'One.\n\n{{- cite("a", "x") -}}\n\nTwo {{ quote("a", "y") }} three.\n',
    "trailing newlines": 'Text {{ cite("a", "x") }}\n\n\n',
    "no trailing newline": 'Text {{ cite("a", "x") }}',
    "blockquote on its own line": 'Before.\n\n{{ blockquote("a", "z") }}\n\nAfter {{ cite("a", "x") }}\n',
    "braces in arguments": 'T {{ cite("a", "a }} b {% c") }} u {{ cite("a", \'it\\\'s\') }}\n',
}


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_render_page_is_what_jinja_renders(text):
    parsed, problems = parse(text)
    assert problems == []
    outputs = numbered(parsed.pieces)
    expected = by_jinja(parsed.body, iter(outputs[id(call)] for call in parsed.calls))
    assert render_page(parsed.pieces, lambda call: outputs[id(call)]) == expected


def test_every_page_of_the_site_renders_as_jinja_would():
    checked = check_project(ROOT)
    assert checked.problems == []
    assert checked.pages
    for page, parsed in checked.pages.items():
        markers = {id(claim.call): marker(claim, LANGUAGE) for claim in checked.claims[page]}
        citing = [call for call in parsed.calls if MACROS[call.macro].cites]
        assert [id(call) for call in citing] == list(markers), page
        outputs = {id(call): markers.get(id(call), f"<{call.macro}:{call.args}>") for call in parsed.calls}
        expected = by_jinja(parsed.body, iter(outputs[id(call)] for call in parsed.calls))
        assert render_page(parsed.pieces, lambda call: outputs[id(call)]) == expected, page


def test_the_body_of_every_page_is_what_mkdocs_renders_after_the_metadata():
    from mkdocs.utils.meta import get_data

    checked = check_project(ROOT)
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8-sig")
        assert checked.pages[page.relative_to(ROOT / "docs").as_posix()].body == get_data(text)[0], page


def test_md_escape_leaves_no_markdown_html_or_template_syntax():
    from macros.render.markup import md_escape

    text = "  a*b_c [x](y) <b>&\"'\n{{ z }} {% w %} #1 `q` 50% $3 |t| ~s~ ^u^ =v: e!.+-\\\\ "
    escaped = md_escape(text)
    assert escaped == ("a&#42;b&#95;c &#91;x&#93;&#40;y&#41; &lt;b&gt;&amp;&quot;&#x27; &#123;&#123; z &#125;&#125; "
                       "&#123;&#37; w &#37;&#125; &#35;1 &#96;q&#96; 50&#37; &#36;3 &#124;t&#124; &#126;s&#126; "
                       "&#94;u&#94; &#61;v&#58; e&#33;&#46;&#43;&#45;&#92;&#92;")
    assert html.unescape(escaped) == " ".join(text.split())
