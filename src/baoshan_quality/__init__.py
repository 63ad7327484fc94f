"""baoshan-quality: Baoshan District quality policy as executable, citable rules.

The top level holds the everyday names — what the README, the quick start and the
three kinds of user (systems that import the library, analysts in notebooks,
auditors) need every day; ``docs/api/index.md`` says why each is here.  Every other
public name lives in the package of its document:

* :mod:`baoshan_quality.guide` — DB31113/Z 005—2022 (the Guide): the Appendix B
  rubric and score card, §8 tiering, the Appendix C self-assessment, the report;
* :mod:`baoshan_quality.award` — 宝府规〔2023〕3号 (the Measures): the District
  Government Quality Award's scheme, eligibility, windows, notice and procedure;
* :mod:`baoshan_quality.excellence` — GB/T 19580-2012, the scoring Measures Art. 17
  names;
* :mod:`baoshan_quality.workdays` — the mainland-China working-day calendar;
* the kernels :mod:`~baoshan_quality.citations`, :mod:`~baoshan_quality.errors`,
  :mod:`~baoshan_quality.periods`, :mod:`~baoshan_quality.serialization` and
  :mod:`~baoshan_quality.schema`.

Names load on first use (PEP 562): ``from baoshan_quality import rank_units`` imports
the Guide's ranking modules, not the award's.

>>> from baoshan_quality import UnitScore, rank_units
>>> rank_units([UnitScore("罗店镇", 95), UnitScore("大场镇", 90)]).tier_a
('罗店镇', '大场镇')
"""

from typing import TYPE_CHECKING

__version__ = "0.1.0"

#: The front door: each name is defined (and listed in ``__all__``) in its module.
__all__ = [
    # DB31113/Z 005—2022, Appendix B: rubric, bonus and deduction, the score card
    "RUBRIC",
    "HonorLevel",
    "Honor",
    "IncidentKind",
    "Assessment",
    "ScoringPolicy",
    "score",
    "ScoreCard",
    # §8 and Appendix C note 3: ranking, tiers A and B, 优秀
    "UnitScore",
    "rank_units",
    "rank_totals",
    "Ranking",
    "RankedUnit",
    "Tier",
    "TieringPolicy",
    "TiePolicy",
    "VacancyPolicy",
    "tier_probabilities",
    # Appendix C: the maturity self-assessment
    "self_assess",
    "SelfAssessment",
    # 宝府规〔2023〕3号: the scheme (Art. 2, 7, 19, 28) and eligibility (Art. 3, 14-16, 25)
    "AwardScheme",
    "BAOSHAN_2023",
    "AwardClass",
    "Track",
    "quota",
    "prize_cap",
    "Organisation",
    "Individual",
    "DistrictAward",
    "check_eligibility",
    "EligibilityVerdict",
    "Verdict",
    # Art. 18(7): the public notice in working days
    "earliest_notice_close",
    # every rule's clause and every result's reasons; the one error root
    "Citation",
    "Reason",
    "BaoshanQualityError",
    "InvalidInputError",
    # JSON with the library's one strict converter
    "from_json",
    "to_json",
    # how results print: the display language (a preference, not a rule)
    "set_display_language",
]

if TYPE_CHECKING:
    # Type checkers read the generated ``__init__.pyi`` (exactly the names above); these
    # imports only let a checker of this file see that every name in ``__all__`` exists.
    from baoshan_quality.award import *
    from baoshan_quality.citations import *
    from baoshan_quality.display import *
    from baoshan_quality.errors import *
    from baoshan_quality.guide import *
    from baoshan_quality.serialization import *
else:
    from baoshan_quality._lazy import attach

    __getattr__, __dir__, _ = attach(__name__, __all__)
