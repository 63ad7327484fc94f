"""Measures Art. 18(7): the public notice of no fewer than 5 working days (reading R11).

Art. 18(7): 将拟获奖名单向社会进行不少于5个工作日的公示.  Working days are counted by
hand on the State Council holiday notices for 2024–2026 (see
tests/kernels/test_workdays.py for the schedules; 2025: 10-1..10-8 off, Sun 9-28
worked; 2026: 1-1..1-3 off; 2027 not published), or on a plain Monday-to-Friday
calendar.  Errors follow ``field: problem, got value (clause)``.  None of the
expectations is copied from a run.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.baoshan import BAOSHAN_2023
from baoshan_quality.award.notice import (
    ART_18_7,
    LONGEST_NOTICE,
    NoticeCheck,
    NoticeCounting,
    NoticeDay,
    NoticePolicy,
    check_notice,
    earliest_notice_close,
)
from baoshan_quality.citations import civil_code, measures
from baoshan_quality.errors import (
    InvalidInputError,
    OutsideValidityError,
    UnpublishedCalendarError,
)
from baoshan_quality.serialization import from_json, to_json
from baoshan_quality.workdays import ChinaWorkdayCalendar, DayKind, PublishedYear

from .shared import LATER, MondayToFriday, OddKinds

D = dt.date
NEXT_DAY = NoticePolicy(NoticeCounting.FROM_NEXT_DAY)
ART_28 = measures("Art. 28")


def _error(call) -> InvalidInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


# --- the earliest close, both readings of R11 ------------------------------------------

# start, earliest close (R11 default: first day counts), earliest close (from the next day)
CASES = [
    # Friday before the 2025 National Day week: 9-26, Sun 9-28, 9-29, 9-30, 10-9.
    ("friday-before-national-day-2025", D(2025, 9, 26), D(2025, 10, 9), D(2025, 10, 10)),
    # Friday before the 2024 National Day week: 9-27, Sun 9-29, 9-30, 10-8, 10-9.
    ("friday-before-national-day-2024", D(2024, 9, 27), D(2024, 10, 9), D(2024, 10, 10)),
    # On the make-up Sunday 2025-09-28: 9-28, 9-29, 9-30, 10-9, 10-10; next day: … Sat 10-11.
    ("makeup-sunday-2025", D(2025, 9, 28), D(2025, 10, 10), D(2025, 10, 11)),
    # On an ordinary Saturday: the Saturday is not worked under either reading.
    ("ordinary-saturday", D(2025, 6, 7), D(2025, 6, 13), D(2025, 6, 13)),
    # On the Saturday before the make-up Sunday: Sun 9-28 is the first working day.
    ("saturday-before-makeup-sunday", D(2025, 9, 27), D(2025, 10, 10), D(2025, 10, 10)),
    # Ordinary week: Monday to Friday; from the next day, to the next Monday.
    ("ordinary-monday", D(2025, 6, 9), D(2025, 6, 13), D(2025, 6, 16)),
    ("ordinary-wednesday", D(2025, 11, 12), D(2025, 11, 18), D(2025, 11, 19)),
    # Across New Year 2026: 12-29, 12-30, 12-31, (1-1..1-3 off), Sun 1-4, Mon 1-5.
    ("across-new-year-2026", D(2025, 12, 29), D(2026, 1, 5), D(2026, 1, 6)),
    # Across New Year 2025: 12-27, 12-30, 12-31, (1-1 off), 1-2, 1-3.
    ("across-new-year-2025", D(2024, 12, 27), D(2025, 1, 3), D(2025, 1, 6)),
    # Into the 2026 Spring Festival: 2-12, 2-13, Sat 2-14, (2-15..2-23 off), 2-24, 2-25.
    ("into-spring-festival-2026", D(2026, 2, 12), D(2026, 2, 25), D(2026, 2, 26)),
]


@pytest.mark.parametrize(
    ("start", "default_close", "next_day_close"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_art18_7_earliest_close(
    start: dt.date, default_close: dt.date, next_day_close: dt.date
) -> None:
    assert earliest_notice_close(start) == default_close
    assert earliest_notice_close(start, policy=NEXT_DAY) == next_day_close


@pytest.mark.parametrize(
    ("start", "default_close", "next_day_close"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_art18_7_one_day_early_is_too_short(
    start: dt.date, default_close: dt.date, next_day_close: dt.date
) -> None:
    assert check_notice(start, default_close).long_enough
    assert not check_notice(start, default_close - dt.timedelta(days=1)).long_enough
    assert check_notice(start, next_day_close, policy=NEXT_DAY).long_enough
    assert not check_notice(
        start, next_day_close - dt.timedelta(days=1), policy=NEXT_DAY
    ).long_enough


# --- the check: every day, the working days counted ---------------------------------------


def test_art18_7_check_lists_the_working_days_counted() -> None:
    check = check_notice(D(2025, 9, 26), D(2025, 10, 9))
    assert check.counted == (
        D(2025, 9, 26),
        D(2025, 9, 28),
        D(2025, 9, 29),
        D(2025, 9, 30),
        D(2025, 10, 9),
    )
    assert check.counted_days == 5
    assert check.required == 5
    assert check.earliest_close == D(2025, 10, 9)
    assert len(check.days) == 14
    sunday = check.days[2]
    assert sunday == NoticeDay(D(2025, 9, 28), True, 2, DayKind.MAKEUP_WORKDAY)
    assert check.days[5].kind is DayKind.HOLIDAY
    assert check.days[5].counted is None
    cited = {str(r.citation) for r in check.reasons}
    assert "Measures Art. 18(7)" in cited
    assert "Holiday notice 国办发明电〔2024〕12号" in cited


def test_r11_next_day_reading_does_not_count_the_first_day() -> None:
    check = check_notice(D(2025, 9, 26), D(2025, 10, 9), policy=NEXT_DAY)
    assert check.counted == (D(2025, 9, 28), D(2025, 9, 29), D(2025, 9, 30), D(2025, 10, 9))
    assert not check.long_enough
    assert check.earliest_close == D(2025, 10, 10)
    assert any(str(r.citation) == "Civil Code Art. 201" for r in check.reasons)
    assert "10-10" in check.reasons[-1].en


# --- the reasons (golden sentences of each message) ---------------------------------------


def test_art18_7_long_enough_reasons() -> None:
    check = check_notice(D(2025, 9, 26), D(2025, 10, 9))
    first, r11, last = check.reasons[0], check.reasons[1], check.reasons[-1]
    assert (first.citation, first.zh) == (
        measures("Art. 18(7)"),
        "拟获奖名单应向社会公示不少于 5 个工作日。",
    )
    assert r11.citation == ART_18_7
    assert r11.zh == "按公示通告的表述习惯，公示首日为工作日时计入（R11 默认）。"
    assert r11.en == (
        "As notices state their dates, the first day counts when it is a working day (R11 default)."
    )
    assert last.citation == ART_18_7
    assert last.zh == "公示期 2025-09-26 至 2025-10-09 计入 5 个工作日，满足要求。"
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
    assert r11.zh == "开始的当日不计入，自下一日开始计算（R11 备选）。"
    assert r11.en == "The first day is not counted; counting starts the next day (R11 alternative)."
    assert last.zh == (
        "公示期 2025-09-26 至 2025-10-09 仅计入 4 个工作日，不足 5 个；最早结束日：2025-10-10。"
    )
    assert last.en == (
        "The notice 2025-09-26 – 2025-10-09 counts only 4 working days, fewer than 5; "
        "the earliest close is 2025-10-10."
    )


# --- an edition with another minimum ---------------------------------------------------


def test_notice_of_one_day_and_a_scheme_with_another_minimum() -> None:
    check = check_notice(D(2025, 6, 9), D(2025, 6, 9))
    assert check.counted == (D(2025, 6, 9),)
    assert not check.long_enough
    three = attrs.evolve(BAOSHAN_2023, notice=attrs.evolve(BAOSHAN_2023.notice, count=3))
    assert earliest_notice_close(D(2025, 6, 9), scheme=three) == D(2025, 6, 11)
    assert check_notice(D(2025, 6, 9), D(2025, 6, 11), scheme=three).required == 3


def test_a_scheme_with_another_minimum_sets_the_earliest_close_too() -> None:
    # An edition asking 3 working days: from Mon 2025-06-09 the 3rd is Wed 06-11.
    three = attrs.evolve(BAOSHAN_2023, notice=attrs.evolve(BAOSHAN_2023.notice, count=3))
    check = check_notice(D(2025, 6, 9), D(2025, 6, 10), scheme=three)
    assert (check.required, check.long_enough, check.earliest_close) == (3, False, D(2025, 6, 11))
    assert check.reasons[0].zh == "拟获奖名单应向社会公示不少于 3 个工作日。"


# --- R12: a notice into an unpublished year; the caller's calendar ------------------------


def test_r12_notice_into_an_unpublished_year() -> None:
    with pytest.raises(UnpublishedCalendarError, match="2027"):
        earliest_notice_close(D(2026, 12, 28))  # only four working days are left in 2026
    # Enough days inside 2026: decided.
    assert check_notice(D(2026, 12, 24), D(2026, 12, 31)).long_enough
    # Too short, and the earliest close lies in 2027: unknown, not guessed.
    short = check_notice(D(2026, 12, 29), D(2026, 12, 31))
    assert not short.long_enough
    assert short.earliest_close is None
    assert "unknown" in short.to_text("en").splitlines()[0]
    assert "日历未公布" in short.to_text("zh").splitlines()[0]
    with pytest.raises(UnpublishedCalendarError):
        check_notice(D(2026, 12, 28), D(2027, 1, 8))


def test_r12_too_short_with_an_unknown_earliest_close() -> None:
    # Tue 12-29, Wed 12-30, Thu 12-31: 3 working days; the 5th lies in unpublished 2027.
    check = check_notice(D(2026, 12, 29), D(2026, 12, 31))
    assert check.earliest_close is None
    assert check.reasons[-1].zh == (
        "公示期 2026-12-29 至 2026-12-31 仅计入 3 个工作日，不足 5 个；最早结束日：日历未公布，无法确定。"
    )
    assert check.reasons[-1].en == (
        "The notice 2026-12-29 – 2026-12-31 counts only 3 working days, fewer than 5; "
        "the earliest close is unknown (calendar not published)."
    )
    caption = (
        "public notice 2026-12-29 – 2026-12-31: 3 working days, at least 5 required → "
        "too short (earliest close unknown)"
    )
    assert check.to_text("en").splitlines()[0] == caption
    assert str(check).splitlines()[0] == (
        "公示 2026-12-29 至 2026-12-31：计入 3 个工作日，至少需 5 个 → 不足"
        "（最早结束日未知：日历未公布）"
    )
    html = check.to_html("en")
    assert f"<caption>{caption}</caption>" in html
    headers = "<tr><th>date</th><th>weekday</th><th>workday</th><th>kind</th><th>counted</th></tr>"
    assert headers in html


def test_notice_with_a_caller_added_year() -> None:
    y2027 = PublishedYear.of(2027, "2027年通知", holidays=[(D(2027, 1, 1), D(2027, 1, 3))])
    cal = ChinaWorkdayCalendar().with_year(y2027)
    # 12-28, 12-29, 12-30, 12-31, (1-1 Fri off), Mon 1-4.
    assert earliest_notice_close(D(2026, 12, 28), calendar=cal) == D(2027, 1, 4)


def test_a_calendar_without_kinds_or_sources() -> None:
    # Mon 2025-06-09 .. Sun 06-15 on a Monday-to-Friday calendar: 5 working days.
    check = check_notice(D(2025, 6, 9), D(2025, 6, 15), calendar=MondayToFriday())
    assert check.long_enough and check.counted_days == 5
    assert [d.kind for d in check.days] == [None] * 7
    assert len(check.reasons) == 3  # no holiday-notice reason: the calendar names none
    records = check.to_records(lang="en")
    assert records[5] == {
        "date": D(2025, 6, 14),
        "weekday": "Sat",
        "workday": False,
        "kind": None,
        "counted": None,
    }
    assert records[0]["kind"] is None
    assert check.to_records(lang="zh")[5]["weekday"] == "周六"
    text = check.to_text("en").splitlines()
    assert text[1].split() == ["date", "weekday", "workday", "kind", "counted"]
    assert text[7].split() == ["2025-06-13", "Fri", "✓", "—", "5"]  # no kind: shown as —
    assert text[8].split() == ["2025-06-14", "Sat", "—", "—"]  # not worked, not counted


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


# --- Art. 28 ---------------------------------------------------------------------------


def test_art28_notice_outside_the_measures_is_refused_unless_opted_in() -> None:
    with pytest.raises(OutsideValidityError, match="start"):
        earliest_notice_close(D(2023, 4, 20))
    with pytest.raises(OutsideValidityError, match="end"):
        check_notice(D(2028, 7, 27), D(2028, 8, 2))
    cal = ChinaWorkdayCalendar((PublishedYear(2028, "a 2028 schedule (test data)"),))
    check = check_notice(D(2028, 7, 27), D(2028, 8, 2), calendar=cal, allow_outside_validity=True)
    assert check.applied_outside_validity
    assert any(str(r.citation) == "Measures Art. 28" for r in check.reasons)
    assert not check_notice(D(2025, 6, 9), D(2025, 6, 13)).applied_outside_validity


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


# --- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        (("2025-09-26", D(2025, 10, 9)), {}, "start"),
        ((D(2025, 9, 26), dt.datetime(2025, 10, 9)), {}, "end"),
        ((D(2025, 10, 9), D(2025, 9, 26)), {}, "end"),
        ((D(2025, 1, 1), D(2026, 6, 1)), {}, "end"),
        ((D(2025, 9, 26), D(2025, 10, 9)), {"policy": "first-day-counts"}, "policy"),
        ((D(2025, 9, 26), D(2025, 10, 9)), {"calendar": 42}, "calendar"),
    ],
)
def test_check_notice_refuses_bad_input(
    args: tuple[object, ...], kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInputError, match=field):
        check_notice(*args, **kwargs)  # type: ignore[arg-type]


def test_policy_validates() -> None:
    with pytest.raises(InvalidInputError, match="counting"):
        NoticePolicy("first-day-counts")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="scheme"):
        earliest_notice_close(D(2025, 6, 9), scheme="baoshan-2023")  # type: ignore[arg-type]


def test_no_policy_and_no_scheme_mean_the_defaults() -> None:
    """``None`` means R11's default reading and the Baoshan 2023 scheme (5 working days)."""
    start, end = D(2025, 9, 26), D(2025, 10, 9)
    assert check_notice(start, end, policy=None, scheme=None) == check_notice(
        start, end, policy=NoticePolicy(), scheme=BAOSHAN_2023
    )
    assert earliest_notice_close(start, policy=None, scheme=None) == D(2025, 10, 9)


def test_a_notice_may_last_a_year_and_a_day_but_not_more() -> None:
    # 2024-06-03 + 366 days = 2025-06-04: the longest accepted; one day more is refused.
    # Art. 18(7) sets a minimum (不少于5个工作日) and no maximum: the bound is the
    # library's own, against typing errors, and the error cites no clause for it.
    assert LONGEST_NOTICE == 366
    assert check_notice(D(2024, 6, 3), D(2025, 6, 4)).long_enough
    err = _error(lambda: check_notice(D(2024, 6, 3), D(2025, 6, 5)))
    assert (err.field, err.value, err.citation) == ("end", D(2025, 6, 5), None)
    assert str(err) == (
        "end: a notice of more than 366 days from 2024-06-03: the library's own bound "
        "against typing errors (Art. 18(7) sets a minimum, no maximum), "
        "got datetime.date(2025, 6, 5) (date)"
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
    err = _error(lambda: earliest_notice_close(D(2025, 9, 26), scheme="baoshan-2023"))
    assert (err.field, err.value, err.citation) == ("scheme", "baoshan-2023", ART_18_7)


# --- display ----------------------------------------------------------------------------


def test_display_one_row_per_day_and_the_reasons_as_notes() -> None:
    check = check_notice(D(2025, 9, 26), D(2025, 10, 9))
    en = check.to_text("en").splitlines()
    assert en[0] == (
        "public notice 2025-09-26 – 2025-10-09: 5 working days, at least 5 required → "
        "long enough (earliest close 2025-10-09)"
    )
    assert en[5].split() == ["2025-09-28", "Sun", "✓", "make-up-workday", "2"]
    assert en[-len(check.reasons) :] == [f"[{r.citation}] {r.en}" for r in check.reasons]
    zh = str(check).splitlines()
    assert zh[0] == (
        "公示 2025-09-26 至 2025-10-09：计入 5 个工作日，至少需 5 个 → 满足要求"
        "（最早可于 2025-10-09 结束）"
    )
    assert zh[5].split() == ["2025-09-28", "周日", "✓", "调休上班日", "2"]
    assert zh[1].split() == ["日期", "星期", "工作日", "类别", "计数"]
    assert [line.split()[1] for line in zh[3:10]] == [
        "周五",
        "周六",
        "周日",
        "周一",
        "周二",
        "周三",
        "周四",
    ]
    assert zh[-1] == f"[Measures Art. 18(7)] {check.reasons[-1].zh}"
    assert check.to_html("en").startswith("<table><caption>public notice")
    records = check.to_records(lang="en")
    assert records[0] == {
        "date": D(2025, 9, 26),
        "weekday": "Fri",
        "workday": True,
        "kind": "workday",
        "counted": 1,
    }
    assert records[5]["kind"] == "holiday" and records[5]["counted"] is None
    assert check.to_records(lang="zh")[0]["kind"] == "工作日"
    assert [r["counted"] for r in records if r["counted"]] == [1, 2, 3, 4, 5]


# --- JSON and a property -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        check_notice(D(2025, 9, 26), D(2025, 10, 9)),
        check_notice(D(2026, 12, 29), D(2026, 12, 31), policy=NEXT_DAY),
        NoticePolicy(NoticeCounting.FROM_NEXT_DAY),
        NoticeDay(D(2025, 9, 27), False),
    ],
)
def test_json_round_trip(value: object) -> None:
    assert from_json(to_json(value), type(value)) == value


def test_json_refuses_a_bad_counting() -> None:
    text = to_json(NoticePolicy()).replace("first-day-counts", "whenever")
    with pytest.raises(InvalidInputError):
        from_json(text, NoticePolicy)
    assert isinstance(check_notice(D(2025, 6, 9), D(2025, 6, 13)), NoticeCheck)


starts = st.dates(min_value=D(2023, 4, 27), max_value=D(2026, 11, 30))


@given(starts, st.sampled_from(list(NoticeCounting)))
def test_earliest_close_is_exactly_long_enough(start: dt.date, counting: NoticeCounting) -> None:
    policy = NoticePolicy(counting)
    close = earliest_notice_close(start, policy=policy)
    assert check_notice(start, close, policy=policy).long_enough
    if close > start:
        assert not check_notice(start, close - dt.timedelta(days=1), policy=policy).long_enough
    # Counting from the next day never closes earlier.
    assert earliest_notice_close(start, policy=NEXT_DAY) >= earliest_notice_close(start)
