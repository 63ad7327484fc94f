"""Guide §8 explained: each unit's rank, tier and 优秀, with the reasons in words.

:func:`rank_units` takes score cards or :class:`~baoshan_quality.guide.tiering.UnitScore`
values, lets :mod:`baoshan_quality.guide.tiering` decide ranks, tiers, 优秀, barred units
and ties (§8.2, §8.3, Appendix C note 3 under readings R1 and R2), and returns a
:class:`Ranking` whose every entry says why, citing the clause, in Chinese and
English.  Callers that need the decisions only use
:func:`~baoshan_quality.guide.tiering.rank_totals`: the same answers, no reasons.

>>> from baoshan_quality import UnitScore, rank_units
>>> r = rank_units([UnitScore("罗店镇", 95), UnitScore("大场镇", "92.5"),
...                 UnitScore("杨行镇", 90, major_incident=True), UnitScore("月浦镇", 88)])
>>> [(e.unit, e.rank, e.tier.value, e.excellent) for e in r]
[('罗店镇', 1, 'A', True), ('大场镇', 2, 'A', True), ('杨行镇', 3, 'A', False), ('月浦镇', 4, 'A', False)]
>>> r["杨行镇"].reasons[-1].en
'A unit with a major quality safety incident in the year cannot be 优秀 (excellent); its place stays vacant (R2 default).'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from operator import attrgetter

import attrs

from baoshan_quality._decimals import exact
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import to_name
from baoshan_quality.citations import Reason, guide
from baoshan_quality.errors import DuplicateUnitError, InvalidInputError, UnknownUnitError
from baoshan_quality.guide.scoring import ScoreCard, ScoringPolicy
from baoshan_quality.guide.tiering import (
    EXCELLENT_SIZE,
    RANKING_CITATION,
    TIER_A_SIZE,
    Tie,
    Tier,
    Tiering,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    check_policies,
    decide,
    out_of_range,
    total_range,
)

__all__ = ["RankedUnit", "Ranking", "rank_units"]

#: A reason names at most this many of the units a unit is tied with (the rest are
#: counted), so that one huge tie does not make the reasons quadratic in size.
_NAMED_IN_TIE = 5

_TIERS = guide("§8.1-8.2")
_EXCELLENT = guide("§8.3")
_INCIDENT_BAR = guide("Appendix C, note 3")


@attrs.frozen
class RankedUnit:
    """One unit's place in a :class:`Ranking` (§8.2, §8.3), with the reasons for it.

    Attributes
    ----------
    rank
        Competition rank (1, 2, 2, 4) unless strict R1 split a tie.
    reasons
        Why: the rank (§8.2), the tier (§8.1-8.2) and, in tier A, 优秀 or not
        (§8.3, Appendix C note 3).
    """

    unit: str
    total: Decimal
    rank: int
    tier: Tier
    excellent: bool
    major_incident: bool
    reasons: tuple[Reason, ...]


def _by_unit(ranking: Ranking) -> dict[str, RankedUnit]:
    return {entry.unit: entry for entry in ranking.entries}


@attrs.frozen
class Ranking(Tabular):
    """The result of :func:`rank_units`: every unit's entry in rank order, the ties, the policy.

    Attributes
    ----------
    entries
        One :class:`RankedUnit` per unit, in rank order (equal totals by name).
    ties
        Every group of two or more equal totals (:class:`~baoshan_quality.guide.tiering.Tie`).
    policy
        The readings applied (R1, R2).
    barred
        Units ranked within the first 3 of tier A but barred from 优秀 by a major
        incident (Appendix C note 3), in rank order.

    Look a unit up by name with ``ranking[unit]`` (an
    :class:`~baoshan_quality.errors.UnknownUnitError`, also a ``KeyError``, for a
    unit not ranked) or ``unit in ranking``, both in constant time and by the
    name's NFC spelling (an NFD spelling finds the same unit); iterate over
    the entries; ``len(ranking)`` counts them.

    Examples
    --------
    >>> from baoshan_quality import UnitScore, rank_units
    >>> r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", 80)])
    >>> r["乙镇"].rank, "丙镇" in r, len(r), r.tier_a
    (2, False, 2, ('甲镇', '乙镇'))
    """

    entries: tuple[RankedUnit, ...]
    ties: tuple[Tie, ...]
    policy: TieringPolicy
    barred: tuple[str, ...] = ()
    # The entries by unit name, derived from ``entries`` (not part of equality or JSON).
    _entry: dict[str, RankedUnit] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_by_unit, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        if len(self._entry) != len(self.entries):
            raise DuplicateUnitError.about(
                "Ranking.entries", len(self.entries), "a unit may appear only once"
            )

    def __iter__(self) -> Iterator[RankedUnit]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, unit: object) -> bool:
        return to_name(unit) in self._entry if isinstance(unit, str) else False

    def __getitem__(self, unit: str) -> RankedUnit:
        entry = self._entry.get(to_name(unit)) if isinstance(unit, str) else None
        if entry is None:
            raise UnknownUnitError.about("unit", unit, "no such unit in the ranking")
        return entry

    @property
    def tier_a(self) -> tuple[str, ...]:
        """Units in tier A (§8.2), in rank order."""
        return tuple(e.unit for e in self.entries if e.tier is Tier.A)

    @property
    def excellent(self) -> tuple[str, ...]:
        """Units rated 优秀 (§8.3), in rank order."""
        return tuple(e.unit for e in self.entries if e.excellent)

    def _table(self) -> Table:
        incidents = any(e.major_incident for e in self.entries)
        return Table(
            columns=(
                Column("rank", "排名", "rank"),
                Column("unit", "单位", "unit"),
                Column("total", "总分", "total"),
                Column("tier", "档次", "tier"),
                Column("excellent", "优秀", "excellent"),
                Column("major_incident", "重大质量事件", "major incident", shown=incidents),
                Column("rank_reason", "排名理由", "rank reason", shown=False),
                Column("why", "理由", "why"),
            ),
            rows=[
                (
                    e.rank,
                    e.unit,
                    e.total,
                    e.tier.value,
                    e.excellent,
                    e.major_incident,
                    _joined(e.reasons[:1]),
                    _joined(e.reasons[1:]),
                )
                for e in self.entries
            ],
        )


def _joined(reasons: tuple[Reason, ...]) -> Text:
    """Sentences run together: Chinese without spaces, English with."""
    return Text("".join(r.zh for r in reasons), " ".join(r.en for r in reasons))


def rank_units(
    units: Iterable[ScoreCard | UnitScore],
    *,
    policy: TieringPolicy | None = None,
    scoring: ScoringPolicy | None = None,
) -> Ranking:
    """Rank units by total into tiers A and B and 优秀, with reasons (Guide §8, Appendix C note 3).

    Parameters
    ----------
    units
        Score cards (:func:`~baoshan_quality.guide.scoring.score`) or
        :class:`~baoshan_quality.guide.tiering.UnitScore` values, mixed if you like;
        score cards must be of one year and scored under the same readings.
    policy
        The readings R1 (ties) and R2 (vacancy); ``None`` means ``TieringPolicy()``:
        competition ranking, a barred place stays vacant.
    scoring
        The readings R4 and R5 the ``UnitScore`` totals were computed under, which
        set the range a total may take; ``None`` means ``ScoringPolicy()``.  A
        score card carries its own.

    Returns
    -------
    Ranking
        One entry per unit in rank order (rank, tier, 优秀, reasons), the ties and
        the units barred by an incident; look units up with ``ranking[unit]``.

    Raises
    ------
    InvalidInputError
        ``units`` is not a sequence of score cards and unit scores; score cards of
        different years or readings; a wrong policy.
    DuplicateUnitError
        The same unit twice.
    InvalidScoreError
        A total outside the range Appendix B allows (0 to 105 without an incident).
    UnknownUnitError
        The tie-break order names a unit not being ranked.
    UnresolvedTieError
        Strict ties (R1) and a tie across the 6th or 3rd place that the tie-break
        order does not settle.

    See Also
    --------
    baoshan_quality.guide.tiering.rank_totals : the same decisions without reasons.

    Examples
    --------
    >>> from baoshan_quality import UnitScore, rank_units
    >>> r = rank_units([UnitScore("罗店镇", 95), UnitScore("大场镇", 92),
    ...                 UnitScore("杨行镇", 92, major_incident=True), UnitScore("月浦镇", 88)])
    >>> [(e.unit, e.rank, e.tier.value, e.excellent) for e in r]
    [('罗店镇', 1, 'A', True), ('大场镇', 2, 'A', True), ('杨行镇', 2, 'A', False), ('月浦镇', 4, 'A', False)]
    >>> r.ties[0].units, r.barred
    (('大场镇', '杨行镇'), ('杨行镇',))
    >>> print(r["杨行镇"].reasons[0].en)
    Total 92: ranked 2nd of 4 by score, high to low, tied with 大场镇.
    """
    policy, scoring = check_policies(policy, scoring)
    with exact():  # the caller's decimal context neither changes the range nor sees flags
        items = collect_units(units, scoring)
        items.sort(key=_name)
        items.sort(key=_total, reverse=True)  # stable: equal totals stay by name
        incident = {u.unit for u in items if u.major_incident}
        tiering = decide([u.unit for u in items], [u.total for u in items], incident, policy)
        return Ranking(_entries(items, tiering), tiering.ties, policy, tiering.barred)


_name = attrgetter("unit")
_total = attrgetter("total")


def collect_units(
    units: object,
    scoring: ScoringPolicy,
    ranges: list[tuple[Decimal | None, Decimal]] | None = None,
) -> list[UnitScore]:
    """The units as :class:`UnitScore` values, each checked: one year, one reading, no
    duplicate, every total within its range (appended to ``ranges`` when given)."""
    if isinstance(units, (str, bytes, Mapping)) or not isinstance(units, Iterable):
        raise InvalidInputError.about(
            "units", units, "expected a sequence of ScoreCard or UnitScore", RANKING_CITATION
        )
    items: list[UnitScore] = []
    seen: set[str] = set()
    first_card: ScoreCard | None = None
    # A total's range depends on three facts only: work it out once per combination.
    known: dict[tuple[bool, int | None, int], tuple[Decimal | None, Decimal]] = {}
    for index, item in enumerate(units):
        if isinstance(item, UnitScore):
            unit, policy = item, scoring
        elif isinstance(item, ScoreCard):
            if first_card is None:
                first_card = item
            elif item.year != first_card.year:
                raise InvalidInputError.about(
                    f"units[{index}].year ({item.unit})",
                    item.year,
                    f"score cards of one ranking must be of one year (the first is "
                    f"{first_card.year}); §8 ranks the units of a year",
                    RANKING_CITATION,
                )
            elif item.policy != first_card.policy:
                raise InvalidInputError.about(
                    f"units[{index}].policy ({item.unit})",
                    item.policy,
                    "score cards of one ranking must be scored under the same readings "
                    "(R4, R5, R19, R44) or their totals are not comparable",
                    RANKING_CITATION,
                )
            unit = UnitScore.from_card(item)
            policy = item.policy
        else:
            raise InvalidInputError.about(
                f"units[{index}]", item, "expected a ScoreCard or UnitScore", RANKING_CITATION
            )
        if unit.unit in seen:
            raise DuplicateUnitError.about(
                f"units[{index}].unit",
                unit.unit,
                "the unit appears more than once",
                RANKING_CITATION,
            )
        seen.add(unit.unit)
        key = (unit.major_incident, unit.incidents, id(policy))
        bounds = known.get(key)
        if bounds is None:
            bounds = known[key] = total_range(unit.major_incident, unit.incidents, policy)
        low, high = bounds
        if (low is not None and unit.total < low) or unit.total > high:
            raise out_of_range(
                f"units[{index}].total ({unit.unit})",
                unit.total,
                bounds,
                unit.major_incident,
                policy,
            )
        items.append(unit)
        if ranges is not None:
            ranges.append(bounds)
    return items


# ------------------------------------------------------------------ the reasons


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# The sentences that do not depend on the unit: one value each, shared by every entry.
_IN_A = Reason(
    _TIERS,
    f"排名前 {TIER_A_SIZE} 位，划为 A 档。",
    f"Ranked within the first {TIER_A_SIZE}, so tier A.",
)
_IN_A_BY_TIE = Reason(
    _TIERS,
    f"排名前 {TIER_A_SIZE} 位，划为 A 档；并列跨越第 6 名，按竞争排名（R1 默认）同入 A 档。",
    f"Ranked within the first {TIER_A_SIZE}, so tier A; the tie spans 6th place, so under "
    "competition ranking (R1 default) all tied units are in tier A.",
)
_AMONG_FIRST_THREE = Reason(
    _EXCELLENT,
    f"A 档前 {EXCELLENT_SIZE} 位，当年质量考核结果为“优秀”。",
    f"Among the first {EXCELLENT_SIZE} of tier A: 优秀 (excellent) for the year.",
)
_MOVED_UP = Reason(
    _EXCELLENT,
    "前列单位因重大质量安全事故不得评“优秀”，顺延为“优秀”（R2 顺延）。",
    "A unit ahead was barred by a major incident; moved up to 优秀 (excellent) by backfill "
    "(R2 alternative).",
)
_NOT_EXCELLENT = Reason(
    _EXCELLENT,
    f"不在 A 档前 {EXCELLENT_SIZE} 位，非“优秀”。",
    f"Not among the first {EXCELLENT_SIZE} of tier A, so not 优秀 (excellent).",
)
_BARRED = {
    VacancyPolicy.VACANT: Reason(
        _INCIDENT_BAR,
        "当年度发生重大质量安全事故，不得评“优秀”，名额空缺（R2 默认）。",
        "A unit with a major quality safety incident in the year cannot be 优秀 (excellent); "
        "its place stays vacant (R2 default).",
    ),
    VacancyPolicy.BACKFILL: Reason(
        _INCIDENT_BAR,
        "当年度发生重大质量安全事故，不得评“优秀”，由后续 A 档单位顺延（R2 顺延）。",
        "A unit with a major quality safety incident in the year cannot be 优秀 (excellent); "
        "the next tier-A units move up (R2 alternative).",
    ),
}


def _in_b(rank: int) -> Reason:
    return Reason(
        _TIERS,
        f"排名第 {rank} 位，不在前 {TIER_A_SIZE} 位，划为 B 档。",
        f"Ranked {_ordinal_en(rank)}, outside the first {TIER_A_SIZE}, so tier B.",
    )


def _tied_with(name: str, tie: Tie) -> tuple[str, str]:
    """The clause naming the units ``name`` is tied with (at most five; the rest counted)."""
    if tie.broken:
        return "，并列按调用方给定顺序区分（R1 严格）", (
            ", a tie separated by the caller's tie-break order (R1 strict)"
        )
    shown = [n for n in tie.units[: _NAMED_IN_TIE + 1] if n != name][:_NAMED_IN_TIE]
    others = len(tie.units) - 1
    rest = others - len(shown)
    more_zh = f"等 {others} 个单位" if rest > 0 else ""
    more_en = f" and {rest} other{'s' if rest > 1 else ''}" if rest > 0 else ""
    return f"，与{'、'.join(shown)}{more_zh}并列", f", tied with {', '.join(shown)}{more_en}"


def _entries(items: list[UnitScore], tiering: Tiering) -> tuple[RankedUnit, ...]:
    """Every unit's entry, in rank order, with its reasons (§8.2, §8.1-8.2, §8.3, note 3)."""
    by_name = {u.unit: u for u in items}
    tie_of = {name: tie for tie in tiering.ties for name in tie.units}
    vacancy = tiering.policy.vacancy
    backfill = vacancy is VacancyPolicy.BACKFILL
    count = len(items)
    in_a = len(tiering.tier_a)
    excellent = set(tiering.excellent)
    tier_b: dict[int, Reason] = {}  # units tied in tier B share their rank and its sentence
    entries = []
    for position, (name, rank) in enumerate(zip(tiering.units, tiering.ranks, strict=True)):
        u = by_name[name]
        tie = tie_of.get(name)
        with_zh, with_en = ("", "") if tie is None else _tied_with(name, tie)
        total = str(u.total)
        first = Reason(
            RANKING_CITATION,
            f"总分 {total}，按分数从高到低排列第 {rank} 位（共 {count} 个单位{with_zh}）。",
            f"Total {total}: ranked {_ordinal_en(rank)} of {count} by score, high to low{with_en}.",
        )
        is_excellent = name in excellent
        if position >= in_a:
            second = tier_b.get(rank)
            if second is None:
                second = tier_b[rank] = _in_b(rank)
            reasons: tuple[Reason, ...] = (first, second)
        else:
            crossing = tie is not None and tie.crosses_tier_a and not tie.broken
            second = _IN_A_BY_TIE if crossing else _IN_A
            if is_excellent:
                third = _MOVED_UP if backfill and rank > EXCELLENT_SIZE else _AMONG_FIRST_THREE
            elif u.major_incident and (rank <= EXCELLENT_SIZE or backfill):
                third = _BARRED[vacancy]
            else:
                third = _NOT_EXCELLENT
            reasons = (first, second, third)
        entries.append(
            RankedUnit(
                name,
                u.total,
                rank,
                Tier.A if position < in_a else Tier.B,
                is_excellent,
                u.major_incident,
                reasons,
            )
        )
    return tuple(entries)
