"""Small helpers shared by the excellence modules: exact rounding, reasons as notes.

>>> plain(Decimal("65.00")), plain(Decimal("32.50")), plain(Decimal("100"))
(Decimal('65'), Decimal('32.5'), Decimal('100'))
>>> round_fraction(Fraction(200, 3), Fraction(1, 100))
Decimal('66.67')
>>> round_fraction(Fraction(125, 2), Fraction(5))
Decimal('65')
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from baoshan_quality._decimals import exact
from baoshan_quality._display import Text
from baoshan_quality.citations import Reason

__all__ = ["notes", "plain", "round_fraction", "to_fraction"]


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros after the point, never in exponent form."""
    with exact():
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.normalize()


def to_fraction(value: Decimal) -> Fraction:
    """The exact rational value of a finite Decimal."""
    return Fraction(value)


def round_fraction(value: Fraction, step: Fraction) -> Decimal:
    """Round a non-negative exact ``value`` to a multiple of ``step``, halves up.

    Done on the exact fraction, so there is no double rounding.
    """
    count = math.floor(value / step + Fraction(1, 2))
    result = Fraction(count) * step
    with exact():
        return plain(Decimal(result.numerator) / Decimal(result.denominator))


def notes(reasons: Iterable[Reason]) -> tuple[Text, ...]:
    """The reasons as a table's notes: ``[clause] sentence`` in each language."""
    return tuple(Text(f"[{r.citation}] {r.zh}", f"[{r.citation}] {r.en}") for r in reasons)
