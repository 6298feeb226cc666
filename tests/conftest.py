"""Shared fixtures: an isolated store, the path to the real publications; and how
the suite is spread over pytest-xdist's workers (see :func:`pytest_configure`)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


SLOW_FILES = (
    # one Spark session (a JVM and its Python workers) for all of tests/spark
    # (GROUPS); the real-data file last, once the pre-build has made real_home
    "tests/spark/test_screen.py",
    "tests/spark/test_index_file.py",
    "tests/spark/test_monitor.py",
    "tests/spark/test_cli.py",
    "tests/spark/test_decisions.py",
    "tests/spark/test_realdata.py",
    # no real-data home: these run while the pre-build makes them
    "tests/api/test_decisions_audit.py",
    "tests/api/test_ownership.py",
    "tests/monitor/test_crash.py",
    "tests/test_kill.py",
    # on real_home
    "tests/match/test_screening_real.py",
    "tests/store/test_limits_realdata.py",
    "tests/monitor/test_realdata.py",
    # on real_profiles_home, built after real_home
    "tests/web/test_pages.py",
    "tests/ownership/test_zala.py",
    "tests/profiles/test_realdata.py",
    "tests/whatif/test_acceptance_real.py",
    "tests/update/test_offline.py",
    "tests/api/test_limits.py",
    "tests/sources/test_all_publications.py",
    "tests/api/test_reconcile.py",
    "tests/api/test_service.py",
    "tests/sources/test_ofac_realdata.py",
    "tests/fuzz/test_fuzz.py",
    "tests/api/test_match.py",
    "tests/cli/test_entity.py",
    "tests/api/test_monitor_routes.py",
    "tests/cli/test_bad_input.py",
    "tests/api/test_reload.py",
    "tests/history/test_realdata.py",
    "tests/web/test_routes.py",
    "tests/cli/test_readonly.py",
    "tests/api/test_smoke.py",
)
"""The test files that take longest, longest first (as measured by
``benchmarks/suite.py``, which prints the current ranking). Under pytest-xdist
they are handed out first, and the many short files fill in at the end, so that
the workers finish together; files not named here keep their usual order."""

GROUPS = ("tests/spark/",)
"""Folders whose files pytest-xdist hands to one worker together, as one unit
(:func:`pytest_xdist_make_scheduler`): every file of ``tests/spark`` shares the
session-scoped Spark session of its worker, and each session costs a JVM start
and a pool of Python workers that import thaw (some 10 CPU-s and more), so two
workers running Spark files paid for two."""


def work_unit(nodeid: str) -> str:
    """The unit of work pytest-xdist hands out whole for the test ``nodeid``: its
    file, or the folder of :data:`GROUPS` holding it."""
    path = nodeid.split("::", 1)[0]
    return next((group for group in GROUPS if path.startswith(group)), path)


def pytest_configure(config: pytest.Config) -> None:
    # pytest-xdist's --dist loadfile hands out the files with the most tests first
    # (--loadscope-reorder, its default): files of one slow test then came last and
    # one worker ran them while the other idled. The order is SLOW_FILES' instead.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadfile``, except that the files under each of :data:`GROUPS`
    form one unit of work (pytest-xdist's own scheduler, with its grouping)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class GroupedFileScheduling(LoadFileScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return GroupedFileScheduling(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist, put the :data:`SLOW_FILES` first (a stable sort: each
    file's tests stay together and in order)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    rank = {name: n for n, name in enumerate(SLOW_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


_PREBUILD: list[subprocess.Popen[bytes]] = []


def _prebuild_wanted(config: pytest.Config) -> bool:
    """Whether this process should start the pre-build: the controller of a
    pytest-xdist run of the whole suite (no paths, ``-m`` or ``-k``) with the shared
    publications present, unless ``THAW_PREBUILD=0``."""
    if os.environ.get("THAW_PREBUILD", "1") == "0" or hasattr(config, "workerinput"):
        return False
    if not config.getoption("numprocesses", None) or not LISTS.is_dir():
        return False
    whole = config.args_source == pytest.Config.ArgsSource.TESTPATHS
    return whole and not config.option.markexpr and not config.option.keyword


def pytest_sessionstart(session: pytest.Session) -> None:
    """Start building the real-data homes in a process of its own as the run
    starts (``tests/prebuild.py``), while the workers run tests that do not need
    them; a worker that needs one before it is ready waits on its lock
    (:func:`built_once`). Without it, one worker built them while the other, as
    soon as it needed them too, sat idle."""
    config = session.config
    if not _prebuild_wanted(config):
        return
    # the run's folder, the parent of the workers' (pytest-xdist's own workermanage
    # reads it the same way)
    root: Path = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    log = (root / "prebuild.log").open("wb")
    _PREBUILD.append(
        subprocess.Popen(
            [sys.executable, "-m", "tests.prebuild", str(root)],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    )
    log.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    for process in _PREBUILD:  # done by now, unless the run was cut short
        if process.poll() is None:
            process.terminate()
        process.wait()


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
    only read: a test that writes takes a :func:`copy_home`.

    While developing, ``THAW_TEST_HOMES=FOLDER`` keeps them in ``FOLDER`` from one
    run to the next (delete it when the code that builds them changes)."""
    if os.environ.get("THAW_TEST_HOMES"):  # kept between runs, while developing
        root = Path(os.environ["THAW_TEST_HOMES"])
        root.mkdir(parents=True, exist_ok=True)
        return build_at(root, name, build)
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, common to the workers
    return build_at(root, name, build)


def build_at(root: Path, name: str, build: Callable[[Path], None]) -> Path:
    """``root / name``, made by ``build`` unless already built, under a file lock
    (:func:`built_once`; also used by the pre-build, ``tests/prebuild.py``)."""
    target = root / name
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / ".built").exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            build(target)
            (target / ".built").touch()
    return target


def build_real_home(home: Path, lists: Path = LISTS) -> None:
    """Load the newest real publication of every source (:data:`NEWEST`) into
    ``home`` and build its index (the content of :func:`real_home`)."""
    from thaw.index import ensure_index
    from thaw.sources import plan
    from thaw.store import load

    with Store(home) as store:
        for job in plan([lists / name for name in NEWEST]):
            load(store, job)
        ensure_index(store)


def build_real_profiles_home(home: Path, real_home: Path) -> None:
    """A copy of ``real_home`` with the cross-authority profiles built (the
    content of :func:`real_profiles_home`)."""
    from thaw.profiles import Profiles

    copy_home(real_home, home)
    with Store(home) as store:
        # in this process: the suite keeps both cores busy, and a pool of forked
        # workers only adds its own cost (some 3 CPU-s here)
        Profiles(store, workers=1).rebuild()


@pytest.fixture(scope="session")
def real_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store home holding the newest real publication of every source, loaded
    once per test run (read-only for tests: copy it if you need to write)."""
    lists = require_shared()
    return built_once(tmp_path_factory, "real-home", lambda home: build_real_home(home, lists))


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
    return built_once(
        tmp_path_factory,
        "real-profiles-home",
        lambda home: build_real_profiles_home(home, real_home),
    )
