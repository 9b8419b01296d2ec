"""The theme hooks the browser relies on: no external asset gets through, unused CSS goes."""
from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def _hook(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "overrides" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_kind_of_external_asset_is_found_with_its_line():
    external = _hook("external_assets")
    page = "\n".join([
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>',
        '<script src="//cdn.example.org/x.js"></script>',
        '<img src="https://twemoji.example/1f600.svg" srcset="a.png 1x, https://cdn.example/b.png 2x">',
        '<iframe src="http://example.org/frame"></iframe>',
        '<div style="background: url(\'https://example.org/bg.png\')"></div>',
        '<style>@import "https://example.org/x.css";</style>',
        '<a href="https://example.org/">an outbound link is fine</a>',
        '<img src="assets/local.png"><img src="data:image/png;base64,AAAA">',
    ])
    found = [(line, url) for line, _, url in external.scan_html(page)]
    assert found == [
        (1, "https://fonts.googleapis.com/css?family=Roboto"), (2, "https://fonts.gstatic.com"),
        (3, "//cdn.example.org/x.js"), (4, "https://twemoji.example/1f600.svg"), (4, "https://cdn.example/b.png"),
        (5, "http://example.org/frame"), (6, "https://example.org/bg.png"), (7, "https://example.org/x.css"),
    ]
    assert external.scan_css('a{b:url(data:image/svg+xml;charset=utf-8,<svg xmlns="http://www.w3.org/2000/svg"/>)}\n'
                              '@font-face{src:url("https://fonts.example/f.woff2")}') == [
        (2, "CSS url()/@import", "https://fonts.example/f.woff2")]


def test_purge_keeps_rules_whose_classes_are_used_and_drops_the_rest():
    purge = _hook("purge_css").purge
    css = (".used{a:1}.unused{a:2}.used,.unused{a:3}.x:not(.unused){a:4}"
           "@media screen{.unused{a:5}.used .also{a:6}}@keyframes k{0%{a:7}}"
           "[data-md-color-primary=indigo]{a:8}[data-md-color-primary=red]{a:9}")
    kept = purge(css, {"used", "also", "x"}, {("data-md-color-primary", "indigo")})
    assert kept == (".used{a:1}.used{a:3}.x:not(.unused){a:4}@media screen{.used .also{a:6}}"
                    "@keyframes k{0%{a:7}}[data-md-color-primary=indigo]{a:8}")
