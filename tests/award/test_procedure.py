"""Measures Art. 18: the eight stages as a state machine of one application's path."""

from __future__ import annotations

import contextlib
import datetime as dt

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
    allowed_outcomes,
)
from baoshan_quality.errors import (
    BaoshanQualityError,
    InvalidInputError,
    InvalidTransitionError,
    OutsideValidityError,
)
from baoshan_quality.serialization import from_json, to_json
from tests.anything import anything

D = dt.date
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


def test_art28_dates_outside_the_measures() -> None:
    record = ApplicationRecord(APPLICANT)
    with pytest.raises(OutsideValidityError):
        record.advance(ProcedureStage.CALL, D(2023, 3, 1))
    opted = record.advance(ProcedureStage.CALL, D(2023, 3, 1), allow_outside_validity=True)
    assert opted.steps[0].applied_outside_validity
    assert not record.advance(ProcedureStage.CALL, D(2023, 5, 1)).steps[0].applied_outside_validity


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
    assert str(path_to(ProcedureStage.SITE_REVIEW)).startswith(f"{APPLICANT} — next: site-review")


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
