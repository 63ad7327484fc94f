"""Quotas and prizes of a scheme (Measures Art. 7, 19): :func:`quota`, :func:`prize`, :func:`prize_cap`.

Each reads the scheme's table of its article (``scheme=None`` means
:data:`~baoshan_quality.award.baoshan.BAOSHAN_2023`) for one class × track, given as
records of the scheme or by their codes (``"mayor"``, ``"model"``).

>>> quota("mayor", "model")
2
>>> prize_cap("gold", "achievement")
Decimal('10000')
>>> print(prize("mayor", "model"))
区长质量奖·先进质量管理模式
物品                  上限（元）  条款
--------------------  ----------  ----------------
奖金                  500000      Measures Art. 19
奖牌                  —           Measures Art. 19
证书（标明获奖年度）  —           Measures Art. 19
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality._validation import is_bool, is_instance, is_tuple_of
from baoshan_quality.award._show import CLAUSE, clause
from baoshan_quality.award.baoshan import resolve_scheme
from baoshan_quality.award.parts import AwardClass, PrizeItem, Track
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.citations import Citation

__all__ = ["Prize", "prize", "prize_cap", "quota"]


@attrs.frozen(kw_only=True)
class Prize(Tabular):
    """The prize of one class × track of a scheme (Measures Art. 19): items and a money cap.

    Built by :func:`prize` from the scheme's Art. 19 row, with the class and the
    track themselves and the clause in the scheme's document.

    Attributes
    ----------
    cash_cap
        The most money, in yuan (人民币): "不超过", so the cap itself may be paid.
    items
        What else the winner receives (:class:`~baoshan_quality.award.parts.PrizeItem`).
    certificate_marks_award_year
        The certificate is marked with the award year (证书（标明获奖年度）).

    Its table has one row for the money (record keys ``item``, ``cap``, ``clause``)
    and one per item.
    """

    award_class: AwardClass = attrs.field(validator=is_instance(AwardClass))
    track: Track = attrs.field(validator=is_instance(Track))
    cash_cap: Decimal = attrs.field(validator=is_instance(Decimal))
    items: tuple[PrizeItem, ...] = attrs.field(validator=is_tuple_of(PrizeItem))
    certificate_marks_award_year: bool = attrs.field(validator=is_bool)
    citation: Citation = attrs.field(validator=is_instance(Citation))

    def _table(self) -> Table:
        where = clause(self.citation)
        rows: list[tuple[object, ...]] = [(Text("奖金", "cash"), self.cash_cap, where)]
        rows += [(Text(item.zh, item.en), None, where) for item in self.items]
        return Table(
            caption=Text(
                f"{self.award_class.zh}·{self.track.zh}",
                f"{self.award_class.en} · {self.track.en}",
            ),
            columns=(
                Column("item", "物品", "item"),
                Column("cap", "上限（元）", "at most (yuan)"),
                CLAUSE,
            ),
            rows=rows,
        )


def quota(
    award_class: AwardClass | str, track: Track | str, *, scheme: AwardScheme | None = None
) -> int:
    """The most winners of one class × track in one edition (Measures Art. 7).

    Every award may stay vacant (所有奖项均可空缺), so 0 winners is always allowed.

    Parameters
    ----------
    award_class, track
        The class (Art. 2) and the track, as records of the scheme or their codes
        (``"mayor"``, ``"model"``).
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.

    Returns
    -------
    int
        The quota (不超过 N 个).

    Raises
    ------
    InvalidInputError
        ``award_class`` or ``track`` is not one of the scheme's; ``scheme`` is not an
        :class:`~baoshan_quality.award.scheme.AwardScheme`.

    Examples
    --------
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> [quota(c, t) for c in BAOSHAN_2023.classes for t in BAOSHAN_2023.tracks]
    [2, 1, 10, 2]
    >>> quota("silver", "model")
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.InvalidInputError: award_class: expected a class of the scheme baoshan-2023 (mayor, gold), got 'silver' (Measures Art. 2)
    """
    return resolve_scheme(scheme).quota_row(award_class, track).maximum


def prize(
    award_class: AwardClass | str, track: Track | str, *, scheme: AwardScheme | None = None
) -> Prize:
    """The whole prize of one class × track: items and the money cap (Measures Art. 19).

    Parameters
    ----------
    award_class, track
        The class (Art. 2) and the track, as records of the scheme or their codes.
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.

    Returns
    -------
    Prize
        The items (plaque or trophy, certificate) and the cap in yuan; prints as a table.

    Raises
    ------
    InvalidInputError
        As :func:`quota`.

    Examples
    --------
    >>> [i.value for i in prize("gold", "achievement").items]
    ['trophy', 'certificate']
    >>> prize("gold", "achievement").to_records(lang="en")[0]
    {'item': 'cash', 'cap': Decimal('10000'), 'clause': 'Measures Art. 19'}
    """
    chosen = resolve_scheme(scheme)
    row = chosen.prize_row(award_class, track)
    return Prize(
        award_class=chosen.award_class(row.award_class),
        track=chosen.track(row.track),
        cash_cap=row.cash_cap,
        items=row.items,
        certificate_marks_award_year=row.certificate_marks_award_year,
        citation=chosen.cite(row.clause),
    )


def prize_cap(
    award_class: AwardClass | str, track: Track | str, *, scheme: AwardScheme | None = None
) -> Decimal:
    """The most money a winner of one class × track gets (Measures Art. 19).

    Parameters
    ----------
    award_class, track
        The class (Art. 2) and the track, as records of the scheme or their codes.
    scheme
        The award's edition; ``None`` (the default) means ``BAOSHAN_2023``.

    Returns
    -------
    Decimal
        The cap in yuan (人民币); "不超过" — the cap itself may be paid.

    Raises
    ------
    InvalidInputError
        As :func:`quota`.

    Examples
    --------
    >>> prize_cap("mayor", "model")
    Decimal('500000')
    """
    return resolve_scheme(scheme).prize_row(award_class, track).cash_cap
