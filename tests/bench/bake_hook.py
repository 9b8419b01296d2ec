"""MkDocs hook for `make bench`: write each page's Markdown as the citation layer rendered it.

The bench builds a copy of the site once with this hook, into BENCH_BAKE_DOCS, to get
the same pages with their markers, references and generated pages as plain Markdown.
"""
import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-100)  # after the citation plugin has added its generated files
def on_files(files, config):
    """The generated files that are not pages (the share image) go with the baked pages."""
    for file in files:
        if file.generated_by and not file.is_documentation_page():
            target = Path(os.environ["BENCH_BAKE_DOCS"]) / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    return files


@event_priority(-90)  # after mkdocs-macros and the citation plugin's checks
def on_page_markdown(markdown, page, config, files):
    meta = dict(page.meta)
    head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" if meta else ""
    target = Path(os.environ["BENCH_BAKE_DOCS"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(head + markdown, encoding="utf-8")
    return markdown
