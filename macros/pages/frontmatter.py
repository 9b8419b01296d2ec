"""A page's metadata, split from its body exactly as MkDocs does (mkdocs.utils.meta.get_data).

Either YAML between `---` lines at the top, or, without them, leading
MultiMarkdown `Key: value` lines. The YAML is read once, with the line of
every key, by the loader MkDocs uses. A page may set only the keys in
ALLOWED_KEYS; `meta_problems` applies that rule both here and, in the build,
to `page.meta` as MkDocs parsed it. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .. import yamlfile
from ..corpus import characters
from ..problems import Problem, clip

# MkDocs splits the metadata off before Python-Markdown reads the page, with these three patterns of
# mkdocs.utils.meta; the core may not import MkDocs to use them, so it holds the same ones, byte for byte, and the
# same loop (tests/test_pages.py compares the patterns, and the split of every page of each edition and of tricky
# samples with get_data's). A reading with string methods would be longer, and agree only as far as it was proved
# to; the build compares again what MkDocs read (mkdocs_plugin/plugin.py, _check_read_page).
YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")
ALLOWED_KEYS = {
    "title": "the page's title, where it should differ from its first heading",
    "description": "one sentence for search engines and link previews",
}
# Keys a page used to set, with what to do instead
MOVED_KEYS = {
    "citations": "the pages exempt from citations are listed in mkdocs.yml (the citations plugin's 'exempt'), "
                 "which only a maintainer changes: remove the key, and cite every paragraph or ask a maintainer",
}
TEMPLATE_MARKS = ("{{", "{%", "{#", "%}", "}}", "#}")
HTML_CHARS = '<>"'
HTML_HINT = "the theme inserts titles and descriptions unescaped: write plain text, with “ ” for quotes"
META_HINT = "MkDocs reads leading 'Key: value' lines as page metadata: start the page with a heading or a blank line"


@dataclass(frozen=True)
class FrontMatter:
    data: dict  # the page's metadata, as MkDocs reads it
    lines: dict = field(default_factory=dict)  # key -> its 1-based line in the page
    body: str = ""  # what MkDocs renders: the page after its metadata
    offset: int = 0  # lines of the page before the body
    kind: str = ""  # "yaml", "multimarkdown", or "" for none


def read_front_matter(path: str, text: str) -> tuple[FrontMatter, list[Problem]]:
    """The metadata and body of a page read as MkDocs reads pages (utf-8-sig, line ends made \\n)."""
    block = YAML_BLOCK.match(text)
    front, problems = _yaml(path, text, block) if block else _multimarkdown(text)
    return front, problems + list(meta_problems(path, front.data, front.lines, front.kind))


def _yaml(path: str, text: str, block: re.Match) -> tuple[FrontMatter, list[Problem]]:
    try:
        data = yamlfile.load(block.group(1))
    except yamlfile.YamlProblem as error:
        return FrontMatter({}, body=text), [Problem(path, 1 + error.line, "front matter is not valid YAML",
                                                    error.message)]
    if not isinstance(data, dict):
        found = "nothing" if data is None else type(data).__name__
        return FrontMatter({}, body=text), [Problem(path, 1, "front matter must be a mapping of keys to values",
                                                    f"found {found}",
                                                    "MkDocs would ignore it and render it as part of the page")]
    body = text[block.end():].lstrip("\n")
    lines = {key: 1 + data.line_of(key) for key in data}
    return FrontMatter(dict(data), lines, body, text.count("\n", 0, len(text) - len(body)), "yaml"), []


def _multimarkdown(text: str) -> tuple[FrontMatter, list[Problem]]:
    """Leading 'Key: value' lines and their continuations, consumed as mkdocs.utils.meta does."""
    lines = text.split("\n")
    data: dict[str, str] = {}
    key_lines: dict[str, int] = {}
    key, consumed = None, 0
    while consumed < len(lines):
        line = lines[consumed]
        if line.strip() == "":
            consumed += 1
            break
        if found := META_LINE.match(line):
            key = found.group("key").lower().strip()
            value = found.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
            key_lines.setdefault(key, consumed + 1)
        elif (more := META_MORE.match(line)) and key:
            data[key] += " " + more.group("value").strip()
        else:
            break
        consumed += 1
    if not data:
        body = text.lstrip("\n")
        return FrontMatter({}, body=body, offset=len(text) - len(body)), []
    body = "\n".join(lines[consumed:]).lstrip("\n")
    return FrontMatter(data, key_lines, body, text.count("\n", 0, len(text) - len(body)), "multimarkdown"), []


def meta_problems(path: str, data: Mapping, lines: Mapping, kind: str = "yaml") -> Iterator[Problem]:
    """The rules for a page's metadata, wherever it was read: only the allowed keys, plain text values."""
    for key, value in data.items():
        line = lines.get(key, 1)
        if key not in ALLOWED_KEYS:
            yield Problem(path, line, f"front matter may not set '{clip(str(key), 40)}'",
                          "", MOVED_KEYS.get(key) or (META_HINT if kind == "multimarkdown" else
                                                      "a page may set only " + ", ".join(ALLOWED_KEYS) +
                                                      "; every page is checked and rendered the same way"))
        elif not isinstance(value, str):
            yield Problem(path, line, f"front matter '{key}' must be plain text", f"found {type(value).__name__}",
                          f"{key}: {ALLOWED_KEYS[key]}")
        elif any(mark in value for mark in TEMPLATE_MARKS):
            yield Problem(path, line, "template syntax in front matter", clip(value),
                          META_HINT if kind == "multimarkdown" else
                          "front matter is plain text; put citations in the page body")
        elif any(char in value for char in HTML_CHARS):
            yield Problem(path, line, "HTML in front matter", clip(value), HTML_HINT)
        else:
            yield from _referenced_format_characters(path, line, value)


def _referenced_format_characters(path: str, line: int, value: str) -> Iterator[Problem]:
    """Format and control characters in the value as parsed, which YAML's escapes ("\\u202e", "\\0", "\\e")
    write though the page's text does not hold them, and as character references ('&#x202E;'), which the
    theme's templates decode."""
    found = [char for text in (value, html.unescape(value)) for _, char in characters.found_in(text, characters.HIDDEN)]
    for char in dict.fromkeys(found):
        yield Problem(path, line, characters.rule_for(char), characters.describe(char), characters.hint_for(char))
