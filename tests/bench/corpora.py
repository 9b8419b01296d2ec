"""`make bench`, part 1: synthetic corpora of 50 and 500 sources x 500 and 5,000 citations, each timed as a whole
`mkdocs build` and as the static pass alone, the runs of 500 and 5,000 citations interleaved. Alarm: ten times the
citations cost more than twelve times the time (linear, with room for noise; quadratic work costs about a hundred).
"""
from __future__ import annotations

import hashlib
import random
import re
import shutil
import statistics
from pathlib import Path

from .timing import COPY_IGNORE, ROOT, build_times, check_times

ALARM_SCALING = 12  # ten times the citations may cost at most twelve times the time

WORDS = ("protest fuel price region square city government troops border report minister "
         "crowd square winter market oil gas capital statement night army police court "
         "election reform family street village worker union station newspaper").split()


def _sentence(rng: random.Random, tag: str) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 14))]
    words.insert(rng.randint(1, len(words) - 1), tag)  # a unique token: no passage is ambiguous
    return " ".join(words).capitalize() + "."


def synthetic_project(into: Path, sources: int, citations: int, per_page: int = 50, seed: int = 7) -> Path:
    """A project with the real engine and theme, `sources` seed texts and `citations` citations."""
    rng = random.Random(seed)
    shutil.copytree(ROOT / "overrides", into / "overrides", ignore=COPY_IGNORE)
    (into / "docs").mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:.*?(?=^\S)", "", config)
    config = re.sub(r"(?:^  #.*\n)*^  editions:\n(?:    .*\n)*", "", config, flags=re.M)  # one edition
    (into / "mkdocs.yml").write_text(config, encoding="utf-8")
    seeds = into / "seeds"
    seeds.mkdir()
    catalogue, sums, passages = [], [], []
    for number in range(sources):
        source_id = f"synthetic-{number:04d}"
        title = f"Synthetic report number {number} on the January events"
        paragraphs = [" ".join(_sentence(rng, f"s{number}p{p}x{k}") for k in range(4)) for p in range(12)]
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        name = f"{source_id}.txt"
        (seeds / name).write_text(text, encoding="utf-8")
        sums.append(f"{hashlib.sha256(text.encode()).hexdigest()}  {name}")
        catalogue.append(CATALOGUE_ENTRY.format(id=source_id, file=name, title=title))
        passages.append([sentence for paragraph in paragraphs for sentence in _sentences(paragraph)])
    (seeds / "catalogue.yml").write_text("".join(catalogue), encoding="utf-8")
    (seeds / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    docs = into / "docs"
    pages_count = -(-citations // per_page)
    links = "".join(f"- [Page {_letters(n)}](page-{n:04d}.md)\n" for n in range(pages_count))
    (docs / "index.md").write_text(f"# Synthetic corpus\n\n{links}", encoding="utf-8")
    order = [(n % sources, n // sources) for n in range(citations)]  # every source cited at least once
    for page_number, start in enumerate(range(0, citations, per_page)):
        lines = [f"# Page {_letters(page_number)}", ""]
        for source_number, use in order[start:start + per_page]:
            sentence = passages[source_number][use % len(passages[source_number])]
            lines += ["A paraphrase of a report. "  # no number: the prose states none its passage does not
                      f'{{{{ cite("synthetic-{source_number:04d}", "{sentence[:-1]}") }}}}', ""]
        (docs / f"page-{page_number:04d}.md").write_text("\n".join(lines), encoding="utf-8")
    return into


def _letters(number: int) -> str:
    """A page's name without digits ('b', 'ba'...): headings and links are not cited, so they state no number."""
    name = ""
    while True:
        number, digit = divmod(number, 26)
        name = "abcdefghijklmnopqrstuvwxyz"[digit] + name
        if not number:
            return name


def _sentences(paragraph: str) -> list[str]:
    return [part.strip() + "." for part in paragraph.split(".") if part.strip()]


CATALOGUE_ENTRY = """- id: {id}
  file: {file}
  title:
    value: {title}
    basis: stated
    evidence: "{title}"
  publisher:
    value: null
    basis: unknown
  author:
    value: unsigned
    basis: supplied
    note: "Synthetic benchmark text."
  date:
    value: "2022-01-07"
    basis: supplied
    note: "Synthetic benchmark text."
  genre:
    value: benchmark text
    basis: supplied
    note: "Synthetic benchmark text."
  language:
    value: English
    basis: supplied
    note: "Synthetic benchmark text."
  licence: "Generated for the benchmark; free to republish."
  republish: false
"""


def corpus_scaling(tmp: Path, runs: int, quick: bool) -> tuple[list[str], list[str]]:
    """The SUMMARY's fields, and an alarm for each time that grew faster than the citations."""
    print("1. Synthetic corpora (real engine and theme; 500 and 5,000 citations timed interleaved)")
    print(f"   {'sources':>7} {'citations':>9} {'pages':>5} {'build s':>8} {'static pass s':>13} {'ms/citation':>11}")
    summary, alarms = [], []
    for sources in [50] + ([] if quick else [500]):
        projects = {citations: synthetic_project(tmp / f"corpus-{sources}-{citations}", sources, citations)
                    for citations in (500, 5000)}
        medians = interleaved_medians(projects, runs)
        for citations, project in projects.items():
            build, check = medians[citations, "build"], medians[citations, "static pass"]
            pages = len(list((project / "docs").glob("*.md")))
            print(f"   {sources:>7} {citations:>9} {pages:>5} {build:>8.2f} {check:>13.2f} "
                  f"{1000 * build / citations:>11.2f}")
            summary.append(f"build_{sources}x{citations}={build:.2f} check_{sources}x{citations}={check:.2f}")
            shutil.rmtree(project)
        factors = {kind: medians[5000, kind] / medians[500, kind] for kind in ("build", "static pass")}
        print(f"   {sources} sources, 10x the citations: build x{factors['build']:.1f}, "
              f"static pass x{factors['static pass']:.1f}   (alarm above x{ALARM_SCALING})")
        alarms += [f"{sources} sources: ten times the citations cost the {kind} x{factor:.1f}, more than "
                   f"x{ALARM_SCALING}" for kind, factor in factors.items() if factor > ALARM_SCALING]
    return summary, alarms


def interleaved_medians(projects: dict[int, Path], runs: int) -> dict[tuple[int, str], float]:
    """Median seconds of each project's build and static pass, the projects' runs taken in turn, so that a
    slow spell of the machine hits both alike."""
    times: dict[tuple[int, str], list[float]] = {}
    for _ in range(runs):
        for citations, project in projects.items():
            times.setdefault((citations, "build"), []).extend(build_times(project, 1))
            times.setdefault((citations, "static pass"), []).extend(check_times(project, 1))
    return {key: statistics.median(values) for key, values in times.items()}
