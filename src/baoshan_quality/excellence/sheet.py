"""One reviewer's score sheet: ratings → item scores, category subtotals, total.

Measures Art. 17 makes GB/T 19580 the award's evaluation standard; the review
panel (评审专家组, Art. 11) applies it in the document review, the site review
and the comprehensive evaluation (Art. 18(4)–(6)).  Each reviewer rates every
item of the score table as a percentage on the 5 % grid; an item scores its
points × its rating, exactly (GB/Z 19579-2012 附录A, 附录C).  A missing item is an
error unless ``allow_missing=True``, and then the result says it is partial.

>>> from baoshan_quality.excellence.table import GBT_19580_2012
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

from collections.abc import Mapping
from decimal import Decimal

import attrs

from baoshan_quality._decimals import DecimalInput
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import frozen_mapping, is_name, to_name
from baoshan_quality.citations import Reason
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.excellence._common import notes
from baoshan_quality.excellence.bands import ScoringBand, read_rating, scoring_band
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
    with_subtotals,
)
from baoshan_quality.excellence.table import CriteriaTable, ItemKind

__all__ = [
    "RatedItem",
    "ScoreSheet",
    "SheetResult",
    "score_sheet",
]


def _rating(path: str, value: object) -> Decimal:
    return read_rating(value, field=path)


_to_ratings = frozen_mapping("ScoreSheet.ratings", _rating)


def _ratings(value: Mapping[str, DecimalInput]) -> Mapping[str, Decimal]:
    return _to_ratings(value)


@attrs.frozen
class ScoreSheet:
    """评分表 — one reviewer's ratings of one applicant, by item code (Measures Art. 17).

    Attributes
    ----------
    reviewer
        The reviewer's name (a member of the panel, Art. 11).
    applicant
        The applicant's name.
    ratings
        Item code (``"4.1.2"``) → a percentage 0–100 on the 5 % grid (附录C), as
        ``Decimal``, ``int``, decimal text or ``float``; each is checked when the
        sheet is built (the error names the item).  Stored read-only, key-sorted.

    Examples
    --------
    >>> ScoreSheet("张评审", "示例公司", {"4.1.2": 65}).ratings["4.1.2"]
    Decimal('65')
    >>> ScoreSheet("张评审", "示例公司", {"4.1.2": 67})
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidRatingError: ScoreSheet.ratings['4.1.2']: not on the 5 % grid (0, 5, 10, …, 100), got 67 (GB/Z 19579 附录C)
    """

    reviewer: str = attrs.field(converter=to_name, validator=is_name)
    applicant: str = attrs.field(converter=to_name, validator=is_name)
    ratings: Mapping[str, Decimal] = attrs.field(converter=_ratings)


@attrs.frozen
class RatedItem:
    """One item of a sheet: its points, rating, band and score (``None`` if not rated).

    ``score`` is ``points × rating ÷ 100``, exact (GB/Z 19579-2012 附录A, 附录C);
    ``reasons`` holds the one sentence that shows the product, citing the item's clause.

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
class SheetResult(Tabular):
    """The scored sheet of one reviewer: items, category subtotals and total.

    Attributes
    ----------
    items, categories
        Each item (:class:`RatedItem`) and each category's subtotal, in table order.
    total, maximum
        The sum of the item scores, and the table's total points.
    rated_points, complete, missing
        The points of the rated items; whether every item was rated; the unrated
        codes (a partial sheet, ``allow_missing=True``).
    reasons
        Measures Art. 17, the score table, how an item is scored, and the total.

    Printed, it lists each item (code, name, points, rating, band, score), then
    the reasons with each category's subtotal; ``to_records()`` gives one row per
    item.

    Examples
    --------
    >>> from baoshan_quality.excellence.table import GBT_19580_2012
    >>> r = score_sheet(ScoreSheet("甲", "示例公司", dict.fromkeys(GBT_19580_2012.codes, 40)))
    >>> r.total, r.complete, r.to_records()[0]["score"]
    (Decimal('400'), True, Decimal('20'))
    >>> print(r.to_text("en").splitlines()[0])
    示例公司 — reviewer 甲: 400 / 1000
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

    def item(self, code: str) -> RatedItem:
        """The scored item ``code`` (``UnknownCriterionError`` if there is none).

        >>> r = score_sheet(ScoreSheet("甲", "X", {"4.1.2": 65}), allow_missing=True)
        >>> r.item("4.1.2").score
        Decimal('32.5')
        """
        return lookup(self.items, code, "item")

    def category(self, code: str) -> CategorySubtotal:
        """The subtotal of category ``code`` (``UnknownCriterionError`` if there is none).

        >>> r = score_sheet(ScoreSheet("甲", "X", {"4.1.2": 65}), allow_missing=True)
        >>> r.category("4.1").score
        Decimal('32.5')
        """
        return lookup(self.categories, code, "category")

    def _table(self) -> Table:
        count = len(self.missing)
        part_zh = "" if self.complete else f"（部分评分：{count} 个条款未评分）"
        part_en = "" if self.complete else f" (partial: {count} item(s) not rated)"
        caption = Text(
            f"{self.applicant} — 评审员 {self.reviewer}：{self.total} / {self.maximum} 分{part_zh}",
            f"{self.applicant} — reviewer {self.reviewer}: {self.total} / {self.maximum}{part_en}",
        )
        rows = [
            (
                self.applicant,
                self.reviewer,
                i.category,
                i.code,
                Text(i.name_zh, i.name_en),
                i.name_zh,
                i.name_en,
                i.kind.value,
                i.points,
                i.rating,
                None if i.band is None else i.band.value,
                i.score,
            )
            for i in self.items
        ]
        reasons = with_subtotals(self.reasons, self.categories, self.complete)
        return Table(columns=_COLUMNS, rows=rows, caption=caption, notes=notes(reasons))


# One record per item, in table order.
_COLUMNS = (
    Column("applicant", "申报单位", "applicant", shown=False),
    Column("reviewer", "评审员", "reviewer", shown=False),
    Column("category", "类目", "category", shown=False),
    Column("code", "条款", "item"),
    Column("name", "名称", "name"),
    Column("name_zh", "中文名称", "Chinese name", shown=False),
    Column("name_en", "英文名称", "English name", shown=False),
    Column("kind", "类型", "kind", shown=False),
    Column("points", "分值", "points"),
    Column("rating", "评分 %", "rating %"),
    Column("band", "得分区间 %", "band %"),
    Column("score", "得分", "score"),
)


def score_sheet(
    sheet: ScoreSheet, *, table: CriteriaTable | None = None, allow_missing: bool = False
) -> SheetResult:
    """Score one reviewer's sheet: points × rating per item, exact (Measures Art. 17; 附录A, 附录C).

    Parameters
    ----------
    sheet
        One reviewer's ratings of one applicant.
    table
        The score table; ``None`` (default) means GB/T 19580-2012
        (:data:`~baoshan_quality.excellence.table.GBT_19580_2012`).
    allow_missing
        Score a partial sheet: the result is marked partial and its total covers
        only the rated items (reading E8).  By default a missing item is an error.

    Returns
    -------
    SheetResult
        Each item's rating, band and score, the category subtotals, the total and
        the reasons.

    Raises
    ------
    MissingCriterionError
        When an item of the table is not rated and ``allow_missing`` is false.
    UnknownCriterionError
        When the sheet rates an item the table does not have.
    InvalidInputError
        When ``sheet``, ``table`` or ``allow_missing`` has the wrong type.

    Examples
    --------
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
