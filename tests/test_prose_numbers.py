"""A cited block states no number that the passages it cites do not state (macros/pages/prose_numbers.py):
"About 10,000 people were killed" may not end on a citation of "At least 238 people were killed." Numbers are
compared as numbers, days and years included. Checked by the static pass on tiny projects."""
from __future__ import annotations

import hashlib

import pytest

from macros.check import check_project
from tests.conftest import FIXTURES, make_project

HINT = "give the number with figure(), or cite the passage that states it"
# a second source whose passage states a year, a grouped and an ungrouped number
BETA = ("The Beta Post\n\nIn 2019 some 5000 people marched, and 1,000 were held on 6 January, said the reporter's "
        "notes.\n")


def problems(tmp_path, body: str, language: str | None = None) -> list[str]:
    project = make_project(tmp_path / "project", {"index.md": f"# T\n\n{body}\n"})
    seeds = project / "seeds"
    (seeds / "beta.txt").write_text(BETA, encoding="utf-8")
    entry = (FIXTURES / "mini" / "seeds" / "catalogue.yml").read_text(encoding="utf-8")
    beta = entry.replace("id: alpha", "id: beta").replace("alpha.txt", "beta.txt").replace("Alpha Gazette", "Beta Post")
    (seeds / "catalogue.yml").write_text(entry + beta.replace('"2022-01-07"', '"2020-03-01"'), encoding="utf-8")
    sums = "".join(f"{hashlib.sha256((seeds / name).read_bytes()).hexdigest()}  {name}\n"
                   for name in ("alpha.txt", "beta.txt"))
    (seeds / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return [str(problem) for problem in check_project(project, language=language).problems
            if "is never cited" not in problem.rule]


def missing(number: str, line: int = 3) -> str:
    return f"docs/index.md:{line}: number not in the passages it cites — {number!r} — {HINT}"


ALPHA = '{{ cite("alpha", "At least 238 people were killed") }}'
BETA_CITE = '{{ cite("beta", "In 2019 some 5000 people marched, and 1,000 were held on 6 January") }}'


@pytest.mark.parametrize("body, expected", [
    # the attack: a number of the prose, a real citation of another
    (f"About 10,000 people were killed, according to the Gazette.{ALPHA}", [missing("10,000")]),
    # a number word, a day and a year the passage does not state
    (f"Ten thousand marched on 7 January.{BETA_CITE}", [missing("7"), missing("Ten")]),
    (f"They marched in 2018.{BETA_CITE}", [missing("2018")]),
    # each citation counts for its own block only
    (f"{ALPHA}\n\nAbout 10,000 people marched.{BETA_CITE}", [missing("10,000", 5)]),
    # compared as numbers: the site writes "5,000" for the passage's "5000"; and days and years it states
    (f"Some 5,000 people marched in 2019, and 1000 were held on 6 January.{BETA_CITE}", []),
    (f"At least 238 people were killed.{ALPHA} Some 5000 marched.{BETA_CITE}", []),
    # a figure's number and a quote's words are the engine's, checked against their passage already
    ('Killed: {{ figure("alpha", "At least 238 people were killed", "238", kind="deaths", date="2022-01-07", '
     'qualifier="at least") }}, said {{ quote("alpha", "the reporter’s notes") }}.', []),
    # code and a link's address are not the prose's words
    (f"Run `make serve 8000` and read [the toll](crackdown.md#10000).{ALPHA}", []),
    # a year of the cited source's date dates what it reports ("in January 2022": the Gazette is of 2022-01-07)
    (f"In January 2022, at least 238 people were killed.{ALPHA}", []),
    (f"On 7 January, the Gazette (2022): at least 238 people were killed.{ALPHA}", []),
    # but only as a date: before a word it is a count, and a day without its month is one (attack round 6, 45)
    (f"In all 2022 people were killed, 7 of them children.{ALPHA}", [missing("2022"), missing("7")]),
])
def test_a_cited_block_states_only_its_passages_numbers(tmp_path, body, expected):
    assert problems(tmp_path, body) == expected
