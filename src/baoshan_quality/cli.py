"""The command line: the only module of the package that does I/O.

``python -m baoshan_quality`` (or the console script ``baoshan-quality``) with the
subcommands

* ``demo`` — rank the embedded ILLUSTRATIVE sample of 14 units;
* ``score FILE.json`` — score an Assessment (or a list of them) against Guide
  Appendix B;
* ``rank FILE.json`` — rank a list of UnitScore objects (or of Assessments, which are
  scored first) under Guide §8;
* ``eligibility FILE.json --on DATE`` — check an applicant against Measures Art. 3,
  14–16 and 25;
* ``notice-end DATE`` — the earliest close of a public notice starting on DATE
  (Measures Art. 18(7), ≥ 5 working days);
* ``schema NAME`` — print a JSON Schema of :mod:`baoshan_quality.schema`.

Each prints a readable table (``--format table``, the default) or JSON
(``--format json``, the shapes of :mod:`baoshan_quality.serialization`).  The readings
of the texts are options (``--ties``, ``--vacancy``, ``--counting`` …; defaults as in
the readings page).  Exit status: 0 done; 2 bad input — a file missing, bad JSON, a
rule violated — with the library's message on stderr, never a traceback; 1 an
unexpected internal error (reported in one line).

>>> main(["notice-end", "2025-09-26"])
2025-10-09
0
>>> main(["notice-end", "2025-09-26", "--counting", "from-next-day", "--format", "json"])
{
  "start": "2025-09-26",
  "earliest_close": "2025-10-10",
  "working_days": 5,
  "counting": "from-next-day"
}
0
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.eligibility import check_eligibility
from baoshan_quality.award.notice import (
    NoticeCounting,
    NoticePolicy,
    earliest_notice_close,
)
from baoshan_quality.award.scheme import BAOSHAN_2023, AwardClass
from baoshan_quality.errors import (
    BaoshanQualityError,
    InvalidInputError,
    OutsideValidityError,
    StructureError,
)
from baoshan_quality.guide.ranking import rank_units
from baoshan_quality.guide.scoring import (
    Assessment,
    FloorPolicy,
    IncidentPolicy,
    MissingPolicy,
    ScoreCard,
    ScoringPolicy,
    score,
)
from baoshan_quality.guide.tiering import TiePolicy, TieringPolicy, UnitScore, VacancyPolicy
from baoshan_quality.sample import SAMPLE_YEAR, sample_assessments
from baoshan_quality.schema import schema, schema_names
from baoshan_quality.serialization import structure, unstructure

__all__ = ["main"]

_EXAMPLES = """\
examples:
  baoshan-quality demo
  baoshan-quality rank units.json
  baoshan-quality rank units.json --vacancy backfill --format json
  baoshan-quality rank assessments.json          # a list of Assessments: scored, then ranked
  baoshan-quality score assessment.json
  baoshan-quality eligibility applicant.json --on 2025-05-10
  baoshan-quality notice-end 2025-09-26
  baoshan-quality schema unit-scores > unit-scores.schema.json

input files are JSON in the shapes of baoshan_quality.serialization (decimals as
strings: "92.5"); `baoshan-quality schema NAME` prints their JSON Schemas.
exit status: 0 done; 2 bad input (message on stderr); 1 internal error.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors reported in the library's one-line style."""

    def error(self, message: str) -> Any:  # pragma: no cover - exercised through main()
        self.print_usage(sys.stderr)
        self.exit(2, f"error: {message}\n")


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD, such as 2025-05-10, got {text!r}"
        ) from None


def _choices(kind: Any) -> list[str]:
    return [member.value for member in kind]


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="baoshan-quality",
        description="Baoshan District quality policy as executable rules "
        "(DB31113/Z 005—2022, 宝府规〔2023〕3号).",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, epilog: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog="example:\n  " + epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument(
            "--format", choices=("table", "json"), default="table", help="output (default: table)"
        )
        return p

    def scoring_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--missing", choices=_choices(MissingPolicy), default="error",
                       help="a criterion without a score: error (default) or zero (R19)")  # fmt: skip
        p.add_argument("--incidents", choices=_choices(IncidentPolicy), default="once",
                       help="several major incidents: one deduction (default) or one each (R4)")  # fmt: skip
        p.add_argument("--floor", choices=_choices(FloorPolicy), default="none",
                       help="a total below zero: allowed (default) or floored at 0 (R5)")  # fmt: skip

    demo = add("demo", "rank the embedded ILLUSTRATIVE sample of 14 units (invented scores)",
               "baoshan-quality demo --format json")  # fmt: skip
    demo.add_argument("--json", action="store_true", help="same as --format json")

    p = add("score", "score an Assessment, or a JSON list of them, against Guide Appendix B",
            "baoshan-quality score assessment.json --missing zero")  # fmt: skip
    p.add_argument("file", type=Path, help="JSON file: an Assessment object or a list of them")
    scoring_options(p)

    p = add("rank", "rank units under Guide §8 (tiers A and B, 优秀)",
            "baoshan-quality rank units.json --ties strict --tie-break 大场镇,杨行镇")  # fmt: skip
    p.add_argument("file", type=Path,
                   help="JSON file: a list of UnitScore objects, or of Assessments (scored first)")  # fmt: skip
    p.add_argument("--ties", choices=_choices(TiePolicy), default="competition",
                   help="units tied across the 6th or 3rd place (R1; default competition)")  # fmt: skip
    p.add_argument("--tie-break", default="", metavar="UNIT,UNIT,...",
                   help="with --ties strict: the order of tied units, best first")  # fmt: skip
    p.add_argument("--vacancy", choices=_choices(VacancyPolicy), default="vacant",
                   help="an 优秀 place lost to a major incident (R2; default vacant)")  # fmt: skip
    scoring_options(p)

    p = add("eligibility", "check an applicant against Measures Art. 3, 14-16 and 25",
            "baoshan-quality eligibility applicant.json --on 2025-05-10")  # fmt: skip
    p.add_argument("file", type=Path,
                   help='JSON file: {"organisation": {...}} or {"individual": {...}}, '
                   'optionally with "applying_for": "mayor" or "gold"')  # fmt: skip
    p.add_argument("--on", type=_date, required=True, metavar="DATE",
                   help="the application date, YYYY-MM-DD")  # fmt: skip
    p.add_argument("--allow-outside-validity", action="store_true",
                   help="check a date outside the Measures' validity (Art. 28)")  # fmt: skip

    p = add("notice-end", "the earliest close of a public notice (Measures Art. 18(7))",
            "baoshan-quality notice-end 2025-09-26 --counting from-next-day")  # fmt: skip
    p.add_argument("start", type=_date, metavar="DATE", help="the first day of the notice")
    p.add_argument("--counting", choices=_choices(NoticeCounting), default="first-day-counts",
                   help="R11: does the first day count (default) or does counting start "
                   "the next day")  # fmt: skip

    p = add("schema", "print the JSON Schema of an input or result",
            "baoshan-quality schema ranking")  # fmt: skip
    p.add_argument("name", choices=schema_names(), metavar="NAME",
                   help="one of: " + ", ".join(schema_names()))  # fmt: skip
    return parser


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise StructureError(f"duplicate key {key!r} in a JSON object", paths=[key])
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise StructureError(f"{name} is not a number JSON allows", paths=[name])


def _read_json(path: Path) -> Any:
    """The JSON data in ``path``, read as strictly as :func:`~baoshan_quality.from_json`."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"cannot read {path}: not UTF-8 text ({exc.reason})") from None
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant)
    except StructureError as exc:
        raise StructureError(f"{path}: {exc}") from None
    except (ValueError, RecursionError) as exc:
        raise StructureError(f"{path}: not valid JSON: {exc}") from None


def _scoring(args: argparse.Namespace) -> ScoringPolicy:
    return ScoringPolicy(
        incidents=IncidentPolicy(args.incidents),
        floor=FloorPolicy(args.floor),
        missing=MissingPolicy(args.missing),
    )


def _is_assessment(item: object) -> bool:
    return isinstance(item, dict) and "scores" in item


def _demo(args: argparse.Namespace) -> tuple[Any, str]:
    ranking = rank_units(score(a) for a in sample_assessments())
    head = (
        f"ILLUSTRATIVE SAMPLE — invented scores for {SAMPLE_YEAR}, not real results\n"
        "示例数据（虚构分数，并非真实考核结果）\n\n"
    )
    return ranking, head + str(ranking)


def _card_text(card: ScoreCard) -> str:
    return str(card)  # the card's text ends with its reasons


def _score(args: argparse.Namespace) -> tuple[Any, str]:
    data = _read_json(args.file)
    policy = _scoring(args)
    if isinstance(data, list):
        cards = [score(a, policy=policy) for a in structure(data, list[Assessment])]
        return cards, "\n\n".join(_card_text(c) for c in cards)
    card = score(structure(data, Assessment), policy=policy)
    return card, _card_text(card)


def _rank(args: argparse.Namespace) -> tuple[Any, str]:
    data = _read_json(args.file)
    if not isinstance(data, list):
        raise StructureError(
            f"{args.file}: expected a JSON array of units (UnitScore or Assessment objects), "
            f"got {type(data).__name__}"
        )
    scoring = _scoring(args)
    units: list[ScoreCard | UnitScore]
    if data and all(_is_assessment(item) for item in data):
        units = [score(a, policy=scoring) for a in structure(data, list[Assessment])]
    else:
        units = list(structure(data, list[UnitScore]))
    tie_break = tuple(name.strip() for name in args.tie_break.split(",") if name.strip())
    policy = TieringPolicy(
        ties=TiePolicy(args.ties), vacancy=VacancyPolicy(args.vacancy), tie_break=tie_break
    )
    ranking = rank_units(units, policy=policy, scoring=scoring)
    return ranking, str(ranking)


def _eligibility(args: argparse.Namespace) -> tuple[Any, str]:
    data = _read_json(args.file)
    kinds = {"organisation": Organisation, "individual": Individual}
    if not isinstance(data, dict) or len(set(data) & set(kinds)) != 1:
        raise StructureError(
            f"{args.file}: expected an object with exactly one of the keys "
            '"organisation" or "individual" (see `baoshan-quality schema eligibility-request`)'
        )
    extra = sorted(set(data) - {*kinds, "applying_for"})
    if extra:
        raise StructureError(f"{args.file}: unknown key {extra[0]!r} @ $.{extra[0]}")
    key = next(k for k in kinds if k in data)
    applicant: Organisation | Individual = structure(data[key], kinds[key])
    applying_for = structure(data.get("applying_for"), AwardClass | None)  # type: ignore[arg-type]
    verdict = check_eligibility(
        applicant,
        applied_on=args.on,
        applying_for=applying_for,
        allow_outside_validity=args.allow_outside_validity,
    )
    return verdict, str(verdict)


def _notice_end(args: argparse.Namespace) -> tuple[Any, str]:
    policy = NoticePolicy(NoticeCounting(args.counting))
    close = earliest_notice_close(args.start, policy=policy)
    value = {
        "start": args.start.isoformat(),
        "earliest_close": close.isoformat(),
        "working_days": BAOSHAN_2023.notice.count,
        "counting": policy.counting.value,
    }
    return value, close.isoformat()


def _schema(args: argparse.Namespace) -> tuple[Any, str]:
    document = schema(args.name)
    return document, json.dumps(document, ensure_ascii=False, indent=2)


_COMMANDS: dict[str, Callable[[argparse.Namespace], tuple[Any, str]]] = {
    "demo": _demo,
    "score": _score,
    "rank": _rank,
    "eligibility": _eligibility,
    "notice-end": _notice_end,
    "schema": _schema,
}


def _as_json(value: Any) -> str:
    data = value if isinstance(value, dict) else unstructure(value)
    return json.dumps(data, ensure_ascii=False, indent=2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already reported by argparse
        return exc.code if isinstance(exc.code, int) else 2
    try:
        value, table = _COMMANDS[args.command](args)
        wants_json = args.format == "json" or getattr(args, "json", False)
        print(_as_json(value) if wants_json else table)
    except OutsideValidityError as exc:
        print(f"error: {exc} — on the command line: --allow-outside-validity", file=sys.stderr)
        return 2
    except BaoshanQualityError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. `baoshan-quality demo | head`
        return 0
    except Exception as exc:  # pragma: no cover - a bug: one line, never a traceback
        print(
            f"error: internal error ({type(exc).__name__}: {exc}); please report it",
            file=sys.stderr,
        )
        return 1
    return 0
