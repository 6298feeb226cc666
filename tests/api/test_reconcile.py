"""The reconciliation API, as OpenRefine uses it (key in the query string)."""

from __future__ import annotations

import json

import httpx

from tests.api.conftest import Server

HTTP = httpx.Client(timeout=60)
"""A client without a key, patient with a loaded machine."""


def test_manifest_queries_suggest_extend(server: Server) -> None:
    key = {"api_key": server.key}
    base = f"{server.url}/reconcile/default"
    manifest = HTTP.get(base, params=key).json()
    assert manifest["versions"] == ["0.2"]
    assert manifest["suggest"]["entity"]["service_path"] == f"/suggest/entity?api_key={server.key}"
    assert {t["id"] for t in manifest["defaultTypes"]} >= {"Person", "Organization"}
    assert HTTP.get(base).status_code == 401

    queries = {
        "q0": {
            "query": "Andrei Petrovich Volkov",
            "type": "Person",
            "properties": [{"pid": "nationality", "v": "Russia"}],
        },
        "q1": {"query": "Nobody Whatsoever", "type": "Person"},
    }
    resp = HTTP.post(base, params=key, data={"queries": json.dumps(queries)})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    top = data["q0"]["result"][0]
    assert top["name"] == "ANDREI PETROVICH VOLKOV" and top["match"] is True
    assert top["type"][0]["id"] == "Person"
    assert data["q1"]["result"] == []

    extend = {"ids": [top["id"]], "properties": [{"id": "birthDate"}, {"id": "nationality"}]}
    resp = HTTP.post(base, params=key, data={"extend": json.dumps(extend)})
    assert resp.status_code == 200, resp.text
    row = resp.json()["rows"][top["id"]]
    assert row["birthDate"] == [{"str": "1961-03-14"}]
    assert row["nationality"][0]["str"] == "Russia"
    referent = {"ids": ["un_sc:QDi.101"], "properties": [{"id": "birthDate"}]}
    assert HTTP.post(base, params=key, data={"extend": json.dumps(referent)}).status_code == 400

    suggest = HTTP.get(f"{base}/suggest/entity", params={**key, "prefix": "Volkov"}).json()
    assert suggest["result"][0]["id"] == top["id"]
    types = HTTP.get(f"{base}/suggest/type", params={**key, "prefix": "pers"}).json()
    assert [t["id"] for t in types["result"]] == ["Person"]
    props = HTTP.get(f"{base}/suggest/property", params={**key, "prefix": "birth"}).json()
    assert any(p["id"] == "Person:birthDate" for p in props["result"])
    ext = HTTP.get(f"{base}/extend/property", params={**key, "type": "Person"}).json()
    assert any(p["id"] == "birthDate" for p in ext["properties"])
    assert HTTP.get(f"{base}/extend/property", params={**key, "type": "Nope"}).status_code == 400


def test_bad_reconcile_requests(server: Server) -> None:
    key = {"api_key": server.key}
    base = f"{server.url}/reconcile/default"
    assert HTTP.post(base, params=key, data={}).status_code == 400
    assert HTTP.post(base, params=key, data={"queries": "{not json"}).status_code == 400
    assert HTTP.post(base, params=key, data={"extend": "[1"}).status_code == 400
    deep = "[" * 100_000 + "]" * 100_000  # past Python's recursion limit
    assert HTTP.post(base, params=key, data={"extend": deep}).status_code == 400
    assert HTTP.post(base, params=key, data={"queries": deep}).status_code == 400
    bad_schema = {"q": {"query": "x", "type": "Banana"}}
    assert HTTP.post(base, params=key, data={"queries": json.dumps(bad_schema)}).status_code == 400
    assert HTTP.get(f"{server.url}/reconcile/nowhere", params=key).status_code == 404
