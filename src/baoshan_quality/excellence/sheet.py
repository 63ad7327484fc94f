"""One reviewer's score sheet: ratings → item scores, category subtotals, total.

Measures Art. 17 makes GB/T 19580 the award's evaluation standard; the review
panel (评审专家组, Art. 11) applies it in the document review, the site review
and the comprehensive evaluation (Art. 18(4)–(6)).  Each reviewer rates every
item of the score table as a percentage on the 5 % grid; an item scores its
points × its rating, exactly (GB/Z 19579-2012 附录A, 附录C).  A missing item is an
error unless ``allow_missing=True``, and then the result says it is partial.

>>> sheet = ScoreSheet("张评审", "示例公司", {c: 50 for c in GBT_19580_2012.codes})
>>> result = score_sheet(sheet)
>>> result.total, result.maximum, result.complete
(Decimal('500'), Decimal('1000'), True)
>>> result.item("4.4.3").score
Decimal('7.5')
>>> result.category("4.7").score
Decimal('200')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from baoshan_quality._validation import frozen_mapping, is_name
from baoshan_quality.citations import Reason
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.excellence._common import ReportMixin
from baoshan_quality.excellence.bands import ScoringBand, check_rating, scoring_band
from baoshan_quality.excellence.scoring import (
    CategorySubtotal,
    check_codes,
    check_flag,
    check_table,
    item_reason,
    lookup,
    score_of,
    subtotals,
    table_reasons,
    total_reasons,
)
from baoshan_quality.excellence.table import GBT_19580_2012, CriteriaTable, ItemKind

__all__ = [
    "RatedItem",
    "ScoreSheet",
    "SheetResult",
    "score_sheet",
]


def _rating(path: str, value: object) -> Decimal:
    return check_rating(value, field=path)


_to_ratings = frozen_mapping("ScoreSheet.ratings", _rating)


def _ratings(value: object) -> Mapping[str, Decimal]:
    return _to_ratings(value)


@attrs.frozen
class ScoreSheet:
    """评分表 — one reviewer's ratings of one applicant, by item code.

    ``ratings`` maps an item code (``"4.1.2"``) to a percentage 0–100 on the 5 %
    grid; each is checked when the sheet is built (the error names the item).

    >>> ScoreSheet("张评审", "示例公司", {"4.1.2": 65}).ratings["4.1.2"]
    Decimal('65')
    >>> ScoreSheet("张评审", "示例公司", {"4.1.2": 67})
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidRatingError: ScoreSheet.ratings['4.1.2']: not on the 5 % grid (0, 5, 10, …, 100), got 67 (GB/Z 19579 附录C)
    """

    reviewer: str = attrs.field(validator=is_name)
    applicant: str = attrs.field(validator=is_name)
    ratings: Mapping[str, Decimal] = attrs.field(converter=_ratings)


@attrs.frozen
class RatedItem:
    """One item of a sheet: its points, rating, band and score (``None`` if not rated).

    >>> r = score_sheet(ScoreSheet("甲", "示例公司", {"4.1.2": 65}), allow_missing=True)
    >>> i = r.item("4.1.2")
    >>> i.points, i.rating, i.band.value, i.score
    (Decimal('50'), Decimal('65'), '50-65', Decimal('32.5'))
    >>> r.item("4.1.3").score is None
    True
    """

    code: str
    category: str
    name_zh: str
    name_en: str
    kind: ItemKind
    points: Decimal
    rating: Decimal | None
    band: ScoringBand | None
    score: Decimal | None
    reasons: tuple[Reason, ...]


@attrs.frozen
class SheetResult(ReportMixin):
    """The scored sheet of one reviewer: items, category subtotals and total.

    >>> r = score_sheet(ScoreSheet("甲", "示例公司", dict.fromkeys(GBT_19580_2012.codes, 40)))
    >>> r.total, r.complete, r.to_records()[0]["score"]
    (Decimal('400'), True, Decimal('20'))
    """

    reviewer: str
    applicant: str
    edition: str
    items: tuple[RatedItem, ...]
    categories: tuple[CategorySubtotal, ...]
    total: Decimal
    maximum: Decimal
    rated_points: Decimal
    complete: bool
    missing: tuple[str, ...]
    reasons: tuple[Reason, ...]

    def item(self, code: object) -> RatedItem:
        """The scored item ``code``."""
        return lookup(self.items, code, "item")

    def category(self, code: object) -> CategorySubtotal:
        """The subtotal of category ``code``."""
        return lookup(self.categories, code, "category")

    def _heading(self) -> str:
        part = "" if self.complete else f" (partial: {len(self.missing)} item(s) not rated)"
        return f"{self.applicant} — reviewer {self.reviewer}: {self.total} / {self.maximum}{part}"

    def _table(self) -> tuple[Sequence[str], Sequence[Sequence[object]]]:
        rows: list[list[object]] = []
        for cat in self.categories:
            rows.append([cat.code, cat.name_zh, cat.points, "", cat.score, ""])
            for i in self.items:
                if i.category == cat.code:
                    band = "—" if i.band is None else i.band.value
                    rating = "—" if i.rating is None else f"{i.rating} %"
                    rows.append([f"  {i.code}", i.name_zh, i.points, rating, _show(i.score), band])
        return ["code", "条款", "points", "rating", "score", "band"], rows

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per item, in table order."""
        return [
            {
                "applicant": self.applicant,
                "reviewer": self.reviewer,
                "category": i.category,
                "code": i.code,
                "name_zh": i.name_zh,
                "name_en": i.name_en,
                "kind": i.kind.value,
                "points": i.points,
                "rating": i.rating,
                "band": None if i.band is None else i.band.value,
                "score": i.score,
            }
            for i in self.items
        ]


def _show(value: object) -> str:
    return "—" if value is None else str(value)


def score_sheet(
    sheet: ScoreSheet, *, table: CriteriaTable = GBT_19580_2012, allow_missing: bool = False
) -> SheetResult:
    """Score one reviewer's sheet against ``table`` (GB/T 19580-2012 by default).

    >>> partial = ScoreSheet("张评审", "示例公司", {"4.1.2": 65, "4.7.2": 40})
    >>> score_sheet(partial)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.MissingCriterionError: ScoreSheet.ratings (reviewer '张评审'): 21 item(s) not rated: ...
    >>> r = score_sheet(partial, allow_missing=True)
    >>> r.total, r.rated_points, r.complete
    (Decimal('64.5'), Decimal('130'), False)
    """
    if not isinstance(sheet, ScoreSheet):
        raise InvalidInputError.about("sheet", sheet, "expected a ScoreSheet")
    table = check_table(table)
    allow_missing = check_flag("allow_missing", allow_missing)
    check_codes(
        sheet.ratings, table, who=f"reviewer {sheet.reviewer!r}", allow_missing=allow_missing
    )
    items: list[RatedItem] = []
    scores: dict[str, Decimal | None] = {}
    for cat in table.categories:
        for item in cat.items:
            rating = sheet.ratings.get(item.code)
            score = None if rating is None else score_of(item.points, rating)
            scores[item.code] = score
            items.append(
                RatedItem(
                    code=item.code,
                    category=cat.code,
                    name_zh=item.name_zh,
                    name_en=item.name_en,
                    kind=item.kind,
                    points=item.points,
                    rating=rating,
                    band=None if rating is None else scoring_band(rating),
                    score=score,
                    reasons=(
                        item_reason(
                            item.code, item.name_zh, item.name_en, item.points, rating, item.clause
                        ),
                    ),
                )
            )
    cats, total, rated, missing = subtotals(table, scores)
    return SheetResult(
        reviewer=sheet.reviewer,
        applicant=sheet.applicant,
        edition=table.edition,
        items=tuple(items),
        categories=cats,
        total=total,
        maximum=table.total,
        rated_points=rated,
        complete=not missing,
        missing=missing,
        reasons=table_reasons(table) + total_reasons(table, total, rated, missing),
    )
