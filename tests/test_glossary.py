"""The hover glossary read from the people page, marked on the first mention in running text."""
import pytest

from macros.pages.frontmatter import FrontMatter
from macros.pages.glossary import read_glossary
from macros.render.glossary import mark_first_mentions

PEOPLE = """# People

### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev; President Tokayev" }

President of Kazakhstan since 2019, who called in the [CSTO](csto.md).{{ cite("a", "b") }}
It says *more*.

### Collective Security Treaty Organization

### Nobody
"""


def test_entries_give_each_name_and_alias_its_description_without_markers():
    glossary, problems = read_glossary("docs/people.md", FrontMatter({}, body=PEOPLE, offset=3))
    description = "President of Kazakhstan since 2019, who called in the CSTO. It says more."
    assert glossary == {"Kassym-Jomart Tokayev": description, "Tokayev": description,
                        "President Tokayev": description}
    assert [str(p) for p in problems] == [
        "docs/people.md:11: glossary entry has no description — Collective Security Treaty Organization — "
        "follow the heading with a one-paragraph description",
        "docs/people.md:13: glossary entry has no description — Nobody — follow the heading with a "
        "one-paragraph description",
    ]


GLOSSARY = {"Kassym-Jomart Tokayev": "President \"K\"", "Tokayev": "President \"K\"", "CSTO": "An alliance"}


def test_only_the_first_mention_of_each_entry_in_running_text_is_marked():
    html = ('<h2>Tokayev</h2><p>Then <a href="x">Tokayev</a> and <q>Tokayev said</q>; Kassym-Jomart Tokayev '
            'asked the CSTO. Tokayev again, CSTO-led, CSTO.</p>'
            '<div class="footnote"><p>Tokayev</p></div>')
    assert mark_first_mentions(html, GLOSSARY) == (
        '<h2>Tokayev</h2><p>Then <a href="x">Tokayev</a> and <q>Tokayev said</q>; '
        '<abbr title="President &quot;K&quot;" tabindex="0">Kassym-Jomart Tokayev</abbr> asked the '
        '<abbr title="An alliance" tabindex="0">CSTO</abbr>. Tokayev again, CSTO-led, CSTO.</p>'
        '<div class="footnote"><p>Tokayev</p></div>')


@pytest.mark.parametrize("text", [
    "<p>xKassym-Jomart Tokayev met the CSTO</p>",  # a name inside a word: a shorter one may follow
    "<p>pro-Tokayev, anti-CSTO, CSTO_x, Tokayev2 and then Tokayev</p>",
    "<p>Kassym-Jomart Tokayevs, Kassym-Jomart Tokayev</p>",
    "Tokayev<p>CSTO</p>",
])
def test_names_inside_other_words_are_left_alone_as_the_reference_does(text):
    assert mark_first_mentions(text, GLOSSARY) == _reference_marks(text, GLOSSARY)


def test_no_glossary_leaves_the_page_alone():
    assert mark_first_mentions("<p>Tokayev</p>", {}) == "<p>Tokayev</p>"


def _reference_marks(html_text: str, glossary: dict[str, str]) -> str:
    """The first implementation: every tag and text piece in turn (slow, plain), kept to compare."""
    import html as html_module
    import re

    terms = sorted(glossary, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(term) for term in terms) + r")(?![\w-])")
    skipped = re.compile(r"<(/?)(a|q|h[1-6]|abbr|code|pre|sup|cite|script|style|button|mark)\b", re.I)
    described: set[str] = set()

    def mark(match):
        description = glossary[match.group(1)]
        if description in described:
            return match.group(1)
        described.add(description)
        return f'<abbr title="{html_module.escape(description, quote=True)}" tabindex="0">{match.group(1)}</abbr>'

    pieces = re.split(r"(<[^>]*>)", html_text)
    depth = 0
    for index, piece in enumerate(pieces):
        if index % 2 == 0 and not depth:
            pieces[index] = pattern.sub(mark, piece)
        elif index % 2:
            if piece.startswith('<div class="footnote"'):
                break
            found = skipped.match(piece)
            if found and not piece.endswith("/>"):
                depth = max(0, depth - 1) if found.group(1) else depth + 1
    return "".join(pieces)


def test_marking_matches_the_tag_by_tag_reference_on_every_page_of_the_site(built):
    import re

    from macros.check import check_project
    from tests.conftest import ROOT

    glossary = check_project(ROOT).glossary
    assert glossary
    marked = 0
    for page in sorted(built.rglob("*.html")):
        text = re.sub(r'<abbr title="[^"]*" tabindex="0">(.*?)</abbr>', r"\1", page.read_text(encoding="utf-8"))
        expected = _reference_marks(text, glossary)
        assert mark_first_mentions(text, glossary) == expected, page
        marked += expected.count("<abbr ")
    assert marked
