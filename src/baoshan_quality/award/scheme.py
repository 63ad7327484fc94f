"""An award scheme as data: everything one edition of the award measures fixes, as one value.

An :class:`AwardScheme` names its own document (number, titles, issuer) and holds the
tables of its articles — classes and tracks (Art. 2), the eligibility conditions
(Art. 3, 14, 15), the cycle (Art. 5), quotas (Art. 7), prizes (Art. 19), the periods
(Art. 12, 14–16, 18(7), 23, 25, 27) and the validity span (Art. 28) — as records of
:mod:`baoshan_quality.award.parts`.  The rules read it (``scheme=None`` means
:data:`~baoshan_quality.award.baoshan.BAOSHAN_2023`), and every citation of a rule read
from a scheme names the scheme's document (:meth:`AwardScheme.cite`).  The next edition
of the Measures, or a neighbouring district's near-identical measures, is a new value —
in Python or in JSON (``from_json(text, AwardScheme)``) — not new code.

The rules that are code rather than data (the procedure of Art. 18, Art. 4, 16, 21,
24–26) cite the Baoshan text's clause numbers, under the scheme's document: a scheme is
for measures laid out as the Baoshan Measures are.

Construction checks that the data hang together, naming the field
(:class:`~baoshan_quality.errors.TableError`): codes are distinct; every class × track
has exactly one quota row and one prize row, and no row names a class or track the
scheme lacks; one track per kind of applicant; each term counts in its unit; each
condition row reads facts the applicant has, of the kind its judgement needs.

>>> from baoshan_quality.award.baoshan import BAOSHAN_2023
>>> BAOSHAN_2023
AwardScheme('baoshan-2023')
>>> [c.code for c in BAOSHAN_2023.classes], [t.code for t in BAOSHAN_2023.tracks]
(['mayor', 'gold'], ['model', 'achievement'])
>>> str(BAOSHAN_2023.cite(BAOSHAN_2023.reapplication_bar.clause))
'Measures Art. 16'
"""

from __future__ import annotations

import datetime
import functools
import itertools
import typing
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from baoshan_quality._validation import (
    is_enum,
    is_instance,
    is_int,
    is_name,
    is_tuple_of,
    to_name,
)
from baoshan_quality.award._show import as_tuple
from baoshan_quality.award.applicants import Individual, Organisation
from baoshan_quality.award.parts import (
    ApplicantKind,
    AwardClass,
    ConditionRow,
    Judgement,
    PrizeRow,
    QuotaRow,
    SchemeTerm,
    TermUnit,
    Track,
    ValiditySpan,
    is_code,
)
from baoshan_quality.award.records import GovernmentAwardLevel
from baoshan_quality.citations import Citation, Document
from baoshan_quality.errors import InvalidInputError, TableError

__all__ = ["AwardScheme"]

#: The scheme's terms in years, by field name (``notice`` counts working days).
YEAR_TERMS = (
    "cycle",
    "reviewer_experience",
    "operating",
    "organisation_lookback",
    "quality_work",
    "member_organisation_lookback",
    "reapplication_bar",
    "reporting",
    "revocation_bar",
    "retention",
)

#: The applicant's fields a condition row may read, by the type each judgement needs.
_FACT_TYPES: dict[Judgement, object] = {
    Judgement.ALL_HOLD: bool | None,
    Judgement.ANY_HOLDS: bool | None,
    Judgement.AT_LEAST_YEARS: datetime.date | None,
    Judgement.NONE_WITHIN_LOOKBACK: tuple[datetime.date, ...] | None,
}
_APPLICANTS: dict[ApplicantKind, type] = {
    ApplicantKind.ORGANISATION: Organisation,
    ApplicantKind.INDIVIDUAL: Individual,
}


@functools.cache
def _facts_of(kind: ApplicantKind) -> dict[str, object]:
    """The applicant's fields and their types (``name`` excluded)."""
    hints = typing.get_type_hints(_APPLICANTS[kind])
    return {name: hint for name, hint in hints.items() if name != "name"}


def _to_classes(value: Iterable[AwardClass]) -> tuple[AwardClass, ...]:
    return as_tuple(value)


def _to_tracks(value: Iterable[Track]) -> tuple[Track, ...]:
    return as_tuple(value)


def _to_conditions(value: Iterable[ConditionRow]) -> tuple[ConditionRow, ...]:
    return as_tuple(value)


def _to_quotas(value: Iterable[QuotaRow]) -> tuple[QuotaRow, ...]:
    return as_tuple(value)


def _to_prizes(value: Iterable[PrizeRow]) -> tuple[PrizeRow, ...]:
    return as_tuple(value)


_IS_TERM = is_instance(SchemeTerm)


@attrs.frozen(kw_only=True, repr=False)
class AwardScheme:
    """Everything one edition of the award measures fixes, field by field in article order.

    Its ``repr`` is short (``AwardScheme('baoshan-2023')``); equality and JSON cover
    every field.

    Attributes
    ----------
    key
        A short code (``"baoshan-2023"``), named by results (``verdict.scheme``).
    document
        The measures themselves (a :class:`~baoshan_quality.citations.Document`): every
        citation of a rule read from the scheme names it.
    district_zh
        The district's name as prefixed to class names (``宝山区``).
    level
        The level of the award itself (Art. 16 para 2 compares other awards to it).
    classes, tracks
        Art. 2: the classes, highest first, and the tracks of every class.
    conditions
        Art. 3, 14, 15: the eligibility conditions, one row per condition (or part).
    cycle, cycle_anchor
        Art. 5: the cycle's length in years, and an evaluation year to count from
        (reading R10's default: for Baoshan 2023, an outside fact — see the docs).
    quotas, prizes
        Art. 7 and Art. 19: one row per class × track.
    reviewer_experience, operating, organisation_lookback, quality_work,
    member_organisation_lookback, reapplication_bar, notice, reporting,
    revocation_bar, retention
        The periods of Art. 12(2), 14(1), 14, 15(1), 15(4), 16, 18(7) (working
        days), 23, 25 and 27.
    validity
        Art. 28: when the measures apply.

    Examples
    --------
    >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
    >>> BAOSHAN_2023.full_name_zh("mayor")
    '宝山区区长质量奖'
    >>> BAOSHAN_2023.quota_row("gold", "model").maximum
    10
    >>> attrs.evolve(BAOSHAN_2023, quotas=BAOSHAN_2023.quotas[1:])
    Traceback (most recent call last):
    ...
    baoshan_quality.errors.TableError: AwardScheme.quotas: no row for mayor × model, got ...
    """

    key: str = attrs.field(validator=is_code)
    document: Document = attrs.field(validator=is_instance(Document))
    district_zh: str = attrs.field(converter=to_name, validator=is_name)
    level: GovernmentAwardLevel = attrs.field(validator=is_enum(GovernmentAwardLevel))
    classes: tuple[AwardClass, ...] = attrs.field(
        converter=_to_classes, validator=is_tuple_of(AwardClass)
    )
    tracks: tuple[Track, ...] = attrs.field(converter=_to_tracks, validator=is_tuple_of(Track))
    conditions: tuple[ConditionRow, ...] = attrs.field(
        converter=_to_conditions, validator=is_tuple_of(ConditionRow)
    )
    cycle: SchemeTerm = attrs.field(validator=_IS_TERM)
    cycle_anchor: int = attrs.field(validator=is_int(minimum=1, maximum=9999))
    quotas: tuple[QuotaRow, ...] = attrs.field(
        converter=_to_quotas, validator=is_tuple_of(QuotaRow)
    )
    reviewer_experience: SchemeTerm = attrs.field(validator=_IS_TERM)
    operating: SchemeTerm = attrs.field(validator=_IS_TERM)
    organisation_lookback: SchemeTerm = attrs.field(validator=_IS_TERM)
    quality_work: SchemeTerm = attrs.field(validator=_IS_TERM)
    member_organisation_lookback: SchemeTerm = attrs.field(validator=_IS_TERM)
    reapplication_bar: SchemeTerm = attrs.field(validator=_IS_TERM)
    notice: SchemeTerm = attrs.field(validator=_IS_TERM)
    prizes: tuple[PrizeRow, ...] = attrs.field(
        converter=_to_prizes, validator=is_tuple_of(PrizeRow)
    )
    reporting: SchemeTerm = attrs.field(validator=_IS_TERM)
    revocation_bar: SchemeTerm = attrs.field(validator=_IS_TERM)
    retention: SchemeTerm = attrs.field(validator=_IS_TERM)
    validity: ValiditySpan = attrs.field(validator=is_instance(ValiditySpan))

    def __attrs_post_init__(self) -> None:
        self._check_codes("classes", [c.code for c in self.classes])
        self._check_codes("tracks", [t.code for t in self.tracks])
        kinds = [t.applicant for t in self.tracks]
        for index, kind in enumerate(kinds):
            if kind in kinds[:index]:
                raise TableError.about(
                    f"AwardScheme.tracks[{index}].applicant",
                    kind.value,
                    "a second track for the same kind of applicant (one track per kind, Art. 2)",
                )
        self._check_rows("quotas", self.quotas)
        self._check_rows("prizes", self.prizes)
        for name in (*YEAR_TERMS, "notice"):
            term: SchemeTerm = getattr(self, name)
            wanted = TermUnit.WORKING_DAYS if name == "notice" else TermUnit.YEARS
            if term.unit is not wanted:
                raise TableError.about(
                    f"AwardScheme.{name}.unit", term.unit.value, f"expected {wanted.value}"
                )
        self._check_conditions()

    def __repr__(self) -> str:
        return f"AwardScheme({self.key!r})"

    # --- checks ----------------------------------------------------------------------

    @staticmethod
    def _check_codes(name: str, codes: list[str]) -> None:
        if not codes:
            raise TableError.about(f"AwardScheme.{name}", (), "expected at least one")
        for index, code in enumerate(codes):
            if code in codes[:index]:
                raise TableError.about(
                    f"AwardScheme.{name}[{index}].code", code, "a duplicate code"
                )

    def _check_rows(self, name: str, rows: Sequence[QuotaRow | PrizeRow]) -> None:
        classes = [c.code for c in self.classes]
        tracks = [t.code for t in self.tracks]
        seen: set[tuple[str, str]] = set()
        for index, row in enumerate(rows):
            where = f"AwardScheme.{name}[{index}]"
            if row.award_class not in classes:
                raise TableError.about(
                    f"{where}.award_class",
                    row.award_class,
                    f"not a class of the scheme ({', '.join(classes)})",
                )
            if row.track not in tracks:
                raise TableError.about(
                    f"{where}.track", row.track, f"not a track of the scheme ({', '.join(tracks)})"
                )
            pair = (row.award_class, row.track)
            if pair in seen:
                raise TableError.about(where, row, f"a second row for {pair[0]} × {pair[1]}")
            seen.add(pair)
        for award_class, track in itertools.product(classes, tracks):
            if (award_class, track) not in seen:
                raise TableError.about(
                    f"AwardScheme.{name}", rows, f"no row for {award_class} × {track}"
                )

    def _check_conditions(self) -> None:
        kinds = {t.applicant for t in self.tracks}
        first_rows: dict[tuple[ApplicantKind, str], ConditionRow] = {}
        previous: tuple[ApplicantKind, str] | None = None
        for index, row in enumerate(self.conditions):
            where = f"AwardScheme.conditions[{index}]"
            if row.applicant not in kinds:
                raise TableError.about(
                    f"{where}.applicant",
                    row.applicant.value,
                    "the scheme has no track for this kind of applicant",
                )
            which = (row.applicant, row.key)
            if which in first_rows and previous != which:
                raise TableError.about(
                    f"{where}.key",
                    row.key,
                    "a key used before: the parts of a condition follow each other",
                )
            first = first_rows.setdefault(which, row)
            if first.clause != row.clause:
                raise TableError.about(
                    f"{where}.clause",
                    row.clause,
                    f"the parts of {row.key} share one clause ({first.clause})",
                )
            previous = which
            if row.term is not None and row.term not in YEAR_TERMS:
                raise TableError.about(
                    f"{where}.term", row.term, f"expected a term in years ({', '.join(YEAR_TERMS)})"
                )
            facts = _facts_of(row.applicant)
            for number, fact in enumerate(row.facts):
                if fact.name not in facts:
                    raise TableError.about(
                        f"{where}.facts[{number}].name",
                        fact.name,
                        f"not a fact of {_APPLICANTS[row.applicant].__name__}",
                    )
                if facts[fact.name] != _FACT_TYPES[row.judged]:
                    raise TableError.about(
                        f"{where}.facts[{number}].name",
                        fact.name,
                        f"not the kind of fact a {row.judged.value} condition reads",
                    )

    # --- reading the scheme ----------------------------------------------------------

    def cite(self, clause: str) -> Citation:
        """A clause of the scheme's own document.

        >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
        >>> str(BAOSHAN_2023.cite("Art. 7"))
        'Measures Art. 7'
        """
        return Citation(self.document, clause)

    def award_class(self, value: AwardClass | str, *, field: str = "award_class") -> AwardClass:
        """The class with this code (or the class itself); any other value is refused.

        ``field`` names the argument in the error (``InvalidInputError``, Art. 2).

        >>> from baoshan_quality.award.baoshan import BAOSHAN_2023
        >>> BAOSHAN_2023.award_class("gold").zh
        '质量金奖'
        """
        code = value.code if isinstance(value, AwardClass) else value
        for record in self.classes:
            if record.code == code:
                return record
        raise self._unknown(field, value, "class", [c.code for c in self.classes])

    def track(self, value: Track | str, *, field: str = "track") -> Track:
        """The track with this code (or the track itself); any other value is refused."""
        code = value.code if isinstance(value, Track) else value
        for record in self.tracks:
            if record.code == code:
                return record
        raise self._unknown(field, value, "track", [t.code for t in self.tracks])

    def track_for(self, kind: ApplicantKind) -> Track:
        """The one track open to ``kind`` (Art. 2: 组织可申报模式，个人可申报成果)."""
        if not isinstance(kind, ApplicantKind):
            raise InvalidInputError.about(
                "kind", kind, "expected an ApplicantKind", self.cite("Art. 2")
            )
        for track in self.tracks:
            if track.applicant is kind:
                return track
        raise InvalidInputError.about(
            "kind", kind.value, f"the scheme {self.key} has no track for it", self.cite("Art. 2")
        )

    def _unknown(self, field: str, value: object, what: str, codes: list[str]) -> InvalidInputError:
        shown = value.code if isinstance(value, (AwardClass, Track)) else value
        return InvalidInputError.about(
            field,
            shown,
            f"expected a {what} of the scheme {self.key} ({', '.join(codes)})",
            self.cite("Art. 2"),
        )

    def full_name_zh(self, award_class: AwardClass | str) -> str:
        """The class's full Chinese name, with the district (``宝山区区长质量奖``)."""
        return f"{self.district_zh}{self.award_class(award_class).zh}"

    def quota_row(self, award_class: AwardClass | str, track: Track | str) -> QuotaRow:
        """The Art. 7 row for ``award_class`` × ``track`` (records or codes)."""
        pair = (self.award_class(award_class).code, self.track(track).code)
        return next(r for r in self.quotas if (r.award_class, r.track) == pair)

    def prize_row(self, award_class: AwardClass | str, track: Track | str) -> PrizeRow:
        """The Art. 19 row for ``award_class`` × ``track`` (records or codes)."""
        pair = (self.award_class(award_class).code, self.track(track).code)
        return next(r for r in self.prizes if (r.award_class, r.track) == pair)

    def conditions_for(self, kind: ApplicantKind) -> tuple[ConditionRow, ...]:
        """The condition rows of one kind of applicant, in the table's order."""
        return tuple(row for row in self.conditions if row.applicant is kind)

    def term(self, name: str) -> SchemeTerm:
        """The term called ``name`` (``"operating"``, ``"notice"`` …)."""
        if name not in (*YEAR_TERMS, "notice"):
            raise InvalidInputError.about(
                "name", name, f"expected one of {', '.join((*YEAR_TERMS, 'notice'))}"
            )
        term: SchemeTerm = getattr(self, name)
        return term

    def citations(self) -> tuple[Citation, ...]:
        """Every clause the scheme's data carry, as citations of its document, in order."""
        records: list[Any] = [*self.classes, *self.tracks, *self.conditions, *self.quotas]
        records += [getattr(self, name) for name in (*YEAR_TERMS, "notice")]
        records += [*self.prizes, self.validity]
        return tuple(dict.fromkeys(self.cite(record.clause) for record in records))
