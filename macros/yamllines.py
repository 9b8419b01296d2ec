"""YAML loading that remembers the line of every mapping key, for error messages."""
from __future__ import annotations

import datetime

import yaml


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
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        return None
    return _convert(node, yaml.SafeLoader(""))
