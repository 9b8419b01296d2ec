"""The home page's dateline: "Updated 6 January 2022 · By the Qandy Qantar editors".

The date is the day of the last change to what the edition says, never the day of the build, so
that two builds of one tree are byte-identical: the last commit that touched the edition's pages or
the sources (its docs_dir and seeds: a translation's own folder, docs-ru, dates the Russian edition),
no later than SOURCE_DATE_EPOCH where it is set (the deploy sets it from the same git command over every
edition's folder, with the full history fetched: the latest any edition may show). Without git, or in a
shallow clone whose history starts after the variable, the variable alone; without either, nothing, and
the dateline is left out. Dates are written with Babel's pattern of the edition's locale. Pure Python:
nothing here imports MkDocs.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, timezone
from pathlib import Path

from markupsafe import Markup, escape

from ..history import git_says
from ..problems import Problem
from .formats import date as written_date
from .interface import words

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def last_update(root: Path, folders: tuple[str, ...],
                environ: Mapping[str, str] = os.environ) -> tuple[date | None, list[Problem]]:
    """The day the dateline shows, or None where neither the variable nor git gives one; `folders` are
    the edition's pages and the sources (docs, seeds; docs-ru, seeds)."""
    epoch = environ.get(EPOCH_VARIABLE) or ""
    try:
        seconds = [int(stamp) for stamp in (epoch, last_commit_time(root, folders)) if stamp]
        return (datetime.fromtimestamp(min(seconds), timezone.utc).date() if seconds else None), []
    except (ValueError, OverflowError, OSError):
        return None, [Problem(EPOCH_VARIABLE, 0, "the build date is not a time", f"'{epoch[:40]}'",
                              "set SOURCE_DATE_EPOCH to whole seconds since 1970 (git log -1 --format=%ct)")]


def last_commit_time(root: Path, folders: tuple[str, ...]) -> str:
    """`git log -1 --format=%ct -- docs seeds` in the project, or '' where there is no git or no history."""
    return git_says(root, "log", "-1", "--format=%ct", "--", *folders).strip()


def human_day(day: date, language: str) -> str:
    """'6 January 2022', as the site writes every date (formats.py)."""
    return written_date(day.isoformat(), language)


def draw_dateline(day: date | None, language: str) -> str:
    """The dateline's HTML, or '' without a date."""
    if day is None:
        return ""
    said = words(language)
    when = Markup('<time datetime="{}">{}</time>').format(day.isoformat(), human_day(day, language))
    updated = escape(said["updated"]).format(date=when)
    return str(Markup('<p class="qq-dateline">{} · {}</p>').format(updated, said["byline"]))
