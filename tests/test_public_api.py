"""The public face: SPEC §4 names at the top level, one error root, citations."""

from __future__ import annotations

import importlib

import pytest

import baoshan_quality
from baoshan_quality import BaoshanQualityError, Citation, Document, Reason
from baoshan_quality.citations import guide, measures

SPEC_NAMES = [
    "RUBRIC", "Assessment", "score", "ScoreCard", "UnitScore", "rank_units", "Ranking",
    "Tier", "TieringPolicy", "HonorLevel",
]  # fmt: skip


@pytest.mark.parametrize("name", SPEC_NAMES)
def test_spec_section_4_names_import_from_the_top_level(name: str) -> None:
    assert name in baoshan_quality.__all__
    assert getattr(baoshan_quality, name).__doc__


def test_all_lists_only_existing_names_once() -> None:
    names = baoshan_quality.__all__
    assert len(names) == len(set(names))
    for name in names:
        assert hasattr(baoshan_quality, name), name


def test_every_error_is_a_value_error_of_the_one_root() -> None:
    errors = importlib.import_module("baoshan_quality.errors")
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, BaoshanQualityError) and issubclass(cls, ValueError), name


def test_citations_read_as_document_and_clause() -> None:
    assert str(guide("§8.2")) == "Guide §8.2"
    assert measures("Art. 16").full == "宝府规〔2023〕3号 Art. 16"
    assert Document.GUIDE.title_zh.startswith("DB31113/Z 005—2022")
    assert str(Reason(guide("§8.3"), "优秀。", "Excellent.")) == "[Guide §8.3] 优秀。 / Excellent."


@pytest.mark.parametrize("clause", ["", " §8", None])
def test_a_citation_needs_a_clause(clause: object) -> None:
    with pytest.raises(BaoshanQualityError):
        Citation(Document.GUIDE, clause)  # type: ignore[arg-type]


def test_a_reason_needs_both_languages() -> None:
    with pytest.raises(BaoshanQualityError):
        Reason(guide("§8.2"), "排名。", "")
