"""The working-day calendar: edges, kinds, messages and caller calendars a mutation run found.

Dates are read from the State Council notices (国务院办公厅关于XXXX年部分节假日安排的通知):
2025 (国办发明电〔2024〕12号) puts National Day and Mid-Autumn 10月1日至8日 (the
weekend of 4–5 October inside it) and works Sunday 28 September and Saturday
11 October.  Weekdays of other calendars are counted by hand (2027-01-01 is a
Friday; 2031-01-01 a Wednesday).  Reading R12: a year with no known schedule is
refused, never guessed.  Errors follow ``field: problem, got value (clause)``.
None of the expectations is copied from a run.
"""

from __future__ import annotations

import datetime as dt

import pytest

from baoshan_quality import workdays as workdays_module
from baoshan_quality.citations import Citation, Document
from baoshan_quality.errors import (
    InvalidInputError,
    TableError,
    UnpublishedCalendarError,
)
from baoshan_quality.workdays import (
    DEFAULT_CALENDAR,
    MAX_COUNT,
    ChinaWorkdayCalendar,
    DayKind,
    PublishedYear,
    check_calendar_answer,
    holiday_notice,
    nth_workday,
    workdays_between,
)

D = dt.date
NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知"
# A 2027 schedule a caller adds (dates invented for the test): New Year Fri 1 – Sun 3
# January, and Saturday 9 January worked.
Y2027 = PublishedYear.of(
    2027, NOTICE_2027, holidays=[(D(2027, 1, 1), D(2027, 1, 3))], workdays=[D(2027, 1, 9)]
)


def _notice(clause: str) -> Citation:
    return Citation(Document.HOLIDAY_NOTICE, clause)


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


# --- holiday notices -----------------------------------------------------------------------


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


# --- day kinds --------------------------------------------------------------------------------


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


# --- a year given as data ------------------------------------------------------------------


def test_day_kinds_of_a_year_given_as_data() -> None:
    cal = ChinaWorkdayCalendar((Y2027,), use_package=False)
    assert cal.day_kind(D(2027, 1, 1)) is DayKind.HOLIDAY  # Friday
    assert cal.day_kind(D(2027, 1, 2)) is DayKind.HOLIDAY  # Saturday in the period
    assert cal.day_kind(D(2027, 1, 9)) is DayKind.MAKEUP_WORKDAY  # Saturday worked
    assert cal.day_kind(D(2027, 1, 10)) is DayKind.WEEKEND  # Sunday
    assert cal.day_kind(D(2027, 1, 16)) is DayKind.WEEKEND  # Saturday
    assert cal.day_kind(D(2027, 1, 8)) is DayKind.WORKDAY  # Friday
    assert (cal.first_year, cal.last_year) == (2027, 2027)
    assert cal.covers(2027) and not cal.covers(2026)
    assert cal.source(2027) == Y2027.citation == _notice(NOTICE_2027)


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
    cal = ChinaWorkdayCalendar((y2028, Y2027), use_package=False)
    assert [y.year for y in cal.published] == [2027, 2028]
    with pytest.raises(UnpublishedCalendarError) as info:
        cal.day_kind(D(2029, 3, 1))
    err = info.value
    assert (err.field, err.value, err.citation) == ("day", D(2029, 3, 1), _notice("2029年"))
    assert str(err) == (
        "day: no official holiday schedule is known for 2029 (this calendar covers "
        "2027–2028); add the year's notice as PublishedYear data or pass a calendar of your "
        "own (R12), got datetime.date(2029, 3, 1) (date) (Holiday notice 2029年)"
    )
    assert DEFAULT_CALENDAR.with_year(Y2027).first_year == 2004


def test_with_year_keeps_the_use_package_choice_and_replaces_the_year() -> None:
    own = ChinaWorkdayCalendar(use_package=False).with_year(Y2027)
    assert own.use_package is False and own.published == (Y2027,)
    other = PublishedYear(2027, "更正通知")
    assert own.with_year(other).published == (other,)
    with pytest.raises(InvalidInputError) as info:
        own.with_year("2027")  # type: ignore[arg-type]
    assert str(info.value) == "year: expected a PublishedYear, got '2027'"


def test_a_year_given_twice_is_named() -> None:
    with pytest.raises(TableError) as info:
        ChinaWorkdayCalendar((Y2027, PublishedYear(2027, "通知")))
    assert str(info.value) == (
        "ChinaWorkdayCalendar.published: a year is given twice, got [2027, 2027] (list)"
    )


def test_published_years_may_come_from_a_generator() -> None:
    cal = ChinaWorkdayCalendar(y for y in (Y2027,))
    assert cal.published == (Y2027,)


def test_own_calendar_counts_with_its_own_data() -> None:
    cal = ChinaWorkdayCalendar((Y2027,), use_package=False)
    # Fri 1 .. Sun 3 off; Mon 4, Tue 5 worked.
    assert cal.nth_workday(D(2027, 1, 1), 1) == D(2027, 1, 4)
    assert cal.nth_workday(D(2027, 1, 4), 2) == D(2027, 1, 5)
    assert cal.nth_workday(D(2027, 1, 4), 1, count_start=False) == D(2027, 1, 5)


# --- PublishedYear ----------------------------------------------------------------------


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


# --- counting -------------------------------------------------------------------------


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


# --- caller calendars -----------------------------------------------------------------


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


# --- spans ---------------------------------------------------------------------------


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


# --- second run -------------------------------------------------------------------------


def test_day_kind_names_its_day_argument() -> None:
    with pytest.raises(InvalidInputError) as info:
        DEFAULT_CALENDAR.day_kind("2025-10-01")  # type: ignore[arg-type]
    assert str(info.value) == "day: expected a datetime.date, got '2025-10-01'"


def test_an_empty_calendar_covers_no_year() -> None:
    with pytest.raises(UnpublishedCalendarError) as info:
        ChinaWorkdayCalendar(use_package=False).day_kind(D(2025, 1, 2))
    assert str(info.value) == (
        "day: no official holiday schedule is known for 2025 (this calendar covers no "
        "year); add the year's notice as PublishedYear data or pass a calendar of your own "
        "(R12), got datetime.date(2025, 1, 2) (date) (Holiday notice 2025年)"
    )


def test_a_published_entry_that_is_not_a_year_is_named() -> None:
    with pytest.raises(InvalidInputError, match="published"):
        ChinaWorkdayCalendar((Y2027, "2028"))  # type: ignore[arg-type]


def test_source_of_a_float_year_is_refused_even_when_published() -> None:
    with pytest.raises(InvalidInputError) as info:
        ChinaWorkdayCalendar((Y2027,)).source(2027.0)  # type: ignore[arg-type]
    assert str(info.value) == "year: expected a whole number (int), got 2027.0"


def test_of_keeps_single_days_given_before_a_range() -> None:
    y = PublishedYear.of(2027, "通知", holidays=[D(2027, 3, 1), (D(2027, 1, 1), D(2027, 1, 2))])
    assert y.holidays == (D(2027, 1, 1), D(2027, 1, 2), D(2027, 3, 1))


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
