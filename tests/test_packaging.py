"""Packaging metadata agrees with itself and with what CI tests.

* the classifiers name exactly the Python versions nox runs the suite on, and
  ``requires-python`` starts at the oldest of them;
* the version of the metadata is ``baoshan_quality.__version__``;
* the extras ``test``, ``docs`` and ``dev`` exist, the marker ``py.typed`` ships;
* the README's quick start has exactly two commands: install + demo, install the
  test extras + the whole suite;
* every runtime dependency has a floor and no cap, the nox session ``lowest``
  installs the floors on the oldest Python nox runs (the one ``requires-python``
  starts at), and inside that session each is installed at exactly its floor.
"""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

import baoshan_quality

ROOT = Path(__file__).resolve().parent.parent
METADATA = importlib.metadata.metadata("baoshan-quality")


def _nox_pythons() -> list[str]:
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "PYTHONS" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(v) for v in value]
    raise AssertionError("noxfile.py defines no PYTHONS")


def test_classifiers_list_exactly_the_versions_nox_tests() -> None:
    prefix = "Programming Language :: Python :: 3."
    claimed = sorted(
        c.removeprefix("Programming Language :: Python :: ")
        for c in METADATA.get_all("Classifier") or []
        if c.startswith(prefix)
    )
    tested = _nox_pythons()
    assert claimed == sorted(tested, key=lambda v: tuple(map(int, v.split("."))))
    assert METADATA["Requires-Python"] == f">={tested[0]}"


def test_the_metadata_is_rich_and_typed() -> None:
    classifiers = METADATA.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert "Natural Language :: Chinese (Simplified)" in classifiers
    assert METADATA["Version"] == baoshan_quality.__version__
    assert {"test", "docs", "dev"} <= set(METADATA.get_all("Provides-Extra") or [])
    urls = dict(u.split(", ", 1) for u in METADATA.get_all("Project-URL") or [])
    assert {"Documentation", "Source", "Changelog", "Issues"} <= set(urls)
    assert (Path(baoshan_quality.__file__).parent / "py.typed").is_file()


def test_the_readme_quick_start_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.findall(r"```console\n(.*?)```", section, re.DOTALL)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert commands == [
        "python -m pip install . && python -m baoshan_quality demo",
        'python -m pip install -e ".[test]" && python -m pytest',
    ]


def _runtime_requirements() -> list[Requirement]:
    requirements = [Requirement(r) for r in METADATA.get_all("Requires-Dist") or []]
    return [r for r in requirements if r.marker is None or "extra" not in str(r.marker)]


def _nox_session(name: str) -> ast.FunctionDef:
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise AssertionError(f"noxfile.py defines no session {name!r}")


def test_every_runtime_dependency_has_a_floor_and_no_cap() -> None:
    """Lower bounds only (never cap python-dateutil, nor anything else): one ``>=`` each."""
    requirements = _runtime_requirements()
    assert {r.name for r in requirements} == {
        "attrs",
        "cattrs",
        "python-dateutil",
        "chinesecalendar",
    }
    for requirement in requirements:
        assert [s.operator for s in requirement.specifier] == [">="], str(requirement)


def test_the_lowest_session_installs_the_floors_on_the_oldest_python() -> None:
    """``nox -s lowest``: lowest direct versions, on ``PYTHONS[0]`` = requires-python's."""
    session = _nox_session("lowest")
    (decorator,) = session.decorator_list
    assert isinstance(decorator, ast.Call)
    (python,) = (k.value for k in decorator.keywords if k.arg == "python")
    pythons = _nox_pythons()
    oldest = min(pythons, key=lambda v: tuple(map(int, v.split("."))))
    if isinstance(python, ast.Subscript) and ast.unparse(python.value) == "PYTHONS":
        assert pythons[ast.literal_eval(python.slice)] == oldest
    else:
        assert ast.literal_eval(python) == oldest
    assert METADATA["Requires-Python"] == f">={oldest}"
    strings = {n.value for n in ast.walk(session) if isinstance(n, ast.Constant)}
    assert {"--resolution", "lowest-direct"} <= strings


@pytest.mark.parametrize("requirement", _runtime_requirements(), ids=str)
def test_the_installed_dependency_meets_its_floor(requirement: Requirement) -> None:
    """At its floor exactly in the ``lowest`` session; at or above it anywhere else."""
    (floor,) = (Version(s.version) for s in requirement.specifier)
    installed = Version(importlib.metadata.version(requirement.name))
    if os.environ.get("BAOSHAN_QUALITY_LOWEST") == "1":
        assert installed == floor
    else:
        assert installed >= floor
