"""FtM files loaded under a dataset name (``thaw load FILE.ftm.json --dataset NAME``):
the source ``ftm_NAME``, its records and links relabelled, the name checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from thaw.sources import SourceError, plan, reserved_dataset_names
from thaw.sources.ftm import check_dataset_name, dataset_of, dataset_source
from thaw.store import Store, load
from thaw.store.limits import LIMITS, limits_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WATCHLIST = FIXTURES / "ftm" / "watchlist.ftm.json"
CUSTOM = FIXTURES / "ftm" / "custom.ftm.json"
UN_LIST = FIXTURES / "cli" / "un_sc" / "consolidated.xml"


def test_names_and_sources() -> None:
    assert dataset_source("acme-watch") == "ftm_acme-watch"
    assert dataset_of("ftm_acme-watch") == "acme-watch"
    assert dataset_of("ftm") is None
    assert dataset_of("ftm_") is None
    assert dataset_of("us_ofac_sdn") is None
    assert check_dataset_name("a1_b-c") == "a1_b-c"
    for bad in ("", "Acme", "-acme", "a b", "a/b", "a.b", "x" * 64, "ünï"):
        with pytest.raises(ValueError, match="lower-case letters"):
            check_dataset_name(bad)
    reserved = reserved_dataset_names()
    assert {"default", "ftm", "us", "un", "uk", "eu", "un_sc", "us_ofac_sdn"} <= reserved
    assert limits_of("ftm_acme-watch") is LIMITS["ftm"]


def test_records_and_links_carry_the_dataset_source() -> None:
    (job,) = plan([WATCHLIST])
    named = job.as_dataset("acme-watch")
    assert job.source == "ftm" and named.source == "ftm_acme-watch"
    publication = named.open()
    assert publication.info.source == "ftm_acme-watch"
    records = {r.source_id: r for r in publication.records}
    assert set(records) == {"wl-1", "wl-2", "wl-3"}
    assert {r.source for r in records.values()} == {"ftm_acme-watch"}
    links = [link for r in records.values() for link in r.links]
    assert links and all(link.source == "ftm_acme-watch" for link in links)
    # the plain job is untouched
    assert {r.source for r in job.open().records} == {"ftm"}


def test_only_ftm_files_and_free_names() -> None:
    (un_job,) = plan([UN_LIST])
    with pytest.raises(SourceError, match="FtM"):
        un_job.as_dataset("mine")
    (job,) = plan([WATCHLIST])
    for name in ("us", "un_sc", "default", "ftm"):
        with pytest.raises(SourceError, match="already names a source or an authority"):
            job.as_dataset(name)
    with pytest.raises(SourceError, match="lower-case letters"):
        job.as_dataset("Bad Name")


def test_datasets_load_side_by_side(tmp_path: Path) -> None:
    with Store(tmp_path / "home") as store:
        (watch,) = plan([WATCHLIST])
        (custom,) = plan([CUSTOM])
        first = load(store, watch.as_dataset("acme-watch"), date="2024-05-01")
        second = load(store, custom.as_dataset("acme-two"), date="2024-05-01")
        plain = load(store, custom, date="2024-05-01")
        assert (first.publication.source, second.publication.source) == (
            "ftm_acme-watch",
            "ftm_acme-two",
        )
        assert plain.publication.source == "ftm"
        assert set(store.active_publications()) == {"ftm", "ftm_acme-watch", "ftm_acme-two"}
        record = store.get("ftm_acme-watch", "wl-2")
        assert record is not None and record.source == "ftm_acme-watch"
        # the same file under the same name again changes nothing
        again = load(store, plan([WATCHLIST])[0].as_dataset("acme-watch"), date="2024-05-01")
        assert again.status == "unchanged"
