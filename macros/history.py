"""What git says of the project's history, for what can do without it: the dateline's day, the translated
blocks to review. Where there is no git, no repository or no such history, it says nothing. (The pull-request
check needs git, and says why it cannot run: corpus/trees.py.) Pure Python: nothing here imports MkDocs."""
from __future__ import annotations

import subprocess
from pathlib import Path

GIT_SECONDS = 30


def git_says(root: Path, *arguments: str) -> str:
    """Git's output in the project's folder, or "" where it gives none."""
    try:
        result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, timeout=GIT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return ""
    if result.returncode:
        return ""
    try:
        return result.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return ""
