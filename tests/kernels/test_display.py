"""The display language (issue 16): a preference for str() and _repr_html_, never a rule;
records and data frames for notebooks; every explanation readable in Chinese."""

from __future__ import annotations

import re
import sys
from decimal import Decimal

import pytest

import baoshan_quality
from baoshan_quality import (
    RUBRIC,
    Assessment,
    BaoshanQualityError,
    HonorLevel,
    IncidentKind,
    InvalidInputError,
    UnitScore,
    rank_totals,
    rank_units,
    score,
    set_display_language,
    tier_probabilities,
    to_json,
)
from baoshan_quality.display import display_in, display_language
from baoshan_quality.guide import WhatIfGoal, least_to_reach, rerank, what_it_takes
from baoshan_quality.sample import sample_assessments


@pytest.fixture(autouse=True)
def _restore_the_language() -> object:
    before = display_language()
    yield
    set_display_language(before)


def ranking() -> baoshan_quality.Ranking:
    return rank_units([UnitScore("罗店镇", 95), UnitScore("大场镇", "90.5", True)])


def test_chinese_by_default_and_set_returns_the_previous_language() -> None:
    assert display_language() == "zh"
    r = ranking()
    assert str(r) == r.to_text("zh") and r._repr_html_() == r.to_html("zh")
    assert set_display_language("en") == "zh"
    assert str(r) == r.to_text("en") and r._repr_html_() == r.to_html("en")
    assert r.to_records() == r.to_records(lang="en")
    assert set_display_language("both") == "en"
    assert str(r) == r.to_text("both")
    assert "排名 / rank" in str(r)


def test_an_explicit_language_ignores_the_setting() -> None:
    r = ranking()
    zh = (r.to_text("zh"), r.to_html("zh"), r.to_records(lang="zh"))
    set_display_language("en")
    assert (r.to_text("zh"), r.to_html("zh"), r.to_records(lang="zh")) == zh


def test_the_setting_changes_how_results_print_never_what_they_are() -> None:
    r = ranking()
    before = (r, to_json(r), r.entries[0].reasons)
    set_display_language("en")
    again = ranking()
    assert (again, to_json(again), again.entries[0].reasons) == before


def test_the_context_manager_restores_the_language_even_after_an_error() -> None:
    r = ranking()
    with display_in("en") as previous:
        assert previous == "zh" and str(r) == r.to_text("en")
    assert display_language() == "zh"
    with pytest.raises(ZeroDivisionError), display_in("both"):
        1 / 0  # noqa: B018
    assert display_language() == "zh"


@pytest.mark.parametrize("bad", ["fr", "ZH", "", 1, ("zh",)])
def test_an_unknown_language_is_the_librarys_error(bad: object) -> None:
    for call in (
        lambda: set_display_language(bad),  # type: ignore[arg-type]
        lambda: display_in(bad).__enter__(),  # type: ignore[arg-type]
        lambda: ranking().to_text(bad),  # type: ignore[arg-type]
        lambda: ranking().to_records(lang=bad),  # type: ignore[arg-type]
        lambda: ranking().to_dataframe(lang=bad),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidInputError, match="expected 'zh', 'en' or 'both'") as caught:
            call()
        assert caught.value.field == "lang"
    assert display_language() == "zh"
    with pytest.raises(InvalidInputError):
        set_display_language(None)  # type: ignore[arg-type]  # None is "the default" only in to_text


# --- data frames (pandas only when asked for) ----------------------------------------


def test_to_dataframe_has_every_record_key_as_a_float_column_that_plots() -> None:
    pandas = pytest.importorskip("pandas")
    r = rank_units(score(a) for a in sample_assessments())
    frame = r.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(r.to_records()[0])
    assert str(frame["total"].dtype) == "float64" and frame["total"].iloc[0] == 100.5
    assert list(frame["unit"]) == [e.unit for e in r]
    assert frame["why"].iloc[0] == "".join(x.zh for x in r.entries[0].reasons[1:])
    exact = r.to_dataframe(numbers="decimal", lang="en")
    assert exact["total"].iloc[0] == Decimal("100.5")
    assert exact["why"].iloc[0].startswith("Ranked within the first 6")
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    axes = r.to_dataframe().plot.barh(x="unit", y="total")  # one call (issue 16)
    assert len(axes.patches) == len(r)


def test_to_dataframe_of_an_empty_result_keeps_its_columns() -> None:
    pytest.importorskip("pandas")
    frame = rank_units([]).to_dataframe()
    assert len(frame) == 0 and "total" in frame.columns


def test_to_dataframe_without_pandas_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    with pytest.raises(BaoshanQualityError, match="pip install pandas") as caught:
        ranking().to_dataframe()
    assert isinstance(caught.value.__cause__, ImportError)


def test_the_library_does_not_import_pandas_until_asked() -> None:
    import subprocess

    code = (
        "import sys; from baoshan_quality import UnitScore, rank_units; "
        "r = rank_units([UnitScore('甲', 1)]); r.to_records(); str(r); r._repr_html_(); "
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- every explanation in Chinese -------------------------------------------------------


def _results() -> list[object]:
    full = {c.code: c.points for c in RUBRIC.criteria}
    card = score(
        Assessment("罗店镇", 2024, {**full, "1.1.1": 2}, honors=(HonorLevel.NATIONAL,) * 2,
                   incidents=(IncidentKind.PRODUCT,)),
    )  # fmt: skip
    r = rank_units(
        [*(UnitScore(f"{i}号镇", 99 - i) for i in range(8)), UnitScore("九号镇", 80, True)]
    )
    return [
        card,
        r,
        rank_totals({"甲镇": 2, "乙镇": 1}, {"乙镇"}),
        least_to_reach(r, "九号镇", WhatIfGoal.TIER_A),
        least_to_reach(r, "九号镇", WhatIfGoal.EXCELLENT),
        what_it_takes(r),
        rerank(r, "7号镇", 99),
        tier_probabilities(r.entries and [UnitScore(e.unit, e.total, e.major_incident) for e in r],
                           editions=10),
    ]  # fmt: skip


def test_every_explanation_reads_in_chinese() -> None:
    """Issue 16: a notebook user reads every explanation in Chinese.  Apart from the
    citations in brackets (document and clause) and unit names, no English word."""
    for result in _results():
        for text in (result.to_text("zh"), str(result)):  # type: ignore[attr-defined]
            words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\[[^\]]*\]", "", text))
            assert words == [], (type(result).__name__, words)
