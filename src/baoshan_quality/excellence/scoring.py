"""What a sheet and a consensus share: item scores, category subtotals, reasons, checks.

An item scores its points × its rating ÷ 100, exactly (GB/Z 19579-2012 附录A,
附录C); a category's subtotal is the sum of its rated items; a total is the sum of
the subtotals.  The reasons cite Measures Art. 17 (the standard the award names),
the score table and the scoring guide.

>>> score_of(Decimal(80), Decimal(45))
Decimal('36')
>>> print(STANDARD_REASON)
[Measures Art. 17] 区政府质量奖评审标准主要采用 GB/T 19580《卓越绩效评价准则》。 / The award's evaluation standard is mainly GB/T 19580, Criteria for performance excellence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Protocol, TypeVar

import attrs

from baoshan_quality._decimals import exact
from baoshan_quality.citations import Citation, Reason, measures
from baoshan_quality.errors import (
    InvalidInputError,
    MissingCriterionError,
    UnknownCriterionError,
)
from baoshan_quality.excellence._common import plain
from baoshan_quality.excellence.bands import band_at_or_below
from baoshan_quality.excellence.table import GBT_19580_2012, SCORING_GUIDE_CITATION, CriteriaTable

__all__ = ["STANDARD_REASON", "CategorySubtotal"]


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


_Row = TypeVar("_Row", bound=_Coded)


@attrs.frozen
class CategorySubtotal:
    """A category's subtotal: the sum of its rated items' scores.

    Attributes
    ----------
    points
        The category's points in the table.
    score
        The sum of its rated items' scores.
    rated_points
        The points of its rated items (``points`` when every item is rated).
    missing
        The codes of its items nobody rated (a partial sheet or consensus).

    Examples
    --------
    >>> from baoshan_quality.excellence.sheet import ScoreSheet, score_sheet
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


def lookup(rows: Sequence[_Row], code: str, what: str) -> _Row:
    """The row numbered ``code`` of a result (``what``: "item" or "category")."""
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
    band = band_at_or_below(rating)
    return Reason(
        clause,
        f"{code} {name_zh}：{points} 分 × {rating}% = {score} 分（{band.label_zh}）。",
        f"{code} {name_en}: {points} points × {rating} % = {score} points (band {band.label}).",
    )


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


def check_table(table: CriteriaTable | None) -> CriteriaTable:
    """``table`` if it is a :class:`CriteriaTable` (``None``: GB/T 19580-2012), else an error."""
    if table is None:
        return GBT_19580_2012
    if not isinstance(table, CriteriaTable):
        raise InvalidInputError.about("table", table, "expected a CriteriaTable")
    return table


def check_flag(name: str, value: bool) -> bool:
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
    """The total and, if partial, what it leaves out (the last one or two reasons)."""
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


def with_subtotals(
    reasons: Sequence[Reason], categories: Sequence[CategorySubtotal], complete: bool
) -> tuple[Reason, ...]:
    """A result's reasons with each category's subtotal before the total's reasons."""
    split = len(reasons) - (1 if complete else 2)
    subtotal_reasons = [reason for cat in categories for reason in cat.reasons]
    return (*reasons[:split], *subtotal_reasons, *reasons[split:])
