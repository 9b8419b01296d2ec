"""What a content folder may hold: no symbolic links, and only the kinds of file it is for."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..problems import Problem


def symlink_problems(folder: Path, label: str) -> Iterator[Problem]:
    """Every symbolic link in a folder, the folder itself included; links are reported, never followed."""
    hint = "commit the file itself, or remove the link"
    if folder.is_symlink():
        yield Problem(label, 1, f"symbolic links are not allowed in {label}/", f"{label} links to "
                      f"{os.readlink(folder)}", hint)
        return
    for base, dirs, files in os.walk(folder):  # never descends into a linked folder
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(base) / name
            if path.is_symlink():
                yield Problem(f"{label}/{path.relative_to(folder).as_posix()}", 1,
                              f"symbolic links are not allowed in {label}/", f"links to {os.readlink(path)}", hint)


def files_in(folder: Path) -> Iterator[Path]:
    """Every regular file under `folder`, in path order, without following links."""
    for base, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(files):
            path = Path(base) / name
            if not path.is_symlink():
                yield path


def read_text(path: Path, label: str, limit: int) -> tuple[str | None, list[Problem]]:
    """A file's UTF-8 text, as MkDocs reads a page (one leading BOM dropped, line ends made \\n)."""
    data = path.read_bytes()
    if len(data) > limit:
        return None, [Problem(label, 1, f"file is larger than {limit:,} bytes", f"{len(data):,} bytes",
                              "split it, or ask a maintainer to raise the limit")]
    text, problems = decode(data, label, "file is not UTF-8 text", "save it as UTF-8")
    return (None if text is None else as_read(text)), problems


def decode(data: bytes, label: str, rule: str, hint: str) -> tuple[str | None, list[Problem]]:
    """A file's bytes as UTF-8 text, or the problem naming the line and offset of the first bad byte."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(label, line, rule, f"byte 0x{data[error.start]:02x} at offset {error.start}", hint)]


def as_read(text: str) -> str:
    """Text as Python's text files read it, which MkDocs uses: one leading BOM gone, line ends made \\n."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
