"""MkDocs hooks for what mkdocs-macros has no event for: generated pages, claims.json and the site checks."""
from __future__ import annotations

import gc
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so `macros` imports as a package

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

import macros  # noqa: E402
from macros import background  # noqa: E402
from macros.background import Pending  # noqa: E402
from macros.builtsite import BuiltSite  # noqa: E402
from macros.claims import record  # noqa: E402
from macros.glossary import PEOPLE_PAGE, mark_first_mentions  # noqa: E402
from macros.render import figures_page, source_page, sources_index  # noqa: E402

EDIT_GENERATED = {"figures.md": "../macros/figure_kinds.yml"}  # relative to edit_uri's docs/; else the catalogue
log = logging.getLogger("mkdocs.hooks.citations")


def on_files(files, config):
    checked = macros.current
    generated = {"sources/index.md": sources_index(checked.plans), "figures.md": figures_page(checked.all_claims(), checked.titles)}
    for plan in checked.plans.values():
        generated[f"sources/{plan.source.id}.md"] = source_page(plan, checked.titles)
    for src_uri, content in generated.items():
        if files.get_file_from_path(src_uri):
            raise PluginError(f"docs/{src_uri}: this page is generated from the seeds; remove the file")
        file = File.generated(config, src_uri, content=content)
        file.edit_uri = EDIT_GENERATED.get(src_uri, "../seeds/catalogue.yml")  # "edit this page": its data
        files.append(file)
    return files


def on_page_content(html, page, config, files):
    """Names of people and organisations show their description from the people page."""
    if page.file.src_uri == PEOPLE_PAGE:
        return html
    return mark_first_mentions(html, macros.current.glossary)


# The built site is checked in two steps around the CSS purge (listed after this file in mkdocs.yml,
# so its on_post_build runs after _start_checks, and after the search plugin's): read first, before
# the purge rewrites site/, then checked meanwhile in a child process (macros/background.py); the
# result is awaited last, and a problem fails the build.
_checks: Pending | None = None


def _start_checks(config):
    global _checks
    if _checks is not None:  # left over from a build that was interrupted
        _checks.cancel()
    site = Path(config["site_dir"])
    root = Path(config["config_file_path"]).parent
    docs = Path(config["docs_dir"])
    built = BuiltSite.read(site)
    built = replace(built, files=built.files | {"claims.json"})  # written by the check itself
    _checks = background.start(_write_claims_and_check, macros.current, site, built, docs,
                               docs.relative_to(root).as_posix(), config["site_url"])


@event_priority(-100)
def _finish_checks(config):
    global _checks
    try:
        pending, _checks = _checks, None
        problems = pending.result()
        log.debug("The built site was checked %s",
                  "in a child process" if pending.answered_by_child else "in this process")
        if problems:
            from macros.sitecheck import report
            raise PluginError("The site check failed:\n" + report(problems))
    finally:
        gc.unfreeze()  # frozen after the static pass (macros/__init__.py); `mkdocs serve` builds again


on_post_build = CombinedEvent(_start_checks, _finish_checks)


def on_build_error(error):
    global _checks
    if _checks is not None:
        _checks.cancel()  # the build has failed for another reason: no process outlives it
        _checks = None
    gc.unfreeze()


def _write_claims_and_check(checked, site: Path, built: BuiltSite, docs: Path, docs_label: str,
                            site_url: str | None) -> list:
    """Write site/claims.json, then check the built site against it: links, anchors, figures, markers."""
    from macros.sitecheck import check_built_site  # imported where the check runs, usually the child process
    entries = [record(claim) for claim in checked.all_claims()]
    text = json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True)
    (site / "claims.json").write_text(text + "\n", encoding="utf-8")
    return check_built_site(built, docs, entries, site_url, docs_label)
