"""Typed quotations: words in quotation marks in a page's own prose are words of a passage its block cites."""
import unicodedata

import pytest

from macros.check import check_project
from macros.claims import Verifier
from macros.claims.quotations import quotation_problems
from macros.corpus import load_corpus
from macros.pages.converter import markdown_converter
from macros.pages.exempt_text import exempt_text_problems
from macros.pages.rendered import render
from macros.quotation_marks import LISTED
from macros.sitecheck import read_config
from tests.conftest import FIXTURES, ROOT, parse

CORPUS, _ = load_corpus(FIXTURES / "mini" / "seeds")
CITE = '{{ cite("alpha", "At least 238 people were killed and about 2,000 troops arrived") }}'
MD = markdown_converter(read_config(ROOT)["markdown_extensions"])  # the site's own, as the static pass sets it up
HINT = "quote a source with quote(), which checks it; in your own words use no quotation marks"


def typed(body: str) -> list[str]:
    page, problems = parse(body)
    assert problems == []
    claims, problems = Verifier(CORPUS).verify("p.md", page.calls)
    assert problems == []
    return [str(problem) for problem in quotation_problems(page.path, render(page, MD), claims)]


def test_a_typed_quotation_that_no_cited_passage_has_is_refused_with_its_line():
    # round 3, attack 74: curly marks typed beside a checked quote look just like it
    body = ('Intro paragraph. ' + CITE + '\n\nThe president told the forces “shoot ten thousand of them if you '
            'must”,\nand {{ quote("alpha", "about 2,000 troops arrived") }} came.' + CITE)
    assert typed(body) == [f"docs/p.md:3: quotation not in the passages it cites — 'shoot ten thousand of them if "
                           f"you must' — {HINT}"]


@pytest.mark.parametrize("prose", [
    "Reports said “At least 238 people were killed”.",  # the passage's words
    'Reports said "about  2,000 troops" arrived.',  # plain marks, spacing folded as passages are matched
    "Reports said «238 people were killed».",
    "Reports said „about 2,000 troops“ arrived.",
    "Reports said “At least 238 … troops arrived”.",  # words left out, as in a passage
    "Nazarbayev’s men and the protesters’ square.",  # apostrophes are not quotation marks
    "Reports said ‹At least 238 people were killed›, ‘about 2,000 troops’ and ''troops arrived''.",
    "The “{{ quote(\"alpha\", \"about 2,000 troops\") }}” came.",  # a call's own words are checked by the call
    'See <a href="other.md" class="x">the other page</a>.',  # an attribute's value is no text of the block
    '<img src="x.png" o{# a comment #}nerror="alert(1)" alt="">',  # nor in a tag Jinja joins from pieces
])
def test_typed_quotations_of_the_cited_passage_pass(prose):
    assert typed(f"{prose} {CITE}") == []


@pytest.mark.parametrize("body, found", [
    (f"Reports said “at least 238 people”. {CITE}", "at least 238 people"),  # case kept, as passages are matched
    (f"Reports said “38 people were killed”. {CITE}", "38 people were killed"),  # cut inside a number
    (f"Reports said ”shoot them”. {CITE}", "shoot them"),  # any two marks
    (f"Reports said “shoot them all. {CITE}", "shoot them all. …"),  # an unclosed mark quotes to the block's end
    (f"- An item “shoot them” {CITE}", "shoot them"),
    (f"| 2022 | “shoot them” {CITE} |", "shoot them"),
    (f"Reports said “troops arrived on 6 January”. {CITE}", "troops arrived on 6 January"),  # the source, not cited
    (f'A <span class="x">“shoot them”</span> {CITE}', "shoot them"),  # inside a tag's text, not its attribute
    (f'A " “shoot them” {CITE}', "shoot them"),  # a stray mark before a quotation does not close it
    (f'A x=" “shoot them” {CITE}', "shoot them"),
    (f'A x="shoot them" y. {CITE}', "shoot them"),  # text typed like an attribute shows its marks as text does
    (f'A <a title="shoot them" {CITE}', "shoot them"),  # a tag left open is text, shown as typed
    # round 5, attack 28: every mark of Unicode's Quotation_Mark list quotes
    (f"Reports said ‹shoot them›. {CITE}", "shoot them"),
    (f"Reports said 「shoot them」. {CITE}", "shoot them"),
    (f"Reports said 『shoot them』. {CITE}", "shoot them"),
    (f"Reports said ‚shoot them‘. {CITE}", "shoot them"),
    (f"Reports said ‘shoot them’. {CITE}", "shoot them"),  # a single mark, closed by an apostrophe no letter follows
    (f"Reports said ''shoot them''. {CITE}", "shoot them"),  # two apostrophes
    (f"Reports said ＂shoot them＂. {CITE}", "shoot them"),
])
def test_typed_quotations_not_in_the_cited_passages_are_refused(body, found):
    assert typed(body) == [f"docs/p.md:1: quotation not in the passages it cites — '{found}' — {HINT}"]


def test_the_line_is_the_quotation_s_own_after_a_call_over_several_lines():
    body = f'Intro {{{{ cite("alpha",\n"At least 238 people") }}}} and\nthen “shoot them”.{CITE}'
    assert typed(body) == [f"docs/p.md:3: quotation not in the passages it cites — 'shoot them' — {HINT}"]


def test_a_passage_cited_by_another_block_does_not_count():
    body = f"{CITE}\n\nReports said “about 2,000 troops arrived”. {{{{ cite(\"alpha\", \"on 6 January\") }}}}"
    assert typed(body) == [f"docs/p.md:3: quotation not in the passages it cites — 'about 2,000 troops arrived' — "
                           f"{HINT}"]


def test_every_real_page_passes():
    assert [str(problem) for problem in check_project(ROOT).problems if "quotation" in problem.rule] == []


def test_the_quotation_marks_are_unicode_s_quotation_mark_characters_each_once():
    listed = [mark for key, marks in LISTED.items() if key != "lookalikes" for mark in marks]
    assert len(listed) == len(set(listed)) == 30  # PropList.txt's Quotation_Mark, Unicode 15.1
    names = [unicodedata.name(mark) for mark in listed]
    assert all(any(word in name for word in ("QUOTATION", "CORNER BRACKET", "APOSTROPHE")) for name in names), names


def test_the_look_alikes_are_no_quotation_mark_of_unicode_but_quote_as_one():
    lookalikes = LISTED["lookalikes"]
    assert len(lookalikes) == len(set(lookalikes)) and not set(lookalikes) & set(LISTED["marks"])
    assert typed(f"They were called ≪mercenaries≫ and 《foreign agents》, 〈bandits〉 and ″terrorists″.{CITE}") == [
        f"docs/p.md:1: quotation not in the passages it cites — '{word}' — {HINT}"
        for word in ("mercenaries", "foreign agents", "bandits", "terrorists")]


def test_every_character_unicode_names_a_quotation_mark_quotes_as_one():
    """By Unicode's names, not by a list of today's finds: its dingbat ornaments ❝…❞ and 🙶…🙷 too (round 7)."""
    from macros.quotation_marks import ALL
    named = {chr(point) for point in range(0x110000) if unicodedata.category(chr(point)) != "Cf"
             and "QUOTATION MARK" in unicodedata.name(chr(point), "")}
    assert named - set(ALL) == set()
    assert typed(f"They were called ❝foreign agents❞ and 🙶bandits🙷.{CITE}") == [
        f"docs/p.md:1: quotation not in the passages it cites — '{word}' — {HINT}"
        for word in ("foreign agents", "bandits")]


def exempt_quotations(body: str) -> list[str]:
    page, problems = parse(body)
    assert problems == []
    return [str(problem) for problem in exempt_text_problems(page.path, render(page, MD), [], "en")]


EXEMPT_HINT = ("headings, links, a table's header, code, notes and an image's text are not cited, so they quote only "
               "words the page's cited text quotes: quote the source with quote() in cited text, and word this text "
               "without quotation marks or with that quotation")


@pytest.mark.parametrize("body, line, found", [
    # round 5, attacks 07 and 08: a made-up quotation where nothing is cited
    ("## Tokayev: “shoot the crowd”\n\n" + CITE, 1, "'“shoot the crowd”' in heading 'Tokayev: “shoot the crowd”'"),
    ("- [Home](index.md): he said ‹shoot›\n\n" + CITE, 1, "'‹shoot›' in links 'Home: he said ‹shoot›'"),
    ("/// note\nWe heard «shoot».\n///\n\n" + CITE, 2, "'«shoot»' in note 'We heard «shoot».'"),
    ('## “shoot the crowd”\n\nA <span title="shoot the crowd">y</span>. ' + CITE, 1,  # an attribute quotes nobody
     "'“shoot the crowd”' in heading '“shoot the crowd”'"),
    ("| “shoot” | b |\n| --- | --- |\n| x " + CITE + " | y |", 1, "'“shoot”' in table header '“shoot” b'"),
])
def test_text_exempt_from_citations_quotes_only_what_cited_text_quotes(body, line, found):
    assert exempt_quotations(body) == [f"docs/p.md:{line}: text exempt from citations may quote only what cited text "
                                       f"quotes — {found} — {EXEMPT_HINT}"]


@pytest.mark.parametrize("body", [
    '## “Troops arrived”\n\nThey saw {{ quote("alpha", "troops arrived") }}.' + CITE,  # compared without case
    "## “People were killed”\n\nReports said “people were killed”. " + CITE,
])
def test_a_heading_may_repeat_a_quotation_of_the_page_s_cited_text(body):
    assert exempt_quotations(body) == []
