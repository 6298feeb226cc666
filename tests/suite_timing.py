"""A pytest plugin that records where the suite's time goes (``benchmarks/suite.py``).

Loaded with ``-p tests.suite_timing`` and active only while ``THAW_SUITE_TIMES``
names a folder. For every test it writes one JSON line to
``$THAW_SUITE_TIMES/<worker>.jsonl`` with, for each phase (``setup``, ``call``,
``teardown``):

* ``wall``: seconds on the clock;
* ``cpu``: CPU seconds (user + system) of the pytest process itself;
* ``child``: CPU seconds of the child processes reaped during the phase (``thaw``
  commands run as subprocesses, ``thaw serve`` when it is stopped, the Spark JVM
  when its session ends);

and ``start`` and ``end``, the epoch times at which its set-up began and its
tear-down ended (``benchmarks/suite.py`` draws each worker's timeline from them).

A phase's wall time well above its CPU time is waiting: on a lock held by another
worker (:func:`tests.conftest.built_once`), on a server, a browser or a sleep.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Generator
from pathlib import Path
from typing import IO, Any

import pytest

ENV = "THAW_SUITE_TIMES"

_RECORDS: dict[str, dict[str, Any]] = {}
_OUT: list[IO[str]] = []


def _clock() -> tuple[float, float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        time.perf_counter(),
        own.ru_utime + own.ru_stime,
        children.ru_utime + children.ru_stime,
    )


def _timed(item: pytest.Item, phase: str) -> Generator[None, None, None]:
    began = time.time()
    before = _clock()
    yield
    after = _clock()
    record = _RECORDS.setdefault(item.nodeid, {"file": item.nodeid.split("::")[0]})
    if phase == "setup":
        record["start"] = round(began, 4)
    elif phase == "teardown":
        record["end"] = round(time.time(), 4)
    record[phase] = {
        "wall": round(after[0] - before[0], 4),
        "cpu": round(after[1] - before[1], 4),
        "child": round(after[2] - before[2], 4),
    }


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    yield from _timed(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    yield from _timed(item, "call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    yield from _timed(item, "teardown")


def pytest_runtest_logfinish(nodeid: str) -> None:
    folder = os.environ.get(ENV)
    record = _RECORDS.pop(nodeid, None)
    if not folder or record is None:
        return
    if not _OUT:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        _OUT.append((Path(folder) / f"{worker}.jsonl").open("a", encoding="utf-8"))
    record["test"] = nodeid
    record["worker"] = os.environ.get("PYTEST_XDIST_WORKER", "main")
    _OUT[0].write(json.dumps(record) + "\n")
    _OUT[0].flush()
