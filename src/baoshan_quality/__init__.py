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
# --- guide: maturity, self-assessment, report, what-if (issue 4) ---
# --- award: scheme, eligibility, windows (issue 5) ---
# --- award: calendar, notice, procedure, reviewers, allocation (issue 6) ---
# --- excellence: GB/T 19580 (issue 7) ---

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
    # --- guide: maturity, self-assessment, report, what-if (issue 4) ---
    # --- award: scheme, eligibility, windows (issue 5) ---
    # --- award: calendar, notice, procedure, reviewers, allocation (issue 6) ---
    # --- excellence: GB/T 19580 (issue 7) ---
]
