"""Parity of a translated page with its English original (macros/claims/parity.py): block by block, the same
evidence; the messages name both files' lines."""
from __future__ import annotations

from macros.claims.parity import (HINT, MISSING_RULE, ORDER_HINT, ORDER_RULE, RULE, SECTION_HINT, SECTION_RULE,
                                  CitedBlock, Evidence, PageEvidence, blocks_of,
                                  page_evidence, parity_problems, to_review)
from macros.claims import Verifier
from macros.corpus import load_corpus
from macros.pages.converter import markdown_converter
from macros.pages.rendered import render
from macros.sitecheck import read_config
from tests.conftest import FIXTURES, ROOT, parse

KILLED = Evidence("alpha", 2, "At least 238 people were killed", "cite")
TROOPS = Evidence("alpha", 3, "about 2,000 troops arrived on 6 January", "figure", "2,000", "2022-01-06")
SHOUT = Evidence("beta", 1, "Shal, ket!", "quote")


def page(path: str, *blocks: tuple) -> PageEvidence:
    """(line, [evidence, in order], the heading's id if not "") of each block."""
    return PageEvidence(path, tuple(CitedBlock(line, tuple(found), "", *section) for line, found, *section in blocks))


def told(original: PageEvidence, translation: PageEvidence) -> list[str]:
    return [str(problem) for problem in parity_problems(original, translation)]


ENGLISH = page("docs/crackdown.md", (3, [KILLED]), (7, [TROOPS, SHOUT]), (11, [KILLED]))


def test_the_same_evidence_block_by_block_passes_whatever_the_words():
    assert told(ENGLISH, page("docs/ru/crackdown.md", (4, [KILLED]), (9, [TROOPS, SHOUT]), (14, [KILLED]))) == []


def test_a_passage_the_original_block_does_not_cite_is_told_at_both_lines():
    assert told(ENGLISH, page("docs/ru/crackdown.md", (4, [KILLED]), (9, [TROOPS, KILLED]), (14, [KILLED]))) == [
        f"docs/ru/crackdown.md:9: {RULE} — cites {KILLED}, which docs/crackdown.md:7 does not — {HINT}",
        f"docs/ru/crackdown.md:9: {MISSING_RULE} — docs/crackdown.md:7 cites {SHOUT}, which this block does not "
        f"— {HINT}"]


def test_the_same_citations_in_another_order_are_told_at_the_first_place_they_differ():
    assert told(ENGLISH, page("docs/ru/crackdown.md", (4, [KILLED]), (9, [SHOUT, TROOPS]), (14, [KILLED]))) == [
        f"docs/ru/crackdown.md:9: {ORDER_RULE} — its citation 1 is {SHOUT}, where docs/crackdown.md:7 has {TROOPS} "
        f"— {ORDER_HINT}"]


def test_a_copy_of_a_citation_counts_as_a_citation_more_or_fewer():
    assert told(ENGLISH, page("docs/ru/crackdown.md", (4, [KILLED, KILLED, KILLED]), (9, [TROOPS, SHOUT]),
                              (14, [KILLED]))) == [
        f"docs/ru/crackdown.md:4: {RULE} — cites {KILLED} 3 times, which docs/crackdown.md:3 cites once — {HINT}"]
    doubled = page("docs/crackdown.md", (3, [KILLED, KILLED]))
    assert told(doubled, page("docs/ru/crackdown.md", (4, [KILLED]))) == [
        f"docs/ru/crackdown.md:4: {MISSING_RULE} — docs/crackdown.md:3 cites {KILLED} twice, which this block cites "
        f"once — {HINT}"]


def test_a_block_under_another_heading_is_told_though_it_cites_the_same():
    english = page("docs/people.md", (3, [KILLED], "tokayev"), (7, [SHOUT], "nazarbayev"))
    assert told(english, page("docs/ru/people.md", (3, [KILLED], "nazarbayev"), (7, [SHOUT], "tokayev"))) == [
        f"docs/ru/people.md:{line}: {SECTION_RULE} — it stands under the heading {{ #{ours} }}, where "
        f"docs/people.md:{line} stands under the heading {{ #{theirs} }} — {SECTION_HINT}"
        for line, ours, theirs in ((3, "nazarbayev", "tokayev"), (7, "tokayev", "nazarbayev"))]
    assert told(english, page("docs/ru/people.md", (3, [KILLED], "tokayev"), (7, [SHOUT], "nazarbayev"))) == []


def test_a_figure_value_or_an_event_date_that_differs_is_a_difference():
    other_value = Evidence(*[getattr(TROOPS, name) for name in ("source", "paragraph", "passage", "kind")],
                           "2000", TROOPS.date)
    problems = told(ENGLISH, page("docs/ru/crackdown.md", (4, [KILLED]), (9, [other_value, SHOUT]), (14, [KILLED])))
    assert [problem.split(" — ")[0] for problem in problems] == [f"docs/ru/crackdown.md:9: {RULE}",
                                                                 f"docs/ru/crackdown.md:9: {MISSING_RULE}"]
    assert "value 2000" in problems[0] and "value 2,000 date 2022-01-06" in problems[1]


def test_a_block_added_to_the_original_is_told_once_and_the_blocks_after_it_still_pair():
    translation = page("docs/ru/crackdown.md", (4, [KILLED]), (14, [KILLED]))
    assert told(ENGLISH, translation) == [
        f"docs/ru/crackdown.md:4: {MISSING_RULE} — docs/crackdown.md:7 cites {cited}, which this page does not — "
        f"{HINT}" for cited in (TROOPS, SHOUT)]  # in the order of the evidence: source, paragraph, passage


def test_a_block_the_translation_adds_is_told_at_its_line():
    translation = page("docs/ru/crackdown.md", (4, [KILLED]), (6, [SHOUT]), (9, [TROOPS, SHOUT]), (14, [KILLED]))
    assert told(ENGLISH, translation) == [
        f"docs/ru/crackdown.md:6: {RULE} — cites {SHOUT}, which docs/crackdown.md does not cite there — {HINT}"]


def test_a_block_missing_at_the_top_of_the_translation_has_no_line_rather_than_a_guess():
    problems = parity_problems(ENGLISH, page("docs/ru/crackdown.md", (9, [TROOPS, SHOUT]), (14, [KILLED])))
    assert [(problem.line, problem.rule) for problem in problems] == [(0, MISSING_RULE)]


def test_a_pages_blocks_are_read_from_its_html_with_the_claims_of_their_calls():
    page, _ = parse('# T\n\nThe toll.{{ cite("alpha", "At least 238 people were killed") }}\n\n'
                    '- Troops.{{ cite("alpha", "about 2,000 troops arrived on 6 January") }}\n'
                    '- [Home](index.md)\n\nA note with no citation.\n')
    corpus, problems = load_corpus(FIXTURES / "mini" / "seeds", "seeds")
    claims, problems = Verifier(corpus).verify("p.md", page.calls)
    assert problems == []
    rendered = render(page, markdown_converter(read_config(ROOT)["markdown_extensions"]))
    evidence = page_evidence("docs/p.md", blocks_of(rendered, claims))
    assert [(block.line, sorted(" ".join(cited.passage.split()) for cited in block.evidence))
            for block in evidence.blocks] == [
        (3, ["At least 238 people were killed"]), (5, ["about 2,000 troops arrived on 6 January"])]


def reworded(evidence_page: PageEvidence, line: int, words: str) -> PageEvidence:
    return PageEvidence(evidence_page.path, tuple(CitedBlock(block.line, block.evidence, words)
                                                  if block.line == line else block for block in evidence_page.blocks))


def test_a_reworded_original_block_lists_its_translation_for_review_and_nothing_else():
    before = page("docs/crackdown.md", (3, [KILLED]), (7, [TROOPS, SHOUT]), (11, [KILLED]))
    now = reworded(page("docs/crackdown.md", (3, [KILLED]), (5, [SHOUT]), (8, [TROOPS, SHOUT]), (12, [KILLED])),
                   12, "Reworded.")
    translation = page("docs/ru/crackdown.md", (4, [KILLED]), (6, [SHOUT]), (9, [TROOPS, SHOUT]), (14, [KILLED]))
    assert to_review(before, now, translation) == [(14, 12)]  # the block added at 5 is parity's, not a review's
    assert to_review(now, now, translation) == []
