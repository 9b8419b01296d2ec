"""The prose tells what happened; the marker tells who says so (CONTRIBUTING.md): on the home page and on
each topic page, at most 40% of the running prose's sentences name their source, measured on the built site."""
from __future__ import annotations

import pytest

from tests import story_share
from tests.conftest import ROOT, build

@pytest.mark.parametrize("page", story_share.story_pages())
def test_at_most_40_percent_of_a_story_page_names_its_source(built, page):
    attributed, total, which = story_share.shares(built)[page]
    assert total, f"{page}: no running prose found"
    assert attributed <= story_share.MOST * total, (
        f"{page}: {attributed} of {total} sentences name their source "
        f"({attributed / total:.0%}, at most 40%):\n" + "\n".join(f"[{label}] {s}" for s, label in which))


def test_the_story_pages_are_the_home_page_and_the_nav_sections():
    pages = story_share.story_pages()
    assert pages[0] == "index.md" and len(pages) > 1
    assert not {"method.md", "conventions.md", "timeline.md", "people.md"} & set(pages)


def test_a_sentence_is_attributed_by_a_catalogue_name_or_an_attribution_word(tmp_path):
    catalogue = tmp_path / "catalogue.yml"
    catalogue.write_text('- id: x\n  short: "Gazette (editorial)"\n  author: {value: "Jane Q. Doe"}\n'
                         '  publisher: {value: "Northern Press (NP), Weekly"}\n', encoding="utf-8")
    patterns = story_share.finders(story_share.attribution_names(catalogue), story_share.attribution_phrases())
    named = ["Doe’s count is lower.", "The Gazette was first.", "NP had it.", "In the Weekly’s view it failed.",
             "According to one report, it failed.", "In Doe’s own account, it failed.", "The blog says so."]
    plain = ["Troops arrived on 6 January.", "There is no independent judiciary.", "Post-Soviet states met.",
             "The post-war order held."]
    assert [s for s in named if not story_share.attribution(s, patterns)] == []
    assert [s for s in plain if story_share.attribution(s, patterns)] == []


def test_sentences_split_at_stops_but_not_at_initials_or_inside_quotations():
    html = ('<article><h1>T</h1><p>Jane Q. Doe arrived. She said <q class="qq-quote">No. Never.</q> It ended.'
            '<sup><a class="footnote-ref">12</a></sup> Troops came.</p><blockquote><p>Doe writes.</p></blockquote>'
            '<div class="qq-facts"><p>Doe writes.</p></div><ul><li>A list item. Two.</li></ul></article>')
    blocks = story_share.prose_blocks(story_share.LexborHTMLParser(html))
    assert [s for block in blocks for s in story_share.sentences(block)] == [
        "Jane Q. Doe arrived.", "She said “….”", "It ended.", "Troops came.", "A list item.", "Two."]


TOPIC = "---\ndescription: A test page.\n---\n\n# {title}\n\n{body}\n"
PLAIN = 'People shouted on the square.{{ cite("alpha", "was the cry on the square") }} Troops came.'
ATTRIBUTED = 'The gazette writes that people shouted.{{ cite("alpha", "was the cry on the square") }}'


def test_a_page_added_to_a_nav_section_is_measured(project):
    """Adding a page as CONTRIBUTING says (a file in docs/, a line in a nav section) puts it under the rule."""
    site = project({"index.md": TOPIC.format(title="Home", body=PLAIN),
                    "plain.md": TOPIC.format(title="Plain", body=PLAIN),
                    "attributed.md": TOPIC.format(title="Attributed", body=ATTRIBUTED)})
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnav:\n  - Home: index.md\n  - What happened:\n"
                      "      - Plain: plain.md\n      - Attributed: attributed.md\n  - Figures: figures.md\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    found = story_share.shares(site / "site", config, site / "seeds" / "catalogue.yml")
    assert {page: found[page][:2] for page in found} == {"index.md": (0, 2), "plain.md": (0, 2),
                                                         "attributed.md": (1, 1)}


def test_the_command_prints_each_story_pages_share(built, capsys):
    status = story_share.main([str(built)])
    printed = capsys.readouterr().out
    assert [line.split(":")[0] for line in printed.splitlines()] == story_share.story_pages()
    assert status == (1 if "OVER 40%" in printed else 0)
    assert (ROOT / "tests" / "attribution_words.txt").is_file()
