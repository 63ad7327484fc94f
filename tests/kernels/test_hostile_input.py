"""Only the library's errors, with bounded messages, for any input (issue 15, item 2;
SPEC §1.6), and names that cannot fool a ranking (item 5).

Each reproducer of the issue that lands in the kernels, the Guide's Appendix A–C
modules or the GB/T 19580 package, as a case: it now raises the library's error (a
``ValueError``) with a short message, or gives the right answer.
"""

from __future__ import annotations

import json
import time
import unicodedata
from decimal import Decimal
from fractions import Fraction

import pytest

from baoshan_quality import UnitScore, rank_units, score
from baoshan_quality._validation import name_problem
from baoshan_quality.citations import Citation
from baoshan_quality.errors import (
    MAX_MESSAGE,
    BaoshanQualityError,
    DuplicateUnitError,
    InvalidInputError,
    InvalidRatingError,
    StructureError,
    listed,
    show,
)
from baoshan_quality.excellence import ScoreSheet, check_rating, scoring_band
from baoshan_quality.guide import (
    SelfAssessmentPolicy,
    UnitYearRecord,
    cover_title,
    evaluate_year,
    self_assess,
)
from baoshan_quality.serialization import MAX_INDENT, from_json, structure, to_json, unstructure

BIG = 10**5000  # past Python's 4,300-digit limit on int -> str


def _loop() -> list[object]:
    items: list[object] = []
    items.append(items)
    return items


def _deep(levels: int) -> object:
    doc: object = "x"
    for _ in range(levels):
        doc = [doc]
    return doc


# --- huge integers: the message used to fail while it was being built ----------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: score(BIG),  # type: ignore[arg-type]
        lambda: cover_title(BIG, "x"),
        lambda: cover_title(2024, BIG),  # type: ignore[arg-type]
        lambda: UnitScore("罗店镇", BIG),
        lambda: UnitScore(BIG, 1),  # type: ignore[arg-type]
        lambda: check_rating(BIG, field="rating"),
        lambda: scoring_band(-BIG),
        lambda: ScoreSheet("张评审", "示例公司", {"4.1.2": BIG}),
        lambda: self_assess([], unit=BIG),  # type: ignore[arg-type]
        lambda: UnitYearRecord("罗店镇", BIG),
        lambda: structure({"unit": "罗店镇", "total": BIG}, UnitScore),
        lambda: structure({"unit": BIG, "total": "1"}, UnitScore),
        lambda: evaluate_year(BIG, []),
        lambda: ScoreSheet("张评审", "示例公司", {BIG: 65}),  # type: ignore[dict-item]
    ],
    ids=lambda _: "",
)
def test_an_integer_too_long_for_str_is_refused_with_a_short_message(call: object) -> None:
    with pytest.raises(BaoshanQualityError) as caught:
        call()  # type: ignore[operator]
    message = str(caught.value)
    assert len(message) < 400
    assert "digits" in message  # "an integer of about 5,001 digits" or "more than 60 digits"


def test_show_names_a_huge_integer_by_its_digits() -> None:
    assert show(BIG) == "an integer of about 5,001 digits"
    assert show(-BIG) == "-an integer of about 5,001 digits"
    assert show(10**100) == "100000000000000000000000…00000000 (101 digits)"
    assert show(12345) == "12345"


# --- self-reference, depth, odd objects ---------------------------------------------


@pytest.mark.parametrize(
    "value",
    [_loop(), _deep(20_000), {"a": _loop()}, [BIG], {BIG: 1}, object()],
    ids=["loop", "deep", "dict-of-loop", "list-of-big", "big-key", "object"],
)
def test_writing_what_is_not_json_is_a_structure_error(value: object) -> None:
    with pytest.raises(StructureError) as caught:
        to_json(value)
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize("value", [_loop(), _deep(20_000)], ids=["loop", "deep"])
def test_unstructure_of_a_value_that_contains_itself_is_a_structure_error(value: object) -> None:
    with pytest.raises(StructureError, match="contains itself, or nests too deeply"):
        unstructure(value)


@pytest.mark.parametrize(
    "data",
    [_loop(), _deep(20_000), {"unit": "罗店镇", "total": _loop()}, [_loop()]],
    ids=["loop", "deep", "field-loop", "list-loop"],
)
def test_reading_a_value_that_contains_itself_is_a_structure_error(data: object) -> None:
    with pytest.raises(StructureError) as caught:
        structure(data, list[UnitScore])
    assert len(str(caught.value)) < 600


def test_a_show_of_a_self_referencing_or_deep_value_is_one_short_line() -> None:
    for value in (_loop(), _deep(100_000), {"a": {"b": {"c": {"d": {"e": 1}}}}}):
        text = show(value)
        assert len(text) <= 100
        assert "\n" not in text

    class Unprintable:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert show(Unprintable()) == "<Unprintable object> (Unprintable)"


# --- keys that are not strings --------------------------------------------------------


@pytest.mark.parametrize("key", [1, None, (1,), True, BIG, b"unit"], ids=show)
def test_a_key_that_is_not_a_string_is_a_structure_error(key: object) -> None:
    """The issue's ``structure({1: 1}, UnitScore)`` raised TypeError."""
    with pytest.raises(StructureError, match=r"expected string keys, got .* @ \$") as caught:
        structure({key: 1}, UnitScore)
    assert len(str(caught.value)) < 300
    with pytest.raises(StructureError, match="@ \\$"):
        structure({"unit": "罗店镇", "total": "1", key: 1}, UnitScore)


def test_a_mapping_field_with_a_key_that_is_not_a_string_names_it() -> None:
    document = {"reviewer": "张评审", "applicant": "示例公司", "ratings": {1: "65"}}
    with pytest.raises(StructureError, match=r"\$\.ratings\[1\]"):
        structure(document, ScoreSheet)


# --- indent ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "indent", ["x", "\t", 10**18, BIG, -1, MAX_INDENT + 1, True, 2.0, Decimal(2)], ids=show
)
def test_an_indent_outside_0_to_16_spaces_is_refused(indent: object) -> None:
    """``indent="x"`` wrote invalid JSON, ``10**18`` ran out of memory, ``10**5000``
    overflowed."""
    with pytest.raises(InvalidInputError, match=r"^to_json indent: expected None .* 0 to 16"):
        to_json(UnitScore("罗店镇", "92.5"), indent=indent)  # type: ignore[arg-type]


@pytest.mark.parametrize("indent", [None, 0, 2, 4, MAX_INDENT])
def test_an_indent_within_the_bound_writes_json(indent: int | None) -> None:
    text = to_json(UnitScore("罗店镇", "92.5"), indent=indent)
    assert json.loads(text)["total"] == "92.5"
    assert from_json(text, UnitScore) == UnitScore("罗店镇", "92.5")


# --- Decimals of any exponent ----------------------------------------------------------


@pytest.mark.parametrize(
    "rating",
    [Decimal("5E-9999999"), Decimal("5E-999999"), Decimal("1E-61"), Decimal("1E+999999")],
    ids=str,
)
def test_a_rating_the_library_cannot_hold_is_refused_not_rounded_to_a_band(
    rating: Decimal,
) -> None:
    """GB/Z 19579 附录C: ``scoring_band(Decimal("5E-9999999"))`` answered 0-5 % (the
    value had been rounded to 0)."""
    with pytest.raises(InvalidRatingError, match=r"^rating: more than 60 digits"):
        scoring_band(rating)


def test_numbers_are_written_in_plain_notation_and_read_back() -> None:
    """A Decimal the library holds is written without an exponent (``1E+2`` was
    written "1E+2", which the reader refuses)."""
    for total in (Decimal("1E+2"), Decimal("1E-7"), Decimal("0E-3"), Decimal("1E+59")):
        unit = UnitScore("罗店镇", total)
        text = to_json(unit)
        assert "E" not in json.loads(text)["total"]
        assert from_json(text, UnitScore) == unit


def test_a_result_carried_to_60_digits_reads_back_from_its_json() -> None:
    """Guide Appendix C, R6's alternative (not rounded): 8 × (200/3 + 100) / 2 / 100 =
    20/3 is carried to 60 significant digits; its JSON (61 characters) reads back."""
    from baoshan_quality.guide import (
        Audience,
        AudienceFacts,
        IndicatorRounding,
        ItemRating,
        SelfAssessment,
        TraineeFacts,
    )

    result = self_assess(
        [
            ItemRating("2.3-1", audiences=AudienceFacts([Audience.PUPILS, Audience.ENTERPRISES])),
            ItemRating("2.3-2", trainees=TraineeFacts(6, 5, 140, 120)),
        ],
        policy=SelfAssessmentPolicy(allow_missing=True, rounding=IndicatorRounding.EXACT),
    )
    score_23 = result.indicator("2.3").score
    assert len(score_23.as_tuple().digits) == 60
    assert abs(Fraction(score_23) - Fraction(20, 3)) < Fraction(1, 10**58)
    assert from_json(to_json(result), SelfAssessment) == result


# --- message size ---------------------------------------------------------------------


def test_100000_bad_items_give_a_short_message_fast() -> None:
    """100,000 ``null``s gave a 5.9 MB one-line message after 4.3 s: the first five
    are named, the rest counted."""
    text = "[" + ",".join(["null"] * 100_000) + "]"
    started = time.perf_counter()
    with pytest.raises(StructureError) as caught:
        from_json(text, list[UnitScore])
    elapsed = time.perf_counter() - started
    message = str(caught.value)
    assert len(message) < 500
    assert message.endswith("@ $[4]; and 99,995 more")
    assert "$[5]" not in message
    assert caught.value.paths[-1] == "and 99,995 more bad items @ $"
    assert elapsed < 3  # about 0.4 s on the CI machine; 4.3 s before


def test_many_bad_entries_of_an_object_are_counted() -> None:
    ratings = {f"9.{i}": "x" for i in range(10_000)}
    with pytest.raises(StructureError, match=r"; and 9,995 more$"):
        structure({"reviewer": "张评审", "applicant": "示例公司", "ratings": ratings}, ScoreSheet)


def test_many_extra_keys_are_named_by_the_first_five() -> None:
    document = {"unit": "罗店镇", "total": "1", **{f"k{i:05d}": 1 for i in range(10_000)}}
    with pytest.raises(StructureError) as caught:
        structure(document, UnitScore)
    assert "extra fields found (k00000, k00001, k00002, k00003, k00004 and 9,995 more)" in str(
        caught.value
    )


def test_every_message_is_cut_at_the_bound() -> None:
    error = InvalidInputError("x" * 1_000_000)
    assert len(str(error)) == MAX_MESSAGE
    assert str(error).endswith("…")
    assert listed(list(range(100_000))) == "0, 1, 2, 3, 4 and 99,995 more"


def test_a_lone_surrogate_in_a_message_is_escaped_so_that_it_prints() -> None:
    error = InvalidInputError("bad name \ud800")
    assert str(error) == "bad name \\ud800"
    str(error).encode("utf-8")


def test_a_long_value_is_cut_with_an_ellipsis() -> None:
    with pytest.raises(InvalidInputError) as caught:
        UnitScore("罗店镇", "9" * 100_000)
    message = str(caught.value)
    assert "…" in message
    assert len(message) < 300


# --- names that cannot fool a ranking -------------------------------------------------

NFC = "Café镇"
NFD = unicodedata.normalize("NFD", NFC)


def test_an_nfd_name_equals_its_nfc_spelling() -> None:
    """ "罗店镇" spelt in NFD and in NFC is one name (a converter puts it in NFC)."""
    assert NFD != NFC
    assert ScoreSheet("张评审", NFD, {}).applicant == NFC
    assert ScoreSheet(NFD, NFC, {}) == ScoreSheet(NFC, NFC, {})
    assert UnitYearRecord(NFD, 2024).unit == NFC
    assert cover_title(2024, NFD) == f"2024年度宝山区{NFC}质量状况分析报告"
    assert self_assess([], unit=NFD, policy=_allow_missing()).unit == NFC
    assert from_json(to_json(ScoreSheet("张评审", NFD, {})), ScoreSheet).applicant == NFC


def _allow_missing() -> SelfAssessmentPolicy:
    return SelfAssessmentPolicy(allow_missing=True)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("罗店镇\u200b", "U+200B ZERO WIDTH SPACE at position 3 is an invisible format character"),
        ("罗\u200d店镇", "U+200D ZERO WIDTH JOINER at position 1"),
        ("\ufeff罗店镇", "U+FEFF ZERO WIDTH NO-BREAK SPACE at position 0"),
        ("罗店\u202e镇", "U+202E RIGHT-TO-LEFT OVERRIDE at position 2"),
        ("罗店镇\u00ad", "U+00AD SOFT HYPHEN at position 3"),
        ("罗\x00店镇", "U+0000 at position 1 is a control character (Cc)"),
        ("罗店\x1b[31m镇", "U+001B at position 2 is a control character"),
        ("罗店镇\ud800", "U+D800 at position 3 is a lone surrogate (Cs)"),
        ("罗店\ue000镇", "U+E000 at position 2 is a private-use character (Co)"),
        ("罗店\u0378镇", "U+0378 at position 2 is an unassigned code point (Cn)"),
        ("罗店\u2028镇", "U+2028 LINE SEPARATOR at position 2 is a line separator (Zl)"),
    ],
    ids=lambda v: v.encode("unicode_escape").decode("ascii")[:30],
)
def test_a_name_with_a_hidden_character_is_refused_naming_position_and_code_point(
    name: str, problem: str
) -> None:
    """ "罗店镇" and "罗店镇\\u200b" ranked as two units; a NUL printed raw."""
    for build, field in (
        (lambda: UnitScore(name, 90), "UnitScore.unit"),  # the shared validator (tiering)
        (lambda: ScoreSheet("张评审", name, {}), "ScoreSheet.applicant"),
        (lambda: ScoreSheet(name, "示例公司", {}), "ScoreSheet.reviewer"),
        (lambda: UnitYearRecord(name, 2024), "UnitYearRecord.unit"),
        (lambda: cover_title(2024, name), "unit"),
        (lambda: self_assess([], unit=name), "unit"),
    ):
        with pytest.raises(InvalidInputError) as caught:
            build()
        assert caught.value.field == field
        assert problem in str(caught.value)
        str(caught.value).encode("utf-8")  # the message prints, the name escaped
        assert "\x00" not in str(caught.value)


def test_an_nfd_unit_name_is_the_nfc_unit_in_a_ranking() -> None:
    """Issue 15 item 5: "Unit and applicant names are normalised to NFC" — the NFD and
    NFC spellings of one name rank as one unit (a duplicate), and a lookup by either
    finds it.  (Before, a field that only validated refused the NFD spelling.)"""
    assert UnitScore(NFD, 90).unit == NFC
    with pytest.raises(DuplicateUnitError) as caught:
        rank_units([UnitScore(NFD, 90), UnitScore(NFC, 80)])
    assert caught.value.field == "units[1].unit"
    ranking = rank_units([UnitScore(NFD, 90), UnitScore("罗店镇", 80)])
    assert ranking[NFD].unit == NFC
    assert NFD in ranking
    assert [e.unit for e in ranking] == [NFC, "罗店镇"]


def test_the_validator_alone_still_refuses_a_second_spelling() -> None:
    """``is_name`` without the converter refuses an NFD name with the position where NFC
    differs: every name field pairs it with ``to_name`` (tests/kernels/test_names.py)."""
    problem = name_problem(NFD)
    assert problem is not None
    assert problem.startswith("not in Unicode normal form NFC from position 3")


# --- a document object inside a citation (found by the large fuzz budget) --------------


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({10**5000: 1, "number": "甲"}, "expected string keys, got an integer of about 5,001 digits"),
        (
            {"number": "甲", "short": "乙", "title_zh": "丙", "title_en": "d",
             "issuer_zh": "戊", "issuer_en": "f", 10**5000: 1},
            "expected string keys",
        ),
    ],
)  # fmt: skip
def test_a_document_object_with_a_huge_key_is_refused_by_the_library(
    document: dict[object, object], problem: str
) -> None:
    """A document written as an object takes the same key check as every object: a key
    too long for Python's ``str`` never escapes as its ``ValueError``."""
    with pytest.raises(StructureError, match=problem) as caught:
        structure({"clause": "Art. 1", "document": document}, Citation)
    assert caught.value.paths[0].endswith("@ $.document")


def test_extra_keys_are_listed_whatever_they_are() -> None:
    """Extra keys are sorted by their shown form, so any key can be listed."""
    with pytest.raises(StructureError, match=r"extra fields found \(zz\) @ \$\.document"):
        structure(
            {
                "clause": "Art. 1",
                "document": {"number": "甲", "short": "乙", "title_zh": "丙",
                             "title_en": "d", "issuer_zh": "戊", "issuer_en": "f", "zz": 1},
            },
            Citation,
        )  # fmt: skip
