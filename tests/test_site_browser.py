"""The built site in headless Chromium with every other host blocked (issue 16).

Needs Debian's ``chromium`` (``apt-get install chromium fonts-noto-cjk``), the
``playwright`` package (``docs`` extra; its own browser download is not used) and a
built site named by ``BAOSHAN_QUALITY_SITE``; skipped, with the reason, when one is
missing.  ``.ci/run`` installs the browser and runs this file with
``BAOSHAN_QUALITY_BROWSER=required``, which turns each such skip into a failure: CI
never skips it.
The driver is ``tools/site_browser.py`` (it prints the same report by hand).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_ENV = "BAOSHAN_QUALITY_SITE"
REQUIRED_ENV = "BAOSHAN_QUALITY_BROWSER"


def _tool(name: str) -> ModuleType:
    if f"_tools_{name}" in sys.modules:
        return sys.modules[f"_tools_{name}"]
    spec = importlib.util.spec_from_file_location(f"_tools_{name}", ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


browser = _tool("site_browser")
check = _tool("check_site")


def _unavailable(reason: str) -> None:
    """Skip, or fail where the browser test is required (.ci/run)."""
    if os.environ.get(REQUIRED_ENV) == "required":
        pytest.fail(f"{REQUIRED_ENV}=required: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def site() -> Path:
    if not Path(browser.CHROMIUM).is_file():
        _unavailable(
            f"no {browser.CHROMIUM}: `apt-get install chromium fonts-noto-cjk` "
            "(Debian's browser; .ci/run installs it)"
        )
    if importlib.util.find_spec("playwright") is None:
        _unavailable("no playwright: `pip install playwright` (the docs extra has it)")
    where = os.environ.get(SITE_ENV)
    if not where:
        _unavailable(f"no built site: `mkdocs build --strict --site-dir DIR`, then {SITE_ENV}=DIR")
    return Path(str(where))


@pytest.fixture(scope="module")
def report(site: Path) -> dict[str, Any]:
    result: dict[str, Any] = browser.browse(site)
    print("\n" + "\n".join(browser.summary(result)))  # shown with -s (.ci/run)
    return result


def test_no_request_leaves_the_site(report: dict[str, Any]) -> None:
    """Every other host is blocked; no page even asks for one."""
    assert report["blocked"] == []
    assert report["failed"] == []
    assert report["errors"] == []


@pytest.mark.parametrize("name", [name for name, _, _ in browser.PAGES])
def test_the_page_paints_with_other_hosts_blocked(report: dict[str, Any], name: str) -> None:
    """Issue 16: with Google Fonts unreachable nothing painted within 10 s."""
    entry = next(e for e in report["pages"] if e["name"] == name)
    assert entry["first_paint_ms"] is not None, f"{name}: no paint in {browser.PAINT_BUDGET_MS} ms"
    assert entry["first_paint_ms"] < browser.PAINT_BUDGET_MS
    assert entry["visible"], f"{name}: its main text is not visible"


def test_the_rank_units_entry_is_shown(report: dict[str, Any]) -> None:
    entry = next(e for e in report["pages"] if e["name"] == "rank_units")
    assert entry["text"].startswith("rank_units")


def test_search_for_a_chinese_word_inside_phrases(report: dict[str, Any], site: Path) -> None:
    """Typing "质量奖" lists every page that contains it (issue 16: 1 of 5), the same
    pages as tools/check_site.py reads from the search index."""
    search = report["search"]
    assert "error" not in search, search
    expected = check.search_found(site, browser.SEARCH_WORD)
    assert search["count"] == len(expected)
    assert set(search["pages"]) == expected
    assert check.pages_containing(site, browser.SEARCH_WORD) <= set(search["pages"])


def test_the_copy_button_copies_code_only(report: dict[str, Any]) -> None:
    """The first example of the quick start, copied with its button."""
    copied = report["copied"]
    assert "rank_units(" in copied
    assert ">>>" not in copied
    assert not any(line.startswith("...") for line in copied.splitlines())
