"""`make bench`: build times and page weight, measured side by side in one run, printed.

    python -m tests.bench.run [--runs N] [--site-runs N] [--quick]

1. Synthetic corpora: 50 and 500 sources x 500 and 5,000 citations (written to a temp dir),
   each timed as a whole `mkdocs build` and as the static pass alone (`check_project`), the
   runs of 500 and 5,000 citations interleaved. Alarm: ten times the citations cost more than
   twelve times the time (linear, with room for noise; quadratic work costs about a hundred).
2. First-load weight per page of the real site: HTML + CSS + JS + icon, gzip level 6.
3. For information, the site with its citation layer and the same pages with the layer
   stripped (each page's Markdown as the layer renders it, built without the citation
   plugin and mkdocs-macros): the ratio of the medians. Alarm: a ratio above 2.0, far
   above its noise, is a regression.

The bench exits 1 on either alarm. Every time is a median of fresh processes, the timings
compared interleaved, the site's two builds each after one untimed build. Python's bytecode is kept in the bench's temp dir, even where
PYTHONDONTWRITEBYTECODE is set: else every build with the layer compiles the engine afresh,
which the stripped build never imports. See README.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from macros.editions import read_editions
from macros.render.dateline import EPOCH_VARIABLE, last_commit_time

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
COPY_IGNORE_NAMES = (".venv", "site", ".git", "__pycache__", ".pytest_cache", "dist", "node_modules")
COPY_IGNORE = shutil.ignore_patterns(*COPY_IGNORE_NAMES)
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_MKDOCS_2_WARNING"] = "1"
ALARM_RATIO = 2.0  # the citation layer's price over the stripped build that means a regression
ALARM_SCALING = 12  # ten times the citations may cost at most twelve times the time


def timed(command: list[str], cwd: Path, runs: int) -> list[float]:
    """Wall-clock seconds of each of `runs` runs; fails loudly if a run fails."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode:
            sys.exit(f"bench: `{' '.join(command)}` failed in {cwd}:\n{result.stderr[-3000:]}")
    return times


def build_times(project: Path, runs: int) -> list[float]:
    return timed([MKDOCS, "build", "--strict", "-d", str(project / "site")], project, runs)


def check_times(project: Path, runs: int) -> list[float]:
    code = "import sys; from pathlib import Path; from macros.check import check_project; " \
           "sys.exit(1 if check_project(Path('.')).problems else 0)"
    return timed([PYTHON, "-c", code], project, runs)


# --- 1. synthetic corpora ------------------------------------------------------------------

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


# --- 2. page weight --------------------------------------------------------------------------

ASSET = re.compile(r'<(?:link[^>]*rel="(?:stylesheet|icon)"[^>]*href|script[^>]*src)="([^"#?]+)')


def page_weights(site: Path) -> list[tuple[str, int]]:
    """(page, gzip bytes of the HTML and every stylesheet, script and icon it loads)."""
    sizes: dict[Path, int] = {}

    def gz(path: Path) -> int:
        if path not in sizes:
            data = path.read_bytes()
            sizes[path] = len(gzip.compress(data, 6)) if path.suffix in (".html", ".css", ".js", ".svg") else len(data)
        return sizes[path]

    weights = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        assets = {(page.parent / href).resolve() for href in ASSET.findall(page.read_text(encoding="utf-8"))}
        weights.append((page.relative_to(site).as_posix(), gz(page) + sum(gz(a) for a in assets if a.is_file())))
    return weights


# --- 3. the site with and without its citation layer --------------------------------------

def without_layer(config: str) -> str:
    """mkdocs.yml with neither the citation plugin nor mkdocs-macros."""
    config = re.sub(r"\n  - macros:\n(?:      .*\n)*", "\n", config)
    config = re.sub(r"\n  - citations:?\n(?:      .*\n)*", "\n", config)
    # the block quotes and references the engine wrote are its blocks, which the plugin registers
    blocks = "\n  - macros.render.blocks\n"
    return config.replace(blocks, f"{blocks}  - macros.render.blocks:EngineBlocks\n")


def baked_copy(project: Path, into: Path) -> Path:
    """The same pages, as the citation layer renders them, with the layer stripped."""
    renderer = shutil.copytree(project, into.with_name(into.name + "-renderer"), ignore=COPY_IGNORE)
    config = (renderer / "mkdocs.yml").read_text(encoding="utf-8")
    hook = Path(__file__).with_name("bake_hook.py")
    (renderer / "mkdocs.yml").write_text(config.replace("\nhooks:\n", f"\nhooks:\n  - {hook}\n"), encoding="utf-8")
    shutil.copytree(project, into, ignore=shutil.ignore_patterns(*COPY_IGNORE_NAMES, "*.md"))
    for edition in read_editions(project)[0][1:]:  # the translations' pages, whose counterparts the switcher links
        shutil.copytree(project / edition.docs_dir, into / edition.docs_dir, dirs_exist_ok=True)
    # The copy has no git history, so it is given the project's dateline day, as CI gives the deploy build.
    day = ENV.get(EPOCH_VARIABLE) or last_commit_time(project, ("docs", "seeds"))
    result = subprocess.run([MKDOCS, "build", "-d", str(renderer / "site")], cwd=renderer, capture_output=True,
                            text=True, env={**ENV, "BENCH_BAKE_DOCS": str(into / "docs"),
                                            **({EPOCH_VARIABLE: day} if day else {})})
    if result.returncode:
        sys.exit(f"bench: rendering the pages failed:\n{result.stderr[-3000:]}")
    (into / "mkdocs.yml").write_text(without_layer(config), encoding="utf-8")
    shutil.rmtree(renderer)
    return into


# --- report ------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each synthetic corpus")
    parser.add_argument("--site-runs", type=int, default=15, help="runs of each of the site's two builds")
    parser.add_argument("--quick", action="store_true", help="only the 50-source corpora")
    args = parser.parse_args(argv)
    print(f"Benchmarks: medians of {args.runs} runs of each corpus and {args.site_runs} of each build of the site, "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    with tempfile.TemporaryDirectory(prefix="qq-bench-") as tmp:
        tmp = Path(tmp)
        ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "bytecode")
        summary, alarms = corpus_scaling(tmp, args.runs, args.quick)
        site = shutil.copytree(ROOT, tmp / "site-project", ignore=COPY_IGNORE)
        baked = baked_copy(ROOT, tmp / "baked-project")
        build_times(site, 1), build_times(baked, 1)  # untimed: each writes its bytecode
        with_layer, stripped = [], []
        for _ in range(args.site_runs):  # interleaved: a slow spell of the machine hits both builds alike
            with_layer += build_times(site, 1)
            stripped += build_times(baked, 1)
        weight_median, weight_max = report_weights(site / "site")
    ratio = statistics.median(with_layer) / statistics.median(stripped)
    print("\n3. The site with its citation layer and the same pages with it stripped (for information)")
    print(f"   with citations {statistics.median(with_layer):.2f} s, layer stripped {statistics.median(stripped):.2f} s: "
          f"ratio {ratio:.2f} (alarm above {ALARM_RATIO}){_spread([w / s for w, s in zip(with_layer, stripped)])}")
    print(f"\nSUMMARY ratio={ratio:.2f} with_s={statistics.median(with_layer):.2f} "
          f"stripped_s={statistics.median(stripped):.2f} " + " ".join(summary)
          + f" weight_median_kib={weight_median:.1f} weight_max_kib={weight_max:.1f}")
    if ratio > ALARM_RATIO:
        alarms.append(f"the citation layer costs {ratio:.2f}x the stripped build, more than {ALARM_RATIO}x")
    for alarm in alarms:
        print(f"bench: regression: {alarm}", file=sys.stderr)
    return 1 if alarms else 0


def _spread(ratios: list[float]) -> str:
    """The middle half of the interleaved pairs' ratios: how far one run's noise moves the ratio."""
    if len(ratios) < 4:
        return ""
    low, _, high = statistics.quantiles(ratios, n=4)
    return f"; the middle half of the {len(ratios)} pairs' ratios from {low:.2f} to {high:.2f}"


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


def report_weights(site: Path) -> tuple[float, float]:
    weights = page_weights(site)
    values = [weight for _, weight in weights]
    heaviest = max(weights, key=lambda item: item[1])
    print("\n2. First-load weight per page of the site (HTML + CSS + JS + icon, gzip -6)")
    print(f"   pages {len(values)}, median {statistics.median(values) / 1024:.1f} KiB (target <= 70), "
          f"max {heaviest[1] / 1024:.1f} KiB {heaviest[0]} (target <= 100)")
    return statistics.median(values) / 1024, heaviest[1] / 1024


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
