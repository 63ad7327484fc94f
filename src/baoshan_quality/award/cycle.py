"""The award cycle (Measures Art. 5–6, reading R10): incubation and evaluation years.

Art. 5: 区政府质量奖每两年评选一届，其中一年为培育孵化年，一年为评选年。具体安排以
当年工作方案为准 — one edition every two years, one incubation year (培育孵化年,
Art. 6: 卓越绩效管理公益孵化) and one evaluation year (评选年); the year's work
plan governs.  Which calendar years are which is not in the text: the caller
supplies an anchor (R10).  The default is the scheme's ``cycle_anchor``: for Baoshan
2023, 2023 is an evaluation year — an outside fact, not the text: the district's 5th
edition was presented on 2024-04-23 (People's Daily, Shanghai edition, report of that
day), i.e. evaluated in 2023 — so 2024 is an incubation year, 2025 an evaluation
year, and so on.

With a cycle of N years (``scheme.cycle``), a year is an evaluation year when it
lies a multiple of N years from the anchor, else an incubation year; each
edition is its incubation year(s) followed by its evaluation year.

>>> cycle_year(2025).phase.value
'evaluation'
>>> cycle_year(2024).phase.value, cycle_year(2024).evaluation_year
('incubation', 2025)
>>> cycle_year(2024, policy=CyclePolicy(evaluation_anchor=2024)).phase.value
'evaluation'
"""

from __future__ import annotations

import datetime
import enum

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_bool,
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_optional,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import notes
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import check_date
from baoshan_quality.citations import Citation, Reason
from baoshan_quality.errors import InvalidInputError, OutsideValidityError

__all__ = [
    "CyclePhase",
    "CyclePolicy",
    "CycleYear",
    "cycle_year",
    "evaluation_years",
    "phase_on",
]


class CyclePhase(enum.Enum):
    """The two kinds of year in an edition (Art. 5)."""

    #: 培育孵化年 — incubation year (Art. 6: public-interest incubation in excellence).
    INCUBATION = "incubation"
    #: 评选年 — evaluation year.
    EVALUATION = "evaluation"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return "培育孵化年" if self is CyclePhase.INCUBATION else "评选年"


@attrs.frozen(kw_only=True)
class CyclePolicy:
    """Reading R10: which years are evaluation years, given one of them.

    Attributes
    ----------
    evaluation_anchor
        An evaluation year; ``None`` (the default) means the scheme's
        ``cycle_anchor`` (Baoshan 2023: 2023 — the district's 5th edition, presented
        on 2024-04-23, was evaluated in 2023).
    """

    evaluation_anchor: int | None = attrs.field(
        default=None, validator=is_optional(is_int(minimum=1, maximum=9999))
    )

    def anchor(self, scheme: AwardScheme) -> int:
        """The evaluation year counted from: this policy's, else the scheme's."""
        if self.evaluation_anchor is not None:
            return self.evaluation_anchor
        return scheme.cycle_anchor


@attrs.frozen(kw_only=True)
class CycleYear(Tabular):
    """One calendar year's place in the cycle (Measures Art. 5–6, reading R10).

    Attributes
    ----------
    phase
        Incubation year (培育孵化年) or evaluation year (评选年).
    evaluation_year
        The evaluation year of the edition this year belongs to.
    policy, scheme
        The R10 anchor applied (always an explicit year) and the key of the scheme read.
    applied_outside_validity
        ``True`` only when the caller applied the Measures outside Art. 28's span.
    reasons
        The clauses (Art. 5, Art. 6 in an incubation year), in Chinese and English.
    """

    year: int = attrs.field(validator=is_int(minimum=1, maximum=9999))
    phase: CyclePhase = attrs.field(validator=is_enum(CyclePhase))
    evaluation_year: int = attrs.field(validator=is_int(minimum=1))
    policy: CyclePolicy = attrs.field(validator=is_instance(CyclePolicy))
    scheme: str = attrs.field(converter=to_name, validator=is_name)
    applied_outside_validity: bool = attrs.field(validator=is_bool)
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.year} 年：{self.phase.zh}", f"{self.year}: {self.phase.value} year"
            ),
            columns=(
                Column("year", "年度", "year"),
                Column("phase", "阶段", "phase"),
                Column("evaluation_year", "评选年", "evaluation year"),
                Column("applied_outside_validity", "期外仍适用", "applied outside validity", False),
            ),
            rows=(
                (
                    self.year,
                    Text(self.phase.zh, self.phase.value),
                    self.evaluation_year,
                    self.applied_outside_validity,
                ),
            ),
            notes=notes(self.reasons),
        )


def _year(value: object, field: str, citation: Citation) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise InvalidInputError.about(field, value, "expected a year (int 1..9999)", citation)
    return value


def _inputs(
    scheme: AwardScheme | None, policy: object, allow_outside_validity: object
) -> tuple[AwardScheme, CyclePolicy]:
    chosen_scheme = resolve_scheme(scheme)
    chosen = CyclePolicy() if policy is None else policy
    if not isinstance(chosen, CyclePolicy):
        raise InvalidInputError.about(
            "policy",
            policy,
            "expected a CyclePolicy (R10)",
            chosen_scheme.cite(chosen_scheme.cycle.clause),
        )
    if not isinstance(allow_outside_validity, bool):
        raise InvalidInputError.about(
            "allow_outside_validity", allow_outside_validity, "expected True or False"
        )
    return chosen_scheme, chosen


def _outside(year: int, scheme: AwardScheme) -> bool:
    span = scheme.validity
    return not span.first_day.year <= year <= span.in_force_until.year


def cycle_year(
    year: int,
    *,
    policy: CyclePolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> CycleYear:
    """Whether a year is an incubation or an evaluation year (Measures Art. 5–6, R10).

    Parameters
    ----------
    year
        A calendar year (1..9999).
    policy
        Reading R10, the anchor; ``None`` (the default) means ``CyclePolicy()``
        (the scheme's anchor: for Baoshan 2023, 2023 is an evaluation year).
    scheme
        The award's edition (its cycle length and anchor); ``None`` (the default)
        means ``BAOSHAN_2023``.
    allow_outside_validity
        Answer for a year with no day inside the Measures' span (Art. 28) anyway.

    Returns
    -------
    CycleYear
        The phase, the edition's evaluation year and the reasons.

    Raises
    ------
    OutsideValidityError
        No day of ``year`` lies in the span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``year`` is not a year; ``policy`` or ``scheme`` is of the wrong kind.

    Examples
    --------
    >>> print(cycle_year(2024).to_text("en"))
    2024: incubation year
    year  phase       evaluation year
    ----  ----------  ---------------
    2024  incubation  2025
    [Measures Art. 5] One edition every 2 years; with 2023 as an evaluation year (R10), 2024 is an incubation year of the edition evaluated in 2025. The year's work plan governs the details.
    [Measures Art. 6] In an incubation year, public-interest incubation in performance excellence is run.
    >>> cycle_year(2030)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.OutsideValidityError: year: no day of it lies in the Measures' span 2023-04-27..2028-07-31; pass allow_outside_validity=True to apply them anyway, got 2030 (Measures Art. 28)
    """
    chosen_scheme, given_policy = _inputs(scheme, policy, allow_outside_validity)
    art_5 = chosen_scheme.cite(chosen_scheme.cycle.clause)
    value = _year(year, "year", art_5)
    outside = _outside(value, chosen_scheme)
    span = chosen_scheme.validity
    if outside and not allow_outside_validity:
        raise OutsideValidityError.about(
            "year",
            value,
            f"no day of it lies in the Measures' span {span.first_day}..{span.in_force_until}; "
            "pass allow_outside_validity=True to apply them anyway",
            chosen_scheme.cite(span.clause),
        )
    anchor = given_policy.anchor(chosen_scheme)
    length = chosen_scheme.cycle.count
    offset = (value - anchor) % length
    phase = CyclePhase.EVALUATION if offset == 0 else CyclePhase.INCUBATION
    evaluation_year = value + (length - offset) % length
    reasons = [
        Reason(
            art_5,
            f"每 {length} 年评选一届；以 {anchor} 年为评选年（R10），"
            f"{value} 年为{phase.zh}，属 {evaluation_year} 年评选的一届。具体安排以当年工作方案为准。",
            f"One edition every {length} years; with {anchor} as an "
            f"evaluation year (R10), {value} is an {phase.value} year of the edition evaluated "
            f"in {evaluation_year}. The year's work plan governs the details.",
        )
    ]
    if phase is CyclePhase.INCUBATION:
        reasons.append(
            Reason(
                chosen_scheme.cite("Art. 6"),
                "培育孵化年组织实施卓越绩效管理公益孵化。",
                "In an incubation year, public-interest incubation in performance excellence "
                "is run.",
            )
        )
    if outside:
        reasons.append(
            Reason(
                chosen_scheme.cite(span.clause),
                f"{value} 年不在本办法适用期间内；应调用方明确要求仍予适用。",
                f"{value} lies outside the Measures' span; applied anyway at the caller's "
                "explicit request.",
            )
        )
    return CycleYear(
        year=value,
        phase=phase,
        evaluation_year=evaluation_year,
        policy=CyclePolicy(evaluation_anchor=anchor),
        scheme=chosen_scheme.key,
        applied_outside_validity=outside,
        reasons=tuple(reasons),
    )


def evaluation_years(
    first: int,
    last: int,
    *,
    policy: CyclePolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> tuple[int, ...]:
    """The evaluation years of a span of years, in order (Measures Art. 5, R10).

    Parameters
    ----------
    first, last
        The first and the last year, both included.
    policy, scheme, allow_outside_validity
        As for :func:`cycle_year` (``None`` means the default policy and
        ``BAOSHAN_2023``).

    Returns
    -------
    tuple[int, ...]
        The evaluation years (评选年) from ``first`` to ``last``.

    Raises
    ------
    OutsideValidityError
        A year of the span has no day in Art. 28's span and
        ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``first`` or ``last`` is not a year, or ``last`` comes before ``first``.

    Examples
    --------
    >>> evaluation_years(2023, 2028)
    (2023, 2025, 2027)
    """
    chosen = resolve_scheme(scheme)
    art_5 = chosen.cite(chosen.cycle.clause)
    _year(first, "first", art_5)
    _year(last, "last", art_5)
    if last < first:
        raise InvalidInputError.about("last", last, f"expected a year from {first} on", art_5)
    return tuple(
        y
        for y in range(first, last + 1)
        if cycle_year(
            y, policy=policy, scheme=scheme, allow_outside_validity=allow_outside_validity
        ).phase
        is CyclePhase.EVALUATION
    )


def phase_on(
    day: datetime.date,
    *,
    policy: CyclePolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> CycleYear:
    """The cycle year of a day: its calendar year's phase (Measures Art. 5, R10).

    Parameters
    ----------
    day
        The day; it must lie in the Measures' span (Art. 28).
    policy, scheme, allow_outside_validity
        As for :func:`cycle_year` (``None`` means the default policy and
        ``BAOSHAN_2023``).

    Returns
    -------
    CycleYear
        As :func:`cycle_year` for ``day.year``; a day outside the span applied
        anyway adds its Art. 28 reason.

    Raises
    ------
    OutsideValidityError
        ``day`` is outside the span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``day`` is not a ``datetime.date``; ``policy`` or ``scheme`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> phase_on(dt.date(2026, 3, 1)).phase.value
    'incubation'
    """
    scheme = resolve_scheme(scheme)
    validity = check_date(day, "day", scheme=scheme, allow_outside_validity=allow_outside_validity)
    result = cycle_year(validity.on.year, policy=policy, scheme=scheme, allow_outside_validity=True)
    if validity.applied_outside_validity and not result.applied_outside_validity:
        result = attrs.evolve(
            result,
            applied_outside_validity=True,
            reasons=(*result.reasons, *validity.reasons),
        )
    return result
