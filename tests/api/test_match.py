"""yente-compatible routes over HTTP: shapes, echoed query, filters and errors as
yente 5.x (tests modelled on yente's own tests/test_match.py)."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from followthemoney import model

from tests.api.conftest import Server

VOLKOV = {
    "schema": "Person",
    "properties": {"name": ["Andrei Petrovich Volkov"], "birthDate": ["1961"], "country": "Russia"},
}
REQUIRED = {
    "id",
    "caption",
    "schema",
    "properties",
    "datasets",
    "referents",
    "target",
    "first_seen",
    "last_seen",
    "last_change",
}
ISO_SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


def assert_entity_shape(data: dict[str, Any]) -> None:
    """yente's tests/conftest.py assert_entity_shape."""
    assert not REQUIRED - data.keys(), data.keys()
    assert isinstance(data["id"], str) and data["id"]
    assert isinstance(data["caption"], str) and data["caption"]
    assert data["schema"] in model.schemata
    for prop, values in data["properties"].items():
        assert isinstance(values, list) and all(isinstance(v, str) for v in values), prop
    assert all(isinstance(d, str) for d in data["datasets"])
    assert all(isinstance(r, str) for r in data["referents"])
    assert isinstance(data["target"], bool)
    for key in ("first_seen", "last_seen", "last_change"):
        assert data[key] is None or ISO_SECONDS.match(data[key]), data[key]


def post(server: Server, path: str, body: Any, **params: Any) -> httpx.Response:
    with server.client() as http:
        return http.post(path, json=body, params=params)


def test_match_shape_and_normalised_query(server: Server) -> None:
    resp = post(server, "/match/default", {"queries": {"vv": VOLKOV, "xx": VOLKOV}})
    assert resp.status_code == 200, resp.text
    assert resp.headers["x-batch-size"] == "2"
    data = resp.json()
    assert data["limit"] == 5 and set(data["responses"]) == {"vv", "xx"}
    res = data["responses"]["vv"]
    assert res["status"] == 200
    assert res["query"]["schema"] == "Person"
    assert res["query"]["properties"]["country"] == ["ru"]
    assert res["query"]["properties"]["birthDate"] == ["1961"]
    assert res["total"]["value"] >= 1 and res["total"]["relation"] == "eq"
    top = res["results"][0]
    assert_entity_shape(top)
    assert top["caption"] == "ANDREI PETROVICH VOLKOV"
    assert top["score"] > 0.9 and top["match"] is True
    assert "un_sc:QDi.101" in top["referents"] and top["datasets"] == ["un_sc"]
    assert top["properties"]["topics"] == ["sanction"]
    (explanation,) = top["explanations"].values()
    assert "volkov" in explanation["detail"].lower()


def test_threshold_cutoff_and_limit(server: Server) -> None:
    body = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Andrei Volkov"]}}}}
    strict = post(server, "/match/default", body, threshold=0.99, cutoff=0.5).json()
    results = strict["responses"]["q"]["results"]
    assert results and all(not r["match"] for r in results if r["score"] < 0.99)
    assert post(server, "/match/default", body, limit=0).json()["responses"]["q"]["results"] == []
    assert post(server, "/match/default", body, limit=501).status_code == 200  # capped


def test_datasets_by_source_authority_and_filters(server: Server) -> None:
    body = {"queries": {"q": VOLKOV}}

    def ids(**params: Any) -> list[str]:
        path = params.pop("path", "/match/default")
        resp = post(server, path, body, **params)
        assert resp.status_code == 200, resp.text
        return [r["id"] for r in resp.json()["responses"]["q"]["results"]]

    found = ids()
    assert found
    assert ids(path="/match/un_sc") == found
    assert ids(path="/match/un") == found
    assert ids(path="/match/us_ofac_sdn") == []
    assert ids(path="/match/us") == []
    assert ids(include_dataset="us_ofac_sdn") == []
    assert ids(include_dataset=["us_ofac_sdn", "un_sc"]) == found
    assert ids(exclude_dataset="un") == []
    assert ids(exclude_schema="Person") == []
    assert ids(exclude_entity_ids="un_sc:QDi.101") == []
    assert ids(exclude_entity_ids=found[0]) == []
    assert ids(topics="sanction") == found
    assert ids(topics="crime") == []
    assert ids(changed_since="2026-01-01") == found
    assert ids(changed_since="2027-01-01") == []
    with server.client() as http:
        assert http.post("/match/nowhere", json=body).status_code == 404


@pytest.mark.parametrize("algorithm", ["best", "thaw", "ofac", "logic-v2", "name-based"])
def test_algorithms_accepted(server: Server, algorithm: str) -> None:
    resp = post(server, "/match/default", {"queries": {"q": VOLKOV}}, algorithm=algorithm)
    assert resp.status_code == 200, resp.text
    assert resp.json()["responses"]["q"]["results"]


def test_errors_as_yente(server: Server) -> None:
    ok_query = {"schema": "Person", "properties": {"name": ["John Doe"]}}
    # unknown algorithm
    assert (
        post(
            server, "/match/default", {"queries": {"q": VOLKOV}}, algorithm="neural-net"
        ).status_code
        == 400
    )
    # no schema: 422
    assert (
        post(
            server, "/match/default", {"queries": {"f": {"properties": {"name": "Banana"}}}}
        ).status_code
        == 422
    )
    # an invalid schema anywhere in the batch: 400
    bad = {"queries": {"fail": {"schema": "xxx", "properties": {"name": "Banana"}}, "ok": ok_query}}
    resp = post(server, "/match/default", bad)
    assert resp.status_code == 400 and "schema" in resp.json()["detail"].lower()
    # a schema that cannot be matched
    assert (
        post(
            server, "/match/default", {"queries": {"q": {"schema": "Note", "properties": {}}}}
        ).status_code
        == 400
    )
    # no queries
    resp = post(server, "/match/default", {"queries": {}})
    assert resp.status_code == 400 and resp.json()["detail"] == "No queries provided."
    # too many queries
    many = {"queries": {f"q{i}": ok_query for i in range(101)}}
    resp = post(server, "/match/default", many)
    assert resp.status_code == 400 and "Too many queries" in resp.json()["detail"]
    # configuration the algorithm does not take
    resp = post(
        server,
        "/match/default",
        {"queries": {"q": ok_query}, "config": {"nm_number_mismatch": 0.4}},
    )
    assert resp.status_code == 400 and "nm_number_mismatch" in resp.json()["detail"]
    # bad changed_since
    assert (
        post(
            server, "/match/default", {"queries": {"q": ok_query}}, changed_since="yesterday"
        ).status_code
        == 422
    )


def test_malformed_json_and_wrong_types_are_4xx(server: Server) -> None:
    with server.client() as http:
        resp = http.post(
            "/match/default", content=b'{"queries": {', headers={"content-type": "application/json"}
        )
        assert resp.status_code == 422
        assert http.post("/match/default", json=[1, 2]).status_code == 422
        assert http.post("/match/default", json={"queries": "x"}).status_code == 422
        deep = b'{"queries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
        nested = http.post(
            "/match/default", content=deep, headers={"content-type": "application/json"}
        )
        assert nested.status_code == 400, nested.text  # nested too deeply: not a 500
        assert "parsing the body" in nested.text
        weird = {
            "queries": {"q": {"schema": "Person", "properties": {"name": [{"a": 1}, None, 5]}}}
        }
        assert http.post("/match/default", json=weird).status_code == 200


def test_unknown_properties_are_dropped_from_the_echo(server: Server) -> None:
    body = {
        "queries": {"q": {"schema": "Person", "properties": {"name": "Volkov", "shoeSize": "44"}}}
    }
    resp = post(server, "/match/default", body)
    assert resp.status_code == 200
    assert resp.json()["responses"]["q"]["query"]["properties"] == {"name": ["Volkov"]}


def test_search(server: Server) -> None:
    with server.client() as http:
        resp = http.get("/search/default", params={"q": "Volkov"})
        assert resp.status_code == 200, resp.text
        data = resp.json()
        assert data["total"]["value"] >= 1 and data["limit"] == 10 and data["offset"] == 0
        assert_entity_shape(data["results"][0])
        assert http.get("/search/us", params={"q": "Volkov"}).json()["results"] == []
        # as yente: no q lists the whole dataset
        every = http.get("/search/us", params={"q": "", "limit": 500}).json()
        assert every["total"]["value"] == len(every["results"]) > 0
        assert all(r["datasets"] == ["us_ofac_sdn"] for r in every["results"])
        assert http.get("/search/default").json()["total"]["value"] > every["total"]["value"]
        assert http.get("/search/default", params={"q": "x" * 501}).status_code == 422


def test_entities_redirect_listing_to_profile(server: Server) -> None:
    with server.client() as http:
        first = http.get("/entities/un_sc:QDi.101")
        assert first.status_code == 308
        target = first.headers["location"]
        profile = http.get(target)
        assert profile.status_code == 200, profile.text
        data = profile.json()
        assert_entity_shape(data)
        assert "un_sc:QDi.101" in data["referents"]
        assert http.get(f"/entities/{data['id']}").json() == data
        followed = http.get("/entities/un_sc:QDi.101", follow_redirects=True)
        assert followed.json()["id"] == data["id"]
        assert http.get("/entities/un_sc:nope").status_code == 404
        assert http.get("/entities/nothing").status_code == 404


def test_catalog_and_algorithms(server: Server) -> None:
    with server.client() as http:
        catalog = http.get("/catalog").json()
        names = {d["name"]: d for d in catalog["datasets"]}
        assert {"default", "un_sc", "un", "us_ofac_sdn", "us"} <= set(names)
        assert names["un_sc"]["publication"]["published"].startswith("2026-02-27")
        assert names["un_sc"]["version"].startswith("2026-02-27")
        assert set(names["default"]["children"]) >= {"un_sc", "us_ofac_sdn"}
        assert catalog["current"] and catalog["outdated"] == []
        algos = http.get("/algorithms").json()
        assert algos["default"] == "thaw" and algos["best"] == "thaw"
        listed = {a["name"]: a for a in algos["algorithms"]}
        assert {"thaw", "ofac", "best", "logic-v2"} <= set(listed)
        assert listed["thaw"]["features"]


def test_answer_is_what_the_response_models_serialise(server: Server) -> None:
    """The answer is written with orjson from plain data (``Outcome.results_data``),
    not by pydantic: it must be byte for byte what ``EntityMatchResponse``
    validates and serialises, results, decisions, echoed queries and all (also
    with non-ASCII text, which both write as raw UTF-8)."""
    from thaw.schemas.yente import EntityMatchResponse

    batch = {
        "vv": VOLKOV,
        "cy": {"schema": "Person", "properties": {"name": ["Андрей Петрович Волков"]}},
        "op": {"schema": "Vessel", "properties": {"name": "Ocean Princess"}},
        "no": {"id": "cust-1", "schema": "Person", "properties": {"name": ["Maria Keller"]}},
        "vo": {"schema": "Person", "properties": {"name": ["Volkov"]}},
    }
    resp = post(server, "/match/default", {"queries": batch}, threshold=0.9, cutoff=0.5, limit=3)
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["responses"]["vv"]["results"] and data["responses"]["cy"]["results"]
    assert data["responses"]["no"]["query"]["id"] == "cust-1"
    results = [r for v in data["responses"].values() for r in v["results"]]
    assert {r["match"] for r in results} == {True, False}
    model = EntityMatchResponse.model_validate_json(resp.content)
    assert model.model_dump_json(by_alias=True).encode() == resp.content


def test_iso_birth_dates_are_cleaned_as_followthemoney_cleans_them() -> None:
    """thaw.api.matching._clean's fast path for YYYY-MM-DD gives what FtM's date
    type gives, for every kind of date text (a sample of every day of 1800-2100
    and the edges around it)."""
    import datetime
    import random

    from followthemoney.types import registry

    from thaw.api.matching import _clean

    rng = random.Random(5)
    first = datetime.date(1800, 1, 1).toordinal()
    last = datetime.date(2100, 12, 31).toordinal()
    days = [datetime.date.fromordinal(rng.randint(first, last)).isoformat() for _ in range(3000)]
    edges = ["1799-12-31", "1800-01-01", "2100-12-31", "2101-01-01", "0061-06-21", "1961-02-29"]
    edges += ["1960-02-29", "1961-13-01", "1961-00-10", "1961-06-00", "1961-6-21", "19610621"]
    edges += ["1961-06-21 ", "1961-06-21T10:00", "１９６１-06-21", "9999-12-31", "1000-01-01"]
    for text in days + edges:
        assert _clean("date", text) == registry.date.clean(text, fuzzy=True), text
