"""`make bench` compares the site with "the same pages with the citation layer stripped":
check that they are the same pages, so the ratio it prints measures the layer and nothing else."""
import re

from tests.bench.layer import baked_copy
from tests.conftest import ROOT, build

# What the layer adds to the HTML itself, besides the pages' Markdown: names marked from the glossary,
# markers side by side set apart and bracketed after a digit, the share image's address, the JSON-LD in each page's context and the
# "Suggest a correction" line and the footer's contributors' link, whose words the plugin hands the theme.
LAYER = [(re.compile(r'<abbr tabindex="0" title="[^"]*">(.*?)</abbr>'), r"\1"), (re.compile(' class="qq-(?:next|then|next qq-then)"'), ""),
         (re.compile(r'(<meta (?:property="og|name="twitter):image" content=")[^"]*"'), r'\1"'),
         (re.compile(r'\s*<script type="application/ld\+json">.*?</script>'), ""),
         (re.compile(r'\s*<p class="qq-correction">.*?</p>'), ""),  # its words come from the plugin
         (re.compile(r'\s*<a [^>]*class="qq-contributors">.*?</a>'), ""),  # and the footer's link
         (re.compile(r' data-close="[^"]*"'), ""),  # and the phone sheet's close button's name
         (re.compile(r'(class="footnote-ref" href="#fn:qq\d+">)\[(\d+)\]</a>'), r"\1\2</a>")]  # a marker after a digit
BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
EDIT_LINK = re.compile(r'href="[^"]*/edit/main/[^"]*" title="Edit this page"')  # generated pages edit their data


def without_layer(html: str) -> str:
    for pattern, replacement in LAYER:
        html = pattern.sub(replacement, html)
    return BLANK_LINES.sub("\n", EDIT_LINK.sub("", html))  # the theme's {% if %} lines leave blank lines


def test_the_stripped_build_has_the_same_pages(tmp_path, built):
    baked = baked_copy(ROOT, tmp_path / "baked")
    config = (baked / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - citations" not in config and "macros.mkdocs_plugin" not in config
    result = build(baked)
    assert result.returncode == 0, result.stderr[-3000:]
    stripped = baked / "site"
    files = {path.relative_to(built).as_posix() for path in built.rglob("*") if path.is_file()}
    assert files - {path.relative_to(stripped).as_posix() for path in stripped.rglob("*") if path.is_file()} \
        == {"claims.json"}
    pages = sorted(name for name in files if name.endswith(".html"))
    assert pages
    for name in pages:
        assert without_layer((built / name).read_text(encoding="utf-8")) == \
            without_layer((stripped / name).read_text(encoding="utf-8")), name
