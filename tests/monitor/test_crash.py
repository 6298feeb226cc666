"""``kill -9`` of a re-screening process, while it screens and inside its write
transaction (the process pauses at that point and is killed there, so the kill
cannot miss it): after a restart no event is lost or recorded twice, and the
alerts equal a full re-screen."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import publish
from thaw.index import ensure_index
from thaw.model import Name, Record
from thaw.monitor import Monitor, RowData
from thaw.store import Store

FIRST = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Galina", "Hassan", "Irina", "Jamal"]
SYLLABLES = ["ka", "lo", "mi", "ra", "zu", "te", "vo", "shi", "an", "el"]


def _word(i: int) -> str:
    return "".join(SYLLABLES[int(d)] for d in f"{i:04d}").capitalize()


def _name(i: int) -> str:
    """Distinct made-up names: a common first name and a unique family name."""
    return f"{FIRST[i % 10]} {_word(i)}"


def _records(n: int, shift: int) -> list[Record]:
    out = []
    for i in range(n):
        if (i + shift) % 7 == 0:
            continue  # not listed in this publication
        record = Record("us_ofac_sdn", str(i), "Person", names=[Name(_name(i))], programs=["SDGT"])
        if (i + shift) % 5 == 0:
            record.names.append(Name(f"{FIRST[(i + 1) % 10]} {_word(i)}", "alias"))
        out.append(record)
    return out


STEP = """
import sys, time
from pathlib import Path
from thaw.monitor import Monitor
from thaw.store import Store
from thaw.store.portfolios import PortfolioStore

home, where, marker = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])


def pausing(cls, name):
    original = getattr(cls, name)

    def paused(self, *args, **kwargs):
        if name == where:  # the parent test kills this process here
            marker.write_text(name)
            time.sleep(120)
        return original(self, *args, **kwargs)

    setattr(cls, name, paused)


pausing(Monitor, "_advance_rows")  # re-screening the rows the change reaches
pausing(PortfolioStore, "_record_events")  # inside the write: alerts written, not committed
with Store(home) as store, Monitor(store, workers=1, decisions=False, profiles=False) as m:
    m.advance("p")
"""


def _event_ids(home: Path) -> list[str]:
    with Store(home) as store, Monitor(store, decisions=False, profiles=False) as m:
        return [e.id for e in m.portfolios.events("p")]


def _alerts(home: Path) -> dict[tuple[str, str, str], float]:
    with Store(home) as store, Monitor(store, decisions=False, profiles=False) as m:
        return m.stored_alerts("p")


def _step(
    home: Path, where: str = "nowhere", marker: Path | None = None
) -> subprocess.Popen[bytes]:
    marker = marker or home / "marker"
    return subprocess.Popen([sys.executable, "-c", STEP, str(home), where, str(marker)])


def _kill_at(home: Path, where: str) -> None:
    """Start the step, ``kill -9`` it once it reached ``where``."""
    marker = home.parent / f"reached-{where}"
    marker.unlink(missing_ok=True)
    proc = _step(home, where, marker)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, "the step ended before it reached " + where
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL


def test_kill_9_during_rescreening_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        first = publish(store, "us_ofac_sdn", _records(2000, 0), "2024-01-01")
        publish(store, "us_ofac_sdn", _records(2000, 3), "2024-01-02")
        ensure_index(store)
        rows = [
            (f"c{i}", RowData(_name(i) if i % 2 else f"{FIRST[(i + 1) % 10]} {_word(i)}", "Person"))
            for i in range(0, 2000, 2)
        ]
        with Monitor(store, workers=1, decisions=False, profiles=False) as monitor:
            monitor.add("p", rows, targets={"us_ofac_sdn": first})
    reference = tmp_path / "reference"
    shutil.copytree(home, reference)
    assert _step(reference).wait() == 0
    expected = _event_ids(reference)
    assert len(expected) > 50
    before = _alerts(home)
    assert before != _alerts(reference)
    # killed while re-screening, then inside the step's write transaction (its
    # alerts written, its events being written): each time nothing of the step stays
    for where in ("_advance_rows", "_record_events", "_advance_rows"):
        _kill_at(home, where)
        assert _event_ids(home) == []
        assert _alerts(home) == before
    assert _step(home).wait() == 0
    assert _event_ids(home) == expected
    with Store(home) as store, Monitor(store, workers=1, decisions=False, profiles=False) as m:
        assert m.stored_alerts("p") == m.full_alerts("p") == _alerts(reference)
