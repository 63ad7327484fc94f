"""Packaging metadata agrees with itself and with what CI tests.

* the classifiers name exactly the Python versions nox runs the suite on, and
  ``requires-python`` starts at the oldest of them;
* the version of the metadata is ``baoshan_quality.__version__``;
* the extras ``test``, ``docs`` and ``dev`` exist, the marker ``py.typed`` ships;
* the README's quick start has exactly two commands: install + demo, install the
  test extras + the whole suite.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
from pathlib import Path

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
