"""yente's ``/search``: names, filters, facets, sorting and paging on thaw's screener.

With ``q``, the parties whose names resemble it are screened for (best first);
without, every party of the dataset is listed (in the index's order), as yente
lists its whole index. Then yente's filters apply:

* ``schema`` (the entity's schema or a descendant: ``LegalEntity`` admits
  people and companies) and ``exclude_schema``;
* ``include_dataset`` / ``exclude_dataset`` (dataset names as in the path:
  sources, authorities, FtM dataset names; an exclusion wins);
* ``countries``, ``topics`` and ``datasets`` (the entity's own sources), each
  any-of, or all-of with ``filter_op=AND``;
* ``filter=prop:value`` (``properties.`` may prefix the property; a value
  matches equal, or as a prefix of a date: ``birthDate:1965``);
* ``changed_since``; ``target`` (every thaw party is a target).

``fuzzy`` lowers the name threshold from 0.6 to 0.5 (more distant spellings);
thaw has no query syntax, so ``simple`` changes nothing and a query is never
invalid. Facets (``countries``, ``topics``, ``datasets``, ``schema``) count the
filtered results. A search looks at the best :data:`POOL` name matches at most,
so ``total`` is exact up to that many (``relation: "gte"`` beyond).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from followthemoney import model
from normality import ascii_text
from rigour.territories import get_territory

from thaw.api.engine import Scope, Snapshot
from thaw.api.entities import entity, party_keys
from thaw.api.matching import Filters, QueryError, passes
from thaw.match import Query
from thaw.schemas.yente import EntityResponse, SearchFacet, SearchFacetItem
from thaw.store import Store

POOL = 1000
"""Most parties one search considers."""

FACETS = ("countries", "topics", "datasets", "schema")
DEFAULT_FACETS = ("countries", "topics", "datasets")
SORTABLE = ("caption", "first_seen", "last_seen", "last_change", "id", "schema")


@dataclass
class SearchSpec:
    """A ``/search`` request's parameters, checked (see the module docs)."""

    q: str = ""
    schema: str | None = None
    filters: Filters = field(default_factory=Filters)
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)
    all_of: bool = False
    target: bool | None = None
    fuzzy: bool = False
    sort: list[tuple[str, bool]] = field(default_factory=list)
    facets: tuple[str, ...] = DEFAULT_FACETS


def parse_filters(values: list[str]) -> list[tuple[str, str]]:
    """``prop:value`` filters (400 for one without a colon)."""
    out = []
    for value in values:
        name, sep, wanted = value.partition(":")
        if not sep or not name.strip():
            raise QueryError(400, f"Invalid filter: {value!r} (use field:value)")
        out.append((name.strip().removeprefix("properties."), wanted.strip()))
    return out


def parse_sort(values: list[str]) -> list[tuple[str, bool]]:
    """``field[:asc|desc]`` criteria (400 for an unknown field or direction)."""
    out = []
    for value in values:
        name, _, direction = value.partition(":")
        if name not in SORTABLE or direction not in ("", "asc", "desc"):
            raise QueryError(400, f"Invalid sort: {value!r} (fields: {', '.join(SORTABLE)})")
        out.append((name, direction == "desc"))
    return out


def check_schema(name: str | None) -> str | None:
    """The FtM schema name asked for (400 for an unknown one)."""
    if name is None or name == "Thing":
        return None
    schema = model.get(name)
    if schema is None:
        raise QueryError(400, f"Invalid schema: {name!r}")
    return schema.name


def _is_a(schema: str, wanted: str) -> bool:
    found = model.get(schema)
    return found is not None and found.is_a(wanted)


def countries_of(ent: EntityResponse) -> set[str]:
    """The country codes among an entity's properties (any country-typed one)."""
    schema = model.get(ent.schema_)
    out: set[str] = set()
    if schema is None:
        return out
    for name, values in ent.properties.items():
        prop = schema.get(name)
        if prop is not None and prop.type.name == "country":
            out.update(v.lower() for v in values)
    return out


def _has(wanted: list[str], found: set[str], all_of: bool) -> bool:
    if not wanted:
        return True
    return all(w in found for w in wanted) if all_of else any(w in found for w in wanted)


def _property_matches(ent: EntityResponse, name: str, wanted: str) -> bool:
    values = ent.properties.get(name, [])
    if name == "id":
        values = [ent.id, *ent.referents]
    for value in values:
        if value == wanted or (value.startswith(wanted) and name.endswith("Date")):
            return True
    return False


def admits(spec: SearchSpec, ent: EntityResponse, snapshot: Snapshot) -> bool:
    """Whether an entity passes every filter of the search."""
    if spec.schema is not None and not _is_a(ent.schema_, spec.schema):
        return False
    if any(_is_a(ent.schema_, s) for s in spec.filters.exclude_schema):
        return False
    if spec.target is False:
        return False  # every party thaw lists is a target
    if not passes(ent, spec.filters, snapshot):
        return False
    if spec.countries and not _has(spec.countries, countries_of(ent), spec.all_of):
        return False
    topics = set(ent.properties.get("topics", []))
    if not _has(spec.topics, topics, spec.all_of):
        return False
    if not _has(spec.datasets, set(ent.datasets), spec.all_of):
        return False
    return all(_property_matches(ent, n, v) for n, v in spec.properties)


def _candidates(snapshot: Snapshot, store: Store, spec: SearchSpec, scope: Scope) -> Iterator[str]:
    """Entity ids in the dataset, best name matches first (or all, without ``q``)."""
    seen: set[str] = set()
    if spec.q:
        query = Query(name=" ".join(spec.q.split())[:500])
        threshold = 0.5 if spec.fuzzy else 0.6
        result = snapshot.screener.screen_query(query, threshold=threshold, limit=POOL)
        for hit in result.hits:
            keys = [
                (x.source, x.source_id) for x in hit.listings if scope.admits(x.source, x.source_id)
            ]
            if not keys:
                continue
            eid = hit.profile_id or f"{keys[0][0]}:{keys[0][1]}"
            if eid not in seen:
                seen.add(eid)
                yield eid
        return
    index = snapshot.screener.index
    for position in range(len(index)):
        e = index.entry(position)
        if not scope.admits(e.source, e.source_id):
            continue
        key = f"{e.source}:{e.source_id}"
        pid, _ = party_keys(snapshot, key)
        eid = pid or key
        if eid not in seen:
            seen.add(eid)
            yield eid


def _tokens(text: str) -> list[str]:
    return ascii_text(text.casefold()).replace(",", " ").split()


def prefix_matches(snapshot: Snapshot, scope: Scope, prefix: str, limit: int) -> list[str]:
    """Ids of parties with a name that starts like ``prefix`` as one types it: every
    word but the last written in full, the last one begun (``alexander zak``),
    in the index's order; for autocompletion (``/reconcile/…/suggest/entity``)."""
    wanted = _tokens(prefix)
    if not wanted or limit <= 0:
        return []
    *whole, begun = wanted
    found: list[str] = []
    index = snapshot.screener.index
    for position in range(len(index)):
        e = index.entry(position)
        if not scope.admits(e.source, e.source_id):
            continue
        for name, _ in e.names:
            words = _tokens(name.original)
            if all(w in words for w in whole) and any(w.startswith(begun) for w in words):
                key = f"{e.source}:{e.source_id}"
                pid, _ = party_keys(snapshot, key)
                if (pid or key) not in found:
                    found.append(pid or key)
                break
        if len(found) >= limit:
            break
    return found


@dataclass
class Found:
    """A search's page of entities, its total and its facets."""

    results: list[EntityResponse]
    total: int
    relation: str
    facets: dict[str, SearchFacet]


def search(
    snapshot: Snapshot,
    store: Store,
    spec: SearchSpec,
    scope: Scope,
    limit: int,
    offset: int,
) -> Found:
    """Run a search (see the module docs)."""
    matched: list[EntityResponse] = []
    more = False
    for eid in _candidates(snapshot, store, spec, scope):
        if len(matched) >= POOL:
            more = True
            break
        _, keys = party_keys(snapshot, eid)
        if not keys:
            keys = [eid]
        ent = entity(snapshot, store, eid, keys)
        if admits(spec, ent, snapshot):
            matched.append(ent)
    for name, desc in reversed(spec.sort):  # stable: the first criterion wins
        present = [e for e in matched if getattr(e, _attr(name)) is not None]
        absent = [e for e in matched if getattr(e, _attr(name)) is None]
        present.sort(key=lambda e: getattr(e, _attr(name)), reverse=desc)
        matched = present + absent
    facets = {name: _facet(name, matched) for name in spec.facets}
    return Found(matched[offset : offset + limit], len(matched), "gte" if more else "eq", facets)


def _attr(name: str) -> str:
    return "schema_" if name == "schema" else name


_FACET_LABELS = {
    "countries": "Countries",
    "topics": "Topics",
    "datasets": "Data sources",
    "schema": "Entity types",
}


def _facet(name: str, found: list[EntityResponse]) -> SearchFacet:
    counts: Counter[str] = Counter()
    for ent in found:
        if name == "countries":
            counts.update(countries_of(ent))
        elif name == "topics":
            counts.update(set(ent.properties.get("topics", [])))
        elif name == "datasets":
            counts.update(set(ent.datasets))
        else:
            counts[ent.schema_] += 1
    items = [
        SearchFacetItem(name=value, label=_label(name, value), count=count)
        for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return SearchFacet(label=_FACET_LABELS[name], values=items)


def _label(facet: str, value: str) -> str:
    if facet == "countries":
        territory = get_territory(value)
        return territory.name if territory is not None else value
    if facet == "schema":
        schema = model.get(value)
        return schema.label if schema is not None else value
    return value
