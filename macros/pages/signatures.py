"""The citation macros a page may call, and their parameters."""
from __future__ import annotations

from dataclasses import dataclass

SHOWN_BITS = 200  # about 60 digits: a longer number is shown by its size


@dataclass(frozen=True)
class Signature:
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    own_line: bool = False  # a block macro must stand alone on its line
    summary: str = ""
    cites: bool = True  # a citation of a passage; else it draws from the citations (visual)

    @property
    def parameters(self) -> tuple[str, ...]:
        return self.required + self.optional


MACROS = {
    "cite": Signature(("source", "passage"), summary="a numbered citation marker for the sentence before it"),
    "quote": Signature(("source", "passage"), ("translation",),
                       summary="an inline quotation in the source's own words, with its marker"),
    "blockquote": Signature(("source", "passage"), ("translation",), own_line=True,
                            summary="a block quotation with its attribution and marker"),
    "figure": Signature(("source", "passage", "value", "kind", "date"), ("qualifier", "subject", "unit"),
                        summary="a number from a passage, with its kind, qualifier and date"),
    "event": Signature(("source", "passage", "date", "label"), ("when",),
                       summary="a citation marker for a dated event, which the timeline shows"),
    "place": Signature(("source", "passage", "name"),
                       summary="a citation marker for a place the passage names, which the map shows"),
    "visual": Signature(("name",), own_line=True, cites=False,
                        summary="a map or a timeline, drawn from the site's citations"),
}


def bind(name: str, args: list, kwargs: dict) -> tuple[dict, list[str]]:
    """Bind literal arguments like Python would; returns (arguments, complaints)."""
    signature = MACROS[name]
    complaints = []
    bound = dict(zip(signature.parameters, args))
    if len(args) > len(signature.parameters):
        complaints.append(f"{name}() takes at most {len(signature.parameters)} arguments, got {len(args)}")
    for key, value in kwargs.items():
        if key not in signature.parameters:
            complaints.append(f"{name}() has no parameter '{key}'; its parameters: {', '.join(signature.parameters)}")
        elif key in bound:
            complaints.append(f"{name}() got '{key}' twice")
        else:
            bound[key] = value
    for key in signature.required:
        if key not in bound:
            complaints.append(f"{name}() needs '{key}'; its parameters: {', '.join(signature.parameters)}")
    for key, value in bound.items():
        if not isinstance(value, str):
            complaints.append(f"{name}() argument '{key}' must be a string, got {shown(value)}")
    return bound, complaints


def shown(value) -> str:
    """A literal as a message shows it, clipped; a number too long to format (Python formats no int of more
    than 4,300 digits, and a 0x… literal has no such limit) by its size."""
    if isinstance(value, int) and value.bit_length() > SHOWN_BITS:
        return f"a number of about {value.bit_length() * 3 // 10:,} digits"
    text = repr(value) if isinstance(value, (str, int, float, bool, type(None))) else f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:59] + "…"
