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

from mkdocs.exceptions import PluginError
from selectolax.lexbor import LexborHTMLParser

TOGGLES = ("drawer", "search")  # Material's, in the order base.html writes them
OWNER = "__qq_toggles"
OWNER_FORM = f'<form id="{OWNER}" autocomplete="off" hidden></form>'


def on_post_page(output, page, config):
    return owned_toggles(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html) carry the toggles too."""
    return owned_toggles(output_content, template_name) if "data-md-toggle" in output_content else output_content


def owned_toggles(output: str, source: str) -> str:
    for name in TOGGLES:
        written = f'id="__{name}" autocomplete="off">'  # as Material writes it, nothing to escape
        if output.count(written) != 1:
            raise PluginError(f"overrides/hooks/toggles.py: {source}: Material's {name} toggle is not "
                              f"written as …{written}; the theme changed: update TOGGLES and this hook")
        owned = f'id="__{name}" form="{OWNER}">' + (OWNER_FORM if name == TOGGLES[-1] else "")
        output = output.replace(written, owned)
    unowned = _toggles_not_owned(output)
    if unowned:
        raise PluginError(f"overrides/hooks/toggles.py: {source}: {', '.join(unowned)} "
                          f"not owned by the form #{OWNER} with autocomplete=off")
    return output


def _toggles_not_owned(html: str) -> list[str]:
    """The ids of Material's toggles, read back from the page, that still carry autocomplete or whose form
    owner is not the one form with autocomplete="off"."""
    tree = LexborHTMLParser(html)
    owners = tree.css(f'form[id="{OWNER}"][autocomplete="off"]')
    return [toggle.attributes.get("id") or "?" for toggle in tree.css("input[data-md-toggle]")
            if "autocomplete" in toggle.attributes or toggle.attributes.get("form") != OWNER or len(owners) != 1]
