"""Guide Appendix B scoring: the exact reasons, the card's faces and error messages.

Written from mutation survivors (reason sentences, display rows, error fields
could change unnoticed).  Expectations are computed by hand from table B.1
(加分项: national 3, municipal 2, district 1, capped at 5; 减分项: 5) and the
error format ``field: problem, got value (clause)``; none is copied from a run.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from baoshan_quality import RUBRIC, Assessment, HonorLevel, IncidentKind, ScoringPolicy, score
from baoshan_quality.errors import (
    InvalidInputError,
    InvalidScoreError,
    MissingCriterionError,
    UnknownCriterionError,
)
from baoshan_quality.guide import FloorPolicy, IncidentPolicy, MissingPolicy

FULL = {c.code: c.points for c in RUBRIC.criteria}
N, M, D = HonorLevel.NATIONAL, HonorLevel.MUNICIPAL, HonorLevel.DISTRICT


def test_appendix_b_base_and_total_reasons() -> None:
    card = score(Assessment("罗店镇", 2024, {**FULL, "2.1.1": "4.5"}))
    base, total = card.reasons[0], card.reasons[-1]
    assert base.zh == "基础分为表 B.1 各考核内容得分之和：98.5（满分 100）。"
    assert base.en == "The base is the sum of the criteria of table B.1: 98.5 out of 100."
    assert str(base.citation) == "Guide Appendix B, Table B.1"
    assert total.zh == "总分 = 基础分 98.5 + 加分 0 − 减分 0 = 98.5。"
    assert total.en == "Total = base 98.5 + bonus 0 − deduction 0 = 98.5."
    assert len(card.reasons) == 2


def test_appendix_b_missing_criteria_counted_as_zero_are_named() -> None:
    scores = {k: v for k, v in FULL.items() if k not in {"1.1.2", "5.2.3"}}
    card = score(
        Assessment("罗店镇", 2024, scores), policy=ScoringPolicy(missing=MissingPolicy.ZERO)
    )
    assert card.base == 100 - 2 - 2
    assert card.missing == ("1.1.2", "5.2.3")
    assert [line.code for line in card.lines if line.missing] == ["1.1.2", "5.2.3"]
    assert card.reasons[1].zh == "未评分的考核内容按 0 分计（调用方选择）：1.1.2、5.2.3。"
    assert (
        card.reasons[1].en
        == "Criteria without a score counted as 0 (caller's choice): 1.1.2, 5.2.3."
    )
    assert card.subtotal("1.1").awarded == 3
    assert card.subtotal("5").awarded == 28


@pytest.mark.parametrize(
    ("honors", "zh", "en", "bonus", "capped"),
    [
        ((D,), "加分：区级质量荣誉 1 项×1，合计 1。", "Bonus: 1 district × 1 = 1.", 1, False),
        (
            (N, M, D),
            "加分：国家级质量荣誉 1 项×3，市级质量荣誉 1 项×2，区级质量荣誉 1 项×1，合计 6，超过上限，按 5 分计。",
            "Bonus: 1 national × 3, 1 municipal × 2, 1 district × 1 = 6, above the cap, so 5.",
            5,
            True,
        ),
        ((M, M), "加分：市级质量荣誉 2 项×2，合计 4。", "Bonus: 2 municipal × 2 = 4.", 4, False),
        (
            (N, M),
            "加分：国家级质量荣誉 1 项×3，市级质量荣誉 1 项×2，合计 5。",
            "Bonus: 1 national × 3, 1 municipal × 2 = 5.",
            5,
            False,
        ),
    ],
)
def test_appendix_b_bonus_reason_counts_each_level_and_the_cap(
    honors: tuple[HonorLevel, ...], zh: str, en: str, bonus: int, capped: bool
) -> None:
    card = score(Assessment("罗店镇", 2024, FULL, honors=honors))
    reason = card.reasons[1]
    assert (reason.zh, reason.en) == (zh, en)
    assert str(reason.citation) == "Guide Appendix B, 加分项"
    assert card.bonus == bonus
    assert card.bonus_capped is capped
    assert [b.points for b in card.bonus_lines] == [h.points for h in honors]


@pytest.mark.parametrize(
    ("count", "policy", "zh", "en", "deduction"),
    [
        (1, IncidentPolicy.ONCE, "发生重大质量事件 1 起，扣减一次，减 5 分。",
         "1 major quality incident(s): one deduction, 5 deducted.", 5),
        (1, IncidentPolicy.PER_INCIDENT, "发生重大质量事件 1 起，扣减一次，减 5 分。",
         "1 major quality incident(s): one deduction, 5 deducted.", 5),
        (3, IncidentPolicy.ONCE, "发生重大质量事件 3 起，多起事件只扣一次（R4 默认），减 5 分。",
         "3 major quality incident(s): one deduction however many (R4 default), 5 deducted.", 5),
        (3, IncidentPolicy.PER_INCIDENT,
         "发生重大质量事件 3 起，每起事件扣 5 分（R4 可选），减 15 分。",
         "3 major quality incident(s): 5 per incident (R4 alternative), 15 deducted.", 15),
    ],
)  # fmt: skip
def test_appendix_b_deduction_reason_r4(
    count: int, policy: IncidentPolicy, zh: str, en: str, deduction: int
) -> None:
    card = score(
        Assessment("罗店镇", 2024, FULL, incidents=(IncidentKind.ENGINEERING,) * count),
        policy=ScoringPolicy(incidents=policy),
    )
    reason = card.reasons[1]
    assert (reason.zh, reason.en) == (zh, en)
    assert str(reason.citation) == "Guide Appendix B, 减分项"
    assert card.deduction == deduction
    assert card.incident_count == count
    assert card.major_incident is True
    assert card.total == 100 - deduction


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
    assert floored.reasons[-2].zh == "总分 -10 低于 0，按调用方选择计为 0（R5 可选）。"
    assert floored.reasons[-2].en == "Total -10 is below 0 and floored at 0 (R5 alternative)."
    assert floored.reasons[-1].en == "Total = base 0 + bonus 0 − deduction 10 = 0."
    at_zero = score(Assessment("罗店镇", 2024, zero), policy=ScoringPolicy(floor=FloorPolicy.ZERO))
    assert at_zero.floored is False  # exactly 0 is not below 0


def test_score_card_faces_text_html_records_and_subtotal_lookup() -> None:
    card = score(Assessment("罗店镇", 2024, {**FULL, "4.3.1": 3}, honors=(N, N)))
    text = str(card)
    lines = text.splitlines()
    assert lines[0] == "罗店镇 2024 — 总分 total 103"
    assert lines[1].split() == ["code", "item", "points"]
    assert any(line.split() == ["4.3", "质量调研", "3/5"] for line in lines)
    assert any(line.split() == ["基础分", "base", "98/100"] for line in lines)
    assert any(line.split() == ["加分", "bonus", "+5", "(capped", "封顶)"] for line in lines)
    assert any(line.split() == ["减分", "deduction", "-0"] for line in lines)
    assert any(line.split() == ["总分", "total", "103"] for line in lines)
    html = card._repr_html_()
    assert "<caption>罗店镇 2024 (Guide Appendix B)</caption>" in html
    assert "3/5" in html
    assert "+5 (capped 封顶)" in html
    records = card.to_records()
    assert len(records) == 30
    first = records[0]
    assert first == {
        "unit": "罗店镇",
        "year": 2024,
        "code": "1.1.1",
        "criterion": RUBRIC.criterion("1.1.1").name_zh,
        "awarded": Decimal(3),
        "maximum": Decimal(3),
        "missing": False,
        "clause": "Guide Appendix B 1.1",
    }
    assert [r["code"] for r in records] == [c.code for c in RUBRIC.criteria]
    assert card.subtotal("4.3").awarded == 3
    assert card.subtotal("4").awarded == 18
    assert card.subtotal("4").maximum == 20
    with pytest.raises(UnknownCriterionError) as info:
        card.subtotal("9.9")
    assert str(info.value) == (
        "sub-item: no such sub-item in table B.1, got '9.9' (Guide Appendix B, Table B.1)"
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


def test_bare_levels_and_kinds_become_honours_and_incidents() -> None:
    a = Assessment("罗店镇", 2024, FULL, honors=[N], incidents=[IncidentKind.PRODUCT])
    assert a.honors[0].level is N
    assert a.honors[0].title == ""
    assert a.incidents[0].kind is IncidentKind.PRODUCT
    assert a.incidents[0].description == ""
    with pytest.raises(InvalidInputError):
        Assessment("罗店镇", 2024, FULL, incidents="product")  # type: ignore[arg-type]


def test_score_refuses_what_is_not_an_assessment_or_a_policy_naming_the_argument() -> None:
    with pytest.raises(InvalidInputError) as caught:
        score("罗店镇")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("assessment", "罗店镇")
    assert caught.value.message == "assessment: expected an Assessment, got '罗店镇'"
    with pytest.raises(InvalidInputError) as caught:
        score(Assessment("罗店镇", 2024, FULL), policy="once")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("policy", "once")
    assert caught.value.message == "policy: expected a ScoringPolicy, got 'once'"


def test_appendix_b_missing_criteria_error_names_field_codes_clause_and_the_way_out() -> None:
    # Table B.1 has thirty criteria; leave out the first and the last.
    scores = {k: v for k, v in FULL.items() if k not in ("1.1.1", "5.2.3")}
    with pytest.raises(MissingCriterionError) as caught:
        score(Assessment("罗店镇", 2024, scores))
    error = caught.value
    assert error.field == "Assessment.scores"
    assert error.value == ("1.1.1", "5.2.3")
    assert str(error.citation) == "Guide Appendix B, Table B.1"
    assert error.message == (
        "Assessment.scores: no score for criteria 1.1.1, 5.2.3 (Guide Appendix B, "
        "Table B.1); pass ScoringPolicy(missing=MissingPolicy.ZERO) to count them as 0"
    )


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
