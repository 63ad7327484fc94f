"""Internal: the pieces the award's results build their one table from.

Every result of the award derives from :class:`baoshan_quality._display.Tabular` and
says what it shows in ``_table()``; these helpers keep the pieces alike across the
modules: a result's reasons as the table's notes, a clause as a plain string, and the
typed tuple converters of the input classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from baoshan_quality._display import Column, Text
from baoshan_quality._validation import to_tuple
from baoshan_quality.citations import Citation, Reason

__all__ = ["CLAUSE", "as_tuple", "clause", "notes", "optional_tuple"]

T = TypeVar("T")

#: The clause column every table that names a clause uses (record key ``clause``).
CLAUSE = Column("clause", "条款", "clause")


def notes(*groups: Iterable[Reason]) -> tuple[Text, ...]:
    """Each reason as a note line: ``[clause] sentence`` in Chinese and in English."""
    return tuple(
        Text(f"[{r.citation}] {r.zh}", f"[{r.citation}] {r.en}") for group in groups for r in group
    )


def clause(citation: Citation) -> str:
    """A clause as a cell: plain text (``Measures Art. 19``), as records want it."""
    return str(citation)


def as_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Converter body: any iterable (not a string or mapping) becomes a tuple.

    Anything else passes through unchanged, for the field's validator to refuse with
    the library's error (so a bad value of any type never escapes as another error).
    """
    return to_tuple(value)


def optional_tuple(value: Iterable[T] | None) -> tuple[T, ...] | None:
    """Converter body: ``None`` (unknown) is kept; otherwise as :func:`as_tuple`."""
    return None if value is None else as_tuple(value)
