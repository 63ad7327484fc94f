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


def test_lazy_map_type_checking_imports_and_all_agree() -> None:
    """PEP 562 loading: the lazy map, the imports type checkers see and __all__ are one list."""
    import ast
    from pathlib import Path

    source = Path(baoshan_quality.__file__).read_text("utf-8")
    tree = ast.parse(source)
    checking = next(n for n in tree.body if isinstance(n, ast.If))
    imported = {
        (node.module, alias.name)
        for node in checking.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    lazy = {(m, n) for m, names in baoshan_quality._LAZY.items() for n in names}
    assert imported == lazy
    assert {n for _, n in lazy} | {"__version__"} == set(baoshan_quality.__all__)
    for module, name in lazy:
        assert getattr(importlib.import_module(module), name) is getattr(baoshan_quality, name)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="rank_unitz"):
        baoshan_quality.rank_unitz  # noqa: B018


def test_ranking_path_does_not_load_the_award_modules() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from baoshan_quality import rank_units; "
        "print(sorted(m for m in sys.modules if m.startswith('baoshan_quality.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "baoshan_quality.guide.tiering" in out.stdout
    assert "baoshan_quality.award" not in out.stdout
    assert "baoshan_quality.excellence" not in out.stdout
