"""The thin MkDocs side: mkdocs-macros loads this package and calls define_env.

The static pass runs here, before any page is rendered; each macro then emits
the markup of a claim that pass has already verified. The citation core lives
in the sibling modules and imports nothing from MkDocs.
"""
from __future__ import annotations

from pathlib import Path

from .build import Checked, check_project
from .pages import check_rendered, nav_problems
from .problems import CheckFailed, Problem
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
    checked.problems = sorted(checked.problems + _config_problems(env))
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


def _config_problems(env) -> list:
    """The renderer must read pages as the static pass does: Jinja's default syntax, plain nav titles."""
    config_file = Path(env.conf.config_file_path or "mkdocs.yml")
    label = config_file.name
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    problems = nav_problems(env.conf["nav"], label, text)
    for key, value in sorted(env.config.items()):
        if key.startswith("j2_") and value:
            line = next((n for n, row in enumerate(text.split("\n"), 1) if key in row), 1)
            problems.append(Problem(label, line, "the macros plugin must keep Jinja's default syntax",
                                    f"{key} is set", "the citation check parses pages with the default syntax"))
    return problems


def on_pre_page_macros(env) -> None:
    """Just before rendering: the exact text and title about to be rendered pass the allow-list again,
    with the same calls the static pass verified."""
    from mkdocs.exceptions import PluginError

    page = env.page.file.src_uri
    _emitted[page] = 0
    if env.page.meta.get("render_macros") is False:
        return  # a generated page (refused in docs/): mkdocs-macros renders neither its text nor its title
    calls, problems = check_rendered(f"docs/{page}", env.markdown, env.page.title)
    verified = [(claim.macro, claim.call.args) for claim in current.claims.get(page, [])] if current else []
    if not problems and [(call.macro, call.args) for call in calls] != verified:
        problems.append(Problem(f"docs/{page}", 1, "the text about to be rendered is not the text the citation "
                                                   "check read", "its macro calls differ"))
    if problems:
        raise PluginError("Refusing to render:\n" + CheckFailed(problems).report())


def on_post_page_macros(env) -> None:
    page = env.page.file.src_uri
    claims = current.claims.get(page, []) if current else []
    if _emitted.get(page, 0) != len(claims):
        raise RuntimeError(f"docs/{page}: {len(claims)} citations checked but {_emitted.get(page, 0)} rendered")
    env.markdown += references(claims)
