"""Measures Art. 2, 7, 19 and the scheme as data (Art. 5, 12, 14-16, 18(7), 23, 25, 27, 28).

The Baoshan records come from the scheme's data (``BAOSHAN_2023``, module
:mod:`baoshan_quality.award.baoshan`); rules take a record or its code.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import attrs
import pytest

from baoshan_quality.award.baoshan import ACHIEVEMENT, BAOSHAN_2023, GOLD, MAYOR, MODEL
from baoshan_quality.award.parts import (
    ApplicantKind,
    AwardClass,
    ConditionRow,
    FactRef,
    Judgement,
    PrizeItem,
    PrizeRow,
    QuotaRow,
    SchemeTerm,
    TermUnit,
    Track,
    ValiditySpan,
)
from baoshan_quality.award.prizes import prize, prize_cap, quota
from baoshan_quality.award.records import GovernmentAwardLevel
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.citations import Document, measures
from baoshan_quality.errors import InvalidInputError, TableError
from baoshan_quality.serialization import from_json, to_json


def test_art2_two_classes_mayor_highest_first() -> None:
    assert BAOSHAN_2023.classes == (MAYOR, GOLD)
    assert [c.code for c in BAOSHAN_2023.classes] == ["mayor", "gold"]
    assert MAYOR.zh == "区长质量奖"
    assert GOLD.zh == "质量金奖"
    assert BAOSHAN_2023.full_name_zh(GOLD) == "宝山区质量金奖"
    assert BAOSHAN_2023.full_name_zh("mayor") == "宝山区区长质量奖"
    assert str(BAOSHAN_2023.cite(MAYOR.clause)) == "Measures Art. 2(1)"
    assert BAOSHAN_2023.award_class("gold") is GOLD


def test_art2_organisations_apply_for_models_individuals_for_achievements() -> None:
    assert MODEL.zh == "先进质量管理模式"
    assert ACHIEVEMENT.zh == "先进质量管理成果"
    assert MODEL.applicant is ApplicantKind.ORGANISATION
    assert ACHIEVEMENT.applicant is ApplicantKind.INDIVIDUAL
    assert BAOSHAN_2023.track_for(ApplicantKind.ORGANISATION) is MODEL
    assert BAOSHAN_2023.track_for(ApplicantKind.INDIVIDUAL) is ACHIEVEMENT
    assert BAOSHAN_2023.track("achievement") is ACHIEVEMENT


@pytest.mark.parametrize(
    ("award_class", "track", "expected"),
    [
        # Art. 7: 区长质量奖 模式不超过2个、成果不超过1个；质量金奖 模式不超过10个、成果不超过2个
        (MAYOR, MODEL, 2),
        (MAYOR, ACHIEVEMENT, 1),
        (GOLD, MODEL, 10),
        (GOLD, ACHIEVEMENT, 2),
    ],
)
def test_art7_quota(award_class: AwardClass, track: Track, expected: int) -> None:
    assert quota(award_class, track) == expected
    assert quota(award_class.code, track.code) == expected  # or by code, as JSON names them
    row = BAOSHAN_2023.quota_row(award_class, track)
    assert row.may_be_vacant  # 所有奖项均可空缺
    assert str(BAOSHAN_2023.cite(row.clause)) == "Measures Art. 7"


@pytest.mark.parametrize(
    ("award_class", "track", "cap", "item"),
    [
        # Art. 19: 五十万元 / 二万元 / 十万元 / 一万元; 奖牌 for models, 奖杯 for achievements
        (MAYOR, MODEL, Decimal(500000), PrizeItem.PLAQUE),
        (MAYOR, ACHIEVEMENT, Decimal(20000), PrizeItem.TROPHY),
        (GOLD, MODEL, Decimal(100000), PrizeItem.PLAQUE),
        (GOLD, ACHIEVEMENT, Decimal(10000), PrizeItem.TROPHY),
    ],
)
def test_art19_prize(award_class: AwardClass, track: Track, cap: Decimal, item: PrizeItem) -> None:
    assert prize_cap(award_class, track) == cap
    assert isinstance(prize_cap(award_class, track), Decimal)
    whole = prize(award_class, track)
    assert prize(award_class.code, track.code) == whole
    assert (whole.award_class, whole.track) == (award_class, track)
    assert whole.items == (item, PrizeItem.CERTIFICATE)
    assert whole.certificate_marks_award_year  # 证书（标明获奖年度）
    assert str(whole.citation) == "Measures Art. 19"
    records = whole.to_records(lang="en")
    assert records[0] == {"item": "cash", "cap": cap, "clause": "Measures Art. 19"}
    assert [r["item"] for r in records[1:]] == [
        item.value,
        "certificate marked with the award year",
    ]
    assert [r["cap"] for r in records[1:]] == [None, None]
    assert [r["item"] for r in whole.to_records(lang="zh")] == [
        "奖金",
        item.zh,
        "证书（标明获奖年度）",
    ]
    caption = f"{award_class.zh}·{track.zh}"
    assert str(whole).splitlines()[0] == caption
    assert str(whole).splitlines()[1].split() == ["物品", "上限（元）", "条款"]
    assert whole.to_text("en").splitlines()[1].split() == ["item", "at", "most", "(yuan)", "clause"]
    assert whole.to_text("en").splitlines()[0] == f"{award_class.en} · {track.en}"
    assert "<table>" in whole._repr_html_()


@pytest.mark.parametrize(
    ("name", "count", "clause"),
    [
        ("cycle", 2, "Art. 5"),
        ("reviewer_experience", 5, "Art. 12(2)"),  # 具有五年以上的质量管理、专业技术工作经历
        ("operating", 3, "Art. 14(1)"),
        ("organisation_lookback", 3, "Art. 14"),
        ("quality_work", 5, "Art. 15(1)"),
        ("member_organisation_lookback", 3, "Art. 15(4)"),
        ("reapplication_bar", 3, "Art. 16"),
        ("notice", 5, "Art. 18(7)"),
        ("reporting", 3, "Art. 23"),
        ("revocation_bar", 3, "Art. 25"),
        ("retention", 10, "Art. 27"),
    ],
)
def test_scheme_terms_with_their_clause(name: str, count: int, clause: str) -> None:
    term: SchemeTerm = getattr(BAOSHAN_2023, name)
    assert term.count == count
    assert BAOSHAN_2023.cite(term.clause) == measures(clause)
    assert BAOSHAN_2023.term(name) is term


def test_art28_validity_span_in_scheme() -> None:
    span = BAOSHAN_2023.validity
    assert span.by_reference_from == dt.date(2023, 4, 27)
    assert span.in_force_from == dt.date(2023, 8, 1)
    assert span.in_force_until == dt.date(2028, 7, 31)
    assert BAOSHAN_2023.cite(span.clause) == measures("Art. 28")
    assert BAOSHAN_2023.document is Document.MEASURES
    assert BAOSHAN_2023.cycle_anchor == 2023  # R10: an outside fact (the 5th edition)


def test_art16_government_award_levels_higher_means_above_district() -> None:
    district = GovernmentAwardLevel.DISTRICT
    assert GovernmentAwardLevel.NATIONAL.is_higher_than(district)
    assert GovernmentAwardLevel.MUNICIPAL.is_higher_than(district)
    assert not district.is_higher_than(district)
    assert GovernmentAwardLevel.NATIONAL.is_higher_than(GovernmentAwardLevel.MUNICIPAL)
    with pytest.raises(InvalidInputError):
        district.is_higher_than("municipal")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("silver", MODEL), "award_class"),
        ((MAYOR, "plan"), "track"),
        ((None, None), "award_class"),
        ((MODEL, MAYOR), "award_class"),
        ((3, "model"), "award_class"),
    ],
)
def test_quota_and_prize_refuse_wrong_types(args: tuple[object, object], field: str) -> None:
    for function in (quota, prize_cap, prize):
        with pytest.raises(InvalidInputError) as info:
            function(*args)  # type: ignore[operator]
        assert info.value.field == field


def test_quota_refuses_a_non_scheme() -> None:
    with pytest.raises(InvalidInputError):
        quota(MAYOR, MODEL, scheme="baoshan")  # type: ignore[arg-type]


def test_no_scheme_means_baoshan_2023() -> None:
    assert quota(GOLD, MODEL, scheme=None) == 10
    assert prize(GOLD, MODEL, scheme=None).cash_cap == BAOSHAN_2023.prizes[2].cash_cap
    assert prize(GOLD, MODEL, scheme=None) == prize(GOLD, MODEL, scheme=BAOSHAN_2023)
    assert prize_cap(MAYOR, ACHIEVEMENT, scheme=None) == Decimal(20000)


def test_a_scheme_prints_short_and_compares_whole() -> None:
    """A scheme's repr names it (a signature or a log line stays readable); equality and
    JSON still cover every field."""
    assert repr(BAOSHAN_2023) == "AwardScheme('baoshan-2023')"
    fewer = attrs.evolve(BAOSHAN_2023, quotas=BAOSHAN_2023.quotas)
    assert fewer == BAOSHAN_2023
    other = attrs.evolve(BAOSHAN_2023, retention=attrs.evolve(BAOSHAN_2023.retention, count=11))
    assert repr(other) == repr(BAOSHAN_2023) and other != BAOSHAN_2023


def test_scheme_refuses_missing_quota_row() -> None:
    with pytest.raises(TableError, match="quotas: no row for mayor × model"):
        attrs.evolve(BAOSHAN_2023, quotas=BAOSHAN_2023.quotas[1:])


def test_scheme_refuses_missing_prize_row() -> None:
    with pytest.raises(TableError, match="prizes: no row for gold × achievement"):
        attrs.evolve(BAOSHAN_2023, prizes=BAOSHAN_2023.prizes[:3])


def test_scheme_refuses_duplicate_row() -> None:
    with pytest.raises(TableError, match="second row"):
        attrs.evolve(BAOSHAN_2023, quotas=(*BAOSHAN_2023.quotas, BAOSHAN_2023.quotas[0]))


def test_scheme_refuses_row_for_class_it_lacks() -> None:
    with pytest.raises(TableError, match=r"quotas\[2\]\.award_class: not a class of the scheme"):
        attrs.evolve(BAOSHAN_2023, classes=(MAYOR,))


def test_scheme_refuses_duplicate_classes_and_wrong_units() -> None:
    with pytest.raises(TableError, match=r"classes\[1\]\.code: a duplicate code"):
        attrs.evolve(BAOSHAN_2023, classes=(MAYOR, MAYOR))
    with pytest.raises(TableError, match="working-days"):
        attrs.evolve(BAOSHAN_2023, notice=BAOSHAN_2023.retention)
    with pytest.raises(TableError, match="years"):
        attrs.evolve(BAOSHAN_2023, retention=BAOSHAN_2023.notice)


def test_validity_span_refuses_disorder() -> None:
    with pytest.raises(TableError, match="in_force_until"):
        ValiditySpan(
            by_reference_from=None,
            in_force_from=dt.date(2028, 1, 1),
            in_force_until=dt.date(2027, 1, 1),
            clause="Art. 28",
        )
    with pytest.raises(TableError, match="by_reference_from"):
        ValiditySpan(
            by_reference_from=dt.date(2028, 1, 1),
            in_force_from=dt.date(2028, 1, 1),
            in_force_until=dt.date(2029, 1, 1),
            clause="Art. 28",
        )


def test_another_edition_is_new_data() -> None:
    """A next edition with other figures needs no code: the rules read the scheme."""
    rows = tuple(attrs.evolve(r, maximum=r.maximum + 1) for r in BAOSHAN_2023.quotas)
    nxt = attrs.evolve(BAOSHAN_2023, key="baoshan-2028", quotas=rows)
    assert quota(GOLD, MODEL, scheme=nxt) == 11
    assert quota(GOLD, MODEL) == 10


def test_cash_cap_is_exact_decimal_and_refuses_negative() -> None:
    with pytest.raises(InvalidInputError):
        attrs.evolve(BAOSHAN_2023.prizes[0], cash_cap=-1)
    assert attrs.evolve(BAOSHAN_2023.prizes[0], cash_cap="1.5").cash_cap == Decimal("1.5")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (BAOSHAN_2023, AwardScheme),
        (BAOSHAN_2023.quotas[0], QuotaRow),
        (BAOSHAN_2023.prizes[0], PrizeRow),
        (BAOSHAN_2023.retention, SchemeTerm),
        (BAOSHAN_2023.validity, ValiditySpan),
        (MAYOR, AwardClass),
        (ACHIEVEMENT, Track),
    ],
)
def test_json_round_trip(value: object, kind: type) -> None:
    assert from_json(to_json(value), kind) == value


def test_prize_items_in_both_languages() -> None:
    assert [(i.zh, i.en) for i in PrizeItem] == [
        ("奖牌", "plaque"),
        ("奖杯", "trophy"),
        ("证书（标明获奖年度）", "certificate marked with the award year"),
    ]


def test_term_units() -> None:
    assert BAOSHAN_2023.notice.unit is TermUnit.WORKING_DAYS
    assert BAOSHAN_2023.retention.unit is TermUnit.YEARS


# --- the scheme's data must hang together (each refusal names the field) ------------------


def _row(key: str) -> ConditionRow:
    return next(r for r in BAOSHAN_2023.conditions if r.key == key)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda: attrs.evolve(_row("art14.2"), term="operating"), "ConditionRow(art14.2).term"),
        (lambda: attrs.evolve(_row("art15.4"), term=None), "ConditionRow(art15.4).term"),
        (lambda: attrs.evolve(_row("art15.1"), facts=_row("art15.3").facts),
         "at-least-years reads one start date"),
        (lambda: attrs.evolve(_row("art15.2"), facts=()), "reads at least one fact"),
        (lambda: attrs.evolve(_row("art15.3"), judged=Judgement.ANY_HOLDS),
         "ConditionRow(art15.3).failed_zh"),
    ],
)  # fmt: skip
def test_a_condition_row_is_checked_when_built(change: object, named: str) -> None:
    with pytest.raises(TableError, match=re.escape(named)):
        change()  # type: ignore[operator]


def test_the_scheme_checks_its_condition_rows() -> None:
    rows = list(BAOSHAN_2023.conditions)
    wrong_kind = attrs.evolve(rows[3], facts=[FactRef(name="registered_on", zh="甲", en="A")])
    with pytest.raises(TableError, match=re.escape("conditions[3].facts[0].name")):
        attrs.evolve(BAOSHAN_2023, conditions=(*rows[:3], wrong_kind, *rows[4:]))
    unknown = attrs.evolve(rows[0], facts=[FactRef(name="registered_in_xuhui", zh="甲", en="A")])
    with pytest.raises(TableError, match="not a fact of Organisation"):
        attrs.evolve(BAOSHAN_2023, conditions=(unknown, *rows[1:]))
    with pytest.raises(TableError, match=re.escape("conditions[4].key")):
        attrs.evolve(BAOSHAN_2023, conditions=(*rows[:4], rows[1], *rows[4:]))
    with pytest.raises(TableError, match=re.escape("conditions[2].clause")):
        attrs.evolve(
            BAOSHAN_2023, conditions=(*rows[:2], attrs.evolve(rows[2], clause="Art. 14"), *rows[3:])
        )
    no_term = attrs.evolve(rows[2], term="notice")
    with pytest.raises(TableError, match=re.escape("conditions[2].term")):
        attrs.evolve(BAOSHAN_2023, conditions=(*rows[:2], no_term, *rows[3:]))


def test_one_track_per_applicant_kind_and_rows_only_for_kinds_with_a_track() -> None:
    plan = Track(code="plan", zh="先进质量管理计划", en="plan", applicant=ApplicantKind.ORGANISATION,
                 clause="Art. 2")  # fmt: skip
    with pytest.raises(TableError, match=re.escape("tracks[2].applicant")):
        attrs.evolve(BAOSHAN_2023, tracks=(*BAOSHAN_2023.tracks, plan))
    models_only = attrs.evolve(
        BAOSHAN_2023,
        key="models-only",
        tracks=(MODEL,),
        quotas=[r for r in BAOSHAN_2023.quotas if r.track == "model"],
        prizes=[r for r in BAOSHAN_2023.prizes if r.track == "model"],
        conditions=BAOSHAN_2023.conditions_for(ApplicantKind.ORGANISATION),
    )
    with pytest.raises(InvalidInputError, match="no track for it"):
        models_only.track_for(ApplicantKind.INDIVIDUAL)
    with pytest.raises(TableError, match="no track for this kind"):
        attrs.evolve(models_only, conditions=BAOSHAN_2023.conditions)


@pytest.mark.parametrize(
    ("field", "value"),
    [("code", "Gold"), ("code", "gold award"), ("code", ""), ("zh", " "), ("clause", "")],
)
def test_class_records_refuse_bad_fields(field: str, value: str) -> None:
    with pytest.raises(InvalidInputError, match=field):
        attrs.evolve(GOLD, **{field: value})


def test_a_period_of_zero_years_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"SchemeTerm.count: expected at least 1"):
        attrs.evolve(BAOSHAN_2023.reapplication_bar, count=0)


def test_codes_or_records_and_their_errors() -> None:
    assert BAOSHAN_2023.quota_row("gold", "model") == BAOSHAN_2023.quota_row(GOLD, MODEL)
    with pytest.raises(InvalidInputError) as info:
        BAOSHAN_2023.award_class(MODEL)  # type: ignore[arg-type]
    assert str(info.value).startswith("award_class: expected a class of the scheme baoshan-2023")
    assert BAOSHAN_2023.citations() and all(
        c.document is Document.MEASURES for c in BAOSHAN_2023.citations()
    )
    with pytest.raises(InvalidInputError, match="name"):
        BAOSHAN_2023.term("bar")
