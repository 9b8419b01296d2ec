"""The build's configuration keeps the renderer reading pages as the static pass does (SECURITY.md)."""
from __future__ import annotations

import yaml

from tests.conftest import ROOT


class Loader(yaml.SafeLoader):
    """mkdocs.yml may use !ENV and !!python/name tags: read them as plain values."""


Loader.add_multi_constructor("", lambda loader, suffix, node: None)
Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def named(items, name):
    for item in items or []:
        if item == name:
            return {}
        if isinstance(item, dict) and name in item:
            return item[name] or {}
    return None


def test_the_macros_plugin_loads_the_citation_module_and_nothing_else():
    macros = named(config()["plugins"], "macros")
    assert macros is not None
    # no j2_* syntax, no include_dir/include_yaml, no other modules, no forced rendering
    assert set(macros) <= {"modules", "render_by_default", "on_undefined", "on_error_fail", "verbose"}, macros
    assert macros["modules"] == ["macros.mkdocs_plugin"] and macros["on_undefined"] == "strict"
    # pages are rendered from the static pass's parse (macros/mkdocs_plugin), never by mkdocs-macros itself
    assert macros["render_by_default"] is False
    assert named(config()["plugins"], "citations") is not None


def test_snippets_are_absent_or_restricted():
    snippets = named(config().get("markdown_extensions"), "pymdownx.snippets")
    if snippets is not None:
        base = snippets.get("base_path", ["."])
        assert isinstance(base, str) or len(base) == 1, base
        assert snippets.get("check_paths") is True
        assert snippets.get("url_download", False) is False


def test_nothing_else_renders_files_from_docs_as_templates():
    data = config()
    assert not data.get("extra_templates")
    assert data.get("docs_dir", "docs") == "docs"
    assert all(str(hook).startswith("overrides/hooks/") for hook in data.get("hooks", []))


def test_the_pages_exempt_from_coverage_are_one_list_in_mkdocs_yml_read_alike_by_mkdocs_and_the_static_pass():
    from mkdocs.config import load_config

    from macros.check import check_project
    from macros.sitecheck import read_config

    loaded = load_config(str(ROOT / "mkdocs.yml"))
    exempt = loaded["plugins"]["citations"].config.exempt
    assert exempt and read_config(ROOT)["exempt"] == exempt
    assert check_project(ROOT).pages_about_the_site() == set(exempt)  # each one a page of the site


# Extensions whose output takes attributes only from attr_list's `{: … }` and the `attrs:` option of the site's own
# blocks (macros.render.blocks), which the static pass (pages/rawhtml.py) and the build check against one allow-list.
# pymdownx.blocks.* (the html block writes any tag), legacy_attrs, md_in_html (raw HTML, which pages no longer write)
# and the like would set attributes another way: a maintainer weighs each addition here.
EXTENSIONS = {"abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc", "pymdownx.details",
              "macros.render.blocks"}


def test_no_markdown_extension_lets_content_set_attributes_beyond_attr_list_and_the_site_blocks():
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config().get("markdown_extensions")]
    names = [name.removeprefix("markdown.extensions.") for name in names]
    assert "attr_list" in names and "macros.render.blocks" in names
    assert not [name for name in names if name.startswith("pymdownx.blocks")], names
    assert set(names) <= EXTENSIONS, set(names) - EXTENSIONS
