"""``thaw update --from DIR``: the newest publication of each source under a folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thaw.cli import app
from thaw.store import Store
from thaw.update import scan, update_offline
from thaw.update.run import readable_sources

CUSTOM = Path(__file__).resolve().parents[1] / "fixtures" / "ftm" / "custom.ftm.json"
EXTRA = '{"id": "acme-3", "schema": "Organization", "properties": {"name": ["NEW FRONT LLC"]}}\n'


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Two dated FtM publications, plus things that must be ignored."""
    root = tmp_path / "lists"
    old = root / "custom" / "2025-01-01"
    new = root / "custom" / "2025-02-01"
    for folder in (old, new):
        folder.mkdir(parents=True)
    shutil.copy(CUSTOM, old / "custom.ftm.json")
    (new / "custom.ftm.json").write_text(CUSTOM.read_text() + EXTRA)
    later = root / "custom" / "2025-03-01"  # newer, but only documents and junk
    later.mkdir()
    (later / "notes.odt").write_bytes(b"PK\x03\x04 not really a document")
    (later / "README.md").write_text("# notes\n")
    (later / "download.bin").write_bytes(b"\x00\x01garbage")
    sample = root / "_samples" / "custom" / "2026-01-01"  # an excerpt, not a publication
    sample.mkdir(parents=True)
    shutil.copy(CUSTOM, sample / "custom.ftm.json")
    orphan = root / "us_ofac" / "2025-12-24"  # a companion without its sdn.csv
    orphan.mkdir(parents=True)
    (orphan / "add.csv").write_text('36,"Av. Libertador",Caracas,Venezuela,-0-\n')
    (root / "MANIFEST.md").write_text("# manifest\n")
    return root


def test_scan_picks_the_newest_and_says_what_it_ignored(tree: Path) -> None:
    found = scan(tree)
    newest = found.newest()
    assert set(newest) == {"ftm"}
    assert newest["ftm"].job.path == tree / "custom" / "2025-02-01" / "custom.ftm.json"
    assert newest["ftm"].date == "2025-02-01" and newest["ftm"].in_file_date is None
    assert [f.folder_date for f in found.by_source()["ftm"]] == ["2025-01-01", "2025-02-01"]
    reasons = {p.name: r for p, r in ((i.path, i.reason) for i in found.ignored)}
    assert reasons["notes.odt"] == "document"
    assert reasons["README.md"] == "document"
    assert reasons["MANIFEST.md"] == "document"
    assert "not a recognised" in reasons["download.bin"]
    if "us_ofac_sdn" in readable_sources():
        assert "auxiliary file of us_ofac_sdn without sdn.csv" in reasons["add.csv"]
    assert not any("_samples" in str(i.path) for i in found.ignored)
    assert all("_samples" not in str(f.job.path) for f in found.found)


def test_update_from_folder(tree: Path, store: Store) -> None:
    [outcome] = update_offline(store, tree)
    assert outcome.status == "loaded", outcome.detail
    pub = store.active_publications()["ftm"]
    assert pub.published == "2025-02-01" and pub.date_basis == "folder"
    assert pub.record_count == 3
    [again] = update_offline(store, tree)
    assert again.status == "unchanged"
    # the newest copy gone: the active publication is newer than what is left
    shutil.rmtree(tree / "custom" / "2025-02-01")
    [older] = update_offline(store, tree)
    assert older.status == "up_to_date" and older.ok
    assert store.active_publications()["ftm"].id == pub.id


def test_update_all_publications_builds_history(tree: Path, store: Store) -> None:
    outcomes = update_offline(store, tree, all_publications=True)
    assert [(o.status, o.publication.published) for o in outcomes if o.publication] == [
        ("loaded", "2025-01-01"),
        ("loaded", "2025-02-01"),
    ]
    assert len(store.publications("ftm")) == 2
    assert store.active_publications()["ftm"].published == "2025-02-01"


def test_update_restricted_to_sources(tree: Path, store: Store) -> None:
    outcomes = update_offline(store, tree, ["un_sc"])
    assert [(o.source, o.status) for o in outcomes] == [("un_sc", "failed")]
    assert "no publication of un_sc found" in outcomes[0].detail
    assert store.active_publications() == {}


def test_a_broken_newest_publication_fails_and_keeps_the_active_one(
    tree: Path, store: Store
) -> None:
    [first] = update_offline(store, tree)
    assert first.status == "loaded"
    broken = tree / "custom" / "2025-04-01"
    broken.mkdir()
    (broken / "custom.ftm.json").write_text(CUSTOM.read_text() + '{"id": "x", "schema": \n')
    [outcome] = update_offline(store, tree)
    assert outcome.status == "failed" and "line 3" in outcome.detail
    assert store.active_publications()["ftm"].published == "2025-02-01"


def test_cli_update_from(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refreshed: list[Store] = []
    monkeypatch.setattr("thaw.cli.update.after_load", refreshed.append)
    home = tmp_path / "home"
    runner = CliRunner()
    res = runner.invoke(app, ["update", "--from", str(tree), "--home", str(home), "--json"])
    assert res.exit_code == 0, res.output
    [row] = json.loads(res.stdout)
    assert row["source"] == "ftm" and row["status"] == "loaded" and row["records"] == 3
    assert len(refreshed) == 1  # the index hook ran once, after the load
    res = runner.invoke(app, ["update", "--from", str(tree), "--home", str(home)])
    assert res.exit_code == 0 and "unchanged" in res.stdout
    assert len(refreshed) == 1  # nothing changed, nothing to refresh
    res = runner.invoke(app, ["update", "--all", "--home", str(home)])
    assert res.exit_code == 1  # --all needs --from


# -- the shared official publications -------------------------------------------------


EXPECTED_NEWEST = {
    "un_sc": "un_sc/2026-02-27/consolidated.xml",
    "us_ofac_sdn": "us_ofac/2024-05-03/sdn.csv",
    "us_ofac_cons": "us_ofac/2025-12-19/cons_prim.csv",
    "uk_ofsi": "uk_hmt_ofsi/2025-04-14/ConList.xlsx",
    "ca_sema": "ca_gac/2025-05-25/sema-lema.xml",
    "au_dfat": "au_dfat/2024-11-11/regulation8_consolidated.xlsx",
    "us_bis_dpl": "us_bis/2023-11-30/dpl.txt",
    "us_trade_csl": "us_trade_csl/2023-11-30/csl.csv",
}


@pytest.mark.realdata
def test_scan_of_the_official_publications(lists_dir: Path) -> None:
    found = scan(lists_dir)
    newest = found.newest()
    readable = readable_sources()
    for source, rel in EXPECTED_NEWEST.items():
        if source in readable:
            assert newest[source].job.path == lists_dir / rel, source
    sdn_csv = newest.get("us_ofac_sdn")
    if sdn_csv is not None:
        assert sdn_csv.job.companions == {}  # 2024-05-03 holds sdn.csv alone
    cons = newest.get("us_ofac_cons")
    if cons is not None:
        assert set(cons.job.companions) == {"add", "alt", "comments"}
    for item in found.found:
        assert "_samples" not in item.job.path.parts
        assert item.job.path.suffix.lower() != ".md"
    ignored = {i.path.relative_to(lists_dir).as_posix() for i in found.ignored}
    assert "MANIFEST.md" in ignored
    # the FCDO's .odt document is a publication only where a reader recognises it
    fcdo = "uk_fcdo/2023-01-14/UK_Sanctions_List.odt"
    if "uk_fcdo" in newest:
        assert newest["uk_fcdo"].job.path == lists_dir / fcdo
    else:
        assert fcdo in ignored
    if "us_ofac_sdn" in readable:
        assert "us_ofac/2025-12-24/add.csv" in ignored  # sdn.csv of that day is not held


@pytest.mark.realdata
def test_update_from_the_official_publications(lists_dir: Path, store: Store) -> None:
    outcomes = update_offline(store, lists_dir)
    failures = [(o.source, o.detail) for o in outcomes if not o.ok]
    assert failures == []
    active = store.active_publications()
    for outcome in outcomes:
        assert outcome.status == "loaded"
        assert active[outcome.source].id == outcome.publication.id  # type: ignore[union-attr]
    assert active["un_sc"].published[:10] == "2026-02-27"
    assert {o.source for o in outcomes} >= set(EXPECTED_NEWEST) & readable_sources()
    again = update_offline(store, lists_dir)
    assert {o.status for o in again} == {"unchanged"}
