"""Names normalised to NFC everywhere (issue 15 item 5).

"Unit and applicant names are normalised to NFC and refused when they contain
control, format (zero-width) or unpaired surrogate characters, with the position
named."  Every field a name is validated in (``is_name``) also converts it
(``to_name``), so that the decomposed (NFD) spelling of a name *is* the composed
(NFC) one: the same unit, the same applicant; and every lookup by a name the caller
passes finds it by either spelling.  The refusals of hidden characters stay
(tests/kernels/test_hostile_input.py).
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest

import baoshan_quality
from baoshan_quality import Assessment, UnitScore, rank_totals, rank_units
from baoshan_quality._validation import is_name, to_name, to_optional_name
from baoshan_quality.award import (
    AllocationPolicy,
    Candidate,
    Individual,
    MisconductCase,
    Organisation,
    Panel,
    QuotaTiePolicy,
    Relation,
    Reviewer,
    TitleUse,
    allocate,
    check_eligibility,
    check_recusal,
)
from baoshan_quality.errors import DuplicateUnitError, InvalidInputError
from baoshan_quality.guide import (
    TiePolicy,
    TieringPolicy,
    UnitYearRecord,
    WhatIfGoal,
    YearEvaluation,
    least_to_reach,
    rerank,
    unit_history,
    what_it_takes,
)
from baoshan_quality.workdays import PublishedYear

NFC = "Café镇"
NFD = unicodedata.normalize("NFD", NFC)
PERSON = "Zoë"
PERSON_NFD = unicodedata.normalize("NFD", PERSON)


def test_the_two_spellings_differ() -> None:
    assert NFD != NFC
    assert PERSON_NFD != PERSON


# --- every name field converts ---------------------------------------------------------


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(baoshan_quality.__path__, "baoshan_quality."):
        if info.name.endswith("__main__"):
            continue
        yield importlib.import_module(info.name)


def _validators(validator: object) -> Iterator[object]:
    """The validators inside an attrs validator (a list, an ``and_``, ``is_optional``)."""
    if validator is None:
        return
    yield validator
    inner = getattr(validator, "_validators", None)  # attrs' and_ of a list
    for item in inner or ():
        yield from _validators(item)
    for cell in getattr(validator, "__closure__", None) or ():
        contents = cell.cell_contents
        if callable(contents) and contents is not validator:
            yield from _validators(contents)


def _name_fields() -> list[tuple[str, str, object]]:
    found = []
    for module in _modules():
        for value in vars(module).values():
            if not (isinstance(value, type) and attrs.has(value)):
                continue
            if value.__module__ != module.__name__:
                continue
            for field in attrs.fields(value):
                if any(v is is_name for v in _validators(field.validator)):
                    found.append((f"{value.__name__}.{field.name}", field.name, field.converter))
    return found


def test_every_field_validated_as_a_name_is_converted_to_nfc() -> None:
    """A field that validated a name without converting it refused the NFD spelling of
    "罗店镇" instead of keeping it as the one unit (``UnitScore.unit`` did)."""
    fields = _name_fields()
    assert len(fields) > 50  # the scan reaches the guide, award and excellence classes
    names = {where for where, _, _ in fields}
    assert {"UnitScore.unit", "Assessment.unit", "PublishedYear.notice"} <= names
    assert {"Organisation.name", "Individual.name", "Relation.applicant"} <= names
    unconverted = [
        where for where, _, converter in fields if converter not in (to_name, to_optional_name)
    ]
    assert unconverted == []


@pytest.mark.parametrize(
    ("build", "read"),
    [
        (lambda n: UnitScore(n, 90), lambda x: x.unit),
        (lambda n: Assessment(n, 2024, {}), lambda x: x.unit),
        (lambda n: UnitYearRecord(n, 2024), lambda x: x.unit),
        (lambda n: PublishedYear(2027, n), lambda x: x.notice),
        (lambda n: Organisation(name=n), lambda x: x.name),
        (lambda n: Individual(name=n), lambda x: x.name),
        (lambda n: Reviewer(name=n), lambda x: x.name),
        (lambda n: Relation(person="王工", applicant=n), lambda x: x.applicant),
        (
            lambda n: Candidate(name=n, award_class="gold", track="model", score=90, passed=True),
            lambda x: x.name,
        ),
        (
            lambda n: TitleUse(
                user=n, award_class="gold", track="model", used_on=dt.date(2025, 3, 1)
            ),
            lambda x: x.user,
        ),
        (
            lambda n: MisconductCase(
                holder=n, award_class="gold", track="model", awarded_on=dt.date(2023, 12, 15)
            ),
            lambda x: x.holder,
        ),
        (lambda n: TieringPolicy(ties=TiePolicy.STRICT, tie_break=[n]), lambda x: x.tie_break[0]),
        (
            lambda n: AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=[n]),
            lambda x: x.order[0],
        ),
    ],
    ids=[
        "UnitScore",
        "Assessment",
        "UnitYearRecord",
        "PublishedYear",
        "Organisation",
        "Individual",
        "Reviewer",
        "Relation",
        "Candidate",
        "TitleUse",
        "MisconductCase",
        "TieringPolicy.tie_break",
        "AllocationPolicy.order",
    ],
)
def test_an_nfd_name_is_kept_in_nfc(
    build: Callable[[str], Any], read: Callable[[Any], str]
) -> None:
    assert read(build(NFD)) == NFC
    assert build(NFD) == build(NFC)


def test_a_name_with_a_zero_width_character_is_still_refused_in_the_award() -> None:
    """The converter does not clean a name: a hidden character is refused, its position named."""
    with pytest.raises(InvalidInputError, match="U\\+200B ZERO WIDTH SPACE at position 3"):
        Organisation(name="罗店镇\u200b")
    with pytest.raises(InvalidInputError, match="U\\+0000 at position 1"):
        Candidate(name="甲\x00", award_class="gold", track="model", score=90, passed=True)


# --- the Guide: one unit, found by either spelling ---------------------------------------


def _ranking() -> Any:
    return rank_units([UnitScore(f"{i}号镇", 100 - i) for i in range(1, 8)] + [UnitScore(NFD, 50)])


def test_rank_totals_reads_both_spellings_as_one_unit() -> None:
    with pytest.raises(DuplicateUnitError):
        rank_totals({NFD: 90, NFC: 80})
    tiering = rank_totals({NFD: 90, "罗店镇": 80}, incidents=[NFD])
    assert tiering.units == (NFC, "罗店镇")
    assert tiering.barred == (NFC,)
    assert (tiering.rank(NFD), tiering.tier(NFD).value, tiering.is_excellent(NFD)) == (
        1,
        "A",
        False,
    )
    assert NFD in tiering


def test_rank_totals_refuses_a_hidden_character_naming_it() -> None:
    with pytest.raises(InvalidInputError, match="U\\+200B ZERO WIDTH SPACE at position 3"):
        rank_totals({"罗店镇\u200b": 90})


def test_a_tie_break_order_in_nfd_settles_the_nfc_units() -> None:
    """Guide §8.2 under strict ties (R1): the caller's order names the units by either spelling."""
    units = [UnitScore(f"{i}号镇", 100 - i) for i in range(1, 6)]
    units += [UnitScore(NFC, 90), UnitScore("罗店镇", 90)]
    policy = TieringPolicy(ties=TiePolicy.STRICT, tie_break=[NFD, "罗店镇"])
    ranking = rank_units(units, policy=policy)
    assert ranking.tier_a[-1] == NFC
    assert ranking["罗店镇"].tier.value == "B"


def test_what_if_lookups_find_the_unit_by_its_nfd_spelling() -> None:
    ranking = _ranking()
    answer = least_to_reach(ranking, NFD, WhatIfGoal.TIER_A)
    assert answer.unit == NFC
    # §8.2: equal to the 6th total (94) shares the 6th place, in tier A (competition, R1).
    assert answer.new_total == 94
    assert what_it_takes(ranking).answer(NFD, WhatIfGoal.TIER_A) == answer
    moved = rerank(ranking, NFD, 96)
    assert moved.unit == NFC
    assert moved.after[NFC].total == 96
    assert moved.after[NFC].rank == 4  # 99, 98, 97 ahead; shares the 4th place with 4号镇
    assert moved.after[NFC].tier.value == "A"


def test_a_year_evaluation_finds_a_record_by_either_spelling() -> None:
    year = YearEvaluation(2024, [UnitYearRecord(NFC, 2024)])
    assert year.record(NFD).unit == NFC
    assert [r.year for r in unit_history([year], NFD)] == [2024]


# --- the award: applicants, candidates and reviewers ---------------------------------------


def test_an_allocation_and_its_tie_break_read_both_spellings() -> None:
    """Measures Art. 7: the caller's order breaks a tie at the quota line; names in NFD."""
    tied = [
        Candidate(name=n, award_class="mayor", track="achievement", score=90, passed=True)
        for n in (PERSON, "乙")
    ]
    order = AllocationPolicy(ties=QuotaTiePolicy.CALLER_ORDER, order=[PERSON_NFD, "乙"])
    result = allocate(tied, on=dt.date(2025, 9, 19), policy=order)
    assert [p.name for p in result.awarded] == [PERSON]
    assert result[PERSON_NFD].awarded


def test_recusal_reads_both_spellings_of_an_applicant_and_a_reviewer() -> None:
    """Measures Art. 26: the relation, the applicants and the lookups agree on one name."""
    panel = Panel(
        edition="2025",
        leader="王工",
        formed_on=dt.date(2025, 6, 3),
        members=[Reviewer(name=n) for n in ("王工", PERSON_NFD, "赵工", "钱工")],
    )
    assert panel.member(PERSON_NFD).name == PERSON
    report = check_recusal(
        panel,
        [NFD, "乙公司"],
        [Relation(person=PERSON, applicant=NFC)],
        on=dt.date(2025, 6, 20),
    )
    assert report[NFD].recused == (PERSON,)
    assert report[NFC].applicant == NFC
    with pytest.raises(DuplicateUnitError):
        check_recusal(panel, [NFD, NFC], [], on=dt.date(2025, 6, 20))
    with pytest.raises(InvalidInputError, match="U\\+200B ZERO WIDTH SPACE at position 3"):
        check_recusal(panel, ["罗店镇\u200b"], [], on=dt.date(2025, 6, 20))


def test_an_eligibility_verdict_names_the_applicant_in_nfc() -> None:
    verdict = check_eligibility(Organisation(name=NFD), applied_on=dt.date(2025, 5, 10))
    assert verdict.applicant == NFC
