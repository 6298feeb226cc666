"""The monitor: portfolios kept screened as the lists change, and their events.

:class:`Monitor` ties the lists' store (:class:`thaw.store.Store`) to the
monitoring store (:class:`thaw.store.portfolios.PortfolioStore`):

* :meth:`Monitor.add` screens a new portfolio in full (no events: nothing was
  known before) and remembers, per source, the publication its alerts reflect;
* :meth:`Monitor.advance` brings a portfolio to newer publications by screening
  only the listings that changed in between (added, amended, removed: read from
  the store's versions and spans, :func:`thaw.history.diff.membership`) against
  the rows that share a retrieval key with them (the portfolio's row index), and
  records ``new_hit``, ``hit_amended`` and ``hit_removed`` events;
* :meth:`Monitor.update` applies a new version of the portfolio's rows (adds,
  changes, removals by id), screens the new and changed rows in full and records
  ``new_hit`` (new rows) and ``row_changed`` (changed or removed rows whose alerts
  changed) events;
* :meth:`Monitor.full_alerts` is the full re-screen that the incremental steps
  must equal (the tests and the benchmark compare them).

Every step writes its alerts, watermarks and events (with their webhook outbox
entries) in one transaction. Event ids derive from what caused them (portfolio,
row, listing version, publication or row fingerprint), so a step interrupted and
run again records nothing twice.

Decisions: an analyst's false-positive decision on (customer ``PORTFOLIO/ROW_ID``,
listing ``source:source_id``) keeps the alert stored but *suppressed*: it is not
listed and raises no event until the listing is amended (its fingerprint changes)
or the row's data changes, which reopens it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from thaw.history.diff import membership
from thaw.history.fields import record_changes
from thaw.index import Entry, ensure_index, entry_from_record
from thaw.index.storage import code_digest
from thaw.match import DEFAULT_THRESHOLD
from thaw.monitor.delta import ListingDelta, affected_rows, listing_delta
from thaw.monitor.keys import Postings, RowIndex, handing
from thaw.monitor.ownership import ownership_hits
from thaw.monitor.screening import (
    MIN_PARALLEL,
    CandidateSets,
    Listed,
    ListingSet,
    Match,
    Prior,
    RowData,
    RowScreener,
    default_workers,
    row_postings,
    screen_rows,
)
from thaw.profiles import Profiles
from thaw.profiles.model import authority
from thaw.screen import NoListsLoaded
from thaw.store import PublicationRow, Store
from thaw.store.portfolios import (
    Changes,
    PortfolioError,
    PortfolioInfo,
    PortfolioStore,
    StoredAlert,
    StoredRow,
    now_iso,
)
from thaw.store.versions import version_hashes, versions_by_id

STEP_CHUNK = 50_000
"""Rows a step re-screens at a time (their data, alerts and priors in memory)."""

EVENT_TYPES = ("new_hit", "hit_amended", "hit_removed", "row_changed", "ownership_hit")


class DecisionLookup(Protocol):
    """Whether analysts' decisions suppress an alert (the service's decisions)."""

    def __call__(
        self, customer_id: str, customer: Mapping[str, Any], entry: Entry, profile_id: str | None
    ) -> bool:
        """Whether the alert of ``customer_id`` (its data ``customer``) on the listing
        ``entry`` (in profile ``profile_id``) is a false positive still in force."""
        ...


def state_decisions(store: Store) -> DecisionLookup | None:
    """The decisions of the service's state store (:mod:`thaw.store.state`) as
    :func:`thaw.decisions.apply` applies them to screening hits: a false positive on
    the listing or on its party's profile suppresses the alert while neither the
    listing's nor the customer's fingerprint changed. ``None`` when no decision
    was ever recorded (nothing to look up)."""
    from thaw.decisions import apply, customer_fingerprint, listing_fingerprint, target_fingerprint
    from thaw.store.state import open_state

    if not (store.home / "state.db").exists() and not os.environ.get("THAW_DATABASE_URL"):
        return None
    state = open_state(store.home)
    by_customer: dict[str, dict[str, Any]] = {}
    for decision in state.decisions.list():
        by_customer.setdefault(decision.customer_id, {})[decision.target_id] = decision
    state.close()
    if not by_customer:
        return None
    profile_fps: dict[str, str | None] = {}

    def lookup(
        customer_id: str, customer: Mapping[str, Any], entry: Entry, profile_id: str | None
    ) -> bool:
        decisions = by_customer.get(customer_id)
        if not decisions:
            return False
        customer_fp = customer_fingerprint(customer)
        if profile_id is not None and profile_id in decisions:
            if profile_id not in profile_fps:
                profile_fps[profile_id] = target_fingerprint(store, profile_id)
            applied = apply(decisions, [profile_id], profile_fps[profile_id], customer_fp)
        else:
            applied = apply(decisions, [entry.key], listing_fingerprint([entry]), customer_fp)
        return applied is not None and applied.outcome == "suppressed"

    return lookup


@dataclass(slots=True)
class Step:
    """What one screening step did."""

    portfolio: str
    events: list[str] = field(default_factory=list)
    changed_listings: int = 0
    reached_rows: int = 0
    candidate_rows: int = 0
    candidate_pairs: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "portfolio": self.portfolio,
            "events": len(self.events),
            "changed_listings": self.changed_listings,
            "reached_rows": self.reached_rows,
            "candidate_rows": self.candidate_rows,
            "candidate_pairs": self.candidate_pairs,
            "seconds": round(self.seconds, 3),
        }


@lru_cache(maxsize=1)
def _index_digest() -> str:
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(code_digest().encode())
    for name in ("keys.py", "screening.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def _scope(info: PortfolioInfo) -> str:
    """What makes a portfolio's event ids its own: its id and creation time (a
    portfolio removed and added again under the same name, even the same id,
    records its events anew)."""
    return f"{info.id}@{info.created_at}"


def event_id(*parts: object) -> str:
    """A stable event id: a digest of what caused the event."""
    text = "\x1f".join(str(p) for p in parts)
    return "evt_" + hashlib.sha256(text.encode()).hexdigest()[:32]


def _listing_dict(entry: Entry, digest: str) -> dict[str, Any]:
    return {
        "source": entry.source,
        "source_id": entry.source_id,
        "authority": authority(entry.source),
        "caption": entry.caption,
        "schema": entry.schema,
        "programs": list(entry.programs),
        "listed_on": entry.listed_on,
        "fingerprint": digest,
    }


def publication_dict(pub: PublicationRow) -> dict[str, Any]:
    """A publication as events name their cause (source, date, sha256, …)."""
    return {
        "kind": "publication",
        "source": pub.source,
        "publication_id": pub.id,
        "published": pub.published,
        "sha256": pub.sha256,
    }


class Monitor:
    """Portfolios of one store (see the module docs).

    ``workers`` is the number of processes scoring uses (default: every core);
    ``decisions`` where false-positive decisions come from (default: the service's
    state store when installed); ``profiles=False`` leaves profile ids and "still
    listed by" out of alerts and events (replays of old publications, whose
    profiles the store does not keep).
    """

    def __init__(
        self,
        store: Store,
        portfolios: PortfolioStore | None = None,
        *,
        workers: int | None = None,
        decisions: DecisionLookup | bool = True,
        profiles: bool = True,
    ) -> None:
        self.store = store
        self.portfolios = portfolios or PortfolioStore(store.home)
        self._own = portfolios is None
        self.workers = workers
        if decisions is True:
            self.decisions: DecisionLookup | None = state_decisions(store)
        elif decisions is False:
            self.decisions = None
        else:
            self.decisions = decisions
        self.use_profiles = profiles
        self._profiles: Profiles | None = None
        self._profile_map: Mapping[tuple[str, str], str] | None = None
        self._entries: dict[int, Listed] = {}
        self._set: tuple[tuple[tuple[str, int], ...], ListingSet] | None = None

    def close(self) -> None:
        """Close the monitoring store if this monitor opened it."""
        if self._own:
            self.portfolios.close()

    def __enter__(self) -> Monitor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- listings -----------------------------------------------------------------------

    def _publication(self, publication_id: int) -> PublicationRow:
        pub = self.store.publication(publication_id)
        if pub is None:
            raise PortfolioError(f"publication {publication_id} is not in the store")
        return pub

    def listings_at(self, pubs: Mapping[str, PublicationRow]) -> list[Listed]:
        """Every listing in force at these publications (one per source), prepared
        for scoring (prepared entries are kept per stored version)."""
        members: dict[int, None] = {}
        for pub in pubs.values():
            for vid in membership(self.store, pub).values():
                members[vid] = None
        missing = [v for v in members if v not in self._entries]
        if missing:
            for vid, (digest, record) in versions_by_id(self.store, missing).items():
                self._entries[vid] = Listed(entry_from_record(record), digest)
        return [self._entries[v] for v in members]

    def listing_set(self, targets: Mapping[str, PublicationRow]) -> ListingSet:
        """The listings in force at ``targets`` with ``screen-file``'s candidate
        index over them: the store's own index when ``targets`` are the active
        publications, else one built alike (the last one is kept)."""
        marker = tuple(sorted((s, p.id) for s, p in targets.items()))
        if self._set is not None and self._set[0] == marker:
            return self._set[1]
        active = self.store.active_publications()
        if {s: p.id for s, p in targets.items()} == {s: p.id for s, p in active.items()}:
            hashes: dict[tuple[str, str], str] = {}
            for pub in targets.values():
                ids = membership(self.store, pub)
                digests = version_hashes(self.store, ids.values())
                for sid, vid in ids.items():
                    hashes[(pub.source, sid)] = digests[vid]
            found = ListingSet(ensure_index(self.store), hashes)
        else:
            found = ListingSet.build(self.listings_at(targets))
        self._set = (marker, found)
        return found

    # -- profiles and decisions -----------------------------------------------------------

    def _memberships(self) -> Mapping[tuple[str, str], str]:
        """``(source, source_id) → profile id`` (empty without profiles)."""
        if not self.use_profiles:
            return {}
        if self._profile_map is None:
            self._profiles = Profiles(self.store)
            self._profile_map = self._profiles.memberships()
        return self._profile_map

    def _profile_of(self, source: str, source_id: str) -> str | None:
        return self._memberships().get((source, source_id))

    def still_listed(
        self,
        source: str,
        source_id: str,
        lifted: Callable[[str, str], bool] | None = None,
        known: str | None = None,
    ) -> dict[str, Any] | None:
        """The party of a listing that is gone (or would be lifted): its profile and
        the listings of other authorities still in force (``lifted`` says which
        listings a scenario would lift as well). ``known`` is the profile the
        listing's alert had, named when no profile holds the listing any more (a
        party no other listing kept). ``None`` without profiles."""
        if not self.use_profiles:
            return None
        if self._profiles is None:
            self._profiles = Profiles(self.store)
        profile = self._profiles.profile_of(source, source_id, details=False)
        if profile is None:
            profile = self._profiles.retired_profile_of(source, source_id)
        if profile is None:
            return {"profile_id": known, "still_listed": False, "listed_by": []}
        remaining = [
            m
            for m in profile.members
            if (m.source, m.source_id) != (source, source_id)
            and (lifted is None or not lifted(m.source, m.source_id))
        ]
        return {
            "profile_id": profile.id,
            "caption": profile.caption,
            "still_listed": bool(remaining),
            "listed_by": [
                {
                    "source": m.source,
                    "authority": m.authority,
                    "source_id": m.source_id,
                    "programs": list(m.programs),
                }
                for m in remaining
            ],
        }

    def _suppressed(
        self, portfolio: str, row_id: str, data: Mapping[str, Any], entry: Entry
    ) -> bool:
        if self.decisions is None:
            return False
        return self.decisions(
            f"{portfolio}/{row_id}", data, entry, self._profile_of(entry.source, entry.source_id)
        )

    # -- row index and candidate sets -----------------------------------------------------

    def _sets_path(self, info: PortfolioInfo, revision: int, marks: Mapping[str, int]) -> Path:
        at = hashlib.sha256(json.dumps(sorted(marks.items())).encode()).hexdigest()[:12]
        name = f"cands-{info.id}-{revision}-{at}-{_index_digest()}.npz"
        return self.store.home / "monitor" / name

    def _load_sets(
        self, info: PortfolioInfo, revision: int, marks: Mapping[str, int]
    ) -> CandidateSets | None:
        """The rows' candidate sets at ``marks``, if kept (else ``None``: the rows a
        step reaches are then screened in full)."""
        path = self._sets_path(info, revision, marks)
        if not path.exists():
            return None
        try:
            return CandidateSets.load(path)
        except Exception:  # unreadable: screen in full  # noqa: BLE001
            return None

    def _save_sets(
        self, info: PortfolioInfo, revision: int, marks: Mapping[str, int], sets: CandidateSets
    ) -> Path:
        path = self._sets_path(info, revision, marks)
        sets.save(path)
        return path

    def _drop_stale_sets(self, info: PortfolioInfo, keep: Path) -> None:
        for stale in keep.parent.glob(f"cands-{info.id}-*.npz"):
            if stale != keep:
                stale.unlink(missing_ok=True)

    def _index_path(self, info: PortfolioInfo) -> Path:
        return self.store.home / "monitor" / f"rows-{info.id}-{info.revision}-{_index_digest()}.idx"

    def _save_index(self, info: PortfolioInfo, index: RowIndex) -> None:
        path = self._index_path(info)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".building-", dir=path.parent)
        os.close(fd)
        try:
            index.save(Path(tmp))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for stale in path.parent.glob(f"rows-{info.id}-*"):
            if stale != path:
                stale.unlink(missing_ok=True)

    def row_index(self, info: PortfolioInfo, rarity: Mapping[str, float]) -> RowIndex:
        """The portfolio's row index (:mod:`thaw.monitor.keys`) for its pinned
        ``rarity`` weights, from its cache file or built from the rows and cached."""
        path = self._index_path(info)
        if path.exists():
            try:
                return RowIndex.load(path)
            except Exception:  # unreadable cache: rebuild  # noqa: BLE001
                pass
        pages = ([(r.pk, RowData.from_dict(r.data)) for r in page] for page in self._pages(info))
        postings = row_postings(pages, workers=self.workers, rarity=rarity or None)
        index = RowIndex.from_postings(handing(postings))
        self._save_index(info, index)
        return index

    def _pages(self, info: PortfolioInfo) -> Iterator[list[StoredRow]]:
        """The portfolio's rows, :data:`STEP_CHUNK` at a time, in ``pk`` order (its
        size bounds arrays, not the Python objects in this process)."""
        after = 0
        while page := self.portfolios.rows_after(info.id, after, STEP_CHUNK):
            after = page[-1].pk
            yield page

    # -- adding and updating portfolios ---------------------------------------------------

    def add(
        self,
        name: str,
        rows: Iterable[tuple[str, RowData]],
        threshold: float = DEFAULT_THRESHOLD,
        targets: Mapping[str, PublicationRow] | None = None,
    ) -> PortfolioInfo:
        """Create portfolio ``name`` from ``rows`` (``(row_id, data)``, ids
        distinct) and screen it in full against ``targets`` (``source →
        publication``; default: the active publications). Its calibration is the
        token statistics of the lists at ``targets`` (those ``screen-file`` uses).

        The rows are stored and screened :data:`STEP_CHUNK` at a time (``rows``
        may be an iterator), so that a million rows need no more of this process
        than a step does. A failure (a repeated id, an error while screening)
        removes the portfolio again.

        With no publication to screen against it raises
        :class:`~thaw.screen.NoListsLoaded`: a portfolio screened against nothing
        would report no alerts."""
        if targets is None:
            targets = self.store.active_publications()
        if not targets:
            raise NoListsLoaded(self.store.home)
        stats = self.listing_set(targets).index.token_stats_data()
        pid = self.portfolios.create_portfolio(name, threshold, stats)
        try:
            seen: set[str] = set()
            chunk: list[tuple[str, str, dict[str, Any]]] = []
            for rid, data in rows:
                if rid in seen:
                    raise PortfolioError(f"row id {rid!r} appears more than once")
                seen.add(rid)
                chunk.append((rid, data.fingerprint, data.to_dict()))
                if len(chunk) == STEP_CHUNK:
                    self.portfolios.apply(pid, name, Changes(rows_upsert=chunk))
                    chunk = []
            self.portfolios.apply(pid, name, Changes(rows_upsert=chunk))
            del seen, chunk
            self.rescreen(name, events=False, targets=targets)
        except BaseException:
            self.portfolios.delete_portfolio(name)
            raise
        return self.portfolios.portfolio(name)

    def rescreen(
        self,
        name: str,
        *,
        events: bool = True,
        recalibrate: bool = False,
        targets: Mapping[str, PublicationRow] | None = None,
    ) -> Step:
        """Screen portfolio ``name`` in full against ``targets`` (default: the active
        publications) and store the result; with ``events``, record ``new_hit``
        events for alerts that were not stored and ``hit_removed`` for stored ones no
        longer found. ``recalibrate`` first adopts the statistics of the lists at
        ``targets``, so that the alerts are ``screen-file``'s to the last decimal."""
        began = time.perf_counter()
        info = self.portfolios.portfolio(name)
        if targets is None:
            targets = self.store.active_publications()
        if recalibrate:
            stats = self.listing_set(targets).index.token_stats_data()
            self.portfolios.set_stats(info.id, stats)
        listing_set = self.listing_set(targets)
        listings = listing_set
        old = {a.key: a for a in self.portfolios.alerts(info.id)}
        changes = Changes(watermarks={s: p.id for s, p in targets.items()})
        step = Step(name)
        cause = {"kind": "rescreen", "at": now_iso()}
        found: set[tuple[int, str, str]] = set()
        hits: list[tuple[str, str, str, dict[str, Any]]] = []
        # a new portfolio screened without events (the add) has nothing to diff
        # against and no event to keep with its alerts: they are written page by
        # page, so a million rows' alerts are never held at once
        by_page = not old and not events
        sets = CandidateSets()
        postings: list[Postings] = []
        # the rows page by page (STEP_CHUNK at a time): the portfolio's size bounds
        # the row index's arrays and the candidate sets, not this process's objects
        with RowScreener(
            listing_set,
            info.threshold,
            self.portfolios.stats(info.id),
            with_index=True,
            workers=self.workers,
            rarity=self.portfolios.rarity(info.id),
        ) as screener:
            if info.rows >= MIN_PARALLEL:
                screener.fork()  # (while this process is small, see screening.Workers)
            for page in self._pages(info):
                stored = {r.pk: r for r in page}
                run = screener.screen([(r.pk, RowData.from_dict(r.data)) for r in page])
                postings += run.postings
                sets.update(run.candidates)
                sets.compact()
                for token, weight in run.pinned.items():
                    changes.rarity.setdefault(token, weight)
                for match in run.matches():
                    if not by_page:
                        found.add(match.key)
                    row = stored[match.row]
                    before = old.get(match.key)
                    listed = listings.listed((match.source, match.source_id))
                    suppressed = self._suppressed(name, row.row_id, row.data, listed.entry)
                    alert = self._alert(match, suppressed, before.since if before else None)
                    if before is None or before != alert:
                        changes.alerts_upsert.append((row.row_id, alert))
                    if events and before is None and not suppressed:
                        hits.append(
                            self.event("new_hit", name, row, listed.entry, match, cause, info)
                        )
                if by_page and changes.alerts_upsert:
                    self.portfolios.apply(
                        info.id, name, Changes(alerts_upsert=changes.alerts_upsert)
                    )
                    changes.alerts_upsert = []
                del stored, run
        self._save_index(info, RowIndex.from_postings(handing(postings)))
        marks = self.portfolios.watermarks(info.id) | changes.watermarks
        kept = self._save_sets(info, info.revision, marks, sets)
        del sets
        gone_keys = [key for key in old if key not in found]
        gone_rows = self.portfolios.rows_by_pk(info.id, {key[0] for key in gone_keys})
        for key in gone_keys:
            changes.alerts_delete.append(key)
            gone = old[key]
            key_of = (gone.source, gone.source_id)
            if events and not gone.suppressed and key_of in listings.hashes:
                extra = {"reason": "no_longer_matches"}
                changes.events.append(
                    self.event(
                        "hit_removed",
                        name,
                        gone_rows[gone.row_pk],
                        listings.listed(key_of).entry,
                        gone,
                        cause,
                        info,
                        extra,
                    )
                )
        changes.events += hits
        step.events = self.portfolios.apply(info.id, name, changes)
        self._drop_stale_sets(info, kept)
        step.seconds = time.perf_counter() - began
        return step

    def update(self, name: str, rows: Sequence[tuple[str, RowData]]) -> Step:
        """Make ``rows`` the portfolio's rows: new ids are added, changed rows
        replaced, missing ids removed (see the module docs for the events)."""
        began = time.perf_counter()
        _check_ids(rows)
        info = self.portfolios.portfolio(name)
        current = self.portfolios.row_fingerprints(info.id)
        given = dict(rows)
        added = [rid for rid in given if rid not in current]
        changed = [
            rid for rid in given if rid in current and current[rid][1] != given[rid].fingerprint
        ]
        removed = [rid for rid in current if rid not in given]
        step = Step(name)
        if not (added or changed or removed):
            return step
        marks = self.portfolios.watermarks(info.id)
        targets = {s: self._publication(p) for s, p in marks.items()}
        listing_set = self.listing_set(targets)
        listings = listing_set
        # screen new and changed rows (numbered by position: they may have no pk yet)
        work = added + changed
        run = screen_rows(
            [(i, given[rid]) for i, rid in enumerate(work)],
            listing_set,
            info.threshold,
            self.portfolios.stats(info.id),
            workers=self.workers,
            rarity=self.portfolios.rarity(info.id),
        )
        results = run.results
        old_pks = {rid: current[rid][0] for rid in changed + removed}
        old_alerts: dict[int, list[StoredAlert]] = {}
        for alert in self.portfolios.alerts_of_rows(info.id, old_pks.values()):
            old_alerts.setdefault(alert.row_pk, []).append(alert)
        changes = Changes(
            rows_upsert=[(rid, given[rid].fingerprint, given[rid].to_dict()) for rid in work],
            rows_delete=removed,
            bump_revision=True,
            rarity=run.pinned,
        )
        for i, found in results:
            rid = work[i]
            data = given[rid]
            fp = data.fingerprint
            before = old_alerts.get(old_pks[rid], []) if rid in old_pks else []
            cause: dict[str, Any] = {"kind": "portfolio_update", "row_fingerprint": fp}
            for alert in before:
                changes.alerts_delete.append(alert.key)
            after = []
            for match in found:
                listed = listings.listed((match.source, match.source_id))
                suppressed = self._suppressed(name, rid, data.to_dict(), listed.entry)
                alert = self._alert(match, suppressed, None)
                changes.alerts_upsert.append((rid, alert))
                if not suppressed:
                    after.append(match)
            if rid in current:
                was = {(a.source, a.source_id, a.score) for a in before if not a.suppressed}
                now = {(m.source, m.source_id, m.score) for m in after}
                if was != now:
                    changes.events.append(
                        self._row_event(name, rid, data, fp, before, after, listings, cause, info)
                    )
            else:
                for match in after:
                    listed = listings.listed((match.source, match.source_id))
                    row = StoredRow(0, rid, fp, data.to_dict())
                    changes.events.append(
                        self.event("new_hit", name, row, listed.entry, match, cause, info)
                    )
        for rid in removed:
            before = [a for a in old_alerts.get(old_pks[rid], []) if not a.suppressed]
            if before:
                cause = {"kind": "portfolio_update", "row_removed": True}
                changes.events.append(
                    self._row_event(
                        name, rid, None, current[rid][1], before, [], listings, cause, info
                    )
                )
        sets = self._load_sets(info, info.revision, marks)
        step.events = self.portfolios.apply(info.id, name, changes)
        if sets is not None:  # carried to the new revision: old rows out, new rows in
            for pk in old_pks.values():
                sets.drop([pk])
            pks = self.portfolios.row_fingerprints(info.id)
            for i, rid in enumerate(work):
                sets.update({pks[rid][0]: run.candidates[i]})
            kept = self._save_sets(info, info.revision + 1, marks, sets)
            self._drop_stale_sets(info, kept)
        step.candidate_rows = len(work)
        step.seconds = time.perf_counter() - began
        return step

    # -- the incremental step -------------------------------------------------------------

    def advance(self, name: str, targets: Mapping[str, PublicationRow] | None = None) -> Step:
        """Bring portfolio ``name`` to ``targets`` (``source → publication``;
        default: the active publications) by re-screening only the rows the
        changed listings can reach (see the module docs)."""
        began = time.perf_counter()
        info = self.portfolios.portfolio(name)
        if targets is None:
            targets = self.store.active_publications()
        marks = self.portfolios.watermarks(info.id)
        step = Step(name)
        before = {s: self._publication(marks[s]) if s in marks else None for s in targets}
        delta = listing_delta(self.store, before, targets)
        if not delta.causes:
            return step
        after = {s: self._publication(p) for s, p in marks.items()} | dict(targets)
        listing_set = self.listing_set(after)
        step.changed_listings = len(delta)
        workers = self.workers if self.workers is not None else default_workers()
        rarity = self.portfolios.rarity(info.id)
        if not rarity and info.rows:
            # a portfolio from before the weights were pinned: pinned first, by a
            # full re-screen at the publications it reflects (its events, if any
            # alert moves, name that re-screen as their cause)
            self.rescreen(name, targets={s: self._publication(p) for s, p in marks.items()})
            info = self.portfolios.portfolio(name)
            rarity = self.portfolios.rarity(info.id)
        with RowScreener(
            listing_set,
            info.threshold,
            self.portfolios.stats(info.id),
            changed=[f"{s}:{sid}" for s, sid in delta.keys],
            workers=self.workers,
            rarity=rarity,
        ) as screener:
            if info.rows >= MIN_PARALLEL:
                # forked now, while this process is small: a forked process holds
                # every page of its parent at the fork (see screening.Workers)
                screener.fork()
            row_index = self.row_index(info, rarity)
            reached = set(affected_rows(row_index, delta, listing_set.index, workers).tolist())
            step.reached_rows = len(reached)
            for source in delta.causes:
                sids = [sid for (s, sid) in delta.old if s == source]
                for alert in self.portfolios.alerts_on_listings(info.id, source, sids):
                    reached.add(alert.row_pk)
            step.candidate_rows = len(reached)
            sets = self._load_sets(info, info.revision, marks)
            changes = Changes(watermarks={s: p.id for s, p in targets.items()})
            first_cause = next(iter(delta.causes.values()))

            def cause_of(source: str) -> dict[str, Any]:
                return publication_dict(delta.causes.get(source, first_cause))

            added = [key for key in delta.new if key not in delta.old]
            owned = (
                self._ownership_events(
                    info, row_index, listing_set, added, cause_of, workers, rarity
                )
                if added
                else []
            )
            del row_index  # (its pages stay out of the screening's memory)
            ordered = sorted(reached)
            del reached
            for start in range(0, len(ordered), STEP_CHUNK):
                chunk = ordered[start : start + STEP_CHUNK]
                step.candidate_pairs += self._advance_rows(
                    info, chunk, screener, delta, sets, changes, cause_of
                )
            changes.events += owned
            kept = None
            if sets is not None:
                kept = self._save_sets(info, info.revision, marks | changes.watermarks, sets)
            step.events = self.portfolios.apply(info.id, name, changes)
            if kept is not None:
                self._drop_stale_sets(info, kept)
        step.seconds = time.perf_counter() - began
        return step

    def _advance_rows(
        self,
        info: PortfolioInfo,
        pks: list[int],
        screener: RowScreener,
        delta: ListingDelta,
        sets: CandidateSets | None,
        changes: Changes,
        cause_of: Callable[[str], dict[str, Any]],
    ) -> int:
        """Re-screen the rows ``pks`` (a chunk of those a step reaches) with
        ``screener`` and add their alert changes and events to ``changes``; their
        new candidate sets go to ``sets``. Returns how many alerts they have now."""
        name = info.name
        listing_set = screener.listings
        old_alerts: dict[tuple[int, str, str], StoredAlert] = {}
        by_row: dict[int, list[Match]] = {}
        for alert in self.portfolios.alerts_of_rows(info.id, pks):
            old_alerts[alert.key] = alert
            by_row.setdefault(alert.row_pk, []).append(_match(alert))
        rows = self.portfolios.rows_by_pk(info.id, pks)

        def prior_of(pk: int) -> Prior | None:
            known = sets.get(pk) if sets is not None else None
            if known is None:
                return None
            return Prior(frozenset(known), tuple(by_row.get(pk, ())))

        run = screener.screen(
            [(pk, RowData.from_dict(row.data), prior_of(pk)) for pk, row in rows.items()]
        )
        for token, weight in run.pinned.items():
            changes.rarity.setdefault(token, weight)
        new_alerts = {m.key: m for m in run.matches()}
        if sets is not None:
            sets.update(run.candidates)
        for key, match in new_alerts.items():
            row = rows[match.row]
            prior = old_alerts.get(key)
            listing_key = (match.source, match.source_id)
            entry = listing_set.listed(listing_key).entry
            suppressed = self._suppressed(name, row.row_id, row.data, entry)
            alert = self._alert(match, suppressed, prior.since if prior else None)
            if prior is not None and prior == alert:
                continue
            changes.alerts_upsert.append((row.row_id, alert))
            if suppressed:
                continue
            if prior is None:
                changes.events.append(
                    self.event("new_hit", name, row, entry, match, cause_of(match.source), info)
                )
                continue
            was, now = delta.record_before(listing_key), delta.record_after(listing_key)
            amended = record_changes(was, now) if was is not None and now is not None else []
            if not amended and prior.score == match.score and not prior.suppressed:
                continue  # a new version with nothing a reader would see changed
            extra: dict[str, Any] = {
                "previous": {"score": prior.score, "fingerprint": prior.listing_hash},
                "changes": [c.to_dict() for c in amended],
            }
            changes.events.append(
                self.event(
                    "hit_amended", name, row, entry, match, cause_of(match.source), info, extra
                )
            )
        for key, alert in old_alerts.items():
            if key in new_alerts:
                continue
            changes.alerts_delete.append(key)
            if alert.suppressed:
                continue
            row = rows[alert.row_pk]
            listing_key = (alert.source, alert.source_id)
            was, now = delta.record_before(listing_key), delta.record_after(listing_key)
            old_entry = (
                entry_from_record(was) if was is not None else listing_set.listed(listing_key).entry
            )
            delisted = listing_key in delta.gone
            extra = {"reason": "delisted" if delisted else "no_longer_matches"}
            if delisted:
                party = self.still_listed(alert.source, alert.source_id, known=alert.profile_id)
                if party is not None:
                    extra["party"] = party
                    extra["still_listed"] = party["still_listed"]
            else:
                extra["changes"] = [
                    c.to_dict() for c in (record_changes(was, now) if was and now else [])
                ]
            changes.events.append(
                self.event(
                    "hit_removed", name, row, old_entry, alert, cause_of(alert.source), info, extra
                )
            )
        return len(new_alerts)

    def _ownership_events(
        self,
        info: PortfolioInfo,
        row_index: RowIndex,
        listing_set: ListingSet,
        added: list[tuple[str, str]],
        cause_of: Callable[[str], dict[str, Any]],
        workers: int,
        rarity: Mapping[str, float],
    ) -> list[tuple[str, str, str, dict[str, Any]]]:
        """``ownership_hit`` events for the rows matching a party the ``added``
        listings newly block by ownership or control (:mod:`thaw.monitor.ownership`)."""

        def load(pks: list[int]) -> dict[int, RowData]:
            found = self.portfolios.rows_by_pk(info.id, pks)
            return {pk: RowData.from_dict(row.data) for pk, row in found.items()}

        hits = ownership_hits(
            self.store,
            listing_set.index,
            added,
            row_index,
            load,
            info.threshold,
            self.portfolios.stats(info.id),
            self._memberships(),
            workers,
            rarity or None,
        )
        events = []
        rows = self.portfolios.rows_by_pk(info.id, [h.row for h in hits])
        for hit in hits:
            row = rows[hit.row]
            cause = cause_of(hit.caused_by[0].source) if hit.caused_by else {}
            party = str(hit.node.to_dict()["key"])
            eid = event_id(
                _scope(info),
                info.name,
                "ownership_hit",
                row.row_id,
                party,
                ",".join(hit.authorities),
                cause.get("sha256"),
            )
            payload: dict[str, Any] = {
                "id": eid,
                "type": "ownership_hit",
                "portfolio": info.name,
                "row_id": row.row_id,
                "row": row.data,
                "profile_id": None,
                **hit.payload(),
                "cause": cause,
            }
            events.append((eid, "ownership_hit", row.row_id, payload))
        return events

    def catch_up(self, name: str) -> list[Step]:
        """Bring portfolio ``name`` to the active publications. When every source
        moved by one publication (the usual ``thaw update``), one step takes them
        all, against the store's own index; a series of publications loaded at
        once is replayed one publication at a time in date order, so that each
        event names the publication that caused it. A source the portfolio has
        not seen yet is screened at its active publication."""
        info = self.portfolios.portfolio(name)
        marks = self.portfolios.watermarks(info.id)
        paths: dict[str, list[PublicationRow]] = {}
        for source, active in sorted(self.store.active_publications().items()):
            mark = marks.get(source)
            if mark == active.id:
                continue
            path = [active]
            seen = self.store.publication(mark) if mark is not None else None
            if seen is not None and seen.seq < active.seq:
                path = [
                    p for p in self.store.publications(source) if seen.seq < p.seq <= active.seq
                ]
            paths[source] = path
        if not paths:
            return []
        if all(len(path) == 1 for path in paths.values()):
            return [self.advance(name, {s: path[0] for s, path in paths.items()})]
        steps: list[Step] = []
        for source, path in paths.items():
            for pub in path:
                steps.append(self.advance(name, {source: pub}))
        return steps

    # -- the full re-screen, for comparison ------------------------------------------------

    def full_alerts(
        self, name: str, targets: Mapping[str, PublicationRow] | None = None
    ) -> dict[tuple[str, str, str], float]:
        """What a full re-screen of portfolio ``name`` against ``targets`` (default:
        the publications its alerts reflect) finds: ``(row_id, source, source_id)
        → score``. Nothing is stored."""
        info = self.portfolios.portfolio(name)
        if targets is None:
            marks = self.portfolios.watermarks(info.id)
            targets = {s: self._publication(p) for s, p in marks.items()}
        found: dict[tuple[str, str, str], float] = {}
        with RowScreener(
            self.listing_set(targets),
            info.threshold,
            self.portfolios.stats(info.id),
            workers=self.workers,
            rarity=self.portfolios.rarity(info.id),
        ) as screener:
            for page in self._pages(info):
                ids = {r.pk: r.row_id for r in page}
                run = screener.screen([(r.pk, RowData.from_dict(r.data)) for r in page])
                found.update(((ids[m.row], m.source, m.source_id), m.score) for m in run.matches())
        return found

    def stored_alerts(self, name: str) -> dict[tuple[str, str, str], float]:
        """The stored alerts (suppressed ones too) in the form of :meth:`full_alerts`."""
        info = self.portfolios.portfolio(name)
        pks = {pk: rid for rid, (pk, _fp) in self.portfolios.row_fingerprints(info.id).items()}
        return {
            (pks[a.row_pk], a.source, a.source_id): a.score for a in self.portfolios.alerts(info.id)
        }

    # -- building alerts and events ----------------------------------------------------------

    def _alert(self, match: Match, suppressed: bool, since: str | None) -> StoredAlert:
        return StoredAlert(
            match.row,
            match.source,
            match.source_id,
            match.hash,
            match.score,
            match.matched_name,
            match.explanation,
            self._profile_of(match.source, match.source_id),
            suppressed,
            since or now_iso(),
        )

    def event(
        self,
        kind: str,
        portfolio: str,
        row: StoredRow,
        entry: Entry,
        match: Match | StoredAlert,
        cause: dict[str, Any],
        info: PortfolioInfo,
        extra: dict[str, Any] | None = None,
    ) -> tuple[str, str, str, dict[str, Any]]:
        """The event ``kind`` for ``row`` and the listing ``entry``, caused by the
        publication ``cause``: its stable id, kind, row id and JSON payload (the
        Spark monitor builds its events with this too)."""
        digest = match.hash if isinstance(match, Match) else match.listing_hash
        cause_key = cause.get("sha256") or cause.get("row_fingerprint") or cause.get("at")
        eid = event_id(
            _scope(info),
            portfolio,
            kind,
            row.row_id,
            entry.source,
            entry.source_id,
            digest,
            cause_key,
        )
        payload: dict[str, Any] = {
            "id": eid,
            "type": kind,
            "portfolio": portfolio,
            "row_id": row.row_id,
            "row": row.data,
            "listing": _listing_dict(entry, digest),
            # (a removed hit: the profile its alert had, unless the party's is known)
            "profile_id": self._profile_of(entry.source, entry.source_id)
            if kind != "hit_removed"
            else match.profile_id
            if isinstance(match, StoredAlert)
            else None,
            "score": match.score,
            "matched_name": match.matched_name,
            "explanation": match.explanation,
            "cause": cause,
        }
        if extra:
            party = extra.get("party")
            if isinstance(party, dict) and party.get("profile_id"):
                payload["profile_id"] = party["profile_id"]
            payload.update(extra)
        return (eid, kind, row.row_id, payload)

    def _row_event(
        self,
        portfolio: str,
        row_id: str,
        data: RowData | None,
        fingerprint: str,
        before: Iterable[StoredAlert],
        after: Iterable[Match],
        listings: ListingSet,
        cause: dict[str, Any],
        info: PortfolioInfo,
    ) -> tuple[str, str, str, dict[str, Any]]:
        def describe(source: str, sid: str, score: float, digest: str) -> dict[str, Any]:
            listed = listings.listed((source, sid)) if (source, sid) in listings.hashes else None
            item: dict[str, Any] = (
                _listing_dict(listed.entry, listed.hash)
                if listed is not None
                else {"source": source, "source_id": sid, "fingerprint": digest}
            )
            item["score"] = score
            item["profile_id"] = self._profile_of(source, sid)
            return item

        old = [
            describe(a.source, a.source_id, a.score, a.listing_hash)
            for a in before
            if not a.suppressed
        ]
        new = [describe(m.source, m.source_id, m.score, m.hash) for m in after]
        best = max(after, key=lambda m: m.score, default=None)
        eid = event_id(
            _scope(info), portfolio, "row_changed", row_id, fingerprint, cause.get("row_removed")
        )
        payload: dict[str, Any] = {
            "id": eid,
            "type": "row_changed",
            "portfolio": portfolio,
            "row_id": row_id,
            "row": data.to_dict() if data is not None else None,
            "removed": data is None,
            "listings": new,
            "previous": old,
            "profile_id": new[0]["profile_id"] if new else None,
            "score": best.score if best else None,
            "explanation": best.explanation if best else None,
            "cause": cause,
        }
        return (eid, "row_changed", row_id, payload)


def _match(alert: StoredAlert) -> Match:
    """A stored alert as the match it was stored from."""
    return Match(
        alert.row_pk,
        alert.source,
        alert.source_id,
        alert.listing_hash,
        alert.score,
        alert.matched_name,
        alert.explanation,
    )


def _check_ids(rows: Sequence[tuple[str, RowData]]) -> None:
    seen: set[str] = set()
    for rid, _data in rows:
        if rid in seen:
            raise PortfolioError(f"row id {rid!r} appears more than once")
        seen.add(rid)


def on_activation(
    store: Store,
    *,
    workers: int | None = None,
    report: Callable[[Step], None] | None = None,
) -> list[Step]:
    """Re-screen every portfolio of ``store`` incrementally against the active
    publications (after ``thaw load`` / ``thaw update`` / the server's scheduled
    update activated some), one publication at a time (:meth:`Monitor.catch_up`).
    Does nothing when there is no portfolio. Returns one summary per portfolio."""
    if not PortfolioStore.exists(store.home):
        return []
    steps = []
    with Monitor(store, workers=workers) as monitor:
        for info in monitor.portfolios.portfolios():
            done = monitor.catch_up(info.name)
            step = Step(info.name)
            for part in done:
                step.events += part.events
                step.changed_listings += part.changed_listings
                step.reached_rows += part.reached_rows
                step.candidate_rows += part.candidate_rows
                step.candidate_pairs += part.candidate_pairs
                step.seconds += part.seconds
            steps.append(step)
            if report is not None:
                report(step)
    return steps
