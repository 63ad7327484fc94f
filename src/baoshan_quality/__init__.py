"""baoshan-quality: Baoshan District quality policy as executable, citable rules.

* DB31113/Z 005—2022 (the Guide): the Appendix B rubric, scoring, §8 tiering,
  the Appendix C maturity self-assessment and the quality report.
* 宝府规〔2023〕3号 (the Measures): the District Government Quality Award —
  classes, quotas, prizes, eligibility, windows and procedure.
* GB/T 19580-2012 (the Criteria): excellence scoring named by Measures Art. 17.

This module only re-exports; see each subpackage for the clause it encodes.
"""

from baoshan_quality.citations import Citation, Document, Reason
from baoshan_quality.errors import (
    BaoshanQualityError,
    DuplicateUnitError,
    InvalidInputError,
    InvalidRatingError,
    InvalidScoreError,
    InvalidTransitionError,
    MissingCriterionError,
    OutsideValidityError,
    StructureError,
    TableError,
    UnknownCriterionError,
    UnknownUnitError,
    UnpublishedCalendarError,
    UnresolvedTieError,
)
from baoshan_quality.periods import PeriodReading
from baoshan_quality.serialization import converter, from_json, structure, to_json, unstructure

# --- guide: rubric, scoring, tiering (issue 3) ---
from baoshan_quality.guide.rubric import (
    BONUS_CAP,
    DEDUCTION_POINTS,
    RUBRIC,
    Category,
    Criterion,
    HonorLevel,
    Method,
    Rubric,
    SubItem,
)
from baoshan_quality.guide.scoring import (
    Assessment,
    BonusLine,
    FloorPolicy,
    Honor,
    Incident,
    IncidentKind,
    IncidentPolicy,
    MissingPolicy,
    ScoreCard,
    ScoreLine,
    ScoringPolicy,
    Subtotal,
    score,
)
from baoshan_quality.guide.tiering import (
    EXCELLENT_SIZE,
    TIER_A_SIZE,
    RankedUnit,
    Ranking,
    Tie,
    TiePolicy,
    Tier,
    TieringPolicy,
    UnitScore,
    VacancyPolicy,
    rank_units,
)

# --- guide: maturity, self-assessment, report, what-if (issue 4) ---
# --- award: scheme, eligibility, windows (issue 5) ---
# --- award: calendar, notice, procedure, reviewers, allocation (issue 6) ---
# --- excellence: GB/T 19580 (issue 7) ---
from baoshan_quality.excellence import (
    GBT_19580_2012,
    SCORING_BANDS,
    CategoryFeedback,
    CategorySubtotal,
    ConsensusGrid,
    ConsensusPolicy,
    ConsensusResult,
    ConsensusRule,
    CriteriaCategory,
    CriteriaItem,
    CriteriaTable,
    EvaluationDimension,
    FeedbackItem,
    FeedbackReport,
    ItemConsensus,
    ItemKind,
    RatedItem,
    ReviewerRating,
    ScoreSheet,
    ScoringBand,
    SheetResult,
    consensus,
    feedback_report,
    score_sheet,
    scoring_band,
)

__version__ = "0.1.0"

__all__ = [
    "BaoshanQualityError",
    "Citation",
    "Document",
    "DuplicateUnitError",
    "InvalidInputError",
    "InvalidRatingError",
    "InvalidScoreError",
    "InvalidTransitionError",
    "MissingCriterionError",
    "OutsideValidityError",
    "PeriodReading",
    "Reason",
    "StructureError",
    "TableError",
    "UnknownCriterionError",
    "UnknownUnitError",
    "UnpublishedCalendarError",
    "UnresolvedTieError",
    "__version__",
    "converter",
    "from_json",
    "structure",
    "to_json",
    "unstructure",
    # --- guide: rubric, scoring, tiering (issue 3) ---
    "BONUS_CAP",
    "DEDUCTION_POINTS",
    "EXCELLENT_SIZE",
    "RUBRIC",
    "TIER_A_SIZE",
    "Assessment",
    "BonusLine",
    "Category",
    "Criterion",
    "FloorPolicy",
    "Honor",
    "HonorLevel",
    "Incident",
    "IncidentKind",
    "IncidentPolicy",
    "Method",
    "MissingPolicy",
    "RankedUnit",
    "Ranking",
    "Rubric",
    "ScoreCard",
    "ScoreLine",
    "ScoringPolicy",
    "SubItem",
    "Subtotal",
    "Tie",
    "TiePolicy",
    "Tier",
    "TieringPolicy",
    "UnitScore",
    "VacancyPolicy",
    "rank_units",
    "score",
    # --- guide: maturity, self-assessment, report, what-if (issue 4) ---
    # --- award: scheme, eligibility, windows (issue 5) ---
    # --- award: calendar, notice, procedure, reviewers, allocation (issue 6) ---
    # --- excellence: GB/T 19580 (issue 7) ---
    "GBT_19580_2012",
    "SCORING_BANDS",
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
    "consensus",
    "feedback_report",
    "score_sheet",
    "scoring_band",
]
