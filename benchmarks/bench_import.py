"""``import baoshan_quality`` vs importing its dependencies alone (target ≤ 1.25×).

Each figure is the median over fresh interpreters of the time the ``import``
statement itself takes (interpreter start-up excluded).

The package loads its public names lazily (PEP 562), so ``import baoshan_quality``
alone imports almost nothing; the honest figures are therefore also given for
what a service does — ``from baoshan_quality import rank_units`` (the Guide's
ranking path) — and for touching every public name (the whole library), each
against the dependencies alone.  The dependencies are
the runtime ones (attrs, cattrs and the cattrs modules the converter uses,
python-dateutil, chinesecalendar) and the standard-library modules the core
imports (json, decimal, re, datetime, fractions, html, unicodedata).

    python benchmarks/bench_import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess  # nosec B404 - a benchmark that starts fresh interpreters
import sys

from _common import report

DEPENDENCIES = (
    "attrs, cattrs, cattrs.gen, cattrs.cols, cattrs.v, dateutil.relativedelta, "
    "chinese_calendar, json, decimal, re, datetime, fractions, html, unicodedata, enum, "
    "itertools, functools, math, typing"
)
TIMER = "import time; t = time.perf_counter(); import {what}; print(time.perf_counter() - t)"


def _time(what: str) -> float:
    done = subprocess.run(  # nosec B603 - fixed argv
        [sys.executable, "-c", TIMER.format(what=what)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    deps, lib, rank, whole = [], [], [], []
    for _ in range(args.runs):  # interleaved, so that load affects all alike
        deps.append(_time(DEPENDENCIES))
        lib.append(_time("baoshan_quality"))
        rank.append(_time("baoshan_quality; from baoshan_quality import rank_units"))
        whole.append(
            _time("baoshan_quality; [getattr(baoshan_quality, n) for n in baoshan_quality.__all__]")
        )
    d, b, r, w = (statistics.median(x) for x in (deps, lib, rank, whole))
    report(
        f"import time (median of {args.runs} fresh interpreters)",
        [
            ("dependencies alone", f"{d * 1000:,.0f} ms"),
            ("import baoshan_quality", f"{b * 1000:,.0f} ms"),
            ("  ratio (target ≤ 1.25×)", f"{b / d:.2f}×"),
            ("from baoshan_quality import rank_units", f"{r * 1000:,.0f} ms"),
            ("  ratio to the dependencies", f"{r / d:.2f}×"),
            ("every public name (the whole library)", f"{w * 1000:,.0f} ms"),
            ("  ratio to the dependencies", f"{w / d:.2f}×"),
        ],
    )


if __name__ == "__main__":
    main()
