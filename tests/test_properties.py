"""Properties across modules (issue 9, item 2), each read from the clause it guards.

* Guide §8.2: ranking loses or duplicates no unit, is permutation-invariant, and
  ranks by competition (rank = 1 + number of strictly higher totals).
* Guide §8.2-8.3 and Appendix C note 3: tier A and 优秀 are monotone in the
  total, except that a unit with a major incident is never 优秀.
* Guide Appendix B: base in [0, 100], bonus ≤ 5, deduction 5 once (R4 default),
  total = base + bonus − deduction.
* Guide Appendix C: a self-assessment total lies in [0, 100].
* GB/T 19580 (GB/Z 19579 附录A): a reviewer's total lies in [0, 1000].
* Civil Code Art. 201-202 (R7, both readings): an event is in the look-back of
  N years from a day exactly when that day is in the event's N-year bar.
* Measures Art. 14-16: adding a fact never turns an ineligible verdict eligible.
* SPEC §1.7: every result computed here round-trips through JSON unchanged.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from baoshan_quality import (
    RUBRIC,
    Assessment,
    EligibilityVerdict,
    HonorLevel,
    IncidentKind,
    Ranking,
    ScoreCard,
    SelfAssessment,
    Tier,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    Verdict,
    check_eligibility,
    from_json,
    rank_units,
    score,
    self_assess,
    to_json,
)
from baoshan_quality.award.applicants import Organisation
from baoshan_quality.excellence import GBT_19580_2012, ScoreSheet, SheetResult, score_sheet
from baoshan_quality.guide import (
    BONUS_CAP,
    DEDUCTION_POINTS,
    EXCELLENT_SIZE,
    MATURITY,
    GapReading,
    ItemRating,
    SelfAssessmentPolicy,
)
from baoshan_quality.periods import PeriodReading, in_bar, in_lookback

NAMES = [f"单位{i:02d}" for i in range(40)]

# Totals on a coarse grid so that ties are common.
totals = st.integers(0, 210).map(lambda n: Decimal(n) / 2)


@st.composite
def editions(draw: st.DrawFn) -> list[UnitScore]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=20, unique=True))
    units = []
    for name in names:
        major = draw(st.booleans()) and draw(st.booleans())
        total = draw(totals)
        units.append(UnitScore(name, min(total, Decimal(100)) if major else total, major))
    return units


policies = st.builds(TieringPolicy, vacancy=st.sampled_from(list(VacancyPolicy)))


# --- Guide §8 ---------------------------------------------------------------------------


@given(editions(), policies, st.randoms(use_true_random=False))
def test_s8_2_ranking_loses_no_unit_and_ignores_input_order(
    units: list[UnitScore], policy: TieringPolicy, rng: object
) -> None:
    ranking = rank_units(units, policy=policy)
    assert sorted(e.unit for e in ranking) == sorted(u.unit for u in units)
    shuffled = list(units)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert rank_units(shuffled, policy=policy) == ranking
    assert from_json(to_json(ranking), Ranking) == ranking


@given(editions(), policies)
def test_s8_2_competition_rank_and_first_six_are_tier_a(
    units: list[UnitScore], policy: TieringPolicy
) -> None:
    ranking = rank_units(units, policy=policy)
    for e in ranking:
        assert e.rank == 1 + sum(1 for u in units if u.total > e.total)
        assert (e.tier is Tier.A) == (e.rank <= 6)


@given(editions(), policies)
def test_s8_3_tier_and_excellent_monotone_in_total_except_incident_bar(
    units: list[UnitScore], policy: TieringPolicy
) -> None:
    ranking = rank_units(units, policy=policy)
    entries = list(ranking)
    for x in entries:
        if x.major_incident:
            assert not x.excellent  # Appendix C note 3
        for y in entries:
            if x.total >= y.total and y.tier is Tier.A:
                assert x.tier is Tier.A
            if x.total >= y.total and y.excellent and not x.major_incident:
                assert x.excellent
    # 优秀 only within tier A, and never more units than the ties allow
    assert set(ranking.excellent) <= set(ranking.tier_a)
    if policy.vacancy is VacancyPolicy.VACANT:
        assert all(ranking[n].rank <= EXCELLENT_SIZE for n in ranking.excellent)


@given(editions(), policies, st.data())
def test_s8_raising_a_units_own_total_never_costs_it_its_tier_or_excellent(
    units: list[UnitScore], policy: TieringPolicy, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(units) - 1))
    unit = units[index]
    ceiling = Decimal(100) if unit.major_incident else Decimal(105)
    assume(unit.total < ceiling)
    higher = data.draw(totals.filter(lambda t: unit.total < t <= ceiling))
    before = rank_units(units, policy=policy)[unit.unit]
    raised = [*units[:index], attrs.evolve(unit, total=higher), *units[index + 1 :]]
    after = rank_units(raised, policy=policy)[unit.unit]
    assert after.rank <= before.rank
    if before.tier is Tier.A:
        assert after.tier is Tier.A
    if before.excellent:
        assert after.excellent


# --- Guide Appendix B -------------------------------------------------------------------

assessments = st.builds(
    Assessment,
    unit=st.sampled_from(NAMES),
    year=st.integers(2022, 2030),
    scores=st.fixed_dictionaries(
        {c.code: st.decimals(0, c.points, places=1, allow_nan=False) for c in RUBRIC.criteria}
    ),
    honors=st.lists(st.sampled_from(list(HonorLevel)), max_size=6).map(tuple),
    incidents=st.lists(st.sampled_from(list(IncidentKind)), max_size=3).map(tuple),
)


@given(assessments)
def test_appendix_b_base_within_100_bonus_capped_at_5_one_deduction(a: Assessment) -> None:
    card = score(a)
    assert Decimal(0) <= card.base <= RUBRIC.total == 100
    assert card.base == sum(a.scores.values(), Decimal(0))
    honours = sum((h.level.points for h in a.honors), Decimal(0))
    assert card.bonus == min(honours, BONUS_CAP) <= 5
    assert card.deduction == (DEDUCTION_POINTS if a.incidents else 0)
    assert card.total == card.base + card.bonus - card.deduction
    assert from_json(to_json(card), ScoreCard) == card


# --- Guide Appendix C -------------------------------------------------------------------

JUDGED = [i.code for i in MATURITY.items if i.measured is None]


@given(
    st.dictionaries(
        st.sampled_from(JUDGED), st.decimals(0, 100, places=1, allow_nan=False), min_size=1
    )
)
def test_appendix_c_self_assessment_total_within_0_and_100(ratings: dict[str, Decimal]) -> None:
    result = self_assess(
        [ItemRating(code, pct) for code, pct in ratings.items()],
        policy=SelfAssessmentPolicy(allow_missing=True, gaps=GapReading.ALLOW),
    )
    assert Decimal(0) <= result.total <= 100
    assert from_json(to_json(result), SelfAssessment) == result


# --- GB/T 19580 -------------------------------------------------------------------------


@given(
    st.dictionaries(
        st.sampled_from(list(GBT_19580_2012.codes)), st.integers(0, 20).map(lambda n: n * 5)
    )
)
def test_gbt_19580_sheet_total_within_0_and_1000(ratings: dict[str, int]) -> None:
    result = score_sheet(ScoreSheet("评审甲", "示例公司", ratings), allow_missing=True)
    assert Decimal(0) <= result.total <= 1000
    assert result.total <= result.rated_points <= 1000
    assert from_json(to_json(result), SheetResult) == result


# --- Civil Code periods (R7) ------------------------------------------------------------

days = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))


@given(days, days, st.integers(0, 10), st.sampled_from(list(PeriodReading)))
def test_r7_a_lookback_and_its_bar_agree(
    event: dt.date, on: dt.date, years: int, reading: PeriodReading
) -> None:
    assert in_lookback(event, on, years=years, reading=reading) == (
        event <= on and in_bar(event, on, years=years, reading=reading)
    )


# --- Measures Art. 14-16: eligibility is monotone in the facts --------------------------

FLAGS = [
    "registered_in_baoshan",
    "carries_on_activities",
    "operating_normally",
    "meets_legal_requirements",
    "holds_required_licences",
    "exemplary_quality_management",
    "leading_performance",
    "chief_quality_officer_system",
    "fulfils_quality_responsibility",
    "other_serious_violations",
]
EVENTS = ["serious_penalties", "failed_rectifications", "major_incidents", "major_complaints"]
event_days = st.dates(dt.date(2015, 1, 1), dt.date(2026, 12, 31))


def events_until(day: dt.date) -> st.SearchStrategy[dt.date]:
    """Event days on or before the day asked about: one after it is an error, not a fact
    (issue 15 item 5; tests/award/test_future_events.py)."""
    return st.dates(dt.date(2015, 1, 1), min(day, dt.date(2026, 12, 31)))


@st.composite
def organisations(draw: st.DrawFn, until: dt.date) -> Organisation:
    facts: dict[str, object] = {"name": "示例公司"}
    for flag in FLAGS:
        facts[flag] = draw(st.sampled_from([None, True, True, False]))
    facts["registered_on"] = draw(st.none() | event_days)  # a start may lie after the day
    for name in EVENTS:
        facts[name] = draw(st.none() | st.lists(events_until(until), max_size=2).map(tuple))
    return Organisation(**facts)  # type: ignore[arg-type]


@st.composite
def with_one_more_fact(draw: st.DrawFn, org: Organisation, until: dt.date) -> Organisation:
    unknown = [f for f in [*FLAGS, "registered_on", *EVENTS] if getattr(org, f) is None]
    known_events = [f for f in EVENTS if getattr(org, f) is not None]
    choice = draw(st.sampled_from([*unknown, *known_events] or ["name"]))
    if choice == "name":
        return org
    if choice in FLAGS:
        return attrs.evolve(org, **{choice: draw(st.booleans())})
    if choice == "registered_on":
        return attrs.evolve(org, registered_on=draw(event_days))
    already = getattr(org, choice) or ()
    return attrs.evolve(org, **{choice: (*already, draw(events_until(until)))})


@given(st.data(), st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)))
def test_measures_adding_a_fact_never_makes_an_ineligible_applicant_eligible(
    data: st.DataObject, applied_on: dt.date
) -> None:
    org = data.draw(organisations(applied_on))
    before = check_eligibility(org, applied_on=applied_on)
    after = check_eligibility(data.draw(with_one_more_fact(org, applied_on)), applied_on=applied_on)
    if before.verdict is Verdict.INELIGIBLE:
        assert after.verdict is Verdict.INELIGIBLE
    if before.verdict is Verdict.ELIGIBLE and after.verdict is not Verdict.ELIGIBLE:
        assert after.verdict is Verdict.INELIGIBLE  # a new fact may bar, never un-know
    assert from_json(to_json(before), EligibilityVerdict) == before
