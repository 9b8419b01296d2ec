"""YAML read as MkDocs reads it, with the line of every key, and nothing in it that can grow.

MkDocs parses front matter with PyYAML's libyaml loader where it is installed
(mkdocs.utils.meta), so this does too. Before anything is built from the text, its
events are read once, and the text is refused if they hold an anchor or an alias (a
few lines of aliases stand for 10^9 strings to any code that walks or prints the
result), a tag, or collections nested deeper than a page or the catalogue needs
(libyaml's work grows with the square of the depth). Pure Python: nothing here
imports MkDocs.
"""
from __future__ import annotations

import datetime

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEEPEST = 5  # the catalogue: a list of entries, each a mapping of fields, each a mapping
PLAIN_KEYS = (str, int, float, bool, datetime.date, type(None))
# A number of more digits than a date or a count has is refused before it is made: Python formats no int
# of more than 4,300 digits (a 6,000-digit 0x… literal is read, then crashes the message that shows it)
NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
LONGEST_NUMBER = 30


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line  # 1-based, in the text that was loaded
        self.message = message


class LineDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 1
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


def load(text: str):
    """The one YAML document in `text`, its mappings as LineDicts; raises YamlProblem."""
    _check_events(text)
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        raise _problem(error) from None
    return None if node is None else _convert(node, LOADER(""))


def _check_events(text: str) -> None:
    depth = 0
    try:
        for event in yaml.parse(text, Loader=LOADER):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise YamlProblem(line, "anchors and aliases (& and *) are not allowed")
            if getattr(event, "tag", None) is not None:
                raise YamlProblem(line, f"tags are not allowed: found {event.tag}")
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > DEEPEST:
                raise YamlProblem(line, f"nested more than {DEEPEST} levels deep")
    except yaml.YAMLError as error:
        raise _problem(error) from None


def _problem(error: yaml.YAMLError) -> YamlProblem:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else 1
    if getattr(error, "problem", None) == "exceeded maximum nesting depth":  # libyaml's own limit, above ours
        return YamlProblem(line, f"nested more than {DEEPEST} levels deep")
    return YamlProblem(line, (str(error).splitlines() or ["not valid YAML"])[0])


def _convert(node, constructor):
    if isinstance(node, yaml.MappingNode):
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, constructor) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key_node, yaml.ScalarNode) or not isinstance(key, PLAIN_KEYS):
                raise YamlProblem(key_node.start_mark.line + 1, "found a key that is not a plain value")
            line = key_node.start_mark.line + 1
            if key in result:
                raise YamlProblem(line, f"the key {_shown(key)} is given twice ({_first(line - result.key_lines[key])})"
                                        ": YAML would keep only the last; keep one")
            result[key] = _convert(value_node, constructor)
            result.key_lines[key] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, constructor) for item in node.value]
    return _scalar(node, constructor)


def _scalar(node, constructor):
    if node.tag in NUMBER_TAGS and len(node.value) > LONGEST_NUMBER:
        raise YamlProblem(node.start_mark.line + 1, f"a number {len(node.value):,} characters long: nothing here "
                                                    f"needs more than {LONGEST_NUMBER}; write text in quotes")
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.YAMLError as error:
        raise _problem(error) from None
    except ValueError as error:  # e.g. a date that does not exist: 2022-02-30
        raise YamlProblem(node.start_mark.line + 1, f"not a valid value: {_shown(node.value)} ({error})") from None


def _first(above: int) -> str:
    """Where the first of two keys is, counted back (the caller's path:line may count from elsewhere)."""
    return "first on the same line" if above == 0 else f"first {above} line{'' if above == 1 else 's'} above"


def _shown(value) -> str:
    """A key or value as the message shows it, clipped (its numbers are short: _scalar)."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:59] + "…"
