"""URLs read from an attribute as a browser reads them."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

SPACE_AT_ENDS = "".join(map(chr, range(0x21)))
TABS_AND_LINE_BREAKS = re.compile(r"[\t\n\r]")


def browser_url(value: str) -> str:
    """An attribute's value (entities already decoded by the HTML parser) as a browser reads it as a URL:
    C0 controls and spaces at the ends dropped, tabs and line breaks inside dropped, backslashes made slashes."""
    return TABS_AND_LINE_BREAKS.sub("", value.strip(SPACE_AT_ENDS)).replace("\\", "/")


def host_of(url: str) -> str | None:
    """The host of a URL as Python reads it ('' for none), or None where Python cannot read it
    (an unclosed IPv6 bracket, a full-width '@'): such a URL is refused, never guessed at."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return None
