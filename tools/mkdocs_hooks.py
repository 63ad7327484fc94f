"""MkDocs hooks for the documentation site (loaded by ``mkdocs.yml``).

The pages' examples are doctests that ``python -m pytest`` runs (``--doctest-glob``):
fenced as ```` ```python ```` blocks whose lines start with ``>>>``.  The hook
renders those blocks with the ``pycon`` (Python console) lexer, so prompts and
outputs are highlighted as a session rather than as code; their text is unchanged.
"""

from __future__ import annotations

import re
from typing import Any

_DOCTEST_FENCE = re.compile(r"^(\s*)```python[ \t]*\n(?=\s*>>>)", re.MULTILINE)


def doctest_fences_as_console(markdown: str) -> str:
    """Relabel ```` ```python ```` fences whose first line is a ``>>>`` prompt.

    >>> doctest_fences_as_console("```python\\n>>> 1\\n1\\n```\\n```python\\nx = 1\\n```")
    '```pycon\\n>>> 1\\n1\\n```\\n```python\\nx = 1\\n```'
    """
    return _DOCTEST_FENCE.sub(r"\1```pycon\n", markdown)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    return doctest_fences_as_console(markdown)
