"""Exact numbers: points, percentages and money as :class:`decimal.Decimal`.

Inputs may be ``int``, ``str`` or ``Decimal``; a ``float`` is taken through its
shortest repr (``92.5`` → ``Decimal("92.5")``, never the binary expansion).
``bool``, NaN, infinities, exponents in strings and anything else are refused
with an :class:`~baoshan_quality.errors.InvalidInputError` that names the field.

**Held exactly.**  Every number the library reads must fit its precision, so that
nothing is rounded on the way in and every number can be written back as JSON text
that reads again: at most :data:`PRECISION` (60) significant digits, at most
:data:`MAX_PLACES` (60) digits after the decimal point and :data:`MAX_INTEGER_DIGITS`
(60) before it; as text, plain notation of at most :data:`MAX_TEXT` (63) characters.
A number outside these bounds (``Decimal("5E-9999999")``, ``10**5000``, ``1e300``)
is refused, never rounded.  The arithmetic runs in the library's own context
(:func:`exact`), whatever the caller's.

>>> to_decimal(92.5, field="total")
Decimal('92.5')
>>> to_decimal("0.1", field="x") + to_decimal(0.2, field="y")
Decimal('0.3')
>>> to_decimal(True, field="total")
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidInputError: total: expected a number (int, str or Decimal), got True
>>> to_decimal("7", field="score", maximum=Decimal(6))
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidInputError: score: above the maximum of 6, got '7'
"""

from __future__ import annotations

import decimal
import math
import re
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeAlias

from baoshan_quality.citations import Citation
from baoshan_quality.errors import BaoshanQualityError, InvalidInputError

__all__ = [
    "MAX_INTEGER_DIGITS",
    "MAX_PLACES",
    "MAX_TEXT",
    "PRECISION",
    "DecimalInput",
    "exact",
    "held_exactly",
    "plain_text",
    "round_half_up",
    "to_decimal",
]

#: What a points, percentage or money field accepts (type a converter's input with it):
#: ``Decimal``, ``int``, plain decimal text, or a ``float`` (read through its repr).
DecimalInput: TypeAlias = Decimal | int | str | float

#: Significant digits of every number the library holds, and of its arithmetic.
PRECISION = 60
#: Digits after the decimal point a number may have.
MAX_PLACES = 60
#: Digits before the decimal point a number may have (so it is below 10**60).
MAX_INTEGER_DIGITS = 60
#: Characters of a number written as text: a sign, "0." and 60 places at most.
MAX_TEXT = 63
#: Plain text of at most this many characters has at most 60 digits in all, so it is
#: held exactly whatever they are (a fast path: no digit count needed).
SURELY_HELD = min(PRECISION, MAX_PLACES, MAX_INTEGER_DIGITS)

# Plain decimal notation only: no exponent (bounds the work and the size), no
# leading "+", no surrounding spaces.
_DECIMAL_TEXT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_INT_LIMIT = 10**MAX_INTEGER_DIGITS

# Arithmetic the caller's decimal context cannot disturb: generous precision,
# and anything invalid traps instead of silently going on.
_EXACT = decimal.Context(
    prec=PRECISION,
    rounding=ROUND_HALF_UP,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
    capitals=1,
    clamp=0,
)


def held_exactly(value: Decimal) -> str | None:
    """Why a finite Decimal cannot be held exactly by the library, or ``None`` if it can.

    >>> held_exactly(Decimal("92.5")) is None
    True
    >>> held_exactly(Decimal("5E-9999999"))
    'more than 60 digits after the decimal point (the library holds numbers exactly to 60 places)'
    """
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    if len(digits) > PRECISION:
        return (
            f"more than {PRECISION} significant digits (the library's precision; "
            "it never rounds a number it is given)"
        )
    if exponent < -MAX_PLACES:
        return (
            f"more than {MAX_PLACES} digits after the decimal point "
            f"(the library holds numbers exactly to {MAX_PLACES} places)"
        )
    if len(digits) + exponent > MAX_INTEGER_DIGITS:
        return f"more than {MAX_INTEGER_DIGITS} digits before the decimal point"
    return None


def plain_text(value: Decimal) -> str:
    """A finite Decimal in plain notation (no exponent), as JSON holds it.

    Independent of the caller's context (``capitals``, precision).

    >>> plain_text(Decimal("1E+2")), plain_text(Decimal("1E-7")), plain_text(Decimal("92.50"))
    ('100', '0.0000001', '92.50')
    """
    return format(value, "f")


def exact() -> AbstractContextManager[decimal.Context]:
    """Run the enclosed arithmetic in the library's own decimal context.

    Entry points use it so that a notebook that set ``getcontext().prec = 3``
    still gets exact sums.  (``decimal.localcontext`` itself: a copy of the
    library's context for each ``with``, and cheaper than a generator.)

    >>> import decimal
    >>> with decimal.localcontext() as caller:
    ...     caller.prec = 3
    ...     with exact():
    ...         print(Decimal("92.55") + Decimal("0.001"))
    92.551
    """
    return decimal.localcontext(_EXACT)


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimals, half up (四舍五入).

    >>> round_half_up(Decimal("2.345"))
    Decimal('2.35')
    >>> round_half_up(Decimal("-2.345"))
    Decimal('-2.35')
    """
    with exact():
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def to_decimal(
    value: object,
    *,
    field: str,
    citation: Citation | None = None,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    error: type[BaoshanQualityError] = InvalidInputError,
) -> Decimal:
    """Parse ``value`` into a finite Decimal within ``[minimum, maximum]`` (SPEC §1.2).

    Parameters
    ----------
    value
        Any object: a :data:`DecimalInput` is read, anything else refused (this is
        the run-time check behind every number field).
    field
        The name the error message gives the value (``"UnitScore.total"``).
    citation
        The clause the bounds come from, quoted in the error message.
    minimum, maximum
        Inclusive bounds, or ``None`` for none.
    error
        The library error class to raise (default :class:`InvalidInputError`).

    Returns
    -------
    Decimal
        The exact value (``-0`` becomes ``0``; trailing zeros are kept).

    Raises
    ------
    InvalidInputError
        (or ``error``) for a bool, NaN or an infinity, text that is not a plain
        decimal of at most 63 characters, a number the library cannot hold exactly
        (more than 60 significant digits, 60 places or 60 integer digits: see the
        module), any other type, or a value out of bounds.

    Examples
    --------
    >>> to_decimal("92.50", field="total", minimum=0, maximum=100)
    Decimal('92.50')
    >>> to_decimal(-1, field="total", minimum=0)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: total: below the minimum of 0, got -1
    """
    result: Decimal
    if isinstance(value, bool):
        raise error.about(field, value, "expected a number (int, str or Decimal)", citation)
    if isinstance(value, int):
        if not -_INT_LIMIT < value < _INT_LIMIT:
            raise error.about(field, value, f"more than {MAX_INTEGER_DIGITS} digits", citation)
        result = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise error.about(field, value, "expected a finite number", citation)
        result = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise error.about(field, value, "expected a finite number", citation)
        result = Decimal(repr(value))
    elif isinstance(value, str):
        if not _DECIMAL_TEXT.fullmatch(value):
            raise error.about(
                field,
                value,
                "expected a plain decimal number such as '92.5' (no exponent, no spaces)",
                citation,
            )
        if len(value) > MAX_TEXT:
            raise error.about(
                field, value, f"more than {MAX_TEXT} characters for a number", citation
            )
        result = Decimal(value)
        if len(value) <= SURELY_HELD:  # plain text this short is held exactly
            return _bounded(result, value, field, citation, minimum, maximum, error)
    else:
        raise error.about(field, value, "expected a number (int, str or Decimal)", citation)
    problem = held_exactly(result)
    if problem is not None:
        raise error.about(field, value, problem, citation)
    return _bounded(result, value, field, citation, minimum, maximum, error)


def _bounded(
    result: Decimal,
    value: object,
    field: str,
    citation: Citation | None,
    minimum: Decimal | int | None,
    maximum: Decimal | int | None,
    error: type[BaoshanQualityError],
) -> Decimal:
    """``result`` (``-0`` as ``0``) within ``[minimum, maximum]``, else ``error``."""
    if result.is_zero() and result.is_signed():
        result = result.copy_abs()
    if minimum is not None and result < minimum:
        raise error.about(field, value, f"below the minimum of {minimum}", citation)
    if maximum is not None and result > maximum:
        raise error.about(field, value, f"above the maximum of {maximum}", citation)
    return result
