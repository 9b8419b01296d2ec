"""One small broken sample per rule, compared with the exact list of messages.

In the style of python/peps' check-peps tests: each folder of tests/fixtures/broken/ holds the docs/ of a
tiny site (and, in seeds/, files laid over the mini seeds) that breaks rules the way a contributor would,
beside the messages it must give: `static.txt` what the static pass (`check_project`, what
`python -m macros.check` and pre-commit run) reports, and `build.txt` what only the built site shows.
Every sample with messages also runs through `mkdocs build --strict` (what CI runs), which must report the
lines of both. `good/` breaks none. A sample with a `docs-ru/` is a site of two editions: the static pass checks
both, and each edition is built. The folder format is in tests/fixtures/broken/README.md.
"""
import re
import shutil

import pytest

from macros.check import check_editions, check_project
from tests.conftest import CONFIG, FIXTURES, ROOT, build, error_lines, make_project

SAMPLES = FIXTURES / "broken"
KINDS = ("static.txt", "build.txt")


def samples(kind: str) -> list[str]:
    return sorted(path.parent.name for path in SAMPLES.glob(f"*/{kind}"))


def sample(name, where):
    folder = SAMPLES / name
    docs = folder / "docs"
    pages = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}
    project = make_project(where, pages)
    if (folder / "seeds").is_dir():
        shutil.copytree(folder / "seeds", project / "seeds", dirs_exist_ok=True)
    if (folder / TRANSLATION).is_dir():
        add_translation(project, folder)
    return project


TRANSLATION = "docs-ru"


def add_translation(project, folder) -> None:
    """The Russian edition of the sample: its docs-ru/, the real mkdocs.ru.yml less its nav, and the real list of
    editions in mkdocs.yml (make_project leaves both out)."""
    shutil.copytree(folder / TRANSLATION, project / TRANSLATION)
    config = (ROOT / "mkdocs.ru.yml").read_text(encoding="utf-8")
    (project / "mkdocs.ru.yml").write_text(re.sub(r"^nav:\n(?:[ #].*\n|\n)*", "", config, flags=re.M),
                                           encoding="utf-8")
    listed = "".join(f"    - {{lang: {edition['lang']}, name: {edition['name']}}}\n"
                     for edition in CONFIG["extra"]["editions"])
    original = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(original.replace("\nextra:\n", f"\nextra:\n  editions:\n{listed}", 1),
                                        encoding="utf-8")


def configs(project) -> list[str]:
    """Each edition's config: the build of each checks its own pages (a translation's, against the original's)."""
    return ["mkdocs.yml"] + (["mkdocs.ru.yml"] if (project / TRANSLATION).is_dir() else [])


def expected(name: str, kind: str) -> list[str]:
    """The messages of the sample's static.txt or build.txt, one a line; `#` lines are comments."""
    path = SAMPLES / name / kind
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_every_sample_folder_has_pages_and_messages():
    for folder in (path for path in SAMPLES.iterdir() if path.is_dir()):
        assert (folder / "docs").is_dir(), folder.name
        lists = [kind for kind in KINDS if (folder / kind).is_file()]
        assert bool(lists) == (folder.name != "good"), folder.name
        assert all(expected(folder.name, kind) for kind in lists), folder.name


def test_the_good_sample_passes_both_checks(tmp_path):
    project = sample("good", tmp_path / "project")
    assert check_project(project).problems == []
    result = build(project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", sorted(set(samples("static.txt") + samples("build.txt"))))
def test_the_static_pass_reports_exactly(name, tmp_path):
    """A sample without static.txt shows what only the built site shows: the static pass finds nothing."""
    project = sample(name, tmp_path / "project")
    assert [str(problem) for problem in sorted(set(check_editions(project)[1]))] == expected(name, "static.txt")


@pytest.mark.parametrize("name", sorted(set(samples("static.txt") + samples("build.txt"))))
def test_the_build_fails_with_exactly(name, tmp_path):
    """The build reports the static pass's messages with the built site's, all in one sorted list."""
    project = sample(name, tmp_path / "project")
    results = [build(project, "-f", config) for config in configs(project)]
    assert any(result.returncode == 1 for result in results)
    assert sorted(line for result in results for line in error_lines(result)) == \
        sorted(expected(name, "static.txt") + expected(name, "build.txt"))
