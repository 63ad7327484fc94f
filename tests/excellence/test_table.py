"""GB/T 19580-2012 score table (GB/Z 19579-2012 附录A as SPEC §6 records it)."""

from __future__ import annotations

import pathlib
import re
from decimal import Decimal

import pytest

from baoshan_quality.citations import Citation, Document, criteria
from baoshan_quality.errors import (
    InvalidInputError,
    StructureError,
    TableError,
    UnknownCriterionError,
)
from baoshan_quality.excellence import (
    GBT_19580_2012,
    CriteriaCategory,
    CriteriaItem,
    CriteriaTable,
    EvaluationDimension,
    ItemKind,
)
from baoshan_quality.serialization import from_json, to_json, unstructure

# The printed table, keyed by hand from SPEC §6 (not from the code).
PRINTED = {
    "4.1": (110, {"4.1.2": 50, "4.1.3": 30, "4.1.4": 30}),
    "4.2": (90, {"4.2.2": 40, "4.2.3": 50}),
    "4.3": (90, {"4.3.2": 40, "4.3.3": 50}),
    "4.4": (
        130,
        {"4.4.2": 60, "4.4.3": 15, "4.4.4": 20, "4.4.5": 15, "4.4.6": 10, "4.4.7": 10},
    ),
    "4.5": (100, {"4.5.2": 50, "4.5.3": 50}),
    "4.6": (80, {"4.6.2": 40, "4.6.3": 40}),
    "4.7": (
        400,
        {"4.7.2": 80, "4.7.3": 80, "4.7.4": 80, "4.7.5": 60, "4.7.6": 50, "4.7.7": 50},
    ),
}

NAMES_ZH = {
    "4.1": "领导",
    "4.1.2": "高层领导的作用",
    "4.1.3": "组织治理",
    "4.1.4": "社会责任",
    "4.2": "战略",
    "4.2.2": "战略制定",
    "4.2.3": "战略部署",
    "4.3": "顾客与市场",
    "4.3.2": "顾客和市场的了解",
    "4.3.3": "顾客关系与顾客满意",
    "4.4": "资源",
    "4.4.2": "人力资源",
    "4.4.3": "财务资源",
    "4.4.4": "信息和知识资源",
    "4.4.5": "技术资源",
    "4.4.6": "基础设施",
    "4.4.7": "相关方关系",
    "4.5": "过程管理",
    "4.5.2": "过程的识别与设计",
    "4.5.3": "过程的实施与改进",
    "4.6": "测量、分析与改进",
    "4.6.2": "测量、分析和评价",
    "4.6.3": "改进与创新",
    "4.7": "结果",
    "4.7.2": "产品和服务结果",
    "4.7.3": "顾客与市场结果",
    "4.7.4": "财务结果",
    "4.7.5": "资源结果",
    "4.7.6": "过程有效性结果",
    "4.7.7": "领导方面的结果",
}


def test_appendix_a_total_1000_seven_categories_23_items() -> None:
    assert GBT_19580_2012.total == 1000
    assert [c.code for c in GBT_19580_2012.categories] == list(PRINTED)
    assert len(GBT_19580_2012.items) == 23


@pytest.mark.parametrize("code", list(PRINTED))
def test_appendix_a_category_points_and_items_as_printed(code: str) -> None:
    points, items = PRINTED[code]
    cat = GBT_19580_2012.category(code)
    assert cat.points == points
    assert {i.code: i.points for i in cat.items} == items
    assert sum(items.values()) == points  # the printed sums check


def test_appendix_a_category_sums_add_to_1000() -> None:
    assert sum(points for points, _ in PRINTED.values()) == 1000
    assert sum(c.points for c in GBT_19580_2012.categories) == GBT_19580_2012.total


@pytest.mark.parametrize("code", list(NAMES_ZH))
def test_names_as_printed(code: str) -> None:
    row = GBT_19580_2012.category(code) if code.count(".") == 1 else GBT_19580_2012.item(code)
    assert row.name_zh == NAMES_ZH[code]
    assert row.name_en and row.name_en.strip() == row.name_en


@pytest.mark.parametrize("item", GBT_19580_2012.items, ids=lambda i: i.code)
def test_every_row_cites_its_gbt_19580_clause_and_gbz_19579_appendix_a(item: CriteriaItem) -> None:
    assert item.clause == criteria(item.code)
    assert item.source == Citation(Document.CRITERIA_GUIDE, f"附录A {item.code}")


def test_items_of_4_1_to_4_6_are_process_items_on_approach_deployment_learning_integration() -> (
    None
):
    for item in GBT_19580_2012.items:
        if item.code.startswith("4.7."):
            assert item.kind is ItemKind.RESULT
            assert [d.zh for d in item.dimensions] == ["水平", "趋势", "对比", "整合"]
            assert item.dimensions == (
                EvaluationDimension.LEVELS,
                EvaluationDimension.TRENDS,
                EvaluationDimension.COMPARISONS,
                EvaluationDimension.INTEGRATION,
            )
        else:
            assert item.kind is ItemKind.PROCESS
            assert [d.zh for d in item.dimensions] == ["方法", "展开", "学习", "整合"]


def test_items_are_numbered_from_x_2_after_the_general_clause() -> None:
    for cat in GBT_19580_2012.categories:
        assert [i.code for i in cat.items] == [
            f"{cat.code}.{n}" for n in range(2, 2 + len(cat.items))
        ]


def test_lookup_errors_name_the_code() -> None:
    with pytest.raises(UnknownCriterionError, match=r"4\.1\.1"):
        GBT_19580_2012.item("4.1.1")  # 总则 carries no points
    with pytest.raises(UnknownCriterionError, match=r"4\.8"):
        GBT_19580_2012.category("4.8")
    with pytest.raises(InvalidInputError, match="code string"):
        GBT_19580_2012.item(412)
    with pytest.raises(InvalidInputError):
        GBT_19580_2012.category(None)
    assert GBT_19580_2012.category_of("4.4.6").code == "4.4"


# --- another edition's table ------------------------------------------------------


def _small(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "edition": "demo 2030",
        "total": 100,
        "categories": [
            CriteriaCategory(
                "A", "甲", "Alpha", 40, [CriteriaItem("A.1", "一", "One", 40, ItemKind.PROCESS)]
            ),
            CriteriaCategory(
                "B",
                "乙",
                "Beta",
                60,
                [
                    CriteriaItem("B.1", "二", "Two", 25, ItemKind.RESULT),
                    CriteriaItem("B.2", "三", "Three", 35, ItemKind.RESULT),
                ],
            ),
        ],
    }
    data.update(changes)
    return data


def test_caller_table_of_another_edition_is_accepted() -> None:
    table = CriteriaTable(**_small())  # type: ignore[arg-type]
    assert table.codes == ("A.1", "B.1", "B.2")
    assert table.total == 100


@pytest.mark.parametrize(
    ("changes", "pattern"),
    [
        ({"total": 90}, r"CriteriaTable\.total: expected the sum of the categories' points, 100"),
        ({"categories": []}, "at least one category"),
        (
            {"categories": [CriteriaCategory("A", "甲", "Alpha", 40, [])], "total": 40},
            "at least one item",
        ),
        (
            {
                "categories": [
                    CriteriaCategory(
                        "A",
                        "甲",
                        "Alpha",
                        50,
                        [CriteriaItem("A.1", "一", "One", 40, ItemKind.PROCESS)],
                    )
                ],
                "total": 50,
            },
            r"categories\['A'\]\.points: expected the sum of its items' points, 40",
        ),
        (
            {
                "categories": [
                    CriteriaCategory(
                        "A",
                        "甲",
                        "Alpha",
                        80,
                        [
                            CriteriaItem("A.1", "一", "One", 40, ItemKind.PROCESS),
                            CriteriaItem("A.1", "二", "Two", 40, ItemKind.PROCESS),
                        ],
                    )
                ],
                "total": 80,
            },
            "duplicate code",
        ),
        (
            {
                "categories": [
                    CriteriaCategory(
                        "A",
                        "甲",
                        "Alpha",
                        40,
                        [CriteriaItem("B.1", "一", "One", 40, ItemKind.PROCESS)],
                    )
                ],
                "total": 40,
            },
            "must start with its category's code 'A.'",
        ),
    ],
)
def test_caller_table_inconsistent_is_refused(changes: dict[str, object], pattern: str) -> None:
    with pytest.raises(TableError, match=pattern):
        CriteriaTable(**_small(**changes))  # type: ignore[arg-type]


@pytest.mark.parametrize("points", [0, -10, "abc", None, True, float("nan")])
def test_item_points_must_be_a_positive_number(points: object) -> None:
    with pytest.raises(InvalidInputError, match=r"CriteriaItem\.points"):
        CriteriaItem("A.1", "一", "One", points, ItemKind.PROCESS)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "process"}, "kind"),
        ({"code": ""}, "code"),
        ({"name_en": 5}, "name_en"),
        ({"clause": "GB/T 19580 4.1"}, "clause"),
    ],
)
def test_item_fields_of_wrong_type_raise_the_library_error(
    kwargs: dict[str, object], field: str
) -> None:
    base: dict[str, object] = {
        "code": "A.1",
        "name_zh": "一",
        "name_en": "One",
        "points": 10,
        "kind": ItemKind.PROCESS,
    }
    base.update(kwargs)
    with pytest.raises(InvalidInputError, match=field):
        CriteriaItem(**base)  # type: ignore[arg-type]


def test_categories_not_a_sequence_of_categories_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="categories"):
        CriteriaTable(edition="x", total=10, categories="4.1")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"categories\[0\]"):
        CriteriaTable(edition="x", total=10, categories=[{"code": "4.1"}])  # type: ignore[list-item]


def test_default_table_json_round_trip() -> None:
    assert from_json(to_json(GBT_19580_2012), CriteriaTable) == GBT_19580_2012


def test_caller_table_read_from_json_round_trips_and_is_validated() -> None:
    table = CriteriaTable(**_small())  # type: ignore[arg-type]
    text = to_json(table)
    assert from_json(text, CriteriaTable) == table
    data = unstructure(table)
    data["total"] = "90"
    with pytest.raises(StructureError, match="sum of the categories' points, 100"):
        from_json(__import__("json").dumps(data), CriteriaTable)


@pytest.mark.parametrize(
    "value",
    [
        GBT_19580_2012.items[0],
        GBT_19580_2012.categories[0],
        EvaluationDimension.APPROACH,
        ItemKind.RESULT,
    ],
)
def test_table_parts_json_round_trip(value: object) -> None:
    assert from_json(to_json(value), type(value)) == value


def test_display_and_records() -> None:
    text = str(GBT_19580_2012)
    assert "4.1.2" in text and "高层领导的作用" in text and "1000" in text
    assert (
        text.splitlines()[0]
        == "GB/T 19580-2012 (GB/Z 19579-2012 附录A)：23 个评分条款，满分 1000 分"
    )
    assert "过程" in text and "process" not in text  # Chinese names in the Chinese table
    en = GBT_19580_2012.to_text("en")
    assert "Role of senior leaders" in en and "process" in en and "result" in en
    assert "<table>" in GBT_19580_2012._repr_html_()
    records = GBT_19580_2012.to_records(lang="en")
    assert len(records) == 7 + 23
    assert records[1] == {
        "code": "4.1.2",
        "level": "item",
        "name": "Role of senior leaders",
        "name_zh": "高层领导的作用",
        "name_en": "Role of senior leaders",
        "points": Decimal("50"),
        "kind": "process",
        "kind_name": "process",
        "clause": "GB/T 19580 4.1.2",
        "source": "GB/Z 19579 附录A 4.1.2",
    }
    # a category: no kind; in Chinese the names are the Chinese ones
    category = GBT_19580_2012.to_records()[0]
    assert (category["level"], category["name"], category["kind"], category["kind_name"]) == (
        "category",
        "领导",
        "",
        None,
    )


def test_excellence_is_pure_scoring_and_imports_neither_award_nor_guide() -> None:
    root = pathlib.Path(__file__).parents[2] / "src" / "baoshan_quality" / "excellence"
    pattern = re.compile(r"^\s*(from|import)\s+baoshan_quality\.(award|guide)\b", re.M)
    for path in root.glob("*.py"):
        assert not pattern.search(path.read_text(encoding="utf-8")), path.name
