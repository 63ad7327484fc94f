"""An event dated after the day asked about is an error naming the field (issue 15 item 5).

The reproducer: "a prior award dated 9999-12-31 on a 2025 application counts as Art.
16 met".  Each look-back and bar of the Measures counts from an event that has
happened — 近三年 (Art. 14 para 2, Art. 15(4)), 获得…后3年内 (Art. 16 para 1), 已获得上级
政府质量奖 (para 2), 同一年度 (para 3), 取消其荣誉资格…三年内 (Art. 25), 获奖后 (Art. 25) —
so an award, penalty, incident, complaint, application or revocation dated after the
day the question is asked about cannot be read: it used to be left out without a word,
which could only help the applicant.  It is refused, naming its path, the value and the
day asked about.

The boundary: an event dated on the day asked about itself is accepted and counts.
Dates carry no hour, and every period the Measures count from an event includes the
event's day (the look-back reaches back to and including the day; the bars start on the
award's or revocation's day): an award announced on the day of an application already
bars it.

Not refused: a *start* date after the day (``registered_on``, ``quality_work_since``)
— "正常运行三年以上" simply fails, saying from when it is met — and an award won after a
use of the title (Art. 24): it does not make the user a holder, so the use is a violation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from baoshan_quality.award import (
    DistrictAward,
    GovernmentAward,
    GovernmentAwardLevel,
    Individual,
    MisconductCase,
    Organisation,
    Revocation,
    RevocationGround,
    TitleContext,
    TitleUse,
    assess_revocation,
    check_eligibility,
    check_title_use,
    reapplication_bar,
    reporting_periods,
    retention_period,
    revocation_bar,
)
from baoshan_quality.award.conditions import ConditionStatus
from baoshan_quality.citations import measures
from baoshan_quality.errors import InvalidInputError

D = dt.date
APPLIED = D(2025, 5, 10)
FAR = D(9999, 12, 31)
NEXT_DAY = D(2025, 5, 11)


def org(**facts: Any) -> Organisation:
    """An organisation whose every event list is known and empty."""
    empty: dict[str, Any] = {
        "serious_penalties": (),
        "failed_rectifications": (),
        "major_incidents": (),
        "major_complaints": (),
        "district_awards": (),
        "government_awards": (),
        "municipal_application_years": (),
        "revocations": (),
    }
    return Organisation(name="甲科技有限公司", **{**empty, **facts})


def person(**facts: Any) -> Individual:
    empty: dict[str, Any] = {
        "organisation_major_incidents": (),
        "district_awards": (),
        "government_awards": (),
        "municipal_application_years": (),
        "revocations": (),
    }
    return Individual(name="张三", **{**empty, **facts})


def gold(day: dt.date) -> DistrictAward:
    return DistrictAward(award_class="gold", track="model", awarded_on=day)


def municipal(day: dt.date) -> GovernmentAward:
    return GovernmentAward(level=GovernmentAwardLevel.MUNICIPAL, awarded_on=day)


def revoked(day: dt.date) -> Revocation:
    return Revocation(revoked_on=day, ground=RevocationGround.IMPROPER_MEANS)


# Each kind of event: the applicant with one such event on a day, its path, its clause,
# and the condition it counts in (for the boundary).
KINDS: list[tuple[str, Callable[[dt.date], Organisation | Individual], str, str, str]] = [
    (
        "serious penalty",
        lambda d: org(serious_penalties=(d,)),
        "applicant.serious_penalties[0]",
        "Art. 14 para 2(1)",
        "art14.exclusion.1",
    ),
    (
        "failed rectification",
        lambda d: org(failed_rectifications=(d,)),
        "applicant.failed_rectifications[0]",
        "Art. 14 para 2(1)",
        "art14.exclusion.1",
    ),
    (
        "major incident",
        lambda d: org(major_incidents=(d,)),
        "applicant.major_incidents[0]",
        "Art. 14 para 2(2)",
        "art14.exclusion.2",
    ),
    (
        "major complaint",
        lambda d: org(major_complaints=(d,)),
        "applicant.major_complaints[0]",
        "Art. 14 para 2(2)",
        "art14.exclusion.2",
    ),
    (
        "incident in the person's organisation",
        lambda d: person(organisation_major_incidents=(d,)),
        "applicant.organisation_major_incidents[0]",
        "Art. 15(4)",
        "art15.4",
    ),
    (
        "district award",
        lambda d: org(district_awards=(gold(d),)),
        "applicant.district_awards[0].awarded_on",
        "Art. 16 para 1",
        "art16.para1",
    ),
    (
        "higher-level government award",
        lambda d: person(government_awards=(municipal(d),)),
        "applicant.government_awards[0].awarded_on",
        "Art. 16 para 2",
        "art16.para2",
    ),
    (
        "revocation",
        lambda d: person(revocations=(revoked(d),)),
        "applicant.revocations[0].revoked_on",
        "Art. 25",
        "art25",
    ),
]
IDS = [kind[0] for kind in KINDS]


def test_the_reproducer_a_prior_award_dated_9999_12_31_is_an_error() -> None:
    """Issue 15: "a prior award dated 9999-12-31 on a 2025 application counts as Art. 16 met"."""
    with pytest.raises(InvalidInputError) as caught:
        check_eligibility(
            org(district_awards=(gold(FAR),)), applied_on=APPLIED, applying_for="gold"
        )
    error = caught.value
    assert error.field == "applicant.district_awards[0].awarded_on"
    assert error.value == FAR
    assert error.citation == measures("Art. 16 para 1")
    assert str(error) == (
        "applicant.district_awards[0].awarded_on: dated after the day asked about "
        "(applied_on = 2025-05-10); a fact the check reads must have happened by that day, "
        "got datetime.date(9999, 12, 31) (date) (Measures Art. 16 para 1)"
    )


@pytest.mark.parametrize(("kind", "build", "path", "clause", "key"), KINDS, ids=IDS)
@pytest.mark.parametrize("day", [NEXT_DAY, FAR], ids=["next day", "9999-12-31"])
def test_an_event_after_the_application_day_is_an_error_naming_it(
    kind: str,
    build: Callable[[dt.date], Organisation | Individual],
    path: str,
    clause: str,
    key: str,
    day: dt.date,
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        check_eligibility(build(day), applied_on=APPLIED, applying_for="gold")
    assert (caught.value.field, caught.value.value) == (path, day)
    assert caught.value.citation == measures(clause)
    assert "(applied_on = 2025-05-10)" in str(caught.value)


@pytest.mark.parametrize(("kind", "build", "path", "clause", "key"), KINDS, ids=IDS)
def test_an_event_on_the_application_day_itself_is_accepted_and_counts(
    kind: str,
    build: Callable[[dt.date], Organisation | Individual],
    path: str,
    clause: str,
    key: str,
) -> None:
    """The boundary: the look-back and the bars include the event's own day."""
    verdict = check_eligibility(build(APPLIED), applied_on=APPLIED, applying_for="gold")
    assert verdict.condition(key).status is ConditionStatus.FAILED


def test_a_municipal_application_in_a_later_year_is_an_error() -> None:
    """Art. 16 para 3 (同一年度): an application year after the year asked about."""
    with pytest.raises(InvalidInputError) as caught:
        check_eligibility(org(municipal_application_years=(2024, 2026)), applied_on=APPLIED)
    assert (caught.value.field, caught.value.value) == (
        "applicant.municipal_application_years[1]",
        2026,
    )
    assert caught.value.citation == measures("Art. 16 para 3")
    same_year = check_eligibility(org(municipal_application_years=(2025,)), applied_on=APPLIED)
    assert same_year.condition("art16.para3").status is ConditionStatus.FAILED


def test_a_start_date_after_the_day_is_no_error_its_years_fail() -> None:
    """Art. 14(1) 正常运行三年以上 and Art. 15(1) 五年以上: a later start has not run any years."""
    later = check_eligibility(org(registered_on=D(2025, 6, 1)), applied_on=APPLIED)
    assert later.condition("art14.1").status is ConditionStatus.FAILED
    assert later.condition("art14.1").met_from == D(2028, 6, 2)
    work = check_eligibility(person(quality_work_since=D(2025, 6, 1)), applied_on=APPLIED)
    assert work.condition("art15.1").status is ConditionStatus.FAILED


# --- the windows, asked about a day (on=) ---------------------------------------------------


@pytest.mark.parametrize(
    ("window", "field", "clause"),
    [
        (reapplication_bar, "awarded_on", "Art. 16"),
        (revocation_bar, "revoked_on", "Art. 25"),
        (retention_period, "counted_from", "Art. 27"),
        (reporting_periods, "awarded_on", "Art. 23"),
    ],
    ids=["reapplication_bar", "revocation_bar", "retention_period", "reporting_periods"],
)
def test_a_window_asked_about_a_day_before_its_event_is_an_error(
    window: Callable[..., Any], field: str, clause: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        window(FAR, on=APPLIED)
    assert (caught.value.field, caught.value.value) == (field, FAR)
    assert caught.value.citation == measures(clause)
    assert "(on = 2025-05-10)" in str(caught.value)
    assert window(APPLIED, on=APPLIED).validity.on == APPLIED  # the same day: accepted
    assert window(D(2024, 5, 10)).validity is not None  # without on=: no day asked about


# --- Art. 25: the award and its incidents, on the day of the assessment ------------------


def case(**facts: Any) -> MisconductCase:
    known: dict[str, Any] = {
        "holder": "甲公司",
        "award_class": "gold",
        "track": "model",
        "awarded_on": D(2023, 12, 15),
        "improper_means": False,
        "major_incidents": (),
        "other_major_breach": False,
    }
    return MisconductCase(**{**known, **facts})


def test_an_award_assessed_before_it_was_won_is_an_error_naming_it() -> None:
    with pytest.raises(InvalidInputError) as caught:
        assess_revocation(case(awarded_on=FAR), on=D(2025, 6, 30))
    assert (caught.value.field, caught.value.value) == ("case.awarded_on", FAR)
    assert caught.value.citation == measures("Art. 25")
    assert "(on = 2025-06-30)" in str(caught.value)


def test_an_incident_after_the_assessment_day_is_an_error_and_one_on_it_counts() -> None:
    """获奖后发生重大…事故: the incident must have happened by the day of the assessment."""
    with pytest.raises(InvalidInputError) as caught:
        assess_revocation(case(major_incidents=(D(2024, 1, 8), FAR)), on=D(2025, 6, 30))
    assert (caught.value.field, caught.value.value) == ("case.major_incidents[1]", FAR)
    on_the_day = assess_revocation(case(major_incidents=(D(2025, 6, 30),)), on=D(2025, 6, 30))
    assert on_the_day.grounds == (RevocationGround.MAJOR_INCIDENT_AFTER_AWARD,)


def test_an_award_won_after_a_use_of_the_title_makes_the_use_a_violation() -> None:
    """Art. 24: only winners may use the title; one won later is no error, and no holding."""
    use = TitleUse(
        user="甲公司",
        award_class="gold",
        track="model",
        used_on=D(2023, 12, 14),
        context=TitleContext.IMAGE_PUBLICITY,
        states_award_year=True,
        award_year=2023,
    )
    verdict = check_title_use(use, holdings=[gold(D(2023, 12, 15))])
    assert verdict.status.value == "violation"
