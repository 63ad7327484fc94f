"""Guide §8 and Appendix C note 3: ranking, tiers A/B, 优秀; readings R1 and R2."""

from __future__ import annotations

import decimal
import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import (
    RUBRIC,
    Assessment,
    IncidentKind,
    InvalidInputError,
    ScoringPolicy,
    TiePolicy,
    Tier,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    rank_units,
    score,
)
from baoshan_quality.errors import (
    DuplicateUnitError,
    InvalidScoreError,
    UnknownUnitError,
    UnresolvedTieError,
)
from baoshan_quality.guide import FloorPolicy, IncidentPolicy

STRICT = TieringPolicy(ties=TiePolicy.STRICT)
BACKFILL = TieringPolicy(vacancy=VacancyPolicy.BACKFILL)


def units(*totals: object, incidents: tuple[int, ...] = ()) -> list[UnitScore]:
    """Units named u01, u02 … with the given totals; ``incidents`` lists 1-based positions."""
    return [
        UnitScore(f"u{i:02d}", t, major_incident=i in incidents)
        for i, t in enumerate(totals, start=1)
    ]


def summary(ranking):  # type: ignore[no-untyped-def]
    return [(e.unit, e.rank, e.tier.value, e.excellent) for e in ranking]


def test_s8_2_first_six_are_tier_a_and_s8_3_first_three_excellent() -> None:
    r = rank_units(units(*range(100, 86, -1)))  # 14 distinct totals 100 … 87
    assert [e.rank for e in r] == list(range(1, 15))
    assert r.tier_a == ("u01", "u02", "u03", "u04", "u05", "u06")
    assert r.excellent == ("u01", "u02", "u03")
    assert all(e.tier is Tier.B for e in r.entries[6:])
    assert r.ties == () and r.barred == ()


def test_ranking_is_by_total_high_to_low_whatever_the_input_order() -> None:
    r = rank_units([UnitScore("低", 60), UnitScore("高", 99), UnitScore("中", "80.5")])
    assert [e.unit for e in r] == ["高", "中", "低"]


def test_fewer_than_six_units_are_all_tier_a() -> None:
    r = rank_units(units(90, 80, 70, 60))
    assert summary(r) == [
        ("u01", 1, "A", True),
        ("u02", 2, "A", True),
        ("u03", 3, "A", True),
        ("u04", 4, "A", False),
    ]


def test_one_unit_is_first_tier_a_and_excellent() -> None:
    assert summary(rank_units(units(42))) == [("u01", 1, "A", True)]


def test_no_units_give_an_empty_ranking() -> None:
    r = rank_units([])
    assert len(r) == 0 and r.tier_a == () and r.excellent == ()


def test_thirty_units() -> None:
    totals = [Decimal(100) - Decimal("0.5") * i for i in range(30)]
    shuffled = units(*totals)
    random.Random(7).shuffle(shuffled)
    r = rank_units(shuffled)
    assert len(r) == 30
    assert [e.unit for e in r] == [f"u{i:02d}" for i in range(1, 31)]
    assert len(r.tier_a) == 6 and len(r.excellent) == 3


# --- R1: ties -------------------------------------------------------------


def test_tie_on_sixth_place_shares_tier_a_under_competition_ranking_r1() -> None:
    r = rank_units(units(99, 98, 97, 96, 95, 90, 90, 80))
    assert [e.rank for e in r] == [1, 2, 3, 4, 5, 6, 6, 8]
    assert r.tier_a == ("u01", "u02", "u03", "u04", "u05", "u06", "u07")  # 7 in tier A
    assert r["u08"].tier is Tier.B
    (tie,) = r.ties
    assert (tie.units, tie.rank, tie.crosses_tier_a, tie.crosses_excellent) == (
        ("u06", "u07"),
        6,
        True,
        False,
    )
    assert "tied with u07" in r["u06"].reasons[0].en
    assert "R1" in r["u06"].reasons[1].en


def test_tie_on_third_place_makes_four_excellent_under_competition_ranking_r1() -> None:
    r = rank_units(units(99, 98, 97, 97, 95, 94, 93))
    assert [e.rank for e in r] == [1, 2, 3, 3, 5, 6, 7]
    assert r.excellent == ("u01", "u02", "u03", "u04")
    assert r.ties[0].crosses_excellent and not r.ties[0].crosses_tier_a


def test_tie_of_three_across_sixth_place() -> None:
    r = rank_units(units(99, 98, 97, 96, 90, 90, 90, 80))
    assert [e.rank for e in r] == [1, 2, 3, 4, 5, 5, 5, 8]
    assert len(r.tier_a) == 7


def test_tie_entirely_inside_tier_a_does_not_cross_a_line() -> None:
    r = rank_units(units(99, 98, 95, 95, 94, 93, 92))
    (tie,) = r.ties
    assert tie.rank == 3 and tie.crosses_excellent  # places 3 and 4
    r = rank_units(units(99, 98, 97, 95, 95, 93, 92))
    assert not r.ties[0].crosses_excellent and not r.ties[0].crosses_tier_a


def test_tie_after_sixth_place_stays_in_tier_b() -> None:
    r = rank_units(units(99, 98, 97, 96, 95, 94, 90, 90))
    assert [e.rank for e in r][-2:] == [7, 7]
    assert len(r.tier_a) == 6


def test_exact_decimal_ties_only() -> None:
    r = rank_units([UnitScore("a", "92.50"), UnitScore("b", 92.5), UnitScore("c", "92.49")])
    assert [e.rank for e in r] == [1, 1, 3]
    assert r.ties[0].units == ("a", "b")


def test_strict_refuses_a_tie_on_sixth_place_naming_the_units_r1() -> None:
    with pytest.raises(UnresolvedTieError) as info:
        rank_units(units(99, 98, 97, 96, 95, 90, 90, 80), policy=STRICT)
    assert info.value.units == ("u06", "u07")
    assert info.value.boundary == 6
    assert "u06, u07" in str(info.value) and "§8.2" in str(info.value)


def test_strict_refuses_a_tie_on_third_place() -> None:
    with pytest.raises(UnresolvedTieError) as info:
        rank_units(units(99, 98, 97, 97, 95), policy=STRICT)
    assert (info.value.units, info.value.boundary) == (("u03", "u04"), 3)


def test_strict_with_a_tie_break_order_splits_the_tie() -> None:
    policy = TieringPolicy(ties=TiePolicy.STRICT, tie_break=("u07", "u06"))
    r = rank_units(units(99, 98, 97, 96, 95, 90, 90, 80), policy=policy)
    assert [(e.unit, e.rank) for e in r][5:7] == [("u07", 6), ("u06", 7)]
    assert r.tier_a == ("u01", "u02", "u03", "u04", "u05", "u07")
    assert r.ties[0].broken


def test_strict_accepts_ties_that_cross_no_line() -> None:
    r = rank_units(units(99, 98, 97, 95, 95, 93, 80, 80), policy=STRICT)
    assert [e.rank for e in r] == [1, 2, 3, 4, 4, 6, 7, 7]


def test_tie_break_requires_strict_ties() -> None:
    with pytest.raises(InvalidInputError, match="only with ties=TiePolicy.STRICT"):
        TieringPolicy(tie_break=("a", "b"))


def test_tie_break_naming_an_unranked_unit_is_an_error() -> None:
    policy = TieringPolicy(ties=TiePolicy.STRICT, tie_break=("nobody",))
    with pytest.raises(UnknownUnitError, match="nobody"):
        rank_units(units(1, 2), policy=policy)


def test_tie_break_with_a_repeated_unit_is_an_error() -> None:
    with pytest.raises(DuplicateUnitError):
        TieringPolicy(ties=TiePolicy.STRICT, tie_break=("a", "a"))


# --- Appendix C note 3 and R2 ------------------------------------------------


def test_incident_in_top_three_is_not_excellent_and_the_place_stays_vacant_r2() -> None:
    r = rank_units(units(99, 98, 97, 96, 95, 94, incidents=(2,)))
    assert r.excellent == ("u01", "u03")
    assert r["u02"].tier is Tier.A and not r["u02"].excellent
    assert r.barred == ("u02",)
    assert str(r["u02"].reasons[-1].citation) == "Guide Appendix C, note 3"
    assert not r["u04"].excellent


def test_incident_in_top_three_backfilled_from_next_tier_a_unit_r2() -> None:
    r = rank_units(units(99, 98, 97, 96, 95, 94, incidents=(2,)), policy=BACKFILL)
    assert r.excellent == ("u01", "u03", "u04")
    assert "backfill" in r["u04"].reasons[-1].en


def test_backfill_never_reaches_into_tier_b() -> None:
    r = rank_units(units(99, 98, 97, 96, 95, 94, 93, incidents=(1, 2, 3, 4, 5)), policy=BACKFILL)
    assert r.excellent == ("u06",)
    assert r["u07"].tier is Tier.B and not r["u07"].excellent
    assert rank_units(units(99, 98, 97, incidents=(1, 2, 3))).excellent == ()


def test_incident_outside_top_three_changes_nothing() -> None:
    r = rank_units(units(99, 98, 97, 96, incidents=(4,)))
    assert r.excellent == ("u01", "u02", "u03") and r.barred == ()


def test_backfill_tie_for_the_third_place_shares_it() -> None:
    r = rank_units(units(99, 98, 97, 96, 96, incidents=(3,)), policy=BACKFILL)
    assert r.excellent == ("u01", "u02", "u04", "u05")
    with pytest.raises(UnresolvedTieError) as info:
        rank_units(
            units(99, 98, 97, 96, 96, incidents=(3,)),
            policy=TieringPolicy(ties=TiePolicy.STRICT, vacancy=VacancyPolicy.BACKFILL),
        )
    assert info.value.units == ("u04", "u05")


def test_tier_a_unit_with_incident_ranks_normally() -> None:
    r = rank_units(units(99, 98, incidents=(1,)))
    assert (r["u01"].rank, r["u01"].tier) == (1, Tier.A)


# --- inputs -------------------------------------------------------------------


def test_score_cards_and_unit_scores_mix() -> None:
    full = {c.code: c.points for c in RUBRIC.criteria}
    card = score(Assessment("罗店镇", 2024, full, incidents=(IncidentKind.PRODUCT,)))
    r = rank_units([card, UnitScore("大场镇", 96)])
    assert [(e.unit, e.total, e.major_incident) for e in r] == [
        ("大场镇", 96, False),
        ("罗店镇", 95, True),
    ]
    assert not r["罗店镇"].excellent


def test_score_cards_of_different_years_are_not_ranked_together() -> None:
    full = {c.code: c.points for c in RUBRIC.criteria}
    cards = [score(Assessment("罗店镇", 2024, full)), score(Assessment("大场镇", 2023, full))]
    with pytest.raises(InvalidInputError, match="one year"):
        rank_units(cards)


def test_score_cards_under_different_readings_are_not_ranked_together() -> None:
    full = {c.code: c.points for c in RUBRIC.criteria}
    per = ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT)
    cards = [
        score(Assessment("罗店镇", 2024, full)),
        score(Assessment("大场镇", 2024, full), policy=per),
    ]
    with pytest.raises(InvalidInputError, match="same readings"):
        rank_units(cards)


@pytest.mark.parametrize(
    ("unit", "policy", "match"),
    [
        (UnitScore("a", "105.01"), ScoringPolicy(), r"\[0, 105\]"),
        (UnitScore("a", -1), ScoringPolicy(), r"\[0, 105\]"),
        (UnitScore("a", "100.5", major_incident=True), ScoringPolicy(), r"\[-5, 100\]"),
        (UnitScore("a", "-5.01", major_incident=True), ScoringPolicy(), r"\[-5, 100\]"),
        (
            UnitScore("a", -11, True, incidents=2),
            ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT),
            r"\[-10, 95\]",
        ),
        (UnitScore("a", -1, True), ScoringPolicy(floor=FloorPolicy.ZERO), r"\[0, 100\]"),
    ],
)
def test_totals_outside_the_possible_range_are_errors(
    unit: UnitScore, policy: ScoringPolicy, match: str
) -> None:
    with pytest.raises(InvalidScoreError, match=match):
        rank_units([unit], scoring=policy)


@pytest.mark.parametrize(
    ("unit", "policy"),
    [
        (UnitScore("a", 105), ScoringPolicy()),
        (UnitScore("a", -5, major_incident=True), ScoringPolicy()),
        (
            UnitScore("a", -10, True, incidents=2),
            ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT),
        ),
        (UnitScore("a", -20, True), ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT)),
    ],
)
def test_totals_at_the_edges_of_the_range_are_accepted(
    unit: UnitScore, policy: ScoringPolicy
) -> None:
    assert len(rank_units([unit], scoring=policy)) == 1


def test_duplicate_unit_is_an_error() -> None:
    with pytest.raises(DuplicateUnitError, match="罗店镇"):
        rank_units([UnitScore("罗店镇", 90), UnitScore("罗店镇", 80)])


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: UnitScore("", 90), "non-blank"),
        (lambda: UnitScore("  ", 90), "non-blank"),
        (lambda: UnitScore(" 罗店镇", 90), "whitespace"),
        (lambda: UnitScore("a", "NaN"), "plain decimal"),
        (lambda: UnitScore("a", float("nan")), "finite"),
        (lambda: UnitScore("a", True), "number"),
        (lambda: UnitScore("a", 90, major_incident="false"), "True or False"),
        (lambda: UnitScore("a", 90, major_incident=False, incidents=1), "contradicts"),
        (lambda: UnitScore("a", 90, incidents=-1), "at least 0"),
        (lambda: UnitScore(None, 90), "string"),
    ],
)
def test_bad_unit_scores_are_the_librarys_errors(make, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError, match=match):
        make()


@pytest.mark.parametrize("bad", ["罗店镇", 5, None, {"a": 1}, [("a", 90)], [None]])
def test_rank_units_refuses_what_is_not_a_list_of_units(bad: object) -> None:
    with pytest.raises(InvalidInputError):
        rank_units(bad)  # type: ignore[arg-type]


def test_rank_units_refuses_a_wrong_policy() -> None:
    with pytest.raises(InvalidInputError, match="TieringPolicy"):
        rank_units([], policy="strict")  # type: ignore[arg-type]


def test_lookup_by_unit_name() -> None:
    r = rank_units(units(2, 1))
    assert r["u02"].rank == 2 and "u01" in r and "zz" not in r
    with pytest.raises(UnknownUnitError):
        r["zz"]
    with pytest.raises(KeyError):  # also a KeyError, as a mapping lookup should be
        r["zz"]


def test_caller_decimal_context_does_not_make_false_ties() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        r = rank_units([UnitScore("a", "92.51"), UnitScore("b", "92.52")])
    assert [e.rank for e in r] == [1, 2]


def test_renders_as_text_html_and_records() -> None:
    r = rank_units(units(99, 98, incidents=(1,)))
    assert "rank" in str(r) and "优秀" in str(r)
    assert "<table>" in r._repr_html_()
    assert r.to_records()[0] == {
        "rank": 1,
        "unit": "u01",
        "total": Decimal(99),
        "tier": "A",
        "excellent": False,
        "major_incident": True,
        "why": " ".join(x.en for x in r["u01"].reasons),
    }


# --- properties ------------------------------------------------------------------

totals = st.decimals(min_value=0, max_value=105, places=1, allow_nan=False)
unit_lists = st.lists(st.tuples(totals, st.booleans()), max_size=25).map(
    lambda xs: [
        UnitScore(f"u{i:02d}", t if not m else min(t, Decimal(100)), major_incident=m)
        for i, (t, m) in enumerate(xs)
    ]
)
policies = st.builds(TieringPolicy, vacancy=st.sampled_from(list(VacancyPolicy)))


@given(unit_lists, policies, st.randoms())
def test_property_ranking_is_a_permutation_invariant_bijection(
    us: list[UnitScore], policy: TieringPolicy, rnd: random.Random
) -> None:
    r = rank_units(us, policy=policy)
    assert sorted(e.unit for e in r) == sorted(u.unit for u in us)
    shuffled = list(us)
    rnd.shuffle(shuffled)
    assert rank_units(shuffled, policy=policy) == r


@given(unit_lists, policies)
def test_property_tiers_and_excellence_follow_the_totals(
    us: list[UnitScore], policy: TieringPolicy
) -> None:
    r = rank_units(us, policy=policy)
    entries = list(r)
    for a in entries:
        higher = sum(1 for b in entries if b.total > a.total)
        assert a.rank == higher + 1  # competition ranking
        assert (a.tier is Tier.A) == (a.rank <= 6)
        if a.excellent:
            assert a.tier is Tier.A and not a.major_incident
        for b in entries:
            if a.total > b.total:
                assert not (a.tier is Tier.B and b.tier is Tier.A)
                clean = not a.major_incident
                if b.excellent and clean and policy.vacancy is VacancyPolicy.BACKFILL:
                    assert a.excellent
    if policy.vacancy is VacancyPolicy.VACANT:
        assert {e.unit for e in entries if e.excellent} == {
            e.unit for e in entries if e.rank <= 3 and not e.major_incident
        }


def test_a_reason_names_at_most_five_tied_units_and_counts_the_rest() -> None:
    r = rank_units([UnitScore(f"u{i:02d}", 90) for i in range(1, 10)])
    first = r["u01"].reasons[0]
    assert first.en.endswith("tied with u02, u03, u04, u05, u06 and 3 others.")
    assert "与u02、u03、u04、u05、u06等 8 个单位并列" in first.zh
    r = rank_units([UnitScore(f"u{i:02d}", 90) for i in range(1, 7)])
    assert r["u01"].reasons[0].en.endswith("tied with u02, u03, u04, u05, u06.")
