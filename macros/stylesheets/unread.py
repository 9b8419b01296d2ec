"""What a stylesheet declares that nothing reads: custom properties (`--name: …`) and @keyframes.

A custom property is read by var(--name) in a declaration of any stylesheet the pages link, or in a page's
style attribute or <style> element, or by another custom property that is itself read (to a fixed point:
when the rules that read one go, what it alone read goes with it); the theme's JavaScript sets and reads
some by name, so a name among its words is read too. A @keyframes is read when its name is a word of some
declaration's value, of a page's style, or of the JavaScript.
"""
from __future__ import annotations

import tinycss2

from macros.stylesheets.source import NESTING, Cut, rewritten

RULE_LISTS = NESTING | {"keyframes"}  # at-rules that hold rules (a keyframe is one), not declarations


class _Unread(Cut):
    def __init__(self, read: set[str]):
        self.read = read

    def declaration_kept(self, declaration) -> bool:
        return not declaration.name.startswith("--") or declaration.name in self.read

    def at_rule_kept(self, rule) -> bool:
        if rule.lower_at_keyword != "keyframes":
            return True
        return any(token.type in ("ident", "string") and token.value in self.read for token in rule.prelude)


def without_unread(sheets: dict[str, str], readers: list[str], styles: list[str], named: set[str]) -> dict[str, str]:
    """`sheets` (name: text) without the custom properties and @keyframes that nothing reads: neither `sheets`,
    nor the stylesheets `readers` (which lose nothing), nor the style attributes `styles`, nor the words
    `named` (the JavaScript's)."""
    read = _read(list(sheets.values()) + readers, styles, named)
    return {name: rewritten(text, _Unread(read)) for name, text in sheets.items()}


def _read(texts: list[str], styles: list[str], named: set[str]) -> set[str]:
    """The custom properties and words read, following custom properties to a fixed point."""
    read, needs = set(named), {}
    for text in texts:
        for name, value in _declarations(tinycss2.parse_stylesheet(text, skip_comments=True)):
            words = set(_words(value))
            if name.startswith("--"):
                needs.setdefault(name, set()).update(words)
            else:
                read |= words
    for style in styles:
        for name, value in _declarations_of(tinycss2.parse_blocks_contents(style)):
            read |= {name, *_words(value)}
    waiting = [name for name in needs if name in read]
    while waiting:
        for word in needs.get(waiting.pop(), ()):
            if word not in read:
                read.add(word)
                waiting.append(word)
    return read


def _declarations(rules: list):
    """(name, value) of each declaration of `rules`, inside @media, @keyframes and the like too."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield from _declarations_of(tinycss2.parse_blocks_contents(rule.content))
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in RULE_LISTS:
            yield from _declarations(tinycss2.parse_rule_list(rule.content, skip_comments=True))
        elif rule.type == "at-rule" and rule.content is not None:  # @page, @font-face: declarations
            yield from _declarations_of(tinycss2.parse_blocks_contents(rule.content))


def _declarations_of(nodes: list):
    for node in nodes:
        if node.type == "declaration":
            yield node.lower_name if not node.name.startswith("--") else node.name, node.value


def _words(tokens: list):
    """The identifiers and strings of a value, inside var() and other functions too."""
    for token in tokens:
        if token.type in ("ident", "string"):
            yield token.value
        inside = getattr(token, "arguments", None) or getattr(token, "content", None)
        if isinstance(inside, list):
            yield from _words(inside)
