"""The static pass over a page: front matter and body parsed with Jinja's own parser.

A page may hold text and calls of the citation macros with literal arguments,
nothing else. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import jinja2
import yaml
from jinja2 import nodes

from . import yamllines
from .problems import Problem
from .signatures import MACROS, bind

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
TEMPLATE_MARKS = ("{{", "{%", "{#", "%}", "}}")
FORBIDDEN_KEYS = {"render_macros", "ignore_macros"}
PARSER = jinja2.Environment()  # only ever used to parse, never to render


@dataclass(frozen=True)
class Call:
    path: str  # as shown in messages, e.g. docs/crackdown.md
    line: int
    macro: str
    args: dict
    line_text: str = field(compare=False, default="")


@dataclass
class ParsedPage:
    path: str
    calls: list[Call]
    problems: list[Problem]


def parse_page(path: str, text: str) -> ParsedPage:
    problems: list[Problem] = []
    body, offset = _front_matter(path, text, problems)
    calls = _body_calls(path, body, offset, problems)
    return ParsedPage(path, calls, problems)


def _front_matter(path, text, problems) -> tuple[str, int]:
    match = FRONT_MATTER.match(text)
    if not match:
        return text, 0
    offset = text.count("\n", 0, match.end())
    try:
        data = yamllines.load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(Problem(path, 2 + (mark.line if mark else 0), "front matter is not valid YAML",
                                str(error).splitlines()[0]))
        return text[match.end():], offset
    for key in sorted(FORBIDDEN_KEYS & set(data or {})) if isinstance(data, dict) else []:
        problems.append(Problem(path, 1 + data.line_of(key), f"front matter may not set '{key}'",
                                "", "every page is checked and rendered the same way"))
    for line, value in _strings(data, 2):
        if any(mark in value for mark in TEMPLATE_MARKS):
            problems.append(Problem(path, line, "template syntax in front matter", _clip(value),
                                    "front matter is plain text; put citations in the page body"))
    return text[match.end():], offset


def _strings(data, first_line, line=None):
    """(line, text) for every key and scalar in parsed front matter."""
    if isinstance(data, yamllines.LineDict):
        for key, value in data.items():
            key_line = first_line + data.line_of(key) - 1
            yield key_line, str(key)
            yield from _strings(value, first_line, key_line)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item, first_line, line)
    elif data is not None:
        yield line or first_line, str(data)


def _body_calls(path, body, offset, problems) -> list[Call]:
    lines = body.splitlines()
    try:
        template = PARSER.parse(body)
    except jinja2.TemplateSyntaxError as error:
        problems.append(Problem(path, offset + (error.lineno or 1), "template syntax error", error.message or "",
                                "write {% raw %}…{% endraw %} around text that must show braces literally"))
        return []
    calls = []
    for statement in template.body:
        if not isinstance(statement, nodes.Output):
            problems.append(_not_allowed(path, offset, lines, statement, f"'{{% {_tag(statement)} %}}' statement"))
            continue
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                continue
            call = _macro_call(path, offset, lines, node, problems)
            if call:
                calls.append(call)
    return calls


def _macro_call(path, offset, lines, node, problems) -> Call | None:
    line_text = _line(lines, node.lineno)
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        problems.append(_not_allowed(path, offset, lines, node, _describe(node)))
        return None
    name = node.node.name
    if name not in MACROS:
        problems.append(Problem(path, offset + node.lineno, f"'{name}' is not a citation macro", _clip(line_text),
                                "use one of: " + ", ".join(MACROS)))
        return None
    if node.dyn_args or node.dyn_kwargs or not all(isinstance(a, nodes.Const) for a in node.args) \
            or not all(isinstance(k.value, nodes.Const) for k in node.kwargs):
        problems.append(Problem(path, offset + node.lineno, "macro arguments must be literal strings",
                                _clip(line_text), "write each argument as \"…\""))
        return None
    args, complaints = bind(name, [a.value for a in node.args], {k.key: k.value.value for k in node.kwargs})
    for complaint in complaints:
        problems.append(Problem(path, offset + node.lineno, "wrong macro arguments", complaint))
    if MACROS[name].own_line and not re.fullmatch(r"\s*\{\{.*\}\}\s*", line_text):
        problems.append(Problem(path, offset + node.lineno, f"{name}() must stand alone on its line",
                                _clip(line_text), "put it on a line of its own, with blank lines around it"))
    if complaints:
        return None
    return Call(path, offset + node.lineno, name, args, line_text)


def _not_allowed(path, offset, lines, node, what) -> Problem:
    return Problem(path, offset + node.lineno,
                   "only text and citation macro calls with literal arguments are allowed",
                   f"found {what}: {_clip(_line(lines, node.lineno))}",
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
        return "a call of something that is not a citation macro"
    return f"expression ({type(node).__name__})"


def _tag(statement) -> str:
    names = {"For": "for", "If": "if", "Assign": "set", "AssignBlock": "set", "Include": "include",
             "Import": "import", "FromImport": "from … import", "Macro": "macro", "Extends": "extends",
             "Block": "block", "CallBlock": "call", "FilterBlock": "filter", "With": "with", "ExprStmt": "do"}
    return names.get(type(statement).__name__, type(statement).__name__.lower())


def _line(lines, number) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _clip(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
