"""decimals: exact Decimal parsing (SPEC §1.2) and half-up rounding (R6).

A number is read only when the library can hold it exactly (issue 15, item 4): at
most 60 significant digits (the library's precision), 60 places and 60 integer
digits; text in plain notation of at most 63 characters.  The text bound was 40
characters; it is 63 so that every number the library computes (a non-terminating
quotient is carried to 60 significant digits, R6's alternative) reads back from its
own JSON.
"""

from __future__ import annotations

import decimal
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
     "1" * 61, "1" * 64, "0." + "0" * 60 + "1", "1." + "0" * 60],
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
    """A float is read through its repr; one the library cannot hold is refused."""
    through_repr = Decimal(repr(x))
    _, digits, exponent = through_repr.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= -60 and len(digits) + exponent <= 60:  # ≤ 17 digits: always ≤ 60
        assert to_decimal(x, field="x") == through_repr
    else:
        with pytest.raises(InvalidInputError, match=r"^x: more than 60 digits (after|before)"):
            to_decimal(x, field="x")


# --- held exactly (issue 15: "Exact means exact") ------------------------------------


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (Decimal("5E-9999999"), "more than 60 digits after the decimal point"),
        (Decimal("1E-61"), "more than 60 digits after the decimal point"),
        (Decimal("0E-61"), "more than 60 digits after the decimal point"),
        (Decimal("1E+60"), "more than 60 digits before the decimal point"),
        (Decimal("9E+999999999"), "more than 60 digits before the decimal point"),
        (Decimal("1" * 61), "more than 60 significant digits"),
        (Decimal("0." + "1" * 61), "more than 60 significant digits"),
        (Decimal((0, (1,) * 5000, -2)), "more than 60 significant digits"),
        (10**60, "more than 60 digits"),
        (-(10**60), "more than 60 digits"),
        (10**5000, "more than 60 digits"),
        (1e300, "more than 60 digits before the decimal point"),
        (5e-324, "more than 60 digits after the decimal point"),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else type(v).__name__,
)
def test_a_number_that_cannot_be_held_exactly_is_refused_never_rounded(
    value: object, problem: str
) -> None:
    with pytest.raises(InvalidInputError, match=rf"^points: {problem}") as caught:
        to_decimal(value, field="points")
    assert caught.value.field == "points"
    assert len(str(caught.value)) < 300  # a 5,000-digit value is shown in a few words


@pytest.mark.parametrize(
    "value",
    [Decimal("1E-60"), Decimal("0E-60"), Decimal("1E+59"), Decimal("9" * 60),
     Decimal("0." + "9" * 60), "-0." + "0" * 59 + "1", "9" * 60, 10**60 - 1, -(10**60) + 1,
     "1" * 30 + "." + "1" * 30],
    ids=lambda v: type(v).__name__,
)  # fmt: skip
def test_numbers_at_the_bounds_are_read_exactly(value: object) -> None:
    assert to_decimal(value, field="x") == Decimal(value)


def test_the_bounds_are_the_librarys_precision() -> None:
    from baoshan_quality._decimals import (
        MAX_INTEGER_DIGITS,
        MAX_PLACES,
        MAX_TEXT,
        PRECISION,
        exact,
    )

    with exact() as context:
        assert context.prec == PRECISION == 60
    assert MAX_PLACES == MAX_INTEGER_DIGITS == PRECISION
    assert len("-0." + "1" * MAX_PLACES) == MAX_TEXT


def test_reading_does_not_depend_on_the_callers_context() -> None:
    """prec=1 and every trap on: the value read is the same, the caller's flags stay clear."""
    expected = [to_decimal(v, field="x") for v in ("92.55", 92.55, Decimal("92.550"), 10**59)]
    with decimal.localcontext(decimal.Context(prec=1, traps=list(decimal.getcontext().flags))):
        got = [to_decimal(v, field="x") for v in ("92.55", 92.55, Decimal("92.550"), 10**59)]
        assert not any(decimal.getcontext().flags.values())
        assert str(round_half_up(Decimal("2.345"))) == "2.35"
        assert not any(decimal.getcontext().flags.values())
    assert got == expected
