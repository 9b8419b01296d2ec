"""The generated source pages, for every source in the catalogue: the address, how we know the text,
who cites each paragraph, and every highlight a cited passage. Rules only, never today's numbers."""
import hashlib
import html
import json
import re
from collections import Counter
from functools import cache
from urllib.parse import urljoin, urlsplit

from tests.conftest import LANGUAGE, ROOT


@cache
def about_the_site() -> set[str]:
    """The URLs of the pages about the site (mkdocs.yml: the citations plugin's `exempt`), which cite passages as
    examples."""
    from macros.check import check_project
    from macros.siteurls import page_url
    return {page_url(src) for src in check_project(ROOT).pages_about_the_site()}

CITED_IN_ENTRY = re.compile(r'<a href="([^"]*)">(.*?)</a> \((\d+)\)')


@cache
def catalogue():
    from macros.corpus import load_corpus
    corpus, problems = load_corpus(ROOT / "seeds")
    assert not problems and corpus.sources
    return list(corpus.sources.values())


def listed_checksums() -> dict[str, str]:
    lines = (ROOT / "seeds" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    found = [re.fullmatch(r"([0-9a-fA-F]{64}) [ *](.+)", line.rstrip()) for line in lines if line.strip()]
    return {match[2]: match[1].lower() for match in found}


def claims_of(built, source) -> list[dict]:
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    return [claim for claim in claims if claim["source"] == source.id]


def source_page(pages, source):
    return pages[f"sources/{source.id}/"]


def page_title(pages, url: str) -> str:
    """A page's name as back-links give it: its heading, less the permalink sign; the home page, whose heading
    is the site's name, by the interface's name for it."""
    from macros.render.interface import say
    return say("home_page", LANGUAGE) if url == "" else pages[url].css_first("h1").text().removesuffix("¶").strip()


def enclosing_section(node):
    while node is not None and node.tag != "section":
        node = node.parent
    return node


def test_the_page_links_the_original_address_or_says_it_is_unknown(pages):
    from macros.render.interface import say
    for source in catalogue():
        page = source_page(pages, source)
        lines = page.css("p.qq-source-address")
        assert len(lines) == 1, source.id
        links = [link.attributes.get("href") for link in lines[0].css("a")]
        says_unknown = say("address_unknown", LANGUAGE) in page.body.text()
        if source.url:
            assert links == [source.url] and not says_unknown, source.id
            assert lines[0].text() == f"{say('original_address', LANGUAGE)}: {source.url}", source.id
        else:
            assert links == [] and lines[0].text() == say("address_unknown", LANGUAGE), source.id


def test_the_sources_index_says_for_how_many_texts_the_address_is_known(pages):
    from macros.render.interface import say
    known = sum(1 for source in catalogue() if source.url)
    expected = say("addresses_known", LANGUAGE, count=known) if known else say("addresses_none", LANGUAGE)
    assert expected in pages["sources/"].body.text()


def test_how_we_know_is_closed_and_gives_the_file_its_checksum_and_each_fields_basis(pages):
    from macros.render.interface import words
    sums = listed_checksums()
    for source in catalogue():
        blocks = source_page(pages, source).css("details.qq-how-we-know")
        assert len(blocks) == 1 and "open" not in blocks[0].attributes, source.id
        block = blocks[0]
        digest = hashlib.sha256((ROOT / "seeds" / source.file).read_bytes()).hexdigest()
        assert sums.get(source.file) == digest, source.file
        assert f"seeds/{source.file}" in [code.text() for code in block.css("code")], source.id
        assert [code.text() for code in block.css("code.qq-checksum")] == [digest], source.id
        labels = [term.text() for term in block.css("dt")][:len(source.meta)]
        assert labels == [words(LANGUAGE)["fields"][name] for name in source.meta], source.id
        bases = [basis.attributes.get("class") for basis in block.css(".qq-basis")]
        assert bases == [f"qq-basis qq-basis-{field.basis}" for field in source.meta.values()], source.id


def test_cited_in_names_each_citing_page_with_its_number_of_claims_on_the_paragraph(built, pages):
    from macros.render.interface import say
    for source in catalogue():
        here = f"/sources/{source.id}/"
        claims = claims_of(built, source)
        for section in source_page(pages, source).css("section.qq-paragraph"):
            number = int(section.attributes["id"].removeprefix("p"))
            on_paragraph = [claim for claim in claims if claim["paragraph"] == number]
            lines = section.css("p.qq-cited-in")
            if not on_paragraph:
                assert not lines, f"{source.id} paragraph {number}"
                continue
            assert 1 <= len(lines) <= 2, f"{source.id} paragraph {number}"
            entries, kinds = [], []
            for line in lines:  # the pages about the events, then those about the site, which cite as examples
                found = [(urlsplit(urljoin(here, href)), html.unescape(title), int(count))
                         for href, title, count in CITED_IN_ENTRY.findall(line.html)]
                shown = ", ".join(f"{title} ({count})" for _, title, count in found)
                kind = {target.path.lstrip("/") in about_the_site() for target, _, _ in found}
                assert len(kind) == 1, f"{source.id} paragraph {number}: pages of both kinds on one line"
                heading = say("example_in" if kind == {True} else "cited_in", LANGUAGE)
                assert line.text() == f"{heading}: {shown}", f"{source.id} paragraph {number}"
                entries, kinds = entries + found, kinds + list(kind)
            assert kinds == sorted(kinds), f"{source.id} paragraph {number}: the examples come last"
            anchors = {(claim["page"], claim["anchor"]) for claim in on_paragraph}
            for target, title, _ in entries:
                assert (target.path.lstrip("/"), target.fragment) in anchors, (source.id, number, target)
                assert title == page_title(pages, target.path.lstrip("/")), (source.id, number, title)
            counts = {target.path.lstrip("/"): count for target, _, count in entries}
            assert len(counts) == len(entries), f"{source.id} paragraph {number}: a page named twice"
            assert counts == Counter(claim["page"] for claim in on_paragraph), f"{source.id} paragraph {number}"


def test_every_mark_is_a_cited_passage_and_no_id_is_used_twice(built, pages):
    """A claim of two parts has one way back, above its first part's paragraph: an id is the target of one link."""
    for source in catalogue():
        page = source_page(pages, source)
        ids = [node.attributes["id"] for node in page.css("[id]")]
        assert len(set(ids)) == len(ids), (source.id, sorted({i for i in ids if ids.count(i) > 1}))
        claims = claims_of(built, source)
        for mark in page.css("mark"):
            section = enclosing_section(mark).attributes["id"]
            assert re.fullmatch(rf"{section}-\d+", mark.attributes.get("id") or ""), (source.id, mark.html)
            assert mark.parent.tag == "p", mark.html  # marks sit in the paragraph's own text, nothing between
            parts = [part for claim in claims if f"p{claim['paragraph']}" == section for part in claim["parts"]]
            assert any(mark.text() in part for part in parts), (source.id, mark.html)


def test_every_claim_points_at_a_mark_of_its_paragraph_on_its_source_page(built, pages):
    for source in catalogue():
        page = source_page(pages, source)
        for claim in claims_of(built, source):
            path, _, anchor = claim["source_page"].partition("#")
            assert path == f"sources/{source.id}/", claim["source_page"]
            back = page.css_first(f'a.qq-back[id="{anchor}"]')
            assert back is not None, claim["source_page"]
            marks = [page.css_first(f'mark[id="{mark}"]') for mark in back.attributes["data-marks"].split()]
            assert None not in marks, claim["source_page"]
            assert enclosing_section(back).attributes["id"] == f"p{claim['paragraph']}", claim["source_page"]
            assert "".join(mark.text() for mark in marks) == "".join(claim["parts"]), claim["source_page"]


def test_each_source_pages_summary_ends_its_sentences_once_in_every_edition(merged):
    """A sentence whose last word ends with a full stop of its own (the Russian year's «г.») takes no second one."""
    from selectolax.lexbor import LexborHTMLParser
    summaries = {path.relative_to(merged).as_posix(): LexborHTMLParser(path.read_text(encoding="utf-8"))
                 .css_first("p.qq-source-summary").text() for path in merged.glob("**/sources/*/index.html")}
    assert any(page.startswith("ru/") for page in summaries) and any(not page.startswith("ru/") for page in summaries)
    assert {page: text for page, text in summaries.items()
            if ".." in text.replace("...", "") or not text.rstrip().endswith(".")} == {}
