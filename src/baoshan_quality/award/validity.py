"""When the Measures apply (宝府规〔2023〕3号 Art. 28).

Art. 28: 本办法自2023年8月1日起实施，有效期至2028年7月31日，2023年4月27日到
7月31日之间参照本办法执行 — in force from 2023-08-01 to 2028-07-31 (both
included), and applied by reference (参照执行) from 2023-04-27 to 2023-07-31 (both
included: "到…之间" read as covering its two named days, else 2023-07-31 would
fall between the two spans).

Every function of the award rules that takes a date checks it here: a date
outside 2023-04-27..2028-07-31 raises
:class:`~baoshan_quality.errors.OutsideValidityError` unless the caller passes
``allow_outside_validity=True``, and then the result records
``applied_outside_validity=True``.

>>> import datetime as dt
>>> check_validity(dt.date(2023, 7, 31)).status
<ValidityStatus.BY_REFERENCE: 'by-reference'>
>>> check_validity(dt.date(2023, 8, 1)).status
<ValidityStatus.IN_FORCE: 'in-force'>
>>> check_validity(dt.date(2028, 8, 1))
Traceback (most recent call last):
...
baoshan_quality.errors.OutsideValidityError: on: after the Measures expired on 2028-07-31; pass allow_outside_validity=True to apply them anyway, got datetime.date(2028, 8, 1) (date) (Measures Art. 28)
>>> c = check_validity(dt.date(2028, 8, 1), allow_outside_validity=True)
>>> c.status.value, c.applied_outside_validity
('after', True)
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
    is_name,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import notes
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.citations import Reason
from baoshan_quality.errors import InvalidInputError, OutsideValidityError

__all__ = [
    "ValidityCheck",
    "ValidityStatus",
    "check_validity",
    "validity_status",
]


class ValidityStatus(enum.Enum):
    """Where a date lies relative to the Measures' validity (Art. 28)."""

    #: Before the by-reference span: the Measures do not apply.
    BEFORE = "before"
    #: 参照执行 — applied by reference (2023-04-27..2023-07-31).
    BY_REFERENCE = "by-reference"
    #: 实施 — in force (2023-08-01..2028-07-31).
    IN_FORCE = "in-force"
    #: After the Measures expired.
    AFTER = "after"

    @property
    def applies(self) -> bool:
        """Whether the Measures apply on such a date (by reference or in force)."""
        return self in (ValidityStatus.BY_REFERENCE, ValidityStatus.IN_FORCE)

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {
            "before": "适用前",
            "by-reference": "参照执行",
            "in-force": "有效期内",
            "after": "有效期满后",
        }[self.value]


@attrs.frozen(kw_only=True)
class ValidityCheck(Tabular):
    """The result of checking a date against Art. 28.

    Attributes
    ----------
    on
        The date checked.
    status
        Where it lies: before, by reference (参照执行), in force, after.
    applied_outside_validity
        ``True`` only when the caller opted in to apply the Measures to a date
        outside their validity.
    scheme
        The key of the scheme whose span was checked.
    reasons
        The clause and the span, in Chinese and English (the table's notes).
    """

    on: datetime.date = attrs.field(validator=is_date)
    status: ValidityStatus = attrs.field(validator=is_enum(ValidityStatus))
    applied_outside_validity: bool = attrs.field(validator=is_bool)
    scheme: str = attrs.field(converter=to_name, validator=is_name)
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.on} 与 {self.scheme} 的适用期间（第二十八条）",
                f"validity of {self.scheme} on {self.on} (Art. 28)",
            ),
            columns=(
                Column("date", "日期", "date"),
                Column("status", "状态", "status"),
                Column("applied_outside_validity", "期外仍适用", "applied outside validity", False),
            ),
            rows=(
                (
                    self.on,
                    Text(self.status.zh, self.status.value),
                    self.applied_outside_validity,
                ),
            ),
            notes=notes(self.reasons),
        )


def _check_day(value: object, field: str, scheme: AwardScheme) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInputError.about(
            field, value, "expected a datetime.date", scheme.cite(scheme.validity.clause)
        )
    return value


def validity_status(on: datetime.date, *, scheme: AwardScheme | None = None) -> ValidityStatus:
    """Where a date lies against the Measures' span (Art. 28); never refuses a date.

    Parameters
    ----------
    on
        The date.
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.

    Returns
    -------
    ValidityStatus
        Before, by reference (参照执行), in force or after.

    Raises
    ------
    InvalidInputError
        ``on`` is not a ``datetime.date`` (a ``datetime`` is refused too), or
        ``scheme`` is not an ``AwardScheme``.

    Examples
    --------
    >>> import datetime as dt
    >>> [validity_status(dt.date(*d)).value for d in [(2023, 4, 26), (2023, 4, 27),
    ...     (2028, 7, 31), (2028, 8, 1)]]
    ['before', 'by-reference', 'in-force', 'after']
    """
    chosen = resolve_scheme(scheme)
    day = _check_day(on, "on", chosen)
    span = chosen.validity
    if day > span.in_force_until:
        return ValidityStatus.AFTER
    if day >= span.in_force_from:
        return ValidityStatus.IN_FORCE
    if span.by_reference_from is not None and day >= span.by_reference_from:
        return ValidityStatus.BY_REFERENCE
    return ValidityStatus.BEFORE


def check_validity(
    on: datetime.date,
    *,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
    field: str = "on",
) -> ValidityCheck:
    """Check a date against the Measures' span (Art. 28); refuse it outside.

    Parameters
    ----------
    on
        The date.
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.
    allow_outside_validity
        Apply the Measures to a date outside their span anyway; the result then
        records ``applied_outside_validity=True``.
    field
        The argument's name in the error message (``applied_on``, …).

    Returns
    -------
    ValidityCheck
        The date, its :class:`ValidityStatus` and the reason.

    Raises
    ------
    OutsideValidityError
        ``on`` is outside the span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``on`` is not a ``datetime.date``; ``scheme``, ``field`` or
        ``allow_outside_validity`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> print(check_validity(dt.date(2023, 5, 4)).reasons[0].en)
    2023-05-04 lies in 2023-04-27..2023-07-31, when the Measures are applied by reference.
    >>> print(check_validity(dt.date(2024, 5, 10)).to_text("en"))
    validity of baoshan-2023 on 2024-05-10 (Art. 28)
    date        status
    ----------  --------
    2024-05-10  in-force
    [Measures Art. 28] 2024-05-10 lies in the Measures' term of force (2023-08-01..2028-07-31).
    """
    chosen = resolve_scheme(scheme)
    if not isinstance(field, str) or not field:
        raise InvalidInputError.about("field", field, "expected a field name")
    day = _check_day(on, field, chosen)
    span = chosen.validity
    citation = chosen.cite(span.clause)
    if not isinstance(allow_outside_validity, bool):
        raise InvalidInputError.about(
            "allow_outside_validity", allow_outside_validity, "expected True or False", citation
        )
    status = validity_status(day, scheme=chosen)
    first, last = span.first_day, span.in_force_until
    if status is ValidityStatus.BY_REFERENCE:
        by_ref_end = span.in_force_from - datetime.timedelta(days=1)
        reason = Reason(
            citation,
            f"{day} 在 {first} 至 {by_ref_end} 之间，参照本办法执行。",
            f"{day} lies in {first}..{by_ref_end}, when the Measures are applied by reference.",
        )
    elif status is ValidityStatus.IN_FORCE:
        reason = Reason(
            citation,
            f"{day} 在本办法有效期内（{span.in_force_from} 至 {last}）。",
            f"{day} lies in the Measures' term of force ({span.in_force_from}..{last}).",
        )
    else:
        problem = (
            f"before the Measures apply (from {first})"
            if status is ValidityStatus.BEFORE
            else f"after the Measures expired on {last}"
        )
        if not allow_outside_validity:
            raise OutsideValidityError.about(
                field,
                day,
                f"{problem}; pass allow_outside_validity=True to apply them anyway",
                citation,
            )
        reason = Reason(
            citation,
            f"{day} 不在本办法适用期间（{first} 至 {last}）内；应调用方明确要求仍予适用。",
            f"{day} lies outside the Measures' span ({first}..{last}); "
            "applied anyway at the caller's explicit request.",
        )
    return ValidityCheck(
        on=day,
        status=status,
        applied_outside_validity=not status.applies,
        scheme=chosen.key,
        reasons=(reason,),
    )


def check_date(
    on: object,
    field: str,
    *,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> ValidityCheck:
    """Entry-point helper: validate ``on`` as a date named ``field`` and check Art. 28.

    >>> import datetime as dt
    >>> check_date("2024-01-01", "applied_on")
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: applied_on: expected a datetime.date, got '2024-01-01' (Measures Art. 28)
    """
    return check_validity(
        on,  # type: ignore[arg-type]
        scheme=scheme,
        allow_outside_validity=allow_outside_validity,
        field=field,
    )


def check_span(
    first: datetime.date,
    last: datetime.date,
    *,
    scheme: AwardScheme,
    field: str,
    allow_outside_validity: bool = False,
) -> ValidityCheck:
    """Check a span of days (a window) against Art. 28: it must share a day with the measures'.

    A window counted from an event before the measures took effect (an award under
    the previous edition) still asks about days the measures govern: validity is
    judged on the first day of ``first``..``last`` inside the measures' span, not on
    the event.  A window wholly outside is refused unless ``allow_outside_validity``.

    >>> import datetime as dt
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> c = check_span(dt.date(2022, 4, 23), dt.date(2025, 4, 23), scheme=BAOSHAN_2023,
    ...                field="awarded_on")
    >>> c.on, c.status.value
    (datetime.date(2023, 4, 27), 'by-reference')
    >>> print(c.reasons[0].en)
    The window 2022-04-23..2025-04-23 reaches the Measures' span (2023-04-27..2028-07-31) on 2023-04-27: judged on that day, not on the day it is counted from.
    """
    span = scheme.validity
    citation = scheme.cite(span.clause)
    start, end = span.first_day, span.in_force_until
    if last < start or first > end:
        if not allow_outside_validity:
            raise OutsideValidityError.about(
                field,
                first,
                f"the window {first}..{last} has no day in the Measures' span {start}..{end}; "
                "pass allow_outside_validity=True to apply them anyway",
                citation,
            )
        return check_validity(first, scheme=scheme, allow_outside_validity=True, field=field)
    day = max(first, start)
    checked = check_validity(day, scheme=scheme, field=field)
    if day == first:
        return checked
    reason = Reason(
        citation,
        f"期间 {first} 至 {last} 自 {day} 起在本办法适用期间（{start} 至 {end}）内：按该日判断，"
        "而非按起算日。",
        f"The window {first}..{last} reaches the Measures' span ({start}..{end}) on {day}: "
        "judged on that day, not on the day it is counted from.",
    )
    return attrs.evolve(checked, reasons=(reason, *checked.reasons))
