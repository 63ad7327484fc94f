"""Guide Appendix B: one unit's score card — base + bonus − deduction = total.

* **Base** — the sum of the thirty criteria of table B.1; each awarded score
  lies in ``[0, its points]``, so the base lies in ``[0, 100]``.
* **Bonus** (加分项) — each honour won by an organisation in the unit's area:
  national 3, municipal 2, district 1; the bonus in total never exceeds 5.
  Whether every honour counts (default) or each level once is reading R44.
* **Deduction** (减分项) — a major product, service, engineering or living
  environment quality incident (重大质量事件) deducts 5.  Several incidents in a
  year: one deduction by default (reading R4), or 5 each.
* **Total** — may fall below zero (reading R5, literal), or be floored at 0.

A missing criterion is an error unless the policy says to count it as 0 (reading
R19), in which case the card says so line by line.

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

import attrs

from baoshan_quality._decimals import exact, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    frozen_mapping,
    is_enum,
    is_int,
    is_name,
    is_text,
    to_name,
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
    HonorLevel,
)

__all__ = [
    "FIRST_YEAR",
    "Assessment",
    "BonusLine",
    "BonusPolicy",
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
#: years are refused as outside its scope (reading R17).
FIRST_YEAR = 2022
_EDITION = guide("designation (—2022)")


class IncidentKind(enum.Enum):
    """The kinds of 重大质量事件 named by the deduction row of table B.1 (减分项)."""

    PRODUCT = "product"  #: 重大产品质量事件
    SERVICE = "service"  #: 重大服务质量事件
    ENGINEERING = "engineering"  #: 重大工程质量事件
    LIVING_ENVIRONMENT = "living-environment"  #: 重大人居质量事件


class IncidentPolicy(enum.Enum):
    """Reading R4: several major incidents in one year (Appendix B 减分项)."""

    #: Default: one deduction of 5 whatever the number of incidents.
    ONCE = "once"
    #: Alternative: 5 per incident.
    PER_INCIDENT = "per-incident"


class BonusPolicy(enum.Enum):
    """Reading R44: several honours of one level (Appendix B 加分项).

    The rows read "辖区内各类组织获得国家级质量荣誉 3 / 获得市级质量荣誉 2 / 获得区级质量荣誉
    1" under "加分项（总计不超5分）": points per honour, or per level reached?
    """

    #: Default: every honour counts (two national honours: 3 + 3 = 6, capped to 5).
    PER_HONOR = "per-honor"
    #: Alternative: each level counts once (two national honours: 3).
    PER_LEVEL = "per-level"


class FloorPolicy(enum.Enum):
    """Reading R5: a total below zero (Appendix B)."""

    #: Default: allowed (the text sets no floor).
    NONE = "none"
    #: Alternative: floor the total at 0.
    ZERO = "zero"


class MissingPolicy(enum.Enum):
    """Reading R19: a criterion the assessment does not score (Appendix B)."""

    #: Default: an error — a missing line is not a zero.
    ERROR = "error"
    #: Count it as 0, and say so on the card.
    ZERO = "zero"


@attrs.frozen
class ScoringPolicy:
    """The readings :func:`score` applies: R4 (``incidents``), R5 (``floor``), R19
    (``missing``) and R44 (``bonus``).

    Examples
    --------
    >>> ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT).floor
    <FloorPolicy.NONE: 'none'>
    >>> ScoringPolicy(bonus=BonusPolicy.PER_LEVEL).bonus.value
    'per-level'
    """

    incidents: IncidentPolicy = attrs.field(
        default=IncidentPolicy.ONCE, validator=is_enum(IncidentPolicy)
    )
    floor: FloorPolicy = attrs.field(default=FloorPolicy.NONE, validator=is_enum(FloorPolicy))
    missing: MissingPolicy = attrs.field(
        default=MissingPolicy.ERROR, validator=is_enum(MissingPolicy)
    )
    bonus: BonusPolicy = attrs.field(default=BonusPolicy.PER_HONOR, validator=is_enum(BonusPolicy))


@attrs.frozen
class Honor:
    """A quality honour won in the year by an organisation in the unit's area (加分项)."""

    level: HonorLevel = attrs.field(validator=is_enum(HonorLevel))
    title: str = attrs.field(default="", validator=is_text)


@attrs.frozen
class Incident:
    """A major quality incident (重大质量事件) in the unit's area in the year (减分项)."""

    kind: IncidentKind = attrs.field(validator=is_enum(IncidentKind))
    description: str = attrs.field(default="", validator=is_text)


def _sequence(field: str, value: object, kind: str) -> tuple[object, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError.about(field, value, f"expected a sequence of {kind}")
    return tuple(value)


def _honors(value: Iterable[Honor | HonorLevel]) -> tuple[Honor, ...]:
    """Converter of ``Assessment.honors``: honours, or bare levels made honours."""
    honors = []
    for index, item in enumerate(_sequence("Assessment.honors", value, "Honor")):
        if isinstance(item, HonorLevel):
            item = Honor(item)
        elif not isinstance(item, Honor):
            raise InvalidInputError.about(
                f"Assessment.honors[{index}]", item, "expected Honor or HonorLevel"
            )
        honors.append(item)
    return tuple(honors)


def _incidents(value: Iterable[Incident | IncidentKind]) -> tuple[Incident, ...]:
    """Converter of ``Assessment.incidents``: incidents, or bare kinds made incidents."""
    incidents = []
    for index, item in enumerate(_sequence("Assessment.incidents", value, "Incident")):
        if isinstance(item, IncidentKind):
            item = Incident(item)
        elif not isinstance(item, Incident):
            raise InvalidInputError.about(
                f"Assessment.incidents[{index}]", item, "expected Incident or IncidentKind"
            )
        incidents.append(item)
    return tuple(incidents)


def _points(path: str, value: object) -> Decimal:
    return to_decimal(
        value, field=path, minimum=0, citation=RUBRIC_CITATION, error=InvalidScoreError
    )


_scores_map = frozen_mapping("Assessment.scores", _points)


def _scores(value: Mapping[str, Decimal | int | str | float]) -> Mapping[str, Decimal]:
    """Converter of ``Assessment.scores``: a read-only mapping of exact points."""
    return _scores_map(value)


def _within_criteria(instance: object, attribute: object, value: Mapping[str, Decimal]) -> None:
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

    Attributes
    ----------
    unit
        The street, town or park (a non-blank name, kept in Unicode NFC).
    year
        The year assessed (2022 or later: the Guide's edition, reading R17).
    scores
        Points per criterion code (``"1.1.1"`` … ``"5.2.3"``), each within
        ``[0, its points]`` (``Decimal``, ``int``, ``str``, or a ``float`` through
        its shortest repr).
    honors
        The honours won in the unit's area (加分项): :class:`Honor` values or bare
        :class:`~baoshan_quality.guide.rubric.HonorLevel` values.
    incidents
        The major quality incidents in the year (减分项): :class:`Incident` values
        or bare :class:`IncidentKind` values.

    Raises
    ------
    InvalidScoreError
        A score above its criterion's points, negative, or not a finite number.
    UnknownCriterionError
        A code that names no criterion of table B.1.
    InvalidInputError
        Any other bad value (a blank name, a year before 2022, a bare string for
        a list of honours …).

    Examples
    --------
    >>> a = Assessment("友谊路街道", 2024, {"1.1.1": "2.5"}, incidents=(IncidentKind.SERVICE,))
    >>> a.scores["1.1.1"], a.incidents[0].kind
    (Decimal('2.5'), <IncidentKind.SERVICE: 'service'>)
    """

    unit: str = attrs.field(converter=to_name, validator=is_name)
    year: int = attrs.field(validator=is_int(FIRST_YEAR, 9999))
    scores: Mapping[str, Decimal] = attrs.field(converter=_scores, validator=_within_criteria)
    honors: tuple[Honor, ...] = attrs.field(default=(), converter=_honors)
    incidents: tuple[Incident, ...] = attrs.field(default=(), converter=_incidents)


@attrs.frozen
class ScoreLine:
    """One criterion on a score card, with its clause.

    Attributes
    ----------
    missing
        The criterion was not scored and counted as 0 (``MissingPolicy.ZERO``, R19).
    """

    code: str
    name_zh: str
    name_en: str
    awarded: Decimal
    maximum: Decimal
    citation: Citation
    missing: bool = False


@attrs.frozen
class Subtotal:
    """A sub-item's or a category's points on a score card (table B.1)."""

    code: str
    name_zh: str
    name_en: str
    awarded: Decimal
    maximum: Decimal
    citation: Citation


@attrs.frozen
class BonusLine:
    """One honour and the points it brings before the cap (加分项).

    Under :attr:`BonusPolicy.PER_LEVEL` (R44) the second and later honours of a level
    bring 0 points.
    """

    level: HonorLevel
    title: str
    points: Decimal


@attrs.frozen
class ScoreCard(Tabular):
    """The result of :func:`score`: every line with its clause, the subtotals and totals.

    Attributes
    ----------
    lines
        The thirty criteria of table B.1 in table order.
    sub_items, categories
        The thirteen sub-items' and five categories' points.
    base
        The sum of the lines (at most 100).
    bonus_lines
        Each honour with the points it brings (R44: per honour, or per level once).
    bonus_uncapped, bonus, bonus_capped
        The honours' points, the bonus after the cap of 5, and whether the cap bit.
    incident_count, deduction
        The major incidents recorded and the points deducted (R4).
    floored
        The total was below 0 and floored (R5 alternative).
    total
        ``base + bonus − deduction`` (or 0 when floored).
    policy
        The readings applied (R4, R5, R19, R44).
    reasons
        How the total came about, each citing its clause.

    Examples
    --------
    >>> from baoshan_quality import RUBRIC
    >>> card = score(Assessment("罗店镇", 2024, {c.code: c.points for c in RUBRIC.criteria}))
    >>> card.subtotal("2.1").awarded, card.lines[0].code, card.total
    (Decimal('10'), '1.1.1', Decimal('100'))
    """

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
        """The subtotal of a sub-item (``"2.1"``) or a category (``"2"``).

        Raises
        ------
        UnknownCriterionError
            ``code`` names no sub-item or category of table B.1.
        """
        for sub in (*self.sub_items, *self.categories):
            if sub.code == code:
                return sub
        RUBRIC.sub_item(code)  # raises UnknownCriterionError (or InvalidInputError)
        raise AssertionError("unreachable")  # pragma: no cover

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.unit} {self.year} 年度得分（附录 B）：总分 {self.total}",
                f"{self.unit} {self.year} score card (Guide Appendix B): total {self.total}",
            ),
            columns=(
                Column("unit", "单位", "unit", shown=False),
                Column("year", "年度", "year", shown=False),
                Column("code", "编号", "code"),
                Column("criterion", "考核内容", "criterion"),
                Column("awarded", "得分", "awarded"),
                Column("maximum", "分值", "points"),
                Column("missing", "未评分按 0 计", "missing, counted 0", shown=bool(self.missing)),
                Column("clause", "条款", "clause", shown=False),
            ),
            rows=[
                (
                    self.unit,
                    self.year,
                    line.code,
                    Text(line.name_zh, line.name_en),
                    line.awarded,
                    line.maximum,
                    line.missing,
                    str(line.citation),
                )
                for line in self.lines
            ],
            notes=tuple(
                Text(f"[{r.citation}] {r.zh}", f"[{r.citation}] {r.en}") for r in self.reasons
            ),
        )


def score(assessment: Assessment, *, policy: ScoringPolicy | None = None) -> ScoreCard:
    """Score one unit's year against table B.1 (Guide Appendix B): base + bonus − deduction.

    Parameters
    ----------
    assessment
        The unit's scores per criterion, honours and incidents.
    policy
        The readings R4 (several incidents), R5 (a total below 0), R19 (a
        criterion without a score) and R44 (several honours of one level);
        ``None`` means ``ScoringPolicy()``: one deduction, no floor, a missing
        criterion is an error, every honour counts.

    Returns
    -------
    ScoreCard
        Every line, subtotal and bonus line, the totals, and the reasons, each
        citing its clause.

    Raises
    ------
    MissingCriterionError
        A criterion without a score, unless ``policy.missing`` is
        :attr:`MissingPolicy.ZERO`.
    InvalidInputError
        ``assessment`` is not an :class:`Assessment`, or a wrong policy.

    Examples
    --------
    >>> from baoshan_quality import RUBRIC, HonorLevel
    >>> full = {c.code: c.points for c in RUBRIC.criteria}
    >>> card = score(Assessment("罗店镇", 2024, {**full, "5.1.4": 8},
    ...                         honors=[HonorLevel.MUNICIPAL], incidents=[IncidentKind.PRODUCT]))
    >>> card.base, card.bonus, card.deduction, card.total
    (Decimal('98'), Decimal('2'), Decimal('5'), Decimal('95'))
    >>> print(card.reasons[-1].en)
    Total = base 98 + bonus 2 − deduction 5 = 95.
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
_CRITERIA = tuple((c.code, c.name_zh, c.name_en, c.points, c.citation) for c in RUBRIC.criteria)
_SUB_ITEMS = tuple(
    (s.code, s.name_zh, s.name_en, s.points, s.citation, tuple(c.code for c in s.criteria))
    for s in RUBRIC.sub_items
)
_CATEGORIES = tuple(
    (c.code, c.name_zh, c.name_en, c.points, c.citation, len(c.sub_items))
    for c in RUBRIC.categories
)
_ZERO = Decimal(0)


def _score(a: Assessment, policy: ScoringPolicy) -> ScoreCard:
    scores = a.scores
    # Assessment has checked every code against table B.1: thirty codes means all.
    complete = len(scores) == len(_CRITERIA)
    missing = () if complete else tuple(c[0] for c in _CRITERIA if c[0] not in scores)
    if missing and policy.missing is MissingPolicy.ERROR:
        raise MissingCriterionError(
            f"Assessment.scores: no score for criteria {', '.join(missing)} "
            f"({RUBRIC_CITATION}); pass ScoringPolicy(missing=MissingPolicy.ZERO) "
            "to count them as 0",
            field="Assessment.scores",
            value=missing,
            citation=RUBRIC_CITATION,
        )
    awarded = scores if complete else {c[0]: scores.get(c[0], _ZERO) for c in _CRITERIA}
    gone = frozenset(missing)
    lines = tuple(
        ScoreLine(code, zh, en, awarded[code], points, citation, code in gone)
        for code, zh, en, points, citation in _CRITERIA
    )
    # Exact arithmetic: each subtotal is the sum of its members, the base of its categories.
    subs = tuple(
        Subtotal(code, zh, en, sum(map(awarded.__getitem__, codes), _ZERO), points, citation)
        for code, zh, en, points, citation, codes in _SUB_ITEMS
    )
    cats = []
    first = 0
    for code, zh, en, points, citation, size in _CATEGORIES:
        members = subs[first : first + size]
        first += size
        cats.append(
            Subtotal(code, zh, en, sum((s.awarded for s in members), _ZERO), points, citation)
        )
    base = sum((c.awarded for c in cats), _ZERO)
    if policy.bonus is BonusPolicy.PER_HONOR:
        bonus_lines = tuple(BonusLine(h.level, h.title, h.level.points) for h in a.honors)
    else:
        counted: set[HonorLevel] = set()
        lines_: list[BonusLine] = []
        for h in a.honors:
            lines_.append(
                BonusLine(h.level, h.title, _ZERO if h.level in counted else h.level.points)
            )
            counted.add(h.level)
        bonus_lines = tuple(lines_)
    bonus_uncapped = sum((b.points for b in bonus_lines), _ZERO)
    bonus = min(bonus_uncapped, BONUS_CAP)
    capped = bonus_uncapped > BONUS_CAP
    count = len(a.incidents)
    if count == 0:
        deduction = _ZERO
    elif policy.incidents is IncidentPolicy.ONCE:
        deduction = DEDUCTION_POINTS
    else:
        deduction = DEDUCTION_POINTS * count
    raw = base + bonus - deduction
    floored = policy.floor is FloorPolicy.ZERO and raw < 0
    total = _ZERO if floored else raw
    reasons = _reasons(missing, base, bonus_lines, bonus_uncapped, capped, count, deduction, policy)
    reasons += _total_reasons(raw, floored, base, bonus, deduction, total)
    return ScoreCard(
        a.unit,
        a.year,
        lines,
        subs,
        tuple(cats),
        base,
        bonus_lines,
        bonus_uncapped,
        bonus,
        capped,
        count,
        deduction,
        floored,
        total,
        policy,
        reasons,
    )


def _reasons(
    missing: tuple[str, ...],
    base: Decimal,
    bonus_lines: tuple[BonusLine, ...],
    bonus_uncapped: Decimal,
    capped: bool,
    count: int,
    deduction: Decimal,
    policy: ScoringPolicy,
) -> tuple[Reason, ...]:
    """The base (table B.1), missing criteria (R19), bonus (加分项) and deduction (减分项)."""
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
                f"Criteria without a score counted as 0 (caller's choice): {', '.join(missing)}.",
            )
        )
    if bonus_lines:
        counts = {lvl: sum(1 for b in bonus_lines if b.level is lvl) for lvl in HonorLevel}
        if policy.bonus is BonusPolicy.PER_HONOR:
            detail_zh = "，".join(
                f"{_level_zh(lvl)} {n} 项×{lvl.points}" for lvl, n in counts.items() if n
            )
            detail_en = ", ".join(
                f"{n} {lvl.value} × {lvl.points}" for lvl, n in counts.items() if n
            )
        else:
            detail_zh = "，".join(
                f"{_level_zh(lvl)} {n} 项计 {lvl.points}" for lvl, n in counts.items() if n
            )
            detail_zh += "（每一级别计一次，R44 备选）"
            detail_en = ", ".join(
                f"{n} {lvl.value} count {lvl.points}" for lvl, n in counts.items() if n
            )
            detail_en += " (each level once, R44 alternative)"
        cap_zh = f"，超过上限，按 {BONUS_CAP} 分计" if capped else ""
        cap_en = f", above the cap, so {BONUS_CAP}" if capped else ""
        reasons.append(
            Reason(
                BONUS_CITATION,
                f"加分：{detail_zh}，合计 {bonus_uncapped}{cap_zh}。",
                f"Bonus: {detail_en} = {bonus_uncapped}{cap_en}.",
            )
        )
    if count:
        if count == 1:
            how_zh, how_en = "扣减一次", "one deduction"
        elif policy.incidents is IncidentPolicy.ONCE:
            how_zh, how_en = (
                "多起事件只扣一次（R4 默认）",
                "one deduction however many (R4 default)",
            )
        else:
            how_zh, how_en = "每起事件扣 5 分（R4 备选）", "5 per incident (R4 alternative)"
        reasons.append(
            Reason(
                DEDUCTION_CITATION,
                f"发生重大质量事件 {count} 起，{how_zh}，减 {deduction} 分。",
                f"{count} major quality incident(s): {how_en}, {deduction} deducted.",
            )
        )
    return tuple(reasons)


def _level_zh(level: HonorLevel) -> str:
    """The level's row name without its lead-in: 国家级质量荣誉, 市级质量荣誉, 区级质量荣誉."""
    return level.zh.replace("辖区内各类组织获得", "").replace("获得", "")


def _total_reasons(
    raw: Decimal, floored: bool, base: Decimal, bonus: Decimal, deduction: Decimal, total: Decimal
) -> tuple[Reason, ...]:
    """The floor (R5) if it applied, and the total (table B.1)."""
    reasons = []
    if floored:
        reasons.append(
            Reason(
                DEDUCTION_CITATION,
                f"总分 {raw} 低于 0，按调用方选择计为 0（R5 备选）。",
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
    return tuple(reasons)
