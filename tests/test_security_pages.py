"""Unit tests of each security rule of the static pass (SECURITY.md), without building a site."""
from __future__ import annotations

import pytest

from macros import yamlfile
from macros.check import check_project
from macros.corpus import symlink_problems
from tests.conftest import FIXTURES, make_project, parse

FRONT_HINT = "front matter is plain text; put citations in the page body"
META_HINT = "MkDocs reads leading 'Key: value' lines as page metadata: start the page with a heading or a blank line"
KEYS_HINT = "a page may set only title, description; every page is checked and rendered the same way"
EXEMPT_HINT = ("the pages exempt from citations are listed in mkdocs.yml (the citations plugin's 'exempt'), which only "
               "a maintainer changes: remove the key, and cite every paragraph or ask a maintainer")


def messages(text):
    return parse(text)[1]


@pytest.mark.parametrize("text, expected", [
    # a YAML comment holds no value: MkDocs reads only the title, and nothing renders front matter
    ("---\ntitle: T # {{ x }}\n---\nx", []),
    ("---\n- a\n---\nx", ["docs/p.md:1: front matter must be a mapping of keys to values — found list — MkDocs "
                          "would ignore it and render it as part of the page"]),
    ("---\n'a'\n---\nx", ["docs/p.md:1: front matter must be a mapping of keys to values — found str — MkDocs "
                          "would ignore it and render it as part of the page"]),
    # a value is reported once, on its key's line
    ("---\ntitle: \"{{ x }}\"\n---\nx", [f"docs/p.md:2: template syntax in front matter — {{{{ x }}}} — {FRONT_HINT}"]),
    ("---\ntitle: \"\\x7b\\x7b x }}\"\n---\nx", [f"docs/p.md:2: template syntax in front matter — {{{{ x }}}} — "
                                                f"{FRONT_HINT}"]),
    ("---\ntags:\n  - \"\\x7b\\x7b x }}\"\n---\nx", [f"docs/p.md:2: front matter may not set 'tags' — {KEYS_HINT}"]),
    ("---\ntitle: [a, b]\n---\nx", ["docs/p.md:2: front matter 'title' must be plain text — found list — title: the "
                                    "page's title, where it should differ from its first heading"]),
    ("---\ntemplate: redirect.html\nlocation: x\n---\nx", [
        f"docs/p.md:2: front matter may not set 'template' — {KEYS_HINT}",
        f"docs/p.md:3: front matter may not set 'location' — {KEYS_HINT}"]),
    ("---\ntitle: !!python/object/apply:os.system ['id']\n---\nx",
     ["docs/p.md:2: front matter is not valid YAML — tags are not allowed: found "
      "tag:yaml.org,2002:python/object/apply:os.system"]),
    ("---\n? [a, b]\n: c\n---\nx", ["docs/p.md:2: front matter is not valid YAML — found a key that is not a plain "
                                    "value"]),
    # a page cannot exempt itself from coverage, in either form of metadata: mkdocs.yml lists the exempt pages
    ("---\ncitations: exempt\n---\nx", [f"docs/p.md:2: front matter may not set 'citations' — {EXEMPT_HINT}"]),
    ("Citations: exempt\n\nx", [f"docs/p.md:1: front matter may not set 'citations' — {EXEMPT_HINT}"]),
    ("---\na: &x [1]\nb: *x\n---\nx", ["docs/p.md:2: front matter is not valid YAML — anchors and aliases (& and *) "
                                      "are not allowed"]),
    ("---\ntitle: " + "[" * 100 + "]" * 100 + "\n---\nx", ["docs/p.md:2: front matter is not valid YAML — nested "
                                                           "more than 5 levels deep"]),
    ("---\ntitle: A\ndescription: B\ntitle: C\n---\nx",
     ["docs/p.md:4: front matter is not valid YAML — the key 'title' is given twice (first 2 lines above): YAML would "
      "keep only the last; keep one"]),
    ("---\ntitle: 0x" + "f" * 6000 + "\n---\nx", ["docs/p.md:2: front matter is not valid YAML — a number 6,002 "
                                                 "characters long: nothing here needs more than 30; write text in "
                                                 "quotes"]),
])
def test_front_matter_rules(text, expected):
    assert messages(text) == expected


def test_a_byte_order_mark_and_crlf_do_not_hide_front_matter():
    for text in ("\ufeff---\ntitle: \"\\x7b\\x7b x }}\"\n---\nx", "---\r\ntitle: \"\\x7b\\x7b x }}\"\r\n---\r\nx",
                 "---\rtitle: \"\\x7b\\x7b x }}\"\r---\rx"):
        assert messages(text) == [f"docs/p.md:2: template syntax in front matter — {{{{ x }}}} — {FRONT_HINT}"]


@pytest.mark.parametrize("text, expected", [
    ("Title: {{ x }}\n\nBody.\n", [f"docs/p.md:1: template syntax in front matter — {{{{ x }}}} — {META_HINT}"]),
    ("Note: {#\n\n{{ x }} #}\n", [f"docs/p.md:1: front matter may not set 'note' — {META_HINT}",
                                  "docs/p.md:3: only text and citation macro calls with literal arguments are allowed "
                                  "— found variable 'x': {{ x }} #} — see the conventions page for the macros a page "
                                  "may use"]),
    ("Title: x\n    {% raw %}\n\n{{ x }}{% endraw %}\n",
     [f"docs/p.md:1: template syntax in front matter — x {{% raw %}} — {META_HINT}",
      "docs/p.md:4: template syntax error — Encountered unknown tag 'endraw'. — write {% raw %}…{% endraw %} around "
      "text that must show braces literally"]),
    ("render_macros: false\n\nBody.\n", [f"docs/p.md:1: front matter may not set 'render_macros' — {META_HINT}"]),
    # a line that is not 'Key: value' ends the metadata; what follows is body, parsed as such
    ("Plain first line.\nTitle: {{ x }}\n", ["docs/p.md:2: only text and citation macro calls with literal "
                                             "arguments are allowed — found variable 'x': Title: {{ x }} — see the "
                                             "conventions page for the macros a page may use"]),
])
def test_multimarkdown_metadata_is_read_as_mkdocs_reads_it(text, expected):
    assert messages(text) == expected


def test_multimarkdown_metadata_lines_are_not_body_lines():
    page, problems = parse('Title: T\nDescription: A\n\nText.{{ cite("a", "x") }}\n')
    assert problems == [] and [call.line for call in page.calls] == [4]


@pytest.mark.parametrize("text, ok", [
    ("# Plain title\n\nx", True),
    ("# Shown {% raw %}{{ x }}{% endraw %}\n\nx", True),
    ("# Title {# note #}\n\nx", True),
    ('# Title {{ cite("a", "x") }}\n\nx', False),
    ("---\ntitle: T\n---\n# Title {{ cite(\"a\", \"x\") }}\n\nx", True),  # the front matter's title is used
    ('\n\n# Title {{ cite("a", "x") }}\n', False),
    ('Text first.\n\n# Title {{ cite("a", "x") }}\n', True),  # not the title: not the first line
])
def test_the_title_heading_may_hold_only_text(text, ok):
    found = [m for m in messages(text) if "title heading" in m]
    assert (found == []) is ok, found


def test_yaml_keys_must_be_plain_values():
    with pytest.raises(yamlfile.YamlProblem):
        yamlfile.load("? {a: b}\n: c\n")


def test_symlinks_are_reported_at_line_1_and_not_followed(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x.md").write_text("x")
    (folder / "sub" / "link.md").symlink_to(tmp_path / "out" / "x.md")
    (folder / "dir").symlink_to(tmp_path / "out", target_is_directory=True)
    assert [str(p) for p in symlink_problems(folder, "docs")] == [
        f"docs/dir:1: symbolic links are not allowed in docs/ — links to {tmp_path / 'out'} — commit the file itself, "
        "or remove the link",
        f"docs/sub/link.md:1: symbolic links are not allowed in docs/ — links to {tmp_path / 'out' / 'x.md'} — commit "
        "the file itself, or remove the link",
    ]
    assert list(symlink_problems(tmp_path / "out", "seeds")) == []


def test_check_project_refuses_links_and_other_markdown_suffixes(tmp_path):
    project = make_project(tmp_path / "p", {"index.md": 'x{{ cite("alpha", "At least 238 people were killed") }}\n',
                                            "old.markdown": "{{ config }}\n"})
    (project / "docs" / "link.md").symlink_to(project / "docs" / "index.md")
    found = [str(p) for p in check_project(project).problems]
    assert "docs/old.markdown:1: Markdown pages must end in .md — MkDocs would render this file as a page the " \
           "citation check does not read — rename it to .md" in found
    assert any(line.startswith("docs/link.md:1: symbolic links are not allowed in docs/") for line in found)
    assert not any("index.md" in line and "link" not in line for line in found)


def test_the_seeds_folder_is_checked_for_links(tmp_path):
    seeds = tmp_path / "seeds"
    (tmp_path / "seeds").mkdir()
    for item in (FIXTURES / "mini" / "seeds").iterdir():
        (seeds / item.name).write_bytes(item.read_bytes())
    (seeds / "extra.txt").symlink_to(seeds / "alpha.txt")
    from macros.corpus import load_corpus
    corpus, problems = load_corpus(seeds)
    assert [str(p).split(" — ")[0] for p in problems if "symbolic" in str(p)] == [
        "seeds/extra.txt:1: symbolic links are not allowed in seeds/"]


HTML_HINT = "the theme inserts titles and descriptions unescaped: write plain text, with “ ” for quotes"


@pytest.mark.parametrize("text, expected", [
    ('---\ntitle: "T</title><script>alert(1)</script>"\n---\nx',
     f"docs/p.md:2: HTML in front matter — T</title><script>alert(1)</script> — {HTML_HINT}"),
    ("---\ndescription: 'd\" http-equiv=\"refresh'\n---\nx",
     f"docs/p.md:2: HTML in front matter — d\" http-equiv=\"refresh — {HTML_HINT}"),
])
def test_front_matter_may_not_hold_html(text, expected):
    assert messages(text) == [expected]
    assert messages("---\ntitle: “Shal, ket!” & more\n---\nx") == []


def test_catalogue_values_that_reach_page_titles_may_not_hold_html(tmp_path):
    from macros.corpus import load_corpus

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for item in (FIXTURES / "mini" / "seeds").iterdir():
        seeds.joinpath(item.name).write_bytes(item.read_bytes())
    catalogue = seeds / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "value: test fixture", "value: 'fixture</title><script>alert(1)</script>'"), encoding="utf-8")
    _, problems = load_corpus(seeds)
    assert [str(p) for p in problems] == [
        "seeds/catalogue.yml:19: 'genre' may not hold < > or \" — 'fixture</title><script>alert(1)</script>' — it "
        "reaches page titles the theme inserts unescaped; use “ ” for quotes"]


CONTROL_HINT = "a page may hold tab and line breaks, no other control character (nor its YAML escape): delete it"
FORMAT = ("bidirectional and invisible format characters are not allowed — {} — they make text display in another "
          "order than it reads, or hide what it holds: delete them")


@pytest.mark.parametrize("text, expected", [
    # "13" wrapped in a right-to-left override displays as "31"
    ("# T\n\nAt least \u202e13\u202c people.\n", ["docs/p.md:3: " + FORMAT.format("U+202E RIGHT-TO-LEFT OVERRIDE"),
                                                  "docs/p.md:3: " + FORMAT.format("U+202C POP DIRECTIONAL FORMATTING")]),
    ("---\ntitle: T\u2066x\n---\n# T\n", ["docs/p.md:2: " + FORMAT.format("U+2066 LEFT-TO-RIGHT ISOLATE")]),
    # the theme's templates decode character references in a description or title
    ("---\ndescription: At least &#x202e;13&rlm;\n---\n# T\n", [
        "docs/p.md:2: " + FORMAT.format("U+202E RIGHT-TO-LEFT OVERRIDE"),
        "docs/p.md:2: " + FORMAT.format("U+200F RIGHT-TO-LEFT MARK")]),
    # each character of the list, each reported once a line
    *[(f"# T\n\nA{char}b{char}.\n", ["docs/p.md:3: " + FORMAT.format(f"U+{ord(char):04X} {name}")])
      for char, name in [("\u200b", "ZERO WIDTH SPACE"), ("\u200f", "RIGHT-TO-LEFT MARK"), ("\u2060", "WORD JOINER"),
                         ("\u061c", "ARABIC LETTER MARK"), ("\u2069", "POP DIRECTIONAL ISOLATE")]],
    # a byte-order mark starts the file as MkDocs reads it (dropped); anywhere else it is refused
    ("\ufeff# T\n\nText.\n", []),
    ("# T\n\nText\ufeff.\n", ["docs/p.md:3: " + FORMAT.format("U+FEFF ZERO WIDTH NO-BREAK SPACE")]),
    # a Jinja string escape is the character once Jinja reads the argument
    ('# T\n\nText.{{ event("a", "b", date="2022", label="\\u202e31") }}\n',
     ["docs/p.md:3: " + FORMAT.format("U+202E RIGHT-TO-LEFT OVERRIDE")]),
    # YAML's escapes write the character into the parsed title, though the page's text does not hold it
    ('---\ntitle: "Deaths: \\u202e238\\u202c, not 832"\n---\n# T\n', [
        "docs/p.md:2: " + FORMAT.format("U+202E RIGHT-TO-LEFT OVERRIDE"),
        "docs/p.md:2: " + FORMAT.format("U+202C POP DIRECTIONAL FORMATTING")]),
    ('---\ntitle: "The crack\\0down \\e[2J \\x85 on the protests"\n---\n# T\n',
     [f"docs/p.md:2: control characters are not allowed — U+{code} (control) — {CONTROL_HINT}"
      for code in ("0000", "001B", "0085")]),
    # every format character, not only the list: "2\u00ad3\u20628" shows as "238"; and invisible fillers
    ("# T\n\nThe count 2\u00ad3\u20628 and 1\u180e3\u3164 and \U000e0041.\n", ["docs/p.md:3: " + FORMAT.format(name)
     for name in ("U+00AD SOFT HYPHEN", "U+2062 INVISIBLE TIMES", "U+180E MONGOLIAN VOWEL SEPARATOR",
                  "U+3164 HANGUL FILLER", "U+E0041 TAG LATIN CAPITAL LETTER A")]),
    # variation selectors are invisible inside a word: "t\ufe00en thou\U000e0100sand" shows as "ten thousand"
    ('# T\n\n<p class="qq-editors-note">Troops shot t\ufe00en thou\U000e0100sand.</p>\n', ["docs/p.md:3: " +
     FORMAT.format(name) for name in ("U+FE00 VARIATION SELECTOR-1", "U+E0100 VARIATION SELECTOR-17")]),
    ("# T\n\nA bell\x07 rings.\n", [f"docs/p.md:3: control characters are not allowed — U+0007 (control) — "
                                       f"{CONTROL_HINT}"]),
])
def test_bidirectional_and_invisible_format_characters_are_refused(text, expected):
    assert messages(text) == expected


MIXED = ("a word mixes the letters of two scripts — {} — a look-alike letter from another alphabet makes another word "
         "that reads the same (Tokаyev with a Cyrillic а): write each word in one script")


@pytest.mark.parametrize("text, expected", [
    # a second glossary entry "Tokаyev" with a Cyrillic а, and prose that names it
    ('# T\n\n### Kassym-Jomart Tok\u0430yev { #tokayev-ru data-terms="Tok\u0430yev" }\n\nPresident Tok\u0430yev.\n',
     ["docs/p.md:3: " + MIXED.format("'Tokаyev': а (U+0430 CYRILLIC SMALL LETTER A)"),
      "docs/p.md:5: " + MIXED.format("'Tokаyev': а (U+0430 CYRILLIC SMALL LETTER A)")]),
    # through YAML's and Jinja's escapes, and with Greek
    ('---\ntitle: "Tok\\u0430yev"\n---\n# T\n\nText.{{ cite("a", "Nazarbay\\u03bfv") }}\n', [
        "docs/p.md:6: " + MIXED.format("'Nazarbayοv': ο (U+03BF GREEK SMALL LETTER OMICRON)"),
        "docs/p.md:2: " + MIXED.format("'Tokаyev': а (U+0430 CYRILLIC SMALL LETTER A)")]),
    # any two scripts, not only Latin with Cyrillic or Greek: an Armenian օ in "twօ"
    ('# T\n\n<p class="qq-editors-note">Troops shot tw\u0585 people.</p>\n',
     ["docs/p.md:3: " + MIXED.format("'twօ': օ (U+0585 ARMENIAN SMALL LETTER OH)")]),
    # a word in one script, any script, is fine: a Russian edition will come; digits, marks, apostrophes and
    # Japanese's own scripts are no second script
    ("# T\n\nМосква, Ελλάδα, Ó Beacháin, Erdoğan, «Шал, кет», Қазақстан, 日本語です, naïve, l’été, Москва2022 and "
     "Tokayev.\n", []),
])
def test_words_that_mix_scripts_are_refused(text, expected):
    assert messages(text) == expected


def test_the_one_definition_of_format_characters_holds_every_character_of_category_cf():
    import unicodedata

    from macros.corpus.characters import FORMAT, HIDDEN

    every = [chr(point) for point in range(0x110000)]
    assert [char for char in every if unicodedata.category(char) == "Cf" and not FORMAT.match(char)] == []
    assert all(unicodedata.category(char) in ("Cf", "Mn", "Lo") for char in every if FORMAT.match(char))
    controls = [char for char in every if unicodedata.category(char) == "Cc" and char not in "\t\n\r"]
    assert all(HIDDEN.match(char) for char in controls) and not HIDDEN.match("\t")


def test_format_characters_are_refused_on_the_html_too_however_the_page_writes_them():
    import markdown

    from macros.sitecheck.content import check_content

    text = "# T\n\nAt least &#x202E;13&#x202C; people.\n\nA <abbr title=\"a&rlm;b\">x</abbr>.\n"
    html = markdown.markdown(text, extensions=["footnotes", "attr_list", "md_in_html"])
    assert [str(problem) for problem in check_content("docs/p.md", html, None, text.split("\n"))] == [
        "docs/p.md:3: " + FORMAT.format("U+202E RIGHT-TO-LEFT OVERRIDE"),
        "docs/p.md:3: " + FORMAT.format("U+202C POP DIRECTIONAL FORMATTING"),
        "docs/p.md:5: " + FORMAT.format("U+200F RIGHT-TO-LEFT MARK")]


def test_the_real_pages_hold_no_format_characters():
    from macros.check import check_project
    from tests.conftest import ROOT

    assert not [problem for problem in check_project(ROOT).problems if "format characters" in problem.rule]


def test_control_characters_written_as_character_references_are_refused_on_the_html():
    import markdown

    from macros.sitecheck.content import check_content

    text = "# T\n\nA bell &#x7; rings, an escape &#27;[2J clears.\n"
    html = markdown.markdown(text, extensions=["footnotes", "attr_list", "md_in_html"])
    assert [str(problem) for problem in check_content("docs/p.md", html, None, text.split("\n"))] == [
        f"docs/p.md:3: control characters are not allowed — U+{code} (control) — {CONTROL_HINT}"
        for code in ("0007", "001B")]
