"""The award's procedure (Measures Art. 18) as a state machine of one application's path.

Art. 18 names eight stages (评审程序): 公告, 申报, 资格审查, 资料评审, 现场评审,
综合评价, 审定公示, 发文公告.  An :class:`ApplicationRecord` is an immutable
record of one application's path through them, one dated :class:`ProcedureStep` per
stage reached; :meth:`ApplicationRecord.advance` returns a new record and
refuses, with an :class:`~baoshan_quality.errors.InvalidTransitionError` naming
the stage and the clause, any step the article does not allow.

The transitions (:data:`TRANSITIONS`), each with its clause:

* every stage is followed by the next one, in order, none skipped;
* 资格审查 may end the path: not accepted (Art. 18(3): 对通过资格审查的，正式受理);
* 资料评审 may end it: not shortlisted for the site review, with the
  document-review report fed back (Art. 18(4): 反馈资料评审报告);
* 综合评价 may end it: not on the proposed list (Art. 18(6): 提出建议名单);
* 审定公示 may end it: not approved (Art. 18(7): 审定…形成拟获奖名单…上报区政府批准),
  or an objection raised during the notice (Art. 18(8) proceeds only
  "公示无异议后"; the Measures do not say what follows an objection, so the path
  ends there and says so);
* 审定公示 passes only with a public notice of at least 5 working days
  (Art. 18(7), checked by :mod:`baoshan_quality.award.notice`), and 发文公告
  comes after the notice has closed.

Who acts at each stage (:class:`ProcedureActor`, Art. 9–11, 13, 18) is part of the
stage's data (:attr:`ProcedureStage.actors`).

>>> import datetime as dt
>>> r = ApplicationRecord("上海某某精密制造有限公司")
>>> r = r.advance(ProcedureStage.CALL, dt.date(2025, 3, 3))
>>> r = r.advance(ProcedureStage.APPLICATION, dt.date(2025, 4, 30))
>>> r = r.advance(ProcedureStage.QUALIFICATION_REVIEW, dt.date(2025, 5, 20))
>>> r.stage, r.finished
(<ProcedureStage.QUALIFICATION_REVIEW: 'qualification-review'>, False)
>>> r.advance(ProcedureStage.SITE_REVIEW, dt.date(2025, 7, 1))
Traceback (most recent call last):
...
baoshan_quality.errors.InvalidTransitionError: stage: after 资格审查 (qualification review) the next stage is 资料评审 (document review), got 'site-review' (Measures Art. 18(4))
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_enum,
    is_instance,
    is_name,
    is_optional,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import CLAUSE, as_tuple, clause, notes
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.notice import NoticeCheck, NoticePolicy, check_notice
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import check_date
from baoshan_quality.citations import Citation, Document, Reason, measures
from baoshan_quality.errors import InvalidInputError, InvalidTransitionError
from baoshan_quality.workdays import WorkdayCalendar

__all__ = [
    "TRANSITIONS",
    "ApplicationRecord",
    "ProcedureActor",
    "ProcedureStage",
    "ProcedureStep",
    "StageOutcome",
    "StageTransition",
    "allowed_outcomes",
]


class ProcedureActor(enum.Enum):
    """Who acts in the procedure (Measures Art. 9–11, 13, 18)."""

    #: 区政府 — the district government: approves the list, announces and rewards (Art. 9, 18(7)-(8), 19).
    DISTRICT_GOVERNMENT = "district-government"
    #: 审定委员会 — the approval committee (Art. 9).
    COMMITTEE = "committee"
    #: 审定委员会办公室 — its office, in the district market-regulation bureau (Art. 10).
    OFFICE = "office"
    #: 评审专家组 — the expert panel of the edition (Art. 11).
    EXPERT_PANEL = "expert-panel"
    #: 申报组织或个人 — the applicant (Art. 18(2)).
    APPLICANT = "applicant"
    #: 所在街镇（园区）或主管部门 — the recommending street, town, park or department (Art. 13, 18(2)).
    RECOMMENDER = "recommender"

    @property
    def zh(self) -> str:
        """The Chinese name."""
        return _ACTORS[self][0]

    @property
    def en(self) -> str:
        """An English name."""
        return _ACTORS[self][2]

    @property
    def citation(self) -> Citation:
        """The clause that sets up the actor."""
        return _ACTORS[self][1]


_ACTORS = {
    ProcedureActor.DISTRICT_GOVERNMENT: ("区政府", measures("Art. 9"), "district government"),
    ProcedureActor.COMMITTEE: ("审定委员会", measures("Art. 9"), "approval committee"),
    ProcedureActor.OFFICE: ("审定委员会办公室", measures("Art. 10"), "committee office"),
    ProcedureActor.EXPERT_PANEL: ("评审专家组", measures("Art. 11"), "expert panel"),
    ProcedureActor.APPLICANT: ("申报组织或个人", measures("Art. 18(2)"), "applicant"),
    ProcedureActor.RECOMMENDER: (
        "所在街镇（园区）或主管部门",
        measures("Art. 13"),
        "recommending street, town, park or department",
    ),
}


class ProcedureStage(enum.Enum):
    """The eight stages of Measures Art. 18, in order."""

    #: 公告 — the office announces the year's timetable, fields, conditions (Art. 18(1)).
    CALL = "call"
    #: 申报 — application with self-evaluation and a recommendation (Art. 18(2)).
    APPLICATION = "application"
    #: 资格审查 — the office checks the basic conditions and accepts (Art. 18(3)).
    QUALIFICATION_REVIEW = "qualification-review"
    #: 资料评审 — the panel reviews the documents; the office picks the site-review list (Art. 18(4)).
    DOCUMENT_REVIEW = "document-review"
    #: 现场评审 — the panel reviews on site (Art. 18(5)).
    SITE_REVIEW = "site-review"
    #: 综合评价 — overall evaluation; the office proposes the list (Art. 18(6)).
    OVERALL_EVALUATION = "overall-evaluation"
    #: 审定公示 — the committee approves, the government approves, public notice (Art. 18(7)).
    APPROVAL_AND_NOTICE = "approval-and-notice"
    #: 发文公告 — the district government announces the winners (Art. 18(8)).
    ANNOUNCEMENT = "announcement"

    @property
    def number(self) -> int:
        """1–8, the item of Art. 18."""
        return list(ProcedureStage).index(self) + 1

    @property
    def zh(self) -> str:
        """The article's own name of the stage."""
        return _STAGES[self][0]

    @property
    def en(self) -> str:
        """An English name."""
        return _STAGES[self][1]

    @property
    def actors(self) -> tuple[ProcedureActor, ...]:
        """Who acts at this stage, the one named first leading."""
        return _STAGES[self][2]

    @property
    def citation(self) -> Citation:
        """Measures Art. 18(n)."""
        return measures(f"Art. 18({self.number})")


_A = ProcedureActor
_STAGES: dict[ProcedureStage, tuple[str, str, tuple[ProcedureActor, ...]]] = {
    ProcedureStage.CALL: ("公告", "call", (_A.OFFICE,)),
    ProcedureStage.APPLICATION: ("申报", "application", (_A.APPLICANT, _A.RECOMMENDER, _A.OFFICE)),
    ProcedureStage.QUALIFICATION_REVIEW: ("资格审查", "qualification review", (_A.OFFICE,)),
    ProcedureStage.DOCUMENT_REVIEW: ("资料评审", "document review", (_A.OFFICE, _A.EXPERT_PANEL)),
    ProcedureStage.SITE_REVIEW: ("现场评审", "site review", (_A.OFFICE, _A.EXPERT_PANEL)),
    ProcedureStage.OVERALL_EVALUATION: (
        "综合评价",
        "overall evaluation",
        (_A.OFFICE, _A.EXPERT_PANEL),
    ),
    ProcedureStage.APPROVAL_AND_NOTICE: (
        "审定公示",
        "approval and public notice",
        (_A.COMMITTEE, _A.OFFICE, _A.DISTRICT_GOVERNMENT),
    ),
    ProcedureStage.ANNOUNCEMENT: ("发文公告", "announcement", (_A.DISTRICT_GOVERNMENT,)),
}


class StageOutcome(enum.Enum):
    """How a stage ended for the application."""

    #: 完成 — the stage is done and the application goes on (at 发文公告: awarded).
    DONE = "done"
    #: 未通过资格审查，不予受理 — not accepted (Art. 18(3)).
    NOT_ACCEPTED = "not-accepted"
    #: 未进入现场评审，反馈资料评审报告 — not shortlisted; report fed back (Art. 18(4)).
    NOT_SHORTLISTED = "not-shortlisted"
    #: 未列入建议名单 — not on the proposed list (Art. 18(6)).
    NOT_RECOMMENDED = "not-recommended"
    #: 未列入拟获奖名单或未获区政府批准 — not approved (Art. 18(7)).
    NOT_APPROVED = "not-approved"
    #: 公示有异议 — an objection during the notice (Art. 18(7)-(8)).
    OBJECTION = "objection"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {
            "done": "完成",
            "not-accepted": "不予受理",
            "not-shortlisted": "未进入现场评审",
            "not-recommended": "未列入建议名单",
            "not-approved": "未获批准",
            "objection": "公示有异议",
        }[self.value]


@attrs.frozen(kw_only=True)
class StageTransition:
    """One allowed way a stage ends: the outcome, the next stage (``None``: the path ends)."""

    stage: ProcedureStage = attrs.field(validator=is_enum(ProcedureStage))
    outcome: StageOutcome = attrs.field(validator=is_enum(StageOutcome))
    next_stage: ProcedureStage | None = attrs.field(validator=is_optional(is_enum(ProcedureStage)))
    citation: Citation = attrs.field(validator=is_instance(Citation))
    zh: str = attrs.field(converter=to_name, validator=is_name)
    en: str = attrs.field(converter=to_name, validator=is_name)


def _t(
    stage: ProcedureStage,
    outcome: StageOutcome,
    nxt: ProcedureStage | None,
    clause: str,
    zh: str,
    en: str,
) -> StageTransition:
    return StageTransition(
        stage=stage, outcome=outcome, next_stage=nxt, citation=measures(clause), zh=zh, en=en
    )


_S, _O = ProcedureStage, StageOutcome

#: Every transition Art. 18 allows, in the article's order.
TRANSITIONS: tuple[StageTransition, ...] = (
    _t(_S.CALL, _O.DONE, _S.APPLICATION, "Art. 18(1)",
       "审定委员会办公室公告当年评审的时间安排、领域、对象、条件和要求。",
       "The office announced the year's timetable, fields, applicants, conditions."),
    _t(_S.APPLICATION, _O.DONE, _S.QUALIFICATION_REVIEW, "Art. 18(2)",
       "自愿申报，自我评价，经推荐后在规定时限内报送审定委员会办公室。",
       "Applied voluntarily with a self-evaluation and a recommendation, on time."),
    _t(_S.QUALIFICATION_REVIEW, _O.DONE, _S.DOCUMENT_REVIEW, "Art. 18(3)",
       "通过资格审查，正式受理。",
       "Passed the qualification review; the application is formally accepted."),
    _t(_S.QUALIFICATION_REVIEW, _O.NOT_ACCEPTED, None, "Art. 18(3)",
       "未通过资格审查，不予受理。",
       "Did not pass the qualification review; not accepted."),
    _t(_S.DOCUMENT_REVIEW, _O.DONE, _S.SITE_REVIEW, "Art. 18(4)",
       "按“好中选优”原则列入现场评审名单。",
       "Put on the site-review list (the best among the good)."),
    _t(_S.DOCUMENT_REVIEW, _O.NOT_SHORTLISTED, None, "Art. 18(4)",
       "未进入现场评审，已反馈资料评审报告。",
       "Not shortlisted for the site review; the document-review report was fed back."),
    _t(_S.SITE_REVIEW, _O.DONE, _S.OVERALL_EVALUATION, "Art. 18(5)",
       "评审专家组完成现场评审，形成现场评审报告。",
       "The panel reviewed on site and reported."),
    _t(_S.OVERALL_EVALUATION, _O.DONE, _S.APPROVAL_AND_NOTICE, "Art. 18(6)",
       "综合评价后列入区政府质量奖建议名单。",
       "After the overall evaluation, put on the proposed list."),
    _t(_S.OVERALL_EVALUATION, _O.NOT_RECOMMENDED, None, "Art. 18(6)",
       "综合评价后未列入建议名单。",
       "Not put on the proposed list after the overall evaluation."),
    _t(_S.APPROVAL_AND_NOTICE, _O.DONE, _S.ANNOUNCEMENT, "Art. 18(7)",
       "审定委员会审定、区政府批准，拟获奖名单公示期满无异议。",
       "Approved by the committee and the government; noticed long enough, no objection."),
    _t(_S.APPROVAL_AND_NOTICE, _O.NOT_APPROVED, None, "Art. 18(7)",
       "未列入拟获奖名单或未获区政府批准。",
       "Not on the approved list, or not approved by the district government."),
    _t(_S.APPROVAL_AND_NOTICE, _O.OBJECTION, None, "Art. 18(8)",
       "公示有异议；本办法未规定异议的处理，程序在此停止。",
       "An objection was raised during the notice; the Measures do not say what follows."),
    _t(_S.ANNOUNCEMENT, _O.DONE, None, "Art. 18(8)",
       "公示无异议后，区政府发文公告获奖名单。",
       "The district government announced the winners after the notice."),
)  # fmt: skip


def _check_stage(stage: object) -> None:
    if not isinstance(stage, ProcedureStage):
        raise InvalidInputError.about(
            "stage", stage, "expected a ProcedureStage", measures("Art. 18")
        )


def allowed_outcomes(stage: ProcedureStage) -> tuple[StageOutcome, ...]:
    """The ways a stage may end (Measures Art. 18, read from :data:`TRANSITIONS`).

    Parameters
    ----------
    stage
        One of the eight stages.

    Returns
    -------
    tuple[StageOutcome, ...]
        The outcomes allowed, ``DONE`` first.

    Raises
    ------
    InvalidInputError
        ``stage`` is not a :class:`ProcedureStage`.

    Examples
    --------
    >>> [o.value for o in allowed_outcomes(ProcedureStage.DOCUMENT_REVIEW)]
    ['done', 'not-shortlisted']
    """
    _check_stage(stage)
    return tuple(t.outcome for t in TRANSITIONS if t.stage is stage)


def _transition(stage: ProcedureStage, outcome: StageOutcome) -> StageTransition | None:
    return next((t for t in TRANSITIONS if t.stage is stage and t.outcome is outcome), None)


@attrs.frozen(kw_only=True)
class ProcedureStep:
    """One stage of one application's path, dated.

    ``on`` is the day the stage concluded (for 公告 the day it was published;
    for 审定公示 the committee's decision).  ``report_fed_back_on`` is required
    when the path ends at 资料评审 (Art. 18(4)); ``notice`` is the checked public
    notice, required when 审定公示 passes or meets an objection (Art. 18(7)).
    """

    stage: ProcedureStage = attrs.field(validator=is_enum(ProcedureStage))
    on: datetime.date = attrs.field(validator=is_date)
    outcome: StageOutcome = attrs.field(default=StageOutcome.DONE, validator=is_enum(StageOutcome))
    report_fed_back_on: datetime.date | None = attrs.field(
        default=None, validator=is_optional(is_date)
    )
    notice: NoticeCheck | None = attrs.field(
        default=None, validator=is_optional(is_instance(NoticeCheck))
    )
    #: ``True`` only when the caller applied the Measures outside Art. 28's span.
    applied_outside_validity: bool = attrs.field(default=False, validator=is_bool)

    @property
    def transition(self) -> StageTransition:
        """The transition this step took (valid steps only)."""
        found = _transition(self.stage, self.outcome)
        if found is None:
            raise InvalidTransitionError.about(
                "outcome", self.outcome, f"not an outcome of {self.stage.zh}", self.stage.citation
            )
        return found


def _fail(field: str, value: object, problem: str, citation: Citation) -> InvalidTransitionError:
    error = InvalidTransitionError.about(field, value, problem, citation)
    assert isinstance(error, InvalidTransitionError)
    return error


def _check_step(previous: ProcedureStep | None, step: ProcedureStep, where: str) -> None:
    if previous is None:
        if step.stage is not ProcedureStage.CALL:
            raise _fail(
                f"{where}stage",
                step.stage.value,
                "a path starts with 公告 (call)",
                ProcedureStage.CALL.citation,
            )
    else:
        before = previous.transition
        if before.next_stage is None:
            raise _fail(
                f"{where}stage",
                step.stage.value,
                f"the path ended at {previous.stage.zh} ({previous.outcome.value}); "
                "no stage may follow",
                before.citation,
            )
        if step.stage is not before.next_stage:
            raise _fail(
                f"{where}stage",
                step.stage.value,
                f"after {previous.stage.zh} ({previous.stage.en}) the next stage is "
                f"{before.next_stage.zh} ({before.next_stage.en})",
                before.next_stage.citation,
            )
        if step.on < previous.on:
            raise _fail(
                f"{where}on",
                step.on,
                f"a stage cannot conclude before the previous one ({previous.stage.zh}, "
                f"{previous.on})",
                step.stage.citation,
            )
    transition = _transition(step.stage, step.outcome)
    if transition is None:
        allowed = ", ".join(o.value for o in allowed_outcomes(step.stage))
        raise _fail(
            f"{where}outcome",
            step.outcome.value,
            f"{step.stage.zh} ({step.stage.en}) can only end as: {allowed}",
            step.stage.citation,
        )
    _check_details(step, where, previous)


def _check_details(step: ProcedureStep, where: str, previous: ProcedureStep | None) -> None:
    art_18_4, art_18_7, art_18_8 = (
        measures("Art. 18(4)"),
        measures("Art. 18(7)"),
        measures("Art. 18(8)"),
    )
    if step.outcome is StageOutcome.NOT_SHORTLISTED:
        if step.report_fed_back_on is None:
            raise _fail(
                f"{where}report_fed_back_on",
                None,
                "a path leaves 资料评审 only with the document-review report fed back",
                art_18_4,
            )
        if step.report_fed_back_on < step.on:
            raise _fail(
                f"{where}report_fed_back_on",
                step.report_fed_back_on,
                f"the report is fed back on or after the decision of {step.on}",
                art_18_4,
            )
    elif step.report_fed_back_on is not None:
        raise _fail(
            f"{where}report_fed_back_on",
            step.report_fed_back_on,
            "only a path leaving 资料评审 (not shortlisted) records a report fed back",
            art_18_4,
        )
    needs_notice = step.stage is ProcedureStage.APPROVAL_AND_NOTICE and step.outcome in (
        StageOutcome.DONE,
        StageOutcome.OBJECTION,
    )
    if needs_notice:
        if step.notice is None:
            raise _fail(
                f"{where}notice",
                None,
                "审定公示 passes (or meets an objection) only after a public notice",
                art_18_7,
            )
        if step.notice.start < step.on:
            raise _fail(
                f"{where}notice.start",
                step.notice.start,
                f"the notice follows the committee's decision of {step.on}",
                art_18_7,
            )
        if step.outcome is StageOutcome.DONE and not step.notice.long_enough:
            raise _fail(
                f"{where}notice",
                f"{step.notice.start}..{step.notice.end}",
                f"the notice counted {step.notice.counted_days} working days, fewer than "
                f"{step.notice.required}; the earliest close is {step.notice.earliest_close}",
                art_18_7,
            )
    elif step.notice is not None:
        raise _fail(
            f"{where}notice",
            f"{step.notice.start}..{step.notice.end}",
            "only 审定公示 (passed or objected to) records a public notice",
            art_18_7,
        )
    if (
        step.stage is ProcedureStage.ANNOUNCEMENT
        and previous is not None
        and previous.notice is not None
        and step.on <= previous.notice.end
    ):
        raise _fail(
            f"{where}on",
            step.on,
            f"the award is announced after the notice closes on {previous.notice.end} "
            "(公示无异议后)",
            art_18_8,
        )


def _check_steps(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    is_tuple_of(ProcedureStep)(instance, attribute, value)
    assert isinstance(value, tuple)
    previous: ProcedureStep | None = None
    for index, step in enumerate(value):
        _check_step(previous, step, f"steps[{index}].")
        previous = step


def _to_steps(value: Iterable[ProcedureStep]) -> tuple[ProcedureStep, ...]:
    return as_tuple(value)


@attrs.frozen
class ApplicationRecord(Tabular):
    """One application's path through Measures Art. 18: the applicant and the steps so far.

    Built step by step with :meth:`advance`, or read from JSON — either way
    every step is checked against :data:`TRANSITIONS`.  Its table has one row
    per step (record keys ``#``, ``stage``, ``date``, ``outcome``, ``actors``,
    ``clause``) and one note per step.

    Attributes
    ----------
    applicant
        The applicant's name.
    steps
        The dated steps (:class:`ProcedureStep`), from 公告 on.
    document
        The measures the path follows (the scheme's document, set by :meth:`advance`;
        default the Baoshan Measures): the steps' clauses are cited in it.
    """

    applicant: str = attrs.field(converter=to_name, validator=is_name)
    steps: tuple[ProcedureStep, ...] = attrs.field(
        default=(), converter=_to_steps, validator=_check_steps
    )
    document: Document = attrs.field(
        default=Document.MEASURES, kw_only=True, validator=is_instance(Document)
    )

    def _cite(self, citation: Citation) -> Citation:
        """A clause of the Baoshan text, cited in the document the path follows."""
        if citation.document == Document.MEASURES:
            return Citation(self.document, citation.clause)
        return citation

    @property
    def last(self) -> ProcedureStep | None:
        """The last step, or ``None`` before the call."""
        return self.steps[-1] if self.steps else None

    @property
    def stage(self) -> ProcedureStage | None:
        """The last stage reached."""
        return self.steps[-1].stage if self.steps else None

    @property
    def finished(self) -> bool:
        """Whether the path has ended (left the procedure, or announced)."""
        return bool(self.steps) and self.steps[-1].transition.next_stage is None

    @property
    def awarded(self) -> bool:
        """Whether the award was announced (Art. 18(8))."""
        last = self.last
        return last is not None and last.stage is ProcedureStage.ANNOUNCEMENT

    @property
    def left_at(self) -> ProcedureStage | None:
        """The stage at which the application left the procedure, or ``None``."""
        last = self.last
        if last is None or last.outcome is StageOutcome.DONE:
            return None
        return last.stage

    @property
    def next_stage(self) -> ProcedureStage | None:
        """The stage that comes next, ``None`` when the path has ended."""
        if not self.steps:
            return ProcedureStage.CALL
        return self.steps[-1].transition.next_stage

    def passed(self, stage: ProcedureStage) -> bool:
        """Whether the application got through ``stage`` (a step with outcome done).

        >>> ApplicationRecord("甲").passed(ProcedureStage.CALL)
        False
        """
        _check_stage(stage)
        return any(s.stage is stage and s.outcome is StageOutcome.DONE for s in self.steps)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One reason per step, with its clause."""
        return tuple(
            Reason(
                self._cite(s.transition.citation),
                f"{s.on} {s.transition.zh}",
                f"{s.on}: {s.transition.en}",
            )
            for s in self.steps
        )

    def advance(
        self,
        stage: ProcedureStage,
        on: datetime.date,
        outcome: StageOutcome = StageOutcome.DONE,
        *,
        report_fed_back_on: datetime.date | None = None,
        notice_start: datetime.date | None = None,
        notice_end: datetime.date | None = None,
        calendar: WorkdayCalendar | None = None,
        notice_policy: NoticePolicy | None = None,
        scheme: AwardScheme | None = None,
        allow_outside_validity: bool = False,
    ) -> ApplicationRecord:
        """A new record with one more step; refuses a step Art. 18 does not allow.

        Parameters
        ----------
        stage, on, outcome
            The stage reached, the day it concluded and how (default: done).
        report_fed_back_on
            Required when the path ends at 资料评审 (Art. 18(4)).
        notice_start, notice_end
            For 审定公示: the public notice, checked on ``calendar`` (Art. 18(7)).
        calendar
            The working-day calendar; ``None`` (the default) means the
            mainland-China calendar.
        notice_policy
            Reading R11; ``None`` (the default) means ``NoticePolicy()``.
        scheme
            The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.  A
            path follows one scheme: its document is recorded on the record.
        allow_outside_validity
            Accept dates outside the Measures' span (Art. 28) anyway.

        Returns
        -------
        ApplicationRecord
            This record with the step added.

        Raises
        ------
        InvalidTransitionError
            The step skips a stage, goes back in time, follows an ended path, ends
            a stage in a way Art. 18 does not allow, or lacks its report or notice.
        OutsideValidityError
            A date is outside Art. 28's span and ``allow_outside_validity`` is ``False``.
        InvalidInputError
            An argument is of the wrong kind, only one day of the notice is given, or
            ``scheme`` is not the one the path began under.

        Examples
        --------
        >>> import datetime as dt
        >>> r = ApplicationRecord("甲").advance(ProcedureStage.CALL, dt.date(2025, 3, 3))
        >>> r.next_stage.zh
        '申报'
        """
        _check_stage(stage)
        if not isinstance(outcome, StageOutcome):
            raise InvalidInputError.about(
                "outcome", outcome, "expected a StageOutcome", stage.citation
            )
        chosen = resolve_scheme(scheme)
        if self.steps and chosen.document != self.document:
            raise InvalidInputError.about(
                "scheme",
                chosen,
                f"the path began under {self.document.number}: a path follows one scheme",
                stage.citation,
            )
        scheme = chosen
        outside = False
        dates = [("on", on), ("report_fed_back_on", report_fed_back_on)]
        for name, day in dates:
            if day is not None:
                check = check_date(
                    day, name, scheme=scheme, allow_outside_validity=allow_outside_validity
                )
                outside = outside or check.applied_outside_validity
        notice = None
        if (notice_start is None) != (notice_end is None):
            raise InvalidInputError.about(
                "notice_end" if notice_end is None else "notice_start",
                None,
                "give both the first and the last day of the notice",
                measures("Art. 18(7)"),
            )
        if notice_start is not None and notice_end is not None:
            notice = check_notice(
                notice_start,
                notice_end,
                calendar=calendar,
                policy=notice_policy,
                scheme=scheme,
                allow_outside_validity=allow_outside_validity,
            )
            outside = outside or notice.applied_outside_validity
        step = ProcedureStep(
            stage=stage,
            on=on,
            outcome=outcome,
            report_fed_back_on=report_fed_back_on,
            notice=notice,
            applied_outside_validity=outside,
        )
        _check_step(self.last, step, "")
        return ApplicationRecord(self.applicant, (*self.steps, step), document=chosen.document)

    def _table(self) -> Table:
        left, following = self.left_at, self.next_stage
        if self.awarded:
            status = Text("已获奖", "awarded")
        elif left is not None:
            status = Text(f"于{left.zh}环节退出", f"left at {left.value}")
        else:  # a path under way: every ended path is awarded or left
            assert following is not None
            status = Text(f"下一环节：{following.zh}", f"next: {following.value}")
        return Table(
            caption=Text(f"{self.applicant} — {status.zh}", f"{self.applicant} — {status.en}"),
            columns=(
                Column("#", "序号", "#"),
                Column("stage", "环节", "stage"),
                Column("date", "日期", "date"),
                Column("outcome", "结果", "outcome"),
                Column("actors", "实施主体", "actors"),
                CLAUSE,
            ),
            rows=tuple(
                (
                    s.stage.number,
                    Text(s.stage.zh, s.stage.en),
                    s.on,
                    Text(s.outcome.zh, s.outcome.value),
                    Text(
                        "、".join(a.zh for a in s.stage.actors),
                        ", ".join(a.en for a in s.stage.actors),
                    ),
                    clause(self._cite(s.transition.citation)),
                )
                for s in self.steps
            ),
            notes=notes(self.reasons),
        )
