import pytest

from macros.matching import Failure, find_passage
from macros.text import normalise, split_paragraphs

TEXT = ("Opening line.\n\n"
        "“Shal, ket!” was the cry, said the reporter’s notes on 5 January.\n\n"
        "Twice said. Twice said.\n\n"
        "Last paragraph starts here\nand ends here.\n")


def find(passage):
    paragraphs = split_paragraphs(TEXT)
    return find_passage(paragraphs, [normalise(p.text) for p in paragraphs], passage)


def test_typed_straight_quotes_match_and_render_the_sources_characters():
    match = find('"Shal, ket!" was the cry')
    assert match.paragraph.number == 2
    assert match.passage == "“Shal, ket!” was the cry"


def test_whitespace_differences_match():
    assert find("the  reporter's\nnotes").passage == "the reporter’s notes"


def test_elisions_match_in_order_and_render_with_ellipsis():
    match = find("Shal, ket!” … reporter’s notes …")
    assert match.parts == ["Shal, ket!”", "reporter’s notes"]
    assert match.passage == "Shal, ket!” … reporter’s notes …"


def test_elisions_out_of_order_fail():
    failure = find("reporter’s notes … Shal, ket")
    assert failure == Failure("not-found", "each part occurs, but not in this order within one paragraph")


def test_ambiguous_passage_is_an_error_naming_the_paragraphs():
    failure = find("Twice said.")
    assert failure.reason == "ambiguous"
    assert "paragraph 3" in failure.detail


def test_quote_across_paragraphs_is_reported_as_such():
    assert find("on 5 January. Twice said. Twice said. Last").reason == "across-paragraphs"


def test_typo_reports_the_closest_passage():
    failure = find("said the reporters notes")
    assert failure.reason == "not-found"
    assert failure.detail == 'closest passage, paragraph 2: "said the reporter’s notes"'


@pytest.mark.parametrize("passage", ["", "  ", "a …… b"])
def test_empty_passages_and_parts_are_errors(passage):
    assert find(passage).reason == "empty"


def test_case_matters():
    assert isinstance(find("opening line."), Failure)
