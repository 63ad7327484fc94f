"""Check what the built distributions contain (run by ``.ci/run`` after ``python -m build``).

* the wheel ships the package with its ``py.typed`` marker, and no tests;
* the sdist ships the tests, the docs (with the notebook) and the build files.

Usage: ``python tools/check_dist.py dist/*.whl dist/*.tar.gz``; exits 1 listing
every problem found.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from collections.abc import Sequence

PACKAGE = "baoshan_quality"

WHEEL_REQUIRED = (
    f"{PACKAGE}/__init__.py",
    f"{PACKAGE}/py.typed",
    f"{PACKAGE}/schema.py",
    f"{PACKAGE}/cli.py",
)
SDIST_REQUIRED = (
    "pyproject.toml",
    "README.md",
    "CHANGELOG.md",
    "CONTRIBUTING.md",
    "LICENSE",
    "mkdocs.yml",
    "noxfile.py",
    f"src/{PACKAGE}/py.typed",
    "tests/conftest.py",
    "tests/test_schema.py",
    "docs/index.md",
    "docs/quickstart.md",
    "docs/api/index.md",
    "docs/examples/units.json",
    "docs/notebooks/example.ipynb",
)


def wheel_problems(names: Sequence[str]) -> list[str]:
    """What is wrong with a wheel whose members are ``names``.

    >>> wheel_problems(["baoshan_quality/__init__.py", "tests/test_cli.py"])[-1]
    'wheel contains test files: tests/test_cli.py'
    """
    problems = [f"wheel lacks {name}" for name in WHEEL_REQUIRED if name not in names]
    tests = [
        n
        for n in names
        if n.startswith(("tests/", "test/"))
        or "/tests/" in n
        or n.rsplit("/", 1)[-1].startswith("test_")
        or n.endswith("conftest.py")
    ]
    if tests:
        problems.append("wheel contains test files: " + ", ".join(sorted(tests)))
    return problems


def sdist_problems(names: Sequence[str]) -> list[str]:
    """What is wrong with an sdist whose members are ``names`` (top folder stripped).

    >>> sdist_problems(list(SDIST_REQUIRED))
    []
    """
    return [f"sdist lacks {name}" for name in SDIST_REQUIRED if name not in names]


def main(paths: Sequence[str]) -> int:
    problems: list[str] = []
    wheels = [p for p in paths if p.endswith(".whl")]
    sdists = [p for p in paths if p.endswith(".tar.gz")]
    if len(wheels) != 1 or len(sdists) != 1:
        problems.append(f"expected one wheel and one sdist, got {list(paths)}")
    for path in wheels:
        with zipfile.ZipFile(path) as whl:
            problems += wheel_problems(whl.namelist())
    for path in sdists:
        with tarfile.open(path) as sdist:
            names = [m.name.split("/", 1)[1] for m in sdist.getmembers() if "/" in m.name]
        problems += sdist_problems(names)
    for problem in problems:
        print(f"dist check: {problem}", file=sys.stderr)
    if not problems:
        print(f"dist check: wheel and sdist contents OK ({', '.join(paths)})")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
