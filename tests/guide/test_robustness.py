"""How robust is a §8 ranking: tier_probabilities, checked against an independent oracle.

The oracle draws the noise exactly as the documentation says (``random.Random(seed)``;
for each edition, one ``random()`` per unit in name order, turned into ``X − m/2``
tenths of a point by inverting the binomial distribution of ``m = 4 (10 σ)²`` fair
coins, computed here with fractions; kept within Appendix B's range) and decides
each edition from the clauses themselves — §8.2 rank = 1 + the units with a higher
total, tier A when ≤ 6; §8.3 优秀 when ≤ 3 and (Appendix C note 3) no incident; R2
backfill: the clean tier-A units with fewer than 3 clean units above — without the
library's ranking code.
"""

from __future__ import annotations

import bisect
import json
import math
import random
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate

import pytest

from baoshan_quality import (
    RUBRIC,
    Assessment,
    InvalidInputError,
    TiePolicy,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    from_json,
    score,
    tier_probabilities,
    to_json,
)
from baoshan_quality.errors import StructureError, UnknownUnitError
from baoshan_quality.guide import MAX_EDITIONS, TierProbabilities, rank_totals

Row = tuple[str, Decimal, bool]


def oracle(
    rows: list[Row], noise: Decimal, editions: int, seed: int, backfill: bool = False,
    strict: bool = False,
) -> tuple[dict[str, tuple[int, int]], int]:  # fmt: skip
    """Counts of editions in tier A and 优秀 per unit, and the undecided editions."""
    rng = random.Random(seed)
    sample = sampler(noise)
    plan = sorted(rows)  # by unit name
    counts = {name: [0, 0] for name, _, _ in rows}
    undecided = 0
    for _ in range(editions):
        noisy = {}
        for name, total, bad in plan:
            value = total + Decimal(sample(rng.random())) / 10
            low, high = (Decimal(-5), Decimal(100)) if bad else (Decimal(0), Decimal(105))
            noisy[name] = min(max(value, low), high)
        rank = {n: 1 + sum(1 for o in noisy.values() if o > t) for n, t in noisy.items()}
        if strict:  # R1 strict, no tie-break order: a tie across the 6th or 3rd place
            sizes = {r: sum(1 for x in rank.values() if x == r) for r in rank.values()}
            if any(r <= line < r + g - 1 for r, g in sizes.items() for line in (3, 6)):
                undecided += 1
                continue
        bad_units = {name for name, _, bad in rows if bad}
        for name in noisy:
            in_a = rank[name] <= 6
            counts[name][0] += in_a
            if backfill:
                clean_above = sum(
                    1 for o in noisy if o not in bad_units and rank[o] <= 6
                    and noisy[o] > noisy[name]
                )  # fmt: skip
                counts[name][1] += in_a and name not in bad_units and clean_above < 3
            else:
                counts[name][1] += rank[name] <= 3 and name not in bad_units
    return {name: (a, x) for name, (a, x) in counts.items()}, undecided


def binomial_row(m: int) -> list[int]:
    """C(m, 0) … C(m, m): the row from its middle by math.comb, mirrored, each other
    entry from its neighbour nearer the middle (C(m, k−1) = C(m, k)·k / (m − k + 1))."""
    half = m // 2
    row = [0] * (m + 1)
    row[half] = math.comb(m, half)
    for k in range(half, 0, -1):
        row[k - 1] = row[k] * k // (m - k + 1)
    for k in range(half + 1, m + 1):
        row[k] = row[m - k]
    return row


def sampler(noise: Decimal) -> Callable[[float], int]:
    """u in [0, 1) → the noise in tenths: the least k with P(X ≤ k) > u, minus m/2."""
    m = int((noise * 20) ** 2)
    counts = list(accumulate(binomial_row(m)))
    cdf = [c / 2**m for c in counts]  # int / int: correctly rounded

    def draw(u: float) -> int:
        return bisect.bisect_right(cdf, u) - m // 2  # the least k with P(X ≤ k) > u

    return draw


def run(rows: list[Row], **kw: object) -> TierProbabilities:
    units = [UnitScore(name, total, bad) for name, total, bad in rows]
    return tier_probabilities(units, **kw)  # type: ignore[arg-type]


EIGHT: list[Row] = [
    ("甲镇", Decimal(96), False), ("乙镇", Decimal("95.5"), True), ("丙镇", Decimal(95), False),
    ("丁镇", Decimal("94.5"), False), ("戊镇", Decimal(94), False), ("己镇", Decimal("93.5"), False),
    ("庚镇", Decimal(93), False), ("辛街道", Decimal("92.5"), False),
]  # fmt: skip


def test_a_small_case_gives_exactly_the_oracles_counts_on_every_python() -> None:
    """Deterministic for a seed across platforms and Python versions: ``random()`` of an
    integer-seeded ``random.Random`` (the sequence Python guarantees) and exact or
    correctly rounded arithmetic.  The figures below are the oracle's (no library
    code), pinned so that a change of the draws anywhere fails here."""
    expected, undecided = oracle(EIGHT, Decimal("2.0"), 12, 2024)
    assert undecided == 0
    assert expected == PINNED
    result = run(EIGHT, noise="2.0", editions=12, seed=2024)
    assert {o.unit: (o.tier_a, o.excellent) for o in result} == expected
    assert result["乙镇"].excellent == 0  # Appendix C note 3: never 优秀
    for o in result:
        assert o.tier_a_percent == (Decimal(100) * o.tier_a / 12).quantize(Decimal("0.01"))


PINNED = {
    "甲镇": (12, 9), "乙镇": (10, 0), "丙镇": (12, 8), "丁镇": (10, 4), "戊镇": (9, 5),
    "己镇": (12, 3), "庚镇": (4, 2), "辛街道": (4, 1),
}  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "noise", "backfill", "strict"),
    [
        (EIGHT, "1.5", False, False),
        (EIGHT, "1.5", True, False),
        (EIGHT, "0.5", False, True),  # many ties across the lines: undecided editions
        # Totals at the edges of their range: the noise is kept within [0, 105] and,
        # after an incident, [-5, 100] (Appendix B, R21).
        (
            [
                ("上限镇", Decimal(105), False),
                ("下限镇", Decimal(0), False),
                ("事故镇", Decimal(100), True),
                ("负分镇", Decimal(-5), True),
                *EIGHT[:4],
            ],
            "5",
            False,
            False,
        ),
    ],
)
def test_every_reading_gives_the_oracles_counts(
    rows: list[Row], noise: str, backfill: bool, strict: bool
) -> None:
    """§8.2, §8.3, note 3 under R1 (competition; strict without a tie-break order) and
    R2 (vacant; backfill)."""
    policy = TieringPolicy(
        ties=TiePolicy.STRICT if strict else TiePolicy.COMPETITION,
        vacancy=VacancyPolicy.BACKFILL if backfill else VacancyPolicy.VACANT,
    )
    expected, undecided = oracle(rows, Decimal(noise), 400, 11, backfill, strict)
    result = run(rows, noise=noise, editions=400, seed=11, policy=policy)
    assert {o.unit: (o.tier_a, o.excellent) for o in result} == expected
    assert result.undecided == undecided
    assert (undecided > 0) is strict


def test_the_noise_has_mean_0_and_standard_deviation_sigma() -> None:
    """m = 4 (10 σ)² fair coins, centred: variance m / 4 = (10 σ)² tenths², so σ points."""
    rng = random.Random(5)
    for sigma in (Decimal("0.3"), Decimal("1.5"), Decimal(5)):
        m = int((sigma * 20) ** 2)
        row = binomial_row(m)
        assert row[m // 3] == math.comb(m, m // 3) and row[-1] == row[0] == 1
        assert sum(row) == 2**m
        spread = sum(c * (2 * k - m) ** 2 for k, c in enumerate(row))
        assert Fraction(spread, 4 * 2**m) == (sigma * 10) ** 2  # exactly m / 4 = (10 σ)²
        sample = sampler(sigma)
        draws = [sample(rng.random()) for _ in range(20_000)]
        mean = sum(draws) / len(draws)
        sd = (sum((d - mean) ** 2 for d in draws) / len(draws)) ** 0.5 / 10
        assert abs(mean) < 0.05 * float(sigma) * 10
        assert abs(sd - float(sigma)) < 0.03 * float(sigma)


def test_no_noise_is_the_ranking_itself() -> None:
    units = [UnitScore(name, total, bad) for name, total, bad in EIGHT]
    result = tier_probabilities(units, noise=0, editions=3)
    decided = rank_totals(
        {u.unit: u.total for u in units}, {u.unit for u in units if u.major_incident}
    )
    for o in result:
        assert o.tier_a == (3 if o.unit in decided.tier_a else 0)
        assert o.excellent == (3 if o.unit in decided.excellent else 0)
        assert o.tier_a_percent in (0, 100)


def test_the_same_seed_gives_the_same_result_and_another_seed_another() -> None:
    one = run(EIGHT, editions=500, seed=3)
    assert run(EIGHT, editions=500, seed=3) == one
    assert run(list(reversed(EIGHT)), editions=500, seed=3) == one  # input order is irrelevant
    assert run(EIGHT, editions=500, seed=4) != one


def test_units_in_rank_order_with_their_totals_and_score_cards_as_input() -> None:
    full = {c.code: c.points for c in RUBRIC.criteria}
    cards = [score(Assessment(n, 2024, {**full, "5.1.4": 10 - i})) for i, n in enumerate("戊乙丙")]
    result = tier_probabilities(cards, editions=10)
    assert [(o.unit, o.total) for o in result] == [
        ("戊", Decimal(100)), ("乙", Decimal(99)), ("丙", Decimal(98))
    ]  # fmt: skip
    assert all(o.tier_a == 10 for o in result)  # three units: always tier A


@pytest.mark.parametrize(
    ("keyword", "value", "problem"),
    [
        ("editions", 0, "from 1 to 100,000"),
        ("editions", MAX_EDITIONS + 1, "from 1 to 100,000"),
        ("editions", True, "from 1 to 100,000"),
        ("editions", 10.0, "from 1 to 100,000"),
        ("noise", "-0.1", "below the minimum of 0"),
        ("noise", "5.1", "above the maximum of 5"),
        ("noise", "0.15", "a multiple of 0.1"),
        ("noise", "x", "plain decimal"),
        ("seed", -1, "from 0 to 2\\*\\*64 - 1"),
        ("seed", 2**64, "from 0 to 2\\*\\*64 - 1"),
        ("seed", "1", "from 0 to 2\\*\\*64 - 1"),
        ("policy", "strict", "expected a TieringPolicy"),
    ],
)
def test_bounds_on_the_work_are_the_librarys_errors(
    keyword: str, value: object, problem: str
) -> None:
    with pytest.raises(InvalidInputError, match=problem) as caught:
        run(EIGHT, **{keyword: value})
    assert caught.value.field == keyword


def test_bad_units_are_refused_as_rank_units_refuses_them() -> None:
    with pytest.raises(InvalidInputError, match="appears more than once"):
        tier_probabilities([UnitScore("甲", 1), UnitScore("甲", 2)])
    with pytest.raises(InvalidInputError, match="expected a sequence"):
        tier_probabilities("甲")  # type: ignore[arg-type]


def test_prints_in_the_display_language_and_gives_plottable_records() -> None:
    result = run(EIGHT, editions=100, seed=1)
    zh = result.to_text("zh").splitlines()
    assert zh[0] == "100 届模拟（噪声 σ = 1.5 分，种子 1）：进入 A 档与“优秀”的比例（§8）"
    assert zh[1].split() == ["单位", "总分", "重大质量事件", "A", "档（%）", "优秀（%）"]
    en = result.to_text("en").splitlines()
    assert (
        en[0] == "100 editions (noise σ = 1.5 points, seed 1): share in tier A and 优秀 (Guide §8)"
    )
    records = result.to_records(numbers="float")
    assert set(records[0]) == {
        "unit", "total", "major_incident", "tier_a_percent", "excellent_percent", "tier_a",
        "excellent",
    }  # fmt: skip
    assert all(isinstance(r["tier_a_percent"], float) for r in records)


def test_its_data_frame_plots_when_pandas_is_installed() -> None:
    pytest.importorskip("pandas")  # the `docs` extra has it; the library never requires it
    result = run(EIGHT, editions=100, seed=1)
    frame = result.to_dataframe()
    assert list(frame["unit"]) == [o.unit for o in result]
    assert str(frame["excellent_percent"].dtype) == "float64"


def test_strict_undecided_editions_are_reported() -> None:
    result = run(
        EIGHT, noise="0.5", editions=200, seed=11, policy=TieringPolicy(ties=TiePolicy.STRICT)
    )
    assert result.undecided > 0
    assert f"{result.undecided} editions had a tie across the 6th or 3rd place" in result.to_text(
        "en"
    )
    assert all(o.tier_a <= 200 - result.undecided for o in result)


def test_round_trips_through_json_and_refuses_an_inconsistent_result() -> None:
    result = run(EIGHT, editions=50)
    assert from_json(to_json(result), TierProbabilities) == result
    data = json.loads(to_json(result))
    data["units"][0]["excellent"] = 51
    with pytest.raises(StructureError, match="tier A"):
        from_json(json.dumps(data), TierProbabilities)
    data = json.loads(to_json(result))
    data["units"][1]["unit"] = data["units"][0]["unit"]
    with pytest.raises(StructureError, match="only once"):
        from_json(json.dumps(data), TierProbabilities)
    with pytest.raises(UnknownUnitError):
        result["无此镇"]
