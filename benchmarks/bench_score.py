"""Scoring 10,000 assessments with every line and reason read, vs a dict-of-Decimal sum.

Target (issue 13): at most 35× the bare sum, in one run.  The bare version does the
arithmetic only: the sum of the thirty criteria, the bonus capped at 5, one deduction
of 5 for any incident.  ``score`` also checks the assessment against the readings and
builds the whole card — 30 lines, 13 + 5 subtotals, the bonus lines and the reasons,
each citing its clause — and the benchmark reads every line, subtotal and reason (both
languages).  Both sides return the list of totals; for the record, the script also
times keeping every card (10,000 cards of ~50 objects each, which the garbage collector
then walks).

    python benchmarks/bench_score.py [--assessments 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal

from _common import best_of, report

from baoshan_quality import RUBRIC, Assessment, HonorLevel, IncidentKind, ScoreCard, score

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


def read(card: ScoreCard) -> Decimal:
    """Every line, subtotal, bonus line and reason of a card read; its total."""
    for line in card.lines:
        line.awarded, line.maximum, line.citation, line.missing  # noqa: B018 - the read
    for sub in (*card.sub_items, *card.categories):
        sub.awarded  # noqa: B018 - the read is the point
    for bonus in card.bonus_lines:
        bonus.points  # noqa: B018 - the read is the point
    for reason in card.reasons:
        reason.zh, reason.en, reason.citation  # noqa: B018 - the read is the point
    return card.total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    items = make_assessments(args.assessments)
    t_bare, totals = best_of(lambda: bare(items), args.repeat)
    t_full, read_totals = best_of(lambda: [read(score(a)) for a in items], args.repeat)
    t_kept, cards = best_of(lambda: [score(a) for a in items], args.repeat)
    assert read_totals == totals == [c.total for c in cards]
    n = args.assessments
    report(
        f"score() on {n:,} assessments",
        [
            ("bare dict-of-Decimal sum", f"{t_bare * 1000:,.0f} ms"),
            (
                f"score, every line and reason read (best of {args.repeat})",
                f"{t_full * 1000:,.0f} ms",
            ),
            ("  per assessment", f"{t_full / n * 1e6:,.0f} µs"),
            ("  ratio (target ≤ 35×)", f"{t_full / t_bare:.1f}×"),
            ("score, every card kept", f"{t_kept * 1000:,.0f} ms"),
            ("  ratio to the bare sum", f"{t_kept / t_bare:.1f}×"),
        ],
    )


if __name__ == "__main__":
    main()
