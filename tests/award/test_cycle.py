"""Measures Art. 5-6 and reading R10: incubation and evaluation years.

Art. 5: 区政府质量奖每两年评选一届，其中一年为培育孵化年，一年为评选年。具体安排以
当年工作方案为准.  Art. 6: 在培育孵化年，组织实施卓越绩效管理公益孵化.  R10's default
anchor: 2023 is an evaluation year.  The Measures apply 2023-04-27..2028-07-31 (Art. 28),
so the years 2023..2028 each have a day inside.  Expectations are worked out by hand
from these; errors follow ``field: problem, got value (clause)``.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.baoshan import BAOSHAN_2023
from baoshan_quality.award.cycle import (
    CyclePhase,
    CyclePolicy,
    CycleYear,
    cycle_year,
    evaluation_years,
    phase_on,
)
from baoshan_quality.citations import measures
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.serialization import from_json, to_json

from .shared import LATER

D = dt.date
ART_5, ART_6, ART_28 = measures("Art. 5"), measures("Art. 6"), measures("Art. 28")
# A three-year cycle (two incubation years, then the evaluation year) — new data, not 2023's.
THREE = attrs.evolve(BAOSHAN_2023, cycle=attrs.evolve(BAOSHAN_2023.cycle, count=3))


def _error(call) -> InvalidInputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


# --- Art. 5 and R10: which years are which --------------------------------------------


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


def test_art5_phase_names() -> None:
    assert CyclePhase.INCUBATION.zh == "培育孵化年"
    assert CyclePhase.EVALUATION.zh == "评选年"


def test_a_three_year_cycle_counts_two_incubation_years() -> None:
    # Anchor 2023: 2024 and 2025 incubate, 2026 evaluates.
    assert [(cycle_year(y, scheme=THREE).phase, cycle_year(y, scheme=THREE).evaluation_year)
            for y in (2024, 2025, 2026)] == [
        (CyclePhase.INCUBATION, 2026),
        (CyclePhase.INCUBATION, 2026),
        (CyclePhase.EVALUATION, 2026),
    ]  # fmt: skip
    assert cycle_year(2024, scheme=THREE).reasons[0].en.startswith("One edition every 3 years;")
    assert evaluation_years(2023, 2028, scheme=THREE) == (2023, 2026)


def test_years_before_the_anchor_count_back() -> None:
    # Anchor 2027: 2023 and 2025 are evaluation years too, 2024 incubates for 2025.
    policy = CyclePolicy(evaluation_anchor=2027)
    assert cycle_year(2024, policy=policy).evaluation_year == 2025
    assert cycle_year(2023, policy=policy).phase is CyclePhase.EVALUATION


@given(st.integers(2023, 2028), st.integers(1900, 2100))
def test_every_edition_has_one_evaluation_year_in_two(year: int, anchor: int) -> None:
    policy = CyclePolicy(evaluation_anchor=anchor)
    phases = {cycle_year(year, policy=policy).phase}
    other = year + 1 if year < 2028 else year - 1
    phases.add(cycle_year(other, policy=policy).phase)
    assert phases == {CyclePhase.INCUBATION, CyclePhase.EVALUATION}


# --- the reasons (golden sentences) ------------------------------------------------------


def test_art5_evaluation_year_reason() -> None:
    y = cycle_year(2025)
    assert len(y.reasons) == 1  # no Art. 6 incubation in an evaluation year
    (reason,) = y.reasons
    assert reason.citation == ART_5
    assert reason.zh == (
        "每 2 年评选一届；以 2023 年为评选年（R10），2025 年为评选年，属 2025 年评选的一届。"
        "具体安排以当年工作方案为准。"
    )
    assert reason.en == (
        "One edition every 2 years; with 2023 as an evaluation year (R10), 2025 is an "
        "evaluation year of the edition evaluated in 2025. The year's work plan governs the "
        "details."
    )


def test_art5_art6_incubation_year_reasons() -> None:
    y = cycle_year(2026)
    assert y.reasons[0].zh == (
        "每 2 年评选一届；以 2023 年为评选年（R10），2026 年为培育孵化年，属 2027 年评选的一届。"
        "具体安排以当年工作方案为准。"
    )
    assert y.reasons[1].citation == ART_6
    assert y.reasons[1].zh == "培育孵化年组织实施卓越绩效管理公益孵化。"
    assert y.reasons[1].en == (
        "In an incubation year, public-interest incubation in performance excellence is run."
    )
    assert len(y.reasons) == 2


# --- Art. 28 at the year's level, and another edition ----------------------------------


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


@pytest.mark.parametrize(
    ("year", "outside"), [(2022, True), (2023, False), (2028, False), (2029, True)]
)
def test_art28_first_and_last_years_with_a_day_inside(year: int, outside: bool) -> None:
    if outside:
        with pytest.raises(OutsideValidityError) as info:
            cycle_year(year)
        err = info.value
        assert (err.field, err.value, err.citation) == ("year", year, ART_28)
        assert str(err) == (
            "year: no day of it lies in the Measures' span 2023-04-27..2028-07-31; pass "
            f"allow_outside_validity=True to apply them anyway, got {year} (Measures Art. 28)"
        )
    else:
        assert not cycle_year(year).applied_outside_validity


def test_a_year_applied_outside_says_so() -> None:
    y = cycle_year(2029, allow_outside_validity=True)
    assert (y.phase, y.evaluation_year, y.applied_outside_validity) == (
        CyclePhase.EVALUATION,
        2029,
        True,
    )
    last = y.reasons[-1]
    assert last.citation == ART_28
    assert last.zh == "2029 年不在本办法适用期间内；应调用方明确要求仍予适用。"
    assert last.en == (
        "2029 lies outside the Measures' span; applied anyway at the caller's explicit request."
    )


def test_phase_on_a_day_outside_in_a_year_inside() -> None:
    # 2023-04-26 is before the span, but 2023 has days inside: the day's reason is added.
    y = phase_on(D(2023, 4, 26), allow_outside_validity=True)
    assert (y.year, y.phase, y.applied_outside_validity) == (2023, CyclePhase.EVALUATION, True)
    assert y.reasons[-1].citation == ART_28
    assert "2023-04-26" in y.reasons[-1].en
    assert len(y.reasons) == 2
    # A day outside in a year outside: the year's own reason, not doubled.
    z = phase_on(D(2029, 3, 1), allow_outside_validity=True)
    assert z.applied_outside_validity
    assert z.reasons[-1].zh == "2029 年不在本办法适用期间内；应调用方明确要求仍予适用。"
    assert len(z.reasons) == 2


def test_phase_on_names_its_day_and_passes_the_policy_and_scheme() -> None:
    with pytest.raises(OutsideValidityError) as info:
        phase_on(D(2028, 8, 1))
    assert info.value.field == "day"
    assert _error(lambda: phase_on("2025-01-01")).field == "day"  # type: ignore[arg-type]
    assert phase_on(D(2025, 3, 1), policy=CyclePolicy(evaluation_anchor=2024)).phase is (
        CyclePhase.INCUBATION
    )
    assert phase_on(D(2026, 3, 1), scheme=THREE).phase is CyclePhase.EVALUATION


def test_evaluation_years_passes_the_opt_in_on() -> None:
    assert evaluation_years(2027, 2031, allow_outside_validity=True) == (2027, 2029, 2031)
    with pytest.raises(OutsideValidityError):
        evaluation_years(2027, 2031)
    assert evaluation_years(2025, 2025) == (2025,)


def test_phase_on_checks_the_day_against_the_editions_own_span() -> None:
    # A later edition in force 2028-08-01..2033-07-31: 2030-03-01 lies inside it.
    later = LATER
    y = phase_on(D(2030, 3, 1), scheme=later)
    # 2030 is 7 years after the 2023 anchor: an incubation year of the 2031 edition.
    assert (y.phase, y.evaluation_year, y.applied_outside_validity) == (
        CyclePhase.INCUBATION,
        2031,
        False,
    )


# --- bad input ------------------------------------------------------------------------


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


@pytest.mark.parametrize("bad", [0, 10000, "2025", True])
def test_a_year_out_of_range_is_named(bad: object) -> None:
    err = _error(lambda: cycle_year(bad))  # type: ignore[arg-type]
    assert (err.field, err.value, err.citation) == ("year", bad, ART_5)
    assert str(err).startswith("year: expected a year (int 1..9999), got ")
    assert str(err).endswith(" (Measures Art. 5)")


def test_years_1_and_9999_are_years() -> None:
    assert cycle_year(1, allow_outside_validity=True).year == 1
    assert cycle_year(9999, allow_outside_validity=True).year == 9999


def test_evaluation_years_name_their_bounds() -> None:
    assert _error(lambda: evaluation_years("2023", 2028)).field == "first"  # type: ignore[arg-type]
    assert _error(lambda: evaluation_years(2023, 0)).field == "last"
    err = _error(lambda: evaluation_years(2026, 2024))
    assert (err.field, err.value, err.citation) == ("last", 2024, ART_5)
    assert str(err) == "last: expected a year from 2026 on, got 2024 (Measures Art. 5)"


def test_no_scheme_means_baoshan_2023() -> None:
    assert cycle_year(2025, scheme=None) == cycle_year(2025, scheme=BAOSHAN_2023)
    assert phase_on(D(2026, 3, 1), scheme=None).phase is CyclePhase.INCUBATION


@pytest.mark.parametrize(
    "call",
    [
        lambda: cycle_year(2025, scheme="baoshan-2023"),
        lambda: phase_on(D(2025, 1, 1), scheme="baoshan-2023"),
    ],
)
def test_a_scheme_that_is_not_a_scheme_is_named(call) -> None:  # type: ignore[no-untyped-def]
    err = _error(call)
    assert (err.field, err.value) == ("scheme", "baoshan-2023")
    assert str(err).startswith("scheme: expected an AwardScheme, got 'baoshan-2023'")


def test_a_policy_that_is_not_a_policy_names_r10() -> None:
    err = _error(lambda: cycle_year(2025, policy=2023))  # type: ignore[arg-type]
    assert (err.field, err.value, err.citation) == ("policy", 2023, ART_5)
    assert str(err) == "policy: expected a CyclePolicy (R10), got 2023 (Measures Art. 5)"


def test_the_opt_in_must_be_a_bool() -> None:
    err = _error(lambda: cycle_year(2025, allow_outside_validity="yes"))  # type: ignore[arg-type]
    assert (err.field, err.value) == ("allow_outside_validity", "yes")
    assert str(err).startswith("allow_outside_validity: expected True or False, got 'yes'")


# --- JSON and display -----------------------------------------------------------------


def test_json_round_trip_and_faces() -> None:
    y = cycle_year(2024)
    assert from_json(to_json(y), CycleYear) == y
    assert from_json(to_json(CyclePolicy()), CyclePolicy) == CyclePolicy()
    assert "培育孵化年" in str(y)
    assert y.to_records(lang="en")[0]["phase"] == "incubation"


def test_cycle_year_table_records_and_notes() -> None:
    y = cycle_year(2024)
    assert y.to_records(lang="en") == [
        {
            "year": 2024,
            "phase": "incubation",
            "evaluation_year": 2025,
            "applied_outside_validity": False,
        }
    ]
    assert y.to_records(lang="zh")[0]["phase"] == "培育孵化年"
    assert str(y).startswith("2024 年：培育孵化年\n")
    assert y.to_text("en").startswith("2024: incubation year\n")
    assert str(y).splitlines()[1].split() == ["年度", "阶段", "评选年"]
    assert y.to_text("en").splitlines()[1] == "year  phase       evaluation year"
    # every reason is a note, with its clause: Art. 5, then Art. 6 in an incubation year
    assert y.to_text("en").splitlines()[-2:] == [f"[{r.citation}] {r.en}" for r in y.reasons]
    assert y.reasons[1].citation == ART_6
    assert "<table>" in y._repr_html_()
