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
BY_HAND = "quotes, figures, markers and references are written by the citation macros, never by hand"
BLOCKQUOTE = "quote a source with blockquote(), which checks the passage and signs it; other words go in a paragraph"
FOOTNOTE = ("footnotes are the citation engine's — '{}' — a footnote's marker looks like a citation's: cite with "
            "cite(), quote(), blockquote() or figure(), which number and write the references")
ARIA = ("a screen reader reads what the page shows: write no role or aria-* attribute (a landmark — aside, section, "
        "nav — may name itself after its own heading with aria-labelledby)")
GLUED = ("a figure and its marker stand apart from other numbers: reword so that a word, not a letter, digit, sign "
         "or symbol, stands next to them")
CONTENT = "pages hold text, links, images and citations: see SECURITY.md"
QUOTATION = "quote a source with quote(), which checks it; in your own words use no quotation marks"
EDITED_SEED = "seed-edited"

CLASS = ("a page may use the layout classes qq-facts, qq-cards, qq-gaps, qq-about and qq-editors-note; the theme's, "
         "Markdown's and the engine's classes show checked or hidden things: see CONTRIBUTING.md")
NUMBER = ("headings, links, a table's header, code and an image's text are not cited, so they state no number (a year "
          "the page's references state may date the events, as in “January 2022” or “before 2022”): give the number "
          "in cited text, with figure()")
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
    "figure-says-more-than-its-passage": [  # a passage one character too late, and a figure's words from elsewhere
        "docs/index.md:3: passage cut inside a word in source 'alpha' — \"38 people were killed\" — it starts or ends "
        "inside a word or a number; the whole words there, paragraph 3: \"238 people were killed\"",
        "docs/index.md:5: figure passage does not say what kind 'deaths' counts — \"about 2,000 troops\" — the "
        "sentence that gives the number must hold one of: killed, died, dead, death toll, deaths, death of, lost "
        "their lives (macros/claims/figure_kinds.yml), within 8 words of it and nearer it than any other number of "
        "that sentence in the source: quote the words that say it, or choose another kind",
        "docs/index.md:7: figure qualifier is not the words right before its value — 'at least' — before 2,000 the "
        "passage reads \"were killed and about\": the qualifier is the source's words right before the number (a "
        "currency symbol may stand between), or none where it has none",
        "docs/index.md:9: figure subject is not in its passage — 'Belarus' — the subject is words of the passage or, "
        "written 'Belarus', a country the passage names by one of its forms in macros/claims/countries.yml (Belarus, "
        "Belarusian, Belarusians): quote the words that name it, with an elided part (…) from the same paragraph if "
        "they stand apart",
        "docs/index.md:11: figure unit holds digits — '000' — write the whole number as the figure's value, and as "
        "unit only the words that name what it counts",
        "docs/index.md:11: figure value is not in its passage — '2' — numbers in the passage: 2,000",
        "docs/index.md:13: event date does not agree with its passage — '2022-01-02' — the passage states: 6 January; "
        "date the event by what its passage says",
        # "killed" is the 238's, which the passage leaves out of its sentence
        "docs/index.md:15: figure passage does not say what kind 'deaths' counts — \"killed and about 2,000 troops\" — "
        "the sentence that gives the number must hold one of: killed, died, dead, death toll, deaths, death of, lost "
        "their lives (macros/claims/figure_kinds.yml), within 8 words of it and nearer it than any other number of "
        "that sentence in the source: quote the words that say it, or choose another kind",
        "docs/index.md:17: figure qualifier does not say what kind of number it is — 'were killed and about' — a "
        "qualifier is one wording of macros/claims/qualifiers.yml (a lower or upper bound, or an approximate number), "
        "the one the passage writes right before the number: give that wording alone, or add the source's wording "
        "there",
        "docs/index.md:19: block quote of words its source quotes from someone else — \"Shal, ket … was the cry on the "
        "square\" — the source puts these words in quotation marks, and blockquote() signs them as the source's own: "
        "use quote() in a sentence that names who said them",
    ],
    "uncited-paragraph": [
        f"docs/index.md:5: paragraph without a citation — \"About two thousand troops arrived on 6 January.\" — {CITE}",
        f"docs/index.md:8: list item without a citation — \"Hundreds were killed.\" — {CITE}",
        "docs/index.md:9: list item without a citation — \"[Numbers](other.md): a page link next to a claim does not "
        f"make a list…\" — {CITE}",
        f"docs/index.md:13: table row without a citation — \"| Troops | about 2,000 |\" — {CITE}",
        f"docs/index.md:15: block quote not written by blockquote() — \"> The square was full.\" — {BLOCKQUOTE}",
        f"docs/index.md:15: block quote without a citation — \"> The square was full.\" — {CITE}",
    ],
    "footnote-and-block-quote-by-hand": [  # a page footnote redefining the engine's reference 2, a marker for 1
        "docs/index.md:5: " + FOOTNOTE.format("[^qq1]"),
        "docs/index.md:5: number not in the passages it cites — 'qq1' — give the number with figure(), or cite the "
        "passage that states it",
        "docs/index.md:7: block quote not written by blockquote() — \"> The square was full.{{ cite(\"alpha\", \"was "
        f"the cry on the square\") }}…\" — {BLOCKQUOTE}",
        "docs/index.md:12: " + FOOTNOTE.format("[^qq2]"),
        # Python-Markdown makes a footnote's definition an item of the footnotes' list
        "docs/index.md:12: list item without a citation — \"[^qq2]: The Alpha Gazette · news: “3,000 people were "
        f"killed”\" — {CITE}",
        f"docs/index.md:12: quotation not in the passages it cites — '3,000 people were killed' — {QUOTATION}",
        # block quotes in raw HTML, the engine's class borrowed or not: the static pass reads the page's HTML
        "docs/index.md:15: block quote not written by blockquote() — \"The square stood empty by the evening.{{ "
        f"cite(\"alpha\", \"said the repo…\" — {BLOCKQUOTE}",
        "docs/index.md:19: block quote not written by blockquote() — \"A quotation of nobody in particular.{{ "
        f"cite(\"alpha\", \"A closing parag…\" — {BLOCKQUOTE}",
    ],
    "exemption-in-front-matter": [  # a page may not exempt itself: mkdocs.yml lists the pages about the site
        "docs/index.md:2: front matter may not set 'citations' — the pages exempt from citations are listed in "
        "mkdocs.yml (the citations plugin's 'exempt'), which only a maintainer changes: remove the key, and cite "
        "every paragraph or ask a maintainer",
    ],
    "jinja-literals": [  # what Jinja itself reads: a string escape of half a character, a number Python will not read
        "docs/count.md:3: template syntax error — a number of thousands of digits — macro arguments are literal "
        "strings: \"…\"",
        "docs/index.md:5: macro arguments must be text — a \\u escape of half a character (a lone surrogate): The "
        "cry on the square.{{ quote(\"alpha\", \"\\udc80Shal, ket!\") }} — write the character itself",
    ],
    "number-in-editors-note": [  # a block exempt from citations would state the number uncited
        "docs/index.md:6: a block exempt from citations may not hold a number — 'the toll passed 300.' in 'What the "
        "sources do not tell us: whether the toll passed 30…' — a note about the site (class qq-editors-note) is "
        "not cited, so it states no number: give the number in cited text, with figure()",
    ],
    "numbers-in-uncited-text": [  # numbers in text that needs no citation, and raw HTML is text like any other
        f"docs/index.md:5: text exempt from citations may not hold a number — 'At least 3,000' in heading 'At least "
        f"3,000 people were killed' — {NUMBER}",
        f"docs/index.md:8: paragraph without a citation — \"<p>Verified</p>\" — {CITE}",
        "docs/index.md:15: a block exempt from citations may not hold a number — 'Ten' in 'Ten thousand were "
        "arrested, we hear.' — a note about the site (class qq-editors-note) is not cited, so it states no number: "
        "give the number in cited text, with figure()",
        f"docs/index.md:18: text exempt from citations may not hold a number — 'Killed: 3,000' in table header "
        f"'Killed: 3,000 Source' — {NUMBER}",
        f"docs/index.md:22: text exempt from citations may not hold a number — '2022' in heading '2022 protesters shot "
        f"dead' — {NUMBER}",
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
    "borrowed-looks": [  # the classes of checked or hidden things, a table of contents, a list's number
        f"docs/index.md:7: class not allowed in page content — 'admonition' on <div> — {CLASS}",
        f"docs/index.md:7: class not allowed in page content — 'success' on <div> — {CLASS}",
        f"docs/index.md:8: class not allowed in page content — 'admonition-title' on <p> — {CLASS}",
        "docs/index.md:22: a table of contents entry must read as its heading — 'Troops killed protesters' for the "
        "heading 'Protesters shot dead' — the page's contents show the heading's own text: remove data-toc-label",
        f"docs/index.md:24: attribute not allowed in page content — start on <ol> — {CONTENT}",
        f"docs/method.md:5: class not allowed in page content — 'headerlink' on <span> — {CLASS}",  # exempt pages too
        "docs/method.md:8: a code line may not hold 20 blanks in a row — 'make serve' then 25 blanks — a reader sees "
        "the code before the gap and copies what follows it too: write each command on its own line",
    ],
    "orphan-figure": [
        "docs/index.md:5: figure without a citation — '2,000' — write numbers with figure(), which checks them "
        "against a source and lists them on the figures page",
    ],
    "proof-marks-by-hand": [  # look-alikes of the engine's output, in raw HTML the static pass leaves to the build
        "docs/glued.md:3: quote without a citation — 'Leave now, old man!' — quote a source with quote(), which "
        "checks the passage against it",
        f"docs/glued.md:5: figure run together with the text beside it — 'At least 238' between '238' and '238' — "
        f"{GLUED}",
        f"docs/glued.md:7: figure run together with the text beside it — 'At least 238' between '238,' and ' dead,' "
        f"— {GLUED}",
        f"docs/glued.md:7: figure run together with the text beside it — 'At least 238' between 'troops' and '%.' "
        f"— {GLUED}",
        f"docs/glued.md:7: figure run together with the text beside it — 'about 2,000' between '−' and ' troops' — "
        f"{GLUED}",
        "docs/index.md:5: quote without a citation — 'Leave now, old man!' — quote a source with quote(), which "
        "checks the passage against it",
        "docs/index.md:7: references not written by the citation engine — 'References The Alpha Gazette · news: "
        f"“238 people were killed”' — {BY_HAND}",
        "docs/markers.md:3: broken anchor — '#fn:qq9' — page 'markers/' has no id 'fn:qq9'; ids close to it: "
        "'fn:qq4', 'fn:qq3', 'fn:qq2'",
        f"docs/markers.md:3: marker without a citation in claims.json — markers/#fnref:qq9 '9' — {BY_HAND}",
        f"docs/markers.md:5: marker without a citation in claims.json — markers/ '6' — {BY_HAND}",
        f"docs/markers.md:7: footnote link not written by a citation macro — markers/#fn:qq1 'the first reference' — "
        f"{BY_HAND}",
        f"docs/markers.md:9: passage of a reference not written by its citation — '238 people were killed' — "
        f"{BY_HAND}",
        "docs/markers.md:9: the tooltip's id and class belong to qq-tooltips.js — 'The Alpha Gazette · news: 238 "
        f"people were killed' — {BY_HAND}",
    ],
    "engine-output-by-hand": [  # a chart, a glossary card, labels, a signature, a correction, a link to a reference
        "docs/index.md:3: <svg> elements are drawn only by the engine's visuals — <svg> '2,000 troops' — charts "
        "and maps are drawn from the citations by visual(); write a number with figure(), which puts it on the "
        "figures page's charts",
        "docs/index.md:5: <abbr> not written by the glossary — \"the gazette's man\" titled 'A general sent by "
        "Moscow to command the troops.' — the glossary marks a name's first mention with its card from "
        "docs/people.md: write the name as plain text, and describe people in docs/people.md",
        f"docs/index.md:7: role and aria-* attributes are the engine's — aria-label='at least 10,412' on <span> — "
        f"{ARIA}",
        f"docs/index.md:7: role and aria-* attributes are the engine's — role='img' on <span> — {ARIA}",
        f"docs/index.md:11: <cite> elements are not allowed in page content — <cite> — {CONTENT}",
        f"docs/index.md:13: <del> elements are not allowed in page content — <del> — {CONTENT}",
        f"docs/index.md:13: <ins> elements are not allowed in page content — <ins> — {CONTENT}",
        "docs/index.md:15: link to a citation's marker or reference through a page path — 'other/#fn:qq1' — a "
        "marker and its reference are the citation engine's: link to the page, or to a heading of it (the maps "
        "and timelines link to the markers)",
        "docs/index.md:15: title attributes are the engine's — title='Confirmed by the ministry: 30,000 troops' on "
        "<a> — a title is a tooltip over the page's words: say it in cited text instead",
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
