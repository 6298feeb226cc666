"""The features of thaw's matching algorithm.

Each feature looks at one kind of evidence and returns a *contribution* on the
log-odds scale plus a sentence for the explanation. The final score is::

    score = sigmoid( logit(min(name, NAME_CAP)) + Σ contribution × weight )

so with nothing but a name the score is the name score (capped at
:data:`NAME_CAP`, so that strong contrary evidence can still bring an exact name
below the threshold), agreeing facts raise it and conflicting facts lower it.

Every feature also states its *ceiling*: the most it can contribute for a given
query, whatever the listing. Screening adds the ceilings of the other features to
the name's contribution to know, from the name alignment alone, which candidates
cannot reach the threshold even if every other fact agreed, and evaluates the
features only for the others (:func:`thaw.match.score_at_least`).

The registry :func:`features` lists them in order; their docstrings are the
user documentation of the algorithm (``thaw.match.describe_algorithm``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

from thaw.index.entry import Entry, normalize_id
from thaw.match.names import Alignment, NameMatch, best_of, name_match
from thaw.match.types import Query
from thaw.text import AnalyzedName, analyze_name, get_token_stats

#: The highest name score that enters the combination (see module docs).
NAME_CAP = 0.95

#: Factor applied to the name score when the best name is of this kind.
NAME_KIND_FACTOR: dict[str, float] = {
    "primary": 1.0,
    "alias": 1.0,
    "original": 1.0,
    "former": 0.97,
    "weak": 0.9,
}

_PERSONS = frozenset({"Person"})
_ORGS = frozenset({"Organization", "Company", "PublicBody"})
_THINGS = frozenset({"Vessel", "Aircraft"})


@dataclass(slots=True)
class Context:
    """What every feature sees: the query, the entry and the best name match.

    ``explain`` is false when only the score is wanted (candidates that turn out
    below the threshold): features may then leave their sentence out, and the
    name alignment is not turned into a :class:`NameMatch`."""

    query: Query
    entry: Entry
    name: NameMatch | None = None
    name_kind: str = "primary"
    name_score: float = 0.0
    notes: list[str] = field(default_factory=list)
    explain: bool = True


@dataclass(frozen=True, slots=True)
class Evidence:
    """A feature's finding: its log-odds contribution and a sentence (empty: silent)."""

    value: float
    note: str = ""


NO_EVIDENCE = Evidence(0.0)
"""What a feature returns when it has nothing to say."""


class Feature:
    """Base class: a named, weighted piece of evidence."""

    name: ClassVar[str] = "feature"
    weight: ClassVar[float] = 1.0

    def evaluate(self, ctx: Context) -> Evidence:
        """The contribution of this feature for ``ctx`` (before :attr:`weight`)."""
        raise NotImplementedError

    def ceiling(self, query: Query) -> float:
        """The highest value :meth:`evaluate` can return for ``query``, whatever
        the listing."""
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        """The feature's documentation (its docstring, dedented)."""
        import inspect

        return inspect.getdoc(cls) or ""


def best_name(query: Query, entry: Entry) -> tuple[NameMatch | None, str, float]:
    """The entry name that aligns best with the query name, its kind and score."""
    analyzed = analyze_name(query.name, query.schema)
    found = best_alignment(analyzed, entry)
    if found is None:
        return None, "primary", 0.0
    alignment, name, kind, score = found
    return name_match(analyzed, name, alignment), kind, score


def best_alignment(
    analyzed: AnalyzedName, entry: Entry
) -> tuple[Alignment, AnalyzedName, str, float] | None:
    """:func:`best_name` before the alignment is described: the raw alignment,
    the entry name, its kind and score (``None`` when the entry has no names)."""
    return best_of(analyzed, entry.names, get_token_stats(), NAME_KIND_FACTOR, NAME_CAP)


class NameFeature(Feature):
    """**Name** (the base of the score). The query name is aligned with every name
    of the listing (primary name, aliases, original-script names) and the best
    alignment counts; a weak alias (OFAC "weak a.k.a.", UN low quality) counts 0.9 of
    its score and a former name 0.97. The alignment works on analysed tokens
    (transliterated, romanisation variants folded, legal forms and generic words
    weighted low, honorifics dropped), in any order, tolerating typing errors
    within a length-dependent budget, initials, compounds and omitted middle names
    or patronymics, and penalising parts present on both sides that differ."""

    name = "name"
    weight = 1.0

    @staticmethod
    def logit(name_score: float) -> float:
        """The contribution of a best name score."""
        s = min(name_score, NAME_CAP)
        if s <= 0:  # (no names, or none shares a token with the query)
            return -12.0
        s = max(s, 1e-4)
        return math.log(s / (1 - s))

    def evaluate(self, ctx: Context) -> Evidence:
        logit = self.logit(ctx.name_score)
        if ctx.name_score <= 0:
            return Evidence(logit, "no name aligns")
        m = ctx.name
        if m is None or not ctx.explain:
            return Evidence(logit)
        note = (
            f"name {m.query.original!r} ~ {m.result.original!r}"
            f"{'' if ctx.name_kind in ('primary', 'alias') else f' ({ctx.name_kind})'}: "
            f"{m.describe()} = {ctx.name_score:.2f}"
        )
        return Evidence(logit, note)

    def ceiling(self, query: Query) -> float:
        return self.logit(NAME_CAP)


@lru_cache(maxsize=65536)
def _date_parts(value: str) -> tuple[int, int | None, int | None] | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if m is None:
        return None
    return (
        int(m.group(1)),
        (int(m.group(2)) if m.group(2) else None),
        (int(m.group(3)) if m.group(3) else None),
    )


class BirthDateFeature(Feature):
    """**Date of birth.** Compared at the precision both sides share, best agreement
    over the listing's dates: the same day +1.5; the same month (one side giving
    no day) +0.8; the same year (one side giving only the year) +0.5; the same
    year but a different month or day −1.0; one year apart −0.5 (weak: recorded
    years are often approximate); two to four years apart −1.8; five or more −3.0
    (strong: different people). Nothing when either side has no date."""

    name = "birth_date"
    weight = 1.0
    #: The contribution of the same date of birth, the highest it gives.
    SAME_DAY: ClassVar[float] = 1.5

    def evaluate(self, ctx: Context) -> Evidence:
        q = ctx.query.birth_date
        if not q or not ctx.entry.birth_dates:
            return NO_EVIDENCE
        qd = _date_parts(q)
        if qd is None:
            return NO_EVIDENCE
        best: tuple[float, str] | None = None
        for listed in ctx.entry.birth_dates:
            ed = _date_parts(listed)
            if ed is None:
                continue
            value = self._compare(qd, ed)
            if best is None or value > best[0]:
                best = (value, listed)
        if best is None:
            return NO_EVIDENCE
        value, listed = best
        verb = "agrees with" if value > 0 else "conflicts with"
        return Evidence(value, f"birth date {q} {verb} {listed} ({value:+.1f})")

    def ceiling(self, query: Query) -> float:
        return self.SAME_DAY if query.birth_date else 0.0

    @staticmethod
    def _compare(
        a: tuple[int, int | None, int | None], b: tuple[int, int | None, int | None]
    ) -> float:
        gap = abs(a[0] - b[0])
        if gap == 0:
            if a[1] is None or b[1] is None:
                return 0.5
            if a[1] != b[1]:
                return -1.0
            if a[2] is None or b[2] is None:
                return 0.8
            return BirthDateFeature.SAME_DAY if a[2] == b[2] else -1.0
        if gap == 1:
            return -0.5
        if gap < 5:
            return -1.8
        return -3.0


class CountryFeature(Feature):
    """**Country.** The query's countries (nationality, residence, registration,
    ISO-2) against the listing's nationalities, citizenships, countries and address
    countries: any in common +0.3; none in common −0.5 (people and companies move,
    so a weak signal). Nothing when either side has none."""

    name = "country"
    weight = 1.0
    #: The contribution of a country in common, the highest it gives.
    AGREE: ClassVar[float] = 0.3

    def evaluate(self, ctx: Context) -> Evidence:
        if not ctx.query.countries or not ctx.entry.countries:
            return NO_EVIDENCE
        q = {c.lower() for c in ctx.query.countries if c}
        e = {c.lower() for c in ctx.entry.countries if c}
        if not q or not e:
            return NO_EVIDENCE
        common = q & e
        if common:
            return Evidence(
                self.AGREE, f"country {', '.join(sorted(common))} agrees ({self.AGREE:+.1f})"
            )
        return Evidence(
            -0.5, f"country {', '.join(sorted(q))} conflicts with {', '.join(sorted(e))} (-0.5)"
        )

    def ceiling(self, query: Query) -> float:
        return self.AGREE if query.countries else 0.0


class GenderFeature(Feature):
    """**Gender.** Different genders stated on both sides −1.5; nothing otherwise."""

    name = "gender"
    weight = 1.0

    def evaluate(self, ctx: Context) -> Evidence:
        q, e = ctx.query.gender, ctx.entry.gender
        if not q or not e:
            return NO_EVIDENCE
        if q.lower()[:1] != e.lower()[:1]:
            return Evidence(-1.5, f"gender {q} conflicts with {e} (-1.5)")
        return NO_EVIDENCE

    def ceiling(self, query: Query) -> float:
        return 0.0


_IMO = re.compile(r"^(?:IMO)?(\d{7})$")


def id_kind(number: str) -> str | None:
    """The kind of an untyped identifier, where its form tells (IMO numbers)."""
    m = _IMO.match(normalize_id(number))
    if m is None:
        return None
    digits = m.group(1)
    check = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True)) % 10
    return "imo" if check == int(digits[6]) else None


class IdentifierFeature(Feature):
    """**Identifiers.** A query identifier (passport, national id, tax number / INN,
    registration / OGRN, IMO, LEI, SWIFT, crypto address …) equal to one of the
    listing's, after removing spaces, dashes, dots and an ``IMO`` prefix, is
    near-conclusive: +6.0 (the score goes close to 1 whatever the name). An
    identifier of a kind the listing also has (typed identifiers, and IMO numbers
    recognised by their check digit) but with a different number is strong
    evidence against: −2.5. Identifiers of other kinds say nothing."""

    name = "identifier"
    weight = 1.0
    #: The contribution of an identifier in common, the highest it gives.
    MATCH: ClassVar[float] = 6.0

    def evaluate(self, ctx: Context) -> Evidence:
        if not ctx.entry.identifiers or not (ctx.query.id_numbers or ctx.query.identifiers):
            return NO_EVIDENCE
        listed = {
            (i.number.removeprefix("IMO") if i.kind == "imo" else i.number): i
            for i in ctx.entry.identifiers
        }
        typed: list[tuple[str | None, str]] = [(id_kind(n), n) for n in ctx.query.id_numbers]
        typed += list(ctx.query.identifiers)
        conflicts: list[str] = []
        for kind, raw in typed:
            number = normalize_id(raw)
            if kind == "imo" or number.startswith("IMO"):
                number = number.removeprefix("IMO")
            if not number:
                continue
            hit = listed.get(number)
            if hit is not None:
                return Evidence(self.MATCH, f"{hit.kind} {raw} matches ({self.MATCH:+.1f})")
            if kind is not None:
                same = [i for i in ctx.entry.identifiers if i.kind == kind]
                if same:
                    conflicts.append(f"{kind} {raw} differs from {same[0].number}")
        if conflicts:
            return Evidence(-2.5, "; ".join(conflicts) + " (-2.5)")
        return NO_EVIDENCE

    def ceiling(self, query: Query) -> float:
        return self.MATCH if query.id_numbers or query.identifiers else 0.0


class SchemaFeature(Feature):
    """**Kind of party.** A person against an organisation, company, vessel or
    aircraft (or an organisation against a vessel) −4.0: a name shared by a person
    and a company is not a match. ``LegalEntity`` and an unknown schema are
    compatible with everything."""

    name = "schema"
    weight = 1.0

    def evaluate(self, ctx: Context) -> Evidence:
        q, e = ctx.query.schema, ctx.entry.schema
        if not q or not e or q == e or "LegalEntity" in (q, e):
            return NO_EVIDENCE
        groups = (_PERSONS, _ORGS, _THINGS)
        gq = next((g for g in groups if q in g), None)
        ge = next((g for g in groups if e in g), None)
        if gq is None or ge is None or gq is ge:
            return NO_EVIDENCE
        return Evidence(-4.0, f"{q} query against a {e} listing (-4.0)")

    def ceiling(self, query: Query) -> float:
        return 0.0


_REGISTRY: tuple[Feature, ...] = (
    NameFeature(),
    BirthDateFeature(),
    CountryFeature(),
    GenderFeature(),
    IdentifierFeature(),
    SchemaFeature(),
)


def features() -> tuple[Feature, ...]:
    """The features of the ``thaw`` algorithm, in evaluation order."""
    return _REGISTRY


def describe_algorithm() -> str:
    """Markdown documentation of the features and their weights."""
    lines = [__doc__ or "", ""]
    for f in _REGISTRY:
        lines.append(f"### `{f.name}` (weight {f.weight})\n\n{f.doc()}\n")
    return "\n".join(lines)


def analyzed_query(query: Query) -> AnalyzedName:
    """The analysed query name (cached)."""
    return analyze_name(query.name, query.schema)
