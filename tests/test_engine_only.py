"""What only the engine writes in a page's content (macros/sitecheck/engineonly.py), on the HTML
Python-Markdown makes of a page: the engine's own output passes, the same things by hand are refused.
The refusals' exact messages, in a real build, are the sample `engine-output-by-hand` of
test_broken_samples.py."""
import markdown
import pytest

from macros.sitecheck.content import check_content

GLOSSARY = {"Alpha Gazette": "A newspaper.", "Gazette": "A newspaper."}
DRAWN = '<figure class="qq-visual"><svg viewBox="0 0 9 9" role="group" aria-label="A map"><rect x="1"/></svg></figure>'


def problems(text: str, drawn: list[str] = (), glossary: dict | None = None) -> list[str]:
    html = markdown.markdown(text, extensions=["footnotes", "attr_list", "md_in_html", "toc"],
                             extension_configs={"toc": {"permalink": True}})
    html = "\n".join(drawn) + html  # the visual's HTML stands in the page as visual() returned it
    found = check_content("docs/p.md", html, None, text.split("\n"), (list(drawn), glossary or GLOSSARY))
    return [problem.rule for problem in found]


def test_the_engines_own_output_passes():
    text = ("## The toll\n\nThe <abbr title=\"A newspaper.\" tabindex=\"0\">Alpha Gazette</abbr> counts.[^qq1]\n\n"
            '<aside class="qq-gaps" aria-labelledby="gaps">\n<h2 id="gaps">Gaps</h2>\n<p>None.</p>\n</aside>\n\n'
            "[^qq1]: The Alpha Gazette.\n")
    assert problems(text, [DRAWN]) == []


@pytest.mark.parametrize("text, rule", [
    ('A chart <svg viewBox="0 0 9 9"><rect x="1"/></svg>.', "<svg> elements are drawn only by the engine's visuals"),
    ('A shape <rect x="1"></rect> alone.', "<rect> elements are drawn only by the engine's visuals"),
    ('A formula <math><mn>10412</mn></math>.', "<math> elements are not allowed in page content"),
    ('A canvas <canvas width="9"></canvas>.', "<canvas> elements are not allowed in page content"),
    ('The <abbr title="A general." tabindex="0">Gazette</abbr>.', "<abbr> not written by the glossary"),
    ('The <abbr title="A newspaper." tabindex="0">Gazettes</abbr>.', "<abbr> not written by the glossary"),
    ('The <abbr title="A newspaper.">Gazette</abbr> without its tab stop.', "<abbr> not written by the glossary"),
    ('<span aria-hidden="true">238</span> 10,412', "role and aria-* attributes are the engine's"),
    ('A label\n{: role="note" }', "role and aria-* attributes are the engine's"),
    ('Troops arrived on <time datetime="2022-01-02">6 January</time>.', "datetime attributes are the engine's"),
    ('Каждый источник приводит число.\n{: lang=en }', "lang attributes are the engine's"),  # round 6: 09
    ('A <q class="qq-quote" lang="ru">quote</q>.', "lang attributes are the engine's"),
    ('The <span lang="en">words</span>.', "lang attributes are the engine's"),
    ('<section aria-labelledby="x"><p id="x">Not a heading.</p></section>',
     "role and aria-* attributes are the engine's"),
    ('<p aria-labelledby="t"></p>\n\n## Title {: #t }', "role and aria-* attributes are the engine's"),
    ('[A link](p.md "Checked by the ministry")', "title attributes are the engine's"),
    ('<a class="headerlink" href="#x" title="Checked">¶</a>', "title attributes are the engine's"),
    ('Shot.[¹](other.md#fnref:qq2)', "link to a citation's marker or reference through a page path"),
    ('Shot.[¹](./#fn%3Aqq2)', "link to a citation's marker or reference through a page path"),
])
def test_the_same_by_hand_is_refused(text, rule):
    assert rule in problems(text + "\n")


def test_a_copy_of_a_visual_is_refused_beside_the_real_one():
    assert problems(DRAWN + "\n", [DRAWN]).count("<svg> elements are drawn only by the engine's visuals") == 1


def test_a_landmark_named_after_an_id_the_page_took_is_told_at_the_line_that_took_it():
    """The engine's /// gaps aside is named after its heading's id: a heading of the page's own with that id makes
    the name ambiguous, and the page wrote the id, not the aside (round 5, 30)."""
    text = ("## Troops fired { #gaps }\n\nWords.\n\n"
            '<aside class="qq-gaps" aria-labelledby="gaps">\n<h2 id="gaps">Gaps</h2>\n<p>None.</p>\n</aside>\n')
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html"])
    lines = text.replace('<aside class="qq-gaps" aria-labelledby="gaps">', "/// gaps | Gaps").split("\n")
    found = check_content("docs/p.md", html, None, lines, ([], GLOSSARY))
    assert [(problem.line, problem.rule) for problem in found] == [(1, "role and aria-* attributes are the engine's")]


def test_the_translation_note_is_the_engines_alone():
    """The note under a translated page's title is taken out as the engine's, as a visual is; the class on any other
    paragraph is refused (round 6, 08 and 51), and a reference's passage keeps the sources' language."""
    from macros.render.translated import note_html
    note = note_html("Источники — на английском.")
    own = ('Words.[^qq1]\n{: .qq-translation-note data-search-exclude="" }\n\n'
           '[^qq1]: <q class="qq-passage" lang="en">w</q>\n')
    assert problems("# T\n\n" + own.replace("{: .qq-translation-note data-search-exclude=\"\" }\n", "")) == []
    assert problems(own, [note]) == ["class not allowed in page content"]  # the engine's is taken out, not the page's
    assert problems("Words.\n", [note]) == []
    assert problems(note + "\n") == ["class not allowed in page content"]  # the same where the engine wrote none
