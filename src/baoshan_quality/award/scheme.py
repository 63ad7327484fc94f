"""The award scheme as data: classes, tracks, quotas, prizes, periods, validity.

Everything 宝府规〔2023〕3号 (the Measures) fixes in numbers lives in one frozen
value, :data:`BAOSHAN_2023`, that the rules read (``scheme=None`` means it).  The
next edition of the Measures, or a neighbouring district's near-identical
measures, is a new :class:`AwardScheme` value, not new code.

* Art. 2 — two classes (:class:`AwardClass`), each with two tracks
  (:class:`Track`): organisations apply for the model, individuals for the
  achievement.
* Art. 7 — quotas per edition (:func:`quota`); every award may stay vacant.
* Art. 19 — prizes (:func:`prize`, :func:`prize_cap`).
* Art. 5, 14, 15, 16, 18(7), 23, 25, 27 — the periods (:class:`SchemeTerm`).
* Art. 28 — the validity span (:class:`ValiditySpan`, see
  :mod:`baoshan_quality.award.validity`).

>>> quota(AwardClass.MAYOR, Track.MODEL)
2
>>> prize_cap(AwardClass.GOLD, Track.ACHIEVEMENT)
Decimal('10000')
>>> print(prize(AwardClass.MAYOR, Track.MODEL))
区长质量奖·先进质量管理模式
物品                  上限（元）  条款
--------------------  ----------  ----------------
奖金                  500000      Measures Art. 19
奖牌                  —           Measures Art. 19
证书（标明获奖年度）  —           Measures Art. 19
>>> BAOSHAN_2023
AwardScheme('baoshan-2023')
>>> BAOSHAN_2023.reapplication_bar.count, str(BAOSHAN_2023.reapplication_bar.citation)
(3, 'Measures Art. 16')
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Iterable
from decimal import Decimal

import attrs

from baoshan_quality._decimals import to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_optional,
    is_tuple_of,
)
from baoshan_quality.award._show import CLAUSE, as_tuple, clause
from baoshan_quality.citations import Citation, measures
from baoshan_quality.errors import InvalidInputError, TableError

__all__ = [
    "BAOSHAN_2023",
    "ApplicantKind",
    "AwardClass",
    "AwardScheme",
    "GovernmentAwardLevel",
    "Prize",
    "PrizeItem",
    "QuotaRow",
    "SchemeTerm",
    "TermUnit",
    "Track",
    "ValiditySpan",
    "prize",
    "prize_cap",
    "quota",
]

ART_2 = measures("Art. 2")
ART_7 = measures("Art. 7")
ART_19 = measures("Art. 19")


class AwardClass(enum.Enum):
    """A class (类别) of the district government quality award (Measures Art. 2).

    Listed highest first: Art. 2(1) calls the Mayor's award the district's
    highest quality honour.

    >>> AwardClass.MAYOR.zh, AwardClass.MAYOR.en
    ('区长质量奖', "District Mayor's Quality Award")
    >>> AwardClass("gold").zh
    '质量金奖'
    """

    #: 区长质量奖 — District Mayor's Quality Award (Art. 2(1)).
    MAYOR = "mayor"
    #: 质量金奖 — Quality Gold Award (Art. 2(2)).
    GOLD = "gold"

    @property
    def zh(self) -> str:
        """The Chinese name (without the district's name)."""
        return _CLASS_NAMES[self][0]

    @property
    def en(self) -> str:
        """The English name."""
        return _CLASS_NAMES[self][1]

    @property
    def citation(self) -> Citation:
        """The clause that creates the class."""
        return _CLASS_NAMES[self][2]


_CLASS_NAMES = {
    AwardClass.MAYOR: ("区长质量奖", "District Mayor's Quality Award", measures("Art. 2(1)")),
    AwardClass.GOLD: ("质量金奖", "Quality Gold Award", measures("Art. 2(2)")),
}


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


class Track(enum.Enum):
    """A track of each class (Measures Art. 2): model for organisations, achievement for people.

    >>> Track.MODEL.zh, Track.MODEL.applicant.value
    ('先进质量管理模式', 'organisation')
    >>> Track.for_applicant(ApplicantKind.INDIVIDUAL)
    <Track.ACHIEVEMENT: 'achievement'>
    """

    #: 先进质量管理模式 — advanced quality management model; organisations apply (Art. 2).
    MODEL = "model"
    #: 先进质量管理成果 — advanced quality management achievement; individuals apply (Art. 2).
    ACHIEVEMENT = "achievement"

    @property
    def zh(self) -> str:
        """The Chinese name."""
        return "先进质量管理模式" if self is Track.MODEL else "先进质量管理成果"

    @property
    def en(self) -> str:
        """The English name."""
        return (
            "advanced quality management model"
            if self is Track.MODEL
            else "advanced quality management achievement"
        )

    @property
    def applicant(self) -> ApplicantKind:
        """Who may apply on this track (Art. 2: 组织可申报模式，个人可申报成果)."""
        return ApplicantKind.ORGANISATION if self is Track.MODEL else ApplicantKind.INDIVIDUAL

    @property
    def citation(self) -> Citation:
        """Measures Art. 2."""
        return ART_2

    @classmethod
    def for_applicant(cls, kind: ApplicantKind) -> Track:
        """The one track open to ``kind`` (Art. 2)."""
        if not isinstance(kind, ApplicantKind):
            raise InvalidInputError.about("kind", kind, "expected an ApplicantKind", ART_2)
        return cls.MODEL if kind is ApplicantKind.ORGANISATION else cls.ACHIEVEMENT


class GovernmentAwardLevel(enum.Enum):
    """Levels of government quality awards, for Measures Art. 16 para 2 (上级政府质量奖).

    "Higher-level" means above the scheme's own level: for a district award,
    the municipal (provincial-level, e.g. 上海市政府质量奖) and national
    (中国质量奖) awards.

    >>> GovernmentAwardLevel.MUNICIPAL.is_higher_than(GovernmentAwardLevel.DISTRICT)
    True
    >>> GovernmentAwardLevel.DISTRICT.is_higher_than(GovernmentAwardLevel.DISTRICT)
    False
    """

    #: 国家级 — national (e.g. 中国质量奖).
    NATIONAL = "national"
    #: 市级 — municipal / provincial level (e.g. 上海市政府质量奖).
    MUNICIPAL = "municipal"
    #: 区级 — district level (e.g. 宝山区政府质量奖).
    DISTRICT = "district"

    @property
    def rank(self) -> int:
        """Higher numbers are higher levels (district 1, municipal 2, national 3)."""
        return {"national": 3, "municipal": 2, "district": 1}[self.value]

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {"national": "国家级", "municipal": "市级", "district": "区级"}[self.value]

    def is_higher_than(self, other: GovernmentAwardLevel) -> bool:
        """Whether this level is above ``other`` (Art. 16 para 2: 上级)."""
        if not isinstance(other, GovernmentAwardLevel):
            raise InvalidInputError.about(
                "other", other, "expected a GovernmentAwardLevel", measures("Art. 16")
            )
        return self.rank > other.rank


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

    >>> BAOSHAN_2023.retention.count, BAOSHAN_2023.retention.zh
    (10, '申报评审材料一般保存10年')
    """

    count: int = attrs.field(validator=is_int(minimum=1))
    unit: TermUnit = attrs.field(validator=is_enum(TermUnit))
    citation: Citation = attrs.field(validator=is_instance(Citation))
    zh: str = attrs.field(validator=is_name)
    en: str = attrs.field(validator=is_name)


@attrs.frozen(kw_only=True)
class QuotaRow:
    """At most ``maximum`` winners of one class × track per edition; may stay vacant."""

    award_class: AwardClass = attrs.field(validator=is_enum(AwardClass))
    track: Track = attrs.field(validator=is_enum(Track))
    maximum: int = attrs.field(validator=is_int(minimum=0))
    may_be_vacant: bool = attrs.field(validator=is_bool)
    citation: Citation = attrs.field(validator=is_instance(Citation))


def _to_cash(value: Decimal | int | str | float) -> Decimal:
    return to_decimal(value, field="Prize.cash_cap", minimum=0, citation=ART_19)


def _to_items(value: Iterable[PrizeItem]) -> tuple[PrizeItem, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Prize(Tabular):
    """The prize of one class × track (Measures Art. 19): items, and money up to a cap.

    Attributes
    ----------
    cash_cap
        The most money, in yuan (人民币): the text says "不超过" (not more than), so
        the cap itself may be paid.  Given as ``Decimal``, ``int`` or a decimal string.
    items
        What else the winner receives (:class:`PrizeItem`), in the article's order.
    certificate_marks_award_year
        The certificate is marked with the award year (证书（标明获奖年度）).

    Its table has one row for the money (record keys ``item``, ``cap``, ``clause``)
    and one per item.
    """

    award_class: AwardClass = attrs.field(validator=is_enum(AwardClass))
    track: Track = attrs.field(validator=is_enum(Track))
    cash_cap: Decimal = attrs.field(converter=_to_cash)
    items: tuple[PrizeItem, ...] = attrs.field(
        converter=_to_items, validator=is_tuple_of(PrizeItem)
    )
    certificate_marks_award_year: bool = attrs.field(validator=is_bool)
    citation: Citation = attrs.field(validator=is_instance(Citation))

    def _table(self) -> Table:
        where = clause(self.citation)
        rows: list[tuple[object, ...]] = [(Text("奖金", "cash"), self.cash_cap, where)]
        rows += [(Text(item.zh, item.en), None, where) for item in self.items]
        return Table(
            caption=Text(
                f"{self.award_class.zh}·{self.track.zh}",
                f"{self.award_class.en} · {self.track.en}",
            ),
            columns=(
                Column("item", "物品", "item"),
                Column("cap", "上限（元）", "at most (yuan)"),
                CLAUSE,
            ),
            rows=rows,
        )


@attrs.frozen(kw_only=True)
class ValiditySpan:
    """When the Measures apply (Art. 28): in force, and applied by reference before that.

    ``by_reference_from`` (may be ``None``) starts a span, ending the day
    before ``in_force_from``, in which the Measures are applied by reference
    (参照执行).  Both ends of each span are included.
    """

    by_reference_from: datetime.date | None = attrs.field(validator=is_optional(is_date))
    in_force_from: datetime.date = attrs.field(validator=is_date)
    in_force_until: datetime.date = attrs.field(validator=is_date)
    citation: Citation = attrs.field(validator=is_instance(Citation))

    def __attrs_post_init__(self) -> None:
        if self.in_force_until < self.in_force_from:
            raise TableError.about(
                "ValiditySpan.in_force_until",
                self.in_force_until,
                f"ends before in_force_from {self.in_force_from}",
                self.citation,
            )
        if self.by_reference_from is not None and self.by_reference_from >= self.in_force_from:
            raise TableError.about(
                "ValiditySpan.by_reference_from",
                self.by_reference_from,
                f"must come before in_force_from {self.in_force_from}",
                self.citation,
            )

    @property
    def first_day(self) -> datetime.date:
        """The first day on which the Measures apply at all."""
        return self.by_reference_from or self.in_force_from


_YEAR_TERMS = (
    "cycle",
    "operating",
    "organisation_lookback",
    "quality_work",
    "member_organisation_lookback",
    "reapplication_bar",
    "reporting",
    "revocation_bar",
    "retention",
)


def _to_classes(value: Iterable[AwardClass]) -> tuple[AwardClass, ...]:
    return as_tuple(value)


def _to_tracks(value: Iterable[Track]) -> tuple[Track, ...]:
    return as_tuple(value)


def _to_quotas(value: Iterable[QuotaRow]) -> tuple[QuotaRow, ...]:
    return as_tuple(value)


def _to_prizes(value: Iterable[Prize]) -> tuple[Prize, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class AwardScheme:
    """Everything one edition of the award measures fixes, as one value.

    Construction checks the tables (raising :class:`~baoshan_quality.errors.TableError`):
    classes and tracks are non-empty and distinct; every class × track has
    exactly one quota row and one prize and no row names a class or track the
    scheme lacks; each term counts in its proper unit.  Its ``repr`` is short
    (``AwardScheme('baoshan-2023')``); equality and JSON cover every field.

    >>> BAOSHAN_2023.key
    'baoshan-2023'
    >>> [c.value for c in BAOSHAN_2023.classes], [t.value for t in BAOSHAN_2023.tracks]
    (['mayor', 'gold'], ['model', 'achievement'])
    >>> BAOSHAN_2023.full_name_zh(AwardClass.MAYOR)
    '宝山区区长质量奖'
    >>> attrs.evolve(BAOSHAN_2023, quotas=BAOSHAN_2023.quotas[1:])
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.TableError: AwardScheme.quotas: no quota row for mayor × model, got ...
    """

    #: A short identifier (``"baoshan-2023"``).
    key: str = attrs.field(validator=is_name)
    #: The measures' Chinese and English titles.
    title_zh: str = attrs.field(validator=is_name)
    title_en: str = attrs.field(validator=is_name)
    #: The district's name as prefixed to class names (``宝山区``).
    district_zh: str = attrs.field(validator=is_name)
    #: The level of the award itself (Art. 16 para 2 compares other awards to it).
    level: GovernmentAwardLevel = attrs.field(validator=is_enum(GovernmentAwardLevel))
    #: Classes, highest first (Art. 2).
    classes: tuple[AwardClass, ...] = attrs.field(
        converter=_to_classes, validator=is_tuple_of(AwardClass)
    )
    #: Tracks of every class (Art. 2).
    tracks: tuple[Track, ...] = attrs.field(converter=_to_tracks, validator=is_tuple_of(Track))
    #: Quota per class × track and edition (Art. 7).
    quotas: tuple[QuotaRow, ...] = attrs.field(
        converter=_to_quotas, validator=is_tuple_of(QuotaRow)
    )
    #: Prize per class × track (Art. 19).
    prizes: tuple[Prize, ...] = attrs.field(converter=_to_prizes, validator=is_tuple_of(Prize))
    #: Length of one edition's cycle in years (Art. 5).
    cycle: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Years of normal operation an organisation needs (Art. 14(1)).
    operating: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Look-back of the organisation exclusions (Art. 14, 近三年).
    organisation_lookback: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Years of quality work an individual needs (Art. 15(1)).
    quality_work: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Look-back of incidents in an individual's organisation (Art. 15(4)).
    member_organisation_lookback: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Re-application bar after winning (Art. 16 para 1).
    reapplication_bar: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Public notice of the proposed winners, in working days (Art. 18(7)).
    notice: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Years of annual performance reports after winning (Art. 23).
    reporting: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Bar on applications after a revocation (Art. 25).
    revocation_bar: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: Retention of application and review records (Art. 27).
    retention: SchemeTerm = attrs.field(validator=is_instance(SchemeTerm))
    #: When the measures apply (Art. 28).
    validity: ValiditySpan = attrs.field(validator=is_instance(ValiditySpan))

    def __attrs_post_init__(self) -> None:
        self._check_distinct("classes", self.classes)
        self._check_distinct("tracks", self.tracks)
        for name in ("quotas", "prizes"):
            rows: tuple[QuotaRow | Prize, ...] = getattr(self, name)
            seen: set[tuple[AwardClass, Track]] = set()
            for index, row in enumerate(rows):
                pair = (row.award_class, row.track)
                where = f"AwardScheme.{name}[{index}]"
                if row.award_class not in self.classes or row.track not in self.tracks:
                    raise TableError.about(
                        where, row, "names a class or track the scheme does not have", row.citation
                    )
                if pair in seen:
                    raise TableError.about(
                        where, row, f"a second row for {pair[0].value} × {pair[1].value}"
                    )
                seen.add(pair)
            for award_class, track in itertools.product(self.classes, self.tracks):
                if (award_class, track) not in seen:
                    raise TableError.about(
                        f"AwardScheme.{name}",
                        rows,
                        f"no {name[:-1]} row for {award_class.value} × {track.value}",
                    )
        for name in (*_YEAR_TERMS, "notice"):
            term: SchemeTerm = getattr(self, name)
            wanted = TermUnit.WORKING_DAYS if name == "notice" else TermUnit.YEARS
            if term.unit is not wanted:
                raise TableError.about(
                    f"AwardScheme.{name}.unit", term.unit, f"expected {wanted.value}", term.citation
                )

    def __repr__(self) -> str:
        return f"AwardScheme({self.key!r})"

    @staticmethod
    def _check_distinct(name: str, values: tuple[object, ...]) -> None:
        if not values:
            raise TableError.about(f"AwardScheme.{name}", values, "expected at least one")
        if len(set(values)) != len(values):
            raise TableError.about(f"AwardScheme.{name}", values, "expected distinct values")

    def full_name_zh(self, award_class: AwardClass) -> str:
        """The class's full Chinese name, with the district (``宝山区区长质量奖``)."""
        _check_class(award_class, self)
        return f"{self.district_zh}{award_class.zh}"

    def quota_row(self, award_class: AwardClass, track: Track) -> QuotaRow:
        """The Art. 7 row for ``award_class`` × ``track``."""
        _check_class(award_class, self)
        _check_track(track, self)
        return next(r for r in self.quotas if (r.award_class, r.track) == (award_class, track))

    def prize_row(self, award_class: AwardClass, track: Track) -> Prize:
        """The Art. 19 prize for ``award_class`` × ``track``."""
        _check_class(award_class, self)
        _check_track(track, self)
        return next(p for p in self.prizes if (p.award_class, p.track) == (award_class, track))


def resolve_scheme(scheme: AwardScheme | None, citation: Citation | None = None) -> AwardScheme:
    """The scheme a rule applies: ``None`` means :data:`BAOSHAN_2023` (defined below).

    Anything but an :class:`AwardScheme` is refused, naming ``citation`` when given.
    """
    if scheme is None:
        return BAOSHAN_2023
    if not isinstance(scheme, AwardScheme):
        raise InvalidInputError.about("scheme", scheme, "expected an AwardScheme", citation)
    return scheme


def _check_class(award_class: object, scheme: AwardScheme) -> AwardClass:
    if not isinstance(award_class, AwardClass):
        choices = ", ".join(f"AwardClass.{c.name}" for c in AwardClass)
        raise InvalidInputError.about(
            "award_class", award_class, f"expected one of {choices}", ART_2
        )
    if award_class not in scheme.classes:
        raise InvalidInputError.about(
            "award_class", award_class, f"not a class of the scheme {scheme.key}", ART_2
        )
    return award_class


def _check_track(track: object, scheme: AwardScheme) -> Track:
    if not isinstance(track, Track):
        raise InvalidInputError.about(
            "track", track, "expected Track.MODEL or Track.ACHIEVEMENT", ART_2
        )
    if track not in scheme.tracks:
        raise InvalidInputError.about(
            "track", track, f"not a track of the scheme {scheme.key}", ART_2
        )
    return track


def _years(count: int, clause: str, zh: str, en: str) -> SchemeTerm:
    return SchemeTerm(count=count, unit=TermUnit.YEARS, citation=measures(clause), zh=zh, en=en)


def _prize(award_class: AwardClass, track: Track, cap: int, first_item: PrizeItem) -> Prize:
    return Prize(
        award_class=award_class,
        track=track,
        cash_cap=cap,
        items=(first_item, PrizeItem.CERTIFICATE),
        certificate_marks_award_year=True,
        citation=ART_19,
    )


#: 宝府规〔2023〕3号 — the Baoshan District Government Quality Award, 2023 edition.
BAOSHAN_2023: AwardScheme = AwardScheme(
    key="baoshan-2023",
    title_zh="宝府规〔2023〕3号 上海市宝山区政府质量奖管理办法",
    title_en="Measures for the Administration of the Baoshan District Government Quality Award "
    "(Baoshan Government Rule [2023] No. 3)",
    district_zh="宝山区",
    level=GovernmentAwardLevel.DISTRICT,
    classes=(AwardClass.MAYOR, AwardClass.GOLD),
    tracks=(Track.MODEL, Track.ACHIEVEMENT),
    # Art. 7: 每届获得宝山区区长质量奖的先进质量管理模式不超过2个、先进质量管理成果不超过1个，
    # 获得宝山区质量金奖的先进质量管理模式不超过10个、先进质量管理成果不超过2个，所有奖项均可空缺。
    quotas=(
        QuotaRow(
            award_class=AwardClass.MAYOR,
            track=Track.MODEL,
            maximum=2,
            may_be_vacant=True,
            citation=ART_7,
        ),
        QuotaRow(
            award_class=AwardClass.MAYOR,
            track=Track.ACHIEVEMENT,
            maximum=1,
            may_be_vacant=True,
            citation=ART_7,
        ),
        QuotaRow(
            award_class=AwardClass.GOLD,
            track=Track.MODEL,
            maximum=10,
            may_be_vacant=True,
            citation=ART_7,
        ),
        QuotaRow(
            award_class=AwardClass.GOLD,
            track=Track.ACHIEVEMENT,
            maximum=2,
            may_be_vacant=True,
            citation=ART_7,
        ),
    ),
    # Art. 19: 区长奖模式 奖牌、证书（标明获奖年度）、奖金不超过五十万元；区长奖成果 奖杯、证书、
    # 不超过二万元；金奖模式 奖牌、证书、奖励不超过十万元；金奖成果 奖杯、证书、奖金不超过一万元。
    prizes=(
        _prize(AwardClass.MAYOR, Track.MODEL, 500_000, PrizeItem.PLAQUE),
        _prize(AwardClass.MAYOR, Track.ACHIEVEMENT, 20_000, PrizeItem.TROPHY),
        _prize(AwardClass.GOLD, Track.MODEL, 100_000, PrizeItem.PLAQUE),
        _prize(AwardClass.GOLD, Track.ACHIEVEMENT, 10_000, PrizeItem.TROPHY),
    ),
    cycle=_years(
        2,
        "Art. 5",
        "每两年评选一届，其中一年为培育孵化年，一年为评选年",
        "one edition every two years: an incubation year and an evaluation year",
    ),
    operating=_years(
        3,
        "Art. 14(1)",
        "在本区登记、注册，正常运行三年以上",
        "registered in the district and operating normally for three years or more",
    ),
    organisation_lookback=_years(
        3,
        "Art. 14",
        "近三年（经营绩效及不得申请的情形）",
        "the last three years (performance and the exclusions)",
    ),
    quality_work=_years(
        5,
        "Art. 15(1)",
        "从事质量相关工作五年以上",
        "five years or more of quality-related work",
    ),
    member_organisation_lookback=_years(
        3,
        "Art. 15(4)",
        "个人所属的组织近三年内无重大事故",
        "no major incident in the individual's organisation in the last three years",
    ),
    reapplication_bar=_years(
        3,
        "Art. 16",
        "获得先进质量管理模式或成果后3年内不得申报同一类奖项",
        "no application for the same kind of award within 3 years of winning",
    ),
    notice=SchemeTerm(
        count=5,
        unit=TermUnit.WORKING_DAYS,
        citation=measures("Art. 18(7)"),
        zh="拟获奖名单向社会进行不少于5个工作日的公示",
        en="the proposed winners are publicly noticed for at least 5 working days",
    ),
    reporting=_years(
        3,
        "Art. 23",
        "获奖后3年内，应每年如实填写《宝山区政府质量奖质量绩效表》",
        "for 3 years after winning, a quality performance form every year",
    ),
    revocation_bar=_years(
        3,
        "Art. 25",
        "取消荣誉资格的，三年内不再受理其申请",
        "after a revocation, no application is accepted for three years",
    ),
    retention=_years(
        10,
        "Art. 27",
        "申报评审材料一般保存10年",
        "application and review records are generally kept 10 years",
    ),
    validity=ValiditySpan(
        by_reference_from=datetime.date(2023, 4, 27),
        in_force_from=datetime.date(2023, 8, 1),
        in_force_until=datetime.date(2028, 7, 31),
        citation=measures("Art. 28"),
    ),
)


def quota(award_class: AwardClass, track: Track, *, scheme: AwardScheme | None = None) -> int:
    """The most winners of one class × track in one edition (Measures Art. 7).

    Every award may stay vacant (所有奖项均可空缺), so 0 winners is always allowed.

    Parameters
    ----------
    award_class, track
        The class (Art. 2) and the track (model or achievement).
    scheme
        The award's edition; ``None`` (the default) means :data:`BAOSHAN_2023`.

    Returns
    -------
    int
        The quota (不超过 N 个).

    Raises
    ------
    InvalidInputError
        ``award_class`` or ``track`` is not a member of the enum, or not one of the
        scheme's; ``scheme`` is not an :class:`AwardScheme`.

    Examples
    --------
    >>> [quota(c, t) for c in AwardClass for t in Track]
    [2, 1, 10, 2]
    >>> quota("mayor", Track.MODEL)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: award_class: expected one of AwardClass.MAYOR, AwardClass.GOLD, got 'mayor' (Measures Art. 2)
    """
    return resolve_scheme(scheme).quota_row(award_class, track).maximum


def prize(award_class: AwardClass, track: Track, *, scheme: AwardScheme | None = None) -> Prize:
    """The whole prize of one class × track: items and the money cap (Measures Art. 19).

    Parameters
    ----------
    award_class, track
        The class (Art. 2) and the track (model or achievement).
    scheme
        The award's edition; ``None`` (the default) means :data:`BAOSHAN_2023`.

    Returns
    -------
    Prize
        The items (plaque or trophy, certificate) and the cap in yuan; prints as a table.

    Raises
    ------
    InvalidInputError
        As :func:`quota`.

    Examples
    --------
    >>> [i.value for i in prize(AwardClass.GOLD, Track.ACHIEVEMENT).items]
    ['trophy', 'certificate']
    >>> prize(AwardClass.GOLD, Track.ACHIEVEMENT).to_records(lang="en")[0]
    {'item': 'cash', 'cap': Decimal('10000'), 'clause': 'Measures Art. 19'}
    """
    return resolve_scheme(scheme).prize_row(award_class, track)


def prize_cap(
    award_class: AwardClass, track: Track, *, scheme: AwardScheme | None = None
) -> Decimal:
    """The most money a winner of one class × track gets (Measures Art. 19).

    Parameters
    ----------
    award_class, track
        The class (Art. 2) and the track (model or achievement).
    scheme
        The award's edition; ``None`` (the default) means :data:`BAOSHAN_2023`.

    Returns
    -------
    Decimal
        The cap in yuan (人民币); "不超过" — the cap itself may be paid.

    Raises
    ------
    InvalidInputError
        As :func:`quota`.

    Examples
    --------
    >>> prize_cap(AwardClass.MAYOR, Track.MODEL)
    Decimal('500000')
    """
    return prize(award_class, track, scheme=scheme).cash_cap
