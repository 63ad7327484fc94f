"""Mutation testing of one rules module at a time (mutmut 3), in a scratch copy.

Opt-in; not part of CI.  Usage (from the repository root, venv active)::

    python benchmarks/mutation.py guide/tiering            # one module, its own tests
    python benchmarks/mutation.py periods --tests tests/kernels/test_periods.py
    python benchmarks/mutation.py --list                    # the modules and their tests

The script copies ``src/``, ``tests/``, ``docs/examples/`` (read by some tests) and
``pyproject.toml`` to a temporary directory, narrows ``[tool.mutmut]`` to the one module and its test selection,
runs ``mutmut run --max-children N`` there (so the shared checkout never sees a
``mutants/`` tree), and prints the kill rate and the surviving mutants.  Pass
``--keep DIR`` to keep the copy (then ``cd DIR && mutmut show NAME`` shows a
survivor's diff).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess  # nosec B404 - a developer tool that runs mutmut, not library code
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: module (under src/baoshan_quality) -> its own tests (the bounded selection): the test
#: files that import the module or the names it defines (issue 13 moved code and tests:
#: ranking left guide/tiering, the ``*_mutants.py`` files were merged into the behaviour
#: files; issue 14 rebuilt the award package as schemes-as-data).  Rules modules only:
#: the display, serialization and validation kernels are not listed.
_AWARD_DATA = "tests/award/test_schemes_as_data.py"
MODULES: dict[str, list[str]] = {
    # the guide (rubric, scoring, tiering and ranking, Appendix C, what-if)
    "guide/rubric": ["tests/guide/test_rubric.py"],
    "guide/scoring": [
        "tests/guide/test_scoring.py",
        "tests/guide/test_tiering.py",
        "tests/guide/test_json.py",
    ],
    "guide/tiering": [
        "tests/guide/test_tiering.py",
        "tests/guide/test_whatif.py",
        "tests/guide/test_result_consistency.py",
        "tests/guide/test_robustness.py",
        "tests/guide/test_json.py",
    ],
    "guide/ranking": [
        "tests/guide/test_tiering.py",
        "tests/guide/test_whatif.py",
        "tests/guide/test_result_consistency.py",
        "tests/guide/test_robustness.py",  # its collect_units checks the Monte Carlo's units
        "tests/guide/test_json.py",
    ],
    "guide/whatif": ["tests/guide/test_whatif.py", "tests/guide/test_result_consistency.py"],
    "guide/robustness": ["tests/guide/test_robustness.py"],
    "guide/maturity": ["tests/guide/test_maturity.py"],
    "guide/measured": ["tests/guide/test_self_assessment.py"],
    "guide/self_assessment": [
        "tests/guide/test_self_assessment.py",
        "tests/guide/test_result_consistency.py",
    ],
    "guide/comparison": ["tests/guide/test_self_assessment.py"],
    "guide/evaluation": ["tests/guide/test_evaluation.py"],
    "guide/report": ["tests/guide/test_report.py"],
    # the calendar kernels
    "periods": ["tests/kernels/test_periods.py"],
    "workdays": ["tests/kernels/test_workdays.py", "tests/kernels/test_workdays_next_year.py"],
    # the award measures (schemes as data: every module also meets other editions)
    "award/eligibility": ["tests/award/test_eligibility.py", _AWARD_DATA],
    "award/conditions": ["tests/award/test_eligibility.py"],
    "award/judges": [
        "tests/award/test_eligibility.py",
        "tests/award/test_reviewers.py",
        _AWARD_DATA,
    ],
    "award/scheme": ["tests/award/test_scheme.py", _AWARD_DATA],
    "award/prizes": ["tests/award/test_scheme.py", _AWARD_DATA],
    "award/allocation": ["tests/award/test_allocation.py", _AWARD_DATA],
    "award/windows": ["tests/award/test_windows.py", _AWARD_DATA],
    "award/notice": ["tests/award/test_notice.py", "tests/award/test_procedure.py", _AWARD_DATA],
    "award/procedure": ["tests/award/test_procedure.py", _AWARD_DATA],
    "award/validity": ["tests/award/test_validity.py", _AWARD_DATA],
    "award/cycle": ["tests/award/test_cycle.py", "tests/award/test_allocation.py", _AWARD_DATA],
    "award/conduct": ["tests/award/test_conduct.py", _AWARD_DATA],
    "award/reviewers": ["tests/award/test_reviewers.py", _AWARD_DATA],
    "award/qualification": ["tests/award/test_reviewers.py", _AWARD_DATA],
    # Appendix A-C of the excellence measures
    "excellence/sheet": ["tests/excellence/test_sheet.py"],
    "excellence/bands": ["tests/excellence/test_bands.py"],
    "excellence/panel": ["tests/excellence/test_consensus.py"],
}

_TABLE = re.compile(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[|\Z)")


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def _prepare(work: Path, module: str, tests: list[str]) -> None:
    shutil.copytree(ROOT / "src", work / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    # Some tests read the example files (a scheme, a published year): mutmut copies
    # them into its mutants/ tree through also_copy.
    shutil.copytree(ROOT / "docs" / "examples", work / "docs" / "examples")
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = _TABLE.sub("", text).rstrip() + "\n"
    selection = [t for t in tests if (work / t).exists()]
    selection.append(f"src/baoshan_quality/{module}.py")  # the module's doctests
    text += (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        'also_copy = ["docs/examples"]\n'
        f'only_mutate = ["src/baoshan_quality/{module}.py"]\n'
        f"pytest_add_cli_args_test_selection = {_toml_list(selection)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x"]\n'
        "use_git_change_detection = false\n"
    )
    (work / "pyproject.toml").write_text(text, encoding="utf-8")


def _count(output: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in output.splitlines():
        _, _, status = line.rpartition(": ")
        if status:
            counts[status.strip()] = counts.get(status.strip(), 0) + 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", nargs="?", help="e.g. guide/tiering")
    parser.add_argument("--tests", nargs="*", help="test files (default: the module's own)")
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the scratch copy in this directory")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if args.list or not args.module:
        for name, tests in MODULES.items():
            print(f"{name:24} {' '.join(tests)}")
        return 0
    tests = args.tests or MODULES.get(args.module)
    if not tests:
        parser.error(f"no test selection known for {args.module}; pass --tests")
    work = args.keep or Path(tempfile.mkdtemp(prefix="mutmut-"))
    if work.exists() and any(work.iterdir()):
        parser.error(f"{work} is not empty")
    work.mkdir(parents=True, exist_ok=True)
    _prepare(work, args.module, tests)
    env = {**os.environ, "PYTHONPATH": str(work / "src"), "HYPOTHESIS_PROFILE": "ci"}
    started = time.perf_counter()
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run(  # nosec B603 - fixed argv
        [*mutmut, "run", "--max-children", str(args.max_children)], cwd=work, env=env, check=False
    )
    elapsed = time.perf_counter() - started
    done = subprocess.run(  # nosec B603 - fixed argv
        [*mutmut, "results", "--all", "true"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    counts = _count(done.stdout)
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    total = sum(counts.values()) - counts.get("skipped", 0) - counts.get("not checked", 0)
    print(f"\nmodule {args.module}; tests {' '.join(tests)}; {elapsed:.0f} s")
    print("statuses:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if total:
        print(f"kill rate: {killed}/{total} = {100 * killed / total:.1f} %")
    for line in done.stdout.splitlines():
        if line.rstrip().endswith(("survived", "no tests", "suspicious")):
            print("  ", line.strip())
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
