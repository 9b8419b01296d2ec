"""A stylesheet's text rewritten without some of its pieces, each kept piece copied as written.

tinycss2's serializer would rewrite some of what it keeps (an escape in a string, `1n+2` in a selector), so its
nodes give only where each piece starts. A `Cut` says which pieces go: selectors of a rule, declarations of a
block, whole at-rules. A rule left with no selector or no declaration goes, and so does an @media left empty.
"""
from __future__ import annotations

import tinycss2

NESTING = {"media", "supports", "container", "layer"}  # at-rules whose rules are purged one by one


class Cut:
    """What goes; by default, nothing."""

    def selector_kept(self, selector: list) -> bool:
        return True

    def declaration_kept(self, declaration) -> bool:
        return True

    def at_rule_kept(self, rule) -> bool:
        return True


class Stylesheet:
    """A stylesheet's text, and where each of tinycss2's nodes starts in it (nodes know their line and column,
    1-based)."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]

    def offset(self, node) -> int:
        return self.line_starts[node.source_line - 1] + node.source_column - 1

    def block_start(self, rule, end: int) -> int:
        """Where the rule's {…} block opens: just before its content, or `{}` at its end."""
        return self.offset(rule.content[0]) - 1 if rule.content else end - 2


def rewritten(css: str, cut: Cut) -> str:
    """The stylesheet without what `cut` drops; comments and whitespace between rules go too."""
    sheet = Stylesheet(css)
    nodes = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=False)
    return _kept_rules(sheet, nodes, len(css), cut)


def _kept_rules(sheet: Stylesheet, nodes: list, end: int, cut: Cut) -> str:
    """`nodes` (rules of one level, ending at offset `end`), each kept as written or left out."""
    out = []
    for node, following in zip(nodes, [*nodes[1:], None]):
        stop = sheet.offset(following) if following is not None else end
        out.append(_kept_rule(sheet, node, sheet.offset(node), stop, cut))
    return "".join(out)


def _kept_rule(sheet: Stylesheet, rule, start: int, stop: int, cut: Cut) -> str:
    if rule.type in ("whitespace", "comment"):
        return ""
    if rule.type == "qualified-rule":
        brace = sheet.block_start(rule, stop)
        kept = [sheet.text[begin:end] for begin, end, selector in _selectors(sheet, rule, start, brace)
                if cut.selector_kept(selector)]
        block = _kept_declarations(sheet, rule, brace, stop, cut) if kept else ""
        return ",".join(kept) + block if block else ""
    if rule.type == "at-rule" and rule.lower_at_keyword in NESTING and rule.content is not None:
        brace = sheet.block_start(rule, stop)
        inner_rules = tinycss2.parse_rule_list(rule.content, skip_comments=False, skip_whitespace=False)
        inner = _kept_rules(sheet, inner_rules, stop - 1, cut)
        return f"{sheet.text[start:brace]}{{{inner}}}" if inner else ""
    return sheet.text[start:stop] if cut.at_rule_kept(rule) else ""  # @font-face, @keyframes…: whole or not


def _selectors(sheet: Stylesheet, rule, start: int, brace: int):
    """(start, end, tokens) of each selector of the rule's comma-separated list."""
    begin, tokens = start, []
    for token in rule.prelude:
        if token == ",":
            yield begin, sheet.offset(token), tokens
            begin, tokens = sheet.offset(token) + 1, []
        else:
            tokens.append(token)
    yield begin, brace, tokens


def _kept_declarations(sheet: Stylesheet, rule, brace: int, stop: int, cut: Cut) -> str:
    """The rule's {…} block without the declarations `cut` drops (each goes with its `;`); "" if none is left."""
    nodes = [node for node in tinycss2.parse_declaration_list(rule.content or [])
             if node.type not in ("whitespace", "comment")]
    if all(node.type != "declaration" or cut.declaration_kept(node) for node in nodes):
        return sheet.text[brace:stop]
    kept = []
    for node, following in zip(nodes, [*nodes[1:], None]):
        end = sheet.offset(following) if following is not None else stop - 1
        if node.type != "declaration" or cut.declaration_kept(node):
            kept.append(sheet.text[sheet.offset(node):end])
    return "{" + "".join(kept) + "}" if kept else ""
