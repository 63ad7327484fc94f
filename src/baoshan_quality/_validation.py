"""Validators and converters for the library's frozen attrs classes.

They raise the library's own :class:`~baoshan_quality.errors.InvalidInputError`
(never ``TypeError``) with the class, the field and the bad value in the
message, so wrong types fail as clearly as wrong values.

**Typing a field's input (for mypy --strict and pyright alike).**  An attrs
converter's first parameter is what the constructor accepts, so type it by what
the field takes, not ``object``; the converter (or the field's validator) still
checks at run time and raises the library's error for anything else.

* A tuple field: ``converter=to_tuple`` with ``validator=is_tuple_of(X)``.
  :func:`to_tuple` is overloaded, ``(Iterable[T]) -> tuple[T, ...]`` first:
  pyright solves ``T`` from the field (``tuple[Reason, ...]`` accepts
  ``Iterable[Reason]``); mypy's attrs plugin does not read overloads and accepts
  anything.  For an input mypy checks too, or one wider than the element type,
  write a small named converter for the field (mypy accepts only named functions
  as converters, not a factory's result)::

      def _honors(value: Iterable[Honor | HonorLevel]) -> tuple[Honor, ...]:
          return tuple(h if isinstance(h, Honor) else Honor(h) for h in to_tuple(value))

  :func:`to_reasons` and :func:`to_names` are such converters for the two
  commonest element types.  A ``tuple[T, ...] | None`` field (``None``:
  unknown) takes ``to_tuple`` too (its second overload).
* A number: a named converter typed :data:`DecimalInput` (``Decimal | int | str
  | float``) that calls :func:`decimal_field` (or :func:`optional_decimal`) —
  their results accept any object at run time and refuse what is not a number::

      def _total(value: DecimalInput) -> Decimal:
          return decimal_field("UnitScore.total", minimum=0)(value)

* A mapping: a named converter typed ``Mapping[str, DecimalInput]`` (or the
  values it takes) that calls a :func:`frozen_mapping` converter.
"""

from __future__ import annotations

import datetime
import enum
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar, overload

import attrs

from baoshan_quality._decimals import MAX_INTEGER_DIGITS, DecimalInput, to_decimal
from baoshan_quality.citations import Citation, Reason
from baoshan_quality.errors import InvalidInputError, show

__all__ = [
    "DecimalInput",
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
    "name_problem",
    "optional_decimal",
    "to_name",
    "to_names",
    "to_optional_name",
    "to_reasons",
    "to_tuple",
]

T = TypeVar("T")
_INT_LIMIT = 10**MAX_INTEGER_DIGITS
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string (may be empty)."""
    if not isinstance(value, str):
        raise InvalidInputError.about(_where(instance, attribute), value, "expected a string")


#: Unicode categories a name may not contain: control (Cc), format (Cf: zero-width
#: spaces and joiners, the BOM, bidi controls, the soft hyphen), surrogate (Cs: a
#: lone surrogate), private use (Co), unassigned (Cn) and the line and paragraph
#: separators (Zl, Zp).  They are invisible, or print differently on each system, so
#: that two names that look the same would be two units.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

_CATEGORY_NAMES = {
    "Cc": "a control character",
    "Cf": "an invisible format character",
    "Cs": "a lone surrogate",
    "Co": "a private-use character",
    "Cn": "an unassigned code point",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}


def _code_point(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def name_problem(value: str) -> str | None:
    """What makes ``value`` unfit as a name, or ``None`` when it is a fit one.

    A name is non-blank, has no whitespace at either end, is in Unicode normal form
    NFC (``"罗店镇"`` has one spelling), and holds no character of
    :data:`HIDDEN_CATEGORIES`.  The problem names the position (counted from 0, as
    Python indexes a string) and the code point.

    >>> name_problem("罗店镇") is None
    True
    >>> name_problem("罗店镇\u200b")
    'U+200B ZERO WIDTH SPACE at position 3 is an invisible format character (Cf); a name may not contain it'
    >>> name_problem("Cafe\u0301")
    "not in Unicode normal form NFC from position 3 (U+0065 LATIN SMALL LETTER E, U+0301 COMBINING ACUTE ACCENT); write it as unicodedata.normalize('NFC', name)"
    """
    if not value.strip():
        return "expected a non-blank name"
    if value != value.strip():
        return "a name may not start or end with whitespace"
    # str.isprintable() is False for every character of the categories C* and Z* but the
    # ASCII space (Python's definition), so a printable name holds no hidden character and
    # skips the scan for one (the common case, at C speed).
    if not value.isprintable():
        for position, char in enumerate(value):
            category = unicodedata.category(char)
            if category in HIDDEN_CATEGORIES:
                return (
                    f"{_code_point(char)} at position {position} is "
                    f"{_CATEGORY_NAMES[category]} ({category}); a name may not contain it"
                )
    if not unicodedata.is_normalized("NFC", value):
        normal = unicodedata.normalize("NFC", value)
        at = next(
            (i for i, (a, b) in enumerate(zip(value, normal, strict=False)) if a != b),
            min(len(value), len(normal)),
        )
        shown = ", ".join(_code_point(c) for c in value[at : at + 2])
        return (
            f"not in Unicode normal form NFC from position {at} ({shown}); "
            "write it as unicodedata.normalize('NFC', name)"
        )
    return None


def is_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A name: a non-blank string without surrounding whitespace, in NFC, with no
    hidden character (see :func:`name_problem`).

    Surrounding spaces are refused rather than stripped: ``"罗店镇 "`` and
    ``"罗店镇"`` would otherwise be two different units; so are zero-width and other
    invisible characters.  Pair it with the :func:`to_name` converter, which puts the
    name in NFC first (an NFD spelling then equals the NFC one instead of being
    refused).
    """
    is_text(instance, attribute, value)
    assert isinstance(value, str)
    problem = name_problem(value)
    if problem is not None:
        raise InvalidInputError.about(_where(instance, attribute), value, problem)


def to_name(value: str) -> str:
    """Converter of a name field: the name in Unicode normal form NFC.

    ``"罗店镇"`` written with decomposed characters (NFD) becomes the one composed
    spelling, so that it is the same unit.  Anything not a string is passed through
    for :func:`is_name` to refuse.

    >>> to_name("Cafe\u0301") == "Café"
    True
    """
    if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
        return unicodedata.normalize("NFC", value)
    return value


def to_optional_name(value: str | None) -> str | None:
    """:func:`to_name` for a ``str | None`` field (``None`` kept)."""
    return to_name(value) if isinstance(value, str) else value


def is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Exactly ``True`` or ``False`` (not 0/1, not ``"false"``)."""
    if not isinstance(value, bool):
        raise InvalidInputError.about(_where(instance, attribute), value, "expected True or False")


def is_int(minimum: int | None = None, maximum: int | None = None) -> Validator:
    """An ``int`` (not a bool) within the bounds, and of at most 60 digits whatever the
    bounds (the library's numbers: :data:`~baoshan_quality._decimals.MAX_INTEGER_DIGITS`)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        where = _where(instance, attribute)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInputError.about(where, value, "expected a whole number (int)")
        if not -_INT_LIMIT < value < _INT_LIMIT:
            raise InvalidInputError.about(
                where, value, f"more than {MAX_INTEGER_DIGITS} digits for a whole number"
            )
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


@overload
def to_tuple(value: Iterable[T]) -> tuple[T, ...]: ...
@overload
def to_tuple(value: Iterable[T] | None) -> tuple[T, ...] | None: ...
@overload
def to_tuple(value: object) -> object: ...
def to_tuple(value: object) -> object:
    """Converter: lists and other iterables (not strings or mappings) become tuples.

    Anything else (``None`` too) is passed through unchanged for the field's
    validator to refuse (or, for a ``tuple[T, ...] | None`` field, to accept).

    Parameters
    ----------
    value
        An iterable of the field's elements (typed ``Iterable[T]``, or
        ``Iterable[T] | None``: pyright reads ``T`` from the field's type).

    Returns
    -------
    tuple[T, ...]
        The elements in order; a string, a mapping or a non-iterable unchanged.

    Examples
    --------
    >>> to_tuple([1, 2]), to_tuple(x for x in "ab"), to_tuple("ab"), to_tuple(None)
    ((1, 2), ('a', 'b'), 'ab', None)
    """
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def to_reasons(value: Iterable[Reason]) -> tuple[Reason, ...]:
    """Converter of a ``reasons`` field (validate with ``is_tuple_of(Reason)``).

    >>> from baoshan_quality.citations import guide
    >>> to_reasons([Reason(guide("§8.2"), "排名。", "Ranked.")])[0].en
    'Ranked.'
    """
    return to_tuple(value)


def to_names(value: Iterable[str]) -> tuple[str, ...]:
    """Converter of a tuple of names or codes (validate with ``is_tuple_of(str)``).

    Each name is put in NFC (:func:`to_name`).  A single string is passed through for
    the validator to refuse, not split into its characters.

    >>> to_names(["罗店镇", "大场镇"]), to_names("罗店镇")
    (('罗店镇', '大场镇'), '罗店镇')
    """
    items = to_tuple(value)
    if not isinstance(items, tuple):
        return items
    return tuple(to_name(x) for x in items)


def decimal_field(
    name: str,
    *,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    citation: Citation | None = None,
) -> Callable[[object], Decimal]:
    """A converter that parses a points or money value into Decimal (see :func:`to_decimal`).

    The converter accepts any object at run time and raises the library's error for
    anything but a number in bounds; call it from a named converter typed
    :data:`DecimalInput` so that both type checkers read the field's input type.

    >>> decimal_field("UnitScore.total", minimum=0)("92.5")
    Decimal('92.5')
    """

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
    """Like :func:`decimal_field`, but ``None`` (unknown) is kept.

    >>> optional_decimal("x")(None), optional_decimal("x")(5)
    (None, Decimal('5'))
    """
    inner = decimal_field(name, minimum=minimum, maximum=maximum, citation=citation)

    def convert(value: object) -> Decimal | None:
        return None if value is None else inner(value)

    return convert


def frozen_mapping(
    name: str, value_converter: Callable[[str, object], T]
) -> Callable[[object], Mapping[str, T]]:
    """Converter: a mapping with string keys, frozen (read-only) and key-sorted.

    Each value goes through ``value_converter(path, value)``, which receives whatever
    the caller put in the mapping and refuses what it cannot read.  The converter
    accepts any object at run time; call it from a named converter typed
    ``Mapping[str, X]`` (``X`` what a value may be).

    >>> ratings = frozen_mapping("ratings", lambda path, v: int(v))({"b": "2", "a": 1})
    >>> dict(ratings)
    {'a': 1, 'b': 2}
    """

    def convert(value: object) -> Mapping[str, T]:
        if not isinstance(value, Mapping):
            raise InvalidInputError.about(name, value, "expected a mapping (dict)")
        items: dict[str, T] = {}
        for key in sorted(
            value, key=lambda k: (not isinstance(k, str), k if isinstance(k, str) else "")
        ):
            if not isinstance(key, str):
                raise InvalidInputError.about(f"{name} key", key, "expected a string key")
            items[key] = value_converter(f"{name}[{show(key)}]", value[key])
        return MappingProxyType(items)

    return convert
