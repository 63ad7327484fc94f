"""Importing the library's everyday path vs importing the libraries it stands beside.

Target (issue 13): ``from baoshan_quality import rank_units, score, Assessment`` takes
at most 0.8× the import of attrs + cattrs + ``dateutil.relativedelta`` +
``cattrs.preconf.json`` — the libraries a service built on attrs and cattrs loads
anyway.  (OpenFisca-Core's import is about 3.5× the same baseline.)

Each figure is the median over fresh interpreters of the CPU time the ``import``
statement itself takes (interpreter start-up excluded), the two imports interleaved
so that load affects both alike.  Both sides import from cached bytecode, as an
installed package does: the children run without ``PYTHONDONTWRITEBYTECODE``, with
``PYTHONPYCACHEPREFIX`` pointing at a scratch directory (so that the checkout gets no
``__pycache__``), and one warm-up import of each statement writes the ``.pyc`` files
first — otherwise whichever side had no bytecode would pay for compiling its source on
every run.  Also shown, for the record: ``import
baoshan_quality`` alone (the public face loads names lazily) and touching every
public name (the whole library).

    python benchmarks/bench_import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess  # nosec B404 - a benchmark that starts fresh interpreters
import sys
import tempfile

from _common import report

BASELINE = "attrs, cattrs, dateutil.relativedelta, cattrs.preconf.json"
EVERYDAY = "from baoshan_quality import rank_units, score, Assessment"
TIMER = "import time\nt = time.process_time()\n{what}\nprint(time.process_time() - t)"


#: The children's environment: bytecode is written and read (in a scratch directory),
#: as for an installed package.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "baoshan-quality-bench-pycache")


def _time(what: str) -> float:
    statement = what if what.startswith("from ") else f"import {what}"
    done = subprocess.run(  # nosec B603 - fixed argv
        [sys.executable, "-c", TIMER.format(what=statement)],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    base, everyday, face, whole = [], [], [], []
    every = "baoshan_quality; [getattr(baoshan_quality, n) for n in baoshan_quality.__all__]"
    for warm_up in (BASELINE, EVERYDAY, every):
        _time(warm_up)  # writes the .pyc files the timed runs then read
    for _ in range(args.runs):  # interleaved, so that load affects all alike
        base.append(_time(BASELINE))
        everyday.append(_time(EVERYDAY))
        face.append(_time("baoshan_quality"))
        whole.append(_time(every))
    b, e, f, w = (statistics.median(x) for x in (base, everyday, face, whole))
    report(
        f"import time (median CPU time of {args.runs} fresh interpreters)",
        [
            ("attrs + cattrs + relativedelta + preconf.json", f"{b * 1000:,.0f} ms"),
            (EVERYDAY, f"{e * 1000:,.0f} ms"),
            ("  ratio (target ≤ 0.8×)", f"{e / b:.2f}×"),
            ("import baoshan_quality (the lazy face alone)", f"{f * 1000:,.0f} ms"),
            ("  ratio to the baseline", f"{f / b:.2f}×"),
            ("every public name (the whole library)", f"{w * 1000:,.0f} ms"),
            ("  ratio to the baseline", f"{w / b:.2f}×"),
        ],
    )


if __name__ == "__main__":
    main()
