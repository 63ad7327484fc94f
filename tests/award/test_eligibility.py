"""Measures Art. 3, 14, 15, 16 and 25: check_eligibility, clause by clause, with the day edges."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.conditions import ConditionStatus
from baoshan_quality.award.eligibility import (
    CompletionReading,
    EligibilityPolicy,
    EligibilityVerdict,
    SameKindReading,
    Verdict,
    check_eligibility,
)
from baoshan_quality.award.records import (
    DistrictAward,
    GovernmentAward,
    Revocation,
    RevocationGround,
)
from baoshan_quality.award.scheme import (
    ApplicantKind,
    AwardClass,
    GovernmentAwardLevel,
    Track,
)
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.periods import PeriodReading
from baoshan_quality.serialization import from_json, to_json

D = dt.date
MET, FAILED, UNKNOWN = ConditionStatus.MET, ConditionStatus.FAILED, ConditionStatus.UNKNOWN


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


APPLIED = D(2025, 5, 10)


def status(verdict: EligibilityVerdict, key: str) -> ConditionStatus:
    return verdict.condition(key).status


# --- the baseline ---------------------------------------------------------------------


def test_fully_known_organisation_is_eligible_with_every_condition_listed() -> None:
    v = check_eligibility(good_org(), applied_on=APPLIED)
    assert v.verdict is Verdict.ELIGIBLE
    assert v.eligible
    assert v.kind is ApplicantKind.ORGANISATION
    assert v.track is Track.MODEL
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
    assert v.track is Track.ACHIEVEMENT
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


# --- Art. 14(1) and 15(1): 三年以上 / 五年以上 (reading I5.1 with R7) --------------------


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
        (D(2025, 5, 11), D(2025, 5, 10), MET),  # after the application: not in 近三年
        # from a Feb 29 into a year without one, the look-back starts on Mar 1
        (D(2021, 3, 1), D(2024, 2, 29), FAILED),
        (D(2021, 2, 28), D(2024, 2, 29), MET),
    ],
)
def test_art14_exclusions_look_back(
    field: str, key: str, event: dt.date, applied_on: dt.date, expected: ConditionStatus
) -> None:
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


# --- Art. 16 ---------------------------------------------------------------------------


GOLD_2023 = DistrictAward(
    award_class=AwardClass.GOLD, track=Track.MODEL, awarded_on=D(2023, 12, 15)
)


@pytest.mark.parametrize(
    ("applied_on", "applying_for", "reading", "expected", "met_from"),
    [
        # 获奖后3年内不得申报同一类奖项: award 2023-12-15, bar to 2026-12-15 inclusive
        (D(2026, 12, 15), AwardClass.GOLD, SameKindReading.SAME_CLASS, FAILED, D(2026, 12, 16)),
        (D(2026, 12, 16), AwardClass.GOLD, SameKindReading.SAME_CLASS, MET, None),
        (D(2023, 12, 15), AwardClass.GOLD, SameKindReading.SAME_CLASS, FAILED, D(2026, 12, 16)),
        # R8 default: another class is not the same kind
        (D(2026, 12, 15), AwardClass.MAYOR, SameKindReading.SAME_CLASS, MET, None),
        # R8 alternative: any class
        (D(2026, 12, 15), AwardClass.MAYOR, SameKindReading.ANY_CLASS, FAILED, D(2026, 12, 16)),
        (D(2026, 12, 15), None, SameKindReading.ANY_CLASS, FAILED, D(2026, 12, 16)),
        (D(2026, 12, 16), AwardClass.MAYOR, SameKindReading.ANY_CLASS, MET, None),
        # an award after the application day is not yet won
        (D(2023, 12, 14), AwardClass.GOLD, SameKindReading.SAME_CLASS, MET, None),
    ],
)
def test_art16_para1_reapplication_bar(
    applied_on: dt.date,
    applying_for: AwardClass | None,
    reading: SameKindReading,
    expected: ConditionStatus,
    met_from: dt.date | None,
) -> None:
    v = check_eligibility(
        good_org(district_awards=(GOLD_2023,)),
        applied_on=applied_on,
        applying_for=applying_for,
        policy=EligibilityPolicy(same_kind=reading),
    )
    cond = v.condition("art16.para1")
    assert cond.status is expected
    assert cond.met_from == met_from


def test_art16_para1_feb29_award() -> None:
    award = DistrictAward(
        award_class=AwardClass.MAYOR, track=Track.MODEL, awarded_on=D(2024, 2, 29)
    )
    org = good_org(district_awards=(award,))
    last = check_eligibility(org, applied_on=D(2027, 2, 28), applying_for=AwardClass.MAYOR)
    assert status(last, "art16.para1") is FAILED
    assert last.condition("art16.para1").met_from == D(2027, 3, 1)
    nxt = check_eligibility(org, applied_on=D(2027, 3, 1), applying_for=AwardClass.MAYOR)
    assert status(nxt, "art16.para1") is MET


def test_art16_para1_class_not_named_is_unknown_under_same_class() -> None:
    v = check_eligibility(good_org(district_awards=(GOLD_2023,)), applied_on=D(2025, 1, 1))
    assert v.verdict is Verdict.UNDETERMINED
    assert v.missing == ("applying_for",)


def test_art16_para1_both_classes_barred_fails_without_a_class() -> None:
    mayor = DistrictAward(award_class=AwardClass.MAYOR, track=Track.MODEL, awarded_on=D(2024, 1, 5))
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
        (GovernmentAwardLevel.MUNICIPAL, D(2025, 5, 11), MET),  # not yet won
    ],
)
def test_art16_para2_higher_level_award(
    level: GovernmentAwardLevel, awarded_on: dt.date, expected: ConditionStatus
) -> None:
    award = GovernmentAward(level=level, awarded_on=awarded_on, name="上海市政府质量奖")
    v = check_eligibility(good_person(government_awards=(award,)), applied_on=APPLIED)
    assert status(v, "art16.para2") is expected
    if expected is FAILED:
        assert v.bars_lift_on is None  # permanent


@pytest.mark.parametrize(
    ("years", "expected"),
    [((2025,), FAILED), ((2024,), MET), ((2026,), MET), ((2024, 2025), FAILED), ((), MET)],
)
def test_art16_para3_same_calendar_year(years: tuple[int, ...], expected: ConditionStatus) -> None:
    v = check_eligibility(good_org(municipal_application_years=years), applied_on=APPLIED)
    assert status(v, "art16.para3") is expected


# --- Art. 25 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("revoked_on", "applied_on", "expected"),
    [
        (D(2023, 6, 1), D(2026, 6, 1), FAILED),  # 三年内不再受理: last day of the bar
        (D(2023, 6, 1), D(2026, 6, 2), MET),
        (D(2024, 2, 29), D(2027, 2, 28), FAILED),
        (D(2024, 2, 29), D(2027, 3, 1), MET),
        (D(2025, 5, 11), D(2025, 5, 10), MET),  # a revocation after the day does not bar it
    ],
)
def test_art25_revocation_bar(
    revoked_on: dt.date, applied_on: dt.date, expected: ConditionStatus
) -> None:
    rev = Revocation(revoked_on=revoked_on, ground=RevocationGround.IMPROPER_MEANS)
    v = check_eligibility(good_person(revocations=(rev,)), applied_on=applied_on)
    assert status(v, "art25") is expected


# --- verdicts, unknowns, validity, errors --------------------------------------------------


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


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"applicant": "甲公司", "applied_on": APPLIED}, "applicant"),
        ({"applicant": good_org(), "applied_on": "2025-05-10"}, "applied_on"),
        ({"applicant": good_org(), "applied_on": dt.datetime(2025, 5, 10)}, "applied_on"),
        ({"applicant": good_org(), "applied_on": APPLIED, "applying_for": "gold"}, "applying_for"),
        ({"applicant": good_org(), "applied_on": APPLIED, "policy": "default"}, "policy"),
        ({"applicant": good_org(), "applied_on": APPLIED, "scheme": None}, "scheme"),
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


def test_verdict_faces_and_lookup() -> None:
    v = check_eligibility(good_org(leading_performance=False), applied_on=APPLIED)
    text = str(v)
    assert "ineligible" in text and "art14.4" in text
    assert "<table>" in v._repr_html_()
    records = v.to_records()
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
        v = check_eligibility(applicant, applied_on=APPLIED, applying_for=AwardClass.GOLD)
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
    award = DistrictAward(award_class=AwardClass.GOLD, track=Track.MODEL, awarded_on=event)
    org = good_org(
        major_incidents=(event,),
        district_awards=(award,),
        revocations=(Revocation(revoked_on=event),),
    )
    v = check_eligibility(org, applied_on=applied_on, applying_for=AwardClass.GOLD, policy=policy)
    keys = ("art14.exclusion.2", "art16.para1", "art25")
    statuses = {v.condition(k).status for k in keys}
    assert len(statuses) == 1
    if statuses == {FAILED}:
        lifts = {v.condition(k).met_from for k in keys}
        assert len(lifts) == 1
        (lift,) = lifts
        assert lift is not None and lift > applied_on
        if lift <= D(2028, 7, 31):
            later = check_eligibility(
                org, applied_on=lift, applying_for=AwardClass.GOLD, policy=policy
            )
            assert {later.condition(k).status for k in keys} == {MET}


def _fill(draw: st.DrawFn, value: Any, field: str) -> Any:
    if value is not None:
        return value
    if field == "name":
        return value
    if field in ("registered_on", "quality_work_since"):
        return draw(ANY_DAYS)
    if field in (
        "serious_penalties",
        "failed_rectifications",
        "major_incidents",
        "major_complaints",
        "organisation_major_incidents",
    ):
        return tuple(draw(st.lists(ANY_DAYS, max_size=2)))
    if field == "municipal_application_years":
        return tuple(draw(st.lists(st.integers(2020, 2028), max_size=2)))
    if field == "district_awards":
        return tuple(draw(st.lists(AWARDS, max_size=2)))
    if field == "government_awards":
        return tuple(draw(st.lists(GOV_AWARDS, max_size=1)))
    if field == "revocations":
        return tuple(draw(st.lists(ANY_DAYS.map(lambda d: Revocation(revoked_on=d)), max_size=1)))
    return draw(st.booleans())


AWARDS = st.builds(
    lambda c, d: DistrictAward(award_class=c, track=Track.MODEL, awarded_on=d),
    st.sampled_from(list(AwardClass)),
    ANY_DAYS,
)
GOV_AWARDS = st.builds(
    lambda lv, d: GovernmentAward(level=lv, awarded_on=d),
    st.sampled_from(list(GovernmentAwardLevel)),
    ANY_DAYS,
)


@st.composite
def partial_and_completed(
    draw: st.DrawFn,
) -> tuple[Organisation | Individual, Organisation | Individual]:
    kind = draw(st.sampled_from([Organisation, Individual]))
    full = {f.name: _fill(draw, None, f.name) for f in attrs.fields(kind) if f.name != "name"}
    hidden = draw(st.sets(st.sampled_from(sorted(full))))
    partial = kind(name="甲", **{k: (None if k in hidden else v) for k, v in full.items()})
    completed = kind(name="甲", **full)
    return partial, completed


@settings(max_examples=150)
@given(
    pair=partial_and_completed(),
    applied_on=VALID_DAYS,
    applying_for=st.none() | st.sampled_from(list(AwardClass)),
    reading=st.sampled_from(list(SameKindReading)),
)
def test_adding_facts_never_turns_ineligible_into_eligible(
    pair: tuple[Organisation | Individual, Organisation | Individual],
    applied_on: dt.date,
    applying_for: AwardClass | None,
    reading: SameKindReading,
) -> None:
    partial, completed = pair
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
