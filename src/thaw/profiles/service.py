"""Profiles kept in the store's database: build, refresh, read, analyst decisions.

The tables live in the store's database, behind
:class:`~thaw.store.profiles.ProfileTables` (the listings with their prepared
:class:`~thaw.profiles.features.Features`, the profiles, the identity evidence,
the links in force, analysts' decisions, redirects of merged ids, retired
listings and what the profiles were built from); this module decides what goes
in them.

Profile ids are stable: after a rebuild each new cluster takes the id of the old
profile it shares most listings with; a cluster with no predecessor gets an id
derived from its smallest member key (so a fresh database built from the same
lists gives the same ids).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from thaw._process import die_with_parent
from thaw.match import Query, score
from thaw.model import Record
from thaw.profiles.evidence import Edge, corpus_stats
from thaw.profiles.features import Features, features_of
from thaw.profiles.linker import (
    Decision,
    Linkage,
    cluster,
    find_edges,
    reference_edges,
    row_edges,
)
from thaw.profiles.model import Detail, LinkEvidence, Listing, Profile
from thaw.store import Store, decode_record
from thaw.store.profiles import LinkRow, ProfileRows, ProfileTables
from thaw.store.queries import hashes_at, records_with_hash_at
from thaw.text import analyze_name

ALGORITHM_VERSION = "22"
"""Bumped when the linking rules change in a way that needs a full rebuild."""

FULL_REBUILD_SHARE = 0.3
"""A refresh that would re-link more than this share of listings (and more than
:data:`FULL_REBUILD_MIN`) rebuilds fully: cheaper than many focused comparisons."""

FULL_REBUILD_MIN = 2000

SOURCE_PRIORITY = ("un_sc", "eu_fsf", "uk_ofsi", "uk_fcdo", "us_ofac_sdn", "ca_sema", "au_dfat")
"""Whose spelling of a name is preferred for the caption when several agree."""

_PROBE_NAMES = (
    "DMITRIEV, Kirill Aleksandrovich",
    "Дмитриев Кирилл Александрович",
    "Mohammed al-Qahtani",
    "ООО Ромашка",
    "Joint Stock Company Rosneft",
    "Kim Jong Un",
    "Abd al-Rahman bin Saleh",
)


class ProfileError(Exception):
    """A profile request or decision that cannot be carried out (the message says why)."""


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What a build or refresh did."""

    mode: str  # "full", "incremental" or "unchanged"
    listings: int
    changed: int
    removed: int
    profiles: int
    multi: int
    edges: int
    refused: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_key(key: str) -> tuple[str, str]:
    """Split ``SOURCE:SOURCE_ID`` (raises :class:`ProfileError` otherwise)."""
    source, sep, source_id = key.partition(":")
    if not sep or not source or not source_id:
        raise ProfileError(f"expected SOURCE:ID (e.g. us_ofac_sdn:34336), got {key!r}")
    return source, source_id


def profile_id_for(key: str, salt: int = 0) -> str:
    """The id derived from a profile's smallest member key."""
    text = key if not salt else f"{key}#{salt}"
    return "p-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A digest of how names are analysed and scored now; when the name analysis
    or the matcher changes, the stored features and edges are stale and the next
    refresh rebuilds fully."""
    h = hashlib.sha256(ALGORITHM_VERSION.encode())
    for name in _PROBE_NAMES:
        h.update(analyze_name(name).key.encode("utf-8"))
        h.update(b"|")
    from thaw.index import entry_from_record
    from thaw.model import Name

    probe = entry_from_record(Record("probe", "1", "Person", names=[Name("Kirill Dmitriev")]))
    for name in ("DMITRIEV, Kirill", "Kiril Dmitriyev", "Mohamed Ali"):
        h.update(f"{score(Query(name, 'Person'), probe).score:.4f}".encode())
    return h.hexdigest()[:16]


class Profiles:
    """The profiles of the store's active publications.

    ``Profiles(store)`` creates its tables if needed. Reading methods refresh the
    profiles first when the active publications or the analysts' decisions changed
    since the last build (``auto_refresh=False`` turns that off; call
    :meth:`refresh` or :meth:`rebuild` yourself then). A build of many listings
    runs in ``workers`` processes (default :data:`WORKERS`): faster on an idle
    machine, but some 20 % more CPU in all (the forks, and the features and edges
    sent back), so ``workers=1`` where the cores are busy anyway.
    """

    def __init__(
        self,
        store: Store,
        auto_refresh: bool = True,
        on_refresh: Callable[[RefreshResult], None] | None = None,
        workers: int | None = None,
    ) -> None:
        self.store = store
        self.workers = WORKERS if workers is None else max(1, workers)
        self.tables = ProfileTables(store)
        self.auto_refresh = auto_refresh
        self.on_refresh = on_refresh
        if not store.readonly:  # a read-only store is only read when already built
            self.tables.create()
        self._checked = False

    # -- state ---------------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        return self.tables.meta(key)

    def _state(self) -> dict[str, Any]:
        # a publication re-read in place by a newer reader keeps its id, not its version
        pubs = {
            s: [p.id, p.reader_version] for s, p in sorted(self.store.active_publications().items())
        }
        return {"publications": pubs, "decisions": self.tables.last_decision_id()}

    def is_stale(self) -> bool:
        """Whether the active publications or the decisions changed since the last
        build, or the linking itself did (a new thaw whose name analysis, matcher or
        linking rules differ: :func:`fingerprint`), so that an upgrade re-links a
        store whose lists have not changed."""
        built = self._meta("state")
        if built is None or json.loads(built) != self._state():
            return True
        return self._meta("fingerprint") != fingerprint()

    def _ensure(self) -> None:
        if self.auto_refresh and not self._checked:
            self._checked = True
            if self.is_stale():
                result = self.refresh()
                if self.on_refresh is not None:
                    self.on_refresh(result)

    # -- reading -------------------------------------------------------------------------

    def profile_id_of(self, source: str, source_id: str) -> str | None:
        """The id of the profile holding a listing (``None`` if it is not active)."""
        self._ensure()
        return self.tables.profile_id_of(source, source_id)

    def profile_of(self, source: str, source_id: str, details: bool = True) -> Profile | None:
        """The profile holding one listing of the active publications, or ``None``."""
        pid = self.profile_id_of(source, source_id)
        return self.get(pid, details=details) if pid else None

    def retired_profile_of(self, source: str, source_id: str) -> Profile | None:
        """For a listing no longer in the active publications: the profile it was
        last in, as it stands now (``None`` if that profile is gone too)."""
        self._ensure()
        pid = self.tables.retired_profile_id(source, source_id)
        return self.get(pid) if pid else None

    def resolve(self, ref: str) -> Profile | None:
        """A profile by id (following redirects of merged profiles) or by a member
        key ``SOURCE:SOURCE_ID``."""
        if ":" in ref:
            source, source_id = parse_key(ref)
            profile = self.profile_of(source, source_id)
            if profile is None:
                for src, sid in self.store.search_ids(source, source_id):
                    profile = self.profile_of(src, sid)
            return profile
        return self.get(ref)

    def get(self, profile_id: str, details: bool = True) -> Profile | None:
        """One profile by id; an id that disappeared because its listings joined
        another profile resolves to that profile."""
        self._ensure()
        for _ in range(10):
            row = self.tables.head(profile_id)
            if row is not None:
                break
            redirect = self.tables.redirect(profile_id)
            if redirect is None:
                return None
            profile_id = redirect
        else:
            return None
        members = [
            _listing(Features.from_json(_unpack(blob)))
            for blob in self.tables.member_features(profile_id)
        ]
        links = [_link_row(r) for r in self.tables.links(profile_id)]
        profile = Profile(
            id=row[0],
            caption=row[1],
            schema=row[2],
            listings=[(m.source, m.source_id) for m in members],
            members=members,
            links=links,
        )
        if details:
            profile.details = self._details(profile)
        return profile

    def all(self, min_sources: int = 1, details: bool = False) -> Iterator[Profile]:
        """Every profile (with at least ``min_sources`` authorities), by id, read
        in bulk. Details are not loaded unless asked for."""
        self._ensure()
        heads = self.tables.heads(min_sources)
        members: dict[str, list[Listing]] = defaultdict(list)
        for pid, blob in self.tables.all_member_features():
            members[pid].append(_listing(Features.from_json(_unpack(blob))))
        links: dict[str, list[LinkEvidence]] = defaultdict(list)
        for pid, row in self.tables.all_links():
            links[pid].append(_link_row(row))
        for pid, caption, schema in heads:
            listed = members.get(pid, [])
            profile = Profile(
                id=pid,
                caption=caption,
                schema=schema,
                listings=[(m.source, m.source_id) for m in listed],
                members=listed,
                links=links.get(pid, []),
            )
            if details:
                profile.details = self._details(profile)
            yield profile

    def summary(self) -> list[tuple[str, str, str, int, list[str]]]:
        """``(id, caption, schema, size, sources)`` of every profile (one query)."""
        self._ensure()
        return self.tables.summary()

    def memberships(self) -> dict[tuple[str, str], str]:
        """``(source, source_id) → profile id`` for every active listing."""
        self._ensure()
        return self.tables.memberships()

    def features(self) -> list[Features]:
        """The prepared features (:func:`~thaw.profiles.features_of`) of every
        active listing, as the profiles were last linked from them: what a caller
        that links them again, another way, starts from without analysing every
        name again."""
        self._ensure()
        return [Features.from_json(_unpack(blob)) for _, _, blob in self.tables.features()]

    def decisions(self) -> list[Decision]:
        """All analyst decisions, oldest first."""
        return [Decision(r[1], r[2], r[3], r[4], r[5], r[6], r[0]) for r in self.tables.decisions()]

    def _details(self, profile: Profile) -> list[Detail]:
        out: list[Detail] = []
        for source, source_id in profile.listings:
            record = self.store.get(source, source_id)
            if record is not None:
                out.extend(details_of(record))
        return out

    # -- analyst decisions -----------------------------------------------------------------

    def link(self, a: str, b: str, who: str, why: str) -> Decision:
        """Record that listings ``a`` and ``b`` (``SOURCE:ID``) are the same party.
        Applied on this and every later build. Two UN listings can never be linked."""
        return self._decide("link", a, b, who, why)

    def unlink(self, a: str, b: str, who: str, why: str) -> Decision:
        """Record that listings ``a`` and ``b`` are different parties: they will not
        share a profile whatever the automatic evidence says."""
        return self._decide("unlink", a, b, who, why)

    def _decide(self, action: str, a: str, b: str, who: str, why: str) -> Decision:
        sa, ia = parse_key(a)
        sb, ib = parse_key(b)
        if (sa, ia) == (sb, ib):
            raise ProfileError(f"{a} and {b} are the same listing")
        if not why.strip():
            raise ProfileError("a decision needs a reason (--why)")
        if not who.strip():
            raise ProfileError("a decision needs an author (--who)")
        from thaw.profiles.linker import UNIQUE_SOURCES

        if action == "link" and sa == sb and sa in UNIQUE_SOURCES:
            raise ProfileError(f"two {sa} listings are never the same party")
        for src, sid, key in ((sa, ia, a), (sb, ib, b)):
            if (
                self.store.get(src, sid) is None
                and self.tables.retired_profile_id(src, sid) is None
            ):
                raise ProfileError(f"no listing {key} in the active publications")
        at = _now()
        number = self.tables.add_decision(
            action, f"{sa}:{ia}", f"{sb}:{ib}", who.strip(), why.strip(), at
        )
        self._checked = False
        return Decision(
            action,
            f"{sa}:{ia}",
            f"{sb}:{ib}",
            who.strip(),
            why.strip(),
            at,
            number,
        )

    # -- building ----------------------------------------------------------------------------

    def rebuild(self) -> RefreshResult:
        """Re-link every active listing from scratch (ids are kept where the
        membership overlaps)."""
        return self.refresh(full=True)

    def refresh(self, full: bool = False) -> RefreshResult:
        """Bring the profiles up to date with the active publications and the
        decisions, re-linking only listings whose content changed (or everything
        with ``full``, on the first build, when the name analysis or matcher
        changed, or when most listings changed)."""
        t0 = time.perf_counter()
        self._checked = True
        state = self._state()
        current = self._active_hashes()
        stored = self.tables.hashes()
        fp = fingerprint()
        if self._meta("fingerprint") != fp or not stored:
            full = True
        changed = {k for k, h in current.items() if stored.get(k) != h}
        removed = set(stored) - set(current)
        moved = len(changed) + len(removed)
        if moved > FULL_REBUILD_SHARE * len(current) and moved > FULL_REBUILD_MIN:
            full = True
        if not full and not changed and not removed and self._meta("state") == json.dumps(state):
            n_prof, n_multi = self._counts()
            return RefreshResult(
                "unchanged", len(current), 0, 0, n_prof, n_multi, 0, 0, time.perf_counter() - t0
            )

        # the prepared listings: stored features for unchanged listings, fresh ones otherwise
        listings: dict[tuple[str, str], Features] = {}
        old_numbers: set[str] = set()  # identifier numbers of changed or removed listings
        old_tokens: set[str] = set()  # name tokens of changed or removed listings
        if not full:
            for s, i, blob in self.tables.features():
                key = (s, i)
                old = Features.from_json(_unpack(blob))
                if key in current and key not in changed:
                    listings[key] = old
                else:
                    old_numbers.update(ident.number for ident in old.identifiers)
                    old_tokens.update(old.tokens())
        wanted = set(current) if full else changed
        timings = {"check": time.perf_counter() - t0}
        t = time.perf_counter()
        for f in self._load_features(wanted):
            listings[(f.source, f.source_id)] = f
        ordered = [listings[k] for k in sorted(listings)]
        stats = corpus_stats(ordered)
        ctx = stats.context()
        timings["features"] = time.perf_counter() - t
        t = time.perf_counter()

        if full:
            new_edges = find_edges(ordered, ctx, workers=self.workers)
            edges = new_edges
        else:
            # re-compare with everything: the changed listings, the unchanged ones
            # sharing an identifier number with them (its uniqueness may have
            # changed) or a name token (its rarity moved); the evidence between
            # other listings cannot have changed and is kept
            changed_keys = {f"{s}:{i}" for s, i in changed}
            numbers = old_numbers | {
                ident.number for k in changed for ident in listings[k].identifiers
            }
            tokens = old_tokens | {t for k in changed for t in listings[k].tokens()}
            focus = [
                n
                for n, f in enumerate(ordered)
                if f.key in changed_keys
                or any(i.number in numbers for i in f.identifiers)
                or not tokens.isdisjoint(f.tokens())
            ]
            gone = {ordered[n].key for n in focus} | {f"{s}:{i}" for s, i in removed}
            edges = [e for e in self._stored_edges() if e.a not in gone and e.b not in gone]
            known = {(e.a, e.b) for e in edges}
            edges.extend(
                e
                for e in find_edges(ordered, ctx, focus=focus, workers=self.workers)
                if (e.a, e.b) not in known
            )
        timings["evidence"] = time.perf_counter() - t
        t = time.perf_counter()
        all_edges = [*edges, *reference_edges(ordered), *row_edges(ordered)]
        linkage = cluster(ordered, all_edges, self.decisions())
        timings["cluster"] = time.perf_counter() - t
        t = time.perf_counter()
        self._write(ordered, linkage, edges, full, state, fp, removed, stored)
        timings["write"] = time.perf_counter() - t
        n_prof, n_multi = self._counts()
        return RefreshResult(
            "full" if full else "incremental",
            len(ordered),
            len(wanted),
            len(removed),
            n_prof,
            n_multi,
            len(linkage.edges),
            len(linkage.refused),
            time.perf_counter() - t0,
            {k: round(v, 2) for k, v in timings.items()},
        )

    def _counts(self) -> tuple[int, int]:
        return self.tables.counts()

    def _active_hashes(self) -> dict[tuple[str, str], str]:
        """``(source, source_id) → content hash`` of every active listing, read from
        the store's spans and versions without decoding any record."""
        out: dict[tuple[str, str], str] = {}
        for source, pub in self.store.active_publications().items():
            for sid, digest in hashes_at(self.store, source, pub.seq):
                out[(source, sid)] = digest
        return out

    def _load_features(self, keys: set[tuple[str, str]]) -> Iterator[Features]:
        """Prepared features of the active listings ``keys`` (prepared in
        :attr:`workers` processes when there are many: name analysis is the most
        expensive step of a full build)."""
        by_source: dict[str, set[str]] = defaultdict(set)
        for s, i in keys:
            by_source[s].add(i)
        active = self.store.active_publications()
        work: list[tuple[bytes, str]] = []
        for source, ids in sorted(by_source.items()):
            pub = active[source]
            for sid, digest, blob in records_with_hash_at(self.store, source, pub.seq):
                if sid in ids:
                    work.append((blob, digest))
        yield from prepare_features(work, self.workers)

    def _stored_edges(self) -> list[Edge]:
        return [Edge(a, b, k, s, json.loads(ev)) for a, b, k, s, ev in self.tables.edges()]

    def _assign_ids(self, clusters: list[list[str]]) -> tuple[list[str], dict[str, str]]:
        """Stable ids for the new clusters, and redirects of old ids that vanished
        into another profile."""
        old = {f"{s}:{i}": p for (s, i), p in self.tables.memberships().items()}
        old_ids = set(old.values())
        order = sorted(range(len(clusters)), key=lambda n: (-len(clusters[n]), clusters[n][0]))
        rank = {n: r for r, n in enumerate(order)}
        claims: list[tuple[int, int, str]] = []  # (-overlap, cluster, old id)
        for n in order:
            counts = Counter(old[k] for k in clusters[n] if k in old)
            for pid, c in counts.items():
                claims.append((-c, n, pid))
        claims.sort(key=lambda c: (c[0], rank[c[1]], c[2]))
        ids: list[str | None] = [None] * len(clusters)
        taken: set[str] = set()
        for _neg, n, pid in claims:
            if ids[n] is None and pid not in taken:
                ids[n] = pid
                taken.add(pid)
        reserved = old_ids | taken
        for n in order:
            if ids[n] is None:
                salt = 0
                pid = profile_id_for(clusters[n][0])
                while pid in reserved:
                    salt += 1
                    pid = profile_id_for(clusters[n][0], salt)
                ids[n] = pid
                reserved.add(pid)
        final = [str(i) for i in ids]
        new_of = {k: final[n] for n, members in enumerate(clusters) for k in members}
        redirects: dict[str, str] = {}
        members_old: dict[str, set[str]] = defaultdict(set)
        for k, pid in old.items():
            members_old[pid].add(k)
        for pid, keys in members_old.items():
            if pid in taken:
                continue
            targets = {new_of[k] for k in keys if k in new_of}
            if len(targets) == 1:
                redirects[pid] = targets.pop()
        return final, redirects

    def _write(
        self,
        ordered: list[Features],
        linkage: Linkage,
        edges: list[Edge],
        full: bool,
        state: dict[str, Any],
        fp: str,
        removed: set[tuple[str, str]],
        stored: dict[tuple[str, str], str],
    ) -> None:
        ids, redirects = self._assign_ids(linkage.clusters)
        by_key = {f.key: f for f in ordered}
        pid_of = {k: ids[n] for n, members in enumerate(linkage.clusters) for k in members}
        now = _now()
        old_pid = {f"{s}:{i}": p for (s, i), p in self.tables.memberships().items()}
        profiles = []
        for n, members in enumerate(linkage.clusters):
            feats = [by_key[k] for k in members]
            profiles.append(
                (
                    ids[n],
                    best_caption(feats),
                    profile_schema(feats),
                    len(members),
                    ",".join(sorted({f.source for f in feats})),
                )
            )
        links: list[tuple[str, str, str, str, float, str, str | None, str]] = [
            (
                pid_of[e.a],
                e.a,
                e.b,
                e.kind,
                e.strength,
                "applied",
                None,
                json.dumps(e.evidence, ensure_ascii=False),
            )
            for e in linkage.edges
        ]
        for e, why in linkage.refused:
            for pid in {pid_of[e.a], pid_of[e.b]}:
                links.append(
                    (
                        pid,
                        e.a,
                        e.b,
                        e.kind,
                        e.strength,
                        "refused",
                        why,
                        json.dumps(e.evidence, ensure_ascii=False),
                    )
                )
        live = set(ids)
        rows = ProfileRows(
            retired=[(s, i, old_pid[f"{s}:{i}"]) for s, i in removed if old_pid.get(f"{s}:{i}")],
            listings=[
                (f.source, f.source_id, pid_of[f.key], f.hash, _pack(f.to_json())) for f in ordered
            ],
            profiles=profiles,
            edges=[
                (e.a, e.b, e.kind, e.strength, json.dumps(e.evidence, ensure_ascii=False))
                for e in edges
            ],
            links=links,
            redirects=[(o, n) for o, n in redirects.items() if o not in live],
            meta={
                "state": json.dumps(state),
                "fingerprint": fp,
                "built_at": now,
                "mode": "full" if full else "incremental",
            },
        )
        self.tables.replace(rows, now)


# -- helpers -------------------------------------------------------------------------------

WORKERS = max(1, min(2, os.cpu_count() or 1))
"""Processes preparing features in a full build (the target machine has 2 cores)."""

PARALLEL_MIN = 4000
"""Fewer listings than this are prepared in-process."""


def _prepare_chunk(chunk: list[tuple[bytes, str]]) -> list[Features]:
    return [features_of(decode_record(blob), digest) for blob, digest in chunk]


def prepare_features(work: list[tuple[bytes, str]], workers: int = WORKERS) -> Iterator[Features]:
    """Decode stored records and prepare their features, in parallel where it pays
    and where processes can be forked (else in this process)."""
    if workers < 2 or len(work) < PARALLEL_MIN or "fork" not in mp.get_all_start_methods():
        yield from _prepare_chunk(work)
        return
    size = -(-len(work) // (workers * 4))
    chunks = [work[i : i + size] for i in range(0, len(work), size)]
    try:
        with ProcessPoolExecutor(
            workers, mp_context=mp.get_context("fork"), initializer=die_with_parent
        ) as pool:
            for part in pool.map(_prepare_chunk, chunks):
                yield from part
    except (OSError, BrokenProcessPool):
        yield from _prepare_chunk(work)


def _pack(data: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def _unpack(blob: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(zlib.decompress(blob))
    return data


def _listing(f: Features) -> Listing:
    return Listing(f.source, f.source_id, f.schema, f.caption, f.programs, f.listed_on)


def _link_row(r: LinkRow) -> LinkEvidence:
    a, b, kind, strength, status, reason, evidence = r
    ev = json.loads(evidence)
    edge = Edge(a, b, kind, strength, ev)
    return LinkEvidence(
        edge.a, edge.b, edge.kind, edge.strength, status, ev, reason, edge.summary()
    )


def _source_rank(source: str) -> int:
    return SOURCE_PRIORITY.index(source) if source in SOURCE_PRIORITY else len(SOURCE_PRIORITY)


def best_caption(listings: Iterable[Features]) -> str:
    """The display name of a profile: the primary name most authorities agree on
    (as comparison tokens), written as the most readable of them (fewest words in
    capitals, no "LAST, First" comma), preferring the UN's, then the EU's … spelling."""
    listings = list(listings)
    groups: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for f in listings:
        primaries = [n for n in f.names if n.kind == "primary"] or f.names[:1]
        for n in primaries[:1]:
            groups[tuple(sorted(n.tokens or (n.compact,)))].append((f.source, n.original))
    if not groups:
        return listings[0].caption if listings else ""
    best = max(
        groups.values(), key=lambda g: (len({s for s, _ in g}), -min(_source_rank(s) for s, _ in g))
    )

    def readability(item: tuple[str, str]) -> tuple[int, int, int]:
        source, text = item
        shouting = sum(1 for w in text.split() if len(w) > 1 and w.isupper())
        return (-shouting, int("," not in text), -_source_rank(source))

    return max(best, key=readability)[1]


def profile_schema(listings: Iterable[Features]) -> str:
    """The most specific schema among the members (majority, generic last)."""
    counts = Counter(f.schema for f in listings)
    specific = [(c, s) for s, c in counts.items() if s != "LegalEntity"]
    if specific:
        return max(specific)[1]
    return "LegalEntity"


def details_of(record: Record) -> list[Detail]:
    """Every published fact of one listing, as :class:`Detail` rows."""
    s, i = record.source, record.source_id
    out = [Detail("name", n.value, s, i, n.kind) for n in record.names]
    estimates = set(record.birth_estimates)
    out.extend(
        Detail("birth_date", v, s, i, "circa" if v in estimates else None)
        for v in record.birth_dates
    )
    simple: list[tuple[str, list[str]]] = [
        ("birth_place", record.birth_places),
        ("nationality", record.nationalities),
        ("citizenship", record.citizenships),
        ("country", record.countries),
        ("title", record.titles),
        ("position", record.positions),
    ]
    for field_name, values in simple:
        out.extend(Detail(field_name, v, s, i) for v in values)
    if record.gender:
        out.append(Detail("gender", record.gender, s, i))
    for ident in record.identifiers:
        value = ident.number + (f" ({ident.country.upper()})" if ident.country else "")
        out.append(Detail("identifier", value, s, i, ident.kind))
    for addr in record.addresses:
        out.append(Detail("address", addr.full, s, i, addr.country))
    for link in record.links:
        target = f"{link.source}:{link.source_id}" if link.source_id else (link.name or "")
        out.append(Detail("link", target, s, i, link.relation))
    out.extend(Detail("remark", r, s, i) for r in record.remarks)
    return out
