"""Guide Appendix C: a unit's self-assessment (自评) on table C.1.

Its comparison with the district's Appendix B score card is in
:mod:`baoshan_quality.guide.comparison`; the measured items' facts and what they
give are in :mod:`baoshan_quality.guide.measured` (their public names are
re-exported here).

* **Judged items** — the assessor gives a percentage in [0, 100] and may name the
  band it claims; the percentage must lie inside that band (R14), or, with no
  band named, inside some band of the item's scale (:class:`GapReading`).
* **Measured items** (R15) — the library computes the percentage from facts:
  2.3 audience coverage (:class:`AudienceFacts`) and trainees
  (:class:`TraineeFacts`), 3.2 honours (:class:`HonourFacts`), 4.3 survey tasks
  (:class:`SurveyFacts`), 5.2 Yangtze River Delta participation
  (:class:`DeltaFacts`).  The facts choose the band; the item takes its printed
  figure (R15 default) or the assessor's own figure inside it.  1.2's second item
  is judged, or measured when its facts are given (:class:`MeetingFacts`, R43).
* **SecondaryIndicator score** — points × the mean of its items' percentages (R13 equal
  weights, or caller weights), exact until the indicator score, then 2 decimals
  half up (R6) or exact.
* **Total** — the sum of the indicator scores (note 1), out of 100 (note 2).

Readings, all on :class:`SelfAssessmentPolicy` (defaults first): R6
:class:`IndicatorRounding`, R13 :class:`ItemWeighting`, R15 :class:`MeasuredReading`,
:class:`AudienceList` and :class:`TraineeDecreaseReading`, R32
:class:`~baoshan_quality.guide.maturity.MeetingsScaleReading`, R33 :class:`GapReading`
and R42 :class:`SurveyZeroReading`.

>>> r = self_assess(
...     [ItemRating("4.3-1", survey=SurveyFacts(assigned=10, done=8))],
...     policy=SelfAssessmentPolicy(allow_missing=True),
... )
>>> r.item("4.3-1").band, r.item("4.3-1").percentage, r.indicator("4.3").score
('100%', Decimal('100'), Decimal('5.00'))
>>> r.total, r.missing[:2]
(Decimal('5.00'), ('1.1-1', '1.1-2'))
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from baoshan_quality._decimals import exact, round_half_up, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    frozen_mapping,
    is_bool,
    is_enum,
    is_instance,
    is_name,
    is_optional,
    is_text,
    name_problem,
    optional_decimal,
    to_name,
    to_optional_name,
)
from baoshan_quality.citations import Reason, guide
from baoshan_quality.errors import (
    InvalidInputError,
    InvalidRatingError,
    MissingCriterionError,
    UnknownCriterionError,
)
from baoshan_quality.guide.maturity import (
    MATURITY,
    MATURITY_CITATION,
    MaturityBand,
    MaturityScale,
    MeasuredKind,
    MeetingsScaleReading,
    SelfAssessmentItem,
)
from baoshan_quality.guide.measured import (
    Audience,
    AudienceFacts,
    AudienceList,
    DeltaFacts,
    HonourFacts,
    Measurement,
    MeetingFacts,
    SurveyFacts,
    SurveyZeroReading,
    TraineeDecreaseReading,
    TraineeFacts,
    as_decimal,
    measure,
    percent_text,
    plain,
)
from baoshan_quality.guide.scoring import FIRST_YEAR

__all__ = [
    "GapReading",
    "IndicatorRounding",
    "IndicatorScore",
    "ItemOutcome",
    "ItemRating",
    "ItemWeighting",
    "MeasuredReading",
    "RatingSource",
    "SelfAssessment",
    "SelfAssessmentPolicy",
    "self_assess",
]

_NOTE1 = guide("Appendix C, note 1")
_NOTE2 = guide("Appendix C, note 2")
_HUNDRED = Fraction(100)
_DISPLAY_PLACES = 10


# ------------------------------------------------------------------ readings


class IndicatorRounding(enum.Enum):
    """Reading R6: the rounding of an indicator score (Guide Appendix C, note 1)."""

    #: Default: exact until the indicator score, then 2 decimals half up (四舍五入).
    HALF_UP = "half-up"
    #: Alternative: no rounding (a value that does not terminate is carried to the
    #: library's 60 significant digits and flagged ``exact=False``).
    EXACT = "exact"


class ItemWeighting(enum.Enum):
    """Reading R13: how several items under one indicator count (Guide Appendix C)."""

    #: Default: equal weight — points × the mean of the items' percentages.
    EQUAL = "equal"
    #: Alternative: the caller's weights (:attr:`SelfAssessmentPolicy.weights`).
    CALLER = "caller"


class MeasuredReading(enum.Enum):
    """Reading R15: the percentage of a banded measured item, 3.2, 4.3, 5.2 (Guide Appendix C)."""

    #: Default: the facts choose the band and the item takes its printed figure.
    BAND_FIGURE = "band-figure"
    #: Alternative: the assessor's own percentage inside the band the facts choose.
    ASSESSOR_IN_BAND = "assessor-in-band"


class GapReading(enum.Enum):
    """Reading R33: a percentage or facts in no band of the item's scale (Guide Appendix C; R14).

    For a percentage given with no band named that lies in a gap of the scale,
    e.g. 20 % on 1.2's first item, whose bands are 100 %, 60 %以上, 30 %以上 and 0;
    and for measured facts in a gap (4.3 under R42's alternative, 1.2's second item
    under ``MeetingsScaleReading.PRINTED_ONLY``).
    """

    #: Default: refused — the scale has no maturity level for it.
    REFUSE = "refuse"
    #: Alternative: accepted with no band (any percentage in [0, 100]).  Measured
    #: facts then take their own figure (4.3: the share of tasks done; 1.2: 0), or
    #: the assessor's own inside the gap with ``MeasuredReading.ASSESSOR_IN_BAND``.
    ALLOW = "allow"


class RatingSource(enum.Enum):
    """Where an item's percentage comes from (Guide Appendix C; R15 for measured items)."""

    JUDGED = "judged"
    MEASURED = "measured"
    #: Not rated, counted as 0 (only with ``allow_missing``).
    MISSING = "missing"


def _weights(path: str, value: object) -> Decimal:
    return to_decimal(value, field=path, minimum=0)


def _policy_weights(value: Mapping[str, Decimal | int | str | float]) -> Mapping[str, Decimal]:
    """Converter: item code → non-negative weight, as Decimals, frozen."""
    return frozen_mapping("SelfAssessmentPolicy.weights", _weights)(value)


def _known_items(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    assert isinstance(value, Mapping)
    for code in value:
        MATURITY.item(code)


@attrs.frozen
class SelfAssessmentPolicy:
    """The readings :func:`self_assess` applies to table C.1 (Guide Appendix C).

    Every parameter defaults to the library's default reading (``SelfAssessmentPolicy()``).

    Attributes
    ----------
    rounding
        R6: indicator scores to 2 decimals half up (default), or exact.
    weighting
        R13: items of an indicator weigh equally (default), or by ``weights``.
    weights
        R13, with ``weighting=ItemWeighting.CALLER``: item code → non-negative
        weight.  Every item of an indicator with several items needs one; a single
        item may go without (weight 1).
    measured
        R15: a banded measured item takes the band's printed figure (default), or
        the assessor's own percentage inside the band.
    audiences, trainee_decrease
        R15: the audience list of 2.3's first item, and the reading of its second.
    gaps
        R33: a judged percentage, or measured facts, in no band: refused (default)
        or accepted.
    meetings
        R32: 1.2's second item, which prints only ``100%`` (:class:`MeetingsScaleReading`);
        with :class:`MeetingFacts` it also says what a shortfall gives (R43).
    allow_missing
        Count an unrated item as 0 and say so (by default a missing item is an error).
    survey_zero
        R42: 4.3's band "0：未完成任务" covers every share below 30 % (default), or
        only no task done, leaving 1–29 % in a gap (:class:`SurveyZeroReading`).

    Examples
    --------
    >>> SelfAssessmentPolicy(weights={"1.1-1": 2})
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: SelfAssessmentPolicy.weights: weights apply only with weighting=ItemWeighting.CALLER (R13), got {'1.1-1': Decimal('2')} (dict) (Guide Appendix C, Table C.1)
    """

    rounding: IndicatorRounding = attrs.field(
        default=IndicatorRounding.HALF_UP, validator=is_enum(IndicatorRounding)
    )
    weighting: ItemWeighting = attrs.field(
        default=ItemWeighting.EQUAL, validator=is_enum(ItemWeighting)
    )
    weights: Mapping[str, Decimal] = attrs.field(
        factory=dict,
        converter=_policy_weights,
        validator=_known_items,
    )
    measured: MeasuredReading = attrs.field(
        default=MeasuredReading.BAND_FIGURE, validator=is_enum(MeasuredReading)
    )
    audiences: AudienceList = attrs.field(
        default=AudienceList.APPENDIX_C, validator=is_enum(AudienceList)
    )
    trainee_decrease: TraineeDecreaseReading = attrs.field(
        default=TraineeDecreaseReading.DEDUCTION, validator=is_enum(TraineeDecreaseReading)
    )
    gaps: GapReading = attrs.field(default=GapReading.REFUSE, validator=is_enum(GapReading))
    meetings: MeetingsScaleReading = attrs.field(
        default=MeetingsScaleReading.BELOW_FULL, validator=is_enum(MeetingsScaleReading)
    )
    allow_missing: bool = attrs.field(default=False, validator=is_bool)
    survey_zero: SurveyZeroReading = attrs.field(
        default=SurveyZeroReading.BELOW_30, validator=is_enum(SurveyZeroReading)
    )

    def __attrs_post_init__(self) -> None:
        if self.weights and self.weighting is not ItemWeighting.CALLER:
            raise InvalidInputError.about(
                "SelfAssessmentPolicy.weights",
                dict(self.weights),
                "weights apply only with weighting=ItemWeighting.CALLER (R13)",
                MATURITY_CITATION,
            )


# ------------------------------------------------------------------ ratings

_FACT_FIELDS = {
    MeasuredKind.AUDIENCE_COVERAGE: "audiences",
    MeasuredKind.TRAINEE_TREND: "trainees",
    MeasuredKind.HONOURS: "honours",
    MeasuredKind.SURVEY_TASKS: "survey",
    MeasuredKind.DELTA_PARTICIPATION: "delta",
    MeasuredKind.MEETINGS: "meetings",
}
_FACT_CLASSES = {
    "audiences": "AudienceFacts",
    "trainees": "TraineeFacts",
    "honours": "HonourFacts",
    "survey": "SurveyFacts",
    "delta": "DeltaFacts",
    "meetings": "MeetingFacts",
}


def _percentage(value: Decimal | int | str | float | None) -> Decimal | None:
    """Converter: a judged percentage in [0, 100], or ``None`` for a measured item."""
    return optional_decimal(
        "ItemRating.percentage", minimum=0, maximum=100, citation=MATURITY_CITATION
    )(value)


def _audience_facts(value: AudienceFacts | Iterable[Audience] | None) -> AudienceFacts | None:
    """Converter: a plain list or tuple of :class:`Audience` is taken as :class:`AudienceFacts`."""
    if value is None or isinstance(value, AudienceFacts):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, Audience) for v in value):
        return AudienceFacts(value)
    raise InvalidInputError.about("ItemRating.audiences", value, "expected AudienceFacts")


def _item_code(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    is_name(instance, attribute, value)
    MATURITY.item(value)


@attrs.frozen
class ItemRating:
    """One item of table C.1 as the unit rates it (Guide Appendix C; R14, R15).

    A judged item takes ``percentage`` (and optionally the ``band`` it claims);
    a measured item takes the facts of its kind, and no percentage unless the
    policy lets the assessor give one inside the band the facts choose (R15).
    1.2's second item takes either a percentage or :class:`MeetingFacts` (R43).

    Attributes
    ----------
    item
        The item's code, ``"1.1-1"`` … ``"5.2-2"``.
    percentage
        A judged percentage in [0, 100] (``int``, ``str``, ``Decimal``, or a
        ``float`` through its shortest repr).
    band
        The band the assessor claims, by its printed label (``"70%以上"``).
    audiences, trainees, honours, survey, delta
        The facts of 2.3-1 (:class:`AudienceFacts`, or a list of :class:`Audience`),
        2.3-2, 3.2-1, 4.3-1 and 5.2-1.
    meetings
        The facts of 1.2-2 (:class:`MeetingFacts`), given instead of its percentage.
    note
        The assessor's own note (free text).

    Examples
    --------
    >>> ItemRating("1.1-1", 85, band="70%以上").percentage
    Decimal('85')
    >>> ItemRating("4.3-1", 80)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: ItemRating.survey: item 4.3-1 is measured (R15): give its facts as SurveyFacts, got None (Guide Appendix C, Table C.1 4.3)
    """

    item: str = attrs.field(converter=to_name, validator=_item_code)
    percentage: Decimal | None = attrs.field(
        default=None,
        converter=_percentage,
    )
    band: str | None = attrs.field(
        default=None, converter=to_optional_name, validator=is_optional(is_name)
    )
    audiences: AudienceFacts | None = attrs.field(default=None, converter=_audience_facts)
    trainees: TraineeFacts | None = attrs.field(
        default=None, validator=is_optional(is_instance(TraineeFacts))
    )
    honours: HonourFacts | None = attrs.field(
        default=None, validator=is_optional(is_instance(HonourFacts))
    )
    survey: SurveyFacts | None = attrs.field(
        default=None, validator=is_optional(is_instance(SurveyFacts))
    )
    delta: DeltaFacts | None = attrs.field(
        default=None, validator=is_optional(is_instance(DeltaFacts))
    )
    meetings: MeetingFacts | None = attrs.field(
        default=None, validator=is_optional(is_instance(MeetingFacts))
    )
    note: str = attrs.field(default="", validator=is_text)

    def __attrs_post_init__(self) -> None:
        item = MATURITY.item(self.item)
        wanted = _FACT_FIELDS[item.measured] if item.measured else None
        optional = _FACT_FIELDS[item.measured_form] if item.measured_form else None
        for name in _FACT_CLASSES:
            given = getattr(self, name)
            if given is not None and name not in (wanted, optional):
                raise InvalidInputError.about(
                    f"ItemRating.{name}",
                    given,
                    f"item {self.item} is not computed from {_FACT_CLASSES[name]}",
                    item.citation,
                )
        if wanted is None and self.percentage is None and _facts(self, item) is None:
            also = f" (or its facts as {_FACT_CLASSES[optional]}, R43)" if optional else ""
            raise InvalidInputError.about(
                "ItemRating.percentage",
                None,
                f"item {self.item} is judged: give its percentage{also}",
                item.citation,
            )
        if wanted is not None and getattr(self, wanted) is None:
            raise InvalidInputError.about(
                f"ItemRating.{wanted}",
                None,
                f"item {self.item} is measured (R15): give its facts as {_FACT_CLASSES[wanted]}",
                item.citation,
            )


def _facts(
    rating: ItemRating, item: SelfAssessmentItem
) -> AudienceFacts | TraineeFacts | HonourFacts | SurveyFacts | DeltaFacts | MeetingFacts | None:
    """The facts given for a measured item, or for a judged item's measured form."""
    kind = item.measured or item.measured_form
    if kind is None:
        return None
    found: (
        AudienceFacts | TraineeFacts | HonourFacts | SurveyFacts | DeltaFacts | MeetingFacts | None
    ) = getattr(rating, _FACT_FIELDS[kind])
    return found


# -------------------------------------------------------------------- results


@attrs.frozen
class ItemOutcome:
    """One item's percentage, its band and why (Guide Appendix C, table C.1).

    Attributes
    ----------
    item, indicator
        The item's code and its indicator's.
    percentage
        The percentage, exact where it terminates, else to 10 places (see ``exact``).
    exact
        Whether :attr:`percentage` is the exact value.
    band
        The band's printed label, or ``None`` (a gap allowed by ``GapReading.ALLOW``,
        or a missing item).
    source
        Judged, measured, or missing (counted 0).
    weight
        The item's weight in its indicator (R13).
    rating
        The rating given, or ``None`` for a missing item.
    reasons
        Why: the band and the figure, with the clause.
    """

    item: str
    indicator: str
    percentage: Decimal
    exact: bool
    band: str | None
    source: RatingSource
    weight: Decimal
    rating: ItemRating | None
    reasons: tuple[Reason, ...]


@attrs.frozen
class IndicatorScore:
    """One secondary indicator: points × the (weighted) mean of its items (Guide Appendix C).

    Attributes
    ----------
    indicator, zh, en
        The indicator's code and its names.
    points
        Its points (the Appendix B sub-item's).
    items
        The codes of its items.
    percentage
        The weighted mean percentage (exact where it terminates, else 10 places).
    score
        Points × mean, rounded as R6 says.
    exact
        Whether :attr:`score` is the exact value (``False`` after R6 rounding changed it).
    reasons
        Why, with the clause.
    """

    indicator: str
    zh: str
    en: str
    points: Decimal
    items: tuple[str, ...]
    percentage: Decimal
    score: Decimal
    exact: bool
    reasons: tuple[Reason, ...]


@attrs.frozen
class SelfAssessment(Tabular):
    """The result of :func:`self_assess`: items, indicators, total and reasons (Guide Appendix C).

    Printed (``str``, ``_repr_html_``) it is a table of the items with their
    indicator's score; ``to_records()`` gives one row per item.

    Attributes
    ----------
    unit, year
        Whose and which year's self-assessment, when given.
    items
        Every item of table C.1, in table order.
    indicators
        Every secondary indicator's score, in table order.
    total
        The sum of the indicator scores (note 1), out of 100 (note 2).
    missing
        The items not rated (counted 0; only with ``allow_missing``).
    policy
        The readings applied.
    reasons
        Why the total is what it is, with the clauses.
    """

    unit: str | None
    year: int | None
    items: tuple[ItemOutcome, ...]
    indicators: tuple[IndicatorScore, ...]
    total: Decimal
    missing: tuple[str, ...]
    policy: SelfAssessmentPolicy
    reasons: tuple[Reason, ...]

    def __attrs_post_init__(self) -> None:
        # A result read from JSON must hang together like one self_assess() made.
        items = [r.item for r in self.items]
        listed = [code for ind in self.indicators for code in ind.items]
        indicators = {ind.indicator for ind in self.indicators}
        if len(set(items)) != len(items) or sorted(items) != sorted(listed):
            raise InvalidInputError.about(
                "SelfAssessment.items",
                tuple(items),
                "the items must be exactly those the indicators list, once each",
                MATURITY_CITATION,
            )
        for r in self.items:
            if r.indicator not in indicators:
                raise InvalidInputError.about(
                    f"SelfAssessment.items[{r.item!r}].indicator",
                    r.indicator,
                    "names an indicator the result does not list",
                    MATURITY_CITATION,
                )

    def item(self, code: str) -> ItemOutcome:
        """The result of one item (Guide Appendix C, table C.1).

        Parameters
        ----------
        code
            The item's code (``"2.3-1"``).

        Returns
        -------
        ItemOutcome
            Its percentage, band and reasons.

        Raises
        ------
        UnknownCriterionError
            When table C.1 has no such item, or this result does not hold it.
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> r = self_assess([ItemRating("1.1-1", 85)], policy=SelfAssessmentPolicy(allow_missing=True))
        >>> r.item("1.1-1").band, r.item("1.1-2").source.value
        ('70%以上', 'missing')
        """
        MATURITY.item(code)
        for r in self.items:
            if r.item == code:
                return r
        raise UnknownCriterionError.about(
            "item", code, "not rated in this self-assessment", MATURITY_CITATION
        )

    def indicator(self, code: str) -> IndicatorScore:
        """The result of one secondary indicator (Guide Appendix C, table C.1).

        Parameters
        ----------
        code
            The indicator's code (``"2.3"``).

        Returns
        -------
        IndicatorScore
            Its mean percentage, score and reasons.

        Raises
        ------
        UnknownCriterionError
            When table C.1 has no such indicator, or this result does not hold it.
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> r = self_assess([ItemRating("4.1-1", 60)], policy=SelfAssessmentPolicy(allow_missing=True))
        >>> r.indicator("4.1").score
        Decimal('3.00')
        """
        MATURITY.indicator(code)
        for ind in self.indicators:
            if ind.indicator == code:
                return ind
        raise UnknownCriterionError.about(
            "indicator", code, "not in this self-assessment", MATURITY_CITATION
        )

    def _table(self) -> Table:
        scores = {i.indicator: i for i in self.indicators}
        rows = [
            (
                self.unit,
                self.year,
                r.indicator,
                r.item,
                r.percentage,
                r.exact,
                r.band,
                Text(_SOURCE_ZH[r.source], r.source.value),
                r.weight,
                scores[r.indicator].points,
                scores[r.indicator].score,
                str(r.reasons[0].citation),
            )
            for r in self.items
        ]
        who = " ".join(str(x) for x in (self.unit, self.year) if x is not None)
        return Table(
            caption=Text(
                f"{who + ' 年度' if self.year is not None else who}自评：总分 {self.total}/100",
                f"{who + ' ' if who else ''}self-assessment: total {self.total}/100",
            ),
            columns=_COLUMNS,
            rows=rows,
            notes=_notes(self.reasons),
        )


_SOURCE_ZH = {
    RatingSource.JUDGED: "评定",
    RatingSource.MEASURED: "计算",
    RatingSource.MISSING: "缺项",
}

#: The columns of :class:`SelfAssessment`'s table, one row per item.
_COLUMNS = (
    Column("unit", "单位", "unit", shown=False),
    Column("year", "年度", "year", shown=False),
    Column("indicator", "二级指标", "indicator"),
    Column("item", "自评内容", "item"),
    Column("percentage", "百分比", "percentage"),
    Column("exact", "精确", "exact"),
    Column("band", "成熟度", "band"),
    Column("source", "来源", "source"),
    Column("weight", "权重", "weight", shown=False),
    Column("indicator_points", "指标分值", "indicator points"),
    Column("indicator_score", "指标得分", "indicator score"),
    Column("clause", "条款", "clause", shown=False),
)


def _notes(reasons: Iterable[Reason]) -> tuple[Text, ...]:
    return tuple(Text(f"[{r.citation}] {r.zh}", f"[{r.citation}] {r.en}") for r in reasons)


# ---------------------------------------------------------------- computation


def _check_band(
    rating: ItemRating, scale: MaturityScale, chosen: MaturityBand, item: SelfAssessmentItem
) -> None:
    if rating.band is not None and rating.band != chosen.label:
        raise InvalidRatingError.about(
            f"ItemRating({item.code!r}).band",
            rating.band,
            f"the facts put the item in band {chosen.label} (R15)",
            item.citation,
        )


def _judged(
    rating: ItemRating, scale: MaturityScale, item: SelfAssessmentItem, policy: SelfAssessmentPolicy
) -> tuple[Fraction, MaturityBand | None, Reason]:
    assert rating.percentage is not None
    pct = rating.percentage
    where = f"ItemRating({item.code!r})"
    if rating.band is not None:
        band = scale.band(rating.band) if _has(scale, rating.band) else None
        if band is None:
            choices = ", ".join(b.label for b in scale.bands)
            raise InvalidRatingError.about(
                f"{where}.band",
                rating.band,
                f"no such band on this scale ({choices})",
                item.citation,
            )
        if not band.contains(pct):
            raise InvalidRatingError.about(
                f"{where}.percentage",
                pct,
                f"outside the band {band.label} {band.interval} (R14)",
                item.citation,
            )
    else:
        band = scale.find(pct)
        if band is None and policy.gaps is GapReading.REFUSE:
            listing = ", ".join(f"{b.label} {b.interval}" for b in scale.bands)
            raise InvalidRatingError.about(
                f"{where}.percentage",
                pct,
                f"in no band of the item's scale ({listing}); GapReading.ALLOW accepts it",
                item.citation,
            )
    if band is None:
        reason = Reason(
            item.citation,
            f"自评 {pct}%，不在任何成熟度档内（按 R33 备选接受）。",
            f"Judged {pct}%, in no maturity band (accepted under GapReading.ALLOW, R33).",
        )
    else:
        printed_zh = "" if band.printed else "（未印出的档，R32）"
        printed_en = "" if band.printed else " (an unprinted band: see MeetingsScaleReading, R32)"
        reason = Reason(
            item.citation,
            f"自评 {pct}%，属“{band.label}”档{printed_zh}：{band.zh}。",
            f"Judged {pct}%, in band {band.label} {band.interval}{printed_en}: {band.en}.",
        )
    return Fraction(pct), band, reason


def _has(scale: MaturityScale, label: str) -> bool:
    return any(b.label == label for b in scale.bands)


def _measured(
    rating: ItemRating, scale: MaturityScale, item: SelfAssessmentItem, policy: SelfAssessmentPolicy
) -> tuple[Fraction, MaturityBand | None, tuple[Reason, ...]]:
    kind = item.measured or item.measured_form
    facts = _facts(rating, item)
    assert kind is not None
    assert facts is not None
    m = measure(
        facts,
        audiences=policy.audiences,
        trainee_decrease=policy.trainee_decrease,
        survey_zero=policy.survey_zero,
        meetings=policy.meetings,
    )
    pct, zh, en = m.percentage, m.zh, m.en
    where = f"ItemRating({item.code!r})"
    if m.label is None:
        return _measured_gap(rating, scale, item, policy, m)
    band = scale.band(m.label)
    _check_band(rating, scale, band, item)
    computed = kind in (MeasuredKind.AUDIENCE_COVERAGE, MeasuredKind.TRAINEE_TREND)
    if rating.percentage is not None:
        if computed or policy.measured is MeasuredReading.BAND_FIGURE:
            why = (
                "its percentage is computed from the facts"
                if computed
                else "under MeasuredReading.BAND_FIGURE (R15 default) the item takes the "
                "band's figure; choose MeasuredReading.ASSESSOR_IN_BAND to give your own"
            )
            raise InvalidRatingError.about(
                f"{where}.percentage", rating.percentage, why, item.citation
            )
        if not band.contains(rating.percentage):
            raise InvalidRatingError.about(
                f"{where}.percentage",
                rating.percentage,
                f"outside the band {band.label} {band.interval} the facts choose (R15)",
                item.citation,
            )
        pct = Fraction(rating.percentage)
        zh += f"评估人在该档内自评 {rating.percentage}%（R15 备选）。"
        en += f" The assessor's own {rating.percentage}% inside the band (R15 alternative)."
    elif not computed and band.printed:
        zh += f"取该档印出的数值 {plain(band.figure)}%（R15）。"
        en += f" The item takes the band's printed figure, {plain(band.figure)}% (R15)."
    elif not computed:
        zh += f"该档未印出，取其下限 {plain(band.lower)}%（R15、R43）。"
        en += (
            f" The band is not printed: the item takes its floor, {plain(band.lower)}% (R15, R43)."
        )
    return pct, band, (Reason(item.citation, zh, en), *m.also)


def _measured_gap(
    rating: ItemRating,
    scale: MaturityScale,
    item: SelfAssessmentItem,
    policy: SelfAssessmentPolicy,
    m: Measurement,
) -> tuple[Fraction, None, tuple[Reason, ...]]:
    """Facts in no band of the scale (R42 alternative; R43 under PRINTED_ONLY): R33."""
    where = f"ItemRating({item.code!r})"
    kind = item.measured or item.measured_form
    assert kind is not None
    lower, lower_closed, upper, upper_closed = _gap(scale, m.percentage)
    gap = f"{'[' if lower_closed else '('}{lower}, {upper}{']' if upper_closed else ')'}"
    if policy.gaps is GapReading.REFUSE:
        listing = ", ".join(f"{b.label} {b.interval}" for b in scale.bands)
        raise InvalidRatingError.about(
            f"{where}.{_FACT_FIELDS[kind]}",
            _facts(rating, item),
            f"{m.en.rstrip('.')} (bands: {listing}); GapReading.ALLOW accepts it with no "
            "band (R33)",
            item.citation,
        )
    if rating.band is not None:
        raise InvalidRatingError.about(
            f"{where}.band", rating.band, "the facts put the item in no band (R33)", item.citation
        )
    pct, zh, en = m.percentage, m.zh, m.en
    if rating.percentage is not None:
        if policy.measured is MeasuredReading.BAND_FIGURE:
            raise InvalidRatingError.about(
                f"{where}.percentage",
                rating.percentage,
                "under MeasuredReading.BAND_FIGURE (R15 default) the item takes the facts' "
                "own figure; choose MeasuredReading.ASSESSOR_IN_BAND to give your own",
                item.citation,
            )
        inside = (lower < rating.percentage or (lower_closed and rating.percentage == lower)) and (
            rating.percentage < upper or (upper_closed and rating.percentage == upper)
        )
        if not inside:
            raise InvalidRatingError.about(
                f"{where}.percentage",
                rating.percentage,
                f"outside the gap {gap} the facts choose (R15, R33)",
                item.citation,
            )
        pct = Fraction(rating.percentage)
        zh += f"按 R33 备选接受，无档；评估人在区间 {gap} 内自评 {rating.percentage}%（R15 备选）。"
        en += (
            f" Accepted with no band (R33 alternative); the assessor's own "
            f"{rating.percentage}% inside the gap {gap} (R15 alternative)."
        )
    else:
        shown = percent_text(pct)
        zh += f"按 R33 备选接受，无档，{_GAP_FIGURE_ZH[item.code]} {shown}。"
        en += f" Accepted with no band (R33 alternative): {_GAP_FIGURE_EN[item.code]}, {shown}."
    return pct, None, (Reason(item.citation, zh, en), *m.also)


#: What a measured item takes in a gap with no assessor's figure (R33 alternative).
_GAP_FIGURE_ZH = {"4.3-1": "取完成任务的比例", "1.2-2": "取 0（事实未给出任何程度）"}
_GAP_FIGURE_EN = {
    "4.3-1": "the item takes the share of tasks done",
    "1.2-2": "the item takes 0 (the facts give no degree)",
}


def _gap(scale: MaturityScale, pct: Fraction) -> tuple[Decimal, bool, Decimal, bool]:
    """The gap between the bands around ``pct``: lower, lower closed, upper, upper closed."""
    below = [b.upper for b in scale.bands if b.upper <= pct]
    above = [b.lower for b in scale.bands if b.lower >= pct]
    lower = max(below, default=Decimal(0))
    upper = min(above, default=Decimal(100))
    lower_taken = any(b.upper == lower and b.upper_closed for b in scale.bands)
    upper_taken = any(b.lower == upper and b.lower_closed for b in scale.bands)
    return lower, not lower_taken, upper, not upper_taken


def _collect(ratings: object) -> dict[str, ItemRating]:
    if isinstance(ratings, (str, bytes, Mapping)) or not isinstance(ratings, Iterable):
        raise InvalidInputError.about(
            "ratings", ratings, "expected a sequence of ItemRating", MATURITY_CITATION
        )
    found: dict[str, ItemRating] = {}
    for index, rating in enumerate(ratings):
        if not isinstance(rating, ItemRating):
            raise InvalidInputError.about(
                f"ratings[{index}]", rating, "expected an ItemRating", MATURITY_CITATION
            )
        if rating.item in found:
            raise InvalidInputError.about(
                f"ratings[{index}].item",
                rating.item,
                "the item is rated twice",
                MATURITY_CITATION,
            )
        found[rating.item] = rating
    return found


def _weight_of(code: str, indicator: str, policy: SelfAssessmentPolicy) -> Decimal:
    if policy.weighting is ItemWeighting.EQUAL:
        return Decimal(1)
    if code in policy.weights:
        return policy.weights[code]
    if len(MATURITY.indicator(indicator).items) == 1:
        return Decimal(1)
    raise MissingCriterionError.about(
        "SelfAssessmentPolicy.weights",
        code,
        f"ItemWeighting.CALLER needs a weight for every item of indicator {indicator} (R13)",
        MATURITY.indicator(indicator).citation,
    )


def self_assess(
    ratings: Iterable[ItemRating],
    *,
    unit: str | None = None,
    year: int | None = None,
    policy: SelfAssessmentPolicy | None = None,
) -> SelfAssessment:
    """Compute a unit's self-assessment on table C.1 (Guide Appendix C, notes 1 and 2).

    Each item's percentage is judged (in its band, R14) or computed from facts
    (R15); an indicator scores its points × the mean of its items' percentages
    (R13), rounded as R6 says; the total is the sum of the indicator scores.

    Parameters
    ----------
    ratings
        One :class:`ItemRating` per item (all 23, unless ``policy.allow_missing``).
    unit
        The unit's name (``"罗店镇"``), when known.
    year
        The year assessed, from 2022 (the Guide's edition), when known.
    policy
        The readings to apply; ``None`` means ``SelfAssessmentPolicy()``, every
        default reading.

    Returns
    -------
    SelfAssessment
        Every item and indicator with its reasons, and the total.

    Raises
    ------
    MissingCriterionError
        When an item is not rated (unless ``policy.allow_missing``), or caller
        weights (R13) lack an item of a several-item indicator.
    InvalidRatingError
        When a percentage lies outside the band named or in no band (``GapReading``,
        R33), a measured item's facts fall in no band (R42's alternative for 4.3;
        R43 under ``MeetingsScaleReading.PRINTED_ONLY``) with ``GapReading.REFUSE``,
        or a measured item's band or percentage disagrees with its facts.
    InvalidInputError
        When an item is rated twice, or ``ratings``, ``unit``, ``year`` or ``policy``
        is not what it should be.

    Examples
    --------
    >>> r = self_assess(
    ...     [ItemRating("2.3-1", audiences=AudienceFacts([Audience.PUPILS, Audience.ENTERPRISES])),
    ...      ItemRating("2.3-2", trainees=TraineeFacts(6, 5, 140, 120))],
    ...     policy=SelfAssessmentPolicy(allow_missing=True))
    >>> r.item("2.3-1").percentage, r.item("2.3-1").exact
    (Decimal('66.6666666667'), False)
    >>> r.indicator("2.3").score  # 8 × (200/3 + 100) / 2 / 100 = 20/3
    Decimal('6.67')
    """
    policy = SelfAssessmentPolicy() if policy is None else policy
    if not isinstance(policy, SelfAssessmentPolicy):
        raise InvalidInputError.about("policy", policy, "expected a SelfAssessmentPolicy")
    if unit is not None:
        unit = _check_unit(unit)
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= 9999
    ):
        raise InvalidInputError.about(
            "year",
            year,
            f"expected a year from {FIRST_YEAR} (the Guide's edition)",
            guide("designation (—2022)"),
        )
    given = _collect(ratings)
    missing = [i.code for i in MATURITY.items if i.code not in given]
    if missing and not policy.allow_missing:
        raise MissingCriterionError.about(
            "ratings",
            tuple(missing),
            "every item of table C.1 must be rated (allow_missing=True counts a missing "
            "item as 0 and says so)",
            MATURITY_CITATION,
        )
    with exact():
        return _assess(given, tuple(missing), unit, year, policy)


def _check_unit(unit: object) -> str:
    """The unit's name in NFC, or the library's error naming what is wrong with it."""
    if not isinstance(unit, str):
        raise InvalidInputError.about("unit", unit, "expected a unit name such as '罗店镇'")
    unit = to_name(unit)
    problem = name_problem(unit)
    if problem is not None:
        raise InvalidInputError.about("unit", unit, problem)
    return unit


def _assess(
    given: dict[str, ItemRating],
    missing: tuple[str, ...],
    unit: str | None,
    year: int | None,
    policy: SelfAssessmentPolicy,
) -> SelfAssessment:
    items: list[ItemOutcome] = []
    exact_pct: dict[str, Fraction] = {}
    for item in MATURITY.items:
        scale = MATURITY.scale_for(item.code, meetings=policy.meetings)
        weight = _weight_of(item.code, item.indicator, policy)
        rating = given.get(item.code)
        band: MaturityBand | None
        if rating is None:
            pct, band, source = Fraction(0), None, RatingSource.MISSING
            item_reasons: tuple[Reason, ...] = (
                Reason(
                    item.citation,
                    "未自评，按 0 计（调用方允许缺项）。",
                    "Not rated: counted as 0 (the caller allowed missing items).",
                ),
            )
        elif item.measured is None and _facts(rating, item) is None:
            pct, band, reason = _judged(rating, scale, item, policy)
            item_reasons = (reason,)
            source = RatingSource.JUDGED
        else:
            pct, band, item_reasons = _measured(rating, scale, item, policy)
            source = RatingSource.MEASURED
        exact_pct[item.code] = pct
        shown, is_exact = as_decimal(pct, _DISPLAY_PLACES)
        items.append(
            ItemOutcome(
                item.code,
                item.indicator,
                plain(shown),
                is_exact,
                band.label if band else None,
                source,
                weight,
                rating,
                item_reasons,
            )
        )
    indicators = [
        _indicator(ind_code, items, exact_pct, policy)
        for ind_code in (i.code for i in MATURITY.indicators)
    ]
    total = sum((i.score for i in indicators), Decimal(0))
    reasons = [
        Reason(
            _NOTE1,
            f"按成熟度为每项二级指标评分，累加得总分 {total}。",
            f"Each secondary indicator scored by maturity; the total is their sum, {total}.",
        ),
        Reason(_NOTE2, "本评分表总分 100 分。", "The table is out of 100 points."),
    ]
    if missing:
        reasons.append(
            Reason(
                MATURITY_CITATION,
                f"未自评的 {len(missing)} 项按 0 计：{'、'.join(missing)}。",
                f"{len(missing)} unrated items counted as 0: {', '.join(missing)}.",
            )
        )
    return SelfAssessment(
        unit, year, tuple(items), tuple(indicators), total, missing, policy, tuple(reasons)
    )


def _indicator(
    code: str,
    items: list[ItemOutcome],
    exact_pct: Mapping[str, Fraction],
    policy: SelfAssessmentPolicy,
) -> IndicatorScore:
    ind = MATURITY.indicator(code)
    mine = [r for r in items if r.indicator == code]
    weights = {r.item: Fraction(r.weight) for r in mine}
    if sum(weights.values(), Fraction(0)) == 0:
        raise InvalidInputError.about(
            "SelfAssessmentPolicy.weights",
            {k: str(v) for k, v in weights.items()},
            f"the weights of indicator {code} sum to 0 (R13)",
            ind.citation,
        )
    mean = sum((weights[r.item] * exact_pct[r.item] for r in mine), Fraction(0)) / sum(
        weights.values(), Fraction(0)
    )
    value = Fraction(ind.points) * mean / _HUNDRED
    mean_shown, _ = as_decimal(mean, _DISPLAY_PLACES)
    if policy.rounding is IndicatorRounding.HALF_UP:
        raw, _ = as_decimal(value)
        score = round_half_up(raw, 2)
        is_exact = Fraction(score) == value
        how_zh, how_en = "保留两位小数，四舍五入（R6）", "rounded to 2 decimals, half up (R6)"
    else:
        score, is_exact = as_decimal(value)
        score = plain(score)
        how_zh, how_en = "不取整（R6 备选）", "not rounded (R6 alternative)"
    weigh_zh = (
        "各项等权（R13）" if policy.weighting is ItemWeighting.EQUAL else "按调用方权重（R13 备选）"
    )
    weigh_en = (
        "equal weights (R13)"
        if policy.weighting is ItemWeighting.EQUAL
        else "the caller's weights (R13 alternative)"
    )
    reason = Reason(
        ind.citation,
        f"{ind.points} 分 × {weigh_zh}平均成熟度 {percent_text(mean)} = {score}，{how_zh}。",
        f"{ind.points} points × the mean maturity with {weigh_en}, {percent_text(mean)} = "
        f"{score}, {how_en}.",
    )
    return IndicatorScore(
        code,
        ind.zh,
        ind.en,
        ind.points,
        tuple(r.item for r in mine),
        plain(mean_shown),
        score,
        is_exact,
        (reason,),
    )
