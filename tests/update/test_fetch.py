"""The downloader: conditional requests, retries with backoff, truncation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.update._http import Server
from thaw.update.fetch import DownloadCache, Fetcher, FetchError, last_modified_date
from thaw.update.official import OFFICIAL, RemoteFile, mirror_url, urls_for


def fetcher(retries: int = 3) -> tuple[Fetcher, list[float]]:
    waits: list[float] = []
    return Fetcher(timeout=5, retries=retries, backoff=0.5, sleep=waits.append), waits


def test_200_then_304_with_etag(http: Server, tmp_path: Path) -> None:
    route = http.serve("/list.xml", b"<list>1</list>")
    f, _ = fetcher()
    with f:
        first = f.fetch(http.url + "/list.xml", tmp_path / "a" / "list.xml")
        assert first.modified and first.path.read_bytes() == b"<list>1</list>"
        assert first.entry.etag == route.etag
        assert last_modified_date(first.entry) == "2025-03-05"
        second = f.fetch(http.url + "/list.xml", tmp_path / "b" / "list.xml", first.entry)
    assert not second.modified
    assert second.path == first.path  # the cached copy stands
    assert not (tmp_path / "b" / "list.xml").exists()
    assert route.conditional_hits == 1
    assert route.headers[1]["If-None-Match"] == route.etag
    assert route.headers[1]["If-Modified-Since"] == "Wed, 05 Mar 2025 10:00:00 GMT"


def test_changed_file_is_downloaded_again(http: Server, tmp_path: Path) -> None:
    http.serve("/list.xml", b"old")
    f, _ = fetcher()
    with f:
        first = f.fetch(http.url + "/list.xml", tmp_path / "1" / "list.xml")
        http.serve("/list.xml", b"new content")
        second = f.fetch(http.url + "/list.xml", tmp_path / "2" / "list.xml", first.entry)
    assert second.modified and second.path.read_bytes() == b"new content"


def test_server_error_then_success_retries_with_backoff(http: Server, tmp_path: Path) -> None:
    route = http.serve("/list.xml", b"data", fail_times=2)
    f, waits = fetcher()
    with f:
        result = f.fetch(http.url + "/list.xml", tmp_path / "list.xml")
    assert result.modified and result.attempts == 3
    assert route.hits == 3
    assert waits == [0.5, 1.0]  # exponential


def test_retry_after_is_honoured_up_to_a_limit(http: Server, tmp_path: Path) -> None:
    http.serve("/a", b"data", fail_times=1, fail_status=429, retry_after="7")
    http.serve("/b", b"data", fail_times=1, fail_status=503, retry_after="86400")
    f, waits = fetcher()
    with f:
        f.fetch(http.url + "/a", tmp_path / "a")
        f.fetch(http.url + "/b", tmp_path / "b")
    assert waits == [7.0, 60.0]


def test_persistent_error_gives_up_with_the_reason(http: Server, tmp_path: Path) -> None:
    http.serve("/list.xml", b"data", fail_times=10, fail_status=503)
    f, waits = fetcher(retries=2)
    with f, pytest.raises(FetchError, match=r"HTTP 503 .*gave up after 3 attempts"):
        f.fetch(http.url + "/list.xml", tmp_path / "list.xml")
    assert len(waits) == 2
    assert not (tmp_path / "list.xml").exists()
    assert not (tmp_path / "list.xml.part").exists()


def test_not_found_is_not_retried(http: Server, tmp_path: Path) -> None:
    f, waits = fetcher()
    with f, pytest.raises(FetchError, match="HTTP 404"):
        f.fetch(http.url + "/missing.xml", tmp_path / "x.xml")
    assert waits == []


def test_truncated_body_is_refused(http: Server, tmp_path: Path) -> None:
    route = http.serve("/list.xml", b"x" * 5000, truncate=True)
    f, _ = fetcher(retries=1)
    with f, pytest.raises(FetchError, match="incomplete|truncated"):
        f.fetch(http.url + "/list.xml", tmp_path / "list.xml")
    assert route.hits == 2
    assert not (tmp_path / "list.xml").exists()
    assert not (tmp_path / "list.xml.part").exists()


def test_connection_refused_is_a_fetch_error(tmp_path: Path) -> None:
    f, waits = fetcher(retries=1)
    with f, pytest.raises(FetchError, match="network error"):
        f.fetch("http://127.0.0.1:9/none", tmp_path / "x")
    assert len(waits) == 1


def test_cache_persists_and_forgets_missing_files(tmp_path: Path, http: Server) -> None:
    http.serve("/a", b"1")
    with Fetcher(retries=0) as f:
        result = f.fetch(http.url + "/a", tmp_path / "a")
    cache = DownloadCache(tmp_path / "cache.json")
    cache.put(http.url + "/a", result.entry)
    cache.save()
    again = DownloadCache(tmp_path / "cache.json")
    assert again.get(http.url + "/a") == result.entry
    (tmp_path / "a").unlink()
    assert again.get(http.url + "/a") is None
    (tmp_path / "cache.json").write_text("{broken")
    assert DownloadCache(tmp_path / "cache.json").entries == {}


def test_official_table_and_mirrors() -> None:
    expected = {
        "us_ofac_sdn",
        "us_ofac_cons",
        "us_trade_csl",
        "us_bis_dpl",
        "un_sc",
        "eu_fsf",
        "uk_ofsi",
        "uk_fcdo",
        "ca_sema",
        "au_dfat",
        "ch_seco",
    }
    assert set(OFFICIAL) == expected
    for official in OFFICIAL.values():
        for variant in official.variants:
            for file in variant.files:
                assert file.url.startswith("https://"), file.url
    assert OFFICIAL["un_sc"].variants[0].main.url == (
        "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
    )
    assert mirror_url("http://m/x/", "un_sc", "consolidated.xml") == (
        "http://m/x/un_sc/consolidated.xml"
    )
    assert mirror_url("http://m/{name}?s={source}", "un_sc", "c.xml") == "http://m/c.xml?s=un_sc"
    file = RemoteFile("dpl.txt", "https://a/dpl.txt", ("https://b/dpl.txt",))
    assert urls_for("us_bis_dpl", file) == ["https://a/dpl.txt", "https://b/dpl.txt"]
    assert urls_for("us_bis_dpl", file, "http://m") == ["http://m/us_bis_dpl/dpl.txt"]
