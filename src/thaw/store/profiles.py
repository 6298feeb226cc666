"""The profile tables of the store's database, and the only code that reads or
writes them.

:mod:`thaw.profiles.service` decides what the profiles are (features, evidence,
clusters, stable ids); :class:`ProfileTables` keeps them, in the same SQLite file
as the store's publications:

``profile_listings``
    every active listing: its profile, the content hash it was linked at and its
    prepared features (zlib-compressed JSON, opaque here), so that a refresh
    re-reads only listings whose content changed.
``profiles``
    one row per profile: id, display caption, schema, size, authorities.
``profile_edges``
    identity evidence found between pairs of listings (identifiers, names); the
    raw material of clustering, recomputed only for changed listings.
``profile_links``
    the evidence in force per profile after clustering: applied edges and edges
    refused (with the reason), including references and analyst decisions.
``profile_decisions``
    analysts' link / unlink decisions with who, when and why; applied on every
    build, never deleted (a later decision on the same pair overrides).
``profile_redirects``
    profile ids that disappeared because their listings joined another profile.
``profile_retired``
    listings that left the active publications, with the profile they were in.
``profile_meta``
    what the profiles were last built from (publications, decisions, algorithm).

A store opened read-only may not have the tables yet (the profiles were never
built): the reads that can be asked before a build answer "nothing" then.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from thaw.store.db import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS profile_listings (
    source      TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    profile_id  TEXT NOT NULL,
    hash        TEXT NOT NULL,
    features    BLOB NOT NULL,
    PRIMARY KEY (source, source_id)
);
CREATE INDEX IF NOT EXISTS profile_listings_profile ON profile_listings (profile_id);
CREATE TABLE IF NOT EXISTS profiles (
    id          TEXT PRIMARY KEY,
    caption     TEXT NOT NULL,
    schema      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sources     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS profile_edges (
    a         TEXT NOT NULL,
    b         TEXT NOT NULL,
    kind      TEXT NOT NULL,
    strength  REAL NOT NULL,
    evidence  TEXT NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX IF NOT EXISTS profile_edges_b ON profile_edges (b);
CREATE TABLE IF NOT EXISTS profile_links (
    profile_id  TEXT NOT NULL,
    a           TEXT NOT NULL,
    b           TEXT NOT NULL,
    kind        TEXT NOT NULL,
    strength    REAL NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT,
    evidence    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS profile_links_profile ON profile_links (profile_id);
CREATE TABLE IF NOT EXISTS profile_decisions (
    id      INTEGER PRIMARY KEY,
    action  TEXT NOT NULL CHECK (action IN ('link', 'unlink')),
    a       TEXT NOT NULL,
    b       TEXT NOT NULL,
    who     TEXT NOT NULL,
    why     TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS profile_redirects (
    old_id  TEXT PRIMARY KEY,
    new_id  TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS profile_retired (
    source      TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    profile_id  TEXT NOT NULL,
    retired_at  TEXT NOT NULL,
    PRIMARY KEY (source, source_id)
);
CREATE TABLE IF NOT EXISTS profile_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
"""

ListingKey = tuple[str, str]
"""``(source, source_id)``."""
LinkRow = tuple[str, str, str, float, str, str | None, str]
"""``(a, b, kind, strength, status, reason, evidence JSON)`` of one profile link."""
EdgeRow = tuple[str, str, str, float, str]
"""``(a, b, kind, strength, evidence JSON)`` of one piece of identity evidence."""
DecisionRow = tuple[int, str, str, str, str, str, str]
"""``(id, action, a, b, who, why, at)`` of one analyst decision."""

_LINK_ORDER = " ORDER BY status, strength DESC, a, b"


@dataclass(slots=True)
class ProfileRows:
    """Everything a build writes, as rows (see :meth:`ProfileTables.replace`)."""

    retired: list[tuple[str, str, str]]
    """``(source, source_id, profile_id)`` of listings that left the publications."""
    listings: list[tuple[str, str, str, str, bytes]]
    """``(source, source_id, profile_id, hash, features)``."""
    profiles: list[tuple[str, str, str, int, str]]
    """``(id, caption, schema, size, sources)``."""
    edges: list[EdgeRow]
    links: list[tuple[str, str, str, str, float, str, str | None, str]]
    """``(profile_id, a, b, kind, strength, status, reason, evidence)``."""
    redirects: list[tuple[str, str]]
    """``(old_id, new_id)``."""
    meta: dict[str, str]


class ProfileTables:
    """The profile tables of one open :class:`~thaw.store.Store` (see the module docs)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def create(self) -> None:
        """Create the tables and indexes that do not exist yet."""
        self.db.executescript(SCHEMA)

    # -- reading ---------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        """One value of ``profile_meta`` (``None`` before the first build)."""
        try:
            row = self.db.execute("SELECT value FROM profile_meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no tables yet (a store opened read-only)
            return None
        return str(row[0]) if row else None

    def last_decision_id(self) -> int:
        """The id of the newest analyst decision (0: none)."""
        row = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM profile_decisions").fetchone()
        return int(row[0])

    def profile_id_of(self, source: str, source_id: str) -> str | None:
        """The profile holding an active listing."""
        row = self.db.execute(
            "SELECT profile_id FROM profile_listings WHERE source = ? AND source_id = ?",
            (source, source_id),
        ).fetchone()
        return str(row[0]) if row else None

    def retired_profile_id(self, source: str, source_id: str) -> str | None:
        """The profile a listing was in when it left the active publications."""
        try:
            row = self.db.execute(
                "SELECT profile_id FROM profile_retired WHERE source = ? AND source_id = ?",
                (source, source_id),
            ).fetchone()
        except sqlite3.OperationalError:
            return None
        return str(row[0]) if row else None

    def retired_members(self, profile_id: str) -> list[ListingKey]:
        """The former members of a profile, by source and id."""
        try:
            rows = self.db.execute(
                "SELECT source, source_id FROM profile_retired WHERE profile_id = ?"
                " ORDER BY source, source_id",
                (profile_id,),
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return [(str(s), str(i)) for s, i in rows]

    def head(self, profile_id: str) -> tuple[str, str, str] | None:
        """``(id, caption, schema)`` of a profile."""
        row = self.db.execute(
            "SELECT id, caption, schema FROM profiles WHERE id = ?", (profile_id,)
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]), str(row[2]))

    def redirect(self, profile_id: str) -> str | None:
        """The profile a vanished profile id now points to."""
        row = self.db.execute(
            "SELECT new_id FROM profile_redirects WHERE old_id = ?", (profile_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def member_features(self, profile_id: str) -> list[bytes]:
        """The stored features of a profile's listings, by source and id."""
        return [
            bytes(blob)
            for (blob,) in self.db.execute(
                "SELECT features FROM profile_listings WHERE profile_id = ?"
                " ORDER BY source, source_id",
                (profile_id,),
            )
        ]

    def links(self, profile_id: str) -> list[LinkRow]:
        """The link evidence of one profile, applied before refused, strongest first."""
        return [
            _link(r)
            for r in self.db.execute(
                "SELECT a, b, kind, strength, status, reason, evidence FROM profile_links"
                " WHERE profile_id = ?" + _LINK_ORDER,
                (profile_id,),
            )
        ]

    def heads(self, min_sources: int = 1) -> list[tuple[str, str, str]]:
        """``(id, caption, schema)`` of every profile listed by at least
        ``min_sources`` authorities, by id."""
        return [
            (str(r[0]), str(r[1]), str(r[2]))
            for r in self.db.execute(
                "SELECT id, caption, schema FROM profiles WHERE (LENGTH(sources)"
                " - LENGTH(REPLACE(sources, ',', '')) + 1) >= ? ORDER BY id",
                (min_sources,),
            )
        ]

    def all_member_features(self) -> Iterator[tuple[str, bytes]]:
        """``(profile_id, features)`` of every active listing, by source and id."""
        for pid, blob in self.db.execute(
            "SELECT profile_id, features FROM profile_listings ORDER BY source, source_id"
        ):
            yield str(pid), bytes(blob)

    def all_links(self) -> Iterator[tuple[str, LinkRow]]:
        """``(profile_id, link)`` of every profile's link evidence (the order of
        :meth:`links` within a profile)."""
        for row in self.db.execute(
            "SELECT profile_id, a, b, kind, strength, status, reason, evidence FROM profile_links"
            + _LINK_ORDER
        ):
            yield str(row[0]), _link(row[1:])

    def summary(self) -> list[tuple[str, str, str, int, list[str]]]:
        """``(id, caption, schema, size, sources)`` of every profile, by id."""
        return [
            (str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4]).split(","))
            for r in self.db.execute(
                "SELECT id, caption, schema, size, sources FROM profiles ORDER BY id"
            )
        ]

    def counts(self) -> tuple[int, int]:
        """The number of profiles, and of those listed by several authorities."""
        row = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(sources LIKE '%,%'), 0) FROM profiles"
        ).fetchone()
        return int(row[0]), int(row[1])

    def memberships(self) -> dict[ListingKey, str]:
        """``(source, source_id) → profile id`` of every active listing."""
        return {
            (str(s), str(i)): str(p)
            for s, i, p in self.db.execute(
                "SELECT source, source_id, profile_id FROM profile_listings"
            )
        }

    def hashes(self) -> dict[ListingKey, str]:
        """``(source, source_id) → content hash`` each listing was linked at."""
        return {
            (str(s), str(i)): str(h)
            for s, i, h in self.db.execute("SELECT source, source_id, hash FROM profile_listings")
        }

    def features(self) -> Iterator[tuple[str, str, bytes]]:
        """``(source, source_id, features)`` of every listing as last linked."""
        for s, i, blob in self.db.execute(
            "SELECT source, source_id, features FROM profile_listings"
        ):
            yield str(s), str(i), bytes(blob)

    def edges(self) -> list[EdgeRow]:
        """The stored identity evidence between listings."""
        return [
            (str(a), str(b), str(k), float(s), str(ev))
            for a, b, k, s, ev in self.db.execute(
                "SELECT a, b, kind, strength, evidence FROM profile_edges"
            )
        ]

    def decisions(self) -> list[DecisionRow]:
        """The analysts' decisions, oldest first."""
        return [
            (int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]))
            for r in self.db.execute(
                "SELECT id, action, a, b, who, why, at FROM profile_decisions ORDER BY id"
            )
        ]

    # -- writing ---------------------------------------------------------------------

    def add_decision(self, action: str, a: str, b: str, who: str, why: str, at: str) -> int:
        """Record an analyst's decision; returns its id."""
        cur = self.db.execute(
            "INSERT INTO profile_decisions (action, a, b, who, why, at) VALUES (?, ?, ?, ?, ?, ?)",
            (action, a, b, who, why, at),
        )
        return int(cur.lastrowid or 0)

    def replace(self, rows: ProfileRows, now: str) -> None:
        """Replace the built profiles with ``rows`` in one transaction (a killed
        process leaves the previous build): the retired listings are added (and
        those active again dropped), the listings, profiles, edges and links
        replaced, the redirects of ids still alive dropped, the meta values set.
        Analysts' decisions are never touched."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany(
                "INSERT OR REPLACE INTO profile_retired"
                " (source, source_id, profile_id, retired_at) VALUES (?, ?, ?, ?)",
                [(s, i, p, now) for s, i, p in rows.retired],
            )
            db.execute("DELETE FROM profile_listings")
            db.executemany(
                "INSERT INTO profile_listings (source, source_id, profile_id, hash, features)"
                " VALUES (?, ?, ?, ?, ?)",
                rows.listings,
            )
            db.execute(
                "DELETE FROM profile_retired WHERE source || ':' || source_id IN"
                " (SELECT source || ':' || source_id FROM profile_listings)"
            )
            db.execute("DELETE FROM profiles")
            db.executemany(
                "INSERT INTO profiles (id, caption, schema, size, sources, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(*p, now) for p in rows.profiles],
            )
            db.execute("DELETE FROM profile_edges")
            db.executemany(
                "INSERT OR REPLACE INTO profile_edges (a, b, kind, strength, evidence)"
                " VALUES (?, ?, ?, ?, ?)",
                rows.edges,
            )
            db.execute("DELETE FROM profile_links")
            db.executemany(
                "INSERT INTO profile_links"
                " (profile_id, a, b, kind, strength, status, reason, evidence)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows.links,
            )
            db.executemany(
                "INSERT OR REPLACE INTO profile_redirects (old_id, new_id, at) VALUES (?, ?, ?)",
                [(o, n, now) for o, n in rows.redirects],
            )
            db.execute("DELETE FROM profile_redirects WHERE old_id IN (SELECT id FROM profiles)")
            db.executemany(
                "INSERT OR REPLACE INTO profile_meta (key, value) VALUES (?, ?)",
                list(rows.meta.items()),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _link(r: Sequence[Any]) -> LinkRow:
    a, b, kind, strength, status, reason, evidence = r
    return (
        str(a),
        str(b),
        str(kind),
        float(strength),
        str(status),
        str(reason) if reason else None,
        str(evidence),
    )
