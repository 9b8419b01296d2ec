"""Rules the visuals and the home page keep whatever the sources say: names and text equivalents, the map's
credit, the rail's date order, lower bounds drawn as such, the name explained, topic cards, the gaps box."""
from __future__ import annotations

import calendar
import datetime
import json
import posixpath
import re

from macros.claims import bound
from macros.siteurls import page_url
from macros.render.interface import say, words
from macros.render.visuals.charts import ARROW
from macros.render.visuals.map import BASEMAP
from macros.render.visuals.map import credit as map_credit
from macros.render.visuals.rail import DAYS, FIRST, LAST, MONTH
from tests.conftest import CONFIG, LANGUAGE, ROOT


def visuals(pages, kind: str = "qq-visual"):
    found = [(page, node) for page, tree in sorted(pages.items()) for node in tree.css(f"figure.{kind}")]
    assert found, kind
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


def classes(node) -> list[str]:
    return (node.attributes.get("class") or "").split()


def accessible_name(tree, node) -> str:
    """Its aria-label, or the text of the elements its aria-labelledby names (each id once on the page)."""
    if "aria-label" in node.attributes:
        return flat(node.attributes["aria-label"] or "")
    targets = [tree.css(f'[id="{ref}"]') for ref in (node.attributes.get("aria-labelledby") or "").split()]
    assert all(len(found) == 1 for found in targets), node.attributes
    return flat(" ".join(found[0].text() for found in targets))


def test_every_visual_has_an_accessible_name_that_resolves_to_text(pages):
    """The name is on the visual's figure or on one of its children (the map's SVG, a chart's list)."""
    for page, figure in visuals(pages):
        named = [node for node in [figure, *figure.iter()] if {"aria-label", "aria-labelledby"} & set(node.attributes)]
        assert named and all(accessible_name(pages[page], node) for node in named), (page, classes(figure))


def test_every_drawing_in_a_visual_has_a_text_equivalent(pages):
    """A drawing is hidden from screen readers beside its own text, or followed by a details block
    that lists every mark it links to."""
    for page, figure in visuals(pages):
        for svg in figure.css("svg"):
            if svg.attributes.get("aria-hidden") == "true":
                assert flat("".join(child.text() for child in svg.parent.iter() if child.tag != "svg")), page
                continue
            details = figure.next
            while details is not None and not details.is_element_node:
                details = details.next
            assert details is not None and details.tag == "details" and "qq-visual-text" in classes(details), page
            assert flat(details.css_first("summary").text()), page
            listed = {link.attributes["href"] for link in details.css("a")}
            assert {link.attributes["href"] for link in svg.css("a")} <= listed, page


def test_every_page_that_shows_the_map_credits_its_data(pages):
    credit = say("map_credit", LANGUAGE, credit=map_credit(BASEMAP["points"], LANGUAGE))
    for page, figure in visuals(pages, "qq-map"):
        caption = flat(figure.css_first("figcaption").text())
        assert BASEMAP["credit"] in caption and credit in caption, page


def test_make_basemap_remakes_the_geometry_the_map_reads():
    """The map's geometry is made from places.yml by a program, never edited by hand: `make basemap` runs it."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbasemap:", 1)[1].split("\n\n", 1)[0]
    [module] = re.findall(r"-m (macros\.render\.basemap\.\w+)", recipe)
    assert (ROOT / (module.replace(".", "/") + ".py")).is_file(), module
    assert (ROOT / "macros" / "render" / "basemap" / "places.yml").is_file() and BASEMAP["points"]


def last_day(stamp: str) -> datetime.date:
    """A rail date ('2022', '2022-05' or '2022-01-05') is placed by the last day it stands for."""
    year, month, day = ([int(part) for part in stamp.split("-")] + [0, 0])[:3]
    month = month or 12
    return datetime.date(year, month, day or calendar.monthrange(year, month)[1])


def rail_dates(rail, month: bool = True) -> list[tuple[bool, datetime.date]]:
    """(is one of the rail's days, the last day it stands for) of every date on a rail, in page order;
    without the events dated only by the days' month (after the days, "day not given") if not `month`."""
    stamps = [time.attributes["datetime"] for time in rail.css("time")]
    return [(stamp in DAYS, last_day(stamp)) for stamp in stamps if month or stamp != MONTH]


def event_dates() -> set[tuple[str, str]]:
    """(date, when) of every event: "by 7 January" is another date than "7 January"."""
    from macros.check import check_project
    return {(claim.detail["date"], claim.detail.get("when", "")) for claim in check_project(ROOT).about_the_events()
            if claim.macro == "event"}


def test_the_rails_show_only_days_with_events_and_the_timeline_rail_every_date(pages):
    """No blank day: each date on a rail is an event's; /timeline/'s marks every event's date, once; the
    home page's strip, every one of the rail's days (rail.py: FIRST to LAST) with an event dated to it (not
    "by" it: it may have happened before)."""
    dated = event_dates()
    dates = {date for date, _ in dated}
    for page, rail in visuals(pages, "qq-rail"):
        shown = [time.attributes["datetime"] for time in rail.css("time")]
        assert shown and set(shown) <= dates, page
        marks = [(time.attributes["datetime"], flat(time.text())) for time in rail.css("time")]
        assert len(marks) == len(set(marks)), f"{page}: a date marked twice"
        expected = dates if page == "timeline/" else {date for date, when in dated if date in DAYS and not when}
        assert set(shown) == expected, page


def test_the_timeline_rail_is_a_picture_of_dates_and_its_list_the_text(pages):
    """/timeline/ shows each event once: its rail gives dates, each leading to an event of that date,
    and no event's label, which the list says in words."""
    from macros.check import check_project
    events = [claim for claim in check_project(ROOT).about_the_events() if claim.macro == "event"]
    rail = next(rail for page, rail in visuals(pages, "qq-rail") if page == "timeline/")
    text = flat(rail.text())
    assert not [event.detail["label"] for event in events if event.detail["label"] in text]
    assert {event.page for event in events} == {"timeline.md"}, "the list of /timeline/ cites every event"


def test_the_home_strip_keeps_date_order(pages):
    """The strip's days run in date order; /timeline/'s rail keeps its list's order (tests/test_rail_list.py)."""
    for page, rail in visuals(pages, "qq-rail-strip"):
        in_order = [day for _, day in rail_dates(rail)]
        assert in_order and in_order == sorted(in_order), page
        assert all(FIRST <= day <= LAST for day in in_order), page


def test_the_note_on_how_dates_are_known_comes_after_the_rail(pages):
    """On /timeline/, the section that explains worked-out dates (which other pages link to) follows the rail."""
    tree = pages["timeline/"]
    order = {node.mem_id: index for index, node in enumerate(tree.root.traverse())}
    rail_end = max(order[node.mem_id] for node in tree.css_first("figure.qq-rail").css("*"))
    note = tree.css_first("article h2#how-the-dates-are-known")
    assert note is not None and order[note.mem_id] > rail_end


def claim_of(row, claims: list[dict]) -> dict:
    """The claim a chart row on /figures/ links to."""
    path, _, anchor = row.css_first("a").attributes["href"].partition("#")
    page = posixpath.normpath(posixpath.join("/figures", path)).strip("/")
    return next(claim for claim in claims if claim["page"] == (page and page + "/") and claim["anchor"] == anchor)


def bound_of(row, claims: list[dict]) -> str:
    """The bound ('lower', 'exact'...) of the figure a chart row on /figures/ links to."""
    return bound(claim_of(row, claims)["figure"]["qualifier"])


def test_every_chart_row_gives_the_date_its_value_refers_to_and_when_its_source_wrote(built, pages):
    """Both dates, or the one date once where they are the same (a page of figures that says each date twice, line
    after line, reads as a form filled in), with the source date's mark."""
    from macros.corpus import load_corpus
    from macros.render.labels import as_of, dated, human_date
    sources = load_corpus(ROOT / "seeds")[0].sources
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    said_once = 0
    for row in pages["figures/"].css("li.qq-chart-row"):
        claim = claim_of(row, claims)
        source, value = sources[claim["source"]], claim["figure"]["date"]
        text = flat(row.css_first(".qq-chart-source").text())
        assert as_of(value, LANGUAGE) in text, text
        if source.meta["date"].value != value:
            assert say("chart_written", LANGUAGE, date=dated(source, LANGUAGE)) in text, text
        else:
            assert text.count(human_date(value, LANGUAGE)) == 1 and dated(source, LANGUAGE) in text, text
            said_once += 1
    assert said_once


def mark_end(svg) -> float:
    """Where a row's dot, or the end of its bar, falls on the scale."""
    mark = svg.css_first(".qq-chart-dot, .qq-chart-bar")
    return float(mark.attributes.get("cx") or float(mark.attributes["x"]) + float(mark.attributes["width"]))


def test_a_lower_bound_on_a_chart_is_drawn_with_an_arrow_towards_more(built, pages):
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    rows = [(row, bound_of(row, claims)) for row in pages["figures/"].css("li.qq-chart-row")]
    assert any(kind == "lower" for _, kind in rows)
    for row, kind in rows:
        assert ("qq-bound-lower" in classes(row)) == (kind == "lower"), row.text()
        if kind == "lower":
            svg = row.css_first("svg")
            tip = float(svg.css_first("polygon.qq-chart-arrowhead").attributes["points"].split(",")[0])
            assert svg.css_first("line.qq-chart-arrow") is not None and tip > mark_end(svg), row.text()
            assert tip - mark_end(svg) <= ARROW, "a long arrow reads as 'up to the end of the scale'"
            assert words(LANGUAGE)["chart_key_lower"] in row.parent.parent.css_first("figcaption").text(), row.text()


def test_the_home_page_says_what_the_site_name_means(pages):
    """The explanation is the page's own note (p.qq-about in docs/index.md): it is there and names the site."""
    about = pages[""].css_first("article .qq-about")
    assert about is not None and CONFIG["site_name"] in about.text()


def test_the_home_page_has_one_start_here_card_per_what_happened_page(pages):
    topics = next(item["What happened"] for item in CONFIG["nav"] if isinstance(item, dict) and "What happened" in item)
    links = [card.css_first("a") for card in pages[""].css("article .qq-cards > ul > li")]
    assert all(link is not None and flat(link.text()) for link in links)
    assert sorted(link.attributes["href"] for link in links) == sorted(page_url(*topic.values()) for topic in topics)


def test_the_home_page_shows_what_the_sources_do_not_tell_us(built, pages):
    """Named, with an item at least, and visible: in no details block, no hidden attribute, no CSS hiding it."""
    box = pages[""].css_first("article aside.qq-gaps")
    assert box is not None and accessible_name(pages[""], box)
    assert [item for item in box.css("li") if flat(item.text())]
    while box.tag != "html":
        assert box.tag != "details" and not {"hidden", "aria-hidden"} & set(box.attributes), box.tag
        box = box.parent
    css = (built / "assets" / "citations.css").read_text(encoding="utf-8")
    for rule in re.findall(r"[^{}]*qq-gaps[^{}]*\{[^}]*\}", css):
        assert not re.search(r"display:\s*none|visibility:\s*hidden", rule), rule


def test_a_generated_page_that_marks_a_date_says_what_the_mark_means_and_only_then(pages):
    marks = {basis: f"({words(LANGUAGE)['date_marks'][basis]})" for basis in ("inferred", "supplied")}
    for url in ("sources/", "figures/"):
        intro = flat(pages[url].css_first("article p").text())
        text = flat(pages[url].css_first("article").text()).replace(intro, "")
        for basis, mark in marks.items():
            assert (mark in text) == (words(LANGUAGE)[f"date_notes.{basis}"] in intro), (url, basis)
