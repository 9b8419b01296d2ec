"""`make bench` compares the site with "the same pages with the citation layer stripped":
check that they are the same pages, so the ratio it prints measures the layer and nothing else."""
import re

from tests.bench.run import baked_copy
from tests.conftest import ROOT, build

GLOSSARY = re.compile(r'<abbr title="[^"]*" tabindex="0">(.*?)</abbr>')  # added on the HTML by the layer
EDIT_LINK = re.compile(r'href="[^"]*/edit/main/[^"]*" title="Edit this page"')  # generated pages edit their data


def test_the_stripped_build_has_the_same_pages(tmp_path, built):
    baked = baked_copy(ROOT, tmp_path / "baked")
    config = (baked / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - citations\n" not in config and "macros.mkdocs_plugin" not in config
    result = build(baked)
    assert result.returncode == 0, result.stderr[-3000:]
    stripped = baked / "site"
    files = {path.relative_to(built).as_posix() for path in built.rglob("*") if path.is_file()}
    assert files - {path.relative_to(stripped).as_posix() for path in stripped.rglob("*") if path.is_file()} \
        == {"claims.json"}
    pages = sorted(name for name in files if name.endswith(".html"))
    assert pages
    for name in pages:
        ours = EDIT_LINK.sub("", GLOSSARY.sub(r"\1", (built / name).read_text(encoding="utf-8")))
        theirs = EDIT_LINK.sub("", (stripped / name).read_text(encoding="utf-8"))
        assert ours == theirs, name
