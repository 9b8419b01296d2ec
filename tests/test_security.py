"""Injection attempts, each a tiny site built for real with `mkdocs build --strict`.

Every payload would create a canary file if any Jinja in it were evaluated; each test
asserts the build fails with the rule's `path:line:` message and that no canary exists.
Design §6: a page may hold text and citation macro calls with literal arguments only.
"""
from __future__ import annotations

import os
import re

import pytest

from tests.conftest import build, make_project

CITED = 'At least 238 people were killed.{{ cite("alpha", "At least 238 people were killed") }}\n'
ALLOWED = "only text and citation macro calls with literal arguments are allowed — found "
NOT_A_MACRO = ALLOWED + "a call of something that is not a macro of the site: "
FRONT = "template syntax in front matter — "
NOT_ALLOWED = "front matter may not set "


def payload(canary) -> str:
    return f"{{{{ cycler.__init__.__globals__.os.popen('touch {canary}').read() }}}}"


def messages(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if re.match(r"^(docs|seeds|mkdocs\.yml)[^ ]*:(\d+:)? ", line)]


def assert_refused(result, canary, *expected: str) -> None:
    """The build failed, printed a message starting with each expected prefix, and ran nothing."""
    found = messages(result)
    assert result.returncode != 0, result.stderr[-2000:]
    for prefix in expected:
        assert any(line.startswith(prefix) for line in found), (prefix, found)
    assert not canary.exists(), "the payload ran"


@pytest.fixture
def canary(tmp_path):
    path = tmp_path / "canary"
    yield path
    assert not path.exists()


def site(tmp_path, pages: dict[str, str]):
    return make_project(tmp_path / "project", {"index.md": CITED, **pages})


# --- page body -----------------------------------------------------------------------------------

BODY = [
    ("plain", "Text.\n\n{P}\n", "docs/evil.md:3: " + NOT_A_MACRO),
    ("whitespace control", "Text.\n\n{{{{- {inner} -}}}}\n", "docs/evil.md:3: " + NOT_A_MACRO),
    ("config", "{{{{ config }}}}\n", "docs/evil.md:1: " + ALLOWED + "variable 'config': {{ config }}"),
    ("config via theme", "{{{{ config.theme.get_env().from_string('{{{{1}}}}').render() }}}}\n",
     "docs/evil.md:1: " + NOT_A_MACRO),
    ("page", "{{{{ page.file.abs_src_path }}}}\n", "docs/evil.md:1: " + ALLOWED + "attribute access '.abs_src_path'"),
    ("set", "{{% set x = {inner} %}}\n", "docs/evil.md:1: " + ALLOWED + "'{% set %}' statement"),
    ("if", "{{% if {inner} %}}x{{% endif %}}\n", "docs/evil.md:1: " + ALLOWED + "'{% if %}' statement"),
    ("for", "{{% for x in [{inner}] %}}x{{% endfor %}}\n", "docs/evil.md:1: " + ALLOWED + "'{% for %}' statement"),
    ("include", "{{% include 'partial.txt' %}}\n", "docs/evil.md:1: " + ALLOWED + "'{% include %}' statement"),
    ("import", "{{% import 'partial.txt' as p %}}\n", "docs/evil.md:1: " + ALLOWED + "'{% import %}' statement"),
    ("from import", "{{% from 'partial.txt' import x %}}\n",
     "docs/evil.md:1: " + ALLOWED + "'{% from … import %}' statement"),
    ("extends", "{{% extends 'partial.txt' %}}\n", "docs/evil.md:1: " + ALLOWED + "'{% extends %}' statement"),
    ("macro", "{{% macro m() %}}{P}{{% endmacro %}}{{{{ m() }}}}\n",
     "docs/evil.md:1: " + ALLOWED + "'{% macro %}' statement"),
    ("call block", '{{% call cite("alpha", "x") %}}{P}{{% endcall %}}\n',
     "docs/evil.md:1: " + ALLOWED + "'{% call %}' statement"),
    ("filter block", "{{% filter upper %}}{P}{{% endfilter %}}\n",
     "docs/evil.md:1: " + ALLOWED + "'{% filter %}' statement"),
    ("with", "{{% with x = {inner} %}}{{% endwith %}}\n", "docs/evil.md:1: " + ALLOWED + "'{% with %}' statement"),
    ("filter on a literal", "{{{{ 'x' | attr('__class__') }}}}\n", "docs/evil.md:1: " + ALLOWED + "filter '|attr'"),
    ("cite(config)", "{{{{ cite(config) }}}}\n", "docs/evil.md:1: macro arguments must be literal strings"),
    ("cite with a filter", '{{{{ cite("alpha", "b"|attr("__class__")) }}}}\n',
     "docs/evil.md:1: macro arguments must be literal strings"),
    ("cite with a payload argument", '{{{{ cite("alpha", {inner}) }}}}\n',
     "docs/evil.md:1: macro arguments must be literal strings"),
    ("cite *args", "{{{{ cite(*[{inner}]) }}}}\n", "docs/evil.md:1: macro arguments must be literal strings"),
    ("cite **kwargs", "{{{{ cite(**{{'source': {inner}}}) }}}}\n",
     "docs/evil.md:1: macro arguments must be literal strings"),
    ("concatenation", '{{{{ cite("alpha", "a" ~ {inner}) }}}}\n', "docs/evil.md:1: macro arguments must be literal strings"),
    ("attribute of a macro", "{{{{ cite.__globals__ }}}}\n", "docs/evil.md:1: " + ALLOWED + "attribute access"),
    ("macros_info", "{{{{ macros_info() }}}}\n", "docs/evil.md:1: 'macros_info' is not a macro of the site"),
    ("now", "{{{{ now() }}}}\n", "docs/evil.md:1: 'now' is not a macro of the site"),
    ("context", "{{{{ context() }}}}\n", "docs/evil.md:1: 'context' is not a macro of the site"),
    ("fix_url", "{{{{ fix_url('x') }}}}\n", "docs/evil.md:1: 'fix_url' is not a macro of the site"),
    ("after a raw block", "{{% raw %}}{{{{ x }}}}{{% endraw %}}{P}\n", "docs/evil.md:1: " + NOT_A_MACRO),
    ("endraw inside raw", "{{% raw %}}{{% endraw %}}{P}{{% endraw %}}\n",
     "docs/evil.md:1: template syntax error — Encountered unknown tag 'endraw'."),
    ("after a comment", "{{# note #}}{P}\n", "docs/evil.md:1: " + NOT_A_MACRO),
    ("unclosed comment", "{{# {P}\n", "docs/evil.md:1: template syntax error"),
    ("line statement", "# for x in [{inner}]\n{P}\n", "docs/evil.md:2: " + NOT_A_MACRO),
    ("under a subfolder", "{P}\n", "docs/evil.md:1: " + NOT_A_MACRO),
]


@pytest.mark.parametrize("name, text, expected", BODY, ids=[case[0] for case in BODY])
def test_template_code_in_a_page_body_fails_the_build(tmp_path, canary, name, text, expected):
    page = "deep/er/evil.md" if name == "under a subfolder" else "evil.md"
    inner = payload(canary)[3:-3]
    text = text.format(P=payload(canary), inner=inner)
    project = site(tmp_path, {page: text})
    (project / "docs" / "partial.txt").write_text(payload(canary) + "\n", encoding="utf-8")
    assert_refused(build(project), canary, expected.replace("docs/evil.md", f"docs/{page}"))


# --- front matter ----------------------------------------------------------------------------------

FRONT_MATTER = [
    ("title", '---\ntitle: "{P}"\n---\n\n' + CITED, "docs/evil.md:2: " + FRONT),
    ("title, unquoted", "---\ntitle: {P}\n---\n\n" + CITED, "docs/evil.md:2: front matter is not valid YAML"),
    ("title, \\x escapes", '---\ntitle: "\\x7b\\x7b {inner} }}}}"\n---\n\n' + CITED, "docs/evil.md:2: " + FRONT + "{{"),
    ("title, \\u escapes", '---\ntitle: "\\u007b\\u007b {inner} \\u007d\\u007d"\n---\n\n' + CITED,
     "docs/evil.md:2: " + FRONT + "{{"),
    ("title, block scalar", "---\ntitle: |\n  {P}\n---\n\n" + CITED, "docs/evil.md:2: " + FRONT),
    ("title, folded over lines", "---\ntitle: >-\n  {{{{\n  {inner}\n  }}}}\n---\n\n" + CITED,
     "docs/evil.md:2: " + FRONT),
    ("description", '---\ndescription: "{P}"\n---\n\n' + CITED, "docs/evil.md:2: " + FRONT),
    ("nested list", '---\ntags:\n  - a\n  - "{P}"\n---\n\n' + CITED, "docs/evil.md:2: " + NOT_ALLOWED + "'tags'"),
    ("nested map", '---\nextra:\n  deeper:\n    key: "{P}"\n---\n\n' + CITED,
     "docs/evil.md:2: " + NOT_ALLOWED + "'extra'"),
    ("a key", '---\n"{P}": x\n---\n\n' + CITED, "docs/evil.md:2: " + NOT_ALLOWED + "'{{ cycler"),
    ("alias", '---\na: &x "{P}"\nb: *x\n---\n\n' + CITED,
     "docs/evil.md:2: front matter is not valid YAML — anchors and aliases"),
    ("a list, not a mapping", "---\n- a # {P}\n---\n\n" + CITED,
     "docs/evil.md:1: front matter must be a mapping of keys to values — found list"),
    ("a string, not a mapping", "---\n'a' # {P}\n---\n\n" + CITED,
     "docs/evil.md:1: front matter must be a mapping of keys to values — found str"),
    ("after a byte-order mark", '\ufeff---\ntitle: "\\x7b\\x7b {inner} }}}}"\n---\n\n' + CITED,
     "docs/evil.md:2: " + FRONT + "{{"),
    ("CRLF line ends", '---\r\ntitle: "\\x7b\\x7b {inner} }}}}"\r\n---\r\n\r\n' + CITED,
     "docs/evil.md:2: " + FRONT + "{{"),
    ("render_macros: false", "---\nrender_macros: false\n---\n\n{P}\n",
     "docs/evil.md:2: " + NOT_ALLOWED + "'render_macros'"),
    ("render_macros: true", "---\nrender_macros: true\n---\n\n{P}\n", "docs/evil.md:2: " + NOT_ALLOWED + "'render_macros'"),
    ("ignore_macros", "---\nignore_macros: true\n---\n\n" + CITED, "docs/evil.md:2: " + NOT_ALLOWED + "'ignore_macros'"),
    ("template", "---\ntemplate: redirect.html\nlocation: \"javascript:alert(1)\"\n---\n\n" + CITED,
     "docs/evil.md:2: " + NOT_ALLOWED + "'template'"),
    ("icon", "---\nicon: ../../../../etc/passwd\n---\n\n" + CITED, "docs/evil.md:2: " + NOT_ALLOWED + "'icon'"),
    ("python tag", '---\ntitle: !!python/object/apply:os.system ["touch {canary}"]\n---\n\n' + CITED,
     "docs/evil.md:2: front matter is not valid YAML — tags are not allowed"),
    # MultiMarkdown-style metadata: MkDocs reads leading 'Key: value' lines without '---'
    ("MultiMarkdown title", "Title: {P}\n\n" + CITED, "docs/evil.md:1: " + FRONT + "{{ cycler"),
    ("MultiMarkdown continuation", "Title: x\n    {P}\n\n" + CITED, "docs/evil.md:1: " + FRONT),
    ("MultiMarkdown comment split", "Note: {{#\n\n{P} #}}\n\n" + CITED, "docs/evil.md:1: " + NOT_ALLOWED + "'note'"),
    ("MultiMarkdown raw split", "Note: {{% raw %}}\n\n{P}{{% endraw %}}\n\n" + CITED,
     "docs/evil.md:1: " + NOT_ALLOWED + "'note'"),
    ("MultiMarkdown render_macros", "render_macros: false\n\n{P}\n",
     "docs/evil.md:1: " + NOT_ALLOWED + "'render_macros'"),
]


@pytest.mark.parametrize("name, text, expected", FRONT_MATTER, ids=[case[0] for case in FRONT_MATTER])
def test_template_code_in_page_metadata_fails_the_build(tmp_path, canary, name, text, expected):
    text = text.format(P=payload(canary), inner=payload(canary)[3:-3], canary=canary)
    assert_refused(build(site(tmp_path, {"evil.md": text})), canary, expected)


# --- titles ----------------------------------------------------------------------------------------

def test_a_payload_in_the_first_heading_fails_the_build(tmp_path, canary):
    project = site(tmp_path, {"evil.md": f"# {payload(canary)}\n\n" + CITED})
    assert_refused(build(project), canary, "docs/evil.md:1: " + NOT_A_MACRO)


def test_a_macro_call_in_the_title_heading_fails_the_build(tmp_path, canary):
    project = site(tmp_path, {"evil.md": '# Title {{ cite("alpha", "At least 238 people were killed") }}\n\n'
                              + CITED})
    assert_refused(build(project), canary, "docs/evil.md:1: the page title heading may hold only text — "
                   "# Title {{ cite(\"alpha\", \"At least 238 people were killed\") }} — MkDocs renders the title "
                   "from this heading again on its own: put macro calls after the heading")


def test_a_raw_block_in_the_title_heading_shows_its_text_and_runs_nothing(tmp_path, canary):
    # a canary the build's working directory would hold: a heading states no number, and tmp paths hold digits
    shown = payload("canary-of-the-raw-title")
    project = site(tmp_path, {"shown.md": f"# Shown {{% raw %}}{shown}{{% endraw %}}\n\n" + CITED})
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project / "site" / "shown" / "index.html").read_text(encoding="utf-8")
    assert f"<title>Shown {shown}" in html.replace("&#39;", "'")
    assert not (project / "canary-of-the-raw-title").exists()


def test_a_payload_in_a_nav_title_shows_as_text_and_runs_nothing(tmp_path, canary):
    """Nav titles are maintainer code (mkdocs.yml), and mkdocs-macros never renders a title."""
    project = site(tmp_path, {})
    config = project / "mkdocs.yml"
    title = payload(canary).replace('"', "'")
    nav = f'\nnav:\n  - "{title}": index.md\n  - Figures: figures.md\n  - Sources: sources/index.md\n'
    config.write_text(config.read_text(encoding="utf-8") + nav, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "cycler.__init__" in (project / "site" / "index.html").read_text(encoding="utf-8")


# --- files and the plugin's configuration ----------------------------------------------------------

@pytest.mark.parametrize("name", ["evil.markdown", "deep/evil.mdown", "evil.mkdn", "evil.mkd"])
def test_markdown_pages_not_ending_in_md_fail_the_build(tmp_path, canary, name):
    project = site(tmp_path, {name: payload(canary) + "\n"})
    assert_refused(build(project), canary, f"docs/{name}:1: Markdown pages must end in .md — MkDocs would render "
                   "this file as a page the citation check does not read — rename it to .md")


@pytest.mark.parametrize("name, rule", [
    ("evil.html", "only Markdown pages and raster images may be in docs/ — found .html"),
    ("evil.txt", "only Markdown pages and raster images may be in docs/ — found .txt"),
    ("evil.yml", "only Markdown pages and raster images may be in docs/ — found .yml"),
    ("evil.j2", "only Markdown pages and raster images may be in docs/ — found .j2"),
    ("evil.svg", "only Markdown pages and raster images may be in docs/ — found .svg"),
    ("js/qq-tooltips.js", "only Markdown pages and raster images may be in docs/ — found .js"),
    ("assets/qq-tooltips.js", "'assets' is where the build writes the theme's files"),
    ("assets/citations.css", "'assets' is where the build writes the theme's files"),
    ("sources/notes.md", "'sources' is where the build writes the source pages"),
    ("figures.md", "'figures' is where the build writes the figures page"),
    ("CNAME", "names in docs/ are lower-case letters, digits, '-' and '_'"),
    (".nojekyll", "names in docs/ are lower-case letters, digits, '-' and '_'"),
    ("claims.json.md", "names in docs/ are lower-case letters, digits, '-' and '_'"),
    ("<form>/index.md", "names in docs/ are lower-case letters, digits, '-' and '_'"),
    ("a#b.md", "names in docs/ are lower-case letters, digits, '-' and '_'"),
])
def test_only_markdown_and_raster_images_with_plain_names_may_be_in_docs(tmp_path, canary, name, rule):
    project = site(tmp_path, {name: payload(canary) + "\n"})
    assert_refused(build(project), canary, f"docs/{name}:1: {rule}")


def test_a_file_named_as_an_image_must_be_one(tmp_path, canary):
    project = site(tmp_path, {"fake.png": "<svg onload=alert(1)>\n"})
    assert_refused(build(project), canary, "docs/fake.png:1: file is not a PNG image")


MACROS_PLUGIN = "      modules: [macros.mkdocs_plugin]\n"


@pytest.mark.parametrize("settings", [
    ["j2_variable_start_string: '[['", "j2_variable_end_string: ']]'"], ["j2_block_start_string: '[%'"],
    ["render_by_default: true"], ["force_render_paths: '*.md'"],
])
def test_mkdocs_macros_renders_nothing_however_it_is_configured(tmp_path, canary, settings):
    """mkdocs.yml is maintainer code, but even so: each page is rendered from the citation check's parse,
    and mkdocs-macros' own renderer is replaced by one that returns the text as it is."""
    inner = payload(canary)[3:-3]
    text = f"`[[ {inner} ]]` `{{% raw %}}{payload(canary)}{{% endraw %}}` " + CITED
    project = site(tmp_path, {"evil.md": text})
    config = project / "mkdocs.yml"
    body = config.read_text(encoding="utf-8").replace("      render_by_default: false\n", "")
    body = body.replace(MACROS_PLUGIN, MACROS_PLUGIN + "".join(f"      {line}\n" for line in settings))
    config.write_text(body, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project / "site" / "evil" / "index.html").read_text(encoding="utf-8").replace("&#39;", "'")
    assert f"<code>{payload(canary)}</code>" in html and f"<code>[[ {inner} ]]</code>" in html


def test_mkdocs_macros_has_no_renderer_left_after_define_env():
    from macros.mkdocs_plugin.plugin import _text_as_it_is

    assert _text_as_it_is("{{ 7 * 7 }}{% if x %}", force_rendering=True) == "{{ 7 * 7 }}{% if x %}"


# --- symbolic links ----------------------------------------------------------------------------------

def test_a_symlinked_folder_in_docs_fails_the_build(tmp_path, canary):
    project = site(tmp_path, {})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil.md").write_text(payload(canary) + "\n", encoding="utf-8")
    (project / "docs" / "linked").symlink_to(outside, target_is_directory=True)
    assert_refused(build(project), canary, f"docs/linked:1: symbolic links are not allowed in docs/ — links to "
                   f"{outside} — commit the file itself, or remove the link")


def test_a_symlinked_page_fails_the_build(tmp_path, canary):
    project = site(tmp_path, {})
    outside = tmp_path / "outside.md"
    outside.write_text("Harmless-looking text.\n", encoding="utf-8")
    (project / "docs" / "linked.md").symlink_to(outside)
    assert_refused(build(project), canary, f"docs/linked.md:1: symbolic links are not allowed in docs/ — links to "
                   f"{outside} — commit the file itself, or remove the link")


def test_a_symlinked_docs_folder_fails_the_build(tmp_path, canary):
    project = site(tmp_path, {})
    (project / "docs").rename(tmp_path / "real-docs")
    (project / "docs").symlink_to(tmp_path / "real-docs", target_is_directory=True)
    assert_refused(build(project), canary, f"docs:1: symbolic links are not allowed in docs/ — docs links to "
                   f"{tmp_path / 'real-docs'}")


def test_a_symlinked_seed_fails_the_build_even_with_a_matching_checksum(tmp_path, canary):
    project = site(tmp_path, {})
    seed = project / "seeds" / "alpha.txt"
    elsewhere = tmp_path / "alpha-elsewhere.txt"
    seed.rename(elsewhere)
    seed.symlink_to(elsewhere)
    assert_refused(build(project), canary, f"seeds/alpha.txt:1: symbolic links are not allowed in seeds/ — links to "
                   f"{elsewhere} — commit the file itself, or remove the link")


def test_a_symlinked_catalogue_fails_the_build_without_being_read(tmp_path, canary):
    project = site(tmp_path, {})
    catalogue = project / "seeds" / "catalogue.yml"
    elsewhere = tmp_path / "catalogue.yml"
    catalogue.rename(elsewhere)
    catalogue.symlink_to(elsewhere)
    result = build(project)
    assert_refused(result, canary, "seeds/catalogue.yml:1: symbolic links are not allowed in seeds/")
    assert not any(line.startswith("seeds/alpha.txt") for line in messages(result))


# --- what the page keeps: text, and inert raw blocks and comments -----------------------------------

def test_raw_blocks_and_comments_show_or_hide_text_and_run_nothing(tmp_path, canary):
    text = (f"Shown literally: `{{% raw %}}{payload(canary)}{{% endraw %}}`."
            '{{ cite("alpha", "At least 238 people were killed") }}\n\n'
            f"Hidden: {{# {payload(canary)} #}}gone."
            '{{- cite("alpha", "about 2,000 troops arrived") -}}\n')
    project = site(tmp_path, {"shown.md": text})
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project / "site" / "shown" / "index.html").read_text(encoding="utf-8").replace("&#39;", "'")
    assert f"Shown literally: <code>{payload(canary)}</code>." in html
    assert "Hidden: gone." in html and "cycler" not in html.split("Hidden:")[1]
    assert not os.path.exists(canary)


def test_a_payload_in_a_yaml_comment_of_the_front_matter_is_no_value_and_runs_nothing(tmp_path, canary):
    project = site(tmp_path, {"shown.md": f"---\ntitle: Shown # {payload(canary)}\n---\n\n" + CITED})
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "<title>Shown — " in (project / "site" / "shown" / "index.html").read_text(encoding="utf-8")
