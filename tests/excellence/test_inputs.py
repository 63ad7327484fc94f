"""Any input: only the library's errors escape the excellence entry points."""

from __future__ import annotations

import contextlib
import json

from hypothesis import given
from hypothesis import strategies as st

from baoshan_quality.errors import BaoshanQualityError, StructureError
from baoshan_quality.excellence import (
    ConsensusPolicy,
    ConsensusResult,
    CriteriaTable,
    FeedbackReport,
    ScoreSheet,
    SheetResult,
    consensus,
    feedback_report,
    score_sheet,
)
from baoshan_quality.serialization import from_json

ANY = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=6)
    | st.sampled_from(["4.1.2", "65", "张"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)  # fmt: skip


@given(ANY, ANY, ANY)
def test_score_sheet_construction_raises_only_library_errors(
    a: object, b: object, c: object
) -> None:
    try:
        sheet = ScoreSheet(a, b, c)  # type: ignore[arg-type]
    except BaoshanQualityError:
        return
    with contextlib.suppress(BaoshanQualityError):
        score_sheet(sheet, allow_missing=True)


@given(ANY, ANY, ANY, ANY)
def test_entry_points_raise_only_library_errors(
    sheets: object, recused: object, policy: object, flag: object
) -> None:
    for call in (
        lambda: consensus(sheets, recused=recused),  # type: ignore[arg-type]
        lambda: consensus(
            [ScoreSheet("A", "X", {"4.1.2": 50})], recused=recused, allow_missing=flag
        ),  # type: ignore[arg-type]
        lambda: consensus([ScoreSheet("A", "X", {})], policy=policy, allow_missing=True),  # type: ignore[arg-type]
        lambda: score_sheet(sheets, table=policy),  # type: ignore[arg-type]
        lambda: feedback_report(sheets),  # type: ignore[arg-type]
        lambda: ConsensusPolicy(threshold=policy),  # type: ignore[arg-type]
    ):
        with contextlib.suppress(BaoshanQualityError):
            call()


@given(ANY)
def test_from_json_of_any_json_raises_only_structure_errors(data: object) -> None:
    text = json.dumps(data)
    for kind in (ScoreSheet, ConsensusPolicy, CriteriaTable, SheetResult, ConsensusResult,
                 FeedbackReport):  # fmt: skip
        with contextlib.suppress(StructureError):
            from_json(text, kind)
