"""The command line: demo, score, rank; library errors as messages, never tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baoshan_quality import RUBRIC, Assessment, to_json
from baoshan_quality.cli import main


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
        ('[{"unit": "a", "total": 90}]', "$[0].total"),
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
