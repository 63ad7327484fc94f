"""Guide Appendix B: base + bonus (cap 5) − deduction (5) = total; readings R4, R5."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import (
    RUBRIC,
    Assessment,
    Honor,
    HonorLevel,
    IncidentKind,
    InvalidInputError,
    ScoringPolicy,
    score,
)
from baoshan_quality.errors import InvalidScoreError, MissingCriterionError, UnknownCriterionError
from baoshan_quality.guide import FloorPolicy, Incident, IncidentPolicy, MissingPolicy

FULL = {c.code: c.points for c in RUBRIC.criteria}
ZERO = {c.code: 0 for c in RUBRIC.criteria}
N, M, D = HonorLevel.NATIONAL, HonorLevel.MUNICIPAL, HonorLevel.DISTRICT


def card(scores: dict[str, object] = FULL, **kw: object):  # type: ignore[no-untyped-def]
    policy = kw.pop("policy", None)
    return score(Assessment("罗店镇", 2024, scores, **kw), policy=policy)  # type: ignore[arg-type]


def test_full_marks_give_100_and_every_subtotal_its_printed_points() -> None:
    c = card()
    assert (c.base, c.bonus, c.deduction, c.total) == (100, 0, 0, 100)
    assert all(s.awarded == s.maximum for s in (*c.sub_items, *c.categories))
    assert [s.code for s in c.categories] == ["1", "2", "3", "4", "5"]
    assert len(c.lines) == 30 and not c.missing


def test_base_is_the_sum_of_criteria_exactly() -> None:
    scores = {**FULL, "1.1.1": "2.5", "5.1.4": Decimal("7.25"), "2.2.2": 0.1}
    c = card(scores)
    assert c.base == Decimal("100") - Decimal("0.5") - Decimal("2.75") - Decimal("1.9")
    assert c.subtotal("1.1").awarded == Decimal("4.5")
    assert c.subtotal("5").awarded == Decimal("27.25")
    assert c.subtotal("2.2").awarded == Decimal("6.1")


@pytest.mark.parametrize(
    ("honors", "uncapped", "bonus", "capped"),
    [
        ((N,), 3, 3, False),
        ((M,), 2, 2, False),
        ((D,), 1, 1, False),
        ((N, M), 5, 5, False),  # exactly the cap
        ((D,) * 5, 5, 5, False),
        ((N, D, D), 5, 5, False),
        ((N, M, D), 6, 5, True),  # above the cap: 总计不超5分
        ((N, N), 6, 5, True),
        ((N,) * 4, 12, 5, True),
        ((), 0, 0, False),
    ],
)
def test_bonus_per_honour_level_and_the_cap_of_5(
    honors: tuple[HonorLevel, ...], uncapped: int, bonus: int, capped: bool
) -> None:
    c = card(ZERO, honors=honors)
    assert (c.bonus_uncapped, c.bonus, c.bonus_capped) == (uncapped, bonus, capped)
    assert c.total == bonus
    assert [b.points for b in c.bonus_lines] == [h.points for h in honors]


def test_honours_may_carry_a_title() -> None:
    c = card(ZERO, honors=(Honor(N, "全国质量奖"), M))
    assert [(b.level, b.title) for b in c.bonus_lines] == [(N, "全国质量奖"), (M, "")]


@pytest.mark.parametrize(
    ("incidents", "policy", "deduction"),
    [
        (1, IncidentPolicy.ONCE, 5),
        (2, IncidentPolicy.ONCE, 5),  # R4 default: one deduction
        (3, IncidentPolicy.ONCE, 5),
        (1, IncidentPolicy.PER_INCIDENT, 5),
        (2, IncidentPolicy.PER_INCIDENT, 10),  # R4 alternative
        (3, IncidentPolicy.PER_INCIDENT, 15),
        (0, IncidentPolicy.PER_INCIDENT, 0),
    ],
)
def test_deduction_of_5_for_major_incidents_r4(
    incidents: int, policy: IncidentPolicy, deduction: int
) -> None:
    kinds = list(IncidentKind)
    c = card(
        incidents=tuple(kinds[i % 4] for i in range(incidents)),
        policy=ScoringPolicy(incidents=policy),
    )
    assert c.deduction == deduction
    assert c.total == 100 - deduction
    assert c.major_incident is (incidents > 0)
    assert c.incident_count == incidents


def test_bonus_and_deduction_together() -> None:
    c = card(honors=(N, N), incidents=(Incident(IncidentKind.ENGINEERING, "x"),))
    assert c.total == 100  # 100 + 5 (capped from 6) − 5


def test_total_below_zero_is_kept_by_default_r5() -> None:
    c = card(ZERO, incidents=(IncidentKind.PRODUCT,))
    assert (c.total, c.floored) == (-5, False)


def test_total_floored_at_zero_when_chosen_r5() -> None:
    c = card(ZERO, incidents=(IncidentKind.PRODUCT,), policy=ScoringPolicy(floor=FloorPolicy.ZERO))
    assert (c.total, c.floored) == (0, True)
    assert "R5" in c.reasons[-2].en


def test_floor_does_not_touch_a_positive_total() -> None:
    c = card(
        {**ZERO, "5.1.4": 7},
        incidents=(IncidentKind.PRODUCT,),
        policy=ScoringPolicy(floor=FloorPolicy.ZERO),
    )
    assert (c.total, c.floored) == (2, False)


def test_missing_criterion_is_an_error_naming_it() -> None:
    scores = {k: v for k, v in FULL.items() if k not in ("2.1.3", "4.3.1")}
    with pytest.raises(MissingCriterionError, match=r"2\.1\.3, 4\.3\.1") as info:
        card(scores)
    assert info.value.value == ("2.1.3", "4.3.1")


def test_missing_criterion_counts_zero_only_when_asked_and_says_so() -> None:
    scores = {k: v for k, v in FULL.items() if k != "2.1.1"}
    c = card(scores, policy=ScoringPolicy(missing=MissingPolicy.ZERO))
    assert c.base == 94 and c.missing == ("2.1.1",)
    assert any("2.1.1" in r.en and "counted as 0" in r.en for r in c.reasons)


@pytest.mark.parametrize(
    ("code", "value", "match"),
    [
        ("2.1.1", 7, "above the maximum of 6"),
        ("3.1.1", "1.01", "above the maximum of 1"),
        ("5.1.4", 10.5, "above the maximum of 10"),
        ("1.1.1", -1, "below the minimum of 0"),
        ("1.1.1", float("nan"), "finite"),
        ("1.1.1", float("inf"), "finite"),
        ("1.1.1", Decimal("NaN"), "finite"),
        ("1.1.1", Decimal("-Infinity"), "finite"),
        ("1.1.1", "NaN", "plain decimal"),
        ("1.1.1", "1e1", "plain decimal"),
        ("1.1.1", " 2", "plain decimal"),
        ("1.1.1", True, "expected a number"),
        ("1.1.1", None, "expected a number"),
        ("1.1.1", [1], "expected a number"),
    ],
)
def test_a_criterion_score_outside_its_points_or_not_a_number_is_an_error(
    code: str, value: object, match: str
) -> None:
    with pytest.raises(InvalidScoreError, match=match) as info:
        Assessment("罗店镇", 2024, {**FULL, code: value})
    assert code in str(info.value)


def test_error_message_names_field_value_and_clause() -> None:
    with pytest.raises(InvalidScoreError) as info:
        Assessment("罗店镇", 2024, {"2.1.1": 7})
    assert str(info.value) == (
        "Assessment.scores['2.1.1']: above the maximum of 6, got 7 (Guide Appendix B 2.1)"
    )


def test_unknown_criterion_is_an_error() -> None:
    with pytest.raises(UnknownCriterionError, match="4.2.4"):
        Assessment("罗店镇", 2024, {**FULL, "4.2.4": 1})


def test_float_is_taken_through_its_shortest_repr() -> None:
    a = Assessment("罗店镇", 2024, {"2.2.2": 0.1, "2.3.2": 0.2})
    assert a.scores["2.2.2"] + a.scores["2.3.2"] == Decimal("0.3")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"unit": ""}, "non-blank"),
        ({"unit": "罗店镇 "}, "whitespace"),
        ({"unit": 5}, "expected a string"),
        ({"year": "2024"}, "whole number"),
        ({"year": True}, "whole number"),
        ({"year": 2021}, "at least 2022"),
        ({"scores": [("1.1.1", 1)]}, "mapping"),
        ({"scores": {1: 1}}, "string key"),
        ({"honors": ("national",)}, "Honor"),
        ({"honors": N}, "sequence"),
        ({"incidents": ("product",)}, "Incident"),
    ],
)
def test_wrong_types_raise_the_librarys_error(kwargs: dict[str, object], match: str) -> None:
    args: dict[str, object] = {"unit": "罗店镇", "year": 2024, "scores": FULL, **kwargs}
    with pytest.raises(InvalidInputError, match=match):
        Assessment(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["assessment", None, FULL])
def test_score_refuses_what_is_not_an_assessment(bad: object) -> None:
    with pytest.raises(InvalidInputError, match="expected an Assessment"):
        score(bad)  # type: ignore[arg-type]


def test_score_refuses_a_wrong_policy() -> None:
    with pytest.raises(InvalidInputError, match="ScoringPolicy"):
        score(Assessment("罗店镇", 2024, FULL), policy="once")  # type: ignore[arg-type]


def test_caller_decimal_context_does_not_disturb_the_arithmetic() -> None:
    scores = {**FULL, "1.1.1": "2.55", "5.1.4": "9.45"}
    expected = card(scores).total
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        assert card(scores).total == expected == Decimal("99.00")


def test_reasons_are_bilingual_and_cited() -> None:
    c = card(honors=(N, N), incidents=(IncidentKind.SERVICE,))
    clauses = [str(r.citation) for r in c.reasons]
    assert clauses == [
        "Guide Appendix B, Table B.1",
        "Guide Appendix B, 加分项",
        "Guide Appendix B, 减分项",
        "Guide Appendix B, Table B.1",
    ]
    assert all(r.zh and r.en for r in c.reasons)
    assert "above the cap" in c.reasons[1].en


def test_score_card_renders_as_text_html_and_records() -> None:
    c = card()
    assert "总分 total 100" in str(c)
    assert c._repr_html_().startswith("<table>")
    records = c.to_records()
    assert len(records) == 30 and records[0]["code"] == "1.1.1"


criterion_scores = st.fixed_dictionaries(
    {
        c.code: st.decimals(min_value=0, max_value=c.points, places=2, allow_nan=False)
        for c in RUBRIC.criteria
    }
)


@given(
    criterion_scores,
    st.lists(st.sampled_from(list(HonorLevel)), max_size=6),
    st.integers(0, 3),
    st.sampled_from(list(IncidentPolicy)),
)
def test_property_base_within_0_100_bonus_at_most_5_total_adds_up(
    scores: dict[str, Decimal], honors: list[HonorLevel], incidents: int, policy: IncidentPolicy
) -> None:
    c = card(
        scores,
        honors=tuple(honors),
        incidents=(IncidentKind.PRODUCT,) * incidents,
        policy=ScoringPolicy(incidents=policy),
    )
    assert 0 <= c.base <= 100
    assert 0 <= c.bonus <= 5
    assert c.bonus == min(5, sum(h.points for h in honors))
    assert c.base == sum(scores.values())
    assert c.total == c.base + c.bonus - c.deduction
    assert sum(s.awarded for s in c.categories) == c.base
