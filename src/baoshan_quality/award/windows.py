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

Validity (Art. 28) is judged on the date the question is asked about, not on the
event a window is counted from (reading R47): on ``on`` when the caller gives it (the
day of an intended application, the day a report is asked about); otherwise on the
window itself — from the event to the window's end — which must share a day with the
measures' span.  So an award won under
the previous edition (2022-04-23) still has its bar and its reports.

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
from collections.abc import Callable, Mapping

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_date,
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import CLAUSE, clause, notes
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.parts import SchemeTerm
from baoshan_quality.award.records import not_after
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import ValidityCheck, check_date, check_span
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

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {
            "reapplication-bar": "不得再次申报同一类奖项的期间",
            "revocation-bar": "不再受理申请的期间",
            "retention": "申报评审材料保存期",
        }[self.value]


class ReportingReading(enum.Enum):
    """Reading R9: the three annual performance reports of Art. 23 (获奖后3年内，应每年)."""

    #: Default: three consecutive one-year periods counted by the Civil Code from the
    #: award date (award 2023-12-15: 2023-12-16..2024-12-15, …, 2025-12-16..2026-12-15).
    ROLLING_YEARS = "rolling-years"
    #: Alternative: the three calendar years after the award year.
    CALENDAR_YEARS = "calendar-years"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return "自获奖之日起的连续年度" if self is ReportingReading.ROLLING_YEARS else "自然年"


@attrs.frozen(kw_only=True)
class Window(Tabular):
    """A span of days counted from an event (Measures Art. 16, 25, 27).

    Attributes
    ----------
    kind
        Which window (:class:`WindowKind`).
    event
        The day it is counted from (an award, a revocation, the day the caller names).
    start, end
        The span, both days included.
    next_day
        The first day after it: for a bar, the first day an application is
        accepted again; for retention, the first day the records need no longer
        be kept.
    years, reading, citation
        The term's length, how years were counted (reading R7) and its clause.
    validity
        The check against Art. 28 of the day asked about (``on``), or of the window's
        first day in the measures' span.
    reasons
        The term, the counting and the validity, in Chinese and English.
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
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` lies in the window."""
        if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
            raise InvalidInputError.about("day", day, "expected a datetime.date", self.citation)
        return self.start <= day <= self.end

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.kind.zh}：自 {self.event} 起", f"{self.kind.value} from {self.event}"
            ),
            columns=(
                Column("window", "期间", "window"),
                Column("from", "起", "from"),
                Column("to", "止", "to"),
                Column("next_day", "次日", "next day"),
                Column("years", "年数", "years"),
                CLAUSE,
            ),
            rows=(
                (
                    Text(self.kind.zh, self.kind.value),
                    self.start,
                    self.end,
                    self.next_day,
                    self.years,
                    clause(self.citation),
                ),
            ),
            notes=notes(self.reasons),
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
    """The annual reports a winner owes after an award (Measures Art. 23, reading R9).

    Attributes
    ----------
    awarded_on
        The award's date (发文公告, supplied by the caller).
    reading
        Reading R9 applied (:class:`ReportingReading`).
    periods
        One :class:`ReportingPeriod` per report, in order (the table's rows).
    scheme, citation, validity
        The scheme's key, the clause, and the check against Art. 28 of the day asked
        about (``on``), or of the schedule's first day in the measures' span.
    reasons
        The clause and the reading, in Chinese and English (the table's notes).
    """

    awarded_on: datetime.date = attrs.field(validator=is_date)
    reading: ReportingReading = attrs.field(validator=is_enum(ReportingReading))
    periods: tuple[ReportingPeriod, ...] = attrs.field(validator=is_tuple_of(ReportingPeriod))
    scheme: str = attrs.field(converter=to_name, validator=is_name)
    citation: Citation = attrs.field(validator=is_instance(Citation))
    validity: ValidityCheck = attrs.field(validator=is_instance(ValidityCheck))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    def period_of(self, day: datetime.date) -> ReportingPeriod | None:
        """The reporting period ``day`` falls in, or ``None`` outside all of them."""
        if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
            raise InvalidInputError.about("day", day, "expected a datetime.date", self.citation)
        return next((p for p in self.periods if p.start <= day <= p.end), None)

    def _table(self) -> Table:
        where = clause(self.citation)
        return Table(
            caption=Text(
                f"获奖（{self.awarded_on}）后的年度质量绩效表（{self.reading.zh}）",
                f"annual performance reports after the award of {self.awarded_on} "
                f"({self.reading.value})",
            ),
            columns=(
                Column("year", "第几年", "year"),
                Column("from", "起", "from"),
                Column("to", "止", "to"),
                Column("due", "报送期限", "due"),
                CLAUSE,
            ),
            rows=tuple((p.index, p.start, p.end, p.due, where) for p in self.periods),
            notes=notes(self.reasons),
        )


def _validity(
    field: str,
    first: datetime.date,
    last: datetime.date,
    on: object,
    scheme: AwardScheme,
    allow_outside_validity: bool,
) -> ValidityCheck:
    """Art. 28 judged on the day asked about (``on``), else on the window (reading R47)."""
    if on is not None:
        return check_date(on, "on", scheme=scheme, allow_outside_validity=allow_outside_validity)
    return check_span(
        first, last, scheme=scheme, field=field, allow_outside_validity=allow_outside_validity
    )


def _event(value: object, field: str, citation: Citation) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInputError.about(field, value, "expected a datetime.date", citation)
    return value


def _happened(
    day: datetime.date, field: str, on: object, validity: Citation, citation: Citation
) -> None:
    """With ``on``, the event must lie on or before it (issue 15 item 5): an award or a
    revocation dated after the day asked about is an error naming ``field``; one on that
    day is accepted (the window includes its first day)."""
    if on is not None:
        not_after(day, _event(on, "on", validity), field, "on", citation)


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
    on: object,
    scheme: AwardScheme | None,
    reading: object,
    allow_outside_validity: bool,
) -> Window:
    checked = resolve_scheme(scheme)
    term_of, zh, en = _WINDOWS[kind]
    term = term_of(checked)
    citation = checked.cite(term.clause)
    chosen_reading = _check_reading(reading, citation)
    day = _event(event, field, checked.cite(checked.validity.clause))
    _happened(day, field, on, checked.cite(checked.validity.clause), citation)
    end = period_end(day, years=term.count, reading=chosen_reading)
    after = first_day_after(day, years=term.count, reading=chosen_reading)
    validity = _validity(field, day, end, on, checked, allow_outside_validity)
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
            citation,
            f"{term.zh}：{day} 起至 {end} 止，{after} 起{zh}。",
            f"{term.en}: from {day} to {end}; from {after} {en}.",
        ),
        Reason(
            PERIOD_CITATION if chosen_reading is PeriodReading.CIVIL_CODE else citation,
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
        citation=citation,
        validity=validity,
        reasons=reasons,
    )


def reapplication_bar(
    awarded_on: datetime.date,
    *,
    on: datetime.date | None = None,
    scheme: AwardScheme | None = None,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
    allow_outside_validity: bool = False,
) -> Window:
    """The bar on applying again after an award (Measures Art. 16 para 1).

    获得先进质量管理模式或成果后3年内不得申报同一类奖项: the bar covers the award day
    through the end of the 3-year period; ``next_day`` is the first day a
    same-kind application is accepted.

    Parameters
    ----------
    awarded_on
        The day the district government announced the award (发文公告, reading R24).
    scheme
        The award's edition (its term); ``None`` (the default) means ``BAOSHAN_2023``.
    reading
        Reading R7: how years are counted (default: the Civil Code).
    on
        The day the question is asked about (e.g. an intended application); validity
        (Art. 28) is judged on it, and the event must lie on or before it (an event
        on that day counts: the window includes its first day).  ``None`` (the
        default): on the window itself (from the event to its end), which must share
        a day with the measures' span (reading R47) — the event may lie before them.
    allow_outside_validity
        Answer although the day asked about (or the whole window) is outside the
        measures' span (Art. 28).

    Returns
    -------
    Window
        ``start``..``end`` (both included), ``next_day`` and the reasons.

    Raises
    ------
    OutsideValidityError
        ``on`` (or, without it, every day of the window) is outside Art. 28's span and
        ``allow_outside_validity`` is ``False``.
    InvalidInputError
        The day is not a ``datetime.date``, or lies after ``on``; ``scheme`` or
        ``reading`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> print(reapplication_bar(dt.date(2023, 12, 15)).to_text("en"))
    reapplication-bar from 2023-12-15
    window             from        to          next day    years  clause
    -----------------  ----------  ----------  ----------  -----  ----------------
    reapplication-bar  2023-12-15  2026-12-15  2026-12-16  3      Measures Art. 16
    [Measures Art. 16] no application for the same kind of award within 3 years of winning: from 2023-12-15 to 2026-12-15; from 2026-12-16 an application for the same kind of award is accepted again.
    [Civil Code Art. 201-202] 3 years counted by Civil Code Art. 201-202 (the start day not counted; ends on the corresponding day) (reading R7).
    [Measures Art. 28] 2023-12-15 lies in the Measures' term of force (2023-08-01..2028-07-31).
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
        on=on,
        scheme=scheme,
        reading=reading,
        allow_outside_validity=allow_outside_validity,
    )


def revocation_bar(
    revoked_on: datetime.date,
    *,
    on: datetime.date | None = None,
    scheme: AwardScheme | None = None,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
    allow_outside_validity: bool = False,
) -> Window:
    """The bar on applications after a revocation (Measures Art. 25: 三年内不再受理其申请).

    Parameters
    ----------
    revoked_on
        The day the revocation was decided.
    scheme
        The award's edition (its term); ``None`` (the default) means ``BAOSHAN_2023``.
    reading
        Reading R7: how years are counted (default: the Civil Code).
    on
        The day the question is asked about (e.g. an intended application); validity
        (Art. 28) is judged on it, and the event must lie on or before it (an event
        on that day counts: the window includes its first day).  ``None`` (the
        default): on the window itself (from the event to its end), which must share
        a day with the measures' span (reading R47) — the event may lie before them.
    allow_outside_validity
        Answer although the day asked about (or the whole window) is outside the
        measures' span (Art. 28).

    Returns
    -------
    Window
        ``start``..``end`` (both included), ``next_day`` and the reasons.

    Raises
    ------
    OutsideValidityError
        ``on`` (or, without it, every day of the window) is outside Art. 28's span and
        ``allow_outside_validity`` is ``False``.
    InvalidInputError
        The day is not a ``datetime.date``, or lies after ``on``; ``scheme`` or
        ``reading`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> revocation_bar(dt.date(2025, 6, 30)).next_day
    datetime.date(2028, 7, 1)
    """
    return _window(
        WindowKind.REVOCATION_BAR,
        revoked_on,
        "revoked_on",
        on=on,
        scheme=scheme,
        reading=reading,
        allow_outside_validity=allow_outside_validity,
    )


def retention_period(
    counted_from: datetime.date,
    *,
    on: datetime.date | None = None,
    scheme: AwardScheme | None = None,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
    allow_outside_validity: bool = False,
) -> Window:
    """How long application and review records are kept (Measures Art. 27: 一般保存10年).

    "一般" (generally) makes 10 years the ordinary term, not a ceiling.

    Parameters
    ----------
    counted_from
        The day the term runs from: the Measures do not say, so the caller names
        it (e.g. the 发文公告 date that closes the edition).
    scheme
        The award's edition (its term); ``None`` (the default) means ``BAOSHAN_2023``.
    reading
        Reading R7: how years are counted (default: the Civil Code).
    on
        The day the question is asked about (e.g. an intended application); validity
        (Art. 28) is judged on it, and the event must lie on or before it (an event
        on that day counts: the window includes its first day).  ``None`` (the
        default): on the window itself (from the event to its end), which must share
        a day with the measures' span (reading R47) — the event may lie before them.
    allow_outside_validity
        Answer although the day asked about (or the whole window) is outside the
        measures' span (Art. 28).

    Returns
    -------
    Window
        ``start``..``end`` (both included), ``next_day`` and the reasons.

    Raises
    ------
    OutsideValidityError
        ``on`` (or, without it, every day of the window) is outside Art. 28's span and
        ``allow_outside_validity`` is ``False``.
    InvalidInputError
        The day is not a ``datetime.date``, or lies after ``on``; ``scheme`` or
        ``reading`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> w = retention_period(dt.date(2024, 4, 23))
    >>> w.end, w.next_day
    (datetime.date(2034, 4, 23), datetime.date(2034, 4, 24))
    """
    return _window(
        WindowKind.RETENTION,
        counted_from,
        "counted_from",
        on=on,
        scheme=scheme,
        reading=reading,
        allow_outside_validity=allow_outside_validity,
    )


def reporting_periods(
    awarded_on: datetime.date,
    *,
    on: datetime.date | None = None,
    scheme: AwardScheme | None = None,
    reading: ReportingReading = ReportingReading.ROLLING_YEARS,
    allow_outside_validity: bool = False,
) -> ReportingSchedule:
    """The three annual 质量绩效表 periods after an award (Measures Art. 23, reading R9).

    获奖后3年内，应每年如实填写《宝山区政府质量奖质量绩效表》: one report in each
    period; due at the latest on the period's last day (the text fixes no date).

    Parameters
    ----------
    awarded_on
        The day the district government announced the award (发文公告, reading R24).
    scheme
        The award's edition (its term); ``None`` (the default) means ``BAOSHAN_2023``.
    reading
        Reading R9: rolling years from the award date (default) or calendar years.
    on
        The day the question is asked about (e.g. an intended application); validity
        (Art. 28) is judged on it, and the event must lie on or before it (an event
        on that day counts: the window includes its first day).  ``None`` (the
        default): on the window itself (from the event to its end), which must share
        a day with the measures' span (reading R47) — the event may lie before them.
    allow_outside_validity
        Answer although the day asked about (or the whole window) is outside the
        measures' span (Art. 28).

    Returns
    -------
    ReportingSchedule
        One period per report, each with its due day, and the reasons.

    Raises
    ------
    OutsideValidityError
        ``on`` (or, without it, every day of the schedule) is outside Art. 28's span and
        ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``awarded_on`` is not a ``datetime.date``, or lies after ``on``; ``scheme`` or
        ``reading`` is of the wrong kind; the periods would leave the calendar.

    Examples
    --------
    >>> import datetime as dt
    >>> s = reporting_periods(dt.date(2023, 12, 15))
    >>> [(p.start.isoformat(), p.end.isoformat()) for p in s.periods]
    [('2023-12-16', '2024-12-15'), ('2024-12-16', '2025-12-15'), ('2025-12-16', '2026-12-15')]
    >>> s = reporting_periods(dt.date(2023, 12, 15), reading=ReportingReading.CALENDAR_YEARS)
    >>> [(p.start.isoformat(), p.due.isoformat()) for p in s.periods]
    [('2024-01-01', '2024-12-31'), ('2025-01-01', '2025-12-31'), ('2026-01-01', '2026-12-31')]
    """
    chosen = resolve_scheme(scheme)
    term = chosen.reporting
    citation = chosen.cite(term.clause)
    if not isinstance(reading, ReportingReading):
        raise InvalidInputError.about(
            "reading",
            reading,
            "expected ReportingReading.ROLLING_YEARS or ReportingReading.CALENDAR_YEARS (R9)",
            citation,
        )
    day = _event(awarded_on, "awarded_on", chosen.cite(chosen.validity.clause))
    _happened(day, "awarded_on", on, chosen.cite(chosen.validity.clause), citation)
    periods: list[ReportingPeriod] = []
    for index in range(1, term.count + 1):
        if reading is ReportingReading.ROLLING_YEARS:
            start = first_day_after(day, years=index - 1)
            end = period_end(day, years=index)
        else:
            if day.year + index > datetime.MAXYEAR:
                raise InvalidInputError.about(
                    "awarded_on", day, "the reporting years leave the calendar", citation
                )
            start = datetime.date(day.year + index, 1, 1)
            end = datetime.date(day.year + index, 12, 31)
        periods.append(ReportingPeriod(index=index, start=start, end=end, due=end))
    validity = _validity("awarded_on", day, periods[-1].end, on, chosen, allow_outside_validity)
    if reading is ReportingReading.ROLLING_YEARS:
        how = Reason(
            PERIOD_CITATION,
            "按解读 R9：自获奖之日起按《民法典》连续计算三个一年期间，每期一份。",
            "Reading R9: three consecutive one-year periods counted by the Civil Code from "
            "the award date, one report in each.",
        )
    else:
        how = Reason(
            citation,
            "按解读 R9 备选：获奖年度之后的三个自然年，每年一份。",
            "Reading R9, alternative: the three calendar years after the award year, "
            "one report in each.",
        )
    reasons = (
        Reason(
            citation,
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
        citation=citation,
        validity=validity,
        reasons=reasons,
    )
