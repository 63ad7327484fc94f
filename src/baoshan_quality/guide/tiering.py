"""Guide §8 decided: ranks, tiers A and B, 优秀 (excellent), barred units and ties.

* §8.2 — all streets, towns and parks are ranked by score from high to low;
  the first :data:`TIER_A_SIZE` (6) are tier A, the others tier B.
* §8.3 — the first :data:`EXCELLENT_SIZE` (3) of tier A are 优秀 for the year,
* Appendix C note 3 — except a unit with a major quality safety incident that
  year, which cannot be 优秀.

This module is the one place where those clauses are decided.  :func:`rank_totals`
returns the decisions alone (a :class:`Tiering`), for hot loops: a Monte Carlo of
thousands of editions, what-if questions, a province-size batch.
:func:`~baoshan_quality.guide.ranking.rank_units` takes the same decisions and
explains each unit's place in words (:mod:`baoshan_quality.guide.ranking`).

Readings (SPEC §5), chosen with :class:`TieringPolicy`:

* **R1 ties** — :attr:`TiePolicy.COMPETITION` (default): competition ranking
  (1, 2, 2, 4); every unit ranked ≤ 6 is A and every unit ranked ≤ 3 may be 优秀,
  so a tie can make A hold more than 6 and 优秀 more than 3; the tie is
  reported.  :attr:`TiePolicy.STRICT`: a tie across the 6th or 3rd place raises
  :class:`~baoshan_quality.errors.UnresolvedTieError` naming the tied units,
  unless ``tie_break`` orders them.
* **R2 a barred 优秀 place** — :attr:`VacancyPolicy.VACANT` (default): the place
  stays empty; :attr:`VacancyPolicy.BACKFILL`: the next tier-A units move up (顺延).

Equal totals are listed in the order of their unit names (Unicode code points):
a display order only — tied units share their rank.

>>> t = rank_totals({"罗店镇": 95, "大场镇": "92.5", "杨行镇": 90, "月浦镇": 88},
...                 incidents={"杨行镇"})
>>> t.units, t.ranks
(('罗店镇', '大场镇', '杨行镇', '月浦镇'), (1, 2, 3, 4))
>>> t.excellent, t.barred
(('罗店镇', '大场镇'), ('杨行镇',))
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal

import attrs

from baoshan_quality._decimals import exact, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_bool,
    is_enum,
    is_int,
    is_name,
    is_optional,
    name_problem,
    to_name,
)
from baoshan_quality.citations import guide
from baoshan_quality.errors import (
    DuplicateUnitError,
    InvalidInputError,
    InvalidScoreError,
    UnknownUnitError,
    UnresolvedTieError,
)
from baoshan_quality.guide.rubric import BONUS_CAP, DEDUCTION_CITATION, DEDUCTION_POINTS, RUBRIC
from baoshan_quality.guide.scoring import FloorPolicy, IncidentPolicy, ScoreCard, ScoringPolicy

__all__ = [
    "EXCELLENT_SIZE",
    "TIER_A_SIZE",
    "Tie",
    "TiePolicy",
    "Tier",
    "Tiering",
    "TieringPolicy",
    "UnitScore",
    "VacancyPolicy",
    "rank_totals",
]

#: §8.2 排名前 6 位的街道、镇、园区划为 A 档
TIER_A_SIZE = 6
#: §8.3 排名 A 档前 3 位的街道、镇、园区，当年质量考核结果为“优秀”
EXCELLENT_SIZE = 3

RANKING_CITATION = guide("§8.2")


class Tier(enum.Enum):
    """§8.1 评价结果分为 A 档和 B 档 — the two tiers of the evaluation result."""

    A = "A"
    B = "B"


class TiePolicy(enum.Enum):
    """Reading R1: units tied across the 6th or the 3rd place (Guide §8.2, §8.3)."""

    #: Default: competition ranking (1, 2, 2, 4); tied units share the tier.
    COMPETITION = "competition"
    #: Alternative: refuse, naming the tied units, unless ``tie_break`` orders them.
    STRICT = "strict"


class VacancyPolicy(enum.Enum):
    """Reading R2: an 优秀 place lost to a major incident (Appendix C note 3)."""

    #: Default: the place stays empty.
    VACANT = "vacant"
    #: Alternative: backfill (顺延) from the next tier-A units.
    BACKFILL = "backfill"


def _unit_names(value: Iterable[str]) -> tuple[str, ...]:
    """Converter of ``TieringPolicy.tie_break``: any iterable of unit names, as a tuple in NFC."""
    where = "TieringPolicy.tie_break"
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError.about(where, value, "expected a sequence of str")
    names = tuple(value)
    for index, name in enumerate(names):
        if not isinstance(name, str):
            raise InvalidInputError.about(f"{where}[{index}]", name, "expected str")
    return tuple(to_name(name) for name in names)  # NFC: one spelling per unit


def _unique_names(instance: object, attribute: object, value: tuple[str, ...]) -> None:
    if len(set(value)) != len(value):
        raise DuplicateUnitError.about(
            "TieringPolicy.tie_break", value, "a unit may appear only once in a tie-break order"
        )


def _tie_break_needs_strict(instance: TieringPolicy, attribute: object, value: object) -> None:
    if instance.tie_break and instance.ties is not TiePolicy.STRICT:
        raise InvalidInputError.about(
            "TieringPolicy.tie_break",
            instance.tie_break,
            "a tie-break order applies only with ties=TiePolicy.STRICT "
            "(competition ranking shares tied places)",
            RANKING_CITATION,
        )


@attrs.frozen
class TieringPolicy:
    """The readings of Guide §8 that ranking applies: R1 (``ties``) and R2 (``vacancy``).

    Attributes
    ----------
    ties
        R1: :attr:`TiePolicy.COMPETITION` (default) or :attr:`TiePolicy.STRICT`.
    vacancy
        R2: :attr:`VacancyPolicy.VACANT` (default) or :attr:`VacancyPolicy.BACKFILL`.
    tie_break
        Strict ties only: unit names, best first, ordering the units tied across
        the 6th or 3rd place (any iterable of names; kept as a tuple).

    Raises
    ------
    InvalidInputError
        A ``tie_break`` with competition ties, or one that is not a sequence of names.
    DuplicateUnitError
        A unit named twice in ``tie_break``.

    Examples
    --------
    >>> TieringPolicy(ties=TiePolicy.STRICT, tie_break=["月浦镇", "宝山工业园区"]).tie_break
    ('月浦镇', '宝山工业园区')
    """

    ties: TiePolicy = attrs.field(default=TiePolicy.COMPETITION, validator=is_enum(TiePolicy))
    vacancy: VacancyPolicy = attrs.field(
        default=VacancyPolicy.VACANT, validator=is_enum(VacancyPolicy)
    )
    tie_break: tuple[str, ...] = attrs.field(
        default=(), converter=_unit_names, validator=[_unique_names, _tie_break_needs_strict]
    )


def _incidents_match(instance: UnitScore, attribute: object, value: int | None) -> None:
    if value is not None and (value > 0) != instance.major_incident:
        raise InvalidInputError.about(
            "UnitScore.incidents",
            value,
            f"contradicts major_incident={instance.major_incident}",
            DEDUCTION_CITATION,
        )


def _total(value: Decimal | int | str | float) -> Decimal:
    return to_decimal(value, field="UnitScore.total")


@attrs.frozen
class UnitScore:
    """A unit's total for the year, and whether a major quality incident occurred.

    Attributes
    ----------
    unit
        The unit's name: a non-blank string without surrounding whitespace or hidden
        (control, zero-width, surrogate) characters, kept in Unicode NFC (an NFD
        spelling is the same unit).
    total
        Its total under Appendix B (``Decimal``, ``int``, ``str`` or a ``float``
        taken through its shortest repr).
    major_incident
        A major quality incident in the year (bars 优秀, Appendix C note 3).
    incidents
        The number of incidents, if known: lets ranking check the total against
        the range the deduction allows (Appendix B 减分项, reading R4).

    Raises
    ------
    InvalidInputError
        A blank name, a total that is not a finite number, or an ``incidents``
        count that contradicts ``major_incident``.

    Examples
    --------
    >>> UnitScore("罗店镇", "92.5", major_incident=True).total
    Decimal('92.5')
    """

    unit: str = attrs.field(converter=to_name, validator=is_name)
    total: Decimal = attrs.field(converter=_total)
    major_incident: bool = attrs.field(default=False, validator=is_bool)
    incidents: int | None = attrs.field(
        default=None, validator=[is_optional(is_int(0)), _incidents_match]
    )

    @classmethod
    def from_card(cls, card: ScoreCard) -> UnitScore:
        """The ranking facts of a :class:`~baoshan_quality.guide.scoring.ScoreCard`.

        Raises
        ------
        InvalidInputError
            ``card`` is not a score card.
        """
        if not isinstance(card, ScoreCard):
            raise InvalidInputError.about("card", card, "expected a ScoreCard")
        return cls(card.unit, card.total, card.major_incident, card.incident_count)


@attrs.frozen
class Tie:
    """Units with exactly equal totals (§8.2), and whether the tie crosses a line.

    Attributes
    ----------
    total
        The shared total.
    units
        The tied units, by name.
    rank
        The first place they hold (their shared rank unless strict R1 split them).
    crosses_tier_a
        The tie spans the 6th place (the A/B line).
    crosses_excellent
        The tie spans the 3rd 优秀 place (under R2 backfill: the 3rd place among
        the tier-A units without an incident).
    broken
        The caller's tie-break order separated the units (strict R1).
    """

    total: Decimal
    units: tuple[str, ...]
    rank: int
    crosses_tier_a: bool
    crosses_excellent: bool
    broken: bool


def _positions(tiering: Tiering) -> dict[str, int]:
    return dict(zip(tiering.units, range(len(tiering.units)), strict=True))


def _excellent_set(tiering: Tiering) -> frozenset[str]:
    return frozenset(tiering.excellent)


@attrs.frozen
class Tiering(Tabular):
    """The decisions of Guide §8 for one year's units, without reasons (:func:`rank_totals`).

    Attributes
    ----------
    units
        Every unit in rank order: high totals first; equal totals by name, or in
        the caller's tie-break order where strict R1 split a tie.
    ranks
        Each unit's rank, in the order of ``units`` (competition ranking: 1, 2, 2, 4).
    tier_a
        Units in tier A (§8.2), in rank order: always the first ``len(tier_a)`` units.
    excellent
        Units rated 优秀 (§8.3), in rank order.
    barred
        Units ranked within the first 3 of tier A but barred from 优秀 by a major
        incident (Appendix C note 3), in rank order.
    ties
        Every group of two or more equal totals.
    policy
        The readings applied (R1, R2).

    A unit's decisions are looked up by name (its NFC spelling) in constant time:
    :meth:`rank`, :meth:`tier`, :meth:`is_excellent`, ``unit in tiering``.

    Examples
    --------
    >>> t = rank_totals({"甲镇": 90, "乙镇": 80})
    >>> t.rank("乙镇"), t.tier("乙镇"), t.is_excellent("乙镇"), len(t)
    (2, <Tier.A: 'A'>, True, 2)
    """

    units: tuple[str, ...]
    ranks: tuple[int, ...]
    tier_a: tuple[str, ...]
    excellent: tuple[str, ...]
    barred: tuple[str, ...]
    ties: tuple[Tie, ...]
    policy: TieringPolicy
    # Lookups by name, derived from the fields above (not part of equality or JSON).
    _position: dict[str, int] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_positions, takes_self=True)
    )
    _excellent: frozenset[str] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_excellent_set, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        # One read from JSON must hang together like one rank_totals() made.
        units, a = self.units, len(self.tier_a)
        if len(self._position) != len(units) or len(self.ranks) != len(units):
            raise InvalidInputError.about(
                "Tiering.units", len(units), "expected distinct units, one rank each"
            )
        if self.tier_a != units[:a] or not self._excellent.union(self.barred) <= set(units[:a]):
            raise InvalidInputError.about(
                "Tiering.tier_a",
                self.tier_a,
                "expected the leading units, holding every 优秀 and barred unit",
            )

    def __len__(self) -> int:
        return len(self.units)

    def __iter__(self) -> Iterator[str]:
        return iter(self.units)

    def __contains__(self, unit: object) -> bool:
        return isinstance(unit, str) and to_name(unit) in self._position

    def _at(self, unit: str) -> int:
        position = self._position.get(to_name(unit)) if isinstance(unit, str) else None
        if position is None:
            raise UnknownUnitError.about("unit", unit, "no such unit in the ranking")
        return position

    def rank(self, unit: str) -> int:
        """The rank of ``unit`` (§8.2); :class:`~baoshan_quality.errors.UnknownUnitError`
        for a unit not ranked."""
        return self.ranks[self._at(unit)]

    def tier(self, unit: str) -> Tier:
        """The tier of ``unit`` (§8.1-8.2)."""
        return Tier.A if self._at(unit) < len(self.tier_a) else Tier.B

    def is_excellent(self, unit: str) -> bool:
        """Whether ``unit`` is 优秀 (§8.3, Appendix C note 3)."""
        self._at(unit)
        return to_name(unit) in self._excellent

    def _table(self) -> Table:
        a, barred = len(self.tier_a), set(self.barred)
        return Table(
            columns=(
                Column("rank", "排名", "rank"),
                Column("unit", "单位", "unit"),
                Column("tier", "档次", "tier"),
                Column("excellent", "优秀", "excellent"),
                Column("barred", "因事故不得评优秀", "barred by an incident", shown=bool(barred)),
            ),
            rows=[
                (rank, unit, "A" if i < a else "B", unit in self._excellent, unit in barred)
                for i, (unit, rank) in enumerate(zip(self.units, self.ranks, strict=True))
            ],
            caption=Text("§8 排名、档次与优秀", "Guide §8 ranks, tiers and 优秀"),
        )


_DEFAULT_POLICY = TieringPolicy()  # frozen: one instance serves every call
_DEFAULT_SCORING = ScoringPolicy()


def check_policies(
    policy: TieringPolicy | None, scoring: ScoringPolicy | None
) -> tuple[TieringPolicy, ScoringPolicy]:
    """The policies a ranking applies (``None``: the defaults), checked."""
    policy = _DEFAULT_POLICY if policy is None else policy
    scoring = _DEFAULT_SCORING if scoring is None else scoring
    if not isinstance(policy, TieringPolicy):
        raise InvalidInputError.about("policy", policy, "expected a TieringPolicy")
    if not isinstance(scoring, ScoringPolicy):
        raise InvalidInputError.about("scoring", scoring, "expected a ScoringPolicy")
    return policy, scoring


def total_range(
    major: bool, incidents: int | None, scoring: ScoringPolicy
) -> tuple[Decimal | None, Decimal]:
    """The possible range of a total (Appendix B; None: no lower bound)."""
    top = RUBRIC.total + BONUS_CAP
    if not major:
        low: Decimal | None = Decimal(0)
        high = top
    elif scoring.incidents is IncidentPolicy.ONCE:
        low, high = -DEDUCTION_POINTS, top - DEDUCTION_POINTS
    elif incidents is None:
        low, high = None, top - DEDUCTION_POINTS
    else:
        low, high = -DEDUCTION_POINTS * incidents, top - DEDUCTION_POINTS * incidents
    if scoring.floor is FloorPolicy.ZERO:
        low = Decimal(0) if low is None else max(low, Decimal(0))
        high = max(high, Decimal(0))
    return low, high


def out_of_range(
    field: str,
    total: Decimal,
    bounds: tuple[Decimal | None, Decimal],
    major: bool,
    scoring: ScoringPolicy,
) -> InvalidScoreError:
    """The error for a total outside ``bounds`` (Appendix B)."""
    low, high = bounds
    shown = f"[{'-∞' if low is None else low}, {high}]"
    error = InvalidScoreError.about(
        field,
        total,
        f"outside the possible range {shown} for "
        f"{'a unit with a major incident' if major else 'a unit'} "
        f"(incidents: {scoring.incidents.value}, floor: {scoring.floor.value})",
        RUBRIC.citation,
    )
    assert isinstance(error, InvalidScoreError)
    return error


def _checked_totals(
    totals: Mapping[str, Decimal | int | str | float],
    incidents: Collection[str],
    scoring: ScoringPolicy,
) -> tuple[dict[str, Decimal], frozenset[str]]:
    if not isinstance(totals, Mapping):
        raise InvalidInputError.about(
            "totals", totals, "expected a mapping of unit names to totals", RANKING_CITATION
        )
    if isinstance(incidents, (str, bytes, Mapping)) or not isinstance(incidents, Iterable):
        raise InvalidInputError.about(
            "incidents", incidents, "expected a collection of unit names", RANKING_CITATION
        )
    try:
        incident = frozenset(to_name(n) if isinstance(n, str) else n for n in incidents)
    except TypeError:
        raise InvalidInputError.about(
            "incidents", incidents, "expected a collection of unit names", RANKING_CITATION
        ) from None
    clean_range = total_range(False, None, scoring)
    incident_range = total_range(True, None, scoring)
    checked: dict[str, Decimal] = {}
    for given, value in totals.items():
        if not isinstance(given, str) or not given or given != given.strip():
            raise InvalidInputError.about(
                "totals", given, "expected unit names: non-blank, no surrounding whitespace"
            )
        name = to_name(given)  # NFC: an NFD spelling is the same unit
        problem = name_problem(name)
        if problem is not None:
            raise InvalidInputError.about("totals", given, problem)
        if name in checked:
            raise DuplicateUnitError.about(
                "totals", given, "the same unit twice (its NFC spelling is already a key)"
            )
        where = f"totals[{name!r}]"
        total = to_decimal(value, field=where)
        major = name in incident
        low, high = incident_range if major else clean_range
        if (low is not None and total < low) or total > high:
            raise out_of_range(where, total, (low, high), major, scoring)
        checked[name] = total
    unknown = [name for name in incident if name not in checked]
    if unknown:
        raise UnknownUnitError.about(
            "incidents", sorted(map(str, unknown)), "names units that are not being ranked"
        )
    return checked, incident


def rank_totals(
    totals: Mapping[str, Decimal | int | str | float],
    incidents: Collection[str] = (),
    *,
    policy: TieringPolicy | None = None,
    scoring: ScoringPolicy | None = None,
) -> Tiering:
    """Decide ranks, tiers, 优秀, barred units and ties from totals (Guide §8, Appendix C note 3).

    The decisions of :func:`~baoshan_quality.guide.ranking.rank_units` without the
    explanation: the same readings, the same answers, no reasons, for hot loops
    (a Monte Carlo of many editions, what-if questions, large batches).

    Parameters
    ----------
    totals
        Each unit's total for the year, by unit name (``Decimal``, ``int``, ``str``
        or ``float`` through its shortest repr); names are put in NFC.
    incidents
        The units with a major quality incident in the year (they cannot be 优秀).
    policy
        The readings R1 (ties) and R2 (vacancy); ``None`` means ``TieringPolicy()``:
        competition ranking, a barred place stays vacant.
    scoring
        The readings R4 and R5 the totals were computed under, which set the range
        a total may take; ``None`` means ``ScoringPolicy()``.  The number of a
        unit's incidents is not known here: under
        :attr:`~baoshan_quality.guide.scoring.IncidentPolicy.PER_INCIDENT` an
        incident unit's total has no lower bound.

    Returns
    -------
    Tiering
        Units in rank order with their ranks; tier A, 优秀 and barred units; ties.

    Raises
    ------
    InvalidInputError
        ``totals`` is not a mapping of unit names to numbers; a name with a hidden
        (control, format, surrogate) character; a wrong policy.
    DuplicateUnitError
        Two keys that are spellings of one name (names are compared in NFC).
    InvalidScoreError
        A total outside the range Appendix B allows (0 to 105 without an incident).
    UnknownUnitError
        ``incidents`` or the tie-break order names a unit not in ``totals``.
    UnresolvedTieError
        Strict ties (R1) and a tie across the 6th or 3rd place that the tie-break
        order does not settle.

    Examples
    --------
    >>> t = rank_totals({"甲镇": 99, "乙镇": 98, "丙镇": 97, "丁镇": 96, "戊镇": 95,
    ...                  "己镇": 94, "庚镇": 94, "辛镇": 80}, incidents={"乙镇"})
    >>> t.tier_a
    ('甲镇', '乙镇', '丙镇', '丁镇', '戊镇', '己镇', '庚镇')
    >>> t.excellent, t.barred, t.rank("庚镇"), t.tier("辛镇").value
    (('甲镇', '丙镇'), ('乙镇',), 6, 'B')
    >>> t.ties[0].units, t.ties[0].crosses_tier_a
    (('己镇', '庚镇'), True)
    """
    policy, scoring = check_policies(policy, scoring)
    with exact():  # the caller's decimal context neither changes the range nor sees flags
        checked, incident = _checked_totals(totals, incidents, scoring)
        names = sorted(checked)
        names.sort(key=checked.__getitem__, reverse=True)  # stable: equal totals stay by name
        return decide(names, [checked[name] for name in names], incident, policy)


# ------------------------------------------------------------- the decision core

_Group = tuple[Decimal, list[str]]


def decide(
    names: Sequence[str],
    totals: Sequence[Decimal],
    incident: Collection[str],
    policy: TieringPolicy,
) -> Tiering:
    """§8.2, §8.3 and Appendix C note 3 under R1 and R2: the one place they are decided.

    ``names`` and ``totals`` are aligned and sorted: high totals first, equal totals
    by name.  ``incident`` holds the units with a major incident.
    """
    if policy.tie_break:
        known = set(names)
        unknown = [name for name in policy.tie_break if name not in known]
        if unknown:
            raise UnknownUnitError.about(
                "TieringPolicy.tie_break", tuple(unknown), "names units that are not being ranked"
            )
    # Competition ranks (1, 2, 2, 4) and the groups of equal totals, in one pass.
    count = len(names)
    ranks: list[int] = []
    spans: list[tuple[int, int]] = []  # [start, end) of every group of two or more
    start, previous = 0, None
    for index, total in enumerate(totals):
        if total != previous:
            if index - start > 1:
                spans.append((start, index))
            start, previous = index, total
        ranks.append(start + 1)
    if count - start > 1:
        spans.append((start, count))

    # Only the groups that start within the first 6 places can hold a tier-A unit, a
    # unit ranked within the first 3 or a tie across either line.
    seen = 0
    while seen < count and ranks[seen] <= TIER_A_SIZE:
        seen += 1
    head: list[_Group] = []
    first = 0
    for index in range(1, seen + 1):
        if index == seen or ranks[index] != ranks[first]:
            head.append((totals[first], list(names[first:index])))
            first = index

    strict = policy.ties is TiePolicy.STRICT
    backfill = policy.vacancy is VacancyPolicy.BACKFILL
    broken: set[str] = set()
    if strict:
        head, broken = _resolve(head, policy, TIER_A_SIZE, "A/B line", None)
    head_ranks = _competition(head)
    in_a = {name for name, rank in head_ranks if rank <= TIER_A_SIZE}
    eligible = {name for name in in_a if name not in incident}  # R2 backfill counts these
    if strict:
        head, more = _resolve(
            head, policy, EXCELLENT_SIZE, "3rd 优秀 place", eligible if backfill else None
        )
        broken |= more
        head_ranks = _competition(head)

    # §8.3 and note 3: the 优秀 places, and the units an incident bars from them.
    excellent: list[str] = []
    barred: list[str] = []
    if not backfill:
        for name, rank in head_ranks:
            if name in in_a and rank <= EXCELLENT_SIZE:
                (barred if name in incident else excellent).append(name)
    else:
        ahead = 0
        rank_of = dict(head_ranks)
        for _, group in head:
            clean = [name for name in group if name in eligible]
            barred += [
                name
                for name in group
                if name in in_a and name in incident and rank_of[name] <= EXCELLENT_SIZE
            ]
            if clean and ahead < EXCELLENT_SIZE:
                excellent += clean
            ahead += len(clean)

    ties = _ties(names, totals, spans, in_a, incident, backfill, broken)
    return Tiering(
        tuple(name for name, _ in head_ranks) + tuple(names[seen:]),
        tuple(rank for _, rank in head_ranks) + tuple(ranks[seen:]),
        tuple(name for name, _ in head_ranks if name in in_a),
        tuple(excellent),
        tuple(barred),
        ties,
        policy,
    )


def _competition(groups: list[_Group]) -> list[tuple[str, int]]:
    """Each unit with its competition rank: a group shares the place of its first unit."""
    out: list[tuple[str, int]] = []
    place = 1
    for _, group in groups:
        out += [(name, place) for name in group]
        place += len(group)
    return out


def _straddles(start: int, size: int, boundary: int) -> bool:
    """Whether ordinal places start+1 … start+size include both ``boundary`` and the next."""
    return size > 1 and start < boundary < start + size


def _resolve(
    groups: list[_Group],
    policy: TieringPolicy,
    boundary: int,
    what: str,
    members: set[str] | None,
) -> tuple[list[_Group], set[str]]:
    """Split (strict R1) the groups straddling ``boundary``, counting only ``members``."""
    out: list[_Group] = []
    broken: set[str] = set()
    start = 0
    for total, group in groups:
        counted = len(group) if members is None else sum(1 for n in group if n in members)
        if _straddles(start, counted, boundary):
            out.extend((total, [name]) for name in _break(total, group, policy, boundary, what))
            broken.update(group)
        else:
            out.append((total, group))
        start += counted
    return out, broken


def _break(
    total: Decimal, group: list[str], policy: TieringPolicy, boundary: int, what: str
) -> list[str]:
    order = {name: i for i, name in enumerate(policy.tie_break)}
    if not all(name in order for name in group):
        raise UnresolvedTieError(
            f"units {_some(group)} are tied at {total} across the {what} "
            f"(place {boundary}); TiePolicy.STRICT refuses to split them: pass "
            f"TieringPolicy(ties=TiePolicy.STRICT, tie_break=(...)) ordering them "
            f"(R1; {RANKING_CITATION})",
            units=group,
            boundary=boundary,
            citation=RANKING_CITATION,
        )
    return sorted(group, key=order.__getitem__)


#: An error message names at most this many units and counts the rest.
_NAMED = 5


def _some(names: Sequence[str]) -> str:
    """The first few names, and how many more (a message stays short for any tie)."""
    shown = ", ".join(names[:_NAMED])
    rest = len(names) - _NAMED
    return f"{shown} and {rest} more" if rest > 0 else shown


def _ties(
    names: Sequence[str],
    totals: Sequence[Decimal],
    spans: list[tuple[int, int]],
    in_a: set[str],
    incident: Collection[str],
    backfill: bool,
    broken: set[str],
) -> tuple[Tie, ...]:
    """Every group of equal totals; the rank of a tie is its first place, broken or not."""
    ties: list[Tie] = []
    # R2 backfill counts the 优秀 places among the tier-A units without an incident.
    eligible_before = 0
    counted_to = 0
    for start, end in spans:
        units = tuple(names[start:end])
        if start >= TIER_A_SIZE:
            # Past the A/B line: no tier-A unit, no line to cross, nothing broken.
            ties.append(Tie(totals[start], units, start + 1, False, False, False))
            continue
        if backfill:
            eligible_before += sum(
                1 for n in names[counted_to:start] if n in in_a and n not in incident
            )
            counted_to = end
            eligible = sum(1 for n in units if n in in_a and n not in incident)
            crosses_x = _straddles(eligible_before, eligible, EXCELLENT_SIZE)
            eligible_before += eligible
        else:
            crosses_x = _straddles(start, end - start, EXCELLENT_SIZE)
        ties.append(
            Tie(
                totals[start],
                units,
                start + 1,
                _straddles(start, end - start, TIER_A_SIZE),
                crosses_x,
                any(n in broken for n in units) if broken else False,
            )
        )
    return tuple(ties)
