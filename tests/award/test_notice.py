"""Measures Art. 18(7): the public notice of no fewer than 5 working days (R11).

Expected dates are counted by hand on the State Council holiday notices for
2024–2026 (see tests/kernels/test_workdays.py for the schedules).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.notice import (
    NoticeCheck,
    NoticeCounting,
    NoticeDay,
    NoticePolicy,
    check_notice,
    earliest_notice_close,
)
from baoshan_quality.award.scheme import BAOSHAN_2023
from baoshan_quality.errors import (
    InvalidInputError,
    OutsideValidityError,
    UnpublishedCalendarError,
)
from baoshan_quality.serialization import from_json, to_json
from baoshan_quality.workdays import ChinaWorkdayCalendar, DayKind, PublishedYear

D = dt.date
NEXT_DAY = NoticePolicy(NoticeCounting.FROM_NEXT_DAY)

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


def test_notice_of_one_day_and_a_scheme_with_another_minimum() -> None:
    check = check_notice(D(2025, 6, 9), D(2025, 6, 9))
    assert check.counted == (D(2025, 6, 9),)
    assert not check.long_enough
    three = attrs.evolve(BAOSHAN_2023, notice=attrs.evolve(BAOSHAN_2023.notice, count=3))
    assert earliest_notice_close(D(2025, 6, 9), scheme=three) == D(2025, 6, 11)
    assert check_notice(D(2025, 6, 9), D(2025, 6, 11), scheme=three).required == 3


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


def test_r12_notice_into_an_unpublished_year() -> None:
    with pytest.raises(UnpublishedCalendarError, match="2027"):
        earliest_notice_close(D(2026, 12, 28))  # only four working days are left in 2026
    # Enough days inside 2026: decided.
    assert check_notice(D(2026, 12, 24), D(2026, 12, 31)).long_enough
    # Too short, and the earliest close lies in 2027: unknown, not guessed.
    short = check_notice(D(2026, 12, 29), D(2026, 12, 31))
    assert not short.long_enough
    assert short.earliest_close is None
    assert "unknown" in str(short)
    with pytest.raises(UnpublishedCalendarError):
        check_notice(D(2026, 12, 28), D(2027, 1, 8))


def test_notice_with_a_caller_added_year() -> None:
    y2027 = PublishedYear.of(2027, "2027年通知", holidays=[(D(2027, 1, 1), D(2027, 1, 3))])
    cal = ChinaWorkdayCalendar().with_year(y2027)
    # 12-28, 12-29, 12-30, 12-31, (1-1 Fri off), Mon 1-4.
    assert earliest_notice_close(D(2026, 12, 28), calendar=cal) == D(2027, 1, 4)


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


def test_display_and_records() -> None:
    check = check_notice(D(2025, 9, 26), D(2025, 10, 9))
    text = str(check)
    assert "5 working days, at least 5 required → long enough" in text
    assert "2025-09-28  Sun      make-up-workday  2" in text
    assert check._repr_html_().startswith("<table><caption>public notice")
    records = check.to_records()
    assert records[0] == {
        "date": D(2025, 9, 26),
        "weekday": "Fri",
        "workday": True,
        "kind": "workday",
        "counted": 1,
    }
    assert [r["counted"] for r in records if r["counted"]] == [1, 2, 3, 4, 5]


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
