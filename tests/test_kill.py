"""``kill -9`` during load, update, a history load and an index build (issue 17):
the store stays consistent, no worker is orphaned, no temporary file is left once
the command has run again. A few trials on fixtures; ``benchmarks/killtest.py`` runs
50 on the real lists."""

from __future__ import annotations

import io
import random
import tarfile
from pathlib import Path

import pytest

from tests.cli._cli import UN_BASE, ok
from tests.killharness import Operation, trial
from tests.update._http import Server

OFAC_CSV = Path(__file__).resolve().parent / "fixtures" / "ofac" / "csv"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Operation]]:
    root = tmp_path_factory.mktemp("kill")
    base = root / "base"
    ok("load", "--home", base, UN_BASE)
    newer = root / "lists" / "un_sc" / "2026-03-27" / "consolidated.xml"
    newer.parent.mkdir(parents=True)
    newer.write_text(
        UN_BASE.read_text(encoding="utf-8")
        .replace('dateGenerated="2026-02-27', 'dateGenerated="2026-03-27')
        .replace("Andrey Volkov", "Andrei Volkov"),
        encoding="utf-8",
    )
    sdn = (OFAC_CSV / "sdn.csv").read_bytes()
    archive = root / "sdn_csv_history.tar.xz"
    with tarfile.open(archive, "w:xz") as tf:
        for day in range(1, 7):
            data = sdn.replace(b"MAHAN AIR", f"MAHAN AIR {day}".encode())
            info = tarfile.TarInfo(f"h/sdn_202401{day:02d}T120000_{day:03d}.csv")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    ops = {
        "load": Operation("load", ("load", "--home", "{home}", str(newer)), 6.0),
        "update": Operation("update", ("update", "--from", str(root / "lists")), 6.0),
        "history": Operation("history", ("load", "--home", "{home}", str(archive)), 6.0),
        "index": Operation(
            "index", ("screen", "Andrey Volkov", "--home", "{home}"), 5.0, prepare_index=True
        ),
    }
    return base, ops


@pytest.mark.parametrize("name", ["load", "update", "history", "index"])
def test_kill_nine(setup: tuple[Path, dict[str, Operation]], tmp_path: Path, name: str) -> None:
    base, ops = setup
    rng = random.Random(f"kill-{name}")
    for n in range(1):
        result = trial(base, tmp_path / f"t{n}", ops[name], rng)
        assert result.orphans == 0, result
        assert result.inconsistent == [], result
        assert result.rerun_ok, result.rerun_output
        assert result.leftovers == [], result


def test_kill_nine_during_a_download(
    setup: tuple[Path, dict[str, Operation]], tmp_path: Path
) -> None:
    """``thaw update`` killed while a download is half-way into its staging folder
    (``<home>/downloads/.staging``): the next update sweeps the folder and loads."""
    base, _ = setup
    newer = UN_BASE.read_bytes().replace(b'dateGenerated="2026-02-27', b'dateGenerated="2026-03-27')
    server = Server()
    server.serve("/m/un_sc/consolidated.xml", newer, stall=1.0)
    server.thread.start()
    try:
        op = Operation(
            "update online",
            ("update", "un_sc", "--base-url", f"{server.url}/m", "--home", "{home}"),
            60.0,
            kill_when="downloads/.staging/thaw-stage-*/undated/*.part",
        )
        result = trial(base, tmp_path / "t", op, random.Random(17))
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
    assert not result.finished_first, "the kill did not land during the download"
    assert result.orphans == 0 and result.inconsistent == [], result
    assert result.rerun_ok, result.rerun_output
    assert "loaded" in result.rerun_output
    assert result.leftovers == [], result
