"""What-if analysis on a Guide §8 :class:`~baoshan_quality.guide.tiering.Ranking`.

* :func:`least_to_reach` — the least additional points, in steps of a stated
  ``resolution`` (default 0.01), that would put a unit in tier A (§8.2) or make
  it 优秀 (§8.3), the other units' totals unchanged, under the ranking's own
  policy (R1 ties, R2 vacancy).  A unit with a major quality incident *cannot*
  be 优秀 (Appendix C note 3); no unit can pass the highest total the rubric
  allows (100 + the bonus cap 5, less 5 after an incident).
* :func:`what_it_takes` — both answers for every unit.
* :func:`rerank` — the ranking after one unit's total changes, and who moved.

Every answer is found by re-ranking with :func:`~baoshan_quality.guide.tiering.rank_units`:
the ranking depends on a unit's total only through its order against the other
totals, so the candidates are 0 and, for each other total, the first step that
reaches it and the first that passes it; the least candidate that reaches the
goal is the answer.  Under strict ties (R1) a tie the tie-break order does not
settle does not count as reaching the goal.

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
import math
from decimal import Decimal
from typing import Any

import attrs

from baoshan_quality._decimals import exact, to_decimal
from baoshan_quality._display import html_table, text_table
from baoshan_quality.citations import Citation, Reason, guide
from baoshan_quality.errors import InvalidInputError, UnknownUnitError, UnresolvedTieError
from baoshan_quality.guide.rubric import BONUS_CAP, DEDUCTION_POINTS, RUBRIC
from baoshan_quality.guide.scoring import ScoringPolicy
from baoshan_quality.guide.tiering import (
    RankedUnit,
    Ranking,
    Tier,
    UnitScore,
    rank_units,
)

__all__ = [
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

_A = guide("§8.2")
_X = guide("§8.3")
_BAR = guide("Appendix C, note 3")


class WhatIfGoal(enum.Enum):
    """What a unit aims for."""

    #: §8.2 — ranked within the first 6: tier A.
    TIER_A = "tier-a"
    #: §8.3 — among the first 3 of tier A: 优秀 (excellent).
    EXCELLENT = "excellent"


class ReachStatus(enum.Enum):
    """The kind of answer."""

    #: The unit is there already (0 additional points).
    ALREADY = "already"
    #: Reachable with :attr:`WhatIfAnswer.additional` more points.
    REACHABLE = "reachable"
    #: Not reachable: barred by an incident, or beyond the highest possible total.
    CANNOT = "cannot"


@attrs.frozen
class WhatIfAnswer:
    """The least additional points a unit needs for a goal, with the reasons."""

    unit: str
    goal: WhatIfGoal
    status: ReachStatus
    current_total: Decimal
    #: The least additional points (a multiple of ``resolution``); None if it cannot.
    additional: Decimal | None
    new_total: Decimal | None
    resolution: Decimal
    #: The highest total the unit could have (100 + bonus cap, less the deduction).
    ceiling: Decimal
    reasons: tuple[Reason, ...]

    def __str__(self) -> str:
        more = "—" if self.additional is None else f"+{self.additional}"
        return f"{self.unit} → {self.goal.value}: {self.status.value} {more}"


@attrs.frozen
class WhatIfTable:
    """:func:`what_it_takes` for every unit: tier A and 优秀."""

    answers: tuple[WhatIfAnswer, ...]
    resolution: Decimal

    def __attrs_post_init__(self) -> None:
        # A table read from JSON must hang together like one what_it_takes() made:
        # one answer per unit and goal.
        keys = [(a.unit, a.goal) for a in self.answers]
        units = {a.unit for a in self.answers}
        if len(set(keys)) != len(keys) or len(keys) != len(units) * len(WhatIfGoal):
            raise InvalidInputError.about(
                "WhatIfTable.answers",
                len(keys),
                "expected exactly one answer per unit and goal (tier A, 优秀)",
            )

    def answer(self, unit: str, goal: WhatIfGoal) -> WhatIfAnswer:
        """The answer for one unit and goal."""
        for a in self.answers:
            if a.unit == unit and a.goal is goal:
                return a
        raise UnknownUnitError.about("unit", unit, "no such unit in the table")

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per unit and goal."""
        return [
            {
                "unit": a.unit,
                "goal": a.goal.value,
                "status": a.status.value,
                "current_total": a.current_total,
                "additional": a.additional,
                "new_total": a.new_total,
            }
            for a in self.answers
        ]

    def _rows(self) -> list[list[object]]:
        units = list(dict.fromkeys(a.unit for a in self.answers))
        rows: list[list[object]] = []
        for unit in units:
            a, x = self.answer(unit, WhatIfGoal.TIER_A), self.answer(unit, WhatIfGoal.EXCELLENT)
            rows.append([unit, a.current_total, _show(a), _show(x)])
        return rows

    def __str__(self) -> str:
        return text_table(["unit", "total", "→ A", "→ 优秀"], self._rows())

    def _repr_html_(self) -> str:
        return html_table(
            ["unit", "total", "→ A", "→ 优秀"],
            self._rows(),
            caption=f"What it takes (Guide §8; resolution {self.resolution})",
        )


def _show(a: WhatIfAnswer) -> str:
    if a.status is ReachStatus.ALREADY:
        return "已达 already"
    if a.status is ReachStatus.CANNOT:
        return "不能 cannot"
    return f"+{a.additional}"


@attrs.frozen
class RankMove:
    """One unit's place before and after a change."""

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
class Rerank:
    """The result of :func:`rerank`: the new ranking and every unit's move."""

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

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per unit."""
        return [
            attrs.asdict(m) | {"tier_before": m.tier_before.value, "tier_after": m.tier_after.value}
            for m in self.moves
        ]

    def _rows(self) -> list[list[object]]:
        def place(rank: int, tier: Tier, x: bool) -> str:
            return f"{rank} {tier.value}{' 优秀' if x else ''}"

        return [
            [
                m.unit,
                f"{m.total_before}→{m.total_after}"
                if m.total_before != m.total_after
                else m.total_after,
                place(m.rank_before, m.tier_before, m.excellent_before),
                place(m.rank_after, m.tier_after, m.excellent_after),
            ]
            for m in self.moves
        ]

    def __str__(self) -> str:
        return text_table(["unit", "total", "before", "after"], self._rows())

    def _repr_html_(self) -> str:
        return html_table(
            ["unit", "total", "before", "after"],
            self._rows(),
            caption=f"{self.unit} at {self.new_total} (Guide §8)",
        )


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
    res = to_decimal(value, field="resolution", minimum=0)
    if res == 0:
        raise InvalidInputError.about("resolution", value, "expected a step above 0")
    return res


def _ceiling(entry: RankedUnit) -> Decimal:
    top = RUBRIC.total + BONUS_CAP
    return top - DEDUCTION_POINTS if entry.major_incident else top


def _units(ranking: Ranking, unit: str, total: Decimal) -> list[UnitScore]:
    return [
        UnitScore(e.unit, total if e.unit == unit else e.total, e.major_incident)
        for e in ranking.entries
    ]


def _reached(entry: RankedUnit, goal: WhatIfGoal) -> bool:
    return entry.tier is Tier.A if goal is WhatIfGoal.TIER_A else entry.excellent


def _reaches(
    ranking: Ranking, unit: str, total: Decimal, goal: WhatIfGoal, scoring: ScoringPolicy
) -> bool:
    try:
        again = rank_units(_units(ranking, unit, total), policy=ranking.policy, scoring=scoring)
    except UnresolvedTieError:
        return False
    return _reached(again[unit], goal)


def _goal_text(goal: WhatIfGoal) -> tuple[str, str]:
    return ("A 档", "tier A") if goal is WhatIfGoal.TIER_A else ("“优秀”", "优秀 (excellent)")


def least_to_reach(
    ranking: Ranking,
    unit: str,
    goal: WhatIfGoal,
    *,
    resolution: Decimal | int | str = WHAT_IF_RESOLUTION,
    scoring: ScoringPolicy | None = None,
) -> WhatIfAnswer:
    """The least additional points (a multiple of ``resolution``) that put ``unit`` in
    tier A or make it 优秀, the other totals unchanged, under the ranking's policy.

    ``scoring`` is the R4/R5 reading the totals were computed under (it bounds
    the totals :func:`rank_units` accepts when re-ranking).

    >>> from baoshan_quality import UnitScore, rank_units
    >>> r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", 80, major_incident=True)])
    >>> least_to_reach(r, "乙镇", WhatIfGoal.EXCELLENT).status.value
    'cannot'
    """
    ranking = _check_ranking(ranking)
    entry = ranking[unit]
    if not isinstance(goal, WhatIfGoal):
        raise InvalidInputError.about(
            "goal", goal, "expected WhatIfGoal.TIER_A or WhatIfGoal.EXCELLENT"
        )
    res = _resolution(resolution)
    policy = _scoring(scoring)
    zh_goal, en_goal = _goal_text(goal)
    cite = _A if goal is WhatIfGoal.TIER_A else _X
    ceiling = _ceiling(entry)
    with exact():
        t = entry.total

        def answer(
            status: ReachStatus, steps: int | None, zh: str, en: str, c: Citation = cite
        ) -> WhatIfAnswer:
            extra = None if steps is None else (res * steps)
            new = None if extra is None else t + extra
            return WhatIfAnswer(
                unit, goal, status, t, extra, new, res, ceiling, (Reason(c, zh, en),)
            )

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
        limit = math.floor((ceiling - t) / res) if ceiling > t else 0
        candidates = {0}
        for other in ranking.entries:
            if other.unit == unit or other.total < t:
                continue
            k = math.ceil((other.total - t) / res)
            candidates.update({k, k + 1})
        for steps in sorted(c for c in candidates if c <= limit):
            if _reaches(ranking, unit, t + res * steps, goal, policy):
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
    """:func:`least_to_reach` for every unit of the ranking, tier A and 优秀.

    >>> from baoshan_quality import UnitScore, rank_units
    >>> r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", 80, major_incident=True)])
    >>> print(what_it_takes(r))
    unit  total  → A           → 优秀
    ----  -----  ------------  ------------
    甲镇  90     已达 already  已达 already
    乙镇  80     已达 already  不能 cannot
    """
    ranking = _check_ranking(ranking)
    res = _resolution(resolution)
    answers = tuple(
        least_to_reach(ranking, e.unit, goal, resolution=res, scoring=scoring)
        for e in ranking.entries
        for goal in WhatIfGoal
    )
    return WhatIfTable(answers, res)


def rerank(
    ranking: Ranking,
    unit: str,
    new_total: Decimal | int | str,
    *,
    scoring: ScoringPolicy | None = None,
) -> Rerank:
    """The ranking after ``unit``'s total becomes ``new_total`` (same policy), and
    every unit's move.

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
    total = to_decimal(new_total, field="new_total")
    policy = _scoring(scoring)
    with exact():
        after = rank_units(_units(ranking, unit, total), policy=ranking.policy, scoring=policy)
    moves = []
    for e in after.entries:
        b = ranking[e.unit]
        moves.append(
            RankMove(
                e.unit, b.total, e.total, b.rank, e.rank, b.tier, e.tier, b.excellent, e.excellent
            )
        )
    reason = Reason(
        _A,
        f"{unit} 总分由 {entry.total} 改为 {total}，其他单位不变，按原排名规则重新排名。",
        f"{unit}'s total changed from {entry.total} to {total}, the others unchanged, "
        "and the units re-ranked under the same policy.",
    )
    return Rerank(unit, total, ranking, after, tuple(moves), (reason,))
