"""Guide §5.2.1 and Appendix A: the quality status analysis report."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from baoshan_quality import InvalidInputError, from_json, to_json
from baoshan_quality.guide import (
    CONTENT_ITEMS,
    COVER_LAYOUT,
    FONT_SIZES_PT,
    BodySection,
    ClauseStrength,
    ContentItem,
    CoverField,
    CoverLayout,
    ReportCheck,
    ReportFindingStatus,
    ReportOutline,
    ReportPart,
    ReportPolicy,
    TextStyle,
    UnitKind,
    check_report,
    cover_title,
)

# ------------------------------------------------------------------ Appendix A


@pytest.mark.parametrize(
    ("year", "unit", "title"),
    [
        (2024, "罗店镇", "2024年度宝山区罗店镇质量状况分析报告"),
        (2023, "友谊路街道", "2023年度宝山区友谊路街道质量状况分析报告"),
        (2022, "宝山工业园区", "2022年度宝山区宝山工业园区质量状况分析报告"),
    ],
)
def test_a2_cover_title(year: int, unit: str, title: str) -> None:
    assert cover_title(year, unit) == title


def test_a2_cover_title_with_an_explicit_kind() -> None:
    assert cover_title(2024, "上海机器人产业园", kind=UnitKind.PARK) == (
        "2024年度宝山区上海机器人产业园质量状况分析报告"
    )


@pytest.mark.parametrize(
    ("year", "unit", "kind", "match"),
    [
        (2021, "罗店镇", None, "year"),
        (10000, "罗店镇", None, "year"),
        ("2024", "罗店镇", None, "year"),
        (True, "罗店镇", None, "year"),
        (2024, "罗店", None, "街道, 镇 or 园区"),
        (2024, "镇", None, "街道, 镇 or 园区"),
        (2024, "宝山区罗店镇", None, "宝山区"),
        (2024, " 罗店镇", None, "unit"),
        (2024, None, None, "unit"),
        (2024, "罗店镇", UnitKind.STREET, "kind"),
        (2024, "罗店镇", "镇", "kind"),
    ],
)
def test_a2_cover_title_errors(year: object, unit: object, kind: object, match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        cover_title(year, unit, kind=kind)  # type: ignore[arg-type]


def test_a1_a3_cover_layout_as_data() -> None:
    assert (
        COVER_LAYOUT.margin_top_cm,
        COVER_LAYOUT.margin_bottom_cm,
        COVER_LAYOUT.margin_left_cm,
        COVER_LAYOUT.margin_right_cm,
    ) == (Decimal("2.54"), Decimal("2.54"), Decimal("3.18"), Decimal("3.18"))
    title, lower = COVER_LAYOUT.title, COVER_LAYOUT.compiler_and_date
    assert (title.font, title.size_name, title.size_pt, title.bold, title.centred) == (
        "宋体", "二号", Decimal(22), True, True,
    )  # fmt: skip
    assert (title.paragraph_spacing, title.line_spacing) == (8, 2)
    assert (lower.font, lower.size_name, lower.size_pt, lower.bold, lower.centred) == (
        "宋体", "四号", Decimal(14), False, True,
    )  # fmt: skip
    assert (lower.paragraph_spacing, lower.line_spacing) == (7, 2)
    assert dict(FONT_SIZES_PT) == {"二号": Decimal(22), "四号": Decimal(14)}


# ------------------------------------------------------------------- §5.2.1.1


def test_5211_content_items_a_to_e_in_order() -> None:
    assert [c.value for c in CONTENT_ITEMS] == ["a", "b", "c", "d", "e"]
    assert [c.zh for c in CONTENT_ITEMS] == [
        "区域质量总体情况", "质量发展情况", "质量特色", "持续改进", "其他",
    ]  # fmt: skip
    assert ContentItem.OVERALL.topics_zh == "产品质量、服务质量、工程质量、人居质量等"


def test_modal_verbs() -> None:
    assert [s.value for s in ClauseStrength] == ["应", "宜", "可"]
    assert [s.en for s in ClauseStrength] == ["shall", "should", "may"]


# ------------------------------------------------------------------ the checker

GOOD = ReportOutline(
    parts=[ReportPart.COVER, ReportPart.BODY, ReportPart.APPENDIX],
    body=["一、区域质量总体情况", "二、质量发展情况", "三、质量特色", "四、持续改进"],
    cover_fields=list(CoverField),
    title="2024年度宝山区罗店镇质量状况分析报告",
    unit="罗店镇",
    year=2024,
    pages=12,
    appendix_materials=4,
)


def finding(check: ReportCheck, code: str) -> tuple[str, str]:
    f = next(f for f in check.findings if f.code == code)
    return f.strength.value, f.status.value


def test_conforming_outline() -> None:
    c = check_report(GOOD)
    assert c.conforms is True and c.failures == ()
    assert finding(c, "contents") == ("宜", "undetermined")
    assert finding(c, "body:charts") == ("可", "not-applicable")
    assert finding(c, "content:e") == ("应", "not-applicable")


@pytest.mark.parametrize(
    ("change", "code", "expected"),
    [
        ({"parts": [ReportPart.COVER, ReportPart.BODY]}, "parts", ("应", "not-met")),
        ({"cover_fields": [CoverField.TITLE, CoverField.UNIT, CoverField.COMPILER]},
         "cover:compiled_on", ("应", "not-met")),
        ({"cover_fields": [CoverField.TITLE, CoverField.UNIT, CoverField.COMPILED_ON]},
         "cover:compiler", ("应", "not-met")),
        ({"title": "2024年罗店镇质量报告"}, "title", ("应", "not-met")),
        ({"title": "2023年度宝山区罗店镇质量状况分析报告"}, "title", ("应", "not-met")),
        ({"title": "2024年度宝山区大场镇质量状况分析报告"}, "title", ("应", "not-met")),
        ({"body": ["区域质量总体情况", "质量发展情况", "质量特色"]}, "content:d", ("应", "not-met")),
        ({"body": ["区域质量总体情况", "质量特色", "质量发展情况", "持续改进"]}, "body:order",
         ("应", "not-met")),
        ({"appendix_materials": 0}, "appendix", ("应", "not-met")),
    ],
)  # fmt: skip
def test_shall_failures(change: dict[str, object], code: str, expected: tuple[str, str]) -> None:
    c = check_report(attrs.evolve(GOOD, **change))
    assert finding(c, code) == expected
    assert c.conforms is False and code in [f.code for f in c.failures]


def test_5212_contents_recommended_when_long() -> None:
    policy = ReportPolicy(long_from_pages=20)
    long = attrs.evolve(GOOD, pages=30)
    assert finding(check_report(long, policy=policy), "contents") == ("宜", "not-met")
    assert check_report(long, policy=policy).conforms is True  # 宜 never decides
    assert finding(check_report(GOOD, policy=policy), "contents") == ("宜", "not-applicable")
    with_toc = attrs.evolve(long, parts=[*GOOD.parts, ReportPart.CONTENTS])
    assert finding(check_report(with_toc, policy=policy), "contents") == ("宜", "met")


def test_5212_charts_are_a_permission() -> None:
    c = check_report(attrs.evolve(GOOD, charts=True))
    assert finding(c, "body:charts") == ("可", "met")
    charts = next(f for f in c.findings if f.code == "body:charts")
    assert (charts.zh, charts.en) == (
        "用统计图表进行年份数据对比（允许）。",
        "Charts compare years (permitted).",
    )


def test_unknown_appendix_materials_make_conformity_undetermined() -> None:
    c = check_report(attrs.evolve(GOOD, appendix_materials=None))
    assert finding(c, "appendix") == ("应", "undetermined") and c.conforms is None


def test_other_required_reading() -> None:
    c = check_report(GOOD, policy=ReportPolicy(other_required=True))
    assert finding(c, "content:e") == ("应", "not-met")
    body = [*GOOD.body, BodySection("五、其他")]
    assert check_report(
        attrs.evolve(GOOD, body=body), policy=ReportPolicy(other_required=True)
    ).conforms


def test_explicit_content_overrides_the_title() -> None:
    body = [BodySection("概况", ContentItem.OVERALL), "质量发展情况", "质量特色", "持续改进"]
    assert check_report(attrs.evolve(GOOD, body=body)).conforms is True


def test_layout_checked_against_appendix_a() -> None:
    assert check_report(attrs.evolve(GOOD, layout=COVER_LAYOUT)).conforms is True
    wrong = attrs.evolve(COVER_LAYOUT, title=attrs.evolve(COVER_LAYOUT.title, bold=False))
    c = check_report(attrs.evolve(GOOD, layout=wrong))
    assert finding(c, "layout:title") == ("应", "not-met")
    assert finding(c, "layout:margins") == ("应", "met")


@pytest.mark.parametrize(
    "make",
    [
        lambda: ReportOutline(parts="封面"),
        lambda: ReportOutline(parts=[ReportPart.COVER, ReportPart.COVER]),
        lambda: ReportOutline(parts=["封面"]),
        lambda: ReportOutline(parts=[], pages=0),
        lambda: ReportOutline(parts=[], year=2021),
        lambda: ReportOutline(parts=[], body=[1]),
        lambda: ReportPolicy(long_from_pages=0),
        lambda: TextStyle("宋体", "二号", -1, True, True, 8, 2),
        lambda: check_report("outline"),
        lambda: check_report(GOOD, policy="strict"),
    ],
)
def test_input_errors(make: object) -> None:
    with pytest.raises(InvalidInputError):
        make()  # type: ignore[operator]


def test_output_and_round_trip() -> None:
    c = check_report(attrs.evolve(GOOD, layout=COVER_LAYOUT))
    assert "符合" in str(c) and "<table>" in c._repr_html_()
    assert c.to_records()[0]["clause"] == "Guide §5.2.1.2.1"
    assert c.findings[0].status is ReportFindingStatus.MET
    assert from_json(to_json(c), ReportCheck) == c
    outline = attrs.evolve(GOOD, layout=COVER_LAYOUT, charts=False)
    assert from_json(to_json(outline), ReportOutline) == outline
    assert from_json(to_json(COVER_LAYOUT), CoverLayout) == COVER_LAYOUT
    assert from_json(to_json(ReportPolicy(20, True)), ReportPolicy) == ReportPolicy(20, True)


@pytest.mark.parametrize(
    ("lang", "verdict", "strength", "status"),
    [
        ("zh", "质量状况分析报告：不符合", "应", "不满足"),
        ("en", "Quality status analysis report: does not conform", "shall", "not-met"),
    ],
)
def test_the_check_shows_one_row_per_finding_in_either_language(
    lang: str, verdict: str, strength: str, status: str
) -> None:
    c = check_report(attrs.evolve(GOOD, appendix_materials=0))
    lines = c.to_text(lang=lang).splitlines()  # type: ignore[arg-type]
    assert lines[0] == verdict
    assert len(lines) == 1 + 2 + len(c.findings) + 1
    appendix = next(f for f in c.findings if f.code == "appendix")
    sentence = appendix.zh if lang == "zh" else appendix.en
    assert lines[-2].split() == [
        "appendix", "Guide", "§5.2.1.2.4", strength, status, *sentence.split(),
    ]  # fmt: skip
    reason = c.reasons[0]
    assert lines[-1] == f"[GB/T 1.1 Appendix C] {reason.zh if lang == 'zh' else reason.en}"
    record = c.to_records(lang=lang)[-1]  # type: ignore[arg-type]
    assert record == {
        "code": "appendix",
        "clause": "Guide §5.2.1.2.4",
        "strength": strength,
        "status": status,
        "finding": sentence,
        "zh": appendix.zh,
        "en": appendix.en,
    }


@pytest.mark.parametrize(
    ("change", "zh", "en"),
    [
        ({}, "符合", "conforms"),
        ({"appendix_materials": None}, "待定", "undetermined"),
    ],
)
def test_the_verdict_heads_the_check(change: dict[str, object], zh: str, en: str) -> None:
    c = check_report(attrs.evolve(GOOD, **change))
    assert c.to_text(lang="zh").splitlines()[0] == f"质量状况分析报告：{zh}"
    assert c.to_text(lang="en").splitlines()[0] == f"Quality status analysis report: {en}"
    assert [r["status"] for r in c.to_records(lang="zh")][:2] == ["满足", "待定"]


def test_json_round_trip_of_parts() -> None:
    from baoshan_quality.guide import ReportFinding

    for f in check_report(GOOD).findings:
        assert from_json(to_json(f), ReportFinding) == f
    style = COVER_LAYOUT.title
    assert from_json(to_json(style), TextStyle) == style
    section = BodySection("概况", ContentItem.OVERALL)
    assert from_json(to_json(section), BodySection) == section
