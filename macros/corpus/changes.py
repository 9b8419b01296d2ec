"""The pull-request check: what a change does to the sources and the editors' notes, compared with the base branch.

    python -m macros.corpus.changes --base REF [--labels "LABEL, LABEL"] [--seeds seeds]

Sources are append-only. A changed or removed seed text, checksum line or catalogue entry of an
existing source (any key: its attribution, licence, republish, language, paragraphs or note) passes
only with the maintainers' label `source-correction`, a new source only with `new-source`: each label
is a person's review of the evidence, and the check lists what changed for them. No label allows a second
entry under an id. Both sides of the catalogue are read by the build's own loader. A translation's words of a
source (catalogue.ru.yml) added or changed pass only with `source-words` (words_changes.py). A note about the site
(the class `qq-editors-note`) is exempt from citations, and no check can tell what its words claim: one added
or changed on a page of docs/ (or of a translation's docs_dir) passes only with `editors-note` (pages/notes.py reads them as the build does).
Pure Python.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import yamlfile
from ..pages.converter import markdown_converter
from ..pages.notes import new_notes
from ..problems import Problem, clip
from ..editions import read_editions
from ..sitecheck import read_config
from .catalogue import CATALOGUE
from .checksums import CHECKSUMS, read_checksums
from .quote_translations import translations_to_read
from .shown import SHOWN, around, first_difference, one_line, typed
from .translation import is_words_file
from .trees import GitProblem, commit_of, files_at, files_now
from .verdict import report
from .words_changes import WORDS_ASK, words_changes

CORRECTION, NEW, WORDS, EDITORS_NOTE = "source-correction", "new-source", "source-words", "editors-note"
ATTRIBUTION = ("file", "short", "title", "publisher", "author", "date", "genre", "url")
SUMMARY = ("title", "author", "date")
ASK = {CORRECTION: "sources are append-only: restore it, or a maintainer reviews the evidence and adds the label "
                   f"'{CORRECTION}'",
       NEW: f"a maintainer reviews the new source and its evidence, then adds the label '{NEW}'",
       WORDS: WORDS_ASK,
       EDITORS_NOTE: "a note about the site (class qq-editors-note) is not cited, and no check can tell a claim about "
                     f"the events in its words: a maintainer reads it, then adds the label '{EDITORS_NOTE}'"}
ATTRIBUTION_RULE = "attribution of an existing source changed"
ENTRY_RULE = "catalogue entry of an existing source changed"


@dataclass(frozen=True, order=True)
class Change:
    """One change to the sources, and the label that allows it (None: no label does)."""

    path: str
    line: int
    rule: str
    found: str
    label: str | None = field(compare=False)
    hint: str = field(default="", compare=False)

    def problem(self, labels: set[str]) -> Problem:
        if self.label in labels:
            return Problem(self.path, self.line, self.rule, self.found, f"allowed by the label '{self.label}'")
        return Problem(self.path, self.line, self.rule, self.found, self.hint or ASK[self.label])


def compare(base: dict[str, bytes], head: dict[str, bytes], label: str = "seeds") -> list[Change]:
    """Every change from the base's seeds folder to the working tree's, both as {name: bytes}."""
    changes, named = _catalogue_changes(base.get(CATALOGUE), head.get(CATALOGUE), head, label)
    changes += _checksum_changes(base.get(CHECKSUMS), head.get(CHECKSUMS), label)
    changes += _text_changes(_texts(base), _texts(head), named, label)
    changes += [Change(*found, WORDS) for found in words_changes(base, head, label)]
    return sorted(changes)


def _texts(files: dict[str, bytes]) -> dict[str, bytes]:
    """The seed files: everything in the folder but the catalogue, the checksums and the translations' words of the
    sources (catalogue.ru.yml: compared word by word, words_changes.py)."""
    return {name: data for name, data in files.items()
            if name not in (CATALOGUE, CHECKSUMS) and not is_words_file(name)}


def _text_changes(base: dict[str, bytes], head: dict[str, bytes], summarised: set, label: str) -> Iterator[Change]:
    for name, data in sorted(base.items()):
        if name not in head:
            yield Change(f"{label}/{name}", 1, "seed text of an existing source removed", name, CORRECTION)
        elif head[name] != data:
            line, old, new = first_difference(data, head[name])
            yield Change(f"{label}/{name}", line, "seed text of an existing source changed",
                         f"{old} → {new}", CORRECTION)
    for name, data in sorted(head.items()):
        if name not in base and name not in summarised:
            yield Change(f"{label}/{name}", 1, "new seed file", f"{name}, {len(data):,} bytes, in no new "
                         "catalogue entry", NEW)


def _checksum_changes(base: bytes | None, head: bytes | None, label: str) -> Iterator[Change]:
    before, after = (read_checksums(data.decode("utf-8", "replace"), label)[0] if data else {} for data in (base, head))
    where = f"{label}/{CHECKSUMS}"
    for name, old in sorted(before.items()):
        if name not in after:
            yield Change(where, 1, "checksum line of an existing source removed", name, CORRECTION)
        elif after[name].digest != old.digest:
            yield Change(where, after[name].line, "checksum line of an existing source changed",
                         f"{name}: {old.digest[:12]}… → {after[name].digest[:12]}…", CORRECTION)


def _catalogue_changes(base: bytes | None, head: bytes | None, files: dict[str, bytes],
                       label: str) -> tuple[list[Change], set[str]]:
    """The changed, removed and new entries, and the seed files the new entries name."""
    where = f"{label}/{CATALOGUE}"
    before, changes = _entries(base, where, "at the base")
    after, found = _entries(head, where, "")
    changes += found
    existing = {entry["id"]: entry for entry in reversed(before) if isinstance(entry.get("id"), str)}  # first wins
    compared, named, seen = set(), set(), set()
    for entry in after:
        source_id = entry.get("id") if isinstance(entry.get("id"), str) else None
        if source_id is not None and source_id in seen:  # no label allows it: it would pass for the first
            changes.append(Change(where, entry.line, "a second catalogue entry with the id of another",
                                  repr(source_id), None, "each source has its own id: give the new source its own"))
        elif source_id in existing:
            compared.add(source_id)
            changes += _entry_changes(existing[source_id], entry, where)
        else:
            named.add(entry.get("file") if isinstance(entry.get("file"), str) else None)
            changes.append(Change(where, entry.line, "new source", _summary(entry, files), NEW))
        seen.add(source_id)
    for source_id, entry in existing.items():
        if source_id not in compared:
            changes.append(Change(where, 1, "existing source removed from the catalogue",
                                  f"'{source_id}' ({one_line(entry.get('file'))}), line {entry.line} at the base",
                                  CORRECTION))
    return changes, named


def _entries(data: bytes | None, where: str, side: str) -> tuple[list[yamlfile.LineDict], list[Change]]:
    """The catalogue's entries as the build's loader reads them (none if there is no catalogue)."""
    if data is None:
        return [], []
    try:
        entries = yamlfile.load(data.decode("utf-8", "replace"))
    except yamlfile.YamlProblem as error:
        return [], [Change(where, error.line, " ".join(("catalogue is not valid YAML", side)).strip(),
                           error.message, None, "the build reads it the same way: correct it")]
    if not isinstance(entries, list) or not all(isinstance(entry, yamlfile.LineDict) for entry in entries):
        return [], [Change(where, 1, " ".join(("catalogue is not a list of mappings", side)).strip(), "", None,
                           "one mapping per source, as the build reads it")]
    return entries, []


def _entry_changes(old: yamlfile.LineDict, new: yamlfile.LineDict, where: str) -> Iterator[Change]:
    """Each key of the entry, and each key of a field's mapping (value, basis, evidence, note), that is not
    as it was: every key the loader read, attribution or not (a licence, republish, a note)."""
    for name in _keys(old, new):
        rule = ATTRIBUTION_RULE if name in ATTRIBUTION else ENTRY_RULE
        before, after = old.get(name), new.get(name)
        if isinstance(before, yamlfile.LineDict) and isinstance(after, yamlfile.LineDict):
            for key in _keys(before, after):
                if typed(before.get(key)) != typed(after.get(key)):
                    old_shown, new_shown = around(before.get(key), after.get(key))
                    yield Change(where, after.line_of(key), rule,
                                 f"'{old['id']}' {_key(name)} {_key(key)}: {old_shown} → {new_shown}", CORRECTION)
        elif typed(before) != typed(after):
            old_shown, new_shown = around(before, after)
            yield Change(where, new.line_of(name), rule, f"'{old['id']}' {_key(name)}: {old_shown} → {new_shown}",
                         CORRECTION)


def _keys(old: dict, new: dict) -> list:
    """The keys of both sides, the new side's first, each once (the id is what matched the two)."""
    return [key for key in dict.fromkeys([*new, *old]) if key != "id"]


def _key(key) -> str:
    return key if isinstance(key, str) and len(key) <= SHOWN else one_line(key)


def _summary(entry: yamlfile.LineDict, files: dict[str, bytes]) -> str:
    """One line: id, file, title, author, date and size."""
    file = entry.get("file")
    size = f"{len(files[file]):,} bytes" if isinstance(file, str) and file in files else "no such file"
    fields = [f"{name} {one_line(_field_value(entry.get(name)))}" for name in SUMMARY]
    return f"{one_line(entry.get('id'))} {one_line(file)}: " + ", ".join([*fields, size])


def _field_value(raw):
    return raw.get("value") if isinstance(raw, yamlfile.LineDict) else raw


def note_changes(base: dict[str, bytes], head: dict[str, bytes], label: str, extensions: dict) -> list[Change]:
    """Every note about the site that the pages of docs/ (both as {name: bytes}) add or change, with its words."""
    md = markdown_converter(extensions)
    return [Change(path, note.line, "editors' note added or changed", note.shown, EDITORS_NOTE)
            for path, note in new_notes(base, head, label, md)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make check-pr", description=__doc__.split("\n\n")[1])
    parser.add_argument("--base", default="", help="the branch, tag or commit to compare with (BASE=)")
    parser.add_argument("--labels", default="", help="the pull request's labels, by commas or spaces (LABELS=)")
    parser.add_argument("--seeds", default="seeds", help="the seeds folder, inside the repository")
    arguments = parser.parse_args(argv)
    labels = {label.lower() for label in re.split(r"[\s,]+", arguments.labels) if label}
    try:
        config = read_config(Path.cwd())
        commit = commit_of(arguments.base, Path.cwd())
        base = files_at(commit, arguments.seeds, Path.cwd())
        # every edition's pages (macros/editions): a translation's notes are notes too
        folders = sorted({edition.docs_dir for edition in read_editions(Path.cwd())[0]} | {config["docs_dir"]})
        docs = {folder: files_at(commit, folder, Path.cwd()) for folder in folders}
    except GitProblem as problem:
        print(f"make check-pr: cannot read the base — {problem.found} — {problem.hint}", file=sys.stderr)
        return 2
    except yaml.YAMLError as error:
        print(f"make check-pr: cannot read mkdocs.yml — {clip(str(error), 200)} — correct it", file=sys.stderr)
        return 2
    changes, to_read = compare(base, files_now(Path(arguments.seeds)), arguments.seeds), []
    try:
        for folder in folders:
            changes += note_changes(docs[folder], files_now(Path(folder)), folder, config["markdown_extensions"])
            to_read += translations_to_read(docs[folder], files_now(Path(folder)), folder)
    except (ImportError, ValueError, TypeError) as error:  # what Python-Markdown raises for an extension
        print(f"make check-pr: cannot read the pages as MkDocs does — {clip(str(error), 200)} — correct "
              "markdown_extensions in mkdocs.yml", file=sys.stderr)
        return 2
    print(*to_read, sep="\n", end="\n" if to_read else "")  # for a second reader: listed, never refused
    return report(sorted(changes), labels, arguments.base, EDITORS_NOTE)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
