"""The service answers over real HTTP: health, docs, a match."""

from __future__ import annotations

from tests.api.conftest import Server


def test_health_docs_and_openapi(server: Server) -> None:
    with server.client() as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        ready = http.get("/readyz").json()
        assert ready["status"] == "ok" and ready["listings"] > 20
        assert len(ready["worker"]) == 8  # which process answered (one per --workers)
        spec = http.get("/openapi.json").json()
        assert "/match/{dataset}" in spec["paths"]
        assert "EntityMatchResponse" in spec["components"]["schemas"]
        docs = http.get("/docs")
        assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_match_finds_a_listed_person(server: Server) -> None:
    query = {"schema": "Person", "properties": {"name": ["Andrei Petrovich Volkov"]}}
    with server.client() as http:
        resp = http.post("/match/default", json={"queries": {"q": query}})
    assert resp.status_code == 200, resp.text
    result = resp.json()["responses"]["q"]["results"][0]
    assert result["caption"] == "ANDREI PETROVICH VOLKOV"
    assert "un_sc:QDi.101" in result["referents"]
    assert result["match"] is True
