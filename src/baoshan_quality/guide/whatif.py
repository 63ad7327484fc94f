"""What-if analysis on a Guide §8 :class:`~baoshan_quality.guide.ranking.Ranking`.

* :func:`least_to_reach` — the least additional points, in steps of a stated
  ``resolution`` (default 0.01, at least :data:`WHAT_IF_MIN_RESOLUTION`), that would
  put a unit in tier A (§8.2) or make it 优秀 (§8.3), the other units' totals
  unchanged, under the ranking's own policy (R1 ties, R2 vacancy).  A unit with a
  major quality incident *cannot* be 优秀 (Appendix C note 3); no unit can pass the
  highest total the rubric allows (100 + the bonus cap 5, less 5 after an incident).
* :func:`what_it_takes` — both answers for every unit.
* :func:`rerank` — the ranking after one unit's total changes, and who moved.

Every answer is decided by the one decision core of §8
(:func:`~baoshan_quality.guide.tiering.decide`, which
:func:`~baoshan_quality.guide.tiering.rank_totals` runs).  The ranking depends on a
unit's total only through its order against the other totals, and a unit below the
sixth of the others is in tier B whatever happens further down; so the candidates
are 0 and, for each of the (at most six) distinct totals among the first six of the
others, the first step that reaches it and the first that passes it — at most 13 —
and the least candidate that reaches the goal is the answer.  Each candidate is
decided on the groups of equal totals that can reach the first seven places, each
cut to its first nine units (in tie-break order) and two outside the tie-break order
— the same decisions for the unit asking, in bounded work.  Under strict ties (R1) a
tie the tie-break order does not settle does not count as reaching the goal.

**Bounded work.** One sort of the ranking (O(n log n)), then at most 13 decisions of
at most about 80 units per unit asking: :func:`least_to_reach` is O(n log n) and so is
:func:`what_it_takes` for all n units (units outside those groups share their
decisions).  ``resolution`` lies between :data:`WHAT_IF_MIN_RESOLUTION` (0.000001)
and :data:`WHAT_IF_MAX_RESOLUTION` (105) and is a multiple of the minimum, so the
step counts stay below 2 × 10⁸ whatever the totals.

>>> from baoshan_quality import UnitScore, rank_units
>>> r = rank_units([UnitScore(n, t) for n, t in [("A镇", 95), ("B镇", 93), ("C镇", 91),
...     ("D镇", 90), ("E镇", 89), ("F镇", 88), ("G镇", "87.5"), ("H街道", 80)]])
>>> a = least_to_reach(r, "G镇", WhatIfGoal.TIER_A)
>>> a.status.value, a.additional, a.new_total
('reachable', Decimal('0.50'), Decimal('88.00'))
>>> least_to_reach(r, "G镇", WhatIfGoal.EXCELLENT).additional
Decimal('3.50')
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Sequence
from decimal import Decimal

import attrs

from baoshan_quality._decimals import exact, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import to_name
from baoshan_quality.citations import Citation, Reason, guide
from baoshan_quality.errors import InvalidInputError, UnknownUnitError, UnresolvedTieError
from baoshan_quality.guide.ranking import RankedUnit, Ranking, rank_units
from baoshan_quality.guide.rubric import BONUS_CAP, DEDUCTION_POINTS, RUBRIC
from baoshan_quality.guide.scoring import ScoringPolicy
from baoshan_quality.guide.tiering import (
    TiePolicy,
    Tier,
    TieringPolicy,
    UnitScore,
    decide,
    out_of_range,
    total_range,
)

__all__ = [
    "WHAT_IF_MAX_RESOLUTION",
    "WHAT_IF_MIN_RESOLUTION",
    "WHAT_IF_RESOLUTION",
    "RankMove",
    "ReachStatus",
    "Rerank",
    "WhatIfAnswer",
    "WhatIfGoal",
    "WhatIfTable",
    "least_to_reach",
    "rerank",
    "what_it_takes",
]

#: The default step of an answer: 0.01 point (the caller may state another).
WHAT_IF_RESOLUTION = Decimal("0.01")
#: The finest step a caller may state: 0.000001 point (the library's bound on the work:
#: at most (105 + 5n) / 0.000001 steps, never a number of unbounded size).  A step must
#: be a multiple of it.
WHAT_IF_MIN_RESOLUTION = Decimal("0.000001")
#: The coarsest step: 105 points, the highest total Appendix B allows (100 + 5).
WHAT_IF_MAX_RESOLUTION = Decimal(105)

_A = guide("§8.2")
_X = guide("§8.3")
_BAR = guide("Appendix C, note 3")


class WhatIfGoal(enum.Enum):
    """What a unit aims for (Guide §8.2, §8.3)."""

    #: §8.2 — ranked within the first 6: tier A.
    TIER_A = "tier-a"
    #: §8.3 — among the first 3 of tier A: 优秀 (excellent).
    EXCELLENT = "excellent"


class ReachStatus(enum.Enum):
    """The kind of a what-if answer."""

    #: The unit is there already (0 additional points).
    ALREADY = "already"
    #: Reachable with :attr:`WhatIfAnswer.additional` more points.
    REACHABLE = "reachable"
    #: Not reachable: barred by an incident, or beyond the highest possible total.
    CANNOT = "cannot"


_GOAL_TEXT = {
    WhatIfGoal.TIER_A: Text("A 档", "tier A"),
    WhatIfGoal.EXCELLENT: Text("优秀", "优秀 (excellent)"),
}
_ANSWER_COLUMNS = (
    Column("unit", "单位", "unit"),
    Column("goal", "目标代码", "goal code", shown=False),
    Column("goal_name", "目标", "goal"),
    Column("status", "结论代码", "status code", shown=False),
    Column("answer", "还需", "it takes"),
    Column("current_total", "现总分", "total now"),
    Column("additional", "至少加分", "least additional", shown=False),
    Column("new_total", "新总分", "new total"),
)


@attrs.frozen
class WhatIfAnswer(Tabular):
    """The least additional points a unit needs for a goal (:func:`least_to_reach`).

    Attributes
    ----------
    additional
        The least additional points, a multiple of ``resolution``; ``None`` when the
        goal cannot be reached.
    new_total
        ``current_total + additional`` (``None`` when it cannot).
    ceiling
        The highest total the unit could have: 100 + the bonus cap, less the
        deduction after an incident.
    reasons
        Why, citing §8.2, §8.3, Appendix C note 3 or table B.1.
    """

    unit: str
    goal: WhatIfGoal
    status: ReachStatus
    current_total: Decimal
    additional: Decimal | None
    new_total: Decimal | None
    resolution: Decimal
    ceiling: Decimal
    reasons: tuple[Reason, ...]

    def _row(self) -> tuple[object, ...]:
        if self.status is ReachStatus.ALREADY:
            answer = Text("已达到", "already")
        elif self.status is ReachStatus.CANNOT:
            answer = Text("不能达到", "cannot")
        else:
            answer = Text(f"+{self.additional}", f"+{self.additional}")
        return (
            self.unit,
            self.goal.value,
            _GOAL_TEXT[self.goal],
            self.status.value,
            answer,
            self.current_total,
            self.additional,
            self.new_total,
        )

    def _table(self) -> Table:
        return Table(
            columns=_ANSWER_COLUMNS,
            rows=[self._row()],
            notes=tuple(_note(r) for r in self.reasons),
        )


def _note(r: Reason) -> Text:
    return Text(f"[{r.citation}] {r.zh}", f"[{r.citation}] {r.en}")


def _keyed(table: WhatIfTable) -> dict[tuple[str, WhatIfGoal], WhatIfAnswer]:
    return {(a.unit, a.goal): a for a in table.answers}


@attrs.frozen
class WhatIfTable(Tabular):
    """:func:`what_it_takes`: for every unit of a ranking, the answer for tier A and for 优秀.

    Attributes
    ----------
    answers
        One :class:`WhatIfAnswer` per unit and goal, units in rank order.
    resolution
        The step of every answer.
    """

    answers: tuple[WhatIfAnswer, ...]
    resolution: Decimal
    # The answers by unit and goal, derived from ``answers`` (not part of equality or JSON).
    _by_key: dict[tuple[str, WhatIfGoal], WhatIfAnswer] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_keyed, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        # A table read from JSON must hang together like one what_it_takes() made:
        # one answer per unit and goal.
        keys = len(self._by_key)
        units = {a.unit for a in self.answers}
        if keys != len(self.answers) or keys != len(units) * len(WhatIfGoal):
            raise InvalidInputError.about(
                "WhatIfTable.answers",
                len(self.answers),
                "expected exactly one answer per unit and goal (tier A, 优秀)",
            )

    def answer(self, unit: str, goal: WhatIfGoal) -> WhatIfAnswer:
        """The answer for one unit and goal (looked up by its NFC name in constant time).

        Raises
        ------
        UnknownUnitError
            ``unit`` is not in the table.
        """
        found = self._by_key.get((to_name(unit), goal)) if isinstance(unit, str) else None
        if found is None:
            raise UnknownUnitError.about("unit", unit, "no such unit in the table")
        return found

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"还需多少分（§8；步长 {self.resolution}）",
                f"What it takes (Guide §8; resolution {self.resolution})",
            ),
            columns=_ANSWER_COLUMNS,
            rows=[a._row() for a in self.answers],
        )


@attrs.frozen
class RankMove:
    """One unit's place before and after a change (:func:`rerank`)."""

    unit: str
    total_before: Decimal
    total_after: Decimal
    rank_before: int
    rank_after: int
    tier_before: Tier
    tier_after: Tier
    excellent_before: bool
    excellent_after: bool

    @property
    def changed(self) -> bool:
        """Whether the rank, tier or 优秀 changed."""
        return (self.rank_before, self.tier_before, self.excellent_before) != (
            self.rank_after,
            self.tier_after,
            self.excellent_after,
        )


@attrs.frozen
class Rerank(Tabular):
    """The result of :func:`rerank`: the ranking before and after, and every unit's move.

    Attributes
    ----------
    moves
        One :class:`RankMove` per unit, in the new rank order.
    reasons
        What changed (§8.2).
    """

    unit: str
    new_total: Decimal
    before: Ranking
    after: Ranking
    moves: tuple[RankMove, ...]
    reasons: tuple[Reason, ...]

    @property
    def changed(self) -> tuple[RankMove, ...]:
        """The units whose rank, tier or 优秀 changed."""
        return tuple(m for m in self.moves if m.changed)

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.unit} 总分改为 {self.new_total}：重新排名（§8）",
                f"{self.unit} at {self.new_total}: the ranking again (Guide §8)",
            ),
            columns=(
                Column("unit", "单位", "unit"),
                Column("total", "总分", "total"),
                Column("place_before", "原名次", "before"),
                Column("place_after", "新名次", "after"),
                Column("total_before", "原总分", "total before", shown=False),
                Column("total_after", "新总分", "total after", shown=False),
                Column("rank_before", "原排名", "rank before", shown=False),
                Column("rank_after", "新排名", "rank after", shown=False),
                Column("tier_before", "原档次", "tier before", shown=False),
                Column("tier_after", "新档次", "tier after", shown=False),
                Column("excellent_before", "原优秀", "优秀 before", shown=False),
                Column("excellent_after", "新优秀", "优秀 after", shown=False),
            ),
            rows=[
                (
                    m.unit,
                    m.total_after
                    if m.total_before == m.total_after
                    else f"{m.total_before}→{m.total_after}",
                    _place(m.rank_before, m.tier_before, m.excellent_before),
                    _place(m.rank_after, m.tier_after, m.excellent_after),
                    m.total_before,
                    m.total_after,
                    m.rank_before,
                    m.rank_after,
                    m.tier_before.value,
                    m.tier_after.value,
                    m.excellent_before,
                    m.excellent_after,
                )
                for m in self.moves
            ],
            notes=tuple(_note(r) for r in self.reasons),
        )


def _place(rank: int, tier: Tier, excellent: bool) -> str:
    return f"{rank} {tier.value}{' 优秀' if excellent else ''}"


# -------------------------------------------------------------------- helpers


def _check_ranking(ranking: object) -> Ranking:
    if not isinstance(ranking, Ranking):
        raise InvalidInputError.about("ranking", ranking, "expected a Ranking", _A)
    return ranking


def _scoring(scoring: object) -> ScoringPolicy:
    if scoring is None:
        return ScoringPolicy()
    if not isinstance(scoring, ScoringPolicy):
        raise InvalidInputError.about("scoring", scoring, "expected a ScoringPolicy")
    return scoring


def _resolution(value: object) -> Decimal:
    """The step of the answers, checked against the library's bounds.

    A number is checked against the step's own bounds before the library's precision
    limits, since they say more ("below the minimum step" for ``1E-999999``)."""
    known = (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, Decimal) and value.is_finite()
    )
    res = value if known else to_decimal(value, field="resolution")
    assert isinstance(res, (int, Decimal))
    with exact():
        if res < WHAT_IF_MIN_RESOLUTION:
            raise InvalidInputError.about(
                "resolution",
                value,
                f"below the minimum step of {WHAT_IF_MIN_RESOLUTION} (the library's bound "
                "on the work of a what-if answer, WHAT_IF_MIN_RESOLUTION)",
            )
        if res > WHAT_IF_MAX_RESOLUTION:
            raise InvalidInputError.about(
                "resolution",
                value,
                f"above the maximum step of {WHAT_IF_MAX_RESOLUTION} (the highest total "
                "Appendix B allows, WHAT_IF_MAX_RESOLUTION)",
            )
        if Decimal(res).quantize(WHAT_IF_MIN_RESOLUTION) != res:
            raise InvalidInputError.about(
                "resolution",
                value,
                f"expected a multiple of the minimum step {WHAT_IF_MIN_RESOLUTION}",
            )
    return to_decimal(res, field="resolution")


def _ceiling(major_incident: bool) -> Decimal:
    top = RUBRIC.total + BONUS_CAP
    return top - DEDUCTION_POINTS if major_incident else top


def _reached(entry: RankedUnit, goal: WhatIfGoal) -> bool:
    return entry.tier is Tier.A if goal is WhatIfGoal.TIER_A else entry.excellent


def _goal_text(goal: WhatIfGoal) -> tuple[str, str]:
    return (" A 档", "tier A") if goal is WhatIfGoal.TIER_A else ("“优秀”", "优秀 (excellent)")


def _steps_up(distance: Decimal, res: Decimal) -> int:
    """The least whole number of steps ``res`` that covers ``distance`` ≥ 0 (exact)."""
    whole, rest = divmod(distance, res)
    return int(whole) + (1 if rest else 0)


def _steps_down(distance: Decimal, res: Decimal) -> int:
    """The most whole steps ``res`` within ``distance`` ≥ 0 (exact)."""
    return int(distance // res)


#: A group of equal totals keeps this many units in tie-break order (then by name) …
_KEEP = 9
#: … and this many units outside the tie-break order: enough that removing the unit
#: asking leaves a group that decides exactly as the whole group would (see _Field).
_KEEP_OUTSIDE = 2
#: Groups that start within the first seven places can take part in the decisions
#: about the first six once one unit is taken out of the field.
_REACH = 7

_Member = tuple[str, bool]  # (unit, major incident)


class _Field:
    """A ranking's units prepared for many what-if questions (one sort, O(n log n)).

    Only the groups of equal totals starting within the first :data:`_REACH` places
    can decide anything about the first six places once one unit moves (§8.2, §8.3).
    Each is cut to its first :data:`_KEEP` units in tie-break order and its first
    :data:`_KEEP_OUTSIDE` units outside that order.  A cut group decides as the
    whole group does for any unit placed beside it: a group of ten or more starting
    within the first six places spans the 6th place (and the 3rd if it starts within
    the first three) either way, is settled by the tie-break order either way, and
    its first nine hold every place up to the ninth; a group that starts lower holds
    no place in the first six.
    """

    def __init__(self, ranking: Ranking, scoring: ScoringPolicy) -> None:
        policy = ranking.policy
        self.policy = policy
        self.strict = policy.ties is TiePolicy.STRICT
        self.order = {name: i for i, name in enumerate(policy.tie_break)}
        entries = sorted(ranking.entries, key=_by_name)
        entries.sort(key=_by_total, reverse=True)  # high totals first, equal ones by name
        ranges: dict[bool, tuple[Decimal | None, Decimal]] = {}
        for e in entries:  # the totals must lie in the range the readings allow
            bounds = ranges.get(e.major_incident)
            if bounds is None:
                bounds = ranges[e.major_incident] = total_range(e.major_incident, None, scoring)
            low, high = bounds
            if (low is not None and e.total < low) or e.total > high:
                raise out_of_range(
                    f"ranking[{e.unit!r}].total", e.total, bounds, e.major_incident, scoring
                )
        # The groups of equal totals that start within the first _REACH places.
        self.groups: list[tuple[Decimal, list[_Member], list[_Member]]] = []
        place = 0
        index = 0
        while index < len(entries) and place < _REACH:
            total = entries[index].total
            end = index
            while end < len(entries) and entries[end].total == total:
                end += 1
            members = [(e.unit, e.major_incident) for e in entries[index:end]]
            ordered = sorted((m for m in members if m[0] in self.order), key=self._rank)
            outside = [m for m in members if m[0] not in self.order]  # by name
            # Enough of each to refill a group after the unit asking leaves it.
            self.groups.append((total, ordered[: _KEEP + 1], outside[: _KEEP + 1]))
            place += end - index
            index = end
        self.kept = {m[0] for _, ordered, outside in self.groups for m in (*ordered, *outside)}
        self.shared = self._others(None)
        self.cache: dict[tuple[object, ...], tuple[bool, bool]] = {}

    def _rank(self, member: _Member) -> int:
        return self.order[member[0]]

    def _others(self, unit: str | None) -> list[tuple[Decimal, list[_Member]]]:
        """The cut groups of every unit but ``unit``, best first."""
        out = []
        for total, ordered, outside in self.groups:
            inside = [m for m in ordered if m[0] != unit]
            rest = [m for m in outside if m[0] != unit][:_KEEP_OUTSIDE]
            members = inside[:_KEEP] + rest
            if len(inside) + len(rest) < _KEEP:
                members = inside + [m for m in outside if m[0] != unit][: _KEEP - len(inside)]
            if members:
                out.append((total, members))
        return out

    def answers(
        self, entry: RankedUnit, goals: Sequence[WhatIfGoal], res: Decimal
    ) -> dict[WhatIfGoal, int | None]:
        """For each goal not reached yet, the least number of steps that reaches it
        (``None``: not within the highest possible total)."""
        unit, t, major = entry.unit, entry.total, entry.major_incident
        others = self.shared if unit not in self.kept else self._others(unit)
        totals = [total for total, _ in others]
        # The sixth of the others: below it a unit is in tier B whatever else happens.
        count, sixth = 0, None
        for total, members in others:
            count += len(members)
            if count >= 6:
                sixth = total
                break
        ceiling = _ceiling(major)
        limit = _steps_down(ceiling - t, res) if ceiling > t else 0
        candidates = {0}
        for total in totals:
            if total >= t and (sixth is None or total >= sixth):
                k = _steps_up(total - t, res)
                candidates.update((k, k + 1))
        wanted = list(goals)
        found: dict[WhatIfGoal, int | None] = dict.fromkeys(wanted)
        for steps in sorted(c for c in candidates if c <= limit):
            in_a, excellent = self._decide(unit, major, t + res * steps, others, totals)
            for goal in list(wanted):
                if in_a if goal is WhatIfGoal.TIER_A else excellent:
                    found[goal] = steps
                    wanted.remove(goal)
            if not wanted:
                break
        return found

    def _decide(
        self,
        unit: str,
        major: bool,
        total: Decimal,
        others: list[tuple[Decimal, list[_Member]]],
        totals: list[Decimal],
    ) -> tuple[bool, bool]:
        """(tier A, 优秀) for ``unit`` at ``total``, the others unchanged (§8, R1, R2)."""
        # Where the total falls among the others' totals (high first), and whether the
        # tie-break order places the unit among the group it joins.
        below = sum(1 for other in totals if other > total)
        joins = below < len(totals) and totals[below] == total
        position = self.order.get(unit)
        tie_key: int | None = None
        if joins and position is not None:
            tie_key = bisect_left(
                [self.order[m[0]] for m in others[below][1] if m[0] in self.order], position
            )
        key = (below, joins, major, position is not None, tie_key)
        shared = others is self.shared
        if shared and key in self.cache:
            return self.cache[key]
        names: list[str] = []
        values: list[Decimal] = []
        incident: set[str] = {unit} if major else set()
        placed = False
        for group_total, members in others:
            if not placed and total >= group_total:
                if total > group_total:
                    names.append(unit)
                    values.append(total)
                    placed = True
                else:  # joins the group: equal totals by name
                    group = sorted([*(m[0] for m in members), unit])
                    names += group
                    values += [total] * len(group)
                    incident.update(m[0] for m in members if m[1])
                    placed = True
                    continue
            names += [m[0] for m in members]
            values += [group_total] * len(members)
            incident.update(m[0] for m in members if m[1])
        if not placed:
            names.append(unit)
            values.append(total)
        policy = self.policy
        if self.strict and self.order:
            present = [(self.order[n], n) for n in names if n in self.order]
            present.sort()
            policy = TieringPolicy(
                ties=policy.ties, vacancy=policy.vacancy, tie_break=[n for _, n in present]
            )
        try:
            decided = decide(names, values, incident, policy)
        except UnresolvedTieError:
            result = (False, False)
        else:
            result = (decided.tier(unit) is Tier.A, decided.is_excellent(unit))
        if shared:
            self.cache[key] = result
        return result


def _by_name(e: RankedUnit) -> str:
    return e.unit


def _by_total(e: RankedUnit) -> Decimal:
    return e.total


def least_to_reach(
    ranking: Ranking,
    unit: str,
    goal: WhatIfGoal,
    *,
    resolution: Decimal | int | str = WHAT_IF_RESOLUTION,
    scoring: ScoringPolicy | None = None,
) -> WhatIfAnswer:
    """The least additional points that put ``unit`` in tier A or make it 优秀 (Guide §8).

    The other totals stay as they are; the ranking's own policy (R1 ties, R2
    vacancy) applies.  A unit with a major incident cannot be 优秀 (Appendix C
    note 3); no unit passes the highest total the rubric allows.  Work: one sort of
    the ranking, then at most 13 decisions of at most about 80 units (O(n log n)).

    Parameters
    ----------
    ranking
        A ranking made by :func:`~baoshan_quality.guide.ranking.rank_units`.
    unit
        The unit asking (found by its NFC spelling).
    goal
        :attr:`WhatIfGoal.TIER_A` (§8.2) or :attr:`WhatIfGoal.EXCELLENT` (§8.3).
    resolution
        The step of the answer (default 0.01 point): the answer is the least
        multiple of it that reaches the goal.  From :data:`WHAT_IF_MIN_RESOLUTION`
        (0.000001) to :data:`WHAT_IF_MAX_RESOLUTION` (105), a multiple of the minimum.
    scoring
        The readings R4 and R5 the totals were computed under, which bound the
        totals; ``None`` means ``ScoringPolicy()``.

    Returns
    -------
    WhatIfAnswer
        ``already``, ``reachable`` with the least additional points, or ``cannot``,
        with the reason.

    Raises
    ------
    UnknownUnitError
        ``unit`` is not in the ranking.
    InvalidInputError
        Not a ranking, not a goal, a resolution that is not a number within the
        bounds above, or a wrong scoring policy.
    InvalidScoreError
        A total of the ranking outside the range ``scoring`` allows.

    Examples
    --------
    >>> from baoshan_quality import UnitScore, rank_units
    >>> r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", 80, major_incident=True)])
    >>> least_to_reach(r, "乙镇", WhatIfGoal.EXCELLENT).status.value
    'cannot'
    >>> print(least_to_reach(r, "乙镇", WhatIfGoal.EXCELLENT).reasons[0].en)
    A major quality safety incident in the year bars 优秀 whatever the points.
    >>> least_to_reach(r, "乙镇", WhatIfGoal.TIER_A, resolution="0.0000001")
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: resolution: below the minimum step of 0.000001 ...
    """
    ranking = _check_ranking(ranking)
    entry = ranking[unit]
    if not isinstance(goal, WhatIfGoal):
        raise InvalidInputError.about(
            "goal", goal, "expected WhatIfGoal.TIER_A or WhatIfGoal.EXCELLENT"
        )
    res = _resolution(resolution)
    policy = _scoring(scoring)
    with exact():
        field = _Field(ranking, policy)
        return _answers(field, entry, (goal,), res)[0]


def _answers(
    field: _Field, entry: RankedUnit, goals: Sequence[WhatIfGoal], res: Decimal
) -> list[WhatIfAnswer]:
    """The answers of ``entry`` for ``goals``, in that order."""
    open_goals = [
        g
        for g in goals
        if not _reached(entry, g) and not (g is WhatIfGoal.EXCELLENT and entry.major_incident)
    ]
    steps = field.answers(entry, open_goals, res) if open_goals else {}
    return [_answer(entry, g, res, steps.get(g)) for g in goals]


def _answer(entry: RankedUnit, goal: WhatIfGoal, res: Decimal, steps: int | None) -> WhatIfAnswer:
    unit, t = entry.unit, entry.total
    zh_goal, en_goal = _goal_text(goal)
    cite = _A if goal is WhatIfGoal.TIER_A else _X
    ceiling = _ceiling(entry.major_incident)

    def answer(
        status: ReachStatus, steps: int | None, zh: str, en: str, c: Citation = cite
    ) -> WhatIfAnswer:
        extra = None if steps is None else (res * steps)
        new = None if extra is None else t + extra
        return WhatIfAnswer(unit, goal, status, t, extra, new, res, ceiling, (Reason(c, zh, en),))

    if _reached(entry, goal):
        return answer(ReachStatus.ALREADY, 0, f"已在{zh_goal}。", f"Already {en_goal}.")
    if goal is WhatIfGoal.EXCELLENT and entry.major_incident:
        return answer(
            ReachStatus.CANNOT,
            None,
            "当年度发生重大质量安全事故，不得评“优秀”，加分也不能改变。",
            "A major quality safety incident in the year bars 优秀 whatever the points.",
            _BAR,
        )
    if steps is not None:
        extra = res * steps
        return answer(
            ReachStatus.REACHABLE,
            steps,
            f"其他单位总分不变时，至少再得 {extra} 分（总分 {t + extra}，"
            f"步长 {res}）可入{zh_goal}；少一个步长则不能（按现行排名规则重排验证）。",
            f"With the other totals unchanged, at least {extra} more points (total "
            f"{t + extra}, in steps of {res}) reach {en_goal}; one step less does not "
            "(checked by re-ranking under the ranking's policy).",
        )
    return answer(
        ReachStatus.CANNOT,
        None,
        f"总分最高可能为 {ceiling}，仍不能入{zh_goal}。",
        f"Even the highest possible total, {ceiling}, does not reach {en_goal}.",
        RUBRIC.citation,
    )


def what_it_takes(
    ranking: Ranking,
    *,
    resolution: Decimal | int | str = WHAT_IF_RESOLUTION,
    scoring: ScoringPolicy | None = None,
) -> WhatIfTable:
    """:func:`least_to_reach` for every unit of a ranking, for tier A and for 优秀 (Guide §8).

    Work: O(n log n) for n units — one sort, then at most 13 small decisions per
    unit, most of them shared by the units outside the first places.

    Parameters
    ----------
    ranking
        A ranking made by :func:`~baoshan_quality.guide.ranking.rank_units`.
    resolution
        The step of every answer (default 0.01 point; from 0.000001 to 105, a
        multiple of 0.000001).
    scoring
        The readings R4 and R5 the totals were computed under; ``None`` means
        ``ScoringPolicy()``.

    Returns
    -------
    WhatIfTable
        Two answers per unit (tier A, 优秀), units in rank order.

    Raises
    ------
    InvalidInputError
        Not a ranking, a resolution that is not a number within the bounds, or a
        wrong scoring policy.
    InvalidScoreError
        A total of the ranking outside the range ``scoring`` allows.

    Examples
    --------
    >>> from baoshan_quality import UnitScore, rank_units
    >>> r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", 80, major_incident=True)])
    >>> print(what_it_takes(r).to_text("en"))
    What it takes (Guide §8; resolution 0.01)
    unit  goal              it takes  total now  new total
    ----  ----------------  --------  ---------  ---------
    甲镇  tier A            already   90         90.00
    甲镇  优秀 (excellent)  already   90         90.00
    乙镇  tier A            already   80         80.00
    乙镇  优秀 (excellent)  cannot    80         —
    """
    ranking = _check_ranking(ranking)
    res = _resolution(resolution)
    policy = _scoring(scoring)
    goals = tuple(WhatIfGoal)
    with exact():
        field = _Field(ranking, policy)
        answers = tuple(a for e in ranking.entries for a in _answers(field, e, goals, res))
    return WhatIfTable(answers, res)


def rerank(
    ranking: Ranking,
    unit: str,
    new_total: Decimal | int | str,
    *,
    scoring: ScoringPolicy | None = None,
) -> Rerank:
    """The ranking after one unit's total changes, and every unit's move (Guide §8).

    Parameters
    ----------
    ranking
        A ranking made by :func:`~baoshan_quality.guide.ranking.rank_units`.
    unit
        The unit whose total changes (found by its NFC spelling).
    new_total
        Its new total; the other totals and the ranking's policy stay.
    scoring
        The readings R4 and R5 the totals were computed under, which bound the
        new total; ``None`` means ``ScoringPolicy()``.

    Returns
    -------
    Rerank
        The ranking before and after (with reasons), and each unit's move.

    Raises
    ------
    UnknownUnitError
        ``unit`` is not in the ranking.
    InvalidInputError
        Not a ranking, a new total that is not a number or outside the range
        Appendix B allows, or a wrong scoring policy.
    UnresolvedTieError
        Strict ties (R1) and the new total makes a tie the tie-break order does
        not settle.

    Examples
    --------
    >>> from baoshan_quality import UnitScore, rank_units
    >>> r = rank_units([UnitScore(f"{i}号镇", 100 - i) for i in range(1, 9)])
    >>> moved = rerank(r, "8号镇", "97.5").changed
    >>> [(m.unit, m.rank_before, m.rank_after, m.tier_after.value) for m in moved][:3]
    [('8号镇', 8, 3, 'A'), ('3号镇', 3, 4, 'A'), ('4号镇', 4, 5, 'A')]
    >>> [(m.unit, m.tier_before.value, m.tier_after.value) for m in moved if m.tier_before != m.tier_after]
    [('8号镇', 'B', 'A'), ('6号镇', 'A', 'B')]
    """
    ranking = _check_ranking(ranking)
    entry = ranking[unit]
    unit = entry.unit  # the ranking's spelling (NFC), whichever the caller wrote
    total = to_decimal(new_total, field="new_total")
    policy = _scoring(scoring)
    units = [
        UnitScore(e.unit, total if e.unit == unit else e.total, e.major_incident)
        for e in ranking.entries
    ]
    after = rank_units(units, policy=ranking.policy, scoring=policy)
    moves = tuple(_move(ranking[e.unit], e) for e in after.entries)
    reason = Reason(
        _A,
        f"{unit} 总分由 {entry.total} 改为 {total}，其他单位不变，按原排名规则重新排名。",
        f"{unit}'s total changed from {entry.total} to {total}, the others unchanged, "
        "and the units re-ranked under the same policy.",
    )
    return Rerank(unit, total, ranking, after, moves, (reason,))


def _move(b: RankedUnit, e: RankedUnit) -> RankMove:
    return RankMove(
        e.unit, b.total, e.total, b.rank, e.rank, b.tier, e.tier, b.excellent, e.excellent
    )
