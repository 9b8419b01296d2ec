"""Visuals drawn at build time from the citations: the locator map and the timeline rail.

A page asks for one with `{{ visual("map") }}` on a line of its own. Every mark a visual shows
comes from a claim and links to its marker; the map's geometry is context (basemap.json, from
public-domain data). No script, no file from elsewhere: inline SVG and HTML, styled by the
site's stylesheet in light and dark. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Collection, Iterator

from ...claims import Claim, doc_url
from ...problems import Problem
from ..labels import relative_url
from .map import BASEMAP, draw_map, place_names
from .rail import draw_rail, draw_strip

VISUALS = {"map": draw_map, "timeline": draw_rail, "timeline-strip": draw_strip}


def draw(name: str, page: str, claims: list[Claim], titles: dict[str, str]) -> str:
    """The visual's HTML for the page docs/<page>, from every claim of the site."""
    return VISUALS[name](claims, Links(doc_url(page)), page)


class Links:
    """Relative links from the page being drawn: `links(claim)` to a claim's marker, `links.page(path)` to a page."""

    def __init__(self, here: str):
        self.here = here

    def __call__(self, claim: Claim) -> str:
        return relative_url(self.here, f"{doc_url(claim.page)}#{claim.anchor}")

    def page(self, path: str) -> str:
        return relative_url(self.here, doc_url(path))


def visual_problems(pages: dict, claims: list[Claim], exempt: Collection[str] = ()) -> Iterator[Problem]:
    """A visual that does not exist, a place the map cannot show, an event outside the timeline's list.
    `exempt`: the pages about the site, whose examples no visual draws."""
    for page in pages.values():
        drawn = set()
        for call in page.calls:
            if call.macro == "visual" and call.args["name"] not in VISUALS:
                yield Problem(call.path, call.line, f"unknown visual '{call.args['name']}'", "",
                              "known visuals: " + ", ".join(VISUALS))
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
    yield from _events_off_the_timeline(pages, claims, exempt)


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


__all__ = ["BASEMAP", "VISUALS", "draw", "visual_problems"]
