"""YAML loading that remembers the line of every mapping key, for error messages."""
from __future__ import annotations

import datetime
import re

import yaml
from yaml.composer import Composer
from yaml.events import (CollectionEndEvent, CollectionStartEvent, DocumentEndEvent, DocumentStartEvent, NodeEvent,
                         ScalarEvent)


MAPPING, SEQUENCE = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class LineDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 1
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _convert(node, constructor, done=None):
    """Each node once: an alias shares its anchor's object, as PyYAML's own loader does."""
    done = {} if done is None else done
    if id(node) in done:
        return done[id(node)]
    if isinstance(node, yaml.CollectionNode) and node.tag not in (MAPPING, SEQUENCE):
        constructor.construct_object(node, deep=True)  # a tag SafeLoader refuses raises here, as it would there
    if isinstance(node, yaml.MappingNode):
        result = done[id(node)] = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool, datetime.date, type(None))):
                raise yaml.constructor.ConstructorError(None, None, "found a key that is not a plain value",
                                                        key_node.start_mark)
            result[key] = _convert(value_node, constructor, done)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        result = done[id(node)] = []
        result.extend(_convert(item, constructor, done) for item in node.value)
        return result
    return constructor.construct_object(node, deep=True)


def load(text: str):
    """Parse one YAML document; raises yaml.YAMLError with a mark on bad syntax."""
    try:
        return _load(text, _compose_plain)
    except Exception:  # not plain, or not valid: PyYAML's Python loader decides, in its own words
        return _load(text, _compose_any)


def _load(text, compose):
    node = compose(text)
    if node is None:
        return None
    return _convert(node, yaml.SafeLoader(""))


def _compose_any(text):
    return yaml.compose(text, Loader=yaml.SafeLoader)


# libyaml parses ten times faster than PyYAML's Python code, but the two disagree on some input
# (a tab in a plain scalar, "|#", the marks of empty values...). So libyaml reads only plain YAML,
# where tests/test_yamllines.py and long fuzzing found them to agree: no tab, CR, uncommon line
# break or BOM; block mappings and sequences of plain or quoted scalars; no tag, anchor, alias or
# document marker. Everything else, and every error, is left to PyYAML's Python loader.
# The characters outside "\n", \x20-\x7e, \xa0-\u2027, \u202a-\ud7ff, \ue000-\ufefe, \uff00-\ufffd and the astral
# planes, listed: compiling that negated class took 9 ms of every build.
UNCOMMON_CHARACTER = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
DEEPEST = 50  # nesting levels; deeper documents go to the pure-Python loader, whose recursion limit they may reach


class NotPlain(Exception):
    pass


def _compose_plain(text):
    if not hasattr(yaml, "CSafeLoader") or UNCOMMON_CHARACTER.search(text):
        raise NotPlain
    loader = _PlainLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _PlainLoader(Composer, getattr(yaml, "CSafeLoader", object)):
    """PyYAML's own composer, fed by libyaml's parser, refusing every event outside plain YAML."""

    def __init__(self, text):
        yaml.CSafeLoader.__init__(self, text)
        Composer.__init__(self)
        self.depth = 0

    def get_event(self):
        event = super().get_event()
        self.depth += isinstance(event, CollectionStartEvent) - isinstance(event, CollectionEndEvent)
        if self.depth > DEEPEST or not _plain(event):
            raise NotPlain
        return event


def _plain(event) -> bool:
    if isinstance(event, NodeEvent) and (event.anchor is not None or event.tag is not None):
        return False  # an alias, an anchor or a tag
    if isinstance(event, ScalarEvent):
        return event.style in ("", "'", '"')
    if isinstance(event, CollectionStartEvent):
        return event.flow_style is False
    if isinstance(event, (DocumentStartEvent, DocumentEndEvent)):
        return not event.explicit
    return True
