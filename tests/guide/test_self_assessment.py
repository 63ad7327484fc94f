"""Guide Appendix C: self-assessment (judged items, R15 measured items, R6, R13,
notes 1 and 2) and its comparison with the Appendix B score card."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baoshan_quality import (
    RUBRIC,
    Assessment,
    InvalidInputError,
    SelfAssessment,
    from_json,
    score,
    self_assess,
    to_json,
)
from baoshan_quality.citations import Reason, guide
from baoshan_quality.errors import InvalidRatingError, MissingCriterionError, UnknownCriterionError
from baoshan_quality.guide import (
    MATURITY,
    Audience,
    AudienceFacts,
    AudienceList,
    DeltaFacts,
    GapReading,
    HonourFacts,
    IndicatorRounding,
    ItemRating,
    ItemWeighting,
    MeasuredReading,
    MeetingFacts,
    MeetingsScaleReading,
    RatingSource,
    SelfAssessmentPolicy,
    SelfOfficialComparison,
    SurveyFacts,
    SurveyZeroReading,
    TraineeDecreaseReading,
    TraineeFacts,
    compare_with_official,
)

ALL3 = AudienceFacts([Audience.PUPILS, Audience.RESIDENTS, Audience.ENTERPRISES])
FULL_FACTS = {
    "2.3-1": ItemRating("2.3-1", audiences=ALL3),
    "2.3-2": ItemRating("2.3-2", trainees=TraineeFacts(5, 5, 100, 100)),
    "3.2-1": ItemRating("3.2-1", honours=HonourFacts(2, 1, 1)),
    "4.3-1": ItemRating("4.3-1", survey=SurveyFacts(10, 10)),
    "5.2-1": ItemRating("5.2-1", delta=DeltaFacts(3, 3)),
}


def full(**judged: object) -> list[ItemRating]:
    """Every item at 100 %, except the judged percentages given (item code with _)."""
    out = []
    for item in MATURITY.items:
        code = item.code
        key = code.replace(".", "_").replace("-", "_")
        if code in FULL_FACTS:
            out.append(judged.get(key, FULL_FACTS[code]))  # type: ignore[arg-type]
        else:
            value = judged.get(key, 100)
            out.append(value if isinstance(value, ItemRating) else ItemRating(code, value))
    return out


ALLOW = SelfAssessmentPolicy(allow_missing=True)


def one(rating: ItemRating, policy: SelfAssessmentPolicy = ALLOW) -> SelfAssessment:
    return self_assess([rating], policy=policy)


# ---------------------------------------------------------------- notes 1 and 2


def test_note1_note2_everything_at_100_totals_100() -> None:
    r = self_assess(full(), unit="罗店镇", year=2024)
    assert r.total == Decimal("100.00")
    assert [i.score for i in r.indicators] == [i.points for i in MATURITY.indicators]
    assert r.missing == ()


def test_note1_everything_at_its_lowest_totals_0() -> None:
    ratings = full(
        **dict.fromkeys(("1_1_1", "1_1_2", "1_1_3", "1_1_4", "1_2_1", "1_2_2", "2_1_1", "2_2_1", "2_2_2", "2_2_3", "2_4_1", "3_1_1", "3_1_2", "4_1_1", "4_2_1", "5_1_1", "5_1_2", "5_2_2"), 0),
        **{
            "2_3_1": ItemRating("2.3-1", audiences=AudienceFacts([])),
            "2_3_2": ItemRating("2.3-2", trainees=TraineeFacts(0, 3, 0, 30)),
            "3_2_1": ItemRating("3.2-1", honours=HonourFacts(0, 0, 0)),
            "4_3_1": ItemRating("4.3-1", survey=SurveyFacts(4, 0)),
            "5_2_1": ItemRating("5.2-1", delta=DeltaFacts(4, 0)),
        },
    )  # fmt: skip
    assert self_assess(ratings).total == Decimal("0.00")


def test_indicator_score_is_points_times_mean_percentage() -> None:
    # 1.1: 5 × (100 + 85 + 70 + 40) / 4 / 100 = 3.6875 → 3.69
    r = self_assess(full(**{"1_1_2": 85, "1_1_3": 70, "1_1_4": 40}))
    assert r.indicator("1.1").score == Decimal("3.69")
    assert r.total == Decimal("100") - Decimal(5) + Decimal("3.69")


# ------------------------------------------------------------------- R6 rounding


def test_r6_half_up_and_exact_differ_on_a_half() -> None:
    # 1.1: 5 × (100 + 70 + 50 + 30) / 4 / 100 = 3.125: half up 3.13 (half-even would be 3.12)
    ratings = full(**{"1_1_2": 70, "1_1_3": 50, "1_1_4": 30})
    half_up = self_assess(ratings).indicator("1.1")
    exact = self_assess(
        ratings, policy=SelfAssessmentPolicy(rounding=IndicatorRounding.EXACT)
    ).indicator("1.1")
    assert half_up.score == Decimal("3.13") and not half_up.exact
    assert exact.score == Decimal("3.125") and exact.exact


def test_r6_non_terminating_indicator() -> None:
    # 2.3: 8 × (200/3 + 100) / 2 / 100 = 20/3
    ratings = full(
        **{"2_3_1": ItemRating("2.3-1", audiences=[Audience.PUPILS, Audience.ENTERPRISES])}
    )
    r = self_assess(ratings)
    assert r.indicator("2.3").score == Decimal("6.67")
    e = self_assess(ratings, policy=SelfAssessmentPolicy(rounding=IndicatorRounding.EXACT))
    assert not e.indicator("2.3").exact
    assert abs(Fraction(e.indicator("2.3").score) - Fraction(20, 3)) < Fraction(1, 10**50)
    assert r.item("2.3-1").percentage == Decimal("66.6666666667")
    assert not r.item("2.3-1").exact


# --------------------------------------------------------------------- R13 weights


def test_r13_caller_weights() -> None:
    # 1.1 with weights 3,1,1,1 on 100, 40, 40, 40: mean (300 + 120) / 6 = 70 → 3.50
    policy = SelfAssessmentPolicy(
        weighting=ItemWeighting.CALLER,
        weights={"1.1-1": 3, "1.1-2": 1, "1.1-3": 1, "1.1-4": 1, "1.2-1": 1, "1.2-2": 1,
                 "2.2-1": 1, "2.2-2": 1, "2.2-3": 2, "2.3-1": 1, "2.3-2": 1, "3.1-1": 1,
                 "3.1-2": 1, "5.1-1": 1, "5.1-2": 1, "5.2-1": 1, "5.2-2": 1},
    )  # fmt: skip
    ratings = full(**{"1_1_2": 40, "1_1_3": 40, "1_1_4": 40, "2_2_3": 40})
    r = self_assess(ratings, policy=policy)
    assert r.indicator("1.1").score == Decimal("3.50")
    # 2.2: 8 × (100 + 100 + 2 × 40) / 4 / 100 = 5.6
    assert r.indicator("2.2").score == Decimal("5.60")
    # equal weights for comparison: 1.1 = 5 × 55 % = 2.75
    assert self_assess(ratings).indicator("1.1").score == Decimal("2.75")


def test_r13_errors() -> None:
    with pytest.raises(InvalidInputError, match="CALLER"):
        SelfAssessmentPolicy(weights={"1.1-1": 1})
    with pytest.raises(UnknownCriterionError):
        SelfAssessmentPolicy(weighting=ItemWeighting.CALLER, weights={"1.1.1": 1})
    with pytest.raises(InvalidInputError):
        SelfAssessmentPolicy(weighting=ItemWeighting.CALLER, weights={"1.1-1": -1})
    with pytest.raises(MissingCriterionError, match="indicator 1.1"):
        self_assess(full(), policy=SelfAssessmentPolicy(weighting=ItemWeighting.CALLER, weights={}))
    zero = dict.fromkeys(
        [i.code for i in MATURITY.items if len(MATURITY.indicator(i.indicator).items) > 1], 1
    )
    zero.update({"1.1-1": 0, "1.1-2": 0, "1.1-3": 0, "1.1-4": 0})
    with pytest.raises(InvalidInputError, match="sum to 0"):
        self_assess(
            full(), policy=SelfAssessmentPolicy(weighting=ItemWeighting.CALLER, weights=zero)
        )


# ------------------------------------------------------------------ judged items


@pytest.mark.parametrize(
    ("item", "pct", "band"),
    [
        ("1.1-1", "85", "70%以上"),
        ("1.1-1", "70", "70%以上"),
        ("1.1-1", "30", "30%以上"),
        ("1.1-1", "29.5", "30%以下"),
        ("1.2-1", "0", "0"),
        ("2.2-2", "60", "60%以上"),
        ("2.1-1", "100", "100%"),
    ],
)
def test_r14_judged_percentage_in_its_band(item: str, pct: str, band: str) -> None:
    r = one(ItemRating(item, pct))
    assert r.item(item).band == band and r.item(item).source is RatingSource.JUDGED
    assert one(ItemRating(item, pct, band=band)).item(item).percentage == Decimal(pct)


@pytest.mark.parametrize(
    ("item", "pct", "band"),
    [
        ("1.1-1", "60", "70%以上"),
        ("1.1-1", "100", "70%以上"),  # 70%以上 stops below the 100% band
        ("1.1-1", "30", "30%以下"),  # R3: 30 belongs to 30%以上
        ("1.2-1", "10", "0"),
        ("2.1-1", "99", "100%"),
    ],
)
def test_r14_judged_percentage_outside_the_named_band_is_an_error(
    item: str, pct: str, band: str
) -> None:
    with pytest.raises(InvalidRatingError, match=band):
        one(ItemRating(item, pct, band=band))


def test_named_band_not_on_the_scale() -> None:
    with pytest.raises(InvalidRatingError, match="no such band"):
        one(ItemRating("1.1-1", 80, band="80%以上"))


def test_gap_reading_refuse_and_allow() -> None:
    with pytest.raises(InvalidRatingError, match="in no band"):
        one(ItemRating("1.2-1", 20))
    r = one(
        ItemRating("1.2-1", 20), SelfAssessmentPolicy(allow_missing=True, gaps=GapReading.ALLOW)
    )
    assert r.item("1.2-1").band is None and r.item("1.2-1").percentage == Decimal(20)


@pytest.mark.parametrize("bad", [-1, 101, "abc", True, float("inf")])
def test_judged_percentage_outside_0_100(bad: object) -> None:
    with pytest.raises(InvalidInputError):
        ItemRating("1.1-1", bad)  # type: ignore[arg-type]


def test_meetings_item_readings() -> None:
    assert one(ItemRating("1.2-2", 50)).item("1.2-2").band == "不满100%"
    policy = SelfAssessmentPolicy(allow_missing=True, meetings=MeetingsScaleReading.FULL_OR_NONE)
    assert one(ItemRating("1.2-2", 0), policy).item("1.2-2").band == "0"
    with pytest.raises(InvalidRatingError):
        one(ItemRating("1.2-2", 50), policy)
    only = SelfAssessmentPolicy(allow_missing=True, meetings=MeetingsScaleReading.PRINTED_ONLY)
    with pytest.raises(InvalidRatingError):
        one(ItemRating("1.2-2", 0), only)


# ---------------------------------------------------------------- measured (R15)


@pytest.mark.parametrize(
    ("assigned", "done", "band", "pct"),
    [
        (10, 10, "100%", 100),
        (10, 8, "100%", 100),  # 80 % is "80%以上"
        (5, 4, "100%", 100),
        (10, 7, "60%以上", 60),
        (10, 6, "60%以上", 60),  # 60 % edge
        (10, 5, "30%以上", 30),
        (10, 3, "30%以上", 30),  # 30 % edge
        (3, 1, "30%以上", 30),
        (10, 2, "0", 0),
        (10, 0, "0", 0),
    ],
)
def test_r15_43_survey_tasks(assigned: int, done: int, band: str, pct: int) -> None:
    r = one(ItemRating("4.3-1", survey=SurveyFacts(assigned, done))).item("4.3-1")
    assert (r.band, r.percentage, r.source) == (band, Decimal(pct), RatingSource.MEASURED)


@pytest.mark.parametrize(
    ("applications", "won", "national", "band", "pct"),
    [
        (4, 2, 1, "100%", 100),  # 50 % edge with a national honour
        (4, 2, 0, "50%以上", 50),  # 50 % edge without
        (3, 3, 0, "50%以上", 50),
        (4, 1, 1, "30%以上", 30),  # a national honour but under 50 %
        (5, 0, 0, "30%以上", 30),
        (0, 0, 0, "0%", 0),
    ],
)
def test_r15_32_honours(applications: int, won: int, national: int, band: str, pct: int) -> None:
    r = one(ItemRating("3.2-1", honours=HonourFacts(applications, won, national))).item("3.2-1")
    assert (r.band, r.percentage) == (band, Decimal(pct))


@pytest.mark.parametrize(
    ("activities", "took_part", "band", "pct"),
    [
        (5, 5, "100%", 100),
        (5, 4, "60%以上", 60),
        (10, 6, "60%以上", 60),  # 60 % edge
        (10, 5, "30%以上", 30),
        (10, 3, "30%以上", 30),  # 30 % edge
        (10, 2, "0", 0),
        (4, 0, "0", 0),
    ],
)
def test_r15_52_delta_participation(activities: int, took_part: int, band: str, pct: int) -> None:
    r = one(ItemRating("5.2-1", delta=DeltaFacts(activities, took_part))).item("5.2-1")
    assert (r.band, r.percentage) == (band, Decimal(pct))


# ------------------------------------------------ 4.3 "0：未完成任务" (R42)

# Table C.1 4.3 as printed: 100%：配合落实工作任务，完成任务80%以上；60%以上：完成任务
# 60%以上；30%以上：完成任务30%以上；0：未完成任务.  以上 includes the figure (R3).
_SURVEY_BANDS = ((80, "100%", 100), (60, "60%以上", 60), (30, "30%以上", 30))


def _survey_expected(share: int, reading: SurveyZeroReading) -> tuple[str | None, int]:
    """The band and figure table C.1 4.3 gives a share of tasks done, by its wording."""
    for floor, label, figure in _SURVEY_BANDS:
        if share >= floor:  # "完成任务X%以上"
            return label, figure
    if share == 0 or reading is SurveyZeroReading.BELOW_30:
        return "0", 0  # "0：未完成任务" — no task done, or (R42 default) below 30 %
    return None, share  # R42 alternative: a gap (R33); with ALLOW, the share itself


_SHARES = [0, 1, 29, 30, 59, 60, 79, 80, 100]


@pytest.mark.parametrize("share", _SHARES)
def test_r42_43_default_0_covers_every_share_below_30(share: int) -> None:
    """4.3 "0：未完成任务", default: 1–29 % done is "0", as today (R42)."""
    r = one(ItemRating("4.3-1", survey=SurveyFacts(100, share))).item("4.3-1")
    band, figure = _survey_expected(share, SurveyZeroReading.BELOW_30)
    assert (r.band, r.percentage) == (band, Decimal(figure))
    assert r.reasons[0].citation == guide("Appendix C, Table C.1 4.3")
    if 0 < share < 30:
        assert "R42" in r.reasons[0].zh and "R42" in r.reasons[0].en


@pytest.mark.parametrize("share", _SHARES)
def test_r42_43_none_done_leaves_1_to_29_in_a_gap(share: int) -> None:
    """4.3, R42 alternative: "未完成任务" is no task done, so 1–29 % lies in no band;
    R33 refuses it by default and accepts it with no band, at the share, with ALLOW."""
    band, figure = _survey_expected(share, SurveyZeroReading.NONE_DONE)
    rating = ItemRating("4.3-1", survey=SurveyFacts(100, share))
    strict = SelfAssessmentPolicy(allow_missing=True, survey_zero=SurveyZeroReading.NONE_DONE)
    allow = attrs.evolve(strict, gaps=GapReading.ALLOW)
    if band is None:
        with pytest.raises(InvalidRatingError) as info:
            one(rating, strict)
        assert info.value.field == "ItemRating('4.3-1').survey"
        assert info.value.citation == guide("Appendix C, Table C.1 4.3")
        assert "R42" in str(info.value) and "GapReading.ALLOW" in str(info.value)
    else:
        r = one(rating, strict).item("4.3-1")
        assert (r.band, r.percentage) == (band, Decimal(figure))
    r = one(rating, allow).item("4.3-1")
    assert (r.band, r.percentage, r.source) == (band, Decimal(figure), RatingSource.MEASURED)


def test_r42_gap_reason_golden_sentences() -> None:
    policy = SelfAssessmentPolicy(
        allow_missing=True, survey_zero=SurveyZeroReading.NONE_DONE, gaps=GapReading.ALLOW
    )
    (reason,) = one(ItemRating("4.3-1", survey=SurveyFacts(10, 2)), policy).item("4.3-1").reasons
    assert reason.citation == guide("Appendix C, Table C.1 4.3")
    assert reason.zh == (
        "任务 10 项，完成 2 项（20%）：按 R42 备选，“0：未完成任务”指一项任务也未完成，"
        "完成 20% 介于“0”档与“30%以上”档之间，不属任何档。"
        "按 R33 备选接受，无档，取完成任务的比例 20%。"
    )
    assert reason.en == (
        "2 of 10 tasks done (20%): under R42's alternative '0：未完成任务' means no task "
        "done, so 20% lies between band 0 and band 30%以上, in no band. Accepted with no "
        "band (R33 alternative): the item takes the share of tasks done, 20%."
    )


def test_r42_gap_with_the_assessors_own_figure_inside_it() -> None:
    """R15 alternative in an R42 gap: the assessor's own figure must lie in (0, 30)."""
    policy = SelfAssessmentPolicy(
        allow_missing=True,
        survey_zero=SurveyZeroReading.NONE_DONE,
        gaps=GapReading.ALLOW,
        measured=MeasuredReading.ASSESSOR_IN_BAND,
    )
    facts = SurveyFacts(10, 2)
    assert one(ItemRating("4.3-1", 25, survey=facts), policy).item("4.3-1").percentage == 25
    assert one(ItemRating("4.3-1", survey=facts), policy).item("4.3-1").percentage == 20
    for bad in (0, 30):
        with pytest.raises(InvalidRatingError, match=r"outside the gap \(0, 30\)"):
            one(ItemRating("4.3-1", bad, survey=facts), policy)
    with pytest.raises(InvalidRatingError, match="BAND_FIGURE"):
        one(
            ItemRating("4.3-1", 25, survey=facts),
            attrs.evolve(policy, measured=MeasuredReading.BAND_FIGURE),
        )
    with pytest.raises(InvalidRatingError, match="no band"):
        one(ItemRating("4.3-1", band="0", survey=facts), policy)


# ----------------------------------- 1.2 meetings, measured form (R43, with R32)

# Table C.1 1.2: 每年召开不少于两次的领导小组成员全体会议 — 100%：按要求组织或参与会议，
# 会议纪要齐全; §5.1.2 b): 辖区内每年召开不少于两次的质量工作会议.  不少于两次 is two or
# more (not fewer than two includes two, as 以上 does under Civil Code Art. 1259).


def _meetings_expected(
    held: int, minutes: bool, reading: MeetingsScaleReading
) -> tuple[str | None, int]:
    """The band and percentage the wording gives: met → 100 %; else R32's band, at its floor."""
    if held >= 2 and minutes:
        return "100%", 100
    return {
        MeetingsScaleReading.BELOW_FULL: ("不满100%", 0),  # [0, 100): its floor
        MeetingsScaleReading.FULL_OR_NONE: ("0", 0),
        MeetingsScaleReading.PRINTED_ONLY: (None, 0),  # in no band: R33
    }[reading]


@pytest.mark.parametrize("reading", list(MeetingsScaleReading))
@pytest.mark.parametrize("minutes", [True, False])
@pytest.mark.parametrize("held", [0, 1, 2, 3])
def test_r43_12_meetings_from_the_wording(
    held: int, minutes: bool, reading: MeetingsScaleReading
) -> None:
    band, pct = _meetings_expected(held, minutes, reading)
    rating = ItemRating("1.2-2", meetings=MeetingFacts(held=held, minutes_complete=minutes))
    policy = SelfAssessmentPolicy(allow_missing=True, meetings=reading)
    if band is None:
        with pytest.raises(InvalidRatingError) as info:
            one(rating, policy)
        assert info.value.field == "ItemRating('1.2-2').meetings"
        assert info.value.citation == guide("Appendix C, Table C.1 1.2")
        policy = attrs.evolve(policy, gaps=GapReading.ALLOW)
    r = one(rating, policy)
    item = r.item("1.2-2")
    assert (item.band, item.percentage, item.source) == (band, Decimal(pct), RatingSource.MEASURED)
    # 1.2 = 5 points × the mean of its two items (1.2-1 not rated: 0).
    assert r.indicator("1.2").score == Decimal(5) * pct / 2 / 100
    assert [x.citation for x in item.reasons] == [
        guide("Appendix C, Table C.1 1.2"),
        guide("§5.1.2 b)"),
    ]
    assert all(x.zh and x.en for x in item.reasons)
    enough = "不少于两次" if held >= 2 else "少于两次"
    assert f"召开 {held} 次，{enough}" in item.reasons[1].zh
    assert ("会议纪要齐全" if minutes else "会议纪要不齐全") in item.reasons[0].zh


def test_r43_golden_sentences_one_meeting_minutes_complete() -> None:
    item = one(ItemRating("1.2-2", meetings=MeetingFacts(1, True))).item("1.2-2")
    assert [(x.zh, x.en) for x in item.reasons] == [
        (
            "领导小组成员全体会议召开 1 次，少于两次，会议纪要齐全：未完全按要求，属未印出的"
            "“不满100%”档（R32）。该档未印出，取其下限 0%（R15、R43）。",
            "Full meetings of the leading group: 1 held, fewer than two; minutes complete: "
            "the requirement not met in full: the unprinted band 不满100% (R32). The band is "
            "not printed: the item takes its floor, 0% (R15, R43).",
        ),
        (
            "辖区内每年召开不少于两次的质量工作会议（“不少于两次”含两次）：本年召开 1 次，少于两次。",
            "At least two quality work meetings a year in the area ('不少于两次' includes two): "
            "this year 1 held, fewer than two.",
        ),
    ]


def test_r43_judged_form_stays_beside_the_measured_one() -> None:
    assert one(ItemRating("1.2-2", 50)).item("1.2-2").source is RatingSource.JUDGED
    with pytest.raises(InvalidInputError, match="MeetingFacts"):
        ItemRating("1.2-2")
    with pytest.raises(InvalidInputError, match="not computed from MeetingFacts"):
        ItemRating("1.2-1", 100, meetings=MeetingFacts(2, True))
    for bad in (
        lambda: MeetingFacts(-1, True),
        lambda: MeetingFacts(2, 1),  # type: ignore[arg-type]
        lambda: MeetingFacts("2", True),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidInputError):
            bad()
    # A percentage beside the facts is the assessor's own figure (R15 alternative) only.
    with pytest.raises(InvalidRatingError, match="BAND_FIGURE"):
        one(ItemRating("1.2-2", 50, meetings=MeetingFacts(1, True)))


def test_r43_assessors_own_figure_inside_the_unprinted_band() -> None:
    """R15 alternative: one meeting of two falls in 不满100% = [0, 100); the assessor's
    own figure inside it is partial credit; 100 is outside it."""
    policy = SelfAssessmentPolicy(allow_missing=True, measured=MeasuredReading.ASSESSOR_IN_BAND)
    facts = MeetingFacts(1, True)
    assert one(ItemRating("1.2-2", 50, meetings=facts), policy).item("1.2-2").percentage == 50
    with pytest.raises(InvalidRatingError, match=r"不满100% \[0, 100\)"):
        one(ItemRating("1.2-2", 100, meetings=facts), policy)
    printed_only = attrs.evolve(
        policy, meetings=MeetingsScaleReading.PRINTED_ONLY, gaps=GapReading.ALLOW
    )
    r = one(ItemRating("1.2-2", 40, meetings=facts), printed_only).item("1.2-2")
    assert (r.band, r.percentage) == (None, 40)
    assert "[0, 100)" in r.reasons[0].en


@settings(max_examples=80, deadline=None)
@given(
    st.integers(0, 60),
    st.booleans(),
    st.sampled_from(list(MeetingsScaleReading)),
)
def test_r43_property_measured_equals_judged_at_the_facts_figure(
    held: int, minutes: bool, reading: MeetingsScaleReading
) -> None:
    """The measured form gives what the judged form gives at the facts' percentage; 100 %
    exactly when at least two meetings were held with complete minutes; one more meeting
    never lowers it."""
    policy = SelfAssessmentPolicy(allow_missing=True, meetings=reading, gaps=GapReading.ALLOW)
    measured = one(ItemRating("1.2-2", meetings=MeetingFacts(held, minutes)), policy)
    judged = one(ItemRating("1.2-2", measured.item("1.2-2").percentage), policy)
    assert measured.item("1.2-2").band == judged.item("1.2-2").band
    assert measured.indicator("1.2").score == judged.indicator("1.2").score
    assert (measured.item("1.2-2").percentage == 100) == (held >= 2 and minutes)
    more = one(ItemRating("1.2-2", meetings=MeetingFacts(held + 1, minutes)), policy)
    assert more.item("1.2-2").percentage >= measured.item("1.2-2").percentage


def _reasons_of_12_and_43() -> list[tuple[str, object]]:
    """Every reason 1.2-2 (judged and measured) and 4.3-1 give, under every reading."""
    out: list[tuple[str, object]] = []
    for meetings in MeetingsScaleReading:
        for gaps in GapReading:
            policy = SelfAssessmentPolicy(allow_missing=True, meetings=meetings, gaps=gaps)
            ratings = [ItemRating("1.2-2", p) for p in (100, 50, 0)]
            ratings += [
                ItemRating("1.2-2", meetings=MeetingFacts(h, m))
                for h in (0, 1, 2, 3)
                for m in (True, False)
            ]
            for rating in ratings:
                try:
                    r = one(rating, policy).item("1.2-2")
                except InvalidRatingError:
                    continue
                out += [("1.2", reason) for reason in r.reasons]
    for zero in SurveyZeroReading:
        policy = SelfAssessmentPolicy(allow_missing=True, survey_zero=zero, gaps=GapReading.ALLOW)
        for share in _SHARES:
            r = one(ItemRating("4.3-1", survey=SurveyFacts(100, share)), policy).item("4.3-1")
            out += [("4.3", reason) for reason in r.reasons]
    return out


def test_reasons_of_12_and_43_are_bilingual_and_cite_their_clause() -> None:
    """Guide §5.1.2, table C.1 1.2 and 4.3: every reason in both languages, under its
    clause, and the Chinese sentence with Chinese names (no English word in it)."""
    reasons = _reasons_of_12_and_43()
    assert len(reasons) > 40
    allowed = {
        "1.2": {guide("Appendix C, Table C.1 1.2"), guide("§5.1.2 b)")},
        "4.3": {guide("Appendix C, Table C.1 4.3")},
    }
    for indicator, reason in reasons:
        assert isinstance(reason, Reason)
        assert reason.citation in allowed[indicator]
        assert reason.zh and reason.en and reason.zh != reason.en
        assert not re.search(r"[A-Za-z]{2,}", reason.zh), reason.zh
    cited = {r.citation for i, r in reasons if i == "1.2"}
    assert cited == allowed["1.2"]


@pytest.mark.parametrize(
    ("reached", "listing", "pct", "band"),
    [
        (list(Audience)[:3], AudienceList.APPENDIX_C, "100", "100%"),
        ([Audience.PUPILS], AudienceList.APPENDIX_C, "33.3333333333", "100%以下"),
        (
            [Audience.PUPILS, Audience.VILLAGERS],
            AudienceList.APPENDIX_C,
            "33.3333333333",
            "100%以下",
        ),
        ([], AudienceList.APPENDIX_C, "0", "100%以下"),
        (list(Audience)[:3], AudienceList.SECTION_5_2_3, "75", "100%以下"),
        (list(Audience), AudienceList.SECTION_5_2_3, "100", "100%"),
    ],
)
def test_r15_23_audience_coverage(
    reached: list[Audience], listing: AudienceList, pct: str, band: str
) -> None:
    policy = SelfAssessmentPolicy(allow_missing=True, audiences=listing)
    r = one(ItemRating("2.3-1", audiences=AudienceFacts(reached)), policy).item("2.3-1")
    assert (r.percentage, r.band) == (Decimal(pct), band)


@pytest.mark.parametrize(
    ("facts", "reading", "pct", "band"),
    [
        ((5, 4, 80, 100), TraineeDecreaseReading.DEDUCTION, "100", "100%"),  # units up
        ((5, 5, 80, 100), TraineeDecreaseReading.DEDUCTION, "100", "100%"),  # unchanged
        ((4, 5, 90, 100), TraineeDecreaseReading.DEDUCTION, "90", "100%以下"),  # 10 % fewer
        ((4, 5, 90, 100), TraineeDecreaseReading.LITERAL, "10", "100%以下"),
        ((4, 5, 120, 100), TraineeDecreaseReading.DEDUCTION, "100", "100%以下"),  # no fall
        ((0, 5, 0, 100), TraineeDecreaseReading.DEDUCTION, "0", "0%"),
        ((6, 7, 6, 7), TraineeDecreaseReading.DEDUCTION, "85.7142857143", "100%以下"),
    ],
)
def test_r15_23_trainees(
    facts: tuple[int, int, int, int], reading: TraineeDecreaseReading, pct: str, band: str
) -> None:
    policy = SelfAssessmentPolicy(allow_missing=True, trainee_decrease=reading)
    r = one(ItemRating("2.3-2", trainees=TraineeFacts(*facts)), policy).item("2.3-2")
    assert (r.percentage, r.band) == (Decimal(pct), band)


@pytest.mark.parametrize(
    "make",
    [
        lambda: HonourFacts(2, 3, 0),
        lambda: HonourFacts(3, 1, 2),
        lambda: HonourFacts(-1, 0, 0),
        lambda: SurveyFacts(5, 6),
        lambda: SurveyFacts(0, 0),
        lambda: DeltaFacts(3, 4),
        lambda: DeltaFacts(0, 0),
        lambda: TraineeFacts(0, 0, 5, 0),
        lambda: TraineeFacts(3, 0, 0, 0),
        lambda: TraineeFacts(1, 1, 1, "1"),
        lambda: AudienceFacts([Audience.PUPILS, Audience.PUPILS]),
        lambda: AudienceFacts(["pupils"]),
        lambda: AudienceFacts("pupils"),
    ],
)
def test_r15_impossible_counts_are_errors(make: object) -> None:
    with pytest.raises(InvalidInputError):
        make()  # type: ignore[operator]


def test_r15_assessor_in_band_alternative() -> None:
    policy = SelfAssessmentPolicy(allow_missing=True, measured=MeasuredReading.ASSESSOR_IN_BAND)
    facts = SurveyFacts(10, 7)  # 70 %: band 60%以上 = [60, 100)
    assert one(ItemRating("4.3-1", 75, survey=facts), policy).item("4.3-1").percentage == 75
    assert one(ItemRating("4.3-1", survey=facts), policy).item("4.3-1").percentage == 60
    for bad in (55, 100):
        with pytest.raises(InvalidRatingError, match="60%以上"):
            one(ItemRating("4.3-1", bad, survey=facts), policy)
    with pytest.raises(InvalidRatingError, match="BAND_FIGURE"):
        one(ItemRating("4.3-1", 75, survey=facts))
    with pytest.raises(InvalidRatingError, match="computed"):
        one(ItemRating("2.3-1", 50, audiences=ALL3), policy)


def test_r15_named_band_must_be_the_one_the_facts_choose() -> None:
    one(ItemRating("4.3-1", band="60%以上", survey=SurveyFacts(10, 7)))
    with pytest.raises(InvalidRatingError, match="facts put the item"):
        one(ItemRating("4.3-1", band="100%", survey=SurveyFacts(10, 7)))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"item": "4.3-1", "percentage": 80}, "measured"),
        ({"item": "1.1-1"}, "judged"),
        ({"item": "1.1-1", "percentage": 80, "survey": SurveyFacts(1, 1)}, "not computed"),
        ({"item": "4.3-1", "delta": DeltaFacts(1, 1)}, "not computed"),
        ({"item": "4.3-1", "survey": (10, 8)}, "SurveyFacts"),
        ({"item": "1.1.1", "percentage": 80}, "no such self-assessment item"),
        ({"item": 11, "percentage": 80}, "string"),
    ],
)
def test_item_rating_errors(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        ItemRating(**kwargs)  # type: ignore[arg-type]


# ------------------------------------------------------------------ missing items


def test_missing_item_is_an_error_by_default() -> None:
    ratings = [r for r in full() if r.item != "2.4-1"]
    with pytest.raises(MissingCriterionError, match="2.4-1"):
        self_assess(ratings)


def test_missing_item_allowed_counts_0_and_says_so() -> None:
    r = self_assess([x for x in full() if x.item != "2.4-1"], policy=ALLOW)
    assert r.missing == ("2.4-1",)
    assert r.item("2.4-1").source is RatingSource.MISSING and r.item("2.4-1").percentage == 0
    assert r.total == Decimal("96.00")
    assert any("2.4-1" in reason.en for reason in r.reasons)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: self_assess([*full(), ItemRating("1.1-1", 90)]), InvalidInputError),
        (lambda: self_assess("1.1-1"), InvalidInputError),
        (lambda: self_assess([("1.1-1", 90)]), InvalidInputError),
        (lambda: self_assess(full(), unit=" 罗店镇"), InvalidInputError),
        (lambda: self_assess(full(), year=2021), InvalidInputError),
        (lambda: self_assess(full(), year="2024"), InvalidInputError),
        (lambda: self_assess(full(), policy="exact"), InvalidInputError),
    ],
)
def test_self_assess_input_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


# ---------------------------------------------------------------------- output


def test_result_reads_and_records() -> None:
    r = self_assess(full(**{"1_1_2": 85}), unit="罗店镇", year=2024)
    assert "罗店镇 2024" in str(r) and "<table>" in r._repr_html_()
    records = r.to_records()
    assert len(records) == 23 and records[1]["item"] == "1.1-2"
    assert records[1]["percentage"] == Decimal(85) and records[1]["band"] == "70%以上"
    clauses = {str(x.citation) for x in r.reasons}
    assert clauses == {"Guide Appendix C, note 1", "Guide Appendix C, note 2"}


def test_one_row_per_item_with_its_indicator_score_in_either_language() -> None:
    # 1.1 = 5 × (100 + 85 + 100 + 100) / 4 % = 4.8125 → 4.81; 2.3-1 covers 2 of 3 types.
    ratings = full(
        **{
            "1_1_2": 85,
            "2_3_1": ItemRating("2.3-1", audiences=[Audience.PUPILS, Audience.ENTERPRISES]),
        }
    )
    r = self_assess(ratings, unit="罗店镇", year=2024)
    en, zh = r.to_records(lang="en"), r.to_records(lang="zh")
    assert list(en[1]) == [
        "unit", "year", "indicator", "item", "percentage", "exact", "band", "source",
        "weight", "indicator_points", "indicator_score", "clause",
    ]  # fmt: skip
    assert (en[1]["unit"], en[1]["year"], en[1]["indicator"]) == ("罗店镇", 2024, "1.1")
    assert (en[1]["indicator_points"], en[1]["indicator_score"]) == (Decimal(5), Decimal("4.81"))
    assert (en[1]["weight"], en[1]["clause"]) == (Decimal(1), "Guide Appendix C, Table C.1 1.1")
    coverage = next(x for x in en if x["item"] == "2.3-1")
    assert (coverage["exact"], coverage["source"]) == (False, "measured")
    assert [x["source"] for x in en[:2]] == ["judged", "judged"]
    assert [x["source"] for x in zh[:2]] == ["评定", "评定"]
    assert next(x for x in zh if x["item"] == "2.3-1")["source"] == "计算"
    assert [{**x, "source": None} for x in en] == [{**x, "source": None} for x in zh]
    text_zh, text_en = r.to_text(lang="zh").splitlines(), r.to_text(lang="en").splitlines()
    assert text_zh[0] == f"罗店镇 2024 年度自评：总分 {r.total}/100"
    assert text_en[0] == f"罗店镇 2024 self-assessment: total {r.total}/100"
    assert text_zh[1].split() == [
        "二级指标", "自评内容", "百分比", "精确", "成熟度", "来源", "指标分值", "指标得分",
    ]  # fmt: skip
    assert text_en[4].split() == ["1.1", "1.1-2", "85", "✓", "70%以上", "judged", "5", "4.81"]
    assert text_zh[-2:] == [f"[{x.citation}] {x.zh}" for x in r.reasons]
    assert text_en[-2:] == [f"[{x.citation}] {x.en}" for x in r.reasons]


def test_a_missing_item_shows_no_band_and_the_caption_no_unit() -> None:
    r = self_assess([ItemRating("4.1-1", 60)], policy=ALLOW)
    text = r.to_text(lang="en").splitlines()
    assert text[0] == "self-assessment: total 3.00/100"
    assert r.to_text(lang="zh").splitlines()[0] == "自评：总分 3.00/100"
    first = r.to_records(lang="zh")[0]
    assert (first["band"], first["source"], first["percentage"]) == (None, "缺项", 0)
    assert text[3].split() == ["1.1", "1.1-1", "0", "✓", "—", "missing", "5", "0.00"]
    assert text[-1] == f"[Guide Appendix C, Table C.1] {r.reasons[-1].en}"


def test_json_round_trip() -> None:
    policy = SelfAssessmentPolicy(
        rounding=IndicatorRounding.EXACT,
        weighting=ItemWeighting.CALLER,
        weights={"1.1-1": "2.5"},
        measured=MeasuredReading.ASSESSOR_IN_BAND,
        audiences=AudienceList.SECTION_5_2_3,
        trainee_decrease=TraineeDecreaseReading.LITERAL,
        gaps=GapReading.ALLOW,
        meetings=MeetingsScaleReading.FULL_OR_NONE,
        allow_missing=True,
        survey_zero=SurveyZeroReading.NONE_DONE,
    )
    assert from_json(to_json(policy), SelfAssessmentPolicy) == policy
    measured_meetings = ItemRating("1.2-2", meetings=MeetingFacts(2, False))
    for rating in [
        *FULL_FACTS.values(),
        ItemRating("1.1-1", "85.5", band="70%以上", note="x"),
        measured_meetings,
    ]:
        assert from_json(to_json(rating), ItemRating) == rating
    r = self_assess(full(), unit="罗店镇", year=2024)
    assert from_json(to_json(r), SelfAssessment) == r


# --------------------------------------------------------------- self vs official


def card(changes: dict[str, object]) -> object:
    scores = {c.code: c.points for c in RUBRIC.criteria}
    scores.update(changes)  # type: ignore[arg-type]
    return score(Assessment("罗店镇", 2024, scores))


def test_compare_indicator_by_indicator_sorted_by_largest_gap() -> None:
    mine = self_assess(full(**{"1_1_2": 85}), unit="罗店镇", year=2024)  # 1.1 = 4.81
    official = card({"5.1.4": 4, "2.1.1": 5})  # 5.1 = 18, 2.1 = 9
    c = compare_with_official(mine, official)  # type: ignore[arg-type]
    first = [(r.indicator, r.claimed, r.awarded, r.difference) for r in c.rows[:3]]
    assert first == [
        ("5.1", Decimal("24.00"), Decimal(18), Decimal("6.00")),
        ("2.1", Decimal("10.00"), Decimal(9), Decimal("1.00")),
        ("1.1", Decimal("4.81"), Decimal(5), Decimal("-0.19")),
    ]
    assert [r.indicator for r in c.rows[3:]] == [
        i.code for i in MATURITY.indicators if i.code not in ("5.1", "2.1", "1.1")
    ]
    assert c.claimed_total == Decimal("99.81") and c.official_base == Decimal(93)
    assert "罗店镇" in str(c) and c.to_records()[0]["indicator"] == "5.1"
    assert from_json(to_json(c), SelfOfficialComparison) == c


def test_comparison_shows_one_row_per_indicator_and_the_totals_in_its_caption() -> None:
    mine = self_assess(full(**{"1_1_2": 85}), unit="罗店镇", year=2024)
    c = compare_with_official(mine, card({"5.1.4": 4, "2.1.1": 5}))  # type: ignore[arg-type]
    en, zh = c.to_records(lang="en"), c.to_records(lang="zh")
    assert en[0] == {
        "unit": "罗店镇",
        "year": 2024,
        "indicator": "5.1",
        "name": "Quality improvement",
        "maximum": Decimal(24),
        "claimed": Decimal("24.00"),
        "awarded": Decimal(18),
        "difference": Decimal("6.00"),
    }
    assert zh[0]["name"] == "质量提升" and len(zh) == 13
    # 99.81 claimed against a base of 93: +6.81.
    assert c.to_text(lang="zh").splitlines()[0] == (
        "罗店镇 2024 年度自评与考核对照：自评 99.81，考核基础分 93，差 +6.81（考核总分 93）"
    )
    assert c.to_text(lang="en").splitlines()[1].split() == [
        "indicator", "name", "maximum", "self", "official", "gap",
    ]  # fmt: skip
    assert c.to_text(lang="en").splitlines()[-2:] == [
        f"[Guide Appendix B, Appendix C] {x.en}" for x in c.reasons
    ]


def test_compare_refuses_another_unit_or_year() -> None:
    official = card({})
    with pytest.raises(InvalidInputError, match="大场镇"):
        compare_with_official(self_assess(full(), unit="大场镇"), official)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="2025"):
        compare_with_official(self_assess(full(), year=2025), official)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        compare_with_official(official, official)  # type: ignore[arg-type]


# -------------------------------------------------------------------- properties

_JUDGED = [i.code for i in MATURITY.items if i.measured is None]


@st.composite
def ratings(draw: st.DrawFn) -> list[ItemRating]:
    out = []
    for code in _JUDGED:
        scale = MATURITY.scale_for(code)
        band = draw(st.sampled_from(scale.bands))
        pct = draw(
            st.decimals(min_value=band.lower, max_value=band.upper, places=2).filter(band.contains)
        )
        out.append(ItemRating(code, pct))
    if draw(st.booleans()):  # 1.2-2's measured form (R43) instead of its judged one
        facts = MeetingFacts(draw(st.integers(0, 5)), draw(st.booleans()))
        out = [ItemRating("1.2-2", meetings=facts) if r.item == "1.2-2" else r for r in out]
    audiences = draw(st.lists(st.sampled_from(list(Audience)), unique=True))
    out.append(ItemRating("2.3-1", audiences=AudienceFacts(audiences)))
    u1, u0 = draw(st.integers(0, 20)), draw(st.integers(0, 20))
    t1 = draw(st.integers(1, 500)) if u1 else 0
    t0 = draw(st.integers(1, 500)) if u0 else 0
    out.append(ItemRating("2.3-2", trainees=TraineeFacts(u1, u0, t1, t0)))
    apps = draw(st.integers(0, 20))
    won = draw(st.integers(0, apps))
    out.append(ItemRating("3.2-1", honours=HonourFacts(apps, won, draw(st.integers(0, won)))))
    assigned = draw(st.integers(1, 50))
    out.append(ItemRating("4.3-1", survey=SurveyFacts(assigned, draw(st.integers(0, assigned)))))
    held = draw(st.integers(1, 50))
    out.append(ItemRating("5.2-1", delta=DeltaFacts(held, draw(st.integers(0, held)))))
    return out


@settings(max_examples=60, deadline=None)
@given(ratings(), st.sampled_from(list(IndicatorRounding)))
def test_property_scores_within_points_and_total_within_100(
    given_ratings: list[ItemRating], rounding: IndicatorRounding
) -> None:
    r = self_assess(given_ratings, policy=SelfAssessmentPolicy(rounding=rounding))
    for ind in r.indicators:
        assert 0 <= ind.score <= ind.points
    assert 0 <= r.total <= 100
    gap = abs(Fraction(r.total) - sum(Fraction(i.score) for i in r.indicators))
    if rounding is IndicatorRounding.HALF_UP:
        assert gap == 0  # note 1: the total is the sum of the (rounded) indicator scores
    else:  # values that do not terminate are carried to 60 significant digits
        assert gap < Fraction(1, 10**55)
    for item in r.items:
        assert 0 <= item.percentage <= 100


def test_json_round_trip_of_parts() -> None:
    from baoshan_quality.guide import IndicatorScore, ItemOutcome, SelfOfficialRow

    facts = [
        AudienceFacts([Audience.VILLAGERS]),
        TraineeFacts(1, 2, 3, 4),
        HonourFacts(3, 2, 1),
        SurveyFacts(4, 3),
        DeltaFacts(5, 4),
        MeetingFacts(3, True),
    ]
    for fact in facts:
        assert from_json(to_json(fact), type(fact)) == fact
    r = self_assess(full(**{"1_1_2": 85}), unit="罗店镇", year=2024)
    for item in r.items:
        assert from_json(to_json(item), ItemOutcome) == item
    for ind in r.indicators:
        assert from_json(to_json(ind), IndicatorScore) == ind
    row = compare_with_official(r, card({})).rows[0]  # type: ignore[arg-type]
    assert from_json(to_json(row), SelfOfficialRow) == row
