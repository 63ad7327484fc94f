"""Measures Art. 16 (re-application), 23 (reports, R9), 25 (revocation bar), 27 (retention)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.windows import (
    ReportingReading,
    ReportingSchedule,
    Window,
    WindowKind,
    reapplication_bar,
    reporting_periods,
    retention_period,
    revocation_bar,
)
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.periods import PeriodReading, in_bar
from baoshan_quality.serialization import from_json, to_json

D = dt.date


@pytest.mark.parametrize(
    ("awarded_on", "end", "next_day"),
    [
        (D(2023, 12, 15), D(2026, 12, 15), D(2026, 12, 16)),  # SPEC R7 example
        (D(2024, 2, 29), D(2027, 2, 28), D(2027, 3, 1)),  # Feb 29 start
        (D(2024, 8, 31), D(2027, 8, 31), D(2027, 9, 1)),  # month end
        (D(2023, 12, 31), D(2026, 12, 31), D(2027, 1, 1)),  # year end
    ],
)
def test_art16_reapplication_bar(awarded_on: dt.date, end: dt.date, next_day: dt.date) -> None:
    w = reapplication_bar(awarded_on)
    assert (w.kind, w.start, w.end, w.next_day) == (
        WindowKind.REAPPLICATION_BAR,
        awarded_on,
        end,
        next_day,
    )
    assert w.contains(end) and not w.contains(next_day)  # the bar's last day and the next
    assert str(w.citation) == "Measures Art. 16"
    assert w.years == 3


def test_art16_bar_calendar_years_reading() -> None:
    w = reapplication_bar(D(2023, 12, 15), reading=PeriodReading.CALENDAR_YEARS)
    assert (w.end, w.next_day) == (D(2026, 12, 31), D(2027, 1, 1))


@pytest.mark.parametrize(
    ("revoked_on", "next_day"),
    [(D(2023, 6, 1), D(2026, 6, 2)), (D(2024, 2, 29), D(2027, 3, 1))],
)
def test_art25_revocation_bar(revoked_on: dt.date, next_day: dt.date) -> None:
    w = revocation_bar(revoked_on)
    assert w.next_day == next_day
    assert w.kind is WindowKind.REVOCATION_BAR
    assert str(w.citation) == "Measures Art. 25"


@pytest.mark.parametrize(
    ("start", "end"),
    [(D(2024, 4, 23), D(2034, 4, 23)), (D(2024, 2, 29), D(2034, 2, 28))],
)
def test_art27_retention_ten_years(start: dt.date, end: dt.date) -> None:
    w = retention_period(start)
    assert (w.end, w.years) == (end, 10)
    assert str(w.citation) == "Measures Art. 27"


def test_art23_r9_default_rolling_years() -> None:
    """SPEC R9: award 2023-12-15 → 12-16..12-15 in each of three years."""
    s = reporting_periods(D(2023, 12, 15))
    assert [(p.index, p.start, p.end, p.due) for p in s.periods] == [
        (1, D(2023, 12, 16), D(2024, 12, 15), D(2024, 12, 15)),
        (2, D(2024, 12, 16), D(2025, 12, 15), D(2025, 12, 15)),
        (3, D(2025, 12, 16), D(2026, 12, 15), D(2026, 12, 15)),
    ]
    assert s.period_of(D(2025, 12, 15)).index == 2  # type: ignore[union-attr]
    assert s.period_of(D(2025, 12, 16)).index == 3  # type: ignore[union-attr]
    assert s.period_of(D(2023, 12, 15)) is None  # the award day itself is not counted
    assert s.period_of(D(2026, 12, 16)) is None


def test_art23_feb29_award_rolling_years() -> None:
    s = reporting_periods(D(2024, 2, 29))
    assert [(p.start, p.end) for p in s.periods] == [
        (D(2024, 3, 1), D(2025, 2, 28)),
        (D(2025, 3, 1), D(2026, 2, 28)),
        (D(2026, 3, 1), D(2027, 2, 28)),
    ]


def test_art23_r9_calendar_years_alternative() -> None:
    s = reporting_periods(D(2023, 12, 15), reading=ReportingReading.CALENDAR_YEARS)
    assert [(p.start, p.end) for p in s.periods] == [
        (D(2024, 1, 1), D(2024, 12, 31)),
        (D(2025, 1, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 12, 31)),
    ]


@given(st.dates(min_value=D(2023, 4, 27), max_value=D(2028, 7, 31)))
def test_art23_rolling_periods_are_contiguous_and_match_the_bar(awarded_on: dt.date) -> None:
    s = reporting_periods(awarded_on)
    assert s.periods[0].start == awarded_on + dt.timedelta(days=1)
    for a, b in zip(s.periods, s.periods[1:], strict=False):
        assert b.start == a.end + dt.timedelta(days=1)
    assert s.periods[-1].end == reapplication_bar(awarded_on).end  # both: 3 years by R7


@given(
    st.dates(min_value=D(2023, 4, 27), max_value=D(2028, 7, 31)),
    st.dates(min_value=D(2023, 1, 1), max_value=D(2033, 12, 31)),
)
def test_windows_agree_with_periods_in_bar(event: dt.date, day: dt.date) -> None:
    w = reapplication_bar(event)
    assert w.contains(day) is in_bar(event, day, years=3)


@pytest.mark.parametrize("function", [reapplication_bar, revocation_bar, retention_period])
def test_art28_event_dates_outside_validity(function: object) -> None:
    with pytest.raises(OutsideValidityError):
        function(D(2022, 1, 1))  # type: ignore[operator]
    w = function(D(2022, 1, 1), allow_outside_validity=True)  # type: ignore[operator]
    assert w.validity.applied_outside_validity
    with pytest.raises(OutsideValidityError):
        reporting_periods(D(2028, 8, 1))


@pytest.mark.parametrize(
    "call",
    [
        lambda: reapplication_bar("2024-01-01"),  # type: ignore[arg-type]
        lambda: reapplication_bar(D(2024, 1, 1), reading="civil-code"),  # type: ignore[arg-type]
        lambda: reporting_periods(D(2024, 1, 1), reading="rolling-years"),  # type: ignore[arg-type]
        lambda: revocation_bar(D(2024, 1, 1), scheme=None),  # type: ignore[arg-type]
        lambda: reapplication_bar(D(2024, 1, 1)).contains("2024-01-01"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_raise_the_library_error(call: object) -> None:
    with pytest.raises(InvalidInputError):
        call()  # type: ignore[operator]


def test_json_round_trip_and_faces() -> None:
    w = reapplication_bar(D(2023, 12, 15))
    assert from_json(to_json(w), Window) == w
    s = reporting_periods(D(2023, 12, 15))
    assert from_json(to_json(s), ReportingSchedule) == s
    assert "2026-12-16" in str(w)
    assert len(s.to_records()) == 3
    assert "<table>" in s._repr_html_()
