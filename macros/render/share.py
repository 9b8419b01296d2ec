"""The picture a link to the site shows where it is shared, drawn at build time with no network:
Pillow's own bundled font, the site's colours, the words from interface.<language>.yml."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from .interface import say

SIZE = (1200, 630)  # what Open Graph and Twitter cards show best
BACKGROUND, TEXT, MUTED = (63, 81, 181), (255, 255, 255), (220, 225, 255)  # Material's indigo


def share_image(language: str) -> bytes:
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    title = ImageFont.load_default(size=64)
    draw.multiline_text((80, 190), _wrapped(say("share_title", language), draw, title, SIZE[0] - 160), font=title, fill=TEXT,
                        spacing=12)
    draw.text((80, 480), say("share_tagline", language), font=ImageFont.load_default(size=32), fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _wrapped(text: str, draw, font, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            candidate = word
        line = candidate
    return "\n".join(lines + [line])
