"""Parity across editions: each translated page rests on the same evidence as the original page of its name,
block by block (claims/parity.py compares two pages), in every static pass and every build of a translation;
and the translated blocks to review when only the original's words changed (`make check` lists them).

A translated page with no original of its name is refused: nothing would prove what it rests on. An original
page without a translation is fine (the conventions page stays English). Pure Python: nothing here imports
MkDocs.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..claims import Verifier
from ..claims.parity import PageEvidence, blocks_of, page_evidence, parity_problems, to_review
from ..corpus.files import as_read
from ..pages import read_page
from ..pages.converter import ConversionBudget, converter_or_problem
from ..pages.rendered import render_or_refuse
from ..history import git_says
from ..problems import Problem
from ..sitecheck import read_config

if TYPE_CHECKING:
    from ..check import Checked

NO_ORIGINAL = "a translated page has no original"
OUT_OF_DATE = "a translation is out of date with its original"
UPDATING = "CONTRIBUTING: “Updating a translation”"


def edition_parity(original: Checked, original_dir: str, translation: Checked, translation_dir: str) -> list[Problem]:
    """Each translated page against the original page of its name: refused without one, else out of date where
    a block cites other evidence. A page whose own citations fail is compared once they verify."""
    problems = []
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
