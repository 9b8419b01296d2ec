"""One small broken sample per rule, built for real, compared with the exact list of messages.

In the style of python/peps' check-peps tests: each folder of tests/fixtures/broken/
holds the docs/ of a tiny site that breaks one rule the way a contributor would;
`good/` breaks none. Every sample runs through `mkdocs build --strict` (what CI
runs); the samples the static pass can see also run through check_project (what
`python -m macros.check` and pre-commit run), which must report the same lines.
"""
import hashlib

import pytest

from macros.check import check_project
from tests.conftest import FIXTURES, build, error_lines, make_project

SAMPLES = FIXTURES / "broken"
CITE = "cite the passage it rests on with cite(), quote(), blockquote() or figure() (CONTRIBUTING.md lists what is exempt)"
EDITED_SEED = "seed-edited"

STATIC = {
    "quote-typo": [
        "docs/index.md:3: passage not found in source 'alpha' — \"Shal, kat!\" — closest passage, paragraph 2: "
        "\"“Shal, ket!”\"",
    ],
    "quote-across-paragraphs": [
        "docs/index.md:3: passage spans two paragraphs of source 'alpha' — \"troops arrived on 6 January. The same "
        "sentence appears twice\" — it runs across paragraphs 3 and 4; a quote must lie within one paragraph — closest "
        "passage, paragraph 4: \"The same sentence appears twice\"",
    ],
    "only-citation-broken": [  # and not also "source 'alpha' is never cited"
        "docs/index.md:3: passage not found in source 'alpha' — \"At least 283 people were killed\" — closest "
        "passage, paragraph 3: \"At least 238 people were killed\"",
    ],
    "wrong-source-id": [
        "docs/index.md:3: unknown source 'alpha-gazette' — did you mean 'alpha'?",
    ],
    "figure-not-in-passage": [
        "docs/index.md:3: figure value is not in its passage — '283' — numbers in the passage: 238",
    ],
    "uncited-paragraph": [
        f"docs/index.md:5: paragraph without a citation — \"About two thousand troops arrived on 6 January.\" — {CITE}",
        f"docs/index.md:8: list item without a citation — \"Hundreds were killed.\" — {CITE}",
        "docs/index.md:9: list item without a citation — \"[Numbers](other.md): a page link next to a claim does not "
        f"make a list…\" — {CITE}",
        f"docs/index.md:13: table row without a citation — \"| Troops | about 2,000 |\" — {CITE}",
        f"docs/index.md:15: block quote without a citation — \"> The square was full.\" — {CITE}",
    ],
    "exemption-misspelt": [
        "docs/index.md:2: unknown value of front matter 'citations' — 'none' — write 'citations: exempt' on a page "
        "about the site, or remove the key",
    ],
    "jinja-literals": [  # what Jinja itself reads: a string escape of half a character, a number Python will not read
        "docs/count.md:3: template syntax error — a number of thousands of digits — macro arguments are literal "
        "strings: \"…\"",
        "docs/index.md:5: macro arguments must be text — a \\u escape of half a character (a lone surrogate): The "
        "cry on the square.{{ quote(\"alpha\", \"\\udc80Shal, ket!\") }} — write the character itself",
    ],
    EDITED_SEED: [
        "seeds/SHA256SUMS:1: seed file changed — alpha.txt has sha256 {actual}…, expected 3b64fd411469… — source "
        "texts are evidence and are never edited: restore the original bytes (git checkout -- seeds/alpha.txt)",
    ],
}

AFTER_BUILD = {
    "stale-anchor": [
        "docs/index.md:5: broken anchor — 'other.md#the-numbers' — page 'other/' has no id 'the-numbers'; ids close "
        "to it: 'numbers'",
    ],
    "renamed-page-raw-html": [
        "docs/casualties.md:5: broken link — '../deaths/' — nothing is built at 'deaths/'; link to an existing page's "
        ".md file",
    ],
    "missing-page": [
        "docs/index.md:5: broken link — 'numbers.md' — 'numbers.md' is not a page of the site; link to an existing "
        "page's .md file",
    ],
    "orphan-figure": [
        "docs/index.md:5: figure without a citation — '2,000' — write numbers with figure(), which checks them "
        "against a source and lists them on the figures page",
    ],
}


def sample(name, where):
    docs = SAMPLES / name / "docs"
    pages = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}
    project = make_project(where, pages)
    if name == EDITED_SEED:  # a contributor "fixes" the source's typography: one apostrophe, three bytes
        seed = project / "seeds" / "alpha.txt"
        seed.write_bytes(seed.read_bytes().replace("reporter’s".encode(), b"reporter's", 1))
    return project


def expected(name, project):
    if name != EDITED_SEED:
        return {**STATIC, **AFTER_BUILD}[name]
    actual = hashlib.sha256((project / "seeds" / "alpha.txt").read_bytes()).hexdigest()[:12]
    return [line.format(actual=actual) for line in STATIC[name]]


def test_every_sample_folder_is_tested():
    assert sorted(path.name for path in SAMPLES.iterdir()) == sorted({"good", *STATIC, *AFTER_BUILD})


def test_the_good_sample_passes_both_checks(tmp_path):
    project = sample("good", tmp_path / "project")
    assert check_project(project).problems == []
    result = build(project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", sorted(STATIC))
def test_the_static_pass_reports_exactly(name, tmp_path):
    project = sample(name, tmp_path / "project")
    assert [str(problem) for problem in check_project(project).problems] == expected(name, project)


@pytest.mark.parametrize("name", sorted(STATIC) + sorted(AFTER_BUILD))
def test_the_build_fails_with_exactly(name, tmp_path):
    project = sample(name, tmp_path / "project")
    result = build(project)
    assert result.returncode == 1
    assert error_lines(result) == expected(name, project)


@pytest.mark.parametrize("name", sorted(AFTER_BUILD))
def test_link_and_figure_samples_pass_the_static_pass(name, tmp_path):
    """What only the built site shows: the static pass finds nothing, the build does."""
    project = sample(name, tmp_path / "project")
    assert check_project(project).problems == []
