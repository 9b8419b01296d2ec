"""The plugin's side of the editions (macros/editions): which edition this build is, by its config's
theme.language, refused if the list of editions is wrong; the relaxed policy under `make serve`; and what the
check of the built site needs to know of the other editions, whose links it leaves to the check of the merged
site; and a translation's parity with the original, whose static pass its build runs too. The switcher's links are
the theme's (overrides/hooks/editions.py)."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..check import Checked, check_project
from ..editions import Edition, edition_of, read_editions
from ..editions.parity import edition_parity
from ..editions.switcher import LIVE_RELOAD, live_reload_policy
from ..problems import Problem, report
from ..sitecheck import SiteConfig


def this_edition(root: Path, config, command: str) -> tuple[Edition, list[Edition]]:
    """This build's edition and every edition; under `make serve`, the policy that lets live reload run."""
    editions, problems = read_editions(root)
    language = config.theme["language"]  # the engine's language (i26-engine) comes from the same setting
    edition = edition_of(editions, language)
    if not problems and edition is None:
        problems.append(Problem(Path(config.config_file_path or "mkdocs.yml").name, 0, "theme.language is not an edition",
                                f"'{language}'; mkdocs.yml's extra.editions lists "
                                + ", ".join(edition.lang for edition in editions),
                                "add it there (CONTRIBUTING: adding a language)"))
    if problems:
        raise PluginError("Refusing to build:\n" + report(problems, "in the editions"))
    if command == "serve" and os.environ.get(LIVE_RELOAD) == "1":
        config["extra"]["csp"] = live_reload_policy(config["extra"]["csp"])
    return edition, editions


def site_checks(config, docs_label: str, about_the_site, edition: Edition, editions: list[Edition],
                language: str) -> SiteConfig:
    """What the check of this edition's built site needs: it leaves the links into the others to the merged site's."""
    others = frozenset(other.folder for other in editions if other != edition and other.folder)
    return SiteConfig(config["site_url"], (config["extra"] or {}).get("csp", ""), docs_label, "site",
                      frozenset(about_the_site), edition.folder, others, language=language)


def parity_problems(root: Path, edition: Edition, editions: list[Edition], checked: Checked) -> list[Problem]:
    """A translation's pages against the original pages of their names (editions/parity.py); none for the
    original. The original's own problems are its build's to report."""
    if edition.original:
        return []
    original = editions[0]
    english = check_project(root, original.docs_dir, exempt=original.exempt, language=original.lang)
    return edition_parity(english, original.docs_dir, checked, edition.docs_dir, edition.lang)
