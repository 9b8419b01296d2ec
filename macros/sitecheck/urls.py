"""URLs read from an attribute as a browser reads them."""
from __future__ import annotations

from urllib.parse import urlsplit

SPACE_AT_ENDS = "".join(map(chr, range(0x21)))
TABS_AND_LINE_BREAKS = dict.fromkeys(map(ord, "\t\n\r"))  # dropped: str.translate
ASCII_SPACE = " \t\n\f\r"  # the HTML standard's ASCII whitespace


def browser_url(value: str) -> str:
    """An attribute's value (entities already decoded by the HTML parser) as a browser reads it as a URL:
    C0 controls and spaces at the ends dropped, tabs and line breaks inside dropped, backslashes made slashes."""
    return value.strip(SPACE_AT_ENDS).translate(TABS_AND_LINE_BREAKS).replace("\\", "/")


def host_of(url: str) -> str | None:
    """The host of a URL as Python reads it ('' for none), or None where Python cannot read it
    (an unclosed IPv6 bracket, a full-width '@'): such a URL is refused, never guessed at."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return None


def refresh_target(content: str) -> str:
    """The address a <meta http-equiv="refresh"> sends the reader to, read from its content="N; url=…" as the
    HTML standard's shared declarative refresh steps read it: the seconds (digits and dots), a ';' or ',', then
    `url=` if it is there, and the address, up to its closing quote if it opens with one."""
    rest = content.lstrip(ASCII_SPACE).lstrip("0123456789.").lstrip(ASCII_SPACE)
    rest = rest[1:].lstrip(ASCII_SPACE) if rest[:1] in (";", ",") else rest
    key, equals, after = rest.partition("=")
    if equals and key.rstrip(ASCII_SPACE).lower() == "url" and key.isascii():
        rest = after.lstrip(ASCII_SPACE)
    quote = rest[:1] if rest[:1] in ("'", '"') else ""
    return rest[1:].partition(quote)[0] if quote else rest
