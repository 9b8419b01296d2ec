"""The hover glossary read from the people page, marked on the first mention in running text."""
from macros.glossary import mark_first_mentions, read_glossary

PEOPLE = """# People

### Kassym-Jomart Tokayev { #tokayev data-terms="Tokayev; President Tokayev" }

President of Kazakhstan since 2019, who called in the [CSTO](csto.md).{{ cite("a", "b") }}
It says *more*.

### Collective Security Treaty Organization

### Nobody
"""


def test_entries_give_each_name_and_alias_its_description_without_markers():
    glossary, problems = read_glossary("docs/people.md", PEOPLE, offset=3)
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


def test_no_glossary_leaves_the_page_alone():
    assert mark_first_mentions("<p>Tokayev</p>", {}) == "<p>Tokayev</p>"
