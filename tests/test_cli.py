"""The command line: demo, score, rank; library errors as messages, never tracebacks."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baoshan_quality import RUBRIC, Assessment, to_json
from baoshan_quality.cli import main
from baoshan_quality.guide import BONUS_CAP, Honor, HonorLevel


def test_demo_prints_the_illustrative_ranking(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "ILLUSTRATIVE" in out and "罗店镇" in out and "优秀" in out
    assert (
        len([line for line in out.splitlines() if "镇" in line or "街道" in line or "园区" in line])
        == 14
    )


def test_demo_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["rank"] for e in data["entries"]][:7] == [1, 2, 3, 4, 5, 6, 6]


def test_score_and_rank_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        to_json(Assessment("罗店镇", 2024, {c.code: c.points for c in RUBRIC.criteria})), "utf-8"
    )
    assert main(["score", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == "100"
    units = tmp_path / "u.json"
    units.write_text('[{"unit": "a", "total": "90"}, {"unit": "b", "total": "91"}]', "utf-8")
    assert main(["rank", str(units)]) == 0
    assert capsys.readouterr().out.splitlines()[2].startswith("1     b")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("{", "not valid JSON"),
        ('[{"unit": "a", "total": true}]', "$[0].total"),
        ('[{"unit": "a", "total": "90"}, {"unit": "a", "total": "80"}]', "more than once"),
    ],
)
def test_bad_input_exits_2_with_the_librarys_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    path = tmp_path / "u.json"
    if content is not None:
        path.write_text(content, "utf-8")
    assert main(["rank", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


# --- the subcommands of issue 8: score/rank variants, eligibility, notice-end, schema ---

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_help_lists_every_subcommand_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["--help"], capsys)
    assert status == 0
    for command in ("demo", "score", "rank", "eligibility", "notice-end", "schema"):
        assert command in out
        assert f"baoshan-quality {command}" in out  # an example of each
    for command in ("score", "rank", "eligibility", "notice-end", "schema"):
        status, out, _ = _run([command, "--help"], capsys)
        assert status == 0 and "example:" in out and "--format" in out


def test_rank_reads_a_list_of_assessments_scoring_them_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Guide Appendix B then §8: a full score (100) ranks above 99 points."""
    full = {c.code: c.points for c in RUBRIC.criteria}
    one_less = dict(full, **{RUBRIC.criteria[0].code: RUBRIC.criteria[0].points - 1})
    path = tmp_path / "a.json"
    path.write_text(
        "[" + to_json(Assessment("甲镇", 2024, full)) + ","
        + to_json(Assessment("乙镇", 2024, one_less)) + "]",
        "utf-8",
    )  # fmt: skip
    status, out, _ = _run(["rank", str(path), "--format", "json"], capsys)
    assert status == 0
    entries = json.loads(out)["entries"]
    assert [(e["unit"], e["total"], e["rank"]) for e in entries] == [
        ("甲镇", "100", 1),
        ("乙镇", "99", 2),
    ]


def test_score_reads_a_list_and_applies_the_missing_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R19: a criterion without a score is an error by default, 0 with --missing zero."""
    scores = {c.code: c.points for c in RUBRIC.criteria[1:]}
    path = tmp_path / "a.json"
    path.write_text("[" + to_json(Assessment("甲镇", 2024, scores)) + "]", "utf-8")
    status, _, err = _run(["score", str(path)], capsys)
    assert status == 2 and RUBRIC.criteria[0].code in err
    status, out, _ = _run(["score", str(path), "--missing", "zero", "--format", "json"], capsys)
    assert status == 0
    assert json.loads(out)[0]["total"] == str(100 - RUBRIC.criteria[0].points)


def _honoured(unit: str, *levels: HonorLevel) -> Assessment:
    """A unit with every criterion at its maximum (base 100) and these honours (加分项)."""
    full = {c.code: c.points for c in RUBRIC.criteria}
    return Assessment(
        unit, 2024, full, honors=[Honor(level, f"荣誉{i}") for i, level in enumerate(levels)]
    )


def test_score_and_rank_apply_the_bonus_reading_r44(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R44, Appendix B 加分项 "获得国家级质量荣誉 3 … 总计不超5分": two national honours give
    3 + 3 = 6, capped to 5, when every honour counts (--bonus per-honor, the default), and
    3 when each level counts once (--bonus per-level)."""
    national, municipal = HonorLevel.NATIONAL.points, HonorLevel.MUNICIPAL.points
    two_national = _honoured("甲镇", HonorLevel.NATIONAL, HonorLevel.NATIONAL)
    path = tmp_path / "a.json"
    path.write_text(to_json(two_national), "utf-8")
    per_honor = min(2 * national, BONUS_CAP)
    for argv in ([], ["--bonus", "per-honor"]):
        status, out, _ = _run(["score", str(path), "--format", "json", *argv], capsys)
        assert status == 0
        assert Decimal(json.loads(out)["total"]) == 100 + per_honor
    status, out, _ = _run(["score", str(path), "--format", "json", "--bonus", "per-level"], capsys)
    assert status == 0
    card = json.loads(out)
    assert Decimal(card["total"]) == 100 + national
    assert card["policy"]["bonus"] == "per-level"
    # rank, given Assessments: a national and a municipal honour give 3 + 2 = 5 under both
    # readings, so the two units tie under per-honor and 乙镇 leads under per-level.
    both = _honoured("乙镇", HonorLevel.NATIONAL, HonorLevel.MUNICIPAL)
    assert min(national + municipal, BONUS_CAP) == per_honor
    units = tmp_path / "u.json"
    units.write_text(f"[{to_json(two_national)}, {to_json(both)}]", "utf-8")
    status, out, _ = _run(["rank", str(units), "--format", "json"], capsys)
    assert status == 0
    assert {e["unit"]: e["rank"] for e in json.loads(out)["entries"]} == {"甲镇": 1, "乙镇": 1}
    status, out, _ = _run(["rank", str(units), "--format", "json", "--bonus", "per-level"], capsys)
    assert status == 0
    assert [(e["unit"], e["rank"]) for e in json.loads(out)["entries"]] == [
        ("乙镇", 1),
        ("甲镇", 2),
    ]
    status, _, err = _run(["score", str(path), "--bonus", "per-unit"], capsys)
    assert status == 2 and "invalid choice: 'per-unit'" in err


@pytest.mark.parametrize("command", ["score", "rank"])
def test_the_bonus_option_names_its_reading(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run([command, "--help"], capsys)
    assert status == 0
    out = " ".join(out.split())
    assert "--bonus {per-honor,per-level}" in out
    assert "(加分项, R44)" in out


def test_rank_readings_r1_strict_and_r2_backfill(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """R2 backfill: 顾村镇 (incident) loses 优秀; the 4th unit moves up.  R1 strict: a tie
    across the 3rd place is an error unless --tie-break orders it."""
    path = tmp_path / "u.json"
    path.write_text(
        json.dumps(
            [
                {"unit": "顾村镇", "total": "97", "major_incident": True},
                {"unit": "罗店镇", "total": "96"},
                {"unit": "大场镇", "total": "95"},
                {"unit": "杨行镇", "total": "94"},
            ]
        ),
        "utf-8",
    )
    status, out, _ = _run(["rank", str(path), "--vacancy", "backfill", "--format", "json"], capsys)
    assert status == 0
    assert [e["unit"] for e in json.loads(out)["entries"] if e["excellent"]] == [
        "罗店镇",
        "大场镇",
        "杨行镇",
    ]
    path.write_text(
        '[{"unit": "a", "total": "90"}, {"unit": "b", "total": "90"}, {"unit": "c", "total": "90"},'
        ' {"unit": "d", "total": "90"}]',
        "utf-8",
    )
    status, _, err = _run(["rank", str(path), "--ties", "strict"], capsys)
    assert status == 2 and "Traceback" not in err
    status, out, _ = _run(
        ["rank", str(path), "--ties", "strict", "--tie-break", "d,c,b,a", "--format", "json"],
        capsys,
    )
    assert status == 0
    assert [e["unit"] for e in json.loads(out)["entries"] if e["excellent"]] == ["d", "c", "b"]


def test_eligibility_of_the_example_applicants(capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 16 para 1: a gold award on 2022-12-20 bars the same class until 2025-12-20
    (R7), so an application on 2025-05-10 fails and one on 2025-12-21 passes it."""
    path = str(EXAMPLES / "organisation.json")
    status, out, _ = _run(["eligibility", path, "--on", "2025-05-10", "--format", "json"], capsys)
    assert status == 0
    verdict = json.loads(out)
    assert verdict["verdict"] == "ineligible"
    assert [c["key"] for c in verdict["conditions"] if c["status"] == "failed"] == ["art16.para1"]
    status, out, _ = _run(["eligibility", path, "--on", "2025-12-21", "--format", "json"], capsys)
    assert status == 0 and json.loads(out)["verdict"] == "eligible"
    status, out, _ = _run(["eligibility", str(EXAMPLES / "individual.json"), "--on", "2025-05-10"],
                          capsys)  # fmt: skip
    assert status == 0 and "待定" in out.splitlines()[0]  # undetermined, in the display language


def test_notice_end_both_r11_readings(capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 18(7), ≥ 5 working days from Fri 2025-09-26: 26, 28 (make-up), 29, 30 Sep, then
    the National Day holiday to 8 Oct: the 5th working day is 9 Oct (first day counts), 10
    Oct counting from the next day."""
    assert _run(["notice-end", "2025-09-26"], capsys)[:2] == (0, "2025-10-09\n")
    status, out, _ = _run(["notice-end", "2025-09-26", "--counting", "from-next-day"], capsys)
    assert (status, out) == (0, "2025-10-10\n")


def test_schema_prints_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["schema", "unit-scores"], capsys)
    assert status == 0 and json.loads(out)["items"] == {"$ref": "#/$defs/UnitScore"}


@pytest.mark.parametrize(
    ("argv", "content", "message"),
    [
        (["eligibility", "{f}", "--on", "2025-5-1"], "{}", "expected a date as YYYY-MM-DD"),
        (["eligibility", "{f}"], "{}", "--on"),
        (["eligibility", "{f}", "--on", "2025-05-10"], "[]", '"organisation" or "individual"'),
        (
            ["eligibility", "{f}", "--on", "2025-05-10"],
            '{"organisation": {"name": "x"}, "individual": {"name": "y"}}',
            "exactly one",
        ),
        (
            ["eligibility", "{f}", "--on", "2025-05-10"],
            '{"individual": {"name": "y"}, "class": "gold"}',
            "unknown key 'class'",
        ),
        (
            ["eligibility", "{f}", "--on", "2025-05-10"],
            '{"individual": {"name": "y", "age": 3}}',
            "age",
        ),
        (
            ["eligibility", "{f}", "--on", "2030-05-10"],
            '{"individual": {"name": "y"}}',
            "--allow-outside-validity",
        ),
        (["rank", "{f}"], '{"unit": "a"}', "expected a JSON array"),
        (["rank", "{f}"], '[{"unit": "a", "unit": "b", "total": "1"}]', "duplicate key"),
        (["rank", "{f}"], '[{"unit": "a", "total": NaN}]', "NaN"),
        (["rank", "{f}"], '[{"unit": "a", "total": "106"}]', "106"),
        (["score", "{f}"], '{"unit": "a", "year": 2024, "scores": {"9.9.9": "1"}}', "9.9.9"),
        (["score", "{f}"], "\ufeff{", "JSON"),
        (["notice-end", "tomorrow"], None, "expected a date"),
        (["schema", "nothing"], None, "invalid choice"),
        (["frobnicate"], None, "invalid choice"),
        ([], None, "required"),
    ],
)
def test_bad_input_is_one_message_and_status_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    content: str | None,
    message: str,
) -> None:
    path = tmp_path / "in.json"
    if content is not None:
        path.write_text(content, "utf-8")
    status, _, err = _run([a.replace("{f}", str(path)) for a in argv], capsys)
    assert status == 2
    assert "error: " in err and message in err and "Traceback" not in err


def test_a_file_that_is_not_utf8_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes('[{"unit": "罗店镇", "total": "90"}]'.encode("gbk"))
    status, _, err = _run(["rank", str(path)], capsys)
    assert status == 2 and "not UTF-8" in err


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(["score", "rank", "eligibility"]),
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["unit", "total", "scores", "individual", "name", "year", "x"]),
                inner,
                max_size=3,
            )
        ),
        max_leaves=8,
    ),
)
def test_any_json_file_gives_status_0_or_2_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, data: object
) -> None:
    path = tmp_path / "any.json"
    path.write_text(json.dumps(data), "utf-8")
    argv = [command, str(path)] + (["--on", "2025-05-10"] if command == "eligibility" else [])
    status, _, err = _run(argv, capsys)
    assert status in (0, 2)
    assert "Traceback" not in err and "internal error" not in err
