"""Peak memory of the command line at its input limits, as a multiple of the file size.

Generates input files at the limits of ``baoshan-quality`` (``--max-bytes``, default
20,000,000 bytes; ``--max-units``, default 10,000) and runs each command in a fresh
interpreter, reading that child's own peak resident set size (``os.wait4`` in a small
helper process; Linux and macOS).  Prints one Markdown table row per case: the file size, the peak, the peak
above the interpreter's baseline (the library imported, a one-unit file ranked), and
that excess divided by the file size.

Usage: ``python benchmarks/bench_cli_memory.py [--quick]`` (``--quick``: 1/10 sizes).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import machine

MAX_BYTES = 20_000_000
MAX_UNITS = 10_000
EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


#: Runs one command and prints its peak RSS.  A small process of its own: a child's
#: peak counts the pages it shares with its parent before ``exec``, and this script
#: holds the generated files' data.
_MEASURE = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)\n"
)


def _peak(argv: list[str]) -> tuple[int, int, float]:
    """(exit status, peak RSS in bytes, seconds) of ``python -m baoshan_quality argv``."""
    started = time.perf_counter()
    done = subprocess.run(  # nosec B603 - our own interpreter and arguments
        [sys.executable, "-c", _MEASURE, sys.executable, "-m", "baoshan_quality", *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - started
    status, peak = (int(word) for word in done.stdout.split())
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return status, peak * scale, elapsed


def _fill(path: Path, size: int, head: str, item: Callable[[int], str], tail: str) -> int:
    """Write ``head item(0), item(1), … tail`` up to ``size`` bytes; returns the count."""
    count, written = 0, len(head.encode()) + len(tail.encode())
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        while True:
            text = ("," if count else "") + item(count)
            length = len(text.encode())
            if written + length > size:
                break
            out.write(text)
            written += length
            count += 1
        out.write(tail)
    return count


def _unit(i: int) -> str:
    return json.dumps({"unit": f"单位{i:07d}", "total": f"{(i * 7919) % 10_500_000 / 100_000:.5f}"})


def main(quick: bool = False) -> None:
    size = MAX_BYTES // 10 if quick else MAX_BYTES
    units_limit = MAX_UNITS // 10 if quick else MAX_UNITS
    assessment = json.loads((EXAMPLES / "assessment.json").read_text(encoding="utf-8"))
    organisation = json.loads((EXAMPLES / "organisation.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        tiny = tmp / "one.json"
        tiny.write_text('[{"unit": "罗店镇", "total": "96.5"}]', encoding="utf-8")
        units_big = tmp / "units-bytes.json"
        n_big = _fill(units_big, size, "[", _unit, "]")
        units_many = tmp / "units-count.json"
        units_many.write_text(
            "[" + ",".join(_unit(i) for i in range(units_limit)) + "]", encoding="utf-8"
        )
        long_names = tmp / "units-long-names.json"
        width = size // units_limit - 60  # each unit's name fills its share of the bytes
        long_names.write_text(
            "["
            + ",".join(
                json.dumps({"unit": f"{i:07d}" + "单" * (width // 3), "total": f"{i % 100}.5"},
                           ensure_ascii=False)
                for i in range(units_limit)
            )
            + "]",
            encoding="utf-8",
        )  # fmt: skip
        assessments = tmp / "assessments-count.json"
        assessments.write_text(
            json.dumps([dict(assessment, unit=f"单位{i:05d}") for i in range(units_limit)]),
            encoding="utf-8",
        )
        org = tmp / "organisation-bytes.json"
        request = {"organisation": dict(organisation["organisation"], serious_penalties="@")}
        head, tail = json.dumps(request, ensure_ascii=False).split('"@"')
        n_dates = _fill(org, size, head + "[", lambda i: f'"{2000 + i % 20}-0{1 + i % 9}-1{i % 9}"',
                        "]" + tail)  # fmt: skip
        cases = [
            ("baseline: rank a one-unit file", ["rank", str(tiny)], tiny),
            (
                f"rank: {units_limit:,} units (the unit limit)",
                ["rank", str(units_many)],
                units_many,
            ),
            (
                f"rank: {units_limit:,} units with long names ({long_names.stat().st_size:,} bytes)",
                ["rank", str(long_names)],
                long_names,
            ),
            (
                f"rank: {units_limit:,} Assessments (the unit limit), scored and ranked",
                ["rank", str(assessments)],
                assessments,
            ),
            (
                f"rank: {n_big:,} units in {size:,} bytes, refused by --max-units",
                ["rank", str(units_big)],
                units_big,
            ),
            (
                f"rank: the same {n_big:,} units with --max-units raised",
                ["rank", str(units_big), "--max-units", str(n_big)],
                units_big,
            ),
            (
                f"eligibility: an organisation with {n_dates:,} penalty dates ({size:,} bytes)",
                ["eligibility", str(org), "--on", "2025-05-10"],
                org,
            ),
            (
                "rank: a file one byte over --max-bytes, refused before reading",
                ["rank", str(units_big), "--max-bytes", str(units_big.stat().st_size - 1)],
                units_big,
            ),
        ]
        print(f"Measured on {machine()}.\n")
        print("| case | file | exit | seconds | peak RSS | above baseline | ÷ file size |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        _peak(["rank", str(tiny)])  # bytecode written once, so no case pays for compiling
        baseline = 0
        for label, argv, path in cases:
            status, peak, seconds = _peak(argv)
            if not baseline:
                baseline = peak
            file_size = path.stat().st_size
            excess = max(peak - baseline, 0)
            print(
                f"| {label} | {file_size / 1e6:.2f} MB | {status} | {seconds:.1f} | "
                f"{peak / 1e6:.0f} MB | {excess / 1e6:.0f} MB | {excess / file_size:.1f}× |"
            )


if __name__ == "__main__":
    main(quick="--quick" in sys.argv[1:])
