"""Scenario tests: tiny sites built for real with `mkdocs build --strict`, good and broken."""
import html as htmllib
import json

from selectolax.lexbor import LexborHTMLParser

from tests.conftest import build, error_lines

GOOD = ('---\ndescription: A test page.\n---\n\n# Test page\n\n'
        'A reporter wrote down the cry.{{ cite("alpha", "said the reporter\'s notes") }} People shouted '
        '{{ quote("alpha", \'"Shal, ket!"\') }} on the square.\n\n'
        '{{ blockquote("alpha", "A closing paragraph - with a dash, and a line break inside it.") }}\n\n'
        'The gazette counted {{ figure("alpha", "At least 238 people were killed", "238", kind="deaths", '
        'qualifier="at least", date="2022-01") }} dead.\n')


def markers(html):
    return [sup.attributes["id"] for sup in LexborHTMLParser(html).css('sup[id^="fnref:qq"]')]


def test_a_good_site_builds_and_claims_json_matches_the_html(project):
    site = project({"index.md": GOOD})
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = htmllib.unescape((site / "site" / "index.html").read_text(encoding="utf-8"))
    claims = json.loads((site / "site" / "claims.json").read_text(encoding="utf-8"))
    assert [(c["page"], c["anchor"]) for c in claims] == [("", anchor) for anchor in markers(html)]
    assert [c["kind"] for c in claims] == ["cite", "quote", "quote", "figure"]
    assert claims[3]["value"] == "238"
    assert "<q class=\"qq-quote\">“Shal, ket!”</q>" in html  # the source's characters, not the typing
    assert '<span class="qq-figure" data-kind="deaths">at least 238</span>' in html
    assert 'class="qq-read" href="sources/alpha/#from-index-qq1"' in html
    source = (site / "site" / "sources" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert '<mark id="p2-1">' in source and '<mark id="p5-1">' in source
    assert 'href="../../#fnref:qq1"' in source  # the back-link to the marker
    assert source.count('class="qq-paragraph"') == 5  # republish: true shows the whole text
    figures = (site / "site" / "figures" / "index.html").read_text(encoding="utf-8")
    assert "at least 238" in figures
    sources = (site / "site" / "sources" / "index.html").read_text(encoding="utf-8")
    assert "The site cites 1 text, " in sources and "cited 4 times on this site" in sources


def test_a_typo_in_a_quote_fails_with_file_line_and_closest_passage(project):
    site = project({"index.md": GOOD.replace("Shal, ket!", "Shal, kit!")})
    result = build(site)
    assert result.returncode == 1
    assert error_lines(result) == [
        "docs/index.md:7: passage not found in source 'alpha' — \"\"Shal, kit!\"\" — closest passage, "
        "paragraph 2: \"“Shal, ket!”\""]
    assert not (site / "site" / "index.html").exists()


def test_every_error_of_a_run_is_listed(project):
    site = project({"index.md": GOOD, "other.md": '# Other\n\nx{{ cite("nope", "x") }}\n\n{{ config }}\n'})
    result = build(site)
    assert result.returncode == 1
    assert error_lines(result) == [
        "docs/other.md:3: unknown source 'nope' — known sources: alpha",
        "docs/other.md:5: only text and citation macro calls with literal arguments are allowed — found "
        "variable 'config': {{ config }} — see the conventions page for the macros a page may use",
    ]
    assert "2 errors in the citation check" in result.stderr


def test_a_changed_byte_in_a_seed_fails_the_build(project):
    site = project({"index.md": GOOD})
    seed = site / "seeds" / "alpha.txt"
    seed.write_bytes(seed.read_bytes().replace(b"square", b"squire"))
    result = build(site)
    assert result.returncode == 1
    [line] = error_lines(result)
    assert line.startswith("seeds/SHA256SUMS:1: seed file changed — alpha.txt has sha256 ")


def test_a_source_never_cited_fails_the_build(project):
    result = build(project({"index.md": "# Nothing cited\n"}))
    assert result.returncode == 1
    assert error_lines(result) == ["seeds/catalogue.yml:1: source 'alpha' is never cited — cite it from a page, "
                                   "or remove it from the catalogue"]


def test_a_source_cited_once_is_cited_1_time(project):
    site = project({"index.md": "# Home\n\nOnce.{{ cite(\"alpha\", \"At least 238 people were killed\") }}\n"})
    assert build(site).returncode == 0
    assert "cited 1 time on this site" in (site / "site" / "sources" / "index.html").read_text(encoding="utf-8")


def test_a_site_without_directory_urls_is_refused_with_what_to_do(project):
    """The engine writes its links, claims.json and site check for MkDocs' directory URLs only."""
    from macros.mkdocs_plugin.docsfiles import NO_DIRECTORY_URLS
    site = project({"index.md": GOOD})
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 1
    assert NO_DIRECTORY_URLS in result.stderr and "Traceback" not in result.stderr
