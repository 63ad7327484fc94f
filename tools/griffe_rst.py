"""A griffe extension that lets the API reference render the library's docstrings.

The docstrings are written for ``help()`` and doctest: Sphinx roles
(``:class:`X```) and bare doctest blocks (``>>>`` lines).  Markdown reads the
roles as stray colons and ``>>>`` as nested block quotes, so before mkdocstrings
renders a docstring this extension

* turns each role into inline code (``:class:`~a.b.C``` → `` `C` ``,
  ``:func:`a.b.f``` → `` `a.b.f` ``), and
* wraps each doctest block (from a ``>>>`` line to the next blank line) in a
  fenced ``pycon`` block.

Nothing else is touched, so ``help()``, doctest and the rendered page show the same
text.  Loaded by ``mkdocs.yml`` (``plugins.mkdocstrings.handlers.python.options.
extensions``); the transformation itself is :func:`markdown_docstring`, a pure
function tested in ``tests/test_docs_site.py``.
"""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    target = target.strip()
    if tilde:
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


def markdown_docstring(text: str) -> str:
    """Rewrite one docstring (already dedented) for Markdown.

    >>> markdown_docstring("See :class:`~a.b.Ranking` and :func:`a.b.rank_units`.")
    'See `Ranking` and `a.b.rank_units`.'
    """
    out: list[str] = []
    in_block = False
    in_fence = False
    indent = ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if not in_block and stripped.startswith("```"):
            in_fence = not in_fence
        if in_fence or (not in_block and stripped.startswith("```")):
            out.append(line)
            continue
        if in_block and not stripped:
            out.append(indent + "```")
            in_block = False
        if not in_block and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            if out and out[-1].strip():
                out.append("")
            out.append(indent + "```pycon")
            in_block = True
        out.append(line if in_block else _ROLE.sub(_role, line))
    if in_block:
        out.append(indent + "```")
    return "\n".join(out)


try:  # pragma: no cover - exercised by ``mkdocs build`` only
    import griffe
except ImportError:  # pragma: no cover - the docs extra is not installed
    griffe = None

if griffe is not None:  # pragma: no cover - exercised by ``mkdocs build`` only

    class RstToMarkdown(griffe.Extension):  # type: ignore[misc]
        """Apply :func:`markdown_docstring` to every docstring griffe loads."""

        def on_object(self, *, obj: Any, **kwargs: Any) -> None:
            if obj.docstring is not None:
                obj.docstring.value = markdown_docstring(obj.docstring.value)
