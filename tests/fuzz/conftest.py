"""The fuzz job: deselected from normal runs unless ``-m`` names the ``fuzz`` marker.

``python -m pytest`` runs the small budget (unmarked tests) only;
``python -m pytest -m fuzz tests/fuzz`` runs the large one.  The number of
examples run is printed in the terminal summary.
"""

from __future__ import annotations

import pytest

from tests.fuzz.budget import COUNTS


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "fuzz" in (config.getoption("markexpr", "") or ""):
        return
    keep = [item for item in items if item.get_closest_marker("fuzz") is None]
    if len(keep) != len(items):
        config.hook.pytest_deselected(
            items=[item for item in items if item.get_closest_marker("fuzz") is not None]
        )
        items[:] = keep


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not COUNTS["examples"]:
        return
    detail = ", ".join(f"{k} {v:,}" for k, v in sorted(COUNTS.items()) if k != "examples")
    terminalreporter.write_sep("-", f"fuzz: {COUNTS['examples']:,} examples run ({detail})")
