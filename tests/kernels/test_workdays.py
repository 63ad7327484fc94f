"""The mainland-China working-day calendar, against the State Council notices.

The expected dates below are keyed by hand from the notices themselves (国务院办公厅
关于XXXX年部分节假日安排的通知), not from the package the calendar wraps:

* 2023 — 国办发明电〔2022〕16号 (2022-12-08)
* 2024 — 国办发明电〔2023〕7号 (2023-10-25)
* 2025 — 国办发明电〔2024〕12号 (2024-11-12)
* 2026 — the 2026 notice of 2025-11-04
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.errors import (
    BaoshanQualityError,
    InvalidInputError,
    TableError,
    UnpublishedCalendarError,
)
from baoshan_quality.serialization import from_json, to_json
from baoshan_quality.workdays import (
    DEFAULT_CALENDAR,
    ChinaWorkdayCalendar,
    DayKind,
    PublishedYear,
    WorkdayCalendar,
    holiday_notice,
    nth_workday,
    workdays_between,
)
from tests.anything import anything

D = dt.date


def span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# Holiday periods (放假调休) and make-up workdays (上班), as each notice prints them.
NOTICES: dict[int, tuple[list[dt.date], list[dt.date]]] = {
    2023: (
        span(D(2022, 12, 31), D(2023, 1, 2))  # 元旦
        + span(D(2023, 1, 21), D(2023, 1, 27))  # 春节
        + span(D(2023, 4, 5), D(2023, 4, 5))  # 清明节
        + span(D(2023, 4, 29), D(2023, 5, 3))  # 劳动节
        + span(D(2023, 6, 22), D(2023, 6, 24))  # 端午节
        + span(D(2023, 9, 29), D(2023, 10, 6)),  # 中秋节、国庆节
        [
            D(2023, 1, 28), D(2023, 1, 29), D(2023, 4, 23), D(2023, 5, 6),
            D(2023, 6, 25), D(2023, 10, 7), D(2023, 10, 8),
        ],
    ),
    2024: (
        span(D(2023, 12, 30), D(2024, 1, 1))  # 元旦: 1月1日放假，与周末连休
        + span(D(2024, 2, 10), D(2024, 2, 17))  # 春节
        + span(D(2024, 4, 4), D(2024, 4, 6))  # 清明节
        + span(D(2024, 5, 1), D(2024, 5, 5))  # 劳动节
        + span(D(2024, 6, 8), D(2024, 6, 10))  # 端午节: 6月10日放假，与周末连休
        + span(D(2024, 9, 15), D(2024, 9, 17))  # 中秋节
        + span(D(2024, 10, 1), D(2024, 10, 7)),  # 国庆节
        [
            D(2024, 2, 4), D(2024, 2, 18), D(2024, 4, 7), D(2024, 4, 28),
            D(2024, 5, 11), D(2024, 9, 14), D(2024, 9, 29), D(2024, 10, 12),
        ],
    ),
    2025: (
        span(D(2025, 1, 1), D(2025, 1, 1))  # 元旦: 放假1天，不调休
        + span(D(2025, 1, 28), D(2025, 2, 4))  # 春节
        + span(D(2025, 4, 4), D(2025, 4, 6))  # 清明节
        + span(D(2025, 5, 1), D(2025, 5, 5))  # 劳动节
        + span(D(2025, 5, 31), D(2025, 6, 2))  # 端午节
        + span(D(2025, 10, 1), D(2025, 10, 8)),  # 国庆节、中秋节
        [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)],
    ),
    2026: (
        span(D(2026, 1, 1), D(2026, 1, 3))  # 元旦
        + span(D(2026, 2, 15), D(2026, 2, 23))  # 春节
        + span(D(2026, 4, 4), D(2026, 4, 6))  # 清明节
        + span(D(2026, 5, 1), D(2026, 5, 5))  # 劳动节
        + span(D(2026, 6, 19), D(2026, 6, 21))  # 端午节
        + span(D(2026, 9, 25), D(2026, 9, 27))  # 中秋节
        + span(D(2026, 10, 1), D(2026, 10, 7)),  # 国庆节
        [
            D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9),
            D(2026, 9, 20), D(2026, 10, 10),
        ],
    ),
}  # fmt: skip

HOLIDAYS = [(y, d) for y, (hs, _) in NOTICES.items() for d in hs]
MAKEUPS = [(y, d) for y, (_, ws) in NOTICES.items() for d in ws]


def expected_workday(day: dt.date) -> bool:
    holidays, workdays = NOTICES.get(day.year, ([], []))
    nxt = NOTICES.get(day.year + 1, ([], []))
    if day in workdays or day in nxt[1]:
        return True
    if day in holidays or day in nxt[0]:
        return False
    return day.weekday() < 5


@pytest.mark.parametrize(("year", "day"), MAKEUPS, ids=lambda v: str(v))
def test_notice_makeup_workday_is_worked(year: int, day: dt.date) -> None:
    assert day.weekday() >= 5, "a make-up workday of a notice is a Saturday or Sunday"
    assert DEFAULT_CALENDAR.is_workday(day) is True
    assert DEFAULT_CALENDAR.day_kind(day) is DayKind.MAKEUP_WORKDAY


@pytest.mark.parametrize(("year", "day"), HOLIDAYS, ids=lambda v: str(v))
def test_notice_holiday_is_off(year: int, day: dt.date) -> None:
    assert DEFAULT_CALENDAR.is_workday(day) is False
    if day.weekday() < 5:
        assert DEFAULT_CALENDAR.day_kind(day) is DayKind.HOLIDAY
    else:
        assert DEFAULT_CALENDAR.day_kind(day) in (DayKind.HOLIDAY, DayKind.WEEKEND)


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_every_day_of_the_published_year_matches_its_notice(year: int) -> None:
    wrong = [
        d
        for d in span(D(year, 1, 1), D(year, 12, 31))
        if DEFAULT_CALENDAR.is_workday(d) != expected_workday(d)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        (D(2022, 12, 30), True),  # the Friday before the 2023 New Year
        (D(2023, 1, 3), True),  # first working day of 2023
        (D(2023, 12, 29), True),  # last working day of 2023
        (D(2023, 12, 31), False),  # in the 2024 notice's New Year period
        (D(2024, 1, 2), True),
        (D(2024, 2, 9), True),  # 除夕 2024: only "encouraged" as a day off, not a holiday
        (D(2024, 12, 31), True),
        (D(2025, 1, 1), False),
        (D(2025, 1, 2), True),
        (D(2025, 12, 31), True),
        (D(2026, 1, 1), False),
        (D(2026, 1, 4), True),  # Sunday worked
        (D(2026, 12, 31), True),  # the last day with published data
    ],
)
def test_year_boundaries(day: dt.date, workday: bool) -> None:
    assert DEFAULT_CALENDAR.is_workday(day) is workday


@pytest.mark.parametrize("day", [D(2027, 1, 1), D(2027, 6, 1), D(2030, 1, 2), D(2003, 12, 31)])
def test_r12_unpublished_year_is_refused(day: dt.date) -> None:
    with pytest.raises(UnpublishedCalendarError, match=str(day.year)) as info:
        DEFAULT_CALENDAR.is_workday(day)
    assert "R12" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_r12_count_running_into_2027_is_refused() -> None:
    # 2026-12-31 (Thu) is the last published working day; a 2nd one needs 2027.
    assert nth_workday(D(2026, 12, 31), 1) == D(2026, 12, 31)
    with pytest.raises(UnpublishedCalendarError, match="2027"):
        nth_workday(D(2026, 12, 31), 2)


def test_calendar_says_where_its_data_ends() -> None:
    assert DEFAULT_CALENDAR.first_year == 2004
    assert DEFAULT_CALENDAR.last_year == 2026
    assert DEFAULT_CALENDAR.covers(2026)
    assert not DEFAULT_CALENDAR.covers(2027)


def test_sources_cite_the_notices() -> None:
    assert str(holiday_notice(2025)) == "Holiday notice 国办发明电〔2024〕12号"
    assert holiday_notice(2023).clause == "国办发明电〔2022〕16号"
    assert holiday_notice(2024).clause == "国办发明电〔2023〕7号"
    assert "2026" in holiday_notice(2026).clause


# A 2027 schedule a caller adds as data once its notice appears (dates invented for the test).
Y2027 = PublishedYear.of(
    2027,
    "国务院办公厅关于2027年部分节假日安排的通知",
    holidays=[(D(2027, 1, 1), D(2027, 1, 3)), (D(2027, 2, 5), D(2027, 2, 12))],
    workdays=[D(2027, 2, 20)],
)


def test_caller_adds_a_newly_published_year() -> None:
    cal = DEFAULT_CALENDAR.with_year(Y2027)
    assert cal.is_workday(D(2027, 1, 1)) is False  # Friday, holiday
    assert cal.is_workday(D(2027, 1, 4)) is True  # ordinary Monday
    assert cal.is_workday(D(2027, 2, 20)) is True  # Saturday worked
    assert cal.day_kind(D(2027, 2, 21)) is DayKind.WEEKEND
    assert cal.last_year == 2027
    assert cal.source(2027).clause == Y2027.notice
    assert nth_workday(D(2026, 12, 31), 2, calendar=cal) == D(2027, 1, 4)
    with pytest.raises(UnpublishedCalendarError):
        cal.is_workday(D(2028, 1, 3))


def test_added_year_replaces_the_package_year() -> None:
    changed = PublishedYear.of(2025, "a corrected notice", holidays=[D(2025, 3, 3)])
    cal = ChinaWorkdayCalendar((changed,))
    assert cal.is_workday(D(2025, 3, 3)) is False
    assert cal.is_workday(D(2025, 10, 8)) is True  # the replaced year has no National Day now
    assert cal.with_year(Y2027).with_year(Y2027).published == (changed, Y2027)


def test_whole_calendar_of_the_callers_own() -> None:
    cal = ChinaWorkdayCalendar((Y2027,), use_package=False)
    assert cal.is_workday(D(2027, 1, 5)) is True
    with pytest.raises(UnpublishedCalendarError, match="2027–2027"):
        cal.is_workday(D(2025, 1, 2))
    empty = ChinaWorkdayCalendar(use_package=False)
    assert empty.last_year is None
    with pytest.raises(UnpublishedCalendarError, match="no year"):
        empty.is_workday(D(2025, 1, 2))


class EveryWeekday:
    """A calendar of the caller's own: Monday to Friday, nothing else."""

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() < 5


def test_any_object_with_is_workday_is_a_calendar() -> None:
    cal = EveryWeekday()
    assert isinstance(cal, WorkdayCalendar)
    assert nth_workday(D(2030, 1, 4), 2, calendar=cal) == D(2030, 1, 7)


class Broken:
    def __init__(self, answer: object) -> None:
        self.answer = answer

    def is_workday(self, day: dt.date) -> object:
        if isinstance(self.answer, BaseException):
            raise self.answer
        return self.answer


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (NotImplementedError("no data for 2031"), UnpublishedCalendarError),
        (KeyError("x"), InvalidInputError),
        (TypeError("x"), InvalidInputError),
        (1, InvalidInputError),
        ("yes", InvalidInputError),
        (False, InvalidInputError),  # never a working day: refused, not an endless loop
    ],
)
def test_a_callers_calendar_that_misbehaves_fails_clearly(answer: object, error: type) -> None:
    with pytest.raises(error):
        nth_workday(D(2031, 1, 1), 1, calendar=Broken(answer))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": "2025-01-01", "n": 1}, "start"),
        ({"start": dt.datetime(2025, 1, 1), "n": 1}, "start"),
        ({"start": D(2025, 1, 1), "n": 0}, "n"),
        ({"start": D(2025, 1, 1), "n": True}, "n"),
        ({"start": D(2025, 1, 1), "n": 10_001}, "n"),
        ({"start": D(2025, 1, 1), "n": 1, "count_start": 1}, "count_start"),
        ({"start": D(2025, 1, 1), "n": 1, "calendar": object()}, "calendar"),
    ],
)
def test_nth_workday_refuses_bad_input(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        nth_workday(**kwargs)  # type: ignore[arg-type]


def test_workdays_between_lists_the_days_in_order() -> None:
    # National Day 2025: Fri 9-26 .. Thu 10-9, with Sunday 9-28 worked.
    assert workdays_between(D(2025, 9, 26), D(2025, 10, 9)) == (
        D(2025, 9, 26), D(2025, 9, 28), D(2025, 9, 29), D(2025, 9, 30), D(2025, 10, 9),
    )  # fmt: skip
    with pytest.raises(InvalidInputError, match="end"):
        workdays_between(D(2025, 10, 9), D(2025, 9, 26))


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"workdays": [D(2027, 1, 4)]}, TableError),  # a Monday is not a make-up workday
        ({"holidays": [D(2028, 1, 1)]}, TableError),  # outside the year
        ({"holidays": [D(2026, 11, 30)]}, TableError),  # before the preceding December
        ({"holidays": [D(2027, 1, 1), D(2027, 1, 1)]}, TableError),
        ({"holidays": [D(2027, 1, 9)], "workdays": [D(2027, 1, 9)]}, TableError),
        ({"holidays": ["2027-01-01"]}, InvalidInputError),
        ({"holidays": [dt.datetime(2027, 1, 1)]}, InvalidInputError),
    ],
)
def test_published_year_refuses_inconsistent_data(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        PublishedYear(2027, "通知", **kwargs)  # type: ignore[arg-type]


def test_published_year_may_open_in_the_preceding_december() -> None:
    y = PublishedYear(2024, "国办发明电〔2023〕7号", holidays=[D(2023, 12, 30)])
    assert y.holidays == (D(2023, 12, 30),)


def test_calendar_refuses_a_year_twice() -> None:
    with pytest.raises(TableError, match="twice"):
        ChinaWorkdayCalendar((Y2027, Y2027))
    with pytest.raises(InvalidInputError):
        ChinaWorkdayCalendar(use_package="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        DEFAULT_CALENDAR.with_year("2027")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [Y2027, ChinaWorkdayCalendar((Y2027,)), ChinaWorkdayCalendar((), use_package=False)],
)
def test_json_round_trip(value: object) -> None:
    assert from_json(to_json(value), type(value)) == value


dates = st.dates(min_value=D(2023, 1, 1), max_value=D(2026, 9, 30))


@given(dates, st.integers(1, 40), st.integers(1, 40))
def test_nth_workday_is_monotone_in_n(start: dt.date, a: int, b: int) -> None:
    low, high = sorted((a, b))
    first, second = nth_workday(start, low), nth_workday(start, high)
    assert (first < second) if low < high else (first == second)


@given(dates, st.integers(1, 30), st.booleans())
def test_nth_workday_counts_exactly_n_working_days(start: dt.date, n: int, first: bool) -> None:
    day = nth_workday(start, n, count_start=first)
    assert DEFAULT_CALENDAR.is_workday(day)
    begin = start if first else start + dt.timedelta(days=1)
    assert len(workdays_between(begin, day)) == n
    assert all(expected_workday(d) for d in workdays_between(begin, day))


ANYTHING = anything(dates=st.dates(D(2003, 1, 1), D(2029, 1, 1)), list_items=st.dates())


@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_any_input_raises_only_library_errors(a: object, b: object, c: object, d: object) -> None:
    calls = [
        lambda: nth_workday(a, b, calendar=c, count_start=d),  # type: ignore[arg-type]
        lambda: workdays_between(a, b, calendar=c),  # type: ignore[arg-type]
        lambda: holiday_notice(a),  # type: ignore[arg-type]
        lambda: PublishedYear(a, b, c, d),  # type: ignore[arg-type]
        lambda: PublishedYear.of(2027, "通知", holidays=a, workdays=b),  # type: ignore[arg-type]
        lambda: ChinaWorkdayCalendar(a, b),  # type: ignore[arg-type]
        lambda: DEFAULT_CALENDAR.day_kind(a),  # type: ignore[arg-type]
        lambda: DEFAULT_CALENDAR.covers(a),  # type: ignore[arg-type]
        lambda: DEFAULT_CALENDAR.source(a),  # type: ignore[arg-type]
        lambda: DEFAULT_CALENDAR.with_year(a),  # type: ignore[arg-type]
    ]
    for call in calls:
        with contextlib.suppress(BaoshanQualityError):
            call()
