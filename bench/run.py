"""`make bench`: build times and page weight, measured side by side in one run.

    python -m bench.run [--runs N] [--quick]

1. The site as it is vs the same pages with the citation layer stripped: each page's Markdown
   as the layer renders it (markers, references and generated pages written out as plain
   Markdown), built without the macros plugin and the citation hooks. For scale, also the
   pages with no citations at all (every macro call replaced by its plain text, no
   references, no generated pages).
2. Synthetic corpora: 50 and 500 sources x 500 and 5,000 citations (written to a temp dir),
   each timed as a whole `mkdocs build` and as the static pass alone (`check_project`).
3. First-load weight per page of the real site: HTML + CSS + JS, gzip level 6.

Every time is the median of N runs (default 3) of a fresh process. See README "Benchmarks".
"""
from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}", re.S)
COPY_IGNORE_NAMES = (".venv", "site", ".git", "__pycache__", ".pytest_cache", "dist", "node_modules")
COPY_IGNORE = shutil.ignore_patterns(*COPY_IGNORE_NAMES)
# Python's bytecode cache on, as it is by default: a machine that turns it off (PYTHONDONTWRITEBYTECODE)
# recompiles the engine's modules on every build, a cost the stripped builds do not pay.
ENV = {**{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
       "NO_MKDOCS_2_WARNING": "1"}


# --- timing ------------------------------------------------------------------------------

REPORTED = re.compile(r"Documentation built in ([\d.]+) seconds")


def timed(command: list[str], cwd: Path, runs: int, reported: list | None = None, cpu: list | None = None) -> float:
    """Median wall-clock seconds of `runs` runs; fails loudly if a run fails. `cpu` gets each run's
    CPU seconds (user + system), with the processes it waited for (git, the site check's child)."""
    times, own = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu is not None:
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode:
            sys.exit(f"bench: `{' '.join(command)}` failed in {cwd}:\n{result.stderr[-3000:]}")
        own += [float(x) for x in REPORTED.findall(result.stderr)]
    if reported is not None and own:
        reported.append(statistics.median(own))
    return statistics.median(times)


def build_time(project: Path, runs: int, reported: list | None = None, strict: bool = True,
               cpu: list | None = None) -> float:
    command = [MKDOCS, "build", *(["--strict"] if strict else []), "-d", str(project / "site")]
    return timed(command, project, runs, reported, cpu)


PARTS = """
import json, statistics, sys, time
from pathlib import Path
def median(f, n=5):
    times = []
    for _ in range(n):
        start = time.perf_counter(); f(); times.append(time.perf_counter() - start)
    return statistics.median(times)
import mkdocs.commands.build, material.plugins.search.plugin  # loaded by every build: not the layer's cost
start = time.perf_counter(); import mkdocs_macros.plugin; imported = time.perf_counter() - start
from mkdocs_macros.context import get_git_info
from macros.build import check_project
parts = {"import mkdocs-macros (after MkDocs and Material)": imported,
         "mkdocs-macros' own set-up: its git calls": median(get_git_info),
         "static pass (check_project)": median(lambda: check_project(Path(".")))}
try:
    from macros.builtsite import BuiltSite
    from macros.sitecheck import check_built_site
    entries = json.loads(Path("site/claims.json").read_text(encoding="utf-8"))
    parts["built-site checks (run in a child process)"] = median(
        lambda: check_built_site(BuiltSite.read(Path("site")), Path("docs"), entries, None))
except ImportError:
    pass
print(json.dumps(parts))
"""


def layer_parts(project: Path) -> dict[str, float]:
    """Seconds of the citation layer's biggest fixed parts, measured in-process."""
    result = subprocess.run([PYTHON, "-c", PARTS], cwd=project, env=ENV, capture_output=True, text=True)
    return json.loads(result.stdout) if result.returncode == 0 else {}


def check_time(project: Path, runs: int) -> float:
    code = "import sys; from pathlib import Path; from macros.build import check_project; " \
           "c = check_project(Path('.')); sys.exit(1 if c.problems else 0)"
    return timed([PYTHON, "-c", code], project, runs)


# --- 1. the site vs the site without its citation layer -----------------------------------

def _plain(match: re.Match) -> str:
    """The text a macro call stands for, without its citation."""
    name, args = match.group(1), match.group(2)
    call = ast.parse(f"f({args})", mode="eval").body
    values = [ast.literal_eval(arg) for arg in call.args]
    named = {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords}
    if name == "cite":
        return ""
    if name == "quote":
        return "“" + (values[1] if len(values) > 1 else named["passage"]) + "”"
    if name == "blockquote":
        return "\n> " + (values[1] if len(values) > 1 else named["passage"]) + "\n"
    if name == "figure":
        value = values[2] if len(values) > 2 else named["value"]
        return " ".join(filter(None, (named.get("qualifier"), value, named.get("unit"))))
    return ""


def without_layer(config: str) -> str:
    """mkdocs.yml with no macros plugin and no citation hooks."""
    config = re.sub(r"\n  - macros:\n(?:      .*\n)*", "\n", config)
    return re.sub(r"\n  - macros/hooks\.py", "", config)


def baked_copy(project: Path, into: Path) -> Path:
    """The same pages, as the citation layer renders them, with the layer stripped."""
    renderer = shutil.copytree(project, into.with_name(into.name + "-renderer"), ignore=COPY_IGNORE)
    config = (renderer / "mkdocs.yml").read_text(encoding="utf-8")
    hook = ROOT / "bench" / "bake_hook.py"
    (renderer / "mkdocs.yml").write_text(config.replace("\nhooks:\n", f"\nhooks:\n  - {hook}\n"), encoding="utf-8")
    shutil.copytree(project, into, ignore=shutil.ignore_patterns(*COPY_IGNORE_NAMES, "*.md"))
    result = subprocess.run([MKDOCS, "build", "-d", str(renderer / "site")], cwd=renderer, capture_output=True,
                            text=True, env={**ENV, "BENCH_BAKE_DOCS": str(into / "docs")})
    if result.returncode:
        sys.exit(f"bench: rendering the pages failed:\n{result.stderr[-3000:]}")
    (into / "mkdocs.yml").write_text(without_layer(config), encoding="utf-8")
    shutil.rmtree(renderer)
    return into


def macros_plugin_kept(baked: Path, into: Path) -> Path:
    """The baked pages, built with the mkdocs-macros plugin loaded but no citation module: what
    the mandated plugin costs by itself (its import, its git calls), for scale."""
    shutil.copytree(baked, into, ignore=COPY_IGNORE)
    config = (into / "mkdocs.yml").read_text(encoding="utf-8")
    plugins = "\nplugins:\n  - search\n"
    if plugins not in config:
        sys.exit("bench: mkdocs.yml no longer lists `plugins:` then `- search`; update macros_plugin_kept")
    plugin = "  - macros:\n      render_by_default: false\n"
    (into / "mkdocs.yml").write_text(config.replace(plugins, plugins + plugin), encoding="utf-8")
    return into


def stripped_copy(project: Path, into: Path) -> Path:
    """The same pages and theme, with no citations at all."""
    shutil.copytree(project, into, ignore=COPY_IGNORE)
    for page in (into / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"(?ms)^```.*?^```", "", text)  # examples of macro calls in code blocks
        page.write_text(CALL.sub(_plain, text), encoding="utf-8")
    config = without_layer((into / "mkdocs.yml").read_text(encoding="utf-8"))
    config = config.replace("\nstrict: true", "\nstrict: false")  # links to the generated pages dangle
    (into / "mkdocs.yml").write_text(config, encoding="utf-8")
    return into


# --- 2. synthetic corpora ------------------------------------------------------------------

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
    shutil.copytree(ROOT / "macros", into / "macros", ignore=COPY_IGNORE)
    shutil.copytree(ROOT / "overrides", into / "overrides", ignore=COPY_IGNORE)
    shutil.copytree(ROOT / "docs" / "assets", into / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:.*?(?=^\S)", "", config)
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
    links = "".join(f"- [Page {n}](page-{n:04d}.md)\n" for n in range(pages_count))
    (docs / "index.md").write_text(f"# Synthetic corpus\n\n{links}", encoding="utf-8")
    order = [(n % sources, n // sources) for n in range(citations)]  # every source cited at least once
    for page_number, start in enumerate(range(0, citations, per_page)):
        lines = [f"# Page {page_number}", ""]
        for source_number, use in order[start:start + per_page]:
            sentence = passages[source_number][use % len(passages[source_number])]
            lines += [f"A paraphrase of a report, sentence {start}. "
                      f'{{{{ cite("synthetic-{source_number:04d}", "{sentence[:-1]}") }}}}', ""]
        (docs / f"page-{page_number:04d}.md").write_text("\n".join(lines), encoding="utf-8")
    return into


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


# --- 3. page weight --------------------------------------------------------------------------

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


# --- report ------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each synthetic corpus")
    parser.add_argument("--site-runs", type=int, default=11, help="runs of each build of the site (cheap, and the "
                                                                  "ratio is close to its target)")
    parser.add_argument("--quick", action="store_true", help="only the 50-source corpora (for tests)")
    parser.add_argument("--site-only", action="store_true", help="only the site's build times and page weight")
    args = parser.parse_args(argv)
    runs = args.runs
    rows = []
    with tempfile.TemporaryDirectory(prefix="qq-bench-") as tmp:
        tmp = Path(tmp)
        site = shutil.copytree(ROOT, tmp / "site-project", ignore=COPY_IGNORE)
        baked = baked_copy(ROOT, tmp / "baked-project")
        kept = macros_plugin_kept(baked, tmp / "kept-project")
        plain = stripped_copy(ROOT, tmp / "stripped-project")
        print(f"Benchmarks: medians of {args.site_runs} runs of the site and {runs} of each corpus, "
              f"{os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
        builds = [("with citations", site, True), ("layer stripped", baked, True),
                  ("  mkdocs-macros kept", kept, True), ("no citations", plain, False)]
        times, own, cpu = {}, {}, {}
        for _ in range(args.site_runs):  # interleaved, so that a slow spell of the machine hits every build alike
            for name, project, strict in builds:
                reported: list = []
                times.setdefault(name, []).append(build_time(project, 1, reported, strict, cpu.setdefault(name, [])))
                own.setdefault(name, []).extend(reported)
        wall = {name: statistics.median(values) for name, values in times.items()}
        mkdocs_own = {name: statistics.median(values) for name, values in own.items()}
        cpu = {name: statistics.median(values) for name, values in cpu.items()}
        pages = {name: len(list((project / "site").rglob("index.html"))) for name, project, _ in builds}
        print("1. The site with its citation layer, and the same pages with the layer stripped (mkdocs build)")
        print(f"   {'':20} {'wall clock':>10} {'mkdocs own':>10} {'cpu':>10} {'pages':>6}")
        for name, _, _ in builds:
            print(f"   {name:20} {wall[name]:9.2f}s {mkdocs_own[name]:9.2f}s {cpu[name]:9.2f}s {pages[name]:>6}")

        def ratios(of: str, to: str) -> str:
            return f"{wall[of] / wall[to]:9.2f}x {mkdocs_own[of] / mkdocs_own[to]:9.2f}x {cpu[of] / cpu[to]:9.2f}x"

        ratio = wall["with citations"] / wall["layer stripped"]
        ratio_own = mkdocs_own["with citations"] / mkdocs_own["layer stripped"]
        paired = statistics.median(w / s for w, s in zip(times["with citations"], times["layer stripped"]))
        print(f"   {'ratio':20} {ratios('with citations', 'layer stripped')}         with citations / layer "
              "stripped (target <= 1.25)")
        print(f"   {'':20} {paired:9.2f}x {'':10} {'':10}          the same, median of the ratios of each round's two "
              "builds (steadier when the machine's speed drifts)")
        print(f"   {'':20} {ratios('with citations', 'no citations')}         with citations / no citations "
              "(the cost of the references and source pages too)")
        print(f"   {'':20} {ratios('with citations', '  mkdocs-macros kept')}         with citations / the same "
              "with mkdocs-macros loaded but no citation module (our code alone)")
        print("   (\"mkdocs own\" is MkDocs' \"Documentation built in\": no interpreter start-up or plugin import;")
        print("   \"cpu\" is user + system time, with the processes a build waits for: mkdocs-macros' git calls")
        print("   and the child process that checks the built site while the CSS purge runs)")
        print("   fixed parts of the layer's cost, measured alone:")
        for name, seconds in layer_parts(site).items():
            print(f"     {name:50} {seconds:6.2f} s")
        print()

        print("2. Synthetic corpora (real engine and theme)")
        print(f"   {'sources':>7} {'citations':>9} {'pages':>5} {'build s':>8} {'static pass s':>13} {'ms/citation':>11}")
        grid = [(50, 500), (50, 5000)] if args.quick else [(50, 500), (50, 5000), (500, 500), (500, 5000)]
        grid = [] if args.site_only else grid
        for sources, citations in grid:
            project = synthetic_project(tmp / f"corpus-{sources}-{citations}", sources, citations)
            pages = len(list((project / "docs").glob("*.md")))
            build = build_time(project, runs)
            check = check_time(project, runs)
            rows.append((sources, citations, build, check))
            print(f"   {sources:>7} {citations:>9} {pages:>5} {build:>8.2f} {check:>13.2f} {1000 * build / citations:>11.2f}")
            shutil.rmtree(project)
        for sources in sorted({row[0] for row in rows}):
            small = next((r for r in rows if r[0] == sources and r[1] == 500), None)
            large = next((r for r in rows if r[0] == sources and r[1] == 5000), None)
            if small and large:
                print(f"   {sources} sources, 10x the citations: build x{large[2] / small[2]:.1f}, "
                      f"static pass x{large[3] / small[3]:.1f}   (linear: about x10 or less)")

        print("\n3. First-load weight per page of the site (HTML + CSS + JS + icon, gzip -6)")
        weights = page_weights(site / "site")
        values = [w for _, w in weights]
        heaviest = max(weights, key=lambda item: item[1])
        print(f"   pages {len(values)}, median {statistics.median(values) / 1024:.1f} KiB (target <= 70), "
              f"max {heaviest[1] / 1024:.1f} KiB {heaviest[0]} (target <= 80)")
    print(f"\nSUMMARY ratio={ratio:.2f} ratio_paired={paired:.2f} ratio_mkdocs_own={ratio_own:.2f} "
          f"ratio_cpu={cpu['with citations'] / cpu['layer stripped']:.2f} with_s={wall['with citations']:.2f} "
          f"stripped_s={wall['layer stripped']:.2f} no_citations_s={wall['no citations']:.2f} "
          + " ".join(f"build_{s}x{c}={b:.2f} check_{s}x{c}={k:.2f}" for s, c, b, k in rows)
          + f" weight_median_kib={statistics.median(values) / 1024:.1f} weight_max_kib={heaviest[1] / 1024:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
