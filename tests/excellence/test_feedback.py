"""Strengths and opportunities per category for the Art. 18(4) feedback report."""

from __future__ import annotations

import pytest

from baoshan_quality.citations import measures
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.excellence import (
    GBT_19580_2012,
    CategoryFeedback,
    FeedbackItem,
    FeedbackReport,
    ItemKind,
    ScoreSheet,
    ScoringBand,
    consensus,
    feedback_report,
    score_sheet,
)
from baoshan_quality.serialization import from_json, to_json


def _ratings(**overrides: int) -> dict[str, int]:
    ratings = dict.fromkeys(GBT_19580_2012.codes, 50)
    for key, value in overrides.items():
        ratings[key.replace("_", ".")] = value
    return ratings


def _codes(items: tuple[FeedbackItem, ...]) -> list[str]:
    return [i.code for i in items]


def test_art18_4_highest_and_lowest_rated_item_per_category() -> None:
    report = feedback_report(
        score_sheet(ScoreSheet("甲", "示例公司", _ratings(**{"4_1_3": 75, "4_1_4": 20})))
    )
    lead = report.category("4.1")
    assert _codes(lead.strengths) == ["4.1.3"]
    assert _codes(lead.opportunities) == ["4.1.4"]
    assert lead.strengths[0].band is ScoringBand.B70_85
    assert lead.opportunities[0].rating == 20


def test_art18_4_compared_relative_to_points_not_by_raw_score() -> None:
    # 4.4.2 (60 points) at 40 % scores 24; 4.4.6 (10 points) at 80 % scores 8.
    # By rating, 4.4.6 is the strength and 4.4.2 the opportunity.
    ratings = _ratings(**{"4_4_2": 40, "4_4_6": 80})
    cat = feedback_report(score_sheet(ScoreSheet("甲", "示例公司", ratings))).category("4.4")
    assert _codes(cat.strengths) == ["4.4.6"]
    assert _codes(cat.opportunities) == ["4.4.2"]


def test_art18_4_ties_are_all_listed_in_table_order() -> None:
    ratings = _ratings(**{"4_7_2": 70, "4_7_5": 70, "4_7_3": 30, "4_7_7": 30})
    cat = feedback_report(score_sheet(ScoreSheet("甲", "示例公司", ratings))).category("4.7")
    assert _codes(cat.strengths) == ["4.7.2", "4.7.5"]
    assert _codes(cat.opportunities) == ["4.7.3", "4.7.7"]


def test_art18_4_all_items_equal_each_is_both() -> None:
    report = feedback_report(score_sheet(ScoreSheet("甲", "示例公司", _ratings())))
    cat = report.category("4.2")
    assert _codes(cat.strengths) == _codes(cat.opportunities) == ["4.2.2", "4.2.3"]
    assert "same rating" in cat.reasons[0].en


def test_art18_4_category_without_rated_items_lists_nothing() -> None:
    ratings = {c: 50 for c in GBT_19580_2012.codes if not c.startswith("4.2.")}
    ratings["4.3.2"] = 80
    result = score_sheet(ScoreSheet("甲", "示例公司", ratings), allow_missing=True)
    report = feedback_report(result)
    assert report.category("4.2").strengths == () == report.category("4.2").opportunities
    assert "no rated item" in report.category("4.2").reasons[0].en
    assert _codes(report.category("4.3").strengths) == ["4.3.2"]


def test_art18_4_feedback_from_a_consensus() -> None:
    sheets = [
        ScoreSheet("甲", "示例公司", _ratings(**{"4_6_2": 60, "4_6_3": 30})),
        ScoreSheet("乙", "示例公司", _ratings(**{"4_6_2": 70, "4_6_3": 40})),
        ScoreSheet("丙", "示例公司", _ratings(**{"4_6_2": 65, "4_6_3": 35})),
    ]
    report = feedback_report(consensus(sheets))
    cat = report.category("4.6")
    assert report.basis == "consensus"
    assert report.reviewers == ("丙", "乙", "甲")
    assert [(i.code, i.rating) for i in cat.strengths] == [("4.6.2", 65)]
    assert [(i.code, i.rating) for i in cat.opportunities] == [("4.6.3", 35)]


def test_art18_4_texts_are_the_band_paraphrase_for_the_item_kind() -> None:
    ratings = _ratings(**{"4_7_2": 90, "4_1_2": 90})
    report = feedback_report(score_sheet(ScoreSheet("甲", "示例公司", ratings)))
    result_item = report.category("4.7").strengths[0]
    process_item = report.category("4.1").strengths[0]
    assert (result_item.text_zh, result_item.text_en) == ScoringBand.B90_100.text(result_item.kind)
    assert result_item.text_en != process_item.text_en


def test_reasons_cite_art_17_and_art_18_4() -> None:
    report = feedback_report(score_sheet(ScoreSheet("甲", "示例公司", _ratings())))
    assert report.reasons[0].citation == measures("Art. 17")
    assert report.reasons[1].citation == measures("Art. 18(4)")
    assert "not the standard's words" in report.reasons[2].en
    assert all(c.reasons[0].citation == measures("Art. 18(4)") for c in report.categories)


@pytest.mark.parametrize("value", [None, "sheet", GBT_19580_2012, {"items": []}])
def test_feedback_refuses_anything_but_a_result(value: object) -> None:
    with pytest.raises(InvalidInputError, match="SheetResult or a ConsensusResult"):
        feedback_report(value)  # type: ignore[arg-type]


def test_display_records_and_json_round_trip() -> None:
    report = feedback_report(
        score_sheet(ScoreSheet("甲", "示例公司", _ratings(**{"4_1_3": 75, "4_1_4": 20})))
    )
    text = str(report)
    assert "示例公司" in text and "优势" in text and "改进机会" in text and "4.1.3" in text
    assert "strength" not in text  # Chinese sentences use Chinese names
    en = report.to_text("en")
    assert "strength" in en and "opportunity" in en and "Leadership" in en
    assert "<table>" in report._repr_html_()
    records = report.to_records()
    assert records[0]["role"] == "strength" and records[0]["code"] == "4.1.3"
    assert records[1]["role"] == "opportunity" and records[1]["code"] == "4.1.4"
    assert (records[0]["role_name"], records[1]["role_name"]) == ("优势", "改进机会")
    # 4.1.3 is a process item rated 75: the 70–85 % band's paraphrase for process items
    assert records[0]["category_zh"] == "领导"
    assert records[0]["text_en"] == ScoringBand.B70_85.text(ItemKind.PROCESS)[1]
    assert len(records) == sum(len(c.strengths) + len(c.opportunities) for c in report.categories)
    assert from_json(to_json(report), FeedbackReport) == report
    cat = report.categories[0]
    assert from_json(to_json(cat), CategoryFeedback) == cat
    assert from_json(to_json(cat.strengths[0]), FeedbackItem) == cat.strengths[0]
