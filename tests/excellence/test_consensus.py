"""Consensus of several reviewers (Measures Art. 11, 17, 18(4)-(6), 26).

A two-item table written here (category 1 过程, item 1.1 过程条款, process, 40 points;
category 2 结果, item 2.1 结果条款, result, 60 points) keeps every figure checkable by
hand.  An item scores points × rating ÷ 100 (GB/Z 19579-2012 附录A, 附录C); the
consensus rating is the median by default (E9; an even panel takes the mean of the
two middle ratings, E5), the mean, or the trimmed mean dropping ``trim`` ratings at
each end (E6); it is placed on the nearest 5 % step, halves up (E1), or kept to two
decimals; an item is flagged when its spread is *more than* the threshold (E3,
超过, Civil Code Art. 1259).  Errors follow ``field: problem, got value (clause)``;
the panel is Measures Art. 11 and recusal (回避) Art. 26.  Each family of sentences
has one golden example; elsewhere the reasons are compared by clause and figures.
None is copied from a run.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.citations import Reason, criteria, measures
from baoshan_quality.errors import (
    DuplicateUnitError,
    InvalidInputError,
    MissingCriterionError,
    UnknownCriterionError,
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
    ScoringBand,
    consensus,
    score_sheet,
)
from baoshan_quality.excellence.scoring import STANDARD_REASON
from baoshan_quality.excellence.table import SCORING_GUIDE_CITATION
from baoshan_quality.serialization import from_json, to_json

TABLE = CriteriaTable(
    edition="小表",
    total=100,
    categories=[
        CriteriaCategory(
            "1",
            "过程",
            "Process",
            40,
            [CriteriaItem("1.1", "过程条款", "Process item", 40, ItemKind.PROCESS)],
        ),
        CriteriaCategory(
            "2",
            "结果",
            "Results",
            60,
            [CriteriaItem("2.1", "结果条款", "Result item", 60, ItemKind.RESULT)],
        ),
    ],
)
ART11 = measures("Art. 11")
ART26 = measures("Art. 26")
P_CLAUSE = criteria("1.1")
R_CLAUSE = criteria("2.1")
SNAP_ZH = "共识评分取最接近的 5% 档（恰在两档中间时取高档）"
SNAP_EN = "the consensus rating is placed on the nearest 5 % step (halves up)"
KEEP_ZH = "共识评分保留规则所得数值（两位小数，四舍五入），不取到 5% 档"
KEEP_EN = "the consensus rating keeps the rule's value (2 decimals, half up), off the 5 % grid"


def _panel(
    rows: dict[str, tuple[int | None, int | None]], applicant: str = "甲公司"
) -> list[ScoreSheet]:
    sheets = []
    for name, (p, r) in rows.items():
        ratings = {code: v for code, v in (("1.1", p), ("2.1", r)) if v is not None}
        sheets.append(ScoreSheet(name, applicant, ratings))
    return sheets


# A: 60/30, B: 65/50, C: 75/55.
# 1.1: mean 200/3 = 66.67, median 65, spread 15 (not > 20); 65 % of 40 = 26.
# 2.1: mean 135/3 = 45, median 50, spread 25 (> 20, flagged); 50 % of 60 = 30.
THREE: dict[str, tuple[int | None, int | None]] = {"A": (60, 30), "B": (65, 50), "C": (75, 55)}


def _run(
    rows: dict[str, tuple[int | None, int | None]] = THREE, **kwargs: object
) -> ConsensusResult:
    return consensus(_panel(rows), table=TABLE, **kwargs)  # type: ignore[arg-type]


def _table_reason() -> Reason:
    return Reason(
        TABLE.source,
        "分值表：小表，2 个评分条款，满分 100 分。",
        "Score table: 小表, 2 items, 100 points.",
    )


def _grid_reason() -> Reason:
    return Reason(
        SCORING_GUIDE_CITATION,
        "评分为条款分值的百分比，以 5% 为一档；条款得分 = 分值 × 评分，精确计算，不舍入。",
        "A rating is a percentage of the item's points in 5 % steps; the item scores "
        "points × rating, exactly, without rounding.",
    )


def test_three_reviewers_median_hand_computed() -> None:
    result = consensus(_panel(THREE), table=TABLE)
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
    result = consensus(_panel(THREE), table=TABLE, policy=policy)
    assert result.item("1.1").rating == Decimal(p_rating)
    assert result.item("2.1").rating == Decimal(r_rating)
    assert result.total == Decimal(total)
    assert result.policy == policy
    assert any(policy.rule.value in r.en for r in result.reasons)


FOUR: dict[str, tuple[int | None, int | None]] = {
    "A": (50, 0),
    "B": (60, 0),
    "C": (65, 0),
    "D": (90, 0),
}


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
    item = consensus(_panel(FOUR), table=TABLE, policy=policy).item("1.1")
    assert item.median == Decimal("62.5")
    assert item.mean == Decimal("66.25")
    assert item.rating == Decimal(expected)


def test_snap_rounds_to_the_nearest_step_down_as_well() -> None:
    # mean of 60, 60, 60, 60, 70 = 62 → nearest step 60
    panel = _panel({n: (r, 0) for n, r in zip("ABCDE", [60, 60, 60, 60, 70], strict=True)})
    item = consensus(panel, table=TABLE, policy=ConsensusPolicy(rule=ConsensusRule.MEAN)).item(
        "1.1"
    )
    assert item.mean == 62 and item.rating == 60
    assert any("62" in r.en and "5 % grid" in r.en for r in item.reasons)


def test_trimmed_mean_with_trim_2_of_five() -> None:
    # 0, 50, 55, 60, 100: drop 0, 50 and 60, 100 → 55
    panel = _panel({n: (r, 0) for n, r in zip("ABCDE", [0, 50, 55, 60, 100], strict=True)})
    policy = ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN, trim=2)
    assert consensus(panel, table=TABLE, policy=policy).item("1.1").rating == 55


@pytest.mark.parametrize(("count", "trim"), [(2, 1), (1, 1), (4, 2)])
def test_trimmed_mean_needs_more_than_twice_trim_ratings(count: int, trim: int) -> None:
    panel = _panel(dict.fromkeys("ABCDE"[:count], (50, 50)))
    policy = ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN, trim=trim)
    with pytest.raises(InvalidInputError, match=f"needs at least {2 * trim + 1} ratings"):
        consensus(panel, table=TABLE, policy=policy)


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
    result = consensus(panel, table=TABLE, policy=ConsensusPolicy(threshold=threshold))
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
        consensus(_panel(THREE), table=TABLE, recused={"B"})
    assert info.value.citation == measures("Art. 26")
    assert "'B'" in str(info.value) and "甲公司" in str(info.value)


def test_art26_recused_names_not_on_the_panel_are_reported() -> None:
    result = consensus(_panel(THREE), table=TABLE, recused=["Z", "Y", "Z"])
    assert result.recused == ("Y", "Z")
    assert any(r.citation == measures("Art. 26") and "Y, Z" in r.en for r in result.reasons)
    assert result == consensus(_panel(THREE), table=TABLE, recused=("Z", "Y"))


@pytest.mark.parametrize("recused", ["B", {"B": True}, [None], [""], 5])
def test_art26_recused_must_be_a_collection_of_names(recused: object) -> None:
    with pytest.raises(InvalidInputError, match="recused"):
        consensus(_panel(THREE), table=TABLE, recused=recused)  # type: ignore[arg-type]


# --- panel checks -------------------------------------------------------------------


def test_duplicate_reviewer_is_refused() -> None:
    panel = [*_panel(THREE), ScoreSheet("A", "甲公司", {"1.1": 50, "2.1": 50})]
    with pytest.raises(DuplicateUnitError, match=r"sheets\[3\]\.reviewer"):
        consensus(panel, table=TABLE)


def test_sheets_for_different_applicants_are_refused() -> None:
    panel = [*_panel(THREE), *_panel({"D": (50, 50)}, applicant="乙公司")]
    with pytest.raises(InvalidInputError, match=r"sheets\[3\]\.applicant.*same applicant"):
        consensus(panel, table=TABLE)


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
        consensus(sheets, table=TABLE)  # type: ignore[arg-type]


def test_policy_table_and_flag_types_are_checked() -> None:
    with pytest.raises(InvalidInputError, match="ConsensusPolicy"):
        consensus(_panel(THREE), table=TABLE, policy="median")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="CriteriaTable"):
        consensus(_panel(THREE), table="GB/T 19580")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="allow_missing"):
        consensus(_panel(THREE), table=TABLE, allow_missing=1)  # type: ignore[arg-type]


def test_missing_items_error_unless_allowed_then_each_item_uses_who_rated_it() -> None:
    panel = [
        ScoreSheet("A", "甲公司", {"1.1": 60, "2.1": 40}),
        ScoreSheet("B", "甲公司", {"1.1": 70}),
    ]
    with pytest.raises(MissingCriterionError, match="reviewer 'B'.*2.1"):
        consensus(panel, table=TABLE)
    result = consensus(panel, table=TABLE, allow_missing=True)
    assert [r.reviewer for r in result.item("2.1").ratings] == ["A"]
    assert result.item("2.1").rating == 40
    assert result.item("1.1").rating == 65  # median of 60, 70
    assert result.complete


def test_item_nobody_rated_is_missing_not_zero() -> None:
    panel = [ScoreSheet("A", "甲公司", {"1.1": 60}), ScoreSheet("B", "甲公司", {"1.1": 70})]
    result = consensus(panel, table=TABLE, allow_missing=True)
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
    result = consensus(_panel(THREE), table=TABLE)
    cited = [str(r.citation) for r in result.reasons]
    assert cited[0] == "Measures Art. 17"
    assert "Measures Art. 11" in cited
    assert "GB/Z 19579 附录A" in cited and "GB/Z 19579 附录C" in cited
    for item in result.items:
        assert str(item.reasons[0].citation) == f"GB/T 19580 {item.code}"


def test_table_and_policy_none_are_the_defaults() -> None:
    # None: GB/T 19580-2012 and ConsensusPolicy() (median, snapped, threshold 20, trim 1).
    sheets = [
        ScoreSheet(n, "甲公司", dict.fromkeys(GBT_19580_2012.codes, r)) for n, r in THREE_FULL
    ]
    default = consensus(sheets)
    assert consensus(sheets, table=None, policy=None) == default
    assert consensus(sheets, table=GBT_19580_2012, policy=ConsensusPolicy()) == default
    assert default.policy == ConsensusPolicy() and default.maximum == 1000


THREE_FULL = [("A", 50), ("B", 55), ("C", 80)]


def test_display_and_records() -> None:
    result = consensus(_panel(THREE), table=TABLE)
    text = result.to_text("en")
    assert "consensus of 3 reviewer(s)" in text and "to discuss: 2.1" in text
    assert "3 名评审员的共识" in str(result) and "须讨论：2.1" in str(result)
    assert "<table>" in result._repr_html_()
    records = result.to_records()
    assert [r["code"] for r in records] == ["1.1", "2.1"]
    assert records[1]["rating:A"] == 30 and records[1]["flagged"] is True
    assert records[0]["rule"] == "median"


def test_json_round_trip_of_every_consensus_type() -> None:
    result = consensus(
        _panel(THREE),
        table=TABLE,
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


# --- one item ---------------------------------------------------------------------------


def test_item_consensus_of_three_by_the_median_whole() -> None:
    item = _run().item("1.1")
    assert item == ItemConsensus(
        code="1.1",
        category="1",
        name_zh="过程条款",
        name_en="Process item",
        kind=ItemKind.PROCESS,
        points=Decimal(40),
        ratings=(ReviewerRating("A", Decimal(60)), ReviewerRating("B", Decimal(65)), ReviewerRating("C", Decimal(75))),
        mean=Decimal("66.67"),
        median=Decimal(65),
        spread=Decimal(15),
        flagged=False,
        rating=Decimal(65),
        band=ScoringBand.B50_65,
        score=Decimal(26),
        reasons=(
            Reason(
                P_CLAUSE,
                "1.1 过程条款：评分 A 60%、B 65%、C 75%；平均 66.67%，中位数 65%，极差 15 个百分点。",
                "1.1 Process item: ratings A 60 %, B 65 %, C 75 %; mean 66.67 %, median 65 %, "
                "spread 15 percentage points.",
            ),
            Reason(
                P_CLAUSE,
                "按中位数规则，共识评分 65%（50–65 %）：40 分 × 65% = 26 分。",
                "By the median rule the consensus rating is 65 % (band 50–65 %): "
                "40 points × 65 % = 26 points.",
            ),
        ),
    )  # fmt: skip


def test_flagged_item_adds_the_art11_discussion_sentence() -> None:
    item = _run().item("2.1")
    assert (item.category, item.kind, item.points) == ("2", ItemKind.RESULT, Decimal(60))
    assert (item.mean, item.median, item.spread, item.flagged) == (45, 50, 25, True)
    assert (item.rating, item.band, item.score) == (50, ScoringBand.B50_65, 30)
    assert item.reasons == (
        Reason(
            R_CLAUSE,
            "2.1 结果条款：评分 A 30%、B 50%、C 55%；平均 45%，中位数 50%，极差 25 个百分点。",
            "2.1 Result item: ratings A 30 %, B 50 %, C 55 %; mean 45 %, median 50 %, "
            "spread 25 percentage points.",
        ),
        Reason(
            R_CLAUSE,
            "按中位数规则，共识评分 50%（50–65 %）：60 分 × 50% = 30 分。",
            "By the median rule the consensus rating is 50 % (band 50–65 %): "
            "60 points × 50 % = 30 points.",
        ),
        Reason(
            ART11,
            "2.1：评审员评分相差 25 个百分点，超过 20 个百分点，须由评审组讨论。",
            "2.1: reviewers differ by 25 percentage points, more than 20; the panel must "
            "discuss it.",
        ),
    )


def test_a_value_moved_onto_the_grid_says_from_where() -> None:
    # The mean of 60, 65, 75 is 66.67 (two decimals): the nearest 5 % step is 65 (E1).
    item = _run(policy=ConsensusPolicy(rule=ConsensusRule.MEAN)).item("1.1")
    assert (item.rating, item.score) == (65, 26)
    assert item.reasons[1] == Reason(
        P_CLAUSE,
        "按平均数规则，共识评分 65%（66.67% 取到 5% 网格）（50–65 %）：40 分 × 65% = 26 分。",
        "By the mean rule the consensus rating is 65 % (66.67 % placed on the 5 % grid) "
        "(band 50–65 %): 40 points × 65 % = 26 points.",
    )


def test_an_even_median_moved_onto_the_grid() -> None:
    # 50, 60, 65, 90: median (60 + 65) / 2 = 62.5 → 65 (halves up, E1, E5); spread 40.
    rows = {"A": (50, 0), "B": (60, 0), "C": (65, 0), "D": (90, 0)}
    item = _run(rows).item("1.1")
    assert (item.median, item.mean, item.spread, item.rating) == (
        Decimal("62.5"),
        Decimal("66.25"),
        40,
        65,
    )
    # the figures (the wording is pinned once, in the test above): where from, the score
    reason = item.reasons[1]
    assert reason.citation == P_CLAUSE
    assert "（62.5% 取到 5% 网格）" in reason.zh and "40 分 × 65% = 26 分" in reason.zh
    assert "(62.5 % placed on the 5 % grid)" in reason.en
    assert "40 points × 65 % = 26 points" in reason.en


def test_a_kept_value_is_not_said_to_be_placed_on_the_grid() -> None:
    # KEEP (E1's alternative): 66.67 stays off the grid; 40 × 66.67 % = 26.668.
    policy = ConsensusPolicy(rule=ConsensusRule.MEAN, grid=ConsensusGrid.KEEP)
    item = _run(policy=policy).item("1.1")
    assert (item.rating, item.score, item.band) == (
        Decimal("66.67"),
        Decimal("26.668"),
        ScoringBand.B50_65,
    )
    assert item.reasons[1] == Reason(
        P_CLAUSE,
        "按平均数规则，共识评分 66.67%（50–65 %）：40 分 × 66.67% = 26.668 分。",
        "By the mean rule the consensus rating is 66.67 % (band 50–65 %): "
        "40 points × 66.67 % = 26.668 points.",
    )


def test_trimmed_mean_names_its_rule() -> None:
    # 60, 65, 75 less the highest and the lowest: 65.
    item = _run(policy=ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN)).item("1.1")
    assert item.reasons[1].zh == "按截尾平均数规则，共识评分 65%（50–65 %）：40 分 × 65% = 26 分。"
    assert item.reasons[1].en.startswith("By the trimmed-mean rule the consensus rating is 65 %")


@pytest.mark.parametrize(
    ("trim", "expected"),
    [
        (1, "48.33"),  # 0, 40, 50, 55, 100 less 0 and 100: 145 / 3
        (2, "50"),  # less 0, 40 and 55, 100: 50
    ],
)
def test_trimmed_mean_keeps_the_middle_ratings(trim: int, expected: str) -> None:
    rows = {n: (r, 0) for n, r in zip("ABCDE", [55, 0, 100, 40, 50], strict=True)}
    policy = ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN, grid=ConsensusGrid.KEEP, trim=trim)
    item = _run(rows, policy=policy).item("1.1")
    assert item.rating == Decimal(expected)
    assert item.mean == 49  # 245 / 5
    assert item.median == 50


@pytest.mark.parametrize(
    ("ratings", "median", "mean", "snapped"),
    [
        ((70,), 70, 70, 70),
        ((50, 65), Decimal("57.5"), Decimal("57.5"), 60),  # halves up
        ((5, 0, 0, 0, 0, 0, 0, 0), Decimal("0"), Decimal("0.63"), 0),  # mean 0.625, half up
        ((10, 20, 90), 20, 40, 20),
    ],
)
def test_median_and_mean_of_small_panels(
    ratings: tuple[int, ...], median: Decimal, mean: Decimal, snapped: int
) -> None:
    rows = {f"R{n}": (r, 0) for n, r in enumerate(ratings)}
    item = _run(rows).item("1.1")
    assert (item.median, item.mean, item.rating) == (median, mean, snapped)
    assert item.spread == max(ratings) - min(ratings)


def test_e2_a_kept_off_grid_rating_takes_the_band_below() -> None:
    # 25 and 30: median 27.5, kept; it lies between 10–25 % and 30–45 %: the lower band.
    item = _run({"A": (25, 0), "B": (30, 0)}, policy=ConsensusPolicy(grid=ConsensusGrid.KEEP)).item(
        "1.1"
    )
    assert (item.rating, item.band) == (Decimal("27.5"), ScoringBand.B10_25)
    assert "（10–25 %）" in item.reasons[1].zh


def test_an_item_nobody_rated() -> None:
    result = _run({"A": (60, None), "B": (70, None)}, allow_missing=True)
    assert result.item("2.1") == ItemConsensus(
        code="2.1",
        category="2",
        name_zh="结果条款",
        name_en="Result item",
        kind=ItemKind.RESULT,
        points=Decimal(60),
        ratings=(),
        mean=None,
        median=None,
        spread=None,
        flagged=False,
        rating=None,
        band=None,
        score=None,
        reasons=(Reason(R_CLAUSE, "2.1 结果条款：无评审员评分。", "2.1 Result item: no reviewer rated it."),),
    )  # fmt: skip


def test_trimmed_mean_with_too_few_ratings_is_refused_under_art11() -> None:
    policy = ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN, trim=2)
    rows = dict.fromkeys("ABCD", (50, 50))
    with pytest.raises(InvalidInputError) as info:
        _run(rows, policy=policy)
    err = info.value
    assert (err.field, err.value, err.citation) == ("ratings of item 1.1", 4, ART11)
    assert str(err) == (
        "ratings of item 1.1: the trimmed mean drops 2 highest and 2 lowest rating(s), so it "
        "needs at least 5 ratings, got 4 (Measures Art. 11)"
    )


# --- the whole result ------------------------------------------------------------------


def test_result_fields_of_three_by_the_median() -> None:
    # Given out of name order: the result lists the reviewers by name.
    sheets = list(reversed(_panel(THREE)))
    result = consensus(sheets, table=TABLE, recused=["Z"])
    assert result.applicant == "甲公司"
    assert result.edition == "小表"
    assert result.reviewers == ("A", "B", "C")
    assert result.recused == ("Z",)
    assert [s.reviewer for s in result.sheets] == ["A", "B", "C"]
    assert result.sheets == tuple(score_sheet(s, table=TABLE) for s in _panel(THREE))
    assert [i.code for i in result.items] == ["1.1", "2.1"]
    assert [(c.code, c.score) for c in result.categories] == [("1", 26), ("2", 30)]
    assert (result.total, result.maximum, result.rated_points) == (56, 100, 100)
    assert (result.complete, result.missing, result.to_discuss) == (True, (), ("2.1",))


def test_a_partial_panel_passes_allow_missing_to_each_sheet() -> None:
    result = _run({"A": (60, 40), "B": (70, None)}, allow_missing=True)
    assert [s.complete for s in result.sheets] == [True, False]
    assert result.sheets[1].total == 28  # 40 × 70 %
    # 1.1: median of 60, 70 = 65 → 26; 2.1: only A, 40 → 24.
    assert (result.total, result.complete) == (50, True)


def test_result_reasons_in_order() -> None:
    result = _run(recused={"Z", "Y"})
    assert result.reasons == (
        STANDARD_REASON,
        Reason(
            ART11,
            "评审专家组 3 名评审员（A、B、C）独立评分后合议。",
            "The review panel's 3 reviewer(s) (A, B, C) rated independently; their ratings "
            "are combined.",
        ),
        _table_reason(),
        _grid_reason(),
        Reason(
            ART11,
            f"共识规则：中位数；{SNAP_ZH}；评分极差超过 20 个百分点的条款须讨论。",
            f"Consensus rule: median; {SNAP_EN}; items whose spread is more than 20 "
            "percentage points are flagged for discussion.",
        ),
        Reason(
            ART26,
            "回避评审员（Y、Z）的评分未计入。",
            "No sheet from the recused reviewer(s) (Y, Z) was counted.",
        ),
        Reason(ART11, "须讨论的条款：2.1。", "Items to discuss: 2.1."),
        Reason(TABLE.source, "总分 56 / 100 分。", "Total 56 / 100 points."),
    )


def test_rule_sentence_of_a_kept_trimmed_mean_and_no_flags() -> None:
    policy = ConsensusPolicy(
        rule=ConsensusRule.TRIMMED_MEAN, grid=ConsensusGrid.KEEP, threshold="25", trim=1
    )
    result = _run(policy=policy)
    # 2.1 spreads 25, not more than 25: nothing to discuss; no recusal.
    assert result.to_discuss == ()
    assert result.reasons[4] == Reason(
        ART11,
        f"共识规则：截尾平均数（去掉 1 个最高分和 1 个最低分）；{KEEP_ZH}；评分极差超过 25 "
        "个百分点的条款须讨论。",
        f"Consensus rule: trimmed-mean (dropping the 1 highest and 1 lowest); {KEEP_EN}; "
        "items whose spread is more than 25 percentage points are flagged for discussion.",
    )
    assert len(result.reasons) == 6  # no recusal, nothing to discuss, the total
    assert result.reasons[5].en == "Total 56 / 100 points."


def test_rule_sentence_of_the_mean() -> None:
    result = _run(policy=ConsensusPolicy(rule=ConsensusRule.MEAN, threshold="12.5"))
    assert result.reasons[4].zh == (
        f"共识规则：平均数；{SNAP_ZH}；评分极差超过 12.5 个百分点的条款须讨论。"
    )
    assert result.reasons[4].en.startswith(f"Consensus rule: mean; {SNAP_EN}; ")
    assert result.to_discuss == ("1.1", "2.1")  # spreads 15 and 25, both more than 12.5
    assert result.to_text("en").splitlines()[0].endswith("; to discuss: 1.1, 2.1")
    assert str(result).splitlines()[0].endswith("；须讨论：1.1、2.1")
    assert result.reasons[5] == Reason(
        ART11, "须讨论的条款：1.1、2.1。", "Items to discuss: 1.1, 2.1."
    )


# --- faces and records -------------------------------------------------------------------


def test_caption_table_and_notes() -> None:
    result = _run()
    assert result.to_text("en").splitlines()[0] == (
        "甲公司 — consensus of 3 reviewer(s) (median, snap): 56 / 100; to discuss: 2.1"
    )
    # one item per row; the reviewers' ratings in name order; ✓ marks an item to discuss
    assert str(result).splitlines()[:5] == [
        "甲公司 — 3 名评审员的共识（中位数，取到 5% 网格）：56 / 100 分；须讨论：2.1",
        "条款  名称      分值  A   B   C   平均   中位数  极差  须讨论  共识评分 %  得分",
        "----  --------  ----  --  --  --  -----  ------  ----  ------  ----------  ----",
        "1.1   过程条款  40    60  65  75  66.67  65      15            65          26",
        "2.1   结果条款  60    30  50  55  45     50      25    ✓       50          30",
    ]
    assert result.to_text("en").splitlines()[1].split() == [
        "item", "name", "points", "A", "B", "C",
        "mean", "median", "spread", "discuss", "consensus", "%", "score",
    ]  # fmt: skip
    # the notes: the result's reasons, each category's subtotal before the total
    notes = str(result).splitlines()[5:]
    assert notes[-3:] == [
        "[GB/T 19580 1] 1 过程：小计 26 / 40 分。",
        "[GB/T 19580 2] 2 结果：小计 30 / 60 分。",
        "[GB/Z 19579 附录A] 总分 56 / 100 分。",
    ]
    assert len(notes) == len(result.reasons) + len(result.categories)


def test_caption_and_table_of_a_partial_panel() -> None:
    result = _run(
        {"A": (60, None), "B": (70, None)},
        allow_missing=True,
        policy=ConsensusPolicy(rule=ConsensusRule.MEAN, grid=ConsensusGrid.KEEP),
    )
    assert result.to_text("en").splitlines()[0] == (
        "甲公司 — consensus of 2 reviewer(s) (mean, keep): 26 / 100 "
        "(partial: 1 item(s) not rated); to discuss: none"
    )
    assert str(result).splitlines()[0] == (
        "甲公司 — 2 名评审员的共识（平均数，保留两位小数）：26 / 100 分"
        "（部分评分：1 个条款未评分）；须讨论：无"
    )
    # Only 1.1 rated (60, 70 → 65; 40 × 65 % = 26): the total leaves 2.1 out, not zero.
    assert result.reasons[-2:] == (
        Reason(TABLE.source, "总分 26 / 100 分。", "Total 26 / 100 points."),
        Reason(
            TABLE.source,
            "部分评分：2.1 未评分；总分只含已评分条款（共 40 分），未评分条款不计为零分。",
            "Partial: 2.1 not rated; the total covers only the rated items (40 points) and "
            "does not count the others as zero.",
        ),
    )
    # the unrated item: a dash for each rating, statistic, consensus and score; no flag
    assert str(result).splitlines()[4].split() == ["2.1", "结果条款", "60", *["—"] * 7]
    assert "<caption>" in result._repr_html_()
    assert "<td>2.1</td><td>结果条款</td><td>60</td><td>—</td><td>—</td>" in result.to_html("zh")


def test_records_one_per_item() -> None:
    records = _run({"A": (60, 30), "B": (75, None)}, allow_missing=True).to_records(lang="en")
    assert records == [
        {
            "applicant": "甲公司",
            "category": "1",
            "code": "1.1",
            "name": "Process item",
            "name_zh": "过程条款",
            "name_en": "Process item",
            "kind": "process",
            "points": 40,
            "rating:A": 60,
            "rating:B": 75,
            "mean": Decimal("67.5"),
            "median": Decimal("67.5"),
            "spread": 15,
            "flagged": False,
            "rule": "median",
            "grid": "snap",
            "rating": 70,  # 67.5 → 70, halves up
            "band": "70-85",
            "score": 28,
        },
        {
            "applicant": "甲公司",
            "category": "2",
            "code": "2.1",
            "name": "Result item",
            "name_zh": "结果条款",
            "name_en": "Result item",
            "kind": "result",
            "points": 60,
            "rating:A": 30,
            "rating:B": None,
            "mean": 30,
            "median": 30,
            "spread": 0,
            "flagged": False,
            "rule": "median",
            "grid": "snap",
            "rating": 30,
            "band": "30-45",
            "score": 18,
        },
    ]
    assert list(records[0]) == [
        "applicant", "category", "code", "name", "name_zh", "name_en", "kind", "points",
        "rating:A", "rating:B", "mean", "median", "spread", "flagged", "rule", "grid",
        "rating", "band", "score",
    ]  # fmt: skip
    unrated = _run({"A": (60, None)}, allow_missing=True).to_records()[1]
    assert (unrated["band"], unrated["rating"], unrated["score"]) == (None, None, None)


def test_lookups_of_a_result() -> None:
    result = _run()
    assert result.category("2").score == 30
    with pytest.raises(UnknownCriterionError) as info:
        result.item("9.9")
    assert str(info.value) == "item: no such item in this result, got '9.9'"
    with pytest.raises(UnknownCriterionError) as info:
        result.category("9")
    assert str(info.value) == "category: no such category in this result, got '9'"


# --- entry-point errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sheets", "message"),
    [
        ("A", "sheets: expected a sequence of ScoreSheet, got 'A'"),
        (b"A", "sheets: expected a sequence of ScoreSheet, got b'A' (bytes)"),
        ({"A": 1}, "sheets: expected a sequence of ScoreSheet, got {'A': 1} (dict)"),
        (5, "sheets: expected a sequence of ScoreSheet, got 5"),
        ([], "sheets: expected at least one ScoreSheet, got [] (list)"),
        (
            [ScoreSheet("A", "甲公司", {}), {"1.1": 50}],
            "sheets[1]: expected a ScoreSheet, got {'1.1': 50} (dict)",
        ),
    ],
)
def test_sheets_of_the_wrong_shape_are_named(sheets: object, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        consensus(sheets, table=TABLE)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_sheets_may_come_from_a_generator() -> None:
    assert consensus((s for s in _panel(THREE)), table=TABLE) == _run()


@pytest.mark.parametrize(
    ("recused", "message"),
    [
        (
            "B",
            "recused: expected a collection of reviewer names (a set, list or tuple), got 'B'",
        ),
        (
            b"B",
            "recused: expected a collection of reviewer names (a set, list or tuple), "
            "got b'B' (bytes)",
        ),
        (
            {"B": True},
            "recused: expected a collection of reviewer names (a set, list or tuple), "
            "got {'B': True} (dict)",
        ),
        (5, "recused: expected a collection of reviewer names (a set, list or tuple), got 5"),
        ([None], "recused: expected a reviewer's name, got None"),
        (["Y", ""], "recused: expected a reviewer's name, got ''"),
        (["  "], "recused: expected a reviewer's name, got '  '"),
        ([" B"], "recused: expected a reviewer's name, got ' B'"),
        (["B "], "recused: expected a reviewer's name, got 'B '"),
    ],
)
def test_recused_names_are_checked(recused: object, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        _run(recused=recused)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"policy": "median"}, "policy: expected a ConsensusPolicy, got 'median'"),
        ({"table": "GB/T 19580"}, "table: expected a CriteriaTable, got 'GB/T 19580'"),
        ({"allow_missing": 1}, "allow_missing: expected True or False, got 1"),
    ],
)
def test_options_are_checked(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        consensus(_panel(THREE), **{"table": TABLE, **kwargs})  # type: ignore[arg-type]
    assert str(info.value) == message


@pytest.mark.parametrize("index", [0, 2])
def test_art26_a_recused_reviewer_is_named_by_sheet(index: int) -> None:
    name = "ABC"[index]
    with pytest.raises(InvalidInputError) as info:
        _run(recused={name, "Q"})
    err = info.value
    assert (err.field, err.value, err.citation) == (f"sheets[{index}].reviewer", name, ART26)
    assert str(err) == (
        f"sheets[{index}].reviewer: recused for applicant '甲公司' (回避) and may not "
        f"contribute to the consensus, got '{name}' (Measures Art. 26)"
    )


def test_art26_recusal_is_checked_before_the_applicant() -> None:
    # The recused reviewer's sheet also rates another applicant: recusal is named.
    sheets = [*_panel(THREE), *_panel({"D": (50, 50)}, applicant="乙公司")]
    with pytest.raises(InvalidInputError) as info:
        consensus(sheets, table=TABLE, recused={"D"})
    assert str(info.value).startswith("sheets[3].reviewer: recused for applicant '乙公司'")


def test_art11_every_sheet_rates_the_first_sheets_applicant() -> None:
    sheets = [*_panel({"D": (50, 50)}, applicant="乙公司"), *_panel(THREE)]
    with pytest.raises(InvalidInputError) as info:
        consensus(sheets, table=TABLE)
    err = info.value
    assert (err.field, err.value, err.citation) == ("sheets[1].applicant", "甲公司", ART11)
    assert str(err) == (
        "sheets[1].applicant: every sheet of a consensus must rate the same applicant, "
        "'乙公司', got '甲公司' (Measures Art. 11)"
    )


def test_art11_a_reviewer_rates_once() -> None:
    sheets = [*_panel(THREE), ScoreSheet("B", "甲公司", {"1.1": 50, "2.1": 50})]
    with pytest.raises(DuplicateUnitError) as info:
        consensus(sheets, table=TABLE)
    err = info.value
    assert (err.field, err.value, err.citation) == ("sheets[3].reviewer", "B", ART11)
    assert str(err) == (
        "sheets[3].reviewer: this reviewer already has a sheet in this consensus, got 'B' "
        "(Measures Art. 11)"
    )
