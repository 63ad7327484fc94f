"""Guide Appendix C, table C.1: the measured items (R15) — their facts, and the
percentage and band the facts give.

Five items are not judged but computed from facts: 2.3 audience coverage
(:class:`AudienceFacts`, reading :class:`AudienceList`) and trainees
(:class:`TraineeFacts`, reading :class:`TraineeDecreaseReading`), 3.2 honours
(:class:`HonourFacts`), 4.3 survey tasks (:class:`SurveyFacts`, reading
:class:`SurveyZeroReading`), 5.2 Yangtze River Delta participation
(:class:`DeltaFacts`).  One judged item may be computed instead: 1.2's second item
from the meetings held and their minutes (:class:`MeetingFacts`, reading R43).
:func:`measure` gives the percentage, the band and the reason;
:mod:`baoshan_quality.guide.self_assessment` applies them.

>>> m = measure(SurveyFacts(assigned=10, done=8))
>>> m.label, m.percentage
('100%', Fraction(100, 1))
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, NamedTuple, TypeVar

import attrs

from baoshan_quality._decimals import MAX_PLACES, exact, round_half_up
from baoshan_quality._validation import is_bool, is_int, is_tuple_of
from baoshan_quality.citations import Citation, Reason, guide
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.guide.maturity import MATURITY, MeetingsScaleReading

__all__ = [
    "Audience",
    "AudienceFacts",
    "AudienceList",
    "DeltaFacts",
    "HonourFacts",
    "MeetingFacts",
    "SurveyFacts",
    "SurveyZeroReading",
    "TraineeDecreaseReading",
    "TraineeFacts",
]

_HUNDRED = Fraction(100)
T = TypeVar("T")


# ------------------------------------------------------------------ readings


class AudienceList(enum.Enum):
    """Reading R15: the audience types 2.3's first item must cover (Guide Appendix C, 2.3).

    Examples
    --------
    >>> [a.zh for a in AudienceList.SECTION_5_2_3.audiences]
    ['企业', '中小学生', '社区居民', '村民']
    """

    #: Default: the three types Appendix C names (中小学生、社区居民、企业).
    APPENDIX_C = "appendix-c"
    #: Alternative: the four types of §5.2.3 a) (企业、中小学生、社区居民、村民).
    SECTION_5_2_3 = "section-5.2.3"

    @property
    def audiences(self) -> tuple[Audience, ...]:
        """The types in the list, in the order the clause prints them."""
        if self is AudienceList.APPENDIX_C:
            return (Audience.PUPILS, Audience.RESIDENTS, Audience.ENTERPRISES)
        return (Audience.ENTERPRISES, Audience.PUPILS, Audience.RESIDENTS, Audience.VILLAGERS)

    @property
    def citation(self) -> Citation:
        """The clause that prints the list."""
        if self is AudienceList.APPENDIX_C:
            return guide("Appendix C, Table C.1 2.3")
        return guide("§5.2.3 a)")


class TraineeDecreaseReading(enum.Enum):
    """Reading R15: the percentage of 2.3's second item in band ``100%以下`` (Guide Appendix C, 2.3).

    The band prints "参与培训的人员数量较上年度减少的比例" (the proportion by which
    trainees fell): read as a deduction from 100 % (default) or literally.
    """

    #: Default: read as a deduction — 100 % minus the decrease ratio.
    DEDUCTION = "deduction"
    #: Alternative, literal: the decrease ratio itself is the percentage.
    LITERAL = "literal"


class SurveyZeroReading(enum.Enum):
    """Reading R42: what 4.3's band "0：未完成任务" covers (Guide Appendix C, 4.3).

    The bands print 100%：…完成任务80%以上；60%以上：完成任务60%以上；30%以上：
    完成任务30%以上；0：未完成任务.  Whether 1–29 % of the tasks done is "0" depends
    on what 未完成任务 (tasks not done) means.

    Examples
    --------
    >>> measure(SurveyFacts(assigned=10, done=2)).label
    '0'
    >>> measure(SurveyFacts(assigned=10, done=2), survey_zero=SurveyZeroReading.NONE_DONE).label is None
    True
    """

    #: Default (today's behaviour): "0" covers every share below 30 % — the tasks
    #: were not done (to the 30 % the next band asks).
    BELOW_30 = "below-30"
    #: Alternative, literal: "未完成任务" is no task done (0 %) — unlike 5.2's "0"
    #: band, 4.3's prints no "不足30%" — so 1–29 % lies in the gap (0, 30) that no
    #: band covers, handled as every gap of the table is (R33, :class:`GapReading`).
    NONE_DONE = "none-done"


class Audience(enum.Enum):
    """The audience types of 2.3's first item (Guide Appendix C, 2.3; §5.2.3 a)).

    Examples
    --------
    >>> Audience.VILLAGERS.zh
    '村民'
    """

    PUPILS = "pupils"  #: 中小学生
    RESIDENTS = "residents"  #: 社区居民
    ENTERPRISES = "enterprises"  #: 企业
    VILLAGERS = "villagers"  #: 村民 (§5.2.3 a) only)

    @property
    def zh(self) -> str:
        """The type as printed."""
        return _AUDIENCE_ZH[self]


_AUDIENCE_ZH = {
    Audience.PUPILS: "中小学生",
    Audience.RESIDENTS: "社区居民",
    Audience.ENTERPRISES: "企业",
    Audience.VILLAGERS: "村民",
}


# --------------------------------------------------------------------- facts

_C23 = guide("Appendix C, Table C.1 2.3")
_C32 = guide("Appendix C, Table C.1 3.2")
_C43 = guide("Appendix C, Table C.1 4.3")
_C12 = guide("Appendix C, Table C.1 1.2")
_S512 = guide("§5.1.2 b)")
#: 每年召开不少于两次 (§5.1.2 b), table C.1 1.2): at least two meetings a year.
_MINIMUM_MEETINGS = 2
_C52 = guide("Appendix C, Table C.1 5.2")


def _tuple(value: Iterable[T], where: str, names: str) -> tuple[T, ...]:
    """A converter's body: any iterable but a string or a mapping becomes a tuple."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError.about(where, value, f"expected a sequence of {names}")
    return tuple(value)


def _reached(value: Iterable[Audience]) -> tuple[Audience, ...]:
    """Converter: the audience types reached, as a tuple (the validator checks them)."""
    return _tuple(value, "AudienceFacts.reached", "Audience")


def _unique(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(Audience)(instance, attribute, value)
    assert isinstance(value, tuple)
    if len(set(value)) != len(value):
        raise InvalidInputError.about(
            "AudienceFacts.reached", value, "each audience type may be listed once", _C23
        )


@attrs.frozen
class AudienceFacts:
    """The facts of 2.3's first item: the audience types reached (Guide Appendix C, 2.3; R15).

    Attributes
    ----------
    reached
        The :class:`Audience` types the unit's quality education and publicity
        reached, each once (any iterable; kept as a tuple).

    Examples
    --------
    >>> AudienceFacts([Audience.PUPILS, Audience.ENTERPRISES]).reached[1].zh
    '企业'
    """

    reached: tuple[Audience, ...] = attrs.field(converter=_reached, validator=_unique)


def _impossible(cls: str, field: str, value: object, problem: str, cite: Citation) -> None:
    raise InvalidInputError.about(f"{cls}.{field}", value, problem, cite)


@attrs.frozen
class TraineeFacts:
    """The facts of 2.3's second item: units and trainees of the unit's own training (R15).

    Guide Appendix C, 2.3: the units/organisations taking part in the training the
    unit runs itself, and the number of trainees, this year and the year before.
    Units without trainees, or trainees without a unit, are impossible.

    Attributes
    ----------
    units_this_year, units_last_year
        Participating units/organisations (whole numbers ≥ 0).
    trainees_this_year, trainees_last_year
        Trainees (whole numbers ≥ 0).

    Examples
    --------
    >>> TraineeFacts(5, 4, 120, 150).units_this_year
    5
    >>> TraineeFacts(0, 4, 10, 150)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: TraineeFacts.trainees_this_year: trainees without a participating unit is impossible, got 10 (Guide Appendix C, Table C.1 2.3)
    """

    units_this_year: int = attrs.field(validator=is_int(0))
    units_last_year: int = attrs.field(validator=is_int(0))
    trainees_this_year: int = attrs.field(validator=is_int(0))
    trainees_last_year: int = attrs.field(validator=is_int(0))

    def __attrs_post_init__(self) -> None:
        for year in ("this", "last"):
            units = getattr(self, f"units_{year}_year")
            trainees = getattr(self, f"trainees_{year}_year")
            if units == 0 and trainees > 0:
                _impossible(
                    "TraineeFacts",
                    f"trainees_{year}_year",
                    trainees,
                    "trainees without a participating unit is impossible",
                    _C23,
                )
            if units > 0 and trainees == 0:
                _impossible(
                    "TraineeFacts",
                    f"trainees_{year}_year",
                    trainees,
                    f"{units} participating units with no trainee is impossible",
                    _C23,
                )


@attrs.frozen
class HonourFacts:
    """The facts of 3.2: quality honour applications, wins, national wins (Guide Appendix C, 3.2).

    Attributes
    ----------
    applications
        Applications for quality honours made in the year.
    won
        Those won (at most ``applications``).
    national_won
        National honours among them (at most ``won``).

    Examples
    --------
    >>> HonourFacts(applications=4, won=2, national_won=1).won
    2
    >>> HonourFacts(applications=2, won=3, national_won=0)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: HonourFacts.won: more honours won than applied for (2) is impossible, got 3 (Guide Appendix C, Table C.1 3.2)
    """

    applications: int = attrs.field(validator=is_int(0))
    won: int = attrs.field(validator=is_int(0))
    national_won: int = attrs.field(validator=is_int(0))

    def __attrs_post_init__(self) -> None:
        if self.won > self.applications:
            _impossible(
                "HonourFacts",
                "won",
                self.won,
                f"more honours won than applied for ({self.applications}) is impossible",
                _C32,
            )
        if self.national_won > self.won:
            _impossible(
                "HonourFacts",
                "national_won",
                self.national_won,
                f"more national honours than honours won ({self.won}) is impossible",
                _C32,
            )


@attrs.frozen
class SurveyFacts:
    """The facts of 4.3: survey tasks assigned and done (Guide Appendix C, 4.3; R15).

    Attributes
    ----------
    assigned
        Survey and satisfaction tasks the district quality office assigned (≥ 1: the
        share of tasks done is undefined with none).
    done
        Those done (at most ``assigned``).

    Examples
    --------
    >>> SurveyFacts(assigned=10, done=7).done
    7
    >>> SurveyFacts(assigned=5, done=6)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: SurveyFacts.done: more tasks done than assigned (5) is impossible, got 6 (Guide Appendix C, Table C.1 4.3)
    """

    assigned: int = attrs.field(validator=is_int(0))
    done: int = attrs.field(validator=is_int(0))

    def __attrs_post_init__(self) -> None:
        if self.assigned == 0:
            _impossible(
                "SurveyFacts",
                "assigned",
                0,
                "the share of tasks done is undefined with no task assigned "
                "(leave the item out with allow_missing)",
                _C43,
            )
        if self.done > self.assigned:
            _impossible(
                "SurveyFacts",
                "done",
                self.done,
                f"more tasks done than assigned ({self.assigned}) is impossible",
                _C43,
            )


@attrs.frozen
class MeetingFacts:
    """The facts of 1.2's second item: the leading group's meetings in the year (R43).

    Guide Appendix C, table C.1 1.2: 每年召开不少于两次的领导小组成员全体会议 —
    100%：按要求组织或参与会议，会议纪要齐全; §5.1.2 b): 辖区内每年召开不少于两次的
    质量工作会议.  Given instead of a judged percentage, the item is met when at
    least two meetings were held (不少于两次 includes two) and the minutes are
    complete; what a shortfall gives depends on
    :class:`~baoshan_quality.guide.maturity.MeetingsScaleReading`.

    Attributes
    ----------
    held
        Full meetings of the leading group's members (领导小组成员全体会议) the unit
        organised or took part in during the year (a whole number ≥ 0).
    minutes_complete
        Whether the minutes (会议纪要) of those meetings are complete (齐全).

    Examples
    --------
    >>> measure(MeetingFacts(held=2, minutes_complete=True)).label
    '100%'
    >>> measure(MeetingFacts(held=1, minutes_complete=True)).label
    '不满100%'
    """

    #: The clauses the facts answer: table C.1 1.2 and §5.1.2 b).
    clauses: ClassVar[tuple[Citation, ...]] = (_C12, _S512)

    held: int = attrs.field(validator=is_int(0))
    minutes_complete: bool = attrs.field(validator=is_bool)

    @property
    def met(self) -> bool:
        """Whether the requirement is met: at least two meetings, minutes complete (R43).

        不少于两次 is two or more: "not fewer than" includes the number, as 以上 does
        (Civil Code Art. 1259, R3).

        >>> MeetingFacts(held=2, minutes_complete=False).met
        False
        """
        return self.held >= _MINIMUM_MEETINGS and self.minutes_complete


@attrs.frozen
class DeltaFacts:
    """The facts of 5.2's first item: Yangtze River Delta activities (Guide Appendix C, 5.2; R15).

    Attributes
    ----------
    activities
        长三角 quality activities open to the unit in the year (≥ 1: the rate is
        undefined with none).
    participated
        Those it took part in (at most ``activities``).

    Examples
    --------
    >>> DeltaFacts(activities=4, participated=3).participated
    3
    """

    activities: int = attrs.field(validator=is_int(0))
    participated: int = attrs.field(validator=is_int(0))

    def __attrs_post_init__(self) -> None:
        if self.activities == 0:
            _impossible(
                "DeltaFacts",
                "activities",
                0,
                "the participation rate is undefined with no activity "
                "(leave the item out with allow_missing)",
                _C52,
            )
        if self.participated > self.activities:
            _impossible(
                "DeltaFacts",
                "participated",
                self.participated,
                f"more activities taken part in than held ({self.activities}) is impossible",
                _C52,
            )


# ------------------------------------------------------------- computation


def as_decimal(value: Fraction, places: int | None = None) -> tuple[Decimal, bool]:
    """A Fraction as a Decimal and whether it is exact.

    A terminating value is exact; any other is carried to the library's 60
    significant digits (and no more than its 60 decimal places, so that it is a number
    the library reads back), or rounded half up to ``places`` when given.

    >>> as_decimal(Fraction(1, 4)), as_decimal(Fraction(2, 3), 2)
    ((Decimal('0.25'), True), (Decimal('0.67'), False))
    """
    with exact() as ctx:
        ctx.clear_flags()
        result = Decimal(value.numerator) / Decimal(value.denominator)
        inexact = bool(ctx.flags[decimal.Inexact])
        exponent = result.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -MAX_PLACES:  # hold it as JSON can
            held = round_half_up(result, MAX_PLACES)
            inexact = inexact or held != result
            result = held
        if inexact:
            return (round_half_up(result, places) if places is not None else result), False
        return plain(result.normalize()), True


def plain(value: Decimal) -> Decimal:
    """Drop exponent notation that ``normalize`` may introduce (``1E+2`` → ``100``).

    >>> plain(Decimal("1E+2"))
    Decimal('100')
    """
    with exact():
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def percent_text(value: Fraction) -> str:
    """A percentage to 2 places, with "…" when that is not exact.

    >>> percent_text(Fraction(200, 3)), percent_text(Fraction(50))
    ('66.67%…', '50%')
    """
    shown, is_exact = as_decimal(value, 2)
    return f"{plain(shown)}%" if is_exact else f"{shown}%…"


def _coverage(facts: AudienceFacts, audiences: AudienceList) -> Measurement:
    listed = audiences.audiences
    reached = set(facts.reached)
    hit = [a for a in listed if a in reached]
    pct = Fraction(100 * len(hit), len(listed))
    label = "100%" if len(hit) == len(listed) else "100%以下"
    names = "、".join(a.zh for a in hit) or "无"
    names_en = ", ".join(a.value for a in hit) or "none"
    zh = (
        f"{'附录 C' if audiences is AudienceList.APPENDIX_C else '5.2.3 a)'} 所列 "
        f"{len(listed)} 类对象，覆盖 {len(hit)} 类（{names}），覆盖率 {percent_text(pct)}，"
        f"属“{label}”档。"
    )
    en = (
        f"Of the {len(listed)} audience types listed by {audiences.citation}, "
        f"{len(hit)} reached ({names_en}): coverage {percent_text(pct)}, band {label} (R15)."
    )
    outside = [a for a in facts.reached if a not in listed]
    if outside:
        zh += f"{'、'.join(a.zh for a in outside)}不在所用清单内，不计。"
        en += (
            f" {', '.join(a.value for a in outside)} is not on the list in use and does not "
            "count (AudienceList.SECTION_5_2_3 counts 村民)."
        )
    return Measurement(pct, label, zh, en)


def _trainees(f: TraineeFacts, reading: TraineeDecreaseReading) -> Measurement:
    facts = (
        f"参与单位 {f.units_last_year}→{f.units_this_year}，"
        f"参训人数 {f.trainees_last_year}→{f.trainees_this_year}"
    )
    facts_en = (
        f"participating units {f.units_last_year}→{f.units_this_year}, "
        f"trainees {f.trainees_last_year}→{f.trainees_this_year}"
    )
    if f.units_this_year == 0:
        return Measurement(
            Fraction(0),
            "0%",
            f"{facts}：无单位参与培训，属“0%”档。",
            (f"{facts_en}: no unit took part, band 0% (R15)."),
        )
    if f.units_this_year >= f.units_last_year:
        return Measurement(
            Fraction(100),
            "100%",
            f"{facts}：参与单位数量不变或增加，属“100%”档。",
            (f"{facts_en}: participating units unchanged or more, band 100% (R15)."),
        )
    drop = max(
        Fraction(0),
        Fraction(100 * (f.trainees_last_year - f.trainees_this_year), f.trainees_last_year),
    )
    if reading is TraineeDecreaseReading.DEDUCTION:
        pct = _HUNDRED - drop
        how_zh, how_en = "取 100% 减去减少比例", "100% minus the decrease (R15 default)"
    else:
        pct = drop
        how_zh, how_en = "取减少比例本身", "the decrease itself (R15 literal alternative)"
    return Measurement(
        pct,
        "100%以下",
        (
            f"{facts}：参与单位减少，参训人数较上年度减少 {percent_text(drop)}，"
            f"属“100%以下”档，{how_zh}：{percent_text(pct)}。"
        ),
        (
            f"{facts_en}: fewer units took part; trainees fell by {percent_text(drop)} year on "
            f"year; band 100%以下, read as {how_en}: {percent_text(pct)}."
        ),
    )


def _honours(f: HonourFacts) -> Measurement:
    facts = f"申报 {f.applications} 项，获得 {f.won} 项，其中国家级 {f.national_won} 项"
    facts_en = f"{f.applications} applications, {f.won} won, {f.national_won} of them national"
    if f.applications == 0:
        label, zh, en = "0%", "未开展质量荣誉申报", "no application"
    elif 2 * f.won >= f.applications and f.national_won >= 1:
        label, zh, en = (
            "100%",
            "获奖比例达 50% 以上（含 50%），且至少 1 项国家级",
            "50% or more won (50% included) and at least one national honour",
        )
    elif 2 * f.won >= f.applications:
        label, zh, en = (
            "50%以上",
            "获奖比例达 50% 以上（含 50%），无国家级",
            "50% or more won (50% included), no national honour",
        )
    else:
        label, zh, en = "30%以上", "获奖比例不足 50%", "fewer than 50% won"
    return Measurement(
        Fraction(MATURITY.scale("3.2-1").band(label).figure),
        label,
        (f"{facts}：{zh}，属“{label}”档。"),
        f"{facts_en}: {en}, band {label}.",
    )


def _survey(f: SurveyFacts, reading: SurveyZeroReading) -> Measurement:
    rate = Fraction(100 * f.done, f.assigned)
    facts = f"任务 {f.assigned} 项，完成 {f.done} 项（{percent_text(rate)}）"
    facts_en = f"{f.done} of {f.assigned} tasks done ({percent_text(rate)})"
    if rate >= 80:
        label = "100%"
    elif rate >= 60:
        label = "60%以上"
    elif rate >= 30:
        label = "30%以上"
    elif rate == 0:
        label = "0"
    elif reading is SurveyZeroReading.BELOW_30:
        return Measurement(
            Fraction(0),
            "0",
            f"{facts}，不足 30%，属“0”档（R42：“未完成任务”含完成不足 30%）。",
            f"{facts_en}, below 30%: band 0 (R42: '未完成任务', tasks not done, "
            "covers any share below 30%).",
        )
    else:
        return Measurement(
            rate,
            None,
            f"{facts}：按 R42 备选，“0：未完成任务”指一项任务也未完成，"
            f"完成 {percent_text(rate)} 介于“0”档与“30%以上”档之间，不属任何档。",
            f"{facts_en}: under R42's alternative '0：未完成任务' means no task done, so "
            f"{percent_text(rate)} lies between band 0 and band 30%以上, in no band.",
        )
    return Measurement(
        Fraction(MATURITY.scale("4.3-1").band(label).figure),
        label,
        f"{facts}，属“{label}”档。",
        f"{facts_en}: band {label}.",
    )


def _meetings(f: MeetingFacts, reading: MeetingsScaleReading) -> Measurement:
    enough = f.held >= _MINIMUM_MEETINGS
    count_zh = f"召开 {f.held} 次，{'不少于' if enough else '少于'}两次"
    count_en = f"{f.held} held, {'at least' if enough else 'fewer than'} two"
    minutes_zh = "会议纪要齐全" if f.minutes_complete else "会议纪要不齐全"
    minutes_en = "minutes complete" if f.minutes_complete else "minutes incomplete"
    facts = f"领导小组成员全体会议{count_zh}，{minutes_zh}"
    facts_en = f"Full meetings of the leading group: {count_en}; {minutes_en}"
    also = (
        Reason(
            _S512,
            f"辖区内每年召开不少于两次的质量工作会议（“不少于两次”含两次）：本年{count_zh}。",
            "At least two quality work meetings a year in the area ('不少于两次' includes "
            f"two): this year {count_en}.",
        ),
    )
    scale = MATURITY.scale_for("1.2-2", meetings=reading)
    if f.met:
        label: str | None = "100%"
        zh, en = "按要求组织或参与会议，属“100%”档", "meetings as required, band 100%"
    elif reading is MeetingsScaleReading.BELOW_FULL:
        label = "不满100%"
        zh = "未完全按要求，属未印出的“不满100%”档（R32）"
        en = "the requirement not met in full: the unprinted band 不满100% (R32)"
    elif reading is MeetingsScaleReading.FULL_OR_NONE:
        label = "0"
        zh = "未按要求，属未印出的“0”档（R32 备选）"
        en = "the requirement not met: the unprinted band 0 (R32 alternative)"
    else:
        label = None
        zh = "未按要求，而表 C.1 1.2 只印出“100%”档（R32 备选），不属任何档"
        en = "the requirement not met, and table C.1 1.2 prints only band 100% (R32 alternative): in no band"
    pct = Fraction(scale.band(label).lower) if label is not None else Fraction(0)
    return Measurement(pct, label, f"{facts}：{zh}。", f"{facts_en}: {en}.", also)


def _delta(f: DeltaFacts) -> Measurement:
    rate = Fraction(100 * f.participated, f.activities)
    if rate == 100:
        label = "100%"
    elif rate >= 60:
        label = "60%以上"
    elif rate >= 30:
        label = "30%以上"
    else:
        label = "0"
    return Measurement(
        Fraction(MATURITY.scale("5.2-1").band(label).figure),
        label,
        (
            f"长三角相关活动 {f.activities} 项，参与 {f.participated} 项（参与率 {percent_text(rate)}），"
            f"属“{label}”档。"
        ),
        (
            f"Took part in {f.participated} of {f.activities} Yangtze River Delta activities "
            f"({percent_text(rate)}): band {label}."
        ),
    )


class Measurement(NamedTuple):
    """What the facts of a measured item give (R15): the percentage, the band's label, and why.

    ``label`` is ``None`` when the facts fall in no band (R42's alternative, R43
    under ``PRINTED_ONLY``); ``percentage`` is then the facts' own figure (the share
    of tasks done; 0 for the meetings).  ``zh`` and ``en`` are the reason's
    sentences (the clause is the item's); ``also`` are reasons under other clauses.
    """

    percentage: Fraction
    label: str | None
    zh: str
    en: str
    also: tuple[Reason, ...] = ()


def measure(
    facts: AudienceFacts | TraineeFacts | HonourFacts | SurveyFacts | DeltaFacts | MeetingFacts,
    *,
    audiences: AudienceList = AudienceList.APPENDIX_C,
    trainee_decrease: TraineeDecreaseReading = TraineeDecreaseReading.DEDUCTION,
    survey_zero: SurveyZeroReading = SurveyZeroReading.BELOW_30,
    meetings: MeetingsScaleReading = MeetingsScaleReading.BELOW_FULL,
) -> Measurement:
    """The percentage and band a measured item's facts give (Guide Appendix C; R15).

    Parameters
    ----------
    facts
        The facts of one measured item.
    audiences, trainee_decrease
        The R15 readings for 2.3's two items.
    survey_zero
        Reading R42 for 4.3.
    meetings
        Reading R32 for 1.2's second item (with R43 for its facts).

    Returns
    -------
    Measurement
        The exact percentage, the band's label and the reason's sentences.

    Raises
    ------
    InvalidInputError
        When ``facts`` are not the facts of a measured item.

    Examples
    --------
    >>> measure(HonourFacts(applications=4, won=2, national_won=0)).label
    '50%以上'
    >>> measure(AudienceFacts([Audience.PUPILS]), audiences=AudienceList.SECTION_5_2_3).percentage
    Fraction(25, 1)
    """
    if isinstance(facts, AudienceFacts):
        return _coverage(facts, audiences)
    if isinstance(facts, TraineeFacts):
        return _trainees(facts, trainee_decrease)
    if isinstance(facts, HonourFacts):
        return _honours(facts)
    if isinstance(facts, SurveyFacts):
        return _survey(facts, survey_zero)
    if isinstance(facts, DeltaFacts):
        return _delta(facts)
    if isinstance(facts, MeetingFacts):
        return _meetings(facts, meetings)
    raise InvalidInputError.about(
        "facts", facts, "expected the facts of a measured item (R15)", guide("Appendix C")
    )
