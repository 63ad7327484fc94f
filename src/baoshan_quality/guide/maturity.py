"""Guide Appendix C, table C.1: the maturity scales (成熟度划分) as data.

街道、镇、园区质量工作绩效自评表 — five primary indicators (一级指标) → thirteen
secondary indicators (二级指标, ``1.1`` … ``5.2``; ``4.3`` is 质量调研) → twenty-three
self-assessment items (自评内容), each rated on a maturity scale whose levels are
bands of percentages described in words.  The rows below are the source rows in
printed order; each band keeps its label and its description exactly as printed,
with an English translation.

* **Points.**  Table C.1 prints no points: an indicator is worth the points of
  the Appendix B sub-item with the same code (the sub-items *are* the secondary
  indicators).  They are written here and checked against
  :data:`~baoshan_quality.guide.rubric.RUBRIC` when the module is imported
  (total 100, note 2).
* **Item codes.**  The standard numbers no items; they are numbered here in table
  order as ``<indicator>-<n>`` (``1.1-1`` … ``5.2-2``), a form that cannot be
  mistaken for an Appendix B criterion code (``1.1.1``).
* **Shared scales.**  The scale of 1.1 is printed once, beside its first item, and
  serves its four items; the scale of 2.2's first item serves its second item too.
  :attr:`SelfAssessmentItem.scale` names the scale each item uses and :attr:`SelfAssessmentItem.shares_scale`
  says when it is printed beside another item.
* **Band edges (R14, after Civil Code Art. 1259 — R3).**  ``100%`` is exactly 100
  and ``0``/``0%`` exactly 0; ``X%以上`` runs from X (included) up to the floor of
  the next band above it (excluded); ``X%以下`` runs from 0 up to X, *including* X
  (以下 includes the number) unless an ``X%以上`` band of the same scale takes that
  edge (R3: ``30%以下`` means below 30).  Where an exact band and a ``以下`` band
  share a point (2.3's ``100%`` and ``100%以下``), a percentage named with no band
  goes to the exact band.
* **1.2's second item** prints only ``100%``.  What else it admits is reading
  :class:`MeetingsScaleReading` (default: an unprinted band ``不满100%`` for any
  percentage in [0, 100)).  It is judged, or computed from the meetings held and
  their minutes when the caller gives them (:attr:`SelfAssessmentItem.measured_form`,
  reading R43).

>>> MATURITY.total
Decimal('100')
>>> len(MATURITY.items), len(MATURITY.indicators)
(23, 13)
>>> item = MATURITY.item("1.1-3")
>>> item.scale, item.shares_scale
('1.1', '1.1-1')
>>> scale = MATURITY.scale("1.1")
>>> [b.label for b in scale.bands]
['100%', '70%以上', '30%以上', '30%以下']
>>> scale.band("30%以下").interval, scale.band("30%以上").interval
('[0, 30)', '[30, 70)')
>>> scale.band_for(30).label, scale.band_for("29.99").label
('30%以上', '30%以下')
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from baoshan_quality._decimals import DecimalInput, exact, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import frozen_mapping, is_instance, is_tuple_of, to_tuple
from baoshan_quality.citations import Citation, guide
from baoshan_quality.errors import (
    InvalidInputError,
    InvalidRatingError,
    TableError,
    UnknownCriterionError,
)
from baoshan_quality.guide.rubric import RUBRIC

__all__ = [
    "MATURITY",
    "MATURITY_CITATION",
    "MaturityBand",
    "MaturityBandKind",
    "MaturityScale",
    "MaturityTable",
    "MeasuredKind",
    "MeetingsScaleReading",
    "SecondaryIndicator",
    "SelfAssessmentItem",
]

#: The whole table.
MATURITY_CITATION: Citation = guide("Appendix C, Table C.1")

_D = Decimal
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)


class MaturityBandKind(enum.Enum):
    """How a band's printed label reads (Guide Appendix C, table C.1; reading R14)."""

    #: ``100%``, ``0``, ``0%`` — exactly that figure.
    EXACT = "exact"
    #: ``X%以上`` — from X (included) to the next band's floor (excluded).
    AT_LEAST = "at-least"
    #: ``X%以下`` — from 0 to X; X included unless an ``X%以上`` band takes it (R3).
    AT_MOST = "at-most"
    #: ``不满X%`` — below X (Civil Code Art. 1259: 不满 excludes X).  Only the
    #: unprinted band of :class:`MeetingsScaleReading` uses it.
    BELOW = "below"


class MeasuredKind(enum.Enum):
    """The items of table C.1 whose percentage the library computes from facts (R15, R43).

    The facts of each kind are in :mod:`baoshan_quality.guide.measured`.  The first
    five are measured items (:attr:`SelfAssessmentItem.measured`); ``MEETINGS`` is the
    measured form of a judged item (:attr:`SelfAssessmentItem.measured_form`).
    """

    #: 2.3 first item: coverage of the audience types.
    AUDIENCE_COVERAGE = "audience-coverage"
    #: 2.3 second item: participating units and the year-on-year change of trainees.
    TRAINEE_TREND = "trainee-trend"
    #: 3.2: honour applications, wins and national wins.
    HONOURS = "honours"
    #: 4.3: survey tasks assigned and done.
    SURVEY_TASKS = "survey-tasks"
    #: 5.2 first item: participation in Yangtze River Delta (长三角) activities.
    DELTA_PARTICIPATION = "delta-participation"
    #: 1.2 second item, when the caller gives its facts (reading R43): the leading
    #: group's full meetings held in the year and whether their minutes are complete
    #: (§5.1.2 b)).  The item stays judged when no facts are given
    #: (:attr:`SelfAssessmentItem.measured_form`).
    MEETINGS = "meetings"


class MeetingsScaleReading(enum.Enum):
    """Reading: which percentages 1.2's second item admits (Guide Appendix C, 1.2).

    每年召开不少于两次的领导小组成员全体会议 prints only the band ``100%``; this
    reading (new, default first) says what else it admits.

    Examples
    --------
    >>> [b.label for b in MATURITY.scale_for("1.2-2",
    ...     meetings=MeetingsScaleReading.PRINTED_ONLY).bands]
    ['100%']
    """

    #: Default: an unprinted band ``不满100%`` = [0, 100) for a requirement not met
    #: in full (e.g. one meeting of two, minutes incomplete): partial credit, as
    #: every other scale of the table allows.  From ``MeetingFacts`` (R43) a
    #: shortfall takes the band's floor, 0, or the assessor's own figure in it.
    BELOW_FULL = "below-full"
    #: 100 when the requirement is met, else exactly 0 (an unprinted band ``0``).
    FULL_OR_NONE = "full-or-none"
    #: Only the printed band: the item can be rated 100 or left missing (a
    #: shortfall is in no band: R33).
    PRINTED_ONLY = "printed-only"


def _fmt(value: Decimal) -> str:
    with exact():
        return format(value.normalize(), "f")


@attrs.frozen
class MaturityBand:
    """One maturity level (成熟度) of a scale of table C.1 (Guide Appendix C; R14).

    Attributes
    ----------
    label
        The label as printed before the colon: ``100%``, ``70%以上``, ``30%以下``, ``0``.
    kind
        How the label reads (:class:`MaturityBandKind`).
    figure
        The printed figure (``70`` for ``70%以上``); a measured item takes it (R15).
    lower, lower_closed, upper, upper_closed
        The interval the label reads as under R14 (see :attr:`interval`).
    zh, en
        The description as printed after the colon, and in English.
    printed
        ``False`` only for the unprinted bands of :class:`MeetingsScaleReading`.

    Examples
    --------
    >>> band = MATURITY.scale("1.1").band("70%以上")
    >>> band.figure, band.interval, band.zh
    (Decimal('70'), '[70, 100)', '组织机构完整、文件材料齐全，工作落实情况有欠缺')
    """

    label: str
    kind: MaturityBandKind
    figure: Decimal
    lower: Decimal
    lower_closed: bool
    upper: Decimal
    upper_closed: bool
    zh: str
    en: str
    printed: bool = True

    def contains(self, percentage: Decimal) -> bool:
        """Whether ``percentage`` lies in this band's interval (R14).

        Parameters
        ----------
        percentage
            A percentage (already a :class:`~decimal.Decimal`).

        Returns
        -------
        bool
            ``True`` when the interval holds it.

        Examples
        --------
        >>> MATURITY.scale("1.2-1").band("60%以上").contains(Decimal(100))
        False
        """
        above = percentage > self.lower or (self.lower_closed and percentage == self.lower)
        below = percentage < self.upper or (self.upper_closed and percentage == self.upper)
        return above and below

    @property
    def interval(self) -> str:
        """The band as an interval, e.g. ``[30, 70)`` (R14).

        >>> MATURITY.scale("2.3-1").band("100%以下").interval
        '[0, 100]'
        """
        left = "[" if self.lower_closed else "("
        right = "]" if self.upper_closed else ")"
        return f"{left}{_fmt(self.lower)}, {_fmt(self.upper)}{right}"


_PRECEDENCE = {
    MaturityBandKind.EXACT: 0,
    MaturityBandKind.AT_LEAST: 1,
    MaturityBandKind.AT_MOST: 2,
    MaturityBandKind.BELOW: 3,
}


@attrs.frozen
class MaturityScale:
    """A maturity scale (成熟度划分) as printed beside an item of table C.1 (Guide Appendix C).

    Attributes
    ----------
    code
        The code of the item the scale is printed beside, or the indicator's code
        where one scale serves all its items (``1.1``).
    bands
        The bands in printed order.
    citation
        The clause: the indicator's row of table C.1.
    """

    code: str
    bands: tuple[MaturityBand, ...]
    citation: Citation

    def band(self, label: str) -> MaturityBand:
        """The band printed as ``label`` (Guide Appendix C, table C.1).

        Parameters
        ----------
        label
            The label as printed, e.g. ``"60%以上"``.

        Returns
        -------
        MaturityBand
            The band of this scale with that label.

        Raises
        ------
        InvalidRatingError
            When the scale prints no such label (the message lists the labels).

        Examples
        --------
        >>> MATURITY.scale("4.3-1").band("60%以上").figure
        Decimal('60')
        """
        for band in self.bands:
            if band.label == label:
                return band
        choices = ", ".join(repr(b.label) for b in self.bands)
        raise InvalidRatingError.about(
            f"scale {self.code} band",
            label,
            f"no such band (choose one of {choices})",
            self.citation,
        )

    def band_for(self, percentage: Decimal | int | str | float) -> MaturityBand:
        """The band a percentage falls in, under R14 (Guide Appendix C, table C.1).

        An exact band takes a point it shares with another band (2.3's ``100%`` and
        ``100%以下``).

        Parameters
        ----------
        percentage
            A percentage in [0, 100]: ``int``, ``str``, ``Decimal`` or a ``float``
            through its shortest repr.

        Returns
        -------
        MaturityBand
            The band that holds the percentage.

        Raises
        ------
        InvalidRatingError
            When the value is not a number in [0, 100], or lies in no band of the
            scale (e.g. 20 on a scale with bands ``30%以上`` and ``0``).

        Examples
        --------
        >>> MATURITY.scale("2.3-1").band_for(100).label
        '100%'
        >>> MATURITY.scale("1.2-1").band_for(20)
        Traceback (most recent call last):
        ...
        baoshan_quality.errors.InvalidRatingError: scale 1.2-1 percentage: in no band of the scale (bands: 100% [100, 100], 60%以上 [60, 100), 30%以上 [30, 60), 0 [0, 0]), got 20 (Guide Appendix C, Table C.1 1.2)
        """
        value = to_decimal(
            percentage,
            field=f"scale {self.code} percentage",
            minimum=0,
            maximum=100,
            citation=self.citation,
            error=InvalidRatingError,
        )
        found = self.find(value)
        if found is None:
            listing = ", ".join(f"{b.label} {b.interval}" for b in self.bands)
            raise InvalidRatingError.about(
                f"scale {self.code} percentage",
                value,
                f"in no band of the scale (bands: {listing})",
                self.citation,
            )
        return found

    def find(self, percentage: Decimal) -> MaturityBand | None:
        """The band of ``percentage``, or ``None`` when it falls in a gap (R14).

        Parameters
        ----------
        percentage
            A percentage (already a :class:`~decimal.Decimal`; no check of its range).

        Returns
        -------
        MaturityBand or None
            The band that holds it (exact bands first, then 以上, 以下 and 不满).

        Examples
        --------
        >>> MATURITY.scale("1.2-1").find(Decimal(20)) is None
        True
        """
        ordered = sorted(
            enumerate(self.bands), key=lambda pair: (_PRECEDENCE[pair[1].kind], pair[0])
        )
        for _, band in ordered:
            if band.contains(percentage):
                return band
        return None


@attrs.frozen
class SelfAssessmentItem:
    """A self-assessment item (自评内容) of table C.1 (Guide Appendix C).

    Attributes
    ----------
    code
        ``<indicator>-<n>`` in table order (``2.3-1``); the standard numbers no items.
    indicator
        The secondary indicator's code (``2.3``).
    zh, en
        The item as printed, and in English.
    scale
        The code of the scale the item is rated on (see :meth:`MaturityTable.scale`).
    shares_scale
        The item beside which that scale is printed, when it is another item.
    measured
        The facts that compute the item (R15), or ``None`` for a judged item.
    citation
        The indicator's row of table C.1.
    measured_form
        Facts that may compute a judged item instead of a percentage (R43:
        ``MeasuredKind.MEETINGS`` for ``1.2-2``), or ``None``.
    """

    code: str
    indicator: str
    zh: str
    en: str
    scale: str
    shares_scale: str | None
    measured: MeasuredKind | None
    citation: Citation
    measured_form: MeasuredKind | None = None


@attrs.frozen
class SecondaryIndicator:
    """A secondary indicator (二级指标) of table C.1 with its points and items (Guide Appendix C).

    Attributes
    ----------
    code, zh, en
        ``1.1`` … ``5.2``, the name as printed, and in English.
    primary, primary_zh, primary_en
        The primary indicator (一级指标): ``"1"`` … ``"5"`` and its names.
    points
        The points of the Appendix B sub-item with the same code (table C.1 prints none).
    items
        The codes of its self-assessment items, in table order.
    citation
        The indicator's row of table C.1.
    """

    code: str
    zh: str
    en: str
    primary: str
    primary_zh: str
    primary_en: str
    points: Decimal
    items: tuple[str, ...]
    citation: Citation


def _scale_value(path: str, value: object) -> MaturityScale:
    if not isinstance(value, MaturityScale):
        raise InvalidInputError.about(path, value, "expected a MaturityScale")
    return value


def _scales(value: Mapping[str, MaturityScale]) -> Mapping[str, MaturityScale]:
    """Converter: the scales by code, frozen; anything but scales is refused."""
    return frozen_mapping("MaturityTable.scales", _scale_value)(value)


def _table_total(value: DecimalInput) -> Decimal:
    return to_decimal(value, field="MaturityTable.total", minimum=0, error=TableError)


def _check_table(table: MaturityTable) -> None:
    """A table read from JSON must hang together: every lookup then succeeds."""
    items = {i.code: i for i in table.items}
    if len(items) != len(table.items):
        raise TableError("MaturityTable.items: an item code appears twice")
    codes = [i.code for i in table.indicators]
    if len(set(codes)) != len(codes):
        raise TableError("MaturityTable.indicators: an indicator code appears twice")
    listed: list[str] = []
    for ind in table.indicators:
        for code in ind.items:
            if code not in items or items[code].indicator != ind.code:
                raise TableError(
                    f"MaturityTable: indicator {ind.code} lists item {code!r}, "
                    "which is not one of its items"
                )
        listed += ind.items
    if sorted(listed) != sorted(items):
        raise TableError("MaturityTable: every item belongs to exactly one indicator")
    for item in table.items:
        if item.scale not in table.scales:
            raise TableError(f"MaturityTable: item {item.code} names no scale {item.scale!r}")
        if item.measured is not None and item.measured_form is not None:
            raise TableError(
                f"MaturityTable: item {item.code} is measured; it cannot also have a "
                "measured form beside a judged one"
            )
    with exact():
        total = sum((i.points for i in table.indicators), Decimal(0))
    if total != table.total:
        raise TableError(f"MaturityTable.total: {table.total}, but the indicators sum to {total}")


@attrs.frozen
class MaturityTable(Tabular):
    """The whole of table C.1 with lookups by code (Guide Appendix C; :data:`MATURITY`).

    A table built by hand or read from JSON must hang together (every item in one
    indicator, every scale it names present, the points summing to ``total``), else
    :class:`~baoshan_quality.errors.TableError`.  Printed, it lists every band of
    every item (``to_records()``: one row per band).

    Attributes
    ----------
    indicators
        The thirteen secondary indicators in table order.
    items
        The twenty-three self-assessment items in table order.
    scales
        The printed scales by code (see :attr:`SelfAssessmentItem.scale`).
    total
        The table's total points (note 2: 100).
    """

    indicators: tuple[SecondaryIndicator, ...] = attrs.field(
        converter=to_tuple, validator=is_tuple_of(SecondaryIndicator)
    )
    items: tuple[SelfAssessmentItem, ...] = attrs.field(
        converter=to_tuple, validator=is_tuple_of(SelfAssessmentItem)
    )
    scales: Mapping[str, MaturityScale] = attrs.field(converter=_scales)
    total: Decimal = attrs.field(converter=_table_total)
    citation: Citation = attrs.field(default=MATURITY_CITATION, validator=is_instance(Citation))

    def __attrs_post_init__(self) -> None:
        _check_table(self)

    def indicator(self, code: str) -> SecondaryIndicator:
        """The secondary indicator numbered ``code`` (Guide Appendix C, table C.1).

        Parameters
        ----------
        code
            ``"1.1"`` … ``"5.2"`` (``"4.3"`` is 质量调研).

        Returns
        -------
        SecondaryIndicator
            The indicator, with its points and items.

        Raises
        ------
        UnknownCriterionError
            When the table has no such indicator.
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> MATURITY.indicator("4.3").zh, MATURITY.indicator("4.3").points
        ('质量调研', Decimal('5'))
        """
        if not isinstance(code, str):
            raise InvalidInputError.about("indicator", code, "expected a code string like '2.3'")
        for ind in self.indicators:
            if ind.code == code:
                return ind
        raise UnknownCriterionError.about(
            "indicator", code, "no such secondary indicator in table C.1", self.citation
        )

    def item(self, code: str) -> SelfAssessmentItem:
        """The self-assessment item numbered ``code`` (Guide Appendix C, table C.1).

        Parameters
        ----------
        code
            ``"<indicator>-<n>"``: ``"1.1-1"`` … ``"5.2-2"``.

        Returns
        -------
        SelfAssessmentItem
            The item, with the scale it is rated on.

        Raises
        ------
        UnknownCriterionError
            When the table has no such item (an Appendix B code such as ``"1.1.1"``
            included).
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> MATURITY.item("2.3-1").measured
        <MeasuredKind.AUDIENCE_COVERAGE: 'audience-coverage'>
        """
        if not isinstance(code, str):
            raise InvalidInputError.about("item", code, "expected a code string like '2.3-1'")
        for item in self.items:
            if item.code == code:
                return item
        raise UnknownCriterionError.about(
            "item",
            code,
            "no such self-assessment item in table C.1 (items are numbered 1.1-1 … 5.2-2)",
            self.citation,
        )

    def scale(self, code: str) -> MaturityScale:
        """The printed scale numbered ``code`` (Guide Appendix C, table C.1).

        Parameters
        ----------
        code
            An item's :attr:`SelfAssessmentItem.scale` (``"1.1"``, ``"2.2-1"`` …).

        Returns
        -------
        MaturityScale
            The scale as printed (1.2's second item without the bands of
            :class:`MeetingsScaleReading`: see :meth:`scale_for`).

        Raises
        ------
        UnknownCriterionError
            When the table has no such scale (whatever the type of ``code``).

        Examples
        --------
        >>> [b.label for b in MATURITY.scale("2.3-1").bands]
        ['100%', '100%以下']
        """
        found = self.scales.get(code) if isinstance(code, str) else None
        if found is None:
            raise UnknownCriterionError.about(
                "scale", code, "no such maturity scale in table C.1", self.citation
            )
        return found

    def scale_for(
        self, item: str, *, meetings: MeetingsScaleReading = MeetingsScaleReading.BELOW_FULL
    ) -> MaturityScale:
        """The scale an item is rated on, with 1.2's second item read by ``meetings``.

        Parameters
        ----------
        item
            The item's code (``"1.2-2"``).
        meetings
            The reading of 1.2's second item, which prints only ``100%``
            (:class:`MeetingsScaleReading`, default ``BELOW_FULL``); other items ignore it.

        Returns
        -------
        MaturityScale
            The item's scale, with the reading's unprinted band where it adds one.

        Raises
        ------
        UnknownCriterionError
            When the table has no such item.
        InvalidInputError
            When ``item`` is not a string or ``meetings`` not a reading.

        Examples
        --------
        >>> [b.label for b in MATURITY.scale_for("1.2-2").bands]
        ['100%', '不满100%']
        >>> [b.label for b in MATURITY.scale_for("1.2-2",
        ...     meetings=MeetingsScaleReading.FULL_OR_NONE).bands]
        ['100%', '0']
        """
        if not isinstance(meetings, MeetingsScaleReading):
            raise InvalidInputError.about("meetings", meetings, "expected a MeetingsScaleReading")
        found = self.scale(self.item(item).scale)
        if item != "1.2-2" or meetings is MeetingsScaleReading.PRINTED_ONLY:
            return found
        extra = (
            _band("不满100%", *_MEETINGS_BELOW_FULL, printed=False)
            if meetings is MeetingsScaleReading.BELOW_FULL
            else _band("0", *_MEETINGS_NONE, printed=False)
        )
        return _scale(found.code, (*found.bands, extra), found.citation)

    def items_of(self, indicator: str) -> tuple[SelfAssessmentItem, ...]:
        """The items of one secondary indicator, in table order (Guide Appendix C).

        Parameters
        ----------
        indicator
            The indicator's code (``"1.1"``).

        Returns
        -------
        tuple of SelfAssessmentItem
            Its items.

        Raises
        ------
        UnknownCriterionError
            When the table has no such indicator.
        InvalidInputError
            When ``indicator`` is not a string.

        Examples
        --------
        >>> [i.code for i in MATURITY.items_of("2.2")]
        ['2.2-1', '2.2-2', '2.2-3']
        """
        codes = self.indicator(indicator).items
        return tuple(self.item(code) for code in codes)

    def _table(self) -> Table:
        rows = []
        for item in self.items:
            points = self.indicator(item.indicator).points
            for band in self.scale_for(item.code).bands:
                rows.append(
                    (
                        item.indicator,
                        points,
                        item.code,
                        item.zh,
                        item.scale,
                        band.label,
                        band.interval,
                        band.printed,
                        band.zh,
                        band.en,
                    )
                )
        return Table(
            caption=Text(
                f"指南附录 C 表 C.1 成熟度划分：{len(self.indicators)} 项二级指标、"
                f"{len(self.items)} 项自评内容，满分 {_fmt(self.total)} 分",
                f"{self.citation}: maturity scales of {len(self.indicators)} secondary "
                f"indicators and {len(self.items)} items, out of {_fmt(self.total)} points",
            ),
            columns=_TABLE_COLUMNS,
            rows=rows,
        )


#: The columns of :meth:`MaturityTable._table`, one row per band of every item.
_TABLE_COLUMNS = (
    Column("indicator", "二级指标", "indicator"),
    Column("points", "分值", "points"),
    Column("item", "自评内容", "item"),
    Column("item_zh", "自评内容（原文）", "item (Chinese)", shown=False),
    Column("scale", "成熟度划分", "scale"),
    Column("band", "成熟度", "band"),
    Column("interval", "区间", "interval"),
    Column("printed", "原文印出", "printed"),
    Column("description_zh", "描述", "description (Chinese)", shown=False),
    Column("description_en", "描述（英文）", "description", shown=False),
)


# --------------------------------------------------------------------------- data

# Table C.1, one tuple per printed scale: (scale code, ((label, 描述, English), …)).
# The label is printed before the colon; the description after it.
_SCALE_ROWS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("1.1", (
        ("100%", "组织机构完整、文件材料齐全，严格落实工作",
         "complete organisation, full documentation, work strictly carried out"),
        ("70%以上", "组织机构完整、文件材料齐全，工作落实情况有欠缺",
         "complete organisation, full documentation, shortfalls in carrying out the work"),
        ("30%以上", "组织机构完整，文件缺失，工作落实情况有欠缺",
         "complete organisation, documents missing, shortfalls in carrying out the work"),
        ("30%以下", "组织机构不完整，文件缺失，工作落实情况有欠缺",
         "incomplete organisation, documents missing, shortfalls in carrying out the work"),
    )),
    ("1.2-1", (
        ("100%", "有明确计划，并严格落实", "a clear plan, strictly carried out"),
        ("60%以上", "有明确计划，但落实情况有欠缺",
         "a clear plan, but shortfalls in carrying it out"),
        ("30%以上", "有计划，但目标不明确，落实情况有欠缺",
         "a plan, but unclear targets and shortfalls in carrying it out"),
        ("0", "无计划", "no plan"),
    )),
    ("1.2-2", (
        ("100%", "按要求组织或参与会议，会议纪要齐全",
         "meetings organised or attended as required, minutes complete"),
    )),
    ("2.1-1", (
        ("100%", "报告内容与结构完善，数据详实，分析透彻，对质量工作开展具有参考意义",
         "complete content and structure, detailed data, thorough analysis, of reference "
         "value to quality work"),
        ("60%以上", "报告内容与结构较完善，数据较详实，分析较透彻，对质量工作开展具有一定参考意义",
         "fairly complete content and structure, fairly detailed data, fairly thorough "
         "analysis, of some reference value to quality work"),
        ("30%以上", "报告内容不全面，质量有待提高",
         "incomplete content; the report's quality needs improving"),
        ("0", "无报告以及其他相关材料", "no report and no other related material"),
    )),
    ("2.2-1", (
        ("100%", "按要求开展宣传工作，工作记录齐全",
         "publicity carried out as required, records complete"),
        ("60%以上", "按要求开展宣传工作，工作记录有待完善",
         "publicity carried out as required, records need completing"),
        ("30%以上", "开展宣传工作，但未满足要求",
         "publicity carried out, but not meeting the requirements"),
        ("0%", "未开展宣传工作", "no publicity carried out"),
    )),
    ("2.2-3", (
        ("100%", "结合条线工作，组织开展宣传工作，被区级及以上媒体报道",
         "publicity organised with the line work and reported by district-level or higher "
         "media"),
        ("60%以上", "结合条线工作，组织开展宣传工作，并进行宣传报道",
         "publicity organised with the line work and reported on"),
        ("30%以上", "组织开展宣传工作", "publicity organised"),
        ("0%", "未组织开展宣传工作", "no publicity organised"),
    )),
    ("2.3-1", (
        ("100%", "实现辖区内宣传教育对象类型全覆盖",
         "every type of audience in the area reached by publicity and education"),
        ("100%以下", "实际覆盖率", "the actual coverage"),
    )),
    ("2.3-2", (
        ("100%", "参与培训活动的单位/组织数量不变或增加",
         "the number of units/organisations taking part in training unchanged or higher"),
        ("100%以下", "参与培训的人员数量较上年度减少的比例",
         "the proportion by which the number of trainees fell from the year before"),
        ("0%", "无单位/组织参与培训活动", "no unit/organisation took part in training"),
    )),
    ("2.4-1", (
        ("100%", "开展宣传工作，宣传资料齐全，建立质量基础设施，且能够满足辖区质量工作需要",
         "publicity carried out, materials complete, quality infrastructure built and "
         "meeting the area's needs"),
        ("60%以上", "开展宣传工作，宣传资料齐全，建立质量基础设施，但未完整覆盖辖区质量工作范围",
         "publicity carried out, materials complete, quality infrastructure built but not "
         "covering the whole area's quality work"),
        ("30%以上", "开展宣传工作，宣传资料齐全，未建立质量基础设施",
         "publicity carried out, materials complete, no quality infrastructure built"),
        ("0%", "未开展质量基础设施建设工作", "no quality infrastructure work"),
    )),
    ("3.1-1", (
        ("100%", "制定并发布质量品牌发展政策，政策要求有效落实，质量工作成果显著",
         "a quality brand policy issued and effectively carried out, with marked results"),
        ("60%以上", "制定并发布质量品牌发展政策，政策要求基本落实，质量工作成果初显，有较大提升空间",
         "a quality brand policy issued and mostly carried out, first results, much room "
         "to improve"),
        ("30%以上", "制定并发布质量品牌发展政策，但未有效落实",
         "a quality brand policy issued but not effectively carried out"),
        ("0%", "未制定质量品牌发展政策", "no quality brand policy"),
    )),
    ("3.1-2", (
        ("100%", "开展品牌宣传，推进品牌战略，建立品牌培育库并形成梯队，组织参加质量培训，"
         "考核年度内有组织获得“四大品牌”认证、“上海标准”评价及各级各类品牌奖项、示范项目",
         "brand publicity, a brand strategy, a tiered cultivation pool, quality training, "
         "and in the year an organisation won a 'four major brands' certification, a "
         "'Shanghai Standard' rating or a brand award or model project"),
        ("60%以上", "开展品牌宣传，推进品牌战略，建立品牌培育库并形成梯队，组织参加质量培训",
         "brand publicity, a brand strategy, a tiered cultivation pool, quality training"),
        ("30%以上", "开展品牌宣传，推进品牌战略，初步建立品牌培育库",
         "brand publicity, a brand strategy, a cultivation pool begun"),
        ("0%", "未开展相关工作", "no such work"),
    )),
    ("3.2-1", (
        ("100%", "积极开展质量荣誉申报，50%以上申报项目获得荣誉，同时至少有1项获得国家级质量荣誉",
         "active honour applications, 50% or more of them won, and at least one national "
         "quality honour"),
        ("50%以上", "积极开展质量荣誉申报，50%以上申报项目获得荣誉",
         "active honour applications, 50% or more of them won"),
        ("30%以上", "开展质量荣誉申报，但获得荣誉的项目不足50%",
         "honour applications made, but fewer than 50% of them won"),
        ("0%", "未开展质量荣誉申报", "no honour applications"),
    )),
    ("4.1-1", (
        ("100%", "报送质量白皮书、质量考核的资料，内容完整，数据详实",
         "quality white paper and evaluation materials submitted, complete, with detailed "
         "data"),
        ("60%以上", "报送质量白皮书、质量考核的资料，内容较完整，数据较详实",
         "submitted, fairly complete, with fairly detailed data"),
        ("30%以上", "报送质量白皮书、质量考核的资料，内容数据相对缺失",
         "submitted, with content and data relatively lacking"),
        ("0", "未报送质量白皮书、质量考核的资料",
         "no quality white paper or evaluation materials submitted"),
    )),
    ("4.2-1", (
        ("100%", "报送质量月活动计划，组织质量月活动，按时报送活动小结，质量月期间报送信息稿",
         "Quality Month plan submitted, activities organised, summary on time, news items "
         "submitted during the month"),
        ("60%以上", "报送质量月活动计划，组织质量月活动，按时报送活动小结，"
         "质量月期间未报送信息稿或延时报送信息稿",
         "plan submitted, activities organised, summary on time, news items missing or "
         "late"),
        ("30%以上", "报送质量月活动计划，组织质量月活动，延时报送活动小结",
         "plan submitted, activities organised, summary late"),
        ("0", "未报送质量月活动计划和活动小结", "no Quality Month plan and no summary"),
    )),
    ("4.3-1", (
        ("100%", "配合落实工作任务，完成任务80%以上",
         "cooperated on the tasks, 80% or more of them done"),
        ("60%以上", "完成任务60%以上", "60% or more of the tasks done"),
        ("30%以上", "完成任务30%以上", "30% or more of the tasks done"),
        ("0", "未完成任务", "the tasks not done"),
    )),
    ("5.1-1", (
        ("100%", "紧扣辖区实际，明确量化目标，且质量提升效果达标",
         "fitted to the area, quantified targets, improvement targets met"),
        ("60%以上", "紧扣辖区实际，明确量化目标，但质量提升效果未完全达标",
         "fitted to the area, quantified targets, improvement targets not fully met"),
        ("30%以上", "未明确量化目标", "no quantified targets"),
        ("0", "未开展相关工作", "no such work"),
    )),
    ("5.1-2", (
        ("100%", "编制提升工作方案，采取切实可行的质量提升举措，效果显著，"
         "形成可复制可推广的成熟经验和典型案例",
         "an improvement plan, practical measures, marked results, replicable experience "
         "and model cases"),
        ("60%以上", "编制提升工作方案，采取切实可行的质量提升举措，效果初显，"
         "未形成可复制可推广的成熟经验和典型案例",
         "an improvement plan, practical measures, first results, no replicable "
         "experience or model cases yet"),
        ("30%以上", "编制提升工作方案，质量提升效果不明显，或无相关举措",
         "an improvement plan, little effect, or no measures"),
        ("0", "未编制提升工作方案", "no improvement plan"),
    )),
    ("5.2-1", (
        ("100%", "积极融入长三角质量提升一体化，各类相关活动参与率100%",
         "active in Yangtze River Delta quality integration, 100% participation in the "
         "related activities"),
        ("60%以上", "融入长三角质量提升一体化，各类相关活动参与率60%以上，不足100%",
         "in Yangtze River Delta quality integration, participation 60% or more but below "
         "100%"),
        ("30%以上", "参与长三角质量提升一体化，各类相关活动参与率30%以上，不足60%",
         "taking part in Yangtze River Delta quality integration, participation 30% or "
         "more but below 60%"),
        ("0", "未参与长三角质量提升一体化，或各类相关活动参与率不足30%",
         "not taking part in Yangtze River Delta quality integration, or participation "
         "below 30%"),
    )),
    ("5.2-2", (
        ("100%", "开展相关质量特色工作，获得国家、市、区级荣誉或认证",
         "distinctive quality work that won a national, municipal or district honour or "
         "certification"),
        ("60%以上", "开展相关质量特色工作，未获得荣誉或认证，但具备显著的工作成效",
         "distinctive quality work without an honour or certification, but with marked "
         "results"),
        ("30%以上", "开展相关质量特色工作，未获得荣誉或认证，有一定的工作成效，但不显著",
         "distinctive quality work without an honour or certification, with some results, "
         "not marked"),
        ("0", "未开展相关质量特色工作", "no distinctive quality work"),
    )),
)  # fmt: skip

# The unprinted bands of MeetingsScaleReading (descriptions are the library's).
_MEETINGS_BELOW_FULL = (
    "（未印出）未完全按要求组织或参与会议，或会议纪要不齐全",
    "(not printed) meetings not organised or attended fully as required, or minutes incomplete",
)
_MEETINGS_NONE = (
    "（未印出）未按要求组织或参与会议",
    "(not printed) meetings not organised or attended as required",
)

# Table C.1, one tuple per printed item row:
# (item code, 自评内容, English, scale code, measured kind).
_ITEM_ROWS: tuple[tuple[str, str, str, str, MeasuredKind | None], ...] = (
    ("1.1-1", "明确组织领导", "Clear organisational leadership", "1.1", None),
    ("1.1-2", "落实牵头部门和成员部门",
     "Lead department and member departments assigned", "1.1", None),
    ("1.1-3", "质量强镇（区）及质量相关工作给予必要的资金保障",
     "Necessary funding for 'quality town (district)' and related quality work", "1.1", None),
    ("1.1-4", "制定扶持本辖区产业发展的质量奖励政策",
     "Quality reward policies supporting the area's industries", "1.1", None),
    ("1.2-1", "工作计划围绕区域实际、突出区域特点、目标明确、切实可行",
     "A work plan fitted to the area, highlighting its features, with clear targets, "
     "practicable", "1.2-1", None),
    ("1.2-2", "每年召开不少于两次的领导小组成员全体会议",
     "At least two plenary meetings of the leading group a year", "1.2-2", None),
    ("2.1-1", "质量状况分析报告内容完整性，以及报告的参考价值",
     "Completeness of the quality status analysis report and its reference value",
     "2.1-1", None),
    ("2.2-1", "在质量月期间牵头开展专题质量宣传工作",
     "Leading themed quality publicity in Quality Month", "2.2-1", None),
    ("2.2-2", "重要节日期间自主开展或配合开展质量宣传活动，集中开展质量主题、质量精神等质量宣传活动",
     "Quality publicity, own or joint, on key days, on quality themes and the quality spirit",
     "2.2-1", None),
    ("2.2-3", "开展质量宣传教育、质量提升方面工作的信息报道情况",
     "News reporting on quality publicity, education and improvement", "2.2-3", None),
    ("2.3-1", "针对不同对象（中小学生、社区居民、企业）开展质量相关教育培训和宣传",
     "Quality education, training and publicity for different audiences (school pupils, "
     "community residents, enterprises)", "2.3-1", MeasuredKind.AUDIENCE_COVERAGE),
    ("2.3-2", "自主开展质量培训活动情况", "Quality training run by the unit itself",
     "2.3-2", MeasuredKind.TRAINEE_TREND),
    ("2.4-1", "开展质量基础设施“一站式”服务试点情况",
     "The 'one-stop' quality infrastructure service pilot", "2.4-1", None),
    ("3.1-1", "辖区质量品牌发展政策情况", "The area's quality brand development policy",
     "3.1-1", None),
    ("3.1-2", "推动“四大品牌”建设情况，形成梯队培育库",
     "Advancing the 'four major brands' and a tiered cultivation pool", "3.1-2", None),
    ("3.2-1", "开展质量荣誉申报情况", "Quality honour applications", "3.2-1",
     MeasuredKind.HONOURS),
    ("4.1-1", "配合区质量办日常协同工作完成情况",
     "Day-to-day coordination with the district quality office", "4.1-1", None),
    ("4.2-1", "质量月期间牵头开展专题质量宣传工作",
     "Leading themed quality publicity in Quality Month", "4.2-1", None),
    ("4.3-1", "配合参与企业状况调研、满意度测评",
     "Taking part in enterprise quality surveys and satisfaction measurement", "4.3-1",
     MeasuredKind.SURVEY_TASKS),
    ("5.1-1", "紧扣辖区实际，运用质量、标准、计量、认证、检验检测、知识产权等手段，"
     "推动重点行业、领域、产业质量提升，制定量化目标",
     "Fitted to the area, using quality, standards, metrology, certification, testing and "
     "intellectual property to improve key sectors, with quantified targets", "5.1-1", None),
    ("5.1-2", "重点行业（产业）质量提升情况", "Quality improvement of key sectors (industries)",
     "5.1-2", None),
    ("5.2-1", "参与长三角质量工作情况", "Taking part in Yangtze River Delta quality work",
     "5.2-1", MeasuredKind.DELTA_PARTICIPATION),
    ("5.2-2", "开展产品质量、服务质量、工程质量、人居环境质量相关的特色工作情况",
     "Distinctive work on product, service, engineering and living environment quality",
     "5.2-2", None),
)  # fmt: skip

# Judged items that the caller may measure instead (R43): 1.2's second item from the
# meetings held and their minutes (§5.1.2 b), table C.1 1.2).
_MEASURED_FORMS = {"1.2-2": MeasuredKind.MEETINGS}

# (indicator, 二级指标, English, 一级指标 code, points = Appendix B sub-item points)
_INDICATOR_ROWS: tuple[tuple[str, str, str, str, int], ...] = (
    ("1.1", "组织保障", "Organisational support", "1", 5),
    ("1.2", "计划实施", "Plan implementation", "1", 5),
    ("2.1", "质量报告", "Quality report", "2", 10),
    ("2.2", "质量宣传", "Quality publicity", "2", 8),
    ("2.3", "质量教育", "Quality education", "2", 8),
    ("2.4", "质量服务", "Quality services", "2", 4),
    ("3.1", "品牌培育", "Brand cultivation", "3", 5),
    ("3.2", "荣誉申报", "Honour applications", "3", 5),
    ("4.1", "日常协同", "Day-to-day coordination", "4", 5),
    ("4.2", "质量月", "Quality Month", "4", 10),
    ("4.3", "质量调研", "Quality surveys", "4", 5),
    ("5.1", "质量提升", "Quality improvement", "5", 24),
    ("5.2", "质量特色", "Distinctive quality work", "5", 6),
)

_PRIMARY = {
    "1": ("质量环境", "Quality environment"),
    "2": ("质量基础", "Quality foundations"),
    "3": ("质量品牌", "Quality brands"),
    "4": ("质量协同", "Quality coordination"),
    "5": ("质量成效", "Quality results"),
}

#: Note 2: 本评分表总分100分.
_PRINTED_TOTAL = 100


def _parse_label(label: str) -> tuple[MaturityBandKind, Decimal]:
    if label.endswith("%以上"):
        return MaturityBandKind.AT_LEAST, _D(label[: -len("%以上")])
    if label.endswith("%以下"):
        return MaturityBandKind.AT_MOST, _D(label[: -len("%以下")])
    if label.startswith("不满") and label.endswith("%"):
        return MaturityBandKind.BELOW, _D(label[len("不满") : -1])
    if label in ("100%", "0%", "0"):
        return MaturityBandKind.EXACT, _D(label.rstrip("%"))
    raise TableError(f"Appendix C: unreadable band label {label!r}")


def _band(label: str, zh: str, en: str, *, printed: bool = True) -> MaturityBand:
    kind, figure = _parse_label(label)
    # The interval is finished by _scale, which knows the neighbouring bands.
    return MaturityBand(label, kind, figure, figure, True, figure, True, zh, en, printed)


def _scale(code: str, bands: tuple[MaturityBand, ...], citation: Citation) -> MaturityScale:
    finished = []
    for band in bands:
        if band.kind is MaturityBandKind.EXACT:
            lower, lower_closed, upper, upper_closed = band.figure, True, band.figure, True
        elif band.kind is MaturityBandKind.AT_LEAST:
            above = [
                b.figure
                for b in bands
                if b.kind in (MaturityBandKind.EXACT, MaturityBandKind.AT_LEAST)
                and b.figure > band.figure
            ]
            lower, lower_closed = band.figure, True
            upper, upper_closed = (min(above), False) if above else (_HUNDRED, True)
        elif band.kind is MaturityBandKind.AT_MOST:
            taken = any(
                b.kind is MaturityBandKind.AT_LEAST and b.figure == band.figure for b in bands
            )
            lower, lower_closed, upper, upper_closed = _ZERO, True, band.figure, not taken
        else:
            lower, lower_closed, upper, upper_closed = _ZERO, True, band.figure, False
        finished.append(
            attrs.evolve(
                band,
                lower=lower,
                lower_closed=lower_closed,
                upper=upper,
                upper_closed=upper_closed,
            )
        )
    return MaturityScale(code, tuple(finished), citation)


def _build() -> MaturityTable:
    with exact():  # whatever the importer's decimal context
        return _build_table()


def _build_table() -> MaturityTable:
    scales: dict[str, MaturityScale] = {}
    for code, rows in _SCALE_ROWS:
        indicator = code.split("-")[0]
        cite = guide(f"Appendix C, Table C.1 {indicator}")
        scales[code] = _scale(code, tuple(_band(*row) for row in rows), cite)
    items = []
    for code, zh, en, scale, measured in _ITEM_ROWS:
        indicator = code.split("-")[0]
        if scale not in scales:
            raise TableError(f"Appendix C {code}: no scale {scale!r}")
        beside = scale if "-" in scale else f"{scale}-1"
        shares = None if beside == code else beside
        items.append(
            SelfAssessmentItem(
                code,
                indicator,
                zh,
                en,
                scale,
                shares,
                measured,
                scales[scale].citation,
                _MEASURED_FORMS.get(code),
            )
        )
    indicators = []
    for code, zh, en, primary, points in _INDICATOR_ROWS:
        mine = tuple(i.code for i in items if i.indicator == code)
        official = RUBRIC.sub_item(code).points
        if official != points:
            raise TableError(f"Appendix C {code}: {points} points here, {official} in Appendix B")
        indicators.append(
            SecondaryIndicator(
                code,
                zh,
                en,
                primary,
                *_PRIMARY[primary],
                _D(points),
                mine,
                guide(f"Appendix C, Table C.1 {code}"),
            )
        )
    if [i.code for i in indicators] != [s.code for s in RUBRIC.sub_items]:
        raise TableError("Appendix C: the secondary indicators differ from Appendix B's sub-items")
    total = sum((i.points for i in indicators), _D(0))
    if total != _PRINTED_TOTAL or len(items) != 23:
        raise TableError(f"Appendix C: total {total} (note 2 prints 100), {len(items)} items")
    return MaturityTable(tuple(indicators), tuple(items), MappingProxyType(scales), _D(total))


#: Table C.1 (checked against Appendix B and note 2 at import, in the library's own
#: decimal context whatever the importer's).
MATURITY: MaturityTable = _build()
