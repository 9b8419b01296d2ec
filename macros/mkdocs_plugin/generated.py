"""The files the engine adds to what MkDocs lists from docs/: the pages generated from the seeds and the checked
claims (render.generated_pages), each with "edit this page" pointing at its data, and the share image."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from ..check import Checked
from ..render import generated_pages
from ..render.share import share_image

EDIT_GENERATED = {"figures.md": "../macros/claims/figure_kinds.yml"}  # relative to edit_uri's docs/
EDIT_SOURCES = "../seeds/catalogue.yml"
SHARE_IMAGE = "assets/qq-share.png"


def add_generated(files, config, checked: Checked, language: str, docs_dir: str) -> set[str]:
    """Add the generated pages and the share image to MkDocs' files; the generated pages' src_uri. A file of
    docs/ in a generated page's place is refused."""
    generated = generated_pages(checked.plans, checked.about_the_events_first(), checked.titles(language),
                                checked.pages_about_the_site(), language)
    for src_uri, content in generated.items():
        if files.get_file_from_path(src_uri):
            raise PluginError(f"{docs_dir}/{src_uri}: this page is generated from the seeds; remove the file")
        file = File.generated(config, src_uri, content=content)
        file.edit_uri = EDIT_GENERATED.get(src_uri, EDIT_SOURCES)  # "edit this page": its data
        files.append(file)
    files.append(File.generated(config, SHARE_IMAGE, content=share_image(language)))
    return set(generated)
