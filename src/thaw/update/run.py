"""Bringing sources up to date: download (or find) publications, then load them safely.

Both ways end in :func:`thaw.store.load`, which parses a publication completely,
checks it and activates it in one transaction; any failure leaves the active data
of that source as it was and is reported as an :class:`Outcome` with status
``failed`` and the precise reason.

* :func:`update_online` fetches each source from its official URL
  (:data:`thaw.update.official.OFFICIAL`, or a mirror), with conditional requests so
  that an unchanged list is not downloaded again. Downloads are staged under
  ``<home>/downloads/.staging`` (a killed update's staging folder is removed by the
  next update) and kept under ``<home>/downloads/<source>/<date>/``
  once loaded (the newest ``keep`` per source); ``date`` is the server's
  ``Last-Modified`` day, else the download day, and is the publication date for
  formats that carry none.
* :func:`update_offline` loads, for each source, the newest publication found under
  a folder (:mod:`thaw.update.scan`), or with ``all_publications`` every one of them
  from the oldest, building the history.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from thaw._process import temp_dir
from thaw.sources import Job, SourceError, plan, readers
from thaw.store import DEFAULT_MAX_DROP, LoadError, PublicationRow, Store, load
from thaw.store.loader import files_sha256
from thaw.update.fetch import (
    DownloadCache,
    Fetcher,
    FetchError,
    FetchResult,
    last_modified_date,
)
from thaw.update.official import OFFICIAL, OfficialSource, Variant, urls_for
from thaw.update.scan import Found, folder_date, publication_date_in_file, scan

STAGE_PREFIX = "thaw-stage-"
"""Prefix of the download staging folders, ``thaw-stage-<pid>-…`` under
``<home>/downloads/.staging`` (see :func:`thaw._process.sweep`)."""

STATUSES = (
    "loaded",
    "reread",
    "history",
    "unchanged",
    "not_modified",
    "up_to_date",
    "skipped",
    "failed",
)
"""``loaded``: a new publication is active; ``reread``: these very files were
loaded before by an older reader and are read again, in place, recorded as no
change by the authority (:func:`thaw.store.load`); ``history``: stored as history only;
``unchanged``: these very files were loaded before; ``not_modified``: the server
answered 304; ``up_to_date``: the active publication is as new or newer;
``skipped``: nothing to do (no reader for the source yet); ``failed``: see detail."""


@dataclass(slots=True)
class Outcome:
    """What happened to one source (or one publication of it)."""

    source: str
    status: str
    detail: str = ""
    publication: PublicationRow | None = None
    files: list[Path] = field(default_factory=list)
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    @property
    def changed(self) -> bool:
        """Whether the active data changed (a re-read changes its reading)."""
        return self.status in ("loaded", "reread")


Report = Callable[[Outcome], None]


def _noop(outcome: Outcome) -> None:
    return None


def _date_in_file(job: Job) -> str | None:
    try:
        return publication_date_in_file(job)
    except SourceError:
        return None


def load_job(
    store: Store,
    job: Job,
    *,
    force: bool = False,
    max_drop: float | None = DEFAULT_MAX_DROP,
    history: bool = False,
    date: str | None = None,
    in_file_date: str | None = None,
) -> Outcome:
    """Load one publication; every failure becomes an :class:`Outcome`, never an
    exception (a reader's own bug included), so that other sources still update.

    Unless ``history``, a publication older than the active one of its source is not
    loaded (status ``up_to_date``). Where the file states its date in its head
    (``in_file_date``, read here if not given) this is known before parsing it.
    """
    source = job.reader.source
    files = list(job.files)
    active = store.active_publications().get(source)
    if not history and active is not None:
        candidate = date or in_file_date or _date_in_file(job)
        if candidate is not None and candidate < active.date:
            detail = f"the active publication of {active.date} is newer than {candidate}"
            return Outcome(source, "up_to_date", detail, active, files)
    try:
        result = load(store, job, date=date, force=force, history=history, max_drop=max_drop)
    except LoadError as exc:
        if not history and active is not None and "older than the active" in str(exc):
            return Outcome(source, "up_to_date", str(exc), active, files)
        return Outcome(source, "failed", str(exc), files=files)
    except Exception as exc:  # noqa: BLE001  (a reader bug must not stop the other sources)
        reason = f"{job.path}: {type(exc).__name__} while reading: {exc}"
        return Outcome(source, "failed", reason, files=files)
    pub = result.publication
    detail = f"{pub.published[:10]}, {pub.record_count} records ({pub.format})"
    return Outcome(source, result.status, detail, pub, files, result.notes)


def reread_active(store: Store, source: str, jobs: Iterable[Job]) -> Outcome | None:
    """Re-read the active publication of ``source`` from its very files, if they are
    among ``jobs`` and a reader of another version than now read them, before a
    newer publication is loaded: compared with the old reading, the newer one would
    show what only the reader reads otherwise as the authority's amendments.
    ``None`` when there is nothing to re-read or its files are not at hand."""
    active = store.active_publications().get(source)
    if active is None:
        return None
    for job in jobs:
        if job.source != source or job.reader.version == active.reader_version:
            continue
        if files_sha256(job.files) == active.sha256:
            return load_job(store, job)
    return None


# -- offline ---------------------------------------------------------------------------


def update_offline(
    store: Store,
    root: Path,
    sources: Collection[str] | None = None,
    *,
    force: bool = False,
    max_drop: float | None = DEFAULT_MAX_DROP,
    all_publications: bool = False,
    report: Report = _noop,
) -> list[Outcome]:
    """Load the newest publication of each source found under ``root`` (or, with
    ``all_publications``, every publication found, oldest first)."""
    found = scan(root, sources)
    outcomes: list[Outcome] = []

    def done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        report(outcome)

    by_source = found.by_source()
    for source in sources or []:
        if source not in by_source:
            done(Outcome(source, "failed", f"no publication of {source} found under {root}"))
    for source, items in by_source.items():
        chosen: list[Found] = items if all_publications else items[-1:]
        if not all_publications:  # every publication found is loaded (and re-read) anyway
            earlier = reread_active(store, source, [i.job for i in items[:-1]])
            if earlier is not None:
                done(earlier)
        for item in chosen:
            outcome = load_job(
                store,
                item.job,
                force=force,
                max_drop=max_drop,
                history=all_publications,
                in_file_date=item.in_file_date,
            )
            done(outcome)
    return outcomes


# -- online ----------------------------------------------------------------------------


def readable_sources() -> set[str]:
    """The sources some registered reader produces (helper base classes, which name
    no source, are passed over)."""
    return {source for r in readers() if isinstance(source := getattr(r, "source", None), str)}


def downloads_dir(store: Store) -> Path:
    """Where downloads are kept: ``<home>/downloads``."""
    return store.home / "downloads"


def update_online(
    store: Store,
    sources: Collection[str] | None = None,
    *,
    table: Mapping[str, OfficialSource] = OFFICIAL,
    base_url: str | None = None,
    fetcher: Fetcher | None = None,
    force: bool = False,
    max_drop: float | None = DEFAULT_MAX_DROP,
    keep: int = 3,
    report: Report = _noop,
) -> list[Outcome]:
    """Download each source from its official URL (or ``base_url``'s mirror) and
    load it. ``sources`` defaults to every source of ``table`` that thaw reads."""
    readable = readable_sources()
    if sources is None:
        wanted = [s for s in table if s in readable]
    else:
        wanted = list(dict.fromkeys(sources))
    cache = DownloadCache(downloads_dir(store) / "cache.json")
    own = fetcher is None
    fetch = fetcher or Fetcher()
    outcomes: list[Outcome] = []
    try:
        for source in wanted:
            official = table.get(source)
            if official is None:
                known = ", ".join(sorted(table))
                outcome = Outcome(
                    source, "failed", f"no download URL known for {source}; known: {known}"
                )
            elif source not in readable:
                outcome = Outcome(source, "skipped", "no reader for this source yet")
            else:
                outcome = _update_source(
                    store,
                    official,
                    fetch,
                    cache,
                    base_url,
                    force=force,
                    max_drop=max_drop,
                    keep=keep,
                )
            outcomes.append(outcome)
            report(outcome)
    finally:
        if own:
            fetch.close()
    return outcomes


def _update_source(
    store: Store,
    official: OfficialSource,
    fetcher: Fetcher,
    cache: DownloadCache,
    base_url: str | None,
    *,
    force: bool,
    max_drop: float | None,
    keep: int,
) -> Outcome:
    source = official.source
    problems: list[str] = []
    staging_root = downloads_dir(store) / ".staging"
    staging_root.mkdir(parents=True, exist_ok=True)
    for variant in official.variants:
        # named after this process: a killed update's folder (partial downloads) is
        # swept by the next one
        stage = temp_dir(STAGE_PREFIX, staging_root)
        try:
            try:
                fetched = _fetch_variant(source, variant, fetcher, cache, base_url, stage)
            except FetchError as exc:
                problems.append(f"{variant.label}: {exc}")
                continue
            modified = any(r.modified for r in fetched)
            paths = [r.path for r in fetched]
            try:
                jobs = plan(paths, source=source, siblings=False)
            except SourceError as exc:
                kept = _keep_failed(store, source, fetched) if modified else None
                url = next((r.url for r in fetched if str(r.path) == exc.file), fetched[0].url)
                where = f" {exc.location}" if exc.location else ""
                note = f" (kept in {kept})" if kept else ""
                problems.append(f"{variant.label}: {url}{where}: refused: {exc.reason}{note}")
                continue
            if len(jobs) != 1:
                problems.append(f"{variant.label}: {len(jobs)} publications in one download")
                continue
            kept = downloads_dir(store) / source
            earlier = None
            if modified and kept.is_dir():
                # the active publication's kept download: re-read first if need be
                earlier = reread_active(store, source, [f.job for f in scan(kept, [source]).found])
            progress = fetcher.progress
            task = progress.add_task(f"loading {source}", total=None) if progress else None
            try:
                outcome = load_job(store, jobs[0], force=force, max_drop=max_drop)
                if earlier is not None:
                    note = f"first, the active publication: {earlier.status} {earlier.detail}"
                    outcome.notes = (note, *earlier.notes, *outcome.notes)
            finally:
                if progress is not None and task is not None:
                    progress.remove_task(task)
            if not outcome.ok:
                where = ", ".join(r.url for r in fetched)
                if modified:
                    kept = _keep_failed(store, source, fetched)
                    outcome.detail = outcome.detail.replace(str(fetched[0].path.parent), str(kept))
                    outcome.files = [kept / p.name for p in outcome.files]
                outcome.detail = f"{outcome.detail} (downloaded from {where})"
                return outcome
            if modified:
                _archive(store, source, fetched, cache, keep)
            else:
                for result in fetched:
                    cache.put(result.url, result.entry)
                if outcome.status == "unchanged":
                    outcome.status = "not_modified"
                    outcome.detail = f"not modified since the last download; {outcome.detail}"
            cache.save()
            outcome.detail = f"{outcome.detail} [{variant.label}]"
            return outcome
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return Outcome(source, "failed", "; ".join(problems) or "no download variant")


def _fetch_variant(
    source: str,
    variant: Variant,
    fetcher: Fetcher,
    cache: DownloadCache,
    base_url: str | None,
    stage: Path,
) -> list[FetchResult]:
    """Fetch every file of a variant (conditionally). When some file changed, the
    unchanged ones are copied beside it so that the publication is complete in one
    dated staging folder."""
    results: list[FetchResult] = []
    for file in variant.files:
        errors: list[str] = []
        for url in urls_for(source, file, base_url):
            try:
                # the dated folder is known only after the main file's headers
                results.append(fetcher.fetch(url, stage / "undated" / file.name, cache.get(url)))
                break
            except FetchError as exc:
                errors.append(str(exc))
        else:
            raise FetchError(file.name, "; ".join(errors))
    if not any(r.modified for r in results):
        return results
    date = last_modified_date(results[0].entry) or datetime.now(UTC).date().isoformat()
    dated = stage / date
    dated.mkdir(parents=True, exist_ok=True)
    out: list[FetchResult] = []
    for result, file in zip(results, variant.files, strict=True):
        target = dated / file.name
        if result.modified:
            result.path.replace(target)
        else:
            shutil.copy2(result.path, target)
        result.entry.path = str(target)
        out.append(
            FetchResult(
                result.url, target, result.modified, result.entry, result.size, result.attempts
            )
        )
    return out


def _keep_failed(store: Store, source: str, fetched: list[FetchResult]) -> Path:
    """Keep a refused download for inspection in ``downloads/<source>/failed/`` (the
    previous failure there is replaced)."""
    folder = downloads_dir(store) / source / "failed"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for result in fetched:
        shutil.copy2(result.path, folder / result.path.name)
    return folder


def _archive(
    store: Store, source: str, fetched: list[FetchResult], cache: DownloadCache, keep: int
) -> None:
    """Keep a loaded download under ``downloads/<source>/<date>/`` and remember its
    validators; prune the source's older downloads beyond ``keep``."""
    base = downloads_dir(store) / source
    date = fetched[0].path.parent.name
    folder = base / date
    folder.mkdir(parents=True, exist_ok=True)
    for result in fetched:
        target = folder / result.path.name
        shutil.copy2(result.path, target)
        result.entry.path = str(target)
        cache.put(result.url, result.entry)
    dated = sorted(p for p in base.iterdir() if p.is_dir() and folder_date(p / "x"))
    in_use = {Path(e.path).parent for e in cache.entries.values() if e.path}
    for old in dated[: max(0, len(dated) - max(1, keep))]:
        if old != folder and old not in in_use:
            shutil.rmtree(old, ignore_errors=True)
