"""``notice-end --published-year FILE``: a year added from its notice (issue 14, item 4; R12).

Measures Art. 18(7): at least 5 working days.  The packaged calendar ends on 2026-12-31;
a notice opening on Monday 2026-12-28 counts 12-28 .. 12-31 (4 working days) and needs
2027 for the 5th.  The 2027 file is the documentation's ILLUSTRATIVE example (no 2027
notice was found published); the 2028 year below is test data.  Weekdays by hand:
2027-01-01 is a Friday, 2027-12-29 a Wednesday, 2028-01-01 a Saturday.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from baoshan_quality.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "published-year-2027-illustrative.json"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _year_2028(tmp_path: Path) -> Path:
    path = tmp_path / "2028.json"
    path.write_text(
        '{"year": 2028, "notice": "test data, not a notice", "holidays": ["2028-01-01"]}',
        "utf-8",
    )
    return path


def test_without_the_year_the_error_names_the_flag_and_the_notice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(["notice-end", "2026-12-28"], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("error: day: no official holiday schedule is known for 2027")
    assert "pass --published-year FILE" in err
    assert "国务院办公厅关于2027年部分节假日安排的通知" in err
    assert "PublishedYear" not in err and "with_year" not in err  # no advice to Python


def test_a_notice_from_the_last_week_of_december_closes_in_2027(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """R11 default: 12-28, 12-29, 12-30, 12-31, then Mon 2027-01-04 (1-1 .. 1-3 off)."""
    status, out, _ = _run(["notice-end", "2026-12-28", "--published-year", str(EXAMPLE)], capsys)
    assert (status, out) == (0, "2027-01-04\n")
    argv = ["notice-end", "2026-12-28", "--published-year", str(EXAMPLE)]
    status, out, _ = _run([*argv, "--counting", "from-next-day", "--format", "json"], capsys)
    assert status == 0
    assert json.loads(out) == {
        "start": "2026-12-28",
        "earliest_close": "2027-01-05",
        "working_days": 5,
        "counting": "from-next-day",
    }


def test_the_flag_is_repeatable_for_a_count_over_two_added_years(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Wed 2027-12-29 (1), Thu 12-30 (2), Fri 12-31 (3); Sat 2028-01-01 off, Sun off;
    Mon 2028-01-03 (4), Tue 01-04 (5)."""
    argv = ["notice-end", "2027-12-29", "--published-year", str(EXAMPLE)]
    status, _, err = _run(argv, capsys)
    assert status == 2 and "for 2028" in err and "--published-year FILE" in err
    status, out, _ = _run([*argv, "--published-year", str(_year_2028(tmp_path))], capsys)
    assert (status, out) == (0, "2028-01-04\n")


def test_a_year_given_twice_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["notice-end", "2026-12-28"] + ["--published-year", str(EXAMPLE)] * 2
    status, out, err = _run(argv, capsys)
    assert (status, out) == (2, "")
    assert err == (
        f"error: --published-year: 2027 is given twice ({EXAMPLE} and {EXAMPLE}); pass each "
        "year once\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # 2027-01-08 is a Friday: a weekday is worked already
        (
            '{"year": 2027, "notice": "x", "workdays": ["2027-01-08"]}',
            "$.workdays: only a Saturday or Sunday can be a make-up workday",
        ),
        (
            '{"year": 2027, "notice": "x", "holidays": [["2027-01-01", "2027-01-03"]]}',
            '$.holidays[0]: expected an ISO date string such as "2024-05-10"',
        ),
        ('{"year": 2027, "notice": "x", "holiday": []}', "$: extra fields found (holiday)"),
        ("[]", "$: expected a JSON object for PublishedYear"),
        ("{", "not valid JSON"),
    ],
)
def test_a_bad_file_is_named_with_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "year.json"
    path.write_text(content, "utf-8")
    status, out, err = _run(["notice-end", "2026-12-28", "--published-year", str(path)], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"error: {path}: ") and message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_help_names_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["notice-end", "--help"], capsys)
    assert status == 0
    assert "--published-year FILE" in out and "repeatable" in out and "R12" in out


def _console_examples(page: Path) -> list[tuple[str, str]]:
    """(command, what it prints) for each ``$ `` line of the page's console blocks."""
    examples: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", page.read_text("utf-8"), re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], ""))
            elif examples:
                command, shown = examples[-1]
                examples[-1] = (command, shown + line + "\n")
    return examples


PAGES = [ROOT / "docs" / "calendar.md", ROOT / "docs" / "calendar.zh.md"]


@pytest.mark.parametrize(
    ("command", "shown"),
    [example for page in PAGES for example in _console_examples(page)],
)
def test_the_calendar_pages_command_lines_print_what_they_show(
    command: str,
    shown: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """docs/calendar.md and its Chinese page: each ``$ baoshan-quality …`` line, from the
    repository's root, prints what the page shows under it (an error on stderr, exit 2)."""
    monkeypatch.chdir(ROOT)
    words = shlex.split(command)
    assert words[0] == "baoshan-quality"
    status, out, err = _run(words[1:], capsys)
    assert (out + err) == shown
    assert status == (2 if shown.startswith("error: ") else 0)


def test_the_calendar_pages_show_command_lines() -> None:
    assert all(len(_console_examples(page)) >= 2 for page in PAGES)
