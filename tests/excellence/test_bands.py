"""Rating bands and the 5 % grid (GB/Z 19579-2012 附录C, SPEC §6).

The bands are 0 % or 5 %, 10–25 %, 30–45 %, 50–65 %, 70–85 %, 90–100 %.
``SCORING_BANDS`` is built when the module is imported, so a change in the row
builder ``_row`` is invisible to tests that only read the table (a mutation tool
switches mutants on after the import): the builder is exercised directly below.
The rating errors follow ``field: problem, got value (clause)``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.citations import Document
from baoshan_quality.errors import InvalidInputError, InvalidRatingError
from baoshan_quality.excellence import SCORING_BANDS, ItemKind, ScoringBand, scoring_band
from baoshan_quality.excellence.bands import BandDescription, _row, band_at_or_below, check_rating
from baoshan_quality.excellence.table import SCORING_GUIDE_CITATION
from baoshan_quality.serialization import from_json, to_json

# Every grid point and its band, written out from "0 % or 5 %, 10-25 %, 30-45 %,
# 50-65 %, 70-85 %, 90-100 %".
GRID = {
    0: "0-5",
    5: "0-5",
    10: "10-25",
    15: "10-25",
    20: "10-25",
    25: "10-25",
    30: "30-45",
    35: "30-45",
    40: "30-45",
    45: "30-45",
    50: "50-65",
    55: "50-65",
    60: "50-65",
    65: "50-65",
    70: "70-85",
    75: "70-85",
    80: "70-85",
    85: "70-85",
    90: "90-100",
    95: "90-100",
    100: "90-100",
}


@pytest.mark.parametrize(("rating", "band"), list(GRID.items()))
def test_appendix_c_every_grid_point_and_band_edge(rating: int, band: str) -> None:
    assert scoring_band(rating).value == band
    assert scoring_band(str(rating)).value == band
    assert scoring_band(Decimal(rating)).value == band


@pytest.mark.parametrize(
    ("band", "low", "high"),
    [
        (ScoringBand.B0_5, 0, 5),
        (ScoringBand.B10_25, 10, 25),
        (ScoringBand.B30_45, 30, 45),
        (ScoringBand.B50_65, 50, 65),
        (ScoringBand.B70_85, 70, 85),
        (ScoringBand.B90_100, 90, 100),
    ],
)
def test_appendix_c_band_edges_are_inside_their_band(
    band: ScoringBand, low: int, high: int
) -> None:
    assert (band.low, band.high) == (low, high)
    assert scoring_band(low) is band and scoring_band(high) is band
    if low > 0:
        assert scoring_band(low - 5) is not band
    if high < 100:
        assert scoring_band(high + 5) is not band


@pytest.mark.parametrize("value", ["2.5", 7, 62.5, "99", "0.5", Decimal("33.3"), 1, "64.99"])
def test_appendix_c_off_grid_rating_is_an_error_naming_the_field(value: object) -> None:
    with pytest.raises(InvalidRatingError, match=r"ratings\['4\.1\.2'\]: not on the 5 % grid"):
        check_rating(value, field="ratings['4.1.2']")


@pytest.mark.parametrize("value", [-5, "-5", 105, "100.5", 1000])
def test_appendix_c_rating_outside_0_to_100_is_an_error(value: object) -> None:
    with pytest.raises(InvalidRatingError, match=r"ratings\['4\.7\.2'\]: (below|above)"):
        check_rating(value, field="ratings['4.7.2']")


@pytest.mark.parametrize(
    "value", [True, None, "abc", "65%", [65], float("nan"), float("inf"), "1e1", " 65"]
)
def test_rating_of_wrong_type_is_an_invalid_rating_error(value: object) -> None:
    with pytest.raises(InvalidRatingError) as info:
        check_rating(value, field="r")
    assert isinstance(info.value, InvalidInputError) and isinstance(info.value, ValueError)
    assert info.value.citation is not None
    assert info.value.citation.document is Document.CRITERIA_GUIDE


def test_float_and_trailing_zeros_accepted_as_their_decimal() -> None:
    assert check_rating(65.0, field="r") == Decimal(65)
    assert str(check_rating("65.00", field="r")) == "65"
    assert str(check_rating("0.0", field="r")) == "0"


@given(st.integers(min_value=0, max_value=20))
def test_every_grid_rating_lies_within_its_band(step: int) -> None:
    rating = Decimal(5 * step)
    band = scoring_band(rating)
    assert band.low <= rating <= band.high


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
def test_only_multiples_of_5_are_ratings(value: Decimal) -> None:
    if value % 5 == 0:
        assert check_rating(value, field="r") == value
    else:
        with pytest.raises(InvalidRatingError):
            check_rating(value, field="r")


@pytest.mark.parametrize(
    ("value", "band"),
    [("2.5", "0-5"), ("27.5", "10-25"), ("47.5", "30-45"), ("66.67", "50-65"), ("97.5", "90-100")],
)
def test_off_grid_consensus_value_belongs_to_the_band_at_or_below(value: str, band: str) -> None:
    assert band_at_or_below(Decimal(value)).value == band


def test_bands_tile_0_to_100_and_each_has_bilingual_paraphrases() -> None:
    assert [row.band for row in SCORING_BANDS] == list(ScoringBand)
    for row in SCORING_BANDS:
        assert str(row.citation) == "GB/Z 19579 附录C"
        for text in (row.process_zh, row.process_en, row.result_zh, row.result_en):
            assert text.strip()
        assert row.band.text(ItemKind.PROCESS) == (row.process_zh, row.process_en)
        assert row.band.text(ItemKind.RESULT) == (row.result_zh, row.result_en)
    assert ScoringBand.B0_5.label == "0 % or 5 %"
    assert ScoringBand.B90_100.label == "90–100 %"
    # Chinese sentences say 或, not "or"; the other labels are the same in both
    assert ScoringBand.B0_5.label_zh == "0% 或 5%"
    assert [b.label_zh for b in list(ScoringBand)[1:]] == [b.label for b in list(ScoringBand)[1:]]


@pytest.mark.parametrize("value", [*SCORING_BANDS, ScoringBand.B70_85])
def test_band_types_json_round_trip(value: object) -> None:
    assert from_json(to_json(value), type(value)) == value


# --- the row builder and the field an error names ---------------------------------------


@pytest.mark.parametrize(
    ("band", "low", "high"),
    [
        (ScoringBand.B0_5, 0, 5),
        (ScoringBand.B10_25, 10, 25),
        (ScoringBand.B30_45, 30, 45),
        (ScoringBand.B50_65, 50, 65),
        (ScoringBand.B70_85, 70, 85),
        (ScoringBand.B90_100, 90, 100),
    ],
)
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


def test_appendix_c_scoring_band_names_the_rating_by_default() -> None:
    with pytest.raises(InvalidRatingError) as info:
        scoring_band("62.5")
    assert info.value.field == "rating"
    assert str(info.value) == (
        "rating: not on the 5 % grid (0, 5, 10, …, 100), got '62.5' (GB/Z 19579 附录C)"
    )


def test_appendix_c_scoring_band_names_the_callers_field() -> None:
    with pytest.raises(InvalidRatingError) as info:
        scoring_band(105, field="ratings['4.7.2']")
    assert info.value.field == "ratings['4.7.2']"
    assert str(info.value).startswith("ratings['4.7.2']: above the maximum of 100, got 105")
