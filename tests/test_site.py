"""The real site: it builds, claims.json and the HTML agree, a broken quote fails the build."""
import ast
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import ProxyHandler, build_opener

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.siteurls import page_url
from tests.conftest import CONFIG, LANGUAGE, MKDOCS, ROOT, build, error_lines

COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")
LOCAL = build_opener(ProxyHandler({}))  # the local server, never through a proxy from the environment


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


def a_quote_of_the_site():
    """The first quote() of the real site with a passage of one part, of at most 20 words (the closest
    passage is sought with the first 20), written once on its line."""
    from macros.check import check_project
    return next(claim for claim in check_project(ROOT).all_claims()
                if claim.macro == "quote" and len(claim.match.spans) == 1 and len(claim.match.passage.split()) <= 20
                and claim.call.line_text.count(f'"{claim.call.args["passage"]}"') == 1)


def one_letter_changed(text: str) -> str:
    index = max(i for i, letter in enumerate(text) if letter.isalpha())
    return text[:index] + ("q" if text[index].lower() != "q" else "z") + text[index + 1:]


def test_changing_one_letter_of_a_quote_fails_with_file_line_and_closest_passage(tmp_path):
    """Any quote of the site, one letter changed: the build fails at its line, showing the passage it was."""
    claim = a_quote_of_the_site()
    passage = claim.call.args["passage"]
    changed = one_letter_changed(passage)
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    page = copy / claim.call.path
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[claim.call.line - 1] = lines[claim.call.line - 1].replace(f'"{passage}"', f'"{changed}"')
    page.write_text("\n".join(lines), encoding="utf-8")
    result = build(copy)
    assert result.returncode == 1
    [error] = error_lines(result)
    assert error.startswith(f"{claim.call.path}:{claim.call.line}: passage not found in source "
                            f"'{claim.source.id}' — \"{changed[:40]}"), error  # the passage as written, maybe cut
    closest = f' — closest passage, paragraph {claim.match.paragraph.number}: "'
    assert closest in error and claim.match.passage in error.split(closest, 1)[1], error


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
    # its last line: before it, the translated blocks to review when an English page was reworded (CONTRIBUTING)
    assert result.stdout.splitlines()[-1].startswith("ok: ")




# What a contributor types, and where: `make build` and `make serve` run `mkdocs build` and `mkdocs serve` in the
# project's folder with no -f, where MkDocs gives the plugins the config file's path absolute; after -f, it is the
# path as typed, relative to the working folder. ProperDocs, the maintained fork of MkDocs 1.6, runs the same plugins.
INVOCATIONS = {
    "mkdocs build -f mkdocs.yml": (["mkdocs", "build", "-f", "mkdocs.yml"], ROOT),
    "mkdocs build -f <project>/mkdocs.yml, from the folder above": (
        ["mkdocs", "build", "-f", f"{ROOT.name}/mkdocs.yml"], ROOT.parent),
    "properdocs build": (["properdocs", "build"], ROOT),
    "properdocs build -f mkdocs.yml": (["properdocs", "build", "-f", "mkdocs.yml"], ROOT),
}
# MkDocs writes the day of the build into the sitemap (each <lastmod>, and the time of sitemap.xml.gz): two builds
# either side of midnight differ there, and nowhere else.
BUILD_DAY_FILES = {"sitemap.xml", "sitemap.xml.gz"}


def site_contents(files: dict[str, bytes]) -> dict[str, bytes]:
    """A built site's files by name, as two ways of building it must agree on: the HTML without the name and
    version of the generator (ProperDocs writes its own), and without the files that hold the day of the build."""
    contents = {}
    for name, data in files.items():
        if name.endswith(".html"):
            tree = LexborHTMLParser(data.decode("utf-8"))
            for generator in tree.css('meta[name="generator"]'):
                generator.decompose()
            data = tree.html.encode("utf-8")
        if name not in BUILD_DAY_FILES:
            contents[name] = data
    return contents


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def differences(contents: dict[str, bytes], reference: dict[str, bytes]) -> list[str]:
    return sorted(name for name in contents.keys() | reference.keys() if contents.get(name) != reference.get(name))


@pytest.fixture(scope="session")
def built_contents(built) -> dict[str, bytes]:
    """The site as `make build` builds it (mkdocs build in the project's folder), to compare the others with."""
    return site_contents(files_of(built))


@pytest.mark.parametrize("command, folder", INVOCATIONS.values(), ids=INVOCATIONS.keys())
def test_every_ordinary_invocation_builds_the_same_site(command, folder, tmp_path, built_contents):
    tool = shutil.which(command[0], path=str(Path(sys.executable).parent))
    assert tool, f"{command[0]} is pinned in requirements.txt or requirements-dev.txt"
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([tool, *command[1:], "-d", str(site)], cwd=folder, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert differences(site_contents(files_of(site)), built_contents) == []


def test_mkdocs_serve_with_a_config_file_serves_the_same_site(tmp_path, built_contents):
    """`mkdocs serve` builds with site_url set to its own address; --no-livereload serves each file as it was
    built (the live reload script is written into every page as it is sent)."""
    port = free_port()
    served_url, site_url = f"http://127.0.0.1:{port}{urlsplit(CONFIG['site_url']).path}", CONFIG["site_url"]
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([MKDOCS, "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}", "--no-livereload"],
                                  cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_served(server, served_url, log)
        served = {name: fetch(served_url + name).replace(served_url.encode(), site_url.encode())
                  for name in built_contents}
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: serve removes its temporary site
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert differences(site_contents(served), built_contents) == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> bytes:
    with LOCAL.open(url, timeout=10) as response:
        return response.read()


def wait_until_served(server: subprocess.Popen, url: str, log: Path, seconds: float = 120) -> None:
    """Until the server answers 200, it stops, or `seconds` pass; each try waits for the server to stop a moment."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with LOCAL.open(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet (URLError and HTTPError are OSErrors)
            pass
        try:
            server.wait(timeout=0.25)
        except subprocess.TimeoutExpired:
            continue
        pytest.fail("mkdocs serve stopped:\n" + log.read_text(encoding="utf-8")[-3000:])
    pytest.fail(f"mkdocs serve did not answer {url} in {seconds:.0f} s:\n" + log.read_text(encoding="utf-8")[-3000:])


def test_search_indexes_the_prose_but_not_the_reference_lists(built):
    """The reference lists repeat the passages, and the source pages' links back to each sentence
    would read as part of the source's text in a result."""
    from macros.render.interface import say, words
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"]]
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    from macros.render.search import CONTRIBUTORS_PAGE  # kept out of the index: its examples are macro calls
    cited_pages = {claim["page"] for claim in claims} - {page_url(CONTRIBUTORS_PAGE)}
    indexed_pages = {doc["location"].split("#")[0] for doc in index["docs"] if doc["text"]}
    assert cited_pages and cited_pages <= indexed_pages
    assert not [text for text in texts if say("read_in_source", LANGUAGE) in text]
    back_link = words(LANGUAGE)["back_to_sentence"].split("{")[0]  # the source pages' links back to each sentence
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
    assert not linked & {"/" + page_url(src) for src in about_the_site}
    assert say("example_in", LANGUAGE) not in " ".join(article.text().split())


def test_every_cited_page_collapses_its_references_under_their_count(built):
    from macros.render.interface import say_count
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    for url in {claim["page"] for claim in claims}:
        page = LexborHTMLParser((built / url / "index.html").read_text(encoding="utf-8"))
        count = sum(claim["page"] == url for claim in claims)
        blocks = page.css("details.qq-references")
        assert [(block.attributes.get("id"), "open" in block.attributes, block.css_first("summary").text())
                for block in blocks] == [("references", False, say_count("references", count, LANGUAGE))], url


def test_no_stylesheet_the_site_ships_loads_anything_from_another_host(built):
    # The build does not run this check: stylesheets are code (docs/ may hold none), so it runs here, on every CI run.
    from macros.sitecheck.builtsite import BuiltSite
    from macros.sitecheck.css import check_stylesheets
    site = BuiltSite.read(built)
    assert any(name.endswith(".css") for name in site.files)
    assert [str(problem) for problem in check_stylesheets(site, urlsplit(CONFIG["site_url"]).hostname)] == []


def test_the_sites_own_stylesheets_ship_without_their_comments_and_only_the_rules_a_page_can_use(built):
    """Each selector shipped is one written, and each written one left out names a class no built page has."""
    import tinycss2

    def selectors(text: str, skip_comments: bool) -> dict[str, set[str]]:
        """{selector: the classes it names} of each rule, inside @media too; a comment is the selector "/* */"."""
        found = {}
        for node in tinycss2.parse_stylesheet(text, skip_comments=skip_comments, skip_whitespace=True):
            if node.type == "comment":
                found["/* */"] = set()
            elif node.type == "qualified-rule":
                parts = [[]]
                for token in node.prelude:
                    parts.append([]) if token == "," else parts[-1].append(token)
                found |= {tinycss2.serialize(part).strip(): set(classes_named(part)) for part in parts}
            elif node.type == "at-rule" and node.lower_at_keyword == "media" and node.content is not None:
                found |= selectors(tinycss2.serialize(node.content), skip_comments)
        return found

    def classes_named(tokens):
        for before, token in zip([None, *tokens], tokens):
            if token.type == "ident" and before == ".":
                yield token.value
            yield from classes_named(getattr(token, "arguments", None) or getattr(token, "content", None) or [])

    classes = {name for page in built.rglob("*.html") for node in LexborHTMLParser(page.read_text()).css("[class]")
               for name in (node.attributes["class"] or "").split()}
    for name in CONFIG["extra_css"]:
        written = selectors((ROOT / CONFIG["theme"]["custom_dir"] / name).read_text(encoding="utf-8"), True)
        shipped = selectors((built / name).read_text(encoding="utf-8"), False)
        assert "/* */" not in shipped and set(shipped) <= set(written), name
        assert all(written[selector] - classes for selector in set(written) - set(shipped)), name
