"""Results whose explanatory parts are built on first read.

A ranking of 100,000 units or a Monte Carlo of 10,000 editions needs the ranks and
tiers at once, but reads the per-unit reasons of few units, if any.  A result class
that derives from :class:`Deferrable` may be created by the library with some of its
attrs fields left unset and a *plan* that builds them: the first read of any of
them (directly, or through ``==``, ``hash``, ``repr``, JSON, ``attrs.evolve``,
pickling …) builds them all from the plan, once, under the library's exact decimal
context, and stores them in their slots.  From then on the object is an ordinary
frozen attrs instance: the same values, the same equality, the same JSON as if it had
been built eagerly (tests compare the two).

An instance made by its constructor (or read from JSON) has every field set and no
plan, so nothing is deferred.

The plan lives in a slot of this base class, not in an attrs field, so it is not part
of the instance's fields, equality, ``repr``, ``attrs.asdict`` or JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from baoshan_quality._decimals import exact

__all__ = ["Deferrable", "Plan", "make_deferred"]

T = TypeVar("T", bound="Deferrable")

_get = object.__getattribute__
_set = object.__setattr__


class Plan:
    """What builds an instance's deferred fields (a plain base: no Protocol machinery
    at import)."""

    __slots__ = ()

    def build(self) -> Mapping[str, object]:
        """The value of every deferred field, by name."""
        raise NotImplementedError


class Deferrable:
    """Base of result classes with deferred fields (see the module docs).

    Subclasses name their deferred fields in ``_DEFERRED``.
    """

    __slots__ = ("_plan",)
    _DEFERRED: ClassVar[frozenset[str]] = frozenset()

    def _pending(self) -> Plan | None:
        """The plan of a deferred instance whose fields are not yet built, else None."""
        try:
            plan: Plan | None = _get(self, "_plan")
        except AttributeError:
            return None
        return plan

    def _materialize(self) -> None:
        plan = self._pending()
        if plan is None:
            return
        with exact():
            values = plan.build()
        for name in self._DEFERRED:
            _set(self, name, values[name])
        _set(self, "_plan", None)

    if not TYPE_CHECKING:  # mypy must keep checking attribute names on these classes

        def __getattr__(self, name: str) -> Any:
            # Called only when normal lookup fails: an unset slot or a missing name.
            if name in self._DEFERRED and self._pending() is not None:
                self._materialize()
                return _get(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


def make_deferred(cls: type[T], plan: Plan, /, **values: object) -> T:
    """An instance of ``cls`` with ``values`` set and the deferred fields left to ``plan``.

    Only the library calls this, with values it has computed and checked itself: the
    attrs validators of ``cls`` do not run (its result classes have none).  ``values``
    and ``cls._DEFERRED`` together must name every field (the tests check each use).
    """
    instance: T = object.__new__(cls)
    for name, value in values.items():
        _set(instance, name, value)
    _set(instance, "_plan", plan)
    return instance
