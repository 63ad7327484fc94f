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

from baoshan_quality._display import html_table, text_table
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_instance,
    is_int,
    is_name,
    is_optional,
    is_text,
    is_tuple_of,
    to_tuple,
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
    """The body that evaluates (评价主体)."""

    zh: str
    en: str
    citation: Citation


#: §6 由区质量工作领导小组组织实施评价工作.
EVALUATOR = Evaluator("区质量工作领导小组", "the district quality work leading group", guide("§6"))


class StepLetter(enum.Enum):
    """The steps of §7, by their letters."""

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
    """One step of §7: who does what, on which basis."""

    step: StepLetter
    actor_zh: str
    actor_en: str
    action_zh: str
    action_en: str
    #: The appendix the step works from, if any.
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
    """Whether a record holds the evidence of a step."""

    RECORDED = "recorded"
    #: No evidence in the record (unknown — not "not done").
    NOT_RECORDED = "not-recorded"


@attrs.frozen
class EvaluationStepRecord:
    """One §7 step as a record shows it."""

    step: StepLetter
    status: EvaluationStepStatus
    reason: Reason


@attrs.frozen
class EvaluationFeedback:
    """§7 d) the result fed back to the unit: when and what."""

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
class UnitYearRecord:
    """One unit's evaluation for one year (§7): every part optional until known.

    >>> r = UnitYearRecord("罗店镇", 2024)
    >>> [s.status.value for s in r.steps]
    ['not-recorded', 'not-recorded', 'not-recorded', 'not-recorded']
    """

    unit: str = attrs.field(validator=is_name)
    year: int = attrs.field(validator=is_int(FIRST_YEAR, 9999))
    #: §7 b) the self-assessment the unit submitted.
    self_assessment: SelfAssessment | None = attrs.field(
        default=None, validator=is_optional(is_instance(SelfAssessment))
    )
    #: §7 a), c) the official Appendix B score card.
    score_card: ScoreCard | None = attrs.field(
        default=None, validator=is_optional(is_instance(ScoreCard))
    )
    #: §8 the unit's place in the year's ranking.
    ranked: RankedUnit | None = attrs.field(
        default=None, validator=is_optional(is_instance(RankedUnit))
    )
    #: §7 d) the feedback.
    feedback: EvaluationFeedback | None = attrs.field(
        default=None, validator=is_optional(is_instance(EvaluationFeedback))
    )
    #: §7 c) whether experts reviewed on site (可: a permission, not a step of its own).
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

    def to_record(self) -> dict[str, Any]:
        """One plain dict for the unit's year."""
        sa, card = self.self_assessment, self.score_card
        return {
            "unit": self.unit,
            "year": self.year,
            "self_assessed": None if sa is None else sa.total,
            "official_base": None if card is None else card.base,
            "official_total": None if card is None else card.total,
            "rank": None if self.ranked is None else self.ranked.rank,
            "tier": None if self.tier is None else self.tier.value,
            "excellent": self.excellent,
            "feedback_on": None if self.feedback is None else self.feedback.given_on,
        }

    def to_records(self) -> list[dict[str, Any]]:
        """The record as a one-row list (for ``pandas.DataFrame``)."""
        return [self.to_record()]

    def _rows(self) -> list[list[object]]:
        rec = self.to_record()
        return [[k, "—" if v is None else v] for k, v in rec.items()]

    def __str__(self) -> str:
        return text_table(["field", "value"], self._rows())

    def _repr_html_(self) -> str:
        return html_table(["field", "value"], self._rows(), caption="Guide §7 record")


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


@attrs.frozen
class YearEvaluation:
    """A whole year's evaluation: every unit's record, in rank order when ranked."""

    year: int = attrs.field(validator=is_int(FIRST_YEAR, 9999))
    records: tuple[UnitYearRecord, ...] = attrs.field(converter=to_tuple, validator=_unique_units)
    ranking: Ranking | None = attrs.field(default=None, validator=is_optional(is_instance(Ranking)))

    def record(self, unit: str) -> UnitYearRecord:
        """The record of one unit."""
        for rec in self.records:
            if rec.unit == unit:
                return rec
        raise UnknownUnitError.about("unit", unit, f"no record in the {self.year} evaluation")

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per unit."""
        return [r.to_record() for r in self.records]

    def _rows(self) -> list[list[object]]:
        return [
            [
                r["rank"] or "—",
                r["unit"],
                r["self_assessed"] if r["self_assessed"] is not None else "—",
                r["official_total"] if r["official_total"] is not None else "—",
                r["tier"] or "—",
                "优秀" if r["excellent"] else "",
            ]
            for r in self.to_records()
        ]

    def __str__(self) -> str:
        return f"{self.year}\n" + text_table(
            ["rank", "unit", "self", "official", "tier", "优秀"], self._rows()
        )

    def _repr_html_(self) -> str:
        return html_table(
            ["rank", "unit", "self", "official", "tier", "优秀"],
            self._rows(),
            caption=f"{self.year} evaluation (Guide §7, §8)",
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
    """Rank a year's score cards (§8) and tie each unit's record together (§7).

    Self-assessments are matched to the cards by unit; each must name its unit.

    >>> from baoshan_quality import RUBRIC, Assessment, score
    >>> full = {c.code: c.points for c in RUBRIC.criteria}
    >>> cards = [score(Assessment(n, 2024, full)) for n in ("罗店镇", "大场镇")]
    >>> e = evaluate_year(2024, cards)
    >>> e.record("罗店镇").tier.value, e.record("罗店镇").excellent
    ('A', True)
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInputError.about("year", year, "expected a year (int)")
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
    """A unit's records across editions, oldest first (years it has no record are left out).

    >>> from baoshan_quality import RUBRIC, Assessment, score
    >>> full = {c.code: c.points for c in RUBRIC.criteria}
    >>> e23 = evaluate_year(2023, [score(Assessment("罗店镇", 2023, {**full, "2.1.1": 3}))])
    >>> e24 = evaluate_year(2024, [score(Assessment("罗店镇", 2024, full))])
    >>> [(r.year, r.score_card.total) for r in unit_history([e24, e23], "罗店镇")]
    [(2023, Decimal('97')), (2024, Decimal('100'))]
    """
    found = []
    years: set[int] = set()
    for ed in _sequence(editions, "editions", YearEvaluation):
        if ed.year in years:
            raise InvalidInputError.about("editions", ed.year, "two editions of the same year")
        years.add(ed.year)
        found += [r for r in ed.records if r.unit == unit]
    return tuple(sorted(found, key=lambda r: r.year))
