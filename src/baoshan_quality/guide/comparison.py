"""Guide Appendices B and C: a unit's self-assessment beside the district's score card.

:func:`compare_with_official` sets each secondary indicator's self-assessed
score (Appendix C, :func:`~baoshan_quality.guide.self_assessment.self_assess`)
beside the points the district awarded for the same sub-item (Appendix B,
:class:`~baoshan_quality.guide.scoring.ScoreCard`), largest gap first.

>>> from baoshan_quality import RUBRIC, Assessment, score
>>> from baoshan_quality.guide.self_assessment import SelfAssessmentPolicy, self_assess
>>> mine = self_assess([], unit="罗店镇", year=2024, policy=SelfAssessmentPolicy(allow_missing=True))
>>> card = score(Assessment("罗店镇", 2024, {c.code: c.points for c in RUBRIC.criteria}))
>>> c = compare_with_official(mine, card)  # nothing claimed, full marks awarded
>>> c.claimed_total, c.official_base
(Decimal('0.00'), Decimal('100'))
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from baoshan_quality._decimals import exact
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality.citations import Reason, guide
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.guide.maturity import MATURITY
from baoshan_quality.guide.scoring import ScoreCard
from baoshan_quality.guide.self_assessment import SelfAssessment

__all__ = ["SelfOfficialComparison", "SelfOfficialRow", "compare_with_official"]

_B_AND_C = guide("Appendix B, Appendix C")


@attrs.frozen
class SelfOfficialRow:
    """One indicator: points claimed in the self-assessment and awarded by the district.

    Guide Appendices B and C: the Appendix B sub-item is the Appendix C secondary
    indicator of the same code.

    Attributes
    ----------
    indicator, zh, en
        The indicator's code and names.
    maximum
        Its points.
    claimed
        The self-assessed score (Appendix C).
    awarded
        The points the district awarded for the sub-item (Appendix B).
    difference
        ``claimed − awarded`` (positive: the unit rated itself higher).
    """

    indicator: str
    zh: str
    en: str
    maximum: Decimal
    claimed: Decimal
    awarded: Decimal
    difference: Decimal


@attrs.frozen
class SelfOfficialComparison(Tabular):
    """A self-assessment beside the district's score card, largest gap first (Guide App. B, C).

    Printed, one row per indicator; ``to_records()`` likewise.

    Attributes
    ----------
    unit, year
        The unit and year (the score card's).
    rows
        One per indicator, sorted by the size of the gap, largest first, then in
        table order.
    claimed_total
        The self-assessment's total.
    official_base, official_bonus, official_deduction, official_total
        The score card's base, bonus, deduction and total.
    reasons
        Why, with the clauses.
    """

    unit: str
    year: int
    rows: tuple[SelfOfficialRow, ...]
    claimed_total: Decimal
    official_base: Decimal
    official_bonus: Decimal
    official_deduction: Decimal
    official_total: Decimal
    reasons: tuple[Reason, ...]

    def _table(self) -> Table:
        gap = _signed(self.claimed_total - self.official_base)
        return Table(
            caption=Text(
                f"{self.unit} {self.year} 年度自评与考核对照：自评 {self.claimed_total}，"
                f"考核基础分 {self.official_base}，差 {gap}（考核总分 {self.official_total}）",
                f"{self.unit} {self.year}, self-assessment against the official score: "
                f"self {self.claimed_total}, official base {self.official_base}, gap {gap} "
                f"(official total {self.official_total})",
            ),
            columns=_COLUMNS,
            rows=[
                (
                    self.unit,
                    self.year,
                    r.indicator,
                    Text(r.zh, r.en),
                    r.maximum,
                    r.claimed,
                    r.awarded,
                    r.difference,
                )
                for r in self.rows
            ],
            notes=tuple(
                Text(f"[{r.citation}] {r.zh}", f"[{r.citation}] {r.en}") for r in self.reasons
            ),
        )


#: The columns of :class:`SelfOfficialComparison`'s table, one row per indicator.
_COLUMNS = (
    Column("unit", "单位", "unit", shown=False),
    Column("year", "年度", "year", shown=False),
    Column("indicator", "二级指标", "indicator"),
    Column("name", "名称", "name"),
    Column("maximum", "分值", "maximum"),
    Column("claimed", "自评", "self"),
    Column("awarded", "考核", "official"),
    Column("difference", "差", "gap"),
)


def _signed(value: Decimal) -> str:
    return f"+{value}" if value > 0 else str(value)


def compare_with_official(assessment: SelfAssessment, card: ScoreCard) -> SelfOfficialComparison:
    """Compare a self-assessment with the official score card (Guide Appendices B and C).

    Indicator by indicator: an Appendix B sub-item is the Appendix C secondary
    indicator of the same code.  The bonus and the deduction have no counterpart in
    table C.1: the totals set the self-assessment beside the official *base*, and
    report the bonus, deduction and total apart.

    Parameters
    ----------
    assessment
        The unit's self-assessment (:func:`~baoshan_quality.guide.self_assessment.self_assess`);
        its unit and year, when given, must be the card's.
    card
        The district's score card (:func:`~baoshan_quality.guide.scoring.score`).

    Returns
    -------
    SelfOfficialComparison
        One row per indicator, largest gap first, then in table order.

    Raises
    ------
    InvalidInputError
        When the self-assessment is of another unit or year, or an argument is not
        a self-assessment or a score card.

    Examples
    --------
    >>> from baoshan_quality import RUBRIC, Assessment, score
    >>> from baoshan_quality.guide import ItemRating, SelfAssessmentPolicy, SurveyFacts, self_assess
    >>> full = {c.code: c.points for c in RUBRIC.criteria}
    >>> card = score(Assessment("罗店镇", 2024, {**full, "4.3.1": 3}))
    >>> mine = self_assess([ItemRating("4.3-1", survey=SurveyFacts(10, 10))],
    ...                    policy=SelfAssessmentPolicy(allow_missing=True))
    >>> c = compare_with_official(mine, card)
    >>> [(r.indicator, r.claimed, r.awarded, r.difference) for r in c.rows][:2]
    [('5.1', Decimal('0.00'), Decimal('24'), Decimal('-24.00')), ('2.1', Decimal('0.00'), Decimal('10'), Decimal('-10.00'))]
    >>> next(r.difference for r in c.rows if r.indicator == "4.3")  # 5 claimed, 3 awarded
    Decimal('2.00')
    """
    if not isinstance(assessment, SelfAssessment):
        raise InvalidInputError.about("assessment", assessment, "expected a SelfAssessment")
    if not isinstance(card, ScoreCard):
        raise InvalidInputError.about("card", card, "expected a ScoreCard")
    if assessment.unit is not None and assessment.unit != card.unit:
        raise InvalidInputError.about(
            "card.unit", card.unit, f"the self-assessment is of {assessment.unit}", _B_AND_C
        )
    if assessment.year is not None and assessment.year != card.year:
        raise InvalidInputError.about(
            "card.year", card.year, f"the self-assessment is of {assessment.year}", _B_AND_C
        )
    with exact():
        rows = []
        for ind in assessment.indicators:
            awarded = card.subtotal(ind.indicator).awarded
            rows.append(
                SelfOfficialRow(
                    ind.indicator,
                    ind.zh,
                    ind.en,
                    ind.points,
                    ind.score,
                    awarded,
                    ind.score - awarded,
                )
            )
        order = [i.code for i in MATURITY.indicators]
        rows.sort(key=lambda r: (-abs(r.difference), order.index(r.indicator)))
        gap = assessment.total - card.base
    reasons = (
        Reason(
            _B_AND_C,
            "附录 B 的考核分项即附录 C 的二级指标，逐项比较自评得分与考核得分。",
            "Appendix B's sub-items are Appendix C's secondary indicators; each is compared.",
        ),
        Reason(
            _B_AND_C,
            f"自评总分 {assessment.total}，考核基础分 {card.base}，差 {_signed(gap)}；"
            f"加分 {card.bonus}、减分 {card.deduction} 不在自评表中。",
            f"Self-assessed {assessment.total}, official base {card.base}, gap {_signed(gap)}; "
            f"the bonus {card.bonus} and deduction {card.deduction} have no self-assessment "
            "counterpart.",
        ),
    )
    return SelfOfficialComparison(
        card.unit,
        card.year,
        tuple(rows),
        assessment.total,
        card.base,
        card.bonus,
        card.deduction,
        card.total,
        reasons,
    )
