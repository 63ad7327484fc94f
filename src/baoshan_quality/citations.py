"""Citations and reasons: every rule says which clause of which document made it.

A :class:`Citation` names a document and a clause (``Guide §8.2``,
``Measures Art. 16``).  A :class:`Reason` is a citation with one Chinese and one
English sentence; results carry tuples of reasons so that a user can read off
why the library decided what it did.

>>> c = guide("§8.2")
>>> str(c)
'Guide §8.2'
>>> c.full
'DB31113/Z 005—2022 §8.2'
>>> r = Reason(c, "排名第 1 位。", "Ranked 1st.")
>>> print(r)
[Guide §8.2] 排名第 1 位。 / Ranked 1st.
"""

from __future__ import annotations

import enum

import attrs

from baoshan_quality.errors import InvalidInputError, show

__all__ = [
    "Citation",
    "Document",
    "Reason",
    "civil_code",
    "criteria",
    "guide",
    "measures",
]


class Document(enum.Enum):
    """The documents whose clauses the library encodes or relies on."""

    #: DB31113/Z 005—2022 宝山区基层政府质量提升绩效评价指南
    GUIDE = "DB31113/Z 005—2022"
    #: 宝府规〔2023〕3号 上海市宝山区政府质量奖管理办法
    MEASURES = "宝府规〔2023〕3号"
    #: GB/T 19580-2012 卓越绩效评价准则 (named by Measures Art. 17)
    CRITERIA = "GB/T 19580-2012"
    #: GB/Z 19579-2012 卓越绩效评价准则实施指南 (its Appendix A is the score table)
    CRITERIA_GUIDE = "GB/Z 19579-2012"
    #: 中华人民共和国民法典 (periods: Art. 201-204; 以上/以下: Art. 1259)
    CIVIL_CODE = "中华人民共和国民法典"
    #: GB/T 1.1—2020 (the modal verbs 应/宜/可 of standards)
    GBT_1_1 = "GB/T 1.1—2020"
    #: 国务院办公厅关于部分节假日安排的通知 (the yearly holiday notices)
    HOLIDAY_NOTICE = "国务院办公厅节假日安排通知"

    @property
    def short(self) -> str:
        """The short English name used in citations (``Guide``, ``Measures``)."""
        return _SHORT[self]

    @property
    def title_zh(self) -> str:
        """The document's full Chinese title."""
        return _TITLES[self][0]

    @property
    def title_en(self) -> str:
        """An English rendering of the title."""
        return _TITLES[self][1]


_SHORT = {
    Document.GUIDE: "Guide",
    Document.MEASURES: "Measures",
    Document.CRITERIA: "GB/T 19580",
    Document.CRITERIA_GUIDE: "GB/Z 19579",
    Document.CIVIL_CODE: "Civil Code",
    Document.GBT_1_1: "GB/T 1.1",
    Document.HOLIDAY_NOTICE: "Holiday notice",
}

_TITLES = {
    Document.GUIDE: (
        "DB31113/Z 005—2022 宝山区基层政府质量提升绩效评价指南",
        "DB31113/Z 005—2022 Guide for the performance evaluation of quality improvement "
        "by grass-roots governments of Baoshan District",
    ),
    Document.MEASURES: (
        "宝府规〔2023〕3号 上海市宝山区政府质量奖管理办法",
        "Baoshan Government Rule [2023] No. 3, Measures for the Administration of the "
        "Baoshan District Government Quality Award",
    ),
    Document.CRITERIA: (
        "GB/T 19580-2012 卓越绩效评价准则",
        "GB/T 19580-2012 Criteria for performance excellence",
    ),
    Document.CRITERIA_GUIDE: (
        "GB/Z 19579-2012 卓越绩效评价准则实施指南",
        "GB/Z 19579-2012 Implementation guidelines for criteria for performance excellence",
    ),
    Document.CIVIL_CODE: (
        "中华人民共和国民法典",
        "Civil Code of the People's Republic of China",
    ),
    Document.GBT_1_1: (
        "GB/T 1.1—2020 标准化工作导则 第1部分：标准化文件的结构和起草规则",
        "GB/T 1.1—2020 Directives for standardization, Part 1: rules for the structure "
        "and drafting of standardizing documents",
    ),
    Document.HOLIDAY_NOTICE: (
        "国务院办公厅关于部分节假日安排的通知",
        "General Office of the State Council, notice on the arrangement of public holidays",
    ),
}


def _check_clause(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise InvalidInputError(
            f"Citation.clause must be a non-blank string without surrounding spaces, "
            f"got {show(value)}"
        )


def _check_document(instance: object, attribute: attrs.Attribute[Document], value: object) -> None:
    if not isinstance(value, Document):
        raise InvalidInputError(f"Citation.document must be a Document, got {show(value)}")


@attrs.frozen(order=True)
class Citation:
    """A clause of a document: ``Citation(Document.GUIDE, "§8.2")``.

    Citations order by document number, then clause text.

    Attributes
    ----------
    document
        The :class:`Document`.
    clause
        The clause as the document numbers it; non-blank, without surrounding spaces.

    Examples
    --------
    >>> c = Citation(Document.MEASURES, "Art. 16")
    >>> str(c), c.full
    ('Measures Art. 16', '宝府规〔2023〕3号 Art. 16')
    """

    document: Document = attrs.field(validator=_check_document, order=lambda d: d.value)
    clause: str = attrs.field(validator=_check_clause)

    def __str__(self) -> str:
        return f"{self.document.short} {self.clause}"

    @property
    def full(self) -> str:
        """The citation with the document's number instead of its short name."""
        return f"{self.document.value} {self.clause}"


def _check_sentence(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(
            f"Reason.{attribute.name} must be a non-blank sentence, got {show(value)}"
        )


def _check_citation(instance: object, attribute: attrs.Attribute[Citation], value: object) -> None:
    if not isinstance(value, Citation):
        raise InvalidInputError(f"Reason.citation must be a Citation, got {show(value)}")


@attrs.frozen
class Reason:
    """Why a result is what it is: a clause, a Chinese and an English sentence.

    Attributes
    ----------
    citation
        The clause that decided it.
    zh, en
        The same explanation in Chinese and in English (non-blank sentences).

    Examples
    --------
    >>> print(Reason(measures("Art. 16"), "三年内不得再次申报。", "No new application within 3 years."))
    [Measures Art. 16] 三年内不得再次申报。 / No new application within 3 years.
    """

    citation: Citation = attrs.field(validator=_check_citation)
    zh: str = attrs.field(validator=_check_sentence)
    en: str = attrs.field(validator=_check_sentence)

    def __str__(self) -> str:
        return f"[{self.citation}] {self.zh} / {self.en}"


def guide(clause: str) -> Citation:
    """A clause of DB31113/Z 005—2022 (the Guide).

    Parameters
    ----------
    clause
        The clause as the Guide numbers it (``"§8.2"``).

    Returns
    -------
    Citation
        The citation, printed ``Guide §8.2``.

    Raises
    ------
    InvalidInputError
        When ``clause`` is blank or starts or ends with whitespace.

    Examples
    --------
    >>> str(guide("§8.2")), guide("§8.2").full
    ('Guide §8.2', 'DB31113/Z 005—2022 §8.2')
    """
    return Citation(Document.GUIDE, clause)


def measures(clause: str) -> Citation:
    """A clause of 宝府规〔2023〕3号 (the Measures).

    Parameters
    ----------
    clause
        The clause as the Measures numbers it (``"Art. 16"``).

    Returns
    -------
    Citation
        The citation, printed ``Measures Art. 16``.

    Raises
    ------
    InvalidInputError
        When ``clause`` is blank or starts or ends with whitespace.

    Examples
    --------
    >>> str(measures("Art. 16")), measures("Art. 16").full
    ('Measures Art. 16', '宝府规〔2023〕3号 Art. 16')
    """
    return Citation(Document.MEASURES, clause)


def criteria(clause: str) -> Citation:
    """A clause of GB/T 19580-2012 (the Criteria, named by Measures Art. 17).

    Parameters
    ----------
    clause
        The clause as GB/T 19580-2012 numbers it (``"4.1.2"``).

    Returns
    -------
    Citation
        The citation, printed ``GB/T 19580 4.1.2``.

    Raises
    ------
    InvalidInputError
        When ``clause`` is blank or starts or ends with whitespace.

    Examples
    --------
    >>> str(criteria("4.1.2")), criteria("4.1.2").full
    ('GB/T 19580 4.1.2', 'GB/T 19580-2012 4.1.2')
    """
    return Citation(Document.CRITERIA, clause)


def civil_code(clause: str) -> Citation:
    """A clause of the Civil Code (an article: periods, Art. 201-204; 以上/以下, Art. 1259).

    Parameters
    ----------
    clause
        The clause as the Civil Code numbers it (``"Art. 1259"``).

    Returns
    -------
    Citation
        The citation, printed ``Civil Code Art. 1259``.

    Raises
    ------
    InvalidInputError
        When ``clause`` is blank or starts or ends with whitespace.

    Examples
    --------
    >>> str(civil_code("Art. 1259")), civil_code("Art. 1259").full
    ('Civil Code Art. 1259', '中华人民共和国民法典 Art. 1259')
    """
    return Citation(Document.CIVIL_CODE, clause)
