"""The map's names in a strings file (`map_names` of interface.<language>.yml): each is drawn as the label of
the place of its key, so it holds a letter, and it is no other place of the map's name. Another place's names are
its English name and aliases (basemap/places.yml), what the file writes for it, and what CLDR (through Babel)
calls it in the file's locale or in English: a country by its territory code, a place positioned by a time zone
by the zone's city. «Алматы» given for Nur-Sultan is CLDR's name of Almaty's zone, and is refused. A name that is
wrong but no other place's («Аральское море» for the Caspian Sea) is for the reviewer of the file, which
maintainers own (CODEOWNERS). Names are compared as a reader sees them: look-alike letters folded, without case,
word by word. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from ..corpus.characters import read_as
from ..problems import Problem, clip
from .visuals.map import BASEMAP

PLACES = Path(__file__).parent / "basemap" / "places.yml"
WORD = re.compile(r"\w+")
NO_LETTER = "a map name holds no letter"
NO_LETTER_HINT = ("the map draws it as the label of the place of its key: write that place's name as this edition "
                  "writes it")
ANOTHERS = "a map name is another place's name"
ANOTHERS_HINT = ("the map draws it at the point of its key, with that place's citations: write the name of the "
                 "place of its key, as this edition writes it")


def map_name_problems(label: str, given, locale: str) -> Iterator[Problem]:
    """The problems of the file's `map_names` (a yamlfile.LineDict), whose language is Babel's `locale`. A name
    that is its own place's (in English, or in CLDR) is never told as another's: the other is."""
    names = {place: text for place, text in given.items() if isinstance(place, str) and isinstance(text, str)}
    own = {place: _names_of(place, locale)  # a country drawn without a label is a place too
           for place in dict.fromkeys([*names, *BASEMAP["points"], *BASEMAP["countries"]])}
    known = {place: {_seen_as(names[place]): f"on line {given.line_of(place)}", **said} if place in names else said
             for place, said in own.items()}
    for place, text in names.items():
        if not any(character.isalpha() for character in text):
            yield Problem(label, given.line_of(place), NO_LETTER, f"{place}: {text!r}", NO_LETTER_HINT)
            continue
        other = next(((other, said[_seen_as(text)]) for other, said in known.items()
                      if other != place and _seen_as(text) in said), None)
        if other and _seen_as(text) not in own[place]:
            yield Problem(label, given.line_of(place), ANOTHERS, f"{place}: {clip(text, 60)!r} is the name of "
                          f"{other[0]!r} {other[1]}", ANOTHERS_HINT)


def _names_of(place: str, locale: str) -> dict[tuple[str, ...], str]:
    """Each name of the place as a reader sees it, in English and in CLDR -> where it is that place's name."""
    entry = BASEMAP["points"].get(place) or BASEMAP["countries"].get(place) or {}
    found = {_seen_as(name): f"in CLDR ({code})" for code, name in _cldr_names(place, locale)}
    found.update({_seen_as(alias): "in English" for alias in [*entry.get("aliases", []), place]})
    return found


def _cldr_names(place: str, locale: str) -> Iterator[tuple[str, str]]:
    """(locale, name) of the place in CLDR, in the file's locale and in English: a country's, or the city of the
    time zone that places.yml positions it by."""
    zone = _ZONES.get(place) or ""
    for code in dict.fromkeys((locale, "en")):
        try:
            cldr = Locale.parse(code)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        territory = _TERRITORIES.get(place)
        if territory and cldr.territories.get(territory):
            yield code, cldr.territories[territory]
        city = (cldr.time_zones.get(zone) or {}).get("city") if zone else None
        yield from [(code, city)] if city else []
        yield from [(code, zone.rpartition("/")[2].replace("_", " "))] if zone and code == "en" else []


def _seen_as(name: str) -> tuple[str, ...]:
    return tuple(WORD.findall(read_as(name).casefold()))


# place -> the IANA zone places.yml positions it by; country -> its territory code, by CLDR's English name
_ZONES = {place: point["tz"] for place, point in yaml.safe_load(PLACES.read_text("utf-8"))["points"].items()
          if "tz" in point}
_TERRITORIES = {name: code for code, name in Locale.parse("en").territories.items() if name in BASEMAP["countries"]}
