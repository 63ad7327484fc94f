"""JSON Schemas (baoshan_quality.schema) against documents the library writes and reads.

* every published schema is a valid draft 2020-12 schema;
* the example documents under docs/examples/ and what the library writes for the
  illustrative sample, a ranking and eligibility verdicts are valid;
* documents of the wrong shape are invalid (a number for a decimal, an unknown key,
  a missing required key, a bad date, an unknown enum value);
* soundness, for every public attrs class: whatever the strict converter accepts, the
  schema accepts, and so is what it writes back.
"""

from __future__ import annotations

import copy
import datetime
import functools
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import baoshan_quality as bq
from baoshan_quality import (
    Individual,
    InvalidInputError,
    Organisation,
    check_eligibility,
    rank_units,
    score,
)
from baoshan_quality.errors import BaoshanQualityError
from baoshan_quality.sample import sample_assessments
from baoshan_quality.schema import DIALECT, SCHEMAS, json_schema, schema, schema_names
from baoshan_quality.serialization import structure, unstructure
from tests.fuzz.strategies import documents, well_formed
from tests.public import public_objects

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
Validator = jsonschema.Draft202012Validator


def _validator(document: dict[str, Any]) -> jsonschema.protocols.Validator:
    return Validator(document, format_checker=Validator.FORMAT_CHECKER)


@functools.cache
def _validator_of(kind: Any) -> jsonschema.protocols.Validator:
    return _validator(json_schema(kind))


def _errors(name: str, instance: object) -> list[str]:
    return [e.message for e in _validator(schema(name)).iter_errors(instance)]


@pytest.mark.parametrize("name", schema_names())
def test_every_published_schema_is_a_valid_2020_12_schema(name: str) -> None:
    document = schema(name)
    assert document["$schema"] == DIALECT
    Validator.check_schema(document)
    assert document["$id"].endswith(f"/{name}.schema.json")
    assert json.loads(json.dumps(document)) == document  # plain JSON data


def test_schema_returns_a_new_document_each_time() -> None:
    first = schema("ranking")
    first["$defs"].clear()
    assert schema("ranking")["$defs"]


# --- example documents -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("units.json", "unit-scores"),
        ("assessment.json", "assessment"),
        ("organisation.json", "eligibility-request"),
        ("individual.json", "eligibility-request"),
    ],
)
def test_example_files_are_valid(file: str, name: str) -> None:
    assert _errors(name, json.loads((EXAMPLES / file).read_text("utf-8"))) == []


def test_what_the_library_writes_for_the_sample_is_valid() -> None:
    assessments = sample_assessments()
    cards = [score(a) for a in assessments]
    for a, card in zip(assessments, cards, strict=True):
        assert _errors("assessment", unstructure(a)) == []
        assert _errors("score-card", unstructure(card)) == []
    assert _errors("ranking", unstructure(rank_units(cards))) == []
    units = [{"unit": c.unit, "total": str(c.total)} for c in cards]
    assert _errors("unit-scores", units) == []


def test_eligibility_verdicts_and_applicants_are_valid() -> None:
    request = json.loads((EXAMPLES / "organisation.json").read_text("utf-8"))
    org = structure(request["organisation"], Organisation)
    person = Individual(name="张三", works_in_baoshan_quality=True)
    assert _errors("organisation", unstructure(org)) == []
    assert _errors("individual", unstructure(person)) == []
    for applicant in (org, person):
        verdict = check_eligibility(
            applicant, applied_on=datetime.date(2025, 5, 10), applying_for="gold"
        )
        assert _errors("eligibility-verdict", unstructure(verdict)) == []


# --- documents of the wrong shape --------------------------------------------------------


def _units() -> list[dict[str, Any]]:
    return json.loads((EXAMPLES / "units.json").read_text("utf-8"))  # type: ignore[no-any-return]


def _broken(change: str) -> object:
    units = copy.deepcopy(_units())
    if change == "number for a decimal":
        units[0]["total"] = 96.5
    elif change == "exponent in a decimal":
        units[0]["total"] = "9.65E+1"
    elif change == "unknown key":
        units[0]["rank"] = 1
    elif change == "missing required key":
        del units[0]["total"]
    elif change == "string for a bool":
        units[0]["major_incident"] = "false"
    elif change == "object instead of array":
        return units[0]
    return units


@pytest.mark.parametrize(
    "change",
    [
        "number for a decimal",
        "exponent in a decimal",
        "unknown key",
        "missing required key",
        "string for a bool",
        "object instead of array",
    ],
)
def test_wrong_shapes_are_invalid_and_the_converter_agrees(change: str) -> None:
    document = _broken(change)
    assert _errors("unit-scores", document) != []
    with pytest.raises(BaoshanQualityError):
        structure(document, list[bq.UnitScore])


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"organisation": {"name": "甲", "registered_on": "2015-3-2"}}, "bad date"),
        ({"organisation": {"name": "甲", "registered_on": "2015-02-30"}}, "no such date"),
        # a class is named by its code (the scheme's, so "silver" is refused when read, not here)
        ({"individual": {"name": "甲"}, "applying_for": "Gold Award"}, "not a class code"),
        ({"organisation": {"name": "甲"}, "individual": {"name": "乙"}}, "both kinds"),
        ({"applying_for": "gold"}, "no applicant"),
        ({"individual": {"name": "甲", "age": 40}}, "unknown fact"),
    ],
)
def test_wrong_eligibility_requests_are_invalid(document: object, problem: str) -> None:
    assert _errors("eligibility-request", document) != [], problem


def test_json_schema_refuses_what_is_not_an_attrs_class() -> None:
    for kind in (int, dict[str, int], "Ranking", None):
        with pytest.raises(InvalidInputError):
            json_schema(kind)
    with pytest.raises(InvalidInputError):
        schema(["ranking"])  # type: ignore[arg-type]


# --- soundness over every public attrs class ---------------------------------------------

PUBLIC_CLASSES = sorted(
    (o for _, o in public_objects() if isinstance(o, type) and attrs.has(o)),
    key=lambda c: c.__name__,
)


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda c: c.__name__)
def test_every_public_class_has_a_valid_schema(cls: type) -> None:
    Validator.check_schema(json_schema(cls))


@pytest.mark.parametrize("kind", [*SCHEMAS.values()][:4], ids=[*SCHEMAS][:4])
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_what_the_converter_accepts_the_schema_accepts(kind: Any, data: st.DataObject) -> None:
    validator = _validator_of(kind)
    document = data.draw(documents(kind))
    try:
        value = structure(document, kind)
    except BaoshanQualityError:
        return
    assert list(validator.iter_errors(document)) == []
    assert list(validator.iter_errors(unstructure(value))) == []


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_soundness_for_every_public_class(cls: type, data: st.DataObject) -> None:
    validator = _validator_of(cls)
    document = data.draw(well_formed(cls))
    try:
        value = structure(document, cls)
    except BaoshanQualityError:
        return
    assert list(validator.iter_errors(document)) == []
    assert list(validator.iter_errors(unstructure(value))) == []
