"""What-if in bounded work (issue 15): least_to_reach and what_it_takes from 1k to 100k units.

Before issue 15 every candidate total was decided by ranking all units again, so one
``least_to_reach`` was O(n² log n) and ``what_it_takes`` O(n³ log n); a fine
resolution (``1E-199999``) ran 14 s for one answer and one ``what_it_takes`` 227 s.
Now the resolution is at least 0.000001 and every answer tries at most 13 candidates,
each decided on the first places only.

For 1,000, 10,000 and 100,000 units (totals drawn from 0.00–100.00, one unit in 20
with a major incident; and all units in one tie): the whole ``what_it_takes`` table
(two answers per unit, with their reasons), at the default step and at the finest,
and one ``least_to_reach`` of the last unit for 优秀.

    python benchmarks/bench_whatif.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal

from _common import best_of, report

from baoshan_quality import Ranking, UnitScore, rank_units
from baoshan_quality.guide import (
    WHAT_IF_MIN_RESOLUTION,
    WhatIfGoal,
    least_to_reach,
    what_it_takes,
)


def drawn(n: int, seed: int = 15) -> Ranking:
    rng = random.Random(seed)
    return rank_units(
        UnitScore(f"单位{i:06d}", Decimal(rng.randint(0, 10000)).scaleb(-2), rng.random() < 0.05)
        for i in range(n)
    )


def one_tie(n: int) -> Ranking:
    return rank_units(UnitScore(f"单位{i:06d}", Decimal("88.5")) for i in range(n))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    for kind, make in (("totals 0.00-100.00", drawn), ("one tie", one_tie)):
        times: dict[str, list[float]] = {"table": [], "table, step 0.000001": [], "one": []}
        for n in (1_000, 10_000, 100_000):
            ranking = make(n)
            last = ranking.entries[-1].unit
            times["table"].append(best_of(lambda r=ranking: what_it_takes(r), args.repeat)[0])
            times["table, step 0.000001"].append(
                best_of(
                    lambda r=ranking: what_it_takes(r, resolution=WHAT_IF_MIN_RESOLUTION),
                    args.repeat,
                )[0]
            )
            times["one"].append(
                best_of(
                    lambda r=ranking, u=last: least_to_reach(r, u, WhatIfGoal.EXCELLENT),
                    args.repeat,
                )[0]
            )
        for label, t in times.items():
            name = "least_to_reach (one unit)" if label == "one" else f"what_it_takes ({label})"
            rows += [
                (f"{name}, {kind}: 1k / 10k / 100k",
                 " / ".join(f"{x * 1000:,.1f} ms" for x in t)),
                ("  growth 1k→10k, 10k→100k", f"{t[1] / t[0]:.1f}×, {t[2] / t[1]:.1f}×"),
            ]  # fmt: skip
    report("what-if in bounded work", rows)


if __name__ == "__main__":
    main()
