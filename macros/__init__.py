"""The thin MkDocs side: mkdocs-macros loads this package and calls define_env.

The static pass runs here, before any page is rendered; each macro then emits
the markup of a claim that pass has already verified. The citation core lives
in the sibling modules and imports nothing from MkDocs.

A page may hold only text and literal macro calls, and the static pass has parsed
every one, so pages are not compiled by Jinja a second time: just before a page
would be rendered, each call is replaced by what its registered macro returns
(`render_by_default: false` keeps mkdocs-macros from rendering the result again).
"""
from __future__ import annotations

import gc
from pathlib import Path

from .build import Checked, check_project
from .pages import Call, TEMPLATE_MARKS, check_rendered, nav_problems, template_text
from .problems import CheckFailed, Problem
from .render import marker, references, render_page
from .signatures import MACROS, bind

current: Checked | None = None  # the last static pass, shared with macros/hooks.py
_emitted: dict[str, int] = {}  # page -> markers emitted so far


def define_env(env) -> None:
    from mkdocs.exceptions import PluginError

    global current
    root = Path(env.project_dir)
    docs = Path(env.conf["docs_dir"]).relative_to(root).as_posix()
    collecting = gc.isenabled()
    gc.disable()  # the static pass makes many objects and no garbage cycles: collecting would find nothing
    try:
        checked = check_project(root, docs_dir=docs)
    finally:
        if collecting:
            gc.enable()
    checked.problems = sorted(checked.problems + _config_problems(env))
    if checked.problems:
        raise PluginError("The citation check failed:\n" + CheckFailed(checked.problems).report())
    gc.freeze()  # its results live until the build ends (macros/hooks.py unfreezes): no collection need scan them
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
    """Pages are read as the static pass reads them, and rendered only by on_pre_page_macros:
    Jinja's default syntax, plain nav titles, and no rendering by mkdocs-macros itself."""
    config_file = Path(env.conf.config_file_path or "mkdocs.yml")
    label = config_file.name
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    problems = nav_problems(env.conf["nav"], label, text)

    def refuse(key: str, rule: str, found: str, hint: str) -> None:
        line = next((n for n, row in enumerate(text.split("\n"), 1) if key in row), 1)
        problems.append(Problem(label, line, rule, found, hint))

    for key, value in sorted(env.config.items()):
        if key.startswith("j2_") and value:
            refuse(key, "the macros plugin must keep Jinja's default syntax", f"{key} is set",
                   "the citation check parses pages with the default syntax")
    own_rendering = "the macros plugin must not render pages itself"
    why = "each call is rendered from the citation check's parse, and nothing else is rendered"
    if env.config.get("render_by_default") is not False:
        refuse("render_by_default", own_rendering, "render_by_default is not false", f"set it to false: {why}")
    if env.config.get("force_render_paths"):
        refuse("force_render_paths", own_rendering, "force_render_paths is set", f"remove it: {why}")
    return problems


def on_pre_page_macros(env) -> None:
    """Render the page: its text with each verified call replaced by its macro's output."""
    page = env.page.file.src_uri
    _emitted[page] = 0
    if env.page.meta.get("render_macros") is False:
        return  # a generated page (refused in docs/): its text is final
    pieces = _verified_pieces(env, page)
    env.markdown = render_page(pieces, lambda call: env.macros[call.macro](**call.args))
    if env.page.title and any(mark in str(env.page.title) for mark in TEMPLATE_MARKS):
        env.page.title = template_text(str(env.page.title))


def _verified_pieces(env, page: str) -> list[str | Call]:
    """The text about to be rendered as text and calls. Unless it is exactly the text the static pass
    read, it and the title pass the allow-list again and must hold the same calls."""
    from mkdocs.exceptions import PluginError

    parsed = current.pages.get(page) if current else None
    if parsed and env.markdown == parsed.body and "{" not in str(env.page.title or ""):
        return parsed.pieces
    pieces, problems = check_rendered(f"docs/{page}", env.markdown, env.page.title)
    calls = [(piece.macro, piece.args) for piece in pieces if isinstance(piece, Call)]
    verified = [(claim.macro, claim.call.args) for claim in current.claims.get(page, [])] if current else []
    if not problems and calls != verified:
        problems.append(Problem(f"docs/{page}", 1, "the text about to be rendered is not the text the citation "
                                                   "check read", "its macro calls differ"))
    if problems:
        raise PluginError("Refusing to render:\n" + CheckFailed(problems).report())
    return pieces


def on_post_page_macros(env) -> None:
    page = env.page.file.src_uri
    claims = current.claims.get(page, []) if current else []
    if _emitted.get(page, 0) != len(claims):
        raise RuntimeError(f"docs/{page}: {len(claims)} citations checked but {_emitted.get(page, 0)} rendered")
    env.markdown += references(claims)
