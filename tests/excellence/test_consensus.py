"""Consensus of several reviewers (Measures Art. 11, 17, 18(4)-(6), 26)."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.citations import measures
from baoshan_quality.errors import (
    DuplicateUnitError,
    InvalidInputError,
    MissingCriterionError,
)
from baoshan_quality.excellence import (
    GBT_19580_2012,
    ConsensusGrid,
    ConsensusPolicy,
    ConsensusResult,
    ConsensusRule,
    CriteriaCategory,
    CriteriaItem,
    CriteriaTable,
    ItemConsensus,
    ItemKind,
    ReviewerRating,
    ScoreSheet,
    consensus,
)
from baoshan_quality.serialization import from_json, to_json

# A two-item table keeps hand computations short: P (40 points, process), R (60, result).
SMALL = CriteriaTable(
    edition="small",
    total=100,
    categories=[
        CriteriaCategory("1", "过程", "Process", 40, [CriteriaItem("1.1", "P", "P", 40, ItemKind.PROCESS)]),
        CriteriaCategory("2", "结果", "Results", 60, [CriteriaItem("2.1", "R", "R", 60, ItemKind.RESULT)]),
    ],
)  # fmt: skip


def _panel(rows: dict[str, tuple[int, int]], applicant: str = "甲公司") -> list[ScoreSheet]:
    return [ScoreSheet(name, applicant, {"1.1": p, "2.1": r}) for name, (p, r) in rows.items()]


THREE = {"A": (60, 30), "B": (65, 50), "C": (75, 55)}


def test_three_reviewers_median_hand_computed() -> None:
    result = consensus(_panel(THREE), table=SMALL)
    p, r = result.item("1.1"), result.item("2.1")
    # P: 60, 65, 75 → mean 200/3 = 66.67, median 65, spread 15
    assert [(x.reviewer, x.rating) for x in p.ratings] == [("A", 60), ("B", 65), ("C", 75)]
    assert (p.mean, p.median, p.spread, p.flagged) == (
        Decimal("66.67"),
        Decimal(65),
        Decimal(15),
        False,
    )
    assert (p.rating, p.score) == (Decimal(65), Decimal(26))  # 40 × 65 %
    # R: 30, 50, 55 → mean 45, median 50, spread 25 (> 20: flagged)
    assert (r.mean, r.median, r.spread, r.flagged) == (Decimal(45), Decimal(50), Decimal(25), True)
    assert (r.rating, r.score) == (Decimal(50), Decimal(30))  # 60 × 50 %
    assert result.total == Decimal(56)
    assert result.to_discuss == ("2.1",)
    assert result.reviewers == ("A", "B", "C")
    assert result.policy.rule is ConsensusRule.MEDIAN


@pytest.mark.parametrize(
    ("policy", "p_rating", "r_rating", "total"),
    [
        # mean: P 66.67 → nearest 5 % step 65; R 45 → 45; 26 + 27 = 53
        (ConsensusPolicy(rule=ConsensusRule.MEAN), "65", "45", "53"),
        # mean kept: P 66.67 → 40 × 66.67 % = 26.668; R 45 → 27
        (
            ConsensusPolicy(rule=ConsensusRule.MEAN, grid=ConsensusGrid.KEEP),
            "66.67",
            "45",
            "53.668",
        ),
        # trimmed mean of three drops the highest and lowest: the middle one
        (ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN), "65", "50", "56"),
    ],
)
def test_three_reviewers_other_rules_hand_computed(
    policy: ConsensusPolicy, p_rating: str, r_rating: str, total: str
) -> None:
    result = consensus(_panel(THREE), table=SMALL, policy=policy)
    assert result.item("1.1").rating == Decimal(p_rating)
    assert result.item("2.1").rating == Decimal(r_rating)
    assert result.total == Decimal(total)
    assert result.policy == policy
    assert any(policy.rule.value in r.en for r in result.reasons)


FOUR = {"A": (50, 0), "B": (60, 0), "C": (65, 0), "D": (90, 0)}


@pytest.mark.parametrize(
    ("rule", "grid", "expected"),
    [
        # median of 50, 60, 65, 90 = (60 + 65) / 2 = 62.5
        (ConsensusRule.MEDIAN, ConsensusGrid.SNAP, "65"),  # halves go up
        (ConsensusRule.MEDIAN, ConsensusGrid.KEEP, "62.5"),
        # mean = 265 / 4 = 66.25
        (ConsensusRule.MEAN, ConsensusGrid.SNAP, "65"),
        (ConsensusRule.MEAN, ConsensusGrid.KEEP, "66.25"),
        # trimmed: drop 50 and 90 → (60 + 65) / 2 = 62.5
        (ConsensusRule.TRIMMED_MEAN, ConsensusGrid.SNAP, "65"),
        (ConsensusRule.TRIMMED_MEAN, ConsensusGrid.KEEP, "62.5"),
    ],
)
def test_even_panel_hand_computed(rule: ConsensusRule, grid: ConsensusGrid, expected: str) -> None:
    policy = ConsensusPolicy(rule=rule, grid=grid)
    item = consensus(_panel(FOUR), table=SMALL, policy=policy).item("1.1")
    assert item.median == Decimal("62.5")
    assert item.mean == Decimal("66.25")
    assert item.rating == Decimal(expected)


def test_snap_rounds_to_the_nearest_step_down_as_well() -> None:
    # mean of 60, 60, 60, 60, 70 = 62 → nearest step 60
    panel = _panel({n: (r, 0) for n, r in zip("ABCDE", [60, 60, 60, 60, 70], strict=True)})
    item = consensus(panel, table=SMALL, policy=ConsensusPolicy(rule=ConsensusRule.MEAN)).item(
        "1.1"
    )
    assert item.mean == 62 and item.rating == 60
    assert any("62" in r.en and "5 % grid" in r.en for r in item.reasons)


def test_trimmed_mean_with_trim_2_of_five() -> None:
    # 0, 50, 55, 60, 100: drop 0, 50 and 60, 100 → 55
    panel = _panel({n: (r, 0) for n, r in zip("ABCDE", [0, 50, 55, 60, 100], strict=True)})
    policy = ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN, trim=2)
    assert consensus(panel, table=SMALL, policy=policy).item("1.1").rating == 55


@pytest.mark.parametrize(("count", "trim"), [(2, 1), (1, 1), (4, 2)])
def test_trimmed_mean_needs_more_than_twice_trim_ratings(count: int, trim: int) -> None:
    panel = _panel(dict.fromkeys("ABCDE"[:count], (50, 50)))
    policy = ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN, trim=trim)
    with pytest.raises(InvalidInputError, match=f"needs at least {2 * trim + 1} ratings"):
        consensus(panel, table=SMALL, policy=policy)


@pytest.mark.parametrize(
    ("high", "threshold", "flagged"),
    [
        (65, 20, False),  # spread 15: one step below the threshold
        (70, 20, False),  # spread 20: at the threshold — "more than" excludes it
        (75, 20, True),  # spread 25: one step above
        (60, 15, False),  # selectable threshold 15: spread 10
        (65, 15, False),  # spread 15 at the threshold
        (70, 15, True),  # spread 20
        (50, 0, False),  # threshold 0: identical ratings never flagged
        (55, 0, True),
    ],
)
def test_disagreement_flag_at_the_threshold_and_one_step_either_side(
    high: int, threshold: int, flagged: bool
) -> None:
    panel = _panel({"A": (50, 50), "B": (high, 50)})
    result = consensus(panel, table=SMALL, policy=ConsensusPolicy(threshold=threshold))
    item = result.item("1.1")
    assert item.spread == high - 50
    assert item.flagged is flagged
    assert result.to_discuss == (("1.1",) if flagged else ())
    assert any(r.citation == measures("Art. 11") for r in item.reasons) is flagged


def test_threshold_default_is_20_and_validated() -> None:
    assert ConsensusPolicy().threshold == 20
    with pytest.raises(InvalidInputError, match="threshold"):
        ConsensusPolicy(threshold=-5)
    with pytest.raises(InvalidInputError, match="threshold"):
        ConsensusPolicy(threshold="wide")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="rule"):
        ConsensusPolicy(rule="median")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="trim"):
        ConsensusPolicy(trim=0)


# --- recusal (Measures Art. 26) -----------------------------------------------------


def test_art26_recused_reviewer_may_not_contribute() -> None:
    with pytest.raises(InvalidInputError, match=r"sheets\[1\]\.reviewer: recused") as info:
        consensus(_panel(THREE), table=SMALL, recused={"B"})
    assert info.value.citation == measures("Art. 26")
    assert "'B'" in str(info.value) and "甲公司" in str(info.value)


def test_art26_recused_names_not_on_the_panel_are_reported() -> None:
    result = consensus(_panel(THREE), table=SMALL, recused=["Z", "Y", "Z"])
    assert result.recused == ("Y", "Z")
    assert any(r.citation == measures("Art. 26") and "Y, Z" in r.en for r in result.reasons)
    assert result == consensus(_panel(THREE), table=SMALL, recused=("Z", "Y"))


@pytest.mark.parametrize("recused", ["B", {"B": True}, [None], [""], 5])
def test_art26_recused_must_be_a_collection_of_names(recused: object) -> None:
    with pytest.raises(InvalidInputError, match="recused"):
        consensus(_panel(THREE), table=SMALL, recused=recused)  # type: ignore[arg-type]


# --- panel checks -------------------------------------------------------------------


def test_duplicate_reviewer_is_refused() -> None:
    panel = [*_panel(THREE), ScoreSheet("A", "甲公司", {"1.1": 50, "2.1": 50})]
    with pytest.raises(DuplicateUnitError, match=r"sheets\[3\]\.reviewer"):
        consensus(panel, table=SMALL)


def test_sheets_for_different_applicants_are_refused() -> None:
    panel = [*_panel(THREE), *_panel({"D": (50, 50)}, applicant="乙公司")]
    with pytest.raises(InvalidInputError, match=r"sheets\[3\]\.applicant.*same applicant"):
        consensus(panel, table=SMALL)


@pytest.mark.parametrize(
    ("sheets", "pattern"),
    [
        ([], "at least one"),
        (ScoreSheet("A", "甲公司", {}), "sequence of ScoreSheet"),
        ("A", "sequence of ScoreSheet"),
        ([{"1.1": 50}], r"sheets\[0\]"),
        (None, "sequence of ScoreSheet"),
    ],
)
def test_sheets_of_wrong_shape_are_refused(sheets: object, pattern: str) -> None:
    with pytest.raises(InvalidInputError, match=pattern):
        consensus(sheets, table=SMALL)  # type: ignore[arg-type]


def test_policy_table_and_flag_types_are_checked() -> None:
    with pytest.raises(InvalidInputError, match="ConsensusPolicy"):
        consensus(_panel(THREE), table=SMALL, policy="median")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="CriteriaTable"):
        consensus(_panel(THREE), table=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="allow_missing"):
        consensus(_panel(THREE), table=SMALL, allow_missing=1)  # type: ignore[arg-type]


def test_missing_items_error_unless_allowed_then_each_item_uses_who_rated_it() -> None:
    panel = [
        ScoreSheet("A", "甲公司", {"1.1": 60, "2.1": 40}),
        ScoreSheet("B", "甲公司", {"1.1": 70}),
    ]
    with pytest.raises(MissingCriterionError, match="reviewer 'B'.*2.1"):
        consensus(panel, table=SMALL)
    result = consensus(panel, table=SMALL, allow_missing=True)
    assert [r.reviewer for r in result.item("2.1").ratings] == ["A"]
    assert result.item("2.1").rating == 40
    assert result.item("1.1").rating == 65  # median of 60, 70
    assert result.complete


def test_item_nobody_rated_is_missing_not_zero() -> None:
    panel = [ScoreSheet("A", "甲公司", {"1.1": 60}), ScoreSheet("B", "甲公司", {"1.1": 70})]
    result = consensus(panel, table=SMALL, allow_missing=True)
    item = result.item("2.1")
    assert item.ratings == () and item.rating is None and item.score is None
    assert not result.complete and result.missing == ("2.1",)
    assert result.total == 26  # 40 × 65 %
    assert result.rated_points == 40


def test_median_total_may_lie_outside_the_range_of_the_sheet_totals() -> None:
    # Each reviewer rates one of three 10-point items 0 and the others 100:
    # every sheet totals 20, yet every item's median is 100, so the consensus is 30.
    table = CriteriaTable(
        edition="three",
        total=30,
        categories=[
            CriteriaCategory(
                "1",
                "一",
                "One",
                30,
                [CriteriaItem(f"1.{n}", "x", "x", 10, ItemKind.PROCESS) for n in (1, 2, 3)],
            )
        ],
    )
    panel = [
        ScoreSheet(name, "甲公司", {f"1.{n}": 0 if n == zero else 100 for n in (1, 2, 3)})
        for name, zero in (("A", 1), ("B", 2), ("C", 3))
    ]
    result = consensus(panel, table=table)
    assert [s.total for s in result.sheets] == [20, 20, 20]
    assert result.total == 30


def test_reasons_cite_art_17_art_11_and_the_tables() -> None:
    result = consensus(_panel(THREE), table=SMALL)
    cited = [str(r.citation) for r in result.reasons]
    assert cited[0] == "Measures Art. 17"
    assert "Measures Art. 11" in cited
    assert "GB/Z 19579 附录A" in cited and "GB/Z 19579 附录C" in cited
    for item in result.items:
        assert str(item.reasons[0].citation) == f"GB/T 19580 {item.code}"


def test_display_and_records() -> None:
    result = consensus(_panel(THREE), table=SMALL)
    text = str(result)
    assert "consensus of 3 reviewer(s)" in text and "to discuss: 2.1" in text
    assert "<table>" in result._repr_html_()
    records = result.to_records()
    assert [r["code"] for r in records] == ["1.1", "2.1"]
    assert records[1]["rating:A"] == 30 and records[1]["flagged"] is True
    assert records[0]["rule"] == "median"


def test_json_round_trip_of_every_consensus_type() -> None:
    result = consensus(
        _panel(THREE),
        table=SMALL,
        recused={"Q"},
        policy=ConsensusPolicy(rule=ConsensusRule.MEAN, grid=ConsensusGrid.KEEP, threshold="12.5"),
    )
    assert from_json(to_json(result), ConsensusResult) == result
    assert from_json(to_json(result.policy), ConsensusPolicy) == result.policy
    assert from_json(to_json(result.items[0]), ItemConsensus) == result.items[0]
    rating = result.items[0].ratings[0]
    assert from_json(to_json(rating), ReviewerRating) == rating
    full = consensus(_panel_full(3, seed=7))
    assert from_json(to_json(full), ConsensusResult) == full


def _panel_full(count: int, seed: int) -> list[ScoreSheet]:
    rnd = random.Random(seed)
    return [
        ScoreSheet(f"R{n}", "甲公司", {c: rnd.randrange(0, 101, 5) for c in GBT_19580_2012.codes})
        for n in range(count)
    ]


# --- properties ---------------------------------------------------------------------

RATING = st.sampled_from(range(0, 101, 5))
POLICY = st.builds(
    ConsensusPolicy,
    rule=st.sampled_from(list(ConsensusRule)),
    grid=st.sampled_from(list(ConsensusGrid)),
    threshold=st.sampled_from([0, 10, 20, 25]),
)
PANEL = st.lists(
    st.fixed_dictionaries(dict.fromkeys(GBT_19580_2012.codes, RATING)), min_size=3, max_size=5
)


@given(PANEL, POLICY)
def test_consensus_lies_within_the_range_of_the_individual_ratings(
    ratings: list[dict[str, int]], policy: ConsensusPolicy
) -> None:
    sheets = [ScoreSheet(f"R{n}", "甲公司", r) for n, r in enumerate(ratings)]  # type: ignore[arg-type]
    result = consensus(sheets, policy=policy)
    assert 0 <= result.total <= 1000
    for item in result.items:
        values = [r.rating for r in item.ratings]
        assert item.rating is not None and item.score is not None
        assert min(values) <= item.rating <= max(values)
        assert min(values) * item.points / 100 <= item.score <= max(values) * item.points / 100
        assert item.spread == max(values) - min(values)
        assert item.flagged is (item.spread > policy.threshold)
        if policy.grid is ConsensusGrid.SNAP:
            assert item.rating % 5 == 0


@given(PANEL, POLICY, st.randoms(use_true_random=False))
def test_permutation_of_reviewers_changes_nothing(
    ratings: list[dict[str, int]], policy: ConsensusPolicy, rnd: random.Random
) -> None:
    sheets = [ScoreSheet(f"R{n}", "甲公司", r) for n, r in enumerate(ratings)]  # type: ignore[arg-type]
    shuffled = sheets[:]
    rnd.shuffle(shuffled)
    assert consensus(shuffled, policy=policy) == consensus(sheets, policy=policy)
