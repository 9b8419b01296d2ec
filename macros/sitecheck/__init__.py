"""Checks of the built site: links and anchors, the proof marks (quotes, figures, markers and
references) against claims.json, the figures page, active content, and (css.py) stylesheets.

The build runs check_built_site after MkDocs has written site/ (macros.mkdocs_plugin).
The stylesheets are code, not content: docs/ may hold no CSS, so only a change that a
maintainer reviews can alter them, and `make test` checks them (test_site.py), as does
`python -m macros.sitecheck [PROJECT_DIR]` on the last build (part of `make check`).
Pure Python: nothing in this package imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..problems import Problem
from ..siteurls import page_url
from .active import check_active_content
from .builtsite import BuiltSite
from .figures_page import check_figures
from .links import check_site
from .proof import check_proof_marks
from .targets import site_base
from .sources import MarkdownSources


@dataclass(frozen=True)
class SiteConfig:
    """What the checks need to know of mkdocs.yml."""

    site_url: str | None
    policy: str  # the Content-Security-Policy every page must carry (extra.csp)
    docs_label: str = "docs"
    site_label: str = "site"
    about_the_site: frozenset[str] = frozenset()  # the pages about the site, in docs/ ('method.md'): `exempt`
    language: str = field(kw_only=True)  # the edition's (theme.language), in which the engine wrote its words


def check_built_site(site: BuiltSite, docs: Path | None, entries: list[dict], config: SiteConfig,
                     links: Mapping[str, list[tuple[int, str]]] | None = None) -> list[Problem]:
    """Every problem of the built site, sorted. `links`: each page's links as the static pass rendered them, by
    its path inside docs/ (ParsedPage.links), to name a broken one at its Markdown line."""
    sources = MarkdownSources(docs, config.docs_label)
    problems = check_site(site, links, site_base(config.site_url), config.docs_label, config.site_label)
    problems += check_proof_marks(site, entries, sources, config.language, config.site_label)
    problems += check_figures(site, entries, config.site_label, {page_url(page) for page in config.about_the_site})
    problems += check_active_content(site, config.site_url, config.policy, sources, config.site_label)
    return sorted(set(problems))


def read_config(root: Path) -> dict:
    """The few mkdocs.yml settings the command-line checks need, without importing MkDocs."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python/… and !ENV tags
    path = root / "mkdocs.yml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) if path.is_file() else None
    data = data if isinstance(data, dict) else {}
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    citations = _plugin_options(data.get("plugins"), "citations")
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    exempt, budget = citations.get("exempt"), citations.get("render_budget")
    return {"site_url": data.get("site_url"), "docs_dir": data.get("docs_dir") or "docs",
            "site_dir": data.get("site_dir") or "site", "csp": extra.get("csp") or "",
            "exempt": [page for page in exempt if isinstance(page, str)] if isinstance(exempt, list) else [],
            "markdown_extensions": _plugin_options(data.get("markdown_extensions"), None),
            "render_budget": budget if isinstance(budget, (int, float)) and not isinstance(budget, bool) else 20,
            "language": theme.get("language") if isinstance(theme.get("language"), str) else "en"}  # Material's default


def _plugin_options(plugins, name: str | None) -> dict:
    """One plugin's options in `plugins:`, which lists names and {name: options}, or maps names to options;
    with no name, every one's, by name (the `markdown_extensions:` are written the same way)."""
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    else:
        entries = [next(iter(item.items())) if isinstance(item, dict) and item else (item, None)
                   for item in plugins or []] if isinstance(plugins, list) else []
    if name is None:
        return {key: options if isinstance(options, dict) else {} for key, options in entries if isinstance(key, str)}
    options = next((options for key, options in entries if key == name), None)
    return options if isinstance(options, dict) else {}
