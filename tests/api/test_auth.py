"""Keys over HTTP: 401 without a valid key, 403 beyond the key's role, 429 beyond
its rate, revocation taking effect mid-session, both header schemes."""

from __future__ import annotations

import time

import httpx

from tests.api.conftest import Server

HTTP = httpx.Client(timeout=60)
"""A client without a key, patient with a loaded machine."""

MATCH = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Andrei Volkov"]}}}}


def test_no_key_wrong_key_and_bad_scheme_get_401(server: Server) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        resp = HTTP.post(f"{server.url}/match/default", json=MATCH, headers=headers)
        assert resp.status_code == 401, resp.text
        assert resp.json()["detail"]
        assert resp.headers.get("www-authenticate") == "Bearer"
    # health and readiness stay open for load balancers
    assert HTTP.get(f"{server.url}/healthz").status_code == 200


def test_apikey_scheme_is_accepted(server: Server) -> None:
    resp = HTTP.post(
        f"{server.url}/match/default", json=MATCH, headers={"Authorization": f"ApiKey {server.key}"}
    )
    assert resp.status_code == 200, resp.text


def test_roles(server: Server) -> None:
    screen = server.create_key("screen")
    analyst = server.create_key("analyst")
    with server.client(screen) as http:
        assert http.post("/match/default", json=MATCH).status_code == 200
        assert http.get("/decisions").status_code == 403
        assert http.get("/audit").status_code == 403
        assert http.get("/keys").status_code == 403
    with server.client(analyst) as http:
        assert http.get("/decisions").status_code == 200
        assert http.get("/audit/verify").status_code == 200
        assert http.get("/keys").status_code == 403
        assert http.post("/keys", json={"name": "x", "role": "admin"}).status_code == 403
    with server.client() as http:
        assert http.get("/keys").status_code == 200


def test_key_revoked_mid_session(server: Server) -> None:
    with server.client() as admin:
        created = admin.post("/keys", json={"name": "temp", "role": "screen"})
        assert created.status_code == 201, created.text
        body = created.json()
        secret, key_id = body["secret"], body["id"]
        assert "secret" not in admin.get("/keys").json()[0]
        with server.client(secret) as http:  # one keep-alive connection
            assert http.post("/match/default", json=MATCH).status_code == 200
            assert admin.delete(f"/keys/{key_id}").status_code == 200
            assert http.post("/match/default", json=MATCH).status_code == 401
        assert admin.delete("/keys/nope").status_code == 404
        listed = {k["id"]: k for k in admin.get("/keys").json()}
        assert listed[key_id]["revoked_at"]


def test_rate_limit_answers_429_with_retry_after(server: Server) -> None:
    slow = server.create_key("screen", rate=1)  # 1 request/s, bursts of 2
    codes = []
    with server.client(slow) as http:
        for _ in range(5):
            resp = http.get("/catalog")
            codes.append(resp.status_code)
            if resp.status_code == 429:
                assert int(resp.headers["retry-after"]) >= 1
                assert "rate limit" in resp.json()["detail"]
        assert 429 in codes and codes[0] == 200
        time.sleep(1.5)
        assert http.get("/catalog").status_code == 200
    # another key is not affected
    with server.client() as http:
        assert http.get("/catalog").status_code == 200


def test_browser_session_cookie(server: Server) -> None:
    analyst = server.create_key("analyst")
    with httpx.Client(base_url=server.url, timeout=60) as browser:
        assert browser.get("/decisions").status_code == 401
        assert browser.post("/session", json={"key": "wrong"}).status_code == 401
        opened = browser.post("/session", json={"key": analyst})
        assert opened.status_code == 200 and opened.json()["role"] == "analyst"
        cookie = opened.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert browser.get("/decisions").status_code == 200
        assert browser.get("/keys").status_code == 403
        assert browser.delete("/session").status_code == 204
        assert browser.get("/decisions").status_code == 401
