"""Awards under quotas (Measures Art. 4, 7, 19, 21).

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
  :attr:`QuotaTiePolicy.CALLER_ORDER` breaks it by an order the caller gives.

Each award carries its prize (Art. 19, from the scheme) and the Art. 21
follow-up (:data:`PRIORITY_RECOMMENDATIONS`).

>>> import datetime as dt
>>> from baoshan_quality.award.scheme import AwardClass, Track
>>> result = allocate(
...     [Candidate(name="甲", award_class=AwardClass.MAYOR, track=Track.ACHIEVEMENT,
...                score="88.5", passed=True),
...      Candidate(name="乙", award_class=AwardClass.MAYOR, track=Track.ACHIEVEMENT,
...                score="91", passed=False)],
...     on=dt.date(2025, 9, 19))
>>> [p.name for p in result.awarded], result["乙"].outcome.value
(['甲'], 'failed-stage')
>>> result.group(AwardClass.GOLD, Track.MODEL).vacancies
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
    to_tuple,
)
from baoshan_quality.award._show import as_tuple, notes
from baoshan_quality.award.scheme import AwardClass, AwardScheme, Prize, Track, resolve_scheme
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
    "Placement",
    "PlacementOutcome",
    "QuotaGroup",
    "QuotaTiePolicy",
    "allocate",
    "priority_recommendations",
]

ART_4 = measures("Art. 4")
ART_7 = measures("Art. 7")
ART_18 = measures("Art. 18")
ART_19 = measures("Art. 19")
ART_21 = measures("Art. 21")


def _to_tracks(value: Iterable[Track]) -> tuple[Track, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class FollowUp:
    """What a winner is recommended for afterwards (Art. 21), and for which track."""

    key: str = attrs.field(validator=is_name)
    tracks: tuple[Track, ...] = attrs.field(converter=_to_tracks, validator=is_tuple_of(Track))
    zh: str = attrs.field(validator=is_name)
    en: str = attrs.field(validator=is_name)
    citation: Citation = attrs.field(validator=is_instance(Citation))


#: Art. 21 (优先推荐), one row per sentence-part of the article.
PRIORITY_RECOMMENDATIONS: tuple[FollowUp, ...] = (
    FollowUp(
        key="art21.municipal-award",
        tracks=(Track.MODEL, Track.ACHIEVEMENT),
        zh="优先推荐申报上海市政府质量奖及各类质量荣誉",
        en="recommended with priority for the Shanghai Municipal Government Quality Award "
        "and other quality honours",
        citation=ART_21,
    ),
    FollowUp(
        key="art21.expert-pool.managers",
        tracks=(Track.MODEL,),
        zh="获奖组织高层管理人员优先推荐纳入政府质量奖评审专家库",
        en="the winning organisation's senior managers are recommended with priority "
        "for the award's pool of expert reviewers",
        citation=ART_21,
    ),
    FollowUp(
        key="art21.expert-pool.individual",
        tracks=(Track.ACHIEVEMENT,),
        zh="获奖个人优先推荐纳入政府质量奖评审专家库",
        en="the winning individual is recommended with priority for the award's pool "
        "of expert reviewers",
        citation=ART_21,
    ),
)


def priority_recommendations(track: Track) -> tuple[FollowUp, ...]:
    """The follow-ups of a winner on a track (Measures Art. 21: 优先推荐).

    Parameters
    ----------
    track
        The winner's track (model or achievement).

    Returns
    -------
    tuple[FollowUp, ...]
        The rows of :data:`PRIORITY_RECOMMENDATIONS` that apply, in the article's order.

    Raises
    ------
    InvalidInputError
        ``track`` is not a :class:`~baoshan_quality.award.scheme.Track`.

    Examples
    --------
    >>> [f.key for f in priority_recommendations(Track.ACHIEVEMENT)]
    ['art21.municipal-award', 'art21.expert-pool.individual']
    """
    if not isinstance(track, Track):
        raise InvalidInputError.about("track", track, "expected a Track", ART_21)
    return tuple(f for f in PRIORITY_RECOMMENDATIONS if track in f.tracks)


def _minimum(value: Decimal | int | str | float | None) -> Decimal | None:
    return optional_decimal("AllocationPolicy.minimum_score", minimum=0, citation=ART_4)(value)


def _score(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("score", minimum=0, citation=ART_7)(value)


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


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
    """

    ties: QuotaTiePolicy = attrs.field(
        default=QuotaTiePolicy.REFUSE, validator=is_enum(QuotaTiePolicy)
    )
    order: tuple[str, ...] = attrs.field(default=(), converter=_to_names, validator=_names)
    minimum_score: Decimal | None = attrs.field(default=None, converter=_minimum)


@attrs.frozen(kw_only=True)
class Candidate:
    """One candidate of a class × track, with its evaluation score.

    ``passed`` says whether it passed every stage of Art. 18 up to the overall
    evaluation (e.g. ``record.passed(Stage.SITE_REVIEW)`` of its
    :class:`~baoshan_quality.award.procedure.ApplicationRecord`).
    """

    name: str = attrs.field(validator=is_name)
    award_class: AwardClass = attrs.field(validator=is_enum(AwardClass))
    track: Track = attrs.field(validator=is_enum(Track))
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

    name: str = attrs.field(validator=is_name)
    award_class: AwardClass = attrs.field(validator=is_enum(AwardClass))
    track: Track = attrs.field(validator=is_enum(Track))
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

    award_class: AwardClass = attrs.field(validator=is_enum(AwardClass))
    track: Track = attrs.field(validator=is_enum(Track))
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

    scheme: str = attrs.field(validator=is_name)
    on: datetime.date = attrs.field(validator=is_date)
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
        for p in self.placements:
            if p.name == name:
                return p
        raise UnknownUnitError.about("name", name, "no such candidate", ART_7)

    def group(self, award_class: AwardClass, track: Track) -> QuotaGroup:
        """The result of one class × track."""
        for g in self.groups:
            if g.award_class is award_class and g.track is track:
                return g
        raise UnknownUnitError.about(
            "group", (award_class, track), "no such class × track in the scheme", ART_7
        )

    def _table(self) -> Table:
        vacant = ", ".join(
            f"{g.award_class.value}/{g.track.value} {g.vacancies}" for g in self.groups
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


def _check_candidates(value: object, scheme: AwardScheme) -> tuple[Candidate, ...]:
    items = to_tuple(value)
    if not isinstance(items, tuple):
        raise InvalidInputError.about("candidates", value, "expected a list of Candidate", ART_7)
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, Candidate):
            raise InvalidInputError.about(
                f"candidates[{index}]", item, "expected a Candidate", ART_7
            )
        scheme.quota_row(item.award_class, item.track)  # the class and track exist
        if item.name in seen:
            raise DuplicateUnitError.about(
                "candidates",
                item.name,
                "a candidate is ranked once, in one class × track",
                ART_7,
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
    prize = scheme.prize_row(award_class, track)
    passed = [c for c in candidates if c.passed]
    floor = policy.minimum_score
    eligible = [c for c in passed if floor is None or c.score >= floor]
    by_score = sorted(eligible, key=lambda c: (-c.score, c.name))
    ranks = _ranks(sorted(passed, key=lambda c: (-c.score, c.name)))
    tie_broken: tuple[str, ...] = ()
    label = f"{award_class.zh}·{track.zh}"
    if 0 < quota < len(by_score) and by_score[quota - 1].score == by_score[quota].score:
        line = by_score[quota - 1].score
        tied = tuple(c.name for c in by_score if c.score == line)
        if policy.ties is QuotaTiePolicy.REFUSE:
            raise UnresolvedTieError(
                f"{award_class.value}/{track.value}: {', '.join(tied)} tie at {line} across "
                f"the quota line of {quota}; give a tie-break order "
                f"(AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=...)) ({row.citation})",
                units=tied,
                boundary=quota,
                citation=row.citation,
            )
        missing = [n for n in tied if n not in policy.order]
        if missing:
            raise UnresolvedTieError(
                f"{award_class.value}/{track.value}: the tie-break order lacks "
                f"{', '.join(missing)} (tied at {line}: {', '.join(tied)}) ({row.citation})",
                units=tied,
                boundary=quota,
                citation=row.citation,
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
                    ART_7,
                    f"{label}第{rank}名，在{quota}个名额内，获奖。",
                    f"Ranked {rank} in {award_class.value}/{track.value}, within the quota "
                    f"of {quota}: awarded.",
                ),
                Reason(
                    ART_19,
                    f"颁发{'、'.join(i.zh for i in prize.items)}，奖金不超过{prize.cash_cap}元。",
                    f"Receives {', '.join(i.value for i in prize.items)} and up to "
                    f"{prize.cash_cap} yuan.",
                ),
            ]
            reasons += [
                Reason(f.citation, f.zh + "。", f.en[0].upper() + f.en[1:] + ".")
                for f in priority_recommendations(track)
            ]
        elif not c.passed:
            outcome = PlacementOutcome.FAILED_STAGE
            reasons = [
                Reason(
                    ART_18,
                    "未通过全部评审环节，不得获奖。",
                    "Did not pass every stage of the review: cannot be awarded.",
                )
            ]
        elif floor is not None and c.score < floor:
            outcome = PlacementOutcome.BELOW_MINIMUM
            reasons = [
                Reason(
                    ART_4,
                    f"得分{c.score}低于最低分{floor}，不予授奖（好中选优）。",
                    f"Score {c.score} is below the minimum of {floor}: not awarded.",
                )
            ]
        else:
            outcome = PlacementOutcome.OUTSIDE_QUOTA
            reasons = [
                Reason(
                    ART_7,
                    f"{label}第{rank}名，超出{quota}个名额。",
                    f"Ranked {rank}, outside the quota of {quota}.",
                )
            ]
        if c.name in tie_broken:
            reasons.append(
                Reason(
                    ART_7,
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
                prize=prize if awarded else None,
                follow_ups=priority_recommendations(track) if awarded else (),
                reasons=tuple(reasons),
            )
        )
    vacancies = quota - len(winners)
    group_reasons = [
        Reason(
            row.citation,
            f"{label}每届不超过{quota}个，可空缺；获奖{len(winners)}个，空缺{vacancies}个。",
            f"{award_class.value}/{track.value}: at most {quota} per edition, may be vacant; "
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


def allocate(
    candidates: Sequence[Candidate],
    *,
    on: datetime.date,
    policy: AllocationPolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> Allocation:
    """The winners of an edition under its quotas (Measures Art. 4, 7, 18, 19, 21).

    At most each quota, best first (好中选优), only to candidates who passed every
    stage; every class × track of the scheme is reported with its vacancies,
    even without candidates.

    Parameters
    ----------
    candidates
        The candidates (:class:`Candidate`), each in one class × track of the scheme.
    on
        The day of the decision (e.g. the committee's 审定); it must lie in the
        Measures' span (Art. 28).
    policy
        Ties at the quota line and an optional floor; ``None`` (the default) means
        ``AllocationPolicy()`` (a tie is refused, no floor).
    scheme
        The award's edition (quotas, prizes); ``None`` (the default) means
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
        A candidate is not a :class:`Candidate`, or names a class or track the
        scheme lacks; ``on``, ``policy`` or ``scheme`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> from baoshan_quality.award.scheme import AwardClass, Track
    >>> tied = [Candidate(name=n, award_class=AwardClass.MAYOR, track=Track.ACHIEVEMENT,
    ...                   score=90, passed=True) for n in ("甲", "乙")]
    >>> allocate(tied, on=dt.date(2025, 9, 19))
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.UnresolvedTieError: mayor/achievement: 乙, 甲 tie at 90 across the quota line of 1; give a tie-break order (AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=...)) (Measures Art. 7)
    >>> broken = allocate(tied, on=dt.date(2025, 9, 19), policy=AllocationPolicy(
    ...     ties=QuotaTiePolicy.CALLER_ORDER, order=["甲", "乙"]))
    >>> [p.name for p in broken.awarded]
    ['甲']
    """
    scheme = resolve_scheme(scheme, ART_7)
    chosen = AllocationPolicy() if policy is None else policy
    if not isinstance(chosen, AllocationPolicy):
        raise InvalidInputError.about("policy", policy, "expected an AllocationPolicy", ART_7)
    validity = check_date(on, "on", scheme=scheme, allow_outside_validity=allow_outside_validity)
    items = _check_candidates(candidates, scheme)
    groups: list[QuotaGroup] = []
    placements: list[Placement] = []
    for award_class in scheme.classes:
        for track in scheme.tracks:
            mine = [c for c in items if c.award_class is award_class and c.track is track]
            group, placed = _group(award_class, track, mine, scheme, chosen)
            groups.append(group)
            placements += placed
    reasons = [
        Reason(
            ART_4,
            "坚持“好中选优”原则，按得分由高到低择优。",
            "The best among the good: by score, high to low.",
        ),
        Reason(
            ART_7,
            "每届各奖项不超过规定名额，所有奖项均可空缺。",
            "Each award has a maximum per edition; every award may stay vacant.",
        ),
        *validity.reasons,
    ]
    return Allocation(
        scheme=scheme.key,
        on=validity.on,
        policy=chosen,
        groups=tuple(groups),
        placements=tuple(placements),
        applied_outside_validity=validity.applied_outside_validity,
        reasons=tuple(reasons),
    )
