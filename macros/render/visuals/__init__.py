"""Visuals drawn at build time from the citations: the locator map and the timeline rail; and the
home page's dateline, drawn from the day of the last change (dateline.py).

A page asks for one with `{{ visual("map") }}` on a line of its own. Every mark a visual shows
comes from a claim and links to its marker; the map's geometry is context (basemap.json, from
public-domain data). No script, no file from elsewhere: inline SVG and HTML, styled by the
site's stylesheet in light and dark. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date

from ...claims import Claim
from ...problems import Problem
from ...siteurls import page_url, relative_url
from ..dateline import draw_dateline
from .map import BASEMAP, calls_it_capital, draw_map, place_names, troop_countries
from .rail import draw_rail, draw_strip

VISUALS = {"map": draw_map, "timeline": draw_rail, "timeline-strip": draw_strip}
DATELINE = "dateline"
NAMES = (*VISUALS, DATELINE)


def draw(name: str, page: str, claims: list[Claim], updated: date | None, language: str) -> str:
    """The visual's HTML for the page docs/<page>, from every claim of the site (the dateline: from `updated`),
    in the edition's language."""
    if name == DATELINE:
        return draw_dateline(updated, language)
    return VISUALS[name](claims, Links(page_url(page)), page, language)


class Links:
    """Relative links from the page being drawn: `links(claim)` to a claim's marker, `links.page(path)` to a page."""

    def __init__(self, here: str):
        self.here = here

    def __call__(self, claim: Claim) -> str:
        return relative_url(self.here, f"{page_url(claim.page)}#{claim.anchor}")

    def page(self, path: str) -> str:
        return relative_url(self.here, page_url(path))


def visual_problems(pages: dict, claims: list[Claim],
                    about_the_site: Collection[str] = frozenset()) -> Iterator[Problem]:
    """A visual that does not exist, a place the map cannot show, a mark of the map that its claims cannot
    make as they should, or an event outside the timeline's list (`about_the_site`: the pages whose
    examples no visual draws)."""
    for page in pages.values():
        drawn = set()
        for call in page.calls:
            if call.macro == "visual" and call.args["name"] not in NAMES:
                yield Problem(call.path, call.line, f"unknown visual '{call.args['name']}'", "",
                              "known visuals: " + ", ".join(NAMES))
            elif call.macro == "visual" and call.args["name"] in drawn:
                yield Problem(call.path, call.line, f"visual '{call.args['name']}' drawn twice on one page", "",
                              "draw each visual once per page")
            if call.macro == "visual":
                drawn.add(call.args["name"])
    names = place_names()
    for claim in claims:
        if claim.macro == "place" and claim.detail["name"] not in names:
            yield Problem(claim.call.path, claim.call.line, f"the map has no place '{claim.detail['name']}'",
                          "", "places on the map: " + ", ".join(sorted(names)) + " (macros/render/basemap/places.yml)")
    drawn = [claim for claim in claims if claim.page not in about_the_site]
    yield from troop_problems(drawn)
    yield from capital_problems(drawn, names)
    yield from _events_off_the_timeline(pages, claims, about_the_site)


def _events_off_the_timeline(pages: dict, claims: list[Claim], exempt: Collection[str]) -> Iterator[Problem]:
    """The timeline's rail is the picture of its page's list, which says each event in words: an event cited
    on another page would be a mark on the rail that the list does not say."""
    timeline = sorted(page.src for page in pages.values()
                      for call in page.calls if call.macro == "visual" and call.args["name"] == "timeline")
    for claim in claims:
        if timeline and claim.macro == "event" and claim.page not in timeline and claim.page not in exempt:
            yield Problem(claim.call.path, claim.call.line, "event outside the timeline's list",
                          f"'{claim.detail['label']}'", f"cite it in the list of docs/{timeline[0]}, whose rail is "
                          "the list's picture; here, cite the passage with cite()")


def troop_problems(claims: list[Claim]) -> Iterator[Problem]:
    """The map marks every country a troop figure names: one it cannot mark fails the build. A figure
    with no subject (a count the passage ties to no country) marks none."""
    countries = sorted(name for name, entry in BASEMAP["countries"].items() if "label" in entry)
    for subject, found in troop_countries(claims).items():
        if subject and subject not in countries:
            for claim in found:
                yield Problem(claim.call.path, claim.call.line, "the map cannot mark this troop figure's country",
                              repr(subject), "give subject= one of the map's countries (" + ", ".join(countries)
                              + "), or add the country to macros/render/basemap/places.yml and run make basemap")


def capital_problems(claims: list[Claim], names: dict[str, str]) -> Iterator[Problem]:
    """A capital of places.yml that the pages cite is marked as such: one of its passages must call it so."""
    cited: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.macro == "place" and names.get(claim.detail["name"]) in BASEMAP["points"]:
            cited.setdefault(names[claim.detail["name"]], []).append(claim)
    for name, found in sorted(cited.items()):
        if BASEMAP["points"][name]["capital"] and not any(calls_it_capital(claim) for claim in found):
            first = found[0]
            yield Problem(first.call.path, first.call.line, f"no passage cited for '{name}' calls it the capital",
                          "", "the map marks it as the capital only from a cited passage that says 'capital': "
                          "cite one in one of its place() calls")


__all__ = ["BASEMAP", "NAMES", "VISUALS", "draw", "visual_problems"]
