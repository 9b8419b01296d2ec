"""Injection attempts, each a tiny site built for real with `mkdocs build --strict`.

Every payload would create a canary file if any Jinja in it were evaluated; each test
asserts the build fails with the rule's `path:line:` message and that no canary exists.
Design §6: a page may hold text and citation macro calls with literal arguments only.
"""
from __future__ import annotations

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
    ("in the title heading", "# {P}\n\n" + CITED, "docs/evil.md:1: " + NOT_A_MACRO),
    ("a macro call in the title heading", '# Title {{{{ cite("alpha", "At least 238 people were killed") }}}}\n\n'
     + CITED, "docs/evil.md:1: the page title heading may hold only text — # Title {{ cite(\"alpha\", \"At least "
     "238 people were killed\") }} — MkDocs renders the title from this heading again on its own: put macro calls "
     "after the heading"),
]


def payload_pages(where, cases, page_of) -> tuple[dict[str, str], dict]:
    """Each case's text on its own page (`page_of(index, name)`), its payload aimed at a canary of its own."""
    pages, canaries = {}, {}
    for index, (name, text, _) in enumerate(cases):
        canaries[name] = where / f"canary-{index}"
        pages[page_of(index, name)] = text.format(P=payload(canaries[name]), inner=payload(canaries[name])[3:-3],
                                                  canary=canaries[name])
    return pages, canaries


def body_page(index: int, name: str) -> str:
    return "deep/er/evil.md" if name == "under a subfolder" else f"body-{index}.md"


@pytest.fixture(scope="module")
def body_build(tmp_path_factory):
    """Every body payload on its own page of one site, built once: each page's refusal is its own line."""
    where = tmp_path_factory.mktemp("body")
    pages, canaries = payload_pages(where, BODY, body_page)
    project = make_project(where / "project", {"index.md": CITED, **pages})
    (project / "docs" / "partial.txt").write_text(payload(where / "canary-partial") + "\n", encoding="utf-8")
    return build(project), canaries, where / "canary-partial"


@pytest.mark.parametrize("index, name, expected", [(index, name, expected) for index, (name, _, expected)
                                                    in enumerate(BODY)], ids=[case[0] for case in BODY])
def test_template_code_in_a_page_body_fails_the_build(body_build, index, name, expected):
    result, canaries, partial = body_build
    assert_refused(result, canaries[name], expected.replace("docs/evil.md", f"docs/{body_page(index, name)}"))
    assert not partial.exists()


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


@pytest.fixture(scope="module")
def front_matter_build(tmp_path_factory):
    """Every front-matter payload on its own page of one site, built once."""
    where = tmp_path_factory.mktemp("front")
    pages, canaries = payload_pages(where, FRONT_MATTER, lambda index, name: f"front-{index}.md")
    return build(make_project(where / "project", {"index.md": CITED, **pages})), canaries


@pytest.mark.parametrize("index, name, expected", [(index, name, expected) for index, (name, _, expected)
                                                    in enumerate(FRONT_MATTER)], ids=[case[0] for case in FRONT_MATTER])
def test_template_code_in_page_metadata_fails_the_build(front_matter_build, index, name, expected):
    result, canaries = front_matter_build
    assert_refused(result, canaries[name], expected.replace("docs/evil.md", f"docs/front-{index}.md"))


# --- titles ----------------------------------------------------------------------------------------

# --- what a page keeps: text, and inert raw blocks, comments and titles ----------------------------

@pytest.fixture(scope="module")
def shown_build(tmp_path_factory):
    """Payloads that the build keeps as text or drops, each on its own page of one site built once; the site
    must build. A heading states no number, and tmp paths hold digits: the raw title's canary is a bare name,
    which the build's working directory would hold."""
    where = tmp_path_factory.mktemp("shown")
    canary, raw_title = where / "canary", payload("canary-of-the-raw-title")
    pages = {
        "raw-title.md": f"# Shown {{% raw %}}{raw_title}{{% endraw %}}\n\n" + CITED,
        "raw-blocks.md": (f"Shown literally: `{{% raw %}}{payload(canary)}{{% endraw %}}`."
                          '{{ cite("alpha", "At least 238 people were killed") }}\n\n'
                          f"Hidden: {{# {payload(canary)} #}}gone."
                          '{{- cite("alpha", "about 2,000 troops arrived") -}}\n'),
        "yaml-comment.md": f"---\ntitle: Shown # {payload(canary)}\n---\n\n" + CITED,
    }
    project = make_project(where / "project", {"index.md": CITED, **pages})
    config = project / "mkdocs.yml"  # nav titles are maintainer code, and mkdocs-macros never renders a title
    nav = "".join(f"  - {page}\n" for page in pages)
    nav = f'\nnav:\n  - "{payload(canary).replace(chr(34), chr(39))}": index.md\n{nav}' \
          "  - Figures: figures.md\n  - Sources: sources/index.md\n"
    config.write_text(config.read_text(encoding="utf-8") + nav, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not canary.exists() and not (project / "canary-of-the-raw-title").exists()
    return lambda page: (project / "site" / page / "index.html").read_text(encoding="utf-8").replace("&#39;", "'"), \
        payload(canary), raw_title


def test_a_raw_block_in_the_title_heading_shows_its_text_and_runs_nothing(shown_build):
    html, _, raw_title = shown_build
    assert f"<title>Shown {raw_title}" in html("raw-title")


def test_a_payload_in_a_nav_title_shows_as_text_and_runs_nothing(shown_build):
    html, _, _ = shown_build
    assert "cycler.__init__" in html("")


def test_raw_blocks_and_comments_show_or_hide_text_and_run_nothing(shown_build):
    html, shown, _ = shown_build
    assert f"Shown literally: <code>{shown}</code>." in html("raw-blocks")
    hidden = html("raw-blocks").split("Hidden:")[1].split("</p>")[0]
    assert hidden.startswith(" gone.") and "cycler" not in hidden


def test_a_payload_in_a_yaml_comment_of_the_front_matter_is_no_value_and_runs_nothing(shown_build):
    assert "<title>Shown — " in shown_build[0]("yaml-comment")


# --- files and the plugin's configuration ----------------------------------------------------------

NOT_MD = "Markdown pages must end in .md — MkDocs would render this file as a page the citation check does not read — " \
    "rename it to .md"
ONLY_MD = "only Markdown pages and raster images may be in docs/ — found "
NAMES = "names in docs/ are lower-case letters, digits, '-' and '_'"
FILES = [
    ("evil.markdown", NOT_MD), ("deep/evil.mdown", NOT_MD), ("evil.mkdn", NOT_MD), ("evil.mkd", NOT_MD),
    ("evil.html", ONLY_MD + ".html"), ("evil.txt", ONLY_MD + ".txt"), ("evil.yml", ONLY_MD + ".yml"),
    ("evil.j2", ONLY_MD + ".j2"), ("evil.svg", ONLY_MD + ".svg"), ("js/qq-tooltips.js", ONLY_MD + ".js"),
    ("assets/qq-tooltips.js", "'assets' is where the build writes the theme's files"),
    ("assets/citations.css", "'assets' is where the build writes the theme's files"),
    ("sources/notes.md", "'sources' is where the build writes the source pages"),
    ("figures.md", "'figures' is where the build writes the figures page"),
    ("CNAME", NAMES), (".nojekyll", NAMES), ("claims.json.md", NAMES), ("<form>/index.md", NAMES), ("a#b.md", NAMES),
]


@pytest.fixture(scope="module")
def files_build(tmp_path_factory):
    """Every file docs/ may not hold, in one site built once; each carries a payload that must not run."""
    where = tmp_path_factory.mktemp("files")
    project = make_project(where / "project", {"index.md": CITED, **{name: payload(where / "canary") + "\n"
                                                                      for name, _ in FILES}})
    (project / "docs" / "fake.png").write_text("<svg onload=alert(1)>\n", encoding="utf-8")
    return build(project), where / "canary"


@pytest.mark.parametrize("name, rule", FILES, ids=[name for name, _ in FILES])
def test_only_markdown_and_raster_images_with_plain_names_may_be_in_docs(files_build, name, rule):
    result, canary = files_build
    assert_refused(result, canary, f"docs/{name}:1: {rule}")


def test_a_file_named_as_an_image_must_be_one(files_build):
    result, canary = files_build
    assert_refused(result, canary, "docs/fake.png:1: file is not a PNG image")


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
