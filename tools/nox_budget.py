"""A pytest plugin for the nox sessions: a smaller hypothesis budget per test.

The README's own run (``python -m pytest``, Python of the CI venv) keeps the suite's
``ci`` profile.  The nox sessions run the same tests again on every supported Python
to catch version differences, not to search further, so they register a profile
``nox`` with 5 examples per property (``NOX_MAX_EXAMPLES`` overrides it); ``noxfile.py`` selects it with ``HYPOTHESIS_PROFILE=nox``
(``tests/conftest.py`` loads the profile that variable names).  Loaded with
``-p nox_budget`` (``tools/`` on ``PYTHONPATH``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "nox",
    max_examples=int(os.environ.get("NOX_MAX_EXAMPLES", "5")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
