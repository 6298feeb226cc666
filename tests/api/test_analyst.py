"""The routes the web page adds to the service over real HTTP: the data of
``thaw chart``, a what-if over a results file, link/unlink decisions (roles, 4xx on
bad input), and the text a screened document's offsets refer to."""

from __future__ import annotations

import json

import pytest

from tests.api.conftest import Server


@pytest.fixture(scope="module")
def server(module_server: Server) -> Server:
    """A server of this module's own, not the shared one: its tests link and unlink
    profiles, which the other tests would see."""
    return module_server


def test_screen_document_returns_the_text_its_offsets_refer_to(server: Server) -> None:
    html = (
        "<html><body><p>Yesterday <b>Andrei Petrovich Volkov</b> met the press.</p></body></html>"
    )
    with server.client() as http:
        resp = http.post("/screen/document", files={"file": ("note.html", html.encode())})
        assert resp.status_code == 200, resp.text
        out = resp.json()
    assert out["kind"] == "html" and "<b>" not in out["text"]
    spans = [out["text"][m["start"] : m["end"]] for m in out["parties"][0]["mentions"]]
    assert spans == ["Andrei Petrovich Volkov"]


def test_chart_series(server: Server) -> None:
    with server.client() as http:
        series = http.get("/chart", params={"source": "un_sc"}).json()["series"]
        assert series[0]["label"] == "un_sc (all)" and series[0]["points"][-1][1] > 0
        every = http.get("/chart").json()["series"]
        assert {s["label"] for s in every} >= {"un_sc", "us_ofac_sdn"}
        assert http.get("/chart", params={"top": 0}).status_code == 422
        unknown = http.get("/chart", params={"source": "nosuch"})
        assert unknown.status_code == 404 and "nosuch" in unknown.json()["detail"]


def test_whatif_over_a_results_file(server: Server) -> None:
    results = json.dumps(
        {
            "row": 1,
            "id": "c1",
            "name": "Mahan Air",
            "hits": [
                {
                    "score": 0.95,
                    "schema": "Organization",
                    "name": "MAHAN AIR",
                    "matched_name": "MAHAN AIR",
                    "listings": [
                        {
                            "source": "us_ofac_sdn",
                            "source_id": "12927",
                            "programs": ["SDGT", "IRGC", "IFSR"],
                            "listed_on": None,
                        }
                    ],
                    "explanation": "",
                }
            ],
        }
    )
    upload = {"file": ("hits.jsonl", results.encode(), "application/x-ndjson")}
    with server.client() as http:
        partly = http.post("/whatif/results", params={"lift": ["us:SDGT"]}, files=upload)
        assert partly.status_code == 200, partly.text
        assert partly.json()["counts"]["parties"]["still_listed"] == 1
        lifts = {"lift": ["us:SDGT", "us:IRGC", "us:IFSR"]}
        cleared = http.post("/whatif/results", params=lifts, files=upload)
        assert cleared.json()["counts"]["parties"]["cleared"] == 1
        bad = http.post("/whatif/results", params={"lift": "nonsense"}, files=upload)
        assert bad.status_code == 400
        garbage = {"file": ("hits.jsonl", b"{not json", "application/x-ndjson")}
        assert http.post("/whatif/results", params=lifts, files=garbage).status_code == 400
        deep = ("[" * 100_000 + "]" * 100_000).encode()  # past Python's recursion limit
        nested = {"file": ("hits.jsonl", deep, "application/x-ndjson")}
        refused = http.post("/whatif/results", params=lifts, files=nested)
        assert refused.status_code == 400 and "nested too deeply" in refused.text


def test_link_needs_an_analyst_and_is_recorded(server: Server) -> None:
    screener = server.create_key("screen", "screen only")
    body = {"a": "un_sc:QDi.101", "b": "us_ofac_sdn:12927", "why": "test: different parties"}
    with server.client(screener) as http:
        assert http.post("/profiles/unlink", json=body).status_code == 403
        assert http.post("/screen", json={"name": "Volkov"}).status_code == 200
    with server.client() as http:
        resp = http.post("/profiles/unlink", json=body)
        assert resp.status_code == 201, resp.text
        out = resp.json()
        assert out["action"] == "unlink" and out["who"] == "test admin"
        assert out["profiles"]["un_sc:QDi.101"] != out["profiles"]["us_ofac_sdn:12927"]
        bad = http.post("/profiles/link", json={**body, "a": "no-colon"})
        assert bad.status_code == 400
