"""One reviewer's score sheet (Measures Art. 17; GB/Z 19579-2012 附录A, 附录C).

An item scores points × rating ÷ 100, exactly; a partial sheet leaves the unrated
items out of the total (they are not counted as zero).  Besides the full table, a
two-item table written here (category A, 100 points: A.1 process 30, A.2 result 70)
keeps every figure checkable by hand: A.1 at 55 % scores 16.5 and A.2 at 20 % 14.
Errors follow ``field: problem, got value (clause)``.  None is copied from a run.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.citations import Reason, criteria, measures
from baoshan_quality.errors import (
    InvalidInputError,
    InvalidRatingError,
    MissingCriterionError,
    UnknownCriterionError,
)
from baoshan_quality.excellence import (
    GBT_19580_2012,
    CategorySubtotal,
    CriteriaCategory,
    CriteriaItem,
    CriteriaTable,
    ItemKind,
    RatedItem,
    ScoreSheet,
    ScoringBand,
    SheetResult,
    score_sheet,
)
from baoshan_quality.serialization import from_json, to_json

# A full sheet and its scores worked out by hand: points × rating.
HAND = {
    # 4.1: 35 + 19.5 + 16.5 = 71
    "4.1.2": (70, "35"),
    "4.1.3": (65, "19.5"),
    "4.1.4": (55, "16.5"),
    # 4.2: 24 + 22.5 = 46.5
    "4.2.2": (60, "24"),
    "4.2.3": (45, "22.5"),
    # 4.3: 20 + 30 = 50
    "4.3.2": (50, "20"),
    "4.3.3": (60, "30"),
    # 4.4: 33 + 5.25 + 8 + 6.75 + 5 + 2.5 = 60.5
    "4.4.2": (55, "33"),
    "4.4.3": (35, "5.25"),
    "4.4.4": (40, "8"),
    "4.4.5": (45, "6.75"),
    "4.4.6": (50, "5"),
    "4.4.7": (25, "2.5"),
    # 4.5: 30 + 27.5 = 57.5
    "4.5.2": (60, "30"),
    "4.5.3": (55, "27.5"),
    # 4.6: 20 + 16 = 36
    "4.6.2": (50, "20"),
    "4.6.3": (40, "16"),
    # 4.7: 44 + 40 + 36 + 24 + 17.5 + 15 = 176.5
    "4.7.2": (55, "44"),
    "4.7.3": (50, "40"),
    "4.7.4": (45, "36"),
    "4.7.5": (40, "24"),
    "4.7.6": (35, "17.5"),
    "4.7.7": (30, "15"),
}
HAND_SUBTOTALS = {
    "4.1": "71",
    "4.2": "46.5",
    "4.3": "50",
    "4.4": "60.5",
    "4.5": "57.5",
    "4.6": "36",
    "4.7": "176.5",
}
HAND_TOTAL = "498"

TABLE = CriteriaTable(
    edition="demo",
    total=100,
    categories=[
        CriteriaCategory(
            "A",
            "甲",
            "Alpha",
            100,
            [
                CriteriaItem("A.1", "一", "One", 30, ItemKind.PROCESS),
                CriteriaItem("A.2", "二", "Two", 70, ItemKind.RESULT),
            ],
        )
    ],
)


def _sheet(ratings: dict[str, object], reviewer: str = "张") -> ScoreSheet:
    return ScoreSheet(reviewer, "示例公司", ratings)  # type: ignore[arg-type]


def _score(ratings: dict[str, object], **kwargs: object) -> SheetResult:
    return score_sheet(ScoreSheet("张评审", "示例公司", ratings), table=TABLE, **kwargs)  # type: ignore[arg-type]


def test_hand_computed_sheet_item_scores_are_points_times_rating() -> None:
    result = score_sheet(_sheet({code: rating for code, (rating, _) in HAND.items()}))
    for code, (rating, score) in HAND.items():
        item = result.item(code)
        assert item.rating == rating
        assert item.score == Decimal(score), code
    for code, subtotal in HAND_SUBTOTALS.items():
        assert result.category(code).score == Decimal(subtotal), code
    assert result.total == Decimal(HAND_TOTAL)
    assert result.maximum == 1000
    assert result.complete and result.missing == ()


@pytest.mark.parametrize(("rating", "total"), [(0, "0"), (5, "50"), (50, "500"), (100, "1000")])
def test_uniform_sheet_total_is_rating_times_1000(rating: int, total: str) -> None:
    result = score_sheet(_sheet(dict.fromkeys(GBT_19580_2012.codes, rating)))
    assert result.total == Decimal(total)


def test_item_band_follows_its_rating() -> None:
    ratings = dict.fromkeys(GBT_19580_2012.codes, 50)
    ratings["4.1.2"] = 45
    ratings["4.4.6"] = 90
    result = score_sheet(_sheet(ratings))
    assert result.item("4.1.2").band is ScoringBand.B30_45
    assert result.item("4.4.6").band is ScoringBand.B90_100
    assert result.item("4.7.7").band is ScoringBand.B50_65


def test_missing_item_is_an_error_naming_the_items() -> None:
    ratings = dict.fromkeys(GBT_19580_2012.codes, 50)
    del ratings["4.4.6"], ratings["4.7.7"]
    with pytest.raises(MissingCriterionError, match=r"2 item\(s\) not rated: 4\.4\.6, 4\.7\.7"):
        score_sheet(_sheet(ratings))


def test_missing_items_allowed_explicitly_and_the_result_says_so() -> None:
    ratings = dict.fromkeys(GBT_19580_2012.codes, 50)
    del ratings["4.4.6"], ratings["4.7.7"]
    result = score_sheet(_sheet(ratings), allow_missing=True)
    assert not result.complete
    assert result.missing == ("4.4.6", "4.7.7")
    # 50 % of the rated 1000 - 10 - 50 = 940 points
    assert result.rated_points == 940
    assert result.total == 470
    assert result.item("4.4.6").rating is None and result.item("4.4.6").score is None
    assert result.category("4.4").missing == ("4.4.6",)
    assert result.category("4.4").rated_points == 120
    assert "部分评分" in str(result) and "partial" in result.to_text("en")
    assert any("not rated" in r.en and "4.4.6" in r.en for r in result.reasons)


def test_unknown_item_code_is_an_error() -> None:
    ratings = dict.fromkeys(GBT_19580_2012.codes, 50)
    ratings["4.1.1"] = 50
    with pytest.raises(UnknownCriterionError, match=r"4\.1\.1"):
        score_sheet(_sheet(ratings))


@pytest.mark.parametrize("bad", [62.5, 7, 101, -5, "abc", None, True])
def test_bad_rating_is_an_error_naming_the_item(bad: object) -> None:
    ratings: dict[str, object] = dict.fromkeys(GBT_19580_2012.codes, 50)
    ratings["4.3.3"] = bad
    with pytest.raises(InvalidRatingError, match=r"ScoreSheet\.ratings\['4\.3\.3'\]"):
        _sheet(ratings)


@pytest.mark.parametrize(
    ("args", "kwargs", "pattern"),
    [
        (("张", "示例公司", [("4.1.2", 50)]), {}, "expected a mapping"),
        (("张", "示例公司", {412: 50}), {}, "expected a string key"),
        (("", "示例公司", {}), {}, "reviewer"),
        ((" 张", "示例公司", {}), {}, "reviewer"),
        (("张", None, {}), {}, "applicant"),
    ],
)
def test_sheet_fields_of_wrong_type_raise_the_library_error(
    args: tuple[object, ...], kwargs: dict[str, object], pattern: str
) -> None:
    with pytest.raises(InvalidInputError, match=pattern):
        ScoreSheet(*args, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda: score_sheet({"4.1.2": 50}), "expected a ScoreSheet"),  # type: ignore[arg-type]
        (lambda: score_sheet(_sheet({}), table="GB/T 19580"), "expected a CriteriaTable"),  # type: ignore[arg-type]
        (lambda: score_sheet(_sheet({}), table=GBT_19580_2012.items), "expected a CriteriaTable"),  # type: ignore[arg-type]
        (lambda: score_sheet(_sheet({}), allow_missing="yes"), "allow_missing"),  # type: ignore[arg-type]
    ],
)
def test_entry_point_refuses_wrong_types(call: object, pattern: str) -> None:
    with pytest.raises(InvalidInputError, match=pattern):
        call()  # type: ignore[operator]


def test_table_none_is_gbt_19580_2012() -> None:
    sheet = _sheet({code: rating for code, (rating, _) in HAND.items()})
    assert (
        score_sheet(sheet, table=None)
        == score_sheet(sheet)
        == score_sheet(sheet, table=GBT_19580_2012)
    )


def test_caller_table_is_used_for_points_and_completeness() -> None:
    table = TABLE
    result = score_sheet(_sheet({"A.1": 55, "A.2": 20}), table=table)
    # 30 × 55 % = 16.5; 70 × 20 % = 14
    assert result.total == Decimal("30.5")
    assert result.maximum == 100
    assert result.edition == "demo"
    with pytest.raises(UnknownCriterionError):
        score_sheet(_sheet({"4.1.2": 50}), table=table, allow_missing=True)


def test_reasons_cite_art_17_and_each_item_its_clause() -> None:
    result = score_sheet(_sheet({code: rating for code, (rating, _) in HAND.items()}))
    assert result.reasons[0].citation == measures("Art. 17")
    assert any(r.citation.clause == "附录A" for r in result.reasons)
    assert any(r.citation.clause == "附录C" for r in result.reasons)
    for item in result.items:
        (reason,) = item.reasons
        assert reason.citation == criteria(item.code)
        assert item.code in reason.zh and item.code in reason.en
    # 4.4.3: 15 points × 35 % = 5.25 (the wording is pinned in test_item_and_total_reasons)
    (reason,) = result.item("4.4.3").reasons
    assert reason.citation == criteria("4.4.3")
    assert "15 分 × 35% = 5.25 分（30–45 %）" in reason.zh
    assert "15 points × 35 % = 5.25 points (band 30–45 %)" in reason.en
    assert result.category("4.4").reasons[0].citation == criteria("4.4")


def test_display_and_records() -> None:
    result = score_sheet(_sheet({code: rating for code, (rating, _) in HAND.items()}))
    text = str(result)
    assert "示例公司" in text and "498 / 1000" in text and "4.4.3" in text
    assert "4.4 资源：小计 60.5 / 130 分" in text  # each category's subtotal, as a note
    assert "4.4 Resources: subtotal 60.5 / 130 points." in result.to_text("en")
    assert "<table>" in result._repr_html_()
    records = result.to_records()
    assert len(records) == 23
    assert records[0]["code"] == "4.1.2" and records[0]["score"] == Decimal(35)
    assert all(isinstance(r, dict) for r in records)


def test_json_round_trip_of_sheet_and_result() -> None:
    sheet = _sheet({code: rating for code, (rating, _) in HAND.items()})
    assert from_json(to_json(sheet), ScoreSheet) == sheet
    result = score_sheet(sheet)
    assert from_json(to_json(result), SheetResult) == result
    partial = score_sheet(_sheet({"4.1.2": 50}), allow_missing=True)
    assert from_json(to_json(partial), SheetResult) == partial
    assert from_json(to_json(partial.items[0]), RatedItem) == partial.items[0]
    assert from_json(to_json(partial.categories[0]), CategorySubtotal) == partial.categories[0]


def test_sheet_does_not_mutate_the_callers_mapping() -> None:
    ratings = {"4.1.2": 50}
    sheet = _sheet(ratings)  # type: ignore[arg-type]
    ratings["4.1.3"] = 60
    assert list(sheet.ratings) == ["4.1.2"]


RATING = st.sampled_from(range(0, 101, 5))


@given(st.fixed_dictionaries(dict.fromkeys(GBT_19580_2012.codes, RATING)))
def test_total_lies_in_0_to_1000_and_adds_up(ratings: dict[str, int]) -> None:
    result = score_sheet(_sheet(ratings))  # type: ignore[arg-type]
    assert 0 <= result.total <= 1000
    by_hand = sum(
        (item.points * ratings[item.code] / 100 for item in GBT_19580_2012.items), Decimal(0)
    )
    assert result.total == by_hand
    assert result.total == sum((c.score for c in result.categories), Decimal(0))
    for cat in result.categories:
        assert 0 <= cat.score <= cat.points


# --- faces: caption, table, notes (the two-item table) ----------------------------------


def test_complete_sheet_faces() -> None:
    result = _score({"A.1": 55, "A.2": 20})
    assert result.total == Decimal("30.5")
    assert str(result).splitlines()[0] == "示例公司 — 评审员 张评审：30.5 / 100 分"
    assert result.to_text("en").splitlines()[0] == "示例公司 — reviewer 张评审: 30.5 / 100"
    html = result.to_html("zh")
    assert (
        "<th>条款</th><th>名称</th><th>分值</th><th>评分 %</th><th>得分区间 %</th><th>得分</th>"
        in html
    )
    assert (
        "<tr><td>A.1</td><td>一</td><td>30</td><td>55</td><td>50-65</td><td>16.5</td></tr>" in html
    )
    assert "<tr><td>A.2</td><td>二</td><td>70</td><td>20</td><td>10-25</td><td>14</td></tr>" in html
    # the category's subtotal is a note, just before the total
    assert "<li>[GB/T 19580 A] A 甲：小计 30.5 / 100 分。</li>" in html
    assert str(result).splitlines()[-2:] == [
        "[GB/T 19580 A] A 甲：小计 30.5 / 100 分。",
        "[GB/Z 19579 附录A] 总分 30.5 / 100 分。",
    ]
    assert "<th>item</th><th>name</th><th>points</th>" in result.to_html("en")
    assert "<td>One</td>" in result.to_html("en")


def test_partial_sheet_faces_show_dashes_for_the_unrated_item() -> None:
    result = _score({"A.1": 55}, allow_missing=True)
    assert (result.total, result.rated_points, result.missing) == (
        Decimal("16.5"),
        Decimal(30),
        ("A.2",),
    )
    assert str(result).splitlines()[0] == (
        "示例公司 — 评审员 张评审：16.5 / 100 分（部分评分：1 个条款未评分）"
    )
    assert result.to_text("en").splitlines()[0] == (
        "示例公司 — reviewer 张评审: 16.5 / 100 (partial: 1 item(s) not rated)"
    )
    html = result._repr_html_()
    assert "<tr><td>A.2</td><td>二</td><td>70</td><td>—</td><td>—</td><td>—</td></tr>" in html
    assert "<li>[GB/T 19580 A] A 甲：小计 16.5 / 100 分；未评分：A.2。</li>" in html
    notes = str(result).splitlines()[-3:]
    assert [line.split("]")[0] for line in notes] == [
        "[GB/T 19580 A",  # the subtotal, then the total and what it leaves out
        "[GB/Z 19579 附录A",
        "[GB/Z 19579 附录A",
    ]


def test_records_one_plain_dict_per_item() -> None:
    result = _score({"A.1": 55}, allow_missing=True)
    assert result.to_records(lang="en") == [
        {
            "applicant": "示例公司",
            "reviewer": "张评审",
            "category": "A",
            "code": "A.1",
            "name": "One",
            "name_zh": "一",
            "name_en": "One",
            "kind": "process",
            "points": Decimal(30),
            "rating": Decimal(55),
            "band": "50-65",
            "score": Decimal("16.5"),
        },
        {
            "applicant": "示例公司",
            "reviewer": "张评审",
            "category": "A",
            "code": "A.2",
            "name": "Two",
            "name_zh": "二",
            "name_en": "Two",
            "kind": "result",
            "points": Decimal(70),
            "rating": None,
            "band": None,
            "score": None,
        },
    ]
    assert result.to_records()[0]["name"] == "一"  # the display language, Chinese by default
    assert result.to_records(numbers="float")[0]["score"] == 16.5


# --- reasons: one golden sentence per family, then the figures ---------------------------


def test_item_and_total_reasons() -> None:
    result = _score({"A.1": 55}, allow_missing=True)
    (rated,) = result.item("A.1").reasons
    assert rated == Reason(
        criteria("A.1"),
        "A.1 一：30 分 × 55% = 16.5 分（50–65 %）。",
        "A.1 One: 30 points × 55 % = 16.5 points (band 50–65 %).",
    )
    (unrated,) = result.item("A.2").reasons
    assert unrated == Reason(
        criteria("A.2"), "A.2 二（70 分）未评分。", "A.2 Two (70 points) was not rated."
    )
    assert result.reasons[-2:] == (
        Reason(TABLE.source, "总分 16.5 / 100 分。", "Total 16.5 / 100 points."),
        Reason(
            TABLE.source,
            "部分评分：A.2 未评分；总分只含已评分条款（共 30 分），未评分条款不计为零分。",
            "Partial: A.2 not rated; the total covers only the rated items (30 points) and does "
            "not count the others as zero.",
        ),
    )
    assert result.category("A").reasons == (
        Reason(
            criteria("A"),
            "A 甲：小计 16.5 / 100 分；未评分：A.2。",
            "A Alpha: subtotal 16.5 / 100 points; not rated: A.2.",
        ),
    )


# --- lookups and entry-point errors ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lookup", "code", "what"),
    [("item", "B.1", "item"), ("item", "A", "item"), ("category", "B", "category")],
)
def test_lookups_name_what_was_not_found(lookup: str, code: str, what: str) -> None:
    result = _score({"A.1": 55, "A.2": 20})
    with pytest.raises(UnknownCriterionError) as info:
        getattr(result, lookup)(code)
    assert (info.value.field, info.value.value) == (what, code)
    assert str(info.value).startswith(f"{what}: no such {what} in this result, got '{code}'")
    with pytest.raises(InvalidInputError) as bad:
        getattr(result, lookup)(1)
    assert bad.value.field == what


def test_score_sheet_names_a_sheet_that_is_not_one() -> None:
    with pytest.raises(InvalidInputError) as info:
        score_sheet({"A.1": 55})  # type: ignore[arg-type]
    assert (info.value.field, info.value.value) == ("sheet", {"A.1": 55})
    assert str(info.value).startswith("sheet: expected a ScoreSheet, got {'A.1': 55}")


def test_score_sheet_names_its_allow_missing_flag() -> None:
    with pytest.raises(InvalidInputError) as info:
        _score({"A.1": 55, "A.2": 20}, allow_missing="yes")
    assert (info.value.field, info.value.value) == ("allow_missing", "yes")


def test_lowest_band_is_named_in_chinese_in_the_chinese_sentence() -> None:
    # 附录C's lowest band is "0 % or 5 %": the Chinese sentence says 0% 或 5%.
    (reason,) = _score({"A.1": 5, "A.2": 0}).item("A.1").reasons
    assert reason == Reason(
        criteria("A.1"),
        "A.1 一：30 分 × 5% = 1.5 分（0% 或 5%）。",
        "A.1 One: 30 points × 5 % = 1.5 points (band 0 % or 5 %).",
    )
