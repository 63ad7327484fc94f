"""Monte Carlo of 10,000 editions × 14 units: how often each unit lands in A and 优秀.

The 14 units of the ILLUSTRATIVE sample (:mod:`baoshan_quality.sample`, invented
scores) are scored once; :func:`baoshan_quality.tier_probabilities` adds independent
noise to every total in each edition (a centred binomial of standard deviation
σ = 1.5 points in 0.1 steps, kept inside the range the deduction allows) and decides
each edition with ``rank_totals`` under the default readings (R1 competition ranking,
R2 vacant).  Target: ≤ 1 s on one core.  Writes the shares as an SVG bar chart (by
hand; no plotting library is needed) when ``--svg PATH`` is given.

    python benchmarks/bench_montecarlo.py [--editions 10000] [--svg docs/montecarlo.svg]
"""

from __future__ import annotations

import argparse
import time
from decimal import Decimal
from pathlib import Path

from _common import report

from baoshan_quality import score, tier_probabilities
from baoshan_quality.sample import sample_assessments

SIGMA = Decimal("1.5")


def simulate(editions: int, seed: int = 0) -> tuple[list[str], dict[str, list[int]], float, float]:
    cards = [score(a) for a in sample_assessments()]
    started, cpu = time.perf_counter(), time.process_time()
    odds = tier_probabilities(cards, noise=SIGMA, editions=editions, seed=seed)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    names = [o.unit for o in odds]
    return names, {o.unit: [o.tier_a, o.excellent] for o in odds}, elapsed, cpu


def svg(names: list[str], counts: dict[str, list[int]], editions: int) -> str:
    """A horizontal bar chart: share of editions in tier A and 优秀, per unit."""
    row, left, width = 26, 150, 420
    height = 60 + row * len(names)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 140}" '
        f'height="{height}" font-family="sans-serif" font-size="12">',
        f'<text x="10" y="20" font-size="14">Monte Carlo, {editions:,} editions, '
        f"σ = {SIGMA} points, seed 0 (ILLUSTRATIVE sample, invented scores)</text>",
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
