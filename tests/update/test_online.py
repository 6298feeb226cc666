"""``thaw update`` over HTTP against a local server: download, 304, retries, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.update._http import Server
from thaw.cli import app
from thaw.store import PublicationRow, Store
from thaw.update import (
    OFFICIAL,
    Fetcher,
    OfficialSource,
    Outcome,
    RemoteFile,
    Variant,
    downloads_dir,
    update_online,
)

FTM = Path(__file__).resolve().parents[1] / "fixtures" / "ftm" / "entities.ftm.json"


def table(*urls: str, name: str = "entities.ftm.json") -> dict[str, OfficialSource]:
    variants = tuple(Variant(f"v{i}", (RemoteFile(name, url),)) for i, url in enumerate(urls))
    return {"ftm": OfficialSource("ftm", "test list", "http://example.invalid", variants)}


def quick() -> Fetcher:
    return Fetcher(timeout=5, retries=2, backoff=0, sleep=lambda s: None)


def run(store: Store, tbl: dict[str, OfficialSource], base_url: str | None = None) -> list[Outcome]:
    with quick() as fetcher:
        return update_online(store, ["ftm"], table=tbl, fetcher=fetcher, base_url=base_url)


def pub(outcome: Outcome) -> PublicationRow:
    assert outcome.publication is not None, outcome.detail
    return outcome.publication


def test_download_load_then_not_modified(http: Server, store: Store) -> None:
    route = http.serve("/ftm/entities.ftm.json", FTM)
    tbl = table(http.url + "/ftm/entities.ftm.json")
    [first] = run(store, tbl)
    assert first.status == "loaded", first.detail
    assert pub(first).published == "2025-06-02"  # the file's own date
    kept = downloads_dir(store) / "ftm" / "2025-03-05" / "entities.ftm.json"
    assert kept.read_bytes() == FTM.read_bytes()  # kept under the Last-Modified day
    assert not any((downloads_dir(store) / ".staging").iterdir())
    cache = json.loads((downloads_dir(store) / "cache.json").read_text())
    assert cache[http.url + "/ftm/entities.ftm.json"]["etag"] == route.etag

    [second] = run(store, tbl)
    assert second.status == "not_modified"
    assert route.conditional_hits == 1
    assert store.active_publications()["ftm"].id == pub(first).id


def test_server_error_then_success(http: Server, store: Store) -> None:
    route = http.serve("/f.json", FTM, fail_times=2)
    [outcome] = run(store, table(http.url + "/f.json"))
    assert outcome.status == "loaded"
    assert route.hits == 3


def refused(http: Server, store: Store, **route: object) -> str:
    """Load the good list, then serve a bad one; return the failure detail."""
    path = "/f.json"
    http.serve(path, FTM)
    tbl = table(http.url + path)
    [good] = run(store, tbl)
    assert good.status == "loaded"
    http.serve(path, **route)  # type: ignore[arg-type]
    [bad] = run(store, tbl)
    assert bad.status == "failed" and not bad.ok
    active = store.active_publications()["ftm"]
    assert active.id == pub(good).id  # active data untouched
    assert store.get("ftm", "NK-dmitriev") is not None
    cache = json.loads((downloads_dir(store) / "cache.json").read_text())
    assert cache[http.url + path]["sha256"] == good_sha(store)  # the good download stands
    assert not any((downloads_dir(store) / ".staging").iterdir())
    return bad.detail


def good_sha(store: Store) -> str:
    cache = json.loads((downloads_dir(store) / "cache.json").read_text())
    return str(next(iter(cache.values()))["sha256"])


def test_garbage_download_is_refused(http: Server, store: Store) -> None:
    detail = refused(http, store, body=b"<html><body>Service unavailable</body></html>")
    assert "not a recognised sanctions list format for ftm" in detail
    kept = downloads_dir(store) / "ftm" / "failed" / "entities.ftm.json"
    assert str(kept.parent) in detail and kept.read_bytes().startswith(b"<html>")


def test_truncated_download_is_refused(http: Server, store: Store) -> None:
    detail = refused(http, store, body=FTM.read_bytes() + b"\n" * 10, truncate=True)
    assert "incomplete" in detail or "truncated" in detail


def test_corrupt_content_is_refused_with_its_line(http: Server, store: Store) -> None:
    lines = FTM.read_bytes().splitlines(keepends=True)
    broken = b"".join(lines[:5]) + lines[5][:40] + b"\n" + b"".join(lines[6:])
    detail = refused(http, store, body=broken)
    assert "line 6" in detail and "invalid JSON" in detail
    assert str(downloads_dir(store) / "ftm" / "failed" / "entities.ftm.json") in detail


def test_sharp_drop_is_refused(http: Server, store: Store) -> None:
    first_line = FTM.read_bytes().splitlines(keepends=True)[0]
    detail = refused(http, store, body=first_line)
    assert "1 records against" in detail and "use --force" in detail


def test_next_variant_when_one_is_missing(http: Server, store: Store) -> None:
    http.serve("/good.json", FTM)
    [outcome] = run(store, table(http.url + "/missing.json", http.url + "/good.json"))
    assert outcome.status == "loaded"
    assert "[v1]" in outcome.detail


def test_all_variants_fail_with_every_reason(http: Server, store: Store) -> None:
    http.serve("/html", b"<html></html>")
    [outcome] = run(store, table(http.url + "/missing.json", http.url + "/html"))
    assert outcome.status == "failed"
    assert "HTTP 404" in outcome.detail and "not a recognised" in outcome.detail
    assert "ftm" not in store.active_publications()


def test_mirror_stands_in_for_official_hosts(http: Server, store: Store) -> None:
    http.serve("/mirror/ftm/entities.ftm.json", FTM)
    tbl = table("http://127.0.0.1:9/unreachable/entities.ftm.json")
    [outcome] = run(store, tbl, base_url=http.url + "/mirror")
    assert outcome.status == "loaded"


def test_unknown_and_unreadable_sources(store: Store) -> None:
    tbl = {
        "nope": OfficialSource("nope", "t", "p", (Variant("v", (RemoteFile("a", "http://x/a"),)),))
    }
    with quick() as fetcher:
        outcomes = update_online(store, ["nope", "zz"], table=tbl, fetcher=fetcher)
    assert [o.status for o in outcomes] == ["skipped", "failed"]
    assert "no reader" in outcomes[0].detail
    assert "no download URL" in outcomes[1].detail


# -- real publications served over HTTP --------------------------------------------------


@pytest.mark.realdata
def test_real_un_list_via_mirror(http: Server, lists_dir: Path, store: Store) -> None:
    route = http.serve("/m/un_sc/consolidated.xml", lists_dir / "un_sc/2025-04-19/consolidated.xml")
    with quick() as fetcher:
        [a] = update_online(store, ["un_sc"], base_url=http.url + "/m", fetcher=fetcher)
        assert a.status == "loaded" and pub(a).published[:10] == "2025-04-19", a.detail
        [b] = update_online(store, ["un_sc"], base_url=http.url + "/m", fetcher=fetcher)
        assert b.status == "not_modified"
        assert route.conditional_hits == 1
        http.serve("/m/un_sc/consolidated.xml", lists_dir / "un_sc/2026-02-27/consolidated.xml")
        [c] = update_online(store, ["un_sc"], base_url=http.url + "/m", fetcher=fetcher)
        assert c.status == "loaded" and pub(c).published[:10] == "2026-02-27"
        http.serve("/m/un_sc/consolidated.xml", lists_dir / "un_sc/2018-06-07/consolidated.xml")
        [d] = update_online(store, ["un_sc"], base_url=http.url + "/m", fetcher=fetcher)
        assert d.status == "up_to_date"
    assert store.active_publications()["un_sc"].published[:10] == "2026-02-27"


@pytest.mark.realdata
def test_real_ofac_csv_set_after_xml_variants_fail(
    http: Server, lists_dir: Path, store: Store
) -> None:
    folder = lists_dir / "us_ofac" / "2021-07-07"
    for name in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"):
        http.serve(
            f"/m/us_ofac_sdn/{name}", folder / name, last_modified="Wed, 07 Jul 2021 20:00:00 GMT"
        )
    with quick() as fetcher:
        [outcome] = update_online(store, ["us_ofac_sdn"], base_url=http.url + "/m", fetcher=fetcher)
    assert outcome.status == "loaded", outcome.detail
    assert "[legacy CSV set]" in outcome.detail
    row = pub(outcome)
    assert row.published == "2021-07-07" and row.date_basis == "folder"  # Last-Modified day
    assert sorted(row.files) == ["add.csv", "alt.csv", "sdn.csv", "sdn_comments.csv"]


@pytest.mark.realdata
def test_cli_update_exit_codes(http: Server, lists_dir: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    http.serve("/m/un_sc/consolidated.xml", lists_dir / "un_sc/2025-04-19/consolidated.xml")
    runner = CliRunner()
    args = ["update", "un_sc", "--home", str(home), "--retries", "0"]
    res = runner.invoke(app, args, env={"THAW_MIRROR": http.url + "/m"})
    assert res.exit_code == 0, res.output
    assert "loaded" in res.stdout and "un_sc" in res.stdout
    assert (home / "index").exists()  # the screening index was refreshed

    http.serve("/m/un_sc/consolidated.xml", b"<html>maintenance</html>")
    res = runner.invoke(app, [*args, "--base-url", http.url + "/m", "--json"])
    assert res.exit_code == 1
    [row] = json.loads(res.stdout)
    assert row["status"] == "failed" and "not a recognised" in row["detail"]
    with Store(home) as store:
        assert store.active_publications()["un_sc"].published[:10] == "2025-04-19"

    res = runner.invoke(app, ["update", "nonsense", "--home", str(home)])
    assert res.exit_code == 1


@pytest.mark.parametrize("source", sorted(OFFICIAL))
def test_official_sources_have_a_reader(source: str) -> None:
    from thaw.update.run import readable_sources

    # every source with an official download URL can be read once downloaded
    assert source in readable_sources(), f"{source} has a download URL but no reader"


def test_a_source_without_a_reader_is_skipped(store: Store) -> None:
    tbl = {
        "xx_unread": OfficialSource(
            "xx_unread",
            "a list no reader knows",
            "http://example.invalid",
            (Variant("v0", (RemoteFile("list.xml", "http://example.invalid/list.xml"),)),),
        )
    }
    with quick() as fetcher:
        [outcome] = update_online(store, ["xx_unread"], table=tbl, fetcher=fetcher)
    assert outcome.status == "skipped" and outcome.detail == "no reader for this source yet"
    assert "xx_unread" not in store.active_publications()
