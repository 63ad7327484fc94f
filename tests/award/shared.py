"""Test data several award test files share: a later edition and plain calendars.

The later edition is new data, not a real one: the 2023 terms, in force
2028-08-01..2033-07-31 with no by-reference span (Art. 28 of a next edition).
"""

from __future__ import annotations

import datetime as dt

import attrs

from baoshan_quality.award.baoshan import BAOSHAN_2023

LATER = attrs.evolve(
    BAOSHAN_2023,
    key="baoshan-later",
    validity=attrs.evolve(
        BAOSHAN_2023.validity,
        by_reference_from=None,
        in_force_from=dt.date(2028, 8, 1),
        in_force_until=dt.date(2033, 7, 31),
    ),
)


class MondayToFriday:
    """A caller's calendar that only says whether a day is worked (no kinds, no sources)."""

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() < 5


class OddKinds(MondayToFriday):
    """A caller's calendar whose day kinds are not DayKind values, and whose source fails."""

    def day_kind(self, day: dt.date) -> str:
        return "workday"

    def source(self, year: int) -> object:
        raise LookupError(year)
