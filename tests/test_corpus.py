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
                            "restore the original bytes")


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
     "seeds/catalogue.yml:3: evidence for 'title' is not a passage of alpha.txt — closest passage, paragraph 1: "
     "\"The Alpha Gazette\""),
    ("basis: unknown", "basis: guessed",
     "seeds/catalogue.yml:7: 'publisher' has an unknown basis — 'guessed' — use one of: stated, inferred, "
     "supplied, unknown"),
    ('value: "2022-01-07"', 'value: "7 Jan 2022"',
     "seeds/catalogue.yml:15: date must be YYYY, YYYY-MM or YYYY-MM-DD — '7 Jan 2022'"),
    ('    note: "No byline; a test fixture."\n', "",
     "seeds/catalogue.yml:10: 'author' is inferred but has no note — say how it was inferred or why it was supplied"),
    ("  republish: true\n", "  republish: true\n  colour: red\n",
     "seeds/catalogue.yml:30: unknown catalogue field — 'colour' — known fields: id, file, title, publisher, "
     "author, date, genre, language, licence, republish, short, url, note"),
    ("- id: alpha", "- id: Alpha Source",
     "seeds/catalogue.yml:1: source id must be lower-case words joined by '-' — 'Alpha Source'"),
])
def test_catalogue_rules(seeds, old, new, expected):
    catalogue = seeds / "catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    assert old in text
    catalogue.write_text(text.replace(old, new), encoding="utf-8")
    assert messages(seeds) == [expected]


def test_the_projects_own_seeds_match_their_checksums_and_catalogue():
    from tests.conftest import ROOT
    corpus, problems = load_corpus(ROOT / "seeds")
    assert problems == []
    assert len(corpus.sources) == 5
