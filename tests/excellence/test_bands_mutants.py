"""GB/Z 19579-2012 附录C bands: what a mutation run found untested.

``SCORING_BANDS`` is built when the module is imported, so a change in the row
builder ``_row`` is invisible to tests that only read the table (mutmut 3 switches
mutants on after the import): the builder is exercised here directly, with the
edges of 附录C (0 % or 5 %, 10–25 %, 30–45 %, 50–65 %, 70–85 %, 90–100 %).  The
rating errors follow ``field: problem, got value (clause)``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from baoshan_quality.errors import InvalidRatingError
from baoshan_quality.excellence.bands import (
    BandDescription,
    ScoringBand,
    _row,
    scoring_band,
)
from baoshan_quality.excellence.table import SCORING_GUIDE_CITATION

EDGES = [
    (ScoringBand.B0_5, 0, 5),
    (ScoringBand.B10_25, 10, 25),
    (ScoringBand.B30_45, 30, 45),
    (ScoringBand.B50_65, 50, 65),
    (ScoringBand.B70_85, 70, 85),
    (ScoringBand.B90_100, 90, 100),
]


@pytest.mark.parametrize(("band", "low", "high"), EDGES)
def test_appendix_c_row_builder_keeps_each_column_in_place(
    band: ScoringBand, low: int, high: int
) -> None:
    row = _row(band, low, high, "过程", "process", "结果", "result")
    assert isinstance(row, BandDescription)
    assert row.band is band
    assert (row.low, row.high) == (Decimal(low), Decimal(high))
    assert isinstance(row.low, Decimal) and isinstance(row.high, Decimal)
    assert (row.process_zh, row.process_en, row.result_zh, row.result_en) == (
        "过程",
        "process",
        "结果",
        "result",
    )
    assert row.citation == SCORING_GUIDE_CITATION


def test_scoring_band_names_the_rating_by_default() -> None:
    with pytest.raises(InvalidRatingError) as info:
        scoring_band("62.5")
    assert info.value.field == "rating"
    assert str(info.value) == (
        "rating: not on the 5 % grid (0, 5, 10, …, 100), got '62.5' (GB/Z 19579 附录C)"
    )


def test_scoring_band_names_the_callers_field() -> None:
    with pytest.raises(InvalidRatingError) as info:
        scoring_band(105, field="ratings['4.7.2']")
    assert info.value.field == "ratings['4.7.2']"
    assert str(info.value).startswith("ratings['4.7.2']: above the maximum of 100, got 105")
