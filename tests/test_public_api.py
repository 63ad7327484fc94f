"""The public face: SPEC §4 names at the top level, one error root, citations."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import baoshan_quality
from baoshan_quality import BaoshanQualityError, Citation, Reason
from baoshan_quality._index import MODULES
from baoshan_quality.citations import Document, guide, measures

SPEC_NAMES = [
    "RUBRIC", "Assessment", "score", "ScoreCard", "UnitScore", "rank_units", "Ranking",
    "Tier", "TieringPolicy", "HonorLevel", "AwardClass", "Track", "quota", "prize_cap",
    "check_eligibility",
]  # fmt: skip
ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_PACKAGES = ["baoshan_quality.guide", "baoshan_quality.award", "baoshan_quality.excellence"]


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


def test_the_front_door_is_small_and_every_name_is_its_modules_own() -> None:
    """Issue 13: at most about 40 everyday names, each the object its module defines."""
    assert len(baoshan_quality.__all__) <= 45
    where = {name: module for module, names in MODULES.items() for name in names}
    for name in baoshan_quality.__all__:
        module = importlib.import_module(where[name])
        assert getattr(baoshan_quality, name) is getattr(module, name), name
    assert sorted(dir(baoshan_quality)) == dir(baoshan_quality)
    assert set(baoshan_quality.__all__) <= set(dir(baoshan_quality))


def test_the_generated_index_and_stub_are_current() -> None:
    """Each public name is written once by hand (its module's ``__all__``); the index the
    lazy loaders read and the top-level stub type checkers read are generated from it."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "exports.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_public_name_is_listed_once_and_defined_where_it_is_listed() -> None:
    names = [name for names in MODULES.values() for name in names]
    assert len(names) == len(set(names))
    for module, listed in MODULES.items():
        loaded = importlib.import_module(module)
        assert list(loaded.__all__) == list(listed), module
        for name in listed:
            value = getattr(loaded, name)
            home = getattr(value, "__module__", module)
            if isinstance(value, type) or callable(value):
                assert home == module, f"{name} is listed by {module} but defined in {home}"


@pytest.mark.parametrize("package", DOCUMENT_PACKAGES)
def test_a_document_package_exports_its_modules_names_and_types_them_the_same(
    package: str,
) -> None:
    loaded = importlib.import_module(package)
    modules = [m for m in MODULES if m.startswith(package + ".")]
    expected = [name for m in modules for name in MODULES[m]]
    assert loaded.__all__ == expected
    assert loaded.__doc__ and len(loaded.__doc__) > 200  # says which clauses it holds
    # The imports type checkers see are exactly the package's public modules.
    tree = ast.parse(Path(loaded.__file__ or "").read_text("utf-8"))
    checking = next(n for n in tree.body if isinstance(n, ast.If))
    starred = sorted(
        node.module or ""
        for node in checking.body
        if isinstance(node, ast.ImportFrom) and [a.name for a in node.names] == ["*"]
    )
    assert starred == sorted(modules)
    namespace: dict[str, object] = {}
    exec(f"from {package} import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(expected)
    for name in expected:
        assert name in dir(loaded)


def test_every_public_name_is_importable_from_its_documents_package_or_kernel() -> None:
    for module, names in MODULES.items():
        home = importlib.import_module(".".join(module.split(".")[:2]))
        for name in names:
            assert getattr(home, name) is getattr(importlib.import_module(module), name)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="rank_unitz"):
        baoshan_quality.rank_unitz  # noqa: B018


def test_ranking_path_does_not_load_the_award_modules() -> None:
    code = (
        "import sys; from baoshan_quality import rank_units; "
        "print(sorted(m for m in sys.modules if m.startswith('baoshan_quality.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "baoshan_quality.guide.tiering" in out.stdout
    assert "baoshan_quality.award" not in out.stdout
    assert "baoshan_quality.excellence" not in out.stdout
