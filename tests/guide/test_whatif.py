"""What-if on a Guide §8 ranking: least points to tier A / 优秀, checked by re-ranking."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baoshan_quality import (
    InvalidInputError,
    TiePolicy,
    Tier,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    from_json,
    rank_units,
    to_json,
)
from baoshan_quality.errors import UnknownUnitError, UnresolvedTieError
from baoshan_quality.guide import (
    WHAT_IF_MIN_RESOLUTION,
    ReachStatus,
    Rerank,
    WhatIfAnswer,
    WhatIfGoal,
    WhatIfTable,
    least_to_reach,
    rerank,
    what_it_takes,
)
from baoshan_quality.guide.ranking import Ranking

EIGHT = [("A镇", 95), ("B镇", 93), ("C镇", 91), ("D镇", 90), ("E镇", 89), ("F镇", 88),
         ("G镇", "87.5"), ("H街道", 80)]  # fmt: skip


def ranking(rows: list[tuple[str, object]], **policy: object) -> Ranking:
    return rank_units([UnitScore(n, t) for n, t in rows], policy=TieringPolicy(**policy))  # type: ignore[arg-type]


def reaches(r: Ranking, unit: str, total: Decimal, goal: WhatIfGoal) -> bool:
    units = [UnitScore(e.unit, total if e.unit == unit else e.total, e.major_incident) for e in r]
    try:
        again = rank_units(units, policy=r.policy)
    except UnresolvedTieError:
        return False
    e = again[unit]
    return e.tier is Tier.A if goal is WhatIfGoal.TIER_A else e.excellent


@pytest.mark.parametrize(
    ("unit", "goal", "additional"),
    [
        # §8.2: G must reach F's 88 (a tie at 6th shares tier A under R1 competition).
        ("G镇", WhatIfGoal.TIER_A, "0.50"),
        ("H街道", WhatIfGoal.TIER_A, "8.00"),
        # §8.3: the 3rd place is C's 91; reaching it ties for 3rd.
        ("G镇", WhatIfGoal.EXCELLENT, "3.50"),
        ("D镇", WhatIfGoal.EXCELLENT, "1.00"),
        ("H街道", WhatIfGoal.EXCELLENT, "11.00"),
    ],
)
def test_least_points_by_hand(unit: str, goal: WhatIfGoal, additional: str) -> None:
    r = ranking(EIGHT)
    a = least_to_reach(r, unit, goal)
    assert a.status is ReachStatus.REACHABLE and a.additional == Decimal(additional)
    assert a.new_total == r[unit].total + Decimal(additional)
    assert reaches(r, unit, a.new_total, goal)
    assert not reaches(r, unit, a.new_total - Decimal("0.01"), goal)


def test_already_there() -> None:
    r = ranking(EIGHT)
    a = least_to_reach(r, "A镇", WhatIfGoal.EXCELLENT)
    assert a.status is ReachStatus.ALREADY and a.additional == 0
    assert least_to_reach(r, "F镇", WhatIfGoal.TIER_A).status is ReachStatus.ALREADY


def test_resolution_is_the_step_of_the_answer() -> None:
    r = ranking(EIGHT)
    # G needs 0.5 for A; in whole points that is 1.
    assert least_to_reach(r, "G镇", WhatIfGoal.TIER_A, resolution=1).additional == 1
    assert least_to_reach(r, "G镇", WhatIfGoal.TIER_A, resolution="0.5").additional == Decimal(
        "0.5"
    )
    assert least_to_reach(r, "G镇", WhatIfGoal.TIER_A, resolution="0.3").additional == Decimal(
        "0.6"
    )


def test_appendix_c_note3_incident_bars_excellent() -> None:
    rows = [("甲镇", 95), ("乙镇", 90), ("丙镇", 85), ("丁镇", 80)]
    units = [UnitScore(n, t, major_incident=(n == "丁镇")) for n, t in rows]
    r = rank_units(units)
    a = least_to_reach(r, "丁镇", WhatIfGoal.EXCELLENT)
    assert a.status is ReachStatus.CANNOT and a.additional is None
    assert str(a.reasons[0].citation) == "Guide Appendix C, note 3"
    assert least_to_reach(r, "丁镇", WhatIfGoal.TIER_A).status is ReachStatus.ALREADY


def test_ceiling_a_unit_cannot_pass_the_highest_possible_total() -> None:
    # With an incident a total cannot exceed 105 - 5 = 100; six units hold 101 or more.
    rows = [(f"{i}号镇", Decimal(101) + Decimal(i) / 2) for i in range(6)]
    units = [UnitScore(n, t) for n, t in rows] + [UnitScore("七号镇", 60, major_incident=True)]
    r = rank_units(units)
    a = least_to_reach(r, "七号镇", WhatIfGoal.TIER_A)
    assert a.status is ReachStatus.CANNOT and a.ceiling == Decimal(100)


def test_r1_strict_tie_at_the_line_needs_one_step_more_unless_broken_in_favour() -> None:
    rows = [("A镇", 95), ("B镇", 93), ("C镇", 91), ("D镇", 90), ("E镇", 89), ("F镇", 88),
            ("G镇", 87)]  # fmt: skip
    strict = ranking(rows, ties=TiePolicy.STRICT)
    # A tie with F at 88 would be unresolved: G needs 88.01.
    assert least_to_reach(strict, "G镇", WhatIfGoal.TIER_A).additional == Decimal("1.01")
    favour = ranking(rows, ties=TiePolicy.STRICT, tie_break=("G镇", "F镇"))
    assert least_to_reach(favour, "G镇", WhatIfGoal.TIER_A).additional == Decimal("1.00")
    against = ranking(rows, ties=TiePolicy.STRICT, tie_break=("F镇", "G镇"))
    assert least_to_reach(against, "G镇", WhatIfGoal.TIER_A).additional == Decimal("1.01")
    competition = ranking(rows)
    assert least_to_reach(competition, "G镇", WhatIfGoal.TIER_A).additional == Decimal("1.00")


def test_r2_backfill_changes_what_excellent_takes() -> None:
    units = [
        UnitScore("甲镇", 95, major_incident=True),
        UnitScore("乙镇", 93),
        UnitScore("丙镇", 91),
        UnitScore("丁镇", 90),
        UnitScore("戊镇", 85),
    ]
    vacant = rank_units(units)
    backfill = rank_units(units, policy=TieringPolicy(vacancy=VacancyPolicy.BACKFILL))
    # Vacant (R2 default): 戊 must tie 丙's 3rd place at 91.
    assert least_to_reach(vacant, "戊镇", WhatIfGoal.EXCELLENT).additional == Decimal("6.00")
    # Backfill: 丁 moves up already; 戊 must tie 丁 at 90.
    assert least_to_reach(backfill, "丁镇", WhatIfGoal.EXCELLENT).status is ReachStatus.ALREADY
    assert least_to_reach(backfill, "戊镇", WhatIfGoal.EXCELLENT).additional == Decimal("5.00")


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda r: least_to_reach(r, "无此镇", WhatIfGoal.TIER_A), UnknownUnitError),
        (lambda r: least_to_reach(r, "G镇", "tier-a"), InvalidInputError),
        (lambda r: least_to_reach(r, "G镇", WhatIfGoal.TIER_A, resolution=0), InvalidInputError),
        (lambda r: least_to_reach(r, "G镇", WhatIfGoal.TIER_A, resolution=-1), InvalidInputError),
        (lambda r: least_to_reach(r, "G镇", WhatIfGoal.TIER_A, scoring=1), InvalidInputError),
        (lambda r: least_to_reach(list(r), "G镇", WhatIfGoal.TIER_A), InvalidInputError),
        (lambda r: rerank(r, "G镇", "abc"), InvalidInputError),
        (lambda r: rerank(r, "G镇", 106), InvalidInputError),
        (lambda r: what_it_takes(r, resolution="x"), InvalidInputError),
    ],
)
def test_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call(ranking(EIGHT))  # type: ignore[operator]


def test_rerank_after_one_units_score_changes() -> None:
    r = ranking(EIGHT)
    result = rerank(r, "H街道", 92)
    # H (92) goes 3rd, C 91 4th, D 5th, E 6th, F 7th (out of A), G 8th.
    after = {e.unit: (e.rank, e.tier.value, e.excellent) for e in result.after}
    assert after["H街道"] == (3, "A", True)
    assert after["C镇"] == (4, "A", False)
    assert after["F镇"] == (7, "B", False)
    changed = {m.unit for m in result.changed}
    assert changed == {"H街道", "C镇", "D镇", "E镇", "F镇", "G镇"}
    assert "H街道" in str(result) and len(result.to_records()) == 8


def test_what_it_takes_table_and_round_trips() -> None:
    r = ranking(EIGHT)
    table = what_it_takes(r)
    assert table.answer("G镇", WhatIfGoal.TIER_A).additional == Decimal("0.50")
    assert len(table.answers) == 16 and "G镇" in str(table) and "<table>" in table._repr_html_()
    assert table.to_records()[0]["unit"] == "A镇"
    assert from_json(to_json(table), WhatIfTable) == table
    a = table.answers[0]
    assert from_json(to_json(a), WhatIfAnswer) == a
    rr = rerank(r, "G镇", 90)
    assert from_json(to_json(rr), Rerank) == rr


totals = st.decimals(min_value=0, max_value=100, places=2)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(totals, st.booleans()), min_size=4, max_size=10),
    st.sampled_from(list(VacancyPolicy)),
    st.sampled_from([Decimal("0.01"), Decimal("0.25"), Decimal(1)]),
)
def test_property_answers_reach_and_are_minimal(
    rows: list[tuple[Decimal, bool]], vacancy: VacancyPolicy, res: Decimal
) -> None:
    units = [
        UnitScore(f"U{i:02d}", t - 5 if incident else t, incident)
        for i, (t, incident) in enumerate(rows)
    ]
    r = rank_units(units, policy=TieringPolicy(vacancy=vacancy))
    for entry in r:
        for goal in WhatIfGoal:
            a = least_to_reach(r, entry.unit, goal, resolution=res)
            if a.status is ReachStatus.ALREADY:
                assert reaches(r, entry.unit, entry.total, goal)
            elif a.status is ReachStatus.REACHABLE:
                assert a.additional is not None and a.new_total is not None
                assert a.additional > 0 and a.additional % res == 0
                assert reaches(r, entry.unit, a.new_total, goal)
                assert not reaches(r, entry.unit, a.new_total - res, goal)
            else:
                barred = goal is WhatIfGoal.EXCELLENT and entry.major_incident
                assert barred or not reaches(r, entry.unit, a.ceiling, goal)


def test_json_round_trip_of_moves() -> None:
    from baoshan_quality.guide import RankMove

    for move in rerank(ranking(EIGHT), "H街道", 92).moves:
        assert from_json(to_json(move), RankMove) == move


def test_what_if_table_records_keep_their_keys_and_codes() -> None:
    table = what_it_takes(ranking(EIGHT))
    g = [r for r in table.to_records(lang="en") if r["unit"] == "G镇"]
    assert g == [
        {
            "unit": "G镇",
            "goal": "tier-a",
            "goal_name": "tier A",
            "status": "reachable",
            "answer": "+0.50",
            "current_total": Decimal("87.5"),
            "additional": Decimal("0.50"),
            "new_total": Decimal("88.00"),
        },
        {
            "unit": "G镇",
            "goal": "excellent",
            "goal_name": "优秀 (excellent)",
            "status": "reachable",
            "answer": "+3.50",
            "current_total": Decimal("87.5"),
            "additional": Decimal("3.50"),
            "new_total": Decimal("91.00"),
        },
    ]
    assert table.to_records(lang="zh")[0]["goal_name"] == "A 档"
    assert table.to_records(lang="zh")[0]["answer"] == "已达到"
    text = table.to_text("en").splitlines()
    assert text[0] == "What it takes (Guide §8; resolution 0.01)"
    assert text[1].split() == ["unit", "goal", "it", "takes", "total", "now", "new", "total"]


def test_what_if_answer_prints_itself_with_its_reason() -> None:
    r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", 80, major_incident=True)])
    a = least_to_reach(r, "乙镇", WhatIfGoal.EXCELLENT)
    assert a.to_text("en").splitlines() == [
        "unit  goal              it takes  total now  new total",
        "----  ----------------  --------  ---------  ---------",
        "乙镇  优秀 (excellent)  cannot    80         —",
        "[Guide Appendix C, note 3] A major quality safety incident in the year bars 优秀 "
        "whatever the points.",
    ]
    assert a.to_records()[0]["status"] == "cannot" and a.to_records()[0]["additional"] is None


def test_rerank_shows_places_and_keeps_every_record_key() -> None:
    result = rerank(ranking(EIGHT), "H街道", 92)
    text = result.to_text("en").splitlines()
    assert text[0] == "H街道 at 92: the ranking again (Guide §8)"
    assert text[1].split() == ["unit", "total", "before", "after"]
    assert "H街道  80→92  8 B       3 A 优秀" in text
    assert text[-1].startswith("[Guide §8.2] H街道's total changed from 80 to 92")
    h = next(r for r in result.to_records() if r["unit"] == "H街道")
    assert {k: h[k] for k in h if k not in ("total", "place_before", "place_after")} == {
        "unit": "H街道",
        "total_before": Decimal(80),
        "total_after": Decimal(92),
        "rank_before": 8,
        "rank_after": 3,
        "tier_before": "B",
        "tier_after": "A",
        "excellent_before": False,
        "excellent_after": True,
    }
    assert (h["total"], h["place_before"], h["place_after"]) == ("80→92", "8 B", "3 A 优秀")


# --- the decisions in bounded work: the same answers as re-ranking every candidate --------


def brute_least(r: Ranking, unit: str, goal: WhatIfGoal, res: Decimal) -> int | None:
    """The answer in steps by the definition (the first version of what-if): every
    candidate — 0, and for each other total at or above the unit's the first step that
    reaches it and the first that passes it — decided by ranking all units again with
    rank_totals, the least that reaches the goal; None when none within the ceiling."""
    from baoshan_quality import rank_totals

    entry = r[unit]
    t = entry.total
    ceiling = Decimal(100) if entry.major_incident else Decimal(105)
    limit = math.floor((ceiling - t) / res) if ceiling > t else 0
    candidates = {0}
    for other in r:
        if other.unit != unit and other.total >= t:
            k = math.ceil((other.total - t) / res)
            candidates.update({k, k + 1})
    totals = {e.unit: e.total for e in r}
    incidents = {e.unit for e in r if e.major_incident}
    for steps in sorted(c for c in candidates if c <= limit):
        try:
            decided = rank_totals({**totals, unit: t + res * steps}, incidents, policy=r.policy)
        except UnresolvedTieError:
            continue
        if (
            decided.tier(unit) is Tier.A
            if goal is WhatIfGoal.TIER_A
            else decided.is_excellent(unit)
        ):
            return steps
    return None


def check_against_brute(r: Ranking, res: Decimal) -> None:
    table = what_it_takes(r, resolution=res)
    for entry in r:
        for goal in WhatIfGoal:
            a = table.answer(entry.unit, goal)
            assert a == least_to_reach(r, entry.unit, goal, resolution=res)
            if a.status is ReachStatus.ALREADY:
                continue
            expected = (
                None
                if goal is WhatIfGoal.EXCELLENT and entry.major_incident
                else (brute_least(r, entry.unit, goal, res))
            )
            got = None if a.additional is None else int(a.additional / res)
            assert got == expected, (entry.unit, goal, a.additional, expected)


@st.composite
def tied_rankings(draw: st.DrawFn) -> Ranking:
    """Rankings with many ties (totals from a small set), incidents, both R1 and R2
    readings, and strict tie-break orders naming some, all or none of the units."""
    count = draw(st.integers(1, 24))
    values = draw(st.lists(st.sampled_from(["99", "97.5", "97", "96", "95", "90", "80.25"]),
                           min_size=count, max_size=count))  # fmt: skip
    incidents = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    units = [
        UnitScore(f"U{i:02d}", Decimal(v) - (5 if bad else 0), bad)
        for i, (v, bad) in enumerate(zip(values, incidents, strict=True))
    ]
    vacancy = draw(st.sampled_from(list(VacancyPolicy)))
    ties = draw(st.sampled_from(list(TiePolicy)))
    order: list[str] = []
    if ties is TiePolicy.STRICT:
        order = draw(st.permutations([u.unit for u in units]))
        order = order[: draw(st.integers(0, len(order)))]
    policy = TieringPolicy(ties=ties, vacancy=vacancy, tie_break=order)
    try:
        return rank_units(units, policy=policy)
    except UnresolvedTieError:
        from hypothesis import assume

        assume(False)
        raise AssertionError("unreachable") from None


@settings(max_examples=150, deadline=None)
@given(tied_rankings(), st.sampled_from([Decimal("0.01"), Decimal("0.25"), Decimal(1), Decimal(7)]))
def test_property_answers_equal_re_ranking_every_candidate(r: Ranking, res: Decimal) -> None:
    """§8 under R1 (competition, strict with any tie-break order) and R2: the bounded
    decision gives exactly the answer of ranking every candidate again."""
    check_against_brute(r, res)


@pytest.mark.parametrize("policy", [
    TieringPolicy(),
    TieringPolicy(vacancy=VacancyPolicy.BACKFILL),
])  # fmt: skip
def test_a_big_tie_in_the_first_places_gives_the_same_answers(policy: TieringPolicy) -> None:
    """Groups of equal totals larger than the cut (nine) in the first places, with units
    below them and incidents inside them."""
    units = [UnitScore(f"T{i:02d}", 97, major_incident=i % 4 == 0) for i in range(14)]
    units = [UnitScore(u.unit, 92 if u.major_incident else 97, u.major_incident) for u in units]
    units += [UnitScore("A0", 99), UnitScore("A1", 98, major_incident=True)]
    units += [UnitScore(f"B{i:02d}", 90 - i) for i in range(6)]
    units += [UnitScore(f"C{i:02d}", 93) for i in range(12)]
    check_against_brute(rank_units(units, policy=policy), Decimal("0.5"))


def test_a_big_strict_tie_settled_by_the_tie_break_order_gives_the_same_answers() -> None:
    """R1 strict: a group of 15 equal totals across the 3rd and 6th places, ordered by
    the caller; units outside the order below it; the order names units of other groups."""
    top = [f"T{i:02d}" for i in range(15)]
    units = [UnitScore(name, 97, major_incident=name in ("T03", "T11")) for name in top]
    units += [UnitScore(f"B{i:02d}", 96 - i) for i in range(5)]
    order = [*reversed(top), "B02", "B00"]
    for vacancy in VacancyPolicy:
        r = rank_units(
            units, policy=TieringPolicy(ties=TiePolicy.STRICT, vacancy=vacancy, tie_break=order)
        )
        check_against_brute(r, Decimal("0.5"))


# --- the resolution's bounds (issue 15: bounded work) -------------------------------------


@pytest.mark.parametrize(
    ("resolution", "problem"),
    [
        (Decimal("1E-999999"), "below the minimum step of 0.000001"),
        (Decimal("1E-199999"), "below the minimum step of 0.000001"),
        ("0.0000009", "below the minimum step of 0.000001"),
        (Decimal("1E+999999"), "above the maximum step of 105"),
        ("105.000001", "above the maximum step of 105"),
        ("0.0000015", "expected a multiple of the minimum step 0.000001"),
        (Decimal("0.01000000000000000000000000000000000000000000000000000000000001"),
         "expected a multiple of the minimum step 0.000001"),
        (0, "below the minimum step"),
        (-1, "below the minimum step"),
    ],
)  # fmt: skip
def test_resolution_outside_its_bounds_is_refused_naming_the_field(
    resolution: object, problem: str
) -> None:
    r = ranking(EIGHT)
    for call in (
        lambda: least_to_reach(r, "H街道", WhatIfGoal.EXCELLENT, resolution=resolution),  # type: ignore[arg-type]
        lambda: what_it_takes(r, resolution=resolution),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidInputError, match=problem) as caught:
            call()
        assert caught.value.field == "resolution"
        assert caught.value.value == resolution


@pytest.mark.parametrize("resolution", ["0.000001", "105", "0.3", "1E-6"])
def test_resolution_at_its_bounds_is_accepted(resolution: str) -> None:
    r = ranking(EIGHT)
    res = Decimal(resolution)
    a = least_to_reach(r, "H街道", WhatIfGoal.TIER_A, resolution=res)
    # H needs F's 88 (8 points): the least multiple of the step that reaches 8.
    if a.status is ReachStatus.REACHABLE:
        assert a.additional == math.ceil(Decimal(8) / res) * res
    else:  # a step of 105 takes H past the ceiling of 105
        assert res == 105 and a.status is ReachStatus.CANNOT


def test_finest_resolution_answers_in_bounded_time() -> None:
    """The reproducers of issue 15 (1E-199999 ran 14 s) refused; the finest step allowed
    answers at once, for every unit of 2,000 (what_it_takes ran 227 s)."""
    import time

    units = [UnitScore(f"U{i:04d}", Decimal(i % 997) / 10) for i in range(2000)]
    r = rank_units(units)
    started = time.process_time()
    table = what_it_takes(r, resolution=WHAT_IF_MIN_RESOLUTION)
    assert time.process_time() - started < 10  # about 0.1 s alone; generous under load
    a = table.answer("U0000", WhatIfGoal.EXCELLENT)
    # The first four places hold 99.6, 99.6, 99.5, 99.5 (U0996, U1993, U0995, U1992):
    # U0000 at 0 ties for 3rd at 99.5 (R1 competition ranking).
    assert a.additional == Decimal("99.500000")


def test_a_ranking_total_outside_the_scoring_range_is_refused() -> None:
    """The totals are bounded by the readings they were scored under (R4, R5)."""
    from baoshan_quality import ScoringPolicy
    from baoshan_quality.errors import InvalidScoreError
    from baoshan_quality.guide import FloorPolicy

    r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", -3, major_incident=True)])
    with pytest.raises(InvalidScoreError, match=r"ranking\['乙镇'\].total"):
        what_it_takes(r, scoring=ScoringPolicy(floor=FloorPolicy.ZERO))


# --- the caller's decimal context does not leak in (issue 15) -----------------------------


def test_caller_context_prec_1_and_every_trap_changes_nothing() -> None:
    """Under ``prec = 1`` with every trap on, the ceiling is still 105 and +22.00 the answer
    (issue 15 found 1.0E+2 and CANNOT under ``prec = 2``); the caller's flags stay clear."""
    import decimal

    rows = [("甲镇", 104), ("乙镇", 103), ("丙镇", "102.5"), ("丁镇", 90), ("戊镇", "80.5")]
    expected = None
    for prec in (28, 1):
        with decimal.localcontext() as ctx:
            ctx.prec = prec
            for signal in ctx.traps:
                ctx.traps[signal] = True
            ctx.clear_flags()
            r = ranking(rows)
            a = least_to_reach(r, "戊镇", WhatIfGoal.EXCELLENT)
            table = what_it_takes(r, resolution="0.3")
            moved = rerank(r, "戊镇", a.new_total)
            got = (a, table, moved, str(table), table.to_records(numbers="float"))
            assert not any(ctx.flags.values()), ctx.flags
        assert a.ceiling == 105 and a.additional == Decimal("22.00")  # to 丙镇's 102.5
        assert expected is None or got == expected
        expected = got


# --- what an answer says: the goal, the clause, the figures ---------------------------------


def test_an_answer_names_its_goal_and_clause_and_states_its_own_figures() -> None:
    """Tier A is §8.2, 优秀 §8.3; a reachable answer's sentence gives the same additional
    points and new total as its fields (G: +0.50 to F's 88, +3.50 to C's 91)."""
    r = ranking(EIGHT)
    goals = {
        WhatIfGoal.TIER_A: ("Guide §8.2", " A 档", "tier A"),
        WhatIfGoal.EXCELLENT: ("Guide §8.3", "“优秀”", "优秀 (excellent)"),
    }
    for goal, (clause, zh, en) in goals.items():
        a = least_to_reach(r, "G镇", goal)
        (reason,) = a.reasons
        assert str(reason.citation) == clause
        assert (
            f"at least {a.additional} more points (total {a.new_total}, in steps of 0.01) "
            f"reach {en};" in reason.en
        )
        assert f"至少再得 {a.additional} 分（总分 {a.new_total}，步长 0.01）可入{zh}；" in reason.zh
        already = least_to_reach(r, "A镇", goal)
        assert str(already.reasons[0].citation) == clause
        assert (already.reasons[0].zh, already.reasons[0].en) == (f"已在{zh}。", f"Already {en}.")


def test_reaching_exactly_the_highest_total_counts() -> None:
    """Appendix B: 105 (100 + the bonus cap 5) is a possible total.  Three units share 1st
    at 105; 丁 at 100 reaches 优秀 by tying them at 105 (§8.3, R1 competition ranking)."""
    r = ranking([("甲镇", 105), ("乙镇", 105), ("丙镇", 105), ("丁镇", 100)])
    a = least_to_reach(r, "丁镇", WhatIfGoal.EXCELLENT)
    assert a.status is ReachStatus.REACHABLE
    assert (a.additional, a.new_total, a.ceiling) == (Decimal("5.00"), Decimal("105.00"), 105)


def test_at_the_highest_total_no_step_more_and_the_reason_cites_appendix_b() -> None:
    """R1 strict: seven units at 105 ordered by the caller; the 7th is in tier B and,
    already at the highest total Appendix B allows, cannot pass the others."""
    names = [f"{i}号镇" for i in range(1, 8)]
    r = rank_units(
        [UnitScore(n, 105) for n in names],
        policy=TieringPolicy(ties=TiePolicy.STRICT, tie_break=names),
    )
    assert r["7号镇"].tier is Tier.B
    a = least_to_reach(r, "7号镇", WhatIfGoal.TIER_A)
    assert a.status is ReachStatus.CANNOT and a.additional is None and a.ceiling == 105
    (reason,) = a.reasons
    assert str(reason.citation) == "Guide Appendix B, Table B.1"
    assert "105" in reason.en and "105" in reason.zh


# --- R1 strict and R2 backfill inside the bounded decision ---------------------------------


def test_r1_strict_r2_backfill_tie_break_order_keeps_the_backfill() -> None:
    """甲 (incident) leads; under R2 backfill the 优秀 places go to 乙, 丙, 丁; the caller's
    order puts 丁 before 戊.  戊 at 97 would tie 丁 for the 3rd eligible place and lose it
    on the order, so 戊 needs 97.01 (+1.01) — not the 98.01 of the vacant reading."""
    units = [
        UnitScore("甲镇", 100, major_incident=True),
        UnitScore("乙镇", 99),
        UnitScore("丙镇", 98),
        UnitScore("丁镇", 97),
        UnitScore("戊镇", 96),
    ]
    policy = TieringPolicy(
        ties=TiePolicy.STRICT, vacancy=VacancyPolicy.BACKFILL, tie_break=("丁镇", "戊镇")
    )
    r = rank_units(units, policy=policy)
    assert r.excellent == ("乙镇", "丙镇", "丁镇")
    a = least_to_reach(r, "戊镇", WhatIfGoal.EXCELLENT)
    assert (a.additional, a.new_total) == (Decimal("1.01"), Decimal("97.01"))
    assert reaches(r, "戊镇", a.new_total, WhatIfGoal.EXCELLENT)
    assert not reaches(r, "戊镇", Decimal(97), WhatIfGoal.EXCELLENT)


def test_joining_a_tie_with_an_incident_unit_it_stays_barred_r2_backfill() -> None:
    """Strict R1, R2 backfill, order 丙, 戊, 丁.  戊 at 98 joins 丙 (incident) and 丁: the
    3rd eligible place is then split by the order — 丙 first but barred (Appendix C note 3),
    so 戊 is the 3rd unit without an incident: 优秀 at 98 (+8.00 from 90)."""
    units = [
        UnitScore("甲镇", 100),
        UnitScore("乙镇", 99),
        UnitScore("丙镇", 98, major_incident=True),
        UnitScore("丁镇", 98),
        UnitScore("戊镇", 90),
    ]
    policy = TieringPolicy(
        ties=TiePolicy.STRICT, vacancy=VacancyPolicy.BACKFILL, tie_break=("丙镇", "戊镇", "丁镇")
    )
    r = rank_units(units, policy=policy)
    assert r.excellent == ("甲镇", "乙镇", "丁镇")
    a = least_to_reach(r, "戊镇", WhatIfGoal.EXCELLENT)
    assert (a.additional, a.new_total) == (Decimal("8.00"), Decimal("98.00"))
    assert reaches(r, "戊镇", a.new_total, WhatIfGoal.EXCELLENT)


def test_r1_strict_a_tie_below_the_line_with_units_outside_the_order() -> None:
    """Six units above (104 … 99), then ten at 97: eight in the caller's order, X and Y
    outside it (the tie crosses no line, so the ranking stands).  X must pass 99: a tie
    with the 6th would cross the A/B line unsettled (R1 strict), so 99.01 (+2.01)."""
    above = [UnitScore(f"P{i}", 105 - i) for i in range(1, 7)]
    group = [f"G{i}" for i in range(1, 9)]
    units = [*above, *(UnitScore(n, 97) for n in [*group, "X", "Y"])]
    r = rank_units(units, policy=TieringPolicy(ties=TiePolicy.STRICT, tie_break=group))
    a = least_to_reach(r, "X", WhatIfGoal.TIER_A)
    assert (a.additional, a.new_total) == (Decimal("2.01"), Decimal("99.01"))
    check_against_brute(r, Decimal("0.5"))


# --- rerank keeps the ranking's readings and each unit's incident ---------------------------


def test_rerank_keeps_the_rankings_r2_reading() -> None:
    """R2 backfill: 甲 (incident) is barred and 丁 moves up; 戊 re-scored 97.5 passes 丁
    and takes that place (乙, 丙, 戊), under the same policy."""
    units = [
        UnitScore("甲镇", 100, major_incident=True),
        UnitScore("乙镇", 99),
        UnitScore("丙镇", 98),
        UnitScore("丁镇", 97),
        UnitScore("戊镇", 96),
    ]
    r = rank_units(units, policy=TieringPolicy(vacancy=VacancyPolicy.BACKFILL))
    result = rerank(r, "戊镇", "97.5")
    assert result.after.policy == r.policy
    assert result.after.excellent == ("乙镇", "丙镇", "戊镇")


def test_rerank_keeps_each_units_incident_appendix_c_note_3() -> None:
    """丁 has a major incident: re-scored 100 (its highest possible total) it ranks 1st,
    in tier A, but is not 优秀 — 甲 and 乙 (2nd and 3rd) are (R2 vacant)."""
    units = [
        UnitScore("甲镇", 95),
        UnitScore("乙镇", 93),
        UnitScore("丙镇", 91),
        UnitScore("丁镇", 80, major_incident=True),
    ]
    after = rerank(rank_units(units), "丁镇", 100).after
    assert (after["丁镇"].rank, after["丁镇"].tier, after["丁镇"].excellent) == (1, Tier.A, False)
    assert after.barred == ("丁镇",) and after.excellent == ("甲镇", "乙镇")


def test_rerank_bounds_the_new_total_by_the_scoring_readings_r4_r5() -> None:
    """An incident unit may fall to -3 under the default readings (once, no floor: down to
    -5) but not under the zero floor (R5 alternative: from 0)."""
    from baoshan_quality import ScoringPolicy
    from baoshan_quality.errors import InvalidScoreError
    from baoshan_quality.guide import FloorPolicy

    units = [UnitScore("甲镇", 90), UnitScore("乙镇", 50, major_incident=True)]
    r = rank_units(units)
    assert rerank(r, "乙镇", -3).after["乙镇"].total == -3
    with pytest.raises(InvalidScoreError, match=r"\[0, 100\]"):
        rerank(r, "乙镇", -3, scoring=ScoringPolicy(floor=FloorPolicy.ZERO))


# --- the refusals name the field and the value ----------------------------------------------


@pytest.mark.parametrize(
    ("call", "field", "value", "problem"),
    [
        (lambda r: least_to_reach(list(r), "G镇", WhatIfGoal.TIER_A), "ranking", None,
         "expected a Ranking"),
        (lambda r: least_to_reach(r, "G镇", "tier-a"), "goal", "tier-a",
         "expected WhatIfGoal.TIER_A or WhatIfGoal.EXCELLENT"),
        (lambda r: what_it_takes(r, scoring=1), "scoring", 1, "expected a ScoringPolicy"),
        (lambda r: what_it_takes(r, resolution="x"), "resolution", "x", "expected"),
        (lambda r: rerank(r, "G镇", "abc"), "new_total", "abc", "expected"),
        (lambda r: what_it_takes(r).answer("无此镇", WhatIfGoal.TIER_A), "unit", "无此镇",
         "no such unit in the table"),
    ],
)  # fmt: skip
def test_what_if_refusals_name_the_field_and_value(
    call: object, field: str, value: object, problem: str
) -> None:
    from baoshan_quality import BaoshanQualityError

    r = ranking(EIGHT)
    with pytest.raises(BaoshanQualityError) as info:
        call(r)  # type: ignore[operator]
    assert info.value.field == field
    assert value is None or info.value.value == value
    assert str(info.value).startswith(f"{field}: {problem}")


def test_the_ranking_refusal_cites_s8_2() -> None:
    with pytest.raises(InvalidInputError) as info:
        what_it_takes([])  # type: ignore[arg-type]
    assert str(info.value.citation) == "Guide §8.2" and info.value.value == []


def test_a_what_if_table_that_does_not_hang_together_names_the_field() -> None:
    table = what_it_takes(ranking(EIGHT))
    with pytest.raises(InvalidInputError) as info:
        WhatIfTable(table.answers[1:], table.resolution)
    assert info.value.field == "WhatIfTable.answers"
    assert str(info.value).startswith(
        "WhatIfTable.answers: expected exactly one answer per unit and goal (tier A, 优秀)"
    )


def test_a_ranking_total_outside_the_scoring_range_is_shown_with_its_incident() -> None:
    """The refusal gives the total and says the unit has a major incident (its range
    [0, 100] under the zero floor, R5)."""
    from baoshan_quality import ScoringPolicy
    from baoshan_quality.errors import InvalidScoreError
    from baoshan_quality.guide import FloorPolicy

    r = rank_units([UnitScore("甲镇", 90), UnitScore("乙镇", -3, major_incident=True)])
    with pytest.raises(InvalidScoreError) as info:
        least_to_reach(r, "甲镇", WhatIfGoal.TIER_A, scoring=ScoringPolicy(floor=FloorPolicy.ZERO))
    assert info.value.value == Decimal(-3)
    assert "[0, 100] for a unit with a major incident" in str(info.value)


def test_r1_strict_r2_backfill_an_incident_unit_above_a_tie_is_not_counted() -> None:
    """R2 backfill counts the 3rd 优秀 place among the tier-A units without an incident.
    X (incident, 90) at 100 — one step of 10 — ranks 1st; the tie of three at 99 then
    holds the eligible places 1-3, not across the 3rd, so strict R1 (no order) is settled
    and X is in tier A (+10; 100 is its highest possible total)."""
    units = [
        *(UnitScore(f"T{i}", 99) for i in range(1, 4)),
        UnitScore("U1", 98),
        UnitScore("U2", 97),
        UnitScore("U3", 96),
        UnitScore("X", 90, major_incident=True),
    ]
    policy = TieringPolicy(ties=TiePolicy.STRICT, vacancy=VacancyPolicy.BACKFILL)
    r = rank_units(units, policy=policy)
    a = least_to_reach(r, "X", WhatIfGoal.TIER_A, resolution=10)
    assert (a.status, a.additional, a.new_total) == (ReachStatus.REACHABLE, 10, 100)
    assert reaches(r, "X", Decimal(100), WhatIfGoal.TIER_A)


def test_r1_strict_every_total_leaves_a_tie_across_a_line_so_the_table_agrees() -> None:
    """Strict R1 without an order: three at 99 (places 1-3), three at 97.5 (4-6), W at 97.
    However high W goes, a tie crosses the A/B line (joining or just passing 97.5) or the
    3rd place (joining or passing 99): W cannot reach tier A — in the table of every unit
    as in the answer asked alone."""
    units = [
        *(UnitScore(f"T{i}", 99) for i in range(1, 4)),
        *(UnitScore(f"V{i}", "97.5") for i in range(1, 4)),
        UnitScore("W", 97),
    ]
    r = rank_units(units, policy=TieringPolicy(ties=TiePolicy.STRICT))
    alone = least_to_reach(r, "W", WhatIfGoal.TIER_A)
    assert alone.status is ReachStatus.CANNOT
    assert what_it_takes(r).answer("W", WhatIfGoal.TIER_A) == alone
