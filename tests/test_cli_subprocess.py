"""The command line as a process: any stdout encoding, a pipe on standard input.

Issue 15: with a non-UTF-8 stdout (``PYTHONIOENCODING=cp1252``, ``LC_ALL=C``) every
command ended in "internal error".  What the terminal's encoding cannot show is now
escaped (``\\u7f57``); JSON stays valid JSON (``\\u`` escapes); CSV is written as
UTF-8 bytes with a BOM whatever the terminal's encoding, since it is a file for Excel.
"""

from __future__ import annotations

import json
import os
import subprocess  # nosec B404 - the tests run the package's own command line
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNITS = ROOT / "docs" / "examples" / "units.json"


def _cli(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    environment.pop("LANG", None)
    environment.pop("PYTHONUTF8", None)
    environment.update(env or {})
    return subprocess.run(  # nosec B603 - our own interpreter and arguments
        [sys.executable, "-m", "baoshan_quality", *args],
        input=stdin,
        capture_output=True,
        env=environment,
        check=False,
        timeout=60,
    )


ENCODINGS = [
    {"PYTHONIOENCODING": "cp1252"},
    {"PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
]


@pytest.mark.parametrize("env", ENCODINGS)
def test_a_table_on_a_non_utf8_stdout_is_escaped_not_an_error(env: dict[str, str]) -> None:
    done = _cli("rank", str(UNITS), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    out = done.stdout.decode("ascii", "replace")
    assert "internal error" not in out
    assert "\\u7f57\\u5e97\\u9547" in out or "罗店镇" in done.stdout.decode("utf-8", "replace")


@pytest.mark.parametrize("env", ENCODINGS)
def test_an_error_on_a_non_utf8_stderr_is_escaped_and_exit_2(env: dict[str, str]) -> None:
    """Guide §8.2, R1: the strict tie of 大场镇 and 杨行镇, reported in one line."""
    done = _cli("rank", str(UNITS), "--ties", "strict", env=env)
    assert done.returncode == 2
    err = done.stderr.decode("latin-1")
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "--tie-break" in err and "internal error" not in err


@pytest.mark.parametrize("env", ENCODINGS)
def test_json_on_a_non_utf8_stdout_is_still_json(env: dict[str, str]) -> None:
    done = _cli("rank", str(UNITS), "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    entries = json.loads(done.stdout.decode("ascii"))["entries"]
    assert entries[1]["unit"] == "罗店镇"


@pytest.mark.parametrize("env", [{}, *ENCODINGS])
def test_csv_is_utf8_with_a_bom_whatever_the_terminal(env: dict[str, str]) -> None:
    done = _cli("rank", str(UNITS), "--format", "csv", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    text = done.stdout.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("rank,unit,total")
    assert "罗店镇" in text and "\r\n" in text


def test_a_lone_surrogate_on_the_command_line_is_not_an_internal_error() -> None:
    """A name that is not text (bytes undecodable in the locale) ends as exit 2."""
    done = subprocess.run(  # nosec B603
        [sys.executable, "-m", "baoshan_quality", "rank", str(UNITS), "--ties", "strict",
         "--tie-break", "大场镇,\udcff"],
        capture_output=True,
        check=False,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert b"--tie-break" in done.stderr and b"internal error" not in done.stderr


def test_standard_input_through_a_pipe() -> None:
    """`cat docs/examples/units.json | baoshan-quality rank -`."""
    piped = _cli("rank", "-", stdin=UNITS.read_bytes())
    direct = _cli("rank", str(UNITS))
    assert piped.returncode == 0 and piped.stdout == direct.stdout


def test_version_from_the_process() -> None:
    done = _cli("--version")
    assert done.returncode == 0 and done.stdout.decode().startswith("baoshan-quality ")
