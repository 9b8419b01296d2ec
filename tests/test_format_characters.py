"""A seed's bidirectional and invisible format characters are never applied where the site shows seed text:
each is shown as its code point instead (macros/render/visible.py). One build of a tiny site whose source
holds "13" wrapped in a right-to-left override (which would display it as "31") and a zero-width space."""
from __future__ import annotations

import hashlib

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.corpus.characters import FORMAT
from tests.conftest import build, make_project
from tests.test_seed_rules import BETA

RLO, PDF, ZWSP = "\u202e", "\u202c", "\u200b"
SEED = (f"The Beta Courier\n\nOfficials said {RLO}13{PDF} people were detained on 5 January.\n\n"
        f"A zero{ZWSP}width space hides inside this sentence: 40 people were detained.\n")
CUT = "Officials said … 13 … people were detained"
# A page may not hold a format character, not even as Jinja's string escape (docs/ refuses them), so a passage
# can reach the override only around it, with elisions, and the override is then outside every part. A
# zero-width space is matched as a space, so a passage typed with a plain space takes it in: shown as U+200B.
PAGE = r"""# Bidi

Detained.{{ cite("beta", "Officials said … 13 … people were detained") }}

Inline: {{ quote("beta", "Officials said … 13 … people were detained") }}

{{ blockquote("beta", "A zero width space hides inside this sentence") }}

Count: {{ figure("beta", "A zero width space hides inside this sentence: 40 people were detained", "40", kind="detained", date="2022-01") }} held.

Alpha.{{ cite("alpha", "The Alpha Gazette") }}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("format") / "project", {"index.md": PAGE})
    seeds, data = project / "seeds", SEED.encode()
    (seeds / "beta.txt").write_bytes(data)
    with open(seeds / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(data).hexdigest()}  beta.txt\n")
    with open(seeds / "catalogue.yml", "a", encoding="utf-8") as catalogue:
        catalogue.write("\n" + BETA)
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def read(site, page: str) -> tuple[str, LexborHTMLParser]:
    text = (site / page).read_text(encoding="utf-8")
    return text, LexborHTMLParser(text)


def shown(node) -> str:
    return " ".join(node.text().split())


@pytest.mark.parametrize("page", ["index.html", "sources/beta/index.html", "figures/index.html",
                                  "sources/index.html", "search/search_index.json"])
def test_no_page_applies_a_format_character_of_a_seed(site, page):
    text = (site / page).read_text(encoding="utf-8")
    assert not FORMAT.search(text), page
    assert "\\u202e" not in text.lower() and "&#8238;" not in text and "&#x202e;" not in text.lower(), page


def test_the_citing_page_applies_no_override_and_shows_a_zero_width_space_as_a_marked_code_point(site):
    _, tree = read(site, "index.html")
    [quote] = tree.css("q.qq-quote")
    assert shown(quote) == CUT and not quote.css(".qq-format-char")
    passages = [shown(passage) for passage in tree.css("q.qq-passage")]  # the references, i.e. the tooltips
    assert passages[:2] == [CUT, CUT]
    assert "A zeroU+200Bwidth space hides inside this sentence" in passages
    assert "A zeroU+200Bwidth space" in shown(tree.css_first("blockquote"))
    assert [shown(figure) for figure in tree.css(".qq-figure")] == ["40"]
    assert "A zeroU+200Bwidth space hides inside this sentence: 40 people were detained" in passages


def test_the_source_page_shows_them_visibly_in_the_text(site):
    _, tree = read(site, "sources/beta/index.html")
    paragraphs = [shown(node) for node in tree.css(".qq-paragraph p")]
    assert "Officials said U+202E13U+202C people were detained on 5 January." in paragraphs
    assert "A zeroU+200Bwidth space hides inside this sentence: 40 people were detained." in paragraphs
    tokens = [shown(token) for token in tree.css(".qq-paragraph .qq-format-char")]
    assert tokens == ["U+202E", "U+202C", "U+200B"]


def test_a_variation_selector_of_a_seed_is_shown_as_its_code_point():
    from macros.render.visible import visible

    assert visible("t\ufe00en thou\U000e0100sand") == ('t<span class="qq-format-char">U+FE00</span>en thou'
                                                      '<span class="qq-format-char">U+E0100</span>sand')
