"""The map, the date rail and the charts: every mark they draw comes from a claim and leads to it,
every claim they draw from is on them, and a mark no claim supports fails the build."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from macros.check import check_project
from macros.render.interface import languages, words
from macros.render.labels import figure_text
from macros.render.visuals import BASEMAP
from macros.render.visuals.map import credit as map_credit, place_names
from macros.render.visuals.placement import (FROM_MARK, LEADER, LONG, apart, gap_between, label_lines, mark_box,
                                             place_labels, text_box)
from macros.render.visuals.water import leader, length, off_water, on_water
from macros.siteurls import page_url
from tests.conftest import LANGUAGE, ROOT, make_project

CITED = 'At least 238 people were killed.{{ cite("alpha", "At least 238 people were killed") }}\n'


@pytest.fixture(scope="module")
def claims(built) -> list[dict]:
    return json.loads((built / "claims.json").read_text(encoding="utf-8"))


def claim_behind(claims: list[dict], page: str, href: str) -> dict:
    """The claim whose marker a link on the page (its URL path, 'timeline/') leads to."""
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join("/" + page.strip("/"), path)).strip("/")
    target = target + "/" if target else ""
    found = [claim for claim in claims if claim["page"] == target and claim["anchor"] == anchor]
    assert len(found) == 1, (page, href)
    return found[0]


def on_pages(pages, selector: str):
    for page, tree in sorted(pages.items()):
        for node in tree.css(selector):
            yield page.lstrip("/"), node


def test_every_place_and_country_on_a_map_leads_to_a_claim_that_names_it(pages, claims):
    names = place_names()
    marks = list(on_pages(pages, ".qq-map .qq-map-places a, .qq-map .qq-map-labels a"))
    assert marks
    for page, link in marks:
        claim = claim_behind(claims, page, link.attributes["href"])
        label = " ".join(link.text().split())  # as read aloud: a label of two lines is its words
        if claim["macro"] == "place":
            assert names[claim["place"]["name"]] == label
        else:
            assert claim["figure"]["kind"] == "csto-troops" and claim["figure"]["subject"] == label


def test_every_place_the_pages_cite_is_on_the_map(pages, claims):
    shown = {" ".join(link.text().split()) for _, link in on_pages(pages, ".qq-map .qq-map-places a")}
    cited = {place_names()[claim["place"]["name"]] for claim in claims if claim["macro"] == "place"}
    assert cited and cited <= shown | _countries()


def _countries() -> set[str]:
    return set(BASEMAP["countries"])


@pytest.fixture(scope="module")
def events():
    """The claims the map draws: those of the pages about the events."""
    return check_project(ROOT).about_the_events()


def maps(pages):
    found = list(on_pages(pages, "figure.qq-map"))
    assert found
    return found


def test_every_country_a_troop_figure_names_is_marked_as_sending_troops_and_no_other(pages, events):
    subjects = {claim.figure["subject"] for claim in events if claim.figure and claim.figure["kind"] == "csto-troops"}
    assert subjects
    for page, figure in maps(pages):
        marked = {label.text(strip=True) for label in figure.css("text.qq-country-label.qq-sent-troops")}
        assert marked == subjects, page
        assert len(figure.css("path.qq-sent-troops")) == len(subjects), page
        listed = figure.next
        while listed is not None and not listed.is_element_node:
            listed = listed.next
        assert all(f"<li>{subject}: " in listed.html for subject in subjects), page  # the text equivalent


def test_the_capital_is_marked_only_from_a_passage_that_calls_it_the_capital(pages, claims, events):
    names = place_names()
    capitals = {names[claim.detail["name"]] for claim in events
                if claim.macro == "place" and BASEMAP["points"].get(names[claim.detail["name"]], {}).get("capital")}
    assert capitals
    for page, figure in maps(pages):
        drawn = [link for link in figure.css(".qq-map-places a") if link.css_first("circle.qq-capital")]
        assert {link.text(strip=True) for link in drawn} == capitals, page
        for link in drawn:
            claim = claim_behind(claims, page, link.attributes["href"])
            assert claim["macro"] == "place" and re.search(r"\bcapital\b", claim["passage"], re.I), page
        assert (figure.css_first("figcaption .qq-swatch.qq-capital") is not None) == bool(drawn), page


def test_every_point_says_where_its_position_comes_from_and_the_credit_names_its_licence():
    """A point placed by hand is approximate, and its note and the credit say so; GeoNames is CC BY 4.0,
    credited on the map (its caption shows the credit) and on the method page."""
    method = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    for name, point in BASEMAP["points"].items():
        assert point["approximate"] == (point["from"] == "by_hand"), name
        if point["approximate"]:
            assert "approximate" in point["note"] and f"the {name} label placed by hand" in BASEMAP["credit"]
        if point["from"] == "geonames":
            assert re.search(rf"GeoNames \([^)]*\b{name}\b[^)]*\), CC BY 4\.0", BASEMAP["credit"]), name
            assert "GeoNames" in method and "CC BY 4.0" in method
    assert map_credit(BASEMAP["points"], "en") == BASEMAP["credit"]  # the data's record, as make_basemap.py wrote it


def test_the_russian_map_credit_is_in_russian_around_the_datas_own_names():
    said = map_credit(BASEMAP["points"], "ru")
    assert "Natural Earth" in said and "IANA" in said and "общественное достояние" in said
    for name, point in BASEMAP["points"].items():
        if point["from"] in ("geonames", "by_hand"):
            assert words("ru")["map_names"][name] in said and name not in said, name
    assert "placed by hand" not in said and "public domain" not in said


def test_every_event_on_the_rail_leads_to_its_claim_under_its_date(pages, claims):
    """The home page's strip names each event under its day; /timeline/'s rail marks each date once (with its
    `when`: "By 7 Jan" and "7 Jan" are two dates), leading to an event of that date, and marks every event's date."""
    rail = list(on_pages(pages, ".qq-rail a[href*='#']"))
    assert rail
    for page, link in rail:
        claim = claim_behind(claims, page, link.attributes["href"])
        assert claim["macro"] == "event", (page, link.attributes["href"])
        if link.css_first("time") is not None:  # a mark of /timeline/'s rail: its date
            assert link.css_first("time").attributes["datetime"] == claim["event"]["date"]
            continue
        assert claim["event"]["label"] == link.text(strip=True)
        day = link.parent.parent.parent  # li.qq-rail-day > ul > li > a
        assert day.css_first("time").attributes["datetime"] == claim["event"]["date"]
    drawn = [claim_behind(claims, "timeline/", link.attributes["href"]) for page, link in rail if page == "timeline/"]
    events = [claim for claim in check_project(ROOT).about_the_events() if claim.macro == "event"]
    dated = [(claim["event"]["date"], claim["event"].get("when", "")) for claim in drawn]
    assert sorted(dated) == sorted({(claim.detail["date"], claim.detail.get("when", "")) for claim in events})


def cited_in(node) -> list:
    """The links of a chart row's or a card's 'Cited in' line."""
    return node.css(".qq-figure-cited a")


def test_every_chart_row_and_figure_card_leads_to_a_figure_of_its_value(pages, claims):
    rows = list(on_pages(pages, "li.qq-chart-row"))
    cards = list(on_pages(pages, ".qq-figure-card"))
    assert rows and cards
    for page, row in rows + cards:
        main = row.css_first("a.qq-chart-link")
        shown = (main.css_first(".qq-chart-value") if main else row.css_first(".qq-card-value strong")).text(strip=True)
        assert cited_in(row)
        for link in ([main] if main else []) + cited_in(row):
            claim = claim_behind(claims, page, link.attributes["href"])
            assert claim["macro"] == "figure", (shown, claim)
            assert shown.startswith(figure_text(claim["figure"], LANGUAGE)), (shown, claim)


def test_each_figure_lists_every_page_about_the_events_that_cites_it_and_none_about_the_site(pages, claims):
    """A chart's rows are its text: each row (or a lone value's card) links every sentence that gives the
    figure, once; the examples of the method and conventions pages are not shown to readers."""
    about_the_site = {page_url(src) for src in check_project(ROOT).pages_about_the_site()}
    assert about_the_site
    figure = lambda claim: (claim["source"], claim["figure"]["value"], claim["figure"]["subject"],  # noqa: E731
                            claim["figure"]["qualifier"], claim["figure"]["date"])
    listed = {}
    for page, row in list(on_pages(pages, "li.qq-chart-row")) + list(on_pages(pages, ".qq-figure-card")):
        found = [claim_behind(claims, page, link.attributes["href"]) for link in cited_in(row)]
        assert len({figure(claim) for claim in found}) == 1, row.text()
        for claim in found:
            assert (claim["page"], claim["anchor"]) not in listed, claim
            listed[(claim["page"], claim["anchor"])] = figure(claim)
    expected = {(claim["page"], claim["anchor"]): figure(claim) for claim in claims
                if "figure" in claim and claim["page"] not in about_the_site}
    assert listed == expected


def test_a_kind_with_more_than_one_value_is_drawn_and_not_repeated_by_cards(pages, claims):
    kinds = {}
    about_the_site = {page_url(src) for src in check_project(ROOT).pages_about_the_site()}
    for claim in claims:
        if "figure" in claim and claim["page"] not in about_the_site:
            kinds.setdefault(claim["figure"]["kind"], set()).add(
                (claim["source"], claim["figure"]["value"], claim["figure"]["subject"]))
    figures = pages["figures/"]
    for kind, values in kinds.items():
        section = figures.css_first(f"section#{kind}")
        assert section is not None, kind
        assert (section.css_first(".qq-chart") is not None) == (len(values) > 1), kind
        assert len(section.css(".qq-figure-card")) == (len(values) == 1), kind


def test_bars_of_several_subjects_say_that_no_cited_figure_adds_them_up(pages):
    """Bars side by side read as parts of a whole: a chart of several subjects' bars tells the reader that
    the site cites no total of them: never invite a reader to add numbers the sources do not add."""
    from macros.render.interface import words
    parts = words(LANGUAGE)["chart_key_parts"]
    charts = [chart for _, chart in on_pages(pages, ".qq-chart")]
    assert charts
    for chart in charts:
        several = "qq-chart-bars" in (chart.attributes.get("class") or "") and len(chart.css("li.qq-chart-group")) > 1
        assert (parts in chart.css_first("figcaption").text()) == several, chart.css_first("figcaption").text()


@pytest.mark.parametrize("page, expected", [
    ('{{ visual("chart") }}\n', "docs/p.md:1: unknown visual 'chart' — known visuals: map, timeline"),
    ('Troops came.{{ figure("alpha", "about 2,000 troops", "2,000", kind="csto-troops", qualifier="about", '
     'subject="troops", date="2022-01-07") }}\n', "docs/p.md:1: the map cannot mark this troop figure's country — "
     "'troops' — give "
     "subject= one of the map's countries (Armenia, Belarus, China, Kazakhstan, Kyrgyzstan, Mongolia, Russia, "
     "Tajikistan, Turkmenistan, Uzbekistan), or add the country to macros/render/basemap/places.yml and run make "
     "basemap"),
    ('On the square.{{ place("alpha", "was the cry on the square", name="square") }}\n',
     "docs/p.md:1: the map has no place 'square' — places on the map: "),
    ('{{ visual("map") }}\n\n{{ visual("map") }}\n', "docs/p.md:3: visual 'map' drawn twice on one page"),
])
def test_a_visual_that_does_not_exist_or_a_place_not_on_the_map_fails_with_its_line(tmp_path, page, expected):
    project = make_project(tmp_path / "project", {"index.md": CITED, "p.md": page})
    problems = [str(problem) for problem in check_project(Path(project)).problems]
    assert any(line.startswith(expected) for line in problems), problems


def test_a_capital_whose_passages_do_not_call_it_so_fails_with_its_line(tmp_path, monkeypatch):
    square = {**BASEMAP["points"]["Almaty"], "capital": True}
    monkeypatch.setitem(BASEMAP["points"], "square", square)
    page = 'On the square.{{ place("alpha", "was the cry on the square", "square") }}\n'
    project = make_project(tmp_path / "project", {"index.md": CITED, "p.md": page})
    problems = [str(problem) for problem in check_project(Path(project)).problems]
    assert "docs/p.md:1: no passage cited for 'square' calls it the capital — the map marks it as the capital only " \
           "from a cited passage that says 'capital': cite one in one of its place() calls" in problems, problems


def test_an_event_off_the_timeline_page_is_refused_with_its_line(tmp_path):
    """/timeline/'s rail is its list's picture: an event cited elsewhere would be a mark the list does not say.
    A page about the site (mkdocs.yml's `exempt`) may show one as an example."""
    event = ('Troops came.{{ event("alpha", "about 2,000 troops arrived on 6 January", date="2022-01-06", '
             'label="Troops arrived") }}\n')
    project = make_project(tmp_path / "project", {"index.md": CITED + "\n" + event, "conventions.md": event,
                                                  "timeline.md": '{{ visual("timeline") }}\n\n' + event})
    problems = [str(problem) for problem in check_project(Path(project)).problems]
    assert [line for line in problems if "timeline's list" in line] == [
        "docs/index.md:3: event outside the timeline's list — 'Troops arrived' — cite it in the list of "
        "docs/timeline.md, whose rail is the list's picture; here, cite the passage with cite()"]


@pytest.mark.parametrize("language", languages())
def test_every_label_of_the_map_finds_a_spot_inside_it_off_every_other_label_and_mark(language):
    """Each edition's names, every place drawn and every country in bold (the widest): each label's box, as the
    placement measures it, is inside the view box and apart from the others and from the marks. The browser test
    measures the drawn labels (tests/test_browser.py: no_label_of_the_map)."""
    shown, points = words(language)["map_names"], sorted(BASEMAP["points"])
    capitals = {name for name in points if BASEMAP["points"][name]["capital"]}
    countries = {name for name, entry in BASEMAP["countries"].items() if "label" in entry}
    spots = place_labels(BASEMAP, shown, points, capitals, "Kazakhstan", countries)
    assert set(spots) == set(points) | countries
    boxes = {name: text_box("\n".join(lines_of(name, shown)) if name in points else shown[name], spot,
                            28 if name == "Kazakhstan" else 24, True) for name, spot in spots.items()}
    marks = [mark_box(BASEMAP["points"][name], name in capitals) for name in points]
    for name, box in boxes.items():
        assert 0 <= box[0] and 0 <= box[1] and box[2] <= BASEMAP["width"] and box[3] <= BASEMAP["height"], name
        assert [other for other, its in boxes.items() if other != name and not apart(box, its)] == [], name
        assert all(apart(box, mark) for mark in marks if mark), name


@pytest.mark.parametrize("language", languages())
def test_every_places_label_stays_next_to_its_own_mark(language):
    """No reader pairs a label with another place's dot: each place's label, every place drawn, stays within
    FROM_MARK of its own mark and farther than that from every other place's mark."""
    shown, points = words(language)["map_names"], sorted(BASEMAP["points"])
    capitals = {name for name in points if BASEMAP["points"][name]["capital"]}
    countries = {name for name, entry in BASEMAP["countries"].items() if "label" in entry}
    spots = place_labels(BASEMAP, shown, points, capitals, "Kazakhstan", countries)
    marks = {name: mark for name in points if (mark := mark_box(BASEMAP["points"][name], name in capitals))}
    for name, mark in marks.items():
        box = text_box("\n".join(lines_of(name, shown)), spots[name], 24, True)
        assert gap_between(box, mark) <= FROM_MARK, name
        assert all(gap_between(box, its) > FROM_MARK for other, its in marks.items() if other != name), name


def lines_of(name: str, shown: dict[str, str], basemap: dict = BASEMAP) -> list[str]:
    return label_lines(shown[name], "water" in basemap["points"][name])


def water_under(box, shore) -> set[bool]:
    """Whether each whole unit of the box, and each of its corners, is on the water: measured point by point."""
    xs = [box[0], box[2], *range(int(box[0]) + 1, int(box[2]) + 1)]
    ys = [box[1], box[3], *range(int(box[1]) + 1, int(box[3]) + 1)]
    return {on_water((x, y, x, y), shore) for x in xs for y in ys if x <= box[2] and y <= box[3]}


@pytest.mark.parametrize("language", languages())
def test_a_seas_label_lies_on_its_water_or_reaches_it_by_a_short_leader_line(language):
    """A sea's name belongs on its water: each edition's, every label drawn, lies wholly on the water, or wholly
    off it with a leader line of at most LEADER units that ends on the water and keeps off every other label and
    mark (the Caspian Sea, 45 units wide, holds no name at the map's smallest size: its label stands beside it)."""
    shown, points = words(language)["map_names"], sorted(BASEMAP["points"])
    capitals = {name for name in points if BASEMAP["points"][name]["capital"]}
    countries = {name for name, entry in BASEMAP["countries"].items() if "label" in entry}
    spots = place_labels(BASEMAP, shown, points, capitals, "Kazakhstan", countries)
    seas = [name for name in points if "water" in BASEMAP["points"][name]]
    assert seas
    others = [text_box("\n".join(lines_of(name, shown)) if name in points else shown[name], spot,
                       28 if name == "Kazakhstan" else 24, True) for name, spot in spots.items() if name not in seas]
    others += [mark for name in points if (mark := mark_box(BASEMAP["points"][name], name in capitals))]
    for name in seas:
        point = BASEMAP["points"][name]
        box = text_box("\n".join(lines_of(name, shown)), spots[name], 24, True)
        if water_under(box, point["water"]) == {True}:
            continue
        assert water_under(box, point["water"]) == {False}, (name, "a label half on its water")
        line = leader(box, point["at"])
        assert length(line) <= LEADER and on_water((*line[2:], *line[2:]), point["water"]), name
        assert all(apart((min(line[0], line[2]), min(line[1], line[3]), max(line[0], line[2]), max(line[1], line[3])),
                         other) for other in others), name


def test_a_sea_name_that_fits_on_its_water_is_set_there_without_a_leader_line():
    """The rule holds for any water: on a sea wide enough for its name, the label lies on it, nearest its middle."""
    name, shown = "Caspian Sea", words("ru")["map_names"]
    shore = [[100, 120], [400, 120], [400, 290], [300, 290], [300, 230], [100, 230]]  # an L: its notch is land
    basemap = {**BASEMAP, "points": {**BASEMAP["points"], name: {**BASEMAP["points"][name], "water": shore,
                                                                  "at": [200, 170]}}}
    spot = place_labels(basemap, shown, [name], set(), "Kazakhstan", set())[name]
    box = text_box("\n".join(lines_of(name, shown, basemap)), spot, 24, True)
    assert water_under(box, shore) == {True}, box
    assert abs((box[0] + box[2]) / 2 - 200) <= 1 and abs((box[1] + box[3]) / 2 - 170) <= 1, box


def test_on_water_measures_the_whole_box_and_a_leader_ends_at_the_seas_middle():
    shore = [(0, 0), (100, 0), (100, 100), (50, 100), (50, 50), (0, 50)]  # an L: land in its notch (0..50, 50..100)
    assert on_water((10, 10, 40, 40), shore) and on_water((60, 10, 90, 90), shore)
    assert not on_water((10, 10, 90, 90), shore) and not off_water((10, 10, 90, 90), shore)  # the notch is land
    assert off_water((5, 55, 45, 95), shore) and off_water((110, 0, 120, 10), shore)
    assert not on_water((40, 40, 60, 60), shore) and not off_water((-10, -10, 110, 110), shore)  # the sea within
    assert leader((-30, 10, -10, 20), (25, 25)) == (-10, 20, 25, 25)


def test_a_label_nudged_far_from_its_mark_is_kept_next_to_it():
    """The rule holds for any hint: a nudge that would set the region's label mid-country (as places.yml once did)
    is overruled by the nearest spot within FROM_MARK of the ring."""
    name = "Mangystau region"
    point = {**BASEMAP["points"][name], "nudge": [56, -20]}
    shown = words("en")["map_names"]
    spots = place_labels({**BASEMAP, "points": {**BASEMAP["points"], name: point}}, shown, [name], set(),
                         "Kazakhstan", set())
    assert gap_between(text_box(shown[name], spots[name], 24, True), mark_box(point, False)) <= FROM_MARK


def test_a_place_name_too_long_for_one_line_breaks_onto_two():
    """A name wider than LONG, in any language, breaks at the space that balances its lines; a shorter one does not."""
    assert label_lines("Almaty") == ["Almaty"] and label_lines("Mangystau region") == ["Mangystau region"]
    assert label_lines("Мангистауская область") == ["Мангистауская", "область"]
    long_name = "Mangystau region Mangystau region"
    assert text_box(long_name, (0, 0, "start"), 24, True)[2] > LONG
    assert label_lines(long_name) == ["Mangystau region", "Mangystau region"]


def test_a_label_that_would_leave_the_map_or_cover_another_moves_in():
    """The rule holds for any name: one far longer than the place's (at the right edge) is moved inside, and a
    country's label placed on another's is moved off it."""
    shown = {**words("en")["map_names"], "Tien Shan": "Tien-Shan-Tien-Shan", "Uzbekistan": "Kyrgyzstan"}
    basemap = {**BASEMAP, "countries": {**BASEMAP["countries"], "Uzbekistan": {
        **BASEMAP["countries"]["Uzbekistan"], "label": BASEMAP["countries"]["Kyrgyzstan"]["label"]}}}
    spots = place_labels(basemap, shown, ["Tien Shan"], set(), "Kazakhstan", set())
    tien_shan = text_box(shown["Tien Shan"], spots["Tien Shan"], 24, True)
    assert tien_shan[2] <= BASEMAP["width"] < text_box(shown["Tien Shan"], (*BASEMAP["points"]["Tien Shan"]["at"],
                                                                            "middle"), 24, True)[2]
    assert apart(text_box("Kyrgyzstan", spots["Uzbekistan"], 24, False),
                 text_box("Kyrgyzstan", spots["Kyrgyzstan"], 24, False))
