"""seeds/catalogue.yml: one entry per source text, each field with how we know it.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import yamlfile
from ..problems import Problem, clip
from .stated import stated_problems

CATALOGUE = "catalogue.yml"
UNSIGNED = "unsigned"  # the author of a text that names none: it speaks for its publisher
SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*+")
SEED_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*\.txt")
PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def is_partial_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, naming a real month and day."""
    if not isinstance(value, str) or not PARTIAL_DATE.fullmatch(value):
        return False
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True
URL = re.compile(r"https?://[^\s<>\"']+")
DESCRIBED_FIELDS = ("title", "publisher", "author", "date", "genre", "language")
NAMED_BY = ("title", "genre")  # every page that lists a source shows these: they may be supplied, never unknown
BASES = {
    "stated": "the text says so",
    "inferred": "inferred from the text",
    "supplied": "supplied by the editors; the text has none",
    "unknown": "not known",
}
FIELD_KEYS = ("value", "basis", "evidence", "note")
REQUIRED_KEYS = ("id", "file", *DESCRIBED_FIELDS, "licence", "republish")
OPTIONAL_KEYS = ("short", "url", "note", "paragraphs")
PARAGRAPHS = {"blank lines": False, "lines": True}  # how the text separates paragraphs -> by single lines
TITLE_HINT = "it reaches page titles the theme inserts unescaped; use “ ” for quotes"


@dataclass(frozen=True)
class Described:
    """One metadata field, how we know it, and the lines it was written on."""

    value: str | None
    basis: str
    evidence: str | None = None
    note: str | None = None
    line: int = 1
    evidence_line: int = 1


@dataclass(frozen=True)
class Entry:
    """A catalogue entry whose fields all have the right shape."""

    id: str
    file: str
    meta: dict[str, Described]
    licence: str
    republish: bool
    url: str | None
    short: str | None
    by_lines: bool
    line: int
    file_line: int


def read_catalogue(text: str, where: str) -> tuple[list[Entry], set | None, list[Problem]]:
    """The well-formed entries of the catalogue, the file names every entry names (None if the
    catalogue cannot be read), and a problem for everything else."""
    try:
        data = yamlfile.load(text)
    except yamlfile.YamlProblem as error:
        return [], None, [Problem(where, error.line, "catalogue is not valid YAML", error.message)]
    if not isinstance(data, list) or not all(isinstance(entry, yamlfile.LineDict) for entry in data):
        return [], None, [Problem(where, 1, "catalogue must be a list of mappings, one per source")]
    entries, problems = [], []
    for raw in data:
        found = list(_entry_problems(raw, where))
        problems += found
        if not found:
            entries.append(_entry(raw))
    return entries, {raw.get("file") for raw in data if isinstance(raw.get("file"), str)}, problems


def _entry_problems(raw: yamlfile.LineDict, where: str) -> Iterator[Problem]:
    for key in REQUIRED_KEYS:
        if key not in raw:
            yield Problem(where, raw.line, "catalogue entry lacks a field", key)
    for key in raw:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            near = difflib.get_close_matches(str(key), REQUIRED_KEYS + OPTIONAL_KEYS, n=1)
            yield Problem(where, raw.line_of(key), "unknown catalogue field", repr(key),
                          f"did you mean '{near[0]}'?" if near else "known fields: " + ", ".join(REQUIRED_KEYS +
                                                                                              OPTIONAL_KEYS))
    for key, rule, check in _SHAPES:
        if key in raw and not check(raw[key]):
            yield Problem(where, raw.line_of(key), f"'{key}' must be {rule}", _shown(raw[key]))
    for name in DESCRIBED_FIELDS:
        if name in raw:
            yield from _field_shape(raw[name], name, raw.line_of(name), where)


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


_SHAPES = (
    ("id", "lower-case words joined by '-'", lambda v: isinstance(v, str) and SOURCE_ID.fullmatch(v)),
    ("file", "a file name in seeds/: lower-case letters, digits, '_', '-' or '.', ending in .txt",
     lambda v: isinstance(v, str) and SEED_NAME.fullmatch(v)),
    ("licence", "a sentence of text", _is_text),
    ("republish", "true or false", lambda v: isinstance(v, bool)),
    ("url", "the original http(s) address", lambda v: isinstance(v, str) and URL.fullmatch(v)),
    ("short", "a short name in plain text", lambda v: _is_text(v) and not any(c in v for c in '<>"')),
    ("note", "a sentence of text", _is_text),
    ("paragraphs", "'blank lines' or 'lines'", lambda v: v in PARAGRAPHS),
)


def _shown(value) -> str:
    return repr(value) if isinstance(value, (str, int, float, bool, type(None))) else f"a {type(value).__name__}"


def _field_shape(raw, name: str, line: int, where: str) -> Iterator[Problem]:
    if not isinstance(raw, yamlfile.LineDict):
        yield Problem(where, line, f"'{name}' must be a mapping with value and basis", _shown(raw),
                      'e.g. {value: …, basis: stated, evidence: "…"}')
        return
    for key in raw:
        if key not in FIELD_KEYS:
            yield Problem(where, raw.line_of(key), f"unknown key in '{name}'", repr(key),
                          "known keys: " + ", ".join(FIELD_KEYS))
    value = raw.get("value")
    if not (value is None or _is_text(value) or (name == "date" and isinstance(value, datetime.date))):
        yield Problem(where, raw.line_of("value"), f"'{name}' value must be text or null", _shown(value))
    elif isinstance(value, str) and any(char in value for char in '<>"'):
        yield Problem(where, line, f"'{name}' may not hold < > or \"", repr(value), TITLE_HINT)
    if raw.get("basis") not in BASES:
        yield Problem(where, raw.line_of("basis"), f"'{name}' has an unknown basis", _shown(raw.get("basis")),
                      "use one of: " + ", ".join(BASES))
    for key in ("evidence", "note"):
        if key in raw and not _is_text(raw[key]):
            yield Problem(where, raw.line_of(key), f"'{name}' {key} must be text", _shown(raw[key]))


def _entry(raw: yamlfile.LineDict) -> Entry:
    meta = {name: _described(raw[name], raw.line_of(name)) for name in DESCRIBED_FIELDS}
    return Entry(raw["id"], raw["file"], meta, raw["licence"], raw["republish"], raw.get("url"), raw.get("short"),
                 PARAGRAPHS[raw.get("paragraphs", "blank lines")], raw.line, raw.line_of("file"))


def _described(raw: yamlfile.LineDict, line: int) -> Described:
    value = raw.get("value")
    if isinstance(value, datetime.date):
        value = value.isoformat()
    return Described(value, raw["basis"], raw.get("evidence"), raw.get("note"), line, raw.line_of("evidence"))


def field_problems(described: Described, name: str, file: str, find) -> Iterator[tuple[int, str, str, str]]:
    """(line, rule, found, hint) for a field whose basis, evidence and note disagree; `find` looks a
    passage up in the source and returns a failure's detail, or None when it is there."""
    if described.basis in ("stated", "inferred"):
        if not described.evidence:
            yield described.line, f"'{name}' is {described.basis} but gives no evidence", "", \
                "quote the passage it rests on"
        else:
            detail = find(described.evidence)
            if detail is not None:
                yield described.evidence_line, f"evidence for '{name}' is not a passage of {file}", \
                    repr(clip(described.evidence, 90)), detail
            elif described.basis == "stated" and described.value is not None:
                yield from stated_problems(name, described.value, described.evidence, described.evidence_line)
    if described.basis in ("inferred", "supplied") and not described.note:
        yield described.line, f"'{name}' is {described.basis} but has no note", "", \
            "say how it was inferred or why it was supplied"
    if described.basis == "unknown" and name in NAMED_BY:
        yield described.line, f"'{name}' may not be unknown", "", \
            "the site shows it wherever it lists the source: supply one (basis: supplied, with a note)"
    if described.basis == "unknown" and described.value is not None:
        yield described.line, f"'{name}' is unknown but has a value", repr(described.value), "use value: null"
    if described.basis != "unknown" and described.value is None:
        yield described.line, f"'{name}' has no value", "", "give a value or use basis: unknown"
    if name == "date" and described.value is not None and not is_partial_date(described.value):
        yield described.line, "date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(described.value), ""
