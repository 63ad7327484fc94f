"""docs/readings.md cannot go stale: every option it names exists in the package."""

from __future__ import annotations

import enum
import re
from pathlib import Path

from tests.public import public

PAGE = Path(__file__).resolve().parent.parent / "docs" / "readings.md"
ROWS = [line for line in PAGE.read_text("utf-8").splitlines() if line.startswith("| R")]


def test_every_spec_reading_r1_to_r15_is_listed_once() -> None:
    ids = [row.split("|")[1].strip() for row in ROWS]
    assert ids[:15] == [f"R{i}" for i in range(1, 16)]
    assert len(ids) == len(set(ids))


def test_every_enum_member_named_on_the_page_exists() -> None:
    named = set(re.findall(r"\b([A-Z][A-Za-z]+)\.([A-Z][A-Z0-9_]+)\b", PAGE.read_text("utf-8")))
    assert named, "the page names no option"
    for cls_name, member in named:
        cls = public(cls_name)
        assert issubclass(cls, enum.Enum), cls_name
        assert member in cls.__members__, f"{cls_name}.{member}"


def test_every_policy_class_named_on_the_page_is_public() -> None:
    for name in set(re.findall(r"`([A-Z][A-Za-z]+Policy)\(", PAGE.read_text("utf-8"))):
        assert isinstance(public(name), type), name
