"""The library's one error hierarchy.

Every error the library raises on purpose is a :class:`BaoshanQualityError`,
which subclasses :class:`ValueError`, so ``except ValueError`` also catches it.
Each message names the field, the bad value and the rule (with its clause where
there is one); the same facts are kept as attributes (``field``, ``value``,
``citation``) for programs.

>>> from baoshan_quality.citations import guide
>>> err = InvalidScoreError.about(
...     "scores['2.1.1']", 7, "above its maximum of 6", guide("Appendix B 2.1")
... )
>>> print(err)
scores['2.1.1']: above its maximum of 6, got 7 (Guide Appendix B 2.1)
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

import decimal
import math
import reprlib
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # for annotations only: citations imports this module
    from baoshan_quality.citations import Citation

__all__ = [
    "BaoshanQualityError",
    "DuplicateUnitError",
    "InvalidInputError",
    "InvalidRatingError",
    "InvalidScoreError",
    "InvalidTransitionError",
    "MissingCriterionError",
    "OutsideValidityError",
    "StructureError",
    "TableError",
    "UnknownCriterionError",
    "UnknownUnitError",
    "UnpublishedCalendarError",
    "UnresolvedTieError",
]

_UNSET: object = object()
_E = TypeVar("_E", bound="BaoshanQualityError")


class BaoshanQualityError(ValueError):
    """Root of every error the library raises (a :class:`ValueError`)."""

    field: str | None
    value: object
    citation: Citation | None

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = _UNSET,
        citation: Citation | None = None,
    ) -> None:
        message = _bounded(message)
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = None if value is _UNSET else value
        self.citation = citation

    def __str__(self) -> str:
        return self.message

    @classmethod
    def about(
        cls: type[_E],
        field: str,
        value: object,
        problem: str,
        citation: Citation | None = None,
    ) -> _E:
        """The error with the standard message ``field: problem, got value (clause)``.

        Parameters
        ----------
        field
            Where the bad value is (``"scores['2.1.1']"``, ``"UnitScore.total"``).
        value
            The bad value itself, shown by :func:`show`: by its ``repr`` (a Decimal by
            ``str``), cut to 80 characters with "…", with its type unless it is a plain
            number, string or ``None``; any value can be shown, whatever its size.
        problem
            What is wrong with it, said against the rule (``"above its maximum of 6"``).
        citation
            The clause of the rule, if there is one.

        Returns
        -------
        BaoshanQualityError
            An instance of the class it is called on (to ``raise``), with ``field``,
            ``value`` and ``citation`` kept as attributes.

        Examples
        --------
        >>> err = InvalidInputError.about("UnitScore.unit", "", "expected a non-blank name")
        >>> str(err), err.field, err.citation is None
        ("UnitScore.unit: expected a non-blank name, got ''", 'UnitScore.unit', True)
        """
        where = f" ({citation})" if citation is not None else ""
        if not isinstance(field, str):  # a caller's field= of another type, shown safely
            field = show(field)
        return cls(
            f"{field}: {problem}, got {show(value)}{where}",
            field=field,
            value=value,
            citation=citation,
        )


#: The longest message an error of the library carries, in characters.  Values are
#: shown cut to :data:`MAX_VALUE` characters (with "…") and lists of problems name
#: their first :data:`MAX_LISTED` items and count the rest, so a message stays far
#: below this; a longer one is cut here, whatever built it.
MAX_MESSAGE = 2000
#: The longest text a value is shown as inside a message.
MAX_VALUE = 80
#: How many items of a list (bad items, tied units …) a message names.
MAX_LISTED = 5

# An int of more bits than this has more decimal digits than Python converts to text
# (4,300; ``sys.set_int_max_str_digits``), whatever the caller set it to.
_INT_TEXT_BITS = 13_000


class _Repr(reprlib.Repr):
    """``repr`` with every size bounded: containers cut after a few items and levels
    (so a list that contains itself, or nests 10,000 deep, is shown in a line), huge
    integers by their number of digits, long text cut with "…"."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxtuple = self.maxlist = self.maxarray = self.maxdict = MAX_LISTED
        self.maxset = self.maxfrozenset = self.maxdeque = MAX_LISTED
        self.maxstring = self.maxother = self.maxlong = MAX_VALUE
        self.fillvalue = "…"

    def repr_int(self, x: int, level: int) -> str:
        return _int_text(x)

    def repr_str(self, x: str, level: int) -> str:
        return _cut(repr(x[: MAX_VALUE + 1]))

    def repr_Decimal(self, x: Decimal, level: int) -> str:  # noqa: N802 - reprlib's naming
        return f"Decimal('{_decimal_text(x)}')"

    def repr_instance(self, x: object, level: int) -> str:
        try:
            text = repr(x)
        except Exception:
            return f"<{type(x).__name__} object>"
        return _cut(text)


_REPR = _Repr()


def _cut(text: str, limit: int = MAX_VALUE) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _int_text(value: int) -> str:
    if value.bit_length() > _INT_TEXT_BITS:
        digits = int(value.bit_length() * math.log10(2)) + 1
        return f"{'-' if value < 0 else ''}an integer of about {digits:,} digits"
    text = repr(value)
    if len(text) <= MAX_VALUE:
        return text
    digits = len(text.lstrip("-"))
    return f"{text[:24]}…{text[-8:]} ({digits:,} digits)"


def _decimal_text(value: Decimal) -> str:
    sign, digits, exponent = value.as_tuple()
    if len(digits) > MAX_VALUE:  # str() of a million digits is slow and useless here
        head = "".join(map(str, digits[:24]))
        return f"{'-' if sign else ''}{head}…E{exponent:+} ({len(digits):,} digits)"
    with decimal.localcontext(_TEXT_CONTEXT):  # "1E-39", not the caller's "1e-39"
        return _cut(str(value))


# Decimal's str() reads the current context (``capitals``): show it the same way under
# whatever context the caller set.
_TEXT_CONTEXT = decimal.Context(capitals=1)


def show(value: object) -> str:
    """``value`` as an error message shows it: short, on one line, never failing.

    A Decimal by ``str``, anything else by a bounded ``repr`` (at most
    :data:`MAX_VALUE` characters, "…" where cut), followed by its type unless it is
    a plain number, string or ``None``.  Integers too long for Python's ``str``,
    self-referencing and very deep containers, and objects whose ``repr`` raises are
    shown too.

    >>> show("罗店镇"), show(Decimal("92.5")), show(10**5000)
    ("'罗店镇'", '92.5', 'an integer of about 5,001 digits')
    >>> show({"total": 10**5000})
    "{'total': an integer of about 5,001 digits} (dict)"
    """
    kind = type(value)
    if value is None or kind is bool or kind is float or (kind is int and -(2**64) < value < 2**64):  # type: ignore[operator]
        return repr(value)
    if kind is str and len(value) <= MAX_VALUE:  # type: ignore[arg-type]
        return _cut(repr(value))
    if isinstance(value, Decimal):
        return _decimal_text(value)
    try:
        text = _cut(_REPR.repr(value))
    except Exception:
        text = f"<{type(value).__name__} object>"
    if isinstance(value, (str, int, float)) or value is None:
        return text
    return f"{text} ({type(value).__name__})"


def listed(items: Sequence[object], limit: int = MAX_LISTED, *, shown: bool = False) -> str:
    """The first ``limit`` items joined with ", ", and how many more there are.

    ``shown=True`` shows each item with :func:`show` (else by ``str``, cut).

    >>> listed(["a", "b"]), listed(range(8))
    ('a, b', '0, 1, 2, 3, 4 and 3 more')
    """
    head = [show(x) if shown else _cut(str(x)) for x in items[:limit]]
    rest = len(items) - len(head)
    return ", ".join(head) + (f" and {rest:,} more" if rest > 0 else "")


def _bounded(message: str) -> str:
    """Cut to :data:`MAX_MESSAGE`; lone surrogates escaped so that it always encodes."""
    message = _cut(message, MAX_MESSAGE)
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        message = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return message


class InvalidInputError(BaoshanQualityError):
    """An input value is of the wrong type, out of range, or inconsistent."""


class InvalidScoreError(InvalidInputError):
    """A score lies outside what its clause allows (e.g. above a criterion's points)."""


class InvalidRatingError(InvalidInputError):
    """A percentage rating is off its scale (maturity band, GB/T 19580 5 % grid)."""


class UnknownCriterionError(InvalidInputError):
    """A code names no criterion, item or indicator of the table in use."""


class MissingCriterionError(InvalidInputError):
    """A criterion, item or indicator of the table was not given a value."""


class DuplicateUnitError(InvalidInputError):
    """The same unit (or candidate, reviewer) appears twice."""


class UnknownUnitError(InvalidInputError, KeyError):
    """A lookup by unit name found no such unit (also a :class:`KeyError`)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class StructureError(InvalidInputError):
    """A JSON document does not have the shape of the requested type.

    ``paths`` lists each problem with its JSON path (``$.scores['1.1.1']``).
    """

    def __init__(self, message: str, *, paths: Sequence[str] = (), **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.paths = tuple(paths)


class UnresolvedTieError(BaoshanQualityError):
    """A tie on a boundary that the chosen policy refuses to break by itself."""

    def __init__(
        self,
        message: str,
        *,
        units: Sequence[str] = (),
        boundary: int | None = None,
        citation: Citation | None = None,
    ) -> None:
        super().__init__(message, field="units", value=tuple(units), citation=citation)
        self.units = tuple(units)
        self.boundary = boundary


class OutsideValidityError(BaoshanQualityError):
    """A date lies outside the span in which a document applies."""


class UnpublishedCalendarError(BaoshanQualityError):
    """A date falls in a year whose official holiday schedule is not known (R12)."""


class InvalidTransitionError(BaoshanQualityError):
    """A procedure step that the procedure's clause does not allow."""


class TableError(BaoshanQualityError):
    """A caller-supplied table (rubric, score table, scheme) is inconsistent."""
