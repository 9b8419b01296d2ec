"""The corpus: the seeds catalogue, the seed texts and their integrity.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import datetime
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import yamllines
from .matching import Failure, Match, find_passage
from .problems import Problem
from .text import Normalised, Paragraph, normalise, split_paragraphs

CATALOGUE = "catalogue.yml"
CHECKSUMS = "SHA256SUMS"
SOURCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DESCRIBED_FIELDS = ("title", "publisher", "author", "date", "genre", "language")
BASES = {
    "stated": "the text says so",
    "inferred": "inferred from the text",
    "supplied": "supplied by the editors; the text has none",
    "unknown": "not known",
}
REQUIRED_KEYS = ("id", "file", *DESCRIBED_FIELDS, "licence", "republish")
OPTIONAL_KEYS = ("short", "url", "note")


@dataclass(frozen=True)
class Described:
    """One metadata field and how we know it."""

    value: str | None
    basis: str
    evidence: str | None = None
    note: str | None = None


@dataclass
class Source:
    id: str
    file: str
    text: str
    meta: dict[str, Described]
    licence: str
    republish: bool
    url: str | None
    catalogue_line: int
    short_label: str | None = None  # how the site names the source in running text and tables
    paragraphs: list[Paragraph] = field(init=False)
    normalised: list[Normalised] = field(init=False)

    def __post_init__(self):
        self.paragraphs = split_paragraphs(self.text)
        self.normalised = [normalise(paragraph.text) for paragraph in self.paragraphs]

    def find(self, passage: str) -> Match | Failure:
        return find_passage(self.paragraphs, self.normalised, passage)

    def value(self, name: str) -> str | None:
        return self.meta[name].value

    @property
    def short(self) -> str:
        author = self.value("author")
        known_author = author if author and author != "unsigned" else None
        return self.short_label or known_author or self.value("publisher") or self.value("title") or self.id


@dataclass
class Corpus:
    root: Path  # the seeds folder
    sources: dict[str, Source]

    def get(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)


def load_corpus(seeds_dir: Path, label: str = "seeds") -> tuple[Corpus, list[Problem]]:
    """Load and check the seeds folder; `label` is how paths appear in messages."""
    problems: list[Problem] = symlink_problems(seeds_dir, label)
    if any(problem.path in (label, f"{label}/{CATALOGUE}", f"{label}/{CHECKSUMS}") for problem in problems):
        return Corpus(seeds_dir, {}), problems  # read nothing through a link
    sums = _read_checksums(seeds_dir, label, problems)
    entries = _read_catalogue(seeds_dir, label, problems)
    sources: dict[str, Source] = {}
    for entry in entries:
        source = _build_source(seeds_dir, label, entry, sums, problems)
        if source and source.id in sources:
            problems.append(Problem(f"{label}/{CATALOGUE}", entry.line, "duplicate source id", repr(source.id)))
        elif source:
            sources[source.id] = source
    catalogued = {entry.get("file") for entry in entries}
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.name not in catalogued:
            problems.append(Problem(f"{label}/{path.name}", 1, "seed file has no catalogue entry",
                                    f"add an entry for it to {label}/{CATALOGUE}"))
    for name, (_, line) in sorted(sums.items()):
        if not (seeds_dir / name).is_file():
            problems.append(Problem(f"{label}/{CHECKSUMS}", line, "listed seed file is missing", name))
    return Corpus(seeds_dir, sources), problems


def symlink_problems(folder: Path, label: str) -> list[Problem]:
    """Every symbolic link in a folder, the folder itself included; links are reported, never followed."""
    hint = "commit the file itself, or remove the link"
    if folder.is_symlink():
        return [Problem(label, 1, f"symbolic links are not allowed in {label}/",
                        f"{label} links to {os.readlink(folder)}", hint)]
    found = []
    for base, dirs, files in os.walk(folder):  # never descends into a linked folder
        for name in sorted(dirs + files):
            path = Path(base) / name
            if path.is_symlink():
                found.append(Problem(f"{label}/{path.relative_to(folder).as_posix()}", 1,
                                     f"symbolic links are not allowed in {label}/",
                                     f"links to {os.readlink(path)}", hint))
    return found


def _read_checksums(seeds_dir, label, problems) -> dict[str, tuple[str, int]]:
    path = seeds_dir / CHECKSUMS
    if not path.is_file():
        problems.append(Problem(f"{label}/{CHECKSUMS}", 1, "checksum file is missing",
                                "keep the SHA256SUMS that came with the seeds"))
        return {}
    sums = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            digest, _, name = line.partition("  ")
            sums[name.strip()] = (digest.strip(), number)
    return sums


def _read_catalogue(seeds_dir, label, problems) -> list[yamllines.LineDict]:
    path = seeds_dir / CATALOGUE
    where = f"{label}/{CATALOGUE}"
    if not path.is_file():
        problems.append(Problem(where, 1, "catalogue is missing", "one entry per seed file"))
        return []
    try:
        data = yamllines.load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else 1
        problems.append(Problem(where, line, "catalogue is not valid YAML", str(error).splitlines()[0]))
        return []
    if not isinstance(data, list) or not all(isinstance(e, yamllines.LineDict) for e in data):
        problems.append(Problem(where, 1, "catalogue must be a list of mappings, one per source"))
        return []
    return data


def _build_source(seeds_dir, label, entry, sums, problems) -> Source | None:
    where = f"{label}/{CATALOGUE}"
    before = len(problems)
    for key in REQUIRED_KEYS:
        if key not in entry:
            problems.append(Problem(where, entry.line, "catalogue entry lacks a field", key))
    for key in entry:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            problems.append(Problem(where, entry.line_of(key), "unknown catalogue field", repr(key),
                                    "known fields: " + ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS)))
    if len(problems) > before:
        return None
    source_id, file_name = str(entry["id"]), str(entry["file"])
    if not SOURCE_ID.match(source_id):
        problems.append(Problem(where, entry.line_of("id"), "source id must be lower-case words joined by '-'",
                                repr(source_id)))
    path = seeds_dir / file_name
    if path.is_symlink():
        return None  # reported by symlink_problems
    if "/" in file_name or not path.is_file():
        problems.append(Problem(where, entry.line_of("file"), "catalogue names a seed file that does not exist",
                                repr(file_name)))
        return None
    data = path.read_bytes()
    _check_digest(label, file_name, data, sums, problems)
    source = Source(
        id=source_id, file=file_name, text=data.decode("utf-8"), meta={},
        licence=str(entry["licence"]), republish=entry["republish"] is True,
        url=entry.get("url"), catalogue_line=entry.line, short_label=entry.get("short"),
    )
    for name in DESCRIBED_FIELDS:
        source.meta[name] = _described(source, where, entry, name, problems)
    return source


def _check_digest(label, file_name, data, sums, problems):
    if file_name not in sums:
        problems.append(Problem(f"{label}/{CHECKSUMS}", 1, "seed file has no checksum", file_name,
                                "a new source needs its SHA-256 in SHA256SUMS"))
        return
    expected, line = sums[file_name]
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        problems.append(Problem(
            f"{label}/{CHECKSUMS}", line, "seed file changed",
            f"{file_name} has sha256 {actual[:12]}…, expected {expected[:12]}…",
            "source texts are evidence and are never edited: restore the original bytes",
        ))


def _described(source, where, entry, name, problems) -> Described:
    raw = entry[name]
    line = entry.line_of(name)
    if not isinstance(raw, dict):
        problems.append(Problem(where, line, f"'{name}' must be a mapping with value and basis",
                                f"{raw!r}", "e.g. {value: …, basis: stated, evidence: \"…\"}"))
        return Described(None, "unknown")
    value = raw.get("value")
    if isinstance(value, datetime.date):
        value = value.isoformat()
    field_ = Described(None if value is None else str(value), str(raw.get("basis")),
                       raw.get("evidence"), raw.get("note"))
    for problem in _field_problems(source, name, field_):
        problems.append(Problem(where, line, problem[0], *problem[1:]))
    return field_


def _field_problems(source, name, field_):
    if field_.value is not None and any(char in field_.value for char in '<>"'):
        yield (f"'{name}' may not hold < > or \"", repr(field_.value),
               "it reaches page titles the theme inserts unescaped; use “ ” for quotes")
    if field_.basis not in BASES:
        yield (f"'{name}' has an unknown basis", repr(field_.basis), "use one of: " + ", ".join(BASES))
        return
    if field_.basis in ("stated", "inferred"):
        if not field_.evidence:
            yield (f"'{name}' is {field_.basis} but gives no evidence", "", "quote the passage it rests on")
        elif isinstance(source.find(field_.evidence), Failure):
            failure = source.find(field_.evidence)
            yield (f"evidence for '{name}' is not a passage of {source.file}", failure.detail)
    if field_.basis in ("inferred", "supplied") and not field_.note:
        yield (f"'{name}' is {field_.basis} but has no note", "", "say how it was inferred or why it was supplied")
    if field_.basis == "unknown" and field_.value is not None:
        yield (f"'{name}' is unknown but has a value", repr(field_.value), "use value: null")
    if field_.basis != "unknown" and field_.value is None:
        yield (f"'{name}' has no value", "", "give a value or use basis: unknown")
    if name == "date" and field_.value is not None and not PARTIAL_DATE.match(field_.value):
        yield ("date must be YYYY, YYYY-MM or YYYY-MM-DD", repr(field_.value))
