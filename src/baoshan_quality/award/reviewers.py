"""Reviewers, the expert panel of an edition, and recusal (Measures Art. 11, 12, 26).

* **Art. 12** — a reviewer (评审人员) must (1) follow the Party's and the
  State's policies and know the laws on quality and the economy; (2) have
  **five years or more** of quality-management or professional-technical work
  and rich practice; (3) have been systematically trained in quality
  management; (4) be of good professional ethics.  :func:`check_reviewer`
  checks each as met, failed or unknown: a fact left ``None`` makes the
  verdict *undetermined* and is named.  The five years count from
  ``experience_since`` by reading R7 (:mod:`baoshan_quality.periods`) and are
  reached as the eligibility rules reach Art. 15(1)'s five years
  (:class:`~baoshan_quality.award.eligibility.CompletionReading`, default: from
  the day after the period ends).  These checks live in
  :mod:`baoshan_quality.award.qualification` and are re-exported here.
* **Art. 11** — the panel (评审专家组) works under its leader (组长负责制) and is
  dissolved automatically when the edition's review work ends
  (每届评审工作结束后，评审专家组自动撤销): a :class:`Panel` belongs to one
  edition and is active from ``formed_on`` to ``review_ended_on``.
* **Art. 26** — the review is confidential and clean, and a reviewer *or a member of
  the office's staff* (评审人员及工作人员) with an interest (利害关系) in an applicant
  must step aside (应主动提出回避).  :func:`check_recusal` takes the declared
  :class:`Relation` s and says, for each applicant, which reviewers and staff step
  aside and whether enough reviewers remain.

The Measures fix no minimum panel size.  The library assumes **3** — a leader
and two members — as :attr:`PanelPolicy.minimum_reviewers`, a named option the
caller may change.

>>> import datetime as dt
>>> r = Reviewer(name="王工", experience_since=dt.date(2018, 3, 1), follows_policy_and_law=True,
...              rich_practice=True, trained=True, ethical=None)
>>> c = check_reviewer(r, on=dt.date(2025, 3, 1))
>>> c.status.value, c.missing
('undetermined', ('ethical',))
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import (
    is_bool,
    is_date,
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_optional,
    is_text,
    is_tuple_of,
    name_problem,
    to_name,
    to_tuple,
)
from baoshan_quality.award._show import as_tuple, notes
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.qualification import (
    Reviewer,
    ReviewerCheck,
    ReviewerPolicy,
    ReviewerQualification,
    check_reviewer,
    qualification_of,
)
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.award.validity import check_date
from baoshan_quality.citations import Citation, Reason, measures
from baoshan_quality.errors import (
    DuplicateUnitError,
    InvalidInputError,
    UnknownUnitError,
)

__all__ = [
    "ART_26_TEXT",
    "ApplicantReview",
    "Panel",
    "PanelCheck",
    "PanelPolicy",
    "RecusalReport",
    "Relation",
    "RelationKind",
    "check_panel",
    "check_recusal",
]

ART_11 = measures("Art. 11")
ART_26 = measures("Art. 26")


# --- the panel of an edition (Art. 11) ------------------------------------------------


def _check_members(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    is_tuple_of(Reviewer)(instance, attribute, value)
    if not value:
        raise InvalidInputError.about("Panel.members", value, "a panel needs members", ART_11)
    seen: set[str] = set()
    for member in value:
        if member.name in seen:
            raise DuplicateUnitError.about(
                "Panel.members", member.name, "a reviewer is listed twice", ART_11
            )
        seen.add(member.name)


def _to_members(value: Iterable[Reviewer]) -> tuple[Reviewer, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Panel:
    """The expert panel (评审专家组) of one edition, under its leader (Art. 11).

    Active from ``formed_on`` to ``review_ended_on`` (both included); once the
    edition's review work has ended it is dissolved automatically.

    >>> import datetime as dt
    >>> p = Panel(edition="2025", leader="王工", formed_on=dt.date(2025, 6, 3),
    ...           members=[Reviewer(name="王工"), Reviewer(name="李工"), Reviewer(name="赵工")])
    >>> p.is_active(dt.date(2025, 9, 1)), p.end_review(dt.date(2025, 9, 12)).is_active(
    ...     dt.date(2025, 9, 13))
    (True, False)
    """

    #: The edition, e.g. ``"2025"`` (Art. 5: one every two years).
    edition: str = attrs.field(converter=to_name, validator=is_name)
    #: 组长 — the leader (组长负责制), one of the members.
    leader: str = attrs.field(converter=to_name, validator=is_name)
    members: tuple[Reviewer, ...] = attrs.field(converter=_to_members, validator=_check_members)
    formed_on: datetime.date = attrs.field(validator=is_date)
    #: The day the edition's review work ended; the panel is dissolved after it.
    review_ended_on: datetime.date | None = attrs.field(
        default=None, validator=is_optional(is_date)
    )

    def __attrs_post_init__(self) -> None:
        if self.leader not in self.names:
            raise InvalidInputError.about(
                "Panel.leader", self.leader, "the leader must be a member of the panel", ART_11
            )
        if self.review_ended_on is not None and self.review_ended_on < self.formed_on:
            raise InvalidInputError.about(
                "Panel.review_ended_on",
                self.review_ended_on,
                f"the review cannot end before the panel is formed on {self.formed_on}",
                ART_11,
            )

    @property
    def names(self) -> tuple[str, ...]:
        """The members' names, in the panel's order."""
        return tuple(m.name for m in self.members)

    def member(self, name: str) -> Reviewer:
        """The member called ``name`` (its NFC spelling)."""
        wanted = to_name(name)
        for m in self.members:
            if m.name == wanted:
                return m
        raise UnknownUnitError.about("reviewer", name, "not a member of the panel", ART_11)

    def is_active(self, on: datetime.date) -> bool:
        """Whether the panel exists on ``on`` (formed, and not yet dissolved)."""
        if not isinstance(on, datetime.date) or isinstance(on, datetime.datetime):
            raise InvalidInputError.about("on", on, "expected a datetime.date", ART_11)
        ended = self.review_ended_on
        return self.formed_on <= on and (ended is None or on <= ended)

    def end_review(self, on: datetime.date) -> Panel:
        """The panel after the edition's review work ended on ``on`` (dissolved after it)."""
        if self.review_ended_on is not None:
            raise InvalidInputError.about(
                "on",
                on,
                f"the review of edition {self.edition} already ended on {self.review_ended_on}",
                ART_11,
            )
        return attrs.evolve(self, review_ended_on=on)


@attrs.frozen(kw_only=True)
class PanelCheck(Tabular):
    """Measures Art. 12 checked for every member of a panel.

    Attributes
    ----------
    status
        Qualified when every member is, else not qualified or undetermined.
    members
        Each member's :class:`~baoshan_quality.award.qualification.ReviewerCheck`:
        the table's rows (record keys ``reviewer``, ``status``, ``missing``).
    reasons
        Who is not confirmed as qualified (the table's notes).
    """

    edition: str = attrs.field(converter=to_name, validator=is_name)
    on: datetime.date = attrs.field(validator=is_date)
    status: ReviewerQualification = attrs.field(validator=is_enum(ReviewerQualification))
    members: tuple[ReviewerCheck, ...] = attrs.field(validator=is_tuple_of(ReviewerCheck))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    def _table(self) -> Table:
        return Table(
            caption=Text(
                f"{self.edition} 届评审专家组（{self.on}）— {self.status.zh}",
                f"panel {self.edition} on {self.on} — {self.status.value}",
            ),
            columns=(
                Column("reviewer", "评审人员", "reviewer"),
                Column("status", "资格", "status"),
                Column("missing", "缺少的事实", "missing facts"),
            ),
            rows=tuple(
                (m.reviewer, Text(m.status.zh, m.status.value), ", ".join(m.missing) or None)
                for m in self.members
            ),
            notes=notes(self.reasons),
        )


def check_panel(
    panel: Panel,
    *,
    on: datetime.date | None = None,
    policy: ReviewerPolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> PanelCheck:
    """Whether every member of a panel is qualified on a day (Measures Art. 11, 12).

    Parameters
    ----------
    panel
        The edition's panel (:class:`Panel`).
    on
        The day; ``None`` (the default) means the day the panel was formed.  The
        panel must be active then, and the day in the Measures' span (Art. 28).
    policy
        The readings for the five years; ``None`` (the default) means
        ``ReviewerPolicy()``.
    scheme
        The award's edition (its span); ``None`` (the default) means ``BAOSHAN_2023``.
    allow_outside_validity
        Apply the Measures to an ``on`` outside their span anyway.

    Returns
    -------
    PanelCheck
        Each member's check and the panel's overall status.

    Raises
    ------
    OutsideValidityError
        ``on`` is outside Art. 28's span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        ``panel`` is not a :class:`Panel`; the panel is not active on ``on``;
        ``policy`` or ``scheme`` is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> p = Panel(edition="2025", leader="王工", formed_on=dt.date(2025, 6, 3),
    ...           members=[Reviewer(name="王工")])
    >>> check_panel(p).status.value
    'undetermined'
    """
    chosen_scheme = resolve_scheme(scheme)
    art_11, art_12 = chosen_scheme.cite("Art. 11"), chosen_scheme.cite("Art. 12")
    if not isinstance(panel, Panel):
        raise InvalidInputError.about("panel", panel, "expected a Panel", art_11)
    day = panel.formed_on if on is None else on
    if not panel.is_active(day):
        raise InvalidInputError.about(
            "on", day, f"the panel of edition {panel.edition} is not active on that day", art_11
        )
    checks = tuple(
        check_reviewer(
            m,
            on=day,
            policy=policy,
            scheme=chosen_scheme,
            allow_outside_validity=allow_outside_validity,
        )
        for m in panel.members
    )
    status = qualification_of(c.status for c in checks)
    failing = [c.reviewer for c in checks if c.status is not ReviewerQualification.QUALIFIED]
    if failing:
        reason = Reason(
            art_12,
            f"以下评审人员未确认具备资格：{'、'.join(failing)}。",
            f"Not confirmed as qualified: {', '.join(failing)}.",
        )
    else:
        reason = Reason(art_12, "全体评审人员具备资格。", "Every reviewer is qualified.")
    return PanelCheck(
        edition=panel.edition, on=day, status=status, members=checks, reasons=(reason,)
    )


# --- recusal (Art. 26) ----------------------------------------------------------------------

#: Art. 26 (评审纪律), whole: confidentiality, the rules, recusal of reviewers *and* staff.
ART_26_TEXT = (
    "参与区政府质量奖评审工作的有关机构和人员应保守申报组织的商业和技术秘密，严格遵守区政府"
    "质量奖的管理办法、评审程序和评审人员管理规定，做到公正廉洁。评审人员及工作人员与申报组织"
    "或个人有利害关系的，本人应主动提出回避。对违反规定的机构和人员，将取消其评审资格，并依法"
    "追究责任。",
    "The bodies and persons taking part in the review keep the applicant organisations' "
    "commercial and technical secrets, strictly follow the award's measures, review procedure "
    "and rules on reviewers, and are fair and clean. A reviewer or a member of the staff with "
    "an interest in an applicant organisation or individual steps aside of their own accord. "
    "A body or person in breach loses the right to review and is held liable according to law.",
)


class RelationKind(enum.Enum):
    """A declared interest (利害关系) between a reviewer or staff member and an applicant (Art. 26).

    Every kind obliges the person to step aside; the kind only says why.
    """

    #: 任职 — works, or worked, for the applicant.
    EMPLOYMENT = "employment"
    #: 近亲属 — a close relative of the applicant or of its managers.
    KINSHIP = "kinship"
    #: 咨询辅导 — advised or coached the applicant (e.g. in the incubation of Art. 6).
    CONSULTING = "consulting"
    #: 经济利益 — a financial interest (shares, contracts).
    FINANCIAL = "financial"
    #: 其他利害关系 — any other interest.
    OTHER = "other"

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return {
            "employment": "任职关系",
            "kinship": "近亲属关系",
            "consulting": "咨询辅导关系",
            "financial": "经济利益关系",
            "other": "其他利害关系",
        }[self.value]

    @property
    def en(self) -> str:
        """The English term, as in "an interest in the applicant (…)"."""
        return {
            "employment": "employment",
            "kinship": "close kinship",
            "consulting": "consulting or coaching",
            "financial": "a financial interest",
            "other": "another interest",
        }[self.value]


@attrs.frozen(kw_only=True)
class Relation:
    """A declared interest: ``person`` has an interest in ``applicant`` (Art. 26).

    ``person`` is a reviewer of the panel or a member of the office's staff
    (工作人员) named to :func:`check_recusal`: Art. 26 binds both
    (评审人员及工作人员 … 本人应主动提出回避).
    """

    person: str = attrs.field(converter=to_name, validator=is_name)
    applicant: str = attrs.field(converter=to_name, validator=is_name)
    kind: RelationKind = attrs.field(default=RelationKind.OTHER, validator=is_enum(RelationKind))
    note: str = attrs.field(default="", validator=is_text)


@attrs.frozen(kw_only=True)
class PanelPolicy:
    """What a panel needs to review an applicant after recusals.

    The Measures fix no minimum panel size: ``minimum_reviewers`` (default 3,
    a leader and two members) is the library's assumption, to be set by the
    office.  ``leader_must_remain`` (default ``False``): whether an applicant
    whose leader stepped aside cannot be reviewed until a leader is designated
    (Art. 11 组长负责制 does not say who leads then).
    """

    minimum_reviewers: int = attrs.field(default=3, validator=is_int(1, 1000))
    leader_must_remain: bool = attrs.field(default=False, validator=is_bool)


@attrs.frozen(kw_only=True)
class ApplicantReview:
    """For one applicant: who steps aside (reviewers, staff), who remains, and whether the panel can review."""

    applicant: str = attrs.field(converter=to_name, validator=is_name)
    recused: tuple[str, ...] = attrs.field(validator=is_tuple_of(str))
    remaining: tuple[str, ...] = attrs.field(validator=is_tuple_of(str))
    #: The office's staff (工作人员) who step aside for this applicant.
    staff_recused: tuple[str, ...] = attrs.field(validator=is_tuple_of(str))
    leader_recused: bool = attrs.field(validator=is_bool)
    can_review: bool = attrs.field(validator=is_bool)
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))


@attrs.frozen(kw_only=True)
class RecusalReport(Tabular):
    """Measures Art. 26 applied to a panel and the office's staff on one day, applicant by applicant.

    Attributes
    ----------
    policy
        The minimum panel size assumed and whether the leader must remain.
    staff
        The office's staff (工作人员) named to the check.
    applicants
        One :class:`ApplicantReview` per applicant: the table's rows (record keys
        ``applicant``, ``steps aside``, ``remaining`` — a count —, ``staff aside``,
        ``leader aside``, ``can review``).
    reasons
        Art. 26 quoted whole; with each applicant's reasons, named by the
        applicant, the table's notes.
    """

    edition: str = attrs.field(converter=to_name, validator=is_name)
    on: datetime.date = attrs.field(validator=is_date)
    policy: PanelPolicy = attrs.field(validator=is_instance(PanelPolicy))
    staff: tuple[str, ...] = attrs.field(validator=is_tuple_of(str))
    applicants: tuple[ApplicantReview, ...] = attrs.field(validator=is_tuple_of(ApplicantReview))
    reasons: tuple[Reason, ...] = attrs.field(validator=is_tuple_of(Reason))

    def __getitem__(self, applicant: str) -> ApplicantReview:
        wanted = to_name(applicant)
        for item in self.applicants:
            if item.applicant == wanted:
                return item
        raise UnknownUnitError.about("applicant", applicant, "not in this report", ART_26)

    @property
    def all_can_review(self) -> bool:
        """Whether the panel can review every applicant."""
        return all(a.can_review for a in self.applicants)

    @property
    def blocked(self) -> tuple[str, ...]:
        """The applicants the panel cannot review as it stands."""
        return tuple(a.applicant for a in self.applicants if not a.can_review)

    def _table(self) -> Table:
        minimum = self.policy.minimum_reviewers

        def names(people: tuple[str, ...]) -> Text | None:
            return Text("、".join(people), ", ".join(people)) if people else None

        return Table(
            caption=Text(
                f"{self.edition} 届评审专家组回避（{self.on}，最少 {minimum} 名）",
                f"recusal, panel {self.edition} on {self.on} (minimum {minimum})",
            ),
            columns=(
                Column("applicant", "申报者", "applicant"),
                Column("recused", "回避", "steps aside"),
                Column("remaining", "剩余人数", "remaining"),
                Column("staff_recused", "工作人员回避", "staff aside"),
                Column("leader_recused", "组长回避", "leader aside"),
                Column("can_review", "可以评审", "can review"),
            ),
            rows=tuple(
                (
                    a.applicant,
                    names(a.recused),
                    len(a.remaining),
                    names(a.staff_recused),
                    a.leader_recused,
                    a.can_review,
                )
                for a in self.applicants
            ),
            notes=(
                *notes(self.reasons),
                *(
                    Text(
                        f"[{r.citation}] {a.applicant}：{r.zh}",
                        f"[{r.citation}] {a.applicant}: {r.en}",
                    )
                    for a in self.applicants
                    for r in a.reasons
                ),
            ),
        )


def _names(value: object, field: str, citation: Citation) -> tuple[str, ...]:
    """Names given to a check, each in NFC and without hidden characters, each once."""
    items = to_tuple(value)
    if not isinstance(items, tuple):
        raise InvalidInputError.about(field, value, "expected a list of names", citation)
    names: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise InvalidInputError.about(f"{field}[{index}]", item, "expected a name", citation)
        name = to_name(item)
        problem = name_problem(name)
        if problem is not None:
            raise InvalidInputError.about(f"{field}[{index}]", item, problem, citation)
        if name in seen:
            raise DuplicateUnitError.about(field, name, "listed twice", citation)
        seen.add(name)
        names.append(name)
    return tuple(names)


def check_recusal(
    panel: Panel,
    applicants: Sequence[str],
    relations: Sequence[Relation],
    *,
    on: datetime.date,
    staff: Sequence[str] = (),
    policy: PanelPolicy | None = None,
    scheme: AwardScheme | None = None,
    allow_outside_validity: bool = False,
) -> RecusalReport:
    """Who steps aside for whom, and whether the panel can still review (Measures Art. 26).

    Art. 26: 评审人员及工作人员与申报组织或个人有利害关系的，本人应主动提出回避 — a
    reviewer, and equally a member of the office's staff, with an interest in an
    applicant steps aside for it.  Staff stepping aside do not change the panel's
    size; reviewers do.

    Parameters
    ----------
    panel
        The edition's panel (:class:`Panel`), active on ``on``.
    applicants
        The applicants' names, each once.
    relations
        The declared interests (:class:`Relation`): each obliges its person — a
        panel member or one of ``staff`` — to step aside for its applicant.
    on
        The day; it must lie in the Measures' span (Art. 28).
    staff
        The office's staff (工作人员) working on the review, each once; none of them
        on the panel.
    policy
        The minimum panel size and the leader rule; ``None`` (the default) means
        ``PanelPolicy()`` (3 reviewers, an assumption: the Measures fix none).
    scheme
        The award's edition (its span); ``None`` (the default) means ``BAOSHAN_2023``.
    allow_outside_validity
        Apply the Measures to an ``on`` outside their span anyway.

    Returns
    -------
    RecusalReport
        For each applicant: who steps aside, who remains, whether the panel can review.

    Raises
    ------
    UnknownUnitError
        A relation names a person neither on the panel nor on the staff, or an
        applicant not listed.
    DuplicateUnitError
        An applicant or a staff member is listed twice, or a staff member is also on
        the panel.
    OutsideValidityError
        ``on`` is outside Art. 28's span and ``allow_outside_validity`` is ``False``.
    InvalidInputError
        The panel is not active on ``on``; an argument is of the wrong kind.

    Examples
    --------
    >>> import datetime as dt
    >>> p = Panel(edition="2025", leader="王工", formed_on=dt.date(2025, 6, 3),
    ...           members=[Reviewer(name=n) for n in ("王工", "李工", "赵工", "钱工")])
    >>> rep = check_recusal(p, ["甲公司", "乙公司"],
    ...     [Relation(person="李工", applicant="甲公司", kind=RelationKind.EMPLOYMENT),
    ...      Relation(person="赵工", applicant="甲公司", kind=RelationKind.KINSHIP),
    ...      Relation(person="孙科员", applicant="乙公司", kind=RelationKind.FINANCIAL)],
    ...     on=dt.date(2025, 6, 20), staff=["孙科员"])
    >>> rep["甲公司"].remaining, rep["甲公司"].can_review, rep.blocked
    (('王工', '钱工'), False, ('甲公司',))
    >>> rep["乙公司"].staff_recused, rep["乙公司"].can_review
    (('孙科员',), True)
    """
    chosen_scheme = resolve_scheme(scheme)
    art_11, art_26 = chosen_scheme.cite("Art. 11"), chosen_scheme.cite("Art. 26")
    if not isinstance(panel, Panel):
        raise InvalidInputError.about("panel", panel, "expected a Panel", art_11)
    chosen = PanelPolicy() if policy is None else policy
    if not isinstance(chosen, PanelPolicy):
        raise InvalidInputError.about("policy", policy, "expected a PanelPolicy", art_26)
    day = check_date(
        on, "on", scheme=chosen_scheme, allow_outside_validity=allow_outside_validity
    ).on
    if not panel.is_active(day):
        state = "not yet formed" if day < panel.formed_on else "dissolved (its review ended)"
        raise InvalidInputError.about(
            "on", day, f"the panel of edition {panel.edition} is {state} on that day", art_11
        )
    names = _names(applicants, "applicants", art_26)
    workers = _names(staff, "staff", art_26)
    for index, person in enumerate(workers):
        if person in panel.names:
            raise DuplicateUnitError.about(
                f"staff[{index}]", person, "on the panel too: list each person once", art_26
            )
    declared = to_tuple(relations)
    if not isinstance(declared, tuple):
        raise InvalidInputError.about("relations", relations, "expected a list of Relation", art_26)
    for index, rel in enumerate(declared):
        if not isinstance(rel, Relation):
            raise InvalidInputError.about(f"relations[{index}]", rel, "expected a Relation", art_26)
        if rel.person not in panel.names and rel.person not in workers:
            raise UnknownUnitError.about(
                f"relations[{index}].person",
                rel.person,
                "neither a member of the panel nor one of the staff",
                art_26,
            )
        if rel.applicant not in names:
            raise UnknownUnitError.about(
                f"relations[{index}].applicant", rel.applicant, "not one of the applicants", art_26
            )
    order = {name: i for i, name in enumerate((*panel.names, *workers))}
    reviews = []
    for applicant in names:
        mine = sorted(
            (r for r in declared if r.applicant == applicant),
            key=lambda r: (order[r.person], r.kind.value),
        )
        aside = {r.person for r in mine}
        recused = tuple(n for n in panel.names if n in aside)
        remaining = tuple(n for n in panel.names if n not in aside)
        staff_out = tuple(n for n in workers if n in aside)
        leader_out = panel.leader in aside
        enough = len(remaining) >= chosen.minimum_reviewers
        can = enough and not (leader_out and chosen.leader_must_remain)
        reasons = [
            Reason(
                art_26,
                f"{'' if r.person in panel.names else '工作人员'}{r.person}与{applicant}"
                f"有{r.kind.zh}，应主动回避。",
                f"{'' if r.person in panel.names else 'Staff member '}{r.person} has an "
                f"interest in {applicant} ({r.kind.en}) and must step aside.",
            )
            for r in mine
        ]
        if leader_out:
            reasons.append(
                Reason(
                    art_11,
                    f"组长{panel.leader}回避，需另行确定负责{applicant}评审的人员。",
                    f"The leader {panel.leader} steps aside: someone must lead the review "
                    f"of {applicant}.",
                )
            )
        reasons.append(
            Reason(
                art_26,
                f"回避后剩余 {len(remaining)} 名评审人员，最少需 {chosen.minimum_reviewers} 名"
                f"（本办法未规定，属假设）：{'可以' if can else '不能'}评审。",
                f"{len(remaining)} reviewers remain, {chosen.minimum_reviewers} needed (an "
                f"assumption: the Measures fix none): {'can' if can else 'cannot'} review.",
            )
        )
        reviews.append(
            ApplicantReview(
                applicant=applicant,
                recused=recused,
                remaining=remaining,
                staff_recused=staff_out,
                leader_recused=leader_out,
                can_review=can,
                reasons=tuple(reasons),
            )
        )
    return RecusalReport(
        edition=panel.edition,
        on=day,
        policy=chosen,
        staff=workers,
        applicants=tuple(reviews),
        reasons=(Reason(art_26, *ART_26_TEXT),),
    )
