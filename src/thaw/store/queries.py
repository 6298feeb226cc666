"""Read-only queries on the store's ``spans`` and ``versions`` for the packages
above it (history, catalogue, the service), so that only ``store/`` speaks SQL and
a change of the store's schema stays in this package.

Each function takes an open :class:`~thaw.store.Store`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from thaw.store.db import Store


def span_bounds(store: Store, source: str, source_id: str) -> tuple[int, int, bool] | None:
    """For one listing: the ``seq`` of the publication where it first appeared, the
    ``seq`` where its newest version began, and whether that version is still
    current; ``None`` if the listing was never published."""
    row = store.db.execute(
        "SELECT MIN(first_seq), MAX(first_seq), SUM(last_seq IS NULL) FROM spans"
        " WHERE source = ? AND source_id = ?",
        (source, source_id),
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return int(row[0]), int(row[1]), bool(row[2])


def present_version_ids(store: Store, source: str, seq: int) -> Iterator[tuple[str, int]]:
    """``(source_id, version_id)`` of every listing present in publication ``seq``
    of ``source``."""
    yield from store.db.execute(
        "SELECT source_id, version_id FROM spans WHERE source = ? AND first_seq <= ?"
        " AND (last_seq IS NULL OR last_seq >= ?)",
        (source, seq, seq),
    )


def present_source_ids(store: Store, source: str, seq: int) -> list[str]:
    """The source ids of the listings present in publication ``seq`` of ``source``."""
    return [sid for sid, _ in present_version_ids(store, source, seq)]


def versions_by_id(
    store: Store, ids: Sequence[int], *, with_data: bool = True, chunk: int = 500
) -> Iterator[tuple[int, str, str, bytes | None]]:
    """``(id, schema, caption, data)`` of the versions with these ids (``data`` is
    ``None`` unless ``with_data``)."""
    cols = "id, schema, caption, data" if with_data else "id, schema, caption, NULL"
    for start in range(0, len(ids), chunk):
        part = list(ids[start : start + chunk])
        marks = ",".join("?" * len(part))
        yield from store.db.execute(f"SELECT {cols} FROM versions WHERE id IN ({marks})", part)


def source_versions(store: Store, source: str) -> Iterator[tuple[int, bytes]]:
    """``(id, data)`` of every stored version of one source's listings."""
    yield from store.db.execute("SELECT id, data FROM versions WHERE source = ?", (source,))


def source_spans(store: Store, source: str) -> Iterator[tuple[int, int, int | None]]:
    """``(version_id, first_seq, last_seq)`` of every span of one source."""
    yield from store.db.execute(
        "SELECT version_id, first_seq, last_seq FROM spans WHERE source = ?", (source,)
    )


def caption_at(store: Store, source: str, source_id: str, seq: int | None = None) -> str | None:
    """A listing's caption in publication ``seq`` (default: its newest version)."""
    if seq is None:
        row = store.db.execute(
            "SELECT v.caption FROM spans s JOIN versions v ON v.id = s.version_id"
            " WHERE s.source = ? AND s.source_id = ? ORDER BY s.first_seq DESC LIMIT 1",
            (source, source_id),
        ).fetchone()
    else:
        row = store.db.execute(
            "SELECT v.caption FROM spans s JOIN versions v ON v.id = s.version_id"
            " WHERE s.source = ? AND s.source_id = ? AND +s.first_seq <= ?"
            " AND (s.last_seq IS NULL OR s.last_seq >= ?)",
            (source, source_id, seq, seq),
        ).fetchone()
    return None if row is None else str(row[0])


def listing_exists(store: Store, source: str, source_id: str) -> bool:
    """Whether any publication of ``source`` held this listing."""
    return (
        store.db.execute(
            "SELECT 1 FROM spans WHERE source = ? AND source_id = ? LIMIT 1", (source, source_id)
        ).fetchone()
        is not None
    )


def captions_at(store: Store, source: str, seq: int) -> Iterator[tuple[str, str]]:
    """``(source_id, caption)`` of every listing present in publication ``seq``."""
    yield from store.db.execute(
        "SELECT s.source_id, v.caption FROM spans s JOIN versions v ON v.id = s.version_id"
        " WHERE s.source = ? AND s.first_seq <= ? AND (s.last_seq IS NULL OR s.last_seq >= ?)",
        (source, seq, seq),
    )


def records_with_meta_at(
    store: Store, source: str, seq: int
) -> Iterator[tuple[str, str, str, bytes]]:
    """``(source_id, schema, caption, data)`` of every listing present in publication
    ``seq`` of ``source``, ordered by source id."""
    yield from store.db.execute(
        "SELECT s.source_id, v.schema, v.caption, v.data FROM spans s"
        " JOIN versions v ON v.id = s.version_id"
        " WHERE s.source = ? AND s.first_seq <= ? AND (s.last_seq IS NULL OR s.last_seq >= ?)"
        " ORDER BY s.source_id",
        (source, seq, seq),
    )


def listing_version_at(
    store: Store, source: str, source_id: str, seq: int
) -> tuple[str, str, bytes] | None:
    """``(schema, caption, data)`` of a listing's version in publication ``seq``."""
    row = store.db.execute(
        "SELECT v.schema, v.caption, v.data FROM spans s JOIN versions v ON v.id = s.version_id"
        " WHERE s.source = ? AND s.source_id = ? AND +s.first_seq <= ?"
        " AND (s.last_seq IS NULL OR s.last_seq >= ?)",
        (source, source_id, seq, seq),
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]), bytes(row[2]))


def hashes_at(store: Store, source: str, seq: int) -> Iterator[tuple[str, str]]:
    """``(source_id, content hash)`` of every listing present in publication ``seq``
    of ``source`` (no record decoded)."""
    for sid, digest in store.db.execute(
        "SELECT s.source_id, v.hash FROM spans s JOIN versions v ON v.id = s.version_id"
        " WHERE s.source = ? AND s.first_seq <= ? AND (s.last_seq IS NULL OR s.last_seq >= ?)",
        (source, seq, seq),
    ):
        yield str(sid), str(digest)


def records_with_hash_at(store: Store, source: str, seq: int) -> Iterator[tuple[str, str, bytes]]:
    """``(source_id, content hash, data)`` of every listing present in publication
    ``seq`` of ``source``."""
    for sid, digest, blob in store.db.execute(
        "SELECT s.source_id, v.hash, v.data FROM spans s JOIN versions v ON v.id = s.version_id"
        " WHERE s.source = ? AND s.first_seq <= ? AND (s.last_seq IS NULL OR s.last_seq >= ?)",
        (source, seq, seq),
    ):
        yield str(sid), str(digest), bytes(blob)
