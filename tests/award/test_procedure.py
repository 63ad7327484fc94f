"""Measures Art. 9-11, 13, 18: the eight stages as a state machine of one application's path.

Art. 18 names the eight stages (公告, 申报, 资格审查, 资料评审, 现场评审, 综合评价,
审定公示, 发文公告) and who acts at each (审定委员会办公室 Art. 10, 评审专家组 Art. 11,
审定委员会 and 区政府 Art. 9, the recommending 街镇（园区）或主管部门 Art. 13).  The
notice of Art. 18(7) lasts at least 5 working days: on the 2025 holiday notice
(国庆 10-01..10-08 off, Sun 09-28 worked) 2025-09-26..10-08 counts 09-26, 09-28, 09-29,
09-30 = 4 days and 10-09 is the 5th; on a Monday-to-Friday calendar 09-26..10-02 counts
09-26, 09-29, 09-30, 10-01, 10-02 = 5.  Errors follow ``field: problem, got value
(clause)``.  None of the expectations is copied from a run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.notice import (
    NoticeCounting,
    NoticePolicy,
    check_notice,
    earliest_notice_close,
)
from baoshan_quality.award.procedure import (
    TRANSITIONS,
    ApplicationRecord,
    ProcedureActor,
    ProcedureStage,
    ProcedureStep,
    StageOutcome,
    StageTransition,
    _t,
    allowed_outcomes,
)
from baoshan_quality.citations import Reason, measures
from baoshan_quality.errors import (
    BaoshanQualityError,
    InvalidInputError,
    InvalidTransitionError,
    OutsideValidityError,
)
from baoshan_quality.serialization import from_json, to_json
from tests.anything import anything

from .shared import LATER, MondayToFriday

D = dt.date
S, OUT = ProcedureStage, StageOutcome
APPLICANT = "上海某某精密制造有限公司"

# One 2025 edition, real calendar dates (2025 is an evaluation year under R10's default).
DATES = {
    ProcedureStage.CALL: D(2025, 3, 3),
    ProcedureStage.APPLICATION: D(2025, 4, 30),
    ProcedureStage.QUALIFICATION_REVIEW: D(2025, 5, 20),
    ProcedureStage.DOCUMENT_REVIEW: D(2025, 6, 20),
    ProcedureStage.SITE_REVIEW: D(2025, 7, 25),
    ProcedureStage.OVERALL_EVALUATION: D(2025, 8, 29),
    ProcedureStage.APPROVAL_AND_NOTICE: D(2025, 9, 19),
    ProcedureStage.ANNOUNCEMENT: D(2025, 10, 20),
}
NOTICE = {"notice_start": D(2025, 9, 26), "notice_end": D(2025, 10, 9)}


def extras(stage: ProcedureStage, outcome: StageOutcome) -> dict[str, object]:
    if stage is ProcedureStage.APPROVAL_AND_NOTICE and outcome in (
        StageOutcome.DONE,
        StageOutcome.OBJECTION,
    ):
        return dict(NOTICE)
    if outcome is StageOutcome.NOT_SHORTLISTED:
        return {"report_fed_back_on": D(2025, 6, 27)}
    return {}


def path_to(stage: ProcedureStage) -> ApplicationRecord:
    """A record that passed every stage before ``stage``."""
    record = ApplicationRecord(APPLICANT)
    for earlier in ProcedureStage:
        if earlier is stage:
            return record
        record = record.advance(
            earlier, DATES[earlier], StageOutcome.DONE, **extras(earlier, StageOutcome.DONE)
        )  # type: ignore[arg-type]
    return record


def full_path() -> ApplicationRecord:
    return path_to(ProcedureStage.ANNOUNCEMENT).advance(
        ProcedureStage.ANNOUNCEMENT, DATES[ProcedureStage.ANNOUNCEMENT]
    )


def _refusal(kind: type[Exception], call) -> Exception:  # type: ignore[no-untyped-def]
    with pytest.raises(kind) as info:
        call()
    return info.value


def _transition_error(call) -> InvalidTransitionError:  # type: ignore[no-untyped-def]
    error = _refusal(InvalidTransitionError, call)
    assert isinstance(error, InvalidTransitionError)
    return error


# --- Art. 9-11, 13, 18: the actors, the stages and the transitions as data -------------


def test_actors_names_and_clauses() -> None:
    expected = {
        ProcedureActor.DISTRICT_GOVERNMENT: ("区政府", "Art. 9"),
        ProcedureActor.COMMITTEE: ("审定委员会", "Art. 9"),
        ProcedureActor.OFFICE: ("审定委员会办公室", "Art. 10"),
        ProcedureActor.EXPERT_PANEL: ("评审专家组", "Art. 11"),
        ProcedureActor.APPLICANT: ("申报组织或个人", "Art. 18(2)"),
        ProcedureActor.RECOMMENDER: ("所在街镇（园区）或主管部门", "Art. 13"),
    }
    for actor, (zh, clause) in expected.items():
        assert (actor.zh, actor.citation) == (zh, measures(clause))
    assert [a.en for a in ProcedureActor] == [
        "district government",
        "approval committee",
        "committee office",
        "expert panel",
        "applicant",
        "recommending street, town, park or department",
    ]


def test_stages_numbers_names_actors_and_clauses() -> None:
    a = ProcedureActor
    expected = [
        (1, "公告", "call", (a.OFFICE,)),
        (2, "申报", "application", (a.APPLICANT, a.RECOMMENDER, a.OFFICE)),
        (3, "资格审查", "qualification review", (a.OFFICE,)),
        (4, "资料评审", "document review", (a.OFFICE, a.EXPERT_PANEL)),
        (5, "现场评审", "site review", (a.OFFICE, a.EXPERT_PANEL)),
        (6, "综合评价", "overall evaluation", (a.OFFICE, a.EXPERT_PANEL)),
        (
            7,
            "审定公示",
            "approval and public notice",
            (a.COMMITTEE, a.OFFICE, a.DISTRICT_GOVERNMENT),
        ),
        (8, "发文公告", "announcement", (a.DISTRICT_GOVERNMENT,)),
    ]
    for stage, (number, zh, en, actors) in zip(ProcedureStage, expected, strict=True):
        assert (stage.number, stage.zh, stage.en, stage.actors) == (number, zh, en, actors)
        assert stage.citation == measures(f"Art. 18({number})")


def test_transition_builder_built_afresh() -> None:
    """``TRANSITIONS`` is built at import; its row builder, called afresh, keeps every column."""
    row = _t(S.DOCUMENT_REVIEW, OUT.NOT_SHORTLISTED, None, "Art. 18(4)", "未进入。", "Not in.")
    assert row == StageTransition(
        stage=S.DOCUMENT_REVIEW,
        outcome=OUT.NOT_SHORTLISTED,
        next_stage=None,
        citation=measures("Art. 18(4)"),
        zh="未进入。",
        en="Not in.",
    )
    assert _t(S.CALL, OUT.DONE, S.APPLICATION, "Art. 18(1)", "甲", "a").next_stage is S.APPLICATION


def test_stage_type_error_names_art18() -> None:
    record = ApplicationRecord(APPLICANT)
    error = _refusal(InvalidInputError, lambda: record.passed("call"))  # type: ignore[arg-type]
    assert str(error) == "stage: expected a ProcedureStage, got 'call' (Measures Art. 18)"


def test_step_transition_of_an_outcome_the_stage_lacks() -> None:
    step = ProcedureStep(stage=S.CALL, on=D(2025, 3, 3), outcome=OUT.NOT_ACCEPTED)
    error = _transition_error(lambda: step.transition)
    assert (error.field, error.citation) == ("outcome", measures("Art. 18(1)"))
    assert str(error) == (
        "outcome: not an outcome of 公告, got <StageOutcome.NOT_ACCEPTED: 'not-accepted'> "
        "(StageOutcome) (Measures Art. 18(1))"
    )


def test_art9_to_11_actors_of_each_stage() -> None:
    assert ProcedureStage.CALL.actors == (ProcedureActor.OFFICE,)
    assert ProcedureActor.APPLICANT in ProcedureStage.APPLICATION.actors
    assert ProcedureActor.RECOMMENDER in ProcedureStage.APPLICATION.actors
    assert ProcedureStage.QUALIFICATION_REVIEW.actors == (ProcedureActor.OFFICE,)
    for stage in (
        ProcedureStage.DOCUMENT_REVIEW,
        ProcedureStage.SITE_REVIEW,
        ProcedureStage.OVERALL_EVALUATION,
    ):
        assert ProcedureActor.EXPERT_PANEL in stage.actors  # Art. 11(1)
    assert ProcedureActor.COMMITTEE in ProcedureStage.APPROVAL_AND_NOTICE.actors  # Art. 9(3)
    assert (
        ProcedureActor.DISTRICT_GOVERNMENT in ProcedureStage.APPROVAL_AND_NOTICE.actors
    )  # Art. 18(7)
    assert ProcedureStage.ANNOUNCEMENT.actors == (ProcedureActor.DISTRICT_GOVERNMENT,)
    assert ProcedureActor.OFFICE.zh == "审定委员会办公室"
    assert str(ProcedureActor.EXPERT_PANEL.citation) == "Measures Art. 11"
    assert [s.zh for s in ProcedureStage] == [
        "公告", "申报", "资格审查", "资料评审", "现场评审", "综合评价", "审定公示", "发文公告",
    ]  # fmt: skip


def test_art18_the_exits_the_article_allows() -> None:
    exits = {(t.stage, t.outcome) for t in TRANSITIONS if t.outcome is not StageOutcome.DONE}
    assert exits == {
        (ProcedureStage.QUALIFICATION_REVIEW, StageOutcome.NOT_ACCEPTED),  # 18(3)
        (ProcedureStage.DOCUMENT_REVIEW, StageOutcome.NOT_SHORTLISTED),  # 18(4)
        (ProcedureStage.OVERALL_EVALUATION, StageOutcome.NOT_RECOMMENDED),  # 18(6)
        (ProcedureStage.APPROVAL_AND_NOTICE, StageOutcome.NOT_APPROVED),  # 18(7)
        (
            ProcedureStage.APPROVAL_AND_NOTICE,
            StageOutcome.OBJECTION,
        ),  # 18(8): only 公示无异议 proceeds
    }
    assert allowed_outcomes(ProcedureStage.SITE_REVIEW) == (StageOutcome.DONE,)
    assert allowed_outcomes(ProcedureStage.CALL) == (StageOutcome.DONE,)


# --- the record's state --------------------------------------------------------------


def test_art18_full_path_of_a_2025_winner() -> None:
    record = full_path()
    assert [s.stage for s in record.steps] == list(ProcedureStage)
    assert record.awarded
    assert record.finished
    assert record.left_at is None
    assert record.next_stage is None
    assert all(record.passed(s) for s in ProcedureStage)
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
    assert record.left_at is (None if outcome is StageOutcome.DONE else stage)


def test_an_empty_record() -> None:
    record = ApplicationRecord(APPLICANT)
    assert record.last is None and record.stage is None
    assert not record.finished and not record.awarded
    assert record.left_at is None
    assert record.next_stage is S.CALL
    assert record.to_text("en").splitlines()[0] == f"{APPLICANT} — next: call"
    assert str(record).splitlines()[0] == f"{APPLICANT} — 下一环节：公告"
    assert record.to_records() == []


def test_a_record_under_way() -> None:
    record = path_to(S.DOCUMENT_REVIEW)
    assert record.last == record.steps[2] and record.last.stage is S.QUALIFICATION_REVIEW
    assert record.stage is S.QUALIFICATION_REVIEW
    assert not record.finished and not record.awarded and record.left_at is None
    assert record.next_stage is S.DOCUMENT_REVIEW
    assert record.passed(S.APPLICATION) and not record.passed(S.DOCUMENT_REVIEW)
    assert record.reasons == (
        Reason(
            measures("Art. 18(1)"),
            "2025-03-03 审定委员会办公室公告当年评审的时间安排、领域、对象、条件和要求。",
            "2025-03-03: The office announced the year's timetable, fields, applicants, "
            "conditions.",
        ),
        Reason(
            measures("Art. 18(2)"),
            "2025-04-30 自愿申报，自我评价，经推荐后在规定时限内报送审定委员会办公室。",
            "2025-04-30: Applied voluntarily with a self-evaluation and a recommendation, on time.",
        ),
        Reason(
            measures("Art. 18(3)"),
            "2025-05-20 通过资格审查，正式受理。",
            "2025-05-20: Passed the qualification review; the application is formally accepted.",
        ),
    )


def test_a_record_that_left() -> None:
    record = path_to(S.OVERALL_EVALUATION).advance(
        S.OVERALL_EVALUATION, DATES[S.OVERALL_EVALUATION], OUT.NOT_RECOMMENDED
    )
    assert record.finished and not record.awarded
    assert record.left_at is S.OVERALL_EVALUATION and record.next_stage is None
    assert not record.passed(S.OVERALL_EVALUATION) and record.passed(S.SITE_REVIEW)
    assert record.reasons[-1].zh == "2025-08-29 综合评价后未列入建议名单。"
    assert record.to_text("en").splitlines()[0] == f"{APPLICANT} — left at overall-evaluation"
    assert str(record).splitlines()[0] == f"{APPLICANT} — 于综合评价环节退出"


# --- refusals: the order of the stages --------------------------------------------------


@pytest.mark.parametrize(
    ("at", "stage", "outcome", "clause", "field"),
    [
        # A path starts with the call.
        (ProcedureStage.CALL, ProcedureStage.APPLICATION, StageOutcome.DONE, "Art. 18(1)", "stage"),
        # Skipping a stage.
        (ProcedureStage.APPLICATION, ProcedureStage.QUALIFICATION_REVIEW, StageOutcome.DONE, "Art. 18(2)", "stage"),
        (ProcedureStage.QUALIFICATION_REVIEW, ProcedureStage.DOCUMENT_REVIEW, StageOutcome.DONE, "Art. 18(3)", "stage"),
        (ProcedureStage.DOCUMENT_REVIEW, ProcedureStage.OVERALL_EVALUATION, StageOutcome.DONE, "Art. 18(4)", "stage"),
        (ProcedureStage.APPROVAL_AND_NOTICE, ProcedureStage.ANNOUNCEMENT, StageOutcome.DONE, "Art. 18(7)", "stage"),
        # Going back, or repeating a stage.
        (ProcedureStage.SITE_REVIEW, ProcedureStage.QUALIFICATION_REVIEW, StageOutcome.DONE, "Art. 18(5)", "stage"),
        (ProcedureStage.SITE_REVIEW, ProcedureStage.DOCUMENT_REVIEW, StageOutcome.DONE, "Art. 18(5)", "stage"),
        # An outcome the stage does not have.
        (ProcedureStage.CALL, ProcedureStage.CALL, StageOutcome.NOT_ACCEPTED, "Art. 18(1)", "outcome"),
        (ProcedureStage.APPLICATION, ProcedureStage.APPLICATION, StageOutcome.OBJECTION, "Art. 18(2)", "outcome"),
        (ProcedureStage.SITE_REVIEW, ProcedureStage.SITE_REVIEW, StageOutcome.NOT_SHORTLISTED, "Art. 18(5)", "outcome"),
        (ProcedureStage.QUALIFICATION_REVIEW, ProcedureStage.QUALIFICATION_REVIEW, StageOutcome.NOT_RECOMMENDED,
         "Art. 18(3)", "outcome"),
        (ProcedureStage.ANNOUNCEMENT, ProcedureStage.ANNOUNCEMENT, StageOutcome.NOT_APPROVED, "Art. 18(8)", "outcome"),
    ],
)  # fmt: skip
def test_art18_forbidden_transition(
    at: ProcedureStage, stage: ProcedureStage, outcome: StageOutcome, clause: str, field: str
) -> None:
    record = path_to(at)  # the record stands just before ``at``
    with pytest.raises(InvalidTransitionError) as info:
        record.advance(stage, DATES[stage], outcome)
    assert info.value.citation is not None
    assert str(info.value).startswith(f"{field}:")
    assert clause in str(info.value)


def test_no_step_after_the_path_ended() -> None:
    left = path_to(ProcedureStage.QUALIFICATION_REVIEW).advance(
        ProcedureStage.QUALIFICATION_REVIEW,
        DATES[ProcedureStage.QUALIFICATION_REVIEW],
        StageOutcome.NOT_ACCEPTED,
    )
    assert left.finished
    assert left.left_at is ProcedureStage.QUALIFICATION_REVIEW
    assert not left.passed(ProcedureStage.QUALIFICATION_REVIEW)
    with pytest.raises(InvalidTransitionError, match="no stage may follow"):
        left.advance(ProcedureStage.DOCUMENT_REVIEW, DATES[ProcedureStage.DOCUMENT_REVIEW])
    with pytest.raises(InvalidTransitionError, match="no stage may follow"):
        full_path().advance(ProcedureStage.ANNOUNCEMENT, D(2025, 10, 21))


def test_art18_dates_run_forward() -> None:
    record = path_to(ProcedureStage.QUALIFICATION_REVIEW)
    with pytest.raises(InvalidTransitionError, match="before the previous one"):
        record.advance(ProcedureStage.QUALIFICATION_REVIEW, D(2025, 4, 29))
    # The same day is allowed.
    assert (
        record.advance(ProcedureStage.QUALIFICATION_REVIEW, D(2025, 4, 30)).stage
        is ProcedureStage.QUALIFICATION_REVIEW
    )


def test_a_path_starts_with_the_call() -> None:
    error = _transition_error(
        lambda: ApplicationRecord(APPLICANT).advance(S.APPLICATION, DATES[S.APPLICATION])
    )
    assert (error.field, error.value, error.citation) == (
        "stage",
        "application",
        measures("Art. 18(1)"),
    )
    assert (
        str(error)
        == "stage: a path starts with 公告 (call), got 'application' (Measures Art. 18(1))"
    )


def test_steps_built_directly_are_checked_with_their_index() -> None:
    call = ProcedureStep(stage=S.CALL, on=D(2025, 3, 3))
    error = _transition_error(lambda: ApplicationRecord(APPLICANT, (call, call)))
    assert str(error) == (
        "steps[1].stage: after 公告 (call) the next stage is 申报 (application), got 'call' "
        "(Measures Art. 18(2))"
    )
    error = _transition_error(
        lambda: ApplicationRecord(
            APPLICANT, (ProcedureStep(stage=S.SITE_REVIEW, on=D(2025, 3, 3)),)
        )
    )
    assert str(error).startswith("steps[0].stage: a path starts with 公告 (call)")


def test_no_stage_after_an_exit_or_the_announcement() -> None:
    left = path_to(S.QUALIFICATION_REVIEW).advance(
        S.QUALIFICATION_REVIEW, DATES[S.QUALIFICATION_REVIEW], OUT.NOT_ACCEPTED
    )
    error = _transition_error(lambda: left.advance(S.DOCUMENT_REVIEW, DATES[S.DOCUMENT_REVIEW]))
    assert (error.field, error.citation) == ("stage", measures("Art. 18(3)"))
    assert str(error) == (
        "stage: the path ended at 资格审查 (not-accepted); no stage may follow, "
        "got 'document-review' (Measures Art. 18(3))"
    )
    done = path_to(S.ANNOUNCEMENT).advance(S.ANNOUNCEMENT, DATES[S.ANNOUNCEMENT])
    error = _transition_error(lambda: done.advance(S.ANNOUNCEMENT, D(2025, 10, 21)))
    assert str(error) == (
        "stage: the path ended at 发文公告 (done); no stage may follow, got 'announcement' "
        "(Measures Art. 18(8))"
    )


def test_a_skipped_stage_names_the_next_one() -> None:
    record = path_to(S.SITE_REVIEW)
    error = _transition_error(
        lambda: record.advance(S.OVERALL_EVALUATION, DATES[S.OVERALL_EVALUATION])
    )
    assert (error.field, error.value, error.citation) == (
        "stage",
        "overall-evaluation",
        measures("Art. 18(5)"),
    )
    assert str(error) == (
        "stage: after 资料评审 (document review) the next stage is 现场评审 (site review), "
        "got 'overall-evaluation' (Measures Art. 18(5))"
    )


def test_a_stage_cannot_conclude_before_the_previous_one() -> None:
    record = path_to(S.QUALIFICATION_REVIEW)
    error = _transition_error(lambda: record.advance(S.QUALIFICATION_REVIEW, D(2025, 4, 29)))
    assert (error.field, error.value, error.citation) == (
        "on",
        D(2025, 4, 29),
        measures("Art. 18(3)"),
    )
    assert str(error) == (
        "on: a stage cannot conclude before the previous one (申报, 2025-04-30), "
        "got datetime.date(2025, 4, 29) (date) (Measures Art. 18(3))"
    )


@pytest.mark.parametrize(
    ("stage", "outcome", "allowed"),
    [
        (S.CALL, OUT.NOT_ACCEPTED, "done"),
        (S.DOCUMENT_REVIEW, OUT.NOT_ACCEPTED, "done, not-shortlisted"),
        (S.APPROVAL_AND_NOTICE, OUT.NOT_RECOMMENDED, "done, not-approved, objection"),
    ],
)
def test_an_outcome_the_stage_lacks_lists_the_allowed_ones(
    stage: ProcedureStage, outcome: StageOutcome, allowed: str
) -> None:
    record = path_to(stage)
    error = _transition_error(lambda: record.advance(stage, DATES[stage], outcome))
    assert (error.field, error.value, error.citation) == ("outcome", outcome.value, stage.citation)
    assert str(error) == (
        f"outcome: {stage.zh} ({stage.en}) can only end as: {allowed}, got '{outcome.value}' "
        f"({stage.citation})"
    )


# --- Art. 18(4) the report, 18(7) the notice, 18(8) the announcement --------------------


def test_art18_4_leaving_document_review_needs_the_report_fed_back() -> None:
    record = path_to(ProcedureStage.DOCUMENT_REVIEW)
    on = DATES[ProcedureStage.DOCUMENT_REVIEW]
    with pytest.raises(InvalidTransitionError, match=r"report fed back.*Art\. 18\(4\)"):
        record.advance(ProcedureStage.DOCUMENT_REVIEW, on, StageOutcome.NOT_SHORTLISTED)
    with pytest.raises(InvalidTransitionError, match="on or after"):
        record.advance(
            ProcedureStage.DOCUMENT_REVIEW,
            on,
            StageOutcome.NOT_SHORTLISTED,
            report_fed_back_on=D(2025, 6, 1),
        )
    with pytest.raises(InvalidTransitionError, match="only a path leaving"):
        record.advance(ProcedureStage.DOCUMENT_REVIEW, on, report_fed_back_on=D(2025, 6, 27))
    left = record.advance(
        ProcedureStage.DOCUMENT_REVIEW, on, StageOutcome.NOT_SHORTLISTED, report_fed_back_on=on
    )
    assert left.steps[-1].report_fed_back_on == on


def test_art18_7_notice_is_checked() -> None:
    record = path_to(ProcedureStage.APPROVAL_AND_NOTICE)
    on = DATES[ProcedureStage.APPROVAL_AND_NOTICE]
    with pytest.raises(InvalidTransitionError, match="only after a public notice"):
        record.advance(ProcedureStage.APPROVAL_AND_NOTICE, on)
    # One working day short: 9-26 .. 10-8 counts 4 working days.
    with pytest.raises(InvalidTransitionError) as info:
        record.advance(
            ProcedureStage.APPROVAL_AND_NOTICE,
            on,
            notice_start=D(2025, 9, 26),
            notice_end=D(2025, 10, 8),
        )
    assert "4 working days, fewer than 5" in str(info.value)
    assert "2025-10-09" in str(info.value)
    assert "Art. 18(7)" in str(info.value)
    # Counting from the next day (R11 alternative), 10-9 is one day short too.
    with pytest.raises(InvalidTransitionError, match="fewer than 5"):
        record.advance(
            ProcedureStage.APPROVAL_AND_NOTICE,
            on,
            notice_policy=NoticePolicy(NoticeCounting.FROM_NEXT_DAY),
            **NOTICE,  # type: ignore[arg-type]
        )
    with pytest.raises(InvalidTransitionError, match="follows the committee"):
        record.advance(
            ProcedureStage.APPROVAL_AND_NOTICE, D(2025, 9, 29), notice_start=D(2025, 9, 26),
            notice_end=D(2025, 10, 9),
        )  # fmt: skip
    with pytest.raises(InvalidTransitionError, match="only 审定公示"):
        record.advance(ProcedureStage.APPROVAL_AND_NOTICE, on, StageOutcome.NOT_APPROVED, **NOTICE)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="both"):
        record.advance(ProcedureStage.APPROVAL_AND_NOTICE, on, notice_start=D(2025, 9, 26))
    # An objection may come during a notice of any length.
    objected = record.advance(
        ProcedureStage.APPROVAL_AND_NOTICE,
        on,
        StageOutcome.OBJECTION,
        notice_start=D(2025, 9, 26),
        notice_end=D(2025, 9, 29),
    )
    assert objected.finished
    assert objected.left_at is ProcedureStage.APPROVAL_AND_NOTICE
    assert "未规定" in objected.reasons[-1].zh


def test_art18_8_announcement_only_after_the_notice_closed() -> None:
    record = path_to(ProcedureStage.ANNOUNCEMENT)
    with pytest.raises(InvalidTransitionError, match="after the notice closes on 2025-10-09"):
        record.advance(ProcedureStage.ANNOUNCEMENT, D(2025, 10, 9))
    assert record.advance(ProcedureStage.ANNOUNCEMENT, D(2025, 10, 10)).awarded


def test_art18_4_report_refusals() -> None:
    record = path_to(S.DOCUMENT_REVIEW)
    on = DATES[S.DOCUMENT_REVIEW]
    error = _transition_error(lambda: record.advance(S.DOCUMENT_REVIEW, on, OUT.NOT_SHORTLISTED))
    assert (error.field, error.value, error.citation) == (
        "report_fed_back_on",
        None,
        measures("Art. 18(4)"),
    )
    assert str(error) == (
        "report_fed_back_on: a path leaves 资料评审 only with the document-review report fed "
        "back, got None (Measures Art. 18(4))"
    )
    error = _transition_error(
        lambda: record.advance(
            S.DOCUMENT_REVIEW, on, OUT.NOT_SHORTLISTED, report_fed_back_on=D(2025, 6, 19)
        )
    )
    assert str(error) == (
        "report_fed_back_on: the report is fed back on or after the decision of 2025-06-20, "
        "got datetime.date(2025, 6, 19) (date) (Measures Art. 18(4))"
    )
    error = _transition_error(
        lambda: record.advance(S.DOCUMENT_REVIEW, on, report_fed_back_on=D(2025, 6, 27))
    )
    assert str(error) == (
        "report_fed_back_on: only a path leaving 资料评审 (not shortlisted) records a report "
        "fed back, got datetime.date(2025, 6, 27) (date) (Measures Art. 18(4))"
    )


@pytest.mark.parametrize("outcome", [OUT.DONE, OUT.OBJECTION])
def test_art18_7_notice_required_for_done_and_objection(outcome: StageOutcome) -> None:
    record = path_to(S.APPROVAL_AND_NOTICE)
    error = _transition_error(
        lambda: record.advance(S.APPROVAL_AND_NOTICE, DATES[S.APPROVAL_AND_NOTICE], outcome)
    )
    assert (error.field, error.value, error.citation) == ("notice", None, measures("Art. 18(7)"))
    assert str(error) == (
        "notice: 审定公示 passes (or meets an objection) only after a public notice, got None "
        "(Measures Art. 18(7))"
    )


def test_art18_7_notice_start_and_length() -> None:
    record = path_to(S.APPROVAL_AND_NOTICE)
    error = _transition_error(
        lambda: record.advance(
            S.APPROVAL_AND_NOTICE,
            D(2025, 9, 29),
            notice_start=D(2025, 9, 26),
            notice_end=D(2025, 10, 9),
        )
    )
    assert (error.field, error.value) == ("notice.start", D(2025, 9, 26))
    assert str(error) == (
        "notice.start: the notice follows the committee's decision of 2025-09-29, "
        "got datetime.date(2025, 9, 26) (date) (Measures Art. 18(7))"
    )
    # A notice opening on the decision's own day follows it (on or after).
    same_day = record.advance(
        S.APPROVAL_AND_NOTICE,
        D(2025, 9, 26),
        notice_start=D(2025, 9, 26),
        notice_end=D(2025, 10, 9),
    )
    assert same_day.next_stage is S.ANNOUNCEMENT
    error = _transition_error(
        lambda: record.advance(
            S.APPROVAL_AND_NOTICE, DATES[S.APPROVAL_AND_NOTICE], notice_start=D(2025, 9, 26),
            notice_end=D(2025, 10, 8),
        )
    )  # fmt: skip
    assert (error.field, error.value, error.citation) == (
        "notice",
        "2025-09-26..2025-10-08",
        measures("Art. 18(7)"),
    )
    assert str(error) == (
        "notice: the notice counted 4 working days, fewer than 5; the earliest close is "
        "2025-10-09, got '2025-09-26..2025-10-08' (Measures Art. 18(7))"
    )


def test_art18_7_notice_only_at_approval_passed_or_objected() -> None:
    record = path_to(S.APPROVAL_AND_NOTICE)
    error = _transition_error(
        lambda: record.advance(
            S.APPROVAL_AND_NOTICE, DATES[S.APPROVAL_AND_NOTICE], OUT.NOT_APPROVED, **NOTICE
        )  # type: ignore[arg-type]
    )
    assert (error.field, error.value, error.citation) == (
        "notice",
        "2025-09-26..2025-10-09",
        measures("Art. 18(7)"),
    )
    assert str(error) == (
        "notice: only 审定公示 (passed or objected to) records a public notice, "
        "got '2025-09-26..2025-10-09' (Measures Art. 18(7))"
    )


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"notice_start": D(2025, 9, 26)}, "notice_end"),
        ({"notice_end": D(2025, 10, 9)}, "notice_start"),
    ],
)
def test_art18_7_both_notice_days_are_needed(given: dict[str, dt.date], field: str) -> None:
    record = path_to(S.APPROVAL_AND_NOTICE)
    error = _refusal(
        InvalidInputError,
        lambda: record.advance(S.APPROVAL_AND_NOTICE, DATES[S.APPROVAL_AND_NOTICE], **given),  # type: ignore[arg-type]
    )
    assert str(error) == (
        f"{field}: give both the first and the last day of the notice, got None "
        "(Measures Art. 18(7))"
    )


def test_art18_8_announcement_after_the_notice_closed() -> None:
    record = path_to(S.ANNOUNCEMENT)
    error = _transition_error(lambda: record.advance(S.ANNOUNCEMENT, D(2025, 10, 9)))
    assert (error.field, error.value, error.citation) == (
        "on",
        D(2025, 10, 9),
        measures("Art. 18(8)"),
    )
    assert str(error) == (
        "on: the award is announced after the notice closes on 2025-10-09 (公示无异议后), "
        "got datetime.date(2025, 10, 9) (date) (Measures Art. 18(8))"
    )


# --- options passed on: the calendar, the edition, the opt-in (Art. 28) -----------------


def test_art28_dates_outside_the_measures() -> None:
    record = ApplicationRecord(APPLICANT)
    with pytest.raises(OutsideValidityError):
        record.advance(ProcedureStage.CALL, D(2023, 3, 1))
    opted = record.advance(ProcedureStage.CALL, D(2023, 3, 1), allow_outside_validity=True)
    assert opted.steps[0].applied_outside_validity
    assert not record.advance(ProcedureStage.CALL, D(2023, 5, 1)).steps[0].applied_outside_validity


def test_the_callers_calendar_counts_the_notice() -> None:
    record = path_to(S.APPROVAL_AND_NOTICE)
    days = {"notice_start": D(2025, 9, 26), "notice_end": D(2025, 10, 2)}
    on = DATES[S.APPROVAL_AND_NOTICE]
    # On the 2025 holiday notice only 4 working days: refused.
    with pytest.raises(InvalidTransitionError, match="counted 4 working days"):
        record.advance(S.APPROVAL_AND_NOTICE, on, **days)  # type: ignore[arg-type]
    passed = record.advance(S.APPROVAL_AND_NOTICE, on, calendar=MondayToFriday(), **days)  # type: ignore[arg-type]
    step = passed.steps[-1]
    assert step.notice is not None and step.notice.counted_days == 5
    assert (step.notice.start, step.notice.end) == (D(2025, 9, 26), D(2025, 10, 2))
    assert step.outcome is OUT.DONE and step.report_fed_back_on is None
    assert not step.applied_outside_validity


def test_the_edition_is_passed_on() -> None:
    # 2030 lies outside the 2023 Measures (Art. 28) but inside the later edition.
    with pytest.raises(OutsideValidityError):
        ApplicationRecord(APPLICANT).advance(S.CALL, D(2030, 3, 4))
    record = ApplicationRecord(APPLICANT).advance(S.CALL, D(2030, 3, 4), scheme=LATER)
    assert record.steps[-1].on == D(2030, 3, 4) and not record.steps[-1].applied_outside_validity
    # No scheme means the Baoshan 2023 scheme.
    assert ApplicationRecord(APPLICANT).advance(S.CALL, DATES[S.CALL], scheme=None) == (
        path_to(S.APPLICATION)
    )


def _late_path() -> ApplicationRecord:
    """Stages concluded up to 2028-07-31, the Measures' last day (Art. 28)."""
    record = ApplicationRecord(APPLICANT)
    for stage, day in zip(
        list(ProcedureStage)[:6],
        [D(2028, 3, 1), D(2028, 4, 3), D(2028, 5, 8), D(2028, 6, 5), D(2028, 7, 3), D(2028, 7, 31)],
        strict=True,
    ):
        record = record.advance(stage, day)
    return record


def test_a_report_fed_back_after_the_measures_expired() -> None:
    record = _late_path().steps[:3]
    base = ApplicationRecord(APPLICANT, record)
    on = D(2028, 7, 31)
    error = _refusal(
        OutsideValidityError,
        lambda: base.advance(
            S.DOCUMENT_REVIEW, on, OUT.NOT_SHORTLISTED, report_fed_back_on=D(2028, 8, 2)
        ),
    )
    assert isinstance(error, OutsideValidityError) and error.field == "report_fed_back_on"
    left = base.advance(
        S.DOCUMENT_REVIEW,
        on,
        OUT.NOT_SHORTLISTED,
        report_fed_back_on=D(2028, 8, 2),
        allow_outside_validity=True,
    )
    assert left.steps[-1].applied_outside_validity
    assert left.steps[-1].report_fed_back_on == D(2028, 8, 2)


def test_a_notice_after_the_measures_expired() -> None:
    record = _late_path()
    days = {
        "notice_start": D(2028, 8, 1),
        "notice_end": D(2028, 8, 7),
        "calendar": MondayToFriday(),
    }
    with pytest.raises(OutsideValidityError):
        record.advance(S.APPROVAL_AND_NOTICE, D(2028, 7, 31), **days)  # type: ignore[arg-type]
    opted = record.advance(
        S.APPROVAL_AND_NOTICE,
        D(2028, 7, 31),
        allow_outside_validity=True,
        **days,  # type: ignore[arg-type]
    )
    step = opted.steps[-1]
    assert step.applied_outside_validity
    assert step.notice is not None and step.notice.counted_days == 5  # 08-01 Tue .. 08-07 Mon


def test_a_whole_path_under_a_later_edition() -> None:
    """The edition reaches the notice check too: 2030 is outside the 2023 Measures."""
    days = [D(2030, 3, 4), D(2030, 4, 1), D(2030, 5, 6), D(2030, 6, 3), D(2030, 7, 1)]
    days += [D(2030, 8, 5), D(2030, 9, 16)]
    record = ApplicationRecord(APPLICANT)
    for stage, day in zip(list(ProcedureStage)[:6], days[:6], strict=True):
        record = record.advance(stage, day, scheme=LATER)
    # Mon 2030-09-23 .. Fri 09-27 on a Monday-to-Friday calendar: 5 working days.
    notice = {"notice_start": D(2030, 9, 23), "notice_end": D(2030, 9, 27)}
    with pytest.raises(OutsideValidityError):
        record.advance(S.APPROVAL_AND_NOTICE, days[6], calendar=MondayToFriday(), **notice)  # type: ignore[arg-type]
    record = record.advance(
        S.APPROVAL_AND_NOTICE,
        days[6],
        calendar=MondayToFriday(),
        scheme=LATER,
        **notice,  # type: ignore[arg-type]
    )
    step = record.steps[-1]
    assert step.notice is not None and step.notice.counted_days == 5
    assert not step.applied_outside_validity
    assert record.advance(S.ANNOUNCEMENT, D(2030, 9, 30), scheme=LATER).awarded


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("call", D(2025, 3, 3)), "stage"),
        ((ProcedureStage.CALL, "2025-03-03"), "on"),
        ((ProcedureStage.CALL, D(2025, 3, 3), "done"), "outcome"),
    ],
)
def test_advance_refuses_wrong_types(args: tuple[object, ...], field: str) -> None:
    with pytest.raises(InvalidInputError, match=field):
        ApplicationRecord(APPLICANT).advance(*args)  # type: ignore[arg-type]


def test_record_validates_its_steps_when_built_directly() -> None:
    with pytest.raises(InvalidTransitionError, match=r"steps\[0\]\.stage"):
        ApplicationRecord(
            APPLICANT, (ProcedureStep(stage=ProcedureStage.APPLICATION, on=D(2025, 4, 1)),)
        )
    with pytest.raises(InvalidInputError):
        ApplicationRecord(APPLICANT, ("call",))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        ApplicationRecord(" ")


def test_outcome_type_error() -> None:
    error = _refusal(
        InvalidInputError,
        lambda: ApplicationRecord(APPLICANT).advance(S.CALL, DATES[S.CALL], "done"),  # type: ignore[arg-type]
    )
    assert isinstance(error, InvalidInputError)
    assert (error.field, error.value, error.citation) == ("outcome", "done", measures("Art. 18(1)"))
    assert re.fullmatch(
        r"outcome: expected a StageOutcome, got 'done' \(Measures Art\. 18\(1\)\)", str(error)
    )


def test_date_and_steps_type_errors_name_their_field() -> None:
    error = _refusal(
        InvalidInputError,
        lambda: ApplicationRecord(APPLICANT).advance(S.CALL, "2025-03-03"),  # type: ignore[arg-type]
    )
    assert str(error) == "on: expected a datetime.date, got '2025-03-03' (Measures Art. 28)"
    error = _refusal(InvalidInputError, lambda: ApplicationRecord(APPLICANT, ("call",)))  # type: ignore[arg-type]
    assert str(error) == "ApplicationRecord.steps[0]: expected ProcedureStep, got 'call'"


# --- display and JSON ------------------------------------------------------------------


def test_faces_of_a_full_path() -> None:
    record = full_path()
    assert record.awarded and record.finished
    assert str(record).splitlines()[0] == f"{APPLICANT} — 已获奖"
    caption = f"{APPLICANT} — awarded"
    assert record.to_text("en").splitlines()[0] == caption
    assert caption in record.to_html("en")
    records = record.to_records(lang="en")
    assert records[0] == {
        "#": 1,
        "stage": "call",
        "date": D(2025, 3, 3),
        "outcome": "done",
        "actors": "committee office",
        "clause": "Measures Art. 18(1)",
    }
    assert records[1]["actors"] == (
        "applicant, recommending street, town, park or department, committee office"
    )
    assert records[7] == {
        "#": 8,
        "stage": "announcement",
        "date": D(2025, 10, 20),
        "outcome": "done",
        "actors": "district government",
        "clause": "Measures Art. 18(8)",
    }
    assert str(record).splitlines()[1].split() == [
        "序号",
        "环节",
        "日期",
        "结果",
        "实施主体",
        "条款",
    ]
    assert record.to_text("en").splitlines()[1].split() == [
        "#", "stage", "date", "outcome", "actors", "clause",
    ]  # fmt: skip
    zh = record.to_records(lang="zh")
    assert (zh[0]["stage"], zh[0]["outcome"], zh[0]["actors"]) == (
        "公告",
        "完成",
        "审定委员会办公室",
    )
    assert zh[1]["actors"] == "申报组织或个人、所在街镇（园区）或主管部门、审定委员会办公室"
    assert zh[7]["actors"] == "区政府"
    # one note per step: its clause and what happened
    assert str(record).splitlines()[-8:] == [f"[{r.citation}] {r.zh}" for r in record.reasons]


def test_outcomes_in_chinese() -> None:
    assert [o.zh for o in StageOutcome] == [
        "完成", "不予受理", "未进入现场评审", "未列入建议名单", "未获批准", "公示有异议",
    ]  # fmt: skip
    left = path_to(S.QUALIFICATION_REVIEW).advance(
        S.QUALIFICATION_REVIEW, DATES[S.QUALIFICATION_REVIEW], OUT.NOT_ACCEPTED
    )
    assert left.to_records(lang="zh")[-1]["outcome"] == "不予受理"
    assert left.to_records(lang="en")[-1]["outcome"] == "not-accepted"


def test_display_and_records() -> None:
    record = full_path()
    text = record.to_text("en")
    assert text.startswith(f"{APPLICANT} — awarded")
    assert "审定公示" in str(record)
    assert "<table>" in record._repr_html_()
    rows = record.to_records()
    assert len(rows) == 8
    assert rows[0]["stage"] == "公告"
    assert rows[6]["actors"] == "审定委员会、审定委员会办公室、区政府"
    site = path_to(ProcedureStage.SITE_REVIEW)
    assert site.to_text("en").startswith(f"{APPLICANT} — next: site-review")
    assert str(site).startswith(f"{APPLICANT} — 下一环节：现场评审")


def test_json_round_trip_and_refusal() -> None:
    for part in (TRANSITIONS[0], TRANSITIONS[-1], full_path().steps[6]):
        assert from_json(to_json(part), type(part)) == part
    for record in (full_path(), path_to(ProcedureStage.SITE_REVIEW), ApplicationRecord(APPLICANT)):
        assert from_json(to_json(record), ApplicationRecord) == record
    text = to_json(path_to(ProcedureStage.SITE_REVIEW)).replace(
        '"document-review"', '"site-review"'
    )
    with pytest.raises(BaoshanQualityError):
        from_json(text, ApplicationRecord)


# --- properties ------------------------------------------------------------------------


ORDER = list(ProcedureStage)
NEXT = {t.stage: t.next_stage for t in TRANSITIONS if t.outcome is StageOutcome.DONE}


@given(
    st.lists(
        st.tuples(st.sampled_from(ORDER), st.sampled_from(list(StageOutcome))),
        min_size=1,
        max_size=9,
    )
)
def test_a_path_is_accepted_exactly_when_it_follows_article_18(
    moves: list[tuple[ProcedureStage, StageOutcome]],
) -> None:
    """Independent model: stages in order from 公告, outcomes from the table, nothing after an exit."""
    expected_ok = True
    ended = False
    for position, (stage, outcome) in enumerate(moves):
        if ended or stage is not ORDER[position] or outcome not in allowed_outcomes(stage):
            expected_ok = False
            break
        ended = outcome is not StageOutcome.DONE or stage is ProcedureStage.ANNOUNCEMENT
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
        assert NEXT[ProcedureStage.CALL] is ProcedureStage.APPLICATION


ANYTHING = anything(st.sampled_from(list(ProcedureStage) + list(StageOutcome)))


@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_any_input_raises_only_library_errors(
    a: object, b: object, c: object, d: object, e: object
) -> None:
    calls = [
        lambda: ApplicationRecord(a, b),  # type: ignore[arg-type]
        lambda: ApplicationRecord(APPLICANT).advance(a, b, c),  # type: ignore[arg-type]
        lambda: path_to(ProcedureStage.APPROVAL_AND_NOTICE).advance(
            ProcedureStage.APPROVAL_AND_NOTICE,
            D(2025, 9, 19),
            notice_start=a,
            notice_end=b,
            calendar=c,
            notice_policy=d,
            allow_outside_validity=e,
        ),  # type: ignore[arg-type]
        lambda: ApplicationRecord(APPLICANT).advance(
            ProcedureStage.CALL,
            D(2025, 3, 3),
            report_fed_back_on=a,
            notice_start=b,
            notice_end=c,
            scheme=d,
        ),  # type: ignore[arg-type]
        lambda: ProcedureStep(stage=a, on=b, outcome=c, report_fed_back_on=d, notice=e),  # type: ignore[arg-type]
        lambda: allowed_outcomes(a),  # type: ignore[arg-type]
        lambda: full_path().passed(a),  # type: ignore[arg-type]
        lambda: check_notice(a, b, calendar=c, policy=d, allow_outside_validity=e),  # type: ignore[arg-type]
        lambda: earliest_notice_close(a, calendar=b, policy=c, scheme=d, allow_outside_validity=e),  # type: ignore[arg-type]
        lambda: from_json(str(a), ApplicationRecord),  # type: ignore[arg-type]
    ]
    for call in calls:
        with contextlib.suppress(BaoshanQualityError):
            call()
