"""Hostile input over every route of the HTTP API (issue 17): for each operation
of the running server's own ``/openapi.json``, malformed, wrongly typed, huge,
deeply nested and non-UTF-8 bodies, bad query and path parameters and oversized
uploads. Every answer is below 500, and every 4xx carries a reason.

The cases are a table over the schema, so a route added later is swept too."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import Server, copy_home, start_server, stop_server

MAX_BODY = 200_000
MAX_UPLOAD = 300_000
DEEP = b"[" * 90_000 + b"]" * 90_000
"""Nested past Python's recursion limit, and under :data:`MAX_BODY`."""
DEEP_OBJECT = b'{"a":' * 30_000 + b"1" + b"}" * 30_000


@pytest.fixture(scope="module")
def hostile_server(base_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own, with small body and upload caps (so that oversized
    inputs are cheap to send)."""
    home = copy_home(base_home, tmp_path_factory.mktemp("hostile") / "home")
    srv = start_server(home, {"THAW_MAX_BODY": str(MAX_BODY), "THAW_MAX_UPLOAD": str(MAX_UPLOAD)})
    yield srv
    stop_server(srv)


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile request."""

    what: str
    method: str
    url: str
    content: bytes | None = None
    headers: tuple[tuple[str, str | bytes], ...] = ()


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A schema with its ``$ref`` followed (and of ``anyOf``/``oneOf``/``allOf``,
    the first option that is not null)."""
    while "$ref" in schema:
        target: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        schema = target
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"]
            if options:
                return _resolve(spec, options[0])
    return schema


def _sample(spec: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> Any:
    """A plausible instance of a JSON schema (the base that each case spoils)."""
    schema = _resolve(spec, schema)
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 3:
            return {}
        props = schema.get("properties", {})
        sample = {k: _sample(spec, v, depth + 1) for k, v in props.items()}
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:  # a map, e.g. /match's queries
            sample["name"] = _sample(spec, extra, depth + 1)
        return sample
    if kind == "array":
        return [_sample(spec, schema.get("items", {}), depth + 1)] if depth < 3 else []
    return {"string": "x", "integer": 1, "number": 0.5, "boolean": True}.get(str(kind), "x")


_WRONG_VALUES: tuple[tuple[str, str], ...] = (
    ("a number", "12345"),
    ("an object", '{"a": {"b": 1}}'),
    ("a list", "[[1], {}]"),
    ("null", "null"),
    ("infinity", "1e999"),
    ("a 5,000-digit integer", "1" * 5000),
    ("a lone surrogate", '"\\ud800x"'),
    ("a NUL and a formula", "\"=cmd|' /C calc'!A0\\u0000\""),
    ("a long string", '"' + "A" * 100_000 + '"'),
    ("a deep list", "[" * 5000 + "]" * 5000),
    ("a 900-deep list", "[" * 900 + "]" * 900),
    ("a 900-deep object", '{"a":' * 900 + "1" + "}" * 900),
)
"""What each property of a JSON body is replaced with (as JSON text)."""

_BODIES: tuple[tuple[str, bytes], ...] = (
    ("empty", b""),
    ("malformed", b'{"queries": '),
    ("a list", b"[]"),
    ("a string", b'"x"'),
    ("null", b"null"),
    ("infinity", b"1e999"),
    ("a 5,000-digit number", b"9" * 5000),
    ("deep lists", DEEP),
    ("deep objects", DEEP_OBJECT),
    ("non-UTF-8", b'{"name": "\xff\xfe\xc3("}'),
    ("UTF-16", '{"name": "x"}'.encode("utf-16")),
    ("oversized", b'{"x": "' + b"a" * (MAX_BODY + 10) + b'"}'),
)

_PARAM_VALUES: tuple[tuple[str, str], ...] = (
    ("empty", ""),
    ("a word", "abc"),
    ("negative", "-1"),
    ("infinity", "1e999"),
    ("nan", "nan"),
    ("huge", "9" * 5000),
    ("non-UTF-8", "%FF%FE%C3%28"),
    ("a NUL", "a%00b"),
    ("long", "x" * 20_000),
    ("a date out of range", "99999-99-99"),
)

_HEADERS: tuple[tuple[str, tuple[str, str | bytes]], ...] = (
    ("a non-UTF-8 key", ("authorization", b"Bearer \xff\xfe\xc3(")),
    ("a huge key", ("authorization", "Bearer " + "k" * 8000)),
    ("a scheme without a key", ("authorization", "Bearer")),
    ("an unknown scheme", ("authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l")),
    ("a non-UTF-8 content type", ("content-type", b"application/json; charset=\xff")),
    ("an unknown charset", ("content-type", "application/json; charset=klingon")),
)
"""Headers that replace the admin's key or the body's type, one at a time."""

_PATH_VALUES: tuple[tuple[str, str], ...] = (
    ("non-UTF-8", "%FF%FE"),
    ("a NUL", "a%00b"),
    ("long", "y" * 10_000),
    ("dots", "..%2F..%2Fetc"),
    ("a number out of range", "9" * 40),
)


def _path(path: str, op: dict[str, Any], spoil: tuple[str, str] | None = None) -> str:
    for param in op.get("parameters", []):
        if param["in"] != "path":
            continue
        value = spoil[1] if spoil else ("default" if param["name"] == "dataset" else "1")
        path = path.replace("{" + param["name"] + "}", value)
    return path


def _multipart(field: str, name: str, data: bytes, boundary: str = "sweep") -> bytes:
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"'
        "\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    return head.encode("utf-8", "surrogateescape") + data + f"\r\n--{boundary}--\r\n".encode()


def _valid_body(
    spec: dict[str, Any], content: dict[str, Any]
) -> tuple[bytes | None, tuple[tuple[str, str | bytes], ...]]:
    """A plausible body for an operation (sent with its spoilt parameters, so
    that they are not refused for a missing body before they are read)."""
    if "application/json" in content:
        base = _sample(spec, content["application/json"].get("schema", {}))
        return json.dumps(base).encode(), (("content-type", "application/json"),)
    if "multipart/form-data" in content:
        schema = _resolve(spec, content["multipart/form-data"].get("schema", {}))
        props = schema.get("properties", {})
        field = next((k for k, v in props.items() if "binary" in json.dumps(v)), "file")
        body = _multipart(field, "x.csv", b"name\nJohn Smith\n")
        return body, (("content-type", "multipart/form-data; boundary=sweep"),)
    if "application/x-www-form-urlencoded" in content:
        body = b'queries={"q0": {"query": "John Smith"}}'
        return body, (("content-type", "application/x-www-form-urlencoded"),)
    return None, ()


def _cases(spec: dict[str, Any]) -> Iterator[Case]:
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            method = method.upper()
            url = _path(path, op)
            where = f"{method} {path}"
            content = op.get("requestBody", {}).get("content", {})
            body, headers = _valid_body(spec, content)
            for what, header in _HEADERS:
                yield Case(f"{where}: {what}", method, url, body, (*headers, header))
            for param in op.get("parameters", []):
                if param["in"] == "path":
                    for what, value in _PATH_VALUES:
                        spoilt = _path(path, op, (param["name"], value))
                        yield Case(
                            f"{where}: path {param['name']} {what}", method, spoilt, body, headers
                        )
                elif param["in"] == "query":
                    for what, value in _PARAM_VALUES:
                        yield Case(
                            f"{where}: ?{param['name']} {what}",
                            method,
                            f"{url}?{param['name']}={value}",
                            body,
                            headers,
                        )
            if "application/json" in content:
                yield from _json_cases(spec, where, method, url, content["application/json"])
            if "multipart/form-data" in content:
                yield from _multipart_cases(spec, where, method, url, content)
            if "application/x-www-form-urlencoded" in content:
                form = ("content-type", "application/x-www-form-urlencoded")
                for what, body in (
                    ("non-UTF-8", b"queries=%FF%FE%C3%28"),
                    ("deep queries", b"queries=" + DEEP),
                    ("deep extend", b"extend=" + DEEP),
                    ("numbers", b"queries=" + b"9" * 5000),
                    ("wrong queries", b'queries={"q0": {"query": 12, "limit": "x"}}'),
                    ("raw bytes", b"\xff\xfe=\x00"),
                ):
                    yield Case(f"{where}: form {what}", method, url, body, (form,))


def _json_cases(
    spec: dict[str, Any], where: str, method: str, url: str, media: dict[str, Any]
) -> Iterator[Case]:
    headers = (("content-type", "application/json"),)
    for what, body in _BODIES:
        yield Case(f"{where}: body {what}", method, url, body, headers)
    yield Case(
        f"{where}: body as text/plain", method, url, b"{}", (("content-type", "text/plain"),)
    )
    schema = _resolve(spec, media.get("schema", {}))
    base = _sample(spec, schema)
    if not isinstance(base, dict):
        return
    for key in list(base) or ["unknown"]:
        for what, value in _WRONG_VALUES:
            text = json.dumps({k: v for k, v in base.items() if k != key})
            text = text[:-1] + ("," if len(text) > 2 else "") + f'"{key}": {value}}}'
            yield Case(f"{where}: {key} {what}", method, url, text.encode(), headers)
    for path in _nested(base):
        for what, value in _NESTED_VALUES:
            text = json.dumps(_replaced(base, path, _SPOT)).replace(json.dumps(_SPOT), value)
            name = ".".join(map(str, path))
            yield Case(f"{where}: {name} {what}", method, url, text.encode(), headers)


_SPOT = "\u2603spoilt here\u2603"
"""Stands in for a hostile value in a body's JSON until it is written in."""

_NESTED_VALUES = tuple(
    (what, value)
    for what, value in _WRONG_VALUES
    if what
    in ("an object", "infinity", "a lone surrogate", "a NUL and a formula", "a 900-deep list")
)
"""What each value below the top level of a JSON body is replaced with."""


def _nested(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The paths to every value below the top level of a sample body."""
    children: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list):
        children = list(enumerate(value))
    for key, child in children:
        if len(path) >= 1:
            yield (*path, key)
        yield from _nested(child, (*path, key))


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    """A copy of ``value`` with what is at ``path`` replaced by ``new``."""
    if not path:
        return new
    if isinstance(value, dict):
        return {k: _replaced(v, path[1:], new) if k == path[0] else v for k, v in value.items()}
    return [_replaced(v, path[1:], new) if i == path[0] else v for i, v in enumerate(value)]


def _multipart_cases(
    spec: dict[str, Any], where: str, method: str, url: str, content: dict[str, Any]
) -> Iterator[Case]:
    schema = _resolve(spec, content["multipart/form-data"].get("schema", {}))
    fields = [k for k, v in schema.get("properties", {}).items() if "binary" in json.dumps(v)]
    field = fields[0] if fields else "file"
    form = (("content-type", "multipart/form-data; boundary=sweep"),)
    for what, name, data in (
        ("non-UTF-8 CSV", "x.csv", b"name\n\xff\xfe\xc3(\n"),
        ("non-UTF-8 JSON lines", "x.jsonl", b'{"name": "\xff\xfe"}\n'),
        ("deep JSON line", "x.jsonl", DEEP + b"\n"),
        ("a 5,000-digit number", "x.jsonl", b'{"name": ' + b"9" * 5000 + b"}\n"),
        ("a fake XLSX", "x.xlsx", b"PK\x03\x04not a zip"),
        ("a fake PDF", "x.pdf", b"%PDF-1.7\n garbage"),
        ("a fake DOCX", "x.docx", b"PK\x03\x04\x14\x00garbage"),
        ("an empty file", "x.csv", b""),
        ("NUL bytes", "x.csv", b"name\n\x00\x00\x00\n"),
        ("one huge line", "x.csv", b"name\n" + b"a" * (MAX_UPLOAD - 100)),
        ("oversized", "x.csv", b"name\n" + b"a,\n" * (MAX_UPLOAD // 3 + 10)),
    ):
        yield Case(f"{where}: upload {what}", method, url, _multipart(field, name, data), form)
    for what, body, headers in (
        ("no body", b"", form),
        ("a broken multipart", b"--sweep\r\ngarbage", form),
        ("no boundary", b"x", (("content-type", "multipart/form-data"),)),
        ("JSON instead", b"{}", (("content-type", "application/json"),)),
        ("a wrong field", _multipart("nope", "x.csv", b"name\nx\n"), form),
        ("a non-UTF-8 file name", _multipart(field, "\udcff.csv", b"name\nx\n"), form),
    ):
        yield Case(f"{where}: {what}", method, url, body, headers)


def _raw(headers: tuple[tuple[str, str | bytes], ...]) -> list[tuple[bytes, bytes]]:
    """Headers as bytes, so that a value of non-UTF-8 bytes is sent as it is."""
    return [(k.encode(), v if isinstance(v, bytes) else v.encode()) for k, v in headers]


def _send(http: httpx.Client, case: Case) -> httpx.Response:
    """Send a case; once more if the connection was closed under it (a server
    closes a keep-alive connection after a 500, and the next request on it
    fails: that request is then answered on a new one)."""
    for attempt in (1, 2):
        try:
            return http.request(
                case.method, case.url, content=case.content, headers=_raw(case.headers)
            )
        except (httpx.ReadError, httpx.RemoteProtocolError):
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _problem(resp: httpx.Response) -> str | None:
    """What is wrong with an answer (``None``: nothing)."""
    if resp.status_code >= 500:
        return f"{resp.status_code} {resp.text[:300]!r}"
    if 400 <= resp.status_code < 500:
        try:
            detail = resp.json().get("detail")
        except (ValueError, AttributeError):
            detail = resp.text.strip()
        if not detail:
            return f"{resp.status_code} without a reason: {resp.text[:300]!r}"
    return None


def test_every_route_answers_hostile_input_with_a_4xx_and_a_reason(
    hostile_server: Server,
) -> None:
    with hostile_server.client() as http:
        spec = http.get("/openapi.json").json()
        cases = list(_cases(spec))
        assert len(spec["paths"]) >= 40 and len(cases) > 1000
        problems = []
        for case in cases:
            try:
                resp = _send(http, case)
            except httpx.HTTPError as exc:
                problems.append(f"{case.what}: {type(exc).__name__} {exc}")
                continue
            problem = _problem(resp)
            if problem:
                problems.append(f"{case.what}: {problem}")
        assert _send(http, Case("health", "GET", "/healthz")).status_code == 200
    assert problems == [], "\n".join(problems)
