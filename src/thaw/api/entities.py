"""Parties as yente entities: FtM properties, datasets, referents and dates.

An entity is built from the listings of one party (a profile's members, or one
listing) in the current :class:`~thaw.api.engine.Snapshot`, and cached on that
snapshot (a reload starts a fresh cache).
"""

from __future__ import annotations

from thaw.api.engine import Snapshot
from thaw.export.ftm import SCHEMA_TO_FTM, record_entities
from thaw.schemas.yente import EntityResponse
from thaw.store import PublicationRow, Store
from thaw.store.queries import span_bounds

_CACHE_SIZE = 10_000
"""Entities kept per snapshot (a few kB each), then the cache starts over."""


def ftm_schema(schema: str) -> str:
    """The FtM schema of a thaw schema (``Aircraft`` → ``Airplane``)."""
    return SCHEMA_TO_FTM.get(schema, schema if schema else "LegalEntity")


def _date(published: str | None) -> str | None:
    if not published:
        return None
    day = published[:10]
    time = published[11:19] if len(published) >= 19 else "00:00:00"
    return f"{day}T{time}"


def party_keys(snapshot: Snapshot, entity_id: str) -> tuple[str | None, list[str]]:
    """``(profile id, listing keys)`` of an entity id: a profile id gives its active
    members, a listing key gives its profile's members (or itself alone)."""
    if entity_id in snapshot.members:
        return entity_id, snapshot.members[entity_id]
    source, sep, source_id = entity_id.partition(":")
    if sep and source_id:
        pid = snapshot.screener.profile_of.get((source, source_id))
        if pid is not None:
            return pid, snapshot.members.get(pid, [entity_id])
        if snapshot.entry(entity_id) is not None:
            return None, [entity_id]
    return None, []


def entity(snapshot: Snapshot, store: Store, entity_id: str, keys: list[str]) -> EntityResponse:
    """The entity of a party (cached per snapshot)."""
    cache = snapshot.entities
    found = cache.get(entity_id)
    if found is not None:
        return found  # type: ignore[no-any-return]
    built = _build(snapshot, store, entity_id, keys)
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[entity_id] = built
    return built


def _build(snapshot: Snapshot, store: Store, entity_id: str, keys: list[str]) -> EntityResponse:
    properties: dict[str, list[str]] = {}
    datasets: list[str] = []
    schema = ""
    caption = ""
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None
    estimates: list[str] = []
    for key in keys:
        source, _, source_id = key.partition(":")
        pub = snapshot.publications.get(source)
        record = store.get(source, source_id, pub) if pub is not None else None
        if record is None or pub is None:
            continue
        if source not in datasets:
            datasets.append(source)
        listing = record_entities(record, pub.published)[0]
        estimates.extend(y for y in record.birth_estimates if y not in estimates)
        if not schema:
            schema = listing["schema"]
            caption = record.caption
        for prop, values in listing["properties"].items():
            bucket = properties.setdefault(prop, [])
            bucket.extend(v for v in values if isinstance(v, str) and v not in bucket)
        bounds = span_bounds(store, source, source_id)
        if bounds is not None:
            by_seq = {p.seq: p.published for p in _pubs(snapshot, store, source)}
            first = _date(by_seq.get(bounds[0]))
            change = _date(by_seq.get(bounds[1]))
            if first and (first_seen is None or first < first_seen):
                first_seen = first
            if change and (last_change is None or change > last_change):
                last_change = change
        seen = _date(pub.published)
        if seen and (last_seen is None or seen > last_seen):
            last_seen = seen
    # an FtM listing keeps its topics as one "a; b" string: one value each
    topics = [t.strip() for v in properties.get("topics", []) for t in v.split(";")]
    properties["topics"] = list(dict.fromkeys(t for t in topics if t)) or ["sanction"]
    return EntityResponse(
        id=entity_id,
        caption=caption or entity_id,
        schema=schema or "LegalEntity",
        properties=properties,
        datasets=sorted(datasets),
        referents=sorted(keys),
        target=True,
        first_seen=first_seen,
        last_seen=last_seen,
        last_change=last_change,
        birth_estimates=sorted(estimates),
    )


def _pubs(snapshot: Snapshot, store: Store, source: str) -> list[PublicationRow]:
    cache = snapshot.history
    if source not in cache:
        cache[source] = store.publications(source)
    return cache[source]
