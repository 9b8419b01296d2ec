"""MkDocs hook: each page's language switcher (partials/alternate.html), whose links lead to the page's counterpart
in each other edition, else to that edition's home page (macros/editions/switcher.py). A hook of the theme's, not
the citation plugin's: `make bench` builds the same pages without the citation layer, switcher included."""
from __future__ import annotations

import os
from pathlib import Path

from macros.editions.switcher import Switcher

_build = {}  # this build's Switcher: on_config runs again for each build, `mkdocs serve`'s rebuilds too


def on_config(config):
    root = Path(os.path.abspath(os.path.dirname(config.config_file_path or "mkdocs.yml")))  # as MkDocs finds docs_dir
    _build["switcher"] = Switcher(root, config.theme["language"])
    return config


def on_page_context(context, page, config, nav):
    page.qq_alternates = _build["switcher"].links(page.file.src_uri, page.url)
    return context
