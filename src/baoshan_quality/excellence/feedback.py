"""Strengths and opportunities per category, for the feedback report of Art. 18(4).

Measures Art. 18(4): the panel's document review produces a report with quality
improvement suggestions (提出质量改进建议), and an applicant that does not go on
to the site review is sent that report (反馈资料评审报告).  This module lists, for
each category of the score table, its **strengths** — the item(s) with the highest
rating — and its **opportunities for improvement** — the item(s) with the lowest
rating.  Items are compared by rating, i.e. by score relative to their points, so
an item of 10 points and one of 60 compare fairly.  Ties are all listed; when
every rated item of a category has the same rating, each is both (reading E4).
Unrated items (a partial sheet) are left out.

>>> from baoshan_quality.excellence.sheet import ScoreSheet, score_sheet
>>> from baoshan_quality.excellence.table import GBT_19580_2012
>>> ratings = {c: 50 for c in GBT_19580_2012.codes} | {"4.1.2": 70, "4.1.4": 30}
>>> report = feedback_report(score_sheet(ScoreSheet("甲", "示例公司", ratings)))
>>> lead = report.category("4.1")
>>> [i.code for i in lead.strengths], [i.code for i in lead.opportunities]
(['4.1.2'], ['4.1.4'])
>>> lead.opportunities[0].text_en
'An effective, systematic approach, deployed in many areas; evaluation and improvement beginning; some alignment with basic needs.'
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality.citations import Citation, Reason, measures
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.excellence._common import notes
from baoshan_quality.excellence.bands import ScoringBand
from baoshan_quality.excellence.panel import ConsensusResult, ItemConsensus
from baoshan_quality.excellence.scoring import STANDARD_REASON, lookup
from baoshan_quality.excellence.sheet import RatedItem, SheetResult
from baoshan_quality.excellence.table import SCORING_GUIDE_CITATION, ItemKind

__all__ = ["CategoryFeedback", "FeedbackItem", "FeedbackReport", "feedback_report"]

#: Measures Art. 18(4): document review report, improvement suggestions, feedback.
FEEDBACK_CITATION: Citation = measures("Art. 18(4)")


@attrs.frozen
class FeedbackItem:
    """One item named in the feedback, with its rating and its band's paraphrase.

    >>> from baoshan_quality.excellence.sheet import ScoreSheet, score_sheet
    >>> r = score_sheet(ScoreSheet("甲", "X", {"4.7.2": 90}), allow_missing=True)
    >>> item = feedback_report(r).category("4.7").strengths[0]
    >>> item.code, item.band.value, item.kind.value
    ('4.7.2', '90-100', 'result')
    """

    code: str
    name_zh: str
    name_en: str
    kind: ItemKind
    points: Decimal
    rating: Decimal
    band: ScoringBand
    text_zh: str
    text_en: str


@attrs.frozen
class CategoryFeedback:
    """One category's strengths (highest-rated items) and opportunities (lowest).

    >>> from baoshan_quality.excellence.sheet import ScoreSheet, score_sheet
    >>> r = score_sheet(ScoreSheet("甲", "X", {"4.2.2": 40, "4.2.3": 60}), allow_missing=True)
    >>> cat = feedback_report(r).category("4.2")
    >>> [i.code for i in cat.strengths], [i.code for i in cat.opportunities]
    (['4.2.3'], ['4.2.2'])
    """

    code: str
    name_zh: str
    name_en: str
    strengths: tuple[FeedbackItem, ...]
    opportunities: tuple[FeedbackItem, ...]
    reasons: tuple[Reason, ...]


@attrs.frozen
class FeedbackReport(Tabular):
    """Strengths and opportunities per category for one applicant (Art. 18(4)).

    Attributes
    ----------
    basis
        ``"consensus"`` or ``"sheet"``: what the report was made from.
    reviewers
        Who rated (the panel, or the one reviewer).
    categories
        One :class:`CategoryFeedback` per category of the table, in table order.
    reasons
        Measures Art. 17, Art. 18(4), and how items are compared.

    Printed, it lists per category its strengths, then its opportunities; each
    record is one (category, role, item), ``role`` being ``"strength"`` or
    ``"opportunity"``.

    Examples
    --------
    >>> from baoshan_quality.excellence.sheet import ScoreSheet, score_sheet
    >>> r = score_sheet(ScoreSheet("甲", "X", {"4.2.2": 40}), allow_missing=True)
    >>> report = feedback_report(r)
    >>> report.basis, report.reviewers, str(report.reasons[1].citation)
    ('sheet', ('甲',), 'Measures Art. 18(4)')
    """

    applicant: str
    basis: str
    reviewers: tuple[str, ...]
    edition: str
    categories: tuple[CategoryFeedback, ...]
    reasons: tuple[Reason, ...]

    def category(self, code: str) -> CategoryFeedback:
        """The feedback on category ``code`` (``UnknownCriterionError`` if there is none)."""
        return lookup(self.categories, code, "category")

    def _table(self) -> Table:
        names = "、".join(self.reviewers)
        basis = _BASIS_ZH.get(self.basis, self.basis)
        caption = Text(
            f"{self.applicant} — 反馈（{basis}，评审员：{names}）：各类目的优势和改进机会",
            f"{self.applicant} — feedback ({self.basis} of {', '.join(self.reviewers)}): "
            "strengths and opportunities for improvement",
        )
        rows: list[tuple[object, ...]] = []
        for cat in self.categories:
            for role, items in (("strength", cat.strengths), ("opportunity", cat.opportunities)):
                rows += [
                    (
                        self.applicant,
                        cat.code,
                        Text(cat.name_zh, cat.name_en),
                        cat.name_zh,
                        role,
                        _ROLE[role],
                        item.code,
                        Text(item.name_zh, item.name_en),
                        item.name_zh,
                        item.name_en,
                        item.points,
                        item.rating,
                        item.band.value,
                        item.text_zh,
                        item.text_en,
                    )
                    for item in items
                ]
        return Table(columns=_COLUMNS, rows=rows, caption=caption, notes=notes(self.reasons))


_BASIS_ZH = {"consensus": "共识", "sheet": "评分表"}
_ROLE = {"strength": Text("优势", "strength"), "opportunity": Text("改进机会", "opportunity")}

# One record per (category, role, item).
_COLUMNS = (
    Column("applicant", "申报单位", "applicant", shown=False),
    Column("category", "类目", "category"),
    Column("category_name", "类目名称", "category name"),
    Column("category_zh", "类目中文名称", "category's Chinese name", shown=False),
    Column("role", "角色代码", "role code", shown=False),
    Column("role_name", "角色", "role"),
    Column("code", "条款", "item"),
    Column("name", "名称", "name"),
    Column("name_zh", "中文名称", "Chinese name", shown=False),
    Column("name_en", "英文名称", "English name", shown=False),
    Column("points", "分值", "points", shown=False),
    Column("rating", "评分 %", "rating %"),
    Column("band", "得分区间 %", "band %", shown=False),
    Column("text_zh", "区间说明", "band paraphrase (Chinese)", shown=False),
    Column("text_en", "区间说明（英文）", "band paraphrase", shown=False),
)


def _note(item: RatedItem | ItemConsensus) -> FeedbackItem | None:
    if item.rating is None or item.band is None:
        return None
    text_zh, text_en = item.band.text(item.kind)
    return FeedbackItem(
        code=item.code,
        name_zh=item.name_zh,
        name_en=item.name_en,
        kind=item.kind,
        points=item.points,
        rating=item.rating,
        band=item.band,
        text_zh=text_zh,
        text_en=text_en,
    )


def _listed(items: Sequence[FeedbackItem], sep: str, pct: str) -> str:
    return sep.join(f"{i.code}（{i.rating}{pct}）" for i in items)


def _listed_en(items: Sequence[FeedbackItem]) -> str:
    return ", ".join(f"{i.code} ({i.rating} %)" for i in items)


def feedback_report(result: SheetResult | ConsensusResult) -> FeedbackReport:
    """Strengths and opportunities per category, for the feedback report (Measures Art. 18(4)).

    The strengths of a category are its item(s) with the highest rating, its
    opportunities for improvement those with the lowest; items are compared by
    rating (score relative to points), ties are all listed, and when every rated
    item has the same rating each is both (reading E4).  Unrated items are left out.

    Parameters
    ----------
    result
        One reviewer's scored sheet, or the panel's consensus.

    Returns
    -------
    FeedbackReport
        One :class:`CategoryFeedback` per category, with the band paraphrase of
        each item named.

    Raises
    ------
    InvalidInputError
        When ``result`` is neither a ``SheetResult`` nor a ``ConsensusResult``.

    Examples
    --------
    >>> from baoshan_quality.excellence.sheet import ScoreSheet, score_sheet
    >>> sheet = ScoreSheet("甲", "X", {"4.2.2": 40, "4.2.3": 60})
    >>> cat = feedback_report(score_sheet(sheet, allow_missing=True)).category("4.2")
    >>> [i.code for i in cat.strengths], [i.code for i in cat.opportunities]
    (['4.2.3'], ['4.2.2'])
    >>> feedback_report("not a result")
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: result: expected a SheetResult or a ConsensusResult, got 'not a result'
    """
    items: Sequence[RatedItem | ItemConsensus]
    if isinstance(result, ConsensusResult):
        basis, reviewers, items = "consensus", result.reviewers, result.items
    elif isinstance(result, SheetResult):
        basis, reviewers, items = "sheet", (result.reviewer,), result.items
    else:
        raise InvalidInputError.about(
            "result", result, "expected a SheetResult or a ConsensusResult"
        )
    categories: list[CategoryFeedback] = []
    for cat in result.categories:
        notes = [n for n in (_note(i) for i in items if i.category == cat.code) if n is not None]
        if not notes:
            categories.append(
                CategoryFeedback(
                    cat.code,
                    cat.name_zh,
                    cat.name_en,
                    (),
                    (),
                    (
                        Reason(
                            FEEDBACK_CITATION,
                            f"{cat.code} {cat.name_zh}：无已评分条款，不列优势和改进机会。",
                            f"{cat.code} {cat.name_en}: no rated item, so no strengths or "
                            "opportunities are listed.",
                        ),
                    ),
                )
            )
            continue
        high = max(n.rating for n in notes)
        low = min(n.rating for n in notes)
        strengths = tuple(n for n in notes if n.rating == high)
        opportunities = tuple(n for n in notes if n.rating == low)
        if high == low:
            reason = Reason(
                FEEDBACK_CITATION,
                f"{cat.code} {cat.name_zh}：各条款评分相同（{high}%），均同时列为优势和改进机会。",
                f"{cat.code} {cat.name_en}: every rated item has the same rating ({high} %), "
                "so each is listed as both a strength and an opportunity.",
            )
        else:
            reason = Reason(
                FEEDBACK_CITATION,
                f"{cat.code} {cat.name_zh}：优势 {_listed(strengths, '、', '%')}；"
                f"改进机会 {_listed(opportunities, '、', '%')}。",
                f"{cat.code} {cat.name_en}: strengths {_listed_en(strengths)}; "
                f"opportunities for improvement {_listed_en(opportunities)}.",
            )
        categories.append(
            CategoryFeedback(
                cat.code, cat.name_zh, cat.name_en, strengths, opportunities, (reason,)
            )
        )
    reasons = (
        STANDARD_REASON,
        Reason(
            FEEDBACK_CITATION,
            "资料评审形成资料评审报告并提出质量改进建议；本表按类目列出评分最高的条款（优势）"
            "和评分最低的条款（改进机会）。",
            "The document review yields a report with improvement suggestions; this lists, per "
            "category, the highest-rated items (strengths) and the lowest-rated "
            "(opportunities for improvement).",
        ),
        Reason(
            SCORING_GUIDE_CITATION,
            "条款按评分（得分占分值的百分比）比较；说明文字为本库对评分区间的简述，并非标准原文。",
            "Items are compared by rating (score as a share of points); the texts are this "
            "library's short paraphrases of the bands, not the standard's words.",
        ),
    )
    return FeedbackReport(
        applicant=result.applicant,
        basis=basis,
        reviewers=tuple(reviewers),
        edition=result.edition,
        categories=tuple(categories),
        reasons=reasons,
    )
