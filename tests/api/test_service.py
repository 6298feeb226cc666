"""The service's hot path over real HTTP: the pure-ASGI ``/match`` fast path answers
exactly as the FastAPI route does, cached keys still lose their access within a
second of a revocation made elsewhere, the rate limit is one budget per key
across ``--workers 2``, and every ``/match`` answer is on record when it arrives."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import TLS, Server, copy_home, start_server, stop_server
from thaw.store.state import open_state

VOLKOV = {
    "schema": "Person",
    "properties": {"name": ["Andrei Petrovich Volkov"], "birthDate": ["1961"], "country": "Russia"},
}
BATCH = {
    "queries": {
        "a": VOLKOV,
        "b": {"schema": "Person", "properties": {"name": ["Maria Keller"]}},
        "c": {"schema": "LegalEntity", "properties": {"name": ["Volkov"], "country": "ru"}},
    }
}


def both(
    server: Server, body: Any, params: Any = None, raw: bytes | None = None
) -> tuple[httpx.Response, httpx.Response]:
    """The same ``/match`` call through the fast path (key in the header) and
    through the FastAPI route (key as ``?api_key=``, which the fast path leaves
    to FastAPI)."""
    answers = []
    for fast in (True, False):
        query = dict(params or {})
        headers = {"Content-Type": "application/json"}
        if fast:
            headers["Authorization"] = f"Bearer {server.key}"
        else:
            query["api_key"] = server.key
        content = raw if raw is not None else httpx.Request("POST", "/", json=body).content
        resp = httpx.post(
            f"{server.url}/match/default",
            params=query,
            content=content,
            headers=headers,
            timeout=60,
            verify=TLS,
        )
        answers.append(resp)
    return answers[0], answers[1]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"limit": "2", "threshold": "0.8"},
        {"exclude_schema": ["Organization", "Company"], "topics": ["sanction"]},
        {"include_dataset": ["un"], "exclude_dataset": ["us_ofac_sdn"], "algorithm": "ofac"},
        {"changed_since": "2000-01-01", "exclude_entity_ids": ["un_sc:QDi.101"], "cutoff": "0.5"},
    ],
)
def test_fast_path_answers_as_the_fastapi_route(server: Server, params: dict[str, Any]) -> None:
    fast, slow = both(server, BATCH, params)
    assert fast.status_code == slow.status_code == 200, (fast.text, slow.text)
    assert fast.json() == slow.json()
    assert fast.headers["x-batch-size"] == slow.headers["x-batch-size"] == "3"
    assert fast.headers["content-type"] == slow.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("body", "params", "raw", "status"),
    [
        (BATCH, {"algorithm": "neural-net"}, None, 400),
        ({"queries": {}}, {}, None, 400),
        ({"queries": {"x": {"schema": "Banana", "properties": {}}}}, {}, None, 400),
        (BATCH, {"limit": "-1"}, None, 422),
        (BATCH, {"threshold": "high"}, None, 422),
        (BATCH, {"changed_since": "yesterday"}, None, 422),
        ({"queries": {"x": {"properties": {"name": "Banana"}}}}, {}, None, 422),
        (None, {}, b'{"queries": {', 422),
        (None, {}, b"", 422),
    ],
)
def test_fast_path_errors_are_the_fastapi_route_errors(
    server: Server, body: Any, params: dict[str, Any], raw: bytes | None, status: int
) -> None:
    fast, slow = both(server, body, params, raw)
    assert fast.status_code == slow.status_code == status, (fast.text, slow.text)
    assert fast.json() == slow.json()


def test_fast_path_refuses_without_a_valid_key(server: Server) -> None:
    url = f"{server.url}/match/default"
    assert httpx.post(url, json=BATCH, verify=TLS).status_code == 401
    bad = httpx.post(url, json=BATCH, headers={"Authorization": "Bearer nope"}, verify=TLS)
    assert bad.status_code == 401
    assert bad.headers["www-authenticate"] == "Bearer"
    assert bad.json() == {"detail": "invalid or revoked API key"}
    other = httpx.post(url, json=BATCH, headers={"Authorization": "Basic abc"}, verify=TLS)
    assert other.status_code == 401
    missing = httpx.post(
        f"{server.url}/match/nowhere",
        json=BATCH,
        headers={"Authorization": f"Bearer {server.key}"},
        verify=TLS,
    )
    assert missing.status_code == 404 and "nowhere" in missing.json()["detail"]


def test_revocation_elsewhere_takes_effect_within_a_second(server: Server) -> None:
    secret = server.create_key("screen", name="revoked elsewhere")
    with server.client(secret) as http:
        assert http.post("/match/default", json=BATCH).status_code == 200  # now cached
        with open_state(server.home) as state:  # as `thaw keys revoke` does
            key_id = next(k.id for k in state.keys.list() if k.name == "revoked elsewhere")
            state.keys.revoke(key_id)
        began = time.monotonic()
        while http.post("/match/default", json=BATCH).status_code == 200:
            assert time.monotonic() - began < 2.0, "a revoked key still works after 2 s"
            time.sleep(0.1)
        assert http.post("/match/default", json=BATCH).status_code == 401


def test_every_answer_is_on_record_when_it_arrives(server: Server) -> None:
    marker = f"Audit Marker {time.time_ns()}"
    body = {"queries": {"m": {"schema": "Person", "properties": {"name": [marker]}}}}
    with server.client() as http:
        for _ in range(3):
            assert http.post("/match/default", json=body).status_code == 200
            with open_state(server.home) as state:
                last = list(state.audit.export())[-1]
            assert last.action == "match"
            assert last.query["queries"]["m"]["properties"]["name"] == [marker]
        assert http.get("/audit/verify").json()["ok"] is True


def test_rate_limit_is_one_budget_across_workers(base_home: Path, tmp_path: Path) -> None:
    server = start_server(copy_home(base_home, tmp_path / "home"), args=("--workers", "2"))
    try:
        # every worker must be up before the budget is measured: a worker still
        # loading its index answers 503 meanwhile. /readyz names the worker that
        # answered; wait until both have said ready (a busy worker accepts fewer
        # connections, so "ready many times in a row" could be one worker only)
        deadline = time.monotonic() + 120
        ready: set[str] = set()
        while len(ready) < 2:
            answer = httpx.get(f"{server.url}/readyz", timeout=10, verify=TLS)
            if answer.status_code == 200:
                ready.add(answer.json()["worker"])
            else:
                time.sleep(0.05)
            assert time.monotonic() < deadline, f"only {len(ready)} worker(s) became ready"
        slow = server.create_key("screen", rate=1)  # 1 request/s, bursts of 2
        began = time.monotonic()
        codes = []
        for _ in range(16):  # a new connection each time: spread over both workers
            resp = httpx.get(
                f"{server.url}/catalog",
                headers={"Authorization": f"Bearer {slow}"},
                timeout=30,
                verify=TLS,
            )
            codes.append(resp.status_code)
        elapsed = time.monotonic() - began
        assert set(codes) <= {200, 429}
        # one shared bucket: 2 at once plus 1 per second since; a bucket per
        # worker would have let through up to twice the burst
        assert codes.count(200) <= 2 + int(elapsed) + 1, (codes, elapsed)
        assert codes[0] == 200 and 429 in codes
    finally:
        stop_server(server)
