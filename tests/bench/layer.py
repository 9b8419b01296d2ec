"""`make bench`, part 3, for information: the site with its citation layer and the same pages with the layer
stripped (each page's Markdown as the layer renders it, written out by bake_hook.py, built without the citation
plugin and mkdocs-macros). Alarm: a ratio of the medians above 2.0, far above its noise, is a regression.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from macros.editions import read_editions
from macros.render.dateline import EPOCH_VARIABLE, last_commit_time

from .timing import COPY_IGNORE, COPY_IGNORE_NAMES, ENV, MKDOCS

ALARM_RATIO = 2.0  # the citation layer's price over the stripped build that means a regression


def without_layer(config: str) -> str:
    """mkdocs.yml with neither the citation plugin nor mkdocs-macros."""
    config = re.sub(r"\n  - macros:\n(?:      .*\n)*", "\n", config)
    config = re.sub(r"\n  - citations:?\n(?:      .*\n)*", "\n", config)
    # the block quotes and references the engine wrote are its blocks, which the plugin registers
    blocks = "\n  - macros.render.blocks\n"
    return config.replace(blocks, f"{blocks}  - macros.render.blocks:EngineBlocks\n")


def baked_copy(project: Path, into: Path) -> Path:
    """The same pages, as the citation layer renders them, with the layer stripped."""
    renderer = shutil.copytree(project, into.with_name(into.name + "-renderer"), ignore=COPY_IGNORE)
    config = (renderer / "mkdocs.yml").read_text(encoding="utf-8")
    hook = Path(__file__).with_name("bake_hook.py")
    (renderer / "mkdocs.yml").write_text(config.replace("\nhooks:\n", f"\nhooks:\n  - {hook}\n"), encoding="utf-8")
    shutil.copytree(project, into, ignore=shutil.ignore_patterns(*COPY_IGNORE_NAMES, "*.md"))
    for edition in read_editions(project)[0][1:]:  # the translations' pages, whose counterparts the switcher links
        shutil.copytree(project / edition.docs_dir, into / edition.docs_dir, dirs_exist_ok=True)
    # The copy has no git history, so it is given the project's dateline day, as CI gives the deploy build.
    day = ENV.get(EPOCH_VARIABLE) or last_commit_time(project, ("docs", "seeds"))
    result = subprocess.run([MKDOCS, "build", "-d", str(renderer / "site")], cwd=renderer, capture_output=True,
                            text=True, env={**ENV, "BENCH_BAKE_DOCS": str(into / "docs"),
                                            **({EPOCH_VARIABLE: day} if day else {})})
    if result.returncode:
        sys.exit(f"bench: rendering the pages failed:\n{result.stderr[-3000:]}")
    (into / "mkdocs.yml").write_text(without_layer(config), encoding="utf-8")
    shutil.rmtree(renderer)
    return into
