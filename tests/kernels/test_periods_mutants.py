"""periods (reading R7): the edges and error messages a mutation run found unpinned.

Expectations are computed by hand from the Civil Code (Art. 201: the start day
is not counted; Art. 202: the period ends on the corresponding day) and from
the calendar-year alternative (the bar runs to 31 December of the N-th year
after the event's year; the look-back starts on 1 January N years before), and
from the library's error format ``field: problem, got value (clause)``.
None is copied from a run.  Where a message carries no clause yet, only its
``field: problem, got value`` head is pinned (adding the clause must not fail).
"""

from __future__ import annotations

import datetime as dt

import pytest

from baoshan_quality import InvalidInputError
from baoshan_quality.periods import (
    PERIOD_CITATION,
    PeriodReading,
    first_day_after,
    in_bar,
    in_lookback,
    lookback_start,
    period_end,
)

D = dt.date
CAL = PeriodReading.CALENDAR_YEARS
CIVIL = "Civil Code Art. 201-202"


def _error(call) -> InvalidInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


# --- the calendar-year reading at the calendar's edges ------------------------------------


def test_calendar_years_bar_may_end_on_the_last_day_of_year_9999() -> None:
    # 9997 + 2 = 9999, the last year there is: the period still fits.
    assert period_end(D(9997, 6, 1), years=2, reading=CAL) == D(9999, 12, 31)
    err = _error(lambda: period_end(D(9997, 6, 1), years=3, reading=CAL))
    assert (err.field, err.value) == ("start", D(9997, 6, 1))
    assert str(err).startswith(
        "start: the period leaves the calendar, got datetime.date(9997, 6, 1) (date)"
    )


def test_calendar_years_lookback_may_start_on_1_january_of_year_1() -> None:
    # 4 - 3 = 1, the first year there is: the look-back still fits.
    assert lookback_start(D(4, 5, 1), years=3, reading=CAL) == D(1, 1, 1)
    err = _error(lambda: lookback_start(D(4, 5, 1), years=4, reading=CAL))
    assert (err.field, err.value) == ("on", D(4, 5, 1))
    assert str(err).startswith("on: the look-back leaves the calendar, got datetime.date(4, 5, 1)")


def test_calendar_years_refuse_months() -> None:
    err = _error(lambda: period_end(D(2023, 1, 1), months=2, reading=CAL))
    assert (err.field, err.value) == ("months", 2)
    assert str(err).startswith("months: the calendar-year reading counts whole years only, got 2")


# --- first_day_after and in_bar pass every argument on -------------------------------------


def test_first_day_after_counts_months_and_defaults_to_no_years() -> None:
    # One month from 2025-05-10 ends 2025-06-10 (Art. 202); the first free day follows.
    assert first_day_after(D(2025, 5, 10), months=1) == D(2025, 6, 11)
    # Nothing given: a period of 0 ends on its start day.
    assert first_day_after(D(2025, 5, 10)) == D(2025, 5, 11)
    assert first_day_after(D(2025, 5, 10), years=1, months=1) == D(2026, 6, 11)


def test_first_day_after_calendar_years_is_1_january() -> None:
    # Bar to 2026-12-31 (3rd calendar year after 2023): free from 2027-01-01.
    assert first_day_after(D(2023, 12, 15), years=3, reading=CAL) == D(2027, 1, 1)


def test_first_day_after_a_period_ending_on_the_last_day_there_is() -> None:
    err = _error(lambda: first_day_after(D(9998, 3, 1), years=1, reading=CAL))
    assert (err.field, err.value) == ("start", D(9998, 3, 1))
    assert str(err).startswith(
        "start: the period leaves the calendar, got datetime.date(9998, 3, 1)"
    )
    # the Civil Code reading reaches the same day from 9998-12-31 + 1 year
    assert period_end(D(9998, 12, 31), years=1) == dt.date.max
    assert _error(lambda: first_day_after(D(9998, 12, 31), years=1)).field == "start"


def test_in_bar_calendar_years_reading() -> None:
    # Calendar years: the bar from 2023-12-15 runs to 2026-12-31, not to 2026-12-15.
    assert in_bar(D(2023, 12, 15), D(2026, 12, 31), years=3, reading=CAL)
    assert not in_bar(D(2023, 12, 15), D(2027, 1, 1), years=3, reading=CAL)


# --- error messages: field, value and clause --------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: period_end("2024-01-01", years=1), "start"),
        (lambda: in_bar(D(2024, 1, 1), "2024-01-01", years=1), "on"),
        (lambda: lookback_start("2024-01-01", years=1), "on"),
        (lambda: in_lookback("2024-01-01", D(2024, 1, 1), years=1), "event"),
    ],
)
def test_a_date_that_is_not_a_date_is_named(call, field: str) -> None:  # type: ignore[no-untyped-def]
    err = _error(call)
    assert (err.field, err.value, err.citation) == (field, "2024-01-01", PERIOD_CITATION)
    assert str(err) == f"{field}: expected a datetime.date, got '2024-01-01' ({CIVIL})"


@pytest.mark.parametrize(
    ("call", "field", "value"),
    [
        (lambda: period_end(D(2024, 1, 1), years=-1), "years", -1),
        (lambda: period_end(D(2024, 1, 1), months=-2), "months", -2),
        (lambda: lookback_start(D(2024, 1, 1), years=-3), "years", -3),
    ],
)
def test_a_negative_count_is_named(call, field: str, value: int) -> None:  # type: ignore[no-untyped-def]
    err = _error(call)
    assert (err.field, err.value, err.citation) == (field, value, PERIOD_CITATION)
    assert str(err) == (
        f"{field}: expected a whole number of years or months, 0 or more, got {value} ({CIVIL})"
    )


def test_a_civil_code_period_past_year_9999_is_named() -> None:
    err = _error(lambda: period_end(D(9999, 1, 1), years=1))
    assert (err.field, err.value) == ("date", D(9999, 1, 1))
    assert str(err).startswith(
        "date: a period of 1 years 0 months leaves the calendar, got datetime.date(9999, 1, 1)"
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda: period_end(D(2024, 1, 1), years=1, reading="civil-code"),
        lambda: lookback_start(D(2024, 1, 1), years=1, reading="civil-code"),
    ],
)
def test_a_reading_that_is_not_a_period_reading_is_named(call) -> None:  # type: ignore[no-untyped-def]
    err = _error(call)
    assert (err.field, err.value) == ("reading", "civil-code")
    assert str(err).startswith("reading: expected a PeriodReading, got 'civil-code'")
