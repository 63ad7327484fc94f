"""The README's command-line examples run as written (issue 16, item 5).

Every ``baoshan-quality …`` line of the README's section "Your own units, from a file"
runs from the repository's root, exactly as a reader types it after the quick start:
exit 0 unless its comment says ``# exit N``; a ``$ `` line followed by output must print
that output.  ``.ci/run`` runs the same lines in a shell against the installed console
script; this test runs them in-process, so that ``python -m pytest`` catches drift.
"""

from __future__ import annotations

import io
import re
import shlex
import sys
from pathlib import Path

import pytest

from baoshan_quality.cli import main

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Your own units, from a file"


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert SECTION in text, f"README.md has no section {SECTION!r}"
    return text.split(SECTION, 1)[1].split("\n## ", 1)[0]


def readme_commands() -> list[tuple[str, str | None]]:
    """(command line, the output shown under it or None) for each example line."""
    commands: list[tuple[str, str | None]] = []
    for block in re.findall(r"```console\n(.*?)```", _section(), re.DOTALL):
        session = False  # after a `$ ` line, the lines are its output
        for line in block.splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], ""))
                session = True
            elif session:
                command, shown = commands[-1]
                commands[-1] = (command, f"{shown}{line}\n")
            elif line.strip():
                commands.append((line, None))
    return commands


def _expected_status(line: str) -> int:
    marked = re.search(r"\s#\s*exit (\d+)", line)
    return int(marked.group(1)) if marked else 0


def test_the_section_shows_every_example_file_and_a_visible_tie_break() -> None:
    section = _section()
    examples = sorted(p.name for p in (ROOT / "docs" / "examples").glob("*.json"))
    assert examples, "docs/examples/ is empty"
    for name in examples:
        assert f"/blob/main/docs/examples/{name})" in section, f"the README does not link {name}"
    lines = [c for c, _ in readme_commands()]
    for name in examples:
        assert any(f"docs/examples/{name}" in line for line in lines), name
    outputs = {c: out for c, out in readme_commands() if out}
    default = next(out for c, out in outputs.items() if "--ties" not in c)
    strict = next(out for c, out in outputs.items() if "--tie-break" in c)
    assert default != strict, "the tie-break example must print a different ranking"


@pytest.mark.parametrize("line", [c for c, _ in readme_commands()])
def test_readme_command_runs_as_written(
    line: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    words = shlex.split(line, comments=True)
    if "|" in words:  # `cat FILE | baoshan-quality …`: the file on standard input
        source, words = words[: words.index("|")], words[words.index("|") + 1 :]
        assert source[0] == "cat" and len(source) == 2, line
        data = (ROOT / source[1]).read_bytes()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    if ">" in words:  # `… > FILE`: the output is not kept
        words = words[: words.index(">")]
    assert words[0] == "baoshan-quality", line
    status = main(words[1:])
    out, err = capsys.readouterr()
    assert status == _expected_status(line), f"{line}\n{err}"
    shown = dict(readme_commands())[line]
    if shown is not None:
        printed = out if status == 0 else err
        assert [x.rstrip() for x in printed.splitlines()] == [
            x.rstrip() for x in shown.splitlines()
        ], f"the README shows another output for: {line}"
