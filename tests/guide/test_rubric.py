"""Guide Appendix B, table B.1: the rubric as data, checked against the printed table.

Every expectation is read from table B.1 as printed (DB31113/Z 005—2022, Appendix B:
category and sub-item names and points, the 考核内容 rows under each sub-item, the
erratum "4.2" → 4.3, the bonus and deduction rows), never copied from a run.

``RUBRIC`` is built once, when the module is imported, and a mutation run switches
its mutants on only after that import: a test that only reads ``RUBRIC`` cannot see a
change in ``_build``.  So the table is also built afresh and checked against the
print, and the builder is fed mistyped tables to see the import-time check refuse
them.  Lookup errors keep the library's format ``field: problem, got value (clause)``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from baoshan_quality import RUBRIC, HonorLevel, InvalidInputError
from baoshan_quality.errors import TableError, UnknownCriterionError
from baoshan_quality.guide import rubric as rubric_module
from baoshan_quality.guide.rubric import (
    BONUS_CAP,
    DEDUCTION_POINTS,
    RUBRIC_CITATION,
    Criterion,
    Method,
    Rubric,
)

# Table B.1 as printed: category code -> (考核项目, points); sub-item -> (考核分项, points).
PRINTED_CATEGORIES = {
    "1": ("质量环境", 10),
    "2": ("质量基础", 30),
    "3": ("质量品牌", 10),
    "4": ("质量协同", 20),
    "5": ("质量成效", 30),
}
PRINTED_SUB_ITEMS = {
    "1.1": ("组织保障", 5),
    "1.2": ("计划实施", 5),
    "2.1": ("质量报告", 10),
    "2.2": ("质量宣传", 8),
    "2.3": ("质量教育", 8),
    "2.4": ("质量服务", 4),
    "3.1": ("品牌培育", 5),
    "3.2": ("荣誉申报", 5),
    "4.1": ("日常协同", 5),
    "4.2": ("质量月", 10),
    "4.3": ("质量调研", 5),  # printed "4.2" a second time (erratum)
    "5.1": ("质量提升", 24),
    "5.2": ("质量特色", 6),
}
# Points of the 考核内容 rows printed under each sub-item, in printed order.
PRINTED_ROW_POINTS = {
    "1.1": [3, 2],
    "1.2": [2, 3],
    "2.1": [6, 2, 2],
    "2.2": [6, 2],
    "2.3": [6, 2],
    "2.4": [4],
    "3.1": [1, 2, 2],
    "3.2": [5],
    "4.1": [3, 2],
    "4.2": [2, 4, 4],
    "4.3": [5],
    "5.1": [4, 4, 4, 10, 2],
    "5.2": [2, 2, 2],
}


def _check_against_table_b1(table: Rubric) -> None:
    assert table.total == Decimal(100)
    assert [c.code for c in table.categories] == list(PRINTED_CATEGORIES)
    for cat in table.categories:
        name, points = PRINTED_CATEGORIES[cat.code]
        assert (cat.name_zh, cat.points, str(cat.citation)) == (
            name,
            points,
            f"Guide Appendix B {cat.code}",
        )
        assert cat.name_en
        assert [s.code for s in cat.sub_items] == [
            s for s in PRINTED_SUB_ITEMS if s.split(".")[0] == cat.code
        ]
        assert table.category(cat.code) is cat
    for sub in table.sub_items:
        name, points = PRINTED_SUB_ITEMS[sub.code]
        cite = f"Guide Appendix B {sub.code}"
        assert (sub.name_zh, sub.points, str(sub.citation)) == (name, points, cite)
        assert sub.name_en
        assert [c.points for c in sub.criteria] == PRINTED_ROW_POINTS[sub.code]
        assert table.sub_item(sub.code) is sub
        for n, crit in enumerate(sub.criteria, start=1):
            assert crit.code == f"{sub.code}.{n}"
            assert isinstance(crit.points, Decimal)
            assert str(crit.citation) == cite
            assert crit.name_zh and crit.name_en and crit.methods
            assert table.criterion(crit.code) is crit
    assert len(table.criteria) == 30
    assert list(table) == list(table.criteria)


# --- table B.1 as printed ----------------------------------------------------------------


def test_table_b1_built_afresh_matches_the_printed_table() -> None:
    _check_against_table_b1(rubric_module._build())


def test_the_imported_rubric_matches_the_printed_table_too() -> None:
    _check_against_table_b1(RUBRIC)


def test_appendix_b_category_points_are_10_30_10_20_30_and_total_100() -> None:
    assert {c.code: c.points for c in RUBRIC.categories} == {
        k: Decimal(points) for k, (_, points) in PRINTED_CATEGORIES.items()
    }
    assert RUBRIC.total == 100
    assert sum(c.points for c in RUBRIC.criteria) == 100


def test_appendix_b_sub_items_sum_their_printed_rows() -> None:
    assert [s.code for s in RUBRIC.sub_items] == list(PRINTED_SUB_ITEMS)
    for sub in RUBRIC.sub_items:
        assert sub.points == PRINTED_SUB_ITEMS[sub.code][1], sub.code
        assert len(sub.criteria) == len(PRINTED_ROW_POINTS[sub.code]), sub.code
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


def test_table_b1_rows_read_as_printed_when_built_afresh() -> None:
    table = rubric_module._build()
    first = table.criterion("1.1.1")
    assert first.name_zh == "加强组织领导，落实工作责任，单位领导出席区质量工作会议"
    assert first.methods == (Method.DOCUMENTS, Method.MEETING_SIGN_IN)
    survey = table.criterion("4.3.1")
    assert survey.name_zh == "配合区质量办落实企业质量状况调研、满意度测评等任务"
    assert survey.methods == (Method.DOCUMENTS, Method.RECEIPT_RECORDS)
    assert table.criterion("5.1.4").points == 10


def test_assessment_methods_printed_for_1_1_and_category_4() -> None:
    assert RUBRIC.criterion("1.1.1").methods == (Method.DOCUMENTS, Method.MEETING_SIGN_IN)
    assert RUBRIC.criterion("1.2.1").methods == (Method.DOCUMENTS,)
    assert Method.RECEIPT_RECORDS in RUBRIC.criterion("4.3.1").methods


def test_bonus_and_deduction_rows() -> None:
    # 加分项: national 3, municipal 2, district 1, in total at most 5; 减分项: 5.
    assert [(h, h.points) for h in HonorLevel] == [
        (HonorLevel.NATIONAL, 3),
        (HonorLevel.MUNICIPAL, 2),
        (HonorLevel.DISTRICT, 1),
    ]
    assert BONUS_CAP == 5
    assert DEDUCTION_POINTS == 5


# --- the import-time check refuses a mistyped table ---------------------------------------


def test_a_criterion_row_with_wrong_points_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2.1.1 printed as 6; typed as 7, 2.1 would sum to 11 against its printed 10.
    rows = tuple(
        (code, zh, en, 7 if code == "2.1.1" else pts, m)
        for code, zh, en, pts, m in rubric_module._ROWS
    )
    monkeypatch.setattr(rubric_module, "_ROWS", rows)
    with pytest.raises(TableError) as info:
        rubric_module._build()
    assert str(info.value) == "Appendix B 2.1: criteria sum to 11, not 10"


def test_a_sub_item_with_wrong_points_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # 3.2 printed as 5 with one 5-point row; typed as 4 the rows no longer add up.
    subs = tuple(
        (code, zh, en, 4 if code == "3.2" else pts)
        for code, zh, en, pts in rubric_module._SUB_ITEMS
    )
    monkeypatch.setattr(rubric_module, "_SUB_ITEMS", subs)
    with pytest.raises(TableError) as info:
        rubric_module._build()
    assert str(info.value) == "Appendix B 3.2: criteria sum to 5, not 4"


def test_a_category_with_wrong_points_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Category 4 printed as 20 (5 + 10 + 5); typed as 25.
    cats = tuple(
        (code, zh, en, 25 if code == "4" else pts)
        for code, zh, en, pts in rubric_module._CATEGORIES
    )
    monkeypatch.setattr(rubric_module, "_CATEGORIES", cats)
    with pytest.raises(TableError) as info:
        rubric_module._build()
    assert str(info.value) == "Appendix B 4: sub-items sum to 20, not 25"


def test_a_wrong_grand_total_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rubric_module, "_PRINTED_TOTAL", 99)
    with pytest.raises(TableError) as info:
        rubric_module._build()
    assert str(info.value) == "Appendix B: categories sum to 100, not 99"


def test_a_row_under_no_sub_item_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # A stray row numbered under a sub-item that does not exist is lost from the table.
    stray = ("6.1.1", "多出的一行", "A stray row", 0, (Method.DOCUMENTS,))
    monkeypatch.setattr(rubric_module, "_ROWS", (*rubric_module._ROWS, stray))
    with pytest.raises(TableError, match="^Appendix B") as info:
        rubric_module._build()
    assert str(info.value) == (
        "Appendix B: 1 criteria rows are numbered under no sub-item of the table"
    )


# --- lookups ----------------------------------------------------------------------------


def test_iterating_the_rubric_gives_the_thirty_criteria_in_table_order() -> None:
    criteria = list(RUBRIC)
    assert len(criteria) == 30
    assert all(isinstance(c, Criterion) for c in criteria)
    assert [c.code for c in criteria[:3]] == ["1.1.1", "1.1.2", "1.2.1"]
    assert criteria[-1].code == "5.2.3"


def test_a_rubric_indexes_the_categories_it_is_given() -> None:
    # A one-category rubric made of the printed category 3 (质量品牌, 10 points).
    brands = RUBRIC.category("3")
    small = Rubric((brands,), Decimal(10))
    assert small.category("3") is brands
    assert small.sub_item("3.2") is brands.sub_items[1]
    assert small.criterion("3.1.3").points == 2
    assert small.has_criterion("3.1.1") and not small.has_criterion("2.1.1")
    with pytest.raises(UnknownCriterionError):
        small.category("1")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2.1.1", True),
        ("4.3.1", True),
        ("2.1", False),
        ("2", False),
        ("4.2.4", False),
        (211, False),
        (None, False),
        (b"2.1.1", False),
    ],
)
def test_has_criterion_only_of_a_criterion_code(code: object, expected: bool) -> None:
    assert RUBRIC.has_criterion(code) is expected


# The golden sentence of each lookup's "unknown code" error: (code, message).
GOLDEN_UNKNOWN = {
    "criterion": (
        "4.2.4",
        "criterion: no such criterion in table B.1, got '4.2.4' (Guide Appendix B, Table B.1)",
    ),
    "sub-item": (
        "4.4",
        "sub-item: no such sub-item in table B.1, got '4.4' (Guide Appendix B, Table B.1)",
    ),
    "category": (
        "6",
        "category: no such category in table B.1, got '6' (Guide Appendix B, Table B.1)",
    ),
}


@pytest.mark.parametrize(
    ("lookup", "code", "what"),
    [
        (RUBRIC.criterion, "4.2.4", "criterion"),  # 4.2 has three rows
        (RUBRIC.criterion, "6.1.1", "criterion"),  # five categories
        (RUBRIC.criterion, "1.1", "criterion"),  # a sub-item is not a criterion
        (RUBRIC.criterion, "", "criterion"),
        (RUBRIC.criterion, "2.1.1 ", "criterion"),  # no stripping
        (RUBRIC.sub_item, "4.4", "sub-item"),  # category 4 has three sub-items
        (RUBRIC.sub_item, "2.1.1", "sub-item"),  # a criterion is not a sub-item
        (RUBRIC.category, "6", "category"),  # five categories
        (RUBRIC.category, "1.1", "category"),
    ],
)
def test_unknown_codes_name_the_kind_the_code_and_table_b1(
    lookup: Callable[[str], object], code: str, what: str
) -> None:
    with pytest.raises(UnknownCriterionError) as info:
        lookup(code)
    err = info.value
    assert (err.field, err.value, err.citation) == (what, code, RUBRIC_CITATION)
    assert f"no such {what} in table B.1" in str(err)
    golden_code, golden = GOLDEN_UNKNOWN[what]
    if code == golden_code:
        assert str(err) == golden


@pytest.mark.parametrize(
    ("lookup", "what"),
    [(RUBRIC.criterion, "criterion"), (RUBRIC.sub_item, "sub-item"), (RUBRIC.category, "category")],
)
@pytest.mark.parametrize("code", [211, None, b"2.1.1"])
def test_a_code_that_is_not_a_string_is_named(
    lookup: Callable[[object], object], what: str, code: object
) -> None:
    with pytest.raises(InvalidInputError) as info:
        lookup(code)
    err = info.value
    assert not isinstance(err, UnknownCriterionError)
    assert (err.field, err.value) == (what, code)
    assert str(err).startswith(f"{what}: expected a code string such as '2.1.1', got {code!r}")
