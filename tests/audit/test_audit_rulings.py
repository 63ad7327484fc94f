"""Audit cases where an auditor's first reading of the texts and the library differed.

The disagreements the audit found in the JSON kernel were defects and are fixed
(the cases below now pass). The one about R7 is a ruling, kept here as a case of
its own so the choice is visible:

**R7 look-back from Feb 29.** A look-back of three years is defined from the bar
(``periods.lookback_start``), so that an event lies in "the last three years" of a
day exactly when that day is still inside the event's three-year bar (Civil Code
Art. 201–202 counted forward from the event). An incident on 2021-02-28 has a bar
ending 2024-02-28; on 2024-02-29 more than three years have run, so it no longer
excludes the applicant. Counting *back* from 2024-02-29 with Art. 202's month-end
rule would instead reach 2021-02-28 and disagree with the bar by that one day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from baoshan_quality import (
    BaoshanQualityError,
    ScoreCard,
    Verdict,
    check_eligibility,
    from_json,
    to_json,
)

from .test_audit_cases import card, clean_org, clean_person

D = dt.date


@pytest.mark.parametrize("field", ["major_incidents", "serious_penalties"])
def test_r7_lookback_from_feb_29_follows_the_bar(field: str) -> None:
    event = [D(2021, 2, 28)]
    on_28 = check_eligibility(clean_org(**{field: event}), applied_on=D(2024, 2, 28))
    on_29 = check_eligibility(clean_org(**{field: event}), applied_on=D(2024, 2, 29))
    assert on_28.verdict == Verdict.INELIGIBLE  # the bar's last day
    assert on_29.verdict == Verdict.ELIGIBLE  # three whole years have run


def test_r7_lookback_from_feb_29_individual() -> None:
    person = clean_person(organisation_major_incidents=[D(2021, 2, 28)])
    assert check_eligibility(person, applied_on=D(2024, 2, 28)).verdict == Verdict.INELIGIBLE
    assert check_eligibility(person, applied_on=D(2024, 2, 29)).verdict == Verdict.ELIGIBLE


def test_to_json_unserialisable_raises_library_error() -> None:
    with pytest.raises(BaoshanQualityError):
        to_json(object())


def test_from_json_unknown_kind_raises_library_error() -> None:
    with pytest.raises(BaoshanQualityError):
        from_json(to_json({"a": "1"}), "ScoreCard")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_to_json_rejects_non_finite_decimals(value: Decimal) -> None:
    with pytest.raises(BaoshanQualityError):
        to_json(value)


def test_scorecard_kind_object_still_reads() -> None:
    c = card()
    assert from_json(to_json(c), ScoreCard) == c
