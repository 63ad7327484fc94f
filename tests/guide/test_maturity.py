"""Guide Appendix C, table C.1: the maturity scales as data (R14 band edges).

Every expectation is read from table C.1 as printed (DB31113/Z 005—2022, Appendix C:
the thirteen 二级指标 with the points of the Appendix B sub-items, the twenty-three
自评内容 rows, the band labels of every 成熟度划分) and every interval from the band
labels by hand under R14 (``100%`` and ``0``/``0%`` exact; ``X%以上`` from X included
to the next band's floor excluded; ``X%以下`` from 0 to X, X excluded only where
``X%以上`` takes it), never copied from a run.

``MATURITY`` is built once, when the module is imported, and a mutation run switches
its mutants on only after that import: a test that reads ``MATURITY`` cannot see a
change in ``_build``, ``_scale``, ``_band`` or ``_parse_label``.  So the table is also
built afresh and checked against the print, and the builder is fed mistyped tables.
Errors keep the library's format ``field: problem, got value (clause)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import RUBRIC, InvalidInputError, from_json, to_json
from baoshan_quality.citations import guide
from baoshan_quality.errors import (
    InvalidRatingError,
    StructureError,
    TableError,
    UnknownCriterionError,
)
from baoshan_quality.guide import (
    MATURITY,
    MaturityBand,
    MaturityScale,
    MaturityTable,
    MeasuredKind,
    MeetingsScaleReading,
    SecondaryIndicator,
    SelfAssessmentItem,
)
from baoshan_quality.guide import maturity as maturity_module
from baoshan_quality.guide.maturity import MATURITY_CITATION, MaturityBandKind

# 二级指标 of table C.1: code -> (name as printed, 一级指标 code, points of the Appendix B
# sub-item with the same code, number of 自评内容 rows printed under it).
PRINTED_INDICATORS = {
    "1.1": ("组织保障", "1", 5, 4),
    "1.2": ("计划实施", "1", 5, 2),
    "2.1": ("质量报告", "2", 10, 1),
    "2.2": ("质量宣传", "2", 8, 3),
    "2.3": ("质量教育", "2", 8, 2),
    "2.4": ("质量服务", "2", 4, 1),
    "3.1": ("品牌培育", "3", 5, 2),
    "3.2": ("荣誉申报", "3", 5, 1),
    "4.1": ("日常协同", "4", 5, 1),
    "4.2": ("质量月", "4", 10, 1),
    "4.3": ("质量调研", "4", 5, 1),
    "5.1": ("质量提升", "5", 24, 2),
    "5.2": ("质量特色", "5", 6, 2),
}
# 一级指标 as printed.
PRINTED_PRIMARY = {
    "1": "质量环境",
    "2": "质量基础",
    "3": "质量品牌",
    "4": "质量协同",
    "5": "质量成效",
}

# Each printed scale: its labels and the interval R14 reads each label as (by hand).
_EXACT100 = ("100%", "[100, 100]")
_TYPICAL_60 = [_EXACT100, ("60%以上", "[60, 100)"), ("30%以上", "[30, 60)")]
PRINTED_SCALES: dict[str, list[tuple[str, str]]] = {
    # R3: 30 belongs to 30%以上, so 30%以下 stops below it.
    "1.1": [_EXACT100, ("70%以上", "[70, 100)"), ("30%以上", "[30, 70)"), ("30%以下", "[0, 30)")],
    "1.2-1": [*_TYPICAL_60, ("0", "[0, 0]")],
    "1.2-2": [_EXACT100],
    "2.1-1": [*_TYPICAL_60, ("0", "[0, 0]")],
    "2.2-1": [*_TYPICAL_60, ("0%", "[0, 0]")],
    "2.2-3": [*_TYPICAL_60, ("0%", "[0, 0]")],
    # 以下 includes 100 (Civil Code Art. 1259).
    "2.3-1": [_EXACT100, ("100%以下", "[0, 100]")],
    "2.3-2": [_EXACT100, ("100%以下", "[0, 100]"), ("0%", "[0, 0]")],
    "2.4-1": [*_TYPICAL_60, ("0%", "[0, 0]")],
    "3.1-1": [*_TYPICAL_60, ("0%", "[0, 0]")],
    "3.1-2": [*_TYPICAL_60, ("0%", "[0, 0]")],
    "3.2-1": [_EXACT100, ("50%以上", "[50, 100)"), ("30%以上", "[30, 50)"), ("0%", "[0, 0]")],
    "4.1-1": [*_TYPICAL_60, ("0", "[0, 0]")],
    "4.2-1": [*_TYPICAL_60, ("0", "[0, 0]")],
    "4.3-1": [*_TYPICAL_60, ("0", "[0, 0]")],
    "5.1-1": [*_TYPICAL_60, ("0", "[0, 0]")],
    "5.1-2": [*_TYPICAL_60, ("0", "[0, 0]")],
    "5.2-1": [*_TYPICAL_60, ("0", "[0, 0]")],
    "5.2-2": [*_TYPICAL_60, ("0", "[0, 0]")],
}
# The figure printed in a label and the kind R14 gives it.
LABEL_READING = {
    "100%": (MaturityBandKind.EXACT, 100),
    "0%": (MaturityBandKind.EXACT, 0),
    "0": (MaturityBandKind.EXACT, 0),
    "70%以上": (MaturityBandKind.AT_LEAST, 70),
    "60%以上": (MaturityBandKind.AT_LEAST, 60),
    "50%以上": (MaturityBandKind.AT_LEAST, 50),
    "30%以上": (MaturityBandKind.AT_LEAST, 30),
    "30%以下": (MaturityBandKind.AT_MOST, 30),
    "100%以下": (MaturityBandKind.AT_MOST, 100),
}
# The items whose scale is printed beside another item (table C.1: 1.1's one scale,
# 2.2's first scale serving its second item).
SHARED = {"1.1-2": "1.1-1", "1.1-3": "1.1-1", "1.1-4": "1.1-1", "2.2-2": "2.2-1"}
MEASURED = {
    "2.3-1": MeasuredKind.AUDIENCE_COVERAGE,
    "2.3-2": MeasuredKind.TRAINEE_TREND,
    "3.2-1": MeasuredKind.HONOURS,
    "4.3-1": MeasuredKind.SURVEY_TASKS,
    "5.2-1": MeasuredKind.DELTA_PARTICIPATION,
}


def _scale_of(item: str) -> str:
    """The scale an item is rated on, read from the table's layout."""
    if item.startswith("1.1-"):
        return "1.1"
    return SHARED.get(item, item)


def _check_against_table_c1(table: MaturityTable) -> None:
    assert table.total == Decimal(100)  # note 2
    assert table.citation == MATURITY_CITATION
    assert [i.code for i in table.indicators] == list(PRINTED_INDICATORS)
    for ind in table.indicators:
        name, primary, points, count = PRINTED_INDICATORS[ind.code]
        assert (ind.zh, ind.primary, ind.primary_zh) == (name, primary, PRINTED_PRIMARY[primary])
        assert ind.points == points and isinstance(ind.points, Decimal)
        assert ind.en and ind.primary_en
        assert ind.items == tuple(f"{ind.code}-{n}" for n in range(1, count + 1))
        assert ind.citation == guide(f"Appendix C, Table C.1 {ind.code}")
    assert len(table.items) == 23
    for item in table.items:
        indicator = item.code.split("-")[0]
        assert item.indicator == indicator
        assert item.scale == _scale_of(item.code)
        assert item.shares_scale == SHARED.get(item.code)
        assert item.measured is MEASURED.get(item.code)
        assert item.citation == guide(f"Appendix C, Table C.1 {indicator}")
        assert item.zh and item.en
    assert sorted(table.scales) == sorted(PRINTED_SCALES)
    for code, printed in PRINTED_SCALES.items():
        scale = table.scales[code]
        assert scale.code == code
        assert scale.citation == guide(f"Appendix C, Table C.1 {code.split('-')[0]}")
        assert [(b.label, b.interval) for b in scale.bands] == printed
        for band in scale.bands:
            kind, figure = LABEL_READING[band.label]
            assert (band.kind, band.figure, band.printed) == (kind, figure, True)
            assert band.zh and band.en


# --- table C.1 as printed ----------------------------------------------------------------


def test_table_c1_built_afresh_matches_the_printed_table() -> None:
    _check_against_table_c1(maturity_module._build())


def test_the_imported_table_matches_the_printed_table_too() -> None:
    _check_against_table_c1(MATURITY)


def test_indicator_points_equal_appendix_b_sub_items_and_note2_total_100() -> None:
    # The secondary indicators are Appendix B's sub-items (same codes, same points).
    assert [(i.code, i.points) for i in MATURITY.indicators] == [
        (s.code, s.points) for s in RUBRIC.sub_items
    ]
    assert sum(i.points for i in MATURITY.indicators) == Decimal(100) == MATURITY.total


def test_43_is_quality_surveys_not_a_second_42() -> None:
    assert MATURITY.indicator("4.3").zh == "质量调研"
    assert MATURITY.indicator("4.3").points == Decimal(5)
    assert MATURITY.indicator("4.2").zh == "质量月"


def test_item_texts_as_printed() -> None:
    assert MATURITY.item("1.1-1").zh == "明确组织领导"
    assert MATURITY.item("1.2-2").zh == "每年召开不少于两次的领导小组成员全体会议"
    assert MATURITY.item("4.3-1").zh == "配合参与企业状况调研、满意度测评"
    assert MATURITY.item("5.2-1").zh == "参与长三角质量工作情况"


def test_table_c1_rows_read_as_printed_when_built_afresh() -> None:
    table = maturity_module._build()
    assert table.item("1.1-3").zh == "质量强镇（区）及质量相关工作给予必要的资金保障"
    assert table.item("3.2-1").zh == "开展质量荣誉申报情况"
    assert table.scales["5.2-1"].band("0").zh == (
        "未参与长三角质量提升一体化，或各类相关活动参与率不足30%"
    )
    assert table.scales["1.2-2"].band("100%").zh == "按要求组织或参与会议，会议纪要齐全"


def test_band_descriptions_as_printed() -> None:
    assert (
        MATURITY.scale("1.1").band("30%以下").zh == "组织机构不完整，文件缺失，工作落实情况有欠缺"
    )
    assert MATURITY.scale("4.3-1").band("100%").zh == "配合落实工作任务，完成任务80%以上"
    assert MATURITY.scale("2.3-2").band("100%以下").zh == "参与培训的人员数量较上年度减少的比例"


def test_scales_printed_once_are_shared() -> None:
    assert {MATURITY.item(f"1.1-{n}").scale for n in range(1, 5)} == {"1.1"}
    assert MATURITY.item("2.2-2").scale == MATURITY.item("2.2-1").scale == "2.2-1"
    assert MATURITY.item("2.2-3").scale == "2.2-3"
    assert [i.code for i in MATURITY.items if i.shares_scale] == list(SHARED)


def test_measured_items_are_the_five_of_r15() -> None:
    measured = {i.code: i.measured for i in MATURITY.items if i.measured is not None}
    assert measured == MEASURED


def test_12_second_item_may_be_measured_from_its_meetings_r43() -> None:
    """Table C.1 1.2 (每年召开不少于两次的领导小组成员全体会议) stays a judged item,
    with a measured form from the meetings held and their minutes (§5.1.2 b); R43)."""
    forms = {i.code: i.measured_form for i in MATURITY.items if i.measured_form is not None}
    assert forms == {"1.2-2": MeasuredKind.MEETINGS}
    assert MATURITY.item("1.2-2").measured is None


# --- the builder refuses a mistyped table ------------------------------------------------


def test_an_item_naming_no_scale_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = tuple(
        (code, zh, en, "9.9" if code == "4.1-1" else scale, m)
        for code, zh, en, scale, m in maturity_module._ITEM_ROWS
    )
    monkeypatch.setattr(maturity_module, "_ITEM_ROWS", rows)
    with pytest.raises(TableError) as info:
        maturity_module._build()
    assert str(info.value) == "Appendix C 4.1-1: no scale '9.9'"


def test_indicator_points_differing_from_appendix_b_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2.1 质量报告 is 10 points in Appendix B; typed as 9 here.
    rows = tuple(
        (code, zh, en, primary, 9 if code == "2.1" else pts)
        for code, zh, en, primary, pts in maturity_module._INDICATOR_ROWS
    )
    monkeypatch.setattr(maturity_module, "_INDICATOR_ROWS", rows)
    with pytest.raises(TableError) as info:
        maturity_module._build()
    assert str(info.value) == "Appendix C 2.1: 9 points here, 10 in Appendix B"


def test_indicators_out_of_appendix_b_order_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = maturity_module._INDICATOR_ROWS
    monkeypatch.setattr(maturity_module, "_INDICATOR_ROWS", (rows[1], rows[0], *rows[2:]))
    with pytest.raises(TableError) as info:
        maturity_module._build()
    assert str(info.value) == (
        "Appendix C: the secondary indicators differ from Appendix B's sub-items"
    )


def test_a_wrong_printed_total_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(maturity_module, "_PRINTED_TOTAL", 99)
    with pytest.raises(TableError) as info:
        maturity_module._build()
    assert str(info.value) == "Appendix C: total 100 (note 2 prints 100), 23 items"


def test_a_lost_item_row_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Table C.1 prints 23 items; drop 5.2-2 and 22 remain (the points still add to 100).
    rows = tuple(r for r in maturity_module._ITEM_ROWS if r[0] != "5.2-2")
    monkeypatch.setattr(maturity_module, "_ITEM_ROWS", rows)
    with pytest.raises(TableError) as info:
        maturity_module._build()
    assert str(info.value) == "Appendix C: total 100 (note 2 prints 100), 22 items"


# --- band labels and their intervals (R14) -------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind", "figure"),
    [
        ("100%", MaturityBandKind.EXACT, "100"),
        ("0%", MaturityBandKind.EXACT, "0"),
        ("0", MaturityBandKind.EXACT, "0"),
        ("70%以上", MaturityBandKind.AT_LEAST, "70"),
        ("30%以下", MaturityBandKind.AT_MOST, "30"),
        ("100%以下", MaturityBandKind.AT_MOST, "100"),
        ("不满100%", MaturityBandKind.BELOW, "100"),
        ("不满30%", MaturityBandKind.BELOW, "30"),
        ("12.5%以上", MaturityBandKind.AT_LEAST, "12.5"),
    ],
)
def test_band_labels_read_as_r14_says(label: str, kind: MaturityBandKind, figure: str) -> None:
    assert maturity_module._parse_label(label) == (kind, Decimal(figure))


@pytest.mark.parametrize("label", ["80%", "50", "以上", "不满", "70%以上的"])
def test_an_unreadable_band_label_is_refused(label: str) -> None:
    with pytest.raises(TableError) as info:
        maturity_module._parse_label(label)
    assert str(info.value) == f"Appendix C: unreadable band label {label!r}"


def test_a_band_is_printed_unless_said_otherwise() -> None:
    band = maturity_module._band("70%以上", "描述", "description")
    assert (band.label, band.kind, band.figure) == ("70%以上", MaturityBandKind.AT_LEAST, 70)
    assert (band.zh, band.en, band.printed) == ("描述", "description", True)
    assert maturity_module._band("不满100%", "甲", "a", printed=False).printed is False


def _intervals(*labels: str) -> list[str]:
    bands = tuple(maturity_module._band(label, "甲", "a") for label in labels)
    scale = maturity_module._scale("x-1", bands, MATURITY_CITATION)
    assert (scale.code, scale.citation) == ("x-1", MATURITY_CITATION)
    return [b.interval for b in scale.bands]


@pytest.mark.parametrize(
    ("labels", "intervals"),
    [
        # The top 以上 band with no band above it reaches 100, included.
        (("60%以上", "0"), ["[60, 100]", "[0, 0]"]),
        # An exact 100% band caps the 以上 band below it (excluded).
        (("100%", "60%以上"), ["[100, 100]", "[60, 100)"]),
        # 以上 bands cap each other; a 以下 band whose figure no 以上 band takes keeps it.
        (("50%以上", "20%以上", "20%以下"), ["[50, 100]", "[20, 50)", "[0, 20)"]),
        (("50%以上", "40%以下"), ["[50, 100]", "[0, 40]"]),
        # An exact band of the same figure does not take a 以下 band's edge (2.3's 100%).
        (("100%", "100%以下"), ["[100, 100]", "[0, 100]"]),
        # 不满X% excludes X (Civil Code Art. 1259).
        (("100%", "不满100%"), ["[100, 100]", "[0, 100)"]),
        (("不满40%", "40%以上"), ["[0, 40)", "[40, 100]"]),
        # Figures given with trailing zeros show normalised.
        (("30.50%以上",), ["[30.5, 100]"]),
    ],
)
def test_scale_intervals_follow_r14(labels: tuple[str, ...], intervals: list[str]) -> None:
    assert _intervals(*labels) == intervals


def _band(lower: int, lower_closed: bool, upper: int, upper_closed: bool) -> MaturityBand:
    return MaturityBand(
        "x",
        MaturityBandKind.AT_LEAST,
        Decimal(lower),
        Decimal(lower),
        lower_closed,
        Decimal(upper),
        upper_closed,
        "甲",
        "a",
    )


@pytest.mark.parametrize(
    ("lower_closed", "upper_closed", "interval", "inside", "outside"),
    [
        (True, True, "[30, 70]", ["30", "50", "70"], ["29.99", "70.01"]),
        (True, False, "[30, 70)", ["30", "69.99"], ["29.99", "70"]),
        (False, True, "(30, 70]", ["30.01", "70"], ["30", "70.01"]),
        (False, False, "(30, 70)", ["30.01", "69.99"], ["30", "70", "0", "100"]),
    ],
)
def test_a_band_contains_what_its_interval_says(
    lower_closed: bool, upper_closed: bool, interval: str, inside: list[str], outside: list[str]
) -> None:
    band = _band(30, lower_closed, 70, upper_closed)
    assert band.interval == interval
    assert [band.contains(Decimal(p)) for p in inside] == [True] * len(inside)
    assert [band.contains(Decimal(p)) for p in outside] == [False] * len(outside)


def test_the_figures_show_without_exponent() -> None:
    assert maturity_module._fmt(Decimal("1E+2")) == "100"
    assert maturity_module._fmt(Decimal("24.00")) == "24"
    assert maturity_module._fmt(Decimal("0.50")) == "0.5"


# --- the band of a percentage (R14) -------------------------------------------------------


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
        ("2.3-2", "100", "100%"),  # the exact band takes the point it shares with 100%以下
        ("2.3-2", "0", "0%"),  # and the point 0 shared with 100%以下's floor
        ("2.3-2", "0.01", "100%以下"),
        ("2.3-2", "50", "100%以下"),
        ("2.3-2", "99.99", "100%以下"),
        ("5.2-1", "100", "100%"),
        ("5.2-1", "60", "60%以上"),
        ("5.2-1", "0", "0"),
    ],
)
def test_r14_band_for_edges(scale: str, percentage: str, label: str) -> None:
    assert MATURITY.scale(scale).band_for(percentage).label == label
    found = MATURITY.scale(scale).find(Decimal(percentage))
    assert found is not None and found.label == label


def test_find_prefers_exact_then_at_least_then_at_most_then_below() -> None:
    # Overlapping bands made for the test: every kind contains 30.
    bands = tuple(
        attrs.evolve(
            maturity_module._band(label, "甲", "a"),
            lower=Decimal(0),
            lower_closed=True,
            upper=Decimal(100),
            upper_closed=True,
        )
        for label in ("不满100%", "30%以下", "30%以上", "100%")
    )

    def found(scale: MaturityScale) -> str | None:
        band = scale.find(Decimal(30))
        return None if band is None else band.label

    assert found(MaturityScale("x", bands, MATURITY_CITATION)) == "100%"
    assert found(MaturityScale("x", bands[:3], MATURITY_CITATION)) == "30%以上"
    assert found(MaturityScale("x", bands[:2], MATURITY_CITATION)) == "30%以下"
    assert found(MaturityScale("x", bands[:1], MATURITY_CITATION)) == "不满100%"


@given(st.decimals(min_value=0, max_value=100, places=2), st.sampled_from(sorted(MATURITY.scales)))
def test_a_found_band_contains_the_percentage(pct: Decimal, code: str) -> None:
    band = MATURITY.scale(code).find(pct)
    if band is not None:
        assert band.contains(pct)
    # Scales with a 以下 band from 0 have no gap.
    if any(b.label.endswith("以下") for b in MATURITY.scale(code).bands):
        assert band is not None


@pytest.mark.parametrize(
    ("scale", "percentage"),
    [("1.2-1", "20"), ("1.2-1", "0.01"), ("4.3-1", 29), ("4.3-1", "12.50")],
)
def test_r14_gap_between_0_and_30_is_in_no_band(scale: str, percentage: object) -> None:
    # 100%, 60%以上, 30%以上, 0 — nothing between 0 and 30.
    with pytest.raises(InvalidRatingError) as info:
        MATURITY.scale(scale).band_for(percentage)  # type: ignore[arg-type]
    err = info.value
    assert (err.field, err.value) == (f"scale {scale} percentage", Decimal(percentage))  # type: ignore[arg-type]
    assert err.citation == guide(f"Appendix C, Table C.1 {scale.split('-')[0]}")
    assert "in no band of the scale" in str(err)


def test_a_percentage_in_a_gap_names_every_band() -> None:
    with pytest.raises(InvalidRatingError) as info:
        MATURITY.scale("4.3-1").band_for("12.50")
    assert str(info.value) == (
        "scale 4.3-1 percentage: in no band of the scale (bands: 100% [100, 100], "
        "60%以上 [60, 100), 30%以上 [30, 60), 0 [0, 0]), got 12.50 "
        "(Guide Appendix C, Table C.1 4.3)"
    )


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (-1, "below the minimum of 0"),
        (101, "above the maximum of 100"),
        ("100.01", "above the maximum of 100"),
        ("100.5", "above the maximum of 100"),
        ("abc", "expected a plain decimal number such as '92.5' (no exponent, no spaces)"),
        (True, "expected a number (int, str or Decimal)"),
        (None, "expected a number (int, str or Decimal)"),
        (float("nan"), "expected a finite number"),
    ],
)
def test_r14_a_percentage_off_0_100_is_refused_under_table_c1(value: object, problem: str) -> None:
    with pytest.raises(InvalidRatingError) as info:
        MATURITY.scale("3.2-1").band_for(value)  # type: ignore[arg-type]
    err = info.value
    assert err.field == "scale 3.2-1 percentage"
    assert err.value is value
    assert err.citation == guide("Appendix C, Table C.1 3.2")
    assert f"scale 3.2-1 percentage: {problem}, got " in str(err)
    if value in (-1, "100.5", "abc"):  # golden sentences
        assert str(err) == (
            f"scale 3.2-1 percentage: {problem}, got {value!r} (Guide Appendix C, Table C.1 3.2)"
        )


def test_unknown_band_label_error_names_scale_choices_and_clause() -> None:
    with pytest.raises(InvalidRatingError) as info:
        MATURITY.scale("1.1").band("80%以上")
    err = info.value
    assert (err.field, err.value) == ("scale 1.1 band", "80%以上")
    assert err.citation == guide("Appendix C, Table C.1 1.1")
    assert str(err) == (
        "scale 1.1 band: no such band (choose one of '100%', '70%以上', '30%以上', "
        "'30%以下'), got '80%以上' (Guide Appendix C, Table C.1 1.1)"
    )


# --- 1.2's second item (MeetingsScaleReading) ---------------------------------------------


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


@pytest.mark.parametrize(
    ("reading", "label", "kind", "figure", "interval"),
    [
        (MeetingsScaleReading.BELOW_FULL, "不满100%", MaturityBandKind.BELOW, 100, "[0, 100)"),
        (MeetingsScaleReading.FULL_OR_NONE, "0", MaturityBandKind.EXACT, 0, "[0, 0]"),
    ],
)
def test_12_second_item_gains_one_unprinted_band(
    reading: MeetingsScaleReading,
    label: str,
    kind: MaturityBandKind,
    figure: int,
    interval: str,
) -> None:
    scale = MATURITY.scale_for("1.2-2", meetings=reading)
    assert (scale.code, scale.citation) == ("1.2-2", guide("Appendix C, Table C.1 1.2"))
    assert scale.bands[0] == MATURITY.scale("1.2-2").bands[0]
    extra = scale.bands[1]
    assert (extra.label, extra.kind, extra.figure, extra.interval) == (
        label,
        kind,
        figure,
        interval,
    )
    assert extra.printed is False
    assert extra.zh.startswith("（未印出）") and extra.en.startswith("(not printed)")


def test_12_second_item_printed_only_is_the_printed_scale() -> None:
    printed = MATURITY.scale_for("1.2-2", meetings=MeetingsScaleReading.PRINTED_ONLY)
    assert printed == MATURITY.scale("1.2-2")
    assert MATURITY.scale_for("1.2-2") == MATURITY.scale_for(
        "1.2-2", meetings=MeetingsScaleReading.BELOW_FULL
    )


def test_scale_for_other_items_ignores_the_meetings_reading() -> None:
    for reading in MeetingsScaleReading:
        assert MATURITY.scale_for("1.1-2", meetings=reading) == MATURITY.scale("1.1")


# --- lookups -----------------------------------------------------------------------------


def test_lookups_find_what_they_name() -> None:
    assert MATURITY.indicator("5.1").zh == "质量提升"
    assert MATURITY.item("2.2-2").scale == "2.2-1"
    assert [i.code for i in MATURITY.items_of("1.1")] == ["1.1-1", "1.1-2", "1.1-3", "1.1-4"]
    assert [i.code for i in MATURITY.items_of("4.3")] == ["4.3-1"]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: MATURITY.indicator("4.4"),
            UnknownCriterionError,
            "indicator: no such secondary indicator in table C.1, got '4.4' "
            "(Guide Appendix C, Table C.1)",
        ),
        (
            lambda: MATURITY.indicator(4.3),
            InvalidInputError,
            "indicator: expected a code string like '2.3', got 4.3",
        ),
        (
            lambda: MATURITY.indicator(None),
            InvalidInputError,
            "indicator: expected a code string like '2.3', got None",
        ),
        (
            lambda: MATURITY.item("1.1.1"),
            UnknownCriterionError,
            "item: no such self-assessment item in table C.1 (items are numbered "
            "1.1-1 … 5.2-2), got '1.1.1' (Guide Appendix C, Table C.1)",
        ),
        (
            lambda: MATURITY.item(231),
            InvalidInputError,
            "item: expected a code string like '2.3-1', got 231",
        ),
        (
            lambda: MATURITY.item(3),
            InvalidInputError,
            "item: expected a code string like '2.3-1', got 3",
        ),
        (
            lambda: MATURITY.scale("1.2"),
            UnknownCriterionError,
            "scale: no such maturity scale in table C.1, got '1.2' (Guide Appendix C, Table C.1)",
        ),
        (
            lambda: MATURITY.scale("9.9"),
            UnknownCriterionError,
            "scale: no such maturity scale in table C.1, got '9.9' (Guide Appendix C, Table C.1)",
        ),
        (
            lambda: MATURITY.scale(11),
            UnknownCriterionError,
            "scale: no such maturity scale in table C.1, got 11 (Guide Appendix C, Table C.1)",
        ),
        (
            # An unhashable code is refused as unknown, not with a TypeError.
            lambda: MATURITY.scale(["1.1"]),
            UnknownCriterionError,
            "scale: no such maturity scale in table C.1, got ['1.1'] (list) "
            "(Guide Appendix C, Table C.1)",
        ),
        (
            lambda: MATURITY.scale_for("1.2-2", meetings="below-full"),
            InvalidInputError,
            "meetings: expected a MeetingsScaleReading, got 'below-full'",
        ),
    ],
)
def test_lookup_errors_name_the_field_the_value_and_table_c1(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message
    assert info.value.field == message.split(":")[0]  # type: ignore[attr-defined]
    if error is InvalidInputError:
        assert not isinstance(info.value, UnknownCriterionError)


# --- a table built by hand or read from JSON must hang together ---------------------------


def _table(**changes: object) -> MaturityTable:
    fields = {
        "indicators": MATURITY.indicators,
        "items": MATURITY.items,
        "scales": dict(MATURITY.scales),
        "total": MATURITY.total,
    }
    fields.update(changes)
    return MaturityTable(**fields)  # type: ignore[arg-type]


def test_a_copy_of_the_table_hangs_together() -> None:
    assert _table() == MATURITY


def test_a_scale_that_is_not_a_scale_is_named() -> None:
    with pytest.raises(InvalidInputError) as info:
        _table(scales={**MATURITY.scales, "1.1": "100%"})
    err = info.value
    assert (err.field, err.value) == ("MaturityTable.scales['1.1']", "100%")
    assert str(err) == "MaturityTable.scales['1.1']: expected a MaturityScale, got '100%'"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"items": (*MATURITY.items, MATURITY.items[0])},
            "MaturityTable.items: an item code appears twice",
        ),
        (
            {"indicators": (*MATURITY.indicators, MATURITY.indicators[-1])},
            "MaturityTable.indicators: an indicator code appears twice",
        ),
        (
            # 1.1 lists 1.2-1, an item of 1.2.
            {
                "indicators": (
                    attrs.evolve(MATURITY.indicators[0], items=("1.1-1", "1.2-1")),
                    *MATURITY.indicators[1:],
                )
            },
            "MaturityTable: indicator 1.1 lists item '1.2-1', which is not one of its items",
        ),
        (
            # 5.2 lists an item the table does not have.
            {
                "indicators": (
                    *MATURITY.indicators[:-1],
                    attrs.evolve(MATURITY.indicators[-1], items=("5.2-1", "5.2-3")),
                )
            },
            "MaturityTable: indicator 5.2 lists item '5.2-3', which is not one of its items",
        ),
        (
            # 5.2 forgets its second item: 5.2-2 belongs to no indicator.
            {
                "indicators": (
                    *MATURITY.indicators[:-1],
                    attrs.evolve(MATURITY.indicators[-1], items=("5.2-1",)),
                )
            },
            "MaturityTable: every item belongs to exactly one indicator",
        ),
        (
            {"items": (*MATURITY.items[:-1], attrs.evolve(MATURITY.items[-1], scale="5.2-9"))},
            "MaturityTable: item 5.2-2 names no scale '5.2-9'",
        ),
        (
            {"total": Decimal(99)},
            "MaturityTable.total: 99, but the indicators sum to 100",
        ),
        (
            # 4.3-1 is measured (R15); a measured form (R43) is for a judged item.
            {
                "items": tuple(
                    attrs.evolve(i, measured_form=MeasuredKind.MEETINGS) if i.code == "4.3-1" else i
                    for i in MATURITY.items
                )
            },
            "MaturityTable: item 4.3-1 is measured; it cannot also have a measured form "
            "beside a judged one",
        ),
    ],
)
def test_a_table_that_does_not_hang_together_is_refused(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(TableError) as info:
        _table(**changes)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("path", "value", "match"),
    [
        (("items", 0, "scale"), "9.9", "names no scale"),
        (("total",), "99", "sum to 100"),
        (("indicators", 0, "items"), ["1.2-1"], "not one of its items"),
    ],
)
def test_a_table_read_from_json_must_hang_together(
    path: tuple[str | int, ...], value: object, match: str
) -> None:
    data = json.loads(to_json(MATURITY))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(StructureError, match=match):
        from_json(json.dumps(data), MaturityTable)


def test_json_round_trip() -> None:
    assert from_json(to_json(MATURITY), MaturityTable) == MATURITY
    scale = MATURITY.scale_for("1.2-2")
    assert from_json(to_json(scale), MaturityScale) == scale
    band = scale.bands[0]
    assert from_json(to_json(band), MaturityBand) == band
    for ind in MATURITY.indicators:
        assert from_json(to_json(ind), SecondaryIndicator) == ind
    for item in MATURITY.items:
        assert from_json(to_json(item), SelfAssessmentItem) == item


# --- display: one row per band of every item ---------------------------------------------


def _expected_rows() -> list[tuple[str, str, str, str, str, str, bool]]:
    """(indicator, points, item, scale, band, interval, printed) per band, read from C.1."""
    rows = []
    for code, (_, _, points, count) in PRINTED_INDICATORS.items():
        for n in range(1, count + 1):
            item = f"{code}-{n}"
            bands = [(label, interval, True) for label, interval in PRINTED_SCALES[_scale_of(item)]]
            if item == "1.2-2":  # MeetingsScaleReading.BELOW_FULL, the default
                bands.append(("不满100%", "[0, 100)", False))
            rows += [(code, str(points), item, _scale_of(item), *band) for band in bands]
    return rows


def test_records_one_per_band_of_every_item_in_table_order() -> None:
    records = MATURITY.to_records(lang="en")
    expected = _expected_rows()
    assert len(expected) == 87
    assert [
        (
            r["indicator"],
            str(r["points"]),
            r["item"],
            r["scale"],
            r["band"],
            r["interval"],
            r["printed"],
        )
        for r in records
    ] == expected
    band = MATURITY.scale("1.1").band("100%")
    assert records[4] == {
        "indicator": "1.1",
        "points": Decimal(5),
        "item": "1.1-2",
        "item_zh": "落实牵头部门和成员部门",
        "scale": "1.1",
        "band": "100%",
        "interval": "[100, 100]",
        "printed": True,
        "description_zh": "组织机构完整、文件材料齐全，严格落实工作",
        "description_en": band.en,
    }
    assert MATURITY.to_records(lang="zh") == records  # no words that change with the language
    unprinted = [r for r in records if not r["printed"]]
    assert [(r["item"], r["band"], r["interval"]) for r in unprinted] == [
        ("1.2-2", "不满100%", "[0, 100)")
    ]


@pytest.mark.parametrize(
    ("lang", "caption", "headers"),
    [
        (
            "zh",
            "指南附录 C 表 C.1 成熟度划分：13 项二级指标、23 项自评内容，满分 100 分",
            ["二级指标", "分值", "自评内容", "成熟度划分", "成熟度", "区间", "原文印出"],
        ),
        (
            "en",
            "Guide Appendix C, Table C.1: maturity scales of 13 secondary indicators and "
            "23 items, out of 100 points",
            ["indicator", "points", "item", "scale", "band", "interval", "printed"],
        ),
    ],
)
def test_text_lists_every_band_of_every_item(lang: str, caption: str, headers: list[str]) -> None:
    lines = MATURITY.to_text(lang=lang).splitlines()  # type: ignore[arg-type]
    assert lines[0] == caption
    assert lines[1].split() == headers
    shown = [
        [ind, points, item, scale, band, *interval.split(), *(["✓"] if printed else [])]
        for ind, points, item, scale, band, interval, printed in _expected_rows()
    ]
    assert [line.split() for line in lines[3:]] == shown
    assert str(MATURITY) == MATURITY.to_text(lang="zh")


def test_html_is_one_table_of_the_same_rows() -> None:
    html = MATURITY.to_html(lang="en")
    assert html.startswith("<table><caption>Guide Appendix C, Table C.1: maturity scales")
    assert html.count("<tr>") == 1 + 87
    assert "<td>不满100%</td><td>[0, 100)</td><td></td>" in html
    assert MATURITY._repr_html_().startswith("<table><caption>")
