"""Shared helpers: tiny sites built for real, as mkdocs-macros' own tests do."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = Path(sys.executable).with_name("mkdocs")
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
LANGUAGE = CONFIG["theme"].get("language") or "en"  # the real site's edition, whose words the engine writes


def one_edition(config: str) -> str:
    """mkdocs.yml's text without its list of editions: a project of one edition, the original."""
    return re.sub(r"(?:^  #.*\n)*^  editions:\n(?:    .*\n)*", "", config, flags=re.M)


def make_project(where: Path, pages: dict[str, str], seeds: Path = FIXTURES / "mini" / "seeds") -> Path:
    """A copy of the project's config and theme with the given pages and seeds; the engine is the
    installed package (`make install` installs this project)."""
    shutil.copytree(seeds, where / "seeds")
    # the real configuration, less the nav and the other editions: a tiny site has none of the real pages
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^nav:\n(?:[ #].*\n|\n)*", "", config, flags=re.M)
    (where / "mkdocs.yml").write_text(one_edition(config), encoding="utf-8")
    shutil.copytree(ROOT / "overrides", where / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    for name, text in pages.items():
        path = where / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return where


def build(project: Path, *extra: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([str(MKDOCS), "build", "--strict", *extra], cwd=project, env=env,
                          capture_output=True, text=True, timeout=timeout)


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    """The path:line: messages a failed build printed."""
    return [line for line in result.stderr.splitlines() if line.startswith(("docs/", "docs-", "seeds/"))]


def parse(text: str, src: str = "p.md"):
    """(page, problems as text) of a page whose file holds `text`, read as the static pass reads it."""
    from macros.corpus.files import as_read
    from macros.pages import read_page

    page, problems = read_page(f"docs/{src}", src, as_read(text))
    return page, [str(problem) for problem in problems]


@pytest.fixture
def project(tmp_path):
    return lambda pages, **kw: make_project(tmp_path / "project", pages, **kw)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built once for the tests that only read it."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = build(ROOT, "-d", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def merged(tmp_path_factory) -> Path:
    """The real site as `make build` builds it: every edition built apart and merged (macros/editions), with
    `make serve`'s request for live reload in the environment, which a build never grants."""
    site = tmp_path_factory.mktemp("merged") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "QQ_LIVE_RELOAD": "1"}
    result = subprocess.run([sys.executable, "-m", "macros.editions", str(site)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture(scope="session")
def pages(built) -> dict:
    """Every page of the real site, parsed, by its URL as claims.json writes it: '' for the home page,
    'crackdown/', 'sources/cepa-2023-01/'."""
    from selectolax.lexbor import LexborHTMLParser

    from macros.siteurls import url_of
    found = {}
    for path in sorted(built.rglob("index.html")):
        found[url_of(path.relative_to(built).as_posix())] = LexborHTMLParser(path.read_text(encoding="utf-8"))
    return found
