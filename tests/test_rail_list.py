"""/timeline/'s rail agrees with its list, in both editions: every entry of the list's dated sections is an
event(), so the rail can show its date; the rail shows each date once, in the list's order, in words no more
precise than the event's date, with its `when` ("About 2017", "By 7 Jan") in the edition's words; the home page's
strip names only the events dated to one of its days. Checked on the real pages, drawn as the build draws them
(visuals.draw), so that an event added as CONTRIBUTING says keeps every test green."""
from __future__ import annotations

import itertools

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.check import check_project
from macros.claims.details import WHEN
from macros.render import formats
from macros.render.interface import languages, words
from macros.render.visuals import draw
from macros.render.visuals.rail import DAYS, MONTH, TIMELINE, group_of
from tests.conftest import ROOT

EDITIONS = {"en": "docs", "ru": "docs-ru"}


@pytest.fixture(scope="module", params=sorted(EDITIONS))
def edition(request):
    language = request.param
    checked = check_project(ROOT, EDITIONS[language], translation=language != "en", language=language)
    assert not checked.problems, checked.problems[:3]
    events = sorted((claim for claim in checked.about_the_events() if claim.macro == "event"),
                    key=lambda claim: claim.call.line)  # the list's order: where each is written
    assert events and {event.page for event in events} == {TIMELINE}
    return language, checked, events


def drawn(name: str, edition) -> LexborHTMLParser:
    language, checked, _ = edition
    return LexborHTMLParser(draw(name, TIMELINE, checked.about_the_events(), None, language))


def written(date: str, when: str, language: str) -> str:
    """A date as the rail must write it: Babel's short date at the date's own precision, inside the edition's
    words for its `when`; a January event dated by its month alone, 'day not given'."""
    short = formats.date(date, language, short=True)
    if when:
        return words(language)["rail_when"][when].format(date=short)
    return words(language)["rail_day_not_given"] if date == MONTH else short


def test_every_entry_of_the_lists_dated_sections_is_an_event(edition):
    """A cited block under a heading that holds events dates itself with one: else the rail misses its date."""
    language, checked, events = edition
    blocks = sorted(checked.evidence[TIMELINE].blocks, key=lambda block: block.line)
    ends = [later.line for later in blocks[1:]] + [10 ** 9]  # a block's calls stand before the next block
    dated = {block: any(block.line <= event.call.line < end for event in events) for block, end in zip(blocks, ends)}
    sections = {block.section for block, has_event in dated.items() if has_event}
    assert sections
    undated = [block.line for block, has_event in dated.items() if block.section in sections and not has_event]
    assert not undated, f"{EDITIONS[language]}/{TIMELINE}: entries with no event() at lines {undated}"


def test_the_rail_shows_each_date_of_the_list_once_in_its_order_as_precise_as_the_entry(edition):
    language, _, events = edition
    rail = drawn("timeline", edition)
    marks = [(time.attributes["datetime"], " ".join(time.text().split())) for time in rail.css(".qq-rail-marks time")]
    expected = list(dict.fromkeys((event.detail["date"], event.detail.get("when") or "") for event in events))
    assert [stamp for stamp, _ in marks] == [date for date, _ in expected]
    assert [text for _, text in marks] == [written(date, when, language) for date, when in expected]
    assert len(set(marks)) == len(marks), "a date marked twice"


def test_a_qualified_mark_says_its_qualifier_and_no_more_than_its_date(edition):
    """'About 2017' keeps the entry's 'about'; 'By early 2023' names no month; 'By 7 Jan' no more than its day."""
    language, _, events = edition
    for event in events:
        date, when = event.detail["date"], event.detail.get("when") or ""
        text = written(date, when, language)
        if date == MONTH and not when:  # "Day not given", under the group's heading "January 2022"
            continue
        assert formats.date(date, language, short=True) in text
        if when:
            assert text != formats.date(date, language, short=True) and date.count("-") + 1 in WHEN[when]


def test_the_rails_groups_follow_the_list(edition):
    """A group's heading stands where the list passes from the dates before 2 January 2022 to the days and on."""
    language, _, events = edition
    rail, t = drawn("timeline", edition), words(language)
    headings = [" ".join(node.text().split()) for node in rail.css(".qq-rail-group")]
    runs = [key for key, _ in itertools.groupby(group_of(event.detail["date"]) for event in events)]
    assert headings == [t[key] for key in runs]
    assert runs == ["rail_earlier", "rail_days", "rail_later"], "the list keeps the rail's groups in date order"


def test_the_home_strip_names_only_the_events_of_its_days(edition):
    """An event dated 'by' a day may have happened before it: the strip, which says what happened on each day,
    leaves it out; each day with an event dated to it is there, in date order."""
    _, _, events = edition
    strip = drawn("timeline-strip", edition)
    shown = [time.attributes["datetime"] for time in strip.css(".qq-rail-day > time")]
    on_days = {event.detail["date"] for event in events if event.detail["date"] in DAYS and not event.detail.get("when")}
    assert shown == sorted(on_days)


@pytest.mark.parametrize("language", languages())
def test_every_edition_words_every_when(language):
    """Each `when` a call may give has the edition's words, around the date Babel writes."""
    assert set(words(language)["rail_when"]) == set(WHEN)
    assert all(pattern.count("{date}") == 1 for pattern in words(language)["rail_when"].values())
