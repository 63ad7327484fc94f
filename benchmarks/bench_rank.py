"""rank_units on 100,000 units vs a bare sorted() over (Decimal, name) with tie detection.

Target: ratio ≤ 3×.  Also the peak memory of the ranking (tracemalloc).

``rank_units`` settles every rank, tier, 优秀 and tie at once and builds each unit's
entry and reasons on first read (:mod:`baoshan_quality._deferred`).  The script
times both: the call (what the target measures) and the call plus reading every
entry with its reasons (what a caller that prints the whole ranking pays).

    python benchmarks/bench_rank.py [--units 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import tracemalloc
from decimal import Decimal

from _common import best_of, report

from baoshan_quality import UnitScore, rank_units


def make_units(n: int, seed: int = 2024) -> list[UnitScore]:
    rng = random.Random(seed)
    units = []
    for i in range(n):
        total = Decimal(rng.randint(0, 10500)).scaleb(-2)  # 0.00 … 105.00: many ties
        units.append(UnitScore(f"单位{i:06d}", total))
    return units


def bare(units: list[UnitScore]) -> list[tuple[int, Decimal, str, int]]:
    """sorted() over (−total, name), competition ranks and tie groups in one pass."""
    ordered = sorted((-u.total, u.unit) for u in units)
    out = []
    rank = 0
    previous = None
    group = 0
    for place, (negative, name) in enumerate(ordered, 1):
        if negative != previous:
            rank, previous = place, negative
            group += 1
        out.append((rank, -negative, name, group))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    units = make_units(args.units)
    t_lib, ranking = best_of(lambda: rank_units(units), args.repeat)
    t_full, _ = best_of(lambda: rank_units(units).entries, args.repeat)
    t_bare, baseline = best_of(lambda: bare(units), args.repeat)
    assert [(e.rank, e.unit) for e in ranking] == [(r, n) for r, _, n, _ in baseline]
    tracemalloc.start()
    rank_units(units)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    built = rank_units(units).entries
    _, peak_full = tracemalloc.get_traced_memory()
    del built
    tracemalloc.stop()
    ties = len(ranking.ties)
    report(
        f"rank_units on {args.units:,} units ({ties:,} tie groups)",
        [
            (f"rank_units (best of {args.repeat})", f"{t_lib * 1000:,.0f} ms"),
            ("bare sorted() + tie detection", f"{t_bare * 1000:,.0f} ms"),
            ("ratio (target ≤ 3×)", f"{t_lib / t_bare:.2f}×"),
            ("rank_units + every entry and reason built", f"{t_full * 1000:,.0f} ms"),
            ("  ratio to the bare sort", f"{t_full / t_bare:.2f}×"),
            ("peak memory of the ranking (tracemalloc)", f"{peak / 2**20:,.1f} MiB"),
            ("  per unit", f"{peak / args.units:,.0f} bytes"),
            ("  with every entry built", f"{peak_full / 2**20:,.1f} MiB"),
        ],
    )


if __name__ == "__main__":
    main()
