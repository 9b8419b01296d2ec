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
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from .corpora import corpus_scaling
from .layer import ALARM_RATIO, baked_copy
from .timing import COPY_IGNORE, ENV, ROOT, build_times
from .weight import report_weights


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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
