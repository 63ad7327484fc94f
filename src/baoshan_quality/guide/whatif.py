"""What-if analysis on a Guide §8 :class:`~baoshan_quality.guide.ranking.Ranking`.

* :func:`least_to_reach` — the least additional points, in steps of a stated
  ``resolution`` (default 0.01), that would put a unit in tier A (§8.2) or make
  it 优秀 (§8.3), the other units' totals unchanged, under the ranking's own
  policy (R1 ties, R2 vacancy).  A unit with a major quality incident *cannot*
  be 优秀 (Appendix C note 3); no unit can pass the highest total the rubric
  allows (100 + the bonus cap 5, less 5 after an incident).
* :func:`what_it_takes` — both answers for every unit.
* :func:`rerank` — the ranking after one unit's total changes, and who moved.

Every answer is checked by deciding the ranking again with
:func:`~baoshan_quality.guide.tiering.rank_totals` (the decisions of §8 without
their reasons): the ranking depends on a unit's total only through its order
against the other totals, so the candidates are 0 and, for each other total, the
first step that reaches it and the first that passes it; the least candidate that
reaches the goal is the answer.  Under strict ties (R1) a tie the tie-break order
does not settle does not count as reaching the goal.

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

import attrs

from baoshan_quality._decimals import exact, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality.citations import Citation, Reason, guide
from baoshan_quality.errors import InvalidInputError, UnknownUnitError, UnresolvedTieError
from baoshan_quality.guide.ranking import RankedUnit, Ranking, rank_units
from baoshan_quality.guide.rubric import BONUS_CAP, DEDUCTION_POINTS, RUBRIC
from baoshan_quality.guide.scoring import ScoringPolicy
from baoshan_quality.guide.tiering import Tier, UnitScore, rank_totals

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
        """The answer for one unit and goal.

        Raises
        ------
        UnknownUnitError
            ``unit`` is not in the table.
        """
        for a in self.answers:
            if a.unit == unit and a.goal is goal:
                return a
        raise UnknownUnitError.about("unit", unit, "no such unit in the table")

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
    res = to_decimal(value, field="resolution", minimum=0)
    if res == 0:
        raise InvalidInputError.about("resolution", value, "expected a step above 0")
    return res


def _ceiling(entry: RankedUnit) -> Decimal:
    top = RUBRIC.total + BONUS_CAP
    return top - DEDUCTION_POINTS if entry.major_incident else top


def _reached(entry: RankedUnit, goal: WhatIfGoal) -> bool:
    return entry.tier is Tier.A if goal is WhatIfGoal.TIER_A else entry.excellent


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
    """The least additional points that put ``unit`` in tier A or make it 优秀 (Guide §8).

    The other totals stay as they are; the ranking's own policy (R1 ties, R2
    vacancy) applies.  A unit with a major incident cannot be 优秀 (Appendix C
    note 3); no unit passes the highest total the rubric allows.

    Parameters
    ----------
    ranking
        A ranking made by :func:`~baoshan_quality.guide.ranking.rank_units`.
    unit
        The unit asking.
    goal
        :attr:`WhatIfGoal.TIER_A` (§8.2) or :attr:`WhatIfGoal.EXCELLENT` (§8.3).
    resolution
        The step of the answer (default 0.01 point): the answer is the least
        multiple of it that reaches the goal.
    scoring
        The readings R4 and R5 the totals were computed under, which bound the
        totals when deciding again; ``None`` means ``ScoringPolicy()``.

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
        Not a ranking, not a goal, a resolution that is not a number above 0, or a
        wrong scoring policy.

    Examples
    --------
    >>> from baoshan_quality import UnitScore, rank_units
    >>> r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", 80, major_incident=True)])
    >>> least_to_reach(r, "乙镇", WhatIfGoal.EXCELLENT).status.value
    'cannot'
    >>> print(least_to_reach(r, "乙镇", WhatIfGoal.EXCELLENT).reasons[0].en)
    A major quality safety incident in the year bars 优秀 whatever the points.
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
        return _least(ranking, entry, goal, res, policy)


def _least(
    ranking: Ranking, entry: RankedUnit, goal: WhatIfGoal, res: Decimal, scoring: ScoringPolicy
) -> WhatIfAnswer:
    unit, t = entry.unit, entry.total
    zh_goal, en_goal = _goal_text(goal)
    cite = _A if goal is WhatIfGoal.TIER_A else _X
    ceiling = _ceiling(entry)

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
    totals = {e.unit: e.total for e in ranking.entries}
    incidents = frozenset(e.unit for e in ranking.entries if e.major_incident)

    def reaches(total: Decimal) -> bool:
        try:
            decided = rank_totals(
                {**totals, unit: total}, incidents, policy=ranking.policy, scoring=scoring
            )
        except UnresolvedTieError:
            return False
        if goal is WhatIfGoal.TIER_A:
            return decided.tier(unit) is Tier.A
        return decided.is_excellent(unit)

    limit = math.floor((ceiling - t) / res) if ceiling > t else 0
    candidates = {0}
    for other in ranking.entries:
        if other.unit == unit or other.total < t:
            continue
        k = math.ceil((other.total - t) / res)
        candidates.update({k, k + 1})
    for steps in sorted(c for c in candidates if c <= limit):
        if reaches(t + res * steps):
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

    Parameters
    ----------
    ranking
        A ranking made by :func:`~baoshan_quality.guide.ranking.rank_units`.
    resolution
        The step of every answer (default 0.01 point).
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
        Not a ranking, a resolution that is not a number above 0, or a wrong
        scoring policy.

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
    with exact():
        answers = tuple(
            _least(ranking, e, goal, res, policy) for e in ranking.entries for goal in WhatIfGoal
        )
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
        The unit whose total changes.
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
