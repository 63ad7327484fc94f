"""Validators and converters for the library's frozen attrs classes.

They raise the library's own :class:`~baoshan_quality.errors.InvalidInputError`
(never ``TypeError``) with the class, the field and the bad value in the
message, so wrong types fail as clearly as wrong values.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from baoshan_quality._decimals import to_decimal
from baoshan_quality.citations import Citation
from baoshan_quality.errors import InvalidInputError

__all__ = [
    "decimal_field",
    "frozen_mapping",
    "is_bool",
    "is_date",
    "is_enum",
    "is_instance",
    "is_int",
    "is_name",
    "is_optional",
    "is_text",
    "is_tuple_of",
    "optional_decimal",
    "to_tuple",
]

T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string (may be empty)."""
    if not isinstance(value, str):
        raise InvalidInputError.about(_where(instance, attribute), value, "expected a string")


def is_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-blank string without leading or trailing whitespace.

    Surrounding spaces are refused rather than stripped: ``"罗店镇 "`` and
    ``"罗店镇"`` would otherwise be two different units.
    """
    is_text(instance, attribute, value)
    assert isinstance(value, str)
    if not value.strip():
        raise InvalidInputError.about(
            _where(instance, attribute), value, "expected a non-blank name"
        )
    if value != value.strip():
        raise InvalidInputError.about(
            _where(instance, attribute), value, "a name may not start or end with whitespace"
        )


def is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Exactly ``True`` or ``False`` (not 0/1, not ``"false"``)."""
    if not isinstance(value, bool):
        raise InvalidInputError.about(_where(instance, attribute), value, "expected True or False")


def is_int(minimum: int | None = None, maximum: int | None = None) -> Validator:
    """An ``int`` (not a bool) within the bounds."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        where = _where(instance, attribute)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInputError.about(where, value, "expected a whole number (int)")
        if minimum is not None and value < minimum:
            raise InvalidInputError.about(where, value, f"expected at least {minimum}")
        if maximum is not None and value > maximum:
            raise InvalidInputError.about(where, value, f"expected at most {maximum}")

    return check


def is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`datetime.date` that is not a ``datetime``."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidInputError.about(
            _where(instance, attribute), value, "expected a datetime.date"
        )


def is_enum(kind: type[enum.Enum]) -> Validator:
    """A member of ``kind`` (its value alone is not accepted)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            choices = ", ".join(f"{kind.__name__}.{m.name}" for m in kind)
            raise InvalidInputError.about(
                _where(instance, attribute), value, f"expected one of {choices}"
            )

    return check


def is_instance(*kinds: type) -> Validator:
    """An instance of one of ``kinds``."""
    names = " or ".join(k.__name__ for k in kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kinds):
            raise InvalidInputError.about(_where(instance, attribute), value, f"expected {names}")

    return check


def is_optional(inner: Validator) -> Validator:
    """``None`` (unknown) or a value that passes ``inner``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def is_tuple_of(*kinds: type) -> Validator:
    """A tuple whose every element is an instance of one of ``kinds``."""
    names = " or ".join(k.__name__ for k in kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        where = _where(instance, attribute)
        if not isinstance(value, tuple):
            raise InvalidInputError.about(where, value, f"expected a sequence of {names}")
        for index, item in enumerate(value):
            if not isinstance(item, kinds) or (bool not in kinds and isinstance(item, bool)):
                raise InvalidInputError.about(f"{where}[{index}]", item, f"expected {names}")

    return check


def to_tuple(value: Iterable[T] | object) -> tuple[T, ...] | object:
    """Converter: lists and other iterables (not strings or mappings) become tuples.

    Anything else is passed through unchanged for the validator to refuse.
    """
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def decimal_field(
    name: str,
    *,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    citation: Citation | None = None,
) -> Callable[[object], Decimal]:
    """Converter: parse a points or money value into Decimal (see :func:`to_decimal`)."""

    def convert(value: object) -> Decimal:
        return to_decimal(value, field=name, minimum=minimum, maximum=maximum, citation=citation)

    return convert


def optional_decimal(
    name: str,
    *,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    citation: Citation | None = None,
) -> Callable[[object], Decimal | None]:
    """Like :func:`decimal_field`, but ``None`` (unknown) is kept."""
    inner = decimal_field(name, minimum=minimum, maximum=maximum, citation=citation)

    def convert(value: object) -> Decimal | None:
        return None if value is None else inner(value)

    return convert


def frozen_mapping(
    name: str, value_converter: Callable[[str, object], T]
) -> Callable[[object], Mapping[str, T]]:
    """Converter: a mapping with string keys, frozen (read-only) and key-sorted.

    Each value goes through ``value_converter(path, value)``.
    """

    def convert(value: object) -> Mapping[str, T]:
        if not isinstance(value, Mapping):
            raise InvalidInputError.about(name, value, "expected a mapping (dict)")
        items: dict[str, T] = {}
        for key in sorted(value, key=lambda k: (not isinstance(k, str), str(k))):
            if not isinstance(key, str):
                raise InvalidInputError.about(f"{name} key", key, "expected a string key")
            items[key] = value_converter(f"{name}[{key!r}]", value[key])
        return MappingProxyType(items)

    return convert
