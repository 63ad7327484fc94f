"""Applicants as facts: :class:`Organisation` (Art. 3, 14) and :class:`Individual` (Art. 3, 15).

Every fact may be left ``None`` — *unknown*, never read as false or as true.
Yes/no facts read as the clause's statement (``True`` = the statement holds);
dated events are tuples of dates (``()`` = known: none; ``None`` = unknown).
Both kinds also carry the award history that Art. 16 and 25 check.

>>> import datetime as dt
>>> o = Organisation(name="某某科技有限公司", registered_in_baoshan=True)
>>> o.registered_on is None, o.major_incidents is None
(True, True)
>>> Organisation(name="X", major_incidents=[dt.date(2024, 3, 1)]).major_incidents
(datetime.date(2024, 3, 1),)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs

from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_int,
    is_name,
    is_optional,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import optional_tuple
from baoshan_quality.award.parts import ApplicantKind
from baoshan_quality.award.records import (
    DistrictAward,
    GovernmentAward,
    Revocation,
    optional_dates,
)

__all__ = ["Applicant", "Individual", "Organisation"]


def _years(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    is_tuple_of(int)(instance, attribute, value)
    assert isinstance(value, tuple)
    check = is_int(minimum=1, maximum=9999)
    for item in value:
        check(instance, attribute, item)


def _flag() -> Any:
    return attrs.field(default=None, validator=is_optional(is_bool))


def _to_dates(value: Iterable[datetime.date] | None) -> tuple[datetime.date, ...] | None:
    return optional_tuple(value)


def _to_district_awards(
    value: Iterable[DistrictAward] | None,
) -> tuple[DistrictAward, ...] | None:
    return optional_tuple(value)


def _to_government_awards(
    value: Iterable[GovernmentAward] | None,
) -> tuple[GovernmentAward, ...] | None:
    return optional_tuple(value)


def _to_revocations(value: Iterable[Revocation] | None) -> tuple[Revocation, ...] | None:
    return optional_tuple(value)


def _to_years(value: Iterable[int] | None) -> tuple[int, ...] | None:
    return optional_tuple(value)


@attrs.frozen(kw_only=True)
class Organisation:
    """An organisation applying for the model track (Measures Art. 3, 14, 16, 25).

    Facts (each ``None`` when unknown):

    * Art. 3 / 14(1): ``registered_in_baoshan`` (依法在宝山区注册登记),
      ``carries_on_activities`` (开展经济和社会活动), ``registered_on`` (the
      registration date in the district), ``operating_normally`` (正常运行 since then).
    * Art. 14(2): ``meets_legal_requirements`` (符合产业导向、环境保护、节能减排、
      安全生产、质量等法律法规及政策要求), ``holds_required_licences`` (具备相关资质或证照).
    * Art. 14(3): ``exemplary_quality_management`` (行业特色、企业特点、标杆示范意义；
      追求卓越，持续改进效果突出，良好的成长性).
    * Art. 14(4): ``leading_performance`` (近三年来主要经济、社会效益指标和质量水平
      处于本区领先地位，对转型发展和创新驱动贡献率处于前列).
    * Art. 14(5): ``chief_quality_officer_system`` (积极实施首席质量官制度),
      ``fulfils_quality_responsibility`` (严格落实质量主体责任).
    * Art. 14 exclusions: ``serious_penalties`` (dates of serious administrative
      penalties for breaches of environmental, quality-technical or similar law),
      ``failed_rectifications`` (dates on which a refusal or failure to rectify
      after an order was established), ``major_incidents`` (dates of major
      quality-safety, production-safety, pollution, public-health or similar
      incidents of major social impact), ``major_complaints`` (dates of major
      customer complaints caused by the organisation), ``other_serious_violations``
      (其他严重违反法律法规、规章和其它规定的行为; ``True`` = there were some).
    * Art. 16 / 25: ``district_awards``, ``government_awards`` (other levels),
      ``municipal_application_years`` (years it applied for the municipal
      government quality award), ``revocations``.
    """

    name: str = attrs.field(converter=to_name, validator=is_name)
    registered_in_baoshan: bool | None = _flag()
    carries_on_activities: bool | None = _flag()
    registered_on: datetime.date | None = attrs.field(default=None, validator=is_optional(is_date))
    operating_normally: bool | None = _flag()
    meets_legal_requirements: bool | None = _flag()
    holds_required_licences: bool | None = _flag()
    exemplary_quality_management: bool | None = _flag()
    leading_performance: bool | None = _flag()
    chief_quality_officer_system: bool | None = _flag()
    fulfils_quality_responsibility: bool | None = _flag()
    serious_penalties: tuple[datetime.date, ...] | None = attrs.field(
        default=None, converter=_to_dates, validator=optional_dates
    )
    failed_rectifications: tuple[datetime.date, ...] | None = attrs.field(
        default=None, converter=_to_dates, validator=optional_dates
    )
    major_incidents: tuple[datetime.date, ...] | None = attrs.field(
        default=None, converter=_to_dates, validator=optional_dates
    )
    major_complaints: tuple[datetime.date, ...] | None = attrs.field(
        default=None, converter=_to_dates, validator=optional_dates
    )
    other_serious_violations: bool | None = _flag()
    district_awards: tuple[DistrictAward, ...] | None = attrs.field(
        default=None,
        converter=_to_district_awards,
        validator=is_optional(is_tuple_of(DistrictAward)),
    )
    government_awards: tuple[GovernmentAward, ...] | None = attrs.field(
        default=None,
        converter=_to_government_awards,
        validator=is_optional(is_tuple_of(GovernmentAward)),
    )
    municipal_application_years: tuple[int, ...] | None = attrs.field(
        default=None, converter=_to_years, validator=_years
    )
    revocations: tuple[Revocation, ...] | None = attrs.field(
        default=None, converter=_to_revocations, validator=is_optional(is_tuple_of(Revocation))
    )

    @property
    def kind(self) -> ApplicantKind:
        """:attr:`ApplicantKind.ORGANISATION`."""
        return ApplicantKind.ORGANISATION


@attrs.frozen(kw_only=True)
class Individual:
    """A natural person applying for the achievement track (Measures Art. 3, 15, 16, 25).

    Facts (each ``None`` when unknown):

    * Art. 3: ``works_in_baoshan_quality`` (在宝山区从事质量工作),
      ``contributes_to_baoshan_quality`` (为宝山区质量工作做出贡献) — either suffices.
    * Art. 15(1): ``quality_work_since`` (the day the person began quality-related work).
    * Art. 15(2): ``outstanding_contribution`` (卓有成效的质量管理理论研究成果或丰富的
      实践经验，为提高质量做出了突出贡献).
    * Art. 15(3): ``professional_ethics`` (恪守职业道德和社会公德),
      ``serious_violations`` (发生严重违反法律法规的行为; ``True`` = there were some).
    * Art. 15(4): ``organisation_major_incidents`` (dates of major incidents of
      social impact in the person's organisation; ``()`` also for a person
      without an organisation).
    * Art. 16 / 25: as for :class:`Organisation`.
    """

    name: str = attrs.field(converter=to_name, validator=is_name)
    works_in_baoshan_quality: bool | None = _flag()
    contributes_to_baoshan_quality: bool | None = _flag()
    quality_work_since: datetime.date | None = attrs.field(
        default=None, validator=is_optional(is_date)
    )
    outstanding_contribution: bool | None = _flag()
    professional_ethics: bool | None = _flag()
    serious_violations: bool | None = _flag()
    organisation_major_incidents: tuple[datetime.date, ...] | None = attrs.field(
        default=None, converter=_to_dates, validator=optional_dates
    )
    district_awards: tuple[DistrictAward, ...] | None = attrs.field(
        default=None,
        converter=_to_district_awards,
        validator=is_optional(is_tuple_of(DistrictAward)),
    )
    government_awards: tuple[GovernmentAward, ...] | None = attrs.field(
        default=None,
        converter=_to_government_awards,
        validator=is_optional(is_tuple_of(GovernmentAward)),
    )
    municipal_application_years: tuple[int, ...] | None = attrs.field(
        default=None, converter=_to_years, validator=_years
    )
    revocations: tuple[Revocation, ...] | None = attrs.field(
        default=None, converter=_to_revocations, validator=is_optional(is_tuple_of(Revocation))
    )

    @property
    def kind(self) -> ApplicantKind:
        """:attr:`ApplicantKind.INDIVIDUAL`."""
        return ApplicantKind.INDIVIDUAL


#: Either kind of applicant.
Applicant = Organisation | Individual
