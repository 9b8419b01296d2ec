"""The seeds catalogue and the integrity of the seed files."""
import shutil

import pytest

from macros.corpus import load_corpus
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini" / "seeds"


@pytest.fixture
def seeds(tmp_path):
    target = tmp_path / "seeds"
    shutil.copytree(MINI, target)
    return target


def messages(seeds):
    return [str(problem) for problem in sorted(load_corpus(seeds)[1])]


def test_the_fixture_catalogue_is_clean_and_records_how_each_field_is_known(seeds):
    corpus, problems = load_corpus(seeds)
    assert problems == []
    alpha = corpus.get("alpha")
    assert alpha.meta["title"].basis == "stated"
    assert alpha.meta["publisher"].value is None
    assert [p.number for p in alpha.paragraphs] == [1, 2, 3, 4, 5]


def test_a_changed_byte_in_a_seed_is_reported_against_the_checksum_line(seeds):
    path = seeds / "alpha.txt"
    path.write_bytes(path.read_bytes().replace(b"238", b"239"))
    [message] = messages(seeds)
    assert message.startswith("seeds/SHA256SUMS:1: seed file changed — alpha.txt has sha256 ")
    assert message.endswith("expected 3b64fd411469… — source texts are evidence and are never edited: "
                            "restore the original bytes (git checkout -- seeds/alpha.txt)")


def test_a_seed_without_entry_and_an_entry_without_seed(seeds):
    (seeds / "beta.txt").write_text("Beta.\n", encoding="utf-8")
    (seeds / "alpha.txt").rename(seeds / "gamma.txt")
    assert messages(seeds) == [
        "seeds/SHA256SUMS:1: listed seed file is missing — alpha.txt",
        "seeds/beta.txt:1: seed file has no catalogue entry — add an entry for it to seeds/catalogue.yml",
        "seeds/catalogue.yml:2: catalogue names a seed file that does not exist — 'alpha.txt'",
        "seeds/gamma.txt:1: seed file has no catalogue entry — add an entry for it to seeds/catalogue.yml",
    ]


@pytest.mark.parametrize("old, new, expected", [
    ('evidence: "The Alpha Gazette"\n  publisher', 'evidence: "The Beta Gazette"\n  publisher',
     "seeds/catalogue.yml:6: evidence for 'title' is not a passage of alpha.txt — 'The Beta Gazette' — closest "
     "passage, paragraph 1: \"The Alpha Gazette\""),
    ("basis: unknown", "basis: guessed",
     "seeds/catalogue.yml:9: 'publisher' has an unknown basis — 'guessed' — use one of: stated, inferred, "
     "supplied, unknown"),
    ('value: "2022-01-07"', 'value: "7 Jan 2022"',
     "seeds/catalogue.yml:15: date must be YYYY, YYYY-MM or YYYY-MM-DD — '7 Jan 2022'"),
    ('    note: "No byline; a test fixture."\n', "",
     "seeds/catalogue.yml:10: 'author' is inferred but has no note — say how it was inferred or why it was supplied"),
    ("  republish: true\n", "  republish: true\n  colour: red\n",
     "seeds/catalogue.yml:30: unknown catalogue field — 'colour' — known fields: id, file, title, publisher, "
     "author, date, genre, language, licence, republish, short, url, note, paragraphs"),
    ("  republish: true\n", "  republsh: true\n",
     ["seeds/catalogue.yml:1: catalogue entry lacks a field — republish",
      "seeds/catalogue.yml:29: unknown catalogue field — 'republsh' — did you mean 'republish'?"]),
    ("- id: alpha", "- id: Alpha Source",
     "seeds/catalogue.yml:1: 'id' must be lower-case words joined by '-' — 'Alpha Source'"),
    ("  republish: true\n", "  republish: true\n  url: javascript:alert(1)\n",
     "seeds/catalogue.yml:30: 'url' must be the original http(s) address — 'javascript:alert(1)'"),
    ("  republish: true\n", "  republish: yes please\n",
     "seeds/catalogue.yml:29: 'republish' must be true or false — 'yes please'"),
    ("  licence: \"Written", "  licence: [\"Written",
     "seeds/catalogue.yml:29: catalogue is not valid YAML — while parsing a flow sequence"),
    ("- id: alpha\n", "- id: &a alpha\n", "seeds/catalogue.yml:1: catalogue is not valid YAML — anchors and aliases "
                                          "(& and *) are not allowed"),
    ("    value: test fixture", "    value: !!binary dGVzdA==", "seeds/catalogue.yml:20: catalogue is not valid YAML — "
                                                               "tags are not allowed: found tag:yaml.org,2002:binary"),
    # YAML keeps the last of two keys; the build and make check-pr would read different entries (attack 51)
    ("  file: alpha.txt\n", "  file: alpha.txt\n  short: Alpha\n  short: Reuters\n",
     "seeds/catalogue.yml:4: catalogue is not valid YAML — the key 'short' is given twice (first 1 line above): YAML "
     "would keep only the last; keep one"),
    # a number Python cannot format (attack 99), in any base YAML reads: refused before it is made
    ('  licence: "Written for the tests; free to republish."', "  licence: 0x" + "f" * 6000,
     "seeds/catalogue.yml:28: catalogue is not valid YAML — a number 6,002 characters long: nothing here needs more "
     "than 30; write text in quotes"),
    ('  licence: "Written for the tests; free to republish."', "  licence: 0b" + "1" * 40,
     "seeds/catalogue.yml:28: catalogue is not valid YAML — a number 42 characters long: nothing here needs more "
     "than 30; write text in quotes"),
    ('  licence: "Written for the tests; free to republish."', "  licence: 1.0e+999999",
     "seeds/catalogue.yml:28: 'licence' must be a sentence of text — inf"),
])
def test_catalogue_rules(seeds, old, new, expected):
    catalogue = seeds / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    assert old in text
    catalogue.write_text(text.replace(old, new), encoding="utf-8")
    assert messages(seeds) == (expected if isinstance(expected, list) else [expected])


def test_the_projects_own_seeds_match_their_checksums_and_catalogue():
    from tests.conftest import ROOT
    corpus, problems = load_corpus(ROOT / "seeds")
    assert problems == []
    assert {source.file for source in corpus.sources.values()} == {path.name for path in (ROOT / "seeds").glob("*.txt")}


@pytest.mark.parametrize("lines, expected", [
    (["{digest}  alpha.txt", "{digest}  alpha.txt"],
     ["seeds/SHA256SUMS:2: a second checksum line for the same file — alpha.txt (first on line 1) — keep one line "
      "per file"]),
    (["{digest}  alpha.txt", "not a checksum"],
     ["seeds/SHA256SUMS:2: malformed checksum line — 'not a checksum' — write '<sha256>  <file name>', as "
      "`sha256sum <file>` prints it inside seeds/"]),
    (["{digest}  alpha.txt", "{digest}  ../../etc/passwd"],
     ["seeds/SHA256SUMS:2: checksum line names a file outside seeds/ — '../../etc/passwd' — list each seed file by "
      "its plain name"]),
    (["{digest}  alpha.txt", "{digest}  gone.txt"], ["seeds/SHA256SUMS:2: listed seed file is missing — gone.txt"]),
])
def test_checksum_file_rules(seeds, lines, expected):
    digest = (seeds / "SHA256SUMS").read_text(encoding="utf-8").split()[0]
    (seeds / "SHA256SUMS").write_text("\n".join(lines).format(digest=digest) + "\n", encoding="utf-8")
    assert messages(seeds) == expected


def test_a_seed_that_is_not_utf8_is_an_error_not_a_traceback(seeds):
    import hashlib

    data = "Caf\u00e9\n\nmore".encode("latin-1")
    (seeds / "alpha.txt").write_bytes(data)
    (seeds / "SHA256SUMS").write_text(f"{hashlib.sha256(data).hexdigest()}  alpha.txt\n", encoding="utf-8")
    assert messages(seeds) == ["seeds/alpha.txt:1: seed file is not UTF-8 text — byte 0xe9 at offset 3 — add the "
                               "text as UTF-8, exactly as it was collected otherwise"]


def test_only_texts_the_catalogue_the_checksums_and_translated_words_belong_in_seeds(seeds):
    (seeds / "notes.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (seeds / "catalogue.en.yml").write_text("{}", encoding="utf-8")  # the catalogue's own words are English
    (seeds / "catalogue.kk.yml").write_text("{}", encoding="utf-8")  # a translation's: read by its edition
    listed = "only seed texts (.txt), catalogue.yml, SHA256SUMS and the translations' catalogue.<language>.yml " \
             "belong in seeds/ — remove the file, or add the text as a source (CONTRIBUTING.md)"
    assert messages(seeds) == [f"seeds/catalogue.en.yml:1: {listed}", f"seeds/notes.html:1: {listed}"]


def test_a_text_whose_paragraphs_are_single_lines_says_so_in_the_catalogue(seeds):
    catalogue = seeds / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "  paragraphs: lines\n", encoding="utf-8")
    corpus, problems = load_corpus(seeds)
    assert problems == []
    assert [p.text for p in corpus.get("alpha").paragraphs][-2:] == ["A closing paragraph – with a dash,",
                                                                      "and a line break inside it."]


def test_the_seeds_hold_at_most_a_limit_of_paragraphs_and_later_sources_are_not_read(seeds):
    import hashlib

    text = "a\n" * 50_001
    (seeds / "lines.txt").write_text(text, encoding="utf-8")
    with (seeds / "SHA256SUMS").open("a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(text.encode()).hexdigest()}  lines.txt\n")
    catalogue = seeds / "catalogue.yml"
    entry = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(entry + entry.replace("alpha", "lines") + "  paragraphs: lines\n" + entry.replace(
        "alpha", "later"), encoding="utf-8")
    corpus, problems = load_corpus(seeds)
    assert "seeds/lines.txt:1: the seeds hold more than 50,000 paragraphs — 50,006 up to this file — a paragraph " \
           "is a block of lines between blank lines; ask a maintainer to raise the limit" in map(str, problems)
    assert sorted(corpus.sources) == ["alpha", "lines"]
