"""Guide §6 and §7: who evaluates, the four steps, and one unit's record for a year.

* §6 — 由区质量工作领导小组组织实施评价工作: the district quality work leading
  group (:data:`EVALUATOR`) organises the evaluation.
* §7 a)–d) (:data:`EVALUATION_STEPS`) — a) the leading group assesses each unit
  on Appendix B; b) each unit self-assesses on Appendix C and submits its
  materials; c) experts review the materials, on site where needed (可);
  d) the result is formed and fed back to each unit.
* :class:`UnitYearRecord` ties a unit's year together — self-assessment
  submitted, official score card, §8 place (tier, 优秀) and feedback — and
  :class:`YearEvaluation` holds a whole year for all units; :func:`unit_history` lines a
  unit's years up for comparison.

A step without evidence in the record is *not recorded*, never "not done".

>>> [s.step.value for s in EVALUATION_STEPS]
['a', 'b', 'c', 'd']
>>> EVALUATOR.zh
'区质量工作领导小组'
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_instance,
    is_int,
    is_name,
    is_optional,
    is_text,
    is_tuple_of,
    to_name,
)
from baoshan_quality.citations import Citation, Reason, guide
from baoshan_quality.errors import DuplicateUnitError, InvalidInputError, UnknownUnitError
from baoshan_quality.guide.comparison import SelfOfficialComparison, compare_with_official
from baoshan_quality.guide.ranking import RankedUnit, Ranking, rank_units
from baoshan_quality.guide.scoring import FIRST_YEAR, ScoreCard
from baoshan_quality.guide.self_assessment import SelfAssessment
from baoshan_quality.guide.tiering import Tier, TieringPolicy

T = TypeVar("T")

__all__ = [
    "EVALUATION_STEPS",
    "EVALUATOR",
    "EvaluationFeedback",
    "EvaluationStep",
    "EvaluationStepRecord",
    "EvaluationStepStatus",
    "Evaluator",
    "StepLetter",
    "UnitYearRecord",
    "YearEvaluation",
    "evaluate_year",
    "unit_history",
]


@attrs.frozen
class Evaluator:
    """The body that evaluates (评价主体, Guide §6): its names and clause (:data:`EVALUATOR`)."""

    zh: str
    en: str
    citation: Citation


#: §6 由区质量工作领导小组组织实施评价工作.
EVALUATOR = Evaluator("区质量工作领导小组", "the district quality work leading group", guide("§6"))


class StepLetter(enum.Enum):
    """The steps of Guide §7, by their letters a)–d)."""

    #: a) the leading group assesses each unit on Appendix B.
    ASSESSMENT = "a"
    #: b) the unit self-assesses on Appendix C and submits its report materials.
    SELF_ASSESSMENT = "b"
    #: c) experts review the materials, on site where needed.
    REVIEW = "c"
    #: d) the result is formed and fed back to the unit.
    FEEDBACK = "d"


@attrs.frozen
class EvaluationStep:
    """One step of Guide §7: who does what, on which basis (:data:`EVALUATION_STEPS`).

    Attributes
    ----------
    step
        Its letter, a)–d).
    actor_zh, actor_en
        Who, as printed and in English.
    action_zh, action_en
        Does what, as printed and in English.
    basis
        The appendix or clause the step works from, if any.
    citation
        The step's clause (``Guide §7 a)``).
    """

    step: StepLetter
    actor_zh: str
    actor_en: str
    action_zh: str
    action_en: str
    basis: Citation | None
    citation: Citation


#: §7 a)–d) as printed.
EVALUATION_STEPS: tuple[EvaluationStep, ...] = (
    EvaluationStep(
        StepLetter.ASSESSMENT,
        "区质量工作领导小组",
        "the district quality work leading group",
        "根据附录 B 的内容，对各街道、镇、园区的质量工作进行考核",
        "assesses the quality work of each street, town and park on Appendix B",
        guide("Appendix B"),
        guide("§7 a)"),
    ),
    EvaluationStep(
        StepLetter.SELF_ASSESSMENT,
        "各街道、镇、园区",
        "each street, town and park",
        "根据附录 C 自评表，开展自评并提交汇报材料",
        "self-assesses on the Appendix C table and submits its report materials",
        guide("Appendix C"),
        guide("§7 b)"),
    ),
    EvaluationStep(
        StepLetter.REVIEW,
        "区质量工作领导小组组织相关专家",
        "experts organised by the district quality work leading group",
        "根据材料开展评审，可根据需要在街道、镇、园区等基层政府单位现场开展评审",
        "review the materials, and may review on site at the unit where needed",
        None,
        guide("§7 c)"),
    ),
    EvaluationStep(
        StepLetter.FEEDBACK,
        "区质量工作领导小组",
        "the district quality work leading group",
        "形成评价结果并反馈至各街道、镇、园区",
        "forms the evaluation result and feeds it back to each street, town and park",
        guide("§8"),
        guide("§7 d)"),
    ),
)


class EvaluationStepStatus(enum.Enum):
    """Whether a unit's record holds the evidence of a step of Guide §7."""

    RECORDED = "recorded"
    #: No evidence in the record (unknown — not "not done").
    NOT_RECORDED = "not-recorded"


@attrs.frozen
class EvaluationStepRecord:
    """One step of Guide §7 as a unit's record shows it, with the reason."""

    step: StepLetter
    status: EvaluationStepStatus
    reason: Reason


@attrs.frozen
class EvaluationFeedback:
    """The result fed back to the unit, Guide §7 d): when and what.

    Attributes
    ----------
    given_on
        The date it was given, when known.
    text
        What was fed back (free text).
    """

    given_on: datetime.date | None = attrs.field(default=None, validator=is_optional(is_date))
    text: str = attrs.field(default="", validator=is_text)


def _check_record(record: UnitYearRecord) -> None:
    sa, card, ranked = record.self_assessment, record.score_card, record.ranked
    for name, other_unit, other_year in (
        ("self_assessment", sa.unit if sa else None, sa.year if sa else None),
        ("score_card", card.unit if card else None, card.year if card else None),
    ):
        if other_unit is not None and other_unit != record.unit:
            raise InvalidInputError.about(
                f"UnitYearRecord.{name}.unit", other_unit, f"the record is of {record.unit}"
            )
        if other_year is not None and other_year != record.year:
            raise InvalidInputError.about(
                f"UnitYearRecord.{name}.year", other_year, f"the record is of {record.year}"
            )
    if ranked is not None and ranked.unit != record.unit:
        raise InvalidInputError.about(
            "UnitYearRecord.ranked.unit", ranked.unit, f"the record is of {record.unit}"
        )
    if ranked is not None and card is not None and ranked.total != card.total:
        raise InvalidInputError.about(
            "UnitYearRecord.ranked.total",
            ranked.total,
            f"the score card's total is {card.total}",
            guide("§8.2"),
        )


@attrs.frozen
class UnitYearRecord(Tabular):
    """One unit's evaluation for one year (Guide §7, §8): every part optional until known.

    The parts must agree: the self-assessment and the score card are of the
    record's unit and year, and the place in the ranking is the unit's, at the
    card's total.  Printed, one row; the notes say what the record holds of
    each step of §7.

    Attributes
    ----------
    unit, year
        The unit and the year evaluated (from 2022).
    self_assessment
        §7 b): the self-assessment the unit submitted.
    score_card
        §7 a), c): the official Appendix B score card.
    ranked
        §8: the unit's place in the year's ranking.
    feedback
        §7 d): the feedback.
    site_review
        §7 c): whether experts reviewed on site (可: a permission, not a step of its own).

    Examples
    --------
    >>> r = UnitYearRecord("罗店镇", 2024)
    >>> [s.status.value for s in r.steps]
    ['not-recorded', 'not-recorded', 'not-recorded', 'not-recorded']
    """

    unit: str = attrs.field(converter=to_name, validator=is_name)
    year: int = attrs.field(validator=is_int(FIRST_YEAR, 9999))
    self_assessment: SelfAssessment | None = attrs.field(
        default=None, validator=is_optional(is_instance(SelfAssessment))
    )
    score_card: ScoreCard | None = attrs.field(
        default=None, validator=is_optional(is_instance(ScoreCard))
    )
    ranked: RankedUnit | None = attrs.field(
        default=None, validator=is_optional(is_instance(RankedUnit))
    )
    feedback: EvaluationFeedback | None = attrs.field(
        default=None, validator=is_optional(is_instance(EvaluationFeedback))
    )
    site_review: bool | None = attrs.field(default=None, validator=is_optional(is_bool))

    def __attrs_post_init__(self) -> None:
        _check_record(self)

    @property
    def tier(self) -> Tier | None:
        """§8.2 tier, when ranked."""
        return None if self.ranked is None else self.ranked.tier

    @property
    def excellent(self) -> bool | None:
        """§8.3 优秀, when ranked."""
        return None if self.ranked is None else self.ranked.excellent

    @property
    def comparison(self) -> SelfOfficialComparison | None:
        """The self-assessment beside the score card, when both are known."""
        if self.self_assessment is None or self.score_card is None:
            return None
        return compare_with_official(self.self_assessment, self.score_card)

    @property
    def steps(self) -> tuple[EvaluationStepRecord, ...]:
        """§7 a)–d) with what the record shows of each."""
        has = {
            StepLetter.ASSESSMENT: self.score_card is not None,
            StepLetter.SELF_ASSESSMENT: self.self_assessment is not None,
            StepLetter.REVIEW: self.score_card is not None,
            StepLetter.FEEDBACK: self.ranked is not None and self.feedback is not None,
        }
        evidence = {
            StepLetter.ASSESSMENT: ("附录 B 考核得分卡", "the Appendix B score card"),
            StepLetter.SELF_ASSESSMENT: ("附录 C 自评结果", "the Appendix C self-assessment"),
            StepLetter.REVIEW: ("评审形成的考核得分卡", "the score card the review produced"),
            StepLetter.FEEDBACK: ("档次及反馈", "the tier and the feedback"),
        }
        out = []
        for step in EVALUATION_STEPS:
            zh, en = evidence[step.step]
            ok = has[step.step]
            out.append(
                EvaluationStepRecord(
                    step.step,
                    EvaluationStepStatus.RECORDED if ok else EvaluationStepStatus.NOT_RECORDED,
                    Reason(
                        step.citation,
                        f"记录{'含' if ok else '未含'}{zh}。",
                        f"The record {'holds' if ok else 'does not hold'} {en}.",
                    ),
                )
            )
        return tuple(out)

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.unit} {self.year} 年度评价记录（指南第 7 章）",
                f"{self.unit}: evaluation record of {self.year} (Guide §7)",
            ),
            columns=_RECORD_COLUMNS,
            rows=[_record_row(self)],
            notes=tuple(
                Text(f"[{s.reason.citation}] {s.reason.zh}", f"[{s.reason.citation}] {s.reason.en}")
                for s in self.steps
            ),
        )


#: The columns of a unit's year (:class:`UnitYearRecord`, :class:`YearEvaluation`).
_RECORD_COLUMNS = (
    Column("unit", "单位", "unit"),
    Column("year", "年度", "year", shown=False),
    Column("self_assessed", "自评", "self-assessed"),
    Column("official_base", "考核基础分", "official base"),
    Column("official_total", "考核总分", "official total"),
    Column("rank", "排名", "rank"),
    Column("tier", "档次", "tier"),
    Column("excellent", "优秀", "excellent"),
    Column("feedback_on", "反馈日期", "feedback on"),
    Column("site_review", "现场评审", "site review", shown=False),
)


def _record_row(record: UnitYearRecord) -> tuple[object, ...]:
    sa, card, ranked = record.self_assessment, record.score_card, record.ranked
    return (
        record.unit,
        record.year,
        None if sa is None else sa.total,
        None if card is None else card.base,
        None if card is None else card.total,
        None if ranked is None else ranked.rank,
        None if ranked is None else ranked.tier.value,
        None if ranked is None else ranked.excellent,
        None if record.feedback is None else record.feedback.given_on,
        record.site_review,
    )


def _unique_units(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(UnitYearRecord)(instance, attribute, value)
    assert isinstance(value, tuple)
    seen: set[str] = set()
    for rec in value:
        if rec.unit in seen:
            raise DuplicateUnitError.about(
                "YearEvaluation.records", rec.unit, "a unit appears twice"
            )
        seen.add(rec.unit)
        if rec.year != getattr(instance, "year", rec.year):
            raise InvalidInputError.about(
                f"YearEvaluation.records[{rec.unit!r}].year",
                rec.year,
                "differs from the evaluation's year",
            )


def _records(value: Iterable[UnitYearRecord]) -> tuple[UnitYearRecord, ...]:
    """Converter: the units' records, as a tuple (the validator checks them)."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError.about(
            "YearEvaluation.records", value, "expected a sequence of UnitYearRecord"
        )
    return tuple(value)


@attrs.frozen
class YearEvaluation(Tabular):
    """A whole year's evaluation: every unit's record, in rank order when ranked (Guide §7, §8).

    Printed, one row per unit; ``to_records()`` likewise.

    Attributes
    ----------
    year
        The year evaluated (from 2022).
    records
        One record per unit, each of ``year``.
    ranking
        The year's §8 ranking, when ranked.
    """

    year: int = attrs.field(validator=is_int(FIRST_YEAR, 9999))
    records: tuple[UnitYearRecord, ...] = attrs.field(converter=_records, validator=_unique_units)
    ranking: Ranking | None = attrs.field(default=None, validator=is_optional(is_instance(Ranking)))

    def record(self, unit: str) -> UnitYearRecord:
        """The record of one unit (Guide §7).

        Parameters
        ----------
        unit
            The unit's name (an NFD spelling finds the NFC one).

        Returns
        -------
        UnitYearRecord
            Its record for the year.

        Raises
        ------
        UnknownUnitError
            When the evaluation holds no record of that unit.

        Examples
        --------
        >>> YearEvaluation(2024, [UnitYearRecord("罗店镇", 2024)]).record("罗店镇").year
        2024
        """
        name = to_name(unit)
        for rec in self.records:
            if rec.unit == name:
                return rec
        raise UnknownUnitError.about("unit", unit, f"no record in the {self.year} evaluation")

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.year} 年度评价（指南第 7、8 章）",
                f"Evaluation of {self.year} (Guide §7, §8)",
            ),
            columns=_RECORD_COLUMNS,
            rows=[_record_row(r) for r in self.records],
        )


def _sequence(value: object, field: str, kind: type[T]) -> list[T]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError.about(field, value, f"expected a sequence of {kind.__name__}")
    items = list(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidInputError.about(f"{field}[{index}]", item, f"expected a {kind.__name__}")
    return items


def evaluate_year(
    year: int,
    cards: Iterable[ScoreCard],
    *,
    self_assessments: Iterable[SelfAssessment] = (),
    feedback: Mapping[str, EvaluationFeedback] | None = None,
    policy: TieringPolicy | None = None,
) -> YearEvaluation:
    """Rank a year's score cards (Guide §8) and tie each unit's record together (§7).

    Parameters
    ----------
    year
        The year evaluated; every card must be of it.
    cards
        The official score cards, one per unit (§7 a), c)).
    self_assessments
        The self-assessments submitted (§7 b)), matched to the cards by unit: each
        names its unit, once.
    feedback
        Unit → the feedback given (§7 d)).
    policy
        The ranking's readings (R1, R2); ``None`` means ``TieringPolicy()``.

    Returns
    -------
    YearEvaluation
        The ranking, and every unit's record in rank order.

    Raises
    ------
    InvalidInputError
        When a card is of another year, a self-assessment names no unit, or an
        argument is not what it should be (the ranking's own errors included).
    DuplicateUnitError
        When a unit has two self-assessments.
    UnknownUnitError
        When a self-assessment or feedback is of a unit without a card.

    Examples
    --------
    >>> from baoshan_quality import RUBRIC, Assessment, score
    >>> full = {c.code: c.points for c in RUBRIC.criteria}
    >>> cards = [score(Assessment(n, 2024, full)) for n in ("罗店镇", "大场镇")]
    >>> e = evaluate_year(2024, cards)
    >>> e.record("罗店镇").tier.value, e.record("罗店镇").excellent
    ('A', True)
    """
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= 9999:
        raise InvalidInputError.about(
            "year", year, f"expected a year from {FIRST_YEAR} (the Guide's edition) to 9999"
        )
    card_list = _sequence(cards, "cards", ScoreCard)
    for card in card_list:
        if card.year != year:
            raise InvalidInputError.about(
                f"cards[{card.unit!r}].year", card.year, f"the evaluation is of {year}"
            )
    ranking = rank_units(card_list, policy=policy)
    by_unit: dict[str, SelfAssessment] = {}
    for sa in _sequence(self_assessments, "self_assessments", SelfAssessment):
        if sa.unit is None:
            raise InvalidInputError.about(
                "self_assessments[].unit",
                None,
                "a self-assessment in a year's evaluation names its unit",
            )
        if sa.unit in by_unit:
            raise DuplicateUnitError.about("self_assessments", sa.unit, "a unit appears twice")
        if sa.unit not in ranking:
            raise UnknownUnitError.about("self_assessments", sa.unit, "no score card for it")
        by_unit[sa.unit] = sa
    if feedback is not None and not isinstance(feedback, Mapping):
        raise InvalidInputError.about(
            "feedback", feedback, "expected a mapping unit → EvaluationFeedback"
        )
    fb = {} if feedback is None else dict(feedback)
    for unit, item in fb.items():
        if unit not in ranking:
            raise UnknownUnitError.about("feedback", unit, "no score card for it")
        if not isinstance(item, EvaluationFeedback):
            raise InvalidInputError.about(
                f"feedback[{unit!r}]", item, "expected a EvaluationFeedback"
            )
    cards_by_unit = {c.unit: c for c in card_list}
    records = tuple(
        UnitYearRecord(
            e.unit,
            year,
            self_assessment=by_unit.get(e.unit),
            score_card=cards_by_unit[e.unit],
            ranked=e,
            feedback=fb.get(e.unit),
        )
        for e in ranking.entries
    )
    return YearEvaluation(year, records, ranking)


def unit_history(editions: Iterable[YearEvaluation], unit: str) -> tuple[UnitYearRecord, ...]:
    """A unit's records across the years' evaluations, oldest first (Guide §7).

    Years in which the unit has no record are left out.

    Parameters
    ----------
    editions
        The years' evaluations, one per year, in any order.
    unit
        The unit's name (an NFD spelling finds the NFC one).

    Returns
    -------
    tuple of UnitYearRecord
        Its records, oldest first.

    Raises
    ------
    InvalidInputError
        When two editions are of the same year, or ``editions`` is not a sequence
        of :class:`YearEvaluation`.

    Examples
    --------
    >>> from baoshan_quality import RUBRIC, Assessment, score
    >>> full = {c.code: c.points for c in RUBRIC.criteria}
    >>> e23 = evaluate_year(2023, [score(Assessment("罗店镇", 2023, {**full, "2.1.1": 3}))])
    >>> e24 = evaluate_year(2024, [score(Assessment("罗店镇", 2024, full))])
    >>> [(r.year, r.score_card.total) for r in unit_history([e24, e23], "罗店镇")]
    [(2023, Decimal('97')), (2024, Decimal('100'))]
    """
    found = []
    years: set[int] = set()
    unit = to_name(unit)
    for ed in _sequence(editions, "editions", YearEvaluation):
        if ed.year in years:
            raise InvalidInputError.about("editions", ed.year, "two editions of the same year")
        years.add(ed.year)
        found += [r for r in ed.records if r.unit == unit]
    return tuple(sorted(found, key=lambda r: r.year))
