"""Awards under quotas (Measures Art. 4, 5, 7, 19, 21).

Given the candidates of an edition — each with its class and track, its score
from the evaluation and whether it passed every stage of Art. 18 —
:func:`allocate` picks the winners of each class × track:

* **at most the quota** (Art. 7: 区长奖 模式 ≤ 2、成果 ≤ 1; 金奖 模式 ≤ 10、成果 ≤ 2),
  read from the scheme (:func:`~baoshan_quality.award.scheme.quota`);
* **best first** (Art. 4: 好中选优), by score, high to low;
* **never a candidate that did not pass every stage**;
* **vacancies allowed and reported** (Art. 7: 所有奖项均可空缺), and an optional
  minimum score (:attr:`AllocationPolicy.minimum_score`; the Measures fix none);
* a **tie at the quota line** — the last place within the quota shares its
  score with the first place outside it — is refused by default with an
  :class:`~baoshan_quality.errors.UnresolvedTieError` naming the tied
  candidates (:attr:`QuotaTiePolicy.REFUSE`); the alternative
  :attr:`QuotaTiePolicy.CALLER_ORDER` breaks it by an order the caller gives;
* **only in an evaluation year** (Art. 5: 每两年评选一届，其中一年为培育孵化年，一年为
  评选年): the edition's year is checked against the scheme's cycle (reading R10
  for the anchor); an incubation year is refused by default citing Art. 5
  (:attr:`OffCycleReading.REFUSE`, reading R45), or flagged in the result
  (:attr:`OffCycleReading.FLAG`).

Each award carries its prize (Art. 19, from the scheme) and the Art. 21
follow-up (:data:`PRIORITY_RECOMMENDATIONS`).

>>> import datetime as dt
>>> result = allocate(
...     [Candidate(name="甲", award_class="mayor", track="achievement", score="88.5",
...                passed=True),
...      Candidate(name="乙", award_class="mayor", track="achievement", score="91",
...                passed=False)],
...     on=dt.date(2025, 9, 19))
>>> [p.name for p in result.awarded], result["乙"].outcome.value
(['甲'], 'failed-stage')
>>> result.group("gold", "model").vacancies
10
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    decimal_field,
    is_bool,
    is_date,
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_optional,
    is_tuple_of,
    optional_decimal,
    to_name,
    to_names,
    to_tuple,
)
from baoshan_quality.award._show import as_tuple, notes
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.cycle import CyclePhase, CyclePolicy, cycle_year
from baoshan_quality.award.parts import (
    ApplicantKind,
    AwardClass,
    Track,
    class_code,
    is_code,
    track_code,
)
from baoshan_quality.award.prizes import Prize, prize
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import check_date
from baoshan_quality.citations import Citation, Reason, measures
from baoshan_quality.errors import (
    DuplicateUnitError,
    InvalidInputError,
    UnknownUnitError,
    UnresolvedTieError,
)

__all__ = [
    "PRIORITY_RECOMMENDATIONS",
    "Allocation",
    "AllocationPolicy",
    "Candidate",
    "FollowUp",
    "OffCycleReading",
    "Placement",
    "PlacementOutcome",
    "QuotaGroup",
    "QuotaTiePolicy",
    "allocate",
    "priority_recommendations",
]

ART_4 = measures("Art. 4")
ART_7 = measures("Art. 7")


def _to_kinds(value: Iterable[ApplicantKind]) -> tuple[ApplicantKind, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class FollowUp:
    """What a winner is recommended for afterwards (Art. 21), and for which applicants."""

    key: str = attrs.field(converter=to_name, validator=is_name)
    applicants: tuple[ApplicantKind, ...] = attrs.field(
        converter=_to_kinds, validator=is_tuple_of(ApplicantKind)
    )
    zh: str = attrs.field(converter=to_name, validator=is_name)
    en: str = attrs.field(converter=to_name, validator=is_name)
    clause: str = attrs.field(converter=to_name, validator=is_name)


_ORG, _PERSON = ApplicantKind.ORGANISATION, ApplicantKind.INDIVIDUAL

#: Art. 21 (优先推荐), one row per sentence-part of the article.
PRIORITY_RECOMMENDATIONS: tuple[FollowUp, ...] = (
    FollowUp(
        key="art21.municipal-award",
        applicants=(_ORG, _PERSON),
        zh="优先推荐申报上海市政府质量奖及各类质量荣誉",
        en="recommended with priority for the Shanghai Municipal Government Quality Award "
        "and other quality honours",
        clause="Art. 21",
    ),
    FollowUp(
        key="art21.expert-pool.managers",
        applicants=(_ORG,),
        zh="获奖组织高层管理人员优先推荐纳入政府质量奖评审专家库",
        en="the winning organisation's senior managers are recommended with priority "
        "for the award's pool of expert reviewers",
        clause="Art. 21",
    ),
    FollowUp(
        key="art21.expert-pool.individual",
        applicants=(_PERSON,),
        zh="获奖个人优先推荐纳入政府质量奖评审专家库",
        en="the winning individual is recommended with priority for the award's pool "
        "of expert reviewers",
        clause="Art. 21",
    ),
)


def priority_recommendations(
    track: Track | str, *, scheme: AwardScheme | None = None
) -> tuple[FollowUp, ...]:
    """The follow-ups of a winner on a track (Measures Art. 21: 优先推荐).

    Art. 21 names the winning organisations' senior managers and the winning
    individuals: the rows follow the track's kind of applicant.

    Parameters
    ----------
    track
        The winner's track, a track of the scheme or its code.
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.

    Returns
    -------
    tuple[FollowUp, ...]
        The rows of :data:`PRIORITY_RECOMMENDATIONS` that apply, in the article's order.

    Raises
    ------
    InvalidInputError
        ``track`` is not a track of the scheme.

    Examples
    --------
    >>> [f.key for f in priority_recommendations("achievement")]
    ['art21.municipal-award', 'art21.expert-pool.individual']
    """
    kind = resolve_scheme(scheme).track(track).applicant
    return tuple(f for f in PRIORITY_RECOMMENDATIONS if kind in f.applicants)


def _minimum(value: Decimal | int | str | float | None) -> Decimal | None:
    return optional_decimal("AllocationPolicy.minimum_score", minimum=0, citation=ART_4)(value)


def _score(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("score", minimum=0, citation=ART_7)(value)


class OffCycleReading(enum.Enum):
    """Reading R45: an edition awarded in an incubation year (Art. 5 against Art. 7, 18)."""

    #: Default: refused, citing Art. 5 (每两年评选一届，其中一年为培育孵化年，一年为评选年).
    REFUSE = "refuse"
    #: Alternative: allocated, and flagged in the result (``Allocation.off_cycle``).
    FLAG = "flag"


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    return to_names(value)


class QuotaTiePolicy(enum.Enum):
    """What to do when candidates tie across the quota line."""

    #: Default: refuse, naming the tied candidates (UnresolvedTieError).
    REFUSE = "refuse"
    #: Alternative: break the tie by :attr:`AllocationPolicy.order`.
    CALLER_ORDER = "caller-order"


def _names(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    is_tuple_of(str)(instance, attribute, value)
    if len(set(value)) != len(value):
        raise DuplicateUnitError.about("AllocationPolicy.order", value, "a name is listed twice")


@attrs.frozen(kw_only=True)
class AllocationPolicy:
    """How :func:`allocate` breaks ties at the quota line and whether a floor applies.

    Attributes
    ----------
    ties
        :attr:`QuotaTiePolicy.REFUSE` (default) or :attr:`QuotaTiePolicy.CALLER_ORDER`.
    order
        The caller's order (first is best) for ``CALLER_ORDER``; only the
        candidates tied at a quota line need to be in it.
    minimum_score
        A floor below which no one wins (the Measures fix none; ``None``: no floor).
    off_cycle
        Reading R45: an edition in an incubation year is refused (default) or flagged.
    cycle
        Reading R10, the cycle's anchor; ``None`` (the default) means the scheme's.
    """

    ties: QuotaTiePolicy = attrs.field(
        default=QuotaTiePolicy.REFUSE, validator=is_enum(QuotaTiePolicy)
    )
    order: tuple[str, ...] = attrs.field(default=(), converter=_to_names, validator=_names)
    minimum_score: Decimal | None = attrs.field(default=None, converter=_minimum)
    off_cycle: OffCycleReading = attrs.field(
        default=OffCycleReading.REFUSE, validator=is_enum(OffCycleReading)
    )
    cycle: CyclePolicy | None = attrs.field(
        default=None, validator=is_optional(is_instance(CyclePolicy))
    )


@attrs.frozen(kw_only=True)
class Candidate:
    """One candidate of a class × track, with its evaluation score.

    ``award_class`` and ``track`` are codes of the scheme (a record is kept as its
    code).  ``passed`` says whether it passed every stage of Art. 18 up to the
    overall evaluation (e.g. ``record.passed(Stage.SITE_REVIEW)`` of its
    :class:`~baoshan_quality.award.procedure.ApplicationRecord`).
    """

    name: str = attrs.field(converter=to_name, validator=is_name)
    award_class: str = attrs.field(converter=class_code, validator=is_code)
    track: str = attrs.field(converter=track_code, validator=is_code)
    score: Decimal = attrs.field(converter=_score)
    passed: bool = attrs.field(validator=is_bool)


class PlacementOutcome(enum.Enum):
    """What became of a candidate."""

    #: 获奖 — within the quota.
    AWARDED = "awarded"
    #: 名额已满 — passed, but ranked outside the quota.
    OUTSIDE_QUOTA = "outside-quota"
    #: 未达最低分 — below the caller's minimum score.
    BELOW_MINIMUM = "below-minimum"
    #: 未通过全部评审环节 — did not pass every stage (Art. 18).
    FAILED_STAGE = "failed-stage"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {
            "awarded": "获奖",
            "outside-quota": "名额已满",
            "below-minimum": "未达最低分",
            "failed-stage": "未通过全部评审环节",
        }[self.value]


@attrs.frozen(kw_only=True)
class Placement:
    """One candidate's result: rank among those who passed, outcome, prize, follow-ups."""

    name: str = attrs.field(converter=to_name, validator=is_name)
    award_class: AwardClass = attrs.field(validator=is_instance(AwardClass))
    track: Track = attrs.field(validator=is_instance(Track))
    score: Decimal = attrs.field(converter=_score)
    #: Competition rank (1, 2, 2, 4) among the candidates who passed; ``None`` otherwise.
    rank: int | None = attrs.field(validator=is_optional(is_int(1)))
    outcome: PlacementOutcome = attrs.field(validator=is_enum(PlacementOutcome))
    prize: Prize | None = attrs.field(validator=is_optional(is_instance(Prize)))
    follow_ups: tuple[FollowUp, ...] = attrs.field(validator=is_tuple_of(FollowUp))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    @property
    def awarded(self) -> bool:
        """Whether the candidate wins."""
        return self.outcome is PlacementOutcome.AWARDED


@attrs.frozen(kw_only=True)
class QuotaGroup:
    """One class × track: its quota, winners, vacancies and any tie broken."""

    award_class: AwardClass = attrs.field(validator=is_instance(AwardClass))
    track: Track = attrs.field(validator=is_instance(Track))
    quota: int = attrs.field(validator=is_int(0))
    awarded: tuple[str, ...] = attrs.field(validator=is_tuple_of(str))
    vacancies: int = attrs.field(validator=is_int(0))
    #: Candidates tied at the quota line whose order came from the caller.
    tie_broken: tuple[str, ...] = attrs.field(validator=is_tuple_of(str))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))


@attrs.frozen(kw_only=True)
class Allocation(Tabular):
    """The awards of an edition: every candidate placed, every group's vacancies (Art. 7).

    Attributes
    ----------
    scheme, on, policy
        The scheme's key, the day of the decision and the policy applied.
    edition, off_cycle
        The edition's year (its evaluation year, Art. 5) and whether that year is an
        incubation year of the cycle, allocated under :attr:`OffCycleReading.FLAG`.
    groups
        One :class:`QuotaGroup` per class × track of the scheme, vacancies included.
    placements
        Every candidate (:class:`Placement`), group by group, winners first: the
        table's rows (record keys ``class``, ``track``, ``name``, ``score``,
        ``rank``, ``outcome``, ``cash cap (yuan)``).
    applied_outside_validity
        ``True`` only when the caller applied the Measures outside Art. 28's span.
    reasons
        Art. 4 and 7 and the validity (with each group's reasons, the table's notes).
    """

    scheme: str = attrs.field(converter=to_name, validator=is_name)
    on: datetime.date = attrs.field(validator=is_date)
    edition: int = attrs.field(validator=is_int(1, 9999))
    off_cycle: bool = attrs.field(validator=is_bool)
    policy: AllocationPolicy = attrs.field(validator=is_instance(AllocationPolicy))
    groups: tuple[QuotaGroup, ...] = attrs.field(validator=is_tuple_of(QuotaGroup))
    placements: tuple[Placement, ...] = attrs.field(validator=is_tuple_of(Placement))
    applied_outside_validity: bool = attrs.field(validator=is_bool)
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    @property
    def awarded(self) -> tuple[Placement, ...]:
        """The winners, group by group, best first."""
        return tuple(p for p in self.placements if p.awarded)

    def __getitem__(self, name: str) -> Placement:
        """The placement of the candidate called ``name`` (its NFC spelling)."""
        wanted = to_name(name)
        for p in self.placements:
            if p.name == wanted:
                return p
        raise UnknownUnitError.about("name", name, "no such candidate", ART_7)

    def group(self, award_class: AwardClass | str, track: Track | str) -> QuotaGroup:
        """The result of one class × track (records or codes)."""
        pair = (class_code(award_class), track_code(track))
        for g in self.groups:
            if (g.award_class.code, g.track.code) == pair:
                return g
        raise UnknownUnitError.about(
            "group", (award_class, track), "no such class × track in the scheme", ART_7
        )

    def _table(self) -> Table:
        vacant = ", ".join(
            f"{g.award_class.code}/{g.track.code} {g.vacancies}" for g in self.groups
        )
        vacant_zh = "，".join(f"{g.award_class.zh}·{g.track.zh} {g.vacancies}" for g in self.groups)
        return Table(
            caption=Text(
                f"{self.scheme} 授奖（{self.on}）— 空缺：{vacant_zh}",
                f"awards {self.scheme} on {self.on} — vacancies: {vacant}",
            ),
            columns=(
                Column("class", "类别", "class"),
                Column("track", "奖项", "track"),
                Column("name", "申报者", "name"),
                Column("score", "得分", "score"),
                Column("rank", "名次", "rank"),
                Column("outcome", "结果", "outcome"),
                Column("cash cap (yuan)", "奖金上限（元）", "cash cap (yuan)"),
            ),
            rows=tuple(
                (
                    Text(p.award_class.zh, p.award_class.en),
                    Text(p.track.zh, p.track.en),
                    p.name,
                    p.score,
                    p.rank,
                    Text(p.outcome.zh, p.outcome.value),
                    None if p.prize is None else p.prize.cash_cap,
                )
                for p in self.placements
            ),
            notes=notes(self.reasons, *(g.reasons for g in self.groups)),
        )


def _check_candidates(value: object, scheme: AwardScheme, art_7: Citation) -> tuple[Candidate, ...]:
    items = to_tuple(value)
    if not isinstance(items, tuple):
        raise InvalidInputError.about("candidates", value, "expected a list of Candidate", art_7)
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, Candidate):
            raise InvalidInputError.about(
                f"candidates[{index}]", item, "expected a Candidate", art_7
            )
        scheme.award_class(item.award_class, field=f"candidates[{index}].award_class")
        scheme.track(item.track, field=f"candidates[{index}].track")
        if item.name in seen:
            raise DuplicateUnitError.about(
                "candidates",
                item.name,
                "a candidate is ranked once, in one class × track",
                art_7,
            )
        seen.add(item.name)
    return items


def _ranks(ranked: Sequence[Candidate]) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for index, c in enumerate(ranked):
        if index and c.score == ranked[index - 1].score:
            ranks[c.name] = ranks[ranked[index - 1].name]
        else:
            ranks[c.name] = index + 1
    return ranks


def _group(
    award_class: AwardClass,
    track: Track,
    candidates: Sequence[Candidate],
    scheme: AwardScheme,
    policy: AllocationPolicy,
) -> tuple[QuotaGroup, list[Placement]]:
    row = scheme.quota_row(award_class, track)
    quota = row.maximum
    art_7 = scheme.cite(row.clause)
    won = prize(award_class, track, scheme=scheme)
    follow_ups = priority_recommendations(track, scheme=scheme)
    passed = [c for c in candidates if c.passed]
    floor = policy.minimum_score
    eligible = [c for c in passed if floor is None or c.score >= floor]
    by_score = sorted(eligible, key=lambda c: (-c.score, c.name))
    ranks = _ranks(sorted(passed, key=lambda c: (-c.score, c.name)))
    tie_broken: tuple[str, ...] = ()
    label = f"{award_class.zh}·{track.zh}"
    code = f"{award_class.code}/{track.code}"
    if 0 < quota < len(by_score) and by_score[quota - 1].score == by_score[quota].score:
        line = by_score[quota - 1].score
        tied = tuple(c.name for c in by_score if c.score == line)
        if policy.ties is QuotaTiePolicy.REFUSE:
            raise UnresolvedTieError(
                f"{code}: {', '.join(tied)} tie at {line} across the quota line of {quota}; "
                "give a tie-break order "
                f"(AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=...)) ({art_7})",
                units=tied,
                boundary=quota,
                citation=art_7,
            )
        missing = [n for n in tied if n not in policy.order]
        if missing:
            raise UnresolvedTieError(
                f"{code}: the tie-break order lacks {', '.join(missing)} (tied at {line}: "
                f"{', '.join(tied)}) ({art_7})",
                units=tied,
                boundary=quota,
                citation=art_7,
            )
        position = {n: i for i, n in enumerate(policy.order)}
        by_score.sort(key=lambda c: (-c.score, position.get(c.name, len(position)), c.name))
        tie_broken = tied
    winners = by_score[:quota]
    winner_names = {c.name for c in winners}
    placements: list[Placement] = []
    ordered = winners + sorted(
        (c for c in candidates if c.name not in winner_names),
        key=lambda c: (not c.passed, -c.score, c.name),
    )
    for c in ordered:
        rank = ranks.get(c.name)
        if c.name in winner_names:
            outcome = PlacementOutcome.AWARDED
            reasons = [
                Reason(
                    art_7,
                    f"{label}第 {rank} 名，在 {quota} 个名额内，获奖。",
                    f"Ranked {rank} in {code}, within the quota of {quota}: awarded.",
                ),
                Reason(
                    won.citation,
                    f"颁发{'、'.join(i.zh for i in won.items)}，奖金不超过 {won.cash_cap} 元。",
                    f"Receives {', '.join(i.value for i in won.items)} and up to "
                    f"{won.cash_cap} yuan.",
                ),
            ]
            reasons += [
                Reason(scheme.cite(f.clause), f.zh + "。", f.en[0].upper() + f.en[1:] + ".")
                for f in follow_ups
            ]
        elif not c.passed:
            outcome = PlacementOutcome.FAILED_STAGE
            reasons = [
                Reason(
                    scheme.cite("Art. 18"),
                    "未通过全部评审环节，不得获奖。",
                    "Did not pass every stage of the review: cannot be awarded.",
                )
            ]
        elif floor is not None and c.score < floor:
            outcome = PlacementOutcome.BELOW_MINIMUM
            reasons = [
                Reason(
                    scheme.cite("Art. 4"),
                    f"得分 {c.score} 低于最低分 {floor}，不予授奖（好中选优）。",
                    f"Score {c.score} is below the minimum of {floor}: not awarded.",
                )
            ]
        else:
            outcome = PlacementOutcome.OUTSIDE_QUOTA
            reasons = [
                Reason(
                    art_7,
                    f"{label}第 {rank} 名，超出 {quota} 个名额。",
                    f"Ranked {rank}, outside the quota of {quota}.",
                )
            ]
        if c.name in tie_broken:
            reasons.append(
                Reason(
                    art_7,
                    f"与{'、'.join(n for n in tie_broken if n != c.name)}同分于名额线，按调用方给定顺序处理。",
                    "Tied at the quota line; ordered by the caller's tie-break order.",
                )
            )
        awarded = outcome is PlacementOutcome.AWARDED
        placements.append(
            Placement(
                name=c.name,
                award_class=award_class,
                track=track,
                score=c.score,
                rank=rank,
                outcome=outcome,
                prize=won if awarded else None,
                follow_ups=follow_ups if awarded else (),
                reasons=tuple(reasons),
            )
        )
    vacancies = quota - len(winners)
    group_reasons = [
        Reason(
            art_7,
            f"{label}每届不超过 {quota} 个，可空缺；获奖 {len(winners)} 个，空缺 {vacancies} 个。",
            f"{code}: at most {quota} per edition, may be vacant; "
            f"{len(winners)} awarded, {vacancies} vacant.",
        )
    ]
    return (
        QuotaGroup(
            award_class=award_class,
            track=track,
            quota=quota,
            awarded=tuple(c.name for c in winners),
            vacancies=vacancies,
            tie_broken=tie_broken,
            reasons=tuple(group_reasons),
        ),
        placements,
    )


def _edition(
    edition: object, on: datetime.date, scheme: AwardScheme, policy: AllocationPolicy
) -> tuple[int, bool, Reason]:
    """Art. 5 against the edition's year: (year, off cycle, the reason) — or refused (R45)."""
    art_5 = scheme.cite(scheme.cycle.clause)
    year = on.year if edition is None else edition
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise InvalidInputError.about("edition", edition, "expected a year (int 1..9999)", art_5)
    place = cycle_year(year, policy=policy.cycle, scheme=scheme, allow_outside_validity=True)
    anchor = place.policy.evaluation_anchor
    if place.phase is CyclePhase.EVALUATION:
        return (
            year,
            False,
            Reason(
                art_5,
                f"{year} 年为评选年（以 {anchor} 年为评选年，R10），本届在评选年授奖。",
                f"{year} is an evaluation year (with {anchor} as one, R10): the edition is "
                "awarded in its evaluation year.",
            ),
        )
    if policy.off_cycle is OffCycleReading.REFUSE:
        raise InvalidInputError.about(
            "edition" if edition is not None else "on",
            year if edition is not None else on,
            f"{year} is an incubation year of the cycle (with {anchor} as an evaluation year, "
            f"R10): an edition is awarded in its evaluation year ({place.evaluation_year}); "
            "give the edition's year as edition=..., or pass "
            "AllocationPolicy(off_cycle=OffCycleReading.FLAG) (R45)",
            art_5,
        )
    return (
        year,
        True,
        Reason(
            art_5,
            f"{year} 年为培育孵化年（以 {anchor} 年为评选年，R10），不应授奖；应调用方要求"
            "仍予分配并标明（R45）。",
            f"{year} is an incubation year (with {anchor} as an evaluation year, R10), in "
            "which no edition is awarded; allocated at the caller's request and flagged (R45).",
        ),
    )


def allocate(
    candidates: Sequence[Candidate],
    *,
    on: datetime.date,
    edition: int | None = None,
    policy: AllocationPolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> Allocation:
    """The winners of an edition under its quotas (Measures Art. 4, 5, 7, 18, 19, 21).

    At most each quota, best first (好中选优), only to candidates who passed every
    stage; every class × track of the scheme is reported with its vacancies,
    even without candidates.  The edition's year must be an evaluation year of the
    scheme's cycle (Art. 5, reading R45).

    Parameters
    ----------
    candidates
        The candidates (:class:`Candidate`), each in one class × track of the scheme.
    on
        The day of the decision (e.g. the committee's 审定); it must lie in the
        Measures' span (Art. 28).
    edition
        The edition's year — its evaluation year; ``None`` (the default) means the
        year of ``on``.  Give it when the decision falls after the evaluation year
        (the 5th edition, evaluated in 2023, was presented on 2024-04-23).
    policy
        Ties at the quota line, an optional floor, the Art. 5 reading and the cycle's
        anchor; ``None`` (the default) means ``AllocationPolicy()`` (a tie is refused,
        no floor, an incubation year refused, the scheme's anchor).
    scheme
        The award's edition (quotas, prizes, cycle); ``None`` (the default) means
        ``BAOSHAN_2023``.
    allow_outside_validity
        Apply the Measures to an ``on`` outside their span anyway.

    Returns
    -------
    Allocation
        Every candidate placed (rank, outcome, prize, follow-ups), every group.

    Raises
    ------
    UnresolvedTieError
        Candidates tie across a quota line and the policy gives no order for them.
    DuplicateUnitError
        A candidate is listed twice.
    OutsideValidityError
        ``on`` is outside Art. 28's span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        The edition's year is an incubation year and the policy refuses it (R45,
        citing Art. 5); a candidate is not a :class:`Candidate`, or names a class or
        track the scheme lacks; ``on``, ``edition``, ``policy`` or ``scheme`` is of
        the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> tied = [Candidate(name=n, award_class="mayor", track="achievement", score=90,
    ...                   passed=True) for n in ("甲", "乙")]
    >>> allocate(tied, on=dt.date(2025, 9, 19))
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.UnresolvedTieError: mayor/achievement: 乙, 甲 tie at 90 across the quota line of 1; give a tie-break order (AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=...)) (Measures Art. 7)
    >>> broken = allocate(tied, on=dt.date(2025, 9, 19), policy=AllocationPolicy(
    ...     ties=QuotaTiePolicy.CALLER_ORDER, order=["甲", "乙"]))
    >>> [p.name for p in broken.awarded]
    ['甲']
    >>> allocate(tied[:1], on=dt.date(2024, 9, 19)).awarded
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: on: 2024 is an incubation year of the cycle (with 2023 as an evaluation year, R10): an edition is awarded in its evaluation year (2025); give the edition's year as edition=..., or pass AllocationPolicy(off_cycle=OffCycleReading.FLAG) (R45), got datetime.date(2024, 9, 19) (date) (Measures Art. 5)
    >>> allocate(tied[:1], on=dt.date(2024, 4, 23), edition=2023).edition
    2023
    """
    scheme = resolve_scheme(scheme, ART_7)
    chosen = AllocationPolicy() if policy is None else policy
    if not isinstance(chosen, AllocationPolicy):
        raise InvalidInputError.about(
            "policy", policy, "expected an AllocationPolicy", scheme.cite("Art. 7")
        )
    validity = check_date(on, "on", scheme=scheme, allow_outside_validity=allow_outside_validity)
    year, off_cycle, cycle_reason = _edition(edition, validity.on, scheme, chosen)
    items = _check_candidates(candidates, scheme, scheme.cite("Art. 7"))
    groups: list[QuotaGroup] = []
    placements: list[Placement] = []
    for award_class in scheme.classes:
        for track in scheme.tracks:
            mine = [c for c in items if (c.award_class, c.track) == (award_class.code, track.code)]
            group, placed = _group(award_class, track, mine, scheme, chosen)
            groups.append(group)
            placements += placed
    reasons = [
        Reason(
            scheme.cite("Art. 4"),
            "坚持“好中选优”原则，按得分由高到低择优。",
            "The best among the good: by score, high to low.",
        ),
        cycle_reason,
        Reason(
            scheme.cite(scheme.quotas[0].clause),
            "每届各奖项不超过规定名额，所有奖项均可空缺。",
            "Each award has a maximum per edition; every award may stay vacant.",
        ),
        *validity.reasons,
    ]
    return Allocation(
        scheme=scheme.key,
        on=validity.on,
        edition=year,
        off_cycle=off_cycle,
        policy=chosen,
        groups=tuple(groups),
        placements=tuple(placements),
        applied_outside_validity=validity.applied_outside_validity,
        reasons=tuple(reasons),
    )
