"""Which selectors can match an element of the built pages.

A selector cannot match when it names, outside parentheses, a class no page element has and the theme's
JavaScript does not write (it builds the search results and the tooltips), or a [dir=…] no element carries;
nor when no alternative of one of its :is(), :where() or :has() lists can match (the classes inside :not()
are not required: it matches their absence). A palette attribute [data-md-color-…=value] is required
wherever it stands, even inside :not() (the site ships both palettes, and the toggle only switches between
the values the pages carry).
"""
from __future__ import annotations

from macros.stylesheets.source import Cut, rewritten

COLOR_ATTRIBUTES = {"data-md-color-primary", "data-md-color-accent", "data-md-color-scheme"}
REQUIRED_ATTRIBUTES = {"dir"}  # required outside parentheses, like a class
TRACKED_ATTRIBUTES = COLOR_ATTRIBUTES | REQUIRED_ATTRIBUTES  # what the pages' elements are read for
ALTERNATIVES = {"is", "where", "has"}  # pseudo-classes that match when one selector of their list matches


class _UnusedSelectors(Cut):
    def __init__(self, classes: set[str], attributes: set[tuple[str, str]]):
        self.classes, self.attributes = classes, attributes

    def selector_kept(self, selector: list) -> bool:
        return can_match(selector, self.classes, self.attributes) and all(
            pair in self.attributes for pair in _color_attributes(selector))


def purge(css: str, classes: set[str], attributes: set[tuple[str, str]]) -> str:
    """The stylesheet without the selectors that cannot match (see the module's doc), and the rules left
    with none; comments and whitespace between rules go too."""
    return rewritten(css, _UnusedSelectors(classes, attributes))


def can_match(selector: list, classes: set[str], attributes: set[tuple[str, str]]) -> bool:
    """Every class and [dir=…] outside parentheses is used, and so is some alternative of each :is() list."""
    for before, token in zip([None, *selector], selector):
        if token.type == "ident" and before is not None and before == "." and token.value not in classes:
            return False
        pair = _attribute(token)
        if pair and pair[0] in REQUIRED_ATTRIBUTES and pair not in attributes:
            return False
        if token.type == "function" and token.lower_name in ALTERNATIVES and not any(
                can_match(alternative, classes, attributes) for alternative in _comma_separated(token.arguments)):
            return False
    return True


def _comma_separated(tokens: list) -> list[list]:
    parts = [[]]
    for token in tokens:
        if token == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _attribute(token) -> tuple[str, str] | None:
    """(name, value) of an attribute selector [name=value], else None."""
    if token.type != "[] block":
        return None
    parts = [part for part in token.content if part.type != "whitespace"]
    if (len(parts) == 3 and parts[0].type == "ident" and parts[1] == "="
            and parts[2].type in ("ident", "string")):
        return parts[0].value, parts[2].value
    return None


def _color_attributes(tokens: list):
    """(name, value) of each [data-md-color-…=value] among the tokens and inside their blocks."""
    for token in tokens:
        pair = _attribute(token)
        if pair and pair[0] in COLOR_ATTRIBUTES:
            yield pair
        inside = getattr(token, "arguments", None) or getattr(token, "content", None)
        if isinstance(inside, list):
            yield from _color_attributes(inside)
