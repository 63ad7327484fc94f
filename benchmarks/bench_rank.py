"""Ranking 100,000 units: decisions alone and with every reason, vs a bare sort.

Targets (issue 13), each ratio to a bare ``sorted()`` over (total, name) that also
finds the competition ranks and the groups of equal totals, in one run:

* ``rank_totals`` — the decisions alone (ranks, tiers, 优秀, barred units, ties) —
  at most 2×;
* ``rank_units`` with every entry and every reason read (Chinese and English) — the
  full explanation — at most 8×.

Both take their input ready-made: the bare sort and ``rank_totals`` a mapping of unit
name to total, ``rank_units`` the list of :class:`UnitScore` values.  Also the peak
memory of each (tracemalloc).

    python benchmarks/bench_rank.py [--units 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import tracemalloc
from collections.abc import Mapping
from decimal import Decimal

from _common import best_of, report

from baoshan_quality import Ranking, UnitScore, rank_totals, rank_units


def make_units(n: int, seed: int = 2024) -> list[UnitScore]:
    rng = random.Random(seed)
    units = []
    for i in range(n):
        total = Decimal(rng.randint(0, 10500)).scaleb(-2)  # 0.00 … 105.00: many ties
        units.append(UnitScore(f"单位{i:06d}", total))
    return units


def bare(totals: Mapping[str, Decimal]) -> list[tuple[int, Decimal, str, int]]:
    """sorted() over (−total, name), competition ranks and tie groups in one pass."""
    ordered = sorted((-total, name) for name, total in totals.items())
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


def explained(units: list[UnitScore]) -> Ranking:
    """rank_units, then every entry and every reason read."""
    ranking = rank_units(units)
    for entry in ranking:
        for reason in entry.reasons:
            reason.zh, reason.en, reason.citation  # noqa: B018 - the read is the point
    return ranking


def _peak(function: object) -> int:
    tracemalloc.start()
    kept = function()  # type: ignore[operator]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    units = make_units(args.units)
    totals = {u.unit: u.total for u in units}
    t_bare, baseline = best_of(lambda: bare(totals), args.repeat)
    t_decide, decided = best_of(lambda: rank_totals(totals), args.repeat)
    t_full, ranking = best_of(lambda: explained(units), args.repeat)
    assert list(zip(decided.ranks, decided.units, strict=True)) == [
        (r, n) for r, _, n, _ in baseline
    ]
    assert [(e.rank, e.unit) for e in ranking] == [(r, n) for r, _, n, _ in baseline]
    del ranking
    peak_decide = _peak(lambda: rank_totals(totals))
    peak_full = _peak(lambda: rank_units(units))
    n = args.units
    report(
        f"ranking {n:,} units ({len(decided.ties):,} tie groups)",
        [
            ("bare sorted() + ranks + tie groups", f"{t_bare * 1000:,.0f} ms"),
            (f"rank_totals, decisions only (best of {args.repeat})", f"{t_decide * 1000:,.0f} ms"),
            ("  ratio (target ≤ 2×)", f"{t_decide / t_bare:.2f}×"),
            ("rank_units, every entry and reason read", f"{t_full * 1000:,.0f} ms"),
            ("  ratio (target ≤ 8×)", f"{t_full / t_bare:.2f}×"),
            ("peak memory of rank_totals (tracemalloc)", f"{peak_decide / 2**20:,.1f} MiB"),
            ("  per unit", f"{peak_decide / n:,.0f} bytes"),
            ("peak memory of rank_units", f"{peak_full / 2**20:,.1f} MiB"),
            ("  per unit", f"{peak_full / n:,.0f} bytes"),
        ],
    )


if __name__ == "__main__":
    main()
