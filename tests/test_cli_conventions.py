"""The command line's conventions (issue 16, item 5) and its hardening (issue 15, items 3, 6).

* ``--version``; ``-`` reads standard input; ``--format csv`` (UTF-8 with a BOM, one row
  per record of the result) with ``--lang``; the top-level help lists every option;
* JSON numbers read exactly;
* every bad input is exit 2 with one line naming the field by its JSON path, or the
  option of *that* subcommand that helps — never Python advice; a bug stays exit 1;
* dates strictly ``YYYY-MM-DD`` on every Python;
* input limits (``--max-bytes``, ``--max-units``) enforced before the input is parsed.
"""

from __future__ import annotations

import csv
import importlib.metadata
import io
import json
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import baoshan_quality
import baoshan_quality.cli as cli
from baoshan_quality import RUBRIC, Assessment, UnitScore, rank_units
from baoshan_quality._display import Column, Table, Tabular, Text
from baoshan_quality.cli import MAX_BYTES, MAX_UNITS, main
from baoshan_quality.serialization import structure

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"
UNITS = EXAMPLES / "units.json"
COMMANDS = ("demo", "score", "rank", "eligibility", "notice-end", "schema")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _options(command: str, capsys: pytest.CaptureFixture[str]) -> set[str]:
    """The long options a subcommand's own parser accepts (from its --help)."""
    status, out, _ = _run([command, "--help"], capsys)
    assert status == 0
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", out))


# --- --version, --help ---------------------------------------------------------------


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["--version"], capsys)
    assert status == 0
    assert out == f"baoshan-quality {baoshan_quality.__version__}\n"
    assert baoshan_quality.__version__ == importlib.metadata.version("baoshan-quality")


def test_top_level_help_lists_each_subcommand_with_its_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 16: the top-level --help showed the subcommands' names only."""
    status, out, _ = _run(["--help"], capsys)
    assert status == 0
    assert "--version" in out
    for command in COMMANDS:
        line = f"baoshan-quality {command} "
        assert line in out, command
        section = out[out.index(line) :].split("\n  baoshan-quality ", 1)[0]
        for option in _options(command, capsys) - {"--help"}:
            assert option in section, (command, option)


# --- standard input ------------------------------------------------------------------


def test_dash_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cat units.json | baoshan-quality rank -` prints what `rank units.json` prints."""
    from_file = _run(["rank", str(UNITS)], capsys)
    _stdin(monkeypatch, UNITS.read_bytes())
    assert _run(["rank", "-"], capsys) == from_file
    _stdin(monkeypatch, (EXAMPLES / "organisation.json").read_bytes())
    status, out, _ = _run(["eligibility", "-", "--on", "2025-05-10", "--format", "json"], capsys)
    assert status == 0 and json.loads(out)["verdict"] == "ineligible"


def test_standard_input_beyond_the_limit_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"[" + b" " * 200 + b"]")
    status, _, err = _run(["rank", "-", "--max-bytes", "100"], capsys)
    assert status == 2
    assert err.startswith("error: <stdin>: more than 100 bytes") and "--max-bytes" in err


# --- CSV and the language of its text -------------------------------------------------


def _csv_rows(out: str) -> list[list[str]]:
    assert out.startswith("\ufeff"), "UTF-8 with a byte order mark, for Excel"
    return list(csv.reader(io.StringIO(out.removeprefix("\ufeff"), newline="")))


def _records_of(result: Any, lang: str) -> list[dict[str, Any]]:
    """The result's records in ``lang`` (results print through _display.Tabular)."""
    if isinstance(result, Tabular):
        return result.to_records(lang=lang)  # type: ignore[arg-type]
    records: list[dict[str, Any]] = result.to_records()
    return records


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_csv_is_one_row_per_record_of_the_ranking(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """Guide §8 ranking of docs/examples/units.json: one row per unit, keyed as
    Ranking.to_records(), text cells in the chosen language."""
    status, out, _ = _run(["rank", str(UNITS), "--format", "csv", "--lang", lang], capsys)
    assert status == 0
    header, *rows = _csv_rows(out)
    ranking = rank_units(structure(json.loads(UNITS.read_text("utf-8")), list[UnitScore]))
    expected = _records_of(ranking, lang)
    assert header == list(expected[0])
    assert len(rows) == len(expected) == 7
    for row, record in zip(rows, expected, strict=True):
        assert row[header.index("unit")] == record["unit"]
        assert row[header.index("rank")] == str(record["rank"])
        assert Decimal(row[header.index("total")]) == record["total"]
        assert row[header.index("excellent")] == ("true" if record["excellent"] else "false")
        for key, value in record.items():
            if isinstance(value, str):
                assert row[header.index(key)] == value, key


def test_csv_and_table_take_the_language_of_a_tabular_result(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang reaches to_text(lang) and to_records(lang=...) of a _display.Tabular."""

    class Shown(Tabular):
        def _table(self) -> Table:
            return Table(
                columns=(Column("unit", "单位", "unit"), Column("why", "理由", "why")),
                rows=(("罗店镇", Text("排名第 1 位", "ranked 1st")),),
            )

    monkeypatch.setattr(cli, "rank_units", lambda *a, **k: Shown())
    for lang, why in (
        ("zh", "排名第 1 位"),
        ("en", "ranked 1st"),
        ("both", "排名第 1 位 / ranked 1st"),
    ):
        status, out, _ = _run(["rank", str(UNITS), "--format", "csv", "--lang", lang], capsys)
        assert status == 0 and _csv_rows(out) == [["unit", "why"], ["罗店镇", why]]
        status, out, _ = _run(["rank", str(UNITS), "--lang", lang], capsys)
        assert status == 0 and why in out


def test_csv_cells_excel_would_run_as_formulas_are_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CSV injection: a name starting with = + - @ is written as text ('=...)."""
    path = tmp_path / "u.json"
    path.write_text('[{"unit": "=HYPERLINK(1)", "total": "90"}]', "utf-8")
    status, out, _ = _run(["rank", str(path), "--format", "csv"], capsys)
    assert status == 0
    header, row = _csv_rows(out)
    assert row[header.index("unit")] == "'=HYPERLINK(1)"


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        ["score", str(EXAMPLES / "assessments.json")],
        ["eligibility", str(EXAMPLES / "individual.json"), "--on", "2025-05-10"],
        ["notice-end", "2025-09-26"],
    ],
)
def test_every_result_has_a_csv_form(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run([*argv, "--format", "csv"], capsys)
    assert status == 0
    header, *rows = _csv_rows(out)
    assert header and rows and all(len(row) == len(header) for row in rows)


def test_notice_end_csv_is_its_json_as_one_row(capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 18(7) from 2025-09-26: close 2025-10-09 (the same figure as the JSON form)."""
    status, out, _ = _run(["notice-end", "2025-09-26", "--format", "csv"], capsys)
    assert status == 0
    assert _csv_rows(out) == [
        ["start", "earliest_close", "working_days", "counting"],
        ["2025-09-26", "2025-10-09", "5", "first-day-counts"],
    ]


def test_schema_has_no_csv_form(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(["schema", "ranking", "--format", "csv"], capsys)
    assert status == 2 and "invalid choice" in err


# --- JSON numbers are decimal text, read exactly ---------------------------------------


def test_json_numbers_are_read_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 16: {"total": 92.5} (a pandas export) was refused; 0.1 must stay 0.1, not
    the binary float 0.1000000000000000055511151231257827."""
    path = tmp_path / "u.json"
    path.write_text('[{"unit": "a", "total": 92.5}, {"unit": "b", "total": 0.1}]', "utf-8")
    status, out, _ = _run(["rank", str(path), "--format", "json"], capsys)
    assert status == 0
    totals = {e["unit"]: e["total"] for e in json.loads(out)["entries"]}
    assert totals == {"a": "92.5", "b": "0.1"}


def test_a_json_number_is_passed_on_as_the_converter_reads_it() -> None:
    number = cli._json_number()("92.50")
    assert structure(number, Decimal) == Decimal("92.50")
    assert str(structure(number, Decimal)) == "92.50"  # the digits as written


def test_a_fraction_for_a_whole_number_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"unit": "甲镇", "year": 2024.0, "scores": {}}', "utf-8")
    status, _, err = _run(["score", str(path)], capsys)
    assert status == 2 and "$.year" in err


# --- bad input: one line, exit 2, the field by its JSON path ---------------------------


def _organisation(**changes: Any) -> str:
    data = json.loads((EXAMPLES / "organisation.json").read_text("utf-8"))
    data["organisation"].update(changes)
    return json.dumps(data, ensure_ascii=False)


def _assessments(*scores: dict[str, Any]) -> str:
    return json.dumps(
        [{"unit": f"单位{i}", "year": 2024, "scores": s} for i, s in enumerate(scores)]
    )


FULL = {c.code: str(c.points) for c in RUBRIC.criteria}


@pytest.mark.parametrize(
    ("argv", "content", "path"),
    [
        (["rank"], '[{"unit": "a", "total": "90"}, {"unit": " ", "total": "1"}]', "$[1].unit"),
        (["rank"], '[{"unit": "a", "total": "90"}, {"unit": "a", "total": "1"}]', "$[1].unit"),
        (["rank"], '[{"unit": "a", "total": "90"}, {"unit": "b", "total": "106"}]', "$[1].total"),
        (["rank"], '[{"unit": "a", "total": "90", "x": 1}]', "$[0]"),
        (["rank"], '[{"unit": "a"}]', "$[0].total"),
        (["score"], _assessments(FULL, dict(FULL, **{"2.1.1": "7"})), "$[1].scores['2.1.1']"),
        (
            ["score"],
            _assessments(FULL, {k: v for k, v in FULL.items() if k != "1.1.1"}),
            "$[1].scores",
        ),
        (["rank"], _assessments({k: v for k, v in FULL.items() if k != "1.1.1"}), "$[0].scores"),
        (
            ["eligibility", "--on", "2025-05-10"],
            _organisation(
                district_awards=[
                    {"award_class": "gold", "track": "model", "awarded_on": "2022-13-20"}
                ]
            ),
            "$.organisation.district_awards[0].awarded_on",
        ),
        (
            ["eligibility", "--on", "2025-05-10"],
            _organisation(registered_on=3),
            "$.organisation.registered_on",
        ),
        (
            ["eligibility", "--on", "2025-05-10"],
            _organisation(registered_on="9999-12-31"),
            "$.organisation.registered_on",
        ),
        (
            ["eligibility", "--on", "2025-05-10"],
            '{"individual": {"name": "张三"}, "applying_for": "silver"}',
            "$.applying_for",
        ),
        (
            ["eligibility", "--on", "2025-05-10"],
            '{"individual": {"name": "y"}, "class": 1}',
            "$.class",
        ),
    ],
)
def test_a_bad_field_is_named_by_its_json_path(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    content: str,
    path: str,
) -> None:
    """Issue 15: a nested date error said "date: a period of 3 years…" without naming
    registered_on; every bad field is now named by its JSON path in the file."""
    file = tmp_path / "in.json"
    file.write_text(content, "utf-8")
    status, out, err = _run([argv[0], str(file), *argv[1:]], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"error: {file}: ") and err.count("\n") == 1
    assert path in err, err
    assert "Traceback" not in err and "cannot read" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'[{"unit": "\\ud800", "total": "1"}]', "$[0].unit: a lone surrogate \\ud800"),
        (b'[{"unit": "a\\udc00b", "total": "1"}]', "$[0].unit: a lone surrogate \\udc00"),
        (b'[{"unit": "a", "\\ud83d": "1"}]', "$[0]['\\ud83d'] (key)"),
        ('[{"unit": "罗店镇", "total": "1"}]'.encode("gbk"), "not UTF-8 text: byte 0xc2"),
        (b'[{"unit": "\xed\xa0\x80", "total": "1"}]', "not UTF-8 text: byte 0xed"),
        (b"[" + b"9" * 5000 + b"]", "more than 4,300 digits"),
        (b"[" * 100_000, "nested too deeply"),
    ],
)
def test_undecodable_input_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    """Issue 15: a lone surrogate in a name gave exit 1 "internal error"."""
    file = tmp_path / "in.json"
    file.write_bytes(content)
    status, _, err = _run(["rank", str(file)], capsys)
    assert status == 2 and message in err and err.count("\n") == 1, err


def test_a_surrogate_pair_and_a_byte_order_mark_are_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "in.json"
    file.write_bytes('\ufeff[{"unit": "甲\\ud83d\\ude00", "total": "1"}]'.encode())
    status, out, _ = _run(["rank", str(file), "--format", "json"], capsys)
    assert status == 0 and json.loads(out)["entries"][0]["unit"] == "甲\U0001f600"


def test_unprintable_characters_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: a NUL in a name was printed raw.  Whether the library refuses such a
    name (exit 2) or ranks it, the terminal sees escapes, never the characters."""
    file = tmp_path / "in.json"
    file.write_text(json.dumps([{"unit": "甲\u0000\u202e\n乙", "total": "1"}] * 2), "utf-8")
    for form in ("table", "csv"):
        status, out, err = _run(["rank", str(file), "--format", form], capsys)
        assert status in (0, 2)
        for raw in ("\u0000", "\u202e"):
            assert raw not in out and raw not in err
        assert err.count("\n") == (1 if status else 0)
        assert "\\x00" in out + err


def test_error_lines_are_bounded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15: 100,000 nulls gave a 5.9 MB one-line message."""
    file = tmp_path / "in.json"
    file.write_text(json.dumps([None] * 5000), "utf-8")
    status, _, err = _run(["rank", str(file)], capsys)
    assert status == 2 and err.count("\n") == 1
    assert len(err) < 2100 and "more problems" in err


def test_a_bug_in_the_library_stays_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "rank_units", broken)
    status, out, err = _run(["rank", str(UNITS)], capsys)
    assert (status, out) == (1, "")
    assert err == "error: internal error (ZeroDivisionError: division by zero); please report it\n"


# --- dates: strictly YYYY-MM-DD --------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["20250510", "2025-W19-6", "2025-5-10", "2025-05-10T00:00", "２０２５-05-10",
             "2025-02-30", " 2025-05-10", ""],
)  # fmt: skip
def test_dates_are_strictly_yyyy_mm_dd_on_every_python(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: Python 3.11's fromisoformat took 20250510 and 2025-W19-6, 3.10 did not."""
    status, _, err = _run(["eligibility", str(UNITS), "--on", text], capsys)
    assert status == 2 and "argument --on: expected a date as YYYY-MM-DD" in err
    status, _, err = _run(["notice-end", text], capsys)
    assert status == 2 and "argument DATE: expected a date as YYYY-MM-DD" in err


# --- hints: the option of this subcommand ----------------------------------------------

PYTHON_ADVICE = re.compile(r"Policy\(|=True|\w+=\w+\.|pass a calendar|PublishedYear|datetime\.")

FUTURE_AWARD = json.dumps(
    {
        "organisation": {
            "name": "甲公司",
            "district_awards": [
                {"award_class": "gold", "track": "model", "awarded_on": "2023-12-15"},
                {"award_class": "gold", "track": "model", "awarded_on": "9999-12-31"},
            ],
        }
    }
)

HINTS: list[tuple[list[str], str | None, str | None]] = [
    # Guide §8.2, R1: 大场镇 and 杨行镇 tie at 95 across the 3rd 优秀 place
    (["rank", str(UNITS), "--ties", "strict"], None, "--tie-break 大场镇,杨行镇"),
    (["rank", str(UNITS), "--tie-break", "杨行镇"], None, "--ties strict"),
    (["rank", str(UNITS), "--ties", "strict", "--tie-break", "杨行镇,某镇"], None, "--tie-break"),
    (["rank", str(UNITS), "--ties", "strict", "--tie-break", "杨行镇,杨行镇"], None, "--tie-break"),
    # Guide Appendix B, R19: a criterion without a score
    (
        ["score", "{f}"],
        _assessments({k: v for k, v in FULL.items() if k != "1.1.1"}),
        "--missing zero",
    ),
    (
        ["rank", "{f}"],
        _assessments({k: v for k, v in FULL.items() if k != "1.1.1"}),
        "--missing zero",
    ),
    # Measures Art. 28: outside the validity (2023-04-27..2028-07-31)
    (
        ["eligibility", str(EXAMPLES / "individual.json"), "--on", "2030-05-10"],
        None,
        "--allow-outside-validity",
    ),
    (["notice-end", "2030-05-10"], None, "--allow-outside-validity"),
    (["notice-end", "2022-05-10"], None, "--allow-outside-validity"),
    # R12: no published holiday notice for 2027: the year is added from a file
    (["notice-end", "2026-12-28"], None, "--published-year FILE"),
    # the limits
    (["rank", str(UNITS), "--max-bytes", "10"], None, "--max-bytes 318"),
    (["score", str(EXAMPLES / "assessment.json"), "--max-bytes", "10"], None, "--max-bytes"),
    (
        [
            "eligibility",
            str(EXAMPLES / "individual.json"),
            "--on",
            "2025-05-10",
            "--max-bytes",
            "10",
        ],
        None,
        "--max-bytes",
    ),
    (["rank", str(UNITS), "--max-units", "3"], None, "--max-units"),
    (["score", str(EXAMPLES / "assessments.json"), "--max-units", "3"], None, "--max-units"),
    (["eligibility", str(UNITS), "--on", "2025-5-10"], None, "--on"),
    # Issue 15 item 5: an award after the application day names the day as --on gave it
    (["eligibility", "{f}", "--on", "2025-05-10"], FUTURE_AWARD, "(--on 2025-05-10)"),
]


@pytest.mark.parametrize(("argv", "content", "flag"), HINTS)
def test_each_hint_names_an_option_of_its_own_subcommand(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    content: str | None,
    flag: str | None,
) -> None:
    """Issue 15: errors advised Python (pass TieringPolicy(...tie_break=...)) and
    notice-end suggested --allow-outside-validity, which it did not accept."""
    file = tmp_path / "in.json"
    if content is not None:
        file.write_text(content, "utf-8")
    status, _, err = _run([a.replace("{f}", str(file)) for a in argv], capsys)
    assert status == 2 and err.startswith("error: ") and err.count("\n") == 1, err
    if flag is not None:
        assert flag in err, err
    accepted = _options(argv[0], capsys)
    assert set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", err)) <= accepted, err
    assert not PYTHON_ADVICE.search(err), err


def test_an_award_after_the_application_day_is_named_by_its_json_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15 item 5 ("a prior award dated 9999-12-31 on a 2025 application counts as
    Art. 16 met"): exit 2, naming the JSON path, the value and the day given by --on."""
    file = tmp_path / "in.json"
    file.write_text(FUTURE_AWARD, "utf-8")
    status, _, err = _run(["eligibility", str(file), "--on", "2025-05-10"], capsys)
    assert status == 2
    assert err == (
        f"error: {file}: $.organisation.district_awards[1].awarded_on: dated after the day "
        "asked about (--on 2025-05-10); a fact the check reads must have happened by that "
        "day, got 9999-12-31 (Measures Art. 16 para 1)\n"
    )


@pytest.mark.parametrize(
    ("command", "advice", "option"),
    [
        ("score", "pass ScoringPolicy(bonus=BonusPolicy.PER_LEVEL)", "pass --bonus per-level"),
        ("rank", "pass ScoringPolicy(bonus=BonusPolicy.PER_HONOR)", "pass --bonus per-honor"),
        ("rank", "pass ScoringPolicy(floor=FloorPolicy.ZERO)", "pass --floor zero"),
        ("score", "pass ScoringPolicy(incidents=IncidentPolicy.PER_INCIDENT)",
         "pass --incidents per-incident"),
    ],
)  # fmt: skip
def test_advice_to_pass_a_scoring_reading_names_the_option(
    command: str, advice: str, option: str
) -> None:
    """R44 (and R4, R5): the library advises Python callers ``ScoringPolicy(bonus=...)``;
    the command line names ``--bonus`` instead, on the subcommands that score."""
    assert cli._flag_advice(f"x: two readings; {advice} (R44)", command) == (
        f"x: two readings; {option} (R44)"
    )
    assert cli._flag_advice(advice, "eligibility") == advice  # no such option there


def test_the_allow_outside_validity_option_of_notice_end_works(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Art. 28: the Measures apply from 2023-04-27; 2022's calendar is published, so a
    notice from Mon 2022-09-26 closes on its 5th working day, Fri 2022-09-30."""
    status, out, _ = _run(["notice-end", "2022-09-26", "--allow-outside-validity"], capsys)
    assert (status, out) == (0, "2022-09-30\n")


# --- input limits ----------------------------------------------------------------------


def test_the_default_limits_are_documented_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert (MAX_BYTES, MAX_UNITS) == (20_000_000, 10_000)
    status, out, _ = _run(["rank", "--help"], capsys)
    assert status == 0 and "20,000,000" in out and "10,000" in out


def test_a_file_beyond_max_bytes_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "big.json"
    file.write_bytes(b"[" + b" " * 1000 + b"]")

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", never)
    status, _, err = _run(["rank", str(file), "--max-bytes", "1000"], capsys)
    assert status == 2
    assert err == (
        f"error: {file}: 1,002 bytes, more than the limit of 1,000 bytes; pass "
        "--max-bytes 1002 (or more) to read it\n"
    )


def test_a_list_beyond_max_units_is_refused_before_the_rest_is_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The third item is never parsed: the garbage after it is not reported."""
    file = tmp_path / "u.json"
    file.write_text('[{"unit": "a", "total": "1"}, {"unit": "b", "total": "2"}, ???', "utf-8")
    status, _, err = _run(["rank", str(file), "--max-units", "2"], capsys)
    assert status == 2
    assert err == (
        f"error: {file}: $: more than 2 units, the limit; pass --max-units N with a larger N "
        "to read them\n"
    )
    status, _, err = _run(["rank", str(file), "--max-units", "3"], capsys)
    assert status == 2 and "not valid JSON" in err


@pytest.mark.parametrize(
    "text",
    ["[]", " [ ] ", "[1,]", '[{"unit": "a", "total": "1"}] x', '[{"unit": "a", "total": "1"} 2]',
     "[", '[{"unit": "a", "total": "1"},\n {"unit": "b", "total": "2"}\n]\n'],
)  # fmt: skip
def test_reading_a_list_item_by_item_reads_json_as_json_does(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The counting reader accepts and refuses exactly what json.loads does."""
    file = tmp_path / "u.json"
    file.write_text(text, "utf-8")
    try:
        json.loads(text)
        valid = True
    except ValueError:
        valid = False
    status, _, err = _run(["rank", str(file), "--max-units", "5"], capsys)
    assert ("not valid JSON" not in err) is valid, err
    assert status in (0, 2)


def test_within_the_limits_a_full_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = [{"unit": f"单位{i}", "total": f"{i % 100}.5"} for i in range(30)]
    file = tmp_path / "u.json"
    file.write_text(json.dumps(units, ensure_ascii=False), "utf-8")
    size = file.stat().st_size
    argv = ["rank", str(file), "--max-units", "30", "--max-bytes", str(size), "--format", "json"]
    status, out, _ = _run(argv, capsys)
    assert status == 0 and len(json.loads(out)["entries"]) == 30


def test_scoring_an_object_is_not_a_list_of_units(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        ["score", str(EXAMPLES / "assessment.json"), "--max-units", "1", "--format", "json"],
        capsys,
    )
    assert status == 0 and json.loads(out)["unit"] == "罗店镇"


def test_example_assessments_rank_like_their_scores(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/examples/assessments.json: ranked in the order of the totals score() gives."""
    data = json.loads((EXAMPLES / "assessments.json").read_text("utf-8"))
    totals = {a.unit: baoshan_quality.score(a).total for a in structure(data, list[Assessment])}
    status, out, _ = _run(["rank", str(EXAMPLES / "assessments.json"), "--format", "json"], capsys)
    assert status == 0
    entries = json.loads(out)["entries"]
    assert [e["unit"] for e in entries] == sorted(totals, key=lambda u: -totals[u])
    assert {e["unit"]: Decimal(e["total"]) for e in entries} == totals


def test_the_unprintable_characters_are_those_of_the_unicode_database() -> None:
    """Every control (but tab and newline), format character and line or paragraph
    separator the running Python knows is escaped; CJK text and punctuation are not."""
    wanted = {
        c
        for c in range(0x110000)
        if unicodedata.category(chr(c)) in {"Cc", "Cf", "Zl", "Zp"} and chr(c) not in "\t\n"
    }
    matched = {c for c in range(0x110000) if cli._UNPRINTABLE.fullmatch(chr(c))}
    surrogates = set(range(0xD800, 0xE000))
    assert wanted <= matched
    extra = matched - wanted - surrogates
    assert all(unicodedata.category(chr(c)) == "Cn" for c in extra)  # unassigned only
    assert cli._printable("罗店镇“优秀”，A 档。\t1\n2") == "罗店镇“优秀”，A 档。\t1\n2"
    assert cli._printable("a\x00b\u200bc\u202ed\ud800") == "a\\x00b\\u200bc\\u202ed\\ud800"
