"""DB31113/Z 005—2022 宝山区基层政府质量提升绩效评价指南 (the Guide).

Every public name of the Guide, by clause: Appendix B's rubric, bonus and deduction
(:mod:`.rubric`) and the score card (:mod:`.scoring`); §8's ranking into tiers A and B
and 优秀, with Appendix C note 3's incident bar — decided in :mod:`.tiering`, explained
in :mod:`.ranking` — what-if analysis on a ranking (:mod:`.whatif`) and how robust
a ranking is to scoring noise (:mod:`.robustness`); Appendix C's maturity table (:mod:`.maturity`), its
measured items (:mod:`.measured`), the self-assessment (:mod:`.self_assessment`) and
its comparison with the Appendix B card (:mod:`.comparison`); §5.2.1 and Appendix A's
quality status report (:mod:`.report`); §6–§7's evaluation steps (:mod:`.evaluation`).
The everyday names (``RUBRIC``, ``score``, ``rank_units`` …) are also at the top level.
Names load on first use.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baoshan_quality.guide.comparison import *
    from baoshan_quality.guide.evaluation import *
    from baoshan_quality.guide.maturity import *
    from baoshan_quality.guide.measured import *
    from baoshan_quality.guide.ranking import *
    from baoshan_quality.guide.report import *
    from baoshan_quality.guide.robustness import *
    from baoshan_quality.guide.rubric import *
    from baoshan_quality.guide.scoring import *
    from baoshan_quality.guide.self_assessment import *
    from baoshan_quality.guide.tiering import *
    from baoshan_quality.guide.whatif import *
else:
    from baoshan_quality._lazy import attach

    __getattr__, __dir__, __all__ = attach(__name__)
