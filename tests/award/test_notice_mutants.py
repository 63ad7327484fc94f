"""Measures Art. 18(7) notice (R11): reasons, faces, calendars and errors a mutation run found.

Art. 18(7): 将拟获奖名单向社会进行不少于5个工作日的公示.  Working days are counted
by hand on the State Council holiday notices (2025: 10-1..10-8 off, Sun 9-28 worked;
2026: 1-1..1-3 off; 2027 not published), or on a plain Monday-to-Friday calendar
written here.  Errors follow ``field: problem, got value (clause)``.  None of the
expectations is copied from a run.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from baoshan_quality.award.notice import (
    ART_18_7,
    NoticeCounting,
    NoticePolicy,
    check_notice,
    earliest_notice_close,
)
from baoshan_quality.award.scheme import BAOSHAN_2023
from baoshan_quality.citations import civil_code, measures
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.workdays import ChinaWorkdayCalendar, PublishedYear

D = dt.date
NEXT_DAY = NoticePolicy(NoticeCounting.FROM_NEXT_DAY)
ART_28 = measures("Art. 28")
# A later edition in force 2028-08-01..2033-07-31 (no by-reference span).
LATER = attrs.evolve(
    BAOSHAN_2023,
    validity=attrs.evolve(
        BAOSHAN_2023.validity,
        by_reference_from=None,
        in_force_from=D(2028, 8, 1),
        in_force_until=D(2033, 7, 31),
    ),
)


class MondayToFriday:
    """A caller's calendar that only says whether a day is worked (no kinds, no sources)."""

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() < 5


class OddKinds(MondayToFriday):
    """A caller's calendar whose day kinds are not DayKind values, and whose source fails."""

    def day_kind(self, day: dt.date) -> str:
        return "workday"

    def source(self, year: int) -> object:
        raise LookupError(year)


def _error(call) -> InvalidInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


# --- the reasons ---------------------------------------------------------------------------


def test_art18_7_long_enough_reasons() -> None:
    check = check_notice(D(2025, 9, 26), D(2025, 10, 9))
    first, r11, last = check.reasons[0], check.reasons[1], check.reasons[-1]
    assert (first.citation, first.zh) == (
        measures("Art. 18(7)"),
        "拟获奖名单应向社会公示不少于5个工作日。",
    )
    assert r11.citation == ART_18_7
    assert r11.zh == "按公示通告的表述习惯，公示首日为工作日时计入（R11 默认）。"
    assert r11.en == (
        "As notices state their dates, the first day counts when it is a working day (R11 default)."
    )
    assert last.citation == ART_18_7
    assert last.zh == "公示期2025-09-26至2025-10-09计入5个工作日，满足要求。"
    assert last.en == "The notice 2025-09-26 – 2025-10-09 counts 5 working days: long enough."
    # one holiday-notice reason for 2025, between R11 and the verdict
    assert len(check.reasons) == 4
    assert check.reasons[2].en == (
        "Working days of 2025 follow that year's holiday notice (make-up workdays included)."
    )


def test_r11_next_day_reasons_and_too_short() -> None:
    check = check_notice(D(2025, 9, 26), D(2025, 10, 9), policy=NEXT_DAY)
    r11, last = check.reasons[1], check.reasons[-1]
    assert r11.citation == civil_code("Art. 201")
    assert r11.zh == "开始的当日不计入，自下一日开始计算（R11 另一读法）。"
    assert r11.en == "The first day is not counted; counting starts the next day (R11 alternative)."
    assert last.zh == (
        "公示期2025-09-26至2025-10-09仅计入4个工作日，不足5个；最早可于2025-10-10结束。"
    )
    assert last.en == (
        "The notice 2025-09-26 – 2025-10-09 counts only 4 working days, fewer than 5; "
        "the earliest close is 2025-10-10."
    )


def test_r12_too_short_with_an_unknown_earliest_close() -> None:
    # Tue 12-29, Wed 12-30, Thu 12-31: 3 working days; the 5th lies in unpublished 2027.
    check = check_notice(D(2026, 12, 29), D(2026, 12, 31))
    assert check.earliest_close is None
    assert check.reasons[-1].zh == (
        "公示期2026-12-29至2026-12-31仅计入3个工作日，不足5个；最早可于（日历未公布，无法确定）结束。"
    )
    assert check.reasons[-1].en == (
        "The notice 2026-12-29 – 2026-12-31 counts only 3 working days, fewer than 5; "
        "the earliest close is unknown (calendar not published)."
    )
    assert str(check).startswith(
        "public notice 2026-12-29 – 2026-12-31: 3 working days, at least 5 required → too short\n"
        "(earliest close unknown)\n"
    )
    assert "<caption>public notice 2026-12-29 – 2026-12-31: 3 working days, at least 5 " in (
        check._repr_html_()
    )
    assert "too short (earliest close unknown)</caption>" in check._repr_html_()
    headers = "<tr><th>date</th><th>weekday</th><th>kind</th><th>counted</th></tr>"
    assert headers in check._repr_html_()


# --- the caller's calendar ----------------------------------------------------------------


def test_a_calendar_without_kinds_or_sources() -> None:
    # Mon 2025-06-09 .. Sun 06-15 on a Monday-to-Friday calendar: 5 working days.
    check = check_notice(D(2025, 6, 9), D(2025, 6, 15), calendar=MondayToFriday())
    assert check.long_enough and check.counted_days == 5
    assert [d.kind for d in check.days] == [None] * 7
    assert len(check.reasons) == 3  # no holiday-notice reason: the calendar names none
    records = check.to_records()
    assert records[5] == {
        "date": D(2025, 6, 14),
        "weekday": "Sat",
        "workday": False,
        "kind": None,
        "counted": None,
    }
    assert records[0]["kind"] is None
    text = str(check)
    assert "2025-06-13  Fri      workday  5" in text
    assert "2025-06-14  Sat      day off" in text
    assert text.splitlines()[2].split() == ["date", "weekday", "kind", "counted"]


def test_a_calendar_with_odd_kinds_and_a_failing_source() -> None:
    check = check_notice(D(2025, 6, 9), D(2025, 6, 10), calendar=OddKinds())
    assert [d.kind for d in check.days] == [None, None]
    assert len(check.reasons) == 3


def test_the_callers_calendar_also_finds_the_earliest_close() -> None:
    y2027 = PublishedYear.of(2027, "2027年通知", holidays=[(D(2027, 1, 1), D(2027, 1, 3))])
    cal = ChinaWorkdayCalendar().with_year(y2027)
    # 12-29, 12-30, 12-31 counted; (1-1 Fri off, weekend), Mon 1-4, Tue 1-5: the 5th.
    check = check_notice(D(2026, 12, 29), D(2026, 12, 31), calendar=cal)
    assert not check.long_enough
    assert check.earliest_close == D(2027, 1, 5)


# --- Art. 28 -------------------------------------------------------------------------------


def test_a_notice_wholly_outside_the_measures_when_opted_in() -> None:
    cal = ChinaWorkdayCalendar((PublishedYear(2028, "a 2028 schedule (test data)"),))
    # Tue 2028-08-01 .. Mon 08-07 on a plain year: 08-01..08-04, 08-07.
    check = check_notice(D(2028, 8, 1), D(2028, 8, 7), calendar=cal, allow_outside_validity=True)
    assert check.long_enough and check.applied_outside_validity
    assert check.earliest_close == D(2028, 8, 7)
    outside = [r for r in check.reasons if r.citation == ART_28]
    assert len(outside) == 2  # one for the first day, one for the last
    assert "2028-08-01" in outside[0].en and "2028-08-07" in outside[1].en


@pytest.mark.parametrize(("start", "end", "field"), [(D(2023, 4, 20), D(2023, 5, 4), "start")])
def test_the_refused_day_is_named(start: dt.date, end: dt.date, field: str) -> None:
    with pytest.raises(OutsideValidityError) as info:
        check_notice(start, end)
    assert info.value.field == field
    with pytest.raises(OutsideValidityError) as info:
        check_notice(D(2028, 7, 27), D(2028, 8, 2))
    assert info.value.field == "end"
    with pytest.raises(OutsideValidityError) as info:
        earliest_notice_close(D(2028, 8, 1))
    assert info.value.field == "start"


def test_another_editions_validity_is_the_one_checked() -> None:
    cal = ChinaWorkdayCalendar((PublishedYear(2030, "a 2030 schedule (test data)"),))
    # Mon 2030-06-03: Mon..Fri.
    assert earliest_notice_close(D(2030, 6, 3), calendar=cal, scheme=LATER) == D(2030, 6, 7)
    check = check_notice(D(2030, 6, 3), D(2030, 6, 7), calendar=cal, scheme=LATER)
    assert check.long_enough and not check.applied_outside_validity
    assert earliest_notice_close(
        D(2028, 8, 1), calendar=ChinaWorkdayCalendar(
            (PublishedYear(2028, "a 2028 schedule (test data)"),)
        ), scheme=LATER
    ) == D(2028, 8, 7)  # fmt: skip


# --- errors ---------------------------------------------------------------------------------


def test_a_notice_may_last_a_year_and_a_day_but_not_more() -> None:
    # 2024-06-03 + 366 days = 2025-06-04: the longest accepted; one day more is refused.
    assert check_notice(D(2024, 6, 3), D(2025, 6, 4)).long_enough
    err = _error(lambda: check_notice(D(2024, 6, 3), D(2025, 6, 5)))
    assert (err.field, err.value, err.citation) == ("end", D(2025, 6, 5), ART_18_7)
    assert str(err) == (
        "end: a notice longer than a year, got datetime.date(2025, 6, 5) (date) "
        "(Measures Art. 18(7))"
    )


def test_a_notice_closing_before_it_opens() -> None:
    err = _error(lambda: check_notice(D(2025, 10, 9), D(2025, 9, 26)))
    assert (err.field, err.value, err.citation) == ("end", D(2025, 9, 26), ART_18_7)
    assert str(err) == (
        "end: the notice cannot close before it opens on 2025-10-09, "
        "got datetime.date(2025, 9, 26) (date) (Measures Art. 18(7))"
    )


@pytest.mark.parametrize(
    ("call", "field", "value"),
    [
        (lambda: check_notice("2025-09-26", D(2025, 10, 9)), "start", "2025-09-26"),
        (lambda: check_notice(D(2025, 9, 26), "2025-10-09"), "end", "2025-10-09"),
        (lambda: earliest_notice_close("2025-09-26"), "start", "2025-09-26"),
        (lambda: earliest_notice_close(dt.datetime(2025, 9, 26)), "start", None),
        (lambda: check_notice(D(2025, 9, 26), dt.datetime(2025, 10, 9)), "end", None),
    ],
)
def test_a_date_that_is_not_a_date_is_named_under_art18_7(call, field: str, value: object) -> None:  # type: ignore[no-untyped-def]
    err = _error(call)
    assert (err.field, err.citation) == (field, ART_18_7)
    if value is not None:
        assert err.value == value
        assert str(err) == f"{field}: expected a datetime.date, got '{value}' (Measures Art. 18(7))"
    else:
        assert str(err).startswith(f"{field}: expected a datetime.date, got datetime.datetime(")


@pytest.mark.parametrize(
    "call",
    [
        lambda: check_notice(D(2025, 9, 26), D(2025, 10, 9), policy="first-day-counts"),
        lambda: earliest_notice_close(D(2025, 9, 26), policy="first-day-counts"),
    ],
)
def test_a_policy_that_is_not_a_policy_is_named(call) -> None:  # type: ignore[no-untyped-def]
    err = _error(call)
    assert (err.field, err.value, err.citation) == ("policy", "first-day-counts", ART_18_7)
    assert str(err) == (
        "policy: expected a NoticePolicy, got 'first-day-counts' (Measures Art. 18(7))"
    )


def test_a_scheme_that_is_not_a_scheme_is_named() -> None:
    err = _error(lambda: check_notice(D(2025, 9, 26), D(2025, 10, 9), scheme="baoshan-2023"))
    assert (err.field, err.value, err.citation) == ("scheme", "baoshan-2023", ART_18_7)
    assert str(err) == "scheme: expected an AwardScheme, got 'baoshan-2023' (Measures Art. 18(7))"


def test_a_scheme_with_another_minimum_sets_the_earliest_close_too() -> None:
    # An edition asking 3 working days: from Mon 2025-06-09 the 3rd is Wed 06-11.
    three = attrs.evolve(BAOSHAN_2023, notice=attrs.evolve(BAOSHAN_2023.notice, count=3))
    check = check_notice(D(2025, 6, 9), D(2025, 6, 10), scheme=three)
    assert (check.required, check.long_enough, check.earliest_close) == (3, False, D(2025, 6, 11))
    assert check.reasons[0].zh == "拟获奖名单应向社会公示不少于3个工作日。"
