"""Series import: dating members, order, safe loading as history, refusals."""

from __future__ import annotations

import csv
import hashlib
import io
import tarfile
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from thaw.model import Name, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError
from thaw.store import Store
from thaw.store.bulk import (
    find_index,
    is_series_archive,
    is_series_index,
    load_series,
    read_index,
)


class _SeriesLines(Reader):
    """Test format: 'SERIESTEST', then 'id|name' per line; no date in the file."""

    source = "series_test"
    format = "lines"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return head.startswith(b"SERIESTEST")

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        lines = path.read_text().splitlines()

        def records() -> Iterator[Record]:
            for n, line in enumerate(lines[1:], start=2):
                if "|" not in line:
                    raise SourceError(path, "missing '|'", f"line {n}")
                sid, name = line.split("|", 1)
                yield Record(self.source, sid, "Person", names=[Name(name)])

        return Publication(PublicationInfo(self.source, self.format), records())


def _content(rows: dict[str, str]) -> bytes:
    return ("SERIESTEST\n" + "".join(f"{k}|{v}\n" for k, v in rows.items())).encode()


SNAPSHOTS = {
    # member name → rows; tar order deliberately not date order
    "hist/list_20240301T120000_ccc.txt": {"1": "ONE", "3": "THREE", "4": "FOUR"},
    "hist/list_20240101T080000_aaa.txt": {"1": "ONE", "2": "TWO", "3": "THREE"},
    "hist/list_20240201T080000_bbb.txt": {"1": "ONE (amended)", "2": "TWO", "3": "THREE"},
}


def _tar(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:xz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


def _index(path: Path, members: dict[str, bytes], bad: str | None = None) -> Path:
    with open(path, "w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["member", "scraped_utc", "sha256"])
        for name, data in members.items():
            stamp = name.split("_")[1]
            when = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:00Z"
            digest = hashlib.sha256(data + (b"x" if name == bad else b"")).hexdigest()
            out.writerow([name, when, digest])
    return path


def _members() -> dict[str, bytes]:
    return {name: _content(rows) for name, rows in SNAPSHOTS.items()}


@pytest.mark.parametrize("workers", [1, 2])
def test_series_with_index(store: Store, tmp_path: Path, workers: int) -> None:
    members = _members()
    archive = _tar(tmp_path / "hist.tar.xz", members)
    index = _index(tmp_path / "hist_index.csv", members)
    assert is_series_archive(archive) and is_series_index(index)
    assert find_index(archive) == index
    result = load_series(store, archive, workers=workers)
    assert [i.published for i in result.items] == [
        "2024-01-01T08:00:00Z",
        "2024-02-01T08:00:00Z",
        "2024-03-01T12:00:00Z",
    ]
    assert result.count("loaded") == 3 and result.count("refused") == 0
    pubs = store.publications("series_test")
    assert [p.record_count for p in pubs] == [3, 3, 3]
    assert all(p.files == ["list.txt"] for p in pubs)
    assert store.active_publications()["series_test"].published == "2024-03-01T12:00:00Z"
    spans = store.spans("series_test", "1")
    assert [(s[0], s[1]) for s in spans] == [(1, 1), (2, 2), (3, None)]
    # a second run recognises every member and parses nothing
    again = load_series(store, archive, workers=workers)
    assert again.count("unchanged") == 3


@pytest.mark.parametrize("workers", [1, 2])
def test_series_stored_by_an_older_reader_is_reread(
    store: Store, tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A member stored by another reader version is read again and stored in place,
    as a single load of the same files is: not skipped, and no amendment made."""
    archive = _tar(tmp_path / "hist.tar.xz", _members())
    with monkeypatch.context() as old:
        old.setattr(_SeriesLines, "version", _SeriesLines.version - 1)
        assert load_series(store, archive, workers=workers).count("loaded") == 3
    spans = store.spans("series_test", "1")
    again = load_series(store, archive, workers=workers)
    assert again.count("reread") == 3, [i.result and i.result.status for i in again.items]
    pubs = store.publications("series_test")
    assert {p.reader_version for p in pubs} == {_SeriesLines.version}
    assert store.active_publications()["series_test"].published == "2024-03-01T12:00:00Z"
    assert store.spans("series_test", "1") == spans
    assert load_series(store, archive, workers=workers).count("unchanged") == 3


def test_series_dated_by_member_names(store: Store, tmp_path: Path) -> None:
    archive = _tar(tmp_path / "snapshots.tar.xz", _members())
    assert find_index(archive) is None
    result = load_series(store, archive, workers=1)
    assert result.count("loaded") == 3
    assert store.publications("series_test")[0].published == "2024-01-01T08:00:00Z"


def test_series_as_history_behind_newer_active(store: Store, tmp_path: Path) -> None:
    newer = _tar(tmp_path / "newer.tar.xz", {"2025-01-01/list.txt": _content({"9": "NINE"})})
    load_series(store, newer, workers=1)
    archive = _tar(tmp_path / "snapshots.tar.xz", _members())
    result = load_series(store, archive, workers=1)
    assert result.count("history") == 3
    active = store.active_publications()["series_test"]
    assert active.published == "2025-01-01"
    assert [p.published[:10] for p in store.publications("series_test")] == [
        "2024-01-01",
        "2024-02-01",
        "2024-03-01",
        "2025-01-01",
    ]
    assert [(s[0], s[1]) for s in store.spans("series_test", "3")] == [(1, 3)]


def test_sha_mismatch_and_undated_member(store: Store, tmp_path: Path) -> None:
    members = _members()
    archive = _tar(tmp_path / "hist.tar.xz", members)
    _index(tmp_path / "hist_index.csv", members, bad="hist/list_20240201T080000_bbb.txt")
    with pytest.raises(SourceError, match="sha256"):
        load_series(store, archive, workers=1)
    assert store.publications("series_test") == []
    undated = _tar(tmp_path / "undated.tar.gz", {"a/list.txt": _content({"1": "X"})})
    with pytest.raises(SourceError, match="cannot date"):
        load_series(store, undated, workers=1)


def test_refused_member_does_not_stop_the_series(store: Store, tmp_path: Path) -> None:
    members = _members()
    members["hist/list_20240201T080000_bbb.txt"] = b"SERIESTEST\n1|ONE\nbroken line\n"
    archive = _tar(tmp_path / "hist.tar.xz", members)
    result = load_series(store, archive, workers=1)
    assert result.count("loaded") == 2 and result.count("refused") == 1
    [refused] = [i for i in result.items if i.error]
    assert "line 3" in (refused.error or "")


def test_zip_series_by_folder(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "series.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("2024-01-01/list.txt", _content({"1": "A"}))
        zf.writestr("2024-01-05/list.txt", _content({"1": "A", "2": "B"}))
    assert is_series_archive(path)
    single = tmp_path / "one.zip"
    with zipfile.ZipFile(single, "w") as zf:
        zf.writestr("sdn.csv", b"x")
        zf.writestr("add.csv", b"y")
    assert not is_series_archive(single)
    result = load_series(store, path, workers=1)
    assert [i.published for i in result.items] == ["2024-01-01", "2024-01-05"]


def test_read_index_errors(tmp_path: Path) -> None:
    bad = tmp_path / "x_index.csv"
    bad.write_text("member,scraped_utc\nfoo.csv,yesterday\n")
    with pytest.raises(SourceError, match="line 2"):
        read_index(bad)
    assert not is_series_index(tmp_path / "missing.csv")
