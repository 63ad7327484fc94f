"""Guide Appendix B: base + bonus (cap 5) − deduction (5) = total; readings R4, R5, R19.

Organised by behaviour: the base and subtotals (table B.1); missing criteria (R19);
the bonus (加分项) and its cap; the deduction (减分项, R4); the floor (R5); the
assessment's inputs and their errors; the card as a plain value (equality, JSON,
copies, the caller's decimal context, threads); and its display.  Expectations are
computed by hand from table B.1 (national 3, municipal 2, district 1, capped at 5;
a deduction of 5) and the error format ``field: problem, got value (clause)``; none
is copied from a run.
"""

from __future__ import annotations

import copy
import decimal
import pickle
from decimal import Decimal
from typing import Any

import attrs
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
    ScoreCard,
    ScoringPolicy,
    from_json,
    score,
    to_json,
)
from baoshan_quality.errors import InvalidScoreError, MissingCriterionError, UnknownCriterionError
from baoshan_quality.guide import (
    BonusPolicy,
    FloorPolicy,
    Incident,
    IncidentPolicy,
    MissingPolicy,
)
from baoshan_quality.sample import sample_assessments
from baoshan_quality.serialization import unstructure
from tests.guide.test_tiering import assert_reason, read_from_threads, rebuilt

FULL = {c.code: c.points for c in RUBRIC.criteria}
ZERO = {c.code: 0 for c in RUBRIC.criteria}
N, M, D = HonorLevel.NATIONAL, HonorLevel.MUNICIPAL, HonorLevel.DISTRICT
TABLE_B1 = "Guide Appendix B, Table B.1"


def card(scores: dict[str, Any] = FULL, **kw: Any) -> ScoreCard:
    policy = kw.pop("policy", None)
    return score(Assessment("罗店镇", 2024, scores, **kw), policy=policy)


# --- the base: the sum of the criteria of table B.1 -----------------------------------


def test_full_marks_give_100_and_every_subtotal_its_printed_points() -> None:
    c = card()
    assert (c.base, c.bonus, c.deduction, c.total) == (100, 0, 0, 100)
    assert all(s.awarded == s.maximum for s in (*c.sub_items, *c.categories))
    assert [s.code for s in c.categories] == ["1", "2", "3", "4", "5"]
    assert [s.code for s in c.sub_items] == [s.code for s in RUBRIC.sub_items]
    assert len(c.lines) == 30 and not c.missing
    assert [line.code for line in c.lines] == [x.code for x in RUBRIC.criteria]
    assert [line.maximum for line in c.lines] == [x.points for x in RUBRIC.criteria]
    assert [line.citation for line in c.lines] == [x.citation for x in RUBRIC.criteria]
    assert [(line.name_zh, line.name_en) for line in c.lines] == [
        (x.name_zh, x.name_en) for x in RUBRIC.criteria
    ]
    assert [(s.name_zh, s.maximum, s.citation) for s in c.categories] == [
        (x.name_zh, x.points, x.citation) for x in RUBRIC.categories
    ]


def test_base_is_the_sum_of_criteria_exactly() -> None:
    scores = {**FULL, "1.1.1": "2.5", "5.1.4": Decimal("7.25"), "2.2.2": 0.1}
    c = card(scores)
    assert c.base == Decimal("100") - Decimal("0.5") - Decimal("2.75") - Decimal("1.9")
    assert c.subtotal("1.1").awarded == Decimal("4.5")
    assert c.subtotal("5").awarded == Decimal("27.25")
    assert c.subtotal("2.2").awarded == Decimal("6.1")


def test_appendix_b_base_and_total_reasons() -> None:
    c = card({**FULL, "2.1.1": "4.5"})
    base, total = c.reasons[0], c.reasons[-1]
    # Golden sentences of the base and total families.
    assert base.zh == "基础分为表 B.1 各考核内容得分之和：98.5（满分 100）。"
    assert base.en == "The base is the sum of the criteria of table B.1: 98.5 out of 100."
    assert str(base.citation) == TABLE_B1
    assert total.zh == "总分 = 基础分 98.5 + 加分 0 − 减分 0 = 98.5。"
    assert total.en == "Total = base 98.5 + bonus 0 − deduction 0 = 98.5."
    assert str(total.citation) == TABLE_B1
    assert len(c.reasons) == 2


def test_subtotal_lookup_of_sub_items_and_categories() -> None:
    c = card({**FULL, "4.3.1": 3})
    assert c.subtotal("4.3").awarded == 3
    assert c.subtotal("4").awarded == 18
    assert c.subtotal("4").maximum == 20
    with pytest.raises(UnknownCriterionError) as info:
        c.subtotal("9.9")
    assert str(info.value) == (
        "sub-item: no such sub-item in table B.1, got '9.9' (Guide Appendix B, Table B.1)"
    )


# --- missing criteria (R19) ------------------------------------------------------------


def test_missing_criterion_is_an_error_naming_it() -> None:
    scores = {k: v for k, v in FULL.items() if k not in ("2.1.3", "4.3.1")}
    with pytest.raises(MissingCriterionError, match=r"2\.1\.3, 4\.3\.1") as info:
        card(scores)
    assert info.value.value == ("2.1.3", "4.3.1")


def test_appendix_b_missing_criteria_error_names_field_codes_clause_and_the_way_out() -> None:
    # Table B.1 has thirty criteria; leave out the first and the last.
    scores = {k: v for k, v in FULL.items() if k not in ("1.1.1", "5.2.3")}
    with pytest.raises(MissingCriterionError) as caught:
        score(Assessment("罗店镇", 2024, scores))
    error = caught.value
    assert error.field == "Assessment.scores"
    assert error.value == ("1.1.1", "5.2.3")
    assert str(error.citation) == TABLE_B1
    assert error.message == (
        "Assessment.scores: no score for criteria 1.1.1, 5.2.3 (Guide Appendix B, "
        "Table B.1); pass ScoringPolicy(missing=MissingPolicy.ZERO) to count them as 0"
    )


def test_missing_criterion_counts_zero_only_when_asked_and_says_so() -> None:
    scores = {k: v for k, v in FULL.items() if k != "2.1.1"}
    c = card(scores, policy=ScoringPolicy(missing=MissingPolicy.ZERO))
    assert c.base == 94 and c.missing == ("2.1.1",)
    assert any("2.1.1" in r.en and "counted as 0" in r.en for r in c.reasons)


def test_appendix_b_missing_criteria_counted_as_zero_are_named() -> None:
    scores = {k: v for k, v in FULL.items() if k not in {"1.1.2", "5.2.3"}}
    c = card(scores, policy=ScoringPolicy(missing=MissingPolicy.ZERO))
    assert c.base == 100 - 2 - 2
    assert c.missing == ("1.1.2", "5.2.3")
    assert [line.code for line in c.lines if line.missing] == ["1.1.2", "5.2.3"]
    assert [line.awarded for line in c.lines if line.missing] == [0, 0]
    # Golden sentence of the missing family.
    assert c.reasons[1].zh == "未评分的考核内容按 0 分计（调用方选择）：1.1.2、5.2.3。"
    assert (
        c.reasons[1].en == "Criteria without a score counted as 0 (caller's choice): 1.1.2, 5.2.3."
    )
    assert str(c.reasons[1].citation) == TABLE_B1
    assert c.subtotal("1.1").awarded == 3
    assert c.subtotal("5").awarded == 28


# --- the bonus (加分项): 3, 2, 1 per honour, at most 5 -------------------------------------


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
    assert [b.level for b in c.bonus_lines] == list(honors)


def test_honours_may_carry_a_title() -> None:
    c = card(ZERO, honors=(Honor(N, "全国质量奖"), M))
    assert [(b.level, b.title) for b in c.bonus_lines] == [(N, "全国质量奖"), (M, "")]


def test_appendix_b_bonus_reason_golden_sentences() -> None:
    one = card(honors=(D,)).reasons[1]
    assert (one.zh, one.en) == ("加分：区级质量荣誉 1 项×1，合计 1。", "Bonus: 1 district × 1 = 1.")
    assert str(one.citation) == "Guide Appendix B, 加分项"
    capped = card(honors=(N, M, D)).reasons[1]
    assert capped.zh == (
        "加分：国家级质量荣誉 1 项×3，市级质量荣誉 1 项×2，区级质量荣誉 1 项×1，合计 6，超过上限，按 5 分计。"
    )
    assert capped.en == (
        "Bonus: 1 national × 3, 1 municipal × 2, 1 district × 1 = 6, above the cap, so 5."
    )


@pytest.mark.parametrize(
    ("honors", "zh", "en", "bonus", "capped"),
    [
        ((M, M), ["市级质量荣誉 2 项×2，合计 4。"], ["2 municipal × 2 = 4."], 4, False),
        (
            (N, M),
            ["国家级质量荣誉 1 项×3，市级质量荣誉 1 项×2，合计 5。"],
            ["1 national × 3, 1 municipal × 2 = 5."],
            5,
            False,
        ),
        ((N, N), ["国家级质量荣誉 2 项×3，合计 6，超过上限，按 5 分计。"], ["= 6, above the cap, so 5."], 5, True),
        ((D, N, D), ["国家级质量荣誉 1 项×3，区级质量荣誉 2 项×1，合计 5。"], ["1 national × 3, 2 district × 1"], 5, False),
    ],
)  # fmt: skip
def test_appendix_b_bonus_reason_counts_each_level_and_the_cap(
    honors: tuple[HonorLevel, ...], zh: list[str], en: list[str], bonus: int, capped: bool
) -> None:
    c = card(honors=honors)
    assert_reason(c.reasons[1], "Guide Appendix B, 加分项", ["加分：", *zh], ["Bonus: ", *en])
    assert c.bonus == bonus
    assert c.bonus_capped is capped
    assert [b.points for b in c.bonus_lines] == [h.points for h in honors]


# --- reading R44: several honours of one level (加分项) -----------------------------------
# "加分项（总计不超5分）: 辖区内各类组织获得国家级质量荣誉 3 / 获得市级质量荣誉 2 / 获得区级质量荣誉 1".
# Per honour (default): each honour brings its level's points.  Per level: each level
# reached brings its points once.  The cap of 5 binds under both.

PER_HONOR, PER_LEVEL = BonusPolicy.PER_HONOR, BonusPolicy.PER_LEVEL
POINTS = {N: 3, M: 2, D: 1}  # the three rows of 加分项


@pytest.mark.parametrize(
    ("case", "honors", "per_honor", "per_level"),
    [
        ("one national honour: 3", (N,), (3, 3), (3, 3)),
        ("two national honours: 3 + 3, capped; or the level once", (N, N), (6, 5), (3, 3)),
        ("national + municipal + district: 6, capped under both", (N, M, D), (6, 5), (6, 5)),
        ("six district honours: 6 × 1, capped; or the level once", (D,) * 6, (6, 5), (1, 1)),
        ("national, municipal, municipal: 7 capped; or 3 + 2", (N, M, M), (7, 5), (5, 5)),
        ("every level twice: 12 capped; or 6 capped", (N, M, D) * 2, (12, 5), (6, 5)),
        ("no honour", (), (0, 0), (0, 0)),
    ],
)
def test_r44_bonus_per_honour_or_per_level_and_the_cap_of_5(
    case: str,
    honors: tuple[HonorLevel, ...],
    per_honor: tuple[int, int],
    per_level: tuple[int, int],
) -> None:
    """Appendix B 加分项 under both readings of R44; 总计不超5分 under both."""
    for reading, (uncapped, bonus) in ((PER_HONOR, per_honor), (PER_LEVEL, per_level)):
        c = card(ZERO, honors=honors, policy=ScoringPolicy(bonus=reading))
        # The expectation from the wording: the sum over the honours (or the levels) of
        # the row's points, then at most 5.
        counted = honors if reading is PER_HONOR else tuple(dict.fromkeys(honors))
        assert uncapped == sum(POINTS[h] for h in counted), case
        assert bonus == min(uncapped, 5), case
        assert (c.bonus_uncapped, c.bonus, c.bonus_capped) == (uncapped, bonus, uncapped > 5)
        assert c.total == bonus
        assert c.policy.bonus is reading
        # Every honour is listed; under per-level a repeated level brings 0.
        assert [b.level for b in c.bonus_lines] == list(honors)
        assert sum((b.points for b in c.bonus_lines), Decimal(0)) == uncapped


def test_r44_default_is_per_honour() -> None:
    assert ScoringPolicy().bonus is PER_HONOR
    assert card(ZERO, honors=(N, N)).bonus_uncapped == 6


def test_r44_per_level_lists_a_repeated_level_at_0() -> None:
    c = card(
        ZERO,
        honors=(Honor(N, "甲"), Honor(D, "乙"), Honor(N, "丙")),
        policy=ScoringPolicy(bonus=PER_LEVEL),
    )
    assert [(b.level, b.title, b.points) for b in c.bonus_lines] == [
        (N, "甲", 3), (D, "乙", 1), (N, "丙", 0)
    ]  # fmt: skip


def test_r44_per_level_reason_golden_sentences() -> None:
    per_level = ScoringPolicy(bonus=PER_LEVEL)
    two = card(honors=(N, N), policy=per_level).reasons[1]
    assert str(two.citation) == "Guide Appendix B, 加分项"
    assert two.zh == "加分：国家级质量荣誉 2 项计 3（每一级别计一次，R44 备选），合计 3。"
    assert two.en == "Bonus: 2 national count 3 (each level once, R44 alternative) = 3."
    capped = card(honors=(N, M, D, D), policy=per_level).reasons[1]
    assert capped.zh == (
        "加分：国家级质量荣誉 1 项计 3，市级质量荣誉 1 项计 2，区级质量荣誉 2 项计 1"
        "（每一级别计一次，R44 备选），合计 6，超过上限，按 5 分计。"
    )
    assert capped.en == (
        "Bonus: 1 national count 3, 1 municipal count 2, 2 district count 1 "
        "(each level once, R44 alternative) = 6, above the cap, so 5."
    )


def test_r44_reading_travels_in_json_and_is_checked() -> None:
    policy = ScoringPolicy(bonus=PER_LEVEL)
    c = card(honors=(D,) * 6, policy=policy)
    assert from_json(to_json(c), ScoreCard) == c
    assert '"bonus": "per-level"' in to_json(policy)
    with pytest.raises(InvalidInputError, match="ScoringPolicy.bonus|bonus"):
        ScoringPolicy(bonus="per-level")  # type: ignore[arg-type]


# --- the deduction (减分项) and reading R4 -----------------------------------------------


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


def test_appendix_b_deduction_reason_golden_sentences() -> None:
    one = card(incidents=(IncidentKind.ENGINEERING,)).reasons[1]
    assert one.zh == "发生重大质量事件 1 起，扣减一次，减 5 分。"
    assert one.en == "1 major quality incident(s): one deduction, 5 deducted."
    assert str(one.citation) == "Guide Appendix B, 减分项"
    each = card(
        incidents=(IncidentKind.ENGINEERING,) * 3,
        policy=ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT),
    ).reasons[1]
    assert each.zh == "发生重大质量事件 3 起，每起事件扣 5 分（R4 备选），减 15 分。"
    assert each.en == "3 major quality incident(s): 5 per incident (R4 alternative), 15 deducted."


@pytest.mark.parametrize(
    ("count", "policy", "how_zh", "how_en", "deduction"),
    [
        (1, IncidentPolicy.PER_INCIDENT, "扣减一次", "one deduction", 5),
        (3, IncidentPolicy.ONCE, "多起事件只扣一次（R4 默认）", "one deduction however many (R4 default)", 5),
        (2, IncidentPolicy.PER_INCIDENT, "每起事件扣 5 分（R4 备选）", "5 per incident (R4 alternative)", 10),
    ],
)  # fmt: skip
def test_appendix_b_deduction_reason_r4(
    count: int, policy: IncidentPolicy, how_zh: str, how_en: str, deduction: int
) -> None:
    c = card(incidents=(IncidentKind.ENGINEERING,) * count, policy=ScoringPolicy(incidents=policy))
    assert_reason(
        c.reasons[1],
        "Guide Appendix B, 减分项",
        [f"发生重大质量事件 {count} 起，{how_zh}，减 {deduction} 分。"],
        [f"{count} major quality incident(s): {how_en}, {deduction} deducted."],
    )
    assert c.deduction == deduction
    assert c.incident_count == count
    assert c.major_incident is True
    assert c.total == 100 - deduction


def test_bonus_and_deduction_together() -> None:
    c = card(honors=(N, N), incidents=(Incident(IncidentKind.ENGINEERING, "x"),))
    assert c.total == 100  # 100 + 5 (capped from 6) − 5


def test_reasons_are_bilingual_and_cited() -> None:
    c = card(honors=(N, N), incidents=(IncidentKind.SERVICE,))
    clauses = [str(r.citation) for r in c.reasons]
    assert clauses == [
        TABLE_B1,
        "Guide Appendix B, 加分项",
        "Guide Appendix B, 减分项",
        TABLE_B1,
    ]
    assert all(r.zh and r.en for r in c.reasons)
    assert "above the cap" in c.reasons[1].en
    assert_reason(c.reasons[-1], TABLE_B1, ["基础分 100 + 加分 5 − 减分 5 = 100"], ["= 100."])


# --- the floor (R5) ---------------------------------------------------------------------


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


def test_r5_floor_reason_and_total() -> None:
    zero = dict.fromkeys(FULL, 0)
    a = Assessment("罗店镇", 2024, zero, incidents=(IncidentKind.SERVICE,) * 2)
    literal = score(a, policy=ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT))
    assert literal.total == -10
    assert literal.floored is False
    floored = score(
        a, policy=ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT, floor=FloorPolicy.ZERO)
    )
    assert floored.total == 0
    assert floored.floored is True
    # Golden sentence of the floor family.
    assert floored.reasons[-2].zh == "总分 -10 低于 0，按调用方选择计为 0（R5 备选）。"
    assert floored.reasons[-2].en == "Total -10 is below 0 and floored at 0 (R5 alternative)."
    assert str(floored.reasons[-2].citation) == "Guide Appendix B, 减分项"
    assert floored.reasons[-1].en == "Total = base 0 + bonus 0 − deduction 10 = 0."
    at_zero = score(Assessment("罗店镇", 2024, zero), policy=ScoringPolicy(floor=FloorPolicy.ZERO))
    assert at_zero.floored is False  # exactly 0 is not below 0


# --- the assessment's inputs -----------------------------------------------------------


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
        Assessment("罗店镇", 2024, {**FULL, code: value})  # type: ignore[dict-item]
    assert code in str(info.value)


def test_error_message_names_field_value_and_clause() -> None:
    with pytest.raises(InvalidScoreError) as info:
        Assessment("罗店镇", 2024, {"2.1.1": 7})
    assert str(info.value) == (
        "Assessment.scores['2.1.1']: above the maximum of 6, got 7 (Guide Appendix B 2.1)"
    )


@pytest.mark.parametrize(
    ("scores", "kind", "message"),
    [
        ({"1.1.1": "3.5"}, InvalidScoreError,
         "Assessment.scores['1.1.1']: above the maximum of 3, got 3.5 (Guide Appendix B 1.1)"),
        ({"9.9.9": "1"}, UnknownCriterionError,
         "Assessment.scores['9.9.9']: no such criterion in table B.1, got '9.9.9' "
         "(Guide Appendix B, Table B.1)"),
        ({"1.1": "1"}, UnknownCriterionError,
         "Assessment.scores['1.1']: no such criterion in table B.1, got '1.1' "
         "(Guide Appendix B, Table B.1)"),
        ({"1.1.1": "-0.5"}, InvalidScoreError,
         "Assessment.scores['1.1.1']: below the minimum of 0, got '-0.5' "
         "(Guide Appendix B, Table B.1)"),
    ],
)  # fmt: skip
def test_appendix_b_score_errors_name_criterion_value_and_clause(
    scores: dict[str, str], kind: type[Exception], message: str
) -> None:
    with pytest.raises(kind) as info:
        Assessment("罗店镇", 2024, scores)
    assert str(info.value) == message


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


@pytest.mark.parametrize(
    ("field", "given", "message"),
    [
        ("honors", ["national"], "Assessment.honors[0]: expected Honor or HonorLevel, got 'national'"),
        ("honors", [N, 3], "Assessment.honors[1]: expected Honor or HonorLevel, got 3"),
        ("incidents", ["product"], "Assessment.incidents[0]: expected Incident or IncidentKind, got 'product'"),
        ("incidents", 5, "Assessment.incidents: expected a sequence of Incident, got 5"),
    ],
)  # fmt: skip
def test_each_honour_and_incident_is_checked_naming_its_place(
    field: str, given: object, message: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Assessment("罗店镇", 2024, FULL, **{field: given})  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_bare_levels_and_kinds_become_honours_and_incidents() -> None:
    a = Assessment("罗店镇", 2024, FULL, honors=[N], incidents=[IncidentKind.PRODUCT])
    assert a.honors[0].level is N
    assert a.honors[0].title == ""
    assert a.incidents[0].kind is IncidentKind.PRODUCT
    assert a.incidents[0].description == ""
    assert isinstance(a.honors, tuple) and isinstance(a.incidents, tuple)
    with pytest.raises(InvalidInputError):
        Assessment("罗店镇", 2024, FULL, incidents="product")  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["honors", "incidents"])
def test_a_bare_string_is_not_a_list_of_honours_or_incidents(field: str) -> None:
    # "product" is an IncidentKind value and "national" a HonorLevel value, but one
    # string is not a sequence of them: refused as given, not split into characters.
    given = {"honors": "national", "incidents": "product"}[field]
    kind = {"honors": "Honor", "incidents": "Incident"}[field]
    with pytest.raises(InvalidInputError) as caught:
        Assessment("罗店镇", 2024, FULL, **{field: given})  # type: ignore[arg-type]
    assert caught.value.value == given
    assert caught.value.message == (
        f"Assessment.{field}: expected a sequence of {kind}, got '{given}'"
    )


@pytest.mark.parametrize("bad", ["assessment", None, FULL])
def test_score_refuses_what_is_not_an_assessment(bad: object) -> None:
    with pytest.raises(InvalidInputError, match="expected an Assessment"):
        score(bad)  # type: ignore[arg-type]


def test_score_refuses_a_wrong_policy() -> None:
    with pytest.raises(InvalidInputError, match="ScoringPolicy"):
        score(Assessment("罗店镇", 2024, FULL), policy="once")  # type: ignore[arg-type]


def test_score_refuses_what_is_not_an_assessment_or_a_policy_naming_the_argument() -> None:
    with pytest.raises(InvalidInputError) as caught:
        score("罗店镇")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("assessment", "罗店镇")
    assert caught.value.message == "assessment: expected an Assessment, got '罗店镇'"
    with pytest.raises(InvalidInputError) as caught:
        score(Assessment("罗店镇", 2024, FULL), policy="once")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("policy", "once")
    assert caught.value.message == "policy: expected a ScoringPolicy, got 'once'"


# --- the card is a plain value ---------------------------------------------------------


def test_every_field_of_a_fresh_card_is_set_at_once() -> None:
    """No field waits for a first read; the lines are one tuple, the same on every read."""
    fresh = score(sample_assessments()[0])
    for field in attrs.fields(ScoreCard):
        object.__getattribute__(fresh, field.name)
    assert fresh.total == fresh.base + fresh.bonus - fresh.deduction
    lines = fresh.lines
    assert fresh.lines is lines and len(lines) == len(RUBRIC.criteria)


def test_a_missing_attribute_is_an_attribute_error() -> None:
    fresh = score(sample_assessments()[0])
    assert not hasattr(fresh, "_repr_mimebundle_")  # what a notebook probes for
    assert not hasattr(fresh, "_plan")
    with pytest.raises(AttributeError, match="'ScoreCard' object has no attribute 'nope'"):
        fresh.nope  # type: ignore[attr-defined]  # noqa: B018


def test_caller_decimal_context_does_not_disturb_the_arithmetic() -> None:
    scores = {**FULL, "1.1.1": "2.55", "5.1.4": "9.45"}
    expected = card(scores).total
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        assert card(scores).total == expected == Decimal("99.00")


def hostile(prec: int = 1) -> decimal.Context:
    """A caller's context at its worst: ``prec = 1`` and every trap on (issue 15)."""
    ctx = decimal.Context(prec=prec)
    for signal in ctx.traps:
        ctx.traps[signal] = True
    return ctx


def test_the_sample_scores_and_ranks_the_same_under_prec_1_with_every_trap() -> None:
    """Issue 15: score and rank_units run in the library's own context, whatever the
    caller's; the caller's flags stay clear.  (The sample's assessments are built
    outside: building them is the next test.)"""
    from baoshan_quality import rank_units

    assessments = sample_assessments()
    cards = [score(a) for a in assessments]
    expected = (cards, rank_units(cards), [str(c) for c in cards])
    with decimal.localcontext(hostile()) as ctx:
        cards = [score(a) for a in assessments]
        got = (cards, rank_units(cards), [str(c) for c in cards])
        assert not any(ctx.flags.values()), ctx.flags
    assert got == expected


def test_the_sample_itself_builds_the_same_under_prec_1_with_every_trap() -> None:
    expected = sample_assessments()
    with decimal.localcontext(hostile()) as ctx:
        got = sample_assessments()
        assert not any(ctx.flags.values()), ctx.flags
    assert got == expected


def test_subtotals_under_a_coarse_caller_context_are_still_exact() -> None:
    full = {**FULL, "1.1.1": Decimal("2.25")}
    outside = score(Assessment("罗店镇", 2024, full))
    with decimal.localcontext() as caller:
        caller.prec = 2
        inside = score(Assessment("罗店镇", 2024, full))
        subtotal = outside.subtotal("1.1")
    # 1.1 = 1.1.1 + 1.1.2 + 1.1.3, summed exactly whatever the caller's precision.
    expected = sum((full[c.code] for c in RUBRIC.sub_item("1.1").criteria), Decimal(0))
    assert subtotal.awarded == inside.subtotal("1.1").awarded == expected
    assert str(inside.base) == str(outside.base) == str(sum(full.values(), Decimal(0)))
    assert inside == outside


def test_a_card_equals_its_copies_in_every_way() -> None:
    for a in sample_assessments():
        c, twin = score(a), rebuilt(score(a))
        assert c == twin and hash(c) == hash(twin)
        assert repr(c) == repr(twin)
        assert to_json(c) == to_json(twin)
        assert from_json(to_json(c), ScoreCard) == twin
        assert copy.copy(c) == twin and copy.deepcopy(c) == twin
        assert pickle.loads(pickle.dumps(c)) == twin
        assert attrs.evolve(c, unit="x") == attrs.evolve(twin, unit="x")
        assert set(unstructure(c)) == {f.name for f in attrs.fields(ScoreCard)}


def test_a_fresh_card_reads_the_same_from_eight_threads() -> None:
    assessment = Assessment(
        "罗店镇", 2024, {**FULL, "2.1.2": "1.5"}, honors=(N, M, D), incidents=[IncidentKind.PRODUCT]
    )

    def read(c: ScoreCard) -> object:
        return (c.lines, c.sub_items, c.reasons, c.subtotal("2.1"), c.missing, c.total, str(c))

    read_from_threads(lambda: score(assessment), read)


assessments = st.builds(
    lambda scores, honors, incidents, drop: Assessment(
        "u",
        2024,
        {c.code: s for c, s in zip(RUBRIC.criteria, scores, strict=True) if c.code not in drop},
        honors=honors,
        incidents=incidents,
    ),
    st.tuples(
        *(
            st.decimals(min_value=0, max_value=c.points, places=1, allow_nan=False)
            for c in RUBRIC.criteria
        )
    ),
    st.lists(st.sampled_from(list(HonorLevel)), max_size=4).map(tuple),
    st.lists(st.sampled_from(list(IncidentKind)), max_size=3).map(tuple),
    st.sets(st.sampled_from([c.code for c in RUBRIC.criteria]), max_size=3),
)
scoring_policies = st.builds(
    ScoringPolicy,
    incidents=st.sampled_from(list(IncidentPolicy)),
    floor=st.sampled_from(list(FloorPolicy)),
    missing=st.just(MissingPolicy.ZERO),
    bonus=st.sampled_from(list(BonusPolicy)),
)


@given(assessments, scoring_policies)
def test_property_card_totals_agree_with_its_lines(a: Assessment, p: ScoringPolicy) -> None:
    c = score(a, policy=p)
    assert c.base == sum((line.awarded for line in c.lines), Decimal(0))
    assert c.base == sum((x.awarded for x in c.categories), Decimal(0))
    assert c.base == sum((x.awarded for x in c.sub_items), Decimal(0))
    assert c.bonus_uncapped == sum((b.points for b in c.bonus_lines), Decimal(0))
    assert c.missing == tuple(x.code for x in RUBRIC.criteria if x.code not in a.scores)
    assert c.reasons[-1].en.endswith(f"= {c.total}.")
    assert score(a, policy=p) == rebuilt(c)


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
    st.sampled_from(list(BonusPolicy)),
)
def test_property_base_within_0_100_bonus_at_most_5_total_adds_up(
    scores: dict[str, Decimal],
    honors: list[HonorLevel],
    incidents: int,
    policy: IncidentPolicy,
    bonus: BonusPolicy,
) -> None:
    c = card(
        scores,
        honors=tuple(honors),
        incidents=(IncidentKind.PRODUCT,) * incidents,
        policy=ScoringPolicy(incidents=policy, bonus=bonus),
    )
    assert 0 <= c.base <= 100
    assert 0 <= c.bonus <= 5
    counted = honors if bonus is BonusPolicy.PER_HONOR else set(honors)
    assert c.bonus == min(5, sum(h.points for h in counted))
    assert c.base == sum(scores.values())
    assert c.total == c.base + c.bonus - c.deduction


# --- display: one table (text, HTML, records) ---------------------------------------


def test_score_card_renders_as_text_html_and_records() -> None:
    c = score(Assessment("罗店镇", 2024, {**FULL, "4.3.1": 3}, honors=(N, N)))
    lines = c.to_text("zh").splitlines()
    assert lines[0] == "罗店镇 2024 年度得分（附录 B）：总分 103"
    assert lines[1].split() == ["编号", "考核内容", "得分", "分值"]
    assert any(line.split()[:1] == ["4.3.1"] and line.split()[-2:] == ["3", "5"] for line in lines)
    assert lines[-3:] == [
        "[Guide Appendix B, Table B.1] 基础分为表 B.1 各考核内容得分之和：98（满分 100）。",
        "[Guide Appendix B, 加分项] 加分：国家级质量荣誉 2 项×3，合计 6，超过上限，按 5 分计。",
        "[Guide Appendix B, Table B.1] 总分 = 基础分 98 + 加分 5 − 减分 0 = 103。",
    ]
    assert str(c) == c.to_text()
    en = c.to_text("en")
    assert en.splitlines()[0] == "罗店镇 2024 score card (Guide Appendix B): total 103"
    assert en.splitlines()[1].split() == ["code", "criterion", "awarded", "points"]
    html = c._repr_html_()
    assert html.startswith("<table><caption>罗店镇 2024 年度得分（附录 B）：总分 103</caption>")
    assert "<td>质量调研</td>" not in html  # lines are criteria, not sub-items
    records = c.to_records()
    assert len(records) == 30
    assert records[0] == {
        "unit": "罗店镇",
        "year": 2024,
        "code": "1.1.1",
        "criterion": RUBRIC.criterion("1.1.1").name_zh,
        "awarded": Decimal(3),
        "maximum": Decimal(3),
        "missing": False,
        "clause": "Guide Appendix B 1.1",
    }
    assert c.to_records(lang="en")[0]["criterion"] == RUBRIC.criterion("1.1.1").name_en
    assert [r["code"] for r in records] == [x.code for x in RUBRIC.criteria]


def test_score_card_shows_the_missing_column_only_when_a_criterion_is_missing() -> None:
    scores = {k: v for k, v in FULL.items() if k != "2.1.1"}
    c = card(scores, policy=ScoringPolicy(missing=MissingPolicy.ZERO))
    assert c.to_text("en").splitlines()[1].split()[-3:] == ["missing,", "counted", "0"]
    assert "missing" not in card().to_text("en").splitlines()[1]
    assert [r["missing"] for r in c.to_records()].count(True) == 1
