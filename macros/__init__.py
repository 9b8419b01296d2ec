"""The thin MkDocs side: mkdocs-macros loads this package and calls define_env.

The static pass runs here, before any page is rendered; each macro then emits
the markup of a claim that pass has already verified. The citation core lives
in the sibling modules and imports nothing from MkDocs.
"""
from __future__ import annotations

from pathlib import Path

from .build import Checked, check_project
from .glossary import abbreviations
from .problems import CheckFailed
from .render import marker, references
from .signatures import MACROS, bind

current: Checked | None = None  # the last static pass, shared with macros/hooks.py
_emitted: dict[str, int] = {}  # page -> markers emitted so far


def define_env(env) -> None:
    from mkdocs.exceptions import PluginError

    global current
    root = Path(env.project_dir)
    docs = Path(env.conf["docs_dir"]).relative_to(root).as_posix()
    checked = check_project(root, docs_dir=docs)
    if checked.problems:
        raise PluginError("The citation check failed:\n" + CheckFailed(checked.problems).report())
    current = checked
    _emitted.clear()
    for name in MACROS:
        env.macro(_macro(env, name), name)


def _macro(env, name):
    def emit(*args, **kwargs) -> str:
        page = env.page.file.src_uri
        claims = current.claims.get(page, [])
        index = _emitted.get(page, 0)
        bound, _ = bind(name, list(args), kwargs)
        if index >= len(claims) or claims[index].macro != name or claims[index].call.args != bound:
            raise RuntimeError(f"docs/{page}: {name}() call #{index + 1} was not seen by the static pass")
        _emitted[page] = index + 1
        return marker(claims[index])

    emit.__name__ = name
    emit.__doc__ = MACROS[name].summary
    return emit


def on_pre_page_macros(env) -> None:
    _emitted[env.page.file.src_uri] = 0


def on_post_page_macros(env) -> None:
    page = env.page.file.src_uri
    claims = current.claims.get(page, []) if current else []
    if _emitted.get(page, 0) != len(claims):
        raise RuntimeError(f"docs/{page}: {len(claims)} citations checked but {_emitted.get(page, 0)} rendered")
    env.markdown += references(claims) + abbreviations(current.glossary)
