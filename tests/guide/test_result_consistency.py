"""Results read from JSON must hang together like the ones the library makes (fuzz findings)."""

from __future__ import annotations

import json

import pytest

from baoshan_quality import SelfAssessment, UnitScore, from_json, rank_units, self_assess, to_json
from baoshan_quality.errors import StructureError, UnknownCriterionError, UnknownUnitError
from baoshan_quality.guide import WhatIfGoal, WhatIfTable, what_it_takes


@pytest.fixture
def worked_self_assessment() -> SelfAssessment:
    from tests.guide.test_self_assessment import full

    return self_assess(full(), unit="罗店镇", year=2024)


def _table() -> WhatIfTable:
    ranking = rank_units([UnitScore(f"u{i}", 90 - i) for i in range(8)])
    return what_it_takes(ranking)


def test_what_if_table_round_trips_and_refuses_a_missing_answer() -> None:
    table = _table()
    assert from_json(to_json(table), WhatIfTable) == table
    data = json.loads(to_json(table))
    data["answers"] = data["answers"][1:]
    with pytest.raises(StructureError, match="one answer per unit and goal"):
        from_json(json.dumps(data), WhatIfTable)


def test_what_if_answer_for_an_unknown_unit_is_a_library_error() -> None:
    with pytest.raises(UnknownUnitError):
        _table().answer("nobody", WhatIfGoal.TIER_A)


def test_self_assessment_read_from_json_must_list_its_items(
    worked_self_assessment: SelfAssessment,
) -> None:
    data = json.loads(to_json(worked_self_assessment))
    data["items"][0]["indicator"] = "9.9"
    with pytest.raises(StructureError):
        from_json(json.dumps(data), SelfAssessment)
    data = json.loads(to_json(worked_self_assessment))
    data["items"] = data["items"][1:]
    with pytest.raises(StructureError, match="exactly those the indicators list"):
        from_json(json.dumps(data), SelfAssessment)


def test_self_assessment_lookup_of_an_unrated_item_is_a_library_error(
    worked_self_assessment: SelfAssessment,
) -> None:
    assert worked_self_assessment.item("1.1-1").percentage == 100
    with pytest.raises(UnknownCriterionError):
        worked_self_assessment.item("9.9-9")


def test_a_tiering_read_from_json_must_hang_together() -> None:
    """§8 decisions read from JSON: one rank per distinct unit; tier A the leading units
    and holding every 优秀 and barred unit (as rank_totals makes them)."""
    from baoshan_quality import rank_totals
    from baoshan_quality.guide import Tiering

    good = json.loads(to_json(rank_totals({"甲": 3, "乙": 2, "丙": 1}, {"乙"})))
    assert from_json(json.dumps(good), Tiering).barred == ("乙",)
    broken = [
        ({"units": ["甲", "甲", "丙"]}, "distinct units, one rank each"),
        ({"ranks": [1, 2]}, "distinct units, one rank each"),
        ({"tier_a": ["乙", "甲", "丙"]}, "the leading units"),
        ({"tier_a": ["甲"]}, "holding every 优秀 and barred unit"),
        ({"excellent": ["丁"]}, "holding every 优秀 and barred unit"),
    ]
    for change, message in broken:
        with pytest.raises(StructureError, match=message):
            from_json(json.dumps({**good, **change}), Tiering)


def test_a_tiering_that_does_not_hang_together_names_the_field_and_what_it_holds() -> None:
    """The same refusals from the constructor: the error names the field at fault
    (``field: problem, got value``)."""
    from baoshan_quality import InvalidInputError, TieringPolicy
    from baoshan_quality.guide import Tiering

    def tiering(units: tuple[str, ...], tier_a: tuple[str, ...]) -> Tiering:
        return Tiering(units, (1, 2, 3), tier_a, (), (), (), TieringPolicy())

    assert tiering(("甲", "乙", "丙"), ("甲", "乙")).tier_a == ("甲", "乙")
    with pytest.raises(InvalidInputError) as info:
        tiering(("甲", "甲", "丙"), ())
    assert info.value.field == "Tiering.units"
    assert str(info.value).startswith("Tiering.units: expected distinct units, one rank each")
    with pytest.raises(InvalidInputError) as info:
        tiering(("甲", "乙", "丙"), ("乙",))
    assert (info.value.field, info.value.value) == ("Tiering.tier_a", ("乙",))
    assert str(info.value).startswith("Tiering.tier_a: expected the leading units, holding")


def test_a_ranking_read_from_json_may_not_repeat_a_unit() -> None:
    data = json.loads(to_json(rank_units([UnitScore("甲", 2), UnitScore("乙", 1)])))
    data["entries"][1]["unit"] = "甲"
    with pytest.raises(StructureError, match="a unit may appear only once"):
        from_json(json.dumps(data), type(rank_units([])))


def test_a_ranking_that_repeats_a_unit_names_the_field() -> None:
    """The same refusal from the constructor: the error names the entries."""
    import attrs

    from baoshan_quality.errors import DuplicateUnitError

    ranking = rank_units([UnitScore("甲", 2), UnitScore("乙", 1)])
    first = ranking.entries[0]
    with pytest.raises(DuplicateUnitError) as info:
        attrs.evolve(ranking, entries=(first, first))
    assert info.value.field == "Ranking.entries"
    assert str(info.value).startswith("Ranking.entries: a unit may appear only once")
