"""How `make bench` times a command: wall-clock seconds of fresh processes, each run failing loudly if it fails.

Python's bytecode is kept in the bench's temp dir (run.py sets PYTHONPYCACHEPREFIX), even where
PYTHONDONTWRITEBYTECODE is set: else every build with the layer compiles the engine afresh, which the stripped
build never imports.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
COPY_IGNORE_NAMES = (".venv", "site", ".git", "__pycache__", ".pytest_cache", "dist", "node_modules")
COPY_IGNORE = shutil.ignore_patterns(*COPY_IGNORE_NAMES)
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_MKDOCS_2_WARNING"] = "1"


def timed(command: list[str], cwd: Path, runs: int) -> list[float]:
    """Wall-clock seconds of each of `runs` runs; fails loudly if a run fails."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode:
            sys.exit(f"bench: `{' '.join(command)}` failed in {cwd}:\n{result.stderr[-3000:]}")
    return times


def build_times(project: Path, runs: int) -> list[float]:
    return timed([MKDOCS, "build", "--strict", "-d", str(project / "site")], project, runs)


def check_times(project: Path, runs: int) -> list[float]:
    code = "import sys; from pathlib import Path; from macros.check import check_project; " \
           "sys.exit(1 if check_project(Path('.')).problems else 0)"
    return timed([PYTHON, "-c", code], project, runs)
