"""Who may review: the reviewer's qualification (Measures Art. 12).

A reviewer (评审人员) must (1) follow the Party's and the State's policies and
know the laws on quality and the economy; (2) have **five years or more** of
quality-management or professional-technical work and rich practice; (3) have
been systematically trained in quality management; (4) be of good professional
ethics.  :func:`check_reviewer` checks each as met, failed or unknown: a fact
left ``None`` makes the verdict *undetermined* and is named.  The five years
count from ``experience_since`` by reading R7 (:mod:`baoshan_quality.periods`)
and are reached as the eligibility rules reach Art. 15(1)'s five years
(:class:`~baoshan_quality.award.eligibility.CompletionReading`, default: from the
day after the period ends).  The panel and recusal (Art. 11, 26) are in
:mod:`baoshan_quality.award.reviewers`, which re-exports every public name here.

>>> import datetime as dt
>>> r = Reviewer(name="王工", experience_since=dt.date(2018, 3, 1), follows_policy_and_law=True,
...              rich_practice=True, trained=True, ethical=None)
>>> check_reviewer(r, on=dt.date(2025, 3, 1)).missing
('ethical',)
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from baoshan_quality._display import Table, Tabular, Text
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_enum,
    is_instance,
    is_name,
    is_optional,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import notes
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.conditions import (
    CONDITION_COLUMNS,
    Condition,
    ConditionStatus,
    Fact,
    all_of,
    condition_row,
    failed,
    met,
    unknown,
)
from baoshan_quality.award.judges import (
    CompletionReading,
    completion_day,
    completion_field,
    periods_field,
)
from baoshan_quality.award.parts import SchemeTerm, TermUnit
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import check_date
from baoshan_quality.citations import Reason, measures
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.periods import PeriodReading

__all__ = [
    "Reviewer",
    "ReviewerCheck",
    "ReviewerPolicy",
    "ReviewerQualification",
    "check_reviewer",
]

ART_12 = measures("Art. 12")


class ReviewerQualification(enum.Enum):
    """Whether a reviewer (or a whole panel) meets Art. 12."""

    #: 具备资格 — every condition met.
    QUALIFIED = "qualified"
    #: 不具备资格 — a condition failed.
    NOT_QUALIFIED = "not-qualified"
    #: 待定 — none failed, but facts are missing.
    UNDETERMINED = "undetermined"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {"qualified": "具备资格", "not-qualified": "不具备资格"}.get(self.value, "待定")


def qualification_of(
    statuses: Iterable[ConditionStatus | ReviewerQualification],
) -> ReviewerQualification:
    """One verdict from several: not qualified if any failed, else undetermined if any unknown.

    >>> qualification_of([ConditionStatus.MET, ConditionStatus.UNKNOWN]).value
    'undetermined'
    """
    values = {s.value for s in statuses}
    if values & {"failed", "not-qualified"}:
        return ReviewerQualification.NOT_QUALIFIED
    if values & {"unknown", "undetermined"}:
        return ReviewerQualification.UNDETERMINED
    return ReviewerQualification.QUALIFIED


def _flag() -> Any:
    return attrs.field(default=None, validator=is_optional(is_bool))


@attrs.frozen(kw_only=True)
class Reviewer:
    """A reviewer's facts for Art. 12; ``None`` means not known."""

    name: str = attrs.field(converter=to_name, validator=is_name)
    #: First day of quality-management or professional-technical work (Art. 12(2)).
    experience_since: datetime.date | None = attrs.field(
        default=None, validator=is_optional(is_date)
    )
    #: 有丰富的质量管理实践经验 (Art. 12(2)).
    rich_practice: bool | None = _flag()
    #: 能认真贯彻执行党的方针、政策，熟悉国家有关质量、经济工作的法律、法规和规章 (Art. 12(1)).
    follows_policy_and_law: bool | None = _flag()
    #: 接受过质量管理相关知识的系统培训，掌握新知识和方法及经营管理知识 (Art. 12(3)).
    trained: bool | None = _flag()
    #: 具有良好的职业道德，认真履行职责，遵守评审纪律，公正严明 (Art. 12(4)).
    ethical: bool | None = _flag()


@attrs.frozen(kw_only=True)
class ReviewerPolicy:
    """Readings for Art. 12(2)'s five years (R7 and the eligibility rules' R22).

    Attributes
    ----------
    periods
        R7 — how years are counted (default: the Civil Code).
    completion
        R22 — when the years are reached (default: the day after the period ends).
    experience
        The experience required; ``None`` (the default) means the scheme's
        ``reviewer_experience`` (Art. 12(2): five years for Baoshan 2023).
    """

    periods: PeriodReading = periods_field()  # noqa: RUF009 (a fresh attrs field)
    completion: CompletionReading = completion_field()  # noqa: RUF009 (a fresh attrs field)
    experience: SchemeTerm | None = attrs.field(
        default=None, validator=is_optional(is_instance(SchemeTerm))
    )

    def __attrs_post_init__(self) -> None:
        if self.experience is not None and self.experience.unit is not TermUnit.YEARS:
            raise InvalidInputError.about(
                "ReviewerPolicy.experience.unit", self.experience.unit, "expected years", ART_12
            )


@attrs.frozen(kw_only=True)
class ReviewerCheck(Tabular):
    """Measures Art. 12 checked for one reviewer on one day.

    Attributes
    ----------
    status
        Qualified, not qualified (a condition failed) or undetermined (facts missing).
    conditions
        ``art12.1``, ``art12.2.years``, ``art12.2.practice``, ``art12.3``,
        ``art12.4``: the table's rows, with the eligibility verdict's record keys.
    reasons
        The summary, in Chinese and English (the table's notes).
    """

    reviewer: str = attrs.field(converter=to_name, validator=is_name)
    on: datetime.date = attrs.field(validator=is_date)
    status: ReviewerQualification = attrs.field(validator=is_enum(ReviewerQualification))
    conditions: tuple[Condition, ...] = attrs.field(validator=is_tuple_of(Condition))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    @property
    def qualified(self) -> bool:
        """Whether every condition of Art. 12 is met."""
        return self.status is ReviewerQualification.QUALIFIED

    @property
    def missing(self) -> tuple[str, ...]:
        """The facts still needed, sorted."""
        return tuple(sorted({m for c in self.conditions for m in c.missing}))

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.reviewer} — {self.status.zh}（{self.on}）",
                f"{self.reviewer} — {self.status.value} (on {self.on})",
            ),
            columns=CONDITION_COLUMNS,
            rows=tuple(condition_row(c) for c in self.conditions),
            notes=notes(self.reasons),
        )


def _experience(
    reviewer: Reviewer, on: datetime.date, policy: ReviewerPolicy, scheme: AwardScheme
) -> Condition:
    term = scheme.reviewer_experience if policy.experience is None else policy.experience
    key, citation = "art12.2.years", scheme.cite(term.clause)
    start = reviewer.experience_since
    if start is None:
        return unknown(
            key,
            citation,
            "experience_since",
            f"未提供工作起始日期，无法判断是否满 {term.count} 年。",
            f"The start of work is not given: cannot tell whether {term.count} years are reached.",
        )
    met_from = completion_day(start, term.count, policy.periods, policy.completion)
    if on >= met_from:
        return met(
            key,
            citation,
            f"自 {start} 起至 {on} 已满 {term.count} 年（{met_from} 起满足）。",
            f"{term.count} years from {start} are reached by {on} (met from {met_from}).",
        )
    return failed(
        key,
        citation,
        f"自 {start} 起至 {on} 未满 {term.count} 年，{met_from} 起方满足。",
        f"{term.count} years from {start} are not reached on {on}; met from {met_from}.",
        met_from=met_from,
    )


def check_reviewer(
    reviewer: Reviewer,
    *,
    on: datetime.date,
    policy: ReviewerPolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> ReviewerCheck:
    """Whether a reviewer is qualified on a day (Measures Art. 12).

    Parameters
    ----------
    reviewer
        The reviewer's facts (:class:`Reviewer`); each may be unknown (``None``).
    on
        The day; it must lie in the Measures' span (Art. 28).
    policy
        The readings for the five years; ``None`` (the default) means
        ``ReviewerPolicy()``.
    scheme
        The award's edition (its span, the years of Art. 12(2)); ``None`` (the
        default) means ``BAOSHAN_2023``.
    allow_outside_validity
        Apply the Measures to an ``on`` outside their span anyway.

    Returns
    -------
    ReviewerCheck
        Qualified, not qualified or undetermined, with each condition.

    Raises
    ------
    OutsideValidityError
        ``on`` is outside Art. 28's span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``reviewer`` is not a :class:`Reviewer`; ``on``, ``policy`` or ``scheme`` is
        of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> r = Reviewer(name="李工", experience_since=dt.date(2020, 3, 1), follows_policy_and_law=True,
    ...              rich_practice=True, trained=True, ethical=True)
    >>> check_reviewer(r, on=dt.date(2025, 3, 1)).status.value    # 5 years run to 2025-03-01
    'not-qualified'
    >>> check_reviewer(r, on=dt.date(2025, 3, 2)).status.value
    'qualified'
    """
    chosen_scheme = resolve_scheme(scheme)
    art_12 = chosen_scheme.cite("Art. 12")
    if not isinstance(reviewer, Reviewer):
        raise InvalidInputError.about("reviewer", reviewer, "expected a Reviewer", art_12)
    chosen = ReviewerPolicy() if policy is None else policy
    if not isinstance(chosen, ReviewerPolicy):
        raise InvalidInputError.about("policy", policy, "expected a ReviewerPolicy", art_12)
    day = check_date(
        on, "on", scheme=chosen_scheme, allow_outside_validity=allow_outside_validity
    ).on
    r = reviewer
    cite = chosen_scheme.cite
    conditions = (
        all_of(
            "art12.1",
            cite("Art. 12(1)"),
            [
                Fact(
                    "follows_policy_and_law",
                    r.follows_policy_and_law,
                    "能认真贯彻执行党的方针、政策，熟悉国家有关质量、经济工作的法律、法规和规章",
                    "follows the Party's and the State's policies and knows the laws on quality "
                    "and the economy",
                )
            ],
            met_zh="熟悉有关质量、经济工作的法律、法规和规章。",
            met_en="Knows the laws, regulations and rules on quality and the economy.",
        ),
        _experience(r, day, chosen, chosen_scheme),
        all_of(
            "art12.2.practice",
            cite("Art. 12(2)"),
            [
                Fact(
                    "rich_practice",
                    r.rich_practice,
                    "有丰富的质量管理实践经验",
                    "rich practical experience of quality management",
                )
            ],
            met_zh="有丰富的质量管理实践经验。",
            met_en="Has rich practical experience of quality management.",
        ),
        all_of(
            "art12.3",
            cite("Art. 12(3)"),
            [
                Fact(
                    "trained",
                    r.trained,
                    "接受过质量管理相关知识的系统培训",
                    "systematically trained in quality management",
                )
            ],
            met_zh="接受过质量管理相关知识的系统培训。",
            met_en="Systematically trained in quality management.",
        ),
        all_of(
            "art12.4",
            cite("Art. 12(4)"),
            [
                Fact(
                    "ethical",
                    r.ethical,
                    "具有良好的职业道德，严格遵守评审纪律，公正严明",
                    "of good professional ethics, keeping the review discipline, impartial",
                )
            ],
            met_zh="具有良好的职业道德。",
            met_en="Of good professional ethics.",
        ),
    )
    status = qualification_of(c.status for c in conditions)
    return ReviewerCheck(
        reviewer=r.name,
        on=day,
        status=status,
        conditions=conditions,
        reasons=(
            Reason(
                art_12,
                f"评审人员{r.name}：{status.zh}。",
                f"Reviewer {r.name}: {status.value}.",
            ),
        ),
    )
