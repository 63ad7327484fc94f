"""Measures Art. 24 (use of the title) and Art. 25 (revocation grounds and consequences)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from baoshan_quality.award.baoshan import GOLD, MAYOR, MODEL
from baoshan_quality.award.conduct import (
    REVOCATION_CONSEQUENCES,
    MisconductCase,
    RevocationAssessment,
    RevocationConsequence,
    RevocationGround,
    RevocationStatus,
    TitleContext,
    TitleUse,
    TitleUseStatus,
    TitleUseVerdict,
    assess_revocation,
    check_title_use,
)
from baoshan_quality.award.records import DistrictAward
from baoshan_quality.errors import InvalidInputError, OutsideValidityError
from baoshan_quality.serialization import from_json, to_json

D = dt.date
WON = DistrictAward(award_class=GOLD, track=MODEL, awarded_on=D(2023, 12, 15))


def use(**changes: Any) -> TitleUse:
    facts: dict[str, Any] = {
        "user": "甲公司",
        "award_class": GOLD,
        "track": MODEL,
        "used_on": D(2025, 3, 1),
        "context": TitleContext.IMAGE_PUBLICITY,
        "states_award_year": True,
        "award_year": 2023,
    }
    facts.update(changes)
    return TitleUse(**facts)


@pytest.mark.parametrize(
    ("changes", "holdings", "expected"),
    [
        ({}, (WON,), TitleUseStatus.PERMITTED),  # 可在形象宣传中使用该称号，并标明获奖年度
        ({"context": TitleContext.PRODUCT_PUBLICITY}, (WON,), TitleUseStatus.VIOLATION),
        ({"context": TitleContext.ON_PRODUCT_OR_PACKAGING}, (WON,), TitleUseStatus.VIOLATION),
        ({"states_award_year": False, "award_year": None}, (WON,), TitleUseStatus.VIOLATION),
        ({"award_class": MAYOR}, (WON,), TitleUseStatus.VIOLATION),  # not its award
        ({"award_year": 2024}, (WON,), TitleUseStatus.VIOLATION),  # wrong year
        ({"used_on": D(2023, 12, 14)}, (WON,), TitleUseStatus.VIOLATION),  # before winning
        ({"used_on": D(2023, 12, 15)}, (WON,), TitleUseStatus.PERMITTED),  # on the award day
        ({}, (), TitleUseStatus.VIOLATION),
        ({}, None, TitleUseStatus.UNDETERMINED),
        ({"context": None}, (WON,), TitleUseStatus.UNDETERMINED),
        ({"context": TitleContext.PRODUCT_PUBLICITY}, None, TitleUseStatus.VIOLATION),
    ],
)
def test_art24_title_use(
    changes: dict[str, Any], holdings: tuple[DistrictAward, ...] | None, expected: TitleUseStatus
) -> None:
    verdict = check_title_use(use(**changes), holdings=holdings)
    assert verdict.status is expected
    if expected is TitleUseStatus.VIOLATION:
        assert "限期改正" in verdict.reasons[0].zh  # 责令其限期改正
    assert all(str(c.citation) == "Measures Art. 24" for c in verdict.conditions)


def test_art24_certificate_year_may_differ_from_announcement_year() -> None:
    won = DistrictAward(award_class=GOLD, track=MODEL, awarded_on=D(2024, 4, 23), award_year=2023)
    assert check_title_use(use(), holdings=[won]).status is TitleUseStatus.PERMITTED


def test_art24_inconsistent_use_and_wrong_types() -> None:
    with pytest.raises(InvalidInputError):
        use(states_award_year=False, award_year=2023)
    with pytest.raises(InvalidInputError):
        check_title_use("甲公司")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        check_title_use(use(), holdings=["gold"])  # type: ignore[list-item]
    with pytest.raises(OutsideValidityError):
        check_title_use(use(used_on=D(2029, 1, 1)))


def test_art25_grounds_and_consequences_as_data() -> None:
    assert [g.value for g in RevocationGround] == [
        "improper-means",
        "major-incident-after-award",
        "other-major-breach",
    ]
    assert all(str(g.citation) == "Measures Art. 25" for g in RevocationGround)
    assert [c.zh for c in REVOCATION_CONSEQUENCES] == [
        "取消其荣誉资格",
        "收回奖牌、证书和奖金",
        "予以通报批评",
        "三年内不再受理其申请",
    ]


def case(**changes: Any) -> MisconductCase:
    facts: dict[str, Any] = {
        "holder": "甲公司",
        "award_class": GOLD,
        "track": MODEL,
        "awarded_on": D(2023, 12, 15),
        "improper_means": False,
        "major_incidents": (),
        "other_major_breach": False,
    }
    facts.update(changes)
    return MisconductCase(**facts)


@pytest.mark.parametrize(
    ("changes", "expected", "grounds"),
    [
        ({}, RevocationStatus.NO_GROUNDS, ()),
        (
            {"improper_means": True},
            RevocationStatus.GROUNDS_FOUND,
            (RevocationGround.IMPROPER_MEANS,),
        ),
        (
            {"major_incidents": (D(2025, 1, 8),)},
            RevocationStatus.GROUNDS_FOUND,
            (RevocationGround.MAJOR_INCIDENT_AFTER_AWARD,),
        ),
        # 获奖后: an incident before the award is no ground under Art. 25 (reading R25)
        ({"major_incidents": (D(2023, 12, 14),)}, RevocationStatus.NO_GROUNDS, ()),
        (
            {"major_incidents": (D(2023, 12, 15),)},
            RevocationStatus.GROUNDS_FOUND,
            (RevocationGround.MAJOR_INCIDENT_AFTER_AWARD,),
        ),
        (
            {"other_major_breach": True},
            RevocationStatus.GROUNDS_FOUND,
            (RevocationGround.OTHER_MAJOR_BREACH,),
        ),
        ({"improper_means": None}, RevocationStatus.UNDETERMINED, ()),
        (
            {"improper_means": True, "other_major_breach": None},
            RevocationStatus.GROUNDS_FOUND,
            (RevocationGround.IMPROPER_MEANS,),
        ),
    ],
)
def test_art25_assessment(
    changes: dict[str, Any], expected: RevocationStatus, grounds: tuple[RevocationGround, ...]
) -> None:
    a = assess_revocation(case(**changes), on=D(2025, 6, 30))
    assert a.status is expected
    assert a.grounds == grounds
    if expected is RevocationStatus.GROUNDS_FOUND:
        assert a.consequences == tuple(RevocationConsequence)
        assert a.bar is not None
        assert (a.bar.end, a.bar.next_day) == (D(2028, 6, 30), D(2028, 7, 1))
    else:
        assert a.consequences == () and a.bar is None


def test_art25_incident_after_the_assessment_day_is_an_error() -> None:
    """An incident dated after the day asked about used to be left out without a word
    (NO_GROUNDS); it is an error naming its field (issue 15 item 5).  One on the day counts."""
    with pytest.raises(InvalidInputError) as caught:
        assess_revocation(case(major_incidents=(D(2025, 7, 1),)), on=D(2025, 6, 30))
    assert caught.value.field == "case.major_incidents[0]"
    a = assess_revocation(case(major_incidents=(D(2025, 6, 30),)), on=D(2025, 6, 30))
    assert a.grounds == (RevocationGround.MAJOR_INCIDENT_AFTER_AWARD,)


def test_art25_errors() -> None:
    with pytest.raises(InvalidInputError):
        assess_revocation(case(), on=D(2023, 12, 14))
    with pytest.raises(InvalidInputError):
        assess_revocation("case", on=D(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(OutsideValidityError):
        assess_revocation(case(), on=D(2028, 8, 1))
    with pytest.raises(InvalidInputError):
        case(major_incidents=["2025-01-01"])


def test_json_round_trip_and_faces() -> None:
    for value, kind in [(use(), TitleUse), (case(), MisconductCase)]:
        assert from_json(to_json(value), kind) == value
    v = check_title_use(use(), holdings=[WON])
    assert from_json(to_json(v), TitleUseVerdict) == v
    a = assess_revocation(case(improper_means=True), on=D(2025, 6, 30))
    assert from_json(to_json(a), RevocationAssessment) == a
    b = assess_revocation(case(), on=D(2025, 6, 30))
    assert from_json(to_json(b), RevocationAssessment) == b
    assert "permitted" in v.to_text("en") and "符合规定" in str(v)
    assert "grounds-found" in a.to_text("en") and "具备撤销事由" in str(a)
    assert v.to_records()[0]["condition"] == "art24.context"


def test_art24_holder_reasons_name_the_award_in_chinese() -> None:
    """The Chinese sentences name class and track in Chinese (质量金奖·先进质量管理模式),
    never by their English values."""
    held = check_title_use(use(), holdings=[WON]).conditions[2]
    assert held.key == "art24.holder"
    assert held.reasons[0].zh == "使用者为该称号的获奖者（质量金奖·先进质量管理模式，2023 年度）。"
    assert held.reasons[0].en == "The user holds the title (gold × model, award year 2023)."
    missing = check_title_use(use(award_class=MAYOR), holdings=[WON]).conditions[2]
    assert missing.reasons[0].zh == (
        "使用者未获得（或已不再持有）所称奖项（区长质量奖·先进质量管理模式）；"
        "仅获奖组织和个人可使用该称号。"
    )
    assert missing.reasons[0].en == (
        "The user does not hold the award claimed (mayor × model of 2023); only winners "
        "may use the title."
    )


def test_title_use_display_conditions_as_rows_reasons_as_notes() -> None:
    v = check_title_use(use(context=TitleContext.PRODUCT_PUBLICITY), holdings=None)
    assert str(v).splitlines()[0] == "甲公司 使用称号：违反规定"
    assert v.to_text("en").splitlines()[0] == "title use by 甲公司: violation"
    records = v.to_records(lang="en")
    assert [(r["condition"], r["status"]) for r in records] == [
        ("art24.context", "failed"),
        ("art24.award_year", "met"),
        ("art24.holder", "unknown"),
    ]
    assert records[2]["missing"] == "holdings"
    assert records[0]["reason"] == "The title may not be used in product publicity."
    assert v.to_text("en").splitlines()[-2:] == [f"[{r.citation}] {r.en}" for r in v.reasons]
    assert [s.zh for s in TitleUseStatus] == ["符合规定", "违反规定", "待定"]


def test_revocation_display_one_row_reasons_as_notes() -> None:
    a = assess_revocation(case(improper_means=True), on=D(2025, 6, 30))
    assert a.to_records(lang="en") == [
        {
            "holder": a.holder,
            "status": "grounds-found",
            "grounds": RevocationGround.IMPROPER_MEANS.en,
            "missing": None,
            "reapply_from": D(2028, 7, 1),
        }
    ]
    assert a.to_records(lang="zh")[0]["grounds"] == RevocationGround.IMPROPER_MEANS.zh
    assert str(a).splitlines()[0] == f"{a.holder} 撤销荣誉资格评估：具备撤销事由"
    assert str(a).splitlines()[1].split() == [
        "获奖者",
        "结果",
        "撤销事由",
        "缺少的事实",
        "再次受理日",
    ]
    assert str(a).splitlines()[-len(a.reasons) :] == [f"[{r.citation}] {r.zh}" for r in a.reasons]
    unknown = assess_revocation(case(improper_means=None), on=D(2025, 6, 30))
    assert unknown.to_records(lang="en")[0]["missing"] == "improper_means"
    assert unknown.to_records(lang="en")[0]["grounds"] is None
    assert [s.zh for s in RevocationStatus] == ["具备撤销事由", "未发现撤销事由", "待定"]
