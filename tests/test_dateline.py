"""The home page's dateline, "Updated <date> · By the Qandy Qantar editors": dated by the last commit that
changed the edition's pages or the sources, no later than SOURCE_DATE_EPOCH, else by the variable, else left
out, so that a build stays reproducible."""
from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from macros.check import check_project
from macros.render.dateline import human_day, last_update
from tests.conftest import build, make_project

CITED = 'At least 238 people were killed.{{ cite("alpha", "At least 238 people were killed") }}\n'
HOME = "# Home\n\n" + CITED + '\n{{ visual("dateline") }}\n'
FOLDERS = ("docs", "seeds")
NOVEMBER_2023 = "1700000000"  # 2023-11-14 22:13:20 UTC


def _without_epoch() -> dict:
    return {name: value for name, value in os.environ.items() if name != "SOURCE_DATE_EPOCH"}


def _dateline(site: Path):
    return LexborHTMLParser((site / "index.html").read_text(encoding="utf-8")).css_first("article .qq-dateline")


def test_the_dateline_shows_source_date_epoch_and_is_left_out_without_it_and_without_git(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project", {"index.md": HOME})
    dated = build(project, "-d", str(tmp_path / "dated"), env={"SOURCE_DATE_EPOCH": NOVEMBER_2023})
    assert dated.returncode == 0, dated.stderr
    line = _dateline(tmp_path / "dated")
    assert line is not None
    assert " ".join(line.text().split()) == "Updated 14 November 2023 · By the Qandy Qantar editors"
    assert line.css_first("time").attributes["datetime"] == "2023-11-14"
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert subprocess.run(["git", "rev-parse", "--git-dir"], cwd=project, capture_output=True).returncode != 0
    undated = build(project, "-d", str(tmp_path / "undated"))
    assert undated.returncode == 0, undated.stderr
    assert _dateline(tmp_path / "undated") is None
    assert "Updated" not in (tmp_path / "undated" / "index.html").read_text(encoding="utf-8")


def _commit(repo: Path, path: str, when: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(when, encoding="utf-8")
    env = {**_without_epoch(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for command in (["add", path], ["commit", "-q", "-m", path]):
        subprocess.run(["git", *command], cwd=repo, env=env, check=True, capture_output=True)


def test_without_the_variable_the_date_is_the_last_commit_that_changed_docs_or_seeds(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    _commit(tmp_path, "seeds/a.txt", "2022-01-06T12:00:00+00:00")
    _commit(tmp_path, "docs/index.md", "2022-03-01T12:00:00+00:00")
    _commit(tmp_path, "README.md", "2024-05-05T12:00:00+00:00")  # not what the site says
    assert last_update(tmp_path, FOLDERS, {}) == (date(2022, 3, 1), [])
    assert last_update(tmp_path, FOLDERS, {"SOURCE_DATE_EPOCH": NOVEMBER_2023}) == (date(2022, 3, 1), [])
    # the variable is the latest day a build may show: a shallow clone's git, whose history starts later, defers to it
    assert last_update(tmp_path, FOLDERS, {"SOURCE_DATE_EPOCH": "1641427200"}) == (date(2022, 1, 6), [])


def test_each_edition_is_dated_by_its_own_pages_and_the_sources_under_the_deploys_variable(tmp_path):
    """The deploy sets the variable from every edition's folder; the Russian edition's dateline follows docs-ru/,
    the English one docs/, each no later than the variable."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    _commit(tmp_path, "seeds/a.txt", "2022-01-06T12:00:00+00:00")
    _commit(tmp_path, "docs/index.md", "2022-03-01T12:00:00+00:00")
    _commit(tmp_path, "docs-ru/index.md", "2022-04-02T12:00:00+00:00")
    deploy = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "docs", "docs-ru", "seeds"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout.strip()
    environ = {"SOURCE_DATE_EPOCH": deploy}
    assert last_update(tmp_path, ("docs-ru", "seeds"), environ) == (date(2022, 4, 2), [])
    assert last_update(tmp_path, FOLDERS, environ) == (date(2022, 3, 1), [])
    _commit(tmp_path, "seeds/b.txt", "2022-05-03T12:00:00+00:00")  # a source dates both editions
    environ = {"SOURCE_DATE_EPOCH": str(int(deploy) + 86400 * 40)}
    assert last_update(tmp_path, ("docs-ru", "seeds"), environ) == last_update(tmp_path, FOLDERS, environ) == (
        date(2022, 5, 3), [])
    assert last_update(tmp_path / "docs", ("nothing-here",), {}) == (None, [])  # git, but no such history


def test_dates_are_written_with_babels_en_gb_pattern():
    assert human_day(date(2022, 1, 6), "en") == "6 January 2022"


def test_a_source_date_epoch_that_is_not_a_time_fails_the_static_pass_with_its_message(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project", {"index.md": HOME})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert [str(problem) for problem in check_project(project).problems] == [
        "SOURCE_DATE_EPOCH: the build date is not a time — 'yesterday' — set SOURCE_DATE_EPOCH to whole seconds "
        "since 1970 (git log -1 --format=%ct)"]
