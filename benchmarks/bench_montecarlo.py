"""Monte Carlo of 10,000 editions × 14 units: how often each unit lands in A and 优秀.

The 14 units of the ILLUSTRATIVE sample (:mod:`baoshan_quality.sample`, invented
scores) are scored once; each edition adds independent noise to every total
(normal, σ = 1.5 points, rounded to 0.1 and kept inside the range the
deduction allows) and ranks the edition with :func:`rank_units` under the
default readings (R1 competition ranking, R2 vacant).  Target: ≤ 1 s on one
core.  Writes the frequencies as an SVG bar chart (by hand; no plotting
library is needed) when ``--svg PATH`` is given.

    python benchmarks/bench_montecarlo.py [--editions 10000] [--svg docs/montecarlo.svg]
"""

from __future__ import annotations

import argparse
import random
import time
from decimal import Decimal
from pathlib import Path
from statistics import NormalDist

from _common import report

from baoshan_quality import rank_totals, score
from baoshan_quality.sample import sample_assessments

SIGMA = 1.5


def simulate(
    editions: int, seed: int = 19580
) -> tuple[list[str], dict[str, list[int]], float, float]:
    cards = [score(a) for a in sample_assessments()]
    rng = random.Random(seed)
    started, cpu = time.perf_counter(), time.process_time()
    # A unit's noisy total takes few distinct values (0.1 steps): make each Decimal once.
    made: dict[int, Decimal] = {}
    base = {c.unit: (int(c.total * 10), c.major_incident) for c in cards}
    incidents = frozenset(c.unit for c in cards if c.major_incident)
    a_count = {c.unit: 0 for c in cards}
    x_count = {c.unit: 0 for c in cards}
    # Noise in tenths of a point: round(N(0, 10σ)) drawn in one call from its exact
    # distribution (P(k) = Φ((k + ½)/10σ) − Φ((k − ½)/10σ), |k| ≤ 8σ·10; the mass beyond
    # is below 1e-14) instead of one Python-level gauss() per unit and edition.
    steps = range(-int(80 * SIGMA), int(80 * SIGMA) + 1)
    cdf = NormalDist(0, SIGMA * 10).cdf
    weights = [cdf(k + 0.5) - cdf(k - 0.5) for k in steps]
    plan = list(base.items())
    noise = iter(rng.choices(steps, weights, k=editions * len(plan)))
    for _ in range(editions):
        totals: dict[str, Decimal] = {}
        for name, (tenths, major) in plan:
            low, high = (-50, 1000) if major else (0, 1050)
            noisy = min(max(tenths + next(noise), low), high)
            total = made.get(noisy)
            if total is None:
                total = made[noisy] = Decimal(noisy).scaleb(-1)
            totals[name] = total
        decided = rank_totals(totals, incidents)
        for name in decided.tier_a:
            a_count[name] += 1
        for name in decided.excellent:
            x_count[name] += 1
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    names = [c.unit for c in sorted(cards, key=lambda c: (-c.total, c.unit))]
    return names, {n: [a_count[n], x_count[n]] for n in names}, elapsed, cpu


def svg(names: list[str], counts: dict[str, list[int]], editions: int) -> str:
    """A horizontal bar chart: share of editions in tier A and 优秀, per unit."""
    row, left, width = 26, 150, 420
    height = 60 + row * len(names)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 140}" '
        f'height="{height}" font-family="sans-serif" font-size="12">',
        f'<text x="10" y="20" font-size="14">Monte Carlo, {editions:,} editions, '
        f"σ = {SIGMA} points (ILLUSTRATIVE sample, invented scores)</text>",
        '<rect x="10" y="30" width="12" height="10" fill="#7aa6d6"/>'
        '<text x="26" y="39">tier A 档</text>',
        '<rect x="110" y="30" width="12" height="10" fill="#d9822b"/>'
        '<text x="126" y="39">优秀 excellent</text>',
    ]
    for i, name in enumerate(names):
        y = 50 + i * row
        a, x = (c / editions for c in counts[name])
        out.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{name}</text>')
        out.append(
            f'<rect x="{left}" y="{y + 2}" width="{a * width:.1f}" height="10" fill="#7aa6d6"/>'
        )
        out.append(
            f'<rect x="{left}" y="{y + 12}" width="{x * width:.1f}" height="10" fill="#d9822b"/>'
        )
        out.append(f'<text x="{left + width + 6}" y="{y + 16}">A {a:.1%} · 优秀 {x:.1%}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--editions", type=int, default=10_000)
    parser.add_argument("--svg", type=Path)
    args = parser.parse_args()
    names, counts, elapsed, cpu = simulate(args.editions)
    rows = [
        (f"{args.editions:,} editions × {len(names)} units", f"{elapsed:,.2f} s wall clock"),
        ("  CPU time of this process (target ≤ 1 s)", f"{cpu:,.2f} s"),
        ("  per edition (noise + rank_totals of 14)", f"{cpu / args.editions * 1e6:,.0f} µs"),
    ]
    rows += [
        (f"  {name}", f"A {a / args.editions:6.1%}   优秀 {x / args.editions:6.1%}")
        for name, (a, x) in counts.items()
    ]
    report("Monte Carlo of tiers under score noise", rows)
    if args.svg:
        args.svg.write_text(svg(names, counts, args.editions), encoding="utf-8")
        print(f"   chart written to {args.svg}")


if __name__ == "__main__":
    main()
