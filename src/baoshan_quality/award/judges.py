"""How a condition row is judged: four small functions shared by every row of the table.

A scheme's eligibility table (Measures Art. 3, 14, 15; rows of
:class:`~baoshan_quality.award.parts.ConditionRow`) says for each condition which facts
it reads and how it is judged (:class:`~baoshan_quality.award.parts.Judgement`); this
module is the four judgements (internal helpers: the scheme's rows name them), and
:func:`judge_table`, which walks the rows for
:func:`~baoshan_quality.award.eligibility.check_eligibility`:

* :func:`all_hold` — every fact is as the row says (a contrary fact fails it);
* :func:`any_holds` — at least one is (Art. 3: 从事质量工作 *或者* 做出贡献);
* :func:`at_least_years` — the row's term has run since the date fact (三年以上, reading
  R22 for when it is reached, R7 for how years count);
* :func:`none_within_lookback` — no dated event within the row's term back from the day
  (近三年, R7).

A fact left ``None`` is unknown, never false: the condition is unknown and names it —
unless a known fact already fails it.

>>> import datetime as dt
>>> from baoshan_quality.award.applicants import Organisation
>>> from baoshan_quality.award.baoshan import BAOSHAN_2023
>>> rows = BAOSHAN_2023.conditions_for(Organisation(name="甲").kind)
>>> [c.status.value for c in judge_table(rows, Organisation(name="甲", registered_in_baoshan=False),
...     on=dt.date(2025, 5, 10), scheme=BAOSHAN_2023)][:2]
['failed', 'failed']
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from baoshan_quality._validation import is_enum
from baoshan_quality.award.conditions import (
    Condition,
    ConditionStatus,
    Fact,
    all_of,
    combine,
    failed,
    met,
    not_given,
    unknown,
)
from baoshan_quality.award.parts import ConditionRow, Judgement, SchemeTerm
from baoshan_quality.citations import Citation, Reason
from baoshan_quality.periods import (
    PeriodReading,
    first_day_after,
    in_lookback,
    lookback_start,
    period_end,
)

if TYPE_CHECKING:  # for annotations only: the scheme imports the parts this module reads
    from baoshan_quality.award.scheme import AwardScheme

__all__ = ["CompletionReading"]


class CompletionReading(enum.Enum):
    """Reading R22: when "正常运行三年以上" / "从事质量相关工作五年以上" is reached.

    Both count a period of N years from a start date (registration, first day
    of quality work) by reading R7.  以上 includes N itself (R3).
    """

    #: Default: met from the day after the N-year period ends — the period has
    #: fully run (Civil Code Art. 201–203: the last day runs to its 24:00), and
    #: the start date has left the N-year look-back, so this agrees with
    #: ``periods.in_lookback``.  Registered 2022-05-10: met from 2025-05-11.
    AFTER_PERIOD = "after-period"
    #: Alternative: met on the period's last day, the N-th anniversary itself
    #: (registered 2022-05-10: met from 2025-05-10).
    ON_ANNIVERSARY = "on-anniversary"


def completion_day(
    start: datetime.date, years: int, periods: PeriodReading, completion: CompletionReading
) -> datetime.date:
    """The first day on which ``years`` years from ``start`` are reached (R22, R7).

    >>> import datetime as dt
    >>> completion_day(dt.date(2022, 5, 10), 3, PeriodReading.CIVIL_CODE,
    ...                CompletionReading.AFTER_PERIOD)
    datetime.date(2025, 5, 11)
    """
    if completion is CompletionReading.AFTER_PERIOD:
        return first_day_after(start, years=years, reading=periods)
    return period_end(start, years=years, reading=periods)


def periods_field() -> Any:
    """The R7 policy field (default: Civil Code), shared by the award's policies."""
    return attrs.field(default=PeriodReading.CIVIL_CODE, validator=is_enum(PeriodReading))


def completion_field() -> Any:
    """The R22 policy field (default: after the period), shared by the award's policies."""
    return attrs.field(default=CompletionReading.AFTER_PERIOD, validator=is_enum(CompletionReading))


@attrs.frozen(kw_only=True)
class Judging:
    """What a judgement needs besides the row and the facts: the day and the readings."""

    on: datetime.date
    periods: PeriodReading = PeriodReading.CIVIL_CODE
    completion: CompletionReading = CompletionReading.AFTER_PERIOD


def _facts(row: ConditionRow, applicant: object) -> list[Fact]:
    """The row's yes/no facts, each ``True`` when the row's statement holds."""
    facts = []
    for ref in row.facts:
        value = getattr(applicant, ref.name)
        holds = None if value is None else value is ref.holds_if
        facts.append(Fact(ref.name, holds, ref.zh, ref.en))
    return facts


def all_hold(
    row: ConditionRow, citation: Citation, applicant: object, term: SchemeTerm | None, how: Judging
) -> Condition:
    """Every fact is as the row says: a contrary fact fails it; else an unknown one leaves it unknown.

    The reasons: ``不满足：<fact>。`` for each contrary fact, ``未提供事实：<fact>（<field>）。``
    for each unknown one, or the row's own wording when met.

    Parameters
    ----------
    row, citation, applicant, term, how
        The row, its clause in the scheme's document, the applicant, the row's term
        (unused) and the day with the readings.

    Returns
    -------
    Condition
        Met, failed or unknown, with its reasons.

    Examples
    --------
    >>> import datetime as dt
    >>> from baoshan_quality.award.applicants import Organisation
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> row = BAOSHAN_2023.conditions[0]
    >>> c = all_hold(row, BAOSHAN_2023.cite(row.clause), Organisation(name="甲",
    ...     registered_in_baoshan=True, carries_on_activities=False), None,
    ...     Judging(on=dt.date(2025, 5, 10)))
    >>> c.status.value, c.reasons[0].zh
    ('failed', '不满足：开展经济和社会活动。')
    """
    return all_of(row.key, citation, _facts(row, applicant), met_zh=row.zh, met_en=row.en)


def any_holds(
    row: ConditionRow, citation: Citation, applicant: object, term: SchemeTerm | None, how: Judging
) -> Condition:
    """At least one fact is as the row says; all contrary fail it; else unknown.

    Met: one reason per fact that holds, ``<row wording>：<fact>。``; failed: the row's
    ``failed_zh`` / ``failed_en``.

    Parameters
    ----------
    row, citation, applicant, term, how
        As for :func:`all_hold`.

    Returns
    -------
    Condition
        Met, failed or unknown, with its reasons.

    Examples
    --------
    >>> import datetime as dt
    >>> from baoshan_quality.award.applicants import Individual
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> row = BAOSHAN_2023.conditions_for(Individual(name="甲").kind)[0]
    >>> c = any_holds(row, BAOSHAN_2023.cite(row.clause), Individual(name="甲",
    ...     works_in_baoshan_quality=True), None, Judging(on=dt.date(2025, 5, 10)))
    >>> print(c.reasons[0].zh)
    属本办法所称的个人：在宝山区从事质量工作。
    """
    facts = _facts(row, applicant)
    holding = [f for f in facts if f.value is True]
    if holding:
        return Condition(
            key=row.key,
            citation=citation,
            status=ConditionStatus.MET,
            reasons=tuple(
                Reason(citation, f"{row.zh}：{f.zh}。", f"{row.en}: {f.en}.") for f in holding
            ),
        )
    missing = [f for f in facts if f.value is None]
    if missing:
        return not_given(row.key, citation, missing)
    return failed(row.key, citation, row.failed_zh, row.failed_en)


def _term(row: ConditionRow, term: SchemeTerm | None) -> SchemeTerm:
    if term is None:  # a scheme checks that such a row names a term
        raise AssertionError(f"{row.key}: no term")
    return term


def at_least_years(
    row: ConditionRow, citation: Citation, applicant: object, term: SchemeTerm | None, how: Judging
) -> Condition:
    """The row's term in years has run since the date fact (三年以上; R22, R7).

    Met from the first day the years are reached (:func:`completion_day`); before
    it the condition fails and says from when it is met (``met_from``).

    Parameters
    ----------
    row, citation, applicant, term, how
        As for :func:`all_hold`; ``term`` is the row's term (its count of years).

    Returns
    -------
    Condition
        Met, failed (with ``met_from``) or unknown (the start date not given).

    Examples
    --------
    >>> import datetime as dt
    >>> from baoshan_quality.award.applicants import Individual
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> row = BAOSHAN_2023.conditions_for(Individual(name="甲").kind)[1]
    >>> c = at_least_years(row, BAOSHAN_2023.cite(row.clause), Individual(name="甲",
    ...     quality_work_since=dt.date(2020, 7, 1)), BAOSHAN_2023.quality_work,
    ...     Judging(on=dt.date(2025, 7, 1)))
    >>> c.status.value, c.met_from
    ('failed', datetime.date(2025, 7, 2))
    """
    years = _term(row, term).count
    (ref,) = row.facts
    start = getattr(applicant, ref.name)
    on = how.on
    if start is None:
        return unknown(
            row.key,
            citation,
            ref.name,
            f"未提供起算日期（{ref.name}），无法判断是否满 {years} 年。",
            f"The start date ({ref.name}) is not given: cannot tell whether "
            f"{years} years are reached.",
        )
    met_from = completion_day(start, years, how.periods, how.completion)
    if on >= met_from:
        return met(
            row.key,
            citation,
            f"自 {start} 起至申报日 {on} 已满 {years} 年（{met_from} 起满足）。",
            f"{years} years from {start} are reached by {on} (met from {met_from}).",
        )
    return failed(
        row.key,
        citation,
        f"自 {start} 起至申报日 {on} 未满 {years} 年，{met_from} 起方满足。",
        f"{years} years from {start} are not reached on {on}; met from {met_from}.",
        met_from=met_from,
    )


def none_within_lookback(
    row: ConditionRow, citation: Citation, applicant: object, term: SchemeTerm | None, how: Judging
) -> Condition:
    """No dated event of the row's facts within its term back from the day (近三年, R7).

    Each fact is a list of event dates; an event on the day itself counts (one after
    it is refused by :func:`~baoshan_quality.award.eligibility.check_eligibility`
    before the rows are judged).  Failed: the events inside, and the day the latest leaves the
    look-back (``met_from``); a known event fails it even when another fact is unknown.

    Parameters
    ----------
    row, citation, applicant, term, how
        As for :func:`all_hold`; ``term`` is the row's look-back in years.

    Returns
    -------
    Condition
        Met, failed (with ``met_from``) or unknown, one reason per fact.

    Examples
    --------
    >>> import datetime as dt
    >>> from baoshan_quality.award.applicants import Individual
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> row = BAOSHAN_2023.conditions_for(Individual(name="甲").kind)[-1]
    >>> c = none_within_lookback(row, BAOSHAN_2023.cite(row.clause), Individual(name="甲",
    ...     organisation_major_incidents=[dt.date(2023, 7, 1)]),
    ...     BAOSHAN_2023.member_organisation_lookback, Judging(on=dt.date(2025, 5, 10)))
    >>> c.status.value, c.met_from
    ('failed', datetime.date(2026, 7, 2))
    """
    years = _term(row, term).count
    reading, on = how.periods, how.on
    span = f"{lookback_start(on, years=years, reading=reading)}..{on}"
    parts: list[Condition] = []
    for ref in row.facts:
        dates: tuple[datetime.date, ...] | None = getattr(applicant, ref.name)
        if dates is None:
            parts.append(not_given(row.key, citation, [Fact(ref.name, None, ref.zh, ref.en)]))
            continue
        inside = sorted(d for d in dates if in_lookback(d, on, years=years, reading=reading))
        if not inside:
            parts.append(
                met(
                    row.key,
                    citation,
                    f"近 {years} 年（{span}）内无{ref.zh}。",
                    f"No {ref.en} within the last {years} years ({span}).",
                )
            )
            continue
        met_from = first_day_after(inside[-1], years=years, reading=reading)
        parts.append(
            failed(
                row.key,
                citation,
                f"近 {years} 年（{span}）内有{ref.zh}：{'、'.join(d.isoformat() for d in inside)}；"
                f"{met_from} 起移出该期间。",
                f"{ref.en} within the last {years} years ({span}): "
                f"{', '.join(d.isoformat() for d in inside)}; out of that span from {met_from}.",
                met_from=met_from,
            )
        )
    return combine(row.key, citation, parts)


#: The judgement of each kind of row.
JUDGES: Mapping[
    Judgement,
    Callable[[ConditionRow, Citation, object, SchemeTerm | None, Judging], Condition],
] = {
    Judgement.ALL_HOLD: all_hold,
    Judgement.ANY_HOLDS: any_holds,
    Judgement.AT_LEAST_YEARS: at_least_years,
    Judgement.NONE_WITHIN_LOOKBACK: none_within_lookback,
}


def judge_table(
    rows: Sequence[ConditionRow],
    applicant: object,
    *,
    on: datetime.date,
    scheme: AwardScheme,
    periods: PeriodReading = PeriodReading.CIVIL_CODE,
    completion: CompletionReading = CompletionReading.AFTER_PERIOD,
) -> list[Condition]:
    """Each condition of a table judged for an applicant on a day, in the table's order.

    Consecutive rows with one key are the parts of one condition, combined (a
    failed part fails it; else an unknown part leaves it unknown).

    Parameters
    ----------
    rows
        Condition rows of the scheme, e.g. ``scheme.conditions_for(applicant.kind)``.
    applicant
        The applicant whose facts the rows read.
    on
        The day (the application's).
    scheme
        The scheme the rows come from: their clauses are cited in its document, and
        their terms read from it.
    periods, completion
        Readings R7 and R22.

    Returns
    -------
    list[Condition]
        One condition per key.

    Examples
    --------
    >>> import datetime as dt
    >>> from baoshan_quality.award.applicants import Individual
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> p = Individual(name="甲", works_in_baoshan_quality=True)
    >>> [c.key for c in judge_table(BAOSHAN_2023.conditions_for(p.kind), p,
    ...     on=dt.date(2025, 5, 10), scheme=BAOSHAN_2023)]
    ['art3', 'art15.1', 'art15.2', 'art15.3', 'art15.4']
    """
    how = Judging(on=on, periods=periods, completion=completion)
    conditions = []
    for key, group in itertools.groupby(rows, key=lambda row: row.key):
        parts = []
        for row in group:
            term = None if row.term is None else scheme.term(row.term)
            parts.append(JUDGES[row.judged](row, scheme.cite(row.clause), applicant, term, how))
        citation = parts[0].citation
        conditions.append(parts[0] if len(parts) == 1 else combine(key, citation, parts))
    return conditions
