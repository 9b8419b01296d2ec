"""The only code that imports MkDocs: the `citations` plugin and mkdocs-macros' module hooks.

mkdocs-macros loads this module (`modules: [macros.mkdocs_plugin]` in mkdocs.yml) and
calls define_env, which runs the static pass and registers the citation macros; its
page hooks render each page from that pass's parse. The `citations` MkDocs plugin
(plugin.py) holds the build's state and does what mkdocs-macros has no event for.
"""
from __future__ import annotations

from .plugin import CitationsPlugin

__all__ = ["CitationsPlugin", "define_env", "on_post_page_macros", "on_pre_page_macros"]


def define_env(env) -> None:
    _plugin(env).start(env)


def on_pre_page_macros(env) -> None:
    _plugin(env).render_page(env)


def on_post_page_macros(env) -> None:
    _plugin(env).add_references(env)


def _plugin(env) -> CitationsPlugin:
    from mkdocs.exceptions import PluginError

    found = [plugin for plugin in env.conf["plugins"].values() if isinstance(plugin, CitationsPlugin)]
    if not found:
        raise PluginError("mkdocs.yml: the citation macros need the `citations` plugin: add `- citations` to plugins")
    return found[0]
