"""Only the engine makes proof: every proof mark in the built site comes from a call claims.json lists.

The proof marks (macros/proofmarks.py) are what a reader takes for checked. On every built page:

- a marker, `<sup id="fnref:qqN">` and its link `<a class="footnote-ref" href="#fn:qqN">`, and a
  reference, `<li id="fn:qqN">` and its link back, belong to citation N of the page in claims.json,
  once; every other footnote id or footnote link is refused (a page's own footnote, a second marker
  for one reference, a marker written by hand, any other superscript), and every citation of claims.json
  has its marker;
- a quote (`q.qq-quote`) and a figure (`span.qq-figure`) are followed at once by the marker of a
  quote() or a figure(), and show its passage (on a translation's page, our translation) or its figure's words;
- a block quote is a blockquote(): `blockquote.qq-blockquote`, holding its marker and its passage
  first; one without the class is refused too, as nothing tells a reader it is not checked;
- the passage of a reference (`q.qq-passage`) stands in its citation's reference and is its passage,
  and each reference holds it once (a page that redefines a reference loses it), marked as our translation
  (`span.qq-ours`) where, and only where, its quote shows one;
- the list of references (`details.qq-references#references` around Python-Markdown's `div.footnote`)
  is the one that holds the engine's references;
- no element holds the tooltip's id or class: qq-tooltips.js makes the tooltip when the page is read.

Pure Python: nothing here imports MkDocs.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from urllib.parse import unquote

from ..problems import Problem, capped
from ..proofmarks import (BACK_LINK, BLOCKQUOTE, FIGURE, MARKER, MARKER_ELEMENT, MARKER_LINK, NOTE, NOTES, OURS,
                          PASSAGE, QUOTE, REFERENCES, REFERENCES_ID, TOOLTIP)
from ..claims.translations import quoted
from ..render.labels import figure_text
from ..render.markup import md_escape
from ..siteurls import built_url
from .builtsite import BuiltPage, BuiltSite
from .nodes import (children, closest, excerpt, first_words, footnote_name, is_footnote_id, next_element, next_id,
                    own_text, runs_into, shown, text_beside, words)
from .sources import MarkdownSources

HAND = "quotes, figures, markers and references are written by the citation macros, never by hand"
BUG = "claims.json and the HTML must list the same markers: report this as a bug"
FIGURE_HINT = "write numbers with figure(), which checks them against a source and lists them on the figures page"
QUOTE_HINT = "quote a source with quote(), which checks the passage against it"
BLOCKQUOTE_HINT = ("quote a source with blockquote(), which checks the passage and signs it; "
                   "other words go in a paragraph")
SIGNS, PERCENT = "+-−±", "%‰‱"  # what, touching a figure, changes its number
GLUED_HINT = ("a figure and its marker stand apart from other numbers: reword so that a word, not a letter, digit, "
              "sign or symbol, stands next to them")
LISTS = f".{REFERENCES}, .{NOTES}, [id='{REFERENCES_ID}']"
MARKS = f"blockquote, q, .{QUOTE}, .{BLOCKQUOTE}, .{FIGURE}, .{PASSAGE}, .{TOOLTIP}, [id='{TOOLTIP}']"
INLINE = {QUOTE: ("q", "quote", "quote without a citation", "quote that is not its passage", QUOTE_HINT),
          FIGURE: ("span", "figure", "figure without a citation", "figure that is not its figure()'s words",
                   FIGURE_HINT)}


def check_proof_marks(site: BuiltSite, entries: list[dict], sources: MarkdownSources, language: str,
                      site_label: str = "site") -> Iterator[Problem]:
    """`language`: the edition's, in which the engine wrote each figure's words."""
    claims: dict[str, dict[str, dict]] = defaultdict(dict)
    for entry in entries:
        claims[entry["page"]][entry["anchor"]] = entry
    marked = set()
    for path, page in site.pages.items():
        marks = _PageMarks(page, claims.get(built_url(path), {}), sources, site_label, language)
        marked |= {(built_url(path), anchor) for anchor in marks.markers}
        yield from capped(marks.problems())
    for entry in entries:
        if (entry["page"], entry["anchor"]) not in marked:
            where, _, line = entry["markdown"].rpartition(":")
            yield Problem(where, int(line), "citation without a marker in the built page",
                          f"{entry['page'] or '/'}#{entry['anchor']}", BUG)


class _PageMarks:
    def __init__(self, page: BuiltPage, claims: dict[str, dict], sources: MarkdownSources, site_label: str,
                 language: str):
        self.page, self.claims, self.sources, self.site_label = page, claims, sources, site_label
        self.language = language
        self.url = built_url(page.path) or "/"
        self.markers: dict[str, object] = {}  # anchor -> the engine's <sup>: a listed id, its first use
        self.notes: dict[int, str] = {}  # the engine's <li> of a reference (its mem_id) -> its anchor
        self.noted: set[str] = set()  # the anchors of those references
        self.first_note = None
        self.strays = []  # (node, rule) of every other footnote id
        for node in page.tree.css("[id]"):
            self._read_id(node, node.attributes.get("id") or "")
        self.marker_ids = {node.mem_id: anchor for anchor, node in self.markers.items()}
        self.stray_names = {node.attributes["id"] for node, _ in self.strays}
        stray = {node.mem_id for node, _ in self.strays}
        # A superscript is a marker's: one without a marker's id is a marker written by hand.
        self.strays += [(node, "") for node in page.tree.css(MARKER_ELEMENT) if node.mem_id not in stray and
                        node.mem_id not in self.marker_ids]
        self.stray_ids = {node.mem_id for node, _ in self.strays}

    def _read_id(self, node, ident: str) -> None:
        """Keep the engine's marker or reference that the id names, once; set any other footnote id aside."""
        is_note = ident.startswith(NOTE)
        anchor = MARKER + footnote_name(ident) if is_note else ident
        if anchor in self.claims and anchor not in (self.noted if is_note else self.markers):
            if not is_note:
                self.markers[anchor] = node
                return
            self.notes[node.mem_id] = anchor
            self.noted.add(anchor)
            self.first_note = node if self.first_note is None else self.first_note
        elif anchor in self.claims:
            self.strays.append((node, "two references with one id" if is_note else "two markers with one id"))
        elif is_footnote_id(ident):
            self.strays.append((node, "reference without a citation in claims.json" if is_note else
                                "marker without a citation in claims.json"))

    def problems(self) -> Iterator[Problem]:
        yield from self._stray_ids()
        yield from self._links()
        yield from self._reference_lists()
        passages = Counter()
        for node in {node.mem_id: node for node in self.page.tree.css(MARKS)}.values():  # once each, however matched
            classes = (node.attributes.get("class") or "").split()
            if TOOLTIP in classes or node.attributes.get("id") == TOOLTIP:
                yield self._problem("the tooltip's id and class belong to qq-tooltips.js", node,
                                    (TOOLTIP,), f'"{TOOLTIP}"')
            if node.tag == "blockquote" or BLOCKQUOTE in classes:
                yield from self._blockquote(node)
            # A <q> looks like a checked quote whatever its class: it is a quote() or a reference's passage.
            for name in set(classes) & set(INLINE) or ({QUOTE} if node.tag == "q" and PASSAGE not in classes else ()):
                yield from self._inline(node, *INLINE[name])
            if PASSAGE in classes:
                yield from self._passage(node, passages)
        for anchor in self.notes.values():
            if passages[anchor] != 1:
                name = footnote_name(anchor)
                yield self._problem("reference without its citation's passage", None, (f"[^{name}]",),
                                    f'id="{NOTE}{name}"', "a page writes no footnote: " + HAND,
                                    found=f"{self.url}#{NOTE}{name}")

    def _stray_ids(self) -> Iterator[Problem]:
        for node, rule in self.strays:
            ident = node.attributes.get("id") or ""
            if not rule:
                yield self._problem("marker without a citation in claims.json", node,
                                    (node.html, f"<{MARKER_ELEMENT}"), f"<{MARKER_ELEMENT}",
                                    found=f"{self.url} {own_text(node)!r}")
                continue
            yield self._problem(rule, node, (f"[^{footnote_name(ident)}]", ident), f'id="{ident}"',
                                found=f"{self.url}#{ident} {own_text(node)!r}")

    def _reference_lists(self) -> Iterator[Problem]:
        """The engine's list of references is the <div> that holds its notes, in the <details> around it."""
        notes = closest(self.first_note, "div")
        around = closest(notes, "details")
        engine = {node.mem_id for node in (notes, around) if node is not None}
        for node in self.page.tree.css(LISTS):
            if node.mem_id not in engine:
                yield self._problem("references not written by the citation engine", node,
                                    (REFERENCES, f'id="{REFERENCES_ID}"', first_words(node)), REFERENCES)

    def _links(self) -> Iterator[Problem]:
        """A marker's link and a reference's link back, and any link that looks like either."""
        for node in self.page.tree.css("a"):
            href = unquote(node.attributes.get("href") or "")
            classes = (node.attributes.get("class") or "").split()
            if not (href.startswith("#fn") or MARKER_LINK in classes or BACK_LINK in classes):
                continue
            sup, note = node.parent, closest(node, "li")
            if href[1:] in self.stray_names or (sup is not None and sup.mem_id in self.stray_ids) or \
                    (note is not None and note.mem_id in self.stray_ids):
                continue  # its marker or its reference is refused already
            marker = self.marker_ids.get(sup.mem_id) if sup is not None else None
            anchor = self.notes.get(note.mem_id) if note is not None else None
            if MARKER_LINK in classes and marker and href == "#" + NOTE + footnote_name(marker):
                continue
            if BACK_LINK in classes and anchor and href == "#" + anchor:
                continue
            written = node.attributes.get("href") or ""
            yield self._problem("footnote link not written by a citation macro", node,
                                (node.html, f"[{node.text()}]({written})", written, f"[^{footnote_name(href)}]"),
                                f'href="{href}"', found=f"{self.url}{href} {own_text(node)!r}")

    def _inline(self, node, tag: str, macro: str, orphan: str, differs: str, hint: str) -> Iterator[Problem]:
        """A quote or a figure: what it shows, and the marker that follows it at once."""
        anchor = next_id(node)
        entry = self.claims.get(anchor) if node.tag == tag and anchor in self.markers else None
        if entry is None or entry["macro"] != macro:
            yield self._problem(orphan, node, (node.attributes.get("class"), first_words(node)), "", hint)
            return
        wanted = shown(md_escape(figure_text(entry["figure"], entry.get("lang") or self.language)
                                 if macro == "figure" else quoted(entry)))
        if words(node) != wanted:
            yield self._problem(differs, node, (first_words(node),), "", HAND,
                                found=f"{excerpt(node)!r}, where {macro}() wrote {wanted!r}")
        elif macro == "figure":
            yield from self._standing_alone(node, next_element(node))

    def _standing_alone(self, figure, marker) -> Iterator[Problem]:
        """A figure and its marker stand as a word: nothing runs into them to make another number ("1" 13³⁷ "0",
        "1," 238, "−" 13, 238³⁷ "%")."""
        before, after = text_beside(figure, forward=False), text_beside(marker, forward=True)
        if runs_into(before[-2:][::-1], SIGNS) or runs_into(after[:2], PERCENT):
            tail = (before.split() or [""])[-1] + (" " if before[-1:].isspace() else "")
            head = (" " if after[:1].isspace() else "") + (after.split() or [""])[0]
            yield self._problem("figure run together with the text beside it", figure,
                                (f"{tail}{{{{ figure(", f"}}}}{head}", first_words(figure)), "", GLUED_HINT,
                                found=f"{words(figure)!r} between {tail!r} and {head!r}")

    def _blockquote(self, node) -> Iterator[Problem]:
        """A blockquote(): the class on the <blockquote>, its passage, then its signature and its marker."""
        inside = [sup.attributes.get("id") for sup in node.css("sup[id]")]
        entries = [self.claims[anchor] for anchor in inside if anchor in self.markers]
        if node.tag != "blockquote" or BLOCKQUOTE not in (node.attributes.get("class") or "").split() or \
                len(entries) != 1 or entries[0]["macro"] != "blockquote":
            yield self._problem("block quote not written by blockquote()", node, (first_words(node), BLOCKQUOTE),
                                "", BLOCKQUOTE_HINT)
            return
        parts = list(children(node))
        signed = len(parts) == 2 and all(part.tag == "p" for part in parts) and \
            self.markers[entries[0]["anchor"]].parent.mem_id == parts[1].mem_id
        if not signed or words(parts[0]) != shown(md_escape(quoted(entries[0]))):
            yield self._problem("block quote that is not its passage", node, (first_words(node),), "", HAND)

    def _passage(self, node, passages: Counter) -> Iterator[Problem]:
        note = closest(node, "li")
        anchor = self.notes.get(note.mem_id) if note is not None else None
        if node.tag != "q" or anchor is None or words(node) != shown(md_escape(self.claims[anchor]["passage"])):
            yield self._problem("passage of a reference not written by its citation", node,
                                (PASSAGE, first_words(node)), "", HAND)
            return
        passages[anchor] += 1
        if (note.css_first(f"span.{OURS}") is None) == ("translation" in self.claims[anchor]):  # its mark, or none
            yield self._problem("reference whose mark of our translation is not its quote's", note,
                                (first_words(node),), "", HAND)

    def _problem(self, rule: str, node, needles: tuple, html_needle: str, hint: str = HAND,
                 found: str | None = None) -> Problem:
        """At the first line of the page's Markdown that holds a needle, the most telling first; else in
        the built HTML."""
        found = repr(excerpt(node)) if found is None else found  # node is None only with `found`
        for needle in (needle for needle in needles if needle):
            place = self.sources.find(self.page.path, needle)
            if place:
                return Problem(place[0], place[1], rule, found, hint)
        line = self.page.line_of(html_needle or next((n for n in needles if n), ""))
        return Problem(f"{self.site_label}/{self.page.path}", line, rule, found, hint)

