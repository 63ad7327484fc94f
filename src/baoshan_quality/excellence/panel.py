"""Consensus of several reviewers' sheets: per-item statistics, flags and a consensus.

The review panel (评审专家组, Measures Art. 11, under its leader) carries out the
document review, site review and comprehensive evaluation (Art. 18(4)–(6)) against
GB/T 19580 (Art. 17).  Its reviewers rate independently; this module lays their
ratings side by side and proposes a consensus:

* per item: each reviewer's rating (in reviewer-name order), the mean, the median,
  the spread (highest − lowest) and a **disagreement flag** when the spread is
  *more than* the threshold (default 20 percentage points; "more than" excludes
  the threshold itself, as 超过 does in Civil Code Art. 1259 — reading E3);
* the consensus rating under a named rule (:class:`ConsensusRule`: median by
  default, or mean, or trimmed mean), placed on the 5 % grid or kept
  (:class:`ConsensusGrid`, reading E1), and the item's consensus score.

A reviewer recused for the applicant (Measures Art. 26, 回避) may not contribute:
pass the recused names and a sheet by any of them is refused.

>>> from baoshan_quality.excellence.sheet import ScoreSheet
>>> from baoshan_quality.excellence.table import GBT_19580_2012
>>> codes = GBT_19580_2012.codes
>>> sheets = [
...     ScoreSheet("甲", "示例公司", {c: 50 for c in codes}),
...     ScoreSheet("乙", "示例公司", {c: 60 for c in codes}),
...     ScoreSheet("丙", "示例公司", {c: 75 for c in codes}),
... ]
>>> result = consensus(sheets)
>>> item = result.item("4.1.2")
>>> [(r.reviewer, str(r.rating)) for r in item.ratings]  # in reviewer-name (code point) order
[('丙', '75'), ('乙', '60'), ('甲', '50')]
>>> item.mean, item.median, item.spread, item.flagged
(Decimal('61.67'), Decimal('60'), Decimal('25'), True)
>>> item.rating, item.score, result.total
(Decimal('60'), Decimal('30'), Decimal('600'))
>>> consensus(sheets, recused={"乙"})
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidInputError: sheets[1].reviewer: recused for applicant '示例公司' (回避) and may not contribute to the consensus, got '乙' (Measures Art. 26)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from baoshan_quality._decimals import DecimalInput, to_decimal
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import is_name, to_name
from baoshan_quality.citations import Citation, Reason, measures
from baoshan_quality.errors import DuplicateUnitError, InvalidInputError
from baoshan_quality.excellence._common import notes, round_fraction
from baoshan_quality.excellence.bands import RATING_STEP, ScoringBand, band_at_or_below
from baoshan_quality.excellence.policy import (
    DEFAULT_POLICY,
    ConsensusGrid,
    ConsensusPolicy,
    ConsensusRule,
)
from baoshan_quality.excellence.scoring import (
    STANDARD_REASON,
    CategorySubtotal,
    check_flag,
    check_table,
    lookup,
    score_of,
    subtotals,
    table_reasons,
    total_reasons,
    with_subtotals,
)
from baoshan_quality.excellence.sheet import ScoreSheet, SheetResult, score_sheet
from baoshan_quality.excellence.table import CriteriaItem, CriteriaTable, ItemKind

__all__ = [
    "ConsensusResult",
    "ItemConsensus",
    "ReviewerRating",
    "consensus",
]

#: Measures Art. 11: the panel (评审专家组) under its leader does the reviews.
PANEL_CITATION: Citation = measures("Art. 11")
#: Measures Art. 26: a reviewer with a conflict of interest must recuse (回避).
RECUSAL_CITATION: Citation = measures("Art. 26")

_HUNDREDTH = Fraction(1, 100)


def _reviewer_rating(value: DecimalInput) -> Decimal:
    return to_decimal(value, field="ReviewerRating.rating", minimum=0, maximum=100)


@attrs.frozen
class ReviewerRating:
    """One reviewer's rating of one item.

    >>> ReviewerRating("甲", Decimal(60))
    ReviewerRating(reviewer='甲', rating=Decimal('60'))
    """

    reviewer: str = attrs.field(converter=to_name, validator=is_name)
    rating: Decimal = attrs.field(converter=_reviewer_rating)


@attrs.frozen
class ItemConsensus:
    """One item across the panel: the ratings, their statistics and the consensus.

    ``mean`` is reported to 2 decimals, half up; ``median`` and ``spread`` are exact.
    Every statistic is ``None`` when no reviewer rated the item (partial sheets).

    >>> from baoshan_quality.excellence.sheet import ScoreSheet
    >>> sheets = [ScoreSheet(n, "X", {"4.1.2": r}) for n, r in [("A", 50), ("B", 55), ("C", 80)]]
    >>> i = consensus(sheets, allow_missing=True).item("4.1.2")
    >>> i.median, i.mean, i.spread, i.flagged, i.rating, i.score
    (Decimal('55'), Decimal('61.67'), Decimal('30'), True, Decimal('55'), Decimal('27.5'))
    """

    code: str
    category: str
    name_zh: str
    name_en: str
    kind: ItemKind
    points: Decimal
    ratings: tuple[ReviewerRating, ...]
    mean: Decimal | None
    median: Decimal | None
    spread: Decimal | None
    flagged: bool
    rating: Decimal | None
    band: ScoringBand | None
    score: Decimal | None
    reasons: tuple[Reason, ...]


@attrs.frozen
class ConsensusResult(Tabular):
    """The panel's result for one applicant: items, subtotals, total, flags, reasons.

    Attributes
    ----------
    policy
        The consensus readings used (:class:`ConsensusPolicy`).
    reviewers, recused
        The reviewers whose sheets count, and the recused names given (both
        sorted by name).
    sheets
        Each reviewer's own scored sheet, in reviewer-name order.
    items, categories
        Each item's consensus (:class:`ItemConsensus`) and each category's
        consensus subtotal.
    total, maximum, rated_points, complete, missing
        As in :class:`~baoshan_quality.excellence.sheet.SheetResult`.
    to_discuss
        The flagged items, the ones the panel must discuss (Art. 11).

    Printed, it lists each item with every reviewer's rating, the statistics,
    the flag, the consensus rating and score, then the reasons with each
    category's subtotal; ``to_records()`` gives one row per item, the reviewers'
    ratings as ``rating:<name>`` columns.

    Examples
    --------
    >>> from baoshan_quality.excellence.sheet import ScoreSheet
    >>> from baoshan_quality.excellence.table import GBT_19580_2012
    >>> sheets = [ScoreSheet(n, "X", dict.fromkeys(GBT_19580_2012.codes, r))
    ...           for n, r in [("A", 50), ("B", 55), ("C", 80)]]
    >>> result = consensus(sheets)
    >>> result.total, result.reviewers, len(result.to_discuss), result.policy.rule.value
    (Decimal('550'), ('A', 'B', 'C'), 23, 'median')
    """

    applicant: str
    edition: str
    policy: ConsensusPolicy
    reviewers: tuple[str, ...]
    recused: tuple[str, ...]
    sheets: tuple[SheetResult, ...]
    items: tuple[ItemConsensus, ...]
    categories: tuple[CategorySubtotal, ...]
    total: Decimal
    maximum: Decimal
    rated_points: Decimal
    complete: bool
    missing: tuple[str, ...]
    to_discuss: tuple[str, ...]
    reasons: tuple[Reason, ...]

    def item(self, code: str) -> ItemConsensus:
        """The consensus of item ``code`` (``UnknownCriterionError`` if there is none)."""
        return lookup(self.items, code, "item")

    def category(self, code: str) -> CategorySubtotal:
        """The consensus subtotal of category ``code`` (``UnknownCriterionError`` if none)."""
        return lookup(self.categories, code, "category")

    def _caption(self) -> Text:
        count = len(self.missing)
        rule, grid = self.policy.rule, self.policy.grid
        part_zh = "" if self.complete else f"（部分评分：{count} 个条款未评分）"
        part_en = "" if self.complete else f" (partial: {count} item(s) not rated)"
        return Text(
            f"{self.applicant} — {len(self.reviewers)} 名评审员的共识（{rule.zh}，{grid.zh}）："
            f"{self.total} / {self.maximum} 分{part_zh}；须讨论："
            f"{'、'.join(self.to_discuss) or '无'}",
            f"{self.applicant} — consensus of {len(self.reviewers)} reviewer(s) "
            f"({rule.value}, {grid.value}): {self.total} / {self.maximum}{part_en}; "
            f"to discuss: {', '.join(self.to_discuss) or 'none'}",
        )

    def _table(self) -> Table:
        columns = (
            *_HEAD,
            *(Column(f"rating:{name}", name, name) for name in self.reviewers),
            *_TAIL,
        )
        rows: list[tuple[object, ...]] = []
        for i in self.items:
            given = {r.reviewer: r.rating for r in i.ratings}
            rows.append(
                (
                    self.applicant,
                    i.category,
                    i.code,
                    Text(i.name_zh, i.name_en),
                    i.name_zh,
                    i.name_en,
                    i.kind.value,
                    i.points,
                    *(given.get(name) for name in self.reviewers),
                    i.mean,
                    i.median,
                    i.spread,
                    i.flagged,
                    self.policy.rule.value,
                    self.policy.grid.value,
                    i.rating,
                    None if i.band is None else i.band.value,
                    i.score,
                )
            )
        reasons = with_subtotals(self.reasons, self.categories, self.complete)
        return Table(columns=columns, rows=rows, caption=self._caption(), notes=notes(reasons))


# One record per item: these columns, each reviewer's rating between them.
_HEAD = (
    Column("applicant", "申报单位", "applicant", shown=False),
    Column("category", "类目", "category", shown=False),
    Column("code", "条款", "item"),
    Column("name", "名称", "name"),
    Column("name_zh", "中文名称", "Chinese name", shown=False),
    Column("name_en", "英文名称", "English name", shown=False),
    Column("kind", "类型", "kind", shown=False),
    Column("points", "分值", "points"),
)
_TAIL = (
    Column("mean", "平均", "mean"),
    Column("median", "中位数", "median"),
    Column("spread", "极差", "spread"),
    Column("flagged", "须讨论", "discuss"),
    Column("rule", "共识规则", "rule", shown=False),
    Column("grid", "5% 网格", "grid", shown=False),
    Column("rating", "共识评分 %", "consensus %"),
    Column("band", "得分区间 %", "band %", shown=False),
    Column("score", "得分", "score"),
)


def _sheets(value: Iterable[ScoreSheet]) -> tuple[ScoreSheet, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError.about("sheets", value, "expected a sequence of ScoreSheet")
    sheets = tuple(value)
    if not sheets:
        raise InvalidInputError.about("sheets", value, "expected at least one ScoreSheet")
    for index, sheet in enumerate(sheets):
        if not isinstance(sheet, ScoreSheet):
            raise InvalidInputError.about(f"sheets[{index}]", sheet, "expected a ScoreSheet")
    return sheets


def _recused(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError.about(
            "recused", value, "expected a collection of reviewer names (a set, list or tuple)"
        )
    names = tuple(value)
    for name in names:
        if not isinstance(name, str) or not name.strip() or name != name.strip():
            raise InvalidInputError.about("recused", name, "expected a reviewer's name")
    return tuple(sorted({to_name(name) for name in names}))  # NFC, as ScoreSheet.reviewer


def _median(values: Sequence[Fraction]) -> Fraction:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def _trimmed_mean(values: Sequence[Fraction], trim: int, code: str) -> Fraction:
    if len(values) <= 2 * trim:
        raise InvalidInputError.about(
            f"ratings of item {code}",
            len(values),
            f"the trimmed mean drops {trim} highest and {trim} lowest rating(s), so it needs "
            f"at least {2 * trim + 1} ratings",
            PANEL_CITATION,
        )
    ordered = sorted(values)
    return _mean(ordered[trim : len(ordered) - trim])


def _item(
    item: CriteriaItem, category: str, given: Sequence[ReviewerRating], policy: ConsensusPolicy
) -> ItemConsensus:
    if not given:
        return ItemConsensus(
            code=item.code,
            category=category,
            name_zh=item.name_zh,
            name_en=item.name_en,
            kind=item.kind,
            points=item.points,
            ratings=(),
            mean=None,
            median=None,
            spread=None,
            flagged=False,
            rating=None,
            band=None,
            score=None,
            reasons=(
                Reason(
                    item.clause,
                    f"{item.code} {item.name_zh}：无评审员评分。",
                    f"{item.code} {item.name_en}: no reviewer rated it.",
                ),
            ),
        )
    values = [Fraction(r.rating) for r in given]
    mean, median = _mean(values), _median(values)
    spread = round_fraction(max(values) - min(values), _HUNDREDTH)
    if policy.rule is ConsensusRule.MEDIAN:
        chosen = median
    elif policy.rule is ConsensusRule.MEAN:
        chosen = mean
    else:
        chosen = _trimmed_mean(values, policy.trim, item.code)
    step = Fraction(RATING_STEP) if policy.grid is ConsensusGrid.SNAP else _HUNDREDTH
    rating = round_fraction(chosen, step)
    score = score_of(item.points, rating)
    band = band_at_or_below(rating)
    flagged = spread > policy.threshold
    mean_shown = round_fraction(mean, _HUNDREDTH)
    median_shown = round_fraction(median, _HUNDREDTH)
    listed_zh = "、".join(f"{r.reviewer} {r.rating}%" for r in given)
    listed_en = ", ".join(f"{r.reviewer} {r.rating} %" for r in given)
    exact_value = round_fraction(chosen, _HUNDREDTH)
    moved_zh = moved_en = ""
    # Only the 5 % grid moves a value to another step (E1); KEEP's 2 decimals are
    # the policy's stated precision, not a move onto the grid.
    if policy.grid is ConsensusGrid.SNAP and chosen != Fraction(rating):
        moved_zh = f"（{exact_value}% 取到 5% 网格）"
        moved_en = f" ({exact_value} % placed on the 5 % grid)"
    reasons = [
        Reason(
            item.clause,
            f"{item.code} {item.name_zh}：评分 {listed_zh}；平均 {mean_shown}%，"
            f"中位数 {median_shown}%，极差 {spread} 个百分点。",
            f"{item.code} {item.name_en}: ratings {listed_en}; mean {mean_shown} %, "
            f"median {median_shown} %, spread {spread} percentage points.",
        ),
        Reason(
            item.clause,
            f"按{policy.rule.zh}规则，共识评分 {rating}%{moved_zh}（{band.label_zh}）："
            f"{item.points} 分 × {rating}% = {score} 分。",
            f"By the {policy.rule.value} rule the consensus rating is {rating} %{moved_en} "
            f"(band {band.label}): {item.points} points × {rating} % = {score} points.",
        ),
    ]
    if flagged:
        reasons.append(
            Reason(
                PANEL_CITATION,
                f"{item.code}：评审员评分相差 {spread} 个百分点，超过 {policy.threshold} 个"
                "百分点，须由评审组讨论。",
                f"{item.code}: reviewers differ by {spread} percentage points, more than "
                f"{policy.threshold}; the panel must discuss it.",
            )
        )
    return ItemConsensus(
        code=item.code,
        category=category,
        name_zh=item.name_zh,
        name_en=item.name_en,
        kind=item.kind,
        points=item.points,
        ratings=tuple(given),
        mean=mean_shown,
        median=median_shown,
        spread=spread,
        flagged=flagged,
        rating=rating,
        band=band,
        score=score,
        reasons=tuple(reasons),
    )


def consensus(
    sheets: Iterable[ScoreSheet],
    *,
    recused: Iterable[str] = (),
    table: CriteriaTable | None = None,
    policy: ConsensusPolicy | None = None,
    allow_missing: bool = False,
) -> ConsensusResult:
    """Combine the panel's sheets of one applicant into a consensus (Measures Art. 11, 17, 26).

    Per item: each reviewer's rating, the mean, median and spread, a flag when
    the spread is more than the threshold (E3), and the consensus rating under
    the policy's rule (E9, E5, E6) on or off the 5 % grid (E1).

    Parameters
    ----------
    sheets
        The reviewers' sheets (any iterable, at least one): all of the same
        applicant, each reviewer at most once, in any order (the result lists the
        reviewers by name).
    recused
        Names of the reviewers recused for this applicant (回避, Art. 26); a sheet
        by any of them is an error.  Names not on the panel are only reported.
    table
        The score table; ``None`` (default) means GB/T 19580-2012
        (:data:`~baoshan_quality.excellence.table.GBT_19580_2012`).
    policy
        The consensus readings; ``None`` (default) means ``ConsensusPolicy()``:
        the median, snapped to the 5 % grid, flagging a spread of more than 20.
    allow_missing
        Accept partial sheets; then each item uses the reviewers who rated it
        (E8).  By default a missing item is an error.

    Returns
    -------
    ConsensusResult
        Each item's statistics and consensus, the subtotals, the total, the items
        to discuss, every reviewer's own scored sheet and the reasons.

    Raises
    ------
    InvalidInputError
        When a recused reviewer's sheet is given (Art. 26), the sheets rate
        different applicants (Art. 11), a trimmed mean has too few ratings, or an
        argument has the wrong type.
    DuplicateUnitError
        When a reviewer has two sheets.
    MissingCriterionError, UnknownCriterionError
        As :func:`~baoshan_quality.excellence.sheet.score_sheet`, per sheet.

    Examples
    --------
    >>> from baoshan_quality.excellence.sheet import ScoreSheet
    >>> from baoshan_quality.excellence.table import GBT_19580_2012
    >>> codes = GBT_19580_2012.codes
    >>> panel = [ScoreSheet(n, "示例公司", {c: r for c in codes})
    ...          for n, r in [("甲", 50), ("乙", 60), ("丙", 65), ("丁", 90)]]
    >>> item = consensus(panel).item("4.7.2")
    >>> item.median, item.rating, item.score
    (Decimal('62.5'), Decimal('65'), Decimal('52'))
    >>> keep = ConsensusPolicy(grid=ConsensusGrid.KEEP)
    >>> consensus(panel, policy=keep).item("4.7.2").rating
    Decimal('62.5')
    >>> trimmed = ConsensusPolicy(rule=ConsensusRule.TRIMMED_MEAN)
    >>> consensus(panel, policy=trimmed).item("4.7.2").rating
    Decimal('65')
    """
    given = _sheets(sheets)
    recused_names = _recused(recused)
    table = check_table(table)
    if policy is None:
        policy = DEFAULT_POLICY
    if not isinstance(policy, ConsensusPolicy):
        raise InvalidInputError.about("policy", policy, "expected a ConsensusPolicy")
    allow_missing = check_flag("allow_missing", allow_missing)

    applicant = given[0].applicant
    for index, sheet in enumerate(given):
        if sheet.reviewer in recused_names:
            raise InvalidInputError.about(
                f"sheets[{index}].reviewer",
                sheet.reviewer,
                f"recused for applicant {sheet.applicant!r} (回避) and may not contribute "
                "to the consensus",
                RECUSAL_CITATION,
            )
    seen: set[str] = set()
    for index, sheet in enumerate(given):
        if sheet.applicant != applicant:
            raise InvalidInputError.about(
                f"sheets[{index}].applicant",
                sheet.applicant,
                f"every sheet of a consensus must rate the same applicant, {applicant!r}",
                PANEL_CITATION,
            )
        if sheet.reviewer in seen:
            raise DuplicateUnitError.about(
                f"sheets[{index}].reviewer",
                sheet.reviewer,
                "this reviewer already has a sheet in this consensus",
                PANEL_CITATION,
            )
        seen.add(sheet.reviewer)

    ordered = tuple(sorted(given, key=lambda s: s.reviewer))
    scored = tuple(score_sheet(s, table=table, allow_missing=allow_missing) for s in ordered)
    items: list[ItemConsensus] = []
    for cat in table.categories:
        for item in cat.items:
            ratings = [
                ReviewerRating(s.reviewer, s.ratings[item.code])
                for s in ordered
                if item.code in s.ratings
            ]
            items.append(_item(item, cat.code, ratings, policy))
    scores = {i.code: i.score for i in items}
    cats, total, rated, missing = subtotals(table, scores)
    to_discuss = tuple(i.code for i in items if i.flagged)
    reviewers = tuple(s.reviewer for s in ordered)
    return ConsensusResult(
        applicant=applicant,
        edition=table.edition,
        policy=policy,
        reviewers=reviewers,
        recused=recused_names,
        sheets=scored,
        items=tuple(items),
        categories=cats,
        total=total,
        maximum=table.total,
        rated_points=rated,
        complete=not missing,
        missing=missing,
        to_discuss=to_discuss,
        reasons=_reasons(table, policy, reviewers, recused_names, to_discuss)
        + total_reasons(table, total, rated, missing),
    )


def _reasons(
    table: CriteriaTable,
    policy: ConsensusPolicy,
    reviewers: Sequence[str],
    recused: Sequence[str],
    to_discuss: Sequence[str],
) -> tuple[Reason, ...]:
    grid_zh = (
        "共识评分取最接近的 5% 档（恰在两档中间时取高档）"
        if policy.grid is ConsensusGrid.SNAP
        else "共识评分保留规则所得数值（两位小数，四舍五入），不取到 5% 档"
    )
    grid_en = (
        "the consensus rating is placed on the nearest 5 % step (halves up)"
        if policy.grid is ConsensusGrid.SNAP
        else "the consensus rating keeps the rule's value (2 decimals, half up), off the 5 % grid"
    )
    trim_zh = (
        f"（去掉 {policy.trim} 个最高分和 {policy.trim} 个最低分）"
        if policy.rule is ConsensusRule.TRIMMED_MEAN
        else ""
    )
    trim_en = (
        f" (dropping the {policy.trim} highest and {policy.trim} lowest)"
        if policy.rule is ConsensusRule.TRIMMED_MEAN
        else ""
    )
    reasons = [
        STANDARD_REASON,
        Reason(
            PANEL_CITATION,
            f"评审专家组 {len(reviewers)} 名评审员（{'、'.join(reviewers)}）独立评分后合议。",
            f"The review panel's {len(reviewers)} reviewer(s) ({', '.join(reviewers)}) "
            "rated independently; their ratings are combined.",
        ),
        *table_reasons(table)[1:],
        Reason(
            PANEL_CITATION,
            f"共识规则：{policy.rule.zh}{trim_zh}；{grid_zh}；评分极差超过 "
            f"{policy.threshold} 个百分点的条款须讨论。",
            f"Consensus rule: {policy.rule.value}{trim_en}; {grid_en}; items whose spread "
            f"is more than {policy.threshold} percentage points are flagged for discussion.",
        ),
    ]
    if recused:
        reasons.append(
            Reason(
                RECUSAL_CITATION,
                f"回避评审员（{'、'.join(recused)}）的评分未计入。",
                f"No sheet from the recused reviewer(s) ({', '.join(recused)}) was counted.",
            )
        )
    if to_discuss:
        reasons.append(
            Reason(
                PANEL_CITATION,
                f"须讨论的条款：{'、'.join(to_discuss)}。",
                f"Items to discuss: {', '.join(to_discuss)}.",
            )
        )
    return tuple(reasons)
