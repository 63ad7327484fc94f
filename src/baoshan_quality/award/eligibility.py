"""May this applicant apply on this day?  Measures Art. 3, 14, 15, 16 and 25.

:func:`check_eligibility` checks every condition of the Measures for an
:class:`~baoshan_quality.award.applicants.Organisation` (Art. 3, 14) or an
:class:`~baoshan_quality.award.applicants.Individual` (Art. 3, 15), and for both
Art. 16 (repeat applications) and Art. 25 (after a revocation).  Each condition
is met, failed or unknown (naming the missing facts), with its clause and a
Chinese and an English reason.  The verdict is *ineligible* when any condition
fails, else *undetermined* when any is unknown, else *eligible*.

Readings (:class:`EligibilityPolicy`):

* R7 ``periods`` — how years are counted (default: Civil Code Art. 201–202).
* R8 ``same_kind`` — "同一类奖项" in Art. 16 para 1 (default: the same class).
* I5.1 ``completion`` — when "三年以上 / 五年以上" of operation or work is reached
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
from collections.abc import Sequence
from typing import Any

import attrs

from baoshan_quality._display import Table, Tabular, Text
from baoshan_quality._validation import (
    is_date,
    is_enum,
    is_instance,
    is_name,
    is_optional,
    is_tuple_of,
)
from baoshan_quality.award._show import notes
from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.conditions import (
    CONDITION_COLUMNS,
    Condition,
    ConditionStatus,
    Fact,
    all_of,
    combine,
    condition_row,
    failed,
    met,
    not_given,
    unknown,
)
from baoshan_quality.award.scheme import (
    ApplicantKind,
    AwardClass,
    AwardScheme,
    SchemeTerm,
    Track,
    resolve_scheme,
)
from baoshan_quality.award.validity import ValidityCheck, check_date
from baoshan_quality.citations import Citation, Reason, measures
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.periods import (
    PeriodReading,
    first_day_after,
    in_bar,
    in_lookback,
    lookback_start,
    period_end,
)

__all__ = [
    "CompletionReading",
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


class CompletionReading(enum.Enum):
    """Reading I5.1 (new): when "正常运行三年以上" / "从事质量相关工作五年以上" is reached.

    Both count a period of N years from a start date (registration, first day
    of quality work) by reading R7.  以上 includes N itself (R3).
    """

    #: Default: met from the day after the N-year period ends — the period has
    #: fully run (Civil Code Art. 201–203: the last day runs to its 24:00), and
    #: the start date has left the N-year look-back, so this agrees with
    #: ``periods.in_lookback``.  Registered 2022-05-10: met from 2025-05-11.
    AFTER_PERIOD = "after-period"
    #: Alternative: met on the period's last day, the N-th anniversary itself
    #: (registered 2022-05-10: met from 2025-05-10).
    ON_ANNIVERSARY = "on-anniversary"


def completion_day(
    start: datetime.date, years: int, periods: PeriodReading, completion: CompletionReading
) -> datetime.date:
    """The first day on which ``years`` years from ``start`` are reached (I5.1, R7).

    >>> import datetime as dt
    >>> completion_day(dt.date(2022, 5, 10), 3, PeriodReading.CIVIL_CODE,
    ...                CompletionReading.AFTER_PERIOD)
    datetime.date(2025, 5, 11)
    """
    if completion is CompletionReading.AFTER_PERIOD:
        return first_day_after(start, years=years, reading=periods)
    return period_end(start, years=years, reading=periods)


def periods_field() -> Any:
    """The R7 policy field (default: Civil Code), shared by the award's policies."""
    return attrs.field(default=PeriodReading.CIVIL_CODE, validator=is_enum(PeriodReading))


def completion_field() -> Any:
    """The I5.1 policy field (default: after the period), shared by the award's policies."""
    return attrs.field(default=CompletionReading.AFTER_PERIOD, validator=is_enum(CompletionReading))


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
        I5.1 — when a minimum number of years is reached (Art. 14(1), 15(1);
        default: the day after the period ends).
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

    applicant: str = attrs.field(validator=is_name)
    kind: ApplicantKind = attrs.field(validator=is_enum(ApplicantKind))
    track: Track = attrs.field(validator=is_enum(Track))
    applying_for: AwardClass | None = attrs.field(validator=is_optional(is_enum(AwardClass)))
    applied_on: datetime.date = attrs.field(validator=is_date)
    verdict: Verdict = attrs.field(validator=is_enum(Verdict))
    conditions: tuple[Condition, ...] = attrs.field(validator=is_tuple_of(Condition))
    policy: EligibilityPolicy = attrs.field(validator=is_instance(EligibilityPolicy))
    scheme: str = attrs.field(validator=is_name)
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


# --- the conditions -----------------------------------------------------------------

ART_3 = measures("Art. 3")


def _span(term: SchemeTerm, applied_on: datetime.date, reading: PeriodReading) -> str:
    return f"{lookback_start(applied_on, years=term.count, reading=reading)}..{applied_on}"


def _duration(
    key: str,
    term: SchemeTerm,
    start_name: str,
    start: datetime.date | None,
    applied_on: datetime.date,
    policy: EligibilityPolicy,
) -> Condition:
    """At least ``term.count`` years since ``start`` (以上, reading I5.1 and R7)."""
    citation = term.citation
    if start is None:
        return unknown(
            key,
            citation,
            start_name,
            f"未提供起算日期（{start_name}），无法判断是否满 {term.count} 年。",
            f"The start date ({start_name}) is not given: cannot tell whether "
            f"{term.count} years are reached.",
        )
    met_from = completion_day(start, term.count, policy.periods, policy.completion)
    if applied_on >= met_from:
        return met(
            key,
            citation,
            f"自 {start} 起至申报日 {applied_on} 已满 {term.count} 年（{met_from} 起满足）。",
            f"{term.count} years from {start} are reached by {applied_on} (met from {met_from}).",
        )
    return failed(
        key,
        citation,
        f"自 {start} 起至申报日 {applied_on} 未满 {term.count} 年，{met_from} 起方满足。",
        f"{term.count} years from {start} are not reached on {applied_on}; met from {met_from}.",
        met_from=met_from,
    )


def _no_events(
    key: str,
    citation: Citation,
    term: SchemeTerm,
    events: Sequence[tuple[str, tuple[datetime.date, ...] | None, str, str]],
    applied_on: datetime.date,
    policy: EligibilityPolicy,
) -> Condition:
    """No event of the listed kinds within the look-back (近三年) before ``applied_on``."""
    reading = policy.periods
    span = _span(term, applied_on, reading)
    parts: list[Condition] = []
    for name, dates, zh, en in events:
        if dates is None:
            parts.append(not_given(key, citation, [Fact(name, None, zh, en)]))
            continue
        inside = sorted(
            d for d in dates if in_lookback(d, applied_on, years=term.count, reading=reading)
        )
        if inside:
            latest = inside[-1]
            met_from = first_day_after(latest, years=term.count, reading=reading)
            listed = "、".join(d.isoformat() for d in inside)
            parts.append(
                failed(
                    key,
                    citation,
                    f"近{term.count}年（{span}）内有{zh}：{listed}；{met_from} 起移出该期间。",
                    f"{en} within the last {term.count} years ({span}): "
                    f"{', '.join(d.isoformat() for d in inside)}; "
                    f"out of that span from {met_from}.",
                    met_from=met_from,
                )
            )
        else:
            parts.append(
                met(
                    key,
                    citation,
                    f"近{term.count}年（{span}）内无{zh}。",
                    f"No {en} within the last {term.count} years ({span}).",
                )
            )
    return combine(key, citation, parts)


def _art3_organisation(o: Organisation) -> Condition:
    return all_of(
        "art3",
        ART_3,
        [
            Fact(
                "registered_in_baoshan",
                o.registered_in_baoshan,
                "依法在宝山区注册登记",
                "registered in Baoshan according to law",
            ),
            Fact(
                "carries_on_activities",
                o.carries_on_activities,
                "开展经济和社会活动",
                "carries on economic and social activities",
            ),
        ],
        met_zh="属本办法所称的组织：依法在宝山区注册登记，开展经济和社会活动。",
        met_en="An organisation in the sense of the Measures: registered in Baoshan, carrying "
        "on economic and social activities.",
    )


def _art3_individual(p: Individual) -> Condition:
    facts = [
        Fact(
            "works_in_baoshan_quality",
            p.works_in_baoshan_quality,
            "在宝山区从事质量工作",
            "does quality work in Baoshan",
        ),
        Fact(
            "contributes_to_baoshan_quality",
            p.contributes_to_baoshan_quality,
            "为宝山区质量工作做出贡献",
            "has contributed to quality work in Baoshan",
        ),
    ]
    true = [f for f in facts if f.value is True]
    if true:
        return Condition(
            key="art3",
            citation=ART_3,
            status=ConditionStatus.MET,
            reasons=tuple(
                Reason(
                    ART_3,
                    f"属本办法所称的个人：{f.zh}。",
                    f"An individual in the sense of the Measures: {f.en}.",
                )
                for f in true
            ),
        )
    not_known = [f for f in facts if f.value is None]
    if not_known:
        return not_given("art3", ART_3, not_known)
    return failed(
        "art3",
        ART_3,
        "既不在宝山区从事质量工作，也未为宝山区质量工作做出贡献。",
        "Neither does quality work in Baoshan nor has contributed to it.",
    )


def _organisation_conditions(
    o: Organisation, applied_on: datetime.date, scheme: AwardScheme, policy: EligibilityPolicy
) -> list[Condition]:
    op = scheme.operating
    c141 = combine(
        "art14.1",
        op.citation,
        [
            all_of(
                "art14.1",
                op.citation,
                [
                    Fact(
                        "registered_in_baoshan",
                        o.registered_in_baoshan,
                        "在本区登记、注册",
                        "registered in the district",
                    ),
                    Fact(
                        "operating_normally", o.operating_normally, "正常运行", "operating normally"
                    ),
                ],
                met_zh="在本区登记、注册并正常运行。",
                met_en="Registered in the district and operating normally.",
            ),
            _duration("art14.1", op, "registered_on", o.registered_on, applied_on, policy),
        ],
    )
    c142 = all_of(
        "art14.2",
        measures("Art. 14(2)"),
        [
            Fact(
                "meets_legal_requirements",
                o.meets_legal_requirements,
                "符合本市和区域有关产业导向、环境保护、节能减排、安全生产、质量等法律法规及政策要求",
                "meets the municipal and district law and policy on industry, environment, energy saving, work safety and quality",
            ),
            Fact(
                "holds_required_licences",
                o.holds_required_licences,
                "具备相关资质或证照",
                "holds the required qualifications or licences",
            ),
        ],
        met_zh="符合法律法规及政策要求，具备相关资质或证照。",
        met_en="Meets the law and policy requirements and holds the required licences.",
    )
    c143 = all_of(
        "art14.3",
        measures("Art. 14(3)"),
        [
            Fact(
                "exemplary_quality_management",
                o.exemplary_quality_management,
                "质量管理工作具有行业特色、企业特点和标杆示范意义，追求卓越，持续改进效果突出，具有良好的成长性",
                "quality management with sector and company character and benchmark value, pursuing excellence with marked continual improvement and good growth",
            ),
        ],
        met_zh="质量管理工作具有标杆示范意义，持续改进效果突出。",
        met_en="Quality management of benchmark value with marked continual improvement.",
    )
    c144 = all_of(
        "art14.4",
        measures("Art. 14(4)"),
        [
            Fact(
                "leading_performance",
                o.leading_performance,
                "近三年来主要经济、社会效益指标和质量水平处于本区领先地位，对地区转型发展和创新驱动贡献率处于前列",
                "over the last three years, leading economic, social and quality results in the district and a front-rank contribution to transformation and innovation",
            ),
        ],
        met_zh="具有卓越的经营绩效，近三年来处于本区领先地位。",
        met_en="Excellent performance, leading in the district over the last three years.",
    )
    c145 = all_of(
        "art14.5",
        measures("Art. 14(5)"),
        [
            Fact(
                "chief_quality_officer_system",
                o.chief_quality_officer_system,
                "积极实施首席质量官制度",
                "actively runs a chief quality officer system",
            ),
            Fact(
                "fulfils_quality_responsibility",
                o.fulfils_quality_responsibility,
                "严格落实质量主体责任",
                "strictly fulfils its responsibility for quality",
            ),
        ],
        met_zh="积极实施首席质量官制度，严格落实质量主体责任。",
        met_en="Runs a chief quality officer system and fulfils its responsibility for quality.",
    )
    look = scheme.organisation_lookback
    x1 = _no_events(
        "art14.exclusion.1",
        measures("Art. 14 para 2(1)"),
        look,
        [
            (
                "serious_penalties",
                o.serious_penalties,
                "因违反环境保护、质量技术等法律、法规受到的严重行政处罚",
                "serious administrative penalty for breaching environmental, quality-technical or similar law",
            ),
            (
                "failed_rectifications",
                o.failed_rectifications,
                "被责令整改后拒不整改或整改不达标",
                "refusal or failure to rectify after an order",
            ),
        ],
        applied_on,
        policy,
    )
    x2 = _no_events(
        "art14.exclusion.2",
        measures("Art. 14 para 2(2)"),
        look,
        [
            (
                "major_incidents",
                o.major_incidents,
                "有重大社会影响的质量安全、生产安全、环境污染、公共卫生等事故",
                "major incident of social impact (quality safety, production safety, pollution, public health or similar)",
            ),
            (
                "major_complaints",
                o.major_complaints,
                "因组织责任导致的重大用户（顾客）投诉",
                "major customer complaint caused by the organisation",
            ),
        ],
        applied_on,
        policy,
    )
    x3 = all_of(
        "art14.exclusion.3",
        measures("Art. 14 para 2(3)"),
        [
            Fact(
                "other_serious_violations",
                None if o.other_serious_violations is None else not o.other_serious_violations,
                "无其他严重违反法律法规、规章和其它规定的行为",
                "no other serious breach of laws, regulations, rules or other provisions",
            )
        ],
        met_zh="无其他严重违反法律法规、规章和其它规定的行为。",
        met_en="No other serious breach of laws, regulations, rules or other provisions.",
    )
    return [_art3_organisation(o), c141, c142, c143, c144, c145, x1, x2, x3]


def _individual_conditions(
    p: Individual, applied_on: datetime.date, scheme: AwardScheme, policy: EligibilityPolicy
) -> list[Condition]:
    c151 = _duration(
        "art15.1",
        scheme.quality_work,
        "quality_work_since",
        p.quality_work_since,
        applied_on,
        policy,
    )
    c152 = all_of(
        "art15.2",
        measures("Art. 15(2)"),
        [
            Fact(
                "outstanding_contribution",
                p.outstanding_contribution,
                "具有卓有成效的质量管理理论研究成果或丰富的实践经验，为提高质量做出了突出贡献",
                "effective quality-management research or rich practical experience, with an outstanding contribution to quality",
            ),
        ],
        met_zh="为提高质量做出了突出贡献。",
        met_en="Has made an outstanding contribution to quality.",
    )
    c153 = all_of(
        "art15.3",
        measures("Art. 15(3)"),
        [
            Fact(
                "professional_ethics",
                p.professional_ethics,
                "恪守职业道德和社会公德",
                "keeps professional and social ethics",
            ),
            Fact(
                "serious_violations",
                None if p.serious_violations is None else not p.serious_violations,
                "未发生严重违反法律法规的行为",
                "no serious breach of laws and regulations",
            ),
        ],
        met_zh="恪守职业道德和社会公德，未发生严重违反法律法规的行为。",
        met_en="Keeps professional and social ethics; no serious breach of law.",
    )
    c154 = _no_events(
        "art15.4",
        scheme.member_organisation_lookback.citation,
        scheme.member_organisation_lookback,
        [
            (
                "organisation_major_incidents",
                p.organisation_major_incidents,
                "个人所属组织有重大社会影响的质量安全、安全生产、环境污染、公共卫生等事故",
                "major incident of social impact in the person's organisation",
            ),
        ],
        applied_on,
        policy,
    )
    return [_art3_individual(p), c151, c152, c153, c154]


def _art16_para1(
    applicant: Organisation | Individual,
    applying_for: AwardClass | None,
    applied_on: datetime.date,
    scheme: AwardScheme,
    policy: EligibilityPolicy,
) -> Condition:
    term = scheme.reapplication_bar
    citation = measures("Art. 16 para 1")
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
        barred_classes = {a.award_class for a in live}
        if applying_for is None and live and not set(scheme.classes) <= barred_classes:
            names = "、".join(sorted(c.zh for c in barred_classes))
            return unknown(
                "art16.para1",
                citation,
                "applying_for",
                f"{term.count}年内曾获{names}；未说明申报类别（applying_for），按同一类别"
                "的理解（R8）无法判断。",
                f"Won {', '.join(sorted(c.en for c in barred_classes))} within "
                f"{term.count} years; the class applied for (applying_for) is not given, "
                "so under the same-class reading (R8) this cannot be decided.",
            )
        if applying_for is not None:
            live = [a for a in live if a.award_class is applying_for]
    if not live:
        return met(
            "art16.para1",
            citation,
            f"申报日前{term.count}年内未获同一类奖项（R8：{policy.same_kind.zh}）。",
            f"No award of the same kind within {term.count} years before the "
            f"application (R8: {policy.same_kind.value}).",
        )
    met_from = max(
        first_day_after(a.awarded_on, years=term.count, reading=policy.periods) for a in live
    )
    listed = ", ".join(f"{a.award_class.value} {a.awarded_on}" for a in live)
    listed_zh = "、".join(f"{a.award_class.zh} {a.awarded_on}" for a in live)
    return failed(
        "art16.para1",
        citation,
        f"获奖后{term.count}年内不得申报同一类奖项（{listed_zh}）；{met_from} 起可再申报。",
        f"No application for the same kind of award within {term.count} years of "
        f"winning ({listed}); accepted again from {met_from}.",
        met_from=met_from,
    )


def _art16_para2(
    applicant: Organisation | Individual, scheme: AwardScheme, applied_on: datetime.date
) -> Condition:
    citation = measures("Art. 16 para 2")
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


def _art16_para3(applicant: Organisation | Individual, applied_on: datetime.date) -> Condition:
    citation = measures("Art. 16 para 3")
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
            "（同一年度按自然年理解，I5.2）。",
            f"Applied for the municipal award in {year}: the municipal and the district "
            "award cannot be applied for in the same year (the calendar year, I5.2).",
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
    citation = term.citation
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
            f"被取消荣誉资格（{listed}）后三年内不再受理其申请；{met_from} 起可受理。",
            f"Award revoked ({listed}): no application accepted for three years; "
            f"accepted again from {met_from}.",
            met_from=met_from,
        )
    return met(
        "art25",
        citation,
        f"申报日前{term.count}年内未被取消荣誉资格。",
        f"No revocation within {term.count} years before the application.",
    )


def check_eligibility(
    applicant: Organisation | Individual,
    *,
    applied_on: datetime.date,
    applying_for: AwardClass | None = None,
    scheme: AwardScheme | None = None,
    policy: EligibilityPolicy | None = None,
    allow_outside_validity: bool = False,
) -> EligibilityVerdict:
    """Whether an applicant may apply on a day (Measures Art. 3, 14, 15, 16, 25).

    Each condition is met, failed or unknown (a fact left ``None`` is unknown,
    never false); the verdict is ineligible when any fails, else undetermined
    when any is unknown, else eligible.

    Parameters
    ----------
    applicant
        An :class:`~baoshan_quality.award.applicants.Organisation` (Art. 14) or an
        :class:`~baoshan_quality.award.applicants.Individual` (Art. 15).
    applied_on
        The day of the application; it must lie in the Measures' span (Art. 28).
    applying_for
        The class applied for: needed by Art. 16 para 1 under the same-class
        reading R8 only when a recent award could bar it.
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.
    policy
        The readings R7, R8, I5.1; ``None`` (the default) means
        ``EligibilityPolicy()``.
    allow_outside_validity
        Apply the Measures to an ``applied_on`` outside their span anyway.

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
        ``applicant`` is neither kind; ``applied_on`` is not a ``datetime.date``;
        ``applying_for`` is not a class of the scheme; ``scheme`` or ``policy`` is
        of the wrong kind.

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
    if isinstance(applicant, Organisation):
        kind = ApplicantKind.ORGANISATION
    elif isinstance(applicant, Individual):
        kind = ApplicantKind.INDIVIDUAL
    else:
        raise InvalidInputError.about(
            "applicant", applicant, "expected an Organisation or an Individual", ART_3
        )
    scheme = resolve_scheme(scheme)
    chosen_policy = EligibilityPolicy() if policy is None else policy
    if not isinstance(chosen_policy, EligibilityPolicy):
        raise InvalidInputError.about("policy", policy, "expected an EligibilityPolicy")
    if applying_for is not None and (
        not isinstance(applying_for, AwardClass) or applying_for not in scheme.classes
    ):
        raise InvalidInputError.about(
            "applying_for",
            applying_for,
            f"expected None or a class of the scheme {scheme.key}",
            measures("Art. 2"),
        )
    validity = check_date(
        applied_on, "applied_on", scheme=scheme, allow_outside_validity=allow_outside_validity
    )
    day = validity.on
    if isinstance(applicant, Organisation):
        own = _organisation_conditions(applicant, day, scheme, chosen_policy)
    else:
        own = _individual_conditions(applicant, day, scheme, chosen_policy)
    conditions = (
        *own,
        _art16_para1(applicant, applying_for, day, scheme, chosen_policy),
        _art16_para2(applicant, scheme, day),
        _art16_para3(applicant, day),
        _art25(applicant, day, scheme, chosen_policy),
    )
    failed = [c for c in conditions if c.status is ConditionStatus.FAILED]
    unknown = [c for c in conditions if c.status is ConditionStatus.UNKNOWN]
    if failed:
        verdict = Verdict.INELIGIBLE
    elif unknown:
        verdict = Verdict.UNDETERMINED
    else:
        verdict = Verdict.ELIGIBLE
    basis = measures("Art. 14") if kind is ApplicantKind.ORGANISATION else measures("Art. 15")
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
        track=Track.for_applicant(kind),
        applying_for=applying_for,
        applied_on=day,
        verdict=verdict,
        conditions=conditions,
        policy=chosen_policy,
        scheme=scheme.key,
        validity=validity,
        reasons=(Reason(basis, *summary), *validity.reasons),
    )
