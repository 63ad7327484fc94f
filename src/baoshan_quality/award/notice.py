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
>>> print(check)   # doctest: +NORMALIZE_WHITESPACE
public notice 2025-09-26 – 2025-10-08: 4 working days, at least 5 required → too short
(earliest close 2025-10-09)
date        weekday  kind             counted
----------  -------  ---------------  -------
2025-09-26  Fri      workday          1
2025-09-27  Sat      weekend
2025-09-28  Sun      make-up-workday  2
2025-09-29  Mon      workday          3
2025-09-30  Tue      workday          4
2025-10-01  Wed      holiday
2025-10-02  Thu      holiday
2025-10-03  Fri      holiday
2025-10-04  Sat      holiday
2025-10-05  Sun      holiday
2025-10-06  Mon      holiday
2025-10-07  Tue      holiday
2025-10-08  Wed      holiday
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

import attrs

from baoshan_quality._display import html_table, text_table
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_enum,
    is_int,
    is_optional,
    is_tuple_of,
    to_tuple,
)
from baoshan_quality.award.scheme import BAOSHAN_2023, AwardScheme
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
_LONGEST = 366  # a notice longer than a year is surely a typing error


class NoticeCounting(enum.Enum):
    """Reading R11: from which day the working days of a notice are counted."""

    #: Default: the first day counts when it is a working day (as notices state their dates).
    FIRST_DAY_COUNTS = "first-day-counts"
    #: Alternative: counting starts the day after the first day (Civil Code Art. 201).
    FROM_NEXT_DAY = "from-next-day"


@attrs.frozen
class NoticePolicy:
    """Reading R11: how a notice's working days are counted.

    The number required is the scheme's (``scheme.notice``: 5 for Baoshan 2023).
    """

    counting: NoticeCounting = attrs.field(
        default=NoticeCounting.FIRST_DAY_COUNTS, validator=is_enum(NoticeCounting)
    )


def _policy(policy: object) -> NoticePolicy:
    if not isinstance(policy, NoticePolicy):
        raise InvalidInputError.about("policy", policy, "expected a NoticePolicy", ART_18_7)
    return policy


def _date(value: object, name: str) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInputError.about(name, value, "expected a datetime.date", ART_18_7)
    return value


def _required(scheme: object) -> int:
    if not isinstance(scheme, AwardScheme):
        raise InvalidInputError.about("scheme", scheme, "expected an AwardScheme", ART_18_7)
    return scheme.notice.count


def earliest_notice_close(
    start: datetime.date,
    *,
    calendar: WorkdayCalendar | None = None,
    policy: NoticePolicy = NoticePolicy(),
    scheme: AwardScheme = BAOSHAN_2023,
    allow_outside_validity: bool = False,
) -> datetime.date:
    """The earliest last day of a notice that opens on ``start`` (Art. 18(7), R11).

    The notice runs to the end of that day; the award may be announced from
    the next day on (Art. 18(8): 公示无异议后).

    >>> import datetime as dt
    >>> earliest_notice_close(dt.date(2025, 9, 27))   # a Saturday: Sun 9-28 is worked
    datetime.date(2025, 10, 10)
    """
    day = _date(start, "start")
    chosen = _policy(policy)
    required = _required(scheme)
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
class NoticeCheck:
    """Whether a notice from ``start`` to ``end`` (inclusive) met Art. 18(7), and why."""

    start: datetime.date = attrs.field(validator=is_date)
    end: datetime.date = attrs.field(validator=is_date)
    counting: NoticeCounting = attrs.field(validator=is_enum(NoticeCounting))
    required: int = attrs.field(validator=is_int(1))
    days: tuple[NoticeDay, ...] = attrs.field(converter=to_tuple, validator=is_tuple_of(NoticeDay))
    #: The earliest allowed last day; ``None`` when it falls in an unpublished year.
    earliest_close: datetime.date | None = attrs.field(validator=is_optional(is_date))
    long_enough: bool = attrs.field(validator=is_bool)
    #: ``True`` only when the caller applied the Measures outside Art. 28's span.
    applied_outside_validity: bool = attrs.field(validator=is_bool)
    reasons: tuple[Reason, ...] = attrs.field(converter=to_tuple, validator=is_tuple_of(Reason))

    @property
    def counted(self) -> tuple[datetime.date, ...]:
        """The working days counted, in order."""
        return tuple(d.day for d in self.days if d.counted is not None)

    @property
    def counted_days(self) -> int:
        """How many working days were counted."""
        return len(self.counted)

    def _rows(self) -> list[list[object]]:
        return [
            [
                d.day.isoformat(),
                _WEEKDAYS[d.day.weekday()],
                d.kind.value if d.kind is not None else ("workday" if d.workday else "day off"),
                "" if d.counted is None else d.counted,
            ]
            for d in self.days
        ]

    def _headline(self) -> str:
        verdict = "long enough" if self.long_enough else "too short"
        close = self.earliest_close.isoformat() if self.earliest_close else "unknown"
        return (
            f"public notice {self.start} – {self.end}: {self.counted_days} working days, "
            f"at least {self.required} required → {verdict}\n(earliest close {close})"
        )

    def __str__(self) -> str:
        return (
            self._headline()
            + "\n"
            + text_table(["date", "weekday", "kind", "counted"], self._rows())
        )

    def _repr_html_(self) -> str:
        return html_table(
            ["date", "weekday", "kind", "counted"],
            self._rows(),
            caption=self._headline().replace("\n", " "),
        )

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per day of the notice."""
        return [
            {
                "date": d.day,
                "weekday": _WEEKDAYS[d.day.weekday()],
                "workday": d.workday,
                "kind": d.kind.value if d.kind is not None else None,
                "counted": d.counted,
            }
            for d in self.days
        ]


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
                    f"{year}年的工作日按该年节假日安排通知确定（含调休上班日）。",
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
    policy: NoticePolicy = NoticePolicy(),
    scheme: AwardScheme = BAOSHAN_2023,
    allow_outside_validity: bool = False,
) -> NoticeCheck:
    """Whether a notice open from ``start`` to the end of ``end`` lasted long enough.

    Lists every day of the notice, numbering the working days counted.  Both
    dates must lie in the Measures' span (Art. 28) unless
    ``allow_outside_validity=True``.

    >>> import datetime as dt
    >>> check_notice(dt.date(2025, 9, 26), dt.date(2025, 10, 9)).long_enough
    True
    """
    first = _date(start, "start")
    last = _date(end, "end")
    chosen = _policy(policy)
    required = _required(scheme)
    outside: list[Reason] = []
    for name, day in (("start", first), ("end", last)):
        validity = check_date(
            day, name, scheme=scheme, allow_outside_validity=allow_outside_validity
        )
        if validity.applied_outside_validity:
            outside += validity.reasons
    if last < first:
        raise InvalidInputError.about(
            "end", last, f"the notice cannot close before it opens on {first}", ART_18_7
        )
    if (last - first).days > _LONGEST:
        raise InvalidInputError.about("end", last, "a notice longer than a year", ART_18_7)
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
            scheme.notice.citation,
            f"拟获奖名单应向社会公示不少于{required}个工作日。",
            f"The proposed list must be publicly noticed for at least {required} working days.",
        )
    ]
    if first_counts:
        reasons.append(
            Reason(
                ART_18_7,
                "按公示通告的表述习惯，公示首日为工作日时计入（R11 默认）。",
                "As notices state their dates, the first day counts when it is a working day "
                "(R11 default).",
            )
        )
    else:
        reasons.append(
            Reason(
                civil_code("Art. 201"),
                "开始的当日不计入，自下一日开始计算（R11 另一读法）。",
                "The first day is not counted; counting starts the next day (R11 alternative).",
            )
        )
    reasons += _sources(cal, sorted({first.year, last.year}))
    span_zh = f"{first.isoformat()}至{last.isoformat()}"
    if enough:
        reasons.append(
            Reason(
                ART_18_7,
                f"公示期{span_zh}计入{counted}个工作日，满足要求。",
                f"The notice {first} – {last} counts {counted} working days: long enough.",
            )
        )
    else:
        close_zh = earliest.isoformat() if earliest else "（日历未公布，无法确定）"
        close_en = earliest.isoformat() if earliest else "unknown (calendar not published)"
        reasons.append(
            Reason(
                ART_18_7,
                f"公示期{span_zh}仅计入{counted}个工作日，不足{required}个；"
                f"最早可于{close_zh}结束。",
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
