"""宝府规〔2023〕3号 上海市宝山区政府质量奖管理办法 (the Measures): the District Government
Quality Award.

Every public name of the Measures, by article: the award scheme as data — its parts
(classes and tracks of Art. 2, condition rows of Art. 3, 14, 15, quota and prize rows
of Art. 7 and 19, the periods and the validity of Art. 28: :mod:`.parts`), the scheme
itself (:mod:`.scheme`) and the Baoshan 2023 scheme (:mod:`.baoshan`), quotas and
prizes (:mod:`.prizes`), validity and cycle (:mod:`.validity`, :mod:`.cycle`);
applicants and their records (:mod:`.applicants`, :mod:`.records`); eligibility
(Art. 3, 14–16, 25: :mod:`.eligibility`, the table's judgements :mod:`.judges`,
:mod:`.conditions`); the windows of Art. 16, 23, 25 and 27
(:mod:`.windows`); title use and revocation (Art. 24–25: :mod:`.conduct`); the public
notice in working days (Art. 18(7): :mod:`.notice`); the procedure (Art. 18:
:mod:`.procedure`); reviewers and panels (Art. 11, 12, 26: :mod:`.qualification`,
:mod:`.reviewers`); allocation of the places of an edition (Art. 7, 18:
:mod:`.allocation`).  The everyday names (``check_eligibility``, ``quota`` …) are also
at the top level.  Names load on first use.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baoshan_quality.award.allocation import *
    from baoshan_quality.award.applicants import *
    from baoshan_quality.award.baoshan import *
    from baoshan_quality.award.conditions import *
    from baoshan_quality.award.conduct import *
    from baoshan_quality.award.cycle import *
    from baoshan_quality.award.eligibility import *
    from baoshan_quality.award.judges import *
    from baoshan_quality.award.notice import *
    from baoshan_quality.award.parts import *
    from baoshan_quality.award.prizes import *
    from baoshan_quality.award.procedure import *
    from baoshan_quality.award.qualification import *
    from baoshan_quality.award.records import *
    from baoshan_quality.award.reviewers import *
    from baoshan_quality.award.scheme import *
    from baoshan_quality.award.validity import *
    from baoshan_quality.award.windows import *
else:
    from baoshan_quality._lazy import attach

    __getattr__, __dir__, __all__ = attach(__name__)
