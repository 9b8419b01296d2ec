"""The interface of an explainer, not of documentation, on the built site: no edit pencil, repository button or
"Made with"; every page ends with a way to suggest a correction; the contributors' page is reached from the
footer, not the readers' menu; search puts the story's pages first and keeps the markers' numbers out; the
people page starts with the people."""
from __future__ import annotations

import json
import posixpath

from selectolax.lexbor import LexborHTMLParser

from macros.render.search import CONTRIBUTORS_PAGE
from macros.render.interface import words
from macros.siteurls import built_path, page_url
from tests.conftest import CONFIG, LANGUAGE

EXEMPT = next(plugin["citations"]["exempt"] for plugin in CONFIG["plugins"]
              if isinstance(plugin, dict) and "citations" in plugin)
CONTRIBUTORS = CONTRIBUTORS_PAGE


def _tells_the_story(url: str) -> bool:
    return not url.startswith("sources/") and url not in {page_url(src) for src in EXEMPT}


def test_no_page_shows_documentation_chrome(pages):
    for url, tree in pages.items():
        assert not tree.css("a.md-content__button, .md-source, .md-header__source, .md-nav__source"), url
        assert "Made with" not in tree.css_first(".md-footer").text(), url


def test_every_page_ends_with_a_suggest_a_correction_link_to_its_edit_url(pages):
    for url, tree in pages.items():
        last = list(tree.css_first("article.md-content__inner").iter())[-1]
        assert last.tag == "p" and "qq-correction" in last.attributes.get("class", ""), url
        link = last.css_first("a[rel='edit']")
        assert link.text() == words(LANGUAGE)["suggest_correction"], url
        assert link.attributes["href"].startswith(CONFIG["repo_url"] + "/edit/"), url


def test_the_contributors_page_is_in_every_footer_and_not_in_the_menu(pages):
    contributors = "/" + page_url(CONTRIBUTORS)
    assert CONTRIBUTORS in EXEMPT and all(CONTRIBUTORS not in str(item) for item in CONFIG["nav"])
    for url, tree in pages.items():
        menu = [_resolved(url, a.attributes.get("href") or "") for a in tree.css("nav.md-nav--primary a")]
        assert contributors not in menu, url
        footer = tree.css_first(".md-copyright a.qq-contributors")
        assert footer.text().strip() == words(LANGUAGE)["for_contributors"], url
        assert _resolved(url, footer.attributes["href"]) == contributors, url


def _resolved(url: str, href: str) -> str:
    """A relative link's target, as a path from the site's root ending in '/' for a page."""
    path = posixpath.normpath(posixpath.join("/" + url, href.split("#")[0]))
    return path if path.endswith("/") else path + "/"


def test_search_ranks_the_story_before_the_sources_and_the_pages_about_the_site(built):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    contributors = page_url(CONTRIBUTORS_PAGE)
    assert (built / built_path(CONTRIBUTORS_PAGE)).is_file()
    assert not [doc for doc in index["docs"] if doc["location"].startswith(contributors)]  # its examples are code
    for doc in index["docs"]:
        url = doc["location"].split("#")[0]
        if _tells_the_story(url):
            assert doc.get("boost", 1) == 1, doc["location"]
        else:
            assert doc.get("boost", 1) < 1, doc["location"]


def test_search_text_holds_no_marker_numbers(built, pages):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(tree.css("sup[id^='fnref:']") for tree in pages.values())  # markers exist, and search skips them
    for doc in index["docs"]:
        numbers = [sup.text() for sup in LexborHTMLParser(doc["text"]).css("sup") if sup.text().strip().isdigit()]
        assert numbers == [], doc["location"]


def test_the_people_page_starts_with_the_people(pages):
    """Its first section opens with an entry; the list of the texts the entries draw on, cited, comes after them."""
    article = pages["people/"].css_first("article.md-content__inner")
    blocks = [node for node in article.iter() if node.tag in ("h2", "h3", "ul", "ol", "details")]
    tags = [node.tag for node in blocks]
    assert tags[:2] == ["h2", "h3"], tags
    cited_lists = [i for i, node in enumerate(blocks) if node.tag == "ul" and node.css("sup[id^='fnref:']")]
    assert cited_lists and min(cited_lists) > max(i for i, tag in enumerate(tags) if tag == "h3"), tags
