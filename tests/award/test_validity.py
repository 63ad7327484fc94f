"""Measures Art. 28: in force 2023-08-01..2028-07-31, by reference from 2023-04-27."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.validity import (
    ValidityCheck,
    ValidityStatus,
    check_date,
    check_validity,
    validity_status,
)
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.serialization import from_json, to_json


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2023, 4, 26), ValidityStatus.BEFORE),
        (dt.date(2023, 4, 27), ValidityStatus.BY_REFERENCE),  # 2023年4月27日到7月31日之间
        (dt.date(2023, 7, 31), ValidityStatus.BY_REFERENCE),
        (dt.date(2023, 8, 1), ValidityStatus.IN_FORCE),  # 自2023年8月1日起实施
        (dt.date(2028, 7, 31), ValidityStatus.IN_FORCE),  # 有效期至2028年7月31日
        (dt.date(2028, 8, 1), ValidityStatus.AFTER),
    ],
)
def test_art28_day_edges(day: dt.date, status: ValidityStatus) -> None:
    assert validity_status(day) is status
    if status.applies:
        check = check_validity(day)
        assert check.status is status
        assert not check.applied_outside_validity
        assert str(check.reasons[0].citation) == "Measures Art. 28"
    else:
        with pytest.raises(OutsideValidityError) as info:
            check_validity(day, field="applied_on")
        assert info.value.field == "applied_on"
        assert "Art. 28" in str(info.value)
        check = check_validity(day, allow_outside_validity=True)
        assert check.applied_outside_validity
        assert "explicit" in check.reasons[0].en


@pytest.mark.parametrize("bad", ["2024-01-01", None, 20240101, dt.datetime(2024, 1, 1)])
def test_art28_refuses_non_dates(bad: object) -> None:
    with pytest.raises(InvalidInputError):
        check_date(bad, "applied_on")
    with pytest.raises(InvalidInputError):
        validity_status(bad)  # type: ignore[arg-type]


def test_art28_opt_in_must_be_a_bool() -> None:
    with pytest.raises(InvalidInputError):
        check_validity(dt.date(2024, 1, 1), allow_outside_validity="yes")  # type: ignore[arg-type]


@given(st.dates())
def test_art28_refusal_exactly_outside_the_span(day: dt.date) -> None:
    inside = dt.date(2023, 4, 27) <= day <= dt.date(2028, 7, 31)
    assert validity_status(day).applies is inside
    opted = check_validity(day, allow_outside_validity=True)
    assert opted.applied_outside_validity is (not inside)
    assert from_json(to_json(opted), ValidityCheck) == opted


def test_validity_check_faces() -> None:
    check = check_validity(dt.date(2024, 5, 10))
    assert "in-force" in str(check)
    assert check.to_records()[0]["status"] == "in-force"
    assert "<table>" in check._repr_html_()
