"""The files of seeds/ as a commit holds them, read through git itself, and as the working tree holds them.

Git runs as a subprocess (`git rev-parse`, `git ls-tree`, `git cat-file`): no library reads the
repository on its behalf. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from .files import files_in

REGULAR_FILES = ("100644", "100755")  # what ls-tree calls a file; links (120000) and submodules are not texts


class GitProblem(Exception):
    """Why the base could not be read, and what to do."""

    def __init__(self, found: str, hint: str):
        super().__init__(f"{found} — {hint}")
        self.found = found
        self.hint = hint


def commit_of(ref: str, repository: Path) -> str:
    """The commit a branch, tag or commit id names; raises GitProblem."""
    hint = "name a branch, tag or commit of this repository (fetch the base branch first: git fetch origin main)"
    if not ref.strip():
        raise GitProblem("no base given", "run it as: make check-pr BASE=main")
    if ref.startswith("-"):
        raise GitProblem(f"the base {ref!r} is not a commit", hint)
    return _git(["rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}"], repository,
                f"the base {ref!r} is not a commit", hint).decode("ascii").strip()


def files_at(commit: str, folder: str, repository: Path) -> dict[str, bytes]:
    """Every file under `folder` at `commit`, by its path inside the folder."""
    listing = _git(["ls-tree", "-r", "-z", commit, "--", f"{folder}/"], repository,
                   f"cannot list {folder}/ at {commit[:12]}", "check that the repository is complete")
    names, objects = [], []
    for record in filter(None, listing.split(b"\0")):
        header, path = record.split(b"\t", 1)
        mode, kind, object_id = header.decode("ascii").split()
        if mode in REGULAR_FILES and kind == "blob":
            names.append(path.decode("utf-8", "surrogateescape").removeprefix(f"{folder}/"))
            objects.append(object_id)
    return dict(zip(names, _blobs(objects, repository)))


def _blobs(objects: list[str], repository: Path) -> list[bytes]:
    """The contents of the blobs, in one `git cat-file --batch`: '<id> blob <size>\\n<bytes>\\n' each."""
    if not objects:
        return []
    output = _git(["cat-file", "--batch"], repository, "cannot read the base's files",
                  "check that the repository is complete", ("\n".join(objects) + "\n").encode("ascii"))
    contents, start = [], 0
    for _ in objects:
        end = output.index(b"\n", start)
        size = int(output[start:end].split()[2])
        contents.append(output[end + 1:end + 1 + size])
        start = end + 1 + size + 1
    return contents


def files_now(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` in the working tree, by its path inside the folder; links are
    not read (the build refuses them), and a linked folder holds nothing."""
    if folder.is_symlink() or not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files_in(folder)}


def _git(arguments: list[str], repository: Path, found: str, hint: str, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(["git", *arguments], cwd=repository, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitProblem("git is not installed", "install git, then run the check again") from None
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitProblem(found + (f" (git: {said[0]})" if said else ""), hint)
    return result.stdout
