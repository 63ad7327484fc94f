"""docs/readings.md and its Chinese page cannot go stale: every option they name exists
in the package, and the Chinese page lists the same readings as the English one."""

from __future__ import annotations

import enum
import re
from pathlib import Path

import pytest

from tests.public import public

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "readings.md"
CHINESE = DOCS / "readings.zh.md"
PAGES = [PAGE, CHINESE]


def _rows(page: Path) -> list[str]:
    return [line for line in page.read_text("utf-8").splitlines() if line.startswith("| R")]


def _ids(page: Path) -> list[str]:
    return [row.split("|")[1].strip() for row in _rows(page)]


ROWS = _rows(PAGE)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_spec_reading_r1_to_r15_is_listed_once(page: Path) -> None:
    ids = _ids(page)
    assert ids[:15] == [f"R{i}" for i in range(1, 16)]
    assert len(ids) == len(set(ids))


def test_the_chinese_page_lists_the_same_readings() -> None:
    """Issue 16: the Chinese page is the whole page — every R-number of the English
    page, in the same order, each in one row."""
    english = _ids(PAGE)
    assert english == [f"R{i}" for i in range(1, len(english) + 1)]
    assert _ids(CHINESE) == english


def test_the_chinese_page_selects_each_reading_as_the_english_page_does() -> None:
    """The code a row names to select a reading is the same in both languages (in the
    order each language's sentence puts it): the Chinese page translates the words, not
    the code."""
    for english, chinese in zip(_rows(PAGE), _rows(CHINESE), strict=True):
        select_en = english.rstrip(" |").rsplit("|", 1)[-1]
        select_zh = chinese.rstrip(" |").rsplit("|", 1)[-1]
        code_en = sorted(re.findall(r"`([^`]+)`", select_en))
        assert sorted(re.findall(r"`([^`]+)`", select_zh)) == code_en, english.split("|")[1]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_enum_member_named_on_the_page_exists(page: Path) -> None:
    named = set(re.findall(r"\b([A-Z][A-Za-z]+)\.([A-Z][A-Z0-9_]+)\b", page.read_text("utf-8")))
    assert named, "the page names no option"
    for cls_name, member in named:
        cls = public(cls_name)
        assert isinstance(cls, type) and issubclass(cls, enum.Enum), cls_name
        assert member in cls.__members__, f"{cls_name}.{member}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_policy_class_named_on_the_page_is_public(page: Path) -> None:
    for name in set(re.findall(r"`([A-Z][A-Za-z]+Policy)\(", page.read_text("utf-8"))):
        assert isinstance(public(name), type), name
