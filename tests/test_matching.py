import pytest

from macros.corpus.matching import MAX_LENGTH, MAX_PARTS, Failure, align, find_passage
from macros.corpus.text import normalise, split_paragraphs

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


def test_quote_across_paragraphs_names_both_paragraphs_and_the_closest_passage():
    failure = find("on 5 January. Twice said. Twice said. Last")
    assert failure == Failure("across-paragraphs", "it runs across paragraphs 2, 3 and 4; a quote must lie within "
                                                   "one paragraph — closest passage, paragraph 3: "
                                                   "\"Twice said. Twice said.\"")


def test_typo_reports_the_closest_passage():
    failure = find("said the reporters notes")
    assert failure.reason == "not-found"
    assert failure.detail == 'closest passage, paragraph 2: "said the reporter’s notes"'


@pytest.mark.parametrize("passage", ["", "  ", "a …… b"])
def test_empty_passages_and_parts_are_errors(passage):
    assert find(passage).reason == "empty"


def test_case_matters():
    assert isinstance(find("opening line."), Failure)


def test_alignments_are_counted_up_to_two():
    assert align("a b a b", ["a", "b"]).ways == 2  # a(0) b(2), a(0) b(6), a(4) b(6): ambiguous
    assert align("a b c", ["a", "c"]) .ways == 1
    assert align("a b c", ["c", "a"]).ways == 0
    assert align("x a x b x", ["a", "b"]).spans == ((2, 3), (6, 7))
    assert align("xaxbx", ["a", "b"], whole=False).spans == ((1, 2), (3, 4))


def test_the_work_of_matching_grows_with_paragraph_times_passage_not_with_the_ways():
    """Nine elisions of a word a paragraph repeats 400 times: C(400, 9) ways, two searches a part."""
    text = " ".join(["said"] * 400)
    parts = ["said"] * MAX_PARTS
    alignment = align(text, parts)
    assert alignment.ways == 2
    assert alignment.steps <= 2 * len(parts)


def test_a_passage_longer_than_the_limit_is_refused_before_matching():
    assert find("x" * (MAX_LENGTH + 1)).reason == "too-long"
    assert find(" … ".join(["said"] * (MAX_PARTS + 1))).reason == "too-long"


@pytest.mark.parametrize("passage, words", [
    ("aid the reporter’s notes", "said the reporter’s notes"),  # starts between two letters
    ("Shal, ket!” was the cr", "Shal, ket!” was the cry"),  # ends between two letters
    ("on 5 Jan", "on 5 January"),
    ("said the … notes on 5 Januar", "said the … notes on 5 January"),  # each part of an elided passage
    ("ry, said … notes", "cry, said … notes"),
])
def test_a_part_cut_inside_a_word_is_refused_with_the_whole_words(passage, words):
    assert find(passage) == Failure("cut", "it starts or ends inside a word or a number; the whole words there, "
                                           f'paragraph 2: "{words}"')


def test_a_passage_may_start_or_end_at_punctuation():
    assert find("ket!” was the cry,").passage == "ket!” was the cry,"
    assert find("notes on 5 January.").passage == "notes on 5 January."


@pytest.mark.parametrize("text, passage", [("At least 238 people", "38 people"),
                                           ("At least 2,238 people", "238 people"),
                                           ("over 2.7 million", "7 million"), ("over 2.7 million", "over 2."),
                                           ("of 2,238 people", "of 2,2"), ("of 2,238 people", ",238 people")])
def test_a_part_never_starts_or_ends_inside_a_number(text, passage):
    paragraphs = split_paragraphs(text)
    assert find_passage(paragraphs, [normalise(p.text) for p in paragraphs], passage).reason == "cut"


def test_an_occurrence_cut_inside_a_word_neither_matches_nor_makes_a_passage_ambiguous():
    paragraphs = split_paragraphs("The cat sat on the cattle.")
    match = find_passage(paragraphs, [normalise(p.text) for p in paragraphs], "cat")
    assert match.spans == ((4, 7),)


@pytest.mark.parametrize("text, passage", [("drive out anti-Russian NGOs", "drive out … Russian NGOs"),
                                           ("drive out anti-Russian NGOs", "drive out anti"),
                                           ("as Nazarbayev’s puppet", "as Nazarbayev"),
                                           ("as Nazarbayev’s puppet", "s puppet"),
                                           ("its 30-year history", "its 30")])
def test_a_part_never_starts_or_ends_inside_a_word_joined_by_a_hyphen_or_an_apostrophe(text, passage):
    paragraphs = split_paragraphs(text)
    assert find_passage(paragraphs, [normalise(p.text) for p in paragraphs], passage).reason == "cut"


@pytest.mark.parametrize("text, passage", [("the ‘terrorists’ came", "terrorists"),
                                           ("the ‘terrorists’ came", "‘terrorists’"),
                                           ("a vast country – the ninth", "a vast country"),
                                           ("its 30-year history", "30-year history")])
def test_a_quotation_mark_or_a_spaced_dash_is_no_joiner(text, passage):
    paragraphs = split_paragraphs(text)
    assert find_passage(paragraphs, [normalise(p.text) for p in paragraphs], passage).passage == passage
