"""Schemes as data (issue 14): a next edition and a neighbouring district, read from JSON only.

Two ILLUSTRATIVE schemes ship as JSON files beside the examples — invented figures, not
any district's law:

* ``illustrative-baoshan-2028.json`` — a next Baoshan edition: quotas 区长奖 模式 3、成果 1，
  金奖 模式 12、成果 3; the Mayor's model prize up to 600,000 yuan; a notice of at least 7
  working days; in force 2028-08-01..2033-07-31 (no by-reference span); the cycle of two
  years anchored on 2029.
* ``illustrative-district-2025.json`` — a neighbouring district with three classes
  (区长质量奖 chief, 质量金奖 gold, 质量银奖 silver) and a five-year cycle anchored on
  2025; quotas chief 1/1, gold 5/2, silver 8/3 (model/achievement); prizes 300,000 /
  30,000, 100,000 / 10,000, 50,000 / 5,000; five years of operation, eight of quality
  work and of reviewer experience, look-backs, bars and reports of five years, records
  kept 15 years, a notice of 7 working days; in force 2025-03-01..2030-02-28.

Each expected value below is counted by hand from those numbers (periods by the Civil
Code, reading R7: the start day not counted, the period ends on the corresponding day);
every citation in a result names the scheme's own document, never the Baoshan Measures.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from baoshan_quality.award.allocation import AllocationPolicy, Candidate, OffCycleReading, allocate
from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.baoshan import BAOSHAN_2023
from baoshan_quality.award.conduct import (
    MisconductCase,
    TitleContext,
    TitleUse,
    assess_revocation,
    check_title_use,
)
from baoshan_quality.award.cycle import CyclePhase, cycle_year, evaluation_years, phase_on
from baoshan_quality.award.eligibility import Verdict, check_eligibility
from baoshan_quality.award.notice import check_notice, earliest_notice_close
from baoshan_quality.award.prizes import prize, prize_cap, quota
from baoshan_quality.award.procedure import ApplicationRecord, ProcedureStage
from baoshan_quality.award.records import DistrictAward, Revocation
from baoshan_quality.award.reviewers import (
    Panel,
    Relation,
    Reviewer,
    check_panel,
    check_recusal,
    check_reviewer,
)
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import ValidityStatus, check_validity, validity_status
from baoshan_quality.award.windows import (
    reapplication_bar,
    reporting_periods,
    retention_period,
    revocation_bar,
)
from baoshan_quality.citations import Citation, Document
from baoshan_quality.cli import main
from baoshan_quality.errors import (
    InvalidInputError,
    OutsideValidityError,
    StructureError,
)
from baoshan_quality.schema import schema
from baoshan_quality.serialization import from_json, to_json

from .shared import MondayToFriday

D = dt.date
SCHEMES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "schemes"


def _load(name: str) -> AwardScheme:
    """A scheme from its JSON file: nothing but the library's strict reader."""
    return from_json((SCHEMES / f"{name}.json").read_text(encoding="utf-8"), AwardScheme)


NEXT = _load("illustrative-baoshan-2028")
DISTRICT = _load("illustrative-district-2025")

#: Documents a result may also cite besides its scheme's: the readings' own sources.
OTHER_SOURCES = {Document.CIVIL_CODE, Document.HOLIDAY_NOTICE}


def citations_in(value: object) -> list[Citation]:
    """Every citation a result holds, however deep."""
    found: list[Citation] = []
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, Citation):
            found.append(item)
        elif attrs.has(type(item)):
            todo += [getattr(item, f.name) for f in attrs.fields(type(item))]
        elif isinstance(item, (tuple, list)):
            todo += list(item)
    return found


def cites_only(value: object, scheme: AwardScheme) -> None:
    citations = citations_in(value)
    assert citations, value
    own = [c for c in citations if c.document not in OTHER_SOURCES]
    assert own and all(c.document == scheme.document for c in own), {
        str(c) for c in own if c.document != scheme.document
    }
    assert not any(c.document == Document.MEASURES for c in citations)


# --- data only ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["illustrative-baoshan-2028", "illustrative-district-2025"])
def test_a_scheme_is_a_json_file_read_with_no_change_to_any_rules_module(name: str) -> None:
    """Loading a scheme defines nothing in code: the award modules are what they were."""
    before = {
        module: dict(vars(sys.modules[module]))
        for module in sorted(sys.modules)
        if module.startswith("baoshan_quality")
    }
    scheme = _load(name)
    after = {
        module: dict(vars(sys.modules[module]))
        for module in sorted(sys.modules)
        if module.startswith("baoshan_quality")
    }
    assert after.keys() == before.keys()
    for module, names in before.items():
        assert after[module].keys() == names.keys(), module
        assert all(after[module][k] is v for k, v in names.items()), module
    assert isinstance(scheme, AwardScheme)


@pytest.mark.parametrize("scheme", [NEXT, DISTRICT], ids=lambda s: s.key)
def test_both_schemes_are_marked_illustrative(scheme: AwardScheme) -> None:
    assert scheme.key.startswith("illustrative-")
    assert "示例" in scheme.document.number
    assert "非真实文件" in scheme.document.title_zh
    assert "ILLUSTRATIVE" in scheme.document.title_en
    assert scheme.document.issuer_zh == ""  # no real authority is named as its issuer
    assert not scheme.document.in_library


@pytest.mark.parametrize(
    "name", ["baoshan-2023", "illustrative-baoshan-2028", "illustrative-district-2025"]
)
def test_scheme_files_round_trip_and_are_in_canonical_form(name: str) -> None:
    text = (SCHEMES / f"{name}.json").read_text(encoding="utf-8")
    scheme = from_json(text, AwardScheme)
    assert to_json(scheme, indent=2) + "\n" == text
    assert from_json(to_json(scheme), AwardScheme) == scheme


def test_the_baoshan_file_is_the_baoshan_scheme() -> None:
    assert _load("baoshan-2023") == BAOSHAN_2023


# --- Art. 2, 7, 19: classes, quotas, prizes ----------------------------------------------


@pytest.mark.parametrize(
    ("award_class", "track", "maximum", "cap"),
    [
        ("mayor", "model", 3, 600_000),  # changed: 2 → 3, 500,000 → 600,000
        ("mayor", "achievement", 1, 20_000),
        ("gold", "model", 12, 100_000),  # changed: 10 → 12
        ("gold", "achievement", 3, 10_000),  # changed: 2 → 3
    ],
)
def test_next_edition_quotas_and_prizes(
    award_class: str, track: str, maximum: int, cap: int
) -> None:
    assert quota(award_class, track, scheme=NEXT) == maximum
    assert prize_cap(award_class, track, scheme=NEXT) == Decimal(cap)
    whole = prize(award_class, track, scheme=NEXT)
    assert str(whole.citation) == "Measures 2028 (illustrative) Art. 19"
    cites_only(whole, NEXT)


@pytest.mark.parametrize(
    ("award_class", "track", "maximum", "cap"),
    [
        ("chief", "model", 1, 300_000),
        ("chief", "achievement", 1, 30_000),
        ("gold", "model", 5, 100_000),
        ("gold", "achievement", 2, 10_000),
        ("silver", "model", 8, 50_000),
        ("silver", "achievement", 3, 5_000),
    ],
)
def test_district_quotas_and_prizes_of_three_classes(
    award_class: str, track: str, maximum: int, cap: int
) -> None:
    assert quota(award_class, track, scheme=DISTRICT) == maximum
    assert prize_cap(award_class, track, scheme=DISTRICT) == Decimal(cap)
    cites_only(prize(award_class, track, scheme=DISTRICT), DISTRICT)


def test_a_third_class_is_the_districts_not_baoshans() -> None:
    assert [c.code for c in DISTRICT.classes] == ["chief", "gold", "silver"]
    assert DISTRICT.full_name_zh("silver") == "示例区质量银奖"
    assert str(DISTRICT.cite(DISTRICT.award_class("silver").clause)) == (
        "Illustrative District Measures Art. 2(3)"
    )
    with pytest.raises(InvalidInputError, match="baoshan-2023 \\(mayor, gold\\)"):
        quota("silver", "model")
    with pytest.raises(InvalidInputError) as info:
        quota("mayor", "model", scheme=DISTRICT)
    assert info.value.citation == Citation(DISTRICT.document, "Art. 2")


# --- Art. 28: validity -------------------------------------------------------------------


def test_validity_is_each_schemes_own() -> None:
    assert validity_status(D(2028, 7, 31), scheme=NEXT) is ValidityStatus.BEFORE
    assert validity_status(D(2028, 8, 1), scheme=NEXT) is ValidityStatus.IN_FORCE
    assert validity_status(D(2033, 7, 31), scheme=NEXT) is ValidityStatus.IN_FORCE
    assert validity_status(D(2025, 2, 28), scheme=DISTRICT) is ValidityStatus.BEFORE
    assert validity_status(D(2030, 3, 1), scheme=DISTRICT) is ValidityStatus.AFTER
    check = check_validity(D(2029, 1, 1), scheme=NEXT)
    assert str(check.reasons[0].citation) == "Measures 2028 (illustrative) Art. 28"
    with pytest.raises(OutsideValidityError) as info:
        check_validity(D(2030, 3, 1), scheme=DISTRICT)
    assert info.value.citation == Citation(DISTRICT.document, "Art. 28")


# --- Art. 3, 14, 15, 16, 25: eligibility with the longer periods ---------------------------


def good_org(**changes: Any) -> Organisation:
    facts: dict[str, Any] = {
        "name": "甲科技有限公司",
        "registered_in_baoshan": True,  # under another scheme: registered in its district
        "carries_on_activities": True,
        "registered_on": D(2010, 1, 1),
        "operating_normally": True,
        "meets_legal_requirements": True,
        "holds_required_licences": True,
        "exemplary_quality_management": True,
        "leading_performance": True,
        "chief_quality_officer_system": True,
        "fulfils_quality_responsibility": True,
        "serious_penalties": (),
        "failed_rectifications": (),
        "major_incidents": (),
        "major_complaints": (),
        "other_serious_violations": False,
        "district_awards": (),
        "government_awards": (),
        "municipal_application_years": (),
        "revocations": (),
    }
    facts.update(changes)
    return Organisation(**facts)


def good_person(**changes: Any) -> Individual:
    facts: dict[str, Any] = {
        "name": "张三",
        "works_in_baoshan_quality": True,
        "quality_work_since": D(2010, 1, 1),
        "outstanding_contribution": True,
        "professional_ethics": True,
        "serious_violations": False,
        "organisation_major_incidents": (),
        "district_awards": (),
        "government_awards": (),
        "municipal_application_years": (),
        "revocations": (),
    }
    facts.update(changes)
    return Individual(**facts)


def test_district_five_years_of_operation() -> None:
    """五年以上 from 2020-05-10: the period ends 2025-05-10, so met from 2025-05-11 (R22)."""
    org = good_org(registered_on=D(2020, 5, 10))
    v = check_eligibility(org, applied_on=D(2025, 5, 10), scheme=DISTRICT)
    c = v.condition("art14.1")
    assert (v.verdict, c.met_from) == (Verdict.INELIGIBLE, D(2025, 5, 11))
    assert c.citation == Citation(DISTRICT.document, "Art. 14(1)")
    assert "5 年" in c.reasons[-1].zh and "5 years" in c.reasons[-1].en
    assert check_eligibility(org, applied_on=D(2025, 5, 11), scheme=DISTRICT).eligible
    # Baoshan's three years were reached on 2023-05-11 already
    assert check_eligibility(org, applied_on=D(2025, 5, 10)).eligible
    cites_only(v, DISTRICT)


def test_district_five_year_look_back() -> None:
    """近五年 from 2025-05-10 reaches 2020-05-10: a complaint of 2020-05-12 is inside it
    and leaves it on 2025-05-13; Baoshan's 近三年 (from 2022-05-10) does not reach it."""
    org = good_org(major_complaints=(D(2020, 5, 12),))
    v = check_eligibility(org, applied_on=D(2025, 5, 10), scheme=DISTRICT)
    c = v.condition("art14.exclusion.2")
    assert (c.status.value, c.met_from) == ("failed", D(2025, 5, 13))
    assert c.reasons[0].zh.startswith("近 5 年（2020-05-10..2025-05-10）内有因组织责任导致")
    assert check_eligibility(org, applied_on=D(2025, 5, 10)).eligible


def test_district_eight_years_of_quality_work() -> None:
    """八年以上 from 2017-07-01: the period ends 2025-07-01, so met from 2025-07-02."""
    person = good_person(quality_work_since=D(2017, 7, 1))
    v = check_eligibility(person, applied_on=D(2025, 7, 1), scheme=DISTRICT)
    assert v.condition("art15.1").met_from == D(2025, 7, 2)
    assert check_eligibility(person, applied_on=D(2025, 7, 2), scheme=DISTRICT).eligible


def test_district_five_year_bars_and_a_class_of_its_own() -> None:
    """5年内不得申报同一类奖项: silver 2025-06-30 bars silver to 2030-06-30 — past the
    scheme's expiry — and not gold (R8); a revocation bars for five years."""
    won = DistrictAward(award_class="silver", track="model", awarded_on=D(2025, 6, 30))
    org = good_org(district_awards=(won,))
    v = check_eligibility(org, applied_on=D(2029, 12, 1), applying_for="silver", scheme=DISTRICT)
    c = v.condition("art16.para1")
    assert (c.status.value, c.met_from) == ("failed", D(2030, 7, 1))
    assert c.citation == Citation(DISTRICT.document, "Art. 16 para 1")
    assert "质量银奖 2025-06-30" in c.reasons[0].zh
    ok = check_eligibility(org, applied_on=D(2029, 12, 1), applying_for="gold", scheme=DISTRICT)
    assert ok.eligible
    revoked = good_org(revocations=(Revocation(revoked_on=D(2025, 4, 1)),))
    r = check_eligibility(revoked, applied_on=D(2029, 12, 1), scheme=DISTRICT).condition("art25")
    assert (r.status.value, r.met_from) == ("failed", D(2030, 4, 2))
    with pytest.raises(InvalidInputError, match="district_awards\\[0\\]\\.award_class"):
        check_eligibility(org, applied_on=D(2025, 7, 1))  # silver is no class of Baoshan's


@pytest.mark.parametrize("scheme", [NEXT, DISTRICT], ids=lambda s: s.key)
def test_every_condition_cites_the_schemes_document(scheme: AwardScheme) -> None:
    day = scheme.validity.in_force_from
    for applicant in (good_org(), good_person()):
        v = check_eligibility(applicant, applied_on=day, scheme=scheme)
        assert v.eligible and v.scheme == scheme.key
        cites_only(v, scheme)


# --- Art. 16, 23, 25, 27: windows --------------------------------------------------------


def test_district_windows_of_five_and_fifteen_years() -> None:
    bar = reapplication_bar(D(2025, 6, 30), scheme=DISTRICT)
    assert (bar.end, bar.next_day, bar.years) == (D(2030, 6, 30), D(2030, 7, 1), 5)
    revoked = revocation_bar(D(2026, 1, 15), scheme=DISTRICT)
    assert (revoked.end, revoked.next_day) == (D(2031, 1, 15), D(2031, 1, 16))
    kept = retention_period(D(2025, 12, 1), scheme=DISTRICT)
    assert (kept.end, kept.next_day) == (D(2040, 12, 1), D(2040, 12, 2))
    reports = reporting_periods(D(2025, 6, 30), scheme=DISTRICT)
    assert [(p.start, p.end) for p in reports.periods] == [
        (D(2025, 7, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2027, 6, 30)),
        (D(2027, 7, 1), D(2028, 6, 30)),
        (D(2028, 7, 1), D(2029, 6, 30)),
        (D(2029, 7, 1), D(2030, 6, 30)),
    ]
    for window in (bar, revoked, kept, reports):
        cites_only(window, DISTRICT)
    assert str(bar.citation) == "Illustrative District Measures Art. 16"


def test_next_edition_windows() -> None:
    bar = reapplication_bar(D(2029, 12, 14), scheme=NEXT)
    assert (bar.end, bar.next_day) == (D(2032, 12, 14), D(2032, 12, 15))
    reports = reporting_periods(D(2029, 12, 14), scheme=NEXT)
    assert [p.due for p in reports.periods] == [D(2030, 12, 14), D(2031, 12, 14), D(2032, 12, 14)]
    kept = retention_period(D(2030, 1, 10), scheme=NEXT)
    assert kept.end == D(2040, 1, 10)
    for window in (bar, reports, kept, revocation_bar(D(2030, 3, 1), scheme=NEXT)):
        cites_only(window, NEXT)


# --- Art. 18(7): the notice --------------------------------------------------------------


def test_district_notice_of_seven_working_days_on_the_2025_calendar() -> None:
    """From Fri 2025-09-26 (国办发明电〔2024〕12号: 10-01..10-08 off, Sun 09-28 and Sat 10-11
    worked): 09-26, 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 — the 7th is 10-11; Baoshan's
    5th is 10-09."""
    assert earliest_notice_close(D(2025, 9, 26), scheme=DISTRICT) == D(2025, 10, 11)
    assert earliest_notice_close(D(2025, 9, 26)) == D(2025, 10, 9)
    check = check_notice(D(2025, 9, 26), D(2025, 10, 10), scheme=DISTRICT)
    assert (check.required, check.counted_days, check.long_enough) == (7, 6, False)
    assert check.earliest_close == D(2025, 10, 11)
    cites_only(check, DISTRICT)


def test_next_edition_notice_on_a_callers_calendar() -> None:
    """2029 is not published yet (R12): on a Monday-to-Friday calendar, 7 working days
    from Mon 2029-10-08 end on Tue 2029-10-16."""
    assert D(2029, 10, 8).weekday() == 0
    close = earliest_notice_close(D(2029, 10, 8), calendar=MondayToFriday(), scheme=NEXT)
    assert close == D(2029, 10, 16)
    check = check_notice(D(2029, 10, 8), D(2029, 10, 16), calendar=MondayToFriday(), scheme=NEXT)
    assert check.long_enough and check.required == 7
    cites_only(check, NEXT)


# --- Art. 5: the cycle -------------------------------------------------------------------


def test_district_five_year_cycle() -> None:
    """每五年评选一届, 2025 an evaluation year: 2026–2029 incubate the edition of 2030."""
    assert evaluation_years(2025, 2030, scheme=DISTRICT) == (2025, 2030)
    for year in (2026, 2027, 2028, 2029):
        place = cycle_year(year, scheme=DISTRICT)
        assert (place.phase, place.evaluation_year) == (CyclePhase.INCUBATION, 2030)
        cites_only(place, DISTRICT)
    assert "每 5 年评选一届" in cycle_year(2027, scheme=DISTRICT).reasons[0].zh
    assert phase_on(D(2030, 2, 28), scheme=DISTRICT).phase is CyclePhase.EVALUATION


def test_next_edition_cycle_anchor() -> None:
    assert evaluation_years(2028, 2033, scheme=NEXT) == (2029, 2031, 2033)
    assert cycle_year(2030, scheme=NEXT).evaluation_year == 2031
    assert cycle_year(2030, scheme=NEXT).policy.evaluation_anchor == 2029


# --- Art. 4, 5, 7, 19, 21: allocation ----------------------------------------------------


def test_district_allocation_of_a_third_class() -> None:
    """质量银奖·模式 at most 8: of nine candidates the best eight win, each up to 50,000."""
    pool = [
        Candidate(name=f"企业{i}", award_class="silver", track="model", score=90 - i, passed=True)
        for i in range(9)
    ]
    result = allocate(pool, on=D(2025, 9, 19), scheme=DISTRICT)
    group = result.group("silver", "model")
    assert (group.quota, len(group.awarded), group.vacancies) == (8, 8, 0)
    assert result["企业8"].outcome.value == "outside-quota"
    winner = result["企业0"]
    assert winner.prize is not None and winner.prize.cash_cap == Decimal(50_000)
    assert len(result.groups) == 6  # three classes × two tracks
    assert result.group("chief", "model").vacancies == 1
    cites_only(result, DISTRICT)


def test_district_allocation_in_an_incubation_year_cites_its_art5() -> None:
    pool = [Candidate(name="甲", award_class="gold", track="model", score=90, passed=True)]
    with pytest.raises(InvalidInputError) as info:
        allocate(pool, on=D(2026, 9, 18), scheme=DISTRICT)
    assert info.value.citation == Citation(DISTRICT.document, "Art. 5")
    assert "(2030)" in str(info.value)
    flagged = allocate(
        pool,
        on=D(2026, 9, 18),
        scheme=DISTRICT,
        policy=AllocationPolicy(off_cycle=OffCycleReading.FLAG),
    )
    assert flagged.off_cycle


def test_next_edition_allocation() -> None:
    pool = [
        Candidate(name=n, award_class="mayor", track="model", score=s, passed=True)
        for n, s in (("甲", 95), ("乙", 94), ("丙", 93), ("丁", 92))
    ]
    result = allocate(pool, on=D(2029, 9, 19), scheme=NEXT)
    assert result.group("mayor", "model").awarded == ("甲", "乙", "丙")
    assert result["甲"].prize is not None and result["甲"].prize.cash_cap == Decimal(600_000)
    cites_only(result, NEXT)


# --- Art. 11, 12, 18, 24–26: the rules that are code cite the scheme's document too ----------


def test_reviewers_title_revocation_and_procedure_under_the_district_scheme() -> None:
    """Art. 12(2) of the district: eight years of experience (from 2017-06-10: met 2025-06-11)."""
    reviewer = Reviewer(
        name="王工",
        experience_since=D(2017, 6, 10),
        follows_policy_and_law=True,
        rich_practice=True,
        trained=True,
        ethical=True,
    )
    assert check_reviewer(reviewer, on=D(2025, 6, 10), scheme=DISTRICT).status.value == (
        "not-qualified"
    )
    qualified = check_reviewer(reviewer, on=D(2025, 6, 11), scheme=DISTRICT)
    assert qualified.qualified
    cites_only(qualified, DISTRICT)
    panel = Panel(
        edition="2025",
        leader="王工",
        formed_on=D(2025, 6, 11),
        members=[
            reviewer,
            attrs.evolve(reviewer, name="李工"),
            attrs.evolve(reviewer, name="赵工"),
        ],
    )
    cites_only(check_panel(panel, scheme=DISTRICT), DISTRICT)
    report = check_recusal(
        panel,
        ["甲公司"],
        [Relation(person="孙科员", applicant="甲公司")],
        on=D(2025, 6, 20),
        staff=["孙科员"],
        scheme=DISTRICT,
    )
    assert report["甲公司"].staff_recused == ("孙科员",)
    cites_only(report, DISTRICT)
    use = TitleUse(
        user="甲公司",
        award_class="silver",
        track="model",
        used_on=D(2026, 3, 1),
        context=TitleContext.IMAGE_PUBLICITY,
        states_award_year=True,
        award_year=2025,
    )
    won = DistrictAward(award_class="silver", track="model", awarded_on=D(2025, 12, 15))
    verdict = check_title_use(use, holdings=[won], scheme=DISTRICT)
    assert verdict.status.value == "permitted"
    assert "质量银奖·先进质量管理模式" in verdict.conditions[2].reasons[0].zh
    cites_only(verdict, DISTRICT)
    case = MisconductCase(
        holder="甲公司",
        award_class="silver",
        track="model",
        awarded_on=D(2025, 12, 15),
        improper_means=True,
        major_incidents=(),
        other_major_breach=False,
    )
    assessed = assess_revocation(case, on=D(2026, 6, 30), scheme=DISTRICT)
    assert assessed.bar is not None and assessed.bar.next_day == D(2031, 7, 1)  # 5 years
    cites_only(assessed, DISTRICT)
    record = ApplicationRecord("甲公司").advance(
        ProcedureStage.CALL, D(2025, 3, 3), scheme=DISTRICT
    )
    assert record.document == DISTRICT.document
    assert str(record.reasons[0].citation) == "Illustrative District Measures Art. 18(1)"
    with pytest.raises(InvalidInputError, match="a path follows one scheme"):
        record.advance(ProcedureStage.APPLICATION, D(2025, 4, 30))  # now under Baoshan's


# --- a scheme whose data do not hang together is refused, naming the field -------------------


def _broken(change: str) -> str:
    data = json.loads((SCHEMES / "illustrative-district-2025.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    if change == "a quota for an unknown class":
        data["quotas"][0]["award_class"] = "platinum"
    elif change == "a period of zero years":
        data["reapplication_bar"]["count"] = 0
    elif change == "dates in force that end before they start":
        data["validity"]["in_force_until"] = "2024-12-31"
    elif change == "a track for an unknown applicant kind":
        data["tracks"][0]["applicant"] = "company"
    elif change == "duplicate codes":
        data["classes"][2]["code"] = "gold"
    elif change == "a condition row reading an unknown fact":
        data["conditions"][0]["facts"][0]["name"] = "registered_in_xuhui"
    elif change == "a prize for an unknown track":
        data["prizes"][1]["track"] = "plan"
    elif change == "a notice counted in years":
        data["notice"]["unit"] = "years"
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("a quota for an unknown class", "AwardScheme.quotas[0].award_class"),
        (
            "a period of zero years",
            "SchemeTerm.count: expected at least 1, got 0 @ $.reapplication_bar",
        ),
        ("dates in force that end before they start", "ValiditySpan.in_force_until"),
        ("a track for an unknown applicant kind", "@ $.tracks[0].applicant"),
        ("duplicate codes", "AwardScheme.classes[2].code: a duplicate code"),
        ("a condition row reading an unknown fact", "AwardScheme.conditions[0].facts[0].name"),
        ("a prize for an unknown track", "AwardScheme.prizes[1].track"),
        ("a notice counted in years", "AwardScheme.notice.unit"),
    ],
)
def test_a_scheme_that_does_not_hang_together_is_refused(change: str, named: str) -> None:
    with pytest.raises(StructureError) as info:
        from_json(_broken(change), AwardScheme)
    assert named in str(info.value), str(info.value)


# --- JSON Schema and the command line ------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["baoshan-2023", "illustrative-baoshan-2028", "illustrative-district-2025"]
)
def test_scheme_files_satisfy_the_award_scheme_schema(name: str) -> None:
    validator = jsonschema.Draft202012Validator(schema("award-scheme"))
    data = json.loads((SCHEMES / f"{name}.json").read_text(encoding="utf-8"))
    assert list(validator.iter_errors(data)) == []
    data["cycle"]["count"] = "5"  # a string for a whole number
    data["classes"][0]["colour"] = "red"  # an unknown key
    assert len(list(validator.iter_errors(data))) == 2


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_the_command_line_takes_a_scheme_file(capsys: pytest.CaptureFixture[str]) -> None:
    district = str(SCHEMES / "illustrative-district-2025.json")
    # 7 working days from 2025-09-26 end on 2025-10-11 (see above); Baoshan's 5 on 10-09
    assert _cli(["notice-end", "2025-09-26", "--scheme", district], capsys)[:2] == (
        0,
        "2025-10-11\n",
    )
    status, out, _ = _cli(
        ["notice-end", "2025-09-26", "--scheme", district, "--format", "json"], capsys
    )
    assert status == 0 and json.loads(out)["working_days"] == 7
    request = SCHEMES.parent / "organisation.json"
    status, out, _ = _cli(
        [
            "eligibility",
            str(request),
            "--on",
            "2025-05-10",
            "--scheme",
            district,
            "--format",
            "json",
        ],
        capsys,
    )
    verdict = json.loads(out)
    assert status == 0 and verdict["scheme"] == "illustrative-district-2025"
    assert {c["citation"]["document"]["number"] for c in verdict["conditions"]} == {
        "示例区府规〔2025〕1号（示例）"
    }


def test_the_command_line_refuses_a_bad_scheme_naming_the_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "scheme.json"
    bad.write_text(_broken("a quota for an unknown class"), encoding="utf-8")
    status, out, err = _cli(["notice-end", "2025-09-26", "--scheme", str(bad)], capsys)
    assert (status, out) == (2, "")
    assert err == (
        f"error: {bad}: $.quotas[0].award_class: not a class of the scheme "
        "(chief, gold, silver), got 'platinum'\n"
    )
    bad.write_text(_broken("a period of zero years"), encoding="utf-8")
    status, _, err = _cli(
        ["eligibility", str(bad), "--on", "2025-05-10", "--scheme", str(bad)], capsys
    )
    assert status == 2 and "$.reapplication_bar.count: expected at least 1, got 0" in err
