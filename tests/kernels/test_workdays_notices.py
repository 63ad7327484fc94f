"""R12: the library never makes up a holiday notice for a year it does not know."""

from __future__ import annotations

import pytest

from baoshan_quality.errors import UnpublishedCalendarError
from baoshan_quality.workdays import ChinaWorkdayCalendar, holiday_notice


@pytest.mark.parametrize("year", [2003, 2027, 2099])
def test_no_notice_is_invented_for_an_unknown_year(year: int) -> None:
    with pytest.raises(UnpublishedCalendarError):
        holiday_notice(year)
    with pytest.raises(UnpublishedCalendarError):
        ChinaWorkdayCalendar().source(year)


def test_known_years_cite_their_notice() -> None:
    assert holiday_notice(2025).clause == "国办发明电〔2024〕12号"
    assert "2004年" in holiday_notice(2004).clause


@pytest.mark.parametrize("year", [2**31, -(2**31), 0, 10_000])
def test_years_outside_the_calendar_are_refused_not_leaked(year: int) -> None:
    with pytest.raises(UnpublishedCalendarError):
        holiday_notice(year)
