"""A short cut through Jinja's parser for the pages a contributor writes.

A page is text and `{{ name("literal", key="literal") }}` calls. For a page that
holds nothing else, the nodes Jinja's parser would build are built directly, in
two ways. A page with no block, comment, carriage return or backslash in a
string is read by regular expressions, ten times faster than Jinja's lexer: its
text between calls is exactly what Jinja outputs, and its strings are their own
values. Any other page goes through Jinja's own lexer, whose tokens are turned
into nodes. Whatever either way does not recognise returns None, and the caller
runs Jinja's parser, which decides what the page means and words every error.
tests/test_pages.py checks that all three give the same nodes.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re

import jinja2
from jinja2 import nodes

# As Jinja's lexer reads them: ASCII names (anything else goes to the lexer), whitespace as \s,
# strings without backslashes or carriage returns (whose value is then the text between the quotes).
CALL_START = re.compile(r"\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(\()")
ARGUMENT = re.compile(r"""\s*(?:([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*)?(?:"([^"\\\r]*)"|'([^'\\\r]*)')\s*([,)])""")
NO_ARGUMENTS = re.compile(r"\s*\)")
CALL_END = re.compile(r"\s*\}\}")


def literal_template(parser: jinja2.Environment, body: str, names) -> nodes.Template | None:
    """The template Jinja's parser would build, if `body` is text and literal calls of `names` only
    (without the environment the parser links every node to: nothing here compiles or renders it)."""
    return _read_directly(body, names) or _from_tokens(parser, body, names)


def _read_directly(body: str, names) -> nodes.Template | None:
    """The template of a page that is text and plain calls only, read without Jinja's lexer."""
    if "{%" in body or "{#" in body or "\r" in body:
        return None
    source = body[:-1] if body.endswith("\n") else body  # Jinja drops one final newline
    output: list[nodes.Node] = []
    position, line = 0, 1
    while position < len(source):
        start = source.find("{{", position)
        end = len(source) if start < 0 else start
        if end > position:
            output.append(nodes.TemplateData(source[position:end], lineno=line))
            line += source.count("\n", position, end)
        if start < 0:
            break
        call, position, line = _plain_call(source, start, line, names)
        if call is None:
            return None
        output.append(call)
    return _template(output)


def _template(output: list[nodes.Node]) -> nodes.Template:
    return nodes.Template([nodes.Output(output, lineno=output[0].lineno)] if output else [], lineno=1)


def _plain_call(source: str, start: int, line: int, names) -> tuple[nodes.Call | None, int, int]:
    """The call that starts at `start` (on `line`), where it ends, and the line it ends on."""
    opening = CALL_START.match(source, start)
    if not opening or opening.group(1) not in names:
        return None, start, line

    def line_at(offset: int) -> int:
        return line + source.count("\n", start, offset)

    args: list[nodes.Const] = []
    kwargs: list[nodes.Keyword] = []
    position = opening.end()
    empty = NO_ARGUMENTS.match(source, position)
    if empty:
        position = empty.end()
    while not empty:
        argument = ARGUMENT.match(source, position)
        if not argument or (kwargs and not argument.group(1)):
            return None, start, line  # not a plain string, or a positional one after a keyword: Jinja decides
        key, double, single, after = argument.groups()
        value_start = argument.start(2) if double is not None else argument.start(3)
        value = nodes.Const(double if double is not None else single, lineno=line_at(value_start))
        if key:
            kwargs.append(nodes.Keyword(key, value, lineno=value.lineno))
        else:
            args.append(value)
        position = argument.end()
        if after == ")":
            break
    closing = CALL_END.match(source, position)
    if not closing:
        return None, start, line
    callee = nodes.Name(opening.group(1), "load", lineno=line_at(opening.start(1)))
    call = nodes.Call(callee, args, kwargs, None, None, lineno=line_at(opening.start(2)))
    return call, closing.end(), line_at(closing.end())


def _from_tokens(parser: jinja2.Environment, body: str, names) -> nodes.Template | None:
    """The template built from the tokens of Jinja's lexer."""
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
    return _template(output)


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
