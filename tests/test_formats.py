"""The site's own numbers and dates, written one way through Babel (macros/render/formats.py): en_GB's
patterns in English, the same calls in another locale for another edition; a passage keeps its digits."""
from __future__ import annotations

import json

import pytest
from babel.numbers import parse_decimal

from macros.render import formats
from macros.render.interface import locale_of, words
from macros.render.labels import as_of, dated, figure_dates, figure_text, human_date
from tests.conftest import LANGUAGE, ROOT


@pytest.mark.parametrize("language, expected", [
    ("en", ["5,000", "2.7", "6 January 2022", "January 2022", "2022", "6 Jan", "Aug 2020", "6 January"]),
    ("ru", ["5\xa0000", "2,7", "6 января 2022\u202fг.", "январь 2022\u202fг.", "2022", "6 янв.",
            "авг. 2020", "6 января"]),
])
def test_numbers_and_dates_follow_the_editions_locale(language, expected):
    """English is en_GB's day-month order ("6 January 2022"), not Babel's plain `en` ("January 6, 2022")."""
    assert [formats.number(5000, language), formats.number(2.7, language), formats.date("2022-01-06", language),
            formats.date("2022-01", language), formats.date("2022", language),
            formats.date("2022-01-06", language, short=True), formats.date("2020-08", language, short=True),
            formats.day_of_month("2022-01-06", language)] == expected


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_rails_short_dates_write_a_year_one_way_whatever_else_they_give(language):
    """One format for each granularity, from CLDR: a month's label is its abbreviated name and the year as a year
    alone is written («авг. 2020» beside «2021», never «авг. 2020 г.»: CLDR's ru puts «г.» after a month's year,
    not after a bare year); a day's is its day and month («6 янв.»), the year in the rail's group."""
    from babel.dates import get_month_names
    months = get_month_names("abbreviated", "stand-alone", locale=locale_of(language))
    for month in range(1, 13):
        label = formats.date(f"2020-{month:02}", language, short=True)
        year = formats.date("2020", language, short=True)
        assert year in label and label.replace(year, "").strip() == months[month], label
        assert not any(char.isalpha() for char in formats.date(f"2020-{month:02}-06", language, short=True)
                       .replace(get_month_names("abbreviated", "format", locale=locale_of(language))[month], ""))


def test_as_of_a_year_alone_takes_the_word_for_a_year_in_russian():
    """CLDR writes a year alone bare («2022») but a month with «г.»: «Данные на 2022» would lack «год»."""
    assert as_of("2022", "ru").endswith(" 2022 год")
    assert as_of("2022-01", "ru").endswith(" январь 2022\u202fг.")
    assert as_of("2022", "en").endswith(" 2022")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_figures_date_and_its_sources_are_said_once_where_they_are_one(language):
    """A card or chart row of /figures/: «Данные на январь 2022 г. · О Бэхайн, 7 января 2022 г. (дата выведена из
    текста)», but «Данные на 7 января 2022 г. (дата выведена из текста) · О Бэхайн», never the date twice; the
    source date's mark (how it is known) goes with it either way."""
    from macros.corpus import load_corpus
    for source in load_corpus(ROOT / "seeds")[0].sources.values():
        own = source.meta["date"].value
        if not own:
            continue
        mark = dated(source, language)[len(human_date(own, language)):]
        before, after = figure_dates(own, source, language)
        assert (before, after) == (as_of(own, language) + mark, "")
        other = "1991" if own[:4] != "1991" else "1990"
        before, after = figure_dates(other, source, language)
        assert before == as_of(other, language) and after == words(language)["chart_written"].format(
            date=dated(source, language))


def test_a_figure_is_written_the_sites_way_whatever_digits_its_passage_uses():
    for value, number in (("5000", 5000), ("5,000", 5000), ("2.7", 2.7)):
        figure = {"qualifier": "more than", "value": value, "number": number, "unit": ""}
        assert figure_text(figure, "en") == f"more than {formats.number(number, 'en')}"
    assert human_date("2022-01-06", "en") == formats.date("2022-01-06", "en")
    assert human_date(None, "en") == words("en")["undated"]


def test_every_chip_is_formatted_and_its_reference_keeps_the_passages_digits(built, pages):
    claims = json.loads((built / "claims.json").read_text(encoding="utf-8"))
    figures = [claim for claim in claims if "figure" in claim]
    assert figures
    for claim in figures:
        page = pages[claim["page"]]
        chip = page.css_first(f'[id="{claim["anchor"]}"]').prev
        while chip is not None and not chip.is_element_node:
            chip = chip.prev
        assert chip is not None and chip.text() == figure_text(claim["figure"], LANGUAGE), claim["anchor"]
        passage = page.css_first(f'[id="{claim["anchor"].replace("fnref:", "fn:")}"] q.qq-passage').text()
        assert claim["figure"]["value"] in passage, claim["anchor"]


def test_the_charts_and_the_rail_write_numbers_and_dates_through_formats(pages):
    ticks = [text.text() for text in pages["figures/"].css("svg.qq-chart-axis text")]
    locale = locale_of(LANGUAGE)
    assert ticks and all(formats.number(parse_decimal(tick, locale=locale), LANGUAGE) == tick for tick in ticks)
    marks = [time for tree in pages.values() for time in tree.css(".qq-rail time")]
    assert marks
    for time in marks:
        stamp = time.attributes["datetime"]
        day = formats.day_of_month(stamp, LANGUAGE) if stamp.count("-") == 2 else None
        short = formats.date(stamp, LANGUAGE, short=True)
        qualified = [pattern.format(date=short) for pattern in words(LANGUAGE)["rail_when"].values()]
        assert time.text() in (short, day, words(LANGUAGE)["rail_day_not_given"], *qualified), stamp
