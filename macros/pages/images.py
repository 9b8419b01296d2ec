"""An image of docs/ as a reader's browser will decode it: its width and height, read from its header by Pillow.

A PNG of a hundred kilobytes can hold 30,000 × 30,000 pixels, which a reader's browser would try to decode
(900 megapixels, gigabytes of memory; round 4, attack 64). Image.open reads the header only and never decodes
the pixels. An image Pillow cannot read is refused too: a browser could read it otherwise. Pure Python:
nothing here imports MkDocs.
"""
from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image

from ..problems import Problem

MOST_SIDE = 4_096  # pixels: wider than any screen shows an image of a page
MOST_PIXELS = 16_000_000  # 16 megapixels, about 64 MB once decoded
FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}  # Pillow's names
RULE = f"an image is at most {MOST_SIDE:,} pixels a side and {MOST_PIXELS // 1_000_000} megapixels"
HINT = "a reader's browser decodes every pixel, however small the file: scale it down"


def image_problem(label: str, path: Path) -> Problem | None:
    """Why the image at `path` may not be in docs/, from its header; None if it may (or is no image)."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=[kind]) as image:
                width, height = image.size
    except Image.DecompressionBombError:  # Pillow's own limit, far above ours: it gives no size
        return Problem(label, 1, RULE, f"more than {2 * Image.MAX_IMAGE_PIXELS:,} pixels", HINT)
    except Exception:  # noqa: BLE001 (a broken header raises what its reader meets: OSError, SyntaxError…)
        return Problem(label, 1, f"file is not a {path.suffix[1:].upper()} image", "Pillow cannot read its header",
                       "save it in the format its name says")
    if max(width, height) > MOST_SIDE or width * height > MOST_PIXELS:
        in_all = f", {width * height:,} in all" if width * height > MOST_PIXELS else ""
        return Problem(label, 1, RULE, f"{width:,} × {height:,} pixels{in_all}", HINT)
    return None
