"""Parity across editions: each translated page rests on the same evidence as the original page of its name,
block by block (claims/parity.py compares two pages), in every static pass and every build of a translation;
and the translated blocks to review when only the original's words changed (`make check` lists them). The
people page's entry headings, whose names open the card of their id on every page, are the terms file's words for
the original's headings of their ids.

A translated page with no original of its name is refused: nothing would prove what it rests on. An original
page without a translation is fine (the conventions page stays English). Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..claims import Verifier
from ..claims.parity import PageEvidence, blocks_of, page_evidence, parity_problems, to_review
from ..corpus.files import as_read
from ..pages import read_page
from ..pages.converter import ConversionBudget, converter_or_problem
from ..pages.people import PEOPLE_PAGE, EntryHeading
from ..pages.rendered import render_or_refuse
from ..history import git_says
from ..problems import Problem, clip
from ..render.terms import LISTS, label, lists_of
from ..sitecheck import read_config

if TYPE_CHECKING:
    from ..check import Checked

NO_ORIGINAL = "a translated page has no original"
OUT_OF_DATE = "a translation is out of date with its original"
UPDATING = "CONTRIBUTING: “Updating a translation”"
NAME_RULE = "a translated people-page heading names another than the original's heading of its id"
NAME_HINT = ("write the heading as the terms file gives it under `names:` for the English heading: on every page a "
             "name opens the card under its { #id }, which is the same person's in every edition")
NO_ID_RULE = "a translated people-page heading has an id the original's headings lack"
LEVEL_RULE = "a translated people-page entry's { #id } stands on another element than the original's heading"
LEVEL_HINT = ("keep each entry's { #id } on a heading of the original's level (### Name { #id } for an <h3>): a "
              "link to the entry lands on it, and only the entries' headings are read as names")


def edition_parity(original: Checked, original_dir: str, translation: Checked, translation_dir: str,
                   language: str) -> list[Problem]:
    """Each translated page against the original page of its name: refused without one, else out of date where
    a block cites other evidence. A page whose own citations fail is compared once they verify. The people
    page's headings, in the translation's `language`, name whom the original's of their ids name."""
    problems = list(people_heading_problems(original, translation, language))
    for src, page in sorted(translation.pages.items()):
        if src not in original.pages:
            problems.append(Problem(page.path, 0, NO_ORIGINAL, f"no {original_dir}/{src}", "a translated page "
                                    f"bears the name of the page of {original_dir}/ it translates: rename it, or "
                                    f"translate that page"))
        elif src in original.evidence and src in translation.evidence:
            found = parity_problems(original.evidence[src], translation.evidence[src])
            problems += found + ([Problem(page.path, 0, OUT_OF_DATE, f"its blocks do not cite what those of "
                                          f"{original_dir}/{src} cite, as its lines below say", f"translate what "
                                          f"changed in {original_dir}/{src}, block by block ({UPDATING})")]
                                 if found else [])
    return problems


def people_heading_problems(original: Checked, translation: Checked, language: str) -> Iterator[Problem]:
    """Each entry heading of a translated people page is the terms file's words (`names:`) for the original's
    heading of its { #id }, at the original's level. Parity ties each card to its id, and a name opens the card of
    its id on every page: a heading «Токаев» over { #nazarbayev } would show Nazarbayev's card on «Токаев»; an
    entry's id on an <h2> or an <h4> would land a link to the entry on a heading no rule reads as a name."""
    if PEOPLE_PAGE not in original.pages or PEOPLE_PAGE not in translation.pages:
        return
    path, english = translation.pages[PEOPLE_PAGE].path, original.pages[PEOPLE_PAGE].path
    theirs = {heading.id: heading for heading in original.people if heading.id}
    names = lists_of(language)[0].get("names") or {}
    for heading in translation.people:
        counterpart = theirs.get(heading.id)
        if counterpart is None or "h3" not in (heading.tag, counterpart.tag):
            if heading.tag == "h3":  # another element's id is no entry's: a section's, a footnote's
                yield Problem(path, heading.line, NO_ID_RULE, f"{heading.name!r} {{ #{heading.id} }}", "give each "
                              f"entry's heading the {{ #id }} of the heading of {english} it translates")
            continue
        where = f"{english}:{counterpart.line}"
        if heading.tag != counterpart.tag:
            yield Problem(path, heading.line, LEVEL_RULE, f"<{heading.tag}> {clip(heading.name, 60)!r} "
                          f"{{ #{heading.id} }}, where {where} has <{counterpart.tag}> {clip(counterpart.name, 60)!r}",
                          LEVEL_HINT)
        if counterpart.tag == "h3":
            yield from _name_problems(heading, counterpart, where, names, path, language)


def _name_problems(heading: EntryHeading, counterpart: EntryHeading, where: str, names: dict, path: str,
                   language: str) -> Iterator[Problem]:
    """The translation's element of an entry's id reads as `names:` gives the original's heading."""
    if counterpart.name not in names:
        yield Problem(path, heading.line, f"no '{language}' words for {LISTS['names']}", f"{counterpart.name!r} "
                      f"({where})", f"add `{counterpart.name}: …` under `names:` in {label(language)}, as "
                      f"translations/{language}.md renders it")
    elif heading.name != names[counterpart.name]:
        yield Problem(path, heading.line, NAME_RULE, f"{clip(heading.name, 60)!r} {{ #{heading.id} }}, where "
                      f"{where} has {counterpart.name!r}, for which {label(language)} gives "
                      f"{names[counterpart.name]!r}", NAME_HINT)


def review_list(root: Path, original: Checked, original_dir: str, translation: Checked,
                translation_dir: str) -> list[str]:
    """`path:line: …` for each translated block whose original block was reworded, the evidence the same, since
    the last commit that changed the translated page: the original as it was then is rendered and verified as
    the static pass does. Not a problem: a list for the translator. No git, or no history: nothing."""
    config = read_config(root)
    verifier, budget = Verifier(original.corpus), ConversionBudget(config["render_budget"])
    listed = []
    for src, evidence in sorted(translation.evidence.items()):
        now = original.evidence.get(src)
        commit = git_says(root, "log", "-1", "--format=%H", "--", f"{translation_dir}/{src}").strip() if now else ""
        text = git_says(root, "show", f"{commit}:./{original_dir}/{src}") if commit else ""
        before = _evidence_of(text, f"{original_dir}/{src}", src, config, budget, verifier) if text else None
        listed += [f"{evidence.path}:{ours}: to review — {now.path}:{theirs} was reworded since {evidence.path} "
                   f"was last changed ({commit[:7]}) — check that the translated block still says what the original says"
                   for ours, theirs in (to_review(before, now, evidence) if before else [])]
    return listed


def _evidence_of(text: str, path: str, src: str, config: dict, budget: ConversionBudget, verifier: Verifier) \
        -> PageEvidence | None:
    """What a page's text as it once was rests on, or None if it no longer parses, renders or verifies (a fresh
    converter each: one that failed half-way keeps its state)."""
    page, problems = read_page(path, src, as_read(text))
    md, found = converter_or_problem(config["markdown_extensions"])
    rendered, found = render_or_refuse(page, md, budget) if not problems and md is not None else (None, found)
    if rendered is None or found:
        return None
    claims, found = verifier.verify(src, page.calls)
    return None if found else page_evidence(path, blocks_of(rendered, claims))
