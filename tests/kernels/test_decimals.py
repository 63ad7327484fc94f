"""decimals: exact Decimal parsing (SPEC §1.2) and half-up rounding (R6)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality import InvalidInputError
from baoshan_quality._decimals import round_half_up, to_decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (92.5, "92.5"),
        (0.1, "0.1"),
        (2.675, "2.675"),  # not 2.67499999999999982236431605997495353221893310546875
        (7, "7"),
        ("7.00", "7.00"),
        (Decimal("1.5"), "1.5"),
        ("-0", "0"),
        (-0.0, "0.0"),
    ],
)
def test_accepted_numbers(value: object, expected: str) -> None:
    assert str(to_decimal(value, field="x")) == expected


@pytest.mark.parametrize(
    "value",
    [True, False, None, "", " 1", "1 ", "+1", "1e3", "0x10", "1_000", "inf", "NaN", "٣",
     float("nan"), float("-inf"), Decimal("sNaN"), Decimal("Infinity"), [1], {"a": 1},
     "1" * 41],
)  # fmt: skip
def test_refused_values_name_the_field(value: object) -> None:
    with pytest.raises(InvalidInputError, match=r"^total: "):
        to_decimal(value, field="total")


def test_bounds_are_inclusive() -> None:
    assert to_decimal(0, field="x", minimum=0, maximum=6) == 0
    assert to_decimal(6, field="x", minimum=0, maximum=6) == 6
    with pytest.raises(InvalidInputError, match="above the maximum of 6"):
        to_decimal("6.001", field="x", maximum=6)
    with pytest.raises(InvalidInputError, match="below the minimum of 0"):
        to_decimal("-0.001", field="x", minimum=0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2.345", "2.35"),
        ("2.344", "2.34"),
        ("2.335", "2.34"),
        ("0.005", "0.01"),
        ("-2.345", "-2.35"),
        ("3", "3.00"),
    ],
)
def test_round_half_up_r6(value: str, expected: str) -> None:
    assert str(round_half_up(Decimal(value))) == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_property_float_goes_through_its_repr(x: float) -> None:
    assert to_decimal(x, field="x") == Decimal(repr(x))
