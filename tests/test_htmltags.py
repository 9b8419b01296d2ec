"""The regex tag scanner behind the post-build checks (macros/htmltags.py)."""
from macros.htmltags import start_tags_having, tags


def test_tags_attributes_and_lines():
    page = ('<P ID="a" title="x > y">text</p>\n<!-- <a href="hidden"> -->\n'
            "<a href='one.html' data-x=\"&amp;&#39;\" hidden>1</a><br/>\n"
            '<script src="s.js">if (a <b && c> d) { "<a href=no>" }</script><img src=plain.png>')
    found = [(tag.name, tag.attributes, tag.line, tag.closing, tag.self_closing) for tag in tags(page)]
    assert found == [
        ("p", {"id": "a", "title": "x > y"}, 1, False, False),
        ("p", {}, 1, True, False),
        ("a", {"href": "one.html", "data-x": "&'", "hidden": None}, 3, False, False),
        ("a", {}, 3, True, False),
        ("br", {}, 3, False, True),
        ("script", {"src": "s.js"}, 4, False, False),
        ("script", {}, 4, True, False),
        ("img", {"src": "plain.png"}, 4, False, False),
    ]


def test_text_that_only_looks_like_a_tag_is_not_one():
    assert [tag.name for tag in tags("a < b, 3<4, <unclosed \"quote>, &lt;i&gt; <em>x</em>")] == ["em", "em"]


def test_only_tags_with_the_attribute_are_returned_and_never_from_comments_scripts_or_quoted_values():
    page = ('<p class="x">a</p><a title="no id=1 here" href="#t">b</a>\n<!-- <b id="c"> -->'
            '<script id="cfg">var s = "<i id=\'js\'>";</script><style>p{}</style>\n'
            '<span data-x="a > b"\n id=\'q\'>c</span><img ID=up src="i.png"/>')
    found = [(tag.name, tag.attributes.get("id"), tag.line, tag.self_closing)
             for tag in start_tags_having(page, r"id\s*=")]
    assert found == [("script", "cfg", 2, False), ("span", "q", 3, False), ("img", "up", 4, True)]
    assert [tag.attributes["href"] for tag in start_tags_having(page, r"href\s*=")] == ["#t"]
    assert [tag.name for tag in tags(page) if not tag.closing] == ["p", "a", "script", "style", "span", "img"]
