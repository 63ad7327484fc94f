"""Guide §8 tiering: the exact reasons and error messages (kills mutmut survivors).

Mutation testing showed that reason sentences, ordinals, error fields, the
error text and a few boundary comparisons could change without a test noticing.
The expectations below are written by hand from the clauses (§8.1-8.3,
Appendix C note 3) and from the message format of the error hierarchy
(``field: problem, got value (clause)``); none is copied from a run.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

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

# English ordinals, by hand (11th-13th and 111th-113th are the irregular ones).
ORDINALS = {
    1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", 6: "6th", 7: "7th", 10: "10th",
    11: "11th", 12: "12th", 13: "13th", 14: "14th", 20: "20th", 21: "21st", 22: "22nd",
    23: "23rd", 24: "24th", 100: "100th", 101: "101st", 102: "102nd", 103: "103rd",
    110: "110th", 111: "111th", 112: "112th", 113: "113th", 120: "120th", 121: "121st",
}  # fmt: skip


def _distinct(n: int) -> list[UnitScore]:
    """n units with distinct totals 105, 104.5, 104, … (0.5 apart; rank r has 105.5 − r/2)."""
    return [UnitScore(f"u{r:03d}", Decimal(211 - r) / 2) for r in range(1, n + 1)]


def test_s8_2_rank_reason_and_tier_b_reason_name_the_ordinal() -> None:
    ranking = rank_units(_distinct(121))
    for rank, ordinal in ORDINALS.items():
        e = ranking[f"u{rank:03d}"]
        total = Decimal(211 - rank) / 2
        assert e.rank == rank
        assert e.reasons[0].en == f"Total {total}: ranked {ordinal} of 121 by score, high to low."
        assert e.reasons[0].zh == f"总分 {total}，按分数从高到低排列第 {rank} 位（共 121 个单位）。"
        assert str(e.reasons[0].citation) == "Guide §8.2"
        if rank > 6:
            assert e.tier is Tier.B
            assert e.reasons[1].en == f"Ranked {ordinal}, outside the first 6, so tier B."
            assert e.reasons[1].zh == f"排名第 {rank} 位，不在前 6 位，划为 B 档。"
            assert str(e.reasons[1].citation) == "Guide §8.1-8.2"
            assert len(e.reasons) == 2


def test_s8_2_s8_3_tier_a_and_excellent_reasons() -> None:
    ranking = rank_units(_distinct(8))
    first, fourth = ranking["u001"], ranking["u004"]
    assert first.reasons[1].en == "Ranked within the first 6, so tier A."
    assert first.reasons[1].zh == "排名前 6 位，划为 A 档。"
    assert first.reasons[2].en == "Among the first 3 of tier A: 优秀 (excellent) for the year."
    assert first.reasons[2].zh == "A 档前 3 位，当年质量考核结果为“优秀”。"
    assert str(first.reasons[2].citation) == "Guide §8.3"
    assert fourth.reasons[2].en == "Not among the first 3 of tier A, so not 优秀 (excellent)."
    assert fourth.reasons[2].zh == "不在 A 档前 3 位，非“优秀”。"
    assert str(fourth.reasons[2].citation) == "Guide §8.3"


def _under_100(names: str, first_incident: int) -> list[UnitScore]:
    """Units 100, 99, 98 … in the order of ``names``; the one at ``first_incident`` has one."""
    return [
        UnitScore(name, 100 - i, major_incident=(i == first_incident))
        for i, name in enumerate(names)
    ]


def test_appendix_c_note_3_incident_reason_vacant_and_backfill() -> None:
    units = [
        UnitScore("甲", 100, major_incident=True),
        *(UnitScore(f"u{r:03d}", 100 - r) for r in range(2, 8)),
    ]
    vacant = rank_units(units)
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

    backfill = rank_units(units, policy=TieringPolicy(vacancy=VacancyPolicy.BACKFILL))
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


def test_appendix_c_note_3_only_units_within_the_first_three_are_listed_as_barred() -> None:
    """barred = incident units ranked 1-3 of tier A; the 4th with an incident is not barred."""
    units = _under_100("甲乙丙丁戊己庚", first_incident=3)
    for vacancy in VacancyPolicy:
        ranking = rank_units(units, policy=TieringPolicy(vacancy=vacancy))
        assert ranking["丁"].rank == 4
        assert ranking.barred == ()
    third = _under_100("甲乙丙丁戊己庚", first_incident=2)
    assert rank_units(third).barred == ("丙",)


def test_s8_2_tie_reasons_name_the_other_units() -> None:
    units = [*_distinct(4), UnitScore("x", 103), UnitScore("y", 103), UnitScore("z", 103)]
    ranking = rank_units(units)
    # u003 has 104; u004 103.5; then x, y, z share 5th at 103 and straddle 6th place.
    x = ranking["x"]
    assert x.rank == 5
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


def test_s8_2_strict_tie_broken_by_caller_order_says_so() -> None:
    units = [*_distinct(4), UnitScore("x", 103), UnitScore("y", 103), UnitScore("z", 103)]
    policy = TieringPolicy(ties=TiePolicy.STRICT, tie_break=("z", "x", "y"))
    ranking = rank_units(units, policy=policy)
    assert [ranking[n].rank for n in ("z", "x", "y")] == [5, 6, 7]
    assert ranking["y"].tier is Tier.B
    assert ranking["z"].reasons[0].en == (
        "Total 103: ranked 5th of 7 by score, high to low, a tie separated by the caller's "
        "tie-break order (R1 strict)."
    )
    assert ranking["z"].reasons[0].zh == (
        "总分 103，按分数从高到低排列第 5 位（共 7 个单位，并列按调用方给定顺序区分（R1 严格））。"
    )
    assert ranking.ties[0].broken is True


def test_r1_strict_unbroken_tie_error_names_units_and_line() -> None:
    units = [*_distinct(5), UnitScore("x", "102.5"), UnitScore("y", "102.5")]
    with pytest.raises(UnresolvedTieError) as info:
        rank_units(units, policy=TieringPolicy(ties=TiePolicy.STRICT))
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


def test_r2_backfill_tie_across_the_third_eligible_place_is_reported() -> None:
    """With an incident ahead, the 3rd 优秀 place falls to the 4th-ranked: a tie there crosses it."""
    units = [
        UnitScore("甲", 105, major_incident=False),
        UnitScore("乙", 100, major_incident=True),
        UnitScore("丙", 99),
        UnitScore("丁", 98),
        UnitScore("戊", 98),
        UnitScore("己", 90),
    ]
    backfill = rank_units(units, policy=TieringPolicy(vacancy=VacancyPolicy.BACKFILL))
    (tie,) = backfill.ties
    assert tie.units == ("丁", "戊")
    assert tie.crosses_excellent is True  # eligible places: 甲 1, 丙 2, 丁/戊 3 and 4
    assert set(backfill.excellent) == {"甲", "丙", "丁", "戊"}
    vacant = rank_units(units)
    assert vacant.ties[0].crosses_excellent is False  # places 4 and 5: past the 3rd
    assert vacant.excellent == ("甲", "丙")


@pytest.mark.parametrize(
    ("units", "scoring", "message"),
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
    units: list[UnitScore], scoring: ScoringPolicy | None, message: str
) -> None:
    with pytest.raises(InvalidScoreError) as info:
        rank_units(units, scoring=scoring)
    assert str(info.value) == message


def test_appendix_b_range_edges_are_accepted() -> None:
    """The ends of each range are possible totals (100 + 5 bonus; 0 − 5 with one deduction)."""
    rank_units([UnitScore("甲", 105), UnitScore("乙", 0)])
    rank_units([UnitScore("甲", 100, major_incident=True), UnitScore("乙", -5, True)])
    per = ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT)
    rank_units([UnitScore("甲", -10, True, incidents=2), UnitScore("乙", 95, True, 2)], scoring=per)
    rank_units([UnitScore("甲", -1000, True)], scoring=per)  # unknown count: no lower bound
    floor = ScoringPolicy(floor=FloorPolicy.ZERO, incidents=IncidentPolicy.PER_INCIDENT)
    rank_units([UnitScore("甲", 0, True, incidents=30)], scoring=floor)


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
    call: object, kind: type[Exception], message: str
) -> None:
    with pytest.raises(kind) as info:
        call()  # type: ignore[operator]
    assert str(info.value) == message


def _card(unit: str, year: int = 2024, **kw: object) -> object:
    full = {c.code: c.points for c in RUBRIC.criteria}
    return score(Assessment(unit, year, full, **kw))  # type: ignore[arg-type]


def test_s8_score_cards_must_share_year_and_readings() -> None:
    with pytest.raises(InvalidInputError) as info:
        rank_units([_card("甲"), _card("乙", 2023)])  # type: ignore[list-item]
    assert str(info.value) == (
        "units[1].year (乙): score cards of one ranking must be of one year (the first is "
        "2024); §8 ranks the units of a year, got 2023 (Guide §8.2)"
    )
    other = score(
        Assessment("乙", 2024, {c.code: c.points for c in RUBRIC.criteria}),
        policy=ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT),
    )
    with pytest.raises(InvalidInputError, match=r"^units\[1\]\.policy \(乙\): score cards of one "
                       r"ranking must be scored under the same readings \(R4, R5\) or their "
                       r"totals are not comparable, got ScoringPolicy\("):  # fmt: skip
        rank_units([_card("甲"), other])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError) as info:
        rank_units([_card("甲"), other])  # type: ignore[list-item]
    assert str(info.value).endswith("(Guide §8.2)")
    assert info.value.field == "units[1].policy (乙)"


def test_from_card_keeps_unit_total_incident_and_count() -> None:
    card = _card("甲", incidents=(IncidentKind.PRODUCT, IncidentKind.SERVICE))
    unit = UnitScore.from_card(card)  # type: ignore[arg-type]
    assert unit == UnitScore("甲", 95, major_incident=True, incidents=2)
    ranking = rank_units([card])  # type: ignore[list-item]
    assert ranking["甲"].major_incident is True
    assert ranking["甲"].total == 95


def test_ranking_lookup_text_table_and_html() -> None:
    ranking = rank_units(_distinct(7))
    assert "u001" in ranking
    assert "nobody" not in ranking
    with pytest.raises(UnknownUnitError) as info:
        ranking["nobody"]
    assert str(info.value) == "unit: no such unit in the ranking, got 'nobody'"
    text = str(ranking)
    assert text.splitlines()[0].split() == ["rank", "unit", "total", "tier", "优秀", "why", "理由"]
    assert "u007" in text
    assert "B" in text.splitlines()[-1]
    html = ranking._repr_html_()
    assert "<caption>Guide §8 ranking</caption>" in html
    assert "why 理由" in html
    assert "排名前 6 位，划为 A 档。" in html
    records = ranking.to_records()
    assert records[0]["why"] == " ".join(r.en for r in ranking["u001"].reasons)
    assert [r["tier"] for r in records] == ["A"] * 6 + ["B"]


def test_r2_backfill_lists_every_barred_unit_within_the_first_three() -> None:
    """Under backfill too, barred = the incident units ranked 1-3 (here 1st and 3rd)."""
    units = [
        UnitScore("甲", 100, major_incident=True),
        UnitScore("乙", 99),
        UnitScore("丙", 98, major_incident=True),
        *(UnitScore(f"u{r}", 97 - r) for r in range(4)),
    ]
    ranking = rank_units(units, policy=TieringPolicy(vacancy=VacancyPolicy.BACKFILL))
    assert ranking.barred == ("甲", "丙")
    assert ranking.excellent == ("乙", "u0", "u1")


def test_r1_strict_backfill_tie_across_the_third_eligible_place_names_it() -> None:
    units = [
        UnitScore("甲", 100, major_incident=True),
        UnitScore("乙", 99),
        UnitScore("丙", 98),
        UnitScore("x", 97),
        UnitScore("y", 97),
        UnitScore("z", 90),
    ]
    policy = TieringPolicy(ties=TiePolicy.STRICT, vacancy=VacancyPolicy.BACKFILL)
    with pytest.raises(UnresolvedTieError) as info:
        rank_units(units, policy=policy)
    assert "units x, y are tied at 97 across the 3rd 优秀 place (place 3)" in str(info.value)
    assert str(info.value.citation) == "Guide §8.2"


@pytest.mark.parametrize(
    ("places", "crosses_a", "crosses_x"),
    [((5, 6), False, False), ((6, 7), True, False), ((2, 3), False, False), ((3, 4), False, True)],
)
def test_s8_2_a_tie_crosses_a_line_only_if_it_holds_the_place_and_the_next(
    places: tuple[int, int], crosses_a: bool, crosses_x: bool
) -> None:
    first = places[0]
    units = [UnitScore(f"u{r}", 100 - r) for r in range(1, first)]
    units += [UnitScore("x", 50), UnitScore("y", 50)]
    units += [UnitScore(f"v{r}", 40 - r) for r in range(8 - len(units))]
    ranking = rank_units(units)
    (tie,) = ranking.ties
    assert (tie.rank, tie.crosses_tier_a, tie.crosses_excellent) == (first, crosses_a, crosses_x)
    strict = TieringPolicy(ties=TiePolicy.STRICT)
    if crosses_a or crosses_x:
        with pytest.raises(UnresolvedTieError):
            rank_units(units, policy=strict)
    else:
        assert rank_units(units, policy=strict) == attrs.evolve(ranking, policy=strict)


def _tied(n: int, total: int = 90) -> list[UnitScore]:
    """n units t01 … tNN all on ``total``: one tie of n (§8.2 ranks them together)."""
    return [UnitScore(f"t{i:02d}", total) for i in range(1, n + 1)]


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
    assert e.reasons[0].zh == (
        "总分 90，按分数从高到低排列第 1 位（共 7 个单位，与t01、t02、t03、t04、t05等 6 个单位并列）。"
    )
    assert e.reasons[0].en == (
        "Total 90: ranked 1st of 7 by score, high to low, "
        "tied with t01, t02, t03, t04, t05 and 1 other."
    )
    e = rank_units(_tied(8))["t01"]
    assert e.reasons[0].en.endswith("tied with t02, t03, t04, t05, t06 and 2 others.")


NOT_EXCELLENT_EN = "Not among the first 3 of tier A, so not 优秀 (excellent)."
AMONG_FIRST_THREE_EN = "Among the first 3 of tier A: 优秀 (excellent) for the year."


@pytest.mark.parametrize("vacancy", list(VacancyPolicy))
def test_s8_3_without_incidents_the_first_three_are_excellent_in_their_own_right(
    vacancy: VacancyPolicy,
) -> None:
    # No incident, so nothing is barred and nobody moves up (R2 does not apply): the
    # 3rd unit is 优秀 under §8.3 itself; the 4th–6th are tier A but not 优秀; tier B
    # units get no 优秀 sentence at all.
    r = rank_units(_distinct(8), policy=TieringPolicy(vacancy=vacancy))
    assert [e.reasons[-1].en for e in r][:6] == [AMONG_FIRST_THREE_EN] * 3 + [NOT_EXCELLENT_EN] * 3
    assert str(r["u003"].reasons[-1].citation) == "Guide §8.3"
    assert [len(e.reasons) for e in r][6:] == [2, 2]


def test_note_3_an_incident_outside_the_first_three_is_just_not_excellent_r2_vacant() -> None:
    # The 5th unit has a major incident, but it was not within the first 3 anyway:
    # §8.3 alone says it is not 优秀; the incident bar (note 3) has nothing to bar.
    us = [UnitScore(f"v{r}", 100 - r, major_incident=r == 5) for r in range(1, 9)]
    e = rank_units(us)["v5"]
    assert (e.rank, e.tier, e.excellent) == (5, Tier.A, False)
    assert e.reasons[-1].en == NOT_EXCELLENT_EN
    assert str(e.reasons[-1].citation) == "Guide §8.3"


def test_appendix_b_21_incidents_per_incident_floored_leave_only_zero() -> None:
    # Per incident (R4 alternative): 21 × 5 = 105 deducted from at most 105, floored at
    # 0 (R5 alternative): the only possible total is 0.
    scoring = ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT, floor=FloorPolicy.ZERO)
    assert len(rank_units([UnitScore("a", 0, True, 21)], scoring=scoring)) == 1
    with pytest.raises(InvalidScoreError, match=r"outside the possible range \[0, 0\]"):
        rank_units([UnitScore("a", 1, True, 21)], scoring=scoring)


def test_unit_score_total_error_names_the_field() -> None:
    with pytest.raises(InvalidInputError) as caught:
        UnitScore("a", "ninety")
    assert caught.value.field == "UnitScore.total"
    assert caught.value.message.startswith("UnitScore.total: ")


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
