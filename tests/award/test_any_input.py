"""Entry points of the award rules: for any input, only the library's own errors escape."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.baoshan import BAOSHAN_2023
from baoshan_quality.award.conduct import assess_revocation, check_title_use
from baoshan_quality.award.cycle import cycle_year, evaluation_years, phase_on
from baoshan_quality.award.eligibility import check_eligibility
from baoshan_quality.award.prizes import prize, prize_cap, quota
from baoshan_quality.award.validity import check_validity, validity_status
from baoshan_quality.award.windows import (
    reapplication_bar,
    reporting_periods,
    retention_period,
    revocation_bar,
)
from baoshan_quality.errors import BaoshanQualityError
from baoshan_quality.serialization import from_json
from tests.anything import anything

ANYTHING = anything(
    st.sampled_from([*BAOSHAN_2023.classes, *BAOSHAN_2023.tracks, "gold", "model", "silver"]),
    st.just(Organisation(name="甲")),
    integers=st.integers(),
    text_size=5,
    dates=st.dates(),
)


def _only_library_errors(call: Callable[[], Any]) -> None:
    with contextlib.suppress(BaoshanQualityError):
        call()


@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_any_input(a: Any, b: Any, c: Any, d: Any, e: Any) -> None:
    calls: list[Callable[[], Any]] = [
        lambda: check_eligibility(a, applied_on=b),
        lambda: check_eligibility(Individual(name="乙"), applied_on=b, applying_for=c, policy=d),
        lambda: check_eligibility(
            Organisation(name="甲"), applied_on=dt.date(2025, 1, 1), allow_outside_validity=e
        ),
        lambda: check_eligibility(
            Organisation(name="甲"), applied_on=b, allow_outside_validity=True
        ),
        lambda: quota(a, b),
        lambda: prize_cap(a, b, scheme=c),
        lambda: prize(a, b),
        lambda: check_validity(a, allow_outside_validity=b),
        lambda: validity_status(a),
        lambda: reapplication_bar(a, reading=b, allow_outside_validity=c),
        lambda: reapplication_bar(dt.date(2024, 1, 1), on=a, allow_outside_validity=b),
        lambda: reporting_periods(dt.date(2024, 1, 1), on=a),
        lambda: revocation_bar(a, allow_outside_validity=True),
        lambda: retention_period(a, allow_outside_validity=True),
        lambda: reporting_periods(a, reading=b, allow_outside_validity=True),
        lambda: cycle_year(a, policy=b, allow_outside_validity=c),
        lambda: evaluation_years(a, b),
        lambda: phase_on(a, allow_outside_validity=True),
        lambda: check_title_use(a, holdings=b),
        lambda: assess_revocation(a, on=b),
        lambda: Organisation(name="甲", registered_on=a, major_incidents=b, district_awards=c),
        lambda: Individual(name="乙", quality_work_since=a, municipal_application_years=b),
    ]
    for call in calls:
        _only_library_errors(call)


@given(st.text(max_size=40))
def test_any_json_text(text: str) -> None:
    _only_library_errors(lambda: from_json(text, Organisation))
