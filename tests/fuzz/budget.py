"""The fuzz budgets and the count of examples actually run (reported at the end).

* the small budget runs in every ``python -m pytest`` run;
* the large budget (``python -m pytest -m fuzz tests/fuzz``) spreads at least
  :data:`LARGE_TOTAL` examples over the fuzz tests.  ``FUZZ_EXAMPLES`` (an
  integer) overrides the per-test budget of either.
"""

from __future__ import annotations

import collections
import math
import os

#: examples per type / per function in every normal run
SMALL = 5
#: the opt-in job runs at least this many examples in all
LARGE_TOTAL = 100_000

#: outcome -> count, over the whole session
COUNTS: collections.Counter[str] = collections.Counter()


#: fuzz test module -> its number of large-budget tests (registered at import)
MODULES: dict[str, int] = {}


def register(module: str, tests: int) -> None:
    """Count a fuzz module's tests, so that the large budget is shared by all of them."""
    MODULES[module] = tests


def per_test(tests: int, *, large: bool) -> int:
    """Examples per test: the large budget spread over every registered fuzz test (or
    ``tests`` when none registered), the small one per test."""
    override = os.environ.get("FUZZ_EXAMPLES", "")
    if override.isdigit():
        return int(override)
    if not large:
        return SMALL
    total = sum(MODULES.values()) or tests
    # 10 % headroom: hypothesis stops early on types whose whole space it has seen.
    return max(200, math.ceil(LARGE_TOTAL * 1.1 / max(total, 1)))


def record(outcome: str) -> None:
    COUNTS[outcome] += 1
    COUNTS["examples"] += 1
