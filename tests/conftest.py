"""Shared fixtures: an isolated store, the path to the real publications."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from thaw.model import Record
from thaw.store import PublicationRow, Store

if os.environ.get("PYTEST_XDIST_WORKER"):
    # pytest-xdist starts its workers with COLUMNS=80 and LINES=24, and rich fixes a
    # console's width from COLUMNS when the console is made (thaw's, at import): the
    # tests expect the width of a pipe, as in a run without workers
    for _name in ("COLUMNS", "LINES"):
        os.environ.pop(_name, None)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
LISTS = SHARED / "lists"
BENCH = SHARED / "bench"


_CURRENT: dict[str, object] = {"test": None, "realdata": True}
"""The test being set up or run, and whether it carries the ``realdata`` marker
(kept by :func:`pytest_runtest_setup` for :func:`require_shared`)."""


def pytest_runtest_setup(item: pytest.Item) -> None:
    _CURRENT["test"] = item.nodeid
    _CURRENT["realdata"] = item.get_closest_marker("realdata") is not None


def require_shared() -> Path:
    """The official publications folder; skip (clearly) where it is absent, fail
    in CI, where it must be present. A test that reads ../shared without the
    ``realdata`` marker fails here, so that ``-m "not realdata"`` stays honest."""
    if not _CURRENT["realdata"]:
        pytest.fail(f"{_CURRENT['test']} reads ../shared: mark it @pytest.mark.realdata")
    if LISTS.is_dir():
        return LISTS
    if os.environ.get("CI"):
        pytest.fail(f"CI must have the shared publications at {LISTS}")
    pytest.skip(f"shared publications not found at {LISTS}")


def publish(
    store: Store,
    source: str,
    records: list[Record],
    published: str = "2024-01-01",
    *,
    activate: bool = True,
    date_basis: str = "in-file",
) -> PublicationRow:
    """Store ``records`` as a publication of ``source`` without a reader (tests
    that build their store from :class:`Record` objects). The digest depends on
    the content, so the same records twice are the same publication."""
    digest = hashlib.sha256(
        (source + published + "".join(r.to_json() for r in records)).encode()
    ).hexdigest()
    return store.add_publication(
        source=source,
        format="test",
        published=published,
        date_basis=date_basis,
        sha256=digest,
        files=["test"],
        records=records,
        activate=activate,
    )


@pytest.fixture
def lists_dir() -> Path:
    return require_shared()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "home") as s:
        yield s


NEWEST = (
    "us_ofac/2024-05-03/sdn.csv",
    "us_ofac/2025-12-19/cons_prim.csv",
    "un_sc/2026-02-27/consolidated.xml",
    "uk_hmt_ofsi/2025-04-14/ConList.xlsx",
    "ca_gac/2025-05-25/sema-lema.xml",
    "au_dfat/2024-11-11/regulation8_consolidated.xlsx",
    "us_trade_csl/2022-05-16/consolidated.csv.gz",
    "us_bis/2023-11-30/dpl.txt",
)
"""The newest publication of every source held in ../shared (files relative to LISTS)."""


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """The folder ``name``, made by ``build(folder)`` once per test run and shared
    by every pytest-xdist worker (the first to get the lock builds it, the others
    wait for it and use the same folder). For expensive session fixtures that tests
    only read: a test that writes takes a :func:`copy_home`."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, common to the workers
    target = root / name
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / ".built").exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            build(target)
            (target / ".built").touch()
    return target


@pytest.fixture(scope="session")
def real_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store home holding the newest real publication of every source, loaded
    once per test run (read-only for tests: copy it if you need to write)."""
    lists = require_shared()

    def build(home: Path) -> None:
        from thaw.sources import plan
        from thaw.store import load

        with Store(home) as store:
            for job in plan([lists / name for name in NEWEST]):
                load(store, job)
            try:
                from thaw.index import ensure_index
            except ImportError:  # pragma: no cover - index not built in this checkout
                pass
            else:
                ensure_index(store)

    return built_once(tmp_path_factory, "real-home", build)


def copy_home(source: Path, target: Path) -> Path:
    """A writable copy of the store home ``source`` at ``target``: the database
    through SQLite's backup (consistent even in WAL mode) and the cached index."""
    target.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source / "thaw.db")
    dst = sqlite3.connect(target / "thaw.db")
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    if (source / "index").is_dir():
        shutil.copytree(source / "index", target / "index", dirs_exist_ok=True)
    return target


@pytest.fixture(scope="session")
def real_profiles_home(real_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """:func:`real_home` with the cross-authority profiles built, once per run
    (building them is the slowest set-up of the suite; read-only for tests: take a
    :func:`copy_home` to write)."""

    def build(home: Path) -> None:
        from thaw.profiles import Profiles

        copy_home(real_home, home)
        with Store(home) as store:
            Profiles(store).rebuild()

    return built_once(tmp_path_factory, "real-profiles-home", build)
