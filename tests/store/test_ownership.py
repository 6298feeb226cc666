"""Ownership publications load like lists: history, safe activation, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from thaw.store import LoadError, Store
from thaw.store.ownership import OwnershipStore, load_ownership

HERE = FIXTURES / "ownership"
HEADER = "owner_id,owner_name,asset_id,asset_name,percentage,kind,start,end,source\n"


def _kyc(folder: Path, rows: int, date: str = "2026-01-01", bad: str | None = None) -> Path:
    day = folder / date
    day.mkdir(parents=True, exist_ok=True)
    path = day / "kyc.csv"
    lines = [f"O{i},Owner {i},A{i},Asset {i},{i % 100},ownership,,,test\n" for i in range(rows)]
    if bad:
        lines.append(bad + "\n")
    path.write_text(HEADER + "".join(lines))
    return path


def test_load_each_format(store: Store) -> None:
    for name, source, count in [
        ("mini.ftm.json", "ownership_ftm", 5),
        ("20260401-0800-gleif-goldencopy-rr-golden-copy.csv", "gleif_rr", 3),
        ("psc-snapshot-2026-04-01.txt", "gb_coh_psc", 5),
    ]:
        result = load_ownership(store, HERE / name)
        assert result.status == "loaded"
        assert (result.publication.source, result.publication.link_count) == (source, count)
        assert result.publication.date_basis == "in-file"
    own = OwnershipStore(store)
    assert set(own.active()) == {"ownership_ftm", "gleif_rr", "gb_coh_psc"}
    links = [x for _, x in own.active_links()]
    assert len(links) == 13
    stored = next(x for x in links if x.link_id == "o-1")
    assert stored.owner.identifiers == (("inn", "771234567890"),)
    assert stored.share_min == 60.0 and stored.origin == "ext_ru_egrul"
    assert stored.asset.aliases == ("OOO Alfa Treiding",)
    band = next(x for x in links if x.kind == "voting")
    assert (
        band.min_exclusive
        and band.share_text == "more than 50 % and less than 75 % of voting rights"
    )


def test_same_file_twice_is_unchanged(store: Store) -> None:
    first = load_ownership(store, HERE / "mini.ftm.json")
    again = load_ownership(store, HERE / "mini.ftm.json")
    assert again.status == "unchanged" and again.publication.id == first.publication.id
    assert len(OwnershipStore(store).publications()) == 1


def test_csv_needs_a_date(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "kyc.csv"
    shutil.copy(HERE / "kyc.csv", path)
    with pytest.raises(LoadError, match="no publication date; pass --date"):
        load_ownership(store, path)
    result = load_ownership(store, path, date="2026-02-01", source="kyc_client")
    assert (result.publication.source, result.publication.published) == ("kyc_client", "2026-02-01")
    assert result.publication.date_basis == "given"


def test_bad_input_loses_nothing(store: Store, tmp_path: Path) -> None:
    good = load_ownership(store, _kyc(tmp_path / "a", 20))
    bad = _kyc(tmp_path / "b", 20, "2026-02-01", bad="X,Y,Z,W,101,ownership,,,test")
    with pytest.raises(LoadError, match="line 22: percentage '101' is outside 0..100"):
        load_ownership(store, bad)
    own = OwnershipStore(store)
    assert [p.id for p in own.publications()] == [good.publication.id]
    assert own.active()["ownership_csv"].id == good.publication.id
    assert len(list(own.active_links())) == 20


def test_a_sharp_drop_is_refused_unless_forced(store: Store, tmp_path: Path) -> None:
    load_ownership(store, _kyc(tmp_path, 20, "2026-01-01"))
    smaller = _kyc(tmp_path, 10, "2026-02-01")
    with pytest.raises(LoadError, match="10 links against 20 .* use --force"):
        load_ownership(store, smaller)
    assert load_ownership(store, smaller, force=True).status == "loaded"
    assert OwnershipStore(store).active()["ownership_csv"].link_count == 10


def test_older_publication_only_as_history(store: Store, tmp_path: Path) -> None:
    newer = load_ownership(store, _kyc(tmp_path, 20, "2026-03-01"))
    older = _kyc(tmp_path, 21, "2026-01-01")
    with pytest.raises(LoadError, match="older than the active .* --history"):
        load_ownership(store, older)
    result = load_ownership(store, older, history=True)
    assert result.status == "history"
    own = OwnershipStore(store)
    assert own.active()["ownership_csv"].id == newer.publication.id
    assert [p.published for p in own.publications("ownership_csv")] == ["2026-01-01", "2026-03-01"]
    assert len(list(own.links(result.publication.id))) == 21  # history keeps its links


def test_empty_and_unknown_files_are_refused(store: Store, tmp_path: Path) -> None:
    empty = tmp_path / "2026-01-01" / "kyc.csv"
    empty.parent.mkdir()
    empty.write_text(HEADER)
    with pytest.raises(LoadError, match="holds no ownership links"):
        load_ownership(store, empty)
    other = tmp_path / "names.csv"
    other.write_text("name\nIvan\n")
    with pytest.raises(LoadError, match="not a recognised ownership format"):
        load_ownership(store, other)
    with pytest.raises(LoadError, match="invalid ownership source name"):
        load_ownership(store, HERE / "mini.ftm.json", source="Bad Name")
    assert OwnershipStore(store).publications() == []


def test_changes_between_publications(store: Store, tmp_path: Path) -> None:
    from thaw.store.ownership import diff_publications

    first = load_ownership(store, _kyc(tmp_path, 20, "2026-01-01"))
    path = _kyc(tmp_path, 20, "2026-02-01")
    text = path.read_text().replace("O3,Owner 3,A3,Asset 3,3,", "O3,Owner 3,A3,Asset 3,55,")
    path.write_text(text + "N1,New Owner,A1,Asset 1,10,ownership,,,test\n")
    second = load_ownership(store, path)
    diff = diff_publications(OwnershipStore(store), first.publication.id, second.publication.id)
    assert len(diff["added"]) == 1 and diff["added"][0][1] is not None
    assert diff["added"][0][1].owner.key == "kyc:N1"
    assert [(a.share_min, b.share_min) for a, b in diff["changed"] if a and b] == [(3.0, 55.0)]
    assert diff["removed"] == []
