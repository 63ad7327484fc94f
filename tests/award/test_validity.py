"""Measures Art. 28: in force 2023-08-01..2028-07-31, by reference from 2023-04-27.

Art. 28: 本办法自2023年8月1日起实施，有效期至2028年7月31日，2023年4月27日到7月31日
之间参照本办法执行 — in force 2023-08-01..2028-07-31, applied by reference
2023-04-27..2023-07-31 (both named days included, reading R27).  Expectations are the
clause's dates, read by hand; errors follow ``field: problem, got value (clause)``.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.baoshan import BAOSHAN_2023
from baoshan_quality.award.validity import (
    ValidityCheck,
    ValidityStatus,
    check_date,
    check_validity,
    validity_status,
)
from baoshan_quality.citations import measures
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.serialization import from_json, to_json

D = dt.date
ART_28 = measures("Art. 28")
# A hypothetical later edition: in force 2028-08-01..2033-07-31, no by-reference span,
# its validity clause numbered Art. 29.
LATER = attrs.evolve(
    BAOSHAN_2023,
    key="baoshan-2028",
    validity=attrs.evolve(
        BAOSHAN_2023.validity,
        by_reference_from=None,
        in_force_from=D(2028, 8, 1),
        in_force_until=D(2033, 7, 31),
        clause="Art. 29",
    ),
)


def _error(call) -> InvalidInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


# --- the span's edges ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (D(2023, 4, 26), ValidityStatus.BEFORE),
        (D(2023, 4, 27), ValidityStatus.BY_REFERENCE),  # 2023年4月27日到7月31日之间
        (D(2023, 7, 31), ValidityStatus.BY_REFERENCE),
        (D(2023, 8, 1), ValidityStatus.IN_FORCE),  # 自2023年8月1日起实施
        (D(2028, 7, 31), ValidityStatus.IN_FORCE),  # 有效期至2028年7月31日
        (D(2028, 8, 1), ValidityStatus.AFTER),
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


@pytest.mark.parametrize(
    ("status", "applies", "zh"),
    [
        (ValidityStatus.BEFORE, False, "适用前"),
        (ValidityStatus.BY_REFERENCE, True, "参照执行"),
        (ValidityStatus.IN_FORCE, True, "有效期内"),
        (ValidityStatus.AFTER, False, "有效期满后"),
    ],
)
def test_art28_which_statuses_apply(status: ValidityStatus, applies: bool, zh: str) -> None:
    assert status.applies is applies
    assert status.zh == zh


@given(st.dates())
def test_art28_refusal_exactly_outside_the_span(day: dt.date) -> None:
    inside = D(2023, 4, 27) <= day <= D(2028, 7, 31)
    assert validity_status(day).applies is inside
    opted = check_validity(day, allow_outside_validity=True)
    assert opted.applied_outside_validity is (not inside)
    assert from_json(to_json(opted), ValidityCheck) == opted


# --- the reasons (golden sentences: one per span) ------------------------------------------


def test_art28_by_reference_reason() -> None:
    (reason,) = check_validity(D(2023, 5, 4)).reasons
    assert reason.citation == ART_28
    assert reason.zh == "2023-05-04 在 2023-04-27 至 2023-07-31 之间，参照本办法执行。"
    assert reason.en == (
        "2023-05-04 lies in 2023-04-27..2023-07-31, when the Measures are applied by reference."
    )


def test_art28_in_force_reason() -> None:
    (reason,) = check_validity(D(2024, 5, 10)).reasons
    assert reason.citation == ART_28
    assert reason.zh == "2024-05-10 在本办法有效期内（2023-08-01 至 2028-07-31）。"
    assert reason.en == "2024-05-10 lies in the Measures' term of force (2023-08-01..2028-07-31)."


@pytest.mark.parametrize(
    ("day", "status"),
    [(D(2023, 4, 26), ValidityStatus.BEFORE), (D(2028, 8, 1), ValidityStatus.AFTER)],
)
def test_art28_outside_applied_at_the_callers_request(day: dt.date, status: ValidityStatus) -> None:
    check = check_validity(day, allow_outside_validity=True)
    assert (check.status, check.applied_outside_validity) == (status, True)
    (reason,) = check.reasons
    assert reason.citation == ART_28
    assert reason.zh == (
        f"{day} 不在本办法适用期间（2023-04-27 至 2028-07-31）内；应调用方明确要求仍予适用。"
    )
    assert reason.en == (
        f"{day} lies outside the Measures' span (2023-04-27..2028-07-31); "
        "applied anyway at the caller's explicit request."
    )


# --- refusals ------------------------------------------------------------------------------


def test_art28_refusal_before_names_the_first_day() -> None:
    with pytest.raises(OutsideValidityError) as info:
        check_validity(D(2023, 4, 26), field="applied_on")
    err = info.value
    assert (err.field, err.value, err.citation) == ("applied_on", D(2023, 4, 26), ART_28)
    assert str(err) == (
        "applied_on: before the Measures apply (from 2023-04-27); pass "
        "allow_outside_validity=True to apply them anyway, got datetime.date(2023, 4, 26) "
        "(date) (Measures Art. 28)"
    )


def test_art28_refusal_after_names_the_last_day() -> None:
    with pytest.raises(OutsideValidityError) as info:
        check_date(D(2028, 8, 1), "announced_on")
    assert info.value.field == "announced_on"
    assert str(info.value).startswith("announced_on: after the Measures expired on 2028-07-31;")


def test_the_default_field_is_on() -> None:
    with pytest.raises(OutsideValidityError) as info:
        check_validity(D(2022, 1, 1))
    assert info.value.field == "on"
    assert _error(lambda: validity_status("2024-01-01")).field == "on"  # type: ignore[arg-type]


# --- another edition -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (D(2023, 8, 1), ValidityStatus.BEFORE),  # no by-reference span: before is before
        (D(2028, 7, 31), ValidityStatus.BEFORE),
        (D(2028, 8, 1), ValidityStatus.IN_FORCE),
        (D(2033, 7, 31), ValidityStatus.IN_FORCE),
        (D(2033, 8, 1), ValidityStatus.AFTER),
    ],
)
def test_a_later_edition_without_a_by_reference_span(day: dt.date, status: ValidityStatus) -> None:
    assert validity_status(day, scheme=LATER) is status


def test_a_later_editions_check_uses_its_span_key_and_clause() -> None:
    check = check_date(D(2030, 1, 1), "applied_on", scheme=LATER)
    assert (check.status, check.scheme) == (ValidityStatus.IN_FORCE, "baoshan-2028")
    assert check.reasons[0].citation == measures("Art. 29")
    assert check.reasons[0].zh == "2030-01-01 在本办法有效期内（2028-08-01 至 2033-07-31）。"
    with pytest.raises(OutsideValidityError) as info:
        check_date(D(2028, 7, 31), "applied_on", scheme=LATER)
    assert str(info.value).startswith("applied_on: before the Measures apply (from 2028-08-01);")
    assert info.value.citation == measures("Art. 29")
    opted = check_date(D(2028, 7, 31), "applied_on", scheme=LATER, allow_outside_validity=True)
    assert opted.applied_outside_validity
    err = _error(lambda: check_date("2030-01-01", "applied_on", scheme=LATER))
    assert (err.field, err.citation) == ("applied_on", measures("Art. 29"))
    assert str(err) == "applied_on: expected a datetime.date, got '2030-01-01' (Measures Art. 29)"


def test_no_scheme_means_baoshan_2023() -> None:
    assert check_validity(D(2024, 5, 10), scheme=None) == check_validity(
        D(2024, 5, 10), scheme=BAOSHAN_2023
    )
    assert validity_status(D(2023, 5, 4), scheme=None) is ValidityStatus.BY_REFERENCE


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["2024-01-01", None, 20240101, dt.datetime(2024, 1, 1)])
def test_art28_refuses_non_dates(bad: object) -> None:
    with pytest.raises(InvalidInputError):
        check_date(bad, "applied_on")
    with pytest.raises(InvalidInputError):
        validity_status(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda: validity_status(D(2024, 1, 1), scheme="baoshan-2023"),
        lambda: check_validity(D(2024, 1, 1), scheme="baoshan-2023"),
    ],
)
def test_a_scheme_that_is_not_a_scheme_is_named(call) -> None:  # type: ignore[no-untyped-def]
    err = _error(call)
    assert (err.field, err.value) == ("scheme", "baoshan-2023")
    assert str(err).startswith("scheme: expected an AwardScheme, got 'baoshan-2023'")


@pytest.mark.parametrize("field", ["", 5, None])
def test_a_field_name_must_be_a_non_empty_string(field: object) -> None:
    err = _error(lambda: check_validity(D(2024, 1, 1), field=field))  # type: ignore[arg-type]
    assert (err.field, err.value) == ("field", field)
    assert str(err).startswith("field: expected a field name, got ")


@pytest.mark.parametrize("bad", ["yes", 1])
def test_the_opt_in_must_be_a_bool_and_is_named(bad: object) -> None:
    err = _error(lambda: check_validity(D(2024, 1, 1), allow_outside_validity=bad))  # type: ignore[arg-type]
    assert (err.field, err.value, err.citation) == ("allow_outside_validity", bad, ART_28)
    assert (
        str(err)
        == f"allow_outside_validity: expected True or False, got {bad!r} (Measures Art. 28)"
    )


# --- display: one row, the reasons as notes ------------------------------------------------


def test_validity_table_records_and_notes() -> None:
    check = check_validity(D(2024, 5, 10))
    assert check.to_records(lang="en") == [
        {"date": D(2024, 5, 10), "status": "in-force", "applied_outside_validity": False}
    ]
    assert check.to_records(lang="zh")[0]["status"] == "有效期内"
    en = check.to_text("en").splitlines()
    assert en[0] == "validity of baoshan-2023 on 2024-05-10 (Art. 28)"
    assert en[-1] == f"[Measures Art. 28] {check.reasons[0].en}"
    zh = str(check).splitlines()
    assert zh[0] == "2024-05-10 与 baoshan-2023 的适用期间（第二十八条）"
    assert zh[-1] == f"[Measures Art. 28] {check.reasons[0].zh}"
    assert "有效期内" in zh[3]
    assert zh[1].split() == ["日期", "状态"] and en[1].split() == ["date", "status"]
    assert "<table>" in check._repr_html_()
    opted = check_validity(D(2028, 8, 1), allow_outside_validity=True)
    assert opted.to_records(lang="en")[0]["applied_outside_validity"] is True
