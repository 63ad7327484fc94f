"""The test suite on every Python the package claims (run by ``.ci/run``: ``nox``).

``PYTHONS`` is the one list of supported versions: ``tests/test_packaging.py`` checks
that the classifiers in ``pyproject.toml`` name exactly these.  A missing
interpreter is an error, never a skip.  Each session installs the package with its
``test`` extra only (no docs toolchain) and runs the whole suite — tests, hypothesis
properties and the doctests of ``src/``, ``docs/`` and the README — in one process
(faster than pytest-xdist on this 2-core machine) with a smaller hypothesis budget
(``tools/nox_budget.py``); the full
budget runs once, in the README's own command.  Virtual environments are made with
``uv`` when it is installed (the ``dev`` extra has it: seconds instead of a minute per
session), else with virtualenv.
"""

from __future__ import annotations

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]

nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = False
nox.needs_version = ">=2024.4.15"


@nox.session(python=PYTHONS, venv_backend="uv|virtualenv")
def tests(session: nox.Session) -> None:
    """Install the package with its test extra and run the whole suite."""
    session.install("-q", "-e", ".[test]")
    session.run(
        "python",
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "nox_budget",
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": "nox", "PYTHONPATH": "tools"},
    )
