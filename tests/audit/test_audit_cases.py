"""Independent audit cases, read from the source texts and SPEC §1–§5.

Guide    = DB31113/Z 005—2022 宝山区基层政府质量提升绩效评价指南
Measures = 宝府规〔2023〕3号 上海市宝山区政府质量奖管理办法

Every expectation below comes from the clause cited in the test name or
comment, not from the library's code.  Only the public top-level API is used.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

import baoshan_quality as bq
import baoshan_quality.award as _award
import baoshan_quality.citations as _citations
import baoshan_quality.guide as _guide
from baoshan_quality import (
    BAOSHAN_2023,
    RUBRIC,
    Assessment,
    BaoshanQualityError,
    DistrictAward,
    EligibilityVerdict,
    HonorLevel,
    IncidentKind,
    Individual,
    Organisation,
    Ranking,
    ScoreCard,
    ScoringPolicy,
    SelfAssessment,
    TiePolicy,
    Tier,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    Verdict,
    check_eligibility,
    earliest_notice_close,
    from_json,
    prize_cap,
    quota,
    rank_units,
    score,
    self_assess,
    to_json,
)
from baoshan_quality.award import (
    AllocationPolicy,
    ApplicationRecord,
    Candidate,
    CyclePhase,
    CyclePolicy,
    EligibilityPolicy,
    GovernmentAward,
    GovernmentAwardLevel,
    MisconductCase,
    NoticeCounting,
    NoticePolicy,
    PrizeItem,
    ProcedureStage,
    ReportingReading,
    Reviewer,
    ReviewerQualification,
    Revocation,
    RevocationGround,
    RevocationStatus,
    SameKindReading,
    TitleContext,
    TitleUse,
    TitleUseStatus,
    ValidityStatus,
    allocate,
    assess_revocation,
    check_notice,
    check_reviewer,
    check_title_use,
    cycle_year,
    evaluation_years,
    prize,
    reapplication_bar,
    reporting_periods,
    retention_period,
    revocation_bar,
    validity_status,
)
from baoshan_quality.award.baoshan import ACHIEVEMENT as _ACHIEVEMENT
from baoshan_quality.award.baoshan import GOLD as _GOLD
from baoshan_quality.award.baoshan import MAYOR as _MAYOR
from baoshan_quality.award.baoshan import MODEL as _MODEL
from baoshan_quality.errors import (
    DuplicateUnitError,
    InvalidRatingError,
    InvalidTransitionError,
    MissingCriterionError,
    OutsideValidityError,
    UnpublishedCalendarError,
    UnresolvedTieError,
)
from baoshan_quality.excellence import GBT_19580_2012, ItemKind, ScoreSheet, score_sheet
from baoshan_quality.guide import (
    BONUS_CAP,
    COVER_LAYOUT,
    DEDUCTION_POINTS,
    EVALUATION_STEPS,
    EVALUATOR,
    MATURITY,
    Audience,
    AudienceFacts,
    AudienceList,
    CoverField,
    DeltaFacts,
    FloorPolicy,
    HonourFacts,
    Incident,
    IncidentPolicy,
    IndicatorRounding,
    ItemRating,
    ItemWeighting,
    MissingPolicy,
    ReachStatus,
    ReportOutline,
    ReportPart,
    SelfAssessmentPolicy,
    SurveyFacts,
    TraineeFacts,
    WhatIfGoal,
    check_report,
    cover_title,
    least_to_reach,
)
from baoshan_quality.periods import PeriodReading
from baoshan_quality.workdays import (
    ChinaWorkdayCalendar,
    PublishedYear,
    nth_workday,
    workdays_between,
)

D = dt.date
Dec = Decimal


# ---------------------------------------------------------------------------
# Guide Appendix B — the rubric, as printed in table B.1
# ---------------------------------------------------------------------------

# (sub-item code, name, points, [criterion points in table order])
TABLE_B1 = [
    ("1.1", "组织保障", 5, [3, 2]),
    ("1.2", "计划实施", 5, [2, 3]),
    ("2.1", "质量报告", 10, [6, 2, 2]),
    ("2.2", "质量宣传", 8, [6, 2]),
    ("2.3", "质量教育", 8, [6, 2]),
    ("2.4", "质量服务", 4, [4]),
    ("3.1", "品牌培育", 5, [1, 2, 2]),
    ("3.2", "荣誉申报", 5, [5]),
    ("4.1", "日常协同", 5, [3, 2]),
    ("4.2", "质量月", 10, [2, 4, 4]),
    ("4.3", "质量调研", 5, [5]),  # printed "4.2" a second time: erratum, 4.3 as in App. C
    ("5.1", "质量提升", 24, [4, 4, 4, 10, 2]),
    ("5.2", "质量特色", 6, [2, 2, 2]),
]
CATEGORIES = [
    ("1", "质量环境", 10),
    ("2", "质量基础", 30),
    ("3", "质量品牌", 10),
    ("4", "质量协同", 20),
    ("5", "质量成效", 30),
]
CRITERIA = [
    (f"{code}.{i}", pts)
    for code, _name, _p, pts_list in TABLE_B1
    for i, pts in enumerate(pts_list, start=1)
]


def full_scores() -> dict[str, Decimal]:
    return {code: Dec(pts) for code, pts in CRITERIA}


def test_b1_total_is_100():
    assert RUBRIC.total == 100
    assert sum(Dec(p) for _c, p in CRITERIA) == 100


def test_b1_has_30_criteria_numbered_in_table_order():
    codes = [c.code for c in RUBRIC.criteria]
    assert codes == [c for c, _ in CRITERIA]
    assert len(codes) == 30


@pytest.mark.parametrize(("code", "points"), CRITERIA)
def test_b1_criterion_points(code, points):
    assert RUBRIC.criterion(code).points == Dec(points)


@pytest.mark.parametrize(("code", "name", "points", "crit"), TABLE_B1)
def test_b1_sub_item(code, name, points, crit):
    s = RUBRIC.sub_item(code)
    assert s.name_zh == name
    assert s.points == points
    assert [c.points for c in s.criteria] == [Dec(p) for p in crit]
    assert sum(c.points for c in s.criteria) == s.points


@pytest.mark.parametrize(("code", "name", "points"), CATEGORIES)
def test_b1_category(code, name, points):
    c = RUBRIC.category(code)
    assert c.name_zh == name
    assert c.points == points
    assert sum(s.points for s in c.sub_items) == points


def test_b1_second_42_is_43_survey():
    # Appendix B prints "4.2 质量调研（5分）"; Appendix C names it 4.3 质量调研.
    assert RUBRIC.sub_item("4.3").name_zh == "质量调研"
    assert RUBRIC.sub_item("4.3").points == 5
    assert RUBRIC.sub_item("4.2").name_zh == "质量月"
    assert RUBRIC.sub_item("4.2").points == 10


def test_b1_criteria_cite_appendix_b():
    for c in RUBRIC.criteria:
        assert c.citation.document == _citations.Document.GUIDE
        assert "Appendix B" in c.citation.clause


# ---------------------------------------------------------------------------
# Guide Appendix B — score card: base, bonus (加分项 ≤5), deduction (减分项 5)
# ---------------------------------------------------------------------------


def card(scores=None, honors=(), incidents=(), policy=None, unit="罗店镇", year=2024):
    return score(
        Assessment(
            unit,
            year,
            full_scores() if scores is None else scores,
            honors=honors,
            incidents=incidents,
        ),
        policy=policy,
    )


def test_full_marks_base_100_total_100():
    c = card()
    assert c.base == 100
    assert c.bonus == 0
    assert c.deduction == 0
    assert c.total == 100


def test_constants_bonus_cap_and_deduction():
    assert BONUS_CAP == 5
    assert DEDUCTION_POINTS == 5


@pytest.mark.parametrize(
    ("honors", "bonus"),
    [
        ([HonorLevel.NATIONAL], 3),
        ([HonorLevel.MUNICIPAL], 2),
        ([HonorLevel.DISTRICT], 1),
        ([HonorLevel.NATIONAL, HonorLevel.MUNICIPAL], 5),
        ([HonorLevel.MUNICIPAL, HonorLevel.DISTRICT, HonorLevel.DISTRICT], 4),
        ([HonorLevel.NATIONAL, HonorLevel.MUNICIPAL, HonorLevel.DISTRICT], 5),  # 6 → cap 5
        ([HonorLevel.NATIONAL, HonorLevel.NATIONAL], 5),  # 6 → cap 5
        ([HonorLevel.DISTRICT] * 7, 5),
        ([HonorLevel.MUNICIPAL] * 3, 5),
        ([], 0),
    ],
)
def test_bonus_levels_and_cap(honors, bonus):
    c = card(honors=honors)
    assert c.bonus == bonus
    assert c.total == 100 + bonus


def test_bonus_accepts_honor_objects():
    c = card(honors=[bq.Honor(HonorLevel.NATIONAL, "中国质量奖提名奖")])
    assert c.bonus == 3


def test_total_can_reach_105_not_more():
    c = card(honors=[HonorLevel.NATIONAL] * 5)
    assert c.total == 105


def test_one_incident_deducts_5():
    c = card(incidents=[IncidentKind.PRODUCT])
    assert c.deduction == 5
    assert c.total == 95


@pytest.mark.parametrize("kind", list(IncidentKind))
def test_every_incident_kind_of_b1_deducts_5(kind):
    # 减分项: 发生重大产品、服务、工程、人居质量事件 5
    assert card(incidents=[kind]).deduction == 5


def test_incident_kinds_are_the_four_of_b1():
    assert len(list(IncidentKind)) == 4


def test_r4_default_several_incidents_one_deduction():
    c = card(incidents=[IncidentKind.PRODUCT, IncidentKind.SERVICE, IncidentKind.ENGINEERING])
    assert c.deduction == 5
    assert c.total == 95


def test_r4_per_incident_option():
    c = card(
        incidents=[IncidentKind.PRODUCT, IncidentKind.SERVICE, IncidentKind.ENGINEERING],
        policy=ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT),
    )
    assert c.deduction == 15
    assert c.total == 85


def test_bonus_and_deduction_together():
    c = card(
        honors=[HonorLevel.NATIONAL, HonorLevel.MUNICIPAL],
        incidents=[Incident(IncidentKind.SERVICE)],
    )
    assert c.total == 100 + 5 - 5


def test_r5_default_negative_total_allowed():
    zero = {code: 0 for code, _ in CRITERIA}
    c = card(scores=zero, incidents=[IncidentKind.LIVING_ENVIRONMENT])
    assert c.total == -5


def test_r5_floor_option():
    zero = {code: 0 for code, _ in CRITERIA}
    c = card(
        scores=zero,
        incidents=[IncidentKind.LIVING_ENVIRONMENT],
        policy=ScoringPolicy(floor=FloorPolicy.ZERO),
    )
    assert c.total == 0


def test_base_is_sum_of_awarded_criteria():
    s = full_scores()
    s["5.1.4"] = Dec("7.5")
    s["2.1.1"] = 3
    s["3.1.1"] = "0.5"
    c = card(scores=s)
    assert c.base == 100 - Dec("2.5") - 3 - Dec("0.5")
    # sub-item and category subtotals
    sub = {x.code: x.awarded for x in c.sub_items}
    assert sub["5.1"] == Dec("21.5")
    assert sub["2.1"] == 7
    cat = {x.code: x.awarded for x in c.categories}
    assert cat["5"] == Dec("27.5")
    assert cat["2"] == 27


def test_exact_arithmetic_float_through_shortest_repr():
    s = full_scores()
    s["5.1.4"] = 0.1
    s["5.1.5"] = 0.2
    c = card(scores=s)
    assert c.base == 100 - 10 - 2 + Dec("0.3")
    assert isinstance(c.total, Decimal)


@pytest.mark.parametrize(
    ("code", "bad"), [("5.1.4", 11), ("1.1.2", "2.01"), ("3.1.1", -1), ("2.4.1", float("nan"))]
)
def test_criterion_outside_its_points_is_error(code, bad):
    s = full_scores()
    s[code] = bad
    with pytest.raises(BaoshanQualityError):
        card(scores=s)


def test_criterion_at_its_points_is_fine():
    s = full_scores()
    s["5.1.4"] = 10
    assert card(scores=s).base == 100


def test_missing_criterion_is_error_by_default():
    s = full_scores()
    del s["4.3.1"]
    with pytest.raises(MissingCriterionError):
        card(scores=s)


def test_missing_criterion_zero_option():
    s = full_scores()
    del s["4.3.1"]
    assert card(scores=s, policy=ScoringPolicy(missing=MissingPolicy.ZERO)).base == 95


def test_unknown_criterion_is_error():
    s = full_scores()
    s["4.2.4"] = 1
    with pytest.raises(BaoshanQualityError):
        card(scores=s)


def test_errors_subclass_valueerror():
    assert issubclass(BaoshanQualityError, ValueError)


def test_score_lines_cite_clauses():
    c = card()
    assert len(c.lines) == 30
    for line in c.lines:
        assert line.citation is not None
        assert line.awarded == line.maximum


# ---------------------------------------------------------------------------
# Guide §8 — tiering; Appendix C note 3 — incident bars 优秀
# ---------------------------------------------------------------------------


def units(*totals, incident=()):
    return [
        UnitScore(f"U{i + 1}", t, major_incident=(f"U{i + 1}" in incident))
        for i, t in enumerate(totals)
    ]


def test_tiering_top6_a_rest_b_top3_excellent():
    r = rank_units(units(99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 89, 88))
    assert r.tier_a == ("U1", "U2", "U3", "U4", "U5", "U6")
    assert r.excellent == ("U1", "U2", "U3")
    for i, e in enumerate(r.entries, start=1):
        assert e.rank == i
        assert e.tier == (Tier.A if i <= 6 else Tier.B)
        assert e.excellent == (i <= 3)


def test_tiering_order_is_by_score_not_input_order():
    r = rank_units([UnitScore("甲", 80), UnitScore("乙", 95), UnitScore("丙", 90)])
    assert [e.unit for e in r.entries] == ["乙", "丙", "甲"]
    assert r["甲"].rank == 3


def test_fewer_than_six_units_all_a():
    r = rank_units(units(90, 80, 70, 60))
    assert all(e.tier == Tier.A for e in r.entries)
    assert r.excellent == ("U1", "U2", "U3")


def test_lookup_by_unit_name():
    r = rank_units(units(90, 80))
    assert r["U2"].rank == 2
    assert r["U2"].tier == Tier.A


def test_duplicate_units_refused():
    with pytest.raises(DuplicateUnitError):
        rank_units([UnitScore("甲", 90), UnitScore("甲", 80)])


def test_ranking_reasons_cite_section_8():
    r = rank_units(units(90, 80))
    clauses = " ".join(x.citation.clause for x in r["U1"].reasons)
    assert "8" in clauses


def test_incident_bars_excellent_but_not_tier_a():
    r = rank_units(units(99, 98, 97, 96, 95, 94, 93, incident=("U2",)))
    assert r["U2"].tier == Tier.A
    assert r["U2"].excellent is False
    # R2 default: vacant, no backfill → only U1, U3
    assert r.excellent == ("U1", "U3")
    assert r["U4"].excellent is False


def test_r2_backfill_option():
    pol = TieringPolicy(vacancy=VacancyPolicy.BACKFILL)
    r = rank_units(units(99, 98, 97, 96, 95, 94, 93, incident=("U2",)), policy=pol)
    assert set(r.excellent) == {"U1", "U3", "U4"}
    assert r["U2"].excellent is False


def test_r2_backfill_skips_a_barred_next_unit():
    pol = TieringPolicy(vacancy=VacancyPolicy.BACKFILL)
    r = rank_units(units(99, 98, 97, 96, 95, 94, 93, incident=("U1", "U4")), policy=pol)
    assert set(r.excellent) == {"U2", "U3", "U5"}


def test_r2_backfill_never_from_tier_b():
    # the top 6 A units all barred except none left: backfill stays within A
    pol = TieringPolicy(vacancy=VacancyPolicy.BACKFILL)
    r = rank_units(
        units(99, 98, 97, 96, 95, 94, 93, incident=("U1", "U2", "U3", "U4", "U5", "U6")), policy=pol
    )
    assert r.excellent == ()
    assert r["U7"].tier == Tier.B
    assert r["U7"].excellent is False


def test_incident_from_score_card_bars_excellent():
    cards = [
        card(unit="甲镇"),
        card(
            unit="乙镇",
            incidents=[IncidentKind.PRODUCT],
            honors=[HonorLevel.NATIONAL, HonorLevel.MUNICIPAL],
        ),
        card(unit="丙镇", scores={**full_scores(), "5.1.4": 5}),
    ]
    r = rank_units(cards)
    assert r["乙镇"].total == 100
    assert r["乙镇"].excellent is False
    assert r["甲镇"].excellent is True
    assert r["丙镇"].excellent is True


def test_r1_competition_tie_on_sixth_place_both_a():
    r = rank_units(units(99, 98, 97, 96, 95, 90, 90, 80))
    assert r["U6"].rank == 6 and r["U7"].rank == 6
    assert r["U6"].tier == Tier.A and r["U7"].tier == Tier.A
    assert r["U8"].rank == 8 and r["U8"].tier == Tier.B
    assert len(r.tier_a) == 7
    tie = [t for t in r.ties if set(t.units) == {"U6", "U7"}]
    assert tie and tie[0].crosses_tier_a


def test_r1_competition_tie_spanning_5_to_7():
    r = rank_units(units(99, 98, 97, 96, 90, 90, 90, 80))
    assert [r[u].rank for u in ("U5", "U6", "U7")] == [5, 5, 5]
    assert all(r[u].tier == Tier.A for u in ("U5", "U6", "U7"))
    assert r["U8"].tier == Tier.B


def test_r1_tie_just_outside_sixth_is_b():
    # ranks 1..6 distinct, then 7th and 8th tied: both B
    r = rank_units(units(99, 98, 97, 96, 95, 94, 90, 90))
    assert r["U7"].rank == 7 and r["U8"].rank == 7
    assert r["U7"].tier == Tier.B and r["U8"].tier == Tier.B
    assert len(r.tier_a) == 6


def test_r1_competition_tie_on_third_place_both_excellent():
    r = rank_units(units(99, 98, 97, 97, 95, 94, 93))
    assert r["U3"].rank == 3 and r["U4"].rank == 3
    assert r["U3"].excellent and r["U4"].excellent
    assert r["U5"].rank == 5 and not r["U5"].excellent
    assert len(r.excellent) == 4
    tie = [t for t in r.ties if set(t.units) == {"U3", "U4"}]
    assert tie and tie[0].crosses_excellent


def test_r1_tie_for_first_of_four_all_excellent():
    r = rank_units(units(95, 95, 95, 95, 90))
    assert all(r[u].rank == 1 for u in ("U1", "U2", "U3", "U4"))
    assert len(r.excellent) == 4
    assert r["U5"].rank == 5
    assert not r["U5"].excellent


def test_r1_exact_ties_only():
    r = rank_units(
        [UnitScore("甲", "90.10"), UnitScore("乙", Dec("90.1")), UnitScore("丙", "90.11")]
    )
    assert r["甲"].rank == r["乙"].rank == 2
    assert r["丙"].rank == 1


def test_r1_strict_raises_naming_tied_units_at_sixth():
    with pytest.raises(UnresolvedTieError) as ei:
        rank_units(
            units(99, 98, 97, 96, 95, 90, 90, 80), policy=TieringPolicy(ties=TiePolicy.STRICT)
        )
    assert "U6" in str(ei.value) and "U7" in str(ei.value)


def test_r1_strict_raises_naming_tied_units_at_third():
    with pytest.raises(UnresolvedTieError) as ei:
        rank_units(units(99, 98, 97, 97, 95, 94, 93), policy=TieringPolicy(ties=TiePolicy.STRICT))
    assert "U3" in str(ei.value) and "U4" in str(ei.value)


def test_r1_strict_no_error_for_tie_not_on_a_line():
    r = rank_units(units(99, 99, 97, 96, 95, 94, 93), policy=TieringPolicy(ties=TiePolicy.STRICT))
    assert len(r.tier_a) == 6
    assert len(r.excellent) == 3


def test_r1_strict_with_tie_break():
    pol = TieringPolicy(ties=TiePolicy.STRICT, tie_break=("U7", "U6"))
    r = rank_units(units(99, 98, 97, 96, 95, 90, 90, 80), policy=pol)
    assert r["U7"].tier == Tier.A
    assert r["U6"].tier == Tier.B
    assert len(r.tier_a) == 6


def test_r1_strict_with_tie_break_third():
    pol = TieringPolicy(ties=TiePolicy.STRICT, tie_break=("U4", "U3"))
    r = rank_units(units(99, 98, 97, 97, 95, 94, 93), policy=pol)
    assert r.excellent == ("U1", "U2", "U4") or set(r.excellent) == {"U1", "U2", "U4"}
    assert r["U3"].tier == Tier.A


def test_unitscore_float_total_shortest_repr():
    assert UnitScore("甲", 92.5).total == Dec("92.5")
    assert UnitScore("甲", 0.1).total == Dec("0.1")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "abc", 105.01])
def test_unitscore_bad_total(bad):
    with pytest.raises(BaoshanQualityError):
        rank_units([UnitScore("甲", bad)])


# what-if (Guide §8): the least points to reach tier A / 优秀


def test_what_if_least_to_reach_tier_a_and_excellent():
    r = rank_units(units(100, 99, 98, 97, 96, 95, 94))
    a = least_to_reach(r, "U7", WhatIfGoal.TIER_A)
    assert a.status == ReachStatus.REACHABLE
    assert a.additional == 1  # tie the 6th (95): competition rank 6 → A
    e = least_to_reach(r, "U7", WhatIfGoal.EXCELLENT)
    assert e.additional == 4  # tie the 3rd (98)
    assert least_to_reach(r, "U1", WhatIfGoal.EXCELLENT).status == ReachStatus.ALREADY


def test_what_if_incident_cannot_be_excellent():
    r = rank_units(units(100, 90, incident=("U2",)))
    assert least_to_reach(r, "U2", WhatIfGoal.EXCELLENT).status == ReachStatus.CANNOT


# ---------------------------------------------------------------------------
# Guide Appendix C — self-assessment (maturity, R6, R13, R14, R15)
# ---------------------------------------------------------------------------

C1_ITEMS = {
    "1.1": 4,
    "1.2": 2,
    "2.1": 1,
    "2.2": 3,
    "2.3": 2,
    "2.4": 1,
    "3.1": 2,
    "3.2": 1,
    "4.1": 1,
    "4.2": 1,
    "4.3": 1,
    "5.1": 2,
    "5.2": 2,
}
C1_POINTS = {code: p for code, _n, p, _c in TABLE_B1}
MEASURED = {"2.3-1", "2.3-2", "3.2-1", "4.3-1", "5.2-1"}


def test_c1_13_indicators_23_items():
    assert [i.code for i in MATURITY.indicators] == list(C1_ITEMS)
    assert len(MATURITY.items) == 23
    for ind in MATURITY.indicators:
        assert len(ind.items) == C1_ITEMS[ind.code], ind.code
        assert ind.points == C1_POINTS[ind.code], ind.code
    assert MATURITY.total == 100


def test_c1_43_is_survey():
    assert MATURITY.indicator("4.3").zh == "质量调研"


def test_c1_measured_items():
    assert {i.code for i in MATURITY.items if i.measured is not None} == MEASURED


@pytest.mark.parametrize(
    ("item", "labels"),
    [
        ("1.1-1", ["100%", "70%以上", "30%以上", "30%以下"]),
        ("1.2-1", ["100%", "60%以上", "30%以上", "0"]),
        ("2.1-1", ["100%", "60%以上", "30%以上", "0"]),
        ("2.2-1", ["100%", "60%以上", "30%以上", "0%"]),
        ("3.2-1", ["100%", "50%以上", "30%以上", "0%"]),
        ("4.3-1", ["100%", "60%以上", "30%以上", "0"]),
        ("5.2-1", ["100%", "60%以上", "30%以上", "0"]),
    ],
)
def test_c1_printed_band_labels(item, labels):
    printed = [b.label for b in MATURITY.scale_for(item).bands if b.printed]
    assert printed == labels


def all_full_ratings() -> list[ItemRating]:
    out = []
    for it in MATURITY.items:
        if it.code == "2.3-1":
            out.append(
                ItemRating(
                    it.code,
                    audiences=AudienceFacts(
                        [Audience.PUPILS, Audience.RESIDENTS, Audience.ENTERPRISES]
                    ),
                )
            )
        elif it.code == "2.3-2":
            out.append(ItemRating(it.code, trainees=TraineeFacts(5, 5, 100, 100)))
        elif it.code == "3.2-1":
            out.append(ItemRating(it.code, honours=HonourFacts(4, 3, 1)))
        elif it.code == "4.3-1":
            out.append(ItemRating(it.code, survey=SurveyFacts(10, 10)))
        elif it.code == "5.2-1":
            out.append(ItemRating(it.code, delta=DeltaFacts(4, 4)))
        else:
            out.append(ItemRating(it.code, 100))
    return out


def replace(ratings, new):
    return [new if r.item == new.item else r for r in ratings]


def test_self_assessment_all_full_is_100():
    s = self_assess(all_full_ratings(), unit="罗店镇", year=2024)
    assert s.total == 100
    for ind in s.indicators:
        assert ind.score == C1_POINTS[ind.indicator]


def test_self_assessment_missing_item_is_error():
    with pytest.raises(MissingCriterionError):
        self_assess(all_full_ratings()[1:])


def test_r13_equal_weight_mean():
    r = all_full_ratings()
    r = replace(r, ItemRating("1.1-2", 70))
    r = replace(r, ItemRating("1.1-3", 30))
    r = replace(r, ItemRating("1.1-4", 0))
    s = self_assess(r)
    # 5 × (100+70+30+0)/4 % = 2.5
    assert s.indicator("1.1").score == Dec("2.5")
    assert s.total == 100 - Dec("2.5")


def test_r13_caller_weights():
    r = replace(all_full_ratings(), ItemRating("5.1-2", 60))
    weights = {i.code: 1 for i in MATURITY.items}
    weights.update({"5.1-1": 1, "5.1-2": 3})
    pol = SelfAssessmentPolicy(weighting=ItemWeighting.CALLER, weights=weights)
    s = self_assess(r, policy=pol)
    # 24 × (100×1 + 60×3)/4 % = 24 × 0.70 = 16.8
    assert s.indicator("5.1").score == Dec("16.8")


def test_r6_half_up_two_decimals():
    r = replace(all_full_ratings(), ItemRating("1.1-4", 70))
    s = self_assess(r)
    # 5 × (100+100+100+70)/4 % = 4.625 → 4.63 (四舍五入, not banker's 4.62)
    assert s.indicator("1.1").score == Dec("4.63")
    assert s.total == Dec("99.63")


def test_r6_exact_option():
    r = replace(all_full_ratings(), ItemRating("1.1-4", 70))
    s = self_assess(r, policy=SelfAssessmentPolicy(rounding=IndicatorRounding.EXACT))
    assert s.indicator("1.1").score == Dec("4.625")


def test_r6_thirds():
    r = replace(all_full_ratings(), ItemRating("2.2-2", 60))
    r = replace(r, ItemRating("2.2-3", 30))
    s = self_assess(r)
    # 8 × (100+60+30)/3 % = 5.0666… → 5.07
    assert s.indicator("2.2").score == Dec("5.07")


@pytest.mark.parametrize(
    ("item", "pct", "band"),
    [
        ("1.1-1", 100, "100%"),
        ("1.1-1", "99.99", "70%以上"),
        ("1.1-1", 70, "70%以上"),
        ("1.1-1", "69.99", "30%以上"),
        ("1.1-1", 30, "30%以上"),  # R3/R14: the edge belongs to 以上
        ("1.1-1", "29.99", "30%以下"),
        ("1.1-1", 0, "30%以下"),
        ("2.1-1", 60, "60%以上"),
        ("2.1-1", "59.9", "30%以上"),
        ("2.1-1", 0, "0"),
        ("2.4-1", 0, "0%"),
        ("3.1-1", 60, "60%以上"),
        ("5.1-1", 100, "100%"),
    ],
)
def test_r14_band_edges(item, pct, band):
    s = self_assess([ItemRating(item, pct)], policy=SelfAssessmentPolicy(allow_missing=True))
    o = s.item(item)
    assert o.percentage == Dec(str(pct))
    assert o.band == band


@pytest.mark.parametrize(
    ("item", "pct", "band"),
    [
        ("1.1-1", 30, "30%以下"),  # 30%以下 is below 30
        ("1.1-1", 70, "30%以上"),  # 30%以上 runs up to 70, not included
        ("1.1-1", 100, "70%以上"),  # 100 is its own band
        ("2.1-1", 60, "30%以上"),
        ("2.1-1", 10, "0"),
    ],
)
def test_r14_percentage_outside_named_band_refused(item, pct, band):
    with pytest.raises(InvalidRatingError):
        self_assess(
            [ItemRating(item, pct, band=band)], policy=SelfAssessmentPolicy(allow_missing=True)
        )


@pytest.mark.parametrize(
    ("item", "pct", "band"),
    [("1.1-1", 85, "70%以上"), ("2.1-1", 45, "30%以上"), ("1.1-1", 30, "30%以上")],
)
def test_r14_percentage_inside_named_band_accepted(item, pct, band):
    s = self_assess(
        [ItemRating(item, pct, band=band)], policy=SelfAssessmentPolicy(allow_missing=True)
    )
    assert s.item(item).percentage == pct


@pytest.mark.parametrize("bad", [101, -1, "100.01", float("nan")])
def test_r14_percentage_in_0_100(bad):
    with pytest.raises(BaoshanQualityError):
        self_assess([ItemRating("1.1-1", bad)], policy=SelfAssessmentPolicy(allow_missing=True))


def one(rating) -> tuple[Decimal, Decimal]:
    s = self_assess([rating], policy=SelfAssessmentPolicy(allow_missing=True))
    o = s.item(rating.item)
    return o.percentage, s.indicator(o.indicator).score


# 3.2 荣誉申报: 100% = ≥50% won and ≥1 national; 50%以上 = ≥50% won; 30%以上 = applied, <50% won; 0 = none
@pytest.mark.parametrize(
    ("facts", "pct"),
    [
        (HonourFacts(applications=4, won=2, national_won=1), 100),
        (HonourFacts(applications=2, won=2, national_won=1), 100),
        (HonourFacts(applications=4, won=2, national_won=0), 50),
        (HonourFacts(applications=4, won=4, national_won=0), 50),
        (HonourFacts(applications=3, won=2, national_won=0), 50),
        (HonourFacts(applications=4, won=1, national_won=1), 30),  # <50% even with national
        (HonourFacts(applications=5, won=2, national_won=1), 30),  # 40%
        (HonourFacts(applications=4, won=0, national_won=0), 30),
        (HonourFacts(applications=0, won=0, national_won=0), 0),
    ],
)
def test_r15_honours_32(facts, pct):
    p, s = one(ItemRating("3.2-1", honours=facts))
    assert p == pct
    assert s == Dec(5) * pct / 100


# 4.3 质量调研: done ≥80 % → 100; ≥60 % → 60; ≥30 % → 30; else 0
@pytest.mark.parametrize(
    ("assigned", "done", "pct"),
    [
        (10, 10, 100),
        (10, 8, 100),
        (100, 79, 60),
        (10, 6, 60),
        (100, 59, 30),
        (10, 3, 30),
        (100, 29, 0),
        (10, 0, 0),
        (5, 4, 100),
        (3, 1, 30),
    ],
)
def test_r15_survey_43(assigned, done, pct):
    p, s = one(ItemRating("4.3-1", survey=SurveyFacts(assigned, done)))
    assert p == pct
    assert s == Dec(5) * pct / 100


# 5.2 first item: participation 100 % → 100; ≥60 % → 60; ≥30 % → 30; else 0
@pytest.mark.parametrize(
    ("activities", "part", "pct"),
    [
        (5, 5, 100),
        (100, 99, 60),
        (5, 3, 60),
        (100, 59, 30),
        (10, 3, 30),
        (100, 29, 0),
        (4, 0, 0),
    ],
)
def test_r15_delta_52(activities, part, pct):
    p, _s = one(ItemRating("5.2-1", delta=DeltaFacts(activities, part)))
    assert p == pct


def test_r15_delta_52_indicator():
    r = replace(all_full_ratings(), ItemRating("5.2-1", delta=DeltaFacts(5, 3)))
    s = self_assess(r)
    # 6 × (60 + 100)/2 % = 4.8
    assert s.indicator("5.2").score == Dec("4.8")


# 2.3 first item: exact coverage of 中小学生、社区居民、企业
@pytest.mark.parametrize(
    ("reached", "pct"),
    [
        ([Audience.PUPILS, Audience.RESIDENTS, Audience.ENTERPRISES], Dec(100)),
        ([Audience.PUPILS, Audience.ENTERPRISES], Dec(200) / 3),
        ([Audience.RESIDENTS], Dec(100) / 3),
        ([], Dec(0)),
    ],
)
def test_r15_coverage_23(reached, pct):
    p, _ = one(ItemRating("2.3-1", audiences=AudienceFacts(reached)))
    assert abs(p - pct) < Dec("0.0000001")


def test_r15_coverage_23_indicator_rounded():
    r = replace(
        all_full_ratings(),
        ItemRating("2.3-1", audiences=AudienceFacts([Audience.PUPILS, Audience.ENTERPRISES])),
    )
    s = self_assess(r)
    # 8 × (200/3 + 100)/2 % = 6.666… → 6.67
    assert s.indicator("2.3").score == Dec("6.67")


def test_r15_coverage_23_four_type_list():
    pol = SelfAssessmentPolicy(allow_missing=True, audiences=AudienceList.SECTION_5_2_3)
    s = self_assess(
        [ItemRating("2.3-1", audiences=AudienceFacts([Audience.PUPILS, Audience.VILLAGERS]))],
        policy=pol,
    )
    assert s.item("2.3-1").percentage == 50


# 2.3 second item: units not decreased → 100; else 100 − decrease of trainees; none → 0
@pytest.mark.parametrize(
    ("facts", "pct"),
    [
        (TraineeFacts(5, 5, 80, 100), 100),  # units unchanged: 100 even if trainees fell
        (TraineeFacts(6, 5, 120, 100), 100),
        (TraineeFacts(4, 5, 80, 100), 80),  # units fell; trainees fell 20 %
        (TraineeFacts(4, 5, 75, 100), 75),
        (TraineeFacts(0, 5, 0, 100), 0),  # 0%: 无单位/组织参与培训活动
    ],
)
def test_r15_trainees_23(facts, pct):
    p, _ = one(ItemRating("2.3-2", trainees=facts))
    assert p == pct


def test_measured_item_needs_facts():
    with pytest.raises(BaoshanQualityError):
        self_assess([ItemRating("4.3-1", 80)], policy=SelfAssessmentPolicy(allow_missing=True))


def test_impossible_facts_refused():
    with pytest.raises(BaoshanQualityError):
        HonourFacts(applications=2, won=3, national_won=0)
    with pytest.raises(BaoshanQualityError):
        SurveyFacts(assigned=5, done=6)
    with pytest.raises(BaoshanQualityError):
        DeltaFacts(activities=3, participated=4)


# ---------------------------------------------------------------------------
# Guide §5.2.1 / Appendix A — the quality status analysis report
# ---------------------------------------------------------------------------


def test_cover_title_pattern():
    assert cover_title(2024, "罗店镇") == "2024年度宝山区罗店镇质量状况分析报告"
    assert cover_title(2023, "友谊路街道") == "2023年度宝山区友谊路街道质量状况分析报告"
    assert cover_title(2024, "宝山工业园区") == "2024年度宝山区宝山工业园区质量状况分析报告"


def test_cover_layout_appendix_a():
    lay = COVER_LAYOUT
    assert (lay.margin_top_cm, lay.margin_bottom_cm) == (Dec("2.54"), Dec("2.54"))
    assert (lay.margin_left_cm, lay.margin_right_cm) == (Dec("3.18"), Dec("3.18"))
    t = lay.title
    assert (t.font, t.size_name, t.bold, t.centred) == ("宋体", "二号", True, True)
    assert (t.paragraph_spacing, t.line_spacing) == (8, 2)
    c = lay.compiler_and_date
    assert (c.font, c.size_name, c.centred) == ("宋体", "四号", True)
    assert (c.paragraph_spacing, c.line_spacing) == (7, 2)


def good_outline(**kw):
    base = {
        "parts": [ReportPart.COVER, ReportPart.BODY, ReportPart.APPENDIX],
        "body": ["一、区域质量总体情况", "二、质量发展情况", "三、质量特色", "四、持续改进"],
        "cover_fields": list(CoverField),
        "title": "2024年度宝山区罗店镇质量状况分析报告",
        "unit": "罗店镇",
        "year": 2024,
        "appendix_materials": 3,
    }
    base.update(kw)
    return ReportOutline(**base)


def test_report_conforms():
    assert check_report(good_outline()).conforms is True


def test_report_without_appendix_fails():
    # 5.2.1.2.1 应至少包含封面、正文、附录三部分
    assert check_report(good_outline(parts=[ReportPart.COVER, ReportPart.BODY])).conforms is False


def test_report_without_cover_fails():
    assert (
        check_report(good_outline(parts=[ReportPart.BODY, ReportPart.APPENDIX])).conforms is False
    )


def test_report_without_improvement_section_fails():
    # 5.2.1.1 d) 持续改进 is required content
    assert (
        check_report(
            good_outline(body=["一、区域质量总体情况", "二、质量发展情况", "三、质量特色"])
        ).conforms
        is False
    )


def test_report_missing_cover_compile_time_fails():
    # 5.2.1.2.2 封面应标明：报告名称、街道、镇、园区名称、报告编制时间
    fields = [f for f in CoverField if f is not CoverField.COMPILED_ON]
    assert check_report(good_outline(cover_fields=fields)).conforms is False


# ---------------------------------------------------------------------------
# Guide §6, §7
# ---------------------------------------------------------------------------


def test_section_6_evaluator():
    assert EVALUATOR.zh == "区质量工作领导小组"


def test_section_7_four_steps():
    assert [s.step.value for s in EVALUATION_STEPS] == ["a", "b", "c", "d"]


# ---------------------------------------------------------------------------
# Measures Art. 2, 7, 19 — classes, tracks, quotas, prizes
# ---------------------------------------------------------------------------


def test_art2_classes_and_tracks():
    assert list(BAOSHAN_2023.classes) == [_MAYOR, _GOLD]
    assert _MAYOR.zh == "区长质量奖"
    assert _GOLD.zh == "质量金奖"
    assert BAOSHAN_2023.full_name_zh(_MAYOR) == "宝山区区长质量奖"
    assert BAOSHAN_2023.full_name_zh(_GOLD) == "宝山区质量金奖"
    assert _MODEL.zh == "先进质量管理模式"
    assert _ACHIEVEMENT.zh == "先进质量管理成果"
    assert BAOSHAN_2023.track_for(_award.ApplicantKind.ORGANISATION) == _MODEL
    assert BAOSHAN_2023.track_for(_award.ApplicantKind.INDIVIDUAL) == _ACHIEVEMENT


@pytest.mark.parametrize(
    ("cls", "track", "n"),
    [
        (_MAYOR, _MODEL, 2),
        (_MAYOR, _ACHIEVEMENT, 1),
        (_GOLD, _MODEL, 10),
        (_GOLD, _ACHIEVEMENT, 2),
    ],
)
def test_art7_quota(cls, track, n):
    assert quota(cls, track) == n
    assert BAOSHAN_2023.quota_row(cls, track).may_be_vacant is True


@pytest.mark.parametrize(
    ("cls", "track", "cap", "item"),
    [
        (_MAYOR, _MODEL, 500000, PrizeItem.PLAQUE),
        (_MAYOR, _ACHIEVEMENT, 20000, PrizeItem.TROPHY),
        (_GOLD, _MODEL, 100000, PrizeItem.PLAQUE),
        (_GOLD, _ACHIEVEMENT, 10000, PrizeItem.TROPHY),
    ],
)
def test_art19_prize(cls, track, cap, item):
    assert prize_cap(cls, track) == Dec(cap)
    assert isinstance(prize_cap(cls, track), Decimal)
    p = prize(cls, track)
    assert set(p.items) == {item, PrizeItem.CERTIFICATE}
    assert p.certificate_marks_award_year is True


def cand(name, score_, passed=True, cls=_MAYOR, track=_MODEL):
    return Candidate(name=name, award_class=cls, track=track, score=score_, passed=passed)


def test_art7_allocation_within_quota_best_first():
    al = allocate(
        [cand("甲", 95), cand("乙", 93), cand("丙", 99, passed=False), cand("丁", 90)],
        on=D(2025, 9, 19),
    )
    assert [p.name for p in al.awarded] == ["甲", "乙"]


def test_art7_all_awards_may_be_vacant():
    al = allocate([], on=D(2025, 9, 19))
    assert al.awarded == ()
    g = al.group(_GOLD, _MODEL)
    assert g.quota == 10
    assert g.vacancies == 10


def test_art7_gold_model_ten():
    cs = [cand(f"企业{i}", 100 - i, cls=_GOLD) for i in range(12)]
    al = allocate(cs, on=D(2025, 9, 19))
    assert len(al.awarded) == 10


def test_art7_tie_across_quota_line_refused_by_default():
    cs = [
        cand("甲", 90, cls=_MAYOR, track=_ACHIEVEMENT),
        cand("乙", 90, cls=_MAYOR, track=_ACHIEVEMENT),
    ]
    with pytest.raises(UnresolvedTieError):
        allocate(cs, on=D(2025, 9, 19))
    al = allocate(
        cs,
        on=D(2025, 9, 19),
        policy=AllocationPolicy(ties=_award.QuotaTiePolicy.CALLER_ORDER, order=["乙", "甲"]),
    )
    assert [p.name for p in al.awarded] == ["乙"]


# ---------------------------------------------------------------------------
# Measures Art. 5–6 — the cycle (R10)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "phase"),
    [
        (2023, CyclePhase.EVALUATION),
        (2024, CyclePhase.INCUBATION),
        (2025, CyclePhase.EVALUATION),
        (2026, CyclePhase.INCUBATION),
        (2027, CyclePhase.EVALUATION),
        (2028, CyclePhase.INCUBATION),
    ],
)
def test_r10_cycle(year, phase):
    assert cycle_year(year).phase == phase


def test_r10_evaluation_years():
    assert evaluation_years(2023, 2028) == (2023, 2025, 2027)


def test_r10_other_anchor():
    pol = CyclePolicy(evaluation_anchor=2024)
    assert cycle_year(2024, policy=pol).phase == CyclePhase.EVALUATION
    assert cycle_year(2025, policy=pol).phase == CyclePhase.INCUBATION


def test_cycle_outside_validity_refused():
    with pytest.raises(OutsideValidityError):
        cycle_year(2030)


# ---------------------------------------------------------------------------
# Measures Art. 28 — validity
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (D(2023, 4, 26), ValidityStatus.BEFORE),
        (D(2023, 4, 27), ValidityStatus.BY_REFERENCE),
        (D(2023, 7, 31), ValidityStatus.BY_REFERENCE),
        (D(2023, 8, 1), ValidityStatus.IN_FORCE),
        (D(2028, 7, 31), ValidityStatus.IN_FORCE),
        (D(2028, 8, 1), ValidityStatus.AFTER),
    ],
)
def test_art28_validity_status(day, status):
    assert validity_status(day) == status


@pytest.mark.parametrize("day", [D(2023, 4, 26), D(2028, 8, 1)])
def test_art28_eligibility_refuses_dates_outside(day):
    with pytest.raises(OutsideValidityError):
        check_eligibility(clean_org(), applied_on=day)


@pytest.mark.parametrize("day", [D(2023, 4, 27), D(2023, 8, 1), D(2028, 7, 31)])
def test_art28_eligibility_accepts_dates_inside(day):
    v = check_eligibility(clean_org(registered_on=D(2010, 1, 1)), applied_on=day)
    assert v.verdict == Verdict.ELIGIBLE


def test_art28_opt_in_outside():
    v = check_eligibility(clean_org(), applied_on=D(2028, 8, 1), allow_outside_validity=True)
    assert v.verdict == Verdict.ELIGIBLE


# ---------------------------------------------------------------------------
# Measures Art. 3, 14, 15, 16, 25 — eligibility (R7, R8)
# ---------------------------------------------------------------------------

APPLIED = D(2025, 5, 10)


def clean_org(**kw) -> Organisation:
    base = {
        "name": "甲公司",
        "registered_in_baoshan": True,
        "carries_on_activities": True,
        "registered_on": D(2015, 1, 1),
        "operating_normally": True,
        "meets_legal_requirements": True,
        "holds_required_licences": True,
        "exemplary_quality_management": True,
        "leading_performance": True,
        "chief_quality_officer_system": True,
        "fulfils_quality_responsibility": True,
        "serious_penalties": [],
        "failed_rectifications": [],
        "major_incidents": [],
        "major_complaints": [],
        "other_serious_violations": False,
        "district_awards": [],
        "government_awards": [],
        "municipal_application_years": [],
        "revocations": [],
    }
    base.update(kw)
    return Organisation(**base)


def clean_person(**kw) -> Individual:
    base = {
        "name": "张三",
        "works_in_baoshan_quality": True,
        "contributes_to_baoshan_quality": True,
        "quality_work_since": D(2010, 1, 1),
        "outstanding_contribution": True,
        "professional_ethics": True,
        "serious_violations": False,
        "organisation_major_incidents": [],
        "district_awards": [],
        "government_awards": [],
        "municipal_application_years": [],
        "revocations": [],
    }
    base.update(kw)
    return Individual(**base)


def failed_clauses(v: EligibilityVerdict) -> list[str]:
    return [c.citation.clause for c in v.failed]


def test_clean_org_eligible_model_track():
    v = check_eligibility(clean_org(), applied_on=APPLIED)
    assert v.verdict == Verdict.ELIGIBLE
    assert v.track == _MODEL
    assert all(c.citation is not None for c in v.conditions)
    cited = " ".join(c.citation.clause for c in v.conditions)
    for art in ("Art. 3", "Art. 14", "Art. 16", "Art. 25"):
        assert art in cited


def test_clean_person_eligible_achievement_track():
    v = check_eligibility(clean_person(), applied_on=APPLIED)
    assert v.verdict == Verdict.ELIGIBLE
    assert v.track == _ACHIEVEMENT
    cited = " ".join(c.citation.clause for c in v.conditions)
    for art in ("Art. 3", "Art. 15", "Art. 16", "Art. 25"):
        assert art in cited


def test_conditions_bilingual_reasons():
    v = check_eligibility(clean_org(), applied_on=APPLIED)
    for c in v.conditions:
        assert c.reasons
        assert all(r.zh and r.en for r in c.reasons)


def test_art3_not_registered_in_baoshan():
    v = check_eligibility(clean_org(registered_in_baoshan=False), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE
    assert any("Art. 3" in c or "Art. 14(1)" in c for c in failed_clauses(v))


def test_art3_person_either_works_or_contributes():
    v = check_eligibility(
        clean_person(works_in_baoshan_quality=False, contributes_to_baoshan_quality=True),
        applied_on=APPLIED,
    )
    assert v.verdict == Verdict.ELIGIBLE
    v = check_eligibility(
        clean_person(works_in_baoshan_quality=False, contributes_to_baoshan_quality=False),
        applied_on=APPLIED,
    )
    assert v.verdict == Verdict.INELIGIBLE


@pytest.mark.parametrize(
    ("registered", "ok"),
    [
        (D(2015, 1, 1), True),
        (D(2022, 5, 9), True),
        (D(2022, 5, 11), False),
        (D(2023, 1, 1), False),
        (D(2025, 1, 1), False),
    ],
)
def test_art14_1_three_years_operation(registered, ok):
    v = check_eligibility(clean_org(registered_on=registered), applied_on=APPLIED)
    assert (v.verdict == Verdict.ELIGIBLE) is ok
    if not ok:
        assert any("14(1)" in c for c in failed_clauses(v))


def test_art14_1_not_operating_normally():
    v = check_eligibility(clean_org(operating_normally=False), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE


@pytest.mark.parametrize(
    "field",
    [
        "meets_legal_requirements",
        "holds_required_licences",
        "exemplary_quality_management",
        "leading_performance",
        "chief_quality_officer_system",
        "fulfils_quality_responsibility",
    ],
)
def test_art14_basic_conditions_all_required(field):
    v = check_eligibility(clean_org(**{field: False}), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE
    assert any("Art. 14" in c for c in failed_clauses(v))


@pytest.mark.parametrize(
    "field",
    [
        "chief_quality_officer_system",
        "leading_performance",
        "registered_on",
        "major_incidents",
        "serious_penalties",
    ],
)
def test_unknown_fact_is_undetermined_not_false(field):
    v = check_eligibility(clean_org(**{field: None}), applied_on=APPLIED)
    assert v.verdict == Verdict.UNDETERMINED
    assert field in v.missing


def test_failed_beats_unknown():
    v = check_eligibility(
        clean_org(chief_quality_officer_system=None, registered_in_baoshan=False),
        applied_on=APPLIED,
    )
    assert v.verdict == Verdict.INELIGIBLE


# R7 look-back: from 2025-05-10 back to 2022-05-10 inclusive
@pytest.mark.parametrize(
    "field",
    ["serious_penalties", "failed_rectifications", "major_incidents", "major_complaints"],
)
@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (D(2022, 5, 9), True),
        (D(2022, 5, 10), False),
        (D(2024, 1, 1), False),
        (D(2025, 5, 10), False),
    ],
)
def test_art14_exclusions_three_year_lookback(field, day, ok):
    v = check_eligibility(clean_org(**{field: [day]}), applied_on=APPLIED)
    assert (v.verdict == Verdict.ELIGIBLE) is ok, (field, day, failed_clauses(v))
    if not ok:
        assert any("Art. 14" in c for c in failed_clauses(v))


def test_art14_other_serious_violation():
    v = check_eligibility(clean_org(other_serious_violations=True), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE


@pytest.mark.parametrize(("day", "ok"), [(D(2022, 1, 1), False), (D(2021, 12, 31), True)])
def test_r7_calendar_years_option(day, ok):
    pol = EligibilityPolicy(periods=PeriodReading.CALENDAR_YEARS)
    v = check_eligibility(clean_org(major_incidents=[day]), applied_on=APPLIED, policy=pol)
    assert (v.verdict == Verdict.ELIGIBLE) is ok


@pytest.mark.parametrize(
    ("since", "ok"),
    [(D(2010, 1, 1), True), (D(2020, 5, 9), True), (D(2020, 5, 11), False), (D(2022, 1, 1), False)],
)
def test_art15_1_five_years_quality_work(since, ok):
    v = check_eligibility(clean_person(quality_work_since=since), applied_on=APPLIED)
    assert (v.verdict == Verdict.ELIGIBLE) is ok
    if not ok:
        assert any("15(1)" in c for c in failed_clauses(v))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("outstanding_contribution", False),
        ("professional_ethics", False),
        ("serious_violations", True),
    ],
)
def test_art15_2_3(field, value):
    v = check_eligibility(clean_person(**{field: value}), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE
    assert any("Art. 15" in c for c in failed_clauses(v))


@pytest.mark.parametrize(
    ("day", "ok"), [(D(2022, 5, 9), True), (D(2022, 5, 10), False), (D(2025, 1, 1), False)]
)
def test_art15_4_organisation_incident_lookback(day, ok):
    v = check_eligibility(clean_person(organisation_major_incidents=[day]), applied_on=APPLIED)
    assert (v.verdict == Verdict.ELIGIBLE) is ok


# Art. 16 para 1, R7 + R8: award 2023-12-15 bars the same class to 2026-12-15 inclusive


AWARDED = D(2023, 12, 15)


def gold_won(track=_MODEL, on=AWARDED):
    return DistrictAward(award_class=_GOLD, track=track, awarded_on=on)


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (D(2024, 6, 1), False),
        (D(2026, 12, 15), False),
        (D(2026, 12, 16), True),
        (D(2027, 3, 1), True),
    ],
)
def test_art16_1_reapplication_bar_same_class(day, ok):
    v = check_eligibility(
        clean_org(district_awards=[gold_won()]), applied_on=day, applying_for=_GOLD
    )
    assert (v.verdict == Verdict.ELIGIBLE) is ok
    if not ok:
        assert any("Art. 16" in c for c in failed_clauses(v))


def test_art16_1_bar_lift_day_reported():
    v = check_eligibility(
        clean_org(district_awards=[gold_won()]),
        applied_on=D(2026, 12, 15),
        applying_for=_GOLD,
    )
    assert D(2026, 12, 16) in [c.met_from for c in v.failed]


def test_r8_default_other_class_not_barred():
    v = check_eligibility(
        clean_org(district_awards=[gold_won()]),
        applied_on=D(2025, 5, 10),
        applying_for=_MAYOR,
    )
    assert v.verdict == Verdict.ELIGIBLE


def test_r8_any_class_option():
    pol = EligibilityPolicy(same_kind=SameKindReading.ANY_CLASS)
    v = check_eligibility(
        clean_org(district_awards=[gold_won()]),
        applied_on=D(2025, 5, 10),
        applying_for=_MAYOR,
        policy=pol,
    )
    assert v.verdict == Verdict.INELIGIBLE


def test_art16_1_individual_same_bar():
    v = check_eligibility(
        clean_person(district_awards=[gold_won(_ACHIEVEMENT)]),
        applied_on=D(2026, 12, 15),
        applying_for=_GOLD,
    )
    assert v.verdict == Verdict.INELIGIBLE
    v = check_eligibility(
        clean_person(district_awards=[gold_won(_ACHIEVEMENT)]),
        applied_on=D(2026, 12, 16),
        applying_for=_GOLD,
    )
    assert v.verdict == Verdict.ELIGIBLE


def test_art16_1_leap_day_award():
    # R7: 3 years from 2024-02-29 end on 2027-02-28
    won = gold_won(on=D(2024, 2, 29))
    v = check_eligibility(
        clean_org(district_awards=[won]), applied_on=D(2027, 2, 28), applying_for=_GOLD
    )
    assert v.verdict == Verdict.INELIGIBLE
    v = check_eligibility(
        clean_org(district_awards=[won]), applied_on=D(2027, 3, 1), applying_for=_GOLD
    )
    assert v.verdict == Verdict.ELIGIBLE


@pytest.mark.parametrize("level", [GovernmentAwardLevel.MUNICIPAL, GovernmentAwardLevel.NATIONAL])
def test_art16_2_higher_level_award_never(level):
    aw = GovernmentAward(level=level, awarded_on=D(2012, 1, 1), name="上海市政府质量奖")
    v = check_eligibility(clean_org(government_awards=[aw]), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE
    assert any("Art. 16" in c for c in failed_clauses(v))
    v = check_eligibility(clean_person(government_awards=[aw]), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE


def test_art16_3_same_year_municipal_application():
    v = check_eligibility(clean_org(municipal_application_years=[2025]), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE
    assert any("Art. 16" in c for c in failed_clauses(v))
    v = check_eligibility(clean_org(municipal_application_years=[2024]), applied_on=APPLIED)
    assert v.verdict == Verdict.ELIGIBLE


@pytest.mark.parametrize(("day", "ok"), [(D(2026, 12, 15), False), (D(2026, 12, 16), True)])
def test_art25_revocation_bar_in_eligibility(day, ok):
    v = check_eligibility(
        clean_org(revocations=[Revocation(revoked_on=D(2023, 12, 15))]), applied_on=day
    )
    assert (v.verdict == Verdict.ELIGIBLE) is ok
    if not ok:
        assert any("Art. 25" in c for c in failed_clauses(v))


def test_art25_revocation_bar_person():
    v = check_eligibility(
        clean_person(revocations=[Revocation(revoked_on=D(2024, 6, 1))]), applied_on=D(2027, 6, 1)
    )
    assert v.verdict == Verdict.INELIGIBLE
    v = check_eligibility(
        clean_person(revocations=[Revocation(revoked_on=D(2024, 6, 1))]), applied_on=D(2027, 6, 2)
    )
    assert v.verdict == Verdict.ELIGIBLE


# ---------------------------------------------------------------------------
# Windows: Art. 16, 23, 25, 27 (R7, R9)
# ---------------------------------------------------------------------------


def test_r7_reapplication_bar_window():
    w = reapplication_bar(D(2023, 12, 15))
    assert w.end == D(2026, 12, 15)
    assert w.next_day == D(2026, 12, 16)
    assert w.contains(D(2026, 12, 15))
    assert not w.contains(D(2026, 12, 16))


def test_r7_leap_day_period():
    w = reapplication_bar(D(2024, 2, 29))
    assert w.end == D(2027, 2, 28)
    assert w.next_day == D(2027, 3, 1)


def test_art25_revocation_bar_window():
    w = revocation_bar(D(2023, 12, 15))
    assert w.end == D(2026, 12, 15)
    assert w.next_day == D(2026, 12, 16)
    w = revocation_bar(D(2024, 2, 29))
    assert w.end == D(2027, 2, 28)


def test_art27_retention_10_years():
    assert BAOSHAN_2023.retention.count == 10
    w = retention_period(D(2024, 4, 23))
    assert w.end == D(2034, 4, 23)
    assert w.next_day == D(2034, 4, 24)


def test_r9_reporting_periods_rolling():
    s = reporting_periods(D(2023, 12, 15))
    got = [(p.start, p.end) for p in s.periods]
    assert got == [
        (D(2023, 12, 16), D(2024, 12, 15)),
        (D(2024, 12, 16), D(2025, 12, 15)),
        (D(2025, 12, 16), D(2026, 12, 15)),
    ]


def test_r9_reporting_periods_calendar_option():
    s = reporting_periods(D(2023, 12, 15), reading=ReportingReading.CALENDAR_YEARS)
    assert [(p.start, p.end) for p in s.periods] == [
        (D(2024, 1, 1), D(2024, 12, 31)),
        (D(2025, 1, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 12, 31)),
    ]


def test_scheme_terms_from_text():
    s = BAOSHAN_2023
    assert (s.operating.count, s.quality_work.count, s.reapplication_bar.count) == (3, 5, 3)
    assert (s.reporting.count, s.revocation_bar.count, s.notice.count) == (3, 3, 5)
    assert s.validity.by_reference_from == D(2023, 4, 27)
    assert s.validity.in_force_from == D(2023, 8, 1)
    assert s.validity.in_force_until == D(2028, 7, 31)


# ---------------------------------------------------------------------------
# Art. 18(7) — public notice ≥ 5 working days (R11, R12)
# ---------------------------------------------------------------------------


def test_r11_notice_2025_national_day():
    assert earliest_notice_close(D(2025, 9, 26)) == D(2025, 10, 9)
    assert check_notice(D(2025, 9, 26), D(2025, 10, 9)).long_enough is True
    assert check_notice(D(2025, 9, 26), D(2025, 10, 8)).long_enough is False


def test_r11_from_next_day_option():
    pol = NoticePolicy(counting=NoticeCounting.FROM_NEXT_DAY)
    assert earliest_notice_close(D(2025, 9, 26), policy=pol) == D(2025, 10, 10)


def test_notice_makeup_workday_counts():
    # 2025-09-28 (Sunday) is a make-up working day (调休)
    days = workdays_between(D(2025, 9, 26), D(2025, 10, 9))
    assert days == (D(2025, 9, 26), D(2025, 9, 28), D(2025, 9, 29), D(2025, 9, 30), D(2025, 10, 9))


def test_notice_ordinary_week():
    # Monday 2025-06-09 → Friday 2025-06-13
    assert earliest_notice_close(D(2025, 6, 9)) == D(2025, 6, 13)
    # a notice opened on Saturday 2025-06-07 starts counting on Monday
    assert earliest_notice_close(D(2025, 6, 7)) == D(2025, 6, 13)


def test_notice_labour_day_2025():
    # 2025-05-01..05 off: 4/28, 4/29, 4/30, 5/6, 5/7
    assert earliest_notice_close(D(2025, 4, 28)) == D(2025, 5, 7)


def test_r12_unpublished_year_raises():
    with pytest.raises(UnpublishedCalendarError):
        earliest_notice_close(D(2027, 3, 1))
    with pytest.raises(UnpublishedCalendarError):
        check_notice(D(2027, 3, 1), D(2027, 3, 10))
    with pytest.raises(UnpublishedCalendarError):
        nth_workday(D(2027, 3, 1), 5)


def test_r12_caller_supplied_year():
    y = PublishedYear.of(
        2027,
        "国务院办公厅关于2027年部分节假日安排的通知",
        holidays=[(D(2027, 1, 1), D(2027, 1, 3))],
    )
    cal = ChinaWorkdayCalendar().with_year(y)
    assert earliest_notice_close(D(2027, 3, 1), calendar=cal) == D(2027, 3, 5)


# ---------------------------------------------------------------------------
# Art. 18 — procedure
# ---------------------------------------------------------------------------


def test_art18_eight_stages_in_order():
    assert [s.zh for s in ProcedureStage] == [
        "公告",
        "申报",
        "资格审查",
        "资料评审",
        "现场评审",
        "综合评价",
        "审定公示",
        "发文公告",
    ]


def happy_path_until_evaluation():
    st = ProcedureStage
    return (
        ApplicationRecord("甲公司")
        .advance(st.CALL, D(2025, 3, 1))
        .advance(st.APPLICATION, D(2025, 4, 1))
        .advance(st.QUALIFICATION_REVIEW, D(2025, 5, 1))
        .advance(st.DOCUMENT_REVIEW, D(2025, 6, 1))
        .advance(st.SITE_REVIEW, D(2025, 7, 1))
        .advance(st.OVERALL_EVALUATION, D(2025, 8, 1))
    )


def test_art18_full_path():
    r = happy_path_until_evaluation()
    r = r.advance(
        ProcedureStage.APPROVAL_AND_NOTICE,
        D(2025, 9, 25),
        notice_start=D(2025, 9, 26),
        notice_end=D(2025, 10, 9),
    )
    r = r.advance(ProcedureStage.ANNOUNCEMENT, D(2025, 10, 20))
    assert r.finished and r.awarded


def test_art18_short_notice_refused():
    with pytest.raises(InvalidTransitionError):
        happy_path_until_evaluation().advance(
            ProcedureStage.APPROVAL_AND_NOTICE,
            D(2025, 9, 25),
            notice_start=D(2025, 9, 26),
            notice_end=D(2025, 10, 8),
        )


def test_art18_skipping_a_stage_refused():
    with pytest.raises(InvalidTransitionError):
        ApplicationRecord("乙").advance(ProcedureStage.CALL, D(2025, 3, 1)).advance(
            ProcedureStage.SITE_REVIEW, D(2025, 4, 1)
        )


def test_art18_must_start_with_call():
    with pytest.raises(InvalidTransitionError):
        ApplicationRecord("乙").advance(ProcedureStage.APPLICATION, D(2025, 3, 1))


def test_art18_8_announcement_after_notice():
    r = happy_path_until_evaluation().advance(
        ProcedureStage.APPROVAL_AND_NOTICE,
        D(2025, 9, 25),
        notice_start=D(2025, 9, 26),
        notice_end=D(2025, 10, 9),
    )
    with pytest.raises(InvalidTransitionError):
        r.advance(ProcedureStage.ANNOUNCEMENT, D(2025, 10, 8))


# ---------------------------------------------------------------------------
# Art. 12, 26 reviewers; Art. 24 title; Art. 25 revocation
# ---------------------------------------------------------------------------


def test_art12_reviewer():
    ok = Reviewer(
        name="李工",
        experience_since=D(2010, 1, 1),
        follows_policy_and_law=True,
        rich_practice=True,
        trained=True,
        ethical=True,
    )
    assert check_reviewer(ok, on=D(2025, 3, 1)).status == ReviewerQualification.QUALIFIED
    short = Reviewer(
        name="王工",
        experience_since=D(2022, 1, 1),
        follows_policy_and_law=True,
        rich_practice=True,
        trained=True,
        ethical=True,
    )
    assert check_reviewer(short, on=D(2025, 3, 1)).status == ReviewerQualification.NOT_QUALIFIED
    unknown = Reviewer(
        name="赵工",
        experience_since=D(2010, 1, 1),
        follows_policy_and_law=True,
        rich_practice=True,
        trained=None,
        ethical=True,
    )
    assert check_reviewer(unknown, on=D(2025, 3, 1)).status == ReviewerQualification.UNDETERMINED


def test_art26_recusal():
    p = _award.Panel(
        edition="2025",
        leader="王工",
        formed_on=D(2025, 6, 3),
        members=[Reviewer(name=n) for n in ("王工", "李工", "赵工", "钱工")],
    )
    rep = _award.check_recusal(
        p,
        ["甲公司"],
        [_award.Relation(person="李工", applicant="甲公司", kind=_award.RelationKind.EMPLOYMENT)],
        on=D(2025, 6, 20),
    )
    assert "李工" not in rep["甲公司"].remaining


def title_use(context, states_year=True, year=2023):
    return TitleUse(
        user="甲公司",
        award_class=_GOLD,
        track=_MODEL,
        used_on=D(2025, 3, 1),
        context=context,
        states_award_year=states_year,
        award_year=year if states_year else None,
    )


def test_art24_title_use():
    held = [gold_won()]
    assert (
        check_title_use(title_use(TitleContext.IMAGE_PUBLICITY), holdings=held).status
        == TitleUseStatus.PERMITTED
    )
    assert (
        check_title_use(title_use(TitleContext.PRODUCT_PUBLICITY), holdings=held).status
        == TitleUseStatus.VIOLATION
    )
    assert (
        check_title_use(title_use(TitleContext.ON_PRODUCT_OR_PACKAGING), holdings=held).status
        == TitleUseStatus.VIOLATION
    )
    assert (
        check_title_use(
            title_use(TitleContext.IMAGE_PUBLICITY, states_year=False), holdings=held
        ).status
        == TitleUseStatus.VIOLATION
    )


def misconduct(**kw):
    base = {
        "holder": "甲公司",
        "award_class": _GOLD,
        "track": _MODEL,
        "awarded_on": D(2023, 12, 15),
        "improper_means": False,
        "major_incidents": [],
        "other_major_breach": False,
    }
    base.update(kw)
    return MisconductCase(**base)


def test_art25_revocation_grounds():
    a = assess_revocation(misconduct(improper_means=True), on=D(2025, 6, 30))
    assert a.status == RevocationStatus.GROUNDS_FOUND
    assert RevocationGround.IMPROPER_MEANS in a.grounds
    assert a.bar.next_day == D(2028, 7, 1)
    a = assess_revocation(misconduct(major_incidents=[D(2025, 1, 8)]), on=D(2025, 6, 30))
    assert RevocationGround.MAJOR_INCIDENT_AFTER_AWARD in a.grounds
    a = assess_revocation(misconduct(major_incidents=[D(2023, 6, 1)]), on=D(2025, 6, 30))
    assert a.status == RevocationStatus.NO_GROUNDS  # incident before the award: not 获奖后
    a = assess_revocation(misconduct(other_major_breach=True), on=D(2025, 6, 30))
    assert RevocationGround.OTHER_MAJOR_BREACH in a.grounds
    a = assess_revocation(misconduct(improper_means=None), on=D(2025, 6, 30))
    assert a.status == RevocationStatus.UNDETERMINED


def test_art25_consequences():
    vals = {c.value for c in _award.REVOCATION_CONSEQUENCES}
    assert len(vals) == 4  # 取消荣誉资格, 收回奖牌证书奖金, 通报批评, 三年内不再受理


# ---------------------------------------------------------------------------
# SPEC §3/§6 — GB/T 19580 table (Art. 17)
# ---------------------------------------------------------------------------


def test_gbt19580_table():
    t = GBT_19580_2012
    assert t.total == 1000
    assert [(c.code, c.points) for c in t.categories] == [
        ("4.1", 110),
        ("4.2", 90),
        ("4.3", 90),
        ("4.4", 130),
        ("4.5", 100),
        ("4.6", 80),
        ("4.7", 400),
    ]
    assert len(t.items) == 23
    assert all(i.kind == ItemKind.RESULT for i in t.category("4.7").items)
    assert all(i.kind == ItemKind.PROCESS for c in t.categories if c.code != "4.7" for i in c.items)


def test_gbt19580_score_points_times_rating():
    r = score_sheet(ScoreSheet("甲", "示例公司", dict.fromkeys(GBT_19580_2012.codes, 50)))
    assert r.total == 500
    with pytest.raises(InvalidRatingError):
        ScoreSheet("甲", "示例公司", {"4.1.2": 67})


# ---------------------------------------------------------------------------
# SPEC §1.7 — JSON round trip
# ---------------------------------------------------------------------------


def test_json_round_trip_score_card():
    c = card(honors=[HonorLevel.NATIONAL], incidents=[IncidentKind.PRODUCT])
    assert from_json(to_json(c), ScoreCard) == c
    data = json.loads(to_json(c))
    assert data["total"] == "98"


def test_json_round_trip_ranking():
    r = rank_units(units(99, 98, 97, 97, 95, 94, 93, incident=("U1",)))
    assert from_json(to_json(r), Ranking) == r


def test_json_round_trip_self_assessment():
    s = self_assess(all_full_ratings(), unit="罗店镇", year=2024)
    assert from_json(to_json(s), SelfAssessment) == s


def test_json_round_trip_verdict():
    v = check_eligibility(clean_org(major_incidents=[D(2023, 1, 1)]), applied_on=APPLIED)
    back = from_json(to_json(v), EligibilityVerdict)
    assert back == v
    assert json.loads(to_json(v))["applied_on"] == "2025-05-10"


# ---------------------------------------------------------------------------
# Further cases (second pass)
# ---------------------------------------------------------------------------


def test_incident_reason_cites_appendix_c_note_3():
    r = rank_units([UnitScore("甲", 99, major_incident=True), UnitScore("乙", 90)])
    assert any(
        "note 3" in x.citation.clause and x.citation.document == _citations.Document.GUIDE
        for x in r["甲"].reasons
    )


def test_r2_vacant_with_tie_at_third():
    r = rank_units(units(99, 98, 97, 97, 90, incident=("U3",)))
    assert set(r.excellent) == {"U1", "U2", "U4"}


@pytest.mark.parametrize(
    ("rating", "pct"),
    [
        (ItemRating("4.3-1", 75, survey=SurveyFacts(10, 7)), 75),
        (ItemRating("3.2-1", 80, honours=HonourFacts(4, 3, 0)), 80),
        (ItemRating("4.3-1", survey=SurveyFacts(10, 7)), 60),  # no own figure: the band's
    ],
)
def test_r15_assessor_in_band_option(rating, pct):
    pol = SelfAssessmentPolicy(allow_missing=True, measured=_guide.MeasuredReading.ASSESSOR_IN_BAND)
    assert self_assess([rating], policy=pol).item(rating.item).percentage == pct


@pytest.mark.parametrize(
    "rating",
    [
        ItemRating("4.3-1", 50, survey=SurveyFacts(10, 7)),  # facts choose 60%以上
        ItemRating("3.2-1", 100, honours=HonourFacts(4, 3, 0)),  # no national: not 100%
        ItemRating("5.2-1", 10, delta=DeltaFacts(10, 1)),  # facts choose 0
    ],
)
def test_r15_assessor_in_band_outside_refused(rating):
    pol = SelfAssessmentPolicy(allow_missing=True, measured=_guide.MeasuredReading.ASSESSOR_IN_BAND)
    with pytest.raises(InvalidRatingError):
        self_assess([rating], policy=pol)


def test_self_vs_official_comparison():
    s = self_assess(replace(all_full_ratings(), ItemRating("5.1-1", 60)), unit="罗店镇", year=2024)
    c = card(scores={**full_scores(), "5.1.4": 5}, honors=[HonorLevel.DISTRICT])
    cmp = _guide.compare_with_official(s, c)
    assert len(cmp.rows) == 13
    assert cmp.claimed_total == Dec("95.2")  # 24 × 80 % = 19.2
    assert cmp.official_base == 95
    assert cmp.official_total == 96
    row = next(x for x in cmp.rows if x.indicator == "5.1")
    assert (row.claimed, row.awarded) == (Dec("19.2"), 19)


def test_r9_reporting_periods_leap_day():
    s = reporting_periods(D(2024, 2, 29))
    assert [(p.start, p.end) for p in s.periods] == [
        (D(2024, 3, 1), D(2025, 2, 28)),
        (D(2025, 3, 1), D(2026, 2, 28)),
        (D(2026, 3, 1), D(2027, 2, 28)),
    ]


def test_art27_retention_leap_day():
    assert retention_period(D(2024, 2, 29)).end == D(2034, 2, 28)


def test_r8_any_class_needs_no_class_named():
    pol = EligibilityPolicy(same_kind=SameKindReading.ANY_CLASS)
    v = check_eligibility(
        clean_org(district_awards=[gold_won()]), applied_on=D(2025, 5, 10), policy=pol
    )
    assert v.verdict == Verdict.INELIGIBLE


def test_art16_1_class_unknown_is_undetermined():
    v = check_eligibility(clean_org(district_awards=[gold_won()]), applied_on=D(2025, 5, 10))
    assert v.verdict == Verdict.UNDETERMINED


def test_art16_1_old_award_no_class_needed():
    v = check_eligibility(
        clean_org(district_awards=[gold_won(on=D(2023, 6, 1))]), applied_on=D(2026, 6, 2)
    )
    assert v.verdict == Verdict.ELIGIBLE


def test_art14_1_registered_after_application():
    v = check_eligibility(clean_org(registered_on=D(2025, 6, 1)), applied_on=APPLIED)
    assert v.verdict == Verdict.INELIGIBLE


@pytest.mark.parametrize(
    ("start", "close"),
    [
        (D(2025, 10, 1), D(2025, 10, 14)),  # 10-09, 10-10, 10-11 (Sat, worked), 10-13, 10-14
        (
            D(2025, 1, 24),
            D(2025, 2, 6),
        ),  # Spring Festival 2025: 1-24, 1-26 (Sun, worked), 1-27, 2-5, 2-6
        (D(2024, 9, 27), D(2024, 10, 9)),  # 9-27, 9-29 (Sun, worked), 9-30, 10-8, 10-9
        (D(2024, 4, 28), D(2024, 5, 7)),  # 4-28 (Sun, worked), 4-29, 4-30, 5-6, 5-7
        (D(2023, 6, 20), D(2023, 6, 27)),  # by-reference span; Dragon Boat 6-22..24, 6-25 worked
    ],
)
def test_notice_holiday_edges(start, close):
    assert earliest_notice_close(start) == close


def test_r12_notice_spilling_into_unpublished_year_raises():
    with pytest.raises(UnpublishedCalendarError):
        earliest_notice_close(D(2026, 12, 28))


def test_notice_before_by_reference_refused():
    with pytest.raises(OutsideValidityError):
        earliest_notice_close(D(2023, 4, 26))


def test_art18_4_not_shortlisted_needs_report_fed_back():
    st = ProcedureStage
    r = (
        ApplicationRecord("甲")
        .advance(st.CALL, D(2025, 3, 1))
        .advance(st.APPLICATION, D(2025, 4, 1))
        .advance(st.QUALIFICATION_REVIEW, D(2025, 5, 1))
    )
    with pytest.raises(InvalidTransitionError):
        r.advance(st.DOCUMENT_REVIEW, D(2025, 6, 1), _award.StageOutcome.NOT_SHORTLISTED)
    x = r.advance(
        st.DOCUMENT_REVIEW,
        D(2025, 6, 1),
        _award.StageOutcome.NOT_SHORTLISTED,
        report_fed_back_on=D(2025, 6, 10),
    )
    assert x.finished and not x.awarded
    with pytest.raises(InvalidTransitionError):
        x.advance(st.SITE_REVIEW, D(2025, 7, 1))


def test_report_title_must_follow_pattern():
    assert check_report(good_outline(title="2024年宝山区罗店镇质量报告")).conforms is False


def test_report_body_in_order():
    # 5.2.1.2.3 正文应按照 5.2.1.1 内容依次编写
    body = ["一、持续改进", "二、质量发展情况", "三、质量特色", "四、区域质量总体情况"]
    assert check_report(good_outline(body=body)).conforms is False


def test_report_contents_is_only_recommended():
    # 5.2.1.2.1 篇幅较多的，宜设置目录 — a 宜 never decides conformance
    c = check_report(good_outline(pages=80), policy=_guide.ReportPolicy(long_from_pages=20))
    assert c.conforms is True


def test_report_wrong_margin_fails():
    import attrs

    assert (
        check_report(good_outline(layout=attrs.evolve(COVER_LAYOUT, margin_top_cm="3"))).conforms
        is False
    )
