"""Each page's HTML as the static pass renders it: one converter, set up from mkdocs.yml, within the render budget,
read by coverage and the rules of the pages' text (macros/pages/rendered.py, converter.py)."""
from macros.check import check_project
from tests.conftest import make_project

CITED = 'Cited.{{ cite("alpha", "At least 238 people were killed") }}\n'
NOTE = "# T\n\n" + CITED + "\n!!! note\n    Uncited words of a note.\n"


def with_extensions(project, *names):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("markdown_extensions:\n", "markdown_extensions:\n" +
                                   "".join(f"  - {name}\n" for name in names)), encoding="utf-8")
    return project


def lines(checked):
    return [(problem.path, problem.line, problem.rule) for problem in checked.problems]


def test_the_static_pass_reads_the_page_with_the_extensions_of_mkdocs_yml(tmp_path):
    # without admonition, the note's body is indented code, which needs no citation; with it, it is a paragraph
    plain = make_project(tmp_path / "plain", {"index.md": NOTE})
    assert lines(check_project(plain)) == [("docs/index.md", 5, "paragraph without a citation")]
    admonition = with_extensions(make_project(tmp_path / "admonition", {"index.md": NOTE}), "admonition")
    assert lines(check_project(admonition)) == [("docs/index.md", 5, "paragraph without a citation"),
                                                ("docs/index.md", 6, "paragraph without a citation")]


def test_an_extension_that_cannot_be_loaded_is_a_problem_of_mkdocs_yml(tmp_path):
    project = with_extensions(make_project(tmp_path / "project", {"index.md": CITED}), "no_such_extension")
    assert [str(problem) for problem in check_project(project).problems] == [
        "mkdocs.yml:1: a Markdown extension of markdown_extensions cannot be loaded — \"No module named "
        "'no_such_extension'\" — name an installed extension, with the options it takes"]


def test_the_conversion_runs_within_the_render_budget(tmp_path):
    project = make_project(tmp_path / "project", {"index.md": CITED})
    assert [str(problem) for problem in check_project(project, render_budget=0).problems] == [
        "docs/index.md:1: converting the pages' Markdown took longer than the render budget — this page was being "
        "converted when it ran out — Markdown with thousands of unclosed brackets or tags makes the converter slow: "
        "simplify it (plugins: citations: render_budget in mkdocs.yml)"]


def test_a_page_the_converter_cannot_convert_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    """Python-Markdown once ran out of stack on deeply nested lists; whatever it raises on a page is that page's
    problem, and the pages after it are converted by a fresh converter (a failure half-way leaves state)."""
    import markdown
    convert = markdown.Markdown.convert

    def failing(md, text):
        if "DEEP" in text:
            md.parser.state.set("list")  # what a conversion stopped half-way leaves behind
            raise RecursionError("maximum recursion depth exceeded")
        return convert(md, text)

    monkeypatch.setattr(markdown.Markdown, "convert", failing)
    project = make_project(tmp_path / "project", {"a.md": "# DEEP\n\n" + CITED, "b.md": CITED, "index.md": CITED})
    problems = [str(problem) for problem in check_project(project).problems]
    assert [problem.split(" — ")[0] for problem in problems] == ["docs/a.md:1: Markdown could not convert this page"]
    assert problems[0].endswith("— blocks nested very deeply (/// blocks, lists, quotes) are the usual cause")


def test_a_page_is_named_by_its_heading_as_mkdocs_takes_it(tmp_path):
    """The first element of its HTML, if an <h1>, without the ¶; else its path (mkdocs/structure/pages.py)."""
    pages = {"index.md": "# The *first* crackdown { #top }\n\n" + CITED,
             "late.md": CITED + "\n# A heading after a paragraph\n",
             "none.md": CITED}
    checked = check_project(make_project(tmp_path / "project", pages))
    assert {src: page.title for src, page in checked.pages.items()} == {
        "index.md": "The first crackdown", "late.md": "late.md", "none.md": "none.md"}


def test_a_note_is_exempt_by_its_class_however_the_block_is_written(tmp_path):
    """Raw HTML, an attribute list or a block of the site (raw HTML is refused, but not as uncited text): the HTML
    has the class, and only the number of a note is refused."""
    page = ("# T\n\n" + CITED + '\n<aside class="qq-gaps qq-editors-note">\n<p>Whether anyone knows.</p>\n</aside>\n\n'
            "A note about the site.\n{: .qq-about .qq-editors-note }\n\n"
            "/// note\nWhat nobody wrote down.\n///\n\n/// gaps | Unknown\n\nAbout ten of them.\n\n///\n")
    project = make_project(tmp_path / "project", {"index.md": page})
    found = [str(problem).split(" — ")[:2] for problem in check_project(project).problems]
    assert [problem for problem in found if "raw HTML" not in problem[0] and "attribute" not in problem[0]] == [
        ["docs/index.md:16: a block exempt from citations may not hold a number", "'Unknown About ten' in 'Unknown "
         "About ten of them.'"]]

def test_a_refused_catalogue_does_not_make_every_page_seem_to_state_what_no_passage_does(tmp_path):
    """Round 5, 25: with an entry refused, its passages are not read; the rules that compare a page's numbers and
    quotations with them would fire on pages the pull request never touched."""
    page = ('At least 238 people were killed, “Shal, ket!” they cried.'
            '{{ cite("alpha", "At least 238 people were killed") }}\n')
    project = make_project(tmp_path / "project", {"index.md": page})
    catalogue = project / "seeds" / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("  file: alpha.txt\n",
                                                                        "  file: alpha.txt\n  archive: x\n"),
                         encoding="utf-8")
    paths = {str(problem).split(":")[0] for problem in check_project(project).problems}
    assert paths == {"seeds/catalogue.yml"}
