"""The Jinja environment of the engine's own templates (templates/): autoescaped, strict."""
from pathlib import Path

import jinja2

from .visible import visible_markup

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    keep_trailing_newline=True,
)
TEMPLATES.filters["visible"] = visible_markup  # seed text: format characters shown, never applied
