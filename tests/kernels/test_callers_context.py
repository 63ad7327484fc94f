"""Exact means exact, whatever the caller's decimal context (issue 15, item 4; SPEC §1.2).

A notebook may have set ``decimal.getcontext().prec = 1`` with every trap on.  The
library computes in its own context (``_decimals.exact``): every documented example
of the modules below gives the same output under such a context, and the caller's
flags stay clear.
"""

from __future__ import annotations

import decimal
import doctest
import importlib
from decimal import Decimal

import pytest

HOSTILE = [
    decimal.Context(prec=1, rounding=decimal.ROUND_DOWN, traps=list(decimal.Context().flags)),
    decimal.Context(prec=2, rounding=decimal.ROUND_CEILING, Emin=-2, Emax=2, capitals=0),
    decimal.Context(prec=3, rounding=decimal.ROUND_05UP, clamp=1, Emin=-3, Emax=3),
]

#: Modules whose examples call the library only (no arithmetic of the example's own).
MODULES = [
    "baoshan_quality.citations",
    "baoshan_quality.errors",
    "baoshan_quality.periods",
    "baoshan_quality.schema",
    "baoshan_quality.serialization",
    "baoshan_quality.sample",
    "baoshan_quality.guide.comparison",
    "baoshan_quality.guide.evaluation",
    "baoshan_quality.guide.maturity",
    "baoshan_quality.guide.measured",
    "baoshan_quality.guide.report",
    "baoshan_quality.guide.rubric",
    "baoshan_quality.guide.self_assessment",
    "baoshan_quality.excellence.bands",
    "baoshan_quality.excellence.feedback",
    "baoshan_quality.excellence.panel",
    "baoshan_quality.excellence.policy",
    "baoshan_quality.excellence.scoring",
    "baoshan_quality.excellence.sheet",
    "baoshan_quality.excellence.table",
]


def _examples(module_name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(module_name)
    return [t for t in doctest.DocTestFinder().find(module) if t.examples]


@pytest.mark.parametrize("context", HOSTILE, ids=["prec1-all-traps", "prec2", "prec3-clamp"])
@pytest.mark.parametrize("module_name", MODULES)
def test_every_example_gives_the_same_output_under_the_callers_context(
    module_name: str, context: decimal.Context
) -> None:
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    caller = context.copy()
    caller.clear_flags()
    with decimal.localcontext(caller) as active:
        for test in _examples(module_name):
            runner.run(test, out=lambda _: None)
        flags = [f.__name__ for f, on in active.flags.items() if on]
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) of {module_name} differ"
    assert flags == [], f"the library set the caller's flags {flags}"


def test_scores_under_prec_1_equal_the_default_ones() -> None:
    """The demo sample under ``prec = 1``: the same cards and ranking, no flag set
    (the issue's reproducer: the sample differed and set Inexact/Rounded)."""
    from baoshan_quality import rank_units, score
    from baoshan_quality.sample import sample_assessments

    expected = [score(a) for a in sample_assessments()]
    with decimal.localcontext(HOSTILE[0]) as caller:
        caller.clear_flags()
        got = [score(a) for a in sample_assessments()]
        ranking = rank_units(got)
        assert not any(caller.flags.values())
    assert got == expected
    assert ranking == rank_units(expected)
    assert expected[0].total == Decimal("100.5")


def test_a_first_import_under_the_callers_context_neither_rounds_nor_raises() -> None:
    """The tables are checked at import (Guide Appendix B and C totals, GB/Z 19579 附录C
    bands): a notebook that sets ``prec = 1`` before its first ``import`` still loads
    every module, and its flags stay clear."""
    import subprocess
    import sys

    program = (
        "import decimal, importlib\n"
        "c = decimal.Context(prec=1, Emin=-1, Emax=1, traps=list(decimal.Context().flags))\n"
        "decimal.setcontext(c)\n"
        "from baoshan_quality._index import MODULES\n"
        "for name in MODULES: importlib.import_module(name)\n"
        "import baoshan_quality.cli\n"
        "print(sorted(k.__name__ for k, v in c.flags.items() if v))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
