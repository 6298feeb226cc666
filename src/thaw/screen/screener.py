"""Screening one name: candidates from the index, scores from the matcher.

:class:`Screener` loads (or builds) the candidate index of a store once and then
screens names in well under a millisecond each. The result of one query is a
:class:`ScreenResult`, whose :meth:`~ScreenResult.to_dict` is the public JSON
contract shared by the Python API, ``thaw screen --json`` and every line written by
``thaw screen-file``::

    {"row": 1, "id": null, "name": "Kirill Dmitriev",
     "hits": [{"score": 0.97, "schema": "Person",
               "name": "DMITRIEV, Kirill Aleksandrovich",
               "matched_name": "DMITRIEV, Kirill",
               "listings": [{"source": "us_ofac_sdn", "source_id": "34336",
                             "programs": ["RUSSIA-EO14024"], "listed_on": "2022-02-28"}],
               "explanation": "..."}]}

``hits`` holds the listings scoring at or above the threshold, best first. A listing
that publishes a birth year as an estimate (``circa 1965``) also carries
``"birth_estimates": ["1965"]`` (the years as published; absent when there are none).

A screener read from a store that holds no listing raises :class:`NoListsLoaded`
rather than answer "no hits" to every name: against no lists that is the most
dangerous answer a screening tool can give.
"""

from __future__ import annotations

import dataclasses
import gc
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import thaw.match
from thaw.index import DEFAULT_MIN_COVERAGE, Candidate, CandidateIndex, Entry, ensure_index
from thaw.match import Query
from thaw.match.given_genders import recorded_gender
from thaw.match.han_latin import family_spellings
from thaw.screen.inputs import identifier_forms, make_query
from thaw.store import Store, default_home
from thaw.text import AnalyzedName, analyze_name

_T = TypeVar("_T")

DEFAULT_CANDIDATES = 50
"""How many candidates of the index are scored per query."""


class NoListsLoaded(LookupError):
    """The store holds no listing: every screening answer would be "no hits".

    Raised by :class:`Screener` (and :class:`thaw.Screener`) read from such a
    store; ``home`` is the store's folder. Load the lists first (``thaw update``,
    ``thaw load FILE``) or point at a loaded store.
    """

    def __init__(self, home: Path) -> None:
        self.home = home
        super().__init__(
            f"no lists are loaded in {home}: screening would find nothing, whatever the "
            "name (load the lists first: thaw update, thaw load FILE, or point --home at "
            "a loaded store)"
        )


@dataclass(frozen=True, slots=True)
class Listing:
    """One listing behind a hit: where it is published and under which programmes,
    and the birth years it publishes as an estimate (``circa 1975``: the year as
    published; written only when there are some)."""

    source: str
    source_id: str
    programs: tuple[str, ...]
    listed_on: str | None
    birth_estimates: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "source_id": self.source_id,
            "programs": list(self.programs),
            "listed_on": self.listed_on,
        }
        if self.birth_estimates:
            data["birth_estimates"] = list(self.birth_estimates)
        return data


@dataclass(frozen=True, slots=True)
class Hit:
    """A listed party scoring at or above the threshold.

    ``name`` is the listing's caption, ``matched_name`` the published name that
    aligned best with the query. ``profile_id`` is reserved for the party profile
    linking listings across authorities (written only when set). ``features`` is
    the explanation structured: each feature's ``{feature, contribution,
    detail}`` (:class:`thaw.match.FeatureResult`).
    """

    score: float
    schema: str
    name: str
    matched_name: str
    listings: tuple[Listing, ...]
    explanation: str
    profile_id: str | None = None
    features: tuple[thaw.match.FeatureResult, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "score": self.score,
            "schema": self.schema,
            "name": self.name,
            "matched_name": self.matched_name,
            "listings": [listing.to_dict() for listing in self.listings],
            "explanation": self.explanation,
            "features": [f.to_dict() for f in self.features],
        }
        if self.profile_id is not None:
            data["profile_id"] = self.profile_id
        return data


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """The outcome of screening one query: ``row`` is its 1-based position in the
    input (1 for a single name), ``id`` the caller's identifier, if any."""

    row: int
    id: Any
    name: str
    hits: tuple[Hit, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON object (see the module docs)."""
        return {
            "row": self.row,
            "id": self.id,
            "name": self.name,
            "hits": [hit.to_dict() for hit in self.hits],
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as one line of JSON (UTF-8 text, not ASCII-escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


class Screener:
    """Screens names against every active listing of a store.

    ``Screener()`` uses the default store (``$THAW_HOME`` or the per-user data
    directory), ``Screener(home)`` another one, ``Screener(index=...)`` a prepared
    :class:`~thaw.index.CandidateIndex`. ``candidates`` is how many listings the
    index proposes for scoring at most, ``min_coverage`` the least share of the
    query's weighted name tokens a listing must carry to be proposed. The index
    is built on first use if the lists changed since it was last built (normally
    the load command has already done so).
    """

    def __init__(
        self,
        home: str | Path | None = None,
        *,
        index: CandidateIndex | None = None,
        candidates: int = DEFAULT_CANDIDATES,
        min_coverage: float = DEFAULT_MIN_COVERAGE,
        config: thaw.match.MatchConfig | None = None,
        allow_empty: bool = False,
    ) -> None:
        self.home: Path | None = None  # the store home the index was read from
        if index is None:
            self.home = default_home(home)
            with Store(self.home, readonly=True) as store:
                index = ensure_index(store)
            if not len(index) and not allow_empty:
                raise NoListsLoaded(default_home(home))
            # the loaded index lives as long as the process: keep the cyclic garbage
            # collector from rescanning its million objects at every full collection
            # (a 30 ms pause every few hundred queries)
            gc.freeze()
        self.index = index
        self.candidates = candidates
        self.min_coverage = min_coverage
        self.config = config
        self._matchers: dict[str, thaw.match.Matcher] = {}

    def matcher(self, algorithm: str = "thaw") -> thaw.match.Matcher:
        """The :class:`~thaw.match.Matcher` this screener scores with: its
        configuration and the token statistics of its index."""
        found = self._matchers.get(algorithm)
        if found is None:
            found = thaw.match.Matcher(self.config, self.index.token_stats, algorithm)
            self._matchers[algorithm] = found
        return found

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], **kw: Any) -> Screener:
        """A screener over these entries only (tests, what-if analyses)."""
        return cls(index=CandidateIndex.build(entries), **kw)

    def __len__(self) -> int:
        return len(self.index)

    def warm_up(self, japanese: bool = True) -> None:
        """Initialise everything that loads lazily on the first query (name
        analysis tables, matcher data) by screening a few made-up names; batch
        screening calls this before forking workers so that they share it.
        ``japanese=False`` leaves out the Japanese reader (half a second or more
        to load, and needed only by names written in kanji or kana) and the
        matcher's table of Chinese family names' spellings.

        The cyclic garbage collector is paused meanwhile: the tables loaded are
        millions of objects kept for the life of the process, which it would
        otherwise rescan again and again as they grow (a third of the warm-up's
        time, which batch screening spends before its workers start).

        The matcher's tables that the made-up names' few candidates may not
        reach are loaded too (:func:`_load_matcher_tables`): a batch worker
        forked after the warm-up would otherwise load each of them itself."""
        names: list[tuple[str, str | None]] = [
            ("Warmup Testname", "Person"),
            ("Warmup Trading LLC", "Organization"),
            ("Warmup", None),
            # names of other scripts load their tables (rigour's name items of
            # other scripts, the Japanese reader) before workers fork
            ("김정은 أسامة", None),
        ]
        if japanese:
            names.append(("鈴木 一郎", "Person"))
        collecting = gc.isenabled()
        gc.disable()
        try:
            for name, schema in names:
                self.screen(name, schema=schema, birth_date="1970", country="de", id_number="X1")
            _load_matcher_tables(chinese=japanese)
        finally:
            if collecting:
                gc.enable()

    def screen(
        self,
        name: str,
        schema: str | None = None,
        birth_date: str | None = None,
        country: str | None = None,
        id_number: str | None = None,
        threshold: float | None = None,
        limit: int = 10,
        algorithm: str = "thaw",
        *,
        row: int = 1,
        id: Any = None,
        gender: str | None = None,
    ) -> ScreenResult:
        """Screen one name. ``schema`` is one of Person, Organization, Company,
        LegalEntity, Vessel, Aircraft; ``birth_date`` is ``YYYY[-MM[-DD]]``;
        ``country`` an ISO-2 code or a country name; ``gender`` as a customer file
        gives it (``M``, ``female`` …). Raises
        :class:`~thaw.screen.ScreenInputError` for a value it cannot use."""
        query = make_query(name, schema, birth_date, country, id_number, gender)
        return self.screen_query(
            query, threshold=threshold, limit=limit, algorithm=algorithm, row=row, id=id
        )

    def written_of(self, query: Query) -> list[int]:
        """The positions of the listings that publish the name of ``query`` as
        it is written (:meth:`thaw.index.CandidateIndex.written_positions`), of
        a kind its schema may match; none for a query not written down as a
        party's name (``as_named``). Screening a query asks it once, for its
        candidates and its ranking: every candidate is of such a kind, so
        whether a candidate publishes the name is whether it is among these."""
        if not query.as_named:
            return []
        return self.index.written_positions(query.name, query.schema)

    def candidates_of(self, query: Query, written: Sequence[int] | None = None) -> list[Candidate]:
        """The listings of the index this screener scores for ``query``, best
        first (:meth:`thaw.index.CandidateIndex.candidates` with this screener's
        ``candidates`` and ``min_coverage``). ``written`` is :meth:`written_of`
        the query, when already known."""
        found = self.index.candidates(
            query.name,
            schema=query.schema,
            id_numbers=query.id_numbers,
            limit=self.candidates,
            min_coverage=self.min_coverage,
        )
        if query.as_named:
            # a listing that publishes the name exactly as written is scored,
            # however many others share its words ('Abdelrahman')
            if written is None:
                written = self.written_of(query)
            if written:
                found = _with_new(found, [Candidate(p, 1.0) for p in written])
        if query.schema is None and thaw.match.might_read_as_person(query.name):
            # a name of unknown kind is also looked up as a person's name, where
            # its single letters are initials ("Deripaska O.V."), not one word,
            # and a digit between letters the letter typed so ("SID3RUN")
            person = self.index.candidates(
                query.name, schema="Person", limit=self.candidates, min_coverage=self.min_coverage
            )
            found = _with_new(found, person)
        if query.schema is None and query.as_named:
            # and as an organisation's name, where an article or an ordinal is
            # no word of a person's name ("Los Zetas", "Second Economic
            # Committee"): the matcher reads it so against such a listing
            first = analyze_name(query.name)
            organised = thaw.match.organised_reading(query.name, first, "Organization")
            if organised is not None and _looked_up(organised) != _looked_up(first):
                more = self.index.candidates(
                    organised, limit=self.candidates, min_coverage=self.min_coverage
                )
                found = _with_new(found, more)
        return found

    def published_identifier(self, name: str) -> str | None:
        """The identifier a listing publishes that the name ``name`` is written
        as (:func:`thaw.screen.inputs.identifier_forms`), else ``None``."""
        for form in identifier_forms(name):
            if self.index.publishes_identifier(form):
                return form
        return None

    def prepared(self, query: Query) -> Query:
        """``query`` as screening reads it: a name written down as a party's
        (``as_named``) with no identifier given, written as a number a listing
        publishes (a call sign, a serial of three digits, a passport number
        with its final dot: :meth:`published_identifier`), carries that number
        as its identifier. :meth:`screen_query` and the monitor's screening of
        a portfolio's rows (:func:`thaw.monitor.screening.screen_row`) both
        read their queries so."""
        if query.as_named and not query.id_numbers and not query.identifiers:
            number = self.published_identifier(query.name)
            if number is not None:
                return dataclasses.replace(query, id_numbers=(number,))
        return query

    def screen_query(
        self,
        query: Query,
        *,
        threshold: float | None = None,
        limit: int = 10,
        algorithm: str = "thaw",
        row: int = 1,
        id: Any = None,
    ) -> ScreenResult:
        """Screen a prepared :class:`~thaw.match.Query` (already checked)."""
        if threshold is None:
            threshold = thaw.match.DEFAULT_THRESHOLD
        query = self.prepared(query)
        written = self.written_of(query)
        found = self.candidates_of(query, written)
        scored = self.scored(query, found, written, threshold, algorithm)
        # only the hits returned are explained (a generous threshold lets many
        # listings through, and explaining one costs as much as scoring it)
        explain = self.matcher(algorithm).explain
        hits = tuple(_hit(entry, explain(pending)) for *_, (entry, pending) in rank(scored, limit))
        return ScreenResult(row=row, id=id, name=query.name, hits=hits)

    def scored(
        self,
        query: Query,
        found: Iterable[Candidate],
        written: Sequence[int],
        threshold: float,
        algorithm: str = "thaw",
    ) -> list[Ranked[tuple[Entry, thaw.match.Pending]]]:
        """The candidates of ``found`` that reach ``threshold`` for the prepared
        ``query`` (:meth:`prepared`), scored but not explained, as :func:`rank`
        ranks them, each with its entry and its :class:`~thaw.match.Pending`
        score; ``written`` is :meth:`written_of` the query. What
        :meth:`screen_query` and the monitor's screening of a portfolio's row
        (:func:`thaw.monitor.screening.screen_row`) both score."""
        index = self.index
        published = set(written)
        matcher = self.matcher(algorithm)
        pending_at_least = matcher.pending_at_least
        bound = matcher.bound
        scored: list[Ranked[tuple[Entry, thaw.match.Pending]]] = []
        for candidate in found:
            # (most candidates of a customer file are out of reach by their
            # facts alone, a date of birth decades apart: their names are
            # never decoded)
            rest = bound(query, index.facts(candidate.position), threshold)
            if rest is None:
                continue
            entry = index.entry(candidate.position)
            pending = pending_at_least(query, entry, threshold, rest=rest)
            if pending is not None:
                name = 0.0 if pending.context is None else pending.context.name_score
                exact = candidate.position in published
                scored.append((pending.score, exact, name, entry.key, (entry, pending)))
        return scored


Ranked = tuple[float, bool, float, str, _T]
"""A candidate that reached the threshold, as :func:`rank` ranks it: its score,
whether the listing publishes the query's name as written, the score of its
best name before the cap, its key (``source:source_id``), and what the caller
keeps of it."""


def _rank_key(ranked: Ranked[Any]) -> tuple[float, bool, float, str]:
    return (-ranked[0], not ranked[1], -ranked[2], ranked[3])


def _written(ranked: Ranked[Any]) -> bool:
    return ranked[1]


def rank(scored: list[Ranked[_T]], limit: int) -> list[Ranked[_T]]:
    """The best ``limit`` of ``scored`` (which this sorts), best first, as
    screening ranks its hits: by score; equal scores (a name alone is capped:
    KIM, Jong Un and Tong-Un KIM both score the cap for "Kim Jong-un") by
    whether the listing publishes the name as written, then by how well the
    name aligned before the cap, then by key; a listing that publishes the
    name as written is kept however far down it ranks (:func:`keep_written`).
    :meth:`Screener.screen_query` and the monitor's screening of a portfolio's
    rows rank so."""
    scored.sort(key=_rank_key)
    return keep_written(scored, limit, _written)


def keep_written(ranked: Sequence[_T], limit: int, written: Callable[[_T], bool]) -> list[_T]:
    """The first ``limit`` of ``ranked``, in its order, keeping those that are
    ``written`` (publish the name as the query writes it) however far down they
    rank: the last of the others give way to them, and they follow. An analyst
    who pastes a name a listing publishes finds that listing among the hits,
    even when more than ``limit`` parties score higher on another spelling of
    it (*ABDELRAHMAN*, a weak alias, under ten parties' *Abd al-Rahman*)."""
    first = list(ranked[: max(limit, 0)])
    late = [r for r in ranked[len(first) :] if written(r)]
    if not late:
        return first
    others = [i for i, r in enumerate(first) if not written(r)]
    room = min(len(late), len(others))
    gone = set(others[len(others) - room :])
    return [r for i, r in enumerate(first) if i not in gone] + late[:room]


def _load_matcher_tables(chinese: bool) -> None:
    """Load the tables the matcher reads on first need that screening a few
    made-up names may leave unread, as their candidates decide: the sexes of
    recorded given names (:func:`thaw.match.given_genders.recorded_gender`,
    which compares the people of nearly every file), and with ``chinese`` the
    spellings of the commonest Chinese family names
    (:func:`thaw.match.han_latin.family_spellings`). Each batch worker loaded
    them itself on its first chunks (about 25 and 10 ms of CPU); loaded before
    the workers are forked, they are loaded once and shared."""
    recorded_gender("")  # (any word: the first answer loads the table)
    if chinese:
        family_spellings()


def _with_new(found: list[Candidate], more: list[Candidate]) -> list[Candidate]:
    """``found`` followed by the candidates of ``more`` it does not hold yet
    (the listings a second reading of the query retrieves)."""
    seen = {c.position for c in found}
    return found + [c for c in more if c.position not in seen]


#: Roles of words that retrieve no listing, or as little as a stop word does.
_NOT_LOOKED_UP = frozenset({"stop", "particle", "honorific", "legal_form"})


def _looked_up(name: AnalyzedName) -> frozenset[str]:
    """The words of ``name`` that retrieve listings: a name read otherwise
    retrieves other listings only when these differ ("Second" as a word, or
    the number 2)."""
    return frozenset(t.text for t in name.tokens if t.role not in _NOT_LOOKED_UP)


def _hit(entry: Entry, result: thaw.match.MatchResult) -> Hit:
    return Hit(
        score=round(float(result.score), 4),
        schema=entry.schema,
        name=entry.caption,
        matched_name=result.matched_name,
        listings=(
            Listing(
                entry.source,
                entry.source_id,
                entry.programs,
                entry.listed_on,
                entry.birth_estimates,
            ),
        ),
        explanation=result.explanation,
        features=result.evidence,
    )
