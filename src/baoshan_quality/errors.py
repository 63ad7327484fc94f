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

from collections.abc import Sequence
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
            The bad value itself; it is shown by its ``repr`` (a Decimal by ``str``),
            cut to 80 characters, with its type unless it is a plain number, string or
            ``None``.
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
        return cls(
            f"{field}: {problem}, got {_show(value)}{where}",
            field=field,
            value=value,
            citation=citation,
        )


def _show(value: object) -> str:
    from decimal import Decimal

    text = str(value) if isinstance(value, Decimal) else repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    if isinstance(value, (str, int, float, Decimal)) or value is None:
        return text
    return f"{text} ({type(value).__name__})"


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
