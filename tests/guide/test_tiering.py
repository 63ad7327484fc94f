"""Guide §8 and Appendix C note 3: ranking, tiers A/B, 优秀; readings R1 and R2.

Organised by behaviour: §8.2 ranks and the rank reason; §8.1-8.3 tiers and 优秀 and
their reasons; R1 ties (competition and strict); note 3 and R2 (vacant and
backfill); properties against an oracle written from the clauses (not the code);
:func:`rank_totals` (the decisions alone) against :func:`rank_units`; the inputs and
the range of a total (Appendix B, R21); the results as plain values (lookups,
equality, JSON, threads); and their display.  Expectations are written by hand
from the clauses and the error format ``field: problem, got value (clause)``; none
is copied from a run.
"""

from __future__ import annotations

import copy
import decimal
import json
import pickle
import random
import sys
import threading
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import (
    RUBRIC,
    Assessment,
    IncidentKind,
    InvalidInputError,
    Ranking,
    Reason,
    ScoringPolicy,
    TiePolicy,
    Tier,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    from_json,
    rank_totals,
    rank_units,
    score,
    to_json,
)
from baoshan_quality.errors import (
    DuplicateUnitError,
    InvalidScoreError,
    StructureError,
    UnknownUnitError,
    UnresolvedTieError,
)
from baoshan_quality.guide import BonusPolicy, FloorPolicy, IncidentPolicy, Tiering
from baoshan_quality.serialization import unstructure

T = TypeVar("T")

STRICT = TieringPolicy(ties=TiePolicy.STRICT)
BACKFILL = TieringPolicy(vacancy=VacancyPolicy.BACKFILL)

# English ordinals, by hand (11th-13th and 111th-113th are the irregular ones).
ORDINALS = {
    1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", 6: "6th", 7: "7th", 10: "10th",
    11: "11th", 12: "12th", 13: "13th", 14: "14th", 20: "20th", 21: "21st", 22: "22nd",
    23: "23rd", 24: "24th", 100: "100th", 101: "101st", 102: "102nd", 103: "103rd",
    110: "110th", 111: "111th", 112: "112th", 113: "113th", 120: "120th", 121: "121st",
}  # fmt: skip

# Golden sentences of the message families that do not depend on the unit (§8.1-8.3,
# Appendix C note 3), written from the clauses.
IN_A = ("排名前 6 位，划为 A 档。", "Ranked within the first 6, so tier A.")
AMONG_FIRST_THREE = (
    "A 档前 3 位，当年质量考核结果为“优秀”。",
    "Among the first 3 of tier A: 优秀 (excellent) for the year.",
)
NOT_EXCELLENT = (
    "不在 A 档前 3 位，非“优秀”。",
    "Not among the first 3 of tier A, so not 优秀 (excellent).",
)


def units(*totals: object, incidents: tuple[int, ...] = ()) -> list[UnitScore]:
    """Units named u01, u02 … with the given totals; ``incidents`` lists 1-based positions."""
    return [
        UnitScore(f"u{i:02d}", t, major_incident=i in incidents)  # type: ignore[arg-type]
        for i, t in enumerate(totals, start=1)
    ]


def summary(ranking: Ranking) -> list[tuple[str, int, str, bool]]:
    return [(e.unit, e.rank, e.tier.value, e.excellent) for e in ranking]


def _distinct(n: int) -> list[UnitScore]:
    """n units with distinct totals 105, 104.5, 104, … (0.5 apart; rank r has 105.5 − r/2)."""
    return [UnitScore(f"u{r:03d}", Decimal(211 - r) / 2) for r in range(1, n + 1)]


def _under_100(names: str, first_incident: int) -> list[UnitScore]:
    """Units 100, 99, 98 … in the order of ``names``; the one at ``first_incident`` has one."""
    return [
        UnitScore(name, 100 - i, major_incident=(i == first_incident))
        for i, name in enumerate(names)
    ]


def _tied(n: int, total: int = 90) -> list[UnitScore]:
    """n units t01 … tNN all on ``total``: one tie of n (§8.2 ranks them together)."""
    return [UnitScore(f"t{i:02d}", total) for i in range(1, n + 1)]


def assert_reason(reason: Reason, clause: str, zh: Sequence[str], en: Sequence[str]) -> None:
    """A reason cites ``clause`` and states each figure or phrase, in Chinese and English."""
    assert str(reason.citation) == clause
    for part in zh:
        assert part in reason.zh, (part, reason.zh)
    for part in en:
        assert part in reason.en, (part, reason.en)


def rebuilt(value: T) -> T:
    """The same result built by its constructor from its fields (as JSON or a caller does)."""
    cls = type(value)
    return cls(**{f.name: getattr(value, f.name) for f in attrs.fields(cls) if f.init})


# --- §8.2: ranks by total, high to low -------------------------------------------------


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
    t = rank_totals({})
    assert len(t) == 0 and t.units == t.tier_a == t.excellent == t.barred == () and t.ties == ()


def test_thirty_units() -> None:
    totals = [Decimal(100) - Decimal("0.5") * i for i in range(30)]
    shuffled = units(*totals)
    random.Random(7).shuffle(shuffled)
    r = rank_units(shuffled)
    assert len(r) == 30
    assert [e.unit for e in r] == [f"u{i:02d}" for i in range(1, 31)]
    assert len(r.tier_a) == 6 and len(r.excellent) == 3


def test_s8_2_rank_reason_and_tier_b_reason_name_the_ordinal() -> None:
    ranking = rank_units(_distinct(121))
    for rank, ordinal in ORDINALS.items():
        e = ranking[f"u{rank:03d}"]
        total = Decimal(211 - rank) / 2
        assert e.rank == rank
        assert_reason(
            e.reasons[0],
            "Guide §8.2",
            [f"总分 {total}，", f"排列第 {rank} 位（共 121 个单位）。"],
            [f"Total {total}: ranked {ordinal} of 121 by score, high to low."],
        )
        if rank > 6:
            assert e.tier is Tier.B
            assert e.reasons[1].en == f"Ranked {ordinal}, outside the first 6, so tier B."
            assert e.reasons[1].zh == f"排名第 {rank} 位，不在前 6 位，划为 B 档。"
            assert str(e.reasons[1].citation) == "Guide §8.1-8.2"
            assert len(e.reasons) == 2
    # Golden sentences of the rank family, whole.
    first = ranking["u001"].reasons[0]
    assert first.zh == "总分 105，按分数从高到低排列第 1 位（共 121 个单位）。"
    assert first.en == "Total 105: ranked 1st of 121 by score, high to low."


# --- §8.1-8.3: tiers and 优秀, and their reasons ---------------------------------------


def test_s8_2_s8_3_tier_a_and_excellent_reasons() -> None:
    ranking = rank_units(_distinct(8))
    first, fourth = ranking["u001"], ranking["u004"]
    assert (first.reasons[1].zh, first.reasons[1].en) == IN_A
    assert str(first.reasons[1].citation) == "Guide §8.1-8.2"
    assert (first.reasons[2].zh, first.reasons[2].en) == AMONG_FIRST_THREE
    assert str(first.reasons[2].citation) == "Guide §8.3"
    assert (fourth.reasons[2].zh, fourth.reasons[2].en) == NOT_EXCELLENT
    assert str(fourth.reasons[2].citation) == "Guide §8.3"


@pytest.mark.parametrize("vacancy", list(VacancyPolicy))
def test_s8_3_without_incidents_the_first_three_are_excellent_in_their_own_right(
    vacancy: VacancyPolicy,
) -> None:
    # No incident, so nothing is barred and nobody moves up (R2 does not apply): the
    # 3rd unit is 优秀 under §8.3 itself; the 4th–6th are tier A but not 优秀; tier B
    # units get no 优秀 sentence at all.
    r = rank_units(_distinct(8), policy=TieringPolicy(vacancy=vacancy))
    assert [e.reasons[-1].en for e in r][:6] == [AMONG_FIRST_THREE[1]] * 3 + [NOT_EXCELLENT[1]] * 3
    assert str(r["u003"].reasons[-1].citation) == "Guide §8.3"
    assert [len(e.reasons) for e in r][6:] == [2, 2]


# --- R1: ties -----------------------------------------------------------------------


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


def test_ties_past_the_a_b_line_keep_their_rank_and_cross_nothing() -> None:
    # 10 > 9 > 8 > 7 > 6 > 5 (places 1-6), then 4, 4 (7th, shared) and 3, 3, 3 (9th).
    totals = [10, 9, 8, 7, 6, 5, 4, 4, 3, 3, 3]
    r = rank_units([UnitScore(f"u{i:02d}", t) for i, t in enumerate(totals)])
    assert [(t.rank, t.units, t.crosses_tier_a, t.crosses_excellent) for t in r.ties] == [
        (7, ("u06", "u07"), False, False),
        (9, ("u08", "u09", "u10"), False, False),
    ]
    assert [r[n].rank for n in ("u06", "u07", "u08", "u10")] == [7, 7, 9, 9]


@pytest.mark.parametrize(
    ("places", "crosses_a", "crosses_x"),
    [((5, 6), False, False), ((6, 7), True, False), ((2, 3), False, False), ((3, 4), False, True)],
)
def test_s8_2_a_tie_crosses_a_line_only_if_it_holds_the_place_and_the_next(
    places: tuple[int, int], crosses_a: bool, crosses_x: bool
) -> None:
    first = places[0]
    us = [UnitScore(f"u{r}", 100 - r) for r in range(1, first)]
    us += [UnitScore("x", 50), UnitScore("y", 50)]
    us += [UnitScore(f"v{r}", 40 - r) for r in range(8 - len(us))]
    ranking = rank_units(us)
    (tie,) = ranking.ties
    assert (tie.rank, tie.crosses_tier_a, tie.crosses_excellent) == (first, crosses_a, crosses_x)
    strict = TieringPolicy(ties=TiePolicy.STRICT)
    if crosses_a or crosses_x:
        with pytest.raises(UnresolvedTieError):
            rank_units(us, policy=strict)
    else:
        assert rank_units(us, policy=strict) == attrs.evolve(ranking, policy=strict)


def test_exact_decimal_ties_only() -> None:
    r = rank_units([UnitScore("a", "92.50"), UnitScore("b", 92.5), UnitScore("c", "92.49")])
    assert [e.rank for e in r] == [1, 1, 3]
    assert r.ties[0].units == ("a", "b")


def test_caller_decimal_context_does_not_make_false_ties() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        r = rank_units([UnitScore("a", "92.51"), UnitScore("b", "92.52")])
        t = rank_totals({"a": Decimal("92.51"), "b": Decimal("92.52")})
    assert [e.rank for e in r] == [1, 2]
    assert t.ranks == (1, 2) and t.units == ("b", "a")


def test_caller_context_prec_1_with_every_trap_changes_nothing_and_sets_no_flag() -> None:
    """Issue 15: under ``prec = 2`` the range's top was 1.0E+2 and a total of 104 was
    refused; whatever the caller's context, the range is [0, 105] (Appendix B) and the
    caller's flags stay clear."""
    units_in = [UnitScore("甲镇", 104), UnitScore("乙镇", "3.25"), UnitScore("丙镇", -5, True)]
    totals_in = {"甲镇": 104, "乙镇": "3.25", "丙镇": Decimal(-5)}
    expected = (rank_units(units_in), rank_totals(totals_in, {"丙镇"}))
    with decimal.localcontext() as ctx:
        ctx.prec = 1
        for signal in ctx.traps:
            ctx.traps[signal] = True
        ctx.clear_flags()
        got = (rank_units(units_in), rank_totals(totals_in, {"丙镇"}))
        shown = (str(got[0]), got[0].to_records(numbers="float"), str(got[1]))
        with pytest.raises(InvalidScoreError, match=r"\[0, 105\]"):
            rank_totals({"甲镇": "105.01"})
        assert not any(ctx.flags.values()), ctx.flags
    assert got == expected
    assert shown == (str(expected[0]), expected[0].to_records(numbers="float"), str(expected[1]))


def test_s8_2_tie_reasons_name_the_other_units() -> None:
    us = [*_distinct(4), UnitScore("x", 103), UnitScore("y", 103), UnitScore("z", 103)]
    ranking = rank_units(us)
    # u003 has 104; u004 103.5; then x, y, z share 5th at 103 and straddle 6th place.
    x = ranking["x"]
    assert x.rank == 5
    # Golden sentences of the tie family (§8.2 rank, §8.1-8.2 tier A by a tie).
    assert x.reasons[0].en == "Total 103: ranked 5th of 7 by score, high to low, tied with y, z."
    assert x.reasons[0].zh == "总分 103，按分数从高到低排列第 5 位（共 7 个单位，与y、z并列）。"
    assert x.reasons[1].en == (
        "Ranked within the first 6, so tier A; the tie spans 6th place, so under competition "
        "ranking (R1 default) all tied units are in tier A."
    )
    assert (
        x.reasons[1].zh
        == "排名前 6 位，划为 A 档；并列跨越第 6 名，按竞争排名（R1 默认）同入 A 档。"
    )
    (tie,) = ranking.ties
    assert (tie.total, tie.units, tie.rank) == (Decimal(103), ("x", "y", "z"), 5)
    assert (tie.crosses_tier_a, tie.crosses_excellent, tie.broken) == (True, False, False)


def test_s8_2_a_tie_of_six_names_all_five_others_and_counts_none() -> None:
    # A reason names at most five units it is tied with; with exactly five others
    # there is nothing left to count.
    e = rank_units(_tied(6))["t01"]
    assert e.reasons[0].zh == (
        "总分 90，按分数从高到低排列第 1 位（共 6 个单位，与t02、t03、t04、t05、t06并列）。"
    )
    assert e.reasons[0].en == (
        "Total 90: ranked 1st of 6 by score, high to low, tied with t02, t03, t04, t05, t06."
    )


def test_s8_2_a_tie_of_seven_names_five_and_counts_one_other() -> None:
    e = rank_units(_tied(7))["t07"]
    assert_reason(
        e.reasons[0],
        "Guide §8.2",
        ["（共 7 个单位，与t01、t02、t03、t04、t05等 6 个单位并列）。"],
        [", tied with t01, t02, t03, t04, t05 and 1 other."],
    )
    e = rank_units(_tied(8))["t01"]
    assert e.reasons[0].en.endswith("tied with t02, t03, t04, t05, t06 and 2 others.")


def test_a_reason_names_at_most_five_tied_units_and_counts_the_rest() -> None:
    r = rank_units([UnitScore(f"u{i:02d}", 90) for i in range(1, 10)])
    first = r["u01"].reasons[0]
    assert first.en.endswith("tied with u02, u03, u04, u05, u06 and 3 others.")
    assert "与u02、u03、u04、u05、u06等 8 个单位并列" in first.zh
    r = rank_units([UnitScore(f"u{i:02d}", 90) for i in range(1, 7)])
    assert r["u01"].reasons[0].en.endswith("tied with u02, u03, u04, u05, u06.")


def test_one_huge_tie_is_ranked_in_linear_time() -> None:
    """20,000 units on one total: every reason names five and counts the rest; a scan
    per unit (quadratic) would take minutes."""
    started = time.process_time()
    r = rank_units([UnitScore(f"u{i:05d}", 50) for i in range(20_000)])
    t = rank_totals({f"u{i:05d}": 50 for i in range(20_000)})
    assert time.process_time() - started < 30
    assert (
        r["u19999"]
        .reasons[0]
        .en.endswith("tied with u00000, u00001, u00002, u00003, u00004 and 19994 others.")
    )
    assert len(r.excellent) == len(t.excellent) == 20_000  # all share 1st (R1 default)


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


def test_r1_strict_unbroken_tie_error_names_units_and_line() -> None:
    us = [*_distinct(5), UnitScore("x", "102.5"), UnitScore("y", "102.5")]
    with pytest.raises(UnresolvedTieError) as info:
        rank_units(us, policy=TieringPolicy(ties=TiePolicy.STRICT))
    assert str(info.value) == (
        "units x, y are tied at 102.5 across the A/B line (place 6); TiePolicy.STRICT refuses "
        "to split them: pass TieringPolicy(ties=TiePolicy.STRICT, tie_break=(...)) ordering "
        "them (R1; Guide §8.2)"
    )
    assert info.value.units == ("x", "y")
    assert info.value.boundary == 6
    assert str(info.value.citation) == "Guide §8.2"
    three = [*_distinct(2), UnitScore("x", 104), UnitScore("y", 104), *_distinct(7)[4:]]
    with pytest.raises(UnresolvedTieError, match=r"across the 3rd 优秀 place \(place 3\)"):
        rank_units(three, policy=TieringPolicy(ties=TiePolicy.STRICT))


def test_r1_strict_error_for_a_huge_tie_names_five_units_and_counts_the_rest() -> None:
    """Issue 15: a message has a bounded size; the error still carries every unit."""
    names = [f"u{i:05d}" for i in range(20_000)]
    with pytest.raises(UnresolvedTieError) as info:
        rank_totals(dict.fromkeys(names, 50), policy=TieringPolicy(ties=TiePolicy.STRICT))
    assert str(info.value).startswith(
        "units u00000, u00001, u00002, u00003, u00004 and 19995 more are tied at 50 across "
        "the A/B line (place 6);"
    )
    assert len(str(info.value)) < 300
    assert info.value.units == tuple(names) and info.value.boundary == 6


@pytest.mark.parametrize("size", range(2, 10))
def test_r1_strict_error_names_each_tied_unit_or_counts_it_never_zero_more(size: int) -> None:
    """R1 strict: the message lists the units tied across the A/B line (places 6 onwards,
    after five leaders), naming each one or counting it in "and N more" — every unit
    accounted for once, and no "and 0 more" for a short tie."""
    names = [f"t{i:02d}" for i in range(1, size + 1)]
    leaders = {"甲": 100, "乙": 99, "丙": 98, "丁": 97, "戊": 96}
    with pytest.raises(UnresolvedTieError) as info:
        rank_totals({**leaders, **dict.fromkeys(names, 50)}, policy=STRICT)
    listed = str(info.value).removeprefix("units ").partition(" are tied at 50 ")[0]
    shown, _, more = listed.partition(" and ")
    named = shown.split(", ")
    assert named == names[: len(named)]
    if more:
        count = int(more.removesuffix(" more"))
        assert count >= 1 and len(named) + count == size
    else:
        assert named == names
    assert info.value.units == tuple(names)


def test_strict_with_a_tie_break_order_splits_the_tie() -> None:
    policy = TieringPolicy(ties=TiePolicy.STRICT, tie_break=("u07", "u06"))
    r = rank_units(units(99, 98, 97, 96, 95, 90, 90, 80), policy=policy)
    assert [(e.unit, e.rank) for e in r][5:7] == [("u07", 6), ("u06", 7)]
    assert r.tier_a == ("u01", "u02", "u03", "u04", "u05", "u07")
    assert r.ties[0].broken


def test_s8_2_strict_tie_broken_by_caller_order_says_so() -> None:
    us = [*_distinct(4), UnitScore("x", 103), UnitScore("y", 103), UnitScore("z", 103)]
    policy = TieringPolicy(ties=TiePolicy.STRICT, tie_break=("z", "x", "y"))
    ranking = rank_units(us, policy=policy)
    assert [ranking[n].rank for n in ("z", "x", "y")] == [5, 6, 7]
    assert ranking["y"].tier is Tier.B
    # Golden sentence of the broken-tie family (R1 strict).
    assert ranking["z"].reasons[0].en == (
        "Total 103: ranked 5th of 7 by score, high to low, a tie separated by the caller's "
        "tie-break order (R1 strict)."
    )
    assert ranking["z"].reasons[0].zh == (
        "总分 103，按分数从高到低排列第 5 位（共 7 个单位，并列按调用方给定顺序区分（R1 严格））。"
    )
    assert ranking.ties[0].broken is True


def test_strict_accepts_ties_that_cross_no_line() -> None:
    r = rank_units(units(99, 98, 97, 95, 95, 93, 80, 80), policy=STRICT)
    assert [e.rank for e in r] == [1, 2, 3, 4, 4, 6, 7, 7]


def test_strict_broken_tie_of_incident_units_lists_the_barred_in_rank_order() -> None:
    """Seven incident units tied at the top, split by the caller (R1 strict): ranks 1-3
    are barred (note 3), listed in the tie-break order, which is their rank order."""
    names = ("g", "f", "e", "d", "c", "b", "a")
    us = [UnitScore(n, 90, major_incident=True) for n in sorted(names)]
    policy = TieringPolicy(ties=TiePolicy.STRICT, tie_break=names)
    r = rank_units(us, policy=policy)
    assert (
        r.barred
        == ("g", "f", "e")
        == rank_totals(dict.fromkeys(names, 90), set(names), policy=policy).barred
    )
    assert [e.unit for e in r] == list(names)


def test_tie_break_requires_strict_ties() -> None:
    with pytest.raises(InvalidInputError, match="only with ties=TiePolicy.STRICT"):
        TieringPolicy(tie_break=("a", "b"))


def test_tie_break_naming_an_unranked_unit_is_an_error() -> None:
    policy = TieringPolicy(ties=TiePolicy.STRICT, tie_break=("nobody",))
    with pytest.raises(UnknownUnitError, match="nobody"):
        rank_units(units(1, 2), policy=policy)
    with pytest.raises(UnknownUnitError, match="nobody"):
        rank_totals({"u01": 1}, policy=policy)


def test_tie_break_with_a_repeated_unit_is_an_error() -> None:
    with pytest.raises(DuplicateUnitError):
        TieringPolicy(ties=TiePolicy.STRICT, tie_break=("a", "a"))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ab", "TieringPolicy.tie_break: expected a sequence of str, got 'ab'"),
        (5, "TieringPolicy.tie_break: expected a sequence of str, got 5"),
        (["a", 1], "TieringPolicy.tie_break[1]: expected str, got 1"),
    ],
)
def test_tie_break_must_be_a_sequence_of_names(value: object, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        TieringPolicy(ties=TiePolicy.STRICT, tie_break=value)  # type: ignore[arg-type]
    assert str(info.value) == message
    assert TieringPolicy(ties=TiePolicy.STRICT, tie_break=iter(["b", "a"])).tie_break == ("b", "a")


# --- Appendix C note 3 and R2 -----------------------------------------------------------


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


def test_appendix_c_note_3_incident_reason_vacant_and_backfill() -> None:
    us = [
        UnitScore("甲", 100, major_incident=True),
        *(UnitScore(f"u{r:03d}", 100 - r) for r in range(2, 8)),
    ]
    vacant = rank_units(us)
    # Golden sentences of the incident-bar family (note 3, R2 default and alternative).
    assert vacant["甲"].reasons[-1].en == (
        "A unit with a major quality safety incident in the year cannot be 优秀 (excellent); "
        "its place stays vacant (R2 default)."
    )
    assert (
        vacant["甲"].reasons[-1].zh
        == "当年度发生重大质量安全事故，不得评“优秀”，名额空缺（R2 默认）。"
    )
    assert str(vacant["甲"].reasons[-1].citation) == "Guide Appendix C, note 3"
    assert vacant.excellent == ("u002", "u003")
    assert vacant.barred == ("甲",)

    backfill = rank_units(us, policy=TieringPolicy(vacancy=VacancyPolicy.BACKFILL))
    assert backfill.excellent == ("u002", "u003", "u004")
    assert backfill["甲"].reasons[-1].en == (
        "A unit with a major quality safety incident in the year cannot be 优秀 (excellent); "
        "the next tier-A units move up (R2 alternative)."
    )
    assert backfill["甲"].reasons[-1].zh == (
        "当年度发生重大质量安全事故，不得评“优秀”，由后续 A 档单位顺延（R2 顺延）。"
    )
    moved = backfill["u004"].reasons[-1]
    assert moved.en == (
        "A unit ahead was barred by a major incident; moved up to 优秀 (excellent) "
        "by backfill (R2 alternative)."
    )
    assert moved.zh == "前列单位因重大质量安全事故不得评“优秀”，顺延为“优秀”（R2 顺延）。"
    assert str(moved.citation) == "Guide §8.3"


def test_appendix_c_note_3_only_units_within_the_first_three_are_listed_as_barred() -> None:
    """barred = incident units ranked 1-3 of tier A; the 4th with an incident is not barred."""
    us = _under_100("甲乙丙丁戊己庚", first_incident=3)
    for vacancy in VacancyPolicy:
        ranking = rank_units(us, policy=TieringPolicy(vacancy=vacancy))
        assert ranking["丁"].rank == 4
        assert ranking.barred == ()
    third = _under_100("甲乙丙丁戊己庚", first_incident=2)
    assert rank_units(third).barred == ("丙",)


def test_note_3_an_incident_outside_the_first_three_is_just_not_excellent_r2_vacant() -> None:
    # The 5th unit has a major incident, but it was not within the first 3 anyway:
    # §8.3 alone says it is not 优秀; the incident bar (note 3) has nothing to bar.
    us = [UnitScore(f"v{r}", 100 - r, major_incident=r == 5) for r in range(1, 9)]
    e = rank_units(us)["v5"]
    assert (e.rank, e.tier, e.excellent) == (5, Tier.A, False)
    assert e.reasons[-1].en == NOT_EXCELLENT[1]
    assert str(e.reasons[-1].citation) == "Guide §8.3"


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


def test_r2_backfill_tie_across_the_third_eligible_place_is_reported() -> None:
    """With an incident ahead, the 3rd 优秀 place falls to the 4th-ranked: a tie there crosses it."""
    us = [
        UnitScore("甲", 105, major_incident=False),
        UnitScore("乙", 100, major_incident=True),
        UnitScore("丙", 99),
        UnitScore("丁", 98),
        UnitScore("戊", 98),
        UnitScore("己", 90),
    ]
    backfill = rank_units(us, policy=TieringPolicy(vacancy=VacancyPolicy.BACKFILL))
    (tie,) = backfill.ties
    assert tie.units == ("丁", "戊")
    assert tie.crosses_excellent is True  # eligible places: 甲 1, 丙 2, 丁/戊 3 and 4
    assert set(backfill.excellent) == {"甲", "丙", "丁", "戊"}
    vacant = rank_units(us)
    assert vacant.ties[0].crosses_excellent is False  # places 4 and 5: past the 3rd
    assert vacant.excellent == ("甲", "丙")


def test_r2_backfill_lists_every_barred_unit_within_the_first_three() -> None:
    """Under backfill too, barred = the incident units ranked 1-3 (here 1st and 3rd)."""
    us = [
        UnitScore("甲", 100, major_incident=True),
        UnitScore("乙", 99),
        UnitScore("丙", 98, major_incident=True),
        *(UnitScore(f"u{r}", 97 - r) for r in range(4)),
    ]
    ranking = rank_units(us, policy=TieringPolicy(vacancy=VacancyPolicy.BACKFILL))
    assert ranking.barred == ("甲", "丙")
    assert ranking.excellent == ("乙", "u0", "u1")


def test_r1_strict_backfill_tie_across_the_third_eligible_place_names_it() -> None:
    us = [
        UnitScore("甲", 100, major_incident=True),
        UnitScore("乙", 99),
        UnitScore("丙", 98),
        UnitScore("x", 97),
        UnitScore("y", 97),
        UnitScore("z", 90),
    ]
    policy = TieringPolicy(ties=TiePolicy.STRICT, vacancy=VacancyPolicy.BACKFILL)
    with pytest.raises(UnresolvedTieError) as info:
        rank_units(us, policy=policy)
    assert "units x, y are tied at 97 across the 3rd 优秀 place (place 3)" in str(info.value)
    assert str(info.value.citation) == "Guide §8.2"


def test_r1_strict_r2_backfill_a_tie_broken_across_the_a_b_line_counts_only_tier_a() -> None:
    """R2 backfill counts the 优秀 places among the tier-A units without an incident
    (Appendix C note 3); a tie that strict R1 splits across the A/B line (§8.2) has units
    in tier B, which hold no such place.  甲 and 乙 hold the 1st and 2nd; the tie of five
    fills places 3-7: x1-x4 (all with an incident) in tier A, x5 (clean) in tier B.  No
    tier-A unit without an incident is in the tie, so it does not cross the 3rd 优秀
    place, and the third 优秀 stays empty (the next tier-A units all have incidents)."""
    tied = ("x1", "x2", "x3", "x4", "x5")
    policy = TieringPolicy(ties=TiePolicy.STRICT, vacancy=VacancyPolicy.BACKFILL, tie_break=tied)
    t = rank_totals(
        {"甲": 100, "乙": 99, **dict.fromkeys(tied, 80)},
        {"x1", "x2", "x3", "x4"},
        policy=policy,
    )
    assert t.tier_a == ("甲", "乙", "x1", "x2", "x3", "x4")
    assert t.tier("x5") is Tier.B
    assert t.excellent == ("甲", "乙")
    assert t.barred == ("x1",)  # ranked 3rd, barred by its incident
    (tie,) = t.ties
    assert (tie.units, tie.rank) == (tied, 3)
    assert tie.crosses_tier_a is True and tie.broken is True
    assert tie.crosses_excellent is False


def test_tier_a_unit_with_incident_ranks_normally() -> None:
    r = rank_units(units(99, 98, incidents=(1,)))
    assert (r["u01"].rank, r["u01"].tier) == (1, Tier.A)


# --- properties: an oracle written from §8.2, §8.3, note 3, R1 and R2 --------------------

oracle_totals = st.decimals(min_value=0, max_value=100, places=0, allow_nan=False).map(
    lambda d: d / 4  # quarter points: many ties
)
oracle_lists = st.lists(st.tuples(oracle_totals, st.booleans()), max_size=30).map(
    lambda xs: [UnitScore(f"u{i:02d}", t, major_incident=m) for i, (t, m) in enumerate(xs)]
)
vacancies = st.sampled_from(list(VacancyPolicy))


def _oracle(us: list[UnitScore], vacancy: VacancyPolicy) -> dict[str, tuple[int, Tier, bool, bool]]:
    """Rank, tier, 优秀 and barred per unit, straight from §8.2, §8.3, note 3 and R1/R2.

    Competition ranking (R1 default): 1 + the number of units with a higher total.
    §8.2: ranked within the first 6 → A.  §8.3: within the first 3 of A → 优秀, except
    (note 3) a unit with a major incident.  R2 vacant: the place stays empty; R2
    backfill: the 优秀 places go to the first 3 tier-A units without an incident,
    ranked among themselves the same way.
    """
    out = {}
    for u in us:
        rank = 1 + sum(1 for v in us if v.total > u.total)
        tier = Tier.A if rank <= 6 else Tier.B
        clean_a = [v for v in us if 1 + sum(1 for w in us if w.total > v.total) <= 6]
        clean_a = [v for v in clean_a if not v.major_incident]
        if vacancy is VacancyPolicy.VACANT:
            excellent = rank <= 3 and not u.major_incident
        else:
            among = 1 + sum(1 for v in clean_a if v.total > u.total)
            excellent = u in clean_a and among <= 3
        barred = tier is Tier.A and rank <= 3 and u.major_incident
        out[u.unit] = (rank, tier, excellent, barred)
    return out


@given(oracle_lists, vacancies)
def test_property_ranking_follows_the_clauses(us: list[UnitScore], vacancy: VacancyPolicy) -> None:
    policy = TieringPolicy(vacancy=vacancy)
    expected = _oracle(us, vacancy)
    r = rank_units(us, policy=policy)
    by_rank = sorted(expected, key=lambda n: (expected[n][0], n))
    assert len(r) == len(us)
    assert r.tier_a == tuple(n for n in by_rank if expected[n][1] is Tier.A)
    assert r.excellent == tuple(n for n in by_rank if expected[n][2])
    assert set(r.barred) == {n for n in expected if expected[n][3]}
    for name in expected:
        assert name in r
        e = r[name]
        assert (e.rank, e.tier, e.excellent) == expected[name][:3]
    assert "nobody" not in r and 7 not in r and ["u00"] not in r
    assert [e.unit for e in r.entries] == by_rank
    assert r == rebuilt(rank_units(us, policy=policy))


def _oracle_ties(us: list[UnitScore], vacancy: VacancyPolicy) -> list[tuple[object, ...]]:
    """Every group of two or more equal totals (§8.2 ranks by score; R1 reports ties).

    The tie's rank is 1 + the number of higher totals; it crosses the A/B line when it
    holds both the 6th and the 7th place, and the 3rd 优秀 place when it holds the 3rd
    and 4th place — counted over all units (R2 vacant) or over tier-A units without an
    incident (R2 backfill).  Competition ranking breaks no tie.
    """
    clean_a = [
        v for v in us if 1 + sum(1 for w in us if w.total > v.total) <= 6 and not v.major_incident
    ]
    out = []
    for total in sorted({u.total for u in us}, reverse=True):
        group = sorted(u.unit for u in us if u.total == total)
        if len(group) < 2:
            continue
        rank = 1 + sum(1 for u in us if u.total > total)
        last = rank + len(group) - 1
        if vacancy is VacancyPolicy.VACANT:
            first_x, last_x = rank, last
        else:
            first_x = 1 + sum(1 for v in clean_a if v.total > total)
            last_x = first_x + sum(1 for v in clean_a if v.total == total) - 1
        out.append((total, tuple(group), rank, rank <= 6 < last, first_x <= 3 < last_x, False))
    return out


@given(oracle_lists, vacancies)
def test_property_ties_follow_the_clauses_before_and_past_the_line(
    us: list[UnitScore], vacancy: VacancyPolicy
) -> None:
    r = rank_units(us, policy=TieringPolicy(vacancy=vacancy))
    got = [
        (t.total, t.units, t.rank, t.crosses_tier_a, t.crosses_excellent, t.broken) for t in r.ties
    ]
    assert got == _oracle_ties(us, vacancy)


@given(oracle_lists, vacancies, st.randoms())
def test_property_strict_with_a_full_tie_break_agrees_entry_by_entry(
    us: list[UnitScore], vacancy: VacancyPolicy, rnd: random.Random
) -> None:
    order = [u.unit for u in us]
    rnd.shuffle(order)
    policy = TieringPolicy(ties=TiePolicy.STRICT, vacancy=vacancy, tie_break=tuple(order))
    first, again = rank_units(us, policy=policy), rank_units(us, policy=policy)
    entries = again.entries
    assert first.tier_a == tuple(e.unit for e in entries if e.tier is Tier.A)
    assert first.excellent == tuple(e.unit for e in entries if e.excellent)
    assert len(first) == len(entries)
    for e in reversed(entries):  # looked up one by one, in another order
        assert first[e.unit] == e
    assert first == again == rebuilt(again)
    assert from_json(to_json(first), Ranking) == again


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


# --- rank_totals: the decisions alone, the same answers as rank_units -------------------


@st.composite
def editions(draw: st.DrawFn) -> tuple[dict[str, Decimal], set[str], TieringPolicy]:
    """Random totals on a grid of quarter, 5 or 20 points (coarse grids make ties on the
    3rd and 6th places common), incidents, and both readings of R1 and R2; under strict
    ties a tie-break order over all, some or none of the units."""
    count = draw(st.integers(0, 20))
    names = [f"u{i:02d}" for i in range(count)]
    incident = {n for n in names if draw(st.booleans()) and draw(st.booleans())}
    step = draw(st.sampled_from([Decimal("0.25"), Decimal(5), Decimal(20)]))
    totals = {}
    for name in names:
        low, high = (Decimal(-5), Decimal(100)) if name in incident else (Decimal(0), Decimal(105))
        steps = draw(st.integers(int(low / step), int(high / step)))
        totals[name] = steps * step
    ties = draw(st.sampled_from(list(TiePolicy)))
    vacancy = draw(st.sampled_from(list(VacancyPolicy)))
    tie_break: list[str] = []
    if ties is TiePolicy.STRICT:
        tie_break = draw(st.permutations(names))
        tie_break = tie_break[: draw(st.integers(0, len(tie_break)))]
    return totals, incident, TieringPolicy(ties=ties, vacancy=vacancy, tie_break=tie_break)


@given(editions())
def test_property_rank_totals_decides_as_rank_units_does(
    edition: tuple[dict[str, Decimal], set[str], TieringPolicy],
) -> None:
    totals, incident, policy = edition
    us = [UnitScore(n, t, major_incident=n in incident) for n, t in totals.items()]
    try:
        explained = rank_units(us, policy=policy)
    except UnresolvedTieError:
        with pytest.raises(UnresolvedTieError) as refused:
            rank_units(us, policy=policy)
        with pytest.raises(UnresolvedTieError) as again:
            rank_totals(totals, incident, policy=policy)
        assert str(again.value) == str(refused.value)
        assert (again.value.units, again.value.boundary) == (
            refused.value.units,
            refused.value.boundary,
        )
        return
    decided = rank_totals(totals, incident, policy=policy)
    assert decided.units == tuple(e.unit for e in explained)
    assert decided.ranks == tuple(e.rank for e in explained)
    assert decided.tier_a == explained.tier_a
    assert decided.excellent == explained.excellent
    assert decided.barred == explained.barred
    assert decided.ties == explained.ties
    assert decided.policy == explained.policy
    for e in explained:
        assert (decided.rank(e.unit), decided.tier(e.unit), decided.is_excellent(e.unit)) == (
            e.rank,
            e.tier,
            e.excellent,
        )
    # Input order does not matter, nor the kind of collection of incidents.
    reversed_totals = dict(reversed(list(totals.items())))
    assert rank_totals(reversed_totals, sorted(incident), policy=policy) == decided


def test_rank_totals_reads_like_rank_units_on_the_sample() -> None:
    from baoshan_quality.sample import sample_assessments

    cards = [score(a) for a in sample_assessments()]
    ranking = rank_units(cards)
    decided = rank_totals(
        {c.unit: c.total for c in cards}, {c.unit for c in cards if c.major_incident}
    )
    assert decided.tier_a == ranking.tier_a and decided.excellent == ranking.excellent
    assert decided.barred == ranking.barred == ("顾村镇",)
    assert decided.ties == ranking.ties


def test_rank_totals_accepts_numbers_of_every_kind_and_any_collection_of_incidents() -> None:
    t = rank_totals({"a": 90, "b": "92.5", "c": Decimal("91"), "d": 92.5}, ["c"])
    assert t.units == ("b", "d", "c", "a") and t.ranks == (1, 1, 3, 4)
    assert t.barred == ("c",) and t.excellent == ("b", "d")
    assert t.ties[0].units == ("b", "d") and t.ties[0].total == Decimal("92.5")
    assert rank_totals({"a": 90}, frozenset()) == rank_totals({"a": 90})


def test_rank_totals_lookups_by_name() -> None:
    t = rank_totals({f"u{i}": 100 - i for i in range(1, 9)}, {"u2"})
    assert [t.rank(f"u{i}") for i in range(1, 9)] == list(range(1, 9))
    assert [t.tier(f"u{i}").value for i in range(1, 9)] == ["A"] * 6 + ["B"] * 2
    assert [t.is_excellent(f"u{i}") for i in (1, 2, 3, 4)] == [True, False, True, False]
    assert "u8" in t and "u9" not in t and 8 not in t and ["u8"] not in t and len(t) == 8
    assert list(t) == [f"u{i}" for i in range(1, 9)]
    for lookup in (t.rank, t.tier, t.is_excellent):
        with pytest.raises(UnknownUnitError, match="unit: no such unit in the ranking, got 'u9'"):
            lookup("u9")
        with pytest.raises(KeyError):
            lookup(9)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [
        (
            lambda: rank_totals([("甲", 1)]),  # type: ignore[arg-type]
            InvalidInputError,
            "totals: expected a mapping of unit names to totals, got [('甲', 1)] (list) "
            "(Guide §8.2)",
        ),
        (
            lambda: rank_totals({"甲": 1}, "甲"),
            InvalidInputError,
            "incidents: expected a collection of unit names, got '甲' (Guide §8.2)",
        ),
        (
            lambda: rank_totals({"甲": 1}, [["甲"]]),  # type: ignore[list-item]
            InvalidInputError,
            "incidents: expected a collection of unit names, got [['甲']] (list) (Guide §8.2)",
        ),
        (
            lambda: rank_totals({"甲": 1}, {"乙"}),
            UnknownUnitError,
            "incidents: names units that are not being ranked, got ['乙'] (list)",
        ),
        (
            lambda: rank_totals({" 甲": 1}),
            InvalidInputError,
            "totals: expected unit names: non-blank, no surrounding whitespace, got ' 甲'",
        ),
        (
            lambda: rank_totals({1: 1}),  # type: ignore[dict-item]
            InvalidInputError,
            "totals: expected unit names: non-blank, no surrounding whitespace, got 1",
        ),
        (
            lambda: rank_totals({"甲": "NaN"}),
            InvalidInputError,
            "totals['甲']: expected a plain decimal number such as '92.5' (no exponent, no "
            "spaces), got 'NaN'",
        ),
        (
            lambda: rank_totals({"甲": "105.5"}),
            InvalidScoreError,
            "totals['甲']: outside the possible range [0, 105] for a unit (incidents: once, "
            "floor: none), got 105.5 (Guide Appendix B, Table B.1)",
        ),
        (
            lambda: rank_totals({"甲": -6}, {"甲"}),
            InvalidScoreError,
            "totals['甲']: outside the possible range [-5, 100] for a unit with a major "
            "incident (incidents: once, floor: none), got -6 (Guide Appendix B, Table B.1)",
        ),
        (
            lambda: rank_totals({"甲": -1}, {"甲"}, scoring=ScoringPolicy(floor=FloorPolicy.ZERO)),
            InvalidScoreError,
            "totals['甲']: outside the possible range [0, 100] for a unit with a major "
            "incident (incidents: once, floor: zero), got -1 (Guide Appendix B, Table B.1)",
        ),
        (
            lambda: rank_totals({"甲": 1}, policy="strict"),  # type: ignore[arg-type]
            InvalidInputError,
            "policy: expected a TieringPolicy, got 'strict'",
        ),
        (
            lambda: rank_totals({"甲": 1}, scoring="once"),  # type: ignore[arg-type]
            InvalidInputError,
            "scoring: expected a ScoringPolicy, got 'once'",
        ),
    ],
)
def test_rank_totals_errors_name_field_value_and_clause(
    call: Callable[[], object], kind: type[Exception], message: str
) -> None:
    with pytest.raises(kind) as info:
        call()
    assert str(info.value) == message


def test_rank_totals_range_follows_the_scoring_readings_r4_r5() -> None:
    """Per incident (R4 alternative) without a count: no lower bound for an incident unit;
    the top stays 105 − 5 (Appendix B, R21)."""
    per = ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT)
    assert rank_totals({"甲": -1000, "乙": 105}, {"甲"}, scoring=per).units == ("乙", "甲")
    with pytest.raises(InvalidScoreError, match=r"\[-∞, 100\]"):
        rank_totals({"甲": "100.5"}, {"甲"}, scoring=per)
    assert rank_totals({"甲": 0, "乙": 100}, {"甲", "乙"}).units == ("乙", "甲")


# --- inputs and the range of a total (Appendix B, R21) -----------------------------------


def test_score_cards_and_unit_scores_mix() -> None:
    full = {c.code: c.points for c in RUBRIC.criteria}
    card = score(Assessment("罗店镇", 2024, full, incidents=(IncidentKind.PRODUCT,)))
    r = rank_units([card, UnitScore("大场镇", 96)])
    assert [(e.unit, e.total, e.major_incident) for e in r] == [
        ("大场镇", 96, False),
        ("罗店镇", 95, True),
    ]
    assert not r["罗店镇"].excellent


def _card(unit: str, year: int = 2024, **kw: Any) -> Any:
    full = {c.code: c.points for c in RUBRIC.criteria}
    return score(Assessment(unit, year, full, **kw))


def test_s8_score_cards_must_share_year_and_readings() -> None:
    with pytest.raises(InvalidInputError) as info:
        rank_units([_card("甲"), _card("乙", 2023)])
    assert str(info.value) == (
        "units[1].year (乙): score cards of one ranking must be of one year (the first is "
        "2024); §8 ranks the units of a year, got 2023 (Guide §8.2)"
    )
    other = score(
        Assessment("乙", 2024, {c.code: c.points for c in RUBRIC.criteria}),
        policy=ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT),
    )
    with pytest.raises(InvalidInputError, match=r"^units\[1\]\.policy \(乙\): score cards of one "
                       r"ranking must be scored under the same readings \(R4, R5, R19, R44\) or their "
                       r"totals are not comparable, got ScoringPolicy\("):  # fmt: skip
        rank_units([_card("甲"), other])
    with pytest.raises(InvalidInputError) as info:
        rank_units([_card("甲"), other])
    assert str(info.value).endswith("(Guide §8.2)")
    # R44 too: a card scored per level is not comparable with one scored per honour.
    per_level = score(
        Assessment("乙", 2024, {c.code: c.points for c in RUBRIC.criteria}),
        policy=ScoringPolicy(bonus=BonusPolicy.PER_LEVEL),
    )
    with pytest.raises(InvalidInputError, match=r"same readings \(R4, R5, R19, R44\)"):
        rank_units([_card("甲"), per_level])
    assert info.value.field == "units[1].policy (乙)"
    with pytest.raises(InvalidInputError, match="one year"):
        rank_units([_card("罗店镇"), _card("大场镇", 2023)])
    with pytest.raises(InvalidInputError, match="same readings"):
        rank_units([_card("罗店镇"), attrs.evolve(other, unit="大场镇")])


def test_from_card_keeps_unit_total_incident_and_count() -> None:
    card = _card("甲", incidents=(IncidentKind.PRODUCT, IncidentKind.SERVICE))
    unit = UnitScore.from_card(card)
    assert unit == UnitScore("甲", 95, major_incident=True, incidents=2)
    ranking = rank_units([card])
    assert ranking["甲"].major_incident is True
    assert ranking["甲"].total == 95


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
    ("us", "scoring", "message"),
    [
        (
            [UnitScore("甲", "105.5")],
            None,
            "units[0].total (甲): outside the possible range [0, 105] for a unit "
            "(incidents: once, floor: none), got 105.5 (Guide Appendix B, Table B.1)",
        ),
        (
            [UnitScore("甲", "-5.5", major_incident=True)],
            None,
            "units[0].total (甲): outside the possible range [-5, 100] for a unit with a major "
            "incident (incidents: once, floor: none), got -5.5 (Guide Appendix B, Table B.1)",
        ),
        (
            [UnitScore("甲", "101", major_incident=True)],
            ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT),
            "units[0].total (甲): outside the possible range [-∞, 100] for a unit with a major "
            "incident (incidents: per-incident, floor: none), got 101 (Guide Appendix B, Table B.1)",
        ),
        (
            [UnitScore("甲", "96", major_incident=True, incidents=2)],
            ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT),
            "units[0].total (甲): outside the possible range [-10, 95] for a unit with a major "
            "incident (incidents: per-incident, floor: none), got 96 (Guide Appendix B, Table B.1)",
        ),
        (
            [UnitScore("甲", "-1", major_incident=True)],
            ScoringPolicy(floor=FloorPolicy.ZERO),
            "units[0].total (甲): outside the possible range [0, 100] for a unit with a major "
            "incident (incidents: once, floor: zero), got -1 (Guide Appendix B, Table B.1)",
        ),
        (
            [UnitScore("甲", "-1", major_incident=True)],
            ScoringPolicy(floor=FloorPolicy.ZERO, incidents=IncidentPolicy.PER_INCIDENT),
            "units[0].total (甲): outside the possible range [0, 100] for a unit with a major "
            "incident (incidents: per-incident, floor: zero), got -1 (Guide Appendix B, Table B.1)",
        ),
    ],
)
def test_appendix_b_range_errors_name_unit_range_and_readings(
    us: list[UnitScore], scoring: ScoringPolicy | None, message: str
) -> None:
    with pytest.raises(InvalidScoreError) as info:
        rank_units(us, scoring=scoring)
    assert str(info.value) == message


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


def test_appendix_b_range_edges_are_accepted() -> None:
    """The ends of each range are possible totals (100 + 5 bonus; 0 − 5 with one deduction)."""
    assert len(rank_units([UnitScore("甲", 105), UnitScore("乙", 0)])) == 2
    assert len(rank_units([UnitScore("甲", 100, major_incident=True), UnitScore("乙", -5, True)]))
    per = ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT)
    both = [UnitScore("甲", -10, True, incidents=2), UnitScore("乙", 95, True, 2)]
    assert len(rank_units(both, scoring=per)) == 2
    assert len(rank_units([UnitScore("甲", -1000, True)], scoring=per)) == 1  # no lower bound
    floor = ScoringPolicy(floor=FloorPolicy.ZERO, incidents=IncidentPolicy.PER_INCIDENT)
    assert len(rank_units([UnitScore("甲", 0, True, incidents=30)], scoring=floor)) == 1


def test_appendix_b_21_incidents_per_incident_floored_leave_only_zero() -> None:
    # Per incident (R4 alternative): 21 × 5 = 105 deducted from at most 105, floored at
    # 0 (R5 alternative): the only possible total is 0.
    scoring = ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT, floor=FloorPolicy.ZERO)
    assert len(rank_units([UnitScore("a", 0, True, 21)], scoring=scoring)) == 1
    with pytest.raises(InvalidScoreError, match=r"outside the possible range \[0, 0\]"):
        rank_units([UnitScore("a", 1, True, 21)], scoring=scoring)


def test_each_total_is_checked_against_its_own_range_in_a_mixed_list() -> None:
    """A total's range depends on the incident, the number of incidents and the readings
    the total was computed under (Appendix B deduction, R4, R5): each unit gets its own."""
    ok = [UnitScore("a", 0), UnitScore("b", -5, major_incident=True)]  # −5: 0 − 5
    assert len(rank_units(ok)) == 2
    with pytest.raises(InvalidScoreError, match=r"units\[1\]\.total \(a\)"):
        rank_units([UnitScore("b", -5, major_incident=True), UnitScore("a", -1)])
    per = ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT)
    two = [
        UnitScore("c", -5, major_incident=True, incidents=1),
        UnitScore("d", -10, major_incident=True, incidents=2),  # 0 − 2 × 5
    ]
    assert len(rank_units(two, scoring=per)) == 2
    with pytest.raises(InvalidScoreError, match=r"units\[1\]\.total \(c\)"):
        # d's range (two incidents) is [−10, 95]; c's (one incident) is [−5, 100].
        rank_units([two[1], UnitScore("c", -10, True, 1)], scoring=per)
    # A score card carries its own readings; the UnitScores beside it use ``scoring``.
    floored = score(
        Assessment(
            "e", 2024, {c.code: 0 for c in RUBRIC.criteria}, incidents=(IncidentKind.PRODUCT,)
        ),
        policy=ScoringPolicy(floor=FloorPolicy.ZERO),
    )
    assert floored.total == 0
    mixed = rank_units([floored, UnitScore("f", -5, major_incident=True)])
    assert [e.unit for e in mixed] == ["e", "f"]


def test_a_card_and_a_unit_score_with_the_same_facts_keep_their_own_readings() -> None:
    # The card was scored with the floor at 0 (R5 alternative), so its range is
    # [0, 100]; the UnitScore beside it is read under the default (no floor): [−5, 100].
    card = score(
        Assessment(
            "e", 2024, {c.code: 0 for c in RUBRIC.criteria}, incidents=(IncidentKind.PRODUCT,)
        ),
        policy=ScoringPolicy(floor=FloorPolicy.ZERO),
    )
    assert (card.total, card.incident_count) == (0, 1)
    r = rank_units([card, UnitScore("f", -5, major_incident=True, incidents=1)])
    assert [(e.unit, e.total) for e in r] == [("e", 0), ("f", -5)]


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
        (lambda: UnitScore("a", 90, major_incident="false"), "True or False"),  # type: ignore[arg-type]
        (lambda: UnitScore("a", 90, major_incident=False, incidents=1), "contradicts"),
        (lambda: UnitScore("a", 90, incidents=-1), "at least 0"),
        (lambda: UnitScore(None, 90), "string"),  # type: ignore[arg-type]
    ],
)
def test_bad_unit_scores_are_the_librarys_errors(make: Callable[[], object], match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        make()


def test_unit_score_total_error_names_the_field() -> None:
    with pytest.raises(InvalidInputError) as caught:
        UnitScore("a", "ninety")
    assert caught.value.field == "UnitScore.total"
    assert caught.value.message.startswith("UnitScore.total: ")


@pytest.mark.parametrize("bad", ["罗店镇", 5, None, {"a": 1}, [("a", 90)], [None]])
def test_rank_units_refuses_what_is_not_a_list_of_units(bad: object) -> None:
    with pytest.raises(InvalidInputError):
        rank_units(bad)  # type: ignore[arg-type]


def test_rank_units_refuses_a_wrong_policy() -> None:
    with pytest.raises(InvalidInputError, match="TieringPolicy"):
        rank_units([], policy="strict")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [
        (
            lambda: rank_units("甲乙"),  # type: ignore[arg-type]
            InvalidInputError,
            "units: expected a sequence of ScoreCard or UnitScore, got '甲乙' (Guide §8.2)",
        ),
        (
            lambda: rank_units([UnitScore("甲", 1), 5]),  # type: ignore[list-item]
            InvalidInputError,
            "units[1]: expected a ScoreCard or UnitScore, got 5 (Guide §8.2)",
        ),
        (
            lambda: rank_units([UnitScore("甲", 1), UnitScore("甲", 2)]),
            DuplicateUnitError,
            "units[1].unit: the unit appears more than once, got '甲' (Guide §8.2)",
        ),
        (
            lambda: rank_units([], policy="strict"),  # type: ignore[arg-type]
            InvalidInputError,
            "policy: expected a TieringPolicy, got 'strict'",
        ),
        (
            lambda: rank_units([], scoring="once"),  # type: ignore[arg-type]
            InvalidInputError,
            "scoring: expected a ScoringPolicy, got 'once'",
        ),
        (
            lambda: rank_units(
                [UnitScore("甲", 1)], policy=TieringPolicy(ties=TiePolicy.STRICT, tie_break=("乙",))
            ),
            UnknownUnitError,
            "TieringPolicy.tie_break: names units that are not being ranked, got ('乙',) (tuple)",
        ),
        (
            lambda: TieringPolicy(tie_break=("甲",)),
            InvalidInputError,
            "TieringPolicy.tie_break: a tie-break order applies only with ties=TiePolicy.STRICT "
            "(competition ranking shares tied places), got ('甲',) (tuple) (Guide §8.2)",
        ),
        (
            lambda: TieringPolicy(ties=TiePolicy.STRICT, tie_break=("甲", "甲")),
            DuplicateUnitError,
            "TieringPolicy.tie_break: a unit may appear only once in a tie-break order, "
            "got ('甲', '甲') (tuple)",
        ),
        (
            lambda: UnitScore("甲", 90, major_incident=False, incidents=1),
            InvalidInputError,
            "UnitScore.incidents: contradicts major_incident=False, got 1 "
            "(Guide Appendix B, 减分项)",
        ),
        (
            lambda: UnitScore("甲", 90, major_incident=True, incidents=0),
            InvalidInputError,
            "UnitScore.incidents: contradicts major_incident=True, got 0 (Guide Appendix B, 减分项)",
        ),
        (
            lambda: UnitScore.from_card("card"),  # type: ignore[arg-type]
            InvalidInputError,
            "card: expected a ScoreCard, got 'card'",
        ),
    ],
)
def test_entry_errors_name_field_value_and_clause(
    call: Callable[[], object], kind: type[Exception], message: str
) -> None:
    with pytest.raises(kind) as info:
        call()
    assert str(info.value) == message


# --- the results are plain values ------------------------------------------------------


def test_every_field_of_a_fresh_ranking_and_tiering_is_set_at_once() -> None:
    """No field waits for a first read: each slot holds its value when the call returns."""
    for fresh in (rank_units(units(2, 1, 1)), rank_totals({"a": 2, "b": 1, "c": 1})):
        for field in attrs.fields(type(fresh)):
            object.__getattribute__(fresh, field.name)
        assert not hasattr(fresh, "_plan")


def test_lookup_by_unit_name() -> None:
    r = rank_units(units(2, 1))
    assert r["u02"].rank == 2 and "u01" in r and "zz" not in r
    with pytest.raises(UnknownUnitError) as info:
        r["zz"]
    assert str(info.value) == "unit: no such unit in the ranking, got 'zz'"
    with pytest.raises(KeyError):  # also a KeyError, as a mapping lookup should be
        r["zz"]
    with pytest.raises(UnknownUnitError):
        r[3]  # type: ignore[index]


def test_a_lookup_returns_the_entry_itself() -> None:
    r = rank_units([UnitScore(f"u{i}", i) for i in range(50)])
    first = r["u49"]
    assert r.entries[0] is first and r["u49"] is first


def test_membership_and_lookup_of_a_ranking_rebuilt_from_its_fields() -> None:
    built = rank_units([UnitScore("a", 2), UnitScore("b", 1)])
    again = rebuilt(built)
    assert again == built and hash(again) == hash(built)
    assert "a" in again and "b" in again and "c" not in again and 1 not in again
    assert again["b"].rank == 2
    with pytest.raises(UnknownUnitError):
        again["c"]
    assert again.tier_a == ("a", "b") and again.excellent == ("a", "b") and len(again) == 2


def test_the_lookup_tables_are_not_part_of_the_value() -> None:
    """The by-name lookups are derived from the fields: not in equality, repr or JSON."""
    r = rank_units(units(2, 1))
    t = rank_totals({"u01": 2, "u02": 1})
    for value, key in ((r, "entry"), (t, "position")):
        assert key not in repr(value) and f"_{key}" not in repr(value)
        assert f"_{key}" not in unstructure(value) and key not in unstructure(value)
    assert set(json.loads(to_json(r))) == {"entries", "ties", "policy", "barred"}
    assert set(json.loads(to_json(t))) == {
        "units", "ranks", "tier_a", "excellent", "barred", "ties", "policy",
    }  # fmt: skip


def test_a_ranking_equals_its_copies_in_every_way() -> None:
    us = units(99, 98, 97, 97, 95, 90, 90, 80, incidents=(2,))
    for policy in (TieringPolicy(), BACKFILL):
        r, twin = rank_units(us, policy=policy), rebuilt(rank_units(us, policy=policy))
        assert r == twin and hash(r) == hash(twin) and repr(r) == repr(twin)
        assert from_json(to_json(r), Ranking) == twin
        assert copy.copy(r) == twin and copy.deepcopy(r) == twin
        assert pickle.loads(pickle.dumps(r)) == twin
        assert pickle.loads(pickle.dumps(r))["u08"] == twin["u08"]
        assert attrs.evolve(r, barred=()) == attrs.evolve(twin, barred=())
        t = rank_totals({u.unit: u.total for u in us}, {"u02"}, policy=policy)
        assert from_json(to_json(t), Tiering) == t == pickle.loads(pickle.dumps(t))
        assert pickle.loads(pickle.dumps(t)).rank("u08") == 8


def test_a_ranking_read_from_json_must_name_each_unit_once() -> None:
    data = json.loads(to_json(rank_units(units(2, 1))))
    data["entries"][1]["unit"] = "u01"
    with pytest.raises(StructureError, match="a unit may appear only once"):
        from_json(json.dumps(data), Ranking)


def _read_at_once(fresh: T, read: Callable[[T], object], threads: int) -> list[object]:
    """Read ``fresh`` from ``threads`` threads started together; every read, or a failure."""
    start = threading.Barrier(threads)
    seen: list[object] = []

    def reader() -> None:
        start.wait()
        try:
            seen.append(read(fresh))
        except BaseException as error:
            seen.append(error)

    pool = [threading.Thread(target=reader) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return seen


def read_from_threads(
    make: Callable[[], T], read: Callable[[T], object], trials: int = 300
) -> None:
    """Build a fresh result per trial and read it from 8 threads at once, with the
    interpreter switching threads every microsecond; every thread must read the same."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(trials):
            seen = _read_at_once(make(), read, 8)
            assert not [s for s in seen if isinstance(s, BaseException)]
            assert len(seen) == 8 and all(s == seen[0] for s in seen)
    finally:
        sys.setswitchinterval(previous)
    assert sys.getswitchinterval() == previous


def test_a_fresh_ranking_reads_the_same_from_eight_threads() -> None:
    us = units(*range(100, 80, -1), 80, 80, incidents=(2,))

    def read(r: Ranking) -> object:
        return (r.entries, r["u21"], "u03" in r, len(r), r.tier_a, r.excellent, r.barred, r.ties)

    read_from_threads(lambda: rank_units(us), read)
    totals = {u.unit: u.total for u in us}

    def decisions(t: Tiering) -> object:
        return (t.units, t.rank("u21"), t.tier("u07"), t.is_excellent("u03"), "u03" in t, len(t))

    read_from_threads(lambda: rank_totals(totals, {"u02"}), decisions)


# --- display: one table (text, HTML, records) ---------------------------------------


def test_ranking_renders_as_text_html_and_records() -> None:
    ranking = rank_units(_distinct(7))
    text = ranking.to_text("en")
    assert text.splitlines()[0].split() == ["rank", "unit", "total", "tier", "excellent", "why"]
    assert text.splitlines()[2].split()[:5] == ["1", "u001", "105", "A", "✓"]
    assert text.splitlines()[-1].split()[:4] == ["7", "u007", "102", "B"]
    zh = ranking.to_text("zh")
    assert zh.splitlines()[0].split() == ["排名", "单位", "总分", "档次", "优秀", "理由"]
    assert "排名前 6 位，划为 A 档。" in zh and str(ranking) == ranking.to_text()
    html = ranking._repr_html_()
    assert "<th>理由</th>" in html and "排名前 6 位，划为 A 档。" in html
    records = ranking.to_records(lang="en")
    assert records[0] == {
        "rank": 1,
        "unit": "u001",
        "total": Decimal(105),
        "tier": "A",
        "excellent": True,
        "major_incident": False,
        "rank_reason": "Total 105: ranked 1st of 7 by score, high to low.",
        "why": f"{IN_A[1]} {AMONG_FIRST_THREE[1]}",
    }
    zh = ranking.to_records(lang="zh")[0]
    assert (zh["rank_reason"], zh["why"]) == (
        "总分 105，按分数从高到低排列第 1 位（共 7 个单位）。",
        IN_A[0] + AMONG_FIRST_THREE[0],
    )
    assert [r["rank_reason"] for r in records] == [e.reasons[0].en for e in ranking]
    assert [r["why"] for r in records] == [" ".join(x.en for x in e.reasons[1:]) for e in ranking]
    assert [r["tier"] for r in records] == ["A"] * 6 + ["B"]


def test_ranking_shows_the_incident_column_only_when_a_unit_has_one() -> None:
    r = rank_units(units(99, 98, incidents=(1,)))
    assert r.to_text("en").splitlines()[0].split()[5:7] == ["major", "incident"]
    assert "major" not in rank_units(units(99, 98)).to_text("en").splitlines()[0]
    assert r.to_records(lang="en")[0] == {
        "rank": 1,
        "unit": "u01",
        "total": Decimal(99),
        "tier": "A",
        "excellent": False,
        "major_incident": True,
        "rank_reason": "Total 99: ranked 1st of 2 by score, high to low.",
        "why": f"{IN_A[1]} A unit with a major quality safety incident in the year cannot be "
        "优秀 (excellent); its place stays vacant (R2 default).",
    }


def test_s8_2_tiering_records_give_tier_a_to_the_first_six_and_b_to_the_rest() -> None:
    """§8.2: ranked 1-6 is tier A, the others tier B — in the records as in the lookups."""
    t = rank_totals({f"u{i}": 100 - i for i in range(1, 9)})
    records = t.to_records()
    assert [r["tier"] for r in records] == ["A"] * 6 + ["B"] * 2
    assert [r["tier"] for r in records] == [t.tier(r["unit"]).value for r in records]


def test_tiering_renders_ranks_tiers_and_the_barred() -> None:
    t = rank_totals({"甲": 3, "乙": 2, "丙": 1}, {"乙"})
    assert t.to_text("en").splitlines() == [
        "Guide §8 ranks, tiers and 优秀",
        "rank  unit  tier  excellent  barred by an incident",
        "----  ----  ----  ---------  ---------------------",
        "1     甲    A     ✓",
        "2     乙    A                ✓",
        "3     丙    A     ✓",
    ]
    assert t.to_records()[1] == {
        "rank": 2, "unit": "乙", "tier": "A", "excellent": False, "barred": True,
    }  # fmt: skip
