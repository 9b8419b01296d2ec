"""Qandy Qantar's citation engine.

The sub-packages follow the data: corpus (texts, catalogue, matching) → pages
(the static pass over docs/) → claims → render (markup, templates, generated
pages) → sitecheck (the built site). `macros.mkdocs_plugin` is the only code that
imports MkDocs; `python -m macros.check` runs the static pass on its own.
"""
