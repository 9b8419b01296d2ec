"""The corpus: the source texts in seeds/, their catalogue and their checksums.

Data flows from here: corpus → pages → claims → render → sitecheck. Pure Python:
nothing in this package imports MkDocs.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from .catalogue import BASES, CATALOGUE, DESCRIBED_FIELDS, Described, Entry, field_problems, is_partial_date, \
    read_catalogue, UNSIGNED
from .characters import control_problems, format_problems
from .checksums import CHECKSUMS, Checksum, read_checksums
from .copies import SHINGLE, near_copies
from .files import decode, files_in, symlink_problems
from .matching import Explanations, Failure, Match, Meter, find_passage
from .text import Normalised, Paragraph, normalise, split_paragraphs
from .translation import is_words_file

__all__ = ["BASES", "CATALOGUE", "CHECKSUMS", "DESCRIBED_FIELDS", "Corpus", "Described",
           "Explanations", "Failure", "Match", "Meter", "Source", "is_partial_date", "load_corpus", "symlink_problems"]
MAX_SEED_BYTES = 500_000
MAX_SEEDS_BYTES = 5_000_000  # the whole folder: what one run reads, normalises and searches
MAX_SOURCES = 1_000  # entries of the catalogue: one page each on the site
MAX_PARAGRAPHS = 50_000  # in all the seeds: each costs steps of Python in every search of its source


@dataclass(eq=False)  # one object per source: compared by identity
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
    by_lines: bool = False  # each line of the text is a paragraph (catalogue `paragraphs: lines`)
    paragraphs: list[Paragraph] = field(init=False)
    normalised: list[Normalised] = field(init=False)

    def __post_init__(self):
        self.paragraphs = split_paragraphs(self.text, self.by_lines)
        self.normalised = [normalise(paragraph.text) for paragraph in self.paragraphs]

    def find(self, passage: str, explain: bool = True, meter: Meter | None = None) -> Match | Failure:
        return find_passage(self.paragraphs, self.normalised, passage, explain, meter)

    def find_or_explain(self, passage: str, explanations: Explanations,
                        meter: Meter | None = None) -> tuple[Match | Failure, bool]:
        """The passage, or why not; a passage not found is explained (its closest passage searched for)
        only while `explanations` last. True where it was explained."""
        found = self.find(passage, explain=False, meter=meter)
        explained = isinstance(found, Failure) and found.reason == "not-found" and explanations.take()
        return (self.find(passage, meter=meter) if explained else found), explained

    def value(self, name: str) -> str | None:
        return self.meta[name].value

    @property
    def named_author(self) -> str | None:
        """The author's name, or None where the text is unsigned or its author unknown."""
        author = self.value("author")
        return author if author and author != UNSIGNED else None

    @property
    def short(self) -> str:
        return self.short_label or self.named_author or self.value("publisher") or self.value("title") or self.id


@dataclass
class Corpus:
    sources: dict[str, Source]

    def get(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)


def load_corpus(seeds_dir: Path, label: str = "seeds") -> tuple[Corpus, list[Problem]]:
    """Load and check the seeds folder; `label` is how paths appear in messages."""
    problems = list(symlink_problems(seeds_dir, label))
    linked = {problem.path for problem in problems}
    if linked & {label, f"{label}/{CATALOGUE}", f"{label}/{CHECKSUMS}"}:
        return Corpus({}), problems  # read nothing through a link
    problems += _unexpected_files(seeds_dir, label)
    too_big = _over_size(seeds_dir, label)
    if too_big:  # checked before anything is read
        return Corpus({}), problems + [too_big]
    text, found = _read(seeds_dir / CHECKSUMS, f"{label}/{CHECKSUMS}")
    sums, more = read_checksums(text, label) if text is not None else ({}, [])
    problems += found + more
    text, found = _read(seeds_dir / CATALOGUE, f"{label}/{CATALOGUE}")
    entries, named, more = read_catalogue(text, f"{label}/{CATALOGUE}") if text is not None else ([], None, [])
    problems += found + more + list(format_problems(text or "", f"{label}/{CATALOGUE}"))
    if len(entries) > MAX_SOURCES:
        problems.append(Problem(f"{label}/{CATALOGUE}", entries[MAX_SOURCES].line, f"the catalogue has more than "
                                f"{MAX_SOURCES:,} entries", f"{len(entries):,} entries", "ask a maintainer to raise "
                                "the limit"))
        entries = []  # the run fails on this: no entry is checked, and no citation of a source is reported
    sources: dict[str, Source] = {}
    explanations = Explanations()
    paragraphs = 0
    for entry in _one_per_file(entries, label, problems):
        source, found = _source(seeds_dir, label, entry, sums, linked, explanations)
        problems += found
        if source and source.id in sources:
            problems.append(Problem(f"{label}/{CATALOGUE}", entry.line, "duplicate source id", repr(source.id)))
        elif source:
            sources[source.id] = source
            paragraphs += len(source.paragraphs)
        if paragraphs > MAX_PARAGRAPHS:  # the run fails on this: the later sources are not read
            problems.append(Problem(f"{label}/{entry.file}", 1, f"the seeds hold more than {MAX_PARAGRAPHS:,} "
                                    "paragraphs", f"{paragraphs:,} up to this file", "a paragraph is a block of "
                                    "lines between blank lines; ask a maintainer to raise the limit"))
            break
    problems += _unmatched(seeds_dir, label, named, sums)
    problems += _near_copies(list(sources.values()), label)
    return Corpus(sources), problems


def _one_per_file(entries: list[Entry], label: str, problems: list[Problem]) -> Iterator[Entry]:
    """The entries, less each later entry for a file that an earlier entry describes (reported)."""
    first: dict[str, Entry] = {}
    for entry in entries:
        earlier = first.setdefault(entry.file, entry)
        if earlier is entry:
            yield entry
        else:
            problems.append(Problem(f"{label}/{CATALOGUE}", entry.file_line, "a second catalogue entry for the "
                                    "same seed file", f"'{entry.id}' (line {entry.line}) and '{earlier.id}' "
                                    f"(line {earlier.line}) both describe {entry.file}",
                                    f"each seed file has one entry: remove this one, and cite '{earlier.id}'"))


def _near_copies(sources: list[Source], label: str) -> Iterator[Problem]:
    for later, earlier, share in near_copies(sources):
        yield Problem(f"{label}/{CATALOGUE}", later.catalogue_line, "source text is a near copy of another "
                      "source", f"{later.file} ('{later.id}') and {earlier.file} ('{earlier.id}', line "
                      f"{earlier.catalogue_line}) share {int(share * 100)}% of the shorter text's {SHINGLE}-word runs",
                      f"a source is added once: cite '{earlier.id}'; a correction to its text is a maintainer's "
                      f"change (label source-correction)")


def _over_size(seeds_dir: Path, label: str) -> Problem | None:
    """A problem at the file that takes the folder over MAX_SEEDS_BYTES, if one does."""
    files = [(path, path.stat().st_size) for path in files_in(seeds_dir)]
    size, total = 0, sum(size for _, size in files)
    for path, file_size in files:
        size += file_size
        if size > MAX_SEEDS_BYTES:
            return Problem(f"{label}/{path.relative_to(seeds_dir).as_posix()}", 1, f"the seeds hold more than "
                           f"{MAX_SEEDS_BYTES:,} bytes", f"{total:,} bytes", "ask a maintainer to raise the limit")
    return None


def _read(path: Path, where: str) -> tuple[str | None, list[Problem]]:
    if not path.is_file():
        return None, [Problem(where, 1, f"{path.name} is missing", "", "keep it next to the seed files")]
    return decode(path.read_bytes(), where, "file is not UTF-8 text", "save it as UTF-8")


def _unexpected_files(seeds_dir: Path, label: str) -> Iterator[Problem]:
    for path in files_in(seeds_dir):
        name = path.relative_to(seeds_dir).as_posix()
        if "/" in name or not (name.endswith(".txt") or name in (CATALOGUE, CHECKSUMS) or is_words_file(name)):
            yield Problem(f"{label}/{name}", 1, f"only seed texts (.txt), {CATALOGUE}, {CHECKSUMS} and the "
                          f"translations' catalogue.<language>.yml belong in {label}/", "",
                          "remove the file, or add the text as a source (CONTRIBUTING.md)")


def _source(seeds_dir, label, entry: Entry, sums, linked, explanations) -> tuple[Source | None, list[Problem]]:
    where = f"{label}/{CATALOGUE}"
    path = seeds_dir / entry.file
    if f"{label}/{entry.file}" in linked:
        return None, []  # reported as a link
    if not path.is_file():
        return None, [Problem(where, entry.file_line, "catalogue names a seed file that does not exist",
                              repr(entry.file))]
    data = path.read_bytes()
    problems = list(_digest_problems(label, entry.file, data, sums))
    if len(data) > MAX_SEED_BYTES:
        return None, problems + [Problem(f"{label}/{entry.file}", 1, f"seed file is larger than "
                                         f"{MAX_SEED_BYTES:,} bytes", f"{len(data):,} bytes",
                                         "cite a shorter text, or ask a maintainer to raise the limit")]
    text, undecoded = decode(data, f"{label}/{entry.file}", "seed file is not UTF-8 text",
                             "add the text as UTF-8, exactly as it was collected otherwise")
    if text is None:
        return None, problems + undecoded
    problems += control_problems(text, f"{label}/{entry.file}")
    source = Source(entry.id, entry.file, text, entry.meta, entry.licence, entry.republish, entry.url, entry.line,
                    entry.short, entry.by_lines)
    for name, described in entry.meta.items():
        missing = lambda passage: _missing(source, passage, explanations)  # noqa: E731
        for line, rule, found, hint in field_problems(described, name, entry.file, missing):
            problems.append(Problem(where, line, rule, found, hint))
    return source, problems


def _missing(source: Source, passage: str, explanations: Explanations) -> str | None:
    found, _ = source.find_or_explain(passage, explanations)
    return found.detail if isinstance(found, Failure) else None


def _digest_problems(label: str, name: str, data: bytes, sums: dict[str, Checksum]) -> Iterator[Problem]:
    if name not in sums:
        yield Problem(f"{label}/{CHECKSUMS}", 1, "seed file has no checksum", name,
                      f"a new source needs its SHA-256 in {CHECKSUMS}: cd {label} && sha256sum {name} >> {CHECKSUMS}")
        return
    expected = sums[name]
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected.digest:
        yield Problem(f"{label}/{CHECKSUMS}", expected.line, "seed file changed",
                      f"{name} has sha256 {actual[:12]}…, expected {expected.digest[:12]}…",
                      f"source texts are evidence and are never edited: restore the original bytes "
                      f"(git checkout -- {label}/{name})")


def _unmatched(seeds_dir: Path, label: str, named: set[str] | None, sums: dict[str, Checksum]) -> Iterator[Problem]:
    for path in sorted(seeds_dir.glob("*.txt")) if named is not None else []:
        if path.name not in named and not path.is_symlink():
            yield Problem(f"{label}/{path.name}", 1, "seed file has no catalogue entry",
                          f"add an entry for it to {label}/{CATALOGUE}")
    for name, checksum in sorted(sums.items()):
        if not (seeds_dir / name).is_file():
            yield Problem(f"{label}/{CHECKSUMS}", checksum.line, "listed seed file is missing", name)
