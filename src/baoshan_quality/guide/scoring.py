"""Scoring one unit against Appendix B: base + bonus − deduction = total.

* **Base** — the sum of the thirty criteria of table B.1; each awarded score
  lies in ``[0, its points]``, so the base lies in ``[0, 100]``.
* **Bonus** (加分项) — each honour won by an organisation in the unit's area:
  national 3, municipal 2, district 1; the bonus in total never exceeds 5.
* **Deduction** (减分项) — a major product, service, engineering or living
  environment quality incident (重大质量事件) deducts 5.  Several incidents in a
  year: one deduction by default (reading R4), or 5 each.
* **Total** — may fall below zero (reading R5, literal), or be floored at 0.

A missing criterion is an error unless the policy says to count it as 0, in
which case the card says so line by line.

>>> from baoshan_quality import Assessment, HonorLevel, RUBRIC, score
>>> full = {c.code: c.points for c in RUBRIC.criteria}
>>> card = score(Assessment("罗店镇", 2024, full, honors=(HonorLevel.NATIONAL,) * 2))
>>> card.base, card.bonus, card.deduction, card.total
(Decimal('100'), Decimal('5'), Decimal('0'), Decimal('105'))
>>> card.bonus_capped
True
>>> score(Assessment("罗店镇", 2024, {**full, "2.1.1": 7}))
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidScoreError: Assessment.scores['2.1.1']: above the maximum of 6, got 7 (Guide Appendix B 2.1)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from baoshan_quality._decimals import exact, to_decimal
from baoshan_quality._deferred import Deferrable, Plan, make_deferred
from baoshan_quality._display import html_table, text_table
from baoshan_quality._validation import (
    frozen_mapping,
    is_enum,
    is_int,
    is_name,
    is_text,
    is_tuple_of,
)
from baoshan_quality.citations import Citation, Reason, guide
from baoshan_quality.errors import (
    InvalidInputError,
    InvalidScoreError,
    MissingCriterionError,
    UnknownCriterionError,
)
from baoshan_quality.guide.rubric import (
    BONUS_CAP,
    BONUS_CITATION,
    DEDUCTION_CITATION,
    DEDUCTION_POINTS,
    RUBRIC,
    RUBRIC_CITATION,
    Category,
    HonorLevel,
    SubItem,
)

__all__ = [
    "FIRST_YEAR",
    "Assessment",
    "BonusLine",
    "FloorPolicy",
    "Honor",
    "Incident",
    "IncidentKind",
    "IncidentPolicy",
    "MissingPolicy",
    "ScoreCard",
    "ScoreLine",
    "ScoringPolicy",
    "Subtotal",
    "score",
]

#: The Guide is the 2022 edition (DB31113/Z 005—2022); assessments of earlier
#: years are refused as outside its scope.
FIRST_YEAR = 2022
_EDITION = guide("designation (—2022)")


class IncidentKind(enum.Enum):
    """The kinds of 重大质量事件 named by the deduction row of table B.1."""

    PRODUCT = "product"  #: 重大产品质量事件
    SERVICE = "service"  #: 重大服务质量事件
    ENGINEERING = "engineering"  #: 重大工程质量事件
    LIVING_ENVIRONMENT = "living-environment"  #: 重大人居质量事件


class IncidentPolicy(enum.Enum):
    """Reading R4: several major incidents in one year."""

    #: Default: one deduction of 5 whatever the number of incidents.
    ONCE = "once"
    #: Alternative: 5 per incident.
    PER_INCIDENT = "per-incident"


class FloorPolicy(enum.Enum):
    """Reading R5: a total below zero."""

    #: Default: allowed (the text sets no floor).
    NONE = "none"
    #: Alternative: floor the total at 0.
    ZERO = "zero"


class MissingPolicy(enum.Enum):
    """A criterion the assessment does not score."""

    #: Default: an error — a missing line is not a zero.
    ERROR = "error"
    #: Count it as 0, and say so on the card.
    ZERO = "zero"


@attrs.frozen
class ScoringPolicy:
    """The readings :func:`score` applies (R4, R5, missing criteria)."""

    incidents: IncidentPolicy = attrs.field(
        default=IncidentPolicy.ONCE, validator=is_enum(IncidentPolicy)
    )
    floor: FloorPolicy = attrs.field(default=FloorPolicy.NONE, validator=is_enum(FloorPolicy))
    missing: MissingPolicy = attrs.field(
        default=MissingPolicy.ERROR, validator=is_enum(MissingPolicy)
    )


@attrs.frozen
class Honor:
    """A quality honour won in the year by an organisation in the unit's area."""

    level: HonorLevel = attrs.field(validator=is_enum(HonorLevel))
    title: str = attrs.field(default="", validator=is_text)


@attrs.frozen
class Incident:
    """A major quality incident (重大质量事件) in the unit's area in the year."""

    kind: IncidentKind = attrs.field(validator=is_enum(IncidentKind))
    description: str = attrs.field(default="", validator=is_text)


def _honors(value: object) -> object:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value
    return tuple(Honor(v) if isinstance(v, HonorLevel) else v for v in value)


def _incidents(value: object) -> object:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value
    return tuple(Incident(v) if isinstance(v, IncidentKind) else v for v in value)


def _points(path: str, value: object) -> Decimal:
    return to_decimal(
        value, field=path, minimum=0, citation=RUBRIC_CITATION, error=InvalidScoreError
    )


_scores_map = frozen_mapping("Assessment.scores", _points)


def _scores(value: object) -> Mapping[str, Decimal]:
    return _scores_map(value)


def _within_criteria(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    assert isinstance(value, Mapping)
    for code, points in value.items():
        where = f"Assessment.scores[{code!r}]"
        if not RUBRIC.has_criterion(code):
            raise UnknownCriterionError.about(
                where, code, "no such criterion in table B.1", RUBRIC_CITATION
            )
        criterion = RUBRIC.criterion(code)
        if points > criterion.points:
            raise InvalidScoreError.about(
                where, points, f"above the maximum of {criterion.points}", criterion.citation
            )


@attrs.frozen
class Assessment:
    """One unit's year under table B.1: a score per criterion, honours and incidents.

    ``scores`` maps criterion codes (``"1.1.1"`` … ``"5.2.3"``) to points;
    ``honors`` accepts :class:`Honor` or bare :class:`HonorLevel` values;
    ``incidents`` accepts :class:`Incident` or bare :class:`IncidentKind` values.

    >>> a = Assessment("友谊路街道", 2024, {"1.1.1": "2.5"}, incidents=(IncidentKind.SERVICE,))
    >>> a.scores["1.1.1"], a.incidents[0].kind
    (Decimal('2.5'), <IncidentKind.SERVICE: 'service'>)
    """

    unit: str = attrs.field(validator=is_name)
    year: int = attrs.field(validator=is_int(FIRST_YEAR, 9999))
    scores: Mapping[str, Decimal] = attrs.field(converter=_scores, validator=_within_criteria)
    honors: tuple[Honor, ...] = attrs.field(
        default=(), converter=_honors, validator=is_tuple_of(Honor)
    )
    incidents: tuple[Incident, ...] = attrs.field(
        default=(), converter=_incidents, validator=is_tuple_of(Incident)
    )


@attrs.frozen
class ScoreLine:
    """One criterion on a score card."""

    code: str
    name_zh: str
    name_en: str
    awarded: Decimal
    maximum: Decimal
    citation: Citation
    #: True where the criterion was not scored and counted as 0 (MissingPolicy.ZERO).
    missing: bool = False


@attrs.frozen
class Subtotal:
    """A sub-item's or a category's points on a score card."""

    code: str
    name_zh: str
    name_en: str
    awarded: Decimal
    maximum: Decimal
    citation: Citation


@attrs.frozen
class BonusLine:
    """One honour and the points it brings (before the cap)."""

    level: HonorLevel
    title: str
    points: Decimal


@attrs.frozen
class ScoreCard(Deferrable):
    """The result of :func:`score`: every line with its clause, and the totals.

    :func:`score` computes the totals at once and builds the lines, subtotals, bonus
    lines and reasons on their first read (the same values either way).
    """

    _DEFERRED = frozenset({"lines", "sub_items", "categories", "bonus_lines", "reasons"})

    unit: str
    year: int
    lines: tuple[ScoreLine, ...]
    sub_items: tuple[Subtotal, ...]
    categories: tuple[Subtotal, ...]
    base: Decimal
    bonus_lines: tuple[BonusLine, ...]
    bonus_uncapped: Decimal
    bonus: Decimal
    bonus_capped: bool
    incident_count: int
    deduction: Decimal
    floored: bool
    total: Decimal
    policy: ScoringPolicy
    reasons: tuple[Reason, ...]

    @property
    def major_incident(self) -> bool:
        """Whether a major quality incident was recorded (bars 优秀, Appendix C note 3)."""
        return self.incident_count > 0

    @property
    def missing(self) -> tuple[str, ...]:
        """Codes of the criteria counted as 0 because they were not scored."""
        return tuple(line.code for line in self.lines if line.missing)

    def subtotal(self, code: str) -> Subtotal:
        """The subtotal of a sub-item (``"2.1"``) or a category (``"2"``)."""
        for sub in (*self.sub_items, *self.categories):
            if sub.code == code:
                return sub
        RUBRIC.sub_item(code)  # raises UnknownCriterionError (or InvalidInputError)
        raise AssertionError("unreachable")  # pragma: no cover

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per criterion (for ``pandas.DataFrame``)."""
        return [
            {
                "unit": self.unit,
                "year": self.year,
                "code": line.code,
                "criterion": line.name_zh,
                "awarded": line.awarded,
                "maximum": line.maximum,
                "missing": line.missing,
                "clause": str(line.citation),
            }
            for line in self.lines
        ]

    def _summary_rows(self) -> list[list[object]]:
        rows: list[list[object]] = [
            [s.code, s.name_zh, f"{s.awarded}/{s.maximum}"] for s in self.sub_items
        ]
        rows.append(["", "基础分 base", f"{self.base}/100"])
        cap = " (capped 封顶)" if self.bonus_capped else ""
        rows.append(["", "加分 bonus", f"+{self.bonus}{cap}"])
        rows.append(["", "减分 deduction", f"-{self.deduction}"])
        rows.append(["", "总分 total", str(self.total)])
        return rows

    def __str__(self) -> str:
        head = f"{self.unit} {self.year} — 总分 total {self.total}"
        return head + "\n" + text_table(["code", "item", "points"], self._summary_rows())

    def _repr_html_(self) -> str:
        return html_table(
            ["code", "item", "points"],
            self._summary_rows(),
            caption=f"{self.unit} {self.year} (Guide Appendix B)",
        )


def _sum(values: Iterable[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def score(assessment: Assessment, *, policy: ScoringPolicy | None = None) -> ScoreCard:
    """Score an :class:`Assessment` against table B.1 (Guide Appendix B).

    Raises :class:`~baoshan_quality.errors.MissingCriterionError` for a criterion
    without a score unless ``policy.missing`` is :attr:`MissingPolicy.ZERO`.
    """
    if not isinstance(assessment, Assessment):
        raise InvalidInputError.about("assessment", assessment, "expected an Assessment")
    policy = _DEFAULT_POLICY if policy is None else policy
    if not isinstance(policy, ScoringPolicy):
        raise InvalidInputError.about("policy", policy, "expected a ScoringPolicy")
    with exact():
        return _score(assessment, policy)


_DEFAULT_POLICY = ScoringPolicy()  # frozen: one instance serves every call
# Table B.1 is a frozen constant: walk it once, not on every call.
_CRITERIA = RUBRIC.criteria
_SUB_ITEMS = tuple((s, tuple(c.code for c in s.criteria)) for s in RUBRIC.sub_items)
_CATEGORIES = tuple((c, tuple(s.code for s in c.sub_items)) for c in RUBRIC.categories)


def _score(a: Assessment, policy: ScoringPolicy) -> ScoreCard:
    scores = a.scores
    # Assessment has checked every code against table B.1: thirty codes means all.
    missing = (
        ()
        if len(scores) == len(_CRITERIA)
        else tuple(c.code for c in _CRITERIA if c.code not in scores)
    )
    if missing and policy.missing is MissingPolicy.ERROR:
        raise MissingCriterionError(
            f"Assessment.scores: no score for criteria {', '.join(missing)} "
            f"({RUBRIC_CITATION}); pass ScoringPolicy(missing=MissingPolicy.ZERO) "
            "to count them as 0",
            field="Assessment.scores",
            value=missing,
            citation=RUBRIC_CITATION,
        )
    # Exact arithmetic: the sum in any order is the sum of the category subtotals.
    base = _sum(scores.values())
    bonus_uncapped = _sum(h.level.points for h in a.honors)
    bonus = min(bonus_uncapped, BONUS_CAP)
    capped = bonus_uncapped > BONUS_CAP
    count = len(a.incidents)
    if count == 0:
        deduction = Decimal(0)
    elif policy.incidents is IncidentPolicy.ONCE:
        deduction = DEDUCTION_POINTS
    else:
        deduction = DEDUCTION_POINTS * count
    raw = base + bonus - deduction
    floored = policy.floor is FloorPolicy.ZERO and raw < 0
    total = Decimal(0) if floored else raw
    plan = _CardPlan(
        a, policy, missing, base, bonus_uncapped, bonus, capped, deduction, raw, floored, total
    )
    return make_deferred(
        ScoreCard,
        plan,
        unit=a.unit,
        year=a.year,
        base=base,
        bonus_uncapped=bonus_uncapped,
        bonus=bonus,
        bonus_capped=capped,
        incident_count=count,
        deduction=deduction,
        floored=floored,
        total=total,
        policy=policy,
    )


def _subtotals(
    rows: Iterable[tuple[SubItem | Category, tuple[str, ...]]], awarded: Mapping[str, Decimal]
) -> tuple[Subtotal, ...]:
    """Each sub-item's (or category's) points: the sum of its members' points."""
    return tuple(
        Subtotal(
            row.code,
            row.name_zh,
            row.name_en,
            _sum(awarded[code] for code in codes),
            row.points,
            row.citation,
        )
        for row, codes in rows
    )


class _CardPlan(Plan):
    """Builds a :class:`ScoreCard`'s lines, subtotals and reasons on first read."""

    __slots__ = (
        "a",
        "base",
        "bonus",
        "bonus_uncapped",
        "capped",
        "deduction",
        "floored",
        "missing",
        "policy",
        "raw",
        "total",
    )

    def __init__(
        self,
        a: Assessment,
        policy: ScoringPolicy,
        missing: tuple[str, ...],
        base: Decimal,
        bonus_uncapped: Decimal,
        bonus: Decimal,
        capped: bool,
        deduction: Decimal,
        raw: Decimal,
        floored: bool,
        total: Decimal,
    ) -> None:
        self.a, self.policy, self.missing = a, policy, missing
        self.base, self.bonus_uncapped, self.bonus = base, bonus_uncapped, bonus
        self.capped, self.deduction, self.raw = capped, deduction, raw
        self.floored, self.total = floored, total

    def build(self) -> dict[str, object]:
        a, policy, missing = self.a, self.policy, self.missing
        scores = a.scores
        zero = Decimal(0)
        gone = set(missing)
        awarded_by_code = {c.code: scores.get(c.code, zero) for c in _CRITERIA}
        lines = tuple(
            ScoreLine(
                c.code,
                c.name_zh,
                c.name_en,
                awarded_by_code[c.code],
                c.points,
                c.citation,
                c.code in gone,
            )
            for c in _CRITERIA
        )
        subs = _subtotals(_SUB_ITEMS, awarded_by_code)
        cats = _subtotals(_CATEGORIES, {s.code: s.awarded for s in subs})
        base = self.base
        reasons = [
            Reason(
                RUBRIC_CITATION,
                f"基础分为表 B.1 各考核内容得分之和：{base}（满分 100）。",
                f"The base is the sum of the criteria of table B.1: {base} out of 100.",
            )
        ]
        if missing:
            reasons.append(
                Reason(
                    RUBRIC_CITATION,
                    f"未评分的考核内容按 0 分计（调用方选择）：{'、'.join(missing)}。",
                    "Criteria without a score counted as 0 (caller's choice): "
                    f"{', '.join(missing)}.",
                )
            )
        bonus_lines = tuple(BonusLine(h.level, h.title, h.level.points) for h in a.honors)
        bonus_uncapped, bonus, capped = self.bonus_uncapped, self.bonus, self.capped
        if bonus_lines:
            counts = {lvl: sum(1 for b in bonus_lines if b.level is lvl) for lvl in HonorLevel}
            detail_zh = "，".join(
                f"{lvl.zh.replace('辖区内各类组织获得', '').replace('获得', '')} {n} 项×{lvl.points}"
                for lvl, n in counts.items()
                if n
            )
            detail_en = ", ".join(
                f"{n} {lvl.value} × {lvl.points}" for lvl, n in counts.items() if n
            )
            cap_zh = f"，超过上限，按 {BONUS_CAP} 分计" if capped else ""
            cap_en = f", above the cap, so {BONUS_CAP}" if capped else ""
            reasons.append(
                Reason(
                    BONUS_CITATION,
                    f"加分：{detail_zh}，合计 {bonus_uncapped}{cap_zh}。",
                    f"Bonus: {detail_en} = {bonus_uncapped}{cap_en}.",
                )
            )
        count, deduction, raw = len(a.incidents), self.deduction, self.raw
        if count:
            if count == 1:
                how_zh, how_en = "扣减一次", "one deduction"
            elif policy.incidents is IncidentPolicy.ONCE:
                how_zh, how_en = (
                    "多起事件只扣一次（R4 默认）",
                    "one deduction however many (R4 default)",
                )
            else:
                how_zh, how_en = "每起事件扣 5 分（R4 可选）", "5 per incident (R4 alternative)"
            reasons.append(
                Reason(
                    DEDUCTION_CITATION,
                    f"发生重大质量事件 {count} 起，{how_zh}，减 {deduction} 分。",
                    f"{count} major quality incident(s): {how_en}, {deduction} deducted.",
                )
            )
        floored, total = self.floored, self.total
        if floored:
            reasons.append(
                Reason(
                    DEDUCTION_CITATION,
                    f"总分 {raw} 低于 0，按调用方选择计为 0（R5 可选）。",
                    f"Total {raw} is below 0 and floored at 0 (R5 alternative).",
                )
            )
        reasons.append(
            Reason(
                RUBRIC_CITATION,
                f"总分 = 基础分 {base} + 加分 {bonus} − 减分 {deduction} = {total}。",
                f"Total = base {base} + bonus {bonus} − deduction {deduction} = {total}.",
            )
        )
        return {
            "lines": lines,
            "sub_items": subs,
            "categories": cats,
            "bonus_lines": bonus_lines,
            "reasons": tuple(reasons),
        }
