"""The public face's lazy loading (PEP 562), in one place.

The package and its document subpackages (``guide``, ``award``, ``excellence``) load
a public name's module on the first use of the name, so that ``from baoshan_quality
import rank_units`` imports the Guide's rubric, scoring and tiering modules and
nothing of the award (``docs/benchmarks.md`` has the import figures that make this
worth it).  Where each name lives is read from :mod:`baoshan_quality._index`, which
``tools/exports.py`` derives from each module's ``__all__``: a name is listed by hand
once, beside its definition.

A loaded name is stored in the package's namespace, so a second use is an ordinary
attribute read; type checkers see ordinary imports (``TYPE_CHECKING`` star imports in
the subpackages, the generated ``__init__.pyi`` at the top level).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from baoshan_quality._index import MODULES

__all__ = ["attach"]

_WHERE: dict[str, str] = {name: module for module, names in MODULES.items() for name in names}


def attach(
    package: str, names: Iterable[str] | None = None
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``.

    ``names`` defaults to every public name defined in the package's modules; the top
    level passes its own ``__all__`` (the everyday names).
    """
    if names is None:
        prefix = package + "."
        exported = [name for name, module in _WHERE.items() if module.startswith(prefix)]
    else:
        exported = list(names)
    where = {name: _WHERE[name] for name in exported}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(importlib.import_module(package), name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(exported) | set(importlib.import_module(package).__dict__))

    return __getattr__, __dir__, exported
