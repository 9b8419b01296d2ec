"""The static pass over docs/: each page read once, as MkDocs will read it.

A page's front matter is split and parsed once, with the line of every key; its
body is parsed with Jinja's own parser into text and citation calls. From that one
parse, each page is rendered and converted by Python-Markdown as the build does
(rendered.py): coverage, the glossary and the page's heading are read in that HTML.
Pure Python: nothing in this package imports MkDocs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, islice
from pathlib import Path

from ..corpus import characters
from ..corpus.files import files_in, read_text, symlink_problems
from ..lines import PageLines
from ..problems import Problem, clip
from ..siteurls import built_path, url_of
from .body import Call, body_pieces, template_text
from .brackets import link_work_problems
from .frontmatter import ALLOWED_KEYS, FrontMatter, meta_problems, read_front_matter
from .images import image_problem

__all__ = ["ALLOWED_KEYS", "Call", "ParsedPage", "docs_file_problem", "meta_problems", "read_docs", "read_page"]
MAX_PAGE_BYTES = 200_000
MAX_DOCS_BYTES = 3_000_000
MAX_PAGES = 200  # MkDocs takes about 10 ms a page, and a page's navigation can list every other page
MAX_FILES = 1_000  # pages and images: MkDocs copies each, and the checks of the built site read each
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")  # mkdocs.utils.markdown_extensions
IMAGES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
          ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",)}
NAME_PART = re.compile(r"[a-z0-9][a-z0-9_-]*+")
RESERVED = {"assets": "the theme's files", "search": "the search index", "sources": "the source pages",
            "figures": "the figures page"}  # where the theme and the engine write into the site
MOST_FORMAT_CHARACTERS = 20  # reported a page: each is on its own line
DOCS_HINT = ("docs/ holds Markdown pages and raster images; the site's own scripts, styles and SVG live under "
             "overrides/, which is code a maintainer reviews")


@dataclass
class ParsedPage:
    path: str  # as messages show it, e.g. docs/crackdown.md
    src: str  # inside docs/, e.g. crackdown.md
    front: FrontMatter
    pieces: list[str | Call]  # the body as its text and calls, in order
    title: str  # how back-links name it: its path inside docs/, until its HTML gives its heading (rendered.py)
    # (line, address) of each link and image its HTML holds, as the static pass rendered it (rendered.written_links)
    links: list[tuple[int, str]] = field(default_factory=list)

    @property
    def calls(self) -> list[Call]:
        return [piece for piece in self.pieces if isinstance(piece, Call)]

    @property
    def body(self) -> str:
        return self.front.body

    def body_lines(self) -> list[str]:
        """The page's lines, numbered as in the file (the metadata's lines are blank)."""
        return [""] * self.front.offset + self.front.body.split("\n")

    @cached_property
    def where(self) -> PageLines:
        """The page's lines and where a text is found in them, for every check of the page, the build's too."""
        return PageLines(self.body_lines())


def read_page(path: str, src: str, text: str) -> tuple[ParsedPage, list[Problem]]:
    """Parse a page's text (as read by corpus.files.read_text) once: metadata, then body."""
    front, problems = read_front_matter(path, text)
    pieces, found = body_pieces(path, front.body, front.offset)
    if "title" not in front.data:
        problems += _title_heading_problems(path, front)
    page = ParsedPage(path, src, front, pieces, src)
    hidden = islice(chain(_format_characters(path, text, page.calls), _mixed_scripts(path, text, page)),
                    MOST_FORMAT_CHARACTERS)
    return page, list(dict.fromkeys([*problems, *found, *hidden]))  # the front matter's are also in the text


def _format_characters(path: str, text: str, calls: list[Call]) -> Iterator[Problem]:
    """Format and control characters (characters.HIDDEN), in the text as written and in the macros' arguments
    as Jinja reads them (a string escape such as \\u202e becomes the character). A byte-order mark at
    the very start of the file is not in `text`: MkDocs drops it, as read_text does."""
    found = [*characters.found_in(text, characters.HIDDEN),
             *((call.line, char) for call in calls for value in call.args.values() if isinstance(value, str)
               for _, char in characters.found_in(value, characters.HIDDEN))]
    for line, char in dict.fromkeys(found):
        yield Problem(path, line, characters.rule_for(char), characters.describe(char), characters.hint_for(char))


def _mixed_scripts(path: str, text: str, page: ParsedPage) -> Iterator[Problem]:
    """Words that mix Latin with Cyrillic or Greek letters, in the text as written, in the macros' arguments
    and in the front matter as parsed (Jinja's and YAML's escapes write a letter the text does not show)."""
    values = [(1, text), *((call.line, value) for call in page.calls for value in call.args.values()),
              *((page.front.lines.get(key, 1), value) for key, value in page.front.data.items())]
    for start, value in values:
        if isinstance(value, str):
            for line, word, letters in characters.mixed_scripts(value):
                yield Problem(path, start + line - 1, characters.MIXED_RULE,
                              f"{word!r}: {letters}", characters.MIXED_HINT)


def _title_heading_problems(path: str, front: FrontMatter) -> Iterator[Problem]:
    """Without a title in the metadata, MkDocs takes the first line, if it is '# …', as the page's
    title, and the theme shows that title on its own: it may hold text only."""
    for number, line in enumerate(front.body.split("\n"), front.offset + 1):
        if not line.strip():
            continue
        # Python-Markdown needs no space after the '#': '#Title' is a heading too
        heading = line.strip()[1:].strip() if line.startswith("#") and not line.startswith("##") else None
        if heading is not None and template_text(heading) is None:
            yield Problem(path, number, "the page title heading may hold only text", clip(line),
                          "MkDocs renders the title from this heading again on its own: put macro calls after "
                          "the heading")
        elif heading is not None and any(char in heading for char in "<>&"):
            yield Problem(path, number, "the page title heading may not hold <, > or &", clip(line),
                          "it becomes the page's title in places that read entities as markup: write it out")
        return


def read_docs(docs: Path, label: str = "docs") -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The Markdown pages under docs/ (path, name inside docs/), and a problem for anything else there."""
    problems = list(symlink_problems(docs, label))
    pages, total = [], 0
    for count, path in enumerate(files_in(docs), 1):
        name = path.relative_to(docs).as_posix()
        if count > MAX_FILES:
            problems.append(Problem(f"{label}/{name}", 1, f"more than {MAX_FILES:,} files in {label}/", "",
                                    "ask a maintainer to raise the limit"))
            break
        with path.open("rb") as file:  # an image is checked by its first bytes, then its header (images.py)
            head = file.read(16)
        problem = docs_file_problem(f"{label}/{name}", name, head) or image_problem(f"{label}/{name}", path)
        if problem:
            problems.append(problem)
        elif name.endswith(".md"):
            total += path.stat().st_size
            pages.append((path, name))
            if total > MAX_DOCS_BYTES and total - path.stat().st_size <= MAX_DOCS_BYTES:  # at the page past it
                problems.append(Problem(f"{label}/{name}", 1, f"the pages hold more than {MAX_DOCS_BYTES:,} bytes",
                                        f"{total:,} bytes up to this page", "ask a maintainer to raise the limit"))
    problems += same_address_problems([name for _, name in pages], label)
    if len(pages) > MAX_PAGES:  # at the first page over the limit
        problems.append(Problem(f"{label}/{pages[MAX_PAGES][1]}", 1, f"more than {MAX_PAGES} pages in {label}/",
                                f"{len(pages):,} pages{' or more' if count > MAX_FILES else ''}",
                                "ask a maintainer to raise the limit"))
    return pages, problems


def same_address_problems(names: list[str], label: str = "docs") -> Iterator[Problem]:
    """A problem for each page that MkDocs builds at the address of a page before it (`names`: inside docs/, in
    MkDocs' order): "a.md" and "a/index.md" are both a/index.html, and MkDocs writes the later over the other."""
    first: dict[str, str] = {}
    for name in names:
        built = built_path(name)
        if first.setdefault(built, name) != name:
            yield Problem(f"{label}/{name}", 1, "two pages are built at one address",
                          f"{label}/{first[built]} and {label}/{name} both build to /{url_of(built)}",
                          "the site would show only one of them: rename or move one")


def docs_file_problem(label: str, name: str, head: bytes) -> Problem | None:
    """Why a file may not be in docs/, from its name and first bytes; None if it may."""
    suffix = Path(name).suffix.lower()
    folders, stem = name.split("/")[:-1], Path(name).stem
    if not all(NAME_PART.fullmatch(part) for part in [*folders, stem]):
        return Problem(label, 1, "names in docs/ are lower-case letters, digits, '-' and '_'", repr(name),
                       "file and folder names become the site's addresses and its navigation labels")
    if (folders[:1] or [stem])[0] in RESERVED:
        first = (folders[:1] or [stem])[0]
        return Problem(label, 1, f"'{first}' is where the build writes {RESERVED[first]}", repr(name),
                       "choose another name")
    if name.endswith(".md"):
        return None
    if suffix in MARKDOWN_SUFFIXES:
        return Problem(label, 1, "Markdown pages must end in .md",
                       "MkDocs would render this file as a page the citation check does not read", "rename it to .md")
    if suffix in IMAGES and Path(name).suffix == suffix:
        if head.startswith(IMAGES[suffix]) and (suffix != ".webp" or head[8:12] == b"WEBP"):
            return None
        return Problem(label, 1, f"file is not a {suffix[1:].upper()} image", "", "save it in the format its "
                                                                                  "name says")
    return Problem(label, 1, "only Markdown pages and raster images may be in docs/",
                   f"found {suffix or 'a file without a suffix'}", DOCS_HINT)


def parse_docs(docs: Path, label: str = "docs") -> tuple[dict[str, ParsedPage], list[Problem]]:
    """Every page under docs/, parsed once; the problems of the folder and of every page."""
    files, problems = read_docs(docs, label)
    parsed = {}
    for path, name in files:
        text, found = read_text(path, f"{label}/{name}", MAX_PAGE_BYTES)
        problems += found
        if text is not None:
            parsed[name], found = read_page(f"{label}/{name}", name, text)
            problems += found
    problems += link_work_problems((page.path, page.body, page.front.offset) for page in parsed.values())
    return parsed, problems
