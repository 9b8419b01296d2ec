"""The theme hook the browser relies on: unused CSS goes."""
from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def _hook(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "overrides" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_purge_keeps_rules_whose_classes_are_used_and_drops_the_rest():
    purge = _hook("purge_css").purge
    css = (".used{a:1}.unused{a:2}.used,.unused{a:3}.x:not(.unused){a:4}"
           "@media screen{.unused{a:5}.used .also{a:6}}@keyframes k{0%{a:7}}"
           "[data-md-color-primary=indigo]{a:8}[data-md-color-primary=red]{a:9}")
    kept = purge(css, {"used", "also", "x"}, {("data-md-color-primary", "indigo")})
    assert kept == (".used{a:1}.used{a:3}.x:not(.unused){a:4}@media screen{.used .also{a:6}}"
                    "@keyframes k{0%{a:7}}[data-md-color-primary=indigo]{a:8}")
