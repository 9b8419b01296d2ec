"""Active content: no built page may run code, or load anything from another host.

Every HTML file in site/ is parsed as a browser parses it (lexbor, through
selectolax) and checked against the allow-lists of rules.py, whatever wrote it: a
page's Markdown, raw HTML in it, the engine's generated pages, or the theme.

- Everywhere: no event handler, no style attribute or element, no frame, object or
  embed, nothing a parser reads differently with scripting on and off; a script is
  one of the site's own files, or data; meta and link elements only in the head, of
  the kinds the theme writes, and one of each; a form sends only to the site; no
  URL that runs script, and nothing loaded from another host. URLs are read as a
  browser reads them.
- In page content (the <article>): only the elements and attributes content may use.
- Every page starts its <head> with the site's Content-Security-Policy.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import chain
from urllib.parse import urlsplit

from ..problems import Problem, capped
from ..siteurls import leaves_site
from .builtsite import BuiltPage, BuiltSite, is_element
from .targets import resolve
from .rules import ElementRules
from .sources import MarkdownSources
from .urls import browser_url

HINT = "pages hold text, links, images and citations: see SECURITY.md"
CSP_HINT = "every page extends the theme's main.html, which writes the policy first in <head>"
ROOT_ATTRIBUTES = {"lang", "class", "dir"}  # what the theme writes on <html>
BODY_ATTRIBUTES = {"dir"}  # and on <body>, with its data-md-color-* attributes


def check_active_content(site: BuiltSite, site_url: str | None, policy: str, sources: MarkdownSources,
                         site_label: str = "site") -> Iterator[Problem]:
    """Every element of every built page that could run code or load from elsewhere, as problems."""
    for page in site.pages.values():
        check = _PageCheck(site, page, site_url, sources, site_label)
        yield from capped(chain(check.csp(policy), check.roots(), check.once_each(), check.elements()))


class _PageCheck:
    def __init__(self, site: BuiltSite, page: BuiltPage, site_url: str | None, sources: MarkdownSources,
                 site_label: str):
        self.site, self.page, self.sources, self.site_label = site, page, sources, site_label
        self.base = urlsplit(site_url or "").path or "/"
        self.rules = ElementRules(site_url, self._problem, self._existing)
        article = page.tree.css_first("article")
        self.content = {node.mem_id for node in article.traverse(include_text=False)} if article else set()
        self.head = {node.mem_id for node in page.tree.head.traverse(include_text=False)} if page.tree.head else set()

    def csp(self, policy: str) -> Iterator[Problem]:
        head = self.page.tree.head
        first = next((node for node in head.iter() if is_element(node)), None) if head else None
        attributes = first.attributes if first is not None else {}
        if first is None or first.tag != "meta" or (attributes.get("http-equiv") or "").lower() != \
                "content-security-policy" or attributes.get("content") != policy:
            yield Problem(f"{self.site_label}/{self.page.path}", 1, "page without the Content-Security-Policy "
                          "first in its head", "", CSP_HINT)

    def roots(self) -> Iterator[Problem]:
        """Only the theme's attributes on <html> and <body>: the parser moves onto them the attributes of
        an <html> or <body> tag anywhere in the page (`<body inert>` would disable the whole page)."""
        for node, allowed in ((self.page.tree.root, ROOT_ATTRIBUTES), (self.page.tree.body, BODY_ATTRIBUTES)):
            for name in (node.attributes if node is not None else {}):
                if name.lower() not in allowed and not name.lower().startswith("data-md-color-"):
                    yield self._problem(f"attributes on <{node.tag}> belong to the theme", f"{name} on <{node.tag}>",
                                        f"<{node.tag}", f"{name}")

    def once_each(self) -> Iterator[Problem]:
        """One title, one element of each theme id, one meta of each name: a page's text cannot add a second."""
        kinds = Counter()
        for node in self.page.elements():
            attributes = node.attributes
            if node.tag == "title" and node.mem_id in self.head:
                kinds["<title>"] += 1
            if (attributes.get("id") or "").startswith("__"):
                kinds[f"id {attributes['id']}"] += 1
            if node.tag == "meta":
                kinds[f"meta {attributes.get('name') or attributes.get('property') or attributes.get('http-equiv')}"] += 1
        for kind, count in sorted(kinds.items()):
            if count > 1:
                yield self._problem("the theme writes one of each", f"{count} × {kind}", kind.split()[-1])

    def elements(self) -> Iterator[Problem]:
        for node in self.page.elements():
            yield from self.rules.check(node, node.mem_id in self.content, node.mem_id in self.head)

    def _existing(self, url: str) -> bool:
        """Whether a same-site URL names a file in site/."""
        url = browser_url(url)
        if leaves_site(url):
            return False
        target = resolve(self.page.path, url, self.base)
        return bool(target.path and self.site.is_file(target.path))

    def _problem(self, rule: str, found: str, *needles: str) -> Problem:
        """The problem, at the first line of the page's Markdown (else of its HTML) that holds a needle:
        the needles go from the most telling (the attribute or the URL) to the least (the tag)."""
        for needle in needles:
            place = self.sources.find(self.page.path, needle)
            if place:
                return Problem(place[0], place[1], rule, found, HINT)
        line = next((self.page.line_of(needle, 0) for needle in needles if self.page.line_of(needle, 0)), 1)
        return Problem(f"{self.site_label}/{self.page.path}", line, rule, found, HINT)
