"""The theme hook the browser relies on: unused CSS goes (overrides/hooks/purge_css.py)."""
from __future__ import annotations

import importlib.util

from macros.stylesheets.selectors import purge
from macros.stylesheets.unread import without_unread
from tests.conftest import ROOT


def _hook(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "overrides" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


purge_css = _hook("purge_css")


def test_purge_keeps_rules_whose_classes_are_used_and_drops_the_rest():
    css = (".used{a:1}.unused{a:2}.used,.unused{a:3}.x:not(.unused){a:4}"
           "@media screen{.unused{a:5}.used .also{a:6}}@keyframes k{0%{a:7}}"
           "[data-md-color-primary=indigo]{a:8}[data-md-color-primary=red]{a:9}")
    kept = purge(css, {"used", "also", "x"}, {("data-md-color-primary", "indigo")})
    assert kept == (".used{a:1}.used{a:3}.x:not(.unused){a:4}@media screen{.used .also{a:6}}"
                    "@keyframes k{0%{a:7}}[data-md-color-primary=indigo]{a:8}")


def test_purge_reads_selectors_inside_at_rules_and_functions():
    css = ("@media (min-width:10em){@supports (display:grid){.used{a:1}.unused{a:2}}.unused{a:3}}"
           "@media print{.unused{a:4}}"
           ":is(.unused,.used) .used{a:5}:is(.a,.b) .unused{a:6}.used:not(.unused,.x){a:7}"
           ":not([data-md-color-scheme=slate]) .used{a:8}.used:has([data-md-color-scheme=slate]){a:9}")
    kept = purge(css, {"used"}, {("data-md-color-scheme", "default")})
    assert kept == ("@media (min-width:10em){@supports (display:grid){.used{a:1}}}"
                    ":is(.unused,.used) .used{a:5}.used:not(.unused,.x){a:7}")


def test_purge_copies_what_it_keeps_byte_for_byte():
    """Not as tinycss2 would write it again: its serializer unescapes strings and splits 1n+2."""
    css = ('@charset "UTF-8";.used:nth-child(1n+2){content:"\\3c !--"}'
           '.used,  .unused ,.used>.also{background:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
           "/* a comment */ .used[title='.unused']{a:1}/*# sourceMappingURL=x.css.map*/")
    kept = purge(css, {"used", "also"}, set())
    assert kept == ('@charset "UTF-8";.used:nth-child(1n+2){content:"\\3c !--"}'
                    '.used,.used>.also{background:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
                    ".used[title='.unused']{a:1}")


def test_the_pages_classes_are_read_from_their_elements(tmp_path):
    """A word in a page's text is not a class; a class and a palette attribute on an element are,
    and the page is pointed at the purged stylesheet under its new name, in every folder."""
    theme = tmp_path / "assets" / "stylesheets" / "main.0123abcd.min.css"
    theme.parent.mkdir(parents=True)
    theme.write_text(".used{a:1}.quote{a:2}[data-md-color-scheme=slate] .used{a:3}", encoding="utf-8")
    theme.with_name(theme.name + ".map").write_text("{}", encoding="utf-8")
    (tmp_path / "assets" / "bundle.js").write_text('e.className="md-from-script"', encoding="utf-8")
    head = '<link rel="stylesheet" href="{}assets/stylesheets/main.0123abcd.min.css">'
    body = '<body data-md-color-scheme="slate"><p class="used">A quote, in words.</p></body>'
    (tmp_path / "index.html").write_text(head.format("") + body, encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(head.format("../") + "<p>quote</p>", encoding="utf-8")
    purge_css.on_post_build({"site_dir": str(tmp_path), "extra_css": []})
    [purged] = theme.parent.glob("main.*.min.css")
    assert purged.read_text(encoding="utf-8") == ".used{a:1}[data-md-color-scheme=slate] .used{a:3}"
    assert not theme.exists() and not theme.with_name(theme.name + ".map").exists()
    assert f'href="assets/stylesheets/{purged.name}"' in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'href="../assets/stylesheets/{purged.name}"' in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")


def test_the_site_stylesheets_lose_their_comments_but_not_strings(tmp_path):
    css = tmp_path / "assets" / "citations.css"
    css.parent.mkdir()
    css.write_text('/* for contributors */ .qq-a::before{content:"/* kept */"}', encoding="utf-8")
    purge_css.on_post_build({"site_dir": str(tmp_path), "extra_css": ["assets/citations.css"]})
    assert css.read_text(encoding="utf-8") == ' .qq-a::before{content:"/* kept */"}'
