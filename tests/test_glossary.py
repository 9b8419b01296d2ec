"""The hover glossary read from the people page."""
from macros.glossary import abbreviations, read_glossary

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


def test_abbreviations_are_markdown_abbr_definitions():
    assert abbreviations({"B": "two", "A": "one"}) == "\n\n*[A]: one\n*[B]: two\n"
    assert abbreviations({}) == ""
