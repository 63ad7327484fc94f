"""CI's JSON Schema check, end to end through the installed console script.

1. ``baoshan-quality schema NAME`` for every published name, written to
   ``OUT/NAME.schema.json`` (``.ci/run`` puts them in the built site, under the
   ``$id`` each schema declares) and checked against the draft 2020-12 metaschema;
2. the example documents of ``docs/examples/`` validated against their schemas, the
   award schemes of ``docs/examples/schemes/`` (the Baoshan 2023 scheme and the two
   ILLUSTRATIVE ones) against ``award-scheme``;
3. what the command line writes with ``--format json`` (demo, rank, score,
   eligibility) validated against the schema of its result.

Usage: ``python tools/check_schemas.py OUT``; exits 1 listing every problem.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema

from baoshan_quality.schema import schema_names

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"
Validator = jsonschema.Draft202012Validator

#: example file → the schema it must satisfy
EXAMPLE_SCHEMAS = {
    "units.json": "unit-scores",
    "assessment.json": "assessment",
    "organisation.json": "eligibility-request",
    "individual.json": "eligibility-request",
    "schemes/baoshan-2023.json": "award-scheme",
    "schemes/illustrative-baoshan-2028.json": "award-scheme",
    "schemes/illustrative-district-2025.json": "award-scheme",
}

#: a command line run (``--format json`` is added) → the schema of what it prints
OUTPUT_SCHEMAS = [
    (["demo"], "ranking"),
    (["rank", str(EXAMPLES / "units.json")], "ranking"),
    (["score", str(EXAMPLES / "assessment.json")], "score-card"),
    (
        ["eligibility", str(EXAMPLES / "organisation.json"), "--on", "2025-05-10"],
        "eligibility-verdict",
    ),
    (
        ["eligibility", str(EXAMPLES / "individual.json"), "--on", "2025-05-10"],
        "eligibility-verdict",
    ),
    (
        [
            "eligibility",
            str(EXAMPLES / "organisation.json"),
            "--on",
            "2025-05-10",
            "--scheme",
            str(EXAMPLES / "schemes" / "illustrative-district-2025.json"),
        ],
        "eligibility-verdict",
    ),
]


def _cli(*args: str) -> Any:
    done = subprocess.run(
        ["baoshan-quality", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"baoshan-quality {' '.join(args)}: exit {done.returncode}: {done.stderr}"
        )
    return json.loads(done.stdout)


def _problems(schema: dict[str, Any], instance: object, what: str) -> list[str]:
    validator = Validator(schema, format_checker=Validator.FORMAT_CHECKER)
    return [f"{what}: {e.message} at {e.json_path}" for e in validator.iter_errors(instance)]


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    schemas: dict[str, dict[str, Any]] = {}
    for name in schema_names():
        document = _cli("schema", name)
        Validator.check_schema(document)
        schemas[name] = document
        (out / f"{name}.schema.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    for file, name in EXAMPLE_SCHEMAS.items():
        instance = json.loads((EXAMPLES / file).read_text(encoding="utf-8"))
        problems += _problems(schemas[name], instance, f"docs/examples/{file}")
    for args, name in OUTPUT_SCHEMAS:
        instance = _cli(*args, "--format", "json")
        problems += _problems(schemas[name], instance, "baoshan-quality " + " ".join(args))
    for problem in problems:
        print(f"schema check: {problem}", file=sys.stderr)
    if not problems:
        print(
            f"schema check: {len(schemas)} schemas written to {out}; "
            f"{len(EXAMPLE_SCHEMAS)} examples and {len(OUTPUT_SCHEMAS)} command outputs valid"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
