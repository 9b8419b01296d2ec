"""The citation markers as the theme gets them: set apart when side by side, kept out of search
(render/markup.py: finish_markers, a step of Python-Markdown's conversion)."""
import markdown
from selectolax.lexbor import LexborHTMLParser

from macros.mkdocs_plugin.treesteps import MarkerFinishing

NOTES = "".join(f"\n[^qq{number}]: Note {number}." for number in range(1, 9))


def _markers(text: str) -> list[tuple[str, str | None, str | None]]:
    html = markdown.markdown(text + "\n" + NOTES, extensions=["footnotes", "attr_list", "md_in_html",
                                                                MarkerFinishing()])
    return [(sup.attributes["id"], sup.attributes.get("class"), sup.attributes.get("data-search-exclude"))
            for sup in LexborHTMLParser(html).css("sup")]


def test_only_markers_with_nothing_between_them_form_a_run():
    """A run: each marker but the first is qq-next (after another), each but the last qq-then (before another)."""
    text = ('One.[^qq1][^qq2][^qq3] Two[^qq4] <q class="qq-quote">q</q>[^qq5] *x*[^qq6]\n\n'
            '<div markdown="1">\nThree.[^qq7][^qq8]\n</div>')
    assert [(marker, kind) for marker, kind, _ in _markers(text)] == [
        ("fnref:qq1", "qq-then"), ("fnref:qq2", "qq-next qq-then"), ("fnref:qq3", "qq-next"), ("fnref:qq4", None),
        ("fnref:qq5", None), ("fnref:qq6", None), ("fnref:qq7", "qq-then"), ("fnref:qq8", "qq-next")]


def test_every_first_marker_is_kept_out_of_search():
    found = _markers("A.[^qq1] B.[^qq2]\n\nC.[^qq1]")
    assert [(marker, search) for marker, _, search in found] == [
        ("fnref:qq1", "marker"), ("fnref:qq2", "marker"), ("fnref2:qq1", None)]


def test_a_marker_right_after_a_digit_shows_its_number_in_brackets():
    """"238[3]", never "2383": a figure's, a year's or any number's marker is set apart by brackets, also where the
    number ends a raw <span> or is written with a character reference; other markers keep their plain number."""
    text = ('Killed: <span class="qq-figure">at least 238</span>[^qq1] people, in 2022[^qq2][^qq3], '
            'about 2&#46;7[^qq4], 20&#37;[^qq5], and so.[^qq6] <em>1991</em>[^qq7] «q»[^qq8]')
    html = markdown.markdown(text + "\n" + NOTES, extensions=["footnotes", "attr_list", "md_in_html",
                                                                MarkerFinishing()])
    shown = [sup.text() for sup in LexborHTMLParser(html).css("sup")]
    assert shown == ["[1]", "[2]", "3", "[4]", "5", "6", "[7]", "8"]
    assert "at least 238[1]" in LexborHTMLParser(html).body.text()


def test_a_checked_figures_marker_shows_its_number_in_brackets_whatever_the_figure_ends_with():
    """«19 млн[1]», «20 %[2]», «500 €[3]»: every figure's marker reads alike, not only one after a digit; a unit, a
    percent or a currency sign written outside a figure, or a span of another class, leaves a plain number."""
    text = ('<span class="qq-figure" data-kind="population">19&#160;млн</span>[^qq1], '
            '*<span class="qq-figure" data-kind="share">примерно 20&#160;%</span>[^qq2]* и '
            '<span class="qq-figure" data-kind="money">около 500&#160;€</span>[^qq3]. '
            '19 млн[^qq4], 20 %[^qq5], <span class="other">500 €</span>[^qq6]')
    html = markdown.markdown(text + "\n" + NOTES, extensions=["footnotes", "attr_list", "md_in_html",
                                                                MarkerFinishing()])
    shown = [sup.text() for sup in LexborHTMLParser(html).css("sup")]
    assert shown == ["[1]", "[2]", "[3]", "4", "5", "6"]
    assert "\ue000" not in html


def test_what_comes_right_before_a_marker_is_read_across_inline_elements():
    """The text right before a marker is what a reader reads before it, in document order: a marker that opens an
    emphasis after "238" is bracketed (round 6, 01), as is one after a link's, code's or a nested element's digits;
    a marker right after another, inside or outside an element, is set apart from it, not bracketed."""
    text = ("Toll 238*[^qq1]* people, [238](x.md)*[^qq2]*, `2022`**[^qq3]**, *in 19**91**[^qq4]* and so.*[^qq5]*[^qq6] "
            "x*[^qq7]* **8 [^qq8]**")
    html = markdown.markdown(text + "\n" + NOTES, extensions=["footnotes", "attr_list", "md_in_html",
                                                                MarkerFinishing()])
    found = [(sup.text(), sup.attributes.get("class")) for sup in LexborHTMLParser(html).css("sup")]
    assert found == [("[1]", None), ("[2]", None), ("[3]", None), ("[4]", None), ("5", "qq-then"), ("6", "qq-next"),
                     ("7", None), ("8", None)]
    assert "Toll 238[1] people" in LexborHTMLParser(html).body.text()
