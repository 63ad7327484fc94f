"""A wrong *call* stays Python's ``TypeError``; the library's errors are for bad *values*.

As in attrs: calling a class or function with an unknown keyword, too many positional
arguments or a required argument missing raises Python's own ``TypeError`` (with
Python 3.13's "Did you mean …?" hint), never a ``BaoshanQualityError``; a call that
binds but carries a bad value raises the library's error naming the field.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import attrs
import pytest

import baoshan_quality
from baoshan_quality import BaoshanQualityError, UnitScore, rank_units
from baoshan_quality.errors import InvalidInputError


def _library_classes() -> list[type]:
    found = {}
    for info in pkgutil.walk_packages(baoshan_quality.__path__, "baoshan_quality."):
        if info.name.endswith(("__main__", ".cli")):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and attrs.has(value)
                and value.__module__.startswith("baoshan_quality.")
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[k] for k in sorted(found)]


CLASSES = _library_classes()


def test_there_are_classes_to_check() -> None:
    assert len(CLASSES) >= 100


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__qualname__)
def test_an_unknown_keyword_is_pythons_type_error(cls: type) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'no_such_argument'") as caught:
        cls(no_such_argument=1)
    assert not isinstance(caught.value, BaoshanQualityError)
    assert not isinstance(caught.value, ValueError)


def test_a_misspelt_keyword_keeps_pythons_message() -> None:
    with pytest.raises(TypeError) as caught:
        UnitScore("罗店镇", 95, majorincident=True)  # type: ignore[call-arg]
    assert "unexpected keyword argument 'majorincident'" in str(caught.value)
    if sys.version_info >= (3, 13):
        assert "Did you mean 'major_incident'?" in str(caught.value)
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'total'"):
        UnitScore("罗店镇")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional argument"):
        UnitScore("罗店镇", 95, False, None, 1)  # type: ignore[call-arg]


def test_a_function_called_wrongly_is_pythons_type_error() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'polcy'") as caught:
        rank_units([UnitScore("a", 1)], polcy=None)  # type: ignore[call-arg]
    assert not isinstance(caught.value, BaoshanQualityError)


def test_a_call_that_binds_runs_the_checks_and_raises_the_librarys_error() -> None:
    assert UnitScore("a", 1).total == 1
    with pytest.raises(InvalidInputError) as caught:
        UnitScore("a", "x")  # binds; the converter refuses the value
    assert not isinstance(caught.value, TypeError)
    assert caught.value.field == "UnitScore.total"
    assert len(rank_units([UnitScore("a", 1)])) == 1
