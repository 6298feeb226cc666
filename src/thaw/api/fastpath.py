"""The fast path of ``POST /match/{dataset}``: the service's hot route answered in
pure ASGI, without FastAPI's per-request machinery.

FastAPI spends more CPU on a ``/match`` call than the screening does (parsing
eleven query parameters one by one, solving dependencies, routing through every
route), so this middleware answers well-formed ``/match`` calls itself: it reads
the body, validates it and the query string with the same models
(:class:`~thaw.schemas.yente.EntityMatchQuery`,
:class:`~thaw.api.routers.match.MatchParams`), authenticates with the same
:func:`~thaw.api.auth.authenticate` and answers with the same
:func:`~thaw.api.routers.match.answer_match` as the FastAPI route. Anything else
goes to the FastAPI route unchanged, including a ``/match`` call whose body or
parameters do not validate (replayed, so that FastAPI words the 422), one
authenticated by cookie or ``?api_key=`` rather than a header, and every other
route. The answers are therefore the same either way, and
``tests/api/test_fastpath.py`` checks that they are.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import HTTPException
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from thaw.api.auth import authenticate, parse_authorization
from thaw.api.routers.match import MatchParams, answer_match
from thaw.api.runtime import Runtime
from thaw.schemas.yente import EntityMatchQuery

log = logging.getLogger("thaw.api")

PREFIX = "/match/"


class MatchFastPath:
    """The fast-path middleware (see the module docs)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or not path.startswith(PREFIX)
            or "/" in path[len(PREFIX) :]
            or len(path) == len(PREFIX)
        ):
            await self.app(scope, receive, send)
            return
        authorization = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                authorization = value.decode("latin-1")
                break
        rt: Runtime | None = getattr(scope["app"].state, "thaw", None)
        if rt is None or (rt.settings.auth and authorization is None):
            await self.app(scope, receive, send)  # cookie or ?api_key=: the slow path
            return
        chunks: list[bytes] = []
        try:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    break
        except StarletteHTTPException as exc:  # the body cap (thaw.api.limits)
            await _send_json(send, exc.status_code, {"detail": exc.detail}, exc.headers)
            return
        raw = b"".join(chunks)
        try:
            body = EntityMatchQuery.model_validate_json(raw)
            params = MatchParams.from_query_string(scope.get("query_string", b""))
        except ValidationError:
            await self.app(scope, _replay(raw, receive), send)  # FastAPI words the 422
            return
        dataset = path[len(PREFIX) :]
        try:
            secret = parse_authorization(authorization) if authorization else None
            principal = authenticate(rt, secret, "screen")
            content = await answer_match(rt, principal, dataset, body, params)
        except HTTPException as exc:
            await _send_json(send, exc.status_code, {"detail": exc.detail}, exc.headers)
            return
        except Exception:
            log.exception("unhandled error on POST %s", path)
            await _send_json(send, 500, {"detail": "internal server error"})
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(content)).encode()),
                    (b"x-batch-size", str(len(body.queries)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": content})


def _replay(raw: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body already read, then defers to ``receive``."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}
        return await receive()

    return replay


async def _send_json(
    send: Send, status: int, body: dict[str, Any], headers: Mapping[str, str] | None = None
) -> None:
    content = json.dumps(body).encode()
    out = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(content)).encode()),
    ]
    out += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": out})
    await send({"type": "http.response.body", "body": content})
