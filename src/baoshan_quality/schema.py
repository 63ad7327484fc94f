"""JSON Schemas of the main inputs and results, generated from the attrs classes.

For systems that do not speak Python: each schema (JSON Schema draft 2020-12)
describes the JSON that :mod:`baoshan_quality.serialization` writes and reads —
built here by code from the classes' fields and type hints, so it cannot drift
from them:

* ``Decimal`` — a JSON **string** holding a plain decimal (``"92.5"``, ``"-5"``;
  no exponent, no spaces), as :func:`~baoshan_quality._decimals.to_decimal` reads it;
* ``datetime.date`` — an ISO date string (``"2025-05-10"``);
* an enum — one of its values; a tuple or list — an array; a frozen mapping — an
  object; ``X | None`` — ``X`` or ``null``;
* an attrs class — an object with one property per field; the fields without a
  default are required and no other key is allowed (the converter is strict).

A schema checks the *shape* of a document; the rules of the texts (a score above
its criterion's maximum, a duplicate unit, …) are checked when the document is read
(:func:`~baoshan_quality.serialization.from_json`), with the clause in the message.

The published schemas, by name (:data:`SCHEMAS`):

| name | describes |
| --- | --- |
| ``assessment`` | :class:`~baoshan_quality.guide.scoring.Assessment` (input of ``score``) |
| ``score-card`` | :class:`~baoshan_quality.guide.scoring.ScoreCard` (result of ``score``) |
| ``unit-scores`` | a list of :class:`~baoshan_quality.guide.tiering.UnitScore` (input of ``rank_units``) |
| ``ranking`` | :class:`~baoshan_quality.guide.ranking.Ranking` (result of ``rank_units``) |
| ``eligibility-request`` | ``{"organisation": {…}}`` or ``{"individual": {…}}``, optionally with ``applying_for`` (input of the command line's ``eligibility``) |
| ``organisation`` | :class:`~baoshan_quality.award.applicants.Organisation` |
| ``individual`` | :class:`~baoshan_quality.award.applicants.Individual` |
| ``eligibility-verdict`` | :class:`~baoshan_quality.award.eligibility.EligibilityVerdict` (result of ``check_eligibility``) |
| ``award-scheme`` | :class:`~baoshan_quality.award.scheme.AwardScheme` (the command line's ``--scheme FILE``) |

Pure: the schemas are built in memory (no files are read); the command line prints
one with ``baoshan-quality schema NAME``.

>>> s = schema("unit-scores")
>>> s["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> s["type"], s["items"]
('array', {'$ref': '#/$defs/UnitScore'})
>>> unit = s["$defs"]["UnitScore"]
>>> unit["required"], unit["properties"]["total"]["$ref"]
(['unit', 'total'], '#/$defs/Decimal')
>>> sorted(unit["properties"])
['incidents', 'major_incident', 'total', 'unit']
>>> json_schema(bool)
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidInputError: kind: expected an attrs class, or a list or tuple of one, got <class 'bool'> (type)
"""

from __future__ import annotations

import collections.abc
import datetime
import enum
import inspect
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from baoshan_quality._decimals import MAX_INTEGER_DIGITS, MAX_PLACES, MAX_TEXT
from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.eligibility import EligibilityVerdict
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.citations import Document
from baoshan_quality.errors import InvalidInputError
from baoshan_quality.guide.ranking import Ranking
from baoshan_quality.guide.scoring import Assessment, ScoreCard
from baoshan_quality.guide.tiering import UnitScore

__all__ = ["DIALECT", "SCHEMAS", "SCHEMA_BASE", "json_schema", "schema", "schema_names"]

#: The JSON Schema dialect of every schema here.
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Where the documentation site publishes the schemas (each ``$id`` is under it).
SCHEMA_BASE = "https://baoshan-quality.github.io/baoshan-quality/schemas/"

#: The JSON text of a Decimal the converter reads (``_decimals.to_decimal``): plain
#: notation, at most 60 digits before the point and 60 after, at most 63 characters
#: (the schema cannot also say "at most 60 significant digits"; the converter does).
DECIMAL_PATTERN = (
    rf"^-?(?:0|[1-9][0-9]{{0,{MAX_INTEGER_DIGITS - 1}}})(?:\.[0-9]{{1,{MAX_PLACES}}})?$"
)
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
#: The code of a class or track of an award scheme (``"gold"``, ``"model"``).
CODE_PATTERN = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"

_NONE = type(None)


def _first_paragraph(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


class _Builder:
    """Walks type hints, collecting one ``$defs`` entry per attrs class and enum."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.owners: dict[str, object] = {}

    def _define(self, name: str, owner: object, make: Callable[[], dict[str, Any]]) -> Any:
        if name in self.owners and self.owners[name] is not owner:
            module = getattr(owner, "__module__", "")
            name = f"{module}.{name}"
        if name not in self.owners:
            self.owners[name] = owner
            self.defs[name] = {}  # reserve first: classes may refer to themselves
            self.defs[name] = make()
        return {"$ref": f"#/$defs/{name}"}

    def of(self, tp: Any) -> Any:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp is Any or tp is object:
            return {}
        if origin is typing.Union or isinstance(tp, types.UnionType):
            options = [a for a in args if a is not _NONE]
            inner = [self.of(a) for a in options]
            alternatives = inner if len(inner) > 1 else inner[:1]
            if _NONE in args:
                alternatives = [*alternatives, {"type": "null"}]
            return alternatives[0] if len(alternatives) == 1 else {"anyOf": alternatives}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is str:
            return {"type": "string"}
        if tp is Decimal:
            return self._define("Decimal", Decimal, _decimal)
        if tp is datetime.date:
            return self._define("Date", datetime.date, _date)
        # (on Python 3.10 ``list[X]`` is an instance of ``type``: test the origin first)
        is_class = origin is None and isinstance(tp, type)
        if is_class and issubclass(tp, enum.Enum):
            return self._define(tp.__name__, tp, lambda: _enum(tp))
        if tp is Document:  # a library document is its number; any other, an object
            return self._define("Document", Document, self._document)
        if is_class and attrs.has(tp):
            return self._define(tp.__name__, tp, lambda: self._object(tp))
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.of(a) for a in args],
                "items": False,
                "minItems": len(args),
            }
        if origin in (list, collections.abc.Sequence, typing.Sequence):
            return {"type": "array", "items": self.of(args[0]) if args else {}}
        if origin in (dict, collections.abc.Mapping, types.MappingProxyType, typing.Mapping):
            if args and args[0] is not str:
                raise InvalidInputError.about("type", tp, "JSON object keys must be strings")
            return {"type": "object", "additionalProperties": self.of(args[1]) if args else {}}
        raise InvalidInputError.about("type", tp, "no JSON Schema for this type")

    def _object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            properties[field.name] = self.of(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        result: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "description": _first_paragraph(cls),
            "properties": properties,
        }
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result

    def _document(self) -> dict[str, Any]:
        shape = self._object(Document)
        title, description = shape.pop("title"), shape.pop("description")
        numbers = [d.number for d in Document.library()]
        library = {
            "type": "string",
            "description": "one of the library's documents",
            "enum": numbers,
        }
        return {"title": title, "description": description, "anyOf": [library, shape]}


def _decimal() -> dict[str, Any]:
    return {
        "type": "string",
        "title": "Decimal",
        "description": "An exact decimal written as a JSON string (no exponent, no spaces).",
        "pattern": DECIMAL_PATTERN,
        "maxLength": MAX_TEXT,
        "examples": ["92.5", "100", "-5"],
    }


def _date() -> dict[str, Any]:
    return {
        "type": "string",
        "title": "Date",
        "description": "A calendar date, ISO 8601 (YYYY-MM-DD).",
        "format": "date",
        "pattern": DATE_PATTERN,
        "examples": ["2025-05-10"],
    }


def _enum(kind: type[enum.Enum]) -> dict[str, Any]:
    values = [m.value for m in kind]
    result: dict[str, Any] = {"title": kind.__name__, "description": _first_paragraph(kind)}
    if all(isinstance(v, str) for v in values):
        result["type"] = "string"
    result["enum"] = values
    return result


def _is_supported(kind: object) -> bool:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is None and isinstance(kind, type) and attrs.has(kind):
        return True
    if origin is list and len(args) == 1:
        return _is_supported(args[0])
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _is_supported(args[0])
    return False


def _document(
    top: dict[str, Any], builder: _Builder, *, name: str, title: str, description: str
) -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        "title": title,
        "description": description,
        **top,
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema(kind: object, *, name: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``kind``, built from its fields and type hints.

    Parameters
    ----------
    kind
        An attrs class, or ``list[C]`` / ``tuple[C, ...]`` of one.
    name
        Sets the ``$id`` (default: the class name in lower case, ``<name>-list`` for
        an array).

    Returns
    -------
    dict[str, Any]
        A new schema on each call: the top-level shape and one ``$defs`` entry per
        class, enum, ``Decimal`` and date it uses.

    Raises
    ------
    InvalidInputError
        When ``kind`` is not an attrs class or a list or tuple of one, or one of its
        fields has a type JSON cannot hold (a mapping with non-string keys).

    Examples
    --------
    >>> from baoshan_quality import Assessment
    >>> s = json_schema(Assessment)
    >>> s["$ref"], s["$defs"]["Assessment"]["required"]
    ('#/$defs/Assessment', ['unit', 'year', 'scores'])
    >>> s["$defs"]["Assessment"]["properties"]["scores"]
    {'type': 'object', 'additionalProperties': {'$ref': '#/$defs/Decimal'}}
    """
    if not _is_supported(kind):
        raise InvalidInputError.about(
            "kind", kind, "expected an attrs class, or a list or tuple of one"
        )
    builder = _Builder()
    top = builder.of(kind)
    element = typing.get_args(kind)[0] if typing.get_origin(kind) else kind
    element_name = getattr(element, "__name__", str(element))
    is_array = typing.get_origin(kind) is not None
    title = f"list of {element_name}" if is_array else element_name
    description = _first_paragraph(element)
    if is_array:
        description = f"A JSON array of {element_name} objects. {description}"
    return _document(
        top,
        builder,
        name=name or (f"{element_name.lower()}-list" if is_array else element_name.lower()),
        title=title,
        description=description,
    )


def _eligibility_request() -> dict[str, Any]:
    builder = _Builder()
    organisation = builder.of(Organisation)
    individual = builder.of(Individual)
    applying_for = {
        "anyOf": [{"type": "string", "pattern": CODE_PATTERN}, {"type": "null"}],
        "description": "the code of a class of the scheme applied (Baoshan 2023: mayor, gold)",
    }
    top = {
        "type": "object",
        "properties": {
            "organisation": organisation,
            "individual": individual,
            "applying_for": applying_for,
        },
        "oneOf": [{"required": ["organisation"]}, {"required": ["individual"]}],
        "not": {"required": ["organisation", "individual"]},
        "additionalProperties": False,
    }
    return _document(
        top,
        builder,
        name="eligibility-request",
        title="eligibility request",
        description=(
            "One applicant for Measures Art. 3, 14-16 and 25: an organisation (model track) "
            "or an individual (achievement track), and optionally the award class applied for."
        ),
    )


#: The published schemas: name → what it describes (see the module docs).
SCHEMAS: Mapping[str, object] = types.MappingProxyType(
    {
        "assessment": Assessment,
        "score-card": ScoreCard,
        "unit-scores": list[UnitScore],
        "ranking": Ranking,
        "eligibility-request": "eligibility-request",
        "organisation": Organisation,
        "individual": Individual,
        "eligibility-verdict": EligibilityVerdict,
        "award-scheme": AwardScheme,
    }
)


def schema_names() -> tuple[str, ...]:
    """The names :func:`schema` knows, in the order of :data:`SCHEMAS`.

    Returns
    -------
    tuple[str, ...]
        ``assessment``, ``score-card``, ``unit-scores``, ``ranking`` and the
        eligibility schemas.

    Examples
    --------
    >>> schema_names()[:4]
    ('assessment', 'score-card', 'unit-scores', 'ranking')
    """
    return tuple(SCHEMAS)


def schema(name: str) -> dict[str, Any]:
    """The published JSON Schema called ``name`` (``baoshan-quality schema NAME`` prints it).

    Parameters
    ----------
    name
        One of :func:`schema_names` (``"ranking"``, ``"unit-scores"`` …).

    Returns
    -------
    dict[str, Any]
        The schema, with its ``$id`` under :data:`SCHEMA_BASE`.

    Raises
    ------
    InvalidInputError
        When no schema has that name.

    Examples
    --------
    >>> schema("ranking")["$id"]
    'https://baoshan-quality.github.io/baoshan-quality/schemas/ranking.schema.json'
    >>> schema("eligibility-request")["oneOf"]
    [{'required': ['organisation']}, {'required': ['individual']}]
    >>> schema("rankings")
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: name: expected one of assessment, score-card, unit-scores, ranking, eligibility-request, organisation, individual, eligibility-verdict, award-scheme, got 'rankings'
    """
    if not isinstance(name, str) or name not in SCHEMAS:
        raise InvalidInputError.about("name", name, "expected one of " + ", ".join(SCHEMAS))
    if name == "eligibility-request":
        return _eligibility_request()
    return json_schema(SCHEMAS[name], name=name)
