"""Material's drawer and search toggles: valid HTML, and still out of the browser's form restoration
(overrides/hooks/toggles.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("toggles", ROOT / "overrides" / "hooks" / "toggles.py")
toggles = importlib.util.module_from_spec(spec)
spec.loader.exec_module(toggles)



def _material_toggles() -> str:
    """The toggles' lines exactly as the installed Material's base.html writes them."""
    import material
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    return "".join(line.strip() for line in base.splitlines() if "data-md-toggle=" in line)


def _page(src_uri="crackdown.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_each_toggle_is_owned_by_one_form_with_autocomplete_off_and_carries_no_autocomplete():
    html = toggles.on_post_page(f"<body>{_material_toggles()}<div>x</div></body>", _page(), {})
    tree = LexborHTMLParser(html)
    owner = tree.css('form[autocomplete="off"]')
    assert len(owner) == 1 and "hidden" in owner[0].attributes
    found = tree.css("input[data-md-toggle]")
    assert [toggle.attributes["data-md-toggle"] for toggle in found] == ["drawer", "search"]
    assert all("autocomplete" not in toggle.attributes for toggle in found)
    assert {toggle.attributes["form"] for toggle in found} == {owner[0].attributes["id"]}


def test_a_theme_that_writes_its_toggles_otherwise_fails_the_build_by_name():
    html = '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"></body>'
    with pytest.raises(PluginError, match="crackdown.md: Material's drawer toggle is not written as"):
        toggles.on_post_page(html, _page(), {})


def test_every_page_of_both_editions_keeps_its_toggles_out_of_form_restoration(merged):
    pages = sorted(merged.rglob("*.html"))
    assert any(path.relative_to(merged).parts[0] == "ru" for path in pages)
    for path in pages:
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        for toggle in tree.css("input[data-md-toggle]"):
            owner = tree.css_first(f'form[id="{toggle.attributes.get("form")}"]')
            assert owner is not None and owner.attributes.get("autocomplete") == "off", (path, toggle.html)
            assert "autocomplete" not in toggle.attributes, (path, toggle.html)


def test_the_toggles_markup_again_in_the_config_s_copyright_fails_the_build_naming_it():
    """Material writes `copyright:` unescaped (round 7, 08): the toggles are the theme's, so the message names the
    footer's copyright and the config, not a theme that changed."""
    copy = 'Qandy id="__search" autocomplete="off"> Qantar'
    html = (f'<body>{_material_toggles()}<footer><div class="md-copyright"><div class="md-copyright__highlight">'
            f"{copy}</div></div></footer></body>")
    with pytest.raises(PluginError) as raised:
        toggles.on_post_template(html, "404.html", {"config_file_path": "/site/mkdocs.ru.yml"})
    assert str(raised.value) == (
        "overrides/hooks/toggles.py: 404.html: Material's search toggle is not written as …id=\"__search\" "
        "autocomplete=\"off\"> once; the theme wrote its toggle once, and the page holds its markup again, in "
        "<div class=\"md-copyright__highlight\">, written from `copyright:` in mkdocs.ru.yml: remove the markup from "
        "what writes it there")


def test_the_toggles_markup_as_another_elements_id_is_named_by_its_element():
    html = f'<head><meta name="description" content="x" id="__drawer" autocomplete="off">"></head>' \
           f"<body>{_material_toggles()}</body>"
    with pytest.raises(PluginError, match=r"again, in <meta> \(a value of mkdocs.yml the theme writes unescaped, "
                                          r"or the page's text\): remove"):
        toggles.on_post_page(html, _page(), {})
