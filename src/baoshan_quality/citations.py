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

from typing import ClassVar

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


def _check_issuer(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or value != value.strip():
        raise InvalidInputError.about(
            f"Document.{attribute.name}", value, "expected a string without surrounding spaces"
        )


def _check_text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise InvalidInputError.about(
            f"Document.{attribute.name}",
            value,
            "expected a non-blank string without surrounding spaces",
        )


@attrs.frozen(kw_only=True)
class Document:
    """A document whose clauses a rule encodes or relies on: its number, names and issuer.

    A document is data: the library's own documents are constants of this class
    (``Document.GUIDE``, ``Document.MEASURES`` …, listed by :meth:`library`), and
    an award scheme names its own (a next edition of the Measures, a neighbouring
    district's measures), so that every citation of a rule read from the scheme
    names that document.  In JSON a library document is its number (a string, as
    it always was: ``"宝府规〔2023〕3号"``); any other document is an object of
    these fields.

    Attributes
    ----------
    number
        The document's number or designation (文号, 标准编号): ``宝府规〔2023〕3号``,
        ``DB31113/Z 005—2022``.  Two documents with the same number are the same
        document.
    short
        The short English name a citation prints (``Measures Art. 16``).
    title_zh, title_en
        The full Chinese title and an English rendering.
    issuer_zh, issuer_en
        Who issued it (发布机关), when the library knows it; may be empty.

    Examples
    --------
    >>> Document.MEASURES.number, Document.MEASURES.short
    ('宝府规〔2023〕3号', 'Measures')
    >>> Document.MEASURES.issuer_zh
    '上海市宝山区人民政府'
    >>> Document.by_number("DB31113/Z 005—2022") is Document.GUIDE
    True
    """

    #: DB31113/Z 005—2022 宝山区基层政府质量提升绩效评价指南
    GUIDE: ClassVar[Document]
    #: 宝府规〔2023〕3号 上海市宝山区政府质量奖管理办法
    MEASURES: ClassVar[Document]
    #: GB/T 19580-2012 卓越绩效评价准则 (named by Measures Art. 17)
    CRITERIA: ClassVar[Document]
    #: GB/Z 19579-2012 卓越绩效评价准则实施指南 (its Appendix A is the score table)
    CRITERIA_GUIDE: ClassVar[Document]
    #: 中华人民共和国民法典 (periods: Art. 201-204; 以上/以下: Art. 1259)
    CIVIL_CODE: ClassVar[Document]
    #: GB/T 1.1—2020 (the modal verbs 应/宜/可 of standards)
    GBT_1_1: ClassVar[Document]
    #: 国务院办公厅关于部分节假日安排的通知 (the yearly holiday notices)
    HOLIDAY_NOTICE: ClassVar[Document]

    number: str = attrs.field(validator=_check_text)
    short: str = attrs.field(validator=_check_text)
    title_zh: str = attrs.field(validator=_check_text)
    title_en: str = attrs.field(validator=_check_text)
    issuer_zh: str = attrs.field(default="", validator=_check_issuer)
    issuer_en: str = attrs.field(default="", validator=_check_issuer)

    def __attrs_post_init__(self) -> None:
        known = _LIBRARY.get(self.number)
        if known is not None and known != self:
            raise InvalidInputError(
                f"Document.number {self.number!r} is the number of one of the library's "
                "documents: use Document.by_number() (its names and issuer are fixed)"
            )

    @property
    def in_library(self) -> bool:
        """Whether this is one of the library's own documents (JSON: its number)."""
        return _LIBRARY.get(self.number) == self

    @staticmethod
    def library() -> tuple[Document, ...]:
        """The library's own documents, in the order of the constants above."""
        return tuple(_LIBRARY.values())

    @staticmethod
    def by_number(number: str) -> Document:
        """The library's document with this number; an unknown number is refused.

        >>> Document.by_number("GB/T 19580-2012").short
        'GB/T 19580'
        """
        if not isinstance(number, str) or number not in _LIBRARY:
            choices = ", ".join(_LIBRARY)
            raise InvalidInputError.about("number", number, f"expected one of {choices}")
        return _LIBRARY[number]


#: The library's documents by number (filled once, below; never changed afterwards).
_LIBRARY: dict[str, Document] = {}


def _library_document(**fields: str) -> Document:
    document = Document(**fields)
    _LIBRARY[document.number] = document
    return document


Document.GUIDE = _library_document(
    number="DB31113/Z 005—2022",
    short="Guide",
    title_zh="DB31113/Z 005—2022 宝山区基层政府质量提升绩效评价指南",
    title_en="DB31113/Z 005—2022 Guide for the performance evaluation of quality improvement "
    "by grass-roots governments of Baoshan District",
)
Document.MEASURES = _library_document(
    number="宝府规〔2023〕3号",
    short="Measures",
    title_zh="宝府规〔2023〕3号 上海市宝山区政府质量奖管理办法",
    title_en="Baoshan Government Rule [2023] No. 3, Measures for the Administration of the "
    "Baoshan District Government Quality Award",
    issuer_zh="上海市宝山区人民政府",
    issuer_en="People's Government of Baoshan District, Shanghai",
)
Document.CRITERIA = _library_document(
    number="GB/T 19580-2012",
    short="GB/T 19580",
    title_zh="GB/T 19580-2012 卓越绩效评价准则",
    title_en="GB/T 19580-2012 Criteria for performance excellence",
)
Document.CRITERIA_GUIDE = _library_document(
    number="GB/Z 19579-2012",
    short="GB/Z 19579",
    title_zh="GB/Z 19579-2012 卓越绩效评价准则实施指南",
    title_en="GB/Z 19579-2012 Implementation guidelines for criteria for performance excellence",
)
Document.CIVIL_CODE = _library_document(
    number="中华人民共和国民法典",
    short="Civil Code",
    title_zh="中华人民共和国民法典",
    title_en="Civil Code of the People's Republic of China",
    issuer_zh="全国人民代表大会",
    issuer_en="National People's Congress",
)
Document.GBT_1_1 = _library_document(
    number="GB/T 1.1—2020",
    short="GB/T 1.1",
    title_zh="GB/T 1.1—2020 标准化工作导则 第1部分：标准化文件的结构和起草规则",
    title_en="GB/T 1.1—2020 Directives for standardization, Part 1: rules for the structure "
    "and drafting of standardizing documents",
)
Document.HOLIDAY_NOTICE = _library_document(
    number="国务院办公厅节假日安排通知",
    short="Holiday notice",
    title_zh="国务院办公厅关于部分节假日安排的通知",
    title_en="General Office of the State Council, notice on the arrangement of public holidays",
    issuer_zh="国务院办公厅",
    issuer_en="General Office of the State Council",
)


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

    Citations order by document number, then clause text.  ``str(citation)`` names
    the document by its short name, ``citation.full`` by its number.

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

    document: Document = attrs.field(validator=_check_document, order=lambda d: d.number)
    clause: str = attrs.field(validator=_check_clause)

    def __str__(self) -> str:
        return f"{self.document.short} {self.clause}"

    @property
    def full(self) -> str:
        """The citation with the document's number instead of its short name."""
        return f"{self.document.number} {self.clause}"


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
