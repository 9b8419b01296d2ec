"""The picture a link to the site shows where it is shared, drawn at build time with no network: the words
from interface.<language>.yml in the site's colours, with the font committed beside this module.

DejaVu Sans (fonts/, with its licence) draws Latin and Cyrillic alike; Pillow's bundled default font draws
Cyrillic as empty boxes. The file is read from here, never looked up on the system, so that the image is
the same on every machine with the pinned Pillow (whose wheels bundle FreeType). It is read at build time
only: readers never download it."""
from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .interface import say

FONT = Path(__file__).parent / "fonts" / "DejaVuSans.ttf"
SIZE = (1200, 630)  # what Open Graph and Twitter cards show best
BACKGROUND, TEXT, MUTED = (63, 81, 181), (255, 255, 255), (220, 225, 255)  # Material's indigo


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size=size)


def share_image(language: str) -> bytes:
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    title = font(64)
    draw.multiline_text((80, 190), _wrapped(say("share_title", language), draw, title, SIZE[0] - 160), font=title,
                        fill=TEXT, spacing=12)
    tagline = font(32)  # wrapped too: another language's may be longer than the English
    draw.multiline_text((80, 480), _wrapped(say("share_tagline", language), draw, tagline, SIZE[0] - 160),
                        font=tagline, fill=MUTED, spacing=8)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _wrapped(text: str, draw, face: ImageFont.FreeTypeFont, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=face) > width:
            lines.append(line)
            candidate = word
        line = candidate
    return "\n".join(lines + [line])
