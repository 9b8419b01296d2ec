"""Each page's content, checked as the page is rendered, before the theme wraps it.

The content is parsed inside the same chain of elements the theme puts around it
(html > body > div > main > div > div > article), followed by a sentinel. If the
parsed content leaves its article (a stray `</article>` or `</div>`), or leaves an
element open that the parser carries on into what follows (an unclosed `<a>`), the
page would change the theme's own markup: refused. Inside, every element must pass
the content allow-list, and nesting is limited. Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser

from ..problems import Problem
from .rules import ElementRules

DEEPEST = 40  # levels of elements inside a page's content
HINT = "pages hold text, links, images and citations: see SECURITY.md"
CHAIN = ("div", "main", "div", "div")  # the theme's elements between <body> and the content's <article>


def check_content(label: str, html: str, site_url: str | None, lines: list[str]) -> list[Problem]:
    """Every problem of one page's content HTML, at the line of its Markdown (`lines`) where it can be found."""
    opening = "".join(f'<{tag} id="qq-chain-{level}">' for level, tag in enumerate(CHAIN))
    closing = "".join(f"</{tag}>" for tag in reversed(CHAIN))
    # The text after the article is what makes the parser carry an unclosed <a> or <b> on into it.
    tree = LexborHTMLParser(f'<!doctype html><html><head></head><body>{opening}<article id="qq-content">{html}'
                            f'</article><div id="qq-after">text</div>{closing}</body></html>')

    def problem(rule: str, found: str, *needles: str) -> Problem:
        wanted = [needle.lower() for needle in needles if needle]
        line = next((number for number, text in enumerate(lines, 1) if any(n in text.lower() for n in wanted)), 1)
        return Problem(label, line, rule, found, HINT)

    escape = _escape(tree)
    if escape:
        return [problem("page content must close what it opens, and only that", escape, "</", "<a", "<")]
    rules = ElementRules(site_url, problem, lambda url: True)
    article = tree.css_first("#qq-content")
    found = list(_too_deep(article, problem))
    for node in article.traverse(include_text=False):
        if node is not article and not node.tag.startswith("-"):
            found += rules.check(node, in_content=True, in_head=False)
    return found


def _escape(tree) -> str | None:
    """What the content did to the elements around it, if anything."""
    parent = tree.body
    for level in range(len(CHAIN)):
        children = _element_children(parent)
        if [node.attributes.get("id") for node in children] != [f"qq-chain-{level}"]:
            return f"it ends or adds elements around it (level {level})"
        parent = children[0]
    children = _element_children(parent)
    if [node.attributes.get("id") for node in children] != ["qq-content", "qq-after"]:
        return "it ends the article that holds it"
    if _element_children(children[1]):
        return "it leaves an element open that carries on past the page"
    return None


def _element_children(node) -> list:
    children, child = [], node.child
    while child is not None:
        if not child.tag.startswith("-"):
            children.append(child)
        child = child.next
    return children


def _too_deep(article, problem) -> Iterator[Problem]:
    stack = [(article, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > DEEPEST:
            yield problem(f"elements nested more than {DEEPEST} levels deep", f"<{node.tag}>", f"<{node.tag}")
            return
        child = node.child
        while child is not None:
            if not child.tag.startswith("-"):
                stack.append((child, depth + 1))
            child = child.next
