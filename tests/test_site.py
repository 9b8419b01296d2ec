"""The real site: it builds, claims.json and the HTML agree, a broken quote fails the build."""
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from macros.links import scan
from macros.orphans import shown_figures
from tests.conftest import ROOT, build, error_lines

MARKER = re.compile(r'<sup id="(fnref:qq\d+)">')
COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")


def test_every_marker_has_a_claim_and_every_claim_a_marker(built):
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    in_html = set()
    for page in built.rglob("index.html"):
        url = page.parent.relative_to(built).as_posix()
        url = "" if url == "." else url + "/"
        in_html |= {(url, anchor) for anchor in MARKER.findall(page.read_text(encoding="utf-8"))}
    in_json = [(claim["page"], claim["anchor"]) for claim in claims]
    assert len(in_json) == len(set(in_json)) > 0
    assert set(in_json) == in_html


def test_every_claim_points_at_a_highlighted_passage_on_its_source_page(built):
    for claim in json.loads((built / "claims.json").read_text(encoding="utf-8")):
        path, _, anchor = claim["source_page"].partition("#")
        page = (built / path / "index.html").read_text(encoding="utf-8")
        assert f'<mark id="{anchor}">' in page, claim["source_page"]
        seed = (ROOT / "seeds" / claim["file"]).read_text(encoding="utf-8")
        assert all(part in seed for part in claim["parts"])


def test_every_source_has_a_page_and_is_cited(built):
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    catalogue = (ROOT / "seeds" / "catalogue.yml").read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)$", catalogue, re.M)
    assert len(ids) == 5
    assert {claim["source"] for claim in claims} == set(ids)
    for source_id in ids:
        assert (built / "sources" / source_id / "index.html").is_file()


def test_changing_one_letter_of_a_quote_fails_with_file_line_and_closest_passage(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    page = copy / "docs" / "conventions.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    # the last one: the first is the example inside a raw block, shown but not checked
    number = max(i for i, line in enumerate(lines) if line.startswith("Protesters chanted {{ quote("))
    lines[number] = lines[number].replace('"Shal, ket"', '"Shal, kit"')
    page.write_text("\n".join(lines), encoding="utf-8")
    result = build(copy)
    assert result.returncode == 1
    assert error_lines(result) == [
        f"docs/conventions.md:{number + 1}: passage not found in source 'obeachain-2022-01-07' — \"Shal, kit\" — "
        "closest passage, paragraph 11: \"“Shal, ket”\""]


def test_the_citation_core_imports_nothing_from_mkdocs():
    code = ("import sys, macros.build, macros.render, macros.check;"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros'));"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_static_pass_runs_alone_as_a_command():
    result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")


TOPIC_PAGES = ("background", "triggers", "crackdown", "csto-intervention", "geopolitics")


def test_every_source_is_cited_at_least_three_times(built):
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    catalogue = (ROOT / "seeds" / "catalogue.yml").read_text(encoding="utf-8")
    counts = {source_id: 0 for source_id in re.findall(r"^- id: (\S+)$", catalogue, re.M)}
    for claim in claims:
        counts[claim["source"]] += 1
    assert min(counts.values()) >= 3, counts


def test_each_topic_page_has_at_least_ten_citations_and_700_to_1500_words_of_prose(built):
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    for page in TOPIC_PAGES:
        assert sum(claim["page"] == f"{page}/" for claim in claims) >= 10, page
        words = len(_prose((built / page / "index.html").read_text(encoding="utf-8")).split())
        assert 700 <= words <= 1500, (page, words)


def _prose(page_html: str) -> str:
    """The text a reader reads in the article: no references, markers, headings or page chrome."""
    article = page_html[page_html.index("<article"): page_html.index("</article>")]
    article = article.split('<div class="footnote">')[0]
    article = re.sub(r"<sup id=\"fnref:[^\"]+\">.*?</sup>|<h1.*?</h1>|<a class=\"md-content__button.*?</a>", "",
                     article, flags=re.S)
    return re.sub(r"<[^>]+>", " ", article)


class _Reference(HTMLParser):
    """What html.parser reads in a page: ids, links and qq-figure elements, for the regex scanner to match."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.figures, self.depth, self.figure = set(), [], [], 0, None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)
            elif value is not None and name in ("href", "src"):
                self.links.append((value.strip(), self.getpos()[0]))
            elif value is not None and name == "srcset":
                self.links += [(part.split()[0], self.getpos()[0]) for part in value.split(",") if part.strip()]
        if self.figure is not None:
            self.depth += 1
        elif "qq-figure" in (dict(attrs).get("class") or "").split():
            self.figure, self.depth = "", 1

    def handle_endtag(self, tag):
        if self.figure is not None:
            self.depth -= 1
            if self.depth == 0:
                self.figures.append(" ".join(self.figure.split()))
                self.figure = None

    def handle_data(self, data):
        if self.figure is not None:
            self.figure += data


def test_the_tag_scanner_reads_every_built_page_as_html_parser_does(built):
    pages = sorted(path.relative_to(built).as_posix() for path in built.rglob("*.html"))
    figures = 0
    for path in pages:
        text = (built / path).read_text(encoding="utf-8")
        reference = _Reference()
        reference.feed(text)
        reference.close()
        page = scan(path, text)
        assert page.ids == reference.ids, path
        assert [(link.url, link.line) for link in page.links] == reference.links, path
        assert [" ".join(shown.text.split()) for shown in shown_figures(text)] == reference.figures, path
        figures += len(reference.figures)
    assert len(pages) > 15 and figures > 20
