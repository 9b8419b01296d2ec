"""Source text is escaped on its way into Markdown and HTML (SECURITY.md).

A fixture source (tests/fixtures/security/seeds) holds <script>, {{ }}, {% %}, *, _, |,
backticks and [link](url) in its passages and catalogue; every place it is shown must
show exactly the source's characters as text, and nothing else.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from tests.conftest import FIXTURES, build, make_project

SEEDS = FIXTURES / "security" / "seeds"
SCRIPT = "A reader wrote <script>alert(1)</script> in the comment box"
TEMPLATE = "Templates like {{ 7*7 }} and {% if x %} must stay as written."
MARKDOWN = "Markdown marks *stars*, _under_scores_, a | pipe, `backticks` and [link](http://x) stay plain."
FIGURE = "Officials said 42 <b>people</b> | *were* {{ held }} in custody"
TITLE = "The {{ 7*7 }} *Herald* | _x_ [t](http://x) {% if x %}"
PUBLISHER = "`Publisher` {# c #} [p](http://x)"
PAGE = f"""# Hostile

Script.{{{{ cite("hostile", "{SCRIPT}") }}}}

Inline: {{{{ quote("hostile", "{TEMPLATE}") }}}}

{{{{ blockquote("hostile", "{MARKDOWN}") }}}}

Count: {{{{ figure("hostile", "{FIGURE}", "42", kind="detained", date="2022-01") }}}} held.
"""


class Elements(HTMLParser):
    """Every element with its attributes and its text, and the page's visible text."""

    VOID = {"meta", "link", "img", "br", "hr", "input", "source", "wbr"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.open: list[list] = []
        self.elements: list[tuple[str, dict, str]] = []
        self.visible: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append([tag, dict(attrs), []])
        else:
            self.elements.append((tag, dict(attrs), ""))

    def handle_endtag(self, tag):
        while self.open:
            name, attrs, parts = self.open.pop()
            self.elements.append((name, attrs, "".join(parts)))
            if self.open:
                self.open[-1][2].extend(parts)
            if name == tag:
                break

    def handle_data(self, data):
        if self.open:
            self.open[-1][2].append(data)
        if not any(name in ("script", "style", "title") for name, _, _ in self.open):
            self.visible.append(data)

    def texts(self, tag, cls=None):
        return [text for name, attrs, text in self.elements
                if name == tag and (cls is None or cls in (attrs.get("class") or "").split())]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("escaping") / "project", {"index.md": PAGE}, seeds=SEEDS)
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def parsed(site, page) -> tuple[str, Elements]:
    text = (site / page).read_text(encoding="utf-8")
    return text, Elements(text)


def assert_inert(text: str, elements: Elements) -> None:
    """No script, link, bold or evaluated template that came from the source."""
    for name, attrs, content in elements.elements:
        assert not (name == "script" and "alert" in content), content
        assert attrs.get("href") not in ("http://x", "http://x/"), attrs
        assert name not in ("b", "em", "strong") or "people" not in content and "stars" not in content, name
    visible = " ".join("".join(elements.visible).split())
    assert not re.search(r"\b49\b", visible)  # {{ 7*7 }} was not evaluated
    assert not re.search(r"<script>alert\(\d\)", text)


def test_the_citing_page_shows_each_passage_as_its_text(site):
    text, elements = parsed(site, "index.html")
    assert elements.texts("q", "qq-quote") == [TEMPLATE]
    assert MARKDOWN in elements.texts("blockquote")[0]
    assert elements.texts("span", "qq-figure") == ["42"]
    assert elements.texts("q", "qq-passage") == [SCRIPT, TEMPLATE, MARKDOWN, FIGURE]  # footnotes, i.e. the tooltips
    sources = elements.texts("span", "qq-source")
    # references name the source by its short label: with no author or `short`, the publisher
    assert sources and all(source == PUBLISHER for source in sources)
    assert_inert(text, elements)


def test_the_source_page_shows_the_whole_text_and_metadata_as_text(site):
    text, elements = parsed(site, "sources/hostile/index.html")
    marks = elements.texts("mark")
    assert marks == [SCRIPT, TEMPLATE, MARKDOWN, FIGURE]
    visible = " ".join("".join(elements.visible).split())
    for expected in (SCRIPT + " and it stayed text.", FIGURE + " on 5 January.", "Written for the tests "
                     "<script>alert(3)</script>; free to republish.", TITLE, "test fixture {{ 7*7 }} | _x_"):
        assert expected in visible, expected
    assert f"<title>Source: {html.escape(TITLE, quote=False)}" in text or f"<title>Source: {TITLE}" in text
    assert_inert(text, elements)


def test_the_figures_page_shows_the_figure_and_its_source_as_text(site):
    text, elements = parsed(site, "figures/index.html")
    visible = " ".join("".join(elements.visible).split())
    assert "42" in visible and PUBLISHER in visible
    assert_inert(text, elements)


def test_the_search_index_and_claims_hold_the_source_characters(site):
    claims = (site / "claims.json").read_text(encoding="utf-8")
    import json

    assert [claim["passage"] for claim in json.loads(claims)] == [SCRIPT, TEMPLATE, MARKDOWN, FIGURE]
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in index.replace("\\u003c", "<")
