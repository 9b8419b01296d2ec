"""The build's configuration keeps the renderer reading pages as the static pass does (design §6)."""
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
