"""``{dataset}`` as the name an FtM file was loaded under: ``thaw load FILE.ftm.json
--dataset NAME``, then ``/match/NAME``, ``/search/NAME`` and ``/catalog`` over real
HTTP against a real ``thaw serve``.

The home holds the UN and OFAC fixture lists; ``watchlist.ftm.json`` (an invented
firm's own watch list: a company, its owner, a vessel and the ownership between
them) is loaded as ``acme-watch`` before the server starts, and a second dataset is
loaded while it runs (the server picks it up like any new publication).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tests.api.conftest import FIXTURES, Server, copy_home, start_server, stop_server
from thaw.cli import app
from thaw.store import Store

WATCHLIST = FIXTURES / "ftm" / "watchlist.ftm.json"
CUSTOM = FIXTURES / "ftm" / "custom.ftm.json"
UN_LIST = FIXTURES / "cli" / "un_sc" / "consolidated.xml"
NAME = "acme-watch"
SOURCE = "ftm_acme-watch"

runner = CliRunner()


def thaw_load(home: Path, *args: str) -> tuple[int, str]:
    """Run ``thaw load`` in-process: exit code and output."""
    result = runner.invoke(app, ["load", *args, "--home", str(home)])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def ds_server(base_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over the fixture lists plus ``watchlist.ftm.json`` as ``acme-watch``."""
    home = copy_home(base_home, tmp_path_factory.mktemp("api-datasets") / "home")
    code, out = thaw_load(home, str(WATCHLIST), "--dataset", NAME, "--date", "2024-05-01")
    assert code == 0, out
    srv = start_server(home)
    yield srv
    stop_server(srv)


def person(name: str) -> dict[str, object]:
    return {"queries": {"q": {"schema": "Person", "properties": {"name": [name]}}}}


def results(resp: httpx.Response) -> list[dict[str, object]]:
    assert resp.status_code == 200, resp.text
    found: list[dict[str, object]] = resp.json()["responses"]["q"]["results"]
    return found


def test_load_stores_the_dataset_as_a_source_of_its_own(ds_server: Server) -> None:
    with Store(ds_server.home) as store:
        pubs = store.active_publications()
        assert SOURCE in pubs and "ftm" not in pubs
        assert pubs[SOURCE].record_count == 3
        company = store.get(SOURCE, "wl-1")
        owner = store.get(SOURCE, "wl-2")
    assert company is not None and owner is not None
    # the ownership between two of its entities names the dataset's source
    links = [(link.source, link.source_id) for link in company.links + owner.links]
    assert (SOURCE, "wl-2") in links or (SOURCE, "wl-1") in links


def test_match_on_the_dataset_name(ds_server: Server) -> None:
    with ds_server.client() as client:
        found = results(client.post(f"/match/{NAME}", json=person("Kasimir Velten")))
        assert found and found[0]["match"] is True
        assert f"{SOURCE}:wl-2" in found[0]["referents"]  # type: ignore[operator]
        assert found[0]["datasets"] == [SOURCE]
        # a UN-listed name is found in default, never in the watch list
        un_name = "Andrei Petrovich Volkov"
        everywhere = results(client.post("/match/default", json=person(un_name)))
        assert everywhere, "the UN fixture name is screened in default"
        assert results(client.post(f"/match/{NAME}", json=person(un_name))) == []
        # and the watch list's names are found in default too
        ids = [
            r["id"] for r in results(client.post("/match/default", json=person("Kasimir Velten")))
        ]
        assert found[0]["id"] in ids
        # the dataset's source name is a dataset as well
        assert results(client.post(f"/match/{SOURCE}", json=person("Kasimir Velten")))
        # the same answer through the FastAPI route (a cookie-less ?api_key= call)
        slow = httpx.post(
            f"{ds_server.url}/match/{NAME}",
            json=person("Kasimir Velten"),
            params={"api_key": ds_server.key},
            timeout=60,
        )
        assert [r["id"] for r in results(slow)] == [r["id"] for r in found]


def test_search_on_the_dataset_name(ds_server: Server) -> None:
    with ds_server.client() as client:
        resp = client.get(f"/search/{NAME}", params={"q": "Northern Lantern"})
        assert resp.status_code == 200, resp.text
        hits = resp.json()["results"]
        assert hits and hits[0]["schema"] == "Vessel"
        assert all(SOURCE in h["datasets"] for h in hits)
        everything = client.get(f"/search/{NAME}").json()
        assert everything["total"]["value"] == 3
        assert client.get("/search/no-such-dataset", params={"q": "x"}).status_code == 404


def test_catalog_lists_the_dataset(ds_server: Server) -> None:
    with ds_server.client() as client:
        catalog = client.get("/catalog").json()
    by_name = {d["name"]: d for d in catalog["datasets"]}
    assert NAME in by_name and SOURCE in by_name
    entry = by_name[NAME]
    assert entry["children"] == [SOURCE]
    assert entry["version"].startswith("2024-05-01")
    assert entry["publication"]["records"] == 3
    assert "--dataset" in entry["summary"]
    assert NAME in catalog["current"]


def test_a_dataset_loaded_while_serving_is_served(ds_server: Server) -> None:
    code, out = thaw_load(
        ds_server.home, str(CUSTOM), "--dataset", "acme-two", "--date", "2024-05-02"
    )
    assert code == 0, out
    with ds_server.client() as client:
        for _ in range(100):
            names = {d["name"] for d in client.get("/catalog").json()["datasets"]}
            if "acme-two" in names:
                break
            time.sleep(0.2)
        assert "acme-two" in names
        found = results(client.post("/match/acme-two", json=person("John Doe")))
        assert found and found[0]["datasets"] == ["ftm_acme-two"]
        # the first dataset is untouched
        assert results(client.post(f"/match/{NAME}", json=person("Kasimir Velten")))
        assert results(client.post(f"/match/{NAME}", json=person("John Doe"))) == []


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("us", "already names a source or an authority"),
        ("un_sc", "already names a source or an authority"),
        ("default", "already names a source or an authority"),
        ("Acme Watch", "lower-case letters"),
        ("../etc", "lower-case letters"),
        ("", "lower-case letters"),
    ],
)
def test_a_bad_dataset_name_is_refused(tmp_path: Path, name: str, says: str) -> None:
    home = tmp_path / "home"
    code, out = thaw_load(home, str(WATCHLIST), "--dataset", name, "--date", "2024-05-01")
    assert code == 1
    assert says in " ".join(out.split())
    with Store(home) as store:
        assert store.active_publications() == {}


def test_dataset_applies_to_ftm_files_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code, out = thaw_load(home, str(UN_LIST), "--dataset", "mine")
    assert code == 1
    assert "FtM" in out and "un_sc" in out
    with Store(home) as store:
        assert store.active_publications() == {}
