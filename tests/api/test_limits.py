"""Caps: request bodies, batch size; CORS off by default; readiness."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import Server, copy_home, start_server, stop_server
from thaw.store.state import open_state

HTTP = httpx.Client(timeout=60)
"""A client without a key, patient with a loaded machine."""


def test_oversized_body_gets_413(server: Server) -> None:
    big = {"queries": {"q": {"schema": "Person", "properties": {"name": ["x" * 3_000_000]}}}}
    with server.client() as http:
        resp = http.post("/match/default", json=big)
        assert resp.status_code == 413 and "too large" in resp.json()["detail"]
        # the server is fine afterwards
        assert http.get("/healthz").status_code == 200


def test_oversized_chunked_body_gets_413(server: Server) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        for _ in range(300):
            yield b"x" * 10_000

    with server.client() as http:
        resp = http.post(
            "/match/default", content=chunks(), headers={"content-type": "application/json"}
        )
        assert resp.status_code == 413


def test_lying_content_length_is_refused(server: Server) -> None:
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(
            b"POST /match/default HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n"
            b"Authorization: Bearer " + server.key.encode() + b"\r\n\r\n"
        )
        answer = s.recv(200)
    assert answer.startswith(b"HTTP/1.1 400")


def test_cors_is_off_by_default(server: Server) -> None:
    resp = HTTP.options(
        f"{server.url}/match/default",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in resp.headers


def test_configured_limits_cors_and_shared_state(base_home: Path, tmp_path: Path) -> None:
    """A server with small caps, CORS for one origin and (when the test server
    exists) its state in PostgreSQL."""
    env = {
        "THAW_CORS_ORIGINS": "https://ops.example",
        "THAW_MAX_BATCH": "3",
        "THAW_MAX_UPLOAD": "50000",
    }
    pg = os.environ.get("THAW_TEST_DATABASE_URL")
    if pg:
        env["THAW_DATABASE_URL"] = pg
    elif os.environ.get("CI"):
        pytest.fail("CI must provide THAW_TEST_DATABASE_URL (.ci/setup.d/30-postgres.sh)")
    server = start_server(copy_home(base_home, tmp_path / "home"), env)
    try:
        query = {"schema": "Person", "properties": {"name": ["Andrei Volkov"]}}
        with server.client() as http:
            resp = http.post("/match/default", json={"queries": {f"q{i}": query for i in range(4)}})
            assert resp.status_code == 400 and "limit: 3" in resp.json()["detail"]
            assert http.post("/match/default", json={"queries": {"q": query}}).status_code == 200
            big = b"name\n" + b"Jane Doe\n" * 10_000
            resp = http.post("/screen/file", files={"file": ("big.csv", big)})
            assert resp.status_code == 413
            preflight = http.options(
                "/match/default",
                headers={"Origin": "https://ops.example", "Access-Control-Request-Method": "POST"},
            )
            assert preflight.headers["access-control-allow-origin"] == "https://ops.example"
            other = http.options(
                "/match/default",
                headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
            )
            assert "access-control-allow-origin" not in other.headers
            assert http.get("/audit/verify").json()["ok"]
        if pg:
            with open_state(None, pg) as state:
                assert state.backend == "postgresql"
                assert any(r.action == "match" for r in state.audit.export())
            assert not (server.home / "state.db").exists()
    finally:
        stop_server(server)
