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
from typing import Protocol, TypeVar

import attrs

from baoshan_quality.citations import Citation, Reason, measures
from baoshan_quality.errors import (
    InvalidInputError,
    MissingCriterionError,
    UnknownCriterionError,
)
from baoshan_quality.excellence._common import ReportMixin, plain
from baoshan_quality.excellence.bands import (
    ScoringBand,
    band_at_or_below,
    check_rating,
    scoring_band,
)
from baoshan_quality.excellence.table import (
    GBT_19580_2012,
    SCORING_GUIDE_CITATION,
    CriteriaTable,
    ItemKind,
)
from baoshan_quality.numbers import exact
from baoshan_quality.validation import frozen_mapping, is_name

__all__ = [
    "CategorySubtotal",
    "RatedItem",
    "ScoreSheet",
    "SheetResult",
    "score_sheet",
]


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


_Row = TypeVar("_Row", bound=_Coded)


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
class CategorySubtotal:
    """A category's subtotal: the sum of its rated items' scores.

    >>> r = score_sheet(ScoreSheet("甲", "示例公司", {"4.1.2": 65}), allow_missing=True)
    >>> c = r.category("4.1")
    >>> c.score, c.rated_points, c.points, c.missing
    (Decimal('32.5'), Decimal('50'), Decimal('110'), ('4.1.3', '4.1.4'))
    """

    code: str
    name_zh: str
    name_en: str
    points: Decimal
    score: Decimal
    rated_points: Decimal
    missing: tuple[str, ...]
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


def lookup(rows: Sequence[_Row], code: object, what: str) -> _Row:
    if not isinstance(code, str):
        raise InvalidInputError.about(what, code, "expected a code string such as '4.1.2'")
    for row in rows:
        if row.code == code:
            return row
    raise UnknownCriterionError.about(what, code, f"no such {what} in this result")


#: Measures Art. 17: the award's evaluation standard is GB/T 19580.
STANDARD_REASON = Reason(
    measures("Art. 17"),
    "区政府质量奖评审标准主要采用 GB/T 19580《卓越绩效评价准则》。",
    "The award's evaluation standard is mainly GB/T 19580, Criteria for performance excellence.",
)


def score_of(points: Decimal, rating: Decimal) -> Decimal:
    """An item's score: points × rating ÷ 100, exact (附录A, 附录C).

    >>> score_of(Decimal(15), Decimal(65))
    Decimal('9.75')
    """
    with exact():
        return plain(points * rating / 100)


def item_reason(
    code: str,
    name_zh: str,
    name_en: str,
    points: Decimal,
    rating: Decimal | None,
    clause: Citation,
) -> Reason:
    """The sentence that explains one item's score (cites the item's clause)."""
    if rating is None:
        return Reason(
            clause,
            f"{code} {name_zh}（{points} 分）未评分。",
            f"{code} {name_en} ({points} points) was not rated.",
        )
    score = score_of(points, rating)
    label = band_label(rating)
    return Reason(
        clause,
        f"{code} {name_zh}：{points} 分 × {rating}% = {score} 分（{label}）。",
        f"{code} {name_en}: {points} points × {rating} % = {score} points (band {label}).",
    )


def band_label(rating: Decimal) -> str:
    """The band label of a rating (on or off the grid)."""
    return band_at_or_below(rating).label


def subtotals(
    table: CriteriaTable, scores: Mapping[str, Decimal | None]
) -> tuple[tuple[CategorySubtotal, ...], Decimal, Decimal, tuple[str, ...]]:
    """Category subtotals, total, rated points and missing codes for item scores."""
    cats: list[CategorySubtotal] = []
    missing_all: list[str] = []
    with exact():
        total = Decimal(0)
        rated_all = Decimal(0)
        for cat in table.categories:
            score = Decimal(0)
            rated = Decimal(0)
            missing: list[str] = []
            for item in cat.items:
                value = scores.get(item.code)
                if value is None:
                    missing.append(item.code)
                else:
                    score += value
                    rated += item.points
            score, rated = plain(score), plain(rated)
            note_zh = f"；未评分：{'、'.join(missing)}" if missing else ""
            note_en = f"; not rated: {', '.join(missing)}" if missing else ""
            cats.append(
                CategorySubtotal(
                    code=cat.code,
                    name_zh=cat.name_zh,
                    name_en=cat.name_en,
                    points=cat.points,
                    score=score,
                    rated_points=rated,
                    missing=tuple(missing),
                    reasons=(
                        Reason(
                            cat.clause,
                            f"{cat.code} {cat.name_zh}：小计 {score} / {cat.points} 分{note_zh}。",
                            f"{cat.code} {cat.name_en}: subtotal {score} / {cat.points} "
                            f"points{note_en}.",
                        ),
                    ),
                )
            )
            total += score
            rated_all += rated
            missing_all += missing
    return tuple(cats), plain(total), plain(rated_all), tuple(missing_all)


def check_codes(
    ratings: Mapping[str, object], table: CriteriaTable, *, who: str, allow_missing: bool
) -> None:
    """Refuse codes the table does not have and, unless allowed, missing items."""
    codes = set(table.codes)
    for code in ratings:
        if code not in codes:
            raise UnknownCriterionError.about(
                f"ScoreSheet.ratings ({who})",
                code,
                f"no such item in {table.edition}",
                table.source,
            )
    if not allow_missing:
        missing = [c for c in table.codes if c not in ratings]
        if missing:
            raise MissingCriterionError(
                f"ScoreSheet.ratings ({who}): {len(missing)} item(s) not rated: "
                f"{', '.join(missing)}; pass allow_missing=True to score a partial sheet "
                f"({table.source})",
                field="ScoreSheet.ratings",
                value=tuple(missing),
                citation=table.source,
            )


def check_table(table: object) -> CriteriaTable:
    """``table`` if it is a :class:`CriteriaTable`, else an error."""
    if not isinstance(table, CriteriaTable):
        raise InvalidInputError.about("table", table, "expected a CriteriaTable")
    return table


def check_flag(name: str, value: object) -> bool:
    """``value`` if it is exactly True or False, else an error."""
    if not isinstance(value, bool):
        raise InvalidInputError.about(name, value, "expected True or False")
    return value


def table_reasons(table: CriteriaTable) -> tuple[Reason, ...]:
    """Where the standard and the table come from, and how an item is scored."""
    return (
        STANDARD_REASON,
        Reason(
            table.source,
            f"分值表：{table.edition}，{len(table.items)} 个评分条款，满分 {table.total} 分。",
            f"Score table: {table.edition}, {len(table.items)} items, {table.total} points.",
        ),
        Reason(
            SCORING_GUIDE_CITATION,
            "评分为条款分值的百分比，以 5% 为一档；条款得分 = 分值 × 评分，精确计算，不舍入。",
            "A rating is a percentage of the item's points in 5 % steps; the item scores "
            "points × rating, exactly, without rounding.",
        ),
    )


def total_reasons(
    table: CriteriaTable, total: Decimal, rated: Decimal, missing: Sequence[str]
) -> tuple[Reason, ...]:
    """The total and, if partial, what it leaves out."""
    reasons = [
        Reason(
            table.source,
            f"总分 {total} / {table.total} 分。",
            f"Total {total} / {table.total} points.",
        )
    ]
    if missing:
        reasons.append(
            Reason(
                table.source,
                f"部分评分：{'、'.join(missing)} 未评分；总分只含已评分条款（共 {rated} 分），"
                "未评分条款不计为零分。",
                f"Partial: {', '.join(missing)} not rated; the total covers only the rated "
                f"items ({rated} points) and does not count the others as zero.",
            )
        )
    return tuple(reasons)


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
