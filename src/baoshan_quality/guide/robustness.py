"""How robust is a Guide §8 ranking?  The share of noisy editions in tier A and 优秀.

:func:`tier_probabilities` asks what analysts ask of a ranking: would a unit's tier
survive a few points of scoring noise?  It replays the year many times (editions),
each time adding independent noise to every unit's total, decides each edition with
:func:`~baoshan_quality.guide.tiering.rank_totals` under the same readings (R1 ties,
R2 vacancy), and counts for each unit the editions in tier A (§8.2) and 优秀 (§8.3,
Appendix C note 3).  It is a tool for reading a ranking, not a rule of the Guide.

**The noise model.**  Each unit's noise in an edition is ``X − m/2`` tenths of a
point, where ``X`` follows the binomial distribution of ``m = 4 (10 σ)²`` fair coins:
a centred binomial, the classic discrete approximation of a normal distribution, with
standard deviation exactly σ (``noise``) in steps of 0.1 point.  It is drawn by
inverting the exact distribution: ``u = rng.random()`` with ``rng =
random.Random(seed)``, then ``X`` = the least ``k`` whose cumulative probability
``P(X ≤ k)`` (exact integer sums of ``math.comb(m, i)``, divided once — correctly
rounded — by ``2**m``) exceeds ``u`` — one draw per unit in the order of the unit names, edition
after edition.  The noisy total is kept within the range the unit's total may take
(Appendix B: 0 to 105 without an incident, −5 to 100 with one under R4's default;
reading R21).  ``Random.random()`` with an integer seed is the sequence Python
guarantees not to change between versions, and the rest is exact or correctly
rounded arithmetic, so a seed gives the same answer on every platform and every
Python version (3.10 and later).

**Bounded work.**  ``editions`` lies between 1 and :data:`MAX_EDITIONS` (100,000);
``noise`` between 0 and :data:`MAX_NOISE` (5 points), a multiple of 0.1 (a table of
at most 10,001 probabilities, made once per call).  The work is ``editions`` decisions of all n units, each
O(n log n): 10,000 editions of 14 units take about 0.55 s.

>>> from baoshan_quality import UnitScore, tier_probabilities
>>> odds = tier_probabilities([UnitScore(f"{i}号镇", 96 - i) for i in range(1, 9)],
...                           editions=1000, seed=1)
>>> odds["1号镇"].tier_a_percent, odds["6号镇"].tier_a_percent < 100
(Decimal('100.00'), True)
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

import attrs

from baoshan_quality._decimals import exact, round_half_up, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import to_name
from baoshan_quality.errors import InvalidInputError, UnknownUnitError, UnresolvedTieError
from baoshan_quality.guide.ranking import collect_units
from baoshan_quality.guide.scoring import ScoreCard, ScoringPolicy
from baoshan_quality.guide.tiering import (
    TieringPolicy,
    UnitScore,
    check_policies,
    decide,
)

__all__ = ["MAX_EDITIONS", "MAX_NOISE", "TierProbabilities", "UnitOdds", "tier_probabilities"]

#: The most editions one call simulates (the library's bound on the work).
MAX_EDITIONS = 100_000
#: The largest noise (standard deviation, points) one call draws.
MAX_NOISE = Decimal(5)
#: The most a seed may be: 2**64 − 1.
MAX_SEED = 2**64 - 1

_NOISE_STEP = Decimal("0.1")


@attrs.frozen
class UnitOdds:
    """One unit's share of the editions in tier A and 优秀 (:func:`tier_probabilities`).

    Attributes
    ----------
    total
        The unit's total without noise.
    tier_a, excellent
        The number of editions in which it was in tier A (§8.2) and 优秀 (§8.3).
    tier_a_percent, excellent_percent
        The same as a percentage of all editions, 2 decimals, half up.
    """

    unit: str
    total: Decimal
    major_incident: bool
    tier_a: int
    excellent: int
    tier_a_percent: Decimal
    excellent_percent: Decimal


def _by_unit(result: TierProbabilities) -> dict[str, UnitOdds]:
    return {odds.unit: odds for odds in result.units}


@attrs.frozen
class TierProbabilities(Tabular):
    """The result of :func:`tier_probabilities`: each unit's share of noisy editions in
    tier A and 优秀 (Guide §8.2, §8.3, Appendix C note 3).

    Attributes
    ----------
    units
        One :class:`UnitOdds` per unit: totals high to low, equal totals by name.
    editions, noise, seed
        The editions simulated, the noise's standard deviation (points) and the seed.
    undecided
        Editions that strict ties (R1) could not decide (a tie across the 6th or 3rd
        place the tie-break order does not settle): they count for no unit.
    policy, scoring
        The readings applied: R1 and R2; R4, R5 for units given as ``UnitScore``.

    Look a unit up with ``result[unit]``; iterate over the units.
    """

    units: tuple[UnitOdds, ...]
    editions: int
    noise: Decimal
    seed: int
    undecided: int
    policy: TieringPolicy
    scoring: ScoringPolicy
    _unit: dict[str, UnitOdds] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_by_unit, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        # A result read from JSON must hang together like one tier_probabilities() made.
        if len(self._unit) != len(self.units):
            raise InvalidInputError.about(
                "TierProbabilities.units", len(self.units), "a unit may appear only once"
            )
        for odds in self.units:
            if not 0 <= odds.excellent <= odds.tier_a <= self.editions - self.undecided:
                raise InvalidInputError.about(
                    f"TierProbabilities.units[{odds.unit!r}]",
                    (odds.tier_a, odds.excellent),
                    "expected 0 ≤ 优秀 ≤ tier A ≤ the editions decided",
                )

    def __iter__(self) -> Iterator[UnitOdds]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, unit: str) -> UnitOdds:
        found = self._unit.get(to_name(unit)) if isinstance(unit, str) else None
        if found is None:
            raise UnknownUnitError.about("unit", unit, "no such unit in the result")
        return found

    def _table(self) -> Table:
        incidents = any(odds.major_incident for odds in self.units)
        notes = [
            Text(
                f"噪声：每届为每个单位独立抽取，近似正态，标准差 {self.noise} 分，步长 0.1 分，"
                "限于附录 B 允许的总分范围；每届按同一排名规则（R1、R2）重新排名。",
                f"Noise: drawn for each unit in each edition, about normal, σ = {self.noise} "
                "points in steps of 0.1, kept within the range Appendix B allows; each "
                "edition ranked under the same readings (R1, R2).",
            )
        ]
        if self.undecided:
            notes.append(
                Text(
                    f"{self.undecided} 届因并列跨越第 6 名或第 3 名且未给出排序（R1 严格）而未能排名，"
                    "不计入任何单位。",
                    f"{self.undecided} editions had a tie across the 6th or 3rd place that the "
                    "tie-break order does not settle (R1 strict): they count for no unit.",
                )
            )
        return Table(
            caption=Text(
                f"{self.editions} 届模拟（噪声 σ = {self.noise} 分，种子 {self.seed}）："
                "进入 A 档与“优秀”的比例（§8）",
                f"{self.editions:,} editions (noise σ = {self.noise} points, seed "
                f"{self.seed}): share in tier A and 优秀 (Guide §8)",
            ),
            columns=(
                Column("unit", "单位", "unit"),
                Column("total", "总分", "total"),
                Column("major_incident", "重大质量事件", "major incident", shown=incidents),
                Column("tier_a_percent", "A 档（%）", "tier A (%)"),
                Column("excellent_percent", "优秀（%）", "优秀 (%)"),
                Column("tier_a", "A 档届数", "editions in tier A", shown=False),
                Column("excellent", "优秀届数", "editions 优秀", shown=False),
            ),
            rows=[
                (
                    o.unit,
                    o.total,
                    o.major_incident,
                    o.tier_a_percent,
                    o.excellent_percent,
                    o.tier_a,
                    o.excellent,
                )
                for o in self.units
            ],
            notes=tuple(notes),
        )


def _editions(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_EDITIONS:
        raise InvalidInputError.about(
            "editions", value, f"expected a whole number from 1 to {MAX_EDITIONS:,} (MAX_EDITIONS)"
        )
    return value


def _seed(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SEED:
        raise InvalidInputError.about("seed", value, "expected a whole number from 0 to 2**64 - 1")
    return value


def _noise(value: object) -> Decimal:
    sigma = to_decimal(value, field="noise", minimum=0, maximum=MAX_NOISE)
    with exact():
        if sigma.quantize(_NOISE_STEP) != sigma:
            raise InvalidInputError.about(
                "noise", value, "expected a multiple of 0.1 point (the noise's step)"
            )
    return sigma


@lru_cache(maxsize=8)
def _cumulative(coins: int) -> tuple[float, ...]:
    """``P(X ≤ k)`` for ``k = 0 … coins``, X binomial of ``coins`` fair coins: exact
    integer sums, each divided once (correctly rounded) by ``2 ** coins``."""
    total = 2**coins
    out = []
    running = 0
    ways = 1  # math.comb(coins, k), by its recurrence
    for k in range(coins + 1):
        running += ways
        out.append(running / total)
        ways = ways * (coins - k) // (k + 1)
    return tuple(out)


def tier_probabilities(
    units: Iterable[ScoreCard | UnitScore],
    *,
    noise: Decimal | int | str | float = Decimal("1.5"),
    editions: int = 10_000,
    seed: int = 0,
    policy: TieringPolicy | None = None,
    scoring: ScoringPolicy | None = None,
) -> TierProbabilities:
    """Each unit's share of noisy editions in tier A and 优秀 (Guide §8.2, §8.3, note 3).

    Every edition adds independent noise to every total (a centred binomial in steps
    of 0.1 point with standard deviation ``noise``, drawn from ``random.Random(seed)``,
    kept within the range Appendix B allows; see the module's description) and ranks
    the edition with
    :func:`~baoshan_quality.guide.tiering.rank_totals` under the same readings.
    Seeded and deterministic: the same arguments give the same result everywhere.

    Parameters
    ----------
    units
        Score cards or :class:`~baoshan_quality.guide.tiering.UnitScore` values, as
        :func:`~baoshan_quality.guide.ranking.rank_units` takes them.
    noise
        The noise's standard deviation in points: 0 to 5, a multiple of 0.1
        (default 1.5).
    editions
        How many editions to simulate: 1 to 100,000 (default 10,000).
    seed
        The seed of :class:`random.Random`: 0 to 2**64 − 1 (default 0).
    policy
        The readings R1 (ties) and R2 (vacancy); ``None`` means ``TieringPolicy()``.
    scoring
        The readings R4 and R5 the ``UnitScore`` totals were computed under, which
        set the range a noisy total is kept in; ``None`` means ``ScoringPolicy()``.
        A score card carries its own.

    Returns
    -------
    TierProbabilities
        For each unit, the editions (and the percentage) in tier A and 优秀; the
        editions strict ties could not decide.

    Raises
    ------
    InvalidInputError
        ``editions``, ``noise`` or ``seed`` outside the bounds above; ``units`` as
        :func:`~baoshan_quality.guide.ranking.rank_units` refuses them (a duplicate
        unit, a total outside its range, cards of different years); a wrong policy.

    Examples
    --------
    >>> from baoshan_quality import UnitScore
    >>> units = [UnitScore("甲镇", 95), UnitScore("乙镇", "94.5", major_incident=True),
    ...          UnitScore("丙镇", 94), UnitScore("丁镇", "93.5"), UnitScore("戊镇", 80)]
    >>> odds = tier_probabilities(units, noise="1.0", editions=2000, seed=7)
    >>> print(odds.to_text("en"))
    2,000 editions (noise σ = 1.0 points, seed 7): share in tier A and 优秀 (Guide §8)
    unit  total  major incident  tier A (%)  优秀 (%)
    ----  -----  --------------  ----------  --------
    甲镇  95                     100.00      95.50
    乙镇  94.5   ✓               100.00      0.00
    丙镇  94                     100.00      72.55
    丁镇  93.5                   100.00      50.25
    戊镇  80                     100.00      0.00
    Noise: drawn for each unit in each edition, about normal, σ = 1.0 points in steps of 0.1, kept within the range Appendix B allows; each edition ranked under the same readings (R1, R2).
    >>> odds["丁镇"].excellent, odds["乙镇"].excellent   # note 3: 乙镇 is never 优秀
    (1005, 0)
    """
    policy, scoring = check_policies(policy, scoring)
    count = _editions(editions)
    sigma = _noise(noise)
    # (B311: a simulation reproducible by its seed, not a secret)
    rng = random.Random(_seed(seed))  # nosec B311
    with exact():
        ranges: list[tuple[Decimal | None, Decimal]] = []
        items = collect_units(units, scoring, ranges)
        plan = sorted(zip(items, ranges, strict=True), key=lambda pair: pair[0].unit)
        coins = int((sigma * 20) ** 2)  # m = 4 (10 σ)², exact: σ is a multiple of 0.1
        half = coins // 2
        cumulative = _cumulative(coins)
        draw = rng.random
        incidents = frozenset(u.unit for u in items if u.major_incident)
        in_a = dict.fromkeys((u.unit for u in items), 0)
        excellent = dict.fromkeys((u.unit for u in items), 0)
        # A unit's noisy total takes few values: make each Decimal once per unit.
        made: list[dict[int, Decimal]] = [{} for _ in plan]
        undecided = 0
        # The units and totals were checked once, above; each edition's totals are made
        # here, within each unit's range, so every edition goes straight to the decision
        # core that rank_totals ends in, with the names in the order rank_totals sorts
        # them (by name, then stably by total, highest first).
        names = [unit.unit for unit, _ in plan]
        for _ in range(count):
            totals: list[Decimal] = []
            for index, (unit, (low, high)) in enumerate(plan):
                step = bisect_right(cumulative, draw()) - half
                total = made[index].get(step)
                if total is None:
                    total = unit.total + _NOISE_STEP * step
                    if low is not None and total < low:
                        total = low
                    elif total > high:
                        total = high
                    made[index][step] = total
                totals.append(total)
            order = sorted(range(len(names)), key=totals.__getitem__, reverse=True)
            try:
                decided = decide(
                    [names[i] for i in order], [totals[i] for i in order], incidents, policy
                )
            except UnresolvedTieError:
                undecided += 1
                continue
            for name in decided.tier_a:
                in_a[name] += 1
            for name in decided.excellent:
                excellent[name] += 1
        hundred = Decimal(100)
        odds = [
            UnitOdds(
                u.unit,
                u.total,
                u.major_incident,
                in_a[u.unit],
                excellent[u.unit],
                round_half_up(hundred * in_a[u.unit] / count),
                round_half_up(hundred * excellent[u.unit] / count),
            )
            for u in items
        ]
    odds.sort(key=lambda o: o.unit)
    odds.sort(key=lambda o: o.total, reverse=True)
    return TierProbabilities(tuple(odds), count, sigma, seed, undecided, policy, scoring)
