"""One reviewer's score sheet: faces, records, reasons and errors a mutation run found.

A two-item table written here (category A, 100 points: A.1 process 30, A.2 result
70) keeps every figure checkable by hand: an item scores points × rating ÷ 100
(GB/Z 19579-2012 附录A, 附录C), so A.1 at 55 % scores 16.5 and A.2 at 20 % 14; a
partial sheet leaves the unrated item out of the total (it is not counted as zero).
Errors follow ``field: problem, got value (clause)``.  None is copied from a run.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from baoshan_quality.errors import InvalidInputError, UnknownCriterionError
from baoshan_quality.excellence.sheet import ScoreSheet, SheetResult, score_sheet
from baoshan_quality.excellence.table import (
    CriteriaCategory,
    CriteriaItem,
    CriteriaTable,
    ItemKind,
)

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


def _score(ratings: dict[str, object], **kwargs: object) -> SheetResult:
    return score_sheet(ScoreSheet("张评审", "示例公司", ratings), table=TABLE, **kwargs)  # type: ignore[arg-type]


def test_complete_sheet_faces() -> None:
    result = _score({"A.1": 55, "A.2": 20})
    assert result.total == Decimal("30.5")
    text = str(result)
    assert text.splitlines()[0] == "示例公司 — reviewer 张评审: 30.5 / 100"
    html = result._repr_html_()
    assert (
        "<th>code</th><th>条款</th><th>points</th><th>rating</th><th>score</th><th>band</th>"
        in (html)
    )
    # the category row leaves rating and band empty; its items follow it
    assert "<tr><td>A</td><td>甲</td><td>100</td><td></td><td>30.5</td><td></td></tr>" in html
    assert (
        "<tr><td>  A.1</td><td>一</td><td>30</td><td>55 %</td><td>16.5</td><td>50-65</td></tr>"
        in html
    )
    assert (
        "<tr><td>  A.2</td><td>二</td><td>70</td><td>20 %</td><td>14</td><td>10-25</td></tr>"
        in (html)
    )


def test_partial_sheet_faces_show_dashes_for_the_unrated_item() -> None:
    result = _score({"A.1": 55}, allow_missing=True)
    assert (result.total, result.rated_points, result.missing) == (
        Decimal("16.5"),
        Decimal(30),
        ("A.2",),
    )
    assert str(result).splitlines()[0] == (
        "示例公司 — reviewer 张评审: 16.5 / 100 (partial: 1 item(s) not rated)"
    )
    html = result._repr_html_()
    assert "<tr><td>  A.2</td><td>二</td><td>70</td><td>—</td><td>—</td><td>—</td></tr>" in html
    assert "<tr><td>A</td><td>甲</td><td>100</td><td></td><td>16.5</td><td></td></tr>" in html


def test_records_one_plain_dict_per_item() -> None:
    result = _score({"A.1": 55}, allow_missing=True)
    assert result.to_records() == [
        {
            "applicant": "示例公司",
            "reviewer": "张评审",
            "category": "A",
            "code": "A.1",
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
            "name_zh": "二",
            "name_en": "Two",
            "kind": "result",
            "points": Decimal(70),
            "rating": None,
            "band": None,
            "score": None,
        },
    ]


def test_item_and_total_reasons() -> None:
    result = _score({"A.1": 55}, allow_missing=True)
    (rated,) = result.item("A.1").reasons
    assert rated.zh == "A.1 一：30 分 × 55% = 16.5 分（50–65 %）。"
    (unrated,) = result.item("A.2").reasons
    assert unrated.zh == "A.2 二（70 分）未评分。"
    ens = [r.en for r in result.reasons]
    assert "Total 16.5 / 100 points." in ens
    assert (
        "Partial: A.2 not rated; the total covers only the rated items (30 points) and does "
        "not count the others as zero."
    ) in ens


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
