"""Awards under quotas: Measures Art. 4 (好中选优), 7 (quotas, vacancies), 19 (prizes), 21."""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.allocation import (
    PRIORITY_RECOMMENDATIONS,
    Allocation,
    AllocationPolicy,
    Candidate,
    OffCycleReading,
    PlacementOutcome,
    QuotaTiePolicy,
    allocate,
    priority_recommendations,
)
from baoshan_quality.award.baoshan import ACHIEVEMENT, BAOSHAN_2023, GOLD, MAYOR, MODEL
from baoshan_quality.award.cycle import CyclePolicy
from baoshan_quality.award.parts import AwardClass, PrizeItem, Track
from baoshan_quality.citations import measures
from baoshan_quality.errors import (
    BaoshanQualityError,
    DuplicateUnitError,
    InvalidInputError,
    OutsideValidityError,
    UnknownUnitError,
    UnresolvedTieError,
)
from baoshan_quality.serialization import from_json, to_json
from tests.anything import anything

D = dt.date
ON = D(2025, 9, 19)


def cand(
    name: str,
    score: object,
    passed: bool = True,
    award_class: AwardClass = MAYOR,
    track: Track = MODEL,
) -> Candidate:
    return Candidate(name=name, award_class=award_class, track=track, score=score, passed=passed)


def names(result: Allocation, award_class: AwardClass = MAYOR, track: Track = MODEL) -> list[str]:
    return list(result.group(award_class, track).awarded)


# Art. 7: 区长奖 模式 ≤ 2、成果 ≤ 1；金奖 模式 ≤ 10、成果 ≤ 2.
@pytest.mark.parametrize(
    ("award_class", "track", "quota"),
    [(MAYOR, MODEL, 2), (MAYOR, ACHIEVEMENT, 1), (GOLD, MODEL, 10), (GOLD, ACHIEVEMENT, 2)],
)
def test_art7_at_most_the_quota_best_first(
    award_class: AwardClass, track: Track, quota: int
) -> None:
    pool = [
        cand(f"c{i:02d}", 100 - i, award_class=award_class, track=track) for i in range(quota + 3)
    ]
    result = allocate(pool, on=ON)
    group = result.group(award_class, track)
    assert group.quota == quota
    assert list(group.awarded) == [f"c{i:02d}" for i in range(quota)]
    assert group.vacancies == 0
    assert result[f"c{quota:02d}"].outcome is PlacementOutcome.OUTSIDE_QUOTA
    assert result[f"c{quota:02d}"].rank == quota + 1


def test_art7_every_award_may_be_vacant() -> None:
    result = allocate([], on=ON)
    assert [(g.award_class, g.track, g.vacancies) for g in result.groups] == [
        (MAYOR, MODEL, 2),
        (MAYOR, ACHIEVEMENT, 1),
        (GOLD, MODEL, 10),
        (GOLD, ACHIEVEMENT, 2),
    ]
    one = allocate([cand("甲", 90)], on=ON)
    assert names(one) == ["甲"]
    assert one.group(MAYOR, MODEL).vacancies == 1
    assert "vacancies: mayor/model 1" in one.to_text("en")
    assert "空缺：区长质量奖·先进质量管理模式 1" in str(one)


def test_art18_a_candidate_that_failed_a_stage_never_wins() -> None:
    result = allocate([cand("甲", 99, passed=False), cand("乙", 80), cand("丙", 70)], on=ON)
    assert names(result) == ["乙", "丙"]
    failed = result["甲"]
    assert failed.outcome is PlacementOutcome.FAILED_STAGE
    assert failed.rank is None
    assert failed.prize is None
    assert str(failed.reasons[0].citation) == "Measures Art. 18"
    # Only failed candidates: the award stays vacant.
    nobody = allocate([cand("甲", 99, passed=False)], on=ON)
    assert names(nobody) == []
    assert nobody.group(MAYOR, MODEL).vacancies == 2


def test_art4_optional_minimum_score() -> None:
    policy = AllocationPolicy(minimum_score="85")
    result = allocate([cand("甲", 90), cand("乙", "84.99")], on=ON, policy=policy)
    assert names(result) == ["甲"]
    assert result["乙"].outcome is PlacementOutcome.BELOW_MINIMUM
    assert result.group(MAYOR, MODEL).vacancies == 1
    # A score equal to the floor meets it.
    assert names(allocate([cand("甲", 85)], on=ON, policy=policy)) == ["甲"]


def test_art7_tie_at_the_quota_line_is_refused_naming_the_tied() -> None:
    pool = [cand("甲", 95), cand("乙", 90), cand("丙", 90)]
    with pytest.raises(UnresolvedTieError) as info:
        allocate(pool, on=ON)
    assert set(info.value.units) == {"乙", "丙"}
    assert info.value.boundary == 2
    assert "Art. 7" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_art7_three_way_tie_across_the_line_names_all_three() -> None:
    pool = [cand("甲", 90), cand("乙", 90), cand("丙", 90), cand("丁", 80)]
    with pytest.raises(UnresolvedTieError) as info:
        allocate(pool, on=ON)
    assert set(info.value.units) == {"甲", "乙", "丙"}


@pytest.mark.parametrize(
    ("pool", "winners"),
    [
        # A tie inside the quota is no tie at the line: both win, sharing rank 1.
        ([cand("甲", 95), cand("乙", 95), cand("丙", 90)], ["乙", "甲"]),
        # A tie that exactly fills the quota.
        ([cand("甲", 90), cand("乙", 90)], ["乙", "甲"]),
        # A tie with a candidate that failed a stage does not count.
        ([cand("甲", 95), cand("乙", 90), cand("丙", 90, passed=False)], ["甲", "乙"]),
        # A tie below the line.
        ([cand("甲", 95), cand("乙", 92), cand("丙", 90), cand("丁", 90)], ["甲", "乙"]),
    ],
)
def test_art7_ties_away_from_the_line(pool: list[Candidate], winners: list[str]) -> None:
    assert names(allocate(pool, on=ON)) == winners


def test_tie_inside_the_quota_shares_the_rank() -> None:
    result = allocate([cand("甲", 95), cand("乙", 95), cand("丙", 90)], on=ON)
    assert (result["甲"].rank, result["乙"].rank, result["丙"].rank) == (1, 1, 3)


def test_caller_order_breaks_a_tie_at_the_line() -> None:
    pool = [cand("甲", 95), cand("乙", 90), cand("丙", 90)]
    policy = AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=["丙", "乙"])
    result = allocate(pool, on=ON, policy=policy)
    assert names(result) == ["甲", "丙"]
    assert result.group(MAYOR, MODEL).tie_broken == ("丙", "乙")
    assert result["乙"].outcome is PlacementOutcome.OUTSIDE_QUOTA
    assert any("tie-break" in r.en for r in result["乙"].reasons)
    with pytest.raises(UnresolvedTieError, match="lacks 乙"):
        allocate(
            pool, on=ON, policy=AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=["丙"])
        )


def test_art19_prize_of_each_award() -> None:
    pool = [
        cand("模式甲", 95, award_class=MAYOR, track=MODEL),
        cand("成果乙", 93, award_class=MAYOR, track=ACHIEVEMENT),
        cand("模式丙", 91, award_class=GOLD, track=MODEL),
        cand("成果丁", 89, award_class=GOLD, track=ACHIEVEMENT),
    ]
    result = allocate(pool, on=ON)
    expected = {
        "模式甲": (Decimal(500_000), PrizeItem.PLAQUE),
        "成果乙": (Decimal(20_000), PrizeItem.TROPHY),
        "模式丙": (Decimal(100_000), PrizeItem.PLAQUE),
        "成果丁": (Decimal(10_000), PrizeItem.TROPHY),
    }
    for name, (cap, item) in expected.items():
        prize = result[name].prize
        assert prize is not None
        assert prize.cash_cap == cap
        assert prize.items == (item, PrizeItem.CERTIFICATE)
        assert any(str(r.citation) == "Measures Art. 19" for r in result[name].reasons)


def test_art21_priority_recommendations() -> None:
    assert [f.key for f in priority_recommendations(MODEL)] == [
        "art21.municipal-award",
        "art21.expert-pool.managers",
    ]
    assert [f.key for f in priority_recommendations(ACHIEVEMENT)] == [
        "art21.municipal-award",
        "art21.expert-pool.individual",
    ]
    assert all(
        str(BAOSHAN_2023.cite(f.clause)) == "Measures Art. 21" for f in PRIORITY_RECOMMENDATIONS
    )
    assert priority_recommendations("achievement") == priority_recommendations(ACHIEVEMENT)
    result = allocate([cand("甲", 90), cand("乙", 80, passed=False)], on=ON)
    assert result["甲"].follow_ups == priority_recommendations(MODEL)
    assert result["乙"].follow_ups == ()
    with pytest.raises(InvalidInputError):
        priority_recommendations("plan")  # not a track of the scheme


@pytest.mark.parametrize(
    ("call", "error", "field"),
    [
        (
            lambda: allocate([cand("甲", 90), cand("甲", 80)], on=ON),
            DuplicateUnitError,
            "candidates",
        ),
        (
            lambda: allocate([cand("甲", 90), cand("甲", 80, award_class=GOLD)], on=ON),
            DuplicateUnitError,
            "candidates",
        ),
        (lambda: allocate(["甲"], on=ON), InvalidInputError, "candidates"),  # type: ignore[list-item]
        (lambda: allocate(5, on=ON), InvalidInputError, "candidates"),  # type: ignore[arg-type]
        (lambda: allocate([], on="2025-09-19"), InvalidInputError, "on"),  # type: ignore[arg-type]
        (lambda: allocate([], on=ON, policy="refuse"), InvalidInputError, "policy"),  # type: ignore[arg-type]
        (lambda: allocate([], on=ON, scheme="baoshan-2023"), InvalidInputError, "scheme"),  # type: ignore[arg-type]
        (lambda: cand("甲", -1), InvalidInputError, "score"),
        (lambda: cand("甲", float("nan")), InvalidInputError, "score"),
        (lambda: cand("甲", 90, passed=None), InvalidInputError, "passed"),  # type: ignore[arg-type]
        (
            lambda: cand("甲", 90, award_class="Mayor"),
            InvalidInputError,
            "award_class",
        ),  # not a code
        (
            lambda: allocate([cand("甲", 90, award_class="silver")], on=ON),
            InvalidInputError,
            "award_class",
        ),  # not a class of the scheme
        (lambda: AllocationPolicy(order=["甲", "甲"]), DuplicateUnitError, "order"),
        (lambda: AllocationPolicy(minimum_score="-1"), InvalidInputError, "minimum_score"),
        (lambda: allocate([], on=dt.date(2028, 8, 1)), OutsideValidityError, "on"),
    ],
)
def test_bad_input_is_refused(call: object, error: type, field: str) -> None:
    with pytest.raises(error, match=field):
        call()  # type: ignore[operator]


def test_outside_validity_when_opted_in() -> None:
    result = allocate(
        [cand("甲", 90)], on=dt.date(2028, 8, 1), edition=2027, allow_outside_validity=True
    )
    assert result.applied_outside_validity
    assert any(str(r.citation) == "Measures Art. 28" for r in result.reasons)


def test_lookup_display_and_records() -> None:
    result = allocate([cand("甲", 90), cand("乙", "88.5", passed=False)], on=ON)
    with pytest.raises(UnknownUnitError):
        result["丙"]
    records = result.to_records(lang="zh")
    assert records[0] == {
        "class": "区长质量奖",
        "track": "先进质量管理模式",
        "name": "甲",
        "score": Decimal(90),
        "rank": 1,
        "outcome": "获奖",
        "cash cap (yuan)": Decimal(500_000),
    }
    assert records[1]["outcome"] == "未通过全部评审环节"
    assert records[1]["rank"] is None and records[1]["cash cap (yuan)"] is None
    en = result.to_records(lang="en")
    assert (en[0]["class"], en[0]["track"]) == (MAYOR.en, MODEL.en)
    assert [r["outcome"] for r in en] == ["awarded", "failed-stage"]
    assert result.to_records(numbers="float")[0]["score"] == 90.0
    assert "<table>" in result._repr_html_()
    assert str(result).splitlines()[1].split() == [
        "类别", "奖项", "申报者", "得分", "名次", "结果", "奖金上限（元）",
    ]  # fmt: skip
    # the notes: Art. 4 and 7, the validity, then each class × track's quota and vacancies
    notes = result.to_text("en").splitlines()[-(len(result.reasons) + len(result.groups)) :]
    assert notes[: len(result.reasons)] == [f"[{r.citation}] {r.en}" for r in result.reasons]
    assert notes[len(result.reasons)] == f"[Measures Art. 7] {result.groups[0].reasons[0].en}"
    assert [o.zh for o in PlacementOutcome] == [
        "获奖",
        "名额已满",
        "未达最低分",
        "未通过全部评审环节",
    ]


def test_no_policy_and_no_scheme_mean_the_defaults() -> None:
    pool = [cand("甲", 90), cand("乙", 80)]
    assert allocate(pool, on=ON, policy=None, scheme=None) == allocate(
        pool, on=ON, policy=AllocationPolicy(), scheme=BAOSHAN_2023
    )


@pytest.mark.parametrize(
    "value",
    [
        cand("甲", "92.5"),
        AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=["乙", "甲"], minimum_score="60"),
        allocate([cand("甲", 90), cand("乙", 80, passed=False)], on=ON),
        allocate(
            [cand("甲", 95), cand("乙", 90), cand("丙", 90)],
            on=ON,
            policy=AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=["乙", "丙"]),
        ),
    ],
    ids=lambda v: type(v).__name__,
)
def test_json_round_trip(value: object) -> None:
    assert from_json(to_json(value), type(value)) == value


def test_json_round_trip_of_the_parts() -> None:
    result = allocate([cand("甲", 90)], on=ON)
    for part in (result["甲"], result.groups[0], PRIORITY_RECOMMENDATIONS[0]):
        assert from_json(to_json(part), type(part)) == part


candidates = st.lists(
    st.builds(
        lambda i, score, passed, c, t: Candidate(
            name=f"c{i}", award_class=c, track=t, score=score, passed=passed
        ),
        st.integers(0, 10_000),
        st.integers(60, 70),  # a narrow range, so that ties are common
        st.booleans(),
        st.sampled_from(list(BAOSHAN_2023.classes)),
        st.sampled_from(list(BAOSHAN_2023.tracks)),
    ),
    max_size=30,
    unique_by=lambda c: c.name,
)
QUOTAS = {
    ("mayor", "model"): 2,
    ("mayor", "achievement"): 1,
    ("gold", "model"): 10,
    ("gold", "achievement"): 2,
}


def _tie_at_line(pool: list[Candidate], key: tuple[str, str]) -> bool:
    scores = sorted(
        (c.score for c in pool if (c.award_class, c.track) == key and c.passed), reverse=True
    )
    q = QUOTAS[key]
    return 0 < q < len(scores) and scores[q - 1] == scores[q]


@given(candidates, st.randoms(use_true_random=False))
def test_allocation_never_exceeds_a_quota_nor_awards_a_failed_candidate(
    pool: list[Candidate], rnd: object
) -> None:
    order = [c.name for c in pool]
    rnd.shuffle(order)  # type: ignore[attr-defined]
    refused = any(_tie_at_line(pool, key) for key in QUOTAS)
    try:
        allocate(pool, on=ON)
    except UnresolvedTieError:
        assert refused
    else:
        assert not refused
    result = allocate(
        pool, on=ON, policy=AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=order)
    )
    by_name = {c.name: c for c in pool}
    for group in result.groups:
        key = (group.award_class.code, group.track.code)
        assert len(group.awarded) <= QUOTAS[key]
        assert group.vacancies == QUOTAS[key] - len(group.awarded)
        passed = [c for c in pool if (c.award_class, c.track) == key and c.passed]
        assert len(group.awarded) == min(QUOTAS[key], len(passed))
        for name in group.awarded:
            assert by_name[name].passed
        if group.awarded:
            lowest = min(by_name[n].score for n in group.awarded)
            assert all(c.score <= lowest for c in passed if c.name not in group.awarded)
    assert {p.name for p in result.placements} == set(by_name)


ANYTHING = anything(
    st.sampled_from([*BAOSHAN_2023.classes, *BAOSHAN_2023.tracks, "mayor", "model", "silver"])
)


@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_any_input_raises_only_library_errors(
    a: object, b: object, c: object, d: object, e: object
) -> None:
    calls = [
        lambda: Candidate(name=a, award_class=b, track=c, score=d, passed=e),  # type: ignore[arg-type]
        lambda: allocate(a, on=b, policy=c, scheme=d, allow_outside_validity=e),  # type: ignore[arg-type]
        lambda: allocate([cand("甲", 90)], on=a, policy=b, scheme=c),  # type: ignore[arg-type]
        lambda: AllocationPolicy(ties=a, order=b, minimum_score=c),  # type: ignore[arg-type]
        lambda: priority_recommendations(a),  # type: ignore[arg-type]
        lambda: allocate([], on=ON).group(a, b),  # type: ignore[arg-type]
        lambda: allocate([], on=ON)[a],  # type: ignore[arg-type]
    ]
    for call in calls:
        with contextlib.suppress(BaoshanQualityError):
            call()


# --- Art. 5 against Art. 7 (reading R45): an edition is awarded in its evaluation year ------


def test_art5_an_incubation_year_is_refused_by_default() -> None:
    """每两年评选一届，其中一年为培育孵化年，一年为评选年: with 2023 an evaluation year
    (R10), 2024 and 2026 incubate; an allocation dated in them is refused, citing Art. 5."""
    for day, evaluation in ((D(2024, 9, 19), 2025), (D(2026, 3, 1), 2027)):
        with pytest.raises(InvalidInputError) as info:
            allocate([cand("甲", 90)], on=day)
        err = info.value
        assert (err.field, err.value, str(err.citation)) == ("on", day, "Measures Art. 5")
        assert f"{day.year} is an incubation year" in str(err)
        assert f"evaluation year ({evaluation})" in str(err)
        assert "R45" in str(err)


def test_art5_the_edition_year_may_be_named() -> None:
    """The 5th edition, evaluated in 2023, was presented on 2024-04-23: a decision in
    2024 for the 2023 edition names it; an incubation edition year is refused by name."""
    result = allocate([cand("甲", 90)], on=D(2024, 4, 23), edition=2023)
    assert (result.edition, result.off_cycle) == (2023, False)
    assert result.reasons[1].citation == measures("Art. 5")
    assert "2023 年为评选年" in result.reasons[1].zh
    with pytest.raises(InvalidInputError) as info:
        allocate([cand("甲", 90)], on=D(2025, 9, 19), edition=2024)
    assert (info.value.field, info.value.value) == ("edition", 2024)
    with pytest.raises(InvalidInputError, match="edition"):
        allocate([cand("甲", 90)], on=ON, edition="2025")  # type: ignore[arg-type]


def test_art5_the_other_reading_flags_the_result() -> None:
    policy = AllocationPolicy(off_cycle=OffCycleReading.FLAG)
    result = allocate([cand("甲", 90)], on=D(2024, 9, 19), policy=policy)
    assert (result.edition, result.off_cycle) == (2024, True)
    assert [p.name for p in result.awarded] == ["甲"]
    flag = result.reasons[1]
    assert flag.citation == measures("Art. 5")
    assert "培育孵化年" in flag.zh and "R45" in flag.en
    assert not allocate([cand("甲", 90)], on=ON, policy=policy).off_cycle


def test_art5_the_anchor_is_a_reading_too() -> None:
    """R10: with 2024 as an evaluation year, 2024 is one and 2025 is not."""
    anchor = AllocationPolicy(cycle=CyclePolicy(evaluation_anchor=2024))
    assert allocate([cand("甲", 90)], on=D(2024, 9, 19), policy=anchor).edition == 2024
    with pytest.raises(InvalidInputError, match="2025 is an incubation year"):
        allocate([cand("甲", 90)], on=ON, policy=anchor)


def test_chinese_reasons_use_chinese_names() -> None:
    """No code (mayor, gold, model, achievement) inside a Chinese sentence."""
    result = allocate(
        [cand("甲", 90), cand("乙", 80, award_class=GOLD, track=ACHIEVEMENT, passed=False)], on=ON
    )
    sentences = [r.zh for r in result.reasons] + [
        r.zh for p in result.placements for r in p.reasons
    ]
    sentences += [r.zh for g in result.groups for r in g.reasons]
    for sentence in sentences:
        assert not any(code in sentence for code in ("mayor", "gold", "model", "achievement"))
    assert "区长质量奖·先进质量管理模式第 1 名" in result["甲"].reasons[0].zh
