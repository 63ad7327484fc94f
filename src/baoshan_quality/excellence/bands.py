"""Rating bands of GB/Z 19579-2012 附录C: a percentage in 5 % steps, in six bands.

A rating is a percentage of the item's points, written as a number from 0 to 100
(``65`` means 65 %).  It must be a multiple of 5 (the 5 % grid) and lie in
[0, 100].  The bands — 0 % or 5 %, 10–25 %, 30–45 %, 50–65 %, 70–85 %, 90–100 %
— each come with a short description for process items and for result items.
**The descriptions are this library's own short paraphrases of the band's idea,
not quotations of the standard** (the standard is not in this project's sources).

>>> scoring_band(65)
<ScoringBand.B50_65: '50-65'>
>>> scoring_band(70).label
'70–85 %'
>>> check_rating("62.5", field="ratings['4.1.2']")
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidRatingError: ratings['4.1.2']: not on the 5 % grid (0, 5, 10, …, 100), got '62.5' (GB/Z 19579 附录C)
>>> check_rating(105, field="ratings['4.7.2']")
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidRatingError: ratings['4.7.2']: above the maximum of 100, got 105 (GB/Z 19579 附录C)
"""

from __future__ import annotations

import enum
import itertools
from decimal import Decimal

import attrs

from baoshan_quality._decimals import DecimalInput, exact, to_decimal
from baoshan_quality.citations import Citation
from baoshan_quality.errors import InvalidRatingError, TableError
from baoshan_quality.excellence._common import plain
from baoshan_quality.excellence.table import SCORING_GUIDE_CITATION, ItemKind

__all__ = [
    "RATING_STEP",
    "SCORING_BANDS",
    "BandDescription",
    "ScoringBand",
    "check_rating",
    "scoring_band",
]

#: Ratings are given in steps of 5 percentage points (附录C).
RATING_STEP: Decimal = Decimal(5)


class ScoringBand(enum.Enum):
    """得分区间 — the six bands of 附录C, lowest first.

    >>> ScoringBand.B30_45.low, ScoringBand.B30_45.high, ScoringBand.B30_45.label
    (Decimal('30'), Decimal('45'), '30–45 %')
    """

    B0_5 = "0-5"
    B10_25 = "10-25"
    B30_45 = "30-45"
    B50_65 = "50-65"
    B70_85 = "70-85"
    B90_100 = "90-100"

    @property
    def description(self) -> BandDescription:
        """The band's row of :data:`SCORING_BANDS`."""
        return next(row for row in SCORING_BANDS if row.band is self)

    @property
    def low(self) -> Decimal:
        """The lowest rating of the band (included)."""
        return self.description.low

    @property
    def high(self) -> Decimal:
        """The highest rating of the band (included)."""
        return self.description.high

    @property
    def label(self) -> str:
        """``'0 % or 5 %'``, ``'10–25 %'`` …"""
        if self is ScoringBand.B0_5:
            return "0 % or 5 %"
        return f"{self.low}–{self.high} %"

    @property
    def label_zh(self) -> str:
        """The label in Chinese sentences: ``'0% 或 5%'``, ``'10–25 %'`` …

        >>> ScoringBand.B0_5.label_zh, ScoringBand.B10_25.label_zh
        ('0% 或 5%', '10–25 %')
        """
        return "0% 或 5%" if self is ScoringBand.B0_5 else self.label

    def text(self, kind: ItemKind) -> tuple[str, str]:
        """The (Chinese, English) paraphrase of the band for an item of ``kind``.

        The library's own short paraphrase, not the standard's words.

        >>> ScoringBand.B90_100.text(ItemKind.RESULT)[0]
        '几乎所有重要方面水平卓越、持续改进，行业领先，成为标杆。'
        """
        row = self.description
        if kind is ItemKind.RESULT:
            return row.result_zh, row.result_en
        return row.process_zh, row.process_en


@attrs.frozen
class BandDescription:
    """One band: its edges and short paraphrases for process and result items.

    >>> row = SCORING_BANDS[0]
    >>> row.band.value, row.low, row.high, str(row.citation)
    ('0-5', Decimal('0'), Decimal('5'), 'GB/Z 19579 附录C')
    """

    band: ScoringBand
    low: Decimal
    high: Decimal
    process_zh: str
    process_en: str
    result_zh: str
    result_en: str
    citation: Citation = SCORING_GUIDE_CITATION


def _row(
    band: ScoringBand,
    low: int,
    high: int,
    process_zh: str,
    process_en: str,
    result_zh: str,
    result_en: str,
) -> BandDescription:
    return BandDescription(
        band, Decimal(low), Decimal(high), process_zh, process_en, result_zh, result_en
    )


#: The bands in order (GB/Z 19579-2012 附录C).  Descriptions: own paraphrases.
SCORING_BANDS: tuple[BandDescription, ...] = (
    _row(
        ScoringBand.B0_5, 0, 5,
        "没有系统的方法，或仅有零星做法；几乎没有展开、改进或协调。",
        "No systematic approach, or only anecdotal practice; little deployment, "
        "improvement or alignment.",
        "没有报告结果，或结果很差；没有趋势或对比数据。",
        "No results reported, or poor results; no trend or comparison data.",
    ),
    _row(
        ScoringBand.B10_25, 10, 25,
        "开始形成系统的方法，处于起步阶段；多为被动应对问题，协调较弱。",
        "A systematic approach is beginning; mostly reacting to problems; weak alignment.",
        "少数方面有结果，有些改进或初步的良好水平；趋势和对比数据很少。",
        "A few results, some improvement or early good levels; little trend or "
        "comparison data.",
    ),
    _row(
        ScoringBand.B30_45, 30, 45,
        "方法系统有效，在多数方面开始展开；开始评价和改进；与基本需要有一定协调。",
        "An effective, systematic approach, deployed in many areas; evaluation and "
        "improvement beginning; some alignment with basic needs.",
        "多数重要方面有改进或良好水平；开始有趋势数据；有一些对比。",
        "Improvement or good levels in many important areas; early trend data; some "
        "comparisons.",
    ),
    _row(
        ScoringBand.B50_65, 50, 65,
        "方法系统有效，展开良好；有基于事实的评价、改进和一些创新；与组织需要协调一致。",
        "An effective, systematic approach, well deployed; fact-based evaluation, "
        "improvement and some innovation; aligned with the organisation's needs.",
        "多数重要方面有改进趋势或良好水平，无不良趋势；部分对比表现良好。",
        "Improving trends or good levels in most important areas, no adverse trends; "
        "some comparisons favourable.",
    ),
    _row(
        ScoringBand.B70_85, 70, 85,
        "方法系统有效，全面展开；基于事实的改进和创新是重要管理手段；与组织需要整合。",
        "An effective, systematic approach, widely deployed; fact-based improvement and "
        "innovation are key management tools; integrated with the organisation's needs.",
        "多数重要方面水平良好至卓越并持续改进；许多对比显示领先。",
        "Good to excellent levels and sustained improvement in most important areas; "
        "many comparisons show leadership.",
    ),
    _row(
        ScoringBand.B90_100, 90, 100,
        "方法系统有效，全面展开无明显差距；改进和创新贯穿全组织并分享；完全整合。",
        "An effective, systematic approach, fully deployed without significant gaps; "
        "organisation-wide improvement and innovation, shared; fully integrated.",
        "几乎所有重要方面水平卓越、持续改进，行业领先，成为标杆。",
        "Excellent levels and sustained improvement in nearly all important areas; "
        "industry leadership and benchmark status.",
    ),
)  # fmt: skip

# Checked at import (in the library's context, whatever the importer's): the bands tile
# the 5 % grid from 0 to 100 without gaps or overlaps.
with exact():
    _TILED = (
        [r.band for r in SCORING_BANDS] == list(ScoringBand)
        and SCORING_BANDS[0].low == 0
        and SCORING_BANDS[-1].high == 100
        and all(a.high + RATING_STEP == b.low for a, b in itertools.pairwise(SCORING_BANDS))
    )
if not _TILED:  # pragma: no cover - guarded by tests
    raise TableError("the rating bands do not tile 0-100 % in 5 % steps (GB/Z 19579 附录C)")


def check_rating(value: DecimalInput, *, field: str) -> Decimal:
    """Parse a rating: a percentage in [0, 100] on the 5 % grid (GB/Z 19579-2012 附录C).

    Parameters
    ----------
    value
        The rating (``65`` means 65 %): ``Decimal``, ``int``, plain decimal text, or a
        ``float`` (taken through its repr).
    field
        What the error message calls it (``"ratings['4.1.2']"``).

    Returns
    -------
    Decimal
        The rating without trailing zeros (``"65.0"`` → ``65``).

    Raises
    ------
    InvalidRatingError
        When it is not a number, lies outside [0, 100], or is not a multiple of 5.

    Examples
    --------
    >>> check_rating("65.0", field="rating"), check_rating(0, field="rating")
    (Decimal('65'), Decimal('0'))
    >>> check_rating(101, field="rating")
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidRatingError: rating: above the maximum of 100, got 101 (GB/Z 19579 附录C)
    """
    return read_rating(value, field=field)


def read_rating(value: object, *, field: str) -> Decimal:
    """:func:`check_rating` of any value (what a mapping of ratings may hold)."""
    rating = to_decimal(
        value,
        field=field,
        citation=SCORING_GUIDE_CITATION,
        minimum=0,
        maximum=100,
        error=InvalidRatingError,
    )
    with exact():
        on_grid = rating % RATING_STEP == 0
    if not on_grid:
        raise InvalidRatingError.about(
            field, value, "not on the 5 % grid (0, 5, 10, …, 100)", SCORING_GUIDE_CITATION
        )
    return plain(rating)


def scoring_band(rating: DecimalInput, *, field: str = "rating") -> ScoringBand:
    """The band of an on-grid rating (GB/Z 19579-2012 附录C); its edges belong to it.

    Parameters
    ----------
    rating
        A rating on the 5 % grid, as :func:`check_rating` reads it.
    field
        What the error message calls it (default ``"rating"``).

    Returns
    -------
    ScoringBand
        0 % or 5 %, 10–25 %, 30–45 %, 50–65 %, 70–85 % or 90–100 % (10 and 25 are both
        in 10–25 %).

    Raises
    ------
    InvalidRatingError
        As :func:`check_rating`.

    Examples
    --------
    >>> [scoring_band(r).value for r in (0, 5, 10, 25, 30, 45, 50, 65, 70, 85, 90, 100)]
    ['0-5', '0-5', '10-25', '10-25', '30-45', '30-45', '50-65', '50-65', '70-85', '70-85', '90-100', '90-100']
    """
    value = check_rating(rating, field=field)
    return band_at_or_below(value)


def band_at_or_below(value: Decimal) -> ScoringBand:
    """The band whose lowest rating is the greatest one not above ``value``.

    Used for a consensus rating kept off the grid (reading E2, ``ConsensusGrid.KEEP``):
    27.5 lies between the bands 10–25 % and 30–45 % and is placed in 10–25 %.
    ``value`` must already lie in [0, 100].

    >>> band_at_or_below(Decimal("27.5")).value
    '10-25'
    """
    found = SCORING_BANDS[0].band
    for row in SCORING_BANDS:
        if row.low <= value:
            found = row.band
    return found
