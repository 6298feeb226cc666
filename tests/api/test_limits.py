"""Caps: request bodies, batch size; CORS off by default; readiness."""

from __future__ import annotations

import socket

import httpx

from tests.api.conftest import Server

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
    def chunks():  # no Content-Length: counted while it streams
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
