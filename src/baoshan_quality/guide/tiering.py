"""Guide §8: rank the units by total, tier A and B, and 优秀 (excellent).

* §8.2 — all streets, towns and parks are ranked by score from high to low;
  the first :data:`TIER_A_SIZE` (6) are tier A, the others tier B.
* §8.3 — the first :data:`EXCELLENT_SIZE` (3) of tier A are 优秀 for the year,
* Appendix C note 3 — except a unit with a major quality safety incident that
  year, which cannot be 优秀.

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

>>> from baoshan_quality import UnitScore, rank_units
>>> r = rank_units([UnitScore("罗店镇", 95), UnitScore("大场镇", "92.5"),
...                 UnitScore("杨行镇", 90, major_incident=True), UnitScore("月浦镇", 88)])
>>> [(e.unit, e.rank, e.tier.value, e.excellent) for e in r]
[('罗店镇', 1, 'A', True), ('大场镇', 2, 'A', True), ('杨行镇', 3, 'A', False), ('月浦镇', 4, 'A', False)]
>>> r["杨行镇"].reasons[-1].en
'A unit with a major quality safety incident in the year cannot be 优秀 (excellent); its place stays vacant (R2 default).'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from baoshan_quality._decimals import exact, to_decimal
from baoshan_quality._deferred import Deferrable, Plan, make_deferred
from baoshan_quality._display import html_table, text_table
from baoshan_quality._validation import (
    is_bool,
    is_enum,
    is_int,
    is_name,
    is_optional,
    is_tuple_of,
    to_tuple,
)
from baoshan_quality.citations import Citation, Reason, guide
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
    "RankedUnit",
    "Ranking",
    "Tie",
    "TiePolicy",
    "Tier",
    "TieringPolicy",
    "UnitScore",
    "VacancyPolicy",
    "rank_units",
]

#: §8.2 排名前 6 位的街道、镇、园区划为 A 档
TIER_A_SIZE = 6
#: §8.3 排名 A 档前 3 位的街道、镇、园区，当年质量考核结果为“优秀”
EXCELLENT_SIZE = 3

#: A reason names at most this many of the units a unit is tied with (the rest are
#: counted), so that one huge tie does not make the reasons quadratic in size.
_NAMED_IN_TIE = 5

_RANKING = guide("§8.2")
_TIERS = guide("§8.1-8.2")
_EXCELLENT = guide("§8.3")
_INCIDENT_BAR = guide("Appendix C, note 3")


class Tier(enum.Enum):
    """§8.1 评价结果分为 A 档和 B 档."""

    A = "A"
    B = "B"


class TiePolicy(enum.Enum):
    """Reading R1: units tied across the 6th or the 3rd place."""

    #: Default: competition ranking (1, 2, 2, 4); tied units share the tier.
    COMPETITION = "competition"
    #: Alternative: refuse, naming the tied units, unless ``tie_break`` orders them.
    STRICT = "strict"


class VacancyPolicy(enum.Enum):
    """Reading R2: an 优秀 place lost to a major incident."""

    #: Default: the place stays empty.
    VACANT = "vacant"
    #: Alternative: backfill (顺延) from the next tier-A units.
    BACKFILL = "backfill"


def _unique_names(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(str)(instance, attribute, value)
    assert isinstance(value, tuple)
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
            guide("§8.2"),
        )


@attrs.frozen
class TieringPolicy:
    """The readings :func:`rank_units` applies: R1 (``ties``) and R2 (``vacancy``).

    ``tie_break`` (strict ties only) lists unit names, best first, to order the
    units tied across a boundary.
    """

    ties: TiePolicy = attrs.field(default=TiePolicy.COMPETITION, validator=is_enum(TiePolicy))
    vacancy: VacancyPolicy = attrs.field(
        default=VacancyPolicy.VACANT, validator=is_enum(VacancyPolicy)
    )
    tie_break: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[_unique_names, _tie_break_needs_strict]
    )


def _incidents_match(instance: UnitScore, attribute: object, value: int | None) -> None:
    if value is not None and (value > 0) != instance.major_incident:
        raise InvalidInputError.about(
            "UnitScore.incidents",
            value,
            f"contradicts major_incident={instance.major_incident}",
            DEDUCTION_CITATION,
        )


def _total(value: object) -> Decimal:
    return to_decimal(value, field="UnitScore.total")


@attrs.frozen
class UnitScore:
    """A unit's total for the year, and whether a major quality incident occurred.

    ``incidents`` (the number of incidents, optional) lets :func:`rank_units`
    check the total against the range the deduction allows.
    """

    unit: str = attrs.field(validator=is_name)
    total: Decimal = attrs.field(converter=_total)
    major_incident: bool = attrs.field(default=False, validator=is_bool)
    incidents: int | None = attrs.field(
        default=None, validator=[is_optional(is_int(0)), _incidents_match]
    )

    @classmethod
    def from_card(cls, card: ScoreCard) -> UnitScore:
        """The ranking facts of a :class:`ScoreCard`."""
        if not isinstance(card, ScoreCard):
            raise InvalidInputError.about("card", card, "expected a ScoreCard")
        return cls(card.unit, card.total, card.major_incident, card.incident_count)


@attrs.frozen
class RankedUnit:
    """One unit's place in a :class:`Ranking`, with the reasons for it."""

    unit: str
    total: Decimal
    rank: int
    tier: Tier
    excellent: bool
    major_incident: bool
    reasons: tuple[Reason, ...]


@attrs.frozen
class Tie:
    """Units with exactly equal totals, and whether the tie crosses a boundary."""

    total: Decimal
    units: tuple[str, ...]
    rank: int
    #: The tie spans the 6th place (the A/B line).
    crosses_tier_a: bool
    #: The tie spans the 3rd 优秀 place.
    crosses_excellent: bool
    #: True where the caller's tie-break order separated the units (strict R1).
    broken: bool


@attrs.frozen
class Ranking(Deferrable):
    """The result of :func:`rank_units`: entries in rank order, ties and policy.

    :func:`rank_units` settles every rank, tier, 优秀 and tie at once and builds the
    entries (each with its reasons) on their first read — all of them on reading
    ``entries`` (or comparing, printing or writing the ranking), one on ``ranking[unit]``.
    The values are the same either way.
    """

    _DEFERRED = frozenset({"entries"})

    entries: tuple[RankedUnit, ...]
    ties: tuple[Tie, ...]
    policy: TieringPolicy
    #: Units ranked within the first 3 of tier A but barred from 优秀 by an incident.
    barred: tuple[str, ...] = ()

    def _plan_or_none(self) -> _RankingPlan | None:
        plan = self._pending()
        assert plan is None or isinstance(plan, _RankingPlan)
        return plan

    def __iter__(self) -> Iterator[RankedUnit]:
        return iter(self.entries)

    def __len__(self) -> int:
        plan = self._plan_or_none()
        return len(self.entries) if plan is None else len(plan.ordered)

    def __contains__(self, unit: object) -> bool:
        plan = self._plan_or_none()
        if plan is None:
            return any(e.unit == unit for e in self.entries)
        return isinstance(unit, str) and unit in plan.index()[1]

    def __getitem__(self, unit: str) -> RankedUnit:
        plan = self._plan_or_none()
        if plan is not None:
            entry = plan.entry(unit) if isinstance(unit, str) else None
            if entry is not None:
                return entry
        else:
            for entry in self.entries:
                if entry.unit == unit:
                    return entry
        raise UnknownUnitError.about("unit", unit, "no such unit in the ranking")

    @property
    def tier_a(self) -> tuple[str, ...]:
        """Units in tier A, in rank order."""
        plan = self._plan_or_none()
        if plan is not None:
            return plan.tier_a()
        return tuple(e.unit for e in self.entries if e.tier is Tier.A)

    @property
    def excellent(self) -> tuple[str, ...]:
        """Units rated 优秀, in rank order."""
        plan = self._plan_or_none()
        if plan is not None:
            return plan.excellent_units()
        return tuple(e.unit for e in self.entries if e.excellent)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per unit (for ``pandas.DataFrame``)."""
        return [
            {
                "rank": e.rank,
                "unit": e.unit,
                "total": e.total,
                "tier": e.tier.value,
                "excellent": e.excellent,
                "major_incident": e.major_incident,
                "why": " ".join(r.en for r in e.reasons),
            }
            for e in self.entries
        ]

    def _rows(self) -> list[list[object]]:
        return [
            [
                e.rank,
                e.unit,
                e.total,
                e.tier.value,
                "优秀" if e.excellent else "",
                " ".join(r.zh for r in e.reasons[1:]),
            ]
            for e in self.entries
        ]

    def __str__(self) -> str:
        return text_table(["rank", "unit", "total", "tier", "优秀", "why 理由"], self._rows())

    def _repr_html_(self) -> str:
        return html_table(
            ["rank", "unit", "total", "tier", "优秀", "why 理由"],
            self._rows(),
            caption="Guide §8 ranking",
        )


# ---------------------------------------------------------------------------


def _bounds(
    major: bool, incidents: int | None, scoring: ScoringPolicy
) -> tuple[Decimal | None, Decimal]:
    """The possible range of a total (None: no lower bound)."""
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


def _collect(units: object, scoring: ScoringPolicy) -> list[UnitScore]:
    if isinstance(units, (str, bytes, Mapping)) or not isinstance(units, Iterable):
        raise InvalidInputError.about(
            "units", units, "expected a sequence of ScoreCard or UnitScore", _RANKING
        )
    items: list[UnitScore] = []
    seen: set[str] = set()
    first_card: ScoreCard | None = None
    # A total's range depends on three facts only: work it out once per combination.
    ranges: dict[tuple[bool, int | None, int], tuple[Decimal | None, Decimal]] = {}
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
                    _RANKING,
                )
            elif item.policy != first_card.policy:
                raise InvalidInputError.about(
                    f"units[{index}].policy ({item.unit})",
                    item.policy,
                    "score cards of one ranking must be scored under the same readings "
                    "(R4, R5) or their totals are not comparable",
                    _RANKING,
                )
            unit = UnitScore.from_card(item)
            policy = item.policy
        else:
            raise InvalidInputError.about(
                f"units[{index}]", item, "expected a ScoreCard or UnitScore", _RANKING
            )
        if unit.unit in seen:
            raise DuplicateUnitError.about(
                f"units[{index}].unit", unit.unit, "the unit appears more than once", _RANKING
            )
        seen.add(unit.unit)
        key = (unit.major_incident, unit.incidents, id(policy))
        found = ranges.get(key)
        if found is None:
            found = ranges[key] = _bounds(unit.major_incident, unit.incidents, policy)
        low, high = found
        if (low is not None and unit.total < low) or unit.total > high:
            shown = f"[{'-∞' if low is None else low}, {high}]"
            raise InvalidScoreError.about(
                f"units[{index}].total ({unit.unit})",
                unit.total,
                f"outside the possible range {shown} for "
                f"{'a unit with a major incident' if unit.major_incident else 'a unit'} "
                f"(incidents: {policy.incidents.value}, floor: {policy.floor.value})",
                RUBRIC.citation,
            )
        items.append(unit)
    return items


def _groups(ordered: Sequence[UnitScore]) -> list[list[UnitScore]]:
    groups: list[list[UnitScore]] = []
    for unit in ordered:
        if groups and groups[-1][0].total == unit.total:
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def _straddles(start: int, size: int, boundary: int) -> bool:
    """Whether ordinal places start+1 … start+size include both ``boundary`` and the next."""
    return size > 1 and start < boundary < start + size


def _break(
    group: list[UnitScore], policy: TieringPolicy, boundary: int, what: str
) -> list[list[UnitScore]]:
    names = [u.unit for u in group]
    order = {name: i for i, name in enumerate(policy.tie_break)}
    if not all(name in order for name in names):
        raise UnresolvedTieError(
            f"units {', '.join(names)} are tied at {group[0].total} across the {what} "
            f"(place {boundary}); TiePolicy.STRICT refuses to split them: pass "
            f"TieringPolicy(ties=TiePolicy.STRICT, tie_break=(...)) ordering them "
            f"(R1; {_RANKING})",
            units=names,
            boundary=boundary,
            citation=_RANKING,
        )
    return [[u] for u in sorted(group, key=lambda u: order[u.unit])]


def _resolve(
    groups: list[list[UnitScore]],
    policy: TieringPolicy,
    boundary: int,
    what: str,
    members: set[str] | None = None,
) -> tuple[list[list[UnitScore]], set[str]]:
    """Split (strict R1) the groups straddling ``boundary``, counting only ``members``."""
    out: list[list[UnitScore]] = []
    broken: set[str] = set()
    start = 0
    for group in groups:
        counted = [u for u in group if members is None or u.unit in members]
        if policy.ties is TiePolicy.STRICT and _straddles(start, len(counted), boundary):
            out.extend(_break(group, policy, boundary, what))
            broken.update(u.unit for u in group)
        else:
            out.append(group)
        start += len(counted)
    return out, broken


def _ranks(groups: list[list[UnitScore]], place: int = 1) -> dict[str, int]:
    """Competition ranks: each group shares the place of its first unit, from ``place``."""
    ranks: dict[str, int] = {}
    for group in groups:
        for unit in group:
            ranks[unit.unit] = place
        place += len(group)
    return ranks


_DEFAULT_POLICY = TieringPolicy()  # frozen: one instance serves every call
_DEFAULT_SCORING = ScoringPolicy()


def rank_units(
    units: Iterable[ScoreCard | UnitScore],
    *,
    policy: TieringPolicy | None = None,
    scoring: ScoringPolicy | None = None,
) -> Ranking:
    """Rank units by total and assign tiers and 优秀 (Guide §8, Appendix C note 3).

    ``units`` may mix :class:`ScoreCard` and :class:`UnitScore`.  ``scoring``
    (the R4/R5 readings the totals were computed under) sets the range a
    :class:`UnitScore` total may take; a score card carries its own.
    """
    policy = _DEFAULT_POLICY if policy is None else policy
    scoring = _DEFAULT_SCORING if scoring is None else scoring
    if not isinstance(policy, TieringPolicy):
        raise InvalidInputError.about("policy", policy, "expected a TieringPolicy")
    if not isinstance(scoring, ScoringPolicy):
        raise InvalidInputError.about("scoring", scoring, "expected a ScoringPolicy")
    with exact():
        items = _collect(units, scoring)
        return _rank(items, policy)


def _rank(items: list[UnitScore], policy: TieringPolicy) -> Ranking:
    if policy.tie_break:
        known = {u.unit for u in items}
        unknown = [name for name in policy.tie_break if name not in known]
        if unknown:
            raise UnknownUnitError.about(
                "TieringPolicy.tie_break", tuple(unknown), "names units that are not being ranked"
            )
    ordered = sorted(items, key=_by_total_then_name)
    original = _groups(ordered)
    strict = policy.ties is TiePolicy.STRICT
    broken: set[str] = set()

    # Only the groups that start within the first 6 places can hold a tier-A unit, a
    # unit ranked within the first 3 or a tie across either line: walk only those.
    head = _head(original)
    if strict:
        head, broken = _resolve(head, policy, TIER_A_SIZE, "A/B line")
    ranks = _ranks(head)
    in_a = {name for name, rank in ranks.items() if rank <= TIER_A_SIZE}
    if policy.vacancy is VacancyPolicy.VACANT:
        members = None
    else:
        members = {u.unit for g in head for u in g if u.unit in in_a and not u.major_incident}
    if strict:
        head, more = _resolve(head, policy, EXCELLENT_SIZE, "3rd 优秀 place", members)
        broken |= more
        ranks = _ranks(head)

    excellent: set[str] = set()
    barred: list[str] = []
    if policy.vacancy is VacancyPolicy.VACANT:
        for u in ordered[: sum(len(g) for g in head)]:
            if u.unit in in_a and ranks[u.unit] <= EXCELLENT_SIZE:
                (barred.append(u.unit) if u.major_incident else excellent.add(u.unit))
    else:
        ahead = 0
        for group in head:
            eligible_here = [u for u in group if u.unit in in_a and not u.major_incident]
            barred += [
                u.unit
                for u in group
                if u.unit in in_a and u.major_incident and ranks[u.unit] <= EXCELLENT_SIZE
            ]
            if eligible_here and ahead < EXCELLENT_SIZE:
                excellent.update(u.unit for u in eligible_here)
            ahead += len(eligible_here)

    ties = _ties(original, in_a, policy, broken)
    plan = _RankingPlan(ordered, head, ranks, in_a, excellent, ties, policy, bool(broken))
    return make_deferred(Ranking, plan, ties=ties, policy=policy, barred=tuple(barred))


def _by_total_then_name(u: UnitScore) -> tuple[Decimal, str]:
    return (-u.total, u.unit)


def _head(groups: list[list[UnitScore]]) -> list[list[UnitScore]]:
    """The leading groups that start within the first :data:`TIER_A_SIZE` places."""
    head: list[list[UnitScore]] = []
    start = 0
    for group in groups:
        if start >= TIER_A_SIZE:
            break
        head.append(group)
        start += len(group)
    return head


def _ties(
    original: list[list[UnitScore]],
    in_a: set[str],
    policy: TieringPolicy,
    broken: set[str],
) -> tuple[Tie, ...]:
    """Every group of equal totals; the rank of a tie is its first place, broken or not."""
    ties: list[Tie] = []
    start = 0
    eligible_start = 0
    backfill = policy.vacancy is VacancyPolicy.BACKFILL
    for group in original:
        size = len(group)
        if start >= TIER_A_SIZE:
            # Past the A/B line: no tier-A unit, no line to cross, nothing broken.
            if size > 1:
                ties.append(
                    Tie(
                        group[0].total, tuple(u.unit for u in group), start + 1, False, False, False
                    )
                )
            start += size
            continue
        # Units that count for the 优秀 places under backfill (R2): tier A, no incident.
        eligible = [u for u in group if u.unit in in_a and not u.major_incident] if backfill else []
        if size > 1:
            if not backfill:
                cross_x = _straddles(start, size, EXCELLENT_SIZE)
            else:
                cross_x = _straddles(eligible_start, len(eligible), EXCELLENT_SIZE)
            ties.append(
                Tie(
                    total=group[0].total,
                    units=tuple(u.unit for u in group),
                    rank=start + 1,
                    crosses_tier_a=_straddles(start, size, TIER_A_SIZE),
                    crosses_excellent=cross_x,
                    broken=any(u.unit in broken for u in group),
                )
            )
        start += size
        eligible_start += len(eligible)
    return tuple(ties)


class _RankingPlan(Plan):
    """What a :class:`Ranking` needs to build its entries (and their reasons) on read."""

    __slots__ = (
        "_built",
        "_index",
        "broken",
        "excellent",
        "head",
        "head_ranks",
        "in_a",
        "ordered",
        "policy",
        "ties",
    )

    def __init__(
        self,
        ordered: list[UnitScore],
        head: list[list[UnitScore]],
        head_ranks: dict[str, int],
        in_a: set[str],
        excellent: set[str],
        ties: tuple[Tie, ...],
        policy: TieringPolicy,
        broken: bool,
    ) -> None:
        self.ordered, self.head, self.head_ranks = ordered, head, head_ranks
        self.in_a, self.excellent, self.ties = in_a, excellent, ties
        self.policy, self.broken = policy, broken
        self._built: dict[str, RankedUnit] = {}
        self._index: tuple[dict[str, int], dict[str, UnitScore], dict[str, Tie]] | None = None

    def order(self) -> list[UnitScore]:
        """The units in rank order (a tie broken by the caller reorders its units)."""
        if not self.broken:
            return self.ordered
        ranks = self.index()[0]
        return sorted(self.ordered, key=lambda u: (ranks[u.unit], u.unit))

    def index(self) -> tuple[dict[str, int], dict[str, UnitScore], dict[str, Tie]]:
        """Every unit's rank, every unit by name, and each unit's tie (if any)."""
        if self._index is None:
            seen = sum(len(g) for g in self.head)
            ranks = {**self.head_ranks, **_ranks(_groups(self.ordered[seen:]), seen + 1)}
            by_name = {u.unit: u for u in self.ordered}
            # Each unit is in at most one tie: look it up once (a scan per unit is quadratic).
            tie_of = {name: tie for tie in self.ties for name in tie.units}
            self._index = (ranks, by_name, tie_of)
        return self._index

    def entry(self, name: str) -> RankedUnit | None:
        """One unit's entry, built (once) on demand; None for a name not ranked.

        Called from outside a build (``ranking[unit]``), so it sets the exact context
        itself; :meth:`build` runs inside the one ``_materialize`` sets.
        """
        with exact():
            return self._build_one(name)

    def _build_one(self, name: str) -> RankedUnit | None:
        built = self._built.get(name)
        if built is None:
            ranks, by_name, tie_of = self.index()
            unit = by_name.get(name)
            if unit is None:
                return None
            built = _entry(
                unit,
                ranks[name],
                name in self.in_a,
                name in self.excellent,
                len(self.ordered),
                tie_of,
                self.policy,
            )
            self._built[name] = built
        return built

    def _head_in_order(self) -> list[UnitScore]:
        # Every tier-A unit is in a group that starts within the first 6 places.
        units = [u for group in self.head for u in group]
        if self.broken:
            ranks = self.head_ranks
            units.sort(key=lambda u: (ranks[u.unit], u.unit))
        return units

    def tier_a(self) -> tuple[str, ...]:
        return tuple(u.unit for u in self._head_in_order() if u.unit in self.in_a)

    def excellent_units(self) -> tuple[str, ...]:
        return tuple(u.unit for u in self._head_in_order() if u.unit in self.excellent)

    def build(self) -> dict[str, object]:
        entry = self._build_one
        return {"entries": tuple(entry(u.unit) for u in self.order())}


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _reason(citation: Citation, zh: str, en: str) -> Reason:
    """A :class:`Reason` from the library's own (non-blank) sentences, built without
    re-running its validators: a ranking makes two per unit, and at 100,000 units the
    validation alone costs more than the sort.  The result is an ordinary Reason."""
    reason: Reason = _new(Reason)
    _set(reason, "citation", citation)
    _set(reason, "zh", zh)
    _set(reason, "en", en)
    return reason


_new = object.__new__
_set = object.__setattr__


def _entry(
    u: UnitScore,
    rank: int,
    a: bool,
    excellent: bool,
    count: int,
    tie_of: Mapping[str, Tie],
    policy: TieringPolicy,
) -> RankedUnit:
    tie = tie_of.get(u.unit)
    reasons = []
    with_zh = with_en = ""
    if tie is not None and not tie.broken:
        others = [n for n in tie.units if n != u.unit]
        shown, rest = others[:_NAMED_IN_TIE], len(others) - _NAMED_IN_TIE
        more_zh = f"等 {len(others)} 个单位" if rest > 0 else ""
        more_en = f" and {rest} other{'s' if rest > 1 else ''}" if rest > 0 else ""
        with_zh = f"，与{'、'.join(shown)}{more_zh}并列"
        with_en = f", tied with {', '.join(shown)}{more_en}"
    elif tie is not None:
        with_zh = "，并列按调用方给定顺序区分（R1 严格）"
        with_en = ", a tie separated by the caller's tie-break order (R1 strict)"
    total = str(u.total)
    ordinal = _ordinal_en(rank)
    reasons.append(
        _reason(
            _RANKING,
            f"总分 {total}，按分数从高到低排列第 {rank} 位（共 {count} 个单位{with_zh}）。",
            f"Total {total}: ranked {ordinal} of {count} by score, high to low{with_en}.",
        )
    )
    if a:
        extra_zh = extra_en = ""
        if tie is not None and tie.crosses_tier_a and not tie.broken:
            extra_zh = "；并列跨越第 6 名，按竞争排名（R1 默认）同入 A 档"
            extra_en = "; the tie spans 6th place, so under competition ranking (R1 default) all tied units are in tier A"
        reasons.append(
            _reason(
                _TIERS,
                f"排名前 {TIER_A_SIZE} 位，划为 A 档{extra_zh}。",
                f"Ranked within the first {TIER_A_SIZE}, so tier A{extra_en}.",
            )
        )
    else:
        reasons.append(
            _reason(
                _TIERS,
                f"排名第 {rank} 位，不在前 {TIER_A_SIZE} 位，划为 B 档。",
                f"Ranked {ordinal}, outside the first {TIER_A_SIZE}, so tier B.",
            )
        )
    if excellent:
        backfilled = policy.vacancy is VacancyPolicy.BACKFILL and rank > EXCELLENT_SIZE
        if backfilled:
            reasons.append(
                _reason(
                    _EXCELLENT,
                    "前列单位因重大质量安全事故不得评“优秀”，顺延为“优秀”（R2 顺延）。",
                    "A unit ahead was barred by a major incident; moved up to 优秀 "
                    "(excellent) by backfill (R2 alternative).",
                )
            )
        else:
            reasons.append(
                _reason(
                    _EXCELLENT,
                    f"A 档前 {EXCELLENT_SIZE} 位，当年质量考核结果为“优秀”。",
                    f"Among the first {EXCELLENT_SIZE} of tier A: 优秀 (excellent) for the year.",
                )
            )
    elif (
        a
        and u.major_incident
        and (rank <= EXCELLENT_SIZE or policy.vacancy is VacancyPolicy.BACKFILL)
    ):
        how_zh = (
            "名额空缺（R2 默认）"
            if policy.vacancy is VacancyPolicy.VACANT
            else "由后续 A 档单位顺延（R2 顺延）"
        )
        how_en = (
            "its place stays vacant (R2 default)"
            if policy.vacancy is VacancyPolicy.VACANT
            else "the next tier-A units move up (R2 alternative)"
        )
        reasons.append(
            _reason(
                _INCIDENT_BAR,
                f"当年度发生重大质量安全事故，不得评“优秀”，{how_zh}。",
                "A unit with a major quality safety incident in the year cannot be 优秀 "
                f"(excellent); {how_en}.",
            )
        )
    elif a:
        reasons.append(
            _reason(
                _EXCELLENT,
                f"不在 A 档前 {EXCELLENT_SIZE} 位，非“优秀”。",
                f"Not among the first {EXCELLENT_SIZE} of tier A, so not 优秀 (excellent).",
            )
        )
    return RankedUnit(
        unit=u.unit,
        total=u.total,
        rank=rank,
        tier=Tier.A if a else Tier.B,
        excellent=excellent,
        major_incident=u.major_incident,
        reasons=tuple(reasons),
    )
