"""Hypothesis strategies for the JSON boundary of every public type.

Nothing here is written per type: the strategies are derived from the type
hints of the public attrs classes and functions, so a class or function added
to ``baoshan_quality.__all__`` is fuzzed without touching this file.

* :func:`well_formed` — a JSON document (dicts, lists, strings …) with the shape
  of a type: every field present or omitted, strings that are codes the tables
  really use, names, non-BMP and empty text; decimals as strings (plain and
  odd); ISO dates; enum values.
* :func:`malformed` — a well-formed document damaged at one random place: a
  value of the wrong type, a key removed or added, huge and tiny numbers, NaN
  strings, deep nesting, an array item duplicated (duplicate units).
* :func:`documents` — either, half and half.
* :func:`arguments` — Python arguments for a public function: values
  structured from documents where the converter accepts them, the raw JSON
  value (a wrong type) where it does not.
"""

from __future__ import annotations

import collections.abc
import datetime
import enum
import functools
import inspect
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from baoshan_quality.errors import BaoshanQualityError
from baoshan_quality.serialization import structure
from tests.public import public_objects

Json = Any
MAX_DEPTH = 5

# --- the public face -----------------------------------------------------------------


def public_attrs_classes() -> list[type]:
    return [o for _, o in public_objects() if isinstance(o, type) and attrs.has(o)]


def input_classes() -> list[type]:
    """Public attrs classes that check their fields (a validator or converter on a field).

    The others are results the library builds (plain typed fields, SPEC "results
    built by the library itself may have plain typed fields"): from outside they
    are read through :func:`~baoshan_quality.serialization.structure`, which checks
    every value's type, not built by hand.
    """
    return [
        c
        for c in public_attrs_classes()
        if any(f.validator is not None or f.converter is not None for f in attrs.fields(c))
    ]


def public_enums() -> list[type[enum.Enum]]:
    return [o for _, o in public_objects() if isinstance(o, type) and issubclass(o, enum.Enum)]


#: Functions of the JSON layer itself; fuzzed through from_json/structure directly.
SERIALIZATION = {"from_json", "structure", "to_json", "unstructure"}


def public_functions() -> list[Callable[..., Any]]:
    return [
        o for name, o in public_objects() if inspect.isfunction(o) and name not in SERIALIZATION
    ]


# --- leaves ----------------------------------------------------------------------------


def _codes_in(value: object, seen: set[int], out: set[str], depth: int = 0) -> None:
    """Collect the ``code``/``unit``-like strings of the library's static tables."""
    if depth > 8 or id(value) in seen:
        return
    seen.add(id(value))
    if attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            if f.name.startswith("_"):
                continue
            item = getattr(value, f.name)
            if isinstance(item, str) and len(item) <= 12 and f.name in {"code", "key"}:
                out.add(item)
            else:
                _codes_in(item, seen, out, depth + 1)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _codes_in(item, seen, out, depth + 1)
    elif isinstance(value, collections.abc.Mapping):
        for key, item in value.items():
            if isinstance(key, str) and len(key) <= 12:
                out.add(key)
            _codes_in(item, seen, out, depth + 1)


@functools.cache
def table_codes() -> tuple[str, ...]:
    """Every code printed in the library's tables (criteria, items, indicators …)."""
    out: set[str] = set()
    for _, obj in public_objects():
        if not isinstance(obj, type) and not callable(obj):
            _codes_in(obj, set(), out)
    return tuple(sorted(out))


UNITS = ("罗店镇", "顾村镇", "大场镇", "杨行镇", "友谊路街道", "宝山工业园区", "月浦镇", "𠀀镇")

weird_text = st.sampled_from(
    ["", " ", "\t", " 罗店镇", "罗店镇 ", "\x00", "\ud800", "𝔘𝔫𝔦𝔱", "😀" * 3, "a" * 5000,
     "NaN", "Infinity", "-0", "null", "true", "1e999", "0x10", "١٢٣"]
)  # fmt: skip


@functools.cache
def text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(UNITS),
        st.sampled_from(table_codes() or ("1.1.1",)),
        st.text(max_size=20),
        st.text(st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF), max_size=4),
        weird_text,
    )


decimal_text = st.one_of(
    st.integers(-200, 1200).map(str),
    st.decimals(-1000, 1000, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.decimals(0, 100, places=4, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(
        ["NaN", "nan", "Infinity", "-Infinity", "sNaN", "1e3", "1E+2", "+5", " 5", "5 ",
         "0.1", "-0", "-0.0", "00", "1_000", "9" * 39, "9" * 41, "0." + "0" * 38 + "1", ""]
    ),
)  # fmt: skip

date_text = st.one_of(
    st.dates(datetime.date(2015, 1, 1), datetime.date(2035, 12, 31)).map(datetime.date.isoformat),
    st.dates().map(datetime.date.isoformat),
    st.sampled_from(["2024-02-30", "2023-02-29", "2024-13-01", "2024-5-1", "20240501",
                     "2024-05-01T00:00:00", "0000-01-01", ""]),
)  # fmt: skip

integers = st.one_of(
    st.integers(-5, 40),
    st.integers(1990, 2040),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 10**400, -(10**400)]),
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    integers,
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e308, 5e-324, -0.0, 0.1]),
    decimal_text,
    weird_text,
    st.text(max_size=8),
)

any_json: st.SearchStrategy[Json] = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def deep(doc: Json, levels: int) -> Json:
    for _ in range(levels):
        doc = [doc]
    return doc


# --- documents from type hints ---------------------------------------------------------


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if _is_union(tp) and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        return (rest[0] if len(rest) == 1 else typing.Union[rest]), True  # noqa: UP007
    return tp, False


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def well_formed(tp: Any, depth: int = 0) -> st.SearchStrategy[Json]:
    """A JSON document with the shape of ``tp`` (values may still break its rules)."""
    if depth > MAX_DEPTH:
        return st.just([]) if typing.get_origin(tp) in (tuple, list) else json_scalars
    tp, optional = _strip_optional(tp)
    inner = _shape(tp, depth)
    return st.one_of(st.none(), inner) if optional else inner


def _shape(tp: Any, depth: int) -> st.SearchStrategy[Json]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is str:
        return text()
    if tp is bool:
        return st.booleans()
    if tp is int:
        return integers
    if tp is Decimal:
        return decimal_text
    if tp is datetime.date:
        return date_text
    if tp is type(None):
        return st.none()
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from([m.value for m in tp])
    if isinstance(tp, type) and attrs.has(tp):
        return _attrs_doc(tp, depth)
    if _is_union(tp):
        return st.one_of(*(well_formed(a, depth + 1) for a in args))
    if origin in (tuple, list, collections.abc.Sequence, collections.abc.Iterable, set,
                  frozenset, collections.abc.Collection):  # fmt: skip
        item = args[0] if args else Any
        if origin is tuple and args and (len(args) != 2 or args[1] is not Ellipsis):
            return st.tuples(*(well_formed(a, depth + 1) for a in args)).map(list)
        size = 8 if depth == 0 else 4 if depth <= 2 else 2
        return st.lists(well_formed(item, depth + 1), max_size=size)
    if origin in (dict, collections.abc.Mapping, types.MappingProxyType):
        value = args[1] if len(args) == 2 else Any
        keys = st.one_of(st.sampled_from(table_codes() or ("1.1.1",)), text())
        size = 32 if depth <= 1 else 3
        return st.dictionaries(keys, well_formed(value, depth + 1), max_size=size)
    if origin is typing.Literal:
        return st.sampled_from(list(args))
    return any_json


def _attrs_doc(cls: type, depth: int) -> st.SearchStrategy[Json]:
    fields = [f for f in attrs.fields(cls) if f.init]
    types_ = hints(cls)
    required = {}
    optional = {}
    for f in fields:
        key = f.alias or f.name
        strategy = well_formed(types_.get(f.name, Any), depth + 1)
        if f.default is attrs.NOTHING:
            required[key] = strategy
        else:
            optional[key] = strategy
    return st.fixed_dictionaries(required, optional=optional)


# --- damage ----------------------------------------------------------------------------


def _paths(doc: Json, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            out += _paths(value, (*prefix, index))
    return out


def _get(doc: Json, path: tuple[Any, ...]) -> Json:
    for step in path:
        doc = doc[step]
    return doc


def _replace(doc: Json, path: tuple[Any, ...], new: Json) -> Json:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(doc, dict):
        return {**doc, head: _replace(doc[head], rest, new)}
    copy = list(doc)
    copy[head] = _replace(doc[head], rest, new)
    return copy


_DAMAGE = ("wrong-type", "drop-key", "extra-key", "number", "nan", "deep", "duplicate", "empty")


@st.composite
def malformed(draw: st.DrawFn, tp: Any) -> Json:
    """A well-formed document of ``tp`` damaged at one place."""
    doc = draw(well_formed(tp))
    path = draw(st.sampled_from(_paths(doc)))
    target = _get(doc, path)
    how = draw(st.sampled_from(_DAMAGE))
    if how == "drop-key" and isinstance(target, dict) and target:
        key = draw(st.sampled_from(sorted(target)))
        return _replace(doc, path, {k: v for k, v in target.items() if k != key})
    if how == "extra-key" and isinstance(target, dict):
        key = draw(st.one_of(st.sampled_from(["colour", "__class__", "", "unit"]), st.text()))
        return _replace(doc, path, {**target, key: draw(any_json)})
    if how == "duplicate" and isinstance(target, list) and target:
        item = draw(st.sampled_from(target))
        return _replace(doc, path, [*target, item])
    if how == "number":
        number = draw(st.sampled_from([10**400, -(10**400), 1e308, 5e-324, 2**63, -1, 0.5]))
        return _replace(doc, path, number)
    if how == "nan":
        return _replace(doc, path, draw(st.sampled_from(["NaN", "Infinity", "-inf", "1e999"])))
    if how == "deep":
        return _replace(doc, path, deep(target, draw(st.integers(1, 200))))
    if how == "empty":
        return _replace(doc, path, draw(st.sampled_from(["", [], {}, None])))
    return _replace(doc, path, draw(any_json))


def documents(tp: Any) -> st.SearchStrategy[Json]:
    """Well-formed or malformed documents of ``tp``."""
    return st.one_of(well_formed(tp), malformed(tp))


# --- Python arguments for the public functions -----------------------------------------


def try_structure(doc: Json, tp: Any) -> object:
    """``doc`` read as ``tp``; the raw document (a wrong type) where it cannot be."""
    try:
        return structure(doc, tp)
    except BaoshanQualityError:
        return doc


_TYPES_FOR_KIND = st.deferred(
    lambda: st.sampled_from([*public_attrs_classes(), *public_enums(), int, str, Decimal])
)


def value_for(tp: Any, depth: int = 0) -> st.SearchStrategy[object]:
    """A Python value for a parameter annotated ``tp`` — right or wrong type."""
    tp, optional = _strip_optional(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is type:
        strategy: st.SearchStrategy[object] = _TYPES_FOR_KIND
    elif tp is object or tp is Any:
        strategy = any_json
    elif _is_union(tp):
        strategy = st.one_of(*(value_for(a, depth + 1) for a in args))
    elif origin in (collections.abc.Iterable, collections.abc.Sequence, list, tuple,
                    collections.abc.Collection) and depth < 2:  # fmt: skip
        item = args[0] if args else Any
        strategy = st.lists(value_for(item, depth + 1), max_size=16).map(
            lambda xs: tuple(xs) if origin is tuple else xs
        )
    elif origin in (dict, collections.abc.Mapping) and len(args) == 2:
        strategy = st.dictionaries(text(), value_for(args[1], depth + 1), max_size=6)
    elif isinstance(tp, type) and (
        attrs.has(tp) or issubclass(tp, (enum.Enum, datetime.date, Decimal, str, int))
    ):
        strategy = documents(tp).map(lambda doc, tp=tp: try_structure(doc, tp))
        if tp is int:
            strategy = st.one_of(integers, strategy)
    else:
        strategy = st.one_of(any_json, st.just(object()))
    junk = st.one_of(any_json, st.sampled_from([object(), 1.5, b"x", {1, 2}, float("nan")]))
    strategy = st.one_of(strategy, strategy, strategy, junk)
    return st.one_of(st.none(), strategy) if optional else strategy


@st.composite
def arguments(draw: st.DrawFn, function: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
    """Positional and keyword arguments for ``function``, right and wrong."""
    signature = inspect.signature(function)
    types_ = typing.get_type_hints(function)
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    skipped = False
    for param in signature.parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.default is not param.empty and draw(st.booleans()):
            skipped = True
            continue
        value = draw(value_for(types_.get(param.name, Any)), label=param.name)
        if param.kind is param.KEYWORD_ONLY or (
            skipped and param.kind is param.POSITIONAL_OR_KEYWORD
        ):
            keywords[param.name] = value
        else:
            positional.append(value)
    return positional, keywords


# --- hostile values (issue 15, item 7) ---------------------------------------------------
#
# What a system that did not write its input may hand the library: integers past
# Python's 4,300-digit ``str`` limit, Decimals of any exponent and length (signed
# zeros, NaN, sNaN, infinities), lists and dicts that contain themselves or nest
# thousands deep, dicts with keys that are not strings, names that look like
# others (NFD, zero-width, bidi controls, lone surrogates), and decimal contexts
# set by the caller to anything.


def _power(n: int) -> int:
    return int(10**n) if n > 0 else -int(10**-n)


#: Integers whose decimal text Python refuses to build (4,300 digits and more), and
#: the edges of the library's 60-digit bound.  (Drawn from exponents: hypothesis
#: shows a strategy by its repr, and the repr of ``sampled_from([10**5000])`` fails.)
big_ints = st.one_of(
    st.sampled_from([4300, 5000, -5000, 60, -60, 59]).map(_power),
    st.integers(4300, 20_000).map(lambda n: 10**n - 1),
    st.just(20_000).map(lambda n: 2**n),
)


@st.composite
def _decimal_parts(draw: st.DrawFn) -> Decimal:
    sign = draw(st.integers(0, 1))
    digits = draw(st.one_of(st.integers(1, 3), st.integers(59, 62), st.integers(100, 5000)))
    coefficient = tuple(draw(st.lists(st.integers(0, 9), min_size=digits, max_size=digits)))
    exponent = draw(
        st.one_of(
            st.integers(-70, 70),
            st.sampled_from([-9_999_999, -999_999, -999_998, -1000, 1000, 999_999, 9_999_999]),
            st.integers(-(10**7), 10**7),
        )
    )
    return Decimal((sign, coefficient, exponent))


#: Decimals of any exponent and length, and the special values.
odd_decimals: st.SearchStrategy[Decimal] = st.one_of(
    st.sampled_from(
        [Decimal(s) for s in (
            "5E-9999999", "1E+999999", "1E-999999", "9E+999999999", "-0", "-0E-5", "0E+9",
            "0E-9999999", "NaN", "-NaN", "sNaN", "NaN123", "Infinity", "-Infinity",
            "1" * 61, "0." + "0" * 60 + "1", "1" * 60, "1E+59", "1E+60", "1E-60", "1E-61",
            "92.50000000000000000000000000000000000000000000000000000000000",
        )]
    ),
    _decimal_parts(),
)  # fmt: skip


def _self_list() -> list[Any]:
    items: list[Any] = [1]
    items.append(items)
    return items


def _self_dict() -> dict[str, Any]:
    mapping: dict[str, Any] = {"unit": "罗店镇"}
    mapping["total"] = mapping
    return mapping


def _deep(levels: int, mapping: bool) -> Any:
    doc: Any = "x"
    for _ in range(levels):
        doc = {"a": doc} if mapping else [doc]
    return doc


#: Lists and dicts that contain themselves, or nest past Python's recursion limit.
self_referencing = st.one_of(
    st.builds(_self_list),
    st.builds(_self_dict),
    st.builds(_deep, st.sampled_from([1_000, 5_000, 20_000]), st.booleans()),
)

#: Dicts whose keys are not strings (JSON has none; Python callers may pass them).
non_string_keys = st.dictionaries(
    st.one_of(st.integers(), st.none(), st.booleans(), st.tuples(st.integers()),
              st.sampled_from([1.5, Decimal("1"), b"unit"]), big_ints),
    st.one_of(st.integers(), st.text(max_size=3), st.none()),
    min_size=1, max_size=3,
)  # fmt: skip

#: Characters that make a name look like another or hide in it.
TRICK_CHARACTERS = (
    "\u200b",  # zero-width space (Cf)
    "\u200c",  # zero-width non-joiner (Cf)
    "\u200d",  # zero-width joiner (Cf)
    "\u2060",  # word joiner (Cf)
    "\ufeff",  # byte-order mark / zero-width no-break space (Cf)
    "\u00ad",  # soft hyphen (Cf)
    "\u202e",  # right-to-left override (Cf)
    "\u2066",  # left-to-right isolate (Cf)
    "\u200f",  # right-to-left mark (Cf)
    "\x00",  # NUL (Cc)
    "\x1b",  # escape (Cc)
    "\x7f",  # delete (Cc)
    "\x85",  # next line (Cc)
    "\ud800",  # lone high surrogate (Cs)
    "\udfff",  # lone low surrogate (Cs)
    "\ue000",  # private use (Co)
    "\U000f0000",  # supplementary private use (Co)
    "\u0378",  # unassigned (Cn)
)


def nfd(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", name)


@st.composite
def tricky_names(draw: st.DrawFn) -> str:
    """A plausible name with a hidden character at a random place, or in NFD form."""
    base = draw(st.sampled_from([*UNITS, "Café Ölmühle", "Ａ镇", "罗店镇"]))
    if draw(st.booleans()):
        decomposed = nfd(base + draw(st.sampled_from(["é", "Å", "ñ", "ガ", "가"])))
        if decomposed != base:
            return decomposed
    trick = draw(st.sampled_from(TRICK_CHARACTERS))
    at = draw(st.integers(0, len(base)))
    return base[:at] + trick + base[at:]


#: Every hostile kind, for one argument or one place in a document.
hostile: st.SearchStrategy[Any] = st.one_of(
    big_ints,
    odd_decimals,
    self_referencing,
    non_string_keys,
    tricky_names(),
    st.text(st.characters(codec=None, categories=["Cc", "Cf", "Cs", "Co", "Cn"]), min_size=1),
    st.sampled_from([float("nan"), float("inf"), -0.0, 5e-324, 1.7976931348623157e308]),
    st.just("x" * 200_000),
)


@st.composite
def hostile_documents(draw: st.DrawFn, tp: Any) -> Json:
    """A document of ``tp`` with one place replaced by a hostile Python value (for
    :func:`~baoshan_quality.serialization.structure`; ``json.dumps`` cannot write most)."""
    doc = draw(well_formed(tp))
    path = draw(st.sampled_from(_paths(doc)))
    return _replace(doc, path, draw(hostile))


@st.composite
def hostile_arguments(
    draw: st.DrawFn, function: Callable[..., Any]
) -> tuple[list[Any], dict[str, Any]]:
    """Arguments for ``function`` with one (or one inside a list) replaced by a hostile value."""
    positional, keywords = draw(arguments(function))
    slots = [("p", i) for i in range(len(positional))] + [("k", k) for k in keywords]
    if not slots:
        return positional, keywords
    kind, where = draw(st.sampled_from(slots))
    current = positional[where] if kind == "p" else keywords[where]  # type: ignore[index]
    new = draw(hostile)
    if isinstance(current, (list, tuple)) and current and draw(st.booleans()):
        index = draw(st.integers(0, len(current) - 1))
        items = list(current)
        items[index] = new
        new = type(current)(items)
    if kind == "p":
        positional[where] = new  # type: ignore[index]
    else:
        keywords[where] = new  # type: ignore[index]
    return positional, keywords


@st.composite
def hostile_fields(draw: st.DrawFn, cls: type) -> dict[str, Any]:
    """Keyword arguments for an attrs class: each field well-typed or hostile."""
    fields = [f for f in attrs.fields(cls) if f.init]
    types_ = hints(cls)
    out: dict[str, Any] = {}
    chosen = draw(st.sampled_from([f.name for f in fields])) if fields else None
    for f in fields:
        key = f.alias or f.name
        if f.name == chosen:
            out[key] = draw(hostile)
        elif f.default is attrs.NOTHING or draw(st.booleans()):
            out[key] = draw(value_for(types_.get(f.name, Any)))
    return out


@st.composite
def hostile_contexts(draw: st.DrawFn) -> Any:
    """A decimal context a caller might have left set: tiny precision, every trap on."""
    import decimal

    rounding = draw(
        st.sampled_from([decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_05UP,
                         decimal.ROUND_HALF_EVEN, decimal.ROUND_FLOOR])
    )  # fmt: skip
    return decimal.Context(
        prec=draw(st.integers(1, 4)),
        rounding=rounding,
        Emin=draw(st.integers(-5, 0)),
        Emax=draw(st.integers(0, 5)),
        capitals=draw(st.integers(0, 1)),
        clamp=draw(st.integers(0, 1)),
        traps=list(decimal.getcontext().flags) if draw(st.booleans()) else [],
    )
