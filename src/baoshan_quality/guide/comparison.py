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
from typing import Any

import attrs

from baoshan_quality._decimals import exact
from baoshan_quality._display import html_table, text_table
from baoshan_quality.citations import Reason, guide
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.guide.maturity import MATURITY
from baoshan_quality.guide.scoring import ScoreCard
from baoshan_quality.guide.self_assessment import SelfAssessment

__all__ = ["SelfOfficialComparison", "SelfOfficialRow", "compare_with_official"]

_B_AND_C = guide("Appendix B, Appendix C")


@attrs.frozen
class SelfOfficialRow:
    """One indicator: points claimed in the self-assessment and awarded by the district."""

    indicator: str
    zh: str
    en: str
    maximum: Decimal
    claimed: Decimal
    awarded: Decimal
    #: claimed − awarded (positive: the unit rated itself higher).
    difference: Decimal


@attrs.frozen
class SelfOfficialComparison:
    """A self-assessment beside the district's score card, largest gap first."""

    unit: str
    year: int
    rows: tuple[SelfOfficialRow, ...]
    claimed_total: Decimal
    official_base: Decimal
    official_bonus: Decimal
    official_deduction: Decimal
    official_total: Decimal
    reasons: tuple[Reason, ...]

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per indicator, largest gap first."""
        return [
            {
                "unit": self.unit,
                "year": self.year,
                "indicator": r.indicator,
                "name": r.zh,
                "maximum": r.maximum,
                "claimed": r.claimed,
                "awarded": r.awarded,
                "difference": r.difference,
            }
            for r in self.rows
        ]

    def _rows(self) -> list[list[object]]:
        rows: list[list[object]] = [
            [r.indicator, r.zh, r.maximum, r.claimed, r.awarded, _signed(r.difference)]
            for r in self.rows
        ]
        rows.append(
            [
                "",
                "合计 total",
                Decimal(100),
                self.claimed_total,
                self.official_base,
                _signed(self.claimed_total - self.official_base),
            ]
        )
        return rows

    def __str__(self) -> str:
        head = (
            f"{self.unit} {self.year} — 自评 {self.claimed_total} / 考核基础分 "
            f"{self.official_base} (总分 total {self.official_total})"
        )
        return (
            head
            + "\n"
            + text_table(["ind.", "name", "max", "self", "official", "gap"], self._rows())
        )

    def _repr_html_(self) -> str:
        return html_table(
            ["ind.", "name", "max", "self", "official", "gap"],
            self._rows(),
            caption=f"{self.unit} {self.year}: self-assessment vs official (Guide App. B, C)",
        )


def _signed(value: Decimal) -> str:
    return f"+{value}" if value > 0 else str(value)


def compare_with_official(assessment: SelfAssessment, card: ScoreCard) -> SelfOfficialComparison:
    """Compare a self-assessment with the official score card, indicator by indicator
    (an Appendix B sub-item is the Appendix C secondary indicator of the same code).

    Rows are sorted by the size of the gap, largest first, then in table order.
    The bonus and the deduction have no counterpart in table C.1: the comparison
    totals set the self-assessment beside the official *base*, and report the
    bonus, deduction and total apart.
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
