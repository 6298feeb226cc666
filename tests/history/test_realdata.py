"""Change reports on the real publications agree with independently counted diffs
(see ../shared/data/lists/MANIFEST.md). Each test skips, saying so, while the reader
for its source is missing, and runs once it exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from thaw.history import changes, compare
from thaw.sources import plan, source_names
from thaw.store import Store, load
from thaw.store.bulk import load_series

pytestmark = pytest.mark.realdata


def _need(source: str) -> None:
    if source not in source_names():
        pytest.skip(f"no reader for {source} yet: this diff test runs once it exists")


def _load(store: Store, *paths: Path, source: str) -> None:
    for path in paths:
        [job] = plan([path], source=source)
        load(store, job, force=True, history=True)


def test_ofac_sdn_2022_02_26_to_28(lists_dir: Path, store: Store) -> None:
    _need("us_ofac_sdn")
    base = lists_dir / "us_ofac"
    _load(
        store,
        base / "2022-02-26" / "sdn.csv",
        base / "2022-02-28" / "sdn.csv",
        source="us_ofac_sdn",
    )
    [report] = changes(store, "us_ofac_sdn")
    assert report.old is not None and report.old.published == "2022-02-26"
    assert len(report.removed) == 0
    captions = sorted(c.caption for c in report.added)
    assert len(captions) == 4
    assert "DMITRIEV, Kirill Aleksandrovich" in captions
    assert "RUSSIAN DIRECT INVESTMENT FUND" in captions
    assert sum("MANAGEMENT COMPANY" in c for c in captions) == 2
    assert all("RUSSIA-EO14024" in c.programs for c in report.added)


def test_ofac_sdn_2023_12_28_to_2024_05_03(lists_dir: Path, store: Store) -> None:
    _need("us_ofac_sdn")
    base = lists_dir / "us_ofac"
    _load(
        store,
        base / "2023-12-28" / "sdn.csv",
        base / "2024-05-03" / "sdn.csv",
        source="us_ofac_sdn",
    )
    [report] = changes(store, "us_ofac_sdn", since="2023-12-28", until="2024-05-03")
    assert (len(report.added), len(report.removed)) == (1256, 112)
    assert report.amended  # amendments are reported with field-level changes
    assert all(c.changes for c in report.amended)


def test_un_2025_04_19_to_2026_02_27(lists_dir: Path, store: Store) -> None:
    _need("un_sc")
    base = lists_dir / "un_sc"
    _load(
        store,
        base / "2025-04-19" / "consolidated.xml",
        base / "2026-02-27" / "consolidated.xml",
        source="un_sc",
    )
    [report] = changes(store, "un_sc")
    assert (len(report.added), len(report.removed)) == (130, 4)


def test_ofsi_2023_06_05_to_2025_04_14(lists_dir: Path, store: Store) -> None:
    _need("uk_ofsi")
    base = lists_dir / "uk_hmt_ofsi"
    _load(
        store,
        base / "2023-06-05" / "ConList.xlsx",
        base / "2025-04-14" / "ConList.xlsx",
        source="uk_ofsi",
    )
    [report] = changes(store, "uk_ofsi", since="2023-06-05", until="2025-04-14")
    assert (len(report.added), len(report.removed)) == (826, 131)


def test_series_slice_matches_loose_copies(lists_dir: Path, store: Store) -> None:
    _need("us_ofac_sdn")
    archive = lists_dir / "us_ofac" / "2021-08-18_to_2024-05-03" / "sdn_csv_history.tar.xz"
    result = load_series(store, archive, since="2022-02-26", until="2022-02-28", workers=1)
    assert [i.published for i in result.items] == ["2022-02-26T01:42:01Z", "2022-02-28T12:59:47Z"]
    assert result.count("loaded") == 2
    old, new = store.publications("us_ofac_sdn")
    report = compare(store, old, new)
    assert (len(report.added), len(report.removed)) == (4, 0)
    # the loose copies are the same files: loading them again changes nothing
    base = lists_dir / "us_ofac"
    for day in ("2022-02-26", "2022-02-28"):
        [job] = plan([base / day / "sdn.csv"])
        assert load(store, job, history=True).status == "unchanged"
