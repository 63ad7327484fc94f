"""Deferred parts of results: a ScoreCard's lines and a Ranking's entries built on read.

``score`` and ``rank_units`` settle every total, rank, tier and tie at once and build
the explanatory parts (lines, subtotals, entries, reasons) on their first read.  These
tests check that the deferral cannot be seen: the values, equality, JSON, ``repr``,
copies and the caller's decimal context give the same answers as an instance built
eagerly by its constructor, and that ranks, tiers and 优秀 still follow Guide §8 and
Appendix C note 3 (checked against an oracle written from the clauses, not the code).
"""

from __future__ import annotations

import copy
import decimal
import pickle
import random
from decimal import Decimal
from typing import Any

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
    Tier,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    rank_units,
    score,
)
from baoshan_quality.errors import InvalidScoreError, UnknownUnitError
from baoshan_quality.guide import FloorPolicy, IncidentPolicy, MissingPolicy
from baoshan_quality.sample import sample_assessments
from baoshan_quality.serialization import from_json, to_json, unstructure


def _pending(obj: object) -> bool:
    try:
        return object.__getattribute__(obj, "_plan") is not None
    except AttributeError:
        return False


def _eager(obj: Any) -> Any:
    """The same result built by its constructor from every field (nothing deferred)."""
    cls = type(obj)
    return cls(**{f.name: getattr(obj, f.name) for f in attrs.fields(cls)})


# --- the deferral itself -----------------------------------------------------------


@pytest.mark.parametrize("cls", [ScoreCard, Ranking])
def test_deferred_fields_are_exactly_the_explanatory_fields(cls: type) -> None:
    fresh = (
        score(sample_assessments()[0])
        if cls is ScoreCard
        else rank_units([UnitScore("a", 1), UnitScore("b", 1)])
    )
    assert _pending(fresh)
    unset = set()
    for field in attrs.fields(cls):
        try:
            object.__getattribute__(fresh, field.name)
        except AttributeError:
            unset.add(field.name)
    # Everything else was set at once; only these wait for a read.
    assert unset == set(cls._DEFERRED)  # type: ignore[attr-defined]
    expected = (
        {"lines", "sub_items", "categories", "bonus_lines", "reasons"}
        if cls is ScoreCard
        else {"entries"}
    )
    assert unset == expected


def test_a_score_card_builds_its_lines_once_on_first_read() -> None:
    card = score(sample_assessments()[0])
    assert _pending(card)
    assert card.total == card.base + card.bonus - card.deduction  # totals need no build
    assert _pending(card)
    lines = card.lines
    assert not _pending(card)
    assert card.lines is lines and len(lines) == len(RUBRIC.criteria)


def test_a_missing_attribute_is_an_attribute_error_and_builds_nothing() -> None:
    card = score(sample_assessments()[0])
    assert not hasattr(card, "_repr_mimebundle_")  # what a notebook probes for
    with pytest.raises(AttributeError, match="'ScoreCard' object has no attribute 'nope'"):
        card.nope  # type: ignore[attr-defined]  # noqa: B018
    assert _pending(card)


def test_the_plan_is_not_a_field_of_the_result() -> None:
    card = score(sample_assessments()[0])
    assert "_plan" not in attrs.asdict(card)
    assert "_plan" not in repr(card)
    assert "_plan" not in unstructure(card)
    assert "_plan" not in {f.name for f in attrs.fields(ScoreCard)}


def test_lines_read_under_a_coarse_caller_context_are_still_exact() -> None:
    full = {c.code: c.points for c in RUBRIC.criteria}
    full["1.1.1"] = Decimal("2.25")
    card = score(Assessment("罗店镇", 2024, full))
    with decimal.localcontext() as caller:
        caller.prec = 2
        subtotal = card.subtotal("1.1")
    # 1.1 = 1.1.1 + 1.1.2 + 1.1.3, summed exactly whatever the caller's precision.
    expected = sum((full[c.code] for c in RUBRIC.sub_item("1.1").criteria), Decimal(0))
    assert subtotal.awarded == expected
    assert str(card.base) == str(sum(full.values(), Decimal(0)))


def test_a_deferred_card_equals_its_eager_twin_in_every_way() -> None:
    for a in sample_assessments():
        deferred, other = score(a), score(a)
        twin = _eager(other)
        assert not _pending(twin)
        assert score(a) == twin and hash(score(a)) == hash(twin)
        assert repr(score(a)) == repr(twin)
        assert to_json(deferred) == to_json(twin)
        assert from_json(to_json(score(a)), ScoreCard) == twin
        assert copy.copy(score(a)) == twin and copy.deepcopy(score(a)) == twin
        assert pickle.loads(pickle.dumps(score(a))) == twin
        assert attrs.evolve(score(a), unit="x") == attrs.evolve(twin, unit="x")


assessments = st.builds(
    lambda scores, honors, incidents, drop: Assessment(
        "u",
        2024,
        {c.code: s for c, s in zip(RUBRIC.criteria, scores, strict=True) if c.code not in drop},
        honors=honors,
        incidents=incidents,
    ),
    st.tuples(
        *(
            st.decimals(min_value=0, max_value=c.points, places=1, allow_nan=False)
            for c in RUBRIC.criteria
        )
    ),
    st.lists(st.sampled_from(list(HonorLevel)), max_size=4).map(tuple),
    st.lists(st.sampled_from(list(IncidentKind)), max_size=3).map(tuple),
    st.sets(st.sampled_from([c.code for c in RUBRIC.criteria]), max_size=3),
)
scoring_policies = st.builds(
    ScoringPolicy,
    incidents=st.sampled_from(list(IncidentPolicy)),
    floor=st.sampled_from(list(FloorPolicy)),
    missing=st.just(MissingPolicy.ZERO),
)


@given(assessments, scoring_policies)
def test_property_card_totals_agree_with_its_lines(a: Assessment, p: ScoringPolicy) -> None:
    card = score(a, policy=p)
    base, total = card.base, card.total  # set at once
    assert base == sum((line.awarded for line in card.lines), Decimal(0))
    assert base == sum((c.awarded for c in card.categories), Decimal(0))
    assert card.bonus_uncapped == sum((b.points for b in card.bonus_lines), Decimal(0))
    assert card.missing == tuple(c.code for c in RUBRIC.criteria if c.code not in a.scores)
    assert card.reasons[-1].en.endswith(f"= {total}.")
    assert score(a, policy=p) == _eager(card)


# --- rankings: the clauses, through the deferred path -------------------------------

totals = st.decimals(min_value=0, max_value=100, places=0, allow_nan=False).map(
    lambda d: d / 4  # quarter points: many ties
)
unit_lists = st.lists(st.tuples(totals, st.booleans()), max_size=30).map(
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


@given(unit_lists, vacancies)
def test_property_ranking_follows_the_clauses(us: list[UnitScore], vacancy: VacancyPolicy) -> None:
    policy = TieringPolicy(vacancy=vacancy)
    expected = _oracle(us, vacancy)
    r = rank_units(us, policy=policy)
    # Read the cheap faces first (no entries built) …
    by_rank = sorted(expected, key=lambda n: (expected[n][0], n))
    assert len(r) == len(us)
    assert r.tier_a == tuple(n for n in by_rank if expected[n][1] is Tier.A)
    assert r.excellent == tuple(n for n in by_rank if expected[n][2])
    assert set(r.barred) == {n for n in expected if expected[n][3]}
    for name in expected:
        assert name in r
        e = r[name]
        assert (e.rank, e.tier, e.excellent) == expected[name][:3]
    assert "nobody" not in r and 7 not in r
    assert _pending(r)  # looking units up builds only those entries, not `entries`
    # … then every entry.
    assert [e.unit for e in r.entries] == by_rank
    assert not _pending(r)
    assert r == _eager(rank_units(us, policy=policy))


@given(unit_lists, vacancies, st.randoms())
def test_property_strict_with_a_full_tie_break_agrees_entry_by_entry(
    us: list[UnitScore], vacancy: VacancyPolicy, rnd: random.Random
) -> None:
    order = [u.unit for u in us]
    rnd.shuffle(order)
    policy = TieringPolicy(ties=TiePolicy.STRICT, vacancy=vacancy, tie_break=tuple(order))
    lazy, built = rank_units(us, policy=policy), rank_units(us, policy=policy)
    entries = built.entries  # every entry built at once
    assert lazy.tier_a == tuple(e.unit for e in entries if e.tier is Tier.A)
    assert lazy.excellent == tuple(e.unit for e in entries if e.excellent)
    assert len(lazy) == len(entries)
    for e in reversed(entries):  # built one by one, in another order
        assert lazy[e.unit] == e
    assert lazy == built == _eager(built)
    assert from_json(to_json(lazy), Ranking) == built


def test_one_lookup_builds_one_entry_and_the_rest_reuse_it() -> None:
    r = rank_units([UnitScore(f"u{i}", i) for i in range(50)])
    first = r["u49"]
    assert _pending(r)
    assert r.entries[0] is first  # the entry already built is reused
    assert r["u49"] is first


def test_an_unknown_unit_is_the_librarys_error_before_and_after_the_build() -> None:
    r = rank_units([UnitScore("a", 1)])
    for _ in range(2):
        with pytest.raises(UnknownUnitError, match="unit: no such unit in the ranking, got 'b'"):
            r["b"]
        with pytest.raises(UnknownUnitError):
            r[3]  # type: ignore[index]
        r.entries  # noqa: B018 - build, then ask again


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


@given(unit_lists, vacancies)
def test_property_ties_follow_the_clauses_before_and_past_the_line(
    us: list[UnitScore], vacancy: VacancyPolicy
) -> None:
    r = rank_units(us, policy=TieringPolicy(vacancy=vacancy))
    got = [
        (t.total, t.units, t.rank, t.crosses_tier_a, t.crosses_excellent, t.broken) for t in r.ties
    ]
    assert got == _oracle_ties(us, vacancy)


def test_ties_past_the_a_b_line_keep_their_rank_and_cross_nothing() -> None:
    # 10 > 9 > 8 > 7 > 6 > 5 (places 1-6), then 4, 4 (7th, shared) and 3, 3, 3 (9th).
    totals = [10, 9, 8, 7, 6, 5, 4, 4, 3, 3, 3]
    r = rank_units([UnitScore(f"u{i:02d}", t) for i, t in enumerate(totals)])
    assert [(t.rank, t.units, t.crosses_tier_a, t.crosses_excellent) for t in r.ties] == [
        (7, ("u06", "u07"), False, False),
        (9, ("u08", "u09", "u10"), False, False),
    ]
    assert [r[n].rank for n in ("u06", "u07", "u08", "u10")] == [7, 7, 9, 9]


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


def test_membership_and_lookup_of_an_eager_ranking() -> None:
    built = rank_units([UnitScore("a", 2), UnitScore("b", 1)])
    eager = _eager(built)
    assert not _pending(eager)
    assert "a" in eager and "b" in eager and "c" not in eager and 1 not in eager
    assert eager["b"].rank == 2
    with pytest.raises(UnknownUnitError):
        eager["c"]
    assert eager.tier_a == ("a", "b") and eager.excellent == ("a", "b") and len(eager) == 2
