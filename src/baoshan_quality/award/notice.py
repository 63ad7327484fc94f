"""The public notice of the proposed award list (Measures Art. 18(7)).

Art. 18(7): 审定委员会办公室上报区政府批准后，将拟获奖名单向社会进行不少于5个
工作日的公示 — once the district government approves, the proposed list is
publicly noticed for **no fewer than 5 working days**, on the mainland-China
working-day calendar (:mod:`baoshan_quality.workdays`).

Reading **R11** — how the working days are counted:

* default :attr:`NoticeCounting.FIRST_DAY_COUNTS`: as Chinese notices state
  their dates ("公示期为9月26日至10月9日"), the first day counts when it is a
  working day, and the notice may close at the end of the 5th working day;
* :attr:`NoticeCounting.FROM_NEXT_DAY`: the first day is not counted (Civil
  Code Art. 201), so counting starts the next day.

>>> import datetime as dt
>>> earliest_notice_close(dt.date(2025, 9, 26))
datetime.date(2025, 10, 9)
>>> earliest_notice_close(
...     dt.date(2025, 9, 26), policy=NoticePolicy(NoticeCounting.FROM_NEXT_DAY))
datetime.date(2025, 10, 10)
>>> check = check_notice(dt.date(2025, 9, 26), dt.date(2025, 10, 8))
>>> check.long_enough, check.counted_days
(False, 4)
>>> print(check.to_text("en"))
public notice 2025-09-26 – 2025-10-08: 4 working days, at least 5 required → too short (earliest close 2025-10-09)
date        weekday  workday  kind             counted
----------  -------  -------  ---------------  -------
2025-09-26  Fri      ✓        workday          1
2025-09-27  Sat               weekend          —
2025-09-28  Sun      ✓        make-up-workday  2
2025-09-29  Mon      ✓        workday          3
2025-09-30  Tue      ✓        workday          4
2025-10-01  Wed               holiday          —
2025-10-02  Thu               holiday          —
2025-10-03  Fri               holiday          —
2025-10-04  Sat               holiday          —
2025-10-05  Sun               holiday          —
2025-10-06  Mon               holiday          —
2025-10-07  Tue               holiday          —
2025-10-08  Wed               holiday          —
[Measures Art. 18(7)] The proposed list must be publicly noticed for at least 5 working days.
[Measures Art. 18(7)] As notices state their dates, the first day counts when it is a working day (R11 default).
[Holiday notice 国办发明电〔2024〕12号] Working days of 2025 follow that year's holiday notice (make-up workdays included).
[Measures Art. 18(7)] The notice 2025-09-26 – 2025-10-08 counts only 4 working days, fewer than 5; the earliest close is 2025-10-09.
"""

from __future__ import annotations

import datetime
import enum

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_enum,
    is_int,
    is_optional,
    is_tuple_of,
)
from baoshan_quality.award._show import notes
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import check_date
from baoshan_quality.citations import Citation, Reason, civil_code, measures
from baoshan_quality.errors import InvalidInputError, UnpublishedCalendarError
from baoshan_quality.workdays import (
    DEFAULT_CALENDAR,
    DayKind,
    WorkdayCalendar,
    check_calendar_answer,
    nth_workday,
)

__all__ = [
    "ART_18_7",
    "LONGEST_NOTICE",
    "NoticeCheck",
    "NoticeCounting",
    "NoticeDay",
    "NoticePolicy",
    "check_notice",
    "earliest_notice_close",
]

#: 审定公示: the proposed list is noticed for no fewer than 5 working days.
ART_18_7: Citation = measures("Art. 18(7)")

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
#: The library's own bound on a notice, in days (Art. 18(7) sets a minimum and no
#: maximum): a notice longer than a year is surely a typing error.
LONGEST_NOTICE = 366


class NoticeCounting(enum.Enum):
    """Reading R11: from which day the working days of a notice are counted."""

    #: Default: the first day counts when it is a working day (as notices state their dates).
    FIRST_DAY_COUNTS = "first-day-counts"
    #: Alternative: counting starts the day after the first day (Civil Code Art. 201).
    FROM_NEXT_DAY = "from-next-day"


@attrs.frozen
class NoticePolicy:
    """Reading R11: how a notice's working days are counted.

    Attributes
    ----------
    counting
        :attr:`NoticeCounting.FIRST_DAY_COUNTS` (default) or
        :attr:`NoticeCounting.FROM_NEXT_DAY`.

    The number required is the scheme's (``scheme.notice``: 5 for Baoshan 2023).
    """

    counting: NoticeCounting = attrs.field(
        default=NoticeCounting.FIRST_DAY_COUNTS, validator=is_enum(NoticeCounting)
    )


def _policy(policy: object, citation: Citation) -> NoticePolicy:
    if policy is None:
        return NoticePolicy()
    if not isinstance(policy, NoticePolicy):
        raise InvalidInputError.about("policy", policy, "expected a NoticePolicy", citation)
    return policy


def _date(value: object, name: str, citation: Citation) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInputError.about(name, value, "expected a datetime.date", citation)
    return value


def earliest_notice_close(
    start: datetime.date,
    *,
    calendar: WorkdayCalendar | None = None,
    policy: NoticePolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> datetime.date:
    """The earliest last day of a public notice (Measures Art. 18(7), reading R11).

    The notice runs to the end of that day; the award may be announced from
    the next day on (Art. 18(8): 公示无异议后).

    Parameters
    ----------
    start
        The day the notice opens.
    calendar
        The working-day calendar; ``None`` (the default) means the mainland-China
        calendar.  Any object with ``is_workday(day)`` will do.
    policy
        Reading R11; ``None`` (the default) means ``NoticePolicy()`` (the first day
        counts when it is a working day).
    scheme
        The award's edition (its notice term: 5 working days); ``None`` (the
        default) means ``BAOSHAN_2023``.
    allow_outside_validity
        Apply the Measures to a start outside their span (Art. 28) anyway.

    Returns
    -------
    datetime.date
        The day the required working days are complete.

    Raises
    ------
    OutsideValidityError
        ``start`` is outside Art. 28's span and ``allow_outside_validity`` is ``False``.
    UnpublishedCalendarError
        The count reaches a year whose holiday schedule is not published (R12).
    InvalidInputError
        ``start`` is not a ``datetime.date``; ``calendar``, ``policy`` or ``scheme``
        is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> earliest_notice_close(dt.date(2025, 9, 27))   # a Saturday: Sun 9-28 is worked
    datetime.date(2025, 10, 10)
    """
    scheme = resolve_scheme(scheme, ART_18_7)
    citation = scheme.cite(scheme.notice.clause)
    day = _date(start, "start", citation)
    chosen = _policy(policy, citation)
    required = scheme.notice.count
    check_date(day, "start", scheme=scheme, allow_outside_validity=allow_outside_validity)
    return nth_workday(
        day,
        required,
        calendar=calendar,
        count_start=chosen.counting is NoticeCounting.FIRST_DAY_COUNTS,
    )


@attrs.frozen
class NoticeDay:
    """One day of a notice: whether it is worked and, if counted, its number."""

    day: datetime.date = attrs.field(validator=is_date)
    workday: bool = attrs.field(validator=is_bool)
    #: 1, 2, … for the working days counted; ``None`` for days not counted.
    counted: int | None = attrs.field(default=None, validator=is_optional(is_int(1)))
    #: The day's kind where the calendar tells it (the default calendar does).
    kind: DayKind | None = attrs.field(default=None, validator=is_optional(is_enum(DayKind)))


@attrs.frozen
class NoticeCheck(Tabular):
    """Whether a public notice met Measures Art. 18(7), day by day, and why.

    Attributes
    ----------
    start, end
        The notice's first and last day (both included).
    counting, required
        Reading R11 applied and the working days required (the scheme's).
    days
        Every day of the notice (:class:`NoticeDay`), the table's rows.
    earliest_close
        The earliest allowed last day; ``None`` when it falls in an unpublished year.
    long_enough
        Whether the working days counted reach ``required``.
    applied_outside_validity
        ``True`` only when the caller applied the Measures outside Art. 28's span.
    reasons
        The clause, the reading, the calendar's notices and the verdict (the notes).
    """

    start: datetime.date = attrs.field(validator=is_date)
    end: datetime.date = attrs.field(validator=is_date)
    counting: NoticeCounting = attrs.field(validator=is_enum(NoticeCounting))
    required: int = attrs.field(validator=is_int(1))
    days: tuple[NoticeDay, ...] = attrs.field(validator=is_tuple_of(NoticeDay))
    earliest_close: datetime.date | None = attrs.field(validator=is_optional(is_date))
    long_enough: bool = attrs.field(validator=is_bool)
    applied_outside_validity: bool = attrs.field(validator=is_bool)
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    @property
    def counted(self) -> tuple[datetime.date, ...]:
        """The working days counted, in order."""
        return tuple(d.day for d in self.days if d.counted is not None)

    @property
    def counted_days(self) -> int:
        """How many working days were counted."""
        return len(self.counted)

    def _table(self) -> Table:
        close = self.earliest_close
        n, required = self.counted_days, self.required
        close_zh = f"最早可于 {close} 结束" if close else "最早结束日未知：日历未公布"
        return Table(
            caption=Text(
                f"公示 {self.start} 至 {self.end}：计入 {n} 个工作日，至少需 {required} 个"
                f" → {'满足要求' if self.long_enough else '不足'}（{close_zh}）",
                f"public notice {self.start} – {self.end}: {n} working days, at least "
                f"{required} required → {'long enough' if self.long_enough else 'too short'}"
                f" (earliest close {close or 'unknown'})",
            ),
            columns=(
                Column("date", "日期", "date"),
                Column("weekday", "星期", "weekday"),
                Column("workday", "工作日", "workday"),
                Column("kind", "类别", "kind"),
                Column("counted", "计数", "counted"),
            ),
            rows=tuple(
                (
                    d.day,
                    Text(_WEEKDAYS_ZH[d.day.weekday()], _WEEKDAYS[d.day.weekday()]),
                    d.workday,
                    None if d.kind is None else Text(d.kind.zh, d.kind.value),
                    d.counted,
                )
                for d in self.days
            ),
            notes=notes(self.reasons),
        )


def _kind(calendar: object, day: datetime.date) -> DayKind | None:
    method = getattr(calendar, "day_kind", None)
    if callable(method):
        try:
            kind = method(day)
        except Exception:  # a caller's calendar: its kind is optional
            return None
        return kind if isinstance(kind, DayKind) else None
    return None


def _sources(calendar: object, years: list[int]) -> list[Reason]:
    method = getattr(calendar, "source", None)
    reasons = []
    for year in years:
        citation = None
        if callable(method):
            try:
                citation = method(year)
            except Exception:
                citation = None
        if isinstance(citation, Citation):
            reasons.append(
                Reason(
                    citation,
                    f"{year} 年的工作日按该年节假日安排通知确定（含调休上班日）。",
                    f"Working days of {year} follow that year's holiday notice "
                    "(make-up workdays included).",
                )
            )
    return reasons


def check_notice(
    start: datetime.date,
    end: datetime.date,
    *,
    calendar: WorkdayCalendar | None = None,
    policy: NoticePolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> NoticeCheck:
    """Whether a public notice lasted long enough (Measures Art. 18(7), reading R11).

    Lists every day of the notice, numbering the working days counted.

    Parameters
    ----------
    start, end
        The notice's first day, and its last day (open to that day's end).
    calendar
        The working-day calendar; ``None`` (the default) means the mainland-China
        calendar.  Any object with ``is_workday(day)`` will do.
    policy
        Reading R11; ``None`` (the default) means ``NoticePolicy()`` (the first day
        counts when it is a working day).
    scheme
        The award's edition (its notice term: 5 working days); ``None`` (the
        default) means ``BAOSHAN_2023``.
    allow_outside_validity
        Apply the Measures to dates outside their span (Art. 28) anyway.

    Returns
    -------
    NoticeCheck
        Every day, the count, ``long_enough``, the earliest close and the reasons.

    Raises
    ------
    OutsideValidityError
        ``start`` or ``end`` is outside Art. 28's span and ``allow_outside_validity``
        is ``False``.
    UnpublishedCalendarError
        A day of the notice lies in a year whose schedule is not published (R12).
    InvalidInputError
        A date is not a ``datetime.date``; ``end`` is before ``start``, or more than
        366 days after it (:data:`LONGEST_NOTICE`, the library's own bound: the
        article sets no maximum); ``calendar``, ``policy`` or ``scheme`` is of the
        wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> check_notice(dt.date(2025, 9, 26), dt.date(2025, 10, 9)).long_enough
    True
    """
    scheme = resolve_scheme(scheme, ART_18_7)
    citation = scheme.cite(scheme.notice.clause)
    first = _date(start, "start", citation)
    last = _date(end, "end", citation)
    chosen = _policy(policy, citation)
    required = scheme.notice.count
    outside: list[Reason] = []
    for name, day in (("start", first), ("end", last)):
        validity = check_date(
            day, name, scheme=scheme, allow_outside_validity=allow_outside_validity
        )
        if validity.applied_outside_validity:
            outside += validity.reasons
    if last < first:
        raise InvalidInputError.about(
            "end", last, f"the notice cannot close before it opens on {first}", citation
        )
    if (last - first).days > LONGEST_NOTICE:
        raise InvalidInputError.about(
            "end",
            last,
            f"a notice of more than {LONGEST_NOTICE} days from {first}: the library's own "
            "bound against typing errors (Art. 18(7) sets a minimum, no maximum)",
        )
    cal: WorkdayCalendar = DEFAULT_CALENDAR if calendar is None else calendar
    first_counts = chosen.counting is NoticeCounting.FIRST_DAY_COUNTS
    days: list[NoticeDay] = []
    counted = 0
    for offset in range((last - first).days + 1):
        day = first + datetime.timedelta(days=offset)
        worked = check_calendar_answer(cal, day)
        number = None
        if worked and (first_counts or day != first):
            counted += 1
            number = counted
        days.append(NoticeDay(day, worked, number, _kind(cal, day)))
    try:
        earliest: datetime.date | None = earliest_notice_close(
            first,
            calendar=cal,
            policy=chosen,
            scheme=scheme,
            allow_outside_validity=True,
        )
    except UnpublishedCalendarError:
        earliest = None
    enough = counted >= required
    reasons = [
        Reason(
            citation,
            f"拟获奖名单应向社会公示不少于 {required} 个工作日。",
            f"The proposed list must be publicly noticed for at least {required} working days.",
        )
    ]
    if first_counts:
        reasons.append(
            Reason(
                citation,
                "按公示通告的表述习惯，公示首日为工作日时计入（R11 默认）。",
                "As notices state their dates, the first day counts when it is a working day "
                "(R11 default).",
            )
        )
    else:
        reasons.append(
            Reason(
                civil_code("Art. 201"),
                "开始的当日不计入，自下一日开始计算（R11 备选）。",
                "The first day is not counted; counting starts the next day (R11 alternative).",
            )
        )
    reasons += _sources(cal, sorted({first.year, last.year}))
    span_zh = f"{first.isoformat()} 至 {last.isoformat()}"
    if enough:
        reasons.append(
            Reason(
                citation,
                f"公示期 {span_zh} 计入 {counted} 个工作日，满足要求。",
                f"The notice {first} – {last} counts {counted} working days: long enough.",
            )
        )
    else:
        close_zh = earliest.isoformat() if earliest else "日历未公布，无法确定"
        close_en = earliest.isoformat() if earliest else "unknown (calendar not published)"
        reasons.append(
            Reason(
                citation,
                f"公示期 {span_zh} 仅计入 {counted} 个工作日，不足 {required} 个；"
                f"最早结束日：{close_zh}。",
                f"The notice {first} – {last} counts only {counted} working days, fewer than "
                f"{required}; the earliest close is {close_en}.",
            )
        )
    return NoticeCheck(
        start=first,
        end=last,
        counting=chosen.counting,
        required=required,
        days=tuple(days),
        earliest_close=earliest,
        long_enough=enough,
        applied_outside_validity=bool(outside),
        reasons=(*reasons, *outside),
    )
