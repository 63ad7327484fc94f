"""The command line: the only module of the package that does I/O.

``python -m baoshan_quality demo`` ranks the illustrative sample; ``score FILE``
scores an Assessment read from JSON; ``rank FILE`` ranks a JSON list of
UnitScore objects.  Errors print the library's message (never a traceback) and
exit with status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from baoshan_quality.errors import BaoshanQualityError
from baoshan_quality.guide.scoring import Assessment, score
from baoshan_quality.guide.tiering import UnitScore, rank_units
from baoshan_quality.sample import SAMPLE_YEAR, sample_assessments
from baoshan_quality.serialization import from_json, unstructure

__all__ = ["main"]

_EXAMPLES = """\
examples:
  python -m baoshan_quality demo
  python -m baoshan_quality demo --format json
  python -m baoshan_quality score assessment.json
  python -m baoshan_quality rank units.json --format json
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="baoshan-quality",
        description="Baoshan District quality policy as executable rules "
        "(DB31113/Z 005—2022, 宝府规〔2023〕3号).",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--format", choices=("table", "json"), default="table")
        return p

    demo = add("demo", "rank the embedded ILLUSTRATIVE sample of 14 units (invented scores)")
    demo.add_argument("--json", action="store_true", help="same as --format json")
    add("score", "score an Assessment (JSON file) against Guide Appendix B").add_argument(
        "file", type=Path
    )
    add("rank", "rank a JSON list of UnitScore objects (Guide §8)").add_argument("file", type=Path)
    return parser


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BaoshanQualityError(f"cannot read {path}: {exc.strerror or exc}") from None


def _run(args: argparse.Namespace) -> tuple[Any, str]:
    if args.command == "demo":
        ranking = rank_units(score(a) for a in sample_assessments())
        head = (
            f"ILLUSTRATIVE SAMPLE — invented scores for {SAMPLE_YEAR}, not real results\n"
            "示例数据（虚构分数，并非真实考核结果）\n\n"
        )
        return ranking, head + str(ranking)
    if args.command == "score":
        card = score(from_json(_read(args.file), Assessment))
        return card, str(card) + "\n\n" + "\n".join(str(r) for r in card.reasons)
    data = from_json(_read(args.file), list[UnitScore])
    ranking = rank_units(data)
    return ranking, str(ranking)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        value, table = _run(args)
    except BaoshanQualityError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json" or getattr(args, "json", False):
        print(json.dumps(unstructure(value), ensure_ascii=False, indent=2))
    else:
        print(table)
    return 0
