"""GB/T 19580-2012 卓越绩效评价准则 (the Criteria), named by Measures Art. 17 as the award's
evaluation standard — pure scoring, knowing nothing of the award.

Every public name, by part of the standard: the score table of GB/Z 19579-2012 附录A
as data (:mod:`.table`); ratings on the 5 % grid and their bands, 附录C
(:mod:`.bands`); item scores and subtotals (:mod:`.scoring`); one reviewer's sheet
(:mod:`.sheet`); the consensus readings (:mod:`.policy`) and several reviewers'
consensus (:mod:`.panel`); strengths and opportunities for the Art. 18(4) feedback
report (:mod:`.feedback`).  See ``docs/excellence.md``.  Names load on first use.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baoshan_quality.excellence.bands import *
    from baoshan_quality.excellence.feedback import *
    from baoshan_quality.excellence.panel import *
    from baoshan_quality.excellence.policy import *
    from baoshan_quality.excellence.scoring import *
    from baoshan_quality.excellence.sheet import *
    from baoshan_quality.excellence.table import *
else:
    from baoshan_quality._lazy import attach

    __getattr__, __dir__, __all__ = attach(__name__)
