"""``GET /ownership/exposure`` over real HTTP: the same answer as ``thaw exposure``."""

from __future__ import annotations

import httpx
import pytest

from tests.api.conftest import Server
from thaw.store import Store
from thaw.store.ownership import load_ownership

KYC = """owner_id,owner_name,asset_id,asset_name,percentage,kind,start,end,source,owner_country
M1,MAHAN AIR,S1,Sky Catering Co,60,ownership,,,registry,ir
N1,NATIONAL IRANIAN TANKER COMPANY,G1,Gulf Shipping Services,30,ownership,,,registry,ir
"""


@pytest.fixture(scope="module")
def owned(module_server: Server, tmp_path_factory: pytest.TempPathFactory) -> Server:
    """A server of this module's own (its tests only read) with the KYC links loaded."""
    path = tmp_path_factory.mktemp("kyc") / "2026-03-01" / "kyc.csv"
    path.parent.mkdir()
    path.write_text(KYC)
    with Store(module_server.home) as store:
        assert load_ownership(store, path).status == "loaded"
    return module_server


def test_exposure_over_http(owned: Server) -> None:
    with owned.client() as http:
        resp = http.get("/ownership/exposure", params={"party": "Sky Catering Co"})
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert len(body) == 1
        us = body[0]["authorities"]["us"]
        assert us["status"] == "blocked"
        assert us["summary"].startswith("blocked under the US 50 % rule: 60 % held by MAHAN AIR")
        assert body[0]["authorities"]["eu"]["status"] == "no_list"
        gulf = http.get("/ownership/exposure", params={"party": "kyc:G1"}).json()[0]
        assert gulf["authorities"]["us"]["status"] == "not_blocked"
        pubs = http.get("/ownership/publications").json()
        assert [p["source"] for p in pubs] == ["ownership_csv"]
        spec = http.get("/openapi.json").json()
        assert "/ownership/exposure" in spec["paths"]
        assert "ExposureModel" in spec["components"]["schemas"]


def test_bad_requests_are_4xx_with_a_reason(owned: Server) -> None:
    with owned.client() as http:
        missing = http.get("/ownership/exposure", params={"party": "Nobody At All Ltd"})
        assert missing.status_code == 404 and "no party" in missing.text
        bad_day = http.get("/ownership/exposure", params={"party": "x", "as_of": "June"})
        assert bad_day.status_code in (400, 422)
        empty = http.get("/ownership/exposure", params={"party": ""})
        assert empty.status_code in (400, 422)
    with httpx.Client(base_url=owned.url, timeout=60) as anonymous:
        assert anonymous.get("/ownership/exposure", params={"party": "x"}).status_code == 401


def test_no_ownership_data_is_a_404(server: Server) -> None:
    with server.client() as http:  # the shared server: no test loads links into it
        resp = http.get("/ownership/exposure", params={"party": "Sky Catering Co"})
    assert resp.status_code == 404 and "no ownership data" in resp.text
