"""Internal: the three faces of an award result (``__str__``, ``_repr_html_``, records).

A result class defines ``_table()`` returning ``(caption, headers, rows)``; this
mixin turns it into a short text report (:func:`~baoshan_quality._display.text_table`),
an HTML table for notebooks and plain dicts for pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from baoshan_quality._display import html_table, text_table

__all__ = ["Tabular"]


class Tabular:
    """Mixin: ``__str__``, ``_repr_html_`` and ``to_records()`` from ``_table()``."""

    __slots__ = ()

    def _table(self) -> tuple[str, Sequence[str], Sequence[Sequence[object]]]:
        raise NotImplementedError  # pragma: no cover

    def __str__(self) -> str:
        caption, headers, rows = self._table()
        body = text_table(headers, rows)
        return f"{caption}\n{body}" if caption else body

    def _repr_html_(self) -> str:
        caption, headers, rows = self._table()
        return html_table(headers, rows, caption=caption)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per row of the table (``pandas.DataFrame(result.to_records())``)."""
        _, headers, rows = self._table()
        return [dict(zip(headers, row, strict=True)) for row in rows]
