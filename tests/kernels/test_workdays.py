"""The mainland-China working-day calendar (reading R12), against the State Council notices.

The expected dates are keyed by hand from the notices themselves (国务院办公厅关于XXXX年
部分节假日安排的通知), not from the package the calendar wraps:

* 2023 — 国办发明电〔2022〕16号 (2022-12-08)
* 2024 — 国办发明电〔2023〕7号 (2023-10-25)
* 2025 — 国办发明电〔2024〕12号 (2024-11-12): National Day and Mid-Autumn 10月1日至8日
  (the weekend of 4–5 October inside it), Sunday 28 September and Saturday 11 October
  worked
* 2026 — the 2026 notice of 2025-11-04

Weekdays of other calendars are counted by hand (2027-01-01 is a Friday; 2031-01-01 a
Wednesday).  Reading R12: a year with no known schedule is refused, never guessed.
Errors follow ``field: problem, got value (clause)``.  None of the expectations is
copied from a run.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import workdays as workdays_module
from baoshan_quality.citations import Citation, Document
from baoshan_quality.errors import (
    BaoshanQualityError,
    InvalidInputError,
    TableError,
    UnpublishedCalendarError,
)
from baoshan_quality.serialization import from_json, to_json
from baoshan_quality.workdays import (
    DEFAULT_CALENDAR,
    MAX_COUNT,
    ChinaWorkdayCalendar,
    DayKind,
    PublishedYear,
    WorkdayCalendar,
    check_calendar_answer,
    holiday_notice,
    nth_workday,
    workdays_between,
)
from tests.anything import anything

D = dt.date
NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知"


def span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _notice(clause: str) -> Citation:
    return Citation(Document.HOLIDAY_NOTICE, clause)


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


# A 2027 schedule a caller adds (dates invented for the test): New Year Fri 1 – Sun 3
# January, and Saturday 9 January worked.
NEW_YEAR_2027 = PublishedYear.of(
    2027, NOTICE_2027, holidays=[(D(2027, 1, 1), D(2027, 1, 3))], workdays=[D(2027, 1, 9)]
)


# A 2027 schedule a caller adds as data once its notice appears (dates invented for the test).
Y2027 = PublishedYear.of(
    2027,
    "国务院办公厅关于2027年部分节假日安排的通知",
    holidays=[(D(2027, 1, 1), D(2027, 1, 3)), (D(2027, 2, 5), D(2027, 2, 12))],
    workdays=[D(2027, 2, 20)],
)


class EveryDay:
    """A caller's calendar on which every day is worked."""

    def is_workday(self, day: dt.date) -> bool:
        return True


class Every41st:
    """Worked only every 41st day from 2031-01-01: gaps of 40 days off."""

    def is_workday(self, day: dt.date) -> bool:
        return (day - D(2031, 1, 1)).days % 41 == 0


class OffUntil:
    """Days off until ``first`` (excluded), worked from it on."""

    def __init__(self, first: dt.date) -> None:
        self.first = first

    def is_workday(self, day: dt.date) -> bool:
        return day >= self.first

    def __repr__(self) -> str:
        return "OffUntil"


class Odd:
    """A caller's calendar that raises or answers ``answer``."""

    def __init__(self, answer: object) -> None:
        self.answer = answer

    def is_workday(self, day: dt.date) -> object:
        if isinstance(self.answer, BaseException):
            raise self.answer
        return self.answer

    def __repr__(self) -> str:
        return "Odd"


# --- the published years, day by day, against their notices ------------------------------


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


@pytest.mark.parametrize(
    ("kind", "zh", "worked"),
    [
        (DayKind.WORKDAY, "工作日", True),
        (DayKind.MAKEUP_WORKDAY, "调休上班日", True),
        (DayKind.HOLIDAY, "节假日", False),
        (DayKind.WEEKEND, "休息日", False),
    ],
)
def test_day_kind_terms(kind: DayKind, zh: str, worked: bool) -> None:
    assert (kind.zh, kind.is_workday) == (zh, worked)


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (D(2025, 9, 28), DayKind.MAKEUP_WORKDAY),  # Sunday worked (上班)
        (D(2025, 10, 11), DayKind.MAKEUP_WORKDAY),  # Saturday worked
        (D(2025, 10, 1), DayKind.HOLIDAY),  # Wednesday in 10月1日至8日
        (D(2025, 10, 4), DayKind.HOLIDAY),  # Saturday inside the period
        (D(2025, 10, 5), DayKind.HOLIDAY),  # Sunday inside the period
        (D(2025, 10, 10), DayKind.WORKDAY),  # Friday
        (D(2025, 10, 12), DayKind.WEEKEND),  # ordinary Sunday
        (D(2025, 10, 18), DayKind.WEEKEND),  # ordinary Saturday
    ],
)
def test_day_kinds_of_the_2025_notice(day: dt.date, kind: DayKind) -> None:
    assert DEFAULT_CALENDAR.day_kind(day) is kind
    assert DEFAULT_CALENDAR.is_workday(day) is kind.is_workday


def test_day_kind_names_its_day_argument() -> None:
    with pytest.raises(InvalidInputError) as info:
        DEFAULT_CALENDAR.day_kind("2025-10-01")  # type: ignore[arg-type]
    assert str(info.value) == "day: expected a datetime.date, got '2025-10-01'"


# --- the notices behind the years (citations) --------------------------------------------


def test_sources_cite_the_notices() -> None:
    assert str(holiday_notice(2025)) == "Holiday notice 国办发明电〔2024〕12号"
    assert holiday_notice(2023).clause == "国办发明电〔2022〕16号"
    assert holiday_notice(2024).clause == "国办发明电〔2023〕7号"
    assert "2026" in holiday_notice(2026).clause


def test_a_package_year_outside_the_table_is_cited_by_its_title() -> None:
    assert holiday_notice(2004) == _notice("国务院办公厅关于2004年部分节假日安排的通知")
    assert holiday_notice(2022) == _notice("国务院办公厅关于2022年部分节假日安排的通知")
    assert holiday_notice(2023) == _notice("国办发明电〔2022〕16号")


def test_an_unknown_year_is_refused_citing_the_years_notice() -> None:
    with pytest.raises(UnpublishedCalendarError) as info:
        holiday_notice(2027)
    err = info.value
    assert (err.field, err.value, err.citation) == ("year", 2027, _notice("2027年"))
    assert str(err) == (
        "year: no holiday notice for this year is known to the library (R12); cite the "
        "notice you add with PublishedYear, got 2027 (Holiday notice 2027年)"
    )


@pytest.mark.parametrize("year", [True, "2025", 2025.0])
def test_a_year_must_be_an_int(year: object) -> None:
    for call in (holiday_notice, DEFAULT_CALENDAR.covers, DEFAULT_CALENDAR.source):
        with pytest.raises(InvalidInputError) as info:
            call(year)  # type: ignore[operator]
        assert str(info.value) == f"year: expected a whole number (int), got {year!r}"


@pytest.mark.parametrize("year", [2003, 2027, 2099])
def test_no_notice_is_invented_for_an_unknown_year(year: int) -> None:
    with pytest.raises(UnpublishedCalendarError):
        holiday_notice(year)
    with pytest.raises(UnpublishedCalendarError):
        ChinaWorkdayCalendar().source(year)


def test_known_years_cite_their_notice() -> None:
    assert holiday_notice(2025).clause == "国办发明电〔2024〕12号"
    assert "2004年" in holiday_notice(2004).clause


@pytest.mark.parametrize("year", [2**31, -(2**31), 0, 10_000])
def test_years_outside_the_calendar_are_refused_not_leaked(year: int) -> None:
    with pytest.raises(UnpublishedCalendarError):
        holiday_notice(year)


def test_an_unknown_year_cites_its_notice_by_year_and_a_year_past_9999_none() -> None:
    """R12: the refusal cites the notice of the year asked (years 1-9999 are calendar
    years); a year past 9999 is no calendar's — even one of 5,001 digits, past Python's
    limit on printing an int (issue 15) — and cites none ("—")."""
    for year, clause in [(1, "1年"), (9999, "9999年"), (10_000, "—"), (10**5000, "—")]:
        with pytest.raises(UnpublishedCalendarError) as info:
            holiday_notice(year)
        assert info.value.citation is not None and info.value.citation.clause == clause


# --- R12: a year not published is refused, never guessed ---------------------------------


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


def test_a_package_failure_is_an_unpublished_year(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(day: dt.date) -> object:
        raise NotImplementedError("no data")

    monkeypatch.setattr(workdays_module.chinese_calendar, "get_holiday_detail", boom)
    with pytest.raises(UnpublishedCalendarError) as info:
        DEFAULT_CALENDAR.day_kind(D(2025, 6, 3))
    err = info.value
    assert (err.field, err.value, err.citation) == ("day", D(2025, 6, 3), _notice("2025年"))
    assert str(err) == (
        "day: chinesecalendar does not know this date (no data), got "
        "datetime.date(2025, 6, 3) (date) (Holiday notice 2025年)"
    )


@pytest.mark.parametrize(
    "exc", [LookupError("x"), TypeError("x"), ValueError("x"), AttributeError("x")]
)
def test_every_package_failure_is_caught(monkeypatch: pytest.MonkeyPatch, exc: Exception) -> None:
    def boom(day: dt.date) -> object:
        raise exc

    monkeypatch.setattr(workdays_module.chinese_calendar, "get_holiday_detail", boom)
    with pytest.raises(UnpublishedCalendarError, match="chinesecalendar does not know"):
        DEFAULT_CALENDAR.day_kind(D(2025, 6, 3))


@pytest.mark.parametrize("year", [1989, 2101, 10_000, 0, 2**40])
def test_the_package_does_not_know_years_far_off(year: int) -> None:
    assert workdays_module._package_knows(year) is False


def test_the_package_years_are_probed() -> None:
    workdays_module._package_years.cache_clear()
    try:
        assert workdays_module._package_years() == (2004, 2026)
    finally:
        workdays_module._package_years.cache_clear()


def test_an_empty_calendar_covers_no_year() -> None:
    with pytest.raises(UnpublishedCalendarError) as info:
        ChinaWorkdayCalendar(use_package=False).day_kind(D(2025, 1, 2))
    assert str(info.value) == (
        "day: no official holiday schedule is known for 2025 (this calendar covers no "
        "year); add the State Council's notice for 2025 (国务院办公厅关于2025年部分节假日安排的"
        "通知) as PublishedYear data with ChinaWorkdayCalendar().with_year(...), or pass a "
        "calendar of your own (R12), got datetime.date(2025, 1, 2) (date) (Holiday notice "
        "2025年)"
    )


# --- a year given as data (PublishedYear), and calendars of the caller's own data -------


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
    with pytest.raises(UnpublishedCalendarError, match=r"this calendar covers 2027\)"):
        cal.is_workday(D(2025, 1, 2))
    empty = ChinaWorkdayCalendar(use_package=False)
    assert empty.last_year is None
    with pytest.raises(UnpublishedCalendarError, match="no year"):
        empty.is_workday(D(2025, 1, 2))


def test_day_kinds_of_a_year_given_as_data() -> None:
    cal = ChinaWorkdayCalendar((NEW_YEAR_2027,), use_package=False)
    assert cal.day_kind(D(2027, 1, 1)) is DayKind.HOLIDAY  # Friday
    assert cal.day_kind(D(2027, 1, 2)) is DayKind.HOLIDAY  # Saturday in the period
    assert cal.day_kind(D(2027, 1, 9)) is DayKind.MAKEUP_WORKDAY  # Saturday worked
    assert cal.day_kind(D(2027, 1, 10)) is DayKind.WEEKEND  # Sunday
    assert cal.day_kind(D(2027, 1, 16)) is DayKind.WEEKEND  # Saturday
    assert cal.day_kind(D(2027, 1, 8)) is DayKind.WORKDAY  # Friday
    assert (cal.first_year, cal.last_year) == (2027, 2027)
    assert cal.covers(2027) and not cal.covers(2026)
    assert cal.source(2027) == NEW_YEAR_2027.citation == _notice(NOTICE_2027)


def test_a_schedule_opening_in_the_preceding_december() -> None:
    # As the 2024 notice ran New Year 2023-12-30 .. 2024-01-01: here 2026-12-31 .. 2027-01-03.
    y = PublishedYear.of(2027, NOTICE_2027, holidays=[(D(2026, 12, 31), D(2027, 1, 3))])
    cal = ChinaWorkdayCalendar((y,))
    assert cal.day_kind(D(2026, 12, 31)) is DayKind.HOLIDAY  # a Thursday, from the 2027 data
    assert cal.day_kind(D(2026, 12, 30)) is DayKind.WORKDAY  # from the package's 2026
    own = ChinaWorkdayCalendar((y,), use_package=False)
    assert own.day_kind(D(2026, 12, 31)) is DayKind.HOLIDAY
    with pytest.raises(UnpublishedCalendarError):
        own.day_kind(D(2026, 12, 30))


def test_an_unpublished_day_names_the_span_the_calendar_covers() -> None:
    y2028 = PublishedYear(2028, "通知")
    cal = ChinaWorkdayCalendar((y2028, NEW_YEAR_2027), use_package=False)
    assert [y.year for y in cal.published] == [2027, 2028]
    with pytest.raises(UnpublishedCalendarError) as info:
        cal.day_kind(D(2029, 3, 1))
    err = info.value
    assert (err.field, err.value, err.citation) == ("day", D(2029, 3, 1), _notice("2029年"))
    assert str(err) == (
        "day: no official holiday schedule is known for 2029 (this calendar covers "
        "2027–2028); add the State Council's notice for 2029 (国务院办公厅关于2029年部分节假日"
        "安排的通知) as PublishedYear data with ChinaWorkdayCalendar().with_year(...), or pass "
        "a calendar of your own (R12), got datetime.date(2029, 3, 1) (date) (Holiday notice "
        "2029年)"
    )
    assert DEFAULT_CALENDAR.with_year(NEW_YEAR_2027).first_year == 2004


def test_with_year_keeps_the_use_package_choice_and_replaces_the_year() -> None:
    own = ChinaWorkdayCalendar(use_package=False).with_year(NEW_YEAR_2027)
    assert own.use_package is False and own.published == (NEW_YEAR_2027,)
    other = PublishedYear(2027, "更正通知")
    assert own.with_year(other).published == (other,)
    with pytest.raises(InvalidInputError) as info:
        own.with_year("2027")  # type: ignore[arg-type]
    assert str(info.value) == "year: expected a PublishedYear, got '2027'"


def test_a_year_given_twice_is_named() -> None:
    with pytest.raises(TableError) as info:
        ChinaWorkdayCalendar((NEW_YEAR_2027, PublishedYear(2027, "通知")))
    assert str(info.value) == (
        "ChinaWorkdayCalendar.published: a year is given twice, got [2027, 2027] (list)"
    )


def test_published_years_may_come_from_a_generator() -> None:
    cal = ChinaWorkdayCalendar(y for y in (NEW_YEAR_2027,))
    assert cal.published == (NEW_YEAR_2027,)


def test_own_calendar_counts_with_its_own_data() -> None:
    cal = ChinaWorkdayCalendar((NEW_YEAR_2027,), use_package=False)
    # Fri 1 .. Sun 3 off; Mon 4, Tue 5 worked.
    assert cal.nth_workday(D(2027, 1, 1), 1) == D(2027, 1, 4)
    assert cal.nth_workday(D(2027, 1, 4), 2) == D(2027, 1, 5)
    assert cal.nth_workday(D(2027, 1, 4), 1, count_start=False) == D(2027, 1, 5)


def test_a_published_entry_that_is_not_a_year_is_named() -> None:
    with pytest.raises(InvalidInputError, match="published"):
        ChinaWorkdayCalendar((NEW_YEAR_2027, "2028"))  # type: ignore[arg-type]


def test_source_of_a_float_year_is_refused_even_when_published() -> None:
    with pytest.raises(InvalidInputError) as info:
        ChinaWorkdayCalendar((NEW_YEAR_2027,)).source(2027.0)  # type: ignore[arg-type]
    assert str(info.value) == "year: expected a whole number (int), got 2027.0"


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


@pytest.mark.parametrize("bad", [5, "2027-01-01"])
def test_a_schedule_that_is_not_a_list_of_days_is_named_as_given(bad: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        PublishedYear(2027, "通知", holidays=bad)  # type: ignore[arg-type]
    assert str(info.value) == f"PublishedYear.holidays: expected a sequence of date, got {bad!r}"
    with pytest.raises(InvalidInputError) as info:
        ChinaWorkdayCalendar(bad)  # type: ignore[arg-type]
    assert str(info.value) == (
        f"ChinaWorkdayCalendar.published: expected a sequence of PublishedYear, got {bad!r}"
    )


def test_published_days_are_sorted() -> None:
    y = PublishedYear(2027, "通知", holidays=[D(2027, 1, 3), D(2027, 1, 1)], workdays=[D(2027, 1, 16), D(2027, 1, 9)])  # fmt: skip
    assert y.holidays == (D(2027, 1, 1), D(2027, 1, 3))
    assert y.workdays == (D(2027, 1, 9), D(2027, 1, 16))


def test_a_datetime_among_dates_is_named_not_compared() -> None:
    with pytest.raises(InvalidInputError) as info:
        PublishedYear(2027, "通知", holidays=[D(2027, 1, 2), dt.datetime(2027, 1, 1)])
    assert str(info.value) == (
        "PublishedYear.holidays: expected a date, got datetime.datetime(2027, 1, 1, 0, 0) "
        "(datetime)"
    )


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (D(2026, 11, 30), False),
        (D(2026, 12, 1), True),  # the preceding December opens the span
        (D(2027, 12, 31), True),
        (D(2028, 1, 1), False),
    ],
)
def test_a_schedule_covers_the_preceding_december_to_year_end(day: dt.date, ok: bool) -> None:
    if ok:
        assert PublishedYear(2027, "通知", holidays=[day]).holidays == (day,)
        return
    with pytest.raises(TableError) as info:
        PublishedYear(2027, "通知", holidays=[day])
    assert str(info.value) == (
        f"PublishedYear.holidays: a 2027 schedule covers 2026-12-01 to 2027-12-31, got "
        f"{day!r} (date)"
    )


def test_published_year_messages() -> None:
    with pytest.raises(TableError) as info:
        PublishedYear(2027, "通知", workdays=[D(2027, 1, 9), D(2027, 1, 9)])
    assert str(info.value) == (
        "PublishedYear.workdays: a date is listed twice, got (datetime.date(2027, 1, 9), "
        "datetime.date(2027, 1, 9)) (tuple)"
    )
    with pytest.raises(TableError) as info:
        PublishedYear(2027, "通知", holidays=[D(2027, 1, 16), D(2027, 1, 9)], workdays=[D(2027, 1, 16), D(2027, 1, 9)])  # fmt: skip
    assert str(info.value) == (
        "PublishedYear: a date cannot be both a holiday and a workday, got "
        "datetime.date(2027, 1, 9) (date)"
    )
    with pytest.raises(TableError) as info:
        PublishedYear(2027, "通知", workdays=[D(2027, 1, 8)])  # a Friday
    assert str(info.value) == (
        "PublishedYear.workdays: only a Saturday or Sunday can be a make-up workday (a "
        "weekday is one already), got datetime.date(2027, 1, 8) (date)"
    )
    # Saturday 9 and Sunday 10 January may be worked.
    assert PublishedYear(2027, "通知", workdays=[D(2027, 1, 10), D(2027, 1, 9)]).workdays == (
        D(2027, 1, 9),
        D(2027, 1, 10),
    )


@pytest.mark.parametrize(
    ("holidays", "days"),
    [
        ([(D(2027, 1, 1), D(2027, 1, 1))], 1),
        ([(D(2027, 1, 1), D(2027, 2, 1)), D(2027, 3, 1)], 33),  # 31 days apart: 32 days
    ],
)
def test_of_expands_ranges(holidays: list[object], days: int) -> None:
    y = PublishedYear.of(2027, "通知", holidays=holidays)  # type: ignore[arg-type]
    assert len(y.holidays) == days
    assert y.holidays[0] == D(2027, 1, 1)
    assert y.holidays[-1] in (D(2027, 1, 1), D(2027, 3, 1))
    if days == 33:
        assert y.holidays[31] == D(2027, 2, 1)


@pytest.mark.parametrize(
    ("holidays", "message"),
    [
        (
            [(D(2027, 1, 1), D(2027, 2, 2))],  # 32 days apart
            "holidays[0]: expected (first, last) with 0-31 days between, got "
            "(datetime.date(2027, 1, 1), datetime.date(2027, 2, 2)) (tuple)",
        ),
        (
            [D(2027, 1, 9), (D(2027, 1, 3), D(2027, 1, 1))],
            "holidays[1]: expected (first, last) with 0-31 days between, got "
            "(datetime.date(2027, 1, 3), datetime.date(2027, 1, 1)) (tuple)",
        ),
        (
            [D(2027, 1, 9), ("2027-01-01", D(2027, 1, 2))],
            "holidays[1][0]: expected a datetime.date, got '2027-01-01'",
        ),
        (
            [(D(2027, 1, 1), "2027-01-02")],
            "holidays[0][1]: expected a datetime.date, got '2027-01-02'",
        ),
        (
            # Only a pair is a range; a 1-tuple is a (bad) single day.
            [D(2027, 1, 9), (D(2027, 1, 1),)],
            "holidays[1]: expected a datetime.date, got (datetime.date(2027, 1, 1),) (tuple)",
        ),
        ("2027-01-01", "holidays: expected a list of dates or ranges, got '2027-01-01'"),
        (5, "holidays: expected a list of dates or ranges, got 5"),
    ],
)
def test_of_names_a_bad_range(holidays: object, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        PublishedYear.of(2027, "通知", holidays=holidays)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_of_takes_workdays_from_any_iterable() -> None:
    y = PublishedYear.of(2027, "通知", workdays=(d for d in [D(2027, 1, 9)]))
    assert y.workdays == (D(2027, 1, 9),)


def test_of_keeps_single_days_given_before_a_range() -> None:
    y = PublishedYear.of(2027, "通知", holidays=[D(2027, 3, 1), (D(2027, 1, 1), D(2027, 1, 2))])
    assert y.holidays == (D(2027, 1, 1), D(2027, 1, 2), D(2027, 3, 1))


# --- counting: the n-th working day ------------------------------------------------------


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


def test_nth_workday_bounds_of_n() -> None:
    start = D(2000, 1, 1)
    assert nth_workday(start, MAX_COUNT, calendar=EveryDay()) == start + dt.timedelta(
        days=MAX_COUNT - 1
    )
    for n in (0, MAX_COUNT + 1, True, "3"):
        with pytest.raises(InvalidInputError) as info:
            nth_workday(start, n, calendar=EveryDay())  # type: ignore[arg-type]
        assert str(info.value) == f"n: expected a whole number from 1 to 10000, got {n!r}"


def test_nth_workday_argument_messages() -> None:
    with pytest.raises(InvalidInputError) as info:
        nth_workday("2025-01-01", 1)  # type: ignore[arg-type]
    assert str(info.value) == "start: expected a datetime.date, got '2025-01-01'"
    with pytest.raises(InvalidInputError) as info:
        nth_workday(D(2025, 1, 2), 1, count_start=1)  # type: ignore[arg-type]
    assert str(info.value) == "count_start: expected True or False, got 1"


def test_nth_workday_uses_the_default_calendar() -> None:
    # 2025: Fri 26 Sep, Sun 28 (worked), Mon 29, Tue 30 Sep, then 1–8 Oct off: the 5th is 9 Oct.
    assert nth_workday(D(2025, 9, 26), 5, calendar=None) == D(2025, 10, 9)
    assert nth_workday(D(2025, 9, 26), 5, count_start=False) == D(2025, 10, 10)


def test_a_count_may_not_leave_the_calendar() -> None:
    last = dt.date.max
    assert nth_workday(last, 1, calendar=EveryDay()) == last
    for kwargs in ({"n": 2}, {"n": 1, "count_start": False}):
        with pytest.raises(InvalidInputError) as info:
            nth_workday(last, calendar=EveryDay(), **kwargs)  # type: ignore[arg-type]
        assert str(info.value) == (
            "day: the count leaves the calendar, got datetime.date(9999, 12, 31) (date)"
        )


def test_sixty_days_off_are_allowed_sixty_one_are_not() -> None:
    # 2031-01-01 + 60 days = 2031-03-02 (30 days to 31 Jan, 28 in February, 2 in March).
    start = D(2031, 1, 1)
    assert nth_workday(start, 1, calendar=OffUntil(D(2031, 3, 2))) == D(2031, 3, 2)
    with pytest.raises(InvalidInputError) as info:
        nth_workday(start, 1, calendar=OffUntil(D(2031, 3, 3)))
    assert str(info.value) == (
        "calendar: no working day in the 60 days before 2031-03-02, got OffUntil (OffUntil)"
    )


def test_a_working_day_resets_the_run_of_days_off() -> None:
    # Worked on 2031-01-01 and every 41st day after: runs of 40 days off, never 61.
    assert nth_workday(D(2031, 1, 1), 3, calendar=Every41st()) == D(2031, 1, 1) + dt.timedelta(
        days=82
    )


class WorkedOn:
    """Worked only on the given days."""

    def __init__(self, *days: dt.date) -> None:
        self.days = days

    def is_workday(self, day: dt.date) -> bool:
        return day in self.days or day >= self.days[-1]


def test_sixty_days_off_after_a_working_day_are_allowed() -> None:
    # Worked 2031-01-01, then 2 January .. 2 March off (60 days), worked from 3 March.
    cal = WorkedOn(D(2031, 1, 1), D(2031, 3, 3))
    assert nth_workday(D(2031, 1, 1), 2, calendar=cal) == D(2031, 3, 3)


# --- caller calendars --------------------------------------------------------------------


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


def test_calendar_answers_are_vouched_for() -> None:
    day = D(2031, 1, 1)
    assert check_calendar_answer(Odd(True), day) is True
    assert check_calendar_answer(Odd(False), day) is False
    with pytest.raises(InvalidInputError) as info:
        check_calendar_answer(5, day)
    assert str(info.value) == (
        "calendar: expected a WorkdayCalendar (an object with is_workday(day)), got 5"
    )
    with pytest.raises(UnpublishedCalendarError) as info:
        check_calendar_answer(Odd(NotImplementedError("no data")), day)
    assert str(info.value) == (
        "day: the calendar does not know this date (no data) (R12), got "
        "datetime.date(2031, 1, 1) (date)"
    )
    with pytest.raises(InvalidInputError) as info:
        check_calendar_answer(Odd(KeyError("x")), day)
    assert str(info.value) == (
        "calendar: is_workday(2031-01-01) failed: KeyError: 'x', got Odd (Odd)"
    )
    with pytest.raises(InvalidInputError) as info:
        check_calendar_answer(Odd(1), day)
    assert str(info.value) == (
        "calendar: is_workday(2031-01-01) answered 1, not True or False, got Odd (Odd)"
    )


@pytest.mark.parametrize(
    "error",
    [UnpublishedCalendarError("not yet"), InvalidInputError("bad day")],
)
def test_unpublished_and_input_errors_pass_through_unchanged(error: Exception) -> None:
    with pytest.raises(type(error)) as info:
        check_calendar_answer(Odd(error), D(2031, 1, 1))
    assert info.value is error


def test_any_other_failure_names_the_calendar() -> None:
    # "any other failure ... is an InvalidInputError naming the calendar" (docstring).
    with pytest.raises(InvalidInputError) as info:
        check_calendar_answer(Odd(TableError("bad table")), D(2031, 1, 1))
    assert str(info.value) == (
        "calendar: is_workday(2031-01-01) failed: TableError: bad table, got Odd (Odd)"
    )


# --- spans -------------------------------------------------------------------------------


def test_workdays_between_lists_the_days_in_order() -> None:
    # National Day 2025: Fri 9-26 .. Thu 10-9, with Sunday 9-28 worked.
    assert workdays_between(D(2025, 9, 26), D(2025, 10, 9)) == (
        D(2025, 9, 26), D(2025, 9, 28), D(2025, 9, 29), D(2025, 9, 30), D(2025, 10, 9),
    )  # fmt: skip
    with pytest.raises(InvalidInputError, match="end"):
        workdays_between(D(2025, 10, 9), D(2025, 9, 26))


def test_workdays_between_argument_messages() -> None:
    with pytest.raises(InvalidInputError) as info:
        workdays_between(D(2025, 10, 9), D(2025, 9, 26))
    assert str(info.value) == (
        "end: expected a date on or after start 2025-10-09, got datetime.date(2025, 9, 26) (date)"
    )
    with pytest.raises(InvalidInputError) as info:
        workdays_between(None, D(2025, 9, 26))  # type: ignore[arg-type]
    assert str(info.value) == "start: expected a datetime.date, got None"
    with pytest.raises(InvalidInputError) as info:
        workdays_between(D(2025, 9, 26), None)  # type: ignore[arg-type]
    assert str(info.value) == "end: expected a datetime.date, got None"


def test_workdays_between_one_day_and_forty_years() -> None:
    assert workdays_between(D(2025, 9, 28), D(2025, 9, 28)) == (D(2025, 9, 28),)  # Sunday worked
    assert workdays_between(D(2025, 10, 1), D(2025, 10, 1)) == ()
    start = D(2000, 1, 1)
    longest = start + dt.timedelta(days=366 * 40)
    assert len(workdays_between(start, longest, calendar=EveryDay())) == 366 * 40 + 1
    too_long = longest + dt.timedelta(days=1)
    with pytest.raises(InvalidInputError) as info:
        workdays_between(start, too_long, calendar=EveryDay())
    assert str(info.value) == f"end: a span of more than forty years, got {too_long!r} (date)"


# --- JSON and properties -----------------------------------------------------------------


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
