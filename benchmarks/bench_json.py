"""JSON round-trip of 10,000 score cards vs cattrs on plain attrs classes (target ≤ 2×).

The library's round-trip is ``from_json(to_json(card), ScoreCard)`` with its one
strict converter (validated Decimal strings, ISO dates, enum values, forbidden
extra keys, detailed errors).  The baseline mirrors ScoreCard with plain attrs
classes (same fields, no validators) and a plain ``cattrs.Converter`` with only
the Decimal and enum hooks JSON needs; the same ``json`` module does the text.

    python benchmarks/bench_json.py [--cards 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import enum
import json
from decimal import Decimal

import attrs
import cattrs
from _common import best_of, report
from bench_score import make_assessments

from baoshan_quality import ScoreCard, from_json, score, to_json
from baoshan_quality.serialization import unstructure


@attrs.define
class PCitation:
    document: str
    clause: str


@attrs.define
class PReason:
    citation: PCitation
    zh: str
    en: str


@attrs.define
class PLine:
    code: str
    name_zh: str
    name_en: str
    awarded: Decimal
    maximum: Decimal
    citation: PCitation
    missing: bool = False


@attrs.define
class PSubtotal:
    code: str
    name_zh: str
    name_en: str
    awarded: Decimal
    maximum: Decimal
    citation: PCitation


@attrs.define
class PBonus:
    level: str
    title: str
    points: Decimal


@attrs.define
class PPolicy:
    incidents: str
    floor: str
    missing: str


@attrs.define
class PCard:
    unit: str
    year: int
    lines: tuple[PLine, ...]
    sub_items: tuple[PSubtotal, ...]
    categories: tuple[PSubtotal, ...]
    base: Decimal
    bonus_lines: tuple[PBonus, ...]
    bonus_uncapped: Decimal
    bonus: Decimal
    bonus_capped: bool
    incident_count: int
    deduction: Decimal
    floored: bool
    total: Decimal
    policy: PPolicy
    reasons: tuple[PReason, ...]


def plain_converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda v, _: Decimal(v))
    conv.register_unstructure_hook(enum.Enum, lambda e: e.value)
    return conv


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cards = [score(a) for a in make_assessments(args.cards)]
    conv = plain_converter()
    plain = [conv.structure(unstructure(c), PCard) for c in cards]

    def library() -> list[ScoreCard]:
        return [from_json(to_json(c), ScoreCard) for c in cards]

    def baseline() -> list[PCard]:
        return [
            conv.structure(json.loads(json.dumps(conv.unstructure(p), ensure_ascii=False)), PCard)
            for p in plain
        ]

    t_lib, back = best_of(library, args.repeat)
    t_bare, plain_back = best_of(baseline, args.repeat)
    assert back == cards
    assert plain_back == plain
    report(
        f"JSON round-trip of {args.cards:,} score cards",
        [
            (f"to_json + from_json (best of {args.repeat})", f"{t_lib * 1000:,.0f} ms"),
            ("  per card", f"{t_lib / args.cards * 1e6:,.0f} µs"),
            ("plain cattrs on plain attrs classes", f"{t_bare * 1000:,.0f} ms"),
            ("ratio (target ≤ 2×)", f"{t_lib / t_bare:.2f}×"),
        ],
    )


if __name__ == "__main__":
    main()
