"""One small broken sample per rule, compared with the exact list of messages.

In the style of python/peps' check-peps tests: each folder of tests/fixtures/broken/ holds the docs/ of a
tiny site (and, in seeds/, files laid over the mini seeds) that breaks rules the way a contributor would,
beside the messages it must give: `static.txt` where the static pass (`check_project`, what
`python -m macros.check` and pre-commit run) sees them, and `build.txt` where only the built site shows them.
Every sample with messages also runs through `mkdocs build --strict` (what CI runs), which must report the
same lines. `good/` breaks none. The folder format is in tests/fixtures/broken/README.md.
"""
import shutil

import pytest

from macros.check import check_project
from tests.conftest import FIXTURES, build, error_lines, make_project

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
    return project


def expected(name) -> list[str]:
    """The messages of the sample's static.txt or build.txt, one a line; `#` lines are comments."""
    [path] = [SAMPLES / name / kind for kind in KINDS if (SAMPLES / name / kind).is_file()]
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_every_sample_folder_has_pages_and_one_list_of_messages():
    for folder in (path for path in SAMPLES.iterdir() if path.is_dir()):
        assert (folder / "docs").is_dir(), folder.name
        lists = [kind for kind in KINDS if (folder / kind).is_file()]
        assert len(lists) == (folder.name != "good"), folder.name
        assert not lists or expected(folder.name), folder.name


def test_the_good_sample_passes_both_checks(tmp_path):
    project = sample("good", tmp_path / "project")
    assert check_project(project).problems == []
    result = build(project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", samples("static.txt"))
def test_the_static_pass_reports_exactly(name, tmp_path):
    project = sample(name, tmp_path / "project")
    assert [str(problem) for problem in check_project(project).problems] == expected(name)


@pytest.mark.parametrize("name", samples("static.txt") + samples("build.txt"))
def test_the_build_fails_with_exactly(name, tmp_path):
    project = sample(name, tmp_path / "project")
    result = build(project)
    assert result.returncode == 1
    assert error_lines(result) == expected(name)


@pytest.mark.parametrize("name", samples("build.txt"))
def test_samples_only_the_build_sees_pass_the_static_pass(name, tmp_path):
    """What only the built site shows: the static pass finds nothing, the build does."""
    project = sample(name, tmp_path / "project")
    assert check_project(project).problems == []
