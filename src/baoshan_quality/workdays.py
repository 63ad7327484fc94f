"""The mainland-China working-day calendar (a kernel: no I/O).

Measures Art. 18(7) counts a public notice in working days (工作日).  China's
working days are the weekdays, less the days off of the statutory holidays
(放假), plus the weekend days worked in exchange (调休上班).  The State Council
publishes each year's schedule late in the year before, in a notice of its
General Office (国务院办公厅关于XXXX年部分节假日安排的通知).

* :class:`WorkdayCalendar` is the protocol every rule uses: one method,
  ``is_workday(day)``.  A caller may pass any object that has it.
* :class:`ChinaWorkdayCalendar` is the default: the published schedules that
  the ``chinesecalendar`` package carries (2004–2026 in its release 1.11), plus
  any year the caller adds as data (:class:`PublishedYear`).
* A day in a year whose schedule is not published raises
  :class:`~baoshan_quality.errors.UnpublishedCalendarError` — never a guess
  (reading R12).  The remedy is to add the year from its notice, as data
  (``ChinaWorkdayCalendar().with_year(PublishedYear.of(...))``, or a
  ``PublishedYear`` read with ``from_json``; on the command line
  ``--published-year FILE``): the documentation's page "Working-day calendar"
  shows how.

>>> import datetime as dt
>>> cal = ChinaWorkdayCalendar()
>>> cal.is_workday(dt.date(2025, 9, 28))   # a Sunday worked (调休上班)
True
>>> cal.day_kind(dt.date(2025, 10, 8))
<DayKind.HOLIDAY: 'holiday'>
>>> nth_workday(dt.date(2025, 9, 26), 5)
datetime.date(2025, 10, 9)
>>> cal.is_workday(dt.date(2027, 1, 4))
Traceback (most recent call last):
...
baoshan_quality.errors.UnpublishedCalendarError: day: no official holiday schedule is known for 2027 (this calendar covers 2004–2026); add the State Council's notice for 2027 (国务院办公厅关于2027年部分节假日安排的通知) as PublishedYear data with ChinaWorkdayCalendar().with_year(...), or pass a calendar of your own (R12), got datetime.date(2027, 1, 4) (date) (Holiday notice 2027年)
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import attrs
import chinese_calendar

from baoshan_quality._validation import (
    is_bool,
    is_int,
    is_name,
    is_tuple_of,
    to_name,
)
from baoshan_quality.citations import Citation, Document
from baoshan_quality.errors import InvalidInputError, TableError, UnpublishedCalendarError

__all__ = [
    "DEFAULT_CALENDAR",
    "HOLIDAY_NOTICES",
    "MAX_COUNT",
    "ChinaWorkdayCalendar",
    "DayKind",
    "PublishedYear",
    "WorkdayCalendar",
    "holiday_notice",
    "nth_workday",
    "workdays_between",
]

_ONE_DAY = datetime.timedelta(days=1)

#: The largest ``n`` :func:`nth_workday` accepts (about forty years of working days).
MAX_COUNT = 10_000

#: The longest run of days off a calendar may answer before it is taken as broken.
_MAX_GAP = 60

#: The notices behind the years the library documents and tests (2023–2026).
#: Other years of the package are cited by the notice's title alone.
HOLIDAY_NOTICES: dict[int, str] = {
    2023: "国办发明电〔2022〕16号",
    2024: "国办发明电〔2023〕7号",
    2025: "国办发明电〔2024〕12号",
    # Issued 2025-11-04; its document number is not confirmed here, so the
    # notice is cited by title and date.
    2026: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
}


def holiday_notice(year: int) -> Citation:
    """The State Council notice that publishes a year's holiday schedule (reading R12).

    Parameters
    ----------
    year
        A year the library knows: one of :data:`HOLIDAY_NOTICES` or of the
        ``chinesecalendar`` package.

    Returns
    -------
    Citation
        The notice by its document number where the library records one, else
        by its title.

    Raises
    ------
    UnpublishedCalendarError
        No notice for ``year`` is known to the library.
    InvalidInputError
        ``year`` is not an ``int``.

    Examples
    --------
    >>> str(holiday_notice(2025))
    'Holiday notice 国办发明电〔2024〕12号'
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInputError.about("year", year, "expected a whole number (int)")
    if not 1 <= year <= 9999 or (year not in HOLIDAY_NOTICES and not _package_knows(year)):
        raise UnpublishedCalendarError.about(
            "year",
            year,
            "no holiday notice for this year is known to the library (R12); cite the "
            "notice you add with PublishedYear",
            # a year past 9999 is no calendar's (and 10**5000 has no str)
            Citation(Document.HOLIDAY_NOTICE, f"{year}年" if 1 <= year <= 9999 else "—"),
        )
    return Citation(
        Document.HOLIDAY_NOTICE,
        HOLIDAY_NOTICES.get(year, f"国务院办公厅关于{year}年部分节假日安排的通知"),
    )


@runtime_checkable
class WorkdayCalendar(Protocol):
    """Anything that says whether a date is a working day.

    ``is_workday(day)`` returns ``True`` or ``False`` and raises
    :class:`~baoshan_quality.errors.UnpublishedCalendarError` for a day it does
    not know.  The n-th working day (:func:`nth_workday`) and the working days
    of a span (:func:`workdays_between`) are derived from it, so a caller's own
    calendar needs nothing else.
    """

    def is_workday(self, day: datetime.date) -> bool:
        """Whether ``day`` is a working day."""
        ...


class DayKind(enum.Enum):
    """What a day is on the mainland-China calendar."""

    #: 工作日 — a weekday that is worked.
    WORKDAY = "workday"
    #: 调休上班日 — a Saturday or Sunday worked in exchange for a holiday.
    MAKEUP_WORKDAY = "make-up-workday"
    #: 节假日 — a day off of a published holiday period (放假调休), weekend days inside it included.
    HOLIDAY = "holiday"
    #: 休息日 — an ordinary Saturday or Sunday.
    WEEKEND = "weekend"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {"workday": "工作日", "make-up-workday": "调休上班日", "holiday": "节假日"}.get(
            self.value, "休息日"
        )

    @property
    def is_workday(self) -> bool:
        """Whether a day of this kind is worked."""
        return self in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)


def _check_day(value: object, name: str = "day") -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInputError.about(name, value, "expected a datetime.date")
    return value


def _to_sorted_dates(value: Iterable[datetime.date]) -> tuple[datetime.date, ...]:
    """Converter: dates in order.  Anything else passes through for the validator."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value  # pyright: ignore[reportReturnType]  # for the validator to refuse
    items = tuple(value)
    if all(isinstance(d, datetime.date) and not isinstance(d, datetime.datetime) for d in items):
        return tuple(sorted(items))
    return items


def _expand(ranges: Iterable[object]) -> tuple[datetime.date, ...]:
    days: list[datetime.date] = []
    for index, item in enumerate(ranges):
        if isinstance(item, tuple) and len(item) == 2:
            first = _check_day(item[0], f"holidays[{index}][0]")
            last = _check_day(item[1], f"holidays[{index}][1]")
            if last < first or (last - first).days > 31:
                raise InvalidInputError.about(
                    f"holidays[{index}]", item, "expected (first, last) with 0-31 days between"
                )
            days += [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]
        else:
            days.append(_check_day(item, f"holidays[{index}]"))
    return tuple(days)


@attrs.frozen
class PublishedYear:
    """One year's official schedule, as its State Council notice prints it (R12).

    The notice is 国务院办公厅关于XXXX年部分节假日安排的通知; a year the
    ``chinesecalendar`` package does not carry yet is added this way, as data
    (:meth:`ChinaWorkdayCalendar.with_year`), or read from JSON with
    :func:`~baoshan_quality.serialization.from_json` (every day listed, as
    :func:`~baoshan_quality.serialization.to_json` writes it).

    Attributes
    ----------
    year
        The year the notice is for.
    notice
        The notice as it is cited: its title and date, or its document number.
    holidays
        The days off of the holiday periods (放假调休), the weekend days inside a
        period included, as the notice writes "10月1日（周四）至7日（周三）".  A
        notice may open the New Year holiday in the last days of the year before
        (the 2024 notice ran it 2023-12-30 to 2024-01-01), so dates may fall in
        the preceding December.
    workdays
        The Saturdays and Sundays worked (上班).  Every other weekday is worked
        and every other weekend day is off.

    Examples
    --------
    The 2026 notice of 2025-11-04, its New Year and Spring Festival periods
    ("一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    二、春节：2月15日……至23日……放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"):

    >>> import datetime as dt
    >>> y = PublishedYear.of(
    ...     2026, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
    ...     holidays=[(dt.date(2026, 1, 1), dt.date(2026, 1, 3)),
    ...               (dt.date(2026, 2, 15), dt.date(2026, 2, 23))],
    ...     workdays=[dt.date(2026, 1, 4), dt.date(2026, 2, 14), dt.date(2026, 2, 28)],
    ... )
    >>> len(y.holidays), len(y.workdays)
    (12, 3)
    """

    year: int = attrs.field(validator=is_int(1950, 9998))
    notice: str = attrs.field(converter=to_name, validator=is_name)
    holidays: tuple[datetime.date, ...] = attrs.field(
        default=(), converter=_to_sorted_dates, validator=is_tuple_of(datetime.date)
    )
    workdays: tuple[datetime.date, ...] = attrs.field(
        default=(), converter=_to_sorted_dates, validator=is_tuple_of(datetime.date)
    )

    def __attrs_post_init__(self) -> None:
        first = datetime.date(self.year - 1, 12, 1)
        last = datetime.date(self.year, 12, 31)
        for name, days in (("holidays", self.holidays), ("workdays", self.workdays)):
            for day in days:
                if isinstance(day, datetime.datetime):
                    raise InvalidInputError.about(f"PublishedYear.{name}", day, "expected a date")
                if not first <= day <= last:
                    raise TableError.about(
                        f"PublishedYear.{name}",
                        day,
                        f"a {self.year} schedule covers {first} to {last}",
                    )
            if len(set(days)) != len(days):
                raise TableError.about(f"PublishedYear.{name}", days, "a date is listed twice")
        both = sorted(set(self.holidays) & set(self.workdays))
        if both:
            raise TableError.about(
                "PublishedYear", both[0], "a date cannot be both a holiday and a workday"
            )
        for day in self.workdays:
            if day.weekday() < 5:
                raise TableError.about(
                    "PublishedYear.workdays",
                    day,
                    "only a Saturday or Sunday can be a make-up workday (a weekday is one already)",
                )

    @classmethod
    def of(
        cls,
        year: int,
        notice: str,
        *,
        holidays: Iterable[datetime.date | tuple[datetime.date, datetime.date]] = (),
        workdays: Iterable[datetime.date] = (),
    ) -> PublishedYear:
        """A year from its notice's holiday periods ``(first, last)`` and weekend days worked.

        Parameters
        ----------
        year, notice
            As the fields of :class:`PublishedYear`.
        holidays
            Each holiday period as the notice prints it, ``(first, last)`` both
            included (at most 31 days apart), or a single day.
        workdays
            The Saturdays and Sundays worked (上班).

        Returns
        -------
        PublishedYear
            The year, every day of each period listed, in order.

        Raises
        ------
        InvalidInputError
            A period is not ``(first, last)`` of dates in order, or ``holidays`` is
            not a list.
        TableError
            The days do not hang together (a day twice, a day both off and worked,
            a weekday "worked", a day outside the preceding December to year end).

        Examples
        --------
        >>> import datetime as dt
        >>> y = PublishedYear.of(
        ...     2027, "示例，非官方安排 / illustrative, not the official schedule",
        ...     holidays=[(dt.date(2027, 1, 1), dt.date(2027, 1, 3))],
        ... )
        >>> [d.isoformat() for d in y.holidays]
        ['2027-01-01', '2027-01-02', '2027-01-03']
        """
        if isinstance(holidays, (str, bytes)) or not isinstance(holidays, Iterable):
            raise InvalidInputError.about(
                "holidays", holidays, "expected a list of dates or ranges"
            )
        return cls(year, notice, _expand(holidays), _to_sorted_dates(workdays))

    @property
    def citation(self) -> Citation:
        """The notice, as a citation."""
        return Citation(Document.HOLIDAY_NOTICE, self.notice)


@functools.lru_cache(maxsize=1)
def _package_years() -> tuple[int, int]:
    """The first and last year the installed chinesecalendar knows (probed, not assumed)."""
    known = [y for y in range(1990, 2101) if _package_knows(y)]
    return (known[0], known[-1]) if known else (0, -1)


def _package_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(datetime.date(year, 6, 1))
    except (NotImplementedError, LookupError, TypeError, ValueError, OverflowError):
        return False
    return True


def _package_kind(day: datetime.date) -> DayKind:
    try:
        rest, name = chinese_calendar.get_holiday_detail(day)
    except (NotImplementedError, LookupError, TypeError, ValueError, AttributeError) as exc:
        raise UnpublishedCalendarError.about(
            "day",
            day,
            f"chinesecalendar does not know this date ({exc})",
            Citation(Document.HOLIDAY_NOTICE, f"{day.year}年"),
        ) from None
    weekend = day.weekday() >= 5
    if not rest:
        return DayKind.MAKEUP_WORKDAY if weekend else DayKind.WORKDAY
    if name is None and weekend:
        return DayKind.WEEKEND
    return DayKind.HOLIDAY


def _spans(years: list[int]) -> str:
    """Sorted years as runs: ``[2004, …, 2026, 2028]`` → ``"2004–2026, 2028"``."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs) or "no year"


def _remedy(year: int) -> str:
    """What a caller does about an unpublished year (R12): add its notice as data."""
    return (
        f"add the State Council's notice for {year} (国务院办公厅关于{year}年部分节假日安排的通知) "
        "as PublishedYear data with ChinaWorkdayCalendar().with_year(...), or pass a calendar "
        "of your own (R12)"
    )


def _check_years(value: Iterable[PublishedYear]) -> tuple[PublishedYear, ...]:
    """Converter: the years in order, none twice.  Anything else passes through."""
    items = _to_tuple(value)
    if isinstance(items, tuple):
        years = [y.year for y in items if isinstance(y, PublishedYear)]
        if len(set(years)) != len(years):
            raise TableError.about("ChinaWorkdayCalendar.published", years, "a year is given twice")
        return tuple(sorted(items, key=lambda y: y.year if isinstance(y, PublishedYear) else 0))
    return items  # type: ignore[return-value]  # for the validator to refuse


def _to_tuple(value: object) -> object:
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


@attrs.frozen
class ChinaWorkdayCalendar:
    """The mainland-China official calendar: ``chinesecalendar`` plus years added as data.

    ``published`` adds (or, for a year the package has, replaces) whole years
    from their notices.  ``use_package=False`` makes ``published`` the whole
    calendar — a calendar entirely of the caller's own data.

    >>> import datetime as dt
    >>> y2027 = PublishedYear.of(2027, "示例，非官方安排 / illustrative, not the official schedule",
    ...                          holidays=[(dt.date(2027, 1, 1), dt.date(2027, 1, 3))])
    >>> cal = ChinaWorkdayCalendar().with_year(y2027)
    >>> cal.is_workday(dt.date(2027, 1, 1)), cal.is_workday(dt.date(2027, 1, 4))
    (False, True)
    >>> cal.first_year, cal.last_year
    (2004, 2027)
    """

    published: tuple[PublishedYear, ...] = attrs.field(
        default=(), converter=_check_years, validator=is_tuple_of(PublishedYear)
    )
    use_package: bool = attrs.field(default=True, validator=is_bool)

    def with_year(self, year: PublishedYear) -> ChinaWorkdayCalendar:
        """A new calendar with ``year`` added from its notice (replacing a year already given).

        Parameters
        ----------
        year
            The schedule of one year, from its State Council notice.

        Returns
        -------
        ChinaWorkdayCalendar
            This calendar (its ``use_package`` choice kept) with ``year`` added; a
            year of the same number, given before or carried by the package, is
            replaced.

        Raises
        ------
        InvalidInputError
            ``year`` is not a :class:`PublishedYear`.

        Examples
        --------
        >>> import datetime as dt
        >>> y = PublishedYear(2027, "示例，非官方安排 / illustrative, not the official schedule")
        >>> ChinaWorkdayCalendar().with_year(y).covers(2027)
        True
        """
        if not isinstance(year, PublishedYear):
            raise InvalidInputError.about("year", year, "expected a PublishedYear")
        kept = tuple(y for y in self.published if y.year != year.year)
        return ChinaWorkdayCalendar((*kept, year), self.use_package)

    def _years(self) -> list[int]:
        own = [y.year for y in self.published]
        if self.use_package:
            first, last = _package_years()
            own += list(range(first, last + 1))
        return sorted(set(own))

    def covers(self, year: int) -> bool:
        """Whether the schedule of ``year`` is known to this calendar."""
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidInputError.about("year", year, "expected a whole number (int)")
        return year in self._years()

    @property
    def first_year(self) -> int | None:
        """The first year known, or ``None`` for an empty calendar."""
        years = self._years()
        return years[0] if years else None

    @property
    def last_year(self) -> int | None:
        """The last year known (the data ends there), or ``None`` for an empty calendar."""
        years = self._years()
        return years[-1] if years else None

    def source(self, year: int) -> Citation:
        """The notice behind ``year``'s schedule."""
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidInputError.about("year", year, "expected a whole number (int)")
        for own in self.published:
            if own.year == year:
                return own.citation
        return holiday_notice(year)

    def day_kind(self, day: datetime.date) -> DayKind:
        """Whether ``day`` is a workday, a make-up workday, a holiday or a weekend day."""
        _check_day(day)
        for own in self.published:
            if day in own.workdays:
                return DayKind.MAKEUP_WORKDAY
            if day in own.holidays:
                return DayKind.HOLIDAY
        weekend = day.weekday() >= 5
        if any(own.year == day.year for own in self.published):
            return DayKind.WEEKEND if weekend else DayKind.WORKDAY
        if self.use_package and self.covers(day.year):
            return _package_kind(day)
        raise UnpublishedCalendarError.about(
            "day",
            day,
            f"no official holiday schedule is known for {day.year} (this calendar covers "
            f"{_spans(self._years())}); {_remedy(day.year)}",
            Citation(Document.HOLIDAY_NOTICE, f"{day.year}年"),
        )

    def is_workday(self, day: datetime.date) -> bool:
        """Whether ``day`` is a working day (make-up weekend days included)."""
        return self.day_kind(day).is_workday

    def nth_workday(
        self, start: datetime.date, n: int, *, count_start: bool = True
    ) -> datetime.date:
        """The ``n``-th working day from ``start`` (see :func:`nth_workday`)."""
        return nth_workday(start, n, calendar=self, count_start=count_start)


#: The default calendar: the package's published years, nothing added.
DEFAULT_CALENDAR = ChinaWorkdayCalendar()


def check_calendar_answer(calendar: object, day: datetime.date) -> bool:
    """Ask ``calendar`` about ``day`` and vouch for the answer's type.

    A caller's calendar that raises ``NotImplementedError`` (as chinesecalendar
    does for an unknown year) is read as an unpublished year; any other
    failure, or an answer that is not ``True``/``False``, is an
    :class:`~baoshan_quality.errors.InvalidInputError` naming the calendar.

    >>> import datetime as dt
    >>> check_calendar_answer(DEFAULT_CALENDAR, dt.date(2025, 10, 11))
    True
    """
    method = getattr(calendar, "is_workday", None)
    if not callable(method):
        raise InvalidInputError.about(
            "calendar", calendar, "expected a WorkdayCalendar (an object with is_workday(day))"
        )
    try:
        answer = method(day)
    except UnpublishedCalendarError:
        raise
    except NotImplementedError as exc:
        raise UnpublishedCalendarError.about(
            "day", day, f"the calendar does not know this date ({exc}) (R12)"
        ) from None
    except Exception as exc:
        if isinstance(exc, InvalidInputError):
            raise
        raise InvalidInputError.about(
            "calendar", calendar, f"is_workday({day}) failed: {type(exc).__name__}: {exc}"
        ) from None
    if not isinstance(answer, bool):
        raise InvalidInputError.about(
            "calendar", calendar, f"is_workday({day}) answered {answer!r}, not True or False"
        )
    return answer


def _calendar(calendar: object | None) -> object:
    return DEFAULT_CALENDAR if calendar is None else calendar


def _next(day: datetime.date) -> datetime.date:
    if day == datetime.date.max:
        raise InvalidInputError.about("day", day, "the count leaves the calendar")
    return day + _ONE_DAY


def nth_workday(
    start: datetime.date,
    n: int,
    *,
    calendar: WorkdayCalendar | None = None,
    count_start: bool = True,
) -> datetime.date:
    """The n-th working day counted from a day (for Measures Art. 18(7), reading R11).

    Parameters
    ----------
    start
        The day counting starts from.
    n
        Which working day: 1 to :data:`MAX_COUNT`.
    calendar
        The calendar; ``None`` (the default) means :data:`DEFAULT_CALENDAR`.  Any
        object with ``is_workday(day)`` will do.
    count_start
        ``True`` (the default) counts ``start`` itself as the first when it is a
        working day (how Chinese notices state their dates; R11's default);
        ``False`` starts with the next day (Civil Code Art. 201).

    Returns
    -------
    datetime.date
        The ``n``-th working day.

    Raises
    ------
    UnpublishedCalendarError
        The count reaches a year whose schedule is not published (R12).
    InvalidInputError
        ``start`` is not a ``datetime.date``; ``n`` or ``count_start`` is out of
        range or of the wrong kind; the calendar fails or answers no working day
        for 60 days.

    Examples
    --------
    >>> import datetime as dt
    >>> nth_workday(dt.date(2025, 9, 26), 5, count_start=False)
    datetime.date(2025, 10, 10)
    >>> nth_workday(dt.date(2025, 9, 27), 1)      # Saturday: the first is the Sunday worked
    datetime.date(2025, 9, 28)
    """
    day = _check_day(start, "start")
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_COUNT:
        raise InvalidInputError.about("n", n, f"expected a whole number from 1 to {MAX_COUNT}")
    if not isinstance(count_start, bool):
        raise InvalidInputError.about("count_start", count_start, "expected True or False")
    cal = _calendar(calendar)
    if not count_start:
        day = _next(day)
    counted, gap = 0, 0
    while True:
        if check_calendar_answer(cal, day):
            counted, gap = counted + 1, 0
            if counted == n:
                return day
        else:
            gap += 1
            if gap > _MAX_GAP:
                raise InvalidInputError.about(
                    "calendar", cal, f"no working day in the {_MAX_GAP} days before {day}"
                )
        day = _next(day)


def workdays_between(
    start: datetime.date, end: datetime.date, *, calendar: WorkdayCalendar | None = None
) -> tuple[datetime.date, ...]:
    """The working days of a span of days, in order (mainland-China calendar, R12).

    Parameters
    ----------
    start, end
        The first and the last day, both included (at most forty years apart).
    calendar
        The calendar; ``None`` (the default) means :data:`DEFAULT_CALENDAR`.

    Returns
    -------
    tuple[datetime.date, ...]
        The working days, make-up weekend days included.

    Raises
    ------
    UnpublishedCalendarError
        A day lies in a year whose schedule is not published (R12).
    InvalidInputError
        A date is not a ``datetime.date``, ``end`` is before ``start``, or the
        span is longer than forty years; the calendar fails.

    Examples
    --------
    >>> import datetime as dt
    >>> [d.isoformat() for d in workdays_between(dt.date(2025, 9, 26), dt.date(2025, 10, 9))]
    ['2025-09-26', '2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09']
    """
    first = _check_day(start, "start")
    last = _check_day(end, "end")
    if last < first:
        raise InvalidInputError.about("end", last, f"expected a date on or after start {first}")
    if (last - first).days > 366 * 40:
        raise InvalidInputError.about("end", last, "a span of more than forty years")
    cal = _calendar(calendar)
    days = [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]
    return tuple(d for d in days if check_calendar_answer(cal, d))
