"""Every public name of the library (top level, document packages, kernels), for tests
that check or fuzz them all: read from the generated index of the modules' ``__all__``."""

from __future__ import annotations

import importlib

from baoshan_quality._index import MODULES


def public_objects() -> list[tuple[str, object]]:
    """(name, object) for every public name, in the index's order."""
    return [
        (name, getattr(importlib.import_module(module), name))
        for module, names in MODULES.items()
        for name in names
    ]


def public(name: str) -> object:
    """The public object called ``name``, wherever it is defined."""
    for module, names in MODULES.items():
        if name in names:
            return getattr(importlib.import_module(module), name)
    raise LookupError(name)
