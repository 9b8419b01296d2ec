"""MkDocs hook: Material's drawer and search toggles stay out of the browser's form restoration, as Material
wants, with markup the HTML Standard allows.

Material writes its two toggles, hidden checkboxes, with autocomplete="off" (base.html, outside any block an
override can replace), so that Firefox does not restore a toggle's state on reload or on the way back and leave
the menu or the search open (squidfunk/mkdocs-material#1513). The HTML Standard allows that attribute on
text-like inputs and on <form> only, and the W3C checker reports it. Firefox saves no state for a control whose
form owner has autocomplete="off" (the control's state key is left empty), so each toggle here gets one empty,
hidden form as its owner, through the `form` attribute, and that form carries the attribute instead.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from selectolax.lexbor import LexborHTMLParser

TOGGLES = ("drawer", "search")  # Material's, in the order base.html writes them
OWNER = "__qq_toggles"
OWNER_FORM = f'<form id="{OWNER}" autocomplete="off" hidden></form>'


# what writes an element of the theme's unescaped, by a class of its or of an element it stands in
WRITTEN_BY = {"md-copyright": "copyright:"}


def on_post_page(output, page, config):
    return owned_toggles(output, page.file.src_uri, _config_name(config))


def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html) carry the toggles too."""
    return owned_toggles(output_content, template_name, _config_name(config)) \
        if "data-md-toggle" in output_content else output_content


def owned_toggles(output: str, source: str, config_name: str = "mkdocs.yml") -> str:
    for name in TOGGLES:
        written = f'id="__{name}" autocomplete="off">'  # as Material writes it, nothing to escape
        if output.count(written) != 1:
            raise PluginError(f"overrides/hooks/toggles.py: {source}: Material's {name} toggle is not written as "
                              f"…{written} once; " + _why(output, name, written, config_name))
        owned = f'id="__{name}" form="{OWNER}">' + (OWNER_FORM if name == TOGGLES[-1] else "")
        output = output.replace(written, owned)
    unowned = _toggles_not_owned(output)
    if unowned:
        raise PluginError(f"overrides/hooks/toggles.py: {source}: {', '.join(unowned)} "
                          f"not owned by the form #{OWNER} with autocomplete=off")
    return output


def _why(output: str, name: str, written: str, config_name: str) -> str:
    """Why the page does not hold the toggle's markup once: the theme changed, unless the page holds Material's
    one toggle and the markup again elsewhere, as text or as another element's id (a config value the theme
    writes unescaped, such as `copyright:`)."""
    tree = LexborHTMLParser(output)
    toggles = tree.css(f'input[data-md-toggle="{name}"]')
    if output.count(written) < 2 or len(toggles) != 1:
        return "the theme changed: update TOGGLES and this hook"
    copies = [node.parent if node.tag == "-text" else node for node in tree.root.traverse(include_text=True)
              if (node.tag == "-text" and written in (node.text(deep=False) or "")) or
              (node.tag != "-text" and node.attributes.get("id") == f"__{name}" and node.mem_id != toggles[0].mem_id)]
    where = "; ".join(dict.fromkeys(_described(copy, config_name) for copy in copies)) or "outside any element"
    return (f"the theme wrote its toggle once, and the page holds its markup again, in {where}: remove the markup "
            "from what writes it there")


def _described(node, config_name: str) -> str:
    """The element as a message names it: its tag and classes, and what writes it where the hook knows."""
    classes = " ".join((node.attributes.get("class") or "").split())
    shown = f"<{node.tag}" + (f' class="{classes}"' if classes else "") + ">"
    above = node
    while above is not None:
        writer = next((WRITTEN_BY[kind] for kind in (above.attributes.get("class") or "").split() if kind in
                       WRITTEN_BY), None)
        if writer:
            return f"{shown}, written from `{writer}` in {config_name}"
        above = above.parent
    return f"{shown} (a value of {config_name} the theme writes unescaped, or the page's text)"


def _config_name(config) -> str:
    return Path(config.get("config_file_path") or "mkdocs.yml").name if hasattr(config, "get") else "mkdocs.yml"


def _toggles_not_owned(html: str) -> list[str]:
    """The ids of Material's toggles, read back from the page, that still carry autocomplete or whose form
    owner is not the one form with autocomplete="off"."""
    tree = LexborHTMLParser(html)
    owners = tree.css(f'form[id="{OWNER}"][autocomplete="off"]')
    return [toggle.attributes.get("id") or "?" for toggle in tree.css("input[data-md-toggle]")
            if "autocomplete" in toggle.attributes or toggle.attributes.get("form") != OWNER or len(owners) != 1]
