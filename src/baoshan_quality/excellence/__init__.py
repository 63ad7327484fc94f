"""GB/T 19580-2012 excellence scoring (pure scoring; knows nothing of the award).

Measures Art. 17 names GB/T 19580 as the award's evaluation standard.  Modules:
:mod:`.table` (the GB/Z 19579-2012 附录A score table as data), :mod:`.bands`
(ratings on the 5 % grid and their bands, 附录C), :mod:`.scoring` (item scores and
subtotals), :mod:`.sheet` (one reviewer's sheet), :mod:`.policy` (the consensus
readings), :mod:`.consensus` (several reviewers) and :mod:`.feedback` (strengths and
opportunities for the Art. 18(4) feedback report).  See ``docs/excellence.md``.
"""

from baoshan_quality.excellence.bands import (
    RATING_STEP,
    SCORING_BANDS,
    BandDescription,
    ScoringBand,
    check_rating,
    scoring_band,
)
from baoshan_quality.excellence.consensus import (
    ConsensusResult,
    ItemConsensus,
    ReviewerRating,
    consensus,
)
from baoshan_quality.excellence.feedback import (
    CategoryFeedback,
    FeedbackItem,
    FeedbackReport,
    feedback_report,
)
from baoshan_quality.excellence.policy import ConsensusGrid, ConsensusPolicy, ConsensusRule
from baoshan_quality.excellence.scoring import CategorySubtotal
from baoshan_quality.excellence.sheet import (
    RatedItem,
    ScoreSheet,
    SheetResult,
    score_sheet,
)
from baoshan_quality.excellence.table import (
    GBT_19580_2012,
    CriteriaCategory,
    CriteriaItem,
    CriteriaTable,
    EvaluationDimension,
    ItemKind,
)

__all__ = [
    "GBT_19580_2012",
    "RATING_STEP",
    "SCORING_BANDS",
    "BandDescription",
    "CategoryFeedback",
    "CategorySubtotal",
    "ConsensusGrid",
    "ConsensusPolicy",
    "ConsensusResult",
    "ConsensusRule",
    "CriteriaCategory",
    "CriteriaItem",
    "CriteriaTable",
    "EvaluationDimension",
    "FeedbackItem",
    "FeedbackReport",
    "ItemConsensus",
    "ItemKind",
    "RatedItem",
    "ReviewerRating",
    "ScoreSheet",
    "ScoringBand",
    "SheetResult",
    "check_rating",
    "consensus",
    "feedback_report",
    "score_sheet",
    "scoring_band",
]
