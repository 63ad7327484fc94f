"""Scoring 10,000 assessments vs a bare dict-of-Decimal sum (target ≤ 5×).

The bare version does the arithmetic only: the sum of the thirty criteria, the
bonus capped at 5, one deduction of 5 for any incident.  ``score`` also checks
the assessment against the readings and returns a score card whose lines (30),
subtotals (13 + 5), bonus lines and reasons are built on first read
(:mod:`baoshan_quality._deferred`); the script times both the call (what the
target measures) and the call plus reading every card's lines and reasons.

    python benchmarks/bench_score.py [--assessments 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal

from _common import best_of, report

from baoshan_quality import RUBRIC, Assessment, HonorLevel, IncidentKind, score

CAP, DEDUCTION = Decimal(5), Decimal(5)


def make_assessments(n: int, seed: int = 2024) -> list[Assessment]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        scores = {c.code: c.points - Decimal(rng.randint(0, 4)) / 2 for c in RUBRIC.criteria}
        scores = {k: max(v, Decimal(0)) for k, v in scores.items()}
        honors = tuple(rng.choice(list(HonorLevel)) for _ in range(rng.randint(0, 3)))
        incidents = (IncidentKind.PRODUCT,) if rng.random() < 0.1 else ()
        out.append(Assessment(f"单位{i:05d}", 2024, scores, honors=honors, incidents=incidents))
    return out


def bare(items: list[Assessment]) -> list[Decimal]:
    totals = []
    for a in items:
        base = sum(a.scores.values(), Decimal(0))
        bonus = min(sum((h.level.points for h in a.honors), Decimal(0)), CAP)
        totals.append(base + bonus - (DEDUCTION if a.incidents else Decimal(0)))
    return totals


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    items = make_assessments(args.assessments)
    t_lib, cards = best_of(lambda: [score(a) for a in items], args.repeat)
    t_full, _ = best_of(lambda: [score(a).reasons for a in items], args.repeat)
    t_bare, totals = best_of(lambda: bare(items), args.repeat)
    assert [c.total for c in cards] == totals
    report(
        f"score() on {args.assessments:,} assessments",
        [
            (f"score (best of {args.repeat})", f"{t_lib * 1000:,.0f} ms"),
            ("  per assessment", f"{t_lib / args.assessments * 1e6:,.0f} µs"),
            ("bare dict-of-Decimal sum", f"{t_bare * 1000:,.0f} ms"),
            ("ratio (target ≤ 5×)", f"{t_lib / t_bare:.2f}×"),
            ("score + every card's lines and reasons built", f"{t_full * 1000:,.0f} ms"),
            ("  ratio to the bare sum", f"{t_full / t_bare:.2f}×"),
        ],
    )


if __name__ == "__main__":
    main()
