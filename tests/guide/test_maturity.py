"""Guide Appendix C, table C.1: the maturity scales as data (R14 band edges)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import RUBRIC, InvalidInputError, from_json, to_json
from baoshan_quality.errors import InvalidRatingError, UnknownCriterionError
from baoshan_quality.guide import (
    MATURITY,
    MaturityBand,
    MaturityScale,
    MaturityTable,
    MeasuredKind,
    MeetingsScaleReading,
)

# The item rows of table C.1 in printed order, counted by hand from the source.
ITEMS_PER_INDICATOR = {
    "1.1": 4, "1.2": 2, "2.1": 1, "2.2": 3, "2.3": 2, "2.4": 1, "3.1": 2,
    "3.2": 1, "4.1": 1, "4.2": 1, "4.3": 1, "5.1": 2, "5.2": 2,
}  # fmt: skip


def test_table_c1_has_13_indicators_and_23_items_in_table_order() -> None:
    assert [i.code for i in MATURITY.indicators] == list(ITEMS_PER_INDICATOR)
    assert len(MATURITY.items) == 23
    for ind in MATURITY.indicators:
        assert len(ind.items) == ITEMS_PER_INDICATOR[ind.code]
        assert ind.items == tuple(f"{ind.code}-{n}" for n in range(1, len(ind.items) + 1))


def test_indicator_points_equal_appendix_b_sub_items_and_note2_total_100() -> None:
    for ind in MATURITY.indicators:
        assert ind.points == RUBRIC.sub_item(ind.code).points
    assert sum(i.points for i in MATURITY.indicators) == Decimal(100) == MATURITY.total


def test_43_is_quality_surveys_not_a_second_42() -> None:
    assert MATURITY.indicator("4.3").zh == "质量调研"
    assert MATURITY.indicator("4.3").points == Decimal(5)
    assert MATURITY.indicator("4.2").zh == "质量月"


def test_first_item_texts_as_printed() -> None:
    assert MATURITY.item("1.1-1").zh == "明确组织领导"
    assert MATURITY.item("1.2-2").zh == "每年召开不少于两次的领导小组成员全体会议"
    assert MATURITY.item("4.3-1").zh == "配合参与企业状况调研、满意度测评"
    assert MATURITY.item("5.2-1").zh == "参与长三角质量工作情况"


@pytest.mark.parametrize(
    ("item", "shares"),
    [
        ("1.1-1", None),
        ("1.1-2", "1.1-1"),
        ("1.1-3", "1.1-1"),
        ("1.1-4", "1.1-1"),
        ("2.2-1", None),
        ("2.2-2", "2.2-1"),
        ("2.2-3", None),
        ("1.2-2", None),
        ("5.2-2", None),
    ],
)
def test_scales_printed_once_are_shared(item: str, shares: str | None) -> None:
    assert MATURITY.item(item).shares_scale == shares


def test_shared_scales_are_one_scale() -> None:
    assert {MATURITY.item(f"1.1-{n}").scale for n in range(1, 5)} == {"1.1"}
    assert MATURITY.item("2.2-2").scale == MATURITY.item("2.2-1").scale == "2.2-1"
    assert MATURITY.item("2.2-3").scale == "2.2-3"


@pytest.mark.parametrize(
    ("scale", "labels"),
    [
        ("1.1", ["100%", "70%以上", "30%以上", "30%以下"]),
        ("1.2-1", ["100%", "60%以上", "30%以上", "0"]),
        ("1.2-2", ["100%"]),
        ("2.1-1", ["100%", "60%以上", "30%以上", "0"]),
        ("2.2-1", ["100%", "60%以上", "30%以上", "0%"]),
        ("2.2-3", ["100%", "60%以上", "30%以上", "0%"]),
        ("2.3-1", ["100%", "100%以下"]),
        ("2.3-2", ["100%", "100%以下", "0%"]),
        ("2.4-1", ["100%", "60%以上", "30%以上", "0%"]),
        ("3.1-1", ["100%", "60%以上", "30%以上", "0%"]),
        ("3.1-2", ["100%", "60%以上", "30%以上", "0%"]),
        ("3.2-1", ["100%", "50%以上", "30%以上", "0%"]),
        ("4.1-1", ["100%", "60%以上", "30%以上", "0"]),
        ("4.2-1", ["100%", "60%以上", "30%以上", "0"]),
        ("4.3-1", ["100%", "60%以上", "30%以上", "0"]),
        ("5.1-1", ["100%", "60%以上", "30%以上", "0"]),
        ("5.1-2", ["100%", "60%以上", "30%以上", "0"]),
        ("5.2-1", ["100%", "60%以上", "30%以上", "0"]),
        ("5.2-2", ["100%", "60%以上", "30%以上", "0"]),
    ],
)
def test_bands_exactly_as_printed(scale: str, labels: list[str]) -> None:
    bands = MATURITY.scale(scale).bands
    assert [b.label for b in bands] == labels
    assert all(b.zh and b.en and b.printed for b in bands)


def test_band_descriptions_as_printed() -> None:
    assert (
        MATURITY.scale("1.1").band("30%以下").zh == "组织机构不完整，文件缺失，工作落实情况有欠缺"
    )
    assert MATURITY.scale("4.3-1").band("100%").zh == "配合落实工作任务，完成任务80%以上"
    assert MATURITY.scale("2.3-2").band("100%以下").zh == "参与培训的人员数量较上年度减少的比例"


@pytest.mark.parametrize(
    ("scale", "label", "interval"),
    [
        ("1.1", "100%", "[100, 100]"),
        ("1.1", "70%以上", "[70, 100)"),
        ("1.1", "30%以上", "[30, 70)"),
        ("1.1", "30%以下", "[0, 30)"),  # R3: 30 belongs to 30%以上
        ("1.2-1", "60%以上", "[60, 100)"),
        ("1.2-1", "0", "[0, 0]"),
        ("3.2-1", "50%以上", "[50, 100)"),
        ("3.2-1", "30%以上", "[30, 50)"),
        ("2.3-1", "100%以下", "[0, 100]"),  # 以下 includes 100 (Civil Code Art. 1259)
        ("2.2-1", "0%", "[0, 0]"),
    ],
)
def test_r14_band_intervals(scale: str, label: str, interval: str) -> None:
    assert MATURITY.scale(scale).band(label).interval == interval


@pytest.mark.parametrize(
    ("scale", "percentage", "label"),
    [
        ("1.1", "100", "100%"),
        ("1.1", "99.99", "70%以上"),
        ("1.1", "70", "70%以上"),
        ("1.1", "69.99", "30%以上"),
        ("1.1", "30", "30%以上"),
        ("1.1", "29.99", "30%以下"),
        ("1.1", "0", "30%以下"),
        ("1.2-1", "60", "60%以上"),
        ("1.2-1", "59.99", "30%以上"),
        ("1.2-1", "0", "0"),
        ("3.2-1", "50", "50%以上"),
        ("3.2-1", "49.99", "30%以上"),
        ("2.3-1", "100", "100%"),  # the exact band takes the shared point
        ("2.3-1", "99", "100%以下"),
        ("2.3-1", "0", "100%以下"),
        ("2.3-2", "0", "0%"),
        ("2.3-2", "50", "100%以下"),
    ],
)
def test_r14_band_for_edges(scale: str, percentage: str, label: str) -> None:
    assert MATURITY.scale(scale).band_for(percentage).label == label


@pytest.mark.parametrize(
    ("scale", "percentage"), [("1.2-1", "20"), ("1.2-1", "0.01"), ("4.3-1", 29)]
)
def test_r14_gap_between_0_and_30_is_in_no_band(scale: str, percentage: object) -> None:
    with pytest.raises(InvalidRatingError, match="in no band"):
        MATURITY.scale(scale).band_for(percentage)


@pytest.mark.parametrize("bad", [-1, 101, "100.01", "abc", True, None, float("nan")])
def test_r14_percentage_must_lie_in_0_100(bad: object) -> None:
    with pytest.raises(InvalidRatingError):
        MATURITY.scale("1.1").band_for(bad)


def test_unknown_band_label_is_an_error_naming_the_choices() -> None:
    with pytest.raises(InvalidRatingError, match="70%以上"):
        MATURITY.scale("1.1").band("80%以上")


@pytest.mark.parametrize(
    ("reading", "labels", "inside", "outside"),
    [
        (MeetingsScaleReading.BELOW_FULL, ["100%", "不满100%"], ["0", "50", "99.99"], []),
        (MeetingsScaleReading.FULL_OR_NONE, ["100%", "0"], ["0"], ["50"]),
        (MeetingsScaleReading.PRINTED_ONLY, ["100%"], [], ["0", "50"]),
    ],
)
def test_12_second_item_prints_only_100(
    reading: MeetingsScaleReading, labels: list[str], inside: list[str], outside: list[str]
) -> None:
    scale = MATURITY.scale_for("1.2-2", meetings=reading)
    assert [b.label for b in scale.bands] == labels
    assert scale.band_for(100).label == "100%"
    assert all(not b.printed for b in scale.bands[1:])
    for p in inside:
        assert scale.find(Decimal(p)) is not None
    for p in outside:
        assert scale.find(Decimal(p)) is None


def test_scale_for_other_items_ignores_the_meetings_reading() -> None:
    for reading in MeetingsScaleReading:
        assert MATURITY.scale_for("1.1-2", meetings=reading) == MATURITY.scale("1.1")


def test_measured_items_are_the_five_of_r15() -> None:
    measured = {i.code: i.measured for i in MATURITY.items if i.measured is not None}
    assert measured == {
        "2.3-1": MeasuredKind.AUDIENCE_COVERAGE,
        "2.3-2": MeasuredKind.TRAINEE_TREND,
        "3.2-1": MeasuredKind.HONOURS,
        "4.3-1": MeasuredKind.SURVEY_TASKS,
        "5.2-1": MeasuredKind.DELTA_PARTICIPATION,
    }


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: MATURITY.item("1.1.1"), UnknownCriterionError),
        (lambda: MATURITY.item(3), InvalidInputError),
        (lambda: MATURITY.indicator("4.4"), UnknownCriterionError),
        (lambda: MATURITY.indicator(None), InvalidInputError),
        (lambda: MATURITY.scale("9.9"), UnknownCriterionError),
        (lambda: MATURITY.scale_for("1.2-2", meetings="below-full"), InvalidInputError),
    ],
)
def test_lookups_raise_the_library_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


def test_json_round_trip() -> None:
    assert from_json(to_json(MATURITY), MaturityTable) == MATURITY
    scale = MATURITY.scale_for("1.2-2")
    assert from_json(to_json(scale), MaturityScale) == scale
    band = scale.bands[0]
    assert from_json(to_json(band), MaturityBand) == band


def test_records_and_display() -> None:
    records = MATURITY.to_records()
    assert records[0]["item"] == "1.1-1" and records[0]["band"] == "100%"
    assert "1.1-1" in str(MATURITY) and "<table>" in MATURITY._repr_html_()


@given(st.decimals(min_value=0, max_value=100, places=2), st.sampled_from(sorted(MATURITY.scales)))
def test_a_found_band_contains_the_percentage(pct: Decimal, code: str) -> None:
    band = MATURITY.scale(code).find(pct)
    if band is not None:
        assert band.contains(pct)
    # Scales with a 以下 band from 0 have no gap.
    if any(b.label.endswith("以下") for b in MATURITY.scale(code).bands):
        assert band is not None


def test_json_round_trip_of_rows() -> None:
    from baoshan_quality.guide import SecondaryIndicator, SelfAssessmentItem

    for ind in MATURITY.indicators:
        assert from_json(to_json(ind), SecondaryIndicator) == ind
    for item in MATURITY.items:
        assert from_json(to_json(item), SelfAssessmentItem) == item


def test_a_table_read_from_json_must_hang_together() -> None:
    import json

    from baoshan_quality.errors import StructureError

    data = json.loads(to_json(MATURITY))
    data["items"][0]["scale"] = "9.9"
    with pytest.raises(StructureError, match="names no scale"):
        from_json(json.dumps(data), MaturityTable)
    data = json.loads(to_json(MATURITY))
    data["total"] = "99"
    with pytest.raises(StructureError, match="sum to 100"):
        from_json(json.dumps(data), MaturityTable)
    data = json.loads(to_json(MATURITY))
    data["indicators"][0]["items"] = ["1.2-1"]
    with pytest.raises(StructureError, match="not one of its items"):
        from_json(json.dumps(data), MaturityTable)
