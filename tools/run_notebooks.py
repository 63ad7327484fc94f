"""Execute the example notebooks (run by ``.ci/run``), so they cannot go stale.

Each ``docs/notebooks/*.ipynb`` runs top to bottom in a fresh ``python3`` kernel
(nbclient + ipykernel, from the ``docs`` extra) in its own folder; a cell that raises
fails the run, naming the notebook and the cell.  The executed copies are written
to OUT when given (``.ci/run`` puts them in the built site), never over the sources.

Usage: ``python tools/run_notebooks.py [OUT]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "docs" / "notebooks"


def run(path: Path, out: Path | None) -> bool:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as exc:
        print(f"notebook {path.relative_to(ROOT)} failed:\n{exc}", file=sys.stderr)
        return False
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    if errors:
        print(f"notebook {path.relative_to(ROOT)} has error outputs: {errors}", file=sys.stderr)
        return False
    cells = sum(1 for c in notebook.cells if c.cell_type == "code")
    print(
        f"notebook {path.relative_to(ROOT)}: {cells} code cells ran in {time.monotonic() - started:.1f}s"
    )
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, out / path.name)
    return True


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else None
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    if not paths:
        print("no notebook found under docs/notebooks/", file=sys.stderr)
        return 1
    results = [run(path, out) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
