"""The home page's numbers at a glance keep CONTRIBUTING's writing rules whatever the sources say: each number
with its own source named beside it, the values the sources give for one thing side by side, and no number
of the site's own making, such as a sum the sources do not make."""
from __future__ import annotations

import json

import yaml
from selectolax.lexbor import LexborHTMLParser

from macros.check import check_project
from macros.numbers import numbers_in
from macros.render.labels import dated
from tests.conftest import LANGUAGE, ROOT


def _glance(pages):
    box = pages[""].css_first("article .qq-facts")
    assert box is not None and box.css_first("h2") is not None
    return box


def _figures(built) -> dict[str, dict]:
    """The home page's figures in claims.json, by the id of their marker."""
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    return {claim["anchor"]: claim for claim in claims if claim["page"] == "" and claim["kind"] == "figure"}


def _short_names() -> dict[str, str]:
    catalogue = yaml.safe_load((ROOT / "seeds" / "catalogue.yml").read_text(encoding="utf-8"))
    return {entry["id"]: entry["short"].split(" (")[0] for entry in catalogue}


def _marker(chip) -> str:
    sup = chip.next
    while sup is not None and sup.tag != "sup":
        sup = sup.next
    assert sup is not None, chip.text()
    return sup.attributes["id"]


def test_each_number_at_a_glance_names_its_source_beside_it(built, pages):
    """A large number never stands alone: its cell says, in small type, whose number it is."""
    figures, names = _figures(built), _short_names()
    cells = _glance(pages).css("ul > li")
    assert cells
    for cell in cells:
        [chip] = cell.css(".qq-figure")
        source = figures[_marker(chip)]["source"]
        note = cell.css_first("small")
        assert note is not None and names[source] in note.text(), (cell.text(), names[source])


def test_the_values_the_sources_give_for_one_thing_stand_side_by_side(built, pages):
    """Two sources' death tolls, or two estimates of one country's troops, are cells of one row, never one
    value picked and the other left out."""
    figures = _figures(built)
    rows: dict[tuple[str, str], set[int]] = {}
    for number, row in enumerate(_glance(pages).css("ul")):
        for chip in row.css(".qq-figure"):
            figure = figures[_marker(chip)]["figure"]
            rows.setdefault((figure["kind"], figure["subject"] if figure["kind"] == "csto-troops" else ""),
                            set()).add(number)
    assert rows and all(len(found) == 1 for found in rows.values()), rows


def test_the_numbers_at_a_glance_state_no_number_but_the_figures(built, pages):
    """Outside its figures, their markers and their sources' dates as the site writes them, the box writes
    no number that is not one of its figures' values: no total of the troops or of the dead, which no
    source gives."""
    box = LexborHTMLParser(_glance(pages).html)  # a copy: the parsed site is shared by every test
    figures, sources = _figures(built), check_project(ROOT).corpus.sources
    for node in box.css(".qq-figure, sup"):
        node.decompose()
    text = " ".join(box.text().split())
    dates = {dated(sources[claim["source"]], LANGUAGE) for claim in figures.values()}
    for date in sorted(dates, key=len, reverse=True):
        text = text.replace(" ".join(date.split()), "")  # "7 January 2022 (date inferred)" before "2022 (…)"
    values = {claim["value"] for claim in figures.values()}
    assert set(numbers_in(text, "en")) <= values, set(numbers_in(text, "en")) - values
