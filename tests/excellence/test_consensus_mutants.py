"""Consensus of a review panel: sentences, faces, records and errors a mutation run found.

A two-item table written here (category 1 过程, item 1.1 过程条款, process, 40 points;
category 2 结果, item 2.1 结果条款, result, 60 points) keeps every figure checkable by
hand.  An item scores points × rating ÷ 100 (GB/Z 19579-2012 附录A, 附录C); the
consensus rating is the median by default (E9; an even panel takes the mean of the
two middle ratings, E5), the mean, or the trimmed mean dropping ``trim`` ratings at
each end (E6); it is placed on the nearest 5 % step, halves up (E1), or kept to two
decimals; an item is flagged when its spread is *more than* the threshold (E3,
超过, Civil Code Art. 1259).  Errors follow ``field: problem, got value (clause)``;
the panel is Measures Art. 11 and recusal (回避) Art. 26.  None is copied from a run.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from baoshan_quality.citations import Reason, criteria, measures
from baoshan_quality.errors import DuplicateUnitError, InvalidInputError, UnknownCriterionError
from baoshan_quality.excellence.bands import ScoringBand
from baoshan_quality.excellence.panel import (
    ConsensusResult,
    ItemConsensus,
    ReviewerRating,
    consensus,
)
from baoshan_quality.excellence.policy import ConsensusGrid, ConsensusPolicy, ConsensusRule
from baoshan_quality.excellence.scoring import STANDARD_REASON
from baoshan_quality.excellence.sheet import ScoreSheet, score_sheet
from baoshan_quality.excellence.table import (
    SCORING_GUIDE_CITATION,
    CriteriaCategory,
    CriteriaItem,
    CriteriaTable,
    ItemKind,
)

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


def _panel(rows: dict[str, tuple[int | None, int | None]], applicant: str = "甲公司"):  # type: ignore[no-untyped-def]
    sheets = []
    for name, (p, r) in rows.items():
        ratings = {code: v for code, v in (("1.1", p), ("2.1", r)) if v is not None}
        sheets.append(ScoreSheet(name, applicant, ratings))
    return sheets


# A: 60/30, B: 65/50, C: 75/55.
# 1.1: mean 200/3 = 66.67, median 65, spread 15 (not > 20); 65 % of 40 = 26.
# 2.1: mean 135/3 = 45, median 50, spread 25 (> 20, flagged); 50 % of 60 = 30.
THREE = {"A": (60, 30), "B": (65, 50), "C": (75, 55)}


def _run(rows=THREE, **kwargs: object) -> ConsensusResult:  # type: ignore[no-untyped-def]
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
    assert item.reasons[1].zh == "按中位数规则，共识评分 65%（62.5% 取到 5% 网格）（50–65 %）：40 分 × 65% = 26 分。"  # fmt: skip


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
    assert str(result).splitlines()[0].endswith("; to discuss: 1.1, 2.1")
    assert result.reasons[5] == Reason(
        ART11, "须讨论的条款：1.1、2.1。", "Items to discuss: 1.1, 2.1."
    )


# --- faces and records -------------------------------------------------------------------


def test_heading_and_table() -> None:
    result = _run()
    assert str(result).splitlines()[0] == (
        "甲公司 — consensus of 3 reviewer(s) (median, snap): 56 / 100; to discuss: 2.1"
    )
    headers, rows = result._table()
    assert list(headers) == [
        "code", "条款", "points", "A", "B", "C",
        "mean", "median", "spread", "flag", "consensus", "score",
    ]  # fmt: skip
    assert [list(r) for r in rows] == [
        ["1", "过程", 40, "", "", "", "", "", "", "", "", 26],
        ["  1.1", "过程条款", 40, "60", "65", "75", "66.67", "65", "15", "", "65", "26"],
        ["2", "结果", 60, "", "", "", "", "", "", "", "", 30],
        ["  2.1", "结果条款", 60, "30", "50", "55", "45", "50", "25", "!", "50", "30"],
    ]


def test_heading_and_table_of_a_partial_panel() -> None:
    result = _run(
        {"A": (60, None), "B": (70, None)},
        allow_missing=True,
        policy=ConsensusPolicy(rule=ConsensusRule.MEAN, grid=ConsensusGrid.KEEP),
    )
    assert str(result).splitlines()[0] == (
        "甲公司 — consensus of 2 reviewer(s) (mean, keep): 26 / 100 "
        "(partial: 1 item(s) not rated); to discuss: none"
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
    _, rows = result._table()
    assert [list(r) for r in rows][3] == ["  2.1", "结果条款", 60, "—", "—", "—", "—", "—", "", "—", "—"]  # fmt: skip
    assert "<caption>" in result._repr_html_()


def test_records_one_per_item() -> None:
    records = _run({"A": (60, 30), "B": (75, None)}, allow_missing=True).to_records()
    assert records == [
        {
            "applicant": "甲公司",
            "category": "1",
            "code": "1.1",
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
        "applicant", "category", "code", "name_zh", "name_en", "kind", "points",
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
        ({"table": None}, "table: expected a CriteriaTable, got None"),
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
