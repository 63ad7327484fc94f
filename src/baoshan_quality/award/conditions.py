"""Checked conditions: met, failed or unknown, each with its clause and reasons.

A :class:`Condition` is one clause checked against the facts a caller gave.
A fact left ``None`` is *unknown*, never false: a condition that depends on it
is :attr:`ConditionStatus.UNKNOWN` and names the missing fact — unless a known
fact already fails it (failure is then certain, whatever the unknown facts are).

>>> from baoshan_quality.citations import measures
>>> c = Condition(
...     key="art15.2",
...     citation=measures("Art. 15(2)"),
...     status=ConditionStatus.UNKNOWN,
...     missing=("outstanding_contribution",),
...     reasons=(Reason(measures("Art. 15(2)"), "未提供。", "Not given."),),
... )
>>> c.status.value, c.missing
('unknown', ('outstanding_contribution',))
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from baoshan_quality._display import Column, Text
from baoshan_quality._validation import (
    is_date,
    is_enum,
    is_instance,
    is_name,
    is_optional,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import CLAUSE, as_tuple, clause
from baoshan_quality.citations import Citation, Reason
from baoshan_quality.errors import InvalidInputError

__all__ = [
    "Condition",
    "ConditionStatus",
]


class ConditionStatus(enum.Enum):
    """The outcome of one checked condition."""

    #: 符合 — the facts meet the condition.
    MET = "met"
    #: 不符合 — a known fact fails the condition.
    FAILED = "failed"
    #: 未知 — facts are missing; see :attr:`Condition.missing`.
    UNKNOWN = "unknown"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {"met": "符合", "failed": "不符合", "unknown": "待定"}[self.value]


def _check_missing(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(str)(instance, attribute, value)
    assert isinstance(value, tuple)
    if list(value) != sorted(set(value)):
        raise InvalidInputError.about(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            "expected distinct fact names in sorted order",
        )


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


def _to_reasons(value: Iterable[Reason]) -> tuple[Reason, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Condition:
    """One condition checked: its key, clause, status, missing facts and reasons.

    Attributes
    ----------
    key
        The condition's name, after its clause (``"art14.1"``, ``"art16.para1"``).
    missing
        The facts not given (field names), sorted; non-empty exactly when unknown.
    met_from
        For a condition failed only by time (a bar, a period not yet completed),
        the first day on which it would be met; else ``None``.
    reasons
        Why, in Chinese and English, each with its clause (at least one).
    """

    key: str = attrs.field(converter=to_name, validator=is_name)
    citation: Citation = attrs.field(validator=is_instance(Citation))
    status: ConditionStatus = attrs.field(validator=is_enum(ConditionStatus))
    missing: tuple[str, ...] = attrs.field(
        default=(), converter=_to_names, validator=_check_missing
    )
    met_from: datetime.date | None = attrs.field(default=None, validator=is_optional(is_date))
    reasons: tuple[Reason, ...] = attrs.field(
        default=(), converter=_to_reasons, validator=is_tuple_of(Reason)
    )

    def __attrs_post_init__(self) -> None:
        if (self.status is ConditionStatus.UNKNOWN) != bool(self.missing):
            raise InvalidInputError.about(
                "Condition.missing",
                self.missing,
                "an unknown condition names its missing facts, and only an unknown one",
                self.citation,
            )
        if not self.reasons:
            raise InvalidInputError.about(
                "Condition.reasons", self.reasons, "expected at least one reason", self.citation
            )


#: The columns of a table of conditions (eligibility, title use, a reviewer's check).
CONDITION_COLUMNS: tuple[Column, ...] = (
    Column("condition", "条件", "condition"),
    CLAUSE,
    Column("status", "结果", "status"),
    Column("reason", "理由", "reason"),
    Column("met_from", "满足日", "met from", shown=False),
    Column("missing", "缺少的事实", "missing facts", shown=False),
)


def condition_row(condition: Condition) -> tuple[object, ...]:
    """A condition as a row of :data:`CONDITION_COLUMNS` (its reasons joined)."""
    reasons = condition.reasons
    return (
        condition.key,
        clause(condition.citation),
        Text(condition.status.zh, condition.status.value),
        Text(" ".join(r.zh for r in reasons), " ".join(r.en for r in reasons)),
        condition.met_from,
        ", ".join(condition.missing) or None,
    )


@attrs.frozen
class Fact:
    """A yes/no fact for :func:`all_of`: name, value and bilingual labels.

    ``value`` ``True`` means the labelled statement holds.
    """

    name: str
    value: bool | None
    zh: str
    en: str


def met(key: str, citation: Citation, zh: str, en: str) -> Condition:
    """A met condition with one reason.

    >>> from baoshan_quality.citations import measures
    >>> met("art3", measures("Art. 3"), "符合。", "Met.").status.value
    'met'
    """
    return Condition(
        key=key, citation=citation, status=ConditionStatus.MET, reasons=(Reason(citation, zh, en),)
    )


def failed(
    key: str, citation: Citation, zh: str, en: str, *, met_from: datetime.date | None = None
) -> Condition:
    """A failed condition with one reason (``met_from``: when a time bar lifts).

    >>> from baoshan_quality.citations import measures
    >>> failed("art25", measures("Art. 25"), "不符合。", "Failed.").status.value
    'failed'
    """
    return Condition(
        key=key,
        citation=citation,
        status=ConditionStatus.FAILED,
        met_from=met_from,
        reasons=(Reason(citation, zh, en),),
    )


def unknown(key: str, citation: Citation, name: str, zh: str, en: str) -> Condition:
    """An unknown condition: the fact ``name`` is not given; the reason says what it blocks.

    >>> from baoshan_quality.citations import measures
    >>> unknown("art25", measures("Art. 25"), "revocations", "未提供。", "Not given.").missing
    ('revocations',)
    """
    return Condition(
        key=key,
        citation=citation,
        status=ConditionStatus.UNKNOWN,
        missing=(name,),
        reasons=(Reason(citation, zh, en),),
    )


def not_given(key: str, citation: Citation, facts: Sequence[Fact]) -> Condition:
    """An unknown condition naming each fact not given ("未提供事实 / Fact not given").

    >>> from baoshan_quality.citations import measures
    >>> c = not_given("art15.2", measures("Art. 15(2)"), [Fact("trained", None, "受训", "trained")])
    >>> c.missing, c.reasons[0].en
    (('trained',), 'Fact not given: trained (trained).')
    """
    return Condition(
        key=key,
        citation=citation,
        status=ConditionStatus.UNKNOWN,
        missing=tuple(sorted({f.name for f in facts})),
        reasons=tuple(
            Reason(
                citation, f"未提供事实：{f.zh}（{f.name}）。", f"Fact not given: {f.en} ({f.name})."
            )
            for f in facts
        ),
    )


def all_of(
    key: str, citation: Citation, facts: Sequence[Fact], *, met_zh: str, met_en: str
) -> Condition:
    """A condition that needs every fact true: any false fails it; else any unknown."""
    false = [f for f in facts if f.value is False]
    if false:
        return Condition(
            key=key,
            citation=citation,
            status=ConditionStatus.FAILED,
            reasons=tuple(
                Reason(citation, f"不满足：{f.zh}。", f"Not met: {f.en}.") for f in false
            ),
        )
    unknown = [f for f in facts if f.value is None]
    if unknown:
        return not_given(key, citation, unknown)
    return met(key, citation, met_zh, met_en)


def combine(key: str, citation: Citation, parts: Sequence[Condition]) -> Condition:
    """Several partial checks of one clause as one condition (failed > unknown > met).

    ``met_from`` is kept only when every failed part has one (the latest of them).
    """
    failed = [p for p in parts if p.status is ConditionStatus.FAILED]
    unknown = [p for p in parts if p.status is ConditionStatus.UNKNOWN]
    reasons = tuple(r for p in parts for r in p.reasons)
    if failed:
        dates = [p.met_from for p in failed]
        met_from = max(d for d in dates if d is not None) if all(dates) else None
        return Condition(
            key=key,
            citation=citation,
            status=ConditionStatus.FAILED,
            met_from=met_from,
            reasons=tuple(r for p in failed for r in p.reasons),
        )
    if unknown:
        return Condition(
            key=key,
            citation=citation,
            status=ConditionStatus.UNKNOWN,
            missing=tuple(sorted({m for p in unknown for m in p.missing})),
            reasons=reasons,
        )
    return Condition(key=key, citation=citation, status=ConditionStatus.MET, reasons=reasons)
