"""``kill -9`` of a re-screening process: after a restart no event is lost or
recorded twice, and the alerts equal a full re-screen."""

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
import sys
from pathlib import Path
from thaw.monitor import Monitor
from thaw.store import Store
with Store(Path(sys.argv[1])) as store, Monitor(store, workers=1, decisions=False, profiles=False) as m:
    m.advance("p")
"""


def _event_ids(home: Path) -> list[str]:
    with Store(home) as store, Monitor(store, decisions=False, profiles=False) as m:
        return [e.id for e in m.portfolios.events("p")]


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
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", STEP, str(reference)], check=True)
    duration = time.perf_counter() - began
    expected = _event_ids(reference)
    assert len(expected) > 50
    killed = 0
    for fraction in (0.3, 0.6, 0.85):
        proc = subprocess.Popen([sys.executable, "-c", STEP, str(home)])
        time.sleep(duration * fraction)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        recorded = _event_ids(home)
        assert recorded in ([], expected)  # all of the step or nothing of it
    subprocess.run([sys.executable, "-c", STEP, str(home)], check=True)
    assert _event_ids(home) == expected
    assert killed >= 1
    with Store(home) as store, Monitor(store, workers=1, decisions=False, profiles=False) as m:
        assert m.stored_alerts("p") == m.full_alerts("p")
