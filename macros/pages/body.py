"""A page's body read with Jinja's own parser: its text, and the citation calls between.

A page may hold text and calls of the citation macros with literal arguments,
nothing else; the parse is what the page is rendered from, call by call, so
nothing on a page is ever evaluated by Jinja. Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import jinja2
from jinja2 import nodes

from ..problems import Problem, clip
from .signatures import MACROS, bind

PARSER = jinja2.Environment()  # only ever used to parse, never to render
STATEMENTS = {"For": "for", "If": "if", "Assign": "set", "AssignBlock": "set", "Include": "include",
              "Import": "import", "FromImport": "from … import", "Macro": "macro", "Extends": "extends",
              "Block": "block", "CallBlock": "call", "FilterBlock": "filter", "With": "with", "ExprStmt": "do"}


@dataclass(frozen=True)
class Call:
    path: str  # as shown in messages, e.g. docs/crackdown.md
    line: int
    macro: str
    args: dict
    line_text: str = field(compare=False, default="")


def body_pieces(path: str, body: str, offset: int) -> tuple[list[str | Call], list[Problem]]:
    """The body as Jinja reads it: text (as Jinja would output it) and the citation calls between.
    `offset` is the number of the page's lines before the body."""
    try:
        template = PARSER.parse(body)
    except jinja2.TemplateSyntaxError as error:
        return [], [Problem(path, offset + (error.lineno or 1), "template syntax error", error.message or "",
                            "write {% raw %}…{% endraw %} around text that must show braces literally")]
    except RecursionError:
        return [], [Problem(path, offset + 1, "template syntax error", "expressions nested too deeply",
                            "pages hold text and citation macros only")]
    except ValueError:  # Jinja's lexer reads a number with int(), which refuses thousands of digits
        return [], [Problem(path, offset + _long_number_line(body), "template syntax error",
                            "a number of thousands of digits", "macro arguments are literal strings: \"…\"")]
    lines = body.split("\n")
    pieces: list[str | Call] = []
    problems: list[Problem] = []
    for statement in template.body:
        if not isinstance(statement, nodes.Output):
            name = STATEMENTS.get(type(statement).__name__, type(statement).__name__.lower())
            problems.append(_not_allowed(path, offset, lines, statement, f"'{{% {name} %}}' statement"))
            continue
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                pieces.append(node.data)
                continue
            found = list(_call_problems(path, offset, lines, node))
            problems += found
            if not found:
                pieces.append(_call(path, offset, lines, node))
    return pieces, problems


def _call_problems(path, offset, lines, node) -> Iterator[Problem]:
    line = offset + node.lineno
    line_text = _line(lines, node.lineno)
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        yield _not_allowed(path, offset, lines, node, _describe(node))
        return
    name = node.node.name
    if name not in MACROS:
        yield Problem(path, line, f"'{name}' is not a macro of the site", clip(line_text), "use one of: " +
                      ", ".join(MACROS))
        return
    if node.dyn_args or node.dyn_kwargs or not all(isinstance(a, nodes.Const) for a in node.args) \
            or not all(isinstance(k.value, nodes.Const) for k in node.kwargs):
        yield Problem(path, line, "macro arguments must be literal strings", clip(line_text),
                      "write each argument as \"…\"")
        return
    if not all(_is_text(value.value) for value in [*node.args, *(k.value for k in node.kwargs)]):
        yield Problem(path, line, "macro arguments must be text", "a \\u escape of half a character (a lone "
                      f"surrogate): {clip(line_text)}", "write the character itself")
        return
    _, complaints = bind(name, [a.value for a in node.args], {k.key: k.value.value for k in node.kwargs})
    for complaint in complaints:
        yield Problem(path, line, "wrong macro arguments", complaint)
    if MACROS[name].own_line and not _alone_on_line(line_text):
        yield Problem(path, line, f"{name}() must stand alone on its line", clip(line_text),
                      "put it on a line of its own, with blank lines around it")


def _alone_on_line(line_text: str) -> bool:
    """Whether the line holds the call and nothing else: Jinja's, which Python-Markdown never sees."""
    line = line_text.strip()
    return line.startswith("{{") and line.endswith("}}")


def _call(path, offset, lines, node) -> Call:
    args, _ = bind(node.node.name, [a.value for a in node.args], {k.key: k.value.value for k in node.kwargs})
    return Call(path, offset + node.lineno, node.node.name, args, _line(lines, node.lineno))


def _is_text(value) -> bool:
    """Whether a string argument can be written out as UTF-8: a '\\udc80' escape in Jinja makes one
    that cannot, and claims.json, the page and the source page would all fail on it."""
    try:
        value.encode("utf-8") if isinstance(value, str) else None
    except UnicodeEncodeError:
        return False
    return True


def _long_number_line(body: str) -> int:
    """The body's line of the first number Python will not convert (Jinja gives no line for it)."""
    try:
        for lineno, token, value in PARSER.lexer.tokeniter(body, None):
            if token == "integer" and not _converts(value):
                return lineno
    except jinja2.TemplateSyntaxError:
        pass
    return 1


def _converts(digits: str) -> bool:
    try:
        int(digits.replace("_", ""), 0)
    except ValueError:
        return False
    return True


def template_text(text: str) -> str | None:
    """What Jinja renders a template of text alone as ({% raw %} blocks unwrapped); None if it holds more."""
    try:
        template = PARSER.parse(text)
    except (jinja2.TemplateSyntaxError, RecursionError, ValueError):
        return None
    pieces = []
    for statement in template.body:
        if not isinstance(statement, nodes.Output):
            return None
        for node in statement.nodes:
            if not isinstance(node, nodes.TemplateData):
                return None
            pieces.append(node.data)
    return "".join(pieces)


def prose_pieces(text: str) -> list[tuple[int, str]]:
    """A block's own words as Jinja reads them, each run with its 1-based line in `text`, a macro call
    standing as one NUL character; the text as written if it does not parse (a block inside {% raw %})."""
    try:
        template = PARSER.parse(text)
    except (jinja2.TemplateSyntaxError, RecursionError, ValueError):
        return [(1, text)]
    return [(node.lineno, node.data if isinstance(node, nodes.TemplateData) else "\0")
            for statement in template.body if isinstance(statement, nodes.Output) for node in statement.nodes]


def _not_allowed(path, offset, lines, node, what) -> Problem:
    return Problem(path, offset + node.lineno,
                   "only text and citation macro calls with literal arguments are allowed",
                   f"found {what}: {clip(_line(lines, node.lineno))}",
                   "see the conventions page for the macros a page may use")


def _describe(node) -> str:
    if isinstance(node, nodes.Name):
        return f"variable '{node.name}'"
    if isinstance(node, nodes.Getattr):
        return f"attribute access '.{node.attr}'"
    if isinstance(node, nodes.Getitem):
        return "item access '[…]'"
    if isinstance(node, nodes.Filter):
        return f"filter '|{node.name}'"
    if isinstance(node, nodes.Call):
        return "a call of something that is not a macro of the site"
    return f"expression ({type(node).__name__})"


def _line(lines, number) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""
