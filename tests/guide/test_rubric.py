"""Guide Appendix B, table B.1: the rubric as data, checked against the printed table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from baoshan_quality import RUBRIC, HonorLevel, InvalidInputError
from baoshan_quality.errors import UnknownCriterionError
from baoshan_quality.guide.rubric import BONUS_CAP, DEDUCTION_POINTS, Method

# Printed points of every category and sub-item (table B.1, read from the source).
PRINTED_CATEGORIES = {"1": 10, "2": 30, "3": 10, "4": 20, "5": 30}
PRINTED_SUB_ITEMS = {
    "1.1": 5, "1.2": 5, "2.1": 10, "2.2": 8, "2.3": 8, "2.4": 4, "3.1": 5, "3.2": 5,
    "4.1": 5, "4.2": 10, "4.3": 5, "5.1": 24, "5.2": 6,
}  # fmt: skip
# Number of 考核内容 rows printed under each sub-item.
PRINTED_ROWS = {
    "1.1": 2, "1.2": 2, "2.1": 3, "2.2": 2, "2.3": 2, "2.4": 1, "3.1": 3, "3.2": 1,
    "4.1": 2, "4.2": 3, "4.3": 1, "5.1": 5, "5.2": 3,
}  # fmt: skip


def test_appendix_b_category_points_are_10_30_10_20_30_and_total_100() -> None:
    assert {c.code: c.points for c in RUBRIC.categories} == {
        k: Decimal(v) for k, v in PRINTED_CATEGORIES.items()
    }
    assert RUBRIC.total == 100
    assert sum(c.points for c in RUBRIC.criteria) == 100


def test_appendix_b_sub_items_match_the_printed_points_and_rows() -> None:
    assert [s.code for s in RUBRIC.sub_items] == list(PRINTED_SUB_ITEMS)
    for sub in RUBRIC.sub_items:
        assert sub.points == PRINTED_SUB_ITEMS[sub.code], sub.code
        assert len(sub.criteria) == PRINTED_ROWS[sub.code], sub.code
        assert sum(c.points for c in sub.criteria) == sub.points, sub.code


def test_thirty_criteria_numbered_in_table_order() -> None:
    codes = [c.code for c in RUBRIC.criteria]
    assert len(codes) == 30
    assert codes[:4] == ["1.1.1", "1.1.2", "1.2.1", "1.2.2"]
    assert codes[-3:] == ["5.2.1", "5.2.2", "5.2.3"]
    for code in codes:
        sub, _, n = code.rpartition(".")
        assert code == f"{sub}.{n}" and RUBRIC.criterion(code).code == code


def test_erratum_second_4_2_is_4_3_quality_surveys_of_5_points() -> None:
    sub = RUBRIC.sub_item("4.3")
    assert (sub.name_zh, sub.points) == ("质量调研", 5)
    assert sub.criteria[0].name_zh == "配合区质量办落实企业质量状况调研、满意度测评等任务"
    assert RUBRIC.sub_item("4.2").name_zh == "质量月"


@pytest.mark.parametrize(
    ("code", "points", "name"),
    [
        ("1.1.1", 3, "加强组织领导，落实工作责任，单位领导出席区质量工作会议"),
        ("2.1.1", 6, "编制发布街镇（园区）质量状况分析报告"),
        ("3.1.1", 1, "制定辖区质量品牌发展政策"),
        ("3.2.1", 5, "积极开展质量荣誉申报"),
        (
            "5.1.4",
            10,
            "运用质量、标准、计量、认证、检验检测、知识产权等手段，推动重点行业、领域、产业质量提升",
        ),
    ],
)
def test_criteria_read_like_the_table(code: str, points: int, name: str) -> None:
    criterion = RUBRIC.criterion(code)
    assert (criterion.points, criterion.name_zh) == (points, name)
    assert criterion.name_en
    assert str(criterion.citation) == f"Guide Appendix B {code.rsplit('.', 1)[0]}"


def test_assessment_methods_printed_for_1_1_and_category_4() -> None:
    assert RUBRIC.criterion("1.1.1").methods == (Method.DOCUMENTS, Method.MEETING_SIGN_IN)
    assert RUBRIC.criterion("1.2.1").methods == (Method.DOCUMENTS,)
    assert Method.RECEIPT_RECORDS in RUBRIC.criterion("4.3.1").methods


def test_bonus_and_deduction_rows() -> None:
    assert [(h, h.points) for h in HonorLevel] == [
        (HonorLevel.NATIONAL, 3),
        (HonorLevel.MUNICIPAL, 2),
        (HonorLevel.DISTRICT, 1),
    ]
    assert BONUS_CAP == 5
    assert DEDUCTION_POINTS == 5


@pytest.mark.parametrize("code", ["6.1.1", "4.2.4", "1.1", "", "2.1.1 "])
def test_unknown_criterion_code_is_an_error(code: str) -> None:
    with pytest.raises(UnknownCriterionError, match="no such criterion"):
        RUBRIC.criterion(code)


@pytest.mark.parametrize("code", [211, None, b"2.1.1"])
def test_criterion_lookup_with_a_non_string_is_the_librarys_error(code: object) -> None:
    with pytest.raises(InvalidInputError):
        RUBRIC.criterion(code)  # type: ignore[arg-type]
