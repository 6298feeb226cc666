"""Store semantics: versions and spans, safe activation, idempotent loads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from thaw.model import Name, PublicationInfo, Record
from thaw.sources import Job
from thaw.sources.base import Publication, Reader, SourceError
from thaw.store import LoadError, Store, load


class _Lines(Reader):
    """Test format: a first line 'TESTLIST date', then 'id|name' per line."""

    source = "test_list"
    format = "lines"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return head.startswith(b"TESTLIST")

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        lines = path.read_text().splitlines()
        date = lines[0].split()[1] if len(lines[0].split()) > 1 else None

        def records() -> Iterator[Record]:
            for n, line in enumerate(lines[1:], start=2):
                if "|" not in line:
                    raise SourceError(path, "missing '|'", f"line {n}")
                sid, name = line.split("|", 1)
                yield Record(self.source, sid, "Person", names=[Name(name)])

        return Publication(PublicationInfo(self.source, self.format, date), records())


def _write(tmp_path: Path, date: str, rows: dict[str, str], name: str | None = None) -> Job:
    path = tmp_path / (name or f"{date}.txt")
    path.write_text(f"TESTLIST {date}\n" + "".join(f"{k}|{v}\n" for k, v in rows.items()))
    return Job(_Lines, path)


def _names(store: Store) -> dict[str, str]:
    return {r.source_id: r.caption for r in store.active_records("test_list")}


def test_versions_spans_and_history(store: Store, tmp_path: Path) -> None:
    base = {str(i): f"Person {i}" for i in range(20)}
    r1 = load(store, _write(tmp_path, "2024-01-01", base))
    assert r1.status == "loaded" and r1.publication.record_count == 20
    changed = dict(base, **{"1": "Person One"})
    del changed["2"]
    changed["99"] = "New"
    load(store, _write(tmp_path, "2024-02-01", changed))
    assert _names(store) == changed
    # older publication inserted as history: spans are rebuilt, active unchanged
    older = dict(base, **{"3": "Person Three (old)"})
    r3 = load(store, _write(tmp_path, "2023-12-01", older), history=True)
    assert r3.status == "history"
    assert _names(store) == changed
    pubs = store.publications("test_list")
    assert [p.published for p in pubs] == ["2023-12-01", "2024-01-01", "2024-02-01"]
    assert {r.source_id: r.caption for r in store.records_at(pubs[0])} == older
    assert {r.source_id: r.caption for r in store.records_at(pubs[1])} == base
    spans = store.spans("test_list", "3")
    assert [(s[0], s[1]) for s in spans] == [(1, 1), (2, None)]


def test_same_file_twice_is_noop(store: Store, tmp_path: Path) -> None:
    job = _write(tmp_path, "2024-01-01", {"1": "A"})
    assert load(store, job).status == "loaded"
    assert load(store, job).status == "unchanged"
    assert len(store.publications("test_list")) == 1


def test_a_store_made_before_reader_versions(tmp_path: Path) -> None:
    """A store made by a thaw that recorded no reader version reads as version 0
    (read-only too) and gains the column at its first write: loading its files
    again re-reads them, once."""
    job = _write(tmp_path, "2024-01-01", {"1": "A"})
    with Store(tmp_path / "home") as store:
        load(store, job)
        store.db.execute("ALTER TABLE publications DROP COLUMN reader_version")
    with Store(tmp_path / "home", readonly=True) as store:
        (old,) = store.publications("test_list")
        assert old.reader_version == 0 and old.active
    with Store(tmp_path / "home") as store:
        again = load(store, job)
        assert again.status == "reread" and "0 listings read otherwise" in again.notes[-1]
        assert again.publication.reader_version == _Lines.version
        assert load(store, job).status == "unchanged"


def test_refusals_leave_active_data(store: Store, tmp_path: Path) -> None:
    base = {str(i): f"P{i}" for i in range(100)}
    load(store, _write(tmp_path, "2024-01-01", base))
    with pytest.raises(LoadError, match="removes 90 listings"):
        load(store, _write(tmp_path, "2024-02-01", {str(i): "x" for i in range(10)}))
    with pytest.raises(LoadError, match="older than the active"):
        load(store, _write(tmp_path, "2023-01-01", base, name="old.txt"))
    bad = tmp_path / "bad.txt"
    bad.write_text("TESTLIST 2024-03-01\n1|A\nbroken\n")
    with pytest.raises(LoadError, match=r"bad.txt:line 3: missing"):
        load(store, Job(_Lines, bad))
    empty = _write(tmp_path, "2024-03-02", {})
    with pytest.raises(LoadError, match="no records"):
        load(store, empty)
    assert _names(store) == base
    assert len(store.publications("test_list")) == 1
    forced = load(store, _write(tmp_path, "2024-02-01", {"1": "x"}), force=True)
    assert forced.status == "loaded" and _names(store) == {"1": "x"}


def test_date_from_folder(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "2024-05-03"
    folder.mkdir()
    path = folder / "list.txt"
    path.write_text("TESTLIST\n1|A\n")
    result = load(store, Job(_Lines, path))
    assert result.publication.published == "2024-05-03"
    assert result.publication.date_basis == "folder"
