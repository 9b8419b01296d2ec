"""The real site: it builds, claims.json and the HTML agree, a broken quote fails the build."""
import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from macros.claims import doc_url
from tests.conftest import CONFIG, ROOT, build, error_lines

COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")


def test_every_marker_has_a_claim_and_every_claim_a_marker(built):
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    in_html = set()
    for page in built.rglob("index.html"):
        url = page.parent.relative_to(built).as_posix()
        url = "" if url == "." else url + "/"
        in_html |= {(url, sup.attributes["id"])
                    for sup in LexborHTMLParser(page.read_text(encoding="utf-8")).css('sup[id^="fnref:qq"]')}
    in_json = [(claim["page"], claim["anchor"]) for claim in claims]
    assert len(in_json) == len(set(in_json)) > 0
    assert set(in_json) == in_html


def test_every_claim_points_at_a_highlighted_passage_on_its_source_page(built):
    for claim in json.loads((built / "claims.json").read_text(encoding="utf-8")):
        path, _, anchor = claim["source_page"].partition("#")
        page = (built / path / "index.html").read_text(encoding="utf-8")
        # the way back sits above the paragraph whose marks it lists, with no text between them but other ways back
        assert re.search(rf'<a class="qq-back" id="{anchor}" [^>]*>[^<]*</a>\s*(<a class="qq-back" [^>]*>[^<]*</a>\s*)*'
                         r'<p>(?:(?!</p>).)*<mark ', page, re.S), claim["source_page"]
        seed = (ROOT / "seeds" / claim["file"]).read_text(encoding="utf-8")
        assert all(part in seed for part in claim["parts"])


def test_every_source_has_a_page_and_is_cited(built):
    from macros.corpus import load_corpus

    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    ids = set(load_corpus(ROOT / "seeds")[0].sources)
    assert {claim["source"] for claim in claims} == ids
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
    code = ("import sys, macros.check, macros.render, macros.sitecheck.__main__, macros.sitecheck.external, "
            "macros.offline;"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros'));"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_the_mkdocs_plugin_package_imports_mkdocs():
    importers = set()
    for path in (ROOT / "macros").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            if any(name.split(".")[0] in ("mkdocs", "material", "mkdocs_macros") for name in names):
                importers.add(path.relative_to(ROOT).parts[:2])
    assert importers == {("macros", "mkdocs_plugin")}


def test_the_static_pass_runs_alone_as_a_command():
    result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")




def test_properdocs_builds_the_same_site(tmp_path, built):
    """ProperDocs, the maintained fork of MkDocs 1.6, runs the same plugins: same claims.json, same pages
    but for the generator meta."""
    properdocs = shutil.which("properdocs", path=str(Path(sys.executable).parent))
    assert properdocs, "properdocs is pinned in requirements-dev.txt"
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([properdocs, "build", "--strict", "-d", str(site)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "claims.json").read_bytes() == (built / "claims.json").read_bytes()
    generator = re.compile(r'<meta name="generator" content="[^"]*">')
    for page in built.rglob("*.html"):
        name = page.relative_to(built)
        assert generator.sub("", (site / name).read_text(encoding="utf-8")) == \
            generator.sub("", page.read_text(encoding="utf-8")), name


def test_search_indexes_the_prose_but_not_the_reference_lists(built):
    """The reference lists repeat the passages, and the source pages' links back to each sentence
    would read as part of the source's text in a result."""
    from macros.render.interface import say, words
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"]]
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    from macros.render.search import CONTRIBUTORS_PAGE  # kept out of the index: its examples are macro calls
    cited_pages = {claim["page"] for claim in claims} - {CONTRIBUTORS_PAGE.removesuffix(".md") + "/"}
    indexed_pages = {doc["location"].split("#")[0] for doc in index["docs"] if doc["text"]}
    assert cited_pages and cited_pages <= indexed_pages
    assert not [text for text in texts if say("read_in_source") in text]
    back_link = words()["back_to_sentence"].split("{")[0]  # the source pages' links back to each sentence
    assert not [text for text in texts if back_link in text]


def test_the_figures_page_shows_readers_no_page_about_the_site(built, pages):
    """The method and conventions pages cite figures as examples of the macro: /figures/ neither links them
    nor sets them apart as 'As an example in'."""
    from macros.check import check_project
    from macros.render.interface import say
    about_the_site = check_project(ROOT).pages_about_the_site()
    assert about_the_site
    article = pages["figures/"].css_first("article")
    linked = {urljoin("/figures/", link.attributes["href"]).split("#")[0] for link in article.css("a[href]")}
    assert not linked & {"/" + doc_url(src) for src in about_the_site}
    assert say("example_in") not in " ".join(article.text().split())


def test_every_cited_page_collapses_its_references_under_their_count(built):
    from macros.render.interface import say_count
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    for url in {claim["page"] for claim in claims}:
        html = (built / url / "index.html").read_text(encoding="utf-8")
        count = sum(claim["page"] == url for claim in claims)
        blocks = re.findall(r'<details class="qq-references" id="references"([^>]*)>\s*<summary>(.*?)</summary>', html)
        assert [(" open" in attributes, summary) for attributes, summary in blocks] == \
            [(False, say_count("references", count))], url


def test_no_stylesheet_the_site_ships_loads_anything_from_another_host(built):
    # The build does not run this check: stylesheets are code (docs/ may hold none), so it runs here, on every CI run.
    from urllib.parse import urlsplit
    from macros.sitecheck.builtsite import BuiltSite
    from macros.sitecheck.css import check_stylesheets
    site = BuiltSite.read(built)
    assert any(name.endswith(".css") for name in site.files)
    assert [str(problem) for problem in check_stylesheets(site, urlsplit(CONFIG["site_url"]).hostname)] == []


def test_the_sites_own_stylesheets_ship_with_every_rule_and_without_their_comments(built):
    import tinycss2

    def rules(text: str, skip_comments: bool) -> list[str]:
        nodes = tinycss2.parse_stylesheet(text, skip_comments=skip_comments, skip_whitespace=True)
        return [tinycss2.serialize([node]) for node in nodes]

    for name in CONFIG["extra_css"]:
        written = (ROOT / CONFIG["theme"]["custom_dir"] / name).read_text(encoding="utf-8")
        shipped = (built / name).read_text(encoding="utf-8")
        # read with its comments, the shipped stylesheet has none, and the written one's rules
        assert rules(shipped, skip_comments=False) == rules(written, skip_comments=True), name
