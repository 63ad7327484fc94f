"""Windows of the Measures: bars, reporting periods and record retention, as dates.

* Art. 16 para 1 — :func:`reapplication_bar`: no application for the same kind
  of award within 3 years of winning; the first day one is accepted.
* Art. 23 — :func:`reporting_periods`: an annual 质量绩效表 in each of the 3 years
  after winning (reading R9).
* Art. 25 — :func:`revocation_bar`: no application accepted for 3 years after a
  revocation.
* Art. 27 — :func:`retention_period`: records generally kept 10 years.

Years are counted by reading R7 (:mod:`baoshan_quality.periods`): by default the
Civil Code (Art. 201–202: the start day is not counted; the period ends on the
corresponding day, or the month's last day where there is none).

>>> import datetime as dt
>>> w = reapplication_bar(dt.date(2023, 12, 15))
>>> w.start, w.end, w.next_day
(datetime.date(2023, 12, 15), datetime.date(2026, 12, 15), datetime.date(2026, 12, 16))
>>> revocation_bar(dt.date(2024, 2, 29)).next_day
datetime.date(2027, 3, 1)
>>> [(p.start, p.end) for p in reporting_periods(dt.date(2023, 12, 15)).periods][0]
(datetime.date(2023, 12, 16), datetime.date(2024, 12, 15))
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping, Sequence

import attrs

from baoshan_quality._validation import (
    is_date,
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_tuple_of,
    to_tuple,
)
from baoshan_quality.award._tabular import Tabular
from baoshan_quality.award.scheme import BAOSHAN_2023, AwardScheme, SchemeTerm
from baoshan_quality.award.validity import ValidityCheck, check_date
from baoshan_quality.citations import Citation, Reason
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.periods import PERIOD_CITATION, PeriodReading, first_day_after, period_end

__all__ = [
    "ReportingPeriod",
    "ReportingReading",
    "ReportingSchedule",
    "Window",
    "WindowKind",
    "reapplication_bar",
    "reporting_periods",
    "retention_period",
    "revocation_bar",
]


class WindowKind(enum.Enum):
    """Which window of the Measures."""

    #: Art. 16 para 1 — no re-application for the same kind of award.
    REAPPLICATION_BAR = "reapplication-bar"
    #: Art. 25 — no application accepted after a revocation.
    REVOCATION_BAR = "revocation-bar"
    #: Art. 27 — application and review records kept.
    RETENTION = "retention"


class ReportingReading(enum.Enum):
    """Reading R9: the three annual performance reports of Art. 23 (获奖后3年内，应每年)."""

    #: Default: three consecutive one-year periods counted by the Civil Code from the
    #: award date (award 2023-12-15: 2023-12-16..2024-12-15, …, 2025-12-16..2026-12-15).
    ROLLING_YEARS = "rolling-years"
    #: Alternative: the three calendar years after the award year.
    CALENDAR_YEARS = "calendar-years"


@attrs.frozen(kw_only=True)
class Window(Tabular):
    """A span of days counted from an event: ``start``..``end`` (both included).

    ``next_day`` is the first day after it: for a bar, the first day an
    application is accepted again; for retention, the first day the records
    need no longer be kept.
    """

    kind: WindowKind = attrs.field(validator=is_enum(WindowKind))
    event: datetime.date = attrs.field(validator=is_date)
    start: datetime.date = attrs.field(validator=is_date)
    end: datetime.date = attrs.field(validator=is_date)
    next_day: datetime.date = attrs.field(validator=is_date)
    years: int = attrs.field(validator=is_int(minimum=0))
    reading: PeriodReading = attrs.field(validator=is_enum(PeriodReading))
    citation: Citation = attrs.field(validator=is_instance(Citation))
    validity: ValidityCheck = attrs.field(validator=is_instance(ValidityCheck))
    reasons: tuple[Reason, ...] = attrs.field(converter=to_tuple, validator=is_tuple_of(Reason))

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` lies in the window."""
        if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
            raise InvalidInputError.about("day", day, "expected a datetime.date", self.citation)
        return self.start <= day <= self.end

    def _table(self) -> tuple[str, Sequence[str], Sequence[Sequence[object]]]:
        rows = [
            [self.kind.value, self.start, self.end, self.next_day, r.citation, r.zh, r.en]
            for r in self.reasons
        ]
        return (
            f"{self.kind.value} from {self.event}",
            ["window", "from", "to", "next day", "clause", "理由", "reason"],
            rows,
        )


@attrs.frozen(kw_only=True)
class ReportingPeriod:
    """The ``index``-th year after an award (Art. 23): one 质量绩效表 due by ``due``.

    The Measures fix no due date within the year, so ``due`` is the period's
    last day — the latest the text allows.
    """

    index: int = attrs.field(validator=is_int(minimum=1))
    start: datetime.date = attrs.field(validator=is_date)
    end: datetime.date = attrs.field(validator=is_date)
    due: datetime.date = attrs.field(validator=is_date)


@attrs.frozen(kw_only=True)
class ReportingSchedule(Tabular):
    """The annual reports a winner owes after ``awarded_on`` (Art. 23, reading R9)."""

    awarded_on: datetime.date = attrs.field(validator=is_date)
    reading: ReportingReading = attrs.field(validator=is_enum(ReportingReading))
    periods: tuple[ReportingPeriod, ...] = attrs.field(
        converter=to_tuple, validator=is_tuple_of(ReportingPeriod)
    )
    scheme: str = attrs.field(validator=is_name)
    citation: Citation = attrs.field(validator=is_instance(Citation))
    validity: ValidityCheck = attrs.field(validator=is_instance(ValidityCheck))
    reasons: tuple[Reason, ...] = attrs.field(converter=to_tuple, validator=is_tuple_of(Reason))

    def period_of(self, day: datetime.date) -> ReportingPeriod | None:
        """The reporting period ``day`` falls in, or ``None`` outside all of them."""
        if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
            raise InvalidInputError.about("day", day, "expected a datetime.date", self.citation)
        return next((p for p in self.periods if p.start <= day <= p.end), None)

    def _table(self) -> tuple[str, Sequence[str], Sequence[Sequence[object]]]:
        rows = [[p.index, p.start, p.end, p.due, self.citation] for p in self.periods]
        return (
            f"质量绩效表 / annual performance reports after the award of {self.awarded_on} "
            f"({self.reading.value})",
            ["year", "from", "to", "due", "clause"],
            rows,
        )


def _check_scheme(scheme: object) -> AwardScheme:
    if not isinstance(scheme, AwardScheme):
        raise InvalidInputError.about("scheme", scheme, "expected an AwardScheme")
    return scheme


def _check_reading(reading: object, citation: Citation) -> PeriodReading:
    if not isinstance(reading, PeriodReading):
        raise InvalidInputError.about(
            "reading",
            reading,
            "expected PeriodReading.CIVIL_CODE or PeriodReading.CALENDAR_YEARS (R7)",
            citation,
        )
    return reading


#: For each window of :func:`_window`: its term in the scheme, and what its next day opens.
_WINDOWS: Mapping[WindowKind, tuple[Callable[[AwardScheme], SchemeTerm], str, str]] = {
    WindowKind.REAPPLICATION_BAR: (
        lambda s: s.reapplication_bar,
        "可再次申报同一类奖项",
        "an application for the same kind of award is accepted again",
    ),
    WindowKind.REVOCATION_BAR: (
        lambda s: s.revocation_bar,
        "可再次受理其申请",
        "its applications are accepted again",
    ),
    WindowKind.RETENTION: (
        lambda s: s.retention,
        "一般保存期满",
        "the ordinary retention term has run",
    ),
}


def _window(
    kind: WindowKind,
    event: object,
    field: str,
    *,
    scheme: object,
    reading: object,
    allow_outside_validity: bool,
) -> Window:
    checked = _check_scheme(scheme)
    term_of, zh, en = _WINDOWS[kind]
    term = term_of(checked)
    chosen_reading = _check_reading(reading, term.citation)
    validity = check_date(
        event, field, scheme=checked, allow_outside_validity=allow_outside_validity
    )
    day = validity.on
    end = period_end(day, years=term.count, reading=chosen_reading)
    after = first_day_after(day, years=term.count, reading=chosen_reading)
    how = (
        "依《民法典》第二百零一条、第二百零二条计算（开始当日不计入，至对应日届满）"
        if chosen_reading is PeriodReading.CIVIL_CODE
        else "按自然年计算（至第 N 个自然年末届满）"
    )
    how_en = (
        "counted by Civil Code Art. 201-202 (the start day not counted; ends on the "
        "corresponding day)"
        if chosen_reading is PeriodReading.CIVIL_CODE
        else "counted in calendar years (ends on 31 December of the N-th year after)"
    )
    reasons = (
        Reason(
            term.citation,
            f"{term.zh}：{day} 起至 {end} 止，{after} 起{zh}。",
            f"{term.en}: from {day} to {end}; from {after} {en}.",
        ),
        Reason(
            PERIOD_CITATION if chosen_reading is PeriodReading.CIVIL_CODE else term.citation,
            f"{term.count} 年{how}。",
            f"{term.count} years {how_en} (reading R7).",
        ),
        *validity.reasons,
    )
    return Window(
        kind=kind,
        event=day,
        start=day,
        end=end,
        next_day=after,
        years=term.count,
        reading=chosen_reading,
        citation=term.citation,
        validity=validity,
        reasons=reasons,
    )


def reapplication_bar(
    awarded_on: datetime.date,
    *,
    scheme: AwardScheme = BAOSHAN_2023,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
    allow_outside_validity: bool = False,
) -> Window:
    """The Art. 16 para 1 bar after an award announced on ``awarded_on`` (发文公告 date).

    获得先进质量管理模式或成果后3年内不得申报同一类奖项: the bar covers the award day
    through the end of the 3-year period; ``next_day`` is the first day a
    same-kind application is accepted.

    >>> import datetime as dt
    >>> reapplication_bar(dt.date(2024, 2, 29)).end
    datetime.date(2027, 2, 28)
    >>> reapplication_bar(
    ...     dt.date(2023, 12, 15), reading=PeriodReading.CALENDAR_YEARS
    ... ).next_day
    datetime.date(2027, 1, 1)
    """
    return _window(
        WindowKind.REAPPLICATION_BAR,
        awarded_on,
        "awarded_on",
        scheme=scheme,
        reading=reading,
        allow_outside_validity=allow_outside_validity,
    )


def revocation_bar(
    revoked_on: datetime.date,
    *,
    scheme: AwardScheme = BAOSHAN_2023,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
    allow_outside_validity: bool = False,
) -> Window:
    """The Art. 25 bar after a revocation decided on ``revoked_on`` (三年内不再受理其申请).

    >>> import datetime as dt
    >>> revocation_bar(dt.date(2025, 6, 30)).next_day
    datetime.date(2028, 7, 1)
    """
    return _window(
        WindowKind.REVOCATION_BAR,
        revoked_on,
        "revoked_on",
        scheme=scheme,
        reading=reading,
        allow_outside_validity=allow_outside_validity,
    )


def retention_period(
    counted_from: datetime.date,
    *,
    scheme: AwardScheme = BAOSHAN_2023,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
    allow_outside_validity: bool = False,
) -> Window:
    """How long application and review records are kept (Art. 27: 一般保存10年).

    The Measures do not say from when the 10 years run; the caller gives the
    day (e.g. the 发文公告 date that closes the edition).  "一般" (generally)
    makes 10 years the ordinary term, not a ceiling.

    >>> import datetime as dt
    >>> w = retention_period(dt.date(2024, 4, 23))
    >>> w.end, w.next_day
    (datetime.date(2034, 4, 23), datetime.date(2034, 4, 24))
    """
    return _window(
        WindowKind.RETENTION,
        counted_from,
        "counted_from",
        scheme=scheme,
        reading=reading,
        allow_outside_validity=allow_outside_validity,
    )


def reporting_periods(
    awarded_on: datetime.date,
    *,
    scheme: AwardScheme = BAOSHAN_2023,
    reading: ReportingReading = ReportingReading.ROLLING_YEARS,
    allow_outside_validity: bool = False,
) -> ReportingSchedule:
    """The three annual 质量绩效表 periods after an award (Art. 23, reading R9).

    获奖后3年内，应每年如实填写《宝山区政府质量奖质量绩效表》: one report in each
    period; due at the latest on the period's last day (the text fixes no date).

    >>> import datetime as dt
    >>> s = reporting_periods(dt.date(2023, 12, 15))
    >>> [(p.start.isoformat(), p.end.isoformat()) for p in s.periods]
    [('2023-12-16', '2024-12-15'), ('2024-12-16', '2025-12-15'), ('2025-12-16', '2026-12-15')]
    >>> s = reporting_periods(dt.date(2023, 12, 15), reading=ReportingReading.CALENDAR_YEARS)
    >>> [(p.start.isoformat(), p.due.isoformat()) for p in s.periods]
    [('2024-01-01', '2024-12-31'), ('2025-01-01', '2025-12-31'), ('2026-01-01', '2026-12-31')]
    """
    chosen = _check_scheme(scheme)
    term = chosen.reporting
    if not isinstance(reading, ReportingReading):
        raise InvalidInputError.about(
            "reading",
            reading,
            "expected ReportingReading.ROLLING_YEARS or ReportingReading.CALENDAR_YEARS (R9)",
            term.citation,
        )
    validity = check_date(
        awarded_on, "awarded_on", scheme=chosen, allow_outside_validity=allow_outside_validity
    )
    day = validity.on
    periods: list[ReportingPeriod] = []
    for index in range(1, term.count + 1):
        if reading is ReportingReading.ROLLING_YEARS:
            start = first_day_after(day, years=index - 1)
            end = period_end(day, years=index)
        else:
            if day.year + index > datetime.MAXYEAR:
                raise InvalidInputError.about(
                    "awarded_on", day, "the reporting years leave the calendar", term.citation
                )
            start = datetime.date(day.year + index, 1, 1)
            end = datetime.date(day.year + index, 12, 31)
        periods.append(ReportingPeriod(index=index, start=start, end=end, due=end))
    if reading is ReportingReading.ROLLING_YEARS:
        how = Reason(
            PERIOD_CITATION,
            "按解读 R9：自获奖之日起按《民法典》连续计算三个一年期间，每期一份。",
            "Reading R9: three consecutive one-year periods counted by the Civil Code from "
            "the award date, one report in each.",
        )
    else:
        how = Reason(
            term.citation,
            "按解读 R9 的另一种理解：获奖年度之后的三个自然年，每年一份。",
            "Reading R9, alternative: the three calendar years after the award year, "
            "one report in each.",
        )
    reasons = (
        Reason(
            term.citation,
            f"{term.zh}，报送审定委员会办公室；办法未规定具体报送日期，以每期最后一日为限。",
            f"{term.en}, sent to the committee office; the Measures fix no date, so each is "
            "due at the latest on its period's last day.",
        ),
        how,
        *validity.reasons,
    )
    return ReportingSchedule(
        awarded_on=day,
        reading=reading,
        periods=tuple(periods),
        scheme=chosen.key,
        citation=term.citation,
        validity=validity,
        reasons=reasons,
    )
