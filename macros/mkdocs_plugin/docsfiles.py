"""Where the project and docs/ are, and what MkDocs lists from docs/, checked again as MkDocs reads it: each
file's kind, each image's size in pixels (pages/images.py), and each page's metadata."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.utils import meta as mkdocs_meta

from ..pages import docs_file_problem, meta_problems
from ..pages.images import image_problem
from ..problems import Problem


NO_DIRECTORY_URLS = ("mkdocs.yml: use_directory_urls: false is not supported — the citations' links, claims.json and "
                     "the site check are written for directory URLs (macros/siteurls.py) — remove the setting")


def project_folders(config_file_path: str, docs_dir: str) -> tuple[Path, str]:
    """The project's folder, absolute, and docs_dir relative to it, as the problems name it ('docs').
    MkDocs gives config_file_path as typed after -f ('mkdocs.yml', 'project/mkdocs.yml'; '' when it was given
    none) and docs_dir absolute; the folder is worked out as MkDocs works out docs_dir, from the working folder."""
    root = os.path.abspath(os.path.dirname(config_file_path))
    return Path(root), Path(os.path.relpath(docs_dir, root)).as_posix()


def docs_files_problems(files, docs: Path, docs_label: str = "docs") -> list[Problem]:
    problems = []
    for file in files:
        if file.abs_src_path and Path(file.abs_src_path).is_relative_to(docs):
            problems += _file_problems(file, docs_label)
    return problems


def _file_problems(file, docs_label: str) -> list[Problem]:
    label = f"{docs_label}/{file.src_uri}"
    problem = docs_file_problem(label, file.src_uri, Path(file.abs_src_path).read_bytes()[:16])
    if problem:
        return [problem]
    if not file.is_documentation_page():
        image = image_problem(label, Path(file.abs_src_path))
        return [image] if image else []
    _, data = mkdocs_meta.get_data(file.content_string)
    return list(meta_problems(label, data, {}))
