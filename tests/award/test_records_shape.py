"""Records are plain data (for pandas): the eligibility verdict's clause is a string."""

from __future__ import annotations

import datetime as dt

from baoshan_quality import Organisation, check_eligibility


def test_eligibility_records_hold_plain_values() -> None:
    verdict = check_eligibility(Organisation(name="示例公司"), applied_on=dt.date(2025, 5, 10))
    records = verdict.to_records()
    assert records
    for record in records:
        assert isinstance(record["clause"], str)
        assert record["clause"].startswith("Measures Art.")
