"""periods: Civil Code Art. 201-202 periods (reading R7) and the calendar-year alternative."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import InvalidInputError
from baoshan_quality.periods import (
    PeriodReading,
    first_day_after,
    in_bar,
    in_lookback,
    lookback_start,
    period_end,
)

D = dt.date
CAL = PeriodReading.CALENDAR_YEARS


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
    with pytest.raises(InvalidInputError):
        call()


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
