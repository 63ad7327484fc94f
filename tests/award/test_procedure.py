"""Measures Art. 18: the eight stages as a state machine of one application's path."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.notice import NoticeCounting, NoticePolicy
from baoshan_quality.award.procedure import (
    TRANSITIONS,
    Actor,
    ApplicationRecord,
    Outcome,
    Stage,
    Step,
    allowed_outcomes,
)
from baoshan_quality.errors import (
    BaoshanQualityError,
    InvalidInputError,
    InvalidTransitionError,
    OutsideValidityError,
)
from baoshan_quality.serialization import from_json, to_json

D = dt.date
APPLICANT = "上海某某精密制造有限公司"

# One 2025 edition, real calendar dates (2025 is an evaluation year under R10's default).
DATES = {
    Stage.CALL: D(2025, 3, 3),
    Stage.APPLICATION: D(2025, 4, 30),
    Stage.QUALIFICATION_REVIEW: D(2025, 5, 20),
    Stage.DOCUMENT_REVIEW: D(2025, 6, 20),
    Stage.SITE_REVIEW: D(2025, 7, 25),
    Stage.OVERALL_EVALUATION: D(2025, 8, 29),
    Stage.APPROVAL_AND_NOTICE: D(2025, 9, 19),
    Stage.ANNOUNCEMENT: D(2025, 10, 20),
}
NOTICE = {"notice_start": D(2025, 9, 26), "notice_end": D(2025, 10, 9)}


def extras(stage: Stage, outcome: Outcome) -> dict[str, object]:
    if stage is Stage.APPROVAL_AND_NOTICE and outcome in (Outcome.DONE, Outcome.OBJECTION):
        return dict(NOTICE)
    if outcome is Outcome.NOT_SHORTLISTED:
        return {"report_fed_back_on": D(2025, 6, 27)}
    return {}


def path_to(stage: Stage) -> ApplicationRecord:
    """A record that passed every stage before ``stage``."""
    record = ApplicationRecord(APPLICANT)
    for earlier in Stage:
        if earlier is stage:
            return record
        record = record.advance(
            earlier, DATES[earlier], Outcome.DONE, **extras(earlier, Outcome.DONE)
        )  # type: ignore[arg-type]
    return record


def full_path() -> ApplicationRecord:
    return path_to(Stage.ANNOUNCEMENT).advance(Stage.ANNOUNCEMENT, DATES[Stage.ANNOUNCEMENT])


def test_art18_full_path_of_a_2025_winner() -> None:
    record = full_path()
    assert [s.stage for s in record.steps] == list(Stage)
    assert record.awarded
    assert record.finished
    assert record.left_at is None
    assert record.next_stage is None
    assert all(record.passed(s) for s in Stage)
    notice = record.steps[6].notice
    assert notice is not None
    assert notice.counted_days == 5
    assert [str(r.citation) for r in record.reasons] == [
        f"Measures Art. 18({n})" for n in range(1, 9)
    ]


@pytest.mark.parametrize(
    "transition", TRANSITIONS, ids=[f"{t.stage.value}-{t.outcome.value}" for t in TRANSITIONS]
)
def test_art18_every_allowed_transition(transition: object) -> None:
    stage, outcome = transition.stage, transition.outcome  # type: ignore[attr-defined]
    record = path_to(stage).advance(stage, DATES[stage], outcome, **extras(stage, outcome))  # type: ignore[arg-type]
    assert record.stage is stage
    assert record.steps[-1].transition == transition
    assert record.finished is (transition.next_stage is None)  # type: ignore[attr-defined]
    assert record.next_stage is transition.next_stage  # type: ignore[attr-defined]
    assert record.left_at is (None if outcome is Outcome.DONE else stage)


def test_art18_the_exits_the_article_allows() -> None:
    exits = {(t.stage, t.outcome) for t in TRANSITIONS if t.outcome is not Outcome.DONE}
    assert exits == {
        (Stage.QUALIFICATION_REVIEW, Outcome.NOT_ACCEPTED),  # 18(3)
        (Stage.DOCUMENT_REVIEW, Outcome.NOT_SHORTLISTED),  # 18(4)
        (Stage.OVERALL_EVALUATION, Outcome.NOT_RECOMMENDED),  # 18(6)
        (Stage.APPROVAL_AND_NOTICE, Outcome.NOT_APPROVED),  # 18(7)
        (Stage.APPROVAL_AND_NOTICE, Outcome.OBJECTION),  # 18(8): only 公示无异议 proceeds
    }
    assert allowed_outcomes(Stage.SITE_REVIEW) == (Outcome.DONE,)
    assert allowed_outcomes(Stage.CALL) == (Outcome.DONE,)


@pytest.mark.parametrize(
    ("at", "stage", "outcome", "clause", "field"),
    [
        # A path starts with the call.
        (Stage.CALL, Stage.APPLICATION, Outcome.DONE, "Art. 18(1)", "stage"),
        # Skipping a stage.
        (Stage.APPLICATION, Stage.QUALIFICATION_REVIEW, Outcome.DONE, "Art. 18(2)", "stage"),
        (Stage.QUALIFICATION_REVIEW, Stage.DOCUMENT_REVIEW, Outcome.DONE, "Art. 18(3)", "stage"),
        (Stage.DOCUMENT_REVIEW, Stage.OVERALL_EVALUATION, Outcome.DONE, "Art. 18(4)", "stage"),
        (Stage.APPROVAL_AND_NOTICE, Stage.ANNOUNCEMENT, Outcome.DONE, "Art. 18(7)", "stage"),
        # Going back, or repeating a stage.
        (Stage.SITE_REVIEW, Stage.QUALIFICATION_REVIEW, Outcome.DONE, "Art. 18(5)", "stage"),
        (Stage.SITE_REVIEW, Stage.DOCUMENT_REVIEW, Outcome.DONE, "Art. 18(5)", "stage"),
        # An outcome the stage does not have.
        (Stage.CALL, Stage.CALL, Outcome.NOT_ACCEPTED, "Art. 18(1)", "outcome"),
        (Stage.APPLICATION, Stage.APPLICATION, Outcome.OBJECTION, "Art. 18(2)", "outcome"),
        (Stage.SITE_REVIEW, Stage.SITE_REVIEW, Outcome.NOT_SHORTLISTED, "Art. 18(5)", "outcome"),
        (Stage.QUALIFICATION_REVIEW, Stage.QUALIFICATION_REVIEW, Outcome.NOT_RECOMMENDED,
         "Art. 18(3)", "outcome"),
        (Stage.ANNOUNCEMENT, Stage.ANNOUNCEMENT, Outcome.NOT_APPROVED, "Art. 18(8)", "outcome"),
    ],
)  # fmt: skip
def test_art18_forbidden_transition(
    at: Stage, stage: Stage, outcome: Outcome, clause: str, field: str
) -> None:
    record = path_to(at)  # the record stands just before ``at``
    with pytest.raises(InvalidTransitionError) as info:
        record.advance(stage, DATES[stage], outcome)
    assert info.value.citation is not None
    assert str(info.value).startswith(f"{field}:")
    assert clause in str(info.value)


def test_no_step_after_the_path_ended() -> None:
    left = path_to(Stage.QUALIFICATION_REVIEW).advance(
        Stage.QUALIFICATION_REVIEW, DATES[Stage.QUALIFICATION_REVIEW], Outcome.NOT_ACCEPTED
    )
    assert left.finished
    assert left.left_at is Stage.QUALIFICATION_REVIEW
    assert not left.passed(Stage.QUALIFICATION_REVIEW)
    with pytest.raises(InvalidTransitionError, match="no stage may follow"):
        left.advance(Stage.DOCUMENT_REVIEW, DATES[Stage.DOCUMENT_REVIEW])
    with pytest.raises(InvalidTransitionError, match="no stage may follow"):
        full_path().advance(Stage.ANNOUNCEMENT, D(2025, 10, 21))


def test_art18_dates_run_forward() -> None:
    record = path_to(Stage.QUALIFICATION_REVIEW)
    with pytest.raises(InvalidTransitionError, match="before the previous one"):
        record.advance(Stage.QUALIFICATION_REVIEW, D(2025, 4, 29))
    # The same day is allowed.
    assert (
        record.advance(Stage.QUALIFICATION_REVIEW, D(2025, 4, 30)).stage
        is Stage.QUALIFICATION_REVIEW
    )


def test_art18_4_leaving_document_review_needs_the_report_fed_back() -> None:
    record = path_to(Stage.DOCUMENT_REVIEW)
    on = DATES[Stage.DOCUMENT_REVIEW]
    with pytest.raises(InvalidTransitionError, match=r"report fed back.*Art\. 18\(4\)"):
        record.advance(Stage.DOCUMENT_REVIEW, on, Outcome.NOT_SHORTLISTED)
    with pytest.raises(InvalidTransitionError, match="on or after"):
        record.advance(
            Stage.DOCUMENT_REVIEW, on, Outcome.NOT_SHORTLISTED, report_fed_back_on=D(2025, 6, 1)
        )
    with pytest.raises(InvalidTransitionError, match="only a path leaving"):
        record.advance(Stage.DOCUMENT_REVIEW, on, report_fed_back_on=D(2025, 6, 27))
    left = record.advance(Stage.DOCUMENT_REVIEW, on, Outcome.NOT_SHORTLISTED, report_fed_back_on=on)
    assert left.steps[-1].report_fed_back_on == on


def test_art18_7_notice_is_checked() -> None:
    record = path_to(Stage.APPROVAL_AND_NOTICE)
    on = DATES[Stage.APPROVAL_AND_NOTICE]
    with pytest.raises(InvalidTransitionError, match="only after a public notice"):
        record.advance(Stage.APPROVAL_AND_NOTICE, on)
    # One working day short: 9-26 .. 10-8 counts 4 working days.
    with pytest.raises(InvalidTransitionError) as info:
        record.advance(
            Stage.APPROVAL_AND_NOTICE, on, notice_start=D(2025, 9, 26), notice_end=D(2025, 10, 8)
        )
    assert "4 working days, fewer than 5" in str(info.value)
    assert "2025-10-09" in str(info.value)
    assert "Art. 18(7)" in str(info.value)
    # Counting from the next day (R11 alternative), 10-9 is one day short too.
    with pytest.raises(InvalidTransitionError, match="fewer than 5"):
        record.advance(
            Stage.APPROVAL_AND_NOTICE,
            on,
            notice_policy=NoticePolicy(NoticeCounting.FROM_NEXT_DAY),
            **NOTICE,  # type: ignore[arg-type]
        )
    with pytest.raises(InvalidTransitionError, match="follows the committee"):
        record.advance(
            Stage.APPROVAL_AND_NOTICE, D(2025, 9, 29), notice_start=D(2025, 9, 26),
            notice_end=D(2025, 10, 9),
        )  # fmt: skip
    with pytest.raises(InvalidTransitionError, match="only 审定公示"):
        record.advance(Stage.APPROVAL_AND_NOTICE, on, Outcome.NOT_APPROVED, **NOTICE)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="both"):
        record.advance(Stage.APPROVAL_AND_NOTICE, on, notice_start=D(2025, 9, 26))
    # An objection may come during a notice of any length.
    objected = record.advance(
        Stage.APPROVAL_AND_NOTICE,
        on,
        Outcome.OBJECTION,
        notice_start=D(2025, 9, 26),
        notice_end=D(2025, 9, 29),
    )
    assert objected.finished
    assert objected.left_at is Stage.APPROVAL_AND_NOTICE
    assert "未规定" in objected.reasons[-1].zh


def test_art18_8_announcement_only_after_the_notice_closed() -> None:
    record = path_to(Stage.ANNOUNCEMENT)
    with pytest.raises(InvalidTransitionError, match="after the notice closes on 2025-10-09"):
        record.advance(Stage.ANNOUNCEMENT, D(2025, 10, 9))
    assert record.advance(Stage.ANNOUNCEMENT, D(2025, 10, 10)).awarded


def test_art9_to_11_actors_of_each_stage() -> None:
    assert Stage.CALL.actors == (Actor.OFFICE,)
    assert Actor.APPLICANT in Stage.APPLICATION.actors
    assert Actor.RECOMMENDER in Stage.APPLICATION.actors
    assert Stage.QUALIFICATION_REVIEW.actors == (Actor.OFFICE,)
    for stage in (Stage.DOCUMENT_REVIEW, Stage.SITE_REVIEW, Stage.OVERALL_EVALUATION):
        assert Actor.EXPERT_PANEL in stage.actors  # Art. 11(1)
    assert Actor.COMMITTEE in Stage.APPROVAL_AND_NOTICE.actors  # Art. 9(3)
    assert Actor.DISTRICT_GOVERNMENT in Stage.APPROVAL_AND_NOTICE.actors  # Art. 18(7)
    assert Stage.ANNOUNCEMENT.actors == (Actor.DISTRICT_GOVERNMENT,)
    assert Actor.OFFICE.zh == "审定委员会办公室"
    assert str(Actor.EXPERT_PANEL.citation) == "Measures Art. 11"
    assert [s.zh for s in Stage] == [
        "公告", "申报", "资格审查", "资料评审", "现场评审", "综合评价", "审定公示", "发文公告",
    ]  # fmt: skip


def test_art28_dates_outside_the_measures() -> None:
    record = ApplicationRecord(APPLICANT)
    with pytest.raises(OutsideValidityError):
        record.advance(Stage.CALL, D(2023, 3, 1))
    opted = record.advance(Stage.CALL, D(2023, 3, 1), allow_outside_validity=True)
    assert opted.steps[0].applied_outside_validity
    assert not record.advance(Stage.CALL, D(2023, 5, 1)).steps[0].applied_outside_validity


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("call", D(2025, 3, 3)), "stage"),
        ((Stage.CALL, "2025-03-03"), "on"),
        ((Stage.CALL, D(2025, 3, 3), "done"), "outcome"),
    ],
)
def test_advance_refuses_wrong_types(args: tuple[object, ...], field: str) -> None:
    with pytest.raises(InvalidInputError, match=field):
        ApplicationRecord(APPLICANT).advance(*args)  # type: ignore[arg-type]


def test_record_validates_its_steps_when_built_directly() -> None:
    with pytest.raises(InvalidTransitionError, match=r"steps\[0\]\.stage"):
        ApplicationRecord(APPLICANT, (Step(stage=Stage.APPLICATION, on=D(2025, 4, 1)),))
    with pytest.raises(InvalidInputError):
        ApplicationRecord(APPLICANT, ("call",))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        ApplicationRecord(" ")


def test_json_round_trip_and_refusal() -> None:
    for record in (full_path(), path_to(Stage.SITE_REVIEW), ApplicationRecord(APPLICANT)):
        assert from_json(to_json(record), ApplicationRecord) == record
    text = to_json(path_to(Stage.SITE_REVIEW)).replace('"document-review"', '"site-review"')
    with pytest.raises(BaoshanQualityError):
        from_json(text, ApplicationRecord)


def test_display_and_records() -> None:
    record = full_path()
    text = str(record)
    assert text.startswith(f"{APPLICANT} — awarded")
    assert "审定公示" in text
    assert "<table>" in record._repr_html_()
    rows = record.to_records()
    assert len(rows) == 8
    assert rows[0]["stage"] == "公告"
    assert rows[6]["actors"] == "审定委员会、审定委员会办公室、区政府"
    assert str(path_to(Stage.SITE_REVIEW)).startswith(f"{APPLICANT} — next: site-review")


ORDER = list(Stage)
NEXT = {t.stage: t.next_stage for t in TRANSITIONS if t.outcome is Outcome.DONE}


@given(
    st.lists(
        st.tuples(st.sampled_from(ORDER), st.sampled_from(list(Outcome))), min_size=1, max_size=9
    )
)
def test_a_path_is_accepted_exactly_when_it_follows_article_18(
    moves: list[tuple[Stage, Outcome]],
) -> None:
    """Independent model: stages in order from 公告, outcomes from the table, nothing after an exit."""
    expected_ok = True
    ended = False
    for position, (stage, outcome) in enumerate(moves):
        if ended or stage is not ORDER[position] or outcome not in allowed_outcomes(stage):
            expected_ok = False
            break
        ended = outcome is not Outcome.DONE or stage is Stage.ANNOUNCEMENT
    record = ApplicationRecord(APPLICANT)
    accepted = True
    try:
        for stage, outcome in moves:
            record = record.advance(stage, DATES[stage], outcome, **extras(stage, outcome))  # type: ignore[arg-type]
    except InvalidTransitionError:
        accepted = False
    assert accepted is expected_ok
    if accepted:
        assert len(record.steps) == len(moves)
        assert NEXT[Stage.CALL] is Stage.APPLICATION
