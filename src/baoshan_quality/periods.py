"""Periods counted in years or months (reading R7), on :mod:`dateutil.relativedelta`.

**Default reading — the Civil Code** (Art. 201: the start day is not counted;
Art. 202: the period ends on the corresponding day of the last year or month,
or on that month's last day where there is none).  A period of 3 years from an
event on 2023-12-15 ends on 2026-12-15; from 2024-02-29 it ends on 2027-02-28.

* A **bar** of *N* years from an event covers the event day through the
  period's last day; the first free day is the day after.
* A **look-back** ("近三年", "within the last N years") from a date covers the
  events whose *N*-year period has not yet run out on that date.  It is defined
  from the bar, so the two always agree: an event lies in the look-back from a
  date exactly when that date is still inside the event's bar.

**Alternative reading — calendar years**: the look-back covers the *N* calendar
years before the date's year plus that year; the bar lasts to the end of the
*N*-th calendar year after the event's year.

>>> import datetime as dt
>>> period_end(dt.date(2023, 12, 15), years=3)
datetime.date(2026, 12, 15)
>>> period_end(dt.date(2024, 2, 29), years=3)
datetime.date(2027, 2, 28)
>>> first_day_after(dt.date(2023, 12, 15), years=3)
datetime.date(2026, 12, 16)
>>> lookback_start(dt.date(2025, 5, 10), years=3)
datetime.date(2022, 5, 10)
>>> lookback_start(dt.date(2025, 5, 10), years=3, reading=PeriodReading.CALENDAR_YEARS)
datetime.date(2022, 1, 1)
"""

from __future__ import annotations

import datetime
import enum

from dateutil.relativedelta import relativedelta

from baoshan_quality.citations import Citation, civil_code
from baoshan_quality.errors import InvalidInputError

# The period helpers (``period_end``, ``lookback_start`` …) are the award modules'
# building blocks, not entry points: the public API is the reading and its clauses.
__all__ = ["PERIOD_CITATION", "PeriodReading"]

#: The clauses behind the default reading.
PERIOD_CITATION: Citation = civil_code("Art. 201-202")

_ONE_DAY = datetime.timedelta(days=1)


class PeriodReading(enum.Enum):
    """How "N years" is counted (reading R7)."""

    #: Default: Civil Code Art. 201-202 (start day not counted, corresponding day).
    CIVIL_CODE = "civil-code"
    #: Alternative: whole calendar years.
    CALENDAR_YEARS = "calendar-years"


def _check(value: object, name: str) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInputError.about(name, value, "expected a datetime.date", PERIOD_CITATION)
    return value


def _check_count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInputError.about(
            name, value, "expected a whole number of years or months, 0 or more", PERIOD_CITATION
        )
    return value


def _shift(day: datetime.date, years: int, months: int) -> datetime.date:
    try:
        return day + relativedelta(years=years, months=months)
    except (ValueError, OverflowError):
        raise InvalidInputError.about(
            "date",
            day,
            f"a period of {years} years {months} months leaves the calendar",
            PERIOD_CITATION,
        ) from None


def period_end(
    start: datetime.date,
    *,
    years: int = 0,
    months: int = 0,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
) -> datetime.date:
    """The last day of a period of ``years``/``months`` counted from ``start``.

    Civil Code: the start day is not counted, so the period ends on the
    corresponding day (``relativedelta`` clamps Feb 29 to Feb 28, the month's
    last day, as Art. 202 requires).  Calendar years: Dec 31 of the
    ``years``-th year after ``start``'s year (months are refused there).
    """
    _check(start, "start")
    _check_count(years, "years")
    _check_count(months, "months")
    if reading is PeriodReading.CALENDAR_YEARS:
        if months:
            raise InvalidInputError.about(
                "months",
                months,
                "the calendar-year reading counts whole years only",
                PERIOD_CITATION,
            )
        if start.year + years > datetime.MAXYEAR:
            raise InvalidInputError.about(
                "start", start, "the period leaves the calendar", PERIOD_CITATION
            )
        return datetime.date(start.year + years, 12, 31)
    if not isinstance(reading, PeriodReading):
        raise InvalidInputError.about(
            "reading", reading, "expected a PeriodReading", PERIOD_CITATION
        )
    return _shift(start, years, months)


def first_day_after(
    start: datetime.date,
    *,
    years: int = 0,
    months: int = 0,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
) -> datetime.date:
    """The first day after the period counted from ``start`` (a bar's first free day)."""
    end = period_end(start, years=years, months=months, reading=reading)
    if end == datetime.date.max:
        raise InvalidInputError.about(
            "start", start, "the period leaves the calendar", PERIOD_CITATION
        )
    return end + _ONE_DAY


def in_bar(
    event: datetime.date,
    on: datetime.date,
    *,
    years: int,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
) -> bool:
    """Whether ``on`` falls in the bar of ``years`` from ``event`` (event day included)."""
    _check(on, "on")
    return event <= on <= period_end(event, years=years, reading=reading)


def lookback_start(
    on: datetime.date,
    *,
    years: int,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
) -> datetime.date:
    """The earliest day of a look-back of ``years`` from ``on`` (inclusive).

    Defined as the earliest event day whose ``years``-period still covers ``on``,
    so that :func:`in_lookback` and :func:`in_bar` agree for every pair of dates.
    It is ``on`` less ``years``, except that from a Feb 29 into a year without
    one the look-back starts on Mar 1 (an event on Feb 28 has run out by then).

    >>> import datetime as dt
    >>> lookback_start(dt.date(2024, 2, 29), years=3)
    datetime.date(2021, 3, 1)
    """
    _check(on, "on")
    _check_count(years, "years")
    if reading is PeriodReading.CALENDAR_YEARS:
        if on.year - years < datetime.MINYEAR:
            raise InvalidInputError.about(
                "on", on, "the look-back leaves the calendar", PERIOD_CITATION
            )
        return datetime.date(on.year - years, 1, 1)
    if not isinstance(reading, PeriodReading):
        raise InvalidInputError.about(
            "reading", reading, "expected a PeriodReading", PERIOD_CITATION
        )
    candidate = _shift(on, -years, 0)
    if period_end(candidate, years=years) < on:
        candidate += _ONE_DAY
    return candidate


def in_lookback(
    event: datetime.date,
    on: datetime.date,
    *,
    years: int,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
) -> bool:
    """Whether ``event`` lies within the last ``years`` as seen from ``on``.

    Events after ``on`` are not in it (they had not happened on that day).
    """
    _check(event, "event")
    return lookback_start(on, years=years, reading=reading) <= event <= on
