"""One hostile pull request per class of attack, each a tiny site built for real (SECURITY.md).

Each touches only docs/ and seeds/, as an outside contributor's would. Every build has its
own canaries: a file the payloads try to create, and a secret in the build's environment
that they try to print into the site. Whatever the build does, it must create no file,
publish no secret, print no traceback, and end within a minute; where it refuses, every
refusal names the file, the line and the rule.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CONFIG, FIXTURES, build, make_project

CITED = 'At least 238 people were killed.{{ cite("alpha", "At least 238 people were killed") }}\n'
SECRET = "QQ_BUILD_SECRET"
FIXTURE_SEEDS = FIXTURES / "mini" / "seeds"
RULE = re.compile(r"^(docs|seeds)/[^:\s]+:(\d+:)? \S")  # no line where none can be told


@dataclass
class Canaries:
    file: Path
    secret: str

    def payloads(self) -> list[str]:
        """Jinja that would create the file, or print the secret, if anything evaluated it."""
        globals_ = "cycler.__init__.__globals__.os"
        return [f"{{{{ {globals_}.popen('touch {self.file}').read() }}}}", f"{{{{ {globals_}.environ.{SECRET} }}}}",
                f"{{% set x = {globals_}.popen('touch {self.file}') %}}"]


@pytest.fixture
def canaries(tmp_path):
    return Canaries(tmp_path / "canary", secrets.token_hex(16))


def attack(project: Path, canaries: Canaries, timeout: float = 60):
    """Build the hostile project; check the canaries and that the build failed or passed cleanly."""
    result = build(project, env={SECRET: canaries.secret}, timeout=timeout)
    assert not canaries.file.exists(), "a payload ran"
    assert canaries.secret not in result.stdout + result.stderr
    for path in (project / "site").rglob("*"):
        if path.is_file():
            assert canaries.secret.encode() not in path.read_bytes(), path
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result


def refusals(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if RULE.match(line)]


def assert_refused(result, *expected: str) -> None:
    found = refusals(result)
    assert result.returncode == 1, result.stderr[-3000:]
    for prefix in expected:
        assert any(line.startswith(prefix) for line in found), (prefix, found)


def test_front_matter_that_would_select_a_template_or_turn_rendering_on(tmp_path, canaries):
    first, env, _ = canaries.payloads()
    pages = {
        "index.md": CITED,
        "on.md": f"---\nrender_macros: true\n---\n\n{first} {env}\n",
        "crlf.md": f"---\r\nrender_macros: true\r\n---\r\n\r\n{first}\r\n",
        "bom.md": f"\ufeff---\nrender_macros: true\n---\n\n{env}\n",
        "redirect.md": "---\ntemplate: redirect.html\nlocation: \"javascript:alert(1)\"\n---\n\n" + CITED,
        "icon.md": "---\nicon: ../../../../../etc/hostname\n---\n\n" + CITED,
        "multimarkdown.md": f"Render_Macros: true\n\n{first}\n",
        "title.md": f'---\ntitle: "\\x7b\\x7b {first[3:-3]} }}}}"\n---\n\n' + CITED,
        "html.md": '---\ndescription: \'x"><script>alert(1)</script>\'\n---\n\n' + CITED,
        "heading.md": "# Hi &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n\n" + CITED,
        "no-space.md": '#Evil <title><input title="<!--"></title><!--c-->" type="password" autofocus\n\n' + CITED,
    }
    result = attack(make_project(tmp_path / "project", pages), canaries)
    assert_refused(result, "docs/on.md:2: front matter may not set 'render_macros'",
                   "docs/crlf.md:2: front matter may not set 'render_macros'",
                   "docs/bom.md:2: front matter may not set 'render_macros'",
                   "docs/redirect.md:2: front matter may not set 'template'",
                   "docs/redirect.md:3: front matter may not set 'location'",
                   "docs/icon.md:2: front matter may not set 'icon'",
                   "docs/multimarkdown.md:1: front matter may not set 'render_macros'",
                   "docs/title.md:2: template syntax in front matter",
                   "docs/html.md:2: HTML in front matter",
                   "docs/heading.md:1: the page title heading may not hold <, > or &",
                   "docs/no-space.md:1: the page title heading may not hold <, > or &")


ACTIVE = {
    # (a call inside it would stop the build at the static pass, before the other pages' content is read)
    "split.md": "<p\nonclick=\"alert(1)\">Split over lines.</p>\n\n" + CITED,
    "comment.md": '<img src="x.png" o{# a Jinja comment #}nerror="alert(1)" alt="">' + CITED,
    "raw.md": '<img src="x.png" {% raw %}onerror{% endraw %}="alert(1)" alt="">' + CITED,
    "quoted.md": '<a title="a > b" href="javascript:alert(1)">x</a>' + CITED,
    "attributes.md": CITED + '{: onmouseover="alert(1)" }\n\n## Heading { style="color:red" }\n',
    "urls.md": '<img src="https://evil.example/x.png" alt=""> <video poster="//evil.example/p.png"></video>'
               '<a href="\\\\evil.example\\x">x</a>' + CITED,
    "css.md": '<span style="background:u\\72l(https://evil.example/x.png)">x</span>'
              '<span style="background:image-set(&quot;https://evil.example/y.png&quot; 1x)">y</span>' + CITED,
    "entities.md": '<a href="&#106;ava&#x09;script&#58;alert(1)">x</a>' + CITED,
    "script.md": "<script>alert(1)</script>\n\n" + CITED,
    "frame.md": '<iframe src="https://evil.example/"></iframe>\n\n' + CITED,
    "escape.md": "</article></div><form action=\"https://evil.example/\"><input name=\"q\"></form>\n\n" + CITED,
    "escape-quietly.md": "</article></div></div><p>Inside the theme now.</p>\n\n" + CITED,
    "unclosed.md": '<b><font>' + CITED,
    "shadow.md": '<div><template shadowrootmode="open"><p onclick="alert(1)">x</p></template></div>\n\n' + CITED,
    "noscript.md": "<noscript><noframes></noscript><img src=x onerror=alert(1)></noframes>\n\n" + CITED,
    "svg-set.md": '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>' + CITED,
    "theme-id.md": CITED + "{: #__config }\n",
    "deep.md": "<span>" * 60 + "deep" + "</span>" * 60 + CITED,
    # a title MkDocs strips of tags in two naive steps, which the theme then writes unescaped
    "title-setext.md": 'Evil <title><input title="<!--"></title><!--c-->" type="password" autofocus\n====\n\n' + CITED,
    "toc.md": '## Notes <a href="https://evil.example/" title="<!--">here</a><b title=\'-->" class="x" q"z\'>now</b>'
              "\n\n" + CITED,
    "root-html.md": "Hidden.<html hidden>" + CITED,
    "root-body.md": "Inert.<body inert>" + CITED,
    "srcset.md": '<img alt="a" srcset="https://qandy-qantar.github.io,q@evil.example/../../assets/favicon.svg">' + CITED,
    "theme-class.md": '<span class="md-dialog md-dialog--active">Fake notice</span>' + CITED,
    "fullwidth-at.md": '<img src="https://qandy-qantar.github.io\uff20evil.example/x.png" alt="">' + CITED,
    "ipv6.md": '<img src="https://[evil/x.png" alt="">' + CITED,
    "processing-instruction.md": '<?x><img src="x.png" onerror="alert(1)" alt="">?>' + CITED,
}


def test_active_content_in_every_form_the_browser_would_run(tmp_path, canaries):
    project = make_project(tmp_path / "project", {"index.md": CITED, **ACTIVE})
    result = attack(project, canaries)
    found = refusals(result)
    assert result.returncode == 1, result.stderr[-3000:]
    assert {line.split(":")[0] for line in found} == {f"docs/{name}" for name in ACTIVE}, found


def test_files_published_as_they_are(tmp_path, canaries):
    files = {"evil.html": "<script>alert(1)</script>", "evil.svg": '<svg onload="alert(1)"/>',
             "assets/qq-tooltips.js": "alert(1)", "assets/citations.css": "a{background:url(https://evil.example/)}",
             "assets/javascripts/bundle.js": "alert(1)", "CNAME": "evil.example", "pic.png": "<script>",
             "claims.json.md": CITED, "sitemap.xml.md": CITED, "search/search_index.json.md": CITED,
             "sources/alpha/index.md": CITED, "README.md": CITED}
    project = make_project(tmp_path / "project", {"index.md": CITED, **files})
    result = attack(project, canaries)
    assert_refused(result, *(f"docs/{name}:1: " for name in files))


def test_work_that_would_grow_without_bound_is_refused_quickly(tmp_path, canaries):
    laughs = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]" for name, previous in zip("bcdefghi", "abcdefgh")])
    pages = {
        "index.md": CITED,
        "elisions.md": "Said.{{ cite(\"alpha\", \"" + " … ".join(["the"] * 10) + "\") }}\n",
        "long.md": "Long.{{ cite(\"alpha\", \"" + "x " * 2000 + "\") }}\n",
        "aliases.md": f"---\n{laughs}\n---\n\n" + CITED,
        "nesting.md": "---\ntitle: " + "[" * 100_000 + "\n---\n\n" + CITED,
        "comments.md": "<!--" * 50_000 + "\n\n" + CITED,
    }
    project = make_project(tmp_path / "project", pages)
    catalogue = project / "seeds" / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "  licence: \"Written for the tests; free to republish.\"",
        f"  licence: *i\n  note: &z\n    {laughs.replace(chr(10), chr(10) + '    ')}"), encoding="utf-8")
    result = attack(project, canaries)
    assert_refused(result, "docs/aliases.md:2: front matter is not valid YAML — anchors and aliases",
                   "docs/nesting.md:2: front matter is not valid YAML — nested more than",
                   "seeds/catalogue.yml:28: catalogue is not valid YAML — anchors and aliases")
    # the catalogue is refused, so its sources are missing: the citations of them are not reported one by one
    assert not any("unknown source" in line for line in refusals(result)), refusals(result)


def test_passages_that_would_make_matching_work_hard_are_matched_or_refused_in_bounded_steps(tmp_path, canaries):
    pages = {"index.md": CITED,
             "elisions.md": "Said.{{ cite(\"alpha\", \"" + " … ".join(["e"] * 10) + "\") }}\n",
             "words.md": "Said.{{ cite(\"alpha\", \"" + " … ".join(["the"] * 2) + "\") }}\n",
             "long.md": "Long.{{ cite(\"alpha\", \"" + "x " * 2000 + "\") }}\n"}
    result = attack(make_project(tmp_path / "project", pages), canaries)
    assert_refused(result, "docs/elisions.md:1: passage cut inside a word in source 'alpha'",
                   "docs/words.md:1: ambiguous passage in source 'alpha'",
                   "docs/long.md:1: passage too long — ")


def test_markdown_that_the_converter_would_take_minutes_over_runs_out_of_budget(tmp_path, canaries):
    # 50,000 unclosed brackets are refused before (test_pages: link work); 3,000 unclosed links pass, and take
    # Python-Markdown about 2 s (3.11; it once took as long over 2,000 lone brackets)
    project = make_project(tmp_path / "project", {"index.md": CITED, "brackets.md": "[a](" * 3_000 + "\n"})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - citations:\n",
                                                                 "  - citations:\n      render_budget: 0.1\n"),
                      encoding="utf-8")
    result = attack(project, canaries)
    assert_refused(result, "docs/brackets.md:1: converting the pages' Markdown took longer than the render budget")


def test_the_real_site_has_a_render_budget_within_the_minute_that_security_promises():
    """SECURITY.md: a hostile build fails within a minute. The budget mkdocs.yml sets, or else the default, is
    a real limit and below that minute; its value is the maintainers' to choose."""
    from macros.mkdocs_plugin.plugin import CitationsConfig

    [options] = [item["citations"] for item in CONFIG["plugins"] if isinstance(item, dict) and "citations" in item]
    assert 0 < (options or {}).get("render_budget", CitationsConfig().render_budget) < 60


def test_inputs_that_broke_the_reader_are_errors_with_their_line_not_tracebacks(tmp_path, canaries):
    pages = {"index.md": CITED, "latin1.md": "", "nul.md": "a\x00b" + CITED,
             "no-such-day.md": "---\ndescription: 2022-02-30\n---\n\n" + CITED,
             "surrogate.md": 'Half.{{ cite("alpha", "At least 238", label="\\udc80") }}\n',  # Jinja makes U+DC80
             "digits.md": "Many.\n\n{{ cite(\"alpha\", \"At least 238\", n=" + "9" * 5_000 + ") }}\n"}
    project = make_project(tmp_path / "project", pages)
    (project / "docs" / "latin1.md").write_bytes("Caf\u00e9 ".encode("latin-1") + CITED.encode())
    seeds = project / "seeds"
    data = "Caf\u00e9\n".encode("latin-1")
    (seeds / "beta.txt").write_bytes(data)
    sums = seeds / "SHA256SUMS"
    sums.write_text(sums.read_text(encoding="utf-8") + f"{hashlib.sha256(data).hexdigest()}  beta.txt\n"
                    f"{hashlib.sha256(data).hexdigest()}  ../outside.txt\n", encoding="utf-8")
    catalogue = seeds / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text + text.replace("id: alpha", "id: beta").replace("file: alpha.txt", "file: beta.txt")
                         + "- id: [not, a, name]\n", encoding="utf-8")
    result = attack(project, canaries)
    assert_refused(result, "docs/latin1.md:1: file is not UTF-8 text", "seeds/beta.txt:1: seed file is not UTF-8 text",
                   "seeds/SHA256SUMS:3: checksum line names a file outside seeds/",
                   "seeds/catalogue.yml:59: catalogue entry lacks a field",
                   "docs/no-such-day.md:2: front matter is not valid YAML — not a valid value",
                   "docs/surrogate.md:1: macro arguments must be text", "docs/digits.md:3: template syntax error")


def test_seeds_and_a_glossary_made_to_be_slow_fail_within_a_minute(tmp_path, canaries):
    import random

    rng = random.Random(7)
    words = ["protest", "fuel", "price", "square", "city", "troops", "border", "report", "minister", "crowd"]
    seed = " ".join(rng.choice(words) for _ in range(70_000)) + "\n"  # one paragraph of about 480 KB
    terms = "; ".join(f"T{n}" for n in range(26_000))
    elided = " … ".join(words)  # ten parts, each thousands of times in the paragraph: 66 s for 300 before
    pages = {
        "index.md": CITED,
        "people.md": f"# People\n\n### Alpha {{ #alpha data-terms=\"{terms}\" }}\n\n" + CITED,
        "wrong.md": "".join(f"Claim {n}.{{{{ cite(\"beta\", \"protest square city gone {n}\") }}}}\n\n" for n in range(12)),
        "elided.md": "".join(f"Claim {n}.{{{{ cite(\"beta\", \"{elided}\") }}}}\n\n" for n in range(300)),
        "failing.md": "Claims." + "".join(f"{{{{ cite(\"beta\", \"protest … fuel … gone {n}\") }}}}\n"
                                          for n in range(3_600)),  # 9 s before
    }
    project = make_project(tmp_path / "project", pages)
    seeds = project / "seeds"
    (seeds / "beta.txt").write_text(seed, encoding="utf-8")
    sums = seeds / "SHA256SUMS"
    digest = hashlib.sha256(seed.encode()).hexdigest()
    sums.write_text(sums.read_text(encoding="utf-8") + f"{digest}  beta.txt\n", encoding="utf-8")
    catalogue = seeds / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    beta = text.replace("id: alpha", "id: beta").replace("file: alpha.txt", "file: beta.txt")
    for n in range(10):
        beta = beta.replace('evidence: "The Alpha Gazette"', f'evidence: "no such words here {n}"', 1)
    catalogue.write_text(text + beta, encoding="utf-8")
    result = attack(project, canaries)
    assert_refused(result, "docs/people.md:3: a glossary entry has more than 10 names",
                   "docs/wrong.md:1: passage not found in source 'beta'",
                   "docs/elided.md:1: ambiguous passage in source 'beta'",
                   "docs/elided.md:61: and more problems of the same page — 270 citations after this line not "
                   "checked — fix these first",
                   "docs/failing.md:31: and more problems of the same page — 3,570 citations after this line not "
                   "checked — fix these first")


def test_thousands_of_problems_far_down_a_page_are_capped_before_they_are_made(tmp_path, canaries):
    """Each orphan figure searched the page from the top: still running after 240 s before."""
    spans = '<span class="qq-figure">238</span> ' * 3_000  # a number the paragraph's passage states
    pages = {"index.md": CITED, "orphans.md": "\n" * 90_000 + "Figures " + spans + CITED}
    result = attack(make_project(tmp_path / "project", pages), canaries)
    hint = "write numbers with figure(), which checks them against a source and lists them on the figures page"
    assert refusals(result) == ["docs/orphans.md:90001: and more problems of the same page — fix these first",
                                f"docs/orphans.md:90001: figure without a citation — '238' — {hint}",
                                "docs/orphans.md:90001: raw HTML is not allowed in a page — '<span class=\"qq-figure\">' "
                                "— write it in Markdown, or in a block: /// facts, /// cards, /// gaps | heading, /// "
                                "about or /// note, each closed by /// (CONTRIBUTING.md)"]


def test_a_thousand_sources_or_pages_or_megabytes_of_seeds_are_refused_before_they_are_read(tmp_path, canaries):
    from macros.check import check_project

    entry = (FIXTURE_SEEDS / "catalogue.yml").read_text(encoding="utf-8")
    project = make_project(tmp_path / "project", {"index.md": CITED, **{f"p{n}.md": CITED for n in range(200)}})
    catalogue = project / "seeds" / "catalogue.yml"
    catalogue.write_text(entry + "".join(entry.replace("id: alpha", f"id: s{n}").replace("alpha.txt", f"s{n}.txt")
                                         for n in range(1_000)), encoding="utf-8")
    result = attack(project, canaries)
    limit = "ask a maintainer to raise the limit"
    assert refusals(result) == [f"docs/p99.md:1: more than 200 pages in docs/ — 201 pages — {limit}",
                                f"seeds/catalogue.yml:29001: the catalogue has more than 1,000 entries — 1,001 "
                                f"entries — {limit}"]
    (project / "seeds" / "big.txt").write_bytes(b"x" * 5_000_000)
    size = sum(path.stat().st_size for path in (project / "seeds").iterdir())
    assert [str(problem) for problem in check_project(project).problems if "5,000,000" in problem.rule] == [
        f"seeds/big.txt:1: the seeds hold more than 5,000,000 bytes — {size:,} bytes — {limit}"]


def test_html_and_names_made_to_be_slow_to_render_fail_within_a_minute(tmp_path, canaries):
    pages = {
        "index.md": CITED,
        "tags.md": "\n".join(f"a<x{n}>" for n in range(18_000)) + "\n\n" + CITED,
        "people.md": "# People\n\n### Alpha A1 A2 { #alpha data-terms=\"A1; A2\" }\n\n" + CITED,
        "names.md": "A1 " * 60_000 + CITED,
    }
    result = attack(make_project(tmp_path / "project", pages), canaries)
    assert_refused(result, "docs/tags.md:")


def test_pages_made_to_make_the_checks_or_the_theme_slow_fail_within_a_minute(tmp_path, canaries):
    words = " ".join(f"a{n}" for n in range(12_000))
    pages = {
        "index.md": CITED,
        "attributes.md": CITED + f"{{: {words} }}\n\n```\n" + "code\n" * 8_000 + "```\n",
        "headings.md": "".join(f"{'#' * (2 + n % 5)} Heading {n}\n\n" for n in range(9_000)) + CITED,
    }
    result = attack(make_project(tmp_path / "project", pages), canaries)
    assert_refused(result, "docs/attributes.md:", "docs/headings.md:1: more than 200 headings on one page")


def test_markup_in_heading_ids_svg_paint_and_glossary_descriptions_is_refused_or_stays_inert(tmp_path, canaries):
    breakout = "x&quot;&gt;&lt;/a&gt;&lt;div class=&quot;md-dialog md-dialog--active&quot;&gt;Moved&lt;/div&gt;"
    pages = {
        "index.md": CITED,
        "toc-id.md": f'<h2 markdown="1" id="{breakout}">The toll</h2>\n\n' + CITED,
        "toc-id-attr.md": "## The toll { id='r\" download data-md-component=\"dialog\" x=\"' }\n\n" + CITED,
        "paint.md": '<svg width="9" height="9"><rect width="9" height="9" fill="url(https://evil.example/p.svg#p)"/>'
                    "</svg>" + CITED,
    }
    result = attack(make_project(tmp_path / "project", pages), canaries)
    assert_refused(result, "docs/toc-id.md:", "docs/toc-id-attr.md:", "docs/paint.md:")
    # lists nested too deeply for the converter: the static pass, on the parse (test_markdown_blocks.py)
    deep = {"index.md": CITED, "deep.md": "/// facts\n\n" * 350 + CITED + "\n///\n" * 350}
    result = attack(make_project(tmp_path / "deep", deep), canaries)
    assert_refused(result, "docs/deep.md:")
    pages = {
        "index.md": '/// facts\n    attrs: {translate: "> Alpha"}\n\nA notice.{{ cite("alpha", "At least 238 people were killed") }}'
                    "\n\n///\n\n" + CITED,
        "people.md": "# People\n\n### Alpha\n\nx class=md-header role=alert" + CITED,
    }
    result = attack(make_project(tmp_path / "inert", pages), canaries)
    assert result.returncode == 0, result.stderr[-3000:]
    home = (tmp_path / "inert" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'translate="&gt; Alpha">' in home and 'class="md-header" role' not in home


def test_a_catalogue_and_figures_that_broke_the_engine_are_errors_with_their_line(tmp_path, canaries):
    digits = "9" * 400
    pages = {"index.md": CITED, "big.md": 'Big.{{ figure("alpha", "At least 238 people", "238", kind="deaths", '
                                          'date="2022") }}\n\nFar.{{ event("alpha", "At least 238 people were '
                                          'killed", date="9999", label="Far off") }}\n'}
    project = make_project(tmp_path / "project", pages)
    catalogue = project / "seeds" / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "  genre:\n    value: test fixture\n    basis: supplied\n    note: \"Made for the tests.\"",
        "  genre:\n    value: null\n    basis: unknown"), encoding="utf-8")
    result = attack(project, canaries)
    assert_refused(result, "seeds/catalogue.yml:19: 'genre' may not be unknown")
    (project / "docs" / "big.md").write_text(
        f'Big.{{{{ figure("alpha", "At least 238 people", "{digits}", kind="deaths", date="2022") }}}}\n',
        encoding="utf-8")
    catalogue.write_text((FIXTURE_SEEDS / "catalogue.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = attack(project, canaries)
    assert_refused(result, "docs/big.md:1: figure value has more than 15 digits")


def test_a_glossary_of_the_most_names_on_a_long_page_fails_or_builds_within_a_minute(tmp_path, canaries):
    name = "a " * 37  # every word of the page starts a name, and each fails only at its last character
    entries = "".join(f"### {name}{n:03d}0 {{ data-terms=\"" + "; ".join(f"{name[2 * k:]}{n:03d}0" for k in range(1, 10))
                      + "\" }\n\n" + CITED + "\n" for n in range(99))  # each alias: the last words of its name
    text = "a " * 60_000
    pages = {"index.md": CITED, "people.md": "# People\n\n" + entries,
             **{f"long{n}.md": text + CITED for n in range(5)}}
    result = attack(make_project(tmp_path / "project", pages), canaries)
    assert result.returncode == 0 or refusals(result), result.stderr[-3000:]


CLAIM = "UNCITED Tokayev ordered ten thousand executions"
UNCITED = {
    "raw-p.md": f"<p>{CLAIM} in a raw HTML paragraph.</p>\n",
    "md-in-html.md": f'<div markdown="1">\n{CLAIM} as Markdown inside a div.\n</div>\n',
    "summary.md": f'<details markdown="1"><summary>{CLAIM} in a summary</summary>\n\n</details>\n',
    "after-hr.md": f"<hr>\n{CLAIM} right after a raw HTML line.\n",
    "after-h2.md": f"<h2>Heading</h2>\n{CLAIM} on the line after a raw h2.\n",
    "after-comment.md": f"<!-- note -->\n{CLAIM} after a comment line.\n",
    "setext.md": f"{CLAIM} in the first line.\nAnd more of it.\nA heading\n=========\n",
    "hr.md": f"{CLAIM} in the first line.\nAnd more of it.\n---\n",
    "like-a-link-definition.md": f"[Claim]: {CLAIM} in a line that looks like a link definition.\n",
    "like-an-attribute-list.md": f"{{ {CLAIM} }}\n",
    "table-header.md": f"| {CLAIM} as a table header |\n| --- |\n",
    "footnote.md": f"Cited.{{{{ cite(\"alpha\", \"At least 238 people were killed\") }}}}[^n]\n\n[^n]: {CLAIM}.\n",
    "fake-marker.md": f'<p>{CLAIM}.<sup id="fnref:qq1"><a class="footnote-ref" href="#fn:qq1">1</a></sup></p>\n',
    "link.md": f"[{CLAIM} inside the text of one long link to a page of the site.](index.md)\n",
    "leading-link.md": f"- [Home](index.md): {CLAIM}, and a good deal more of the claim after the link.\n",
    "form-feed.md": f"## Section\x0c\n\n{CLAIM}.\n\nCited.{{{{ cite(\"alpha\", \"At least 238 people were killed\") }}}}\n",
}


def test_text_without_a_citation_is_refused_wherever_the_html_shows_it(tmp_path):
    """The static pass reads coverage on each page's HTML: on the parse, every page is refused, each in one run."""
    from macros.check import check_project

    pages = {"index.md": CITED, **{name: CITED + "\n" + text for name, text in UNCITED.items()}}
    problems = check_project(make_project(tmp_path / "project", pages)).problems
    refused = {problem.path[len("docs/"):] for problem in problems if any(rule in problem.rule for rule in (
        "without a citation", "may not hold a number", "control characters are not allowed"))}  # "ten thousand"
    assert set(UNCITED) - refused == set(), [str(problem) for problem in problems]
