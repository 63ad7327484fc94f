"""Plain-text and HTML tables for results (``__str__`` and ``_repr_html_``).

No dependency: notebooks render ``_repr_html_``; ``to_records()`` gives plain
dicts that ``pandas.DataFrame(...)`` accepts without the library importing pandas.

>>> print(text_table(["rank", "unit"], [[1, "罗店镇"], [2, "友谊路街道"]]))
rank  unit
----  ----------
1     罗店镇
2     友谊路街道
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence

__all__ = ["html_table", "text_table", "width"]


def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int) -> str:
    return text + " " * (size - width(text))


def text_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A left-aligned text table whose columns line up for CJK text too."""
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
    """An HTML table (every cell escaped)."""
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
