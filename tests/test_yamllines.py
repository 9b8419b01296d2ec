"""yamllines.load reads plain YAML with libyaml, and must give exactly what PyYAML's Python loader gives."""
from __future__ import annotations

import random
import re

import pytest
import yaml

from macros import yamllines
from macros.pages import FRONT_MATTER
from tests.conftest import ROOT


def pure_python_load(text):
    return yamllines._load(text, yamllines._compose_any)


def outcome(load, text):
    """What a loader gives, lines included, or the error it raises, as the static pass would report it."""
    try:
        return "ok", _with_lines(load(text))
    except (yaml.YAMLError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        return "error", type(error).__name__, str(error), mark and mark.line


def _with_lines(data):
    if isinstance(data, yamllines.LineDict):
        return ("mapping", data.line, [(key, data.line_of(key), _with_lines(value)) for key, value in data.items()])
    if isinstance(data, list):
        return ("sequence", [_with_lines(item) for item in data])
    return (type(data).__name__, data)


def project_yaml():
    texts = {"seeds/catalogue.yml": (ROOT / "seeds" / "catalogue.yml").read_text(encoding="utf-8")}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        front = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
        if front:
            texts[page.relative_to(ROOT).as_posix()] = front.group(1)
    return texts


@pytest.mark.parametrize("name", sorted(project_yaml()))
def test_the_project_yaml_takes_the_libyaml_path_and_loads_as_before(name):
    text = project_yaml()[name]
    yamllines._compose_plain(text)  # raises NotPlain if the fast path were refused
    assert outcome(yamllines.load, text) == outcome(pure_python_load, text)


@pytest.mark.parametrize("text", [
    "a: b\tc\n",  # libyaml accepts a tab inside a plain scalar, PyYAML does not
    "a: >#\n  x\n",  # nor a comment right after a block scalar indicator
    "a: b\r\nc: d\n",
    "\ufeffa: b\n",
    "a: &x [1]\nb: *x\n",
    "a: !!str 1\n",
    "? [a, b]\n: c\n",
    "- " * 60 + "a\n",  # deeper than DEEPEST
    "- " * 5000 + "a\n",  # deep enough for PyYAML's recursion limit
    "---\na: b\n...\n",
    "a: b\n  c: d\n",
])
def test_yaml_outside_the_plain_subset_or_invalid_is_left_to_pyyaml(text):
    with pytest.raises((yamllines.NotPlain, yaml.YAMLError)):
        yamllines._compose_plain(text)
    assert outcome(yamllines.load, text) == outcome(pure_python_load, text)


TOKENS = ["a", "key", "1", "2022-01-07", "null", "~", "yes", "1.5", "<<", "é", "\u00a0", "…", "😀", ":", ": ", "-",
          "- ", "?", "? ", " ", "  ", "\n", "\n  ", "\n    ", "\n- ", "\n  - ", "#", " # c", "'", "''", '"', '\\"',
          "\\n", "\\x7b", ",", "@", "`", "=", "%", "---", "...", "|", ">", "[", "]", "{", "}", "&a ", "*a", "!", "\t",
          "k" * 1030 + ": v"]


def test_libyaml_and_pyyaml_agree_on_random_yaml():
    rng = random.Random(20220106)
    catalogue = (ROOT / "seeds" / "catalogue.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    plain = 0
    for _ in range(1500):
        start = rng.randrange(len(catalogue))
        text = "".join(catalogue[start: start + rng.randint(1, 20)])
        for _ in range(rng.randint(1, 3)):
            position = rng.randint(0, len(text))
            text = text[:position] + rng.choice(TOKENS) + text[position + rng.randint(0, 2):]
        assert outcome(yamllines.load, text) == outcome(pure_python_load, text), repr(text)
        try:
            yamllines._compose_plain(text)
            plain += 1
        except Exception:
            pass
    assert plain > 250  # the fast path was really exercised


def test_the_uncommon_characters_are_those_outside_the_plain_ranges():
    plain = re.compile(r"[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
    every = "".join(map(chr, range(0x110000)))
    uncommon = {match.start() for match in yamllines.UNCOMMON_CHARACTER.finditer(every)}
    assert uncommon == set(range(0x110000)) - {match.start() for match in plain.finditer(every)}
