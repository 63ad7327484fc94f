"""Measures Art. 16, 23, 25, 27 windows: reasons, records, errors and schemes a mutation run found.

Dates are counted by hand by reading R7 (Civil Code Art. 201-202: the start day
not counted, the period ends on the corresponding day; or whole calendar years)
and R9 (Art. 23: three one-year periods after the award, or the three calendar
years after its year).  Sentences quote the clauses (Art. 16 获得先进质量管理模式
或成果后3年内不得申报同一类奖项; Art. 23 获奖后3年内，应每年如实填写《宝山区政府质量奖
质量绩效表》，报送审定委员会办公室; Art. 25 三年内不再受理其申请; Art. 27 一般保存10年)
and errors follow ``field: problem, got value (clause)``.  None is copied from a run.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from baoshan_quality.award.scheme import BAOSHAN_2023
from baoshan_quality.award.windows import (
    ReportingReading,
    reapplication_bar,
    reporting_periods,
    retention_period,
    revocation_bar,
)
from baoshan_quality.citations import civil_code, measures
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.periods import PeriodReading

D = dt.date
CAL = PeriodReading.CALENDAR_YEARS
# A later edition: the same terms, in force 2028-08-01..2033-07-31 (no by-reference span).
LATER = attrs.evolve(
    BAOSHAN_2023,
    validity=attrs.evolve(
        BAOSHAN_2023.validity,
        by_reference_from=None,
        in_force_from=D(2028, 8, 1),
        in_force_until=D(2033, 7, 31),
    ),
)


def _error(call) -> InvalidInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


# --- the reasons ------------------------------------------------------------------------


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


def test_art27_retention_calendar_years() -> None:
    # 10 calendar years after 2024: to 2034-12-31.
    kept = retention_period(D(2024, 4, 23), reading=CAL)
    assert (kept.end, kept.next_day, kept.reading) == (D(2034, 12, 31), D(2035, 1, 1), CAL)
    assert revocation_bar(D(2023, 6, 1), reading=CAL).next_day == D(2027, 1, 1)


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
    assert how.zh == "按解读 R9 的另一种理解：获奖年度之后的三个自然年，每年一份。"
    assert how.en == (
        "Reading R9, alternative: the three calendar years after the award year, "
        "one report in each."
    )


# --- records (the pandas face) ----------------------------------------------------------


def test_window_records_one_row_per_reason() -> None:
    w = reapplication_bar(D(2023, 12, 15))
    records = w.to_records()
    assert len(records) == len(w.reasons)
    assert records[0] == {
        "window": "reapplication-bar",
        "from": D(2023, 12, 15),
        "to": D(2026, 12, 15),
        "next day": D(2026, 12, 16),
        "clause": measures("Art. 16"),
        "理由": w.reasons[0].zh,
        "reason": w.reasons[0].en,
    }
    assert "reapplication-bar from 2023-12-15" in str(w)


def test_reporting_records_one_row_per_year() -> None:
    s = reporting_periods(D(2023, 12, 15))
    assert s.to_records()[1] == {
        "year": 2,
        "from": D(2024, 12, 16),
        "to": D(2025, 12, 15),
        "due": D(2025, 12, 15),
        "clause": measures("Art. 23"),
    }


# --- another edition's scheme is the one consulted -------------------------------------


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


# --- errors -----------------------------------------------------------------------------


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
        function(D(2022, 1, 1))  # before Art. 28's span
    assert info.value.field == field


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
