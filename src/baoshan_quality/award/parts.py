"""The parts of an award scheme: the records of its tables, one per row of the text.

An :class:`~baoshan_quality.award.scheme.AwardScheme` is made of these records, each a
row of an article of the measures it encodes, with that article's clause:

* Art. 2 — the classes (:class:`AwardClass`, e.g. 区长质量奖) and the tracks of every
  class (:class:`Track`, e.g. 先进质量管理模式 for organisations);
* Art. 3, 14, 15 — the eligibility conditions (:class:`ConditionRow`: the facts each
  reads, its wording, and how it is judged, :class:`Judgement`);
* Art. 7 — one :class:`QuotaRow` per class × track; Art. 19 — one :class:`PrizeRow`;
* Art. 5, 12, 14–16, 18(7), 23, 25, 27 — the periods (:class:`SchemeTerm`);
* Art. 28 — the validity span (:class:`ValiditySpan`).

Rows name classes and tracks by their code (``"mayor"``, ``"model"``), as applicant
records and JSON do; a record carries its clause as text (``"Art. 7"``), read under the
scheme's own document (``scheme.cite(row.clause)``), so that a neighbouring district's
scheme cites its own measures.

>>> gold = AwardClass(code="gold", zh="质量金奖", en="Quality Gold Award", clause="Art. 2(2)")
>>> gold.code, gold.zh
('gold', '质量金奖')
>>> class_code(gold), class_code("mayor")
('gold', 'mayor')
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from baoshan_quality._decimals import to_decimal
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_enum,
    is_int,
    is_name,
    is_optional,
    is_text,
    is_tuple_of,
    to_name,
    to_optional_name,
)
from baoshan_quality.award._show import as_tuple
from baoshan_quality.errors import InvalidInputError, TableError

__all__ = [
    "ApplicantKind",
    "AwardClass",
    "ConditionRow",
    "FactRef",
    "Judgement",
    "PrizeItem",
    "PrizeRow",
    "QuotaRow",
    "SchemeTerm",
    "TermUnit",
    "Track",
    "ValiditySpan",
]

_CODE = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")


def is_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a code — lower-case letters and digits, joined by ``-``, ``_`` or ``.``."""
    is_name(instance, attribute, value)
    assert isinstance(value, str)
    if not _CODE.fullmatch(value):
        raise InvalidInputError.about(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            "expected a code of lower-case letters and digits (such as 'gold')",
        )


class ApplicantKind(enum.Enum):
    """Who applies (Measures Art. 3): an organisation (组织) or an individual (个人)."""

    #: 组织 — an organisation registered in the district (Art. 3).
    ORGANISATION = "organisation"
    #: 个人 — a natural person (Art. 3).
    INDIVIDUAL = "individual"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return "组织" if self is ApplicantKind.ORGANISATION else "个人"


@attrs.frozen(kw_only=True)
class AwardClass:
    """A class (类别) of an award scheme (Measures Art. 2): code, names, clause.

    A scheme lists its classes highest first (Art. 2(1): the Mayor's award is the
    district's highest quality honour).  Rules accept a class or its code.

    Attributes
    ----------
    code
        The code applicant records and JSON use (``"mayor"``, ``"gold"``).
    zh, en
        The Chinese name without the district (``区长质量奖``) and an English name.
    clause
        The clause that creates the class (``"Art. 2(1)"``), in the scheme's document.

    Examples
    --------
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> BAOSHAN_2023.award_class("mayor").en
    "District Mayor's Quality Award"
    """

    code: str = attrs.field(validator=is_code)
    zh: str = attrs.field(converter=to_name, validator=is_name)
    en: str = attrs.field(converter=to_name, validator=is_name)
    clause: str = attrs.field(converter=to_name, validator=is_name)


@attrs.frozen(kw_only=True)
class Track:
    """A track of every class (Measures Art. 2), and who may apply on it.

    Art. 2: 组织可申报先进质量管理模式，个人可申报先进质量管理成果 — organisations
    apply for the model, individuals for the achievement.  Rules accept a track or
    its code.

    Attributes
    ----------
    code
        The code applicant records and JSON use (``"model"``, ``"achievement"``).
    zh, en
        The Chinese and English names (``先进质量管理模式``).
    applicant
        Who applies on the track (:class:`ApplicantKind`); one track per kind.
    clause
        The clause that creates the track (``"Art. 2"``).

    Examples
    --------
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> BAOSHAN_2023.track_for(ApplicantKind.INDIVIDUAL).code
    'achievement'
    """

    code: str = attrs.field(validator=is_code)
    zh: str = attrs.field(converter=to_name, validator=is_name)
    en: str = attrs.field(converter=to_name, validator=is_name)
    applicant: ApplicantKind = attrs.field(validator=is_enum(ApplicantKind))
    clause: str = attrs.field(converter=to_name, validator=is_name)


def class_code(value: AwardClass | str) -> str:
    """Converter body: a class as its code (a string is kept for the validator to check)."""
    return value.code if isinstance(value, AwardClass) else value


def track_code(value: Track | str) -> str:
    """Converter body: a track as its code (a string is kept for the validator to check)."""
    return value.code if isinstance(value, Track) else value


def optional_class_code(value: AwardClass | str | None) -> str | None:
    """Converter body: ``None`` (unknown) is kept; otherwise as :func:`class_code`."""
    return None if value is None else class_code(value)


def optional_track_code(value: Track | str | None) -> str | None:
    """Converter body: ``None`` (unknown) is kept; otherwise as :func:`track_code`."""
    return None if value is None else track_code(value)


class PrizeItem(enum.Enum):
    """What a winner receives besides money (Measures Art. 19)."""

    #: 奖牌 — plaque (models).
    PLAQUE = "plaque"
    #: 奖杯 — trophy (achievements).
    TROPHY = "trophy"
    #: 证书（标明获奖年度）— certificate marked with the award year.
    CERTIFICATE = "certificate"

    @property
    def zh(self) -> str:
        """The Chinese term (the certificate with the source's own note)."""
        return {"plaque": "奖牌", "trophy": "奖杯", "certificate": "证书（标明获奖年度）"}[
            self.value
        ]

    @property
    def en(self) -> str:
        """The English term."""
        return {
            "plaque": "plaque",
            "trophy": "trophy",
            "certificate": "certificate marked with the award year",
        }[self.value]


class TermUnit(enum.Enum):
    """The unit a :class:`SchemeTerm` counts in."""

    #: Years, counted as reading R7 says (:mod:`baoshan_quality.periods`).
    YEARS = "years"
    #: Working days (工作日) on the mainland-China calendar.
    WORKING_DAYS = "working-days"


@attrs.frozen(kw_only=True)
class SchemeTerm:
    """A number of years (or working days) fixed by a clause, with its wording.

    A term is at least 1: a period of zero years is refused.

    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> BAOSHAN_2023.retention.count, BAOSHAN_2023.retention.zh
    (10, '申报评审材料一般保存10年')
    """

    count: int = attrs.field(validator=is_int(minimum=1, maximum=9999))
    unit: TermUnit = attrs.field(validator=is_enum(TermUnit))
    clause: str = attrs.field(converter=to_name, validator=is_name)
    zh: str = attrs.field(converter=to_name, validator=is_name)
    en: str = attrs.field(converter=to_name, validator=is_name)


@attrs.frozen(kw_only=True)
class QuotaRow:
    """Art. 7: at most ``maximum`` winners of one class × track per edition.

    ``may_be_vacant``: the award may stay vacant (Art. 7: 所有奖项均可空缺).
    """

    award_class: str = attrs.field(converter=class_code, validator=is_code)
    track: str = attrs.field(converter=track_code, validator=is_code)
    maximum: int = attrs.field(validator=is_int(minimum=0, maximum=10_000))
    may_be_vacant: bool = attrs.field(validator=is_bool)
    clause: str = attrs.field(converter=to_name, validator=is_name)


def _to_cash(value: Decimal | int | str | float) -> Decimal:
    return to_decimal(value, field="PrizeRow.cash_cap", minimum=0)


def _to_items(value: Iterable[PrizeItem]) -> tuple[PrizeItem, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class PrizeRow:
    """Art. 19: the prize of one class × track — items, and money up to a cap.

    Attributes
    ----------
    cash_cap
        The most money, in yuan (人民币): "不超过" (not more than), so the cap itself
        may be paid.  Given as ``Decimal``, ``int`` or a decimal string.
    items
        What else the winner receives (:class:`PrizeItem`), in the article's order.
    certificate_marks_award_year
        The certificate is marked with the award year (证书（标明获奖年度）).
    """

    award_class: str = attrs.field(converter=class_code, validator=is_code)
    track: str = attrs.field(converter=track_code, validator=is_code)
    cash_cap: Decimal = attrs.field(converter=_to_cash)
    items: tuple[PrizeItem, ...] = attrs.field(
        converter=_to_items, validator=is_tuple_of(PrizeItem)
    )
    certificate_marks_award_year: bool = attrs.field(validator=is_bool)
    clause: str = attrs.field(converter=to_name, validator=is_name)


@attrs.frozen(kw_only=True)
class ValiditySpan:
    """When the measures apply (Art. 28): in force, and applied by reference before that.

    ``by_reference_from`` (may be ``None``) starts a span, ending the day
    before ``in_force_from``, in which the measures are applied by reference
    (参照执行).  Both ends of each span are included; dates in force that end
    before they start are refused.
    """

    by_reference_from: datetime.date | None = attrs.field(validator=is_optional(is_date))
    in_force_from: datetime.date = attrs.field(validator=is_date)
    in_force_until: datetime.date = attrs.field(validator=is_date)
    clause: str = attrs.field(converter=to_name, validator=is_name)

    def __attrs_post_init__(self) -> None:
        if self.in_force_until < self.in_force_from:
            raise TableError.about(
                "ValiditySpan.in_force_until",
                self.in_force_until,
                f"ends before in_force_from {self.in_force_from}",
            )
        if self.by_reference_from is not None and self.by_reference_from >= self.in_force_from:
            raise TableError.about(
                "ValiditySpan.by_reference_from",
                self.by_reference_from,
                f"must come before in_force_from {self.in_force_from}",
            )

    @property
    def first_day(self) -> datetime.date:
        """The first day on which the measures apply at all."""
        return self.by_reference_from or self.in_force_from


# --- the eligibility table (Art. 3, 14, 15) ----------------------------------------------


class Judgement(enum.Enum):
    """How a :class:`ConditionRow` is judged from the facts it reads.

    Each is one small function of :mod:`baoshan_quality.award.judges`, shared by
    every row that names it.
    """

    #: Every fact is as the row says (``FactRef.holds_if``); a contrary fact fails it.
    ALL_HOLD = "all-hold"
    #: At least one fact is as the row says (Art. 3: 在宝山区从事质量工作 *或者* 做出贡献).
    ANY_HOLDS = "any-holds"
    #: The row's term in years has run since the date fact (三年以上, 五年以上; R7, R22).
    AT_LEAST_YEARS = "at-least-years"
    #: No dated event of the facts within the row's term back from the day (近三年; R7).
    NONE_WITHIN_LOOKBACK = "none-within-lookback"


@attrs.frozen(kw_only=True)
class FactRef:
    """A fact a condition row reads: the applicant's field, and its wording.

    Attributes
    ----------
    name
        The field of the applicant (``Organisation`` or ``Individual``) that holds it.
    zh, en
        The fact in the article's words (a yes/no fact: the statement that must hold;
        a dated fact: the event, e.g. 因组织责任导致的重大用户（顾客）投诉).
    holds_if
        For a yes/no fact, the value for which the statement holds: ``True``, or
        ``False`` for a field that records the opposite (``serious_violations=True``
        means 未发生严重违反法律法规的行为 does not hold).
    """

    name: str = attrs.field(converter=to_name, validator=is_name)
    zh: str = attrs.field(converter=to_name, validator=is_name)
    en: str = attrs.field(converter=to_name, validator=is_name)
    holds_if: bool = attrs.field(default=True, validator=is_bool)


def _to_facts(value: Iterable[FactRef]) -> tuple[FactRef, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class ConditionRow:
    """One condition of Art. 3, 14 or 15 as a row: key, clause, facts, wording, judgement.

    Consecutive rows with the same key are the parts of one condition (Art. 14(1):
    registered and operating normally, *and* for three years or more); the condition
    fails when a part fails, is unknown when none fails and a part lacks facts.

    Attributes
    ----------
    key
        The condition's name in results (``"art14.1"``).
    applicant
        Whose condition it is (:class:`ApplicantKind`).
    clause
        The clause, in the scheme's document (``"Art. 14(1)"``).
    judged
        How it is judged (:class:`Judgement`).
    facts
        The facts it reads (:class:`FactRef`), in the article's order.
    term
        For the judgements in years, the scheme's term it counts (``"operating"``).
    zh, en
        The condition in the article's words.  An all-hold row gives it as its reason
        when met; an any-holds row leads each fact that holds with it
        (``属本办法所称的个人：在宝山区从事质量工作。``); the judgements in years build
        their reasons from the facts' words and the term.
    failed_zh, failed_en
        For :attr:`Judgement.ANY_HOLDS`, the reason when no fact holds.

    Examples
    --------
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> row = BAOSHAN_2023.conditions[2]
    >>> row.key, row.clause, row.judged.value, row.term, [f.name for f in row.facts]
    ('art14.1', 'Art. 14(1)', 'at-least-years', 'operating', ['registered_on'])
    """

    key: str = attrs.field(converter=to_name, validator=is_name)
    applicant: ApplicantKind = attrs.field(validator=is_enum(ApplicantKind))
    clause: str = attrs.field(converter=to_name, validator=is_name)
    judged: Judgement = attrs.field(validator=is_enum(Judgement))
    facts: tuple[FactRef, ...] = attrs.field(converter=_to_facts, validator=is_tuple_of(FactRef))
    term: str | None = attrs.field(
        default=None, converter=to_optional_name, validator=is_optional(is_name)
    )
    zh: str = attrs.field(converter=to_name, validator=is_name)
    en: str = attrs.field(converter=to_name, validator=is_name)
    failed_zh: str = attrs.field(default="", validator=is_text)
    failed_en: str = attrs.field(default="", validator=is_text)

    def __attrs_post_init__(self) -> None:
        where = f"ConditionRow({self.key}).facts"
        if not self.facts:
            raise TableError.about(where, self.facts, "a condition reads at least one fact")
        in_years = self.judged in (Judgement.AT_LEAST_YEARS, Judgement.NONE_WITHIN_LOOKBACK)
        if in_years != (self.term is not None):
            raise TableError.about(
                f"ConditionRow({self.key}).term",
                self.term,
                f"a {self.judged.value} condition "
                + ("counts a term of the scheme" if in_years else "counts no term"),
            )
        if self.judged is Judgement.AT_LEAST_YEARS and len(self.facts) != 1:
            raise TableError.about(where, self.facts, "at-least-years reads one start date")
        if self.judged is Judgement.ANY_HOLDS and not (self.failed_zh and self.failed_en):
            raise TableError.about(
                f"ConditionRow({self.key}).failed_zh",
                self.failed_zh,
                "an any-holds condition says, in both languages, why it fails",
            )
