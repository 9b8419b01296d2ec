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
    # One edition of a site of several (macros/editions), built alone: its folder in the site ('' or 'ru') and
    # the others' folders. Its links into the others are checked once the editions are merged.
    folder: str = ""
    others: frozenset[str] = frozenset()
    # The merged site: the translations built into it, under their folders, as Translation each
    translations: tuple = ()


@dataclass(frozen=True)
class Translation:
    """An edition in another language inside the checked site: built under its folder, from its docs_dir."""

    folder: str  # 'ru'
    docs: Path
    docs_label: str  # 'docs-ru'
    about_the_site: frozenset[str] = frozenset()


def check_built_site(site: BuiltSite, docs: Path | None, entries: list[dict], config: SiteConfig,
                     links: Mapping[str, list[tuple[int, str]]] | None = None) -> list[Problem]:
    """Every problem of the built site, sorted. `links`: each page's links as the static pass rendered them, by
    its label (docs/crackdown.md, docs-ru/index.md: ParsedPage.links), to name a broken one at its line."""
    sources = MarkdownSources(docs, config.docs_label,
                              tuple((edition.folder, edition.docs, edition.docs_label) for edition in config.translations))
    problems = check_site(site, links, sources, site_base(config.site_url), config.site_label,
                          (config.folder, config.others))
    problems += check_proof_marks(site, entries, sources, config.language, config.site_label)
    folders = {edition.folder for edition in config.translations}
    problems += check_figures(site, [entry for entry in entries if not _under(entry["page"], folders)],
                              config.site_label, {page_url(page) for page in config.about_the_site})
    for edition in config.translations:
        problems += check_figures(site, [entry for entry in entries if _under(entry["page"], {edition.folder})],
                                  config.site_label, {page_url(page, edition.folder) for page in edition.about_the_site},
                                  edition.folder)
    problems += check_active_content(site, config.site_url, config.policy, sources, config.site_label)
    return sorted(set(problems))


def _under(page: str, folders: set[str]) -> bool:
    return any(page.startswith(folder + "/") for folder in folders)


def read_config(root: Path, name: str = "mkdocs.yml") -> dict:
    """The few settings of mkdocs.yml (or of another config of the project) the command-line checks need,
    without importing MkDocs."""
    data = read_yaml(root / name)
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    citations = _plugin_options(data.get("plugins"), "citations")
    exempt, budget = citations.get("exempt"), citations.get("render_budget")
    return {"site_url": data.get("site_url"), "docs_dir": data.get("docs_dir") or "docs",
            "site_dir": data.get("site_dir") or "site", "csp": extra.get("csp") or "",
            "exempt": [page for page in exempt if isinstance(page, str)] if isinstance(exempt, list) else [],
            "markdown_extensions": _plugin_options(data.get("markdown_extensions"), None),
            "render_budget": budget if isinstance(budget, (int, float)) and not isinstance(budget, bool) else 20,
            "language": theme.get("language") if isinstance(theme.get("language"), str) else "en",  # Material's
            "editions": extra.get("editions")}


def read_yaml(path: Path, inheriting: frozenset = frozenset()) -> dict:
    """A config file as MkDocs reads it, with the file it INHERITs merged under it (mappings merged key by
    key, anything else replaced, as MkDocs merges them); {} for a file that is missing or not a mapping, or
    that a file it INHERITs from INHERITs (a loop)."""
    if path.resolve() in inheriting:
        return {}

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python/… and !ENV tags
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) if path.is_file() else None
    data = data if isinstance(data, dict) else {}
    parent = data.pop("INHERIT", None)
    if not (isinstance(parent, str) and parent):
        return data
    return _merged(read_yaml(path.parent / parent, inheriting | {path.resolve()}), data)


def _merged(parent: dict, child: dict) -> dict:
    merged = dict(parent)
    for key, value in child.items():
        both = isinstance(value, dict) and isinstance(parent.get(key), dict)
        merged[key] = _merged(parent[key], value) if both else value
    return merged


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
