"""JSON round-trips of every public input and result of the Guide path (SPEC §1.7)."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import (
    RUBRIC,
    Assessment,
    HonorLevel,
    IncidentKind,
    Ranking,
    ScoreCard,
    ScoringPolicy,
    TiePolicy,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    from_json,
    rank_units,
    score,
    to_json,
)
from baoshan_quality.errors import StructureError
from baoshan_quality.guide import BonusPolicy, IncidentPolicy
from baoshan_quality.sample import sample_assessments
from baoshan_quality.serialization import structure, unstructure

FULL = {c.code: str(c.points) for c in RUBRIC.criteria}

assessments = st.builds(
    Assessment,
    unit=st.sampled_from(["罗店镇", "友谊路街道", "宝山工业园区", "𠀀镇"]),
    year=st.integers(2022, 2030),
    scores=st.fixed_dictionaries(
        {c.code: st.decimals(0, c.points, places=2, allow_nan=False) for c in RUBRIC.criteria}
    ),
    honors=st.lists(st.sampled_from(list(HonorLevel)), max_size=4).map(tuple),
    incidents=st.lists(st.sampled_from(list(IncidentKind)), max_size=3).map(tuple),
)
scoring_policies = st.builds(
    ScoringPolicy,
    incidents=st.sampled_from(list(IncidentPolicy)),
    bonus=st.sampled_from(list(BonusPolicy)),
)


@given(assessments, scoring_policies)
def test_property_assessment_and_score_card_round_trip(a: Assessment, p: ScoringPolicy) -> None:
    assert from_json(to_json(a), Assessment) == a
    card = score(a, policy=p)
    assert from_json(to_json(card), ScoreCard) == card


@given(st.lists(assessments, max_size=8, unique_by=lambda a: a.unit))
def test_property_ranking_round_trips(items: list[Assessment]) -> None:
    same_year = [attrs.evolve(a, year=2024) for a in items]
    r = rank_units(score(a) for a in same_year)
    assert from_json(to_json(r), Ranking) == r


def test_sample_ranking_and_policies_round_trip() -> None:
    r = rank_units(score(a) for a in sample_assessments())
    assert from_json(to_json(r), Ranking) == r
    for policy in (
        TieringPolicy(),
        TieringPolicy(ties=TiePolicy.STRICT, vacancy=VacancyPolicy.BACKFILL, tie_break=("a",)),
    ):
        assert from_json(to_json(policy), TieringPolicy) == policy
    us = [UnitScore("a", "1.50"), UnitScore("b", 2, True, incidents=3)]
    assert structure(unstructure(us), list[UnitScore]) == us  # type: ignore[arg-type]


def test_json_shapes_decimal_as_string_enum_as_value() -> None:
    data = json.loads(
        to_json(Assessment("罗店镇", 2024, {"1.1.1": "2.5"}, honors=(HonorLevel.NATIONAL,)))
    )
    assert data == {
        "unit": "罗店镇",
        "year": 2024,
        "scores": {"1.1.1": "2.5"},
        "honors": [{"level": "national", "title": ""}],
        "incidents": [],
    }


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"unit": "a", "total": 92.5}', "$.total"),  # a float for a Decimal
        ('{"unit": "a", "total": 92}', "$.total"),  # a number for a Decimal
        ('{"unit": "a", "total": "NaN"}', "$.total"),
        ('{"unit": "a", "total": "1", "major_incident": "false"}', "$.major_incident"),
        ('{"unit": "a", "total": "1", "major_incident": 0}', "$.major_incident"),
        ('{"unit": 5, "total": "1"}', "$.unit"),
        ('{"unit": "a", "total": "1", "incidents": "3"}', "$.incidents"),
        ('{"unit": "a", "total": "1", "colour": "red"}', "colour"),
        ('{"total": "1"}', "$.unit"),
        ('{"unit": "", "total": "1"}', "non-blank"),
        ('{"unit": "a", "total": "200"}', None),  # valid shape; range is rank_units' job
    ],
)
def test_strict_structure_errors_carry_the_path(text: str, path: str | None) -> None:
    if path is None:
        assert from_json(text, UnitScore).total == 200
        return
    with pytest.raises(StructureError) as info:
        from_json(text, UnitScore)
    assert path in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "doc",
    [
        {"unit": "a", "year": 2024, "scores": {"1.1.1": "9"}},  # above maximum
        {"unit": "a", "year": 2024, "scores": {"9.9.9": "1"}},  # unknown criterion
        {"unit": "a", "year": 2024, "scores": [["1.1.1", "1"]]},  # wrong shape
        {"unit": "a", "year": 2024, "scores": {}, "honors": ["national"]},
        {"unit": "a", "year": 2024, "scores": {}, "honors": [{"level": "regional"}]},
        {"unit": "a", "year": 2024, "scores": {}, "incidents": "product"},
        {"unit": "a", "year": "2024", "scores": {}},
        {"unit": "a", "year": 2024.0, "scores": {}},
        [1, 2],
        "assessment",
        None,
    ],
)
def test_malformed_assessments_raise_structure_error(doc: object) -> None:
    with pytest.raises(StructureError):
        structure(doc, Assessment)


@pytest.mark.parametrize(
    "text",
    ["", "{", "NaN", '{"unit": "a", "unit": "b", "total": "1"}', "[" * 100_000, b"\xff", 12],
)
def test_bad_json_text_is_a_structure_error(text: object) -> None:
    with pytest.raises(StructureError):
        from_json(text, UnitScore)  # type: ignore[arg-type]


def test_decimal_values_keep_their_digits() -> None:
    u = from_json('{"unit": "a", "total": "92.50"}', UnitScore)
    assert str(u.total) == "92.50" and u.total == Decimal("92.5")
