"""The GB/T 19580-2012 score table: 7 categories, 23 items, 1000 points.

Measures Art. 17 names GB/T 19580《卓越绩效评价准则》 as the award's evaluation
standard.  The points of each item are not in GB/T 19580 itself but in its
implementation guide, GB/Z 19579-2012 附录A (资料性附录) 评分条款分值表.  Neither
document is in this project's ``sources/``: the table below was keyed from the
published table (as SPEC §6 records it) and its sums check, but it has **not**
been confirmed against the printed text here.  It ships as data with that caveat;
a caller may build and pass another edition's table (:class:`CriteriaTable`
validates it: unique codes, items inside their category, category sums, total).

Each category ``4.n`` of GB/T 19580-2012 opens with a general clause ``4.n.1``
(总则) that carries no points, so the scored items are numbered from ``4.n.2``.
Items of 4.1–4.6 are *process* items (rated on approach, deployment, learning,
integration — 方法、展开、学习、整合); items of 4.7 are *result* items (levels,
trends, comparisons, integration — 水平、趋势、对比、整合), GB/Z 19579-2012 附录C.

>>> GBT_19580_2012.total, len(GBT_19580_2012.categories), len(GBT_19580_2012.items)
(Decimal('1000'), 7, 23)
>>> item = GBT_19580_2012.item("4.1.2")
>>> item.name_zh, item.points, item.kind.value, str(item.clause), str(item.source)
('高层领导的作用', Decimal('50'), 'process', 'GB/T 19580 4.1.2', 'GB/Z 19579 附录A 4.1.2')
>>> [d.en for d in GBT_19580_2012.item("4.7.4").dimensions]
['levels', 'trends', 'comparisons', 'integration']
>>> GBT_19580_2012.category("4.7").points
Decimal('400')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from baoshan_quality._decimals import DecimalInput, exact, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_enum,
    is_instance,
    is_name,
    is_text,
    is_tuple_of,
    to_name,
    to_tuple,
)
from baoshan_quality.citations import Citation, Document, criteria
from baoshan_quality.errors import InvalidInputError, TableError, UnknownCriterionError

__all__ = [
    "GBT_19580_2012",
    "SCORE_TABLE_CITATION",
    "SCORING_GUIDE_CITATION",
    "CriteriaCategory",
    "CriteriaItem",
    "CriteriaTable",
    "EvaluationDimension",
    "ItemKind",
]

#: GB/Z 19579-2012 附录A 评分条款分值表 — the points of the default table.
SCORE_TABLE_CITATION: Citation = Citation(Document.CRITERIA_GUIDE, "附录A")
#: GB/Z 19579-2012 附录C 卓越绩效评价要素和评分指南 — dimensions, bands, 5 % steps.
SCORING_GUIDE_CITATION: Citation = Citation(Document.CRITERIA_GUIDE, "附录C")


class EvaluationDimension(enum.Enum):
    """评价要素 — what a rating weighs (GB/Z 19579-2012 附录C).

    >>> EvaluationDimension.TRENDS.zh, EvaluationDimension.TRENDS.en
    ('趋势', 'trends')
    """

    APPROACH = "approach"
    DEPLOYMENT = "deployment"
    LEARNING = "learning"
    INTEGRATION = "integration"
    LEVELS = "levels"
    TRENDS = "trends"
    COMPARISONS = "comparisons"

    @property
    def zh(self) -> str:
        """The Chinese term (方法、展开、学习、整合、水平、趋势、对比)."""
        return _DIMENSION_ZH[self]

    @property
    def en(self) -> str:
        """The English term."""
        return self.value


_DIMENSION_ZH = {
    EvaluationDimension.APPROACH: "方法",
    EvaluationDimension.DEPLOYMENT: "展开",
    EvaluationDimension.LEARNING: "学习",
    EvaluationDimension.INTEGRATION: "整合",
    EvaluationDimension.LEVELS: "水平",
    EvaluationDimension.TRENDS: "趋势",
    EvaluationDimension.COMPARISONS: "对比",
}


class ItemKind(enum.Enum):
    """Process item (过程条款, 4.1–4.6) or result item (结果条款, 4.7).

    >>> [d.zh for d in ItemKind.PROCESS.dimensions]
    ['方法', '展开', '学习', '整合']
    """

    PROCESS = "process"
    RESULT = "result"

    @property
    def dimensions(self) -> tuple[EvaluationDimension, ...]:
        """The four dimensions an item of this kind is rated on (附录C)."""
        if self is ItemKind.PROCESS:
            return (
                EvaluationDimension.APPROACH,
                EvaluationDimension.DEPLOYMENT,
                EvaluationDimension.LEARNING,
                EvaluationDimension.INTEGRATION,
            )
        return (
            EvaluationDimension.LEVELS,
            EvaluationDimension.TRENDS,
            EvaluationDimension.COMPARISONS,
            EvaluationDimension.INTEGRATION,
        )

    @property
    def zh(self) -> str:
        """过程 or 结果."""
        return "过程" if self is ItemKind.PROCESS else "结果"


def _positive(name: str, value: object) -> Decimal:
    result = to_decimal(value, field=name, minimum=0, citation=SCORE_TABLE_CITATION)
    if result == 0:
        raise InvalidInputError.about(name, value, "points must be above 0", SCORE_TABLE_CITATION)
    return result


def _item_points(value: DecimalInput) -> Decimal:
    return _positive("CriteriaItem.points", value)


def _category_points(value: DecimalInput) -> Decimal:
    return _positive("CriteriaCategory.points", value)


def _table_total(value: DecimalInput) -> Decimal:
    return _positive("CriteriaTable.total", value)


def _items(value: Iterable[CriteriaItem]) -> tuple[CriteriaItem, ...]:
    return to_tuple(value)


def _categories(value: Iterable[CriteriaCategory]) -> tuple[CriteriaCategory, ...]:
    return to_tuple(value)


def _safe(code: object) -> str:
    # A default citation is built before the code's own validator runs: keep it
    # buildable so that the validator, not the citation, reports a bad code.
    if isinstance(code, str) and code.strip() and code == code.strip():
        return code
    return "?"


def _clause_of(row: CriteriaItem | CriteriaCategory) -> Citation:
    return criteria(_safe(row.code))


def _source_of(row: CriteriaItem | CriteriaCategory) -> Citation:
    return Citation(Document.CRITERIA_GUIDE, f"附录A {_safe(row.code)}")


@attrs.frozen
class CriteriaItem:
    """评分条款 — one scored item: code, names, points, kind and its clauses.

    Attributes
    ----------
    code
        The item's number (``"4.1.2"``); it starts with its category's code and a dot.
    name_zh, name_en
        Its Chinese and English names.
    points
        Its points (分值) in the score table, above 0 (``Decimal | int | str | float``).
    kind
        :class:`ItemKind`: process (4.1–4.6) or result (4.7).
    clause
        The item's clause in GB/T 19580-2012 (default: ``GB/T 19580 <code>``).
    source
        The row of the score table that gives its points (default: GB/Z 19579-2012
        附录A ``<code>``).

    Examples
    --------
    >>> CriteriaItem("4.1.2", "高层领导的作用", "Role of senior leaders", 50, ItemKind.PROCESS)
    ... # doctest: +ELLIPSIS
    CriteriaItem(code='4.1.2', ..., points=Decimal('50'), kind=<ItemKind.PROCESS: 'process'>, ...)
    """

    code: str = attrs.field(converter=to_name, validator=is_name)
    name_zh: str = attrs.field(converter=to_name, validator=is_name)
    name_en: str = attrs.field(converter=to_name, validator=is_name)
    points: Decimal = attrs.field(converter=_item_points)
    kind: ItemKind = attrs.field(validator=is_enum(ItemKind))
    clause: Citation = attrs.field(
        default=attrs.Factory(_clause_of, takes_self=True), validator=is_instance(Citation)
    )
    source: Citation = attrs.field(
        default=attrs.Factory(_source_of, takes_self=True), validator=is_instance(Citation)
    )

    @property
    def dimensions(self) -> tuple[EvaluationDimension, ...]:
        """The four evaluation dimensions of this item's kind."""
        return self.kind.dimensions


@attrs.frozen
class CriteriaCategory:
    """评分类目 — a category (4.1 … 4.7) with its points and items.

    Attributes
    ----------
    code, name_zh, name_en
        The category's number (``"4.4"``) and names.
    points
        Its points; they must equal the sum of its items' points.
    items
        Its :class:`CriteriaItem` rows in table order (any iterable).
    clause, source
        As for :class:`CriteriaItem` (defaults from ``code``).

    Examples
    --------
    >>> cat = GBT_19580_2012.category("4.4")
    >>> cat.name_zh, cat.points, len(cat.items), str(cat.clause)
    ('资源', Decimal('130'), 6, 'GB/T 19580 4.4')
    """

    code: str = attrs.field(converter=to_name, validator=is_name)
    name_zh: str = attrs.field(converter=to_name, validator=is_name)
    name_en: str = attrs.field(converter=to_name, validator=is_name)
    points: Decimal = attrs.field(converter=_category_points)
    items: tuple[CriteriaItem, ...] = attrs.field(
        converter=_items, validator=is_tuple_of(CriteriaItem)
    )
    clause: Citation = attrs.field(
        default=attrs.Factory(_clause_of, takes_self=True), validator=is_instance(Citation)
    )
    source: Citation = attrs.field(
        default=attrs.Factory(_source_of, takes_self=True), validator=is_instance(Citation)
    )


@attrs.frozen
class CriteriaTable(Tabular):
    """A whole score table, validated when built (also when read from JSON).

    Checks, each a :class:`~baoshan_quality.errors.TableError` naming the row:
    at least one category, each with at least one item; every code unique; every
    item code starts with its category's code and a dot; each category's points
    equal the sum of its items' points; ``total`` equals the sum of the categories.

    Attributes
    ----------
    edition
        The table's name (``"GB/T 19580-2012 (GB/Z 19579-2012 附录A)"``).
    total
        Its total points (1000 for GB/T 19580-2012).
    categories
        Its :class:`CriteriaCategory` rows in table order (any iterable).
    source
        The clause that prints the points (default GB/Z 19579-2012 附录A).
    note
        Free text: where the table comes from and how far it is confirmed.

    Raises
    ------
    TableError
        When the rows do not add up or a code repeats (the message names the row).
    InvalidInputError
        When a field has the wrong type.

    Examples
    --------
    >>> small = CriteriaTable(
    ...     edition="demo",
    ...     total=100,
    ...     categories=[
    ...         CriteriaCategory("1", "领导", "Leadership", 40, [
    ...             CriteriaItem("1.1", "作用", "Role", 40, ItemKind.PROCESS)]),
    ...         CriteriaCategory("2", "结果", "Results", 60, [
    ...             CriteriaItem("2.1", "结果", "Results", 60, ItemKind.RESULT)]),
    ...     ],
    ... )
    >>> small.total, [i.code for i in small.items]
    (Decimal('100'), ['1.1', '2.1'])
    >>> print(small.to_text("en"))
    demo: 2 items, 100 points
    code  name        points  kind     source
    ----  ----------  ------  -------  --------------------
    1     Leadership  40      —        GB/Z 19579 附录A 1
    1.1   Role        40      process  GB/Z 19579 附录A 1.1
    2     Results     60      —        GB/Z 19579 附录A 2
    2.1   Results     60      result   GB/Z 19579 附录A 2.1
    >>> CriteriaTable(edition="bad", total=100, categories=[
    ...     CriteriaCategory("1", "领导", "Leadership", 50, [
    ...         CriteriaItem("1.1", "作用", "Role", 40, ItemKind.PROCESS)])])
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.TableError: CriteriaTable.categories['1'].points: expected the sum of its items' points, 40, got 50 (GB/Z 19579 附录A 1)
    """

    edition: str = attrs.field(converter=to_name, validator=is_name)
    total: Decimal = attrs.field(converter=_table_total)
    categories: tuple[CriteriaCategory, ...] = attrs.field(
        converter=_categories, validator=is_tuple_of(CriteriaCategory)
    )
    source: Citation = attrs.field(default=SCORE_TABLE_CITATION, validator=is_instance(Citation))
    note: str = attrs.field(default="", validator=is_text)

    def __attrs_post_init__(self) -> None:
        _check_table(self)

    @property
    def items(self) -> tuple[CriteriaItem, ...]:
        """Every item in table order."""
        return tuple(item for cat in self.categories for item in cat.items)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every item code in table order."""
        return tuple(item.code for item in self.items)

    def item(self, code: str) -> CriteriaItem:
        """The item numbered ``code``.

        Parameters
        ----------
        code
            An item code such as ``"4.1.2"``.

        Returns
        -------
        CriteriaItem
            The table's row for that item.

        Raises
        ------
        UnknownCriterionError
            When the table has no such item (``"4.1.1"``: a general clause, no points).
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> GBT_19580_2012.item("4.4.3").points
        Decimal('15')
        """
        if not isinstance(code, str):
            raise InvalidInputError.about("item", code, "expected a code string such as '4.1.2'")
        for item in self.items:
            if item.code == code:
                return item
        raise UnknownCriterionError.about(
            "item", code, f"no such item in {self.edition}", self.source
        )

    def category(self, code: str) -> CriteriaCategory:
        """The category numbered ``code``.

        Parameters
        ----------
        code
            A category code such as ``"4.7"``.

        Returns
        -------
        CriteriaCategory
            The table's row for that category, with its items.

        Raises
        ------
        UnknownCriterionError
            When the table has no such category.
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> GBT_19580_2012.category("4.7").name_zh
        '结果'
        """
        if not isinstance(code, str):
            raise InvalidInputError.about("category", code, "expected a code string such as '4.7'")
        for cat in self.categories:
            if cat.code == code:
                return cat
        raise UnknownCriterionError.about(
            "category", code, f"no such category in {self.edition}", self.source
        )

    def category_of(self, code: str) -> CriteriaCategory:
        """The category that holds item ``code``.

        Parameters
        ----------
        code
            An item code such as ``"4.4.6"``.

        Returns
        -------
        CriteriaCategory
            The category whose items include it.

        Raises
        ------
        UnknownCriterionError
            When the table has no such item.
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> GBT_19580_2012.category_of("4.4.6").code
        '4.4'
        """
        item = self.item(code)
        return next(cat for cat in self.categories if item in cat.items)

    def _table(self) -> Table:
        rows: list[tuple[object, ...]] = []
        for cat in self.categories:
            rows.append(_row(cat, "category", "", None))
            rows += [
                _row(item, "item", item.kind.value, Text(item.kind.zh, item.kind.value))
                for item in cat.items
            ]
        return Table(
            caption=Text(
                f"{self.edition}：{len(self.items)} 个评分条款，满分 {self.total} 分",
                f"{self.edition}: {len(self.items)} items, {self.total} points",
            ),
            columns=_COLUMNS,
            rows=rows,
        )


# One record per category and per item, in table order (``level`` tells which).
_COLUMNS = (
    Column("code", "编号", "code"),
    Column("level", "层级", "level", shown=False),
    Column("name", "名称", "name"),
    Column("name_zh", "中文名称", "Chinese name", shown=False),
    Column("name_en", "英文名称", "English name", shown=False),
    Column("points", "分值", "points"),
    Column("kind", "类型代码", "kind code", shown=False),
    Column("kind_name", "类型", "kind"),
    Column("clause", "条款", "clause", shown=False),
    Column("source", "出处", "source"),
)


def _row(
    row: CriteriaItem | CriteriaCategory, level: str, kind: str, kind_name: Text | None
) -> tuple[object, ...]:
    return (
        row.code,
        level,
        Text(row.name_zh, row.name_en),
        row.name_zh,
        row.name_en,
        row.points,
        kind,
        kind_name,
        str(row.clause),
        str(row.source),
    )


def _check_table(table: CriteriaTable) -> None:
    if not table.categories:
        raise TableError.about(
            "CriteriaTable.categories", table.categories, "expected at least one category"
        )
    seen: set[str] = set()
    with exact():
        for cat in table.categories:
            where = f"CriteriaTable.categories[{cat.code!r}]"
            if cat.code in seen:
                raise TableError.about(f"{where}.code", cat.code, "duplicate code", cat.source)
            seen.add(cat.code)
            if not cat.items:
                raise TableError.about(
                    f"{where}.items", cat.items, "expected at least one item", cat.source
                )
            for item in cat.items:
                field = f"{where}.items[{item.code!r}]"
                if item.code in seen:
                    raise TableError.about(
                        f"{field}.code", item.code, "duplicate code", item.source
                    )
                seen.add(item.code)
                if not item.code.startswith(cat.code + "."):
                    raise TableError.about(
                        f"{field}.code",
                        item.code,
                        f"an item code must start with its category's code {cat.code + '.'!r}",
                        item.source,
                    )
            item_sum = sum((item.points for item in cat.items), Decimal(0))
            if item_sum != cat.points:
                raise TableError.about(
                    f"{where}.points",
                    cat.points,
                    f"expected the sum of its items' points, {item_sum}",
                    cat.source,
                )
        cat_sum = sum((cat.points for cat in table.categories), Decimal(0))
    if cat_sum != table.total:
        raise TableError.about(
            "CriteriaTable.total",
            table.total,
            f"expected the sum of the categories' points, {cat_sum}",
            table.source,
        )


def _cat(
    code: str, zh: str, en: str, points: int, items: list[tuple[str, str, str, int]]
) -> CriteriaCategory:
    kind = ItemKind.RESULT if code == "4.7" else ItemKind.PROCESS
    return CriteriaCategory(
        code,
        zh,
        en,
        points,
        [CriteriaItem(c, z, e, p, kind) for c, z, e, p in items],
    )


#: GB/Z 19579-2012 附录A 评分条款分值表, one row per printed row (keyed from the
#: published table as SPEC §6 records it; not confirmed against the text here).
GBT_19580_2012: CriteriaTable = CriteriaTable(
    edition="GB/T 19580-2012 (GB/Z 19579-2012 附录A)",
    total=1000,
    note=(
        "Keyed from the published GB/Z 19579-2012 附录A table; sums checked, "
        "not confirmed against the printed standard in this project."
    ),
    categories=[
        _cat(
            "4.1",
            "领导",
            "Leadership",
            110,
            [
                ("4.1.2", "高层领导的作用", "Role of senior leaders", 50),
                ("4.1.3", "组织治理", "Organisational governance", 30),
                ("4.1.4", "社会责任", "Social responsibility", 30),
            ],
        ),
        _cat(
            "4.2",
            "战略",
            "Strategy",
            90,
            [
                ("4.2.2", "战略制定", "Strategy development", 40),
                ("4.2.3", "战略部署", "Strategy deployment", 50),
            ],
        ),
        _cat(
            "4.3",
            "顾客与市场",
            "Customers and markets",
            90,
            [
                ("4.3.2", "顾客和市场的了解", "Understanding customers and markets", 40),
                ("4.3.3", "顾客关系与顾客满意", "Customer relationships and satisfaction", 50),
            ],
        ),
        _cat(
            "4.4",
            "资源",
            "Resources",
            130,
            [
                ("4.4.2", "人力资源", "Human resources", 60),
                ("4.4.3", "财务资源", "Financial resources", 15),
                ("4.4.4", "信息和知识资源", "Information and knowledge resources", 20),
                ("4.4.5", "技术资源", "Technology resources", 15),
                ("4.4.6", "基础设施", "Infrastructure", 10),
                ("4.4.7", "相关方关系", "Relationships with stakeholders", 10),
            ],
        ),
        _cat(
            "4.5",
            "过程管理",
            "Process management",
            100,
            [
                ("4.5.2", "过程的识别与设计", "Process identification and design", 50),
                ("4.5.3", "过程的实施与改进", "Process implementation and improvement", 50),
            ],
        ),
        _cat(
            "4.6",
            "测量、分析与改进",
            "Measurement, analysis and improvement",
            80,
            [
                ("4.6.2", "测量、分析和评价", "Measurement, analysis and evaluation", 40),
                ("4.6.3", "改进与创新", "Improvement and innovation", 40),
            ],
        ),
        _cat(
            "4.7",
            "结果",
            "Results",
            400,
            [
                ("4.7.2", "产品和服务结果", "Product and service results", 80),
                ("4.7.3", "顾客与市场结果", "Customer and market results", 80),
                ("4.7.4", "财务结果", "Financial results", 80),
                ("4.7.5", "资源结果", "Resource results", 60),
                ("4.7.6", "过程有效性结果", "Process effectiveness results", 50),
                ("4.7.7", "领导方面的结果", "Leadership results", 50),
            ],
        ),
    ],
)

# The printed totals (GB/Z 19579-2012 附录A as SPEC §6 records them), checked at import.
_PRINTED = {"4.1": 110, "4.2": 90, "4.3": 90, "4.4": 130, "4.5": 100, "4.6": 80, "4.7": 400}
if (
    GBT_19580_2012.total != 1000
    or len(GBT_19580_2012.items) != 23
    or {c.code: c.points for c in GBT_19580_2012.categories} != _PRINTED
):  # pragma: no cover - guarded by tests
    raise TableError("GB/T 19580-2012 table does not match its printed totals (附录A)")
