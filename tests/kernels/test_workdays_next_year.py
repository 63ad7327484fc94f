"""The calendar's next year (issue 14, item 4; reading R12): a year added from its notice.

The packaged calendar (``chinesecalendar`` 1.11) ends on 2026-12-31, so a public notice
(Measures Art. 18(7), at least 5 working days) opening in the last week of December 2026
already needs 2027.  The State Council's notice for 2027 (国务院办公厅关于2027年部分
节假日安排的通知) was not found published when this was written (2026-12-03), so no
2027 schedule is encoded: the 2027 year used here is the documentation's example file,
marked "示例，非官方安排 / illustrative, not the official schedule".  What the tests
read from a real notice is the 2026 notice of 2025-11-04, keyed below period by period
as it prints them, each with its own cross-checks (the weekdays it names, 共N天).

Weekdays are counted by hand: 2026-12-28 is a Monday, 2027-01-01 a Friday, 2028-01-01 a
Saturday.  None of the expectations is copied from a run.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from baoshan_quality import earliest_notice_close, from_json, to_json
from baoshan_quality.award import NoticeCounting, NoticePolicy, check_notice
from baoshan_quality.errors import StructureError, UnpublishedCalendarError
from baoshan_quality.workdays import (
    DEFAULT_CALENDAR,
    ChinaWorkdayCalendar,
    DayKind,
    PublishedYear,
)
from baoshan_quality.workdays import _spans as spans

D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples"
ILLUSTRATIVE_2027 = EXAMPLE / "published-year-2027-illustrative.json"
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

# 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as it prints each period:
# (name, first day, its weekday, last day, its weekday, 共N天, the weekend days 上班 with
# the weekdays printed beside them).
NOTICE_2026 = "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）"
PERIODS_2026: list[tuple[str, dt.date, str, dt.date, str, int, list[tuple[dt.date, str]]]] = [
    # 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    ("元旦", D(2026, 1, 1), "周四", D(2026, 1, 3), "周六", 3, [(D(2026, 1, 4), "周日")]),
    # 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
    #     2月14日（周六）、2月28日（周六）上班。
    ("春节", D(2026, 2, 15), "周日", D(2026, 2, 23), "周一", 9,
     [(D(2026, 2, 14), "周六"), (D(2026, 2, 28), "周六")]),
    # 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
    ("清明节", D(2026, 4, 4), "周六", D(2026, 4, 6), "周一", 3, []),
    # 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
    ("劳动节", D(2026, 5, 1), "周五", D(2026, 5, 5), "周二", 5, [(D(2026, 5, 9), "周六")]),
    # 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
    ("端午节", D(2026, 6, 19), "周五", D(2026, 6, 21), "周日", 3, []),
    # 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
    ("中秋节", D(2026, 9, 25), "周五", D(2026, 9, 27), "周日", 3, []),
    # 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
    ("国庆节", D(2026, 10, 1), "周四", D(2026, 10, 7), "周三", 7,
     [(D(2026, 9, 20), "周日"), (D(2026, 10, 10), "周六")]),
]  # fmt: skip

YEAR_2026 = PublishedYear.of(
    2026,
    NOTICE_2026,
    holidays=[(first, last) for _, first, _, last, _, _, _ in PERIODS_2026],
    workdays=[day for *_, worked in PERIODS_2026 for day, _ in worked],
)


def every_day(year: int) -> list[dt.date]:
    first = D(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((D(year, 12, 31) - first).days + 1)]


# --- the 2026 notice as data, read from its wording ------------------------------------


@pytest.mark.parametrize("period", PERIODS_2026, ids=lambda p: p[0])
def test_the_2026_periods_are_keyed_as_the_notice_prints_them(
    period: tuple[str, dt.date, str, dt.date, str, int, list[tuple[dt.date, str]]],
) -> None:
    """Each period's weekdays and 共N天, and each 上班 day's weekday, as printed."""
    _, first, first_weekday, last, last_weekday, days, worked = period
    assert WEEKDAYS[first.weekday()] == first_weekday
    assert WEEKDAYS[last.weekday()] == last_weekday
    assert (last - first).days + 1 == days
    for day, weekday in worked:
        assert WEEKDAYS[day.weekday()] == weekday in ("周六", "周日")


def test_the_2026_notice_as_data_agrees_with_the_package_every_day() -> None:
    """The mechanism reproduces a published year: the 2026 notice keyed as PublishedYear
    (33 days off, 6 weekend days worked) gives the package's answer on every day."""
    assert (len(YEAR_2026.holidays), len(YEAR_2026.workdays)) == (33, 6)
    own = ChinaWorkdayCalendar((YEAR_2026,), use_package=False)
    replaced = DEFAULT_CALENDAR.with_year(YEAR_2026)
    for day in every_day(2026):
        assert own.day_kind(day) is DEFAULT_CALENDAR.day_kind(day), day
        assert replaced.is_workday(day) is DEFAULT_CALENDAR.is_workday(day), day
    assert own.source(2026) == YEAR_2026.citation
    assert str(own.source(2026)) == f"Holiday notice {NOTICE_2026}"


def test_a_year_round_trips_through_json_every_day_listed() -> None:
    text = to_json(YEAR_2026)
    data = json.loads(text)
    assert data["year"] == 2026 and data["notice"] == NOTICE_2026
    assert data["holidays"][:3] == ["2026-01-01", "2026-01-02", "2026-01-03"]
    assert data["workdays"] == [
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"
    ]  # fmt: skip
    assert from_json(text, PublishedYear) == YEAR_2026


def test_json_lists_days_not_periods() -> None:
    """JSON holds every day (as to_json writes it); a period is written in Python with
    PublishedYear.of, a [first, last] pair in JSON is refused, naming where."""
    text = '{"year": 2027, "notice": "通知", "holidays": [["2027-01-01", "2027-01-03"]]}'
    with pytest.raises(StructureError) as info:
        from_json(text, PublishedYear)
    assert info.value.paths is not None
    assert any(path.endswith("@ $.holidays[0]") for path in info.value.paths)


# --- a notice opening in the last week of December 2026 -----------------------------------


def test_without_2027_the_count_is_refused_naming_the_remedy() -> None:
    """Mon 12-28 .. Thu 12-31 are 4 working days of 2026; the 5th lies in 2027."""
    with pytest.raises(UnpublishedCalendarError) as info:
        earliest_notice_close(D(2026, 12, 28))
    err = info.value
    assert (err.field, err.value) == ("day", D(2027, 1, 1))
    message = str(err)
    assert "no official holiday schedule is known for 2027" in message
    assert "this calendar covers 2004–2026" in message
    assert "国务院办公厅关于2027年部分节假日安排的通知" in message
    assert "as PublishedYear data with ChinaWorkdayCalendar().with_year(...)" in message
    assert "or pass a calendar of your own (R12)" in message


def test_the_example_file_is_marked_illustrative() -> None:
    """No 2027 notice was found: the example must say it is not the official schedule."""
    year = from_json(ILLUSTRATIVE_2027.read_text("utf-8"), PublishedYear)
    assert year.year == 2027
    assert "示例，非官方安排" in year.notice
    assert "illustrative, not the official schedule" in year.notice
    assert "国务院办公厅关于2027年部分节假日安排的通知" in year.notice  # what replaces it
    assert year == PublishedYear.of(2027, year.notice, holidays=[(D(2027, 1, 1), D(2027, 1, 3))])


def test_a_notice_from_the_last_week_of_december_crosses_into_2027() -> None:
    """Art. 18(7), R11 default: Mon 12-28 (1), Tue 12-29 (2), Wed 12-30 (3), Thu 12-31
    (4); Fri 1-1 to Sun 1-3 off; Mon 2027-01-04 (5).  From the next day (R11 alternative):
    12-29, 12-30, 12-31, 1-4, 1-5."""
    year = from_json(ILLUSTRATIVE_2027.read_text("utf-8"), PublishedYear)
    cal = ChinaWorkdayCalendar().with_year(year)
    assert earliest_notice_close(D(2026, 12, 28), calendar=cal) == D(2027, 1, 4)
    next_day = NoticePolicy(NoticeCounting.FROM_NEXT_DAY)
    assert earliest_notice_close(D(2026, 12, 28), calendar=cal, policy=next_day) == D(2027, 1, 5)
    check = check_notice(D(2026, 12, 28), D(2027, 1, 4), calendar=cal)
    assert check.long_enough and check.counted == (
        D(2026, 12, 28), D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31), D(2027, 1, 4)
    )  # fmt: skip
    assert [d.kind for d in check.days[4:7]] == [DayKind.HOLIDAY] * 3
    cited = [r.citation for r in check.reasons]
    assert year.citation in cited  # the result names the (illustrative) data it used


def test_the_next_years_notice_may_change_the_last_days_of_december() -> None:
    """A notice has set days of the December before: the 2008 notice made Sat 2007-12-29
    a working day and Mon 2007-12-31 a day off, the 2012 notice Sat 2011-12-31 worked,
    the 2007 notice Sat 2006-12-30 and Sun 2006-12-31 worked (the package carries them).  So a 2027 year
    given as data overrides the package's 2026 for the days it names."""
    assert DEFAULT_CALENDAR.day_kind(D(2007, 12, 29)) is DayKind.MAKEUP_WORKDAY
    assert DEFAULT_CALENDAR.day_kind(D(2007, 12, 31)) is DayKind.HOLIDAY
    assert DEFAULT_CALENDAR.day_kind(D(2011, 12, 31)) is DayKind.MAKEUP_WORKDAY
    assert DEFAULT_CALENDAR.day_kind(D(2006, 12, 30)) is DayKind.MAKEUP_WORKDAY
    assert DEFAULT_CALENDAR.day_kind(D(2006, 12, 31)) is DayKind.MAKEUP_WORKDAY
    # test data, not a notice: Thu 2026-12-31 off as well
    year = PublishedYear.of(2027, "test data", holidays=[(D(2026, 12, 31), D(2027, 1, 3))])
    cal = ChinaWorkdayCalendar().with_year(year)
    assert DEFAULT_CALENDAR.is_workday(D(2026, 12, 31)) and not cal.is_workday(D(2026, 12, 31))
    assert earliest_notice_close(D(2026, 12, 28), calendar=cal) == D(2027, 1, 5)


# --- which years a calendar covers, as its error says -------------------------------------


def test_a_calendar_with_a_gap_names_the_years_it_covers() -> None:
    cal = ChinaWorkdayCalendar((PublishedYear(2028, "test data"),))
    assert cal.covers(2028) and not cal.covers(2027)
    with pytest.raises(UnpublishedCalendarError, match=r"covers 2004–2026, 2028\);"):
        cal.is_workday(D(2027, 6, 1))


@pytest.mark.parametrize(
    ("years", "text"),
    [
        ([], "no year"),
        ([2027], "2027"),
        ([2004, 2005, 2006], "2004–2006"),
        ([2004, 2005, 2007], "2004–2005, 2007"),
        ([2025, 2027, 2028, 2030], "2025, 2027–2028, 2030"),
    ],
)
def test_spans_of_years(years: list[int], text: str) -> None:
    assert spans(years) == text
