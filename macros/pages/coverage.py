"""Citation coverage: every block of text of a page about the events carries a citation.

The rule is read on the page's HTML, as the static pass renders it (rendered.py, textblocks.py say what a block is
and which are exempt):

- A page opts out as a whole only by being listed in mkdocs.yml, under the citations plugin's `exempt` (the caller
  leaves it out): that is for pages about the site rather than the events (the method and the conventions pages),
  and mkdocs.yml is code a maintainer reviews, not a page's own front matter.
- On every other page, each block of text must hold at least one citation macro call (cite, quote, blockquote,
  figure, event or place); raw HTML is text like any other.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..numbers import unsupported, years_in
from ..problems import Problem, clip
from .textblocks import uncited as uncited_blocks
from .frontmatter import FrontMatter
from .rendered import Located, RenderedPage

HINT = ("cite the passage it rests on with cite(), quote(), blockquote() or figure() (CONTRIBUTING.md lists what "
        "is exempt)")
BLOCKQUOTE_HINT = ("quote a source with blockquote(), which checks the passage and signs it; "
                   "other words go in a paragraph")


def uncited(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    """A problem for every block of the page that needs a citation and holds none."""
    needing = {block.node.mem_id for block in uncited_blocks([located.block for located in rendered.blocks])}
    for located in rendered.blocks:
        if located.block.node.mem_id in needing:
            yield Problem(path, located.first, f"{located.kind} without a citation", excerpt(located), HINT)


def block_quotes_by_hand(path: str, rendered: RenderedPage) -> Iterator[Problem]:
    """A block quote that no blockquote() wrote: it would look like a checked quotation."""
    for located in rendered.blocks:
        if located.block.tag == "blockquote" and \
                not any(rendered.calls[index].macro == "blockquote" for index in located.block.calls):
            yield Problem(path, located.first, "block quote not written by blockquote()", excerpt(located),
                          BLOCKQUOTE_HINT)


def excerpt(located: Located) -> str:
    return f'"{clip(located.source, 70)}"'


def numbers_in_front_matter(path: str, front: FrontMatter, stated: Iterable[str],
                            language: str) -> Iterator[Problem]:
    """The page's title and description are not cited: they state no number (macros/numbers.py), but for a year
    that the page's references state (`stated`: its passages and its sources' dates), which may date the
    events where it reads as a date ("the January 2022 protests"; macros/numbers.py says where, in the page's
    `language`)."""
    years = years_in(stated)
    for key in ("title", "description"):
        value = front.data.get(key)
        number = unsupported(value, years, language) if isinstance(value, str) else None
        if number:
            yield Problem(path, front.lines.get(key, 1), "text exempt from citations may not hold a number",
                          f"{number!r} in {key} {clip(value, 60)!r}",
                          "a page's title and description are not cited, so they state no number (a year the "
                          "page's references state may date the events, as in “January 2022” or “before 2022”): "
                          "give the number in cited text")
