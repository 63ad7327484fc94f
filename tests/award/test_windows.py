"""Measures Art. 16 (re-application), 23 (reports, R9), 25 (revocation bar), 27 (retention).

Art. 16: 获得先进质量管理模式或成果后3年内不得申报同一类奖项; Art. 23: 获奖后3年内，应
每年如实填写《宝山区政府质量奖质量绩效表》; Art. 25: 三年内不再受理其申请; Art. 27: 申报
评审材料一般保存10年.  Years are counted by hand by reading R7 (Civil Code Art. 201-202:
the start day not counted, the period ends on the corresponding day, or the month's last
day; or whole calendar years).  Errors follow ``field: problem, got value (clause)``.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.applicants import Organisation
from baoshan_quality.award.baoshan import BAOSHAN_2023
from baoshan_quality.award.eligibility import check_eligibility
from baoshan_quality.award.records import DistrictAward
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
from baoshan_quality.citations import civil_code, measures
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.periods import PeriodReading, in_bar
from baoshan_quality.serialization import from_json, to_json

from .shared import LATER

D = dt.date
CAL = PeriodReading.CALENDAR_YEARS


def _error(call) -> InvalidInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


# --- Art. 16, 25, 27: the bars and the retention -----------------------------------------


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


def test_art27_retention_calendar_years() -> None:
    # 10 calendar years after 2024: to 2034-12-31.
    kept = retention_period(D(2024, 4, 23), reading=CAL)
    assert (kept.end, kept.next_day, kept.reading) == (D(2034, 12, 31), D(2035, 1, 1), CAL)
    assert revocation_bar(D(2023, 6, 1), reading=CAL).next_day == D(2027, 1, 1)


# --- Art. 23: the annual reports (R9) ----------------------------------------------------


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


# --- the reasons (golden sentences) ------------------------------------------------------


def test_art16_bar_reasons_civil_code() -> None:
    w = reapplication_bar(D(2023, 12, 15))
    bar, how = w.reasons[0], w.reasons[1]
    assert bar.citation == measures("Art. 16")
    assert bar.zh == (
        "获得先进质量管理模式或成果后3年内不得申报同一类奖项："
        "2023-12-15 起至 2026-12-15 止，2026-12-16 起可再次申报同一类奖项。"
    )
    assert bar.en == (
        "no application for the same kind of award within 3 years of winning: from "
        "2023-12-15 to 2026-12-15; from 2026-12-16 an application for the same kind of "
        "award is accepted again."
    )
    assert how.citation == civil_code("Art. 201-202")
    assert how.zh == (
        "3 年依《民法典》第二百零一条、第二百零二条计算（开始当日不计入，至对应日届满）。"
    )
    assert how.en == (
        "3 years counted by Civil Code Art. 201-202 (the start day not counted; ends on the "
        "corresponding day) (reading R7)."
    )
    assert w.reasons[2:] == w.validity.reasons and w.validity.reasons


def test_art16_bar_reasons_calendar_years() -> None:
    w = reapplication_bar(D(2023, 12, 15), reading=CAL)
    how = w.reasons[1]
    # Under the calendar-year reading the Civil Code is not what counts the years.
    assert how.citation == measures("Art. 16")
    assert how.zh == "3 年按自然年计算（至第 N 个自然年末届满）。"
    assert how.en == (
        "3 years counted in calendar years (ends on 31 December of the N-th year after) "
        "(reading R7)."
    )
    assert w.reasons[0].zh.endswith(
        "2023-12-15 起至 2026-12-31 止，2027-01-01 起可再次申报同一类奖项。"
    )


def test_art25_and_art27_reasons_name_what_the_next_day_opens() -> None:
    revoked = revocation_bar(D(2023, 6, 1))
    assert revoked.reasons[0].citation == measures("Art. 25")
    assert revoked.reasons[0].zh == (
        "取消荣誉资格的，三年内不再受理其申请：2023-06-01 起至 2026-06-01 止，"
        "2026-06-02 起可再次受理其申请。"
    )
    assert revoked.reasons[0].en.endswith("from 2026-06-02 its applications are accepted again.")
    kept = retention_period(D(2024, 4, 23))
    assert kept.reasons[0].citation == measures("Art. 27")
    assert kept.reasons[0].zh == (
        "申报评审材料一般保存10年：2024-04-23 起至 2034-04-23 止，2034-04-24 起一般保存期满。"
    )
    assert kept.reasons[0].en.endswith("from 2034-04-24 the ordinary retention term has run.")
    assert kept.reasons[1].zh.startswith("10 年依《民法典》")


def test_art23_reasons_rolling_and_calendar() -> None:
    rolling = reporting_periods(D(2023, 12, 15))
    duty, how = rolling.reasons[0], rolling.reasons[1]
    assert duty.citation == measures("Art. 23")
    assert duty.zh == (
        "获奖后3年内，应每年如实填写《宝山区政府质量奖质量绩效表》，报送审定委员会办公室；"
        "办法未规定具体报送日期，以每期最后一日为限。"
    )
    assert duty.en == (
        "for 3 years after winning, a quality performance form every year, sent to the "
        "committee office; the Measures fix no date, so each is due at the latest on its "
        "period's last day."
    )
    assert how.citation == civil_code("Art. 201-202")
    assert how.zh == "按解读 R9：自获奖之日起按《民法典》连续计算三个一年期间，每期一份。"
    assert how.en == (
        "Reading R9: three consecutive one-year periods counted by the Civil Code from "
        "the award date, one report in each."
    )
    assert rolling.reasons[2:] == rolling.validity.reasons
    calendar = reporting_periods(D(2023, 12, 15), reading=ReportingReading.CALENDAR_YEARS)
    how = calendar.reasons[1]
    assert how.citation == measures("Art. 23")
    assert how.zh == "按解读 R9 备选：获奖年度之后的三个自然年，每年一份。"
    assert how.en == (
        "Reading R9, alternative: the three calendar years after the award year, "
        "one report in each."
    )


# --- Art. 28, and another edition's scheme -----------------------------------------------


@pytest.mark.parametrize("function", [reapplication_bar, revocation_bar, retention_period])
def test_art28_a_window_wholly_outside_validity(function: object) -> None:
    """R47: a window with no day in 2023-04-27..2028-07-31 is refused unless opted in.

    From 2012-01-01, 3 years end 2015-01-01 and 10 years end 2022-01-01: all before
    2023-04-27.
    """
    with pytest.raises(OutsideValidityError):
        function(D(2012, 1, 1))  # type: ignore[operator]
    w = function(D(2012, 1, 1), allow_outside_validity=True)  # type: ignore[operator]
    assert w.validity.applied_outside_validity
    with pytest.raises(OutsideValidityError):
        reporting_periods(D(2028, 8, 1))  # the reports run 2028-08-02.. after the expiry


@pytest.mark.parametrize("function", [reapplication_bar, revocation_bar, retention_period])
def test_a_later_editions_validity_is_the_one_checked(function) -> None:  # type: ignore[no-untyped-def]
    w = function(D(2030, 1, 15), scheme=LATER)
    assert not w.validity.applied_outside_validity
    with pytest.raises(OutsideValidityError):
        function(D(2030, 1, 15))  # after BAOSHAN_2023 expired


def test_a_later_editions_reporting_uses_its_validity() -> None:
    s = reporting_periods(D(2030, 1, 15), scheme=LATER)
    assert s.periods[0].start == D(2030, 1, 16)
    with pytest.raises(OutsideValidityError):
        reporting_periods(D(2030, 1, 15))


def test_a_scheme_with_other_terms_counts_them() -> None:
    # An edition with a 2-year bar and 2 reports: the counts come from the scheme.
    two = attrs.evolve(BAOSHAN_2023.reapplication_bar, count=2)
    scheme = attrs.evolve(BAOSHAN_2023, reapplication_bar=two, reporting=attrs.evolve(two))
    w = reapplication_bar(D(2023, 12, 15), scheme=scheme)
    assert (w.end, w.years) == (D(2025, 12, 15), 2)
    s = reporting_periods(D(2023, 12, 15), scheme=scheme)
    assert [p.index for p in s.periods] == [1, 2]


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: reapplication_bar("2024-01-01"),  # type: ignore[arg-type]
        lambda: reapplication_bar(D(2024, 1, 1), reading="civil-code"),  # type: ignore[arg-type]
        lambda: reporting_periods(D(2024, 1, 1), reading="rolling-years"),  # type: ignore[arg-type]
        lambda: revocation_bar(D(2024, 1, 1), scheme="baoshan-2023"),  # type: ignore[arg-type]
        lambda: reapplication_bar(D(2024, 1, 1)).contains("2024-01-01"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_raise_the_library_error(call: object) -> None:
    with pytest.raises(InvalidInputError):
        call()  # type: ignore[operator]


def test_no_scheme_means_baoshan_2023() -> None:
    for function in (reapplication_bar, revocation_bar, retention_period, reporting_periods):
        assert function(D(2024, 1, 1), scheme=None) == function(D(2024, 1, 1), scheme=BAOSHAN_2023)


@pytest.mark.parametrize(
    ("function", "field"),
    [
        (reapplication_bar, "awarded_on"),
        (revocation_bar, "revoked_on"),
        (retention_period, "counted_from"),
        (reporting_periods, "awarded_on"),
    ],
)
def test_the_event_date_is_named_by_its_parameter(function, field: str) -> None:  # type: ignore[no-untyped-def]
    assert _error(lambda: function("2024-01-01")).field == field
    with pytest.raises(OutsideValidityError) as info:
        function(D(2012, 1, 1))  # the whole window before Art. 28's span
    assert info.value.field == field
    with pytest.raises(OutsideValidityError) as info:
        function(D(2024, 1, 1), on=D(2028, 8, 1))  # the day asked about, after it
    assert info.value.field == "on"


@pytest.mark.parametrize(
    ("function", "clause"),
    [(reapplication_bar, "Art. 16"), (revocation_bar, "Art. 25"), (retention_period, "Art. 27")],
)
def test_a_wrong_period_reading_names_r7_and_the_clause(function, clause: str) -> None:  # type: ignore[no-untyped-def]
    err = _error(lambda: function(D(2024, 1, 1), reading="civil-code"))
    assert (err.field, err.value, err.citation) == ("reading", "civil-code", measures(clause))
    assert str(err) == (
        "reading: expected PeriodReading.CIVIL_CODE or PeriodReading.CALENDAR_YEARS (R7), "
        f"got 'civil-code' (Measures {clause})"
    )


def test_a_wrong_reporting_reading_names_r9_and_art23() -> None:
    err = _error(lambda: reporting_periods(D(2024, 1, 1), reading=PeriodReading.CIVIL_CODE))
    assert (err.field, err.citation) == ("reading", measures("Art. 23"))
    assert str(err).startswith(
        "reading: expected ReportingReading.ROLLING_YEARS or ReportingReading.CALENDAR_YEARS "
        "(R9), got <PeriodReading.CIVIL_CODE: 'civil-code'>"
    )


@pytest.mark.parametrize("function", [reapplication_bar, reporting_periods])
def test_a_scheme_that_is_not_a_scheme_is_named(function) -> None:  # type: ignore[no-untyped-def]
    err = _error(lambda: function(D(2024, 1, 1), scheme="baoshan-2023"))
    assert (err.field, err.value) == ("scheme", "baoshan-2023")
    assert str(err).startswith("scheme: expected an AwardScheme, got 'baoshan-2023'")


@pytest.mark.parametrize("day", ["2024-01-01", dt.datetime(2024, 1, 1, 9, 0)])
def test_contains_and_period_of_take_a_date_only(day: object) -> None:
    w = reapplication_bar(D(2023, 12, 15))
    err = _error(lambda: w.contains(day))  # type: ignore[arg-type]
    assert (err.field, err.value, err.citation) == ("day", day, measures("Art. 16"))
    assert str(err).startswith("day: expected a datetime.date, got ")
    assert str(err).endswith("(Measures Art. 16)")
    s = reporting_periods(D(2023, 12, 15))
    err = _error(lambda: s.period_of(day))  # type: ignore[arg-type]
    assert (err.field, err.value, err.citation) == ("day", day, measures("Art. 23"))
    assert str(err).startswith("day: expected a datetime.date, got ")
    assert str(err).endswith("(Measures Art. 23)")


def test_calendar_reporting_years_may_end_in_year_9999() -> None:
    # Awarded in 9996: reports for 9997, 9998, 9999 — the last year there is.
    cal = ReportingReading.CALENDAR_YEARS
    s = reporting_periods(D(9996, 5, 1), reading=cal, allow_outside_validity=True)
    assert s.periods[-1].end == D(9999, 12, 31)
    err = _error(lambda: reporting_periods(D(9997, 5, 1), reading=cal, allow_outside_validity=True))
    assert (err.field, err.value, err.citation) == (
        "awarded_on",
        D(9997, 5, 1),
        measures("Art. 23"),
    )
    assert str(err) == (
        "awarded_on: the reporting years leave the calendar, got datetime.date(9997, 5, 1) "
        "(date) (Measures Art. 23)"
    )


# --- JSON and display --------------------------------------------------------------------


def test_json_round_trip_and_faces() -> None:
    w = reapplication_bar(D(2023, 12, 15))
    assert from_json(to_json(w), Window) == w
    s = reporting_periods(D(2023, 12, 15))
    assert from_json(to_json(s), ReportingSchedule) == s
    assert "2026-12-16" in str(w)
    assert len(s.to_records()) == 3
    assert "<table>" in s._repr_html_()


def test_window_table_one_row_and_the_reasons_as_notes() -> None:
    w = reapplication_bar(D(2023, 12, 15))
    assert w.to_records(lang="en") == [
        {
            "window": "reapplication-bar",
            "from": D(2023, 12, 15),
            "to": D(2026, 12, 15),
            "next_day": D(2026, 12, 16),
            "years": 3,
            "clause": "Measures Art. 16",
        }
    ]
    assert w.to_records(lang="zh")[0]["window"] == "不得再次申报同一类奖项的期间"
    en = w.to_text("en").splitlines()
    assert en[0] == "reapplication-bar from 2023-12-15"
    assert en[-len(w.reasons) :] == [f"[{r.citation}] {r.en}" for r in w.reasons]
    assert str(w).splitlines()[0] == "不得再次申报同一类奖项的期间：自 2023-12-15 起"
    assert str(w).splitlines()[1].split() == ["期间", "起", "止", "次日", "年数", "条款"]
    assert en[1].split() == ["window", "from", "to", "next", "day", "years", "clause"]
    assert revocation_bar(D(2023, 6, 1)).to_text("zh").startswith("不再受理申请的期间：")
    assert retention_period(D(2024, 4, 23)).to_text("zh").startswith("申报评审材料保存期：")


def test_reporting_table_one_row_per_year() -> None:
    s = reporting_periods(D(2023, 12, 15))
    assert s.to_records()[1] == {
        "year": 2,
        "from": D(2024, 12, 16),
        "to": D(2025, 12, 15),
        "due": D(2025, 12, 15),
        "clause": "Measures Art. 23",
    }
    assert s.to_text("en").splitlines()[0] == (
        "annual performance reports after the award of 2023-12-15 (rolling-years)"
    )
    assert (
        str(s).splitlines()[0] == "获奖（2023-12-15）后的年度质量绩效表（自获奖之日起的连续年度）"
    )
    calendar = reporting_periods(D(2023, 12, 15), reading=ReportingReading.CALENDAR_YEARS)
    assert str(calendar).splitlines()[0].endswith("（自然年）")
    assert str(s).splitlines()[1].split() == ["第几年", "起", "止", "报送期限", "条款"]
    assert s.to_text("en").splitlines()[1].split() == ["year", "from", "to", "due", "clause"]
    assert str(s).splitlines()[-len(s.reasons) :] == [f"[{r.citation}] {r.zh}" for r in s.reasons]


# --- R47: validity judged on the day asked about, not on the award ------------------------


def test_an_award_before_the_measures_still_has_its_windows() -> None:
    """An award of 2022-04-23, under the previous edition: its bar (to 2025-04-23) and its
    reports (to 2025-04-23) run into the Measures' span (from 2023-04-27, 参照执行), so
    they are answered, judged on the first day inside the span — as check_eligibility
    judges an application on its own day whatever the award's."""
    bar = reapplication_bar(D(2022, 4, 23))
    assert (bar.end, bar.next_day) == (D(2025, 4, 23), D(2025, 4, 24))
    assert (bar.validity.on, bar.validity.status.value) == (D(2023, 4, 27), "by-reference")
    assert not bar.validity.applied_outside_validity
    assert "judged on that day, not on the day it is counted from" in bar.validity.reasons[0].en
    reports = reporting_periods(D(2022, 4, 23))
    assert [(p.start, p.end) for p in reports.periods] == [
        (D(2022, 4, 24), D(2023, 4, 23)),
        (D(2023, 4, 24), D(2024, 4, 23)),
        (D(2024, 4, 24), D(2025, 4, 23)),
    ]
    assert reports.validity.on == D(2023, 4, 27)
    assert revocation_bar(D(2022, 4, 23)).next_day == D(2025, 4, 24)


def test_the_day_asked_about_is_the_one_judged() -> None:
    """``on``: the day the question is about (an intended application) — judged alone."""
    bar = reapplication_bar(D(2022, 4, 23), on=D(2024, 5, 10))
    assert (bar.validity.on, bar.validity.status.value) == (D(2024, 5, 10), "in-force")
    assert bar.next_day == D(2025, 4, 24)  # the window itself does not change
    # an award inside the span asked about after the expiry: refused, naming ``on``
    with pytest.raises(OutsideValidityError) as info:
        reapplication_bar(D(2027, 1, 1), on=D(2029, 1, 1))
    assert info.value.field == "on"
    late = reapplication_bar(D(2027, 1, 1), on=D(2029, 1, 1), allow_outside_validity=True)
    assert late.validity.applied_outside_validity
    # without ``on``, an award late in the span still has its bar: it starts inside
    assert reapplication_bar(D(2028, 7, 31)).next_day == D(2031, 8, 1)
    s = reporting_periods(D(2022, 4, 23), on=D(2024, 4, 23))
    assert s.period_of(D(2024, 4, 23)) == s.periods[1]


def test_check_eligibility_and_the_windows_agree_on_an_old_award() -> None:
    """The bar of a 2022-04-23 gold award ends 2025-04-23: eligibility (same class, R8)
    fails on that day and holds the next, as the window says."""
    won = DistrictAward(award_class="gold", track="model", awarded_on=D(2022, 4, 23))
    org = Organisation(name="甲", district_awards=(won,))
    bar = reapplication_bar(won.awarded_on)
    on_last = check_eligibility(org, applied_on=bar.end, applying_for="gold")
    assert on_last.condition("art16.para1").met_from == bar.next_day
    after = check_eligibility(org, applied_on=bar.next_day, applying_for="gold")
    assert after.condition("art16.para1").status.value == "met"
