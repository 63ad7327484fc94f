"""Guide Appendix B, table B.1: the 100-point rubric, its bonus and its deduction.

街道、镇、园区质量工作绩效考核评分细则 — five categories (考核项目) → thirteen
sub-items (考核分项, the "secondary indicators" of Appendix C) → thirty criteria
(考核内容) with their points and assessment method (考评办法).

The table below is the source table, one row per printed row, in printed order.
The standard does not number the criteria; they are numbered here in table
order (``1.1.1``, ``1.1.2`` …).  **Erratum:** Appendix B prints the sub-item
number "4.2" twice; the second, 质量调研 (5 points), is ``4.3`` as in Appendix C.

The totals are checked against the printed ones when this module is imported
(category points 10/30/10/20/30, sub-item points as printed, total 100).

>>> RUBRIC.total
Decimal('100')
>>> c = RUBRIC.criterion("2.1.1")
>>> c.name_zh, c.points, str(c.citation)
('编制发布街镇（园区）质量状况分析报告', Decimal('6'), 'Guide Appendix B 2.1')
>>> [s.code for s in RUBRIC.category("4").sub_items]
['4.1', '4.2', '4.3']
>>> HonorLevel.NATIONAL.points, BONUS_CAP, DEDUCTION_POINTS
(Decimal('3'), Decimal('5'), Decimal('5'))
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from types import MappingProxyType

import attrs

from baoshan_quality._decimals import exact
from baoshan_quality.citations import Citation, guide
from baoshan_quality.errors import InvalidInputError, TableError, UnknownCriterionError

__all__ = [
    "BONUS_CAP",
    "BONUS_CITATION",
    "DEDUCTION_CITATION",
    "DEDUCTION_POINTS",
    "RUBRIC",
    "RUBRIC_CITATION",
    "Category",
    "Criterion",
    "HonorLevel",
    "Method",
    "Rubric",
    "SubItem",
]

#: The whole table.
RUBRIC_CITATION: Citation = guide("Appendix B, Table B.1")
#: 加分项（总计不超5分）
BONUS_CITATION: Citation = guide("Appendix B, 加分项")
#: 减分项
DEDUCTION_CITATION: Citation = guide("Appendix B, 减分项")


class Method(enum.Enum):
    """考评办法 — the assessment methods printed in table B.1 (Guide Appendix B).

    Examples
    --------
    >>> Method.MEETING_SIGN_IN.zh
    '区质量办统计质量工作会议签到情况'
    """

    #: 查阅证实材料 (查阅证实资料 in the continuation of 5.1)
    DOCUMENTS = "documents"
    #: 区质量办统计质量工作会议签到情况
    MEETING_SIGN_IN = "meeting-sign-in"
    #: 区质量办收取材料记录
    RECEIPT_RECORDS = "receipt-records"
    #: 查阅事件记录
    INCIDENT_RECORDS = "incident-records"

    @property
    def zh(self) -> str:
        """The method as printed."""
        return _METHOD_TEXT[self][0]

    @property
    def en(self) -> str:
        """The method in English."""
        return _METHOD_TEXT[self][1]


_METHOD_TEXT = {
    Method.DOCUMENTS: ("查阅证实材料", "review of supporting documents"),
    Method.MEETING_SIGN_IN: (
        "区质量办统计质量工作会议签到情况",
        "the district quality office's sign-in records of quality work meetings",
    ),
    Method.RECEIPT_RECORDS: (
        "区质量办收取材料记录",
        "the district quality office's records of materials received",
    ),
    Method.INCIDENT_RECORDS: ("查阅事件记录", "review of incident records"),
}


@attrs.frozen
class Criterion:
    """考核内容 — one criterion of table B.1 with its points (Guide Appendix B).

    Attributes
    ----------
    code
        ``<sub-item>.<n>`` in table order (``2.1.1``); the standard numbers no criteria.
    name_zh, name_en
        The criterion as printed, and in English.
    points
        Its points (分数) as printed.
    methods
        Its assessment methods (考评办法).
    citation
        The sub-item's row of table B.1 (``Guide Appendix B 2.1``).
    """

    code: str
    name_zh: str
    name_en: str
    points: Decimal
    methods: tuple[Method, ...]
    citation: Citation


@attrs.frozen
class SubItem:
    """考核分项 — a sub-item of table B.1 and its criteria (Guide Appendix B).

    The sub-items are Appendix C's secondary indicators (二级指标), code for code.

    Attributes
    ----------
    code, name_zh, name_en
        ``1.1`` … ``5.2`` (the printed second "4.2" is ``4.3``), the name as printed
        and in English.
    points
        Its printed points, the sum of its criteria's.
    criteria
        Its criteria in table order.
    citation
        Its row of table B.1.
    """

    code: str
    name_zh: str
    name_en: str
    points: Decimal
    criteria: tuple[Criterion, ...]
    citation: Citation


@attrs.frozen
class Category:
    """考核项目 — a category of table B.1 and its sub-items (Guide Appendix B).

    Attributes
    ----------
    code, name_zh, name_en
        ``1`` … ``5``, the name as printed and in English.
    points
        Its printed points (10/30/10/20/30), the sum of its sub-items'.
    sub_items
        Its sub-items in table order.
    citation
        Its rows of table B.1.
    """

    code: str
    name_zh: str
    name_en: str
    points: Decimal
    sub_items: tuple[SubItem, ...]
    citation: Citation


@attrs.frozen
class Rubric:
    """The whole of table B.1, with lookups by code (Guide Appendix B; :data:`RUBRIC`).

    Iterating a rubric gives its criteria in table order.

    Attributes
    ----------
    categories
        The five categories in table order.
    total
        The table's total points (100).
    citation
        The table (``Guide Appendix B, Table B.1``).

    Examples
    --------
    >>> [c.code for c in RUBRIC][:3]
    ['1.1.1', '1.1.2', '1.2.1']
    """

    categories: tuple[Category, ...]
    total: Decimal
    citation: Citation = RUBRIC_CITATION
    _index: MappingProxyType[str, Category | SubItem | Criterion] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[str, Category | SubItem | Criterion] = {}
        for cat in self.categories:
            index[cat.code] = cat
            for sub in cat.sub_items:
                index[sub.code] = sub
                for crit in sub.criteria:
                    index[crit.code] = crit
        object.__setattr__(self, "_index", MappingProxyType(index))

    @property
    def sub_items(self) -> tuple[SubItem, ...]:
        """All thirteen sub-items in table order."""
        return tuple(s for c in self.categories for s in c.sub_items)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """All thirty criteria in table order."""
        return tuple(k for s in self.sub_items for k in s.criteria)

    def __iter__(self) -> Iterator[Criterion]:
        return iter(self.criteria)

    def _get(self, code: str, kind: type, what: str) -> object:
        if not isinstance(code, str):
            raise InvalidInputError.about(what, code, "expected a code string such as '2.1.1'")
        found = self._index.get(code)
        if not isinstance(found, kind):
            raise UnknownCriterionError.about(
                what, code, f"no such {what} in table B.1", self.citation
            )
        return found

    def has_criterion(self, code: object) -> bool:
        """Whether ``code`` numbers a criterion of the table (Guide Appendix B).

        Parameters
        ----------
        code
            Anything; only a criterion's code string (``"2.1.1"``) gives ``True``.

        Returns
        -------
        bool
            ``False`` for a sub-item or category code, an unknown code, or a non-string.

        Examples
        --------
        >>> RUBRIC.has_criterion("2.1.1"), RUBRIC.has_criterion("2.1"), RUBRIC.has_criterion(211)
        (True, False, False)
        """
        return isinstance(code, str) and isinstance(self._index.get(code), Criterion)

    def criterion(self, code: str) -> Criterion:
        """The criterion numbered ``code`` (Guide Appendix B, table B.1).

        Parameters
        ----------
        code
            A criterion's code, ``"1.1.1"`` … ``"5.2.3"``.

        Returns
        -------
        Criterion
            The criterion, with its points and clause.

        Raises
        ------
        UnknownCriterionError
            When the table has no criterion of that code.
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> RUBRIC.criterion("3.2.1").points
        Decimal('5')
        >>> RUBRIC.criterion("4.2.4")
        Traceback (most recent call last):
        ...
        baoshan_quality.errors.UnknownCriterionError: criterion: no such criterion in table B.1, got '4.2.4' (Guide Appendix B, Table B.1)
        """
        found = self._get(code, Criterion, "criterion")
        assert isinstance(found, Criterion)
        return found

    def sub_item(self, code: str) -> SubItem:
        """The sub-item numbered ``code`` (Guide Appendix B, table B.1).

        Parameters
        ----------
        code
            A sub-item's code, ``"1.1"`` … ``"5.2"`` (``"4.3"`` is 质量调研).

        Returns
        -------
        SubItem
            The sub-item, with its criteria.

        Raises
        ------
        UnknownCriterionError
            When the table has no sub-item of that code.
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> RUBRIC.sub_item("4.3").name_zh
        '质量调研'
        """
        found = self._get(code, SubItem, "sub-item")
        assert isinstance(found, SubItem)
        return found

    def category(self, code: str) -> Category:
        """The category numbered ``code`` (Guide Appendix B, table B.1).

        Parameters
        ----------
        code
            A category's code, ``"1"`` … ``"5"``.

        Returns
        -------
        Category
            The category, with its sub-items.

        Raises
        ------
        UnknownCriterionError
            When the table has no category of that code.
        InvalidInputError
            When ``code`` is not a string.

        Examples
        --------
        >>> RUBRIC.category("5").name_zh, RUBRIC.category("5").points
        ('质量成效', Decimal('30'))
        """
        found = self._get(code, Category, "category")
        assert isinstance(found, Category)
        return found


class HonorLevel(enum.Enum):
    """加分项 — the level of a quality honour won in the unit's area (Guide Appendix B).

    National 3, municipal 2, district 1 point each; the bonus in total never
    exceeds :data:`BONUS_CAP` (Guide Appendix B, 加分项).

    Examples
    --------
    >>> HonorLevel.MUNICIPAL.points, HonorLevel.MUNICIPAL.zh
    (Decimal('2'), '获得市级质量荣誉')
    """

    #: 国家级质量荣誉 — 3 points
    NATIONAL = "national"
    #: 市级质量荣誉 — 2 points
    MUNICIPAL = "municipal"
    #: 区级质量荣誉 — 1 point
    DISTRICT = "district"

    @property
    def points(self) -> Decimal:
        """Bonus points per honour of this level."""
        return _BONUS_ROWS[self][0]

    @property
    def zh(self) -> str:
        """The row of the bonus table as printed."""
        return _BONUS_ROWS[self][1]

    @property
    def en(self) -> str:
        """The row in English."""
        return _BONUS_ROWS[self][2]


# 加分项（总计不超5分） — one row per printed row.
_BONUS_ROWS = {
    HonorLevel.NATIONAL: (
        Decimal(3),
        "辖区内各类组织获得国家级质量荣誉",
        "a national quality honour won by an organisation in the area",
    ),
    HonorLevel.MUNICIPAL: (
        Decimal(2),
        "获得市级质量荣誉",
        "a municipal quality honour",
    ),
    HonorLevel.DISTRICT: (Decimal(1), "获得区级质量荣誉", "a district quality honour"),
}
#: 总计不超5分 — the bonus in total does not exceed 5.
BONUS_CAP = Decimal(5)
#: 发生重大产品、服务、工程、人居质量事件 — 5 points deducted.
DEDUCTION_POINTS = Decimal(5)

_D = Decimal
_DOC = (Method.DOCUMENTS,)
_C1 = (Method.DOCUMENTS, Method.MEETING_SIGN_IN)
_C4 = (Method.DOCUMENTS, Method.RECEIPT_RECORDS)

# Table B.1, one tuple per printed row:
# (criterion code, 考核内容, English, 分数, 考评办法).  Sub-items and categories follow.
# The method cell of category 4 is printed once, beside 4.1; it is read here as
# covering the whole category (a merged cell), like the single cells of 2, 3 and 5.
_ROWS: tuple[tuple[str, str, str, int, tuple[Method, ...]], ...] = (
    ("1.1.1", "加强组织领导，落实工作责任，单位领导出席区质量工作会议",
     "Strengthen leadership and assign responsibility; the unit's leaders attend the "
     "district quality work meeting", 3, _C1),
    ("1.1.2", "加强质量政策引导，经费保障有力",
     "Guide quality through policy and secure sufficient funding", 2, _C1),
    ("1.2.1", "制定辖区质量提升工作计划",
     "Draw up the area's quality improvement work plan", 2, _DOC),
    ("1.2.2", "召开辖区内质量工作会议",
     "Hold quality work meetings in the area", 3, _DOC),
    ("2.1.1", "编制发布街镇（园区）质量状况分析报告",
     "Compile and publish the quality status analysis report of the street, town (park)",
     6, _DOC),
    ("2.1.2", "报告内容完善，分析全面",
     "The report is complete in content and thorough in analysis", 2, _DOC),
    ("2.1.3", "针对不足采取对策措施改进",
     "Take measures to remedy the shortcomings found", 2, _DOC),
    ("2.2.1", "结合“3·15”“中国品牌日”“全国质量月”等重要节点，广泛开展内容丰富、"
     "形式多样的质量宣传活动",
     "Run rich and varied quality publicity around key dates such as 3·15, China Brand "
     "Day and National Quality Month", 6, _DOC),
    ("2.2.2", "进行宣传报道和信息报送",
     "Publish reports and submit information", 2, _DOC),
    ("2.3.1", "积极组织开展质量教育活动，组织企业参加“万千百”培训",
     "Organise quality education and enrol enterprises in the 'ten-thousand, thousand, "
     "hundred' training", 6, _DOC),
    ("2.3.2", "自主开展质量专场培训",
     "Run dedicated quality training sessions of its own", 2, _DOC),
    ("2.4.1", "开展质量基础设施“一站式”服务",
     "Provide 'one-stop' quality infrastructure services", 4, _DOC),
    ("3.1.1", "制定辖区质量品牌发展政策",
     "Draw up the area's quality brand development policy", 1, _DOC),
    ("3.1.2", "积极采取措施推动“四大品牌”建设",
     "Take measures to advance the 'four major brands'", 2, _DOC),
    ("3.1.3", "形成梯队培育库",
     "Build a tiered brand cultivation pool", 2, _DOC),
    ("3.2.1", "积极开展质量荣誉申报",
     "Actively apply for quality honours", 5, _DOC),
    ("4.1.1", "配合区质量办日常工作，及时报送质量白皮书、质量考核所需的相关资料",
     "Support the district quality office's daily work; submit the quality white paper "
     "and evaluation materials on time", 3, _C4),
    ("4.1.2", "资料完整，数据详实",
     "Materials complete, data detailed and accurate", 2, _C4),
    ("4.2.1", "积极报送质量月活动计划和小结",
     "Submit the Quality Month plan and summary", 2, _C4),
    ("4.2.2", "组织开展质量月活动",
     "Organise Quality Month activities", 4, _C4),
    ("4.2.3", "活动丰富多样，营造良好质量氛围",
     "Rich and varied activities that build a good quality atmosphere", 4, _C4),
    ("4.3.1", "配合区质量办落实企业质量状况调研、满意度测评等任务",
     "Carry out the district quality office's enterprise quality surveys, satisfaction "
     "measurements and similar tasks", 5, _C4),
    ("5.1.1", "编制重点行业（产业）质量提升工作方案",
     "Draw up quality improvement programmes for key trades (industries)", 4, _DOC),
    ("5.1.2", "组织辖区企业参加市、区级质量提升活动",
     "Enrol enterprises of the area in municipal and district quality improvement "
     "activities", 4, _DOC),
    ("5.1.3", "采取切实可行的质量提升举措，成效显著",
     "Take practicable quality improvement measures with marked results", 4, _DOC),
    ("5.1.4", "运用质量、标准、计量、认证、检验检测、知识产权等手段，推动重点行业、"
     "领域、产业质量提升",
     "Use quality, standards, metrology, certification, inspection and testing, "
     "intellectual property and similar means to raise the quality of key trades, fields "
     "and industries", 10, _DOC),
    ("5.1.5", "形成可复制、可推广的经验和典型案例",
     "Produce replicable, transferable experience and typical cases", 2, _DOC),
    ("5.2.1", "结合辖区实际，融入长三角质量提升一体化",
     "Take part, as fits the area, in the Yangtze River Delta quality integration", 2, _DOC),
    ("5.2.2", "积极参加长三角质量品牌故事大赛、先进质量管理方法典型案例评选等活动",
     "Take part in Yangtze River Delta activities such as the quality brand story "
     "contest and the selection of typical cases of advanced quality methods", 2, _DOC),
    ("5.2.3", "围绕产品质量、服务质量、工程质量、人居环境质量开展特色质量工作。",
     "Run distinctive quality work on product, service, engineering and living "
     "environment quality", 2, _DOC),
)  # fmt: skip

# (code, 考核分项 as printed, English, printed points)
_SUB_ITEMS: tuple[tuple[str, str, str, int], ...] = (
    ("1.1", "组织保障", "Organisational support", 5),
    ("1.2", "计划实施", "Plan implementation", 5),
    ("2.1", "质量报告", "Quality report", 10),
    ("2.2", "质量宣传", "Quality publicity", 8),
    ("2.3", "质量教育", "Quality education", 8),
    ("2.4", "质量服务", "Quality services", 4),
    ("3.1", "品牌培育", "Brand cultivation", 5),
    ("3.2", "荣誉申报", "Honour applications", 5),
    ("4.1", "日常协同", "Day-to-day coordination", 5),
    ("4.2", "质量月", "Quality Month", 10),
    ("4.3", "质量调研", "Quality surveys", 5),  # printed "4.2" (erratum)
    ("5.1", "质量提升", "Quality improvement", 24),
    ("5.2", "质量特色", "Distinctive quality work", 6),
)

# (code, 考核项目 as printed, English, printed points)
_CATEGORIES: tuple[tuple[str, str, str, int], ...] = (
    ("1", "质量环境", "Quality environment", 10),
    ("2", "质量基础", "Quality foundations", 30),
    ("3", "质量品牌", "Quality brands", 10),
    ("4", "质量协同", "Quality coordination", 20),
    ("5", "质量成效", "Quality results", 30),
)

_PRINTED_TOTAL = 100


def _build() -> Rubric:
    # The totals are checked in the library's own decimal context: a first import under
    # a caller's ``prec = 1`` must neither round nor raise.
    with exact():
        return _build_table()


def _build_table() -> Rubric:
    categories = []
    for cat_code, cat_zh, cat_en, cat_points in _CATEGORIES:
        subs = []
        for sub_code, sub_zh, sub_en, sub_points in _SUB_ITEMS:
            if sub_code.split(".")[0] != cat_code:
                continue
            cite = guide(f"Appendix B {sub_code}")
            crits = tuple(
                Criterion(code, zh, en, _D(points), methods, cite)
                for code, zh, en, points, methods in _ROWS
                if code.rsplit(".", 1)[0] == sub_code
            )
            total = sum((c.points for c in crits), _D(0))
            if total != sub_points:
                raise TableError(
                    f"Appendix B {sub_code}: criteria sum to {total}, not {sub_points}"
                )
            subs.append(SubItem(sub_code, sub_zh, sub_en, _D(sub_points), crits, cite))
        total = sum((s.points for s in subs), _D(0))
        if total != cat_points:
            raise TableError(f"Appendix B {cat_code}: sub-items sum to {total}, not {cat_points}")
        categories.append(
            Category(
                cat_code,
                cat_zh,
                cat_en,
                _D(cat_points),
                tuple(subs),
                guide(f"Appendix B {cat_code}"),
            )
        )
    rubric = Rubric(tuple(categories), _D(_PRINTED_TOTAL))
    total = sum((c.points for c in rubric.categories), _D(0))
    if total != _PRINTED_TOTAL:
        raise TableError(f"Appendix B: categories sum to {total}, not {_PRINTED_TOTAL}")
    if len(rubric.criteria) != len(_ROWS):
        raise TableError(
            f"Appendix B: {len(_ROWS) - len(rubric.criteria)} criteria rows are numbered "
            "under no sub-item of the table"
        )
    return rubric


#: Table B.1 of the Guide.
RUBRIC: Rubric = _build()
