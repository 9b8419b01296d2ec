"""A short cut through Jinja's parser for the pages a contributor writes.

A page is text and `{{ name("literal", key="literal") }}` calls. For a page
that holds nothing else, the tokens of Jinja's own lexer are turned into the
nodes Jinja's parser would build from them, in half the time. Any other token,
or any other order of tokens, returns None, and the caller runs Jinja's parser,
which decides what the page means and words every error. tests/test_pages.py
checks that both give the same nodes.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import jinja2
from jinja2 import nodes


def literal_template(parser: jinja2.Environment, body: str, names) -> nodes.Template | None:
    """The template Jinja's parser would build, if `body` is text and literal calls of `names` only."""
    try:
        tokens = list(parser.lexer.tokenize(body))
    except jinja2.TemplateSyntaxError:
        return None
    output: list[nodes.Node] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.type == "data":
            if token.value:  # as the parser does: empty text makes no node
                output.append(nodes.TemplateData(token.value, lineno=token.lineno))
            position += 1
        elif token.type == "variable_begin":
            try:
                call, position = _call(tokens, position + 1, names)
            except IndexError:  # the page ends inside the call
                return None
            if call is None:
                return None
            output.append(call)
        else:
            return None
    return nodes.Template([nodes.Output(output, lineno=1)] if output else [], lineno=1)


def _call(tokens, position, names) -> tuple[nodes.Call | None, int]:
    """`name(…)` followed by `}}`: positional string literals, then keyword ones, comma separated."""
    kinds = [token.type for token in tokens[position:position + 2]]
    if kinds != ["name", "lparen"] or tokens[position].value not in names:
        return None, position
    name, opening = tokens[position], tokens[position + 1]
    position += 2
    args: list[nodes.Const] = []
    kwargs: list[nodes.Keyword] = []
    while tokens[position].type != "rparen":
        if args or kwargs:
            if tokens[position].type != "comma" or tokens[position + 1].type == "rparen":
                return None, position  # no comma, or a trailing one: the parser decides
            position += 1
        kinds = [token.type for token in tokens[position:position + 4]]
        if kinds[:3] == ["name", "assign", "string"] and kinds[3:] in (["comma"], ["rparen"]):
            value = tokens[position + 2]
            kwargs.append(nodes.Keyword(tokens[position].value, nodes.Const(value.value, lineno=value.lineno),
                                        lineno=value.lineno))
            position += 3
        elif kinds[:1] == ["string"] and kinds[1:2] in (["comma"], ["rparen"]) and not kwargs:
            args.append(nodes.Const(tokens[position].value, lineno=tokens[position].lineno))
            position += 1
        else:
            return None, position
    if position + 1 >= len(tokens) or tokens[position + 1].type != "variable_end":
        return None, position
    callee = nodes.Name(name.value, "load", lineno=name.lineno)
    return nodes.Call(callee, args, kwargs, None, None, lineno=opening.lineno), position + 2
