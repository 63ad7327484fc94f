"""Winners' conduct: use of the title (Measures Art. 24) and revocation (Art. 25).

**Art. 24** 获奖组织和个人可在形象宣传中使用该称号，并标明获奖年度。但不得用于产品
宣传，不得在产品或包装上标注质量奖标志或获奖称号。一经发现违反者，由审定委员会办公室
责令其限期改正 — a winner may use the title in publicity for its image, stating
the award year; never in product publicity nor on products or packaging.  A
breach is ordered corrected within a time limit.  :func:`check_title_use`.

**Art. 25** grounds (:class:`~baoshan_quality.award.records.RevocationGround`) and
consequences (:class:`RevocationConsequence`): the committee, with the district
government's approval, revokes the title, recovers plaque, certificate and money,
circulates a criticism, and accepts no application for three years.
:func:`assess_revocation`.

>>> import datetime as dt
>>> use = TitleUse(
...     user="甲公司", award_class="gold", track="model",
...     used_on=dt.date(2025, 3, 1), context=TitleContext.ON_PRODUCT_OR_PACKAGING,
...     states_award_year=True, award_year=2023,
... )
>>> check_title_use(use).status.value
'violation'
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence

import attrs

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
    to_name,
)
from baoshan_quality.award._show import notes, optional_tuple
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.conditions import (
    CONDITION_COLUMNS,
    Condition,
    ConditionStatus,
    condition_row,
)
from baoshan_quality.award.parts import class_code, is_code, track_code
from baoshan_quality.award.records import (
    DistrictAward,
    RevocationGround,
    not_after,
    optional_dates,
)
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import ValidityCheck, check_date
from baoshan_quality.award.windows import Window, revocation_bar
from baoshan_quality.citations import Citation, Reason, measures
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.periods import PeriodReading

__all__ = [
    "REVOCATION_CONSEQUENCES",
    "MisconductCase",
    "RevocationAssessment",
    "RevocationConsequence",
    "RevocationStatus",
    "TitleContext",
    "TitleUse",
    "TitleUseStatus",
    "TitleUseVerdict",
    "assess_revocation",
    "check_title_use",
]

ART_24 = measures("Art. 24")


# --- Art. 24: use of the title ------------------------------------------------------


class TitleContext(enum.Enum):
    """Where the title is used (Art. 24)."""

    #: 形象宣传 — publicity for the winner's image: allowed.
    IMAGE_PUBLICITY = "image-publicity"
    #: 产品宣传 — product publicity: not allowed.
    PRODUCT_PUBLICITY = "product-publicity"
    #: 在产品或包装上标注质量奖标志或获奖称号 — on products or packaging: not allowed.
    ON_PRODUCT_OR_PACKAGING = "product-or-packaging"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {
            "image-publicity": "形象宣传",
            "product-publicity": "产品宣传",
            "product-or-packaging": "在产品或包装上标注质量奖标志或获奖称号",
        }[self.value]

    @property
    def allowed(self) -> bool:
        """Whether Art. 24 allows the title in this context."""
        return self is TitleContext.IMAGE_PUBLICITY


@attrs.frozen(kw_only=True)
class TitleUse:
    """A described use of the title: which award, which year, by whom, where, when.

    ``award_class`` and ``track`` are codes of the scheme (a record is kept as its
    code).  ``context`` and ``states_award_year`` may be unknown (``None``);
    ``award_year`` is the year the use states (``None`` when none is stated or it
    is not known).
    """

    user: str = attrs.field(converter=to_name, validator=is_name)
    award_class: str = attrs.field(converter=class_code, validator=is_code)
    track: str = attrs.field(converter=track_code, validator=is_code)
    used_on: datetime.date = attrs.field(validator=is_date)
    context: TitleContext | None = attrs.field(
        default=None, validator=is_optional(is_enum(TitleContext))
    )
    states_award_year: bool | None = attrs.field(default=None, validator=is_optional(is_bool))
    award_year: int | None = attrs.field(
        default=None, validator=is_optional(is_int(minimum=1, maximum=9999))
    )

    def __attrs_post_init__(self) -> None:
        if self.award_year is not None and self.states_award_year is False:
            raise InvalidInputError.about(
                "TitleUse.award_year",
                self.award_year,
                "given although states_award_year is False",
                ART_24,
            )


class TitleUseStatus(enum.Enum):
    """The outcome of :func:`check_title_use`."""

    #: 符合 — the use is allowed.
    PERMITTED = "permitted"
    #: 违反 — a breach: the office orders it corrected within a time limit.
    VIOLATION = "violation"
    #: 待定 — facts are missing.
    UNDETERMINED = "undetermined"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {"permitted": "符合规定", "violation": "违反规定"}.get(self.value, "待定")


@attrs.frozen(kw_only=True)
class TitleUseVerdict(Tabular):
    """Whether a described use of the title is allowed (Measures Art. 24), condition by condition.

    Attributes
    ----------
    status
        Permitted, a violation (the office orders it corrected), or undetermined.
    conditions
        ``art24.context``, ``art24.award_year``, ``art24.holder`` (the table's rows,
        with the record keys of the eligibility verdict's).
    validity
        ``used_on``'s check against Art. 28.
    reasons
        The summary and the validity, in Chinese and English (the table's notes).
    """

    user: str = attrs.field(converter=to_name, validator=is_name)
    status: TitleUseStatus = attrs.field(validator=is_enum(TitleUseStatus))
    conditions: tuple[Condition, ...] = attrs.field(validator=is_tuple_of(Condition))
    validity: ValidityCheck = attrs.field(validator=is_instance(ValidityCheck))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    @property
    def missing(self) -> tuple[str, ...]:
        """Every missing fact, sorted."""
        return tuple(sorted({m for c in self.conditions for m in c.missing}))

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.user} 使用称号：{self.status.zh}",
                f"title use by {self.user}: {self.status.value}",
            ),
            columns=CONDITION_COLUMNS,
            rows=tuple(condition_row(c) for c in self.conditions),
            notes=notes(self.reasons),
        )


def _cond(
    key: str,
    citation: Citation,
    status: ConditionStatus,
    zh: str,
    en: str,
    missing: tuple[str, ...] = (),
) -> Condition:
    return Condition(
        key=key,
        citation=citation,
        status=status,
        missing=missing,
        reasons=(Reason(citation, zh, en),),
    )


def check_title_use(
    use: TitleUse,
    *,
    holdings: Sequence[DistrictAward] | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> TitleUseVerdict:
    """Whether a use of the award's title is allowed (Measures Art. 24).

    Conditions: the context is image publicity (not product publicity, not on
    products or packaging); the award year is stated; and the user holds the
    award named, of the year stated, won on or before ``used_on``.

    Parameters
    ----------
    use
        The use described (:class:`TitleUse`); ``used_on`` must lie in the
        Measures' span (Art. 28).
    holdings
        The user's district awards still held (not revoked) on ``used_on``;
        ``None`` (the default) leaves the holder condition unknown.  An award won
        after ``used_on`` is not an error here: it does not make the user a holder
        on that day, so a title used before the award was won is a violation (an
        award won on ``used_on`` itself is held).
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.
    allow_outside_validity
        Apply the Measures to a ``used_on`` outside their span anyway.

    Returns
    -------
    TitleUseVerdict
        Permitted, violation or undetermined, with each condition.

    Raises
    ------
    OutsideValidityError
        ``used_on`` is outside Art. 28's span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``use`` is not a :class:`TitleUse`; ``holdings`` is not a sequence of
        ``DistrictAward``; ``scheme`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> use = TitleUse(user="甲公司", award_class="gold", track="model",
    ...     used_on=dt.date(2025, 3, 1), context=TitleContext.IMAGE_PUBLICITY,
    ...     states_award_year=True, award_year=2023)
    >>> won = DistrictAward(award_class="gold", track="model", awarded_on=dt.date(2023, 12, 15))
    >>> check_title_use(use, holdings=[won]).status.value
    'permitted'
    """
    chosen = resolve_scheme(scheme)
    art_24 = chosen.cite("Art. 24")
    if not isinstance(use, TitleUse):
        raise InvalidInputError.about("use", use, "expected a TitleUse", art_24)
    held: tuple[DistrictAward, ...] | None = None
    if holdings is not None:
        if isinstance(holdings, (str, bytes)) or not isinstance(holdings, Sequence):
            raise InvalidInputError.about(
                "holdings", holdings, "expected a sequence of DistrictAward or None", art_24
            )
        held = tuple(holdings)
        for index, item in enumerate(held):
            if not isinstance(item, DistrictAward):
                raise InvalidInputError.about(
                    f"holdings[{index}]", item, "expected a DistrictAward", art_24
                )
    award_class = chosen.award_class(use.award_class, field="use.award_class")
    track = chosen.track(use.track, field="use.track")
    validity = check_date(
        use.used_on, "used_on", scheme=chosen, allow_outside_validity=allow_outside_validity
    )
    conditions: list[Condition] = []
    if use.context is None:
        conditions.append(
            _cond(
                "art24.context",
                art_24,
                ConditionStatus.UNKNOWN,
                "未提供使用场合（context）。",
                "The context of the use is not given (context).",
                ("context",),
            )
        )
    elif use.context.allowed:
        conditions.append(
            _cond(
                "art24.context",
                art_24,
                ConditionStatus.MET,
                "在形象宣传中使用称号。",
                "The title is used in publicity for the winner's image.",
            )
        )
    else:
        conditions.append(
            _cond(
                "art24.context",
                art_24,
                ConditionStatus.FAILED,
                f"称号不得用于{use.context.zh}。"
                if use.context is TitleContext.PRODUCT_PUBLICITY
                else "不得在产品或包装上标注质量奖标志或获奖称号。",
                "The title may not be used in product publicity."
                if use.context is TitleContext.PRODUCT_PUBLICITY
                else "The award's emblem or title may not be marked on products or packaging.",
            )
        )
    if use.states_award_year is None:
        conditions.append(
            _cond(
                "art24.award_year",
                art_24,
                ConditionStatus.UNKNOWN,
                "未提供是否标明获奖年度（states_award_year）。",
                "Whether the award year is stated is not given (states_award_year).",
                ("states_award_year",),
            )
        )
    elif use.states_award_year:
        conditions.append(
            _cond(
                "art24.award_year",
                art_24,
                ConditionStatus.MET,
                "已标明获奖年度。",
                "The award year is stated.",
            )
        )
    else:
        conditions.append(
            _cond(
                "art24.award_year",
                art_24,
                ConditionStatus.FAILED,
                "使用称号未标明获奖年度。",
                "The title is used without stating the award year.",
            )
        )
    name = f"{award_class.code} × {track.code}"
    name_zh = f"{award_class.zh}·{track.zh}"
    if held is None:
        conditions.append(
            _cond(
                "art24.holder",
                art_24,
                ConditionStatus.UNKNOWN,
                "未提供使用者所获奖项（holdings）。",
                "The user's awards are not given (holdings).",
                ("holdings",),
            )
        )
    else:
        match = [
            a
            for a in held
            if a.award_class == award_class.code
            and a.track == track.code
            and a.awarded_on <= use.used_on
            and (use.award_year is None or a.year == use.award_year)
        ]
        if match:
            conditions.append(
                _cond(
                    "art24.holder",
                    art_24,
                    ConditionStatus.MET,
                    f"使用者为该称号的获奖者（{name_zh}，{match[0].year} 年度）。",
                    f"The user holds the title ({name}, award year {match[0].year}).",
                )
            )
        else:
            year = "" if use.award_year is None else f" of {use.award_year}"
            conditions.append(
                _cond(
                    "art24.holder",
                    art_24,
                    ConditionStatus.FAILED,
                    f"使用者未获得（或已不再持有）所称奖项（{name_zh}）；仅获奖组织和个人可使用该称号。",
                    f"The user does not hold the award claimed ({name}{year}); only winners "
                    "may use the title.",
                )
            )
    statuses = {c.status for c in conditions}
    if ConditionStatus.FAILED in statuses:
        status = TitleUseStatus.VIOLATION
        summary = Reason(
            art_24,
            "违反称号使用规定，由审定委员会办公室责令其限期改正。",
            "A breach of the rules on the title: the committee office orders it corrected "
            "within a time limit.",
        )
    elif ConditionStatus.UNKNOWN in statuses:
        status = TitleUseStatus.UNDETERMINED
        summary = Reason(art_24, "事实不全，无法判断。", "Facts are missing; cannot decide.")
    else:
        status = TitleUseStatus.PERMITTED
        summary = Reason(art_24, "称号使用符合规定。", "The use of the title is allowed.")
    return TitleUseVerdict(
        user=use.user,
        status=status,
        conditions=tuple(conditions),
        validity=validity,
        reasons=(summary, *validity.reasons),
    )


# --- Art. 25: revocation ------------------------------------------------------------


class RevocationConsequence(enum.Enum):
    """What follows a revocation (Art. 25), in the article's order."""

    #: 取消其荣誉资格 — the title is revoked.
    TITLE_REVOKED = "title-revoked"
    #: 收回奖牌、证书和奖金 — plaque (or trophy), certificate and money recovered.
    ITEMS_RECOVERED = "items-recovered"
    #: 予以通报批评 — a criticism is circulated.
    CRITICISED = "criticised"
    #: 三年内不再受理其申请 — no application accepted for three years.
    APPLICATIONS_BARRED = "applications-barred"

    @property
    def zh(self) -> str:
        """The article's words."""
        return {
            "title-revoked": "取消其荣誉资格",
            "items-recovered": "收回奖牌、证书和奖金",
            "criticised": "予以通报批评",
            "applications-barred": "三年内不再受理其申请",
        }[self.value]


#: The consequences of a revocation, in the order of Art. 25.
REVOCATION_CONSEQUENCES: tuple[RevocationConsequence, ...] = tuple(RevocationConsequence)


def _to_dates(value: Iterable[datetime.date] | None) -> tuple[datetime.date, ...] | None:
    return optional_tuple(value)


@attrs.frozen(kw_only=True)
class MisconductCase:
    """The facts about a winner that Art. 25 weighs (each may be unknown, ``None``).

    ``improper_means``: the award was obtained by improper means (采取不正当方法,
    e.g. falsified materials); ``major_incidents``: dates of major quality,
    safety, pollution, public-health, food-safety or similar incidents;
    ``other_major_breach``: another major matter contrary to the award's purpose.
    """

    holder: str = attrs.field(converter=to_name, validator=is_name)
    award_class: str = attrs.field(converter=class_code, validator=is_code)
    track: str = attrs.field(converter=track_code, validator=is_code)
    awarded_on: datetime.date = attrs.field(validator=is_date)
    improper_means: bool | None = attrs.field(default=None, validator=is_optional(is_bool))
    major_incidents: tuple[datetime.date, ...] | None = attrs.field(
        default=None, converter=_to_dates, validator=optional_dates
    )
    other_major_breach: bool | None = attrs.field(default=None, validator=is_optional(is_bool))


class RevocationStatus(enum.Enum):
    """The outcome of :func:`assess_revocation`."""

    #: A ground of Art. 25 is made out: the committee may propose revocation.
    GROUNDS_FOUND = "grounds-found"
    #: No ground is made out.
    NO_GROUNDS = "no-grounds"
    #: No ground is made out yet, but facts are missing.
    UNDETERMINED = "undetermined"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {"grounds-found": "具备撤销事由", "no-grounds": "未发现撤销事由"}.get(
            self.value, "待定"
        )


@attrs.frozen(kw_only=True)
class RevocationAssessment(Tabular):
    """Which Measures Art. 25 grounds a case makes out, what follows, and the bar it starts.

    Attributes
    ----------
    status
        Grounds found, no grounds, or undetermined (facts missing).
    grounds, missing
        The grounds made out (:class:`~baoshan_quality.award.records.RevocationGround`)
        and the facts not given.
    consequences
        What follows when a ground is made out, in the article's order.
    bar
        The Art. 25 bar if the award were revoked on the assessment day (else ``None``).
    reasons
        The grounds, the consequences and the validity (the table's notes).

    Its table is one row: ``holder``, ``status``, ``grounds``, ``missing`` and
    ``reapply_from`` (the bar's next day).
    """

    holder: str = attrs.field(converter=to_name, validator=is_name)
    status: RevocationStatus = attrs.field(validator=is_enum(RevocationStatus))
    grounds: tuple[RevocationGround, ...] = attrs.field(validator=is_tuple_of(RevocationGround))
    missing: tuple[str, ...] = attrs.field(validator=is_tuple_of(str))
    consequences: tuple[RevocationConsequence, ...] = attrs.field(
        validator=is_tuple_of(RevocationConsequence)
    )
    bar: Window | None = attrs.field(validator=is_optional(is_instance(Window)))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    def _table(self) -> Table:
        grounds = self.grounds
        return Table(
            caption=Text(
                f"{self.holder} 撤销荣誉资格评估：{self.status.zh}",
                f"revocation of {self.holder}: {self.status.value}",
            ),
            columns=(
                Column("holder", "获奖者", "holder"),
                Column("status", "结果", "status"),
                Column("grounds", "撤销事由", "grounds"),
                Column("missing", "缺少的事实", "missing facts"),
                Column("reapply_from", "再次受理日", "applications accepted again from"),
            ),
            rows=(
                (
                    self.holder,
                    Text(self.status.zh, self.status.value),
                    Text("；".join(g.zh for g in grounds), "; ".join(g.en for g in grounds))
                    if grounds
                    else None,
                    ", ".join(self.missing) or None,
                    None if self.bar is None else self.bar.next_day,
                ),
            ),
            notes=notes(self.reasons),
        )


def assess_revocation(
    case: MisconductCase,
    *,
    on: datetime.date,
    scheme: AwardScheme | None = None,
    reading: PeriodReading = PeriodReading.CIVIL_CODE,
    allow_outside_validity: bool = False,
) -> RevocationAssessment:
    """Which grounds of revocation the facts make out on a day (Measures Art. 25).

    An incident counts as "after the award" (获奖后) when dated on or after the
    award day (reading R25).  The award and every incident must lie on or before
    ``on``, the day asked about: one dated after it is an error naming its field
    (``case.awarded_on``, ``case.major_incidents[i]``); one on that day counts.  The
    decision itself needs the district government's approval (由审定委员会报请区政府批准).

    Parameters
    ----------
    case
        The facts (:class:`MisconductCase`); each may be unknown (``None``).
    on
        The day of the assessment, on or after the award; it must lie in the
        Measures' span (Art. 28).
    scheme
        The award's edition (its bar); ``None`` (the default) means ``BAOSHAN_2023``.
    reading
        Reading R7 for the three-year bar (default: the Civil Code).
    allow_outside_validity
        Apply the Measures to an ``on`` outside their span anyway.

    Returns
    -------
    RevocationAssessment
        The grounds, the facts missing, and — when a ground is made out — the
        consequences and the bar a revocation decided on ``on`` would start.

    Raises
    ------
    OutsideValidityError
        ``on`` is outside Art. 28's span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``case`` is not a :class:`MisconductCase`; ``on`` is not a date; the award
        or an incident is dated after ``on``; ``scheme`` or ``reading`` is of the
        wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> case = MisconductCase(holder="甲公司", award_class="gold", track="model",
    ...     awarded_on=dt.date(2023, 12, 15), improper_means=False,
    ...     major_incidents=[dt.date(2025, 1, 8)], other_major_breach=False)
    >>> a = assess_revocation(case, on=dt.date(2025, 6, 30))
    >>> [g.value for g in a.grounds], a.bar.next_day
    (['major-incident-after-award'], datetime.date(2028, 7, 1))
    """
    chosen = resolve_scheme(scheme)
    art_25 = chosen.cite(chosen.revocation_bar.clause)
    if not isinstance(case, MisconductCase):
        raise InvalidInputError.about("case", case, "expected a MisconductCase", art_25)
    chosen.award_class(case.award_class, field="case.award_class")
    chosen.track(case.track, field="case.track")
    validity = check_date(on, "on", scheme=chosen, allow_outside_validity=allow_outside_validity)
    day = validity.on
    not_after(case.awarded_on, day, "case.awarded_on", "on", art_25)
    for index, incident in enumerate(case.major_incidents or ()):
        not_after(incident, day, f"case.major_incidents[{index}]", "on", art_25)
    grounds: list[RevocationGround] = []
    missing: list[str] = []
    reasons: list[Reason] = []
    if case.improper_means is None:
        missing.append("improper_means")
    elif case.improper_means:
        grounds.append(RevocationGround.IMPROPER_MEANS)
    if case.major_incidents is None:
        missing.append("major_incidents")
    else:
        after = [d for d in case.major_incidents if case.awarded_on <= d <= day]
        if after:
            grounds.append(RevocationGround.MAJOR_INCIDENT_AFTER_AWARD)
            reasons.append(
                Reason(
                    art_25,
                    f"获奖（{case.awarded_on}）后发生重大事故：{'、'.join(map(str, after))}。",
                    f"Major incident(s) after the award of {case.awarded_on}: "
                    f"{', '.join(map(str, after))}.",
                )
            )
    if case.other_major_breach is None:
        missing.append("other_major_breach")
    elif case.other_major_breach:
        grounds.append(RevocationGround.OTHER_MAJOR_BREACH)
    bar: Window | None = None
    if grounds:
        status = RevocationStatus.GROUNDS_FOUND
        bar = revocation_bar(
            day, on=day, scheme=chosen, reading=reading, allow_outside_validity=True
        )
        years = chosen.revocation_bar.count
        reasons = [
            *(Reason(art_25, f"撤销事由：{g.zh}。", f"Ground: {g.en}.") for g in grounds),
            *reasons,
            Reason(
                art_25,
                "由审定委员会报请区政府批准后，"
                + "，".join(c.zh for c in REVOCATION_CONSEQUENCES)
                + f"；如于 {day} 撤销，{bar.next_day} 起方可再受理其申请。",
                "On the district government's approval of the committee's proposal: the title "
                "is revoked, plaque, certificate and money recovered, a criticism circulated, "
                f"and no application accepted for {years} years — if revoked on {day}, "
                f"applications are accepted again from {bar.next_day}.",
            ),
        ]
        consequences: tuple[RevocationConsequence, ...] = REVOCATION_CONSEQUENCES
    elif missing:
        status = RevocationStatus.UNDETERMINED
        consequences = ()
        reasons = [
            Reason(
                art_25,
                f"未发现撤销事由，但缺少事实：{'、'.join(missing)}。",
                f"No ground made out, but facts are missing: {', '.join(missing)}.",
            )
        ]
    else:
        status = RevocationStatus.NO_GROUNDS
        consequences = ()
        reasons = [Reason(art_25, "未发现撤销事由。", "No ground of revocation is made out.")]
    return RevocationAssessment(
        holder=case.holder,
        status=status,
        grounds=tuple(grounds),
        missing=tuple(sorted(missing)),
        consequences=consequences,
        bar=bar,
        reasons=(*reasons, *validity.reasons),
    )
