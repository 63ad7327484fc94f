"""Measures Art. 5-6 and reading R10: incubation and evaluation years."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.cycle import (
    CyclePhase,
    CyclePolicy,
    CycleYear,
    cycle_year,
    evaluation_years,
    phase_on,
)
from baoshan_quality.award.scheme import BAOSHAN_2023
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.serialization import from_json, to_json


@pytest.mark.parametrize(
    ("year", "phase", "evaluated_in"),
    [
        (2023, CyclePhase.EVALUATION, 2023),  # R10 default anchor: the 5th edition
        (2024, CyclePhase.INCUBATION, 2025),
        (2025, CyclePhase.EVALUATION, 2025),
        (2026, CyclePhase.INCUBATION, 2027),
        (2027, CyclePhase.EVALUATION, 2027),
        (2028, CyclePhase.INCUBATION, 2029),
    ],
)
def test_art5_biennial_default_anchor(year: int, phase: CyclePhase, evaluated_in: int) -> None:
    y = cycle_year(year)
    assert (y.phase, y.evaluation_year) == (phase, evaluated_in)
    assert str(y.reasons[0].citation) == "Measures Art. 5"
    if phase is CyclePhase.INCUBATION:
        assert str(y.reasons[1].citation) == "Measures Art. 6"


def test_r10_other_anchor() -> None:
    policy = CyclePolicy(evaluation_anchor=2024)
    assert cycle_year(2024, policy=policy).phase is CyclePhase.EVALUATION
    assert cycle_year(2023, policy=policy).phase is CyclePhase.INCUBATION
    assert evaluation_years(2023, 2028, policy=policy) == (2024, 2026, 2028)


def test_a_five_year_cycle_is_new_data() -> None:
    scheme = attrs.evolve(BAOSHAN_2023, cycle=attrs.evolve(BAOSHAN_2023.cycle, count=5))
    assert evaluation_years(2023, 2028, scheme=scheme) == (2023, 2028)
    assert cycle_year(2026, scheme=scheme).evaluation_year == 2028


@given(st.integers(2023, 2028), st.integers(1900, 2100))
def test_every_edition_has_one_evaluation_year_in_two(year: int, anchor: int) -> None:
    policy = CyclePolicy(evaluation_anchor=anchor)
    phases = {cycle_year(year, policy=policy).phase}
    other = year + 1 if year < 2028 else year - 1
    phases.add(cycle_year(other, policy=policy).phase)
    assert phases == {CyclePhase.INCUBATION, CyclePhase.EVALUATION}


def test_art28_years_and_days_outside_validity() -> None:
    with pytest.raises(OutsideValidityError):
        cycle_year(2022)
    with pytest.raises(OutsideValidityError):
        cycle_year(2029)
    assert cycle_year(2029, allow_outside_validity=True).applied_outside_validity
    assert not cycle_year(2023).applied_outside_validity
    with pytest.raises(OutsideValidityError):
        phase_on(dt.date(2023, 4, 26))
    early = phase_on(dt.date(2023, 4, 26), allow_outside_validity=True)
    assert early.applied_outside_validity
    assert phase_on(dt.date(2023, 4, 27)).phase is CyclePhase.EVALUATION


@pytest.mark.parametrize("bad", ["2025", 2025.0, True, 0, None])
def test_bad_years_raise_the_library_error(bad: object) -> None:
    with pytest.raises(InvalidInputError):
        cycle_year(bad)  # type: ignore[arg-type]


def test_bad_policy_and_range() -> None:
    with pytest.raises(InvalidInputError):
        cycle_year(2025, policy=2023)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        evaluation_years(2026, 2024)
    with pytest.raises(InvalidInputError):
        CyclePolicy(evaluation_anchor="2023")  # type: ignore[arg-type]


def test_json_round_trip_and_faces() -> None:
    y = cycle_year(2024)
    assert from_json(to_json(y), CycleYear) == y
    assert from_json(to_json(CyclePolicy()), CyclePolicy) == CyclePolicy()
    assert "培育孵化年" in str(y)
    assert y.to_records()[0]["phase"] == "incubation"
