"""Guide §5.2.1 and Appendix A: the quality status analysis report (质量状况分析报告).

The requirements as data, and a checker of a report's *outline* (plain data:
its parts, body section titles in order, cover fields, page count …) — the
library reads no document.

* §5.2.1.1 — the content items a)–e) (:class:`ContentItem`).
* §5.2.1.2.1 — at least the cover, body and appendix (应); a table of contents
  when long (宜).
* §5.2.1.2.2 — the cover fields (:class:`CoverField`) and the Appendix A layout.
* §5.2.1.2.3 — the body follows a)–e) in order (应); charts may compare years (可).
* §5.2.1.2.4 — the appendix holds the supporting data, forms and records (应).
* Appendix A (规范性) — the cover: margins, the title pattern
  ``XXXX年度宝山区XX街道（镇、园区）质量状况分析报告`` (:func:`cover_title`), fonts
  and spacing (:data:`COVER_LAYOUT`).

Each :class:`ReportFinding` carries its clause and its strength, after the modal verbs of
GB/T 1.1—2020: 应 (shall) states a requirement, 宜 (should) a recommendation, 可
(may) a permission.  Only an unmet 应 makes a report non-conforming.

>>> cover_title(2024, "罗店镇")
'2024年度宝山区罗店镇质量状况分析报告'
>>> COVER_LAYOUT.title.size_name, COVER_LAYOUT.title.size_pt, COVER_LAYOUT.title.bold
('二号', Decimal('22'), True)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    decimal_field,
    is_bool,
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_optional,
    is_text,
    is_tuple_of,
    name_problem,
    to_name,
    to_optional_name,
)
from baoshan_quality.citations import Citation, Document, Reason, guide
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.guide.scoring import FIRST_YEAR

__all__ = [
    "CONTENT_ITEMS",
    "COVER_LAYOUT",
    "FONT_SIZES_PT",
    "MODAL_VERBS_CITATION",
    "BodySection",
    "ClauseStrength",
    "ContentItem",
    "CoverField",
    "CoverLayout",
    "ReportCheck",
    "ReportFinding",
    "ReportFindingStatus",
    "ReportOutline",
    "ReportPart",
    "ReportPolicy",
    "TextStyle",
    "UnitKind",
    "check_report",
    "cover_title",
]

#: GB/T 1.1—2020, the modal verbs of requirement, recommendation and permission.
MODAL_VERBS_CITATION: Citation = Citation(Document.GBT_1_1, "Appendix C")

_CONTENT = guide("§5.2.1.1")
_PARTS = guide("§5.2.1.2.1")
_COVER = guide("§5.2.1.2.2")
_BODY = guide("§5.2.1.2.3")
_APPENDIX = guide("§5.2.1.2.4")


class ClauseStrength(enum.Enum):
    """The force of a clause, by its modal verb (GB/T 1.1—2020, Appendix C).

    Examples
    --------
    >>> ClauseStrength.SHOULD.value, ClauseStrength.SHOULD.en
    ('宜', 'should')
    """

    #: 应 — a requirement (shall).
    SHALL = "应"
    #: 宜 — a recommendation (should).
    SHOULD = "宜"
    #: 可 — a permission (may).
    MAY = "可"

    @property
    def en(self) -> str:
        """The English modal verb."""
        return {"应": "shall", "宜": "should", "可": "may"}[self.value]


class ReportPart(enum.Enum):
    """The parts of the report (Guide §5.2.1.2.1): cover, contents, body, appendix."""

    COVER = "封面"
    CONTENTS = "目录"
    BODY = "正文"
    APPENDIX = "附录"


class ContentItem(enum.Enum):
    """The content the report shall contain, a)–e) in order (Guide §5.2.1.1).

    Examples
    --------
    >>> ContentItem.IMPROVEMENT.value, ContentItem.IMPROVEMENT.zh
    ('d', '持续改进')
    """

    OVERALL = "a"
    DEVELOPMENT = "b"
    FEATURES = "c"
    IMPROVEMENT = "d"
    OTHER = "e"

    @property
    def zh(self) -> str:
        """The item's heading as printed."""
        return _CONTENT_TEXT[self][0]

    @property
    def topics_zh(self) -> str:
        """What the item covers, as printed."""
        return _CONTENT_TEXT[self][1]

    @property
    def en(self) -> str:
        """The heading and topics in English."""
        return _CONTENT_TEXT[self][2]


_CONTENT_TEXT = {
    ContentItem.OVERALL: (
        "区域质量总体情况",
        "产品质量、服务质量、工程质量、人居质量等",
        "the area's overall quality: product, service, engineering and living quality",
    ),
    ContentItem.DEVELOPMENT: (
        "质量发展情况",
        "质量扶持政策措施、品牌建设、质量荣誉、质量基础设施建设等",
        "quality development: support policies, brands, honours, quality infrastructure",
    ),
    ContentItem.FEATURES: (
        "质量特色",
        "区域内开展重点产业、行业质量提升情况及社会经济贡献度",
        "distinctive quality work: improvement of key industries and sectors and its "
        "social and economic contribution",
    ),
    ContentItem.IMPROVEMENT: (
        "持续改进",
        "开展质量工作不足之处以及对应的改进措施",
        "continual improvement: shortcomings of the quality work and the measures taken",
    ),
    ContentItem.OTHER: ("其他", "", "other"),
}

#: §5.2.1.1 a)–e) in order.
CONTENT_ITEMS: tuple[ContentItem, ...] = tuple(ContentItem)

# Words that identify a body section's content item when the outline does not say.
_KEYWORDS = {
    ContentItem.OVERALL: ("总体情况",),
    ContentItem.DEVELOPMENT: ("发展情况",),
    ContentItem.FEATURES: ("质量特色",),
    ContentItem.IMPROVEMENT: ("持续改进",),
    ContentItem.OTHER: ("其他",),
}


class CoverField(enum.Enum):
    """What the cover states (Guide §5.2.1.2.2; the compiler from Appendix A.3)."""

    TITLE = "报告名称"
    UNIT = "街道、镇、园区名称"
    COMPILED_ON = "报告编制时间"
    COMPILER = "编制单位"


_COVER_FIELD_CLAUSE = {
    CoverField.TITLE: _COVER,
    CoverField.UNIT: _COVER,
    CoverField.COMPILED_ON: _COVER,
    CoverField.COMPILER: guide("Appendix A.3"),
}


class UnitKind(enum.Enum):
    """The kinds of unit in the title pattern 街道（镇、园区） (Guide Appendix A.2)."""

    STREET = "街道"
    TOWN = "镇"
    PARK = "园区"


#: Chinese font sizes (字号) used by Appendix A, in points.
FONT_SIZES_PT: Mapping[str, Decimal] = MappingProxyType({"二号": Decimal(22), "四号": Decimal(14)})


def _d_line_spacing(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("TextStyle.line_spacing", minimum=0)(value)


def _d_margin_bottom_cm(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("margin_bottom_cm", minimum=0)(value)


def _d_margin_left_cm(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("margin_left_cm", minimum=0)(value)


def _d_margin_right_cm(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("margin_right_cm", minimum=0)(value)


def _d_margin_top_cm(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("margin_top_cm", minimum=0)(value)


def _d_paragraph_spacing(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("TextStyle.paragraph_spacing", minimum=0)(value)


def _d_size_pt(value: Decimal | int | str | float) -> Decimal:
    return decimal_field("TextStyle.size_pt", minimum=0)(value)


@attrs.frozen
class TextStyle:
    """A line of the cover: font, size, weight, alignment and spacing (Guide Appendix A).

    Attributes
    ----------
    font
        The typeface (``宋体``).
    size_name, size_pt
        The Chinese type size (字号, ``二号``) and its points (22).
    bold, centred
        Weight and alignment.
    paragraph_spacing
        段间距 as a multiple (倍), as printed.
    line_spacing
        行间距 as a multiple (倍).
    """

    font: str = attrs.field(converter=to_name, validator=is_name)
    size_name: str = attrs.field(converter=to_name, validator=is_name)
    size_pt: Decimal = attrs.field(converter=_d_size_pt)
    bold: bool = attrs.field(validator=is_bool)
    centred: bool = attrs.field(validator=is_bool)
    paragraph_spacing: Decimal = attrs.field(converter=_d_paragraph_spacing)
    line_spacing: Decimal = attrs.field(converter=_d_line_spacing)


@attrs.frozen
class CoverLayout:
    """The cover's margins (cm) and the styles of its title and compiler/date (Guide Appendix A).

    :data:`COVER_LAYOUT` is Appendix A.1–A.3's.
    """

    margin_top_cm: Decimal = attrs.field(converter=_d_margin_top_cm)
    margin_bottom_cm: Decimal = attrs.field(converter=_d_margin_bottom_cm)
    margin_left_cm: Decimal = attrs.field(converter=_d_margin_left_cm)
    margin_right_cm: Decimal = attrs.field(converter=_d_margin_right_cm)
    title: TextStyle = attrs.field(validator=is_instance(TextStyle))
    compiler_and_date: TextStyle = attrs.field(validator=is_instance(TextStyle))


#: Appendix A.1–A.3: margins 2.54 cm top and bottom, 3.18 cm left and right; title
#: 二号宋体 (22 pt) bold centred, 8× paragraph and 2× line spacing; compiler and date
#: 四号宋体 (14 pt) centred, 7× paragraph and 2× line spacing.
COVER_LAYOUT = CoverLayout(
    Decimal("2.54"),
    Decimal("2.54"),
    Decimal("3.18"),
    Decimal("3.18"),
    TextStyle("宋体", "二号", FONT_SIZES_PT["二号"], True, True, Decimal(8), Decimal(2)),
    TextStyle("宋体", "四号", FONT_SIZES_PT["四号"], False, True, Decimal(7), Decimal(2)),
)

_TITLE = re.compile(r"([0-9]{4})年度宝山区(.+)质量状况分析报告")


def _year(year: object, field: str = "year") -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= 9999:
        raise InvalidInputError.about(
            field,
            year,
            f"expected a four-digit year from {FIRST_YEAR} (the Guide's edition)",
            guide("Appendix A.2"),
        )
    return year


def _kind_of(unit: str) -> UnitKind | None:
    for kind in (UnitKind.STREET, UnitKind.PARK, UnitKind.TOWN):
        if unit.endswith(kind.value) and len(unit) > len(kind.value):
            return kind
    return None


def cover_title(year: int, unit: str, *, kind: UnitKind | None = None) -> str:
    """The report's title by the pattern of Guide Appendix A.2.

    The pattern is ``XXXX年度宝山区XX街道（镇、园区）质量状况分析报告``.

    Parameters
    ----------
    year
        The four-digit year reported on, from 2022 (the Guide's edition).
    unit
        The unit's name with its kind (``罗店镇``, ``友谊路街道``), without 宝山区.
    kind
        The unit's kind, needed when the name does not end in 街道, 镇 or 园区.

    Returns
    -------
    str
        The title.

    Raises
    ------
    InvalidInputError
        When the year is not a four-digit year from 2022, the name is blank, has
        surrounding spaces or starts with 宝山区, its kind is neither in the name
        nor given, or the kind given contradicts the name.

    Examples
    --------
    >>> cover_title(2023, "友谊路街道")
    '2023年度宝山区友谊路街道质量状况分析报告'
    >>> cover_title(2024, "罗店")
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: unit: expected a name ending in 街道, 镇 or 园区 (or pass kind=UnitKind...), got '罗店' (Guide Appendix A.2)
    """
    _year(year)
    cite = guide("Appendix A.2")
    if not isinstance(unit, str) or not unit.strip() or unit != unit.strip():
        raise InvalidInputError.about("unit", unit, "expected a unit name such as '罗店镇'", cite)
    unit = to_name(unit)
    problem = name_problem(unit)
    if problem is not None:
        raise InvalidInputError.about("unit", unit, problem, cite)
    if unit.startswith("宝山区"):
        raise InvalidInputError.about(
            "unit", unit, "give the name without 宝山区 (the title adds it)", cite
        )
    if kind is not None and not isinstance(kind, UnitKind):
        raise InvalidInputError.about("kind", kind, "expected a UnitKind", cite)
    found = _kind_of(unit)
    if found is None and kind is None:
        raise InvalidInputError.about(
            "unit",
            unit,
            "expected a name ending in 街道, 镇 or 园区 (or pass kind=UnitKind...)",
            cite,
        )
    if found is not None and kind is not None and found is not kind:
        raise InvalidInputError.about(
            "kind", kind, f"the name {unit} is of kind {found.value}", cite
        )
    return f"{year}年度宝山区{unit}质量状况分析报告"


# ------------------------------------------------------------------- outline


@attrs.frozen
class BodySection:
    """A section of the body: its title and (optionally) the content item it covers.

    When ``content`` is ``None`` the checker recognises a)–e) by their printed
    headings in the title (区域质量总体情况, 质量发展情况, 质量特色, 持续改进, 其他).
    """

    title: str = attrs.field(validator=is_text)
    content: ContentItem | None = attrs.field(
        default=None, validator=is_optional(is_enum(ContentItem))
    )

    @property
    def covers(self) -> ContentItem | None:
        """The content item of the section, said or recognised."""
        if self.content is not None:
            return self.content
        for item, words in _KEYWORDS.items():
            if any(w in self.title for w in words):
                return item
        return None


T = TypeVar("T")


def _tuple(value: Iterable[T], where: str, names: str) -> tuple[T, ...]:
    """A converter's body: any iterable but a string or a mapping becomes a tuple."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError.about(where, value, f"expected a sequence of {names}")
    return tuple(value)


def _parts_given(value: Iterable[ReportPart]) -> tuple[ReportPart, ...]:
    """Converter: the parts, as a tuple (the validator checks them)."""
    return _tuple(value, "ReportOutline.parts", "ReportPart")


def _body(value: Iterable[BodySection | str]) -> tuple[BodySection, ...]:
    """Converter: the body's sections; a plain title becomes a :class:`BodySection`."""
    items = _tuple(value, "ReportOutline.body", "BodySection")
    return tuple(BodySection(v) if isinstance(v, str) else v for v in items)


def _cover_fields(value: Iterable[CoverField]) -> tuple[CoverField, ...]:
    """Converter: the cover's fields, as a tuple (the validator checks them)."""
    return _tuple(value, "ReportOutline.cover_fields", "CoverField")


def _unique_enum(kind: type[enum.Enum]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        is_tuple_of(kind)(instance, attribute, value)
        assert isinstance(value, tuple)
        if len(set(value)) != len(value):
            raise InvalidInputError.about(
                f"{type(instance).__name__}.{attribute.name}", value, "listed twice"
            )

    return check


@attrs.frozen
class ReportOutline:
    """What a report has — plain facts, no document (Guide §5.2.1, Appendix A).

    ``None`` means not known: its finding is then undetermined.

    Attributes
    ----------
    parts
        The parts it has (:class:`ReportPart`), each once.
    body
        The body's sections in order: :class:`BodySection` or plain titles.
    cover_fields
        What the cover states (:class:`CoverField`), each once.
    title, unit, year
        The title as printed, and the unit and year it should name.
    pages
        The page count (≥ 1).
    appendix_materials
        The number of supporting materials (data, forms, records) in the appendix.
    charts
        Whether the body compares years with charts (permitted, §5.2.1.2.3).
    layout
        The cover's layout, to compare with Appendix A.
    """

    parts: tuple[ReportPart, ...] = attrs.field(
        converter=_parts_given, validator=_unique_enum(ReportPart)
    )
    body: tuple[BodySection, ...] = attrs.field(
        default=(), converter=_body, validator=is_tuple_of(BodySection)
    )
    cover_fields: tuple[CoverField, ...] = attrs.field(
        default=(), converter=_cover_fields, validator=_unique_enum(CoverField)
    )
    title: str | None = attrs.field(default=None, validator=is_optional(is_text))
    unit: str | None = attrs.field(
        default=None, converter=to_optional_name, validator=is_optional(is_name)
    )
    year: int | None = attrs.field(default=None, validator=is_optional(is_int(FIRST_YEAR, 9999)))
    pages: int | None = attrs.field(default=None, validator=is_optional(is_int(1)))
    appendix_materials: int | None = attrs.field(default=None, validator=is_optional(is_int(0)))
    charts: bool | None = attrs.field(default=None, validator=is_optional(is_bool))
    layout: CoverLayout | None = attrs.field(
        default=None, validator=is_optional(is_instance(CoverLayout))
    )


@attrs.frozen
class ReportPolicy:
    """The readings of Guide §5.2.1 that :func:`check_report` applies (new; defaults first).

    Attributes
    ----------
    long_from_pages
        "篇幅较多的，宜设置目录" names no length: the page count from which a
        report is long.  Default ``None``: not judged (the contents recommendation
        is undetermined when there are none).
    other_required
        Whether e) 其他 needs a section of its own.  Default ``False``: e) is open
        ("other"), so its absence is no failure.
    """

    long_from_pages: int | None = attrs.field(default=None, validator=is_optional(is_int(1)))
    other_required: bool = attrs.field(default=False, validator=is_bool)


class ReportFindingStatus(enum.Enum):
    """How a report's outline stands against one clause (Guide §5.2.1, Appendix A)."""

    MET = "met"
    NOT_MET = "not-met"
    UNDETERMINED = "undetermined"
    NOT_APPLICABLE = "not-applicable"


_STATUS_ZH = {
    ReportFindingStatus.MET: "满足",
    ReportFindingStatus.NOT_MET: "不满足",
    ReportFindingStatus.UNDETERMINED: "待定",
    ReportFindingStatus.NOT_APPLICABLE: "不适用",
}


@attrs.frozen
class ReportFinding:
    """One clause checked against a report's outline (Guide §5.2.1, Appendix A).

    Attributes
    ----------
    code
        What was checked: ``parts``, ``contents``, ``cover:<field>``, ``title``,
        ``content:<a–e>``, ``body:order``, ``body:charts``, ``appendix``, ``layout:…``.
    clause
        The clause checked.
    strength
        Its force: 应, 宜 or 可 (:class:`ClauseStrength`).
    status
        How the outline stands against it.
    zh, en
        The finding in Chinese and English.
    """

    code: str
    clause: Citation
    strength: ClauseStrength
    status: ReportFindingStatus
    zh: str
    en: str


@attrs.frozen
class ReportCheck(Tabular):
    """The result of :func:`check_report`: every finding and the verdict (Guide §5.2.1, App. A).

    Printed, one row per finding; ``to_records()`` likewise (``zh`` and ``en`` hold
    the finding's two sentences, ``finding`` the one in the language asked for).

    Attributes
    ----------
    findings
        Every clause checked, in the order of the clauses.
    conforms
        ``False`` when a 应 requirement is not met, ``None`` when one is
        undetermined, else ``True``; 宜 and 可 findings never decide it.
    policy
        The readings applied.
    reasons
        Why (the modal verbs of GB/T 1.1—2020).
    """

    findings: tuple[ReportFinding, ...]
    conforms: bool | None
    policy: ReportPolicy
    reasons: tuple[Reason, ...]

    @property
    def failures(self) -> tuple[ReportFinding, ...]:
        """The 应 requirements not met."""
        return tuple(
            f
            for f in self.findings
            if f.strength is ClauseStrength.SHALL and f.status is ReportFindingStatus.NOT_MET
        )

    def _table(self) -> Table:
        verdict = _VERDICT[self.conforms]
        return Table(
            caption=Text(
                f"质量状况分析报告：{verdict.zh}", f"Quality status analysis report: {verdict.en}"
            ),
            columns=_COLUMNS,
            rows=[
                (
                    f.code,
                    str(f.clause),
                    Text(f.strength.value, f.strength.en),
                    Text(_STATUS_ZH[f.status], f.status.value),
                    Text(f.zh, f.en),
                    f.zh,
                    f.en,
                )
                for f in self.findings
            ],
            notes=tuple(
                Text(f"[{r.citation}] {r.zh}", f"[{r.citation}] {r.en}") for r in self.reasons
            ),
        )


_VERDICT = {
    True: Text("符合", "conforms"),
    False: Text("不符合", "does not conform"),
    None: Text("待定", "undetermined"),
}

#: The columns of :class:`ReportCheck`'s table, one row per finding.
_COLUMNS = (
    Column("code", "检查项", "check"),
    Column("clause", "条款", "clause"),
    Column("strength", "力度", "strength"),
    Column("status", "结论", "status"),
    Column("finding", "说明", "finding"),
    Column("zh", "说明（中文）", "finding (Chinese)", shown=False),
    Column("en", "说明（英文）", "finding (English)", shown=False),
)


def _f(
    code: str,
    clause: Citation,
    strength: ClauseStrength,
    status: ReportFindingStatus,
    zh: str,
    en: str,
) -> ReportFinding:
    return ReportFinding(code, clause, strength, status, zh, en)


_MET, _NOT, _UND, _NA = (
    ReportFindingStatus.MET,
    ReportFindingStatus.NOT_MET,
    ReportFindingStatus.UNDETERMINED,
    ReportFindingStatus.NOT_APPLICABLE,
)


def check_report(outline: ReportOutline, *, policy: ReportPolicy | None = None) -> ReportCheck:
    """Check a report's outline against Guide §5.2.1 and Appendix A.

    Each clause gives a finding with its strength (应, 宜, 可); only an unmet 应
    makes the report non-conforming, and an undetermined 应 leaves it undetermined.

    Parameters
    ----------
    outline
        What the report has (facts left ``None`` are not known).
    policy
        The readings to apply; ``None`` means ``ReportPolicy()``, the defaults.

    Returns
    -------
    ReportCheck
        Every finding and the verdict ``conforms``.

    Raises
    ------
    InvalidInputError
        When ``outline`` is not a :class:`ReportOutline` or ``policy`` not a
        :class:`ReportPolicy`.

    Examples
    --------
    >>> o = ReportOutline(
    ...     parts=[ReportPart.COVER, ReportPart.BODY, ReportPart.APPENDIX],
    ...     body=["一、区域质量总体情况", "二、质量发展情况", "三、质量特色", "四、持续改进"],
    ...     cover_fields=list(CoverField), title="2024年度宝山区罗店镇质量状况分析报告",
    ...     unit="罗店镇", year=2024, appendix_materials=3)
    >>> check_report(o).conforms
    True
    >>> bad = attrs.evolve(o, parts=[ReportPart.COVER, ReportPart.BODY])
    >>> [(f.code, f.strength.value) for f in check_report(bad).failures]
    [('parts', '应')]
    """
    policy = ReportPolicy() if policy is None else policy
    if not isinstance(outline, ReportOutline):
        raise InvalidInputError.about("outline", outline, "expected a ReportOutline", _PARTS)
    if not isinstance(policy, ReportPolicy):
        raise InvalidInputError.about("policy", policy, "expected a ReportPolicy")
    findings = [*_parts(outline, policy), *_cover(outline), *_content(outline, policy)]
    findings += _appendix(outline)
    if outline.layout is not None:
        findings += _layout(outline.layout)
    shall = [f for f in findings if f.strength is ClauseStrength.SHALL]
    if any(f.status is _NOT for f in shall):
        conforms: bool | None = False
    elif any(f.status is _UND for f in shall):
        conforms = None
    else:
        conforms = True
    reasons = (
        Reason(
            MODAL_VERBS_CITATION,
            "“应”表示要求，“宜”表示推荐，“可”表示允许；只有未满足的“应”导致不符合。",
            "应 (shall) states a requirement, 宜 (should) a recommendation, 可 (may) a "
            "permission; only an unmet 应 makes the report non-conforming.",
        ),
    )
    return ReportCheck(tuple(findings), conforms, policy, reasons)


def _parts(o: ReportOutline, policy: ReportPolicy) -> list[ReportFinding]:
    need = (ReportPart.COVER, ReportPart.BODY, ReportPart.APPENDIX)
    lacking = [p.value for p in need if p not in o.parts]
    out = [
        _f(
            "parts",
            _PARTS,
            ClauseStrength.SHALL,
            _NOT if lacking else _MET,
            f"缺少：{'、'.join(lacking)}。" if lacking else "含封面、正文、附录三部分。",
            f"Missing: {', '.join(lacking)}." if lacking else "Has cover, body and appendix.",
        )
    ]
    if ReportPart.CONTENTS in o.parts:
        status, zh, en = _MET, "设有目录。", "Has a table of contents."
    elif policy.long_from_pages is None or o.pages is None:
        status = _UND
        zh = "未设目录；篇幅是否“较多”未定（ReportPolicy.long_from_pages 或页数未给出）。"
        en = (
            "No table of contents; whether the report is long is not decided "
            "(ReportPolicy.long_from_pages or the page count not given)."
        )
    elif o.pages >= policy.long_from_pages:
        status, zh, en = (
            _NOT,
            f"篇幅 {o.pages} 页，宜设置目录而未设。",
            f"{o.pages} pages: a table of contents is recommended but absent.",
        )
    else:
        status, zh, en = (
            _NA,
            f"篇幅 {o.pages} 页，不属篇幅较多。",
            f"{o.pages} pages: not long, no contents needed.",
        )
    out.append(_f("contents", _PARTS, ClauseStrength.SHOULD, status, zh, en))
    return out


def _cover(o: ReportOutline) -> list[ReportFinding]:
    out = []
    for field in CoverField:
        has = field in o.cover_fields
        out.append(
            _f(
                f"cover:{field.name.lower()}",
                _COVER_FIELD_CLAUSE[field],
                ClauseStrength.SHALL,
                _MET if has else _NOT,
                f"封面{'标明' if has else '未标明'}{field.value}。",
                f"The cover {'states' if has else 'does not state'} the {field.name.lower()}.",
            )
        )
    cite = guide("Appendix A.2")
    if o.title is None:
        out.append(
            _f("title", cite, ClauseStrength.SHALL, _UND, "报告标题未给出。", "Title not given.")
        )
        return out
    match = _TITLE.fullmatch(o.title)
    problems = []
    if match is None:
        problems.append("不符合“XXXX年度宝山区XX街道（镇、园区）质量状况分析报告”")
    else:
        year, unit = int(match.group(1)), match.group(2)
        if _kind_of(unit) is None:
            problems.append(f"“{unit}”不以街道、镇或园区结尾")
        if o.year is not None and year != o.year:
            problems.append(f"年度 {year} 与报告年度 {o.year} 不符")
        if o.unit is not None and unit != o.unit:
            problems.append(f"单位“{unit}”与“{o.unit}”不符")
    out.append(
        _f(
            "title",
            cite,
            ClauseStrength.SHALL,
            _NOT if problems else _MET,
            ("标题" + "；".join(problems) + "。") if problems else "标题符合附录 A.2 样式。",
            (f"The title {o.title!r} does not follow Appendix A.2 (pattern, kind, year or unit).")
            if problems
            else "The title follows Appendix A.2.",
        )
    )
    return out


def _content(o: ReportOutline, policy: ReportPolicy) -> list[ReportFinding]:
    order = [s.covers for s in o.body if s.covers is not None]
    out = []
    for item in CONTENT_ITEMS:
        has = item in order
        if item is ContentItem.OTHER and not policy.other_required:
            out.append(
                _f(
                    f"content:{item.value}",
                    _CONTENT,
                    ClauseStrength.SHALL,
                    _MET if has else _NA,
                    "e) 其他：" + ("有。" if has else "开放项，未设单节不视为缺项。"),
                    "e) other: "
                    + ("present." if has else "open item; no section of its own needed."),
                )
            )
            continue
        out.append(
            _f(
                f"content:{item.value}",
                _CONTENT,
                ClauseStrength.SHALL,
                _MET if has else _NOT,
                f"{item.value}) {item.zh}：{'有' if has else '缺'}。",
                f"{item.value}) {item.en}: {'present' if has else 'missing'}.",
            )
        )
    firsts = list(dict.fromkeys(order))
    in_order = firsts == sorted(firsts, key=CONTENT_ITEMS.index) and order == sorted(
        order, key=CONTENT_ITEMS.index
    )
    out.append(
        _f(
            "body:order",
            _BODY,
            ClauseStrength.SHALL,
            _MET if in_order else _NOT,
            "正文按 5.2.1.1 内容依次编写。" if in_order else "正文未按 a)–e) 的顺序编写。",
            "The body follows a)–e) in order."
            if in_order
            else "The body does not follow a)–e) in order.",
        )
    )
    status = _MET if o.charts else _NA
    out.append(
        _f(
            "body:charts",
            _BODY,
            ClauseStrength.MAY,
            status,
            "用统计图表进行年份数据对比（允许）。"
            if o.charts
            else "未用或未说明统计图表（允许而非要求）。",
            "Charts compare years (permitted)."
            if o.charts
            else "No charts stated (permitted, not required).",
        )
    )
    return out


def _appendix(o: ReportOutline) -> list[ReportFinding]:
    if o.appendix_materials is None:
        status, zh, en = _UND, "附录佐证材料数量未给出。", "Appendix materials not stated."
    elif o.appendix_materials == 0:
        status, zh, en = _NOT, "附录无佐证数据、表单、记录。", "The appendix holds no materials."
    else:
        status = _MET
        zh = f"附录含佐证材料 {o.appendix_materials} 项。"
        en = f"The appendix holds {o.appendix_materials} supporting materials."
    return [_f("appendix", _APPENDIX, ClauseStrength.SHALL, status, zh, en)]


def _layout(layout: CoverLayout) -> list[ReportFinding]:
    want = COVER_LAYOUT
    checks = (
        (
            "layout:margins",
            guide("Appendix A.1"),
            (
                layout.margin_top_cm,
                layout.margin_bottom_cm,
                layout.margin_left_cm,
                layout.margin_right_cm,
            )
            == (
                want.margin_top_cm,
                want.margin_bottom_cm,
                want.margin_left_cm,
                want.margin_right_cm,
            ),
            "上下 2.54 cm、左右 3.18 cm",
            "margins 2.54 cm top/bottom, 3.18 cm left/right",
        ),
        (
            "layout:title",
            guide("Appendix A.2"),
            layout.title == want.title,
            "标题二号宋体、居中加粗、8 倍段间距、2 倍行间距",
            "title 二号 (22 pt) 宋体, bold, centred, 8× paragraph, 2× line spacing",
        ),
        (
            "layout:compiler-date",
            guide("Appendix A.3"),
            layout.compiler_and_date == want.compiler_and_date,
            "编制单位和时间四号宋体、居中、7 倍段间距、2 倍行间距",
            "compiler and date 四号 (14 pt) 宋体, centred, 7× paragraph, 2× line spacing",
        ),
    )
    return [
        _f(
            code,
            cite,
            ClauseStrength.SHALL,
            _MET if ok else _NOT,
            ("符合：" if ok else "不符合：") + zh,
            ("Meets: " if ok else "Does not meet: ") + en,
        )
        for code, cite, ok, zh, en in checks
    ]
