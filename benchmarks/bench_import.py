"""``import baoshan_quality`` vs importing its dependencies alone (target ≤ 1.25×).

Each figure is the median over fresh interpreters of the time the ``import``
statement itself takes (interpreter start-up excluded).  The dependencies are
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
    deps, lib = [], []
    for _ in range(args.runs):  # interleaved, so that load affects both alike
        deps.append(_time(DEPENDENCIES))
        lib.append(_time("baoshan_quality"))
    d, b = statistics.median(deps), statistics.median(lib)
    report(
        f"import time (median of {args.runs} fresh interpreters)",
        [
            ("dependencies alone", f"{d * 1000:,.0f} ms"),
            ("import baoshan_quality (with its dependencies)", f"{b * 1000:,.0f} ms"),
            ("  of which the library's own modules", f"{(b - d) * 1000:,.0f} ms"),
            ("ratio (target ≤ 1.25×)", f"{b / d:.2f}×"),
        ],
    )


if __name__ == "__main__":
    main()
