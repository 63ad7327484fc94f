"""Records of past awards and revocations, the facts Art. 16, 24 and 25 look at.

* :class:`DistrictAward` — a district government quality award won (Art. 16
  para 1, Art. 24).  Its date is the day the district government announced the
  winners (发文公告, Art. 18(8)), which the caller supplies.
* :class:`GovernmentAward` — a government quality award of another level
  (Art. 16 para 2: 上级政府质量奖).
* :class:`Revocation` — an award taken back (Art. 25), on the day of the
  decision, with its ground (:class:`RevocationGround`).

Classes and tracks are named by their code (``"gold"``, ``"model"``), as in JSON; a
record of the scheme (:class:`~baoshan_quality.award.parts.AwardClass`) is accepted
too and kept as its code.  A check against a scheme refuses a code it lacks.

>>> import datetime as dt
>>> a = DistrictAward(award_class="gold", track="model", awarded_on=dt.date(2023, 12, 15))
>>> a.year, a.award_class
(2023, 'gold')
>>> RevocationGround.IMPROPER_MEANS.zh
'采取不正当方法获取区政府质量奖荣誉（含申报材料弄虚作假）'
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

import attrs

from baoshan_quality._validation import is_date, is_enum, is_int, is_optional, is_text
from baoshan_quality.award.parts import (
    class_code,
    is_code,
    optional_class_code,
    optional_track_code,
    track_code,
)
from baoshan_quality.citations import Citation, measures
from baoshan_quality.errors import InvalidInputError

__all__ = [
    "DistrictAward",
    "GovernmentAward",
    "GovernmentAwardLevel",
    "Revocation",
    "RevocationGround",
]

ART_25 = measures("Art. 25")


def not_after(
    day: datetime.date,
    asked_on: datetime.date,
    field: str,
    asked: str,
    citation: Citation | None = None,
) -> None:
    """Refuse a dated fact that lies after the day the question is asked about.

    An award, penalty, incident, complaint, revocation, application or start date that a
    check reads must have happened by the day the check is asked about (issue 15 item 5):
    a prior award dated 9999-12-31 on a 2025 application is an error in the facts, not
    an award that is not yet in the bar.  A fact dated on that day itself is accepted and
    counts: dates carry no hour, and every period the Measures count from an event
    includes the event's day (Art. 14 近三年, Art. 16 获得…后3年内, Art. 25 三年内).

    Parameters
    ----------
    day
        The date of the fact.
    asked_on
        The day the question is asked about.
    field
        The fact's path, from the argument that holds it
        (``"applicant.district_awards[0].awarded_on"``).
    asked
        The name of the argument that gives ``asked_on`` (``"applied_on"``, ``"on"``).
    citation
        The clause that reads the fact.

    Raises
    ------
    InvalidInputError
        ``day`` is after ``asked_on``: the message names the field, the value and the
        day asked about.

    Examples
    --------
    >>> import datetime as dt
    >>> not_after(dt.date(2025, 5, 10), dt.date(2025, 5, 10), "awarded_on", "on")  # same day
    >>> not_after(dt.date(9999, 12, 31), dt.date(2025, 5, 10), "awarded_on", "on")
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: awarded_on: dated after the day asked about (on = 2025-05-10); a fact the check reads must have happened by that day, got datetime.date(9999, 12, 31) (date)
    """
    if day > asked_on:
        raise InvalidInputError.about(
            field,
            day,
            f"dated after the day asked about ({asked} = {asked_on}); a fact the check "
            "reads must have happened by that day",
            citation,
        )


def optional_dates(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: ``None`` (unknown) or a tuple of :class:`datetime.date` (not datetimes)."""
    if value is None:
        return
    where = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidInputError.about(where, value, "expected a sequence of datetime.date or None")
    for index, item in enumerate(value):
        if not isinstance(item, datetime.date) or isinstance(item, datetime.datetime):
            raise InvalidInputError.about(f"{where}[{index}]", item, "expected a datetime.date")


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


@attrs.frozen(kw_only=True)
class DistrictAward:
    """A district government quality award won: class, track, announcement date, year.

    ``award_class`` and ``track`` are codes of the scheme (``"gold"``, ``"model"``;
    a record of the scheme is kept as its code).  ``award_year`` is the award year
    (获奖年度) marked on the certificate (Art. 19); when ``None``, the year of
    ``awarded_on`` is used.
    """

    award_class: str = attrs.field(converter=class_code, validator=is_code)
    track: str = attrs.field(converter=track_code, validator=is_code)
    awarded_on: datetime.date = attrs.field(validator=is_date)
    award_year: int | None = attrs.field(
        default=None, validator=is_optional(is_int(minimum=1, maximum=9999))
    )

    @property
    def year(self) -> int:
        """The award year: ``award_year`` or the year of ``awarded_on``."""
        return self.award_year if self.award_year is not None else self.awarded_on.year


@attrs.frozen(kw_only=True)
class GovernmentAward:
    """A government quality award of some level (e.g. 上海市政府质量奖, 中国质量奖)."""

    level: GovernmentAwardLevel = attrs.field(validator=is_enum(GovernmentAwardLevel))
    awarded_on: datetime.date = attrs.field(validator=is_date)
    name: str = attrs.field(default="", validator=is_text)


class RevocationGround(enum.Enum):
    """The grounds on which an award is revoked (Measures Art. 25), as data.

    Art. 25: 对采取不正当方法获取区政府质量奖荣誉的，以及获奖组织或个人在获奖后
    发生重大质量、安全、环境污染、公共卫生、食品安全等事故或其他违反宝山区政府
    质量奖宗旨等重大事项的 … 取消其荣誉资格 … 三年内不再受理其申请。
    """

    #: 采取不正当方法获取荣誉 — the title obtained by improper means (the article
    #: opens with 申报材料应当真实，严禁弄虚作假: falsified materials are such means).
    IMPROPER_MEANS = "improper-means"
    #: 获奖后发生重大质量、安全、环境污染、公共卫生、食品安全等事故.
    MAJOR_INCIDENT_AFTER_AWARD = "major-incident-after-award"
    #: 其他违反宝山区政府质量奖宗旨等重大事项.
    OTHER_MAJOR_BREACH = "other-major-breach"

    @property
    def zh(self) -> str:
        """The ground in the article's words."""
        return _GROUNDS[self.value][0]

    @property
    def en(self) -> str:
        """The ground in English."""
        return _GROUNDS[self.value][1]

    @property
    def citation(self) -> Citation:
        """Measures Art. 25."""
        return ART_25


_GROUNDS = {
    "improper-means": (
        "采取不正当方法获取区政府质量奖荣誉（含申报材料弄虚作假）",
        "the award was obtained by improper means (including falsified application materials)",
    ),
    "major-incident-after-award": (
        "获奖后发生重大质量、安全、环境污染、公共卫生、食品安全等事故",
        "a major quality, safety, environmental-pollution, public-health, food-safety or "
        "similar incident after the award",
    ),
    "other-major-breach": (
        "其他违反宝山区政府质量奖宗旨等重大事项",
        "another major matter contrary to the purpose of the award",
    ),
}


@attrs.frozen(kw_only=True)
class Revocation:
    """An award revoked (取消荣誉资格, Art. 25) on ``revoked_on`` — the decision's date.

    ``ground``, ``award_class`` and ``track`` (codes) may be unknown (``None``); only
    the date matters for the three-year bar.
    """

    revoked_on: datetime.date = attrs.field(validator=is_date)
    ground: RevocationGround | None = attrs.field(
        default=None, validator=is_optional(is_enum(RevocationGround))
    )
    award_class: str | None = attrs.field(
        default=None, converter=optional_class_code, validator=is_optional(is_code)
    )
    track: str | None = attrs.field(
        default=None, converter=optional_track_code, validator=is_optional(is_code)
    )
