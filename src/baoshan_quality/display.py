"""The display language: how results print — a preference, never a rule.

Every result prints itself as a text table (``str(result)``, ``print(result)``) and
as an HTML table in a notebook (``result._repr_html_()``); every explanation in it —
reasons, statuses, headers — exists in Chinese and English.  ``str`` and
``_repr_html_`` take no argument, so they use the **display language** set here:
``"zh"`` (the default), ``"en"``, or ``"both"`` (Chinese, a slash, English).

The setting changes how results are *shown*, never what they are: the results, their
equality, their JSON, the numbers and the reasons' ``zh``/``en`` fields are the same
in every language.  ``result.to_text(lang)``, ``to_html(lang)``, ``to_records(lang=)``
and ``to_dataframe(lang=)`` take the language explicitly and ignore the setting; when
``lang`` is left out they use it.  The setting is one value for the whole process
(all threads), like :func:`numpy.set_printoptions`; a notebook sets it once, in any
cell, and it holds for the cells that follow.

>>> from baoshan_quality import UnitScore, rank_units
>>> ranking = rank_units([UnitScore("罗店镇", 95), UnitScore("大场镇", 90)])
>>> previous = set_display_language("en")
>>> print(str(ranking).splitlines()[0])
rank  unit    total  tier  excellent  why
>>> with display_in("zh"):
...     print(str(ranking).splitlines()[0])
排名  单位    总分  档次  优秀  理由
>>> set_display_language(previous)
'en'
>>> display_language()
'zh'
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Literal

__all__ = ["display_in", "display_language", "set_display_language"]

#: A language for explanations: Chinese, English, or both (Chinese first).
Lang = Literal["zh", "en", "both"]
LANGS: tuple[str, ...] = ("zh", "en", "both")

# Module-level (not a ContextVar): a notebook runs each cell in a fresh context, where a
# ContextVar set in one cell would be lost in the next.
_language: list[Lang] = ["zh"]


def check_lang(lang: object) -> Lang:
    """``lang`` itself if it is ``"zh"``, ``"en"`` or ``"both"``; else the library's error."""
    if not isinstance(lang, str) or lang not in LANGS:
        from baoshan_quality.errors import InvalidInputError

        raise InvalidInputError.about("lang", lang, "expected 'zh', 'en' or 'both'")
    return lang  # type: ignore[return-value]


def display_language() -> Lang:
    """The language ``str(result)`` and ``result._repr_html_()`` use (default ``"zh"``).

    Returns
    -------
    str
        ``"zh"``, ``"en"`` or ``"both"``.

    Examples
    --------
    >>> display_language()
    'zh'
    """
    return _language[0]


def set_display_language(lang: Lang) -> Lang:
    """Print explanations in ``lang`` from now on: a display preference only.

    Parameters
    ----------
    lang
        ``"zh"`` (Chinese, the default), ``"en"`` (English) or ``"both"`` (Chinese,
        a slash, English).  It changes how ``str(result)`` and
        ``result._repr_html_()`` show a result, never the result itself.

    Returns
    -------
    str
        The language in use before the call, to restore it later.

    Raises
    ------
    InvalidInputError
        ``lang`` is not one of the three.

    Examples
    --------
    >>> from baoshan_quality import UnitScore, rank_totals
    >>> previous = set_display_language("both")
    >>> print(str(rank_totals({"罗店镇": 95})).splitlines()[0])
    §8 排名、档次与优秀 / Guide §8 ranks, tiers and 优秀
    >>> set_display_language(previous)
    'both'
    """
    checked = check_lang(lang)
    previous = _language[0]
    _language[0] = checked
    return previous


def display_in(lang: Lang) -> AbstractContextManager[Lang]:
    """Print explanations in ``lang`` inside a ``with`` block, then restore the previous one.

    Parameters
    ----------
    lang
        ``"zh"``, ``"en"`` or ``"both"``.

    Returns
    -------
    contextmanager
        Yields the language in use before the block.

    Raises
    ------
    InvalidInputError
        ``lang`` is not one of the three: at the call, before any block runs.

    Examples
    --------
    >>> from baoshan_quality import rank_totals
    >>> with display_in("en"):
    ...     print(str(rank_totals({"罗店镇": 95})).splitlines()[0])
    Guide §8 ranks, tiers and 优秀
    >>> display_language()
    'zh'
    """
    return _display_in(check_lang(lang))


@contextmanager
def _display_in(lang: Lang) -> Iterator[Lang]:
    previous = set_display_language(lang)
    try:
        yield previous
    finally:
        _language[0] = previous
