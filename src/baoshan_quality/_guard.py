"""Constructors that refuse wrong arguments with the library's own error.

Calling a class with a keyword it does not take, too many positional arguments or a
required argument missing is a ``TypeError`` in Python.  Every attrs class of the
library is wrapped by :func:`guarded` so that such a call raises
:class:`~baoshan_quality.errors.InvalidArgumentsError` instead — the library's error
(a :class:`ValueError` by its root) *and* a :class:`TypeError`, so code that catches
either keeps working — naming the class, what was wrong and the parameters it takes.

>>> from baoshan_quality import UnitScore
>>> UnitScore("罗店镇", 95, majorincident=True)
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidArgumentsError: UnitScore: got an unexpected keyword argument 'majorincident'; it takes (unit, total, major_incident=False, incidents=None)
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, TypeVar

__all__ = ["guarded"]

T = TypeVar("T", bound=type)


def guarded(cls: T) -> T:
    """Wrap ``cls.__init__`` so that a call it cannot bind raises the library's error.

    Only a call whose arguments do not fit the signature is translated; the
    constructor's own checks already raise the library's errors, and a ``TypeError``
    from inside a constructor is left as it is (it would be a defect to fix).
    """
    init: Any = cls.__dict__["__init__"]  # attrs writes one for every class

    @functools.wraps(init)
    def checked_init(self: object, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except TypeError:
            _refuse(cls, init, self, args, kwargs)
            raise

    cls.__init__ = checked_init  # type: ignore[misc]
    return cls


def _refuse(cls: type, init: Any, self: object, args: tuple[Any, ...], kwargs: Any) -> None:
    """Raise InvalidArgumentsError if ``args``/``kwargs`` do not bind to ``init``."""
    from baoshan_quality.errors import InvalidArgumentsError

    signature = inspect.signature(init)
    try:
        signature.bind(self, *args, **kwargs)
    except TypeError as problem:
        name = cls.__name__
        parameters = list(signature.parameters.values())[1:]  # without self
        takes = ", ".join(str(p).split(":")[0].strip() + _default(p) for p in parameters)
        raise InvalidArgumentsError(
            f"{name}: {_plain(str(problem))}; it takes ({takes})",
            field=name,
            value={"positional": len(args), "keywords": tuple(kwargs)},
        ) from None


def _default(parameter: inspect.Parameter) -> str:
    if parameter.default is inspect.Parameter.empty:
        return ""
    return f"={parameter.default!r}"


def _plain(text: str) -> str:
    """Python's message without the ``X.__init__()`` it starts with."""
    return text.split("() ", 1)[1] if "__init__() " in text else text
