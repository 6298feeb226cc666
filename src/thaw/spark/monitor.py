"""``thaw.spark.monitor``: a portfolio too large for one machine, kept screened on Spark.

The single-machine monitor (:mod:`thaw.monitor`) keeps a portfolio's rows, alerts
and row index in ``monitor.db``. Here the portfolio is a Spark DataFrame and the
alerts are one too; what they reflect (the publication of each source, the
threshold and the portfolio's calibration statistics) is a small
:class:`MonitorState`. One call, :func:`monitor`, does either step:

* **baseline** (no previous alerts): every listing of the target publications is
  matched against every row, as :meth:`thaw.monitor.Monitor.add` does; no events;
* **advance** (previous alerts and state): only the listings that changed between
  the state's publications and the targets (added, amended, removed) are matched
  against the portfolio, and ``new_hit``, ``hit_amended`` and ``hit_removed``
  events are derived as :meth:`thaw.monitor.Monitor.advance` derives them.

On the executors each batch of rows is scored with the monitor's own function,
:func:`thaw.monitor.screening.screen_rows`, against the changed listings (their
:class:`~thaw.monitor.screening.ListingSet`, built once on the driver and
broadcast). The monitor's retrieval test depends on the row and the listing
alone (:mod:`thaw.monitor.keys`), so probing the changed listings with every row
finds exactly the pairs the single-machine monitor finds by probing its row
index with the changed listings, and the events are equal. The matches of an
advance step (rows against the few changed listings) and the previous alerts on
those listings are small: they are brought to the driver, where the events are
built with the monitor's own event builder.

Analysts' decisions apply as in the single-machine monitor (unless
``decisions=False``): an alert whose row (customer ``NAME/ROW_ID``) an analyst
decided is a false positive on that listing or its party, still in force, is kept
with ``suppressed`` true and raises no event; an alert suppressed before that a
step finds reopened (the listing was amended) raises ``hit_amended``. Decisions are
read on the driver: at a baseline only the alerts of rows that have a decision are
brought there (the matches are persisted, so the portfolio is matched once).
Consumers list the alerts with ``suppressed`` false.

Not done here (the single-machine monitor does it): portfolio updates (changed
rows): screen a changed portfolio again from a baseline.

**Pinned rarity weights**, as the single-machine monitor pins them
(:class:`thaw.monitor.screening.Rarity`): the baseline screens with every name
token pinned at its weight in the whole lists' index (the executors send their
pins back beside the matches) and :class:`MonitorState` keeps them; an advance
screens the rows against the changed listings with those weights, so a row's
retrieval of a changed listing is weighed as the single-machine monitor weighs it,
not by the few changed listings' own statistics. A row added to the DataFrame
after the baseline (a changed portfolio, which needs a new baseline anyway) has
tokens no pin covers: those are weighed by the changed listings. A state written
before the pins (``rarity`` absent) keeps weighing as it did.
"""

from __future__ import annotations

import functools
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from thaw.history.diff import membership
from thaw.history.fields import record_changes
from thaw.index import Entry, ensure_index, entry_from_record
from thaw.match import DEFAULT_THRESHOLD
from thaw.monitor import Match, Monitor, RowData
from thaw.monitor.screening import Listed, ListingSet, screen_rows
from thaw.monitor.service import DecisionLookup, publication_dict, state_decisions
from thaw.profiles import Profiles
from thaw.spark.screening import checked_rows, column_plan
from thaw.store import PublicationRow, Store, default_home
from thaw.store.portfolios import PortfolioInfo, PortfolioStore, StoredAlert, StoredRow, now_iso

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

MATCH_FIELDS = (
    ("row_id", pa.string()),
    ("source", pa.string()),
    ("source_id", pa.string()),
    ("listing_hash", pa.string()),
    ("score", pa.float64()),
    ("matched_name", pa.string()),
    ("explanation", pa.string()),
    ("profile_id", pa.string()),
    ("row", pa.string()),
)
"""An alert: the row and listing, the listing version's hash, the score and its
explanation, the listing's profile, and the row's data as screened (JSON)."""
ALERT_COLUMNS = (*(name for name, _ in MATCH_FIELDS), "suppressed", "since")
"""The columns of the alerts DataFrame (``suppressed``: an analyst's false positive
still in force, see the module docs; ``since``: when the alert was first raised)."""
ALERTS_DDL = (
    "row_id string, source string, source_id string, listing_hash string, score double, "
    "matched_name string, explanation string, profile_id string, row string, "
    "suppressed boolean, since string"
)
EVENTS_DDL = (
    "id string, type string, row_id string, source string, source_id string, payload string"
)


@dataclass(frozen=True, slots=True)
class MonitorState:
    """What a portfolio's alerts reflect: the publication of each source
    (``watermarks``, ``source → publication id``), the alert threshold and the
    calibration statistics the rows are scored with (those of the screening
    index when the baseline was made, as :meth:`thaw.monitor.Monitor.add` keeps)."""

    watermarks: dict[str, int]
    threshold: float = DEFAULT_THRESHOLD
    stats: dict[str, Any] | None = None
    rarity: dict[str, float] | None = None
    """The portfolio's pinned rarity weights (name token → weight), pinned at the
    baseline as :meth:`thaw.monitor.Monitor.add` pins them (``None``: a state of
    a version before them; its steps weigh tokens as they used to)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "watermarks": self.watermarks,
            "threshold": self.threshold,
            "stats": self.stats,
            "rarity": self.rarity,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MonitorState:
        rarity = data.get("rarity")
        return cls(
            {str(k): int(v) for k, v in data["watermarks"].items()},
            float(data["threshold"]),
            data.get("stats"),
            {str(k): float(v) for k, v in rarity.items()} if rarity is not None else None,
        )


@dataclass(slots=True)
class MonitorResult:
    """One step: the alerts after it (to keep for the next step), its events and
    the new state. ``changed_listings`` counts listings added, amended or removed."""

    alerts: DataFrame
    events: DataFrame
    state: MonitorState
    changed_listings: int = 0
    event_count: int = 0
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Plan:
    columns: tuple[tuple[str, int], ...]
    work: Any
    """The broadcast pickle of (listing set, profile map, threshold, stats)."""


def monitor(
    portfolio: DataFrame,
    alerts: DataFrame | None = None,
    state: MonitorState | None = None,
    *,
    name: str = "portfolio",
    id: str = "id",
    full_name: str | None = "name",
    schema: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    id_number: str | None = None,
    first_name: str | None = None,
    middle_name: str | None = None,
    last_name: str | None = None,
    gender: str | None = None,
    threshold: float | None = None,
    home: str | Path | None = None,
    targets: Mapping[str, PublicationRow] | None = None,
    decisions: bool = True,
) -> MonitorResult:
    """Bring the portfolio's alerts to ``targets`` (default: the active publications
    of the store under ``home``); see the module docs.

    ``portfolio`` holds one row per customer: ``id`` names its id column (rows
    without an id, or that cannot be screened, are not monitored), the other
    keywords its fields as in :func:`thaw.spark.screen` (the name in one column or
    in parts, ``gender`` as evidence: a row reads as ``thaw portfolio add`` reads a
    file row). ``alerts`` and ``state``
    are those of the previous step (both or neither); ``name`` is the portfolio's
    name in events. ``threshold`` applies to a baseline (later steps keep the
    state's). Events are returned only for an advance step. ``decisions``: apply
    the analysts' decisions of the store's team state (see the module docs).
    Raises ``ValueError`` for a missing column or an alerts DataFrame without its
    state.
    """
    if (alerts is None) != (state is None):
        raise ValueError("give both the previous alerts and their state, or neither (a baseline)")
    columns = column_plan(
        list(portfolio.columns),
        name=full_name,
        schema=schema,
        birth_date=birth_date,
        country=country,
        id_number=id_number,
        id=id,
        first_name=first_name,
        middle_name=middle_name,
        last_name=last_name,
        gender=gender,
    )
    spark = portfolio.sparkSession
    root = default_home(home)
    with Store(root) as store, tempfile.TemporaryDirectory(prefix="thaw-spark-monitor-") as tmp:
        if targets is None:
            targets = store.active_publications()
        if state is None:
            state = MonitorState(
                {},
                threshold if threshold is not None else DEFAULT_THRESHOLD,
                ensure_index(store).state().get("token_stats"),
            )
        diff = _Diff.between(store, state.watermarks, targets)
        judged = _Judged.of(store, name) if decisions else None
        profile_of = Profiles(store).memberships()
        # records, not prepared entries: each worker prepares them once (entries
        # hold compiled token objects that do not travel well)
        # the pinned weights: a baseline pins every token with the whole lists'
        # index ({}: pin), a step screens with them (None: an older state)
        pins = {} if alerts is None else state.rarity
        work = (diff.records(), profile_of, state.threshold, state.stats, pins)
        plan = _Plan(columns, _broadcast(portfolio, work))
        found_df = portfolio.mapInArrow(
            functools.partial(_match_batches, plan=plan), _ddl(MATCH_FIELDS)
        )
        if alerts is None:
            found_df = found_df.persist()  # (read twice: the pins, then the matches)
            pins = {r["source_id"]: r["score"] for r in found_df.filter(_pin()).collect()}
        matches = found_df.filter(~_pin())
        marks = {s: p.id for s, p in targets.items()}
        after = MonitorState(marks, state.threshold, state.stats, pins)
        if alerts is None:
            baseline = _baseline(matches, diff, judged)
            empty = spark.createDataFrame([], EVENTS_DDL)
            return MonitorResult(baseline, empty, after, diff.size)
        if "suppressed" not in alerts.columns:  # alerts of a version without decisions
            from pyspark.sql import functions as F

            alerts = alerts.withColumn("suppressed", F.lit(False))
        # the previous alerts on the changed listings, and the matches with them
        keys = spark.createDataFrame(
            sorted({*diff.new_ids, *diff.old_ids}) or [("", "")], "source string, source_id string"
        )
        kept = alerts.join(keys.hint("broadcast"), ["source", "source_id"], "left_anti")
        before = alerts.join(keys.hint("broadcast"), ["source", "source_id"], "left_semi")
        found = [r.asDict() for r in matches.collect()]
        old = [r.asDict() for r in before.collect()]
        with Monitor(store, PortfolioStore(Path(tmp)), decisions=False) as single:
            new_alerts, events = diff.events(single, name, found, old, state.threshold, judged)
    changed = spark.createDataFrame(new_alerts, ALERTS_DDL)
    result = kept.select(*ALERT_COLUMNS).unionByName(changed)
    created = now_iso()  # as the monitor's store stamps the events it records
    event_rows = [
        (
            eid,
            kind,
            row_id,
            payload["listing"]["source"],
            payload["listing"]["source_id"],
            json.dumps({**payload, "created_at": created}, ensure_ascii=False, sort_keys=True),
        )
        for eid, kind, row_id, payload in events
    ]
    counts: dict[str, int] = {}
    for _eid, kind, _rid, _payload in events:
        counts[kind] = counts.get(kind, 0) + 1
    return MonitorResult(
        result,
        spark.createDataFrame(event_rows, EVENTS_DDL),
        after,
        diff.size,
        len(events),
        counts,
    )


@dataclass(slots=True)
class _Judged:
    """The analysts' decisions on one portfolio's rows, as the single-machine
    monitor applies them (:func:`thaw.monitor.service.state_decisions`)."""

    lookup: DecisionLookup
    rows: frozenset[str]
    """The ids of the portfolio's rows that have a decision."""
    name: str

    @classmethod
    def of(cls, store: Store, name: str) -> _Judged | None:
        """The decisions on portfolio ``name``'s rows (``None``: there are none)."""
        lookup = state_decisions(store)
        if lookup is None:
            return None
        from thaw.store.state import open_state

        prefix = f"{name}/"
        with open_state(store.home) as state:
            rows = frozenset(
                d.customer_id[len(prefix) :]
                for d in state.decisions.list()
                if d.customer_id.startswith(prefix)
            )
        return cls(lookup, rows, name) if rows else None

    def suppressed(self, match: Mapping[str, Any], entry: Entry) -> bool:
        """Whether a false positive still in force suppresses the alert ``match``
        (a row of :data:`MATCH_FIELDS`) on the listing ``entry``."""
        if match["row_id"] not in self.rows:
            return False
        customer = json.loads(match["row"])
        return self.lookup(f"{self.name}/{match['row_id']}", customer, entry, match["profile_id"])


def _baseline(matches: DataFrame, diff: _Diff, judged: _Judged | None) -> DataFrame:
    """The alerts of a baseline: every match, raised now, suppressed as decided."""
    from pyspark.sql import functions as F

    now = F.lit(now_iso())
    if judged is None:
        return matches.withColumn("suppressed", F.lit(False)).withColumn("since", now)
    matches = matches.persist()  # matched once, for the decided rows and for the rest
    decided = F.col("row_id").isin(sorted(judged.rows))
    entries = {(x.entry.source, x.entry.source_id): x.entry for x in diff.changed}
    marked = [
        (
            *(m[c] for c, _ in MATCH_FIELDS),
            judged.suppressed(m, entries[(m["source"], m["source_id"])]),
        )
        for m in (r.asDict() for r in matches.filter(decided).collect())
    ]
    fields = f"{_ddl(MATCH_FIELDS)}, suppressed boolean"
    rest = matches.filter(~decided).withColumn("suppressed", F.lit(False))
    spark = matches.sparkSession
    return rest.unionByName(spark.createDataFrame(marked, fields)).withColumn("since", now)


@dataclass(slots=True)
class _Diff:
    """The listings that changed between two sets of publications, as
    :meth:`thaw.monitor.Monitor.advance` reads them from the store."""

    new_ids: dict[tuple[str, str], int]
    old_ids: dict[tuple[str, str], int]
    gone: set[tuple[str, str]]
    causes: dict[str, PublicationRow]
    versions: dict[int, tuple[str, Any]]
    changed: list[Listed]

    @property
    def size(self) -> int:
        return len(self.new_ids) + len(self.gone)

    def records(self) -> list[tuple[Any, str]]:
        """The new versions of the changed listings: ``(record, content hash)``."""
        return [(self.versions[vid][1], self.versions[vid][0]) for vid in self.new_ids.values()]

    @classmethod
    def between(
        cls, store: Store, marks: Mapping[str, int], targets: Mapping[str, PublicationRow]
    ) -> _Diff:
        new_ids: dict[tuple[str, str], int] = {}
        old_ids: dict[tuple[str, str], int] = {}
        gone: set[tuple[str, str]] = set()
        causes: dict[str, PublicationRow] = {}
        for source in sorted(s for s, p in targets.items() if marks.get(s) != p.id):
            pub = targets[source]
            causes[source] = pub
            after = membership(store, pub)
            before: dict[str, int] = {}
            if source in marks:
                seen = store.publication(marks[source])
                if seen is None:
                    raise ValueError(f"publication {marks[source]} is not in the store")
                before = membership(store, seen)
            for sid, vid in after.items():
                old = before.get(sid)
                if old != vid:
                    new_ids[(source, sid)] = vid
                    if old is not None:
                        old_ids[(source, sid)] = old
            for sid, vid in before.items():
                if sid not in after:
                    old_ids[(source, sid)] = vid
                    gone.add((source, sid))
        from thaw.store.versions import versions_by_id

        versions: dict[int, tuple[str, Any]] = dict(
            versions_by_id(store, [*new_ids.values(), *old_ids.values()])
        )
        changed = [
            Listed(entry_from_record(versions[vid][1]), versions[vid][0])
            for vid in new_ids.values()
        ]
        return cls(new_ids, old_ids, gone, causes, versions, changed)

    def events(
        self,
        single: Monitor,
        name: str,
        found: list[dict[str, Any]],
        old: list[dict[str, Any]],
        threshold: float,
        judged: _Judged | None = None,
    ) -> tuple[list[tuple[Any, ...]], list[tuple[str, str, str, dict[str, Any]]]]:
        """The alerts on the changed listings after the step (rows of
        :data:`ALERTS_DDL`) and the step's events, derived from the new matches
        ``found`` and the previous alerts ``old`` on those listings exactly as
        :meth:`thaw.monitor.Monitor.advance` derives them (with the decisions
        ``judged``)."""
        info = PortfolioInfo(0, name, "", threshold, 0)
        listed = {(x.entry.source, x.entry.source_id): x for x in self.changed}
        prior = {(a["row_id"], a["source"], a["source_id"]): a for a in old}
        alerts: list[tuple[Any, ...]] = []
        events: list[tuple[str, str, str, dict[str, Any]]] = []
        for m in found:
            key = (m["row_id"], m["source"], m["source_id"])
            listing_key = (m["source"], m["source_id"])
            before = prior.get(key)
            entry = listed[listing_key].entry
            suppressed = judged is not None and judged.suppressed(m, entry)
            alerts.append(
                (
                    *(m[c] for c, _ in MATCH_FIELDS),
                    suppressed,
                    before["since"] if before else now_iso(),
                )
            )
            if suppressed:
                continue
            row = StoredRow(0, m["row_id"], "", json.loads(m["row"]))
            match = Match(
                0,
                m["source"],
                m["source_id"],
                m["listing_hash"],
                m["score"],
                m["matched_name"],
                m["explanation"],
            )
            cause = publication_dict(self.causes[m["source"]])
            if before is None:
                events.append(single.event("new_hit", name, row, entry, match, cause, info))
                continue
            amended = record_changes(
                self.versions[self.old_ids[listing_key]][1],
                self.versions[self.new_ids[listing_key]][1],
            )
            if not amended and before["score"] == match.score and not before.get("suppressed"):
                continue  # a new version with nothing a reader would see changed
            extra: dict[str, Any] = {
                "previous": {"score": before["score"], "fingerprint": before["listing_hash"]},
                "changes": [c.to_dict() for c in amended],
            }
            events.append(single.event("hit_amended", name, row, entry, match, cause, info, extra))
        now = {(m["row_id"], m["source"], m["source_id"]) for m in found}
        for key, a in prior.items():
            if key in now or a.get("suppressed"):
                continue
            listing_key = (a["source"], a["source_id"])
            row = StoredRow(0, a["row_id"], "", json.loads(a["row"]))
            gone = StoredAlert(
                0,
                a["source"],
                a["source_id"],
                a["listing_hash"],
                a["score"],
                a["matched_name"],
                a["explanation"],
                a["profile_id"],
                bool(a.get("suppressed")),
                a["since"],
            )
            old_record = self.versions[self.old_ids[listing_key]][1]
            old_entry = entry_from_record(old_record)
            cause = publication_dict(self.causes[a["source"]])
            delisted = listing_key in self.gone
            extra = {"reason": "delisted" if delisted else "no_longer_matches"}
            if delisted:
                party = single.still_listed(a["source"], a["source_id"], known=a["profile_id"])
                if party is not None:
                    extra["party"] = party
                    extra["still_listed"] = party["still_listed"]
            else:
                new_record = self.versions[self.new_ids[listing_key]][1]
                extra["changes"] = [c.to_dict() for c in record_changes(old_record, new_record)]
            events.append(
                single.event("hit_removed", name, row, old_entry, gone, cause, info, extra)
            )
        return alerts, events


def _pin() -> Any:
    """The rows of the matches that carry a pinned weight, not a match."""
    from pyspark.sql import functions as F

    return F.col("row_id").isNull()


def _ddl(fields: tuple[tuple[str, pa.DataType], ...]) -> str:
    kinds = {pa.string(): "string", pa.float64(): "double"}
    return ", ".join(f"{name} {kinds[kind]}" for name, kind in fields)


def _broadcast(df: DataFrame, value: Any) -> Any:
    from pyspark import cloudpickle

    data: bytes = cloudpickle.dumps(value)  # type: ignore[no-untyped-call]
    try:
        return df.sparkSession.sparkContext.broadcast(data)
    except Exception:  # Spark Connect: no SparkContext, the pickle goes with the tasks
        return data


_WORK: dict[int, tuple[bytes, Any]] = {}
"""The work of the current job in this Python worker, by the id of its pickle
(Spark keeps a broadcast's value for the worker's life): the listing set is
prepared once per worker and job, not per batch."""


_Work = tuple[ListingSet, dict[tuple[str, str], str], float, Any, dict[str, float] | None]


def _work(shared: Any) -> _Work:
    from pyspark.broadcast import Broadcast

    data: bytes = shared.value if isinstance(shared, Broadcast) else shared
    cached = _WORK.get(id(data))
    if cached is None or cached[0] is not data:
        _WORK.clear()
        records, profile_of, threshold, stats, rarity = pickle.loads(data)
        listings = ListingSet.build(Listed(entry_from_record(r), digest) for r, digest in records)
        cached = (data, (listings, profile_of, threshold, stats, rarity))
        _WORK[id(data)] = cached
    work: _Work = cached[1]
    return work


def _match_batches(batches: Iterator[pa.RecordBatch], plan: _Plan) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: the matches of each batch's rows with the
    changed listings (one output row per match), and the rarity weights the
    batch pinned (rows without a ``row_id``: the token as ``source_id``, its
    weight as ``score``; only a baseline pins)."""
    schema = pa.schema(list(MATCH_FIELDS))
    for batch in batches:
        if not batch.num_rows:
            continue
        listings, profile_of, threshold, stats, rarity = _work(plan.work)
        rows: list[tuple[int, RowData]] = []
        ids: list[str] = []
        for job, _problems in checked_rows(batch, plan.columns):
            text = "" if job is None or job.id is None else str(job.id).strip()
            if job is None or not text:
                continue  # not a portfolio row: the monitor refuses such rows
            rows.append((len(ids), RowData.of(job)))
            ids.append(text)
        if not rows or not len(listings):
            continue
        run = screen_rows(rows, listings, threshold, stats, workers=1, rarity=rarity)
        out: dict[str, list[Any]] = {name: [] for name, _ in MATCH_FIELDS}
        if rarity == {}:  # a baseline: its pins go to the driver
            for token, weight in run.pinned.items():
                pin: dict[str, Any] = {"source": "", "source_id": token, "score": weight}
                for name, _kind in MATCH_FIELDS:
                    out[name].append(pin.get(name))
        for number, found in run.results:
            for m in found:
                data = rows[number][1]
                for name, value in (
                    ("row_id", ids[number]),
                    ("source", m.source),
                    ("source_id", m.source_id),
                    ("listing_hash", m.hash),
                    ("score", m.score),
                    ("matched_name", m.matched_name),
                    ("explanation", m.explanation),
                    ("profile_id", profile_of.get((m.source, m.source_id))),
                    ("row", json.dumps(data.to_dict(), ensure_ascii=False)),
                ):
                    out[name].append(value)
        if out["source"]:
            yield pa.RecordBatch.from_pydict(out, schema=schema)


def save_state(state: MonitorState, path: str | Path) -> None:
    """Write ``state`` as JSON to ``path`` (atomically: a new file, then renamed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".state-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(state.to_dict(), fh)
    os.replace(tmp, path)


def load_state(path: str | Path) -> MonitorState:
    """The state written by :func:`save_state`."""
    with open(path, encoding="utf-8") as fh:
        return MonitorState.from_dict(json.load(fh))


# -- a portfolio kept in a folder (``thaw spark-monitor``) ----------------------------------

STATE_FILE = "state.json"


@dataclass(slots=True)
class FolderStep:
    """What :func:`monitor_folder` did: the step number, whether it was the
    baseline, the counts, and where the alerts and events went."""

    step: int
    baseline: bool
    changed_listings: int
    events: dict[str, int]
    alerts: Path
    events_path: Path | None


def monitor_folder(
    portfolio: DataFrame,
    folder: Path,
    *,
    name: str,
    columns: Mapping[str, str],
    threshold: float | None = None,
    home: str | Path | None = None,
    decisions: bool = True,
) -> FolderStep:
    """One monitoring step of a portfolio whose state lives in ``folder``:
    ``state.json`` (the :class:`MonitorState`, the step number and the current
    alerts folder), ``alerts-NNNNNN/`` (Parquet) and ``events-NNNNNN/`` (JSON
    lines, one event per line, as the monitor's webhooks carry them). The first
    step is the baseline; each later one matches the listings changed since.
    The state file is replaced last, so a step that fails leaves the previous
    state in force (run it again). ``columns`` maps the row fields (``id``,
    ``name``, ``schema``, ``birth_date``, ``country``, ``id_number``,
    ``first_name``, ``middle_name``, ``last_name``, ``gender``) to column names,
    as :func:`thaw.spark.detect_columns` finds them; ``decisions`` as
    :func:`monitor`'s."""
    spark = portfolio.sparkSession
    state_path = folder / STATE_FILE
    previous: DataFrame | None = None
    state: MonitorState | None = None
    step = 0
    if state_path.exists():
        with open(state_path, encoding="utf-8") as fh:
            saved = json.load(fh)
        state = MonitorState.from_dict(saved)
        step = int(saved["step"])
        previous = spark.read.schema(ALERTS_DDL).parquet(str(folder / saved["alerts"]))
    result = monitor(
        portfolio,
        previous,
        state,
        name=name,
        id=columns.get("id", "id"),
        full_name=columns.get("name"),
        schema=columns.get("schema"),
        birth_date=columns.get("birth_date"),
        country=columns.get("country"),
        id_number=columns.get("id_number"),
        first_name=columns.get("first_name"),
        middle_name=columns.get("middle_name"),
        last_name=columns.get("last_name"),
        gender=columns.get("gender"),
        threshold=threshold,
        home=home,
        decisions=decisions,
    )
    step += 1
    alerts = folder / f"alerts-{step:06d}"
    result.alerts.write.mode("overwrite").parquet(str(alerts))
    events: Path | None = None
    if previous is not None:
        events = folder / f"events-{step:06d}"
        result.events.select("payload").coalesce(1).write.mode("overwrite").text(str(events))
    saved = {**result.state.to_dict(), "step": step, "alerts": alerts.name}
    fd, tmp = tempfile.mkstemp(prefix=".state-", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(saved, fh)
    os.replace(tmp, state_path)
    for old in folder.glob("alerts-*"):  # the previous alerts stay until the next step
        if old.name < f"alerts-{step - 1:06d}":
            shutil.rmtree(old, ignore_errors=True)
    return FolderStep(
        step, previous is None, result.changed_listings, result.counts, alerts, events
    )
