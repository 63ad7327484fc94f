"""periods: Civil Code Art. 201-202 periods (reading R7) and the calendar-year alternative.

Expectations are computed by hand from the Civil Code (Art. 201: the start day
is not counted; Art. 202: the period ends on the corresponding day) and from
the calendar-year alternative (the bar runs to 31 December of the N-th year
after the event's year; the look-back starts on 1 January N years before), and
from the library's error format ``field: problem, got value (clause)``.
Every error cites the Civil Code rule of periods (``PERIOD_CITATION``); where a
test pins only the head of a message, the citation is compared on its own.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    """The library's error of ``call``; every one of them cites the rule of periods."""
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.citation == PERIOD_CITATION
    return info.value


@pytest.mark.parametrize(
    ("start", "years", "end"),
    [
        (D(2023, 12, 15), 3, D(2026, 12, 15)),  # SPEC R7 example
        (D(2024, 2, 29), 3, D(2027, 2, 28)),  # no corresponding day: month's last day
        (D(2024, 2, 29), 4, D(2028, 2, 29)),
        (D(2023, 1, 31), 10, D(2033, 1, 31)),
        (D(2025, 5, 10), 0, D(2025, 5, 10)),
    ],
)
def test_period_end_art_202(start: dt.date, years: int, end: dt.date) -> None:
    assert period_end(start, years=years) == end


def test_month_periods_end_on_the_months_last_day() -> None:
    assert period_end(D(2025, 1, 31), months=1) == D(2025, 2, 28)
    assert period_end(D(2024, 1, 31), months=1) == D(2024, 2, 29)


def test_bar_of_three_years_last_day_and_first_free_day() -> None:
    award = D(2023, 12, 15)
    assert in_bar(award, D(2026, 12, 15), years=3)
    assert not in_bar(award, D(2026, 12, 16), years=3)
    assert first_day_after(award, years=3) == D(2026, 12, 16)
    assert in_bar(award, award, years=3)
    assert not in_bar(award, D(2023, 12, 14), years=3)


def test_lookback_of_three_years_spec_example() -> None:
    on = D(2025, 5, 10)
    assert lookback_start(on, years=3) == D(2022, 5, 10)
    assert in_lookback(D(2022, 5, 10), on, years=3)
    assert not in_lookback(D(2022, 5, 9), on, years=3)
    assert in_lookback(on, on, years=3)
    assert not in_lookback(D(2025, 5, 11), on, years=3)


def test_lookback_from_feb_29_starts_on_mar_1() -> None:
    on = D(2024, 2, 29)
    assert lookback_start(on, years=3) == D(2021, 3, 1)
    assert not in_lookback(D(2021, 2, 28), on, years=3)  # its bar ended 2024-02-28
    assert lookback_start(on, years=4) == D(2020, 2, 29)


def test_calendar_year_reading() -> None:
    assert period_end(D(2023, 12, 15), years=3, reading=CAL) == D(2026, 12, 31)
    assert lookback_start(D(2025, 5, 10), years=3, reading=CAL) == D(2022, 1, 1)
    assert in_lookback(D(2022, 1, 1), D(2025, 5, 10), years=3, reading=CAL)
    with pytest.raises(InvalidInputError, match="whole years"):
        period_end(D(2023, 1, 1), months=1, reading=CAL)


@pytest.mark.parametrize(
    "call",
    [
        lambda: period_end("2024-01-01", years=1),  # type: ignore[arg-type]
        lambda: period_end(dt.datetime(2024, 1, 1), years=1),  # type: ignore[arg-type]
        lambda: period_end(D(2024, 1, 1), years=-1),
        lambda: period_end(D(2024, 1, 1), years=True),
        lambda: period_end(D(9999, 1, 1), years=1),
        lambda: in_bar(D(2024, 1, 1), None, years=3),  # type: ignore[arg-type]
        lambda: lookback_start(D(1, 6, 1), years=3),
    ],
)
def test_bad_arguments_are_the_librarys_errors(call) -> None:  # type: ignore[no-untyped-def]
    _error(call)


dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))


@given(dates, dates, st.integers(0, 12), st.sampled_from(list(PeriodReading)))
def test_property_lookback_and_bar_agree(
    event: dt.date, on: dt.date, years: int, reading: PeriodReading
) -> None:
    assert in_lookback(event, on, years=years, reading=reading) == in_bar(
        event, on, years=years, reading=reading
    )


@given(dates, st.integers(1, 12))
def test_property_bar_ends_the_day_before_the_first_free_day(start: dt.date, years: int) -> None:
    end = period_end(start, years=years)
    assert first_day_after(start, years=years) == end + dt.timedelta(days=1)
    assert end.month == start.month
    assert end.day == start.day or (start.month, start.day, end.day) == (2, 29, 28)


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
