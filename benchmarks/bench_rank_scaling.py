"""Ranking in bounded work (issue 15): one huge tie, and growth from 1k to 100k units.

Targets, for both ``rank_units`` (the full explanation: every entry and every reason
read, Chinese and English) and ``rank_totals`` (the decisions alone):

* **ties** — 20,000 units that all share one total rank within 2× the time of 20,000
  units with distinct totals (the first version took 20.8 s for the tie: quadratic);
* **growth** — the time grows at most 12× when the units grow 10× (1,000 → 10,000 →
  100,000), for totals drawn from 0.00–105.00 (many ties) and for one tie of all units.

Names are in a random order and totals assigned at random, so the sort does real
work.  Each figure is the best of a few runs; a run of the small sizes repeats the
call until it has taken at least 0.2 s of CPU time and divides.  Beside each growth,
the growth of a bare baseline on the same units in the same run: ``sorted()`` over
(−total, name) with the competition ranks and the groups of equal totals
(``bench_rank.bare``) — what any ranking must do.  On a machine whose caches the
100,000 units outgrow (or that other processes share) the baseline itself grows by
more than 10× per decade; the library's growth is to be read against it.

    python benchmarks/bench_rank_scaling.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from _common import report
from bench_rank import bare

from baoshan_quality import Ranking, UnitScore, rank_totals, rank_units

Units = list[UnitScore]


def names(n: int, seed: int) -> list[str]:
    out = [f"单位{i:06d}" for i in range(n)]
    random.Random(seed).shuffle(out)
    return out


def one_tie(n: int, seed: int = 15) -> Units:
    return [UnitScore(name, Decimal("88.5")) for name in names(n, seed)]


def distinct(n: int, seed: int = 15) -> Units:
    # n distinct totals in [0, 105]: steps of 105 / n, kept exact in 1E-6 units.
    step = 105_000_000 // n
    values = [Decimal(i * step).scaleb(-6) for i in range(n)]
    random.Random(seed + 1).shuffle(values)
    return [UnitScore(name, v) for name, v in zip(names(n, seed), values, strict=True)]


def drawn(n: int, seed: int = 15) -> Units:
    rng = random.Random(seed + 2)
    return [UnitScore(name, Decimal(rng.randint(0, 10500)).scaleb(-2)) for name in names(n, seed)]


def explained(units: Units) -> Ranking:
    """rank_units, then every entry and every reason read."""
    ranking = rank_units(units)
    for entry in ranking:
        for reason in entry.reasons:
            reason.zh, reason.en, reason.citation  # noqa: B018 - the read is the point
    return ranking


def decided(units: Units) -> Any:
    return rank_totals({u.unit: u.total for u in units})


def cpu(function: Callable[[], Any], repeat: int) -> float:
    """The least CPU time of one call, over ``repeat`` runs of at least 0.2 s each."""
    best = float("inf")
    for _ in range(repeat):
        calls = 0
        started = time.process_time()
        while True:
            function()
            calls += 1
            spent = time.process_time() - started
            if spent >= 0.2:
                break
        best = min(best, spent / calls)
    return best


def baseline(units: Units) -> Any:
    return bare({u.unit: u.total for u in units})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    functions = {
        "rank_units (every reason read)": explained,
        "rank_totals": decided,
        "bare baseline": baseline,
    }

    tie, spread = one_tie(20_000), distinct(20_000)
    for label, function in functions.items():
        t_tie = cpu(lambda f=function: f(tie), args.repeat)
        t_spread = cpu(lambda f=function: f(spread), args.repeat)
        rows += [
            (f"{label}: 20,000 distinct totals", f"{t_spread * 1000:,.0f} ms"),
            (f"{label}: 20,000 in one tie", f"{t_tie * 1000:,.0f} ms"),
            ("  ratio tie / distinct (target ≤ 2×)", f"{t_tie / t_spread:.2f}×"),
        ]

    sizes = (1_000, 10_000, 100_000)
    for kind, make in (("totals 0.00-105.00", drawn), ("one tie", one_tie)):
        inputs = {n: make(n) for n in sizes}
        times = {label: dict.fromkeys(sizes, float("inf")) for label in functions}
        for _ in range(args.repeat):  # sizes and functions interleaved: drift hits all alike
            for n in sizes:
                for label, function in functions.items():
                    spent = cpu(lambda f=function, u=inputs[n]: f(u), 1)
                    times[label][n] = min(times[label][n], spent)
        for label, t in times.items():
            rows += [
                (f"{label}, {kind}: 1k / 10k / 100k",
                 " / ".join(f"{t[n] * 1000:,.1f} ms" for n in sizes)),
                ("  growth 1k→10k, 10k→100k (target ≤ 12×)",
                 f"{t[10_000] / t[1_000]:.1f}×, {t[100_000] / t[10_000]:.1f}×"),
            ]  # fmt: skip
    report("ranking in bounded work: ties and growth", rows)


if __name__ == "__main__":
    main()
