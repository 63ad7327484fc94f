"""The award cycle (Measures Art. 5–6, reading R10): incubation and evaluation years.

Art. 5: 区政府质量奖每两年评选一届，其中一年为培育孵化年，一年为评选年。具体安排以
当年工作方案为准 — one edition every two years, one incubation year (培育孵化年,
Art. 6: 卓越绩效管理公益孵化) and one evaluation year (评选年); the year's work
plan governs.  Which calendar years are which is not in the text: the caller
supplies an anchor (R10).  The default anchors 2023 as an evaluation year (the
district's 5th edition was presented on 2024-04-23, i.e. evaluated in 2023), so
2024 is an incubation year, 2025 an evaluation year, and so on.

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
from collections.abc import Sequence

import attrs

from baoshan_quality._validation import (
    is_bool,
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_tuple_of,
    to_tuple,
)
from baoshan_quality.award._tabular import Tabular
from baoshan_quality.award.scheme import BAOSHAN_2023, AwardScheme
from baoshan_quality.award.validity import check_date
from baoshan_quality.citations import Reason, measures
from baoshan_quality.errors import InvalidInputError, OutsideValidityError

__all__ = [
    "CyclePhase",
    "CyclePolicy",
    "CycleYear",
    "cycle_year",
    "evaluation_years",
    "phase_on",
]

ART_5 = measures("Art. 5")
ART_6 = measures("Art. 6")


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
    """Reading R10: which years are evaluation years, given one of them."""

    #: An evaluation year; default 2023 (the 5th edition, presented 2024-04-23).
    evaluation_anchor: int = attrs.field(default=2023, validator=is_int(minimum=1, maximum=9999))


@attrs.frozen(kw_only=True)
class CycleYear(Tabular):
    """One calendar year's place in the cycle."""

    year: int = attrs.field(validator=is_int(minimum=1, maximum=9999))
    phase: CyclePhase = attrs.field(validator=is_enum(CyclePhase))
    #: The evaluation year of the edition this year belongs to.
    evaluation_year: int = attrs.field(validator=is_int(minimum=1))
    policy: CyclePolicy = attrs.field(validator=is_instance(CyclePolicy))
    scheme: str = attrs.field(validator=is_name)
    applied_outside_validity: bool = attrs.field(validator=is_bool)
    reasons: tuple[Reason, ...] = attrs.field(converter=to_tuple, validator=is_tuple_of(Reason))

    def _table(self) -> tuple[str, Sequence[str], Sequence[Sequence[object]]]:
        rows = [[self.year, self.phase.value, r.citation, r.zh, r.en] for r in self.reasons]
        return (
            f"{self.year}: {self.phase.zh} / {self.phase.value}",
            ["year", "phase", "clause", "理由", "reason"],
            rows,
        )


def _year(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise InvalidInputError.about(field, value, "expected a year (int 1..9999)", ART_5)
    return value


def _inputs(
    scheme: object, policy: object, allow_outside_validity: object
) -> tuple[AwardScheme, CyclePolicy]:
    if not isinstance(scheme, AwardScheme):
        raise InvalidInputError.about("scheme", scheme, "expected an AwardScheme")
    chosen = CyclePolicy() if policy is None else policy
    if not isinstance(chosen, CyclePolicy):
        raise InvalidInputError.about("policy", policy, "expected a CyclePolicy (R10)", ART_5)
    if not isinstance(allow_outside_validity, bool):
        raise InvalidInputError.about(
            "allow_outside_validity", allow_outside_validity, "expected True or False"
        )
    return scheme, chosen


def _outside(year: int, scheme: AwardScheme) -> bool:
    span = scheme.validity
    return not span.first_day.year <= year <= span.in_force_until.year


def cycle_year(
    year: int,
    *,
    policy: CyclePolicy | None = None,
    scheme: AwardScheme = BAOSHAN_2023,
    allow_outside_validity: bool = False,
) -> CycleYear:
    """Whether ``year`` is an incubation or an evaluation year (Art. 5, R10).

    A year with no day inside the Measures' validity (Art. 28) is refused
    unless ``allow_outside_validity=True``.

    >>> cycle_year(2030)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.OutsideValidityError: year: no day of it lies in the Measures' span 2023-04-27..2028-07-31; pass allow_outside_validity=True to apply them anyway, got 2030 (Measures Art. 28)
    """
    chosen_scheme, chosen_policy = _inputs(scheme, policy, allow_outside_validity)
    value = _year(year, "year")
    outside = _outside(value, chosen_scheme)
    span = chosen_scheme.validity
    if outside and not allow_outside_validity:
        raise OutsideValidityError.about(
            "year",
            value,
            f"no day of it lies in the Measures' span {span.first_day}..{span.in_force_until}; "
            "pass allow_outside_validity=True to apply them anyway",
            span.citation,
        )
    length = chosen_scheme.cycle.count
    offset = (value - chosen_policy.evaluation_anchor) % length
    phase = CyclePhase.EVALUATION if offset == 0 else CyclePhase.INCUBATION
    evaluation_year = value + (length - offset) % length
    reasons = [
        Reason(
            ART_5,
            f"每{length}年评选一届；以 {chosen_policy.evaluation_anchor} 年为评选年（R10），"
            f"{value} 年为{phase.zh}，属 {evaluation_year} 年评选的一届。具体安排以当年工作方案为准。",
            f"One edition every {length} years; with {chosen_policy.evaluation_anchor} as an "
            f"evaluation year (R10), {value} is an {phase.value} year of the edition evaluated "
            f"in {evaluation_year}. The year's work plan governs the details.",
        )
    ]
    if phase is CyclePhase.INCUBATION:
        reasons.append(
            Reason(
                ART_6,
                "培育孵化年组织实施卓越绩效管理公益孵化。",
                "In an incubation year, public-interest incubation in performance excellence "
                "is run.",
            )
        )
    if outside:
        reasons.append(
            Reason(
                span.citation,
                f"{value} 年不在本办法适用期间内；应调用方明确要求仍予适用。",
                f"{value} lies outside the Measures' span; applied anyway at the caller's "
                "explicit request.",
            )
        )
    return CycleYear(
        year=value,
        phase=phase,
        evaluation_year=evaluation_year,
        policy=chosen_policy,
        scheme=chosen_scheme.key,
        applied_outside_validity=outside,
        reasons=tuple(reasons),
    )


def evaluation_years(
    first: int,
    last: int,
    *,
    policy: CyclePolicy | None = None,
    scheme: AwardScheme = BAOSHAN_2023,
    allow_outside_validity: bool = False,
) -> tuple[int, ...]:
    """The evaluation years from ``first`` to ``last`` (both included), in order.

    >>> evaluation_years(2023, 2028)
    (2023, 2025, 2027)
    """
    _year(first, "first")
    _year(last, "last")
    if last < first:
        raise InvalidInputError.about("last", last, f"expected a year from {first} on", ART_5)
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
    scheme: AwardScheme = BAOSHAN_2023,
    allow_outside_validity: bool = False,
) -> CycleYear:
    """The cycle year of ``day`` (its calendar year).

    >>> import datetime as dt
    >>> phase_on(dt.date(2026, 3, 1)).phase.value
    'incubation'
    """
    if not isinstance(scheme, AwardScheme):
        raise InvalidInputError.about("scheme", scheme, "expected an AwardScheme")
    validity = check_date(day, "day", scheme=scheme, allow_outside_validity=allow_outside_validity)
    result = cycle_year(validity.on.year, policy=policy, scheme=scheme, allow_outside_validity=True)
    if validity.applied_outside_validity and not result.applied_outside_validity:
        result = attrs.evolve(
            result,
            applied_outside_validity=True,
            reasons=(*result.reasons, *validity.reasons),
        )
    return result
