"""May this applicant apply on this day?  Measures Art. 3, 14, 15, 16 and 25.

:func:`check_eligibility` walks the scheme's table of conditions for an
:class:`~baoshan_quality.award.applicants.Organisation` (Art. 3, 14) or an
:class:`~baoshan_quality.award.applicants.Individual` (Art. 3, 15) — rows of data,
each judged by one of the small functions of :mod:`baoshan_quality.award.judges` —
and checks for both Art. 16 (repeat applications) and Art. 25 (after a revocation),
which read the applicant's award history.  Each condition is met, failed or unknown
(naming the missing facts), with its clause in the scheme's document and a Chinese
and an English reason.  The verdict is *ineligible* when any condition fails, else
*undetermined* when any is unknown, else *eligible*.

Readings (:class:`EligibilityPolicy`):

* R7 ``periods`` — how years are counted (default: Civil Code Art. 201–202).
* R8 ``same_kind`` — "同一类奖项" in Art. 16 para 1 (default: the same class).
* R22 ``completion`` — when "三年以上 / 五年以上" of operation or work is reached
  (default: from the day after the period counted from the start date ends).

>>> import datetime as dt
>>> from baoshan_quality.award.applicants import Individual
>>> v = check_eligibility(
...     Individual(name="张三", works_in_baoshan_quality=True), applied_on=dt.date(2025, 5, 10)
... )
>>> v.verdict.value
'undetermined'
>>> v.missing[:3]
('district_awards', 'government_awards', 'municipal_application_years')
"""

from __future__ import annotations

import datetime
import enum
import re

import attrs

from baoshan_quality._display import Table, Tabular, Text
from baoshan_quality._validation import (
    is_date,
    is_enum,
    is_instance,
    is_name,
    is_optional,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import notes
from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.conditions import (
    CONDITION_COLUMNS,
    Condition,
    ConditionStatus,
    condition_row,
    failed,
    met,
    unknown,
)
from baoshan_quality.award.judges import (
    CompletionReading,
    completion_field,
    judge_table,
    periods_field,
)
from baoshan_quality.award.parts import ApplicantKind, AwardClass, Judgement, Track
from baoshan_quality.award.records import not_after
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import ValidityCheck, check_date
from baoshan_quality.citations import Reason
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.periods import PeriodReading, first_day_after, in_bar

__all__ = [
    "EligibilityPolicy",
    "EligibilityVerdict",
    "SameKindReading",
    "Verdict",
    "check_eligibility",
]


class SameKindReading(enum.Enum):
    """Reading R8: "同一类奖项" in Art. 16 para 1."""

    #: Default: the same award class (区长质量奖 or 质量金奖, as Art. 2 names 类别).
    SAME_CLASS = "same-class"
    #: Alternative: any class of the district award.
    ANY_CLASS = "any-class"

    @property
    def zh(self) -> str:
        """The reading in Chinese."""
        return "同一类别" if self is SameKindReading.SAME_CLASS else "任一类别"


@attrs.frozen(kw_only=True)
class EligibilityPolicy:
    """The readings :func:`check_eligibility` applies (defaults first, as SPEC §5 says).

    Attributes
    ----------
    periods
        R7 — how periods in years are counted (default: Civil Code Art. 201–202).
    same_kind
        R8 — what "同一类奖项" (Art. 16 para 1) covers (default: the same class).
    completion
        R22 — when a minimum number of years is reached (Art. 14(1), 15(1);
        default: the day after the period ends; :class:`~.judges.CompletionReading`).
    """

    periods: PeriodReading = periods_field()  # noqa: RUF009 (a fresh attrs field)
    same_kind: SameKindReading = attrs.field(
        default=SameKindReading.SAME_CLASS, validator=is_enum(SameKindReading)
    )
    completion: CompletionReading = completion_field()  # noqa: RUF009 (a fresh attrs field)


class Verdict(enum.Enum):
    """The overall answer (SPEC §1.5: unknown is not false)."""

    #: 符合申报条件 — every condition met.
    ELIGIBLE = "eligible"
    #: 不符合申报条件 — at least one condition failed.
    INELIGIBLE = "ineligible"
    #: 待定 — none failed, but facts are missing.
    UNDETERMINED = "undetermined"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {"eligible": "符合申报条件", "ineligible": "不符合申报条件", "undetermined": "待定"}[
            self.value
        ]


@attrs.frozen(kw_only=True)
class EligibilityVerdict(Tabular):
    """The answer of :func:`check_eligibility`: verdict, every condition, reasons.

    Attributes
    ----------
    applicant, kind, track
        The applicant's name, its kind and the one track open to it (Art. 2).
    applying_for
        The class applied for, when given.
    verdict
        Eligible, ineligible (a condition failed) or undetermined (facts missing).
    conditions
        Every condition checked (:class:`~baoshan_quality.award.conditions.Condition`),
        in the articles' order: the table's rows.
    policy, scheme, validity
        The readings applied, the scheme's key and ``applied_on``'s Art. 28 check.
    reasons
        The summary and the validity, in Chinese and English (the table's notes).

    Its records have the keys ``condition``, ``clause``, ``status``, ``reason``,
    ``met_from`` and ``missing``.
    """

    applicant: str = attrs.field(converter=to_name, validator=is_name)
    kind: ApplicantKind = attrs.field(validator=is_enum(ApplicantKind))
    track: Track = attrs.field(validator=is_instance(Track))
    applying_for: AwardClass | None = attrs.field(validator=is_optional(is_instance(AwardClass)))
    applied_on: datetime.date = attrs.field(validator=is_date)
    verdict: Verdict = attrs.field(validator=is_enum(Verdict))
    conditions: tuple[Condition, ...] = attrs.field(validator=is_tuple_of(Condition))
    policy: EligibilityPolicy = attrs.field(validator=is_instance(EligibilityPolicy))
    scheme: str = attrs.field(converter=to_name, validator=is_name)
    validity: ValidityCheck = attrs.field(validator=is_instance(ValidityCheck))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    @property
    def eligible(self) -> bool:
        """Whether the verdict is :attr:`Verdict.ELIGIBLE`."""
        return self.verdict is Verdict.ELIGIBLE

    @property
    def failed(self) -> tuple[Condition, ...]:
        """The conditions that failed."""
        return tuple(c for c in self.conditions if c.status is ConditionStatus.FAILED)

    @property
    def unknown(self) -> tuple[Condition, ...]:
        """The conditions that could not be decided."""
        return tuple(c for c in self.conditions if c.status is ConditionStatus.UNKNOWN)

    @property
    def missing(self) -> tuple[str, ...]:
        """Every missing fact, sorted (the applicant's field names, or ``applying_for``)."""
        return tuple(sorted({m for c in self.conditions for m in c.missing}))

    @property
    def bars_lift_on(self) -> datetime.date | None:
        """When every failure is time-bound: the first day all of them are met; else ``None``.

        Only the failed conditions are considered: unknown ones may still fail.
        """
        dates = [c.met_from for c in self.failed]
        if not dates or any(d is None for d in dates):
            return None
        return max(d for d in dates if d is not None)

    def condition(self, key: str) -> Condition:
        """The condition with ``key`` (``"art14.1"``, ``"art16.para1"``, …)."""
        for item in self.conditions:
            if item.key == key:
                return item
        keys = ", ".join(c.key for c in self.conditions)
        raise InvalidInputError.about("key", key, f"expected one of {keys}")

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.applicant} — {self.verdict.zh}（申报日 {self.applied_on}）",
                f"{self.applicant} — {self.verdict.value} (applied on {self.applied_on})",
            ),
            columns=CONDITION_COLUMNS,
            rows=tuple(condition_row(c) for c in self.conditions),
            notes=notes(self.reasons),
        )


# --- the conditions of Art. 16 and 25 (code: they read the applicant's history) --------


def _article(clause: str) -> str:
    """The article of a clause: ``"Art. 14 para 2(3)"`` → ``"Art. 14"``."""
    match = re.match(r"Art\. ?[0-9]+", clause)
    return match.group() if match else clause


def _codes(applicant: Organisation | Individual, scheme: AwardScheme) -> None:
    """Every class and track code in the applicant's history is the scheme's."""
    for index, award in enumerate(applicant.district_awards or ()):
        scheme.award_class(award.award_class, field=f"district_awards[{index}].award_class")
        scheme.track(award.track, field=f"district_awards[{index}].track")
    for index, revocation in enumerate(applicant.revocations or ()):
        if revocation.award_class is not None:
            scheme.award_class(revocation.award_class, field=f"revocations[{index}].award_class")
        if revocation.track is not None:
            scheme.track(revocation.track, field=f"revocations[{index}].track")


def _nothing_after(
    applicant: Organisation | Individual, day: datetime.date, scheme: AwardScheme
) -> None:
    """Every event the check reads lies on or before ``applied_on`` (issue 15 item 5).

    The events the scheme's look-back rows read (penalties, failed rectifications,
    incidents, complaints: Art. 14 para 2, Art. 15(4)), the district and government
    awards (Art. 16 para 1, 2), the years of municipal applications (para 3) and the
    revocations (Art. 25): one dated after the day asked about would be left out of
    its bar without a word, so it is an error naming its path; one on that day counts
    (:func:`~baoshan_quality.award.records.not_after`).  A start date after the day
    (``registered_on``, ``quality_work_since``) is no such error: its condition of
    "三年以上 / 五年以上" simply fails, saying from when it is met.
    """
    asked = "applied_on"
    for row in scheme.conditions_for(applicant.kind):
        if row.judged is not Judgement.NONE_WITHIN_LOOKBACK:
            continue
        for ref in row.facts:
            events = getattr(applicant, ref.name)
            for index, event in enumerate(events or ()):
                where = f"applicant.{ref.name}[{index}]"
                not_after(event, day, where, asked, scheme.cite(row.clause))
    bar = scheme.reapplication_bar.clause
    for index, award in enumerate(applicant.district_awards or ()):
        where = f"applicant.district_awards[{index}].awarded_on"
        not_after(award.awarded_on, day, where, asked, scheme.cite(f"{bar} para 1"))
    for index, won in enumerate(applicant.government_awards or ()):
        where = f"applicant.government_awards[{index}].awarded_on"
        not_after(won.awarded_on, day, where, asked, scheme.cite(f"{bar} para 2"))
    for index, year in enumerate(applicant.municipal_application_years or ()):
        if year > day.year:
            raise InvalidInputError.about(
                f"applicant.municipal_application_years[{index}]",
                year,
                f"a year after the year asked about ({asked} = {day}); an application the "
                "check reads must have been made by then",
                scheme.cite(f"{bar} para 3"),
            )
    for index, revocation in enumerate(applicant.revocations or ()):
        where = f"applicant.revocations[{index}].revoked_on"
        not_after(
            revocation.revoked_on, day, where, asked, scheme.cite(scheme.revocation_bar.clause)
        )


def _art16_para1(
    applicant: Organisation | Individual,
    applying_for: AwardClass | None,
    applied_on: datetime.date,
    scheme: AwardScheme,
    policy: EligibilityPolicy,
) -> Condition:
    term = scheme.reapplication_bar
    citation = scheme.cite(f"{term.clause} para 1")
    awards = applicant.district_awards
    if awards is None:
        return unknown(
            "art16.para1",
            citation,
            "district_awards",
            "未提供曾获区政府质量奖的情况（district_awards）。",
            "The district awards won before are not given (district_awards).",
        )
    live = [
        a
        for a in awards
        if in_bar(a.awarded_on, applied_on, years=term.count, reading=policy.periods)
    ]
    if policy.same_kind is SameKindReading.SAME_CLASS:
        barred = [c for c in scheme.classes if c.code in {a.award_class for a in live}]
        if applying_for is None and live and len(barred) < len(scheme.classes):
            return unknown(
                "art16.para1",
                citation,
                "applying_for",
                f"{term.count} 年内曾获{'、'.join(c.zh for c in barred)}；未说明申报类别"
                "（applying_for），按同一类别的理解（R8）无法判断。",
                f"Won {', '.join(c.en for c in barred)} within {term.count} years; the class "
                "applied for (applying_for) is not given, so under the same-class reading "
                "(R8) this cannot be decided.",
            )
        if applying_for is not None:
            live = [a for a in live if a.award_class == applying_for.code]
    if not live:
        return met(
            "art16.para1",
            citation,
            f"申报日前 {term.count} 年内未获同一类奖项（R8：{policy.same_kind.zh}）。",
            f"No award of the same kind within {term.count} years before the "
            f"application (R8: {policy.same_kind.value}).",
        )
    met_from = max(
        first_day_after(a.awarded_on, years=term.count, reading=policy.periods) for a in live
    )
    listed = ", ".join(f"{scheme.award_class(a.award_class).en} {a.awarded_on}" for a in live)
    listed_zh = "、".join(f"{scheme.award_class(a.award_class).zh} {a.awarded_on}" for a in live)
    return failed(
        "art16.para1",
        citation,
        f"获奖后 {term.count} 年内不得申报同一类奖项（{listed_zh}）；{met_from} 起可再申报。",
        f"No application for the same kind of award within {term.count} years of "
        f"winning ({listed}); accepted again from {met_from}.",
        met_from=met_from,
    )


def _art16_para2(
    applicant: Organisation | Individual, scheme: AwardScheme, applied_on: datetime.date
) -> Condition:
    citation = scheme.cite(f"{scheme.reapplication_bar.clause} para 2")
    awards = applicant.government_awards
    if awards is None:
        return unknown(
            "art16.para2",
            citation,
            "government_awards",
            "未提供曾获上级政府质量奖的情况（government_awards）。",
            "Higher-level government quality awards are not given (government_awards).",
        )
    higher = [
        g for g in awards if g.level.is_higher_than(scheme.level) and g.awarded_on <= applied_on
    ]
    if higher:
        listed = ", ".join(f"{g.level.value} {g.name or '-'} {g.awarded_on}" for g in higher)
        listed_zh = "、".join(
            " ".join(part for part in (g.level.zh, g.name, str(g.awarded_on)) if part)
            for g in higher
        )
        return failed(
            "art16.para2",
            citation,
            f"已获得上级政府质量奖（{listed_zh}），不再受理申报。",
            f"Already holds a higher-level government quality award ({listed}); "
            "applications are no longer accepted.",
        )
    return met(
        "art16.para2",
        citation,
        "未获得上级（市级及以上）政府质量奖。",
        "Holds no higher-level (municipal or national) government quality award.",
    )


def _art16_para3(
    applicant: Organisation | Individual, scheme: AwardScheme, applied_on: datetime.date
) -> Condition:
    citation = scheme.cite(f"{scheme.reapplication_bar.clause} para 3")
    years = applicant.municipal_application_years
    if years is None:
        return unknown(
            "art16.para3",
            citation,
            "municipal_application_years",
            "未提供申报市政府质量奖的年度（municipal_application_years）。",
            "The years of municipal award applications are not given "
            "(municipal_application_years).",
        )
    year = applied_on.year
    if year in years:
        return failed(
            "art16.para3",
            citation,
            f"{year} 年度已申报市政府质量奖，不能同一年度同时申报区政府质量奖"
            "（同一年度按自然年理解，R23）。",
            f"Applied for the municipal award in {year}: the municipal and the district "
            "award cannot be applied for in the same year (the calendar year, R23).",
        )
    return met(
        "art16.para3",
        citation,
        f"{year} 年度未申报市政府质量奖。",
        f"No municipal award application in {year}.",
    )


def _art25(
    applicant: Organisation | Individual,
    applied_on: datetime.date,
    scheme: AwardScheme,
    policy: EligibilityPolicy,
) -> Condition:
    term = scheme.revocation_bar
    citation = scheme.cite(term.clause)
    revocations = applicant.revocations
    if revocations is None:
        return unknown(
            "art25",
            citation,
            "revocations",
            "未提供被取消荣誉资格的情况（revocations）。",
            "Revocations are not given (revocations).",
        )
    live = [
        r
        for r in revocations
        if in_bar(r.revoked_on, applied_on, years=term.count, reading=policy.periods)
    ]
    if live:
        met_from = max(
            first_day_after(r.revoked_on, years=term.count, reading=policy.periods) for r in live
        )
        listed = ", ".join(r.revoked_on.isoformat() for r in live)
        return failed(
            "art25",
            citation,
            f"被取消荣誉资格（{listed}）后 {term.count} 年内不再受理其申请；{met_from} 起可受理。",
            f"Award revoked ({listed}): no application accepted for {term.count} years; "
            f"accepted again from {met_from}.",
            met_from=met_from,
        )
    return met(
        "art25",
        citation,
        f"申报日前 {term.count} 年内未被取消荣誉资格。",
        f"No revocation within {term.count} years before the application.",
    )


def check_eligibility(
    applicant: Organisation | Individual,
    *,
    applied_on: datetime.date,
    applying_for: AwardClass | str | None = None,
    scheme: AwardScheme | None = None,
    policy: EligibilityPolicy | None = None,
    allow_outside_validity: bool = False,
) -> EligibilityVerdict:
    """Whether an applicant may apply on a day (Measures Art. 3, 14, 15, 16, 25).

    Walks the scheme's conditions of Art. 3 and 14 (organisations) or 3 and 15
    (individuals), then Art. 16 and 25.  Each condition is met, failed or unknown
    (a fact left ``None`` is unknown, never false); the verdict is ineligible when
    any fails, else undetermined when any is unknown, else eligible.

    Parameters
    ----------
    applicant
        An :class:`~baoshan_quality.award.applicants.Organisation` (Art. 14) or an
        :class:`~baoshan_quality.award.applicants.Individual` (Art. 15).
    applied_on
        The day of the application; validity (Art. 28) is judged on it — an award
        or a revocation in the applicant's history may lie before the measures.
        Every event of the applicant the check reads (penalties, incidents,
        complaints, awards, municipal applications, revocations) must lie on or
        before it; one on that very day counts (the periods of Art. 14, 16 and 25
        include the event's day).
    applying_for
        The class applied for (a class of the scheme or its code): needed by
        Art. 16 para 1 under the same-class reading R8 only when a recent award
        could bar it.
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.
    policy
        The readings R7, R8, R22; ``None`` (the default) means
        ``EligibilityPolicy()``.
    allow_outside_validity
        Apply the measures to an ``applied_on`` outside their span anyway.

    Returns
    -------
    EligibilityVerdict
        The verdict, every condition with its clause and reasons, the facts missing
        and, when every failure is a time bar, the day the bars lift.

    Raises
    ------
    OutsideValidityError
        ``applied_on`` is outside Art. 28's span and ``allow_outside_validity`` is
        ``False``.
    InvalidInputError
        ``applicant`` is neither kind, or its history names a class or track the
        scheme lacks; an event of the applicant lies after ``applied_on`` (the
        message names its path, e.g. ``applicant.district_awards[0].awarded_on``,
        and the day asked about); ``applied_on`` is not a ``datetime.date``; ``applying_for`` is
        not a class of the scheme; ``scheme`` or ``policy`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> from baoshan_quality.award.applicants import Organisation
    >>> v = check_eligibility(
    ...     Organisation(name="甲公司", registered_in_baoshan=False), applied_on=dt.date(2025, 5, 10)
    ... )
    >>> v.verdict.value, [c.key for c in v.failed], len(v.unknown)
    ('ineligible', ['art3', 'art14.1'], 11)
    >>> print(v.condition("art3").reasons[0].en)
    Not met: registered in Baoshan according to law.
    """
    chosen_scheme = resolve_scheme(scheme)
    if isinstance(applicant, Organisation):
        kind = ApplicantKind.ORGANISATION
    elif isinstance(applicant, Individual):
        kind = ApplicantKind.INDIVIDUAL
    else:
        raise InvalidInputError.about(
            "applicant",
            applicant,
            "expected an Organisation or an Individual",
            chosen_scheme.cite("Art. 3"),
        )
    chosen_policy = EligibilityPolicy() if policy is None else policy
    if not isinstance(chosen_policy, EligibilityPolicy):
        raise InvalidInputError.about("policy", policy, "expected an EligibilityPolicy")
    applying: AwardClass | None = None
    if applying_for is not None:
        applying = chosen_scheme.award_class(applying_for, field="applying_for")
    track = chosen_scheme.track_for(kind)
    _codes(applicant, chosen_scheme)
    validity = check_date(
        applied_on,
        "applied_on",
        scheme=chosen_scheme,
        allow_outside_validity=allow_outside_validity,
    )
    day = validity.on
    _nothing_after(applicant, day, chosen_scheme)
    rows = chosen_scheme.conditions_for(kind)
    own = judge_table(
        rows,
        applicant,
        on=day,
        scheme=chosen_scheme,
        periods=chosen_policy.periods,
        completion=chosen_policy.completion,
    )
    conditions = (
        *own,
        _art16_para1(applicant, applying, day, chosen_scheme, chosen_policy),
        _art16_para2(applicant, chosen_scheme, day),
        _art16_para3(applicant, chosen_scheme, day),
        _art25(applicant, day, chosen_scheme, chosen_policy),
    )
    failed = [c for c in conditions if c.status is ConditionStatus.FAILED]
    unknown = [c for c in conditions if c.status is ConditionStatus.UNKNOWN]
    if failed:
        verdict = Verdict.INELIGIBLE
    elif unknown:
        verdict = Verdict.UNDETERMINED
    else:
        verdict = Verdict.ELIGIBLE
    basis = chosen_scheme.cite(_article(rows[-1].clause) if rows else track.clause)
    keys = ", ".join(c.key for c in failed or unknown)
    summary = {
        Verdict.ELIGIBLE: (
            f"全部 {len(conditions)} 项条件均符合。",
            f"All {len(conditions)} conditions are met.",
        ),
        Verdict.INELIGIBLE: (
            f"{len(failed)} 项条件不符合：{keys}。",
            f"{len(failed)} condition(s) failed: {keys}.",
        ),
        Verdict.UNDETERMINED: (
            f"无不符合项，但 {len(unknown)} 项条件缺少事实：{keys}。",
            f"None failed, but {len(unknown)} condition(s) lack facts: {keys}.",
        ),
    }[verdict]
    return EligibilityVerdict(
        applicant=applicant.name,
        kind=kind,
        track=track,
        applying_for=applying,
        applied_on=day,
        verdict=verdict,
        conditions=conditions,
        policy=chosen_policy,
        scheme=chosen_scheme.key,
        validity=validity,
        reasons=(Reason(basis, *summary), *validity.reasons),
    )
