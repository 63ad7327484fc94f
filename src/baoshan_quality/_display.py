"""The one display convention of the library's results: text, HTML and records.

A result class derives from :class:`Tabular` and says what it shows in one method,
``_table()``, returning a :class:`Table`: a bilingual caption, columns (each with a
record key and a Chinese and an English header), rows of cells, and notes (the
result's reasons).  The mixin turns that one table into

* ``str(result)`` and :meth:`Tabular.to_text` — a text table whose columns line up
  for CJK text too (East Asian wide characters count 2);
* ``result._repr_html_()`` and :meth:`Tabular.to_html` — an HTML table for notebooks
  (every cell escaped);
* :meth:`Tabular.to_records` — one plain dict per row, keyed by the columns' record
  keys, for ``pandas.DataFrame(result.to_records())`` without the library importing
  pandas; ``numbers="float"`` gives plottable floats instead of exact Decimals.

A cell is a plain value (``int``, ``Decimal``, ``str``, ``bool``, ``date``, ``None``)
or a :class:`Text` holding a Chinese and an English rendering.  Every explanation is
shown in the language asked for — ``"zh"``, ``"en"`` or ``"both"`` — and ``str`` and
``_repr_html_`` (which take no argument) use the display language of
:mod:`baoshan_quality.display`, Chinese unless a caller sets another with
:func:`~baoshan_quality.display.set_display_language`.
:meth:`Tabular.to_dataframe` gives the records as a ``pandas.DataFrame`` (pandas is
imported only then; the library does not depend on it).

>>> table = Table(
...     caption=Text("示例", "example"),
...     columns=(Column("rank", "排名", "rank"), Column("unit", "单位", "unit")),
...     rows=((1, "罗店镇"), (2, "友谊路街道")),
... )
>>> print(render_text(table, "zh"))
示例
排名  单位
----  ----------
1     罗店镇
2     友谊路街道
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from baoshan_quality.display import Lang, display_language, set_display_language
from baoshan_quality.display import check_lang as _check_lang

__all__ = [
    "Column",
    "Lang",
    "Table",
    "Tabular",
    "Text",
    "display_language",
    "html_table",
    "render_html",
    "render_text",
    "set_display_language",
    "text_table",
    "width",
]


@attrs.frozen
class Text:
    """A cell (or caption) with a Chinese and an English rendering."""

    zh: str
    en: str

    def pick(self, lang: Lang) -> str:
        """The rendering in ``lang`` (``"both"``: Chinese, a slash, English)."""
        if lang == "zh":
            return self.zh
        if lang == "en":
            return self.en
        return self.zh if self.zh == self.en else f"{self.zh} / {self.en}"


@attrs.frozen
class Column:
    """A column: its record key (an identifier) and its Chinese and English headers.

    ``shown=False`` keeps a column out of the text and HTML tables (it is only in the
    records, e.g. an English name beside the Chinese one the table shows).
    """

    key: str
    zh: str
    en: str
    shown: bool = True

    def header(self, lang: Lang) -> str:
        """The header in ``lang``."""
        return Text(self.zh, self.en).pick(lang)


@attrs.frozen
class Table:
    """What a result shows: caption, columns, rows and notes (its reasons)."""

    columns: tuple[Column, ...]
    rows: Sequence[Sequence[object]]
    caption: Text | None = None
    notes: tuple[Text, ...] = ()


def _cell(value: object, lang: Lang) -> str:
    if isinstance(value, Text):
        return value.pick(lang)
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)


def _record_value(value: object, lang: Lang, numbers: str) -> object:
    if isinstance(value, Text):
        return value.pick(lang)
    if numbers == "float" and isinstance(value, Decimal):
        return float(value)
    return value


def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int) -> str:
    return text + " " * (size - width(text))


def _shown(table: Table) -> list[int]:
    return [i for i, column in enumerate(table.columns) if column.shown]


def render_text(table: Table, lang: Lang) -> str:
    """The text form: caption, a left-aligned table, then the notes, one per line."""
    shown = _shown(table)
    cells = [[table.columns[i].header(lang) for i in shown]]
    cells += [[_cell(row[i], lang) for i in shown] for row in table.rows]
    sizes = [max(width(row[j]) for row in cells) for j in range(len(shown))]

    def line(row: list[str]) -> str:
        return "  ".join(_pad(c, s) for c, s in zip(row, sizes, strict=True)).rstrip()

    lines = [table.caption.pick(lang)] if table.caption is not None else []
    lines.append(line(cells[0]))
    lines.append("  ".join("-" * s for s in sizes))
    lines += [line(row) for row in cells[1:]]
    lines += [note.pick(lang) for note in table.notes]
    return "\n".join(lines)


def render_html(table: Table, lang: Lang) -> str:
    """The HTML form: one table (caption, head, body), then the notes as a list."""
    shown = _shown(table)
    esc = html.escape
    cap = f"<caption>{esc(table.caption.pick(lang))}</caption>" if table.caption else ""
    head = "".join(f"<th>{esc(table.columns[i].header(lang))}</th>" for i in shown)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(_cell(row[i], lang))}</td>" for i in shown) + "</tr>"
        for row in table.rows
    )
    notes = "".join(f"<li>{esc(note.pick(lang))}</li>" for note in table.notes)
    tail = f"<ul>{notes}</ul>" if notes else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{tail}"


class Tabular:
    """Mixin: text, HTML and records of a result from its one ``_table()``."""

    __slots__ = ()

    def _table(self) -> Table:
        raise NotImplementedError  # pragma: no cover - every result defines it

    def to_text(self, lang: Lang | None = None) -> str:
        """The result as a short text report in ``lang`` (default: the display language)."""
        return render_text(self._table(), display_language() if lang is None else _check_lang(lang))

    def to_html(self, lang: Lang | None = None) -> str:
        """The result as an HTML table in ``lang`` (default: the display language)."""
        return render_html(self._table(), display_language() if lang is None else _check_lang(lang))

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_records(
        self, *, lang: Lang | None = None, numbers: Literal["decimal", "float"] = "decimal"
    ) -> list[dict[str, Any]]:
        """One plain dict per row, keyed by the columns' record keys.

        Parameters
        ----------
        lang
            The language of the explanations (default: the display language).
        numbers
            ``"decimal"`` (default) keeps points and money exact; ``"float"`` turns them
            into floats, which ``pandas`` can plot.

        Returns
        -------
        list[dict[str, Any]]
            ``pandas.DataFrame(result.to_records())`` takes it as it is.
        """
        return _records(self._table(), lang, numbers)

    def to_dataframe(
        self, *, lang: Lang | None = None, numbers: Literal["decimal", "float"] = "float"
    ) -> Any:
        """The records as a ``pandas.DataFrame``, one column per record key.

        pandas is imported only when this is called: the library does not depend on it.

        Parameters
        ----------
        lang
            The language of the explanations (default: the display language).
        numbers
            ``"float"`` (default here) gives float columns that pandas can plot, e.g.
            ``ranking.to_dataframe().plot.barh(x="unit", y="total")``; ``"decimal"``
            keeps the exact Decimals (an ``object`` column).

        Returns
        -------
        pandas.DataFrame
            The columns in the order of the table, including the record-only ones.

        Raises
        ------
        BaoshanQualityError
            pandas is not installed (``pip install pandas``).
        InvalidInputError
            A ``lang`` or ``numbers`` that is not one of the choices.
        """
        table = self._table()
        records = _records(table, lang, numbers)
        try:  # optional: imported only when asked for
            import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError as missing:
            from baoshan_quality.errors import BaoshanQualityError

            raise BaoshanQualityError(
                "to_dataframe needs pandas, which the library does not install: "
                "pip install pandas (or use to_records(), plain dicts)"
            ) from missing
        return pandas.DataFrame.from_records(records, columns=[c.key for c in table.columns])


def _records(table: Table, lang: Lang | None, numbers: object) -> list[dict[str, Any]]:
    """One dict per row of ``table`` in ``lang`` (default: the display language)."""
    chosen = display_language() if lang is None else _check_lang(lang)
    if numbers not in ("decimal", "float"):
        from baoshan_quality.errors import InvalidInputError

        raise InvalidInputError.about("numbers", numbers, "expected 'decimal' or 'float'")
    keys = [column.key for column in table.columns]
    return [
        {
            key: _record_value(value, chosen, str(numbers))
            for key, value in zip(keys, row, strict=True)
        }
        for row in table.rows
    ]


# --- transitional: the old helpers, until every result derives from Tabular ----------


def text_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A left-aligned text table whose columns line up for CJK text too (transitional)."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    sizes = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(_pad(c, s) for c, s in zip(row, sizes, strict=True)).rstrip() for row in cells[:1]
    ]
    lines.append("  ".join("-" * s for s in sizes))
    lines += [
        "  ".join(_pad(c, s) for c, s in zip(row, sizes, strict=True)).rstrip() for row in cells[1:]
    ]
    return "\n".join(lines)


def html_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], *, caption: str = ""
) -> str:
    """An HTML table, every cell escaped (transitional)."""
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
