"""Ownership publications and their links, stored beside the lists in ``thaw.db``.

An ownership publication (a GLEIF golden copy, a PSC snapshot, an FtM file, a KYC
CSV) is loaded like a list publication, with the same guarantees (see
:func:`load_ownership`): it is read completely, checked, and only then stored and
activated, in one transaction; a refusal raises :class:`~thaw.store.LoadError`
and changes nothing; the same file twice is a no-op.

Model: ``own_publications`` (one row per loaded file set: source name, date and
how it is known, sha256, link count, the reader's notes), ``own_parties`` (the
parties a publication names: key, name, schema, country, identifiers) and
``own_links`` (its links), and ``own_active`` (the active publication of each
ownership source). Every publication keeps its own links, so an older one can be
compared with the newer (``thaw ownership changes``).

This module is the only place that speaks SQL about ownership.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from thaw.sources.ownership import OwnershipLink, PartyRef, SourceError, check_source_name, detect
from thaw.store.db import Store
from thaw.store.loader import LoadError, files_sha256, is_older
from thaw.store.publications import OWNERSHIP, StoredPublication

OWNERSHIP_MAX_DROP = 0.10
"""Largest accepted fall in an ownership source's link count (``--max-drop`` overrides
it; ``--force`` accepts any): ownership data has no publication history to fit
per-source limits on, as the lists' removal limits are fitted."""

DDL = """
CREATE TABLE IF NOT EXISTS own_publications (
    id          INTEGER PRIMARY KEY,
    source      TEXT    NOT NULL,
    format      TEXT    NOT NULL,
    published   TEXT    NOT NULL,
    date_basis  TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    files       TEXT    NOT NULL,
    loaded_at   TEXT    NOT NULL,
    link_count  INTEGER NOT NULL,
    notes       TEXT    NOT NULL,
    UNIQUE (source, sha256)
);
CREATE TABLE IF NOT EXISTS own_parties (
    publication_id  INTEGER NOT NULL REFERENCES own_publications (id),
    key             TEXT    NOT NULL,
    name            TEXT,
    schema          TEXT    NOT NULL,
    country         TEXT,
    identifiers     TEXT    NOT NULL,
    aliases         TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (publication_id, key)
);
CREATE TABLE IF NOT EXISTS own_links (
    publication_id  INTEGER NOT NULL REFERENCES own_publications (id),
    link_id         TEXT    NOT NULL,
    owner_key       TEXT    NOT NULL,
    asset_key       TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    share_min       REAL,
    share_max       REAL,
    min_exclusive   INTEGER NOT NULL,
    share_text      TEXT,
    start_date      TEXT,
    end_date        TEXT,
    ended           INTEGER NOT NULL,
    origin          TEXT,
    role            TEXT
);
CREATE INDEX IF NOT EXISTS own_links_publication ON own_links (publication_id);
CREATE TABLE IF NOT EXISTS own_active (
    source          TEXT PRIMARY KEY,
    publication_id  INTEGER NOT NULL REFERENCES own_publications (id)
);
"""

_DATE_DIR = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|_)")


@dataclass(frozen=True, slots=True)
class OwnershipPublicationRow(StoredPublication):
    """A stored ownership publication: its links and the reader's notes."""

    link_count: int
    notes: list[str]
    active: bool = False

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "id": self.id,
            "source": self.source,
            "format": self.format,
            "published": self.published,
            "date_basis": self.date_basis,
            "sha256": self.sha256,
            "files": self.files,
            "loaded_at": self.loaded_at,
            "links": self.link_count,
            "notes": self.notes,
            "active": self.active,
        }


@dataclass(frozen=True, slots=True)
class OwnershipLoadResult:
    """What a load did: ``loaded``, ``history`` (stored, not activated) or
    ``unchanged`` (the same file was loaded before)."""

    status: str
    publication: OwnershipPublicationRow
    notes: tuple[str, ...] = ()


class OwnershipStore:
    """The ownership tables of a :class:`~thaw.store.Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db
        self.db.executescript(DDL)
        columns = {r[1] for r in self.db.execute("PRAGMA table_info(own_parties)")}
        if "aliases" not in columns:  # a store made before parties kept their aliases
            self.db.execute("ALTER TABLE own_parties ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]'")

    # -- reading -----------------------------------------------------------------

    def publications(self, source: str | None = None) -> list[OwnershipPublicationRow]:
        """Every stored ownership publication (of one source), oldest first."""
        where, args = ("", ()) if source is None else ("WHERE source = ?", (source,))
        rows = OWNERSHIP.rows(self.db, where, args, "ORDER BY source, published, id")
        for r in rows:
            r["notes"] = json.loads(r["notes"])
        return [OwnershipPublicationRow(**r) for r in rows]

    def active(self) -> dict[str, OwnershipPublicationRow]:
        """The active publication of every ownership source."""
        return {p.source: p for p in self.publications() if p.active}

    def fingerprint(self) -> str:
        """Which publications are active (changes whenever one is activated)."""
        return ",".join(f"{s}:{p.id}" for s, p in sorted(self.active().items()))

    def links(self, publication_id: int) -> Iterator[OwnershipLink]:
        """The links of one publication, in the order they were read."""
        parties: dict[str, PartyRef] = {}
        for key, name, schema, country, ids, aliases in self.db.execute(
            "SELECT key, name, schema, country, identifiers, aliases FROM own_parties"
            " WHERE publication_id = ?",
            (publication_id,),
        ):
            parties[key] = PartyRef(
                key,
                name,
                schema,
                country,
                tuple((k, v) for k, v in json.loads(ids)),
                tuple(json.loads(aliases)),
            )
        cursor = self.db.execute(
            "SELECT link_id, owner_key, asset_key, kind, share_min, share_max, min_exclusive,"
            " share_text, start_date, end_date, ended, origin, role FROM own_links"
            " WHERE publication_id = ? ORDER BY rowid",
            (publication_id,),
        )
        for r in cursor:
            yield OwnershipLink(
                r[0],
                parties.get(r[1]) or PartyRef(r[1]),
                parties.get(r[2]) or PartyRef(r[2]),
                r[3],
                r[4],
                r[5],
                bool(r[6]),
                r[7],
                r[8],
                r[9],
                bool(r[10]),
                r[11],
                r[12],
            )

    def active_links(self) -> Iterator[tuple[str, OwnershipLink]]:
        """``(source, link)`` for every link of every active ownership publication."""
        for source, pub in sorted(self.active().items()):
            for link in self.links(pub.id):
                yield source, link

    def find(self, source: str, sha256: str) -> OwnershipPublicationRow | None:
        """The publication of ``source`` with these file contents, if loaded."""
        for pub in self.publications(source):
            if pub.sha256 == sha256:
                return pub
        return None

    # -- writing -----------------------------------------------------------------

    def add(
        self,
        *,
        source: str,
        format: str,
        published: str,
        date_basis: str,
        sha256: str,
        files: list[str],
        links: list[OwnershipLink],
        notes: list[str],
        activate: bool,
    ) -> OwnershipPublicationRow:
        """Store one publication and its links (and activate it) in one transaction."""
        parties: dict[str, PartyRef] = {}
        for link in links:
            parties.setdefault(link.owner.key, link.owner)
            parties.setdefault(link.asset.key, link.asset)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            extra = (len(links), json.dumps(notes, ensure_ascii=False))
            pub_id = OWNERSHIP.insert(
                db, source, format, published, date_basis, sha256, files, extra
            )
            db.executemany(
                "INSERT INTO own_parties (publication_id, key, name, schema, country,"
                " identifiers, aliases) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        pub_id,
                        p.key,
                        p.name,
                        p.schema,
                        p.country,
                        json.dumps(p.identifiers),
                        json.dumps(p.aliases, ensure_ascii=False),
                    )
                    for p in parties.values()
                ),
            )
            db.executemany(
                "INSERT INTO own_links (publication_id, link_id, owner_key, asset_key, kind,"
                " share_min, share_max, min_exclusive, share_text, start_date, end_date, ended,"
                " origin, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        pub_id,
                        x.link_id,
                        x.owner.key,
                        x.asset.key,
                        x.kind,
                        x.share_min,
                        x.share_max,
                        int(x.min_exclusive),
                        x.share_text,
                        x.start,
                        x.end,
                        int(x.ended),
                        x.origin,
                        x.role,
                    )
                    for x in links
                ),
            )
            if activate:
                OWNERSHIP.activate(db, source, pub_id)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        rows = [p for p in self.publications(source) if p.id == pub_id]
        return rows[0]


def _date(path: Path, in_file: str | None, given: str | None) -> tuple[str, str]:
    if given:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", given):
            raise LoadError(f"--date {given!r}: write YYYY-MM-DD")
        return given, "given"
    if in_file:
        return in_file, "in-file"
    for part in reversed(path.resolve().parent.parts):
        if m := _DATE_DIR.match(part):
            return m[1], "folder"
    raise LoadError(f"{path}: the file carries no publication date; pass --date YYYY-MM-DD")


def load_ownership(
    store: Store,
    path: Path,
    *,
    source: str | None = None,
    format: str | None = None,
    date: str | None = None,
    force: bool = False,
    history: bool = False,
    max_drop: float | None = None,
) -> OwnershipLoadResult:
    """Read an ownership file completely, check it and store it.

    The publication becomes active for its source (``source``, else the reader's
    default name) only when every link parsed, it holds at least one link, its link
    count is not down by more than ``max_drop`` against the active publication
    (unless ``force``) and it is not older than the active one (unless ``history``:
    it is then stored, not activated). The date is ``date`` if given, else the one
    the file carries, else a ``YYYY-MM-DD`` folder name. Refusals raise
    :class:`~thaw.store.LoadError` naming the file and the reason; the store is
    then unchanged.
    """
    own = OwnershipStore(store)
    try:
        reader = detect(path, format)
        name = check_source_name(source or reader.source)
        digest = files_sha256([path])
        existing = own.find(name, digest)
        if existing is not None:
            return OwnershipLoadResult("unchanged", existing)
        pub = reader().read(path)
        links = list(dict.fromkeys(pub.links))  # drains the reader: every line is checked
    except SourceError as exc:
        raise LoadError(str(exc)) from exc
    except ValueError as exc:
        raise LoadError(str(exc)) from exc
    if not links:
        raise LoadError(f"{path}: publication holds no ownership links; refused")
    if pub.declared_count is not None and pub.declared_count <= 0:
        raise LoadError(f"{path}: the file declares no entries; refused")
    published, basis = _date(path, pub.published, date)
    active = own.active().get(name)
    older = is_older(path, name, published, active, history)
    if active is not None and not older and not force:
        if max_drop is None:
            max_drop = OWNERSHIP_MAX_DROP
        floor = active.link_count * (1 - max_drop)
        if len(links) < floor:
            raise LoadError(
                f"{path}: {len(links)} links against {active.link_count} in the {name} "
                f"publication of {active.published} (down more than {max_drop:.0%}); refused, "
                "use --force if this is right"
            )
    row = own.add(
        source=name,
        format=pub.format,
        published=published,
        date_basis=basis,
        sha256=digest,
        files=[path.name],
        links=links,
        notes=list(pub.notes),
        activate=not older,
    )
    return OwnershipLoadResult("history" if older else "loaded", row, tuple(pub.notes))


def link_key(link: OwnershipLink) -> tuple[str, str, str, str]:
    """What identifies a link across publications: owner, asset, kind and the link's
    own id where it has a stable one (an FtM entity id, a PSC statement; not a CSV
    line number, which moves when a row is inserted)."""
    stable = "" if link.link_id.startswith("line ") else link.link_id
    return (link.owner.key, link.asset.key, link.kind, stable)


def diff_publications(
    own: OwnershipStore, old_id: int, new_id: int
) -> dict[str, list[tuple[OwnershipLink | None, OwnershipLink | None]]]:
    """Links ``added``, ``removed`` and ``changed`` (share, dates or status) from
    publication ``old_id`` to ``new_id``, as ``(old, new)`` pairs."""
    old = {link_key(x): x for x in own.links(old_id)}
    new = {link_key(x): x for x in own.links(new_id)}
    out: dict[str, list[tuple[OwnershipLink | None, OwnershipLink | None]]] = {
        "added": [(None, new[k]) for k in new if k not in old],
        "removed": [(old[k], None) for k in old if k not in new],
        "changed": [],
    }
    for k in new:
        if k in old:
            a, b = old[k], new[k]
            if (a.share_min, a.share_max, a.start, a.end, a.ended) != (
                b.share_min,
                b.share_max,
                b.start,
                b.end,
                b.ended,
            ):
                out["changed"].append((a, b))
    return out
