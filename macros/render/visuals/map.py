"""The locator map: Kazakhstan and its neighbours, the places the sources name, the troops they count."""
from __future__ import annotations

import json
from pathlib import Path

from ...claims import Claim
from ...claims.wording import folded_parts, has_words
from ..interface import say, words
from ..labels import figure_text
from ..templates_env import TEMPLATES
from .placement import LEADING, PLACE_SIZE, label_lines, place_labels, text_box
from .water import leader_line

BASEMAP = json.loads((Path(__file__).parent.parent / "basemap" / "basemap.json").read_text(encoding="utf-8"))
HOME = "Kazakhstan"
TROOPS = "csto-troops"
CAPITAL = "capital"  # the word a passage cited for a place must use for the map to mark that place as the capital


def place_names() -> dict[str, str]:
    """Every name and alias of a point or labelled country of the map -> the name it is shown under."""
    names = {}
    for kind in ("points", "countries"):
        for name, entry in BASEMAP[kind].items():
            if kind == "points" or "label" in entry:
                names.update({alias: name for alias in [name, *entry.get("aliases", [])]})
    return names


def shown_names() -> set[str]:
    """The names the map can show, each of which every strings file writes in its language (map_names)."""
    return {name for name, entry in BASEMAP["countries"].items() if "label" in entry} | set(BASEMAP["points"])


def draw_map(claims: list[Claim], link, page: str, language: str) -> str:
    names = place_names()
    places: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.macro == "place":
            places.setdefault(names[claim.detail["name"]], []).append(claim)
    troops = {name: found for name, found in troop_countries(claims).items() if name in BASEMAP["countries"]}

    def here_first(found: list[Claim]) -> list[Claim]:
        """One claim per source (a place) or per figure (troops), the one on this page first."""
        ordered = sorted(found, key=lambda claim: (claim.page != page, claim.page, claim.number))
        kept = {}
        for claim in ordered:
            figure = claim.figure or {}
            kept.setdefault((claim.source.id, figure.get("value"), figure.get("qualifier")), claim)
        return list(kept.values())

    points = {name: here_first(found) for name, found in sorted(places.items()) if name in BASEMAP["points"]}
    capitals = {name: here_first(calling)[0] for name, found in points.items()
                if BASEMAP["points"][name]["capital"] and (calling := [c for c in found if calls_it_capital(c)])}
    named_countries = {name: here_first(found) for name, found in sorted(places.items())
                       if name in BASEMAP["countries"]}
    shown = words(language)["map_names"]
    spots = place_labels(BASEMAP, shown, list(points), set(capitals), HOME, set(troops))
    lines = {name: label_lines(shown[name], "water" in BASEMAP["points"][name]) for name in points}
    return TEMPLATES.get_template("visuals/map.html").render(
        t=words(language), shown=shown, notes=words(language)["map_notes"], basemap=BASEMAP,
        home=HOME, credit=say("map_credit", language, credit=credit(BASEMAP["points"], language)),
        points=points,
        capitals=capitals, a_region=any(BASEMAP["points"][name]["mark"] == "ring" for name in points),
        named_countries=named_countries,
        troops={name: here_first(found) for name, found in sorted(troops.items())},
        link=link, figure_text=lambda figure: figure_text(figure, language),
        source_name=lambda claim: claim.source.short,
        spots=spots, lines=lines, leading=LEADING, leaders=leaders(lines, spots),
    )


def leaders(lines: dict[str, list[str]], spots: dict) -> dict[str, tuple[float, ...]]:
    """The leader line of each sea's label set beside its water, rounded as the spots are (placement.py)."""
    found = {}
    for name, its_lines in lines.items():
        if line := leader_line(text_box("\n".join(its_lines), spots[name], PLACE_SIZE, True), BASEMAP["points"][name]):
            found[name] = tuple(round(value, 1) for value in line)
    return found


def credit(points: dict, language: str) -> str:
    """Who the map's data comes from, in the edition's words (map_data), every source of a point in the order of
    `points`: the names of the data and of its licences stay as they are, the places are the edition's names.
    make_basemap.py writes the English one into basemap.json, where the credit travels with the data."""
    said, names = words(language)["map_data"], words(language)["map_names"]
    parts = [said["public_domain"]]
    from_geonames = [names[name] for name, point in points.items() if point["from"] == "geonames"]
    if from_geonames:
        parts.append(said["geonames"].format(names=", ".join(from_geonames)))
    by_hand = [said["label"].format(name=names[name]) for name, point in points.items() if point["from"] == "by_hand"]
    if by_hand:
        parts.append(said["by_hand"].format(labels=", ".join(by_hand)))
    return "; ".join(parts)


def calls_it_capital(claim: Claim) -> bool:
    return has_words(folded_parts(claim.match.parts), CAPITAL)


def troop_countries(claims: list[Claim]) -> dict[str, list[Claim]]:
    """The countries the troop figures name, each with its figures."""
    troops: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.figure and claim.figure["kind"] == TROOPS:
            troops.setdefault(claim.figure.get("subject") or "", []).append(claim)
    return troops

