"""In-flight requests finish on the index they started with.

A ``/screen/file`` answer is streamed row by row from the snapshot taken when the
request started. The test holds such a request inside its handler (the ASGI
``send`` stops taking the stream after the first row), activates a new UN
publication with ``thaw load`` meanwhile and waits until the server has installed
it and answers new requests from it. Then it lets the held request go on: every
later row is still screened against the old lists."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from tests import aio
from tests.api.conftest import copy_home
from tests.api.test_reload import volkov_renamed
from tests.cli._cli import thaw
from thaw.api.app import create_app
from thaw.api.settings import Settings

ROWS = 60
BOUNDARY = "thaw-test-boundary"


def upload_body() -> bytes:
    lines = "".join(
        json.dumps({"id": f"c{i}", "name": "Andrei Petrovich Volkov"}) + "\n" for i in range(ROWS)
    )
    return (
        f"--{BOUNDARY}\r\n"
        'Content-Disposition: form-data; name="file"; filename="rows.jsonl"\r\n'
        "Content-Type: application/x-ndjson\r\n\r\n"
        f"{lines}\r\n--{BOUNDARY}--\r\n"
    ).encode()


def scope(method: str, path: str, body: bytes, content_type: str) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1234),
        "headers": [
            (b"content-type", content_type.encode()),
            (b"content-length", str(len(body)).encode()),
        ],
    }


async def call(app: Any, method: str, path: str, body: bytes, content_type: str) -> bytes:
    """A whole request through the app; the response body."""
    sent = False
    out: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.body":
            out.append(message.get("body", b""))

    await app(scope(method, path, body, content_type), receive, send)
    return b"".join(out)


def test_a_held_request_finishes_on_the_lists_it_started_with(
    base_home: Path, tmp_path: Path
) -> None:
    home = copy_home(base_home, tmp_path / "home")
    app = create_app(Settings.model_validate({"home": home, "auth": False, "reload_every": 0.2}))
    lines: list[dict[str, Any]] = []

    async def scenario() -> None:
        async with app.router.lifespan_context(app):
            rt = app.state.thaw
            while rt.engine.current() is None:
                await asyncio.sleep(0.1)
            old = rt.engine.current()
            first_row = asyncio.Event()
            release = asyncio.Event()
            chunks: list[bytes] = []

            async def held_send(message: MutableMapping[str, Any]) -> None:
                if message["type"] != "http.response.body":
                    return
                chunks.append(message.get("body", b""))
                if not first_row.is_set():
                    first_row.set()
                    await release.wait()  # the handler waits here, mid-stream

            body = upload_body()
            delivered = False

            async def receive() -> dict[str, Any]:
                nonlocal delivered
                if not delivered:
                    delivered = True
                    return {"type": "http.request", "body": body, "more_body": False}
                await release.wait()
                await asyncio.Event().wait()
                raise AssertionError("unreachable")

            held = asyncio.create_task(
                app(
                    scope(
                        "POST",
                        "/screen/file",
                        body,
                        f"multipart/form-data; boundary={BOUNDARY}",
                    ),
                    receive,
                    held_send,
                )
            )
            await asyncio.wait_for(first_row.wait(), 60)

            # meanwhile a new publication renames VOLKOV and the server installs it
            def activate() -> None:
                newer = volkov_renamed(tmp_path, "2026-03-05", "VOLKOVSKY")
                run = thaw("load", newer, "--home", home)
                assert run.code == 0, str(run)

            worker = threading.Thread(target=activate)
            worker.start()
            while worker.is_alive():
                await asyncio.sleep(0.1)
            for _ in range(300):
                if rt.engine.current() is not old:
                    break
                await asyncio.sleep(0.1)
            assert rt.engine.current() is not old, "the new lists were not installed"
            fresh = await call(
                app,
                "POST",
                "/match/un_sc",
                json.dumps(
                    {
                        "queries": {
                            "q": {
                                "schema": "Person",
                                "properties": {"name": ["Andrei Petrovich Volkovsky"]},
                            }
                        }
                    }
                ).encode(),
                "application/json",
            )
            top = json.loads(fresh)["responses"]["q"]["results"][0]["caption"]
            assert top == "ANDREI PETROVICH VOLKOVSKY"  # new requests: the new lists

            release.set()
            await asyncio.wait_for(held, 120)
            for line in b"".join(chunks).decode().splitlines():
                lines.append(json.loads(line))

    aio.run(scenario())  # (see tests.aio: Playwright may have left a loop running)
    rows = [line for line in lines if "row" in line]
    assert len(rows) == ROWS
    # every row, before and after the swap, was screened against the old lists
    assert {row["hits"][0]["name"] for row in rows} == {"ANDREI PETROVICH VOLKOV"}
