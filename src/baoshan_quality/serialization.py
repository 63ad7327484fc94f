"""The library's one :mod:`cattrs` converter: strict JSON for every public type.

Shapes: ``Decimal`` as a string (``"92.5"``), dates as ISO strings
(``"2024-05-10"``), enums by their value, tuples as arrays, frozen mappings as
objects.  Structuring is strict — no silent coercion: an unknown key, ``"false"``
for a bool, a number for a string, a float (or int) for a Decimal, ``"3"`` for
an int are all errors.  Every failure is a
:class:`~baoshan_quality.errors.StructureError` whose ``paths`` name the bad
fields.

>>> from baoshan_quality import UnitScore
>>> text = to_json(UnitScore("罗店镇", "92.5"))
>>> text
'{"unit": "罗店镇", "total": "92.5", "major_incident": false, "incidents": null}'
>>> from_json(text, UnitScore) == UnitScore("罗店镇", "92.5")
True
>>> from_json('{"unit": "罗店镇", "total": 92.5}', UnitScore)
Traceback (most recent call last):
...
baoshan_quality.errors.StructureError: cannot read UnitScore: expected a decimal written as a JSON string such as "92.5", got 92.5 @ $.total
"""

from __future__ import annotations

import datetime
import enum
import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
import cattrs.errors
from cattrs.cols import (
    homogenous_tuple_structure_factory,
    is_mapping,
    is_sequence,
    list_structure_factory,
    mapping_structure_factory,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.v import format_exception

from baoshan_quality._decimals import to_decimal
from baoshan_quality.citations import Document
from baoshan_quality.errors import BaoshanQualityError, StructureError

__all__ = ["converter", "from_json", "structure", "to_json", "unstructure"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _ShapeError(BaoshanQualityError):
    """Internal: a JSON value of the wrong shape (reported through StructureError)."""


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str):
        raise _ShapeError(
            f'expected a decimal written as a JSON string such as "92.5", got {value!r}'
        )
    return to_decimal(value, field="value", error=_ShapeError)


def _structure_date(value: object, _: type) -> datetime.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _ShapeError(f'expected an ISO date string such as "2024-05-10", got {value!r}')
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _ShapeError(f"no such date: {value!r}") from None


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _ShapeError(f"expected a string, got {value!r}")
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _ShapeError(f"expected a whole number, got {value!r}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _ShapeError(f"expected true or false, got {value!r}")
    return value


def _enum_factory(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in kind}
    choices = ", ".join(repr(v) for v in by_value)

    def structure_enum(value: object, _: type) -> enum.Enum:
        if isinstance(value, bool) or not isinstance(value, (str, int)) or value not in by_value:
            raise _ShapeError(f"expected one of {choices}, got {value!r}")
        return by_value[value]

    return structure_enum


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_array(kind: Any) -> bool:
    """Homogeneous tuples (``tuple[X, ...]``) and lists/sequences (``list[X]``)."""
    if get_origin(kind) is tuple:
        return len(get_args(kind)) == 2 and get_args(kind)[1] is Ellipsis
    return is_sequence(kind)


def _array_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    if get_origin(kind) is tuple:
        inner = homogenous_tuple_structure_factory(kind, conv)
    else:
        inner = list_structure_factory(kind, conv)

    def structure_array(value: object, t: type) -> Any:
        if not isinstance(value, list):
            raise _ShapeError(f"expected a JSON array, got {value!r}")
        return inner(value, t)

    return structure_array


def _unstructure_decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise _ShapeError(f"cannot write {value} as JSON: only finite decimals are allowed")
    return str(value)


def _mapping_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    inner = mapping_structure_factory(kind, conv)

    def structure_mapping(value: object, t: type) -> Any:
        if not isinstance(value, dict):
            raise _ShapeError(f"expected a JSON object, got {value!r}")
        return inner(value, t)

    return structure_mapping


def _attrs_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    inner = make_dict_structure_fn(kind, conv, _cattrs_forbid_extra_keys=True)

    def structure_attrs(value: object, t: type) -> Any:
        if not isinstance(value, dict):
            raise _ShapeError(f"expected a JSON object for {kind.__name__}, got {value!r}")
        return inner(value, t)

    return structure_attrs


# --- documents: a library document is its number; any other is an object ------------------


def _document_hooks(
    conv: cattrs.Converter,
) -> tuple[Callable[[object, type], Document], Callable[[Document], object]]:
    as_object = make_dict_structure_fn(Document, conv, _cattrs_forbid_extra_keys=True)

    def structure_document(value: object, t: type) -> Document:
        numbers = {d.number: d for d in Document.library()}
        if isinstance(value, str) and value in numbers:
            return numbers[value]
        if not isinstance(value, dict):
            raise _ShapeError(
                f"expected one of the library's document numbers ({', '.join(numbers)}) or "
                f"a document object, got {value!r}"
            )
        return as_object(value, t)

    def unstructure_document(document: Document) -> object:
        if document.in_library:
            return document.number
        return {f.name: getattr(document, f.name) for f in attrs.fields(Document)}

    return structure_document, unstructure_document


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_factory(_is_enum, _enum_factory)
    conv.register_structure_hook_factory(_is_array, lambda t: _array_factory(t, conv))
    conv.register_structure_hook_factory(is_mapping, lambda t: _mapping_factory(t, conv))
    conv.register_structure_hook_factory(attrs.has, lambda t: _attrs_factory(t, conv))
    structure_document, unstructure_document = _document_hooks(conv)
    conv.register_structure_hook(Document, structure_document)
    conv.register_unstructure_hook(Document, unstructure_document)
    return conv


#: The library's one converter.  Use it (or :func:`structure`/:func:`unstructure`)
#: rather than a converter of your own, so that every system reads the same shapes.
converter: cattrs.Converter = _make_converter()


def _format(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, BaoshanQualityError):
        return exc.message
    return format_exception(exc, kind)


def _name(kind: object) -> str:
    return getattr(kind, "__name__", None) or str(kind)


def structure(data: object, kind: type[T]) -> T:
    """Build a ``kind`` from plain JSON data (dicts, lists, strings …), strictly.

    Parameters
    ----------
    data
        What ``json.loads`` gives: dicts, lists, strings, numbers, booleans, ``None``.
    kind
        The type to build: a public attrs class, or ``list[C]`` / ``tuple[C, ...]``.

    Returns
    -------
    T
        The value, validated by its class as if built in Python.

    Raises
    ------
    StructureError
        When the data do not have the shape of ``kind`` (``paths`` names each bad
        field) or a value breaks its class's rule (the rule's message, at ``$``).

    Examples
    --------
    >>> from baoshan_quality import UnitScore
    >>> structure({"unit": "罗店镇", "total": "92.5"}, UnitScore).total
    Decimal('92.5')
    >>> structure({"unit": "罗店镇"}, UnitScore)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.StructureError: cannot read UnitScore: required field missing @ $.total
    """
    if not isinstance(kind, type) and get_origin(kind) is None:
        raise StructureError(f"structure: expected a type to read, got {kind!r}")
    try:
        return converter.structure(data, kind)
    except cattrs.errors.StructureHandlerNotFoundError:
        raise StructureError(
            f"cannot read {_name(kind)}: not a type the library's converter knows"
        ) from None
    except cattrs.BaseValidationError as exc:
        problems = cattrs.transform_error(exc, path="$", format_exception=_format)
        raise StructureError(
            f"cannot read {_name(kind)}: " + "; ".join(problems), paths=problems
        ) from None
    except BaoshanQualityError as exc:
        raise StructureError(
            f"cannot read {_name(kind)}: {exc.message} @ $", paths=[f"{exc.message} @ $"]
        ) from None
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise StructureError(
            f"cannot read {_name(kind)}: {exc} @ $", paths=[f"{exc} @ $"]
        ) from None


def unstructure(value: object) -> Any:
    """Plain JSON data (dicts, lists, strings, numbers, booleans) for ``value``.

    Parameters
    ----------
    value
        A value of a public type (an input or a result), or a list or tuple of them.

    Returns
    -------
    Any
        What ``json.dumps`` writes: Decimals as strings, dates as ISO strings, enums
        by value, tuples as lists.

    Raises
    ------
    StructureError
        When a Decimal in it is not finite.

    Examples
    --------
    >>> from baoshan_quality import UnitScore
    >>> unstructure(UnitScore("罗店镇", "92.5"))
    {'unit': '罗店镇', 'total': '92.5', 'major_incident': False, 'incidents': None}
    """
    try:
        return converter.unstructure(value)
    except _ShapeError as exc:
        raise StructureError(exc.message) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, val in pairs:
        if key in result:
            raise StructureError(f"duplicate key {key!r} in a JSON object", paths=[key])
        result[key] = val
    return result


def _no_constant(name: str) -> Any:
    raise StructureError(f"{name} is not a number JSON allows", paths=[name])


def from_json(text: str | bytes, kind: type[T]) -> T:
    """Read a ``kind`` from a JSON text (strict: see the module docs).

    Parameters
    ----------
    text
        A JSON document (``str``, or UTF-8 ``bytes``).
    kind
        The type to read: a public attrs class, or ``list[C]`` / ``tuple[C, ...]``.

    Returns
    -------
    T
        The value, validated by its class.

    Raises
    ------
    StructureError
        When the text is not JSON (a duplicate key and ``NaN`` included) or not the
        shape of ``kind``; ``paths`` names each bad field.

    Examples
    --------
    >>> from baoshan_quality import UnitScore
    >>> from_json('{"unit": "罗店镇", "total": "92.5"}', UnitScore)
    UnitScore(unit='罗店镇', total=Decimal('92.5'), major_incident=False, incidents=None)
    >>> from_json('{"unit": "罗店镇", "unit": "大场镇", "total": "92.5"}', UnitScore)
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.StructureError: duplicate key 'unit' in a JSON object
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise StructureError(f"from_json: expected JSON text, got {type(text).__name__}")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except StructureError:
        raise
    except (ValueError, RecursionError) as exc:
        raise StructureError(f"not valid JSON: {exc}") from None
    return structure(data, kind)


def to_json(value: object, *, indent: int | None = None) -> str:
    """The JSON text of ``value`` (UTF-8 characters kept, not escaped).

    Parameters
    ----------
    value
        A value of a public type, or a list or tuple of them.
    indent
        As in :func:`json.dumps`: ``None`` (default) for one line.

    Returns
    -------
    str
        The JSON text that :func:`from_json` reads back to an equal value.

    Raises
    ------
    StructureError
        When ``value`` cannot be written as JSON (not a public type, a NaN Decimal).

    Examples
    --------
    >>> from baoshan_quality import UnitScore
    >>> print(to_json(UnitScore("罗店镇", "92.5"), indent=2))
    {
      "unit": "罗店镇",
      "total": "92.5",
      "major_incident": false,
      "incidents": null
    }
    """
    data = unstructure(value)
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StructureError(
            f"to_json: cannot write {type(value).__name__} as JSON ({exc})"
        ) from None
