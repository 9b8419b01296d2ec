"""Each page's content, checked as the page is rendered, before the theme wraps it.

The content is parsed inside the same chain of elements the theme puts around it
(html > body > div > main > div > div > article), followed by a sentinel. If the
parsed content leaves its article (a stray `</article>` or `</div>`), or leaves an
element open that the parser carries on into what follows (an unclosed `<a>`), or
moves attributes onto <html> or <body> (the parser merges an `<html hidden>` tag
into the page's own), the page would change the theme's markup: refused. Inside,
every element must pass the content allow-list, and nesting is limited.

The page's title and the titles of its table of contents go into the theme's header,
navigation and footer as they are, not escaped: each must read, to the parser, as text
and nothing else. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from selectolax.lexbor import LexborHTMLParser

from ..corpus import characters
from ..lines import LETTERS, PageLines, Words
from ..problems import Problem, capped, clip
from .builtsite import is_element
from .classes import unknown_classes
from .codeblocks import GAP, hidden_by_gaps
from .engineonly import MARKDOWN_TITLES, handwritten
from .nodes import children
from .rules import ElementRules, is_id
from .toclabels import relabelled

DEEPEST = 40  # levels of elements inside a page's content
MOST_HEADINGS = 200  # per page: the theme writes each one into two tables of contents
HINT = "pages hold text, links, images and citations: see SECURITY.md"
CLASS_HINT = ("a page may use the layout classes qq-facts, qq-cards, qq-gaps, qq-about and qq-editors-note; the "
              "theme's, Markdown's and the engine's classes show checked or hidden things: see CONTRIBUTING.md")
CLASS_RULE = "class not allowed in page content"
TITLE_HINT = "a heading is plain text: no tags, comments or '<'"
GAP_HINT = ("a reader sees the code before the gap and copies what follows it too: write each command on its own "
            "line")
TOC_HINT = "the page's contents show the heading's own text: remove data-toc-label"
CHAIN = ("div", "main", "div", "div")  # the theme's elements between <body> and the content's <article>


def check_content(label: str, html: str, site_url: str | None, lines: PageLines | list[str],
                  engine: tuple[list[str], dict[str, str]] | None = None,
                  titles: tuple[str, str] = MARKDOWN_TITLES) -> list[Problem]:
    """The problems of one page's content HTML (at most problems.PER_PAGE), each at the line of its
    Markdown (`lines`) where it can be found. On a page of docs/, `engine` is what the engine wrote into it:
    the HTML of its visuals, and the glossary's cards by term (engineonly.py); there, its classes are checked too.
    `titles`: Python-Markdown's titles of permalinks and links back to markers, in the edition's language."""
    lines = PageLines.of(lines)
    own = handwritten(html, *engine, lambda hint: _locator(label, lines, hint), titles) if engine is not None else ()
    gap = _locator(label, lines, GAP_HINT)
    own = chain(own, (gap(f"a code line may not hold {GAP} blanks in a row", f"{before!r} then {width} blanks",
                          needle, *_needles(before), "```") for before, width, needle in hidden_by_gaps(html)
                    if engine is not None))
    return capped(chain(_content_problems(html, site_url, _locator(label, lines, HINT)), own)) + \
        _format_characters(html, label, lines) + \
        (check_classes(label, html, engine[0], lines) if engine is not None else [])


def check_titles(label: str, title: str, headings: list[tuple[str, str]], lines: PageLines | list[str],
                 html: str = "") -> list[Problem]:
    """The page's title and its table of contents' (title, url) entries, as MkDocs made them: text only, a
    link to an id of letters, digits and '-_.:', not too many, and each the text of its heading in `html`."""
    lines = PageLines.of(lines)
    problem, label_problem = _locator(label, lines, TITLE_HINT), _locator(label, lines, TOC_HINT)
    texts = dict.fromkeys([title, *(text for text, _ in headings)])
    too_many = [len(headings)] if len(headings) > MOST_HEADINGS else []
    return capped(chain(  # made one by one: the rest are never made, nor looked for in the page
        (problem(f"more than {MOST_HEADINGS} headings on one page", str(count), "#") for count in too_many),
        (problem("a page title or heading must be plain text", repr(clip(text, 80)), clip(text, 30)[:-1], "#")
         for text in texts if text and not _is_text(text)),
        (problem("a heading's id is letters, digits, '-', '_', '.' and ':' only", repr(clip(url, 60)), "id=", "#")
         for _, url in headings if not (url.startswith("#") and is_id(url[1:]))),  # the theme writes it unescaped
        (label_problem("a table of contents entry must read as its heading", f"{clip(text, 60)!r} for the heading "
                       f"{clip(own, 60)!r}", *_needles(text), *_needles(own), "data-toc-label")
         for text, own in relabelled(html, headings) if too_many == [])))


def check_classes(label: str, html: str, drawn: list[str], lines: PageLines) -> list[Problem]:
    """Every class in the page's content is on the one allow-list (classes.py), the visuals' HTML (`drawn`) aside."""
    problem = _locator(label, lines, CLASS_HINT)
    return capped(problem(CLASS_RULE, f"{name!r} on {tag}", *class_needles(name),
                          f"<{tag[1:-1]}") for name, tag in unknown_classes(html, drawn))


def class_needles(name: str) -> list[str]:
    """The class as a page writes it, the whole word first: class="a", class="a b", {: .a }, then the name."""
    return [f'"{name}"', f'"{name} ', f' {name}"', f" {name} ", f".{name} ", f".{name}}}", name]


def _format_characters(html: str, label: str, lines: PageLines) -> list[Problem]:
    """Format and control characters (characters.HIDDEN) in the text and attributes of the page's HTML, however
    the page wrote them (character references included), at the line of its Markdown that holds them; on a
    generated page, from a seed text, where they are never to reach the HTML either."""
    found: dict[str, None] = {}
    for node in LexborHTMLParser(f"<!doctype html><html><body>{html}</body></html>").body.traverse(include_text=True):
        values = [node.text(deep=False)] if node.tag == "-text" else list(node.attributes.values())
        for value in values:
            found.update(dict.fromkeys(char for _, char in characters.found_in(value or "", characters.HIDDEN)))
    locate = {hint: _locator(label, lines, hint) for hint in (characters.HINT, characters.CONTROL_HINT)}
    return capped(locate[characters.hint_for(char)](characters.rule_for(char), characters.describe(char),
                                                    *characters.written_as(char)) for char in found)


def _needles(text: str, around: str = "") -> list[Words]:
    """Ways to find a block's text in its Markdown, the most telling first: its first six words, or three; then
    those of the element `around` it on the page (a table, a list), whose own text may be made by a macro; then
    its first word, where it is the page's only one (WordIndex)."""
    words, outer = LETTERS.findall(text.rstrip("…")), LETTERS.findall(around.rstrip("…"))
    return [Words(" ".join(firsts[:count])) for firsts, counts in ((words, (6, 3)), (outer, (6, 3)), (words, (1,)))
            for count in counts if len(firsts) >= count]


def toc_entries(items) -> list[tuple[str, str]]:
    """(title, url) of every entry of a page's table of contents (MkDocs' toc items), at every level."""
    entries, stack = [], list(items)
    while stack:
        item = stack.pop()
        entries.append((item.title, item.url))
        stack += item.children
    return entries


def _locator(label: str, lines: PageLines, hint: str):
    def problem(rule: str, found: str, *needles: str) -> Problem:
        """At the line of the first needle found, the needles from the most telling; if none is, at no line
        (a guess would send the contributor to the wrong place)."""
        return Problem(label, lines.first_line(needles), rule, found, hint)

    return problem


def _is_text(text: str) -> bool:
    body = LexborHTMLParser(f"<!doctype html><html><head></head><body>{text}</body></html>").body
    return body is not None and not body.attributes and all(
        node.tag == "-text" for node in body.traverse(include_text=True) if node.mem_id != body.mem_id)


def _content_problems(html: str, site_url: str | None, problem) -> Iterator[Problem]:
    opening = "".join(f'<{tag} id="qq-chain-{level}">' for level, tag in enumerate(CHAIN))
    closing = "".join(f"</{tag}>" for tag in reversed(CHAIN))
    # The text after the article is what makes the parser carry an unclosed <a> or <b> on into it.
    tree = LexborHTMLParser(f'<!doctype html><html><head></head><body>{opening}<article id="qq-content">{html}'
                            f'</article><div id="qq-after">text</div>{closing}</body></html>')
    escape = _escape(tree)
    if escape:
        yield problem("page content must close what it opens, and only that", escape, "</", "<a", "<")
        return
    article = tree.css_first("#qq-content")
    yield from _too_deep(article, problem)
    rules = ElementRules(site_url, problem, lambda url: True)
    for node in article.traverse(include_text=False):
        if node.mem_id != article.mem_id and is_element(node):
            yield from rules.check(node, in_content=True, in_head=False)
            yield from _theme_classes(node, problem)


def _theme_classes(node, problem) -> Iterator[Problem]:
    """The theme's classes place and show its own parts (a notice fixed over the page, a dialog)."""
    value = node.attributes.get("class") or ""
    theirs = [word for word in value.split() if word.startswith("md-")]
    if theirs:  # found where the page wrote the class itself: a block adds its own classes to the page's
        yield problem("classes starting with 'md-' belong to the theme", f"class={clip(value, 40)!r} on <{node.tag}>",
                      value, *theirs, f"<{node.tag}")


def _escape(tree) -> str | None:
    """What the content did to the elements around it, if anything."""
    for root in (tree.root, tree.head, tree.body):
        if root.attributes:
            return f"it adds attributes to <{root.tag}>: " + ", ".join(root.attributes)
    parent = tree.body
    for level in range(len(CHAIN)):
        inside = list(children(parent))
        if [node.attributes.get("id") for node in inside] != [f"qq-chain-{level}"]:
            return f"it ends or adds elements around it (level {level})"
        parent = inside[0]
    inside = list(children(parent))
    if [node.attributes.get("id") for node in inside] != ["qq-content", "qq-after"]:
        return "it ends the article that holds it"
    if next(children(inside[1]), None) is not None:
        return "it leaves an element open that carries on past the page"
    return None


def _too_deep(article, problem) -> Iterator[Problem]:
    stack = [(article, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > DEEPEST:
            # at the first words inside it: blocks nested in blocks write no tag in the Markdown
            yield problem(f"elements nested more than {DEEPEST} levels deep", f"<{node.tag}>",
                          *_needles(node.text(deep=True, separator=" ")), f"<{node.tag}")
            return
        stack += [(child, depth + 1) for child in children(node)]
