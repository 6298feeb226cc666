"""yente's query-by-example matching on thaw's screener.

An :class:`~thaw.schemas.yente.EntityExample` (FtM schema and properties) becomes
one :class:`~thaw.match.Query` per name: its names (``name``, ``alias`` …, or
the name parts), the first birth date, every country-typed property (nationality,
citizenship, country, jurisdiction …) and every identifier. Values are cleaned as
yente cleans them (``"Russia"`` → ``"ru"``) and the cleaned example is echoed
back. Each name is screened; the hits of all names merge into one result per
party (best score). Filters (datasets, schemata, entity ids, topics, changed
since) and analysts' decisions apply before the limit.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model
from followthemoney.types import registry

from thaw.api.engine import Scope, Snapshot
from thaw.api.entities import entity, ftm_schema, party_keys
from thaw.decisions import apply, customer_fingerprint, listing_fingerprint
from thaw.index import Entry
from thaw.match import DEFAULT_THRESHOLD, Query
from thaw.schemas.yente import EntityExample, EntityResponse, FeatureResult, ScoredEntityResponse
from thaw.screen import Hit, ScreenResult
from thaw.screen.inputs import ScreenInputError, parse_birth_date
from thaw.sources import territories
from thaw.store import Store
from thaw.store.state import Decision

ALGORITHMS: dict[str, str] = {"thaw": "thaw", "ofac": "ofac"}
"""thaw's algorithms: the feature-based matcher and OFAC's name score."""

ALIASES: dict[str, str] = {
    "best": "thaw",
    "default": "thaw",
    "logic-v1": "thaw",
    "logic-v2": "thaw",
    "name-based": "thaw",
    "name-qualified": "thaw",
    "regression-v1": "thaw",
    "regression-v3": "thaw",
}
"""yente's algorithm names, answered by thaw's matcher so that clients that name
one keep working."""

DEFAULT_ALGORITHM = "thaw"
BASE_SCHEMA = "Thing"

_THAW_SCHEMA = {
    "Person": "Person",
    "Organization": "Organization",
    "PublicBody": "Organization",
    "Company": "Company",
    "LegalEntity": "LegalEntity",
    "Vessel": "Vessel",
    "Airplane": "Aircraft",
}
_MAX_NAMES = 20


class QueryError(Exception):
    """A request that cannot be answered: ``status`` (400, 404 …) and the reason."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def resolve_algorithm(name: str) -> str:
    """thaw's algorithm for a requested name (400 for an unknown one)."""
    key = name.strip().lower()
    if key in ALGORITHMS:
        return ALGORITHMS[key]
    if key in ALIASES:
        return ALIASES[key]
    known = ", ".join([*ALGORITHMS, *ALIASES])
    raise QueryError(400, f"unknown algorithm {name!r}; known: {known}")


@dataclass
class Parsed:
    """A cleaned example: what is screened (``queries``), and what is echoed (its
    ``id``, FtM ``schema`` and cleaned ``properties``)."""

    id: str
    schema: str
    properties: dict[str, list[str]]
    queries: list[Query]

    @property
    def example(self) -> EntityExample:
        """The cleaned example as yente's model (the answer's ``query``)."""
        return EntityExample.model_construct(
            id=self.id, schema_=self.schema, properties=dict(self.properties)
        )

    def echo(self) -> dict[str, Any]:
        """The cleaned example as JSON data, as :attr:`example` serialises
        (``model_dump(by_alias=True)``), without pydantic: the answer and the audit
        record of every query hold it."""
        return {"id": self.id, "schema": self.schema, "properties": self.properties}

    @property
    def fingerprint(self) -> str:
        """The customer fingerprint of the cleaned example (for decisions)."""
        return customer_fingerprint({"schema": self.schema, "properties": self.properties})


_ID_JSON = json.JSONEncoder(sort_keys=True)
"""``json.dumps(…, sort_keys=True)`` without building an encoder per call: the text
whose SHA-1 is the id of an example sent without one."""


def _clean(type_name: str, value: str) -> str | None:
    """A value cleaned as yente cleans it (``"Russia"`` → ``"ru"``). A birth date
    written ``YYYY-MM-DD`` (most customers', each new to the cache) is checked
    here: FollowTheMoney's date parser costs a quarter of cleaning an example and
    gives the same text back (tested against it)."""
    if type_name == "date" and _ISO_DATE.fullmatch(value):
        try:
            if 1800 <= datetime.date.fromisoformat(value).year <= 2100:
                return value
        except ValueError:
            pass
    return _clean_cached(type_name, value)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@functools.lru_cache(maxsize=20_000)
def _clean_cached(type_name: str, value: str) -> str | None:
    """:func:`_clean` by FollowTheMoney, each text once (countries recur); a
    country by thaw's shipped territory table, which gives FollowTheMoney's
    answer without building rigour's name table at start-up."""
    if type_name == "country":
        return territories.ftm_country(value, fuzzy=True)
    cleaned: str | None = registry.get(type_name).clean(value, fuzzy=True)
    return cleaned


_SCALARS = (str, int, float)
"""What a property value may be (a tuple: ``isinstance`` with it is faster than
with a union)."""


def _values(raw: Any) -> list[str]:
    items = raw if isinstance(raw, list) else [raw]
    out: list[str] = []
    for item in items:
        if isinstance(item, _SCALARS) and not isinstance(item, bool):
            text = str(item).strip()
            if text:
                out.append(text)
    return out


def parse_example(example: EntityExample) -> Parsed:
    """Clean an example as yente does (400 for an unknown or unmatchable schema)."""
    schema = model.get(example.schema_)
    if schema is None:
        raise QueryError(400, f"Unknown schema: {example.schema_!r}")
    if schema.name != BASE_SCHEMA and not schema.matchable:
        raise QueryError(400, f"Non-matchable schema for query: {schema.name}")
    props: dict[str, list[str]] = {}
    for name, raw in example.properties.items():
        prop = schema.get(name)
        if prop is None:
            continue  # yente drops unknown properties too
        for value in _values(raw):
            if prop.type.name == "name":
                cleaned = prop.type.clean(value, fuzzy=True)
            else:  # countries, dates, identifiers recur: clean each text once
                cleaned = _clean(prop.type.name, value)
            if cleaned is not None and cleaned not in props.setdefault(prop.name, []):
                props[prop.name].append(cleaned)
    props = {k: v for k, v in props.items() if v}
    names: list[str] = []
    countries: list[str] = []
    ids: list[str] = []
    for name, values in props.items():
        ptype = schema.properties[name].type.name
        if ptype == "name" and name not in ("firstName", "middleName", "lastName", "fatherName"):
            names += values
        elif ptype == "country":
            countries += [v for v in values if len(v) == 2]
        elif ptype == "identifier":
            ids += values
    if not names:
        parts = [
            props.get(p, [""])[0]
            for p in ("firstName", "secondName", "middleName", "fatherName", "lastName")
        ]
        joined = " ".join(p for p in parts if p)
        if joined:
            names.append(joined)
    birth = None
    for value in props.get("birthDate", []):
        try:
            birth = parse_birth_date(value[:10])
        except ScreenInputError:
            continue
        if birth:
            break
    genders = props.get("gender") or [""]
    gender = genders[0]
    thaw_schema = _THAW_SCHEMA.get(schema.name)
    queries = [
        Query(
            name=" ".join(n.split())[:500],
            schema=thaw_schema,
            birth_date=birth,
            countries=tuple(dict.fromkeys(countries)),
            gender=gender if gender in ("male", "female") else None,
            id_numbers=tuple(dict.fromkeys(ids)),
        )
        for n in list(dict.fromkeys(names))[:_MAX_NAMES]
    ]
    eid = example.id
    if not eid:
        body = _ID_JSON.encode({"schema": schema.name, "properties": props})
        eid = hashlib.sha1(body.encode()).hexdigest()
    return Parsed(eid, schema.name, props, queries)


_WARM_UP = {
    "schema": "Person",
    "properties": {
        "name": ["John Smith"],
        "birthDate": ["1970-01-01"],
        "nationality": ["Russia"],
        "gender": ["male"],
    },
}


_WARM_UP_NAMES = ("리쥐안", "梅罗拉", "Ng Kwan Yu")
"""Names whose screening loads the reading tables of Hangul and of Chinese
characters (see :func:`warm_up`): a Chinese name written in Hangul by its sound
(the Hangul syllables, and the Korean orthography's table of Chinese sounds), a
foreign name transcribed in Chinese characters (Unihan's readings and the Xinhua
transcription table) and a Chinese name in Latin letters whose last syllable
could be read as a legal form (the table of Chinese syllables' spellings,
:func:`thaw.text.han_syllables.syllable_inventory`, which tells it is none)."""


def warm_up(snapshot: Snapshot) -> None:
    """Pay a worker's one-time costs before it serves a snapshot (``Engine``'s
    ``prepare``): the first example cleaned loads FollowTheMoney's model and
    thaw's territory table (:func:`_clean_cached`), the first name screened the
    screener's lazily built tables, and the names of :data:`_WARM_UP_NAMES` the
    reading tables of Hangul and of Chinese characters. Without it, the first
    ``/match`` that reaches each worker after a start waits for them, though
    ``/readyz`` said ready: about 25 ms for the first Korean name and 40 ms for
    the first Chinese one (measured on the benchmark machine; the two names add
    about 45 ms of CPU to a worker's first warm-up, and about 8 ms, their
    screening alone, to later ones: the tables stay loaded)."""
    parsed = parse_example(EntityExample.model_validate(_WARM_UP))
    queries = list(parsed.queries)
    for name in _WARM_UP_NAMES:
        example = EntityExample.model_validate({"schema": "Person", "properties": {"name": [name]}})
        queries += parse_example(example).queries
    for query in queries:
        snapshot.screener.screen_query(query, threshold=DEFAULT_THRESHOLD, limit=5)


@dataclass
class Filters:
    """yente's result filters."""

    include_dataset: list[Scope] = field(default_factory=list)
    exclude_dataset: list[Scope] = field(default_factory=list)
    exclude_schema: set[str] = field(default_factory=set)
    exclude_entity_ids: set[str] = field(default_factory=set)
    topics: list[str] = field(default_factory=list)
    changed_since: str | None = None

    @property
    def any(self) -> bool:
        return bool(
            self.include_dataset
            or self.exclude_dataset
            or self.exclude_schema
            or self.exclude_entity_ids
            or self.topics
            or self.changed_since
        )


def scopes(snapshot: Snapshot, names: Iterable[str]) -> list[Scope]:
    """The datasets named (unknown names select nothing, as in yente)."""
    known = snapshot.datasets()
    return [known[n] if n in known else Scope(n, frozenset(), None) for n in names]


@dataclass(frozen=True, slots=True)
class Scored:
    """One result of a query: the party's entity, its best hit, and the analyst's
    decision applied to it (``None``, ``true_match`` or ``reopened``)."""

    entity: EntityResponse
    hit: Hit
    decision: str | None


@dataclass
class Outcome:
    """One query's results (at most the limit), how many there were, and what
    the audit trail keeps of them; :attr:`results` as yente's models,
    :meth:`results_data` as the JSON data those models serialise to."""

    scored: list[Scored]
    total: int
    audit: list[dict[str, Any]]
    algorithm: str
    threshold: float

    @property
    def results(self) -> list[ScoredEntityResponse]:
        """The results as :class:`~thaw.schemas.yente.ScoredEntityResponse`
        (built from validated parts: constructed, not validated again)."""
        return [
            ScoredEntityResponse.model_construct(
                **s.entity.__dict__,
                score=s.hit.score,
                match=s.hit.score >= self.threshold,
                explanations={
                    self.algorithm: FeatureResult.model_construct(
                        score=s.hit.score, detail=s.hit.explanation
                    ),
                },
                decision=s.decision,
            )
            for s in self.scored
        ]

    def results_data(self, entities: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        """:attr:`results` as the JSON data that ``model_dump(by_alias=True)``
        gives, key for key in the same order, built from each entity's data
        (kept in ``entities`` by id, see :func:`entity_data`) without pydantic: a
        batch of 100 queries has hundreds of results, and pydantic's
        ``model_construct`` cost more than the rest of building them."""
        out: list[dict[str, Any]] = []
        for s in self.scored:
            data = entity_data(entities, s.entity)
            out.append(
                {
                    **data,
                    "score": s.hit.score,
                    "explanations": {
                        self.algorithm: {"score": s.hit.score, "detail": s.hit.explanation}
                    },
                    "match": s.hit.score >= self.threshold,
                    "decision": s.decision,
                }
            )
        return out


def entity_data(cache: dict[str, dict[str, Any]], entity: EntityResponse) -> dict[str, Any]:
    """An entity's ``model_dump(by_alias=True)``, kept in ``cache`` by id (the
    snapshot's, beside its entities: the same id is the same entity there).
    Callers copy it, never change it."""
    found = cache.get(entity.id)
    if found is None:
        if len(cache) >= 10_000:
            cache.clear()
        found = cache[entity.id] = entity.model_dump(by_alias=True)
    return found


def _listings(hit: Hit) -> list[tuple[str, str]]:
    return [(x.source, x.source_id) for x in hit.listings]


def fetch_size(
    limit: int, scope: Scope, filters: Filters, decisions: dict[str, Decision] | None
) -> int:
    """How many parties to screen a name for, so that ``limit`` remain once the
    dataset, the filters and analysts' decisions have removed theirs."""
    narrowed = filters.any or scope.sources is not None or scope.keys is not None
    return max(limit * 4, 20) if narrowed or decisions else limit


def match_example(
    snapshot: Snapshot,
    store: Store,
    parsed: Parsed,
    scope: Scope,
    *,
    algorithm: str,
    threshold: float,
    cutoff: float,
    limit: int,
    filters: Filters,
    decisions: dict[str, Decision] | None = None,
    screened: Sequence[ScreenResult] | None = None,
) -> Outcome:
    """Screen one cleaned example and build its scored entities.

    ``screened`` are the results of screening its names already (one per name of
    ``parsed.queries``, with :func:`fetch_size` parties each and ``cutoff`` as the
    threshold: what a batch screens at once, see :mod:`thaw.api.pool`)."""
    if screened is None:
        fetch = fetch_size(limit, scope, filters, decisions)
        screened = [
            snapshot.screener.screen_query(
                query, threshold=cutoff, limit=fetch, algorithm=algorithm
            )
            for query in parsed.queries
        ]
    best: dict[str, Hit] = {}
    order: list[str] = []
    for result in screened:
        for hit in result.hits:
            admitted = [k for k in _listings(hit) if scope.admits(*k)]
            if not admitted:
                continue
            source, source_id = admitted[0]
            eid = hit.profile_id or f"{source}:{source_id}"
            if eid not in best:
                order.append(eid)
                best[eid] = hit
            elif hit.score > best[eid].score:
                best[eid] = hit
    ranked = sorted(order, key=lambda e: (-best[e].score, e))
    results: list[Scored] = []
    audit: list[dict[str, Any]] = []
    total = 0
    for eid in ranked:
        hit = best[eid]
        _, keys = party_keys(snapshot, eid)
        if not keys:
            keys = [f"{s}:{i}" for s, i in _listings(hit)]
        ent = entity(snapshot, store, eid, keys)
        if not passes(ent, filters, snapshot):
            continue
        applied = None
        if decisions:
            entries = [e for e in (snapshot.entry(k) for k in keys) if e is not None]
            applied = apply(
                decisions, [eid, *keys], listing_fingerprint(entries), parsed.fingerprint
            )
        outcome = applied.outcome if applied else None
        record: dict[str, Any] = {"id": eid, "score": hit.score}
        if applied is not None:
            record["decision"] = outcome
            record["decision_id"] = applied.decision.id
        audit.append(record)
        if outcome == "suppressed":
            continue
        total += 1
        if len(results) >= limit:
            continue
        results.append(Scored(ent, hit, outcome))
    return Outcome(results, total, audit, algorithm, threshold)


def passes(ent: Any, filters: Filters, snapshot: Snapshot) -> bool:
    """Whether an entity passes yente's result filters."""
    if not filters.any:
        return True
    keys = [tuple(r.split(":", 1)) for r in ent.referents]
    if filters.include_dataset and not any(
        s.admits(k[0], k[1]) for s in filters.include_dataset for k in keys
    ):
        return False
    if any(s.admits(k[0], k[1]) for s in filters.exclude_dataset for k in keys):
        return False
    if ent.schema_ in filters.exclude_schema:
        return False
    if filters.exclude_entity_ids and (
        ent.id in filters.exclude_entity_ids
        or filters.exclude_entity_ids.intersection(ent.referents)
    ):
        return False
    if filters.topics and not set(filters.topics).intersection(ent.properties.get("topics", [])):
        return False
    return not (
        filters.changed_since
        and (ent.last_change is None or ent.last_change < filters.changed_since)
    )


def target_fingerprint(snapshot: Snapshot, target_id: str) -> str | None:
    """The listing fingerprint of a decision's target (a listing or profile id), or
    ``None`` if the target is not in the active lists."""
    _, keys = party_keys(snapshot, target_id)
    entries: list[Entry] = [e for e in (snapshot.entry(k) for k in keys) if e is not None]
    return listing_fingerprint(entries) if entries else None


__all__ = [
    "ALGORITHMS",
    "ALIASES",
    "Filters",
    "Outcome",
    "Parsed",
    "QueryError",
    "Scored",
    "entity_data",
    "fetch_size",
    "ftm_schema",
    "match_example",
    "passes",
    "parse_example",
    "resolve_algorithm",
    "scopes",
    "target_fingerprint",
    "warm_up",
]
