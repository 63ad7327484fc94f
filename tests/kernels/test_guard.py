"""Every class of the library refuses a call it cannot bind with the library's error.

The engineering rule: no bare ``TypeError`` escapes a documented entry point.  A class
called with an unknown keyword, too many positional arguments or a required argument
missing raises ``InvalidArgumentsError`` — a ``BaoshanQualityError`` (so a
``ValueError``) and a ``TypeError`` — naming the class, the problem and the parameters.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import attrs
import pytest

import baoshan_quality
from baoshan_quality import (
    BaoshanQualityError,
    InvalidArgumentsError,
    InvalidInputError,
    UnitScore,
    rank_units,
)
from baoshan_quality._guard import guarded


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
PUBLIC = [
    getattr(baoshan_quality, name)
    for name in baoshan_quality.__all__
    if isinstance(getattr(baoshan_quality, name), type)
    and attrs.has(getattr(baoshan_quality, name))
]


def test_there_are_classes_to_check() -> None:
    assert len(CLASSES) >= 100 and len(PUBLIC) >= 50


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__qualname__)
def test_every_attrs_class_of_the_library_is_guarded(cls: type) -> None:
    init = cls.__dict__["__init__"]
    assert hasattr(init, "__wrapped__"), f"{cls.__qualname__} lacks @guarded"
    # The signature a reader (and hypothesis, and the docs) sees is attrs' own.
    assert inspect.signature(cls) == inspect.signature(init.__wrapped__).replace(
        parameters=list(inspect.signature(init.__wrapped__).parameters.values())[1:]
    )


@pytest.mark.parametrize("cls", PUBLIC, ids=lambda c: c.__qualname__)
def test_an_unknown_keyword_is_the_librarys_error_and_a_type_error(cls: type) -> None:
    with pytest.raises(InvalidArgumentsError) as caught:
        cls(no_such_argument=1)
    error = caught.value
    assert isinstance(error, BaoshanQualityError)
    assert isinstance(error, InvalidInputError)
    assert isinstance(error, ValueError) and isinstance(error, TypeError)
    assert error.field == cls.__name__
    assert error.value == {"positional": 0, "keywords": ("no_such_argument",)}
    assert error.message.startswith(f"{cls.__name__}: ")
    assert "it takes (" in error.message


def test_the_message_names_the_keyword_and_the_parameters() -> None:
    with pytest.raises(InvalidArgumentsError) as caught:
        UnitScore("罗店镇", 95, majorincident=True)  # type: ignore[call-arg]
    assert str(caught.value) == (
        "UnitScore: got an unexpected keyword argument 'majorincident'; "
        "it takes (unit, total, major_incident=False, incidents=None)"
    )
    with pytest.raises(
        InvalidArgumentsError, match=r"^UnitScore: missing a required argument: 'total'; "
    ):
        UnitScore("罗店镇")  # type: ignore[call-arg]
    with pytest.raises(InvalidArgumentsError, match=r"^UnitScore: too many positional arguments; "):
        UnitScore("罗店镇", 95, False, None, 1)  # type: ignore[call-arg]


def test_a_caller_catching_type_error_still_catches_it() -> None:
    with pytest.raises(TypeError) as caught:
        UnitScore(unit="a", totl=1)  # type: ignore[call-arg]
    assert isinstance(caught.value, InvalidArgumentsError)


def test_a_call_that_binds_runs_the_constructor_and_its_checks() -> None:
    assert UnitScore("a", 1).total == 1
    with pytest.raises(InvalidInputError) as caught:
        UnitScore("a", "x")  # binds; the converter refuses the value
    assert not isinstance(caught.value, InvalidArgumentsError)
    assert len(rank_units([UnitScore("a", 1)])) == 1


def test_a_type_error_from_inside_a_constructor_is_not_dressed_up() -> None:
    # A TypeError raised inside a constructor whose arguments bound is a defect to fix,
    # not a wrong call: it is left as it is.
    @guarded
    @attrs.frozen
    class Broken:
        x: int

        def __attrs_post_init__(self) -> None:
            raise TypeError("inside")

    with pytest.raises(TypeError, match="^inside$") as caught:
        Broken(1)
    assert not isinstance(caught.value, InvalidArgumentsError)
    with pytest.raises(
        InvalidArgumentsError, match=r"^Broken: missing a required argument: 'x'; it takes \(x\)$"
    ):
        Broken()  # type: ignore[call-arg]
