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
from .activehtml import active_html
from .literalcalls import literal_template
from .problems import Problem
from .signatures import MACROS, bind

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# Without '---', MkDocs reads leading 'Key: value' lines as metadata (MultiMarkdown style) and
# drops them from the page: the same two patterns as mkdocs.utils.meta, so both read a page alike.
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")
BOM = "\ufeff"  # MkDocs reads pages as utf-8-sig: one leading BOM is not part of the page
TEMPLATE_MARKS = ("{{", "{%", "{#", "%}", "}}", "#}")
FORBIDDEN_KEYS = {"render_macros", "ignore_macros"}
# The theme writes page.meta.title and .description into <title>, the header and an attribute unescaped.
HTML_CHARS = '<>"'
HTML_HINT = "the theme inserts titles and descriptions unescaped: write plain text, with “ ” for quotes"
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
    body: str = ""  # the text MkDocs hands to the renderer: the page after its metadata
    pieces: list[str | Call] = field(default_factory=list)  # the body as its text and calls, in order


def parse_page(path: str, text: str) -> ParsedPage:
    """Read the page as MkDocs does: what it renders as the body is what is parsed here."""
    problems: list[Problem] = []
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    body, offset, has_title = _front_matter(path, text, problems)
    stripped = body.lstrip("\n")  # as MkDocs does after the metadata
    body, offset = stripped, offset + len(body) - len(stripped)
    pieces = _body_pieces(path, body, offset, problems)
    if not has_title:
        _heading_title(path, body, offset, problems)
    return ParsedPage(path, _calls(pieces), problems, body, pieces)


def _front_matter(path, text, problems) -> tuple[str, int, bool]:
    """(body, lines before it, whether the metadata sets a title) for YAML or MultiMarkdown metadata."""
    match = FRONT_MATTER.match(text)
    if not match:
        return _meta_lines(path, text, problems)
    offset = text.count("\n", 0, match.end())
    before = len(problems)
    data = _yaml_front_matter(path, match, problems)
    # The raw text too, unless its values were refused already: a YAML comment holds no value, and
    # front matter MkDocs cannot use (not YAML to its loader, not a mapping) is rendered as page text.
    values_clean = len(problems) == before
    for number, line in enumerate(match.group(1).split("\n")[:-1], 2):
        if values_clean and any(mark in line for mark in TEMPLATE_MARKS):
            problems.append(Problem(path, number, "template syntax in front matter", _clip(line),
                                    "front matter is plain text; put citations in the page body"))
    if data is not None and not isinstance(data, dict):
        problems.append(Problem(path, 1, "front matter must be a mapping of keys to values",
                                f"found {type(data).__name__}",
                                "MkDocs would ignore it and render it as part of the page"))
    return text[match.end():], offset, isinstance(data, dict) and "title" in data


def _meta_lines(path, text, problems) -> tuple[str, int, bool]:
    """MultiMarkdown metadata, consumed line by line exactly as mkdocs.utils.meta.get_data does."""
    lines = text.split("\n")
    consumed, key, keys = 0, None, set()
    while consumed < len(lines):
        line = lines[consumed]
        if line.strip() == "":
            consumed += 1
            break
        if found := META_LINE.match(line):
            key = found.group("key").lower().strip()
            keys.add(key)
        elif not (META_MORE.match(line) and key):
            break
        consumed += 1
        if key in FORBIDDEN_KEYS:
            problems.append(Problem(path, consumed, f"front matter may not set '{key}'", "",
                                    "every page is checked and rendered the same way"))
        if any(mark in line for mark in TEMPLATE_MARKS):
            problems.append(Problem(
                path, consumed, "template syntax in front matter", _clip(line),
                "MkDocs reads leading 'Key: value' lines as page metadata, not text; "
                "start the page with a heading or a blank line"))
    if not keys:
        return text, 0, False
    return "\n".join(lines[consumed:]), consumed, "title" in keys


def _yaml_front_matter(path, match, problems):
    try:
        data = yamllines.load(match.group(1))
    except (yaml.YAMLError, TypeError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(Problem(path, 2 + (mark.line if mark else 0), "front matter is not valid YAML",
                                (str(error).splitlines() or [type(error).__name__])[0]))
        return None
    for key in sorted(FORBIDDEN_KEYS & set(data or {})) if isinstance(data, dict) else []:
        problems.append(Problem(path, 1 + data.line_of(key), f"front matter may not set '{key}'",
                                "", "every page is checked and rendered the same way"))
    for line, value in _strings(data, 2):
        if any(mark in value for mark in TEMPLATE_MARKS):
            problems.append(Problem(path, line, "template syntax in front matter", _clip(value),
                                    "front matter is plain text; put citations in the page body"))
        elif any(char in value for char in HTML_CHARS):
            problems.append(Problem(path, line, "HTML in front matter", _clip(value), HTML_HINT))
    return data


def check_rendered(path: str, markdown: str, title: str | None) -> tuple[list[str | Call], list[Problem]]:
    """The last guard, on the exact text about to be rendered and the page's title: the same
    allow-list, so no difference in reading a page can let anything through. Returns the text's pieces."""
    problems: list[Problem] = []
    pieces = _body_pieces(path, markdown, 0, problems)
    if title and any(mark in str(title) for mark in TEMPLATE_MARKS) and template_text(str(title)) is None:
        problems.append(Problem(path, 1, "the page title may hold only text", _clip(str(title)),
                                "titles come from the nav, the front matter or the first heading"))
    return pieces, problems


def template_text(text: str) -> str | None:
    """What Jinja renders a template of text alone as ({% raw %} blocks unwrapped); None if it holds more."""
    try:
        template = PARSER.parse(text)
    except jinja2.TemplateSyntaxError:
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


def _calls(pieces: list[str | Call]) -> list[Call]:
    return [piece for piece in pieces if isinstance(piece, Call)]


def _heading_title(path, body, offset, problems) -> None:
    """Without a title in the metadata, MkDocs takes the first line if it is '# …' as the page title,
    and mkdocs-macros renders that title again on its own: it may hold text only."""
    for number, line in enumerate(body.split("\n"), 1):
        line = line.strip()
        if not line:
            continue
        if not line.startswith("# "):
            return
        if template_text(line.lstrip("# ")) is None:
            problems.append(Problem(path, offset + number, "the page title heading may hold only text",
                                    _clip(line), "MkDocs renders the title from this heading again on its own: "
                                    "put macro calls after the heading"))
        return


def _strings(data, first_line, line=None, seen=None):
    """(line, text) for every key and scalar in parsed front matter (each shared alias once)."""
    seen = set() if seen is None else seen
    if isinstance(data, (dict, list)):
        if id(data) in seen:
            return
        seen.add(id(data))
    if isinstance(data, yamllines.LineDict):
        for key, value in data.items():
            key_line = first_line + data.line_of(key) - 1
            yield key_line, str(key)
            yield from _strings(value, first_line, key_line, seen)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item, first_line, line, seen)
    elif data is not None:
        yield line or first_line, str(data)


def _body_pieces(path, body, offset, problems) -> list[str | Call]:
    """The body as Jinja reads it: text (as Jinja would output it) and the citation calls between."""
    lines = body.splitlines()
    try:
        template = literal_template(PARSER, body, MACROS) or PARSER.parse(body)
    except jinja2.TemplateSyntaxError as error:
        problems.append(Problem(path, offset + (error.lineno or 1), "template syntax error", error.message or "",
                                "write {% raw %}…{% endraw %} around text that must show braces literally"))
        return []
    pieces: list[str | Call] = []
    for statement in template.body:
        if not isinstance(statement, nodes.Output):
            problems.append(_not_allowed(path, offset, lines, statement, f"'{{% {_tag(statement)} %}}' statement"))
            continue
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):  # text: macro arguments are escaped, text is not
                problems += active_html(path, node.data, offset + node.lineno - 1)
                pieces.append(node.data)
                continue
            call = _macro_call(path, offset, lines, node, problems)
            if call:
                pieces.append(call)
    return pieces


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


def nav_problems(nav, label: str, config_text: str = "") -> list[Problem]:
    """A nav title becomes its page's title, which mkdocs-macros renders: titles are plain text."""
    problems = []
    lines = config_text.split("\n")
    for title in _nav_titles(nav):
        if any(mark in title for mark in TEMPLATE_MARKS):
            number = next((n for n, line in enumerate(lines, 1) if title.strip() and title.strip()[:40] in line), 1)
            problems.append(Problem(label, number, "template syntax in a nav title", _clip(title),
                                    "nav titles are plain text"))
    return problems


def _nav_titles(nav):
    if isinstance(nav, dict):
        for title, value in nav.items():
            yield str(title)
            yield from _nav_titles(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_titles(item)
