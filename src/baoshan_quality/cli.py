"""The command line: the only module of the package that does I/O.

``python -m baoshan_quality`` (or the console script ``baoshan-quality``) with the
subcommands

* ``demo`` — rank the embedded ILLUSTRATIVE sample of 14 units;
* ``score FILE`` — score an Assessment (or a list of them) against Guide Appendix B;
* ``rank FILE`` — rank a list of UnitScore objects (or of Assessments, which are
  scored first) under Guide §8;
* ``eligibility FILE --on DATE`` — check an applicant against Measures Art. 3,
  14–16 and 25;
* ``notice-end DATE`` — the earliest close of a public notice starting on DATE
  (Measures Art. 18(7), ≥ 5 working days); ``--published-year FILE`` (repeatable)
  adds a year's holiday schedule from its State Council notice, as ``PublishedYear``
  JSON, to the working-day calendar (reading R12);

  both apply the award's rules of the Baoshan 2023 Measures, or of another award
  scheme read from a JSON file with ``--scheme FILE`` (``baoshan-quality schema
  award-scheme`` prints its JSON Schema);
* ``schema NAME`` — print a JSON Schema of :mod:`baoshan_quality.schema`.

``FILE`` is a JSON file in the shapes of :mod:`baoshan_quality.serialization`, or
``-`` for standard input.  JSON numbers are read exactly, as the decimal text they are
(``{"total": 92.5}`` is 92.5, never a binary float); a UTF-8 byte order mark is
allowed.  Each command prints a readable table (``--format table``, the default),
JSON (``--format json``) or CSV for Excel (``--format csv``: UTF-8 with a byte order
mark, one row per record of the result's ``to_records()``); ``--lang zh|en|both``
chooses the language of the explanations in the table and the CSV (default ``zh``).
The readings of the texts are options (``--ties``, ``--vacancy``, ``--counting`` …;
defaults as in the readings page).

Limits: an input file larger than ``--max-bytes`` (default 20 MB, 20,000,000 bytes)
is refused before it is read; a list of more than ``--max-units`` units or
assessments (default 10,000) is refused before any of them is built.

Exit status: 0 done; 2 bad input — a file missing, too large, not UTF-8, bad JSON, a
rule violated — with one line on stderr naming the field (by its JSON path) or the
option to pass, never a traceback; 1 an unexpected internal error (one line).  Output
that the terminal's encoding cannot show is escaped (``\\u7f57``), never an error.

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
import ast
import contextlib
import csv
import datetime
import decimal
import enum
import functools
import io
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, Protocol

from baoshan_quality import __version__, check_eligibility, rank_units, score
from baoshan_quality._display import Tabular
from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.baoshan import BAOSHAN_2023
from baoshan_quality.award.notice import NoticeCounting, NoticePolicy, earliest_notice_close
from baoshan_quality.award.scheme import AwardScheme
from baoshan_quality.errors import (
    BaoshanQualityError,
    MissingCriterionError,
    OutsideValidityError,
    StructureError,
    UnpublishedCalendarError,
    UnresolvedTieError,
)
from baoshan_quality.guide.scoring import (
    Assessment,
    BonusPolicy,
    FloorPolicy,
    IncidentPolicy,
    MissingPolicy,
    ScoreCard,
    ScoringPolicy,
)
from baoshan_quality.guide.tiering import TiePolicy, TieringPolicy, UnitScore, VacancyPolicy
from baoshan_quality.sample import SAMPLE_YEAR, sample_assessments
from baoshan_quality.schema import schema, schema_names
from baoshan_quality.serialization import converter, structure, unstructure
from baoshan_quality.workdays import ChinaWorkdayCalendar, PublishedYear

__all__ = ["main"]

#: The largest input file read by default (``--max-bytes``): 20 MB.
MAX_BYTES = 20_000_000
#: The most units (or assessments) a file may list by default (``--max-units``).
MAX_UNITS = 10_000
#: An error line is cut to this many characters (a bad file can be large).
_MAX_MESSAGE = 2_000
#: A structure error names this many problems, then counts the rest.
_MAX_PROBLEMS = 5

_EXAMPLES = """\
examples (FILE may be - for standard input):
  baoshan-quality demo
  baoshan-quality rank docs/examples/units.json
  baoshan-quality rank docs/examples/units.json --ties strict --tie-break 杨行镇,大场镇
  baoshan-quality rank docs/examples/units.json --format csv > ranking.csv
  cat docs/examples/units.json | baoshan-quality rank - --format json
  baoshan-quality rank docs/examples/assessments.json   # Assessments: scored, then ranked
  baoshan-quality score docs/examples/assessment.json
  baoshan-quality eligibility docs/examples/organisation.json --on 2025-05-10
  baoshan-quality notice-end 2025-09-26
  baoshan-quality notice-end 2025-09-26 --scheme docs/examples/schemes/illustrative-district-2025.json
  baoshan-quality schema unit-scores > unit-scores.schema.json

input files are JSON in the shapes of baoshan_quality.serialization (decimals as
strings such as "92.5", or JSON numbers, read exactly); `baoshan-quality schema NAME`
prints their JSON Schemas.  Limits: --max-bytes (default 20,000,000) and --max-units
(default 10,000).
exit status: 0 done; 2 bad input (one line on stderr); 1 internal error.
"""


class _Writable(Protocol):
    def write(self, text: str, /) -> object: ...


class _InputError(Exception):
    """A bad input found by the command line itself (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors reported in one line (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {_one_line(message)} (see `{self.prog} --help`)\n")

    def _print_message(self, message: str, file: _Writable | None = None) -> None:
        with contextlib.suppress(AttributeError, OSError):  # no stream: as argparse does
            if message:
                _write(file or sys.stderr, message.rstrip("\n"))


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(text: str) -> datetime.date:
    """A date written strictly as ``YYYY-MM-DD`` (on every Python: 3.11's
    ``fromisoformat`` would also take ``20250510`` and ``2025-W19-6``)."""
    try:
        if _ISO_DATE.fullmatch(text):
            return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"expected a date as YYYY-MM-DD, such as 2025-05-10, got {text!r}"
    )


def _count(text: str) -> int:
    if not re.fullmatch(r"[0-9][0-9_]*", text) or len(text) > 20:
        raise argparse.ArgumentTypeError(f"expected a whole number such as 1000, got {text!r}")
    return int(text)


def _choices(kind: Any) -> list[str]:
    return [member.value for member in kind]


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="baoshan-quality",
        description="Baoshan District quality policy as executable rules "
        "(DB31113/Z 005—2022, 宝府规〔2023〕3号).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands: list[argparse.ArgumentParser] = []

    def add(
        name: str, help_text: str, epilog: str, formats: Sequence[str] = ("table", "json", "csv")
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog="example:\n  " + epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument("--format", choices=formats, default="table",
                       help="output: " + ", ".join(formats) + " (default: table)"
                       + ("; csv is UTF-8 with a BOM, for Excel" if "csv" in formats else ""))  # fmt: skip
        commands.append(p)
        return p

    def language(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=("zh", "en", "both"), default="zh",
                       help="language of the explanations in table and csv (default: zh)")  # fmt: skip

    def reading(p: argparse.ArgumentParser, *, units: bool) -> None:
        p.add_argument("--max-bytes", type=_count, default=MAX_BYTES, metavar="N",
                       help=f"refuse an input file larger than N bytes (default: {MAX_BYTES:,})")  # fmt: skip
        if units:
            p.add_argument("--max-units", type=_count, default=MAX_UNITS, metavar="N",
                           help=f"refuse a list of more than N units (default: {MAX_UNITS:,})")  # fmt: skip

    def scheme(p: argparse.ArgumentParser) -> None:
        p.add_argument("--scheme", metavar="FILE", default=None,
                       help="the award scheme, a JSON file (see `baoshan-quality schema "
                       "award-scheme`); default: the Baoshan 2023 Measures")  # fmt: skip

    def scoring_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--missing", choices=_choices(MissingPolicy), default="error",
                       help="a criterion without a score: error (default) or zero (R19)")  # fmt: skip
        p.add_argument("--incidents", choices=_choices(IncidentPolicy), default="once",
                       help="several major incidents: one deduction (default) or one each (R4)")  # fmt: skip
        p.add_argument("--floor", choices=_choices(FloorPolicy), default="none",
                       help="a total below zero: allowed (default) or floored at 0 (R5)")  # fmt: skip
        p.add_argument("--bonus", choices=_choices(BonusPolicy), default="per-honor",
                       help="several honours of one level (加分项, R44): each counts (default; "
                       "two national 3+3, capped to 5) or each level once (two national 3)")  # fmt: skip

    demo = add("demo", "rank the embedded ILLUSTRATIVE sample of 14 units (invented scores)",
               "baoshan-quality demo --format json")  # fmt: skip
    demo.add_argument("--json", action="store_true", help="same as --format json")
    language(demo)

    p = add("score", "score an Assessment, or a JSON list of them, against Guide Appendix B",
            "baoshan-quality score docs/examples/assessment.json --missing zero")  # fmt: skip
    p.add_argument("file", metavar="FILE",
                   help="JSON file (- for standard input): an Assessment object or a list of them")  # fmt: skip
    scoring_options(p)
    language(p)
    reading(p, units=True)

    p = add("rank", "rank units under Guide §8 (tiers A and B, 优秀)",
            "baoshan-quality rank docs/examples/units.json --ties strict --tie-break 杨行镇,大场镇")  # fmt: skip
    p.add_argument("file", metavar="FILE",
                   help="JSON file (- for standard input): a list of UnitScore objects, "
                   "or of Assessments (scored first)")  # fmt: skip
    p.add_argument("--ties", choices=_choices(TiePolicy), default="competition",
                   help="units tied across the 6th or 3rd place (R1; default competition)")  # fmt: skip
    p.add_argument("--tie-break", default="", metavar="UNIT,UNIT,...",
                   help="with --ties strict: the order of tied units, best first")  # fmt: skip
    p.add_argument("--vacancy", choices=_choices(VacancyPolicy), default="vacant",
                   help="an 优秀 place lost to a major incident (R2; default vacant)")  # fmt: skip
    scoring_options(p)
    language(p)
    reading(p, units=True)

    p = add("eligibility", "check an applicant against Measures Art. 3, 14-16 and 25",
            "baoshan-quality eligibility docs/examples/organisation.json --on 2025-05-10")  # fmt: skip
    p.add_argument("file", metavar="FILE",
                   help='JSON file (- for standard input): {"organisation": {...}} or '
                   '{"individual": {...}}, optionally with "applying_for": "mayor" or "gold"')  # fmt: skip
    p.add_argument("--on", type=_date, required=True, metavar="DATE",
                   help="the application date, YYYY-MM-DD")  # fmt: skip
    p.add_argument("--allow-outside-validity", action="store_true",
                   help="check a date outside the Measures' validity (Art. 28)")  # fmt: skip
    scheme(p)
    language(p)
    reading(p, units=False)

    p = add("notice-end", "the earliest close of a public notice (Measures Art. 18(7))",
            "baoshan-quality notice-end 2025-09-26 --counting from-next-day")  # fmt: skip
    p.add_argument("start", type=_date, metavar="DATE", help="the first day of the notice")
    p.add_argument("--counting", choices=_choices(NoticeCounting), default="first-day-counts",
                   help="R11: does the first day count (default) or does counting start "
                   "the next day")  # fmt: skip
    p.add_argument("--allow-outside-validity", action="store_true",
                   help="a start outside the Measures' validity (Art. 28)")  # fmt: skip
    p.add_argument("--published-year", action="append", default=[], metavar="FILE",
                   help='a year\'s schedule from its State Council notice, as JSON {"year", '
                   '"notice", "holidays", "workdays"} (docs/calendar.md), for a year the '
                   "installed chinesecalendar does not carry yet (R12); repeatable")  # fmt: skip
    scheme(p)

    p = add("schema", "print the JSON Schema of an input or result",
            "baoshan-quality schema ranking", formats=("table", "json"))  # fmt: skip
    p.add_argument("name", choices=schema_names(), metavar="NAME",
                   help="one of: " + ", ".join(schema_names()))  # fmt: skip

    parser.epilog = _command_summary(commands) + "\n" + _EXAMPLES
    return parser


def _command_summary(commands: Sequence[argparse.ArgumentParser]) -> str:
    """Each subcommand with its options (its usage, wrapped), for the top-level --help."""
    lines = ["commands and their options (`baoshan-quality COMMAND --help` explains each):"]
    for p in commands:
        usage = " ".join(p.format_usage().removeprefix("usage: ").replace("[-h] ", "").split())
        # an option and its argument stay on one line: no break inside [...]
        usage = re.sub(r"\[[^\]]*\]", lambda m: m.group().replace(" ", "\0"), usage)
        wrapped = textwrap.fill(
            usage, width=88, initial_indent="  ", subsequent_indent="      ",
            break_long_words=False, break_on_hyphens=False,
        )  # fmt: skip
        lines.append(wrapped.replace("\0", " "))
        lines.append(f"      {p.description}")
    return "\n".join(lines) + "\n"


# --- reading the input -----------------------------------------------------------------


class _Input:
    """The parsed JSON of the input file, kept to name where a bad value came from."""

    def __init__(self, name: str, data: Any) -> None:
        self.name = name
        self.data = data


def _too_large(name: str, size: int | None, limit: int) -> _InputError:
    if size is None:
        return _InputError(
            f"{name}: more than {limit:,} bytes, the limit; pass --max-bytes N with a larger N "
            "to read it"
        )
    return _InputError(
        f"{name}: {size:,} bytes, more than the limit of {limit:,} bytes; pass "
        f"--max-bytes {size} (or more) to read it"
    )


def _read_bytes(source: str, limit: int) -> tuple[str, bytes]:
    """The bytes of ``source`` (``-``: standard input), refused beyond ``limit``
    before they are read (a file) or as soon as ``limit`` is passed (a stream)."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise _InputError("-: standard input is not available")
        data: bytes = stream.read(limit + 1)
        if len(data) > limit:
            raise _too_large("<stdin>", None, limit)
        return "<stdin>", data
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_large(source, size, limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise _InputError(f"cannot read {source}: {exc.strerror or exc}") from None
    if len(data) > limit:  # a file that grew, or a device or pipe (size 0)
        raise _too_large(source, None, limit)
    return source, data


def _duplicates_refused(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _InputError(f"duplicate key {key!r} in a JSON object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _InputError(f"{name} is not a number JSON allows")


@functools.cache
def _json_number() -> Callable[[str], Any]:
    """How a JSON number with a fraction or exponent is read: exactly, as a Decimal.

    The library's converter takes such a Decimal for a Decimal field; one that still
    asks for decimal *strings* gets the number's own decimal text instead — the same
    exact value (a JSON number is decimal text; nothing passes through a float).
    """
    try:
        converter.structure(decimal.Decimal("92.5"), decimal.Decimal)
    except Exception:  # any refusal means: give it the decimal text
        return str
    return decimal.Decimal


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _key_path(path: str, key: object) -> str:
    if isinstance(key, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


def _walk(data: Any, *, keys: bool = False) -> Iterator[tuple[str, Any]]:
    """Every (JSON path, value) in ``data``, in document order; with ``keys``, each
    key of an object too, as ``(path of its value + " (key)", key)``."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        children: list[tuple[str, Any]] = []
        if isinstance(value, dict):
            for key, item in value.items():
                child = _key_path(path, key)
                if keys:
                    children.append((f"{child} (key)", key))
                children.append((child, item))
        elif isinstance(value, list):
            children = [(f"{path}[{i}]", item) for i, item in enumerate(value)]
        stack.extend(reversed(children))


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _skip(text: str, at: int) -> int:
    """The index of the first character at or after ``at`` that is not JSON whitespace."""
    space = _JSON_SPACE.match(text, at)
    return space.end() if space else at


def _decode(text: str, max_items: int | None) -> Any:
    """``json.loads`` (strict: no duplicate key, no NaN, numbers exact); a top-level
    array is read item by item and refused at item ``max_items + 1``, before the rest
    of the file is parsed."""
    decoder = json.JSONDecoder(
        object_pairs_hook=_duplicates_refused,
        parse_constant=_no_constant,
        parse_float=_json_number(),
    )
    at = _skip(text, 0)
    if max_items is None or text[at : at + 1] != "[":
        return decoder.decode(text)
    items: list[Any] = []
    at = _skip(text, at + 1)
    if text[at : at + 1] == "]":
        return decoder.decode(text)  # [] (and anything after it reported as JSON does)
    while True:
        if len(items) == max_items:
            raise _InputError(
                f"$: more than {max_items:,} units, the limit; pass --max-units N with a "
                "larger N to read them"
            )
        item, at = decoder.raw_decode(text, at)
        items.append(item)
        at = _skip(text, at)
        if text[at : at + 1] == "]":
            break
        if text[at : at + 1] != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        at = _skip(text, at + 1)
    at = _skip(text, at + 1)
    if at != len(text):
        raise json.JSONDecodeError("Extra data", text, at)
    return items


def _read_json(source: str, limit: int, max_items: int | None = None) -> _Input:
    """The JSON data of ``source``: at most ``limit`` bytes, UTF-8 (a BOM allowed),
    no duplicate key, no NaN, numbers read exactly, no lone surrogate, and a top-level
    array of at most ``max_items`` items."""
    name, raw = _read_bytes(source, limit)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _InputError(
            f"{name}: not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start} "
            f"({exc.reason}); save the file as UTF-8"
        ) from None
    del raw
    text = text.removeprefix("\ufeff")
    try:
        data = _decode(text, max_items)
    except _InputError as exc:
        prefix = "" if str(exc).startswith("$") else "not valid JSON: "
        raise _InputError(f"{name}: {prefix}{exc}") from None
    except RecursionError:
        raise _InputError(f"{name}: not valid JSON: nested too deeply") from None
    except ValueError as exc:
        reason = str(exc)
        if "digits" in reason and "integer" in reason:  # Python's int limit, not JSON's
            reason = "a whole number has more than 4,300 digits"
        raise _InputError(f"{name}: not valid JSON: {reason}") from None
    if _SURROGATE_ESCAPE.search(text):
        for path, value in _walk(data, keys=True):
            found = _SURROGATE.search(value) if isinstance(value, str) else None
            if found:
                raise _InputError(
                    f"{name}: {path}: a lone surrogate \\u{ord(found.group()):04x} at "
                    f"character {found.start() + 1} is not text; write the character "
                    "itself, or both halves of its \\u escape pair"
                )
    return _Input(name, data)


def _list_of(read: _Input, what: str) -> list[Any]:
    if not isinstance(read.data, list):
        raise _InputError(
            f"{read.name}: $: expected a JSON array of {what}, got {_kind(read.data)}"
        )
    return read.data


def _kind(data: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true or false"}
    return names.get(type(data), "a number" if data is not None else "null")


# --- where a bad value is: its JSON path ---------------------------------------------


class _LocatedError(Exception):
    """A library error raised while handling the item at ``path`` of ``read``."""

    def __init__(self, error: BaoshanQualityError, read: _Input | None, path: str) -> None:
        super().__init__(str(error))
        self.error = error
        self.read = read
        self.path = path


@contextlib.contextmanager
def _at(read: _Input | None, path: str = "$") -> Iterator[None]:
    try:
        yield
    except BaoshanQualityError as exc:
        raise _LocatedError(exc, read, path) from None


_ATTRIBUTE = re.compile(r"[A-Z]\w*\.([a-z_]\w*)((?:\[[^\]]*\])*)")
#: ``AwardScheme.quotas[0].award_class`` in a message: an attribute chain of the item.
_ATTRIBUTES = re.compile(r"[A-Z]\w*((?:\.[a-z_]\w*(?:\[[^\]]*\])*)+)")
_DATE_REPR = re.compile(r"datetime\.date\((\d+), (\d+), (\d+)\)(?: \(date\))?")
_TUPLE_REPR = re.compile(r"\((?:'[^'\\]*'(?:, )?)+,?\) \(tuple\)")


def _plain(message: str) -> str:
    """Python's reprs in a message as a command-line user writes them."""
    message = _DATE_REPR.sub(
        lambda m: datetime.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), message
    )
    return _TUPLE_REPR.sub(
        lambda m: ",".join(ast.literal_eval(m.group().removesuffix(" (tuple)"))), message
    )


def _structure_problems(error: StructureError, base: str) -> str:
    """``$.path: problem`` for each problem the converter found (the first few)."""
    problems = []
    for problem in error.paths or (str(error),):
        text, sep, path = problem.rpartition(" @ $")
        if not sep:
            problems.append(problem)
            continue
        path = base + path
        field = _ATTRIBUTES.match(text)  # "UnitScore.unit: …": the attribute's path
        if field and text[field.end() :].startswith(":"):
            path += field[1]
            text = text[field.end() + 1 :].lstrip()
        problems.append(f"{path}: {text}")
    shown = problems[:_MAX_PROBLEMS]
    if len(problems) > _MAX_PROBLEMS:
        shown.append(f"and {len(problems) - _MAX_PROBLEMS:,} more problems")
    return "; ".join(shown)


def _value_paths(read: _Input, value: object) -> list[str]:
    """The JSON paths in the input that hold ``value`` (a date or a string)."""
    if isinstance(value, datetime.date):
        value = value.isoformat()
    if not isinstance(value, str) or not value:
        return []
    return [path for path, item in _walk(read.data) if item == value]


def _where(located: _LocatedError, command: str) -> tuple[str, bool]:
    """The library's message with its field named as the user wrote it: a JSON path
    of the input, or an option (then ``True``: the message is about the command line)."""
    error, read, base = located.error, located.read, located.path
    if isinstance(error, StructureError):
        return _structure_problems(error, base), False
    message, field = str(error), error.field or ""
    rest = message[len(field) :]
    if not field or not message.startswith(field) or not rest.startswith((":", " (")):
        return message, False
    flag = _FIELD_FLAGS.get(command, {}).get(field)
    if flag is not None:
        return flag + rest, True
    argument = _ARGUMENTS.get(command)
    if argument is not None and field.startswith((f"{argument}.", f"{argument}[")):
        return base + field.removeprefix(argument) + rest, False
    if field.startswith("units[") and command == "rank":  # rank_units: its input list
        return "$" + field.removeprefix("units") + rest, False
    attribute = _ATTRIBUTE.fullmatch(field)
    if attribute:  # "Assessment.scores": an attribute of the item at ``base``
        return f"{base}.{attribute[1]}{attribute[2]}{rest}", False
    paths = _value_paths(read, error.value) if read is not None else []
    if paths and rest.startswith(":"):  # a field of a computation: where its value came from
        more = f" (and {len(paths) - 1} more places)" if len(paths) > 1 else ""
        return f"{paths[0]}{more}{rest}", False
    return message, False


#: A library field that the command line sets from an option, by subcommand.
_FIELD_FLAGS: dict[str, dict[str, str]] = {
    "rank": {"TieringPolicy.tie_break": "--tie-break"},
    "eligibility": {"applied_on": "--on", "on": "--on"},
    "notice-end": {"start": "DATE"},
}
#: The library's argument that holds the command's input (at the located JSON path):
#: ``applicant.district_awards[0].awarded_on`` is ``$.organisation.district_awards[0]…``.
_ARGUMENTS: dict[str, str] = {"eligibility": "applicant"}
#: A reading the library advises as a policy field, and the option that sets it, by
#: subcommand (``pass ScoringPolicy(bonus=BonusPolicy.PER_LEVEL)`` → ``pass --bonus
#: per-level``).  ``missing`` is answered by its error's hint (``_HINTS``).
_POLICY_FLAGS: dict[str, dict[tuple[str, str], tuple[str, type[enum.Enum]]]] = {
    command: {
        ("ScoringPolicy", "bonus"): ("--bonus", BonusPolicy),
        ("ScoringPolicy", "incidents"): ("--incidents", IncidentPolicy),
        ("ScoringPolicy", "floor"): ("--floor", FloorPolicy),
    }
    for command in ("score", "rank")
}
_POLICY_ADVICE = re.compile(r"pass (\w+)\((\w+)=(\w+)\.(\w+)\)")


def _flag_advice(message: str, command: str) -> str:
    """The library's advice to pass a policy field, as the option of this subcommand."""
    flags = _POLICY_FLAGS.get(command, {})

    def option(match: re.Match[str]) -> str:
        found = flags.get((match[1], match[2]))
        if found is None or found[1].__name__ != match[3] or match[4] not in found[1].__members__:
            return match[0]
        return f"pass {found[0]} {found[1][match[4]].value}"

    message = _POLICY_ADVICE.sub(option, message)
    for field, flag in _FIELD_FLAGS.get(command, {}).items():
        if flag.startswith("--"):  # "(applied_on = 2025-05-10)": the day the user gave
            message = message.replace(f"({field} = ", f"({flag} ")
    return message


# --- hints: the option of *this* subcommand that answers the error ---------------------

#: Advice the library gives to Python callers, removed from the command line's messages.
_PYTHON_ADVICE = re.compile(
    r"[;:,]?\s*(?:[\w.]+ refuses to split them: )?"
    r"(?:add the State Council's notice for \d+ \([^()]*\) as \w+ data with "
    r"\w+\(\)\.with_year\(\.\.\.\), or )?pass "
    r"(?:[A-Z]\w*\((?:[^()]|\([^()]*\))*\)|\w+=[\w.]+|a calendar of your own)"
    r"(?: [a-z][^;(,]*?)?(?=\s*\(|,\s*got\b|;|$)"
)


def _tie_hint(error: BaoshanQualityError, args: argparse.Namespace) -> str:
    units = list(getattr(error, "units", ()))
    given = _names(args.tie_break)
    order = ",".join(given + [u for u in units if u not in given])
    if args.ties != TiePolicy.STRICT.value:
        return f"pass --tie-break {order} with --ties strict (best first)"
    return f"pass --tie-break {order} (best first), or rank with --ties competition"


def _calendar_hint(error: BaoshanQualityError, args: argparse.Namespace) -> str:
    day = error.value
    if not isinstance(day, datetime.date):  # pragma: no cover - notice-end errs on a day
        return "pass --published-year FILE with the year's State Council holiday notice"
    year = day.year
    return (
        f"pass --published-year FILE, a JSON file of the holidays and weekend workdays of "
        f"the State Council's notice for {year} (国务院办公厅关于{year}年部分节假日安排的通知), "
        f"or install a chinesecalendar release that carries {year}"
    )


_HINTS: tuple[
    tuple[type[BaoshanQualityError], frozenset[str], Callable[[Any, argparse.Namespace], str]],
    ...,
] = (
    (UnresolvedTieError, frozenset({"rank"}), _tie_hint),
    (MissingCriterionError, frozenset({"score", "rank"}),
     lambda e, a: "pass --missing zero to count them as 0 (R19)"),
    (OutsideValidityError, frozenset({"eligibility", "notice-end"}),
     lambda e, a: "pass --allow-outside-validity to apply them anyway"),
    (UnpublishedCalendarError, frozenset({"notice-end"}), _calendar_hint),
)  # fmt: skip


def _explain(located: _LocatedError, command: str, args: argparse.Namespace) -> str:
    """The one line for a library error: where, what, and the option that helps."""
    where, about_options = _where(located, command)
    message = _plain(_PYTHON_ADVICE.sub("", _flag_advice(where, command)))
    for kind, commands, hint in _HINTS:
        if isinstance(located.error, kind) and command in commands:
            message = f"{message}; {hint(located.error, args)}"
            break
    if located.read is None or about_options:
        return message
    return f"{located.read.name}: {message}"


# --- the subcommands ---------------------------------------------------------------


def _scoring(args: argparse.Namespace) -> ScoringPolicy:
    return ScoringPolicy(
        incidents=IncidentPolicy(args.incidents),
        floor=FloorPolicy(args.floor),
        missing=MissingPolicy(args.missing),
        bonus=BonusPolicy(args.bonus),
    )


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def _is_assessment(item: object) -> bool:
    return isinstance(item, dict) and "scores" in item


def _scored(read: _Input, items: list[Any], policy: ScoringPolicy) -> list[ScoreCard]:
    with _at(read):
        assessments = structure(items, list[Assessment])
    cards = []
    for i, assessment in enumerate(assessments):
        with _at(read, f"$[{i}]"):
            cards.append(score(assessment, policy=policy))
    return cards


def _demo(args: argparse.Namespace) -> Any:
    with _at(None):
        return rank_units(score(a) for a in sample_assessments())


def _score(args: argparse.Namespace) -> Any:
    read = _read_json(args.file, args.max_bytes, args.max_units)
    policy = _scoring(args)
    if isinstance(read.data, list):
        return _scored(read, read.data, policy)
    with _at(read):
        assessment = structure(read.data, Assessment)
    with _at(read):
        return score(assessment, policy=policy)


def _rank(args: argparse.Namespace) -> Any:
    tie_break = _names(args.tie_break)
    if tie_break and args.ties != TiePolicy.STRICT.value:
        raise _InputError("--tie-break orders tied units only with --ties strict (R1)")
    read = _read_json(args.file, args.max_bytes, args.max_units)
    data = _list_of(read, "units (UnitScore or Assessment objects)")
    scoring = _scoring(args)
    units: list[ScoreCard] | list[UnitScore]
    if data and all(_is_assessment(item) for item in data):
        units = _scored(read, data, scoring)
    else:
        with _at(read):
            units = structure(data, list[UnitScore])
    with _at(read):
        policy = TieringPolicy(
            ties=TiePolicy(args.ties), vacancy=VacancyPolicy(args.vacancy), tie_break=tie_break
        )
        return rank_units(units, policy=policy, scoring=scoring)


def _scheme(args: argparse.Namespace) -> AwardScheme | None:
    """The scheme of ``--scheme FILE`` (None: the Baoshan 2023 Measures)."""
    if args.scheme is None:
        return None
    read = _read_json(args.scheme, getattr(args, "max_bytes", MAX_BYTES))
    with _at(read):
        return structure(read.data, AwardScheme)


def _eligibility(args: argparse.Namespace) -> Any:
    chosen = _scheme(args)
    read = _read_json(args.file, args.max_bytes)
    data = read.data
    kinds: dict[str, type[Organisation] | type[Individual]] = {
        "organisation": Organisation,
        "individual": Individual,
    }
    if not isinstance(data, dict) or len(set(data) & set(kinds)) != 1:
        raise _InputError(
            f"{read.name}: $: expected an object with exactly one of the keys "
            '"organisation" or "individual" (see `baoshan-quality schema eligibility-request`)'
        )
    extra = sorted(set(data) - {*kinds, "applying_for"})
    if extra:
        raise _InputError(f"{read.name}: {_key_path('$', extra[0])}: unknown key {extra[0]!r}")
    key = next(k for k in kinds if k in data)
    with _at(read, f"$.{key}"):
        applicant: Organisation | Individual = structure(data[key], kinds[key])
    with _at(read, "$.applying_for"):
        applying_for = structure(data.get("applying_for"), str | None)  # type: ignore[arg-type]
    with _at(read, f"$.{key}"):
        return check_eligibility(
            applicant,
            applied_on=args.on,
            applying_for=applying_for,
            scheme=chosen,
            allow_outside_validity=args.allow_outside_validity,
        )


def _published_calendar(files: Sequence[str]) -> ChinaWorkdayCalendar | None:
    """The default calendar with the year of each ``--published-year FILE`` (R12)."""
    if not files:
        return None
    calendar, given = ChinaWorkdayCalendar(), dict[int, str]()
    for source in files:
        read = _read_json(source, MAX_BYTES)
        with _at(read):
            year = structure(read.data, PublishedYear)
        if year.year in given:
            raise _InputError(
                f"--published-year: {year.year} is given twice ({given[year.year]} and "
                f"{read.name}); pass each year once"
            )
        given[year.year] = read.name
        calendar = calendar.with_year(year)
    return calendar


def _notice_end(args: argparse.Namespace) -> Any:
    policy = NoticePolicy(NoticeCounting(args.counting))
    calendar = _published_calendar(args.published_year)
    chosen = _scheme(args)
    with _at(None):
        close = earliest_notice_close(
            args.start,
            calendar=calendar,
            policy=policy,
            scheme=chosen,
            allow_outside_validity=args.allow_outside_validity,
        )
    return {
        "start": args.start.isoformat(),
        "earliest_close": close.isoformat(),
        "working_days": (chosen or BAOSHAN_2023).notice.count,
        "counting": policy.counting.value,
    }


def _schema(args: argparse.Namespace) -> Any:
    return schema(args.name)


_COMMANDS: dict[str, Callable[[argparse.Namespace], Any]] = {
    "demo": _demo,
    "score": _score,
    "rank": _rank,
    "eligibility": _eligibility,
    "notice-end": _notice_end,
    "schema": _schema,
}

# --- writing the output --------------------------------------------------------------


#: Characters a terminal would act on or hide — controls but tab and newline (Cc),
#: format characters such as zero-width spaces and direction overrides (Cf), line and
#: paragraph separators (Zl, Zp) — and lone surrogates (tests/test_cli_conventions.py
#: checks the list against the running Python's Unicode database).
_UNPRINTABLE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    r"\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    r"\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    r"\U000e0001\U000e0020-\U000e007f\ud800-\udfff]"
)


def _printable(text: str) -> str:
    """``text`` with every unprintable character as its escape (``\\x00``, ``\\u200b``)."""
    return _UNPRINTABLE.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text
    )


def _one_line(text: str) -> str:
    line = _printable(" ".join(text.split("\n")))
    if len(line) > _MAX_MESSAGE:
        line = line[: _MAX_MESSAGE - 1] + f"… ({len(line) - _MAX_MESSAGE + 1:,} more characters)"
    return line


def _write(stream: _Writable, text: str) -> None:
    """``text`` and a newline on ``stream``, escaping what its encoding cannot show."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # pragma: no cover - a stream that names no real codec
        pass
    stream.write(text + "\n")


def _text(value: Any, lang: str) -> str:
    if isinstance(value, list):
        return "\n\n".join(_text(item, lang) for item in value)
    if isinstance(value, Tabular):
        return value.to_text(lang)  # type: ignore[arg-type]
    return str(value)


def _records(value: Any, lang: str) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [record for item in value for record in _records(item, lang)]
    if isinstance(value, Tabular):
        return value.to_records(lang=lang)  # type: ignore[arg-type]
    records: list[dict[str, Any]] = value.to_records()
    return records


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, decimal.Decimal)):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(_csv_cell(item) for item in value)
    text = _printable(str(value))
    # A text cell that Excel would run as a formula (CSV injection) starts with a quote.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _csv(value: Any, lang: str) -> str:
    records = _records(value, lang)
    keys = list(dict.fromkeys(key for record in records for key in record))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(keys)
    for record in records:
        writer.writerow([_csv_cell(record.get(key)) for key in keys])
    return out.getvalue()


def _json(value: Any, encoding: str) -> str:
    data = value if isinstance(value, dict) else unstructure(value)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, indent=2)  # \u escapes: still JSON
    return text


def _emit(value: Any, args: argparse.Namespace) -> None:
    out = sys.stdout
    form = "json" if getattr(args, "json", False) else args.format
    lang = getattr(args, "lang", "zh")
    if args.command == "schema" or form == "json":
        _write(out, _json(value, getattr(out, "encoding", None) or "utf-8"))
    elif form == "csv":  # bytes, whatever the terminal's encoding: a file for Excel
        data = ("\ufeff" + _csv(value, lang)).encode("utf-8", "backslashreplace")
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            out.write(data.decode("utf-8"))
        else:
            out.flush()
            buffer.write(data)
            buffer.flush()
    elif args.command == "notice-end":
        _write(out, value["earliest_close"])
    else:
        head = ""
        if args.command == "demo":
            head = (
                f"ILLUSTRATIVE SAMPLE — invented scores for {SAMPLE_YEAR}, not real results\n"
                "示例数据（虚构分数，并非真实考核结果）\n\n"
            )
        _write(out, _printable(head + _text(value, lang)))


def _quiet_stdout() -> None:  # pragma: no cover - after `| head` closed the pipe
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already reported
        return exc.code if isinstance(exc.code, int) else 2
    try:
        _emit(_COMMANDS[args.command](args), args)
    except _InputError as exc:
        _write(sys.stderr, f"error: {_one_line(str(exc))}")
        return 2
    except _LocatedError as exc:
        _write(sys.stderr, f"error: {_one_line(_explain(exc, args.command, args))}")
        return 2
    except BaoshanQualityError as exc:  # e.g. a result that JSON cannot hold
        _write(sys.stderr, f"error: {_one_line(_plain(_PYTHON_ADVICE.sub('', str(exc))))}")
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. `baoshan-quality demo | head`
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C
        _write(sys.stderr, "error: interrupted")
        return 130
    except Exception as exc:  # a bug: one line, never a traceback
        _write(
            sys.stderr,
            f"error: internal error ({type(exc).__name__}: {_one_line(str(exc))}); "
            "please report it",
        )
        return 1
    return 0
