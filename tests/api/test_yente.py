"""yente's own API tests, ported to run against a real ``thaw serve``.

The tests come from opensanctions/yente's ``tests/test_match.py``,
``test_search.py``, ``test_entity.py``, ``test_reconcile.py`` and
``test_app.py``, over the same data: its ``zala`` fixture (91 FtM entities around
Zala Aero and Alexander Zakharov; ``../shared/data/ftm/zala.ftm.json``), loaded
with ``thaw load``. Each test keeps yente's name and assertions, with these
translations, which follow from thaw's model:

* the dataset: yente serves the file as ``zala``; thaw serves a loaded FtM file
  as the source ``ftm`` (``/match/ftm``, ``/search/ftm``);
* ids: thaw's canonical entity is a *party* (profile id ``p-…``) whose
  ``referents`` are its listings (``ftm:NK-aU5ybkbRFJucf8YMwsJvDw``), where
  yente's is the OpenSanctions entity ``NK-aU5ybkbRFJucf8YMwsJvDw``;
* only listed parties are entities (thaw does not index addresses, sanctions or
  relationships), so tests about ``Address`` results use the parties instead.

Not ported, and why:

* ``test_match_logic_v2_with_algorithm_config`` (valid part): thaw's algorithms
  take no configuration; any ``config`` key is a 400, as yente's invalid one is
  (ported below).
* ``test_match_name_without_spaces``, ``test_fuzzy_names``: they toggle yente's
  ``MATCH_FUZZY`` setting (n-gram retrieval in Elasticsearch), which thaw does
  not have.
* ``test_search_invalid_query``: thaw has no query syntax, so no query is invalid.
* ``test_search_facet_datasets_spenden``, ``test_entity_not_nested``,
  ``test_entity_nested``, ``test_adjacent*``: the ``parteispenden`` fixture,
  nested entities and ``/adjacent`` are not part of thaw's API.
* ``test_search_no_targets`` (``target=false``) and ``test_search_zakharov_scope``
  (an empty second dataset built from a custom manifest): every thaw party is a
  target, and datasets come from loaded lists, not manifests.
* ``test_entity_fetch``'s ``sanctions`` (nested Sanction entities) and its
  ``len(referents) > 5`` (OpenSanctions' source ids; thaw lists its listings).
* ``test_redoc_has_sri``, ``test_max_url_length_*``: yente's ReDoc page and URL
  cap; thaw serves FastAPI's ``/docs``.
* ``test_audit_log.py``, ``test_indexer.py``, ``test_loader.py``, ``test_updater.py``
  and the other non-API modules test yente's internals.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.api.conftest import Server, build_home, start_server, stop_server
from tests.api.test_match import assert_entity_shape
from tests.conftest import require_shared

pytestmark = pytest.mark.realdata

LISTING = "ftm:NK-aU5ybkbRFJucf8YMwsJvDw"
"""Alexander Zakharov's listing (yente's NK-aU5ybkbRFJucf8YMwsJvDw)."""

QUERY_ZAKHAROV = {
    "schema": "Person",
    "properties": {
        "name": ["Alexander Vyacheslavovich ZAKHAROV"],
        "birthDate": ["1965"],
        "country": "Russia",
    },
}

MANY_NAMES = {
    "properties": {
        "name": [
            "Alexander Vyacheslavovich ZAKHAROV",
            "Aleksandr Vyacheslavovich Zakharov",
            "Александр Вячеславович Захаров",
            "Александр ЗАХАРОВ",
            "Захаров Александр Вячеславович",
            "Zakharov Aleksandr Vyacheslavovich",
            "Aleksandr Vjačeslavovič Zacharov",
        ]
    },
    "schema": "Person",
}


@pytest.fixture(scope="module")
def zala(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``thaw serve`` over a home holding yente's zala fixture."""
    path = require_shared().parent / "ftm" / "zala.ftm.json"
    home = build_home(tmp_path_factory.mktemp("yente") / "home", path)
    server = start_server(home)
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def client(zala: Server) -> Iterator[httpx.Client]:
    with zala.client() as http:
        yield http


@pytest.fixture(scope="module")
def zakharov(client: httpx.Client) -> str:
    """Zakharov's canonical id in thaw: the party his listing redirects to."""
    resp = client.get(f"/entities/{LISTING}")
    assert resp.status_code == 308, resp.text
    return resp.headers["location"].rsplit("/", 1)[-1]


def is_zakharov(result: dict[str, Any], zakharov: str) -> bool:
    return result["id"] == zakharov and LISTING in result["referents"]


# --- tests/test_match.py ---------------------------------------------------


def test_match_zakharov(client: httpx.Client, zakharov: str) -> None:
    query = {"queries": {"vv": QUERY_ZAKHAROV, "xx": QUERY_ZAKHAROV, "zz": QUERY_ZAKHAROV}}
    resp = client.post("/match/ftm", json=query)
    assert resp.status_code == 200, resp.text
    data = resp.json()
    res = data["responses"]["vv"]
    assert res["query"]["schema"] == "Person"
    assert res["query"]["properties"]["country"][0] == "ru"
    assert res["total"]["value"] > 0, res["total"]
    res0 = res["results"][0]
    assert is_zakharov(res0, zakharov), res0
    assert_entity_shape(res0)


def test_match_zakharov_name_based_mode(client: httpx.Client, zakharov: str) -> None:
    query = {"queries": {"vv": QUERY_ZAKHAROV}}
    resp = client.post("/match/ftm", json=query, params={"algorithm": "neural-net"})
    assert resp.status_code == 400, resp.text

    resp = client.post("/match/ftm", json=query, params={"algorithm": "name-based"})
    assert resp.status_code == 200, resp.text
    res = resp.json()["responses"]["vv"]
    assert res["query"]["schema"] == "Person"
    assert res["query"]["properties"]["country"][0] == "ru"
    assert res["total"]["value"] > 0, res["total"]
    res0 = res["results"][0]
    assert is_zakharov(res0, zakharov), res0
    assert res0["score"] > 0.70, res0
    assert_entity_shape(res0)


def test_match_no_schema(client: httpx.Client) -> None:
    query: dict[str, Any] = {"queries": {"fail": {"properties": {"name": "Banana"}}}}
    resp = client.post("/match/ftm", json=query)
    assert resp.status_code == 422, resp.text
    query = {
        "queries": {
            "fail": {"schema": "xxx", "properties": {"name": "Banana"}},
            "ok1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}},
            "ok2": {"schema": "Person", "properties": {"name": ["John Doe"]}},
        }
    }
    resp = client.post("/match/ftm", json=query)
    assert resp.status_code == 400, resp.text


@pytest.mark.parametrize("algorithm", ["logic-v1", "best"])
def test_match_many_names(client: httpx.Client, algorithm: str) -> None:
    query = {"queries": {"q": MANY_NAMES}}
    resp = client.post("/match/ftm", json=query, params={"algorithm": algorithm})
    assert resp.status_code == 200, resp.text
    results = resp.json()["responses"]["q"]["results"]
    assert len(results) > 0, results
    params = {"fuzzy": "false", "algorithm": algorithm}
    resp = client.post("/match/ftm", json=query, params=params)
    assert resp.status_code == 200, resp.text
    results2 = resp.json()["responses"]["q"]["results"]
    assert len(results) == len(results2), results2


def test_match_exclude_dataset(client: httpx.Client) -> None:
    query = {"queries": {"vv": QUERY_ZAKHAROV}}
    params = {"algorithm": "name-based", "exclude_dataset": "ftm"}
    resp = client.post("/match/ftm", json=query, params=params)
    assert resp.status_code == 200, resp.text
    assert len(resp.json()["responses"]["vv"]["results"]) == 0


def test_match_include_dataset(client: httpx.Client) -> None:
    query = {"queries": {"vv": QUERY_ZAKHAROV}}
    params: dict[str, Any] = {
        "algorithm": "name-based",
        "include_dataset": ["ae_local_terrorists", "mx_governors"],
    }
    resp = client.post("/match/ftm", json=query, params=params)
    assert resp.status_code == 200, resp.text
    assert len(resp.json()["responses"]["vv"]["results"]) == 0
    params = {"algorithm": "name-based", "include_dataset": ["ftm", "ae_local_terrorists"]}
    resp = client.post("/match/ftm", json=query, params=params)
    assert len(resp.json()["responses"]["vv"]["results"]) > 0
    params = {
        "algorithm": "name-based",
        "include_dataset": ["ftm", "mx_governors", "ae_local_terrorists"],
        "exclude_dataset": "ftm",
    }
    resp = client.post("/match/ftm", json=query, params=params)
    assert len(resp.json()["responses"]["vv"]["results"]) == 0


def test_match_logic_v2_with_invalid_algorithm_config(client: httpx.Client) -> None:
    query = {"queries": {"vv": QUERY_ZAKHAROV}, "config": {"invalid_option": 0.4}}
    resp = client.post("/match/ftm", json=query, params={"algorithm": "logic-v2"})
    assert resp.status_code == 400, resp.text


def test_filter_topic(client: httpx.Client) -> None:
    query = {"queries": {"vv": QUERY_ZAKHAROV}}
    params = {"algorithm": "name-based", "topics": "crime.cyber"}
    resp = client.post("/match/ftm", json=query, params=params)
    assert resp.status_code == 200, resp.text
    assert len(resp.json()["responses"]["vv"]["results"]) == 0
    params = {"algorithm": "name-based", "topics": "sanction"}
    resp = client.post("/match/ftm", json=query, params=params)
    assert len(resp.json()["responses"]["vv"]["results"]) > 0


def test_id_pass_through(client: httpx.Client) -> None:
    body = dict(MANY_NAMES)
    body["id"] = "zakharov"
    resp = client.post("/match/ftm", json={"queries": {"no1": body}})
    assert resp.status_code == 200, resp.text
    res = resp.json()["responses"]["no1"]
    assert res["query"]["schema"] == "Person"
    assert res["query"]["id"] == "zakharov"


def test_match_numeric_property_value(client: httpx.Client) -> None:
    query = {
        "queries": {
            "q": {
                "schema": "Person",
                "properties": {"name": ["Alexander Zakharov"], "birthDate": [1965]},
            }
        }
    }
    resp = client.post("/match/ftm", json=query)
    assert resp.status_code == 200, resp.text
    res = resp.json()["responses"]["q"]
    assert "1965" in res["query"]["properties"].get("birthDate", []), res["query"]


def test_exclude_entity_ids(client: httpx.Client, zakharov: str) -> None:
    query = {"queries": {"q": QUERY_ZAKHAROV}}
    resp = client.post("/match/ftm", json=query)
    assert is_zakharov(resp.json()["responses"]["q"]["results"][0], zakharov)
    # the canonical id, then a referent
    for excluded in (zakharov, LISTING):
        resp = client.post("/match/ftm", json=query, params={"exclude_entity_ids": [excluded]})
        results = resp.json()["responses"]["q"]["results"]
        assert not any(r["id"] == zakharov for r in results), results


# --- tests/test_search.py --------------------------------------------------


def search(client: httpx.Client, query: str) -> httpx.Response:
    return client.get(f"/search/ftm{query}")


def test_search_zakharov(client: httpx.Client, zakharov: str) -> None:
    res = search(client, "?q=alexander zakharov")
    assert res.status_code == 200, res
    results = res.json()["results"]
    assert len(results), results
    first = results[0]
    assert_entity_shape(first)
    assert is_zakharov(first, zakharov), results
    assert first["first_seen"] is not None, first
    assert first["last_seen"] is not None, first
    assert "sanctions" not in first["datasets"]
    assert "default" not in first["datasets"]


def test_search_no_query(client: httpx.Client) -> None:
    res = search(client, "")
    assert res.status_code == 200, res
    assert len(res.json()["results"]) > 9


def test_search_missing_dataset(client: httpx.Client) -> None:
    assert client.get("/search/banana").status_code == 404


def test_search_filter_schema(client: httpx.Client) -> None:
    assert search(client, "?q=angela merkel&schema=Banana").status_code == 400
    res = search(client, "?q=angela merkel&schema=Vessel")
    assert res.status_code == 200 and res.json()["results"] == []
    res = search(client, "?q=alexander zakharov&schema=Person")
    assert res.status_code == 200 and len(res.json()["results"]) > 0


def test_search_filter_exclude_schema(client: httpx.Client) -> None:
    # yente searches "moscow" and excludes Address; thaw indexes parties only
    total = search(client, "").json()["total"]["value"]
    assert total > 5
    res = search(client, "?exclude_schema=Person")
    assert res.status_code == 200, res
    assert res.json()["total"]["value"] < total
    assert all(r["schema"] != "Person" for r in res.json()["results"])


def test_search_filter_exclude_dataset(client: httpx.Client) -> None:
    assert search(client, "?q=alexander zakharov").json()["total"]["value"] > 0
    res = search(client, "?q=alexander zakharov&exclude_dataset=ftm")
    assert res.status_code == 200, res
    assert res.json()["total"]["value"] == 0


def test_search_filter_include_dataset(client: httpx.Client) -> None:
    assert search(client, "?q=alexander zakharov").json()["total"]["value"] > 0
    res = search(client, "?q=alexander zakharov&include_dataset=mx_senators")
    assert res.status_code == 200 and res.json()["total"]["value"] == 0
    res = search(client, "?q=alexander zakharov&include_dataset=ftm")
    assert res.json()["total"]["value"] > 0
    res = search(client, "?q=alexander zakharov&include_dataset=ftm&exclude_dataset=ftm")
    assert res.json()["total"]["value"] == 0


def test_search_filter_changed_since(client: httpx.Client) -> None:
    res = search(client, "?q=alexander zakharov&changed_since=2099-01-01T00:00")
    assert res.status_code == 200, res
    assert res.json()["total"]["value"] == 0


def test_search_filter_countries(client: httpx.Client) -> None:
    assert len(search(client, "?q=alexander zakharov&countries=ru").json()["results"]) > 0
    assert len(search(client, "?q=alexander zakharov&countries=ke").json()["results"]) == 0
    res = search(client, "?q=alexander zakharov&countries=ke&countries=ru")
    assert len(res.json()["results"]) > 0
    res = search(client, "?q=alexander zakharov&filter_op=AND&countries=ke&countries=ru")
    assert res.status_code == 200 and len(res.json()["results"]) == 0


def test_search_filter(client: httpx.Client) -> None:
    res = search(client, "?q=alexander zakharov&filter=properties.birthDate:1972-01-26§")
    assert res.status_code == 200, res
    assert len(res.json()["results"]) == 0
    # (not in yente's test) the same filter with his own birth date keeps him
    res = search(client, "?q=alexander zakharov&filter=properties.birthDate:1965")
    assert len(res.json()["results"]) == 1


def test_search_facets(client: httpx.Client) -> None:
    names = [c["name"] for c in search(client, "").json()["facets"]["datasets"]["values"]]
    assert "ftm" in names and "parteispenden" not in names
    countries = search(client, "?q=alexander zakharov&countries=ru").json()["facets"]["countries"]
    names = [c["name"] for c in countries["values"]]
    assert "ru" in names and "ke" not in names and "lb" not in names
    assert search(client, "?topics=sanction").json()["total"]["value"] > 0
    topics = search(client, "").json()["facets"]["topics"]
    assert "sanction" in [c["name"] for c in topics["values"]]
    schemata = search(client, "?facets=schema").json()["facets"]["schema"]
    assert "Person" in [c["name"] for c in schemata["values"]]


def test_search_facet_parameter(client: httpx.Client) -> None:
    facets = search(client, "").json()["facets"]
    assert set(facets) == {"topics", "datasets", "countries"}
    facets = search(client, "?facets=schema&facets=topics").json()["facets"]
    assert set(facets) == {"schema", "topics"}


def test_search_targets(client: httpx.Client) -> None:
    res = search(client, "?schema=LegalEntity&target=true")
    assert res.status_code == 200 and len(res.json()["results"]) > 0


def test_search_sorted(client: httpx.Client) -> None:
    results = search(client, "?sort=first_seen:desc").json()["results"]
    seen = [r["first_seen"] for r in results]
    assert seen == sorted(seen, reverse=True)


def test_search_limit_and_offset(client: httpx.Client) -> None:
    assert search(client, "?limit=0&q=alexander zakharov").json()["results"] == []
    data = search(client, "?offset=100&q=alexander zakharov").json()
    assert data["results"] == [] and data["offset"] == 100
    assert client.get("/search/default?offset=9999&q=putin").status_code == 422
    assert search(client, "?limit=10000&q=zakharov").status_code == 422
    data = search(client, "?limit=500&q=zakharov").json()
    assert data["limit"] < 10000 and data["offset"] == 0


# --- tests/test_entity.py ---------------------------------------------------


def test_entity_404(client: httpx.Client) -> None:
    assert client.get("/entities/banana").status_code == 404


def test_entity_fetch(client: httpx.Client, zakharov: str) -> None:
    res = client.get(f"/entities/{LISTING}", follow_redirects=True)
    assert res.status_code == 200, res
    data = res.json()
    assert_entity_shape(data)
    assert data["id"] == zakharov
    assert data["schema"] == "Person"
    assert "ftm" in data["datasets"]
    assert LISTING in data["referents"]
    assert isinstance(data["properties"]["birthDate"][0], str)


# --- tests/test_reconcile.py ------------------------------------------------


def test_reconcile_post_query(client: httpx.Client, zakharov: str) -> None:
    queries = {"mutti": {"query": "Alexander ZAKHAROV"}}
    resp = client.post("/reconcile/ftm", data={"queries": json.dumps(queries)})
    assert resp.status_code == 200, resp.text
    assert resp.json()["mutti"]["result"][0]["id"] == zakharov


def test_reconcile_post_extend(client: httpx.Client, zakharov: str) -> None:
    query = {"ids": [zakharov], "properties": [{"id": "name"}, {"id": "birthDate"}]}
    resp = client.post("/reconcile/ftm", data={"extend": json.dumps(query)})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert len(data["meta"]) == 2 and data["meta"][0]["id"] == "name"
    names = data["rows"][zakharov]["name"]
    assert "zakharov" in "".join(n["str"] for n in names).lower(), names


def test_reconcile_invalid(client: httpx.Client) -> None:
    queries = {"mutti": {"type": "Banana"}}
    resp = client.post("/reconcile/ftm", data={"queries": json.dumps(queries)})
    assert resp.status_code == 400, resp.text


def test_reconcile_suggest_entity(client: httpx.Client, zakharov: str) -> None:
    assert client.get("/reconcile/ftm/suggest/entity").json()["result"] == []
    res = client.get("/reconcile/ftm/suggest/entity?prefix=alexander%20zak").json()["result"]
    assert res and res[0]["id"] == zakharov, res
    res = client.get("/reconcile/ftm/suggest/entity?prefix=banana%20man").json()["result"]
    assert res == []


# --- tests/test_app.py ------------------------------------------------------


def test_match_without_content_type_header(zala: Server) -> None:
    query = {"queries": {"q1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}}}}
    for params in ({}, {"api_key": zala.key}):  # the fast path, then FastAPI's route
        headers = {} if params else {"Authorization": f"Bearer {zala.key}"}
        res = httpx.post(
            f"{zala.url}/match/ftm",
            content=json.dumps(query),
            params=params,
            headers=headers,
            timeout=60,
        )
        assert res.status_code == 200, res.text
