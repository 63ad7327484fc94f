"""The named choices of a consensus: rule, 5 % grid, disagreement threshold, trim.

Each is a reading the clauses leave open (docs/excellence.md, readings E1, E3, E5,
E6, E9), defaults first: the median, snapped to the 5 % grid, flagging a spread of
more than 20 percentage points, trimming one rating at each end.

>>> p = ConsensusPolicy()
>>> p.rule.value, p.grid.value, p.threshold, p.trim
('median', 'snap', Decimal('20'), 1)
>>> ConsensusRule.TRIMMED_MEAN.zh
'截尾平均数'
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from baoshan_quality._decimals import DecimalInput, to_decimal
from baoshan_quality._validation import is_enum, is_int
from baoshan_quality.excellence.table import SCORING_GUIDE_CITATION

__all__ = ["ConsensusGrid", "ConsensusPolicy", "ConsensusRule"]


class ConsensusRule(enum.Enum):
    """How the panel's ratings of an item become one consensus rating."""

    #: The median (even panels: the mean of the two middle ratings). Default.
    MEDIAN = "median"
    #: The arithmetic mean.
    MEAN = "mean"
    #: The mean after dropping ``trim`` highest and ``trim`` lowest ratings
    #: (去掉最高分和最低分); needs more than ``2 × trim`` ratings.
    TRIMMED_MEAN = "trimmed-mean"

    @property
    def zh(self) -> str:
        """The rule's Chinese name."""
        return {"median": "中位数", "mean": "平均数", "trimmed-mean": "截尾平均数"}[self.value]


class ConsensusGrid(enum.Enum):
    """Reading E1: is the consensus rating put on the 5 % grid?"""

    #: Default: the nearest multiple of 5, halves up (62.5 → 65), so the consensus
    #: is itself a rating the standard allows (附录C: 5 % steps).
    SNAP = "snap"
    #: Keep the rule's value, to 2 decimals half up (66.666… → 66.67).
    KEEP = "keep"

    @property
    def zh(self) -> str:
        """The choice in Chinese (取到 5% 网格 / 保留两位小数)."""
        return "取到 5% 网格" if self is ConsensusGrid.SNAP else "保留两位小数"


def _threshold(value: DecimalInput) -> Decimal:
    return to_decimal(
        value,
        field="ConsensusPolicy.threshold",
        minimum=0,
        maximum=100,
        citation=SCORING_GUIDE_CITATION,
    )


@attrs.frozen
class ConsensusPolicy:
    """The named choices of a consensus (defaults first; docs/excellence.md, readings).

    Attributes
    ----------
    rule
        :class:`ConsensusRule` (reading E9, default ``MEDIAN``).
    grid
        :class:`ConsensusGrid` (reading E1, default ``SNAP``).
    threshold
        Flag an item when its spread is *more than* this many percentage points
        (reading E3, default 20; 0 to 100).
    trim
        Ratings dropped at each end by ``TRIMMED_MEAN`` (reading E6, default 1).

    Examples
    --------
    >>> ConsensusPolicy(rule=ConsensusRule.MEAN, threshold=15).threshold
    Decimal('15')
    """

    rule: ConsensusRule = attrs.field(
        default=ConsensusRule.MEDIAN, validator=is_enum(ConsensusRule)
    )
    grid: ConsensusGrid = attrs.field(default=ConsensusGrid.SNAP, validator=is_enum(ConsensusGrid))
    threshold: Decimal = attrs.field(default=Decimal(20), converter=_threshold)
    trim: int = attrs.field(default=1, validator=is_int(minimum=1))


#: The default policy (median, snapped, threshold 20, trim 1).
DEFAULT_POLICY: ConsensusPolicy = ConsensusPolicy()
