"""Measures Art. 11 (the panel of an edition), Art. 12 (reviewer qualifications), Art. 26 (recusal)."""

from __future__ import annotations

import contextlib
import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.judges import CompletionReading
from baoshan_quality.award.reviewers import (
    Panel,
    PanelPolicy,
    Relation,
    RelationKind,
    Reviewer,
    ReviewerPolicy,
    ReviewerQualification,
    check_panel,
    check_recusal,
    check_reviewer,
)
from baoshan_quality.errors import (
    BaoshanQualityError,
    DuplicateUnitError,
    InvalidInputError,
    OutsideValidityError,
    UnknownUnitError,
)
from baoshan_quality.periods import PeriodReading
from baoshan_quality.serialization import from_json, to_json
from tests.anything import anything

D = dt.date


SINCE = D(2015, 1, 1)


def good(name: str, since: dt.date = SINCE, **facts: object) -> Reviewer:
    base: dict[str, object] = {
        "experience_since": since,
        "follows_policy_and_law": True,
        "rich_practice": True,
        "trained": True,
        "ethical": True,
    }
    base.update(facts)
    return Reviewer(name=name, **base)  # type: ignore[arg-type]


NAMES = ("王工", "李工", "赵工", "钱工", "孙工")
PANEL = Panel(
    edition="2025",
    leader="王工",
    members=[good(n) for n in NAMES],
    formed_on=D(2025, 6, 3),
)


# --- Art. 12 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "on", "policy", "status"),
    [
        # 五年以上 from 2020-03-01: the period ends 2025-03-01 (R7), met from the next day.
        (D(2020, 3, 1), D(2025, 3, 1), ReviewerPolicy(), ReviewerQualification.NOT_QUALIFIED),
        (D(2020, 3, 1), D(2025, 3, 2), ReviewerPolicy(), ReviewerQualification.QUALIFIED),
        # Alternative completion: on the fifth anniversary itself.
        (
            D(2020, 3, 1),
            D(2025, 3, 1),
            ReviewerPolicy(completion=CompletionReading.ON_ANNIVERSARY),
            ReviewerQualification.QUALIFIED,
        ),
        (
            D(2020, 3, 1),
            D(2025, 2, 28),
            ReviewerPolicy(completion=CompletionReading.ON_ANNIVERSARY),
            ReviewerQualification.NOT_QUALIFIED,
        ),
        # From 2020-02-29 the period ends 2025-02-28 (Civil Code Art. 202).
        (D(2020, 2, 29), D(2025, 2, 28), ReviewerPolicy(), ReviewerQualification.NOT_QUALIFIED),
        (D(2020, 2, 29), D(2025, 3, 1), ReviewerPolicy(), ReviewerQualification.QUALIFIED),
        # Calendar years (R7 alternative): five whole years after 2020 end 2025-12-31.
        (
            D(2020, 3, 1),
            D(2025, 12, 31),
            ReviewerPolicy(periods=PeriodReading.CALENDAR_YEARS),
            ReviewerQualification.NOT_QUALIFIED,
        ),
        (
            D(2020, 3, 1),
            D(2026, 1, 1),
            ReviewerPolicy(periods=PeriodReading.CALENDAR_YEARS),
            ReviewerQualification.QUALIFIED,
        ),
    ],
)
def test_art12_2_five_years_of_work(
    since: dt.date, on: dt.date, policy: ReviewerPolicy, status: ReviewerQualification
) -> None:
    check = check_reviewer(good("王工", since), on=on, policy=policy)
    assert check.status is status
    years = next(c for c in check.conditions if c.key == "art12.2.years")
    assert str(years.citation) == "Measures Art. 12(2)"


@pytest.mark.parametrize(
    "fact", ["experience_since", "follows_policy_and_law", "rich_practice", "trained", "ethical"]
)
def test_art12_unknown_fact_is_undetermined_and_named(fact: str) -> None:
    check = check_reviewer(good("王工", **{fact: None}), on=D(2025, 6, 1))
    assert check.status is ReviewerQualification.UNDETERMINED
    assert check.missing == (fact,)
    assert not check.qualified


@pytest.mark.parametrize(
    ("fact", "clause"),
    [
        ("follows_policy_and_law", "Art. 12(1)"),
        ("rich_practice", "Art. 12(2)"),
        ("trained", "Art. 12(3)"),
        ("ethical", "Art. 12(4)"),
    ],
)
def test_art12_a_false_fact_fails_even_with_others_unknown(fact: str, clause: str) -> None:
    reviewer = Reviewer(name="王工", **{fact: False})  # type: ignore[arg-type]
    check = check_reviewer(reviewer, on=D(2025, 6, 1))
    assert check.status is ReviewerQualification.NOT_QUALIFIED
    failed = [c for c in check.conditions if c.status.value == "failed"]
    assert [str(c.citation) for c in failed] == [f"Measures {clause}"]


def test_art12_every_condition_met() -> None:
    check = check_reviewer(good("王工"), on=D(2025, 6, 1))
    assert check.qualified
    assert [c.key for c in check.conditions] == [
        "art12.1", "art12.2.years", "art12.2.practice", "art12.3", "art12.4",
    ]  # fmt: skip
    assert "王工" in str(check)
    assert len(check.to_records()) == 5


def test_art12_display_conditions_as_rows() -> None:
    check = check_reviewer(Reviewer(name="王工", ethical=True), on=D(2025, 6, 1))
    assert str(check).splitlines()[0] == "王工 — 待定（2025-06-01）"
    assert check.to_text("en").splitlines()[0] == "王工 — undetermined (on 2025-06-01)"
    records = check.to_records(lang="en")
    assert [(r["condition"], r["status"], r["missing"]) for r in records] == [
        ("art12.1", "unknown", "follows_policy_and_law"),
        ("art12.2.years", "unknown", "experience_since"),
        ("art12.2.practice", "unknown", "rich_practice"),
        ("art12.3", "unknown", "trained"),
        ("art12.4", "met", None),
    ]
    assert check.to_text("en").splitlines()[-1] == f"[Measures Art. 12] {check.reasons[0].en}"
    panel = check_panel(PANEL)
    assert panel.to_records(lang="en")[0] == {
        "reviewer": PANEL.members[0].name,
        "status": panel.members[0].status.value,
        "missing": ", ".join(panel.members[0].missing) or None,
    }
    assert (
        panel.to_text("en").splitlines()[0]
        == f"panel 2025 on {PANEL.formed_on} — {panel.status.value}"
    )
    assert (
        str(panel).splitlines()[0] == f"2025 届评审专家组（{PANEL.formed_on}）— {panel.status.zh}"
    )
    assert str(panel).splitlines()[1].split() == ["评审人员", "资格", "缺少的事实"]


def test_art12_refuses_bad_input_and_dates_outside_the_measures() -> None:
    with pytest.raises(InvalidInputError, match="reviewer"):
        check_reviewer("王工", on=D(2025, 6, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="on"):
        check_reviewer(good("王工"), on="2025-06-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="policy"):
        check_reviewer(good("王工"), on=D(2025, 6, 1), policy=PanelPolicy())  # type: ignore[arg-type]
    with pytest.raises(OutsideValidityError):
        check_reviewer(good("王工"), on=D(2029, 1, 1))
    with pytest.raises(InvalidInputError, match="ethical"):
        Reviewer(name="王工", ethical="yes")  # type: ignore[arg-type]


# --- Art. 11: the panel of an edition --------------------------------------------------


def test_art11_panel_is_dissolved_when_the_edition_review_ends() -> None:
    ended = PANEL.end_review(D(2025, 9, 12))
    assert not PANEL.is_active(D(2025, 6, 2))
    assert PANEL.is_active(D(2025, 6, 3))
    assert ended.is_active(D(2025, 9, 12))
    assert not ended.is_active(D(2025, 9, 13))
    with pytest.raises(InvalidInputError, match="already ended"):
        ended.end_review(D(2025, 9, 20))
    with pytest.raises(InvalidInputError, match="dissolved"):
        check_recusal(ended, ["甲公司"], [], on=D(2025, 10, 1))
    with pytest.raises(InvalidInputError, match="not yet formed"):
        check_recusal(PANEL, ["甲公司"], [], on=D(2025, 6, 1))


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"leader": "周工"}, InvalidInputError),
        ({"members": []}, InvalidInputError),
        ({"members": [good("王工"), good("王工")]}, DuplicateUnitError),
        ({"members": ["王工"]}, InvalidInputError),
        ({"review_ended_on": D(2025, 6, 1)}, InvalidInputError),
        ({"formed_on": "2025-06-03"}, InvalidInputError),
    ],
)
def test_art11_panel_refuses_inconsistent_data(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        attrs.evolve(PANEL, **kwargs)


def test_art11_panel_member_lookup() -> None:
    assert PANEL.member("李工").name == "李工"
    with pytest.raises(UnknownUnitError):
        PANEL.member("周工")


def test_art12_check_panel() -> None:
    assert check_panel(PANEL).status is ReviewerQualification.QUALIFIED
    mixed = attrs.evolve(PANEL, members=[good("王工"), good("李工", ethical=None)])
    check = check_panel(mixed, on=D(2025, 7, 1))
    assert check.status is ReviewerQualification.UNDETERMINED
    assert "李工" in check.reasons[0].en
    young = attrs.evolve(PANEL, members=[good("王工"), good("李工", D(2022, 1, 1))])
    assert check_panel(young).status is ReviewerQualification.NOT_QUALIFIED
    with pytest.raises(InvalidInputError, match="not active"):
        check_panel(PANEL, on=D(2025, 1, 1))


# --- Art. 26: recusal --------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(RelationKind))
def test_art26_every_declared_interest_means_stepping_aside(kind: RelationKind) -> None:
    report = check_recusal(
        PANEL,
        ["甲公司", "乙公司"],
        [Relation(person="李工", applicant="甲公司", kind=kind)],
        on=D(2025, 6, 20),
    )
    assert report["甲公司"].recused == ("李工",)
    assert report["甲公司"].remaining == ("王工", "赵工", "钱工", "孙工")
    assert report["乙公司"].recused == ()
    assert report.all_can_review
    assert kind.zh in report["甲公司"].reasons[0].zh


def test_art26_panel_too_small_after_recusal() -> None:
    relations = [
        Relation(person=n, applicant="甲公司", kind=RelationKind.CONSULTING)
        for n in ("李工", "赵工", "钱工")
    ]
    report = check_recusal(PANEL, ["甲公司", "乙公司"], relations, on=D(2025, 6, 20))
    # Two remain, fewer than the assumed minimum of 3.
    assert report["甲公司"].remaining == ("王工", "孙工")
    assert not report["甲公司"].can_review
    assert report.blocked == ("甲公司",)
    assert not report.all_can_review
    relaxed = check_recusal(
        PANEL, ["甲公司"], relations, on=D(2025, 6, 20), policy=PanelPolicy(minimum_reviewers=2)
    )
    assert relaxed["甲公司"].can_review


def test_art11_26_leader_steps_aside() -> None:
    relations = [Relation(person="王工", applicant="甲公司", kind=RelationKind.FINANCIAL)]
    report = check_recusal(PANEL, ["甲公司"], relations, on=D(2025, 6, 20))
    assert report["甲公司"].leader_recused
    assert report["甲公司"].can_review  # default: four reviewers remain
    assert any(str(r.citation) == "Measures Art. 11" for r in report["甲公司"].reasons)
    strict = check_recusal(
        PANEL,
        ["甲公司"],
        relations,
        on=D(2025, 6, 20),
        policy=PanelPolicy(leader_must_remain=True),
    )
    assert not strict["甲公司"].can_review


def test_art26_several_relations_of_one_reviewer() -> None:
    relations = [
        Relation(person="李工", applicant="甲公司", kind=RelationKind.KINSHIP),
        Relation(person="李工", applicant="甲公司", kind=RelationKind.FINANCIAL),
    ]
    report = check_recusal(PANEL, ["甲公司"], relations, on=D(2025, 6, 20))
    assert report["甲公司"].recused == ("李工",)
    assert len(report["甲公司"].remaining) == 4


@pytest.mark.parametrize(
    ("applicants", "relations", "error", "field"),
    [
        (["甲公司"], [Relation(person="周工", applicant="甲公司")], UnknownUnitError, "person"),
        (
            ["甲公司"],
            [Relation(person="李工", applicant="丙公司")],
            UnknownUnitError,
            "applicant",
        ),
        (["甲公司", "甲公司"], [], DuplicateUnitError, "applicants"),
        (["甲公司", " "], [], InvalidInputError, "applicants"),
        ("甲公司", [], InvalidInputError, "applicants"),
        (["甲公司"], ["李工-甲公司"], InvalidInputError, "relations"),
        (["甲公司"], 5, InvalidInputError, "relations"),
    ],
)
def test_art26_refuses_bad_input(
    applicants: object, relations: object, error: type, field: str
) -> None:
    with pytest.raises(error, match=field):
        check_recusal(PANEL, applicants, relations, on=D(2025, 6, 20))  # type: ignore[arg-type]


def test_report_lookup_display_and_records() -> None:
    report = check_recusal(
        PANEL, ["甲公司"], [Relation(person="李工", applicant="甲公司")], on=D(2025, 6, 20)
    )
    with pytest.raises(UnknownUnitError):
        report["乙公司"]
    assert "recusal, panel 2025" in report.to_text("en")
    assert "2025 届评审专家组回避（2025-06-20，最少 3 名）" in str(report)
    assert str(report).splitlines()[1].split() == [
        "申报者",
        "回避",
        "剩余人数",
        "工作人员回避",
        "组长回避",
        "可以评审",
    ]
    assert report.to_records() == [
        {
            "applicant": "甲公司",
            "recused": "李工",
            "remaining": 4,
            "staff_recused": None,
            "leader_recused": False,
            "can_review": True,
        }
    ]
    assert report._repr_html_().startswith("<table>")
    # the rule, then each applicant's reasons, are the notes
    notes = report.to_text("en").splitlines()[-3:]
    assert notes[0] == f"[{report.reasons[0].citation}] {report.reasons[0].en}"
    assert notes[1:] == [f"[{r.citation}] 甲公司: {r.en}" for r in report["甲公司"].reasons]
    assert (
        str(report).splitlines()[-1]
        == f"[Measures Art. 26] 甲公司：{report['甲公司'].reasons[-1].zh}"
    )
    nobody = check_recusal(PANEL, ["乙公司"], [], on=D(2025, 6, 20))
    assert nobody.to_records()[0]["recused"] is None


@pytest.mark.parametrize(
    "value",
    [
        good("王工"),
        Reviewer(name="李工"),
        PANEL,
        PANEL.end_review(D(2025, 9, 12)),
        Relation(person="李工", applicant="甲公司", kind=RelationKind.KINSHIP, note="表兄"),
        PanelPolicy(minimum_reviewers=5, leader_must_remain=True),
        ReviewerPolicy(periods=PeriodReading.CALENDAR_YEARS),
        check_reviewer(Reviewer(name="李工"), on=D(2025, 6, 1)),
        check_panel(PANEL),
        check_recusal(
            PANEL, ["甲公司"], [Relation(person="王工", applicant="甲公司")], on=D(2025, 6, 20)
        ),
    ],
    ids=lambda v: type(v).__name__,
)
def test_json_round_trip(value: object) -> None:
    assert from_json(to_json(value), type(value)) == value


def test_json_round_trip_of_an_applicant_review() -> None:
    part = check_recusal(PANEL, ["甲"], [], on=D(2025, 6, 20)).applicants[0]
    assert from_json(to_json(part), type(part)) == part


@given(
    st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["甲", "乙", "丙"])), max_size=12),
    st.integers(1, 6),
)
def test_recusal_partitions_the_panel(pairs: list[tuple[str, str]], minimum: int) -> None:
    relations = [Relation(person=r, applicant=a) for r, a in pairs]
    report = check_recusal(
        PANEL,
        ["甲", "乙", "丙"],
        relations,
        on=D(2025, 6, 20),
        policy=PanelPolicy(minimum_reviewers=minimum),
    )
    for review in report.applicants:
        declared = {r for r, a in pairs if a == review.applicant}
        assert set(review.recused) == declared
        assert set(review.recused) | set(review.remaining) == set(NAMES)
        assert not set(review.recused) & set(review.remaining)
        assert review.can_review is (len(NAMES) - len(declared) >= minimum)


ANYTHING = anything(st.just(good("王工")))


@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_any_input_raises_only_library_errors(
    a: object, b: object, c: object, d: object, e: object
) -> None:
    calls = [
        lambda: Reviewer(name=a, experience_since=b, trained=c, ethical=d, rich_practice=e),  # type: ignore[arg-type]
        lambda: check_reviewer(a, on=b, policy=c, scheme=d, allow_outside_validity=e),  # type: ignore[arg-type]
        lambda: check_reviewer(Reviewer(name="王工", experience_since=a), on=b, policy=c),  # type: ignore[arg-type]
        lambda: ReviewerPolicy(periods=a, completion=b, experience=c),  # type: ignore[arg-type]
        lambda: Panel(edition=a, leader=b, members=c, formed_on=d, review_ended_on=e),  # type: ignore[arg-type]
        lambda: PANEL.is_active(a),  # type: ignore[arg-type]
        lambda: PANEL.end_review(a),  # type: ignore[arg-type]
        lambda: check_panel(a, on=b, policy=c),  # type: ignore[arg-type]
        lambda: check_panel(PANEL, on=a, policy=b, scheme=c, allow_outside_validity=d),  # type: ignore[arg-type]
        lambda: check_recusal(PANEL, a, b, on=c, policy=d, allow_outside_validity=e),  # type: ignore[arg-type]
        lambda: check_recusal(a, ["甲"], [], on=b),  # type: ignore[arg-type]
        lambda: Relation(person=a, applicant=b, kind=c, note=d),  # type: ignore[arg-type]
        lambda: PanelPolicy(minimum_reviewers=a, leader_must_remain=b),  # type: ignore[arg-type]
    ]
    for call in calls:
        with contextlib.suppress(BaoshanQualityError):
            call()


# --- Art. 26: staff (工作人员) step aside too; the article quoted whole ---------------------

ART_26_WHOLE = (
    "参与区政府质量奖评审工作的有关机构和人员应保守申报组织的商业和技术秘密，严格遵守区政府"
    "质量奖的管理办法、评审程序和评审人员管理规定，做到公正廉洁。评审人员及工作人员与申报组织"
    "或个人有利害关系的，本人应主动提出回避。对违反规定的机构和人员，将取消其评审资格，并依法"
    "追究责任。"
)


def test_art26_is_quoted_whole_confidentiality_and_staff_included() -> None:
    report = check_recusal(PANEL, ["甲公司"], [], on=D(2025, 6, 20))
    (rule,) = report.reasons
    assert rule.zh == ART_26_WHOLE
    assert str(rule.citation) == "Measures Art. 26"
    for words in ("commercial and technical secrets", "reviewer or a member of the staff"):
        assert words in rule.en


def test_art26_a_staff_member_with_an_interest_steps_aside() -> None:
    """评审人员及工作人员与申报组织或个人有利害关系的，本人应主动提出回避: a member of the
    office's staff with an interest steps aside for that applicant, with the same
    relations as a reviewer; the panel's size is not touched."""
    relations = [
        Relation(person="周科员", applicant="甲公司", kind=RelationKind.FINANCIAL),
        Relation(person="李工", applicant="乙公司", kind=RelationKind.KINSHIP),
    ]
    report = check_recusal(
        PANEL, ["甲公司", "乙公司"], relations, on=D(2025, 6, 20), staff=["周科员", "吴科员"]
    )
    first, second = report["甲公司"], report["乙公司"]
    assert (first.recused, first.staff_recused, len(first.remaining)) == ((), ("周科员",), 5)
    assert (second.recused, second.staff_recused, len(second.remaining)) == (("李工",), (), 4)
    assert first.can_review and second.can_review
    assert report.staff == ("周科员", "吴科员")
    assert first.reasons[0].zh == "工作人员周科员与甲公司有经济利益关系，应主动回避。"
    assert first.reasons[0].en == (
        "Staff member 周科员 has an interest in 甲公司 (a financial interest) and must step aside."
    )
    assert second.reasons[0].zh == "李工与乙公司有近亲属关系，应主动回避。"
    assert report.to_records(lang="zh")[0]["staff_recused"] == "周科员"


@pytest.mark.parametrize("kind", list(RelationKind))
def test_art26_english_names_every_interest_without_a_slip(kind: RelationKind) -> None:
    """The English sentence reads for every kind (no "a employment interest")."""
    report = check_recusal(
        PANEL,
        ["甲公司"],
        [Relation(person="李工", applicant="甲公司", kind=kind)],
        on=D(2025, 6, 20),
    )
    sentence = report["甲公司"].reasons[0].en
    assert sentence == f"李工 has an interest in 甲公司 ({kind.en}) and must step aside."
    assert " a employment" not in sentence and " a other" not in sentence


@pytest.mark.parametrize(
    ("staff", "relations", "error", "field"),
    [
        (["李工"], [], DuplicateUnitError, "staff[0]"),  # a panel member is not staff too
        (["周科员", "周科员"], [], DuplicateUnitError, "staff"),
        ("周科员", [], InvalidInputError, "staff"),
        (["周科员"], [Relation(person="吴科员", applicant="甲公司")], UnknownUnitError, "person"),
    ],
)
def test_art26_staff_refuses_bad_input(
    staff: object, relations: list[Relation], error: type, field: str
) -> None:
    with pytest.raises(error) as info:
        check_recusal(PANEL, ["甲公司"], relations, on=D(2025, 6, 20), staff=staff)  # type: ignore[arg-type]
    assert field in str(info.value)
