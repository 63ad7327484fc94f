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

The session ``lowest`` (run by its own ``.ci/run`` step: ``nox -s lowest``) installs
every direct dependency at its floor (``uv pip install --resolution lowest-direct``)
on the oldest Python, ``PYTHONS[0]``, and runs the same suite with the same budget:
it proves the floors in ``pyproject.toml`` true.  ``tests/test_packaging.py`` checks
that ``PYTHONS[0]`` is where ``requires-python`` starts, and, inside this session
(``BAOSHAN_QUALITY_LOWEST=1``), that each runtime dependency is installed at exactly
its floor.  It needs uv (the resolution is uv's).
"""

from __future__ import annotations

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]

nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = False
nox.needs_version = ">=2024.4.15"


def _suite(session: nox.Session, **env: str) -> None:
    """Run the whole suite with the nox hypothesis budget (``tools/nox_budget.py``)."""
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
        env={"HYPOTHESIS_PROFILE": "nox", "PYTHONPATH": "tools", **env},
    )


@nox.session(python=PYTHONS, venv_backend="uv|virtualenv")
def tests(session: nox.Session) -> None:
    """Install the package with its test extra and run the whole suite."""
    session.install("-q", "-e", ".[test]")
    _suite(session)


@nox.session(python=PYTHONS[0], venv_backend="uv")
def lowest(session: nox.Session) -> None:
    """The whole suite with every direct dependency at its floor, on the oldest Python."""
    session.install("-q", "--resolution", "lowest-direct", "-e", ".[test]")
    _suite(session, BAOSHAN_QUALITY_LOWEST="1")
