"""An ILLUSTRATIVE sample edition: 14 Baoshan units with INVENTED scores.

The unit names are Baoshan's real streets (街道), towns (镇) and parks (园区);
the scores, honours and incidents are made up to exercise the rules — a tie on
6th place, an incident in the top 3, a bonus above its cap.  They are not, and
must not be read as, any unit's real results.

>>> from baoshan_quality import rank_units, score
>>> ranking = rank_units(score(a) for a in sample_assessments())
>>> ranking.excellent
('罗店镇', '大场镇')
>>> ranking.tier_a
('罗店镇', '顾村镇', '大场镇', '杨行镇', '友谊路街道', '宝山工业园区', '月浦镇')
"""

from __future__ import annotations

from decimal import Decimal

from baoshan_quality._decimals import exact
from baoshan_quality.guide.rubric import RUBRIC, HonorLevel
from baoshan_quality.guide.scoring import Assessment, Honor, Incident, IncidentKind

__all__ = ["SAMPLE_YEAR", "sample_assessments"]

#: The (illustrative) assessment year.
SAMPLE_YEAR = 2024

_N, _M, _D = Honor(HonorLevel.NATIONAL), Honor(HonorLevel.MUNICIPAL), Honor(HonorLevel.DISTRICT)

# unit: (points lost per criterion, honours, incidents) — invented for illustration.
_UNITS: dict[str, tuple[dict[str, str], tuple[Honor, ...], tuple[Incident, ...]]] = {
    "罗店镇": ({"5.1.4": "2", "2.1.2": "0.5"}, (_N,), ()),
    "顾村镇": (
        {"5.1.4": "1"},
        (_N, _M, _M),
        (Incident(IncidentKind.PRODUCT, "示例：虚构的产品质量事件 (invented)"),),
    ),
    "大场镇": ({"5.1.4": "2", "2.2.1": "1", "4.2.3": "1"}, (_M,), ()),
    "杨行镇": ({"5.1.4": "3", "2.3.1": "1.5"}, (_D,), ()),
    "友谊路街道": ({"5.1.4": "2", "2.4.1": "1", "3.1.3": "1", "4.3.1": "1"}, (), ()),
    "月浦镇": ({"5.1.4": "4", "2.1.1": "2", "5.2.2": "1"}, (_D,), ()),
    "宝山工业园区": ({"5.1.4": "3", "2.3.1": "2", "1.2.2": "1"}, (), ()),
    "淞南镇": ({"5.1.4": "4", "2.2.1": "2", "4.2.2": "1.5"}, (), ()),
    "吴淞街道": ({"5.1.4": "5", "2.1.1": "2", "3.2.1": "2"}, (), ()),
    "张庙街道": ({"5.1.4": "4", "2.3.1": "3", "5.1.5": "1", "4.1.2": "1.5"}, (), ()),
    "高境镇": ({"5.1.4": "5", "2.2.1": "3", "3.2.1": "3"}, (), ()),
    "庙行镇": ({"5.1.4": "6", "2.1.1": "3", "4.2.2": "2", "5.2.3": "1"}, (), ()),
    "罗泾镇": ({"5.1.4": "6", "2.3.1": "3", "3.2.1": "2.5", "4.3.1": "2"}, (), ()),
    "宝山城市工业园区": ({"5.1.4": "7", "2.1.1": "4", "2.2.1": "3", "3.2.1": "2"}, (), ()),
}


def sample_assessments() -> tuple[Assessment, ...]:
    """The 14 ILLUSTRATIVE assessments of :data:`SAMPLE_YEAR`: full marks less invented losses.

    Returns
    -------
    tuple[Assessment, ...]
        One :class:`~baoshan_quality.guide.scoring.Assessment` per real Baoshan unit
        name, with INVENTED scores, honours and incidents (a tie on 6th place, an
        incident in the top 3, a bonus above its cap) — not any unit's real results.

    Examples
    --------
    >>> from baoshan_quality import score
    >>> cards = [score(a) for a in sample_assessments()]
    >>> len(cards), cards[0].unit, cards[0].total
    (14, '罗店镇', Decimal('100.5'))
    """
    result = []
    for unit, (lost, honors, incidents) in _UNITS.items():
        with exact():  # the caller's decimal context (prec = 1 …) must not round them
            scores = {c.code: c.points - Decimal(lost.get(c.code, "0")) for c in RUBRIC.criteria}
        result.append(Assessment(unit, SAMPLE_YEAR, scores, honors=honors, incidents=incidents))
    return tuple(result)
