"""MkDocs hooks for what mkdocs-macros has no event for: generated pages, claims.json and the site checks."""
from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so `macros` imports as a package

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

import macros  # noqa: E402
from macros.builtsite import BuiltSite  # noqa: E402
from macros.claims import record  # noqa: E402
from macros.glossary import PEOPLE_PAGE, mark_first_mentions  # noqa: E402
from macros.render import figures_page, source_page, sources_index  # noqa: E402
from macros.sitecheck import check_built_site, report as site_report  # noqa: E402

EDIT_GENERATED = {"figures.md": "../macros/figure_kinds.yml"}  # relative to edit_uri's docs/; else the catalogue


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


def on_post_build(config):
    try:
        checked = macros.current
        site = Path(config["site_dir"])
        root = Path(config["config_file_path"]).parent
        docs = Path(config["docs_dir"])
        entries = [record(claim) for claim in checked.all_claims()]
        text = json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True)
        (site / "claims.json").write_text(text + "\n", encoding="utf-8")
        problems = check_built_site(BuiltSite.read(site), docs, entries, config["site_url"],
                                    docs.relative_to(root).as_posix())
        if problems:
            raise PluginError("The site check failed:\n" + site_report(problems))
    finally:
        gc.unfreeze()  # frozen after the static pass (macros/__init__.py); `mkdocs serve` builds again


def on_build_error(error):
    gc.unfreeze()
