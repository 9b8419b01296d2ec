"""`make bench` compares the site with "the same pages with the citation layer stripped":
check that they are the same pages, so the ratio it prints measures the layer and nothing else."""
import re

from bench.run import baked_copy, macros_plugin_kept
from tests.conftest import ROOT, build

GLOSSARY = re.compile(r'<abbr title="[^"]*" tabindex="0">(.*?)</abbr>')  # added on the HTML by the layer
EDIT_LINK = re.compile(r'href="[^"]*/edit/main/[^"]*" title="Edit this page"')  # generated pages edit their data


def test_the_stripped_build_has_the_same_pages(tmp_path):
    with_layer = tmp_path / "with"
    assert build(ROOT, "-d", str(with_layer)).returncode == 0
    baked = baked_copy(ROOT, tmp_path / "baked")
    config = (baked / "mkdocs.yml").read_text(encoding="utf-8")
    assert "macros/hooks.py" not in config and "module_name: macros" not in config
    result = build(baked)
    assert result.returncode == 0, result.stderr[-3000:]
    stripped = baked / "site"
    files = {path.relative_to(with_layer).as_posix() for path in with_layer.rglob("*") if path.is_file()}
    assert files - {path.relative_to(stripped).as_posix() for path in stripped.rglob("*") if path.is_file()} \
        == {"claims.json"}
    pages = sorted(name for name in files if name.endswith(".html"))
    assert len(pages) >= 17
    for name in pages:
        ours = EDIT_LINK.sub("", GLOSSARY.sub(r"\1", (with_layer / name).read_text(encoding="utf-8")))
        theirs = EDIT_LINK.sub("", (stripped / name).read_text(encoding="utf-8"))
        assert ours == theirs, name


def test_the_kept_build_loads_mkdocs_macros_without_a_citation_module(tmp_path):
    baked = tmp_path / "baked"
    (baked / "docs").mkdir(parents=True)
    (baked / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - search\n\nhooks:\n  - a.py\n", encoding="utf-8")
    kept = macros_plugin_kept(baked, tmp_path / "kept")
    assert (kept / "mkdocs.yml").read_text(encoding="utf-8") == (
        "site_name: x\nplugins:\n  - search\n  - macros:\n      render_by_default: false\n\nhooks:\n  - a.py\n")
