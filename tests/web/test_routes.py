"""The web pages' routes over real HTTP (no browser): sign-in and its cookie, pages
behind it, static files confined to the package."""

from __future__ import annotations

import httpx
from tests.api.conftest import Server


def test_pages_need_a_signed_in_key(server: Server) -> None:
    with httpx.Client(base_url=server.url, follow_redirects=False) as http:
        resp = http.get("/web/whatif?lift=us:SDGT")
        assert resp.status_code == 303
        assert resp.headers["location"] == "/web/signin?next=%2Fweb%2Fwhatif%3Flift%3Dus%3ASDGT"
        assert http.get("/web/signin").status_code == 200
        refused = http.post("/web/signin", data={"key": "nope", "next": "/"})
        assert refused.status_code == 401 and "not valid" in refused.text
        assert "thaw_session" not in refused.headers.get("set-cookie", "")


def test_sign_in_sets_a_strict_http_only_cookie(server: Server) -> None:
    key = server.create_key("analyst", "Jane (ops)")
    with httpx.Client(base_url=server.url, follow_redirects=False) as http:
        resp = http.post("/web/signin", data={"key": key, "next": "/web/audit?q=x"})
        assert resp.status_code == 303 and resp.headers["location"] == "/web/audit?q=x"
        cookie = resp.headers["set-cookie"].lower()
        assert "thaw_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
        page = http.get("/web/audit")
        assert page.status_code == 200
        assert "Jane (ops)" in page.text and 'aria-current="page"' in page.text
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
        # the API accepts the same cookie, with the key's role
        assert http.get("/decisions").status_code == 200
        out = http.post("/web/signout")
        assert out.status_code == 303 and 'thaw_session=""' in out.headers["set-cookie"]
        http.cookies.clear()
        assert http.get("/web/audit").status_code == 303


def test_sign_in_returns_only_to_local_pages(server: Server) -> None:
    key = server.create_key("screen")
    with httpx.Client(base_url=server.url, follow_redirects=False) as http:
        for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
            resp = http.post("/web/signin", data={"key": key, "next": target})
            assert resp.headers["location"] == "/", target


def test_static_files_stay_inside_the_package(server: Server) -> None:
    with httpx.Client(base_url=server.url) as http:
        css = http.get("/web/static/thaw.css")
        assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
        assert "immutable" in css.headers["cache-control"]
        js = http.get("/web/static/thaw.js")
        assert js.headers["content-type"].startswith("text/javascript")
        for path in (
            "/web/static/../pages.py",
            "/web/static/%2e%2e/pages.py",
            "/web/static/nope.js",
        ):
            assert http.get(path).status_code == 404, path
