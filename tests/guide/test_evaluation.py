"""Guide §6 and §7: the evaluator, the four steps, a unit's yearly record."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from baoshan_quality import (
    RUBRIC,
    Assessment,
    InvalidInputError,
    Tier,
    from_json,
    score,
    self_assess,
    to_json,
)
from baoshan_quality.errors import DuplicateUnitError, UnknownUnitError
from baoshan_quality.guide import (
    EVALUATION_STEPS,
    EVALUATOR,
    EvaluationFeedback,
    EvaluationStepStatus,
    ItemRating,
    SelfAssessmentPolicy,
    StepLetter,
    UnitYearRecord,
    YearEvaluation,
    evaluate_year,
    unit_history,
)

FULL = {c.code: c.points for c in RUBRIC.criteria}


def card(unit: str, year: int = 2024, minus: int = 0) -> object:
    return score(Assessment(unit, year, {**FULL, "5.1.4": FULL["5.1.4"] - minus}))


def sa(unit: str | None, year: int | None = 2024) -> object:
    return self_assess(
        [ItemRating("1.1-1", 100)],
        unit=unit,
        year=year,
        policy=SelfAssessmentPolicy(allow_missing=True),
    )


def test_6_the_evaluator_is_the_district_quality_work_leading_group() -> None:
    assert EVALUATOR.zh == "区质量工作领导小组" and str(EVALUATOR.citation) == "Guide §6"


def test_7_four_steps_as_printed() -> None:
    assert [s.step for s in EVALUATION_STEPS] == list(StepLetter)
    assert [str(s.citation) for s in EVALUATION_STEPS] == [
        "Guide §7 a)", "Guide §7 b)", "Guide §7 c)", "Guide §7 d)",
    ]  # fmt: skip
    a, b, c, d = EVALUATION_STEPS
    assert str(a.basis) == "Guide Appendix B" and a.actor_zh == "区质量工作领导小组"
    assert str(b.basis) == "Guide Appendix C" and b.actor_zh == "各街道、镇、园区"
    assert "现场" in c.action_zh and c.basis is None
    assert "反馈" in d.action_zh


def test_a_whole_year_for_all_units() -> None:
    cards = [card(f"{n}镇", minus=i) for i, n in enumerate("甲乙丙丁戊己庚")]
    fb = {"甲镇": EvaluationFeedback(datetime.date(2025, 3, 1), "继续保持")}
    year = evaluate_year(2024, cards, self_assessments=[sa("甲镇"), sa("庚镇")], feedback=fb)
    assert [r.unit for r in year.records] == [f"{n}镇" for n in "甲乙丙丁戊己庚"]
    first, last = year.record("甲镇"), year.record("庚镇")
    assert (first.tier, first.excellent, first.ranked.rank) == (Tier.A, True, 1)
    assert (last.tier, last.excellent) == (Tier.B, False)
    assert [s.status for s in first.steps] == [EvaluationStepStatus.RECORDED] * 4
    # 庚: self-assessment and card, no feedback → §7 d) not recorded (unknown, not "not done").
    assert [s.status.value for s in last.steps] == [
        "recorded", "recorded", "recorded", "not-recorded",
    ]  # fmt: skip
    assert last.comparison is not None and year.record("乙镇").comparison is None
    assert year.to_records()[0]["self_assessed"] == Decimal("1.25")
    assert "甲镇" in str(year) and "<table>" in year._repr_html_()
    assert from_json(to_json(year), YearEvaluation) == year


def test_history_lines_a_units_years_up() -> None:
    y23 = evaluate_year(2023, [card("甲镇", 2023, minus=4), card("乙镇", 2023)])
    y24 = evaluate_year(2024, [card("甲镇"), card("乙镇", minus=2)])
    h = unit_history([y24, y23], "甲镇")
    assert [(r.year, r.score_card.total) for r in h] == [(2023, Decimal(96)), (2024, Decimal(100))]
    assert unit_history([y24], "无此镇") == ()
    with pytest.raises(InvalidInputError, match="same year"):
        unit_history([y24, y24], "甲镇")


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: evaluate_year(2024, [card("甲镇", 2023)]), InvalidInputError),
        (lambda: evaluate_year(2024, "甲镇"), InvalidInputError),
        (lambda: evaluate_year("2024", [card("甲镇")]), InvalidInputError),
        (lambda: evaluate_year(2024, [card("甲镇")], self_assessments=[sa("乙镇")]), UnknownUnitError),
        (lambda: evaluate_year(2024, [card("甲镇")], self_assessments=[sa(None)]), InvalidInputError),
        (lambda: evaluate_year(2024, [card("甲镇")], self_assessments=[sa("甲镇"), sa("甲镇")]),
         DuplicateUnitError),
        (lambda: evaluate_year(2024, [card("甲镇")], feedback={"乙镇": EvaluationFeedback()}),
         UnknownUnitError),
        (lambda: evaluate_year(2024, [card("甲镇")], feedback={"甲镇": "好"}), InvalidInputError),
        (lambda: UnitYearRecord("甲镇", 2024, score_card=card("乙镇")), InvalidInputError),
        (lambda: UnitYearRecord("甲镇", 2024, self_assessment=sa("甲镇", 2025)), InvalidInputError),
        (lambda: UnitYearRecord("甲镇", 2021), InvalidInputError),
        (lambda: UnitYearRecord("甲镇", 2024, feedback="好"), InvalidInputError),
        (lambda: EvaluationFeedback(given_on="2025-03-01"), InvalidInputError),
        (lambda: YearEvaluation(2024, [UnitYearRecord("甲镇", 2024)] * 2), DuplicateUnitError),
        (lambda: YearEvaluation(2024, [UnitYearRecord("甲镇", 2023)]), InvalidInputError),
        (lambda: YearEvaluation(2024, []).record("甲镇"), UnknownUnitError),
    ],
)  # fmt: skip
def test_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


def test_record_round_trip_and_display() -> None:
    rec = UnitYearRecord("甲镇", 2024, self_assessment=sa("甲镇"), score_card=card("甲镇"))
    assert rec.tier is None and rec.excellent is None
    assert "甲镇" in str(rec) and rec.to_records()[0]["official_total"] == Decimal(100)
    assert from_json(to_json(rec), UnitYearRecord) == rec
    fb = EvaluationFeedback(datetime.date(2025, 1, 2), "text")
    assert from_json(to_json(fb), EvaluationFeedback) == fb


def test_a_year_shows_one_row_per_unit_in_either_language() -> None:
    cards = [card(f"{n}镇", minus=i) for i, n in enumerate("甲乙丙丁戊己庚")]
    fb = {"甲镇": EvaluationFeedback(datetime.date(2025, 3, 1), "继续保持")}
    year = evaluate_year(2024, cards, self_assessments=[sa("甲镇")], feedback=fb)
    # §8.2: 7 units by total, 100 down to 94: the first 6 are A, the first 3 优秀.
    assert year.to_records(lang="en")[0] == {
        "unit": "甲镇",
        "year": 2024,
        "self_assessed": Decimal("1.25"),
        "official_base": Decimal(100),
        "official_total": Decimal(100),
        "rank": 1,
        "tier": "A",
        "excellent": True,
        "feedback_on": datetime.date(2025, 3, 1),
        "site_review": None,
    }
    assert year.to_records(lang="zh") == year.to_records(lang="en")
    zh, en = year.to_text(lang="zh").splitlines(), year.to_text(lang="en").splitlines()
    assert zh[0] == "2024 年度评价（指南第 7、8 章）"
    assert en[0] == "Evaluation of 2024 (Guide §7, §8)"
    assert zh[1].split() == [
        "单位", "自评", "考核基础分", "考核总分", "排名", "档次", "优秀", "反馈日期",
    ]  # fmt: skip
    assert zh[3].split() == ["甲镇", "1.25", "100", "100", "1", "A", "✓", "2025-03-01"]
    assert zh[6].split() == ["丁镇", "—", "97", "97", "4", "A", "—"]
    assert zh[9].split() == ["庚镇", "—", "94", "94", "7", "B", "—"]


def test_a_record_notes_what_it_holds_of_each_step() -> None:
    rec = UnitYearRecord("甲镇", 2024, score_card=card("甲镇"), site_review=True)
    zh, en = rec.to_text(lang="zh").splitlines(), rec.to_text(lang="en").splitlines()
    assert zh[0] == "甲镇 2024 年度评价记录（指南第 7 章）"
    assert en[0] == "甲镇: evaluation record of 2024 (Guide §7)"
    assert zh[3].split() == ["甲镇", "—", "100", "100", "—", "—", "—", "—"]
    assert zh[-4:] == [f"[{s.reason.citation}] {s.reason.zh}" for s in rec.steps]
    assert en[-4:] == [f"[{s.reason.citation}] {s.reason.en}" for s in rec.steps]
    assert en[-3] == "[Guide §7 b)] The record does not hold the Appendix C self-assessment."
    assert rec.to_records(lang="en") == [
        {
            "unit": "甲镇",
            "year": 2024,
            "self_assessed": None,
            "official_base": Decimal(100),
            "official_total": Decimal(100),
            "rank": None,
            "tier": None,
            "excellent": None,
            "feedback_on": None,
            "site_review": True,
        }
    ]


def test_json_round_trip_of_parts() -> None:
    from baoshan_quality.guide import EvaluationStep, EvaluationStepRecord, Evaluator

    assert from_json(to_json(EVALUATOR), Evaluator) == EVALUATOR
    for step in EVALUATION_STEPS:
        assert from_json(to_json(step), EvaluationStep) == step
    for rec in UnitYearRecord("甲镇", 2024, score_card=card("甲镇")).steps:
        assert from_json(to_json(rec), EvaluationStepRecord) == rec


def test_history_refuses_what_is_not_a_sequence_of_years() -> None:
    for bad in (None, 5, "2024", [1]):
        with pytest.raises(InvalidInputError):
            unit_history(bad, "甲镇")  # type: ignore[arg-type]
