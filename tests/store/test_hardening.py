"""Issue 17, data correctness: races, reads without the write lock, disk full,
plausibility limits on removals and growth. Each test reproduces one attack."""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from thaw.index import storage
from thaw.sources import Job, plan
from thaw.store import LoadError, Store, load
from thaw.store.limits import LIMITS, Plausibility, days_between, limits_of
from thaw.store.loader import read_job

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UN_BASE = FIXTURES / "cli" / "un_sc" / "consolidated.xml"
_LISTING = re.compile(r"<(INDIVIDUAL|ENTITY)>.*?</\1>", re.S)


def un_file(tmp_path: Path, date: str, drop: int = 0, copies: int = 0, tag: str = "") -> Path:
    """The 20-listing UN fixture dated ``date``, without its last ``drop`` listings,
    or with ``copies`` extra invented ones."""
    text = UN_BASE.read_text(encoding="utf-8").replace(
        'dateGenerated="2026-02-27', f'dateGenerated="{date}'
    )
    listings = list(_LISTING.finditer(text))
    for m in reversed(listings[len(listings) - drop :] if drop else []):
        text = text[: m.start()] + text[m.end() :]
    if copies:
        first = next(m for m in listings if m[1] == "INDIVIDUAL")[0]
        extra = "".join(
            first.replace("QDi.101", f"QDi.{9000 + i}").replace("9000101", str(8000000 + i))
            for i in range(copies)
        )
        text = text.replace("</INDIVIDUALS>", extra + "</INDIVIDUALS>", 1)
    path = tmp_path / f"{date}{tag}" / "consolidated.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def job(path: Path) -> Job:
    [j] = plan([path])
    return j


def active_date(home: Path) -> str:
    with Store(home) as store:
        return store.active_publications()["un_sc"].published[:10]


# -- 1. the load race ------------------------------------------------------------------


@pytest.mark.parametrize("first", ["newer", "older"])
def test_racing_loads_never_activate_the_older(tmp_path: Path, first: str) -> None:
    """``load 2024-05-03 & load 2023-12-28`` into a home holding 2022-12-28: both
    read their files while a third process holds the write lock; whoever gets it
    first, the newer publication ends up active and the older is refused."""
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2022-12-28")))
    files = {
        "newer": un_file(tmp_path, "2024-05-03"),
        "older": un_file(tmp_path, "2023-12-28"),
    }
    outcome: dict[str, str] = {}
    lock = sqlite3.connect(home / "thaw.db", isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")

    def run(name: str) -> None:
        with Store(home) as store:
            try:
                outcome[name] = load(store, job(files[name])).status
            except LoadError as exc:
                outcome[name] = str(exc)

    order = ["newer", "older"] if first == "newer" else ["older", "newer"]
    threads = [threading.Thread(target=run, args=(n,)) for n in order]
    for t in threads:
        t.start()
        time.sleep(0.05)
    time.sleep(0.3)  # both have read their file and wait for the lock
    lock.execute("COMMIT")
    lock.close()
    for t in threads:
        t.join(30)
    assert outcome["newer"] == "loaded", outcome
    assert outcome["older"] == "loaded" or "older than the active" in outcome["older"]
    assert active_date(home) == "2024-05-03"


def test_reload_activates_a_stored_newer_publication(tmp_path: Path) -> None:
    """The state an older thaw's race left: 2024-05-03 stored but 2023-12-28
    active. Loading 2024-05-03 again activated nothing ("unchanged"); now it
    activates it."""
    home = tmp_path / "home"
    newer = un_file(tmp_path, "2024-05-03")
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2023-12-28")))
        read = read_job(job(newer))
        store.add_encoded(
            source="un_sc",
            format=read.format,
            published=read.published or "2024-05-03",
            date_basis="in-file",
            sha256=read.sha256,
            files=["consolidated.xml"],
            entries=read.entries,
            activate=False,
        )
        assert store.active_publications()["un_sc"].published[:10] == "2023-12-28"
        result = load(store, job(newer))
        assert result.status == "loaded" and "activated now" in result.notes[0]
        assert store.active_publications()["un_sc"].published[:10] == "2024-05-03"
        assert load(store, job(newer)).status == "unchanged"


# -- 3. reads without the write lock ---------------------------------------------------


def test_opening_does_not_write(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2026-02-27")))
    lock = sqlite3.connect(home / "thaw.db", isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # a load holds the write lock
    try:
        began = time.perf_counter()
        for readonly in (False, True):
            with Store(home, readonly=readonly) as store:
                assert store.readonly is readonly
                assert store.active_publications()["un_sc"].record_count == 20
                assert store.get("un_sc", "QDi.101") is not None
        assert time.perf_counter() - began < 2.0  # nobody waited for the lock
    finally:
        lock.execute("ROLLBACK")
        lock.close()


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2026-02-27")))
    with Store(home, readonly=True) as store:
        with pytest.raises(LoadError, match="read-only"):
            load(store, job(un_file(tmp_path, "2026-03-27")))


def test_readonly_on_a_missing_store_creates_it(tmp_path: Path) -> None:
    """No database yet: reading commands say "no lists loaded" as before."""
    with Store(tmp_path / "new", readonly=True) as store:
        assert not store.readonly and store.sources() == []


# -- 4. disk full ----------------------------------------------------------------------


def test_disk_full_during_commit_says_so(tmp_path: Path) -> None:
    """SQLite's "database or disk is full" used to surface as "cannot rollback - no
    transaction is active"; now the error names the disk and the file, and the
    active publication is untouched."""
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2026-02-27")))
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
        with pytest.raises(LoadError) as caught:
            load(store, job(un_file(tmp_path, "2026-03-27", copies=200)))
        message = str(caught.value)
        assert "is full" in message and str(home / "thaw.db") in message, message
        assert "cannot rollback" not in message
        assert "nothing was changed" in message
        assert not store.db.in_transaction
    assert active_date(home) == "2026-02-27"


def test_index_that_cannot_be_saved_is_used_from_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2026-02-27")))

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("thaw.index.storage.pickle.dump", full)
        with caplog.at_level(logging.WARNING):
            index = storage.ensure_index(store)
        assert len(index) == 20
        assert "the disk is full" in caplog.text and "built in memory" in caplog.text
        assert not list((home / "index").glob("*"))  # no partial file left
        monkeypatch.undo()  # space returns: the next command saves it
        storage.ensure_index(store)
        assert storage.index_path(store).is_file()


def test_building_file_of_a_killed_process_is_removed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2026-02-27")))
        folder = home / "index"
        folder.mkdir()
        dead = _dead_pid()
        orphan = folder / f".building-{dead}-abc.pickle"
        orphan.write_bytes(b"half")
        mine = folder / f".building-{os.getpid()}-xyz.pickle"
        mine.write_bytes(b"in progress")
        storage.ensure_index(store, rebuild=True)
        assert not orphan.exists() and mine.exists()


def _dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


# -- 2. plausibility: removals, same date, growth -------------------------------------


def test_limits_cover_every_real_ofac_removal() -> None:
    """The limits are above the worst removal seen between any two of the 308 OFAC
    versions (module docs of thaw.store.limits): 150 of 9,158 in one scrape, 468
    (5.1 %) within a year, 879 (9.7 %) in 2.7 years."""
    sdn = limits_of("us_ofac_sdn")
    assert sdn.max_removed(9158, 1) > 150
    assert sdn.max_removed(9158, 365) > 468
    assert sdn.max_removed(9083, 985) > 879
    # ... and below the truncated 2024-05-03 file of the issue: 856 of 13,821 removed
    # 127 days after the active 2023-12-28
    assert sdn.max_removed(13821, days_between("2023-12-28", "2024-05-03")) < 856
    assert sdn.max_count(9083, 985) > 14965
    assert limits_of("un_sc").max_count(1003, 30) < 1_000_000


def test_too_many_removals_refused_unless_forced(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2026-02-27")))
        assert load(store, job(un_file(tmp_path, "2026-03-27", drop=1))).status == "loaded"
        cut = un_file(tmp_path, "2026-04-27", drop=8)
        with pytest.raises(LoadError, match=r"removes 7 listings \(un_sc:.*more than a real"):
            load(store, job(cut))
        assert store.active_publications()["un_sc"].record_count == 19
        # --max-drop: the flat rule instead of the per-source limits
        assert load(store, job(cut), max_drop=0.5).status == "loaded"
        deeper = un_file(tmp_path, "2026-05-27", drop=15)
        with pytest.raises(LoadError, match="down more than 50%"):
            load(store, job(deeper), max_drop=0.5)
        assert load(store, job(deeper), force=True).status == "loaded"


def test_listings_vanishing_without_a_newer_date_refused(tmp_path: Path) -> None:
    """A damaged copy of the same publication (a chunk deleted across rows): one
    listing fewer, same date."""
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2026-02-27")))
        damaged = un_file(tmp_path, "2026-02-27", drop=1, tag="-copy")
        with pytest.raises(LoadError, match=r"1 listings vanish \(un_sc:.*does not move forward"):
            load(store, job(damaged))
        assert store.active_publications()["un_sc"].record_count == 20


def test_implausible_growth_refused_unless_forced(tmp_path: Path) -> None:
    """The 1,000,000-record UN list of the issue, in small: 20 → 560 listings."""
    home = tmp_path / "home"
    with Store(home) as store:
        load(store, job(un_file(tmp_path, "2026-02-27")))
        grown = un_file(tmp_path, "2026-03-27", copies=540)
        with pytest.raises(LoadError, match="more growth than a real un_sc publication"):
            load(store, job(grown))
        assert load(store, job(grown), force=True).status == "loaded"


def test_first_publication_bounded_per_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(LIMITS, "un_sc", Plausibility(max_records=10))
    with Store(tmp_path / "home") as store:
        with pytest.raises(LoadError, match="more than a un_sc publication plausibly holds"):
            load(store, job(un_file(tmp_path, "2026-02-27")))
        assert store.publications() == []
