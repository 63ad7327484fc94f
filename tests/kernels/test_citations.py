"""Documents as data (issue 14): the library's documents are constants, a scheme names its own.

A citation of a rule read from a scheme names the scheme's document; the library's fixed
documents keep the JSON they always had (their number, a string), any other document is
an object.
"""

from __future__ import annotations

import pytest

from baoshan_quality.citations import Citation, Document, Reason, guide, measures
from baoshan_quality.errors import InvalidInputError, StructureError
from baoshan_quality.serialization import from_json, to_json, unstructure

#: An invented document (no such rule exists): a neighbouring district's measures.
OTHER = Document(
    number="示例区府规〔2025〕1号（示例）",
    short="Illustrative District Measures",
    title_zh="示例区政府质量奖管理办法（示例，非真实文件）",
    title_en="Illustrative District Government Quality Award Measures (illustrative only)",
)


def test_library_documents_are_constants_in_order() -> None:
    assert [d.short for d in Document.library()] == [
        "Guide",
        "Measures",
        "GB/T 19580",
        "GB/Z 19579",
        "Civil Code",
        "GB/T 1.1",
        "Holiday notice",
    ]
    assert Document.MEASURES.number == "宝府规〔2023〕3号"
    assert (
        Document.MEASURES.issuer_zh == "上海市宝山区人民政府"
    )  # 宝府规〔2023〕3号: 上海市宝山区人民政府
    assert all(d.in_library for d in Document.library())
    assert not OTHER.in_library
    assert Document.by_number("宝府规〔2023〕3号") is Document.MEASURES


def test_a_citation_names_its_own_document() -> None:
    c = Citation(OTHER, "Art. 7")
    assert str(c) == "Illustrative District Measures Art. 7"
    assert c.full == "示例区府规〔2025〕1号（示例） Art. 7"
    assert c != Citation(Document.MEASURES, "Art. 7")
    assert str(Reason(c, "甲。", "A.")) == "[Illustrative District Measures Art. 7] 甲。 / A."


def test_library_documents_stay_strings_in_json_others_are_objects() -> None:
    assert unstructure(measures("Art. 16")) == {
        "document": "宝府规〔2023〕3号",
        "clause": "Art. 16",
    }
    assert unstructure(guide("§8.2"))["document"] == "DB31113/Z 005—2022"
    data = unstructure(Citation(OTHER, "Art. 7"))
    assert data["document"]["number"] == "示例区府规〔2025〕1号（示例）"
    for citation in (measures("Art. 16"), Citation(OTHER, "Art. 7")):
        assert from_json(to_json(citation), Citation) == citation


def test_a_document_may_not_borrow_a_library_number() -> None:
    with pytest.raises(InvalidInputError, match="library's documents"):
        Document(number="宝府规〔2023〕3号", short="Mine", title_zh="甲", title_en="A")
    text = '{"document": {"number": "宝府规〔2023〕3号", "short": "M", "title_zh": "甲", "title_en": "A"}, "clause": "Art. 1"}'
    with pytest.raises(StructureError, match=r"\$\.document"):
        from_json(text, Citation)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ('"宝府规〔2023〕9号"', "library's document numbers"),
        ("3", "library's document numbers"),
        ('{"number": "x"}', "required field missing"),
        ('{"number": "x", "short": "X", "title_zh": "甲", "title_en": "A", "year": 1}', "extra"),
    ],
)
def test_unknown_documents_are_refused_naming_the_field(document: str, problem: str) -> None:
    with pytest.raises(StructureError, match=problem) as info:
        from_json(f'{{"document": {document}, "clause": "Art. 1"}}', Citation)
    assert any("$.document" in path for path in info.value.paths)


@pytest.mark.parametrize("field", ["number", "short", "title_zh", "title_en"])
def test_document_fields_are_non_blank(field: str) -> None:
    values = {"number": "x", "short": "X", "title_zh": "甲", "title_en": "A", field: " "}
    with pytest.raises(InvalidInputError, match=field):
        Document(**values)
    with pytest.raises(InvalidInputError, match="issuer_zh"):
        Document(number="x", short="X", title_zh="甲", title_en="A", issuer_zh=" x")


def test_by_number_refuses_an_unknown_number() -> None:
    with pytest.raises(InvalidInputError) as info:
        Document.by_number("宝府规〔2023〕9号")
    assert info.value.field == "number"
    assert sorted([Citation(OTHER, "Art. 1"), measures("Art. 1")])[0].document is Document.MEASURES
