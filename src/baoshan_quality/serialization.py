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
from cattrs.cols import is_mapping, is_sequence
from cattrs.errors import (
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.v import format_exception

from baoshan_quality._decimals import (
    MAX_INTEGER_DIGITS,
    SURELY_HELD,
    held_exactly,
    plain_text,
    to_decimal,
)
from baoshan_quality.citations import Document
from baoshan_quality.errors import (
    MAX_LISTED,
    BaoshanQualityError,
    InvalidInputError,
    StructureError,
    listed,
    show,
)

__all__ = ["converter", "from_json", "structure", "to_json", "unstructure"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_INT_LIMIT = 10**MAX_INTEGER_DIGITS
#: The largest ``indent`` :func:`to_json` takes (spaces per level).
MAX_INDENT = 16
# One problem of a StructureError (its path included) is cut to this many characters.
_MAX_PROBLEM = 320


class _ShapeError(BaoshanQualityError):
    """Internal: a JSON value of the wrong shape (reported through StructureError)."""


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str):
        raise _ShapeError(
            f'expected a decimal written as a JSON string such as "92.5", got {show(value)}'
        )
    return to_decimal(value, field="value", error=_ShapeError)


def _structure_date(value: object, _: type) -> datetime.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _ShapeError(f'expected an ISO date string such as "2024-05-10", got {show(value)}')
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _ShapeError(f"no such date: {show(value)}") from None


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _ShapeError(f"expected a string, got {show(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _ShapeError(f"expected a whole number, got {show(value)}")
    if not -_INT_LIMIT < value < _INT_LIMIT:
        raise _ShapeError(
            f"expected a whole number of at most {MAX_INTEGER_DIGITS} digits, got {show(value)}"
        )
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _ShapeError(f"expected true or false, got {show(value)}")
    return value


def _enum_factory(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in kind}
    choices = ", ".join(repr(v) for v in by_value)

    def structure_enum(value: object, _: type) -> enum.Enum:
        if isinstance(value, bool) or not isinstance(value, (str, int)) or value not in by_value:
            raise _ShapeError(f"expected one of {choices}, got {show(value)}")
        return by_value[value]

    return structure_enum


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_array(kind: Any) -> bool:
    """Homogeneous tuples (``tuple[X, ...]``) and lists/sequences (``list[X]``)."""
    if get_origin(kind) is tuple:
        return len(get_args(kind)) == 2 and get_args(kind)[1] is Ellipsis
    return is_sequence(kind)


class _Place(str):
    """A key that is not a string, in a path as :func:`show` shows it (``$.ratings[1]``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def _failed(errors: list[Exception], exc: Exception, bad: int, note: IterableValidationNote) -> int:
    """Keep the first few failures of an array or mapping, with their place; count all."""
    if len(errors) < MAX_LISTED:
        setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010 - 3.10
        errors.append(exc)
    return bad + 1


def _raise_collected(errors: list[Exception], bad: int, kind: Any, what: str) -> None:
    if bad > len(errors):
        errors.append(_ShapeError(f"and {bad - len(errors):,} more bad {what}"))
    raise IterableValidationError(f"While structuring {_name(kind)}", errors, kind)


def _array_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    """Arrays item by item; the first few bad items are named and the rest counted, so
    that 100,000 bad items are reported in a line, fast."""
    args = get_args(kind)
    item_type = args[0] if args else Any
    handler = conv.get_structure_hook(item_type)
    make: Callable[[list[Any]], Any] = tuple if get_origin(kind) is tuple else list

    def structure_array(value: object, t: type) -> Any:
        if not isinstance(value, list):
            raise _ShapeError(f"expected a JSON array, got {show(value)}")
        good: list[Any] | None
        try:  # the common case, every item good, at the speed of a comprehension
            good = [handler(item, item_type) for item in value]
        except Exception:  # a bad item: read again below, item by item, to name them
            good = None
        if good is not None:
            return make(good)
        out: list[Any] = []
        errors: list[Exception] = []
        bad = 0
        for index, item in enumerate(value):
            try:
                out.append(handler(item, item_type))
            except Exception as exc:
                note = IterableValidationNote(f"@ index {index}", index, item_type)
                bad = _failed(errors, exc, bad, note)
        if errors:
            _raise_collected(errors, bad, kind, "items")
        return make(out)

    return structure_array


def _unstructure_decimal(value: Decimal) -> str:
    if not isinstance(value, Decimal):  # a result class built by hand with a wrong value
        raise _ShapeError(f"cannot write {show(value)} as a JSON decimal")
    if not value.is_finite():
        raise _ShapeError(f"cannot write {value} as JSON: only finite decimals are allowed")
    text = plain_text(value)
    if len(text) > SURELY_HELD:  # shorter text has at most 60 digits: held exactly
        problem = held_exactly(value)
        if problem is not None:
            raise _ShapeError(f"cannot write {show(value)} as JSON: {problem}")
    return text


def _unstructure_int(value: int) -> int:
    if not -_INT_LIMIT < value < _INT_LIMIT:
        raise _ShapeError(
            f"cannot write {show(value)} as JSON: more than {MAX_INTEGER_DIGITS} digits"
        )
    return value


def _mapping_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    """Objects key by key (string keys only), reported like arrays."""
    args = get_args(kind)
    key_type, value_type = args if len(args) == 2 else (str, Any)
    key_handler = conv.get_structure_hook(key_type)
    value_handler = conv.get_structure_hook(value_type)

    def structure_mapping(value: object, t: type) -> Any:
        if not isinstance(value, dict):
            raise _ShapeError(f"expected a JSON object, got {show(value)}")
        out: dict[Any, Any] = {}
        errors: list[Exception] = []
        bad = 0
        for key, item in value.items():
            place = key if isinstance(key, str) else _Place(show(key))
            try:
                structured_key = key_handler(key, key_type)
            except Exception as exc:
                bad = _failed(errors, exc, bad, IterableValidationNote("key", place, key_type))
                continue
            try:
                out[structured_key] = value_handler(item, value_type)
            except Exception as exc:
                note = IterableValidationNote("value", place, value_type)
                bad = _failed(errors, exc, bad, note)
        if errors:
            _raise_collected(errors, bad, kind, "entries")
        return out

    return structure_mapping


def _attrs_factory(kind: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    inner = make_dict_structure_fn(kind, conv, _cattrs_forbid_extra_keys=True)

    def structure_attrs(value: object, t: type) -> Any:
        if not isinstance(value, dict):
            raise _ShapeError(f"expected a JSON object for {kind.__name__}, got {show(value)}")
        odd = [k for k in value if not isinstance(k, str)]
        if odd:
            raise _ShapeError(f"expected string keys, got {listed(odd, shown=True)}")
        return inner(value, t)

    return structure_attrs


# --- documents: a library document is its number; any other is an object ------------------


def _document_hooks(
    conv: cattrs.Converter,
) -> tuple[Callable[[object, type], Document], Callable[[Document], object]]:
    as_object = make_dict_structure_fn(Document, conv, _cattrs_forbid_extra_keys=True)
    numbers = {d.number: d for d in Document.library()}  # a fixed set, the library's own

    def structure_document(value: object, t: type) -> Document:
        if isinstance(value, str) and value in numbers:
            return numbers[value]
        if not isinstance(value, dict):
            raise _ShapeError(
                f"expected one of the library's document numbers ({', '.join(numbers)}) or "
                f"a document object, got {show(value)}"
            )
        odd = [k for k in value if not isinstance(k, str)]
        if odd:
            raise _ShapeError(f"expected string keys, got {listed(odd, shown=True)}")
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
    conv.register_unstructure_hook(int, _unstructure_int)
    conv.register_unstructure_hook(bool, bool)
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
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"extra fields found ({listed(sorted(exc.extra_fields, key=show))})"
    try:
        return format_exception(exc, kind)
    except Exception:
        return f"invalid value ({type(exc).__name__})"


def _problem(text: str) -> str:
    return text if len(text) <= _MAX_PROBLEM else text[: _MAX_PROBLEM - 1] + "…"


_COUNTED = re.compile(r"and ([0-9,]+) more bad (?:items|entries) @ ")


def _refusal(kind: object, problems: list[str]) -> StructureError:
    """The StructureError naming the first few problems and counting the rest.

    ``paths`` holds the named problems and, for an array or object with more bad
    items than :data:`~baoshan_quality.errors.MAX_LISTED`, a line counting the rest.
    """
    problems = [_problem(p) for p in problems]
    named = [p for p in problems if not _COUNTED.match(p)]
    counted = sum(int(m.group(1).replace(",", "")) for p in problems if (m := _COUNTED.match(p)))
    rest = len(named) - MAX_LISTED + counted if len(named) > MAX_LISTED else counted
    head = "; ".join(named[:MAX_LISTED])
    more = f"; and {rest:,} more" if rest > 0 else ""
    return StructureError(f"cannot read {_name(kind)}: {head}{more}", paths=problems)


def _name(kind: object) -> str:
    name = getattr(kind, "__name__", None)
    return name if isinstance(name, str) else show(kind)


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
        raise StructureError(f"structure: expected a type to read, got {show(kind)}")
    try:
        return converter.structure(data, kind)
    except cattrs.errors.StructureHandlerNotFoundError:
        raise StructureError(
            f"cannot read {_name(kind)}: not a type the library's converter knows"
        ) from None
    except cattrs.BaseValidationError as exc:
        try:
            problems = cattrs.transform_error(exc, path="$", format_exception=_format)
        except RecursionError:  # pragma: no cover - nesting is bounded by the types
            problems = ["nested too deeply @ $"]
        raise _refusal(kind, problems) from None
    except BaoshanQualityError as exc:
        raise _refusal(kind, [f"{exc.message} @ $"]) from None
    except RecursionError:
        raise _refusal(kind, ["nested too deeply, or contains itself @ $"]) from None
    except Exception as exc:
        raise _refusal(kind, [f"{_format(exc, None)} @ $"]) from None


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
        When a Decimal in it is not finite or not held exactly (see :doc:`json`), or
        ``value`` contains itself or nests too deeply to write.

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
    except RecursionError:
        raise StructureError(
            f"cannot write {show(value)}: it contains itself, or nests too deeply"
        ) from None
    except Exception as exc:
        raise StructureError(f"cannot write {show(value)}: {_format(exc, None)}") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, val in pairs:
        if key in result:
            raise StructureError(f"duplicate key {show(key)} in a JSON object", paths=[key])
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
    except MemoryError:  # pragma: no cover - depends on the machine
        raise StructureError("not read: the JSON text is too large for memory") from None
    return structure(data, kind)


def to_json(value: object, *, indent: int | None = None) -> str:
    """The JSON text of ``value`` (UTF-8 characters kept, not escaped).

    Parameters
    ----------
    value
        A value of a public type, or a list or tuple of them.
    indent
        ``None`` (default) for one line, or the number of spaces per level, from 0 to
        :data:`MAX_INDENT` (16).

    Returns
    -------
    str
        The JSON text that :func:`from_json` reads back to an equal value.

    Raises
    ------
    StructureError
        When ``value`` cannot be written as JSON (not a public type, a NaN Decimal, a
        number not held exactly, a value that contains itself).
    InvalidInputError
        When ``indent`` is not ``None`` or a whole number from 0 to 16.

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
    if indent is not None and (
        isinstance(indent, bool) or not isinstance(indent, int) or not 0 <= indent <= MAX_INDENT
    ):
        raise InvalidInputError.about(
            "to_json indent",
            indent,
            f"expected None (one line) or a whole number of spaces from 0 to {MAX_INDENT}",
        )
    data = unstructure(value)
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except RecursionError:
        raise StructureError(
            f"to_json: cannot write {show(value)}: it contains itself, or nests too deeply"
        ) from None
    except (TypeError, ValueError) as exc:
        raise StructureError(
            f"to_json: cannot write {type(value).__name__} as JSON ({exc})"
        ) from None
