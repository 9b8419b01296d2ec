"""Rules a source must keep when it is added: `stated` means stated, one catalogue entry per seed file,
no near copy of another source, no control characters in its text, no format characters in the catalogue.
Each broken sample is a copy of the mini fixture's seeds, changed, and loaded as the static pass loads it."""
import hashlib

import pytest

from macros.corpus import load_corpus
from macros.corpus.stated import holds, stated_problems
from tests.conftest import ROOT
from tests.test_corpus import messages, seeds  # noqa: F401 (seeds is the fixture: a copy of the mini seeds)

BETA = """- id: beta
  file: beta.txt
  title: {value: Beta, basis: supplied, note: "A test fixture."}
  publisher: {value: null, basis: unknown}
  author: {value: null, basis: unknown}
  date: {value: "2022-01-08", basis: supplied, note: "A test fixture."}
  genre: {value: test fixture, basis: supplied, note: "A test fixture."}
  language: {value: English, basis: supplied, note: "A test fixture."}
  licence: "Written for the tests."
  republish: true
"""


def add_seed(seeds, name: str, data: bytes, entry: str = BETA) -> None:
    """A new seed file with its checksum line and its catalogue entry, as CONTRIBUTING says."""
    (seeds / name).write_bytes(data)
    with open(seeds / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(data).hexdigest()}  {name}\n")
    with open(seeds / "catalogue.yml", "a", encoding="utf-8") as catalogue:
        catalogue.write(entry.replace("beta.txt", name))


def change_catalogue(seeds, old: str, new: str) -> None:
    catalogue = seeds / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    assert old in text
    catalogue.write_text(text.replace(old, new), encoding="utf-8")


HINT = "or use basis: inferred with a note on how it was worked out"


@pytest.mark.parametrize("old, new, expected", [
    ("    basis: inferred\n    evidence: \"said the reporter's notes\"",
     "    basis: stated\n    evidence: \"said the reporter's notes\"",
     "seeds/catalogue.yml:13: 'author' is stated but its evidence does not contain it — 'unsigned' is not in "
     "\"said the reporter's notes\" as whole words — quote a passage that contains it, " + HINT),
    ("    value: The Alpha Gazette\n", "    value: The Alpha Gazette Weekly\n",
     "seeds/catalogue.yml:6: 'title' is stated but its evidence does not contain it — 'The Alpha Gazette Weekly' "
     "is not in 'The Alpha Gazette' as whole words — quote a passage that contains it, " + HINT),
    ("    value: The Alpha Gazette\n", "    value: Alpha Gaz\n",
     "seeds/catalogue.yml:6: 'title' is stated but its evidence does not contain it — 'Alpha Gaz' is not in "
     "'The Alpha Gazette' as whole words — quote a passage that contains it, " + HINT),
    ('    basis: supplied\n    note: "A test fixture."', '    basis: stated\n    evidence: "arrived on 6 January."',
     "seeds/catalogue.yml:18: 'date' is stated but its evidence does not give it — '2022-01-07': 'arrived on 6 "
     "January.' lacks the day 7 and the year 2022 beside January — quote a passage that gives its day, month and "
     "year together, " + HINT),
    ('    value: "2022-01-07"\n    basis: supplied\n    note: "A test fixture."',
     '    value: "2022-01-06"\n    basis: stated\n    evidence: "arrived on 6 January."',
     "seeds/catalogue.yml:18: 'date' is stated but its evidence does not give it — '2022-01-06': 'arrived on 6 "
     "January.' lacks the year 2022 beside 6 January — quote a passage that gives its day, month and year "
     "together, " + HINT),
])
def test_a_stated_field_whose_evidence_lacks_the_value_is_refused(seeds, old, new, expected):
    change_catalogue(seeds, old, new)
    assert messages(seeds) == [expected]


@pytest.mark.parametrize("evidence", ["Friday 07 January 2022 21:30 GMT", "on 7 January 2022", "January 7th, 2022",
                                      "Jan. 7, 2022", "the 7th of January, 2022", "JANUARY 7, 2022", "2022-01-07"])
def test_a_date_is_stated_in_the_usual_english_ways(evidence):
    assert list(stated_problems("date", "2022-01-07", evidence, 1)) == []


@pytest.mark.parametrize("value, evidence", [
    ("2022-01-07", "7 January"), ("2022-01-07", "January 2022, on the 7th"), ("2022-01-07", "17 January 2022"),
    ("2022-01-07", "7 June 2022"), ("2022-01", "in January"), ("2022-01", "may 2022"), ("2022", "in 12022"),
    ("2022", "2,022 people"), ("2022-05", "may 2022"),
])
def test_a_date_is_not_stated_by_part_of_it(value, evidence):
    assert len(list(stated_problems("date", value, evidence, 1))) == 1


def test_a_value_is_held_as_whole_words_ignoring_case_and_typography():
    assert holds("Editorial: Kazakhstan has been so mismanaged", "editorial")
    assert holds("Europe’s Edge is CEPA’s online journal", "Europe's Edge")
    assert not holds("Writer's pictureAnthi Makrogianni", "Anthi Makrogianni")
    assert not holds("At least 238 people", "38 people")


def test_a_second_entry_for_a_seed_file_is_refused_naming_both_entries(seeds):
    catalogue = seeds / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text + text.replace("id: alpha", "id: alpha-again"), encoding="utf-8")
    assert messages(seeds) == [
        "seeds/catalogue.yml:31: a second catalogue entry for the same seed file — 'alpha-again' (line 30) and "
        "'alpha' (line 1) both describe alpha.txt — each seed file has one entry: remove this one, and cite 'alpha'"]


def test_a_near_copy_of_a_source_is_refused_naming_it(seeds):
    copy = (seeds / "alpha.txt").read_bytes().replace(b"238", b"283")
    add_seed(seeds, "beta.txt", copy)
    assert messages(seeds) == [
        "seeds/catalogue.yml:30: source text is a near copy of another source — beta.txt ('beta') and alpha.txt "
        "('alpha', line 1) share 93% of the shorter text's 3-word runs — a source is added once: cite 'alpha'; a "
        "correction to its text is a maintainer's change (label source-correction)"]


def test_a_copy_padded_with_other_text_or_cut_short_is_a_near_copy_too(seeds):
    alpha = (seeds / "alpha.txt").read_bytes()
    add_seed(seeds, "beta.txt", alpha + b"\n\nA padding paragraph of words that the alpha text never holds.\n")
    add_seed(seeds, "gamma.txt", alpha.split(b"The same sentence")[0], BETA.replace("id: beta", "id: gamma"))
    assert [message.split(" — ")[1] for message in messages(seeds)] == [
        "beta.txt ('beta') and alpha.txt ('alpha', line 1) share 100% of the shorter text's 3-word runs",
        "gamma.txt ('gamma') and alpha.txt ('alpha', line 1) share 100% of the shorter text's 3-word runs"]


def test_a_copy_with_invisible_characters_inside_its_words_is_a_near_copy_too(seeds):
    alpha = (seeds / "alpha.txt").read_text(encoding="utf-8")
    hidden = " ".join(word[:1] + "\u200b" + word[1:] for word in alpha.split(" "))
    add_seed(seeds, "beta.txt", hidden.encode())
    assert [message.split(" — ")[0] for message in messages(seeds)] == [
        "seeds/catalogue.yml:30: source text is a near copy of another source"]


def test_a_copy_in_look_alike_letters_is_a_near_copy_too(seeds):
    """Cyrillic and Greek letters that look Latin, and fullwidth forms, read as the letters they look like
    (attack 52: every e, a, o, p and c of a copy made Cyrillic, its toll changed)."""
    alpha = (seeds / "alpha.txt").read_text(encoding="utf-8").replace("238", "2,380")
    look_alike = alpha.translate(str.maketrans("eaopcTOK", "еаорсΤΟＫ"))
    assert look_alike != alpha and "e" not in look_alike
    add_seed(seeds, "beta.txt", look_alike.encode())
    assert [message.split(" — ")[:2] for message in messages(seeds)] == [[
        "seeds/catalogue.yml:30: source text is a near copy of another source",
        "beta.txt ('beta') and alpha.txt ('alpha', line 1) share 93% of the shorter text's 3-word runs"]]


def test_a_source_on_the_same_events_in_other_words_is_not_a_copy(seeds):
    add_seed(seeds, "beta.txt", "The Beta Courier\n\nOn the square the crowd shouted, and the notes of a reporter "
             "record it. More than two hundred people died, and troops came on the sixth of January.\n".encode())
    assert messages(seeds) == []


def test_the_real_sources_are_far_from_each_other():
    from macros.corpus.copies import near_copies
    corpus, _ = load_corpus(ROOT / "seeds")
    assert list(near_copies(list(corpus.sources.values()))) == []


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\x0c"])
def test_a_control_character_in_a_seed_is_refused_with_its_line_and_code_point(seeds, char):
    add_seed(seeds, "beta.txt", f"The Beta Courier\n\nA second line.\nA bad{char}one.\n".encode())
    assert messages(seeds) == [
        f"seeds/beta.txt:4: seed text holds a control character — U+{ord(char):04X} — a seed text may hold tab, "
        "line feed and carriage return, no other control character: add the text without them, as a reader saw it"]


def test_tab_and_line_breaks_are_not_control_characters_here(seeds):
    add_seed(seeds, "beta.txt", b"The Beta Courier\r\n\r\n\tIndented, with Windows line ends.\r\n")
    assert messages(seeds) == []


def test_a_format_character_in_the_catalogue_is_refused(seeds):
    change_catalogue(seeds, "value: test fixture", "value: test\u202e fixture")
    assert messages(seeds) == [
        "seeds/catalogue.yml:20: bidirectional and invisible format characters are not allowed in the catalogue — "
        "U+202E — delete it; quote evidence that does not hold one"]


def test_the_real_seeds_hold_no_control_characters_and_the_catalogue_no_format_characters():
    from macros.corpus.characters import CONTROL, FORMAT
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        assert not CONTROL.search(path.read_text(encoding="utf-8")), path.name
    assert not FORMAT.search((ROOT / "seeds" / "catalogue.yml").read_text(encoding="utf-8"))


def test_the_message_asks_for_the_parts_the_date_has():
    [(_, _, found, hint)] = stated_problems("date", "2022", "in the twenties", 1)
    assert found == "'2022': 'in the twenties' lacks the year 2022"
    assert hint.startswith("quote a passage that gives its year, or")
    [(_, _, found, hint)] = stated_problems("date", "2022-01", "7 January 2021", 1)
    assert found == "'2022-01': '7 January 2021' lacks the year 2022 beside January"
    assert hint.startswith("quote a passage that gives its month and year together, or")
