"""Measures Art. 3, 14, 15, 16 and 25: check_eligibility, clause by clause, with the day edges.

Dates are counted by hand by reading R7 (Civil Code Art. 201-202: the start day not
counted, the period ends on the corresponding day; or whole calendar years) and
reading R22 (三年以上 / 五年以上 reached the day after the period, or on its last day).
The Chinese fact labels quote the clauses (Art. 3 依法在宝山区注册登记，开展经济和社会活动;
Art. 14(2) 符合本市和区域有关产业导向、环境保护、节能减排、安全生产、质量等法律法规及政策
要求，具备相关资质或证照; Art. 14 para 2 近三年 …; Art. 16 获得先进质量管理模式或成果后3年内
不得申报同一类奖项 …; Art. 25 三年内不再受理其申请) and errors follow
``field: problem, got value (clause)``.  Each message family keeps a few golden
sentences; elsewhere a reason is compared by its clause and its figures.  None is
copied from a run.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.baoshan import ACHIEVEMENT, BAOSHAN_2023, GOLD, MAYOR, MODEL
from baoshan_quality.award.conditions import Condition, ConditionStatus
from baoshan_quality.award.eligibility import (
    EligibilityPolicy,
    EligibilityVerdict,
    SameKindReading,
    Verdict,
    check_eligibility,
)
from baoshan_quality.award.judges import (
    CompletionReading,
    completion_day,
    completion_field,
    periods_field,
)
from baoshan_quality.award.parts import ApplicantKind, AwardClass
from baoshan_quality.award.records import (
    DistrictAward,
    GovernmentAward,
    GovernmentAwardLevel,
    Revocation,
    RevocationGround,
)
from baoshan_quality.citations import Reason, measures
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.periods import PeriodReading
from baoshan_quality.serialization import from_json, to_json

from .shared import LATER

D = dt.date
MET, FAILED, UNKNOWN = ConditionStatus.MET, ConditionStatus.FAILED, ConditionStatus.UNKNOWN
CAL = PeriodReading.CALENDAR_YEARS
APPLIED = D(2025, 5, 10)
# 近三年 from 2025-05-10 under R7's default reaches back to 2022-05-10 (inclusive).
SPAN = "2022-05-10..2025-05-10"
#: An event dated after the day asked about is refused, naming its field (issue 15 item 5):
#: it used to be left out of 近三年 and of the bars without a word (a prior award dated
#: 9999-12-31 counted as Art. 16 met).  tests/award/test_future_events.py has the messages.
REFUSED = "refused"
# An edition with the gold class only (new data: Art. 2 of 2023 has two classes).
GOLD_ONLY = attrs.evolve(
    BAOSHAN_2023,
    key="gold-only",
    classes=(GOLD,),
    quotas=tuple(r for r in BAOSHAN_2023.quotas if r.award_class == "gold"),
    prizes=tuple(r for r in BAOSHAN_2023.prizes if r.award_class == "gold"),
)
# A municipal-level scheme: for it, only a national award is 上级 (Art. 16 para 2).
MUNICIPAL = attrs.evolve(BAOSHAN_2023, key="municipal", level=GovernmentAwardLevel.MUNICIPAL)
GOLD_2023 = DistrictAward(award_class=GOLD, track=MODEL, awarded_on=D(2023, 12, 15))
MAYOR_2024 = DistrictAward(award_class=MAYOR, track=MODEL, awarded_on=D(2024, 1, 5))
ART_16_1 = measures("Art. 16 para 1")


def good_org(**changes: Any) -> Organisation:
    """An organisation meeting every condition (facts all known)."""
    facts: dict[str, Any] = {
        "name": "甲科技有限公司",
        "registered_in_baoshan": True,
        "carries_on_activities": True,
        "registered_on": D(2010, 1, 1),
        "operating_normally": True,
        "meets_legal_requirements": True,
        "holds_required_licences": True,
        "exemplary_quality_management": True,
        "leading_performance": True,
        "chief_quality_officer_system": True,
        "fulfils_quality_responsibility": True,
        "serious_penalties": (),
        "failed_rectifications": (),
        "major_incidents": (),
        "major_complaints": (),
        "other_serious_violations": False,
        "district_awards": (),
        "government_awards": (),
        "municipal_application_years": (),
        "revocations": (),
    }
    facts.update(changes)
    return Organisation(**facts)


def good_person(**changes: Any) -> Individual:
    """An individual meeting every condition (facts all known)."""
    facts: dict[str, Any] = {
        "name": "张三",
        "works_in_baoshan_quality": True,
        "contributes_to_baoshan_quality": None,
        "quality_work_since": D(2010, 1, 1),
        "outstanding_contribution": True,
        "professional_ethics": True,
        "serious_violations": False,
        "organisation_major_incidents": (),
        "district_awards": (),
        "government_awards": (),
        "municipal_application_years": (),
        "revocations": (),
    }
    facts.update(changes)
    return Individual(**facts)


def status(verdict: EligibilityVerdict, key: str) -> ConditionStatus:
    return verdict.condition(key).status


def texts(cond: Condition) -> list[tuple[str, str, str]]:
    """Each reason as (clause, zh, en)."""
    return [(r.citation.clause, r.zh, r.en) for r in cond.reasons]


def cond_of(applicant: Organisation | Individual, key: str, **kwargs: Any) -> Condition:
    kwargs.setdefault("applied_on", APPLIED)
    return check_eligibility(applicant, **kwargs).condition(key)


def _error(call) -> InvalidInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


def says(reason: Reason, clause: str, *figures: object) -> None:
    """The reason cites ``clause`` and gives each figure (a date, a count) in both languages."""
    assert reason.citation == measures(clause)
    for figure in figures:
        assert str(figure) in reason.zh, (figure, reason.zh)
        assert str(figure) in reason.en, (figure, reason.en)


# --- the readings (R7, R8, R22) ---------------------------------------------------------


def test_policy_defaults_are_spec_defaults() -> None:
    p = EligibilityPolicy()
    assert p.periods is PeriodReading.CIVIL_CODE  # R7
    assert p.same_kind is SameKindReading.SAME_CLASS  # R8
    assert p.completion is CompletionReading.AFTER_PERIOD  # R22


def test_policy_fields_built_afresh() -> None:
    """The shared field builders (called at import for the policies) give the defaults and
    refuse a bare value with the library's error."""

    @attrs.frozen
    class P:
        periods: PeriodReading = periods_field()  # noqa: RUF009 (a fresh attrs field)
        completion: CompletionReading = completion_field()  # noqa: RUF009 (a fresh attrs field)

    assert P().periods is PeriodReading.CIVIL_CODE
    assert P().completion is CompletionReading.AFTER_PERIOD
    err = _error(lambda: P(periods="civil-code"))  # type: ignore[arg-type]
    assert str(err) == (
        "P.periods: expected one of PeriodReading.CIVIL_CODE, PeriodReading.CALENDAR_YEARS, "
        "got 'civil-code'"
    )
    err = _error(lambda: P(completion="after-period"))  # type: ignore[arg-type]
    assert str(err) == (
        "P.completion: expected one of CompletionReading.AFTER_PERIOD, "
        "CompletionReading.ON_ANNIVERSARY, got 'after-period'"
    )


@pytest.mark.parametrize(
    ("reading", "completion", "expected"),
    [
        # 3 years from 2022-05-10: the period ends 2025-05-10 (R7 default).
        (PeriodReading.CIVIL_CODE, CompletionReading.AFTER_PERIOD, D(2025, 5, 11)),
        (PeriodReading.CIVIL_CODE, CompletionReading.ON_ANNIVERSARY, D(2025, 5, 10)),
        # 3 whole calendar years after 2022 end on 2025-12-31.
        (CAL, CompletionReading.AFTER_PERIOD, D(2026, 1, 1)),
        (CAL, CompletionReading.ON_ANNIVERSARY, D(2025, 12, 31)),
    ],
)
def test_i5_1_completion_day(
    reading: PeriodReading, completion: CompletionReading, expected: dt.date
) -> None:
    assert completion_day(D(2022, 5, 10), 3, reading, completion) == expected


# --- the baseline ---------------------------------------------------------------------


def test_fully_known_organisation_is_eligible_with_every_condition_listed() -> None:
    v = check_eligibility(good_org(), applied_on=APPLIED)
    assert v.verdict is Verdict.ELIGIBLE
    assert v.eligible
    assert v.kind is ApplicantKind.ORGANISATION
    assert v.track is MODEL
    assert [c.key for c in v.conditions] == [
        "art3",
        "art14.1",
        "art14.2",
        "art14.3",
        "art14.4",
        "art14.5",
        "art14.exclusion.1",
        "art14.exclusion.2",
        "art14.exclusion.3",
        "art16.para1",
        "art16.para2",
        "art16.para3",
        "art25",
    ]
    assert all(c.status is MET for c in v.conditions)
    for c in v.conditions:
        assert c.reasons and all(r.zh and r.en for r in c.reasons)
    assert str(v.condition("art14.exclusion.2").citation) == "Measures Art. 14 para 2(2)"


def test_fully_known_individual_is_eligible() -> None:
    v = check_eligibility(good_person(), applied_on=APPLIED)
    assert v.verdict is Verdict.ELIGIBLE
    assert v.track is ACHIEVEMENT
    assert [c.key for c in v.conditions] == [
        "art3",
        "art15.1",
        "art15.2",
        "art15.3",
        "art15.4",
        "art16.para1",
        "art16.para2",
        "art16.para3",
        "art25",
    ]


# --- Art. 3 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("registered", "activities", "expected"),
    [
        (True, True, MET),
        (False, True, FAILED),  # 依法在宝山区注册登记
        (True, False, FAILED),  # 开展经济和社会活动
        (False, None, FAILED),  # a known false fails whatever the unknown is
        (None, True, UNKNOWN),
    ],
)
def test_art3_organisation(
    registered: bool | None, activities: bool | None, expected: ConditionStatus
) -> None:
    org = good_org(registered_in_baoshan=registered, carries_on_activities=activities)
    assert status(check_eligibility(org, applied_on=APPLIED), "art3") is expected


@pytest.mark.parametrize(
    ("works", "contributes", "expected"),
    [
        (True, None, MET),  # 在宝山区从事质量工作
        (None, True, MET),  # 或者为宝山区质量工作做出贡献
        (False, False, FAILED),
        (False, None, UNKNOWN),
        (None, None, UNKNOWN),
    ],
)
def test_art3_individual_either_link_suffices(
    works: bool | None, contributes: bool | None, expected: ConditionStatus
) -> None:
    p = good_person(works_in_baoshan_quality=works, contributes_to_baoshan_quality=contributes)
    assert status(check_eligibility(p, applied_on=APPLIED), "art3") is expected


def test_art3_organisation_reasons() -> None:
    assert texts(cond_of(good_org(), "art3")) == [
        (
            "Art. 3",
            "属本办法所称的组织：依法在宝山区注册登记，开展经济和社会活动。",
            "An organisation in the sense of the Measures: registered in Baoshan, carrying on "
            "economic and social activities.",
        )
    ]
    failed = cond_of(good_org(registered_in_baoshan=False, carries_on_activities=False), "art3")
    assert texts(failed) == [
        (
            "Art. 3",
            "不满足：依法在宝山区注册登记。",
            "Not met: registered in Baoshan according to law.",
        ),
        (
            "Art. 3",
            "不满足：开展经济和社会活动。",
            "Not met: carries on economic and social activities.",
        ),
    ]
    unknown = cond_of(good_org(registered_in_baoshan=None, carries_on_activities=None), "art3")
    assert unknown.missing == ("carries_on_activities", "registered_in_baoshan")
    assert texts(unknown) == [
        (
            "Art. 3",
            "未提供事实：依法在宝山区注册登记（registered_in_baoshan）。",
            "Fact not given: registered in Baoshan according to law (registered_in_baoshan).",
        ),
        (
            "Art. 3",
            "未提供事实：开展经济和社会活动（carries_on_activities）。",
            "Fact not given: carries on economic and social activities (carries_on_activities).",
        ),
    ]


def test_art3_individual_each_link_is_a_reason() -> None:
    both = cond_of(
        good_person(works_in_baoshan_quality=True, contributes_to_baoshan_quality=True), "art3"
    )
    assert (both.key, both.status, both.citation) == ("art3", MET, measures("Art. 3"))
    assert texts(both) == [
        (
            "Art. 3",
            "属本办法所称的个人：在宝山区从事质量工作。",
            "An individual in the sense of the Measures: does quality work in Baoshan.",
        ),
        (
            "Art. 3",
            "属本办法所称的个人：为宝山区质量工作做出贡献。",
            "An individual in the sense of the Measures: has contributed to quality work in "
            "Baoshan.",
        ),
    ]
    only = cond_of(
        good_person(works_in_baoshan_quality=False, contributes_to_baoshan_quality=True), "art3"
    )
    assert only.status is MET and len(only.reasons) == 1


def test_art3_individual_unknown_and_failed() -> None:
    neither = cond_of(
        good_person(works_in_baoshan_quality=None, contributes_to_baoshan_quality=None), "art3"
    )
    assert neither.missing == ("contributes_to_baoshan_quality", "works_in_baoshan_quality")
    assert texts(neither) == [
        (
            "Art. 3",
            "未提供事实：在宝山区从事质量工作（works_in_baoshan_quality）。",
            "Fact not given: does quality work in Baoshan (works_in_baoshan_quality).",
        ),
        (
            "Art. 3",
            "未提供事实：为宝山区质量工作做出贡献（contributes_to_baoshan_quality）。",
            "Fact not given: has contributed to quality work in Baoshan "
            "(contributes_to_baoshan_quality).",
        ),
    ]
    # One link known false, the other unknown: only the unknown one is missing.
    half = cond_of(
        good_person(works_in_baoshan_quality=False, contributes_to_baoshan_quality=None), "art3"
    )
    assert (half.status, half.missing) == (UNKNOWN, ("contributes_to_baoshan_quality",))
    no = cond_of(
        good_person(works_in_baoshan_quality=False, contributes_to_baoshan_quality=False), "art3"
    )
    assert no.status is FAILED and no.met_from is None
    assert texts(no) == [
        (
            "Art. 3",
            "既不在宝山区从事质量工作，也未为宝山区质量工作做出贡献。",
            "Neither does quality work in Baoshan nor has contributed to it.",
        )
    ]


# --- Art. 14(1) and 15(1): 三年以上 / 五年以上 (reading R22 with R7) --------------------


@pytest.mark.parametrize(
    ("registered_on", "applied_on", "reading", "expected", "met_from"),
    [
        # exactly 3 years: the period 2022-05-10 → 2025-05-10 runs out at the end of 2025-05-10
        (D(2022, 5, 10), D(2025, 5, 10), CompletionReading.AFTER_PERIOD, FAILED, D(2025, 5, 11)),
        (D(2022, 5, 10), D(2025, 5, 11), CompletionReading.AFTER_PERIOD, MET, None),
        (D(2022, 5, 10), D(2025, 5, 10), CompletionReading.ON_ANNIVERSARY, MET, None),
        (D(2022, 5, 10), D(2025, 5, 9), CompletionReading.ON_ANNIVERSARY, FAILED, D(2025, 5, 10)),
        # a Feb 29 start: the period ends on Feb 28 (Civil Code Art. 202, no Feb 29)
        (D(2024, 2, 29), D(2027, 2, 28), CompletionReading.AFTER_PERIOD, FAILED, D(2027, 3, 1)),
        (D(2024, 2, 29), D(2027, 3, 1), CompletionReading.AFTER_PERIOD, MET, None),
        (D(2024, 2, 29), D(2027, 2, 28), CompletionReading.ON_ANNIVERSARY, MET, None),
        (D(2024, 2, 29), D(2027, 2, 27), CompletionReading.ON_ANNIVERSARY, FAILED, D(2027, 2, 28)),
        # registered after the application: not 3 years
        (D(2025, 6, 1), D(2025, 5, 10), CompletionReading.AFTER_PERIOD, FAILED, D(2028, 6, 2)),
    ],
)
def test_art14_1_three_years_of_operation(
    registered_on: dt.date,
    applied_on: dt.date,
    reading: CompletionReading,
    expected: ConditionStatus,
    met_from: dt.date | None,
) -> None:
    v = check_eligibility(
        good_org(registered_on=registered_on),
        applied_on=applied_on,
        policy=EligibilityPolicy(completion=reading),
    )
    cond = v.condition("art14.1")
    assert cond.status is expected
    assert cond.met_from == met_from


def test_art14_1_calendar_year_reading_r7() -> None:
    policy = EligibilityPolicy(periods=PeriodReading.CALENDAR_YEARS)
    org = good_org(registered_on=D(2022, 5, 10))
    # three whole calendar years after 2022 end on 2025-12-31
    assert (
        status(check_eligibility(org, applied_on=D(2025, 12, 31), policy=policy), "art14.1")
        is FAILED
    )
    assert status(check_eligibility(org, applied_on=D(2026, 1, 1), policy=policy), "art14.1") is MET


@pytest.mark.parametrize(
    ("operating", "registered", "expected"),
    [(False, True, FAILED), (None, True, UNKNOWN), (True, False, FAILED), (True, None, UNKNOWN)],
)
def test_art14_1_registration_and_normal_operation(
    operating: bool | None, registered: bool | None, expected: ConditionStatus
) -> None:
    org = good_org(operating_normally=operating, registered_in_baoshan=registered)
    assert status(check_eligibility(org, applied_on=APPLIED), "art14.1") is expected


def test_art14_1_unknown_registration_date_names_it() -> None:
    v = check_eligibility(good_org(registered_on=None), applied_on=APPLIED)
    assert v.verdict is Verdict.UNDETERMINED
    assert v.condition("art14.1").missing == ("registered_on",)
    assert v.missing == ("registered_on",)


@pytest.mark.parametrize(
    ("since", "applied_on", "expected"),
    [
        (D(2020, 6, 30), D(2025, 6, 30), FAILED),  # exactly 5 years: the day is not over
        (D(2020, 6, 30), D(2025, 7, 1), MET),
        (D(2020, 8, 31), D(2025, 8, 31), FAILED),  # month end
        (D(2020, 8, 31), D(2025, 9, 1), MET),
        (D(2020, 2, 29), D(2025, 2, 28), FAILED),  # Feb 29 start → ends Feb 28
        (D(2020, 2, 29), D(2025, 3, 1), MET),
        (D(2021, 1, 1), D(2025, 5, 10), FAILED),  # one year short
    ],
)
def test_art15_1_five_years_of_quality_work(
    since: dt.date, applied_on: dt.date, expected: ConditionStatus
) -> None:
    v = check_eligibility(good_person(quality_work_since=since), applied_on=applied_on)
    assert status(v, "art15.1") is expected


def test_art14_1_met_reasons() -> None:
    # 3 years from 2010-01-01 end on 2013-01-01; met from 2013-01-02 (R22 default).
    c = cond_of(good_org(), "art14.1")
    assert (c.status, c.citation) == (MET, measures("Art. 14(1)"))
    assert texts(c) == [
        (
            "Art. 14(1)",
            "在本区登记、注册并正常运行。",
            "Registered in the district and operating normally.",
        ),
        (
            "Art. 14(1)",
            "自 2010-01-01 起至申报日 2025-05-10 已满 3 年（2013-01-02 起满足）。",
            "3 years from 2010-01-01 are reached by 2025-05-10 (met from 2013-01-02).",
        ),
    ]


def test_art14_1_failed_reason_names_the_day_it_is_met() -> None:
    c = cond_of(good_org(registered_on=D(2022, 5, 10)), "art14.1")
    assert (c.status, c.met_from) == (FAILED, D(2025, 5, 11))
    assert texts(c) == [
        (
            "Art. 14(1)",
            "自 2022-05-10 起至申报日 2025-05-10 未满 3 年，2025-05-11 起方满足。",
            "3 years from 2022-05-10 are not reached on 2025-05-10; met from 2025-05-11.",
        )
    ]


def test_art14_1_unknown_start_and_facts() -> None:
    c = cond_of(good_org(registered_on=None), "art14.1")
    assert (c.status, c.missing) == (UNKNOWN, ("registered_on",))
    assert texts(c)[1] == (
        "Art. 14(1)",
        "未提供起算日期（registered_on），无法判断是否满 3 年。",
        "The start date (registered_on) is not given: cannot tell whether 3 years are reached.",
    )
    c = cond_of(good_org(operating_normally=None), "art14.1")
    assert texts(c)[0] == (
        "Art. 14(1)",
        "未提供事实：正常运行（operating_normally）。",
        "Fact not given: operating normally (operating_normally).",
    )
    c = cond_of(good_org(registered_in_baoshan=False, operating_normally=False), "art14.1")
    assert texts(c) == [
        ("Art. 14(1)", "不满足：在本区登记、注册。", "Not met: registered in the district."),
        ("Art. 14(1)", "不满足：正常运行。", "Not met: operating normally."),
    ]


@pytest.mark.parametrize(
    ("applied_on", "expected"),
    # Calendar years (R7 alternative) with the anniversary reading (R22 alternative):
    # three whole calendar years after 2022 end on 2025-12-31, which itself suffices.
    [(D(2025, 12, 30), FAILED), (D(2025, 12, 31), MET)],
)
def test_art14_1_policy_readings_are_passed_on(
    applied_on: dt.date, expected: ConditionStatus
) -> None:
    policy = EligibilityPolicy(periods=CAL, completion=CompletionReading.ON_ANNIVERSARY)
    c = cond_of(
        good_org(registered_on=D(2022, 5, 10)), "art14.1", applied_on=applied_on, policy=policy
    )
    assert c.status is expected
    assert c.met_from == (D(2025, 12, 31) if expected is FAILED else None)


def test_art15_1_reasons() -> None:
    # 5 years from 2020-06-30 end on 2025-06-30; met from 2025-07-01.
    c = cond_of(
        good_person(quality_work_since=D(2020, 6, 30)), "art15.1", applied_on=D(2025, 6, 30)
    )
    assert (c.status, c.citation, c.met_from) == (FAILED, measures("Art. 15(1)"), D(2025, 7, 1))
    (reason,) = c.reasons
    says(reason, "Art. 15(1)", "5 ", "2020-06-30", "2025-06-30", "2025-07-01")
    assert "未满 5 年" in reason.zh and "not reached" in reason.en
    c = cond_of(good_person(quality_work_since=None), "art15.1")
    assert c.missing == ("quality_work_since",)
    (reason,) = c.reasons
    says(reason, "Art. 15(1)", "quality_work_since", "5 ")
    assert "无法判断是否满 5 年" in reason.zh


# --- Art. 14(2)-(5) and 15(2)-(3): each basic condition -----------------------------------


@pytest.mark.parametrize(
    ("field", "key"),
    [
        ("meets_legal_requirements", "art14.2"),
        ("holds_required_licences", "art14.2"),
        ("exemplary_quality_management", "art14.3"),
        ("leading_performance", "art14.4"),
        ("chief_quality_officer_system", "art14.5"),
        ("fulfils_quality_responsibility", "art14.5"),
    ],
)
def test_art14_basic_conditions(field: str, key: str) -> None:
    failed = check_eligibility(good_org(**{field: False}), applied_on=APPLIED)
    assert failed.verdict is Verdict.INELIGIBLE
    assert [c.key for c in failed.failed] == [key]
    unknown = check_eligibility(good_org(**{field: None}), applied_on=APPLIED)
    assert unknown.verdict is Verdict.UNDETERMINED
    assert unknown.missing == (field,)
    assert unknown.condition(key).status is UNKNOWN


@pytest.mark.parametrize(
    ("changes", "key", "expected"),
    [
        ({"outstanding_contribution": False}, "art15.2", FAILED),
        ({"professional_ethics": False}, "art15.3", FAILED),
        ({"serious_violations": True}, "art15.3", FAILED),  # 未发生严重违反法律法规的行为
        ({"serious_violations": None}, "art15.3", UNKNOWN),
    ],
)
def test_art15_conditions(changes: dict[str, Any], key: str, expected: ConditionStatus) -> None:
    assert status(check_eligibility(good_person(**changes), applied_on=APPLIED), key) is expected


ORG_FACTS = [
    (
        "meets_legal_requirements",
        "art14.2",
        "Art. 14(2)",
        "符合本市和区域有关产业导向、环境保护、节能减排、安全生产、质量等法律法规及政策要求",
        "meets the municipal and district law and policy on industry, environment, energy "
        "saving, work safety and quality",
    ),
    (
        "holds_required_licences",
        "art14.2",
        "Art. 14(2)",
        "具备相关资质或证照",
        "holds the required qualifications or licences",
    ),
    (
        "exemplary_quality_management",
        "art14.3",
        "Art. 14(3)",
        "质量管理工作具有行业特色、企业特点和标杆示范意义，追求卓越，持续改进效果突出，"
        "具有良好的成长性",
        "quality management with sector and company character and benchmark value, pursuing "
        "excellence with marked continual improvement and good growth",
    ),
    (
        "leading_performance",
        "art14.4",
        "Art. 14(4)",
        "近三年来主要经济、社会效益指标和质量水平处于本区领先地位，对地区转型发展和创新驱动"
        "贡献率处于前列",
        "over the last three years, leading economic, social and quality results in the "
        "district and a front-rank contribution to transformation and innovation",
    ),
    (
        "chief_quality_officer_system",
        "art14.5",
        "Art. 14(5)",
        "积极实施首席质量官制度",
        "actively runs a chief quality officer system",
    ),
    (
        "fulfils_quality_responsibility",
        "art14.5",
        "Art. 14(5)",
        "严格落实质量主体责任",
        "strictly fulfils its responsibility for quality",
    ),
]

PERSON_FACTS = [
    (
        "outstanding_contribution",
        "art15.2",
        "Art. 15(2)",
        "具有卓有成效的质量管理理论研究成果或丰富的实践经验，为提高质量做出了突出贡献",
        "effective quality-management research or rich practical experience, with an "
        "outstanding contribution to quality",
    ),
    (
        "professional_ethics",
        "art15.3",
        "Art. 15(3)",
        "恪守职业道德和社会公德",
        "keeps professional and social ethics",
    ),
]


@pytest.mark.parametrize(("field", "key", "clause", "zh", "en"), ORG_FACTS)
def test_art14_basic_condition_fact_labels(
    field: str, key: str, clause: str, zh: str, en: str
) -> None:
    c = cond_of(good_org(**{field: False}), key)
    assert (c.status, c.citation) == (FAILED, measures(clause))
    assert texts(c) == [(clause, f"不满足：{zh}。", f"Not met: {en}.")]
    c = cond_of(good_org(**{field: None}), key)
    assert c.missing == (field,)
    assert texts(c) == [
        (clause, f"未提供事实：{zh}（{field}）。", f"Fact not given: {en} ({field}).")
    ]


@pytest.mark.parametrize(("field", "key", "clause", "zh", "en"), PERSON_FACTS)
def test_art15_condition_fact_labels(field: str, key: str, clause: str, zh: str, en: str) -> None:
    c = cond_of(good_person(**{field: False}), key)
    assert (c.status, c.citation) == (FAILED, measures(clause))
    assert texts(c) == [(clause, f"不满足：{zh}。", f"Not met: {en}.")]
    c = cond_of(good_person(**{field: None}), key)
    assert texts(c) == [
        (clause, f"未提供事实：{zh}（{field}）。", f"Fact not given: {en} ({field}).")
    ]


def test_negated_facts_art14_para2_3_and_art15_3() -> None:
    """``True`` means there *were* serious violations: the clause's statement (无…/未发生…) fails."""
    c = cond_of(good_org(other_serious_violations=True), "art14.exclusion.3")
    assert (c.status, c.citation) == (FAILED, measures("Art. 14 para 2(3)"))
    assert texts(c) == [
        (
            "Art. 14 para 2(3)",
            "不满足：无其他严重违反法律法规、规章和其它规定的行为。",
            "Not met: no other serious breach of laws, regulations, rules or other provisions.",
        )
    ]
    c = cond_of(good_org(other_serious_violations=None), "art14.exclusion.3")
    assert c.missing == ("other_serious_violations",)
    c = cond_of(good_person(serious_violations=True), "art15.3")
    assert texts(c) == [
        (
            "Art. 15(3)",
            "不满足：未发生严重违反法律法规的行为。",
            "Not met: no serious breach of laws and regulations.",
        )
    ]
    c = cond_of(good_person(serious_violations=None), "art15.3")
    assert texts(c) == [
        (
            "Art. 15(3)",
            "未提供事实：未发生严重违反法律法规的行为（serious_violations）。",
            "Fact not given: no serious breach of laws and regulations (serious_violations).",
        )
    ]


@pytest.mark.parametrize(
    ("person", "key", "clause", "zh", "en"),
    [
        (False, "art14.2", "Art. 14(2)", "符合法律法规及政策要求，具备相关资质或证照。",
         "Meets the law and policy requirements and holds the required licences."),
        (False, "art14.3", "Art. 14(3)", "质量管理工作具有标杆示范意义，持续改进效果突出。",
         "Quality management of benchmark value with marked continual improvement."),
        (False, "art14.4", "Art. 14(4)", "具有卓越的经营绩效，近三年来处于本区领先地位。",
         "Excellent performance, leading in the district over the last three years."),
        (False, "art14.5", "Art. 14(5)", "积极实施首席质量官制度，严格落实质量主体责任。",
         "Runs a chief quality officer system and fulfils its responsibility for quality."),
        (False, "art14.exclusion.3", "Art. 14 para 2(3)",
         "无其他严重违反法律法规、规章和其它规定的行为。",
         "No other serious breach of laws, regulations, rules or other provisions."),
        (True, "art15.2", "Art. 15(2)", "为提高质量做出了突出贡献。",
         "Has made an outstanding contribution to quality."),
        (True, "art15.3", "Art. 15(3)", "恪守职业道德和社会公德，未发生严重违反法律法规的行为。",
         "Keeps professional and social ethics; no serious breach of law."),
    ],
)  # fmt: skip
def test_met_sentences(person: bool, key: str, clause: str, zh: str, en: str) -> None:
    c = cond_of(good_person() if person else good_org(), key)
    assert (c.key, c.status) == (key, MET)
    assert texts(c) == [(clause, zh, en)]


# --- Art. 14 para 2 and 15(4): 近三年 look-backs -------------------------------------------


@pytest.mark.parametrize(
    ("field", "key"),
    [
        ("serious_penalties", "art14.exclusion.1"),
        ("failed_rectifications", "art14.exclusion.1"),
        ("major_incidents", "art14.exclusion.2"),
        ("major_complaints", "art14.exclusion.2"),
    ],
)
@pytest.mark.parametrize(
    ("event", "applied_on", "expected"),
    [
        # look-back of 3 years from 2025-05-10 reaches 2022-05-10 inclusive (R7)
        (D(2022, 5, 10), D(2025, 5, 10), FAILED),
        (D(2022, 5, 9), D(2025, 5, 10), MET),
        (D(2025, 5, 10), D(2025, 5, 10), FAILED),  # on the application day itself
        (D(2025, 5, 11), D(2025, 5, 10), REFUSED),  # after the application: an error
        # from a Feb 29 into a year without one, the look-back starts on Mar 1
        (D(2021, 3, 1), D(2024, 2, 29), FAILED),
        (D(2021, 2, 28), D(2024, 2, 29), MET),
    ],
)
def test_art14_exclusions_look_back(
    field: str, key: str, event: dt.date, applied_on: dt.date, expected: ConditionStatus | str
) -> None:
    if expected == REFUSED:
        with pytest.raises(InvalidInputError) as caught:
            check_eligibility(good_org(**{field: (event,)}), applied_on=applied_on)
        assert caught.value.field == f"applicant.{field}[0]"
        return
    v = check_eligibility(good_org(**{field: (event,)}), applied_on=applied_on)
    assert status(v, key) is expected


def test_art14_exclusion_met_from_is_the_day_the_event_leaves_the_look_back() -> None:
    v = check_eligibility(
        good_org(major_incidents=(D(2022, 5, 10), D(2023, 1, 3))), applied_on=APPLIED
    )
    cond = v.condition("art14.exclusion.2")
    assert cond.status is FAILED
    assert cond.met_from == D(2026, 1, 4)  # 2023-01-03 + 3 years, the day after
    assert v.bars_lift_on == D(2026, 1, 4)
    assert (
        status(
            check_eligibility(good_org(major_incidents=(D(2023, 1, 3),)), applied_on=D(2026, 1, 4)),
            "art14.exclusion.2",
        )
        is MET
    )


def test_art14_exclusion_3_other_serious_violations_has_no_look_back() -> None:
    v = check_eligibility(good_org(other_serious_violations=True), applied_on=APPLIED)
    assert status(v, "art14.exclusion.3") is FAILED
    assert v.bars_lift_on is None
    v = check_eligibility(good_org(other_serious_violations=None), applied_on=APPLIED)
    assert v.missing == ("other_serious_violations",)


def test_art14_exclusion_unknown_and_failed_lists_failure() -> None:
    v = check_eligibility(
        good_org(major_incidents=(D(2024, 1, 1),), major_complaints=None), applied_on=APPLIED
    )
    assert status(v, "art14.exclusion.2") is FAILED  # failure is certain


@pytest.mark.parametrize(("event", "expected"), [(D(2022, 5, 10), FAILED), (D(2022, 5, 9), MET)])
def test_art15_4_organisation_incidents_look_back(
    event: dt.date, expected: ConditionStatus
) -> None:
    v = check_eligibility(good_person(organisation_major_incidents=(event,)), applied_on=APPLIED)
    assert status(v, "art15.4") is expected


EVENTS = [
    (
        "serious_penalties",
        "art14.exclusion.1",
        "Art. 14 para 2(1)",
        "因违反环境保护、质量技术等法律、法规受到的严重行政处罚",
        "serious administrative penalty for breaching environmental, quality-technical or "
        "similar law",
    ),
    (
        "failed_rectifications",
        "art14.exclusion.1",
        "Art. 14 para 2(1)",
        "被责令整改后拒不整改或整改不达标",
        "refusal or failure to rectify after an order",
    ),
    (
        # 近三年有重大社会影响的质量安全、生产安全、环境污染、公共卫生等事故（按行业规定）:
        # 有 is the sentence's verb ("内有…"), so the fact's wording starts after it.
        "major_incidents",
        "art14.exclusion.2",
        "Art. 14 para 2(2)",
        "重大社会影响的质量安全、生产安全、环境污染、公共卫生等事故（按行业规定）",
        "major incident of social impact (quality safety, production safety, pollution, "
        "public health or similar, as the sector's rules define it)",
    ),
    (
        "major_complaints",
        "art14.exclusion.2",
        "Art. 14 para 2(2)",
        "因组织责任导致的重大用户（顾客）投诉",
        "major customer complaint caused by the organisation",
    ),
]


def test_art14_exclusion_golden_sentence() -> None:
    # Events given out of order, one before the look-back: the two inside are listed in
    # date order; the latest (2024-02-01) leaves 近三年 on 2027-02-02.  (One after the
    # application day, 2025-06-01, is refused: test_art14_exclusion_reasons.)
    events = (D(2024, 2, 1), D(2019, 1, 1), D(2023, 1, 3))
    c = cond_of(good_org(serious_penalties=events), "art14.exclusion.1")
    assert texts(c) == [
        (
            "Art. 14 para 2(1)",
            f"近 3 年（{SPAN}）内有因违反环境保护、质量技术等法律、法规受到的严重行政处罚："
            "2023-01-03、2024-02-01；2027-02-02 起移出该期间。",
            "serious administrative penalty for breaching environmental, quality-technical or "
            f"similar law within the last 3 years ({SPAN}): 2023-01-03, 2024-02-01; "
            "out of that span from 2027-02-02.",
        )
    ]


@pytest.mark.parametrize(("field", "key", "clause", "zh", "en"), EVENTS)
def test_art14_exclusion_reasons(field: str, key: str, clause: str, zh: str, en: str) -> None:
    events = (D(2024, 2, 1), D(2019, 1, 1), D(2023, 1, 3))
    c = cond_of(good_org(**{field: events}), key)
    assert (c.status, c.citation, c.met_from) == (FAILED, measures(clause), D(2027, 2, 2))
    (reason,) = c.reasons
    says(reason, clause, SPAN, "2023-01-03", "2024-02-01", "2027-02-02")
    assert "2019-01-01" not in reason.en  # before 近三年
    with pytest.raises(InvalidInputError) as caught:  # after the application day: refused
        cond_of(good_org(**{field: (*events, D(2025, 6, 1))}), key)
    assert (caught.value.field, caught.value.citation) == (
        f"applicant.{field}[3]",
        measures(clause),
    )
    assert f"内有{zh}：" in reason.zh and reason.en.startswith(f"{en} within the last 3 years")
    c = cond_of(good_org(**{field: None}), key)
    assert (c.status, c.missing) == (UNKNOWN, (field,))
    assert (clause, f"未提供事实：{zh}（{field}）。", f"Fact not given: {en} ({field}).") in texts(
        c
    )


def test_art14_exclusion_an_unknown_kind_does_not_hide_a_known_event() -> None:
    # The first kind unknown, the second known with an event in 近三年: failure is certain.
    c = cond_of(
        good_org(serious_penalties=None, failed_rectifications=(D(2024, 1, 1),)),
        "art14.exclusion.1",
    )
    assert (c.status, c.met_from) == (FAILED, D(2027, 1, 2))


@pytest.mark.parametrize("key", ["art14.exclusion.1", "art14.exclusion.2"])
def test_art14_exclusion_met_lists_both_kinds(key: str) -> None:
    rows = [row for row in EVENTS if row[1] == key]
    c = cond_of(good_org(), key)
    assert c.status is MET
    assert texts(c) == [
        (clause, f"近 3 年（{SPAN}）内无{zh}。", f"No {en} within the last 3 years ({SPAN}).")
        for _, _, clause, zh, en in rows
    ]


def test_art14_exclusion_calendar_years_span() -> None:
    # R7 alternative: 近三年 from 2025-05-10 covers the calendar years 2022..2025, so an
    # event on 2022-01-01 is inside and leaves it when 2025 ends.
    policy = EligibilityPolicy(periods=CAL)
    c = cond_of(good_org(major_incidents=(D(2022, 1, 1),)), "art14.exclusion.2", policy=policy)
    assert (c.status, c.met_from) == (FAILED, D(2026, 1, 1))
    says(c.reasons[0], "Art. 14 para 2(2)", "2022-01-01..2025-05-10", "2026-01-01")
    assert cond_of(good_org(major_incidents=(D(2022, 1, 1),)), "art14.exclusion.2").status is MET


def test_art15_4_reasons() -> None:
    zh = "个人所属组织的重大社会影响的质量安全、安全生产、环境污染、公共卫生等事故"
    en = "major incident of social impact in the person's organisation"
    c = cond_of(good_person(), "art15.4")
    assert (c.status, c.citation) == (MET, measures("Art. 15(4)"))
    assert texts(c) == [
        ("Art. 15(4)", f"近 3 年（{SPAN}）内无{zh}。", f"No {en} within the last 3 years ({SPAN}).")
    ]
    c = cond_of(good_person(organisation_major_incidents=(D(2023, 7, 1),)), "art15.4")
    assert (c.status, c.met_from) == (FAILED, D(2026, 7, 2))
    assert texts(c) == [
        (
            "Art. 15(4)",
            f"近 3 年（{SPAN}）内有{zh}：2023-07-01；2026-07-02 起移出该期间。",
            f"{en} within the last 3 years ({SPAN}): 2023-07-01; out of that span from 2026-07-02.",
        )
    ]
    c = cond_of(good_person(organisation_major_incidents=None), "art15.4")
    assert c.missing == ("organisation_major_incidents",)
    assert texts(c) == [
        (
            "Art. 15(4)",
            f"未提供事实：{zh}（organisation_major_incidents）。",
            f"Fact not given: {en} (organisation_major_incidents).",
        )
    ]


# --- Art. 16 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("applied_on", "applying_for", "reading", "expected", "met_from"),
    [
        # 获奖后3年内不得申报同一类奖项: award 2023-12-15, bar to 2026-12-15 inclusive
        (D(2026, 12, 15), GOLD, SameKindReading.SAME_CLASS, FAILED, D(2026, 12, 16)),
        (D(2026, 12, 16), GOLD, SameKindReading.SAME_CLASS, MET, None),
        (D(2023, 12, 15), GOLD, SameKindReading.SAME_CLASS, FAILED, D(2026, 12, 16)),
        # R8 default: another class is not the same kind
        (D(2026, 12, 15), MAYOR, SameKindReading.SAME_CLASS, MET, None),
        # R8 alternative: any class
        (D(2026, 12, 15), MAYOR, SameKindReading.ANY_CLASS, FAILED, D(2026, 12, 16)),
        (D(2026, 12, 15), None, SameKindReading.ANY_CLASS, FAILED, D(2026, 12, 16)),
        (D(2026, 12, 16), MAYOR, SameKindReading.ANY_CLASS, MET, None),
        # an award after the application day is not yet won: an error in the facts
        (D(2023, 12, 14), GOLD, SameKindReading.SAME_CLASS, REFUSED, None),
    ],
)
def test_art16_para1_reapplication_bar(
    applied_on: dt.date,
    applying_for: AwardClass | None,
    reading: SameKindReading,
    expected: ConditionStatus | str,
    met_from: dt.date | None,
) -> None:
    def check() -> EligibilityVerdict:
        return check_eligibility(
            good_org(district_awards=(GOLD_2023,)),
            applied_on=applied_on,
            applying_for=applying_for,
            policy=EligibilityPolicy(same_kind=reading),
        )

    if expected == REFUSED:
        with pytest.raises(InvalidInputError) as caught:
            check()
        assert caught.value.field == "applicant.district_awards[0].awarded_on"
        return
    v = check()
    cond = v.condition("art16.para1")
    assert cond.status is expected
    assert cond.met_from == met_from


def test_art16_para1_feb29_award() -> None:
    award = DistrictAward(award_class=MAYOR, track=MODEL, awarded_on=D(2024, 2, 29))
    org = good_org(district_awards=(award,))
    last = check_eligibility(org, applied_on=D(2027, 2, 28), applying_for=MAYOR)
    assert status(last, "art16.para1") is FAILED
    assert last.condition("art16.para1").met_from == D(2027, 3, 1)
    nxt = check_eligibility(org, applied_on=D(2027, 3, 1), applying_for=MAYOR)
    assert status(nxt, "art16.para1") is MET


def test_art16_para1_class_not_named_is_unknown_under_same_class() -> None:
    v = check_eligibility(good_org(district_awards=(GOLD_2023,)), applied_on=D(2025, 1, 1))
    assert v.verdict is Verdict.UNDETERMINED
    assert v.missing == ("applying_for",)


def test_art16_para1_both_classes_barred_fails_without_a_class() -> None:
    mayor = DistrictAward(award_class=MAYOR, track=MODEL, awarded_on=D(2024, 1, 5))
    v = check_eligibility(good_org(district_awards=(GOLD_2023, mayor)), applied_on=D(2025, 1, 1))
    assert status(v, "art16.para1") is FAILED
    assert v.condition("art16.para1").met_from == D(2027, 1, 6)


def test_art16_para1_no_recent_award_is_met_without_a_class() -> None:
    old = attrs.evolve(GOLD_2023, awarded_on=D(2019, 12, 15))
    v = check_eligibility(good_org(district_awards=(old,)), applied_on=APPLIED)
    assert status(v, "art16.para1") is MET


@pytest.mark.parametrize(
    ("level", "awarded_on", "expected"),
    [
        (GovernmentAwardLevel.MUNICIPAL, D(2020, 1, 1), FAILED),  # 上级政府质量奖: municipal
        (GovernmentAwardLevel.NATIONAL, D(2010, 1, 1), FAILED),  # never expires
        (GovernmentAwardLevel.DISTRICT, D(2020, 1, 1), MET),  # another district's award
        (GovernmentAwardLevel.MUNICIPAL, D(2025, 5, 10), FAILED),  # won on the day
        (GovernmentAwardLevel.MUNICIPAL, D(2025, 5, 11), REFUSED),  # not yet won: an error
    ],
)
def test_art16_para2_higher_level_award(
    level: GovernmentAwardLevel, awarded_on: dt.date, expected: ConditionStatus | str
) -> None:
    award = GovernmentAward(level=level, awarded_on=awarded_on, name="上海市政府质量奖")
    if expected == REFUSED:
        with pytest.raises(InvalidInputError) as caught:
            check_eligibility(good_person(government_awards=(award,)), applied_on=APPLIED)
        assert caught.value.field == "applicant.government_awards[0].awarded_on"
        return
    v = check_eligibility(good_person(government_awards=(award,)), applied_on=APPLIED)
    assert status(v, "art16.para2") is expected
    if expected is FAILED:
        assert v.bars_lift_on is None  # permanent


@pytest.mark.parametrize(
    ("years", "expected"),
    [((2025,), FAILED), ((2024,), MET), ((2026,), REFUSED), ((2024, 2025), FAILED), ((), MET)],
)
def test_art16_para3_same_calendar_year(
    years: tuple[int, ...], expected: ConditionStatus | str
) -> None:
    if expected == REFUSED:  # an application in a year after the day asked about
        with pytest.raises(InvalidInputError) as caught:
            check_eligibility(good_org(municipal_application_years=years), applied_on=APPLIED)
        assert caught.value.field == "applicant.municipal_application_years[0]"
        return
    v = check_eligibility(good_org(municipal_application_years=years), applied_on=APPLIED)
    assert status(v, "art16.para3") is expected


def test_art16_para1_unknown_awards() -> None:
    c = cond_of(good_org(district_awards=None), "art16.para1")
    assert (c.citation, c.missing) == (ART_16_1, ("district_awards",))
    assert texts(c) == [
        (
            "Art. 16 para 1",
            "未提供曾获区政府质量奖的情况（district_awards）。",
            "The district awards won before are not given (district_awards).",
        )
    ]


def test_art16_para1_class_not_given_reason() -> None:
    c = cond_of(good_org(district_awards=(GOLD_2023,)), "art16.para1", applied_on=D(2025, 1, 1))
    assert (c.status, c.missing) == (UNKNOWN, ("applying_for",))
    assert texts(c) == [
        (
            "Art. 16 para 1",
            "3 年内曾获质量金奖；未说明申报类别（applying_for），按同一类别的理解（R8）无法判断。",
            "Won Quality Gold Award within 3 years; the class applied for (applying_for) is not "
            "given, so under the same-class reading (R8) this cannot be decided.",
        )
    ]


def test_art16_para1_class_not_given_on_a_one_class_edition_fails() -> None:
    # With the gold class only, a gold award within 3 years bars every class of the edition.
    c = cond_of(
        good_org(district_awards=(GOLD_2023,)),
        "art16.para1",
        applied_on=D(2025, 1, 1),
        scheme=GOLD_ONLY,
    )
    assert (c.status, c.met_from) == (FAILED, D(2026, 12, 16))


@pytest.mark.parametrize(
    ("reading", "zh"),
    [(SameKindReading.SAME_CLASS, "同一类别"), (SameKindReading.ANY_CLASS, "任一类别")],
)
def test_art16_para1_met_reason_names_the_reading(reading: SameKindReading, zh: str) -> None:
    """The Chinese sentence names the reading in Chinese, never by its English value."""
    assert reading.zh == zh
    c = cond_of(good_org(), "art16.para1", policy=EligibilityPolicy(same_kind=reading))
    assert (c.status, c.citation) == (MET, ART_16_1)
    assert texts(c) == [
        (
            "Art. 16 para 1",
            f"申报日前 3 年内未获同一类奖项（R8：{zh}）。",
            f"No award of the same kind within 3 years before the application "
            f"(R8: {reading.value}).",
        )
    ]


def test_art16_para1_failed_reason_lists_the_barring_award() -> None:
    # Same class: applying for gold, only the gold award bars (the mayor's award does not).
    c = cond_of(
        good_org(district_awards=(MAYOR_2024, GOLD_2023)),
        "art16.para1",
        applied_on=D(2025, 1, 1),
        applying_for=GOLD,
    )
    assert (c.status, c.met_from) == (FAILED, D(2026, 12, 16))
    assert texts(c) == [
        (
            "Art. 16 para 1",
            "获奖后 3 年内不得申报同一类奖项（质量金奖 2023-12-15）；2026-12-16 起可再申报。",
            "No application for the same kind of award within 3 years of winning "
            "(Quality Gold Award 2023-12-15); accepted again from 2026-12-16.",
        )
    ]


def test_art16_para1_any_class_lists_every_award_and_lifts_last() -> None:
    # R8 alternative: both awards bar; 2024-01-05 + 3 years ends 2027-01-05.
    c = cond_of(
        good_org(district_awards=(MAYOR_2024, GOLD_2023)),
        "art16.para1",
        applied_on=D(2025, 1, 1),
        applying_for=GOLD,
        policy=EligibilityPolicy(same_kind=SameKindReading.ANY_CLASS),
    )
    assert (c.status, c.met_from) == (FAILED, D(2027, 1, 6))
    assert "（区长质量奖 2024-01-05、质量金奖 2023-12-15）；2027-01-06 起可再申报。" in (
        c.reasons[0].zh
    )
    assert (
        "(District Mayor's Quality Award 2024-01-05, Quality Gold Award 2023-12-15); accepted again from 2027-01-06."
        in (c.reasons[0].en)
    )


def test_art16_para1_calendar_years() -> None:
    # Award 2022-06-01: by the Civil Code the bar ends 2025-06-01; in calendar years 2025-12-31.
    award = DistrictAward(award_class=GOLD, track=MODEL, awarded_on=D(2022, 6, 1))
    org = good_org(district_awards=(award,))
    kw: dict[str, Any] = {"applied_on": D(2025, 6, 2), "applying_for": GOLD}
    assert cond_of(org, "art16.para1", **kw).status is MET
    c = cond_of(org, "art16.para1", policy=EligibilityPolicy(periods=CAL), **kw)
    assert (c.status, c.met_from) == (FAILED, D(2026, 1, 1))


def test_art16_para2_reasons() -> None:
    c = cond_of(good_org(government_awards=None), "art16.para2")
    assert (c.citation, c.missing) == (measures("Art. 16 para 2"), ("government_awards",))
    assert texts(c) == [
        (
            "Art. 16 para 2",
            "未提供曾获上级政府质量奖的情况（government_awards）。",
            "Higher-level government quality awards are not given (government_awards).",
        )
    ]
    assert texts(cond_of(good_org(), "art16.para2")) == [
        (
            "Art. 16 para 2",
            "未获得上级（市级及以上）政府质量奖。",
            "Holds no higher-level (municipal or national) government quality award.",
        )
    ]
    awards = (
        GovernmentAward(
            level=GovernmentAwardLevel.MUNICIPAL, awarded_on=D(2020, 1, 1), name="上海市政府质量奖"
        ),
        GovernmentAward(level=GovernmentAwardLevel.DISTRICT, awarded_on=D(2021, 1, 1), name="某区"),
        GovernmentAward(level=GovernmentAwardLevel.NATIONAL, awarded_on=D(2010, 1, 1)),
    )
    c = cond_of(good_org(government_awards=awards), "art16.para2")
    assert (c.status, c.met_from) == (FAILED, None)
    # Chinese names the levels in Chinese (市级, 国家级); an award without a name is not "-".
    assert texts(c) == [
        (
            "Art. 16 para 2",
            "已获得上级政府质量奖（市级 上海市政府质量奖 2020-01-01、国家级 2010-01-01），"
            "不再受理申报。",
            "Already holds a higher-level government quality award (municipal 上海市政府质量奖 "
            "2020-01-01, national - 2010-01-01); applications are no longer accepted.",
        )
    ]


def test_art16_para2_higher_than_the_schemes_own_level() -> None:
    municipal = GovernmentAward(level=GovernmentAwardLevel.MUNICIPAL, awarded_on=D(2020, 1, 1))
    national = GovernmentAward(level=GovernmentAwardLevel.NATIONAL, awarded_on=D(2020, 1, 1))
    assert (
        cond_of(good_org(government_awards=(municipal,)), "art16.para2", scheme=MUNICIPAL).status
        is MET
    )
    assert (
        cond_of(good_org(government_awards=(national,)), "art16.para2", scheme=MUNICIPAL).status
        is FAILED
    )


def test_art16_para3_reasons() -> None:
    c = cond_of(good_org(municipal_application_years=None), "art16.para3")
    assert (c.citation, c.missing) == (measures("Art. 16 para 3"), ("municipal_application_years",))
    assert texts(c) == [
        (
            "Art. 16 para 3",
            "未提供申报市政府质量奖的年度（municipal_application_years）。",
            "The years of municipal award applications are not given "
            "(municipal_application_years).",
        )
    ]
    c = cond_of(good_org(municipal_application_years=(2025,)), "art16.para3")
    assert (c.status, c.met_from) == (FAILED, None)
    assert texts(c) == [
        (
            "Art. 16 para 3",
            "2025 年度已申报市政府质量奖，不能同一年度同时申报区政府质量奖"
            "（同一年度按自然年理解，R23）。",
            "Applied for the municipal award in 2025: the municipal and the district award "
            "cannot be applied for in the same year (the calendar year, R23).",
        )
    ]
    assert texts(cond_of(good_org(municipal_application_years=(2024,)), "art16.para3")) == [
        (
            "Art. 16 para 3",
            "2025 年度未申报市政府质量奖。",
            "No municipal award application in 2025.",
        )
    ]


# --- Art. 25 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("revoked_on", "applied_on", "expected"),
    [
        (D(2023, 6, 1), D(2026, 6, 1), FAILED),  # 三年内不再受理: last day of the bar
        (D(2023, 6, 1), D(2026, 6, 2), MET),
        (D(2024, 2, 29), D(2027, 2, 28), FAILED),
        (D(2024, 2, 29), D(2027, 3, 1), MET),
        (D(2025, 5, 11), D(2025, 5, 10), REFUSED),  # a revocation after the day: an error
        (D(2025, 5, 10), D(2025, 5, 10), FAILED),  # one on the day itself bars it
    ],
)
def test_art25_revocation_bar(
    revoked_on: dt.date, applied_on: dt.date, expected: ConditionStatus | str
) -> None:
    rev = Revocation(revoked_on=revoked_on, ground=RevocationGround.IMPROPER_MEANS)
    if expected == REFUSED:
        with pytest.raises(InvalidInputError) as caught:
            check_eligibility(good_person(revocations=(rev,)), applied_on=applied_on)
        assert caught.value.field == "applicant.revocations[0].revoked_on"
        return
    v = check_eligibility(good_person(revocations=(rev,)), applied_on=applied_on)
    assert status(v, "art25") is expected


def test_art25_reasons() -> None:
    c = cond_of(good_person(revocations=None), "art25")
    assert (c.citation, c.missing) == (measures("Art. 25"), ("revocations",))
    assert texts(c) == [
        (
            "Art. 25",
            "未提供被取消荣誉资格的情况（revocations）。",
            "Revocations are not given (revocations).",
        )
    ]
    assert texts(cond_of(good_person(), "art25")) == [
        (
            "Art. 25",
            "申报日前 3 年内未被取消荣誉资格。",
            "No revocation within 3 years before the application.",
        )
    ]
    # 2020-01-01 is out of its bar (ended 2023-01-01); the two others bar, the later lifts last.
    revs = tuple(Revocation(revoked_on=d) for d in (D(2024, 3, 1), D(2020, 1, 1), D(2023, 6, 1)))
    c = cond_of(good_person(revocations=revs), "art25")
    assert (c.status, c.met_from) == (FAILED, D(2027, 3, 2))
    assert texts(c) == [
        (
            "Art. 25",
            "被取消荣誉资格（2024-03-01, 2023-06-01）后 3 年内不再受理其申请；2027-03-02 起可受理。",
            "Award revoked (2024-03-01, 2023-06-01): no application accepted for 3 years; "
            "accepted again from 2027-03-02.",
        )
    ]


def test_art25_calendar_years() -> None:
    # Revoked 2022-06-01: by the Civil Code the bar ends 2025-06-01; in calendar years 2025-12-31.
    person = good_person(revocations=(Revocation(revoked_on=D(2022, 6, 1)),))
    assert cond_of(person, "art25", applied_on=D(2025, 6, 2)).status is MET
    c = cond_of(person, "art25", applied_on=D(2025, 6, 2), policy=EligibilityPolicy(periods=CAL))
    assert (c.status, c.met_from) == (FAILED, D(2026, 1, 1))


# --- the verdict: summary, failed, unknown, missing, when the bars lift -----------------


def test_verdict_chinese_terms() -> None:
    assert Verdict.ELIGIBLE.zh == "符合申报条件"
    assert Verdict.INELIGIBLE.zh == "不符合申报条件"
    assert Verdict.UNDETERMINED.zh == "待定"


def test_summary_eligible_organisation_and_individual() -> None:
    v = check_eligibility(good_org(), applied_on=APPLIED)
    assert v.reasons[0] == Reason(
        measures("Art. 14"), "全部 13 项条件均符合。", "All 13 conditions are met."
    )
    assert v.reasons[1:] == v.validity.reasons and v.validity.reasons
    assert (v.applicant, v.kind, v.track) == (
        "甲科技有限公司",
        ApplicantKind.ORGANISATION,
        MODEL,
    )
    assert (v.applied_on, v.scheme, v.applying_for) == (APPLIED, "baoshan-2023", None)
    assert v.policy == EligibilityPolicy()
    p = check_eligibility(good_person(), applied_on=APPLIED, applying_for=MAYOR)
    assert p.reasons[0] == Reason(
        measures("Art. 15"), "全部 9 项条件均符合。", "All 9 conditions are met."
    )
    assert (p.kind, p.track, p.applying_for) == (
        ApplicantKind.INDIVIDUAL,
        ACHIEVEMENT,
        MAYOR,
    )


def test_summary_ineligible_names_the_failed_conditions() -> None:
    v = check_eligibility(
        good_org(
            leading_performance=False,
            revocations=(Revocation(revoked_on=D(2024, 3, 1)),),
            government_awards=None,  # an unknown beside the failures: not named
        ),
        applied_on=APPLIED,
    )
    assert v.verdict is Verdict.INELIGIBLE
    assert v.reasons[0] == Reason(
        measures("Art. 14"),
        "2 项条件不符合：art14.4, art25。",
        "2 condition(s) failed: art14.4, art25.",
    )


def test_summary_undetermined_names_the_unknown_conditions() -> None:
    policy = EligibilityPolicy(periods=CAL, completion=CompletionReading.ON_ANNIVERSARY)
    v = check_eligibility(
        good_person(government_awards=None, revocations=None), applied_on=APPLIED, policy=policy
    )
    assert v.verdict is Verdict.UNDETERMINED
    assert v.policy is policy
    assert v.reasons[0] == Reason(
        measures("Art. 15"),
        "无不符合项，但 2 项条件缺少事实：art16.para2, art25。",
        "None failed, but 2 condition(s) lack facts: art16.para2, art25.",
    )


def test_verdict_condition_lookup_error_lists_the_keys() -> None:
    v = check_eligibility(good_person(), applied_on=APPLIED)
    err = _error(lambda: v.condition("art14.1"))
    assert err.field == "key"
    assert str(err) == (
        "key: expected one of art3, art15.1, art15.2, art15.3, art15.4, art16.para1, "
        "art16.para2, art16.para3, art25, got 'art14.1'"
    )


def test_verdict_failed_unknown_missing() -> None:
    # registered_in_baoshan unknown: both Art. 3 and Art. 14(1) lack it; leading performance
    # fails Art. 14(4); revocations unknown.
    v = check_eligibility(
        good_org(registered_in_baoshan=None, leading_performance=False, revocations=None),
        applied_on=APPLIED,
    )
    assert v.verdict is Verdict.INELIGIBLE
    assert not v.eligible
    assert [c.key for c in v.failed] == ["art14.4"]
    assert [c.key for c in v.unknown] == ["art3", "art14.1", "art25"]
    assert v.missing == ("registered_in_baoshan", "revocations")


def test_bars_lift_on_is_the_latest_lift_of_time_bound_failures() -> None:
    # Art. 14(1): registered 2022-05-10, 3 years met from 2025-05-11.
    # Art. 25: revoked 2024-03-01, bar lifts 2027-03-02.  The later day governs.
    org = good_org(
        registered_on=D(2022, 5, 10), revocations=(Revocation(revoked_on=D(2024, 3, 1)),)
    )
    v = check_eligibility(org, applied_on=APPLIED)
    assert [c.key for c in v.failed] == ["art14.1", "art25"]
    assert v.bars_lift_on == D(2027, 3, 2)
    # A failure without a lift day (Art. 14(4)) makes it None.
    v = check_eligibility(attrs.evolve(org, leading_performance=False), applied_on=APPLIED)
    assert v.bars_lift_on is None
    # Nothing failed: None (the unknown Art. 25 may still fail).
    assert check_eligibility(good_org(), applied_on=APPLIED).bars_lift_on is None
    assert check_eligibility(good_org(revocations=None), applied_on=APPLIED).bars_lift_on is None


@pytest.mark.parametrize(
    "field",
    [
        "registered_in_baoshan",
        "carries_on_activities",
        "registered_on",
        "operating_normally",
        "leading_performance",
        "serious_penalties",
        "major_complaints",
        "other_serious_violations",
        "district_awards",
        "government_awards",
        "municipal_application_years",
        "revocations",
    ],
)
def test_one_unknown_fact_makes_the_verdict_undetermined(field: str) -> None:
    v = check_eligibility(good_org(**{field: None}), applied_on=APPLIED)
    assert v.verdict is Verdict.UNDETERMINED
    assert v.missing == (field,)
    assert not v.failed


@pytest.mark.parametrize(
    "field",
    [
        "works_in_baoshan_quality",
        "quality_work_since",
        "outstanding_contribution",
        "professional_ethics",
        "organisation_major_incidents",
        "revocations",
    ],
)
def test_one_unknown_individual_fact_makes_the_verdict_undetermined(field: str) -> None:
    person = good_person(contributes_to_baoshan_quality=False, **{field: None})
    v = check_eligibility(person, applied_on=APPLIED)
    assert v.verdict is Verdict.UNDETERMINED
    assert v.missing == (field,)


def test_nothing_known_is_undetermined_not_ineligible() -> None:
    v = check_eligibility(Organisation(name="乙"), applied_on=APPLIED)
    assert v.verdict is Verdict.UNDETERMINED
    assert len(v.unknown) == len(v.conditions)


# --- Art. 28 and other editions ----------------------------------------------------------


@pytest.mark.parametrize("day", [D(2023, 4, 26), D(2028, 8, 1)])
def test_art28_dates_outside_validity_are_refused_unless_opted_in(day: dt.date) -> None:
    with pytest.raises(OutsideValidityError, match="applied_on"):
        check_eligibility(good_org(), applied_on=day)
    v = check_eligibility(good_org(), applied_on=day, allow_outside_validity=True)
    assert v.validity.applied_outside_validity
    assert any("explicit" in r.en for r in v.reasons)


@pytest.mark.parametrize("day", [D(2023, 4, 27), D(2028, 7, 31)])
def test_art28_first_and_last_days_are_accepted(day: dt.date) -> None:
    v = check_eligibility(good_org(), applied_on=day)
    assert not v.validity.applied_outside_validity


def test_art28_checked_against_the_given_edition() -> None:
    day = D(2030, 1, 2)
    with pytest.raises(OutsideValidityError):
        check_eligibility(good_org(), applied_on=day)
    v = check_eligibility(good_org(), applied_on=day, scheme=LATER)
    assert v.eligible and not v.validity.applied_outside_validity
    assert v.applied_on == day and v.scheme == "baoshan-later"


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"applicant": "甲公司", "applied_on": APPLIED}, "applicant"),
        ({"applicant": good_org(), "applied_on": "2025-05-10"}, "applied_on"),
        ({"applicant": good_org(), "applied_on": dt.datetime(2025, 5, 10)}, "applied_on"),
        (
            {"applicant": good_org(), "applied_on": APPLIED, "applying_for": "silver"},
            "applying_for",
        ),
        ({"applicant": good_org(), "applied_on": APPLIED, "applying_for": 3}, "applying_for"),
        ({"applicant": good_org(), "applied_on": APPLIED, "policy": "default"}, "policy"),
        ({"applicant": good_org(), "applied_on": APPLIED, "scheme": "baoshan-2023"}, "scheme"),
    ],
)
def test_wrong_types_raise_the_library_error(kwargs: dict[str, Any], field: str) -> None:
    kwargs = dict(kwargs)  # the parametrized dict is shared: a second run must see it whole
    applicant = kwargs.pop("applicant")
    with pytest.raises(InvalidInputError) as info:
        check_eligibility(applicant, **kwargs)
    assert info.value.field == field


@pytest.mark.parametrize(
    "changes",
    [
        {"registered_on": "2020-01-01"},
        {"major_incidents": "2020-01-01"},
        {"major_incidents": [dt.datetime(2020, 1, 1)]},
        {"municipal_application_years": [True]},
        {"municipal_application_years": ["2024"]},
        {"district_awards": [{"award_class": "gold"}]},
        {"registered_in_baoshan": 1},
        {"name": " 甲 "},
    ],
)
def test_applicant_facts_are_validated(changes: dict[str, Any]) -> None:
    with pytest.raises(InvalidInputError):
        good_org(**changes)


def test_errors_name_field_value_and_clause() -> None:
    err = _error(lambda: check_eligibility("甲公司", applied_on=APPLIED))  # type: ignore[arg-type]
    assert (err.field, err.citation) == ("applicant", measures("Art. 3"))
    assert str(err) == (
        "applicant: expected an Organisation or an Individual, got '甲公司' (Measures Art. 3)"
    )
    assert check_eligibility(good_org(), applied_on=APPLIED, scheme=None) == check_eligibility(
        good_org(), applied_on=APPLIED, scheme=BAOSHAN_2023
    )  # None means the Baoshan 2023 scheme
    err = _error(
        lambda: check_eligibility(good_org(), applied_on=APPLIED, scheme="baoshan-2023")  # type: ignore[arg-type]
    )
    assert (err.field, err.value) == ("scheme", "baoshan-2023")
    assert str(err) == "scheme: expected an AwardScheme, got 'baoshan-2023'"
    err = _error(lambda: check_eligibility(good_org(), applied_on=APPLIED, policy="x"))  # type: ignore[arg-type]
    assert str(err) == "policy: expected an EligibilityPolicy, got 'x'"
    err = _error(lambda: check_eligibility(good_org(), applied_on=APPLIED, applying_for="silver"))
    assert (err.field, err.citation) == ("applying_for", measures("Art. 2"))
    assert str(err) == (
        "applying_for: expected a class of the scheme baoshan-2023 (mayor, gold), got 'silver' "
        "(Measures Art. 2)"
    )
    err = _error(lambda: check_eligibility(good_org(), applied_on="2025-05-10"))  # type: ignore[arg-type]
    assert str(err) == "applied_on: expected a datetime.date, got '2025-05-10' (Measures Art. 28)"


def test_applying_for_a_class_the_scheme_lacks_is_refused() -> None:
    # Art. 2: the class applied for must be one of the edition's classes.
    err = _error(
        lambda: check_eligibility(
            good_org(), applied_on=APPLIED, applying_for=MAYOR, scheme=GOLD_ONLY
        )
    )
    assert str(err) == (
        "applying_for: expected a class of the scheme gold-only (gold), got 'mayor' "
        "(Measures Art. 2)"
    )
    v = check_eligibility(good_org(), applied_on=APPLIED, applying_for=GOLD, scheme=GOLD_ONLY)
    assert v.eligible and v.scheme == "gold-only"
    assert (
        check_eligibility(good_org(), applied_on=APPLIED, applying_for="gold").applying_for is GOLD
    )


# --- display and JSON --------------------------------------------------------------------


def test_verdict_caption_records_and_notes() -> None:
    v = check_eligibility(good_org(leading_performance=False), applied_on=APPLIED)
    assert str(v).splitlines()[0] == "甲科技有限公司 — 不符合申报条件（申报日 2025-05-10）"
    caption = "甲科技有限公司 — ineligible (applied on 2025-05-10)"
    assert v.to_text("en").splitlines()[0] == caption
    assert caption in v.to_html("en")
    assert "<table>" in v._repr_html_()
    # every reason of the verdict is a note; every condition a row
    assert v.to_text("en").splitlines()[-2:] == [f"[{r.citation}] {r.en}" for r in v.reasons]
    records = v.to_records(lang="en")
    assert len(records) == 13
    assert records[4] == {
        "condition": "art14.4",
        "clause": "Measures Art. 14(4)",
        "status": "failed",
        "reason": "Not met: over the last three years, leading economic, social and quality "
        "results in the district and a front-rank contribution to transformation and "
        "innovation.",
        "met_from": None,
        "missing": None,
    }
    assert str(v).splitlines()[1].split() == ["条件", "条款", "结果", "理由"]
    assert v.to_text("en").splitlines()[1].split() == ["condition", "clause", "status", "reason"]
    zh = v.to_records(lang="zh")[4]
    assert zh["status"] == "不符合"
    assert zh["reason"] == (
        "不满足：近三年来主要经济、社会效益指标和质量水平处于本区领先地位，"
        "对地区转型发展和创新驱动贡献率处于前列。"
    )


def test_records_hold_plain_values_and_the_facts_missing() -> None:
    """Records are plain data (for pandas): the clause a string, met_from a date."""
    v = check_eligibility(
        good_org(registered_on=D(2022, 5, 10), chief_quality_officer_system=None),
        applied_on=APPLIED,
    )
    records = v.to_records()
    for record in records:
        assert isinstance(record["clause"], str)
        assert record["clause"].startswith("Measures Art.")
    assert records[1]["met_from"] == D(2025, 5, 11)  # art14.1: 3 years reached the day after
    assert records[5]["missing"] == "chief_quality_officer_system"  # art14.5


def test_verdict_faces_and_lookup() -> None:
    v = check_eligibility(good_org(leading_performance=False), applied_on=APPLIED)
    text = v.to_text("en")
    assert "ineligible" in text and "art14.4" in text
    assert "不符合申报条件" in str(v)
    records = v.to_records(lang="en")
    assert records[4]["condition"] == "art14.4" and records[4]["status"] == "failed"
    with pytest.raises(InvalidInputError):
        v.condition("art99")


def test_json_round_trip_of_inputs_and_verdicts() -> None:
    org = good_org(
        district_awards=(GOLD_2023,),
        government_awards=(
            GovernmentAward(level=GovernmentAwardLevel.DISTRICT, awarded_on=D(2020, 1, 1)),
        ),
        revocations=(
            Revocation(revoked_on=D(2020, 1, 1), ground=RevocationGround.OTHER_MAJOR_BREACH),
        ),
        major_incidents=(D(2024, 1, 1),),
        municipal_application_years=(2019,),
    )
    person = good_person(quality_work_since=None)
    for value, kind in [
        (org, Organisation),
        (person, Individual),
        (Organisation(name="乙"), Organisation),
    ]:
        assert from_json(to_json(value), kind) == value
    for applicant in (org, person, Organisation(name="乙")):
        v = check_eligibility(applicant, applied_on=APPLIED, applying_for=GOLD)
        assert from_json(to_json(v), EligibilityVerdict) == v
    policy = EligibilityPolicy(
        periods=PeriodReading.CALENDAR_YEARS,
        same_kind=SameKindReading.ANY_CLASS,
        completion=CompletionReading.ON_ANNIVERSARY,
    )
    assert from_json(to_json(policy), EligibilityPolicy) == policy


def test_inputs_are_not_mutated() -> None:
    org = good_org(major_incidents=(D(2024, 1, 1),))
    before = to_json(org)
    check_eligibility(org, applied_on=APPLIED)
    assert to_json(org) == before


# --- properties ---------------------------------------------------------------------------

VALID_DAYS = st.dates(min_value=D(2023, 4, 27), max_value=D(2028, 7, 31))
ANY_DAYS = st.dates(min_value=D(2015, 1, 1), max_value=D(2028, 12, 31))
READINGS = st.sampled_from(list(PeriodReading))


@given(event=ANY_DAYS, applied_on=VALID_DAYS, reading=READINGS)
def test_a_look_back_and_its_bar_agree(
    event: dt.date, applied_on: dt.date, reading: PeriodReading
) -> None:
    """An incident in 近三年 (Art. 14) ⇔ an award on that day still bars (Art. 16) ⇔ a
    revocation on that day still bars (Art. 25); and each lifts on the same day."""
    policy = EligibilityPolicy(periods=reading)
    award = DistrictAward(award_class=GOLD, track=MODEL, awarded_on=event)
    org = good_org(
        major_incidents=(event,),
        district_awards=(award,),
        revocations=(Revocation(revoked_on=event),),
    )
    if event > applied_on:  # after the day asked about: each of the three is refused
        for changes in (
            {"district_awards": (), "revocations": ()},
            {"major_incidents": (), "revocations": ()},
            {"major_incidents": (), "district_awards": ()},
        ):
            with pytest.raises(InvalidInputError, match="dated after the day asked about"):
                check_eligibility(
                    attrs.evolve(org, **changes), applied_on=applied_on, policy=policy
                )
        return
    v = check_eligibility(org, applied_on=applied_on, applying_for=GOLD, policy=policy)
    keys = ("art14.exclusion.2", "art16.para1", "art25")
    statuses = {v.condition(k).status for k in keys}
    assert len(statuses) == 1
    if statuses == {FAILED}:
        lifts = {v.condition(k).met_from for k in keys}
        assert len(lifts) == 1
        (lift,) = lifts
        assert lift is not None and lift > applied_on
        if lift <= D(2028, 7, 31):
            later = check_eligibility(org, applied_on=lift, applying_for=GOLD, policy=policy)
            assert {later.condition(k).status for k in keys} == {MET}


def _fill(draw: st.DrawFn, value: Any, field: str, until: dt.date) -> Any:
    """A fact for ``field``; its events on or before ``until``, the day asked about (an
    event after it is an error, not a fact: tests/award/test_future_events.py)."""
    events = st.dates(min_value=D(2015, 1, 1), max_value=until)
    if value is not None:
        return value
    if field == "name":
        return value
    if field in ("registered_on", "quality_work_since"):
        return draw(ANY_DAYS)  # a start date may lie after the day: its years fail
    if field in (
        "serious_penalties",
        "failed_rectifications",
        "major_incidents",
        "major_complaints",
        "organisation_major_incidents",
    ):
        return tuple(draw(st.lists(events, max_size=2)))
    if field == "municipal_application_years":
        return tuple(draw(st.lists(st.integers(2020, until.year), max_size=2)))
    if field == "district_awards":
        return tuple(draw(st.lists(awards(events), max_size=2)))
    if field == "government_awards":
        return tuple(draw(st.lists(government_awards(events), max_size=1)))
    if field == "revocations":
        return tuple(draw(st.lists(events.map(lambda d: Revocation(revoked_on=d)), max_size=1)))
    return draw(st.booleans())


def awards(days: st.SearchStrategy[dt.date]) -> st.SearchStrategy[DistrictAward]:
    return st.builds(
        lambda c, d: DistrictAward(award_class=c, track=MODEL, awarded_on=d),
        st.sampled_from(list(BAOSHAN_2023.classes)),
        days,
    )


def government_awards(days: st.SearchStrategy[dt.date]) -> st.SearchStrategy[GovernmentAward]:
    return st.builds(
        lambda lv, d: GovernmentAward(level=lv, awarded_on=d),
        st.sampled_from(list(GovernmentAwardLevel)),
        days,
    )


@st.composite
def partial_and_completed(
    draw: st.DrawFn,
) -> tuple[Organisation | Individual, Organisation | Individual, dt.date]:
    """An applicant with some facts hidden, the same with all of them, and the day asked about."""
    applied_on = draw(VALID_DAYS)
    kind = draw(st.sampled_from([Organisation, Individual]))
    full = {
        f.name: _fill(draw, None, f.name, applied_on)
        for f in attrs.fields(kind)
        if f.name != "name"
    }
    hidden = draw(st.sets(st.sampled_from(sorted(full))))
    partial = kind(name="甲", **{k: (None if k in hidden else v) for k, v in full.items()})
    completed = kind(name="甲", **full)
    return partial, completed, applied_on


@settings(max_examples=150)
@given(
    case=partial_and_completed(),
    applying_for=st.none() | st.sampled_from(list(BAOSHAN_2023.classes)),
    reading=st.sampled_from(list(SameKindReading)),
)
def test_adding_facts_never_turns_ineligible_into_eligible(
    case: tuple[Organisation | Individual, Organisation | Individual, dt.date],
    applying_for: AwardClass | None,
    reading: SameKindReading,
) -> None:
    partial, completed, applied_on = case
    policy = EligibilityPolicy(same_kind=reading)
    before = check_eligibility(
        partial, applied_on=applied_on, applying_for=applying_for, policy=policy
    )
    after = check_eligibility(
        completed, applied_on=applied_on, applying_for=applying_for, policy=policy
    )
    if before.verdict is Verdict.INELIGIBLE:
        assert after.verdict is Verdict.INELIGIBLE
        # every condition that failed still fails
        assert {c.key for c in before.failed} <= {c.key for c in after.failed}
    if before.verdict is Verdict.ELIGIBLE:
        assert after.verdict is Verdict.ELIGIBLE
    # a met condition stays met, a failed one stays failed
    for b, a in zip(before.conditions, after.conditions, strict=True):
        if b.status is not UNKNOWN:
            assert a.status is b.status


# --- the audit's text findings, and the table that reads like the articles -------------------


def test_art14_para2_2_reads_as_the_article() -> None:
    """近三年有重大社会影响的质量安全、生产安全、环境污染、公共卫生等事故（按行业规定）: one 有
    (the sentence's verb), and the article's own "（按行业规定）"."""
    c = cond_of(good_org(major_incidents=(D(2024, 2, 1),)), "art14.exclusion.2")
    (reason,) = c.reasons
    assert reason.zh == (
        f"近 3 年（{SPAN}）内有重大社会影响的质量安全、生产安全、环境污染、公共卫生等事故"
        "（按行业规定）：2024-02-01；2027-02-02 起移出该期间。"
    )
    assert "有有" not in reason.zh
    assert "as the sector's rules define it" in reason.en
    met_reasons = cond_of(good_org(), "art14.exclusion.2").reasons
    assert met_reasons[0].zh == (
        f"近 3 年（{SPAN}）内无重大社会影响的质量安全、生产安全、环境污染、公共卫生等事故（按行业规定）。"
    )


def test_no_doubled_you_in_any_reason() -> None:
    events = (D(2024, 2, 1),)
    org = good_org(
        serious_penalties=events, failed_rectifications=events, major_incidents=events,
        major_complaints=events,
    )  # fmt: skip
    person = good_person(organisation_major_incidents=events)
    for v in (
        check_eligibility(org, applied_on=APPLIED),
        check_eligibility(person, applied_on=APPLIED),
    ):
        for c in v.conditions:
            for r in c.reasons:
                assert "有有" not in r.zh and "无有" not in r.zh, r.zh


def test_art16_chinese_reason_names_the_class_in_chinese() -> None:
    c = cond_of(
        good_org(district_awards=(GOLD_2023,)), "art16.para1", applied_on=D(2025, 1, 1),
        applying_for="gold",
    )  # fmt: skip
    assert "（质量金奖 2023-12-15）" in c.reasons[0].zh
    assert "gold" not in c.reasons[0].zh


def test_the_table_reads_like_the_articles_row_for_row() -> None:
    """Art. 3 and 14 (organisations), Art. 3 and 15 (individuals), in the articles' order;
    Art. 14(1) is two rows of one condition; each row names its facts and judgement."""
    org = BAOSHAN_2023.conditions_for(ApplicantKind.ORGANISATION)
    assert [(r.key, r.clause, r.judged.value, r.term) for r in org] == [
        ("art3", "Art. 3", "all-hold", None),
        ("art14.1", "Art. 14(1)", "all-hold", None),
        ("art14.1", "Art. 14(1)", "at-least-years", "operating"),
        ("art14.2", "Art. 14(2)", "all-hold", None),
        ("art14.3", "Art. 14(3)", "all-hold", None),
        ("art14.4", "Art. 14(4)", "all-hold", None),
        ("art14.5", "Art. 14(5)", "all-hold", None),
        ("art14.exclusion.1", "Art. 14 para 2(1)", "none-within-lookback", "organisation_lookback"),
        ("art14.exclusion.2", "Art. 14 para 2(2)", "none-within-lookback", "organisation_lookback"),
        ("art14.exclusion.3", "Art. 14 para 2(3)", "all-hold", None),
    ]
    person = BAOSHAN_2023.conditions_for(ApplicantKind.INDIVIDUAL)
    assert [(r.key, r.judged.value, [f.name for f in r.facts]) for r in person] == [
        ("art3", "any-holds", ["works_in_baoshan_quality", "contributes_to_baoshan_quality"]),
        ("art15.1", "at-least-years", ["quality_work_since"]),
        ("art15.2", "all-hold", ["outstanding_contribution"]),
        ("art15.3", "all-hold", ["professional_ethics", "serious_violations"]),
        ("art15.4", "none-within-lookback", ["organisation_major_incidents"]),
    ]
    # 未发生严重违反法律法规的行为: the field records the opposite, so it holds when False
    (ethics, violations) = person[3].facts
    assert (ethics.holds_if, violations.holds_if) == (True, False)


def test_a_scheme_with_another_row_needs_no_code() -> None:
    """A district that also asks, for organisations, 具备相关资质或证照 as a row of its own
    (a part of Art. 14(2) here) is a new row of data: check_eligibility walks it."""
    rows = list(BAOSHAN_2023.conditions)
    index = next(i for i, r in enumerate(rows) if r.key == "art14.2")
    licences = attrs.evolve(rows[index], key="art14.2b", facts=rows[index].facts[1:])
    scheme = attrs.evolve(
        BAOSHAN_2023, key="with-row", conditions=(*rows[: index + 1], licences, *rows[index + 1 :])
    )
    v = check_eligibility(
        good_org(holds_required_licences=False), applied_on=APPLIED, scheme=scheme
    )
    assert [c.key for c in v.failed] == ["art14.2", "art14.2b"]
    assert len(v.conditions) == 14
